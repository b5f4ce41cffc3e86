"""The hub's import of one village's year (issue 16: aim under 5 s on this 2-core machine), on SQLite and, where
a throwaway PostgreSQL cluster starts (tests/postgres.py), on PostgreSQL: absolute seconds, and as a ratio to
raw SQL inserts of the same rows into the same table on the same engine, in the same run.

    .venv/bin/python benchmarks/hub_import.py [--cases 1000] [--runs 3] [--rebuild] [--skip-postgres]
    .venv/bin/python benchmarks/hub_import.py --county [--villages 255] [--county-villages K] [--county-folder F]

A village's year: 1,000 cases by default, the county benchmark's scale (issue 16: ~750,000 cases of 255
villages in 3 years is ~980 a village a year). The village is the demo generator's (generate(cases=N),
every case with its parties, history, elders' choices, sittings, agreements, terms, visits, the 排查
figures and the archived PDFs), its administrator set up (a cheap KDF: the data sealed, its signing key
made), and its first package (since 0: every row) written to a fixed test hub key; all cached in
benchmarks/.cache/hub-village-<N>/ (git-ignored).

Each run imports the package into a new hub (a new SQLite folder; a new PostgreSQL database):

- import: HubImporter.import_package as shipped: read_package (size, names, signature, every member's
  SHA-256), every personal field opened once, the rows looked up and inserted, the documents copied
  (sealed) with an fsync each, the package's flags, figures and audit row (SQLite), one commit;
- raw SQL: the same hub_rows rows (their parameters made beforehand, outside the clock) inserted with the
  driver's executemany (sqlite3 with the app's pragmas: WAL, synchronous=FULL; psycopg) in one transaction
  into a hub database made the same way.

Medians of ``--runs``; the ratio is import / raw. Always exits 0.

``--county``: the county's year instead (issue 16 item 7): the packages ``demo-county`` makes (255 villages,
one year of 1,000 cases each by default: ``--villages``, ``--cases``), built once into
benchmarks/.cache/county-<V>x1x<N>/ (or ``--county-folder``, a folder demo-county made), all imported one
after another into one new hub (新野县司法局) on SQLite and on PostgreSQL, each package in its own
transaction as import-package does; against the same rows inserted with the driver's executemany into a
hub made the same way, one transaction per package, in the same run. ``--county-villages K`` imports only
the first K packages (the scale measured is printed). Then the export of one village's year (its first
package: every row) and of a month after it (83 new cases, a twelfth of its year, with the 36 showcase
cases worked through the services, and what follows them), against reading the same rows with sqlite3.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
AIM_S = 5.0
ADMIN, PASSWORD = "wangbg", "村委会2026调解"


def village(cases: int, rebuild: bool) -> tuple[Path, tuple[bytes, bytes]]:
    """The cached village's package and the hub key pair it is encrypted to."""
    from xinye_desktop.demo import generate
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services import keys
    from xinye_desktop.services.accounts import AccountService
    from xinye_desktop.services.exchange import ExchangeService, crypto, new_hub_keys
    from xinye_desktop.storage.database import Database

    folder = CACHE / f"hub-village-{cases}"
    package, key_file = folder / "package.xdx", folder / "hub-keys.json"
    if rebuild:
        shutil.rmtree(folder, ignore_errors=True)
    if not package.exists():
        shutil.rmtree(folder, ignore_errors=True)
        print(f"building a village of {cases:,} demo cases in {folder} (once)")
        started = time.perf_counter()
        paths = DataPaths(folder / "data")
        paths.create()
        db = Database(paths.database)
        try:
            generate(db, cases=cases, seed=2026)
            AccountService(db, cost=keys.KdfCost(memory_kib=1024, time_cost=1)).create_first_admin(
                ADMIN, "王保国", PASSWORD)
            public, private = new_hub_keys()
            ExchangeService(db, paths.root).write_package(package, hub_public_key=public, period="2026-12")
        finally:
            db.close()
        key_file.write_text(json.dumps({"public": crypto.b64(public), "private": crypto.b64(private)}))
        print(f"  built in {time.perf_counter() - started:.0f} s")
    stored = json.loads(key_file.read_text())
    return package, (crypto.unb64(stored["public"]), crypto.unb64(stored["private"]))


def new_hub(engine: str, root: Path, hub_keys, cluster=None):
    from xinye_desktop.domain.hub import HubMode
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services.hub import HubSetup
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.hub_database import HubDatabase

    DataPaths(root).create()
    db = Database(root / "xinye.sqlite3") if engine == "sqlite" else HubDatabase(cluster.create_database("bench"))
    db.ensure_schema()
    HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇", keys=hub_keys)
    return db


