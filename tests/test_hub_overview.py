"""What a hub shows of the villages' imported data (issue 16 item 3, the read side; services/hub/overview.py,
storage/hub_queries.py): the consolidated 台账, the statistics rolled up village → township → county, who
has not reported, the overdue visits and closing 司法确认 windows, the 明白人库; on SQLite and on PostgreSQL.

The villages are tests/test_hub_import.py's (copies of the demo folder, each a committee of its own, their
packages written by the real exchange writer); what the hub shows is checked against what the packages
carry, read and opened independently of the hub (services/exchange.read_package)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.test_hub_import import ADMIN, CHEAP, PASSWORD, hub_keys, villages  # noqa: F401  (fixtures)
from xinye_desktop.domain.aftercare import WindowState, confirmation_window
from xinye_desktop.domain.enums import CaseStatus, ConfirmationStatus
from xinye_desktop.domain.hub import HubMode
from xinye_desktop.domain.hub_overview import DERIVED_COLUMNS, HubElderFilter, HubLedgerFilter, derived_columns
from xinye_desktop.domain.statistics import Period, PeriodKind
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.exchange import ExchangeService, read_package
from xinye_desktop.services.hub import HubImporter, HubSetup
from xinye_desktop.services.hub.overview import HubOverview
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase

MARCH = Period(PeriodKind.MONTH, 2026, 3)
LONG_AGO = Period(PeriodKind.MONTH, 2020, 1)  # before any demo case: 李庄村 sends a zero report for it


@dataclass
class Held:
    """What the packages imported into the hub carry, read apart from the hub."""

    rows: dict[tuple[str, str], list[dict]]  # (committee, table) -> lines
    personal: dict[tuple[str, str], dict]  # (committee, table) -> uuid -> opened personal fields
    names: dict[str, str]  # committee -> name
    villages: dict[tuple[str, str], tuple[str, str]]  # (committee, village uuid) -> (township, name)
    figures: dict[tuple[str, str], dict]  # (committee, month) -> figures.json


@dataclass
class Hub:
    db: Database
    root: Path
    engine: str
    held: Held
    overview: HubOverview


def _read(paths, private) -> Held:
    held = Held({}, {}, {}, {}, {})
    for path in paths:
        package = read_package(path)
        cid = package.committee_id
        held.names[cid] = package.manifest["committee"]["name"]
        held.figures[cid, package.manifest["period"]["month"]] = package.figures
        for table, opened in package.open_personal(private).items():
            held.personal.setdefault((cid, table), {}).update(opened)
        for table, lines in package.rows.items():
            by_uuid = {line["uuid"]: line for line in held.rows.get((cid, table), [])}
            by_uuid.update({line["uuid"]: line for line in lines})
            held.rows[cid, table] = list(by_uuid.values())
        for line in package.rows.get("villages", []):
            held.villages[cid, line["uuid"]] = (line["fields"]["township"], line["fields"]["name"])
    return held


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request, villages, hub_keys, tmp_path_factory) -> Hub:  # noqa: F811
    """A 司法所 of 王庄镇 that imported 王庄村's and 李庄村's March, and 李庄村's zero report of January 2020."""
    base = tmp_path_factory.mktemp("overview")
    li = base / "li"
    shutil.copytree(villages["li"].root, li)
    village = Database(li / "xinye.sqlite3")
    AccountService(village, cost=CHEAP).login(ADMIN, PASSWORD)
    zero = ExchangeService(village, li).write_package(base, hub_public_key=hub_keys[0], period="2020-01").path
    village.close()
    root = base / "hub"
    DataPaths(root).create()
    if request.param == "sqlite":
        db = Database(root / "xinye.sqlite3")
    else:
        db = HubDatabase(request.getfixturevalue("postgres_cluster").create_database("xinye_overview"))
    db.ensure_schema()
    HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇", keys=hub_keys)
    packages = [villages["wang"].package, villages["li"].package, zero]
    assert [s.status for s in HubImporter(db, root).import_packages(packages)] == ["imported"] * 3
    yield Hub(db, root, request.param, _read(packages, hub_keys[1]), HubOverview(db))
    db.close()


def _cases(hub: Hub) -> list[tuple[str, dict]]:
    return [(cid, line) for (cid, table), lines in hub.held.rows.items() if table == "cases" for line in lines]


# -- the 台账 ----------------------------------------------------------------------------------------------------

