"""人民调解协议书: one row per version, frozen with its digest and verification code once printed.

Revision ID: 0004_agreements
Revises: 0003_sittings
Create Date: 2026-11-25 04:06:26.702217

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004_agreements'
down_revision: Union[str, Sequence[str], None] = '0003_sittings'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('agreements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('document', sa.Text(), nullable=True),
    sa.Column('digest', sa.String(length=64), nullable=True),
    sa.Column('code', sa.String(length=16), nullable=True),
    sa.Column('pdf_path', sa.Text(), nullable=True),
    sa.Column('printed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('scan_path', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_agreements_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreements')),
    sa.UniqueConstraint('case_id', 'number', name='uq_agreements_case_number'),
    sa.UniqueConstraint('code', name='uq_agreements_code'),
    sa.UniqueConstraint('uuid', name=op.f('uq_agreements_uuid'))
    )


def downgrade() -> None:
    """Refused: it would delete the agreements. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the recorded agreements; refused. "
                       "Restore the pre-migration backup instead.")
