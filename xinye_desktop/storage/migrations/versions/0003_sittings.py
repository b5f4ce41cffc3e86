"""Sittings of the guided 法/理/情 mediation: one row per sitting, its steps as one JSON document.

Revision ID: 0003_sittings
Revises: 0002_elder_choice
Create Date: 2026-11-25 03:23:42.763188

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003_sittings'
down_revision: Union[str, Sequence[str], None] = '0002_elder_choice'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('sittings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_sittings_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sittings')),
    sa.UniqueConstraint('case_id', 'number', name='uq_sittings_case_number'),
    sa.UniqueConstraint('uuid', name=op.f('uq_sittings_uuid'))
    )


def downgrade() -> None:
    """Refused: it would delete the recorded sittings. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the recorded sittings; refused. "
                       "Restore the pre-migration backup instead.")
