"""The ledger's filters and search, and today's work, on a 100,000-case demo database, each as a ratio to
the same SQL through raw sqlite3 in the same run; and the memory of the app with that database open.

    .venv/bin/python -m xinye_desktop demo --data-dir /tmp/demo100k --cases 100000   # once (~1-2 min)
    .venv/bin/python benchmarks/ledger.py --data-dir /tmp/demo100k [--repeats 15]

Queries: what a clerk does in the 台账 tab (the 履行情况 and 司法确认 filters included), each as
LedgerService.count + page(limit=200) (what the model
runs on a filter change) against the very same SQL (storage.ledger_queries.where_clause / page_sql) on a
plain sqlite3 connection to the same file, interleaved, alternating which goes first; the median of
``--repeats`` runs. Search words of 3+ characters go through the FTS5 trigram index, 1-2 characters
through LIKE (tech-notes.md). Today's work: LedgerService.work() against its four count+list queries.
A last line times the Qt model itself (reload + every cell of the 200 rows shown), for information.

Memory: a child process opens the app's main window on that database offscreen (ledger populated, today's
work computed, first paint), and reports its peak resident memory (VmHWM); a bare PySide6 QMainWindow
child is the baseline, in the same run. No aims are asserted; the script prints and exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def queries(conn: sqlite3.Connection):
    """(label, LedgerFilter, sort, descending) taken from the data, so every filter matches something."""
    from xinye_desktop.storage.ledger_queries import LedgerFilter

    village = conn.execute("SELECT village_id FROM cases GROUP BY village_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    host = conn.execute("SELECT person_id FROM case_roles GROUP BY person_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    elder = conn.execute("SELECT elder_id FROM case_elders GROUP BY elder_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    name = conn.execute("SELECT party_names FROM cases ORDER BY id DESC LIMIT 1").fetchone()[0].split(" ")[0]
    number = conn.execute("SELECT case_number FROM cases ORDER BY id DESC LIMIT 1 OFFSET 5000").fetchone()[0]
    fragment = number[number.index("第"):]  # 第01234号: what a clerk reads off a paper
    year = conn.execute("SELECT MAX(year) FROM cases").fetchone()[0]
    return [
        ("no filter, newest first", LedgerFilter(), "received_date", True),
        ("status 调解中", LedgerFilter(status="mediating"), "received_date", True),
        ("type 邻里 + village", LedgerFilter(dispute_type="neighbour", village_id=village), "received_date", True),
        ("date range (one quarter)", LedgerFilter(date_from=dt.date(year, 1, 1), date_to=dt.date(year, 3, 31)),
         "received_date", True),
        ("主持人", LedgerFilter(host_id=host), "received_date", True),
        ("明白人", LedgerFilter(elder_id=elder), "received_date", True),
        (f"full name {name} (FTS)", LedgerFilter(text=name), "received_date", True),
        ("surname 张 (LIKE)", LedgerFilter(text="张"), "received_date", True),
        ("given name 秀英 (LIKE)", LedgerFilter(text="秀英"), "received_date", True),
        ("pinyin zjg", LedgerFilter(text="zjg"), "received_date", True),
        (f"case number {fragment} (FTS)", LedgerFilter(text=fragment), "received_date", True),
        ("facts 宅基地 (FTS)", LedgerFilter(text="宅基地"), "received_date", True),
        ("facts 蔬菜大棚 + status (FTS)", LedgerFilter(text="蔬菜大棚", status="agreement_written"), "received_date",
         True),
        ("facts 花生 争执 (LIKE+LIKE)", LedgerFilter(text="花生 争执"), "received_date", True),
        ("sorted by 司法确认 deadline", LedgerFilter(status="agreement_written"), "confirmation", False),
        ("sorted by party names", LedgerFilter(), "party_names", False),
        # 履行情况 and 司法确认 (the window's state counted from today)
        ("履行情况 已履行", LedgerFilter(performance="performed"), "received_date", True),
        ("履行情况 部分履行", LedgerFilter(performance="partial"), "received_date", True),
        ("履行情况 未履行 + village", LedgerFilter(performance="not_performed", village_id=village), "received_date",
         True),
        ("司法确认 可申请", LedgerFilter(confirmation="open"), "received_date", True),
        ("司法确认 即将到期", LedgerFilter(confirmation="closing"), "received_date", True),
        ("司法确认 已过申请期限", LedgerFilter(confirmation="expired"), "received_date", True),
        ("司法确认 申请中", LedgerFilter(confirmation="applied"), "received_date", True),
        ("司法确认 已确认", LedgerFilter(confirmation="confirmed"), "received_date", True),
        ("司法确认 不能申请（婚姻等）", LedgerFilter(confirmation="not_eligible"), "received_date", True),
        ("履行中 + 可申请, by deadline", LedgerFilter(performance="performing", confirmation="open"), "confirmation",
         False),
    ]


def median_ms(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_ledger(db_path: Path, repeats: int) -> list[tuple[str, float, float]]:
    from xinye_desktop.services.ledger import LedgerService
    from xinye_desktop.storage.database import Database, configure_connection
    from xinye_desktop.storage.ledger_queries import where_clause, page_sql, today_queries
    from xinye_desktop.domain.aftercare import CONFIRMATION_DAYS, UPCOMING_DAYS

    db = Database(db_path)
    ledger = LedgerService(db)
    raw = sqlite3.connect(db_path, isolation_level=None)
    configure_connection(raw)
    results = []
    today = ledger.today()
    print(f"  {'query':36}{'matches':>9}{'app ms':>9}{'raw ms':>9}{'ratio':>8}")
    for label, flt, sort, descending in queries(raw):
        def app():
            return ledger.count(flt), ledger.page(flt, sort, descending, 0, 200)

        def bare():
            where, params = where_clause(flt, today)
            n = raw.execute(f"SELECT COUNT(*) FROM cases c{where}", params).fetchone()[0]
            sql, p = page_sql(flt, sort, descending, 0, 200, today=today)
            return n, raw.execute(sql, p).fetchall()

        n = app()[0]
        app(), bare()  # warm
        a_times, r_times = [], []
        for i in range(repeats):
            first, second = (app, bare) if i % 2 == 0 else (bare, app)
            for fn in (first, second):
                start = time.perf_counter()
                fn()
                (a_times if fn is app else r_times).append((time.perf_counter() - start) * 1000)
        a, r = statistics.median(a_times), statistics.median(r_times)
        results.append((label, a, r))
        print(f"  {label:36}{n:>9,}{a:>9.2f}{r:>9.2f}{a / r:>7.2f}x")

    a = median_ms(ledger.work, repeats)
    r = median_ms(lambda: today_queries(raw, today, UPCOMING_DAYS, 30, CONFIRMATION_DAYS), repeats)
    results.append(("today's work (4 lists + counts)", a, r))
    print(f"  {'today' + chr(39) + 's work (4 lists + counts)':36}{'':>9}{a:>9.2f}{r:>9.2f}{a / r:>7.2f}x")
    raw.close()
    db.close()
    return results


def bench_model(db_path: Path, repeats: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from xinye_desktop.services.ledger import LedgerService
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.ledger_queries import LedgerFilter
    from xinye_desktop.ui.ledger_tab import LedgerModel

    QApplication.instance() or QApplication([])
    db = Database(db_path)
    model = LedgerModel(LedgerService(db))

    def reload_and_paint():
        model.set_filter(LedgerFilter(text="宅基地"))
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

    ms = median_ms(reload_and_paint, repeats)
    print(f"  Qt model: filter 宅基地, reload + every cell of {model.rowCount()} rows: {ms:.1f} ms")
    db.close()


CHILD_APP = """
import os, sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from xinye_desktop.paths import DataPaths
from xinye_desktop.app import create_application, open_database, create_window
paths = DataPaths(Path({data!r}))
app, tr, ui, fam = create_application(paths, "zh_CN")
db = open_database(paths)
w = create_window(paths, db, tr, ui)
w.resize(1366, 768); w.show()
for _ in range(20): app.processEvents()
w.tabs.setCurrentWidget(w.ledger_tab)
for _ in range(20): app.processEvents()
"""
CHILD_BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show()
for _ in range(20): app.processEvents()
"""
CHILD_REPORT = """
status = open("/proc/self/status").read().split("\\n")
print([l.split()[1] for l in status if l.startswith("VmHWM")][0])
os._exit(0) if "os" in dir() else __import__("os")._exit(0)
"""


