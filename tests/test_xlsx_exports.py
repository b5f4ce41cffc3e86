"""Every .xlsx the app writes (the 矛盾化解台账, the statistics workbook, the 明白人 roster template) keeps
typed text as text, whatever it starts with, and prints: landscape where the table is wide, one page
wide, the column heads and the committee on every page, 第N页 共M页 (documents/xlsx.py)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from tests.helpers import individual, organisation, valid_case_input
from xinye_desktop.documents import xlsx
from xinye_desktop.domain.enums import PartyRole, Sex
from xinye_desktop.domain.statistics import Period, PeriodKind
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.ledger import EXPORT_HEADERS, EXPORT_TITLE, LedgerFilter, LedgerService
from xinye_desktop.services.roster import RosterImporter
from xinye_desktop.services.statistics import StatisticsService

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
LEADS = ("=", "+", "-", "@", "\t", "\r")
assert LEADS == xlsx.FORMULA_LEADS


def hostile(lead: str) -> str:
    return lead + 'HYPERLINK("http://x","y")'


def group_of(lead: str) -> str:
    return lead + "1+2"  # a 村民小组 is at most 20 characters


# ---------------------------------------------------------------- reading the files back

def sheet_xml(path) -> dict[str, str]:
    """Each worksheet's XML by sheet name."""
    with zipfile.ZipFile(path) as z:
        book = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        out = {}
        for sheet in book.find("m:sheets", NS):
            target = targets[sheet.get(rid)].lstrip("/")
            out[sheet.get("name")] = z.read(target if target.startswith("xl/") else "xl/" + target).decode("utf-8")
        return out


def no_formula(xml: str) -> None:
    assert "<f>" not in xml and "<f " not in xml and "<f/>" not in xml


