"""The page footer every coded document shares: the 人民调解协议书 and the case file's other forms.

Under a thin rule at the foot of each page: the document's name and number on the left, 第X页 共Y页 on
the right, the verification code and a one-line hint how to check it, and the code as a QR code in the
corner. reportlab's two-pass recipe: every page is held until the end, so the total is known.

The QR code is sized for the worst copy it must survive: a printed page scanned at 100 dpi in greyscale,
and 80 and 120 dpi (tests/test_agreement_pdf.py decodes pdftoppm's pages with zbarimg). A module is
QR_MODULE_MM wide, 3.9 scanner pixels at 100 dpi, and the symbol keeps the 4-module quiet zone of
ISO/IEC 18004 on every side: the rule stops short of it, the footer's text ends left of it, the body's
frame (FOOTER_MM = 32 mm, padded by 6 points) stays above it. Measured on pages rendered at 70-200 dpi
and on simulated print-and-scan copies (dot gain, blur, grey paper, noise, at 80-120 dpi and six
positions on the pixel grid): the former 0.64 mm modules with a 2-module zone decoded neither at 80,
110 nor 120 dpi, nor in any simulated scan; 0.85 mm decoded 18 of 30 simulated scans, 1.0 mm 29 of 30.
"""

from __future__ import annotations

# Footer geometry, in mm from the page's bottom edge. Version 1 (21 modules): the symbol is 21 mm
# square, 7-28 mm up, its quiet zone 3-32 mm, flush with the right margin.
QR_MODULE_MM = 1.0
QR_QUIET_MODULES = 4  # ISO/IEC 18004: a light margin of 4 modules round the symbol
QR_BOTTOM_MM = 7.0  # the quiet zone below reaches 3 mm: white paper, printed or not
RULE_MM = 26.5  # the thin rule over the footer's text


def qr_matrix(code: str) -> tuple[tuple[bool, ...], ...]:
    """The code's QR symbol, error level Q (a quarter of it may be smudged or torn): the 14 characters
    of a code are alphanumeric and still fit version 1 (21 x 21 modules) at Q."""
    import segno

    return tuple(tuple(bool(m) for m in row) for row in segno.make_qr(code, error="q", boost_error=False).matrix)


def qr_modules(code: str, module: float) -> tuple[float, list[tuple[float, float, float, float]]]:
    """The dark modules of the code's QR symbol as rectangles, ``module`` points a side, from the
    symbol's bottom-left corner (no quiet zone: the caller leaves it white), one per horizontal run of
    dark modules, computed once per document and drawn as one path on every page; and the symbol's side.
    segno encodes in ~3 ms what reportlab's own QR widget took ~17 ms for (benchmarks/agreement_pdf.py)."""
    matrix = qr_matrix(code)
    side = len(matrix) * module
    rects: list[tuple[float, float, float, float]] = []
    for row, line in enumerate(matrix):
        y = side - (row + 1) * module
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                rects.append((start * module, y, (col - start) * module, module))
            else:
                col += 1
    return side, rects


def held_pages_canvas(stamp):
    """reportlab's two-pass recipe: a canvas class that holds every page back until the end, then calls
    ``stamp(canvas, total)`` on each (so 第X页 共Y页 can be written), with the page's own number in
    ``canvas.getPageNumber()``. Every numbered document of the package uses it."""
    from reportlab.pdfgen.canvas import Canvas

    class HeldPagesCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                stamp(self, total)
                super().showPage()
            super().save()

    return HeldPagesCanvas


def footed_canvas(font: str, head: str, code: str, hint: str, page_width: float, margin: float):
    """A canvas class that stamps, on each page, under a thin rule, ``head`` (the document's name and
    number) and 第X页 共Y页, the verification code ``code`` and ``hint``, and the code as a QR code in the
    bottom right corner, its quiet zone kept clear of the rule and the text."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    right = page_width - margin
    module = QR_MODULE_MM * mm
    side, qr = qr_modules(code, module) if code else (0.0, [])
    quiet = QR_QUIET_MODULES * module
    qr_x, qr_y = right - side, QR_BOTTOM_MM * mm
    # The text ends left of the symbol's quiet zone; the rule stops there too when the zone reaches it.
    text_right = qr_x - quiet - 1.5 * mm if qr else right
    rule_y = RULE_MM * mm
    rule_right = right if not qr or qr_y + side + quiet < rule_y else qr_x - quiet
    top = rule_y - 2.5 * mm  # the text's lines hang from here: 20.5, 15 and 10 mm up

    def footer(self, total: int) -> None:
        self.saveState()
        self.setLineWidth(0.4)
        self.line(margin, rule_y, rule_right, rule_y)
        self.setFont(font, 9)
        self.drawString(margin, top - 3.5 * mm, head)
        self.drawRightString(text_right, top - 3.5 * mm, f"第{self.getPageNumber()}页 共{total}页")
        self.setFont(font, 10)
        self.drawString(margin, top - 9 * mm, f"核验码：{code}")
        if hint:
            size = 8.0
            room = text_right - margin
            while size > 5.5 and stringWidth(hint, font, size) > room:
                size -= 0.25
            self.setFont(font, size)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.drawString(margin, top - 14 * mm, hint)
        self.restoreState()
        if qr:
            self.saveState()
            self.setFillColor(colors.black)
            path = self.beginPath()
            for x, y, w, h in qr:
                path.rect(qr_x + x, qr_y + y, w, h)
            self.drawPath(path, stroke=0, fill=1)
            self.restoreState()

    return held_pages_canvas(footer)
