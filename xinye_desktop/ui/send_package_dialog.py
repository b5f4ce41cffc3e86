"""文件 → 报送司法所…: the village writes its exchange package for the 司法所 (issue 16 item 2).

The mediator picks the month (last month by default; a month without a dispute is sent as a zero report,
and the dialog says so before writing), the 司法所's public key the first time (its hub-key.txt, written
by ``hub-setup``; the first package remembers it, after which the dialog shows its fingerprint and asks no
more) and the folder (a USB drive where one is plugged in). The package is written on a worker
(ui/tasks.py) with a progress bar; then the dialog says where it went, its size, what it carries and the
committee's signing fingerprint to read over the phone. Bad input gets its Chinese message under its field
and nothing is written (the writer leaves nothing under the package's name when it fails).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from ..domain.accounts import NotPermitted
from ..domain.errors import Refused
from ..domain.exchange import fingerprint, package_name
from .i18n import translate, translate_message, vtr
from .tasks import present_error, run_task
from .widgets import ERROR_STYLE, FieldBox, NoticeLabel, fit_height, set_minimum_width

KEY_FILE_LIMIT = 4096  # hub-key.txt is one line of base64; anything larger is not a key file
# Where a refused package's message goes (PackageRefused.reason, services/exchange/format.py).
_FOLDER_REASONS = {"folder", "not_writable", "disk_full", "write"}
_KEY_REASONS = {"hub_key"}


def last_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def removable_folder() -> Path | None:
    """A mounted USB drive, where there is one (Linux /media/<user>/<drive>, Windows drive letters D: to Z:
    other than the system's); None otherwise, and the mediator chooses the folder."""
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes
        import string

        for letter in string.ascii_uppercase[3:]:
            root = f"{letter}:\\"
            if ctypes.windll.kernel32.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
                return Path(root)
        return None
    user = os.environ.get("USER", "")
    if not user:
        return None
    for base in (Path("/media") / user, Path("/run/media") / user):
        try:
            drives = sorted(p for p in base.iterdir() if p.is_dir() and os.access(p, os.W_OK))
        except OSError:
            continue
        if drives:
            return drives[0]
    return None


def refusal_text(error: Refused) -> str:
    """A service's refusal in the interface language (translate_message: whichever context marked it); a
    role's refusal names its role and action (vocabulary labels)."""
    if isinstance(error, NotPermitted):
        return translate("Validation", error.message).format(role=vtr(error.role.label),
                                                             action=vtr(error.permission.label))
    text = translate_message(error.message)
    return text.format(**error.params) if error.params else text


class KeyFileRefused(Exception):
    """A key file that is not the 司法所's public key; ``text`` says why, in the interface language."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def read_key_file(path: Path) -> bytes:
    """The 司法所's X25519 public key from its hub-key.txt (one line of base64; 32 raw bytes are taken
    too); KeyFileRefused with a Chinese message for a file that cannot be read or holds no such key."""
    from ..services.exchange import crypto

    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(KEY_FILE_LIMIT + 1)
    except OSError as error:
        raise KeyFileRefused(translate("SendPackage", "读不到文件 {name}（{error}）：请换一个文件，或把U盘插好后再选。").format(
            name=path.name, error=error.strerror or error)) from None
    if len(data) > KEY_FILE_LIMIT:
        raise KeyFileRefused(_not_a_key(path))
    try:
        return crypto.hub_public_key(data if len(data) == 32 else data.decode("ascii").strip())
    except (Refused, UnicodeDecodeError):
        raise KeyFileRefused(_not_a_key(path)) from None


def _not_a_key(path: Path) -> str:
    return translate("SendPackage", "{name} 不是司法所的公钥文件：请选择司法所用 hub-setup 写出的 hub-key.txt。").format(
        name=path.name)


def _write(exchange, folder: Path, hub_key: bytes | None, period: str, progress):
    """On the worker: the service writes the package (its own transactions, services/exchange/writer.py)."""
    return exchange.write_package(folder, hub_public_key=hub_key, period=period, progress=progress)


class SendPackageDialog(QDialog):
    def __init__(self, exchange, parent: QWidget | None = None, *, today: dt.date | None = None,
                 folder: Path | None = None):
        super().__init__(parent)
        self._exchange = exchange
        self._hub_key: bytes | None = None  # chosen from a file; None: the one remembered in the settings
        self._remembered: str | None = None  # the remembered key's fingerprint
        self.written = None
        self.task = None
        self.setWindowTitle(translate("SendPackage", "报送司法所"))
        today = today or dt.date.today()
        year, month = last_month(today)
        self._committee = exchange.committee_name()

        intro = QLabel(translate("SendPackage", "报送包带上次司法所确认之后的全部变化和所选月份的统计；当月没有受理纠纷时报送零报告。"
                                      "身份证号、电话、住址用司法所的公钥加密，U盘丢失也不会泄露。"))
        intro.setWordWrap(True)

        # -- the month
        self.month_edit = QDateEdit(QDate(year, month, 1))
        self.month_edit.setDisplayFormat(translate("SendPackage", "yyyy年M月"))
        self.month_edit.setMaximumDate(QDate(today.year, today.month, 1))
        self.month_edit.setMinimumWidth(120)
        self.month_edit.dateChanged.connect(self._month_changed)
        self.month_note = QLabel()
        self.month_note.setWordWrap(True)
        month_box = QWidget()
        month_layout = QVBoxLayout(month_box)
        month_layout.setContentsMargins(0, 0, 0, 0)
        month_layout.setSpacing(2)
        month_row = QHBoxLayout()
        month_row.addWidget(self.month_edit)
        month_row.addStretch(1)
        month_layout.addLayout(month_row)
        month_layout.addWidget(self.month_note)

        # -- the 司法所's key: chosen once, then remembered
        self.key_status = QLabel()
        self.key_status.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setReadOnly(True)
        self.key_edit.setPlaceholderText(translate("SendPackage", "司法所给的 hub-key.txt"))
        self.key_box = FieldBox(self.key_edit)
        self.key_button = QPushButton(translate("SendPackage", "选择公钥文件…"))
        self.key_button.clicked.connect(self.choose_key)
        self.key_picker = QWidget()
        picker_row = QHBoxLayout(self.key_picker)
        picker_row.setContentsMargins(0, 0, 0, 0)
        picker_row.addWidget(self.key_box, 1)
        picker_row.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignTop)
        self.key_error = QLabel()  # a refusal of the remembered key (the picker is hidden then)
        self.key_error.setObjectName("fieldError")
        self.key_error.setStyleSheet(ERROR_STYLE)
        self.key_error.setWordWrap(True)
        self.key_error.hide()
        key_column = QWidget()
        key_layout = QVBoxLayout(key_column)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.setSpacing(2)
        key_layout.addWidget(self.key_picker)
        key_layout.addWidget(self.key_status)
        key_layout.addWidget(self.key_error)

        # -- the folder
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(translate("SendPackage", "插上U盘，再选择U盘"))
        self.folder_edit.textChanged.connect(self._update_name)
        self.folder_box = FieldBox(self.folder_edit)
        self.folder_button = QPushButton(translate("SendPackage", "选择文件夹…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        folder_column = QWidget()
        folder_layout = QVBoxLayout(folder_column)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.setSpacing(2)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_box, 1)
        folder_row.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignTop)
        folder_layout.addLayout(folder_row)
        folder_layout.addWidget(self.name_label)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(translate("SendPackage", "报送月份："), month_box)
        form.addRow(translate("SendPackage", "司法所公钥："), key_column)
        form.addRow(translate("SendPackage", "保存到："), folder_column)

        self.progress = QProgressBar()
        self.progress.hide()
        self.result = NoticeLabel()
        self.result.setTextInteractionFlags(self.result.textInteractionFlags()
                                            | self.result.textInteractionFlags().TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(translate("SendPackage", "生成报送包"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(translate("SendPackage", "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.new_key_button = QPushButton(translate("SendPackage", "换签名密钥…"))  # rare: kept left, away from 生成报送包
        self.new_key_button.setToolTip(translate("SendPackage", "电脑丢失、被盗，或本机是从落入他人之手的备份恢复的：司法所吊销旧密钥后，"
                                                      "换一把新的签名密钥（管理员）"))
        self.write_button.clicked.connect(self.write)
        self.close_button.clicked.connect(self.reject)
        self.new_key_button.clicked.connect(self.new_signing_key)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_key_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        width = max(self.key_button.sizeHint().width(), self.folder_button.sizeHint().width())
        for button in (self.key_button, self.folder_button):  # the two fields line up
            button.setMinimumWidth(width)

        start = Path(folder) if folder is not None else removable_folder()
        if start is not None:
            self.folder_edit.setText(str(start))
        self._show_key()
        self._month_changed()
        set_minimum_width(self, 640)
        self.resize(max(self.minimumWidth(), 680), self.sizeHint().height())
        self.write_button.setDefault(True)
        self.write_button.setFocus()

    def _fit(self) -> None:
        fit_height(self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self._fit)

    def _changed(self) -> None:
        """A label's text changed: fit the height once the pending layout has run."""
        QTimer.singleShot(0, self._fit)

    # -- the month ----------------------------------------------------------------------------------
    def period(self) -> str:
        date = self.month_edit.date()
        return f"{date.year():04d}-{date.month():02d}"

    def _month_changed(self, *_args) -> None:
        date = self.month_edit.date()
        label = translate("SendPackage", "{year}年{month}月").format(year=date.year(), month=date.month())
        try:
            registered = self._exchange.month_registered(self.period())
        except Exception:  # noqa: BLE001 - only a hint; writing says what is wrong
            registered = None
        if registered == 0:
            self.month_note.setText(translate("SendPackage", "{month}没有受理纠纷：报送零报告。").format(month=label))
        elif registered is not None:
            self.month_note.setText(translate("SendPackage", "{month}受理纠纷 {count} 件。").format(month=label, count=registered))
        else:
            self.month_note.clear()
        self.month_note.setVisible(bool(self.month_note.text()))
        self._update_name()
        self._changed()

    # -- the 司法所's key ---------------------------------------------------------------------------
    def _show_key(self) -> None:
        self._remembered = self._exchange.hub_key_fingerprint()
        self.key_error.hide()
        self.key_status.show()
        if self._remembered is not None and self._hub_key is None:
            self.key_picker.hide()
            self.key_status.setText(translate(
                "SendPackage", "已记下司法所的公钥，指纹 {fingerprint}（可打电话与司法所核对）。不用再选公钥文件。").format(
                fingerprint=self._remembered))
        elif self._hub_key is not None:
            self.key_picker.show()
            self.key_status.setText(translate(
                "SendPackage", "指纹 {fingerprint}：请打电话与司法所核对，一致再生成报送包。生成后本机记下这把公钥。").format(
                fingerprint=fingerprint(self._hub_key, "hub")))
        else:
            self.key_picker.show()
            self.key_status.setText(translate("SendPackage", "第一次报送：请选择司法所给的 hub-key.txt（司法所用 hub-setup 写出）。"))
        self._changed()

    def choose_key(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, translate("SendPackage", "选择司法所的公钥文件"), start,
                                              translate("SendPackage", "公钥文件 (*.txt);;所有文件 (*)"))
        if path:
            self.use_key_file(Path(path))

    def use_key_file(self, path: Path) -> bool:
        """Take the 司法所's key from ``path``; False (its message under the field, nothing kept) if it is not."""
        self.key_edit.setText(str(path))
        try:
            key = read_key_file(path)
        except KeyFileRefused as refused:
            self._hub_key = None
            self.key_box.set_error(refused.text)
            self.key_status.hide()  # the message under the field says it
            self._changed()
            return False
        self._hub_key = key
        self.key_box.set_error("")
        self._show_key()
        return True

    # -- the folder ---------------------------------------------------------------------------------
    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text) if text else None

    def _update_name(self, *_args) -> None:
        date = self.month_edit.date()
        name = package_name(self._committee, date.year(), date.month())
        self.name_label.setText(translate("SendPackage", "文件名：{name}").format(name=name))

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(removable_folder() or Path.home())
        path = QFileDialog.getExistingDirectory(self, translate("SendPackage", "报送包保存到（一般是U盘）"), start)
        if path:
            self.folder_edit.setText(path)
            self.folder_box.set_error("")

    def _check_folder(self) -> bool:
        folder = self.folder()
        if folder is None:
            message = translate("SendPackage", "请选择保存报送包的文件夹（一般是U盘）。")
        elif not folder.is_dir():
            message = translate("SendPackage", "找不到文件夹 {folder}（U盘可能没插好）：请插好U盘或另选文件夹。").format(folder=str(folder))
        elif not os.access(folder, os.W_OK):
            message = translate("SendPackage", "文件夹 {folder} 不能写入（只读、写保护或没有权限）：请另选文件夹。").format(
                folder=str(folder))
        else:
            message = ""
        self.folder_box.set_error(message)
        self._changed()
        return not message

    # -- writing ------------------------------------------------------------------------------------
    def write(self) -> None:
        self.result.show_notice("info", "")
        self.key_error.hide()
        key_ok = self._hub_key is not None or self._remembered is not None
        if not key_ok:
            self.key_box.set_error(self.key_box.error or translate("SendPackage", "请先选择司法所的公钥文件 hub-key.txt。"))
        folder_ok = self._check_folder()
        if not (key_ok and folder_ok):
            return
        self._set_busy(True)
        self.task = run_task(_write, self._exchange, self.folder(), self._hub_key, self.period(),
                             with_progress=True, owner=self, progress_bar=self.progress, on_done=self._done,
                             on_error=self._failed, name="write_package")

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.month_edit, self.key_button, self.folder_edit, self.folder_button, self.write_button,
                       self.close_button, self.new_key_button):
            widget.setEnabled(not busy)

    def _done(self, written) -> None:
        from .backup_dialog import size_text

        self._set_busy(False)
        self.written = written
        self._hub_key = None  # remembered now (services/exchange/writer.py)
        self._show_key()
        counts = written.counts
        rows = sum(n for k, n in counts.items() if k not in ("documents", "tombstones"))
        year, month = (int(part) for part in written.period.split("-"))
        label = translate("SendPackage", "{year}年{month}月").format(year=year, month=month)
        zero = translate("SendPackage", "（零报告：当月没有受理纠纷）") if written.zero_report else ""
        self.result.show_notice("ok", translate(
            "SendPackage", "报送包已写入 {path}（{size}）。\n带{month}的统计{zero}，和上次司法所确认以来的变化：案件 {cases} 件、"
                 "记录 {rows} 条、存档文件 {documents} 个。\n"
                 "调委会签名密钥指纹：{fingerprint}（司法所第一次导入时请打电话读给司法所核对）。").format(
            path=str(written.path), size=size_text(written.size), month=label, zero=zero,
            cases=counts.get("cases", 0), rows=rows, documents=counts.get("documents", 0),
            fingerprint=written.fingerprint))
        self.close_button.setText(translate("SendPackage", "完成"))
        self.close_button.setFocus()
        self._changed()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.progress.hide()  # not a bar at 100 % over a package that was not written
        if not isinstance(error, Refused):
            self.result.show_notice("error", translate("SendPackage", "报送包没有生成。"))
            self._changed()
            present_error(error)
            return
        text = refusal_text(error)
        reason = getattr(error, "reason", None)
        if reason in _FOLDER_REASONS:
            self.folder_box.set_error(text)
        elif reason in _KEY_REASONS or error.message == _bad_hub_key():
            if self.key_picker.isHidden():
                self.key_error.setText(text)
                self.key_error.show()
            else:
                self.key_box.set_error(text)
        else:
            self.result.show_notice("error", text)
        self._changed()

    # -- a new signing key (the old one revoked at the 司法所) ---------------------------------------------
    def confirm_new_key(self) -> bool:
        """Asked before the key is replaced (tests replace it)."""
        answer = QMessageBox.question(self, translate("SendPackage", "换签名密钥"), translate(
            "SendPackage", "只有在司法所已经或将要吊销本调委会原来的签名密钥时才换（电脑丢失、被盗，或从落入他人之手的备份恢复）。\n"
                 "换了以后，司法所吊销旧密钥之前会拒收本调委会的报送包。\n\n确定要换一把新的签名密钥吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def new_signing_key(self) -> None:
        if not self.confirm_new_key():
            return
        try:
            old, new = self._exchange.new_signing_key()
        except Refused as error:
            self.result.show_notice("error", refusal_text(error))
            self._changed()
            return
        was = translate("SendPackage", "（原来的指纹 {old}）").format(old=old) if old else ""
        self.result.show_notice("ok", translate(
            "SendPackage", "已换新的签名密钥，指纹 {new}{was}。请打电话把新指纹念给司法所核对；司法所吊销旧密钥后，"
                 "下一个报送包会登记这把新密钥。").format(new=new, was=was))
        self._changed()

    # -- closing ------------------------------------------------------------------------------------
    def reject(self) -> None:
        if self.task is not None and self.task.running:  # the package is being written: it ends on its own
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.task is not None and self.task.running:
            event.ignore()
            return
        super().closeEvent(event)


def _bad_hub_key() -> str:
    from ..services.exchange.crypto import BAD_HUB_KEY

    return BAD_HUB_KEY


__all__ = ["SendPackageDialog", "last_month", "read_key_file", "removable_folder"]
