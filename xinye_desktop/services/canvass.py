"""排查记录: list, add, correct and delete the records of canvassing villages for disputes. One
transaction per action. Deleting (asked and confirmed in the UI first) marks the record deleted: it
stays in the file, drops out of every list and figure."""

from __future__ import annotations

import datetime as dt

from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.canvass import Canvass, CanvassFields, CanvassInput, check_canvass
from ..domain.errors import StaleRecord, ValidationFailed
from ..storage.canvass_repositories import canvass_years, village_choices
from ..storage.database import Database
from . import audit
from .access import guard


class CanvassService:
    def __init__(self, db: Database, today=dt.date.today):
        self._db = db
        self._today = today

    def today(self) -> dt.date:
        return self._today()

    # -- reads --------------------------------------------------------------------------------------
    def villages(self) -> list[tuple[int, str]]:
        """Every village as (id, township + name), in the order the lists use."""
        return village_choices(self._db.read_connection())

    def years(self) -> list[int]:
        """The years that have 排查 records, newest first."""
        return canvass_years(self._db.read_connection())

    def list(self, village_id: int | None = None, start: dt.date | None = None,
             end: dt.date | None = None) -> list[Canvass]:
        """The records (newest first), of one village and between two days (both included) if given."""
        with self._db.transaction() as uow:
            return uow.canvasses.list(village_id, start, end)

    def latest(self, village_id: int | None = None) -> Canvass | None:
        """The newest record (of one village), to start a new one from: the same people usually go."""
        with self._db.transaction() as uow:
            return uow.canvasses.latest(village_id)

    def get(self, canvass_id: int) -> Canvass:
        with self._db.transaction() as uow:
            return uow.canvasses.get(canvass_id)

    # -- writes -------------------------------------------------------------------------------------
    def add(self, data: CanvassInput) -> Canvass:
        fields = self._check(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            added = uow.canvasses.add(fields, recorded_by=uow.actor)
            audit.record(uow, AuditKind.CANVASS, None, {"action": "add", "canvass": added.id})
            return added

    def update(self, canvass_id: int, data: CanvassInput, *, expected_version: int) -> Canvass:
        fields = self._check(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            if uow.canvasses.get(canvass_id).version != expected_version:
                raise StaleRecord(canvass_id)
            updated = uow.canvasses.update(canvass_id, fields)
            audit.record(uow, AuditKind.CANVASS, None, {"action": "update", "canvass": canvass_id})
            return updated

    def delete(self, canvass_id: int, *, expected_version: int) -> None:
        """Take a record out of the lists and figures (the UI asks first); it stays on file, marked."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            if uow.canvasses.get(canvass_id).version != expected_version:
                raise StaleRecord(canvass_id)
            uow.canvasses.delete(canvass_id, deleted_by=uow.actor)
            audit.record(uow, AuditKind.CANVASS, None, {"action": "delete", "canvass": canvass_id})

    # -- helpers ------------------------------------------------------------------------------------
    def _check(self, data: CanvassInput) -> CanvassFields:
        fields, errors = check_canvass(data, self._today())
        if errors:
            raise ValidationFailed(errors)
        return fields