def bench_memory(data_dir: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    peaks = {}
    for name, body in (("bare", CHILD_BARE), ("app", CHILD_APP.format(repo=str(REPO), data=str(data_dir)))):
        out = subprocess.run([sys.executable, "-c", body + CHILD_REPORT], env=env, capture_output=True, text=True,
                             cwd=str(REPO), timeout=300)
        peaks[name] = int(out.stdout.strip().splitlines()[-1]) / 1024
    size = sum(p.stat().st_size for p in data_dir.glob("xinye.sqlite3*")) / 1024 / 1024
    print(f"  peak resident memory: bare QMainWindow {peaks['bare']:.0f} MB, app with the database open "
          f"{peaks['app']:.0f} MB ({peaks['app'] / peaks['bare']:.2f}x; +{peaks['app'] - peaks['bare']:.0f} MB); "
          f"database file {size:.0f} MB")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/demo100k"))
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args(argv)
    db_path = args.data_dir / "xinye.sqlite3"
    if not db_path.exists():
        print(f"no database at {db_path}: make one with  python -m xinye_desktop demo --data-dir {args.data_dir} "
              "--cases 100000")
        return 0
    cases = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    print(f"ledger on {cases:,} cases ({db_path}), median of {args.repeats}:")
    results = bench_ledger(db_path, args.repeats)
    geo = math.exp(sum(math.log(a / r) for _l, a, r in results) / len(results))
    worst = max(results, key=lambda x: x[1])
    print(f"  geometric-mean ratio app / raw: {geo:.3f}x; slowest app query: {worst[0]} {worst[1]:.1f} ms")
    bench_model(db_path, args.repeats)
    if not args.skip_memory:
        bench_memory(args.data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
