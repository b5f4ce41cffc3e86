"""The text of one version of the 人民调解协议书: 纠纷主要事实, 争议事项, 各方责任, the agreed terms
(第N条, one ClauseEditor each), 履行方式 and 份数, with each field's error shown beneath it.

The panel knows nothing of versions or saving: the tab loads a version's form into it, reads it back
with ``to_input()`` when ``edited`` fires, and says whether it may be changed (``set_editable``)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, \
    QScrollArea, QVBoxLayout, QWidget

from ...domain.agreement import AgreementInput, ClauseInput
from ..i18n import translate
from ..widgets import FieldBox, error_text
from .clause_editor import ClauseEditor
from .common import set_editable, text_edit


class AgreementEditor(QScrollArea):
    """The agreement's fields in a scrolling form."""

    edited = Signal()  # the user changed something (not emitted while a version is being loaded)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.parties: list[tuple[int, str]] = []
        self._loading = False
        self._editable = False
        self.facts = text_edit(110)
        self.issues = text_edit(70)
        self.responsibilities = text_edit(56)
        self.performance_note = text_edit(46)
        self.copies = QLineEdit()
        self.boxes = {"facts": FieldBox(self.facts), "issues": FieldBox(self.issues),
                      "responsibilities": FieldBox(self.responsibilities),
                      "performance_note": FieldBox(self.performance_note), "copies": FieldBox(self.copies)}
        self.clause_box = QGroupBox()
        self.clause_layout = QVBoxLayout(self.clause_box)
        self.clause_error = QLabel()
        self.clause_error.setStyleSheet("color:#b00020;")
        self.clause_error.hide()
        self.add_clause_button = QPushButton(clicked=self.add_clause)
        self.clauses: list[ClauseEditor] = []
        self.form = QFormLayout()
        for key in ("facts", "issues", "responsibilities"):
            self.form.addRow(QLabel(), self.boxes[key])
        self.form.addRow(QLabel(), self.clause_box)
        self.form.addRow(QLabel(), self.boxes["performance_note"])
        self.form.addRow(QLabel(), self.boxes["copies"])
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(self.form)
        inner_layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)
        clause_buttons = QHBoxLayout()
        clause_buttons.addWidget(self.clause_error, 1)
        clause_buttons.addWidget(self.add_clause_button)
        self.clause_layout.addLayout(clause_buttons)
        for edit in (self.facts, self.issues, self.responsibilities, self.performance_note):
            edit.textChanged.connect(self._on_edit)
        self.copies.textEdited.connect(self._on_edit)
        self.retranslate()

    def retranslate(self) -> None:
        labels = {"facts": translate("AgreementTab", "纠纷主要事实 *"), "issues": translate("AgreementTab", "争议事项 *"),
                  "responsibilities": translate("AgreementTab", "各方责任"),
                  "performance_note": translate("AgreementTab", "履行方式、时限（补充）"),
                  "copies": translate("AgreementTab", "份数")}
        for key, text in labels.items():
            self.form.labelForField(self.boxes[key]).setText(text)
        self.form.labelForField(self.clause_box).setText(translate("AgreementTab", "协议内容 *"))
        self.clause_box.setTitle(translate("AgreementTab", "经调解，自愿达成如下协议："))
        self.copies.setPlaceholderText(translate("AgreementTab", "不填则为当事人数加一"))
        self.add_clause_button.setText(translate("AgreementTab", "添加一条"))
        for editor in self.clauses:
            editor.retranslate()
        self._number_clauses()

    # -- the form ---------------------------------------------------------------------------------
    def load(self, form: AgreementInput, parties: list[tuple[int, str]]) -> None:
        """Show ``form``, its terms offering ``parties`` (id, name) as who owes and who receives."""
        self.parties = parties
        self._loading = True
        try:
            self.facts.setPlainText(form.facts)
            self.issues.setPlainText(form.issues)
            self.responsibilities.setPlainText(form.responsibilities)
            self.performance_note.setPlainText(form.performance_note)
            self.copies.setText(form.copies_text)
            for editor in self.clauses:
                editor.hide()
                editor.setParent(None)
                editor.deleteLater()
            self.clauses = []
            for clause in form.clauses or [ClauseInput()]:
                self._add_editor(clause)
            self.clear_errors()
        finally:
            self._loading = False

    def to_input(self) -> AgreementInput:
        return AgreementInput(facts=self.facts.toPlainText(), issues=self.issues.toPlainText(),
                              responsibilities=self.responsibilities.toPlainText(),
                              clauses=[e.to_input() for e in self.clauses], copies_text=self.copies.text(),
                              performance_note=self.performance_note.toPlainText())

    def set_editable(self, editable: bool) -> None:
        """A draft may be changed; a printed, signed or superseded version is read-only."""
        self._editable = editable
        for w in (self.facts, self.issues, self.responsibilities, self.performance_note, self.copies):
            set_editable(w, editable)
        self.add_clause_button.setEnabled(editable)
        for editor in self.clauses:
            editor.set_read_only(not editable)
            editor.remove.setEnabled(editable and len(self.clauses) > 1)

    # -- the terms --------------------------------------------------------------------------------
    def _add_editor(self, clause: ClauseInput) -> ClauseEditor:
        editor = ClauseEditor(self.parties, clause)
        editor.edited.connect(self._on_edit)
        editor.remove_requested.connect(self.remove_clause)
        self.clause_layout.insertWidget(len(self.clauses), editor)
        self.clauses.append(editor)
        self._number_clauses()
        return editor

    def _number_clauses(self) -> None:
        chinese = QLocale().language() == QLocale.Language.Chinese
        numerals = "一二三四五六七八九十"
        for i, editor in enumerate(self.clauses):
            editor.title.setText(translate("AgreementTab", "第{n}条").format(
                n=numerals[i] if chinese and i < 10 else str(i + 1)))

    def add_clause(self) -> None:
        self._add_editor(ClauseInput())
        self.set_editable(self._editable)
        self._on_edit()

    def remove_clause(self, editor: ClauseEditor) -> None:
        if len(self.clauses) <= 1 or not self._editable:
            return
        self.clauses.remove(editor)
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        self._number_clauses()
        self.set_editable(self._editable)
        self._on_edit()

    def _on_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    # -- errors -----------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        for editor in self.clauses:
            for box in editor.boxes.values():
                box.set_error("")
        self.clause_error.hide()

    def show_errors(self, errors) -> list[str]:
        """Each error beneath its field (the first one per field of a term); returns the texts of those
        that belong to no field, for the tab's message."""
        self.clear_errors()
        general = []
        for error in errors:
            text = error_text(error)
            if error.field in self.boxes:
                self.boxes[error.field].set_error(text)
            elif error.field.startswith("clauses."):
                _, index, key = error.field.split(".")
                editor = self.clauses[int(index)]
                if key in editor.boxes and not editor.boxes[key].error:
                    editor.boxes[key].set_error(text)
            elif error.field == "clauses":
                self.clause_error.setText(text)
                self.clause_error.show()
            else:
                general.append(text)
        return general
