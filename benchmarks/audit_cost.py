"""What the permission check and the audit row (issue 15 items 2 and 3) cost on a case save: the 受理登记
tab's save (IntakeService.update of a case with its parties, one transaction) with services/access.guard
and the hash-chained audit row, as a ratio to the same save without them, in the same run (aim <= 1.2x).

    .venv/bin/python benchmarks/audit_cost.py [--cases 2000] [--saves 200] [--work DIR]

The database: the demo's (generate(cases=N), cached in benchmarks/.cache/audit-<N>, never written), copied
to ``--work`` (default /tmp/xinye-audit-bench); there a 管理员 and a 调解员 are made (a cheap KDF: the
password hash is not what is measured) and the 调解员 logs in, so the data is sealed and every save
seals and opens the parties' fields in both arms alike. The audit trail then holds the demo's rows and
grows by one per audited save.

The two arms, interleaved save by save (alternating which goes first), the same case each time with its
facts changed, so that each save writes the case and one history line:

- audited: IntakeService.update as shipped: guard(EDIT_CASES) reads the account, the audit row reads
  the chain's last row and sqlite_sequence, hashes, and is inserted in the save's transaction;
- bare: the same call with ``guard`` and ``audit.record`` replaced by no-ops in services/intake.py (the
  history line is still written, as before issue 15).

Median of each arm; the ratio is audited / bare. Always exits 0.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
AIM = 1.2


def source_folder(cases: int) -> Path:
    from xinye_desktop.demo import generate
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.storage.database import Database

    folder = CACHE / f"audit-{cases}"
    if (folder / "xinye.sqlite3").exists():
        return folder
    print(f"building {cases:,} demo cases in {folder}")
    paths = DataPaths(folder)
    paths.create()
    db = Database(paths.database)
    try:
        generate(db, cases=cases, seed=2026)
    finally:
        db.close()
    return folder


def prepare(cases: int, work: Path):
    from xinye_desktop.domain.accounts import AccountRole
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services import keys
    from xinye_desktop.services.accounts import AccountService
    from xinye_desktop.storage.database import Database

    source = source_folder(cases)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work / "data", ignore=shutil.ignore_patterns("documents", "backups"))
    paths = DataPaths(work / "data")
    db = Database(paths.database)
    db.ensure_schema()
    accounts = AccountService(db, cost=keys.KdfCost(memory_kib=1024, time_cost=1))
    admin = accounts.create_first_admin("wangbg", "王保国", "王庄调解2026").session
    accounts.add_account(admin, "liuzh", "刘振华", AccountRole.MEDIATOR, "临时密码2026")
    session = accounts.login("liuzh", "临时密码2026")
    accounts.change_password(session, "临时密码2026", "调解员刘2026")
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--saves", type=int, default=200, help="saves per arm")
    parser.add_argument("--work", type=Path, default=Path("/tmp/xinye-audit-bench"))
    args = parser.parse_args()

    import xinye_desktop.services.intake as intake_module
    from xinye_desktop.domain.cases import CaseInput
    from xinye_desktop.services.intake import IntakeService

    db = prepare(args.cases, args.work)
    intake = IntakeService(db)
    case_id = db.read_connection().execute(
        "SELECT c.id FROM cases c WHERE c.status = 'accepted' AND "
        "(SELECT count(*) FROM parties p WHERE p.case_id = c.id) >= 2 ORDER BY c.id DESC LIMIT 1").fetchone()[0]
    shipped = (intake_module.guard, intake_module.audit)
    bare = (lambda uow, permission, *, case_id=None: None,
            SimpleNamespace(history=lambda uow, case, action, changes: uow.history.add(case, action, changes),
                            record=lambda *a, **k: None))

    def save(n: int) -> float:
        case = intake.load(case_id)
        data = replace(CaseInput.from_case(case), facts=f"{case.facts.split('（第')[0]}（第{n}次修改）")
        started = time.perf_counter()
        intake.update(case_id, data, expected_version=case.version)
        return time.perf_counter() - started

    def rows() -> int:
        return db.read_connection().execute("SELECT count(*) FROM audit_log").fetchone()[0]

    for n in range(10):  # warm: the ORM's statements compiled, the pages in the cache
        save(n)
    timings = {"audited": [], "bare": []}
    audited_before = rows()
    for n in range(args.saves):
        order = ("audited", "bare") if n % 2 == 0 else ("bare", "audited")
        for arm in order:
            intake_module.guard, intake_module.audit = shipped if arm == "audited" else bare
            timings[arm].append(save(1000 + 2 * n + (arm == "bare")))
    intake_module.guard, intake_module.audit = shipped
    added = rows() - audited_before
    db.close()

    audited, plain = (statistics.median(timings[a]) * 1000 for a in ("audited", "bare"))
    ratio = audited / plain
    print(f"{args.cases:,} demo cases, {args.saves} saves per arm, interleaved; audit trail grew by {added} rows")
    print(f"| case save (IntakeService.update) | audited {audited:.2f} ms | bare {plain:.2f} ms | {ratio:.2f}x |")
    print(f"aim <= {AIM}x: {'met' if ratio <= AIM else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
