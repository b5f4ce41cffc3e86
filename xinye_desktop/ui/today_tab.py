"""今日工作: what needs doing today, shown when the app starts. Overdue and upcoming return visits, terms
whose deadline is near or passed unperformed, and 司法确认 windows about to close; a click on a line
opens its case."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.aftercare import UPCOMING_DAYS
from ..services.ledger import LedgerService, TodayWork, deadline_of, visit_reason_label
from .i18n import Retranslating, join_list, translate, vtr
from .widgets import Cell, ColumnFitter, RowsModel, rows_view

CTX = "TodayTab"
KINDS = ("visits_overdue", "visits_upcoming", "term_deadlines", "confirmations_closing")
STRETCH = {"visits_overdue": 3, "visits_upcoming": 3, "term_deadlines": 4, "confirmations_closing": 3}
ELASTIC = {"visits_overdue": (3, 4), "visits_upcoming": (3, 4), "term_deadlines": (3, 4), "confirmations_closing": (3,)}


def _names(text: str) -> str:
    return join_list(text.split(" "))


class TodayTab(Retranslating, QWidget):
    case_chosen = Signal(int)  # open this case (at its 回访与履行 page)

    def __init__(self, ledger: LedgerService, parent: QWidget | None = None):
        super().__init__(parent)
        self._ledger = ledger
        self.work: TodayWork | None = None
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.refresh_button = QPushButton()
        self.boxes: dict[str, QGroupBox] = {}
        self.models: dict[str, RowsModel] = {}
        self.views = {}
        self.fitters: dict[str, ColumnFitter] = {}
        self._rows: dict[str, list] = {}
        grid = QGridLayout()
        for index, kind in enumerate(KINDS):
            box = QGroupBox()
            model = RowsModel()
            view = rows_view(model)
            view.setMinimumHeight(120)
            # Dates, days and case numbers whole; where the box is too narrow the names and the
            # reason or term give way (and elide, the whole text in the tooltip).
            self.fitters[kind] = ColumnFitter(view, elastic=ELASTIC[kind], stretch=STRETCH[kind])
            view.clicked.connect(lambda i, k=kind: self._on_view_clicked(k, i.row()))
            view.activated.connect(lambda i, k=kind: self._on_view_clicked(k, i.row()))
            QVBoxLayout(box).addWidget(view)
            grid.addWidget(box, index // 2, index % 2)
            self.boxes[kind], self.models[kind], self.views[kind] = box, model, view
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(translate("TodayTab", "刷新"))
        self.models["visits_overdue"].set_headers([translate("TodayTab", "应回访日期"), translate("TodayTab", "逾期"),
                                                   translate("TodayTab", "案号"), translate("TodayTab", "当事人"),
                                                   translate("TodayTab", "事由")])
        self.models["visits_upcoming"].set_headers([translate("TodayTab", "回访日期"), translate("TodayTab", "还有"),
                                                    translate("TodayTab", "案号"), translate("TodayTab", "当事人"),
                                                    translate("TodayTab", "事由")])
        self.models["term_deadlines"].set_headers([translate("TodayTab", "履行期限"), translate("TodayTab", "剩余"),
                                                   translate("TodayTab", "案号"), translate("TodayTab", "履行人"),
                                                   translate("TodayTab", "条款")])
        self.models["confirmations_closing"].set_headers([
            translate("TodayTab", "申请截止"), translate("TodayTab", "剩余"), translate("TodayTab", "案号"),
            translate("TodayTab", "当事人"), translate("TodayTab", "协议生效")])
        if self.work is not None:
            self._show(self.work)

    def refresh(self) -> None:
        self._show(self._ledger.work())

    def set_work(self, work: TodayWork) -> None:
        """Show work just read (the window reads it at start to choose its first tab)."""
        self._show(work)

    def _show(self, work: TodayWork) -> None:
        self.work = work
        today = work.today
        self.title_label.setText(translate("TodayTab", "今日工作　{day}　共{n}项").format(
            day=today.isoformat(), n=work.total))
        titles = {
            "visits_overdue": translate("TodayTab", "逾期未回访（{n}）"),
            "visits_upcoming": translate("TodayTab", "{days}天内应回访（{n}）"),
            "term_deadlines": translate("TodayTab", "履行期限将到或已过未履行（{n}）"),
            "confirmations_closing": translate("TodayTab", "司法确认申请期限将满（{n}）"),
        }
        for kind in KINDS:
            count, rows = getattr(work, kind)
            shown = titles[kind].format(n=count, days=UPCOMING_DAYS)
            if count > len(rows):
                shown += translate("TodayTab", "，显示最早的{m}项").format(m=len(rows))
            self.boxes[kind].setTitle(shown)
            self._rows[kind] = rows
            self.models[kind].set_rows([self._cells(kind, row, today) for row in rows])

    @staticmethod
    def _cells(kind: str, row, today) -> list:
        import datetime as dt

        day = dt.date.fromisoformat(deadline_of(row) if kind == "confirmations_closing" else row.day)
        days = (day - today).days
        if days < 0:
            when = Cell(translate("TodayTab", "已过{n}天").format(n=-days), colour="#b00020", bold=True)
        elif days == 0:
            when = Cell(translate("TodayTab", "今天"), colour="#7a4a00", bold=True)
        else:
            when = Cell(translate("TodayTab", "{n}天").format(n=days))
        names = Cell(_names(row.party_names), tooltip=_names(row.party_names))
        if kind in ("visits_overdue", "visits_upcoming"):
            reason = vtr(visit_reason_label(row.detail))
            return [day.isoformat(), when, row.case_number, names, Cell(reason, tooltip=reason)]
        if kind == "term_deadlines":
            return [day.isoformat(), when, row.case_number, Cell(row.obligor, tooltip=row.obligor),
                    Cell(row.detail, tooltip=row.detail)]
        return [day.isoformat(), when, row.case_number, names, row.day]

    def _on_view_clicked(self, kind: str, row: int) -> None:
        rows = self._rows.get(kind) or []
        if 0 <= row < len(rows):
            self.case_chosen.emit(rows[row].case_id)
