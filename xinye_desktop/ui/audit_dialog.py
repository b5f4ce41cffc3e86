"""审计记录 (issue 15): the audit trail for an administrator, filtered by person, case, kind and dates,
exported as .csv or .xlsx, and its hash chain checked (校验: the first broken link, in Chinese).

The trail grows with every write, so the table is a lazy model (AuditModel): the newest PAGE_SIZE rows
first, the next page when the view scrolls to the end (Qt's fetchMore). Export and the chain check read
the whole trail and run off the GUI thread (ui/tasks.py).

Opened as ``AuditDialog(audit_service, session, find_case=intake.case_id, committee=name, parent).open()``;
``find_case`` turns a 案号 into the case's id (without it the case filter is hidden).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QVBoxLayout, QWidget,
)

from ..documents.audit_export import local_time
from ..domain.audit import AuditEntry, AuditFilter, AuditKind, describe_summary
from ..domain.errors import Refused
from ..domain.i18n import QT_TRANSLATE_NOOP
from .accounts_dialog import fit_to_screen, refusal_text
from .i18n import translate, vtr
from .tasks import Task, present_error, run_task
from .widgets import ColumnFitter, EnumCombo, FieldBox, NoticeLabel, rows_view

PAGE_SIZE = 200
BROKEN_COLOUR = "#b00020"

COLUMNS = (QT_TRANSLATE_NOOP("AuditDialog", "序号"), QT_TRANSLATE_NOOP("AuditDialog", "时间"),
           QT_TRANSLATE_NOOP("AuditDialog", "操作人"), QT_TRANSLATE_NOOP("AuditDialog", "类别"),
           QT_TRANSLATE_NOOP("AuditDialog", "案号"), QT_TRANSLATE_NOOP("AuditDialog", "内容"))
ID, AT, ACTOR, KIND, CASE, SUMMARY = range(len(COLUMNS))


def kind_text(code: str) -> str:
    """A stored kind's label in the interface language; a kind a later version wrote shows its code."""
    try:
        return vtr(AuditKind(code).label)
    except ValueError:
        return code


def chain_break_text(broken) -> str:
    """A domain ChainBreak in the interface language."""
    return translate("Validation", broken.message).format(**broken.params)


