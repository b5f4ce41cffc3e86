"""Personal data sealed at rest (issue 15 item 4): the keyed-hash columns beside the sealed fields.

``parties.phone_hash``, ``parties.id_number_hash`` and ``elders.phone_hash`` hold the HMAC-SHA256 of the
normalised value (storage/sealing.py) once the data is sealed, and are NULL while it is clear: the
duplicate check of the 明白人库 and the exact search by a full phone or ID number use them instead of an
equality or LIKE on the clear text.

Nothing is sealed here: a migration has no key. The data stays as it was until the first data key
exists (the administrator's first password); AccountService then seals every personal field in one
transaction and vacuums the file (storage/sealing_upgrade.py).

The sealed columns become TEXT on other engines (the hub of issue 16 runs on PostgreSQL, whose
VARCHAR(n) would refuse a sealed value longer than n); SQLite does not enforce VARCHAR lengths, and
changing the declared type there would mean rebuilding parties under foreign keys, so it keeps them.

Revision ID: 0009_sealed_personal_data
Revises: 0008_accounts_audit
Create Date: 2026-12-06 22:02:04.119954

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0009_sealed_personal_data'
down_revision: Union[str, Sequence[str], None] = '0008_accounts_audit'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SEALED = {"parties": (("phone", 24), ("address", 100), ("id_number", 18)),
          "elders": (("phone", 24),), "role_people": (("phone", 24),)}


def upgrade() -> None:
    with op.batch_alter_table('elders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_hash', sa.String(length=32), nullable=True))
        batch_op.create_index('ix_elders_phone_hash', ['phone_hash'], unique=False)

    with op.batch_alter_table('parties', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_hash', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('id_number_hash', sa.String(length=32), nullable=True))
        batch_op.create_index('ix_parties_id_number_hash', ['id_number_hash'], unique=False)
        batch_op.create_index('ix_parties_phone_hash', ['phone_hash'], unique=False)

    if op.get_bind().dialect.name != "sqlite":
        for table, columns in SEALED.items():
            for column, length in columns:
                op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length),
                                existing_nullable=False)


def downgrade() -> None:
    """Refused: an older version would show the sealed phones and ID numbers as gibberish and save that
    back over them. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would leave sealed personal data an older version cannot read; refused. "
                       "Restore the pre-migration backup instead.")
