"""The 明白人名单 template as an .xlsx workbook: the header row, one example row, and a second sheet
that says what each column accepts. It is read back by the roster import (services.roster)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import xlsx

SHEET_TITLE = "明白人名单"
NOTES_TITLE = "填写说明"


def write_template(path: str | Path, header: Sequence[str], example: Sequence[object],
                   instructions: Sequence[tuple[str, str]], committee: str = "") -> None:
    """Write the template to ``path``. Every text (the village in the example is the user's) is
    stored as text; dates as dates, shown yyyy-mm-dd."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = xlsx.new_workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    bold = Font(bold=True)
    for index, label in enumerate(header, start=1):
        xlsx.put(sheet, 1, index, label).font = bold
    for index, value in enumerate(example, start=1):
        xlsx.put(sheet, 2, index, value)
    columns = {label: index for index, label in enumerate(header, start=1)}
    widths = [max(10.0, xlsx.width_for([label, str(value)], maximum=40))
              for label, value in zip(header, list(example) + [""] * (len(header) - len(example)))]
    xlsx.set_widths(sheet, widths)
    for label in ("推选（聘任）日期", "任期至"):
        sheet.cell(row=2, column=columns[label]).number_format = "yyyy-mm-dd"
        sheet.column_dimensions[get_column_letter(columns[label])].width = 18
    # Text, so that Excel keeps a landline's leading 0 and never shows a mobile as 1.39E+10.
    phone_letter = get_column_letter(columns["联系电话"])
    sheet.column_dimensions[phone_letter].width = 16
    sheet.column_dimensions[phone_letter].number_format = "@"
    sheet.cell(row=2, column=columns["联系电话"]).number_format = "@"
    sheet.column_dimensions[get_column_letter(columns["擅长纠纷类型"])].width = 26
    sheet.freeze_panes = "A2"
    xlsx.set_up_printing(sheet, committee=committee, title=SHEET_TITLE, title_rows="1:1", landscape=True)

    notes = workbook.create_sheet(NOTES_TITLE)
    xlsx.put(notes, 1, 1, "列").font = bold
    xlsx.put(notes, 1, 2, "怎么填").font = bold
    for row, (label, text) in enumerate(instructions, start=2):
        xlsx.put(notes, row, 1, label)
        xlsx.put(notes, row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
    xlsx.set_widths(notes, (18, 90))
    xlsx.fit_row_heights(notes)
    xlsx.set_up_printing(notes, committee=committee, title=f"{SHEET_TITLE}{NOTES_TITLE}", title_rows="1:1",
                         landscape=False)
    xlsx.save(workbook, path)


__all__ = ["NOTES_TITLE", "SHEET_TITLE", "write_template"]
