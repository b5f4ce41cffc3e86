"""账号管理 (issue 15): the administrator's accounts dialog against the real AccountService (a cheap KDF):
the list with each account's state, adding an account with each refusal under its field, another role,
disabling and enabling (confirmed), a forgotten password reset (confirmed, shown once, to be changed at the
next login), the idle lock, the permission table, and the service's refusals shown as messages (the
last administrator, the account in use, a role that may not manage accounts)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers import new_database
from tests.task_waits import outcome
from tests.ui_helpers import pick, type_into
from xinye_desktop.domain.accounts import PERMISSIONS, AccountRole, LockoutPolicy, Permission, Reach
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService, LoginRefused
from xinye_desktop.ui.accounts_dialog import AccountsDialog, new_temporary_password

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN_PASSWORD = "村委会2026调解"
FIRST = "初次密码2026"
# One wrong password locks an account for 15 minutes: the lock shows without waiting through slow-downs.
QUICK_LOCK = LockoutPolicy(free=0, waits=(1,), lock_after=1, lock_minutes=15)
USERNAME, NAME, ROLE, STATE, LAST_LOGIN = range(5)


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def accounts(db):
    return AccountService(db, cost=CHEAP, policy=QUICK_LOCK)


@pytest.fixture
def admin(accounts):
    return accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD).session


@pytest.fixture
def make_dialog(qtbot, accounts, admin):
    def make(session=None):
        dialog = AccountsDialog(accounts, session or admin)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def cells(dialog, username: str) -> list[str]:
    for row, account in enumerate(dialog.rows):
        if account.username == username:
            return [dialog.model.cell(row, c).text for c in range(dialog.model.columnCount())]
    raise LookupError(username)


def add_mediator(accounts, admin, username="lixiulan", name="李秀兰", role=AccountRole.MEDIATOR):
    return accounts.add_account(admin, username, name, role, FIRST)


def test_the_list_shows_each_accounts_role_state_and_last_login(make_dialog, accounts, admin):
    add_mediator(accounts, admin)
    gone = add_mediator(accounts, admin, "chenlei", "陈磊", AccountRole.RECORDER)
    accounts.set_disabled(admin, gone.id, True)
    add_mediator(accounts, admin, "zhaoming", "赵明", AccountRole.VIEWER)
    with pytest.raises(LoginRefused):
        accounts.login("zhaoming", "不是这个密码")
    accounts.login("wangbg", ADMIN_PASSWORD)  # the administrator again (the login above changed nobody)

    dialog = make_dialog()
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == \
        ["用户名", "姓名", "角色", "状态", "上次登录"]
    me = cells(dialog, "wangbg")
    assert me[NAME] == "王保国（当前登录）" and me[ROLE] == "管理员" and me[STATE] == "正常"
    assert me[LAST_LOGIN][:10] == dt.date.today().isoformat()
    assert cells(dialog, "lixiulan")[ROLE:] == ["调解员", "下次登录须设新密码", "从未登录"]
    assert cells(dialog, "chenlei")[STATE] == "已停用；下次登录须设新密码"
    locked = cells(dialog, "zhaoming")[STATE]
    assert locked.startswith("密码输错，锁定至 ") and locked.endswith("下次登录须设新密码")


def test_adding_an_account_puts_each_refusal_under_its_field_and_then_makes_it(qtbot, make_dialog, accounts, admin):
    dialog = make_dialog()
    add = dialog.open_add_dialog()
    assert add.isVisible() and len(add.password_edit.text()) >= 8  # a first password offered
    type_into(qtbot, add.username_edit, "li hua")
    type_into(qtbot, add.password_edit, "123")
    qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
    outcome(qtbot, add.task)
    assert "不能有空格" in add.boxes["username"].error
    assert add.boxes["display_name"].error == "此项必须填写"
    assert add.boxes["role"].error == "请选择角色"
    assert add.boxes["password"].error == "密码太短：至少要8个字符，现在3个字符"
    assert add.isVisible() and [a.username for a in accounts.list_accounts(admin)] == ["wangbg"]

    type_into(qtbot, add.username_edit, "wangbg")  # taken
    type_into(qtbot, add.name_edit, "李华")
    pick(qtbot, add.role_combo, "记录人")
    assert "本人参与的案件" in add.role_hint.text()
    type_into(qtbot, add.password_edit, FIRST)
    add.ok_button.click()
    outcome(qtbot, add.task)
    assert add.boxes["username"].error == "这个用户名已经有人用了，请换一个"
    assert add.boxes["password"].error == "" and add.boxes["role"].error == ""

    type_into(qtbot, add.username_edit, "lihua")
    add.ok_button.click()
    made = outcome(qtbot, add.task)
    assert made is not None and made.username == "lihua"
    assert not add.isVisible()
    assert cells(dialog, "lihua")[NAME:STATE + 1] == ["李华", "记录人", "下次登录须设新密码"]
    assert dialog.selected_account().username == "lihua"
    assert "已新建账号“lihua”" in dialog.notice.text()
    session = accounts.login("lihua", FIRST)
    assert session.role is AccountRole.RECORDER and session.must_set_password


def test_another_role_is_chosen_in_the_role_dialog(qtbot, make_dialog, accounts, admin):
    add_mediator(accounts, admin)
    dialog = make_dialog()
    dialog.select_account("lixiulan")
    dialog.role_button.click()
    chooser = dialog.role_dialog
    assert chooser.isVisible() and chooser.radios[AccountRole.MEDIATOR].isChecked()
    chooser.radios[AccountRole.VIEWER].click()
    chooser.accept()
    assert cells(dialog, "lixiulan")[ROLE] == "查阅"
    assert {a.username: a.role for a in accounts.list_accounts(admin)}["lixiulan"] is AccountRole.VIEWER
    assert dialog.notice.text() == "“李秀兰”的角色已改为查阅。"


def test_the_last_administrator_is_kept_by_the_service_and_its_message_shown(make_dialog, answer_dialogs,
                                                                               accounts, admin):
    dialog = make_dialog()
    dialog.select_account("wangbg")
    dialog.change_role(dialog.selected_account(), AccountRole.MEDIATOR)
    assert "不能再管理账号" in answer_dialogs[-1]  # demoting oneself is asked first
    assert dialog.notice.text() == "这是最后一个管理员账号，不能改成其他角色。"
    dialog.disable_button.click()
    assert dialog.notice.text() == "不能停用自己正在使用的账号。"
    assert cells(dialog, "wangbg")[ROLE:STATE + 1] == ["管理员", "正常"]

    # With a second administrator, one of them may become a mediator.
    other = add_mediator(accounts, admin, "zhangjj", "张建军", AccountRole.ADMIN)
    dialog.reload()
    dialog.select_account("zhangjj")
    dialog.change_role(dialog.selected_account(), AccountRole.MEDIATOR)
    assert cells(dialog, "zhangjj")[ROLE] == "调解员"
    assert {a.id: a.role for a in accounts.list_accounts(admin)}[other.id] is AccountRole.MEDIATOR


def test_disabling_and_enabling_are_confirmed(make_dialog, answer_dialogs, accounts, admin):
    add_mediator(accounts, admin)
    dialog = make_dialog()
    dialog.select_account("lixiulan")
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    dialog.disable_button.click()
    assert "停用“李秀兰”（lixiulan）的账号？" in answer_dialogs[-1]
    assert not {a.username: a.disabled for a in accounts.list_accounts(admin)}["lixiulan"]

    answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
    dialog.disable_button.click()
    assert cells(dialog, "lixiulan")[STATE].startswith("已停用")
    assert dialog.disable_button.text() == "启用账号"
    with pytest.raises(LoginRefused) as refused:
        accounts.login("lixiulan", FIRST)
    assert refused.value.reason == "disabled"

    dialog.disable_button.click()
    assert "重新启用" in answer_dialogs[-1]
    assert not cells(dialog, "lixiulan")[STATE].startswith("已停用")
    assert dialog.disable_button.text() == "停用账号"
    assert accounts.login("lixiulan", FIRST).must_set_password


def test_a_forgotten_password_is_reset_to_one_shown_once_that_must_be_changed(qtbot, make_dialog, answer_dialogs,
                                                                              accounts, admin):
    add_mediator(accounts, admin)
    accounts.change_password(accounts.login("lixiulan", FIRST), FIRST, "李秀兰自己的密码")
    with pytest.raises(LoginRefused):
        accounts.login("lixiulan", "忘了的密码")  # and now locked
    accounts.login("wangbg", ADMIN_PASSWORD)
    dialog = make_dialog()
    dialog.select_account("lixiulan")
    assert cells(dialog, "lixiulan")[STATE].startswith("密码输错，锁定至")

    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    dialog.reset_button.click()
    assert dialog.reset_task is None and not dialog.once_frame.isVisible()

    answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
    dialog.reset_button.click()
    assert "只显示一次" in answer_dialogs[-1]
    outcome(qtbot, dialog.reset_task)
    temporary = dialog.once_edit.text()
    assert dialog.once_frame.isVisible() and len(temporary) >= 8 and "只显示这一次" in dialog.once_label.text()
    assert cells(dialog, "lixiulan")[STATE] == "下次登录须设新密码"  # the lock is cleared too
    session = accounts.login("lixiulan", temporary)
    assert session.must_set_password
    with pytest.raises(LoginRefused):
        accounts.login("lixiulan", "李秀兰自己的密码")  # the forgotten one no longer opens it

    dialog.once_done_button.click()
    assert not dialog.once_frame.isVisible() and dialog.once_edit.text() == ""


def test_the_temporary_password_is_gone_when_the_dialog_closes(qtbot, make_dialog, answer_dialogs, accounts, admin):
    add_mediator(accounts, admin)
    dialog = make_dialog()
    dialog.select_account("lixiulan")
    outcome(qtbot, dialog.reset_password(dialog.selected_account()))
    assert dialog.once_edit.text()
    dialog.reject()
    assert dialog.once_edit.text() == "" and not dialog.once_frame.isVisible()


def test_the_idle_lock_is_set_with_its_rule_shown_under_the_field(qtbot, make_dialog, accounts):
    dialog = make_dialog()
    assert dialog.idle_edit.text() == "15"
    type_into(qtbot, dialog.idle_edit, "0")
    dialog.idle_button.click()
    assert dialog.idle_box.error == "自动锁定时间请填1到240之间的分钟数"
    assert accounts.idle_lock_minutes() == 15
    type_into(qtbot, dialog.idle_edit, "30")
    with qtbot.waitSignal(dialog.idle_lock_changed) as changed:
        qtbot.keyClick(dialog.idle_edit, Qt.Key.Key_Return)
    assert changed.args == [30] and accounts.idle_lock_minutes() == 30
    assert dialog.idle_box.error == "" and "30分钟" in dialog.notice.text()


def test_the_permission_table_is_the_domains(make_dialog):
    dialog = make_dialog()
    model = dialog.permissions_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == \
        ["能做的事", "管理员", "调解员", "记录人", "查阅"]
    words = {Reach.ALL: "可以", Reach.OWN_CASES: "本人参与的案件", Reach.NONE: "不能"}
    assert model.rowCount() == len(Permission)
    for row, permission in enumerate(Permission):
        assert model.cell(row, 0).text == permission.label
        for column, role in enumerate(AccountRole, start=1):
            assert model.cell(row, column).text == words[PERMISSIONS[role].get(permission, Reach.NONE)]
    assert model.cell(list(Permission).index(Permission.EDIT_RECORDS), 3).text == "本人参与的案件"


def test_an_account_that_may_not_manage_accounts_sees_the_services_refusal(make_dialog, accounts, admin):
    add_mediator(accounts, admin)
    mediator = accounts.login("lixiulan", FIRST)
    dialog = make_dialog(mediator)
    assert dialog.model.rowCount() == 0
    assert dialog.notice.isVisible()
    assert dialog.notice.text().startswith("“调解员”账号不能管理账号。")


def test_a_temporary_password_passes_the_password_rules():
    from xinye_desktop.domain.accounts import check_new_password

    made = {new_temporary_password() for _ in range(200)}
    assert len(made) == 200
    assert all(check_new_password(p, "wangbg") is None and not set(p) & set("0O1lI") for p in made)
