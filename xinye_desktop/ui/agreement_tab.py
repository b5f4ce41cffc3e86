"""调解协议: the 人民调解协议书 of the open case — draft, check, print (frozen and coded), mark signed,
attach the scan, start a new version, save a copy as PDF or Word.

The panels are one module each in ``ui/agreement/``: the agreement's text (editor_panel, one
clause_editor per term), 制作案卷文书 with the 调解卷宗 (forms_panel), the 口头协议 record that takes the
form's place for an oral agreement (oral_panel), 登记签署 (sign_dialog), what the tab says about each
version (status) and the 验证 dialog (verify_dialog). This tab assembles them and keeps what they share:
the open case, its versions, the one shown, and the draft's autosave."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain.agreement import AgreementInput, AgreementState
from ..domain.errors import Refused, StaleRecord, ValidationFailed
from .agreement.clause_editor import ClauseEditor
from .agreement.common import ask_save_path, run_dialog, set_editable
from .agreement.editor_panel import AgreementEditor
from .agreement.forms_panel import CASE_FORMS, CaseFormsButton
from .agreement.oral_panel import OralRegisterPanel
from .agreement.sign_dialog import SigningDateDialog
from .agreement.status import case_heading, version_label, version_notice
from .agreement.verify_dialog import DOCUMENT_TITLES, VerifyDialog
from .i18n import Retranslating, translate
from .tasks import Task, present_error, run_task
from .widgets import NoticeLabel, error_text

__all__ = ["AgreementTab", "CASE_FORMS", "ClauseEditor", "DOCUMENT_TITLES", "VerifyDialog", "ask_save_path",
           "run_dialog", "set_editable"]


class AgreementTab(Retranslating, QWidget):
    changed = Signal(int)

    def __init__(self, agreements, documents=None, parent=None):
        super().__init__(parent)
        self._agreements = agreements
        self._documents = documents
        self.run_dialog = run_dialog
        self.ask_save_path = ask_save_path
        self._open_files = True
        self.case_id: int | None = None
        self.current = None  # AgreementVersion
        self.versions = []
        self.state = None
        self.parties: list[tuple[int, str]] = []
        self._loading = False
        self._dirty = False
        self.print_task: Task | None = None  # the version being checked, frozen and archived

        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        font = self.case_label.font()
        font.setBold(True)
        self.case_label.setFont(font)
        self.notice = NoticeLabel()
        self.message = NoticeLabel()
        self.warning = NoticeLabel()

        self.editor = AgreementEditor()
        self.editor.edited.connect(self._on_edit)
        self.forms = CaseFormsButton(documents)
        self.forms.about_to_make.connect(self.flush)
        self.forms.reported.connect(self.message.show_notice)
        self.forms.made.connect(self._form_made)
        self.forms.busy_changed.connect(self._show)
        self.oral = OralRegisterPanel()
        self.oral.oral_button.clicked.connect(lambda: self.make_form("oral"))
        self.oral.hide()

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
        copies.addWidget(self.forms)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.oral, 1)
        layout.addLayout(buttons)
        layout.addLayout(copies)

        # The panels' parts under the names the tab has always had (tests and tools/screenshots.py use them).
        self.scroll = self.editor
        for name in ("facts", "issues", "responsibilities", "performance_note", "copies", "boxes", "form",
                     "clause_box", "clause_error", "add_clause_button"):
            setattr(self, name, getattr(self.editor, name))
        self.forms_button, self.forms_menu = self.forms, self.forms.forms_menu
        self.form_actions, self.case_file_action = self.forms.form_actions, self.forms.case_file_action
        self.oral_panel = self.oral
        self.oral_text, self.oral_issued, self.oral_button = self.oral.oral_text, self.oral.oral_issued, self.oral.oral_button

        self._autosave = QTimer(self, singleShot=True, interval=700, timeout=self.flush)
        self.retranslate()
        self.set_case(None)

    # -- the panels' settings and actions, reached through the tab -----------------------------
    @property
    def clauses(self) -> list[ClauseEditor]:
        return self.editor.clauses

    @property
    def open_files(self) -> bool:
        """Show each PDF made for printing (tests and the screenshot tool turn it off)."""
        return self._open_files

    @open_files.setter
    def open_files(self, on: bool) -> None:
        self._open_files = self.forms.open_files = on

    @property
    def choose_retention(self):
        """Asks for the 调解卷宗's 保管期限 (tests answer instead)."""
        return self.forms.choose_retention

    @choose_retention.setter
    def choose_retention(self, ask) -> None:
        self.forms.choose_retention = ask

    def add_clause(self) -> None:
        self.editor.add_clause()

    def to_input(self) -> AgreementInput:
        return self.editor.to_input()

    def make_form(self, key: str):
        return self.forms.make_form(key)

    def make_case_file(self):
        return self.forms.make_case_file()

    # -- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.editor.retranslate()
        self.print_button.setText(translate("AgreementTab", "检查并打印…"))
        self.preview_button.setText(translate("AgreementTab", "查看已打印的协议书"))
        self.new_version_button.setText(translate("AgreementTab", "另起新版本"))
        self.sign_button.setText(translate("AgreementTab", "登记签署…"))
        self.scan_button.setText(translate("AgreementTab", "附上签署件扫描…"))
        self.save_pdf_button.setText(translate("AgreementTab", "协议书另存为PDF…"))
        self.word_button.setText(translate("AgreementTab", "导出可编辑的Word…"))
        self.word_button.setToolTip(translate(
            "AgreementTab", "供需要调整文字的单位使用。Word副本不带核验效力：以本程序打印、存档的协议书为准。"))
        self.forms.retranslate()
        self.oral.retranslate()
        for i, v in enumerate(self.versions):
            if i < self.version_combo.count():
                self.version_combo.setItemText(i, self._version_text(v))
        self._show()

    # -- case -----------------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.message.hide()
        self.flush()
        self.case_id = case_id
        self.forms.set_case(case_id)
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
        self.editor.load(form, self.parties)
        self._show()

    def _can_draft(self) -> bool:
        from ..services.agreements import AGREEMENT_STATUSES

        return self.state is not None and self.state.case.status in AGREEMENT_STATUSES

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
        self.oral.show_issued(issued)

    def _form_made(self, _key: str) -> None:
        if self._oral():
            self._show_oral_issued()

    @property
    def printing(self) -> bool:
        """A version is being printed: the form and the buttons wait for it."""
        return self.print_task is not None and self.print_task.running

    def _editable(self) -> bool:
        return (self.case_id is not None and not self.printing and self._can_draft()
                and (self.current is None or self.current.editable))

    def _show(self) -> None:
        if self.case_id is None or self.state is None:
            self.case_label.setText(case_heading(None))
            self.notice.hide()
        else:
            self.case_label.setText(case_heading(self.state.case))
            self.notice.show_notice(*version_notice(self.current, self.versions, oral=self._oral(),
                                                    can_draft=self._can_draft()))
        oral = self._oral()
        self.oral.setVisible(oral)
        self.editor.setVisible(not oral)
        if oral:
            self._show_oral_issued()
        for b in (self.print_button, self.preview_button, self.sign_button, self.scan_button, self.new_version_button,
                  self.save_pdf_button, self.word_button):
            b.setVisible(not oral)
        self.version_combo.setVisible(self.version_combo.count() > 0)
        editable = self._editable()
        self.editor.set_editable(editable)
        latest = self.versions[-1] if self.versions else None
        idle = not self.printing and not self.forms.binding
        self.print_button.setEnabled(editable and idle)
        self.preview_button.setEnabled(self.current is not None and self.current.pdf_path is not None)
        self.sign_button.setEnabled(idle and self.current is not None and self.current.state is AgreementState.PRINTED)
        self.scan_button.setEnabled(idle and self.current is not None and self.current.state is AgreementState.SIGNED)
        self.new_version_button.setEnabled(idle and latest is not None and latest.state in (
            AgreementState.PRINTED, AgreementState.SIGNED) and self._can_draft())
        self.save_pdf_button.setEnabled(self.current is not None and self.current.pdf_path is not None)
        self.word_button.setEnabled(idle and self.current is not None)
        self.forms.hold(self.printing)

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
        return version_label(v, self.versions)

    def show_errors(self, errors) -> None:
        general = self.editor.show_errors(errors)
        self.message.show_notice("error", translate("AgreementTab", "还不能打印：有{n}处需要补充或修改，见各项下方的红字。").format(
            n=len(errors)) + ("\n" + "\n".join("· " + g for g in general) if general else ""))

    # -- actions ----------------------------------------------------------------------------------------
    def print_agreement(self) -> Task | None:
        """Check, freeze, archive and code the shown draft on a worker thread (ui/tasks.py: the work gets the
        case's id); the frozen version shows, and its PDF opens for printing, when it is done. The form
        and the buttons wait meanwhile. Returns the Task, whose result is the printed version; None when
        nothing was started."""
        if self.printing or self.forms.binding or not self._editable() or not self.flush():
            return None
        if self.current is None:
            self._dirty = True
            self.flush()
        case_id = self.case_id
        self.message.show_notice("info", translate("AgreementTab", "正在生成协议书并存档…"))
        self.print_task = run_task(self._agreements.print_agreement, case_id, owner=self, name="agreement-print",
                                   on_done=lambda printed: self._on_printed(printed, case_id),
                                   on_error=lambda error: self._on_print_failed(error, case_id))
        self._show()
        return self.print_task

    def _on_printed(self, printed, case_id: int) -> None:
        if case_id != self.case_id:  # another case was opened meanwhile: its form stays as it is
            self.changed.emit(case_id)
            self._show()
            return
        self.message.show_notice("ok", translate("AgreementTab", "第{n}版已生成并存档，核验码 {code}。请打印{copies}份。").format(
            n=printed.number, code=printed.code, copies=printed.document["content"]["copies"]))
        self.refresh(keep=printed.id)
        self.changed.emit(self.case_id)
        self.preview()

    def _on_print_failed(self, error: BaseException, case_id: int) -> None:
        self._show()
        if not isinstance(error, (ValidationFailed, Refused, StaleRecord)):
            present_error(error)
        elif case_id != self.case_id:
            return  # nothing was printed; the draft waits in its own case
        elif isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
        else:
            self.message.show_notice("error", translate("Agreement", error.message).format(**error.params)
                                     if isinstance(error, Refused) else translate("AgreementTab", "协议已在别处修改，请重新打开本案。"))

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
        dialog = SigningDateDialog(self)
        if not self.run_dialog(dialog):
            return None
        try:
            signed = self._agreements.mark_signed(self.current.id, dialog.day())
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

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)
