"""Repositories of the 明白人 pool, the per-case choices and the role lists. They never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from ..domain.elders import Elder, ElderStats
from ..domain.enums import CaseStatus, DisputeType, ElderIdentity, ElderSelection, Sex
from ..domain.errors import NotFound
from ..domain.roles import HostKind, Role, RolePerson
from ..domain.selection import ChoiceEnd, Consent, PartyConsent, StoredChoice
from .records import (
    CaseElderRecord, CaseRecord, CaseRoleRecord, ElderConsentRecord, ElderRecord, RolePersonRecord, VillageRecord,
)
from .clock import utcnow
from .repositories import CLEAR, VillageRepository
from .sealing import Sealing

OPEN_STATUSES = (CaseStatus.ACCEPTED.value, CaseStatus.MEDIATING.value)
# The tables ElderRepository.stats counts from (SQL names, for Database.changes): a proposal made, answered or
# ended, and a case whose status moved between open and finished.
STATS_TABLES = (CaseElderRecord.__tablename__, ElderConsentRecord.__tablename__, CaseRecord.__tablename__)


def _escape(text: str) -> str:
    """Typed text taken literally in LIKE: % and _ are not wildcards here."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def elder_to_domain(r: ElderRecord, sealing: Sealing = CLEAR) -> Elder:
    return Elder(
        name=r.name, sex=Sex(r.sex), birth_year=r.birth_year, village=r.village.name, group=r.group_name,
        phone=sealing.open("phone", r.phone), identity=ElderIdentity(r.identity), identity_note=r.identity_note,
        selection=ElderSelection.from_code(r.selection), selected_on=r.selected_on, term_end=r.term_end,
        specialties=tuple(DisputeType(code) for code in r.specialties.split(",") if code),
        notes=r.notes, name_initials=r.name_initials, ad_hoc=r.ad_hoc, retired=r.retired,
        retired_reason=r.retired_reason, id=r.id, uuid=r.uuid,
    )


_ELDER_COLUMNS = ("id", "uuid", "name", "name_initials", "sex", "birth_year", "group_name", "phone", "identity",
                  "identity_note", "selection", "selected_on", "term_end", "specialties", "notes", "ad_hoc",
                  "retired", "retired_reason")
_SEX = {m.value: m for m in Sex}
_IDENTITY = {m.value: m for m in ElderIdentity}
_SELECTION = {m.value: m for m in ElderSelection}
_TYPE = {m.value: m for m in DisputeType}


def _elder_from_row(row, sealing: Sealing = CLEAR) -> Elder:
    """elder_to_domain for a plain row of _ELDER_COLUMNS + village_name (dict lookups, no ORM)."""
    return Elder(
        name=row.name, sex=_SEX[row.sex], birth_year=row.birth_year, village=row.village_name,
        group=row.group_name, phone=sealing.open("phone", row.phone), identity=_IDENTITY[row.identity], identity_note=row.identity_note,
        selection=_SELECTION.get(row.selection), selected_on=row.selected_on, term_end=row.term_end,
        specialties=tuple(_TYPE[code] for code in row.specialties.split(",") if code), notes=row.notes,
        name_initials=row.name_initials, ad_hoc=row.ad_hoc, retired=row.retired, retired_reason=row.retired_reason,
        id=row.id, uuid=row.uuid,
    )


def consent_to_domain(r: ElderConsentRecord) -> PartyConsent:
    return PartyConsent(party_id=r.party_id, decision=Consent(r.decision), reason=r.reason, relation=r.relation,
                        decided_at=r.decided_at)


def person_to_domain(r: RolePersonRecord, sealing: Sealing = CLEAR) -> RolePerson:
    return RolePerson(role=Role(r.role), name=r.name, unit=r.unit, post=r.post,
                      host_kind=HostKind.from_code(r.host_kind), phone=sealing.open("phone", r.phone), name_initials=r.name_initials,
                      retired=r.retired, id=r.id, uuid=r.uuid)


