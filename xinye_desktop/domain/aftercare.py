"""After the agreement (domain.md §1–2): the case's lifecycle, the 30-day window for 司法确认 (Art. 33),
return visits (回访, Art. 31: the committee supervises performance) and what a visit must record.

Plain rules, no storage: the services apply them inside their transactions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .enums import CaseStatus, ConfirmationStatus, Labelled, PerformanceStatus
from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .text import TextError, check_person_name, clean_text, parse_date

if TYPE_CHECKING:
    from .cases import DisputeCase

CONFIRMATION_DAYS = 30  # Art. 33: apply jointly within 30 days of the agreement taking effect
CLOSING_DAYS = 7  # a window with this many days left or fewer is "about to close"
UPCOMING_DAYS = 7  # today's work looks this far ahead
DEFAULT_VISIT_INTERVAL_DAYS = 30
MAX_VISIT_INTERVAL_DAYS = 365
AGREED = (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL)


class VisitReason(Labelled):
    INTERVAL = ("interval", QT_TRANSLATE_NOOP("Vocabulary", "协议生效后回访"))
    TERM_DEADLINE = ("term_deadline", QT_TRANSLATE_NOOP("Vocabulary", "履行期限届满回访"))
    EXTRA = ("extra", QT_TRANSLATE_NOOP("Vocabulary", "追加回访"))


class VisitMethod(Labelled):
    HOME = ("home", QT_TRANSLATE_NOOP("Vocabulary", "上门回访"))
    PHONE = ("phone", QT_TRANSLATE_NOOP("Vocabulary", "电话回访"))
    OFFICE = ("office", QT_TRANSLATE_NOOP("Vocabulary", "约见回访"))


class Satisfaction(Labelled):
    SATISFIED = ("satisfied", QT_TRANSLATE_NOOP("Vocabulary", "满意"))
    FAIRLY = ("fairly", QT_TRANSLATE_NOOP("Vocabulary", "基本满意"))
    DISSATISFIED = ("dissatisfied", QT_TRANSLATE_NOOP("Vocabulary", "不满意"))


class WindowState(Labelled):
    """Where a case stands with 司法确认."""

    NOT_APPLICABLE = ("not_applicable", QT_TRANSLATE_NOOP("Vocabulary", "不适用"))
    NOT_ELIGIBLE = ("not_eligible", QT_TRANSLATE_NOOP("Vocabulary", "不能申请（婚姻、收养、身份关系）"))
    OPEN = ("open", QT_TRANSLATE_NOOP("Vocabulary", "可申请"))
    CLOSING = ("closing", QT_TRANSLATE_NOOP("Vocabulary", "即将到期"))
    EXPIRED = ("expired", QT_TRANSLATE_NOOP("Vocabulary", "已过申请期限"))
    APPLIED = ("applied", QT_TRANSLATE_NOOP("Vocabulary", "申请中"))
    CONFIRMED = ("confirmed", QT_TRANSLATE_NOOP("Vocabulary", "已确认"))
    REFUSED = ("refused", QT_TRANSLATE_NOOP("Vocabulary", "不予确认"))


@dataclass(frozen=True)
class ConfirmationWindow:
    state: WindowState
    deadline: dt.date | None = None  # the last day to apply
    days_left: int | None = None  # 0 on the last day; negative once it passed


def confirmation_deadline(effective_on: dt.date) -> dt.date:
    """The last day of the window: the day of effect is not counted (民法典 Art. 201), 30 days follow."""
    return effective_on + dt.timedelta(days=CONFIRMATION_DAYS)


def confirmation_window(status: CaseStatus, confirmable: bool | None, effective_on: dt.date | None,
                        confirmation: ConfirmationStatus | None, today: dt.date) -> ConfirmationWindow:
    """Only a written agreement in effect can go to 司法确认; one on 婚姻/收养/身份 relations cannot."""
    if confirmation is ConfirmationStatus.APPLIED:
        return ConfirmationWindow(WindowState.APPLIED)
    if confirmation is ConfirmationStatus.CONFIRMED:
        return ConfirmationWindow(WindowState.CONFIRMED)
    if confirmation is ConfirmationStatus.REFUSED:
        return ConfirmationWindow(WindowState.REFUSED)
    if status is not CaseStatus.AGREEMENT_WRITTEN or effective_on is None or confirmable is None:
        return ConfirmationWindow(WindowState.NOT_APPLICABLE)
    if not confirmable:
        return ConfirmationWindow(WindowState.NOT_ELIGIBLE)
    deadline = confirmation_deadline(effective_on)
    left = (deadline - today).days
    state = WindowState.EXPIRED if left < 0 else WindowState.CLOSING if left <= CLOSING_DAYS else WindowState.OPEN
    return ConfirmationWindow(state, deadline, left)


# -- the lifecycle ---------------------------------------------------------------------------------
# Changes a mediator makes by hand (the sittings and intake make the usual ones). A stage reached
# by mistake can be set back one step, with a reason kept in the history.
CASE_MOVES: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    CaseStatus.ACCEPTED: (CaseStatus.MEDIATING, CaseStatus.TERMINATED),
    CaseStatus.MEDIATING: (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL, CaseStatus.TERMINATED),
    CaseStatus.TERMINATED: (CaseStatus.MEDIATING,),
    CaseStatus.AGREEMENT_WRITTEN: (),
    CaseStatus.AGREEMENT_ORAL: (),
    CaseStatus.REJECTED: (),
}
PERFORMANCE_MOVES: dict[PerformanceStatus | None, tuple[PerformanceStatus, ...]] = {
    None: (PerformanceStatus.PERFORMING,),
    PerformanceStatus.PERFORMING: (PerformanceStatus.PERFORMED, PerformanceStatus.PARTIAL,
                                   PerformanceStatus.NOT_PERFORMED),
    PerformanceStatus.PARTIAL: (PerformanceStatus.PERFORMED, PerformanceStatus.NOT_PERFORMED,
                                PerformanceStatus.PERFORMING),
    PerformanceStatus.NOT_PERFORMED: (PerformanceStatus.PERFORMED, PerformanceStatus.PARTIAL,
                                      PerformanceStatus.PERFORMING),
    PerformanceStatus.PERFORMED: (PerformanceStatus.PARTIAL, PerformanceStatus.NOT_PERFORMED),
}


def performance_refusal(status: CaseStatus, effective_on: dt.date | None) -> str | None:
    if status not in AGREED or effective_on is None:
        return QT_TRANSLATE_NOOP("Aftercare", "协议生效后才能登记履行情况")
    return None


# -- 司法确认 ---------------------------------------------------------------------------------------

@dataclass
class ApplicationInput:
    applied_on_text: str = ""
    court: str = ""


@dataclass
class DecisionInput:
    confirmed: bool | None = None
    decided_on_text: str = ""
    number: str = ""  # （2026）豫1329民特N号 / 调确字
    note: str = ""


def check_application(data: ApplicationInput, window: ConfirmationWindow, effective_on: dt.date | None,
                      today: dt.date) -> tuple[tuple[dt.date, str] | None, list[FieldError]]:
    """The joint application: filed on a real day inside the window, to a named court."""
    errors: list[FieldError] = []
    if window.state in (WindowState.NOT_APPLICABLE, WindowState.NOT_ELIGIBLE, WindowState.APPLIED,
                        WindowState.CONFIRMED, WindowState.REFUSED):
        errors.append(FieldError("window", _WINDOW_REFUSALS[window.state]))
        return None, errors
    applied_on = _date(errors, "applied_on", data.applied_on_text, today)
    if applied_on is not None and effective_on is not None:
        if applied_on < effective_on:
            errors.append(FieldError("applied_on", QT_TRANSLATE_NOOP("Validation", "申请日期不能早于协议生效日期（{day}）"),
                                     {"day": effective_on.isoformat()}))
        elif applied_on > confirmation_deadline(effective_on):
            errors.append(FieldError("applied_on", QT_TRANSLATE_NOOP(
                "Validation", "已超过三十日申请期限（最后一天为{day}）：人民法院不予受理"),
                {"day": confirmation_deadline(effective_on).isoformat()}))
    court = _clean(errors, "court", data.court, 60, required=True)
    return (None if errors else (applied_on, court)), errors


def check_decision(data: DecisionInput, applied_on: dt.date | None, today: dt.date
                   ) -> tuple[tuple[bool, dt.date, str, str] | None, list[FieldError]]:
    errors: list[FieldError] = []
    if data.confirmed is None:
        errors.append(FieldError("confirmed", QT_TRANSLATE_NOOP("Validation", "请选择法院是否确认")))
    decided_on = _date(errors, "decided_on", data.decided_on_text, today)
    if decided_on is not None and applied_on is not None and decided_on < applied_on:
        errors.append(FieldError("decided_on", QT_TRANSLATE_NOOP("Validation", "裁定日期不能早于申请日期（{day}）"),
                                 {"day": applied_on.isoformat()}))
    number = _clean(errors, "number", data.number, 40)
    note = _clean(errors, "note", data.note, 1000, multiline=True, required=data.confirmed is False)
    return (None if errors else (bool(data.confirmed), decided_on, number, note)), errors


# -- whether the agreement may go to 司法确认 at all --------------------------------------------------
# The terms are read for 婚姻/收养/身份 relations (domain.agreement.relation_terms); reading text is never
# certain, so the mediator may decide otherwise, with a reason that goes into the case's history.
ELIGIBLE = QT_TRANSLATE_NOOP("Vocabulary", "可以申请司法确认")
NOT_ELIGIBLE = QT_TRANSLATE_NOOP("Vocabulary", "不能申请司法确认")


def eligibility_label(confirmable: bool | None) -> str:
    return "" if confirmable is None else ELIGIBLE if confirmable else NOT_ELIGIBLE


def eligibility_refusal(status: CaseStatus, confirmation: ConfirmationStatus | None) -> str | None:
    """Why the mediator cannot decide it here, or None."""
    if status is not CaseStatus.AGREEMENT_WRITTEN:
        return QT_TRANSLATE_NOOP("Aftercare", "只有达成书面调解协议的案件才涉及司法确认")
    if confirmation is not None:
        return QT_TRANSLATE_NOOP("Aftercare", "已经登记了司法确认申请，不能再更改能否申请的认定")
    return None


def check_eligibility(eligible: bool | None, reason: str) -> tuple[str, list[FieldError]]:
    """The mediator's decision: a choice, and the reason (required: it goes into the history)."""
    errors: list[FieldError] = []
    if eligible is None:
        errors.append(FieldError("eligible", QT_TRANSLATE_NOOP("Validation", "请选择能否申请司法确认")))
    reason = _clean(errors, "reason", reason, 500, multiline=True, required=True)
    return reason, errors


