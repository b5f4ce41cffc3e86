"""The hub's read side (issue 16 items 3 and 5): indexed copies of the few clear fields the consolidated
台账, the statistics, the overdue visits, the 司法确认 windows and the 明白人库 filter, group and sort by, so
that a county's 750,000 cases are not read through the JSON text of hub_rows.fields:

- hub_rows gets village_uuid, day, state, kind and effective_on (domain/hub_overview.derived_columns says
  which field of which table; the rule as it stands at this revision is copied below for the backfill);
- ix_hub_rows_live: (table_name, day, committee_id, village_uuid, state, kind, deleted_version) over the
  rows the village has not deleted: the ledger's order and the statistics' covering GROUP BY;
- ix_hub_rows_effective: (table_name, effective_on) over live rows with a date of effect (the closing
  司法确认 windows);
- ix_hub_rows_case_number (0011's, on the 案号 alone) is made (table_name, case_number, deleted_version);
- on PostgreSQL, a pg_trgm GIN index of the 案号 for the ledger's text search (pg_trgm was created by
  0006 there; IF NOT EXISTS again, in case a server's database was made without it).

The rows held are backfilled from their JSON, in chunks, on both engines.

Revision ID: 0013_hub_overview
Revises: 0011_hub_import
Create Date: 2026-12-07 06:00:00

"""
import json
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0013_hub_overview'
down_revision: Union[str, Sequence[str], None] = '0011_hub_import'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

LIVE_ROWS = "deleted_version IS NULL"
LIVE_DATED = "deleted_version IS NULL AND effective_on IS NOT NULL"
CASE_NUMBER_TRIGRAMS = "ix_hub_rows_case_number_trgm"
_CHUNK = 5000


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN on both engines: nullable columns, no copy of the table.
    op.add_column('hub_rows', sa.Column('village_uuid', sa.String(length=36), nullable=True))
    op.add_column('hub_rows', sa.Column('day', sa.String(length=10), nullable=True))
    op.add_column('hub_rows', sa.Column('state', sa.String(length=32), nullable=True))
    op.add_column('hub_rows', sa.Column('kind', sa.String(length=32), nullable=True))
    op.add_column('hub_rows', sa.Column('effective_on', sa.String(length=10), nullable=True))
    _backfill(op.get_bind())
    op.create_index('ix_hub_rows_live', 'hub_rows',
                    ['table_name', 'day', 'committee_id', 'village_uuid', 'state', 'kind', 'deleted_version'],
                    unique=False,
                    sqlite_where=sa.text(LIVE_ROWS), postgresql_where=sa.text(LIVE_ROWS))
    op.create_index('ix_hub_rows_effective', 'hub_rows', ['table_name', 'effective_on'], unique=False,
                    sqlite_where=sa.text(LIVE_DATED), postgresql_where=sa.text(LIVE_DATED))
    # The 案号 index of 0011 gets the table and the tombstone: the ledger's LIKE search then reads this index
    # alone on SQLite (0.2 s over 750,000 cases, against 3 s through the table).
    op.drop_index('ix_hub_rows_case_number', table_name='hub_rows')
    op.create_index('ix_hub_rows_case_number', 'hub_rows', ['table_name', 'case_number', 'deleted_version'],
                    unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(f"CREATE INDEX {CASE_NUMBER_TRIGRAMS} ON hub_rows USING gin (case_number gin_trgm_ops)")


def _day(value):
    text = str(value or "")[:10]
    return text or None


def _code(value):
    return str(value)[:32] if value not in (None, "") else None


def _derived(table: str, fields: dict, refs: dict) -> dict:
    """domain/hub_overview.derived_columns as it stands at this revision."""
    village = refs.get("village_id") if isinstance(refs, dict) else None
    out = {"village_uuid": village[:36] if isinstance(village, str) else None, "day": None, "state": None,
           "kind": None, "effective_on": None}
    if not isinstance(fields, dict):
        return out
    if table == "cases":
        out.update(day=_day(fields.get("received_date")), state=_code(fields.get("status")),
                   kind=_code(fields.get("dispute_type")), effective_on=_day(fields.get("effective_on")))
    elif table == "return_visits":
        cancelled = bool(fields.get("cancelled"))
        state = "pending" if fields.get("visited_on") is None and not cancelled else \
            "cancelled" if cancelled else "visited"
        out.update(day=_day(fields.get("due_on")), state=state)
    elif table == "elders":
        out.update(state="retired" if fields.get("retired") else "serving", kind=_code(fields.get("identity")))
    elif table == "canvasses":
        out.update(day=_day(fields.get("held_on")), state="deleted" if fields.get("deleted_at") else "held")
    return out


def _backfill(conn) -> None:
    tables = ("cases", "return_visits", "elders", "canvasses")
    select = sa.text("SELECT id, table_name, fields, refs FROM hub_rows WHERE table_name IN :tables AND id > :after "
                     "ORDER BY id LIMIT :limit").bindparams(sa.bindparam("tables", expanding=True))
    update = sa.text("UPDATE hub_rows SET village_uuid = :village_uuid, day = :day, state = :state, kind = :kind, "
                     "effective_on = :effective_on WHERE id = :row_id")
    after = 0
    while True:
        rows = conn.execute(select, {"tables": list(tables), "after": after, "limit": _CHUNK}).all()
        if not rows:
            return
        values = []
        for row_id, table, fields, refs in rows:
            try:
                parsed_fields, parsed_refs = json.loads(fields or "{}"), json.loads(refs or "{}")
            except ValueError:
                parsed_fields, parsed_refs = {}, {}
            values.append({"row_id": row_id, **_derived(table, parsed_fields, parsed_refs)})
        conn.execute(update, values)
        after = rows[-1][0]


def downgrade() -> None:
    """Refused, as every revision's: restore the pre-migration backup instead (the columns are copies, but a
    downgrade that stops at 0011's refusal would leave the schema between two revisions)."""
    raise RuntimeError("Downgrading the hub's indexed columns is refused. Restore the pre-migration backup instead.")
