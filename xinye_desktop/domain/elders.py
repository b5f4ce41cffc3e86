"""明白人: the village pool of trusted elders (domain.md §4), and the rules an entry must pass."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from .enums import DisputeType, ElderIdentity, ElderSelection, Sex
from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .identity import IdentifierError, normalise_phone
from .search import name_initials
from .text import TextError, check_person_name, clean_text, parse_date

# Mediators must be adult citizens (People's Mediation Law Art. 14); nobody in a pool is over 110.
MIN_AGE = 18
MAX_AGE = 110
# Village committees and their mediation committees serve three-year terms (Art. 9); a pool term
# usually follows it.
DEFAULT_TERM_YEARS = 3

_COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "夏侯",
    "令狐", "端木", "南宫", "西门", "独孤", "轩辕", "澹台", "呼延", "闻人", "申屠", "太史", "钟离", "万俟",
    "司空", "百里", "东郭", "赫连", "濮阳", "公羊", "淳于", "仲孙", "单于", "第五",
))


def surname_of(name: str) -> str:
    """The surname of a Chinese name: a known two-character surname, else the first character."""
    name = (name or "").strip()
    if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES:
        return name[:2]
    return name[:1]


@dataclass
class ElderInput:
    """A 明白人 as typed into the form or read from a roster row: free text, not yet checked."""

    name: str = ""
    sex: Sex | None = None
    birth_year_text: str = ""
    village: str = ""
    group: str = ""
    phone: str = ""
    identity: ElderIdentity | None = None
    identity_note: str = ""
    selection: ElderSelection | None = None
    selected_on_text: str = ""
    term_end_text: str = ""
    specialties: tuple[DisputeType, ...] = ()
    notes: str = ""
    ad_hoc: bool = False  # 一事一议: chosen by the parties for one case, not a member of the pool

    @classmethod
    def from_elder(cls, elder: "Elder") -> "ElderInput":
        return cls(
            name=elder.name, sex=elder.sex, birth_year_text=str(elder.birth_year or ""), village=elder.village,
            group=elder.group, phone=elder.phone, identity=elder.identity, identity_note=elder.identity_note,
            selection=elder.selection,
            selected_on_text=elder.selected_on.isoformat() if elder.selected_on else "",
            term_end_text=elder.term_end.isoformat() if elder.term_end else "",
            specialties=elder.specialties, notes=elder.notes, ad_hoc=elder.ad_hoc,
        )


@dataclass(frozen=True)
class Elder:
    name: str
    sex: Sex
    birth_year: int | None
    village: str
    group: str
    phone: str
    identity: ElderIdentity
    identity_note: str
    selection: ElderSelection | None
    selected_on: dt.date | None
    term_end: dt.date | None
    specialties: tuple[DisputeType, ...]
    notes: str
    name_initials: str
    ad_hoc: bool = False
    retired: bool = False
    retired_reason: str = ""
    id: int | None = None
    uuid: str | None = None
    version: int = 0

    @property
    def surname(self) -> str:
        return surname_of(self.name)

    @property
    def identity_text(self) -> str:
        """老党员, or the note of an 'other' identity (村医)."""
        if self.identity is ElderIdentity.OTHER and self.identity_note:
            return self.identity_note
        return self.identity.label

    def age_in(self, year: int) -> int | None:
        return None if self.birth_year is None else year - self.birth_year

    def knows(self, dispute_type: DisputeType | None) -> bool:
        return dispute_type is not None and dispute_type in self.specialties

    def term_over(self, today: dt.date) -> bool:
        return self.term_end is not None and self.term_end < today

    def duplicate_key(self) -> tuple[str, str, str]:
        return duplicate_key(self.name, self.village, self.phone)


def duplicate_key(name: str, village: str, phone: str) -> tuple[str, str, str]:
    """Two entries with the same name, village and phone are the same person entered twice."""
    return (name.strip(), village.strip(), phone.strip())


def _text(errors: list[FieldError], path: str, value: str, **kw) -> str:
    try:
        return clean_text(value, **kw)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return ""


def _date(errors: list[FieldError], path: str, value: str) -> dt.date | None:
    try:
        return parse_date(value)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return None


def check_elder(data: ElderInput, today: dt.date) -> tuple[Elder | None, list[FieldError]]:
    """Check one 明白人 entry. Returns the elder, or None with one message per bad field."""
    errors: list[FieldError] = []
    try:
        name = check_person_name(data.name)
    except TextError as err:
        errors.append(FieldError("name", err.message, err.params))
        name = ""
    if data.sex is None:
        errors.append(FieldError("sex", QT_TRANSLATE_NOOP("Validation", "请选择性别")))

    birth_year = None
    year_text = unicodedata.normalize("NFKC", data.birth_year_text or "").strip().removesuffix("年")
    if year_text:
        if not (year_text.isascii() and year_text.isdigit() and len(year_text) == 4):
            errors.append(FieldError("birth_year", QT_TRANSLATE_NOOP("Validation", "出生年份请填四位数字，如1956")))
        else:
            birth_year = int(year_text)
            if birth_year > today.year - MIN_AGE:
                errors.append(FieldError("birth_year", QT_TRANSLATE_NOOP(
                    "Validation", "明白人须是成年人（{min}岁以上）"), {"min": MIN_AGE}))
            elif birth_year < today.year - MAX_AGE:
                errors.append(FieldError("birth_year", QT_TRANSLATE_NOOP("Validation", "出生年份不合理")))

    village = _text(errors, "village", data.village, max_len=30, required=True)
    group = _text(errors, "group", data.group, max_len=20)

    phone = ""
    if (data.phone or "").strip():
        try:
            phone = normalise_phone(data.phone)
        except IdentifierError as err:
            errors.append(FieldError("phone", str(err)))

    if data.identity is None:
        errors.append(FieldError("identity", QT_TRANSLATE_NOOP("Validation", "请选择身份")))
    identity_note = _text(errors, "identity_note", data.identity_note, max_len=50)
    if data.identity is ElderIdentity.OTHER and not identity_note and not any(e.field == "identity_note" for e in errors):
        errors.append(FieldError("identity_note", QT_TRANSLATE_NOOP("Validation", "身份为“其他”时请注明，如村医、致富带头人")))

    # 一事一议 elders were chosen by the parties for one case: the pool's selection does not apply.
    selection = data.selection
    if selection is None and not data.ad_hoc:
        errors.append(FieldError("selection", QT_TRANSLATE_NOOP("Validation", "请选择产生方式")))
    selected_on = _date(errors, "selected_on", data.selected_on_text)
    term_end = _date(errors, "term_end", data.term_end_text)
    if selected_on and selected_on > today:
        errors.append(FieldError("selected_on", QT_TRANSLATE_NOOP("Validation", "推选（聘任）日期不能晚于今天")))
    if selected_on and term_end and term_end <= selected_on:
        errors.append(FieldError("term_end", QT_TRANSLATE_NOOP("Validation", "任期截止日期应晚于推选（聘任）日期")))

    specialties = tuple(dict.fromkeys(data.specialties))  # keep order, drop repeats
    notes = _text(errors, "notes", data.notes, max_len=500, multiline=True)

    if errors:
        return None, errors
    return Elder(
        name=name, sex=data.sex, birth_year=birth_year, village=village, group=group, phone=phone,
        identity=data.identity, identity_note=identity_note if data.identity is ElderIdentity.OTHER else "",
        selection=selection, selected_on=selected_on, term_end=term_end, specialties=specialties, notes=notes,
        name_initials=name_initials(name), ad_hoc=data.ad_hoc,
    ), []


def default_term_end(selected_on: dt.date) -> dt.date:
    """The end of a three-year term that starts on ``selected_on`` (29 February falls back a day)."""
    try:
        return selected_on.replace(year=selected_on.year + DEFAULT_TERM_YEARS)
    except ValueError:
        return selected_on.replace(year=selected_on.year + DEFAULT_TERM_YEARS, day=28)


@dataclass(frozen=True)
class ElderStats:
    """How busy an elder is: cases still open, and cases already finished, where they were chosen."""

    open_cases: int = 0
    past_cases: int = 0


@dataclass(frozen=True)
class Candidate:
    """A row of the 选择明白人 list for one case."""

    elder: Elder
    same_village: bool
    knows_type: bool
    stats: ElderStats = field(default_factory=ElderStats)
    term_over: bool = False  # the three-year term ended and no new one is on file (任期已满)
