"""The accounts in the window (issue 15): the first start's set-up and its recovery key, the login (right,
wrong, slowed down, locked), the forced first password, recovery with the key, the idle lock that keeps
what was typed, logout, and what each role sees; the start flow of app.py (which screen first)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui_helpers import type_into
from xinye_desktop.domain.accounts import AccountRole, Permission, normalise_recovery_key
from xinye_desktop.domain.errors import Refused
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN_PASSWORD = "村委会2026调解"
NAMES = {AccountRole.ADMIN: "王保国", AccountRole.MEDIATOR: "刘振华", AccountRole.RECORDER: "李桂兰",
         AccountRole.VIEWER: "赵建民"}
OWN_PASSWORD = "自己设的密码0001"


class Clock:
    """UTC now, moved on by the test (the lock-out waits without sleeping)."""

    def __init__(self):
        self.now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(database, clock):
    return AccountService(database, clock=clock, cost=CHEAP)


@pytest.fixture
def admin(accounts):
    return accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)


def session_as(accounts, admin, role: AccountRole):
    """A logged-in session of ``role`` (its own password chosen, as the login makes it)."""
    if role is AccountRole.ADMIN:
        return accounts.login("wangbg", ADMIN_PASSWORD)
    made = accounts.add_account(admin.session, f"u{role.value}", NAMES[role], role, "临时密码0001")
    session = accounts.login(made.username, "临时密码0001")
    return accounts.change_password(session, "临时密码0001", OWN_PASSWORD)


@pytest.fixture
def signed_window(qtbot, app_fonts, translations, data_paths, database, accounts, admin):
    """``make(role)``: the main window as the app builds it after a login as ``role``."""
    from xinye_desktop.app import build_services
    from xinye_desktop.ui.access import SignedIn
    from xinye_desktop.ui.main_window import MainWindow

    def make(role: AccountRole = AccountRole.ADMIN):
        session = session_as(accounts, admin, role)
        settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
        window = MainWindow(build_services(data_paths, database), translations, settings,
                            SignedIn(accounts, session))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        return window

    return make


def on_next_modal(act) -> None:
    """``act(dialog)`` on the next modal dialog that opens (a nested exec() the test cannot reach)."""
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def wait_idle(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.task.running, timeout=10000)
    qtbot.wait(20)  # the callbacks come through the event loop


# ---------------------------------------------------------------- the first start

def test_the_set_up_creates_the_administrator_with_the_rules_beside_the_fields(qtbot, app_fonts, accounts, database):
    from xinye_desktop.ui.setup_dialog import SetupDialog

    dialog = SetupDialog(accounts, committee="王庄村人民调解委员会")
    qtbot.addWidget(dialog)
    dialog.show()
    hints = [label.text() for label in dialog.findChildren(type(dialog.owner_label)) if label.objectName() == "fieldHint"]
    assert any("2到20个字" in h for h in hints) and any("至少8个字符" in h for h in hints)
    dialog.create()  # nothing typed: every field says what is missing, nothing is made
    wait_idle(qtbot, dialog)
    assert dialog.boxes["username"].error == "请填写用户名"
    assert dialog.boxes["display_name"].error and dialog.boxes["password"].error == "请填写密码"
    assert accounts.needs_setup()

    type_into(qtbot, dialog.username_edit, "wangbg")
    type_into(qtbot, dialog.name_edit, "王保国")
    type_into(qtbot, dialog.password_edit, "abc123")
    type_into(qtbot, dialog.again_edit, "abc123")
    dialog.create()
    wait_idle(qtbot, dialog)
    assert dialog.boxes["password"].error == "密码太短：至少要8个字符，现在6个字符"
    type_into(qtbot, dialog.password_edit, ADMIN_PASSWORD)
    type_into(qtbot, dialog.again_edit, ADMIN_PASSWORD + "x")
    dialog.create()
    assert dialog.boxes["again"].error == "两次输入的密码不一样，请重新输入" and accounts.needs_setup()
    type_into(qtbot, dialog.again_edit, ADMIN_PASSWORD)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    assert not accounts.needs_setup()
    assert dialog.session.role is AccountRole.ADMIN and dialog.session.display_name == "王保国"
    assert normalise_recovery_key(dialog.key_label.text()) == dialog.recovery_key
    assert dialog.password_edit.text() == "" and dialog.again_edit.text() == ""
    assert accounts.login("wangbg", ADMIN_PASSWORD).account_id == dialog.session.account_id
    dialog.confirm_check.setChecked(True)  # else closing asks whether to go on without keeping the key


def test_the_recovery_key_prints_once_as_a_pdf_and_needs_a_confirmation(qtbot, app_fonts, accounts, monkeypatch):
    from xinye_desktop.ui.setup_dialog import SetupDialog

    dialog = SetupDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit, text in ((dialog.username_edit, "wangbg"), (dialog.name_edit, "王保国"),
                       (dialog.password_edit, ADMIN_PASSWORD), (dialog.again_edit, ADMIN_PASSWORD)):
        type_into(qtbot, edit, text)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    assert not dialog.done_button.isEnabled(), "not finished before the key is kept"
    assert dialog.key_label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    shown = []
    monkeypatch.setattr(dialog, "show_pdf", lambda path: shown.append(path))
    dialog.print_key()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    pdf = shown[0]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"Helvetica" not in data
    assert not str(pdf).startswith(str(accounts._db.path.parent)), "never into the data folder"
    dialog.confirm_check.setChecked(True)
    assert dialog.done_button.isEnabled()
    dialog.done_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.confirmed
    assert not pdf.exists() and not pdf.parent.exists(), "the temporary sheet is deleted"


def test_the_recovery_key_sheet_holds_the_key_and_how_to_use_it(tmp_path):
    import shutil
    import subprocess

    from xinye_desktop.documents.recovery_key import RecoveryKeySheet, build_recovery_key_pdf

    key = "6DE4-7HPF-1EW6-ABCD-2345-XYZ9"
    target = build_recovery_key_pdf(RecoveryKeySheet(key, "wangbg", "王保国", "王庄村人民调解委员会"),
                                    tmp_path / "key.pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "数据恢复密钥" in text and "王庄村人民调解委员会" in text and "wangbg" in text
    assert all(group in text for group in key.split("-"))
    assert "司法所" in text and "忘记密码" in text


def test_an_upgraded_folder_asks_its_administrator_for_a_password_first(qtbot, app_fonts, database, clock):
    from xinye_desktop.app import FIRST_PASSWORD, account_state
    from xinye_desktop.ui.setup_dialog import SetupDialog

    with database.transaction() as uow:  # what the upgrade makes of the operator setting
        uow.accounts.add(username="王保国", display_name="王保国", role=AccountRole.ADMIN, must_set_password=True)
    accounts = AccountService(database, clock=clock, cost=CHEAP)
    state, pending = account_state(database, accounts)
    assert state == FIRST_PASSWORD and pending.username == "王保国"
    dialog = SetupDialog(accounts, pending)
    qtbot.addWidget(dialog)
    assert dialog.username_edit.isReadOnly() and dialog.username_edit.text() == "王保国"
    type_into(qtbot, dialog.password_edit, ADMIN_PASSWORD)
    type_into(qtbot, dialog.again_edit, ADMIN_PASSWORD)
    dialog.create()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    assert normalise_recovery_key(dialog.recovery_key)
    assert accounts.login("王保国", ADMIN_PASSWORD).role is AccountRole.ADMIN
    dialog.confirm_check.setChecked(True)


# ---------------------------------------------------------------- the login

def test_the_login_takes_the_right_password_and_says_what_is_wrong_under_the_field(
        qtbot, app_fonts, accounts, admin, clock):
    from xinye_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(accounts, "王庄村人民调解委员会")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.username_edit, "wangbg")
    dialog.login()  # no password
    wait_idle(qtbot, dialog)
    assert dialog.boxes["password"].error == "请填写密码"
    for attempt in (1, 2):
        type_into(qtbot, dialog.password_edit, "不对的密码123")
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        wait_idle(qtbot, dialog)
        assert dialog.boxes["password"].error == "用户名或密码不对，请重新输入。", attempt
        assert dialog.password_edit.text() == "" and dialog.result() == 0
    type_into(qtbot, dialog.password_edit, "不对的密码123")
    dialog.login()
    wait_idle(qtbot, dialog)
    assert dialog.boxes["password"].error == "密码已连续输错3次，请等30秒再试。"
    for _ in range(2):
        clock.advance(seconds=61)
        type_into(qtbot, dialog.password_edit, "不对的密码123")
        dialog.login()
        wait_idle(qtbot, dialog)
    error = dialog.boxes["password"].error
    until = (clock.now + dt.timedelta(minutes=15)).replace(tzinfo=dt.timezone.utc).astimezone()
    assert error.startswith("密码连续输错5次，账号已锁定。请15分钟后再试，或请管理员重设密码。"), error
    assert f"（{until:%H:%M} 以后可以再试）" in error
    type_into(qtbot, dialog.password_edit, ADMIN_PASSWORD)  # even the right one waits for the lock
    dialog.login()
    wait_idle(qtbot, dialog)
    assert "账号已锁定" in dialog.boxes["password"].error and dialog.session is None
    clock.advance(minutes=16)
    type_into(qtbot, dialog.password_edit, ADMIN_PASSWORD)
    dialog.login()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.session.username == "wangbg"
    assert accounts.current == dialog.session


def test_a_temporary_password_must_be_replaced_at_the_first_login(qtbot, app_fonts, accounts, admin):
    from xinye_desktop.ui.login_dialog import LoginDialog

    accounts.add_account(admin.session, "liugl", "李桂兰", AccountRole.RECORDER, "临时密码0001")
    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.username_edit, "liugl")
    type_into(qtbot, dialog.password_edit, "临时密码0001")
    asked = []

    def choose(change):
        asked.append(change.windowTitle())
        assert not change.old_edit.isVisible(), "the temporary password is not asked again"
        type_into(qtbot, change.new_edit, OWN_PASSWORD)
        type_into(qtbot, change.again_edit, OWN_PASSWORD)
        change.change()

    on_next_modal(choose)
    dialog.login()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert asked == ["设置新密码"] and not dialog.session.must_set_password
    assert accounts.login("liugl", OWN_PASSWORD).role is AccountRole.RECORDER


def test_forgotten_passwords_point_to_the_administrator_and_the_recovery_key(qtbot, app_fonts, accounts, admin):
    from xinye_desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(accounts)
    qtbot.addWidget(dialog)
    said = []

    def read_and_use_the_key(box):
        said.append(box.text())
        use = next(b for b in box.buttons() if b.text() == "用恢复密钥设置新密码…")

        def recover(recovery):
            type_into(qtbot, recovery.key_edit, "0000-0000-0000-0000-0000-0000")
            type_into(qtbot, recovery.username_edit, "wangbg")
            type_into(qtbot, recovery.new_edit, "新的管理员密码01")
            type_into(qtbot, recovery.again_edit, "新的管理员密码01")
            recovery.recover()
            qtbot.waitUntil(lambda: recovery.notice.isVisible(), timeout=10000)
            said.append(recovery.notice.text())
            type_into(qtbot, recovery.key_edit, admin.recovery_key.lower().replace("-", " "))
            recovery.recover()

        on_next_modal(recover)
        use.click()

    on_next_modal(read_and_use_the_key)
    dialog.forgot()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert "请找调委会的管理员为你重设密码" in said[0] and "恢复密钥" in said[0]
    assert said[1] == "恢复密钥不对：请对照打印的恢复密钥重新输入。"
    assert dialog.session.username == "wangbg"
    assert accounts.login("wangbg", "新的管理员密码01").data_key == admin.session.data_key


# ---------------------------------------------------------------- the idle lock

def test_the_idle_lock_covers_the_window_keeps_what_was_typed_and_unlocks_with_the_password(
        qtbot, signed_window):
    window = signed_window(AccountRole.ADMIN)
    window.new_case()
    facts = window.intake_tab.facts_edit
    type_into(qtbot, facts, "两家因宅基地边界发生争执。")
    facts.setFocus()
    window.idle_watch.set_limit(0.2)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=5000)
    cover = window.locker._covers[id(window)]
    assert cover.isVisible() and cover.geometry() == window.rect(), "the whole window is covered"
    panel = window.locker.panel
    assert cover.isAncestorOf(panel) and "没有操作" in panel.who.text()
    assert window.idle_watch.paused

    qtbot.keyClicks(facts, "xyz")  # typing meant for the covered form goes nowhere
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # nor do shortcuts
    assert facts.toPlainText() == "两家因宅基地边界发生争执。"

    type_into(qtbot, panel.password_edit, "不对的密码123")
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: bool(panel.password_box.error), timeout=10000)
    assert panel.password_box.error == "用户名或密码不对，请重新输入。" and window.locker.is_locked
    type_into(qtbot, panel.password_edit, ADMIN_PASSWORD)
    qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locker.is_locked, timeout=10000)
    qtbot.waitUntil(lambda: not cover.isVisible() if _alive(cover) else True, timeout=3000)
    assert facts.toPlainText() == "两家因宅基地边界发生争执。", "nothing typed is lost"
    assert QApplication.focusWidget() is facts
    assert not window.idle_watch.paused


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_dialog_open_at_the_lock_is_covered_and_takes_the_password(qtbot, signed_window):
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    window = signed_window(AccountRole.MEDIATOR)
    dialog = QDialog(window)
    typed = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(typed)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    typed.setText("正在填写")
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: window.locker.panel is not None and window.locker.panel.isVisible(), timeout=3000)
    locker = window.locker
    assert id(dialog) in locker._covers and locker._covers[id(dialog)].isAncestorOf(locker.panel), \
        "the password goes in on the modal dialog, the only window taking input"
    assert locker._covers[id(window)].isVisible()
    type_into(qtbot, locker.panel.password_edit, OWN_PASSWORD)
    locker.panel.unlock_button.click()
    qtbot.waitUntil(lambda: not locker.is_locked, timeout=10000)
    assert dialog.isVisible() and typed.text() == "正在填写"
    dialog.reject()


def test_the_account_menu_locks_changes_the_password_and_logs_out_keeping_the_draft(
        qtbot, signed_window, accounts, database, data_paths):
    from xinye_desktop.services.drafts import DraftStore
    from xinye_desktop.services.intake import IntakeService
    from tests.helpers import valid_case_input

    window = signed_window(AccountRole.ADMIN)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "账号(&A)" in titles and titles.index("账号(&A)") == titles.index("帮助(&H)") - 1
    menu = [a.text() for a in window.account_menu.actions() if not a.isSeparator()]
    assert menu[:2] == ["锁定", "修改密码…"] and menu[-1] == "注销"
    assert window.account_label.text() == "登录：王保国（管理员）"

    def change(dialog):
        type_into(qtbot, dialog.old_edit, ADMIN_PASSWORD)
        type_into(qtbot, dialog.new_edit, "新的管理员密码01")
        type_into(qtbot, dialog.again_edit, "新的管理员密码01")
        dialog.change()

    on_next_modal(change)
    window.password_action.trigger()
    assert accounts.login("wangbg", "新的管理员密码01")

    window.new_case()
    type_into(qtbot, window.intake_tab.facts_edit, "注销前没有保存的事实。")
    out = []
    window.logged_out.connect(lambda: out.append(True))
    window.logout_action.trigger()
    assert out == [True] and not window.isVisible()
    assert accounts.current is None
    with pytest.raises(Refused, match="请先登录"):  # until the next login, every service refuses
        IntakeService(database).register(valid_case_input(tag=7))
    # The draft is kept, sealed with the data key (nothing typed readable in the file), and opens at the next login.
    assert "注销前没有保存的事实。".encode("utf-8") not in (data_paths.drafts / "intake.json").read_bytes()
    assert DraftStore(data_paths.drafts, sealer=lambda: database.sealer).load("intake") is None
    assert accounts.login("wangbg", "新的管理员密码01")
    payload, _saved = DraftStore(data_paths.drafts, sealer=lambda: database.sealer).load("intake")
    assert "注销前没有保存的事实。" in str(payload), "unsaved work is kept as a draft first"


# ---------------------------------------------------------------- what each role sees

def _visible(action) -> bool:
    return action.isVisible()


@pytest.mark.parametrize("role", list(AccountRole), ids=[r.value for r in AccountRole])
def test_the_window_offers_each_role_only_what_it_may_do(qtbot, signed_window, role):
    window = signed_window(role)
    may = {p: window.signed_in.may(p) for p in Permission}
    assert _visible(window.new_action) == may[Permission.EDIT_CASES]
    assert _visible(window.committee_action) == may[Permission.EDIT_SETTINGS]
    assert window.settings_menu.menuAction().isVisible() == may[Permission.EDIT_SETTINGS]
    assert _visible(window.backup_action) == may[Permission.BACKUP]
    assert _visible(window.accounts_action) == may[Permission.MANAGE_ACCOUNTS]
    assert _visible(window.audit_action) == may[Permission.VIEW_AUDIT]
    assert _visible(window.lock_action) and _visible(window.logout_action) and _visible(window.password_action)

    ledger = window.ledger_tab
    assert ledger.new_button.isEnabled() == may[Permission.EDIT_CASES]
    assert ledger.export_button.isEnabled() == may[Permission.EXPORT]
    intake = window.intake_tab
    writable = may[Permission.EDIT_CASES]
    assert (not intake.facts_edit.isReadOnly()) == writable
    hold = window.access.hold_for("intake", Permission.EDIT_CASES)
    assert hold.active != writable and not hold.held(intake.history_button), "reading the history stays"
    if not writable:
        assert not intake.save_button.isEnabled() and not intake.new_button.isEnabled()
        intake.save_button.setEnabled(True)  # the tab's own code cannot undo the hold
        assert not intake.save_button.isEnabled() and "不能登记和修改案件" in intake.save_button.toolTip()
        intake.facts_edit.setReadOnly(False)
        assert intake.facts_edit.isReadOnly()
    statistics = window.statistics_tab
    assert statistics.export_button.isEnabled() == may[Permission.EXPORT]
    agreement = window.agreement_tab
    assert (not agreement.print_button.isEnabled()) or may[Permission.PRINT]
    if role is AccountRole.MEDIATOR:
        backups = window.backup_dialog()
        assert not backups.restore_button.isVisibleTo(backups) and backups.backup_button.isVisibleTo(backups)
        backups.deleteLater()


def test_the_administrator_s_account_menu_opens_the_accounts_and_the_audit_trail(qtbot, signed_window):
    window = signed_window(AccountRole.ADMIN)
    texts = [a.text() for a in window.account_menu.actions() if not a.isSeparator()]
    assert texts == ["锁定", "修改密码…", "账号管理…", "审计记录…", "注销"]
    accounts = window.accounts_dialog()
    qtbot.addWidget(accounts)
    assert accounts.windowTitle() == "账号管理"
    assert window.idle_watch.limit_s == 15 * 60, "the default idle time"
    accounts.idle_lock_changed.emit(30)  # the administrator sets it there: the window follows at once
    assert window.idle_watch.limit_s == 30 * 60
    audit = window.audit_dialog()
    qtbot.addWidget(audit)
    assert audit.windowTitle() == "审计记录"


def test_a_recorder_writes_the_record_only_on_the_cases_they_are_on(qtbot, signed_window, database):
    from xinye_desktop.services.intake import IntakeService
    from tests.helpers import valid_case_input

    intake = IntakeService(database)
    window = signed_window(AccountRole.RECORDER)
    database.use_actor_source(None)  # the cases made behind the window's back, as before accounts
    own, other = intake.register(valid_case_input(tag=1)), intake.register(valid_case_input(tag=2))
    window.access._may_on_case = lambda permission, case_id: case_id == own.id  # the case_roles look-up
    session_tab = window.session_tab
    hold = window.access.hold_for("session", Permission.EDIT_RECORDS)
    window._set_case(other.id)
    assert hold.active and not session_tab.start_button.isEnabled()
    window._set_case(own.id)
    assert not hold.active, "on their own case the recorder types the record"
    assert not session_tab.start_button.isEnabled(), "a sitting is opened and closed by a mediator"
    window._set_case(other.id)
    assert hold.active
    window._set_case(own.id)
    assert window.intake_tab.facts_edit.isReadOnly(), "the case itself stays read-only, their own too"


def test_a_service_s_refusal_no_screen_caught_is_shown_as_its_message(qtbot, tmp_path, monkeypatch):
    from xinye_desktop.domain.accounts import NotPermitted
    from xinye_desktop.ui.error_dialog import ErrorReporter

    shown, boxes = [], []
    monkeypatch.setattr(ErrorReporter, "show_refusal", staticmethod(lambda parent, text: shown.append(text)))
    monkeypatch.setattr(ErrorReporter, "show_box", staticmethod(lambda *args: boxes.append(args)))
    reporter = ErrorReporter(tmp_path / "log.txt", tmp_path, lambda: None)
    refusal = NotPermitted(AccountRole.VIEWER, Permission.EDIT_CASES)
    reporter.handle(type(refusal), refusal, None)
    assert shown == ["“查阅”账号不能登记和修改案件。请用有这个权限的账号登录，或请管理员调整角色。"] and boxes == []


# ---------------------------------------------------------------- the start (app.py)

def test_the_start_opens_on_the_set_up_then_on_the_login(database, clock):
    from xinye_desktop.app import LOGIN, SETUP, account_state
    from xinye_desktop.storage.actor import NOBODY

    accounts = AccountService(database, clock=clock, cost=CHEAP)
    assert account_state(database, accounts) == (SETUP, None)
    accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)
    assert account_state(database, accounts) == (LOGIN, None)
    database.use_actor_source(NOBODY)
    with pytest.raises(Refused, match="请先登录"):
        from tests.helpers import valid_case_input
        from xinye_desktop.services.intake import IntakeService

        IntakeService(database).register(valid_case_input(tag=3))


def test_the_smoke_test_paints_the_login_without_credentials_and_logs_in_with_them(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from xinye_desktop.paths import DataPaths
    from xinye_desktop.storage.database import Database

    root = Path(__file__).resolve().parent.parent
    paths = DataPaths(tmp_path / "data")
    paths.create()
    db = Database(paths.database)
    db.ensure_schema()
    AccountService(db, cost=CHEAP).create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("XINYE_USER", None)
    env.pop("XINYE_PASSWORD", None)

    def run(**extra):
        return subprocess.run([sys.executable, "-m", "xinye_desktop", "--smoke-test", "--data-dir", str(paths.root)],
                              cwd=root, env=dict(env, **extra), capture_output=True, text=True, timeout=180)

    bare = run()
    assert bare.returncode == 0, bare.stderr
    assert "smoke test ok: login screen shown" in bare.stdout and "tabs shown" not in bare.stdout
    logged = run(XINYE_USER="wangbg", XINYE_PASSWORD=ADMIN_PASSWORD)
    assert logged.returncode == 0, logged.stderr
    assert re.search(r"smoke test ok: 8 tabs shown, 0 cases in .*, logged in as wangbg \(admin\)", logged.stdout)
    wrong = run(XINYE_USER="wangbg", XINYE_PASSWORD="不对的密码123")
    assert wrong.returncode == 1 and "用户名或密码不对" in wrong.stderr and "smoke test ok" not in wrong.stdout


def test_logout_in_the_running_app_returns_to_the_login_and_quitting_there_ends_it(
        data_paths, qapp, app_fonts, translations, monkeypatch):
    """app._run_window: the window logs out, the app stays up for the login (not "last window closed"),
    and quitting the login ends the app with 0."""
    import sys
    import threading

    from xinye_desktop import app as xapp
    from xinye_desktop.ui.access import SignedIn

    db = xapp.open_database(data_paths)
    accounts = AccountService(db, cost=CHEAP)
    accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)
    db.close()
    asked, windows = [], []

    def sign_in(paths, database, **kwargs):
        asked.append(database)
        if len(asked) == 1:
            service = AccountService(database, cost=CHEAP)
            return SignedIn(service, service.login("wangbg", ADMIN_PASSWORD))
        return None  # the user quits at the second login

    real_after_show = xapp.after_show

    def after_show(window, database, full_check=None):
        windows.append(window)
        real_after_show(window, database, full_check)
        QTimer.singleShot(0, window.logout)

    monkeypatch.setattr(xapp, "sign_in", sign_in)
    monkeypatch.setattr(xapp, "after_show", after_show)
    monkeypatch.setattr(xapp, "BACKUP_AFTER_MS", 60_000)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    class Guard:
        def listen(self, _callback):
            pass

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: qapp.exit(3))
    deadline.start(30_000)
    settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
    try:
        code = xapp._run_window(qapp, data_paths, translations, settings, ["Noto Sans SC"], Guard(), smoke_test=False)
    finally:
        deadline.stop()
    assert code == 0 and len(asked) == 2 and len(windows) == 1
    assert asked[1] is asked[0], "the login again on the same data"
    import sqlite3

    conn = sqlite3.connect(data_paths.database)
    kinds = [k for (k,) in conn.execute("SELECT kind FROM audit_log ORDER BY id")]
    conn.close()
    assert kinds[-2:] == ["login", "logout"]
