"""The guided 法/理/情 sitting of a 三理室 (domain.md §1, §4): its steps and what each still needs.

UI-agnostic, like a wizard's page logic kept apart from its pages: ``evaluate`` takes what was
recorded so far and says, per step, whether it is complete and what is missing, and which outcomes
are open. The tab renders it; tests drive it headless.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .enums import DisputeType, Labelled
from .i18n import QT_TRANSLATE_NOOP
from .selection import Message


class Step(Labelled):
    OPENING = ("opening", QT_TRANSLATE_NOOP("Vocabulary", "开场"))
    STATEMENTS = ("statements", QT_TRANSLATE_NOOP("Vocabulary", "说理"))
    LAW = ("law", QT_TRANSLATE_NOOP("Vocabulary", "以法为准"))
    REASON = ("reason", QT_TRANSLATE_NOOP("Vocabulary", "以理为基"))
    FEELING = ("feeling", QT_TRANSLATE_NOOP("Vocabulary", "以情为引"))
    WITNESS = ("witness", QT_TRANSLATE_NOOP("Vocabulary", "见证人"))
    OUTCOME = ("outcome", QT_TRANSLATE_NOOP("Vocabulary", "处理"))


class Outcome(Labelled):
    WRITTEN = ("written", QT_TRANSLATE_NOOP("Vocabulary", "达成书面协议"))
    ORAL = ("oral", QT_TRANSLATE_NOOP("Vocabulary", "达成口头协议"))
    OPINION = ("opinion", QT_TRANSLATE_NOOP("Vocabulary", "形成化解意见"))
    TERMINATED = ("terminated", QT_TRANSLATE_NOOP("Vocabulary", "调解终止"))
    ADJOURNED = ("adjourned", QT_TRANSLATE_NOOP("Vocabulary", "择日再调"))


class Route(Labelled):
    """Where the parties may go when mediation ends without agreement (Art. 26)."""

    LITIGATION = ("litigation", QT_TRANSLATE_NOOP("Vocabulary", "向人民法院起诉"))
    ARBITRATION = ("arbitration", QT_TRANSLATE_NOOP("Vocabulary", "申请仲裁"))
    ADMINISTRATIVE = ("administrative", QT_TRANSLATE_NOOP("Vocabulary", "请求行政机关处理"))


class Verdict(Labelled):
    MET = ("met", QT_TRANSLATE_NOOP("Vocabulary", "符合"))
    NOT_MET = ("not_met", QT_TRANSLATE_NOOP("Vocabulary", "不符合"))
    NOT_APPLICABLE = ("na", QT_TRANSLATE_NOOP("Vocabulary", "不涉及"))


class ReasonPoint(Labelled):
    """The 明白人's five points of 以理为基 (domain.md §4: 村风民俗、生产生活惯例)."""

    FAIR = ("fair", QT_TRANSLATE_NOOP("Vocabulary", "公平公正"))
    COMMON_SENSE = ("common_sense", QT_TRANSLATE_NOOP("Vocabulary", "合乎常理"))
    MORALS = ("morals", QT_TRANSLATE_NOOP("Vocabulary", "符合道德准则"))
    FARMING = ("farming", QT_TRANSLATE_NOOP("Vocabulary", "符合生产惯例"))
    CUSTOMS = ("customs", QT_TRANSLATE_NOOP("Vocabulary", "符合生活习俗"))


# The notice read to the parties at the opening (People's Mediation Law Arts. 3–4, 23–24, 31, 33).
RIGHTS_NOTICE = (
    "人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解遵循当事人自愿、平等的原则，"
    "不违背法律、法规和国家政策，尊重当事人的权利，不因未经调解或者调解不成而阻止当事人依法通过仲裁、"
    "行政、司法等途径维护自己的权利。人民调解不收取任何费用。\n"
    "在人民调解活动中，当事人享有下列权利：（一）选择或者接受人民调解员；（二）接受调解、拒绝调解"
    "或者要求终止调解；（三）要求调解公开进行或者不公开进行；（四）自主表达意愿、自愿达成调解协议。\n"
    "在人民调解活动中，当事人履行下列义务：（一）如实陈述纠纷事实；（二）遵守调解现场秩序，"
    "尊重人民调解员；（三）尊重对方当事人行使权利。\n"
    "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。双方当事人认为有必要的，"
    "可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。"
)


