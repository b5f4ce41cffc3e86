"""统计报表: periods, figures that reconcile exactly with the 台账, the agreement amounts, the .xlsx report
and the tab driven as a clerk would."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from xinye_desktop.domain.enums import CaseSource, CaseStatus, DisputeType
from xinye_desktop.domain.statistics import Period, PeriodKind, percent
from xinye_desktop.demo import generate
from xinye_desktop.services.ledger import LedgerFilter, LedgerService
from xinye_desktop.services.statistics import StatisticsService
from xinye_desktop.storage.database import Database
from tests.task_waits import ThreadSpy, outcome


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("period, start, end, label", [
    (Period(PeriodKind.MONTH, 2024, 2), dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024年2月"),
    (Period(PeriodKind.MONTH, 2026, 12), dt.date(2026, 12, 1), dt.date(2026, 12, 31), "2026年12月"),
    (Period(PeriodKind.QUARTER, 2026, 4), dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026年第四季度"),
    (Period(PeriodKind.QUARTER, 2025, 1), dt.date(2025, 1, 1), dt.date(2025, 3, 31), "2025年第一季度"),
    (Period(PeriodKind.YEAR, 2025), dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025年"),
])
def test_periods_have_the_right_first_and_last_day(period, start, end, label):
    assert (period.start, period.end, period.label) == (start, end, label)


def test_a_period_that_does_not_exist_is_refused_and_the_containing_one_is_found():
    with pytest.raises(ValueError):
        Period(PeriodKind.MONTH, 2026, 13)
    with pytest.raises(ValueError):
        Period(PeriodKind.QUARTER, 2026, 0)
    assert Period.containing(PeriodKind.QUARTER, dt.date(2026, 11, 25)) == Period(PeriodKind.QUARTER, 2026, 4)
    assert percent(None) == "—" and percent(0.8295) == "83.0%"


# ---------------------------------------------------------------- figures against the ledger

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from xinye_desktop.paths import DataPaths

    from xinye_desktop.demo import agreements as demo_agreements

    database = Database(DataPaths(tmp_path_factory.mktemp("stats")).database)
    with pytest.MonkeyPatch.context() as patch:  # the figures need the rows, not the agreements' PDFs
        patch.setattr(demo_agreements, "ARCHIVE_LIMIT", 0)
        generate(database, cases=400, seed=7)
    yield database, StatisticsService(database), LedgerService(database)
    database.close()


def all_rows(ledger: LedgerService):
    flt = LedgerFilter()
    return ledger.page(flt, limit=ledger.count(flt) + 1)


def test_every_year_reconciles_with_the_ledger_row_by_row(demo):
    db, stats, ledger = demo
    rows = all_rows(ledger)
    assert len(rows) == 400
    years = stats.years()
    assert years == sorted({int(r.received_date[:4]) for r in rows}, reverse=True)
    assert sum(stats.compute(Period(PeriodKind.YEAR, y)).registered for y in years) == 400
    for year in years:
        s = stats.compute(Period(PeriodKind.YEAR, year))
        mine = [r for r in rows if r.received_date.startswith(str(year))]
        statuses = Counter(r.status for r in mine)
        accepted = [r for r in mine if r.status != CaseStatus.REJECTED.value]
        assert s.registered == len(mine) and s.rejected == statuses[CaseStatus.REJECTED.value]
        assert s.accepted == len(accepted)
        assert s.written == statuses[CaseStatus.AGREEMENT_WRITTEN.value]
        assert s.oral == statuses[CaseStatus.AGREEMENT_ORAL.value]
        assert s.terminated == statuses[CaseStatus.TERMINATED.value]
        assert s.by_type == {t: sum(r.dispute_type == t.value for r in accepted) for t in DisputeType}
        assert sum(s.by_type.values()) == s.accepted == sum(s.by_source.values())
        assert sum(v.accepted for v in s.villages) == s.accepted
        assert sum(v.succeeded for v in s.villages) == s.succeeded


def test_every_month_and_quarter_add_up_to_the_year(demo):
    _, stats, _ = demo
    for year in stats.years():
        whole = stats.compute(Period(PeriodKind.YEAR, year))
        months = [stats.compute(Period(PeriodKind.MONTH, year, m)) for m in range(1, 13)]
        quarters = [stats.compute(Period(PeriodKind.QUARTER, year, q)) for q in range(1, 5)]
        for parts in (months, quarters):
            assert sum(p.accepted for p in parts) == whole.accepted
            assert sum(p.succeeded for p in parts) == whole.succeeded
            assert sum(p.parties for p in parts) == whole.parties
            assert sum((p.amount for p in parts), Decimal(0)) == whole.amount
            for t in DisputeType:
                assert sum(p.by_type[t] for p in parts) == whole.by_type[t]


def test_one_village_matches_the_ledger_filtered_to_that_village(demo):
    _, stats, ledger = demo
    year = stats.years()[0]
    s = stats.compute(Period(PeriodKind.YEAR, year))
    busiest = max(s.villages, key=lambda v: v.accepted)
    one = stats.compute(Period(PeriodKind.YEAR, year), busiest.village_id)
    assert one.village == busiest.township + busiest.village
    assert (one.accepted, one.succeeded) == (busiest.accepted, busiest.succeeded)
    rows = [r for r in ledger.page(LedgerFilter(village_id=busiest.village_id), limit=1000)
            if r.received_date.startswith(str(year)) and r.status != CaseStatus.REJECTED.value]
    assert one.accepted == len(rows)
    assert [v.village_id for v in one.villages] == [busiest.village_id]


def test_parties_count_every_party_of_the_accepted_cases_once(demo):
    db, stats, _ = demo
    year = stats.years()[0]
    s = stats.compute(Period(PeriodKind.YEAR, year))
    conn = db.read_connection()
    ids = [r[0] for r in conn.execute("SELECT id FROM cases WHERE status != 'rejected' AND received_date LIKE ?",
                                      (f"{year}-%",))]
    expected = sum(conn.execute("SELECT COUNT(*) FROM parties WHERE case_id = ? AND NOT withdrawn", (i,)).fetchone()[0]
                   for i in ids)
    assert s.parties == expected > 0


def test_the_amount_is_that_of_each_agreement_in_force(demo):
    """Signed beats printed, the latest version wins, drafts and superseded versions count for nothing."""
    db, stats, _ = demo
    conn = db.read_connection()
    versions = conn.execute("SELECT case_id, number, state, document FROM agreements").fetchall()
    assert {v[2] for v in versions} >= {"draft", "printed", "signed", "superseded"}
    by_case: dict[int, list] = {}
    for case_id, number, state, document in versions:
        by_case.setdefault(case_id, []).append((number, state, document))
    expected = Decimal(0)
    for found in by_case.values():
        signed = [v for v in found if v[1] == "signed"]
        printed = [v for v in found if v[1] == "printed"]
        chosen = max(signed or printed, default=None)
        if chosen:
            expected += sum(Decimal(c["amount"]) for c in json.loads(chosen[2])["content"]["clauses"] if c["amount"])
    first, last = min(stats.years()), max(stats.years())
    total = sum((stats.compute(Period(PeriodKind.YEAR, y)).amount for y in range(first, last + 1)), Decimal(0))
    assert total == expected > 0


def test_the_source_groups_follow_the_report(demo):
    _, stats, _ = demo
    s = stats.compute(Period(PeriodKind.YEAR, stats.years()[0]))
    groups = s.by_source_group()
    assert list(groups) == ["申请调解", "主动调解", "接受委托移送调解", "其他来源"]
    assert groups["接受委托移送调解"] == s.by_source[CaseSource.POLICE_REFERRAL] + s.by_source[CaseSource.COURT_ENTRUSTED]
    assert sum(groups.values()) == s.accepted


# ---------------------------------------------------------------- the workbook

def test_the_xlsx_report_holds_the_figures_and_two_charts(demo, tmp_path):
    from openpyxl import load_workbook

    _, stats, _ = demo
    s = stats.compute(Period(PeriodKind.YEAR, stats.years()[0]))
    target = stats.export_xlsx(s, tmp_path / "报表.xlsx", "王庄村人民调解委员会")
    assert not list(tmp_path.glob(".统计-*"))  # no temporary file left behind
    assert stat.S_IMODE(target.stat().st_mode) & 0o044, "the clerk's copy must not be private to this user"
    ws = load_workbook(target).active
    values = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}
    assert ws["A1"].value == f"矛盾纠纷人民调解统计表（{s.period_label}）"
    assert "王庄村人民调解委员会" in ws["A2"].value
    assert values["受理纠纷数（件）"] == s.accepted and values["调解成功数（件）"] == s.succeeded
    assert values["调解成功率"] == pytest.approx(s.success_rate)
    assert values["协议涉及金额（万元）"] == pytest.approx(float(s.amount_wan))
    assert values["涉及当事人（人次）"] == s.parties
    for t in DisputeType:
        assert values[t.label] == s.by_type[t]
    villages = {ws.cell(row=r, column=1).value: (ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value)
                for r in range(1, ws.max_row + 1)}
    for v in s.villages:
        assert villages[v.township + v.village] == (v.accepted, v.succeeded)
    assert len(load_workbook(target)["图表"]._charts) == 2


# ---------------------------------------------------------------- the tab

def test_the_tab_shows_the_chosen_period_and_exports_it(make_window, qtbot, tmp_path, database):
    from xinye_desktop.services.intake import IntakeService
    from tests.helpers import valid_case_input

    intake = IntakeService(database)
    case = intake.register(valid_case_input())
    window = make_window()
    tab = window.statistics_tab
    window.tabs.setCurrentWidget(tab)
    today = dt.date.today()
    tab.choose(Period(PeriodKind.MONTH, case.received_date.year, case.received_date.month))
    assert tab.number_combo.isVisible()
    assert tab.figures["accepted"].value.text() == "1" and tab.figures["succeeded"].value.text() == "0"
    assert tab.figures["rate"].value.text() == "0.0%"
    assert dict(tab.type_chart.bars)[case.dispute_type.label] == 1
    assert tab.village_model.rowCount() == 1

    tab.choose(Period(PeriodKind.YEAR, today.year + 1))  # nothing yet
    assert not tab.number_combo.isVisible()
    assert tab.figures["accepted"].value.text() == "0" and tab.figures["rate"].value.text() == "—"

    # Registering a case elsewhere in the window makes the figures follow.
    tab.choose(Period(PeriodKind.MONTH, case.received_date.year, case.received_date.month))
    window.intake_tab.case_saved.emit(case.id)
    assert tab.figures["accepted"].value.text() == "1"

    tab.ask_save_path = lambda *args: str(tmp_path / "报表")
    written = outcome(qtbot, tab.export())
    assert written == tmp_path / "报表.xlsx" and written.exists()
    assert tab.message.text() == f"报表已导出：{written}"

    window.set_language("en")
    qtbot.waitUntil(lambda: tab.export_button.text() == "Export Excel report…", timeout=3000)
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Statistics" and tab.figures["accepted"].name.text() == "Disputes accepted"
    assert tab.kind_combo.currentText() == "Monthly"
    assert tab.type_chart.bars and not [label for label, _ in tab.type_chart.bars if re.search(r"[\u4e00-\u9fff]", label)]
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: tab.export_button.text() == "导出Excel报表…", timeout=3000)


def test_the_export_runs_off_the_gui_thread_and_cannot_be_started_twice(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    tab = window.statistics_tab
    window.tabs.setCurrentWidget(tab)
    spy = ThreadSpy(tab._statistics.export_xlsx, delay=0.3)
    monkeypatch.setattr(tab._statistics, "export_xlsx", spy)
    task = tab.export(str(tmp_path / "报表.xlsx"))
    assert task is not None and not tab.export_button.isEnabled()
    assert tab.message.text() == "正在导出统计报表，请稍候…"
    assert tab.export(str(tmp_path / "又一份.xlsx")) is None, "a second export while the first runs"
    assert outcome(qtbot, task) == tmp_path / "报表.xlsx"
    assert spy.off_gui_thread == [True]
    assert tab.export_button.isEnabled() and tab.message.text() == f"报表已导出：{tmp_path / '报表.xlsx'}"
    assert not (tmp_path / "又一份.xlsx").exists()


def test_the_window_stays_responsive_while_a_slow_export_runs_and_a_dialog_shows_it(make_window, qtbot, tmp_path,
                                                                                   monkeypatch):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLineEdit

    window = make_window()
    tab = window.statistics_tab
    window.tabs.setCurrentWidget(tab)
    window.show()
    spy = ThreadSpy(tab._statistics.export_xlsx, delay=1.5)  # a slow disk, a county's worth of villages
    monkeypatch.setattr(tab._statistics, "export_xlsx", spy)
    edit = QLineEdit()  # another window of the app: the event loop answers it while the worker writes
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    started = time.monotonic()
    task = tab.export(str(tmp_path / "报表.xlsx"))
    QTimer.singleShot(50, lambda: qtbot.keyClicks(edit, "wangzhuang"))  # QTest types Latin-1 only
    qtbot.waitUntil(lambda: edit.text() == "wangzhuang", timeout=1400)
    assert task.running and time.monotonic() - started < 1.5, "typed while the export still ran"
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=1400)
    assert task.dialog.labelText() == "正在导出统计报表，请稍候…"
    assert outcome(qtbot, task) == tmp_path / "报表.xlsx"
    assert spy.off_gui_thread == [True] and (tmp_path / "报表.xlsx").exists()


def test_an_export_that_cannot_be_written_says_where_and_the_button_comes_back(make_window, qtbot, tmp_path,
                                                                               monkeypatch):
    import errno

    window = make_window()
    tab = window.statistics_tab

    def refused(stats, target, committee):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(tab._statistics, "export_xlsx", ThreadSpy(refused))
    assert outcome(qtbot, tab.export(str(tmp_path / "报表.xlsx"))) is None
    assert tab.message.text() == f"无法保存到 {tmp_path / '报表.xlsx'}：Permission denied"
    assert tab.export_button.isEnabled()


@pytest.mark.parametrize("text, period", [
    ("2026-11", Period(PeriodKind.MONTH, 2026, 11)), ("2026年3月", Period(PeriodKind.MONTH, 2026, 3)),
    ("2026Q4", Period(PeriodKind.QUARTER, 2026, 4)), ("2025-q1", Period(PeriodKind.QUARTER, 2025, 1)),
    ("2024", Period(PeriodKind.YEAR, 2024)), ("2026-13", None), ("2026Q5", None), ("十一月", None),
])
def test_the_command_line_reads_the_period_as_a_clerk_writes_it(text, period):
    from xinye_desktop.__main__ import parse_period

    assert parse_period(text) == period


def test_the_command_line_prints_the_figures_and_writes_the_workbook(demo, tmp_path, capsys):
    from openpyxl import load_workbook

    from xinye_desktop.__main__ import main

    db, stats, _ = demo
    year = stats.years()[0]
    s = stats.compute(Period(PeriodKind.YEAR, year))
    out = tmp_path / "年报.xlsx"
    assert main(["statistics", str(year), "--out", str(out), "--data-dir", str(db.path.parent)]) == 0
    printed = capsys.readouterr().out
    assert f"受理{s.accepted}件" in printed and f"调解成功{s.succeeded}件" in printed and str(out) in printed
    assert load_workbook(out).active["A1"].value == f"矛盾纠纷人民调解统计表（{year}年）"
    assert main(["statistics", "2026-13", "--data-dir", str(db.path.parent)]) == 2


# ---------------------------------------------------------------- 防止激化 and 排查, against the records

def expected_figures(conn, start: dt.date, end: dt.date, village_id: int | None = None) -> dict:
    """The new figures counted straight from the rows, one by one, without the service's SQL."""
    got = Counter()
    for vid, status, received, criminal, petition in conn.execute(
            "SELECT village_id, status, received_date, prevented_criminal_people, prevented_petition_people FROM cases"):
        day = dt.date.fromisoformat(received)
        if not start <= day <= end or status == CaseStatus.REJECTED.value or village_id not in (None, vid):
            continue
        if criminal is not None:
            got["prevented_criminal"] += 1
            got["prevented_criminal_people"] += criminal
        if petition is not None:
            got["prevented_petition"] += 1
            got["prevented_petition_people"] += petition
    for vid, held_on, found, prevented, deleted in conn.execute(
            "SELECT village_id, held_on, found, prevented, deleted_at FROM canvasses"):
        if deleted is None and start <= dt.date.fromisoformat(held_on) <= end and village_id in (None, vid):
            got["canvasses"] += 1
            got["canvass_found"] += found
            got["canvass_prevented"] += prevented
    return {name: got[name] for name in NEW_FIGURES}


