"""An agreement takes effect: the one place that says what follows, whoever records it. A written 协议书
takes effect when it is signed and sealed (Art. 29: AgreementService.mark_signed), an oral agreement the
day it is reached (Art. 30: SessionService.finish). Then the date is kept, its terms go under supervision
(Art. 31), the return visits are planned and, for a written one, the 30 days for 司法确认 open (Art. 33)
with what the terms say about whether the court may confirm it, unless the mediator decided that.

Functions over the caller's unit of work (its transaction); they use repositories only, and import no
other service, so the services that call them stay free of each other.
"""

from __future__ import annotations

import datetime as dt

from ..domain.aftercare import (
    DEFAULT_VISIT_INTERVAL_DAYS, TermSpec, eligibility_label, plan_visits,
)
from ..domain.enums import PerformanceStatus
from ..domain.i18n import QT_TRANSLATE_NOOP
from . import audit

H_VISIT = QT_TRANSLATE_NOOP("History", "回访")
H_EFFECT = QT_TRANSLATE_NOOP("History", "协议生效")
H_REASON = QT_TRANSLATE_NOOP("History", "原因")
H_ELIGIBLE = QT_TRANSLATE_NOOP("History", "能否申请司法确认")
INTERVAL_KEY = "visit_interval_days"
ELIGIBILITY_ACTION = "confirm_eligible"  # the history entry of the mediator's own decision
REPLANNED = "协议已变更，按新协议重新安排回访"


def take_effect(uow, case_id: int, effective_on: dt.date, terms: list[TermSpec], *, agreement_id: int | None,
                confirmable: bool | None) -> None:
    """The agreement took effect: keep the date, its terms for supervision, plan the return visits
    and (for a written one) open the 30-day window. A later version replaces the earlier one's terms
    and calls off its planned visits (kept on file, with the reason)."""
    stage = uow.cases.stage(case_id)
    changes: dict = {"effective_on": effective_on}
    if confirmable is None or eligibility_decision(uow, case_id) is None:
        changes["confirmable"] = confirmable  # what the terms say, unless the mediator decided (that stands)
    if stage.performance_status is None:
        changes["performance_status"] = PerformanceStatus.PERFORMING
    stage = uow.cases.update_stage(case_id, **changes)
    uow.visits.cancel_pending(case_id, REPLANNED)
    supervised = uow.terms.add(case_id, agreement_id, uow.terms.count(case_id), terms)
    plan = plan_visits(effective_on, visit_interval(uow), [(i, t.deadline) for i, t in enumerate(supervised)])
    uow.visits.plan(case_id, plan, supervised)
    lines = [(H_EFFECT, "", effective_on.isoformat()),
             (H_VISIT, "", "、".join(f"{p.due_on.isoformat()}（{p.reason.label}）" for p in plan))]
    if stage.confirmable is not None:
        lines.append((H_ELIGIBLE, "", eligibility_label(stage.confirmable)))
    audit.history(uow, case_id, "effect", lines)  # the caller's audit row names it


def eligibility_decision(uow, case_id: int) -> tuple[bool, str, dt.datetime, str] | None:
    """The mediator's own decision whether the case's agreement may go to 司法确认: (confirmable, reason,
    when, who), or None when the terms decide. The value is the case's ``confirmable``: a decision sets
    it, and a later version taking effect leaves it (``take_effect``); the history keeps the reason."""
    latest = uow.history.latest(case_id, ELIGIBILITY_ACTION)
    if latest is None:
        return None
    at, operator, changes = latest
    confirmable = uow.cases.stage(case_id).confirmable
    if confirmable is None:
        return None
    reason = next((new for field, _old, new in changes if field == H_REASON), "")
    return bool(confirmable), reason, at, operator


def visit_interval(uow) -> int:
    """Days from the agreement taking effect to the first return visit (a committee setting)."""
    value = uow.settings.get(INTERVAL_KEY, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_VISIT_INTERVAL_DAYS
