"""Make Chinese render on a machine that has no Chinese font: register the bundled one."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..paths import resources_dir

# Noto Sans SC for the interface; HanaMinB (a CJK Ext-B/C/D subset) after it, so Qt falls back to it
# for rare name characters such as 𠈌 that Noto lacks.
BUNDLED_FONTS = ("NotoSansSC-Regular.ttf", "HanaMinB-ExtBCD.ttf")


def install_fonts(app, point_size: float = 10.5) -> list[str]:
    families: list[str] = []
    for filename in BUNDLED_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / filename))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    font = QFont(app.font())
    # The system's own Chinese UI fonts first where they exist (crisper hinting on Windows),
    # then the bundled Noto Sans SC, which is always there.
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", *families])
    font.setPointSizeF(point_size)
    app.setFont(font)
    return families
