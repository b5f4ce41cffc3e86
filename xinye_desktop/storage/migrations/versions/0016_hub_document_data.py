"""The hub's sealed documents in the database on PostgreSQL (issue 16 item 5): a county office runs the hub
on one server from several clerks' PCs, each with its own data folder, so a document imported on one PC was
a file the others did not have. ``hub_document_data`` holds the sealed bytes under the name
``hub_documents.stored`` gives; on SQLite (one PC) it stays empty and the documents stay files. One new table,
the same on both engines.

Revision ID: 0016_hub_document_data
Revises: 0015_revoked_keys
Create Date: 2026-12-07 12:45:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0016_hub_document_data'
down_revision: Union[str, Sequence[str], None] = '0015_revoked_keys'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('hub_document_data',
    sa.Column('stored', sa.String(length=255), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'],
                            name=op.f('fk_hub_document_data_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('stored', name=op.f('pk_hub_document_data'))
    )


def downgrade() -> None:
    """Refused: on PostgreSQL the table holds the only copy of the villages' documents."""
    raise RuntimeError("Downgrading would delete the hub's documents kept in the database; refused. "
                       "Restore the pre-migration backup instead.")
