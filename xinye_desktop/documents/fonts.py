"""The bundled CJK fonts for reportlab, embedded as subsets, and Chinese line-breaking rules.

Noto Sans SC sets everything. It lacks the rare characters of CJK Extension B and later (𠈌 U+2020C
in a name, say), and reportlab does not fall back from one font to another glyph by glyph: ``markup``
escapes typed text for a Paragraph and sets each run of characters Noto Sans SC lacks in the fallback
font, HanaMinB (Hanazono Mincho B, a subset to Ext. B–D: resources/fonts/HanaMinB-LICENSE.txt).
The fallback font is read only when such a character first appears.

Lines break between any two Chinese characters, except where 避头尾 forbids it and, while a document
is built inside ``names_kept_whole``, inside a person's name: 彭振华 never ends one line with 彭 and
starts the next with 振华.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from xml.sax.saxutils import escape

from ..paths import resources_dir

FONT = "NotoSansSC"
FALLBACK = "HanaMinB"
FONT_FILE = "NotoSansSC-Regular.ttf"
FALLBACK_FILE = "HanaMinB-ExtBCD.ttf"

# Closing punctuation that must never start a line (避头尾). reportlab's list covers Japanese
# (、。」) but not the full-width Chinese comma, semicolon, colon, quotes and brackets.
CHINESE_CANNOT_START = "，。、；：！？）》」』】〕〉”’…·％"
# Opening punctuation and currency signs that must never end a line.
CHINESE_CANNOT_END = "（《「『【〔〈“‘¥￥"

_CANNOT_START: frozenset[str] = frozenset()
_CANNOT_END: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register Noto Sans SC (TrueType outlines, so reportlab embeds it) once per process, and teach
    reportlab the Chinese line-breaking rules and how to map characters beyond U+FFFF back to text."""
    global _CANNOT_START, _CANNOT_END
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import paragraph

    pdfmetrics.registerFont(TTFont(FONT, str(resources_dir() / "fonts" / FONT_FILE)))
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
    # reportlab hangs one closing mark in the margin but lets a second one (the "，" of "元整），")
    # start the next line, and ends lines with "（" or "“": both wrappers are replaced by ones that
    # move the break back instead (see ``_next_line_start``).
    _CANNOT_START = frozenset(paragraph.ALL_CANNOT_START + textsplit.ALL_CANNOT_START)
    _CANNOT_END = frozenset(textsplit.ALL_CANNOT_END + CHINESE_CANNOT_END)
    paragraph.cjkFragSplit = _cjk_frag_split
    textsplit.dumbSplit = _dumb_split
    # reportlab writes a character beyond U+FFFF into the ToUnicode map as "<2020C>", which is not valid
    # (PDF wants UTF-16BE, a surrogate pair): text extraction and search then lose 𠈌.
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    return FONT


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ttfonts.makeToUnicodeCMap, with code points beyond the BMP as UTF-16BE pairs."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        "<< /Registry (%s)" % fontname,
        "/Ordering (%s)" % fontname,
        "/Supplement 0",
        ">> def",
        "/CMapName /%s def" % fontname,
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<00> <%02X>" % (len(subset) - 1),
        "endcodespacerange",
        "%d beginbfchar" % len(subset),
        *("<%02X> <%s>" % (i, chr(v).encode("utf-16-be", "surrogatepass").hex().upper())
          for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ])


# ---------------------------------------------------------------- rare characters

@lru_cache(maxsize=1)
def _main_coverage() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@lru_cache(maxsize=1)
def _fallback_coverage() -> frozenset[int]:
    """The code points of the fallback font, registering it on first use; empty when it is not bundled."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = resources_dir() / "fonts" / FALLBACK_FILE
    if not path.exists():
        return frozenset()
    font = TTFont(FALLBACK, str(path))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def fallback_font() -> str | None:
    """The registered fallback font's name (registering it), or None when it is not bundled."""
    return FALLBACK if _fallback_coverage() else None


def needs_fallback(ch: str) -> bool:
    """True for a character the main font lacks and the fallback font has."""
    if ch.isspace() or ord(ch) in _main_coverage():
        return False
    return ord(ch) in _fallback_coverage()


