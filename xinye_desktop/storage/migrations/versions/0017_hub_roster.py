"""The hub's roster (花名册) of role people for its villages (issue 16 item 4, "roster updates";
services/hub/roster.py): the 联村干警 and the 见证人 of the township's departments a 司法所 or 司法局 keeps once,
for every village, a township's villages or one committee, and sends down in its return packages, which the villages take
into their own role lists (role_people). One new table, the same on SQLite and PostgreSQL (plain types,
nothing dialect-specific); nothing on file changes.

Revision ID: 0017_hub_roster
Revises: 0016_hub_document_data
Create Date: 2026-12-07 15:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0017_hub_roster'
down_revision: Union[str, Sequence[str], None] = '0016_hub_document_data'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('hub_roster',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=True),
    sa.Column('township', sa.String(length=30), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('host_kind', sa.String(length=16), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('post', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.Text(), nullable=False),
    sa.Column('retired', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=30), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'],
                            name=op.f('fk_hub_roster_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_roster')),
    sa.UniqueConstraint('uuid', name=op.f('uq_hub_roster_uuid'))
    )
    op.create_index('ix_hub_roster_committee', 'hub_roster', ['committee_id'], unique=False)


def downgrade() -> None:
    """Refused, as the other hub revisions': the roster is the hub's own data, kept nowhere else. Restore
    the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the hub's roster of role people; refused. "
                       "Restore the pre-migration backup instead.")