class ElderRepository:
    def __init__(self, session: Session, villages: VillageRepository, sealing: Sealing = CLEAR):
        self._s = session
        self._villages = villages
        self._sealing = sealing

    def load(self, elder_id: int) -> ElderRecord:
        record = self._s.get(ElderRecord, elder_id)
        if record is None:
            raise NotFound(elder_id)
        return record

    def get(self, elder_id: int) -> Elder:
        return elder_to_domain(self.load(elder_id), self._sealing)

    def set_retired(self, elder_id: int, reason: str | None) -> Elder:
        """退出明白人库 with ``reason``, or back in the pool (None)."""
        record = self.load(elder_id)
        record.retired = reason is not None
        record.retired_reason = reason or ""
        return elder_to_domain(record, self._sealing)

    def village_names(self) -> list[tuple[str, bool]]:
        """Every known village's name, by township and name, with whether it has a pool (elders not
        chosen 一事一议)."""
        return [(name, bool(has)) for name, has in self._s.execute(
            select(VillageRecord.name, select(ElderRecord.id).where(ElderRecord.village_id == VillageRecord.id,
                                                                    ElderRecord.ad_hoc.is_(False))
                   .exists().label("has_pool"))
            .order_by(VillageRecord.township, VillageRecord.name)).all()]

    def add(self, elder: Elder) -> Elder:
        record = ElderRecord()
        self.apply(record, elder)
        self._s.add(record)
        self._s.flush()
        return elder_to_domain(record, self._sealing)

    def update(self, elder_id: int, elder: Elder) -> Elder:
        record = self.load(elder_id)
        self.apply(record, elder)
        return elder_to_domain(record, self._sealing)

    def apply(self, record: ElderRecord, elder: Elder) -> None:
        village = self._villages.find_or_create(elder.village)
        record.village = village
        record.name = elder.name
        record.name_initials = elder.name_initials
        record.sex = elder.sex.value
        record.birth_year = elder.birth_year
        record.group_name = elder.group
        record.phone = self._sealing.seal("phone", elder.phone or "", record.phone)
        record.phone_hash = self._sealing.blind("phone", elder.phone or "")
        record.identity = elder.identity.value
        record.identity_note = elder.identity_note
        record.selection = elder.selection.value if elder.selection else None
        record.selected_on = elder.selected_on
        record.term_end = elder.term_end
        record.specialties = ",".join(t.value for t in elder.specialties)
        record.notes = elder.notes
        record.ad_hoc = elder.ad_hoc

    def find_duplicate(self, name: str, village: str, phone: str, exclude_id: int | None = None) -> Elder | None:
        """An entry of the same person: same name, village and phone (retired ones included). A sealed phone
        is compared by its keyed hash; one still clear (no hash) by its text."""
        query = (select(ElderRecord).join(ElderRecord.village)
                 .where(ElderRecord.name == name, VillageRecord.name == village, self._same_phone(phone),
                        ElderRecord.ad_hoc.is_(False)))
        if exclude_id is not None:
            query = query.where(ElderRecord.id != exclude_id)
        record = self._s.scalars(query.limit(1)).first()
        return elder_to_domain(record, self._sealing) if record else None

    def pool(self, *, village: str | None = None, include_retired: bool = False, text: str = "") -> list[Elder]:
        """The pool, read as plain rows: a county-wide pool has thousands of elders, and loading
        them as ORM entities costs several times the query (benchmarks/elder_choice.py)."""
        e = ElderRecord.__table__.c
        query = (select(*(e[name] for name in _ELDER_COLUMNS), VillageRecord.name.label("village_name"))
                 .join(VillageRecord, VillageRecord.id == e.village_id).where(e.ad_hoc.is_(False)))
        if village:
            query = query.where(VillageRecord.name == village)
        if not include_retired:
            query = query.where(ElderRecord.retired.is_(False))
        text = text.strip()
        if text:
            like = "%" + _escape(text) + "%"
            found = [ElderRecord.name.like(like, escape="\\"),
                     ElderRecord.name_initials.like(_escape(text.lower()) + "%", escape="\\"),
                     # part of a phone only where it is still clear; a sealed one by the full number
                     and_(ElderRecord.phone_hash.is_(None), ElderRecord.phone.like(like, escape="\\"))]
            hashed = self._sealing.blind("phone", text)
            if hashed:
                found.append(ElderRecord.phone_hash == hashed)
            query = query.where(or_(*found))
        query = query.order_by(VillageRecord.name, ElderRecord.retired, ElderRecord.name_initials, ElderRecord.id)
        return [_elder_from_row(row, self._sealing) for row in self._s.execute(query)]

    def _same_phone(self, phone: str):
        hashed = self._sealing.blind("phone", phone or "")
        clear = and_(ElderRecord.phone_hash.is_(None), ElderRecord.phone == phone)
        return clear if hashed is None else or_(ElderRecord.phone_hash == hashed, clear)

    def served(self, elder_id: int) -> bool:
        """Whether the elder was ever proposed for a case: then they are retired, never deleted."""
        return self._s.scalar(select(exists().where(CaseElderRecord.elder_id == elder_id)))

    def delete(self, elder_id: int) -> None:
        self._s.delete(self.load(elder_id))

    def stats(self, elder_ids: Iterable[int] | None = None, *, except_case: int | None = None,
              only_case: int | None = None) -> dict[int, ElderStats]:
        """Per elder: open cases they are proposed or chosen for, and finished cases they served in
        (chosen: every party agreed). Refused, recused and withdrawn proposals do not count.
        ``only_case``: what that one case adds to the counts (0 or 1 each), read from its own rows.
        The counts are read from STATS_TABLES."""
        def answered(decision: Consent):
            return exists().where(ElderConsentRecord.case_elder_id == CaseElderRecord.id,
                                  ElderConsentRecord.decision == decision.value)

        is_open = CaseRecord.status.in_(OPEN_STATUSES)
        query = (select(CaseElderRecord.elder_id,
                        func.count(func.distinct(CaseElderRecord.case_id)).filter(is_open),
                        func.count(func.distinct(CaseElderRecord.case_id)).filter(
                            ~is_open, ~answered(Consent.PENDING)))
                 .join(CaseRecord, CaseRecord.id == CaseElderRecord.case_id)
                 .where(CaseElderRecord.ended.is_(None), ~answered(Consent.REFUSED))
                 .group_by(CaseElderRecord.elder_id))
        if elder_ids is not None:
            query = query.where(CaseElderRecord.elder_id.in_(list(elder_ids)))
        if except_case is not None:
            query = query.where(CaseElderRecord.case_id != except_case)
        if only_case is not None:
            query = query.where(CaseElderRecord.case_id == only_case)
        return {elder_id: ElderStats(open_n, past_n) for elder_id, open_n, past_n in self._s.execute(query)}


