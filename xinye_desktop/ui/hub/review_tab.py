"""案卷审查: the 司法所 grades a village's case file for 以案定补 (一般 / 疑难 / 重大) and approves it or returns it
with a reason (services/hub/review.HubReviews). Each review is a row of its own, never changed; the village
sees the newest in its next return package. The village's case itself is not edited here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QRadioButton, QSplitter, QVBoxLayout, QWidget,
)

from ...domain.hub import ReviewDecision, ReviewGrade
from ...domain.times import local_time
from ..i18n import join_list, translate, vtr
from ..tasks import run_task
from ..widgets import Cell, FieldBox, RowsModel, error_text, rows_view, selected_row
from .common import HubTab, dispute_label, short_committee, status_label

ALL, UNREVIEWED, CHANGED = "all", "unreviewed", "changed"


class ReviewTab(HubTab):
    reviewed = Signal()

    def __init__(self, holdings, reviews, may_review: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._holdings, self._reviews = holdings, reviews
        self.may_review = may_review
        self.committees: list[dict] = []
        self.cases: list[dict] = []
        self.shown: list[dict] = []
        self._wanted: tuple[str, str] | None = None  # (committee, case) asked for from the 台账
        self._saved_message = ""  # said again once the tab has loaded after a save
        self.save_task = None

        self.committee_combo = QComboBox()
        self.committee_combo.setMinimumContentsLength(12)
        self.committee_combo.activated.connect(self.refresh)
        self.which_combo = QComboBox()
        for code in (UNREVIEWED, CHANGED, ALL):
            self.which_combo.addItem("", code)
        self.which_combo.activated.connect(self._fill_cases)
        self.count_label = QLabel()
        self.model = RowsModel()
        self.view = rows_view(self.model)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._show_case())

        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.case_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.case_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.last_label = QLabel()
        self.last_label.setWordWrap(True)
        self.grade_buttons = QButtonGroup(self)
        self.grade_row = QHBoxLayout()
        for grade in ReviewGrade:
            button = QRadioButton(vtr(grade.label))
            button.setProperty("code", grade.value)
            self.grade_buttons.addButton(button)
            self.grade_row.addWidget(button)
        self.grade_row.addStretch(1)
        self.decision_buttons = QButtonGroup(self)
        self.decision_row = QHBoxLayout()
        for decision in ReviewDecision:
            button = QRadioButton(vtr(decision.label))
            button.setProperty("code", decision.value)
            self.decision_buttons.addButton(button)
            self.decision_row.addWidget(button)
        self.decision_row.addStretch(1)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.reason_box = FieldBox(self.reason_edit)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.grade_title, self.decision_title, self.reason_title = QLabel(), QLabel(), QLabel()
        grade_widget, decision_widget = QWidget(), QWidget()
        grade_widget.setLayout(self.grade_row)
        decision_widget.setLayout(self.decision_row)
        self.grade_row.setContentsMargins(0, 0, 0, 0)
        self.decision_row.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.grade_title, grade_widget)
        form.addRow(self.decision_title, decision_widget)
        form.addRow(self.reason_title, self.reason_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.form_box.setVisible(may_review)

        self.case_box = QGroupBox()
        right = QVBoxLayout(self.case_box)
        right.addWidget(self.case_label)
        right.addWidget(self.last_label)
        right.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.committee_title, self.which_title = QLabel(), QLabel()
        top.addWidget(self.committee_title)
        top.addWidget(self.committee_combo, 1)
        top.addWidget(self.which_title)
        top.addWidget(self.which_combo)
        left_layout.addLayout(top)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.count_label)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.case_box, 1)
        side_layout.addWidget(self.form_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(split)
        self.retranslate()
        self._show_case()

    # -- loading -----------------------------------------------------------------------------------------
    def load(self):
        committees = self._holdings.committees()
        chosen = self._wanted[0] if self._wanted else self.committee_combo.currentData()
        if chosen is None and committees:
            chosen = committees[0]["id"]
        cases = self._holdings.case_files(chosen) if chosen else []
        return committees, chosen, cases

    def show_loaded(self, result) -> None:
        committees, chosen, cases = result
        self.committees = committees
        blocked = self.committee_combo.blockSignals(True)
        self.committee_combo.clear()
        for committee in committees:
            self.committee_combo.addItem(short_committee(committee["name"]), committee["id"])
        self.committee_combo.setCurrentIndex(max(0, self.committee_combo.findData(chosen)))
        self.committee_combo.blockSignals(blocked)
        self.cases = cases
        if self._wanted is not None:
            self.which_combo.setCurrentIndex(self.which_combo.findData(ALL))
        self._fill_cases()
        if self._wanted is not None:
            uuid = self._wanted[1]
            self._wanted = None
            for index, case in enumerate(self.shown):
                if case["uuid"] == uuid:
                    self.view.selectRow(index)
                    break
        if self._saved_message:  # the case shown again after a save: say it was saved
            self.saved_label.setText(self._saved_message)
            self._saved_message = ""

    def show_error(self, text: str) -> None:
        self.cases, self.shown = [], []
        self.model.set_rows([])
        self.count_label.setText(text)
        self._show_case()

    def show_case(self, committee_id: str, case_uuid: str) -> None:
        """The 台账's 审查这个案卷: that committee's files, that case selected."""
        self._wanted = (committee_id, case_uuid)
        self.refresh()

    def _fill_cases(self) -> None:
        which = self.which_combo.currentData()
        if which == UNREVIEWED:
            self.shown = [c for c in self.cases if c["review"] is None]
        elif which == CHANGED:
            self.shown = [c for c in self.cases if c["changed_after_review"]]
        else:
            self.shown = list(self.cases)
        rows = []
        for case in self.shown:
            review = case["review"]
            if review is None:
                state = Cell(translate("HubReviewTab", "未审查"))
            else:
                state = Cell(self._review_text(review, short=True),
                             colour="#b00020" if review.get("decision") == ReviewDecision.RETURNED.value else "#1b5e20")
            if case["changed_after_review"]:
                state = Cell(translate("HubReviewTab", "审查后村里又修改"), colour="#b00020", bold=True)
            rows.append([Cell(case["case_number"]), Cell(str(case["received_date"])),
                         Cell(dispute_label(case["dispute_type"])), Cell(status_label(case["status"])), state])
        self.model.set_rows(rows)
        self.count_label.setText(translate("HubReviewTab", "列出 {shown} 件，本调委会共 {total} 件；未审查 {open} 件。").format(
            shown=len(self.shown), total=len(self.cases), open=sum(c["review"] is None for c in self.cases)))
        self._show_case()

    # -- one case ------------------------------------------------------------------------------------------
    def selected_case(self) -> dict | None:
        index = selected_row(self.view)
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def _review_text(self, review: dict, short: bool = False) -> str:
        grade = ReviewGrade.from_code(review.get("grade") or None)
        decision = ReviewDecision.from_code(review.get("decision") or None)
        parts = [vtr(p.label) for p in (grade, decision) if p is not None]
        text = "，".join(parts) or translate("HubReviewTab", "已审查")
        if short:
            return text
        when = local_time(review.get("reviewed_at"))
        text = translate("HubReviewTab", "最近一次审查：{what}（{who}，{when}）").format(
            what=text, who=review.get("reviewed_by") or "", when=when)
        if review.get("reason"):
            text += "\n" + translate("HubReviewTab", "理由：{reason}").format(reason=review["reason"])
        return text

    def _show_case(self) -> None:
        case = self.selected_case()
        self.save_button.setEnabled(case is not None)
        self.reason_box.set_error("")
        if case is None:
            self.case_label.setText(translate("HubReviewTab", "在左边选一件案件。"))
            self.last_label.clear()
            return
        committee = self.committee_combo.currentText()
        try:  # one row's names, opened with the hub's key
            personal = self._holdings.personal(self.committee_combo.currentData(), "cases", case["uuid"])
        except Exception:  # noqa: BLE001 - shown without the names; the log has it
            import logging

            logging.getLogger("xinye_desktop").exception("hub case names")
            personal = {}
        parties = join_list(str(personal.get("party_names") or "").split()) or "—"
        self.case_label.setText(translate("HubReviewTab", "{number}\n{committee}\n当事人：{parties}\n受理日期：{date}\n"
                                                          "纠纷类型：{type}\n状态：{status}").format(
            number=case["case_number"], committee=committee, parties=parties, date=case["received_date"],
            type=dispute_label(case["dispute_type"]), status=status_label(case["status"])))
        review = case["review"]
        self.last_label.setText(self._review_text(review) if review else translate("HubReviewTab", "还没有审查过。"))
        for group, code in ((self.grade_buttons, review.get("grade") if review else ""),
                            (self.decision_buttons, review.get("decision") if review else "")):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(bool(code) and button.property("code") == code)
            group.setExclusive(True)
        self.reason_edit.setPlainText("")
        self.saved_label.clear()

    @staticmethod
    def _checked(group: QButtonGroup):
        button = group.checkedButton()
        return button.property("code") if button is not None else None

    def save(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        grade = ReviewGrade.from_code(self._checked(self.grade_buttons))
        decision = ReviewDecision.from_code(self._checked(self.decision_buttons))
        reason = self.reason_edit.toPlainText().strip()
        if grade is None and decision is None:
            self.saved_label.setText(translate("HubReviewTab", "请选择等级或审查结论。"))
            return
        if decision is ReviewDecision.RETURNED and not reason:
            self.reason_box.set_error(translate("HubReviewTab", "退回要写明理由，村里会看到。"))
            self.reason_edit.setFocus()
            return
        self.save_button.setEnabled(False)
        committee_id = self.committee_combo.currentData()
        self.save_task = run_task(self._reviews.review, committee_id, case["uuid"], grade, decision, reason,
                                  owner=self, on_done=lambda _id: self._saved(case), on_error=self._save_failed,
                                  name="hub-review")

    def _saved(self, case: dict) -> None:
        self._saved_message = translate("HubReviewTab", "已保存 {number} 的审查意见，下次生成回执包时发给村里。").format(
            number=case["case_number"])
        self.saved_label.setText(self._saved_message)
        self._wanted = (self.committee_combo.currentData(), case["uuid"])
        self.reviewed.emit()  # the window marks every tab stale: this one loads again, the case kept selected
        if not self.isVisible():
            self.refresh()

    def _save_failed(self, error) -> None:
        self.save_button.setEnabled(True)
        self.saved_label.setText(error_text(error))

    def retranslate(self) -> None:
        self.committee_title.setText(translate("HubReviewTab", "调委会"))
        self.which_title.setText(translate("HubReviewTab", "显示"))
        names = {UNREVIEWED: translate("HubReviewTab", "未审查的"), CHANGED: translate("HubReviewTab", "审查后又修改的"),
                 ALL: translate("HubReviewTab", "全部案卷")}
        for index in range(self.which_combo.count()):
            self.which_combo.setItemText(index, names[self.which_combo.itemData(index)])
        self.model.set_headers([translate("HubReviewTab", "案号"), translate("HubReviewTab", "受理日期"),
                                translate("HubReviewTab", "纠纷类型"), translate("HubReviewTab", "状态"),
                                translate("HubReviewTab", "审查")])
        self.case_box.setTitle(translate("HubReviewTab", "案卷"))
        self.form_box.setTitle(translate("HubReviewTab", "审查意见（以案定补）"))
        self.grade_title.setText(translate("HubReviewTab", "等级"))
        self.decision_title.setText(translate("HubReviewTab", "结论"))
        self.reason_title.setText(translate("HubReviewTab", "理由"))
        self.reason_edit.setPlaceholderText(translate("HubReviewTab", "退回时必填：要村里补正什么"))
        self.save_button.setText(translate("HubReviewTab", "保存审查意见"))
        for group, enum in ((self.grade_buttons, ReviewGrade), (self.decision_buttons, ReviewDecision)):
            for button in group.buttons():
                button.setText(vtr(enum(button.property("code")).label))
        if self.cases:
            self._fill_cases()