def markup(text: str) -> str:
    """Typed text as Paragraph markup: & < > escaped, and each run of characters that Noto Sans SC lacks
    set in the fallback font (王㛃 stays as it is; 张𠈌华 → 张<font name="HanaMinB">𠈌</font>华).

    A character neither font has is left in the main font (it prints as an empty box). Line breaks are
    left as they are: the caller decides between <br/> and separate paragraphs.
    """
    text = text or ""
    covered = _main_coverage()
    if all(ord(ch) in covered or ch.isspace() for ch in text):
        return escape(text)
    out: list[str] = []
    run: list[str] = []
    for ch in text:
        if needs_fallback(ch):
            run.append(ch)
            continue
        if run:
            out.append(f'<font name="{FALLBACK}">{"".join(run)}</font>')
            run = []
        out.append(escape(ch))
    if run:
        out.append(f'<font name="{FALLBACK}">{"".join(run)}</font>')
    return "".join(out)


# ---------------------------------------------------------------- names kept whole

# The names no line may break inside, longest first, while a document is being built.
_KEPT_WHOLE: ContextVar[tuple[str, ...]] = ContextVar("kept_whole", default=())


@contextmanager
def names_kept_whole(names: Iterable[str]) -> Iterator[None]:
    """While a document is built inside this block, no line breaks inside any of ``names`` (wherever it
    appears: in a list of names, a sentence, a signature place). A name longer than the line is cut
    where the line is full, as any word that long. Single characters are no names to keep together."""
    kept = {" ".join((name or "").split()) for name in names}
    token = _KEPT_WHOLE.set(tuple(sorted((n for n in kept if len(n) > 1), key=len, reverse=True)))
    try:
        yield
    finally:
        _KEPT_WHOLE.reset(token)


def _inside_names(text: str) -> frozenset[int]:
    """The positions in ``text`` a line must not start at: those after a name's first character."""
    names = _KEPT_WHOLE.get()
    if not names:
        return frozenset()
    inside: set[int] = set()
    for name in names:
        at = text.find(name)
        while at != -1:
            inside.update(range(at + 1, at + len(name)))
            at = text.find(name, at + 1)
    return frozenset(inside)


# ---------------------------------------------------------------- line breaking (避头尾)

def _is_word(ch: str) -> bool:
    """Part of a Latin word or a number (12,000.00): a line should not break inside it."""
    return bool(ch) and ord(ch) < 0x3000 and not ch.isspace()


def _next_line_start(chars, start: int, end: int, inside: frozenset[int] = frozenset()) -> int:
    """Where the next line starts, when chars[start:end] overflowed by its last character.

    One closing mark may hang in the margin (reportlab's rule). Otherwise the overflowing character
    goes to the next line, and the break moves back until the new line does not start with closing
    punctuation, the old one does not end with opening punctuation or a currency sign, and no Latin
    word or number (¥12,000.00) or name (``inside``: positions within a name, ``_inside_names``) is
    cut, unless that would leave the line empty.
    """
    n = len(chars)
    last = chars[end - 1]
    closing = bool(last) and last in _CANNOT_START
    following = chars[end] if end < n else ""
    if closing and not (following and following in _CANNOT_START) and not (
            _is_word(last) and _is_word(following)) and end not in inside:  # not the "," of 12,000
        return end

    def bad(b: int) -> bool:
        here, before = chars[b], chars[b - 1]
        return bool((here and here in _CANNOT_START) or (before and before in _CANNOT_END)
                    or (_is_word(before) and _is_word(here)) or b in inside)

    b = end - 1
    while b > start + 1 and bad(b):
        b -= 1
    if bad(b):  # one word or run of punctuation fills the line: break where it overflowed
        return end if closing else max(end - 1, start + 1)
    return b


def _cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803 - reportlab's names
    """reportlab's paragraph.cjkFragSplit with ``_next_line_start`` deciding each break.

    A paragraph of several fragments of plain text (a name with 𠈌 in the fallback font) takes a fast
    path that gives the same lines: one width a distinct character, and a line's words built a run of
    one fragment at a time (reportlab measures and compares fragments character by character, most of
    the agreement's layout time). Inline images and <br/> take reportlab's way, ``_cjk_frag_split_units``.
    """
    from reportlab.lib.utils import isBytes

    texts = []
    for f in frags:
        text = f.text
        if isBytes(text):
            text = text.decode(encoding)
        if not text or hasattr(f, "cbDefn") or hasattr(f, "lineBreak"):
            return _cjk_frag_split_units(frags, maxWidths, calcBounds, encoding)
        texts.append(text)
    return _cjk_frag_split_plain(frags, texts, maxWidths)


