"""The rows an exchange package carries (issue 16 item 2), read for services/exchange/.

Each travelling table (storage/records.py TRAVELLING_TABLES) is described once here: which columns are
personal (sent encrypted to the hub: every name of a person, every piece of free text, every phone,
address and ID number, and the JSON documents), which are references to another travelling row (sent as
that row's uuid: the local integer ids mean nothing at the hub), which name an archived file, and which
are never sent (the local id, the keyed hashes, which only this committee's data key can use).
Everything else is clear: codes, dates, counts, amounts and places, what the hub counts with.

Rows come out as plain dicts with the personal fields opened (the session's sealer, as the repositories
open them): the package encrypts them again, to the hub's key. Dates and times are ISO text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

from sqlalchemy import select

from .records import Base, TRAVELLING_TABLES
from .row_versions import COUNTER_TABLE, TOMBSTONE_TABLE
from .sealing import SEALED_COLUMNS, SEALED_JSON, Sealing, open_history_changes


@dataclass(frozen=True)
class TableSpec:
    name: str
    personal: tuple[str, ...] = ()
    refs: dict[str, str] = field(default_factory=dict)  # column -> the travelling table it points at
    files: tuple[str, ...] = ()  # columns holding a path under the data folder
    json: tuple[str, ...] = ()  # personal columns holding JSON text (sent as the JSON value)


# Parents before children: a hub importing in this order finds every reference already there.
TABLES: tuple[TableSpec, ...] = (
    TableSpec("villages"),
    TableSpec("role_people", personal=("name", "name_initials", "phone")),
    TableSpec("elders", refs={"village_id": "villages"},
              personal=("name", "name_initials", "phone", "identity_note", "notes", "retired_reason")),
    TableSpec("cases", refs={"village_id": "villages"},
              personal=("facts", "party_names", "party_initials", "source_note", "dispute_type_note",
                        "rejection_reason", "confirmation_note", "created_by", "updated_by")),
    TableSpec("parties", refs={"case_id": "cases"},
              personal=("name", "name_initials", "ethnicity", "birth_date", "occupation", "phone", "address",
                        "id_number", "legal_representative", "credit_code", "claims")),
    TableSpec("case_history", refs={"case_id": "cases"}, personal=("operator", "changes"), json=("changes",)),
    TableSpec("case_elders", refs={"case_id": "cases", "elder_id": "elders", "proposed_by_party_id": "parties",
                                   "ended_by_party_id": "parties"},
              personal=("confirmed_conflicts", "conflict_note", "ended_reason")),
    TableSpec("case_elder_consents", refs={"case_elder_id": "case_elders", "party_id": "parties"},
              personal=("reason", "relation")),
    TableSpec("case_roles", refs={"case_id": "cases", "person_id": "role_people"}),
    TableSpec("sittings", refs={"case_id": "cases"}, personal=("data",), json=("data",)),
    TableSpec("agreements", refs={"case_id": "cases"}, personal=("content", "document"),
              json=("content", "document"), files=("pdf_path", "scan_path")),
    TableSpec("issued_documents", refs={"case_id": "cases"}, personal=("document",), json=("document",),
              files=("pdf_path",)),
    TableSpec("performance_terms", refs={"case_id": "cases", "agreement_id": "agreements"},
              personal=("content", "obligor")),
    TableSpec("return_visits", refs={"case_id": "cases", "term_id": "performance_terms"},
              personal=("visitor", "visited", "lawsuit", "risks", "measures", "notes", "cancelled_reason",
                        "recorded_by")),
    TableSpec("return_visit_terms", refs={"visit_id": "return_visits", "term_id": "performance_terms"},
              personal=("note",)),
    TableSpec("canvasses", refs={"village_id": "villages"}, personal=("done_by", "note", "recorded_by", "deleted_by")),
)
SPECS = {spec.name: spec for spec in TABLES}
ENVELOPE = ("uuid", "origin", "row_version")  # what every row carries beside its fields
# Never sent: the local id, and the keyed hashes (only this committee's data key can use them).
NOT_SENT = frozenset({"id", "phone_hash", "id_number_hash"})
assert set(SPECS) == TRAVELLING_TABLES, "every travelling table is described here"


@dataclass
class ExchangeRow:
    """One row as it travels: its identity, its clear fields, its references (column -> uuid or None) and
    its personal fields (opened)."""

    table: str
    uuid: str
    origin: str | None
    row_version: int
    clear: dict[str, Any]
    refs: dict[str, str | None]
    personal: dict[str, Any]


def _value(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


class ExchangeRepository:
    """Reads inside the caller's transaction (one snapshot: SQLite's transactions here are IMMEDIATE)."""

    def __init__(self, session, sealing: Sealing):
        self._s = session
        self._sealing = sealing

    def mark(self) -> int:
        """The change counter now: every row written so far has a row version at or below it."""
        table = Base.metadata.tables[COUNTER_TABLE]
        return self._s.execute(select(table.c.value).where(table.c.id == 1)).scalar() or 0

    def changed(self, spec: TableSpec, since: int, up_to: int, chunk: int = 2000) -> Iterator[ExchangeRow]:
        """The rows of ``spec``'s table written after ``since`` (up to ``up_to``), in row-version order."""
        table = Base.metadata.tables[spec.name]
        query = (select(table).where(table.c.row_version > since, table.c.row_version <= up_to)
                 .order_by(table.c.row_version, table.c.id))
        result = self._s.execute(query).mappings()
        while True:
            batch = result.fetchmany(chunk)
            if not batch:
                return
            uuids = self._uuids(spec, batch)
            for row in batch:
                yield self._row(spec, row, uuids)

    def _uuids(self, spec: TableSpec, rows) -> dict[tuple[str, int], str]:
        wanted: dict[str, set[int]] = {}
        for column, target in spec.refs.items():
            wanted.setdefault(target, set()).update(row[column] for row in rows if row[column] is not None)
        found = {}
        for target, ids in wanted.items():
            table = Base.metadata.tables[target]
            ids = sorted(ids)
            for start in range(0, len(ids), 500):
                for row_id, row_uuid in self._s.execute(
                        select(table.c.id, table.c.uuid).where(table.c.id.in_(ids[start:start + 500]))):
                    found[target, row_id] = row_uuid
        return found

    def _row(self, spec: TableSpec, row, uuids) -> ExchangeRow:
        clear, refs, personal = {}, {}, {}
        sealed_columns = SEALED_COLUMNS.get(spec.name, {})
        sealed_json = SEALED_JSON.get(spec.name, ())
        for column, value in row.items():
            if column in NOT_SENT or column in ENVELOPE:
                continue
            if column in spec.refs:
                refs[column] = None if value is None else uuids[spec.refs[column], value]
            elif column in spec.personal:
                if column in sealed_columns:
                    value = self._sealing.open(column, value)
                elif column in sealed_json:
                    value = self._sealing.open_json(value)
                elif spec.name == "case_history" and column == "changes":
                    value = open_history_changes(self._sealing, json.loads(value or "[]"))
                elif column in spec.json and isinstance(value, str):
                    value = json.loads(value) if value else None
                personal[column] = _value(value)
            else:
                clear[column] = _value(value)
        return ExchangeRow(spec.name, row["uuid"], row["origin"], row["row_version"], clear, refs, personal)

    def tombstones(self, since: int, up_to: int) -> list[dict[str, Any]]:
        table = Base.metadata.tables[TOMBSTONE_TABLE]
        rows = self._s.execute(select(table).where(table.c.row_version > since, table.c.row_version <= up_to)
                               .order_by(table.c.row_version, table.c.id)).mappings()
        return [{"table": r["table_name"], "uuid": r["uuid"], "origin": r["origin"], "row_version": r["row_version"],
                 "deleted_at": _value(r["deleted_at"])} for r in rows]
