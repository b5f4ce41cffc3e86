"""The hub's roster (花名册) of role people its villages use (issue 16 item 4, "roster updates"; migration
0017, storage/hub_roster_repository.py): the 联村干警 of the 一村一干四警 programme (a 主持人 of the police kind)
and the 见证人 of the township's departments (派出所, 自然资源所, 农业服务中心, 民政所 …), kept once by the 司法所 or
司法局 instead of typed again in every village, for every village of the hub, for the villages of one
township (a 司法局 keeps each township's departments) or for one committee (a village's own 联村干警).

Each person is what the village's own role lists hold (domain/roles.py: the role, the host kind, name,
unit, post, phone), checked with the village's own checks (domain/roles.check_person: the same messages
per field), plus the villages it is for (a committee, a township, or every village), a uuid (the village's role_people row is
that uuid) and a version that goes up with each change, so that a village takes a person again only when
the hub changed it since (services/exchange/returns_import.py). The name and the phone are sealed with the
hub's data key like the villages' personal data there. Retired, never deleted: a retirement travels down
and retires the person at the village too; the cases they served keep their names.

Every write is one transaction with its guard (Permission.EDIT_ELDERS, "维护明白人库和人员名单") and one audit
row (the person's id and uuid, never the name or the phone). Thread contract: any thread, one transaction
per call.

The return package carries ``roster_for_return(uow, committee_id)``: the committee's own people, those for its
township and those for every village, retired ones too (services/hub/returns.py).
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass
from typing import Callable

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import FieldError, Refused, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.identity import mask_phone
from ...domain.roles import HostKind, PersonInput, Role, RolePerson, check_person
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ...storage.hub_roster_repository import HubRosterRepository
from ..access import guard
from .committees import pick_committee
from .messages import NO_SUCH_COMMITTEE
from .setup import identity_in, record

# The roles a hub's roster holds: a village's 记录人 is its own (a committee member at the table).
ROSTER_ROLES = (Role.HOST, Role.WITNESS)

NOT_A_ROSTER_ROLE = QT_TRANSLATE_NOOP(
    "Validation", "人员名单只收主持人（如联村干警）和见证人：记录人由各村自己登记")
DUPLICATE = QT_TRANSLATE_NOOP("Validation", "名单中已有同一单位的{name}")  # the village's own words (services/elders.py)
NO_SUCH_PERSON = QT_TRANSLATE_NOOP("Hub", "人员名单里没有编号为 {id} 的人：什么都没有改动。")
ALREADY_RETIRED = QT_TRANSLATE_NOOP("Hub", "{name}已经停用了：什么都没有改动。")
RETIRED_NOT_EDITED = QT_TRANSLATE_NOOP("Hub", "{name}已经停用，不能再修改：需要时请重新新增。")
NO_SUCH_TOWNSHIP = QT_TRANSLATE_NOOP("Hub", "还没有收到过{township}的调委会的报送包：不能只发给这个乡镇。")
BOTH_SCOPES = QT_TRANSLATE_NOOP("Hub", "请只选一个：发给一个村，或者发给一个乡镇的各村。")
NOT_A_HUB_ROSTER = QT_TRANSLATE_NOOP(
    "Hub", "这个数据文件夹还没有设为司法所或司法局（先运行 hub-setup）：没有人员名单。村里的主持人、见证人请在 选择明白人 → "
           "主持人·见证人·记录人名单 里登记。")


@dataclass(frozen=True)
class RosterPerson:
    """One person of the hub's roster, opened (the name and phone in clear: a logged-in session's)."""

    id: int
    uuid: str
    role: Role
    host_kind: HostKind | None
    name: str
    unit: str
    post: str
    phone: str
    committee_id: str | None  # None: the villages of ``township``, or every village of the hub
    committee: str  # the committee's name ("" for a township's or every village)
    retired: bool
    version: int
    updated_at: dt.datetime | None = None
    updated_by: str = ""
    township: str = ""  # without a committee: the township whose villages it is for ("" every village)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)

    @property
    def description(self) -> str:
        """乡镇派出所 民警（联村干警）: as the village's lists show a person."""
        return self.as_role_person().description

    def as_role_person(self) -> RolePerson:
        from ...domain.search import name_initials

        return RolePerson(role=self.role, name=self.name, unit=self.unit, post=self.post, host_kind=self.host_kind,
                          phone=self.phone, name_initials=name_initials(self.name), retired=self.retired,
                          uuid=self.uuid)

    def as_input(self) -> PersonInput:
        return PersonInput(role=self.role, name=self.name, unit=self.unit, post=self.post, host_kind=self.host_kind,
                           phone=self.phone)