def raw_parameters(package_path: Path) -> tuple[dict, list[tuple]]:
    """The committee and the hub_rows parameters an import of the package writes, made beforehand."""
    import datetime as dt

    from xinye_desktop.services.exchange import read_package
    from xinye_desktop.services.exchange.format import dumps

    package = read_package(package_path)
    now = dt.datetime(2026, 12, 8, 9, 0)
    rows = []
    for table, lines in package.rows.items():
        for line in lines:
            refs = line.get("refs") or {}
            case_uuid = line["uuid"] if table == "cases" else refs.get("case_id")
            rows.append((package.committee_id, table, line["uuid"], line.get("origin"), line["row_version"],
                         dumps(line["fields"]).decode(), dumps(refs).decode(), line.get("personal"), 1, case_uuid,
                         line["fields"].get("case_number") if table == "cases" else None, None, None, now))
    committee = {"id": package.committee_id, "key": package.manifest["committee"]["signing_key"], "now": now}
    return committee, rows


_INSERT_COLUMNS = ("committee_id, table_name, uuid, origin, row_version, fields, refs, personal, package_id, case_uuid, "
                   "case_number, deleted_version, deleted_at, imported_at")


def raw_insert(engine: str, db, committee: dict, rows: list[tuple]) -> float:
    """Seconds to insert ``rows`` into hub_rows with the driver alone, one transaction (the committee and
    package rows the foreign keys need are put there first, off the clock)."""
    parent = ("INSERT INTO hub_committees (id, name, township, village, signing_key, fingerprint, registered_at, "
              "registered_by, confirmed_by, acknowledged, highest_up_to) VALUES ({p}, 'x', '', '', {p}, 'x', {p}, '', '', 0, 0)")
    package = ("INSERT INTO hub_packages (id, committee_id, manifest_sha256, file_name, period, since, up_to, created_at, "
               "imported_at, imported_by, ephemeral_key, summary) VALUES (1, {p}, 'x', 'x', '2026-12', 0, 0, '', {p}, '', 'x', '{{}}')")
    if engine == "sqlite":
        from xinye_desktop.storage.database import configure_connection

        conn = sqlite3.connect(db.path, isolation_level=None)
        configure_connection(conn)
        try:
            conn.execute(parent.format(p="?"), (committee["id"], committee["key"], committee["now"]))
            conn.execute(package.format(p="?"), (committee["id"], committee["now"]))
            statement = f"INSERT INTO hub_rows ({_INSERT_COLUMNS}) VALUES ({', '.join('?' * 14)})"
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(statement, rows)
            conn.execute("COMMIT")
            return time.perf_counter() - started
        finally:
            conn.close()
    import psycopg

    url = db.alembic_url().replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        conn.execute(parent.format(p="%s"), (committee["id"], committee["key"], committee["now"]))
        conn.execute(package.format(p="%s"), (committee["id"], committee["now"]))
        conn.commit()
        statement = f"INSERT INTO hub_rows ({_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 14)})"
        started = time.perf_counter()
        with conn.cursor() as cursor:
            cursor.executemany(statement, rows)
        conn.commit()
        return time.perf_counter() - started


def measure(engine: str, package: Path, hub_keys, runs: int, work: Path, cluster=None) -> dict:
    from xinye_desktop.services.exchange import read_package
    from xinye_desktop.services.hub import HubImporter

    committee, rows = raw_parameters(package)
    imports, raws, reads, summary = [], [], [], None
    for run in range(runs):
        root = work / f"{engine}-import-{run}"
        db = new_hub(engine, root, hub_keys, cluster)
        try:
            started = time.perf_counter()
            read_package(package)
            reads.append(time.perf_counter() - started)
            importer = HubImporter(db, root)
            importer.ready()  # the login's part, as the command asks it once before its packages
            started = time.perf_counter()
            summary = importer.import_package(package)
            imports.append(time.perf_counter() - started)
            assert summary.status == "imported" and summary.new == len(rows), summary.lines()
        finally:
            db.close()
        db = new_hub(engine, work / f"{engine}-raw-{run}", hub_keys, cluster)
        try:
            raws.append(raw_insert(engine, db, committee, rows))
        finally:
            db.close()
    return {"import": statistics.median(imports), "raw": statistics.median(raws), "read": statistics.median(reads),
            "rows": len(rows), "documents": summary.documents, "runs": runs}