def _cjk_frag_split_plain(frags, texts, maxWidths):  # noqa: N803
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
    from reportlab.platypus.paragraph import FragLine, ParaLines
    from reportlab.lib.rl_accel import sameFrag
    from reportlab.rl_config import _FUZZ

    chars: list[str] = []
    owners: list = []
    widths: list[float] = []
    measured: dict = {}
    for f, text in zip(frags, texts):
        known = measured.setdefault((f.fontName, f.fontSize), {})
        for ch in text:
            w = known.get(ch)
            if w is None:
                w = known[ch] = stringWidth(ch, f.fontName, f.fontSize)  # what cjkU measures
            widths.append(w)
        chars.extend(text)
        owners.extend([f] * len(text))

    def line(start: int, end: int, max_width: float, used: float):
        """reportlab's makeCJKParaLine of chars[start:end], a run of one fragment at a time."""
        words: list = []
        max_size = max_ascent = min_descent = 0
        k = start
        while k < end:
            f = owners[k]
            j = k + 1
            while j < end and owners[j] is f:
                j += 1
            size = f.fontSize
            ascent, descent = getAscentDescent(f.fontName, size)
            max_size, max_ascent, min_descent = max(max_size, size), max(max_ascent, ascent), min(min_descent, descent)
            if words and sameFrag(words[-1][0], f):
                words[-1][1].extend(chars[k:j])
            else:
                words.append((f, chars[k:j]))
            k = j
        out = []
        for f, run in words:
            word = f.clone()
            word.text = "".join(run)
            out.append(word)
        return FragLine(kind=1, extraSpace=max_width - used, wordCount=1, words=out, fontSize=max_size,
                        ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=used, lineBreak=False)

    lines = []
    i = start = 0
    used = 0
    max_width = maxWidths[0]
    count = len(chars)
    inside = _inside_names("".join(chars))
    while i < count:
        used += widths[i]
        i += 1
        if used > max_width + _FUZZ and used > 0:
            i = _next_line_start(chars, start, i, inside)
            used = sum(widths[start:i])
            lines.append(line(start, i, max_width, used))
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i
            used = 0
    if used > 0:
        lines.append(line(start, count, max_width, used))
    return ParaLines(kind=1, lines=lines)


def _cjk_frag_split_units(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803
    """The general case, as reportlab does it: one cjkU (character, fragment, width) a character."""
    from reportlab.lib.utils import isBytes
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
    from reportlab.rl_config import _FUZZ

    units = []
    for f in frags:
        text = f.text
        if isBytes(text):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(t, f, encoding) for t in text)
        else:
            units.append(cjkU(text, f, encoding))

    def width(u, max_width):
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return w

    lines = []
    i = used = start = 0
    max_width = maxWidths[0]
    count = len(units)
    inside = _inside_names("".join(u or "\n" for u in units))  # one position a unit: an image, a <br/>
    while i < count:
        u = units[i]
        i += 1
        used += width(u, max_width)
        line_break = hasattr(u.frag, "lineBreak")
        if (used > max_width + _FUZZ and used > 0) or line_break:
            if not line_break:
                i = _next_line_start(units, start, i, inside)
                used = sum(width(x, max_width) for x in units[start:i])
            lines.append(makeCJKParaLine(units[start:i], max_width, used, max_width - used, line_break, calcBounds))
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i
            used = 0
    if used > 0:
        lines.append(makeCJKParaLine(units[start:], max_width, used, max_width - used, False, calcBounds))
    return ParaLines(kind=1, lines=lines)


def _dumb_split(word, widths, maxWidths):  # noqa: N803 - reportlab's names
    """reportlab's textsplit.dumbSplit (a paragraph of one fragment) with ``_next_line_start``."""
    from reportlab.rl_config import _FUZZ

    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    lines = []
    i = used = start = 0
    max_width = maxWidths[0]
    count = len(word)
    inside = _inside_names(word)
    while i < count:
        used += widths[i]
        i += 1
        if used > max_width + _FUZZ and used > 0:
            i = _next_line_start(word, start, i, inside)
            used = sum(widths[start:i])
            lines.append([max_width - used, word[start:i].strip()])
            try:
                max_width = maxWidths[len(lines)]
            except IndexError:
                max_width = maxWidths[-1]
            start = i
            used = 0
    if used > 0:
        lines.append([max_width - used, word[start:]])
    return lines
