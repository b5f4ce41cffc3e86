"""文件 → 报送司法所…: the village writes its exchange package for the 司法所 (issue 16 item 2), on a worker
(ui/tasks.py) with progress, then says what went in and the signing fingerprint to read over the phone."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from .tasks import run_task
from .i18n import translate

CTX = "SendPackage"


def last_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def removable_folder() -> Path | None:
    """A mounted USB drive, where there is one (Linux /media/<user>/<drive>, Windows drive letters D: to Z:
    other than the system's); None otherwise, and the dialog offers the documents folder."""
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes
        import string

        for letter in string.ascii_uppercase[3:]:
            root = f"{letter}:\\"
            if ctypes.windll.kernel32.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
                return Path(root)
        return None
    for base in (Path("/media") / os.environ.get("USER", ""), Path("/run/media") / os.environ.get("USER", "")):
        try:
            drives = sorted(p for p in base.iterdir() if p.is_dir() and os.access(p, os.W_OK))
        except OSError:
            continue
        if drives:
            return drives[0]
    return None


def _read_key_file(path: Path) -> bytes | str:
    data = Path(path).read_bytes()
    return data if len(data) == 32 else data.decode("ascii", "replace").strip()


class SendPackageDialog(QDialog):
    def __init__(self, exchange, parent: QWidget | None = None, *, today: dt.date | None = None,
                 folder: Path | None = None):
        super().__init__(parent)
        self._exchange = exchange
        self._hub_key: bytes | str | None = None  # chosen from a file; None: the one in the settings
        self._target_edited = False
        self.written = None
        self.task = None
        self.setWindowTitle(translate(CTX, "报送司法所"))
        year, month = last_month(today or dt.date.today())

        self.month_edit = QDateEdit(QDate(year, month, 1))
        self.month_edit.setDisplayFormat("yyyy年M月")
        self.month_edit.dateChanged.connect(self._update_target)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_button = QPushButton(translate(CTX, "选择 hub-key.txt…"))
        self.key_button.clicked.connect(self.choose_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.key_button)
        self.target_edit = QLineEdit()
        self.target_edit.textEdited.connect(lambda _t: setattr(self, "_target_edited", True))
        self.target_button = QPushButton(translate(CTX, "另选位置…"))
        self.target_button.clicked.connect(self.choose_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.target_button)
        form = QFormLayout()
        form.addRow(translate(CTX, "报送月份："), self.month_edit)
        form.addRow(translate(CTX, "司法所公钥："), key_row)
        form.addRow(translate(CTX, "保存为："), target_row)

        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(self.result_label.textInteractionFlags()
                                                  | self.result_label.textInteractionFlags().TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(translate(CTX, "生成报送包"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(translate(CTX, "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.write_button.clicked.connect(self.write)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        intro = QLabel(translate(CTX, "报送包包含上次司法所确认之后的全部变化和本月统计（没有纠纷时为零报告）。"
                                      "身份证号、电话、住址用司法所的公钥加密，U 盘丢失也不会泄露。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._folder = Path(folder) if folder is not None else (removable_folder() or Path.home())
        self._committee = exchange.committee_name()
        self._show_key()
        self._update_target()
        self.resize(700, 0)  # at 620 the 选择 hub-key.txt… button was clipped

    # -- the hub key
    def _show_key(self) -> None:
        from ..domain.exchange import fingerprint

        if self._hub_key is not None:
            from ..services.exchange import crypto

            text = translate(CTX, "已从文件读取，指纹 {fingerprint}（请与司法所电话核对）。").format(
                fingerprint=fingerprint(crypto.hub_public_key(self._hub_key), "hub"))
        else:
            held = self._exchange.hub_key_fingerprint()
            text = (translate(CTX, "已设置，指纹 {fingerprint}。").format(fingerprint=held) if held else
                    translate(CTX, "还没有司法所的公钥：请选择司法所给的 hub-key.txt 文件。"))
        self.key_label.setText(text)

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate(CTX, "选择司法所的公钥文件"), str(self._folder),
                                              translate(CTX, "公钥文件 (*.txt)"))
        if path:
            self.use_key_file(Path(path))

    def use_key_file(self, path: Path) -> bool:
        from ..domain.errors import Refused
        from ..services.exchange import crypto

        try:
            key = _read_key_file(path)
            crypto.hub_public_key(key)
        except OSError as error:
            self.result_label.setText(translate(CTX, "读不到 {path}：{error}").format(path=str(path),
                                                                                   error=error.strerror or error))
            return False
        except Refused as refused:
            self.result_label.setText(refused.text())
            return False
        self._hub_key = key
        self.result_label.clear()
        self._show_key()
        return True

    # -- the target
    def period(self) -> str:
        date = self.month_edit.date()
        return f"{date.year():04d}-{date.month():02d}"

    def _update_target(self) -> None:
        if self._target_edited:
            return
        from ..domain.exchange import package_name

        date = self.month_edit.date()
        self.target_edit.setText(str(self._folder / package_name(self._committee, date.year(), date.month())))

    def choose_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate(CTX, "报送包保存到"), self.target_edit.text(),
                                              translate(CTX, "报送包 (*.xdx)"))
        if path:
            self._target_edited = True
            self.target_edit.setText(path)

    # -- writing
    def write(self) -> None:
        target = Path(self.target_edit.text().strip())
        self.write_button.setEnabled(False)
        self.result_label.setText(translate(CTX, "正在生成报送包…"))
        self.task = run_task(self._work, target, self._hub_key, self.period(), with_progress=True, owner=self,
                             progress_bar=self.progress, on_done=self._done, on_error=self._failed,
                             name="write_package")

    def _work(self, target: Path, hub_key, period: str, progress):
        return self._exchange.write_package(target, hub_public_key=hub_key, period=period, progress=progress)

    def _done(self, written) -> None:
        self.written = written
        self.write_button.setEnabled(True)
        counts = written.counts
        rows = sum(n for k, n in counts.items() if k not in ("documents", "tombstones"))
        zero = translate(CTX, "（零报告）") if written.zero_report else ""
        self.result_label.setText(translate(
            CTX, "报送包已写入 {path}\n{period}{zero}：案件 {cases} 件，记录 {rows} 条，存档文件 {documents} 个，"
                 "{size} MB。\n调委会签名密钥指纹：{fingerprint}（司法所第一次导入时请电话读给司法所核对）。").format(
            path=str(written.path), period=written.period, zero=zero, cases=counts.get("cases", 0), rows=rows,
            documents=counts.get("documents", 0), size=f"{written.size / (1 << 20):.1f}",
            fingerprint=written.fingerprint))
        self.close_button.setText(translate(CTX, "完成"))

    def _failed(self, error: BaseException) -> None:
        from ..domain.errors import Refused

        self.write_button.setEnabled(True)
        if isinstance(error, Refused):
            self.result_label.setText(translate(CTX, "报送包没有生成：") + error.text())
        else:
            from .tasks import present_error

            self.result_label.setText(translate(CTX, "报送包没有生成。"))
            present_error(error)
