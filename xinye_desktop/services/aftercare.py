"""After the agreement: performance supervised term by term (Art. 31), return visits, the 司法确认
window and application (Art. 33), and hand changes of a case's stage. One transaction per action;
every change goes into the case's history with who and when. Nothing here deletes: a planned visit
that is no longer needed is called off with a reason, and stays on file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..domain.aftercare import (
    CASE_MOVES, DEFAULT_VISIT_INTERVAL_DAYS, PERFORMANCE_MOVES, ApplicationInput, ConfirmationWindow,
    DecisionInput, PlannedVisit, Satisfaction, VisitInput, VisitMethod, VisitReason, check_application,
    check_cancel_reason, check_decision, check_eligibility, check_interval, check_visit, confirmation_window,
    eligibility_label, eligibility_refusal, performance_refusal, plan_visits,
)
from ..domain.cases import DisputeCase
from ..domain.enums import CaseStatus, ConfirmationStatus, PerformanceStatus
from ..domain.errors import FieldError, NotFound, Refused, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.text import parse_date, TextError
from ..storage.database import Database
from ..storage.records import CaseRecord, PerformanceTermRecord, ReturnVisitRecord, VisitTermRecord, utcnow

H_STATUS = QT_TRANSLATE_NOOP("History", "状态")
H_PERFORMANCE = QT_TRANSLATE_NOOP("History", "履行情况")
H_CONFIRMATION = QT_TRANSLATE_NOOP("History", "司法确认")
H_VISIT = QT_TRANSLATE_NOOP("History", "回访")
H_EFFECT = QT_TRANSLATE_NOOP("History", "协议生效")
H_REASON = QT_TRANSLATE_NOOP("History", "原因")
H_ELIGIBLE = QT_TRANSLATE_NOOP("History", "能否申请司法确认")
INTERVAL_KEY = "visit_interval_days"
ELIGIBILITY_ACTION = "confirm_eligible"  # the history entry of the mediator's own decision


@dataclass(frozen=True)
class TermSpec:
    """A term as the agreement states it, before it is on file."""

    content: str
    obligor: str = ""
    amount: str = ""
    deadline: dt.date | None = None


@dataclass(frozen=True)
class Term:
    id: int
    position: int
    content: str
    obligor: str
    amount: str
    deadline: dt.date | None
    status: PerformanceStatus


@dataclass(frozen=True)
class Visit:
    id: int
    case_id: int
    reason: VisitReason
    term_id: int | None
    due_on: dt.date
    visited_on: dt.date | None
    visitor: str
    visited: str
    method: VisitMethod | None
    performance: PerformanceStatus | None
    satisfaction: Satisfaction | None
    lawsuit: str
    risks: str
    measures: str
    notes: str
    cancelled: bool
    cancelled_reason: str
    findings: tuple[tuple[int, PerformanceStatus, str], ...]  # (term id, status, note)
    version: int

    @property
    def done(self) -> bool:
        return self.visited_on is not None

    @property
    def pending(self) -> bool:
        return not self.done and not self.cancelled

    def overdue(self, today: dt.date) -> bool:
        return self.pending and self.due_on < today


@dataclass(frozen=True)
class Eligibility:
    """Whether the agreement may go to 司法确认, and on what ground: the mediator's decision (with its
    reason), or what the terms say (``relation_terms``: the words that act on a 婚姻/收养/身份 relation)."""

    confirmable: bool | None  # None: no agreement in effect and nothing decided yet
    by_mediator: bool = False
    reason: str = ""
    decided_at: dt.datetime | None = None  # UTC
    operator: str = ""
    relation_terms: tuple[str, ...] = ()
    refusal: str | None = None  # why it cannot be decided now (not a written agreement, already applied)
    # the printed version whose warning box says otherwise than the mediator's decision (0: none): paper
    # cannot follow a later decision, a new version can
    printed_otherwise: int = 0


@dataclass(frozen=True)
class Aftercare:
    case: DisputeCase
    effective_on: dt.date | None
    confirmable: bool | None
    window: ConfirmationWindow
    applied_on: dt.date | None
    court: str
    decided_on: dt.date | None
    confirmation_number: str
    confirmation_note: str
    agreement_number: str  # 协议书 编号 (the 回访记录 repeats it); the case number for an oral agreement
    terms: tuple[Term, ...]
    visits: tuple[Visit, ...]
    eligibility: Eligibility

    @property
    def in_effect(self) -> bool:
        return self.case.status in (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL) \
            and self.effective_on is not None

    def term(self, term_id: int) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)


# -- when an agreement takes effect (called inside the caller's transaction) ------------------------

def take_effect(uow, case_id: int, effective_on: dt.date, terms: list[TermSpec], *, agreement_id: int | None,
                confirmable: bool | None) -> None:
    """The agreement took effect: keep the date, its terms for supervision, plan the return visits
    and (for a written one) open the 30-day window. A later version replaces the earlier one's terms
    and calls off its planned visits (kept on file, with the reason)."""
    record = uow.cases.load(case_id)
    record.effective_on = effective_on
    if confirmable is None or eligibility_decision(uow, case_id) is None:
        record.confirmable = confirmable  # what the terms say, unless the mediator decided (that stands)
    if record.performance_status is None:
        record.performance_status = PerformanceStatus.PERFORMING.value
    for visit in uow.session.scalars(select(ReturnVisitRecord).where(
            ReturnVisitRecord.case_id == case_id, ReturnVisitRecord.visited_on.is_(None),
            ReturnVisitRecord.cancelled.is_(False))):
        visit.cancelled = True
        visit.cancelled_reason = "协议已变更，按新协议重新安排回访"
    start = len(uow.session.scalars(select(PerformanceTermRecord.id).where(
        PerformanceTermRecord.case_id == case_id)).all())
    records = []
    for position, spec in enumerate(terms):
        term = PerformanceTermRecord(case_id=case_id, agreement_id=agreement_id, position=start + position,
                                     content=spec.content, obligor=spec.obligor, amount=spec.amount,
                                     deadline=spec.deadline, status=PerformanceStatus.PERFORMING.value)
        uow.session.add(term)
        records.append(term)
    uow.session.flush()
    interval = visit_interval(uow)
    plan = plan_visits(effective_on, interval, [(i, r.deadline) for i, r in enumerate(records)])
    for planned in plan:
        uow.session.add(_visit_record(case_id, planned, records))
    uow.session.flush()
    changes = [(H_EFFECT, "", effective_on.isoformat()),
               (H_VISIT, "", "、".join(f"{p.due_on.isoformat()}（{p.reason.label}）" for p in plan))]
    if record.confirmable is not None:
        changes.append((H_ELIGIBLE, "", eligibility_label(record.confirmable)))
    uow.history.add(case_id, "effect", changes)


def eligibility_decision(uow, case_id: int) -> tuple[bool, str, dt.datetime, str] | None:
    """The mediator's own decision whether the case's agreement may go to 司法确认: (confirmable, reason,
    when, who), or None when the terms decide. The value is the case's ``confirmable``: a decision sets
    it, and a later version taking effect leaves it (``take_effect``); the history keeps the reason."""
    latest = uow.history.latest(case_id, ELIGIBILITY_ACTION)
    if latest is None:
        return None
    at, operator, changes = latest
    record = uow.cases.load(case_id)
    if record.confirmable is None:
        return None
    reason = next((new for field, _old, new in changes if field == H_REASON), "")
    return bool(record.confirmable), reason, at, operator


def terms_from_document(document: dict) -> list[TermSpec]:
    """The terms of a printed 协议书 (AgreementService._document): content, who owes, amount, deadline."""
    names = {p.get("id"): p.get("name") or "" for p in document.get("parties") or []}
    out = []
    for clause in (document.get("content") or {}).get("clauses") or []:
        amount = clause.get("amount")
        deadline = clause.get("deadline")
        out.append(TermSpec(clause.get("content") or "", names.get(clause.get("obligor"), ""),
                            f"¥{float(amount):,.2f}" if amount else "",
                            dt.date.fromisoformat(deadline) if deadline else None))
    return out


def terms_from_lines(text: str) -> list[TermSpec]:
    """An oral agreement's lines, each a term to supervise (no deadline on file)."""
    return [TermSpec(line.strip()) for line in (text or "").splitlines() if line.strip()][:20]


