"""案件受理: registering a dispute case (受理登记) and editing it.

The form autosaves a draft to disk while the user types, so a crash or a power cut loses
nothing; the draft is offered back on the next start and removed once the case is saved.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ..domain.cases import CaseInput, DisputeCase, PartyInput
from ..domain.enums import CaseSource, CaseStatus, DisputeType, PartyRole
from ..domain.errors import FieldError, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.screening import ScreeningAnswers, screen
from ..services.documents import DocumentRefused, DocumentService
from ..services.drafts import DraftStore, case_input_from_dict, case_input_to_dict
from ..services.failures import explain
from ..services.intake import IntakeService, ScreeningBlocked
from .backup_dialog import failure_text
from .history_dialog import HistoryDialog
from .i18n import Retranslating, translate, vtr
from .party_editor import PartyEditor
from .tasks import Task, present_error, run_task
from .widgets import DisputeTypeCombo, EnumCombo, FieldBox, NoticeLabel, error_text

CTX = "IntakeTab"
DRAFT_NAME = "intake"
# Marked for lupdate; translated where the check boxes are labelled (retranslate).
SCREENING_QUESTIONS = (
    ("in_court", QT_TRANSLATE_NOOP("IntakeTab", "该纠纷是否已由人民法院立案受理或作出裁判？")),
    ("in_police", QT_TRANSLATE_NOOP("IntakeTab", "是否已由公安机关或其他行政机关受理或处理？")),
    ("in_arbitration", QT_TRANSLATE_NOOP("IntakeTab", "是否已申请仲裁？")),
    ("criminal", QT_TRANSLATE_NOOP("IntakeTab", "是否涉嫌刑事犯罪？")),
    ("public_security", QT_TRANSLATE_NOOP("IntakeTab", "是否涉及打架斗殴等治安违法行为？")),
    ("party_refuses", QT_TRANSLATE_NOOP("IntakeTab", "是否有当事人明确表示拒绝调解？")),
)


class IntakeTab(Retranslating, QWidget):
    case_saved = Signal(int)

    def __init__(self, intake: IntakeService, drafts: DraftStore, villages: list[str],
                 documents: DocumentService, parent: QWidget | None = None, *, returns=None):
        super().__init__(parent)
        self._intake = intake
        self._returns = returns  # services/exchange/returns_import.ReturnImporter: the 司法所's decisions
        self._documents = documents
        self._drafts = drafts
        self._case_id: int | None = None
        self._case_version = 0
        self._case_number = ""
        self._validated_once = False
        self._loading = False
        self._shown_subtype = ""  # the local type whose name the 类型说明 shows
        self.parties: list[PartyEditor] = []
        self.form_task: Task | None = None  # the 受理登记表 being made

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(800)
        self._autosave_timer.timeout.connect(self.save_draft)
        self._revalidate_timer = QTimer(self)
        self._revalidate_timer.setSingleShot(True)
        self._revalidate_timer.setInterval(300)
        self._revalidate_timer.timeout.connect(self._revalidate)

        self._build(villages)
        self.retranslate()
        self.new_case(confirm=False)

    # -- construction --------------------------------------------------------------------
    def _build(self, villages: list[str]) -> None:
        self.heading_label = QLabel()
        self.heading_label.setObjectName("heading")
        self.heading_label.setStyleSheet("font-size: 13pt; font-weight: bold;")

        self.case_group = QGroupBox()
        grid = QGridLayout(self.case_group)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.case_number_value = QLabel()
        self.case_number_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.received_date_edit = QDateEdit()
        self.received_date_edit.setCalendarPopup(True)
        self.received_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_combo = EnumCombo(CaseSource, placeholder=True)
        self.source_note_edit = QLineEdit()
        self.type_combo = DisputeTypeCombo()
        self.type_note_edit = QLineEdit()
        self.village_combo = QComboBox()
        self.village_combo.setEditable(True)
        self.village_combo.addItems(villages)
        self.village_combo.setCurrentIndex(-1)
        self.group_edit = QLineEdit()
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setTabChangesFocus(True)
        self.facts_edit.setMinimumHeight(80)
        self.facts_edit.setMaximumHeight(140)

        self.case_labels: dict[str, QLabel] = {}
        self.case_boxes: dict[str, FieldBox] = {}
        rows = [
            ("case_number", self.case_number_value, 0, 0, 1), ("received_date", self.received_date_edit, 0, 2, 1),
            ("source", self.source_combo, 1, 0, 1), ("source_note", self.source_note_edit, 1, 2, 1),
            ("dispute_type", self.type_combo, 2, 0, 1), ("dispute_type_note", self.type_note_edit, 2, 2, 1),
            ("village", self.village_combo, 3, 0, 1), ("group", self.group_edit, 3, 2, 1),
            ("facts", self.facts_edit, 4, 0, 3),
        ]
        for key, editor, row, col, span in rows:
            label = QLabel()
            label.setBuddy(editor)
            box = FieldBox(editor)
            grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, col + 1, 1, span)
            self.case_labels[key] = label
            self.case_boxes[key] = box

        self.parties_group = QGroupBox()
        self.parties_layout = QVBoxLayout(self.parties_group)
        self.parties_error = FieldBox(QWidget())
        self.parties_layout.addWidget(self.parties_error)
        self.add_party_button = QPushButton()
        self.parties_layout.addWidget(self.add_party_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.screening_group = QGroupBox()
        screening_layout = QVBoxLayout(self.screening_group)
        self.screening_intro = QLabel()
        self.screening_intro.setWordWrap(True)
        screening_layout.addWidget(self.screening_intro)
        self.screening_checks: dict[str, QCheckBox] = {}
        for key, _text in SCREENING_QUESTIONS:
            check = QCheckBox()
            self.screening_checks[key] = check
            screening_layout.addWidget(check)
        self.screening_notice = NoticeLabel()
        screening_layout.addWidget(self.screening_notice)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addWidget(self.case_group)
        form_layout.addWidget(self.parties_group)
        form_layout.addWidget(self.screening_group)
        form_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(form)

        self.summary_notice = NoticeLabel()
        self.new_button = QPushButton()
        self.print_form_button = QPushButton()
        self.history_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.setStyleSheet("font-weight: bold; padding: 4px 18px;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_notice, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.print_form_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

        self.add_party_button.clicked.connect(lambda: self.add_party())
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(lambda: self.new_case(confirm=True))
        self.print_form_button.clicked.connect(self.make_registration_form)
        self.history_button.clicked.connect(self.show_history)
        for sequence in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, activated=self.save,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for edit in (self.source_note_edit, self.type_note_edit, self.group_edit):
            edit.returnPressed.connect(self.save)
            edit.textChanged.connect(self._on_form_changed)
        self.village_combo.lineEdit().returnPressed.connect(self.save)
        self.village_combo.currentTextChanged.connect(self._on_form_changed)
        self.facts_edit.textChanged.connect(self._on_form_changed)
        self.received_date_edit.dateChanged.connect(self._on_form_changed)
        for combo in (self.source_combo, self.type_combo):
            combo.currentIndexChanged.connect(self._on_form_changed)
            combo.currentIndexChanged.connect(self._update_note_fields)
        for check in self.screening_checks.values():
            check.toggled.connect(self._on_form_changed)

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.case_group.setTitle(translate("IntakeTab", "案件信息"))
        self.parties_group.setTitle(translate("IntakeTab", "当事人（至少两方）"))
        self.screening_group.setTitle(translate("IntakeTab", "受理审查（以法为准）"))
        self.screening_intro.setText(translate("IntakeTab", "逐项询问当事人并勾选。属于法律规定不能调解的，将登记为“不予受理”并告知当事人其他解决途径。"))
        labels = {
            "case_number": translate("IntakeTab", "案号"), "received_date": translate("IntakeTab", "受理日期"), "source": translate("IntakeTab", "案件来源"),
            "source_note": translate("IntakeTab", "来源说明"), "dispute_type": translate("IntakeTab", "纠纷类型"),
            "dispute_type_note": translate("IntakeTab", "类型说明"), "village": translate("IntakeTab", "所属村"), "group": translate("IntakeTab", "村民小组"),
            "facts": translate("IntakeTab", "纠纷简要情况"),
        }
        for key, text in labels.items():
            self.case_labels[key].setText(text)
        self.source_combo.retranslate(translate("IntakeTab", "请选择"))
        self.type_combo.retranslate(translate("IntakeTab", "请选择"))
        self.source_note_edit.setPlaceholderText(translate("IntakeTab", "来源选“其他”时填写，如 网格员上报"))
        self.type_note_edit.setPlaceholderText(translate("IntakeTab", "类型选“其他纠纷”时填写"))
        self.village_combo.lineEdit().setPlaceholderText(translate("IntakeTab", "选择或输入村名"))
        self.group_edit.setPlaceholderText(translate("IntakeTab", "如 3组"))
        self.facts_edit.setPlaceholderText(translate("IntakeTab", "起因、经过、双方争议的焦点"))
        for key, text in SCREENING_QUESTIONS:
            self.screening_checks[key].setText(translate("IntakeTab", text))
        self.add_party_button.setText(translate("IntakeTab", "＋ 增加当事人"))
        self.new_button.setText(translate("IntakeTab", "新建登记"))
        self.print_form_button.setText(translate("IntakeTab", "受理登记表（PDF）"))
        self.history_button.setText(translate("IntakeTab", "修改记录"))
        self.print_form_button.setToolTip(translate("IntakeTab", "生成本案的人民调解受理登记表，打印后由当事人和登记人签名"))
        self.save_button.setText(translate("IntakeTab", "保存（Ctrl+S）"))
        self._update_heading()
        self._update_screening_notice()

    def _update_heading(self) -> None:
        self.print_form_button.setEnabled(self._case_id is not None and not self.making_form)
        self.history_button.setEnabled(self._case_id is not None)
        if self._case_id is None:
            self.heading_label.setText(translate("IntakeTab", "新案件受理登记"))
            self.case_number_value.setText(translate("IntakeTab", "保存时自动生成"))
        else:
            self.heading_label.setText(translate("IntakeTab", "修改案件：{number}").format(number=self._case_number))
            self.case_number_value.setText(self._case_number)

    # -- parties -------------------------------------------------------------------------
    def add_party(self, data: PartyInput | None = None, mask_id: bool = False) -> PartyEditor:
        editor = PartyEditor(len(self.parties))
        if data is not None:
            editor.load_input(data, mask_id=mask_id)
        elif len(self.parties) == 1:
            editor.role_combo.set_current(PartyRole.RESPONDENT)
        editor.changed.connect(self._on_form_changed)
        editor.submit_requested.connect(self.save)
        editor.remove_requested.connect(self._on_party_remove_requested)
        self.parties_layout.insertWidget(self.parties_layout.count() - 1, editor)
        self.parties.append(editor)
        self._on_form_changed()
        return editor

    def _on_party_remove_requested(self, editor: PartyEditor) -> None:
        if editor.has_content():
            answer = QMessageBox.question(
                self, translate("IntakeTab", "移除当事人"),
                translate("IntakeTab", "确定移除“{name}”吗？已填写的内容将不再保存在本案中。").format(
                    name=editor.name_edit.text() or translate("IntakeTab", "当事人{n}").format(n=editor.index + 1)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._remove_party(editor)
        self._on_form_changed()

    def _remove_party(self, editor: PartyEditor) -> None:
        self.parties.remove(editor)
        self.parties_layout.removeWidget(editor)
        editor.hide()  # gone from the screen now, not when the event loop gets to deleteLater
        editor.setParent(None)
        editor.deleteLater()
        for index, other in enumerate(self.parties):
            other.set_index(index)

    def _clear_parties(self) -> None:
        for editor in list(self.parties):
            self._remove_party(editor)

    # -- form <-> data -------------------------------------------------------------------
    def to_input(self) -> CaseInput:
        qdate = self.received_date_edit.date()
        return CaseInput(
            received_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            source=self.source_combo.current(), source_note=self.source_note_edit.text(),
            dispute_type=self.type_combo.current(),
            dispute_type_note=self.type_combo.subtype() or self.type_note_edit.text(),
            village=self.village_combo.currentText(), group=self.group_edit.text(),
            facts=self.facts_edit.toPlainText(), parties=[p.to_input() for p in self.parties],
            screening=ScreeningAnswers(**{k: c.isChecked() for k, c in self.screening_checks.items()}),
        )

    def load_input(self, data: CaseInput, mask_ids: bool = False) -> None:
        self._loading = True
        try:
            day = data.received_date or dt.date.today()
            self.received_date_edit.setDate(QDate(day.year, day.month, day.day))
            self.source_combo.set_current(data.source)
            self.source_note_edit.setText(data.source_note)
            self.type_combo.set_current(data.dispute_type, data.dispute_type_note)
            self.type_note_edit.setText(data.dispute_type_note)
            self.village_combo.setCurrentText(data.village)
            self.group_edit.setText(data.group)
            self.facts_edit.setPlainText(data.facts)
            for key, check in self.screening_checks.items():
                check.setChecked(getattr(data.screening, key))
            self._clear_parties()
            for party in data.parties:
                self.add_party(party, mask_id=mask_ids)
            while len(self.parties) < 2:
                self.add_party()
        finally:
            self._loading = False
        self._autosave_timer.stop()
        self._update_note_fields()
        self._update_screening_notice()
        self.show_errors([])

    def release_form(self) -> bool:
        """Before the form is replaced: unsaved input is set aside as a dated draft, with consent."""
        if not self.is_dirty() or self._loading:
            return True
        answer = QMessageBox.question(
            self, translate("IntakeTab", "未保存的内容"),
            translate("IntakeTab", "受理登记表中有未保存的内容。继续的话，这些内容会另存为草稿（不会丢失），表单将被清空。是否继续？"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._archive_draft()
        return True

    def new_case(self, confirm: bool = True) -> None:
        if confirm and not self.release_form():
            return
        self._case_id, self._case_version, self._case_number = None, 0, ""
        self._validated_once = False
        today = dt.date.today()
        self.received_date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.load_input(CaseInput(received_date=today))
        self._baseline = self.to_input()
        self._update_heading()
        self.summary_notice.hide()

    def load_case(self, case: DisputeCase) -> None:
        """Open a saved case for editing."""
        self._case_id, self._case_version, self._case_number = case.id, case.version, case.case_number or ""
        self._validated_once = False
        self.load_input(CaseInput.from_case(case), mask_ids=True)
        self._baseline = self.to_input()  # what "unchanged" means for this form
        self._autosave_timer.stop()
        self._update_heading()
        self._show_status_of(case)

    def _show_status_of(self, case: DisputeCase) -> None:
        if case.status is CaseStatus.REJECTED:
            self.summary_notice.show_notice("warning", translate("IntakeTab", "本案登记为“不予受理”：") + "\n" + "\n".join(
                translate("Screening", line) for line in case.rejection_reason.splitlines()))
        else:
            self.summary_notice.show_notice("info", translate("IntakeTab", "案件状态：{status}").format(status=vtr(case.status.label)))

    @property
    def current_case_id(self) -> int | None:
        return self._case_id

    @property
    def current_case_number(self) -> str:
        return self._case_number

    def is_dirty(self) -> bool:
        """Typed into since the case (or the empty form) was loaded; a restored draft counts as typed."""
        data = self.to_input()
        baseline = getattr(self, "_baseline", None)
        if baseline is not None:
            return data != baseline
        return bool(data.facts.strip() or data.village.strip() or any(p.has_content() for p in self.parties))

    # -- drafts --------------------------------------------------------------------------
    def _on_form_changed(self, *_args) -> None:
        if self._loading:
            return
        self._update_screening_notice()
        self._autosave_timer.start()
        if self._validated_once:
            self._revalidate_timer.start()

    def save_draft(self) -> None:
        if not self.is_dirty():
            return
        payload = {"case_id": self._case_id, "version": self._case_version, "case_number": self._case_number,
                   "form": case_input_to_dict(self.to_input())}
        try:
            self._drafts.save(DRAFT_NAME, payload)
        except OSError as err:
            found = explain(err, self._drafts.folder)
            self.summary_notice.show_notice("error", translate("IntakeTab", "草稿无法写入磁盘：{error}").format(
                error=failure_text(found) if found else err))

    def _archive_draft(self) -> None:
        """Keep the abandoned form under a dated name rather than throwing it away."""
        self.save_draft()
        self.set_aside_draft()

    def archive_unsaved(self) -> None:
        """Before the data underneath changes (a restore): keep the form as a dated draft."""
        self._autosave_timer.stop()
        self._archive_draft()

    def pending_draft(self):
        return self._drafts.load(DRAFT_NAME)

    def restore_draft(self, payload: dict) -> None:
        self.load_input(case_input_from_dict(payload["form"]))
        self._case_id = payload.get("case_id")
        self._case_version = payload.get("version") or 0
        self._case_number = payload.get("case_number") or ""
        self._update_heading()
        self.summary_notice.show_notice("info", translate("IntakeTab", "已恢复上次未保存的内容，请核对后保存。"))

    def set_aside_draft(self) -> None:
        """The user chose not to restore: keep the file under a dated name, never delete it."""
        self._drafts.set_aside(DRAFT_NAME)

    # -- validation and saving -----------------------------------------------------------
    def _update_note_fields(self) -> None:
        self.source_note_edit.setEnabled(self.source_combo.current() is CaseSource.OTHER)
        subtype = self.type_combo.subtype()
        if subtype:  # a local type: its name is the 类型说明
            self.type_note_edit.setText(subtype)
        elif self.type_note_edit.text() == self._shown_subtype:  # a local type left: its name goes with it
            self.type_note_edit.clear()
        self._shown_subtype = subtype
        self.type_note_edit.setEnabled(self.type_combo.current() is DisputeType.OTHER and not subtype)

    def set_local_types(self, local_types) -> None:
        """The 司法所's local dispute types (纠纷类型细目) to offer under their categories; the case shown keeps
        its type."""
        loading, self._loading = self._loading, True
        note = self.type_note_edit.text()
        try:
            self.type_combo.set_local_types(local_types)
            self.type_note_edit.setText(note)  # a local type no longer offered: the case keeps its 类型说明
            self._shown_subtype = self.type_combo.subtype()
            self._update_note_fields()
        finally:
            self._loading = loading

    def _update_screening_notice(self) -> None:
        answers = ScreeningAnswers(**{k: c.isChecked() for k, c in self.screening_checks.items()})
        result = screen(answers, self.source_combo.current())
        if result.blocks:
            self.screening_notice.show_notice("error", translate("IntakeTab", "不能受理：") + "\n" + "\n".join(
                translate("Screening", b) for b in result.blocks + result.warnings))
        elif result.warnings:
            self.screening_notice.show_notice("warning", translate("IntakeTab", "可以受理，但请注意：") + "\n" + "\n".join(
                translate("Screening", w) for w in result.warnings))
        else:
            self.screening_notice.show_notice("ok", translate("IntakeTab", "未发现不能调解的情形，可以受理。"))

    def _revalidate(self) -> None:
        _case, errors, _screening = self._intake.check(self.to_input())
        self.show_errors(errors)

    def show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, str] = {}
        for error in errors:
            by_field.setdefault(error.field, error_text(error))
        for key, box in self.case_boxes.items():
            box.set_error(by_field.get(key, ""))
        self.parties_error.set_error(by_field.get("parties", ""))
        for index, editor in enumerate(self.parties):
            prefix = f"parties.{index}."
            editor.show_errors({k[len(prefix):]: v for k, v in by_field.items() if k.startswith(prefix)})

    def field_error(self, path: str) -> str:
        """The message shown beside a field right now (tests and screen readers use it)."""
        if path.startswith("parties."):
            _, index, key = path.split(".")
            return self.parties[int(index)].boxes[key].error
        if path == "parties":
            return self.parties_error.error
        return self.case_boxes[path].error

    def _focus_error(self, error: FieldError) -> None:
        if error.field.startswith("parties."):
            _, index, key = error.field.split(".")
            editor = self.parties[int(index)]
            self.scroll.ensureWidgetVisible(editor.boxes[key])
            editor.focus_field(key)
        elif error.field in self.case_boxes:
            self.scroll.ensureWidgetVisible(self.case_boxes[error.field])
            self.case_boxes[error.field].editor.setFocus()

    def save(self) -> DisputeCase | None:
        """Validate, then save in one transaction. Errors are shown beside their fields."""
        self._autosave_timer.stop()
        self.save_draft()  # whatever happens next, what was typed is on disk
        data = self.to_input()
        self._validated_once = True
        try:
            case = self._save(data, accept_rejection=False)
        except ScreeningBlocked as blocked:
            answer = QMessageBox.question(
                self, translate("IntakeTab", "不予受理"),
                translate("IntakeTab", "根据受理审查，本案不能调解：") + "\n\n" + "\n".join(translate("Screening", b) for b in blocked.result.blocks)
                + "\n\n" + translate("IntakeTab", "是否登记为“不予受理”并保存？（记录会保留，便于说明和统计）"))
            if answer != QMessageBox.StandardButton.Yes:
                return None
            case = self._save(data, accept_rejection=True)
        if case is None:
            return None
        self._drafts.discard(DRAFT_NAME)
        self._case_id, self._case_version, self._case_number = case.id, case.version, case.case_number
        self._validated_once = False
        self.load_case(case)
        self.summary_notice.show_notice("ok", translate("IntakeTab", "已保存：{number}").format(number=case.case_number))
        self.case_saved.emit(case.id)
        return case

    def make_registration_form(self) -> Task | None:
        """Make the 受理登记表 of the saved case on a worker thread (ui/tasks.py: it gets the case's id) and
        open it in the system's PDF viewer when it is ready; the button waits meanwhile. Returns the Task
        (None: no saved case, or a form still being made)."""
        if self._case_id is None or self.making_form:
            return None
        self.summary_notice.show_notice("info", translate("IntakeTab", "正在生成受理登记表…"))
        self.form_task = run_task(self._documents.registration_form, self._case_id, owner=self,
                                  name="registration-form", on_done=self._on_form_made,
                                  on_error=self._on_form_failed)
        self._update_heading()
        return self.form_task

    @property
    def making_form(self) -> bool:
        return self.form_task is not None and self.form_task.running

    def _on_form_made(self, path) -> None:
        self._update_heading()
        self.summary_notice.show_notice("ok", translate("IntakeTab", "受理登记表已生成：{path}").format(path=str(path)))
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_form_failed(self, error: BaseException) -> None:
        self._update_heading()
        if isinstance(error, DocumentRefused):
            self.summary_notice.show_notice("warning", translate("Documents", str(error)))
        elif isinstance(error, OSError):
            self.summary_notice.show_notice("error", translate("IntakeTab", "登记表无法写入：{error}").format(error=error))
        else:  # a bug: logged and shown by the app's error presenter
            self.summary_notice.hide()
            present_error(error)

    open_files = True  # tests switch this off: no viewer to launch headless

    def history_dialog(self) -> HistoryDialog | None:
        if self._case_id is None:
            return None
        decisions = self._returns.decisions(self._case_id) if self._returns is not None else []
        return HistoryDialog(self._case_number, self._intake.history(self._case_id), self, decisions=decisions)

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def set_villages(self, villages: list[str]) -> None:
        """Refresh the village list (a new village typed in is added when its case is saved)."""
        current = self.village_combo.currentText()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItems(villages)
        self.village_combo.setCurrentText(current)
        self.village_combo.blockSignals(False)

    def _save(self, data: CaseInput, accept_rejection: bool) -> DisputeCase | None:
        try:
            if self._case_id is None:
                return self._intake.register(data, accept_rejection=accept_rejection)
            return self._intake.update(self._case_id, data, expected_version=self._case_version,
                                       accept_rejection=accept_rejection)
        except ValidationFailed as failed:
            self.show_errors(failed.errors)
            self.summary_notice.show_notice("error", translate("IntakeTab", "有{n}处需要修改，已在对应的项目下用红字标出。")
                                            .format(n=len(failed.errors)))
            self._focus_error(failed.errors[0])
            return None
        except StaleRecord:
            self.summary_notice.show_notice("error", translate(
                "IntakeTab", "这个案件刚被别处修改过。您填写的内容已存为草稿；请重新打开案件后再改。"))
            return None
        except Exception as err:
            # A full disk, a read-only folder, a file held by another program: the form stays as
            # typed (and in its draft), the user is told what to do. Anything else is a bug.
            found = explain(err, self._drafts.folder.parent)
            if found is None:
                raise
            self.summary_notice.show_notice("error", translate("IntakeTab", "没有保存。") + failure_text(found))
            return None
