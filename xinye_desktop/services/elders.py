"""明白人库 and the lists of 主持人/见证人/记录人: add, edit, retire; one transaction per action."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.elders import Elder, ElderInput, ElderStats, check_elder
from ..domain.errors import FieldError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roles import PersonInput, Role, RolePerson, check_person, roster_twins
from ..domain.text import TextError, clean_text
from ..storage.database import Database
from .elder_stats import ElderStatsCache
from . import audit
from .access import guard


class InUse(Exception):
    """The record took part in a case: it may be retired but not deleted."""


class ElderService:
    def __init__(self, db: Database, today=dt.date.today, stats: ElderStatsCache | None = None):
        self._db = db
        self._today = today
        self._stats = stats or ElderStatsCache.of(db)  # shared with SelectionService

    # -- reads -----------------------------------------------------------------------
    def today(self) -> dt.date:
        """The service's today (a fixed day in tests): whose term is over is counted from it."""
        return self._today()

    def pool(self, *, village: str | None = None, include_retired: bool = False,
             text: str = "") -> list[tuple[Elder, ElderStats]]:
        with self._db.transaction() as uow:
            elders = uow.elders.pool(village=village, include_retired=include_retired, text=text)
            narrowed = (village or text.strip()) and len(elders) < 500
            stats = self._stats.read(uow, [e.id for e in elders] if narrowed else None)
        return [(e, stats.get(e.id, ElderStats())) for e in elders]

    def get(self, elder_id: int) -> Elder:
        with self._db.transaction() as uow:
            return uow.elders.get(elder_id)

    def villages(self) -> list[str]:
        """Villages that have a pool, then every other known village."""
        with self._db.transaction() as uow:
            rows = uow.elders.village_names()
        return [name for name, has in rows if has] + [name for name, has in rows if not has]

    def served(self, elder_id: int) -> bool:
        with self._db.transaction() as uow:
            return uow.elders.served(elder_id)

    # -- writes ----------------------------------------------------------------------
    def check(self, data: ElderInput, elder_id: int | None = None) -> tuple[Elder | None, list[FieldError]]:
        elder, errors = check_elder(data, self._today())
        if elder is not None and not elder.ad_hoc:
            with self._db.transaction() as uow:
                twin = uow.elders.find_duplicate(elder.name, elder.village, elder.phone, exclude_id=elder_id)
            if twin is not None:
                return None, [_duplicate_error(twin)]
        return elder, errors

    def add(self, data: ElderInput) -> Elder:
        elder, errors = check_elder(data, self._today())
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if not elder.ad_hoc:
                twin = uow.elders.find_duplicate(elder.name, elder.village, elder.phone)
                if twin is not None:
                    raise ValidationFailed([_duplicate_error(twin)])
            added = uow.elders.add(elder)
            _audit(uow, "elder_add", elder=added.id)
            return added

    def update(self, elder_id: int, data: ElderInput) -> Elder:
        elder, errors = check_elder(data, self._today())
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            ad_hoc = uow.elders.get(elder_id).ad_hoc
            elder = replace(elder, ad_hoc=ad_hoc)
            if not ad_hoc:
                twin = uow.elders.find_duplicate(elder.name, elder.village, elder.phone, exclude_id=elder_id)
                if twin is not None:
                    raise ValidationFailed([_duplicate_error(twin)])
            updated = uow.elders.update(elder_id, elder)
            _audit(uow, "elder_update", elder=elder_id)
            return updated

    def retire(self, elder_id: int, reason: str) -> Elder:
        """退出明白人库: no longer offered for new cases; the cases they served keep their name."""
        try:
            reason = clean_text(reason, max_len=200, multiline=True, required=True)
        except TextError as err:
            raise ValidationFailed([FieldError("retired_reason", err.message, err.params)]) from None
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            retired = uow.elders.set_retired(elder_id, reason)
            _audit(uow, "elder_retire", elder=elder_id)
            return retired

    def reinstate(self, elder_id: int) -> Elder:
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            reinstated = uow.elders.set_retired(elder_id, None)
            _audit(uow, "elder_reinstate", elder=elder_id)
            return reinstated

    def delete(self, elder_id: int) -> None:
        """Remove an entry made by mistake. Refused once the elder was proposed for any case."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if uow.elders.served(elder_id):
                raise InUse(elder_id)
            uow.elders.delete(elder_id)
            _audit(uow, "elder_delete", elder=elder_id)

    def reveal_phone(self, elder_id: int) -> str:
        """An elder's full phone number, for the moment it is shown unmasked (UNMASK; an audit row)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.UNMASK)
            phone = uow.elders.get(elder_id).phone or ""
            audit.record(uow, AuditKind.UNMASKED, None, {"elder": elder_id, "field": "phone"})
            return phone


