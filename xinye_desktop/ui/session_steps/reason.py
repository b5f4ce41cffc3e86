"""以理为基: the 明白人's verdict on each of the five points, with a reason where one is not met."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit

from ...domain.session import ReasonPoint, SittingData, Step, Verdict
from ..i18n import translate, vtr
from .step_page import StepPage


class ReasonStep(StepPage):
    step = Step.REASON

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout()
        self.reason_widgets: dict[ReasonPoint, tuple[QLabel, QComboBox, QLineEdit]] = {}
        for row, point in enumerate(ReasonPoint):
            label, combo, note = QLabel(), QComboBox(), QLineEdit()
            self.reason_widgets[point] = (label, combo, note)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(note, row, 2)
            self.watch(combo, note)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "以理为基：请明白人结合村风民俗和生产生活惯例评理，逐项说明处理意见是否公平公正、合乎常理、符合道德准则、生产惯例和生活习俗。"))
        for point, (label, combo, note) in self.reason_widgets.items():
            label.setText(vtr(point.label))
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("SessionTab", "未评"), None)
            for verdict in Verdict:
                combo.addItem(vtr(verdict.label), verdict.value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)
            note.setPlaceholderText(translate("SessionTab", "说明（不符合时必填）"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        for point, (_label, combo, note) in self.reason_widgets.items():
            verdict, text = data.reason.get(point, (None, ""))
            combo.setCurrentIndex(max(combo.findData(verdict.value), 0) if verdict else 0)
            note.setText(text)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        data.reason = {}
        for point, (_label, combo, note) in self.reason_widgets.items():
            code = combo.currentData()
            if code or note.text().strip():
                data.reason[point] = (Verdict.from_code(code), note.text())
