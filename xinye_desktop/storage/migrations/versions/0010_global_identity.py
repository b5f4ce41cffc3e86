"""Global identity of the records that travel to the hub (issue 16 item 1).

- ``settings.committee_id``: a UUID made once per data folder (kept when there is one already);
- on every travelling table (storage/records.py TRAVELLING_TABLES): ``origin`` (the committee id of the
  committee that made the row; every row on file is this committee's) and ``row_version`` (the change
  counter's value of the transaction that last wrote it, storage/row_versions.py; 1 for every row on
  file, so that the first package carries them all), indexed for "what changed since";
- ``uuid`` on the four travelling tables that had none (case_history, case_elder_consents, case_roles,
  return_visit_terms), a new one for every row on file, unique through an index: SQLite adds a column
  without rebuilding the table only as nullable and without a constraint;
- ``change_counter`` (one row: 1) and ``exchange_tombstones`` (deleted travelling rows).

Every table is altered with ADD COLUMN, never rebuilt, so the ledger's FTS triggers on cases stay.

Revision ID: 0010_global_identity
Revises: 0009_sealed_personal_data
Create Date: 2026-12-07 09:00:00

"""
from typing import Sequence, Union

import uuid

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010_global_identity'
down_revision: Union[str, Sequence[str], None] = '0009_sealed_personal_data'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SYNCED = ("villages", "cases", "parties", "elders", "case_elders", "role_people", "sittings", "agreements",
          "issued_documents", "performance_terms", "return_visits", "canvasses")
NEW_UUID = ("case_history", "case_elder_consents", "case_roles", "return_visit_terms")
COMMITTEE_ID_SETTING = "committee_id"


def upgrade() -> None:
    bind = op.get_bind()
    committee_id = bind.execute(sa.text("SELECT value FROM settings WHERE key = :key"),
                                {"key": COMMITTEE_ID_SETTING}).scalar()
    if not committee_id:
        committee_id = str(uuid.uuid4())
        bind.execute(sa.text("INSERT INTO settings (key, value) VALUES (:key, :value)"),
                     {"key": COMMITTEE_ID_SETTING, "value": committee_id})

    for table in SYNCED + NEW_UUID:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in NEW_UUID:
                batch_op.add_column(sa.Column('uuid', sa.String(length=36), nullable=True))
            batch_op.add_column(sa.Column('origin', sa.String(length=36), nullable=True))
            batch_op.add_column(sa.Column('row_version', sa.Integer(), server_default='0', nullable=False))
        bind.execute(sa.text(f"UPDATE {table} SET origin = :origin, row_version = 1"), {"origin": committee_id})
        if table in NEW_UUID:
            ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
            if ids:
                bind.execute(sa.text(f"UPDATE {table} SET uuid = :uuid WHERE id = :id"),
                             [{"uuid": str(uuid.uuid4()), "id": row_id} for row_id in ids])
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f'ix_{table}_row_version', ['row_version'], unique=False)
            if table in NEW_UUID:
                batch_op.create_index(f'ix_{table}_uuid', ['uuid'], unique=True)

    op.create_table('change_counter',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('value', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_counter')))
    bind.execute(sa.text("INSERT INTO change_counter (id, value) VALUES (1, 1)"))
    op.create_table('exchange_tombstones',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('table_name', sa.String(length=40), nullable=False),
                    sa.Column('uuid', sa.String(length=36), nullable=False),
                    sa.Column('origin', sa.String(length=36), nullable=True),
                    sa.Column('row_version', sa.Integer(), nullable=False),
                    sa.Column('deleted_at', sa.DateTime(), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_tombstones')))
    with op.batch_alter_table('exchange_tombstones', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_tombstones_row_version', ['row_version'], unique=False)


def downgrade() -> None:
    """Refused: the committee id and the row versions are what the hub knows this committee's records
    by; an older version would write rows without them. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would drop the records' global identity; refused. "
                       "Restore the pre-migration backup instead.")
