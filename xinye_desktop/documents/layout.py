"""The page footer every coded document shares: the 人民调解协议书 and the case file's other forms.

Under a thin rule at the foot of each page: the document's name and number on the left, 第X页 共Y页 on
the right, the verification code and a one-line hint how to check it, and the code as a QR code in the
corner. reportlab's two-pass recipe: every page is held until the end, so the total is known.
"""

from __future__ import annotations

QR_MM = 16


def qr_modules(code: str, size: float, border: int = 2) -> list[tuple[float, float, float, float]]:
    """The dark modules of the code's QR symbol (error level M, a quiet zone of ``border`` modules) as
    rectangles in a ``size``-point square, one per horizontal run of dark modules, computed once per
    document and drawn as one path on every page. segno encodes in ~3 ms what reportlab's own QR
    widget took ~17 ms for (benchmarks/agreement_pdf.py)."""
    import segno

    matrix = segno.make_qr(code, error="m", boost_error=False).matrix
    module = size / (len(matrix) + 2 * border)
    rects: list[tuple[float, float, float, float]] = []
    for row, line in enumerate(matrix):
        y = size - (border + row + 1) * module
        col = 0
        while col < len(line):
            if line[col]:
                start = col
                while col < len(line) and line[col]:
                    col += 1
                rects.append(((border + start) * module, y, (col - start) * module, module))
            else:
                col += 1
    return rects


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
    number) and 第X页 共Y页, the verification code ``code`` and ``hint``, and the code as a QR code."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    qr_size = QR_MM * mm
    qr = qr_modules(code, qr_size) if code else None

    def footer(self, total: int) -> None:
        right = page_width - margin
        text_right = right - qr_size - 4 * mm
        top = 8 * mm + qr_size
        self.saveState()
        self.setLineWidth(0.4)
        self.line(margin, top + 2.5 * mm, right, top + 2.5 * mm)
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
            ox, oy = right - qr_size, 8 * mm
            for x, y, w, h in qr:
                path.rect(ox + x, oy + y, w, h)
            self.drawPath(path, stroke=0, fill=1)
            self.restoreState()

    return held_pages_canvas(footer)
