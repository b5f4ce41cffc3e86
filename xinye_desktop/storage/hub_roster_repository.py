"""The hub's roster of role people (storage/hub_records.py ``hub_roster``; services/hub/roster.py) inside the
caller's transaction: the name and the phone sealed with the hub's data key on the way in and opened on the
way out, as the village's repositories do (storage/sealing.py SEALED_COLUMNS). Never commits."""

from __future__ import annotations

from sqlalchemy import and_, insert, or_, select, update

from .records import Base
from .sealing import Sealing

_SEALED = ("name", "phone")  # field names as SEALED_COLUMNS["hub_roster"] (the first sealing uses the same)


def _table():
    return Base.metadata.tables["hub_roster"]


class HubRosterRepository:
    def __init__(self, session, sealing: Sealing | None = None):
        self._s = session
        self._sealing = sealing or Sealing()

    def _opened(self, row) -> dict:
        found = dict(row)
        for column in _SEALED:
            found[column] = self._sealing.open(column, found[column])
        found["retired"] = bool(found["retired"])
        return found

    def people(self, committee_id: str | None = None, township: str = "") -> list[dict]:
        """Every person of the roster, oldest first; with ``committee_id`` those a return to that committee
        carries: its own, those for its township's villages (``township``: the committee's) and those for
        every village."""
        t = _table()
        query = select(t).order_by(t.c.id)
        if committee_id is not None:
            below = and_(t.c.committee_id.is_(None), or_(t.c.township.is_(None), t.c.township == (township or "")))
            query = query.where(or_(t.c.committee_id == committee_id, below))
        return [self._opened(r) for r in self._s.execute(query).mappings()]

    def person(self, person_id: int) -> dict | None:
        t = _table()
        row = self._s.execute(select(t).where(t.c.id == person_id)).mappings().first()
        return self._opened(row) if row else None

    def add(self, **values) -> int:
        t = _table()
        values = {**values, **{c: self._sealing.seal(c, values.get(c) or "") for c in _SEALED if c in values}}
        return self._s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()

    def update(self, person_id: int, **values) -> None:
        t = _table()
        if any(c in values for c in _SEALED):
            stored = self._s.execute(select(t.c.name, t.c.phone).where(t.c.id == person_id)).mappings().first()
            for column in _SEALED:
                if column in values:
                    values[column] = self._sealing.seal(column, values[column] or "", stored[column] if stored else None)
        self._s.execute(update(t).where(t.c.id == person_id).values(**values))
