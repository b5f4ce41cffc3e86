"""说理: each party's statement and claims, and the evidence handed in (checked or not)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from ...domain.session import Evidence, SittingData, Step
from ..i18n import translate
from .step_page import StepPage, clear_layout, parties_of, text_edit


class StatementsStep(StepPage):
    step = Step.STATEMENTS
    # An evidence line was taken off: the tab saves at once and loads the lines again.
    evidence_removed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._party_ids: tuple[int, ...] = ()
        self._names: dict[int, str] = {}
        self._editable = False
        self._case_open = False
        self.statement_box = QWidget()
        self.statement_layout = QVBoxLayout(self.statement_box)
        self.statement_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.statement_box)
        self.evidence_box = QGroupBox()
        inner = QVBoxLayout(self.evidence_box)
        self.evidence_grid = QGridLayout()
        inner.addLayout(self.evidence_grid)
        self.add_evidence_button = QPushButton(clicked=self.add_evidence)
        row = QHBoxLayout()
        row.addWidget(self.add_evidence_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.body.addWidget(self.evidence_box)
        self.party_widgets: dict[int, dict] = {}  # per party: statement, claims
        self.evidence_rows: list[dict] = []

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "请各方当事人依次陈述事实和请求，不打断、不评判。记下提交的证据，并注明是否已核对。"))
        self.evidence_box.setTitle(translate("SessionTab", "证据"))
        self.add_evidence_button.setText(translate("SessionTab", "添加证据"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        self._party_ids, self._names = parties_of(overview)
        self._case_open = overview is not None
        self._editable = editable
        self._build_statement_rows(data)
        self.load_evidence(data)
        self.set_editable(editable)

    def store(self, data: SittingData) -> None:
        for pid, widgets in self.party_widgets.items():
            record = data.party(pid)
            record.statement = widgets["statement"].toPlainText()
            record.claims = widgets["claims"].text()
        data.evidence = [Evidence(what=r["what"].text(), provided_by=r["by"].currentData(),
                                  checked=r["checked"].isChecked(), note=r["note"].text())
                         for r in self.evidence_rows]

    def _build_statement_rows(self, data: SittingData) -> None:
        clear_layout(self.statement_layout)
        self.party_widgets = {}
        for pid in self._party_ids:
            record = data.parties.get(pid)
            box = QGroupBox(translate("SessionTab", "{party}的陈述").format(party=self._names.get(pid, "")))
            form = QFormLayout(box)
            statement, claims = text_edit(80), QLineEdit()
            statement.setPlaceholderText(translate("SessionTab", "事实经过和理由（按当事人原意记录）"))
            claims.setPlaceholderText(translate("SessionTab", "请求事项"))
            if record:
                statement.setPlainText(record.statement)
                claims.setText(record.claims)
            form.addRow(translate("SessionTab", "陈述"), statement)
            form.addRow(translate("SessionTab", "请求"), claims)
            self.party_widgets[pid] = {"statement": statement, "claims": claims}
            self.statement_layout.addWidget(box)
            self.watch(statement, claims)

    # -- evidence ------------------------------------------------------------------------------
    def load_evidence(self, data: SittingData) -> None:
        clear_layout(self.evidence_grid)
        self.evidence_rows = []
        for item in data.evidence:
            self._add_evidence_row(item)

    def _add_evidence_row(self, item: Evidence) -> None:
        row = len(self.evidence_rows)
        what, by, checked, note = QLineEdit(item.what), QComboBox(), QCheckBox(translate("SessionTab", "已核对")), QLineEdit(item.note)
        what.setPlaceholderText(translate("SessionTab", "证据名称，如 宅基地使用证"))
        note.setPlaceholderText(translate("SessionTab", "备注"))
        by.addItem(translate("SessionTab", "提交人"), None)
        for pid in self._party_ids:
            by.addItem(self._names.get(pid, ""), pid)
        by.setCurrentIndex(max(by.findData(item.provided_by), 0) if item.provided_by is not None else 0)
        checked.setChecked(item.checked)
        remove = QPushButton(translate("SessionTab", "删除"))
        remove.setEnabled(self._editable)
        for column, widget in enumerate((what, by, checked, note, remove)):
            self.evidence_grid.addWidget(widget, row, column)
        self.evidence_grid.setColumnStretch(0, 2)
        self.evidence_grid.setColumnStretch(3, 1)
        entry = {"what": what, "by": by, "checked": checked, "note": note, "remove": remove}
        self.evidence_rows.append(entry)
        remove.clicked.connect(lambda _c=False, e=entry: self.remove_evidence(e))
        self.watch(what, by, checked, note)

    def add_evidence(self) -> None:
        if not self._case_open:
            return
        self._add_evidence_row(Evidence())
        self.edited.emit()

    def remove_evidence(self, entry: dict) -> None:
        """Take an evidence line off this sitting's record (asked first when something was typed)."""
        if entry["what"].text().strip() or entry["note"].text().strip():
            answer = QMessageBox.question(
                self, translate("SessionTab", "删除证据"),
                translate("SessionTab", "从本次调解记录中删除证据“{what}”？").format(what=entry["what"].text().strip()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.evidence_rows.remove(entry)
        self.evidence_removed.emit()
