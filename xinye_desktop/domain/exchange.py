"""The exchange between a village and the 司法所 (issue 16): names and numbers both sides share, no I/O.

The package format itself is written down in docs/exchange-package.md; services/exchange/ reads and
writes it.
"""

from __future__ import annotations

import base64
import hashlib
import re

FORMAT = "xinye-exchange-package"
FORMAT_VERSION = 1
SUFFIX = ".xdx"

# A key's fingerprint, read over the phone: 80 bits of a SHA-256 as 16 base32 characters (A-Z and 2-7, so
# no 0 or 1 to take for O or I) in four groups, e.g. "K7QD-M2XA-PL4N-W6R3".
_FINGERPRINT_LABELS = {"committee": b"xinye committee signing key 1\0", "hub": b"xinye hub key 1\0"}


def fingerprint(public_key: bytes, kind: str = "committee") -> str:
    digest = hashlib.sha256(_FINGERPRINT_LABELS[kind] + public_key).digest()[:10]
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))


_TOWNSHIP = re.compile(r"[^省市县区旗]{1,12}?(?:镇|乡|街道)")
_VILLAGE = re.compile(r"[^省市县区旗镇乡]{1,12}?(?:村|社区)")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def committee_place(committee_name: str) -> tuple[str, str]:
    """(township, village) named in a committee's name, "" where it names none:
    新野县王庄镇王庄村人民调解委员会 -> (王庄镇, 王庄村)."""
    name = (committee_name or "").strip()
    township = _TOWNSHIP.search(name)
    rest = name[township.end():] if township else name
    village = _VILLAGE.search(rest)
    return (township.group(0) if township else "", village.group(0) if village else "")


def package_name(committee_name: str, year: int, month: int) -> str:
    """The package's file name: 王庄村-2026-12.xdx (the committee's name where it names no village)."""
    _township, village = committee_place(committee_name)
    stem = _UNSAFE.sub("", village or committee_name or "").strip(" .") or "调委会"
    return f"{stem}-{year:04d}-{month:02d}{SUFFIX}"
