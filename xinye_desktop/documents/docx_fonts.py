"""The bundled Ext. B font, cut down to the few rare characters a Word copy uses, for embedding in it.

A name such as 张𠈌华 needs a font with CJK Extension B. Windows has one (SimSun-ExtB), a PC with
LibreOffice on Linux usually has none and prints a box. So the .docx sets those characters in HanaMinB
(the font the PDF uses for them) and carries it, with only the glyphs it needs: a few kilobytes
instead of the bundled file's 24 MB. Word and LibreOffice load fonts embedded in a .docx (ECMA-376
Part 1, 17.8.1: the font file obfuscated with a GUID key); the font table names SimSun-ExtB as its
alternative for an editor that does not.

The subsetter is small because the bundled font is simple (resources/fonts/HanaMinB-LICENSE.txt):
TrueType outlines without composite glyphs or hinting, one advance width for all glyphs, a format 12
character map and no glyph names. ``subset_font`` refuses any font that is not so.
"""

from __future__ import annotations

import struct
import uuid
from functools import lru_cache

from ..paths import resources_dir
from .fonts import FALLBACK, FALLBACK_FILE

EMBEDDED_FONT = FALLBACK  # the family name inside the font file, which is what an editor registers
KEPT_TABLES = ("OS/2", "cmap", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")


class UnsupportedFont(ValueError):
    """The font uses a feature this small subsetter does not handle."""


def _bundled() -> bytes | None:
    """The bundled font's bytes (24 MB: read when needed, not kept)."""
    path = resources_dir() / "fonts" / FALLBACK_FILE
    return path.read_bytes() if path.exists() else None


@lru_cache(maxsize=1)
def _coverage() -> frozenset[int]:
    font = _bundled()
    if font is None:
        return frozenset()
    try:
        return frozenset(_char_map(_tables(font)["cmap"]))
    except (UnsupportedFont, KeyError, struct.error):
        return frozenset()


def embeds(ch: str) -> bool:
    """True for a character the embeddable font has."""
    return ord(ch) in _coverage()


def embeddable_subset(text: str) -> bytes | None:
    """The bundled fallback font cut to the characters of ``text`` it has, or None when it has none of
    them (or is not bundled)."""
    font = _bundled()
    if font is None:
        return None
    try:
        return subset_font(font, {ord(ch) for ch in text})
    except UnsupportedFont:
        return None


def _tables(font: bytes) -> dict[str, bytes]:
    count = struct.unpack(">H", font[4:6])[0]
    out = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        out[tag.decode("latin-1")] = font[offset:offset + length]
    return out


def _char_map(cmap: bytes) -> dict[int, int]:
    """Code point -> glyph of the (3, 10) format 12 subtable."""
    count = struct.unpack(">H", cmap[2:4])[0]
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i:12 + 8 * i])
        if (platform, encoding) == (3, 10) and struct.unpack(">H", cmap[offset:offset + 2])[0] == 12:
            groups = struct.unpack(">I", cmap[offset + 12:offset + 16])[0]
            out = {}
            for g in range(groups):
                start, end, glyph = struct.unpack(">III", cmap[offset + 16 + 12 * g:offset + 28 + 12 * g])
                for code in range(start, end + 1):
                    out[code] = glyph + code - start
            return out
    raise UnsupportedFont("no (3, 10) format 12 character map")


