"""Accounts and the audit trail: records in, domain values out. Never commits.

The audit trail's chain is computed here, in the transaction that makes the change it records: the
transaction holds SQLite's write lock from its start (BEGIN IMMEDIATE, storage/database.py), so the
row read as "the last one" is still the last one when the new row is added after it. On PostgreSQL (the
hub, issue 16 item 5), where several clerks write at once, the transaction takes an advisory lock of its
own first (held to its commit or rollback): appends queue one after the other as on SQLite, instead of
two reading the same last row and one failing on the primary key.

What PostgreSQL has no counterpart of: SQLite's sqlite_sequence, the highest id ever issued, with which
``verify`` sees rows cut off the end. A sequence would not do (its value is not rolled back with a failed
write, which would then read as a cut). There the append-only triggers (UPDATE, DELETE, TRUNCATE refused,
migration 0008) guard the end, and ``verify`` checks the chain's head, gaps, links and hashes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Callable, Iterator

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..domain.accounts import AccountRole, username_key
from ..domain.audit import (
    GENESIS, AuditEntry, AuditFilter, ChainBreak, at_text, row_hash, summary_text, verify_chain,
)
from ..domain.errors import NotFound
from .clock import utcnow
from .records import AccountRecord, AuditRecord, CaseRecord, CaseRoleRecord, RolePersonRecord

ACTOR_MAX = 30  # the actor column's width


@dataclass(frozen=True)
class StoredAccount:
    """An account as stored, secrets included: for services/accounts.py only, never shown."""

    id: int
    username: str
    display_name: str
    role: AccountRole
    password_hash: str
    wrapped_key: str
    must_set_password: bool
    failed_logins: int
    last_failed_at: dt.datetime | None
    locked_until: dt.datetime | None
    disabled: bool
    last_login_at: dt.datetime | None
    created_at: dt.datetime


def _to_stored(r: AccountRecord) -> StoredAccount:
    return StoredAccount(id=r.id, username=r.username, display_name=r.display_name, role=AccountRole(r.role),
                         password_hash=r.password_hash, wrapped_key=r.wrapped_key,
                         must_set_password=r.must_set_password, failed_logins=r.failed_logins,
                         last_failed_at=r.last_failed_at, locked_until=r.locked_until, disabled=r.disabled,
                         last_login_at=r.last_login_at, created_at=r.created_at)


# The columns services may change on an account; anything else is fixed once made.
_CHANGEABLE = {"display_name", "role", "password_hash", "wrapped_key", "must_set_password", "failed_logins",
               "last_failed_at", "locked_until", "disabled", "last_login_at"}


class AccountRepository:
    def __init__(self, session: Session):
        self._s = session

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(AccountRecord)) or 0

    def all(self) -> list[StoredAccount]:
        return [_to_stored(r) for r in self._s.scalars(select(AccountRecord).order_by(AccountRecord.id))]

    def get(self, account_id: int) -> StoredAccount:
        record = self._s.get(AccountRecord, account_id)
        if record is None:
            raise NotFound(f"account {account_id}")
        return _to_stored(record)

    def find(self, username: str) -> StoredAccount | None:
        """The account of a user name as typed (compared in its stored, case-folded form); the name is
        a bound parameter, whatever it holds."""
        record = self._s.scalars(select(AccountRecord).where(AccountRecord.username == username_key(username))).first()
        return None if record is None else _to_stored(record)

    def add(self, *, username: str, display_name: str, role: AccountRole, password_hash: str = "",
            wrapped_key: str = "", must_set_password: bool = False) -> StoredAccount:
        record = AccountRecord(username=username_key(username), display_name=display_name, role=role.value,
                               password_hash=password_hash, wrapped_key=wrapped_key,
                               must_set_password=must_set_password, failed_logins=0, disabled=False)
        self._s.add(record)
        self._s.flush()
        return _to_stored(record)

    def update(self, account_id: int, **changes) -> StoredAccount:
        unknown = set(changes) - _CHANGEABLE
        if unknown:
            raise ValueError(f"not changeable: {sorted(unknown)}")
        record = self._s.get(AccountRecord, account_id)
        if record is None:
            raise NotFound(f"account {account_id}")
        for name, value in changes.items():
            setattr(record, name, value.value if isinstance(value, AccountRole) else value)
        self._s.flush()
        return _to_stored(record)

    def standing(self, account_id: int) -> tuple[AccountRole, bool, str] | None:
        """(role, disabled, display name) of an account, or None: what a permission check needs, read
        without building the whole account (it is asked in every write's transaction)."""
        conn = self._s.connection()
        if conn.dialect.name == "sqlite":
            row = conn.exec_driver_sql(
                "SELECT role, disabled, display_name FROM accounts WHERE id = ?", (account_id,)).first()
        else:  # a hub's PostgreSQL database: psycopg's placeholders are not sqlite3's
            row = conn.execute(select(AccountRecord.role, AccountRecord.disabled, AccountRecord.display_name)
                               .where(AccountRecord.id == account_id)).first()
        return None if row is None else (AccountRole(row[0]), bool(row[1]), row[2])

    def enabled_admins(self) -> int:
        return self._s.scalar(select(func.count()).select_from(AccountRecord).where(
            AccountRecord.role == AccountRole.ADMIN.value, AccountRecord.disabled.is_(False))) or 0

    def is_on_case(self, display_name: str, case_id: int) -> bool:
        """Whether a person of this name is one of the case's 主持人/见证人/记录人 (case_roles): how a
        记录人's account is matched to the cases they are on."""
        found = self._s.scalar(select(CaseRoleRecord.id).join(RolePersonRecord, CaseRoleRecord.person_id ==
                                                               RolePersonRecord.id)
                               .where(CaseRoleRecord.case_id == case_id, RolePersonRecord.name == display_name)
                               .limit(1))
        return found is not None


AUDIT_COLUMNS = "id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash"
_CHAIN_END = ("SELECT (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), "
              "(SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), "
              "(SELECT seq FROM sqlite_sequence WHERE name = 'audit_log')")
_APPEND = f"INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
# PostgreSQL: the same, in bound parameters (psycopg's placeholders are not sqlite3's), after the lock.
_AUDIT_LOCK = 0x78696E79_65617564  # pg_advisory_xact_lock's key for appending to audit_log ("xinyeaud")
_PG_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
_PG_CHAIN_END = text("SELECT id, row_hash, NULL FROM audit_log ORDER BY id DESC LIMIT 1")
_PG_APPEND = text(f"INSERT INTO audit_log ({AUDIT_COLUMNS}) VALUES "
                  "(:id, :at, :account_id, :actor, :kind, :case_id, :summary, :prev_hash, :row_hash)")


class AuditRepository:
    """Append-only (the table's triggers refuse UPDATE and DELETE)."""

    def __init__(self, session: Session, actor: Callable[[], str] = lambda: "",
                 account_id: Callable[[], int | None] = lambda: None):
        self._s = session
        self._actor = actor
        self._account_id = account_id

    def append(self, kind: str, *, case_id: int | None = None, summary: dict | None = None,
               actor: str | None = None, account_id: int | None = None, at: dt.datetime | None = None) -> AuditEntry:
        """One row after the last, chained to it. Signed by the transaction's actor unless ``actor``
        (and ``account_id``) are given: a login signs with the account logging in."""
        if actor is None:
            actor, account_id = self._actor(), self._account_id()
        actor = (actor or "")[:ACTOR_MAX]
        kind = getattr(kind, "value", kind)
        at = at or utcnow()
        text_summary = summary_text(summary)
        # The last row and AUTOINCREMENT's counter in one statement, and the row inserted in plain SQL:
        # this runs in every write's transaction (nothing reads the row back through the session).
        conn = self._s.connection()
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            last_id, prev, issued = conn.exec_driver_sql(_CHAIN_END).one()
        else:
            conn.execute(_PG_LOCK, {"key": _AUDIT_LOCK})
            last_id, prev, issued = conn.execute(_PG_CHAIN_END).one_or_none() or (None, None, None)
        # The next id is fixed here, not by SQLite, because the hash includes it. AUTOINCREMENT's
        # counter may be ahead of the last row only if rows were cut off the end: the new row then
        # continues after the counter, and verify still reports the cut.
        row_id = max(last_id or 0, issued or 0) + 1
        prev = prev or GENESIS
        digest = row_hash(id=row_id, at=at, account_id=account_id, actor=actor, kind=kind, case_id=case_id,
                          summary=text_summary, prev_hash=prev)
        # ``at`` as the text the hash took (what SQLAlchemy's DateTime writes, domain/audit.at_text).
        if sqlite:
            conn.exec_driver_sql(_APPEND, (row_id, at_text(at), account_id, actor, kind, case_id, text_summary,
                                           prev, digest))
        else:  # the time as a timestamp: read back, it gives the same text as hashed (at_text)
            conn.execute(_PG_APPEND, {"id": row_id, "at": at, "account_id": account_id, "actor": actor, "kind": kind,
                                      "case_id": case_id, "summary": text_summary, "prev_hash": prev,
                                      "row_hash": digest})
        return AuditEntry(id=row_id, at=at, account_id=account_id, actor=actor, kind=kind, case_id=case_id,
                          summary=json.loads(text_summary))

    def count(self, filters: AuditFilter | None = None, *, start: dt.datetime | None = None,
              end: dt.datetime | None = None) -> int:
        """How many rows pass ``filters`` (every row without one); ``limit`` is not counted against, and
        ``before_id`` counts those older than it. ``start``/``end`` as for ``entries``."""
        query = select(func.count()).select_from(AuditRecord)
        if filters is not None or start is not None or end is not None:
            query = _narrowed(query, filters or AuditFilter(), start, end)
        return self._s.scalar(query) or 0

    def entries(self, filters: AuditFilter = AuditFilter(), *, start: dt.datetime | None = None,
                end: dt.datetime | None = None) -> list[AuditEntry]:
        """The rows that pass ``filters``, newest first, with each case's 案号: at most ``limit``, and
        only those older than ``before_id`` (the last row of the page before: keyset paging, so a later
        page reads its own rows through the primary key, not every row before it). ``start``/``end`` are
        UTC bounds (end excluded) the service makes of the filter's local days."""
        query = (select(AuditRecord, CaseRecord.case_number).outerjoin(CaseRecord, CaseRecord.id == AuditRecord.case_id)
                 .order_by(AuditRecord.id.desc()))
        query = _narrowed(query, filters, start, end)
        if filters.limit:
            query = query.limit(filters.limit)
        return [AuditEntry(id=r.id, at=r.at, account_id=r.account_id, actor=r.actor, kind=r.kind, case_id=r.case_id,
                           summary=_summary(r.summary), case_number=number or "")
                for r, number in self._s.execute(query)]

    def actors(self) -> list[str]:
        """Every name the trail holds, for the person filter."""
        return sorted(self._s.scalars(select(AuditRecord.actor).distinct()))

    def verify(self) -> tuple[int, ChainBreak | None]:
        """(rows checked, the first break or None), walking the chain in id order."""
        rows = self._s.execute(text(f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id"))
        issued = None  # PostgreSQL keeps no highest id issued (above)
        if self._s.get_bind().dialect.name == "sqlite":
            issued = self._s.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")).scalar()
        return verify_chain((tuple(r) for r in rows), issued)


def _narrowed(query, filters: AuditFilter, start: dt.datetime | None, end: dt.datetime | None):
    """``query`` with the WHERE of a filter (the same for a page and for its count)."""
    if filters.actor:
        query = query.where(AuditRecord.actor == filters.actor)
    if filters.account_id is not None:
        query = query.where(AuditRecord.account_id == filters.account_id)
    if filters.case_id is not None:
        query = query.where(AuditRecord.case_id == filters.case_id)
    if filters.kinds:
        query = query.where(AuditRecord.kind.in_([getattr(k, "value", k) for k in filters.kinds]))
    if filters.before_id is not None:
        query = query.where(AuditRecord.id < filters.before_id)
    if start is not None:
        query = query.where(AuditRecord.at >= start)
    if end is not None:
        query = query.where(AuditRecord.at < end)
    return query


def _summary(stored: str) -> dict:
    try:
        value = json.loads(stored)
    except ValueError:  # a row changed by hand: shown as it is (verify reports it)
        return {"text": stored}
    return value if isinstance(value, dict) else {"text": stored}


def verify_audit_file(conn: sqlite3.Connection) -> tuple[int, ChainBreak | None] | None:
    """The chain of a database read through a plain sqlite3 connection (the check command reads the
    file read-only); None when the file has no audit trail yet (a schema before 0008)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_log'").fetchone() is None:
        return None
    issued = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").fetchone()
    return verify_chain(_rows(conn.execute(f"SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY id")),
                        issued[0] if issued else None)


def _rows(cursor) -> Iterator[tuple]:
    yield from cursor
