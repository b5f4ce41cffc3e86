"""What every .xlsx workbook the app writes goes through (openpyxl): text stays text, and a sheet prints.

Text: openpyxl stores any str that starts with "=" as a formula (``<f>``), so a village, a group or the
facts typed as ``=HYPERLINK("http://x","y")`` would open as a live formula; and a cell starting with
"+", "-", "@", a tab or a carriage return is one that Excel, WPS and LibreOffice may turn into a formula
when the user edits it or saves the sheet as CSV. ``set_value`` stores every str as an inline string
(``t="inlineStr"``, never ``<f>``) and marks those leads with Excel's quote prefix (the leading ' a user
would type), so the text is kept exactly and stays text when edited. ``save`` checks a whole workbook
once more before it is written, so a cell written some other way cannot slip through either.

Printing: ``set_up_printing`` gives a sheet A4, fit to the page's width (as many pages down as needed),
the column heads repeated on every page, and a header with the committee and the document's name and
a footer 第N页 共M页, so that pages can be matched up once printed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

# The leads OWASP lists for formula ("CSV") injection; "=" is the one openpyxl itself turns into <f>.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")

# Control characters XML 1.0 cannot hold at all (openpyxl refuses them with IllegalCharacterError and the
# whole export would fail for one pasted character); tab, line feed and carriage return are kept.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

A4 = "9"  # the OOXML paperSize code
PAGE_NUMBERS = "第&P页 共&N页"  # &P this page, &N the number of pages
# Excel takes at most 255 characters in a header (or footer) and "repairs" the file otherwise; two
# parts of at most 120 stay under that with their codes.
_HEADER_MAX = 120


def storable(text: str) -> str:
    """``text`` without the characters no .xlsx can store (everything else exactly as given)."""
    return _NOT_IN_XML.sub("", text)


def set_text(cell, text: str):
    """Store ``text`` in ``cell`` as a string whatever it starts with; returns the cell."""
    text = storable(text)
    cell.value = text     # openpyxl makes it a formula here when it starts with "="...
    cell.data_type = "s"  # ...and this makes it a string again: written as <is><t>, no <f>
    if text.startswith(FORMULA_LEADS):
        cell.quotePrefix = True  # shown as typed, and still text after the user edits the cell
    return cell


def set_value(cell, value):
    """Put ``value`` in ``cell``: a str always as text (``set_text``), numbers and dates as they are."""
    if isinstance(value, str):
        return set_text(cell, value)
    cell.value = value
    return cell


def put(sheet, row: int, column: int, value):
    """``sheet.cell(row, column, value)`` for an ordinary sheet, with ``value`` stored by ``set_value``;
    like it, None leaves the cell as it is (a merged cell's hidden part takes no value)."""
    cell = sheet.cell(row=row, column=column)
    return cell if value is None else set_value(cell, value)


def stream_cell(sheet, value, *, font=None, alignment=None, number_format: str | None = None, border=None):
    """A cell for a write-only sheet's ``append``, with ``value`` stored by ``set_value``."""
    from openpyxl.cell import WriteOnlyCell

    cell = set_value(WriteOnlyCell(sheet), value)
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    if border is not None:
        cell.border = border
    return cell


def row_styles(sheet, styles: Sequence[dict]) -> list:
    """Column styles for ``stream_row``, each given as keyword arguments of ``stream_cell``; worked
    out once, so that streaming 100,000 rows does not look up the same style a million times."""
    return [stream_cell(sheet, None, **style)._style for style in styles]


def stream_row(sheet, values: Iterable, styles: Sequence | None = None) -> list:
    """One row for a write-only sheet's ``append``: never hand it bare strs, which openpyxl would
    make formulas. ``styles`` (from ``row_styles``) styles the row's cells column by column; an empty
    value stays an empty, unstyled cell."""
    from openpyxl.cell import Cell

    # Every value as a Cell of its own: openpyxl's append writes a bare value after a Cell into that
    # same Cell object, which would give a number the text's quote prefix.
    if styles is None:
        return [None if v is None else stream_cell(sheet, v) for v in values]
    cells = []
    for value, style in zip(values, styles):
        if value is None:
            cells.append(None)
            continue
        if isinstance(value, str):  # the str's own check, inlined: this runs for every cell of the ledger
            value = storable(value)
            cell = Cell(sheet, row=1, column=1, value=value, style_array=style)
            if value.startswith(FORMULA_LEADS):
                set_text(cell, value)
        else:
            cell = Cell(sheet, row=1, column=1, value=value, style_array=style)
        cells.append(cell)
    return cells


def new_workbook(*, write_only: bool = False):
    """An empty workbook (a write-only one streams its rows). Save it with ``save``."""
    from openpyxl import Workbook

    return Workbook(write_only=write_only)


def save(workbook, target: str | Path) -> None:
    """Write ``workbook`` to ``target``. The app never writes a formula, so any cell that would be
    written as one (a str starting "=" put in some other way than ``set_value``) becomes text first."""
    if not getattr(workbook, "write_only", False):  # streamed rows are gone; stream_row guarded them
        for sheet in workbook.worksheets:
            # The sheet's own cells only: iter_rows() would add an empty cell at every gap.
            for cell in list(getattr(sheet, "_cells", {}).values()):
                if cell.data_type == "f" and isinstance(cell.value, str):
                    set_text(cell, cell.value)
    workbook.save(str(target))


# -- column widths ------------------------------------------------------------------------------------

# East Asian wide and full-width characters (most of Unicode's W and F classes: all that occur in
# Chinese text): Hangul Jamo, CJK radicals to Yi, Hangul, compatibility ideographs, vertical and small
# forms, full-width forms, the common emoji, ideographs of planes 2 and 3. A regex, so that 100,000
# rows are measured in C; a width is an estimate anyway.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
                   "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]")
