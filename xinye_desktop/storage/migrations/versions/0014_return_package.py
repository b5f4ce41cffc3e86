"""The hub's return package (issue 16 item 4; services/hub/returns.py, services/exchange/returns_import.py):
at the hub, the return packages written per committee (``hub_returns``) and the village's X25519 key its
packages name (``hub_committees.return_key``, which the return's free text is sealed to); at the village,
the hub's review decisions as the return packages brought them (``return_decisions``). New tables and one
nullable column; nothing on file changes.

Revision ID: 0014_return_package
Revises: 0013_hub_overview
Create Date: 2026-12-07 06:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0014_return_package'
down_revision: Union[str, Sequence[str], None] = '0013_hub_overview'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('hub_committees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('return_key', sa.String(length=64), nullable=True))
    op.create_table('hub_returns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('acknowledged', sa.Integer(), nullable=False),
    sa.Column('decisions', sa.Integer(), nullable=False),
    sa.Column('written_at', sa.DateTime(), nullable=False),
    sa.Column('written_by', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_returns_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_returns')),
    sa.UniqueConstraint('committee_id', 'sequence', name='uq_hub_returns_committee_sequence')
    )
    op.create_table('return_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('case_number', sa.String(length=40), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('reason_withheld', sa.Integer(), nullable=False),
    sa.Column('reviewed_by', sa.Text(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('office', sa.String(length=100), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('return_sequence', sa.Integer(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_decisions')),
    sa.UniqueConstraint('case_uuid', name=op.f('uq_return_decisions_case_uuid'))
    )


def downgrade() -> None:
    """Refused, as 0011's: the tables hold what the hub sent and wrote. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would drop the return packages' decisions; refused. "
                       "Restore the pre-migration backup instead.")
