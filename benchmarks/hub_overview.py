"""The hub's read side at county scale (issue 16: ~750,000 cases of 255 committees; aim: the yearly statistics
in under 1 s on this 2-core machine): the ledger's pages and searches and the yearly statistics, on SQLite and,
where a throwaway PostgreSQL cluster starts (tests/postgres.py), on PostgreSQL. Absolute seconds, and as a
ratio to the same SQL run by the driver alone (sqlite3; psycopg) on the same engine, in the same run.

    .venv/bin/python benchmarks/hub_overview.py [--cases 750000] [--committees 255] [--runs 3] [--rebuild]
                                                [--skip-postgres]

The county is written straight into hub_rows (not through packages: the import has its own benchmark), as
the import would leave it: 255 committees of 13 townships, one village each; three years of cases
(2024-01-01 to 2026-12-06) with realistic clear fields (status, dispute type, dates, 案号 of each village's
own prefix, 司法确认 states) and their party names and facts sealed to the hub's key (one ephemeral key per
committee's package, services/exchange/crypto.RowSealer); 26-27 明白人 each (6,775 in all); every month's
figures as the village would have sent them (its cases counted, a zero report for a month without any).
The indexed columns come from domain/hub_overview.derived_columns, as an import fills them. Built once
into benchmarks/.cache/hub-county-<N>/ (git-ignored; SQLite), and copied into each PostgreSQL run's
database with COPY, then VACUUM ANALYZE (what a server's autovacuum does after a load).

Measured (medians of ``--runs``, after one warm-up):

- ledger, first page: HubOverview.ledger() — count of every case, 50 rows newest first, their villages
  and party names opened; raw: the same count and page SQL;
- ledger, 案号 search: one word of the 案号 (a village's prefix and number: its case of each year), and two words
  (2025） and a number: that case of 2025 in every village), the same;
- ledger, filtered: a township, a year and a status;
- statistics: HubOverview.statistics(the year 2026): 255 × 12 month figures summed village → township →
  county, and the year's cases counted from the index (the 台账 check); raw: the same three queries, no
  JSON parsed.

Always exits 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid as uuid_module
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CACHE = REPO / "benchmarks" / ".cache"
AIM_S = 1.0
TOWNSHIPS = ("汉城街道", "新华街道", "城郊乡", "王庄镇", "沙堰镇", "新甸铺镇", "施庵镇", "歪子镇", "五星镇", "溧河铺镇",
             "王集镇", "上庄乡", "樊集乡")
_STEM_CHARS = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_STATUSES = (("agreement_written", 45), ("agreement_oral", 25), ("terminated", 9), ("mediating", 6),
             ("accepted", 5), ("rejected", 10))
_SOURCES = ("party_application", "committee_initiative", "police_referral", "court_entrusted", "other")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "建国秀英志强桂兰海涛玉梅国庆丽华明亮春花德胜淑珍红军翠英"
HUB_COLUMNS = ("id", "committee_id", "table_name", "uuid", "origin", "row_version", "fields", "refs", "personal",
               "package_id", "case_uuid", "case_number", "deleted_version", "deleted_at", "imported_at",
               "village_uuid", "day", "state", "kind", "effective_on")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _weighted(rng: random.Random, pairs) -> str:
    total = sum(w for _v, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2))))


def new_hub(engine: str, root: Path, hub_keys, cluster=None):
    from xinye_desktop.domain.hub import HubMode
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services.hub import HubSetup
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.hub_database import HubDatabase

    DataPaths(root).create()
    db = Database(root / "xinye.sqlite3") if engine == "sqlite" else HubDatabase(cluster.create_database("county"))
    db.ensure_schema()
    HubSetup(db).set_up(HubMode.COUNTY, "新野县", keys=hub_keys)
    return db


def build(cases: int, committees: int, rebuild: bool) -> tuple[Path, tuple[bytes, bytes]]:
    """The cached county hub (SQLite) and its key pair."""
    from xinye_desktop.domain.enums import DisputeType, ElderIdentity
    from xinye_desktop.domain.hub_overview import derived_columns
    from xinye_desktop.services.exchange import crypto, new_hub_keys

    folder = CACHE / f"hub-county-{cases}-{committees}"
    database, key_file = folder / "xinye.sqlite3", folder / "hub-keys.json"
    if rebuild:
        shutil.rmtree(folder, ignore_errors=True)
    if database.exists() and key_file.exists():
        stored = json.loads(key_file.read_text())
        return folder, (crypto.unb64(stored["public"]), crypto.unb64(stored["private"]))
    shutil.rmtree(folder, ignore_errors=True)
    print(f"building a county of {cases:,} cases in {committees} committees in {folder} (once)")
    started = time.perf_counter()
    public, private = new_hub_keys()
    db = new_hub("sqlite", folder, (public, private))
    db.close()
    rng = random.Random(20261207)
    types = [t.value for t in DisputeType]
    identities = [i.value for i in ElderIdentity]
    first_day, last_day = dt.date(2024, 1, 1), dt.date(2026, 12, 6)
    span = (last_day - first_day).days
    now = "2026-12-07 06:00:00.000000"  # as SQLAlchemy's DateTime writes it
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    stems = set()
    row_id = 0
    insert = f"INSERT INTO hub_rows ({', '.join(HUB_COLUMNS)}) VALUES ({', '.join('?' * len(HUB_COLUMNS))})"
    conn.execute("BEGIN")
    for number in range(committees):
        while True:
            stem = "".join(rng.sample(_STEM_CHARS, 2))
            if stem not in stems:
                stems.add(stem)
                break
        township = TOWNSHIPS[number % len(TOWNSHIPS)]
        village = stem + "村"
        cid = str(uuid_module.uuid4())
        name = f"新野县{township}{village}人民调解委员会"
        conn.execute("INSERT INTO hub_committees (id, name, township, village, signing_key, fingerprint, registered_at, "
                     "registered_by, confirmed_by, acknowledged, highest_up_to, last_package_at) "
                     "VALUES (?, ?, ?, ?, 'x', 'XXXX-XXXX-XXXX-XXXX', ?, '', '', 0, 0, ?)",
                     (cid, name, township, village, now, now))
        sealer = crypto.RowSealer(public)
        package_id = conn.execute(
            "INSERT INTO hub_packages (committee_id, manifest_sha256, file_name, period, since, up_to, created_at, "
            "imported_at, imported_by, ephemeral_key, summary) VALUES (?, ?, ?, '2026-11', 0, 0, '', ?, '', ?, '{}') "
            "RETURNING id", (cid, uuid_module.uuid4().hex * 2, f"{village}-2026-11.xdx", now,
                             crypto.b64(sealer.ephemeral_public))).fetchone()[0]
        village_uuid = str(uuid_module.uuid4())
        rows = []
        version = 0

        def add(table, uuid, fields, refs, personal, case_uuid=None, case_number=None):
            nonlocal row_id, version
            row_id += 1
            version += 1
            sealed = sealer.seal(table, uuid, version, personal) if personal is not None else None
            derived = derived_columns(table, fields, refs)
            rows.append((row_id, cid, table, uuid, cid, version, _dumps(fields), _dumps(refs), sealed, package_id,
                         case_uuid, case_number, None, None, now, *derived.values()))

        add("villages", village_uuid, {"township": township, "name": village, "created_at": now,
                                       "updated_at": now}, {}, None)
        months: dict[str, dict] = {}
        share = cases // committees + (1 if number < cases % committees else 0)
        days = sorted(first_day + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(share))
        sequence: dict[int, int] = {}
        for received in days:
            uuid = str(uuid_module.uuid4())
            sequence[received.year] = sequence.get(received.year, 0) + 1
            case_number = f"（{received.year}）{stem}调字第{sequence[received.year]:04d}号"
            status = _weighted(rng, _STATUSES)
            agreed = status in ("agreement_written", "agreement_oral")
            effective = received + dt.timedelta(days=rng.randrange(5, 40)) if agreed else None
            if effective and effective > last_day:
                effective = None
            confirmable = (rng.random() < 0.85) if status == "agreement_written" and effective else None
            confirmation = None
            if confirmable and effective and (last_day - effective).days > 30:
                confirmation = rng.choice((None, None, "applied", "confirmed", "confirmed", "refused"))
            kind = rng.choice(types)
            source = rng.choice(_SOURCES)
            fields = {"case_number": case_number, "year": received.year, "sequence": sequence[received.year],
                      "received_date": received.isoformat(), "source": source, "dispute_type": kind,
                      "group_name": f"{rng.randrange(1, 12)}组", "status": status,
                      "performance_status": rng.choice(("performed", "performing", "partial")) if effective else None,
                      "confirmation_status": confirmation, "screen_in_court": False, "screen_in_police": False,
                      "screen_in_arbitration": False, "screen_criminal": False, "screen_public_security": False,
                      "screen_party_refuses": False, "version": 3, "effective_on": effective.isoformat() if effective else None,
                      "confirmable": confirmable, "confirmation_applied_on": None, "confirmation_court": "",
                      "confirmation_decided_on": None, "confirmation_number": "",
                      "prevented_criminal_people": 2 if rng.random() < 0.01 else None,
                      "prevented_petition_people": 6 if rng.random() < 0.005 else None,
                      "created_at": f"{received.isoformat()}T08:00:00", "updated_at": f"{received.isoformat()}T09:00:00"}
            names = [_name(rng) for _ in range(2)]
            personal = {"party_names": "、".join(names), "party_initials": "", "facts":
                        f"{names[0]}与{names[1]}因{village}{fields['group_name']}的纠纷申请调解，双方各执一词，经调委会调查核实情况。",
                        "source_note": "", "dispute_type_note": "", "rejection_reason": "", "confirmation_note": "",
                        "created_by": "王保国", "updated_by": "王保国"}
            add("cases", uuid, fields, {"village_id": village_uuid}, personal, uuid, case_number)
            month = months.setdefault(received.isoformat()[:7], {"registered": 0, "rejected": 0, "written": 0,
                                                                  "oral": 0, "terminated": 0, "open": 0,
                                                                  "by_type": {}, "by_source": {}})
            month["registered"] += 1
            key = {"rejected": "rejected", "agreement_written": "written", "agreement_oral": "oral",
                   "terminated": "terminated"}.get(status, "open")
            month[key] += 1
            if status != "rejected":
                month["by_type"][kind] = month["by_type"].get(kind, 0) + 1
                month["by_source"][source] = month["by_source"].get(source, 0) + 1
        for index in range(26 + (1 if number < 6775 - 26 * committees else 0) if committees == 255 else 26):
            uuid = str(uuid_module.uuid4())
            add("elders", uuid, {"sex": rng.choice(("male", "female")), "birth_year": rng.randrange(1940, 1975),
                                 "group_name": f"{rng.randrange(1, 12)}组", "identity": rng.choice(identities),
                                 "selection": "villagers_meeting", "selected_on": "2024-03-01",
                                 "term_end": "2027-02-28", "specialties": "neighbour", "retired": index == 0,
                                 "ad_hoc": False}, {"village_id": village_uuid},
                {"name": _name(rng), "name_initials": "", "phone": "", "identity_note": "", "notes": "",
                 "retired_reason": ""})
        conn.executemany(insert, rows)
        figures = []
        for year in (2024, 2025, 2026):
            for m in range(1, 13):
                code = f"{year}-{m:02d}"
                if code > "2026-11":
                    continue
                got = months.get(code, {"registered": 0, "rejected": 0, "written": 0, "oral": 0, "terminated": 0,
                                        "open": 0, "by_type": {}, "by_source": {}})
                accepted = got["registered"] - got["rejected"]
                figure = {**{k: v for k, v in got.items()}, "accepted": accepted, "parties": accepted * 2,
                          "amount": f"{accepted * 1234}.00", "agreements_with_amount": got["written"] // 2,
                          "month": code, "succeeded": got["written"] + got["oral"], "zero_report": got["registered"] == 0,
                          "villages": [{"village_id": 1, "township": township, "village": village, "accepted": accepted,
                                        "succeeded": got["written"] + got["oral"], "prevented_criminal": 0,
                                        "prevented_criminal_people": 0, "prevented_petition": 0,
                                        "prevented_petition_people": 0, "canvasses": 2, "canvass_found": 1,
                                        "canvass_prevented": 1}] if got["registered"] else [],
                          "canvasses": 2 if got["registered"] else 0, "canvass_found": 1 if got["registered"] else 0,
                          "canvass_prevented": 1 if got["registered"] else 0}
                figures.append((cid, code, package_id, 0, 1 if figure["zero_report"] else 0, _dumps(figure)))
        conn.executemany("INSERT INTO hub_figures (committee_id, period, package_id, up_to, zero_report, figures) "
                         "VALUES (?, ?, ?, ?, ?, ?)", figures)
        if number % 50 == 49:
            print(f"  {number + 1} committees, {row_id:,} rows, {time.perf_counter() - started:.0f} s")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    key_file.write_text(json.dumps({"public": crypto.b64(public), "private": crypto.b64(private)}))
    print(f"  built in {time.perf_counter() - started:.0f} s, {database.stat().st_size / (1 << 20):.0f} MB")
    return folder, (public, private)


def load_postgres(source: Path, cluster, hub_keys, work: Path):
    """A new PostgreSQL hub with the cached county's rows, copied with COPY."""
    import psycopg

    db = new_hub("postgres", work / "postgres", hub_keys, cluster)
    url = db.alembic_url().replace("postgresql+psycopg://", "postgresql://")
    started = time.perf_counter()
    src = sqlite3.connect(source / "xinye.sqlite3")
    tables = {"hub_committees": None, "hub_packages": None, "hub_rows": HUB_COLUMNS, "hub_figures": None}
    with psycopg.connect(url) as conn:
        for table, columns in tables.items():
            cursor = src.execute(f"SELECT {', '.join(columns) if columns else '*'} FROM {table}")
            names = columns or [d[0] for d in cursor.description]
            with conn.cursor() as pg, pg.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                while batch := cursor.fetchmany(5000):
                    for row in batch:
                        copy.write_row(row)
        conn.commit()
        for table in ("hub_packages", "hub_rows"):  # ids given explicitly: the sequences follow
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    src.close()
    print(f"  PostgreSQL loaded in {time.perf_counter() - started:.0f} s")
    return db


