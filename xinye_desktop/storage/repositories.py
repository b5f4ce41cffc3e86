"""Repositories: translate between ORM records and domain objects. They never commit."""

from __future__ import annotations

import json
from dataclasses import fields
from enum import Enum
from typing import Callable

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from ..domain.cases import CaseStage, DisputeCase, Party
from ..domain.enums import (
    CaseSource, CaseStatus, ConfirmationStatus, DisputeType, PartyKind, PartyRole, PerformanceStatus, Sex,
)
from ..domain.errors import NotFound
from ..domain.screening import ScreeningAnswers
from .records import (
    CaseHistoryRecord, CaseRecord, CaseSequenceRecord, PartyRecord, SettingRecord, VillageRecord, utcnow,
)
from .sealing import Sealing, open_history_changes, seal_history_changes

# No sealer, data never sealed: what a repository made outside a unit of work reads and writes with.
CLEAR = Sealing()

_PARTY_FIELDS = (
    "kind", "role", "name", "name_initials", "sex", "ethnicity", "birth_date", "age", "occupation",
    "phone", "address", "id_number", "legal_representative", "credit_code", "claims",
)
_SEALED_PARTY_FIELDS = frozenset({"phone", "address", "id_number"})  # storage/sealing.py SEALED_COLUMNS
_SCREENING_FIELDS = ("in_court", "in_police", "in_arbitration", "criminal", "public_security", "party_refuses")


class SettingsRepository:
    def __init__(self, session: Session):
        self._s = session

    def get(self, key: str, default: str = "") -> str:
        record = self._s.get(SettingRecord, key)
        return record.value if record else default

    def set(self, key: str, value: str) -> None:
        record = self._s.get(SettingRecord, key)
        if record is None:
            self._s.add(SettingRecord(key=key, value=value))
        else:
            record.value = value


class VillageRepository:
    def __init__(self, session: Session):
        self._s = session

    def find_or_create(self, name: str, township: str = "") -> VillageRecord:
        record = self._s.scalars(select(VillageRecord).where(VillageRecord.name == name)
                                 .order_by(VillageRecord.id)).first()
        if record is None:
            record = VillageRecord(name=name, township=township)
            self._s.add(record)
            self._s.flush()
        return record


class HistoryRepository:
    def __init__(self, session: Session, actor: Callable[[], str] = lambda: "", sealing: Sealing = CLEAR):
        self._s = session
        self._actor = actor
        self._sealing = sealing

    def add(self, case_id: int, action: str, changes: list[tuple[str, str, str]]) -> None:
        """One history line, signed by the transaction's actor (storage/actor.py); an address changed is
        sealed in it (ID numbers and phones come masked)."""
        self._s.add(CaseHistoryRecord(case_id=case_id, operator=self._actor(), action=action,
                                      changes=json.dumps(seal_history_changes(self._sealing, changes),
                                                         ensure_ascii=False)))

    def latest(self, case_id: int, action: str) -> tuple | None:
        """(at, operator, changes) of the case's latest entry of ``action``, or None."""
        row = self._s.execute(select(CaseHistoryRecord.at, CaseHistoryRecord.operator, CaseHistoryRecord.changes)
                              .where(CaseHistoryRecord.case_id == case_id, CaseHistoryRecord.action == action)
                              .order_by(CaseHistoryRecord.at.desc(), CaseHistoryRecord.id.desc()).limit(1)).first()
        return None if row is None else (row.at, row.operator, self._changes(row.changes))

    def for_case(self, case_id: int) -> list[tuple]:
        rows = self._s.execute(select(CaseHistoryRecord.at, CaseHistoryRecord.operator, CaseHistoryRecord.action,
                                      CaseHistoryRecord.changes)
                               .where(CaseHistoryRecord.case_id == case_id)
                               .order_by(CaseHistoryRecord.at, CaseHistoryRecord.id)).all()
        return [(at, operator, action, self._changes(changes)) for at, operator, action, changes in rows]

    def _changes(self, stored: str) -> list:
        return open_history_changes(self._sealing, json.loads(stored))


