"""The month's figures a package carries: the report's statistics (services/statistics.py, the definitions in
domain/statistics.py), clear, or an explicit zero report (零报告) when no dispute was received that month."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from enum import Enum

from ...domain.statistics import Period, PeriodKind
from ...storage.database import Database
from ..statistics import StatisticsService


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def month_figures(db: Database, year: int, month: int) -> dict:
    """The figures of one month for every village of the committee, as plain JSON values.

    Read through a read-only Database of its own: the statistics read on a plain sqlite3 connection, which
    belongs to the thread that made it, and a package may be written on a worker thread."""
    period = Period(PeriodKind.MONTH, year, month)
    reader = Database(db.path, read_only=True)
    try:
        stats = StatisticsService(reader).compute(period)
    finally:
        reader.close()
    figures = _plain(stats)
    figures["month"] = f"{year:04d}-{month:02d}"
    figures["succeeded"] = stats.succeeded
    figures["amount_wan"] = str(stats.amount_wan)
    # 零报告: a month with no dispute received is still reported, and says so rather than by omission.
    figures["zero_report"] = stats.registered == 0
    return figures