def test_the_ledger_pages_every_village_case_in_a_stable_order_with_the_page_s_names_opened(hub):
    cases = _cases(hub)
    first = hub.overview.ledger(limit=40)
    assert first.total == len(cases) > 200 and first.names_opened and len(first.rows) == 40
    seen, offset = [], 0
    while offset < first.total:
        page = hub.overview.ledger(offset=offset, limit=97, names=False)
        assert not page.names_opened and all(row.party_names == "" for row in page.rows)
        seen += [(row.committee_id, row.uuid, row.received_date) for row in page.rows]
        offset += 97
    assert len(seen) == len(set(seen)) == len(cases)  # no row twice, none skipped
    assert [day for *_key, day in seen] == sorted((day for *_key, day in seen), reverse=True)
    assert {(cid, line["uuid"]) for cid, line in cases} == {(cid, uuid) for cid, uuid, _day in seen}
    for row in first.rows:  # the names are the village's, opened with the hub's key, and the rest as sent
        personal = hub.held.personal[row.committee_id, "cases"][row.uuid]
        line = next(line for cid, line in cases if cid == row.committee_id and line["uuid"] == row.uuid)
        assert row.party_names == personal["party_names"] and row.party_names
        assert (row.case_number, row.status, row.dispute_type, row.received_date) == (
            line["fields"]["case_number"], line["fields"]["status"], line["fields"]["dispute_type"],
            line["fields"]["received_date"])
        assert (row.township, row.village) == hub.held.villages[row.committee_id, line["refs"]["village_id"]]
        assert row.committee == hub.held.names[row.committee_id]


def test_the_ledger_filters_by_township_committee_village_dates_status_type_and_case_number(hub):
    cases = _cases(hub)
    wang = next(cid for cid, name in hub.held.names.items() if "王庄村" in name)

    def expected(keep) -> int:
        return sum(1 for cid, line in cases if keep(cid, line["fields"], hub.held.villages[cid, line["refs"]["village_id"]]))

    township = Counter(hub.held.villages[cid, line["refs"]["village_id"]][0] for cid, line in cases).most_common(2)[1][0]
    some = cases[0][1]["fields"]
    year = int(some["received_date"][:4])
    checks = [
        (HubLedgerFilter(township=township), lambda c, f, v: v[0] == township),
        (HubLedgerFilter(committee_id=wang), lambda c, f, v: c == wang),
        (HubLedgerFilter(committee_id=wang, village=hub.held.villages[cases[0][0], cases[0][1]["refs"]["village_id"]][1]),
         lambda c, f, v: c == wang and v[1] == hub.held.villages[cases[0][0], cases[0][1]["refs"]["village_id"]][1]),
        (HubLedgerFilter(year=year), lambda c, f, v: f["received_date"].startswith(str(year))),
        (HubLedgerFilter(year=year, date_from=dt.date(year, 3, 1), date_to=dt.date(year + 1, 5, 1)),
         lambda c, f, v: f"{year}-03-01" <= f["received_date"] <= f"{year}-12-31"),
        (HubLedgerFilter(status=CaseStatus.AGREEMENT_WRITTEN.value), lambda c, f, v: f["status"] == "agreement_written"),
        (HubLedgerFilter(dispute_type=some["dispute_type"], township=township),
         lambda c, f, v: f["dispute_type"] == some["dispute_type"] and v[0] == township),
        (HubLedgerFilter(text=some["case_number"]), lambda c, f, v: f["case_number"] == some["case_number"]),
        (HubLedgerFilter(text="第01"), lambda c, f, v: "第01" in f["case_number"]),
        (HubLedgerFilter(text="100%_"), lambda c, f, v: False),  # LIKE's wildcards are looked for as typed
        (HubLedgerFilter(township="没有这个乡"), lambda c, f, v: False),
    ]
    for flt, keep in checks:
        page = hub.overview.ledger(flt, limit=500, names=False)
        assert page.total == len(page.rows) == expected(keep), flt
        assert page.total or flt.township == "没有这个乡" or "%" in flt.text
    by_number = hub.overview.ledger(HubLedgerFilter(text=some["case_number"]), sort="case_number", descending=False)
    assert [row.committee_id for row in by_number.rows] == sorted(row.committee_id for row in by_number.rows)
    by_committee = hub.overview.ledger(sort="committee", descending=False, limit=500, names=False)
    names = [row.committee for row in by_committee.rows]
    assert names == sorted(names)