class CaseRepository:
    def __init__(self, session: Session, villages: VillageRepository, actor: Callable[[], str] = lambda: "",
                 sealing: Sealing = CLEAR):
        self._s = session
        self._villages = villages
        self._actor = actor
        self._sealing = sealing

    def next_sequence(self, year: int) -> int:
        """Issue the next number of the year. Runs inside the caller's IMMEDIATE transaction,
        so concurrent saves are serialised and a number is never issued twice."""
        bumped = self._s.execute(update(CaseSequenceRecord).where(CaseSequenceRecord.year == year)
                                 .values(last_number=CaseSequenceRecord.last_number + 1))
        if bumped.rowcount == 0:
            highest = self._s.scalar(select(func.max(CaseRecord.sequence)).where(CaseRecord.year == year)) or 0
            self._s.execute(insert(CaseSequenceRecord).values(year=year, last_number=highest + 1))
        return self._s.scalar(select(CaseSequenceRecord.last_number).where(CaseSequenceRecord.year == year))

    def add(self, case: DisputeCase, *, case_number: str, year: int, sequence: int) -> int:
        """Register a new case; its id. Signed by the transaction's actor."""
        actor = self._actor()
        record = CaseRecord(case_number=case_number, year=year, sequence=sequence,
                            created_by=actor, updated_by=actor)
        self._apply(record, case)
        self._s.add(record)
        self._s.flush()
        return record.id

    def load(self, case_id: int) -> CaseRecord:
        record = self._s.scalars(select(CaseRecord).options(selectinload(CaseRecord.parties))
                                 .where(CaseRecord.id == case_id)).first()
        if record is None:
            raise NotFound(case_id)
        return record

    def get(self, case_id: int) -> DisputeCase:
        return to_domain(self.load(case_id), self._sealing)

    def stage(self, case_id: int) -> CaseStage:
        """Where the case stands after intake (status, agreement in effect, 司法确认, prevention)."""
        return stage_to_domain(self._record(case_id))

    def update_stage(self, case_id: int, **changes) -> CaseStage:
        """Move the case on: set the named CaseStage fields (enums by their code), mark it updated and
        flush (so its version is current). The parties are not read: the record is the one already in
        this transaction, or read by its key."""
        record = self._record(case_id)
        for name, value in changes.items():
            if name not in _STAGE_FIELDS:
                raise TypeError(f"not a stage field: {name}")
            setattr(record, name, value.value if isinstance(value, Enum) else value)
        record.updated_at = utcnow()
        self._s.flush()
        return stage_to_domain(record)

    def numbering(self, case_id: int) -> tuple[int, int]:
        """(year, sequence) the case was numbered with (the 卷宗's file number is made from them)."""
        record = self._record(case_id)
        return record.year, record.sequence

    def id_by_number(self, case_number: str) -> int | None:
        """The id of the case with this 案号, or None."""
        return self._s.scalar(select(CaseRecord.id).where(CaseRecord.case_number == case_number))

    def _record(self, case_id: int) -> CaseRecord:
        record = self._s.get(CaseRecord, case_id)
        if record is None:
            raise NotFound(case_id)
        return record

    def replace_content(self, case_id: int, case: DisputeCase) -> None:
        """What intake edits (the case's facts and parties), signed by the transaction's actor."""
        actor = self._actor()  # before touching the record: reading it may autoflush (see _apply)
        record = self.load(case_id)
        self._apply(record, case)
        record.updated_by = actor
        record.updated_at = utcnow()
        self._s.flush()

    def _apply(self, record: CaseRecord, case: DisputeCase) -> None:
        # Look the village up before touching the record: the query autoflushes, and a record
        # flushed half-way through would be UPDATEd twice, its version bumped twice for one save.
        village = self._villages.find_or_create(case.village)
        record.received_date = case.received_date
        record.source = case.source.value
        record.source_note = case.source_note
        record.dispute_type = case.dispute_type.value
        record.dispute_type_note = case.dispute_type_note
        record.village = village
        record.group_name = case.group
        record.facts = case.facts
        record.status = case.status.value
        record.rejection_reason = case.rejection_reason
        record.performance_status = case.performance_status.value if case.performance_status else None
        record.confirmation_status = case.confirmation_status.value if case.confirmation_status else None
        for name in _SCREENING_FIELDS:
            setattr(record, "screen_" + name, getattr(case.screening, name))
        record.party_names = " ".join(p.name for p in case.parties)
        record.party_initials = " ".join(p.name_initials for p in case.parties)
        self._apply_parties(record, case.parties)

    def _apply_parties(self, record: CaseRecord, parties: tuple[Party, ...]) -> None:
        existing = {p.id: p for p in record.parties} if record.id is not None else {}
        kept: set[int] = set()
        for position, party in enumerate(parties):
            target = existing.get(party.id) if party.id is not None else None
            if target is None:
                target = PartyRecord()
                record.parties.append(target)
            else:
                kept.add(target.id)
            target.position = position
            target.withdrawn = False
            for name in _PARTY_FIELDS:
                value = getattr(party, name)
                value = value.value if hasattr(value, "value") else value
                if name in _SEALED_PARTY_FIELDS:  # sealed here, so the services and the domain see clear values
                    value = self._sealing.seal(name, value or "", getattr(target, name))
                setattr(target, name, value)
            target.phone_hash = self._sealing.blind("phone", party.phone)
            target.id_number_hash = self._sealing.blind("id_number", party.id_number)
        for party_id, old in existing.items():
            if party_id not in kept and not old.withdrawn:
                old.withdrawn = True  # kept on file, no longer listed
                old.position = 1000 + old.position


