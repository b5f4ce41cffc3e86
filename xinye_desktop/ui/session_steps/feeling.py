"""以情为引: each party's mood at the start and at the end, and how the 明白人 eased the knot."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QVBoxLayout, QWidget

from ...domain.session import MOODS, SittingData, Step
from ..i18n import translate, vtr
from .step_page import StepPage, clear_layout, parties_of


def _mood_combo() -> QComboBox:
    """The listed moods to pick from, or anything typed in."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("")
    for mood in MOODS:
        combo.addItem(vtr(mood), mood)
    return combo


def _mood_value(combo: QComboBox) -> str:
    """A listed mood is stored as its Chinese label whatever the interface language; a typed one as typed."""
    index = combo.findText(combo.currentText())
    return (combo.itemData(index) if index > 0 else None) or combo.currentText().strip()


def _set_mood(combo: QComboBox, value: str) -> None:
    index = combo.findData(value) if value else 0
    combo.setCurrentIndex(index) if index >= 0 else combo.setCurrentText(value)


class FeelingStep(StepPage):
    step = Step.FEELING

    def __init__(self, parent=None):
        super().__init__(parent)
        self.feeling_box = QWidget()
        self.feeling_layout = QVBoxLayout(self.feeling_box)
        self.feeling_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.feeling_box)
        self.party_widgets: dict[int, dict] = {}  # per party: mood_start, mood_end, easing

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "以情为引：记下每位当事人开始和结束时的情绪，以及明白人如何疏导心结。"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        party_ids, names = parties_of(overview)
        clear_layout(self.feeling_layout)
        self.party_widgets = {}
        for pid in party_ids:
            record = data.parties.get(pid)
            box = QGroupBox(names.get(pid, ""))
            form = QFormLayout(box)
            start, end, easing = _mood_combo(), _mood_combo(), QLineEdit()
            easing.setPlaceholderText(translate("SessionTab", "如：明白人以同村几十年的情分劝导，讲清远亲不如近邻"))
            if record:
                _set_mood(start, record.mood_start)
                _set_mood(end, record.mood_end)
                easing.setText(record.easing)
            form.addRow(translate("SessionTab", "开始时"), start)
            form.addRow(translate("SessionTab", "结束时"), end)
            form.addRow(translate("SessionTab", "疏导心结"), easing)
            self.party_widgets[pid] = {"mood_start": start, "mood_end": end, "easing": easing}
            self.feeling_layout.addWidget(box)
            self.watch(start, end, easing)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        for pid, widgets in self.party_widgets.items():
            record = data.party(pid)
            record.mood_start = _mood_value(widgets["mood_start"])
            record.mood_end = _mood_value(widgets["mood_end"])
            record.easing = widgets["easing"].text()