def _audit(uow, action: str, **ids: int) -> None:
    """The audit row of a change to the 明白人库 or the lists (no case; the record's id, not its name)."""
    audit.record(uow, AuditKind.PEOPLE, None, {"action": action, **ids})


def _duplicate_error(twin: Elder) -> FieldError:
    message = (QT_TRANSLATE_NOOP("Validation", "明白人库中已有同名、同村、同电话的{name}（已退出）")
               if twin.retired else QT_TRANSLATE_NOOP("Validation", "明白人库中已有同名、同村、同电话的{name}"))
    return FieldError("name", message, {"name": twin.name})


class PeopleService:
    """主持人, 见证人 and 记录人 kept for reuse across cases."""

    def __init__(self, db: Database):
        self._db = db

    def people(self, role: Role | None = None, *, include_retired: bool = False, text: str = "") -> list[RolePerson]:
        with self._db.transaction() as uow:
            return uow.people.people(role, include_retired=include_retired, text=text)

    def from_hub(self) -> tuple[frozenset[str], dict[int, RolePerson]]:
        """The uuids of the people the 司法所's roster brought, and the village's own people who are likely
        the same as one of them (domain.roles.roster_twins), read in one transaction."""
        with self._db.transaction() as uow:
            uuids = roster_uuids(uow.settings)
            return uuids, (roster_twins(uow.people.people(None), uuids) if uuids else {})

    def add(self, data: PersonInput) -> RolePerson:
        person = self._checked(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if uow.people.find_duplicate(person) is not None:
                raise ValidationFailed([FieldError("name", QT_TRANSLATE_NOOP(
                    "Validation", "名单中已有同一单位的{name}"), {"name": person.name})])
            added = uow.people.add(person)
            _audit(uow, "person_add", person=added.id)
            return replace(person, id=added.id, uuid=added.uuid)

    def update(self, person_id: int, data: PersonInput) -> RolePerson:
        person = self._checked(data)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if uow.people.find_duplicate(person, exclude_id=person_id) is not None:
                raise ValidationFailed([FieldError("name", QT_TRANSLATE_NOOP(
                    "Validation", "名单中已有同一单位的{name}"), {"name": person.name})])
            stored = uow.people.update(person_id, person)
            _audit(uow, "person_update", person=person_id)
            return replace(person, id=stored.id, uuid=stored.uuid, retired=stored.retired)

    def set_retired(self, person_id: int, retired: bool) -> None:
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            uow.people.set_retired(person_id, retired)
            _audit(uow, "person_retire" if retired else "person_reinstate", person=person_id)

    def delete(self, person_id: int) -> None:
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_ELDERS)
            if uow.people.served(person_id):
                raise InUse(person_id)
            uow.people.delete(person_id)
            _audit(uow, "person_delete", person=person_id)

    @staticmethod
    def _checked(data: PersonInput) -> RolePerson:
        person, errors = check_person(data)
        if errors:
            raise ValidationFailed(errors)
        return person


def roster_uuids(settings) -> frozenset[str]:
    """The uuids of the people the 司法所's return packages brought (their versions kept in
    ``exchange_roster_versions`` by services/exchange/returns_import.py)."""
    from .exchange.format import ROSTER_VERSIONS_SETTING  # here: services.exchange loads cryptography, not needed at start-up

    try:
        taken = json.loads(settings.get(ROSTER_VERSIONS_SETTING) or "{}")
    except ValueError:
        return frozenset()
    return frozenset(taken) if isinstance(taken, dict) else frozenset()
