"""处理: the outcome (only those the rules leave open can be chosen), its text, the termination's reason
and the routes told, an escalation risk and whether the police were told."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton,
)

from ...domain.session import Outcome, Progress, Route, SittingData, Step
from ..i18n import translate, vtr
from .step_page import StepPage, text_edit


class OutcomeStep(StepPage):
    step = Step.OUTCOME

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        box = QGroupBox()
        self.outcome_box = box
        grid = QGridLayout(box)
        for i, outcome in enumerate(Outcome):
            button = QRadioButton()
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            grid.addWidget(button, i // 3, i % 3)
            self.watch(button)
        self.body.addWidget(box)
        self.outcome_text = text_edit(80)
        self.termination_reason = text_edit(60)
        self.route_boxes = {route: QCheckBox() for route in Route}
        routes = QHBoxLayout()
        for box_ in self.route_boxes.values():
            routes.addWidget(box_)
        routes.addStretch(1)
        self.risk = QCheckBox()
        self.risk_note = QLineEdit()
        self.police_informed = QCheckBox()
        form = QFormLayout()
        self.outcome_form = form
        form.addRow(QLabel(), self.outcome_text)
        form.addRow(QLabel(), self.termination_reason)
        form.addRow(QLabel(), routes)
        form.addRow(QLabel(), self.risk)
        form.addRow(QLabel(), self.risk_note)
        form.addRow(QLabel(), self.police_informed)
        self.body.addLayout(form)
        self.watch(self.outcome_text, self.termination_reason, self.risk, self.risk_note, self.police_informed,
                   *self.route_boxes.values())

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "处理：达成书面协议的，到“调解协议”中制作协议书；达成口头协议或形成化解意见的，写明内容；调解不成的，终止调解并告知当事人可以通过诉讼、仲裁或行政途径解决。纠纷可能激化的，要采取预防措施，可能引发治安或刑事案件的，须报告公安机关。"))
        self.outcome_box.setTitle(translate("SessionTab", "处理结果 *"))
        for outcome, button in self.outcome_buttons.items():
            button.setText(vtr(outcome.label))
        form = self.outcome_form
        for field, text in ((self.outcome_text, translate("SessionTab", "协议、意见或再调安排")), (self.termination_reason, translate("SessionTab", "终止原因")),
                            (self.risk, translate("SessionTab", "风险")), (self.risk_note, translate("SessionTab", "风险情况")),
                            (self.police_informed, translate("SessionTab", "报告公安"))):
            form.labelForField(field).setText(text)
        form.labelForField(form.itemAt(2, QFormLayout.ItemRole.FieldRole).layout()).setText(translate("SessionTab", "告知的途径"))
        for route, box in self.route_boxes.items():
            box.setText(vtr(route.label))
        self.risk.setText(translate("SessionTab", "纠纷可能激化（防止民转刑）"))
        self.police_informed.setText(translate("SessionTab", "已报告公安机关（人民调解法第二十五条）"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        self.outcome_group.setExclusive(False)
        for outcome, button in self.outcome_buttons.items():
            button.setChecked(data.outcome is outcome)
        self.outcome_group.setExclusive(True)
        self.outcome_text.setPlainText(data.outcome_text)
        self.termination_reason.setPlainText(data.termination_reason)
        for route, box in self.route_boxes.items():
            box.setChecked(route in data.routes)
        self.risk.setChecked(data.risk)
        self.risk_note.setText(data.risk_note)
        self.police_informed.setChecked(data.police_informed)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        data.outcome = next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)
        data.outcome_text = self.outcome_text.toPlainText()
        data.termination_reason = self.termination_reason.toPlainText()
        data.routes = tuple(r for r, box in self.route_boxes.items() if box.isChecked())
        data.risk = self.risk.isChecked()
        data.risk_note = self.risk_note.text()
        data.police_informed = self.police_informed.isChecked()

    def show_progress(self, progress: Progress, finished: bool) -> None:
        super().show_progress(progress, finished)
        # Only the outcomes the rules leave open can be chosen; one already chosen stays, to be changed.
        for outcome, button in self.outcome_buttons.items():
            button.setEnabled(not finished and (outcome in progress.open_outcomes or button.isChecked()))
