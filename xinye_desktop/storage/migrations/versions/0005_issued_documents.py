"""The coded documents of a case's file (申请书, 受理登记表, 告知书, 口头协议登记表, 化解处理意见书), so their codes verify.

Revision ID: 0005_issued_documents
Revises: 0004_agreements
Create Date: 2026-11-25 05:46:05.365687

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005_issued_documents'
down_revision: Union[str, Sequence[str], None] = '0004_agreements'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('pdf_path', sa.Text(), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_issued_documents_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('code', name='uq_issued_documents_code'),
    sa.UniqueConstraint('uuid', name=op.f('uq_issued_documents_uuid'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index('ix_issued_documents_case_kind', ['case_id', 'kind'], unique=False)



def downgrade() -> None:
    """Refused: it would delete the record of issued documents. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the record of issued documents; refused. "
                       "Restore the pre-migration backup instead.")
