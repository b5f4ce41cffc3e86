"""Dispute cases and their parties: what intake (受理登记) collects, and the rules it must pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .enums import (
    ETHNIC_GROUPS, CaseSource, CaseStatus, ConfirmationStatus, DisputeType, PartyKind, PartyRole,
    PerformanceStatus, Sex,
)
from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .identity import MAX_AGE, IdentifierError, check_credit_code, check_id_number, normalise_phone
from .screening import ScreeningAnswers, ScreeningResult, screen
from .search import name_initials
from .text import TextError, age_on, check_person_name, clean_text, parse_date

MIN_PARTIES = 2
MAX_PARTIES = 30
MAX_FACTS_LEN = 8000
"""The most characters the facts may have, at intake (纠纷简要情况) and in the agreement (纠纷主要事实,
domain/agreement.py): one limit, because the agreement's draft starts from the case's facts, which must
always fit. 8,000 rather than intake's former 5,000: agreements already saved with facts up to 8,000
characters stay valid, and the longest facts still print: as one paragraph, an 8-page agreement and a
7-page 申请书 (measured), every page with its coded footer."""


@dataclass
class PartyInput:
    """One party as typed into the form: free text, not yet checked."""

    kind: PartyKind = PartyKind.INDIVIDUAL
    role: PartyRole = PartyRole.APPLICANT
    name: str = ""
    sex: Sex | None = None
    ethnicity: str = "汉族"
    birth_date_text: str = ""
    age_text: str = ""
    occupation: str = ""
    phone: str = ""
    address: str = ""
    id_number: str = ""
    legal_representative: str = ""
    credit_code: str = ""
    claims: str = ""
    party_id: int | None = None  # set when editing a party already saved


    @classmethod
    def from_party(cls, party: "Party") -> "PartyInput":
        """The form as it looks when a saved party is opened for editing."""
        return cls(
            kind=party.kind, role=party.role, name=party.name, sex=party.sex, ethnicity=party.ethnicity,
            birth_date_text=party.birth_date.isoformat() if party.birth_date else "",
            age_text="" if party.age is None or party.birth_date else str(party.age),
            occupation=party.occupation, phone=party.phone, address=party.address, id_number=party.id_number,
            legal_representative=party.legal_representative, credit_code=party.credit_code, claims=party.claims,
            party_id=party.id,
        )


@dataclass
class CaseInput:
    """The intake form as typed."""

    received_date: dt.date | None = None
    source: CaseSource | None = None
    source_note: str = ""
    dispute_type: DisputeType | None = None
    dispute_type_note: str = ""
    village: str = ""
    group: str = ""
    facts: str = ""
    parties: list[PartyInput] = field(default_factory=list)
    screening: ScreeningAnswers = field(default_factory=ScreeningAnswers)


    @classmethod
    def from_case(cls, case: "DisputeCase") -> "CaseInput":
        """The form as it looks when a saved case is opened for editing."""
        return cls(
            received_date=case.received_date, source=case.source, source_note=case.source_note,
            dispute_type=case.dispute_type, dispute_type_note=case.dispute_type_note, village=case.village,
            group=case.group, facts=case.facts, screening=case.screening,
            parties=[PartyInput.from_party(p) for p in case.parties],
        )


@dataclass(frozen=True)
class Party:
    """A checked party, as stored and read back."""

    kind: PartyKind
    role: PartyRole
    name: str
    sex: Sex | None
    ethnicity: str
    birth_date: dt.date | None
    age: int | None
    occupation: str
    phone: str
    address: str
    id_number: str
    legal_representative: str
    credit_code: str
    claims: str
    name_initials: str
    id: int | None = None
    uuid: str | None = None


@dataclass(frozen=True)
class DisputeCase:
    """A checked case, as stored and read back."""

    received_date: dt.date
    source: CaseSource
    source_note: str
    dispute_type: DisputeType
    dispute_type_note: str
    village: str
    group: str
    facts: str
    parties: tuple[Party, ...]
    screening: ScreeningAnswers
    status: CaseStatus = CaseStatus.ACCEPTED
    rejection_reason: str = ""
    performance_status: PerformanceStatus | None = None
    confirmation_status: ConfirmationStatus | None = None
    id: int | None = None
    uuid: str | None = None
    case_number: str | None = None
    version: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def title(self) -> str:
        """张三 与 李四 邻里纠纷: how people name a case."""
        names = "、".join(p.name for p in self.parties[:3]) + ("等" if len(self.parties) > 3 else "")
        return f"{names} {self.dispute_type.label}"

    def with_parties(self, parties: tuple[Party, ...]) -> "DisputeCase":
        return replace(self, parties=parties)


@dataclass(frozen=True)
class CaseStage:
    """Where a case stands after intake, as the sittings and the aftercare move it on: its status, the
    agreement in effect (Art. 29/30: the day it took effect; whether it may go to 司法确认), the 司法确认
    itself (Art. 33) and what the mediation prevented (防止民转刑, 防止群体性上访: people involved)."""

    id: int
    status: CaseStatus
    performance_status: PerformanceStatus | None = None
    confirmation_status: ConfirmationStatus | None = None
    effective_on: dt.date | None = None
    confirmable: bool | None = None  # None: no written agreement in effect and nothing decided
    confirmation_applied_on: dt.date | None = None
    confirmation_court: str = ""
    confirmation_decided_on: dt.date | None = None
    confirmation_number: str = ""  # 调确字
    confirmation_note: str = ""
    prevented_criminal_people: int | None = None
    prevented_petition_people: int | None = None


def _text(errors: list[FieldError], path: str, value: str, **kw) -> str:
    try:
        return clean_text(value, **kw)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return ""


def check_party(p: PartyInput, index: int, on_day: dt.date, today: dt.date) -> tuple[Party | None, list[FieldError]]:
    """Check one party; derive sex, birth date and age from a valid ID number."""
    errors: list[FieldError] = []
    at = f"parties.{index}."
    organisation = p.kind is PartyKind.ORGANISATION

    if organisation:
        name = _text(errors, at + "name", p.name, max_len=60, required=True)
    else:
        try:
            name = check_person_name(p.name)
        except TextError as err:
            errors.append(FieldError(at + "name", err.message, err.params))
            name = ""

    id_number, birth, sex = "", None, p.sex
    if p.id_number.strip() and not organisation:
        try:
            info = check_id_number(p.id_number, today, on_day=on_day)
        except IdentifierError as err:
            errors.append(FieldError(at + "id_number", str(err)))
        else:
            id_number, birth = info.number, info.birth_date
            if sex is not None and sex is not info.sex:
                errors.append(FieldError(at + "sex", QT_TRANSLATE_NOOP("Validation", "性别与身份证号不符")))
            sex = info.sex

    if not organisation:
        try:
            typed_birth = parse_date(p.birth_date_text)
        except TextError as err:
            errors.append(FieldError(at + "birth_date", err.message, err.params))
            typed_birth = None
        if typed_birth:
            if typed_birth > today:
                errors.append(FieldError(at + "birth_date", QT_TRANSLATE_NOOP("Validation", "出生日期不能晚于今天")))
            elif birth and typed_birth != birth:
                errors.append(FieldError(at + "birth_date", QT_TRANSLATE_NOOP("Validation", "出生日期与身份证号不符")))
            elif age_on(typed_birth, on_day) > MAX_AGE:  # the 年龄 field's rule, for the age this date gives
                errors.append(FieldError(at + "birth_date", QT_TRANSLATE_NOOP(
                    "Validation", "出生日期不合理：按此推算年龄超过120岁，请核对")))
            else:
                birth = typed_birth
        if sex is None:
            errors.append(FieldError(at + "sex", QT_TRANSLATE_NOOP("Validation", "请选择性别")))

    age: int | None = None
    if birth:
        age = age_on(birth, on_day)
    elif p.age_text.strip() and not organisation:
        text = p.age_text.strip().removesuffix("岁")
        if text.isdigit() and 0 <= int(text) <= MAX_AGE:
            age = int(text)
        else:
            errors.append(FieldError(at + "age", QT_TRANSLATE_NOOP("Validation", "年龄应为0到120之间的整数")))

    ethnicity = ""
    if not organisation:
        ethnicity = (p.ethnicity or "").strip()
        if ethnicity and not ethnicity.endswith("族"):
            ethnicity += "族"
        if ethnicity not in ETHNIC_GROUPS and ethnicity not in ("", "外国血统", "其他"):
            errors.append(FieldError(at + "ethnicity", QT_TRANSLATE_NOOP("Validation", "请从列表中选择民族")))
        if not ethnicity:
            errors.append(FieldError(at + "ethnicity", QT_TRANSLATE_NOOP("Validation", "请选择民族")))

    phone = ""
    if p.phone.strip():
        try:
            phone = normalise_phone(p.phone)
        except IdentifierError as err:
            errors.append(FieldError(at + "phone", str(err)))

    address = _text(errors, at + "address", p.address, max_len=100, required=True)
    occupation = _text(errors, at + "occupation", p.occupation, max_len=30)
    claims = _text(errors, at + "claims", p.claims, max_len=2000, multiline=True)

    legal_rep, credit_code = "", ""
    if organisation:
        try:
            legal_rep = check_person_name(p.legal_representative)
        except TextError as err:
            errors.append(FieldError(at + "legal_representative", err.message, err.params))
        if p.credit_code.strip():
            try:
                credit_code = check_credit_code(p.credit_code)
            except IdentifierError as err:
                errors.append(FieldError(at + "credit_code", str(err)))

    if errors:
        return None, errors
    return Party(
        kind=p.kind, role=p.role, name=name, sex=None if organisation else sex, ethnicity=ethnicity,
        birth_date=None if organisation else birth, age=age, occupation=occupation, phone=phone,
        address=address, id_number=id_number, legal_representative=legal_rep, credit_code=credit_code,
        claims=claims, name_initials=name_initials(name), id=p.party_id,
    ), []


def check_case(data: CaseInput, today: dt.date | None = None) -> tuple[DisputeCase | None, list[FieldError], ScreeningResult]:
    """Check the whole intake form. Returns the case (None if any error), every error, and screening."""
    today = today or dt.date.today()
    errors: list[FieldError] = []

    if data.received_date is None:
        errors.append(FieldError("received_date", QT_TRANSLATE_NOOP("Validation", "请填写受理日期")))
    elif data.received_date > today:
        errors.append(FieldError("received_date", QT_TRANSLATE_NOOP("Validation", "受理日期不能晚于今天")))
    elif data.received_date.year < 2000:
        errors.append(FieldError("received_date", QT_TRANSLATE_NOOP("Validation", "受理日期不合理")))

    if data.source is None:
        errors.append(FieldError("source", QT_TRANSLATE_NOOP("Validation", "请选择案件来源")))
    source_note = _text(errors, "source_note", data.source_note, max_len=50,
                        required=data.source is CaseSource.OTHER)
    if data.dispute_type is None:
        errors.append(FieldError("dispute_type", QT_TRANSLATE_NOOP("Validation", "请选择纠纷类型")))
    type_note = _text(errors, "dispute_type_note", data.dispute_type_note, max_len=50,
                      required=data.dispute_type is DisputeType.OTHER)
    village = _text(errors, "village", data.village, max_len=30, required=True)
    group = _text(errors, "group", data.group, max_len=20)
    facts = _text(errors, "facts", data.facts, max_len=MAX_FACTS_LEN, multiline=True, required=True)
    if facts and len(facts) < 10:
        errors.append(FieldError("facts", QT_TRANSLATE_NOOP(
            "Validation", "纠纷简要情况太简单，请写清楚起因、经过和争议焦点（至少10个字）")))

    if len(data.parties) < MIN_PARTIES:
        errors.append(FieldError("parties", QT_TRANSLATE_NOOP("Validation", "至少需要两方当事人")))
    if len(data.parties) > MAX_PARTIES:
        errors.append(FieldError("parties", QT_TRANSLATE_NOOP("Validation", "当事人最多{max}个"), {"max": MAX_PARTIES}))

    on_day = data.received_date if data.received_date and data.received_date <= today else today
    parties: list[Party] = []
    seen_ids: dict[str, int] = {}
    for index, raw in enumerate(data.parties):
        party, party_errors = check_party(raw, index, on_day, today)
        errors.extend(party_errors)
        if party is None:
            continue
        parties.append(party)
        if party.id_number:
            if party.id_number in seen_ids:
                errors.append(FieldError(f"parties.{index}.id_number", QT_TRANSLATE_NOOP(
                    "Validation", "与第{n}位当事人的身份证号相同"), {"n": seen_ids[party.id_number] + 1}))
            else:
                seen_ids[party.id_number] = index

    screening = screen(data.screening, data.source)
    if errors:
        return None, errors, screening
    case = DisputeCase(
        received_date=data.received_date, source=data.source, source_note=source_note,
        dispute_type=data.dispute_type, dispute_type_note=type_note, village=village, group=group,
        facts=facts, parties=tuple(parties), screening=data.screening,
        status=CaseStatus.REJECTED if screening.blocked else CaseStatus.ACCEPTED,
        rejection_reason="\n".join(screening.blocks),
    )
    return case, [], screening
