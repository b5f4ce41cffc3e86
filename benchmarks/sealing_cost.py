"""What sealing the personal fields (issue 15 item 4, storage/sealing.py) costs on a 100,000-case database:
a ledger page of 200 rows read from the sealed copy with the key installed, as a ratio to the same page
read from the clear copy, in the same run (aim: <= 1.2x). Also the one-time cost of sealing that folder.

    .venv/bin/python benchmarks/sealing_cost.py [--cases 100000] [--repeats 9] [--work DIR]

The database is the demo's (benchmarks/.cache/demo-<cases>, made by startup_and_search.py, or built here
with ``python -m xinye_desktop demo``); it is copied twice into ``--work`` (default /tmp/xinye-sealing-bench),
both copies upgraded to the current schema, and one of them sealed with a random data key exactly as the
first login seals a clear folder (storage/sealing_upgrade.seal_database, timed). The cache is never written.

Three readings of "a page", each sealed-with-key against clear, interleaved, alternating which goes first,
the median of ``--repeats``:

1. the 台账 page as the app reads it (LedgerService.count + page, 200 rows, newest first): the ledger
   lists no sealed column, so this is the cost the window pays;
2. the page plus every case on it opened as the 受理登记 tab opens one (IntakeService.load, 200 cases,
   their parties' phones, addresses and ID numbers opened through the repositories);
3. the bare decryption: the 200 cases' parties' phone, address and ID number by one plain SQL query,
   opened with FieldSealer.open, against the same query alone (for information: what AES-GCM per
   value costs next to reading it, with no ORM around it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
AIM = 1.2


def source_database(cases: int) -> Path:
    cached = CACHE / f"demo-{cases}" / "xinye.sqlite3"
    if cached.exists():
        return cached
    folder = CACHE / f"demo-{cases}"
    print(f"building {cases:,} demo cases in {folder} (a few minutes)")
    subprocess.run([sys.executable, "-m", "xinye_desktop", "demo", "--data-dir", str(folder), "--cases", str(cases)],
                   check=True, cwd=REPO)
    return cached


def prepare(cases: int, work: Path) -> tuple[Path, Path, bytes, float, int]:
    """(clear copy, sealed copy, the key, seconds the sealing took, rows it sealed)."""
    from xinye_desktop.storage.database import Database, copy_database
    from xinye_desktop.storage.sealing import FieldSealer
    from xinye_desktop.storage.sealing_upgrade import seal_database

    source = source_database(cases)
    work.mkdir(parents=True, exist_ok=True)
    clear, sealed = work / "clear" / "xinye.sqlite3", work / "sealed" / "xinye.sqlite3"
    for target in (clear, sealed):
        if target.parent.exists():
            shutil.rmtree(target.parent)
        target.parent.mkdir(parents=True)
    start = time.perf_counter()
    copy_database(source, clear)
    db = Database(clear)
    db.ensure_schema(before_upgrade=lambda: "")  # a scratch copy: no backup of it
    db.close()
    copy_database(clear, sealed)
    print(f"copies made and upgraded in {time.perf_counter() - start:.1f} s")
    key = os.urandom(32)
    db = Database(sealed)
    start = time.perf_counter()
    done = seal_database(db, FieldSealer(key))
    seconds = time.perf_counter() - start
    db.close()
    return clear, sealed, key, seconds, done.rows


def interleaved(a, b, repeats: int) -> tuple[float, float]:
    a(), b()  # warm: the page cache, the ORM's compiled statements
    a_times, b_times = [], []
    for i in range(repeats):
        for fn in ((a, b) if i % 2 == 0 else (b, a)):
            start = time.perf_counter()
            fn()
            (a_times if fn is a else b_times).append((time.perf_counter() - start) * 1000)
    return statistics.median(a_times), statistics.median(b_times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--work", type=Path, default=Path("/tmp/xinye-sealing-bench"))
    args = parser.parse_args()

    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.services.ledger import LedgerService
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.ledger_queries import LedgerFilter
    from xinye_desktop.storage.sealing import FieldSealer

    clear_path, sealed_path, key, seal_seconds, rows = prepare(args.cases, args.work)
    size = sealed_path.stat().st_size / 2 ** 20
    print(f"sealing {args.cases:,} cases' personal data: {rows:,} rows in {seal_seconds:.1f} s "
          f"(one transaction, then VACUUM; file {size:,.0f} MiB)")

    sealer = FieldSealer(key)
    clear_db, sealed_db = Database(clear_path), Database(sealed_path)
    sealed_db.use_sealer(sealer)
    flt = LedgerFilter()
    ledgers = {db: LedgerService(db) for db in (clear_db, sealed_db)}
    intakes = {db: IntakeService(db) for db in (clear_db, sealed_db)}

    def page(db):
        ledger = ledgers[db]
        return ledger.count(flt), ledger.page(flt, "received_date", True, 0, 200)

    def page_and_cases(db):
        _n, rows_ = page(db)
        return [intakes[db].load(row.id) for row in rows_]

    ids = [row.id for row in page(clear_db)[1]]
    marks = ",".join("?" * len(ids))
    raws = {}
    for db in (clear_db, sealed_db):
        raws[db] = sqlite3.connect(db.path, isolation_level=None)
    select = f"SELECT phone, address, id_number FROM parties WHERE case_id IN ({marks}) AND withdrawn = 0"

    def bare(db, opened: bool):
        rows_ = raws[db].execute(select, ids).fetchall()
        if opened:
            return [(sealer.open("phone", p), sealer.open("address", a), sealer.open("id_number", i))
                    for p, a, i in rows_]
        return rows_

    check = page_and_cases(sealed_db)
    assert [c.parties for c in check] == [c.parties for c in page_and_cases(clear_db)], "sealed reads differ"
    values = sum(1 for row in bare(sealed_db, False) for v in row if v)
    print(f"\n  {'what is read (200 rows of ' + format(args.cases, ',') + ' cases)':58}{'sealed ms':>10}"
          f"{'clear ms':>10}{'ratio':>8}")
    results = []
    for label, sealed_fn, clear_fn in (
            ("1. the ledger page (count + 200 rows)", lambda: page(sealed_db), lambda: page(clear_db)),
            ("2. the page + its 200 cases opened (parties' fields)", lambda: page_and_cases(sealed_db),
             lambda: page_and_cases(clear_db)),
            (f"3. bare: {values:,} sealed values by SQL, opened", lambda: bare(sealed_db, True),
             lambda: bare(clear_db, False))):
        s, c = interleaved(sealed_fn, clear_fn, args.repeats)
        results.append((label, s, c))
        print(f"  {label:58}{s:>10.2f}{c:>10.2f}{s / c:>7.2f}x")
    per_value = (results[2][1] - results[2][2]) / values * 1000
    print(f"\n  AES-256-GCM open: {per_value:.1f} µs per value (Python, cryptography, this CPU)")
    worst = max(s / c for _l, s, c in results[:2])
    print(f"  aim <= {AIM}x on the page as the app reads it (1 and 2): "
          f"{'met' if worst <= AIM else 'NOT met'} ({worst:.2f}x)")
    for raw in raws.values():
        raw.close()
    clear_db.close()
    sealed_db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
