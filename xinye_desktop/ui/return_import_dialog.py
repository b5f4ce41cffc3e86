"""文件 → 导入司法所回执包…: the village imports the return package its 司法所 wrote (services/exchange/
returns_import.py): the acknowledgement (the next package carries only what is new), the review of each case
file (shown above the case's 修改记录), the settings the county sets, and a new installer if one came. The
file is chosen, imported on a worker (ui/tasks.py) and the outcome said in the dialog; a refused file is said
in Chinese with nothing changed. Importing the same file again changes nothing and says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.errors import Refused
from .i18n import say, translate
from .send_package_dialog import refusal_text, removable_folder
from .tasks import present_error, run_task
from .widgets import FieldBox, NoticeLabel, fit_height, set_minimum_width



class ReturnImportDialog(QDialog):
    def __init__(self, importer, parent: QWidget | None = None):
        super().__init__(parent)
        self._importer = importer
        self.imported = None  # services/exchange.ImportedReturn, once one is imported
        self.task = None
        self.choose_file = self._choose_file  # tests replace it
        self.setWindowTitle(translate("ReturnImport", "导入司法所回执包"))

        intro = QLabel(translate("ReturnImport", "回执包（如 王庄村-回执-2026-12.xdr）是司法所收到报送包后发回的：告诉本机司法所已经收到"
                                                 "哪些记录（下次报送包只带之后的变化）、各案卷的审查意见，以及县里统一的设置。"))
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(translate("ReturnImport", "插上U盘，再选择回执包"))
        self.file_edit.textChanged.connect(lambda _t: self.file_box.set_error(""))
        self.file_box = FieldBox(self.file_edit)
        self.file_button = QPushButton(translate("ReturnImport", "选择回执包…"))
        self.file_button.clicked.connect(self.pick_file)
        row = QHBoxLayout()
        row.addWidget(self.file_box, 1)
        row.addWidget(self.file_button)
        self.result = NoticeLabel()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(translate("ReturnImport", "导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(translate("ReturnImport", "关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        set_minimum_width(self, 620)
        self.resize(max(self.minimumWidth(), 660), self.sizeHint().height())

    def _choose_file(self) -> str:
        start = self.file_edit.text().strip() or str(removable_folder() or Path.home())
        path, _filter = QFileDialog.getOpenFileName(self, translate("ReturnImport", "选择司法所的回执包"), start,
                                                    translate("ReturnImport", "回执包 (*.xdr);;所有文件 (*)"))
        return path

    def pick_file(self) -> None:
        path = self.choose_file()
        if path:
            self.file_edit.setText(path)

    def start(self) -> None:
        text = self.file_edit.text().strip()
        if not text:
            self.file_box.set_error(translate("ReturnImport", "请先选择回执包。"))
            return
        path = Path(text)
        if not path.is_file():
            self.file_box.set_error(translate("ReturnImport", "找不到文件 {path}（U盘可能没插好）：请插好U盘或另选文件。").format(
                path=str(path)))
            return
        self._busy(True)
        self._said("info", translate("ReturnImport", "正在导入……"))
        self.task = run_task(self._importer.import_return, path, owner=self, on_done=self._done,
                             on_error=self._failed, name="import-return")

    def _said(self, kind: str, text: str) -> None:
        self.result.show_notice(kind, text)
        QTimer.singleShot(0, self._fit)  # a long outcome wraps: the dialog grows to show it

    def _fit(self) -> None:
        fit_height(self)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self._fit)

    def _busy(self, busy: bool) -> None:
        for widget in (self.file_edit, self.file_button, self.import_button, self.close_button):
            widget.setEnabled(not busy)

    def _done(self, done) -> None:
        self._busy(False)
        self.imported = done
        self._said("ok", "\n".join(done.lines(say)))
        self.close_button.setText(translate("ReturnImport", "完成"))
        self.close_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if not isinstance(error, Refused):
            self._said("error", translate("ReturnImport", "回执包没有导入。"))
            present_error(error)
            return
        self._said("error", translate("ReturnImport", "回执包没有导入，什么都没有改动：{reason}").format(
            reason=refusal_text(error)))

    def reject(self) -> None:
        if self.task is not None and self.task.running:  # the import is one transaction: it ends on its own
            return
        super().reject()

