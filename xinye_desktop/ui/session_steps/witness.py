"""见证人: each 见证人's commitment or answer on the spot, or that none was needed this time."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.session import SittingData, Step
from ..i18n import translate
from .step_page import StepPage, clear_layout, text_edit


class WitnessStep(StepPage):
    step = Step.WITNESS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.witness_box = QWidget()
        self.witness_layout = QVBoxLayout(self.witness_box)
        self.witness_layout.setContentsMargins(0, 0, 0, 0)
        self.no_witness = QCheckBox()
        self.body.addWidget(self.witness_box)
        self.body.addWidget(self.no_witness)
        self.watch(self.no_witness)
        self.witness_edits: list[QPlainTextEdit] = []  # in the order of the data's witnesses

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "见证人（相关职能部门）对属于本部门的事项当场作出承诺或答复，记下内容和作出人。"))
        self.no_witness.setText(translate("SessionTab", "本案这次调解不需要见证人答复"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        clear_layout(self.witness_layout)
        self.witness_edits = []
        if not data.witnesses:
            label = QLabel(translate("SessionTab", "本案没有邀请见证人。需要时请在“选择明白人 → 本案人选”中添加。"))
            label.setWordWrap(True)
            self.witness_layout.addWidget(label)
        for witness in data.witnesses:
            box = QGroupBox(witness.name)
            layout = QVBoxLayout(box)
            edit = text_edit(70)
            edit.setPlaceholderText(translate("SessionTab", "当场作出的承诺或答复，如：国土所下周一到现场重新测量界址"))
            edit.setPlainText(witness.commitment)
            layout.addWidget(edit)
            self.witness_layout.addWidget(box)
            self.witness_edits.append(edit)
            self.watch(edit)
        self.no_witness.setChecked(data.no_witness_needed)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        for witness, edit in zip(data.witnesses, self.witness_edits):
            witness.commitment = edit.toPlainText()
        data.no_witness_needed = self.no_witness.isChecked()
