"""Dates as Chinese documents write them: 2026年8月23日 (no leading zeros, never 2026-08-23).

Every date a document prints goes through ``chinese_date``; file names and the canonical payloads
behind the verification codes keep ISO dates.
"""

from __future__ import annotations

import datetime as dt


def chinese_date(day: dt.date) -> str:
    """2026年8月23日."""
    return f"{day.year}年{day.month}月{day.day}日"