def subset_font(font: bytes, code_points: set[int]) -> bytes | None:
    """A TrueType font of ``font``'s glyphs for ``code_points`` (the ones it has) and .notdef, with the
    names, metrics and OS/2 data unchanged; None when it has none of them."""
    tables = _tables(font)
    if struct.unpack(">I", font[:4])[0] != 0x00010000 or not {"glyf", "loca", "cmap", "hmtx"} <= set(tables):
        raise UnsupportedFont("not a TrueType-outline font")
    head, hhea, maxp = tables["head"], tables["hhea"], tables["maxp"]
    long_loca = struct.unpack(">h", head[50:52])[0] == 1
    glyph_count = struct.unpack(">H", maxp[4:6])[0]
    loca = (struct.unpack(f">{glyph_count + 1}I", tables["loca"][:4 * (glyph_count + 1)]) if long_loca
            else tuple(2 * x for x in struct.unpack(f">{glyph_count + 1}H", tables["loca"][:2 * (glyph_count + 1)])))
    metrics = struct.unpack(">H", hhea[34:36])[0]
    if metrics != 1:
        raise UnsupportedFont("more than one advance width")
    cmap = _char_map(tables["cmap"])
    wanted = sorted(c for c in code_points if c in cmap)
    if not wanted:
        return None
    old_glyphs = [0] + sorted({cmap[c] for c in wanted})
    new_id = {old: new for new, old in enumerate(old_glyphs)}

    glyf, new_loca = bytearray(), []
    for old in old_glyphs:
        data = tables["glyf"][loca[old]:loca[old + 1]]
        if data and struct.unpack(">h", data[:2])[0] < 0:
            raise UnsupportedFont("composite glyphs")
        new_loca.append(len(glyf))
        glyf += data + b"\0" * (-len(data) % 4)
    new_loca.append(len(glyf))

    hmtx = tables["hmtx"]
    advance = hmtx[:2]
    side = [hmtx[2:4]] + [hmtx[4 + 2 * (old - 1):6 + 2 * (old - 1)] for old in old_glyphs[1:]]
    new_hmtx = advance + b"".join(side)

    # cmap: (3, 10) format 12, one group per character; and an empty (3, 1) format 4 subtable, which
    # Windows expects beside it.
    groups = b"".join(struct.pack(">III", c, c, new_id[cmap[c]]) for c in wanted)
    format12 = struct.pack(">HHIII", 12, 0, 16 + len(groups), 0, len(wanted)) + groups
    format4 = struct.pack(">HHHHHHHHHHHH", 4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0)
    new_cmap = struct.pack(">HH", 0, 2)
    new_cmap += struct.pack(">HHI", 3, 1, 4 + 16) + struct.pack(">HHI", 3, 10, 4 + 16 + len(format4))
    new_cmap += format4 + format12

    out = {tag: tables[tag] for tag in KEPT_TABLES if tag in tables}
    out["glyf"] = bytes(glyf)
    out["loca"] = struct.pack(f">{len(new_loca)}I", *new_loca)
    out["hmtx"] = new_hmtx
    out["cmap"] = new_cmap
    out["maxp"] = maxp[:4] + struct.pack(">H", len(old_glyphs)) + maxp[6:]
    out["hhea"] = hhea[:34] + struct.pack(">H", 1) + hhea[36:]
    out["head"] = head[:8] + b"\0\0\0\0" + head[12:50] + struct.pack(">h", 1) + head[52:]
    if "post" in out:  # format 3: no glyph names, so nothing to renumber
        out["post"] = struct.pack(">I", 0x00030000) + out["post"][4:32]
    return _assemble(out)


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _assemble(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, count, 16 * power, power.bit_length() - 1, 16 * (count - power))
    offset = 12 + 16 * count
    directory, body = b"", b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag.encode("latin-1"), _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    font = bytearray(header + directory + body)
    # head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA
    head_at = offset + sum(len(tables[t]) + (-len(tables[t]) % 4) for t in tags[:tags.index("head")])
    font[head_at + 8:head_at + 12] = struct.pack(">I", (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF)
    return bytes(font)


def obfuscate(font: bytes, key: uuid.UUID) -> bytes:
    """The font as a .docx carries it (an .odttf part): its first 32 bytes XORed with the key's 16 bytes
    in reverse order, twice over (ECMA-376 Part 1, 17.8.1)."""
    mask = bytes.fromhex(key.hex)[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def font_key(key: uuid.UUID) -> str:
    """The key as w:fontKey writes it: {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}."""
    return "{" + str(key).upper() + "}"
