"""The audit trail written out for an administrator: .csv (UTF-8 with BOM, so Excel and WPS read the
Chinese) or .xlsx (through documents/xlsx.py: every text stays text). A cell that starts like a
formula is written with a leading ' in the .csv too, as xlsx.py does for the workbook."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Iterable

from ..domain.audit import AuditEntry
from ..domain.times import local_time as shown_local_time
from .xlsx import FORMULA_LEADS

HEADINGS = ("序号", "时间", "操作人", "类别", "案号", "内容")
TITLE = "审计记录"


def local_time(at: dt.datetime) -> str:
    """A stored UTC time as the PC's local time, to the second (the trail's times, domain/times.py)."""
    return shown_local_time(at, seconds=True)


def rows(entries: Iterable[AuditEntry]):
    for entry in entries:
        # The summary in Chinese words, as the dialog shows it (domain/audit.describe_summary).
        yield (entry.id, local_time(entry.at), entry.actor, entry.kind_label, entry.case_number, entry.description)


def write_csv(entries: Iterable[AuditEntry], target: Path) -> int:
    count = 0
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADINGS)
        for row in rows(entries):
            writer.writerow([_csv_text(v) for v in row])
            count += 1
    return count


def _csv_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def write_xlsx(entries: Iterable[AuditEntry], target: Path, committee: str = "") -> int:
    from openpyxl.styles import Alignment, Font

    from . import xlsx

    book = xlsx.new_workbook()
    sheet = book.active
    sheet.title = TITLE
    xlsx.set_up_printing(sheet, committee=committee, title=TITLE, title_rows="1:1")
    for column, heading in enumerate(HEADINGS, start=1):
        xlsx.put(sheet, 1, column, heading).font = Font(bold=True)
    count = 0
    for number, row in enumerate(rows(entries), start=2):
        for column, value in enumerate(row, start=1):
            cell = xlsx.put(sheet, number, column, value)
            if column == len(HEADINGS):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        count += 1
    xlsx.set_widths(sheet, [8, 20, 12, 18, 22, 60])
    sheet.freeze_panes = "A2"
    xlsx.save(book, target)
    return count