# -- the raw SQL, as the queries send it --------------------------------------------------------------------------

RAW_LEDGER = {  # the WHERE beyond the cases still held, and its parameters ({stem}: a village's 案号 prefix)
    "first page": ("", []),
    "案号 search (a village's)": (" AND r.id IN (SELECT s.id FROM hub_rows s WHERE s.table_name = 'cases' AND "
                                 "s.deleted_version IS NULL AND s.case_number LIKE {p} ESCAPE '\\')",
                                 ["%{stem}调字第0123号%"]),
    # two words, each a LIKE, as the service sends them: the 0123rd case of 2025 in every village
    "案号 search (each village's)": (" AND r.id IN (SELECT s.id FROM hub_rows s WHERE s.table_name = 'cases' AND "
                                    "s.deleted_version IS NULL AND s.case_number LIKE {p} ESCAPE '\\' "
                                    "AND s.case_number LIKE {p} ESCAPE '\\')", ["%2025）%", "%调字第0123号%"]),
    "township + year + status": (" AND (r.committee_id, r.village_uuid) IN ({villages}) AND r.day >= {p} "
                                 "AND r.day <= {p} AND r.state = {p}", ["2025-01-01", "2025-12-31", "agreement_written"]),
}


def raw_ledger(conn, engine: str, where: str, params: list):
    """The count and the first page as storage/hub_queries.py sends them, by the driver alone."""
    cond = "r.table_name = 'cases' AND r.deleted_version IS NULL" + where
    count_sql = f"SELECT count(*) FROM hub_rows r WHERE {cond}"
    page_sql = ("SELECT r.id, r.committee_id, c.name, r.uuid, r.case_number, r.day, r.state, r.kind, r.village_uuid, "
                "r.effective_on, r.fields, r.personal, r.package_id, r.row_version, r.deleted_version "
                f"FROM hub_rows r JOIN hub_committees c ON c.id = r.committee_id WHERE {cond} "
                "ORDER BY r.day DESC, r.id DESC LIMIT 50 OFFSET 0")
    total = conn.execute(count_sql, params).fetchone()[0]
    rows = conn.execute(page_sql, params).fetchall()
    return total, len(rows)


