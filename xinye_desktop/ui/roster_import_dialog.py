"""导入明白人名单: choose a village's roster file, see row by row what will be imported and why the
rest will not, then import the good rows all at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from ..domain.roster import RosterPreview
from ..services.roster import RosterChanged, RosterFileError, RosterImporter
from .i18n import join_list, translate
from .tasks import Task, present_error, run_task
from .widgets import Cell, NoticeLabel, RowsModel, rows_view

BAD_COLOUR = "#b00020"
GOOD_COLOUR = "#1e6b34"
REASON_SEPARATOR = "；"


class RosterImportDialog(QDialog):
    """Modal. ``imported`` holds the number of elders added once the dialog is accepted.

    Reading and checking the file, saving the problem list or the template, and the import run on a worker
    thread (ui/tasks.py: each gets the path, the village's name or the preview, which are values); a county's
    roster of thousands of rows, or a slow USB stick, would otherwise freeze the window. ``task`` is the one
    running or last run; the buttons wait while it runs, and the dialog does not close during an import.
    """

    COLUMNS = ("line", "name", "village", "sex", "identity", "result")

    def __init__(self, importer: RosterImporter, villages: list[str], default_village: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._importer = importer
        self.preview: RosterPreview | None = None
        self.path: Path | None = None
        self.imported = 0
        self.task: Task | None = None
        self._importing = False
        self._previewed_village = ""
        self.setWindowTitle(translate("RosterImportDialog", "导入明白人名单"))

        intro = QLabel(translate(
            "RosterImportDialog", "选择村里已有的明白人名单（Excel 的 .xlsx 或 CSV 文件）。导入前会逐行检查，"
                                  "有问题的行不会导入，可以导出问题清单改好后再导入。"))
        intro.setWordWrap(True)

        self.village_combo = QComboBox()
        self.village_combo.setEditable(True)
        self.village_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.village_combo.addItems(villages)
        if default_village and self.village_combo.findText(default_village) < 0:
            self.village_combo.insertItem(0, default_village)
        self.village_combo.setCurrentText(default_village)
        self.village_combo.setMinimumContentsLength(10)
        self.village_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        village_label = QLabel(translate("RosterImportDialog", "没写村名的行算作："))
        village_label.setBuddy(self.village_combo)

        self.choose_button = QPushButton(translate("RosterImportDialog", "选择文件…"))
        self.template_button = QPushButton(translate("RosterImportDialog", "下载模板…"))
        self.file_label = QLabel(translate("RosterImportDialog", "还没有选择文件"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        self.notice = NoticeLabel()

        # A model, not a QTableWidget: PySide6 6.12 crashes freeing ~1000 table items (see widgets.RowsModel).
        self.model = RowsModel([
            translate("RosterImportDialog", "行号"), translate("RosterImportDialog", "姓名"),
            translate("RosterImportDialog", "村"), translate("RosterImportDialog", "性别"),
            translate("RosterImportDialog", "身份"), translate("RosterImportDialog", "结果"),
        ])
        self.table = rows_view(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)  # the red and green of the 结果 column stay easy to read
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # rows of long reasons are tall
        header = self.table.horizontalHeader()
        for column in range(len(self.COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        # Long reasons wrap inside the 结果 cell; rows grow to fit when the column width changes. Deferred:
        # during a resize the header reports the new width before the view lays it out.
        self._fit_rows = QTimer(self, singleShot=True, interval=0, timeout=self.table.resizeRowsToContents)
        header.sectionResized.connect(self._fit_rows.start)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.report_button = QPushButton(translate("RosterImportDialog", "导出问题清单…"))
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(translate("RosterImportDialog", "取消"))

        top = QHBoxLayout()
        top.addWidget(village_label)
        top.addWidget(self.village_combo)
        top.addStretch(1)
        top.addWidget(self.choose_button)
        top.addWidget(self.template_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.report_button)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(bottom)

        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.village_combo.activated.connect(self._on_village_changed)
        self.village_combo.lineEdit().editingFinished.connect(self._on_village_changed)

        self._show_preview()
        # 1366×768 at 150% leaves about 910×470 logical pixels: never ask for more than the screen has.
        self.setMinimumSize(640, 380)
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        width, height = 900, 560
        if available is not None:
            width, height = min(width, available.width() - 40), min(height, available.height() - 40)
        self.resize(max(width, 640), max(height, 380))

    # -- reading a file -----------------------------------------------------------------
    @property
    def default_village(self) -> str:
        return self.village_combo.currentText().strip()

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def load_file(self, path: str | Path) -> Task | None:
        """Read and check ``path`` on a worker thread; then show the preview, or why the file cannot be
        read. Returns the Task (None while other work runs)."""
        if self.busy:
            return None
        self.path = Path(path)
        # The name only: a long path has no place to wrap and would widen the dialog; the tooltip has it all.
        self.file_label.setText(translate("RosterImportDialog", "文件：{name}").format(name=self.path.name))
        self.file_label.setToolTip(str(self.path))
        village = self.default_village
        reading = translate("RosterImportDialog", "正在读取和检查名单…")
        self.notice.show_notice("info", reading)
        return self._start(self._importer.preview, self.path, village, message=reading,
                           on_done=lambda preview: self._on_previewed(preview, village),
                           on_error=lambda error: self._on_preview_failed(error, village))

    def _on_previewed(self, preview: RosterPreview, village: str) -> None:
        self.preview = preview
        self._show_preview(village=village)

    def _on_preview_failed(self, error: BaseException, village: str) -> None:
        self.preview = None
        if isinstance(error, RosterFileError):
            self._show_preview(translate("Roster", error.message).format(**error.params), village=village)
            return
        self._show_preview(village=village)
        present_error(error)  # a bug: logged and shown by the app's error presenter

    def _start(self, work, *args, on_done, on_error, message: str | None = None) -> Task:
        """One piece of work at a time: every action button waits until it is done."""
        self.task = run_task(work, *args, owner=self, message=message, name="roster",
                             on_done=on_done, on_error=on_error)
        self._update_buttons()
        return self.task

    def _folder(self) -> Path:
        """Where file dialogs open: beside the roster last read, else the home folder."""
        return self.path.parent if self.path else Path.home()

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("RosterImportDialog", "选择明白人名单"), str(self._folder()),
            translate("RosterImportDialog", "表格文件 (*.xlsx *.csv *.xls);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"))
        if path:
            self.load_file(path)

    def _on_village_changed(self, *_args) -> None:
        # The default village decides which rows repeat the pool: check the file again.
        if (self.path is not None and self.preview is not None and not self.busy
                and self.default_village != self._previewed_village):
            self.load_file(self.path)

    # -- showing the preview ------------------------------------------------------------
    def _text(self, problem) -> str:
        return problem.text(translate)

    def _show_preview(self, error: str = "", village: str | None = None) -> None:
        preview = self.preview
        self._previewed_village = self.default_village if village is None else village
        table_rows: list[list[Cell]] = []
        notices = [error] if error else []
        if preview is not None:
            notices += [self._text(p) for p in preview.file_problems]
            if preview.ignored_columns:
                notices.append(translate("RosterImportDialog", "这些列不会导入：{columns}").format(
                    columns=join_list(preview.ignored_columns)))
            for row in preview.rows:
                values = row.values
                if row.ok and not preview.file_problems:
                    result = translate("RosterImportDialog", "可以导入")
                elif row.ok:
                    result = translate("RosterImportDialog", "文件有问题，不能导入")
                else:
                    result = REASON_SEPARATOR.join(self._text(p) for p in row.problems)
                colour = GOOD_COLOUR if row.ok and not preview.file_problems else BAD_COLOUR
                table_rows.append([
                    Cell(str(row.line), right=True), Cell(values.get("name", "")), Cell(values.get("village", "")),
                    Cell(values.get("sex", "")), Cell(values.get("identity", "")),
                    Cell(result, tooltip=result.replace(REASON_SEPARATOR, REASON_SEPARATOR + "\n"), colour=colour),
                ])
        self.model.set_rows(table_rows)
        self.table.resizeRowsToContents()

        if error or (preview is not None and preview.file_problems):
            self.notice.show_notice("error", "\n".join(notices))
        elif notices:
            self.notice.show_notice("info", "\n".join(notices))
        else:
            self.notice.show_notice("info", "")

        total = preview.total if preview else 0
        good = preview.good_count if preview else 0
        bad = total - good
        if preview is None:
            self.summary_label.setText("")
        else:
            self.summary_label.setText(translate(
                "RosterImportDialog", "共{total}行：可导入{good}行，有问题{bad}行（不会导入）").format(
                total=total, good=good, bad=bad))
            self.summary_label.setStyleSheet(f"color: {BAD_COLOUR};" if bad else "")
        self.import_button.setText(translate("RosterImportDialog", "导入{n}行").format(n=good))
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview, idle = self.preview, not self.busy
        for widget in (self.choose_button, self.template_button, self.village_combo):
            widget.setEnabled(idle)
        self.import_button.setEnabled(idle and preview is not None and preview.good_count > 0)
        self.report_button.setEnabled(idle and preview is not None and (
            preview.bad_count > 0 or bool(preview.file_problems)))

    # -- files for the user -------------------------------------------------------------
    def _on_template_button_clicked(self) -> None:
        if self.busy:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, translate("RosterImportDialog", "保存明白人名单模板"),
            str(self._folder() / translate("RosterImportDialog", "明白人名单模板.xlsx")),
            translate("RosterImportDialog", "Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._start(self._importer.write_template, path, self.default_village,
                    on_done=lambda _none: self._saved(translate("RosterImportDialog", "模板已保存：{path}"), path),
                    on_error=lambda error: self._save_failed(error, path))

    def _on_report_button_clicked(self) -> None:
        if self.preview is None or self.busy:
            return
        stem = self.path.stem if self.path else ""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("RosterImportDialog", "导出问题清单"),
            str(self._folder() / translate("RosterImportDialog", "{name}-问题清单.csv").format(name=stem)),
            translate("RosterImportDialog", "CSV 文件 (*.csv)"))
        if not path:
            return
        if not path.lower().endswith(".csv"):
            path += ".csv"
        # translate is QCoreApplication.translate, which Qt documents as thread-safe: the reasons are
        # written in the interface's language from the worker thread.
        self._start(self._importer.write_report, self.preview, path, translate,
                    on_done=lambda _rows: self._saved(translate("RosterImportDialog", "问题清单已保存：{path}"), path),
                    on_error=lambda error: self._save_failed(error, path))

    def _saved(self, text: str, path: str) -> None:
        self._update_buttons()
        self.notice.show_notice("ok", text.format(path=path))

    def _save_failed(self, error: BaseException, path: str) -> None:
        self._update_buttons()
        if isinstance(error, OSError):
            self._cannot_save(path)
        else:  # a bug: logged and shown by the app's error presenter
            present_error(error)

    def _cannot_save(self, path: str) -> None:
        QMessageBox.warning(self, translate("RosterImportDialog", "无法保存"), translate(
            "RosterImportDialog", "无法保存到“{path}”。如果这个文件正在 Excel 或 WPS 中打开，请先关闭它再试。")
            .format(path=path))

    # -- importing ----------------------------------------------------------------------
    def _on_import_button_clicked(self) -> None:
        preview = self.preview
        if preview is None or preview.good_count == 0 or self.busy:
            return
        if preview.bad_count:
            answer = QMessageBox.question(
                self, translate("RosterImportDialog", "有些行不会导入"), translate(
                    "RosterImportDialog", "有{bad}行有问题，不会导入。现在只导入其余{good}行吗？\n"
                                          "也可以先导出问题清单，改好后把整个文件再导入一次（已导入的人会被认出，不会重复）。")
                .format(bad=preview.bad_count, good=preview.good_count),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._importing = True
        self._start(self._importer.import_rows, preview, on_done=self._on_imported, on_error=self._on_import_failed,
                    message=translate("RosterImportDialog", "正在导入明白人名单，请稍候…"))

    def _on_imported(self, count: int) -> None:
        self._importing = False
        self._update_buttons()
        self.imported = count
        QMessageBox.information(self, translate("RosterImportDialog", "导入完成"), translate(
            "RosterImportDialog", "已把{n}位明白人加入明白人库。").format(n=count))
        self.accept()

    def _on_import_failed(self, error: BaseException) -> None:
        self._importing = False
        self._update_buttons()
        if not isinstance(error, RosterChanged):
            present_error(error)  # nothing was written: the import is one transaction
            return
        QMessageBox.warning(self, translate("RosterImportDialog", "没有导入"),
                            translate("Roster", error.message).format(**error.params))
        if self.path is not None:
            self.load_file(self.path)

    def reject(self) -> None:
        # Closed during an import, the pool would not be told what was added: the window waits for it.
        if not self._importing:
            super().reject()