def visit_interval(uow) -> int:
    value = uow.settings.get(INTERVAL_KEY, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_VISIT_INTERVAL_DAYS


def _visit_record(case_id: int, planned: PlannedVisit, terms: list[PerformanceTermRecord]) -> ReturnVisitRecord:
    term_id = terms[planned.term_position].id if planned.term_position is not None else None
    return ReturnVisitRecord(case_id=case_id, reason=planned.reason.value, term_id=term_id, due_on=planned.due_on)


class AftercareService:
    def __init__(self, db: Database, paths=None, today=dt.date.today):
        self._db = db
        self._paths = paths
        self._today = today

    # -- reads --------------------------------------------------------------------------------------
    def today(self) -> dt.date:
        """The service's today (a fixed day in tests)."""
        return self._today()

    def overview(self, case_id: int) -> Aftercare:
        from ..storage.records import AgreementRecord

        today = self._today()
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            case = uow.cases.get(case_id)
            terms = self._current_terms(uow, case_id)
            visits = [self._to_visit(uow, v) for v in uow.session.scalars(
                select(ReturnVisitRecord).where(ReturnVisitRecord.case_id == case_id)
                .order_by(ReturnVisitRecord.due_on, ReturnVisitRecord.id))]
            signed = uow.session.scalars(select(AgreementRecord.number).where(
                AgreementRecord.case_id == case_id, AgreementRecord.state == "signed")
                .order_by(AgreementRecord.number.desc())).first()
            eligibility = self._eligibility(uow, record, case)
        from .agreements import AgreementService

        number = AgreementService.agreement_number(case.case_number or "", signed) if signed else (case.case_number or "")
        window = confirmation_window(case.status, record.confirmable, record.effective_on, case.confirmation_status,
                                     today)
        return Aftercare(case, record.effective_on, record.confirmable, window, record.confirmation_applied_on,
                         record.confirmation_court, record.confirmation_decided_on, record.confirmation_number,
                         record.confirmation_note, number, tuple(terms), tuple(visits), eligibility)

    @staticmethod
    def _eligibility(uow, record: CaseRecord, case: DisputeCase) -> Eligibility:
        """The decision and its ground. The terms read are those of the agreement in force (the latest
        signed version), else of the newest printed one, else of the draft."""
        import json

        from ..domain.agreement import relation_terms_in
        from ..storage.records import AgreementRecord

        from ..domain.agreement import NOT_CONFIRMABLE_WARNING, hash_scheme

        versions = uow.session.execute(select(AgreementRecord.number, AgreementRecord.state, AgreementRecord.document,
                                              AgreementRecord.content)
                                       .where(AgreementRecord.case_id == record.id)
                                       .order_by(AgreementRecord.number.desc())).all()
        rank = {"signed": 0, "printed": 1, "draft": 2}
        chosen = min((v for v in versions if v.state in rank), key=lambda v: rank[v.state], default=None)
        texts: list[str] = []
        if chosen is not None:
            raw = json.loads(chosen.document or "{}").get("content") or {} if chosen.state != "draft" \
                else json.loads(chosen.content or "{}")
            texts = [c.get("content") or "" for c in raw.get("clauses") or []] + [raw.get("performance_note") or ""]
        found = relation_terms_in(texts)
        refusal = eligibility_refusal(case.status, case.confirmation_status)
        decided = eligibility_decision(uow, record.id)
        if decided is not None:
            value, reason, at, operator = decided
            otherwise = 0
            if chosen is not None and chosen.state != "draft":
                document = json.loads(chosen.document or "{}")
                warned = NOT_CONFIRMABLE_WARNING in (document.get("warnings") or [])
                if hash_scheme(document) >= 2 and warned == value:  # scheme 1 did not keep the box
                    otherwise = chosen.number
            return Eligibility(value, True, reason, at, operator, found, refusal, otherwise)
        value = record.confirmable if record.confirmable is not None else (
            not found if chosen is not None and case.status is CaseStatus.AGREEMENT_WRITTEN else None)
        return Eligibility(value, False, relation_terms=found, refusal=refusal)

    def operator(self) -> str:
        """Who is operating the app (the visitor a new 回访记录 starts with)."""
        return self._db.current_actor()

    def visit(self, visit_id: int) -> Visit:
        with self._db.transaction() as uow:
            return self._to_visit(uow, self._load_visit(uow, visit_id))

    def interval_days(self) -> int:
        with self._db.transaction() as uow:
            return visit_interval(uow)

    # -- settings -----------------------------------------------------------------------------------
    def set_interval_days(self, text: str) -> int:
        days, error = check_interval(text)
        if error:
            raise ValidationFailed([error])
        with self._db.transaction() as uow:
            uow.settings.set(INTERVAL_KEY, str(days))
        return days

    # -- the lifecycle by hand ----------------------------------------------------------------------
    def set_case_status(self, case_id: int, status: CaseStatus, reason: str) -> None:
        """Terminate a case that did not reach agreement, or resume one terminated by mistake."""
        reason, errors = check_cancel_reason(reason)
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            before = CaseStatus(record.status)
            if status not in CASE_MOVES.get(before, ()):
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "状态为“{before}”的案件不能改为“{after}”"),
                              before=before.label, after=status.label)
            if errors:
                raise ValidationFailed(errors)
            record.status = status.value
            record.updated_at = utcnow()
            uow.session.flush()
            uow.history.add(case_id, "status",
                            [(H_STATUS, before.label, status.label), (H_REASON, "", reason)])

    def set_performance(self, case_id: int, status: PerformanceStatus, note: str = "") -> None:
        from ..domain.aftercare import _clean

        errors: list[FieldError] = []
        note = _clean(errors, "note", note, 500, multiline=True)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            refusal = performance_refusal(CaseStatus(record.status), record.effective_on)
            if refusal:
                raise Refused(refusal)
            before = PerformanceStatus.from_code(record.performance_status)
            if status not in PERFORMANCE_MOVES.get(before, ()):
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "履行情况不能从“{before}”改为“{after}”"),
                              before=before.label if before else "", after=status.label)
            self._change_performance(uow, record, status, note)

    def _change_performance(self, uow, record: CaseRecord, status: PerformanceStatus, note: str = "") -> None:
        before = PerformanceStatus.from_code(record.performance_status)
        if before is status:
            return
        record.performance_status = status.value
        record.updated_at = utcnow()
        uow.session.flush()
        changes = [(H_PERFORMANCE, before.label if before else "", status.label)]
        if note:
            changes.append((H_REASON, "", note))
        uow.history.add(record.id, "performance", changes)
        if status is PerformanceStatus.PERFORMED:
            # Fully performed: the visits still planned are no longer needed (kept, marked so).
            for visit in uow.session.scalars(select(ReturnVisitRecord).where(
                    ReturnVisitRecord.case_id == record.id, ReturnVisitRecord.visited_on.is_(None),
                    ReturnVisitRecord.cancelled.is_(False))):
                visit.cancelled = True
                visit.cancelled_reason = "协议已全部履行"

    # -- 司法确认 -------------------------------------------------------------------------------------
    def apply_confirmation(self, case_id: int, data: ApplicationInput) -> None:
        """The parties applied jointly to the court (Art. 33)."""
        today = self._today()
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            window = self._window(record, today)
            checked, errors = check_application(data, window, record.effective_on, today)
            if errors:
                raise ValidationFailed(errors)
            applied_on, court = checked
            record.confirmation_status = ConfirmationStatus.APPLIED.value
            record.confirmation_applied_on, record.confirmation_court = applied_on, court
            record.updated_at = utcnow()
            uow.session.flush()
            uow.history.add(case_id, "confirmation_apply", [
                (H_CONFIRMATION, "", ConfirmationStatus.APPLIED.label),
                (QT_TRANSLATE_NOOP("History", "申请日期"), "", applied_on.isoformat()),
                (QT_TRANSLATE_NOOP("History", "受理法院"), "", court)])

    def set_confirmable(self, case_id: int, eligible: bool | None, reason: str) -> None:
        """The mediator decides whether the agreement may go to 司法确认, overriding what the terms were
        read to say (reading text is never certain). Kept in the history with the reason; the 30-day
        countdown, the application and the warning printed on the next version follow it."""
        reason, errors = check_eligibility(eligible, reason)
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            refusal = eligibility_refusal(CaseStatus(record.status),
                                          ConfirmationStatus.from_code(record.confirmation_status))
            if refusal:
                raise Refused(refusal)
            if errors:
                raise ValidationFailed(errors)
            before = record.confirmable
            record.confirmable = bool(eligible)
            record.updated_at = utcnow()
            uow.session.flush()
            uow.history.add(case_id, ELIGIBILITY_ACTION, [
                (H_ELIGIBLE, eligibility_label(before), eligibility_label(bool(eligible))), (H_REASON, "", reason)])

    def record_decision(self, case_id: int, data: DecisionInput) -> None:
        today = self._today()
        with self._db.transaction() as uow:
            record = uow.cases.load(case_id)
            if record.confirmation_status != ConfirmationStatus.APPLIED.value:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "还没有登记司法确认申请"))
            checked, errors = check_decision(data, record.confirmation_applied_on, today)
            if errors:
                raise ValidationFailed(errors)
            confirmed, decided_on, number, note = checked
            status = ConfirmationStatus.CONFIRMED if confirmed else ConfirmationStatus.REFUSED
            record.confirmation_status = status.value
            record.confirmation_decided_on, record.confirmation_number = decided_on, number
            record.confirmation_note = note
            record.updated_at = utcnow()
            uow.session.flush()
            changes = [(H_CONFIRMATION, ConfirmationStatus.APPLIED.label, status.label),
                       (QT_TRANSLATE_NOOP("History", "裁定日期"), "", decided_on.isoformat())]
            if number:
                changes.append((QT_TRANSLATE_NOOP("History", "法院案号"), "", number))
            if note:
                changes.append((H_REASON, "", note))
            uow.history.add(case_id, "confirmation_decide", changes)

    def confirmation_application(self, case_id: int) -> tuple[Path, str]:
        """司法确认申请书 signed jointly by every party, as a coded PDF: (path, code). Refused outside
        the window, or for an agreement the court cannot confirm."""
        from .documents import DocumentRefused, DocumentService

        overview = self.overview(case_id)
        if overview.window.state.value not in ("open", "closing", "applied"):
            raise DocumentRefused(self._window_text(overview.window))
        return DocumentService(self._db, self._paths, today=self._today).confirmation_application(overview)

    def visit_record(self, visit_id: int) -> tuple[Path, str]:
        """人民调解回访记录 of a visit that was made, as a coded PDF: (path, code)."""
        from .documents import DocumentRefused, DocumentService

        visit = self.visit(visit_id)
        if not visit.done:
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "这次回访还没有记录，不能打印回访记录"))
        overview = self.overview(visit.case_id)
        return DocumentService(self._db, self._paths, today=self._today).visit_record(overview, visit)

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
            record = uow.cases.load(case_id)
            refusal = performance_refusal(CaseStatus(record.status), record.effective_on)
            if refusal:
                raise Refused(refusal)
            if due_on < record.effective_on:
                raise ValidationFailed([FieldError("due_on", QT_TRANSLATE_NOOP(
                    "Validation", "回访日期不能早于协议生效日期（{day}）"), {"day": record.effective_on.isoformat()})])
            visit = ReturnVisitRecord(case_id=case_id, reason=VisitReason.EXTRA.value, due_on=due_on)
            uow.session.add(visit)
            uow.session.flush()
            uow.history.add(case_id, "visit_plan",
                            [(H_VISIT, "", f"{due_on.isoformat()}（{VisitReason.EXTRA.label}）")])
            return self._to_visit(uow, visit)

    def record_visit(self, visit_id: int, data: VisitInput, *, expected_version: int) -> Visit:
        """What the visit found: each term's performance, satisfaction, risks and measures. The terms and
        the case's 履行情况 follow what was found. A visit already recorded may be corrected."""
        today = self._today()
        with self._db.transaction() as uow:
            visit = self._load_visit(uow, visit_id)
            if visit.version != expected_version:
                raise StaleRecord(visit_id)
            if visit.cancelled:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "这次回访已取消"))
            case = uow.cases.load(visit.case_id)
            terms = self._current_term_records(uow, visit.case_id)
            found, errors = check_visit(data, tuple(t.id for t in terms), case.effective_on, today)
            if errors:
                raise ValidationFailed(errors)
            first = visit.visited_on is None
            visit.visited_on, visit.visitor, visit.visited = found.visited_on, found.visitor, found.visited
            visit.method, visit.performance = found.method.value, found.performance.value
            visit.satisfaction = found.satisfaction.value
            visit.lawsuit, visit.risks, visit.measures, visit.notes = (found.lawsuit, found.risks, found.measures,
                                                                      found.notes)
            visit.recorded_by = uow.actor
            existing = {f.term_id: f for f in uow.session.scalars(
                select(VisitTermRecord).where(VisitTermRecord.visit_id == visit_id))}
            by_id = {t.id: t for t in terms}
            for finding in found.terms:
                row = existing.get(finding.term_id)
                if row is None:
                    uow.session.add(VisitTermRecord(visit_id=visit_id, term_id=finding.term_id,
                                                    status=finding.status.value, note=finding.note))
                else:
                    row.status, row.note = finding.status.value, finding.note
                by_id[finding.term_id].status = finding.status.value
            uow.session.flush()
            uow.history.add(visit.case_id, "visit_record" if first else "visit_correct", [
                (H_VISIT, "", f"{found.visited_on.isoformat()} {found.visitor}回访{found.visited}："
                              f"{found.performance.label}，{found.satisfaction.label}"
                              + ("；发现风险隐患" if found.risks else ""))])
            self._change_performance(uow, case, found.performance)
            uow.session.flush()
            return self._to_visit(uow, visit)

    def cancel_visit(self, visit_id: int, reason: str) -> Visit:
        reason, errors = check_cancel_reason(reason)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            visit = self._load_visit(uow, visit_id)
            if visit.visited_on is not None or visit.cancelled:
                raise Refused(QT_TRANSLATE_NOOP("Aftercare", "只有尚未进行的回访才能取消"))
            visit.cancelled, visit.cancelled_reason = True, reason
            uow.session.flush()
            uow.history.add(visit.case_id, "visit_cancel",
                            [(H_VISIT, visit.due_on.isoformat(), ""), (H_REASON, "", reason)])
            return self._to_visit(uow, visit)

    # -- internals -----------------------------------------------------------------------------------
    def _window(self, record: CaseRecord, today: dt.date) -> ConfirmationWindow:
        return confirmation_window(CaseStatus(record.status), record.confirmable, record.effective_on,
                                   ConfirmationStatus.from_code(record.confirmation_status), today)

    @staticmethod
    def _current_term_records(uow, case_id: int) -> list[PerformanceTermRecord]:
        """The terms of the agreement now in effect (a later version's terms replace the earlier ones)."""
        rows = list(uow.session.scalars(select(PerformanceTermRecord).where(PerformanceTermRecord.case_id == case_id)
                                        .order_by(PerformanceTermRecord.position)))
        if not rows:
            return []
        latest = max((r.agreement_id or 0) for r in rows)
        return [r for r in rows if (r.agreement_id or 0) == latest]

    def _current_terms(self, uow, case_id: int) -> list[Term]:
        return [Term(r.id, r.position, r.content, r.obligor, r.amount, r.deadline, PerformanceStatus(r.status))
                for r in self._current_term_records(uow, case_id)]

    @staticmethod
    def _load_visit(uow, visit_id: int) -> ReturnVisitRecord:
        record = uow.session.get(ReturnVisitRecord, visit_id)
        if record is None:
            raise NotFound(visit_id)
        return record

    @staticmethod
    def _to_visit(uow, r: ReturnVisitRecord) -> Visit:
        findings = tuple((f.term_id, PerformanceStatus(f.status), f.note) for f in uow.session.scalars(
            select(VisitTermRecord).where(VisitTermRecord.visit_id == r.id).order_by(VisitTermRecord.id)))
        return Visit(r.id, r.case_id, VisitReason(r.reason), r.term_id, r.due_on, r.visited_on, r.visitor, r.visited,
                     VisitMethod.from_code(r.method), PerformanceStatus.from_code(r.performance),
                     Satisfaction.from_code(r.satisfaction), r.lawsuit, r.risks, r.measures, r.notes, r.cancelled,
                     r.cancelled_reason, findings, r.version)
