"""The statistics report as an .xlsx workbook (openpyxl): one sheet laid out as the table handed in to
the 司法所 (title, committee, period, the headline figures, 防止激化 and 排查, by dispute type, by source,
by village, the definitions) that prints on A4; a second sheet with every village's figures in one
table (landscape A4, with a 合计 row); and a third with native Excel bar charts of the two breakdowns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.enums import DisputeType
from ..domain.statistics import Statistics
from . import xlsx
from .text import chinese_date

DEFINITIONS = (
    "口径：受理数为统计期内受理登记的纠纷（不含不予受理）；调解成功数为其中达成书面或口头协议的件数；"
    "成功率＝调解成功数÷受理数；协议涉及金额为有关案件现行协议书（已签署的最新版本，未签署的取最新打印版本）"
    "各条款金额之和；涉及当事人为受理案件的当事人人次；防止民间纠纷转化为刑事案件、防止群体性上访为受理案件中"
    "经调解防止的件数及涉及人数；排查次数为统计期内的排查记录数（按排查日期），排查发现纠纷数、预防纠纷数为其合计。"
)


def write_report(s: Statistics, target: Path, committee: str) -> None:
    xlsx.save(report_workbook(s, committee), target)


def report_workbook(s: Statistics, committee: str):
    """The report's workbook, not saved yet (the hub's adds its own sheets: documents/hub_statistics_xlsx.py)."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = xlsx.new_workbook()
    ws = wb.active
    ws.title = "统计表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = 1

    def put(r: int, c: int, value, *, b: bool = False, border: bool = True, fmt: str | None = None):
        cell = xlsx.put(ws, r, c, value)  # village and committee names are typed by users: text, never formulas
        if b:
            cell.font = bold
        if border:
            cell.border = box
        cell.alignment = centre if c > 1 else Alignment(vertical="center", wrap_text=True)
        if fmt:
            cell.number_format = fmt
        return cell

    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    title = xlsx.put(ws, 1, 1, f"矛盾纠纷人民调解统计表（{s.period_label}）")
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    xlsx.put(ws, 2, 1, _reporter(s, committee)).alignment = Alignment(wrap_text=True, vertical="center")
    row = 4

    def widen(r: int) -> None:
        """The third column of a three-column table spans C:D (the village table uses all four)."""
        put(r, 4, None)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)

    def section(heading: str, rows: list[tuple], header=("项目", "数量", "说明")) -> tuple[int, int]:
        nonlocal row
        put(row, 1, heading, b=True, border=False)
        row += 1
        for c, text in enumerate(header, start=1):
            put(row, c, text, b=True)
        widen(row)
        row += 1
        first = row
        for values in rows:
            for c, value in enumerate(values, start=1):
                # Rates and shares as numbers shown 0.0%, as in the 分村统计 sheet; other decimals as money.
                is_rate = "率" in str(values[0]) or header[c - 1] == "占比"
                put(row, c, value, fmt=("0.0%" if is_rate else "#,##0.00") if isinstance(value, float) else None)
            widen(row)
            row += 1
        last = row - 1
        row += 1
        return first, last

    success_rate = s.success_rate
    section("一、总体情况", [
        ("受理纠纷数（件）", s.accepted, f"另不予受理{s.rejected}件"),
        ("调解成功数（件）", s.succeeded, f"书面协议{s.written}件，口头协议{s.oral}件"),
        ("调解成功率", success_rate if success_rate is not None else "—", ""),
        ("调解终止（件）", s.terminated, ""),
        ("尚在调解（件）", s.open, "已受理或调解中"),
        ("涉及当事人（人次）", s.parties, ""),
        ("协议涉及金额（万元）", float(s.amount_wan), f"{s.agreements_with_amount}份协议载有金额，合计{s.amount:,.2f}元"),
        ("协议已履行（件）", s.performed, f"部分履行{s.partial}件，未履行{s.not_performed}件，履行中{s.performing}件"),
        ("申请司法确认（件）", s.confirmation_applied, f"已确认{s.confirmed}件，不予确认{s.confirmation_refused}件"),
    ])
    section("二、防止纠纷激化", [
        ("防止民间纠纷转化为刑事案件", s.prevented_criminal, s.prevented_criminal_people),
        ("防止群体性上访", s.prevented_petition, s.prevented_petition_people),
    ], header=("项目", "件数（件）", "涉及人数（人）"))
    section("三、矛盾纠纷排查", [
        ("排查次数（次）", s.canvasses, ""),
        ("排查发现纠纷数（件）", s.canvass_found, ""),
        ("预防纠纷数（件）", s.canvass_prevented, ""),
    ])
    type_first, type_last = section("四、按纠纷类型", [(t.label, s.by_type.get(t, 0), "") for t in DisputeType],
                                    header=("纠纷类型", "受理数（件）", "备注"))
    total = max(s.accepted, 1)
    source_first, source_last = section("五、按案件来源", [
        (label, n, n / total if s.accepted else "—") for label, n in s.by_source_group().items()],
        header=("来源", "受理数（件）", "占比"))
    put(row, 1, "六、按村（社区）", b=True, border=False)
    row += 1
    for c, text in enumerate(("村（社区）", "受理数（件）", "调解成功数（件）", "成功率"), start=1):
        put(row, c, text, b=True)
    row += 1
    for v in s.villages:
        put(row, 1, v.township + v.village)
        put(row, 2, v.accepted)
        put(row, 3, v.succeeded)
        put(row, 4, v.success_rate if v.success_rate is not None else "—", fmt="0.0%")
        row += 1
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    note = xlsx.put(ws, row, 1, DEFINITIONS)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[row].height = 80
    row += 1
    xlsx.put(ws, row + 1, 1, f"填表人：　　　　　　　　　填报日期：{chinese_date(dt.date.today())}")

    xlsx.set_widths(ws, (28, 14, 16, 30))
    xlsx.fit_row_heights(ws)
    ws.print_area = f"A1:D{row + 1}"
    # Portrait: the form handed in is four columns wide, and that reads best upright on A4.
    xlsx.set_up_printing(ws, committee=committee, title=ws["A1"].value, title_rows="1:2", landscape=False)

    _village_sheet(wb.create_sheet("分村统计"), s, committee, put_styles=(box, bold, centre))

    # The charts live on their own sheet, so the table prints on one A4 page at a readable size.
    charts = wb.create_sheet("图表")
    xlsx.put(charts, 1, 1, f"矛盾纠纷人民调解统计图（{s.period_label}）").font = Font(bold=True, size=14)
    for first, last, heading, anchor in ((type_first, type_last, "按纠纷类型（件）", "A3"),
                                         (source_first, source_last, "按案件来源（件）", "A30")):
        chart = BarChart()
        chart.type = "bar"
        chart.title = heading
        chart.legend = None
        chart.height = 12.5 if first == type_first else 6
        chart.width = 15
        chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=last), titles_from_data=False)
        chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        chart.y_axis.majorGridlines = None
        chart.x_axis.scaling.orientation = "maxMin"  # first category on top, as in the table
        charts.add_chart(chart, anchor)
    xlsx.set_up_printing(charts, committee=committee, title=charts["A1"].value, landscape=False)
    wb.properties.title = f"矛盾纠纷人民调解统计表（{s.period_label}）"
    wb.properties.creator = committee or "三理室调解台"
    return wb


