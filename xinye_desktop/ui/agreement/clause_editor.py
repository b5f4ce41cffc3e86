"""One agreed term of the 人民调解协议书 (协议内容, 第N条): who owes what to whom, how much, how, by when."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QPushButton

from ...domain.agreement import ClauseInput, PaymentMeans, PaymentMode, amount_in_capitals, parse_amount
from ..i18n import translate
from ..widgets import EnumCombo, FieldBox
from .common import set_editable, text_edit


class ClauseEditor(QFrame):
    """One agreed term: who owes what to whom, the amount (shown in capitals as typed), how, by when."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, parties: list[tuple[int, str]], clause: ClauseInput, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.obligor, self.obligee = QComboBox(), QComboBox()
        for combo in (self.obligor, self.obligee):
            combo.addItem(translate("AgreementTab", "（不涉及）"), None)
            for pid, name in parties:
                combo.addItem(name, pid)
        self.content = text_edit(56)
        self.content.setPlaceholderText(translate("AgreementTab", "如：李秀英赔偿张建国院墙损失"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(translate("AgreementTab", "金额（元），不涉及可不填"))
        self.capitals = QLabel()
        self.capitals.setStyleSheet("color:#1d4f91;")
        self.mode = EnumCombo(PaymentMode, placeholder=True)
        self.means = EnumCombo(PaymentMeans, placeholder=True)
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(translate("AgreementTab", "履行期限，如 2026-12-31"))
        self.remove = QPushButton()
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.labels = {key: QLabel() for key in ("content", "obligor", "obligee", "deadline", "amount", "mode")}
        self.boxes = {"content": FieldBox(self.content), "obligor": FieldBox(self.obligor),
                      "obligee": FieldBox(self.obligee), "amount": FieldBox(self.amount), "mode": FieldBox(self.mode),
                      "means": FieldBox(self.means), "deadline": FieldBox(self.deadline)}
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0)
        grid.addWidget(self.remove, 0, 5, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.labels["content"], 1, 0)
        grid.addWidget(self.boxes["content"], 1, 1, 1, 5)
        grid.addWidget(self.labels["obligor"], 2, 0)
        grid.addWidget(self.boxes["obligor"], 2, 1)
        grid.addWidget(self.labels["obligee"], 2, 2)
        grid.addWidget(self.boxes["obligee"], 2, 3)
        grid.addWidget(self.labels["deadline"], 2, 4)
        grid.addWidget(self.boxes["deadline"], 2, 5)
        grid.addWidget(self.labels["amount"], 3, 0)
        grid.addWidget(self.boxes["amount"], 3, 1)
        grid.addWidget(self.labels["mode"], 3, 2)
        grid.addWidget(self.boxes["mode"], 3, 3)
        grid.addWidget(self.boxes["means"], 3, 5)
        grid.addWidget(self.capitals, 4, 1, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        grid.setColumnStretch(5, 2)
        self.retranslate()
        self.load(clause)
        for combo in (self.obligor, self.obligee, self.mode, self.means):
            combo.currentIndexChanged.connect(self.edited)
        for edit in (self.amount, self.deadline):
            edit.textEdited.connect(self.edited)
        self.content.textChanged.connect(self.edited)
        self.amount.textChanged.connect(self._show_capitals)

    def retranslate(self) -> None:
        texts = {"content": translate("AgreementTab", "内容 *"), "obligor": translate("AgreementTab", "履行人"),
                 "obligee": translate("AgreementTab", "接受人"), "deadline": translate("AgreementTab", "期限"),
                 "amount": translate("AgreementTab", "金额"), "mode": translate("AgreementTab", "方式")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.remove.setText(translate("AgreementTab", "删除此条"))
        for combo in (self.obligor, self.obligee):
            combo.setItemText(0, translate("AgreementTab", "（不涉及）"))
        self.content.setPlaceholderText(translate("AgreementTab", "如：李秀英赔偿张建国院墙损失"))
        self.amount.setPlaceholderText(translate("AgreementTab", "金额（元），不涉及可不填"))
        self.deadline.setPlaceholderText(translate("AgreementTab", "履行期限，如 2026-12-31"))
        self.mode.retranslate(translate("AgreementTab", "一次性或分期"))
        self.means.retranslate(translate("AgreementTab", "履行方式"))

    def load(self, c: ClauseInput) -> None:
        self.obligor.setCurrentIndex(max(self.obligor.findData(c.obligor), 0) if c.obligor is not None else 0)
        self.obligee.setCurrentIndex(max(self.obligee.findData(c.obligee), 0) if c.obligee is not None else 0)
        self.content.setPlainText(c.content)
        self.amount.setText(c.amount_text)
        self.mode.set_current(c.mode)
        self.means.set_current(c.means)
        self.deadline.setText(c.deadline_text)
        self._show_capitals()

    def to_input(self) -> ClauseInput:
        return ClauseInput(obligor=self.obligor.currentData(), obligee=self.obligee.currentData(),
                           content=self.content.toPlainText(), amount_text=self.amount.text(), mode=self.mode.current(),
                           means=self.means.current(), deadline_text=self.deadline.text())

    def _show_capitals(self) -> None:
        try:
            value = parse_amount(self.amount.text())
        except ValueError:
            self.capitals.setText("")
            return
        self.capitals.setText("" if value is None else f"¥{value:,.2f}　{amount_in_capitals(value)}")

    def set_read_only(self, on: bool) -> None:
        for w in (self.content, self.amount, self.deadline):
            set_editable(w, not on)
        for w in (self.obligor, self.obligee, self.mode, self.means, self.remove):
            w.setEnabled(not on)
