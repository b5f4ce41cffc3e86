"""Committee settings kept in the database (they travel with the data): name, case prefix, operator,
and how long after an agreement takes effect the first return visit is due."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.aftercare import DEFAULT_VISIT_INTERVAL_DAYS, check_interval
from ..domain.case_number import DEFAULT_PREFIX, check_prefix
from ..domain.dispute_types import LocalType, LocalTypesError, loads_local_types
from ..domain.errors import FieldError, ValidationFailed
from ..domain.text import TextError, check_person_name, clean_text
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..storage.database import Database
from . import audit
from .access import guard


@dataclass(frozen=True)
class CommitteeSettings:
    committee_name: str = ""
    case_prefix: str = DEFAULT_PREFIX
    operator: str = ""
    visit_interval_days: int = DEFAULT_VISIT_INTERVAL_DAYS


# The hub's local dispute types (set by its return packages, services/exchange/returns_import.py).
LOCAL_DISPUTE_TYPES_KEY = "dispute_types"
# A second folder for backups (a USB drive); empty when none is set.
BACKUP_FOLDER_KEY = "backup_second_folder"


class SettingsService:
    def __init__(self, db: Database):
        self._db = db

    def load(self) -> CommitteeSettings:
        values = self._db.read_settings()
        return CommitteeSettings(
            committee_name=values.get("committee_name", ""),
            case_prefix=values.get("case_prefix", DEFAULT_PREFIX),
            operator=values.get("operator", ""),
            visit_interval_days=check_interval(values.get("visit_interval_days", ""))[0] or DEFAULT_VISIT_INTERVAL_DAYS,
        )

    def save(self, settings: CommitteeSettings) -> CommitteeSettings:
        errors: list[FieldError] = []
        try:
            name = clean_text(settings.committee_name, max_len=60, required=True)
        except TextError as err:
            errors.append(FieldError("committee_name", err.message, err.params))
        problem = check_prefix(settings.case_prefix)
        if problem:
            errors.append(FieldError("case_prefix", problem))
        try:
            operator = check_person_name(settings.operator, required=False)
        except TextError as err:
            errors.append(FieldError("operator", err.message, err.params))
        interval, problem = check_interval(str(settings.visit_interval_days))
        if problem:
            errors.append(problem)
        if errors:
            raise ValidationFailed(errors)
        clean = CommitteeSettings(name, settings.case_prefix.strip(), operator, interval)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            values = {"committee_name": clean.committee_name, "case_prefix": clean.case_prefix,
                      "operator": clean.operator, "visit_interval_days": str(clean.visit_interval_days)}
            changed = {}
            for key, value in values.items():
                before = uow.settings.get(key, "")
                if before != value:
                    changed[key] = [before, value]
                uow.settings.set(key, value)
            audit.record(uow, AuditKind.SETTINGS, None, changed or {"unchanged": True})
        return clean

    def local_dispute_types(self) -> tuple[LocalType, ...]:
        """The 司法所's local dispute types (纠纷类型细目) its last return package set (domain/dispute_types.py;
        services/exchange/returns_import.py stores them); () when none came, or the stored list is unreadable."""
        try:
            return loads_local_types(self._db.read_settings().get(LOCAL_DISPUTE_TYPES_KEY, ""))
        except LocalTypesError:
            return ()

    def backup_folder(self) -> str:
        """Read through the ORM, not the GUI thread's read connection: backups run on a worker."""
        with self._db.transaction() as uow:
            return uow.settings.get(BACKUP_FOLDER_KEY, "")

    def set_backup_folder(self, folder: str) -> None:
        """Remember the second backup folder ("" to stop copying there)."""
        with self._db.transaction() as uow:
            # Where backups go is the backing-up people's choice (a mediator's USB drive), not a setting
            # of the committee's: it needs BACKUP, as a backup does.
            guard(uow, Permission.BACKUP)
            before = uow.settings.get(BACKUP_FOLDER_KEY, "")
            uow.settings.set(BACKUP_FOLDER_KEY, folder.strip())
            audit.record(uow, AuditKind.SETTINGS, None, {BACKUP_FOLDER_KEY: [before, folder.strip()]})