_WINDOW_REFUSALS = {
    WindowState.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Aftercare", "只有已签署生效的书面调解协议才能申请司法确认"),
    WindowState.NOT_ELIGIBLE: QT_TRANSLATE_NOOP(
        "Aftercare", "本协议被认定为涉及婚姻、收养或身份关系，依法释〔2011〕5号，人民法院不予受理司法确认申请；"
                     "认定有误的，请先在“司法确认”中点“认定能否申请…”更改"),
    WindowState.APPLIED: QT_TRANSLATE_NOOP("Aftercare", "已经申请司法确认，请登记法院的裁定结果"),
    WindowState.CONFIRMED: QT_TRANSLATE_NOOP("Aftercare", "本协议已经司法确认"),
    WindowState.REFUSED: QT_TRANSLATE_NOOP("Aftercare", "法院已裁定不予确认"),
}


def window_refusal(state: WindowState) -> str | None:
    return _WINDOW_REFUSALS.get(state)


# -- return visits ----------------------------------------------------------------------------------

def visit_pending(visited_on, cancelled: bool) -> bool:
    """A visit still to make: neither made (no visit date) nor cancelled. The village's today list and the
    hub's overdue visits (domain/hub_overview.py) both read a visit through this."""
    return visited_on is None and not cancelled


