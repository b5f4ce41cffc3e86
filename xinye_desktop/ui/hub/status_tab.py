"""本月报送: which committees reported for a month (a zero report is a report) and which did not, the
overdue 回访 and the 司法确认 windows about to close across the villages (services/hub/overview.status)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from ...domain.aftercare import VisitReason
from ...domain.statistics import Period, PeriodKind
from ..i18n import translate
from ..widgets import Cell, RowsModel, rows_view
from .common import HubTab, PeriodPicker, committee_cell, label_of

LISTED = 200  # rows of overdue visits and closing windows shown; the titles say how many there are


def _this_month(today: dt.date) -> Period:
    return Period(PeriodKind.MONTH, today.year, today.month)


class StatusTab(HubTab):
    def __init__(self, overview, parent: QWidget | None = None, today=dt.date.today):
        super().__init__(parent)
        self._overview = overview
        self._today = today
        self.picker = PeriodPicker(today(), kinds=(PeriodKind.MONTH,))
        self.picker.choose(_this_month(today()))  # a village's package is named for the month it is sent in
        self.picker.changed.connect(self.refresh)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)

        self.reports_model = RowsModel()
        self.reports_view = rows_view(self.reports_model)
        self.overdue_model = RowsModel()
        self.overdue_view = rows_view(self.overdue_model)
        self.closing_model = RowsModel()
        self.closing_view = rows_view(self.closing_model)
        self.reports_box = QGroupBox()
        QVBoxLayout(self.reports_box).addWidget(self.reports_view)
        self.overdue_box = QGroupBox()
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_view)
        self.closing_box = QGroupBox()
        QVBoxLayout(self.closing_box).addWidget(self.closing_view)

        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        work = QSplitter(Qt.Orientation.Vertical)
        work.addWidget(self.overdue_box)
        work.addWidget(self.closing_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.reports_box)
        split.addWidget(work)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        self.status = None
        self.retranslate()

    def load(self):
        return self._overview.status(self.picker.period(), today=self._today(), limit=LISTED)

    def show_loaded(self, status) -> None:
        self.status = status
        zero = sum(r.zero_report for r in status.reported)
        self.summary_label.setText(translate(
            "HubStatusTab", "{month}：已报送 {reported} 个调委会（其中零报告 {zero} 个），未报送 {missing} 个。"
                            "逾期未回访 {overdue} 件，司法确认申请期限即将届满 {closing} 件（截至 {today}）。").format(
            month=self.picker.period_text(), reported=len(status.reported), zero=zero, missing=len(status.not_reported),
            overdue=status.overdue_visits, closing=status.closing_windows, today=status.today.isoformat()))
        rows = []
        for report in status.not_reported + status.reported:
            if not report.reported:
                state = Cell(translate("HubStatusTab", "未报送"), colour="#b00020", bold=True)
            elif report.zero_report:
                state = Cell(translate("HubStatusTab", "零报告"))
            else:
                state = Cell(translate("HubStatusTab", "已报送"), colour="#1b5e20")
            last = report.last_package_at
            rows.append([Cell(report.township), committee_cell(report.name), state,
                         Cell(f"{last:%Y-%m-%d %H:%M}" if last else translate("HubStatusTab", "从未报送"))])
        self.reports_model.set_rows(rows)
        self.overdue_model.set_rows([
            [committee_cell(v.committee), Cell(v.case_number), Cell(v.due_on.isoformat()),
             Cell(translate("HubStatusTab", "{days} 天").format(days=v.days_overdue), right=True,
                  colour="#b00020" if v.days_overdue > 30 else ""),
             Cell(label_of(VisitReason, v.reason))] for v in status.overdue])
        self.closing_model.set_rows([
            [committee_cell(w.committee), Cell(w.case_number), Cell(w.effective_on.isoformat()), Cell(w.deadline.isoformat()),
             Cell(translate("HubStatusTab", "今天截止") if w.days_left == 0
                  else translate("HubStatusTab", "剩 {days} 天").format(days=w.days_left),
                  colour="#b00020" if w.days_left <= 2 else "")] for w in status.closing])
        self._titles()

    def show_error(self, text: str) -> None:
        self.summary_label.setText(text)
        for model in (self.reports_model, self.overdue_model, self.closing_model):
            model.set_rows([])

    def _titles(self) -> None:
        status = self.status
        self.reports_box.setTitle(translate("HubStatusTab", "报送情况"))
        more = (lambda shown, total: translate("HubStatusTab", "（共 {total} 件，列出最紧迫的 {shown} 件）").format(
            total=total, shown=shown) if total > shown else translate("HubStatusTab", "（共 {total} 件）").format(total=total))
        self.overdue_box.setTitle(translate("HubStatusTab", "逾期未回访") +
                                  (more(len(status.overdue), status.overdue_visits) if status else ""))
        self.closing_box.setTitle(translate("HubStatusTab", "司法确认申请期限即将届满") +
                                  (more(len(status.closing), status.closing_windows) if status else ""))

    def retranslate(self) -> None:
        self.refresh_button.setText(translate("HubStatusTab", "刷新"))
        self.reports_model.set_headers([translate("HubStatusTab", "乡镇"), translate("HubStatusTab", "调委会"),
                                        translate("HubStatusTab", "本月"), translate("HubStatusTab", "最近一次报送")])
        self.overdue_model.set_headers([translate("HubStatusTab", "调委会"), translate("HubStatusTab", "案号"),
                                        translate("HubStatusTab", "应回访日期"), translate("HubStatusTab", "已逾期"),
                                        translate("HubStatusTab", "回访事由")])
        self.closing_model.set_headers([translate("HubStatusTab", "调委会"), translate("HubStatusTab", "案号"),
                                        translate("HubStatusTab", "协议生效日期"), translate("HubStatusTab", "申请截止日"),
                                        translate("HubStatusTab", "剩余")])
        self._titles()
        if self.status is not None:
            self.show_loaded(self.status)