class AuditModel(QAbstractTableModel):
    """The rows of the trail that pass a filter, newest first, read a page at a time."""

    def __init__(self, audit, session, parent=None):
        super().__init__(parent)
        self._audit, self._session = audit, session
        self._filter = AuditFilter()
        self._rows: list[AuditEntry] = []
        self._more = False
        self.total = 0  # the rows the filter selects (AuditService.count), loaded or not
        self.broken_id: int | None = None  # the row the last check found broken, shown red
        self.broken_text = ""

    # -- the query --------------------------------------------------------------------------------
    @property
    def filter(self) -> AuditFilter:
        return self._filter

    def set_filter(self, filters: AuditFilter) -> None:
        self._filter = filters
        self.reload()

    def reload(self) -> None:
        """The first page again. Refused (no permission any more) comes to the caller, the table empty."""
        self.beginResetModel()
        self._rows, self._more, self.total = [], False, 0
        try:
            self._rows, self._more = self._page(None)
            self.total = self._count()
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """No rows (a filter that cannot be used: its message says why)."""
        self.beginResetModel()
        self._rows, self._more, self.total = [], False, 0
        self.endResetModel()

    def _page(self, before_id: int | None) -> tuple[list[AuditEntry], bool]:
        """(the next PAGE_SIZE rows older than ``before_id``, whether there are more): keyset paging, so a
        later page reads only its own rows, and rows written meanwhile (newer than the first page) neither
        shift the pages nor show until the next reload. One row more than a page says whether there are more."""
        fetched = self._audit.entries(self._session, dataclasses.replace(
            self._filter, limit=PAGE_SIZE + 1, before_id=before_id))
        return fetched[:PAGE_SIZE], len(fetched) > PAGE_SIZE

    def _count(self) -> int:
        """The rows the filter selects up to the newest one shown (what scrolling down reaches); counted
        only when there is more than one page."""
        if not self._more:
            return len(self._rows)
        return self._audit.count(self._session, dataclasses.replace(self._filter, limit=None,
                                                                    before_id=self._rows[0].id + 1))

    @property
    def has_more(self) -> bool:
        return self._more

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.id == entry_id:
                return row
        return None

    def mark_broken(self, entry_id: int | None, text: str = "") -> None:
        self.broken_id, self.broken_text = entry_id, text
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # -- Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or not self._more:
            return
        try:
            more, self._more = self._page(self._rows[-1].id if self._rows else None)
        except Refused:
            self._more = False
            return
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and entry.id == self.broken_id and self.broken_text:
                return self.broken_text
            if column == ID:
                return str(entry.id)
            if column == AT:
                return local_time(entry.at)
            if column == ACTOR:
                return entry.actor or translate("AuditDialog", "（未署名）")
            if column == KIND:
                return kind_text(entry.kind)
            if column == CASE:
                return entry.case_number
            if column == SUMMARY:
                return describe_summary(entry.kind, entry.summary, translate)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if entry.id == self.broken_id:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(BROKEN_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("AuditDialog", COLUMNS[section])
        return None


def ask_save_path(parent, suggested: str) -> tuple[str, str]:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return QFileDialog.getSaveFileName(
        parent, translate("AuditDialog", "导出审计记录"), str(Path(folder) / suggested),
        translate("AuditDialog", "Excel 工作簿 (*.xlsx)") + ";;" + translate("AuditDialog", "CSV 文件 (*.csv)"))


class AuditDialog(QDialog):
    """审计记录. ``audit``: services.audit.AuditService; ``session``: the administrator's AccountSession;
    ``find_case(case_number) -> id | None``: the 案号 filter (services.intake.IntakeService.case_id);
    ``committee``: the name printed on the exported workbook."""

    exported = Signal(str)  # the file written

    def __init__(self, audit, session, find_case: Callable[[str], int | None] | None = None, committee: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._audit, self._session = audit, session
        self._find_case = find_case
        self._committee = committee
        self.ask_save_path = ask_save_path  # tests replace it
        self.export_task: Task | None = None
        self.verify_task: Task | None = None
        self.setWindowTitle(translate("AuditDialog", "审计记录"))

        # -- filters
        self.actor_combo = QComboBox()
        self.actor_combo.setMinimumContentsLength(6)
        self.actor_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.case_edit = QLineEdit()
        self.case_edit.setClearButtonEnabled(True)
        self.case_edit.setPlaceholderText(translate("AuditDialog", "如（2026）新调字第001号"))
        self.case_edit.setMinimumWidth(self.case_edit.fontMetrics().horizontalAdvance("（2026）新调字第0001号") + 40)
        self.case_box = FieldBox(self.case_edit)
        self.kind_combo = EnumCombo(AuditKind, placeholder=True)
        self.kind_combo.setItemText(0, translate("AuditDialog", "全部类别"))
        today = QDate.currentDate()
        self.since_check = QCheckBox(translate("AuditDialog", "从"))
        self.since_edit = QDateEdit(today.addDays(-30))
        self.until_check = QCheckBox(translate("AuditDialog", "至"))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.clear_button = QPushButton(translate("AuditDialog", "清除条件"))

        # Two rows: in one, the filters need ~1,000 pixels, more than 1366×768 at 150% scaling leaves.
        who = QHBoxLayout()
        who.addWidget(QLabel(translate("AuditDialog", "人员")))
        who.addWidget(self.actor_combo)
        self.case_label = QLabel(translate("AuditDialog", "案号"))
        who.addWidget(self.case_label)
        who.addWidget(self.case_box)
        who.addWidget(QLabel(translate("AuditDialog", "类别")))
        who.addWidget(self.kind_combo)
        who.addStretch(1)
        who.setAlignment(Qt.AlignmentFlag.AlignTop)
        when = QHBoxLayout()
        when.addWidget(QLabel(translate("AuditDialog", "日期")))
        when.addWidget(self.since_check)
        when.addWidget(self.since_edit)
        when.addWidget(self.until_check)
        when.addWidget(self.until_edit)
        when.addSpacing(12)
        when.addWidget(self.clear_button)
        when.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(who)
        filters.addLayout(when)
        if find_case is None:
            self.case_label.hide()
            self.case_box.hide()

        # -- the table
        self.notice = NoticeLabel()
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = AuditModel(audit, session, self)
        self.table = rows_view(self.model)  # rows_view takes any model; it sets the view up read-only
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fitter = ColumnFitter(self.table, elastic=(ACTOR, CASE, SUMMARY), stretch=SUMMARY, follow_rows=False)
        self.count_label = QLabel()

        # -- actions
        self.export_button = QPushButton(translate("AuditDialog", "导出…"))
        self.export_button.setToolTip(translate("AuditDialog", "按当前条件导出为 Excel（.xlsx）或 CSV 文件"))
        self.verify_button = QPushButton(translate("AuditDialog", "校验"))
        self.verify_button.setToolTip(translate("AuditDialog", "检查审计记录有没有被改动、删除或插入"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.reload_actors()
        self.actor_combo.currentIndexChanged.connect(self.apply_filter)
        self.kind_combo.currentIndexChanged.connect(self.apply_filter)
        self.case_edit.editingFinished.connect(self._on_case_edited)
        self.since_check.toggled.connect(self.apply_filter)
        self.until_check.toggled.connect(self.apply_filter)
        self.since_edit.dateChanged.connect(lambda _d: self._date_changed(self.since_check))
        self.until_edit.dateChanged.connect(lambda _d: self._date_changed(self.until_check))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.verify_button.clicked.connect(self.verify)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._case_text = ""
        self.apply_filter()
        fit_to_screen(self, 1120, 640)

    # -- filters --------------------------------------------------------------------------------------
    def reload_actors(self) -> None:
        chosen = self.actor_combo.currentData()
        self.actor_combo.blockSignals(True)
        self.actor_combo.clear()
        self.actor_combo.addItem(translate("AuditDialog", "全部人员"), "")
        try:
            names = self._audit.actors(self._session)
        except Refused:
            names = []
        for name in names:
            if name:  # rows no one signed (an upgrade's) are not a person to choose
                self.actor_combo.addItem(name, name)
        index = self.actor_combo.findData(chosen) if chosen else 0
        self.actor_combo.setCurrentIndex(max(index, 0))
        self.actor_combo.blockSignals(False)

    def _date_changed(self, check: QCheckBox) -> None:
        if check.isChecked():
            self.apply_filter()
        else:
            check.setChecked(True)  # choosing a date means filtering by it (toggled applies)

    def _on_case_edited(self) -> None:
        if self.case_edit.text().strip() != self._case_text:
            self.apply_filter()

    def current_filter(self) -> AuditFilter | None:
        """The filter the fields say, or None when one of them cannot be used (its message shown)."""
        self.case_box.set_error("")
        case_id = None
        number = self.case_edit.text().strip()
        self._case_text = number
        if number and self._find_case is not None:
            case_id = self._case_id(number)
            if case_id is None:
                self.case_box.set_error(translate("AuditDialog", "没有这个案号的案件"))
                return None
        since = self.since_edit.date().toPython() if self.since_check.isChecked() else None
        until = self.until_edit.date().toPython() if self.until_check.isChecked() else None
        if since and until and until < since:
            self.notice.show_notice("error", translate("AuditDialog", "结束日期不能早于开始日期。"))
            return None
        kind = self.kind_combo.current()
        return AuditFilter(actor=self.actor_combo.currentData() or "", case_id=case_id,
                           kinds=(kind.value,) if kind is not None else (), since=since, until=until)

    def _case_id(self, number: str) -> int | None:
        """The case of a 案号 as typed: also with half-width brackets and blanks (typed without an input method)."""
        tried = [number, number.replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "")]
        for candidate in dict.fromkeys(tried):
            found = self._find_case(candidate)
            if found is not None:
                return found
        return None

    def apply_filter(self, *_args) -> None:
        if self.notice.isVisible() and not self._showing_check():
            self.notice.hide()
        filters = self.current_filter()
        if filters is None:
            self.model.clear()
            return
        try:
            self.model.set_filter(filters)
        except Refused as error:
            self.notice.show_notice("error", refusal_text(error))
        self.table.scrollToTop()
        self.fitter.fit()

    def _showing_check(self) -> bool:
        return self.notice.property("check") is True

    def clear_filters(self) -> None:
        for widget in (self.actor_combo, self.kind_combo, self.since_check, self.until_check, self.case_edit):
            widget.blockSignals(True)
        self.actor_combo.setCurrentIndex(0)
        self.kind_combo.setCurrentIndex(0)
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.case_edit.clear()
        for widget in (self.actor_combo, self.kind_combo, self.since_check, self.until_check, self.case_edit):
            widget.blockSignals(False)
        self.apply_filter()

    def _update_count(self, *_args) -> None:
        shown = self.model.rowCount()
        if self.model.has_more:
            text = translate("AuditDialog", "共 {total} 条，已显示最新的 {shown} 条，向下滚动显示更早的记录").format(
                total=self.model.total, shown=shown)
        elif shown:
            text = translate("AuditDialog", "共 {shown} 条").format(shown=shown)
        else:
            text = translate("AuditDialog", "没有符合条件的记录")
        self.count_label.setText(text)

    # -- export ---------------------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        suggested = translate("AuditDialog", "审计记录") + f"-{dt.date.today():%Y%m%d}.xlsx"
        path, chosen_filter = self.ask_save_path(self, suggested)
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".xlsx", ".csv"):
                target = target.with_suffix(".csv" if "csv" in (chosen_filter or "").lower() else ".xlsx")
            self.export(target)

    def export(self, target: Path) -> Task | None:
        """Write the rows the filter selects (all of them, not only those loaded) on a worker thread;
        the message line reports. None when nothing was started."""
        if self.export_task is not None and self.export_task.running:
            return None
        filters = self.current_filter()
        if filters is None:
            return None
        self.export_button.setEnabled(False)
        waiting = translate("AuditDialog", "正在导出审计记录，请稍候…")
        self._notice("info", waiting)
        self.export_task = run_task(self._audit.export, self._session, Path(target), filters, self._committee,
                                    owner=self, name="audit-export", message=waiting,
                                    on_done=lambda rows: self._exported(rows, Path(target)),
                                    on_error=lambda error: self._export_failed(error, Path(target)))
        return self.export_task

    def _exported(self, rows: int, target: Path) -> None:
        self.export_button.setEnabled(True)
        self._notice("ok", translate("AuditDialog", "已导出 {rows} 条到 {path}").format(rows=rows, path=str(target)))
        self._reload_keeping_notice()  # the export is itself a row of the trail
        self.exported.emit(str(target))

    def _export_failed(self, error: BaseException, target: Path) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, Refused):
            self._notice("error", refusal_text(error))
        elif isinstance(error, OSError):  # a full disk, a folder not writable, the file open in Excel
            self._notice("error", translate("AuditDialog", "无法保存到 {path}：{error}").format(
                path=str(target), error=error.strerror or str(error)))
        else:
            self.notice.hide()
            present_error(error)

    # -- the chain check ------------------------------------------------------------------------------
    def verify(self) -> Task | None:
        if self.verify_task is not None and self.verify_task.running:
            return None
        self.verify_button.setEnabled(False)
        waiting = translate("AuditDialog", "正在校验审计记录…")
        self._notice("info", waiting)
        self.verify_task = run_task(self._audit.verify, owner=self, name="audit-verify", message=waiting,
                                    on_done=self._verified, on_error=self._verify_failed)
        return self.verify_task

    def _verified(self, check) -> None:
        self.verify_button.setEnabled(True)
        if check.broken is None:
            self.model.mark_broken(None)
            self._notice("ok", translate("AuditDialog", "校验通过：{rows} 条审计记录前后相接，没有被改动、删除或插入的痕迹。")
                         .format(rows=check.rows), check=True)
            return
        text = chain_break_text(check.broken)
        self.model.mark_broken(check.broken.row_id, text)
        self._notice("error", translate("AuditDialog", "校验发现问题：{problem}。请保留这份数据和备份，报告调委会主任和司法所。")
                     .format(problem=text), check=True)
        row = self.model.row_of(check.broken.row_id) if check.broken.row_id is not None else None
        if row is not None:  # shown in red in the middle of the list, not selected (which would hide the red)
            self.table.clearSelection()
            self.table.scrollTo(self.model.index(row, 0), self.table.ScrollHint.PositionAtCenter)

    def _verify_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.notice.hide()
        present_error(error)

    # -- helpers --------------------------------------------------------------------------------------
    def _notice(self, kind: str, text: str, check: bool = False) -> None:
        self.notice.setProperty("check", check)
        self.notice.show_notice(kind, text)

    def _reload_keeping_notice(self) -> None:
        self.reload_actors()
        filters = self.current_filter()
        if filters is not None:
            try:
                self.model.set_filter(filters)
            except Refused as error:
                self._notice("error", refusal_text(error))


__all__ = ["AuditDialog", "AuditModel", "PAGE_SIZE", "chain_break_text", "kind_text"]