def inline_texts(xml: str) -> dict[str, str]:
    """Cell reference -> text of every inline-string cell (an XML parser undoes &#13; and the like)."""
    root = ElementTree.fromstring(xml)
    return {c.get("r"): "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            for c in root.iter(f"{{{NS['m']}}}c") if c.get("t") == "inlineStr"}


def assert_stored_as_text(path, sheet: str, texts) -> None:
    """No formula anywhere in ``sheet``; each of ``texts`` is the exact text of an inline-string cell
    that openpyxl reads back as that str, with the quote prefix that keeps it text when edited."""
    xml = sheet_xml(path)[sheet]
    no_formula(xml)
    stored = inline_texts(xml)
    ws = load_workbook(path)[sheet]
    for text in texts:
        refs = [ref for ref, got in stored.items() if got == text]
        assert refs, f"{text!r} is not stored as an inline string in {sheet}"
        for ref in refs:
            assert ws[ref].value == text and ws[ref].data_type == "s" and ws[ref].quotePrefix, (ref, text)


def assert_prints(ws, *, landscape: bool, title_rows: str | None, committee: str = COMMITTEE) -> None:
    assert ws.page_setup.paperSize in (9, "9")  # A4
    assert ws.page_setup.orientation == ("landscape" if landscape else "portrait")
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    if title_rows:
        first, last = title_rows.split(":")
        assert ws.print_title_rows == f"${first}:${last}"
    assert ws.oddHeader.left.text == committee
    assert ws.oddFooter.center.text == "第&P页 共&N页"


# ---------------------------------------------------------------- data with hostile text

def register_hostile_cases(database) -> list[str]:
    """One case per lead whose village, group, first party (an organisation) and facts start with it.
    The intake form trims a leading tab or CR, so those are put back in the database, as they would
    arrive from an older version or a restored file: the export must hold whatever is stored."""
    with database.transaction() as uow:
        uow.settings.set("committee_name", COMMITTEE)
    intake = IntakeService(database)
    numbers = []
    for n, lead in enumerate(LEADS):
        parties = [organisation(hostile(lead), role=PartyRole.APPLICANT),
                   individual("李秀英", Sex.FEMALE, role=PartyRole.RESPONDENT)]
        case = intake.register(valid_case_input(received=dt.date.today(), tag=n, village=hostile(lead),
                                                group=group_of(lead), facts=hostile(lead), parties=parties))
        conn = database.read_connection()
        conn.execute("UPDATE villages SET name = ?, township = '' WHERE id = (SELECT village_id FROM cases "
                     "WHERE id = ?)", (hostile(lead), case.id))
        conn.execute("UPDATE cases SET group_name = ?, facts = ?, party_names = ? WHERE id = ?",
                     (group_of(lead), hostile(lead), f"{hostile(lead)} 李秀英", case.id))
        numbers.append(case.case_number)
    return numbers


def test_intake_keeps_the_formula_leads_it_is_given(database):
    """The texts reach the database as typed ("=", "+", "-", "@"), so the export must cope with them."""
    intake = IntakeService(database)
    case = intake.register(valid_case_input(village=hostile("="), facts=hostile("@")))
    assert case.village == hostile("=") and case.facts == hostile("@")


def test_the_ledger_export_writes_every_typed_text_as_text(database, tmp_path):
    register_hostile_cases(database)
    target = tmp_path / "台账.xlsx"
    assert LedgerService(database).export_xlsx(LedgerFilter(), "received_date", True, target) == len(LEADS)

    texts = [hostile(lead) for lead in LEADS] + [group_of(lead) for lead in LEADS]
    texts += [f"{hostile(lead)}、李秀英" for lead in LEADS]
    assert_stored_as_text(target, EXPORT_TITLE, texts)
    rows = list(load_workbook(target)[EXPORT_TITLE].iter_rows(min_row=3, values_only=True))
    by_village = {row[5]: row for row in rows}
    for lead in LEADS:
        row = by_village[hostile(lead)]
        assert (row[6], row[7], row[8]) == (group_of(lead), f"{hostile(lead)}、李秀英", hostile(lead))
    assert isinstance(rows[0][0], int)  # 序号 stays a number


def test_the_ledger_export_prints_landscape_one_page_wide_with_heads_on_every_page(database, tmp_path):
    register_hostile_cases(database)
    target = tmp_path / "台账.xlsx"
    LedgerService(database).export_xlsx(LedgerFilter(), "received_date", True, target)

    ws = load_workbook(target)[EXPORT_TITLE]
    assert_prints(ws, landscape=True, title_rows="2:2")
    assert ws.oddHeader.right.text == EXPORT_TITLE
    assert [ws.cell(row=2, column=c).value for c in range(1, 15)] == list(EXPORT_HEADERS)
    widths = {h: ws.column_dimensions[chr(ord("A") + i)].width for i, h in enumerate(EXPORT_HEADERS)}
    assert widths["案号"] >= xlsx.text_width("（2026）新调字第001号")  # a case number on one line
    assert widths["纠纷简要情况"] == max(widths.values())
    assert 150 <= sum(widths.values()) <= 200  # about 80 % on A4 landscape: 9 pt on paper, not 6
    assert ws.cell(row=3, column=9).alignment.wrap_text


def test_a_long_row_is_as_high_as_its_wrapped_facts(database, tmp_path):
    """LibreOffice does not fit rows to wrapped text when it opens an .xlsx: the export sets the height."""
    intake = IntakeService(database)
    intake.register(valid_case_input(facts="双方因宅基地界线发生争执。" * 20))  # 260 characters
    intake.register(valid_case_input(tag=1, facts="双方因宅基地界线发生争执。"))
    target = tmp_path / "台账.xlsx"
    LedgerService(database).export_xlsx(LedgerFilter(), "received_date", False, target)
    ws = load_workbook(target)[EXPORT_TITLE]
    long_row, short_row = ws.row_dimensions[3].height, ws.row_dimensions[4].height
    assert long_row is not None and long_row >= 14 * xlsx.LINE_HEIGHT  # 260 × 2.1 units in a 38-unit column
    assert short_row is None  # one line: the default height


def test_both_statistics_sheets_write_village_names_as_text_and_print(database, tmp_path):
    register_hostile_cases(database)
    stats = StatisticsService(database)
    s = stats.compute(Period(PeriodKind.YEAR, dt.date.today().year))
    target = stats.export_xlsx(s, tmp_path / "报表.xlsx", hostile("="))

    names = [hostile(lead) for lead in LEADS]
    assert_stored_as_text(target, "统计表", names)
    assert_stored_as_text(target, "分村统计", names)
    no_formula(sheet_xml(target)["图表"])
    wb = load_workbook(target)
    assert_prints(wb["统计表"], landscape=False, title_rows="1:2", committee=hostile("="))
    assert_prints(wb["分村统计"], landscape=True, title_rows="4:5", committee=hostile("="))
    assert_prints(wb["图表"], landscape=False, title_rows=None, committee=hostile("="))


def test_the_roster_template_writes_the_village_as_text_and_prints(database, tmp_path):
    with database.transaction() as uow:
        uow.settings.set("committee_name", COMMITTEE)
    importer = RosterImporter(database)
    for n, lead in enumerate(LEADS):
        path = tmp_path / f"模板{n}.xlsx"
        importer.write_template(path, hostile(lead))
        assert_stored_as_text(path, "明白人名单", [hostile(lead)])
        no_formula(sheet_xml(path)["填写说明"])
    wb = load_workbook(path)
    assert_prints(wb["明白人名单"], landscape=True, title_rows="1:1")
    assert_prints(wb["填写说明"], landscape=False, title_rows="1:1")


def test_the_roster_report_csv_quotes_every_formula_lead(database, tmp_path):
    """The CSV of rows that will not be imported echoes the user's cells: each of the six leads gets
    the ' that Excel reads as "text" (it had "=" and "@" only)."""
    import csv

    from tests.test_roster_import import HEADER, good

    names = [lead + "李四" for lead in LEADS]
    book = xlsx.new_workbook()  # the names as text: plain openpyxl would store "=李四" as a formula
    for r, row in enumerate([HEADER, good(), *(good(name) for name in names)], start=1):
        for c, value in enumerate(row, start=1):
            xlsx.put(book.active, r, c, value)
    path = tmp_path / "名单.xlsx"
    xlsx.save(book, path)
    importer = RosterImporter(database)
    preview = importer.preview(path, "王庄村")
    report = tmp_path / "问题.csv"
    importer.write_report(preview, report)
    with open(report, encoding="utf-8-sig", newline="") as f:
        written = {row[1] for row in list(csv.reader(f))[1:]}
    expected = {"'" + name for name in names if name.strip() == name}  # reading trims a leading tab or CR
    assert expected == {"'=李四", "'+李四", "'-李四", "'@李四"} and expected <= written


# ---------------------------------------------------------------- the shared module

def test_every_workbook_is_made_through_the_shared_module():
    """A workbook made elsewhere would miss the text guard and the print setup: only xlsx.py makes one."""
    import ast
    from pathlib import Path

    import xinye_desktop

    package = Path(xinye_desktop.__file__).parent
    makers = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            imported = (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl")
                        and any(alias.name == "Workbook" for alias in node.names))
            if imported or (isinstance(node, ast.Attribute) and node.attr == "Workbook"):  # openpyxl.Workbook
                makers.append((path.relative_to(package).as_posix(), node.lineno))
    assert [where for where, _line in makers] == ["documents/xlsx.py"], makers


def test_saving_turns_a_formula_written_past_the_helpers_into_text(tmp_path):
    """A later workbook that writes a cell with plain openpyxl still gets no formula through ``save``."""
    wb = xlsx.new_workbook()
    wb.active["A1"] = "=1+1"
    wb.active["B1"] = 3
    xlsx.save(wb, tmp_path / "x.xlsx")
    xml = sheet_xml(tmp_path / "x.xlsx")["Sheet"]
    no_formula(xml)
    assert inline_texts(xml) == {"A1": "=1+1"}


def test_a_streamed_row_keeps_numbers_numbers_and_text_text(tmp_path):
    wb = xlsx.new_workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append(xlsx.stream_row(ws, ["=1+1", 5, "-3", None, 2.5, "x\x0by"]))
    xlsx.save(wb, tmp_path / "s.xlsx")
    xml = sheet_xml(tmp_path / "s.xlsx")["s"]
    no_formula(xml)
    assert inline_texts(xml) == {"A1": "=1+1", "C1": "-3", "F1": "xy"}  # \x0b cannot be stored in XML
    got = load_workbook(tmp_path / "s.xlsx")["s"]
    assert [c.value for c in got[1]] == ["=1+1", 5, "-3", None, 2.5, "xy"]
    assert not got["B1"].quotePrefix and not got["E1"].quotePrefix  # the number after a text is plain


def test_header_text_is_literal():
    assert xlsx.header_text("王庄村&李庄村调委会") == "王庄村&&李庄村调委会"  # "&" alone starts a code
    assert xlsx.header_text("第一行\n第二行") == "第一行 第二行"
    assert len(xlsx.header_text("委" * 300)) <= 120


def test_text_width_counts_chinese_twice_and_a_bit():
    assert xlsx.text_width("2026-12-06") == 10
    assert xlsx.text_width("（2026）新调字第001号") == pytest.approx(7 + 7 * xlsx.WIDE_CHAR)
    assert xlsx.text_lines("一" * 40, 40) == 3 and xlsx.text_lines("一" * 10, 40) == 1
    assert xlsx.text_lines("甲\n乙\r\n丙", 40) == 3


# ---------------------------------------------------------------- printed by LibreOffice

def _libreoffice_pdf(xlsx_path, root):
    """``xlsx_path`` printed to PDF by LibreOffice headless, seeing the bundled Noto Sans SC only (a
    fontconfig file of the test's own), so the result does not hang on the machine's fonts."""
    from xinye_desktop.paths import resources_dir

    fonts = root / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "NotoSansSC-Regular.ttf").symlink_to(resources_dir() / "fonts" / "NotoSansSC-Regular.ttf")
    aliases = "".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>Noto Sans SC</family>"
                      "</prefer></alias>" for name in ("Calibri", "Carlito", "DengXian", "SimSun"))
    (root / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{root / 'fc-cache'}</cachedir>{aliases}</fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(root / "fonts.conf"), "HOME": str(root)}
    done = subprocess.run(["soffice", f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(root), str(xlsx_path)],
                          env=env, capture_output=True, timeout=240)
    pdf = root / (xlsx_path.stem + ".pdf")
    if not pdf.exists() and b"could not be loaded" in done.stdout + done.stderr:
        pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui)")
    assert pdf.exists(), done.stdout + done.stderr
    return pdf


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler-utils not installed")
def test_libreoffice_prints_the_ledger_with_the_text_as_typed_and_heads_on_every_page(database, tmp_path):
    register_hostile_cases(database)
    intake = IntakeService(database)
    for n in range(8):  # long facts, so that the ledger runs over several pages
        intake.register(valid_case_input(tag=10 + n, facts=f"第{n}件：" + "双方因宅基地界线发生争执，多次协商未果。" * 12))
    target = tmp_path / "台账.xlsx"
    LedgerService(database).export_xlsx(LedgerFilter(), "received_date", True, target)
    pdf = _libreoffice_pdf(target, tmp_path / "lo")

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height  # landscape
    assert 2 <= pages <= 8  # 14 rows, one page wide (the old layout: 4 portrait pages across per band)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for lead in ("=", "+", "-", "@"):
        assert hostile(lead) in text  # the facts column holds it on one line
    for error in ("#NAME?", "Err:", "#VALUE!"):
        assert error not in text
    printed = [page for page in text.split("\f") if page.strip()]
    assert len(printed) == pages
    for number, page in enumerate(printed, start=1):
        assert "纠纷简要情况" in page and "下次回访" in page  # the heads, repeated
        assert COMMITTEE in page and f"第{number}页 共{pages}页" in page
