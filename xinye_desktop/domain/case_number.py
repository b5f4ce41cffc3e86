"""案号: （年度）<prefix>调字第N号, the sequence restarting each year (domain.md §2.2)."""

from __future__ import annotations

import re

from .i18n import QT_TRANSLATE_NOOP

DEFAULT_PREFIX = "新"
_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,8}$")


def format_case_number(year: int, prefix: str, sequence: int) -> str:
    return f"（{year}）{prefix}调字第{sequence:03d}号"


def check_prefix(prefix: str) -> str | None:
    """Return an error message, or None when the prefix is usable (e.g. 新王 for 新野县王庄镇)."""
    prefix = (prefix or "").strip()
    if not _PREFIX.match(prefix):
        return QT_TRANSLATE_NOOP("Validation", "案号前缀应为1至8个汉字，如“新王”")
    if prefix.endswith("调") or "调字" in prefix:
        return QT_TRANSLATE_NOOP("Validation", "前缀里不用写“调字”，案号会自动加上")
    return None
