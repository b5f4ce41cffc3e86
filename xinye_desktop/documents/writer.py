"""The writer base of the PDF documents: the page, the styles, paragraphs of typed text and writing
the file.

- ``Writer``: the font, the colours, a body style and ``para``/``bold``. Every paragraph's text goes
  through ``fonts.markup``, so a rare character in a name (𠈌) prints in the fallback font instead of
  as an empty box; the embedded font has one weight, so ``bold`` is drawn filled and stroked.
- ``FormWriter``: the look of the 人民调解协议书, which the case file's other forms share: its styles,
  headings that never end a page, and the bordered block of a party's MOJ fields.
- ``build_pdf`` writes a story atomically; ``build_coded_pdf`` with the page of the 协议书 and the
  forms and the coded footer (``layout.footed_canvas``) on every page.

reportlab is imported where it is used, so that importing a document module stays cheap.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from ..domain.enums import PartyKind
from .fonts import markup
from .text import inline_text, party_fields

MARGIN_MM = 22
FRAME_PADDING = 6  # points: reportlab's Frame default
FOOTER_MM = 32  # the coded documents' bottom margin: the footer (rule, 编号, code, hint, QR) lives in it
TOP_MM = 18


@lru_cache(maxsize=1)
def bold_paragraph():
    """The Paragraph class of headings (made on first use: importing this module imports no reportlab)."""
    from reportlab.platypus import Paragraph

    class BoldParagraph(Paragraph):
        """The embedded font has one weight: headings are drawn filled and thinly stroked (PDF text render
        mode 2), the usual faux bold, so no second font has to be bundled."""

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            canvas.setLineWidth(self.style.fontSize * 0.035)
            canvas.setStrokeColor(self.style.textColor)
            canvas._code.append("2 Tr")  # text state is part of the graphics state: restored by Q
            super().draw()
            canvas.restoreState()

    return BoldParagraph


class Writer:
    """The font, the colours and the body style of a document, and its paragraphs. A document's writer
    adds its own styles (``heading`` is the default style of ``bold``) and its pieces."""

    def __init__(self, font: str, size: float, leading: float):
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        self.font, self.colors, self.mm = font, colors, mm
        self.shade = colors.Color(0.94, 0.94, 0.94)  # label cells
        # bulletFontName too: its default, Helvetica, would be added to the file unembedded.
        self.body = ParagraphStyle("body", fontName=font, bulletFontName=font, fontSize=size, leading=leading,
                                   wordWrap="CJK")
        self.org = ParagraphStyle("org", parent=self.body, fontSize=12, leading=18, alignment=TA_CENTER)

    def para(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(markup(text), style or self.body)

    def bold(self, text: str, style=None):
        return bold_paragraph()(markup(text), style or self.heading)


class FormWriter(Writer):
    """The 人民调解协议书's styles and the pieces the case file's forms share with it."""

    def __init__(self, font: str):
        super().__init__(font, 11.5, 21)
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        mm, body = self.mm, self.body
        self.width = (210 - 2 * MARGIN_MM) * mm
        self.text = ParagraphStyle("text", parent=body, firstLineIndent=2 * body.fontSize, spaceBefore=1)
        self.title = ParagraphStyle("title", parent=body, fontSize=22, leading=32, alignment=TA_CENTER,
                                    spaceBefore=2)
        self.number = ParagraphStyle("number", parent=body, fontSize=11, leading=18, alignment=TA_RIGHT,
                                     spaceAfter=4)
        self.heading = ParagraphStyle("heading", parent=body, fontSize=12.5, leading=22, spaceBefore=9,
                                      spaceAfter=2)
        self.cell = ParagraphStyle("cell", parent=body, fontSize=10.5, leading=15)
        self.label = ParagraphStyle("label", parent=self.cell, alignment=TA_CENTER)
        self.box = ParagraphStyle("box", parent=body, fontSize=11, leading=19)
        self.sign_head = ParagraphStyle("sign_head", parent=body, fontSize=12, leading=20, spaceBefore=8,
                                        spaceAfter=2, keepWithNext=1)
        self.sign_name = ParagraphStyle("sign_name", parent=body, fontSize=10.5, leading=14, alignment=TA_RIGHT)
        self.sign_party = ParagraphStyle("sign_party", parent=body, fontSize=10.5, leading=14)
        self.caption = ParagraphStyle("caption", parent=body, fontSize=8, leading=10, alignment=TA_CENTER,
                                      textColor=colors.Color(0.35, 0.35, 0.35))
        self.notice = ParagraphStyle("notice", parent=body, fontSize=10.5, leading=20, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=body, fontSize=12, leading=20, alignment=TA_RIGHT)

    def heading_block(self, text: str, lines: int = 2) -> list:
        """A heading that never ends a page: room for it and a few lines, or a new page."""
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(self.heading.leading + self.heading.spaceBefore + lines * self.body.leading),
                self.bold(text)]

    def party_blocks(self, parties) -> list:
        """One bordered block per party: the role down the left, the MOJ fields in label/value pairs.
        The blocks touch, so they read as one table, and a page may break between two of them."""
        from reportlab.platypus import KeepTogether, Table, TableStyle

        mm, colors = self.mm, self.colors
        widths = [18 * mm, 22 * mm, 30 * mm, 22 * mm, 20 * mm, 22 * mm, 32 * mm]
        out = []
        for party in parties:
            value = dict(party_fields(party))

            def val(key: str, value=value):
                return self.para(inline_text(value[key]), self.cell)

            # The labels are fixed one-line strings: drawn as strings, no Paragraph to parse and wrap.
            role = party.role.label
            organisation = party.kind is PartyKind.ORGANISATION
            if organisation:
                rows = [[role, "名称", val("名称"), "", "", "法定代表人", val("法定代表人")],
                        ["", "住所", val("住所"), "", "", "联系方式", val("联系方式")]]
                spans = [("SPAN", (2, 0), (4, 0)), ("SPAN", (2, 1), (4, 1))]
            else:
                rows = [[role, "姓名", val("姓名"), "性别", val("性别"), "民族", val("民族")],
                        ["", "年龄", val("年龄"), "职业或职务", val("职业或职务"), "联系方式", val("联系方式")],
                        ["", "单位或住址", val("单位或住址"), "", "", "", ""]]
                spans = [("SPAN", (2, 2), (6, 2))]
            last = len(rows) - 1
            style = [
                # Table's own default font is Helvetica: naming ours keeps it out of the file.
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("FONTSIZE", (0, 0), (-1, -1), self.label.fontSize),
                ("LEADING", (0, 0), (-1, -1), self.label.leading),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the labels and the role; the values are Paragraphs
                ("GRID", (1, 0), (-1, -1), 0.5, colors.black),
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
                ("SPAN", (0, 0), (0, last)),
                ("BACKGROUND", (0, 0), (0, last), self.shade),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                *spans,
            ]
            for c in ((1, 5) if organisation else (1, 3, 5)):
                style.append(("BACKGROUND", (c, 0), (c, last), self.shade))
            if not organisation:
                style.append(("BACKGROUND", (3, 2), (6, 2), colors.white))  # under the spanned address
            table = Table(rows, colWidths=widths)
            table.setStyle(TableStyle(style))
            out.append(KeepTogether([table]))
        return out


def build_pdf(target: Path, story: list, canvasmaker, *, side: float, bottom: float, title: str, author: str,
              subject: str) -> Path:
    """Write ``story`` as an A4 PDF at ``target``, atomically: a failed render leaves any old file as it
    was. ``side`` and ``bottom``: the margins, in points. Return ``target``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    pdf = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=side, rightMargin=side, topMargin=TOP_MM * mm,
                            bottomMargin=bottom, title=title, author=author, subject=subject)
    try:
        pdf.build(story, canvasmaker=canvasmaker)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def build_coded_pdf(target: Path, story: list, font: str, *, head: str, code: str, hint: str, title: str,
                    author: str, subject: str) -> Path:
    """``build_pdf`` on the page of the 协议书 and the forms, with the coded footer on every page: ``head``
    (the title and 编号 or 案号) with 第X页 共Y页, the verification code and ``hint`` (how to check it)
    in figures, and the code as a QR code."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from .layout import footed_canvas

    # The frame pads its content by 6 points: margins 6 points narrower put the text at exactly MARGIN_MM.
    return build_pdf(target, story, footed_canvas(font, head, inline_text(code), inline_text(hint), A4[0],
                                                  MARGIN_MM * mm),
                     side=MARGIN_MM * mm - FRAME_PADDING, bottom=FOOTER_MM * mm, title=title, author=author,
                     subject=subject)
