"""The first start (issue 15): the committee's administrator is created (用户名, 姓名, 密码 twice), or, on a
folder upgraded from a version without accounts, the administrator the old operator setting became
chooses a password. Then the recovery key is shown ONCE, printed as a PDF for the 司法所 to keep, and
the administrator confirms that it was printed or written down.

The key sheet is written to a temporary folder (deleted when the dialog closes) or where the user
saves it (a USB drive), never into the data folder: a key kept beside the data would protect nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from .i18n import translate
from .login_dialog import AccountCallDialog, hinted, password_edit, password_rules, username_rules
from .widgets import FieldBox, NoticeLabel

KEY_FILE_NAME = "三理室调解台-恢复密钥.pdf"


class SetupDialog(AccountCallDialog):
    """``pending``: the upgraded folder's administrator (services.accounts.Account) who has no password
    yet; None on a new data folder. Once the account exists, ``session`` and ``recovery_key`` are set
    and the dialog shows the key; ``confirmed`` says whether the user ticked that it was kept."""

    def __init__(self, accounts, pending=None, committee: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.pending = pending
        self.committee = committee
        self.recovery_key = ""
        self.confirmed = False
        self.printed: list[Path] = []  # every sheet written, temporary or saved
        self._temp: Path | None = None
        self.pdf_task = None
        self.setWindowTitle(translate("SetupDialog", "第一次使用 — 三理室调解台"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._form_page())
        self.pages.addWidget(self._key_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(self.pages)
        self.setMinimumWidth(620)

    # -- page 1: the administrator -----------------------------------------------------------------
    def _form_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(translate("SetupDialog", "设置管理员账号") if self.pending is None
                         else translate("SetupDialog", "为管理员设置密码"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        if self.pending is None:
            text = translate("SetupDialog", "这是这个数据文件夹第一次使用。请先为调委会设置管理员账号：一般是调委会主任，"
                                            "或调委会指定的人。管理员可以添加其他人的账号、修改设置、恢复备份。"
                                            "以后每次打开都要用账号登录。")
        else:
            text = translate("SetupDialog", "这个数据文件夹来自没有账号的旧版本。原来的操作人“{name}”已经成为管理员账号"
                                            "（用户名 {username}），请为它设置密码。以后每次打开都要用账号登录。").format(
                name=self.pending.display_name, username=self.pending.username)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(self.pending.username if self.pending else "")
        self.username_edit.setMaxLength(200)
        self.name_edit = QLineEdit(self.pending.display_name if self.pending else "")
        self.name_edit.setMaxLength(200)
        self.password_edit, self.again_edit = password_edit(), password_edit()
        if self.pending is not None:  # the upgrade chose them; only the password is asked
            self.username_edit.setReadOnly(True)
            self.name_edit.setReadOnly(True)
        self.boxes = {"username": FieldBox(self.username_edit), "display_name": FieldBox(self.name_edit),
                      "password": FieldBox(self.password_edit), "again": FieldBox(self.again_edit)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("SetupDialog", "用户名"), hinted(self.boxes["username"], username_rules()))
        form.addRow(translate("SetupDialog", "姓名"), hinted(self.boxes["display_name"], translate(
            "SetupDialog", "真实姓名，会签在记录和文书上，如 王保国")))
        form.addRow(translate("SetupDialog", "密码"), hinted(self.boxes["password"], password_rules()))
        form.addRow(translate("SetupDialog", "再输一次密码"), self.boxes["again"])
        self.create_button = QPushButton(translate("SetupDialog", "创建管理员账号") if self.pending is None
                                         else translate("SetupDialog", "设置密码"))
        self.create_button.setDefault(True)
        self.quit_button = QPushButton(translate("SetupDialog", "退出"))
        self.create_button.clicked.connect(self.create)
        self.quit_button.clicked.connect(self.reject)
        self._busy_widgets = [self.username_edit, self.name_edit, self.password_edit, self.again_edit,
                              self.create_button]
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addLayout(buttons)
        (self.password_edit if self.pending else self.username_edit).setFocus()
        return page

    def create(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.clear_errors()
        if self.mismatch(self.password_edit, self.again_edit, self.boxes["again"]):
            return
        if self.pending is None:
            self.run(self.accounts.create_first_admin, self.username_edit.text(), self.name_edit.text(),
                     self.password_edit.text(), on_done=self._made)
        else:
            self.run(self.accounts.set_first_password, self.pending.username, self.password_edit.text(),
                     on_done=self._made)
        self.create_button.setText(translate("SetupDialog", "正在创建…"))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy and hasattr(self, "create_button"):
            self.create_button.setText(translate("SetupDialog", "创建管理员账号") if self.pending is None
                                       else translate("SetupDialog", "设置密码"))

    def _made(self, setup) -> None:
        self.session = setup.session
        self.recovery_key = setup.recovery_key
        self.password_edit.clear()
        self.again_edit.clear()
        self.key_label.setText(self.recovery_key)
        self.owner_label.setText(translate("SetupDialog", "管理员：{name}（用户名 {username}）").format(
            name=setup.session.display_name, username=setup.session.username))
        self.pages.setCurrentIndex(1)
        self.print_button.setFocus()

    # -- page 2: the recovery key, once ------------------------------------------------------------
    def _key_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(translate("SetupDialog", "恢复密钥（只显示这一次）"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(translate("SetupDialog", "所有管理员都忘记密码时，只有用这把恢复密钥才能重新设置密码、打开加密保存的"
                                                "身份证号和电话。软件里不保存它，这一页关掉以后就再也看不到了。"))
        intro.setWordWrap(True)
        self.owner_label = QLabel()
        self.key_label = QLabel()
        key_font = QFont(self.font())
        key_font.setPointSizeF(key_font.pointSizeF() * 2)
        key_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.key_label.setFont(key_font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setStyleSheet("background: #f6f8fa; border: 1px solid #b8c4d0; border-radius: 6px; "
                                     "padding: 14px;")
        # Not selectable: a copy on the clipboard would leave the key on this PC.
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        steps = QLabel(translate("SetupDialog", "请现在打印，交司法所密封保管（也可以工整地抄写在纸上）。"
                                                "不要拍照，不要存在这台电脑、手机或网盘里。"))
        steps.setWordWrap(True)
        self.print_button = QPushButton(translate("SetupDialog", "打印恢复密钥…"))
        self.save_button = QPushButton(translate("SetupDialog", "另存为PDF（如存到U盘）…"))
        self.print_button.clicked.connect(self.print_key)
        self.save_button.clicked.connect(self.save_key)
        self.print_notice = NoticeLabel()
        self.confirm_check = QCheckBox(translate("SetupDialog", "我已经打印（或抄写）了恢复密钥，会交司法所保管"))
        self.done_button = QPushButton(translate("SetupDialog", "完成，开始使用"))
        self.done_button.setEnabled(False)
        self.confirm_check.toggled.connect(self.done_button.setEnabled)
        self.done_button.clicked.connect(self.finish)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.owner_label)
        layout.addWidget(self.key_label)
        layout.addWidget(steps)
        layout.addLayout(row)
        layout.addWidget(self.print_notice)
        layout.addStretch(1)
        layout.addWidget(self.confirm_check)
        layout.addLayout(buttons)
        return page

    def sheet(self):
        from ..documents.recovery_key import RecoveryKeySheet

        return RecoveryKeySheet(self.recovery_key, self.session.username, self.session.display_name, self.committee)

    def write_pdf(self, target: Path, on_done) -> None:
        """The key sheet written on a worker thread (reportlab's first document takes a moment)."""
        from ..documents.recovery_key import build_recovery_key_pdf
        from .tasks import run_task

        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

        def written(path) -> None:
            self.print_button.setEnabled(True)
            self.save_button.setEnabled(True)
            self.printed.append(Path(path))
            on_done(Path(path))

        def failed(error) -> None:
            self.print_button.setEnabled(True)
            self.save_button.setEnabled(True)
            from .backup_dialog import failure_text
            from ..services.failures import explain

            found = explain(error, target.parent) if isinstance(error, OSError) else None
            self.print_notice.show_notice("error", translate("SetupDialog", "恢复密钥没有写成：{error}").format(
                error=failure_text(found) if found is not None else str(error)))

        self.pdf_task = run_task(build_recovery_key_pdf, self.sheet(), target, owner=self, name="recovery-key-pdf",
                                 on_done=written, on_error=failed)

    def temp_pdf(self) -> Path:
        if self._temp is None:
            self._temp = Path(tempfile.mkdtemp(prefix="xinye-key-"))
        return self._temp / KEY_FILE_NAME

    def print_key(self) -> None:
        self.write_pdf(self.temp_pdf(), self.show_pdf)

    def show_pdf(self, path: Path) -> None:
        """The sheet in the app's PDF preview, whose 打印… prints it (tests replace this)."""
        from .pdf_preview import PdfPreviewDialog

        PdfPreviewDialog(path, translate("SetupDialog", "恢复密钥"), self).exec()
        self.print_notice.show_notice("info", translate("SetupDialog", "打印好以后，请在下面打勾确认。"))

    def save_key(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, translate("SetupDialog", "另存恢复密钥"),
                                                str(Path.home() / KEY_FILE_NAME), "PDF (*.pdf)")
        if target:
            self.write_pdf(Path(target), lambda path: self.print_notice.show_notice("warning", translate(
                "SetupDialog", "已保存到 {path}。请打印后把这个文件删掉，或把U盘交司法所保管。").format(path=str(path))))

    def finish(self) -> None:
        self.confirmed = self.confirm_check.isChecked()
        self.accept()

    # -- closing -----------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.session is not None and not self.confirm_check.isChecked():
            answer = QMessageBox.question(self, translate("SetupDialog", "还没有确认保管恢复密钥"), translate(
                "SetupDialog", "这一页关掉以后，恢复密钥就再也看不到了。确定不打印、不抄写就继续吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        if self._temp is not None:  # the temporary sheet does not stay on this PC
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
        super().done(result)


__all__ = ["KEY_FILE_NAME", "SetupDialog"]
