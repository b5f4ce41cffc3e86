"""What the hub's tabs share: loading on first show and after a change (off the GUI thread, through
ui/tasks.py), a period picker, and the labels of the villages' codes."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.enums import CaseStatus, DisputeType
from ...domain.statistics import Period, PeriodKind
from ..i18n import Retranslating, translate, vtr
from ..tasks import run_task


def label_of(enum, code) -> str:
    """A village code's label (CaseStatus, DisputeType …), or the code itself where this version does not
    know it (a newer village's)."""
    try:
        return vtr(enum(code).label) if code else ""
    except ValueError:
        return str(code)


def status_label(code) -> str:
    return label_of(CaseStatus, code)


def dispute_label(code) -> str:
    return label_of(DisputeType, code)


def short_committee(name: str) -> str:
    """A committee's name as a list shows it: 新野县王庄镇王庄村人民调解委员会 → 王庄镇王庄村 (the whole name in
    the tooltip); a name of another shape as it is."""
    short = (name or "").removesuffix("人民调解委员会").removesuffix("调解委员会").removesuffix("调委会")
    county = re.match(r"^[^县市区旗]{1,12}?[县旗]", short)  # the county the whole hub is in: said once, in the title
    if county and len(short) > county.end():
        short = short[county.end():]
    return short or name


def committee_cell(name: str, **style) -> "Cell":
    from ..widgets import Cell

    return Cell(short_committee(name), tooltip=name, **style)


class HubTab(Retranslating, QWidget):
    """A tab that loads when first shown, and again when shown after ``mark_stale`` (an import, a review).
    Subclasses give ``load()`` (runs on a worker thread: services only, no widget) and ``show_loaded(result)``
    (on the GUI thread)."""

    loaded = Signal()  # show_loaded has run (tests wait for it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stale = True
        self._again = False
        self.task = None
        self.error = ""

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Load again now (off the GUI thread); a load under way is left to finish and this one follows it."""
        self._stale = False
        if self.task is not None and self.task.running:
            self._again = True  # however often asked meanwhile: one more load once this one is done
            return
        self._again = False
        self.task = run_task(self.load, on_done=self._done, on_error=self._failed, owner=self,
                             name=type(self).__name__)

    def _done(self, result) -> None:
        self.error = ""
        self.show_loaded(result)
        self._settled()

    def _failed(self, error: BaseException) -> None:
        from ..widgets import error_text

        self.error = error_text(error)
        self.show_error(self.error)
        self._settled()

    def _settled(self) -> None:
        self.loaded.emit()
        if self._again:  # asked for again while it loaded: what it showed may be old already
            self.refresh()

    def load(self):  # pragma: no cover - each tab has its own
        raise NotImplementedError

    def show_loaded(self, result) -> None:  # pragma: no cover
        raise NotImplementedError

    def show_error(self, text: str) -> None:
        """A load refused (a role that may not) or failed: said where the content would be."""
        raise NotImplementedError


class PagedHubTab(HubTab):
    """A tab paging through what the hub holds (the 台账, the 明白人库), narrowed to a township and a
    committee: the two combos (filled from the committees on the first load), 上一页/下一页, and the page
    and its offset. The tab adds its own filters, lays the widgets out and shows ``self.page``."""

    PAGE = 200

    def __init__(self, overview, holdings, parent: QWidget | None = None):
        super().__init__(parent)
        self._overview, self._holdings = overview, holdings
        self.offset = 0
        self.page = None
        self.committees: list[dict] = []
        self.township_combo = QComboBox()
        self.township_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.committee_combo = QComboBox()
        self.committee_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(lambda: self.go(self.offset - self.PAGE))
        self.next_button.clicked.connect(lambda: self.go(self.offset + self.PAGE))

    def search(self) -> None:
        self.offset = 0
        self.refresh()

    def go(self, offset: int) -> None:
        self.offset = max(0, offset)
        self.refresh()

    def committees_once(self) -> list[dict] | None:
        """On the worker: the committees for the combos on the first load, None after."""
        return self._holdings.committees() if not self.committees else None

    def fill_committees(self, committees: list[dict] | None) -> None:
        if committees is None:
            return
        self.committees = committees
        self.township_combo.clear()
        self.township_combo.addItem(translate("HubTab", "全部乡镇"), "")
        for township in sorted({c.get("township") or "" for c in committees} - {""}):
            self.township_combo.addItem(township, township)
        self.committee_combo.clear()
        self.committee_combo.addItem(translate("HubTab", "全部调委会"), None)
        for committee in committees:
            self.committee_combo.addItem(short_committee(committee["name"]), committee["id"])

    def update_pager(self, label: QLabel, counted: str, nothing: str) -> None:
        """上一页/下一页 enabled as the page allows, and ``label`` saying where it is: ``counted`` (with
        {total}, {first}, {last}) or ``nothing`` for an empty result; left as it is without a page."""
        page = self.page
        self.previous_button.setEnabled(page is not None and self.offset > 0)
        self.next_button.setEnabled(page is not None and self.offset + self.PAGE < page.total)
        if page is None:
            return
        label.setText(counted.format(total=f"{page.total:,}", first=self.offset + 1,
                                     last=self.offset + len(page.rows)) if page.total else nothing)

    def retranslate_pager(self) -> None:
        if self.township_combo.count():
            self.township_combo.setItemText(0, translate("HubTab", "全部乡镇"))
            self.committee_combo.setItemText(0, translate("HubTab", "全部调委会"))
        self.previous_button.setText(translate("HubTab", "上一页"))
        self.next_button.setText(translate("HubTab", "下一页"))


class PeriodPicker(Retranslating, QWidget):
    """月报 / 季报 / 年报, the year and the month or quarter. ``changed`` when the choice changes."""

    changed = Signal()

    def __init__(self, today: dt.date | None = None, kinds=(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today or dt.date.today()
        self.kind_combo = QComboBox()
        for kind in kinds:
            self.kind_combo.addItem("", kind.value)
        self.year_combo = QComboBox()
        for year in range(self._today.year, self._today.year - 6, -1):
            self.year_combo.addItem(str(year), year)
        self.number_combo = QComboBox()
        self.kind_label = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind_label)
        row.addWidget(self.kind_combo)
        row.addWidget(self.year_combo)
        row.addWidget(self.number_combo)
        self.retranslate()
        self._fill_numbers(self._today.month)
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.year_combo.currentIndexChanged.connect(self.changed.emit)
        self.number_combo.currentIndexChanged.connect(self.changed.emit)

    def kind(self) -> PeriodKind:
        return PeriodKind(self.kind_combo.currentData() or PeriodKind.MONTH.value)

    def period_text(self) -> str:
        """The chosen period as the village's statistics tab names it."""
        from ..statistics_tab import period_text

        return period_text(self.period())

    def period(self) -> Period:
        kind = self.kind()
        number = self.number_combo.currentData() if kind is not PeriodKind.YEAR else 1
        return Period(kind, self.year_combo.currentData(), number or 1)

    def choose(self, period: Period) -> None:
        blocked = [w.blockSignals(True) for w in (self.kind_combo, self.year_combo, self.number_combo)]
        try:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(period.kind.value)))
            year = self.year_combo.findData(period.year)
            if year < 0:
                self.year_combo.addItem(str(period.year), period.year)
                year = self.year_combo.count() - 1
            self.year_combo.setCurrentIndex(year)
            self._fill_numbers(period.number)
        finally:
            for widget, was in zip((self.kind_combo, self.year_combo, self.number_combo), blocked):
                widget.blockSignals(was)
        self.changed.emit()

    def _on_kind(self) -> None:
        day = self._today
        self._fill_numbers(Period.containing(self.kind(), day).number)
        self.changed.emit()

    def _fill_numbers(self, wanted: int) -> None:
        kind = self.kind()
        blocked = self.number_combo.blockSignals(True)
        self.number_combo.clear()
        if kind is PeriodKind.MONTH:
            for month in range(1, 13):
                self.number_combo.addItem(translate("HubPeriod", "{n}月").format(n=month), month)
        elif kind is PeriodKind.QUARTER:
            for quarter, name in enumerate((translate("HubPeriod", "第一季度"), translate("HubPeriod", "第二季度"),
                                            translate("HubPeriod", "第三季度"), translate("HubPeriod", "第四季度")),
                                           start=1):
                self.number_combo.addItem(name, quarter)
        self.number_combo.setVisible(kind is not PeriodKind.YEAR)
        self.number_combo.setCurrentIndex(max(0, self.number_combo.findData(wanted)))
        self.number_combo.blockSignals(blocked)

    def retranslate(self) -> None:
        names = {PeriodKind.MONTH.value: translate("HubPeriod", "月报"),
                 PeriodKind.QUARTER.value: translate("HubPeriod", "季报"),
                 PeriodKind.YEAR.value: translate("HubPeriod", "年报")}
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, names[self.kind_combo.itemData(index)])
        self.kind_label.setText(translate("HubPeriod", "期间"))
        if self.number_combo.count():
            self._fill_numbers(self.number_combo.currentData() or 1)
