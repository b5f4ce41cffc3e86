"""The login (issue 15): 用户名 + 密码 before the main window is built; 忘记密码 (ask the administrator, or
the recovery key); choosing one's own password when the administrator has set a temporary one, and
changing it later (账号 → 修改密码).

Start-up: this module and what it imports (Qt widgets, the domain's rules) are all the login needs, so
it paints before SQLAlchemy, reportlab or any tab is loaded. Every account call runs on a worker thread
(ui/tasks.py): the password's KDF takes a few tenths of a second, and the window keeps answering.
Refusals come back as the service words them (wrong password, the slow-down, the lock until HH:MM) and
are shown under the field they are about.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.accounts import PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN
from ..domain.errors import Refused, ValidationFailed
from .i18n import translate, vtr
from .widgets import FieldBox, NoticeLabel, error_text

HINT_STYLE = "color: #5b6b7b;"


def refusal_text(error: Refused) -> str:
    """A service's refusal in the interface language; a login locked for a while also says until when."""
    params = {k: vtr(v) if isinstance(v, str) else v for k, v in (error.params or {}).items()}
    text = translate("Validation", error.message).format(**params) if params else translate("Validation", error.message)
    until = getattr(error, "until", None)
    if until is not None and getattr(error, "reason", "") == "blocked" and \
            (until - dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)).total_seconds() >= 60:
        local = until.replace(tzinfo=dt.timezone.utc).astimezone()
        text += translate("LoginDialog", "（{time} 以后可以再试）").format(time=local.strftime("%H:%M"))
    return text


def username_rules() -> str:
    return translate("LoginDialog", "{min}到{max}个字：汉字、字母、数字或 _ . - ·，不能有空格；登录时不分大小写").format(
        min=USERNAME_MIN, max=USERNAME_MAX)


def password_rules() -> str:
    return translate("LoginDialog", "至少{min}个字符，不能和用户名相同，也不能是同一个字符重复").format(
        min=PASSWORD_MIN)


