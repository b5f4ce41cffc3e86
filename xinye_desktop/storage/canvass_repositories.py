"""排查 records: records in, domain Canvass values out. Never commits; a deleted one stays on file, marked
(``deleted_at``), and drops out of every read here."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.canvass import Canvass, CanvassFields
from ..domain.errors import NotFound
from .clock import utcnow
from .records import CanvassRecord, VillageRecord
from .repositories import VillageRepository


def canvass_to_domain(r: CanvassRecord) -> Canvass:
    return Canvass(id=r.id, held_on=r.held_on, village_id=r.village_id, village=r.village.township + r.village.name,
                   done_by=r.done_by, found=r.found, prevented=r.prevented, note=r.note, recorded_by=r.recorded_by,
                   version=r.version)


class CanvassRepository:
    def __init__(self, session: Session, villages: VillageRepository):
        self._s = session
        self._villages = villages

    # -- reads ----------------------------------------------------------------------------------
    def list(self, village_id: int | None = None, start: dt.date | None = None,
             end: dt.date | None = None) -> list[Canvass]:
        """The records (newest first), of one village and between two days (both included) if given."""
        query = self._live(village_id)
        if start is not None:
            query = query.where(CanvassRecord.held_on >= start)
        if end is not None:
            query = query.where(CanvassRecord.held_on <= end)
        return [canvass_to_domain(r) for r in self._s.scalars(
            query.order_by(CanvassRecord.held_on.desc(), CanvassRecord.id.desc()))]

    def latest(self, village_id: int | None = None) -> Canvass | None:
        record = self._s.scalars(self._live(village_id).order_by(CanvassRecord.held_on.desc(),
                                                                 CanvassRecord.id.desc()).limit(1)).first()
        return canvass_to_domain(record) if record else None

    def get(self, canvass_id: int) -> Canvass:
        return canvass_to_domain(self._load(canvass_id))

    # -- writes ---------------------------------------------------------------------------------
    def add(self, fields: CanvassFields, recorded_by: str) -> Canvass:
        record = CanvassRecord(recorded_by=recorded_by)
        self._apply(record, fields)
        self._s.add(record)
        self._s.flush()
        return canvass_to_domain(record)

    def update(self, canvass_id: int, fields: CanvassFields) -> Canvass:
        record = self._load(canvass_id)
        self._apply(record, fields)
        record.updated_at = utcnow()
        self._s.flush()
        return canvass_to_domain(record)

    def delete(self, canvass_id: int, deleted_by: str) -> None:
        """Mark the record deleted (kept on file)."""
        record = self._load(canvass_id)
        record.deleted_at = utcnow()
        record.deleted_by = deleted_by
        record.updated_at = record.deleted_at

    # -- internals ------------------------------------------------------------------------------
    @staticmethod
    def _live(village_id: int | None):
        query = select(CanvassRecord).where(CanvassRecord.deleted_at.is_(None))
        if village_id is not None:
            query = query.where(CanvassRecord.village_id == village_id)
        return query

    def _apply(self, record: CanvassRecord, fields: CanvassFields) -> None:
        if fields.village_id is not None:
            village = self._s.get(VillageRecord, fields.village_id)
            if village is None:
                raise NotFound(fields.village_id)
        else:
            village = self._villages.find_or_create(fields.village_name)
        record.village = village
        record.held_on = fields.held_on
        record.done_by = fields.done_by
        record.found = fields.found
        record.prevented = fields.prevented
        record.note = fields.note

    def _load(self, canvass_id: int) -> CanvassRecord:
        record = self._s.get(CanvassRecord, canvass_id)
        if record is None or record.deleted_at is not None:
            raise NotFound(canvass_id)
        return record


# -- quick reads on the GUI thread's plain sqlite3 connection (Database.read_connection) ---------------

def village_choices(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """Every village as (id, township + name), in the order the lists use."""
    rows = conn.execute("SELECT id, township, name FROM villages ORDER BY township, name").fetchall()
    return [(vid, township + name) for vid, township, name in rows]


def canvass_years(conn: sqlite3.Connection) -> list[int]:
    """The years that have 排查 records, newest first."""
    rows = conn.execute(
        "SELECT DISTINCT CAST(substr(held_on, 1, 4) AS INTEGER) FROM canvasses WHERE deleted_at IS NULL "
        "ORDER BY 1 DESC").fetchall()
    return [r[0] for r in rows]