def _reporter(s: Statistics, committee: str) -> str:
    """The line under a sheet's title: who reports, for which village, which period."""
    return (f"填报单位：{committee or '人民调解委员会'}" + (f"　范围：{s.village}" if s.village else "")
            + f"　统计期：{chinese_date(s.start)}至{chinese_date(s.end)}")


VILLAGE_COLUMNS = (  # (heading, sub-heading or None, attribute or callable, width)
    ("村（社区）", None, lambda v: v.township + v.village, 22),
    ("受理数（件）", None, "accepted", 9),
    ("调解成功数（件）", None, "succeeded", 10),
    ("成功率", None, "success_rate", 8),
    ("防止民间纠纷转化为刑事案件", "件", "prevented_criminal", 7),
    (None, "人", "prevented_criminal_people", 7),
    ("防止群体性上访", "件", "prevented_petition", 7),
    (None, "人", "prevented_petition_people", 7),
    ("排查次数（次）", None, "canvasses", 9),
    ("排查发现纠纷数（件）", None, "canvass_found", 11),
    ("预防纠纷数（件）", None, "canvass_prevented", 10),
)


def _village_sheet(ws, s: Statistics, committee: str, put_styles) -> None:
    """Every village's figures in one table with a two-row heading and a 合计 row that equals the
    figures on the first sheet."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    box, bold, centre = put_styles
    last_col = len(VILLAGE_COLUMNS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    title = xlsx.put(ws, 1, 1, f"矛盾纠纷人民调解分村统计表（{s.period_label}）")
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    xlsx.put(ws, 2, 1, _reporter(s, committee)).alignment = Alignment(wrap_text=True, vertical="center")

    def put(r: int, c: int, value, *, b: bool = False, fmt: str | None = None):
        cell = xlsx.put(ws, r, c, value)
        cell.border = box
        cell.alignment = centre
        if b:
            cell.font = bold
        if fmt:
            cell.number_format = fmt
        return cell

    for c, (heading, sub, _attr, width) in enumerate(VILLAGE_COLUMNS, start=1):
        # A heading of its own (受理数（件）) on one line; a grouped one wraps above its 件 and 人.
        ws.column_dimensions[get_column_letter(c)].width = (max(width, xlsx.width_for([heading])) if sub is None
                                                            else width)
        put(4, c, heading, b=True)
        put(5, c, sub, b=True)
        if sub is None:
            ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
        elif heading is not None:
            ws.merge_cells(start_row=4, start_column=c, end_row=4, end_column=c + 1)
    ws.row_dimensions[4].height = 32

    def value(v, attr):
        got = attr(v) if callable(attr) else getattr(v, attr)
        return "—" if got is None else got

    row = 6
    for v in s.villages:
        for c, (_h, _s, attr, _w) in enumerate(VILLAGE_COLUMNS, start=1):
            put(row, c, value(v, attr), fmt="0.0%" if attr == "success_rate" else None)
        row += 1
    totals = {"accepted": s.accepted, "succeeded": s.succeeded, "success_rate": s.success_rate,
              "prevented_criminal": s.prevented_criminal, "prevented_criminal_people": s.prevented_criminal_people,
              "prevented_petition": s.prevented_petition, "prevented_petition_people": s.prevented_petition_people,
              "canvasses": s.canvasses, "canvass_found": s.canvass_found, "canvass_prevented": s.canvass_prevented}
    for c, (_h, _s, attr, _w) in enumerate(VILLAGE_COLUMNS, start=1):
        got = "合计" if callable(attr) else totals[attr]
        put(row, c, "—" if got is None else got, b=True, fmt="0.0%" if attr == "success_rate" else None)
    xlsx.put(ws, row + 2, 1, f"填表人：　　　　　　　　　填报日期：{chinese_date(dt.date.today())}")

    xlsx.fit_row_heights(ws)
    ws.print_area = f"A1:{get_column_letter(last_col)}{row + 2}"
    xlsx.set_up_printing(ws, committee=committee, title=ws["A1"].value, title_rows="4:5", landscape=True)
    ws.freeze_panes = "B6"
