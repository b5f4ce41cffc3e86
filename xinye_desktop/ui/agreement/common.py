"""What the panels of the 调解协议 tab share: the save-file question, how a dialog is shown, text boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit


def ask_save_path(parent, title: str, suggested: str, file_filter: str) -> str:
    """The file the user chose to save to, or "" when cancelled (tests replace it)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), file_filter)
    return path


def run_dialog(dialog) -> bool:
    """Show a dialog modally; the tab calls it through ``self.run_dialog`` so tests can answer instead."""
    return bool(dialog.exec())


def set_editable(edit, on: bool) -> None:
    """Text boxes of a frozen version are read-only rather than disabled: the text stays black and
    can be selected and copied (greyed-out text is hard to read on an old office screen)."""
    edit.setReadOnly(not on)
    edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    edit.setProperty("frozen", not on)
    edit.setStyleSheet("" if on else "background: #f4f4f4;")


def text_edit(height: int) -> QPlainTextEdit:
    """A fixed-height text box where Tab moves on to the next field instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit
