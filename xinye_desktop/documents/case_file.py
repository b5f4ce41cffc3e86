"""调解卷宗: the case file bound as one PDF (domain.md §2.1): the cover (卷号 （年度）人调字第N号, 卷名,
mediators, dates, 立卷人, 保管期限), the 卷内目录 in the MOJ order with each document's pages, every
document made for the case in that order with the file's own page numbers stamped top right, and
the back cover (封底) stating how many pages the file has.

The documents are the PDFs already made (each keeps its own code and footer); reportlab draws the
cover, the index, the back cover and the page-number overlay, and pypdf binds them.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.case_number import format_file_number
from ..domain.i18n import QT_TRANSLATE_NOOP
from .text import DEFAULT_COMMITTEE, chinese_date
from .fonts import markup, names_kept_whole, register_fonts

TITLE = "调解卷宗"
# 保管期限; 长期 = 60 years, 短期 = 30 years in practice (domain.md §2.1)
RETENTIONS = (QT_TRANSLATE_NOOP("Vocabulary", "永久"), QT_TRANSLATE_NOOP("Vocabulary", "长期"),
              QT_TRANSLATE_NOOP("Vocabulary", "短期"))


@dataclass(frozen=True)
class FileEntry:
    """One line of the 卷内目录: the document's name and, when it is in this PDF, its file."""

    title: str
    path: Path | None = None
    note: str = ""  # e.g. 纸质材料另附 when the paper is kept with the file but not generated here


@dataclass(frozen=True)
class CaseFileContext:
    committee_name: str
    file_number: str  # （2026）人调字第012号 (``file_number``)
    case_number: str
    file_name: str  # 卷名: the parties and the dispute
    mediators: tuple[str, ...]
    first_day: dt.date | None
    last_day: dt.date | None
    filed_by: str
    filed_on: dt.date
    retention: str
    remarks: str = ""
    entries: tuple[FileEntry, ...] = field(default_factory=tuple)
    party_names: tuple[str, ...] = ()  # the people named in 卷名, kept whole on their line as every name is


def file_number(year: int, sequence: int) -> str:
    """卷号: the case's year and sequence, written as its 案号 writes them (domain.case_number)."""
    return format_file_number(year, sequence)


def build_case_file(ctx: CaseFileContext, target: Path) -> tuple[Path, int]:
    """Bind the case file at ``target`` (atomically); return (target, pages of documents numbered)."""
    from pypdf import PdfReader, PdfWriter

    readers = [(e, PdfReader(str(e.path)) if e.path else None) for e in ctx.entries]
    ranges: list[tuple[int, int] | None] = []
    page = 1
    for _, reader in readers:
        if reader is None:
            ranges.append(None)
            continue
        count = len(reader.pages)
        ranges.append((page, page + count - 1))
        page += count
    numbered = page - 1

    front = PdfReader(io.BytesIO(_front_matter(ctx, ranges, numbered)))
    stamps = PdfReader(io.BytesIO(_page_numbers(numbered))) if numbered else None
    writer = PdfWriter()
    for p in front.pages[:-1]:  # cover and index; the last page of the front matter is the back cover
        writer.add_page(p)
    n = 0
    for _, reader in readers:
        if reader is None:
            continue
        for p in reader.pages:
            added = writer.add_page(p)  # pypdf 7 merges only into pages that belong to the writer
            added.merge_page(stamps.pages[n])
            n += 1
    writer.add_page(front.pages[-1])
    writer.add_metadata({"/Title": f"{TITLE} {ctx.file_number} {ctx.case_number}",
                         "/Author": ctx.committee_name or DEFAULT_COMMITTEE})
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    try:
        with open(tmp, "wb") as out:
            writer.write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target, numbered


def _front_matter(ctx: CaseFileContext, ranges, numbered: int) -> bytes:
    """Cover, 卷内目录 (one or more pages) and, as the last page, the back cover."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=20, wordWrap="CJK")
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER)
    big = ParagraphStyle("big", parent=centre, fontSize=26, leading=36)
    org = ParagraphStyle("org", parent=centre, fontSize=16, leading=24)
    small = ParagraphStyle("small", parent=body, fontSize=10.5, leading=15)

    def para(text: str, style=body) -> Paragraph:
        return Paragraph(markup(text).replace("\n", "<br/>"), style)

    def grid(rows, widths, header=False):
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
        style = [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
        table.setStyle(TableStyle(style))
        return table

    days = ""
    if ctx.first_day:
        days = chinese_date(ctx.first_day) + ("至" + chinese_date(ctx.last_day)
                                              if ctx.last_day and ctx.last_day != ctx.first_day else "")
    cover_rows = [
        [para("卷　　名"), para(ctx.file_name)],
        [para("卷　　号"), para(ctx.file_number)],
        [para("案　　号"), para(ctx.case_number)],
        [para("人民调解员"), para("、".join(ctx.mediators))],
        [para("调解日期"), para(days)],
        [para("立 卷 人"), para(ctx.filed_by)],
        [para("立卷日期"), para(chinese_date(ctx.filed_on))],
        [para("保管期限"), para(ctx.retention)],
        [para("备　　注"), para(ctx.remarks)],
    ]
    story = [Spacer(0, 30 * mm), para(ctx.committee_name or DEFAULT_COMMITTEE, org), Spacer(0, 8 * mm),
             para(TITLE, big), Spacer(0, 25 * mm), grid(cover_rows, [32 * mm, 118 * mm]), PageBreak(),
             para("卷 内 目 录", ParagraphStyle("h", parent=centre, fontSize=18, leading=28)), Spacer(0, 5 * mm)]
    rows = [[para(h, small) for h in ("序号", "文书名称", "页号", "备注")]]
    for i, (entry, pages) in enumerate(zip(ctx.entries, ranges), start=1):
        where = "" if pages is None else (str(pages[0]) if pages[0] == pages[1] else f"{pages[0]}–{pages[1]}")
        rows.append([para(str(i), small), para(entry.title, small), para(where, small), para(entry.note, small)])
    story += [grid(rows, [14 * mm, 88 * mm, 22 * mm, 46 * mm], header=True), PageBreak(),
              Spacer(0, 150 * mm),
              para(f"本卷共{numbered}页（不含封面、卷内目录和封底）", centre), Spacer(0, 12 * mm),
              para("立卷人：" + "＿" * 8 + "　　检查人：" + "＿" * 8, centre), Spacer(0, 8 * mm),
              para(f"{ctx.committee_name or '人民调解委员会'}（印章）", centre)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=30 * mm, topMargin=22 * mm,
                            bottomMargin=22 * mm, title=f"{TITLE} {ctx.file_number}",
                            author=ctx.committee_name or DEFAULT_COMMITTEE)
    with names_kept_whole([*ctx.party_names, *ctx.mediators, ctx.filed_by]):
        doc.build(story)
    return out.getvalue()


def _page_numbers(count: int) -> bytes:
    """``count`` A4 pages, each carrying only its number in the top right corner (the file's 页号)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    font = register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for n in range(1, count + 1):
        canvas.setFont(font, 11)
        canvas.drawRightString(A4[0] - 12 * mm, A4[1] - 10 * mm, str(n))
        canvas.showPage()
    canvas.save()
    return out.getvalue()