def hinted(box: FieldBox, hint: str) -> QWidget:
    """A field with its rule written under it (grey), and its error (red) under that when there is one."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(box)
    label = QLabel(hint)
    label.setObjectName("fieldHint")
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    layout.addWidget(label)
    holder.setFocusProxy(box)
    return holder


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(1000)  # the service says "too long" past 128: a pasted book stops here
    return edit


class AccountCallDialog(QDialog):
    """A dialog whose one action is an account call on a worker thread: the fields wait meanwhile,
    field errors go under their fields (``boxes``: the service's field name -> FieldBox), and any
    other refusal into ``notice``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, FieldBox] = {}
        self.notice = NoticeLabel()
        self.task = None
        self._busy_widgets: list[QWidget] = []
        self.session = None

    def lay_out(self, intro: QWidget, form: QFormLayout, ok_text: str, on_ok, fields: list[QWidget],
                width: int) -> None:
        """The shape the password dialogs share: the intro, the form, the notice, and 取消 beside the
        default button (``ok_button``), which with ``fields`` waits while the call runs."""
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setDefault(True)
        cancel = QPushButton(translate("LoginDialog", "取消"))
        self.ok_button.clicked.connect(on_ok)
        cancel.clicked.connect(self.reject)
        self._busy_widgets = [*fields, self.ok_button]
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setMinimumWidth(width)

    def run(self, work, *args, on_done) -> None:
        from .tasks import run_task

        self.clear_errors()
        self.set_busy(True)
        self.task = run_task(work, *args, owner=self, name=type(self).__name__, on_done=lambda result: self._done(
            on_done, result), on_error=self._failed)

    def _done(self, on_done, result) -> None:
        self.set_busy(False)
        on_done(result)

    def _failed(self, error: BaseException) -> None:
        self.set_busy(False)
        if isinstance(error, ValidationFailed):
            self.show_field_errors(error.errors)
        elif isinstance(error, Refused):
            self.show_refusal(error)
        else:
            from .tasks import present_error

            present_error(error)

    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.notice.show_notice("error", "")

    def fit(self) -> None:
        """Grow to what the wrapped rules and messages need at this width (a top-level layout does not
        ask its labels' heightForWidth, and a message shown later would squeeze the rules under it)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalSizeHint().height())
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self.fit)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)
        return super().event(event)

    def show_field_errors(self, errors) -> None:
        first = None
        unplaced = []
        for error in errors:
            box = self.boxes.get(error.field)
            if box is None:
                unplaced.append(error_text(error))
            elif not box.error:
                box.set_error(error_text(error))
                first = first or box
        if unplaced:
            self.notice.show_notice("error", "\n".join(unplaced))
        if first is not None:
            first.editor.setFocus()

    def show_refusal(self, error: Refused) -> None:
        self.notice.show_notice("error", refusal_text(error))

    def set_busy(self, busy: bool) -> None:
        for widget in self._busy_widgets:
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()

    def mismatch(self, first: QLineEdit, again: QLineEdit, box: FieldBox) -> bool:
        """The password typed twice differently: said under the second field."""
        if first.text() != again.text():
            box.set_error(translate("LoginDialog", "两次输入的密码不一样，请重新输入"))
            again.clear()
            again.setFocus()
            return True
        return False


class LoginDialog(AccountCallDialog):
    """用户名 + 密码. ``session`` holds the session once accepted (its own password chosen first when the
    administrator had set a temporary one)."""

    def __init__(self, accounts, committee: str = "", parent: QWidget | None = None, username: str = ""):
        super().__init__(parent)
        self.accounts = accounts
        self.setWindowTitle(translate("LoginDialog", "登录 — 三理室调解台"))
        heading = QLabel(translate("LoginDialog", "三理室调解台"))
        heading.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.committee_label = QLabel(committee or translate("LoginDialog", "人民调解委员会"))
        self.committee_label.setStyleSheet(HINT_STYLE)
        self.committee_label.setWordWrap(True)
        self.username_edit = QLineEdit(username)
        self.username_edit.setMaxLength(200)
        self.password_edit = password_edit()
        self.boxes = {"username": FieldBox(self.username_edit), "password": FieldBox(self.password_edit)}
        self.login_button = QPushButton(translate("LoginDialog", "登录"))
        self.login_button.setDefault(True)
        self.forgot_button = QPushButton(translate("LoginDialog", "忘记密码？"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setStyleSheet("color: #1d4f91; text-decoration: underline;")
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.quit_button = QPushButton(translate("LoginDialog", "退出"))
        self.login_button.clicked.connect(self.login)
        self.forgot_button.clicked.connect(self.forgot)
        self.quit_button.clicked.connect(self.reject)
        self.password_edit.returnPressed.connect(self.login)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self._busy_widgets = [self.username_edit, self.password_edit, self.login_button, self.forgot_button]

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("LoginDialog", "用户名"), self.boxes["username"])
        form.addRow(translate("LoginDialog", "密码"), self.boxes["password"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.committee_label)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        (self.password_edit if username else self.username_edit).setFocus()

    def login(self) -> None:
        if not self.login_button.isEnabled():
            return
        self.login_button.setText(translate("LoginDialog", "正在登录…"))
        self._typed = self.password_edit.text()
        self.run(self.accounts.login, self.username_edit.text(), self._typed, on_done=self._logged_in)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy:
            self.login_button.setText(translate("LoginDialog", "登录"))

    def show_refusal(self, error: Refused) -> None:
        """A wrong password, a wait or a lock: said under the password, which is cleared for the next try."""
        self.boxes["password"].set_error(refusal_text(error))
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _logged_in(self, session) -> None:
        typed, self._typed = self._typed, ""
        if session.must_set_password:
            choose = ChangePasswordDialog(self.accounts, session, forced=True, old_password=typed, parent=self)
            if not choose.exec() or choose.session is None:
                self.accounts.logout(session)
                self.password_edit.clear()
                self.notice.show_notice("info", translate(
                    "LoginDialog", "需要先设置自己的密码才能使用。请重新登录。"))
                return
            session = choose.session
        self.session = session
        self.accept()

    def forgot(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, translate("LoginDialog", "忘记密码"), translate(
            "LoginDialog", "请找调委会的管理员为你重设密码（账号 → 账号管理）。\n\n"
                           "如果管理员自己也忘了密码，可以用设置管理员时打印的恢复密钥（由司法所保管）"
                           "为管理员设置新密码。"), parent=self)
        use_key = box.addButton(translate("LoginDialog", "用恢复密钥设置新密码…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(translate("LoginDialog", "知道了"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is use_key:
            self.recover()

    def recover(self) -> "RecoveryDialog":
        dialog = RecoveryDialog(self.accounts, self.username_edit.text().strip(), parent=self)
        if dialog.exec() and dialog.session is not None:
            self.session = dialog.session
            self.accept()
        return dialog


class ChangePasswordDialog(AccountCallDialog):
    """A new password for the logged-in account. ``forced``: right after a login with a temporary
    password, which is not asked again."""

    def __init__(self, accounts, session, *, forced: bool = False, old_password: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self._session = session
        self._old = old_password
        self.forced = forced
        self.setWindowTitle(translate("LoginDialog", "设置新密码") if forced else translate("LoginDialog", "修改密码"))
        intro = QLabel(translate("LoginDialog", "管理员给你的是临时密码。请设置一个只有你自己知道的新密码。")
                       if forced else translate("LoginDialog", "修改“{name}”的密码。").format(name=session.display_name))
        intro.setWordWrap(True)
        self.old_edit, self.new_edit, self.again_edit = password_edit(), password_edit(), password_edit()
        self.boxes = {"password": FieldBox(self.old_edit), "new_password": FieldBox(self.new_edit),
                      "again": FieldBox(self.again_edit)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if not forced:
            form.addRow(translate("LoginDialog", "原密码"), self.boxes["password"])
        form.addRow(translate("LoginDialog", "新密码"), hinted(self.boxes["new_password"], password_rules()))
        form.addRow(translate("LoginDialog", "再输一次新密码"), self.boxes["again"])
        self.lay_out(intro, form, translate("LoginDialog", "确定"), self.change,
                     [self.old_edit, self.new_edit, self.again_edit], 480)
        (self.new_edit if forced else self.old_edit).setFocus()

    def change(self) -> None:
        self.clear_errors()
        if self.mismatch(self.new_edit, self.again_edit, self.boxes["again"]):
            return
        old = self._old if self.forced else self.old_edit.text()
        self.run(self.accounts.change_password, self._session, old, self.new_edit.text(), on_done=self._changed)

    def show_refusal(self, error: Refused) -> None:
        if self.forced:
            super().show_refusal(error)
        else:  # the old password was wrong (or the account now waits): said under it
            self.boxes["password"].set_error(refusal_text(error))
            self.old_edit.clear()
            self.old_edit.setFocus()

    def _changed(self, session) -> None:
        self.session = session
        self.accept()


class RecoveryDialog(AccountCallDialog):
    """When every password is lost: the recovery key printed at set-up gives an administrator a new
    password (AccountService.recover_with_key), who is then logged in."""

    def __init__(self, accounts, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.setWindowTitle(translate("LoginDialog", "用恢复密钥设置新密码"))
        intro = QLabel(translate("LoginDialog", "输入设置管理员时打印的恢复密钥（由司法所保管），"
                                                "为管理员账号设置新密码。数据不会丢失。"))
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setMaxLength(200)
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username_edit = QLineEdit(username)
        self.username_edit.setMaxLength(200)
        self.new_edit, self.again_edit = password_edit(), password_edit()
        self.boxes = {"recovery_key": FieldBox(self.key_edit), "username": FieldBox(self.username_edit),
                      "new_password": FieldBox(self.new_edit), "again": FieldBox(self.again_edit)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("LoginDialog", "恢复密钥"), hinted(self.boxes["recovery_key"], translate(
            "LoginDialog", "24个字母和数字，不分大小写，短横线可以不输")))
        form.addRow(translate("LoginDialog", "管理员用户名"), self.boxes["username"])
        form.addRow(translate("LoginDialog", "新密码"), hinted(self.boxes["new_password"], password_rules()))
        form.addRow(translate("LoginDialog", "再输一次新密码"), self.boxes["again"])
        self.lay_out(intro, form, translate("LoginDialog", "设置新密码并登录"), self.recover,
                     [self.key_edit, self.username_edit, self.new_edit, self.again_edit], 520)
        self.key_edit.setFocus()

    def recover(self) -> None:
        self.clear_errors()
        if self.mismatch(self.new_edit, self.again_edit, self.boxes["again"]):
            return
        self.run(self.accounts.recover_with_key, self.key_edit.text(), self.username_edit.text(),
                 self.new_edit.text(), on_done=self._recovered)

    def _recovered(self, session) -> None:
        self.session = session
        self.accept()


__all__ = ["AccountCallDialog", "ChangePasswordDialog", "LoginDialog", "RecoveryDialog", "hinted",
           "password_rules", "refusal_text", "username_rules"]
