"""调解协议: the 人民调解协议书 of the open case — draft, check, print (frozen and coded), mark signed,
attach the scan, start a new version, save a copy as PDF or Word; the case file's other coded documents
(申请书, 受理登记表, 告知书, 口头协议登记表, 化解处理意见书); and the 验证 dialog for a code on a paper copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout,
    QWidget,
)

from ..domain.agreement import AgreementInput, AgreementState, ClauseInput, PaymentMeans, PaymentMode, parse_amount
from ..domain.errors import Refused, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..services.agreements import version_awaiting, version_in_force
from .i18n import translate, vtr
from .widgets import EnumCombo, FieldBox, NoticeLabel, error_text


def ask_save_path(parent, title: str, suggested: str, file_filter: str) -> str:
    """The file the user chose to save to, or "" when cancelled (tests replace it)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), file_filter)
    return path


# The case file's coded documents offered under 案卷文书, in the MOJ file order.
CASE_FORMS = ("application", "registration", "rights_notice", "oral", "opinion")
# Their titles as stored with each issued document (shown by the 验证 dialog through vtr).
DOCUMENT_TITLES = (QT_TRANSLATE_NOOP("Vocabulary", "人民调解申请书"), QT_TRANSLATE_NOOP("Vocabulary", "人民调解受理登记表"),
                   QT_TRANSLATE_NOOP("Vocabulary", "人民调解当事人权利义务告知书"),
                   QT_TRANSLATE_NOOP("Vocabulary", "人民调解口头协议登记表"), QT_TRANSLATE_NOOP("Vocabulary", "化解处理意见书"))


def set_editable(edit, on: bool) -> None:
    """Text boxes of a frozen version are read-only rather than disabled: the text stays black and
    can be selected and copied (greyed-out text is hard to read on an old office screen)."""
    edit.setReadOnly(not on)
    edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    edit.setProperty("frozen", not on)
    edit.setStyleSheet("" if on else "background: #f4f4f4;")


def run_dialog(dialog) -> bool:
    return bool(dialog.exec())