NEW_FIGURES = ("prevented_criminal", "prevented_criminal_people", "prevented_petition", "prevented_petition_people",
               "canvasses", "canvass_found", "canvass_prevented")


def figures_of(s) -> dict:
    return {name: getattr(s, name) for name in NEW_FIGURES}


def test_the_demo_has_prevention_consistent_with_the_sittings_and_canvasses_in_every_village(demo):
    db, _, _ = demo
    conn = db.read_connection()
    settled = conn.execute("SELECT COUNT(*) FROM cases WHERE status IN ('agreement_written', 'agreement_oral')").fetchone()[0]
    prevented = conn.execute("SELECT id, prevented_criminal_people, prevented_petition_people FROM cases "
                             "WHERE prevented_criminal_people IS NOT NULL OR prevented_petition_people IS NOT NULL").fetchall()
    assert 0.01 * settled < len(prevented) < 0.15 * settled  # a realistic share, not every case
    assert any(c for _, c, _ in prevented) and any(p for _, _, p in prevented)
    for case_id, criminal, petition in prevented:
        status = conn.execute("SELECT status FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        assert status in ("agreement_written", "agreement_oral")
        raw = conn.execute("SELECT data FROM sittings WHERE case_id = ? AND finished_at IS NOT NULL "
                           "AND outcome IN ('written', 'oral', 'opinion') ORDER BY number DESC", (case_id,)).fetchone()[0]
        sitting = json.loads(raw)
        assert sitting["risk"] and sitting["police_informed"] and sitting["risk_note"]
        if petition is not None:
            assert re.search("上访|聚集", sitting["risk_note"]) and f"{petition}名" in sitting["risk_note"]
        if criminal is not None:
            assert re.search("动手|推搡|报复", sitting["risk_note"])
            parties = conn.execute("SELECT COUNT(*) FROM parties WHERE case_id = ? AND NOT withdrawn", (case_id,)).fetchone()[0]
            assert criminal == parties
        history = conn.execute("SELECT changes FROM case_history WHERE case_id = ? AND action = 'prevention'",
                               (case_id,)).fetchall()
        assert len(history) == 1
    villages = {r[0] for r in conn.execute("SELECT id FROM villages")}
    assert {r[0] for r in conn.execute("SELECT DISTINCT village_id FROM canvasses")} == villages
    first = conn.execute("SELECT MIN(received_date) FROM cases").fetchone()[0]
    assert conn.execute("SELECT MIN(held_on), MAX(held_on) FROM canvasses").fetchone() >= (first, "")
    assert conn.execute("SELECT MAX(held_on) FROM canvasses").fetchone()[0] <= dt.date.today().isoformat()


def test_the_new_figures_reconcile_with_the_records_for_every_period_and_village(demo):
    db, stats, _ = demo
    conn = db.read_connection()
    for year in stats.years():
        periods = [Period(PeriodKind.YEAR, year)] + [Period(PeriodKind.QUARTER, year, q) for q in range(1, 5)] + \
                  [Period(PeriodKind.MONTH, year, m) for m in range(1, 13)]
        for period in periods:
            s = stats.compute(period)
            assert figures_of(s) == expected_figures(conn, period.start, period.end), period.label
            # The village rows add up to the whole, and each village's row is its own figures.
            for name in NEW_FIGURES:
                assert sum(getattr(v, name) for v in s.villages) == getattr(s, name)
        whole = stats.compute(Period(PeriodKind.YEAR, year))
        for v in whole.villages:
            mine = expected_figures(conn, whole.start, whole.end, v.village_id)
            assert figures_of(v) == mine
            assert figures_of(stats.compute(Period(PeriodKind.YEAR, year), v.village_id)) == mine
    latest = stats.compute(Period(PeriodKind.YEAR, stats.years()[0]))
    assert latest.prevented_criminal and latest.canvasses and latest.canvass_found


def test_a_village_with_canvasses_but_no_cases_still_has_its_row(demo):
    db, stats, _ = demo
    conn = db.read_connection()
    row = conn.execute(
        "SELECT k.village_id, substr(k.held_on, 1, 7) FROM canvasses k WHERE NOT EXISTS (SELECT 1 FROM cases c "
        "WHERE c.village_id = k.village_id AND substr(c.received_date, 1, 7) = substr(k.held_on, 1, 7)) LIMIT 1").fetchone()
    vid, month = row
    s = stats.compute(Period(PeriodKind.MONTH, int(month[:4]), int(month[5:])))
    mine = next(v for v in s.villages if v.village_id == vid)
    assert mine.accepted == 0 and mine.canvasses >= 1 and mine.success_rate is None


def test_the_xlsx_report_has_the_new_rows_and_the_village_sheet_adds_up(demo, tmp_path):
    from openpyxl import load_workbook

    _, stats, _ = demo
    s = stats.compute(Period(PeriodKind.YEAR, stats.years()[0]))
    target = stats.export_xlsx(s, tmp_path / "报表.xlsx", "王庄村人民调解委员会")
    wb = load_workbook(target)
    assert wb.sheetnames == ["统计表", "分村统计", "图表"]
    ws = wb["统计表"]
    rows = {ws.cell(row=r, column=1).value: (ws.cell(row=r, column=2).value, ws.cell(row=r, column=3).value)
            for r in range(1, ws.max_row + 1)}
    assert rows["防止民间纠纷转化为刑事案件"] == (s.prevented_criminal, s.prevented_criminal_people)
    assert rows["防止群体性上访"] == (s.prevented_petition, s.prevented_petition_people)
    assert rows["排查次数（次）"][0] == s.canvasses
    assert rows["排查发现纠纷数（件）"][0] == s.canvass_found
    assert rows["预防纠纷数（件）"][0] == s.canvass_prevented
    assert "二、防止纠纷激化" in rows and "三、矛盾纠纷排查" in rows and "六、按村（社区）" in rows

    sheet = wb["分村统计"]
    assert sheet["A1"].value == f"矛盾纠纷人民调解分村统计表（{s.period_label}）"
    assert sheet.page_setup.orientation == "landscape"
    assert [sheet.cell(row=4, column=c).value for c in (5, 7, 9)] == ["防止民间纠纷转化为刑事案件", "防止群体性上访", "排查次数（次）"]
    assert [sheet.cell(row=5, column=c).value for c in (5, 6, 7, 8)] == ["件", "人", "件", "人"]
    body = {sheet.cell(row=r, column=1).value: [sheet.cell(row=r, column=c).value for c in range(2, 12)]
            for r in range(6, sheet.max_row + 1) if sheet.cell(row=r, column=2).value is not None}
    for v in s.villages:
        row = body[v.township + v.village]
        # The rate goes through the file as decimal text: equal to the last bit is too much to ask.
        rate = row.pop(2)
        assert rate == "—" if v.success_rate is None else rate == pytest.approx(v.success_rate, abs=1e-12)
        assert row == [
            v.accepted, v.succeeded, v.prevented_criminal,
            v.prevented_criminal_people, v.prevented_petition, v.prevented_petition_people, v.canvasses,
            v.canvass_found, v.canvass_prevented]
    assert body["合计"][:2] == [s.accepted, s.succeeded]
    assert body["合计"][3:] == [s.prevented_criminal, s.prevented_criminal_people, s.prevented_petition,
                              s.prevented_petition_people, s.canvasses, s.canvass_found, s.canvass_prevented]


def test_the_command_line_prints_the_new_figures_for_a_period_and_a_village(demo, capsys):
    from xinye_desktop.__main__ import main

    db, stats, _ = demo
    year = stats.years()[0]
    data_dir = str(db.path.parent)
    s = stats.compute(Period(PeriodKind.QUARTER, year, 1))
    assert main(["statistics", f"{year}Q1", "--data-dir", data_dir]) == 0
    printed = capsys.readouterr().out
    assert (f"防止民间纠纷转化为刑事案件{s.prevented_criminal}件{s.prevented_criminal_people}人，"
            f"防止群体性上访{s.prevented_petition}件{s.prevented_petition_people}人；"
            f"排查{s.canvasses}次，排查发现纠纷{s.canvass_found}件，预防纠纷{s.canvass_prevented}件。") in printed

    village = max(stats.compute(Period(PeriodKind.YEAR, year)).villages, key=lambda v: v.canvasses)
    one = stats.compute(Period(PeriodKind.YEAR, year), village.village_id)
    assert main(["statistics", str(year), "--village", village.village, "--data-dir", data_dir]) == 0
    printed = capsys.readouterr().out
    assert f"{year}年　{village.township}{village.village}" in printed and f"排查{one.canvasses}次" in printed
    assert main(["statistics", str(year), "--village", village.township + village.village, "--data-dir", data_dir]) == 0
    assert main(["statistics", str(year), "--village", "没有这个村", "--data-dir", data_dir]) == 2
    assert "没有名为“没有这个村”的村（社区）" in capsys.readouterr().err


# ---------------------------------------------------------------- the tab's period and village choice

@pytest.fixture
def stats_window(make_window, fill_demo):
    fill_demo(40, 3)
    window = make_window()
    window.tabs.setCurrentWidget(window.statistics_tab)
    return window


def edit_field_width(combo) -> int:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width()


@pytest.mark.parametrize("month, quarter", [(12, 4), (5, 2), (2, 1), (4, 2)])
def test_switching_a_month_to_quarters_shows_the_quarter_that_holds_it(stats_window, qtbot, month, quarter):
    tab = stats_window.statistics_tab
    year = dt.date.today().year - 1
    tab.choose(Period(PeriodKind.MONTH, year, month))
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(PeriodKind.QUARTER.value))  # as picking 季报 does
    assert tab.period() == Period(PeriodKind.QUARTER, year, quarter)
    assert tab.number_combo.currentText() == f"第{quarter}季度"
    assert tab.stats.period_label == Period(PeriodKind.QUARTER, year, quarter).label
    assert tab.period_label.text().startswith(f"{year}年第{quarter}季度")
    qtbot.wait(50)
    fits = tab.number_combo.fontMetrics().horizontalAdvance(tab.number_combo.currentText())
    assert edit_field_width(tab.number_combo) >= fits, "the quarter's name is cut off"

    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(PeriodKind.MONTH.value))
    assert tab.period() == Period(PeriodKind.MONTH, year, 3 * quarter - 2)  # the quarter's first month
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(PeriodKind.YEAR.value))
    assert tab.period() == Period(PeriodKind.YEAR, year) and not tab.number_combo.isVisible()


