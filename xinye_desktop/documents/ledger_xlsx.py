"""The 矛盾化解台账 as an .xlsx workbook: a title line, the column heads, one row per case; streamed
(openpyxl's write-only mode), so 100,000 rows never sit in memory at once. It prints landscape on A4,
one page wide, the column heads and the committee on every page, 第N页 共M页 at the foot, the long
columns (parties, facts) wrapped rather than cut off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from . import xlsx

EXPORT_TITLE = "矛盾化解台账"
EXPORT_HEADERS = ("序号", "案号", "受理日期", "案件来源", "纠纷类型", "村", "村民小组", "当事人", "纠纷简要情况",
                  "调解状态", "协议生效日期", "履行情况", "司法确认", "下次回访")
# In Excel's unit, the digit (a Chinese character is 2.1 of them): a case number （2026）新调字第001号,
# the dates, the usual source (当事人申请) and all but the longest dispute types on one line; the
# columns whose text varies in length wrap (a 4-digit case number too), and the facts get the room
# that is left. The sum (~195) fits A4 landscape at about 80 %: text of about 9 pt on paper.
_DATE = xlsx.width_for(["2026-12-06"], padding=1.5)
COLUMN_WIDTHS = (6, xlsx.width_for(["（2026）新调字第001号"], padding=1.5), _DATE,
                 xlsx.width_for(["当事人申请"], padding=1.5), xlsx.width_for(["房屋宅基地纠纷"], padding=1.5),
                 9, 7, 16, 38, 10, _DATE, xlsx.width_for(["部分履行"], padding=1.5), 13, _DATE)
# 0-based: case number, source, type, village, group, parties, facts, status, 司法确认
_WRAPPED = frozenset({1, 3, 4, 5, 6, 7, 8, 9, 12})
HEAD_ROWS = "2:2"  # the column heads, repeated on every printed page


def write_ledger(target: str | Path, title_line: str, committee: str, rows: Iterable[Sequence]) -> None:
    """Write the ledger to ``target``: ``title_line`` in row 1, the heads in row 2, then each of
    ``rows`` (values in EXPORT_HEADERS' order; every str is stored as text, see ``xlsx``). ``rows``
    may be a generator: it is consumed once, as the file is written."""
    from openpyxl.styles import Alignment, Font

    book = xlsx.new_workbook(write_only=True)
    sheet = book.create_sheet(EXPORT_TITLE)
    xlsx.set_widths(sheet, COLUMN_WIDTHS)
    xlsx.set_up_printing(sheet, committee=committee, title=EXPORT_TITLE, title_rows=HEAD_ROWS, landscape=True)
    sheet.print_options.gridLines = True  # the cells have no borders; the grid tells the rows apart on paper
    sheet.freeze_panes = "A3"
    sheet.row_dimensions[1].height = 24  # the 14 pt title
    sheet.append([xlsx.stream_cell(sheet, title_line, font=Font(bold=True, size=14))])
    head_style = {"font": Font(bold=True), "alignment": Alignment(horizontal="center", vertical="center",
                                                                  wrap_text=True)}
    every = range(len(EXPORT_HEADERS))
    _append(sheet, 2, EXPORT_HEADERS, xlsx.row_styles(sheet, [head_style] * len(EXPORT_HEADERS)), every)
    wrapped = {"alignment": Alignment(vertical="top", wrap_text=True)}
    plain = {"alignment": Alignment(vertical="top")}
    styles = xlsx.row_styles(sheet, [wrapped if index in _WRAPPED else plain for index in every])
    for number, values in enumerate(rows, start=3):
        _append(sheet, number, values, styles, _WRAPPED)
    book.properties.title = EXPORT_TITLE
    book.properties.creator = committee or "三理室调解台"
    xlsx.save(book, target)


def _append(sheet, number: int, values: Sequence, styles: list, wrapped) -> None:
    """Row ``number``, as high as its wrapped text needs (LibreOffice would show one line only). The
    height is set just before the row is streamed and dropped after, so no per-row state piles up."""
    height = xlsx.row_height(values, COLUMN_WIDTHS, wrapped)
    if height is not None:
        sheet.row_dimensions[number].height = height
    sheet.append(xlsx.stream_row(sheet, values, styles))
    sheet.row_dimensions.pop(number, None)


__all__ = ["COLUMN_WIDTHS", "EXPORT_HEADERS", "EXPORT_TITLE", "write_ledger"]
