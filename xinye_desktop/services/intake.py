"""受理登记: registering a dispute case and editing it, each a single transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.case_number import DEFAULT_PREFIX, format_case_number
from ..domain.cases import CaseInput, DisputeCase, Party, check_case
from ..domain.enums import CaseStatus
from ..domain.errors import Refused, StaleRecord, ValidationFailed
from ..domain.history import CASE_FIELD_LABELS, PARTY_FIELD_LABELS, party_field
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identity import mask_id_number, mask_phone
from ..domain.screening import ScreeningResult
from ..storage.database import Database
from . import audit
from .access import guard


class ScreeningBlocked(Exception):
    """Screening says the committee may not accept the case; the caller must confirm that it
    wants the case registered as 不予受理 (the record of the refusal is kept)."""

    def __init__(self, result: ScreeningResult):
        super().__init__("\n".join(result.blocks))
        self.result = result


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    operator: str
    action: str
    changes: list


# The fields a full value of which is shown only through ``IntakeService.reveal``.
REVEALABLE = ("id_number", "phone")


class IntakeService:
    def __init__(self, db: Database):
        self._db = db

    def check(self, data: CaseInput):
        """Run every rule without writing: (case or None, errors, screening)."""
        return check_case(data)

    def register(self, data: CaseInput, *, accept_rejection: bool = False) -> DisputeCase:
        case, errors, screening = check_case(data)
        if errors:
            raise ValidationFailed(errors)
        if screening.blocked and not accept_rejection:
            raise ScreeningBlocked(screening)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            prefix = uow.settings.get("case_prefix", DEFAULT_PREFIX)
            year = case.received_date.year
            sequence = uow.cases.next_sequence(year)
            case_id = uow.cases.add(case, case_number=format_case_number(year, prefix, sequence),
                                    year=year, sequence=sequence)
            audit.history(uow, case_id, "create", [])
            audit.record(uow, AuditKind.CASE, case_id, {"parties": len(case.parties)})
            return uow.cases.get(case_id)

    def case_id(self, case_number: str) -> int | None:
        """The id of the case registered with this 案号, or None."""
        with self._db.transaction() as uow:
            return uow.cases.id_by_number(case_number)

    def load(self, case_id: int) -> DisputeCase:
        with self._db.transaction() as uow:
            return uow.cases.get(case_id)

    def update(self, case_id: int, data: CaseInput, *, expected_version: int,
               accept_rejection: bool = False) -> DisputeCase:
        case, errors, screening = check_case(data)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES, case_id=case_id)
            before = uow.cases.get(case_id)
            if before.version != expected_version:
                raise StaleRecord(case_id)
            # Intake decides only between 已受理 and 不予受理; later stages belong to mediation.
            if before.status in (CaseStatus.ACCEPTED, CaseStatus.REJECTED):
                if screening.blocked and not accept_rejection and before.status is not CaseStatus.REJECTED:
                    raise ScreeningBlocked(screening)
                status, reason = case.status, case.rejection_reason
            else:
                status, reason = before.status, before.rejection_reason
            case = replace(case, status=status, rejection_reason=reason,
                           performance_status=before.performance_status,
                           confirmation_status=before.confirmation_status)
            uow.cases.replace_content(case_id, case)
            after = uow.cases.get(case_id)
            changes = diff_cases(before, after)
            if changes:
                audit.history(uow, case_id, "update", changes)
            # Saved even when nothing changed (the record is written, its version moves): one row either way.
            audit.record(uow, AuditKind.CASE, case_id, {} if changes else {"unchanged": True})
            return after

    def reveal(self, case_id: int, party_id: int, field: str) -> str:
        """A party's full 身份证号 (``field`` "id_number") or phone ("phone"), for the moment it is shown
        unmasked: needs the UNMASK permission, and each showing is an audit row (the party's place in
        the case and the field, never the value)."""
        if field not in REVEALABLE:
            raise ValueError(field)
        with self._db.transaction() as uow:
            guard(uow, Permission.UNMASK, case_id=case_id)
            case = uow.cases.get(case_id)
            index, party = next(((i, p) for i, p in enumerate(case.parties, start=1) if p.id == party_id),
                                (None, None))
            if party is None:
                raise Refused(QT_TRANSLATE_NOOP("Validation", "本案没有这位当事人。"))
            value = getattr(party, field) or ""
            audit.record(uow, AuditKind.UNMASKED, case_id, {"party": index, "field": field})
            return value

    def history(self, case_id: int) -> list[HistoryEntry]:
        with self._db.transaction() as uow:
            return [HistoryEntry(*row) for row in uow.history.for_case(case_id)]


# The labels the history lines name (one table with the audit trail's summaries: domain/history.py).
_CASE_LABELS = CASE_FIELD_LABELS
_PARTY_LABELS = PARTY_FIELD_LABELS
_MASK = {"id_number": mask_id_number, "phone": mask_phone}


def _show(value) -> str:
    if value is None:
        return ""
    return getattr(value, "label", None) or str(value)


def diff_cases(before: DisputeCase, after: DisputeCase) -> list[tuple[str, str, str]]:
    """[field label, old, new] for everything that changed; ID numbers and phones masked."""
    changes = []
    for name, label in _CASE_LABELS.items():
        old, new = getattr(before, name), getattr(after, name)
        if old != new:
            changes.append((label, _show(old) if name != "screening" else "", _show(new) if name != "screening" else ""))
    old_parties = {p.id: p for p in before.parties}
    for index, party in enumerate(after.parties, start=1):
        prior: Party | None = old_parties.pop(party.id, None)
        if prior is None:
            changes.append((party_field(index, QT_TRANSLATE_NOOP("History", "新增")), "", party.name))
            continue
        for name, label in _PARTY_LABELS.items():
            old, new = getattr(prior, name), getattr(party, name)
            if old != new:
                mask = _MASK.get(name, _show)
                changes.append((party_field(index, label), mask(old) if old else "", mask(new) if new else ""))
    for prior in old_parties.values():
        changes.append((QT_TRANSLATE_NOOP("History", "撤出当事人"), prior.name, ""))
    return changes
