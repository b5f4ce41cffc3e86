"""The one signature grid of the documents: where each party signs, the mediators' and the others'
named lines, the committee's seal and date, and the block that keeps them together.

- A party's place (``party_rows``): its name and role at the top, the 签名 line at the bottom and
  beside it a square box captioned 按指印; an organisation's place is a dashed circle captioned 盖章,
  where its seal goes, and its line is for its legal representative's signature. Two places to a row.
- The mediators, the witnesses and the recorder sign on named lines (``named_lines``, two to a row,
  or ``one_per_line``).
- The committee's name and the date with a dashed circle over them where the seal goes
  (``seal_beside``: beside whatever signs last).
- ``signature_block``: the block moves whole to a new page when it does not fit, the blank it leaves
  marked （本页以下无正文）; ``kept_together`` keeps a part of it (the last row of the parties, the
  mediators, the seal) on one page, when the whole is taller than a page.

The pieces are drawn with a ``writer.FormWriter``'s styles (``sign_party``, ``sign_name``,
``caption``, ``right``, ``notice``); the 人民调解记录 uses the named lines at its own size.
"""

from __future__ import annotations

from functools import lru_cache

from ..domain.cases import Party
from ..domain.enums import PartyKind

MEDIATORS_SIGN_HEADING = "人民调解员（签名）："
WITNESSES_SIGN_HEADING = "见证人（签名）："
RECORDER_SIGN_HEADING = "记录人（签名）："
SEAL_TEXT = "（人民调解委员会印章）"
FINGERPRINT = "按指印"
PARTY_SEAL = "盖章"  # an organisation seals its place; its legal representative signs
END_OF_TEXT = "（本页以下无正文）"

FINGERPRINT_MM = 18
SIGN_NAME_GAP_MM = 14  # a party's name ends this far above the bottom of its signature place
SEAL_MM = 40
PARTY_SEAL_MM = 22  # the dashed circle of an organisation's seal place, within its place (a 公章, ~40 mm, overlaps it)
SEAL_AREA_MM = 84  # the width of the committee's name, date and seal circle


# ---------------------------------------------------------------- the parties

def party_rows(writer, parties, *, level: bool = False) -> list[list]:
    """The parties' places, two to a row (the last padded with ""). ``level``: the two of a row made
    equally tall, so the names start level and the 签名 lines are level."""
    place = _flowables()[0]
    half = writer.width / 2
    cells: list = [place(writer, party, half) for party in parties]
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    if level:
        for row in rows:
            tallest = max(cell.height for cell in row if cell != "")
            for cell in row:
                if cell != "":
                    cell.height = tallest
    return rows


def party_table(writer, rows: list[list], bottom_padding: float = 0):
    """Rows of ``party_rows`` (or of cells holding a place and more under it) as a table, each cell
    at the top of its row."""
    from reportlab.platypus import Table, TableStyle

    half = writer.width / 2
    table = Table(rows, colWidths=[half, half])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), writer.font), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding)]))
    return table


# ---------------------------------------------------------------- the mediators and the others

def named_lines(writer, names: list[str], *, label_mm: float = 30, line_mm: float = 53, row_mm: float = 12,
                h_align: str = "CENTER"):
    """A line to sign on after each name, two to a row: the name right-aligned in a ``label_mm`` cell,
    the line ``line_mm`` long. At least one name (give [""] for an unnamed line)."""
    from reportlab.platypus import Table, TableStyle

    mm = writer.mm
    cells: list = []
    for name in names:
        cells += [writer.para(name + "：" if name else "", writer.sign_name), ""]
    if len(cells) % 4:
        cells += ["", ""]
    rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
    table = Table(rows, colWidths=[label_mm * mm, line_mm * mm, label_mm * mm, line_mm * mm],
                  rowHeights=row_mm * mm, hAlign=h_align)
    style = [("FONTNAME", (0, 0), (-1, -1), writer.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    for r in range(len(rows)):
        for c in (1, 3):
            if 2 * r + c // 2 < len(names):
                style.append(("LINEBELOW", (c, r), (c, r), 0.6, writer.colors.black))
    table.setStyle(TableStyle(style))
    return table


def one_per_line(writer, names: list[str]):
    """A named line per person, one under the other, at the left (the witnesses, the recorder)."""
    from reportlab.platypus import Table, TableStyle

    mm = writer.mm
    rows = [[writer.para(name + "：" if name else "", writer.sign_name), ""] for name in names]
    table = Table(rows, colWidths=[30 * mm, 50 * mm], rowHeights=12 * mm, hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), writer.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("LINEBELOW", (1, 0), (1, -1), 0.6, writer.colors.black)]))
    return table