@dataclass(frozen=True)
class PlannedVisit:
    due_on: dt.date
    reason: VisitReason
    term_position: int | None = None


def plan_visits(effective_on: dt.date, interval_days: int,
                deadlines: list[tuple[int, dt.date | None]]) -> list[PlannedVisit]:
    """A visit ``interval_days`` after the agreement took effect, and one on each term's deadline
    (not twice on one day; a deadline already past when the agreement took effect is not planned)."""
    plan = [PlannedVisit(effective_on + dt.timedelta(days=interval_days), VisitReason.INTERVAL)]
    days = {plan[0].due_on}
    for position, deadline in deadlines:
        if deadline is not None and deadline >= effective_on and deadline not in days:
            days.add(deadline)
            plan.append(PlannedVisit(deadline, VisitReason.TERM_DEADLINE, position))
    return sorted(plan, key=lambda v: v.due_on)


def check_interval(text: str) -> tuple[int | None, FieldError | None]:
    raw = (text or "").strip()
    if not raw.isdigit() or not (1 <= int(raw) <= MAX_VISIT_INTERVAL_DAYS):
        return None, FieldError("visit_interval_days", QT_TRANSLATE_NOOP(
            "Validation", "回访间隔请填1到{max}之间的天数"), {"max": MAX_VISIT_INTERVAL_DAYS})
    return int(raw), None


