"""审计记录 (issue 15): the administrator's audit dialog against the real AuditService: the rows newest first
with Chinese kinds, the filters (person, 案号, kind, dates) narrowing them, the lazy pages of a long trail,
export to .csv and .xlsx of the rows the filter selects, and 校验 naming the first broken link of a trail
changed or cut with a database tool."""

from __future__ import annotations

import csv
import sqlite3

import pytest
from PySide6.QtCore import QDate

from tests.helpers import new_database, valid_case_input
from tests.task_waits import outcome
from tests.ui_helpers import pick, type_into
from xinye_desktop.domain.audit import AuditKind
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService, LoginRefused
from xinye_desktop.services.audit import AuditService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.ui.audit_dialog import ACTOR, CASE, ID, KIND, PAGE_SIZE, SUMMARY, AuditDialog

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN_PASSWORD = "村委会2026调解"
FIRST = "初次密码2026"


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def trail(db):
    """A committee's trail of a few dozen rows: the administrator adds two accounts; a mediator registers
    three cases and prints their forms; a wrong password; the administrator back, a full ID number shown."""
    accounts = AccountService(db, cost=CHEAP)
    admin = accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD).session
    from xinye_desktop.domain.accounts import AccountRole

    accounts.add_account(admin, "lixiulan", "李秀兰", AccountRole.MEDIATOR, FIRST)
    accounts.add_account(admin, "liufang", "刘芳", AccountRole.RECORDER, FIRST)
    accounts.logout(admin)
    audit, intake = AuditService(db), IntakeService(db)
    mediator = accounts.login("lixiulan", FIRST)
    cases = []
    for tag in range(3):
        case = intake.register(valid_case_input(tag=tag))
        cases.append(case)
        audit.record(AuditKind.PRINT, case.id, {"document": "受理登记表"})
    accounts.logout(mediator)
    with pytest.raises(LoginRefused):
        accounts.login("liufang", "不是这个密码")
    admin = accounts.login("wangbg", ADMIN_PASSWORD)
    intake.reveal(cases[0].id, cases[0].parties[0].id, "id_number")
    return accounts, audit, intake, admin, cases


