"""统计报表: the figures the 司法所 collects, for a month, quarter or year, for every village or one;
headline figures (防止激化 and 排查 among them), bar charts by dispute type and by source, a table by
village, the .xlsx export, and the 排查记录 behind the 排查 figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget,
)

from ..domain.enums import DisputeType
from ..domain.statistics import Period, PeriodKind, Statistics, percent
from .i18n import translate, vtr
from .tasks import Task, present_error, run_task
from .widgets import Cell, NoticeLabel, RowsModel, rows_view

BAR_COLOUR = QColor("#3b6ea5")


def period_text(p: Period) -> str:
    """A month, quarter or year as the statistics name it (2026年11月, 2026年第4季度, 2026年), translated."""
    if p.kind is PeriodKind.MONTH:
        return translate("StatisticsTab", "{year}年{n}月").format(year=p.year, n=p.number)
    if p.kind is PeriodKind.QUARTER:
        return translate("StatisticsTab", "{year}年第{n}季度").format(year=p.year, n=p.number)
    return translate("StatisticsTab", "{year}年").format(year=p.year)


class BarChart(QWidget):
    """Horizontal bars, one per category, labelled with the category and the figure: readable at a
    glance and in print, with nothing that needs Qt Charts."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = list(bars)
        self.setFixedHeight(max(len(self.bars), 1) * self.ROW + 8)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(len(self.bars), 1) * self.ROW + 8)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width = max([metrics.horizontalAdvance(label) for label, _ in self.bars] + [40]) + 10
        value_width = metrics.horizontalAdvance("00000") + 8
        room = max(self.width() - label_width - value_width - 8, 10)
        top = max([value for _, value in self.bars] + [1])
        for i, (label, value) in enumerate(self.bars):
            y = 4 + i * self.ROW
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_width - 8, self.ROW), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            width = room * value / top
            painter.fillRect(QRectF(label_width, y + 4, max(width, 1 if value else 0), self.ROW - 8), BAR_COLOUR)
            painter.drawText(QRectF(label_width + width + 6, y, value_width, self.ROW),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(value))
        painter.end()


