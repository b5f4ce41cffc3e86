"""案号: （年度）<prefix>调字第N号, the sequence restarting each year (domain.md §2.2).

The 调解卷宗's 卷号, （年度）人调字第N号 (domain.md §2.1, the cover of the MOJ format), takes the case's
year and sequence and writes N the same way: （2026）新调字第076号 is filed as （2026）人调字第076号, so
the two numbers on the cover can be matched at a glance.
"""

from __future__ import annotations

import re

from .i18n import QT_TRANSLATE_NOOP

DEFAULT_PREFIX = "新"
_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,8}$")


def sequence_text(sequence: int) -> str:
    """N of 第N号: at least three digits (076), more when the year runs past 999 cases (1024)."""
    return f"{sequence:03d}"


def format_case_number(year: int, prefix: str, sequence: int) -> str:
    return f"（{year}）{prefix}调字第{sequence_text(sequence)}号"


def format_file_number(year: int, sequence: int) -> str:
    """卷号 of the case's 调解卷宗: （2026）人调字第076号 for the case （2026）新调字第076号."""
    return f"（{year}）人调字第{sequence_text(sequence)}号"


def check_prefix(prefix: str) -> str | None:
    """Return an error message, or None when the prefix is usable (e.g. 新王 for 新野县王庄镇)."""
    prefix = (prefix or "").strip()
    if not _PREFIX.match(prefix):
        return QT_TRANSLATE_NOOP("Validation", "案号前缀应为1至8个汉字，如“新王”")
    if prefix.endswith("调") or "调字" in prefix:
        return QT_TRANSLATE_NOOP("Validation", "前缀里不用写“调字”，案号会自动加上")
    return None