def choice_to_domain(r: CaseElderRecord, sealing: Sealing = CLEAR) -> StoredChoice:
    return StoredChoice(
        id=r.id, case_id=r.case_id, elder=elder_to_domain(r.elder, sealing), proposed_by=r.proposed_by_party_id,
        consents={c.party_id: consent_to_domain(c) for c in r.consents},
        confirmed=frozenset(k for k in r.confirmed_conflicts.split("\n") if k), conflict_note=r.conflict_note,
        ended=ChoiceEnd.from_code(r.ended), ended_by=r.ended_by_party_id, ended_reason=r.ended_reason,
        ended_at=r.ended_at, proposed_at=r.created_at)


class ChoiceRepository:
    def __init__(self, session: Session, sealing: Sealing = CLEAR):
        self._s = session
        self._sealing = sealing

    def for_case(self, case_id: int) -> list[StoredChoice]:
        """The case's proposals, in the order they were made."""
        return [choice_to_domain(r, self._sealing) for r in self._s.scalars(
            select(CaseElderRecord).where(CaseElderRecord.case_id == case_id)
            .order_by(CaseElderRecord.created_at, CaseElderRecord.id))]

    def case_of(self, choice_id: int) -> int:
        return self._load(choice_id).case_id

    def add(self, case_id: int, elder_id: int, proposed_by: int | None, party_ids: Iterable[int], *,
            confirmed: Iterable[str] = (), conflict_note: str = "", at: dt.datetime | None = None) -> int:
        """Propose an elder: every party's answer pending, the proposing party's agreed (``at``); the
        conflicts the mediator confirmed with it, if any. Its id."""
        record = CaseElderRecord(case_id=case_id, elder_id=elder_id, proposed_by_party_id=proposed_by,
                                 confirmed_conflicts="", conflict_note="", ended_reason="")
        self._s.add(record)
        self._s.flush()
        keys = sorted(confirmed)
        if keys:
            record.confirmed_conflicts = "\n".join(keys)
            record.conflict_note = conflict_note
        for party_id in party_ids:
            consent = self._consent(record, party_id)
            if party_id == proposed_by:  # proposing someone is agreeing to them
                consent.decision, consent.decided_at = Consent.AGREED.value, at or utcnow()
        self._s.flush()
        return record.id

    def answer(self, choice_id: int, party_id: int, decision: Consent, reason: str = "",
               at: dt.datetime | None = None) -> Consent:
        """One party's answer (a reason kept with a refusal); the answer it replaces."""
        consent = self._consent(self._load(choice_id), party_id)
        old = Consent(consent.decision)
        consent.decision = decision.value
        consent.reason = reason if decision is Consent.REFUSED else ""
        consent.decided_at = None if decision is Consent.PENDING else (at or utcnow())
        self._s.flush()
        return old

    def set_relation(self, choice_id: int, party_id: int, relation: str) -> None:
        self._consent(self._load(choice_id), party_id).relation = relation
        self._s.flush()

    def confirm_conflicts(self, choice_id: int, keys: Iterable[str], note: str) -> None:
        record = self._load(choice_id)
        record.confirmed_conflicts = "\n".join(sorted(keys))
        record.conflict_note = note

    def end(self, choice_id: int, end: ChoiceEnd, reason: str, by_party: int | None,
            at: dt.datetime | None = None) -> None:
        record = self._load(choice_id)
        record.ended, record.ended_reason, record.ended_at = end.value, reason, at or utcnow()
        record.ended_by_party_id = by_party

    def _load(self, choice_id: int) -> CaseElderRecord:
        record = self._s.get(CaseElderRecord, choice_id)
        if record is None:
            raise NotFound(choice_id)
        return record

    @staticmethod
    def _consent(record: CaseElderRecord, party_id: int) -> ElderConsentRecord:
        for consent in record.consents:
            if consent.party_id == party_id:
                return consent
        consent = ElderConsentRecord(party_id=party_id, decision=Consent.PENDING.value, reason="", relation="")
        record.consents.append(consent)
        return consent