@pytest.fixture
def make_dialog(qtbot, trail):
    _accounts, audit, intake, admin, _cases = trail

    def make(session=None):
        dialog = AuditDialog(audit, session or admin, find_case=intake.case_id, committee="王庄村人民调解委员会")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def column(dialog, col: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def tamper(db, *statements):
    """What someone with a database tool would do: the append-only triggers dropped first."""
    conn = sqlite3.connect(db.path)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for statement, *args in statements:
            conn.execute(statement, args)
        conn.commit()
    finally:
        conn.close()


def test_the_trail_is_shown_newest_first_with_chinese_kinds(make_dialog, trail):
    _accounts, audit, _intake, admin, cases = trail
    dialog = make_dialog()
    everything = audit.entries(admin)
    assert [int(v) for v in column(dialog, ID)] == [e.id for e in everything]
    assert column(dialog, KIND)[:2] == ["查看完整证件号或电话", "登录"]
    assert {"新建账号", "登录失败", "打印", "登记或修改案件", "退出登录"} <= set(column(dialog, KIND))
    assert column(dialog, CASE)[0] == cases[0].case_number
    # The summaries in Chinese words, the same as the exports write (domain/audit.describe_summary).
    assert column(dialog, SUMMARY)[0] == "当事人1的身份证号"
    summaries = dict(zip(column(dialog, KIND), column(dialog, SUMMARY)))  # the oldest of each kind
    assert summaries["登录失败"] == "原因：密码错误；当时在：登录；连续第1次输错"
    assert summaries["新建账号"] == "账号：wangbg（王保国）；角色：管理员；恢复密钥已打印；第一个管理员账号"
    assert summaries["登记或修改案件"] == "操作：登记；当事人2人" and summaries["打印"] == "《受理登记表》"
    assert [e.description for e in everything] == column(dialog, SUMMARY)
    assert dialog.count_label.text() == f"共 {len(everything)} 条"
    assert [dialog.actor_combo.itemText(i) for i in range(dialog.actor_combo.count())] == \
        ["全部人员", "刘芳", "李秀兰", "王保国"]


def test_the_filters_narrow_the_rows(qtbot, make_dialog, trail):
    _accounts, audit, _intake, admin, cases = trail
    dialog = make_dialog()
    everything = dialog.model.rowCount()

    pick(qtbot, dialog.actor_combo, "李秀兰")
    assert set(column(dialog, ACTOR)) == {"李秀兰"} and dialog.model.rowCount() < everything
    pick(qtbot, dialog.kind_combo, "打印")
    assert column(dialog, KIND) == ["打印"] * 3
    assert column(dialog, CASE) == [c.case_number for c in reversed(cases)]

    pick(qtbot, dialog.actor_combo, "全部人员")
    pick(qtbot, dialog.kind_combo, "全部类别")
    type_into(qtbot, dialog.case_edit, cases[0].case_number)
    dialog.case_edit.editingFinished.emit()
    assert set(column(dialog, CASE)) == {cases[0].case_number}
    assert set(column(dialog, KIND)) == {"登记或修改案件", "打印", "查看完整证件号或电话"}
    # Typed with ASCII brackets (no input method), the same case.
    type_into(qtbot, dialog.case_edit, cases[0].case_number.replace("（", "(").replace("）", ")"))
    dialog.case_edit.editingFinished.emit()
    assert set(column(dialog, CASE)) == {cases[0].case_number}
    type_into(qtbot, dialog.case_edit, "（2026）新调字第999号")
    dialog.case_edit.editingFinished.emit()
    assert dialog.case_box.error == "没有这个案号的案件" and dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "没有符合条件的记录"

    dialog.clear_filters()
    assert dialog.case_box.error == "" and dialog.model.rowCount() == everything
    today = QDate.currentDate()
    dialog.until_edit.setDate(today.addDays(-1))  # choosing a date turns its filter on
    assert dialog.until_check.isChecked() and dialog.model.rowCount() == 0
    dialog.until_edit.setDate(today)
    dialog.since_edit.setDate(today)
    assert dialog.since_check.isChecked() and dialog.model.rowCount() == everything
    dialog.since_edit.setDate(today.addDays(1))
    assert dialog.model.rowCount() == 0 and dialog.notice.text() == "结束日期不能早于开始日期。"


def test_a_long_trail_is_read_a_page_at_a_time(qtbot, make_dialog, trail):
    _accounts, audit, _intake, admin, _cases = trail
    for n in range(2 * PAGE_SIZE + 30):
        audit.record(AuditKind.PRINT, None, {"n": n})
    total = len(audit.entries(admin))
    pages = []  # the filters the dialog asks the service for, and the rows it gets
    entries = audit.entries

    def spied(session, filters=None):
        found = entries(session, filters)
        pages.append((filters, [e.id for e in found]))
        return found

    audit.entries = spied
    dialog = make_dialog()
    model = dialog.model
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    # The count of the whole filter, though only a page is read.
    assert dialog.count_label.text() == f"共 {total} 条，已显示最新的 {PAGE_SIZE} 条，向下滚动显示更早的记录"
    assert model.total == total == audit.count(admin)
    audit.record(AuditKind.BACKUP, None, {"kind": "daily"})  # written while the list is open
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore()
    ids = [int(v) for v in column(dialog, ID)]
    assert len(ids) == total and ids == sorted(set(ids), reverse=True)  # every row once, in order
    assert not model.canFetchMore() and dialog.count_label.text() == f"共 {total} 条"
    # Each page after the first asked only for rows older than the last one shown, a page and one more
    # (to know whether there are more), and got none of the rows already shown.
    shown_before = []
    for filters, got in pages[-3:]:
        assert filters.limit == PAGE_SIZE + 1
        assert filters.before_id == (shown_before[-1] if shown_before else None)
        assert not set(got) & set(shown_before)
        shown_before += got[:PAGE_SIZE]
    dialog.table.scrollToBottom()  # the view asks for more by itself too: nothing left to add
    assert model.rowCount() == total


def test_export_writes_the_filtered_rows_to_csv_and_xlsx(qtbot, make_dialog, trail, tmp_path):
    _accounts, audit, _intake, admin, cases = trail
    dialog = make_dialog()
    pick(qtbot, dialog.kind_combo, "打印")
    shown = column(dialog, ID)
    target = tmp_path / "审计记录.csv"
    dialog.ask_save_path = lambda parent, suggested: (str(tmp_path / "审计记录"), "CSV 文件 (*.csv)")
    dialog.export_button.click()
    assert outcome(qtbot, dialog.export_task) == 3
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["序号", "时间", "操作人", "类别", "案号", "内容"]
    assert [r[0] for r in rows[1:]] == shown
    assert {r[3] for r in rows[1:]} == {"打印"} and [r[4] for r in rows[1:]] == [c.case_number for c in reversed(cases)]
    assert dialog.notice.text() == f"已导出 3 条到 {target}"

    pick(qtbot, dialog.kind_combo, "全部类别")
    before = dialog.model.rowCount()
    workbook = tmp_path / "全部.xlsx"
    assert outcome(qtbot, dialog.export(workbook)) == before
    from openpyxl import load_workbook

    sheet = load_workbook(workbook).active
    assert sheet.max_row == before + 1 and str(sheet.cell(2, 1).value) == column(dialog, ID)[1]
    # The export is itself a row of the trail, and the list shows it.
    assert dialog.model.rowCount() == before + 1 and column(dialog, KIND)[0] == "导出"


def test_an_export_that_cannot_be_written_says_so(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    assert outcome(qtbot, dialog.export(tmp_path / "没有这个文件夹" / "审计记录.xlsx")) is None
    assert dialog.notice.text().startswith("无法保存到 ") and dialog.export_button.isEnabled()


def test_verify_reports_an_intact_trail(qtbot, make_dialog, trail):
    _accounts, audit, _intake, admin, _cases = trail
    dialog = make_dialog()
    outcome(qtbot, dialog.verify())
    rows = audit.verify().rows
    assert dialog.notice.text() == f"校验通过：{rows} 条审计记录前后相接，没有被改动、删除或插入的痕迹。"
    assert dialog.model.broken_id is None


def test_verify_names_a_row_changed_with_a_database_tool_and_marks_it(qtbot, db, make_dialog, trail):
    dialog = make_dialog()
    tamper(db, ("UPDATE audit_log SET actor = '张三' WHERE id = ?", 5))
    outcome(qtbot, dialog.verify())
    assert dialog.notice.text().startswith("校验发现问题：第5条审计记录的内容与它的哈希值不符：这条记录被改动过。")
    dialog.model.reload()  # the list read again shows the changed row, red, with the reason as its tooltip
    row = dialog.model.row_of(5)
    assert dialog.model.broken_id == 5
    assert dialog.model.data(dialog.model.index(row, ACTOR)) == "张三"
    assert dialog.model.data(dialog.model.index(row, ACTOR), 3) == "第5条审计记录的内容与它的哈希值不符：这条记录被改动过"


def test_verify_names_a_deleted_row(qtbot, db, make_dialog):
    dialog = make_dialog()
    tamper(db, ("DELETE FROM audit_log WHERE id = ?", 7))
    outcome(qtbot, dialog.verify())
    assert "第8条审计记录之前缺少第7条：这条记录被删除了" in dialog.notice.text()
    assert dialog.model.broken_id == 8
    shown = dialog.table.visualRect(dialog.model.index(dialog.model.row_of(8), ID))
    assert dialog.table.viewport().rect().contains(shown)  # scrolled to, in red
    assert dialog.model.data(dialog.model.index(dialog.model.row_of(8), ID), 9).color().name() == "#b00020"


def test_an_account_that_may_not_read_the_trail_sees_the_services_refusal(make_dialog, trail):
    accounts, _audit, _intake, _admin, _cases = trail
    mediator = accounts.login("lixiulan", FIRST)
    dialog = make_dialog(mediator)
    assert dialog.model.rowCount() == 0
    assert dialog.notice.text().startswith("“调解员”账号不能查看和导出审计记录。")
