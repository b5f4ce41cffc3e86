"""The hub's own tables (issue 16 item 3; storage/hub_records.py): the villages' packages imported into a
司法所's or 司法局's data folder: the committees and their registered signing keys, the packages, every
village row as sent (read-only at the hub), the month figures, the archived documents, the flags for a
person and the hub's reviews. New tables only; nothing on file changes (a village's database gets them
empty: the hub is the same app).

Revision ID: 0011_hub_import
Revises: 0010_global_identity
Create Date: 2026-12-08 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0011_hub_import'
down_revision: Union[str, Sequence[str], None] = '0010_global_identity'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('hub_committees',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township', sa.String(length=30), nullable=False),
    sa.Column('village', sa.String(length=30), nullable=False),
    sa.Column('signing_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=24), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('registered_by', sa.String(length=30), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('confirmed_by', sa.String(length=30), nullable=False),
    sa.Column('acknowledged', sa.Integer(), nullable=False),
    sa.Column('highest_up_to', sa.Integer(), nullable=False),
    sa.Column('last_package_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_committees'))
    )
    op.create_table('hub_flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=True),
    sa.Column('table_name', sa.String(length=40), nullable=True),
    sa.Column('uuid', sa.String(length=36), nullable=True),
    sa.Column('case_number', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=30), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_flags'))
    )
    with op.batch_alter_table('hub_flags', schema=None) as batch_op:
        batch_op.create_index('ix_hub_flags_committee_kind', ['committee_id', 'kind'], unique=False)

    op.create_table('hub_packages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('since', sa.Integer(), nullable=False),
    sa.Column('up_to', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=30), nullable=False),
    sa.Column('ephemeral_key', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_packages_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_packages')),
    sa.UniqueConstraint('manifest_sha256', name=op.f('uq_hub_packages_manifest_sha256'))
    )
    with op.batch_alter_table('hub_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hub_packages_committee_id'), ['committee_id'], unique=False)

    op.create_table('hub_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('reviewed_by', sa.String(length=30), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('based_on_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_reviews_committee_id_hub_committees')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_reviews'))
    )
    with op.batch_alter_table('hub_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_hub_reviews_committee_case', ['committee_id', 'case_uuid'], unique=False)

    op.create_table('hub_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('path', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('stored', sa.String(length=255), nullable=False),
    sa.Column('binding', sa.String(length=40), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_documents_committee_id_hub_committees')),
    sa.ForeignKeyConstraint(['package_id'], ['hub_packages.id'], name=op.f('fk_hub_documents_package_id_hub_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_documents')),
    sa.UniqueConstraint('committee_id', 'path', 'sha256', name='uq_hub_documents_committee_path_sha256')
    )
    op.create_table('hub_figures',
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('up_to', sa.Integer(), nullable=False),
    sa.Column('zero_report', sa.Integer(), nullable=False),
    sa.Column('figures', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_figures_committee_id_hub_committees')),
    sa.ForeignKeyConstraint(['package_id'], ['hub_packages.id'], name=op.f('fk_hub_figures_package_id_hub_packages')),
    sa.PrimaryKeyConstraint('committee_id', 'period', name=op.f('pk_hub_figures'))
    )
    op.create_table('hub_rows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('committee_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=36), nullable=True),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('refs', sa.Text(), nullable=False),
    sa.Column('personal', sa.Text(), nullable=True),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('case_number', sa.String(length=40), nullable=True),
    sa.Column('deleted_version', sa.Integer(), nullable=True),
    sa.Column('deleted_at', sa.String(length=32), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['committee_id'], ['hub_committees.id'], name=op.f('fk_hub_rows_committee_id_hub_committees')),
    sa.ForeignKeyConstraint(['package_id'], ['hub_packages.id'], name=op.f('fk_hub_rows_package_id_hub_packages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hub_rows')),
    sa.UniqueConstraint('committee_id', 'table_name', 'uuid', name='uq_hub_rows_committee_table_uuid')
    )
    with op.batch_alter_table('hub_rows', schema=None) as batch_op:
        batch_op.create_index('ix_hub_rows_case_number', ['case_number'], unique=False)
        batch_op.create_index('ix_hub_rows_committee_case', ['committee_id', 'case_uuid'], unique=False)


def downgrade() -> None:
    """Refused: the tables hold the villages' reports, which the hub may hold nowhere else. Restore the
    pre-migration backup instead."""
    raise RuntimeError("Downgrading would drop the villages' imported packages; refused. "
                       "Restore the pre-migration backup instead.")
