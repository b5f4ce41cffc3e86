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


def record(uow, kind: AuditKind | str, case_id: int | None = None, summary: dict | None = None) -> AuditEntry:
    """One audit row in the caller's transaction."""
    return uow.audit.append(kind, case_id=case_id, summary=summary)


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
        """The rows an administrator asked for, newest first."""
        start, end = utc_bounds(filters.since, filters.until)
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.VIEW_AUDIT)
            return uow.audit.entries(filters, start=start, end=end)

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