class Figure(QFrame):
    """One headline figure: a large number over its name."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Figure { background: #f6f8fb; border: 1px solid #d7dee8; border-radius: 4px; }")
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.name)
        layout.addWidget(self.detail)


def ask_save_path(parent, title: str, suggested: str, file_filter: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), file_filter)
    return path


class StatisticsTab(QWidget):
    def __init__(self, statistics, ledger, committee=lambda: "", today=dt.date.today, parent=None, canvasses=None):
        super().__init__(parent)
        self._statistics = statistics
        self._ledger = ledger
        self._canvasses = canvasses  # CanvassService: the 排查记录 dialog
        self._committee = committee
        self._today = today
        self.ask_save_path = ask_save_path
        self.stats: Statistics | None = None
        self._dirty = True
        self.export_task: Task | None = None

        self.kind_combo = QComboBox()
        for kind in PeriodKind:
            self.kind_combo.addItem("", kind.value)
        self.year_combo = QComboBox()
        self.number_combo = QComboBox()
        self.village_combo = QComboBox()
        self.village_combo.setMinimumContentsLength(12)
        # Sized to what they hold now, not what they held when first shown (months, then 第4季度).
        for combo in (self.kind_combo, self.year_combo, self.number_combo, self.village_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_button = QPushButton(clicked=lambda: self.export())
        self.canvass_button = QPushButton(clicked=lambda: self.show_canvasses())
        self.canvass_button.setVisible(canvasses is not None)
        self.period_label = QLabel()
        font = self.period_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.period_label.setFont(font)
        self.message = NoticeLabel()
        self.definitions = QLabel()
        self.definitions.setWordWrap(True)
        self.definitions.setStyleSheet("color: #555;")

        self.figures = {key: Figure() for key in ("accepted", "succeeded", "rate", "amount", "parties", "performed",
                                                  "criminal", "petition", "canvasses")}
        grid = QGridLayout()
        for i, key in enumerate(self.figures):
            grid.addWidget(self.figures[key], i // 3, i % 3)
        self.type_box = QGroupBox()
        self.type_chart = BarChart()
        QVBoxLayout(self.type_box).addWidget(self.type_chart)
        self.source_box = QGroupBox()
        self.source_chart = BarChart()
        QVBoxLayout(self.source_box).addWidget(self.source_chart)
        self.village_box = QGroupBox()
        self.village_model = RowsModel()
        self.village_view = rows_view(self.village_model)
        self.village_view.setMinimumHeight(260)
        # Each column as wide as its heading or figures: a stretched last column pushed its figure far
        # from its heading.
        self.village_view.horizontalHeader().setStretchLastSection(False)
        QVBoxLayout(self.village_box).addWidget(self.village_view)

        controls = QHBoxLayout()
        self.period_caption = QLabel()
        self.village_caption = QLabel()
        for w in (self.period_caption, self.kind_combo, self.year_combo, self.number_combo, self.village_caption,
                  self.village_combo):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.canvass_button)
        controls.addWidget(self.export_button)

        left = QVBoxLayout()
        left.addLayout(grid)
        left.addWidget(self.source_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.type_box)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.period_label)
        inner_layout.addLayout(body)
        # The village table spans the width: nine columns of figures.
        inner_layout.addWidget(self.village_box, 1)
        inner_layout.addWidget(self.definitions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)

        self.retranslate()
        self._fill_years()
        self.choose(Period.containing(PeriodKind.MONTH, self._today()))
        # The kind first gets its own numbers (a month becomes the quarter holding it), then the
        # figures follow; the other combos only need the figures.
        self.kind_combo.currentIndexChanged.connect(self._on_kind_chosen)
        for combo in (self.year_combo, self.number_combo, self.village_combo):
            combo.currentIndexChanged.connect(self._on_choice)

    # -- language --------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.show_stats()
        super().changeEvent(event)

    def retranslate(self) -> None:
        kinds = {PeriodKind.MONTH: translate("StatisticsTab", "月报"), PeriodKind.QUARTER: translate("StatisticsTab", "季报"),
                 PeriodKind.YEAR: translate("StatisticsTab", "年报")}
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kinds[PeriodKind(self.kind_combo.itemData(i))])
        self.period_caption.setText(translate("StatisticsTab", "统计期："))
        self.village_caption.setText(translate("StatisticsTab", "范围："))
        self.export_button.setText(translate("StatisticsTab", "导出Excel报表…"))
        self.canvass_button.setText(translate("StatisticsTab", "排查记录…"))
        self.type_box.setTitle(translate("StatisticsTab", "按纠纷类型（受理数）"))
        self.source_box.setTitle(translate("StatisticsTab", "按案件来源（受理数）"))
        self.village_box.setTitle(translate("StatisticsTab", "按村（社区）"))
        self.village_model.set_headers([
            translate("StatisticsTab", "村（社区）"), translate("StatisticsTab", "受理数"),
            translate("StatisticsTab", "调解成功数"), translate("StatisticsTab", "成功率"),
            translate("StatisticsTab", "防止民转刑（件/人）"), translate("StatisticsTab", "防止群体性上访（件/人）"),
            translate("StatisticsTab", "排查次数"), translate("StatisticsTab", "排查发现纠纷数"),
            translate("StatisticsTab", "预防纠纷数")])
        self.village_model.header_tips[4] = translate("StatisticsTab", "防止民间纠纷转化为刑事案件：件数/涉及人数")
        self.village_model.header_tips[5] = translate("StatisticsTab", "防止群体性上访：件数/涉及人数")
        names = {"accepted": translate("StatisticsTab", "受理纠纷（件）"),
                 "succeeded": translate("StatisticsTab", "调解成功（件）"),
                 "rate": translate("StatisticsTab", "调解成功率"),
                 "amount": translate("StatisticsTab", "协议涉及金额（万元）"),
                 "parties": translate("StatisticsTab", "涉及当事人（人次）"),
                 "performed": translate("StatisticsTab", "协议已履行（件）"),
                 "criminal": translate("StatisticsTab", "防止民间纠纷转化为刑事案件"),
                 "petition": translate("StatisticsTab", "防止群体性上访"),
                 "canvasses": translate("StatisticsTab", "排查次数（次）")}
        for key, figure in self.figures.items():
            figure.name.setText(names[key])
        self.definitions.setText(translate(
            "StatisticsTab", "口径：受理数不含不予受理；调解成功数为达成书面或口头协议的件数；成功率＝调解成功数÷受理数；"
            "协议涉及金额取各案现行协议书（已签署的最新版本，未签署的取最新打印版本）各条款金额之和。"
            "按受理日期统计，与“案件台账”按同一条件筛选的件数一致。防止民转刑、防止群体性上访为受理案件中"
            "经调解防止的件数和涉及人数（在“法理情调解”的“处理”一步登记）；排查次数、发现纠纷和预防纠纷按排查日期"
            "统计“排查记录”。"))
        self._fill_numbers()

    # -- choosing the period -----------------------------------------------------------------------
    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = sorted(set(self._statistics.years()) | {self._today().year}, reverse=True)
        for year in years:
            self.year_combo.addItem(translate("StatisticsTab", "{year}年").format(year=year), year)
        self.year_combo.blockSignals(False)

    def _kind(self) -> PeriodKind:
        return PeriodKind(self.kind_combo.currentData() or PeriodKind.MONTH.value)  # Qt hands back the plain str

    def _fill_numbers(self, wanted: int | None = None) -> None:
        """The month or quarter choices of the kind chosen; ``wanted`` (else the current number) selected."""
        kind = self._kind()
        current = wanted if wanted is not None else self.number_combo.currentData()
        self.number_combo.blockSignals(True)
        self.number_combo.clear()
        if kind is PeriodKind.MONTH:
            for m in range(1, 13):
                self.number_combo.addItem(translate("StatisticsTab", "{n}月").format(n=m), m)
        elif kind is PeriodKind.QUARTER:
            for q in range(1, 5):
                self.number_combo.addItem(translate("StatisticsTab", "第{n}季度").format(n=q), q)
        self.number_combo.setVisible(kind is not PeriodKind.YEAR)
        index = self.number_combo.findData(current)
        self.number_combo.setCurrentIndex(max(index, 0))
        self.number_combo.blockSignals(False)

    def _fill_villages(self) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(translate("StatisticsTab", "全部村（社区）"), None)
        for village_id, name, township in self._ledger.villages():  # (id, name, township), ledger order
            self.village_combo.addItem(township + name, village_id)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(current), 0))
        self.village_combo.blockSignals(False)

    def choose(self, period: Period, village_id: int | None = None) -> None:
        for combo in (self.kind_combo, self.year_combo, self.number_combo):
            combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind.value))
        self.number_combo.blockSignals(False)
        self._fill_numbers()
        self.number_combo.blockSignals(True)
        if self.year_combo.findData(period.year) < 0:
            self.year_combo.addItem(translate("StatisticsTab", "{year}年").format(year=period.year), period.year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(period.year))
        self.number_combo.setCurrentIndex(max(self.number_combo.findData(period.number), 0))
        for combo in (self.kind_combo, self.year_combo, self.number_combo):
            combo.blockSignals(False)
        self._fill_villages()
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(village_id), 0))
        self._shown_period = period
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def period(self) -> Period:
        kind = self._kind()
        number = self.number_combo.currentData() if kind is not PeriodKind.YEAR else 1
        return Period(kind, self.year_combo.currentData(), number or 1)

    def _on_kind_chosen(self) -> None:
        """月报/季报/年报 switched: show the period of the new kind that holds the one shown (today's,
        when the one shown holds today), never the old number read as the new kind's."""
        before = self._shown_period
        today = self._today()
        day = today if before.start <= today <= before.end else before.start
        self._fill_numbers(Period.containing(self._kind(), day).number)
        self._on_choice()

    def _on_choice(self) -> None:
        self._shown_period = self.period()
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self._fill_villages()
            self.refresh()

    def mark_stale(self) -> None:
        """A case changed somewhere: recount when the tab is next shown."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    # -- figures ---------------------------------------------------------------------------------
    def refresh(self) -> Statistics:
        self.stats = self._statistics.compute(self.period(), self.village_combo.currentData())
        self._dirty = False
        self.show_stats()
        return self.stats

    def show_stats(self) -> None:
        s = self.stats
        if s is None:
            return
        scope = s.village or translate("StatisticsTab", "全部村（社区）")
        self.period_label.setText(translate("StatisticsTab", "{period}　{scope}　{start}至{end}").format(
            period=self._period_text(), scope=scope, start=s.start.isoformat(), end=s.end.isoformat()))
        values = {
            "accepted": (str(s.accepted), translate("StatisticsTab", "另不予受理{n}件").format(n=s.rejected)),
            "succeeded": (str(s.succeeded), translate("StatisticsTab", "书面{w}件，口头{o}件").format(w=s.written, o=s.oral)),
            "rate": (percent(s.success_rate), translate("StatisticsTab", "调解终止{t}件，尚在调解{n}件").format(
                t=s.terminated, n=s.open)),
            "amount": (f"{s.amount_wan:,.2f}", translate("StatisticsTab", "{n}份协议载有金额").format(n=s.agreements_with_amount)),
            "parties": (str(s.parties), ""),
            "performed": (str(s.performed), translate("StatisticsTab", "部分履行{q}件，未履行{n}件，履行中{m}件").format(
                q=s.partial, n=s.not_performed, m=s.performing)),
            "criminal": (translate("StatisticsTab", "{n}件{p}人").format(n=s.prevented_criminal, p=s.prevented_criminal_people), ""),
            "petition": (translate("StatisticsTab", "{n}件{p}人").format(n=s.prevented_petition, p=s.prevented_petition_people), ""),
            "canvasses": (str(s.canvasses), translate("StatisticsTab", "发现纠纷{f}件，预防纠纷{p}件").format(
                f=s.canvass_found, p=s.canvass_prevented)),
        }
        for key, (value, detail) in values.items():
            self.figures[key].value.setText(value)
            self.figures[key].detail.setText(detail)
        self.type_chart.set_bars([(vtr(t.label), s.by_type.get(t, 0)) for t in DisputeType])
        self.source_chart.set_bars([(vtr(label), n) for label, n in s.by_source_group().items()])
        pair = translate("StatisticsTab", "{n}/{p}")
        self.village_model.set_rows([[Cell(v.township + v.village), Cell(str(v.accepted), right=True),
                                      Cell(str(v.succeeded), right=True), Cell(percent(v.success_rate), right=True),
                                      Cell(pair.format(n=v.prevented_criminal, p=v.prevented_criminal_people), right=True),
                                      Cell(pair.format(n=v.prevented_petition, p=v.prevented_petition_people), right=True),
                                      Cell(str(v.canvasses), right=True), Cell(str(v.canvass_found), right=True),
                                      Cell(str(v.canvass_prevented), right=True)]
                                     for v in s.villages])

    def show_canvasses(self):
        """The 排查记录 of the village and year chosen; the figures follow what is changed there."""
        if self._canvasses is None:
            return None
        from .canvass_dialog import CanvassDialog

        dialog = CanvassDialog(self._canvasses, self.village_combo.currentData(), self.year_combo.currentData(), self)
        dialog.changed.connect(self._on_canvasses_changed)
        dialog.exec()
        return dialog

    def _on_canvasses_changed(self) -> None:
        """A record was added, corrected or deleted: a new year or village may be offered now."""
        year = self.year_combo.currentData()
        self._fill_years()  # signals blocked: the figures are recounted once, below
        self.year_combo.blockSignals(True)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.year_combo.blockSignals(False)
        self._fill_villages()
        self.mark_stale()

    def _period_text(self) -> str:
        return period_text(self.period())

    def export(self, target: str | None = None) -> Task | None:
        """Save the figures shown as .xlsx, asking where unless ``target`` is given. The workbook is written
        on a worker thread (ui/tasks.py: it gets the figures, a value, the path and the committee's name),
        so the window stays responsive; the message line reports when it is done. Returns the Task, or None
        when nothing was started (no path chosen, or an export still running)."""
        if self.export_task is not None and self.export_task.running:
            return None  # the button is disabled meanwhile; a second call must not write the file twice
        stats = self.stats or self.refresh()
        suggested = f"矛盾纠纷人民调解统计表-{stats.period_label}{('-' + stats.village) if stats.village else ''}.xlsx"
        target = target or self.ask_save_path(self, translate("StatisticsTab", "导出Excel报表"), suggested,
                                              translate("StatisticsTab", "Excel工作簿 (*.xlsx)"))
        if not target:
            return None
        target = Path(target) if Path(target).suffix.lower() == ".xlsx" else Path(target).with_suffix(".xlsx")
        self.export_button.setEnabled(False)
        waiting = translate("StatisticsTab", "正在导出统计报表，请稍候…")
        self.message.show_notice("info", waiting)
        self.export_task = run_task(
            self._statistics.export_xlsx, stats, target, self._committee(), owner=self, name="statistics-export",
            message=waiting, on_done=self._on_exported, on_error=lambda error: self._on_export_failed(error, target))
        return self.export_task

    def _on_exported(self, target: Path) -> None:
        self.export_button.setEnabled(True)
        self.message.show_notice("ok", translate("StatisticsTab", "报表已导出：{path}").format(path=str(target)))

    def _on_export_failed(self, error: BaseException, target: Path) -> None:
        self.export_button.setEnabled(True)
        self.message.hide()
        if isinstance(error, OSError):  # a full disk, a folder not writable, the file open in Excel
            self.message.show_notice("error", translate("StatisticsTab", "无法保存到 {path}：{error}").format(
                path=str(target), error=error.strerror or str(error)))
        else:  # a bug: logged and shown by the app's error presenter
            present_error(error)
