"""The guided sittings of a case: start one, save each step as it is filled in, finish it.

Finishing sets the case's status (达成协议, 调解终止) or leaves it 调解中 when the sitting was
adjourned. Every save is one transaction; a stale save (the sitting changed elsewhere) is refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.enums import CaseStatus, PerformanceStatus
from ..domain.errors import Refused, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.prevention import Prevention, PreventionInput, check_prevention, describe
from ..domain.roles import Role
from ..domain.session import (
    Outcome, PartyRecord, Progress, SessionContext, Sitting, SittingData, WitnessAnswer, evaluate,
)
from ..domain.aftercare import terms_from_lines
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..storage.database import Database
from . import audit
from .access import guard
from .selection import SelectionService, SelectionState
from .taking_effect import take_effect

H_CRIMINAL = QT_TRANSLATE_NOOP("History", "防止民转刑")
H_PETITION = QT_TRANSLATE_NOOP("History", "防止群体性上访")

# What a finished sitting makes of the case (the 处理 of 说理、评理、处理).
STATUS_AFTER = {
    Outcome.WRITTEN: CaseStatus.AGREEMENT_WRITTEN,
    Outcome.OPINION: CaseStatus.AGREEMENT_WRITTEN,  # the 化解意见 is written up as the agreement (domain.md §4)
    Outcome.ORAL: CaseStatus.AGREEMENT_ORAL,
    Outcome.TERMINATED: CaseStatus.TERMINATED,
}


@dataclass(frozen=True)
class SessionOverview:
    selection: SelectionState
    sittings: tuple[Sitting, ...]
    context: SessionContext
    prevention: Prevention = Prevention()  # what the case prevented, for the report (case-wide)

    @property
    def case(self):
        return self.selection.case

    @property
    def open_sitting(self) -> Sitting | None:
        return next((s for s in self.sittings if not s.finished), None)

    @property
    def can_start(self) -> bool:
        return self.start_refusal is None

    @property
    def start_refusal(self) -> str | None:
        if self.case.status not in (CaseStatus.ACCEPTED, CaseStatus.MEDIATING):
            return QT_TRANSLATE_NOOP("Session", "本案状态为“{status}”，不能再开始调解")
        if self.open_sitting is not None:
            return QT_TRANSLATE_NOOP("Session", "上一次调解还没有结束")
        if not self.selection.readiness.ready:
            return QT_TRANSLATE_NOOP("Session", "人选还没有齐：请先在“选择明白人”中完成")
        return None

    def progress(self, sitting: Sitting) -> Progress:
        return evaluate(sitting.data, self.context)


class SessionService:
    def __init__(self, db: Database, selection: SelectionService, today=dt.date.today):
        self._db = db
        self._selection = selection
        self._today = today

    def overview(self, case_id: int) -> SessionOverview:
        state = self._selection.state(case_id)
        with self._db.transaction() as uow:
            sittings = tuple(uow.sittings.for_case(case_id))
            prevention = self._prevention(uow.cases.stage(case_id))
        context = SessionContext(
            party_ids=tuple(p.id for p in state.parties), party_names={p.id: p.name for p in state.parties},
            has_witness=bool(state.people(Role.WITNESS)))
        return SessionOverview(state, sittings, context, prevention)

    def prevention(self, case_id: int) -> Prevention:
        with self._db.transaction() as uow:
            return self._prevention(uow.cases.stage(case_id))

    def set_prevention(self, case_id: int, data: PreventionInput) -> Prevention:
        """Record what the case prevented (防止民转刑, 防止群体性上访, with the people involved), at any
        time after the sitting. Each figure that changes goes into the case's history; a bad count
        saves nothing."""
        prevention, errors = check_prevention(data)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES, case_id=case_id)
            before = self._prevention(uow.cases.stage(case_id))
            changes = [(label, describe(old), describe(new)) for label, old, new in (
                (H_CRIMINAL, before.criminal_people, prevention.criminal_people),
                (H_PETITION, before.petition_people, prevention.petition_people)) if old != new]
            if not changes:
                return before
            uow.cases.update_stage(case_id, prevented_criminal_people=prevention.criminal_people,
                                   prevented_petition_people=prevention.petition_people)
            audit.history(uow, case_id, "prevention", changes)
            audit.record(uow, AuditKind.CASE, case_id)
            return prevention

    @staticmethod
    def _prevention(stage) -> Prevention:
        return Prevention(stage.prevented_criminal_people, stage.prevented_petition_people)

    def start(self, case_id: int) -> Sitting:
        """Open the next sitting; the first one moves the case to 调解中. Needs the people chosen."""
        self._allowed(Permission.RUN_SITTINGS, case_id)
        overview = self.overview(case_id)
        refusal = overview.start_refusal
        if refusal:
            raise Refused(refusal, status=overview.case.status.label)
        case = overview.case
        data = SittingData(held_on=self._today(), place=f"{case.village}矛盾化解“三理”室")
        data.parties = {pid: PartyRecord() for pid in overview.context.party_ids}
        data.witnesses = [WitnessAnswer(person_id=p.id, name=p.name) for p in overview.selection.people(Role.WITNESS)]
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            sitting = uow.sittings.add(case_id, len(overview.sittings) + 1, data)
            if uow.cases.stage(case_id).status is CaseStatus.ACCEPTED:
                uow.cases.update_stage(case_id, status=CaseStatus.MEDIATING)
            audit.history(uow, case_id, "session_start",
                          [(QT_TRANSLATE_NOOP("History", "调解"), "", f"第{sitting.number}次调解开始")])
            audit.record(uow, AuditKind.SITTING, case_id, {"sitting": sitting.number})
            return sitting

    def save(self, sitting_id: int, data: SittingData, *, expected_version: int) -> Sitting:
        """Save what was typed so far (called as each step is filled in)."""
        with self._db.transaction() as uow:
            stored = uow.sittings.get(sitting_id)
            # The record of a sitting is what its 记录人 types: their own cases' records are theirs to keep.
            guard(uow, Permission.EDIT_RECORDS, case_id=stored.case_id)
            if stored.finished:
                raise Refused(QT_TRANSLATE_NOOP("Session", "这次调解已经结束，记录不能再修改"))
            if stored.version != expected_version:
                raise StaleRecord(sitting_id)
            saved = uow.sittings.save_data(sitting_id, data)
            audit.record(uow, AuditKind.SITTING, stored.case_id, {"sitting": stored.number, "saved": "record"})
            return saved

    def finish(self, sitting_id: int, *, expected_version: int) -> Sitting:
        """End the sitting with its outcome when nothing is missing; set the case's status."""
        with self._db.transaction() as uow:
            case_id = uow.sittings.get(sitting_id).case_id
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
        overview = self.overview(case_id)
        sitting = next(s for s in overview.sittings if s.id == sitting_id)
        if sitting.finished:
            raise Refused(QT_TRANSLATE_NOOP("Session", "这次调解已经结束"))
        if sitting.version != expected_version:
            raise StaleRecord(sitting_id)
        progress = overview.progress(sitting)
        if not progress.can_finish:
            raise Refused(QT_TRANSLATE_NOOP("Session", "还有{n}项没有完成，不能结束"), n=len(progress.finish_missing))
        outcome = sitting.data.outcome
        with self._db.transaction() as uow:
            guard(uow, Permission.RUN_SITTINGS, case_id=case_id)
            if uow.sittings.get(sitting_id).version != expected_version:
                raise StaleRecord(sitting_id)
            finished = uow.sittings.finish(sitting_id, outcome)
            before = uow.cases.stage(case_id).status
            status = STATUS_AFTER.get(outcome)
            if status is not None:
                # an oral agreement takes effect at once (Art. 30)
                uow.cases.update_stage(case_id, status=status, **(
                    {"performance_status": PerformanceStatus.PERFORMING} if outcome is Outcome.ORAL else {}))
            audit.history(uow, case_id, "session_finish", [
                (QT_TRANSLATE_NOOP("History", "调解"), "", f"第{finished.number}次调解：{outcome.label}"),
                *([(QT_TRANSLATE_NOOP("History", "状态"), before.label, status.label)]
                  if status is not None and status is not before else []),
            ])
            if outcome is Outcome.ORAL:  # in effect the day it is reached (Art. 30): supervise, visit
                take_effect(uow, case_id, sitting.data.held_on or self._today(),
                            terms_from_lines(sitting.data.outcome_text), agreement_id=None, confirmable=None)
            audit.record(uow, AuditKind.SITTING, case_id, {"sitting": finished.number, "outcome": outcome.value})
            return finished

    def _allowed(self, permission: Permission, case_id: int) -> None:
        """Refused before the reads and checks that come ahead of the write (which asks again)."""
        with self._db.transaction() as uow:
            guard(uow, permission, case_id=case_id)
