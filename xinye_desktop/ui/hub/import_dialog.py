"""导入报送包: the villages' packages (files, or a USB drive's folder of them) imported one transaction each
(services/hub/importer.HubImporter.import_packages) with progress, then a line per package: new, updated,
unchanged, refused and why. A refused package changes nothing; the others are not held back by it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
    QWidget,
)

from ..i18n import say, translate
from ..tasks import run_task
from ..widgets import Cell, RowsModel, error_text, rows_view, set_minimum_width
from .common import committee_cell

RESULT_COLOURS = {"imported": "#1b5e20", "unchanged": "#555555", "refused": "#b00020"}


class ImportDialog(QDialog):
    imported = Signal()  # at least one package was imported

    def __init__(self, importer, parent: QWidget | None = None):
        super().__init__(parent)
        self._importer = importer
        self.paths: list[Path] = []
        self.summaries = []
        self.task = None
        self.choose_files = self._choose_files  # tests replace them
        self.choose_folder = self._choose_folder
        self.setWindowTitle(translate("HubImportDialog", "导入报送包"))
        set_minimum_width(self, 820)

        self.intro = QLabel(translate("HubImportDialog", "选择村里报送的 .xdx 文件，或 U 盘上存放它们的文件夹。每个包单独导入："
                                                         "有问题的包整包拒收、什么也不改，其他包照常导入。"))
        self.intro.setWordWrap(True)
        self.files_button = QPushButton(translate("HubImportDialog", "选择文件…"))
        self.folder_button = QPushButton(translate("HubImportDialog", "选择文件夹…"))
        self.files_button.clicked.connect(self._add_files)
        self.folder_button.clicked.connect(self._add_folder)
        self.chosen_model = RowsModel([translate("HubImportDialog", "要导入的")])
        self.chosen_list = rows_view(self.chosen_model)  # a model: see widgets.RowsModel on item widgets
        self.chosen_list.setMaximumHeight(110)
        self.import_button = QPushButton(translate("HubImportDialog", "开始导入"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = RowsModel([translate("HubImportDialog", "文件"), translate("HubImportDialog", "调委会"),
                                translate("HubImportDialog", "结果"), translate("HubImportDialog", "说明")])
        self.view = rows_view(self.model)
        self.view.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        choose = QHBoxLayout()
        choose.addWidget(self.files_button)
        choose.addWidget(self.folder_button)
        choose.addStretch(1)
        choose.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(choose)
        layout.addWidget(self.chosen_list)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

    def _choose_files(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self, translate("HubImportDialog", "选择报送包"), "",
                                                translate("HubImportDialog", "报送包 (*.xdx)"))
        return files

    def _choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, translate("HubImportDialog", "选择存放报送包的文件夹"))

    def _add_files(self) -> None:
        self.add_paths([Path(p) for p in self.choose_files() if p])

    def _add_folder(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
        self.chosen_model.set_rows([[Cell(str(p) + ("/" if p.is_dir() else ""))] for p in self.paths])
        self.import_button.setEnabled(bool(self.paths) and not self.running)

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self) -> None:
        if not self.paths or self.running:
            return
        for widget in (self.import_button, self.files_button, self.folder_button):
            widget.setEnabled(False)
        self.buttons.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.summary_label.setText(translate("HubImportDialog", "正在导入……"))
        self.task = run_task(self._importer.import_packages, list(self.paths), with_progress=True,
                             progress_bar=self.progress, owner=self, on_done=self._done, on_error=self._failed,
                             name="hub-import")

    def _done(self, summaries) -> None:
        self.summaries = summaries
        names = {"imported": translate("HubImportDialog", "已导入"), "unchanged": translate("HubImportDialog", "已导入过"),
                 "refused": translate("HubImportDialog", "拒收")}
        rows = []
        for s in summaries:
            text = "\n".join(s.lines(say))
            rows.append([Cell(s.name), committee_cell(s.committee), Cell(names.get(s.status, s.status),
                                                              colour=RESULT_COLOURS.get(s.status, ""), bold=True),
                         Cell(text, tooltip=text)])
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        counts = {status: sum(s.status == status for s in summaries) for status in RESULT_COLOURS}
        self.summary_label.setText(translate(
            "HubImportDialog", "共 {n} 个包：导入 {imported} 个，已导入过 {unchanged} 个，拒收 {refused} 个。").format(
            n=len(summaries), **counts))
        self._finish()
        if counts["imported"]:
            self.imported.emit()

    def _failed(self, error) -> None:
        self.summary_label.setText(translate("HubImportDialog", "没有导入：{error}").format(error=error_text(error)))
        self._finish()

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self.paths.clear()
        self.chosen_model.set_rows([])
        for widget in (self.files_button, self.folder_button):
            widget.setEnabled(True)
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        if self.running:
            return  # each package is one transaction: the import ends first
        super().reject()
