"""The hub's statistics (issue 16 item 3) as an .xlsx workbook: the village report's workbook
(documents/statistics_xlsx.py: the table handed in, every village in 分村统计, the charts) for the whole
area, with two sheets of the hub's own: 分乡镇统计 (each township's villages summed, the county's 合计,
and beside each what the hub's 台账 counts) and 报送情况 (reports held, zero reports, who has not reported)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.hub_overview import AreaFigures, HubStatistics
from ..domain.statistics import percent
from . import xlsx
from .statistics_xlsx import report_workbook
from .text import chinese_date

TOWNSHIP_COLUMNS = (  # (heading, attribute or callable, width)
    ("乡镇（街道）", lambda a: a.township or "（未写明）", 16),
    ("受理数（件）", "accepted", 10),
    ("调解成功数（件）", "succeeded", 11),
    ("成功率", lambda a: percent(a.success_rate), 9),
    ("防止民转刑（件）", "prevented_criminal", 10),
    ("防止民转刑（人）", "prevented_criminal_people", 10),
    ("防止群体性上访（件）", "prevented_petition", 12),
    ("防止群体性上访（人）", "prevented_petition_people", 12),
    ("排查次数（次）", "canvasses", 10),
    ("排查发现纠纷数（件）", "canvass_found", 12),
    ("预防纠纷数（件）", "canvass_prevented", 11),
    ("台账受理数（件）", "held_accepted", 11),
    ("台账调解成功数（件）", "held_succeeded", 12),
)


def write_hub_report(s: HubStatistics, target: Path, office: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = report_workbook(s.total, office)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    ws = wb.create_sheet("分乡镇统计", 1)
    title = xlsx.put(ws, 1, 1, f"矛盾纠纷人民调解分乡镇统计表（{s.period_label}）")
    title.font = Font(bold=True, size=16)
    xlsx.put(ws, 2, 1, f"填报单位：{office}　统计期：{chinese_date(s.start)}至{chinese_date(s.end)}　"
                       f"各村调委会报送 {s.reports} 份（其中零报告 {s.zero_reports} 份），应报 {s.expected_reports} 份")

    def row_of(r: int, area: AreaFigures, *, strong: bool = False) -> None:
        for c, (_heading, attr, _width) in enumerate(TOWNSHIP_COLUMNS, start=1):
            value = attr(area) if callable(attr) else getattr(area, attr)
            cell = xlsx.put(ws, r, c, "合计" if strong and c == 1 else value)
            cell.border, cell.alignment = box, centre
            if strong:
                cell.font = bold

    for c, (heading, _attr, _width) in enumerate(TOWNSHIP_COLUMNS, start=1):
        cell = xlsx.put(ws, 4, c, heading)
        cell.border, cell.alignment, cell.font = box, centre, bold
    row = 5
    for township in s.townships:
        row_of(row, township)
        row += 1
    row_of(row, s.county, strong=True)
    xlsx.put(ws, row + 2, 1, "受理数等为各村调委会报送的月报数字之和；台账受理数为本级收到的案件（按受理日期，不含不予受理）。")
    xlsx.set_widths(ws, [width for _h, _a, width in TOWNSHIP_COLUMNS])
    xlsx.fit_row_heights(ws)
    xlsx.set_up_printing(ws, committee=office, title=ws["A1"].value, title_rows="4:4", landscape=True)

    reports = wb.create_sheet("报送情况", 2)
    xlsx.put(reports, 1, 1, f"各村调委会报送情况（{s.period_label}）").font = Font(bold=True, size=14)
    xlsx.put(reports, 2, 1, f"已登记调委会 {s.committees} 个；已收到月报 {s.reports} 份（零报告 {s.zero_reports} 份），"
                            f"应报 {s.expected_reports} 份，未报 {len(s.missing)} 份。")
    for c, heading in enumerate(("调委会", "未报送的月份"), start=1):
        cell = xlsx.put(reports, 4, c, heading)
        cell.border, cell.alignment, cell.font = box, centre, bold
    row = 5
    for committee, month in s.missing:
        for c, value in enumerate((committee, month), start=1):
            xlsx.put(reports, row, c, value).border = box
        row += 1
    if not s.missing:
        xlsx.put(reports, row, 1, "全部按时报送。")
    xlsx.put(reports, row + 2, 1, f"制表日期：{chinese_date(dt.date.today())}")
    xlsx.set_widths(reports, (44, 16))
    xlsx.set_up_printing(reports, committee=office, title=reports["A1"].value, title_rows="4:4", landscape=False)
    wb.properties.title = f"矛盾纠纷人民调解统计表（{s.period_label}，{office}）"
    xlsx.save(wb, target)
