"""The other people of a 三理室 sitting (domain.md §4): 主持人, 见证人, 记录人.

They are kept in lists of their own so the same cadre, police officer or department staff member
is chosen again for the next case instead of being typed again.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Labelled
from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .identity import IdentifierError, normalise_phone
from .search import name_initials
from .text import TextError, check_person_name, clean_text


class Role(Labelled):
    HOST = ("host", QT_TRANSLATE_NOOP("Vocabulary", "主持人"))
    WITNESS = ("witness", QT_TRANSLATE_NOOP("Vocabulary", "见证人"))
    RECORDER = ("recorder", QT_TRANSLATE_NOOP("Vocabulary", "记录人"))


class HostKind(Labelled):
    """Who hosts: a cadre and the 联村干警 of the 一村一干四警 programme, usually one of each."""

    VILLAGE_CADRE = ("village_cadre", QT_TRANSLATE_NOOP("Vocabulary", "村干部"))
    TOWNSHIP_CADRE = ("township_cadre", QT_TRANSLATE_NOOP("Vocabulary", "乡镇干部"))
    LINK_POLICE = ("link_police", QT_TRANSLATE_NOOP("Vocabulary", "联村干警"))
    OTHER = ("other", QT_TRANSLATE_NOOP("Vocabulary", "其他"))


# Suggestions for a 见证人's department: the 基层职能部门 that disputes in a village usually concern.
WITNESS_DEPARTMENTS: tuple[str, ...] = (
    "乡镇司法所", "乡镇派出所", "乡镇国土资源所", "乡镇农业服务中心", "乡镇林业站", "乡镇财政所",
    "乡镇劳动保障所", "乡镇民政所", "乡镇水利站", "乡镇卫生院", "乡镇供电所", "乡镇城建办",
    "乡镇妇联", "乡镇综治中心", "县人力资源和社会保障局", "县自然资源局",
)


@dataclass
class PersonInput:
    role: Role | None = None
    name: str = ""
    unit: str = ""  # 单位 (hosts, recorders) or 部门 (witnesses)
    post: str = ""  # 职务
    host_kind: HostKind | None = None
    phone: str = ""

    @classmethod
    def from_person(cls, person: "RolePerson") -> "PersonInput":
        return cls(role=person.role, name=person.name, unit=person.unit, post=person.post,
                   host_kind=person.host_kind, phone=person.phone)


@dataclass(frozen=True)
class RolePerson:
    role: Role
    name: str
    unit: str
    post: str
    host_kind: HostKind | None
    phone: str
    name_initials: str
    retired: bool = False
    id: int | None = None
    uuid: str | None = None

    @property
    def description(self) -> str:
        """王庄镇派出所 民警 (联村干警): how the person is shown in lists and printed."""
        parts = [p for p in (self.unit, self.post) if p]
        text = " ".join(parts)
        if self.role is Role.HOST and self.host_kind is not None:
            text = f"{text}（{self.host_kind.label}）" if text else self.host_kind.label
        return text


def roster_twins(people: list[RolePerson], from_hub: set[str] | frozenset[str]) -> dict[int, RolePerson]:
    """The village's own people (typed here) who are likely the same person as one the 司法所's roster brought
    (``from_hub``: those people's uuids): the same role and the same name, both still chosen. Keyed by the
    village person's id, with the roster's person. Only a hint for a person to check (two 张伟 may be two
    people): nothing is merged or retired here."""
    hub: dict[tuple[Role, str], RolePerson] = {}
    for person in people:
        if person.uuid in from_hub and not person.retired:
            hub.setdefault((person.role, "".join(person.name.split())), person)
    twins: dict[int, RolePerson] = {}
    for person in people:
        if person.uuid in from_hub or person.retired or person.id is None:
            continue
        twin = hub.get((person.role, "".join(person.name.split())))
        if twin is not None:
            twins[person.id] = twin
    return twins


def check_person(data: PersonInput) -> tuple[RolePerson | None, list[FieldError]]:
    errors: list[FieldError] = []
    if data.role is None:
        errors.append(FieldError("role", QT_TRANSLATE_NOOP("Validation", "请选择角色")))
    try:
        name = check_person_name(data.name)
    except TextError as err:
        errors.append(FieldError("name", err.message, err.params))
        name = ""
    # A witness is there for their department: the department must be known (domain.md §4).
    unit_required = data.role in (Role.HOST, Role.WITNESS)
    try:
        unit = clean_text(data.unit, max_len=60, required=unit_required)
    except TextError as err:
        if data.role is Role.WITNESS and not (data.unit or "").strip():
            errors.append(FieldError("unit", QT_TRANSLATE_NOOP("Validation", "请填写见证人所在的职能部门")))
        else:
            errors.append(FieldError("unit", err.message, err.params))
        unit = ""
    try:
        post = clean_text(data.post, max_len=30)
    except TextError as err:
        errors.append(FieldError("post", err.message, err.params))
        post = ""
    host_kind = data.host_kind if data.role is Role.HOST else None
    if data.role is Role.HOST and host_kind is None:
        errors.append(FieldError("host_kind", QT_TRANSLATE_NOOP("Validation", "请选择主持人类别")))
    phone = ""
    if (data.phone or "").strip():
        try:
            phone = normalise_phone(data.phone)
        except IdentifierError as err:
            errors.append(FieldError("phone", str(err)))
    if errors:
        return None, errors
    return RolePerson(role=data.role, name=name, unit=unit, post=post, host_kind=host_kind, phone=phone,
                      name_initials=name_initials(name)), []
