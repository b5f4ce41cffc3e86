"""The parties' choice of 明白人 per case with each party's consent; lists of 主持人/见证人/记录人.

Elders gain ad_hoc (一事一议, outside the pool) and a reason when retired; their selection may be
empty for ad-hoc elders.

Revision ID: 0002_elder_choice
Revises: 0001_initial
Create Date: 2026-11-25 02:42:25.335618

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0002_elder_choice'
down_revision: Union[str, Sequence[str], None] = '0001_initial'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_reason', sa.Text(), server_default='', nullable=False))
        # sa.false(): DEFAULT 0 on SQLite, DEFAULT false on PostgreSQL (which refuses an integer for a boolean).
        batch_op.add_column(sa.Column('ad_hoc', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.alter_column('selection',
               existing_type=sa.VARCHAR(length=32),
               nullable=True)
    # The DEFAULT '' only filled the existing rows; the ORM supplies the value from now on.
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.alter_column('retired_reason', existing_type=sa.Text(), server_default=None)
    op.create_table('role_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('name_initials', sa.String(length=30), nullable=False),
    sa.Column('unit', sa.String(length=60), nullable=False),
    sa.Column('post', sa.String(length=30), nullable=False),
    sa.Column('host_kind', sa.String(length=16), nullable=True),
    sa.Column('phone', sa.String(length=24), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_people')),
    sa.UniqueConstraint('uuid', name=op.f('uq_role_people_uuid'))
    )
    with op.batch_alter_table('role_people', schema=None) as batch_op:
        batch_op.create_index('ix_role_people_role', ['role'], unique=False)

    op.create_table('case_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_roles_case_id_cases')),
    sa.ForeignKeyConstraint(['person_id'], ['role_people.id'], name=op.f('fk_case_roles_person_id_role_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_roles')),
    sa.UniqueConstraint('case_id', 'person_id', name='uq_case_roles_case_person')
    )
    op.create_table('case_elders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('elder_id', sa.Integer(), nullable=False),
    sa.Column('proposed_by_party_id', sa.Integer(), nullable=True),
    sa.Column('confirmed_conflicts', sa.Text(), nullable=False),
    sa.Column('conflict_note', sa.Text(), nullable=False),
    sa.Column('ended', sa.String(length=16), nullable=True),
    sa.Column('ended_by_party_id', sa.Integer(), nullable=True),
    sa.Column('ended_reason', sa.Text(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_elders_case_id_cases')),
    sa.ForeignKeyConstraint(['elder_id'], ['elders.id'], name=op.f('fk_case_elders_elder_id_elders')),
    sa.ForeignKeyConstraint(['ended_by_party_id'], ['parties.id'], name=op.f('fk_case_elders_ended_by_party_id_parties')),
    sa.ForeignKeyConstraint(['proposed_by_party_id'], ['parties.id'], name=op.f('fk_case_elders_proposed_by_party_id_parties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_elders')),
    sa.UniqueConstraint('uuid', name=op.f('uq_case_elders_uuid'))
    )
    with op.batch_alter_table('case_elders', schema=None) as batch_op:
        batch_op.create_index('ix_case_elders_case', ['case_id'], unique=False)
        batch_op.create_index('ix_case_elders_elder', ['elder_id', 'ended', 'case_id'], unique=False)

    op.create_table('case_elder_consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_elder_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('relation', sa.String(length=50), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_elder_id'], ['case_elders.id'], name=op.f('fk_case_elder_consents_case_elder_id_case_elders')),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_case_elder_consents_party_id_parties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_elder_consents')),
    sa.UniqueConstraint('case_elder_id', 'party_id', name='uq_case_elder_consents_choice_party')
    )
    with op.batch_alter_table('case_elder_consents', schema=None) as batch_op:
        batch_op.create_index('ix_case_elder_consents_choice_decision', ['case_elder_id', 'decision'], unique=False)
    # ### end Alembic commands ###


def downgrade() -> None:
    """Going back would drop the choices and consents recorded since: restore the backup copy
    made before the upgrade (backups/before-migration-*.sqlite3) instead."""
    raise RuntimeError("Downgrading would delete the recorded choices of 明白人; refused. "
                       "Restore the pre-migration backup instead.")
