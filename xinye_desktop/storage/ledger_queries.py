"""The case ledger's read queries, in plain SQL over the standard sqlite3 module.

Why not the ORM here: the ledger is what the window shows first, and importing SQLAlchemy costs
~270 ms at start (tech-notes.md); a page of 50-200 rows over 100k cases is one indexed query
either way. Writes still go through the ORM and its transactions.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ..domain.aftercare import CLOSING_DAYS, CONFIRMATION_DAYS
from .search_index import FTS_TABLE, MIN_FTS_LENGTH, fts_phrase

# A case that prevented a 民转刑 or a 群体性上访 (the statistics). The partial index ix_cases_prevented has
# exactly this WHERE; a query repeats it word for word, which is how SQLite knows it may use the index.
PREVENTED_CASES = "prevented_criminal_people IS NOT NULL OR prevented_petition_people IS NOT NULL"

# The keyed-hash columns of the parties' sealed numbers (storage/sealing.SEALED_COLUMNS, migration 0009).
PARTY_HASH_COLUMNS = frozenset({"phone_hash", "id_number_hash"})

# Every order ends on a unique key, so pages fetched one after another never repeat or skip rows.
SORT_COLUMNS = {
    "case_number": "c.year {d}, c.sequence {d}",
    "received_date": "c.received_date {d}, c.id {d}",
    "dispute_type": "c.dispute_type {d}, c.received_date DESC, c.id DESC",
    "village": "v.name {d}, c.received_date DESC, c.id DESC",
    "party_names": "c.party_names {d}, c.id DESC",
    "status": "c.status {d}, c.received_date DESC, c.id DESC",
    # The 30-day window runs from the effective date: sorting by it sorts by the deadline.
    "confirmation": "c.effective_on IS NULL, c.effective_on {d}, c.id {d}",
}

# The next visit still planned: one indexed look-up per row shown (ix_return_visits_case_due).
NEXT_VISIT = ("(SELECT MIN(rv.due_on) FROM return_visits rv WHERE rv.case_id = c.id "
              "AND rv.visited_on IS NULL AND rv.cancelled = 0)")
SELECT_COLUMNS = (
    "c.id, c.case_number, c.received_date, c.dispute_type, c.dispute_type_note, v.name, c.group_name, "
    "c.party_names, c.status, c.performance_status, c.confirmation_status, c.source, c.effective_on, "
    f"c.confirmable, {NEXT_VISIT}"
)


@dataclass(frozen=True)
class LedgerFilter:
    text: str = ""
    status: str | None = None
    dispute_type: str | None = None
    village_id: int | None = None
    date_from: dt.date | None = None  # 受理日期, both ends included
    date_to: dt.date | None = None
    host_id: int | None = None  # a 主持人 (role_people) who took part
    elder_id: int | None = None  # a 明白人 proposed and not withdrawn or recused
    performance: str | None = None  # 履行情况: a PerformanceStatus code
    confirmation: str | None = None  # 司法确认: a WindowState code (the 30-day window counts from today)
    # (keyed-hash column, hash) of a whole phone or 身份证号 typed as the text (services/ledger fills it in
    # while someone is logged in): a party's sealed number found by its hash, besides the text's matches.
    party_hashes: tuple[tuple[str, str], ...] = ()


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
    source: str = ""
    effective_on: str | None = None
    confirmable: bool | None = None
    next_visit: str | None = None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_clause(word: str) -> tuple[str, list]:
    """One search word: pinyin initials (zjg), the trigram index (3+ characters), or LIKE for the 1-2
    character words trigram cannot match (a surname, 秀英; tech-notes.md)."""
    pattern = f"%{_escape_like(word)}%"
    if word.isascii() and word.isalpha():
        return ("(c.party_initials LIKE ? ESCAPE '\\' OR c.case_number LIKE ? ESCAPE '\\')",
                [pattern.lower(), pattern])
    if len(word) >= MIN_FTS_LENGTH:
        return f"c.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [fts_phrase(word)]
    return ("(c.party_names LIKE ? ESCAPE '\\' OR c.case_number LIKE ? ESCAPE '\\' OR c.facts LIKE ? ESCAPE '\\')",
            [pattern, pattern, pattern])


# A written agreement in effect, with no application for 司法确认 yet: where the window's state depends
# on the day (domain.aftercare.confirmation_window, the same rule in SQL). ``{plus}`` is "+" for the
# open and closing windows: a few weeks of effective dates, so the planner should take the effective-date
# index rather than the status one (every written agreement ever made; 0.6 ms against 60 ms on 100k cases).
_NO_APPLICATION = ("c.confirmation_status IS NULL AND {plus}c.status = 'agreement_written' "
                   "AND c.effective_on IS NOT NULL AND c.confirmable = {eligible}")


def confirmation_clause(state: str, today: dt.date) -> tuple[str, list]:
    """SQL for the cases whose 司法确认 is in ``state`` (a WindowState code) on ``today``: the last day to
    apply is effective_on + 30 days; with 7 days or fewer left the window is about to close."""
    if state in ("applied", "confirmed", "refused"):
        return "c.confirmation_status = ?", [state]
    if state == "not_eligible":
        return "(" + _NO_APPLICATION.format(plus="", eligible=0) + ")", []
    # days left = effective_on + 30 - today: open > 7, closing 0..7, expired < 0
    closing_from = (today - dt.timedelta(days=CONFIRMATION_DAYS)).isoformat()  # the last day is today
    open_from = (today - dt.timedelta(days=CONFIRMATION_DAYS - CLOSING_DAYS - 1)).isoformat()  # 8 days left
    ranges = {"open": ("c.effective_on >= ?", [open_from]),
              "closing": ("c.effective_on >= ? AND c.effective_on < ?", [closing_from, open_from]),
              "expired": ("c.effective_on < ?", [closing_from])}
    if state not in ranges:
        raise KeyError(state)
    sql, params = ranges[state]
    plus = "" if state == "expired" else "+"
    return "(" + _NO_APPLICATION.format(plus=plus, eligible=1) + " AND " + sql + ")", params


def where_clause(flt: LedgerFilter, today: dt.date | None = None) -> tuple[str, list]:
    """SQL WHERE for a filter. Each word of the text must match the case number, a party's name or
    pinyin initials, or the facts; the other fields narrow it further. ``today`` (default: the
    computer's date) places the 30-day 司法确认 windows."""
    parts: list[str] = []
    params: list = []
    for word in flt.text.split():
        sql, more = _word_clause(word)
        parts.append(sql)
        params += more
    hashes = [(column, value) for column, value in flt.party_hashes if column in PARTY_HASH_COLUMNS and value]
    if hashes:
        # The text's matches or a party with that number (ix_parties_phone_hash, ix_parties_id_number_hash).
        by_hash = ("c.id IN (SELECT p.case_id FROM parties p WHERE "
                   + " OR ".join(f"p.{column} = ?" for column, _value in hashes) + ")")
        text = " AND ".join(parts)
        parts = [f"(({text}) OR {by_hash})" if parts else by_hash]
        params += [value for _column, value in hashes]
    if flt.status:
        parts.append("c.status = ?")
        params.append(flt.status)
    if flt.dispute_type:
        parts.append("c.dispute_type = ?")
        params.append(flt.dispute_type)
    if flt.village_id is not None:
        parts.append("c.village_id = ?")
        params.append(flt.village_id)
    if flt.date_from is not None:
        parts.append("c.received_date >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        parts.append("c.received_date <= ?")
        params.append(flt.date_to.isoformat())
    if flt.host_id is not None:
        parts.append("c.id IN (SELECT case_id FROM case_roles WHERE person_id = ?)")
        params.append(flt.host_id)
    if flt.elder_id is not None:
        parts.append("c.id IN (SELECT case_id FROM case_elders WHERE elder_id = ? AND ended IS NULL)")
        params.append(flt.elder_id)
    if flt.performance:
        parts.append("c.performance_status = ?")
        params.append(flt.performance)
    if flt.confirmation:
        sql, more = confirmation_clause(flt.confirmation, today or dt.date.today())
        parts.append(sql)
        params += more
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def page_sql(flt: LedgerFilter, sort: str, descending: bool, offset: int, limit: int,
             columns: str = SELECT_COLUMNS, today: dt.date | None = None) -> tuple[str, list]:
    where, params = where_clause(flt, today)
    order = SORT_COLUMNS[sort].format(d="DESC" if descending else "ASC")
    sql = (f"SELECT {columns} FROM cases c JOIN villages v ON v.id = c.village_id"
           f"{where} ORDER BY {order} LIMIT ? OFFSET ?")
    return sql, params + [limit, offset]


class LedgerQueries:
    def __init__(self, conn: sqlite3.Connection, today: dt.date | None = None):
        self._conn = conn
        self._today = today  # where the 司法确认 windows stand (None: the computer's date)

    def count(self, flt: LedgerFilter) -> int:
        where, params = where_clause(flt, self._today)
        return self._conn.execute(f"SELECT COUNT(*) FROM cases c{where}", params).fetchone()[0]

    def page(self, flt: LedgerFilter, sort: str = "received_date", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[LedgerRow]:
        sql, params = page_sql(flt, sort, descending, offset, limit, today=self._today)
        return [LedgerRow(*row) for row in self._conn.execute(sql, params)]

    def rows_with_facts(self, flt: LedgerFilter, sort: str, descending: bool, offset: int, limit: int
                        ) -> list[tuple[LedgerRow, str]]:
        """A page of rows with each case's facts (for the exported ledger)."""
        sql, params = page_sql(flt, sort, descending, offset, limit, SELECT_COLUMNS + ", c.facts", self._today)
        return [(LedgerRow(*row[:-1]), row[-1]) for row in self._conn.execute(sql, params)]

    def hosts(self) -> list[tuple[int, str, str]]:
        """Every 主持人 on the role lists (retired ones too: they served in older cases)."""
        return self._conn.execute("SELECT id, name, unit FROM role_people WHERE role = 'host' "
                                  "ORDER BY retired, name_initials, id").fetchall()

    def elders(self) -> list[tuple[int, str, str]]:
        """Every 明白人 with the village's name, for the ledger's filter."""
        return self._conn.execute("SELECT e.id, e.name, v.name FROM elders e JOIN villages v ON v.id = e.village_id "
                                  "ORDER BY v.name, e.name_initials, e.id").fetchall()

    def villages(self) -> list[tuple[int, str, str]]:
        return self._conn.execute("SELECT id, name, township FROM villages ORDER BY township, name").fetchall()

    def case_count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]

    def setting(self, key: str) -> str:
        """A setting read in this connection's snapshot ("" when unset), e.g. the committee's name for
        the exported ledger's page header."""
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] else ""


# -- today's work ------------------------------------------------------------------------------------
TODAY_LIMIT = 200  # items listed per kind; the count says how many there are


@dataclass(frozen=True)
class WorkRow:
    kind: str  # visit_overdue, visit_upcoming, term_deadline, confirmation_closing
    case_id: int
    case_number: str
    party_names: str
    day: str  # the date that matters: the visit's, the term's deadline, the window's last day
    detail: str  # a visit's reason code, a term's content, or the effective date
    obligor: str = ""
    ref_id: int | None = None  # the visit or term


def today_queries(conn: sqlite3.Connection, today: dt.date, ahead_days: int, term_back_days: int,
                  confirmation_days: int) -> dict[str, tuple[int, list[WorkRow]]]:
    """Each kind of today's work: (how many, the first TODAY_LIMIT, soonest or most overdue first)."""
    t = today.isoformat()
    ahead = (today + dt.timedelta(days=ahead_days)).isoformat()
    back = (today - dt.timedelta(days=term_back_days)).isoformat()
    # The window's last day is effective_on + 30: closing within ``ahead_days`` means effective_on in range.
    eff_from = (today - dt.timedelta(days=confirmation_days)).isoformat()
    eff_to = (today - dt.timedelta(days=confirmation_days) + dt.timedelta(days=ahead_days)).isoformat()
    visits = ("SELECT {cols} FROM return_visits rv JOIN cases c ON c.id = rv.case_id "
              "WHERE rv.visited_on IS NULL AND rv.cancelled = 0 AND {cond}")
    visit_cols = "rv.case_id, c.case_number, c.party_names, rv.due_on, rv.reason, '', rv.id"
    current_term = ("(t.agreement_id IS NULL OR t.agreement_id = "
                    "(SELECT MAX(t2.agreement_id) FROM performance_terms t2 WHERE t2.case_id = t.case_id))")
    terms = ("SELECT {cols} FROM performance_terms t JOIN cases c ON c.id = t.case_id "
             "WHERE t.deadline BETWEEN ? AND ? AND t.status != 'performed' "
             f"AND IFNULL(c.performance_status, '') != 'performed' AND {current_term}")
    # "+c.status": keep the planner on the effective-date index (a week of cases), not the status one
    # (every written agreement ever made).
    confirmations = ("SELECT {cols} FROM cases c WHERE c.effective_on BETWEEN ? AND ? "
                     "AND +c.status = 'agreement_written' AND c.confirmable = 1 AND c.confirmation_status IS NULL")
    specs = {
        "visit_overdue": (visits.format(cols="{cols}", cond="rv.due_on < ?"), visit_cols, [t], "rv.due_on, rv.id"),
        "visit_upcoming": (visits.format(cols="{cols}", cond="rv.due_on BETWEEN ? AND ?"), visit_cols, [t, ahead],
                           "rv.due_on, rv.id"),
        "term_deadline": (terms, "t.case_id, c.case_number, c.party_names, t.deadline, t.content, t.obligor, t.id",
                          [back, ahead], "t.deadline, t.id"),
        "confirmation_closing": (confirmations, "c.id, c.case_number, c.party_names, c.effective_on, '', '', NULL",
                                 [eff_from, eff_to], "c.effective_on, c.id"),
    }
    out = {}
    for kind, (sql, cols, params, order) in specs.items():
        count = conn.execute(sql.format(cols="COUNT(*)"), params).fetchone()[0]
        rows = conn.execute(sql.format(cols=cols) + f" ORDER BY {order} LIMIT {TODAY_LIMIT}", params).fetchall()
        out[kind] = (count, [WorkRow(kind, *row) for row in rows])
    return out