def rights_notice_text(parties: int) -> str:
    """The notice for a case of ``parties`` parties: with more than two, 各方当事人 instead of 双方当事人."""
    return RIGHTS_NOTICE if parties <= 2 else RIGHTS_NOTICE.replace("双方当事人", "各方当事人")

MOODS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "平静"), QT_TRANSLATE_NOOP("Vocabulary", "焦虑"),
    QT_TRANSLATE_NOOP("Vocabulary", "对立"), QT_TRANSLATE_NOOP("Vocabulary", "激动"),
    QT_TRANSLATE_NOOP("Vocabulary", "委屈"), QT_TRANSLATE_NOOP("Vocabulary", "缓和"),
    QT_TRANSLATE_NOOP("Vocabulary", "满意"),
)

# Suggestions for the legal basis, per dispute type (以法为准); the mediator may write anything.
LEGAL_BASIS: dict[DisputeType, tuple[str, ...]] = {
    DisputeType.MARRIAGE_FAMILY: ("《民法典》婚姻家庭编", "《民法典》第一千零六十七条（抚养、赡养义务）",
                                  "《老年人权益保障法》第十四条（赡养义务）"),
    DisputeType.NEIGHBOUR: ("《民法典》第二百八十八条（相邻关系：有利生产、方便生活、团结互助、公平合理）",
                            "《民法典》第二百九十条至第二百九十六条（用水、排水、通行、通风、采光）"),
    DisputeType.HOUSING_HOMESTEAD: ("《土地管理法》第六十二条（农村村民一户只能拥有一处宅基地）",
                                    "《土地管理法》第十四条（土地所有权和使用权争议的处理）",
                                    "《民法典》第三百六十二条至第三百六十五条（宅基地使用权）"),
    DisputeType.CONTRACT: ("《民法典》合同编第五百零九条（全面履行义务）", "《民法典》第五百七十七条（违约责任）"),
    DisputeType.PRODUCTION_BUSINESS: ("《民法典》合同编", "《农村土地承包法》"),
    DisputeType.DAMAGES: ("《民法典》第一千一百六十五条（过错责任）", "《民法典》第一千一百七十九条（人身损害赔偿范围）"),
    DisputeType.FOREST_LAND: ("《农村土地承包法》", "《土地管理法》第十四条（土地权属争议）", "《森林法》"),
    DisputeType.EXPROPRIATION: ("《土地管理法》第四十七条至第四十九条（征收程序与补偿）",),
    DisputeType.POLLUTION: ("《民法典》第一千二百二十九条（环境污染责任）", "《环境保护法》"),
    DisputeType.LABOUR: ("《劳动合同法》", "《保障农民工工资支付条例》"),
}


@dataclass
class PartyRecord:
    """What one party said and felt in a sitting."""

    present: bool | None = None
    notice_confirmed: bool = False  # confirmed hearing the rights-and-duties notice (Arts. 23–24)
    voluntary: bool | None = None  # still willing to mediate (Art. 17); False ends the sitting
    statement: str = ""
    claims: str = ""
    mood_start: str = ""
    mood_end: str = ""
    easing: str = ""  # how the 明白人 eased the knot (疏导心结)


@dataclass
class Evidence:
    what: str = ""
    provided_by: int | None = None  # party id
    checked: bool = False
    note: str = ""


@dataclass
class WitnessAnswer:
    person_id: int | None = None
    name: str = ""
    commitment: str = ""  # the department's commitment or answer on the spot


