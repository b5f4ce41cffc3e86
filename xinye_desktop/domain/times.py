"""Times as a person reads them. The database keeps every time in UTC without a zone (storage/clock.utcnow):
a PC's clock zone can change, and the audit chain must hash the same text on every PC; what is shown is the
PC's local time (新野 is UTC+8), in one format everywhere: the case history, the audit trail and its
export, the accounts list."""

from __future__ import annotations

import datetime as dt


def local_time(at: dt.datetime | None, *, seconds: bool = False) -> str:
    """A stored UTC time (naive, as stored, or aware) as the PC's local time: ``2026-12-01 09:30`` (with
    ``seconds``: ``2026-12-01 09:30:05``); "" for None."""
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
