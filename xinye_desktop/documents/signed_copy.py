"""An imitation of a scanned, signed 协议书 for demo and training data: the printed PDF with a light
paper tone, each party's signature and fingerprint, and the committee's red seal on the last page.

Real offices attach what their scanner made; this only gives the demo's "signed with scan" state a file
that looks like one (AgreementService.attach_scan copies it into the case's folder).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path


def imitate_signed_copy(pdf: Path, target: Path, signed_on: dt.date) -> Path:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    from .fonts import register_fonts

    font = register_fonts()
    writer = PdfWriter(clone_from=str(pdf))
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(width, height))
        canvas.setFillColor(colors.Color(0.55, 0.5, 0.35, alpha=0.06))  # the scanner's paper tone
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        _sign(canvas, font, _placed_lines(page), signed_on)
        canvas.save()
        page.merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    writer.add_metadata({"/Title": "人民调解协议书（签署件扫描件）"})
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def _placed_lines(page) -> list[tuple[float, float, str]]:
    """(x, y, text) of each line the page prints, where the line starts."""
    found: dict[tuple[int, int], list] = {}

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault((round(x), round(y)), [x, y, ""])[2] += text.strip()

    page.extract_text(visitor_text=visit)
    return [(x, y, text) for x, y, text in found.values()]


def _sign(canvas, font: str, lines, signed_on: dt.date) -> None:
    """Names written on the signature lines, a fingerprint in each box, an organisation's seal and the
    committee's over their places."""
    import re

    from reportlab.lib import colors

    ink = colors.Color(0.1, 0.15, 0.45, alpha=0.85)
    red = colors.Color(0.8, 0.1, 0.1, alpha=0.7)

    def write(x: float, y: float, text: str, size: float = 13) -> None:
        canvas.saveState()
        canvas.setFillColor(ink)
        canvas.translate(x, y)
        canvas.rotate(3)
        canvas.setFont(font, size)
        canvas.drawString(0, 0, text)
        canvas.restoreState()

    parties = [(x, y, m.group(1)) for x, y, text in lines
               if (m := re.fullmatch(r"(.+)（(?:申请人|被申请人|第三人)）", text))]
    for x, y, text in lines:
        if text == "签名：":
            above = [p for p in parties if abs(p[0] - x) < 2 and 0 < p[1] - y < 60]
            if above:
                write(x + 38, y + 1, above[0][2])
        elif text == "按指印":
            canvas.saveState()
            canvas.setFillColor(red)
            canvas.ellipse(x + 6, y + 10, x + 26, y + 36, stroke=0, fill=1)
            canvas.restoreState()
        elif text == "盖章":  # an organisation party's seal place: the caption sits in its centre
            canvas.saveState()
            canvas.setStrokeColor(red)
            canvas.setLineWidth(1.6)
            canvas.circle(x + 9, y + 3, 27, stroke=1, fill=0)
            canvas.restoreState()
        elif re.fullmatch(r"[^\s：（）]{2,5}：", text):  # 人民调解员、见证人、记录人: 董欣怡：
            write(x + 62, y + 1, text[:-1])
        elif text.startswith("（人民调解委员会印章"):
            _seal(canvas, font, x + 40, y - 14)
        elif text.replace(" ", "").replace("\u3000", "") == "年月日":
            # The line is 年、月、日 with blanks before each, 12 pt apart from the line's start.
            write(x + 4, y, str(signed_on.year), 11)
            write(x + 45, y, str(signed_on.month), 11)
            write(x + 73, y, str(signed_on.day), 11)


def _seal(canvas, font: str, x: float, y: float) -> None:
    """The committee's round red seal, slightly rotated as a hand applies it."""
    from reportlab.lib import colors

    red = colors.Color(0.8, 0.1, 0.1, alpha=0.75)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.rotate(-8)
    canvas.setStrokeColor(red)
    canvas.setFillColor(red)
    canvas.setLineWidth(2.2)
    canvas.circle(0, 0, 42, stroke=1, fill=0)
    canvas.setFont(font, 20)
    canvas.drawCentredString(0, -7, "★")
    canvas.setFont(font, 8.5)
    canvas.drawCentredString(0, 20, "人民调解委员会")
    canvas.drawCentredString(0, -28, "调解专用章")
    canvas.restoreState()
