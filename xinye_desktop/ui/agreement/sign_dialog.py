"""登记签署: the day every party signed (or sealed, or fingerprinted) the printed 协议书 and the mediator
signed and sealed it — the day it takes effect."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..i18n import translate


class SigningDateDialog(QDialog):
    """Asks for the signing day (today at the latest); ``date_edit`` holds it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("AgreementTab", "登记签署"))
        date = QDateEdit(QDate.currentDate())
        date.setCalendarPopup(True)
        date.setDisplayFormat("yyyy-MM-dd")
        date.setMaximumDate(QDate.currentDate())
        layout = QVBoxLayout(self)
        intro = QLabel(translate("AgreementTab", "各方当事人签名（盖章或按指印）、人民调解员签名并加盖调委会印章的日期，即协议生效之日（人民调解法第二十九条）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(translate("AgreementTab", "签署日期"), date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date_edit = date

    def day(self):
        return self.date_edit.date().toPython()
