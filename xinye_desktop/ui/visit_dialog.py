"""记录回访: what a return visit found, term by term, with each problem shown beside its field.
Nothing is saved until every required answer is there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
    QScrollArea, QVBoxLayout, QWidget,
)

from ..domain.aftercare import Satisfaction, TermFinding, VisitInput, VisitMethod
from ..domain.enums import PerformanceStatus
from ..domain.errors import Refused, StaleRecord, ValidationFailed
from .i18n import translate
from .widgets import EnumCombo, FieldBox, NoticeLabel, place_errors


def _text_edit(lines: int = 2) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class VisitDialog(QDialog):
    """Record (or correct) one visit of ``care`` (an Aftercare); ``service`` is the AftercareService."""

    def __init__(self, service, care, visit, operator: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._visit = visit
        self._terms = care.terms
        self.saved = None
        self.setWindowTitle(translate("VisitDialog", "记录回访：{number}").format(number=care.case.case_number))
        self.message = NoticeLabel()

        self.date_edit = QLineEdit(visit.visited_on.isoformat() if visit.visited_on else
                                   service.today().isoformat())
        self.visitor_edit = QLineEdit(visit.visitor or operator)
        self.visited_edit = QLineEdit(visit.visited or "、".join(p.name for p in care.case.parties))
        self.method_combo = EnumCombo(VisitMethod, placeholder=True)
        self.method_combo.retranslate(translate("VisitDialog", "请选择"))
        self.method_combo.set_current(visit.method)
        self.satisfaction_combo = EnumCombo(Satisfaction, placeholder=True)
        self.satisfaction_combo.retranslate(translate("VisitDialog", "请选择"))
        self.satisfaction_combo.set_current(visit.satisfaction)
        self.lawsuit_edit = _text_edit()
        self.lawsuit_edit.setPlaceholderText(translate("VisitDialog", "未起诉可不填；已起诉的写明法院和结果"))
        self.lawsuit_edit.setPlainText(visit.lawsuit)
        self.risks_edit = _text_edit()
        self.risks_edit.setPlaceholderText(translate("VisitDialog", "如矛盾反弹、扬言报复、悔约等；没有可不填"))
        self.risks_edit.setPlainText(visit.risks)
        self.measures_edit = _text_edit()
        self.measures_edit.setPlainText(visit.measures)
        self.notes_edit = _text_edit()
        self.notes_edit.setPlainText(visit.notes)
        self.boxes = {
            "visited_on": FieldBox(self.date_edit), "visitor": FieldBox(self.visitor_edit),
            "visited": FieldBox(self.visited_edit), "method": FieldBox(self.method_combo),
            "satisfaction": FieldBox(self.satisfaction_combo), "lawsuit": FieldBox(self.lawsuit_edit),
            "risks": FieldBox(self.risks_edit), "measures": FieldBox(self.measures_edit),
            "notes": FieldBox(self.notes_edit),
        }

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("VisitDialog", "回访日期"), self.boxes["visited_on"])
        form.addRow(translate("VisitDialog", "回访人"), self.boxes["visitor"])
        form.addRow(translate("VisitDialog", "被回访人"), self.boxes["visited"])
        form.addRow(translate("VisitDialog", "回访方式"), self.boxes["method"])

        # Each term: how far it was performed, and a note (e.g. 已付6000元).
        self.term_combos: list[EnumCombo] = []
        self.term_notes: list[QLineEdit] = []
        terms_box = QGroupBox(translate("VisitDialog", "协议履行情况"))
        grid = QGridLayout(terms_box)
        found = {tid: (status, note) for tid, status, note in visit.findings}
        for row, term in enumerate(self._terms):
            text = term.content + (f"（{term.obligor}，{term.amount}）" if term.obligor and term.amount else "")
            if term.deadline:
                text += translate("VisitDialog", "　期限：{day}").format(day=term.deadline.isoformat())
            label = QLabel(f"{row + 1}. {text}")
            label.setWordWrap(True)
            combo = EnumCombo(PerformanceStatus, placeholder=True)
            combo.retranslate(translate("VisitDialog", "请选择"))
            note = QLineEdit()
            note.setPlaceholderText(translate("VisitDialog", "说明（可不填）"))
            status, note_text = found.get(term.id, (None, ""))
            combo.set_current(status)
            note.setText(note_text)
            self.boxes[f"terms.{row}"] = FieldBox(combo)
            self.boxes[f"terms.{row}.note"] = FieldBox(note)
            grid.addWidget(label, row, 0)
            grid.addWidget(self.boxes[f"terms.{row}"], row, 1)
            grid.addWidget(self.boxes[f"terms.{row}.note"], row, 2)
            self.term_combos.append(combo)
            self.term_notes.append(note)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        self.performance_combo = EnumCombo(PerformanceStatus, placeholder=True)
        self.performance_combo.retranslate(translate("VisitDialog", "请选择"))
        self.performance_combo.set_current(visit.performance)
        self.boxes["performance"] = FieldBox(self.performance_combo)
        if not self._terms:  # e.g. an agreement kept on paper only: the whole agreement at once
            grid.addWidget(QLabel(translate("VisitDialog", "协议整体履行情况")), 0, 0)
            grid.addWidget(self.boxes["performance"], 0, 1)

        # One form: the labels of every part line up.
        form.addRow(terms_box)
        form.addRow(translate("VisitDialog", "满意程度"), self.boxes["satisfaction"])
        form.addRow(translate("VisitDialog", "是否起诉及结果"), self.boxes["lawsuit"])
        form.addRow(translate("VisitDialog", "发现的风险隐患"), self.boxes["risks"])
        form.addRow(translate("VisitDialog", "采取的措施"), self.boxes["measures"])
        form.addRow(translate("VisitDialog", "其他情况"), self.boxes["notes"])

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("VisitDialog", "保存回访记录"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("VisitDialog", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def form(self) -> VisitInput:
        return VisitInput(
            visited_on_text=self.date_edit.text(), visitor=self.visitor_edit.text(),
            visited=self.visited_edit.text(), method=self.method_combo.current(),
            terms=[TermFinding(t.id, c.current(), n.text()) for t, c, n in
                   zip(self._terms, self.term_combos, self.term_notes)],
            performance=self.performance_combo.current(), satisfaction=self.satisfaction_combo.current(),
            lawsuit=self.lawsuit_edit.toPlainText(), risks=self.risks_edit.toPlainText(),
            measures=self.measures_edit.toPlainText(), notes=self.notes_edit.toPlainText())

    def accept(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.message.hide()
        try:
            self.saved = self._service.record_visit(self._visit.id, self.form(), expected_version=self._visit.version)
        except ValidationFailed as failed:
            _unplaced, first = place_errors(self.boxes, failed.errors)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.message.show_notice("error", translate("VisitDialog", "还有{n}处需要填写或更正，见各项下方的红字").format(
                n=len(failed.errors)))
            return
        except Refused as refused:
            self.message.show_notice("warning", translate("Aftercare", refused.message).format(**refused.params))
            return
        except StaleRecord:
            self.message.show_notice("warning", translate("VisitDialog", "这次回访已在别处修改，请关闭后重新打开"))
            return
        super().accept()
