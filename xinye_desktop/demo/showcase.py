"""The showcase: the newest cases, one per state worth seeing, done through the app's own services as a
mediator would have done them, day by day: the concluding sitting finished with SessionService, the
agreement drafted, printed (an archived, coded PDF), signed and scanned with AgreementService, and the
visits, 履行情况 and 司法确认 recorded with AftercareService. What they write is by construction what the
app writes."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from ..domain.enums import CaseStatus, ConfirmationStatus, PerformanceStatus
from ..storage import bulk
from ..storage.database import Database
from .agreements import agreement_form
from .aftercare import TERM_NOTES, Aim, Step, plan_aftercare
from .cases import CasePlan
from .people import DemoGenerator


@dataclass(frozen=True)
class Life:
    """A showcase case's agreement and after-care."""

    agreement: str | None = "signed"  # None (not drafted yet), draft, printed, signed
    sign_after: int = 1  # days from the sitting to the day every party signed
    aim: Aim = field(default_factory=Aim)
    scan: bool = False  # a scan of the signed paper attached
    second: str | None = None  # a second version: draft (being revised) or signed (the first superseded)
    relation: bool = False  # a term on the marriage itself: not confirmable
    deadline_days: int | None = None
    application_pdf: bool = False  # the 司法确认申请书 printed


P = PerformanceStatus
C = ConfirmationStatus
# Keyed like cases.SHOWCASES; the oral ones take effect at their sitting.
LIVES: dict[str, Life] = {
    "window_open": Life(),
    "big_printed": Life(agreement="printed"),
    "draft": Life(agreement="draft"),
    "window_closing": Life(sign_after=2),
    "expired_overdue": Life(sign_after=3, aim=Aim(overdue=True)),
    "applied_scan": Life(scan=True, aim=Aim(confirmation=C.APPLIED), application_pdf=True),
    "superseded": Life(second="signed"),
    "revising": Life(second="draft"),
    "not_eligible": Life(relation=True),
    "confirmed": Life(sign_after=2, aim=Aim(P.PERFORMED, C.CONFIRMED)),
    "refused": Life(aim=Aim(P.NOT_PERFORMED, C.REFUSED), deadline_days=20),
    "performed": Life(aim=Aim(P.PERFORMED, early=True)),
    "partial": Life(sign_after=2, aim=Aim(P.PARTIAL), deadline_days=20),
    "not_performed": Life(aim=Aim(P.NOT_PERFORMED), deadline_days=20),
    "called_off": Life(aim=Aim(merge=True), deadline_days=27),
    "agreement_pending": Life(agreement=None),
    "printed": Life(agreement="printed"),
    "oral_recent": Life(),
    "oral_overdue": Life(aim=Aim(overdue=True)),
    "oral_performed": Life(aim=Aim(P.PERFORMED)),
    "oral_not_performed": Life(aim=Aim(P.NOT_PERFORMED)),
}


class _Clock:
    """The moment the services believe it is while the demo replays a case's past."""

    def __init__(self, today: dt.date):
        self.day = today

    def now(self) -> dt.datetime:
        return dt.datetime.combine(self.day, dt.time(2, 0))  # 10:00 in Xinye, stored as UTC


def _redate(db: Database, after_id: int, day: dt.date) -> int:
    """History written by a service call gets the day it replays (the services stamp the real time)."""
    return bulk.redate_history(db, after_id, dt.datetime.combine(day, dt.time(2, 30)))


