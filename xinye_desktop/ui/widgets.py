"""Small widgets shared by the tabs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget,
)

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


class FieldBox(QWidget):
    """An input with its error message right under it (hidden while there is none)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setStyleSheet(INVALID_STYLE if message else "")

    @property
    def error(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def resizeEvent(self, event) -> None:
        # A wrapped message needs its height for the width it finally gets; layouts do not ask
        # (heightForWidth), so a long message would be cut off. Reserve that height explicitly.
        super().resizeEvent(event)
        if not self.error_label.isHidden():
            needed = self.error_label.heightForWidth(max(self.width(), 1))
            if needed > 0 and needed != self.error_label.minimumHeight():
                self.error_label.setMinimumHeight(needed)


class NoticeLabel(QLabel):
    """A plain, wrapped notice with a tinted background (warnings, screening results)."""

    COLOURS = {"error": ("#fdecea", "#8a1c1c"), "warning": ("#fff4e5", "#7a4a00"),
               "info": ("#e8f1fb", "#1d4f91"), "ok": ("#e9f6ec", "#1e6b34")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_notice(self, kind: str, text: str) -> None:
        background, colour = self.COLOURS[kind]
        self.setStyleSheet(f"background:{background}; color:{colour}; padding:6px; border-radius:4px;")
        self.setText(text)
        self.setVisible(bool(text))


class EnumCombo(QComboBox):
    """A drop-down of a domain vocabulary (a Labelled enum), optionally with a "choose" entry first.
    Items carry the stable code; the shown labels follow the interface language."""

    def __init__(self, vocabulary, placeholder: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._placeholder = placeholder
        if placeholder:
            self.addItem("", None)
        for member in vocabulary:
            self.addItem(member.label, member.value)

    def retranslate(self, placeholder_text: str = "") -> None:
        from .i18n import vtr

        offset = 1 if self._placeholder else 0
        if self._placeholder:
            self.setItemText(0, placeholder_text)
        for i, member in enumerate(self._vocabulary):
            self.setItemText(i + offset, vtr(member.label))

    def current(self):
        return self._vocabulary.from_code(self.currentData())

    def set_current(self, member) -> None:
        """Select ``member``; None selects the "choose" entry where there is one."""
        if member is not None:
            self.setCurrentIndex(self.findData(member.value))
        elif self._placeholder:
            self.setCurrentIndex(0)


def error_text(error) -> str:
    """A domain FieldError (or any message template with params) in the interface language."""
    from .i18n import translate

    return translate("Validation", error.message).format(**error.params)


class Cell:
    """One cell of a RowsModel: text plus optional tooltip, colour, bold and right alignment."""

    __slots__ = ("text", "tooltip", "colour", "bold", "right")

    def __init__(self, text: str, tooltip: str = "", colour: str = "", bold: bool = False, right: bool = False):
        self.text, self.tooltip, self.colour, self.bold, self.right = text, tooltip, colour, bold, right


class RowsModel(QAbstractTableModel):
    """A read-only table of prepared rows for QTableView.

    Used instead of QTableWidget: with PySide6 6.12, a QTableWidget or QListWidget holding about
    a thousand items crashes the interpreter when the items are freed (a refcount error in the
    item wrappers), so every list here is a model and a view.
    """

    def __init__(self, headers: list[str] | None = None, parent=None):
        super().__init__(parent)
        self._headers = list(headers or [])
        self.header_tips: dict[int, str] = {}  # column -> tooltip of its heading
        self._rows: list[list[Cell]] = []

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(len(headers) - 1, 0))

    def set_rows(self, rows: list[list]) -> None:
        self.beginResetModel()
        self._rows = [[c if isinstance(c, Cell) else Cell(str(c)) for c in row] for row in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][column]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.ForegroundRole and cell.colour:
            return QBrush(QColor(cell.colour))
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and cell.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips.get(section)
        return None


def rows_view(model: RowsModel) -> QTableView:
    """A read-only, whole-row-selecting table for a RowsModel."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def selected_row(view: QTableView) -> int | None:
    model = view.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].row() if rows else None