WIDE_CHAR = 2.1  # a Chinese character of 11 pt (14.7 px) in units of Calibri 11's digit (7 px)
LINE_HEIGHT = 16.0  # points per line of 11 pt text in a CJK font (Noto Sans SC 15.9, 等线 14.3)


def text_width(text: str) -> float:
    """How wide ``text`` is on one line, in Excel's column-width unit (the digit of the default font,
    Calibri 11): a Chinese character or full-width punctuation such as （）、： counts WIDE_CHAR."""
    wide = len(text) - len(_WIDE.sub("", text))
    return (len(text) - wide) + wide * WIDE_CHAR


def text_lines(text: str, width: float) -> int:
    """At most how many lines ``text`` wraps to in a column ``width`` wide (11 pt): an estimate on the
    generous side, since a line may end with up to one wide character's room unused."""
    room = max(width - 1.0, WIDE_CHAR)  # the cell's inner margins
    lines = 0
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        needed = text_width(paragraph)
        lines += 1 if needed <= room else math.ceil(needed / max(room - WIDE_CHAR, 1.0))
    return lines


def row_height(values: Sequence, widths: Sequence[float], wrapped: Iterable[int]) -> float | None:
    """The height in points a row needs to show every line of its ``wrapped`` columns (0-based), or
    None when one line is enough (the default height). LibreOffice does not fit a row to wrapped text
    when it opens an .xlsx, so a row of long facts would be cut to one line there without it."""
    lines = 1
    for index in wrapped:
        value = values[index] if index < len(values) else None
        if isinstance(value, str) and value:
            lines = max(lines, text_lines(value, widths[index]))
    return None if lines == 1 else lines * LINE_HEIGHT + 2


def width_for(texts: Iterable[str], *, minimum: float = 6, maximum: float = 60, padding: float = 2) -> float:
    """A column width that shows the longest of ``texts`` on one line, within [minimum, maximum]
    (a longer text wraps, when its cells wrap)."""
    widest = max((text_width(line) for text in texts for line in str(text).splitlines() or [""]), default=0)
    return round(max(minimum, min(maximum, widest + padding)), 1)


def fit_row_heights(sheet) -> None:
    """On an ordinary sheet, once it is filled: each row whose wrapped text needs more than one line
    gets the height for it (``row_height``'s reason; a larger height already set is kept). A cell
    merged across columns wraps in their total width; one merged down several rows is left alone."""
    from openpyxl.utils import get_column_letter

    def column_width(column: int) -> float:
        dimension = sheet.column_dimensions.get(get_column_letter(column))
        return dimension.width if dimension is not None and dimension.customWidth else 8.43  # Excel's default

    across, down = {}, set()
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            across[(merged.min_row, merged.min_col)] = sum(
                column_width(c) for c in range(merged.min_col, merged.max_col + 1))
        else:
            down.add((merged.min_row, merged.min_col))
    needed: dict[int, float] = {}
    for (row, column), cell in getattr(sheet, "_cells", {}).items():
        if not isinstance(cell.value, str) or not cell.alignment.wrap_text or (row, column) in down:
            continue
        scale = (cell.font.sz or 11) / 11  # a 16 pt title needs wider room per character and taller lines
        width = across.get((row, column)) or column_width(column)
        lines = text_lines(cell.value, width / scale)
        if lines > 1:
            needed[row] = max(needed.get(row, 0.0), lines * LINE_HEIGHT * scale + 2)
    for row, height in needed.items():
        current = sheet.row_dimensions[row].height
        if current is None or current < height:
            sheet.row_dimensions[row].height = height


def set_widths(sheet, widths: Sequence[float], first_column: int = 1) -> None:
    """Column widths, left to right from ``first_column`` (on a write-only sheet: before any row)."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=first_column):
        sheet.column_dimensions[get_column_letter(index)].width = width


# -- printing -----------------------------------------------------------------------------------------

def header_text(text: str) -> str:
    """``text`` as literal header/footer text: "&" starts a code there (&P, &N, &"font"), so a committee
    named "A&B" is written "A&&B"; line breaks would start new lines and are folded into spaces."""
    text = " ".join(storable(text).split())
    if len(text) > _HEADER_MAX:
        text = text[:_HEADER_MAX - 1] + "…"
    return text.replace("&", "&&")


def set_up_printing(sheet, *, committee: str, title: str, title_rows: str | None = None,
                    landscape: bool = True) -> None:
    """A4, ``landscape`` or portrait, scaled to one page wide and as many pages down as the rows
    need; ``title_rows`` (such as "2:2", the column heads) repeated at the top of every page; the
    committee at the header's left, ``title`` at its right, 第N页 共M页 in the footer's centre.
    On a write-only sheet call it before the first row."""
    from openpyxl.worksheet.page import PageMargins

    setup = sheet.page_setup
    setup.paperSize = A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # 0: no limit down the page, so the scale follows the width alone
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.print_options.horizontalCentered = True
    # Inches, as OOXML wants them: 1.5 cm at the sides, room above and below for header and footer.
    sheet.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.8, header=0.35, footer=0.35)
    sheet.oddHeader.left.text = header_text(committee) if committee.strip() else None
    sheet.oddHeader.right.text = header_text(title) if title.strip() else None
    sheet.oddFooter.center.text = PAGE_NUMBERS


__all__ = ["FORMULA_LEADS", "PAGE_NUMBERS", "fit_row_heights", "header_text", "new_workbook",
           "put", "row_height", "row_styles", "save", "set_text", "set_up_printing", "set_value", "set_widths",
           "storable", "stream_cell", "stream_row", "text_lines", "text_width", "width_for"]
