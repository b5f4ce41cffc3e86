"""The sittings (第N次调解) of a case: their records in, domain Sitting values out. Never commits."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.errors import NotFound
from ..domain.session import Outcome, Sitting, SittingData, sitting_from_dict, sitting_to_dict
from .records import SittingRecord, utcnow


def sitting_to_domain(record: SittingRecord) -> Sitting:
    return Sitting(id=record.id, case_id=record.case_id, number=record.number,
                   data=sitting_from_dict(json.loads(record.data or "{}")),
                   outcome=Outcome.from_code(record.outcome), finished_at=record.finished_at, version=record.version)


def _data_json(data: SittingData) -> str:
    return json.dumps(sitting_to_dict(data), ensure_ascii=False)


class SittingRepository:
    def __init__(self, session: Session):
        self._s = session

    def for_case(self, case_id: int) -> list[Sitting]:
        """The case's sittings, first to last."""
        return [sitting_to_domain(r) for r in self._s.scalars(
            select(SittingRecord).where(SittingRecord.case_id == case_id).order_by(SittingRecord.number))]

    def get(self, sitting_id: int) -> Sitting:
        return sitting_to_domain(self._load(sitting_id))

    def add(self, case_id: int, number: int, data: SittingData) -> Sitting:
        record = SittingRecord(case_id=case_id, number=number, held_on=data.held_on, data=_data_json(data))
        self._s.add(record)
        self._s.flush()
        return sitting_to_domain(record)

    def save_data(self, sitting_id: int, data: SittingData) -> Sitting:
        """Keep what was typed so far; the version moves on (a stale save elsewhere fails at flush)."""
        record = self._load(sitting_id)
        record.data = _data_json(data)
        record.held_on = data.held_on
        self._s.flush()
        return sitting_to_domain(record)

    def finish(self, sitting_id: int, outcome: Outcome, at: dt.datetime | None = None) -> Sitting:
        record = self._load(sitting_id)
        record.outcome = outcome.value
        record.finished_at = at or utcnow()
        self._s.flush()
        return sitting_to_domain(record)

    def _load(self, sitting_id: int) -> SittingRecord:
        record = self._s.get(SittingRecord, sitting_id)
        if record is None:
            raise NotFound(sitting_id)
        return record
