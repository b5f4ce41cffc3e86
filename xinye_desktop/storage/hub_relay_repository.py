"""What a 司法所's relay package to the 司法局 reads out of the hub's tables (issue 16 item 3, "a township
hub exports its own upward package to the county the same way"; services/hub/relay.py writes it).

A relay carries, per village committee, what the township imported since its last relay: the rows and
the documents whose hub package (``hub_packages.id``, the township's own import counter) is above the mark,
the tombstones above the village's mark, and every month's figures. The township's package id is the mark
rather than the village's row version, so that a village package imported late (after a newer one: a gap
filled) still goes up in full. Inside the caller's transaction; never commits.
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import func, select

from .records import Base

_CHUNK = 500


def _table(name: str):
    return Base.metadata.tables[name]


class HubRelayRepository:
    def __init__(self, session):
        self._s = session

    def latest_packages(self) -> dict[str, int]:
        """committee id -> the id of the newest package the hub imported from it."""
        t = _table("hub_packages")
        return dict(self._s.execute(select(t.c.committee_id, func.max(t.c.id)).group_by(t.c.committee_id)).all())

    def rows_after(self, committee_id: str, package_id: int) -> list[dict]:
        """The committee's rows whose held version came in a package above ``package_id`` (0: all)."""
        t = _table("hub_rows")
        query = (select(t.c.table_name, t.c.uuid, t.c.origin, t.c.row_version, t.c.fields, t.c.refs, t.c.personal,
                        t.c.package_id)
                 .where(t.c.committee_id == committee_id, t.c.package_id > package_id).order_by(t.c.id))
        return [dict(r) for r in self._s.execute(query).mappings()]

    def deleted_after(self, committee_id: str, version: int) -> list[dict]:
        """The committee's rows the village deleted with a tombstone above ``version`` (0: all)."""
        t = _table("hub_rows")
        query = (select(t.c.table_name, t.c.uuid, t.c.origin, t.c.deleted_version, t.c.deleted_at)
                 .where(t.c.committee_id == committee_id, t.c.deleted_version.is_not(None),
                        t.c.deleted_version > version)
                 .order_by(t.c.deleted_version, t.c.id))
        return [dict(r) for r in self._s.execute(query).mappings()]

    def documents_after(self, committee_id: str, package_id: int) -> list[dict]:
        t = _table("hub_documents")
        query = select(t).where(t.c.committee_id == committee_id, t.c.package_id > package_id).order_by(t.c.id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def ephemeral_keys(self, package_ids: Iterable[int]) -> dict[int, str]:
        """package id -> the ephemeral X25519 key (base64) that opens the personal fields it brought."""
        t = _table("hub_packages")
        ids = sorted(set(package_ids))
        found: dict[int, str] = {}
        for start in range(0, len(ids), _CHUNK):
            query = select(t.c.id, t.c.ephemeral_key).where(t.c.id.in_(ids[start:start + _CHUNK]))
            found.update(dict(self._s.execute(query).all()))
        return found
