"""The page footer every coded document shares: the 人民调解协议书 and the case file's other forms.

Under a thin rule at the foot of each page: the document's name and number on the left, 第X页 共Y页 on
the right, the verification code and a one-line hint how to check it, and the code as a QR code in the
corner. reportlab's two-pass recipe: every page is held until the end, so the total is known.
"""

from __future__ import annotations

QR_MM = 16


def qr_modules(code: str, size: float) -> list[tuple[float, float, float, float]]:
    """The dark modules of the code's QR symbol as rectangles in a ``size``-point square, computed
    once per document: drawing them as one path is several times quicker than rendering the widget's
    shapes again on every page (benchmarks/agreement_pdf.py)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Group, Rect

    widget = QrCodeWidget(code, barLevel="M", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    sx, sy = size / (x1 - x0), size / (y1 - y0)
    rects: list[tuple[float, float, float, float]] = []

    def walk(node) -> None:
        for child in getattr(node, "contents", []):
            if isinstance(child, Group):
                walk(child)
            elif isinstance(child, Rect) and child.fillColor is not None and child.fillColor.red < 0.5:
                rects.append(((child.x - x0) * sx, (child.y - y0) * sy, child.width * sx, child.height * sy))

    walk(widget.draw())
    return rects


def footed_canvas(font: str, head: str, code: str, hint: str, page_width: float, margin: float):
    """A canvas class that stamps, on each page, under a thin rule, ``head`` (the document's name and
    number) and 第X页 共Y页, the verification code ``code`` and ``hint``, and the code as a QR code."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    qr_size = QR_MM * mm
    qr = qr_modules(code, qr_size) if code else None

    class FootedCanvas(Canvas):
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
                self.footer(total)
                super().showPage()
            super().save()

        def footer(self, total: int) -> None:
            right = page_width - margin
            text_right = right - qr_size - 4 * mm
            top = 8 * mm + qr_size
            self.saveState()
            self.setLineWidth(0.4)
            self.line(margin, top + 2.5 * mm, right, top + 2.5 * mm)
            self.setFont(font, 9)
            self.drawString(margin, top - 3.5 * mm, head)
            self.drawRightString(text_right, top - 3.5 * mm, f"第{self._pageNumber}页 共{total}页")
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

    return FootedCanvas