def _text_edit(height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


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
        self.content = _text_edit(56)
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
        from ..domain.agreement import amount_in_capitals

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


class AgreementTab(QWidget):
    changed = Signal(int)

    def __init__(self, agreements, documents=None, parent=None):
        super().__init__(parent)
        self._agreements = agreements
        self._documents = documents
        self.run_dialog = run_dialog
        self.ask_save_path = ask_save_path
        self.open_files = True
        self.case_id: int | None = None
        self.current = None  # AgreementVersion
        self.parties: list[tuple[int, str]] = []
        self._loading = False
        self._dirty = False

        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        font = self.case_label.font()
        font.setBold(True)
        self.case_label.setFont(font)
        self.notice = NoticeLabel()
        self.message = NoticeLabel()
        self.warning = NoticeLabel()

        self.facts = _text_edit(110)
        self.issues = _text_edit(70)
        self.responsibilities = _text_edit(56)
        self.performance_note = _text_edit(46)
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
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        clause_buttons = QHBoxLayout()
        clause_buttons.addWidget(self.clause_error, 1)
        clause_buttons.addWidget(self.add_clause_button)
        self.clause_layout.addLayout(clause_buttons)

        self.version_combo = QComboBox()
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.version_combo.currentIndexChanged.connect(self._version_chosen)
        self.print_button = QPushButton(clicked=self.print_agreement)
        self.preview_button = QPushButton(clicked=self.preview)
        self.new_version_button = QPushButton(clicked=self.new_version)
        self.sign_button = QPushButton(clicked=self.mark_signed)
        self.scan_button = QPushButton(clicked=self.attach_scan)
        self.save_pdf_button = QPushButton(clicked=lambda: self.save_pdf())
        self.word_button = QPushButton(clicked=lambda: self.export_word())
        # A push button with a menu counts the menu arrow in its width (a QToolButton in instant-popup
        # mode draws the arrow over the last character) and looks like the buttons beside it.
        self.forms_button = QPushButton()
        self.forms_menu = QMenu(self.forms_button)
        self.form_actions = {key: self.forms_menu.addAction("", lambda _checked=False, k=key: self.make_form(k)) for key in CASE_FORMS}
        self.forms_menu.addSeparator()
        self.case_file_action = self.forms_menu.addAction("", lambda: self.make_case_file())
        self.forms_button.setMenu(self.forms_menu)
        self.choose_retention = self._choose_retention
        # A case settled by an oral agreement has no 协议书: its record is the 口头协议登记表.
        self.oral_panel = QFrame()
        self.oral_panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.oral_text = QLabel()
        self.oral_text.setWordWrap(True)
        self.oral_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.oral_issued = QLabel()
        self.oral_issued.setWordWrap(True)
        self.oral_issued.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.oral_button = QPushButton(clicked=lambda: self.make_form("oral"))
        oral_buttons = QHBoxLayout()
        oral_buttons.addWidget(self.oral_button)
        oral_buttons.addStretch(1)
        oral_layout = QVBoxLayout(self.oral_panel)
        oral_layout.addWidget(self.oral_text)
        oral_layout.addWidget(self.oral_issued)
        oral_layout.addLayout(oral_buttons)
        oral_layout.addStretch(1)
        self.oral_panel.hide()
        top = QHBoxLayout()
        top.addWidget(self.case_label, 1)
        top.addWidget(self.version_combo)  # "第N版　state": the state is read there
        buttons = QHBoxLayout()
        for b in (self.print_button, self.preview_button, self.sign_button, self.scan_button, self.new_version_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        copies = QHBoxLayout()
        for b in (self.save_pdf_button, self.word_button):
            copies.addWidget(b)
        copies.addStretch(1)
        copies.addWidget(self.forms_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.oral_panel, 1)
        layout.addLayout(buttons)
        layout.addLayout(copies)

        self._autosave = QTimer(self, singleShot=True, interval=700, timeout=self.flush)
        for edit in (self.facts, self.issues, self.responsibilities, self.performance_note):
            edit.textChanged.connect(self._on_edit)
        self.copies.textEdited.connect(self._on_edit)
        self.retranslate()
        self.set_case(None)

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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
        self.print_button.setText(translate("AgreementTab", "检查并打印…"))
        self.preview_button.setText(translate("AgreementTab", "查看已打印的协议书"))
        self.new_version_button.setText(translate("AgreementTab", "另起新版本"))
        self.sign_button.setText(translate("AgreementTab", "登记签署…"))
        self.scan_button.setText(translate("AgreementTab", "附上签署件扫描…"))
        self.save_pdf_button.setText(translate("AgreementTab", "协议书另存为PDF…"))
        self.word_button.setText(translate("AgreementTab", "导出可编辑的Word…"))
        self.word_button.setToolTip(translate(
            "AgreementTab", "供需要调整文字的单位使用。Word副本不带核验效力：以本程序打印、存档的协议书为准。"))
        self.forms_button.setText(translate("AgreementTab", "制作案卷文书"))
        self.oral_button.setText(translate("AgreementTab", "制作口头协议登记表…"))
        self.oral_text.setText(translate(
            "AgreementTab", "本案调解达成的是口头协议：不制作人民调解协议书，协议自各方当事人达成之日起生效"
            "（人民调解法第二十八条、第三十条）。协议内容取自“法理情调解”“处理”一步的记录，登记在《人民调解口头协议登记表》中："
            "点下面的按钮（或右下角“制作案卷文书”）生成登记表，打印后由人民调解员、记录人签名，加盖调委会印章，入卷存档。"))
        self.forms_button.setToolTip(translate("AgreementTab", "用本案已录入的信息制作案卷所需的其他文书，每页印有核验码"))
        texts = {"application": translate("AgreementTab", "人民调解申请书"),
                 "registration": translate("AgreementTab", "人民调解受理登记表"),
                 "rights_notice": translate("AgreementTab", "当事人权利义务告知书"),
                 "oral": translate("AgreementTab", "人民调解口头协议登记表"),
                 "opinion": translate("AgreementTab", "化解处理意见书")}
        for key, action in self.form_actions.items():
            action.setText(texts[key])
        self.case_file_action.setText(translate("AgreementTab", "整理调解卷宗（一个PDF）…"))
        for i, v in enumerate(getattr(self, "versions", [])):
            if i < self.version_combo.count():
                self.version_combo.setItemText(i, self._version_text(v))
        for editor in getattr(self, "clauses", []):
            editor.retranslate()
        self._number_clauses() if hasattr(self, "clauses") else None
        self._show()

    # -- case -----------------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.message.hide()
        self.flush()
        self.case_id = case_id
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        self._autosave.stop()
        self.versions = self._agreements.versions(self.case_id) if self.case_id is not None else []
        self.state = None
        if self.case_id is not None:
            self.state = self._agreements.case_state(self.case_id)
            self.parties = [(p.id, p.name) for p in self.state.parties]
        self._loading = True
        self.version_combo.blockSignals(True)
        self.version_combo.clear()
        for v in self.versions:
            self.version_combo.addItem(self._version_text(v), v.id)
        if self.versions:
            target = keep if keep is not None else self.versions[-1].id
            self.version_combo.setCurrentIndex(max(self.version_combo.findData(target), 0))
        self.version_combo.blockSignals(False)
        self._loading = False
        self._version_chosen()

    def _version_chosen(self) -> None:
        if self._loading:
            return
        chosen = self.version_combo.currentData()
        self.current = next((v for v in self.versions if v.id == chosen), None)
        form = self.current.form if self.current else (
            self._agreements.starting_form(self.case_id) if self.case_id is not None and self._can_draft() else AgreementInput())
        self._load(form)
        self._show()

    def _can_draft(self) -> bool:
        from ..services.agreements import AGREEMENT_STATUSES

        return self.state is not None and self.state.case.status in AGREEMENT_STATUSES

    def _load(self, form: AgreementInput) -> None:
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
            for box in self.boxes.values():
                box.set_error("")
            self.clause_error.hide()
        finally:
            self._loading = False

    def _add_editor(self, clause: ClauseInput) -> ClauseEditor:
        editor = ClauseEditor(self.parties, clause)
        editor.edited.connect(self._on_edit)
        editor.remove_requested.connect(self.remove_clause)
        self.clause_layout.insertWidget(len(self.clauses), editor)
        self.clauses.append(editor)
        self._number_clauses()
        return editor

    def _number_clauses(self) -> None:
        from PySide6.QtCore import QLocale

        chinese = QLocale().language() == QLocale.Language.Chinese
        numerals = "一二三四五六七八九十"
        for i, editor in enumerate(self.clauses):
            editor.title.setText(translate("AgreementTab", "第{n}条").format(
                n=numerals[i] if chinese and i < 10 else str(i + 1)))

    def add_clause(self) -> None:
        self._add_editor(ClauseInput())
        self._show()
        self._on_edit()

    def remove_clause(self, editor: ClauseEditor) -> None:
        if len(self.clauses) <= 1 or not self._editable():
            return
        self.clauses.remove(editor)
        editor.hide()
        editor.setParent(None)
        editor.deleteLater()
        self._number_clauses()
        self._show()
        self._on_edit()

    def to_input(self) -> AgreementInput:
        return AgreementInput(facts=self.facts.toPlainText(), issues=self.issues.toPlainText(),
                              responsibilities=self.responsibilities.toPlainText(),
                              clauses=[e.to_input() for e in self.clauses], copies_text=self.copies.text(),
                              performance_note=self.performance_note.toPlainText())

    def _oral(self) -> bool:
        """The case ended in an oral agreement and has no written version to show."""
        from ..domain.enums import CaseStatus

        return (self.state is not None and self.state.case.status is CaseStatus.AGREEMENT_ORAL
                and not self.versions)

    def _show_oral_issued(self) -> None:
        from ..documents.case_forms import KIND_ORAL_REGISTER

        issued = None
        if self._documents is not None and self.case_id is not None:
            issued = next((d for d in self._documents.issued(self.case_id) if d.kind == KIND_ORAL_REGISTER), None)
        if issued is None:
            self.oral_issued.setText(translate("AgreementTab", "登记表还没有制作。"))
        else:
            self.oral_issued.setText(translate("AgreementTab", "登记表已于{day}制作（核验码 {code}）：{path}").format(
                day=issued.issued_at.date().isoformat(), code=issued.code,
                path=str(issued.pdf_path) if issued.pdf_path else ""))

    def _editable(self) -> bool:
        return self.case_id is not None and self._can_draft() and (self.current is None or self.current.editable)

    def _show(self) -> None:
        if not hasattr(self, "versions"):
            return
        if self.case_id is None or self.state is None:
            self.case_label.setText(translate("AgreementTab", "没有打开的案件。请在“案件台账”中双击一个案件。"))
            self.notice.hide()
        else:
            in_force, pending = version_in_force(self.versions), version_awaiting(self.versions)
            case = self.state.case
            self.case_label.setText(translate("AgreementTab", "{number}　{title}　状态：{status}").format(
                number=case.case_number, title=case.title, status=vtr(case.status.label)))
            if self._oral():
                self.notice.show_notice("info", translate("AgreementTab", "本案达成口头协议：记入人民调解口头协议登记表。"))
            elif not self._can_draft() and self.current is None:
                self.notice.show_notice("info", translate(
                    "AgreementTab", "调解达成书面协议（或形成化解意见）后，才能在这里制作人民调解协议书。达成口头协议的，用右下角“制作案卷文书”制作口头协议登记表。"))
            elif self.current is None or self.current.state is AgreementState.DRAFT:
                self.notice.show_notice("info", translate(
                    "AgreementTab", "填写的内容自动保存为草稿。检查无误后点“检查并打印”：打印后内容冻结，并在每页印上核验码。"))
            elif self.current.state is AgreementState.PRINTED:
                text = translate(
                    "AgreementTab", "第{n}版已打印（核验码 {code}），等待各方当事人签名、按指印，调解员签名并加盖调委会印章；完成后点“登记签署”。").format(
                    n=self.current.number, code=self.current.code)
                if in_force is not None:
                    text += translate("AgreementTab", "签署前，第{k}版（{day}签署）仍然有效。").format(
                        k=in_force.number, day=in_force.signed_on.isoformat())
                self.notice.show_notice("warning", text)
            elif self.current.state is AgreementState.SIGNED:
                text = translate("AgreementTab", "第{n}版已于{day}签署生效（核验码 {code}）。").format(
                    n=self.current.number, day=self.current.signed_on.isoformat(), code=self.current.code)
                if pending is not None and pending.number > self.current.number:
                    text += translate("AgreementTab", "第{m}版已打印待签，各方签署后取代本版；在此之前本版仍然有效。").format(
                        m=pending.number)
                self.notice.show_notice("ok", text)
            else:
                self.notice.show_notice("info", translate("AgreementTab", "第{n}版已被新版本取代，只能查看。").format(
                    n=self.current.number))
        oral = self._oral()
        self.oral_panel.setVisible(oral)
        self.scroll.setVisible(not oral)
        if oral:
            self._show_oral_issued()
        for b in (self.print_button, self.preview_button, self.sign_button, self.scan_button, self.new_version_button,
                  self.save_pdf_button, self.word_button):
            b.setVisible(not oral)
        self.version_combo.setVisible(self.version_combo.count() > 0)
        editable = self._editable()
        for w in (self.facts, self.issues, self.responsibilities, self.performance_note, self.copies):
            set_editable(w, editable)
        self.add_clause_button.setEnabled(editable)
        for editor in self.clauses:
            editor.set_read_only(not editable)
            editor.remove.setEnabled(editable and len(self.clauses) > 1)
        latest = self.versions[-1] if self.versions else None
        self.print_button.setEnabled(editable)
        self.preview_button.setEnabled(self.current is not None and self.current.pdf_path is not None)
        self.sign_button.setEnabled(self.current is not None and self.current.state is AgreementState.PRINTED)
        self.scan_button.setEnabled(self.current is not None and self.current.state is AgreementState.SIGNED)
        self.new_version_button.setEnabled(latest is not None and latest.state in (
            AgreementState.PRINTED, AgreementState.SIGNED) and self._can_draft())
        self.save_pdf_button.setEnabled(self.current is not None and self.current.pdf_path is not None)
        self.word_button.setEnabled(self.current is not None)
        self.forms_button.setEnabled(self.case_id is not None and self._documents is not None)

    # -- saving ---------------------------------------------------------------------------------------
    def _on_edit(self) -> None:
        if self._loading or not self._editable():
            return
        self._dirty = True
        self._autosave.start()

    def flush(self) -> bool:
        self._autosave.stop()
        if not self._dirty or self.case_id is None:
            return True
        try:
            self.current = self._agreements.save_draft(self.case_id, self.to_input())
        except (Refused, StaleRecord) as err:
            self.message.show_notice("error", translate("Agreement", err.message).format(**err.params)
                                     if isinstance(err, Refused) else translate("AgreementTab", "协议已在别处修改，请重新打开本案。"))
            return False
        self._dirty = False
        if self.version_combo.count() == 0:  # the first save made version 1: list it, keep the form as typed
            self.versions = [self.current]
            self._loading = True
            self.version_combo.blockSignals(True)
            self.version_combo.addItem(self._version_text(self.current), self.current.id)
            self.version_combo.blockSignals(False)
            self._loading = False
            self._show()
        return True

    def _version_text(self, v) -> str:
        """第1版　已签署生效（现行有效）, 第2版　已打印待签（签署后取代第1版）: while a changed version
        waits for signatures, the signed one stays in force, and the list says which is which."""
        text = translate("AgreementTab", "第{n}版　{state}").format(n=v.number, state=vtr(v.state.label))
        versions = getattr(self, "versions", [])
        in_force, pending = version_in_force(versions), version_awaiting(versions)
        if in_force is not None and pending is not None and pending.number > in_force.number:
            if v.id == in_force.id:
                text += translate("AgreementTab", "（现行有效）")
            elif v.id == pending.id:
                text += translate("AgreementTab", "（签署后取代第{k}版）").format(k=in_force.number)
        return text

    def show_errors(self, errors) -> None:
        for box in self.boxes.values():
            box.set_error("")
        for editor in self.clauses:
            for box in editor.boxes.values():
                box.set_error("")
        self.clause_error.hide()
        general = []
        for error in errors:
            text = error_text(error)
            if error.field in self.boxes:
                self.boxes[error.field].set_error(text)
            elif error.field.startswith("clauses."):
                _, index, key = error.field.split(".")
                editor = self.clauses[int(index)]
                key = "amount" if key == "amount" else key
                if key in editor.boxes and not editor.boxes[key].error:
                    editor.boxes[key].set_error(text)
            elif error.field == "clauses":
                self.clause_error.setText(text)
                self.clause_error.show()
            else:
                general.append(text)
        self.message.show_notice("error", translate("AgreementTab", "还不能打印：有{n}处需要补充或修改，见各项下方的红字。").format(
            n=len(errors)) + ("\n" + "\n".join("· " + g for g in general) if general else ""))

    # -- actions ----------------------------------------------------------------------------------------
    def print_agreement(self):
        if not self._editable() or not self.flush():
            return None
        if self.current is None:
            self._dirty = True
            self.flush()
        try:
            printed = self._agreements.print_agreement(self.case_id)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            return None
        except (Refused, StaleRecord) as err:
            self.message.show_notice("error", translate("Agreement", err.message).format(**err.params)
                                     if isinstance(err, Refused) else translate("AgreementTab", "协议已在别处修改，请重新打开本案。"))
            return None
        self.message.show_notice("ok", translate("AgreementTab", "第{n}版已生成并存档，核验码 {code}。请打印{copies}份。").format(
            n=printed.number, code=printed.code, copies=printed.document["content"]["copies"]))
        self.refresh(keep=printed.id)
        self.changed.emit(self.case_id)
        self.preview()
        return printed

    def preview(self) -> None:
        if self.current is None or self.current.pdf_path is None or not self.open_files:
            return
        from .pdf_preview import PdfPreviewDialog

        copies = (self.current.document or {}).get("content", {}).get("copies", 1)
        dialog = PdfPreviewDialog(self.current.pdf_path, translate("AgreementTab", "人民调解协议书"), self, copies=copies)
        dialog.exec()

    def new_version(self):
        try:
            draft = self._agreements.new_version(self.case_id)
        except Refused as refused:
            self.message.show_notice("error", translate("Agreement", refused.message).format(**refused.params))
            return None
        self.message.show_notice("ok", translate(
            "AgreementTab", "已另起第{n}版草稿；旧版本保留。已签署的旧版本在新版本签署前仍然有效，新版本签署后标为“已被取代”。").format(
            n=draft.number))
        self.refresh(keep=draft.id)
        return draft

    def mark_signed(self):
        if self.current is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(translate("AgreementTab", "登记签署"))
        date = QDateEdit(QDate.currentDate())
        date.setCalendarPopup(True)
        date.setDisplayFormat("yyyy-MM-dd")
        date.setMaximumDate(QDate.currentDate())
        layout = QVBoxLayout(dialog)
        intro = QLabel(translate("AgreementTab", "各方当事人签名（盖章或按指印）、人民调解员签名并加盖调委会印章的日期，即协议生效之日（人民调解法第二十九条）。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(translate("AgreementTab", "签署日期"), date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.date_edit = date
        if not self.run_dialog(dialog):
            return None
        day = date.date().toPython()
        try:
            signed = self._agreements.mark_signed(self.current.id, day)
        except ValidationFailed as failed:
            self.message.show_notice("error", "\n".join(error_text(e) for e in failed.errors))
            return None
        except Refused as refused:
            self.message.show_notice("error", translate("Agreement", refused.message).format(**refused.params))
            return None
        self.refresh(keep=signed.id)
        self.changed.emit(self.case_id)
        return signed

    def attach_scan(self, path=None):
        if self.current is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("AgreementTab", "选择签署件的扫描件或照片"), "",
                                                  translate("AgreementTab", "图片或PDF (*.jpg *.jpeg *.png *.pdf)"))
            if not path:
                return None
        try:
            version = self._agreements.attach_scan(self.current.id, path)
        except (Refused, OSError) as err:
            self.message.show_notice("error", translate("Agreement", err.message).format(**err.params)
                                     if isinstance(err, Refused) else str(err))
            return None
        self.message.show_notice("ok", translate("AgreementTab", "签署件已存档：{path}").format(path=str(version.scan_path)))
        self.refresh(keep=version.id)
        return version

    def save_pdf(self, target: str | None = None):
        """Copy the archived PDF of the shown version where the user wants it (a USB stick, the desktop)."""
        if self.current is None or self.current.pdf_path is None:
            return None
        case = self.state.case
        suggested = f"人民调解协议书-{case.case_number}-第{self.current.number}版.pdf"
        target = target or self.ask_save_path(self, translate("AgreementTab", "协议书另存为PDF"), suggested,
                                              translate("AgreementTab", "PDF文件 (*.pdf)"))
        if not target:
            return None
        target = Path(target).with_suffix(".pdf") if Path(target).suffix.lower() != ".pdf" else Path(target)
        try:
            shutil.copyfile(self.current.pdf_path, target)
        except OSError as err:
            self.message.show_notice("error", translate("AgreementTab", "无法保存到 {path}：{error}").format(
                path=str(target), error=err.strerror or str(err)))
            return None
        self.message.show_notice("ok", translate("AgreementTab", "已另存为：{path}").format(path=str(target)))
        return target

    def export_word(self, target: str | None = None):
        """An editable .docx of the shown version, for offices that must adjust the wording."""
        if self.current is None or not self.flush():
            return None
        case = self.state.case
        suggested = f"人民调解协议书-{case.case_number}-第{self.current.number}版.docx"
        target = target or self.ask_save_path(self, translate("AgreementTab", "导出Word"), suggested,
                                              translate("AgreementTab", "Word文档 (*.docx)"))
        if not target:
            return None
        target = Path(target) if Path(target).suffix.lower() == ".docx" else Path(target).with_suffix(".docx")
        try:
            self._agreements.export_docx(self.current.id, target)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            self.message.show_notice("error", translate("AgreementTab", "还不能导出：有{n}处需要补充或修改，见各项下方的红字。").format(
                n=len(failed.errors)))
            return None
        except Refused as refused:
            self.message.show_notice("error", translate("Agreement", refused.message).format(**refused.params))
            return None
        except OSError as err:
            self.message.show_notice("error", translate("AgreementTab", "无法保存到 {path}：{error}").format(
                path=str(target), error=err.strerror or str(err)))
            return None
        self.message.show_notice("ok", translate(
            "AgreementTab", "已导出Word：{path}。Word副本改动后不再与核验码相符，签署以打印的协议书为准。").format(path=str(target)))
        return target

    def make_form(self, key: str):
        """Make one of the case file's coded documents from what was entered, archive it in the case's
        folder, record its code, and show it for printing. Returns (path, code) or None."""
        from ..services.documents import DocumentRefused

        if self.case_id is None or self._documents is None:
            return None
        self.flush()
        make = {"application": self._documents.application_form, "rights_notice": self._documents.rights_notice,
                "oral": self._documents.oral_agreement_register, "opinion": self._documents.resolution_opinion}
        try:
            if key == "registration":
                path = self._documents.registration_form(self.case_id)
                code = next((d.code for d in self._documents.issued(self.case_id) if d.kind == "registration"), "")
            else:
                path, code = make[key](self.case_id)
        except DocumentRefused as refused:
            self.message.show_notice("warning", translate("Documents", str(refused)))
            return None
        except OSError as err:
            self.message.show_notice("error", translate("AgreementTab", "文书无法写入数据文件夹：{error}").format(
                error=err.strerror or str(err)))
            return None
        title = self.form_actions[key].text()
        if self._oral():
            self._show_oral_issued()
        self.message.show_notice("ok", translate("AgreementTab", "{title}已生成并存档，核验码 {code}：{path}").format(
            title=title, code=code, path=str(path)))
        if self.open_files:
            from .pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, title, self).exec()
        return path, code

    def _choose_retention(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        from ..documents.case_file import RETENTIONS

        shown = [translate("AgreementTab", "永久"), translate("AgreementTab", "长期（60年）"),
                 translate("AgreementTab", "短期（30年）")]
        chosen, ok = QInputDialog.getItem(self, translate("AgreementTab", "整理调解卷宗"), translate(
            "AgreementTab", "保管期限（根据纠纷类型、协议内容和当事人实际情况确定）："), shown, 1, False)
        return RETENTIONS[shown.index(chosen)] if ok else None

    def make_case_file(self):
        """Bind the case's 调解卷宗: cover, 卷内目录, every document in the MOJ order, back cover."""
        from ..services.documents import DocumentRefused

        if self.case_id is None or self._documents is None:
            return None
        self.flush()
        retention = self.choose_retention()
        if retention is None:
            return None
        try:
            path, pages = self._documents.case_file(self.case_id, retention)
        except DocumentRefused as refused:
            self.message.show_notice("warning", translate("Documents", str(refused)))
            return None
        except OSError as err:
            self.message.show_notice("error", translate("AgreementTab", "文书无法写入数据文件夹：{error}").format(
                error=err.strerror or str(err)))
            return None
        self.message.show_notice("ok", translate(
            "AgreementTab", "调解卷宗已整理：共{pages}页文书（另有封面、卷内目录和封底），保管期限{retention}：{path}").format(
            pages=pages, retention=vtr(retention), path=str(path)))
        if self.open_files:
            from .pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, translate("AgreementTab", "调解卷宗"), self).exec()
        return path, pages

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)


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
            from ..services.agreements import verification_lines

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
