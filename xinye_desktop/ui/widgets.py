"""Small widgets shared by the tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


class FieldBox(QWidget):
    """An input with its error message right under it (hidden while there is none)."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setStyleSheet(INVALID_STYLE if message else "")

    @property
    def error(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()


class NoticeLabel(QLabel):
    """A plain, wrapped notice with a tinted background (warnings, screening results)."""

    COLOURS = {"error": ("#fdecea", "#8a1c1c"), "warning": ("#fff4e5", "#7a4a00"),
               "info": ("#e8f1fb", "#1d4f91"), "ok": ("#e9f6ec", "#1e6b34")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_notice(self, kind: str, text: str) -> None:
        background, colour = self.COLOURS[kind]
        self.setStyleSheet(f"background:{background}; color:{colour}; padding:6px; border-radius:4px;")
        self.setText(text)
        self.setVisible(bool(text))


class EnumCombo(QComboBox):
    """A drop-down of a domain vocabulary (a Labelled enum), optionally with a "choose" entry first.
    Items carry the stable code; the shown labels follow the interface language."""

    def __init__(self, vocabulary, placeholder: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._vocabulary = vocabulary
        self._placeholder = placeholder
        if placeholder:
            self.addItem("", None)
        for member in vocabulary:
            self.addItem(member.label, member.value)

    def retranslate(self, placeholder_text: str = "") -> None:
        from .i18n import vtr

        offset = 1 if self._placeholder else 0
        if self._placeholder:
            self.setItemText(0, placeholder_text)
        for i, member in enumerate(self._vocabulary):
            self.setItemText(i + offset, vtr(member.label))

    def current(self):
        return self._vocabulary.from_code(self.currentData())

    def set_current(self, member) -> None:
        """Select ``member``; None selects the "choose" entry where there is one."""
        if member is not None:
            self.setCurrentIndex(self.findData(member.value))
        elif self._placeholder:
            self.setCurrentIndex(0)