def report(engine: str, figures: dict, size: int) -> None:
    ratio = figures["import"] / figures["raw"]
    met = "met" if figures["import"] < AIM_S else "NOT met"
    print(f"{engine:10s} import {figures['import']:.2f} s (aim < {AIM_S:.0f} s: {met}; of it read_package "
          f"{figures['read']:.2f} s), raw SQL inserts {figures['raw']:.3f} s, ratio {ratio:.1f}x — "
          f"{figures['rows']:,} rows, {figures['documents']} documents, {size / (1 << 20):.1f} MB package, "
          f"median of {figures['runs']}")


# -- the county's year (demo-county's packages) ------------------------------------------------------------------------

def county(villages: int, cases: int, rebuild: bool, folder: Path | None = None) -> tuple[Path, list[Path], tuple]:
    """The county demo's folder, its packages (in the order made) and the hub key pair they are encrypted to
    (read from its hub, logged in as the demo's administrator)."""
    from xinye_desktop.demo.county import HUB_ACCOUNTS, make_county
    from xinye_desktop.services.accounts import AccountService
    from xinye_desktop.services.hub.setup import HUB_PUBLIC_SETTING, private_key_in
    from xinye_desktop.services.exchange import crypto
    from xinye_desktop.storage.database import Database

    if folder is None:
        folder = CACHE / f"county-{villages}x1x{cases}"
        if rebuild:
            shutil.rmtree(folder, ignore_errors=True)
        if not (folder / "made.json").exists():
            shutil.rmtree(folder, ignore_errors=True)
            print(f"building the county demo ({villages} villages, a year of {cases:,} cases each) in {folder} (once)")
            made = make_county(folder, villages=villages, years=1, cases_per_year=cases, seed=2026,
                               progress=lambda line: print("  " + line, flush=True))
            (folder / "made.json").write_text(json.dumps({
                "seconds": made.make_seconds, "workers": made.workers,
                "villages": [{"package": str(v.package.relative_to(folder)), "seconds": v.seconds,
                              "export_seconds": v.export_seconds, "cases": v.cases} for v in made.villages]},
                ensure_ascii=False))
    packages = [folder / v["package"] for v in json.loads((folder / "made.json").read_text())["villages"]] \
        if (folder / "made.json").exists() else sorted((folder / "packages").rglob("*.xdx"))
    username, _name, password = HUB_ACCOUNTS["司法局"]
    db = Database(folder / "hub" / "xinye.sqlite3")
    try:
        AccountService(db).login(username, password)
        with db.transaction() as uow:
            keys = (crypto.unb64(uow.settings.get(HUB_PUBLIC_SETTING)), private_key_in(uow))
    finally:
        db.close()
    return folder, packages, keys


def raw_county(engine: str, db, packages: list[Path]) -> tuple[float, int]:
    """Seconds to insert every package's hub_rows rows with the driver alone, one transaction per package
    (each package's parameters, its committee's and its package's rows made off the clock); and the rows."""
    parent = ("INSERT INTO hub_committees (id, name, township, village, signing_key, fingerprint, registered_at, "
              "registered_by, confirmed_by, acknowledged, highest_up_to) VALUES ({p}, 'x', '', '', {p}, 'x', {p}, '', '', 0, 0)")
    package_row = ("INSERT INTO hub_packages (id, committee_id, manifest_sha256, file_name, period, since, up_to, "
                   "created_at, imported_at, imported_by, ephemeral_key, summary) "
                   "VALUES ({p}, {p}, {p}, 'x', '2026-12', 0, 0, '', {p}, '', 'x', '{{}}')")
    total, count = 0.0, 0
    if engine == "sqlite":
        from xinye_desktop.storage.database import configure_connection

        conn = sqlite3.connect(db.path, isolation_level=None)
        configure_connection(conn)
        mark, statement = "?", f"INSERT INTO hub_rows ({_INSERT_COLUMNS}) VALUES ({', '.join('?' * 14)})"
    else:
        import psycopg

        conn = psycopg.connect(db.alembic_url().replace("postgresql+psycopg://", "postgresql://"))
        mark, statement = "%s", f"INSERT INTO hub_rows ({_INSERT_COLUMNS}) VALUES ({', '.join(['%s'] * 14)})"
    try:
        for number, path in enumerate(packages, start=1):
            committee, rows = raw_parameters(path)
            rows = [(*row[:8], number, *row[9:]) for row in rows]
            conn.execute(parent.format(p=mark), (committee["id"], committee["key"], committee["now"]))
            conn.execute(package_row.format(p=mark), (number, committee["id"], str(number), committee["now"]))
            if engine == "sqlite":
                started = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(statement, rows)
                conn.execute("COMMIT")
            else:
                conn.commit()
                started = time.perf_counter()
                with conn.cursor() as cursor:
                    cursor.executemany(statement, rows)
                conn.commit()
            total += time.perf_counter() - started
            count += len(rows)
    finally:
        conn.close()
    return total, count


