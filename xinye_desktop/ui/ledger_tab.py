"""案件台账: find and pick the current case. Rows are fetched page by page, never all at once."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from ..domain.enums import CaseStatus, ConfirmationStatus, DisputeType, PerformanceStatus
from ..services.ledger import LedgerFilter, LedgerRow, LedgerService
from .i18n import translate, vtr
from .widgets import EnumCombo

CTX = "LedgerTab"
PAGE_SIZE = 200
COLUMNS = (
    ("case_number", "案号"), ("received_date", "受理日期"), ("dispute_type", "纠纷类型"),
    ("village", "村/组"), ("party_names", "当事人"), ("status", "状态"),
)


def status_text(row: LedgerRow) -> str:
    parts = [vtr(CaseStatus(row.status).label)]
    if row.performance_status:
        parts.append(vtr(PerformanceStatus(row.performance_status).label))
    if row.confirmation_status:
        parts.append(vtr(ConfirmationStatus(row.confirmation_status).label))
    return " · ".join(parts)


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

    # The query --------------------------------------------------------------------------
    def set_filter(self, flt: LedgerFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
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
                return "、".join(row.party_names.split(" "))
            if key == "status":
                return status_text(row)
            return getattr(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("party_names", "status", "dispute_type"):
            return self.data(index, Qt.ItemDataRole.DisplayRole)  # the full text where a cell cuts it
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("LedgerTab", COLUMNS[section][1])
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()


class LedgerTab(QWidget):
    case_chosen = Signal(int)
    new_case_requested = Signal()

    def __init__(self, ledger: LedgerService, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.model = LedgerModel(ledger, self)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = EnumCombo(CaseStatus, placeholder=True)
        self.type_combo = EnumCombo(DisputeType, placeholder=True)
        self.village_combo = QComboBox()
        self.village_combo.addItem("", None)
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
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # Widths from the font in use, so the columns fit at any scaling (150% on a 1366×768 screen).
        metrics = self.table.fontMetrics()
        samples = ("（2026）新调字第0000号", "2026-11-25", "道路交通事故纠", "溧河铺村10组", "", "达成协议（书面）· 履行中")
        for column, sample in enumerate(samples):
            if sample:
                self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        # Newest first. Enabling sorting runs the model's one and only query at start-up.
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        filters = QHBoxLayout()
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_edit)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.village_combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self._on_search_edit_return)
        for combo in (self.status_combo, self.type_combo, self.village_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.activated.connect(self._on_table_double_clicked)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.new_button.clicked.connect(self.new_case_requested)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)

        self.retranslate()
        self.reload_villages()
        self._select_first_row()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search_label.setText(translate("LedgerTab", "查找"))
        self.search_edit.setPlaceholderText(translate("LedgerTab", "案号、当事人姓名或拼音首字母（如 zjg）"))
        self.status_combo.retranslate(translate("LedgerTab", "全部状态"))
        self.type_combo.retranslate(translate("LedgerTab", "全部类型"))
        self.village_combo.setItemText(0, translate("LedgerTab", "全部村"))
        self.open_button.setText(translate("LedgerTab", "打开所选案件"))
        self.new_button.setText(translate("LedgerTab", "新建登记"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count()

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

    def village_names(self) -> list[str]:
        """Names of the villages on file, as last read for the filter (refresh() reads them again)."""
        return [name for _id, name, _township in self._villages]

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(text=self.search_edit.text(), status=self.status_combo.currentData(),
                            dispute_type=self.type_combo.currentData(), village_id=self.village_combo.currentData())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._select_first_row()

    def _select_first_row(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        self.reload_villages()
        self.model.reload()

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
