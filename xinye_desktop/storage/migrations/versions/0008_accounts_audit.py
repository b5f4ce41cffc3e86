"""User accounts and the hash-chained audit trail (issue 15).

``accounts``: who may log in, with what role, the password's slow hash and the data key wrapped by it.
``audit_log``: one row per write, login, export, backup, restore, print and unmasked number, each
holding the SHA-256 of the row before (domain/audit.py); append-only (two triggers refuse UPDATE and
DELETE), AUTOINCREMENT so that rows cut off the end show.

Upgrade of a folder in use: its ``operator`` setting (设置 → 操作人) becomes the first account, an
administrator who must choose a password at the first start (``must_set_password``, no hash and no
data key yet); the setting itself stays as it was, and that account's creation is the trail's first row.

Revision ID: 0008_accounts_audit
Revises: 0007_prevention_canvasses
Create Date: 2026-12-06 20:31:19.671705

"""
from typing import Sequence, Union

import datetime as dt

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008_accounts_audit'
down_revision: Union[str, Sequence[str], None] = '0007_prevention_canvasses'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UPGRADE_ACTOR = "系统升级"  # as 0006 signs its history lines
# The trail is only ever added to: a row changed or deleted by the app would be a bug, and one changed
# by hand has to drop these first (verify still sees it).
APPEND_ONLY = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
# The same on PostgreSQL (the hub, issue 16): one trigger function, the triggers under the same names, and
# TRUNCATE too (SQLite has none; on PostgreSQL it would empty the table without firing a row trigger).
# SQLSTATE 23001 (restrict_violation): an integrity error, as SQLite's RAISE(ABORT) is, so both engines
# refuse with sqlalchemy.exc.IntegrityError.
APPEND_ONLY_POSTGRESQL = (
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=20), nullable=False),
    sa.Column('display_name', sa.String(length=30), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('wrapped_key', sa.Text(), nullable=False),
    sa.Column('must_set_password', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('last_failed_at', sa.DateTime(), nullable=True),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('failed_logins >= 0', name=op.f('ck_accounts_failed_logins_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('username', name=op.f('uq_accounts_username'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=30), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('row_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_actor_at', ['actor', 'at'], unique=False)
        batch_op.create_index('ix_audit_log_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_log_case_at', ['case_id', 'at'], unique=False)
        batch_op.create_index('ix_audit_log_kind_at', ['kind', 'at'], unique=False)

    for statement in APPEND_ONLY if op.get_bind().dialect.name == "sqlite" else APPEND_ONLY_POSTGRESQL:
        op.execute(statement)
    _first_account_from_operator()


def _first_account_from_operator() -> None:
    from xinye_desktop.domain.accounts import AccountRole, username_from_name
    from xinye_desktop.domain.audit import GENESIS, AuditKind, at_text, row_hash, summary_text

    conn = op.get_bind()
    row = conn.execute(sa.text("SELECT value FROM settings WHERE key = 'operator'")).fetchone()
    operator = (row[0] if row else "").strip()
    username = username_from_name(operator)
    if len(username) < 2:  # no operator was set (or one a user name cannot be made of): set-up makes one
        return
    now = at_text(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    conn.execute(sa.text(
        "INSERT INTO accounts (username, display_name, role, password_hash, wrapped_key, must_set_password, "
        "failed_logins, disabled, created_at, updated_at) "
        "VALUES (:username, :name, :role, '', '', :yes, 0, :no, :now, :now)"),
        {"username": username, "name": operator[:30], "role": AccountRole.ADMIN.value, "now": now,
         "yes": True, "no": False})  # bound: PostgreSQL refuses 1 and 0 for a boolean
    account_id = conn.execute(sa.text("SELECT id FROM accounts WHERE username = :u"), {"u": username}).scalar_one()
    summary = summary_text({"username": username, "display_name": operator[:30], "role": AccountRole.ADMIN.value,
                            "from": "operator_setting", "revision": revision})
    fields = {"id": 1, "at": now, "account_id": account_id, "actor": UPGRADE_ACTOR,
              "kind": AuditKind.ACCOUNT_CREATED.value, "case_id": None, "summary": summary, "prev_hash": GENESIS}
    conn.execute(sa.text(
        "INSERT INTO audit_log (id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash) "
        "VALUES (:id, :at, :account_id, :actor, :kind, :case_id, :summary, :prev_hash, :row_hash)"),
        dict(fields, row_hash=row_hash(**fields)))


def downgrade() -> None:
    """Refused: it would delete the accounts (and the data key wrapped by their passwords) and the audit
    trail. Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the accounts and the audit trail; refused. "
                       "Restore the pre-migration backup instead.")
