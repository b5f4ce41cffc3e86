"""The hub's read queries (issue 16 item 3): the consolidated 台账, the statistics' counts, who reported, the
overdue visits, the closing 司法确认 windows and the 明白人库, over the villages' rows held in hub_rows.

SQLAlchemy Core, one text for SQLite and PostgreSQL, inside the caller's transaction (read-only: nothing here
writes). They go through the indexed columns of migration 0013 (village_uuid, day, state, kind,
effective_on), never through the JSON text of ``fields``, except for the few rows of a page or of a week's
candidates, which the service reads whole:

- ``ix_hub_rows_live`` (table_name, day, committee_id, village_uuid, state, kind, deleted_version) WHERE deleted_version IS
  NULL: the ledger's range and order, the statistics' GROUP BY from the index alone, the overdue visits;
- ``ix_hub_rows_effective``: the agreements that took effect in a given week;
- the 案号's search: on PostgreSQL its pg_trgm index (``LIKE '%...%'`` uses it); on SQLite a scan of
  ix_hub_rows_case_number (table_name, case_number, deleted_version) alone.

Every query that should use a partial index says its WHERE (``LIVE``), which is how both planners know
they may.
"""

from __future__ import annotations

import json
from typing import Iterable

from sqlalchemy import and_, false, func, select, tuple_
from sqlalchemy.sql import ColumnElement

from ..domain.hub_overview import ELDER_SERVING, VISIT_PENDING, HubElderFilter, HubLedgerFilter
from .records import Base

_CHUNK = 500


def _table(name: str):
    return Base.metadata.tables[name]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parsed_json(text) -> dict:
    """A JSON object stored as text (fields, refs, figures) as a dict; {} for anything else."""
    if isinstance(text, dict):
        return text
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# Every order ends on the row's id (unique): pages read one after the other never repeat or skip a row.
LEDGER_ORDERS = {
    "received_date": lambda r, c, desc: [_d(r.c.day, desc), _d(r.c.id, desc)],
    "case_number": lambda r, c, desc: [_d(r.c.case_number, desc), _d(r.c.committee_id, desc), _d(r.c.id, desc)],
    "committee": lambda r, c, desc: [_d(c.c.township, desc), _d(c.c.name, desc), r.c.day.desc(), r.c.id.desc()],
}


def _d(column, descending: bool):
    return column.desc() if descending else column.asc()


