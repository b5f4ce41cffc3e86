"""The parties' free choice of 明白人 (Arts. 19–20, 23; domain.md §4), conflicts and recusal (回避).

A choice (one elder proposed for one case) is decided by the parties one by one: it stands only
when every party has consented; one refusal sets it aside, and the refusing party may propose
someone else. A conflict of interest must be confirmed by the mediator before the choice counts.
Either the elder or a party may later ask for recusal, and a new choice follows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .elders import Elder, surname_of
from .enums import Labelled
from .errors import Refused
from .i18n import QT_TRANSLATE_NOOP


class Consent(Labelled):
    PENDING = ("pending", QT_TRANSLATE_NOOP("Vocabulary", "未表态"))
    AGREED = ("agreed", QT_TRANSLATE_NOOP("Vocabulary", "同意"))
    REFUSED = ("refused", QT_TRANSLATE_NOOP("Vocabulary", "不同意"))


class ChoiceState(Labelled):
    PROPOSED = ("proposed", QT_TRANSLATE_NOOP("Vocabulary", "待各方表态"))
    CHOSEN = ("chosen", QT_TRANSLATE_NOOP("Vocabulary", "已选定"))
    REFUSED = ("refused", QT_TRANSLATE_NOOP("Vocabulary", "未获同意"))
    RECUSED = ("recused", QT_TRANSLATE_NOOP("Vocabulary", "已回避"))
    WITHDRAWN = ("withdrawn", QT_TRANSLATE_NOOP("Vocabulary", "已撤回"))


class ChoiceEnd(Labelled):
    """How a choice was set aside after it was made; stored, unlike the states derived from consents."""

    RECUSED = ("recused", QT_TRANSLATE_NOOP("Vocabulary", "回避"))
    WITHDRAWN = ("withdrawn", QT_TRANSLATE_NOOP("Vocabulary", "撤回提名"))


class ConflictKind(Labelled):
    IS_PARTY = ("is_party", QT_TRANSLATE_NOOP("Vocabulary", "可能就是明白人本人"))
    SAME_SURNAME_VILLAGE = ("same_surname_village", QT_TRANSLATE_NOOP("Vocabulary", "与明白人同姓同村"))
    DECLARED_RELATION = ("declared_relation", QT_TRANSLATE_NOOP("Vocabulary", "与明白人有申报的关系"))


# Relations people declare between an elder and a party; free text is allowed as well.
RELATION_SUGGESTIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "近亲属"),
    QT_TRANSLATE_NOOP("Vocabulary", "同族亲戚"),
    QT_TRANSLATE_NOOP("Vocabulary", "姻亲"),
    QT_TRANSLATE_NOOP("Vocabulary", "邻居"),
    QT_TRANSLATE_NOOP("Vocabulary", "同事或合伙人"),
    QT_TRANSLATE_NOOP("Vocabulary", "有经济往来"),
    QT_TRANSLATE_NOOP("Vocabulary", "曾有矛盾"),
)


@dataclass(frozen=True)
class PartyRef:
    """What the choice rules need to know of a party."""

    id: int
    name: str
    is_person: bool = True
    phone: str = ""
    birth_year: int | None = None
    lives_in: str = ""  # village where the party lives: the case's village unless the address says otherwise


@dataclass(frozen=True)
class PartyConsent:
    party_id: int
    decision: Consent = Consent.PENDING
    reason: str = ""  # why a party refused; kept with the record
    relation: str = ""  # a declared relation between this party and the elder
    decided_at: dt.datetime | None = None


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    party_id: int
    party_name: str
    detail: str = ""

    @property
    def key(self) -> str:
        """What the mediator confirmed: a conflict that appears later (a new party, a new relation)
        has another key and must be confirmed again."""
        return f"{self.kind.value}:{self.party_id}:{self.detail}"

    def text(self, tr=lambda s: s) -> str:
        """明白人与当事人张三同姓同村, with the relation when one was declared (a suggested relation such
        as 同族亲戚 is translated too; one typed in is shown as typed)."""
        base = tr(self.kind.label)
        if self.detail:
            return f"{self.party_name}：{base}（{tr(self.detail)}）"
        return f"{self.party_name}：{base}"


# What may stand right before a village's name in an address: 新野县王庄镇王庄村3组.
_BEFORE_VILLAGE = set("县市区镇乡道处场")


def address_in_village(address: str, village: str) -> bool:
    """Whether the address lies in the village: its name as a whole word, so that an address in
    东王庄村 is not taken for 王庄村."""
    if not address or not village:
        return False
    if address == village:
        return True
    start = address.find(village)
    while start >= 0:
        if start == 0 or address[start - 1] in _BEFORE_VILLAGE:
            return True
        start = address.find(village, start + 1)
    return False


def _lives_in(party: PartyRef, village: str) -> bool:
    return address_in_village(party.lives_in, village)


def find_conflicts(elder: Elder, parties: list[PartyRef], relations: dict[int, str] | None = None) -> list[Conflict]:
    """Every reason the elder may not be impartial towards a party (回避, Art. 15's duty not to take sides)."""
    relations = relations or {}
    found: list[Conflict] = []
    for party in parties:
        if party.is_person and party.name == elder.name and (
                (party.phone and party.phone == elder.phone)
                or (party.birth_year is not None and party.birth_year == elder.birth_year)
                or _lives_in(party, elder.village)):
            found.append(Conflict(ConflictKind.IS_PARTY, party.id, party.name))
        elif (party.is_person and surname_of(party.name) == elder.surname
              and _lives_in(party, elder.village)):
            found.append(Conflict(ConflictKind.SAME_SURNAME_VILLAGE, party.id, party.name))
        relation = relations.get(party.id, "").strip()
        if relation:
            found.append(Conflict(ConflictKind.DECLARED_RELATION, party.id, party.name, relation))
    return found


@dataclass(frozen=True)
class StoredChoice:
    """A proposal as storage keeps it: the answers given so far (by party id) and how it ended, before
    the rules (consents_for, find_conflicts) make an ElderChoice of it for the case's parties now."""

    id: int
    case_id: int
    elder: Elder
    proposed_by: int | None
    consents: dict[int, PartyConsent]
    confirmed: frozenset[str]
    conflict_note: str
    ended: ChoiceEnd | None
    ended_by: int | None
    ended_reason: str
    ended_at: dt.datetime | None
    proposed_at: dt.datetime | None


@dataclass(frozen=True)
class ElderChoice:
    """One elder proposed for one case, with every party's answer."""

    id: int
    elder: Elder
    proposed_by: int | None  # party id; None means the mediation committee proposed
    consents: tuple[PartyConsent, ...]
    conflicts: tuple[Conflict, ...] = ()
    confirmed: frozenset[str] = frozenset()  # keys of the conflicts the mediator confirmed
    conflict_note: str = ""
    ended: ChoiceEnd | None = None
    ended_by: int | None = None  # party id; None with RECUSED means the elder asked
    ended_reason: str = ""
    ended_at: dt.datetime | None = None
    proposed_at: dt.datetime | None = None

    def consent_of(self, party_id: int) -> PartyConsent:
        for consent in self.consents:
            if consent.party_id == party_id:
                return consent
        return PartyConsent(party_id)

    @property
    def state(self) -> ChoiceState:
        if self.ended is ChoiceEnd.RECUSED:
            return ChoiceState.RECUSED
        if self.ended is ChoiceEnd.WITHDRAWN:
            return ChoiceState.WITHDRAWN
        if any(c.decision is Consent.REFUSED for c in self.consents):
            return ChoiceState.REFUSED
        if self.consents and all(c.decision is Consent.AGREED for c in self.consents) and self.conflicts_confirmed:
            return ChoiceState.CHOSEN
        return ChoiceState.PROPOSED

    @property
    def active(self) -> bool:
        """Still in play: waiting for answers, or chosen."""
        return self.state in (ChoiceState.PROPOSED, ChoiceState.CHOSEN)

    @property
    def pending_parties(self) -> list[int]:
        return [c.party_id for c in self.consents if c.decision is Consent.PENDING]

    @property
    def conflicts_confirmed(self) -> bool:
        """Every conflict there is now was confirmed (trivially so when there is none)."""
        return all(c.key in self.confirmed for c in self.conflicts)

    @property
    def needs_conflict_confirmation(self) -> bool:
        return not self.conflicts_confirmed


def consents_for(parties: list[PartyRef], stored: dict[int, PartyConsent]) -> tuple[PartyConsent, ...]:
    """One answer per current party, in the parties' order; a party added later has not answered yet."""
    return tuple(stored.get(p.id, PartyConsent(p.id)) for p in parties)


class ChoiceRefused(Refused):
    """A proposal, consent or recusal the rules do not allow; the message is a Chinese template."""


TERM_OVER_NOTICE = QT_TRANSLATE_NOOP(
    "Selection", "{name}的任期已于{day}届满，尚未重新推选，已不在上墙名单上。当事人仍可自愿选择他（她），"
                 "请先向各方说明，确认后再提名。")


def check_proposal(elder: Elder, choices: list[ElderChoice], proposed_by: int | None,
                   parties: list[PartyRef], *, today: dt.date | None = None,
                   term_over_confirmed: bool = False) -> None:
    """Raise ChoiceRefused when this elder may not be proposed for the case now.

    An elder whose three-year term is over (and who was not chosen again) is no longer on the
    village's list, but the parties may still choose them freely (Arts. 19-20): the mediator must
    confirm that the parties know (``term_over_confirmed``)."""
    if elder.retired:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已退出明白人库，不能再被选为明白人"),
                            name=elder.name)
    if today is not None and elder.term_over(today) and not term_over_confirmed:
        raise ChoiceRefused(TERM_OVER_NOTICE, name=elder.name, day=elder.term_end.isoformat())
    if proposed_by is not None and proposed_by not in {p.id for p in parties}:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "提名人不是本案的当事人"))
    for choice in choices:
        # The same person, also when entered again as a 一事一议 elder.
        if choice.elder.id != elder.id and choice.elder.duplicate_key() != elder.duplicate_key():
            continue
        if choice.state is ChoiceState.RECUSED:
            raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已在本案回避，不能再次提名"), name=elder.name)
        if choice.active:
            raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "{name}已被提名，正在等待各方表态或已选定"),
                                name=elder.name)