def raw_statistics(conn, engine: str):
    """The statistics' four queries as storage/hub_queries.py sends them, no JSON parsed."""
    p = "?" if engine == "sqlite" else "%s"
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    conn.execute("SELECT id, name, township, village, last_package_at FROM hub_committees "
                 "ORDER BY township, name, id").fetchall()
    figures = conn.execute(f"SELECT committee_id, period, zero_report, figures FROM hub_figures WHERE period IN "
                           f"({', '.join([p] * 12)}) ORDER BY committee_id, period", months).fetchall()
    counts = conn.execute(f"SELECT committee_id, village_uuid, state, kind, count(*) FROM hub_rows WHERE "
                          f"table_name = 'cases' AND day >= {p} AND day <= {p} AND deleted_version IS NULL "
                          f"GROUP BY committee_id, village_uuid, state, kind", ["2026-01-01", "2026-12-31"]).fetchall()
    conn.execute("SELECT committee_id, uuid, fields FROM hub_rows WHERE table_name = 'villages'").fetchall()
    return len(figures), sum(r[-1] for r in counts)


def _median(fn, runs: int):
    fn()  # warm-up: the pages a first query reads from disk
    values = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        values.append(time.perf_counter() - started)
    return statistics.median(values), result


def measure(engine: str, db, raw_connect, runs: int) -> list[tuple]:
    from xinye_desktop.domain.hub_overview import HubLedgerFilter
    from xinye_desktop.domain.statistics import Period, PeriodKind
    from xinye_desktop.services.hub.overview import HubOverview

    overview = HubOverview(db, today=lambda: dt.date(2026, 12, 7))
    committees = overview.status(Period(PeriodKind.MONTH, 2026, 11)).reported
    stem = committees[len(committees) // 2].village.removesuffix("村")
    township = committees[0].township
    with db.transaction() as uow:
        from xinye_desktop.storage.hub_queries import HubQueries

        keys = HubQueries(uow.session).village_keys(township)
    villages = ", ".join(f"('{cid}', '{uuid}')" for cid, uuid in keys)
    if engine == "sqlite":
        villages = "VALUES " + villages
    filters = {
        "first page": HubLedgerFilter(),
        "案号 search (a village's)": HubLedgerFilter(text=f"{stem}调字第0123号"),
        "案号 search (each village's)": HubLedgerFilter(text="2025） 调字第0123号"),
        "township + year + status": HubLedgerFilter(township=township, year=2025, status="agreement_written"),
    }
    out = []
    conn = raw_connect()
    try:
        for label, flt in filters.items():
            where, params = RAW_LEDGER[label]
            p = "?" if engine == "sqlite" else "%s"
            where = where.format(p=p, villages=villages)
            params = [value.format(stem=stem) for value in params]
            service_s, page = _median(lambda: overview.ledger(flt, limit=50), runs)
            raw_s, (total, shown) = _median(lambda: raw_ledger(conn, engine, where, params), runs)
            assert page.total == total and len(page.rows) == shown, (label, page.total, total)
            assert all(row.party_names for row in page.rows)
            out.append((f"ledger, {label}", service_s, raw_s, f"{total:,} cases, {shown} shown"))
        year = Period(PeriodKind.YEAR, 2026)
        service_s, stats = _median(lambda: overview.statistics(year), runs)
        raw_s, (figures, held) = _median(lambda: raw_statistics(conn, engine), runs)
        assert stats.reports == figures and stats.county.held_accepted <= held
        out.append(("statistics, the year 2026", service_s, raw_s,
                    f"{stats.reports:,} month figures, {held:,} cases counted"))
    finally:
        conn.close()
    return out


def report(engine: str, results: list[tuple]) -> None:
    for label, service_s, raw_s, note in results:
        aim = ""
        if label.startswith("statistics"):
            aim = f" (aim < {AIM_S:.0f} s: {'met' if service_s < AIM_S else 'NOT met'})"
        print(f"{engine:10s} {label:34s} {service_s:7.3f} s{aim}, raw SQL {raw_s:.3f} s, "
              f"ratio {service_s / raw_s:.2f}x — {note}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=750_000)
    parser.add_argument("--committees", type=int, default=255)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    from xinye_desktop.storage.database import Database, configure_connection

    folder, hub_keys = build(args.cases, args.committees, args.rebuild)
    db = Database(folder / "xinye.sqlite3")

    def sqlite_connect():
        conn = sqlite3.connect(folder / "xinye.sqlite3", isolation_level=None)
        configure_connection(conn)
        return conn

    try:
        report("SQLite", measure("sqlite", db, sqlite_connect, args.runs))
    finally:
        db.close()
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
        with tempfile.TemporaryDirectory(prefix="xinye-hub-overview-") as work:
            db = load_postgres(folder, cluster, hub_keys, Path(work))
            import psycopg

            url = db.alembic_url().replace("postgresql+psycopg://", "postgresql://")
            try:
                report("PostgreSQL", measure("postgres", db, lambda: psycopg.connect(url, autocommit=True), args.runs))
            finally:
                db.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
