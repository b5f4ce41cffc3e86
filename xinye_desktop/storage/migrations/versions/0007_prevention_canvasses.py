"""The report's last official figures: each case's 防止民转刑 / 防止群体性上访 (people involved, NULL when
not prevented), and the 排查 records (one row per canvass of a village: 排查次数, 排查发现纠纷数, 预防纠纷数).

The two case columns are added with ALTER TABLE (no rebuild), so the ledger's FTS5 triggers on
``cases`` (migration 0006) stay as they are.

Revision ID: 0007_prevention_canvasses
Revises: 0006_aftercare
Create Date: 2026-12-02 00:04:34.815354

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007_prevention_canvasses'
down_revision: Union[str, Sequence[str], None] = '0006_aftercare'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

PREVENTED = 'prevented_criminal_people IS NOT NULL OR prevented_petition_people IS NOT NULL'


def upgrade() -> None:
    op.create_table('canvasses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('done_by', sa.String(length=60), nullable=False),
    sa.Column('found', sa.Integer(), nullable=False),
    sa.Column('prevented', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=30), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=30), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('found >= 0', name=op.f('ck_canvasses_found_not_negative')),
    sa.CheckConstraint('prevented >= 0', name=op.f('ck_canvasses_prevented_not_negative')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_canvasses_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_canvasses')),
    sa.UniqueConstraint('uuid', name=op.f('uq_canvasses_uuid'))
    )
    with op.batch_alter_table('canvasses', schema=None) as batch_op:
        batch_op.create_index('ix_canvasses_held_on', ['held_on'], unique=False)
        batch_op.create_index('ix_canvasses_village_held_on', ['village_id', 'held_on'], unique=False)

    op.add_column('cases', sa.Column('prevented_criminal_people', sa.Integer(), nullable=True))
    op.add_column('cases', sa.Column('prevented_petition_people', sa.Integer(), nullable=True))
    # Partial and covering: only the cases that prevented something (storage/ledger_queries.py PREVENTED_CASES).
    op.create_index('ix_cases_prevented', 'cases', ['received_date', 'status', 'village_id',
                                                    'prevented_criminal_people', 'prevented_petition_people'],
                    unique=False, sqlite_where=sa.text(PREVENTED), postgresql_where=sa.text(PREVENTED))


def downgrade() -> None:
    """Refused: it would delete the 排查 records and the cases' prevention figures.
    Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the 排查 records and the prevention figures; refused. "
                       "Restore the pre-migration backup instead.")
