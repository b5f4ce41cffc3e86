"""账号管理 (issue 15): the committee's accounts for an administrator.

Lists the accounts (user name, name, role, state: disabled, locked until, must set a password; last
login), adds one, gives one another role, disables or enables one (confirmed), resets a forgotten
password (confirmed; a temporary password shown once, which its holder must change at the next login),
sets the idle lock, and shows the permission table (domain/accounts.py PERMISSIONS) read-only so the
committee sees what each role may do.

Every rule is the service's (services/accounts.py AccountService): the dialog shows its refusals, next
to the field they are about or as a message above the table; the last administrator, for one, is kept
by the service, not by a button greyed out here. Adding an account and resetting a password hash the
password (a few tenths of a second), so they run off the GUI thread (ui/tasks.py).

Opened as ``AccountsDialog(accounts_service, session, parent).open()`` (or ``exec()``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton, QTabWidget, QVBoxLayout, QWidget,
)

from ..domain.accounts import (
    PASSWORD_MIN, PERMISSIONS, USERNAME_MAX, USERNAME_MIN, AccountRole, NotPermitted, Permission, Reach,
)
from ..domain.errors import NotFound, Refused, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.times import local_time
from .i18n import translate, vtr
from .tasks import Task, run_task
from .widgets import Cell, EnumCombo, FieldBox, NoticeLabel, RowsModel, error_text, place_errors, rows_view, \
    selected_row, set_minimum_width

HINT_STYLE = "color: #555;"
OK_COLOUR, OWN_COLOUR, NO_COLOUR = "#1e6b34", "#7a4a00", "#888888"
WARN_COLOUR = "#8a1c1c"

# A temporary password is read off the screen and typed in by someone else: no 0/O, 1/l/I.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
TEMPORARY_LENGTH = 10


def new_temporary_password() -> str:
    """A password the administrator hands over (10 characters, about 50 bits, letters and digits both)."""
    while True:
        value = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(TEMPORARY_LENGTH))
        if any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value):
            return value


def refusal_text(error: Refused) -> str:
    """A service's refusal in the interface language (a NotPermitted names its role and action, which
    are vocabulary labels of their own)."""
    if isinstance(error, NotPermitted):
        return translate("Validation", error.message).format(role=vtr(error.role.label),
                                                             action=vtr(error.permission.label))
    text = translate("Validation", error.message)
    return text.format(**error.params) if error.params else text


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def status_parts(account, now: dt.datetime) -> list[tuple[str, str]]:
    """(text, colour) of what stands in an account's way, in the order that matters; 正常 when nothing."""
    parts = []
    if account.disabled:
        parts.append((translate("AccountsDialog", "已停用"), WARN_COLOUR))
    if account.locked_until is not None and account.locked_until > now:
        until = account.locked_until.replace(tzinfo=dt.timezone.utc).astimezone()
        today = now.replace(tzinfo=dt.timezone.utc).astimezone().date()
        shown = until.strftime("%H:%M") if until.date() == today else until.strftime("%Y-%m-%d %H:%M")
        parts.append((translate("AccountsDialog", "密码输错，锁定至 {time}").format(time=shown), WARN_COLOUR))
    if not account.has_password:
        parts.append((translate("AccountsDialog", "还没有密码"), OWN_COLOUR))
    elif account.must_set_password:
        parts.append((translate("AccountsDialog", "下次登录须设新密码"), OWN_COLOUR))
    return parts or [(translate("AccountsDialog", "正常"), OK_COLOUR)]


