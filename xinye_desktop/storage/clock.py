"""The clock storage keeps time by: naive UTC, as every timestamp column holds it. Services that stamp a
time (an answer given, a version printed) take it from here, not from the ORM records' module."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