# -- statistics ---------------------------------------------------------------------------------------------------

def test_the_month_s_statistics_roll_the_villages_figures_up_to_township_and_county(hub):
    stats = HubOverview(hub.db, today=lambda: dt.date(2026, 12, 7)).statistics(MARCH)
    march = [f for (cid, month), f in hub.held.figures.items() if month == "2026-03"]
    assert len(march) == 2 and stats.reports == 2 and stats.committees == 2 and stats.missing == []
    assert stats.total.accepted == sum(f["accepted"] for f in march) > 0
    assert stats.total.registered == sum(f["registered"] for f in march)
    assert stats.total.parties == sum(f["parties"] for f in march)
    assert str(stats.total.amount) == str(sum(__import__("decimal").Decimal(f["amount"]) for f in march))
    assert sum(stats.total.by_type.values()) == stats.total.accepted
    # village → township → county: every level sums the one below, and the county is the report's total
    assert sum(v.accepted for v in stats.villages) == stats.county.accepted == stats.total.accepted
    assert stats.county.succeeded == stats.total.succeeded and stats.county.canvasses == stats.total.canvasses
    for township in stats.townships:
        assert township.accepted == sum(v.accepted for v in stats.villages if v.township == township.township)
    assert {v.committee for v in stats.villages} == set(hub.held.names.values())
    # each village line beside what the hub's rows count: the same cases (the packages brought every row)
    held = Counter()
    for cid, line in _cases(hub):
        f = line["fields"]
        if f["received_date"].startswith("2026-03") and f["status"] != "rejected":
            held[hub.held.names[cid], *hub.held.villages[cid, line["refs"]["village_id"]]] += 1
    assert {(v.committee, v.township, v.village): v.held_accepted for v in stats.villages if v.held_accepted} == held
    assert stats.county.held_accepted == stats.county.accepted


def test_a_year_counts_zero_reports_as_reports_and_names_the_missing_months(hub):
    stats = HubOverview(hub.db, today=lambda: dt.date(2020, 3, 15)).statistics(Period(PeriodKind.YEAR, 2020))
    assert stats.months[0] == "2020-01" and len(stats.months) == 12
    assert (stats.reports, stats.zero_reports, stats.expected_reports) == (1, 1, 2 * 3)  # Jan-Mar are due
    li = next(name for name in hub.held.names.values() if "李庄村" in name)
    wang = next(name for name in hub.held.names.values() if "王庄村" in name)
    assert sorted(stats.missing) == sorted([(wang, "2020-01"), (wang, "2020-02"), (wang, "2020-03"),
                                            (li, "2020-02"), (li, "2020-03")])
    assert stats.total.accepted == 0 and not stats.complete


# -- who reported, overdue visits, closing windows ------------------------------------------------------------------

def _closing_day(hub: Hub) -> dt.date:
    """A day on which at least one case's 司法确认 window is about to close."""
    for _cid, line in _cases(hub):
        f = line["fields"]
        if f["status"] == "agreement_written" and f.get("confirmable") and f.get("effective_on") \
                and not f.get("confirmation_status"):
            return dt.date.fromisoformat(f["effective_on"]) + dt.timedelta(days=26)
    pytest.fail("no demo case has an open window")


