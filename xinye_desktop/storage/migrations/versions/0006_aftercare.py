"""After the agreement: performance terms, return visits, 司法确认 dates, the ledger's full-text index.

Besides the tables, the upgrade fills in what an existing database already knows:
- the FTS5 trigram index over every case (storage/search_index.py), with the triggers that keep it;
- each case's effective date: the signed 协议书's date, else the day of the sitting that reached the
  agreement (older written agreements were kept on paper only); whether it may go to 司法确认;
- the terms of each signed agreement, and a return visit for each agreement still being performed;
- one history entry per case stating its status at the upgrade, so every later change has a start.

Revision ID: 0006_aftercare
Revises: 0005_issued_documents
Create Date: 2026-11-25 05:56:55.585958

"""
from typing import Sequence, Union

import datetime as dt
import json
import re
import uuid

from alembic import op
import sqlalchemy as sa

from xinye_desktop.storage.search_index import CREATE_TABLE, POSTGRESQL_SEARCH, REBUILD, TRIGGERS


# revision identifiers, used by Alembic.
revision: str = '0006_aftercare'
down_revision: Union[str, Sequence[str], None] = '0005_issued_documents'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('performance_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('obligor', sa.String(length=60), nullable=False),
    sa.Column('amount', sa.String(length=40), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreements.id'], name=op.f('fk_performance_terms_agreement_id_agreements')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_performance_terms_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_performance_terms')),
    sa.UniqueConstraint('uuid', name=op.f('uq_performance_terms_uuid'))
    )
    with op.batch_alter_table('performance_terms', schema=None) as batch_op:
        batch_op.create_index('ix_performance_terms_case', ['case_id', 'position'], unique=False)
        batch_op.create_index('ix_performance_terms_deadline', ['deadline'], unique=False)

    op.create_table('return_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('visitor', sa.String(length=30), nullable=False),
    sa.Column('visited', sa.String(length=120), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=True),
    sa.Column('performance', sa.String(length=32), nullable=True),
    sa.Column('satisfaction', sa.String(length=16), nullable=True),
    sa.Column('lawsuit', sa.Text(), nullable=False),
    sa.Column('risks', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('cancelled_reason', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=30), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_return_visits_case_id_cases')),
    sa.ForeignKeyConstraint(['term_id'], ['performance_terms.id'], name=op.f('fk_return_visits_term_id_performance_terms')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_visits')),
    sa.UniqueConstraint('uuid', name=op.f('uq_return_visits_uuid'))
    )
    with op.batch_alter_table('return_visits', schema=None) as batch_op:
        batch_op.create_index('ix_return_visits_case_due', ['case_id', 'due_on'], unique=False)
        batch_op.create_index('ix_return_visits_open_due', ['visited_on', 'cancelled', 'due_on'], unique=False)

    op.create_table('return_visit_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['term_id'], ['performance_terms.id'], name=op.f('fk_return_visit_terms_term_id_performance_terms')),
    sa.ForeignKeyConstraint(['visit_id'], ['return_visits.id'], name=op.f('fk_return_visit_terms_visit_id_return_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_return_visit_terms')),
    sa.UniqueConstraint('visit_id', 'term_id', name='uq_return_visit_terms_visit_term')
    )
    with op.batch_alter_table('case_roles', schema=None) as batch_op:
        batch_op.create_index('ix_case_roles_person', ['person_id', 'case_id'], unique=False)

    # Plain ALTER TABLE ADD COLUMN: batch mode would copy the whole table (and drop its triggers).
    op.add_column('cases', sa.Column('effective_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('confirmable', sa.Boolean(), nullable=True))
    op.add_column('cases', sa.Column('confirmation_applied_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('confirmation_court', sa.String(length=60), server_default=sa.text("''"), nullable=False))
    op.add_column('cases', sa.Column('confirmation_decided_on', sa.Date(), nullable=True))
    op.add_column('cases', sa.Column('confirmation_number', sa.String(length=40), server_default=sa.text("''"), nullable=False))
    op.add_column('cases', sa.Column('confirmation_note', sa.Text(), server_default=sa.text("''"), nullable=False))
    op.create_index('ix_cases_effective_on', 'cases', ['effective_on'], unique=False)

    # The ledger's search index: FTS5 with its triggers on SQLite; on PostgreSQL (the hub, issue 16) the
    # pg_trgm extension and a GIN trigram index over the same columns, which the server keeps by itself.
    if op.get_bind().dialect.name == "sqlite":
        statements = (CREATE_TABLE, *TRIGGERS, REBUILD)
    else:
        statements = POSTGRESQL_SEARCH
    for statement in statements:
        op.execute(statement)
    _backfill(op.get_bind())


# The labels as they stood at this revision (domain/enums.py), for the history entries written here.
_STATUS = {"accepted": "已受理", "mediating": "调解中", "agreement_written": "达成协议（书面）",
           "agreement_oral": "达成协议（口头）", "terminated": "调解终止", "rejected": "不予受理"}
_PERFORMANCE = {"performing": "履行中", "performed": "已履行", "partial": "部分履行", "not_performed": "未履行"}
_CONFIRMATION = {"applied": "司法确认申请中", "confirmed": "已司法确认", "refused": "不予确认"}
# domain/agreement.py at this revision: content that 法释〔2011〕5号 keeps out of 司法确认.
_NOT_CONFIRMABLE = re.compile(r"离婚|解除婚姻|婚姻关系|收养|解除收养|身份关系|亲子关系|确认.{0,4}(父|母|子|女)")
_DEFAULT_INTERVAL_DAYS = 30


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _backfill(conn) -> None:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    setting = conn.exec_driver_sql("SELECT value FROM settings WHERE key='visit_interval_days'").scalar()
    interval = int(setting) if setting and str(setting).isdigit() else _DEFAULT_INTERVAL_DAYS

    # The signed agreement of each case (the latest signed version), and the sitting that reached one.
    signed = {}
    for case_id, agreement_id, signed_on, document in conn.exec_driver_sql(
            "SELECT case_id, id, signed_on, document FROM agreements WHERE state='signed' ORDER BY case_id, number"):
        signed[case_id] = (agreement_id, _day(signed_on), json.loads(document) if document else None)
    reached = dict(conn.exec_driver_sql(
        "SELECT case_id, MAX(held_on) FROM sittings WHERE outcome IN ('written', 'opinion', 'oral') "
        "AND finished_at IS NOT NULL GROUP BY case_id").all())

    cases = conn.exec_driver_sql(
        "SELECT id, status, performance_status, confirmation_status FROM cases ORDER BY id").all()
    updates, terms, visits, history = [], [], [], []
    term_id = (conn.exec_driver_sql("SELECT MAX(id) FROM performance_terms").scalar() or 0)
    for case_id, status, performance, confirmation in cases:
        changes = [["状态", "", _STATUS.get(status, status)]]
        if performance:
            changes.append(["履行情况", "", _PERFORMANCE.get(performance, performance)])
        if confirmation:
            changes.append(["司法确认", "", _CONFIRMATION.get(confirmation, confirmation)])
        history.append({"case_id": case_id, "at": now, "operator": "系统升级", "action": "status_snapshot",
                        "changes": json.dumps(changes, ensure_ascii=False)})
        if status not in ("agreement_written", "agreement_oral"):
            continue
        agreement_id, effective, document = signed.get(case_id, (None, None, None))
        effective = effective or _day(reached.get(case_id))
        if effective is None:
            continue
        confirmable = None
        if status == "agreement_written":
            content = (document or {}).get("content") or {}
            text = "\n".join([content.get("issues") or ""] + [c.get("content") or "" for c in content.get("clauses") or []])
            confirmable = not _NOT_CONFIRMABLE.search(text)
        updates.append({"id": case_id, "effective_on": effective, "confirmable": confirmable})
        names = {p.get("id"): p.get("name") for p in (document or {}).get("parties") or []}
        term_status = "performed" if performance == "performed" else "performing"
        case_terms = []
        for position, clause in enumerate(((document or {}).get("content") or {}).get("clauses") or []):
            term_id += 1
            amount = clause.get("amount")
            case_terms.append({"id": term_id, "uuid": str(uuid.uuid4()), "case_id": case_id,
                               "agreement_id": agreement_id, "position": position,
                               "content": clause.get("content") or "", "obligor": names.get(clause.get("obligor")) or "",
                               "amount": f"¥{float(amount):,.2f}" if amount else "",
                               "deadline": _day(clause.get("deadline")), "status": term_status,
                               "created_at": now, "updated_at": now})
        terms += case_terms
        if performance == "performing":
            visits.append(_visit(case_id, "interval", None, effective + dt.timedelta(days=interval), now))
            for term in case_terms:
                if term["deadline"] is not None and term["deadline"] != visits[-1]["due_on"]:
                    visits.append(_visit(case_id, "term_deadline", term["id"], term["deadline"], now))
    if updates:
        conn.execute(sa.text("UPDATE cases SET effective_on=:effective_on, confirmable=:confirmable WHERE id=:id"),
                     updates)
    if terms:
        conn.execute(sa.table("performance_terms", *(sa.column(k) for k in terms[0])).insert(), terms)
    if visits:
        conn.execute(sa.table("return_visits", *(sa.column(k) for k in visits[0])).insert(), visits)
    if history:
        conn.execute(sa.table("case_history", *(sa.column(k) for k in history[0])).insert(), history)


def _visit(case_id: int, reason: str, term_id, due_on: dt.date, now) -> dict:
    return {"uuid": str(uuid.uuid4()), "case_id": case_id, "reason": reason, "term_id": term_id, "due_on": due_on,
            "visitor": "", "visited": "", "lawsuit": "", "risks": "", "measures": "", "notes": "",
            "cancelled": False, "cancelled_reason": "", "recorded_by": "", "version": 1,
            "created_at": now, "updated_at": now}


def downgrade() -> None:
    """Refused: it would delete the return visits, the terms' performance and the 司法确认 dates.
    Restore the pre-migration backup instead."""
    raise RuntimeError("Downgrading would delete the return visits and the 司法确认 record; refused. "
                       "Restore the pre-migration backup instead.")
