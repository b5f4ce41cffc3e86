"""The bundled CJK font for reportlab, embedded as a subset, and Chinese line-breaking rules."""

from __future__ import annotations

from functools import lru_cache

from ..paths import resources_dir

FONT = "NotoSansSC"

# Closing punctuation that must never start a line (避头尾). reportlab's list covers Japanese
# (、。」) but not the full-width Chinese comma, semicolon, colon, quotes and brackets.
CHINESE_CANNOT_START = "，。、；：！？）》」』】〕〉”’…·％"


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register Noto Sans SC (TrueType outlines, so reportlab embeds it) once per process."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import paragraph

    pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / "fonts" / "NotoSansSC-Regular.ttf")))
    rl_config.canvas_basefontname = FONT  # no stray non-embedded Helvetica in our PDFs
    # The CJK wrapper reads this module-level string; extending it makes such a character hang
    # at the end of the line instead of starting the next one.
    missing = "".join(ch for ch in CHINESE_CANNOT_START if ch not in paragraph.ALL_CANNOT_START)
    paragraph.ALL_CANNOT_START += missing
    # A paragraph of one fragment (plain text, no markup) is wrapped by lib.textsplit instead,
    # which keeps a list of its own.
    from reportlab.lib import textsplit

    missing = "".join(ch for ch in CHINESE_CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += missing
    return FONT
