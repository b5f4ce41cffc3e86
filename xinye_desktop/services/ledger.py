"""台账: finding and picking cases. Read-only; pages of rows, never the whole table."""

from __future__ import annotations

from ..storage.database import Database
from ..storage.ledger_queries import LedgerFilter, LedgerQueries, LedgerRow

__all__ = ["LedgerFilter", "LedgerRow", "LedgerService"]


class LedgerService:
    """GUI-thread only: it reads through the database's single raw read connection."""

    def __init__(self, db: Database):
        self._db = db

    @property
    def _queries(self) -> LedgerQueries:
        return LedgerQueries(self._db.read_connection())

    def count(self, flt: LedgerFilter) -> int:
        return self._queries.count(flt)

    def page(self, flt: LedgerFilter, sort: str = "received_date", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[LedgerRow]:
        return self._queries.page(flt, sort, descending, offset, limit)

    def villages(self) -> list[tuple[int, str, str]]:
        return self._queries.villages()

    def total(self) -> int:
        return self._queries.case_count()
