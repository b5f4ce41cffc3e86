"""What every step of the sitting has: guidance on top, its fields, what is still missing below."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QRadioButton, QVBoxLayout, QWidget

from ...domain.session import Progress, SittingData, Step
from ..i18n import translate
from ..widgets import NoticeLabel


def fill_tri(combo: QComboBox, unknown: str, yes: str, no: str) -> None:
    """A three-way answer: not asked yet / yes / no (relabelled in place, the answer kept)."""
    current = combo.currentData() if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(unknown, None)
    combo.addItem(yes, True)
    combo.addItem(no, False)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)


def set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])


def text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def clear_layout(layout) -> None:
    """Take every widget (and nested layout) out of ``layout``: rows built per party are rebuilt."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def parties_of(overview) -> tuple[tuple[int, ...], dict[int, str]]:
    """The case's party ids in order and their names; none without a case."""
    if overview is None:
        return (), {}
    return overview.context.party_ids, overview.context.party_names


class StepPage(QWidget):
    """One step. Subclasses add their fields to ``body``, register them with ``watch`` and implement
    ``retranslate``, ``load`` and ``store``. The tab calls ``retranslate`` on a language switch (then
    ``load`` again, for the rows built per party) and ``store`` before every save."""

    step: Step
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet("background:#f3f6fa; padding:6px; border-radius:4px;")
        self.body = QVBoxLayout()
        self.missing = NoticeLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.guide)
        layout.addLayout(self.body)
        layout.addWidget(self.missing)
        layout.addStretch(1)

    def watch(self, *widgets) -> None:
        """Every change of these widgets counts as an edit (saved shortly after)."""
        for w in widgets:
            if isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self.edited)
            elif isinstance(w, QLineEdit):
                w.textEdited.connect(self.edited)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.edited)
                if w.isEditable():
                    w.editTextChanged.connect(self.edited)
            elif isinstance(w, (QCheckBox, QRadioButton)):
                w.toggled.connect(self.edited)

    # -- what a step implements ---------------------------------------------------------------
    def retranslate(self) -> None:
        """The guidance and the fixed labels in the interface language."""
        raise NotImplementedError

    def load(self, data: SittingData, overview, editable: bool) -> None:
        """Show this step's part of ``data`` (``overview``: the case's SessionOverview, or None)."""
        raise NotImplementedError

    def store(self, data: SittingData) -> None:
        """Write what the fields hold into this step's part of ``data``."""
        raise NotImplementedError

    # -- shared --------------------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        """A finished sitting (or none) is only shown: every field is disabled, the texts stay readable."""
        for child in self.findChildren(QWidget):
            if child is not self.guide and child is not self.missing and not isinstance(child, QLabel):
                child.setEnabled(editable)

    def show_progress(self, progress: Progress, finished: bool) -> None:
        self.show_missing(progress.state(self.step).missing)

    def show_missing(self, messages) -> None:
        if messages:
            self.missing.show_notice("warning", translate("SessionTab", "这一步还需要：") + "\n" + "\n".join(
                "· " + m.text(lambda s: translate("Session", s)) for m in messages))
        else:
            self.missing.show_notice("ok", translate("SessionTab", "这一步已完成。"))
