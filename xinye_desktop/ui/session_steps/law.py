"""以法为准: within the scope of people's mediation, the legal basis (with suggestions for the dispute
type), no harm to anyone's lawful rights, what was corrected."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from ...domain.session import LEGAL_BASIS, SittingData, Step
from ..i18n import translate
from .step_page import StepPage, fill_tri, set_tri, text_edit


class LawStep(StepPage):
    step = Step.LAW

    def __init__(self, parent=None):
        super().__init__(parent)
        self._dispute_type = None
        self._case_open = False
        self.within_scope = QComboBox()
        self.legal_basis = text_edit(90)
        self.basis_suggestions = QComboBox()
        self.basis_suggestions.activated.connect(self._insert_basis)
        self.harms_none = QComboBox()
        self.corrections = text_edit(60)
        form = QFormLayout()
        self.law_form = form
        form.addRow(QLabel(), self.within_scope)
        form.addRow(QLabel(), self.basis_suggestions)
        form.addRow(QLabel(), self.legal_basis)
        form.addRow(QLabel(), self.harms_none)
        form.addRow(QLabel(), self.corrections)
        self.body.addLayout(form)
        self.watch(self.within_scope, self.legal_basis, self.harms_none, self.corrections)

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "以法为准：主持人（联村干警）确认纠纷属于人民调解范围，说明依据的法律和政策，并确认拟定的处理意见不损害任何一方的合法权益、第三人利益和公共利益；有不妥的，当场纠正。"))
        law = self.law_form
        for field, text in ((self.within_scope, translate("SessionTab", "属于调解范围 *")), (self.basis_suggestions, translate("SessionTab", "常用依据")),
                            (self.legal_basis, translate("SessionTab", "法律政策依据 *")), (self.harms_none, translate("SessionTab", "不损害合法权益 *")),
                            (self.corrections, translate("SessionTab", "纠正的内容"))):
            law.labelForField(field).setText(text)
        fill_tri(self.within_scope, translate("SessionTab", "未确认"), translate("SessionTab", "属于人民调解范围"), translate("SessionTab", "不属于"))
        fill_tri(self.harms_none, translate("SessionTab", "未确认"), translate("SessionTab", "不损害当事人、第三人和公共利益"), translate("SessionTab", "有损害，需要纠正"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        self._case_open = overview is not None
        self._dispute_type = overview.case.dispute_type if overview is not None else None
        set_tri(self.within_scope, data.within_scope)
        self.legal_basis.setPlainText(data.legal_basis)
        self._fill_basis_suggestions()
        set_tri(self.harms_none, data.harms_none)
        self.corrections.setPlainText(data.corrections)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        data.within_scope = self.within_scope.currentData()
        data.legal_basis = self.legal_basis.toPlainText()
        data.harms_none = self.harms_none.currentData()
        data.corrections = self.corrections.toPlainText()

    def _fill_basis_suggestions(self) -> None:
        self.basis_suggestions.blockSignals(True)
        self.basis_suggestions.clear()
        self.basis_suggestions.addItem(translate("SessionTab", "选择后插入到下面…"), None)
        if self._case_open:
            for text in LEGAL_BASIS.get(self._dispute_type, ()):
                self.basis_suggestions.addItem(text, text)
            self.basis_suggestions.addItem("《中华人民共和国人民调解法》", "《中华人民共和国人民调解法》")
        self.basis_suggestions.blockSignals(False)

    def _insert_basis(self, index: int) -> None:
        text = self.basis_suggestions.itemData(index)
        if text and text not in self.legal_basis.toPlainText():
            current = self.legal_basis.toPlainText().rstrip()
            self.legal_basis.setPlainText((current + "\n" if current else "") + text)
        self.basis_suggestions.setCurrentIndex(0)
