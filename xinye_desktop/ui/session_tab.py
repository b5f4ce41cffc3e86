"""法理情调解: the guided sitting, step by step, with what is still missing always in view.

The steps and their rules live in domain/session.py; each step is a widget of its own in
``ui/session_steps/`` that loads its part of the sitting's data and stores it back. This tab is the
navigator: the case and its sittings, the step list and the current step, saving, finishing, the record.
Everything typed is saved to the database shortly after typing stops (and at once when leaving the tab
or the case), so a crash or a power cut loses at most the last moment's keystrokes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from ..domain.errors import Refused, StaleRecord, ValidationFailed
from ..domain.prevention import CRIMINAL_LABEL, PETITION_LABEL, PreventionInput, suggest_prevention
from ..domain.session import Outcome, SittingData, Step, evaluate
from .i18n import Retranslating, translate, vtr
from .prevention_box import PreventionBox
from .session_steps.feeling import FeelingStep
from .session_steps.law import LawStep
from .session_steps.opening import OpeningStep
from .session_steps.outcome import OutcomeStep
from .session_steps.reason import ReasonStep
from .session_steps.statements import StatementsStep
from .session_steps.step_page import StepPage
from .session_steps.witness import WitnessStep
from .tasks import Task, present_error, run_task
from .widgets import Cell, NoticeLabel, RowsModel, rows_view


class SessionTab(Retranslating, QWidget):
    changed = Signal(int)  # the case's status may have changed
    prevention_changed = Signal(int)  # the case's 防止激化 figures were saved (the report counts them)

    def __init__(self, sessions, documents=None, parent=None):
        super().__init__(parent)
        self._sessions = sessions
        self._documents = documents
        self.open_files = True
        self.record_task: Task | None = None  # the 调解记录 being made
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

        self.pages: dict[Step, StepPage] = {}  # the step list, in the order of Step
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
        self.opening = OpeningStep()
        self.statements = StatementsStep()
        self.law = LawStep()
        self.reason = ReasonStep()
        self.feeling = FeelingStep()
        self.witness = WitnessStep()
        self.outcome = OutcomeStep()
        for page in (self.opening, self.statements, self.law, self.reason, self.feeling, self.witness, self.outcome):
            page.edited.connect(self._on_edit)
            self.pages[page.step] = page
            self.stack.addWidget(page)
        self.statements.evidence_removed.connect(self._on_statements_evidence_removed)
        # Case-wide, not part of the sitting's record: saved by its own button, editable after the end.
        self.prevention_box = PreventionBox()
        self.prevention_box.save_requested.connect(self.save_prevention)
        self.outcome.body.addWidget(self.prevention_box)

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.sitting_label.setText(translate("SessionTab", "调解次数："))
        self.prev_button.setText(translate("SessionTab", "上一步"))
        self.next_button.setText(translate("SessionTab", "下一步"))
        self.record_button.setText(translate("SessionTab", "生成调解记录（PDF）"))
        self.finish_button.setText(translate("SessionTab", "结束本次调解…"))
        for page in self.pages.values():
            page.retranslate()
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

    # -- loading the pages from the data ---------------------------------------------------------
    def _load_pages(self) -> None:
        self._loading = True
        try:
            data = self.data or SittingData()
            ov = self.overview
            editable = self.sitting is not None and not self.sitting.finished
            for page in self.pages.values():
                page.load(data, ov, editable)
            self.stack.setEnabled(self.sitting is not None)
            # After the pages: the outcome page has just disabled the box with its other fields.
            if ov is not None:
                self.prevention_box.load(ov.prevention)
                self.prevention_box.default_people = len(ov.context.party_ids)
            self.prevention_box.set_editable(ov is not None and self.sitting is not None)
        finally:
            self._loading = False

    def _on_statements_evidence_removed(self) -> None:
        """An evidence line is gone: saved at once (not after the typing pause), then the lines renumbered."""
        self._store()
        self._dirty = True
        self.flush()
        self._loading = True
        try:
            self.statements.load_evidence(self.data)
        finally:
            self._loading = False
        self._refresh_progress()

    # -- storing the pages into the data --------------------------------------------------------
    def _store(self) -> None:
        if self.data is None:
            return
        for page in self.pages.values():
            page.store(self.data)

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
        self.step_model.set_rows(rows)
        current = self.stack.currentIndex()
        self.step_view.selectRow(current)
        finished = self.sitting.finished
        for page in self.pages.values():
            page.show_progress(progress, finished)
        self.finish_button.setEnabled(not finished and progress.can_finish)
        self.record_button.setEnabled(not self.making_record)
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

    def make_record(self) -> Task | None:
        """人民调解记录 of the sitting shown, as a PDF, made on a worker thread (ui/tasks.py: it gets the
        sitting's id, after what was typed is saved); previewed when it is ready, the button waiting
        meanwhile. Returns the Task (None: no sitting, or a record still being made)."""
        if self.sitting is None or self._documents is None or self.making_record:
            return None
        self.flush()
        self.message.show_notice("info", translate("SessionTab", "正在生成调解记录…"))
        self.record_task = run_task(self._documents.mediation_record, self.sitting.id, owner=self,
                                    name="mediation-record", on_done=self._on_record_made,
                                    on_error=self._on_record_failed)
        self.record_button.setEnabled(False)
        return self.record_task

    @property
    def making_record(self) -> bool:
        return self.record_task is not None and self.record_task.running

    def _on_record_made(self, path) -> None:
        self.record_button.setEnabled(self.sitting is not None)
        self.message.show_notice("ok", translate("SessionTab", "调解记录已生成：{path}").format(path=str(path)))
        if self.open_files:  # preview and print inside the app: no PDF viewer needed on the PC
            from .pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, translate("SessionTab", "人民调解记录"), self).exec()

    def _on_record_failed(self, error: BaseException) -> None:
        self.record_button.setEnabled(self.sitting is not None)
        if isinstance(error, OSError):
            self.message.show_notice("error", translate("SessionTab", "调解记录无法写入：{error}").format(error=error))
        else:  # a bug: logged and shown by the app's error presenter
            self.message.hide()
            present_error(error)

    def hideEvent(self, event) -> None:
        self.flush()  # leaving the tab saves at once
        super().hideEvent(event)