def test_switching_the_current_years_report_to_months_shows_this_month(stats_window):
    tab = stats_window.statistics_tab
    today = dt.date.today()
    tab.choose(Period(PeriodKind.YEAR, today.year))
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(PeriodKind.MONTH.value))
    assert tab.period() == Period.containing(PeriodKind.MONTH, today)
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(PeriodKind.QUARTER.value))
    assert tab.period() == Period.containing(PeriodKind.QUARTER, today)


def test_the_villages_are_named_township_first(stats_window, database):
    tab = stats_window.statistics_tab
    offered = [tab.village_combo.itemText(i) for i in range(1, tab.village_combo.count())]
    rows = database.read_connection().execute("SELECT township, name FROM villages ORDER BY township, name").fetchall()
    assert offered == [township + name for township, name in rows]
    assert "上庄乡廖庄村" in offered and "廖庄村上庄乡" not in offered
    index = tab.village_combo.findText("上庄乡廖庄村")
    tab.village_combo.setCurrentIndex(index)
    assert tab.stats.village == "上庄乡廖庄村"


def test_the_tab_shows_the_new_figures_and_the_village_columns(stats_window, database):
    tab = stats_window.statistics_tab
    stats = StatisticsService(database)
    year = stats.years()[0]
    tab.choose(Period(PeriodKind.YEAR, year))
    s = stats.compute(Period(PeriodKind.YEAR, year))
    assert tab.figures["criminal"].value.text() == f"{s.prevented_criminal}件{s.prevented_criminal_people}人"
    assert tab.figures["petition"].value.text() == f"{s.prevented_petition}件{s.prevented_petition_people}人"
    assert tab.figures["canvasses"].value.text() == str(s.canvasses)
    assert tab.figures["canvasses"].detail.text() == f"发现纠纷{s.canvass_found}件，预防纠纷{s.canvass_prevented}件"
    headers = [tab.village_model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.village_model.columnCount())]
    assert headers[4:] == ["防止民转刑（件/人）", "防止群体性上访（件/人）", "排查次数", "排查发现纠纷数", "预防纠纷数"]
    for row, v in enumerate(s.villages):
        cells = [tab.village_model.cell(row, c).text for c in range(9)]
        assert cells[0] == v.township + v.village
        assert cells[4:] == [f"{v.prevented_criminal}/{v.prevented_criminal_people}",
                             f"{v.prevented_petition}/{v.prevented_petition_people}", str(v.canvasses),
                             str(v.canvass_found), str(v.canvass_prevented)]


def test_the_prevention_figures_are_read_through_their_partial_index(demo):
    """Reading the two columns off every case row of a county's year cost more than all the cases that
    prevented something; the query must keep the index's WHERE word for word for SQLite to use it (one
    village's year goes through the village index, a few hundred rows)."""
    from xinye_desktop.storage.ledger_queries import PREVENTED_CASES

    db, _, _ = demo
    conn = db.read_connection()
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'ix_cases_prevented'").fetchone()
    assert sql.endswith(f"WHERE {PREVENTED_CASES}")
    plan = conn.execute(
        f"EXPLAIN QUERY PLAN SELECT c.village_id, COUNT(c.prevented_criminal_people) FROM cases c "
        f"WHERE c.received_date BETWEEN ? AND ? AND c.status != 'rejected' "
        f"AND ({PREVENTED_CASES}) GROUP BY c.village_id", ("2026-01-01", "2026-12-31")).fetchall()
    assert any("COVERING INDEX ix_cases_prevented" in row[-1] for row in plan), plan