@dataclass
class SittingData:
    """One sitting as recorded so far. Free text is kept as typed; ``evaluate`` judges it."""

    held_on: dt.date | None = None
    place: str = ""
    public: bool | None = None
    public_reason: str = ""  # why not public (privacy, a party's objection; 2002 rules Art. 29)
    attendees: str = ""  # 参加人 and 旁听 other than parties, mediators and the recorder
    notice_read: bool = False
    parties: dict[int, PartyRecord] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    within_scope: bool | None = None
    legal_basis: str = ""
    harms_none: bool | None = None
    corrections: str = ""
    reason: dict[ReasonPoint, tuple[Verdict | None, str]] = field(default_factory=dict)
    witnesses: list[WitnessAnswer] = field(default_factory=list)
    no_witness_needed: bool = False
    outcome: Outcome | None = None
    outcome_text: str = ""  # the oral agreement's content, the resolution opinion, or the adjournment note
    termination_reason: str = ""
    routes: tuple[Route, ...] = ()
    risk: bool = False
    risk_note: str = ""
    police_informed: bool = False

    def party(self, party_id: int) -> PartyRecord:
        return self.parties.setdefault(party_id, PartyRecord())

    def record_of(self, party_id: int | None) -> PartyRecord:
        """What was recorded for a party, or an empty record; unlike ``party`` it adds nothing (documents
        read a sitting, they do not change it)."""
        return self.parties.get(party_id, PartyRecord()) if party_id is not None else PartyRecord()


@dataclass(frozen=True)
class Sitting:
    """One sitting (第N次调解) of a case as stored: what was recorded, and how it ended."""

    id: int
    case_id: int
    number: int
    data: SittingData
    outcome: Outcome | None
    finished_at: dt.datetime | None
    version: int

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class SessionContext:
    """What the rules need to know of the case."""

    party_ids: tuple[int, ...]
    party_names: dict[int, str]
    has_witness: bool = False  # a 见证人 was chosen for the case