def role_summary(role: AccountRole) -> str:
    """One line on what a role is for (the full table is on the 各角色的权限 page)."""
    return {
        AccountRole.ADMIN: translate("AccountsDialog", "调委会主任或委员会指定的人：管理账号、设置、备份和恢复，也能做调解员的一切工作"),
        AccountRole.MEDIATOR: translate("AccountsDialog", "登记案件、调解、选明白人、制作协议、回访，能打印、导出和备份"),
        AccountRole.RECORDER: translate("AccountsDialog", "只填写本人参与的案件的调解记录和文书并打印；其他案件只能查看"),
        AccountRole.VIEWER: translate("AccountsDialog", "只能查看案件和台账，证件号和电话只显示部分，如司法所的查阅人员"),
    }[role]


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open at this size, but never larger than the screen has room for: 1366×768 at 150% scaling leaves
    about 910×470 logical pixels."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width() - 40), min(height, available.height() - 40)
    dialog.resize(max(width, dialog.minimumSizeHint().width()), max(height, dialog.minimumSizeHint().height()))


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _with_hint(box: FieldBox, hint: str) -> QWidget:
    """A field, its error under it, and the rule it follows under that (grey)."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(box)
    layout.addWidget(_hint(hint))
    holder.setFocusProxy(box)
    return holder


class AddAccountDialog(QDialog):
    """新建账号: user name, name, role and a first password the holder must change at the first login."""

    def __init__(self, accounts, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._accounts, self._session = accounts, session
        self.added = None  # the Account made
        self.task: Task | None = None
        self.setWindowTitle(translate("AccountsDialog", "新建账号"))
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(USERNAME_MAX * 5)  # longer input is still measured and refused by name
        self.username_edit.setPlaceholderText(translate("AccountsDialog", "如 lihua 或 李华"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("AccountsDialog", "如 李华"))
        self.role_combo = EnumCombo(AccountRole, placeholder=True)
        self.role_combo.setItemText(0, translate("AccountsDialog", "请选择角色"))
        self.role_hint = _hint("")
        self.password_edit = QLineEdit(new_temporary_password())
        # Shown, not dotted: the administrator reads it out or writes it down for the holder.
        self.password_edit.setMaxLength(1000)
        self.new_password_button = QPushButton(translate("AccountsDialog", "换一个"))
        self.new_password_button.setToolTip(translate("AccountsDialog", "随机生成一个初次密码"))
        self.new_password_button.clicked.connect(lambda: self.password_edit.setText(new_temporary_password()))
        self.boxes = {"username": FieldBox(self.username_edit), "display_name": FieldBox(self.name_edit),
                      "role": FieldBox(self.role_combo), "password": FieldBox(self.password_edit)}
        password_row = QWidget()
        row = QHBoxLayout(password_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(_with_hint(self.boxes["password"], translate(
            "AccountsDialog", "至少{min}个字符，不能和用户名相同。请把它告诉本人；本人第一次登录时要改成自己的密码").format(
            min=PASSWORD_MIN)), 1)
        row.addWidget(self.new_password_button, 0, Qt.AlignmentFlag.AlignTop)
        self.notice = NoticeLabel()
        form = QFormLayout()
        form.addRow(translate("AccountsDialog", "用户名"), _with_hint(self.boxes["username"], translate(
            "AccountsDialog", "登录时输入。{min}到{max}个字：汉字、字母、数字或 _ . - ·，不能有空格；不分大小写").format(
            min=USERNAME_MIN, max=USERNAME_MAX)))
        form.addRow(translate("AccountsDialog", "姓名"), _with_hint(self.boxes["display_name"], translate(
            "AccountsDialog", "本人的真实姓名：案件记录和审计记录里署这个名字")))
        role_holder = QWidget()
        role_layout = QVBoxLayout(role_holder)
        role_layout.setContentsMargins(0, 0, 0, 0)
        role_layout.setSpacing(2)
        role_layout.addWidget(self.boxes["role"])
        role_layout.addWidget(self.role_hint)
        form.addRow(translate("AccountsDialog", "角色"), role_holder)
        form.addRow(translate("AccountsDialog", "初次密码"), password_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(translate("AccountsDialog", "新建"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.role_combo.currentIndexChanged.connect(self._show_role_hint)
        self._show_role_hint()
        set_minimum_width(self, 560)
        fit_to_screen(self, 600, self.sizeHint().height())

    def _show_role_hint(self, *_args) -> None:
        role = self.role_combo.current()
        self.role_hint.setText(role_summary(role) if role is not None else "")
        self.role_hint.setVisible(role is not None)

    def accept(self) -> None:
        """Ask the service (off the GUI thread: the password is hashed); stay open on a refusal."""
        if self.task is not None and self.task.running:
            return
        place_errors(self.boxes, [])
        self.notice.hide()
        self._set_busy(True)
        self.task = run_task(self._accounts.add_account, self._session, self.username_edit.text(),
                             self.name_edit.text(), self.role_combo.current(), self.password_edit.text(),
                             owner=self, name="add-account", on_done=self._added, on_error=self._refused)

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.ok_button.setText(translate("AccountsDialog", "正在新建…") if busy else translate("AccountsDialog", "新建"))

    def _added(self, account) -> None:
        self._set_busy(False)
        self.added = account
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            unplaced, first = place_errors(self.boxes, error.errors)
            if unplaced:
                self.notice.show_notice("error", "\n".join(unplaced))
            if first is not None:
                first.setFocus()
        elif isinstance(error, Refused):
            self.notice.show_notice("error", refusal_text(error))
        else:
            raise error
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))  # room for the messages


class RoleDialog(QDialog):
    """更改角色: one choice per role, with what it is for."""

    def __init__(self, account, parent: QWidget | None = None):
        super().__init__(parent)
        self.account = account
        self.setWindowTitle(translate("AccountsDialog", "更改角色：{name}").format(name=account.display_name))
        self.group = QButtonGroup(self)
        self.radios: dict[AccountRole, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("AccountsDialog", "“{name}”（{username}）现在是{role}。改为：").format(
            name=account.display_name, username=account.username, role=vtr(account.role.label))))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        for row, role in enumerate(AccountRole):
            radio = QRadioButton(vtr(role.label))
            radio.setChecked(role is account.role)
            self.group.addButton(radio)
            self.radios[role] = radio
            grid.addWidget(radio, row, 0, Qt.AlignmentFlag.AlignTop)
            hint = _hint(role_summary(role))
            hint.setMinimumWidth(hint.fontMetrics().horizontalAdvance("调") * 24)
            grid.addWidget(hint, row, 1)
        layout.addLayout(grid)
        layout.addWidget(_hint(translate("AccountsDialog", "改动从这个账号的下一步操作起生效。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        set_minimum_width(self, 520)

    def chosen(self) -> AccountRole:
        return next(role for role, radio in self.radios.items() if radio.isChecked())


class AccountsDialog(QDialog):
    """账号管理 for an administrator. ``accounts``: services.accounts.AccountService; ``session``: the
    administrator's AccountSession (its data key wraps the new passwords)."""

    accounts_changed = Signal()
    idle_lock_changed = Signal(int)  # minutes: the window's idle watch should follow

    HEADERS = (QT_TRANSLATE_NOOP("AccountsDialog", "用户名"), QT_TRANSLATE_NOOP("AccountsDialog", "姓名"),
               QT_TRANSLATE_NOOP("AccountsDialog", "角色"), QT_TRANSLATE_NOOP("AccountsDialog", "状态"),
               QT_TRANSLATE_NOOP("AccountsDialog", "上次登录"))

    def __init__(self, accounts, session, parent: QWidget | None = None):
        super().__init__(parent)
        self._accounts, self._session = accounts, session
        self.rows: list = []  # the Accounts shown, in table order
        self.add_dialog: AddAccountDialog | None = None
        self.role_dialog: RoleDialog | None = None
        self.reset_task: Task | None = None
        self.setWindowTitle(translate("AccountsDialog", "账号管理"))

        # -- the accounts page
        self.notice = NoticeLabel()
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RowsModel([translate("AccountsDialog", h) for h in self.HEADERS], self)
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(lambda _index: self._on_role_clicked())
        self.add_button = QPushButton(translate("AccountsDialog", "新建账号…"))
        self.role_button = QPushButton(translate("AccountsDialog", "更改角色…"))
        self.disable_button = QPushButton(translate("AccountsDialog", "停用账号"))
        self.reset_button = QPushButton(translate("AccountsDialog", "重设密码…"))
        self.reset_button.setToolTip(translate("AccountsDialog", "本人忘了密码时：生成一个临时密码，本人下次登录时要改成自己的"))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.role_button.clicked.connect(self._on_role_clicked)
        self.disable_button.clicked.connect(self._on_disable_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addStretch(1)
        for button in (self.role_button, self.disable_button, self.reset_button):
            actions.addWidget(button)

        # The temporary password, shown once: until the next action or the dialog closes.
        self.once_frame = QFrame()
        self.once_frame.setObjectName("oncePassword")
        self.once_frame.setStyleSheet("#oncePassword { background:#fff4e5; border:1px solid #e0b060; border-radius:4px; }")
        self.once_label = QLabel()
        self.once_label.setWordWrap(True)
        self.once_label.setStyleSheet("color:#7a4a00;")
        self.once_edit = QLineEdit()
        self.once_edit.setReadOnly(True)
        font = self.once_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.once_edit.setFont(font)
        self.once_edit.setMaximumWidth(self.once_edit.fontMetrics().horizontalAdvance("m" * (TEMPORARY_LENGTH + 4)))
        self.once_done_button = QPushButton(translate("AccountsDialog", "已抄下，隐藏"))
        self.once_done_button.clicked.connect(self.hide_once_password)
        once = QVBoxLayout(self.once_frame)
        once.addWidget(self.once_label)
        once_row = QHBoxLayout()
        once_row.addWidget(self.once_edit)
        once_row.addWidget(self.once_done_button)
        once_row.addStretch(1)
        once.addLayout(once_row)
        self.once_frame.hide()

        # The idle lock
        self.idle_edit = QLineEdit(str(accounts.idle_lock_minutes()))
        self.idle_edit.setMaximumWidth(self.idle_edit.fontMetrics().horizontalAdvance("0000") + 24)
        self.idle_box = FieldBox(self.idle_edit)
        self.idle_button = QPushButton(translate("AccountsDialog", "保存"))
        self.idle_button.clicked.connect(self.save_idle_lock)
        self.idle_edit.returnPressed.connect(self.save_idle_lock)
        idle_group = QGroupBox(translate("AccountsDialog", "自动锁定"))
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(translate("AccountsDialog", "电脑无人操作")))
        idle_row.addWidget(self.idle_box)
        idle_row.addWidget(QLabel(translate("AccountsDialog", "分钟后锁定，须重新输入密码（已填写的内容保留）")))
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        idle_layout = QVBoxLayout(idle_group)
        idle_layout.addLayout(idle_row)

        accounts_page = QWidget()
        page = QVBoxLayout(accounts_page)
        page.addWidget(self.notice)
        page.addWidget(self.once_frame)
        page.addWidget(self.table, 1)
        page.addLayout(actions)
        page.addWidget(idle_group)

        # -- the permission table, read-only
        self.permissions_model = RowsModel(self.permission_headers(), self)
        self.permissions_model.set_rows(self.permission_rows())
        self.permissions_table = rows_view(self.permissions_model)
        self.permissions_table.setSelectionMode(self.permissions_table.SelectionMode.NoSelection)
        header = self.permissions_table.horizontalHeader()
        for column in range(1, self.permissions_model.columnCount()):  # the roles side by side, alike
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        permissions_page = QWidget()
        perm_layout = QVBoxLayout(permissions_page)
        perm_layout.addWidget(_hint(translate(
            "AccountsDialog", "每个角色能做什么。没有权限的按钮在窗口里不可用，程序也会拒绝。“本人参与的案件”指"
                              "这个账号在案件里担任主持人、见证人或记录人。")))
        perm_layout.addWidget(self.permissions_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(accounts_page, translate("AccountsDialog", "账号"))
        self.tabs.addTab(permissions_page, translate("AccountsDialog", "各角色的权限"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()
        fit_to_screen(self, 960, 660)

    # -- the list -----------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Read the accounts again, keeping the selection (or selecting ``select_id``)."""
        current = self.selected_account()
        keep = select_id if select_id is not None else (current.id if current else None)
        try:
            self.rows = self._accounts.list_accounts(self._session)
        except Refused as error:  # this session no longer manages accounts (its role was changed)
            self.rows = []
            self.model.set_rows([])
            self.show_error(refusal_text(error))
            self._update_buttons()
            return
        now = _utcnow()
        table = []
        for account in self.rows:
            parts = status_parts(account, now)
            name = account.display_name
            if account.id == self._session.account_id:
                name = translate("AccountsDialog", "{name}（当前登录）").format(name=name)
            table.append([
                Cell(account.username), Cell(name), Cell(vtr(account.role.label), bold=account.role is AccountRole.ADMIN),
                Cell("；".join(text for text, _c in parts), colour=parts[0][1]),
                Cell(local_time(account.last_login_at) or translate("AccountsDialog", "从未登录"))])
        self.model.set_rows(table)
        for row, account in enumerate(self.rows):
            if account.id == keep:
                self.table.selectRow(row)
                break
        self._update_buttons()

    def selected_account(self):
        row = selected_row(self.table)
        return self.rows[row] if row is not None and row < len(self.rows) else None

    def select_account(self, username: str) -> None:
        for row, account in enumerate(self.rows):
            if account.username == username:
                self.table.selectRow(row)
                return
        raise LookupError(username)

    def _update_buttons(self, *_args) -> None:
        account = self.selected_account()
        for button in (self.role_button, self.disable_button, self.reset_button):
            button.setEnabled(account is not None)
        self.disable_button.setText(translate("AccountsDialog", "启用账号") if account is not None and account.disabled
                                    else translate("AccountsDialog", "停用账号"))
        self.reset_button.setEnabled(account is not None and not (self.reset_task and self.reset_task.running))

    # -- messages ------------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.notice.show_notice("error", text)

    def show_done(self, text: str) -> None:
        self.notice.show_notice("ok", text)

    def _start_action(self) -> None:
        self.notice.hide()
        self.hide_once_password()

    def hide_once_password(self) -> None:
        self.once_edit.clear()
        self.once_label.clear()
        self.once_frame.hide()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.show_error("\n".join(error_text(e) for e in error.errors))
        elif isinstance(error, Refused):
            self.show_error(refusal_text(error))
        elif isinstance(error, NotFound):  # removed meanwhile (another PC session)
            self.show_error(translate("AccountsDialog", "这个账号已经不在了，列表已刷新。"))
            self.reload()
        else:
            raise error

    # -- adding --------------------------------------------------------------------------------------
    def open_add_dialog(self) -> AddAccountDialog:
        """新建账号 (window-modal; the list follows once it is made)."""
        self._start_action()
        self.add_dialog = AddAccountDialog(self._accounts, self._session, self)
        self.add_dialog.accepted.connect(lambda: self._added(self.add_dialog.added))
        self.add_dialog.open()
        return self.add_dialog

    def _added(self, account) -> None:
        self.reload(select_id=account.id)
        self.show_done(translate("AccountsDialog", "已新建账号“{username}”（{name}，{role}）。请把初次密码告诉本人；"
                                                   "本人第一次登录时要改成自己的密码。").format(
            username=account.username, name=account.display_name, role=vtr(account.role.label)))
        self.accounts_changed.emit()

    # -- role --------------------------------------------------------------------------------------
    def _on_role_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        self._start_action()
        self.role_dialog = RoleDialog(account, self)
        self.role_dialog.accepted.connect(lambda: self.change_role(account, self.role_dialog.chosen()))
        self.role_dialog.open()

    def change_role(self, account, role: AccountRole) -> None:
        if role is account.role:
            return
        if account.id == self._session.account_id and role is not AccountRole.ADMIN:
            answer = QMessageBox.question(self, translate("AccountsDialog", "更改自己的角色"), translate(
                "AccountsDialog", "改成{role}后，您就不能再管理账号和设置了。确定要改吗？").format(role=vtr(role.label)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            changed = self._accounts.set_role(self._session, account.id, role)
        except (Refused, ValidationFailed, NotFound) as error:
            self._refused(error)
            return
        self.reload(select_id=changed.id)
        if self.rows or not self.notice.isVisible():
            self.show_done(translate("AccountsDialog", "“{name}”的角色已改为{role}。").format(
                name=changed.display_name, role=vtr(changed.role.label)))
        self.accounts_changed.emit()

    # -- disabling -------------------------------------------------------------------------------------
    def _on_disable_clicked(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.set_disabled(account, not account.disabled)

    def set_disabled(self, account, disabled: bool) -> None:
        """Confirmed first; the service keeps the account in use and the last administrator enabled."""
        self._start_action()
        if disabled:
            question = translate("AccountsDialog", "停用“{name}”（{username}）的账号？停用后不能再用它登录，"
                                                   "它做过的记录都保留，以后可以重新启用。")
            title = translate("AccountsDialog", "停用账号")
        else:
            question = translate("AccountsDialog", "重新启用“{name}”（{username}）的账号？")
            title = translate("AccountsDialog", "启用账号")
        answer = QMessageBox.question(self, title, question.format(name=account.display_name, username=account.username))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            changed = self._accounts.set_disabled(self._session, account.id, disabled)
        except (Refused, ValidationFailed, NotFound) as error:
            self._refused(error)
            return
        self.reload(select_id=changed.id)
        self.show_done((translate("AccountsDialog", "已停用“{name}”的账号。") if disabled
                        else translate("AccountsDialog", "已启用“{name}”的账号。")).format(name=changed.display_name))
        self.accounts_changed.emit()

    # -- resetting a password ----------------------------------------------------------------------------
    def _on_reset_clicked(self) -> None:
        account = self.selected_account()
        if account is not None:
            self.reset_password(account)

    def reset_password(self, account) -> Task | None:
        """Confirmed first; a temporary password is made here, set by the service off the GUI thread and
        shown once. Returns the Task (None when not confirmed)."""
        self._start_action()
        answer = QMessageBox.question(self, translate("AccountsDialog", "重设密码"), translate(
            "AccountsDialog", "为“{name}”（{username}）重设密码？原来的密码就不能用了；程序会生成一个临时密码，"
                              "只显示一次。").format(name=account.display_name, username=account.username))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        password = new_temporary_password()
        self.reset_button.setEnabled(False)
        self.reset_task = run_task(self._accounts.admin_reset_password, self._session, account.id, password,
                                   owner=self, name="reset-password",
                                   on_done=lambda changed: self._reset_done(changed, password),
                                   on_error=self._reset_failed)
        return self.reset_task

    def _reset_done(self, account, password: str) -> None:
        self.reload(select_id=account.id)
        self.once_label.setText(translate(
            "AccountsDialog", "“{name}”（{username}）的临时密码如下，只显示这一次。请抄下来交给本人；本人下次登录时"
                              "要改成自己的密码。").format(name=account.display_name, username=account.username))
        self.once_edit.setText(password)
        self.once_frame.show()
        self.once_edit.selectAll()
        self.accounts_changed.emit()

    def _reset_failed(self, error: BaseException) -> None:
        self._update_buttons()
        self._refused(error)

    # -- the idle lock -------------------------------------------------------------------------------
    def save_idle_lock(self) -> None:
        self._start_action()
        self.idle_box.set_error("")
        try:
            minutes = self._accounts.set_idle_lock_minutes(self._session, self.idle_edit.text())
        except ValidationFailed as failed:
            self.idle_box.set_error("\n".join(error_text(e) for e in failed.errors))
            return
        except Refused as error:
            self.idle_box.set_error(refusal_text(error))
            return
        self.idle_edit.setText(str(minutes))
        self.show_done(translate("AccountsDialog", "已保存：电脑无人操作{minutes}分钟后自动锁定。").format(minutes=minutes))
        self.idle_lock_changed.emit(minutes)

    # -- the permission table --------------------------------------------------------------------------
    @staticmethod
    def permission_headers() -> list[str]:
        return [translate("AccountsDialog", "能做的事")] + [vtr(role.label) for role in AccountRole]

    @staticmethod
    def permission_rows() -> list[list[Cell]]:
        texts = {Reach.ALL: (translate("AccountsDialog", "可以"), OK_COLOUR),
                 Reach.OWN_CASES: (translate("AccountsDialog", "本人参与的案件"), OWN_COLOUR),
                 Reach.NONE: (translate("AccountsDialog", "不能"), NO_COLOUR)}
        rows = []
        for permission in Permission:
            row = [Cell(vtr(permission.label))]
            for role in AccountRole:
                text, colour = texts[PERMISSIONS[role].get(permission, Reach.NONE)]
                row.append(Cell(text, colour=colour))
            rows.append(row)
        return rows

    def done(self, result: int) -> None:
        self.hide_once_password()  # shown once: gone with the dialog
        super().done(result)


__all__ = ["AccountsDialog", "AddAccountDialog", "RoleDialog", "new_temporary_password", "refusal_text",
           "status_parts"]