class RolePeopleRepository:
    def __init__(self, session: Session, sealing: Sealing = CLEAR):
        self._s = session
        self._sealing = sealing

    def load(self, person_id: int) -> RolePersonRecord:
        record = self._s.get(RolePersonRecord, person_id)
        if record is None:
            raise NotFound(person_id)
        return record

    def set_retired(self, person_id: int, retired: bool) -> None:
        self.load(person_id).retired = retired

    def people(self, role: Role | None = None, *, include_retired: bool = False, text: str = "") -> list[RolePerson]:
        query = select(RolePersonRecord)
        if role is not None:
            query = query.where(RolePersonRecord.role == role.value)
        if not include_retired:
            query = query.where(RolePersonRecord.retired.is_(False))
        text = text.strip()
        if text:
            like = "%" + _escape(text) + "%"
            query = query.where(or_(RolePersonRecord.name.like(like, escape="\\"),
                                    RolePersonRecord.name_initials.like(_escape(text.lower()) + "%", escape="\\"),
                                    RolePersonRecord.unit.like(like, escape="\\")))
        query = query.order_by(RolePersonRecord.role, RolePersonRecord.retired, RolePersonRecord.name_initials,
                               RolePersonRecord.id)
        return [person_to_domain(r, self._sealing) for r in self._s.scalars(query)]

    def find_duplicate(self, person: RolePerson, exclude_id: int | None = None) -> RolePerson | None:
        query = select(RolePersonRecord).where(RolePersonRecord.role == person.role.value,
                                               RolePersonRecord.name == person.name,
                                               RolePersonRecord.unit == person.unit)
        if exclude_id is not None:
            query = query.where(RolePersonRecord.id != exclude_id)
        record = self._s.scalars(query.limit(1)).first()
        return person_to_domain(record, self._sealing) if record else None

    def get(self, person_id: int) -> RolePerson:
        return person_to_domain(self.load(person_id), self._sealing)

    def update(self, person_id: int, person: RolePerson) -> RolePerson:
        record = self.load(person_id)
        self.apply(record, person)
        return person_to_domain(record, self._sealing)

    def apply(self, record: RolePersonRecord, person: RolePerson) -> None:
        record.role = person.role.value
        record.name = person.name
        record.name_initials = person.name_initials
        record.unit = person.unit
        record.post = person.post
        record.host_kind = person.host_kind.value if person.host_kind else None
        record.phone = self._sealing.seal("phone", person.phone or "", record.phone)

    def add(self, person: RolePerson) -> RolePerson:
        record = RolePersonRecord(retired=False)
        self.apply(record, person)
        self._s.add(record)
        self._s.flush()
        return person_to_domain(record, self._sealing)

    def put_from_hub(self, uuid: str, person: RolePerson, *, retired: bool) -> str:
        """A person of the hub's roster as its return package brought it (services/exchange/returns_import.py):
        the row with this uuid made or brought up to date ("new", "updated", "unchanged"), retired where the
        hub retired it ("retired"; never un-retired here: a village may stop choosing someone itself). A
        retired person this village never had is not made ("unchanged"). Never deletes."""
        record = self._s.scalars(select(RolePersonRecord).where(RolePersonRecord.uuid == uuid).limit(1)).first()
        if record is None:
            if retired:
                return "unchanged"
            record = RolePersonRecord(uuid=uuid, retired=False)
            self.apply(record, person)
            self._s.add(record)
            self._s.flush()
            return "new"
        before = person_to_domain(record, self._sealing)
        self.apply(record, person)
        if retired and not record.retired:
            record.retired = True
            return "retired"
        same = (before.role, before.name, before.unit, before.post, before.host_kind, before.phone) == (
            person.role, person.name, person.unit, person.post, person.host_kind, person.phone)
        return "unchanged" if same else "updated"

    def served(self, person_id: int) -> bool:
        return self._s.scalar(select(exists().where(CaseRoleRecord.person_id == person_id)))

    def delete(self, person_id: int) -> None:
        self._s.delete(self.load(person_id))

    def for_case(self, case_id: int) -> list[tuple[RolePerson, dt.datetime]]:
        """The people taking part in the case, with when each was added."""
        return [(person_to_domain(r.person, self._sealing), r.added_at) for r in self._s.scalars(
            select(CaseRoleRecord).where(CaseRoleRecord.case_id == case_id)
            .order_by(CaseRoleRecord.position, CaseRoleRecord.id))]

    def assign(self, case_id: int, person_id: int) -> None:
        position = self._s.scalar(select(func.coalesce(func.max(CaseRoleRecord.position), -1))
                                  .where(CaseRoleRecord.case_id == case_id)) + 1
        record = CaseRoleRecord(case_id=case_id, person_id=person_id, position=position)
        self._s.add(record)
        self._s.flush()

    def assigned(self, case_id: int, person_id: int) -> RolePerson | None:
        """The person, when taking part in the case; else None."""
        record = self._assignment(case_id, person_id)
        return person_to_domain(record.person, self._sealing) if record else None

    def unassign(self, case_id: int, person_id: int) -> None:
        record = self._assignment(case_id, person_id)
        if record is not None:
            self._s.delete(record)

    def _assignment(self, case_id: int, person_id: int) -> CaseRoleRecord | None:
        return self._s.scalars(select(CaseRoleRecord).where(and_(CaseRoleRecord.case_id == case_id,
                                                                  CaseRoleRecord.person_id == person_id))).first()
