"""防止纠纷激化: what the case prevented, as the report to the 司法所 counts it (防止民间纠纷转化为刑事案件
X件Y人, 防止群体性上访 X件Y人). Case-wide, saved with its own button: it stays editable after the sitting
that recorded it has ended."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..domain.prevention import CRIMINAL_LABEL, PETITION_LABEL, Prevention, PreventionInput
from .i18n import Retranslating, translate, vtr
from .widgets import ERROR_STYLE, INVALID_STYLE, NoticeLabel, error_text


class PreventionBox(Retranslating, QGroupBox):
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self.dirty = False
        self.default_people = 0  # what a tick fills in when the count is empty (the parties present)
        self.criminal_check = QCheckBox()
        self.criminal_people = QLineEdit()
        self.petition_check = QCheckBox()
        self.petition_people = QLineEdit()
        self.edits = {"criminal_people": self.criminal_people, "petition_people": self.petition_people}
        # Each count's message sits on its row, right of the field (the field is short).
        self.errors: dict[str, QLabel] = {}
        for key in self.edits:
            label = QLabel()
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            self.errors[key] = label
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#555;")
        self.save_button = QPushButton(clicked=lambda: self.save_requested.emit())
        self.message = NoticeLabel()
        self._captions: list[tuple[QLabel, QLabel]] = []

        grid = QGridLayout()
        for row, (check, edit) in enumerate(((self.criminal_check, self.criminal_people),
                                             (self.petition_check, self.petition_people))):
            before, after = QLabel(), QLabel()
            self._captions.append((before, after))
            edit.setMaximumWidth(90)
            grid.addWidget(check, row, 0)
            grid.addWidget(before, row, 1)
            key = "criminal_people" if row == 0 else "petition_people"
            grid.addWidget(edit, row, 2)
            grid.addWidget(after, row, 3)
            grid.addWidget(self.errors[key], row, 4)
            check.toggled.connect(lambda on, e=edit: self._on_toggled(on, e))
            edit.textEdited.connect(self._on_edited)
        grid.setColumnStretch(4, 1)
        grid.setColumnMinimumWidth(4, 160)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.save_button)
        layout = QGridLayout(self)
        layout.addLayout(grid, 0, 0)
        layout.addLayout(bottom, 1, 0)
        layout.addWidget(self.message, 2, 0)
        self.retranslate()
        self._sync_enabled()

    # -- language -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(translate("PreventionBox", "防止纠纷激化（本案，计入统计报表）"))
        self.criminal_check.setText(vtr(CRIMINAL_LABEL))
        self.petition_check.setText(vtr(PETITION_LABEL))
        for before, after in self._captions:
            before.setText(translate("PreventionBox", "涉及"))
            after.setText(translate("PreventionBox", "人"))
        for edit in (self.criminal_people, self.petition_people):
            edit.setPlaceholderText(translate("PreventionBox", "人数"))
        self.hint.setText(translate(
            "PreventionBox", "经调解，纠纷没有激化为刑事案件或群体性上访的，在此勾选并填写涉及的人数；"
            "统计报表按“X件Y人”计入。调解结束后也可以在这里修改。"))
        self.save_button.setText(translate("PreventionBox", "保存"))

    # -- state ----------------------------------------------------------------------------------------
    def load(self, prevention: Prevention) -> None:
        self._loading = True
        try:
            self.criminal_check.setChecked(prevention.criminal_people is not None)
            self.criminal_people.setText("" if prevention.criminal_people is None else str(prevention.criminal_people))
            self.petition_check.setChecked(prevention.petition_people is not None)
            self.petition_people.setText("" if prevention.petition_people is None else str(prevention.petition_people))
        finally:
            self._loading = False
        self.dirty = False
        self.set_errors([])
        self.message.hide()
        self._sync_enabled()

    def form(self) -> PreventionInput:
        return PreventionInput(self.criminal_check.isChecked(), self.criminal_people.text(),
                               self.petition_check.isChecked(), self.petition_people.text())

    def set_errors(self, errors) -> None:
        found = {e.field: error_text(e) for e in errors}
        for key, edit in self.edits.items():
            text = found.get(key, "")
            self.errors[key].setText(text)
            self.errors[key].setVisible(bool(text))
            edit.setProperty("invalid", bool(text))
            edit.setStyleSheet(INVALID_STYLE if text else "")

    def error(self, key: str) -> str:
        """The message shown beside a count ("" when there is none)."""
        return "" if self.errors[key].isHidden() else self.errors[key].text()

    def set_editable(self, editable: bool) -> None:
        for w in (self.criminal_check, self.petition_check, self.save_button, self.hint, self.message,
                  *self.errors.values()):
            w.setEnabled(editable)
        for before, after in self._captions:
            before.setEnabled(editable)
            after.setEnabled(editable)
        self.setEnabled(editable)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        on = self.isEnabled()
        self.criminal_people.setEnabled(on and self.criminal_check.isChecked())
        self.petition_people.setEnabled(on and self.petition_check.isChecked())
        self.save_button.setEnabled(on and self.dirty)

    def _on_toggled(self, checked: bool, edit: QLineEdit) -> None:
        if self._loading:
            return
        if checked and not edit.text().strip() and self.default_people > 0:
            edit.setText(str(self.default_people))
        self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self.message.show_notice("info", translate("PreventionBox", "有改动，尚未保存。"))
        self._sync_enabled()
