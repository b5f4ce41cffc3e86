"""台账: finding and picking cases, today's work, and the 矛盾化解台账 as an Excel file. Read-only; pages
of rows, never the whole table in memory."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..domain.aftercare import (
    CONFIRMATION_DAYS, UPCOMING_DAYS, VisitReason, WindowState, confirmation_deadline, confirmation_window,
    describe_window,
)
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.enums import CaseSource, CaseStatus, ConfirmationStatus, DisputeType, PerformanceStatus
from ..domain.identity import whole_identifier
from ..storage.database import Database, configure_connection
from ..storage.ledger_queries import LedgerFilter, LedgerQueries, LedgerRow, WorkRow, today_queries
from . import audit
from .access import guard

__all__ = ["EXPORT_HEADERS", "EXPORT_TITLE", "LedgerFilter", "LedgerRow", "LedgerService", "TodayWork", "WorkRow"]


def __getattr__(name: str):
    # The export's title and headings, from the workbook's module when first asked for: that module measures
    # its columns when imported (~4 ms), and the ledger and today's work are on the way to the first window.
    if name in ("EXPORT_HEADERS", "EXPORT_TITLE"):
        from ..documents import ledger_xlsx

        return getattr(ledger_xlsx, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

EXPORT_PAGE = 2000
TERM_BACK_DAYS = 30  # a term's deadline that passed up to this long ago, still not performed, stays listed
# The 司法确认 filter's choices, in the order a clerk follows a case (``LedgerFilter.confirmation``).
CONFIRMATION_FILTERS = (WindowState.OPEN, WindowState.CLOSING, WindowState.EXPIRED, WindowState.APPLIED,
                        WindowState.CONFIRMED, WindowState.REFUSED, WindowState.NOT_ELIGIBLE)


def window_of(row: LedgerRow, today: dt.date):
    """The 司法确认 window of a ledger row."""
    effective = dt.date.fromisoformat(row.effective_on) if row.effective_on else None
    return confirmation_window(CaseStatus(row.status), None if row.confirmable is None else bool(row.confirmable),
                               effective, ConfirmationStatus.from_code(row.confirmation_status), today)


def export_cells(number: int, row: LedgerRow, facts: str, today: dt.date) -> list:
    """One line of the exported ledger, in Chinese (the official form is Chinese whatever the UI language)."""
    dtype = DisputeType(row.dispute_type).label
    return [number, row.case_number, row.received_date, CaseSource(row.source).label if row.source else "",
            f"{dtype}（{row.dispute_type_note}）" if row.dispute_type_note else dtype, row.village, row.group,
            "、".join(row.party_names.split(" ")), facts, CaseStatus(row.status).label, row.effective_on or "",
            PerformanceStatus(row.performance_status).label if row.performance_status else "",
            describe_window(window_of(row, today)), row.next_visit or ""]


@dataclass(frozen=True)
class TodayWork:
    """What needs doing, each kind with its count and its first rows (soonest or most overdue first)."""

    today: dt.date
    visits_overdue: tuple[int, list[WorkRow]]
    visits_upcoming: tuple[int, list[WorkRow]]
    term_deadlines: tuple[int, list[WorkRow]]
    confirmations_closing: tuple[int, list[WorkRow]]

    @property
    def total(self) -> int:
        return sum(kind[0] for kind in (self.visits_overdue, self.visits_upcoming, self.term_deadlines,
                                        self.confirmations_closing))


class LedgerService:
    """GUI-thread only, except ``export_xlsx``, which opens a connection of its own."""

    def __init__(self, db: Database, today=dt.date.today):
        self._db = db
        self._today = today

    @property
    def _queries(self) -> LedgerQueries:
        return LedgerQueries(self._db.read_connection(), self._today())

    def today(self) -> dt.date:
        return self._today()

    def searched(self, flt: LedgerFilter) -> LedgerFilter:
        """``flt`` with the keyed hash of its text when the text is a whole phone number or a valid
        身份证号 (domain/identity.whole_identifier): the parties' numbers are sealed, so the text search
        cannot see them, and only a whole number has a hash to match (a part finds nothing by design).
        Without a sealer (no one logged in) there is no hash: the text search alone."""
        if flt.party_hashes or self._db.sealer is None:
            return flt
        found = whole_identifier(flt.text, self._today())
        if found is None:
            return flt
        from ..storage.sealing import Sealing  # loaded with the sealer already (none before a login)

        kind, number = found
        hashed = Sealing(self._db.sealer).blind(kind, number)
        return replace(flt, party_hashes=((f"{kind}_hash", hashed),)) if hashed else flt

    def count(self, flt: LedgerFilter) -> int:
        return self._queries.count(self.searched(flt))

    def page(self, flt: LedgerFilter, sort: str = "received_date", descending: bool = True,
             offset: int = 0, limit: int = 200) -> list[LedgerRow]:
        return self._queries.page(self.searched(flt), sort, descending, offset, limit)

    def villages(self) -> list[tuple[int, str, str]]:
        return self._queries.villages()

    def hosts(self) -> list[tuple[int, str, str]]:
        return self._queries.hosts()

    def elders(self) -> list[tuple[int, str, str]]:
        return self._queries.elders()

    def total(self) -> int:
        return self._queries.case_count()

    def work(self) -> TodayWork:
        """Today's work: overdue and upcoming return visits, terms whose deadline is near or passed
        unperformed, and 司法确认 windows about to close."""
        today = self._today()
        found = today_queries(self._db.read_connection(), today, UPCOMING_DAYS, TERM_BACK_DAYS, CONFIRMATION_DAYS)
        return TodayWork(today, found["visit_overdue"], found["visit_upcoming"], found["term_deadline"],
                         found["confirmation_closing"])

    def export_xlsx(self, flt: LedgerFilter, sort: str, descending: bool, target: Path,
                    progress: Callable[[int, int], None] | None = None) -> int:
        """Write the ledger as filtered and sorted to an .xlsx file (atomically); returns the row count.
        Safe from a worker thread: it reads through a connection of its own, page by page, and the
        workbook is streamed (``documents.ledger_xlsx``), so 100,000 rows never sit in memory at once."""
        from ..documents.ledger_xlsx import EXPORT_TITLE, write_ledger

        target = Path(target)
        today = self._today()
        flt = self.searched(flt)  # the rows the list shows
        with self._db.transaction() as uow:  # refused before anything is read or written
            guard(uow, Permission.EXPORT)
        conn = sqlite3.connect(self._db.path, isolation_level=None)
        tmp = target.with_name(target.name + ".tmp")
        written = 0
        try:
            configure_connection(conn)
            conn.execute("BEGIN")  # one snapshot: rows saved meanwhile neither appear half nor shift pages
            queries = LedgerQueries(conn, today)
            total = queries.count(flt)
            committee = queries.setting("committee_name")

            def lines():
                nonlocal written
                while True:
                    rows = queries.rows_with_facts(flt, sort, descending, written, EXPORT_PAGE)
                    for row, facts in rows:
                        written += 1
                        yield export_cells(written, row, facts, today)
                    if progress is not None:
                        progress(written, total)
                    if len(rows) < EXPORT_PAGE:
                        return

            target.parent.mkdir(parents=True, exist_ok=True)
            write_ledger(tmp, EXPORT_TITLE + f"（{today.isoformat()}导出，共{total}件）", committee, lines())
            conn.execute("COMMIT")
            # The file is put in place inside the transaction of its audit row: both or neither. (The
            # filter's search text is left out of the row: it may be a name or a phone number.)
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                if not self._db.read_only:  # a read-only folder (a copy on a CD) cannot hold the row
                    audit.record(uow, AuditKind.EXPORT, None, {"what": "ledger", "rows": written,
                                                               "file": target.name})
                os.replace(tmp, target)
            return written
        finally:
            tmp.unlink(missing_ok=True)
            conn.close()


def visit_reason_label(code: str) -> str:
    return VisitReason(code).label


def deadline_of(row: WorkRow) -> str:
    """The last day of a closing window (its row carries the effective date)."""
    return confirmation_deadline(dt.date.fromisoformat(row.day)).isoformat()