def test_the_month_s_status_lists_who_reported_the_overdue_visits_and_the_closing_windows(hub):
    today = _closing_day(hub)
    status = hub.overview.status(LONG_AGO, today=today, limit=1000)
    assert [(r.name, r.zero_report) for r in status.reported] == [
        (n, True) for n in hub.held.names.values() if "李庄村" in n]
    assert [r.name for r in status.not_reported] == [n for n in hub.held.names.values() if "王庄村" in n]
    march = hub.overview.status(MARCH, today=today)
    assert len(march.reported) == 2 and march.not_reported == []

    # The overdue visits as the village app defines them: not made, not cancelled, due before today (a day
    # between the pending visits' due days, so that some are overdue and some not yet).
    cases = {(cid, line["uuid"]): line for cid, line in _cases(hub)}
    pending = sorted(line["fields"]["due_on"] for (cid, table), lines in hub.held.rows.items()
                     if table == "return_visits" for line in lines
                     if line["fields"]["visited_on"] is None and not line["fields"]["cancelled"])
    assert len(pending) > 2
    later = dt.date.fromisoformat(pending[len(pending) // 2]) + dt.timedelta(days=1)
    visits = hub.overview.status(MARCH, today=later, limit=1000)
    overdue = sorted(
        (dt.date.fromisoformat(line["fields"]["due_on"]), cases[cid, line["refs"]["case_id"]]["fields"]["case_number"])
        for (cid, table), lines in hub.held.rows.items() if table == "return_visits" for line in lines
        if line["fields"]["visited_on"] is None and not line["fields"]["cancelled"]
        and line["fields"]["due_on"] < later.isoformat())
    assert visits.overdue_visits == len(overdue) and 0 < len(overdue) < len(pending)
    assert sorted((v.due_on, v.case_number) for v in visits.overdue) == overdue
    assert [v.due_on for v in visits.overdue] == sorted(v.due_on for v in visits.overdue)  # the most overdue first
    assert all(v.days_overdue == (later - v.due_on).days > 0 for v in visits.overdue)
    assert len(hub.overview.status(MARCH, today=later, limit=3).overdue) == 3

    # The closing windows by domain/aftercare.confirmation_window, case by case.
    closing = []
    for (cid, _uuid), line in cases.items():
        f = line["fields"]
        window = confirmation_window(
            CaseStatus.from_code(f["status"]), f.get("confirmable"),
            dt.date.fromisoformat(f["effective_on"]) if f.get("effective_on") else None,
            ConfirmationStatus.from_code(f["confirmation_status"]) if f.get("confirmation_status") else None, today)
        if window.state is WindowState.CLOSING:
            closing.append((cid, f["case_number"], window.deadline, window.days_left))
    assert status.closing_windows == len(closing) > 0
    assert sorted((w.committee_id, w.case_number, w.deadline, w.days_left) for w in status.closing) == sorted(closing)
    assert all(0 <= w.days_left <= 7 for w in status.closing)


# -- the 明白人库 ---------------------------------------------------------------------------------------------------

def test_the_county_s_elders_are_counted_by_village_and_identity_and_their_names_opened_per_page(hub):
    elders = [(cid, line) for (cid, table), lines in hub.held.rows.items() if table == "elders" for line in lines
              if not line["fields"]["retired"]]
    page = hub.overview.elders(limit=25)
    assert page.total == len(elders) > 25 and len(page.rows) == 25 and page.names_opened
    assert sum(page.by_identity.values()) == len(elders) == sum(c.total for c in page.counts)
    assert page.by_identity == dict(sorted(Counter(line["fields"]["identity"] for _c, line in elders).items()))
    expected = Counter((hub.held.names[cid], *hub.held.villages[cid, line["refs"]["village_id"]]) for cid, line in elders)
    assert {(c.committee, c.township, c.village): c.total for c in page.counts} == expected
    for row in page.rows:
        assert row.name == hub.held.personal[row.committee_id, "elders"][row.uuid]["name"] and not row.retired
    township = page.rows[0].township
    narrowed = hub.overview.elders(HubElderFilter(township=township), limit=1000, names=False)
    assert narrowed.total == sum(1 for cid, line in elders if hub.held.villages[cid, line["refs"]["village_id"]][0]
                                 == township) and all(r.name == "" for r in narrowed.rows)
    with_retired = hub.overview.elders(HubElderFilter(include_retired=True), limit=1, names=False)
    assert with_retired.total == sum(len(lines) for (c, t), lines in hub.held.rows.items() if t == "elders")


# -- the indexed columns --------------------------------------------------------------------------------------------

def test_the_indexed_columns_hold_what_the_json_says_and_migration_0013_backfills_them(hub):
    import importlib

    backfill = importlib.import_module("xinye_desktop.storage.migrations.versions.0013_hub_overview")
    import json

    columns = ", ".join(DERIVED_COLUMNS)
    with hub.db.engine.connect() as conn:
        stored = conn.execute(text(f"SELECT id, table_name, fields, refs, {columns} FROM hub_rows ORDER BY id")).all()

    for row in stored:
        fields, refs = json.loads(row[2]), json.loads(row[3])
        assert dict(zip(DERIVED_COLUMNS, row[4:])) == derived_columns(row[1], fields, refs) \
            == backfill._derived(row[1], fields, refs), row[1]
    assert {row[1] for row in stored if row[5]} >= {"cases", "return_visits", "canvasses"}
    with hub.db.engine.begin() as conn:  # wiped and filled again as the migration does for the rows held
        conn.execute(text("UPDATE hub_rows SET " + ", ".join(f"{c} = NULL" for c in DERIVED_COLUMNS)))
        backfill._backfill(conn)
    with hub.db.engine.connect() as conn:
        again = conn.execute(text(f"SELECT id, table_name, fields, refs, {columns} FROM hub_rows ORDER BY id")).all()
    assert again == stored


def test_the_ledger_s_text_search_uses_the_trigram_index_on_postgresql(hub):
    if hub.engine != "postgres":
        pytest.skip("pg_trgm is PostgreSQL's")
    with hub.db.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(conn.execute(text(
            "EXPLAIN SELECT count(*) FROM hub_rows WHERE case_number LIKE '%新调字第01%'")).scalars())
    assert "ix_hub_rows_case_number_trgm" in plan


def test_the_ledger_and_statistics_read_the_indexes_on_sqlite(hub):
    if hub.engine != "sqlite":
        pytest.skip("SQLite's plans")
    conn = sqlite3.connect(hub.db.path)
    try:
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT committee_id, village_uuid, state, kind, count(*) FROM hub_rows "
            "WHERE table_name = 'cases' AND day >= '2026-01-01' AND day <= '2026-12-31' AND deleted_version IS NULL "
            "GROUP BY committee_id, village_uuid, state, kind"))
    finally:
        conn.close()
    assert "COVERING INDEX ix_hub_rows_live" in plan


