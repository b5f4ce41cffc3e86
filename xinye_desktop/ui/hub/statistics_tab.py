"""统计汇总: the villages' figures for a month, quarter or year rolled up village → township → county, each
line beside what the hub's 台账 counts for it (services/hub/overview.statistics), who has not reported,
and the report as .xlsx (EXPORT)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...domain.statistics import Period, PeriodKind, percent
from ..i18n import translate
from ..tasks import run_task
from ..widgets import Cell, RowsModel, rows_view
from .common import HubTab, PeriodPicker, short_committee


def _figures(area, bold: bool = False) -> list[Cell]:
    mismatch = area.held_accepted != area.accepted
    return [Cell(str(area.accepted), right=True, bold=bold), Cell(str(area.succeeded), right=True, bold=bold),
            Cell(percent(area.success_rate), right=True, bold=bold),
            Cell(f"{area.prevented_criminal}/{area.prevented_criminal_people}", right=True, bold=bold),
            Cell(f"{area.prevented_petition}/{area.prevented_petition_people}", right=True, bold=bold),
            Cell(str(area.canvasses), right=True, bold=bold),
            Cell(str(area.held_accepted), right=True, bold=bold, colour="#b00020" if mismatch else "",
                 tooltip=translate("HubStatisticsTab", "村里报的受理数与本机台账按受理日期统计的不一致：可能有报送包还没到，"
                                                       "或村里改过案件。") if mismatch else "")]


class HubStatisticsTab(HubTab):
    def __init__(self, overview, may_export: bool, parent: QWidget | None = None, today=dt.date.today):
        super().__init__(parent)
        self._overview = overview
        self._today = today
        self.ask_save_path = None  # tests replace it; else a file dialog
        self.export_task = None
        self.stats = None
        self.picker = PeriodPicker(today())
        self.picker.choose(Period(PeriodKind.MONTH, today().year, today().month))
        self.picker.changed.connect(self.refresh)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setVisible(may_export)
        self.export_button.clicked.connect(self.export)
        self.model = RowsModel()
        self.view = rows_view(self.model)
        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.missing_label)
        self.retranslate()

    def load(self):
        return self._overview.statistics(self.picker.period())

    def show_loaded(self, stats) -> None:
        self.stats = stats
        s = stats.total
        self.summary_label.setText(translate(
            "HubStatisticsTab", "{period}（{start}至{end}）：收到月报 {reports} 份（其中零报告 {zero} 份），应报 {expected} 份；"
                                "受理 {accepted} 件，调解成功 {succeeded} 件，成功率 {rate}，协议涉及金额 {amount} 万元。").format(
            period=self.picker.period_text(), start=stats.start.isoformat(), end=stats.end.isoformat(), reports=stats.reports,
            zero=stats.zero_reports, expected=stats.expected_reports, accepted=s.accepted, succeeded=s.succeeded,
            rate=percent(s.success_rate), amount=s.amount_wan))
        rows = []
        for township in stats.townships:
            name = township.township or translate("HubStatisticsTab", "（未写明乡镇）")
            rows.append([Cell(name, bold=True), Cell(translate("HubStatisticsTab", "乡镇小计"), bold=True)]
                        + _figures(township, bold=True))
            for village in (v for v in stats.villages if v.township == township.township):
                rows.append([Cell(""), Cell(village.village, tooltip=village.committee)] + _figures(village))
        rows.append([Cell(translate("HubStatisticsTab", "合计"), bold=True), Cell("")] + _figures(stats.county, bold=True))
        self.model.set_rows(rows)
        if stats.missing:
            shown = "、".join(f"{short_committee(name)}（{month}）" for name, month in stats.missing[:40])
            self.missing_label.setText(translate("HubStatisticsTab", "未报送 {n} 份：{list}").format(
                n=len(stats.missing), list=shown + ("……" if len(stats.missing) > 40 else "")))
        else:
            self.missing_label.setText(translate("HubStatisticsTab", "本期各调委会都已报送。"))
        self.export_button.setEnabled(True)

    def show_error(self, text: str) -> None:
        self.stats = None
        self.model.set_rows([])
        self.summary_label.setText(text)
        self.missing_label.clear()
        self.export_button.setEnabled(False)

    def export(self) -> None:
        if self.stats is None:
            return
        from ..statistics_tab import ask_save_path

        ask = self.ask_save_path or ask_save_path
        path = ask(self, translate("HubStatisticsTab", "导出统计汇总"), f"统计汇总-{self.stats.period_label}.xlsx",
                   translate("HubStatisticsTab", "Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path + ".xlsx")
        self.export_button.setEnabled(False)
        self.export_task = run_task(self._overview.export_statistics, self.stats, target, owner=self,
                                    on_done=self._exported, on_error=self._export_failed, name="hub-statistics-xlsx")

    def _exported(self, path) -> None:
        self.export_button.setEnabled(True)
        self.missing_label.setText(translate("HubStatisticsTab", "已导出：{path}").format(path=str(path)))

    def _export_failed(self, error) -> None:
        from ..widgets import error_text

        self.export_button.setEnabled(True)
        QMessageBox.warning(self, translate("HubStatisticsTab", "没有导出"), error_text(error))

    def retranslate(self) -> None:
        self.export_button.setText(translate("HubStatisticsTab", "导出 Excel…"))
        self.model.set_headers([translate("HubStatisticsTab", "乡镇"), translate("HubStatisticsTab", "村（社区）"),
                                translate("HubStatisticsTab", "受理"), translate("HubStatisticsTab", "调解成功"),
                                translate("HubStatisticsTab", "成功率"), translate("HubStatisticsTab", "防止民转刑 件/人"),
                                translate("HubStatisticsTab", "防止群体性上访 件/人"), translate("HubStatisticsTab", "排查"),
                                translate("HubStatisticsTab", "台账受理")])
        self.model.header_tips[8] = translate("HubStatisticsTab", "本机收到的案件中，按受理日期落在本期的件数：用来核对村里报的数。")
        if self.stats is not None:
            self.show_loaded(self.stats)