def measure_county(engine: str, packages: list[Path], hub_keys, work: Path, cluster=None) -> dict:
    from xinye_desktop.domain.hub import HubMode
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services.hub import HubImporter, HubSetup
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.hub_database import HubDatabase

    def new_county_hub(root: Path):
        DataPaths(root).create()
        db = Database(root / "xinye.sqlite3") if engine == "sqlite" else HubDatabase(cluster.create_database("county"))
        db.ensure_schema()
        HubSetup(db).set_up(HubMode.COUNTY, "新野县", "新野县司法局", keys=hub_keys)
        return db

    root = work / f"{engine}-county"
    db = new_county_hub(root)
    times, rows, documents = [], 0, 0
    try:
        importer = HubImporter(db, root)
        importer.ready()
        for number, package in enumerate(packages, start=1):
            started = time.perf_counter()
            summary = importer.import_package(package, office="司法局")
            times.append(time.perf_counter() - started)
            assert summary.status == "imported" and not summary.updated, summary.lines()
            rows += summary.new
            documents += summary.documents
            if number % 25 == 0:
                print(f"  {engine}: {number}/{len(packages)} packages, {sum(times):.0f} s", flush=True)
    finally:
        db.close()
    shutil.rmtree(root, ignore_errors=True)
    db = new_county_hub(work / f"{engine}-county-raw")
    try:
        raw, raw_rows = raw_county(engine, db, packages)
    finally:
        db.close()
    shutil.rmtree(work / f"{engine}-county-raw", ignore_errors=True)
    assert raw_rows == rows, (raw_rows, rows)
    return {"import": sum(times), "raw": raw, "rows": rows, "documents": documents, "packages": len(packages),
            "median": statistics.median(times), "first": statistics.median(times[:10]),
            "last": statistics.median(times[-10:]), "max": max(times)}


def report_county(engine: str, figures: dict, size: int) -> None:
    ratio = figures["import"] / figures["raw"]
    print(f"{engine:10s} county import {figures['import']:.0f} s for {figures['packages']} villages' year "
          f"({figures['rows']:,} rows, {figures['documents']:,} documents, {size / (1 << 30):.2f} GB of packages), "
          f"raw SQL inserts {figures['raw']:.1f} s, ratio {ratio:.1f}x; a package: median {figures['median']:.2f} s "
          f"(first ten {figures['first']:.2f} s, last ten {figures['last']:.2f} s, slowest {figures['max']:.2f} s; "
          f"aim < {AIM_S:.0f} s: {'met' if figures['max'] < AIM_S else 'NOT met'})")


def measure_export(village: Path, hub_public: bytes, work: Path, runs: int) -> dict:
    """A village's year (its first package, every row) and a month after it, exported; against sqlite3
    reading the same rows."""
    from xinye_desktop.demo import generate
    from xinye_desktop.demo.county import ELDERS_PER_VILLAGE, _village_cost
    from xinye_desktop.demo.crew import ADMIN
    from xinye_desktop.services.accounts import AccountService
    from xinye_desktop.services.exchange import ExchangeService
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.records import TRAVELLING_TABLES

    def raw_read(path: Path, since: int) -> float:
        conn = sqlite3.connect(path)
        try:
            started = time.perf_counter()
            for table in sorted(TRAVELLING_TABLES):
                conn.execute(f"SELECT * FROM {table} WHERE row_version > ?", (since,)).fetchall()
            return time.perf_counter() - started
        finally:
            conn.close()

    figures = {"year": [], "month": [], "year_raw": [], "month_raw": []}
    for run in range(runs):
        copy = work / f"export-{run}"
        shutil.copytree(village, copy, ignore=shutil.ignore_patterns("backups"))
        db = Database(copy / "xinye.sqlite3")
        try:
            AccountService(db, cost=_village_cost()).login(ADMIN.username, ADMIN.password)
            service = ExchangeService(db, copy)
            figures["year_raw"].append(raw_read(db.path, 0))
            started = time.perf_counter()
            year = service.write_package(work / f"year-{run}.xdx", hub_public_key=hub_public, since=0, period="2026-12")
            figures["year"].append(time.perf_counter() - started)
            with sqlite3.connect(db.path) as conn:
                place = conn.execute("SELECT township, name FROM villages").fetchone()
            generate(db, cases=83, seed=run, allow_existing=True, accounts=True, places=[place], years=1,
                     archive_limit=0, elders_per_village=(3, 4))
            figures["month_raw"].append(raw_read(db.path, year.up_to))
            started = time.perf_counter()
            month = service.write_package(work / f"month-{run}.xdx", hub_public_key=hub_public, since=year.up_to,
                                          period="2026-12")
            figures["month"].append(time.perf_counter() - started)
        finally:
            db.close()
        shutil.rmtree(copy, ignore_errors=True)
    out = {k: statistics.median(v) for k, v in figures.items()}
    out.update(year_rows=sum(n for k, n in year.counts.items() if k not in ("documents", "tombstones")),
               month_rows=sum(n for k, n in month.counts.items() if k not in ("documents", "tombstones")),
               year_documents=year.counts.get("documents", 0), month_documents=month.counts.get("documents", 0),
               year_size=year.size, month_size=month.size, runs=runs)
    return out


