"""The hub's revoked signing keys (issue 16 items 1 and 6; services/hub/committees.py): a clerk revokes a
committee's Ed25519 key when the village PC was lost or stolen or its key leaked. A package signed by a
revoked key is refused from then on (whichever committee it names), and the committee's next package signed
by a new key registers that key, as its first package did. One new table, the same on SQLite and
PostgreSQL (plain types, no partial index, nothing dialect-specific); nothing on file changes.

Revision ID: 0015_revoked_keys
Revises: 0014_return_package
Create Date: 2026-12-07 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0015_revoked_keys'
down_revision: Union[str, Sequence[str], None] = '0014_return_package'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('hub_revoked_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('signing_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=24), nullable=False),
    sa.Column('return_key', sa.String(length=64), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_by', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'],
                            name=op.f('fk_hub_revoked_keys_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_revoked_keys')),
    sa.UniqueConstraint('committee_id', 'signing_key', name='uq_hub_revoked_keys_committee_key')
    )
    op.create_index('ix_hub_revoked_keys_signing_key', 'hub_revoked_keys', ['signing_key'], unique=False)


def downgrade() -> None:
    """Refused, as 0011's and 0014's: dropping the table would trust the revoked keys again. Restore the
    pre-migration backup instead."""
    raise RuntimeError("Downgrading would forget which signing keys were revoked; refused. "
                       "Restore the pre-migration backup instead.")