def check_decision(choice: ElderChoice, party_id: int, decision: Consent, reason: str) -> None:
    if choice.state in (ChoiceState.RECUSED, ChoiceState.WITHDRAWN):
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "该提名已{end}，不能再表态"), end=choice.ended.label)
    if party_id not in {c.party_id for c in choice.consents}:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "此人不是本案的当事人"))
    if decision is Consent.REFUSED and not reason.strip():
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "请写明不同意的理由"))


def check_end(choice: ElderChoice, end: ChoiceEnd, reason: str) -> None:
    if choice.ended is not None:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "该提名已{end}"), end=choice.ended.label)
    if end is ChoiceEnd.RECUSED and choice.state is ChoiceState.REFUSED:
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "该明白人未获同意，无需回避"))
    if not reason.strip():
        raise ChoiceRefused(QT_TRANSLATE_NOOP("Selection", "请写明理由"))


@dataclass(frozen=True)
class RoleCounts:
    hosts: int = 0
    police_hosts: int = 0
    witnesses: int = 0
    recorders: int = 0


@dataclass(frozen=True)
class Message:
    """A translatable template with its parameters, so the UI shows it in the user's language."""

    template: str
    params: dict = field(default_factory=dict)

    def text(self, tr=lambda s: s) -> str:
        return tr(self.template).format(**self.params)


