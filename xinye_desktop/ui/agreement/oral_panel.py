"""A case settled by an oral agreement has no 协议书: its record is the 口头协议登记表. This panel takes the
agreement form's place in the 调解协议 tab for such a case: what the law says, whether the 登记表 was
made, and a button to make it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ..i18n import translate


class OralRegisterPanel(QFrame):
    """口头协议: the text, the issued 登记表 (``show_issued``) and ``oral_button`` (the tab connects it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.oral_text = QLabel()
        self.oral_text.setWordWrap(True)
        self.oral_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.oral_issued = QLabel()
        self.oral_issued.setWordWrap(True)
        self.oral_issued.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.oral_button = QPushButton()
        oral_buttons = QHBoxLayout()
        oral_buttons.addWidget(self.oral_button)
        oral_buttons.addStretch(1)
        oral_layout = QVBoxLayout(self)
        oral_layout.addWidget(self.oral_text)
        oral_layout.addWidget(self.oral_issued)
        oral_layout.addLayout(oral_buttons)
        oral_layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.oral_button.setText(translate("AgreementTab", "制作口头协议登记表…"))
        self.oral_text.setText(translate(
            "AgreementTab", "本案调解达成的是口头协议：不制作人民调解协议书，协议自各方当事人达成之日起生效"
            "（人民调解法第二十八条、第三十条）。协议内容取自“法理情调解”“处理”一步的记录，登记在《人民调解口头协议登记表》中："
            "点下面的按钮（或右下角“制作案卷文书”）生成登记表，打印后由人民调解员、记录人签名，加盖调委会印章，入卷存档。"))

    def show_issued(self, issued) -> None:
        """``issued``: the case's IssuedDocument of the 口头协议登记表, or None while it has not been made."""
        if issued is None:
            self.oral_issued.setText(translate("AgreementTab", "登记表还没有制作。"))
        else:
            self.oral_issued.setText(translate("AgreementTab", "登记表已于{day}制作（核验码 {code}）：{path}").format(
                day=issued.issued_at.date().isoformat(), code=issued.code,
                path=str(issued.pdf_path) if issued.pdf_path else ""))
