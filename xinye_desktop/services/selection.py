"""Choosing the 明白人 with the parties, and recording the case's 主持人/见证人/记录人.

Every action is one transaction and leaves a line in the case history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..domain.cases import DisputeCase
from ..domain.elders import Candidate, ElderInput, ElderStats, check_elder
from ..domain.enums import CaseStatus, PartyKind
from ..domain.errors import FieldError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roles import HostKind, Role, RolePerson
from ..domain.selection import (
    ChoiceEnd, ChoiceRefused, ChoiceState, Consent, ElderChoice, PartyRef, Readiness, RoleCounts, address_in_village,
    check_decision, check_end, check_proposal, consents_for, find_conflicts, readiness,
)
from ..domain.text import TextError, clean_text
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..storage.database import Database
from .elder_stats import ElderStatsCache
from . import audit
from .access import guard

# Who may still be chosen: before and during mediation. A closed or refused case keeps its record.
EDITABLE_STATUSES = (CaseStatus.ACCEPTED, CaseStatus.MEDIATING)


@dataclass(frozen=True)
class CaseRole:
    person: RolePerson
    added_at: dt.datetime


@dataclass(frozen=True)
class SelectionState:
    case: DisputeCase
    parties: tuple[PartyRef, ...]
    choices: tuple[ElderChoice, ...]
    roles: tuple[CaseRole, ...]
    readiness: Readiness

    @property
    def editable(self) -> bool:
        return self.case.status in EDITABLE_STATUSES

    def party_name(self, party_id: int | None) -> str:
        for party in self.parties:
            if party.id == party_id:
                return party.name
        return ""

    def people(self, role: Role) -> list[RolePerson]:
        return [r.person for r in self.roles if r.person.role is role]

    @property
    def chosen(self) -> list[ElderChoice]:
        return [c for c in self.choices if c.state.value == "chosen"]


def party_refs(case: DisputeCase) -> list[PartyRef]:
    refs = []
    for p in case.parties:
        address = p.address.strip()
        lives_in = case.village if not address or address_in_village(address, case.village) else address
        refs.append(PartyRef(id=p.id, name=p.name, is_person=p.kind is PartyKind.INDIVIDUAL, phone=p.phone,
                             birth_year=p.birth_date.year if p.birth_date else None, lives_in=lives_in))
    return refs


class SelectionService:
    def __init__(self, db: Database, today=dt.date.today, stats: ElderStatsCache | None = None):
        self._db = db
        self._today = today
        self._stats = stats or ElderStatsCache.of(db)  # shared with ElderService

    # -- reads -----------------------------------------------------------------------
    def state(self, case_id: int) -> SelectionState:
        with self._db.transaction() as uow:
            return self._state(uow, case_id)

    def candidates(self, case_id: int, text: str = "", *, only_village: bool = False) -> list[Candidate]:
        """The pool for this case: the case's village first, those who know the dispute type marked."""
        with self._db.transaction() as uow:
            case = uow.cases.get(case_id)
            elders = uow.elders.pool(village=case.village if only_village else None, text=text)
            # The load of other cases; counted only for those listed when a search narrowed the list.
            listed = [e.id for e in elders] if (text.strip() or only_village) and len(elders) < 500 else None
            stats = self._stats.read(uow, listed, except_case=case_id)
        today = self._today()
        rows = [Candidate(e, e.village == case.village, e.knows(case.dispute_type), stats.get(e.id, ElderStats()),
                          e.term_over(today)) for e in elders]
        rows.sort(key=lambda c: (not c.same_village, not c.knows_type, c.stats.open_cases, c.elder.name_initials,
                                 c.elder.id))
        return rows

    def conflicts(self, case_id: int, elder_id: int, relations: dict[int, str] | None = None):
        """What would be flagged if this elder were proposed: to show before proposing."""
        with self._db.transaction() as uow:
            case = uow.cases.get(case_id)
            elder = uow.elders.get(elder_id)
        return find_conflicts(elder, party_refs(case), relations)

    def ad_hoc_conflicts(self, case_id: int, data: ElderInput):
        elder, errors = check_elder(replace(data, ad_hoc=True), self._today())
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            case = uow.cases.get(case_id)
        return find_conflicts(elder, party_refs(case))

    # -- choosing --------------------------------------------------------------------
    def propose(self, case_id: int, elder_id: int, proposed_by: int | None, *,
                conflict_note: str = "", term_over_confirmed: bool = False) -> SelectionState:
        """Propose a pool elder. The proposing party's own consent is recorded with the proposal.

        When the elder has a conflict with a party, ``conflict_note`` is the mediator's record of
        it (the parties were told and still agree); without it the choice cannot stand. An elder
        whose term is over is proposed only with ``term_over_confirmed`` (the parties know it).
        """
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            self._propose(uow, case_id, elder_id, proposed_by, conflict_note, term_over_confirmed)
            return self._done(uow, case_id)

    def propose_ad_hoc(self, case_id: int, data: ElderInput, proposed_by: int | None, *,
                       conflict_note: str = "") -> SelectionState:
        """一事一议: someone outside the pool, chosen for this case only, with the same fields."""
        elder, errors = check_elder(replace(data, ad_hoc=True), self._today())
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            _refuse_pool_member(uow, elder)
            added = uow.elders.add(elder)
            self._propose(uow, case_id, added.id, proposed_by, conflict_note)
            return self._done(uow, case_id)

    def answer(self, choice_id: int, party_id: int, decision: Consent, reason: str = "") -> SelectionState:
        """One party's answer to one proposed elder."""
        reason = _clean(reason, "reason", 300)
        with self._db.transaction() as uow:
            case_id = uow.choices.case_of(choice_id)
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            choice = _find(state, choice_id)
            check_decision(choice, party_id, decision, reason)
            old = uow.choices.answer(choice_id, party_id, decision, reason)
            self._history(uow, case_id, "elder_answer", [(
                QT_TRANSLATE_NOOP("History", "明白人表态"), f"{choice.elder.name}·{state.party_name(party_id)}：{old.label}",
                f"{choice.elder.name}·{state.party_name(party_id)}：{decision.label}" + (f"（{reason}）" if reason else ""))])
            return self._done(uow, case_id)

    def refuse_and_propose(self, choice_id: int, party_id: int, reason: str, *, elder_id: int | None = None,
                           ad_hoc: ElderInput | None = None, conflict_note: str = "",
                           term_over_confirmed: bool = False) -> SelectionState:
        """A party refuses the proposed elder and proposes another, in one step (Art. 23)."""
        reason = _clean(reason, "reason", 300)
        if ad_hoc is not None:
            new_elder, errors = check_elder(replace(ad_hoc, ad_hoc=True), self._today())
            if errors:
                raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            case_id = uow.choices.case_of(choice_id)
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            choice = _find(state, choice_id)
            check_decision(choice, party_id, Consent.REFUSED, reason)
            uow.choices.answer(choice_id, party_id, Consent.REFUSED, reason)
            self._history(uow, case_id, "elder_answer", [(
                QT_TRANSLATE_NOOP("History", "明白人表态"), "",
                f"{choice.elder.name}·{state.party_name(party_id)}：{Consent.REFUSED.label}（{reason}）")])
            if ad_hoc is not None:
                _refuse_pool_member(uow, new_elder)
                elder_id = uow.elders.add(new_elder).id
            if elder_id is not None:
                self._propose(uow, case_id, elder_id, party_id, conflict_note, term_over_confirmed)
            return self._done(uow, case_id)

    def declare_relation(self, choice_id: int, party_id: int, relation: str) -> SelectionState:
        """Record a relation between the elder and a party (亲属, 邻居...); the mediator must then confirm."""
        relation = _clean(relation, "relation", 50)
        with self._db.transaction() as uow:
            case_id = uow.choices.case_of(choice_id)
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            choice = _find(state, choice_id)
            _check_open(choice)
            if party_id not in {p.id for p in state.parties}:
                raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "此人不是本案的当事人"))
            # a new relation is a new conflict: it must be confirmed
            uow.choices.set_relation(choice_id, party_id, relation)
            self._history(uow, case_id, "elder_relation", [(
                QT_TRANSLATE_NOOP("History", "申报关系"), "", f"{choice.elder.name}—{state.party_name(party_id)}：{relation or '无'}")])
            return self._done(uow, case_id)

    def confirm_conflicts(self, choice_id: int, note: str) -> SelectionState:
        """The mediator records that the parties know of the conflict and still want this elder."""
        note = _clean(note, "conflict_note", 300, required=True)
        with self._db.transaction() as uow:
            case_id = uow.choices.case_of(choice_id)
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            choice = _find(state, choice_id)
            _check_open(choice)
            # What the mediator saw and confirmed; a conflict that appears later must be confirmed again.
            uow.choices.confirm_conflicts(choice_id, choice.confirmed | {c.key for c in choice.conflicts}, note)
            self._history(uow, case_id, "elder_confirm", [(
                QT_TRANSLATE_NOOP("History", "回避情形确认"), "", f"{choice.elder.name}：{note}")])
            return self._done(uow, case_id)

    def end(self, choice_id: int, end: ChoiceEnd, reason: str, *, by_party: int | None = None) -> SelectionState:
        """回避 (asked by the elder when ``by_party`` is None, else by that party) or withdrawal."""
        reason = _clean(reason, "ended_reason", 300, required=True)
        with self._db.transaction() as uow:
            case_id = uow.choices.case_of(choice_id)
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            choice = _find(state, choice_id)
            check_end(choice, end, reason)
            if by_party is not None and by_party not in {p.id for p in state.parties}:
                raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "此人不是本案的当事人"))
            uow.choices.end(choice_id, end, reason, by_party)
            who = state.party_name(by_party) if by_party is not None else choice.elder.name
            self._history(uow, case_id, "elder_end", [(
                QT_TRANSLATE_NOOP("History", "明白人人选"), choice.elder.name,
                f"{choice.elder.name}：{end.label}（{who}：{reason}）")])
            return self._done(uow, case_id)

    # -- roles -----------------------------------------------------------------------
    def assign(self, case_id: int, person_id: int) -> SelectionState:
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            person = uow.people.get(person_id)
            if person.retired:
                raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已从名单中停用"), name=person.name)
            if uow.people.assigned(case_id, person_id) is not None:
                raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已是本案的{role}"),
                                    name=person.name, role=person.role.label)
            uow.people.assign(case_id, person_id)
            self._history(uow, case_id, "role_add", [(person.role.label, "", f"{person.name} {person.description}".strip())])
            return self._done(uow, case_id)

    def unassign(self, case_id: int, person_id: int) -> SelectionState:
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            state = self._state(uow, case_id)
            self._check_editable(state)
            person = uow.people.assigned(case_id, person_id)
            if person is None:
                return state
            uow.people.unassign(case_id, person_id)
            self._history(uow, case_id, "role_remove", [(person.role.label, person.name, "")])
            return self._done(uow, case_id)

    # -- internals -------------------------------------------------------------------
    def _propose(self, uow, case_id: int, elder_id: int, proposed_by: int | None, conflict_note: str,
                 term_over_confirmed: bool = False) -> None:
        conflict_note = _clean(conflict_note, "conflict_note", 300)
        state = self._state(uow, case_id)
        self._check_editable(state)
        elder = uow.elders.get(elder_id)
        today = self._today()
        check_proposal(elder, list(state.choices), proposed_by, list(state.parties), today=today,
                       term_over_confirmed=term_over_confirmed)
        conflicts = find_conflicts(elder, list(state.parties))
        # the proposing party's consent comes with the proposal
        uow.choices.add(case_id, elder_id, proposed_by, [p.id for p in state.parties],
                        confirmed={c.key for c in conflicts} if conflicts and conflict_note else (),
                        conflict_note=conflict_note)
        who = state.party_name(proposed_by) if proposed_by is not None else QT_TRANSLATE_NOOP("History", "调委会")
        self._history(uow, case_id, "elder_propose", [(
            QT_TRANSLATE_NOOP("History", "提名明白人"), "",
            f"{elder.name}（{who}提名" + ("，一事一议" if elder.ad_hoc else "")
            + (f"；任期已于{elder.term_end.isoformat()}届满，当事人知情后仍选择" if elder.term_over(today) else "")
            + "）")])

    @staticmethod
    def _check_editable(state: SelectionState) -> None:
        if not state.editable:
            raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "本案状态为“{status}”，不能再更改人选"),
                                status=state.case.status.label)

    @staticmethod
    def _history(uow, case_id: int, action: str, changes) -> None:
        audit.history(uow, case_id, action, changes)

    def _done(self, uow, case_id: int) -> SelectionState:
        """The write's audit row (naming the history lines it wrote), then the state as it now stands."""
        audit.record(uow, AuditKind.SELECTION, case_id)
        return self._state(uow, case_id)

    def _state(self, uow, case_id: int) -> SelectionState:
        case = uow.cases.get(case_id)
        parties = party_refs(case)
        choices = []
        for stored in uow.choices.for_case(case_id):
            relations = {pid: c.relation for pid, c in stored.consents.items() if c.relation}
            choices.append(ElderChoice(
                id=stored.id, elder=stored.elder, proposed_by=stored.proposed_by,
                consents=consents_for(parties, stored.consents),
                conflicts=tuple(find_conflicts(stored.elder, parties, relations)),
                confirmed=stored.confirmed, conflict_note=stored.conflict_note,
                ended=stored.ended, ended_by=stored.ended_by,
                ended_reason=stored.ended_reason, ended_at=stored.ended_at, proposed_at=stored.proposed_at))
        roles = tuple(CaseRole(person, added_at) for person, added_at in uow.people.for_case(case_id))
        people = [r.person for r in roles]
        counts = RoleCounts(
            hosts=sum(p.role is Role.HOST for p in people),
            police_hosts=sum(p.role is Role.HOST and p.host_kind is HostKind.LINK_POLICE for p in people),
            witnesses=sum(p.role is Role.WITNESS for p in people),
            recorders=sum(p.role is Role.RECORDER for p in people))
        return SelectionState(case, tuple(parties), tuple(choices), roles, readiness(choices, parties, counts))


def _refuse_pool_member(uow, elder) -> None:
    """Someone already in the pool is proposed from the pool, not entered again as 一事一议."""
    twin = uow.elders.find_duplicate(elder.name, elder.village, elder.phone)
    if twin is not None:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已在明白人库中，请从候选名单中直接提名"), name=twin.name)


def _check_open(choice: ElderChoice) -> None:
    """Relations and confirmations concern a proposal still in play, not one set aside."""
    if choice.state in (ChoiceState.RECUSED, ChoiceState.WITHDRAWN, ChoiceState.REFUSED):
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "该提名{state}，不能再更改"), state=choice.state.label)


def _find(state: SelectionState, choice_id: int) -> ElderChoice:
    for choice in state.choices:
        if choice.id == choice_id:
            return choice
    raise LookupError(choice_id)


def _clean(value: str, field: str, max_len: int, required: bool = False) -> str:
    try:
        return clean_text(value, max_len=max_len, multiline=True, required=required)
    except TextError as err:
        raise ValidationFailed([FieldError(field, err.message, err.params)]) from None