@dataclass(frozen=True)
class Readiness:
    """Whether mediation may start, and what is still missing (blocking) or unusual (warnings)."""

    missing: tuple["Message", ...] = ()
    warnings: tuple["Message", ...] = ()

    @property
    def ready(self) -> bool:
        return not self.missing


def readiness(choices: list[ElderChoice], parties: list[PartyRef], roles: RoleCounts) -> Readiness:
    """What must still happen before the sitting can start (missing) and what is unusual (warnings).

    Mediation needs at least one 明白人 every party has agreed to, no proposal still waiting for an
    answer, every conflict confirmed by the mediator, and a 主持人.
    """
    names = {p.id: p.name for p in parties}
    missing: list[Message] = []
    warnings: list[Message] = []
    active = [c for c in choices if c.active]
    if not any(c.state is ChoiceState.CHOSEN for c in active):
        missing.append(Message(QT_TRANSLATE_NOOP("Selection", "还没有各方当事人都同意的明白人")))
    for choice in active:
        for party_id in choice.pending_parties:
            missing.append(Message(QT_TRANSLATE_NOOP("Selection", "{party}还没有对明白人{elder}表态"),
                                   {"party": names.get(party_id, "?"), "elder": choice.elder.name}))
        if choice.needs_conflict_confirmation:
            missing.append(Message(QT_TRANSLATE_NOOP("Selection", "明白人{elder}有需要回避的情形，须调解员确认"),
                                   {"elder": choice.elder.name}))
    if roles.hosts == 0:
        missing.append(Message(QT_TRANSLATE_NOOP("Selection", "还没有确定主持人")))
    elif roles.police_hosts == 0:
        warnings.append(Message(QT_TRANSLATE_NOOP("Selection", "主持人中没有联村干警（通常由一名干部和一名联村干警共同主持）")))
    if roles.recorders == 0:
        warnings.append(Message(QT_TRANSLATE_NOOP("Selection", "还没有确定记录人")))
    if roles.witnesses == 0:
        warnings.append(Message(QT_TRANSLATE_NOOP("Selection", "还没有邀请见证人（相关职能部门的工作人员）")))
    return Readiness(tuple(missing), tuple(warnings))