@dataclass
class TermFinding:
    term_id: int
    status: PerformanceStatus | None = None
    note: str = ""


@dataclass
class VisitInput:
    visited_on_text: str = ""
    visitor: str = ""
    visited: str = ""  # who was visited (the parties' names, as asked)
    method: VisitMethod | None = None
    terms: list[TermFinding] = field(default_factory=list)
    performance: PerformanceStatus | None = None  # only asked when the agreement has no terms on file
    satisfaction: Satisfaction | None = None
    lawsuit: str = ""  # 是否起诉及结果
    risks: str = ""  # 发现的风险隐患
    measures: str = ""  # 采取的措施
    notes: str = ""


@dataclass(frozen=True)
class VisitFindings:
    visited_on: dt.date
    visitor: str
    visited: str
    method: VisitMethod
    terms: tuple[TermFinding, ...]
    performance: PerformanceStatus
    satisfaction: Satisfaction
    lawsuit: str
    risks: str
    measures: str
    notes: str


def overall_performance(statuses: list[PerformanceStatus]) -> PerformanceStatus:
    """The agreement as a whole from its terms: all performed → 已履行; none begun and some past due
    → 未履行; nothing yet due → 履行中; otherwise 部分履行."""
    if all(s is PerformanceStatus.PERFORMED for s in statuses):
        return PerformanceStatus.PERFORMED
    if all(s is PerformanceStatus.PERFORMING for s in statuses):
        return PerformanceStatus.PERFORMING
    if all(s in (PerformanceStatus.NOT_PERFORMED, PerformanceStatus.PERFORMING) for s in statuses):
        return PerformanceStatus.NOT_PERFORMED
    if all(s in (PerformanceStatus.PERFORMED, PerformanceStatus.PERFORMING) for s in statuses):
        return PerformanceStatus.PERFORMING
    return PerformanceStatus.PARTIAL


