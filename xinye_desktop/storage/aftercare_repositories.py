"""After the agreement: the terms supervised (Art. 31) and the return visits (回访), records in, domain
Term and Visit values out. Never commits; nothing here deletes (a visit no longer needed is called off)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.aftercare import (
    PlannedVisit, Satisfaction, Term, TermSpec, Visit, VisitFindings, VisitMethod, VisitReason,
)
from ..domain.enums import PerformanceStatus
from ..domain.errors import NotFound
from .records import PerformanceTermRecord, ReturnVisitRecord, VisitTermRecord


def term_to_domain(r: PerformanceTermRecord) -> Term:
    return Term(r.id, r.position, r.content, r.obligor, r.amount, r.deadline, PerformanceStatus(r.status))


class TermRepository:
    def __init__(self, session: Session):
        self._s = session

    def current(self, case_id: int) -> list[Term]:
        """The terms of the agreement now in effect (a later version's terms replace the earlier ones)."""
        rows = list(self._s.scalars(select(PerformanceTermRecord).where(PerformanceTermRecord.case_id == case_id)
                                    .order_by(PerformanceTermRecord.position)))
        if not rows:
            return []
        latest = max((r.agreement_id or 0) for r in rows)
        return [term_to_domain(r) for r in rows if (r.agreement_id or 0) == latest]

    def count(self, case_id: int) -> int:
        """How many terms the case has on file, of every version (the next one's position)."""
        return len(self._s.scalars(select(PerformanceTermRecord.id).where(
            PerformanceTermRecord.case_id == case_id)).all())

    def add(self, case_id: int, agreement_id: int | None, start: int, specs: list[TermSpec]) -> list[Term]:
        """Put an agreement's terms under supervision (being performed), at positions from ``start``."""
        records = []
        for position, spec in enumerate(specs):
            term = PerformanceTermRecord(case_id=case_id, agreement_id=agreement_id, position=start + position,
                                         content=spec.content, obligor=spec.obligor, amount=spec.amount,
                                         deadline=spec.deadline, status=PerformanceStatus.PERFORMING.value)
            self._s.add(term)
            records.append(term)
        self._s.flush()
        return [term_to_domain(r) for r in records]

    def set_status(self, term_id: int, status: PerformanceStatus) -> None:
        record = self._s.get(PerformanceTermRecord, term_id)
        if record is None:
            raise NotFound(term_id)
        record.status = status.value


class VisitRepository:
    def __init__(self, session: Session):
        self._s = session

    # -- reads ----------------------------------------------------------------------------------
    def for_case(self, case_id: int) -> list[Visit]:
        """The case's visits, by the day they are due."""
        return [self._to_visit(v) for v in self._s.scalars(
            select(ReturnVisitRecord).where(ReturnVisitRecord.case_id == case_id)
            .order_by(ReturnVisitRecord.due_on, ReturnVisitRecord.id))]

    def get(self, visit_id: int) -> Visit:
        return self._to_visit(self._load(visit_id))

    # -- writes ---------------------------------------------------------------------------------
    def cancel_pending(self, case_id: int, reason: str) -> None:
        """Call off the case's visits still planned (kept on file, with the reason)."""
        for visit in self._s.scalars(select(ReturnVisitRecord).where(
                ReturnVisitRecord.case_id == case_id, ReturnVisitRecord.visited_on.is_(None),
                ReturnVisitRecord.cancelled.is_(False))):
            visit.cancelled = True
            visit.cancelled_reason = reason

    def plan(self, case_id: int, plan: list[PlannedVisit], terms: list[Term]) -> None:
        """Plan the visits; ``terms`` are those the plan's term positions point into."""
        for planned in plan:
            term_id = terms[planned.term_position].id if planned.term_position is not None else None
            self._s.add(ReturnVisitRecord(case_id=case_id, reason=planned.reason.value, term_id=term_id,
                                          due_on=planned.due_on))
        self._s.flush()

    def add(self, case_id: int, reason: VisitReason, due_on: dt.date) -> Visit:
        visit = ReturnVisitRecord(case_id=case_id, reason=reason.value, due_on=due_on)
        self._s.add(visit)
        self._s.flush()
        return self._to_visit(visit)

    def record(self, visit_id: int, found: VisitFindings, recorded_by: str) -> Visit:
        """What the visit found, with each term's performance (a visit recorded before is corrected)."""
        visit = self._load(visit_id)
        visit.visited_on, visit.visitor, visit.visited = found.visited_on, found.visitor, found.visited
        visit.method, visit.performance = found.method.value, found.performance.value
        visit.satisfaction = found.satisfaction.value
        visit.lawsuit, visit.risks, visit.measures, visit.notes = (found.lawsuit, found.risks, found.measures,
                                                                  found.notes)
        visit.recorded_by = recorded_by
        existing = {f.term_id: f for f in self._s.scalars(
            select(VisitTermRecord).where(VisitTermRecord.visit_id == visit_id))}
        for finding in found.terms:
            row = existing.get(finding.term_id)
            if row is None:
                self._s.add(VisitTermRecord(visit_id=visit_id, term_id=finding.term_id,
                                            status=finding.status.value, note=finding.note))
            else:
                row.status, row.note = finding.status.value, finding.note
        self._s.flush()
        return self._to_visit(visit)

    def cancel(self, visit_id: int, reason: str) -> Visit:
        visit = self._load(visit_id)
        visit.cancelled, visit.cancelled_reason = True, reason
        self._s.flush()
        return self._to_visit(visit)

    # -- internals ------------------------------------------------------------------------------
    def _load(self, visit_id: int) -> ReturnVisitRecord:
        record = self._s.get(ReturnVisitRecord, visit_id)
        if record is None:
            raise NotFound(visit_id)
        return record

    def _to_visit(self, r: ReturnVisitRecord) -> Visit:
        findings = tuple((f.term_id, PerformanceStatus(f.status), f.note) for f in self._s.scalars(
            select(VisitTermRecord).where(VisitTermRecord.visit_id == r.id).order_by(VisitTermRecord.id)))
        return Visit(r.id, r.case_id, VisitReason(r.reason), r.term_id, r.due_on, r.visited_on, r.visitor, r.visited,
                     VisitMethod.from_code(r.method), PerformanceStatus.from_code(r.performance),
                     Satisfaction.from_code(r.satisfaction), r.lawsuit, r.risks, r.measures, r.notes, r.cancelled,
                     r.cancelled_reason, findings, r.version)
