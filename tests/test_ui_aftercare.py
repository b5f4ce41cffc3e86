"""pytest-qt, driven as a user would: today's work opens the case, a return visit is recorded through its
dialog (messages beside the fields, nothing saved until complete), the ledger's date filter explains a bad
date, and the exported Excel ledger holds exactly the filtered ledger."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from xinye_desktop.domain.aftercare import VisitMethod
from xinye_desktop.domain.enums import CaseStatus, PerformanceStatus
from tests.task_waits import ThreadSpy, outcome


@pytest.fixture
def demo_window(make_window, fill_demo):
    fill_demo(150)
    window = make_window()
    window.aftercare_tab.open_files = False
    return window


def test_todays_work_is_shown_first_and_a_click_opens_the_case_at_its_visits(demo_window, qtbot):
    window = demo_window
    assert window.tabs.currentWidget() is window.today_tab
    work = window.today_tab.work
    assert work.total > 0 and work.visits_overdue[0] >= 1
    view = window.today_tab.views["visits_overdue"]
    first = work.visits_overdue[1][0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(0, 2)).center())
    assert window.tabs.currentWidget() is window.aftercare_tab
    assert window.aftercare_tab.case_id == first.case_id
    assert window.case_banner.text().endswith(first.case_number)


def test_recording_a_visit_through_the_dialog(demo_window, qtbot):
    window = demo_window
    tab = window.aftercare_tab
    row = window.today_tab.work.visits_overdue[1][0]
    window.open_case_aftercare(row.case_id)
    visit_row = next(i for i, v in enumerate(tab.care.visits) if v.id == row.ref_id)
    tab.visits_view.selectRow(visit_row)
    seen = {}

    def fill(dialog):
        dialog.accept()  # nothing chosen yet: refused, messages beside the fields
        seen["errors"] = {k for k, box in dialog.boxes.items() if box.error}
        assert dialog.result() == 0 and tab._service.visit(row.ref_id).visited_on is None
        dialog.method_combo.set_current(VisitMethod.HOME)
        for combo in dialog.term_combos:
            combo.set_current(PerformanceStatus.PARTIAL)
        dialog.performance_combo.set_current(PerformanceStatus.PARTIAL)
        dialog.satisfaction_combo.setCurrentIndex(2)
        dialog.risks_edit.setPlainText("被申请人称资金紧张")
        dialog.accept()
        seen["risk_error"] = dialog.boxes["measures"].error  # a risk needs its measures
        dialog.measures_edit.setPlainText("约定月底前付清，届时再次回访")
        dialog.accept()
        return dialog.result()

    tab.exec_visit_dialog = fill
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert {"method", "satisfaction"} <= seen["errors"]
    assert seen["risk_error"] == "发现了风险隐患，请写明采取的措施"
    visit = tab._service.visit(row.ref_id)
    assert visit.done and visit.risks == "被申请人称资金紧张"
    assert tab.visits_model.cell(visit_row, 2).text == "已回访"
    assert tab._service.overview(row.case_id).case.performance_status is PerformanceStatus.PARTIAL
    assert "visit_record" in [e.action for e in window.services.intake.history(row.case_id)]
    # …and its 回访记录 prints, coded.
    tab.visits_view.selectRow(visit_row)
    assert tab.print_button.isEnabled()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    outcome(qtbot, tab.document_task)
    assert "人民调解回访记录已生成并存档" in tab.message.text()



def test_the_visit_record_and_the_application_are_made_off_the_gui_thread_one_at_a_time(
        demo_window, qtbot, data_paths, monkeypatch):
    import sqlite3

    window, tab = demo_window, demo_window.aftercare_tab
    made_visits = sqlite3.connect(data_paths.database).execute(
        "SELECT id, case_id FROM return_visits WHERE visited_on IS NOT NULL AND NOT cancelled "
        "ORDER BY case_id DESC, id").fetchall()
    for visit_id, case_id in made_visits:  # a case visited whose 司法确认 application can be printed
        window.open_case_aftercare(case_id)
        if tab.application_button.isEnabled():
            break
    else:
        pytest.fail("the demo has no visited case whose 司法确认 window is open")
    tab.visits_view.selectRow(next(i for i, v in enumerate(tab.care.visits) if v.id == visit_id))
    assert tab.print_button.isEnabled() and tab.application_button.isEnabled()
    records = ThreadSpy(tab._service.visit_record, delay=0.3)
    applications = ThreadSpy(tab._service.confirmation_application)
    monkeypatch.setattr(tab._service, "visit_record", records)
    monkeypatch.setattr(tab._service, "confirmation_application", applications)

    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    task = tab.document_task
    assert task.running and tab.message.text() == "正在生成人民调解回访记录…"
    assert not tab.print_button.isEnabled() and not tab.application_button.isEnabled()
    tab._on_print_button_clicked()  # a second press (a shortcut, a double click) starts nothing
    assert tab.document_task is task
    path, code = outcome(qtbot, task)
    assert records.off_gui_thread == [True] and path.exists()
    assert tab.message.text() == f"人民调解回访记录已生成并存档，核验码 {code}：{path}"
    assert tab.print_button.isEnabled() and tab.application_button.isEnabled()

    qtbot.mouseClick(tab.application_button, Qt.MouseButton.LeftButton)
    path, code = outcome(qtbot, tab.document_task)
    assert applications.off_gui_thread == [True] and path.exists()
    assert tab.message.text() == f"司法确认申请书已生成并存档，核验码 {code}：{path}"


def test_a_document_that_cannot_be_written_is_reported_in_chinese_and_the_buttons_come_back(
        demo_window, qtbot, data_paths, monkeypatch):
    import errno
    import sqlite3

    window, tab = demo_window, demo_window.aftercare_tab
    visit_id, case_id = sqlite3.connect(data_paths.database).execute(
        "SELECT id, case_id FROM return_visits WHERE visited_on IS NOT NULL AND NOT cancelled "
        "ORDER BY id LIMIT 1").fetchone()
    window.open_case_aftercare(case_id)
    tab.visits_view.selectRow(next(i for i, v in enumerate(tab.care.visits) if v.id == visit_id))

    def full(visit_id):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tab._service, "visit_record", ThreadSpy(full))
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert outcome(qtbot, tab.document_task) is None
    assert tab.message.text() == "文书无法写入数据文件夹：No space left on device"
    assert tab.print_button.isEnabled()

def test_a_bad_date_in_the_ledger_range_is_explained_beside_the_box(make_window, qtbot):
    window = make_window()
    ledger = window.ledger_tab
    ledger.from_edit.setText("2026-13-01")
    ledger.apply_filter()
    assert ledger.from_box.error == "日期不对，请按 1980-01-31 的格式填写"
    ledger.from_edit.setText("2026-01-01")
    ledger.apply_filter()
    assert ledger.from_box.error == "" and ledger.model.filter.date_from == dt.date(2026, 1, 1)


def test_the_exported_excel_ledger_is_exactly_the_filtered_ledger(demo_window, qtbot, tmp_path):
    from openpyxl import load_workbook

    from xinye_desktop.services.ledger import EXPORT_HEADERS, EXPORT_TITLE

    window = demo_window
    ledger = window.ledger_tab
    window.tabs.setCurrentWidget(ledger)
    ledger.status_combo.setCurrentIndex(ledger.status_combo.findData(CaseStatus.AGREEMENT_WRITTEN.value))
    ledger.search_edit.setText("双方")
    ledger.apply_filter()
    while ledger.model.canFetchMore():
        ledger.model.fetchMore()
    shown = [ledger.model.row_at(i) for i in range(ledger.model.rowCount())]
    assert shown and ledger.model.total == len(shown)
    target = tmp_path / "台账.xlsx"
    with qtbot.waitSignal(ledger.exported, timeout=20000):
        ledger.export(target)
    sheet = load_workbook(target, read_only=True)[EXPORT_TITLE]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith(EXPORT_TITLE) and rows[1] == EXPORT_HEADERS
    body = rows[2:]
    assert [r[1] for r in body] == [r.case_number for r in shown]  # the same cases, in the same order
    assert [r[0] for r in body] == list(range(1, len(shown) + 1))
    assert all(r[9] == "达成协议（书面）" for r in body)
    assert [r[12] or "" for r in body] == [ledger.model.data(ledger.model.index(i, 6)) for i in range(len(shown))]
    assert f"已导出{len(shown)}件" in ledger.count_label.text()


def test_a_ruling_number_in_its_own_parentheses_is_not_wrapped_in_more(demo_window, qtbot, data_paths):
    import sqlite3
    from dataclasses import replace

    window, tab = demo_window, demo_window.aftercare_tab
    case_id, number = sqlite3.connect(data_paths.database).execute(
        "SELECT id, confirmation_number FROM cases WHERE confirmation_decided_on IS NOT NULL "
        "AND confirmation_number LIKE '（%' ORDER BY id LIMIT 1").fetchone()
    window.open_case_aftercare(case_id)
    for _ in range(5):
        qtbot.wait(20)
    text = tab.window_label.text()
    assert f"裁定，{number}" in text and "（（" not in text
    tab.care = replace(tab.care, confirmation_number="豫1329民特215号")
    assert "裁定（豫1329民特215号）" in tab._window_text()


def test_the_mediator_decides_on_judicial_confirmation_against_the_reading(make_window, qtbot):
    """An agreement read as dissolving a marriage is not eligible; the mediator decides otherwise through
    the dialog (a choice and a reason are both required), and the countdown follows."""
    from PySide6.QtWidgets import QDialog

    from tests.test_agreement_service import agreed_case, form_for
    from xinye_desktop.domain.agreement import ClauseInput
    from xinye_desktop.ui.aftercare_tab import FieldsDialog

    window = make_window()
    services = window.services
    s = {"intake": services.intake, "elders": services.elders, "people": services.people,
         "selection": services.selection, "session": services.sessions, "agreements": services.agreements}
    case = agreed_case(s)
    form = form_for(case)
    form.clauses.append(ClauseInput(content="双方自愿解除婚姻关系"))
    services.agreements.save_draft(case.id, form)
    services.agreements.mark_signed(services.agreements.print_agreement(case.id).id, dt.date.today())
    window.open_case_aftercare(case.id)
    tab = window.aftercare_tab
    assert "不能申请" in tab.window_label.text() and not tab.apply_button.isEnabled()
    assert "“解除婚姻关系”" in tab.eligibility_label.text() and tab.eligibility_button.isEnabled()

    seen = {}

    def drive(title, fields, action, lead=""):
        dialog = FieldsDialog(title, fields, action, tab, lead)
        dialog.accept()  # nothing chosen, no reason: refused, each message beside its field
        seen["errors"] = {key: box.error for key, box in dialog.boxes.items() if box.error}
        seen["saved_early"] = "confirm_eligible" in [e.action for e in services.intake.history(case.id)]
        dialog.widgets["eligible"].yes.setChecked(True)
        dialog.widgets["reason"].setPlainText("婚姻关系已由法院判决解除，本协议只分割财产")
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    tab.ask = drive
    qtbot.mouseClick(tab.eligibility_button, Qt.MouseButton.LeftButton)
    assert seen["errors"] == {"eligible": "请选择能否申请司法确认", "reason": "此项必须填写"}
    assert not seen["saved_early"]
    assert "可以申请" in tab.window_label.text() and tab.apply_button.isEnabled()
    assert "认定：可以申请司法确认。原因：婚姻关系已由法院判决解除" in tab.eligibility_label.text()
    assert "已记入修改记录" in tab.message.text()
    entry = [e for e in services.intake.history(case.id) if e.action == "confirm_eligible"][-1]
    assert entry.changes[-1] == ["原因", "", "婚姻关系已由法院判决解除，本协议只分割财产"]


def test_the_ledger_filters_by_performance_and_confirmation_and_exports_what_it_shows(demo_window, qtbot, tmp_path):
    from openpyxl import load_workbook

    from xinye_desktop.domain.aftercare import WindowState
    from xinye_desktop.services.ledger import EXPORT_TITLE, window_of

    window = demo_window
    ledger = window.ledger_tab
    window.tabs.setCurrentWidget(ledger)
    assert ledger.confirmation_combo.itemText(0) == "全部司法确认"
    assert [ledger.confirmation_combo.itemText(i) for i in range(1, 4)] == ["可申请", "即将到期", "已过申请期限"]
    total = ledger.model.total
    ledger.performance_combo.setCurrentIndex(ledger.performance_combo.findData(PerformanceStatus.PERFORMING.value))
    performing = ledger.model.total
    assert 0 < performing < total
    ledger.confirmation_combo.setCurrentIndex(ledger.confirmation_combo.findData(WindowState.OPEN.value))
    while ledger.model.canFetchMore():
        ledger.model.fetchMore()
    shown = [ledger.model.row_at(i) for i in range(ledger.model.rowCount())]
    today = window.services.ledger.today()
    assert shown and len(shown) < performing
    assert all(r.performance_status == "performing" and window_of(r, today).state is WindowState.OPEN for r in shown)
    assert all(ledger.model.data(ledger.model.index(i, 6)).startswith("剩") for i in range(len(shown)))
    target = tmp_path / "台账.xlsx"
    with qtbot.waitSignal(ledger.exported, timeout=20000):
        ledger.export(target)
    body = list(load_workbook(target, read_only=True)[EXPORT_TITLE].iter_rows(values_only=True))[2:]
    assert [r[1] for r in body] == [r.case_number for r in shown]
    assert {r[11] for r in body} == {"履行中"}
    ledger.performance_combo.setCurrentIndex(0)
    ledger.confirmation_combo.setCurrentIndex(0)
    assert ledger.model.total == total
