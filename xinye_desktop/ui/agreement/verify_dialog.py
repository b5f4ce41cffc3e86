"""验证: is the code on this paper copy one of our archived agreements or case-file documents, which
version, and is its archived file still the one that was made?"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...services.agreements import verification_lines
from ..i18n import translate, vtr
from ..widgets import NoticeLabel

# The documents' titles as stored with each issued document (shown here through vtr).
DOCUMENT_TITLES = (QT_TRANSLATE_NOOP("Vocabulary", "人民调解申请书"), QT_TRANSLATE_NOOP("Vocabulary", "人民调解受理登记表"),
                   QT_TRANSLATE_NOOP("Vocabulary", "人民调解当事人权利义务告知书"),
                   QT_TRANSLATE_NOOP("Vocabulary", "人民调解口头协议登记表"), QT_TRANSLATE_NOOP("Vocabulary", "化解处理意见书"))


class VerifyDialog(QDialog):
    """验证: is the code on this paper copy one of our archived agreements, and which version?"""

    def __init__(self, agreements, parent=None):
        super().__init__(parent)
        self._agreements = agreements
        self.setWindowTitle(translate("VerifyDialog", "验证核验码"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("VerifyDialog", "输入协议书或其他文书每页下方的核验码，如 6DE4-7HPF-1EW6"))
        self.result = NoticeLabel()
        check = QPushButton(translate("VerifyDialog", "验证"), clicked=self.verify)
        close = QPushButton(translate("VerifyDialog", "关闭"), clicked=self.accept)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(check)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.code.returnPressed.connect(self.verify)
        self.setMinimumWidth(520)

    def verify(self):
        found = self._agreements.verify(self.code.text())
        if found.code is None:
            self.result.show_notice("error", translate("VerifyDialog", "这不是核验码的格式：核验码为12位字母和数字。"))
        elif not found.found:
            self.result.show_notice("error", translate("VerifyDialog", "核验码 {code} 与本机存档的任何调解协议或案卷文书都不相符。").format(
                code=found.code))
        else:
            lines = [translate("Verification", message).format(**{
                k: vtr(v) if k == "document" else v for k, v in params.items()})
                for message, params in verification_lines(found)]
            if found.standing:
                lines.insert(0, translate("VerifyDialog", "核验码有效：与本机存档的文书相符。"))
            kind = "ok" if found.standing else "warning"
            self.result.show_notice(kind, "\n".join(lines))
        self._fit_to_result()
        return found

    def _fit_to_result(self) -> None:
        """Make the dialog as tall as the wrapped result needs at the width the dialog has.

        adjustSize() is no good here: it asks the wrapped label for its height at the width of the
        dialog's size hint, then narrows the dialog to two thirds of the screen, so the text (a long
        file path above all) was cut off at the top and bottom."""
        layout = self.layout()
        width = max(self.width() if self.isVisible() else 0, self.minimumWidth())
        margins = layout.contentsMargins()
        label_width = width - margins.left() - margins.right()
        if self.result.isHidden():
            self.result.setMinimumHeight(0)
        else:
            self._fit_result_height(label_width)
        layout.invalidate()
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        self.resize(width, max(height, layout.totalMinimumSize().height()))

    def resizeEvent(self, event) -> None:
        # Narrowed by hand, the text wraps onto more lines: keep room for all of them.
        super().resizeEvent(event)
        if not self.result.isHidden() and event.oldSize().width() != event.size().width():
            self._fit_result_height(self.result.width())

    def _fit_result_height(self, width: int) -> None:
        shown = self.result.minimumHeight()
        self.result.setMinimumHeight(0)  # QLabel.heightForWidth() never answers less than the minimum
        needed = self.result.heightForWidth(width)
        self.result.setMinimumHeight(needed if needed > 0 else shown)
