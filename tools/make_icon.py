"""Draw the app icon: a vermilion seal (印) with 调 in white, the mark of the 三理室.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_icon.py

Writes resources/icons/xinye-desktop-{16..256}.png (the window icon) and xinye-desktop.ico (the .exe,
the installer and the shortcuts). Each size is drawn on its own, so the small ones stay crisp: at 16
and 24 pixels the seal's inner border is left out and the character is drawn heavier. The .ico holds
BMP images up to 64 pixels (for every Windows tool that reads icons) and PNG images above.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
RED_TOP, RED_BOTTOM = "#d2412f", "#a8261c"


def draw(size: int, family: str):
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    small = size <= 24
    margin = 0 if small else size * 0.04
    body = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(QPointF(0, body.top()), QPointF(0, body.bottom()))
    gradient.setColorAt(0, QColor(RED_TOP))
    gradient.setColorAt(1, QColor(RED_BOTTOM))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    radius = body.width() * (0.16 if small else 0.2)
    p.drawRoundedRect(body, radius, radius)

    white = QColor("#fffaf3")
    if not small:  # the seal's inner border
        inset = body.width() * 0.085
        inner = body.adjusted(inset, inset, -inset, -inset)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(white, max(1.0, size / 42)))
        p.drawRoundedRect(inner, radius * 0.55, radius * 0.55)

    font = QFont(family)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(0, 0, font, "调")
    # The font's contours overlap: fill them by winding and merge them, or the overlaps show as gaps.
    path.setFillRule(Qt.FillRule.WindingFill)
    path = path.simplified()
    bounds = path.boundingRect()
    target = body.width() * (0.80 if small else 0.60)
    scale = target / max(bounds.width(), bounds.height())
    p.translate(body.center())
    p.scale(scale, scale)
    p.translate(-bounds.center())
    p.setBrush(white)
    # A stroke as wide as a few percent of the glyph makes the Regular weight read as a seal's cut.
    p.setPen(QPen(white, (3.2 if small else 2.2), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.drawPath(path)
    p.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def bmp_entry(image) -> bytes:
    """An icon image as a DIB: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom-up,
    then the 1-bit AND mask (all zero: the alpha channel decides)."""
    from PySide6.QtGui import QImage

    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    size = argb.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        line = argb.constScanLine(y)
        rows.append(bytes(line)[: size * 4])  # Format_ARGB32 is B, G, R, A in memory on little-endian
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_row * size)


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = [(size, bmp_entry(img) if size <= 64 else png_bytes(img)) for size, img in sorted(images.items())]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        out += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _size, data in entries)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication([])  # noqa: F841 (fonts and painting need it)
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "NotoSansSC-Regular.ttf"))
    if font_id < 0:
        print("cannot load resources/fonts/NotoSansSC-Regular.ttf", file=sys.stderr)
        return 1
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size, family) for size in SIZES}
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = OUT / f"xinye-desktop-{size}.png"
        path.write_bytes(png_bytes(images[size]))
        print(path.relative_to(ROOT))
    ico = OUT / "xinye-desktop.ico"
    ico.write_bytes(ico_bytes(images))
    print(ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