# -- the command line ---------------------------------------------------------------------------------------------

def test_the_hub_status_and_hub_statistics_commands(hub, tmp_path, capsys, monkeypatch):
    """On the SQLite hub (the commands open a data folder): the month's status and the statistics, printed and
    written as .xlsx with an audit row; bad periods and a folder that is no hub refused."""
    if hub.engine != "sqlite":
        pytest.skip("the commands open a data folder")
    from openpyxl import load_workbook

    from xinye_desktop.__main__ import main

    folder = ["--data-dir", str(hub.root)]
    assert main(["hub-status", "--month", "2020-01", *folder]) == 0
    said = capsys.readouterr().out
    li = next(n for n in hub.held.names.values() if "李庄村" in n)
    wang = next(n for n in hub.held.names.values() if "王庄村" in n)
    assert "已报送 1 个调委会（其中零报告 1 个），未报送 1 个" in said and f"未报送：{wang}" in said
    status = hub.overview.status(LONG_AGO)
    assert f"逾期未回访 {status.overdue_visits} 件" in said and f"即将届满 {status.closing_windows} 件" in said

    assert main(["hub-statistics", "--month", "2026-03", *folder]) == 0
    said = capsys.readouterr().out
    stats = hub.overview.statistics(MARCH)
    assert f"受理{stats.total.accepted}件" in said and "分乡镇：" in said and "合计：" in said and li in said

    out = tmp_path / "王庄镇-2026年.xlsx"
    before = _audit_kinds(hub.db)
    assert main(["hub-statistics", "--year", "2026", "--out", str(out), *folder]) == 0
    assert f"报表已写入：{out}" in capsys.readouterr().out
    book = load_workbook(out)
    assert book.sheetnames[:3] == ["统计表", "分乡镇统计", "报送情况"] and "分村统计" in book.sheetnames
    cells = [c for row in book["分乡镇统计"].iter_rows(values_only=True) for c in row if c is not None]
    assert "合计" in cells and any("王庄镇" == c for c in cells)
    assert _audit_kinds(hub.db) == before + [("export", "hub_statistics")]

    assert main(["hub-statistics", "--month", "2026-13", *folder]) == 2
    assert main(["hub-status", "--month", "2026", *folder]) == 2
    assert "不是月份" in capsys.readouterr().err
    village = tmp_path / "plain"
    shutil.copytree(hub.root.parent / "li", village)
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["hub-status", "--month", "2026-03", "--data-dir", str(village), "--user", ADMIN]) == 2
    assert "还没有设为司法所或司法局" in capsys.readouterr().err
    assert main(["hub-status", "--month", "2026-03", "--data-dir", str(village)]) == 3  # accounts: a login first


def _audit_kinds(db) -> list[tuple[str, str]]:
    import json

    with db.engine.connect() as conn:
        return [(kind, json.loads(summary).get("what", "")) for kind, summary in
                conn.execute(text("SELECT kind, summary FROM audit_log ORDER BY id"))]
