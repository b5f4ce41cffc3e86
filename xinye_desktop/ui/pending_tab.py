"""A tab whose feature has not been built yet. It says so plainly and shows nothing made up."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..domain.i18n import QT_TRANSLATE_NOOP
from .i18n import translate

CTX = "PendingTab"


class PendingTab(QWidget):
    def __init__(self, title: str, plan: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._title, self._plan = title, plan
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.body_label = QLabel()
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.body_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.body_label.setMaximumWidth(640)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(translate("PendingTab", "“{title}”功能尚未完成").format(title=translate("PendingTab", self._title)))
        self.body_label.setText(translate("PendingTab", self._plan) + "\n\n" + translate(
            "PendingTab", "这一页目前没有任何功能，也不显示任何数据。请先在“案件受理”中登记案件，在“案件台账”中查找案件。"))


# (tab title, what the finished tab will do), marked for translation.
AGREEMENT_PLAN = (QT_TRANSLATE_NOOP("PendingTab", "调解协议"), QT_TRANSLATE_NOOP("PendingTab", 
    "将提供：生成人民调解协议书（PDF），预览、打印供当事人签名按指印，版本管理和验证码核验。"))
