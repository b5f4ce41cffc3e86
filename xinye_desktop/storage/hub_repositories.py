"""Reading and writing the hub's tables (storage/hub_records.py) inside the caller's transaction.

Bulk statements (Core ``insert``/``update`` with a list of parameter sets: one executemany each), the
lookups in chunks of uuids: a village's year is some thousands of rows, and an import is one transaction.
The same SQL on SQLite and PostgreSQL. Never commits.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import and_, bindparam, func, insert, select, update

from ..domain.hub_overview import DERIVED_COLUMNS
from .records import Base

_CHUNK = 500


def _table(name: str):
    return Base.metadata.tables[name]


def _chunks(values: list, size: int = _CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


@dataclass(frozen=True)
class HeldRow:
    """What the hub holds of one village row: enough to say whether an incoming copy is newer."""

    id: int
    row_version: int
    deleted_version: int | None
    case_uuid: str | None


class HubRepository:
    def __init__(self, session):
        self._s = session

    @property
    def dialect(self) -> str:
        return self._s.get_bind().dialect.name

    # -- the folder ---------------------------------------------------------------------------------------
    def committee_cases(self) -> int:
        """How many cases of its own the data folder holds (a hub's folder holds none)."""
        return self._s.execute(select(func.count()).select_from(_table("cases"))).scalar() or 0

    # -- committees -------------------------------------------------------------------------------------------
    def committee(self, committee_id: str) -> dict | None:
        t = _table("hub_committees")
        row = self._s.execute(select(t).where(t.c.id == committee_id)).mappings().first()
        return dict(row) if row else None

    def committees(self) -> list[dict]:
        t = _table("hub_committees")
        return [dict(r) for r in self._s.execute(select(t).order_by(t.c.township, t.c.name)).mappings()]

    def add_committee(self, **values) -> None:
        self._s.execute(insert(_table("hub_committees")).values(**values))

    def update_committee(self, committee_id: str, **values) -> None:
        t = _table("hub_committees")
        self._s.execute(update(t).where(t.c.id == committee_id).values(**values))

    # -- packages ----------------------------------------------------------------------------------------------
    def package_by_manifest(self, manifest_sha256: str) -> dict | None:
        t = _table("hub_packages")
        row = self._s.execute(select(t).where(t.c.manifest_sha256 == manifest_sha256)).mappings().first()
        return dict(row) if row else None

    def package(self, package_id: int) -> dict | None:
        t = _table("hub_packages")
        row = self._s.execute(select(t).where(t.c.id == package_id)).mappings().first()
        return dict(row) if row else None

    def add_package(self, **values) -> int:
        t = _table("hub_packages")
        return self._s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()

    def village_app_version(self, committee_id: str) -> str | None:
        """The app version the committee's newest package imported here (not relayed) was written by; None
        when none says (a relay, or imported before the hub kept it)."""
        t = _table("hub_packages")
        summary = self._s.execute(select(t.c.summary).where(t.c.committee_id == committee_id)
                                  .order_by(t.c.id.desc()).limit(1)).scalar_one_or_none()
        try:
            version = json.loads(summary or "{}").get("app_version")
        except (ValueError, AttributeError):
            return None
        return version if isinstance(version, str) and version else None

    def relayed_committees(self) -> dict[str, str]:
        """committee id -> the township (as its relay names it, 王庄镇) whose relay is the newest package imported here
        for it: a village that reports through its 司法所, which sends its return packages (the village
        trusts that hub's key only). A package imported before the hub noted this says nothing (direct)."""
        t = _table("hub_packages")
        newest = select(func.max(t.c.id)).group_by(t.c.committee_id)
        found: dict[str, str] = {}
        for committee_id, summary in self._s.execute(select(t.c.committee_id, t.c.summary).where(t.c.id.in_(newest))):
            try:
                township = json.loads(summary or "{}").get("relayed_by")
            except (ValueError, AttributeError):
                continue
            if isinstance(township, str) and township:
                found[committee_id] = township
        return found

    def set_package_summary(self, package_id: int, summary: str) -> None:
        t = _table("hub_packages")
        self._s.execute(update(t).where(t.c.id == package_id).values(summary=summary))

    # -- village rows --------------------------------------------------------------------------------------------
    def held(self, committee_id: str, table_name: str, uuids: Iterable[str]) -> dict[str, HeldRow]:
        t = _table("hub_rows")
        found: dict[str, HeldRow] = {}
        for chunk in _chunks(sorted(set(uuids))):
            query = select(t.c.uuid, t.c.id, t.c.row_version, t.c.deleted_version, t.c.case_uuid).where(
                t.c.committee_id == committee_id, t.c.table_name == table_name, t.c.uuid.in_(chunk))
            for uuid, row_id, version, deleted, case_uuid in self._s.execute(query):
                found[uuid] = HeldRow(row_id, version, deleted, case_uuid)
        return found

    def insert_rows(self, rows: list[dict]) -> None:
        """New village rows; each dict has every column of hub_rows but ``id``."""
        if rows:
            self._s.execute(insert(_table("hub_rows")), rows)

    _NEWER = ("origin", "row_version", "fields", "refs", "personal", "package_id", "case_uuid", "case_number",
              "imported_at", *DERIVED_COLUMNS)

    def update_rows(self, rows: list[dict]) -> None:
        """A newer version of rows held: each dict has ``row_id`` and the columns of ``_NEWER``. A row the
        village had deleted and sends again newer is its own again (the tombstone cleared)."""
        if not rows:
            return
        t = _table("hub_rows")
        # The parameters are named apart from the columns they set (SQLAlchemy reserves those names).
        statement = update(t).where(t.c.id == bindparam("row_id")).values(
            deleted_version=None, deleted_at=None, **{name: bindparam("new_" + name) for name in self._NEWER})
        self._s.connection().execute(statement, [
            {"row_id": row["row_id"], **{"new_" + name: row[name] for name in self._NEWER}} for row in rows])

    def mark_deleted(self, rows: list[dict]) -> None:
        """Tombstones: each dict has ``row_id``, ``deleted_version`` and ``deleted_at``. The row is kept."""
        if not rows:
            return
        t = _table("hub_rows")
        statement = update(t).where(t.c.id == bindparam("row_id")).values(
            deleted_version=bindparam("new_deleted_version"), deleted_at=bindparam("new_deleted_at"))
        self._s.connection().execute(statement, [
            {"row_id": r["row_id"], "new_deleted_version": r["deleted_version"], "new_deleted_at": r["deleted_at"]}
            for r in rows])

    def row(self, committee_id: str, table_name: str, uuid: str) -> dict | None:
        t = _table("hub_rows")
        found = self._s.execute(select(t).where(t.c.committee_id == committee_id, t.c.table_name == table_name,
                                                t.c.uuid == uuid)).mappings().first()
        return dict(found) if found else None

    def rows(self, committee_id: str | None = None, table_name: str | None = None) -> list[dict]:
        t = _table("hub_rows")
        query = select(t).order_by(t.c.id)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        if table_name is not None:
            query = query.where(t.c.table_name == table_name)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def row_counts(self) -> dict[tuple[str, str], int]:
        """(committee, table) -> rows held."""
        t = _table("hub_rows")
        query = select(t.c.committee_id, t.c.table_name, func.count()).group_by(t.c.committee_id, t.c.table_name)
        return {(c, n): k for c, n, k in self._s.execute(query)}

    def case_numbers_elsewhere(self, committee_id: str, numbers: Iterable[str]) -> list[tuple[str, str]]:
        """(other committee, case number) for every case another committee holds under one of ``numbers``."""
        t = _table("hub_rows")
        found = []
        for chunk in _chunks(sorted(set(numbers))):
            query = select(t.c.committee_id, t.c.case_number).where(
                t.c.table_name == "cases", t.c.case_number.in_(chunk), t.c.committee_id != committee_id)
            found += [tuple(r) for r in self._s.execute(query)]
        return sorted(found)

    def case_versions(self, committee_id: str, case_uuids: Iterable[str]) -> dict[str, int]:
        """The newest row version of each case's rows (its own and the rows under it)."""
        t = _table("hub_rows")
        found = {}
        for chunk in _chunks(sorted(set(case_uuids))):
            query = (select(t.c.case_uuid, func.max(t.c.row_version))
                     .where(t.c.committee_id == committee_id, t.c.case_uuid.in_(chunk)).group_by(t.c.case_uuid))
            found.update(dict(self._s.execute(query).all()))
        return found

    # -- figures ----------------------------------------------------------------------------------------------------
    def figures(self, committee_id: str, period: str) -> dict | None:
        t = _table("hub_figures")
        row = self._s.execute(select(t).where(t.c.committee_id == committee_id, t.c.period == period)).mappings().first()
        return dict(row) if row else None

    def all_figures(self, committee_id: str | None = None) -> list[dict]:
        t = _table("hub_figures")
        query = select(t).order_by(t.c.committee_id, t.c.period)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def put_figures(self, committee_id: str, period: str, **values) -> None:
        t = _table("hub_figures")
        if self.figures(committee_id, period) is None:
            self._s.execute(insert(t).values(committee_id=committee_id, period=period, **values))
        else:
            self._s.execute(update(t).where(t.c.committee_id == committee_id, t.c.period == period).values(**values))

    # -- documents ---------------------------------------------------------------------------------------------------
    def documents_held(self, committee_id: str) -> set[tuple[str, str]]:
        """(path, sha256) of the committee's documents the hub holds."""
        t = _table("hub_documents")
        return {tuple(r) for r in self._s.execute(select(t.c.path, t.c.sha256).where(t.c.committee_id == committee_id))}

    def add_documents(self, rows: list[dict]) -> None:
        if rows:
            self._s.execute(insert(_table("hub_documents")), rows)

    def keeps_documents(self) -> bool:
        """True where the sealed documents are kept in the database (PostgreSQL: several clerks' PCs share
        it), False where they are files in the hub's data folder (SQLite: one PC)."""
        return self._s.get_bind().dialect.name == "postgresql"

    def add_document_data(self, rows: list[dict]) -> None:
        """rows of (stored, committee_id, data); one already held (the same sealed bytes) is left alone."""
        t = _table("hub_document_data")
        held = {r for (r,) in self._s.execute(select(t.c.stored).where(t.c.stored.in_([r["stored"] for r in rows])))} \
            if rows else set()
        fresh = [r for r in rows if r["stored"] not in held]
        if fresh:
            self._s.execute(insert(t), fresh)

    def document_data(self, stored: str) -> bytes | None:
        t = _table("hub_document_data")
        return self._s.execute(select(t.c.data).where(t.c.stored == stored)).scalar_one_or_none()

    def documents(self, committee_id: str | None = None) -> list[dict]:
        t = _table("hub_documents")
        query = select(t).order_by(t.c.id)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    # -- flags --------------------------------------------------------------------------------------------------------
    def add_flags(self, rows: list[dict]) -> None:
        if rows:
            self._s.execute(insert(_table("hub_flags")), rows)

    def flags(self, *, open_only: bool = True, committee_id: str | None = None) -> list[dict]:
        t = _table("hub_flags")
        query = select(t).order_by(t.c.id)
        if open_only:
            query = query.where(t.c.resolved_at.is_(None))
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def open_flag_cases(self, committee_id: str, kind: str) -> set[str]:
        """The cases (uuids) with an unresolved flag of ``kind``: one flag waits for a person at a time."""
        t = _table("hub_flags")
        query = select(t.c.uuid).where(t.c.committee_id == committee_id, t.c.kind == kind,
                                       t.c.resolved_at.is_(None), t.c.uuid.is_not(None))
        return {r[0] for r in self._s.execute(query)}

    def resolve_flag(self, flag_id: int, by: str, resolution: str, at: dt.datetime) -> bool:
        t = _table("hub_flags")
        done = self._s.execute(update(t).where(t.c.id == flag_id, t.c.resolved_at.is_(None)).values(
            resolved_at=at, resolved_by=by, resolution=resolution))
        return done.rowcount == 1

    # -- reviews ------------------------------------------------------------------------------------------------------
    def add_review(self, **values) -> int:
        t = _table("hub_reviews")
        return self._s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()

    def latest_reviews(self, committee_id: str, case_uuids: Iterable[str]) -> dict[str, dict]:
        """case uuid -> its latest review (the highest id)."""
        t = _table("hub_reviews")
        found: dict[str, dict] = {}
        for chunk in _chunks(sorted(set(case_uuids))):
            newest = (select(t.c.case_uuid, func.max(t.c.id).label("id"))
                      .where(t.c.committee_id == committee_id, t.c.case_uuid.in_(chunk))
                      .group_by(t.c.case_uuid).subquery())
            query = select(t).join(newest, and_(t.c.id == newest.c.id))
            for row in self._s.execute(query).mappings():
                found[row["case_uuid"]] = dict(row)
        return found

    def reviewed_cases(self, committee_id: str) -> list[str]:
        """The uuids of the committee's cases the hub has reviewed."""
        t = _table("hub_reviews")
        query = select(t.c.case_uuid).where(t.c.committee_id == committee_id).distinct()
        return sorted(r[0] for r in self._s.execute(query))

    def case_numbers(self, committee_id: str, case_uuids: Iterable[str]) -> dict[str, str]:
        """case uuid -> its case number, as the hub holds the committee's cases."""
        t = _table("hub_rows")
        found = {}
        for chunk in _chunks(sorted(set(case_uuids))):
            query = select(t.c.uuid, t.c.case_number).where(
                t.c.committee_id == committee_id, t.c.table_name == "cases", t.c.uuid.in_(chunk))
            found.update({uuid: number or "" for uuid, number in self._s.execute(query)})
        return found

    # -- return packages (issue 16 item 4) ------------------------------------------------------------------------
    def last_return(self, committee_id: str) -> dict | None:
        t = _table("hub_returns")
        row = self._s.execute(select(t).where(t.c.committee_id == committee_id)
                              .order_by(t.c.sequence.desc()).limit(1)).mappings().first()
        return dict(row) if row else None

    def returns(self, committee_id: str | None = None) -> list[dict]:
        t = _table("hub_returns")
        query = select(t).order_by(t.c.id)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def add_return(self, **values) -> int:
        t = _table("hub_returns")
        return self._s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()

    # -- revoked signing keys (services/hub/committees.py) --------------------------------------------------------
    def revocation(self, signing_key: str, committee_id: str | None = None) -> dict | None:
        """The revocation of ``signing_key`` (base64), for any committee or for ``committee_id``; the first
        made where there are several (a key revoked for two committees: one PC cloned for both)."""
        t = _table("hub_revoked_keys")
        query = select(t).where(t.c.signing_key == signing_key).order_by(t.c.id).limit(1)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        row = self._s.execute(query).mappings().first()
        return dict(row) if row else None

    def key_revocations(self, signing_key: str) -> list[dict]:
        """Every revocation of ``signing_key`` (base64), whichever committee it was revoked for, oldest first."""
        t = _table("hub_revoked_keys")
        query = select(t).where(t.c.signing_key == signing_key).order_by(t.c.id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def revocations(self, committee_id: str | None = None) -> list[dict]:
        t = _table("hub_revoked_keys")
        query = select(t).order_by(t.c.id)
        if committee_id is not None:
            query = query.where(t.c.committee_id == committee_id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def add_revocation(self, **values) -> int:
        t = _table("hub_revoked_keys")
        return self._s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()