# ---------------------------------------------------------------- the committee's seal

def seal_beside(writer, left, committee: str, date: str):
    """``left`` (flowables: the last signatures) and, at the right, the committee's name and the date
    under a dashed circle where the seal goes, bottoms level."""
    from reportlab.platypus import Table, TableStyle

    seal_area = _flowables()[1]
    seal_w = SEAL_AREA_MM * writer.mm
    bottom = Table([[left, seal_area(writer, committee, date, seal_w)]], colWidths=[writer.width - seal_w, seal_w])
    bottom.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), writer.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return bottom


# ---------------------------------------------------------------- keeping the block together

def signature_block(writer, block: list) -> list:
    """One block, moved whole to a new page when it does not fit, the blank it leaves marked."""
    from reportlab.platypus import KeepTogether

    together = KeepTogether(block)
    return [end_of_text_notice(writer, together), together]


def kept_together(flowables: list):
    """Flowables that move to the next page together when they do not fit (see ``_kept_together_class``)."""
    return _kept_together_class()(flowables)


@lru_cache(maxsize=1)
def _kept_together_class():
    """A Flowable class: flowables that move to the next page together when they do not fit, like
    reportlab's KeepTogether, but that report their true height. A KeepTogether claims 16 MB of height
    to force its own split, so one inside another would make the outer always too tall; this one can sit
    inside the signature block's KeepTogether. Taller than a whole page, it flows on like its content."""
    from reportlab.platypus.flowables import Flowable, _Container, _listWrapOn

    class KeptTogether(_Container, Flowable):
        def __init__(self, flowables: list):
            super().__init__()
            self._content = list(flowables)

        def wrap(self, aW, aH):  # noqa: N803 - reportlab's names
            self.width, self._H = _listWrapOn(self._content, aW, self.canv)
            self.height = self._H
            return self.width, self._H

        def split(self, aW, aH):  # noqa: N803
            frame = getattr(self, "_frame", None)
            if frame is not None and getattr(frame, "_atTop", False):
                return list(self._content)  # a fresh page cannot hold it either: let it flow
            return []  # the next page, whole (reportlab postpones a flowable that splits into nothing)

        def draw(self):
            self.drawOn(self.canv, 0, 0)

        def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
            _Container.drawOn(self, canvas, x, y, _sW=_sW)

    return KeptTogether


def end_of_text_notice(writer, block):
    """（本页以下无正文）, printed only when ``block`` does not fit in the rest of the page and moves to the
    next one: the blank left behind is marked, so that nothing can be written into it afterwards."""
    from reportlab.platypus import Flowable

    class Notice(Flowable):
        def __init__(self):
            super().__init__()
            self.para = writer.para(END_OF_TEXT, writer.notice)
            self.shown = False

        def wrap(self, aW, aH):  # noqa: N803
            _, need = self.para.wrap(aW, aH)
            block.wrapOn(self.canv, aW, aH)
            self.shown = need < aH and block._H > aH - need
            return aW, need if self.shown else 0

        def draw(self):
            if self.shown:
                self.para.drawOn(self.canv, 0, 0)

    return Notice()


# ---------------------------------------------------------------- the flowables