class HubQueries:
    def __init__(self, session):
        self._s = session
        self.rows = _table("hub_rows")
        self.committees_table = _table("hub_committees")

    @property
    def dialect(self) -> str:
        return self._s.get_bind().dialect.name

    def live(self, rows=None) -> ColumnElement:
        rows = self.rows if rows is None else rows
        return rows.c.deleted_version.is_(None)

    # -- committees and villages ------------------------------------------------------------------------------
    def committees(self) -> list[dict]:
        c = self.committees_table
        query = select(c.c.id, c.c.name, c.c.township, c.c.village, c.c.last_package_at).order_by(
            c.c.township, c.c.name, c.c.id)
        return [dict(r) for r in self._s.execute(query).mappings()]

    def villages(self, committee_ids: Iterable[str] | None = None) -> dict[tuple[str, str], tuple[str, str]]:
        """(committee, village uuid) -> (township, name): every village the committees' rows name."""
        r = self.rows
        query = select(r.c.committee_id, r.c.uuid, r.c.fields).where(r.c.table_name == "villages")
        found = {}
        wanted = sorted(set(committee_ids)) if committee_ids is not None else None
        chunks = [wanted[i:i + _CHUNK] for i in range(0, len(wanted), _CHUNK)] if wanted is not None else [None]
        for chunk in chunks:
            narrowed = query if chunk is None else query.where(r.c.committee_id.in_(chunk))
            for committee_id, uuid, fields in self._s.execute(narrowed):
                parsed = parsed_json(fields)
                found[committee_id, uuid] = (str(parsed.get("township") or ""), str(parsed.get("name") or ""))
        return found

    def village_keys(self, township: str = "", village: str = "",
                     committee_id: str | None = None) -> list[tuple[str, str]]:
        """The (committee, village uuid) pairs of the villages of ``township`` and/or named ``village``."""
        held = self.villages([committee_id] if committee_id else None)
        return sorted(key for key, (t, name) in held.items()
                      if (not township or t == township) and (not village or name == village))

    def _in_villages(self, keys: list[tuple[str, str]], rows=None) -> ColumnElement:
        rows = self.rows if rows is None else rows
        if not keys:
            return false()
        return tuple_(rows.c.committee_id, rows.c.village_uuid).in_(keys)

    # -- the 台账 ------------------------------------------------------------------------------------------------
    def ledger_where(self, flt: HubLedgerFilter) -> list[ColumnElement]:
        r = self.rows
        where = [r.c.table_name == "cases"]
        if not flt.include_deleted:
            where.append(self.live())
        if flt.committee_id:
            where.append(r.c.committee_id == flt.committee_id)
        if flt.township or flt.village:
            where.append(self._in_villages(self.village_keys(flt.township, flt.village, flt.committee_id)))
        low, high = flt.day_range()
        if low is not None:
            where.append(r.c.day >= low)
        if high is not None:
            where.append(r.c.day <= high)
        if flt.status:
            where.append(r.c.state == flt.status)
        if flt.dispute_type:
            where.append(r.c.kind == flt.dispute_type)
        words = flt.text.split()
        if words:
            # The cases whose 案号 has every word, as a set of ids: SQLite finds them in ix_hub_rows_case_number
            # alone and then reads only those rows (with the LIKE beside the other terms it walks the ledger's
            # index through the table, 15 times slower); PostgreSQL from the 案号's trigram index.
            found = self.rows.alias("found")
            where.append(r.c.id.in_(select(found.c.id).where(
                found.c.table_name == "cases", *([] if flt.include_deleted else [self.live(found)]),
                *(found.c.case_number.like(f"%{_escape_like(word)}%", escape="\\") for word in words))))
        return where

    def ledger_count(self, flt: HubLedgerFilter) -> int:
        query = select(func.count()).select_from(self.rows).where(*self.ledger_where(flt))
        return self._s.execute(query).scalar() or 0

    def ledger_page(self, flt: HubLedgerFilter, sort: str = "received_date", descending: bool = True,
                    offset: int = 0, limit: int = 50) -> list[dict]:
        r, c = self.rows, self.committees_table
        query = (select(r.c.id, r.c.committee_id, c.c.name.label("committee"), r.c.uuid, r.c.case_number, r.c.day,
                        r.c.state, r.c.kind, r.c.village_uuid, r.c.effective_on, r.c.fields, r.c.personal,
                        r.c.package_id, r.c.row_version, r.c.deleted_version)
                 .join(c, c.c.id == r.c.committee_id).where(*self.ledger_where(flt))
                 .order_by(*LEDGER_ORDERS[sort](r, c, descending)).limit(limit).offset(offset))
        return [dict(row) for row in self._s.execute(query).mappings()]

    # -- statistics ----------------------------------------------------------------------------------------------
    def case_counts(self, start: str, end: str) -> list[tuple[str, str | None, str | None, str | None, int]]:
        """(committee, village uuid, status, dispute type, cases) of the cases received from ``start`` to
        ``end`` (ISO days, included) the villages still have: from ix_hub_rows_live alone."""
        r = self.rows
        query = (select(r.c.committee_id, r.c.village_uuid, r.c.state, r.c.kind, func.count())
                 .where(r.c.table_name == "cases", r.c.day >= start, r.c.day <= end, self.live())
                 .group_by(r.c.committee_id, r.c.village_uuid, r.c.state, r.c.kind))
        return [tuple(row) for row in self._s.execute(query)]

    def figures(self, months: Iterable[str]) -> list[dict]:
        """The month figures held for ``months`` (every committee's), figures parsed."""
        f = _table("hub_figures")
        query = (select(f.c.committee_id, f.c.period, f.c.zero_report, f.c.figures)
                 .where(f.c.period.in_(sorted(set(months)))).order_by(f.c.committee_id, f.c.period))
        return [{**dict(row), "figures": parsed_json(row["figures"])} for row in self._s.execute(query).mappings()]

    def reports(self, month: str) -> dict[str, bool]:
        """committee -> zero report, for the committees whose figures of ``month`` the hub holds."""
        f = _table("hub_figures")
        query = select(f.c.committee_id, f.c.zero_report).where(f.c.period == month)
        return {committee_id: bool(zero) for committee_id, zero in self._s.execute(query)}

    # -- work across villages ---------------------------------------------------------------------------------------
    def _overdue(self, today: str):
        visit, case = self.rows.alias("visit"), self.rows.alias("case_row")
        joined = visit.join(case, and_(case.c.committee_id == visit.c.committee_id, case.c.table_name == "cases",
                                       case.c.uuid == visit.c.case_uuid))
        where = (visit.c.table_name == "return_visits", visit.c.day < today, visit.c.state == VISIT_PENDING,
                 self.live(visit), self.live(case))
        return visit, case, joined, where

    def overdue_visits(self, today: str, limit: int) -> tuple[int, list[dict]]:
        """(how many, the most overdue ``limit``) of the visits still to make whose due day is before
        ``today``, of cases the villages still have."""
        visit, case, joined, where = self._overdue(today)
        count = self._s.execute(select(func.count()).select_from(joined).where(*where)).scalar() or 0
        query = (select(visit.c.committee_id, visit.c.case_uuid, case.c.case_number, visit.c.day, visit.c.fields)
                 .select_from(joined).where(*where).order_by(visit.c.day, visit.c.id).limit(limit))
        return count, [dict(row) for row in self._s.execute(query).mappings()]

    def effective_between(self, first: str, last: str) -> list[dict]:
        """The cases (still held) whose agreement took effect from ``first`` to ``last``: the candidates of
        the closing 司法确认 windows, their clear fields parsed."""
        r = self.rows
        query = (select(r.c.committee_id, r.c.uuid, r.c.case_number, r.c.effective_on, r.c.fields)
                 .where(r.c.table_name == "cases", self.live(), r.c.effective_on.is_not(None),
                        r.c.effective_on >= first, r.c.effective_on <= last)
                 .order_by(r.c.effective_on, r.c.id))
        return [{**dict(row), "fields": parsed_json(row["fields"])} for row in self._s.execute(query).mappings()]

    # -- the 明白人库 ------------------------------------------------------------------------------------------------
    def elder_where(self, flt: HubElderFilter) -> list[ColumnElement]:
        r = self.rows
        where = [r.c.table_name == "elders", self.live()]
        if not flt.include_retired:
            where.append(r.c.state == ELDER_SERVING)
        if flt.committee_id:
            where.append(r.c.committee_id == flt.committee_id)
        if flt.township or flt.village:
            where.append(self._in_villages(self.village_keys(flt.township, flt.village, flt.committee_id)))
        if flt.identity:
            where.append(r.c.kind == flt.identity)
        return where

    def elder_counts(self, flt: HubElderFilter) -> list[tuple[str, str | None, str | None, int]]:
        """(committee, village uuid, identity, serving elders)."""
        r = self.rows
        serving = HubElderFilter(flt.township, flt.committee_id, flt.village, flt.identity, include_retired=False)
        query = (select(r.c.committee_id, r.c.village_uuid, r.c.kind, func.count()).where(*self.elder_where(serving))
                 .group_by(r.c.committee_id, r.c.village_uuid, r.c.kind))
        return [tuple(row) for row in self._s.execute(query)]

    def elder_count(self, flt: HubElderFilter) -> int:
        return self._s.execute(select(func.count()).select_from(self.rows).where(*self.elder_where(flt))).scalar() or 0

    def elder_page(self, flt: HubElderFilter, offset: int, limit: int) -> list[dict]:
        r, c = self.rows, self.committees_table
        query = (select(r.c.id, r.c.committee_id, c.c.name.label("committee"), r.c.uuid, r.c.village_uuid,
                        r.c.state, r.c.kind, r.c.fields, r.c.personal, r.c.package_id, r.c.row_version)
                 .join(c, c.c.id == r.c.committee_id).where(*self.elder_where(flt))
                 .order_by(c.c.township, c.c.name, r.c.committee_id, r.c.village_uuid, r.c.id)
                 .limit(limit).offset(offset))
        return [dict(row) for row in self._s.execute(query).mappings()]

    # -- opening a page --------------------------------------------------------------------------------------------
    def ephemeral_keys(self, package_ids: Iterable[int]) -> dict[int, str]:
        """package -> its ephemeral X25519 key (base64): with the hub's private key, it opens the personal
        fields of the rows it brought."""
        p = _table("hub_packages")
        ids = sorted(set(package_ids))
        found = {}
        for start in range(0, len(ids), _CHUNK):
            query = select(p.c.id, p.c.ephemeral_key).where(p.c.id.in_(ids[start:start + _CHUNK]))
            found.update(dict(self._s.execute(query).all()))
        return found
