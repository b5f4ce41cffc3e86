"""Initial schema: villages, cases with their parties and history, the 明白人 pool, settings.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-25 02:14:56.727053

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0001_initial'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('case_sequences',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_case_sequences'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('villages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_villages')),
    sa.UniqueConstraint('township', 'name', name='uq_villages_township_name'),
    sa.UniqueConstraint('uuid', name=op.f('uq_villages_uuid'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_number', sa.String(length=40), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('received_date', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('source_note', sa.String(length=50), nullable=False),
    sa.Column('dispute_type', sa.String(length=32), nullable=False),
    sa.Column('dispute_type_note', sa.String(length=50), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('group_name', sa.String(length=20), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=False),
    sa.Column('performance_status', sa.String(length=32), nullable=True),
    sa.Column('confirmation_status', sa.String(length=32), nullable=True),
    sa.Column('screen_in_court', sa.Boolean(), nullable=False),
    sa.Column('screen_in_police', sa.Boolean(), nullable=False),
    sa.Column('screen_in_arbitration', sa.Boolean(), nullable=False),
    sa.Column('screen_criminal', sa.Boolean(), nullable=False),
    sa.Column('screen_public_security', sa.Boolean(), nullable=False),
    sa.Column('screen_party_refuses', sa.Boolean(), nullable=False),
    sa.Column('party_names', sa.Text(), nullable=False),
    sa.Column('party_initials', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=30), nullable=False),
    sa.Column('updated_by', sa.String(length=30), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('version >= 1', name=op.f('ck_cases_version_positive')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_cases_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('case_number', name=op.f('uq_cases_case_number')),
    sa.UniqueConstraint('uuid', name=op.f('uq_cases_uuid')),
    sa.UniqueConstraint('year', 'sequence', name='uq_cases_year_sequence')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_received_date', ['received_date'], unique=False)
        batch_op.create_index('ix_cases_status_received', ['status', 'received_date'], unique=False)
        batch_op.create_index('ix_cases_type_received', ['dispute_type', 'received_date'], unique=False)
        batch_op.create_index('ix_cases_village_received', ['village_id', 'received_date'], unique=False)

    op.create_table('elders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('name_initials', sa.String(length=30), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('group_name', sa.String(length=20), nullable=False),
    sa.Column('phone', sa.String(length=24), nullable=False),
    sa.Column('identity', sa.String(length=32), nullable=False),
    sa.Column('identity_note', sa.String(length=50), nullable=False),
    sa.Column('selection', sa.String(length=32), nullable=False),
    sa.Column('selected_on', sa.Date(), nullable=True),
    sa.Column('term_end', sa.Date(), nullable=True),
    sa.Column('specialties', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_elders_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_elders')),
    sa.UniqueConstraint('uuid', name=op.f('uq_elders_uuid'))
    )
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.create_index('ix_elders_village', ['village_id'], unique=False)

    op.create_table('case_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('operator', sa.String(length=30), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_history_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_history'))
    )
    with op.batch_alter_table('case_history', schema=None) as batch_op:
        batch_op.create_index('ix_case_history_case_at', ['case_id', 'at'], unique=False)

    op.create_table('parties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('name_initials', sa.String(length=60), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=True),
    sa.Column('ethnicity', sa.String(length=10), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('age', sa.Integer(), nullable=True),
    sa.Column('occupation', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.String(length=24), nullable=False),
    sa.Column('address', sa.String(length=100), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('legal_representative', sa.String(length=30), nullable=False),
    sa.Column('credit_code', sa.String(length=18), nullable=False),
    sa.Column('claims', sa.Text(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_parties_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parties')),
    sa.UniqueConstraint('uuid', name=op.f('uq_parties_uuid'))
    )
    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.create_index('ix_parties_case_position', ['case_id', 'position'], unique=False)



def downgrade() -> None:
    """Refused: below the first revision there is no schema, and dropping it would drop every record."""
    raise RuntimeError("Downgrading below the initial schema would delete all mediation records; refused.")