@dataclass(frozen=True)
class StepState:
    step: Step
    required: bool
    missing: tuple[Message, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Progress:
    steps: tuple[StepState, ...]
    open_outcomes: tuple[Outcome, ...]
    refused_by: tuple[int, ...]  # parties who declined to go on (Art. 17)
    finish_missing: tuple[Message, ...]  # what stops finishing with the chosen outcome

    def state(self, step: Step) -> StepState:
        return next(s for s in self.steps if s.step is step)

    @property
    def can_finish(self) -> bool:
        return not self.finish_missing


def _m(template: str, **params) -> Message:
    return Message(template, params)


def evaluate(data: SittingData, ctx: SessionContext) -> Progress:
    names = ctx.party_names
    parties = [data.parties.get(pid, PartyRecord()) for pid in ctx.party_ids]
    refused = tuple(pid for pid, p in zip(ctx.party_ids, parties) if p.voluntary is False)

    opening: list[Message] = []
    if data.held_on is None:
        opening.append(_m(QT_TRANSLATE_NOOP("Session", "填写调解日期")))
    if not data.place.strip():
        opening.append(_m(QT_TRANSLATE_NOOP("Session", "填写调解地点")))
    if data.public is None:
        opening.append(_m(QT_TRANSLATE_NOOP("Session", "询问当事人是否公开调解")))
    elif data.public is False and not data.public_reason.strip():
        opening.append(_m(QT_TRANSLATE_NOOP("Session", "写明不公开调解的原因")))
    if not data.notice_read:
        opening.append(_m(QT_TRANSLATE_NOOP("Session", "向当事人宣读权利义务告知")))
    for pid, p in zip(ctx.party_ids, parties):
        if p.present is None:
            opening.append(_m(QT_TRANSLATE_NOOP("Session", "记录{party}是否到场"), party=names[pid]))
        elif p.present:
            if not p.notice_confirmed:
                opening.append(_m(QT_TRANSLATE_NOOP("Session", "{party}确认已听清权利义务"), party=names[pid]))
            if p.voluntary is None:
                opening.append(_m(QT_TRANSLATE_NOOP("Session", "询问{party}是否自愿调解"), party=names[pid]))

    statements: list[Message] = []
    for pid, p in zip(ctx.party_ids, parties):
        if p.present is not False and not p.statement.strip():  # absent parties say nothing
            statements.append(_m(QT_TRANSLATE_NOOP("Session", "记录{party}的陈述"), party=names[pid]))
    for n, item in enumerate(data.evidence, start=1):
        if not item.what.strip():
            statements.append(_m(QT_TRANSLATE_NOOP("Session", "证据{n}：写明是什么证据"), n=n))

    law: list[Message] = []
    if data.within_scope is None:
        law.append(_m(QT_TRANSLATE_NOOP("Session", "主持人确认纠纷属于人民调解的范围")))
    elif data.within_scope is False and not data.corrections.strip():
        law.append(_m(QT_TRANSLATE_NOOP("Session", "写明为何不属于人民调解范围")))
    if not data.legal_basis.strip():
        law.append(_m(QT_TRANSLATE_NOOP("Session", "写明依据的法律、法规或政策")))
    if data.harms_none is None:
        law.append(_m(QT_TRANSLATE_NOOP("Session", "确认处理意见不损害当事人合法权益、第三人和公共利益")))
    elif data.harms_none is False and not data.corrections.strip():
        law.append(_m(QT_TRANSLATE_NOOP("Session", "写明需要纠正的内容")))

    reason: list[Message] = []
    for point in ReasonPoint:
        verdict, note = data.reason.get(point, (None, ""))
        if verdict is None:
            reason.append(_m(QT_TRANSLATE_NOOP("Session", "明白人评“{point}”"), point=point.label))
        elif verdict is Verdict.NOT_MET and not note.strip():
            reason.append(_m(QT_TRANSLATE_NOOP("Session", "“{point}”不符合时写明理由"), point=point.label))

    feeling: list[Message] = []
    for pid, p in zip(ctx.party_ids, parties):
        if p.present is not False and not p.mood_start.strip():
            feeling.append(_m(QT_TRANSLATE_NOOP("Session", "记录{party}开始时的情绪"), party=names[pid]))
        if p.present is not False and not p.mood_end.strip():
            feeling.append(_m(QT_TRANSLATE_NOOP("Session", "记录{party}结束时的情绪"), party=names[pid]))

    witness: list[Message] = []
    if ctx.has_witness and not data.no_witness_needed:
        answered = [w for w in data.witnesses if w.commitment.strip()]
        if not answered:
            witness.append(_m(QT_TRANSLATE_NOOP("Session", "记录见证人当场作出的承诺或答复")))
        for n, w in enumerate(data.witnesses, start=1):
            if w.commitment.strip() and not (w.name.strip() or w.person_id):
                witness.append(_m(QT_TRANSLATE_NOOP("Session", "承诺{n}：写明是哪位见证人作出的"), n=n))

    # Which outcomes are open: a refusal leaves only termination (Art. 17); an agreement needs
    # the law checked (以法为准) and the elder's judgement (以理为基) done.
    agreement_ready = not (opening or statements or law or reason) and data.within_scope is True \
        and data.harms_none is True
    if refused:
        open_outcomes = (Outcome.TERMINATED,)
    elif agreement_ready:
        open_outcomes = tuple(Outcome)
    else:
        open_outcomes = (Outcome.TERMINATED, Outcome.ADJOURNED)

    outcome: list[Message] = []
    chosen = data.outcome
    if chosen is None:
        outcome.append(_m(QT_TRANSLATE_NOOP("Session", "选择处理结果")))
    else:
        if chosen not in open_outcomes:
            outcome.append(_m(QT_TRANSLATE_NOOP("Session", "“{outcome}”需要先完成开场、说理、以法为准和以理为基"),
                              outcome=chosen.label) if not refused else
                           _m(QT_TRANSLATE_NOOP("Session", "有当事人不愿调解，只能终止调解")))
        if chosen in (Outcome.ORAL, Outcome.OPINION) and not data.outcome_text.strip():
            outcome.append(_m(QT_TRANSLATE_NOOP("Session", "写明协议或化解意见的内容")))
        if chosen is Outcome.TERMINATED:
            if not data.termination_reason.strip() and not refused:
                outcome.append(_m(QT_TRANSLATE_NOOP("Session", "写明终止调解的原因")))
            if not data.routes:
                outcome.append(_m(QT_TRANSLATE_NOOP("Session", "告知当事人可以选择的途径（诉讼、仲裁、行政）")))
        if chosen in (Outcome.WRITTEN, Outcome.ORAL, Outcome.OPINION) and feeling:
            outcome.append(_m(QT_TRANSLATE_NOOP("Session", "先完成“以情为引”")))
        if chosen in (Outcome.WRITTEN, Outcome.ORAL, Outcome.OPINION) and witness:
            outcome.append(_m(QT_TRANSLATE_NOOP("Session", "先记录见证人的承诺或答复")))
    if data.risk and not data.risk_note.strip():
        outcome.append(_m(QT_TRANSLATE_NOOP("Session", "写明激化风险的情况")))
    if data.risk and not data.police_informed:
        outcome.append(_m(QT_TRANSLATE_NOOP("Session", "可能激化为治安或刑事案件：须报告公安机关（人民调解法第二十五条）")))

    steps = (
        StepState(Step.OPENING, True, tuple(opening)),
        StepState(Step.STATEMENTS, True, tuple(statements)),
        StepState(Step.LAW, True, tuple(law)),
        StepState(Step.REASON, True, tuple(reason)),
        StepState(Step.FEELING, True, tuple(feeling)),
        StepState(Step.WITNESS, ctx.has_witness, tuple(witness)),
        StepState(Step.OUTCOME, True, tuple(outcome)),
    )
    # An adjourned or terminated sitting need not have gone through every step.
    if chosen in (Outcome.TERMINATED, Outcome.ADJOURNED):
        finish = tuple(outcome) + (tuple(opening[:1]) if data.held_on is None else ())
        if chosen is Outcome.ADJOURNED and not data.outcome_text.strip():
            finish += (_m(QT_TRANSLATE_NOOP("Session", "写明再次调解的安排")),)
    else:
        finish = tuple(m for s in steps if s.required for m in s.missing)
    return Progress(steps, open_outcomes, refused, finish)


# -- storage form -------------------------------------------------------------------------
def sitting_to_dict(data: SittingData) -> dict:
    """A JSON-ready dict of the sitting (party ids as strings, enums as codes)."""
    return {
        "held_on": data.held_on.isoformat() if data.held_on else None,
        "place": data.place, "public": data.public, "public_reason": data.public_reason,
        "attendees": data.attendees, "notice_read": data.notice_read,
        "parties": {str(pid): vars(p).copy() for pid, p in data.parties.items()},
        "evidence": [vars(e).copy() for e in data.evidence],
        "within_scope": data.within_scope, "legal_basis": data.legal_basis, "harms_none": data.harms_none,
        "corrections": data.corrections,
        "reason": {point.value: [verdict.value if verdict else None, note]
                   for point, (verdict, note) in data.reason.items()},
        "witnesses": [vars(w).copy() for w in data.witnesses], "no_witness_needed": data.no_witness_needed,
        "outcome": data.outcome.value if data.outcome else None, "outcome_text": data.outcome_text,
        "termination_reason": data.termination_reason, "routes": [r.value for r in data.routes],
        "risk": data.risk, "risk_note": data.risk_note, "police_informed": data.police_informed,
    }


def sitting_from_dict(raw: dict) -> SittingData:
    """The inverse of sitting_to_dict; unknown keys are ignored, missing ones take their defaults."""
    data = SittingData()
    held_on = raw.get("held_on")
    data.held_on = dt.date.fromisoformat(held_on) if held_on else None
    for name in ("place", "public_reason", "attendees", "legal_basis", "corrections", "outcome_text",
                 "termination_reason", "risk_note"):
        setattr(data, name, str(raw.get(name) or ""))
    for name in ("public", "within_scope", "harms_none"):
        value = raw.get(name)
        setattr(data, name, None if value is None else bool(value))
    for name in ("notice_read", "no_witness_needed", "risk", "police_informed"):
        setattr(data, name, bool(raw.get(name)))
    party_fields = set(PartyRecord.__dataclass_fields__)
    data.parties = {int(pid): PartyRecord(**{k: v for k, v in p.items() if k in party_fields})
                    for pid, p in (raw.get("parties") or {}).items()}
    evidence_fields = set(Evidence.__dataclass_fields__)
    data.evidence = [Evidence(**{k: v for k, v in e.items() if k in evidence_fields}) for e in raw.get("evidence") or []]
    data.reason = {ReasonPoint(code): (Verdict.from_code(v[0]), str(v[1] or ""))
                   for code, v in (raw.get("reason") or {}).items()}
    witness_fields = set(WitnessAnswer.__dataclass_fields__)
    data.witnesses = [WitnessAnswer(**{k: v for k, v in w.items() if k in witness_fields})
                      for w in raw.get("witnesses") or []]
    data.outcome = Outcome.from_code(raw.get("outcome"))
    data.routes = tuple(Route(code) for code in raw.get("routes") or ())
    return data
