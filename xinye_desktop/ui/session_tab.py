"""法理情调解: the guided sitting, step by step, with what is still missing always in view.

The steps and their rules live in domain/session.py; this tab only shows them. Everything typed is
saved to the database shortly after typing stops (and at once when leaving the tab or the case), so
a crash or a power cut loses at most the last moment's keystrokes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QScrollArea, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from ..domain.errors import Refused, StaleRecord, ValidationFailed
from ..domain.prevention import CRIMINAL_LABEL, PETITION_LABEL, PreventionInput, suggest_prevention
from ..domain.session import (
    LEGAL_BASIS, MOODS, Evidence, Outcome, ReasonPoint, Route, SittingData, Step, Verdict, evaluate, rights_notice_text,
)
from ..domain.text import TextError, parse_date
from .i18n import join_list, translate, vtr
from .prevention_box import PreventionBox
from .widgets import Cell, NoticeLabel, RowsModel, rows_view

def _tri(combo: QComboBox, unknown: str, yes: str, no: str) -> None:
    """A three-way answer: not asked yet / yes / no."""
    current = combo.currentData() if combo.count() else None
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(unknown, None)
    combo.addItem(yes, True)
    combo.addItem(no, False)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)


def _set_tri(combo: QComboBox, value: bool | None) -> None:
    combo.setCurrentIndex({None: 0, True: 1, False: 2}[value])


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def _mood_combo() -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("")
    for mood in MOODS:
        combo.addItem(vtr(mood), mood)
    return combo


def _mood_value(combo: QComboBox) -> str:
    index = combo.findText(combo.currentText())
    return (combo.itemData(index) if index > 0 else None) or combo.currentText().strip()


def _set_mood(combo: QComboBox, value: str) -> None:
    index = combo.findData(value) if value else 0
    combo.setCurrentIndex(index) if index >= 0 else combo.setCurrentText(value)


class StepPage(QWidget):
    """One step: guidance on top, the fields, and what is still missing below."""

    edited = Signal()

    def __init__(self, step: Step, parent=None):
        super().__init__(parent)
        self.step = step
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet("background:#f3f6fa; padding:6px; border-radius:4px;")
        self.body = QVBoxLayout()
        self.missing = NoticeLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.guide)
        layout.addLayout(self.body)
        layout.addWidget(self.missing)
        layout.addStretch(1)

    def watch(self, *widgets) -> None:
        """Every change of these widgets counts as an edit (saved shortly after)."""
        for w in widgets:
            if isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self.edited)
            elif isinstance(w, QLineEdit):
                w.textEdited.connect(self.edited)
            elif isinstance(w, QComboBox):
                w.currentIndexChanged.connect(self.edited)
                if w.isEditable():
                    w.editTextChanged.connect(self.edited)
            elif isinstance(w, (QCheckBox, QRadioButton)):
                w.toggled.connect(self.edited)

    def show_missing(self, messages) -> None:
        if messages:
            self.missing.show_notice("warning", translate("SessionTab", "这一步还需要：") + "\n" + "\n".join(
                "· " + m.text(lambda s: translate("Session", s)) for m in messages))
        else:
            self.missing.show_notice("ok", translate("SessionTab", "这一步已完成。"))


class SessionTab(QWidget):
    changed = Signal(int)  # the case's status may have changed
    prevention_changed = Signal(int)  # the case's 防止激化 figures were saved (the report counts them)

    def __init__(self, sessions, documents=None, parent=None):
        super().__init__(parent)
        self._sessions = sessions
        self._documents = documents
        self.open_files = True
        self.case_id: int | None = None
        self.overview = None
        self.sitting = None  # the Sitting shown
        self.data: SittingData | None = None
        self._loading = False
        self._dirty = False

        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        font = self.case_label.font()
        font.setBold(True)
        self.case_label.setFont(font)
        self.sitting_combo = QComboBox()
        self.sitting_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.start_button = QPushButton(clicked=self.start_sitting)
        self.notice = NoticeLabel()
        self.message = NoticeLabel()

        self.step_model = RowsModel([""])
        self.step_view = rows_view(self.step_model)
        self.step_view.horizontalHeader().hide()
        self.step_view.setMinimumWidth(150)
        self.step_view.setMaximumWidth(230)
        self.step_view.clicked.connect(lambda index: self.go_to(list(Step)[index.row()]))

        self.pages: dict[Step, StepPage] = {}
        self.stack = QStackedWidget()
        self._build_pages()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.stack)
        self.scroll = scroll

        self.prev_button = QPushButton(clicked=lambda: self._step_by(-1))
        self.next_button = QPushButton(clicked=lambda: self._step_by(1))
        self.record_button = QPushButton(clicked=self.make_record)
        self.finish_button = QPushButton(clicked=self.finish_sitting)
        self.finish_label = QLabel()
        self.finish_label.setWordWrap(True)
        self.finish_label.setStyleSheet("color:#7a4a00;")

        top = QHBoxLayout()
        top.addWidget(self.case_label, 1)
        self.sitting_label = QLabel()
        top.addWidget(self.sitting_label)
        top.addWidget(self.sitting_combo)
        top.addWidget(self.start_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.step_view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.finish_label, 1)
        bottom.addWidget(self.record_button)
        bottom.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._autosave = QTimer(self, singleShot=True, interval=600, timeout=self.flush)
        self.sitting_combo.currentIndexChanged.connect(self._sitting_chosen)
        self.retranslate()
        self.set_case(None)

    # -- pages ----------------------------------------------------------------------------
    def _build_pages(self) -> None:
        for step in Step:
            page = StepPage(step)
            page.edited.connect(self._on_edit)
            self.pages[step] = page
            self.stack.addWidget(page)
        self._build_opening()
        self._build_statements()
        self._build_law()
        self._build_reason()
        self._build_feeling()
        self._build_witness()
        self._build_outcome()

    def _build_opening(self) -> None:
        page = self.pages[Step.OPENING]
        self.held_on = QLineEdit()
        self.place = QLineEdit()
        self.public = QComboBox()
        self.public_reason = QLineEdit()
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.attendees = QLineEdit()
        self.notice_button = QPushButton(clicked=self.show_rights_notice)
        self.notice_read = QCheckBox()
        form = QFormLayout()
        self.opening_form = form
        form.addRow(QLabel(), self.held_on)
        form.addRow(QLabel(), self.place)
        form.addRow(QLabel(), self.public)
        form.addRow(QLabel(), self.public_reason)
        form.addRow(QLabel(), self.people_label)
        form.addRow(QLabel(), self.attendees)
        row = QHBoxLayout()
        row.addWidget(self.notice_button)
        row.addWidget(self.notice_read, 1)
        form.addRow(QLabel(), row)
        page.body.addLayout(form)
        self.party_box = QGroupBox()
        self.party_grid = QGridLayout(self.party_box)
        page.body.addWidget(self.party_box)
        self.party_widgets: dict[int, dict] = {}
        page.watch(self.held_on, self.place, self.public, self.public_reason, self.attendees, self.notice_read)

    def _build_statements(self) -> None:
        page = self.pages[Step.STATEMENTS]
        self.statement_box = QWidget()
        self.statement_layout = QVBoxLayout(self.statement_box)
        self.statement_layout.setContentsMargins(0, 0, 0, 0)
        page.body.addWidget(self.statement_box)
        self.evidence_box = QGroupBox()
        inner = QVBoxLayout(self.evidence_box)
        self.evidence_grid = QGridLayout()
        inner.addLayout(self.evidence_grid)
        self.add_evidence_button = QPushButton(clicked=self.add_evidence)
        row = QHBoxLayout()
        row.addWidget(self.add_evidence_button)
        row.addStretch(1)
        inner.addLayout(row)
        page.body.addWidget(self.evidence_box)
        self.evidence_rows: list[dict] = []

    def _build_law(self) -> None:
        page = self.pages[Step.LAW]
        self.within_scope = QComboBox()
        self.legal_basis = _text_edit(90)
        self.basis_suggestions = QComboBox()
        self.basis_suggestions.activated.connect(self._insert_basis)
        self.harms_none = QComboBox()
        self.corrections = _text_edit(60)
        form = QFormLayout()
        self.law_form = form
        form.addRow(QLabel(), self.within_scope)
        form.addRow(QLabel(), self.basis_suggestions)
        form.addRow(QLabel(), self.legal_basis)
        form.addRow(QLabel(), self.harms_none)
        form.addRow(QLabel(), self.corrections)
        page.body.addLayout(form)
        page.watch(self.within_scope, self.legal_basis, self.harms_none, self.corrections)

    def _build_reason(self) -> None:
        page = self.pages[Step.REASON]
        grid = QGridLayout()
        self.reason_widgets: dict[ReasonPoint, tuple[QLabel, QComboBox, QLineEdit]] = {}
        for row, point in enumerate(ReasonPoint):
            label, combo, note = QLabel(), QComboBox(), QLineEdit()
            self.reason_widgets[point] = (label, combo, note)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(note, row, 2)
            page.watch(combo, note)
        grid.setColumnStretch(2, 1)
        page.body.addLayout(grid)

    def _build_feeling(self) -> None:
        page = self.pages[Step.FEELING]
        self.feeling_box = QWidget()
        self.feeling_layout = QVBoxLayout(self.feeling_box)
        self.feeling_layout.setContentsMargins(0, 0, 0, 0)
        page.body.addWidget(self.feeling_box)

    def _build_witness(self) -> None:
        page = self.pages[Step.WITNESS]
        self.witness_box = QWidget()
        self.witness_layout = QVBoxLayout(self.witness_box)
        self.witness_layout.setContentsMargins(0, 0, 0, 0)
        self.no_witness = QCheckBox()
        page.body.addWidget(self.witness_box)
        page.body.addWidget(self.no_witness)
        page.watch(self.no_witness)
        self.witness_edits: list[QPlainTextEdit] = []

    def _build_outcome(self) -> None:
        page = self.pages[Step.OUTCOME]
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[Outcome, QRadioButton] = {}
        box = QGroupBox()
        self.outcome_box = box
        grid = QGridLayout(box)
        for i, outcome in enumerate(Outcome):
            button = QRadioButton()
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            grid.addWidget(button, i // 3, i % 3)
            page.watch(button)
        page.body.addWidget(box)
        self.outcome_text = _text_edit(80)
        self.termination_reason = _text_edit(60)
        self.route_boxes = {route: QCheckBox() for route in Route}
        routes = QHBoxLayout()
        for box_ in self.route_boxes.values():
            routes.addWidget(box_)
        routes.addStretch(1)
        self.risk = QCheckBox()
        self.risk_note = QLineEdit()
        self.police_informed = QCheckBox()
        form = QFormLayout()
        self.outcome_form = form
        form.addRow(QLabel(), self.outcome_text)
        form.addRow(QLabel(), self.termination_reason)
        form.addRow(QLabel(), routes)
        form.addRow(QLabel(), self.risk)
        form.addRow(QLabel(), self.risk_note)
        form.addRow(QLabel(), self.police_informed)
        page.body.addLayout(form)
        page.watch(self.outcome_text, self.termination_reason, self.risk, self.risk_note, self.police_informed,
                   *self.route_boxes.values())
        # Case-wide, not part of the sitting's record: saved by its own button, editable after the end.
        self.prevention_box = PreventionBox()
        self.prevention_box.save_requested.connect(self.save_prevention)
        page.body.addWidget(self.prevention_box)

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.sitting_label.setText(translate("SessionTab", "调解次数："))
        self.prev_button.setText(translate("SessionTab", "上一步"))
        self.next_button.setText(translate("SessionTab", "下一步"))
        self.record_button.setText(translate("SessionTab", "生成调解记录（PDF）"))
        self.finish_button.setText(translate("SessionTab", "结束本次调解…"))
        guides = {
            Step.OPENING: translate("SessionTab", "主持人宣布“调解程序现在开始”。核对到场人员，询问是否公开调解，宣读当事人权利义务告知，请每位当事人确认听清，并再次询问是否自愿调解——有一方明确不愿调解的，不能继续（人民调解法第十七条）。"),
            Step.STATEMENTS: translate("SessionTab", "请各方当事人依次陈述事实和请求，不打断、不评判。记下提交的证据，并注明是否已核对。"),
            Step.LAW: translate("SessionTab", "以法为准：主持人（联村干警）确认纠纷属于人民调解范围，说明依据的法律和政策，并确认拟定的处理意见不损害任何一方的合法权益、第三人利益和公共利益；有不妥的，当场纠正。"),
            Step.REASON: translate("SessionTab", "以理为基：请明白人结合村风民俗和生产生活惯例评理，逐项说明处理意见是否公平公正、合乎常理、符合道德准则、生产惯例和生活习俗。"),
            Step.FEELING: translate("SessionTab", "以情为引：记下每位当事人开始和结束时的情绪，以及明白人如何疏导心结。"),
            Step.WITNESS: translate("SessionTab", "见证人（相关职能部门）对属于本部门的事项当场作出承诺或答复，记下内容和作出人。"),
            Step.OUTCOME: translate("SessionTab", "处理：达成书面协议的，到“调解协议”中制作协议书；达成口头协议或形成化解意见的，写明内容；调解不成的，终止调解并告知当事人可以通过诉讼、仲裁或行政途径解决。纠纷可能激化的，要采取预防措施，可能引发治安或刑事案件的，须报告公安机关。"),
        }
        for step, page in self.pages.items():
            page.guide.setText(guides[step])
        labels = self.opening_form
        for field, text in ((self.held_on, translate("SessionTab", "调解日期 *")), (self.place, translate("SessionTab", "调解地点 *")),
                            (self.public, translate("SessionTab", "是否公开 *")), (self.public_reason, translate("SessionTab", "不公开的原因")),
                            (self.people_label, translate("SessionTab", "调解员等")), (self.attendees, translate("SessionTab", "参加人、旁听人"))):
            labels.labelForField(field).setText(text)
        self.held_on.setPlaceholderText(translate("SessionTab", "如 2026-11-20"))
        self.attendees.setPlaceholderText(translate("SessionTab", "受邀参加的亲属、邻里等（见证人已列入）"))
        _tri(self.public, translate("SessionTab", "未询问"), translate("SessionTab", "公开调解"), translate("SessionTab", "不公开调解"))
        self.notice_button.setText(translate("SessionTab", "查看并宣读权利义务告知…"))
        self.notice_read.setText(translate("SessionTab", "已向当事人宣读"))
        self.party_box.setTitle(translate("SessionTab", "当事人到场与确认"))
        self.evidence_box.setTitle(translate("SessionTab", "证据"))
        self.add_evidence_button.setText(translate("SessionTab", "添加证据"))
        law = self.law_form
        for field, text in ((self.within_scope, translate("SessionTab", "属于调解范围 *")), (self.basis_suggestions, translate("SessionTab", "常用依据")),
                            (self.legal_basis, translate("SessionTab", "法律政策依据 *")), (self.harms_none, translate("SessionTab", "不损害合法权益 *")),
                            (self.corrections, translate("SessionTab", "纠正的内容"))):
            law.labelForField(field).setText(text)
        _tri(self.within_scope, translate("SessionTab", "未确认"), translate("SessionTab", "属于人民调解范围"), translate("SessionTab", "不属于"))
        _tri(self.harms_none, translate("SessionTab", "未确认"), translate("SessionTab", "不损害当事人、第三人和公共利益"), translate("SessionTab", "有损害，需要纠正"))
        for point, (label, combo, note) in self.reason_widgets.items():
            label.setText(vtr(point.label))
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("SessionTab", "未评"), None)
            for verdict in Verdict:
                combo.addItem(vtr(verdict.label), verdict.value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)
            note.setPlaceholderText(translate("SessionTab", "说明（不符合时必填）"))
        self.no_witness.setText(translate("SessionTab", "本案这次调解不需要见证人答复"))
        self.outcome_box.setTitle(translate("SessionTab", "处理结果 *"))
        for outcome, button in self.outcome_buttons.items():
            button.setText(vtr(outcome.label))
        form = self.outcome_form
        for field, text in ((self.outcome_text, translate("SessionTab", "协议、意见或再调安排")), (self.termination_reason, translate("SessionTab", "终止原因")),
                            (self.risk, translate("SessionTab", "风险")), (self.risk_note, translate("SessionTab", "风险情况")),
                            (self.police_informed, translate("SessionTab", "报告公安"))):
            form.labelForField(field).setText(text)
        form.labelForField(form.itemAt(2, QFormLayout.ItemRole.FieldRole).layout()).setText(translate("SessionTab", "告知的途径"))
        for route, box in self.route_boxes.items():
            box.setText(vtr(route.label))
        self.risk.setText(translate("SessionTab", "纠纷可能激化（防止民转刑）"))
        self.police_informed.setText(translate("SessionTab", "已报告公安机关（人民调解法第二十五条）"))
        if self.sitting is not None:  # rows built per party carry labels too
            self.flush()
            self._load_pages()
        self._refresh_header()
        self._refresh_progress()

    # -- case and sittings ----------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.message.hide()
        self.flush()  # a refused save stays on screen
        self.case_id = case_id
        self.refresh()

    def refresh(self, keep_sitting: int | None = None) -> None:
        self._autosave.stop()
        if self.case_id is None:
            self.overview = None
        else:
            try:
                self.overview = self._sessions.overview(self.case_id)
            except LookupError:
                self.overview = None
                self.case_id = None
        self._loading = True
        self.sitting_combo.blockSignals(True)
        self.sitting_combo.clear()
        if self.overview is not None:
            for sitting in self.overview.sittings:
                self.sitting_combo.addItem("", sitting.id)
            target = keep_sitting if keep_sitting is not None else (
                self.overview.sittings[-1].id if self.overview.sittings else None)
            if target is not None:
                self.sitting_combo.setCurrentIndex(self.sitting_combo.findData(target))
        self.sitting_combo.blockSignals(False)
        self._loading = False
        self._sitting_chosen()

    def _sitting_chosen(self) -> None:
        if self._loading:
            return
        self.flush()
        sitting_id = self.sitting_combo.currentData()
        self.sitting = None
        if self.overview is not None and sitting_id is not None:
            # Read again: the overview's copy is older than the saves made since.
            self.overview = self._sessions.overview(self.case_id)
            self.sitting = next(s for s in self.overview.sittings if s.id == sitting_id)
        self.data = self.sitting.data if self.sitting else None
        if self.sitting is not None and not self.sitting.finished:
            self._add_new_witnesses()
        self._load_pages()
        self._refresh_header()
        self._refresh_progress()

    def _add_new_witnesses(self) -> None:
        """A 见证人 chosen after the sitting started gets a place for the answer too."""
        from ..domain.roles import Role
        from ..domain.session import WitnessAnswer

        known = {w.person_id for w in self.data.witnesses}
        added = [WitnessAnswer(person_id=p.id, name=p.name)
                 for p in self.overview.selection.people(Role.WITNESS) if p.id not in known]
        if added:
            self.data.witnesses.extend(added)
            self._dirty = True
            self._autosave.start()

    def _refresh_header(self) -> None:
        ov = self.overview
        if ov is None:
            self.case_label.setText(translate("SessionTab", "没有打开的案件。请在“案件台账”中双击一个案件。"))
            self.start_button.setText(translate("SessionTab", "开始调解"))
            self.start_button.setEnabled(False)
            self.notice.hide()
            return
        case = ov.case
        self.case_label.setText(translate("SessionTab", "{number}　{title}　状态：{status}").format(
            number=case.case_number, title=case.title, status=vtr(case.status.label)))
        for i, sitting in enumerate(ov.sittings):
            state = vtr(sitting.outcome.label) if sitting.finished and sitting.outcome else translate("SessionTab", "进行中")
            day = sitting.data.held_on.isoformat() if sitting.data.held_on else ""
            self.sitting_combo.setItemText(i, translate("SessionTab", "第{n}次 {day} {state}").format(
                n=sitting.number, day=day, state=state))
        self.start_button.setText(translate("SessionTab", "开始第{n}次调解").format(n=len(ov.sittings) + 1))
        self.start_button.setEnabled(ov.can_start)
        refusal = ov.start_refusal
        if self.sitting is None:
            if refusal:
                lines = [translate("Session", refusal).format(status=vtr(case.status.label))]
                if not ov.selection.readiness.ready:
                    lines += ["· " + m.text(lambda s: translate("Selection", s)) for m in ov.selection.readiness.missing]
                self.notice.show_notice("warning", "\n".join(lines))
            else:
                self.notice.show_notice("info", translate("SessionTab", "人选已齐。点“开始第{n}次调解”，按左边的步骤逐项进行；填写的内容会自动保存。").format(
                    n=len(ov.sittings) + 1))
        elif self.sitting.finished:
            self.notice.show_notice("info", translate("SessionTab", "这次调解已经结束（{outcome}），记录只能查看和打印。").format(
                outcome=vtr(self.sitting.outcome.label) if self.sitting.outcome else ""))
        else:
            self.notice.hide()

    def start_sitting(self) -> bool:
        if self.case_id is None:
            return False
        try:
            sitting = self._sessions.start(self.case_id)
        except Refused as refused:
            self.message.show_notice("error", translate("Session", refused.message).format(
                **{k: vtr(v) if isinstance(v, str) else v for k, v in refused.params.items()}))
            return False
        self.message.show_notice("ok", translate("SessionTab", "第{n}次调解已开始。").format(n=sitting.number))
        self.refresh(keep_sitting=sitting.id)
        self.go_to(Step.OPENING)
        self.changed.emit(self.case_id)
        return True

    # -- loading widgets from the data --------------------------------------------------------
    def _load_pages(self) -> None:
        self._loading = True
        try:
            data = self.data or SittingData()
            ov = self.overview
            names = ov.context.party_names if ov else {}
            party_ids = ov.context.party_ids if ov else ()
            self.held_on.setText(data.held_on.isoformat() if data.held_on else "")
            self.place.setText(data.place)
            _set_tri(self.public, data.public)
            self.public_reason.setText(data.public_reason)
            self.attendees.setText(data.attendees)
            self.notice_read.setChecked(data.notice_read)
            self.people_label.setText(self._people_text())
            self._build_party_rows(party_ids, names, data)
            self._build_statement_rows(party_ids, names, data)
            self._build_evidence_rows(data, party_ids, names)
            _set_tri(self.within_scope, data.within_scope)
            self.legal_basis.setPlainText(data.legal_basis)
            self._fill_basis_suggestions()
            _set_tri(self.harms_none, data.harms_none)
            self.corrections.setPlainText(data.corrections)
            for point, (_label, combo, note) in self.reason_widgets.items():
                verdict, text = data.reason.get(point, (None, ""))
                combo.setCurrentIndex(max(combo.findData(verdict.value), 0) if verdict else 0)
                note.setText(text)
            self._build_feeling_rows(party_ids, names, data)
            self._build_witness_rows(data)
            self.no_witness.setChecked(data.no_witness_needed)
            self.outcome_group.setExclusive(False)
            for outcome, button in self.outcome_buttons.items():
                button.setChecked(data.outcome is outcome)
            self.outcome_group.setExclusive(True)
            self.outcome_text.setPlainText(data.outcome_text)
            self.termination_reason.setPlainText(data.termination_reason)
            for route, box in self.route_boxes.items():
                box.setChecked(route in data.routes)
            self.risk.setChecked(data.risk)
            self.risk_note.setText(data.risk_note)
            self.police_informed.setChecked(data.police_informed)
            editable = self.sitting is not None and not self.sitting.finished
            for page in self.pages.values():
                for child in page.findChildren(QWidget):
                    if child is not page.guide and child is not page.missing and not isinstance(child, QLabel):
                        child.setEnabled(editable)
            self.notice_button.setEnabled(True)
            self.stack.setEnabled(self.sitting is not None)
            if ov is not None:
                self.prevention_box.load(ov.prevention)
                self.prevention_box.default_people = len(party_ids)
            self.prevention_box.set_editable(ov is not None and self.sitting is not None)
        finally:
            self._loading = False

    def _people_text(self) -> str:
        if self.overview is None:
            return ""
        from ..domain.roles import Role

        sel = self.overview.selection
        hosts = join_list(p.name for p in sel.people(Role.HOST)) or translate("SessionTab", "（未定）")
        elders = join_list(c.elder.name for c in sel.chosen) or translate("SessionTab", "（未定）")
        witnesses = join_list(p.name for p in sel.people(Role.WITNESS)) or translate("SessionTab", "（无）")
        recorder = join_list(p.name for p in sel.people(Role.RECORDER)) or translate("SessionTab", "（未定）")
        return translate("SessionTab", "主持人：{hosts}；明白人：{elders}；见证人：{witnesses}；记录人：{recorder}").format(
            hosts=hosts, elders=elders, witnesses=witnesses, recorder=recorder)

    @staticmethod
    def _clear(layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
            elif item.layout() is not None:
                SessionTab._clear(item.layout())

    def _build_party_rows(self, party_ids, names, data: SittingData) -> None:
        self._clear(self.party_grid)
        self.party_widgets = {}
        page = self.pages[Step.OPENING]
        for row, pid in enumerate(party_ids):
            record = data.parties.get(pid)
            present, confirmed, voluntary = QComboBox(), QCheckBox(translate("SessionTab", "已听清权利义务")), QComboBox()
            _tri(present, translate("SessionTab", "是否到场？"), translate("SessionTab", "到场"), translate("SessionTab", "未到场"))
            _tri(voluntary, translate("SessionTab", "是否自愿调解？"), translate("SessionTab", "愿意调解"),
                 translate("SessionTab", "不愿调解"))
            if record:
                _set_tri(present, record.present)
                confirmed.setChecked(record.notice_confirmed)
                _set_tri(voluntary, record.voluntary)
            self.party_grid.addWidget(QLabel(names.get(pid, "")), row, 0)
            self.party_grid.addWidget(present, row, 1)
            self.party_grid.addWidget(confirmed, row, 2)
            self.party_grid.addWidget(voluntary, row, 3)
            self.party_widgets[pid] = {"present": present, "confirmed": confirmed, "voluntary": voluntary}
            page.watch(present, confirmed, voluntary)

    def _build_statement_rows(self, party_ids, names, data: SittingData) -> None:
        self._clear(self.statement_layout)
        page = self.pages[Step.STATEMENTS]
        for pid in party_ids:
            record = data.parties.get(pid)
            box = QGroupBox(translate("SessionTab", "{party}的陈述").format(party=names.get(pid, "")))
            form = QFormLayout(box)
            statement, claims = _text_edit(80), QLineEdit()
            statement.setPlaceholderText(translate("SessionTab", "事实经过和理由（按当事人原意记录）"))
            claims.setPlaceholderText(translate("SessionTab", "请求事项"))
            if record:
                statement.setPlainText(record.statement)
                claims.setText(record.claims)
            form.addRow(translate("SessionTab", "陈述"), statement)
            form.addRow(translate("SessionTab", "请求"), claims)
            self.party_widgets.setdefault(pid, {}).update(statement=statement, claims=claims)
            self.statement_layout.addWidget(box)
            page.watch(statement, claims)

    def _build_evidence_rows(self, data: SittingData, party_ids, names) -> None:
        self._clear(self.evidence_grid)
        self.evidence_rows = []
        for item in data.evidence:
            self._add_evidence_row(item, party_ids, names)

    def _add_evidence_row(self, item: Evidence, party_ids, names) -> None:
        page = self.pages[Step.STATEMENTS]
        row = len(self.evidence_rows)
        what, by, checked, note = QLineEdit(item.what), QComboBox(), QCheckBox(translate("SessionTab", "已核对")), QLineEdit(item.note)
        what.setPlaceholderText(translate("SessionTab", "证据名称，如 宅基地使用证"))
        note.setPlaceholderText(translate("SessionTab", "备注"))
        by.addItem(translate("SessionTab", "提交人"), None)
        for pid in party_ids:
            by.addItem(names.get(pid, ""), pid)
        by.setCurrentIndex(max(by.findData(item.provided_by), 0) if item.provided_by is not None else 0)
        checked.setChecked(item.checked)
        remove = QPushButton(translate("SessionTab", "删除"))
        remove.setEnabled(self.sitting is not None and not self.sitting.finished)
        for column, widget in enumerate((what, by, checked, note, remove)):
            self.evidence_grid.addWidget(widget, row, column)
        self.evidence_grid.setColumnStretch(0, 2)
        self.evidence_grid.setColumnStretch(3, 1)
        entry = {"what": what, "by": by, "checked": checked, "note": note, "remove": remove}
        self.evidence_rows.append(entry)
        remove.clicked.connect(lambda _c=False, e=entry: self.remove_evidence(e))
        page.watch(what, by, checked, note)

    def remove_evidence(self, entry: dict) -> None:
        """Take an evidence line off this sitting's record (asked first when something was typed)."""
        if entry["what"].text().strip() or entry["note"].text().strip():
            answer = QMessageBox.question(
                self, translate("SessionTab", "删除证据"),
                translate("SessionTab", "从本次调解记录中删除证据“{what}”？").format(what=entry["what"].text().strip()),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.evidence_rows.remove(entry)
        self._store()
        self._dirty = True
        self.flush()
        self._loading = True
        try:
            self._build_evidence_rows(self.data, self.overview.context.party_ids, self.overview.context.party_names)
        finally:
            self._loading = False
        self._refresh_progress()

    def add_evidence(self) -> None:
        if self.overview is None:
            return
        self._add_evidence_row(Evidence(), self.overview.context.party_ids, self.overview.context.party_names)
        self._on_edit()

    def _build_feeling_rows(self, party_ids, names, data: SittingData) -> None:
        self._clear(self.feeling_layout)
        page = self.pages[Step.FEELING]
        for pid in party_ids:
            record = data.parties.get(pid)
            box = QGroupBox(names.get(pid, ""))
            form = QFormLayout(box)
            start, end, easing = _mood_combo(), _mood_combo(), QLineEdit()
            easing.setPlaceholderText(translate("SessionTab", "如：明白人以同村几十年的情分劝导，讲清远亲不如近邻"))
            if record:
                _set_mood(start, record.mood_start)
                _set_mood(end, record.mood_end)
                easing.setText(record.easing)
            form.addRow(translate("SessionTab", "开始时"), start)
            form.addRow(translate("SessionTab", "结束时"), end)
            form.addRow(translate("SessionTab", "疏导心结"), easing)
            self.party_widgets.setdefault(pid, {}).update(mood_start=start, mood_end=end, easing=easing)
            self.feeling_layout.addWidget(box)
            page.watch(start, end, easing)

    def _build_witness_rows(self, data: SittingData) -> None:
        self._clear(self.witness_layout)
        self.witness_edits = []
        page = self.pages[Step.WITNESS]
        if not data.witnesses:
            label = QLabel(translate("SessionTab", "本案没有邀请见证人。需要时请在“选择明白人 → 本案人选”中添加。"))
            label.setWordWrap(True)
            self.witness_layout.addWidget(label)
        for witness in data.witnesses:
            box = QGroupBox(witness.name)
            layout = QVBoxLayout(box)
            edit = _text_edit(70)
            edit.setPlaceholderText(translate("SessionTab", "当场作出的承诺或答复，如：国土所下周一到现场重新测量界址"))
            edit.setPlainText(witness.commitment)
            layout.addWidget(edit)
            self.witness_layout.addWidget(box)
            self.witness_edits.append(edit)
            page.watch(edit)

    def _fill_basis_suggestions(self) -> None:
        self.basis_suggestions.blockSignals(True)
        self.basis_suggestions.clear()
        self.basis_suggestions.addItem(translate("SessionTab", "选择后插入到下面…"), None)
        if self.overview is not None:
            for text in LEGAL_BASIS.get(self.overview.case.dispute_type, ()):
                self.basis_suggestions.addItem(text, text)
            self.basis_suggestions.addItem("《中华人民共和国人民调解法》", "《中华人民共和国人民调解法》")
        self.basis_suggestions.blockSignals(False)

    def _insert_basis(self, index: int) -> None:
        text = self.basis_suggestions.itemData(index)
        if text and text not in self.legal_basis.toPlainText():
            current = self.legal_basis.toPlainText().rstrip()
            self.legal_basis.setPlainText((current + "\n" if current else "") + text)
        self.basis_suggestions.setCurrentIndex(0)

    # -- storing widgets into the data --------------------------------------------------------
    def _store(self) -> None:
        data = self.data
        if data is None:
            return
        try:
            data.held_on = parse_date(self.held_on.text())
        except TextError:
            data.held_on = None  # not a date: the step shows the date as missing until it is one
        data.place = self.place.text()
        data.public = self.public.currentData()
        data.public_reason = self.public_reason.text()
        data.attendees = self.attendees.text()
        data.notice_read = self.notice_read.isChecked()
        for pid, widgets in self.party_widgets.items():
            record = data.party(pid)
            if "present" in widgets:
                record.present = widgets["present"].currentData()
                record.notice_confirmed = widgets["confirmed"].isChecked()
                record.voluntary = widgets["voluntary"].currentData()
            if "statement" in widgets:
                record.statement = widgets["statement"].toPlainText()
                record.claims = widgets["claims"].text()
            if "mood_start" in widgets:
                record.mood_start = _mood_value(widgets["mood_start"])
                record.mood_end = _mood_value(widgets["mood_end"])
                record.easing = widgets["easing"].text()
        data.evidence = [Evidence(what=r["what"].text(), provided_by=r["by"].currentData(),
                                  checked=r["checked"].isChecked(), note=r["note"].text())
                         for r in self.evidence_rows]
        data.within_scope = self.within_scope.currentData()
        data.legal_basis = self.legal_basis.toPlainText()
        data.harms_none = self.harms_none.currentData()
        data.corrections = self.corrections.toPlainText()
        data.reason = {}
        for point, (_label, combo, note) in self.reason_widgets.items():
            code = combo.currentData()
            if code or note.text().strip():
                data.reason[point] = (Verdict.from_code(code), note.text())
        for witness, edit in zip(data.witnesses, self.witness_edits):
            witness.commitment = edit.toPlainText()
        data.no_witness_needed = self.no_witness.isChecked()
        data.outcome = next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)
        data.outcome_text = self.outcome_text.toPlainText()
        data.termination_reason = self.termination_reason.toPlainText()
        data.routes = tuple(r for r, box in self.route_boxes.items() if box.isChecked())
        data.risk = self.risk.isChecked()
        data.risk_note = self.risk_note.text()
        data.police_informed = self.police_informed.isChecked()

    def _on_edit(self) -> None:
        if self._loading or self.sitting is None or self.sitting.finished:
            return
        self._store()
        self._dirty = True
        self._autosave.start()
        self._refresh_progress()

    def flush(self) -> bool:
        """Write what was typed to the database now (leaving the tab, switching case, closing)."""
        self._autosave.stop()
        if self.prevention_box.dirty and self.case_id is not None:
            self.save_prevention()  # a bad count stays on screen with its message
        if not self._dirty or self.sitting is None or self.data is None:
            return True
        self._store()
        try:
            self.sitting = self._sessions.save(self.sitting.id, self.data, expected_version=self.sitting.version)
        except StaleRecord:
            self.message.show_notice("error", translate(
                "SessionTab", "这次调解的记录已在别处修改。请重新打开本案；你刚才输入的内容没有保存。"))
            return False
        except Refused as refused:
            self.message.show_notice("error", translate("Session", refused.message).format(**refused.params))
            return False
        self._dirty = False
        return True

    # -- progress -----------------------------------------------------------------------------
    def _refresh_progress(self) -> None:
        if self.sitting is None or self.overview is None:
            self.step_model.set_rows([[Cell(vtr(step.label))] for step in Step])
            for page in self.pages.values():
                page.missing.hide()
            self.finish_button.setEnabled(False)
            self.record_button.setEnabled(False)
            self.finish_label.setText("")
            self._update_step_buttons()
            return
        progress = evaluate(self.data, self.overview.context)
        rows = []
        for state in progress.steps:
            if not state.required:
                text, colour = "○ " + vtr(state.step.label) + translate("SessionTab", "（本案不需要）"), "#555555"
            elif state.complete:
                text, colour = "✓ " + vtr(state.step.label), "#1e6b34"
            else:
                text, colour = translate("SessionTab", "… {step}（差{n}项）").format(
                    step=vtr(state.step.label), n=len(state.missing)), "#7a4a00"
            rows.append([Cell(text, colour=colour)])
            self.pages[state.step].show_missing(state.missing)
        self.step_model.set_rows(rows)
        current = self.stack.currentIndex()
        self.step_view.selectRow(current)
        for outcome, button in self.outcome_buttons.items():
            button.setEnabled(not self.sitting.finished and (outcome in progress.open_outcomes or button.isChecked()))
        finished = self.sitting.finished
        self.finish_button.setEnabled(not finished and progress.can_finish)
        self.record_button.setEnabled(True)
        if finished:
            self.finish_label.setText("")
        elif progress.can_finish:
            self.finish_label.setText(translate("SessionTab", "可以结束本次调解。"))
        else:
            self.finish_label.setText(translate("SessionTab", "结束前还差{n}项，见左边各步骤。").format(
                n=len(progress.finish_missing)))
        self._update_step_buttons()

    def _update_step_buttons(self) -> None:
        index = self.stack.currentIndex()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(Step) - 1)

    def go_to(self, step: Step) -> None:
        self.flush()
        self.stack.setCurrentWidget(self.pages[step])
        self.step_view.selectRow(list(Step).index(step))
        self.scroll.verticalScrollBar().setValue(0)
        self._update_step_buttons()

    def _step_by(self, delta: int) -> None:
        index = min(max(self.stack.currentIndex() + delta, 0), len(Step) - 1)
        self.go_to(list(Step)[index])

    # -- finishing and the record -----------------------------------------------------------------
    def finish_sitting(self) -> bool:
        if self.sitting is None or not self.flush():
            return False
        outcome = self.data.outcome
        answer = QMessageBox.question(
            self, translate("SessionTab", "结束本次调解"),
            translate("SessionTab", "以“{outcome}”结束第{n}次调解？结束后记录不能再修改。").format(
                outcome=vtr(outcome.label) if outcome else "", n=self.sitting.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            done = self._sessions.finish(self.sitting.id, expected_version=self.sitting.version)
        except (Refused, StaleRecord) as err:
            text = translate("Session", err.message).format(**err.params) if isinstance(err, Refused) else translate(
                "SessionTab", "这次调解的记录已在别处修改，请重新打开本案。")
            self.message.show_notice("error", text)
            return False
        self._offer_prevention(self.data)
        follow = {
            Outcome.WRITTEN: translate("SessionTab", "请到“调解协议”中制作人民调解协议书。"),
            Outcome.OPINION: translate("SessionTab", "请到“调解协议”中把化解意见制作成协议书。"),
            Outcome.ADJOURNED: translate("SessionTab", "需要再调时，点“开始第{n}次调解”。").format(n=done.number + 1),
        }.get(outcome, "")
        self.message.show_notice("ok", translate("SessionTab", "第{n}次调解已结束：{outcome}。").format(
            n=done.number, outcome=vtr(outcome.label)) + follow)
        self.refresh(keep_sitting=done.id)
        self.changed.emit(self.case_id)
        return True

    # -- 防止纠纷激化 -----------------------------------------------------------------------------------
    def save_prevention(self) -> bool:
        """Save the case's prevention figures from the box (one transaction, a history line per change)."""
        box = self.prevention_box
        if self.case_id is None:
            return False
        box.set_errors([])
        try:
            saved = self._sessions.set_prevention(self.case_id, box.form())
        except ValidationFailed as failed:
            box.set_errors(failed.errors)
            box.message.show_notice("error", translate("SessionTab", "防止纠纷激化：还有{n}处需要更正，没有保存。").format(
                n=len(failed.errors)))
            return False
        if self.overview is not None:  # pages reloaded later (a language switch) show what is saved
            self.overview = replace(self.overview, prevention=saved)
        box.load(saved)
        box.message.show_notice("ok", translate("SessionTab", "已保存：{text}").format(text=self._prevention_text(saved)))
        self.prevention_changed.emit(self.case_id)
        return True

    @staticmethod
    def _prevention_text(prevention) -> str:
        parts = [translate("SessionTab", "{label}1件{n}人").format(label=vtr(label), n=n)
                 for label, n in ((CRIMINAL_LABEL, prevention.criminal_people),
                                  (PETITION_LABEL, prevention.petition_people)) if n is not None]
        return translate("SessionTab", "，").join(parts) or translate("SessionTab", "本案不计入防止激化")

    def _offer_prevention(self, data: SittingData) -> None:
        """A sitting that recorded an escalation risk and still ended in agreement prevented it: offer
        to count it for the report (asked, since only the mediator knows it was averted)."""
        suggestion = suggest_prevention(data)
        if suggestion is None or self.case_id is None or self._sessions.prevention(self.case_id).any:
            return
        answer = QMessageBox.question(
            self, translate("SessionTab", "防止纠纷激化"),
            translate("SessionTab", "这次调解记录了激化风险：“{risk}”，经调解已经化解。\n"
                                    "是否计入本案的“{what}”？\n（以后可以在“处理”一步下方的“防止纠纷激化”中修改。）").format(
                risk=data.risk_note.strip(), what=self._prevention_text(suggestion)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self._sessions.set_prevention(self.case_id, PreventionInput.of(suggestion))
            self.prevention_changed.emit(self.case_id)

    def make_record(self):
        """人民调解记录 of the sitting shown, as a PDF; opened in the system's viewer."""
        if self.sitting is None or self._documents is None:
            return None
        self.flush()
        try:
            path = self._documents.mediation_record(self.sitting.id)
        except OSError as err:
            self.message.show_notice("error", translate("SessionTab", "调解记录无法写入：{error}").format(error=err))
            return None
        self.message.show_notice("ok", translate("SessionTab", "调解记录已生成：{path}").format(path=str(path)))
        if self.open_files:  # preview and print inside the app: no PDF viewer needed on the PC
            from .pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, translate("SessionTab", "人民调解记录"), self).exec()
        return path

    def show_rights_notice(self) -> None:
        # The statutory wording is read to the parties in Chinese whatever the interface language.
        # 各方当事人 rather than 双方 when more than two parties take part.
        QMessageBox.information(self, translate("SessionTab", "人民调解当事人权利义务告知"),
                                rights_notice_text(len(self.overview.context.party_ids) if self.overview else 2))

    def hideEvent(self, event) -> None:
        self.flush()  # leaving the tab saves at once
        super().hideEvent(event)
