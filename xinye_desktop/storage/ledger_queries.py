"""The case ledger's read queries, in plain SQL over the standard sqlite3 module.

Why not the ORM here: the ledger is what the window shows first, and importing SQLAlchemy costs
~270 ms at start (tech-notes.md); a page of 50-200 rows over 100k cases is one indexed query
either way. Writes still go through the ORM and its transactions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Every order ends on a unique key, so pages fetched one after another never repeat or skip rows.
SORT_COLUMNS = {
    "case_number": "c.year {d}, c.sequence {d}",
    "received_date": "c.received_date {d}, c.id {d}",
    "dispute_type": "c.dispute_type {d}, c.received_date DESC, c.id DESC",
    "village": "v.name {d}, c.received_date DESC, c.id DESC",
    "party_names": "c.party_names {d}, c.id DESC",
    "status": "c.status {d}, c.received_date DESC, c.id DESC",
}

SELECT_COLUMNS = (
    "c.id, c.case_number, c.received_date, c.dispute_type, c.dispute_type_note, v.name, c.group_name, "
    "c.party_names, c.status, c.performance_status, c.confirmation_status"
)


@dataclass(frozen=True)
class LedgerFilter:
    text: str = ""
    status: str | None = None
    dispute_type: str | None = None
    village_id: int | None = None


@dataclass(frozen=True)
class LedgerRow:
    id: int
    case_number: str
    received_date: str
    dispute_type: str
    dispute_type_note: str
    village: str
    group: str
    party_names: str
    status: str
    performance_status: str | None
    confirmation_status: str | None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where_clause(flt: LedgerFilter) -> tuple[str, list]:
    """SQL WHERE for a filter. Text matches the case number, party names, or pinyin initials."""
    parts: list[str] = []
    params: list = []
    text = flt.text.strip()
    if text:
        pattern = f"%{_escape_like(text)}%"
        if text.isascii() and text.isalpha():
            parts.append("(c.party_initials LIKE ? ESCAPE '\\' OR c.case_number LIKE ? ESCAPE '\\')")
            params += [pattern.lower(), pattern]
        else:
            parts.append("(c.party_names LIKE ? ESCAPE '\\' OR c.case_number LIKE ? ESCAPE '\\')")
            params += [pattern, pattern]
    if flt.status:
        parts.append("c.status = ?")
        params.append(flt.status)
    if flt.dispute_type:
        parts.append("c.dispute_type = ?")
        params.append(flt.dispute_type)
    if flt.village_id is not None:
        parts.append("c.village_id = ?")
        params.append(flt.village_id)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def page_sql(flt: LedgerFilter, sort: str, descending: bool, offset: int, limit: int) -> tuple[str, list]:
    where, params = where_clause(flt)
    order = SORT_COLUMNS[sort].format(d="DESC" if descending else "ASC")
    sql = (f"SELECT {SELECT_COLUMNS} FROM cases c JOIN villages v ON v.id = c.village_id"
           f"{where} ORDER BY {order} LIMIT ? OFFSET ?")
    return sql, params + [limit, offset]


class LedgerQueries:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def count(self, flt: LedgerFilter) -> int:
        where, params = where_clause(flt)
        return self._conn.execute(f"SELECT COUNT(*) FROM cases c{where}", params).fetchone()[0]

    def page(self, flt: LedgerFilter, sort: str = "received_date", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[LedgerRow]:
        sql, params = page_sql(flt, sort, descending, offset, limit)
        return [LedgerRow(*row) for row in self._conn.execute(sql, params)]

    def villages(self) -> list[tuple[int, str, str]]:
        return self._conn.execute("SELECT id, name, township FROM villages ORDER BY township, name").fetchall()

    def case_count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