def report_export(figures: dict) -> None:
    for part in ("year", "month"):
        print(f"export of a village's {part}: {figures[part]:.2f} s ({figures[part + '_rows']:,} rows, "
              f"{figures[part + '_documents']} documents, {figures[part + '_size'] / (1 << 20):.1f} MB), raw sqlite3 "
              f"read of the rows {figures[part + '_raw']:.3f} s, ratio {figures[part] / figures[part + '_raw']:.1f}x "
              f"(median of {figures['runs']})")


def main_county(args) -> int:
    folder, packages, hub_keys = county(args.villages, args.cases, args.rebuild, args.county_folder)
    made = folder / "made.json"
    if made.exists():
        info = json.loads(made.read_text())
        per = statistics.median(v["seconds"] for v in info["villages"])
        print(f"county demo: {len(info['villages'])} villages made in {info['seconds'] / 60:.1f} min with "
              f"{info['workers']} workers (a village: median {per:.1f} s of one worker)")
    if args.county_villages:
        packages = packages[:args.county_villages]
    size = sum(p.stat().st_size for p in packages)
    with tempfile.TemporaryDirectory(prefix="xinye-county-bench-") as work:
        if not args.skip_export:
            village = folder / "villages" / packages[0].stem.rsplit("-", 2)[0]
            report_export(measure_export(village, hub_keys[0], Path(work), args.runs))
        if not args.skip_sqlite:
            report_county("SQLite", measure_county("sqlite", packages, hub_keys, Path(work)), size)
        if args.skip_postgres:
            return 0
        try:
            from tests.postgres import PostgresCluster, find_bindir

            cluster = PostgresCluster(find_bindir())
            cluster.start()
        except Exception as err:  # noqa: BLE001 - whatever stops it is the reason it is not measured
            print(f"PostgreSQL not measured: {type(err).__name__}: {err}")
            return 0
        try:
            report_county("PostgreSQL", measure_county("postgres", packages, hub_keys, Path(work), cluster), size)
        finally:
            cluster.stop()
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--county", action="store_true", help="the county's year (demo-county's packages)")
    parser.add_argument("--villages", type=int, default=255, help="with --county: villages of the demo built")
    parser.add_argument("--county-folder", type=Path, help="with --county: a folder demo-county made")
    parser.add_argument("--county-villages", type=int, help="with --county: import only the first K packages")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    if args.county:
        return main_county(args)
    package, hub_keys = village(args.cases, args.rebuild)
    size = package.stat().st_size
    with tempfile.TemporaryDirectory(prefix="xinye-hub-bench-") as work:
        report("SQLite", measure("sqlite", package, hub_keys, args.runs, Path(work)), size)
        if args.skip_postgres:
            return 0
        try:
            from tests.postgres import PostgresCluster, find_bindir

            cluster = PostgresCluster(find_bindir())
            cluster.start()
        except Exception as err:  # noqa: BLE001 - whatever stops it is the reason it is not measured
            print(f"PostgreSQL not measured: {type(err).__name__}: {err}")
            return 0
        try:
            report("PostgreSQL", measure("postgres", package, hub_keys, args.runs, Path(work), cluster), size)
        finally:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
