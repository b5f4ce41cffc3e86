"""回访与履行: the case after the agreement. Its stage and 履行情况, the 司法确认 window counting down (apply,
record the court's decision, print the joint 申请书), the terms with how far each was performed, and the
return visits (record one, print its 回访记录, add or call one off)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.aftercare import (
    CASE_MOVES, PERFORMANCE_MOVES, ApplicationInput, DecisionInput, WindowState, describe_window, eligibility_label,
)
from ..domain.enums import CaseStatus
from ..domain.errors import NotFound, Refused, ValidationFailed
from ..services.documents import DocumentRefused
from .i18n import Retranslating, translate, vtr
from .tasks import Task, present_error, run_task
from .widgets import Cell, FieldBox, NoticeLabel, RowsModel, place_errors, rows_view, selected_row, yes_no_choice

CTX = "AftercareTab"
WINDOW_COLOURS = {WindowState.OPEN: "ok", WindowState.CLOSING: "warning", WindowState.EXPIRED: "error",
                  WindowState.APPLIED: "info", WindowState.CONFIRMED: "ok", WindowState.REFUSED: "warning",
                  WindowState.NOT_ELIGIBLE: "warning", WindowState.NOT_APPLICABLE: "info"}


class FieldsDialog(QDialog):
    """A few fields, each with its message beside it, and a save that runs ``action(values)``; the
    dialog stays open, nothing saved, while the service refuses."""

    def __init__(self, title: str, fields: list[tuple[str, str, QWidget]], action, parent=None, lead: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._action = action
        self.widgets = {key: widget for key, _label, widget in fields}
        self.boxes = {key: FieldBox(widget) for key, _label, widget in fields}
        self.message = NoticeLabel()
        form = QFormLayout()
        for key, label, _widget in fields:
            form.addRow(label, self.boxes[key])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("AftercareTab", "保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("AftercareTab", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if lead:
            lead_label = QLabel(lead)
            lead_label.setWordWrap(True)
            layout.addWidget(lead_label)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.message.hide()
        try:
            self._action(self.widgets)
        except ValidationFailed as failed:
            loose, _first = place_errors(self.boxes, failed.errors)
            if loose:
                self.message.show_notice("warning", "\n".join(loose))
            return
        except Refused as refused:
            self.message.show_notice("warning", translate("Aftercare", refused.message).format(**refused.params))
            return
        super().accept()


def _text(widget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def _moves_combo(vocabulary, allowed) -> QComboBox:
    """A drop-down of the stages one may move to from here, labelled in the interface language."""
    combo = QComboBox()
    for member in allowed:
        combo.addItem(vtr(member.label), member.value)
    return combo


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
    return edit


class AftercareTab(Retranslating, QWidget):
    changed = Signal(int)  # case id: its stage, performance, confirmation or visits changed

    def __init__(self, service, documents=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self.case_id: int | None = None
        self.care = None
        self.open_files = True  # tests turn the PDF preview off
        self.document_task: Task | None = None  # the 回访记录 or 司法确认申请书 being made
        self.ask = self._ask  # tests replace it: (title, fields, action) -> dialog result

        self.empty_label = QLabel()
        self.message = NoticeLabel()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.status_button = QPushButton()
        self.performance_button = QPushButton()
        self.window_label = NoticeLabel()
        self.eligibility_label = QLabel()
        self.eligibility_label.setWordWrap(True)
        self.eligibility_button = QPushButton()
        self.application_button = QPushButton()
        self.apply_button = QPushButton()
        self.decision_button = QPushButton()
        self.terms_model = RowsModel()
        self.terms_view = rows_view(self.terms_model)
        self.visits_model = RowsModel()
        self.visits_view = rows_view(self.visits_model)
        self.record_button = QPushButton()
        self.print_button = QPushButton()
        self.add_button = QPushButton()
        self.cancel_button = QPushButton()

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.status_button)
        top.addWidget(self.performance_button)
        self.confirmation_box = QGroupBox()
        confirm = QVBoxLayout(self.confirmation_box)
        confirm.addWidget(self.window_label)
        confirm.addWidget(self.eligibility_label)
        confirm_buttons = QHBoxLayout()
        for button in (self.application_button, self.apply_button, self.decision_button, self.eligibility_button):
            confirm_buttons.addWidget(button)
        confirm_buttons.addStretch(1)
        confirm.addLayout(confirm_buttons)
        self.terms_box = QGroupBox()
        QVBoxLayout(self.terms_box).addWidget(self.terms_view)
        self.visits_box = QGroupBox()
        visits = QVBoxLayout(self.visits_box)
        visits.addWidget(self.visits_view, 1)
        visit_buttons = QHBoxLayout()
        for button in (self.record_button, self.print_button, self.add_button, self.cancel_button):
            visit_buttons.addWidget(button)
        visit_buttons.addStretch(1)
        visits.addLayout(visit_buttons)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(top)
        body.addWidget(self.confirmation_box)
        body.addWidget(self.terms_box, 1)
        body.addWidget(self.visits_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)

        self.status_button.clicked.connect(self._on_status_button_clicked)
        self.performance_button.clicked.connect(self._on_performance_button_clicked)
        self.application_button.clicked.connect(self._on_application_button_clicked)
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.decision_button.clicked.connect(self._on_decision_button_clicked)
        self.eligibility_button.clicked.connect(self._on_eligibility_button_clicked)
        self.record_button.clicked.connect(self._on_record_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.visits_view.doubleClicked.connect(lambda _i: self._on_record_button_clicked())
        self.visits_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.retranslate()
        self.set_case(None)

    # -- language ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.empty_label.setText(translate("AftercareTab", "请先在“案件台账”中打开一个案件。"))
        self.status_button.setText(translate("AftercareTab", "更改调解状态…"))
        self.performance_button.setText(translate("AftercareTab", "登记履行情况…"))
        self.confirmation_box.setTitle(translate("AftercareTab", "司法确认（协议生效之日起三十日内共同申请）"))
        self.application_button.setText(translate("AftercareTab", "生成司法确认申请书"))
        self.apply_button.setText(translate("AftercareTab", "登记已申请…"))
        self.decision_button.setText(translate("AftercareTab", "登记法院裁定…"))
        self.eligibility_button.setText(translate("AftercareTab", "认定能否申请…"))
        self.eligibility_button.setToolTip(translate(
            "AftercareTab", "程序按协议条款识别是否涉及婚姻、收养、身份关系；识别有误时，由调解员认定并写明原因"))
        self.terms_box.setTitle(translate("AftercareTab", "协议条款及履行情况"))
        self.visits_box.setTitle(translate("AftercareTab", "回访"))
        self.record_button.setText(translate("AftercareTab", "记录回访…"))
        self.print_button.setText(translate("AftercareTab", "打印回访记录"))
        self.add_button.setText(translate("AftercareTab", "追加回访…"))
        self.cancel_button.setText(translate("AftercareTab", "取消回访…"))
        self.terms_model.set_headers([translate("AftercareTab", "条款"), translate("AftercareTab", "履行人"),
                                      translate("AftercareTab", "金额"), translate("AftercareTab", "期限"),
                                      translate("AftercareTab", "履行情况")])
        self.visits_model.set_headers([translate("AftercareTab", "计划日期"), translate("AftercareTab", "事由"),
                                       translate("AftercareTab", "状态"), translate("AftercareTab", "回访日期"),
                                       translate("AftercareTab", "回访人"), translate("AftercareTab", "履行情况"),
                                       translate("AftercareTab", "满意程度"), translate("AftercareTab", "风险隐患")])
        if self.case_id is not None:
            self.refresh()

    # -- the case ------------------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.message.hide()
        self.refresh()

    def refresh(self) -> None:
        self.care = None
        if self.case_id is not None:
            try:
                self.care = self._service.overview(self.case_id)
            except NotFound:
                self.case_id = None
        self.empty_label.setVisible(self.care is None)
        self.body.setVisible(self.care is not None)
        if self.care is None:
            return
        care, today = self.care, self._service.today()
        case = care.case
        parts = [translate("AftercareTab", "调解状态：{status}").format(status=vtr(case.status.label))]
        if care.effective_on:
            parts.append(translate("AftercareTab", "协议生效：{day}").format(day=care.effective_on.isoformat()))
        if case.performance_status:
            parts.append(translate("AftercareTab", "履行情况：{status}").format(
                status=vtr(case.performance_status.label)))
        self.summary_label.setText("　".join(parts))
        self.window_label.show_notice(WINDOW_COLOURS[care.window.state], self._window_text())
        eligibility = self._eligibility_text()
        self.eligibility_label.setText(eligibility)
        self.eligibility_label.setVisible(bool(eligibility))
        self.terms_model.set_rows([[
            Cell(term.content, tooltip=term.content), term.obligor, term.amount,
            term.deadline.isoformat() if term.deadline else "", vtr(term.status.label)] for term in care.terms])
        rows = []
        for visit in care.visits:
            if visit.cancelled:
                state = Cell(translate("AftercareTab", "已取消"), tooltip=visit.cancelled_reason, colour="#666666")
            elif visit.done:
                state = Cell(translate("AftercareTab", "已回访"), colour="#1e6b34")
            elif visit.overdue(today):
                state = Cell(translate("AftercareTab", "已逾期{days}天").format(days=(today - visit.due_on).days),
                             colour="#b00020", bold=True)
            else:
                state = Cell(translate("AftercareTab", "待回访"))
            rows.append([visit.due_on.isoformat(), vtr(visit.reason.label), state,
                         visit.visited_on.isoformat() if visit.visited_on else "", visit.visitor,
                         vtr(visit.performance.label) if visit.performance else "",
                         vtr(visit.satisfaction.label) if visit.satisfaction else "",
                         Cell(visit.risks.replace("\n", " "), tooltip=visit.risks)])
        self.visits_model.set_rows(rows)
        self._update_buttons()

    def _window_text(self) -> str:
        care = self.care
        window = care.window
        if window.state is WindowState.NOT_APPLICABLE:
            return translate("AftercareTab", "只有已签署生效的书面调解协议才能申请司法确认。")
        text = describe_window(window, vtr)
        if window.state in (WindowState.OPEN, WindowState.CLOSING):
            text = translate("AftercareTab", "可以申请：{left}").format(left=text)
        if care.applied_on:
            text += translate("AftercareTab", "；{day}向{court}申请").format(day=care.applied_on.isoformat(),
                                                                         court=care.court)
        if care.decided_on:
            text += translate("AftercareTab", "；{day}裁定").format(day=care.decided_on.isoformat())
            number = care.confirmation_number.strip()
            if number.startswith(("（", "(")):  # （2026）豫1329民特215号: its own parentheses suffice
                text += f"，{number}"
            elif number:
                text += f"（{number}）"
        if care.confirmation_note:
            text += "：" + care.confirmation_note
        return text

    def _eligibility_text(self) -> str:
        """On what ground the agreement may or may not go to 司法确认: the mediator's decision, or the words
        of the terms that were read as acting on a 婚姻/收养/身份 relation."""
        e = self.care.eligibility
        if e.by_mediator:
            day = e.decided_at.replace(tzinfo=dt.timezone.utc).astimezone().date().isoformat() if e.decided_at else ""
            text = translate("AftercareTab", "调解员{operator}于{day}认定：{decision}。原因：{reason}").format(
                operator=e.operator, day=day, decision=vtr(eligibility_label(e.confirmable)), reason=e.reason)
            if e.printed_otherwise:
                text += "\n" + translate(
                    "AftercareTab", "已打印的第{n}版协议书上关于司法确认的提示与此认定不一致；需要更正的，请在“调解协议”中另起新版本。").format(
                    n=e.printed_otherwise)
            return text
        if e.relation_terms:
            return translate("AftercareTab", "按协议条款识别为不能申请：条款中有“{terms}”。识别有误的，请点“认定能否申请…”。").format(
                terms="”“".join(e.relation_terms))
        if e.confirmable:
            return translate("AftercareTab", "按协议条款识别：没有确认婚姻、收养、身份关系的内容，可以申请。")
        return ""

    def selected_visit(self):
        row = selected_row(self.visits_view)
        return self.care.visits[row] if self.care is not None and row is not None else None

    def _update_buttons(self) -> None:
        care = self.care
        if care is None:
            return
        state = care.window.state
        self.status_button.setEnabled(bool(CASE_MOVES.get(care.case.status)))
        self.performance_button.setEnabled(care.in_effect)
        busy = self.making_document
        self.application_button.setEnabled(
            not busy and state in (WindowState.OPEN, WindowState.CLOSING, WindowState.APPLIED))
        self.apply_button.setEnabled(state in (WindowState.OPEN, WindowState.CLOSING))
        self.decision_button.setEnabled(state is WindowState.APPLIED)
        self.eligibility_button.setEnabled(care.eligibility.refusal is None)
        visit = self.selected_visit()
        self.record_button.setEnabled(visit is not None and not visit.cancelled)
        self.print_button.setEnabled(not busy and visit is not None and visit.done)
        self.cancel_button.setEnabled(visit is not None and visit.pending)
        self.add_button.setEnabled(care.in_effect)

    # -- actions -------------------------------------------------------------------------------------
    def _ask(self, title: str, fields, action, lead: str = "") -> bool:
        return bool(FieldsDialog(title, fields, action, self, lead).exec())

    def _done(self, text: str) -> None:
        self.refresh()
        self.message.show_notice("ok", text)
        self.changed.emit(self.case_id)

    def _on_status_button_clicked(self) -> None:
        combo = _moves_combo(CaseStatus, CASE_MOVES.get(self.care.case.status, ()))
        reason = _reason_edit()
        case_id = self.case_id

        def act(w):
            self._service.set_case_status(case_id, CaseStatus(combo.currentData()), _text(w["reason"]))

        if self.ask(translate("AftercareTab", "更改调解状态"), [
                ("status", translate("AftercareTab", "改为"), combo),
                ("reason", translate("AftercareTab", "原因"), reason)], act,
                translate("AftercareTab", "达成协议、调解终止通常在“法理情调解”中结束调解时自动记录；这里用于当事人撤回申请等情况。")):
            self._done(translate("AftercareTab", "调解状态已更改，已记入修改记录。"))

    def _on_performance_button_clicked(self) -> None:
        from ..domain.enums import PerformanceStatus

        combo = _moves_combo(PerformanceStatus, PERFORMANCE_MOVES.get(self.care.case.performance_status, ()))
        note = _reason_edit()
        case_id = self.case_id

        def act(w):
            self._service.set_performance(case_id, PerformanceStatus(combo.currentData()), _text(w["note"]))

        if self.ask(translate("AftercareTab", "登记履行情况"), [
                ("status", translate("AftercareTab", "履行情况"), combo),
                ("note", translate("AftercareTab", "说明"), note)], act):
            self._done(translate("AftercareTab", "履行情况已登记。"))

    def _on_apply_button_clicked(self) -> None:
        date = QLineEdit(self._service.today().isoformat())
        court = QLineEdit(self.care.court)
        court.setPlaceholderText(translate("AftercareTab", "如 新野县人民法院"))
        case_id = self.case_id

        def act(w):
            self._service.apply_confirmation(case_id, ApplicationInput(_text(w["applied_on"]), _text(w["court"])))

        if self.ask(translate("AftercareTab", "登记司法确认申请"), [
                ("applied_on", translate("AftercareTab", "申请日期"), date),
                ("court", translate("AftercareTab", "受理法院"), court)], act,
                translate("AftercareTab", "各方当事人应共同向调委会所在地基层人民法院申请。")):
            self._done(translate("AftercareTab", "司法确认申请已登记。"))

    def _on_decision_button_clicked(self) -> None:
        choice = yes_no_choice(translate("AftercareTab", "确认有效"), translate("AftercareTab", "不予确认"))
        yes, no = choice.yes, choice.no
        date = QLineEdit(self._service.today().isoformat())
        number = QLineEdit()
        number.setPlaceholderText(translate("AftercareTab", "法院的案号，可不填"))
        note = _reason_edit()
        case_id = self.case_id

        def act(w):
            confirmed = True if yes.isChecked() else False if no.isChecked() else None
            self._service.record_decision(case_id, DecisionInput(confirmed, _text(w["decided_on"]), _text(w["number"]),
                                                                 _text(w["note"])))

        if self.ask(translate("AftercareTab", "登记法院裁定"), [
                ("confirmed", translate("AftercareTab", "裁定结果"), choice),
                ("decided_on", translate("AftercareTab", "裁定日期"), date),
                ("number", translate("AftercareTab", "法院案号"), number),
                ("note", translate("AftercareTab", "不予确认的理由"), note)], act):
            self._done(translate("AftercareTab", "法院裁定已登记。"))

    def _on_eligibility_button_clicked(self) -> None:
        choice = yes_no_choice(translate("AftercareTab", "可以申请司法确认"), translate("AftercareTab", "不能申请司法确认"))
        yes, no = choice.yes, choice.no
        reason = _reason_edit()
        reason.setPlaceholderText(translate("AftercareTab", "如：条款只涉及财产分割和抚养费，不确认婚姻、收养、身份关系"))
        case_id = self.case_id

        def act(w):
            eligible = True if yes.isChecked() else False if no.isChecked() else None
            self._service.set_confirmable(case_id, eligible, _text(w["reason"]))

        if self.ask(translate("AftercareTab", "认定能否申请司法确认"), [
                ("eligible", translate("AftercareTab", "认定"), choice),
                ("reason", translate("AftercareTab", "原因"), reason)], act,
                translate("AftercareTab", "依法释〔2011〕5号，确认婚姻、收养、身份关系的调解协议，人民法院不予受理司法确认申请；"
                                          "财产分割、抚养费、赡养、继承等内容可以申请。认定及原因记入修改记录，"
                                          "三十日倒计时和以后打印的协议书上的提示都按认定办理。")):
            self._done(translate("AftercareTab", "已认定能否申请司法确认，已记入修改记录。"))

    def _on_add_button_clicked(self) -> None:
        date = QLineEdit()
        date.setPlaceholderText("2026-12-31")
        case_id = self.case_id

        def act(w):
            self._service.add_visit(case_id, _text(w["due_on"]))

        if self.ask(translate("AftercareTab", "追加回访"), [("due_on", translate("AftercareTab", "计划日期"), date)], act):
            self._done(translate("AftercareTab", "已追加一次回访。"))

    def _on_cancel_button_clicked(self) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        reason = _reason_edit()

        def act(w):
            self._service.cancel_visit(visit.id, _text(w["reason"]))

        if self.ask(translate("AftercareTab", "取消回访"), [("reason", translate("AftercareTab", "原因"), reason)], act,
                    translate("AftercareTab", "取消的回访仍保留在记录中。")):
            self._done(translate("AftercareTab", "回访已取消（记录保留）。"))

    def _on_record_button_clicked(self) -> None:
        from .visit_dialog import VisitDialog

        visit = self.selected_visit()
        if visit is None or visit.cancelled:
            return
        dialog = VisitDialog(self._service, self.care, visit, self._service.operator(), self)
        if self.exec_visit_dialog(dialog):
            self._done(translate("AftercareTab", "回访记录已保存。"))

    def exec_visit_dialog(self, dialog) -> bool:
        """Show the visit dialog; tests replace this to fill it in and press save."""
        return bool(dialog.exec())

    def _on_print_button_clicked(self) -> None:
        visit = self.selected_visit()
        if visit is not None:
            self._document(self._service.visit_record, visit.id, translate("AftercareTab", "人民调解回访记录"))

    def _on_application_button_clicked(self) -> None:
        if self.case_id is not None:
            self._document(self._service.confirmation_application, self.case_id,
                           translate("AftercareTab", "司法确认申请书"))

    @property
    def making_document(self) -> bool:
        return self.document_task is not None and self.document_task.running

    def _document(self, make, record_id: int, title: str) -> Task | None:
        """Make and archive a coded document on a worker thread (ui/tasks.py: ``make`` is the service's
        method and gets the record's id); the preview opens when it is ready. Both document buttons wait
        meanwhile: one document at a time, never the same one twice. Returns the Task (None: one is running)."""
        if self.making_document:
            return None
        self.message.show_notice("info", translate("AftercareTab", "正在生成{title}…").format(title=title))
        self.document_task = run_task(make, record_id, owner=self, name="aftercare-document",
                                      on_done=lambda made: self._on_document_made(made, title),
                                      on_error=self._on_document_failed)
        self._update_buttons()
        return self.document_task

    def _on_document_made(self, made, title: str) -> None:
        path, code = made
        self._update_buttons()
        self.message.show_notice("ok", translate("AftercareTab", "{title}已生成并存档，核验码 {code}：{path}").format(
            title=title, code=code, path=str(path)))
        if self.open_files:
            from .pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, title, self).exec()

    def _on_document_failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, DocumentRefused):
            self.message.show_notice("warning", translate("Documents", str(error)))
        elif isinstance(error, OSError):
            self.message.show_notice("error", translate("AftercareTab", "文书无法写入数据文件夹：{error}").format(
                error=error.strerror or str(error)))
        else:  # a bug: logged and shown by the app's error presenter
            self.message.hide()
            present_error(error)
