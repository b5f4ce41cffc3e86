"""The audit trail (issue 15): recording, reading with filters, exporting and verifying.

Other services record inside their own transaction, so the row and the change commit or roll back
together::

    with self._db.transaction() as uow:
        ...the change...
        audit.record(uow, AuditKind.PRINT, case_id, {"document": "协议书", "version": 2})

The row is signed by the transaction's actor (the logged-in account, storage/actor.py). A summary
holds what was done, never a full ID number or phone (mask them, domain/identity.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain.accounts import Permission
from ..domain.audit import AuditEntry, AuditFilter, AuditKind, ChainBreak
from ..domain.errors import Refused
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..storage.clock import utcnow
from ..storage.database import Database
from .accounts import AccountSession, authorised


# Where a transaction keeps the history lines it wrote until its audit row takes them (``record``).
_NOTED = "_audit_history"
FIELDS_MAX = 20  # field names a summary lists; more are counted


def history(uow, case_id: int, action: str, changes: list) -> None:
    """A line of the case's history (storage HistoryRepository), noted for the transaction's audit row:
    ``record`` names every line noted before it, so that the history and the trail agree line for line."""
    uow.history.add(case_id, action, changes)
    uow.__dict__.setdefault(_NOTED, []).append((case_id, action, changes))


def record(uow, kind: AuditKind | str, case_id: int | None = None, summary: dict | None = None) -> AuditEntry:
    """One audit row in the caller's transaction. The case history lines the transaction wrote through
    ``history`` go into its summary (their actions, and the names of the fields changed: never the
    values, which may hold a name, an address or a masked number). Dated by the actor source's clock
    where it has one (``UnitOfWork.clock``)."""
    summary = dict(summary or {})
    noted = uow.__dict__.pop(_NOTED, None)
    if noted:
        if case_id is None:
            case_id = noted[0][0]
        summary["history"] = [action for _case, action, _changes in noted]
        fields = list(dict.fromkeys(str(change[0]) for _c, _a, changes in noted for change in changes if change))
        if fields:
            summary["fields"] = fields[:FIELDS_MAX]
            if len(fields) > FIELDS_MAX:
                summary["more_fields"] = len(fields) - FIELDS_MAX
    clock = getattr(uow, "clock", None)
    return uow.audit.append(kind, case_id=case_id, summary=summary, at=clock() if clock else None)


def unrecorded(uow) -> list[tuple[int, str]]:
    """(case, action) of the history lines this transaction wrote that no audit row has taken yet."""
    return [(case, action) for case, action, _changes in uow.__dict__.get(_NOTED, [])]


@dataclass(frozen=True)
class AuditCheck:
    rows: int
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None


EXPORT_SUFFIXES = (".csv", ".xlsx")


def utc_bounds(since: dt.date | None, until: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The filter's local days (both included) as UTC times [start, end), as the rows are stored."""
    def utc(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time.min).astimezone(dt.timezone.utc).replace(tzinfo=None)

    return (utc(since) if since else None, utc(until + dt.timedelta(days=1)) if until else None)


class AuditService:
    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._clock = clock

    def record(self, kind: AuditKind | str, case_id: int | None = None, summary: dict | None = None) -> AuditEntry:
        """One row in a transaction of its own, for what writes nothing else (a document printed, a
        full ID number shown)."""
        with self._db.transaction() as uow:
            return uow.audit.append(kind, case_id=case_id, summary=summary, at=self._clock())

    def entries(self, session: AccountSession, filters: AuditFilter = AuditFilter()) -> list[AuditEntry]:
        """The rows an administrator asked for, newest first (a page: ``limit`` and ``before_id``)."""
        start, end = utc_bounds(filters.since, filters.until)
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.VIEW_AUDIT)
            return uow.audit.entries(filters, start=start, end=end)

    def count(self, session: AccountSession, filters: AuditFilter = AuditFilter()) -> int:
        """How many rows the filter selects (``before_id``: of those older than that row)."""
        start, end = utc_bounds(filters.since, filters.until)
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.VIEW_AUDIT)
            return uow.audit.count(filters, start=start, end=end)

    def actors(self, session: AccountSession) -> list[str]:
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.VIEW_AUDIT)
            return uow.audit.actors()

    def export(self, session: AccountSession, target: Path, filters: AuditFilter = AuditFilter(),
               committee: str = "") -> int:
        """Write the rows to ``target`` (.csv or .xlsx); the export is itself an audit row, committed only
        if the file was written. Returns the number of rows written."""
        from ..documents.audit_export import write_csv, write_xlsx

        target = Path(target)
        suffix = target.suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            raise Refused(QT_TRANSLATE_NOOP("Validation", "审计记录只能导出为 .csv 或 .xlsx 文件。"))
        start, end = utc_bounds(filters.since, filters.until)
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.VIEW_AUDIT)
            entries = uow.audit.entries(filters, start=start, end=end)
            count = write_csv(entries, target) if suffix == ".csv" else write_xlsx(entries, target, committee)
            uow.audit.append(AuditKind.EXPORT, at=self._clock(),
                             summary={"what": "audit_log", "rows": count, "file": target.name,
                                      **_filter_summary(filters)})
        return count

    def verify(self) -> AuditCheck:
        with self._db.transaction() as uow:
            rows, broken = uow.audit.verify()
        return AuditCheck(rows, broken)


def _filter_summary(filters: AuditFilter) -> dict:
    shown = {"actor": filters.actor, "account_id": filters.account_id, "case_id": filters.case_id,
             "kinds": list(filters.kinds), "since": filters.since.isoformat() if filters.since else None,
             "until": filters.until.isoformat() if filters.until else None}
    return {f"filter_{k}": v for k, v in shown.items() if v not in (None, "", [])}