@lru_cache(maxsize=1)
def _flowables():
    """The party's signature place and the seal area, as Flowable classes (made on first use, so that
    importing this module does not import reportlab)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class PartySignature(Flowable):
        """One party's place to sign: name and role at the top, the 签名 line and a square box for a
        fingerprint at the bottom. A long name (an organisation's, 30 characters and more) takes as many
        lines as it needs: the place grows upwards, it never runs over the party above."""

        def __init__(self, writer, party: Party, width: float):
            super().__init__()
            mm = writer.mm
            self.writer, self.party, self.width = writer, party, width
            self.box = FINGERPRINT_MM * mm
            self.box_x = self.width - self.box - 6 * mm
            organisation = party.kind is PartyKind.ORGANISATION
            notes = [party.role.label] + ([PARTY_SEAL] if organisation else [])
            self.name = writer.para(f"{party.name}（{'，'.join(notes)}）", writer.sign_party)
            _, self.name_height = self.name.wrap(self.box_x - 4 * mm, 10_000)
            # The name ends at least SIGN_NAME_GAP_MM above the bottom, clear of the 签名 label and its
            # line; one or two lines fit in the standard height beside the fingerprint box.
            self.height = max(self.box + 9 * mm, 3 * mm + self.name_height + SIGN_NAME_GAP_MM * mm)
            self.line_label = "法定代表人签名：" if organisation else "签名："
            # An organisation seals where a person presses a finger: a dashed circle captioned 盖章.
            self.sealed = organisation
            self.caption = writer.para(PARTY_SEAL if organisation else FINGERPRINT, writer.caption)

        def wrap(self, aW, aH):  # noqa: N803 - reportlab's names
            return self.width, self.height

        def draw(self):
            canvas, mm, w = self.canv, self.writer.mm, self.writer
            box_x = self.box_x
            box_y = 6 * mm
            text_w = box_x - 4 * mm
            # the name and role at the top left, the whole of it
            self.name.wrap(text_w, self.height)
            self.name.drawOn(canvas, 0, self.height - 3 * mm - self.name_height)
            canvas.saveState()
            canvas.setFont(w.font, 10.5)
            canvas.drawString(0, box_y + 1 * mm, self.line_label)
            start = stringWidth(self.line_label, w.font, 10.5) + 1 * mm
            canvas.setLineWidth(0.6)
            canvas.line(start, box_y, text_w, box_y)
            if self.sealed:
                # The committee's seal place, smaller: centred on the fingerprint box's centre.
                r = PARTY_SEAL_MM * mm / 2
                cx, cy = box_x + self.box / 2, box_y + self.box / 2
                canvas.setDash(3, 2)
                canvas.setLineWidth(0.7)
                canvas.setStrokeColor(w.colors.Color(0.45, 0.45, 0.45))
                canvas.circle(cx, cy, r)
                canvas.restoreState()
                _, ch = self.caption.wrap(2 * r, r)
                self.caption.drawOn(canvas, cx - r, cy - ch / 2)
                return
            canvas.setLineWidth(0.8)
            canvas.rect(box_x, box_y, self.box, self.box)
            canvas.restoreState()
            _, ch = self.caption.wrap(self.box + 6 * mm, 5 * mm)
            self.caption.drawOn(canvas, box_x - 3 * mm, box_y - ch - 0.8 * mm)

    class SealArea(Flowable):
        """The committee's name and the date, with a dashed circle where the seal goes over them."""

        def __init__(self, writer, committee: str, date: str, width: float):
            super().__init__()
            mm = writer.mm
            self.writer, self.width = writer, width
            self.diameter = SEAL_MM * mm
            self.height = self.diameter + 6 * mm
            self.committee = writer.para(committee, writer.right)
            self.seal = writer.para(SEAL_TEXT, writer.caption)
            self.date = writer.para(date, writer.right)

        def wrap(self, aW, aH):  # noqa: N803
            return self.width, self.height

        def draw(self):
            canvas, mm, colors = self.canv, self.writer.mm, self.writer.colors
            r = self.diameter / 2
            cx, cy = self.width - r - 8 * mm, self.height / 2
            canvas.saveState()
            canvas.setDash(3, 2)
            canvas.setLineWidth(0.7)
            canvas.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
            canvas.circle(cx, cy, r)
            canvas.restoreState()
            inner = self.diameter - 8 * mm
            self.seal.wrap(inner, r)
            self.seal.drawOn(canvas, cx - inner / 2, cy + r - 9 * mm)
            self.committee.wrap(self.width, self.height)
            self.committee.drawOn(canvas, 0, cy + 1 * mm)
            self.date.wrap(self.width, self.height)
            self.date.drawOn(canvas, 0, cy - 11 * mm)

    return PartySignature, SealArea
