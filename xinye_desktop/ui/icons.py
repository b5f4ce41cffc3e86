"""The app's icon (drawn by tools/make_icon.py), at every size it was drawn for."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..paths import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"xinye-desktop-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon
