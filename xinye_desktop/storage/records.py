"""SQLAlchemy 2 ORM records. These never leave the storage layer: repositories translate them."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy import text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .clock import utcnow
from . import hub_records, return_records
from .ledger_queries import PREVENTED_CASES
from .row_versions import COUNTER_TABLE, TOMBSTONE_TABLE, committee_origin, install_tombstones, next_row_version

# Explicit constraint names keep Alembic batch migrations on SQLite deterministic.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def sealed_text(sqlite_length: int):
    """A column holding a sealed personal value (storage/sealing.py: about 4/3 of the clear text's bytes
    plus 40 characters): TEXT, so that PostgreSQL (issue 16's hub) takes any length. On SQLite the column
    keeps the VARCHAR(n) it was made with before migration 0009: SQLite does not enforce a length, and
    changing the declared type would mean rebuilding parties, which other tables' foreign keys point at."""
    return Text().with_variant(String(sqlite_length), "sqlite")


# The keyed hash (HMAC-SHA256, 32 hex digits) beside a sealed value that is looked up; NULL while clear.
BLIND_LENGTH = 32


def new_uuid() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Travelling:
    """The committee that made the row and its row version (storage/row_versions.py, migration 0010)."""

    origin: Mapped[str | None] = mapped_column(String(36), default=committee_origin)
    row_version: Mapped[int] = mapped_column(Integer, default=next_row_version, onupdate=next_row_version,
                                             server_default="0", index=True)


class Synced(Travelling):
    """Columns of every record that will travel to the township: a stable id and timestamps (UTC), its
    committee of origin and its row version."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Stamped(Travelling):
    """A travelling row of a table that had no uuid before migration 0010 (history lines, answers, the
    people on a case, a visit's terms): the uuid is given there (backfilled), nullable in the schema
    because SQLite adds a column without rebuilding the table only so, and unique through an index."""

    uuid: Mapped[str | None] = mapped_column(String(36), default=new_uuid, index=True, unique=True)


class SettingRecord(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class VillageRecord(Synced, Base):
    __tablename__ = "villages"
    __table_args__ = (UniqueConstraint("township", "name", name="uq_villages_township_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township: Mapped[str] = mapped_column(String(30), default="")
    name: Mapped[str] = mapped_column(String(30))


class CaseSequenceRecord(Base):
    """Last case number issued per year; incremented inside the saving transaction."""

    __tablename__ = "case_sequences"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class CaseRecord(Synced, Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("year", "sequence", name="uq_cases_year_sequence"),
        Index("ix_cases_received_date", "received_date"),
        Index("ix_cases_status_received", "status", "received_date"),
        Index("ix_cases_type_received", "dispute_type", "received_date"),
        Index("ix_cases_village_received", "village_id", "received_date"),
        Index("ix_cases_effective_on", "effective_on"),
        # The few cases that prevented something, covering what the report counts of them: a year of a
        # 100,000-case county reads them in under a millisecond instead of every case row (migration 0007).
        Index("ix_cases_prevented", "received_date", "status", "village_id", "prevented_criminal_people",
              "prevented_petition_people", sqlite_where=text(PREVENTED_CASES),
              postgresql_where=text(PREVENTED_CASES)),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    received_date: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(32))
    source_note: Mapped[str] = mapped_column(String(50), default="")
    dispute_type: Mapped[str] = mapped_column(String(32))
    dispute_type_note: Mapped[str] = mapped_column(String(50), default="")
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"))
    group_name: Mapped[str] = mapped_column(String(20), default="")
    facts: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32))
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    performance_status: Mapped[str | None] = mapped_column(String(32))
    confirmation_status: Mapped[str | None] = mapped_column(String(32))
    # 受理审查 answers, kept with the case (以法为准).
    screen_in_court: Mapped[bool] = mapped_column(Boolean, default=False)
    screen_in_police: Mapped[bool] = mapped_column(Boolean, default=False)
    screen_in_arbitration: Mapped[bool] = mapped_column(Boolean, default=False)
    screen_criminal: Mapped[bool] = mapped_column(Boolean, default=False)
    screen_public_security: Mapped[bool] = mapped_column(Boolean, default=False)
    screen_party_refuses: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised for the ledger, rewritten whenever the parties change: the ledger lists and
    # searches 100k cases without joining parties.
    party_names: Mapped[str] = mapped_column(Text, default="")
    party_initials: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(30), default="")
    updated_by: Mapped[str] = mapped_column(String(30), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # After the agreement (migration 0006): the day it took effect (Art. 29 signed and sealed, Art. 30
    # oral: the day it was reached), whether it may go to 司法确认 (None: no written agreement in effect),
    # and the 司法确认 itself (Art. 33; 法释〔2011〕5号).
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmable: Mapped[bool | None] = mapped_column(Boolean)
    confirmation_applied_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmation_court: Mapped[str] = mapped_column(String(60), default="", server_default=text("''"))
    confirmation_decided_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmation_number: Mapped[str] = mapped_column(String(40), default="", server_default=text("''"))  # 调确字
    confirmation_note: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    # The report's 防止民间纠纷转化为刑事案件 / 防止群体性上访 (X件Y人, domain.md §3, migration 0007): the
    # number of people involved when the mediation prevented it, NULL when it did not (checked >= 1 by
    # domain/prevention.py; no CHECK here, which would mean rebuilding cases and its FTS triggers).
    prevented_criminal_people: Mapped[int | None] = mapped_column(Integer)
    prevented_petition_people: Mapped[int | None] = mapped_column(Integer)

    village: Mapped[VillageRecord] = relationship(lazy="joined")
    parties: Mapped[list["PartyRecord"]] = relationship(
        back_populates="case", order_by="PartyRecord.position", cascade="save-update, merge")

    __mapper_args__ = {"version_id_col": version}


class PartyRecord(Synced, Base):
    __tablename__ = "parties"
    __table_args__ = (Index("ix_parties_case_position", "case_id", "position"),
                      Index("ix_parties_phone_hash", "phone_hash"),
                      Index("ix_parties_id_number_hash", "id_number_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(60))
    name_initials: Mapped[str] = mapped_column(String(60), default="")
    sex: Mapped[str | None] = mapped_column(String(8))
    ethnicity: Mapped[str] = mapped_column(String(10), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    age: Mapped[int | None] = mapped_column(Integer)
    occupation: Mapped[str] = mapped_column(String(30), default="")
    # Sealed (storage/sealing.py), with keyed hashes for exact search (migration 0009).
    phone: Mapped[str] = mapped_column(sealed_text(24), default="")
    address: Mapped[str] = mapped_column(sealed_text(100), default="")
    id_number: Mapped[str] = mapped_column(sealed_text(18), default="")
    phone_hash: Mapped[str | None] = mapped_column(String(BLIND_LENGTH))
    id_number_hash: Mapped[str | None] = mapped_column(String(BLIND_LENGTH))
    legal_representative: Mapped[str] = mapped_column(String(30), default="")
    credit_code: Mapped[str] = mapped_column(String(18), default="")
    claims: Mapped[str] = mapped_column(Text, default="")
    # A party removed while editing is kept (data is never deleted without a confirmed action):
    # it is marked withdrawn and drops out of the case's party list.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)

    case: Mapped[CaseRecord] = relationship(back_populates="parties")


class CaseHistoryRecord(Stamped, Base):
    """Who changed what and when. ID numbers and phones are stored masked here."""

    __tablename__ = "case_history"
    __table_args__ = (Index("ix_case_history_case_at", "case_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    operator: Mapped[str] = mapped_column(String(30), default="")
    action: Mapped[str] = mapped_column(String(16))
    changes: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of [field, old, new]


class ElderRecord(Synced, Base):
    """A 明白人 of the village pool (domain.md §4). Retired, never deleted, once they served."""

    __tablename__ = "elders"
    __table_args__ = (Index("ix_elders_village", "village_id"), Index("ix_elders_phone_hash", "phone_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"))
    name: Mapped[str] = mapped_column(String(30))
    name_initials: Mapped[str] = mapped_column(String(30), default="")
    sex: Mapped[str] = mapped_column(String(8))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    group_name: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(sealed_text(24), default="")  # sealed (storage/sealing.py)
    phone_hash: Mapped[str | None] = mapped_column(String(BLIND_LENGTH))
    identity: Mapped[str] = mapped_column(String(32))
    identity_note: Mapped[str] = mapped_column(String(50), default="")
    selection: Mapped[str | None] = mapped_column(String(32))  # None for 一事一议 elders
    selected_on: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    specialties: Mapped[str] = mapped_column(Text, default="")  # comma-separated DisputeType codes
    notes: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    retired_reason: Mapped[str] = mapped_column(Text, default="")
    # 一事一议: chosen by the parties for one case from outside the pool; not listed in the pool.
    ad_hoc: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    village: Mapped[VillageRecord] = relationship(lazy="joined")


class CaseElderRecord(Synced, Base):
    """One 明白人 proposed for one case, by a party or by the committee; the parties answer it."""

    __tablename__ = "case_elders"
    # The elder index covers what the pool's case counts read (benchmarks/elder_choice.py).
    __table_args__ = (Index("ix_case_elders_case", "case_id"),
                      Index("ix_case_elders_elder", "elder_id", "ended", "case_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("elders.id"))
    proposed_by_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))  # None: the committee
    # Keys of the conflicts the mediator confirmed, one per line (see domain Conflict.key).
    confirmed_conflicts: Mapped[str] = mapped_column(Text, default="")
    conflict_note: Mapped[str] = mapped_column(Text, default="")
    ended: Mapped[str | None] = mapped_column(String(16))  # ChoiceEnd code
    ended_by_party_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    ended_reason: Mapped[str] = mapped_column(Text, default="")
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    elder: Mapped[ElderRecord] = relationship(lazy="joined")
    consents: Mapped[list["ElderConsentRecord"]] = relationship(
        back_populates="choice", order_by="ElderConsentRecord.id", cascade="save-update, merge")


class ElderConsentRecord(Stamped, Base):
    """One party's answer to one proposed 明白人, and any relation declared between them."""

    __tablename__ = "case_elder_consents"
    __table_args__ = (UniqueConstraint("case_elder_id", "party_id", name="uq_case_elder_consents_choice_party"),
                      Index("ix_case_elder_consents_choice_decision", "case_elder_id", "decision"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_elder_id: Mapped[int] = mapped_column(ForeignKey("case_elders.id"))
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    decision: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str] = mapped_column(Text, default="")
    relation: Mapped[str] = mapped_column(String(50), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    choice: Mapped[CaseElderRecord] = relationship(back_populates="consents")


class RolePersonRecord(Synced, Base):
    """A 主持人, 见证人 or 记录人 kept for reuse. Retired, never deleted, once they served."""

    __tablename__ = "role_people"
    __table_args__ = (Index("ix_role_people_role", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(30))
    name_initials: Mapped[str] = mapped_column(String(30), default="")
    unit: Mapped[str] = mapped_column(String(60), default="")
    post: Mapped[str] = mapped_column(String(30), default="")
    host_kind: Mapped[str | None] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(sealed_text(24), default="")  # sealed (storage/sealing.py)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class CaseRoleRecord(Stamped, Base):
    """A person of the role lists taking part in one case."""

    __tablename__ = "case_roles"
    # The person index serves the ledger's filter by 主持人 (cases one mediator took part in).
    __table_args__ = (UniqueConstraint("case_id", "person_id", name="uq_case_roles_case_person"),
                      Index("ix_case_roles_person", "person_id", "case_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("role_people.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    person: Mapped[RolePersonRecord] = relationship(lazy="joined")


class SittingRecord(Synced, Base):
    """One sitting (第N次调解) of a case: what was recorded step by step, and how it ended.

    The step contents are one JSON document (domain SittingData), saved as each step is filled in.
    """

    __tablename__ = "sittings"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_sittings_case_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    number: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[str] = mapped_column(Text, default="{}")
    outcome: Mapped[str | None] = mapped_column(String(16))  # Outcome code once finished
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class AgreementRecord(Synced, Base):
    """One version of a case's 人民调解协议书.

    A draft holds the form as typed (``content``); printing freezes it: ``document`` is then the
    exact content printed (parties, people, terms), ``digest`` its SHA-256 and ``code`` the
    verification code on every page. A changed agreement is a new version; the old one is kept.
    """

    __tablename__ = "agreements"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_agreements_case_number"),
                      UniqueConstraint("code", name="uq_agreements_code"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    number: Mapped[int] = mapped_column(Integer)  # version 1, 2, ...
    state: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text, default="{}")  # the form as typed (JSON)
    document: Mapped[str | None] = mapped_column(Text)  # what was printed (canonical JSON), once printed
    digest: Mapped[str | None] = mapped_column(String(64))
    code: Mapped[str | None] = mapped_column(String(16))
    pdf_path: Mapped[str | None] = mapped_column(Text)  # relative to the data folder
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)  # the effective date (Art. 29)
    scan_path: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class IssuedDocumentRecord(Synced, Base):
    """A coded document of a case's file (申请书, 受理登记表, 告知书, 口头协议登记表, 化解处理意见书) as it
    was issued: ``document`` is the canonical content printed, ``digest`` its SHA-256, ``code`` the
    verification code on every page. Issuing the same content again finds the same row; changed
    content is a new row, and the older one stays (superseded) so the paper it was printed on still
    verifies. Agreements keep their own, versioned table."""

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("code", name="uq_issued_documents_code"),
                      Index("ix_issued_documents_case_kind", "case_id", "kind"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)  # canonical JSON of what was printed
    digest: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(16))
    pdf_path: Mapped[str | None] = mapped_column(Text)  # relative to the data folder; the latest print
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PerformanceTermRecord(Synced, Base):
    """One term of an agreement in effect, as the committee supervises its performance (Art. 31).
    Written when the agreement takes effect: a signed 协议书's clauses, or an oral agreement's lines."""

    __tablename__ = "performance_terms"
    __table_args__ = (Index("ix_performance_terms_case", "case_id", "position"),
                      Index("ix_performance_terms_deadline", "deadline"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))  # None: an oral agreement
    position: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    obligor: Mapped[str] = mapped_column(String(60), default="")
    amount: Mapped[str] = mapped_column(String(40), default="")  # as printed, e.g. ¥12,000.00
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(32))  # PerformanceStatus code, from the latest visit


class ReturnVisitRecord(Synced, Base):
    """A 回访: planned (due_on), then done (visited_on and what was found), or called off with a reason.
    Never deleted."""

    __tablename__ = "return_visits"
    __table_args__ = (Index("ix_return_visits_case_due", "case_id", "due_on"),
                      Index("ix_return_visits_open_due", "visited_on", "cancelled", "due_on"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    reason: Mapped[str] = mapped_column(String(16))  # VisitReason code
    term_id: Mapped[int | None] = mapped_column(ForeignKey("performance_terms.id"))  # the deadline it follows
    due_on: Mapped[dt.date] = mapped_column(Date)
    visited_on: Mapped[dt.date | None] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(30), default="")
    visited: Mapped[str] = mapped_column(String(120), default="")  # the people visited
    method: Mapped[str | None] = mapped_column(String(16))
    performance: Mapped[str | None] = mapped_column(String(32))  # PerformanceStatus code, overall
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    lawsuit: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancelled_reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(30), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class VisitTermRecord(Stamped, Base):
    """How far one term was performed, as found at one visit."""

    __tablename__ = "return_visit_terms"
    __table_args__ = (UniqueConstraint("visit_id", "term_id", name="uq_return_visit_terms_visit_term"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("return_visits.id"))
    term_id: Mapped[int] = mapped_column(ForeignKey("performance_terms.id"))
    status: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")


class CanvassRecord(Synced, Base):
    """One 排查: a round of canvassing a village for disputes (who, when, how many disputes it found and
    how many it prevented). The report counts the rows as 排查次数. A deleted one is kept, marked
    (``deleted_at``), and counts for nothing."""

    __tablename__ = "canvasses"
    __table_args__ = (Index("ix_canvasses_held_on", "held_on"),
                      Index("ix_canvasses_village_held_on", "village_id", "held_on"),
                      CheckConstraint("found >= 0", name="found_not_negative"),
                      CheckConstraint("prevented >= 0", name="prevented_not_negative"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"))
    held_on: Mapped[dt.date] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(60))
    found: Mapped[int] = mapped_column(Integer)  # 排查发现纠纷数
    prevented: Mapped[int] = mapped_column(Integer)  # 预防纠纷数
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(30), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    deleted_by: Mapped[str] = mapped_column(String(30), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    village: Mapped[VillageRecord] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}


class AccountRecord(Base):
    """A user account of this PC (issue 15). Never deleted (the audit trail names it): disabled.

    ``username`` is stored case-folded (domain/accounts.py username_key); ``password_hash`` is an
    argon2id (or scrypt) PHC string, "" while the account has no password yet (the operator an
    upgrade turned into the first administrator); ``wrapped_key`` is the data key encrypted with a key
    derived from the password (services/keys.py), "" as long as there is no password."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(20), unique=True)
    display_name: Mapped[str] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text, default="")
    wrapped_key: Mapped[str] = mapped_column(Text, default="")
    # True: the account's holder must choose a password at the next login (none yet, or one an
    # administrator set for them).
    must_set_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class AuditRecord(Base):
    """One line of the audit trail, hash-chained to the line before (domain/audit.py). Append-only:
    triggers made in migration 0008 refuse UPDATE and DELETE. AUTOINCREMENT, so that the highest id
    ever issued (sqlite_sequence) shows lines cut off the end."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_case_at", "case_id", "at"),
                      Index("ix_audit_log_actor_at", "actor", "at"), Index("ix_audit_log_kind_at", "kind", "at"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    # No foreign keys: the trail must stay readable whatever happens to the rows it names.
    account_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text)  # JSON object (domain/audit.py summary_text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


class ChangeCounterRecord(Base):
    """The one counter the row versions are taken from (storage/row_versions.py): one row, id 1."""

    __tablename__ = COUNTER_TABLE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class TombstoneRecord(Base):
    """A travelling row that was deleted (storage/row_versions.py): the next package tells the hub."""

    __tablename__ = TOMBSTONE_TABLE

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    uuid: Mapped[str] = mapped_column(String(36))
    origin: Mapped[str | None] = mapped_column(String(36))
    row_version: Mapped[int] = mapped_column(Integer, default=next_row_version, index=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# The tables whose rows travel to the hub (issue 16): each has uuid, origin and row_version.
TRAVELLING_TABLES = frozenset(
    mapper.class_.__tablename__ for mapper in Base.registry.mappers if issubclass(mapper.class_, Travelling))
install_tombstones(Base, TRAVELLING_TABLES)

# The hub's own tables (issue 16 item 3) are part of every database's schema: the hub is the same app.
hub_records.define(Base.metadata)
return_records.define(Base.metadata)