def _person(row: dict, names: dict[str, str]) -> RosterPerson:
    return RosterPerson(row["id"], row["uuid"], Role(row["role"]), HostKind.from_code(row["host_kind"]), row["name"],
                        row["unit"], row["post"], row["phone"], row["committee_id"],
                        names.get(row["committee_id"], row["committee_id"] or "") if row["committee_id"] else "",
                        row["retired"], row["version"], row["updated_at"], row["updated_by"],
                        "" if row["committee_id"] else row["township"] or "")


def check_roster_person(data: PersonInput) -> RolePerson:
    """The person as the village's own checks take it (domain/roles.check_person), and a role the roster
    holds; ValidationFailed with one message per field otherwise. Reads nothing."""
    person, errors = check_person(data)
    if data.role is not None and data.role not in ROSTER_ROLES:
        errors = [e for e in errors if e.field != "role"] + [FieldError("role", NOT_A_ROSTER_ROLE)]
    if errors:
        raise ValidationFailed(errors)
    return person


def _villages(committee_id: str | None, township: str | None, townships: dict[str, str]) -> tuple[str, str]:
    """A scope as (committee, township): ("", "") every village, ("", t) a township's, (c, its township) one."""
    if committee_id:
        return committee_id, townships.get(committee_id, "")
    return "", township or ""


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether some village gets the people of both scopes."""
    if not a[1] and not a[0] or not b[1] and not b[0]:
        return True  # every village
    if a[0] and b[0]:
        return a[0] == b[0]
    return a[1] == b[1]


def _twin(rows: list[dict], person: RolePerson, scope: tuple[str, str], townships: dict[str, str],
          exclude: int | None = None) -> bool:
    """Someone active with the same role, name and unit whom one village would get twice."""
    return any(r["id"] != exclude and not r["retired"] and r["role"] == person.role.value and r["name"] == person.name
               and r["unit"] == person.unit and _overlap(_villages(r["committee_id"], r["township"], townships), scope)
               for r in rows)


class HubRoster:
    """The hub's roster: list, add, edit, retire."""

    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._clock = clock

    def committees(self) -> list[dict]:
        """The committees a person may be for (the hub's registered ones)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return HubRepository(uow.session).committees()

    def people(self, *, include_retired: bool = True, committee: str | None = None) -> list[RosterPerson]:
        """The roster, by role, then every-village before one committee's, then by name; ``committee`` (its id,
        full name or village): those its return package carries."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            if identity_in(uow) is None:
                raise Refused(NOT_A_HUB_ROSTER)
            every = HubRepository(uow.session).committees()
            names = {c["id"]: c["name"] for c in every}
            chosen = pick_committee(every, committee) if committee is not None else None
            rows = HubRosterRepository(uow.session, uow.sealing).people(
                chosen["id"] if chosen else None, chosen["township"] if chosen else "")
        found = [_person(r, names) for r in rows if include_retired or not r["retired"]]
        from ...domain.search import name_initials

        order = {role: n for n, role in enumerate(ROSTER_ROLES)}
        found.sort(key=lambda p: (p.retired, order.get(p.role, 9), p.committee_id is not None, bool(p.township),
                                  p.township, p.committee, name_initials(p.name), p.id))
        return found

    def person(self, person_id: int) -> RosterPerson:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            row = HubRosterRepository(uow.session, uow.sealing).person(person_id)
            if row is None:
                raise Refused(NO_SUCH_PERSON, id=person_id)
            return _person(row, {c["id"]: c["name"] for c in HubRepository(uow.session).committees()})

    def add(self, data: PersonInput, committee: str | None = None, *, township: str | None = None) -> RosterPerson:
        """A new person for every village (neither given), for the villages of ``township`` (王庄镇), or for
        the committee ``committee`` names (its id, full name or village). ValidationFailed per field (the
        village's own checks; an unknown committee under "committee", an unknown township under "township";
        the same role, name and unit already on the roster for one of the same villages under "name"),
        nothing written."""
        person = check_roster_person(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if identity_in(uow) is None:
                raise Refused(NOT_A_HUB_ROSTER)
            every = HubRepository(uow.session).committees()
            townships = {c["id"]: c["township"] or "" for c in every}
            committee_id, township = None, (township or "").strip() or None
            if committee and township:
                raise ValidationFailed([FieldError("committee", BOTH_SCOPES)])
            if committee:
                try:
                    committee_id = pick_committee(every, committee)["id"]
                except Refused as refused:
                    raise ValidationFailed([FieldError("committee", refused.message, refused.params)]) from None
            if township and township not in set(townships.values()):
                raise ValidationFailed([FieldError("township", NO_SUCH_TOWNSHIP, {"township": township})])
            repo = HubRosterRepository(uow.session, uow.sealing)
            if _twin(repo.people(), person, _villages(committee_id, township, townships), townships):
                raise ValidationFailed([FieldError("name", DUPLICATE, {"name": person.name})])
            now = self._clock()
            uuid = str(uuid_module.uuid4())
            person_id = repo.add(uuid=uuid, committee_id=committee_id, township=township, role=person.role.value,
                                 host_kind=person.host_kind.value if person.host_kind else None, name=person.name,
                                 unit=person.unit, post=person.post, phone=person.phone, retired=0, version=1,
                                 created_at=now, updated_at=now, updated_by=uow.actor[:30])
            record(uow, AuditKind.PEOPLE, {"what": "hub_roster_add", "person": person_id, "uuid": uuid,
                                           "committee": committee_id or "", "township": township or "",
                                           "role": person.role.value})
            return _person(repo.person(person_id), {c["id"]: c["name"] for c in every})

    def edit(self, person_id: int, data: PersonInput) -> RosterPerson:
        """Change a person (role, host kind, name, unit, post, phone; the villages it is for stay: to move
        someone, retire and add again); the version goes up. Refused for a retired person, ValidationFailed
        as ``add``; nothing written when nothing changed."""
        person = check_roster_person(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            repo = HubRosterRepository(uow.session, uow.sealing)
            held = _active(repo, person_id, RETIRED_NOT_EDITED)
            townships = {c["id"]: c["township"] or "" for c in HubRepository(uow.session).committees()}
            if _twin(repo.people(), person, _villages(held["committee_id"], held["township"], townships), townships,
                     exclude=person_id):
                raise ValidationFailed([FieldError("name", DUPLICATE, {"name": person.name})])
            values = {"role": person.role.value, "host_kind": person.host_kind.value if person.host_kind else None,
                      "name": person.name, "unit": person.unit, "post": person.post, "phone": person.phone}
            changed = sorted(k for k, v in values.items() if held[k] != v)
            names = {c["id"]: c["name"] for c in HubRepository(uow.session).committees()}
            if not changed:
                return _person(held, names)
            repo.update(person_id, **values, version=held["version"] + 1, updated_at=self._clock(),
                        updated_by=uow.actor[:30])
            record(uow, AuditKind.PEOPLE, {"what": "hub_roster_edit", "person": person_id, "uuid": held["uuid"],
                                           "fields": changed, "version": held["version"] + 1})
            return _person(repo.person(person_id), names)

    def retire(self, person_id: int) -> RosterPerson:
        """停用: no longer offered at the villages (their next return retires the person there too); kept
        here and there, never deleted. The version goes up."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            repo = HubRosterRepository(uow.session, uow.sealing)
            held = _active(repo, person_id, ALREADY_RETIRED)
            repo.update(person_id, retired=1, version=held["version"] + 1, updated_at=self._clock(),
                        updated_by=uow.actor[:30])
            record(uow, AuditKind.PEOPLE, {"what": "hub_roster_retire", "person": person_id, "uuid": held["uuid"],
                                           "version": held["version"] + 1})
            return _person(repo.person(person_id), {c["id"]: c["name"] for c in HubRepository(uow.session).committees()})


def _active(repo: HubRosterRepository, person_id: int, if_retired: str) -> dict:
    """The person as held, or Refused: none by that number, or retired (``if_retired`` says what then)."""
    held = repo.person(person_id)
    if held is None:
        raise Refused(NO_SUCH_PERSON, id=person_id)
    if held["retired"]:
        raise Refused(if_retired, name=held["name"])
    return held


def roster_for_return(uow, committee_id: str) -> list[dict]:
    """In the return writer's transaction: the committee's people, those for its township's villages and those
    for every village, retired ones too (the village retires them), opened, oldest first."""
    held = HubRepository(uow.session).committee(committee_id) or {}
    return HubRosterRepository(uow.session, uow.sealing).people(committee_id, held.get("township") or "")


__all__ = ["HubRoster", "NO_SUCH_COMMITTEE", "ROSTER_ROLES", "RosterPerson", "check_roster_person",
           "roster_for_return"]
