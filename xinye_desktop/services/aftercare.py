"""After the agreement: performance supervised term by term (Art. 31), return visits, the 司法确认
window and application (Art. 33), and hand changes of a case's stage. One transaction per action;
every change goes into the case's history with who and when. Nothing here deletes: a planned visit
that is no longer needed is called off with a reason, and stays on file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.aftercare import (
    CASE_MOVES, PERFORMANCE_MOVES, Aftercare, ApplicationInput, ConfirmationWindow, DecisionInput, Eligibility,
    Satisfaction, Term, TermSpec, Visit, VisitInput, VisitMethod, VisitReason, check_application, check_cancel_reason,
    check_decision, check_eligibility, check_interval, check_visit, confirmation_window, eligibility_label,
    eligibility_refusal, performance_refusal, terms_from_document, terms_from_lines,
)
from ..domain.cases import CaseStage
from ..domain.enums import CaseStatus, ConfirmationStatus, PerformanceStatus
from ..domain.errors import FieldError, Refused, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.text import parse_date, TextError
from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..storage.database import Database
from . import audit
from .access import guard
from .aftercare_overview import aftercare_overview
from .documents import DocumentRefused, DocumentService
from .taking_effect import (
    ELIGIBILITY_ACTION, H_EFFECT, H_ELIGIBLE, H_REASON, H_VISIT, INTERVAL_KEY, eligibility_decision, take_effect,
    visit_interval,
)

H_STATUS = QT_TRANSLATE_NOOP("History", "状态")
H_PERFORMANCE = QT_TRANSLATE_NOOP("History", "履行情况")
H_CONFIRMATION = QT_TRANSLATE_NOOP("History", "司法确认")

# Kept importable from here, where they were first defined (the UI, the demo and tests use these names).
__all__ = [
    "Aftercare", "AftercareService", "Eligibility", "Term", "TermSpec", "Visit", "ELIGIBILITY_ACTION", "INTERVAL_KEY",
    "H_EFFECT", "H_ELIGIBLE", "H_REASON", "H_VISIT", "eligibility_decision", "take_effect", "terms_from_document",
    "terms_from_lines", "visit_interval",
]


class AftercareService:
    """``documents`` makes the 回访记录 and the 司法确认申请书 (app.build_services passes the app's one);
    without it, one of its own is made here, once."""

    def __init__(self, db: Database, paths=None, today=dt.date.today, *, documents: DocumentService | None = None):
        self._db = db
        self._paths = paths
        self._today = today
        self._documents = documents if documents is not None else DocumentService(db, paths, today=today)

    # -- reads --------------------------------------------------------------------------------------
    def today(self) -> dt.date:
        """The service's today (a fixed day in tests)."""
        return self._today()

    def overview(self, case_id: int) -> Aftercare:
        today = self._today()
        with self._db.transaction() as uow:
            return aftercare_overview(uow, case_id, today)

    def operator(self) -> str:
        """Who is operating the app (the visitor a new 回访记录 starts with)."""
        return self._db.current_actor()

    def visit(self, visit_id: int) -> Visit:
        with self._db.transaction() as uow:
            return uow.visits.get(visit_id)

    def interval_days(self) -> int:
        with self._db.transaction() as uow:
            return visit_interval(uow)

    # -- settings -----------------------------------------------------------------------------------
    def set_interval_days(self, text: str) -> int:
        days, error = check_interval(text)
        if error:
            raise ValidationFailed([error])
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            before = uow.settings.get(INTERVAL_KEY, "")
            uow.settings.set(INTERVAL_KEY, str(days))
            audit.record(uow, AuditKind.SETTINGS, None, {INTERVAL_KEY: [before, str(days)]})
        return days

    # -- the lifecycle by hand ----------------------------------------------------------------------
    def set_case_status(self, case_id: int, status: CaseStatus, reason: str) -> None:
        """Terminate a case that did not reach agreement, or resume one terminated by mistake."""
        reason, errors = check_cancel_reason(reason)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES, case_id=case_id)
            before = uow.cases.stage(case_id).status
            if status not in CASE_MOVES.get(before, ()):
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "状态为“{before}”的案件不能改为“{after}”"),
                              before=before.label, after=status.label)
            if errors:
                raise ValidationFailed(errors)
            uow.cases.update_stage(case_id, status=status)
            audit.history(uow, case_id, "status",
                          [(H_STATUS, before.label, status.label), (H_REASON, "", reason)])
            audit.record(uow, AuditKind.CASE, case_id, {"status": [before.value, status.value]})

    def set_performance(self, case_id: int, status: PerformanceStatus, note: str = "") -> None:
        from ..domain.aftercare import _clean

        errors: list[FieldError] = []
        note = _clean(errors, "note", note, 500, multiline=True)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AFTERCARE, case_id=case_id)
            stage = uow.cases.stage(case_id)
            refusal = performance_refusal(stage.status, stage.effective_on)
            if refusal:
                raise Refused(refusal)
            before = stage.performance_status
            if status not in PERFORMANCE_MOVES.get(before, ()):
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "履行情况不能从“{before}”改为“{after}”"),
                              before=before.label if before else "", after=status.label)
            if self._change_performance(uow, case_id, status, note):
                audit.record(uow, AuditKind.AFTERCARE, case_id)

    @staticmethod
    def _change_performance(uow, case_id: int, status: PerformanceStatus, note: str = "") -> bool:
        """Whether it changed (and was written, with its history line)."""
        before = uow.cases.stage(case_id).performance_status
        if before is status:
            return False
        uow.cases.update_stage(case_id, performance_status=status)
        changes = [(H_PERFORMANCE, before.label if before else "", status.label)]
        if note:
            changes.append((H_REASON, "", note))
        audit.history(uow, case_id, "performance", changes)
        if status is PerformanceStatus.PERFORMED:
            # Fully performed: the visits still planned are no longer needed (kept, marked so).
            uow.visits.cancel_pending(case_id, "协议已全部履行")
        return True

    # -- 司法确认 -------------------------------------------------------------------------------------
    def apply_confirmation(self, case_id: int, data: ApplicationInput) -> None:
        """The parties applied jointly to the court (Art. 33)."""
        today = self._today()
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AFTERCARE, case_id=case_id)
            stage = uow.cases.stage(case_id)
            window = self._window(stage, today)
            checked, errors = check_application(data, window, stage.effective_on, today)
            if errors:
                raise ValidationFailed(errors)
            applied_on, court = checked
            uow.cases.update_stage(case_id, confirmation_status=ConfirmationStatus.APPLIED,
                                   confirmation_applied_on=applied_on, confirmation_court=court)
            audit.history(uow, case_id, "confirmation_apply", [
                (H_CONFIRMATION, "", ConfirmationStatus.APPLIED.label),
                (QT_TRANSLATE_NOOP("History", "申请日期"), "", applied_on.isoformat()),
                (QT_TRANSLATE_NOOP("History", "受理法院"), "", court)])
            audit.record(uow, AuditKind.AFTERCARE, case_id)

    def set_confirmable(self, case_id: int, eligible: bool | None, reason: str) -> None:
        """The mediator decides whether the agreement may go to 司法确认, overriding what the terms were
        read to say (reading text is never certain). Kept in the history with the reason; the 30-day
        countdown, the application and the warning printed on the next version follow it."""
        reason, errors = check_eligibility(eligible, reason)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AFTERCARE, case_id=case_id)
            stage = uow.cases.stage(case_id)
            refusal = eligibility_refusal(stage.status, stage.confirmation_status)
            if refusal:
                raise Refused(refusal)
            if errors:
                raise ValidationFailed(errors)
            before = stage.confirmable
            uow.cases.update_stage(case_id, confirmable=bool(eligible))
            audit.history(uow, case_id, ELIGIBILITY_ACTION, [
                (H_ELIGIBLE, eligibility_label(before), eligibility_label(bool(eligible))), (H_REASON, "", reason)])
            audit.record(uow, AuditKind.AFTERCARE, case_id)

    def record_decision(self, case_id: int, data: DecisionInput) -> None:
        today = self._today()
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AFTERCARE, case_id=case_id)
            stage = uow.cases.stage(case_id)
            if stage.confirmation_status is not ConfirmationStatus.APPLIED:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "还没有登记司法确认申请"))
            checked, errors = check_decision(data, stage.confirmation_applied_on, today)
            if errors:
                raise ValidationFailed(errors)
            confirmed, decided_on, number, note = checked
            status = ConfirmationStatus.CONFIRMED if confirmed else ConfirmationStatus.REFUSED
            uow.cases.update_stage(case_id, confirmation_status=status, confirmation_decided_on=decided_on,
                                   confirmation_number=number, confirmation_note=note)
            changes = [(H_CONFIRMATION, ConfirmationStatus.APPLIED.label, status.label),
                       (QT_TRANSLATE_NOOP("History", "裁定日期"), "", decided_on.isoformat())]
            if number:
                changes.append((QT_TRANSLATE_NOOP("History", "法院案号"), "", number))
            if note:
                changes.append((H_REASON, "", note))
            audit.history(uow, case_id, "confirmation_decide", changes)
            audit.record(uow, AuditKind.AFTERCARE, case_id)

    def confirmation_application(self, case_id: int) -> tuple[Path, str]:
        """司法确认申请书 signed jointly by every party, as a coded PDF: (path, code). Refused outside
        the window, or for an agreement the court cannot confirm."""
        overview = self.overview(case_id)
        if overview.window.state.value not in ("open", "closing", "applied"):
            raise DocumentRefused(self._window_text(overview.window))
        return self._documents.confirmation_application(overview)

    def visit_record(self, visit_id: int) -> tuple[Path, str]:
        """人民调解回访记录 of a visit that was made, as a coded PDF: (path, code)."""
        visit = self.visit(visit_id)
        if not visit.done:
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "这次回访还没有记录，不能打印回访记录"))
        overview = self.overview(visit.case_id)
        return self._documents.visit_record(overview, visit)

    @staticmethod
    def _window_text(window: ConfirmationWindow) -> str:
        from ..domain.aftercare import window_refusal

        return window_refusal(window.state) or QT_TRANSLATE_NOOP(
            "Aftercare", "已超过三十日申请期限：人民法院不予受理")

    # -- visits --------------------------------------------------------------------------------------
    def add_visit(self, case_id: int, due_on_text: str) -> Visit:
        """One more visit (追加回访), e.g. after a risk was found."""
        try:
            due_on = parse_date(due_on_text)
        except TextError as err:
            raise ValidationFailed([FieldError("due_on", err.message, err.params)]) from err
        if due_on is None:
            raise ValidationFailed([FieldError("due_on", QT_TRANSLATE_NOOP("Validation", "请填写日期，如 2026-11-25"))])
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AFTERCARE, case_id=case_id)
            stage = uow.cases.stage(case_id)
            refusal = performance_refusal(stage.status, stage.effective_on)
            if refusal:
                raise Refused(refusal)
            if due_on < stage.effective_on:
                raise ValidationFailed([FieldError("due_on", QT_TRANSLATE_NOOP(
                    "Validation", "回访日期不能早于协议生效日期（{day}）"), {"day": stage.effective_on.isoformat()})])
            visit = uow.visits.add(case_id, VisitReason.EXTRA, due_on)
            audit.history(uow, case_id, "visit_plan",
                          [(H_VISIT, "", f"{due_on.isoformat()}（{VisitReason.EXTRA.label}）")])
            audit.record(uow, AuditKind.AFTERCARE, case_id, {"visit": visit.id})
            return visit

    def record_visit(self, visit_id: int, data: VisitInput, *, expected_version: int) -> Visit:
        """What the visit found: each term's performance, satisfaction, risks and measures. The terms and
        the case's 履行情况 follow what was found. A visit already recorded may be corrected."""
        today = self._today()
        with self._db.transaction() as uow:
            visit = uow.visits.get(visit_id)
            guard(uow, Permission.EDIT_AFTERCARE, case_id=visit.case_id)
            if visit.version != expected_version:
                raise StaleRecord(visit_id)
            if visit.cancelled:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "这次回访已取消"))
            stage = uow.cases.stage(visit.case_id)
            terms = uow.terms.current(visit.case_id)
            found, errors = check_visit(data, tuple(t.id for t in terms), stage.effective_on, today)
            if errors:
                raise ValidationFailed(errors)
            first = not visit.done
            for finding in found.terms:  # each term as found, flushed with the visit
                uow.terms.set_status(finding.term_id, finding.status)
            visit = uow.visits.record(visit_id, found, recorded_by=uow.actor)
            audit.history(uow, visit.case_id, "visit_record" if first else "visit_correct", [
                (H_VISIT, "", f"{found.visited_on.isoformat()} {found.visitor}回访{found.visited}："
                              f"{found.performance.label}，{found.satisfaction.label}"
                              + ("；发现风险隐患" if found.risks else ""))])
            self._change_performance(uow, visit.case_id, found.performance)
            audit.record(uow, AuditKind.AFTERCARE, visit.case_id, {"visit": visit.id})
            return visit

    def cancel_visit(self, visit_id: int, reason: str) -> Visit:
        reason, errors = check_cancel_reason(reason)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            visit = uow.visits.get(visit_id)
            guard(uow, Permission.EDIT_AFTERCARE, case_id=visit.case_id)
            if visit.visited_on is not None or visit.cancelled:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "只有尚未进行的回访才能取消"))
            visit = uow.visits.cancel(visit_id, reason)
            audit.history(uow, visit.case_id, "visit_cancel",
                          [(H_VISIT, visit.due_on.isoformat(), ""), (H_REASON, "", reason)])
            audit.record(uow, AuditKind.AFTERCARE, visit.case_id, {"visit": visit.id})
            return visit

    # -- internals -----------------------------------------------------------------------------------
    @staticmethod
    def _window(stage: CaseStage, today: dt.date) -> ConfirmationWindow:
        return confirmation_window(stage.status, stage.confirmable, stage.effective_on, stage.confirmation_status,
                                   today)