_STAGE_FIELDS = frozenset(f.name for f in fields(CaseStage)) - {"id"}


def stage_to_domain(r: CaseRecord) -> CaseStage:
    return CaseStage(
        id=r.id, status=CaseStatus(r.status), performance_status=PerformanceStatus.from_code(r.performance_status),
        confirmation_status=ConfirmationStatus.from_code(r.confirmation_status), effective_on=r.effective_on,
        confirmable=r.confirmable, confirmation_applied_on=r.confirmation_applied_on,
        confirmation_court=r.confirmation_court, confirmation_decided_on=r.confirmation_decided_on,
        confirmation_number=r.confirmation_number, confirmation_note=r.confirmation_note,
        prevented_criminal_people=r.prevented_criminal_people, prevented_petition_people=r.prevented_petition_people)


def party_to_domain(p: PartyRecord, sealing: Sealing = CLEAR) -> Party:
    return Party(
        kind=PartyKind(p.kind), role=PartyRole(p.role), name=p.name, sex=Sex.from_code(p.sex),
        ethnicity=p.ethnicity, birth_date=p.birth_date, age=p.age, occupation=p.occupation,
        phone=sealing.open("phone", p.phone), address=sealing.open("address", p.address),
        id_number=sealing.open("id_number", p.id_number), legal_representative=p.legal_representative,
        credit_code=p.credit_code, claims=p.claims, name_initials=p.name_initials, id=p.id, uuid=p.uuid,
    )


def to_domain(r: CaseRecord, sealing: Sealing = CLEAR) -> DisputeCase:
    return DisputeCase(
        received_date=r.received_date, source=CaseSource(r.source), source_note=r.source_note,
        dispute_type=DisputeType(r.dispute_type), dispute_type_note=r.dispute_type_note,
        village=r.village.name, group=r.group_name, facts=r.facts,
        parties=tuple(party_to_domain(p, sealing) for p in r.parties if not p.withdrawn),
        screening=ScreeningAnswers(**{n: getattr(r, "screen_" + n) for n in _SCREENING_FIELDS}),
        status=CaseStatus(r.status), rejection_reason=r.rejection_reason,
        performance_status=PerformanceStatus.from_code(r.performance_status),
        confirmation_status=ConfirmationStatus.from_code(r.confirmation_status),
        id=r.id, uuid=r.uuid, case_number=r.case_number, version=r.version,
        created_at=r.created_at, updated_at=r.updated_at,
    )
