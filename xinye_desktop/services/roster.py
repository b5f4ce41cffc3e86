"""导入明白人名单: read a village's roster file, preview it, and add every acceptable row in one transaction.

Files come from Excel or WPS on village office PCs: .xlsx, or CSV saved as GBK (Excel's "CSV" in a
Chinese Windows) or UTF-8. The old binary .xls and password-protected workbooks cannot be read
here; the user is told to save the file again as .xlsx or CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from ..documents.xlsx import FORMULA_LEADS
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roster import (
    RosterPreview, RosterProblem, RosterRow, parse_roster, template_example, template_header,
    template_instructions,
)
from ..storage.database import Database
from . import audit
from .access import guard

# A roster has tens of people; a sheet this long is something else (or formatted down to row 1,048,576).
MAX_ROWS = 5000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and every password-protected .xlsx
_OLD_FORMATS = (".xls", ".et", ".wps", ".xlsb", ".ods")
_CSV_FORMATS = (".csv", ".txt", ".tsv")


class RosterFileError(Exception):
    """The file cannot be read as a roster. ``message`` is a translatable template (context "Roster")
    filled from ``params``; ``str(err)`` is the Chinese text."""

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params


class RosterChanged(Exception):
    """The 明白人库 changed between the preview and the import: nothing was written; preview again."""

    def __init__(self, line: int, name: str):
        self.message = QT_TRANSLATE_NOOP("Roster", "预览之后明白人库有了变化：第{line}行的{name}已在库中。"
                                                   "没有导入任何人，请重新选择文件预览。")
        self.params = {"line": line, "name": name}
        super().__init__(self.message.format(**self.params))


# -- reading files ----------------------------------------------------------------------------------

def read_table(path: str | Path) -> list[list[str]]:
    """The first sheet of an .xlsx file, or a CSV file, as rows of cell text (blank rows kept, so that
    row ``i`` of the result is spreadsheet row ``i + 1``). Raises RosterFileError."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "打不开文件“{name}”：请确认文件还在，并且有权限读取。"), name=path.name) from None
    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC):
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "“{name}”是旧的 .xls 格式或设置了打开密码，无法读取。"
                      "请在 Excel 或 WPS 中取消密码，另存为 .xlsx 或 CSV 后再导入。"), name=path.name)
    if head.startswith(_ZIP_MAGIC) and suffix not in _OLD_FORMATS:
        return _read_xlsx(path)
    if suffix in _CSV_FORMATS:
        return _read_csv(path)
    if suffix in _OLD_FORMATS or suffix in (".xlsx", ".xlsm"):
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "无法读取“{name}”：请另存为 .xlsx 或 CSV 后再导入。"), name=path.name)
    raise RosterFileError(QT_TRANSLATE_NOOP(
        "Roster", "“{name}”不是表格文件：只能导入 Excel 工作簿（.xlsx）或 CSV 文件。"), name=path.name)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone typed as a number: 13903771234, not 13903771234.0
    return str(value)


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    unreadable = QT_TRANSLATE_NOOP("Roster", "无法读取“{name}”，文件可能已损坏。请另存为 .xlsx 或 CSV 后再导入。")
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise RosterFileError(unreadable, name=path.name) from None
    try:
        if not workbook.worksheets:
            raise RosterFileError(unreadable, name=path.name)
        sheet = workbook.worksheets[0]
        # Some programs write a wrong <dimension>; read-only mode would cut rows short by it.
        sheet.reset_dimensions()
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            row = [_cell_text(v) for v in values]
            if len(rows) >= MAX_ROWS:
                if any(row):
                    raise RosterFileError(QT_TRANSLATE_NOOP(
                        "Roster", "“{name}”的第一个工作表超过{max}行，不像是明白人名单。"), name=path.name, max=MAX_ROWS)
                continue
            rows.append(row)
    except RosterFileError:
        raise
    except Exception:  # noqa: BLE001
        raise RosterFileError(unreadable, name=path.name) from None
    finally:
        workbook.close()  # read-only mode keeps the file open (and locked on Windows) until closed
    return _tidy(rows)


def _decode(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16 with a BOM
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")  # Excel in Chinese Windows saves CSV as GBK
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",\t;"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _read_csv(path: Path) -> list[list[str]]:
    try:
        raw = path.read_bytes()
    except OSError:
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "打不开文件“{name}”：请确认文件还在，并且有权限读取。"), name=path.name) from None
    text = _decode(raw)
    if text is None:
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "“{name}”的文字编码无法识别。请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入。"), name=path.name)
    try:
        rows = [[cell for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))]
    except csv.Error:
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "无法读取“{name}”，文件可能已损坏。请另存为 .xlsx 或 CSV 后再导入。"), name=path.name) from None
    if sum(1 for row in rows if any(c.strip() for c in row)) > MAX_ROWS:
        raise RosterFileError(QT_TRANSLATE_NOOP(
            "Roster", "“{name}”的第一个工作表超过{max}行，不像是明白人名单。"), name=path.name, max=MAX_ROWS)
    return _tidy(rows)


