"""Small widgets shared by the tabs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QHBoxLayout, QHeaderView, QLabel, QRadioButton, QTableView,
    QVBoxLayout, QWidget,
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


def fit_height(dialog: QWidget) -> None:
    """Make a dialog as tall as its wrapped labels need at its width (a window's layout does not ask
    heightForWidth by itself, so a message that wraps to another line would be cut off)."""
    layout = dialog.layout()
    layout.activate()
    width = dialog.width()
    needed = max(layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0,
                 layout.totalMinimumSize().height())
    if needed != dialog.minimumHeight():
        dialog.setMinimumHeight(needed)
    if needed > dialog.height():
        dialog.resize(width, needed)


def set_minimum_width(dialog: QWidget, width: int) -> None:
    """A dialog's minimum width, but never less than its layout needs. An explicit minimum width
    stops the layout from setting one, so a dialog could be made narrower than its widest row
    (adjustSize() narrows a window to two thirds of a small screen) and clip it: English labels
    such as "Housing and homest" in the 明白人 editor."""
    layout = dialog.layout()
    needed = layout.totalMinimumSize().width() if layout is not None else 0
    dialog.setMinimumWidth(max(width, needed))


class EnumCombo(QComboBox):
    """A drop-down of a domain vocabulary (a Labelled enum), optionally with a "choose" entry first.
    Items carry the stable code; the shown labels follow the interface language."""

    def __init__(self, vocabulary, placeholder: bool = False, parent: QWidget | None = None, members=None):
        """``members``: the entries to offer, in this order (default: the whole vocabulary)."""
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._members = tuple(members if members is not None else vocabulary)
        self._placeholder = placeholder
        if placeholder:
            self.addItem("", None)
        for member in self._members:
            self.addItem(member.label, member.value)

    def retranslate(self, placeholder_text: str = "") -> None:
        from .i18n import vtr

        offset = 1 if self._placeholder else 0
        if self._placeholder:
            self.setItemText(0, placeholder_text)
        for i, member in enumerate(self._members):
            self.setItemText(i + offset, vtr(member.label))

    def current(self):
        return self._vocabulary.from_code(self.currentData())

    def set_current(self, member) -> None:
        """Select ``member``; None selects the "choose" entry where there is one."""
        if member is not None:
            self.setCurrentIndex(self.findData(member.value))
        elif self._placeholder:
            self.setCurrentIndex(0)


class DisputeTypeCombo(EnumCombo):
    """纠纷类型: the 15 categories, each followed by the local types (纠纷类型细目) the 司法所 files under it
    (domain/dispute_types.py). A local type's entry carries its category's code and its name: the case is
    stored as the category, the name as its 类型说明."""

    SUBTYPE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None):
        from ..domain.enums import DisputeType

        super().__init__(DisputeType, placeholder=True, parent=parent)
        self._local: tuple = ()
        self._placeholder_text = ""

    def set_local_types(self, local_types) -> None:
        """Offer these local types (LocalType), keeping what is chosen (a local type no longer offered
        falls back to its category)."""
        kind, name = self.current(), self.subtype()
        self._local = tuple(local_types)
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self._placeholder_text, None)
            for member in self._members:
                self.addItem(member.label, member.value)
                for local in self._local:
                    if local.category is member:
                        self.addItem("　· " + local.name, member.value)
                        self.setItemData(self.count() - 1, local.name, self.SUBTYPE_ROLE)
            self.retranslate(self._placeholder_text)
            self.set_current(kind, name)
        finally:
            self.blockSignals(blocked)
        self.currentIndexChanged.emit(self.currentIndex())

    def retranslate(self, placeholder_text: str = "") -> None:
        from .i18n import vtr

        self._placeholder_text = placeholder_text
        self.setItemText(0, placeholder_text)
        for index in range(1, self.count()):
            if not self.itemData(index, self.SUBTYPE_ROLE):
                self.setItemText(index, vtr(self._vocabulary(self.itemData(index)).label))

    def current_text(self) -> str:
        """What the closed box shows: 婚姻家庭纠纷 · 继承纠纷 for a local type (its list entry is indented under
        the category)."""
        subtype = self.subtype()
        if not subtype:
            return self.currentText()
        from .i18n import vtr

        return f"{vtr(self.current().label)} · {subtype}"

    def paintEvent(self, _event) -> None:
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.current_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def subtype(self) -> str:
        """The local type chosen ("" for a category itself)."""
        return str(self.currentData(self.SUBTYPE_ROLE) or "")

    def set_current(self, member, note: str = "") -> None:
        """Select ``member``, as the local type ``note`` names where it is one offered under it."""
        if member is None:
            self.setCurrentIndex(0)
            return
        fallback = -1
        for index in range(1, self.count()):
            if self.itemData(index) != member.value:
                continue
            subtype = self.itemData(index, self.SUBTYPE_ROLE) or ""
            if subtype and subtype == (note or "").strip():
                self.setCurrentIndex(index)
                return
            if not subtype and fallback < 0:
                fallback = index
        self.setCurrentIndex(fallback)


def yes_no_choice(yes_text: str, no_text: str) -> QWidget:
    """Two exclusive radio buttons in a row (``.yes``, ``.no``), neither chosen until the user decides: a
    yes-or-no answer that must be given, never one taken from a default."""
    choice = QWidget()
    row = QHBoxLayout(choice)
    row.setContentsMargins(0, 0, 0, 0)
    choice.yes, choice.no = QRadioButton(yes_text), QRadioButton(no_text)
    group = QButtonGroup(choice)
    for button in (choice.yes, choice.no):
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return choice


def error_text(error) -> str:
    """A domain FieldError (or any message template with params) in the interface language."""
    from .i18n import translate_message

    return translate_message(error.message).format(**error.params)


def place_errors(boxes: dict, errors) -> tuple[list[str], "FieldBox | None"]:
    """Clear every FieldBox of ``boxes`` (field name -> box), then show each field's first error under
    its box. Returns the texts of the errors no box is for, and the first box that got one (to focus)."""
    for box in boxes.values():
        box.set_error("")
    unplaced, first = [], None
    for error in errors:
        box = boxes.get(error.field)
        if box is None:
            unplaced.append(error_text(error))
        elif not box.error:
            box.set_error(error_text(error))
            first = first or box
    return unplaced, first


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


class ColumnFitter(QObject):
    """Keeps a small table's columns as wide as their content while the view has room.

    Where it has not, only the ``elastic`` columns (free text: names, reasons, terms) give up width:
    they share the room left fairly (one that needs less than its share keeps its whole text, the
    others split the rest), down to a few characters; they elide, and their cells carry the whole
    text in the tooltip. Width left over goes to ``stretch``. Qt's own modes do not
    do this: ResizeToContents columns never give way, so a stretched column is squeezed to "胡玲、…"
    while a column beside it keeps room it does not need."""

    SAMPLE_ROWS = 20  # more than a list on the first screen shows (today's work: ~8 rows a box)

    def __init__(self, view: QTableView, elastic: tuple[int, ...], stretch: int, follow_rows: bool = True):
        """``follow_rows``: fit again whenever the rows change (a short list); otherwise only when the
        view is resized or ``fit()`` is called, so widths set by hand last (a long, paged list)."""
        super().__init__(view)
        self._view = view
        self.elastic, self.stretch = elastic, stretch
        self.natural: dict[int, int] = {}  # a column's width set by the caller instead of its content's
        header = view.horizontalHeader()
        # A column's content width is read from the rows in view and those around them, SAMPLE_ROWS in
        # all, not from every row (Qt's default is 1,000): a longer text further down elides, whole in
        # its tooltip. Today's work of a 100,000-case folder is 4 lists of 200 rows on the first screen.
        # (sizeHintForColumn takes the horizontal header's precision.)
        header.setResizeContentsPrecision(self.SAMPLE_ROWS)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The content's widths, measured once per change of the rows, the titles or the font: a resize
        # only shares out the room again (measuring is a sizeHintForColumn over every row shown:
        # ~70 ms for today's work of a 100,000-case folder, and a window's first show resizes each
        # view several times).
        self._measured: dict[int, int] = {}
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.dataChanged, model.headerDataChanged,
                       model.rowsInserted, model.rowsRemoved):
            signal.connect(self._forget)
            if follow_rows:
                signal.connect(self.fit)

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        elif kind == QEvent.Type.Resize:
            self._share_out()
        return False

    def _forget(self, *_args) -> None:
        self._measured.clear()

    def natural_width(self, column: int) -> int:
        width = self._measured.get(column)
        if width is None:
            header = self._view.horizontalHeader()
            content = self.natural.get(column)
            if content is None:
                content = self._view.sizeHintForColumn(column)
            width = self._measured[column] = max(content, header.sectionSizeHint(column))
        return width

    def fit(self, *_args) -> None:
        """Measure the content again and share out the room."""
        self._forget()
        self._share_out()

    def _share_out(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        count = view.model().columnCount()
        if not count:
            return
        widths = [self.natural_width(c) for c in range(count)]
        elastic = [c for c in self.elastic if c < count]
        room = view.viewport().width() - sum(w for c, w in enumerate(widths) if c not in elastic)
        wanted = sum(widths[c] for c in elastic)
        if wanted > room:
            floor = view.fontMetrics().horizontalAdvance("0" * 8)
            left = room
            narrowest_first = sorted(elastic, key=lambda c: widths[c])
            for done, c in enumerate(narrowest_first):
                share = left // (len(narrowest_first) - done)
                widths[c] = min(widths[c], max(share, floor))
                left -= widths[c]
        elif self.stretch < count:
            widths[self.stretch] += room - wanted
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
