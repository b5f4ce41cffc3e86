"""《矛盾化解“三理”室“明白人”名单》 (domain.md §4): the village's pool, printed to hang on the wall.

The list is public: it shows who the parties may ask to help, not how to reach them. Phone numbers
are personal data and are printed only when the caller says the elders agreed (``show_phone``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.elders import Elder, ElderStats
from .fonts import markup, names_kept_whole, register_fonts
from .text import DEFAULT_COMMITTEE, chinese_date

TITLE = "矛盾化解“三理”室“明白人”名单"
PRACTICE_NOTE = "当事人可从本名单中自愿选择信任的明白人参与评理；也可一事一议，另行共同选定。"


def specialty_text(elder: Elder) -> str:
    """婚姻家庭、邻里、房屋宅基地: the labels without the trailing 纠纷, joined by 、."""
    return "、".join(t.label.removesuffix("纠纷") for t in elder.specialties)


def short_date(day: dt.date) -> str:
    """2026.02.28: a third narrower than 2026年2月28日, which keeps the table on A4 portrait."""
    return f"{day.year}.{day.month:02d}.{day.day:02d}"


def roster_row(index: int, elder: Elder, printed_on: dt.date, show_phone: bool) -> list[str]:
    """The printed cells of one elder, in column order (the phone only with ``show_phone``)."""
    age = elder.age_in(printed_on.year)
    row = [
        str(index),
        elder.name,
        elder.sex.label,
        "" if age is None else str(age),
        elder.group,
        elder.identity_text,
        elder.selection.label if elder.selection else "",
        short_date(elder.term_end) if elder.term_end else "",
        specialty_text(elder),
    ]
    if show_phone:
        row.append(elder.phone)
    return row


def render_elder_roster(path, *, committee_name: str, village: str, elders: list[Elder], printed_on: dt.date,
                        show_phone: bool, stats: dict[int, ElderStats] | None = None) -> Path:
    """Write the roster of ``elders`` (printed in the order given) as an A4 PDF at ``path``.

    The caller chooses who is listed (the service leaves out retired and 一事一议 elders) and the
    order. Without phones the nine columns fit A4 portrait at a size readable on the wall; the
    phone column makes the specialties too narrow there, so that list is printed in landscape.
    ``stats`` is accepted for callers that have it at hand; case counts are internal figures and
    are deliberately not printed on a public wall list.
    """
    del stats
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_fonts()
    committee = (committee_name or "").strip() or DEFAULT_COMMITTEE
    village = (village or "").strip()
    path = Path(path)
    pagesize = landscape(A4) if show_phone else A4
    margin = 15 * mm
    size = 12 if show_phone else 11  # read standing in front of the wall
    pad = 3

    cell = ParagraphStyle("cell", fontName=font, fontSize=size, leading=size * 1.38, wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=cell, alignment=TA_CENTER)
    # Wrapped text: a closing 、 or ） may not start a line, so it hangs after the last character;
    # the indent (and the extra half em of the 身份 column) keeps that glyph's ink inside the cell.
    hang = size / 2
    wrapped = ParagraphStyle("wrapped", parent=cell, rightIndent=hang)
    header = ParagraphStyle("header", parent=centred, leading=size * 1.25)
    title = ParagraphStyle("title", parent=cell, fontSize=22, leading=30, alignment=TA_CENTER)
    subtitle = ParagraphStyle("subtitle", parent=cell, fontSize=13, leading=19, alignment=TA_CENTER)
    note = ParagraphStyle("note", parent=cell, fontSize=12, leading=18)
    signed = ParagraphStyle("signed", parent=note, alignment=TA_RIGHT)

    def para(text: str, style=cell) -> Paragraph:
        return Paragraph(markup(text), style)

    def measure(text: str) -> float:
        return stringWidth(text, font, size)

    def fits(sample: str) -> float:
        return measure(sample) + 2 * pad + 3

    # Header and a width that fits the column's usual longest content on one line; 擅长调解 gets
    # what is left. Longer content (an identity note, a five-character name) wraps in its cell.
    identity_sample = "原村小学校长" if show_phone else "致富能手"  # landscape has room for notes
    # 3组 in most villages; 第十二村民小组 in some: widen up to four characters, then wrap.
    group_width = min(max([fits("12组"), *(fits(e.group) for e in elders)]), fits("第十二组") + hang)
    columns = [("序号", fits("序号")), ("姓名", fits("欧阳建国")), ("性别", fits("性别")), ("年龄", fits("年龄")),
               ("村民\n小组", group_width), ("身份", fits(identity_sample) + hang),
               ("产生方式", fits("村民会议推选")), ("任期至", fits("2026.12.31")), ("擅长调解", 0.0)]
    if show_phone:
        columns.append(("联系电话", fits("13800000000")))
    columns[8] = ("擅长调解", pagesize[0] - 2 * margin - sum(width for _, width in columns))
    widths = [width for _, width in columns]

    def fixed_cell(text: str, width: float) -> Paragraph:
        # Centred when it fits; a wrapped note reads better from the left, and a line that ends in
        # hanging punctuation (、) would be pushed over the left border if centred.
        return para(text, centred if measure(text) <= width - 2 * pad else wrapped)

    def specialty_cell(labels: list[str], width: float) -> Paragraph:
        # Break only between two specialties, never inside 房屋宅基地; the 、 stays on the line.
        lines, line = [], ""
        for i, label in enumerate(labels):
            item = label + ("、" if i < len(labels) - 1 else "")
            if line and measure(line + item) > width - 2 * pad:
                lines.append(line)
                line = ""
            line += item
        lines.append(line)
        return Paragraph("<br/>".join(markup(x) for x in lines), cell)

    rows = [[Paragraph(markup(h).replace("\n", "<br/>"), header) for h, _ in columns]]
    for index, elder in enumerate(elders, start=1):
        texts = roster_row(index, elder, printed_on, show_phone)
        row = [fixed_cell(text, width) for text, width in zip(texts, widths)]
        row[8] = specialty_cell([t.label.removesuffix("纠纷") for t in elder.specialties], widths[8])
        rows.append(row)

    # The explanation and the 制表 line are the table's last two rows (spanned, without rules), held
    # together with the last elder: they never end up alone on a page of their own.
    last = len(rows) - 1
    blank = [""] * (len(columns) - 1)
    rows.append([para(PRACTICE_NOTE, note), *blank])
    rows.append([Paragraph(f"{markup(committee)}&#160;&#160;制表&#160;&#160;&#160;&#160;"
                           f"{chinese_date(printed_on)}", signed), *blank])

    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        # Table's own default is Helvetica, fixed when reportlab was imported: it would be added to
        # the PDF unembedded even though every cell is a Paragraph.
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, last), 0.7, colors.black),
        ("BOX", (0, 0), (-1, last), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("SPAN", (0, last + 1), (-1, last + 1)),
        ("SPAN", (0, last + 2), (-1, last + 2)),
        ("TOPPADDING", (0, last + 1), (-1, last + 1), 10),
        ("TOPPADDING", (0, last + 2), (-1, last + 2), 12),
        ("NOSPLIT", (0, last), (-1, -1)),
    ]))

    # The committee's name usually says which village it is; otherwise name both.
    heading = markup(committee)
    if village not in committee:
        heading = markup(village) + "&#160;" * 6 + heading  # a paragraph would collapse spaces
    story = [para(TITLE, title), Spacer(0, 2 * mm), Paragraph(heading, subtitle), Spacer(0, 5 * mm), table]

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=15 * mm,
                            bottomMargin=18 * mm, title=f"{TITLE}（{village}）", author=committee,
                            subject=f"{village}明白人名单")
    with names_kept_whole(e.name for e in elders):
        doc.build(story, canvasmaker=_page_numbers_canvas(font, pagesize[0] / 2, 9 * mm))
    return path


def _page_numbers_canvas(font: str, x: float, y: float):
    """第X页 共Y页 centred at the foot of each page (layout.held_pages_canvas)."""
    from .layout import held_pages_canvas

    def stamp(canvas, total: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 10)
        canvas.drawCentredString(x, y, f"第{canvas.getPageNumber()}页 共{total}页")
        canvas.restoreState()

    return held_pages_canvas(stamp)
