"""排查记录: list, add, correct and delete the records of canvassing villages for disputes. One
transaction per action. Deleting (asked and confirmed in the UI first) marks the record deleted: it
stays in the file, drops out of every list and figure."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..domain.canvass import Canvass, CanvassFields, CanvassInput, check_canvass
from ..domain.errors import NotFound, StaleRecord, ValidationFailed
from ..storage.database import Database
from ..storage.records import CanvassRecord, VillageRecord, utcnow


def _to_canvass(r: CanvassRecord) -> Canvass:
    return Canvass(id=r.id, held_on=r.held_on, village_id=r.village_id, village=r.village.township + r.village.name,
                   done_by=r.done_by, found=r.found, prevented=r.prevented, note=r.note, recorded_by=r.recorded_by,
                   version=r.version)


class CanvassService:
    def __init__(self, db: Database, today=dt.date.today):
        self._db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    # -- reads --------------------------------------------------------------------------------------
    def villages(self) -> list[tuple[int, str]]:
        """Every village as (id, township + name), in the order the lists use."""
        rows = self._db.read_connection().execute(
            "SELECT id, township, name FROM villages ORDER BY township, name").fetchall()
        return [(vid, township + name) for vid, township, name in rows]

    def years(self) -> list[int]:
        """The years that have 排查 records, newest first."""
        rows = self._db.read_connection().execute(
            "SELECT DISTINCT CAST(substr(held_on, 1, 4) AS INTEGER) FROM canvasses WHERE deleted_at IS NULL "
            "ORDER BY 1 DESC").fetchall()
        return [r[0] for r in rows]

    def list(self, village_id: int | None = None, start: dt.date | None = None,
             end: dt.date | None = None) -> list[Canvass]:
        """The records (newest first), of one village and between two days (both included) if given."""
        query = select(CanvassRecord).where(CanvassRecord.deleted_at.is_(None))
        if village_id is not None:
            query = query.where(CanvassRecord.village_id == village_id)
        if start is not None:
            query = query.where(CanvassRecord.held_on >= start)
        if end is not None:
            query = query.where(CanvassRecord.held_on <= end)
        with self._db.transaction() as uow:
            return [_to_canvass(r) for r in uow.session.scalars(
                query.order_by(CanvassRecord.held_on.desc(), CanvassRecord.id.desc()))]

    def latest(self, village_id: int | None = None) -> Canvass | None:
        """The newest record (of one village), to start a new one from: the same people usually go."""
        query = select(CanvassRecord).where(CanvassRecord.deleted_at.is_(None))
        if village_id is not None:
            query = query.where(CanvassRecord.village_id == village_id)
        with self._db.transaction() as uow:
            record = uow.session.scalars(query.order_by(CanvassRecord.held_on.desc(), CanvassRecord.id.desc())
                                         .limit(1)).first()
            return _to_canvass(record) if record else None

    def get(self, canvass_id: int) -> Canvass:
        with self._db.transaction() as uow:
            return _to_canvass(self._load(uow, canvass_id))

    # -- writes -------------------------------------------------------------------------------------
    def add(self, data: CanvassInput) -> Canvass:
        fields = self._check(data)
        with self._db.transaction() as uow:
            record = CanvassRecord(recorded_by=uow.actor)
            self._apply(uow, record, fields)
            uow.session.add(record)
            uow.session.flush()
            return _to_canvass(record)

    def update(self, canvass_id: int, data: CanvassInput, *, expected_version: int) -> Canvass:
        fields = self._check(data)
        with self._db.transaction() as uow:
            record = self._load(uow, canvass_id)
            if record.version != expected_version:
                raise StaleRecord(canvass_id)
            self._apply(uow, record, fields)
            record.updated_at = utcnow()
            uow.session.flush()
            return _to_canvass(record)

    def delete(self, canvass_id: int, *, expected_version: int) -> None:
        """Take a record out of the lists and figures (the UI asks first); it stays on file, marked."""
        with self._db.transaction() as uow:
            record = self._load(uow, canvass_id)
            if record.version != expected_version:
                raise StaleRecord(canvass_id)
            record.deleted_at = utcnow()
            record.deleted_by = uow.actor
            record.updated_at = record.deleted_at

    # -- helpers ------------------------------------------------------------------------------------
    def _check(self, data: CanvassInput) -> CanvassFields:
        fields, errors = check_canvass(data, self._today())
        if errors:
            raise ValidationFailed(errors)
        return fields

    @staticmethod
    def _apply(uow, record: CanvassRecord, fields: CanvassFields) -> None:
        if fields.village_id is not None:
            village = uow.session.get(VillageRecord, fields.village_id)
            if village is None:
                raise NotFound(fields.village_id)
        else:
            village = uow.villages.find_or_create(fields.village_name)
        record.village = village
        record.held_on = fields.held_on
        record.done_by = fields.done_by
        record.found = fields.found
        record.prevented = fields.prevented
        record.note = fields.note

    @staticmethod
    def _load(uow, canvass_id: int) -> CanvassRecord:
        record = uow.session.get(CanvassRecord, canvass_id)
        if record is None or record.deleted_at is not None:
            raise NotFound(canvass_id)
        return record
