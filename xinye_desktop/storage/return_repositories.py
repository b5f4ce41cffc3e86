"""The village's return decisions (storage/return_records.py) inside the caller's transaction. Never commits."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from .records import Base, CaseRecord


def _table():
    return Base.metadata.tables["return_decisions"]


class ReturnDecisionRepository:
    def __init__(self, session):
        self._s = session

    def by_case_uuid(self, case_uuids) -> dict[str, dict]:
        t = _table()
        uuids = sorted(set(case_uuids))
        found: dict[str, dict] = {}
        for start in range(0, len(uuids), 500):
            query = select(t).where(t.c.case_uuid.in_(uuids[start:start + 500]))
            found.update({row["case_uuid"]: dict(row) for row in self._s.execute(query).mappings()})
        return found

    def put(self, values: dict) -> str:
        """Insert or replace the decision of ``values["case_uuid"]``: "new", "updated" or "unchanged"
        (the same review of the hub again)."""
        t = _table()
        held = self.by_case_uuid([values["case_uuid"]]).get(values["case_uuid"])
        if held is None:
            self._s.execute(insert(t).values(**values))
            return "new"
        if held["review_id"] == values["review_id"]:
            return "unchanged"
        self._s.execute(update(t).where(t.c.id == held["id"]).values(**values))
        return "updated"

    def all(self) -> list[dict]:
        t = _table()
        return [dict(r) for r in self._s.execute(select(t).order_by(t.c.id)).mappings()]

    def case_uuid(self, case_id: int) -> str | None:
        return self._s.execute(select(CaseRecord.uuid).where(CaseRecord.id == case_id)).scalar()
