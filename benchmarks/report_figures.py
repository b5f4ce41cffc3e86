"""The yearly (and monthly) statistics on a large demo database, as a ratio to the same figures read with
raw sqlite3 in the same run.

    .venv/bin/python benchmarks/report_figures.py                       # 100,000 cases (built once, cached)
    .venv/bin/python benchmarks/report_figures.py --cases 5000 --repeats 5

The baseline is the minimum work for the same report: the same grouped SQL statements on a bare sqlite3
connection (no snapshot transaction, no domain objects, amounts summed in SQL with json_each). Each
figure is the median of --repeats runs after one warm-up; the script prints the ratios and exits 0.
"""

from __future__ import annotations

import argparse
import statistics as stats
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RAW = [
    "SELECT status, COUNT(*) FROM cases WHERE received_date BETWEEN ? AND ? GROUP BY status",
    "SELECT dispute_type, COUNT(*) FROM cases WHERE received_date BETWEEN ? AND ? AND status != 'rejected' GROUP BY dispute_type",
    "SELECT source, COUNT(*) FROM cases WHERE received_date BETWEEN ? AND ? AND status != 'rejected' GROUP BY source",
    "SELECT performance_status, COUNT(*) FROM cases WHERE received_date BETWEEN ? AND ? AND status != 'rejected' GROUP BY 1",
    "SELECT confirmation_status, COUNT(*) FROM cases WHERE received_date BETWEEN ? AND ? AND status != 'rejected' GROUP BY 1",
    "SELECT COUNT(*) FROM parties p JOIN cases c ON c.id = p.case_id WHERE c.received_date BETWEEN ? AND ? "
    "AND c.status != 'rejected' AND NOT p.withdrawn",
    "SELECT c.village_id, COUNT(*), SUM(c.status IN ('agreement_written', 'agreement_oral')) FROM cases c "
    "JOIN villages v ON v.id = c.village_id WHERE c.received_date BETWEEN ? AND ? AND c.status != 'rejected' "
    "GROUP BY c.village_id",
    "SELECT SUM(CAST(json_extract(j.value, '$.amount') AS REAL)) FROM agreements a JOIN cases c ON c.id = a.case_id, "
    "json_each(a.document, '$.content.clauses') j WHERE c.received_date BETWEEN ? AND ? AND a.state = 'signed'",
    # 防止民转刑 / 防止群体性上访 (件, 人) and the 排查 records (by their own date).
    "SELECT village_id, COUNT(prevented_criminal_people), SUM(prevented_criminal_people), "
    "COUNT(prevented_petition_people), SUM(prevented_petition_people) FROM cases WHERE received_date BETWEEN ? AND ? "
    "AND status != 'rejected' AND (prevented_criminal_people IS NOT NULL OR prevented_petition_people IS NOT NULL) "
    "GROUP BY village_id",
    "SELECT village_id, COUNT(*), SUM(found), SUM(prevented) FROM canvasses WHERE held_on BETWEEN ? AND ? "
    "AND deleted_at IS NULL GROUP BY village_id",
]


def timed(fn, repeats: int) -> float:
    fn()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return stats.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--data-dir", type=Path, help="use the database in this folder (e.g. one made by the demo command)")
    args = parser.parse_args()

    from xinye_desktop.domain.statistics import Period, PeriodKind
    from xinye_desktop.demo import generate
    from xinye_desktop.services.statistics import StatisticsService
    from xinye_desktop.storage.database import HEAD_REVISION, Database

    folder = ROOT / "benchmarks" / ".cache" / f"statistics-{args.cases}-{HEAD_REVISION}"
    path = (args.data_dir or folder) / "xinye.sqlite3"
    if args.rebuild and path.exists():
        for f in folder.iterdir():
            if f.is_file():
                f.unlink()
    if not path.exists() and not args.data_dir:
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building a {args.cases}-case demo database in {folder} …", flush=True)
        db = Database(path)
        generate(db, cases=args.cases)
        db.close()
    db = Database(path)
    db.ensure_schema()
    service = StatisticsService(db)
    year = service.years()[0]
    raw = sqlite3.connect(path)
    total = raw.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    print(f"{total} cases; year {year}: "
          f"{raw.execute('SELECT COUNT(*) FROM cases WHERE received_date LIKE ?', (f'{year}-%',)).fetchone()[0]} received")

    rows = []
    for period in (Period(PeriodKind.YEAR, year), Period(PeriodKind.QUARTER, year, 1), Period(PeriodKind.MONTH, year, 3)):
        bounds = (period.start.isoformat(), period.end.isoformat())
        app = timed(lambda: service.compute(period), args.repeats)
        base = timed(lambda: [raw.execute(sql, bounds).fetchall() for sql in RAW], args.repeats)
        rows.append((period.label, app, base))
    village = service.compute(Period(PeriodKind.YEAR, year)).villages[0].village_id
    app = timed(lambda: service.compute(Period(PeriodKind.YEAR, year), village), args.repeats)
    bounds = (f"{year}-01-01", f"{year}-12-31")
    base = timed(lambda: [raw.execute(sql.replace("BETWEEN ? AND ?", "BETWEEN ? AND ? AND c.village_id = ?")
                                      .replace("FROM cases WHERE", "FROM cases c WHERE")
                                      .replace("FROM canvasses WHERE", "FROM canvasses c WHERE"),
                                      (*bounds, village)).fetchall()
                          for sql in RAW], args.repeats)
    rows.append((f"{year}年, one village", app, base))

    print(f"{'report':<24}{'app ms':>10}{'raw ms':>10}{'ratio':>8}")
    for label, app, base in rows:
        print(f"{label:<24}{app * 1000:>10.1f}{base * 1000:>10.1f}{app / base:>8.2f}x")
    print("Without a visible pause means under ~100 ms for a report the clerk switches to.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