def check_visit(data: VisitInput, term_ids: tuple[int, ...], effective_on: dt.date | None,
                today: dt.date) -> tuple[VisitFindings | None, list[FieldError]]:
    """What a 回访记录 must say (domain.md §2.2): when, who visited whom, each term's performance,
    satisfaction, any lawsuit, the risks found and, for each risk, the measures taken."""
    errors: list[FieldError] = []
    visited_on = _date(errors, "visited_on", data.visited_on_text, today)
    if visited_on is not None and effective_on is not None and visited_on < effective_on:
        errors.append(FieldError("visited_on", QT_TRANSLATE_NOOP("Validation", "回访日期不能早于协议生效日期（{day}）"),
                                 {"day": effective_on.isoformat()}))
    try:
        visitor = check_person_name(data.visitor, required=True)
    except TextError as err:
        errors.append(FieldError("visitor", err.message, err.params))
        visitor = ""
    visited = _clean(errors, "visited", data.visited, 120, required=True)
    if data.method is None:
        errors.append(FieldError("method", QT_TRANSLATE_NOOP("Validation", "请选择回访方式")))
    findings = {f.term_id: f for f in data.terms}
    terms = []
    for i, term_id in enumerate(term_ids):
        finding = findings.get(term_id) or TermFinding(term_id)
        if finding.status is None:
            errors.append(FieldError(f"terms.{i}", QT_TRANSLATE_NOOP("Validation", "请选择这一条的履行情况")))
        note = _clean(errors, f"terms.{i}.note", finding.note, 500)
        terms.append(TermFinding(term_id, finding.status, note))
    if term_ids:
        statuses = [t.status for t in terms if t.status is not None]
        performance = overall_performance(statuses) if len(statuses) == len(terms) else None
    else:
        performance = data.performance
        if performance is None:
            errors.append(FieldError("performance", QT_TRANSLATE_NOOP("Validation", "请选择协议的履行情况")))
    if data.satisfaction is None:
        errors.append(FieldError("satisfaction", QT_TRANSLATE_NOOP("Validation", "请选择当事人的满意程度")))
    lawsuit = _clean(errors, "lawsuit", data.lawsuit, 1000, multiline=True)
    risks = _clean(errors, "risks", data.risks, 2000, multiline=True)
    measures = _clean(errors, "measures", data.measures, 2000, multiline=True)
    if risks and not measures and not any(e.field == "measures" for e in errors):
        errors.append(FieldError("measures", QT_TRANSLATE_NOOP("Validation", "发现了风险隐患，请写明采取的措施")))
    notes = _clean(errors, "notes", data.notes, 2000, multiline=True)
    if errors:
        return None, errors
    return VisitFindings(visited_on, visitor, visited, data.method, tuple(terms), performance, data.satisfaction,
                         lawsuit, risks, measures, notes), []


def check_cancel_reason(text: str) -> tuple[str, list[FieldError]]:
    errors: list[FieldError] = []
    reason = _clean(errors, "reason", text, 500, multiline=True, required=True)
    return reason, errors


# -- helpers -----------------------------------------------------------------------------------------

def _clean(errors: list[FieldError], path: str, value: str, max_len: int, *, multiline: bool = False,
           required: bool = False) -> str:
    try:
        return clean_text(value, max_len=max_len, multiline=multiline, required=required)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return ""


def _date(errors: list[FieldError], path: str, text: str, today: dt.date) -> dt.date | None:
    """A required date that is not in the future."""
    try:
        day = parse_date(text)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return None
    if day is None:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "请填写日期，如 2026-11-25")))
    elif day > today:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "日期不能晚于今天")))
        return None
    return day


def describe_window(window: ConfirmationWindow, tr=lambda text: text) -> str:
    """The ledger's 司法确认 cell: 剩12天（至2026-12-20）, 今天截止, 已过申请期限, 申请中 …
    ``tr`` translates a Vocabulary string (the UI passes ``vtr``; exports keep the Chinese)."""
    if window.state in (WindowState.OPEN, WindowState.CLOSING):
        if window.days_left == 0:
            return tr(QT_TRANSLATE_NOOP("Vocabulary", "今天截止")).format(day=window.deadline.isoformat())
        return tr(QT_TRANSLATE_NOOP("Vocabulary", "剩{days}天（至{day}）")).format(
            days=window.days_left, day=window.deadline.isoformat())
    if window.state is WindowState.NOT_APPLICABLE:
        return ""
    return tr(window.state.label)


# -- the aftercare of a case, as read back ------------------------------------------------------------

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
        return visit_pending(self.visited_on, self.cancelled)

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
    case: "DisputeCase"
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


def terms_from_document(document: dict) -> list[TermSpec]:
    """The terms of a printed 协议书 (its canonical document): content, who owes, amount, deadline."""
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
