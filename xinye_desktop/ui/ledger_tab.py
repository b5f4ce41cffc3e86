"""案件台账: find and pick the current case. Rows are fetched page by page, never all at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QCompleter, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QStyle, QTableView, QVBoxLayout, QWidget,
)

from ..domain.aftercare import WindowState, describe_window
from ..domain.enums import CaseStatus, DisputeType, PerformanceStatus
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.text import TextError, parse_date
from ..services.ledger import CONFIRMATION_FILTERS, LedgerFilter, LedgerRow, LedgerService, window_of
from .i18n import Retranslating, join_list, translate, vtr
from .tasks import run_task
from .widgets import ColumnFitter, EnumCombo, FieldBox

CTX = "LedgerTab"
PAGE_SIZE = 200
# Header labels marked for lupdate (they are translated where the header is drawn).
COLUMNS = (
    ("case_number", QT_TRANSLATE_NOOP("LedgerTab", "案号")),
    ("received_date", QT_TRANSLATE_NOOP("LedgerTab", "受理日期")),
    ("dispute_type", QT_TRANSLATE_NOOP("LedgerTab", "纠纷类型")),
    ("village", QT_TRANSLATE_NOOP("LedgerTab", "村/组")),
    ("party_names", QT_TRANSLATE_NOOP("LedgerTab", "当事人")),
    ("status", QT_TRANSLATE_NOOP("LedgerTab", "状态")),
    ("confirmation", QT_TRANSLATE_NOOP("LedgerTab", "司法确认")),
    ("next_visit", QT_TRANSLATE_NOOP("LedgerTab", "下次回访")),
)
UNSORTABLE = {"next_visit"}
ELASTIC = {"dispute_type", "party_names", "status", "confirmation"}
PARTY_COLUMN = 4
WINDOW_COLOURS = {"closing": "#7a4a00", "expired": "#8a1c1c", "open": "#1e6b34"}


def status_text(row: LedgerRow) -> str:
    """The case's stage and, after an agreement, its performance. Where 司法确认 stands has a column
    of its own (申请中, 已确认 ...), so it is not repeated here: the cell stays short enough to read."""
    parts = [vtr(CaseStatus(row.status).label)]
    if row.performance_status:
        parts.append(vtr(PerformanceStatus(row.performance_status).label))
    return " · ".join(parts)


def column_samples(today: dt.date) -> dict[str, list[str]]:
    """The texts each column must show whole, in the interface language: the widest sets its width.
    Rarer, longer texts (不能申请（婚姻、收养、身份关系）, a type with its note) elide, with the tooltip."""
    statuses = [vtr(s.label) for s in CaseStatus]
    with_performance = [f"{vtr(CaseStatus.AGREEMENT_WRITTEN.label)} · {vtr(p.label)}" for p in PerformanceStatus]
    last_day = today + dt.timedelta(days=30)
    windows = [vtr(QT_TRANSLATE_NOOP("Vocabulary", "剩{days}天（至{day}）")).format(days=30, day=last_day.isoformat()),
               vtr(QT_TRANSLATE_NOOP("Vocabulary", "今天截止")),
               *(vtr(w.label) for w in WindowState if w not in (WindowState.NOT_APPLICABLE, WindowState.NOT_ELIGIBLE))]
    return {"case_number": ["（2026）新调字第0000号"], "received_date": ["2026-11-25"],
            "dispute_type": [vtr(t.label) for t in DisputeType], "village": ["溧河铺村10组"],
            # Most cases have two or three parties; more elide (the whole list is in the tooltip).
            "party_names": [join_list(["欧阳建国", "李秀英", "王明理"])],
            "status": statuses + with_performance, "confirmation": windows, "next_visit": ["2026-12-31"]}


class LedgerModel(QAbstractTableModel):
    """A lazy table over the ledger query: Qt asks for more rows as the user scrolls."""

    def __init__(self, ledger: LedgerService, parent=None):
        super().__init__(parent)
        self._ledger = ledger
        self._filter = LedgerFilter()
        self._sort = "received_date"
        self._descending = True
        self._rows: list[LedgerRow] = []
        self._total = 0
        self._today = ledger.today()

    # The query --------------------------------------------------------------------------
    def set_filter(self, flt: LedgerFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self._today = self._ledger.today()
        self.beginResetModel()
        self._total = self._ledger.count(self._filter)
        self._rows = self._ledger.page(self._filter, self._sort, self._descending, 0, PAGE_SIZE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> LedgerRow:
        return self._rows[row]

    # Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = self._ledger.page(self._filter, self._sort, self._descending, len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "dispute_type":
                label = vtr(DisputeType(row.dispute_type).label)
                return f"{label}（{row.dispute_type_note}）" if row.dispute_type_note else label
            if key == "village":
                return f"{row.village}{row.group}"
            if key == "party_names":
                return join_list(row.party_names.split(" "))
            if key == "status":
                return status_text(row)
            if key == "confirmation":
                return describe_window(window_of(row, self._today), vtr)
            if key == "next_visit":
                return row.next_visit or ""
            return getattr(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "confirmation":
            colour = WINDOW_COLOURS.get(window_of(row, self._today).state.value)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_visit" and row.next_visit \
                and row.next_visit < self._today.isoformat():
            return QBrush(QColor("#b00020"))  # overdue
        if role == Qt.ItemDataRole.ToolTipRole and key in ("party_names", "status", "dispute_type", "confirmation"):
            return self.data(index, Qt.ItemDataRole.DisplayRole)  # the full text where a cell cuts it
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("LedgerTab", COLUMNS[section][1])
        return None

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    @property
    def filter(self) -> LedgerFilter:
        return self._filter

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if COLUMNS[column][0] in UNSORTABLE:
            return  # one look-up per row shown; sorting 100,000 rows by it would not stay instant
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


def _searchable_combo() -> QComboBox:
    """A drop-down of people with an "all" entry first; typing part of a name finds it."""
    combo = QComboBox()
    combo.addItem("", None)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setMinimumContentsLength(8)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class LedgerTab(Retranslating, QWidget):
    case_chosen = Signal(int)
    new_case_requested = Signal()
    exported = Signal(str)  # the Excel file written

    def __init__(self, ledger: LedgerService, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.model = LedgerModel(ledger, self)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = EnumCombo(CaseStatus, placeholder=True)
        self.performance_combo = EnumCombo(PerformanceStatus, placeholder=True)
        self.confirmation_combo = EnumCombo(WindowState, placeholder=True, members=CONFIRMATION_FILTERS)
        self.type_combo = EnumCombo(DisputeType, placeholder=True)
        self.village_combo = QComboBox()
        self.village_combo.addItem("", None)
        self.from_edit = QLineEdit()
        self.to_edit = QLineEdit()
        for edit in (self.from_edit, self.to_edit):
            edit.setClearButtonEnabled(True)
            edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("2026-12-31") + 48)
        self.from_box, self.to_box = FieldBox(self.from_edit), FieldBox(self.to_edit)
        self.host_combo = _searchable_combo()
        self.elder_combo = _searchable_combo()
        self.export_button = QPushButton()
        self.count_label = QLabel()
        self.open_button = QPushButton()
        self.new_button = QPushButton()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Columns as wide as their usual texts in the interface language (set_column_widths); 当事人
        # takes the rest. On a narrow screen the columns of free text give way and elide (tooltips).
        elastic = tuple(i for i, (key, _t) in enumerate(COLUMNS) if key in ELASTIC)
        self.column_fitter = ColumnFitter(self.table, elastic=elastic, stretch=PARTY_COLUMN, follow_rows=False)
        # Newest first. Enabling sorting runs the model's one and only query at start-up.
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        # Five drop-downs share the row with the search box: sized for a short label each (their lists
        # open as wide as their longest entry), so the search box keeps its room.
        for combo in (self.status_combo, self.performance_combo, self.confirmation_combo, self.type_combo,
                      self.village_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        filters = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search_edit, 1)
        for combo in (self.status_combo, self.performance_combo, self.confirmation_combo, self.type_combo,
                      self.village_combo):
            filters.addWidget(combo)
        more = QHBoxLayout()
        self.date_label, self.to_label = QLabel(), QLabel()
        self.host_label, self.elder_label = QLabel(), QLabel()
        more.addWidget(self.date_label)
        more.addWidget(self.from_box)
        more.addWidget(self.to_label)
        more.addWidget(self.to_box)
        more.addSpacing(12)
        more.addWidget(self.host_label)
        more.addWidget(self.host_combo, 1)
        more.addWidget(self.elder_label)
        more.addWidget(self.elder_combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(more)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._on_search_edit_return)
        for combo in (self.status_combo, self.performance_combo, self.confirmation_combo, self.type_combo,
                      self.village_combo, self.host_combo, self.elder_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.from_edit, self.to_edit):
            edit.editingFinished.connect(self.apply_filter)
            edit.textChanged.connect(self._on_date_edit_text_changed)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.new_button.clicked.connect(self.new_case_requested)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

        self.retranslate()
        self.reload_villages()
        self.reload_people()
        self._select_first_row()

    def retranslate(self) -> None:
        self.search_label.setText(translate("LedgerTab", "查找"))
        self.search_edit.setPlaceholderText(translate("LedgerTab", "案号、当事人姓名、拼音首字母（如 zjg）或纠纷情况中的词"))
        # Phones and ID numbers are sealed: only a whole number is found (by its keyed hash), never a part.
        self.search_edit.setToolTip(translate(
            "LedgerTab", "也可以输入当事人完整的手机号、座机号（带区号）或18位身份证号查找。\n"
                         "电话和身份证号是加密保存的，只输入其中几位查不到。"))
        self.date_label.setText(translate("LedgerTab", "受理日期"))
        self.to_label.setText(translate("LedgerTab", "至"))
        self.from_edit.setPlaceholderText(translate("LedgerTab", "不限"))
        self.to_edit.setPlaceholderText(translate("LedgerTab", "不限"))
        self.host_label.setText(translate("LedgerTab", "主持人"))
        self.elder_label.setText(translate("LedgerTab", "明白人"))
        self.host_combo.setItemText(0, translate("LedgerTab", "全部"))
        self.elder_combo.setItemText(0, translate("LedgerTab", "全部"))
        self.export_button.setText(translate("LedgerTab", "导出Excel台账…"))
        self.status_combo.retranslate(translate("LedgerTab", "全部状态"))
        self.performance_combo.retranslate(translate("LedgerTab", "全部履行情况"))
        self.confirmation_combo.retranslate(translate("LedgerTab", "全部司法确认"))
        self.performance_combo.setToolTip(translate("LedgerTab", "按协议的履行情况筛选"))
        self.confirmation_combo.setToolTip(translate(
            "LedgerTab", "按司法确认的情况筛选：三十日申请期限内（可申请、即将到期）、已过期限、申请中、法院的裁定，"
                         "或涉及婚姻、收养、身份关系而不能申请"))
        self.type_combo.retranslate(translate("LedgerTab", "全部类型"))
        self.village_combo.setItemText(0, translate("LedgerTab", "全部村"))
        self.open_button.setText(translate("LedgerTab", "打开所选案件"))
        self.new_button.setText(translate("LedgerTab", "新建登记"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.set_column_widths()
        for combo in (self.status_combo, self.performance_combo, self.confirmation_combo, self.type_combo):
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self._update_count()

    def set_column_widths(self) -> None:
        """Each column as wide as the widest of its usual texts (or its title) in the interface language
        and the font in use, so nothing common is cut at any scaling; 当事人 takes the rest."""
        metrics = self.table.fontMetrics()
        # The item delegate leaves the focus frame's margin and one pixel on each side of the text.
        margin = self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1
        padding = 2 * margin + 4
        samples = column_samples(self._ledger.today())
        self.column_fitter.natural = {
            column: max(metrics.horizontalAdvance(text) for text in samples[key]) + padding
            for column, (key, _title) in enumerate(COLUMNS) if key in samples}
        self.column_fitter.fit()

    def reload_villages(self) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        while self.village_combo.count() > 1:
            self.village_combo.removeItem(1)
        self._villages = self._ledger.villages()
        for village_id, name, township in self._villages:
            self.village_combo.addItem(f"{township}{name}" if township else name, village_id)
        index = self.village_combo.findData(current)
        self.village_combo.setCurrentIndex(max(index, 0))
        self.village_combo.blockSignals(False)
        self.village_combo.view().setMinimumWidth(self.village_combo.view().sizeHintForColumn(0) + 24)

    def reload_people(self) -> None:
        for combo, rows in ((self.host_combo, self._ledger.hosts()), (self.elder_combo, self._ledger.elders())):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for person_id, name, where in rows:
                combo.addItem(f"{name}（{where}）" if where else name, person_id)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def village_names(self) -> list[str]:
        """Names of the villages on file, as last read for the filter (refresh() reads them again)."""
        return [name for _id, name, _township in self._villages]

    def _date(self, box: FieldBox) -> dt.date | None:
        """The date typed in a range box; a message beside it (and no filter) when it is not a date."""
        try:
            day = parse_date(box.editor.text())
        except TextError as err:
            box.set_error(translate("Validation", err.message))
            return None
        box.set_error("")
        return day

    def current_filter(self) -> LedgerFilter:
        date_from, date_to = self._date(self.from_box), self._date(self.to_box)
        if date_from and date_to and date_from > date_to:
            self.to_box.set_error(translate("LedgerTab", "结束日期早于开始日期"))
        return LedgerFilter(text=self.search_edit.text(), status=self.status_combo.currentData(),
                            dispute_type=self.type_combo.currentData(), village_id=self.village_combo.currentData(),
                            date_from=date_from, date_to=date_to, host_id=self.host_combo.currentData(),
                            elder_id=self.elder_combo.currentData(), performance=self.performance_combo.currentData(),
                            confirmation=self.confirmation_combo.currentData())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._select_first_row()

    def _on_date_edit_text_changed(self, text: str) -> None:
        if not text:  # cleared with the clear button: the range opens at once
            self.apply_filter()

    # -- export ---------------------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        name = translate("LedgerTab", "矛盾化解台账") + f"-{dt.date.today():%Y%m%d}.xlsx"
        target = self.ask_export_path(name)
        if target:
            self.export(Path(target))

    def ask_export_path(self, name: str) -> str:
        """Where to save the Excel file; tests replace this."""
        path, _filter = QFileDialog.getSaveFileName(self, translate("LedgerTab", "导出矛盾化解台账"), name,
                                                    translate("LedgerTab", "Excel 文件 (*.xlsx)"))
        return path

    def export(self, target: Path) -> None:
        """Write the ledger as filtered and sorted now, on a worker thread (ui/tasks.py: it gets the filter's
        values, the sort and the path); the count line reports."""
        sort, descending = self.model.sort_key
        flt = self.model.filter
        self.export_button.setEnabled(False)
        self.count_label.setText(translate("LedgerTab", "正在导出…"))
        self.export_task = run_task(
            self._ledger.export_xlsx, flt, sort, descending, target, owner=self, name="ledger-export",
            on_done=lambda rows: self._on_export_finished(rows, str(target), ""),
            # Reported in the window, nothing half-written.
            on_error=lambda err: self._on_export_finished(0, str(target), str(err)))

    def _on_export_finished(self, rows: int, path: str, error: str) -> None:
        self.export_button.setEnabled(True)
        self._update_count()
        if error:
            self.count_label.setText(translate("LedgerTab", "导出失败：{error}").format(error=error))
        else:
            self.count_label.setText(translate("LedgerTab", "已导出{n}件到 {path}").format(n=rows, path=path))
        self.exported.emit(path)

    def _select_first_row(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        self.reload_villages()
        self.model.reload()

    def showEvent(self, event) -> None:
        # The people lists change rarely and can be long (a county's 明白人): read them when the tab is
        # shown, not after every save.
        self.reload_people()
        super().showEvent(event)

    def _update_count(self, *_args) -> None:
        self.count_label.setText(translate("LedgerTab", "共 {total} 件，已显示 {shown} 件").format(
            total=self.model.total, shown=self.model.rowCount()))

    def _on_search_edit_return(self) -> None:
        self.apply_filter()
        if self.model.rowCount() == 1:
            self.case_chosen.emit(self.model.row_at(0).id)

    def selected_case_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_chosen.emit(self.model.row_at(index.row()).id)

    def _on_open_button_clicked(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.case_chosen.emit(case_id)