def run_showcase(db: Database, today: dt.date, rng: random.Random, showcase: dict[int, str],
                 finish: dict[int, tuple[int, dt.date]], scan_dir, crew=None) -> None:
    """Each showcase case, as a mediator would have done it in the app, day by day.
    ``showcase``: case id → its key in LIVES (and cases.SHOWCASES); ``finish``: case id → (the
    concluding sitting, its day), left unfinished by the bulk writer for SessionService to finish.
    ``crew`` (crew.DemoCrew): the accounts, each case worked by its mediator, its audit rows dated on
    the day it replays."""
    from ..paths import DataPaths
    from ..services.aftercare import AftercareService
    from ..services.agreements import AgreementService
    from ..services.selection import SelectionService
    from ..services.session import SessionService

    clock = _Clock(today)
    paths = DataPaths(db.path.parent)
    selection = SelectionService(db, today=lambda: today)
    sessions = SessionService(db, selection, today=lambda: today)
    agreements = AgreementService(db, paths, selection, today=lambda: today, now=clock.now)
    after = AftercareService(db, paths, today=lambda: today)
    interval = after.interval_days()
    mark = bulk.last_history_id(db)

    def on(day: dt.date, action):
        nonlocal mark
        clock.day = day
        if crew is not None:
            crew.on(day)
        result = action()
        mark = _redate(db, mark, day)
        return result

    for case_id, (sitting_id, sitting_day) in sorted(finish.items()):
        if crew is not None:
            crew.work_on(case_id)
        on(sitting_day, lambda: sessions.finish(sitting_id, expected_version=1))
    for case_id, key in sorted(showcase.items()):
        life = LIVES.get(key)
        if life is None or case_id not in finish:
            continue
        if crew is not None:
            crew.work_on(case_id)
        sitting_day = finish[case_id][1]
        case = selection.state(case_id).case
        if case.status is CaseStatus.AGREEMENT_ORAL:
            deadlines = [None]  # terms_from_lines: the oral agreement's line, no deadline on file
            _run_steps(after, on, case_id, plan_aftercare(rng, today, sitting_day, deadlines, life.aim, False,
                                                          interval))
            continue
        if case.status is not CaseStatus.AGREEMENT_WRITTEN or life.agreement is None:
            continue
        parties = [{"id": p.id, "name": p.name, "claims": p.claims} for p in case.parties]
        form = agreements.starting_form(case_id)
        typed = agreement_form(case.dispute_type, parties, form.facts, sitting_day, rng, relation=life.relation,
                               deadline_days=life.deadline_days)
        form.clauses, form.responsibilities = typed.clauses, typed.responsibilities
        on(sitting_day, lambda: agreements.save_draft(case_id, form))
        if life.agreement == "draft":
            continue
        printed = on(sitting_day, lambda: agreements.print_agreement(case_id))
        if life.agreement == "printed":
            continue
        signed_on = min(sitting_day + dt.timedelta(days=life.sign_after), today)
        signed = on(signed_on, lambda: agreements.mark_signed(printed.id, signed_on))
        if life.scan:
            scan = _signed_scan(signed.pdf_path, scan_dir / f"scan-{case_id}.pdf", signed_on)
            on(signed_on, lambda: agreements.attach_scan(signed.id, scan))
        if life.second:
            revised_on = min(signed_on + dt.timedelta(days=2), today)
            draft = on(revised_on, lambda: agreements.new_version(case_id))
            revised = draft.form
            revised.clauses[0].deadline_text = (revised_on + dt.timedelta(days=30)).isoformat()
            revised.performance_note = "经双方再次协商，履行期限顺延。"
            on(revised_on, lambda: agreements.save_draft(case_id, revised))
            if life.second == "signed":
                second = on(revised_on, lambda: agreements.print_agreement(case_id))
                signed_on = min(revised_on + dt.timedelta(days=1), today)
                signed = on(signed_on, lambda: agreements.mark_signed(second.id, signed_on))
        effective = after.overview(case_id)
        deadlines = [t.deadline for t in effective.terms]
        steps = plan_aftercare(rng, today, effective.effective_on, deadlines, life.aim,
                               effective.confirmable is True, interval)
        _run_steps(after, on, case_id, steps)
        if life.application_pdf:
            on(today, lambda: after.confirmation_application(case_id))


def _run_steps(after, on, case_id: int, steps: list[Step]) -> None:
    from ..domain.aftercare import ApplicationInput, DecisionInput, TermFinding, VisitInput

    care = after.overview(case_id)
    planned = [v.id for v in sorted((v for v in care.visits if v.pending), key=lambda v: (v.due_on, v.id))]
    visited = "、".join(p.name for p in care.case.parties[:2])
    for step in steps:
        if step.kind == "visit":
            care = after.overview(case_id)
            visit = after.visit(planned[step.visit])
            terms = [TermFinding(t.id, status, TERM_NOTES.get(status, "")) for t, status in zip(care.terms, step.findings)]
            data = VisitInput(visited_on_text=step.day.isoformat(), visitor=step.visitor, visited=visited,
                              method=step.method, terms=terms, satisfaction=step.satisfaction, lawsuit=step.lawsuit,
                              risks=step.risks, measures=step.measures)
            on(step.day, lambda: after.record_visit(visit.id, data, expected_version=visit.version))
        elif step.kind == "cancel":
            on(step.day, lambda: after.cancel_visit(planned[step.visit], step.reason))
        elif step.kind == "extra":
            added = on(step.day, lambda: after.add_visit(case_id, step.due.isoformat()))
            planned.append(added.id)
        elif step.kind == "apply":
            on(step.day, lambda: after.apply_confirmation(case_id, ApplicationInput(step.day.isoformat(), step.court)))
        elif step.kind == "decide":
            on(step.day, lambda: after.record_decision(case_id, DecisionInput(
                step.confirmed, step.day.isoformat(), step.number, step.note)))


def _signed_scan(pdf, target, signed_on: dt.date):
    """A scan of the signed paper copy, imitated: the printed PDF with signatures, fingerprints and the seal."""
    from ..documents.signed_copy import imitate_signed_copy

    return imitate_signed_copy(pdf, target, signed_on)


def replay_showcase(db: Database, gen: DemoGenerator, plans: dict[int, CasePlan], finish: dict, crew=None) -> None:
    """The showcase cases through the app's services (run_showcase), their scans made in a scratch folder."""
    import tempfile
    from pathlib import Path

    keys = {case_id: plan.showcase.key for case_id, plan in plans.items() if plan.showcase is not None}
    with tempfile.TemporaryDirectory(prefix="xinye-demo-") as scratch:
        run_showcase(db, gen.today, gen.rng, keys, finish, Path(scratch), crew)