def _tidy(rows: list[list[str]]) -> list[list[str]]:
    """Same width for every row; trailing blank rows dropped."""
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]


# -- the use case -----------------------------------------------------------------------------------

def _pool_duplicate(twin) -> RosterProblem:
    # The same texts as the 明白人 form (services/elders.py), so they are translated once.
    message = (QT_TRANSLATE_NOOP("Validation", "明白人库中已有同名、同村、同电话的{name}（已退出）")
               if twin.retired else QT_TRANSLATE_NOOP("Validation", "明白人库中已有同名、同村、同电话的{name}"))
    return RosterProblem(message, {"name": twin.name}, context="Validation")


class RosterImporter:
    """导入明白人名单. Thread contract: any thread, one call at a time (each call is one transaction)."""

    def __init__(self, db: Database, today: Callable[[], dt.date] = dt.date.today):
        self._db = db
        self._today = today

    def preview(self, path: str | Path, default_village: str) -> RosterPreview:
        """Read and check the file; rows that repeat an entry of the pool are refused.
        Nothing is written. Raises RosterFileError when the file cannot be read."""
        path = Path(path)
        preview = parse_roster(read_table(path), default_village, self._today(), source=path.name)
        if not any(row.ok for row in preview.rows):
            return preview
        rows: list[RosterRow] = []
        with self._db.transaction() as uow:
            for row in preview.rows:
                if row.ok:
                    twin = uow.elders.find_duplicate(*row.elder.duplicate_key())
                    if twin is not None:
                        row = row.with_problem(_pool_duplicate(twin))
                rows.append(row)
        return preview.with_rows(rows)

    def import_rows(self, preview: RosterPreview) -> int:
        """Add every acceptable row of ``preview`` to the pool in one transaction: all or nothing.
        Raises RosterChanged (nothing written) when one of them has entered the pool since the preview."""
        rows = preview.good_rows
        if not rows:
            return 0
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            for row in rows:
                if uow.elders.find_duplicate(*row.elder.duplicate_key()) is not None:
                    raise RosterChanged(row.line, row.elder.name)  # leaving the block rolls back
                uow.elders.add(row.elder)
            audit.record(uow, AuditKind.PEOPLE, None, {"action": "roster_import", "rows": len(rows),
                                                        "file": preview.source})
        return len(rows)

    def write_template(self, path: str | Path, village: str = "") -> None:
        """An .xlsx with the header row, one example row and a sheet of what each column accepts."""
        from ..documents.roster_template import write_template

        # The page header, read in a transaction of its own that ends before the file is written: the
        # template is saved from a worker thread (ui/tasks.py), and Database.read_settings' shared
        # connection belongs to the thread that opened it.
        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name", "")
        write_template(path, template_header(), template_example(self._today(), village),
                       template_instructions(), committee)

    @staticmethod
    def write_report(preview: RosterPreview, path: str | Path,
                     tr: Callable[[str, str], str] | None = None) -> int:
        """The rows that will not be imported, as read, with the reasons: a CSV Excel opens (UTF-8
        with BOM). ``tr(context, text)`` translates the reasons. Returns the number of rows written."""
        title_line = QT_TRANSLATE_NOOP("Roster", "行号")
        title_problems = QT_TRANSLATE_NOOP("Roster", "问题")
        tr_ = tr or (lambda context, text: text)
        written = 0
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([tr_("Roster", title_line), *preview.header, tr_("Roster", title_problems)])
            blanks = [""] * len(preview.header)
            for problem in preview.file_problems:
                writer.writerow(["", *blanks, problem.text(tr)])
                written += 1
            for row in preview.bad_rows:
                cells = list(row.cells[:len(preview.header)])
                cells += [""] * (len(preview.header) - len(cells))
                writer.writerow([row.line, *(_safe_cell(c) for c in cells), "；".join(row.problem_texts(tr))])
                written += 1
        return written


def _safe_cell(text: str) -> str:
    """Keep Excel from running a cell of the user's file as a formula when it opens the report: every
    lead a spreadsheet may read as one (=, +, -, @, tab, CR), as in the app's .xlsx files."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text
