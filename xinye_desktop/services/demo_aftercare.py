"""The demo's agreements and what follows them (services/demo.py calls this after the cases, choices and
sittings are on file): the 协议书 through its versions, the effective date, the terms supervised, the
return visits, 履行情况 and 司法确认 — in every state, and never contradicting itself.

Two ways to the same data, both driven by one plan per case (``plan_aftercare``):

- The showcase cases (a few dozen, the newest, one per state worth seeing) go through the app's own
  services: the concluding sitting is finished with SessionService, the agreement drafted, printed (an
  archived, coded PDF), signed and scanned with AgreementService, and the visits, 履行情况 and 司法确认
  recorded with AftercareService. What they write is by construction what the app writes.
- Every other case (up to 100,000 of them for the benchmarks) is written in bulk: the same domain rules
  (check_agreement, content_hash, verification_code, plan_visits, overall_performance, the 30-day
  window) applied in memory, rows inserted with one executemany per table. In a demo of ordinary size
  ``archive_bulk_agreements`` then archives their PDFs as printing would have (hash scheme 2); in one of
  tens of thousands of cases (benchmarks) they keep the archived content, digest and code of hash scheme
  1 (they verify) but no PDF file: rendering them would take an hour.

The rules both paths keep (tests/test_demo_and_ledger.py checks them on the database):
- only a signed agreement has an effective date (Art. 29), the day every party signed; an oral one takes
  effect the day of its sitting (Art. 30); no effective date before a sitting or after today;
- terms, return visits, 履行情况 and the 司法确认 window exist only from the effective date; a case's
  履行情况 is what the last visit found term by term (overall_performance);
- an application for 司法确认 is dated inside the 30 days and names its court; a decision follows it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass, field

from ..domain.agreement import (
    AgreementInput, ClauseInput, PaymentMeans, PaymentMode, canonical_json, check_agreement, confirmable,
    content_hash, content_payload, input_to_dict, verification_code,
)
from ..domain.aftercare import (
    DEFAULT_VISIT_INTERVAL_DAYS, Satisfaction, VisitMethod, VisitReason, overall_performance, plan_visits,
)
from ..domain.enums import CaseStatus, ConfirmationStatus, DisputeType, PerformanceStatus
from ..storage.database import Database

OPERATOR = "演示数据"
VISITORS = ("刘振华", "王保国", "陈志强", "李桂兰")
COURTS = ("新野县人民法院", "新野县人民法院王庄人民法庭", "新野县人民法院沙堰人民法庭")
RISKS = {
    PerformanceStatus.PARTIAL: ("被申请人称资金紧张，余款可能拖延", "双方见面仍有口角"),
    PerformanceStatus.NOT_PERFORMED: ("被申请人外出务工，联系不便，至今未履行", "被申请人反悔，称协议数额过高"),
}
MEASURES = {
    PerformanceStatus.PARTIAL: ("约定月底前付清余款，届时再次回访", "请明白人再上门做工作"),
    PerformanceStatus.NOT_PERFORMED: ("已告知其家属，督促按期履行；告知申请人可申请司法确认或起诉",
                                      "请明白人和村干部一同上门督促履行"),
}
TERM_NOTES = {
    PerformanceStatus.PARTIAL: "已履行一部分，余下的约定月底前完成",
    PerformanceStatus.NOT_PERFORMED: "以资金紧张为由尚未履行",
}
MERGED_VISIT = "与协议生效后回访时间相近，合并进行"
REFUSAL_NOTES = ("协议中的履行期限和方式约定不明确，无法执行", "协议内容涉及第三人利益，未经第三人同意")
RESPONSIBILITIES = "经调解，双方均认可各自在纠纷中负有一定责任，愿意互谅互让。"
CLOSING_CLAUSE = "双方今后互谅互让，和睦相处，不再因此事发生争执。"
# A relationship the court may not confirm (法释〔2011〕5号): domain.agreement.confirmable says so.
RELATION_CLAUSE = "双方自愿离婚，{a}与{b}于{days}日内共同到县民政局办理离婚登记。"

# The agreed term each dispute type usually ends in: (content, amounts, who owes whom, mode, means, days).
# ``owes``: (obligor, obligee) as positions among the parties; the amount in yuan, or None for an act.
CLAUSES: dict[DisputeType, tuple] = {
    DisputeType.MARRIAGE_FAMILY: ("{b}每月10日前给付子女生活费", (600, 800, 1000), (1, 0), PaymentMode.INSTALMENTS,
                                  PaymentMeans.TRANSFER, 10),
    DisputeType.NEIGHBOUR: ("{b}清理两家之间过道上的柴草杂物，保证通行", None, (1, 0), None, PaymentMeans.ACT, 7),
    DisputeType.HOUSING_HOMESTEAD: ("{a}拆除越界部分院墙，按原宅基地使用证确定的四至重建", None, (0, 1), None,
                                    PaymentMeans.ACT, 30),
    DisputeType.CONTRACT: ("{b}分两期付清所欠小麦货款", (12000,), (1, 0), PaymentMode.INSTALMENTS,
                           PaymentMeans.TRANSFER, 45),
    DisputeType.PRODUCTION_BUSINESS: ("{b}扣除垫付的维修费用后，向{a}支付应分得的销售款", (4600, 5200), (1, 0),
                                      PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 15),
    DisputeType.DAMAGES: ("{b}赔偿{a}花生损失", (1500, 2200, 2500), (1, 0), PaymentMode.LUMP_SUM,
                          PaymentMeans.CASH, 10),
    DisputeType.FOREST_LAND: ("双方按土地承包经营权证重新埋设界桩，{b}恢复被填平的界沟", None, (1, 0), None,
                              PaymentMeans.ACT, 20),
    DisputeType.EXPROPRIATION: ("{b}会同村委会核实地上果树后，补发{a}果树补偿款", (1800, 2400), (1, 0),
                                PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 30),
    DisputeType.POLLUTION: ("{b}建成粪污处理设施，停止向沟渠直排粪污", None, (1, 0), None, PaymentMeans.ACT, 90),
    DisputeType.LABOUR: ("{b}支付拖欠{a}的劳务工资", (9600,), (1, 0), PaymentMode.INSTALMENTS, PaymentMeans.TRANSFER,
                         30),
    DisputeType.CONSUMER: ("{b}为{a}免费更换电动三轮车电池", None, (1, 0), None, PaymentMeans.GOODS, 7),
    DisputeType.MEDICAL: ("{b}补偿{a}医疗费、误工费", (1500, 2000), (1, 0), PaymentMode.LUMP_SUM, PaymentMeans.CASH,
                          15),
    DisputeType.TRAFFIC: ("{b}赔偿{a}医疗费、误工费、护理费等", (16000, 18000, 20000), (1, 0),
                          PaymentMode.INSTALMENTS, PaymentMeans.TRANSFER, 60),
    DisputeType.PROPERTY_MANAGEMENT: ("{a}补缴一年物业费，{b}同时修复小区路灯并恢复门禁卡", (960,), (0, 1),
                                      PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 15),
    DisputeType.OTHER: ("{b}赔偿{a}损坏的桌椅", (300, 600), (1, 0), PaymentMode.LUMP_SUM, PaymentMeans.CASH, 7),
}


def agreement_form(dtype: DisputeType, parties: list[dict], facts: str, sitting_day: dt.date, rng: random.Random,
                   *, relation: bool = False, deadline_days: int | None = None) -> AgreementInput:
    """The 协议书 a mediator types after the sitting: the facts and each side's claims (as
    AgreementService.starting_form gives them), the agreed term of the dispute's kind, and a closing term.
    ``parties``: dicts with id, name and claims, in the case's order."""
    a, b = parties[0], parties[1]
    names = {"a": a["name"], "b": b["name"]}
    if relation:
        days = deadline_days or 3
        first = ClauseInput(obligor=a["id"], obligee=b["id"], content=RELATION_CLAUSE.format(days=days, **names),
                            means=PaymentMeans.ACT, deadline_text=(sitting_day + dt.timedelta(days=days)).isoformat())
    else:
        content, amounts, (owes, owed), mode, means, days = CLAUSES[dtype]
        days = deadline_days or days
        first = ClauseInput(obligor=parties[owes]["id"], obligee=parties[owed]["id"], content=content.format(**names),
                            amount_text=str(rng.choice(amounts)) if amounts else "", mode=mode, means=means,
                            deadline_text=(sitting_day + dt.timedelta(days=days)).isoformat())
    issues = "\n".join(f"{p['name']}：{p['claims']}" for p in parties if p.get("claims"))
    return AgreementInput(facts=facts, issues=issues, responsibilities=RESPONSIBILITIES,
                          clauses=[first, ClauseInput(content=CLOSING_CLAUSE)])


# -- the plan: what happens after the agreement took effect ------------------------------------------

@dataclass(frozen=True)
class Step:
    """One thing a mediator records after the agreement took effect, on ``day``."""

    day: dt.date
    kind: str  # visit, cancel, extra, apply, decide
    visit: int | None = None  # index into the planned visits (the extra ones appended in order)
    findings: tuple[PerformanceStatus, ...] = ()  # per term, in the terms' order
    satisfaction: Satisfaction | None = None
    method: VisitMethod | None = None
    visitor: str = ""
    risks: str = ""
    measures: str = ""
    lawsuit: str = ""
    reason: str = ""  # a visit called off
    due: dt.date | None = None  # an extra visit
    court: str = ""
    confirmed: bool | None = None
    number: str = ""
    note: str = ""


@dataclass(frozen=True)
class Aim:
    """Where a case's after-care is meant to end up; the dates decide how far it gets."""

    performance: PerformanceStatus = PerformanceStatus.PERFORMING
    confirmation: ConfirmationStatus | None = None
    overdue: bool = False  # the visits of the last 20 days are not recorded yet
    merge: bool = False  # of two visits a few days apart, the earlier one is called off
    early: bool = False  # performed before the first visit: it finds all done, the rest are called off


def findings_for(aim: PerformanceStatus, deadlines: list[dt.date | None], on: dt.date,
                 final: bool) -> tuple[PerformanceStatus, ...]:
    """What a visit on ``on`` finds, term by term. The last visit finds the aim; before it, the terms
    past their deadline are done and the rest (always the closing, ongoing term) under way."""
    count = len(deadlines)
    if final and aim is PerformanceStatus.PERFORMED:
        return (PerformanceStatus.PERFORMED,) * count
    if final and aim in (PerformanceStatus.PARTIAL, PerformanceStatus.NOT_PERFORMED) and not (
            deadlines[0] is not None and on < deadlines[0]):  # nobody is in default before the deadline
        return (aim,) + (PerformanceStatus.PERFORMING,) * (count - 1)
    return tuple(PerformanceStatus.PERFORMED if d is not None and d <= on and i < count - 1
                 else PerformanceStatus.PERFORMING for i, d in enumerate(deadlines))


def plan_aftercare(rng: random.Random, today: dt.date, effective_on: dt.date, deadlines: list[dt.date | None],
                   aim: Aim, eligible: bool, interval: int = DEFAULT_VISIT_INTERVAL_DAYS) -> list[Step]:
    """The steps after the agreement took effect, in date order, none after ``today``. The visits are
    the ones take_effect plans (plan_visits); a visit is recorded a few days after it was due, except
    those of the last 20 days when ``aim.overdue``. Once a visit finds everything performed, the
    service calls off the rest itself (and so does the bulk writer)."""
    planned = plan_visits(effective_on, interval, list(enumerate(deadlines)))
    steps: list[Step] = []
    cancelled: set[int] = set()
    if aim.merge:
        for i in range(len(planned) - 1):
            if (planned[i + 1].due_on - planned[i].due_on).days <= 7 and planned[i].due_on > effective_on:
                day = max(effective_on, min(planned[i].due_on - dt.timedelta(days=3), today))
                steps.append(Step(day, "cancel", i, reason=MERGED_VISIT))
                cancelled.add(i)
                break
    recordable = [i for i, v in enumerate(planned) if i not in cancelled and v.due_on < today
                  and not (aim.overdue and v.due_on >= today - dt.timedelta(days=20))]
    if aim.early and aim.performance is PerformanceStatus.PERFORMED:
        recordable = recordable[:1]
    last_visit = None
    performance = PerformanceStatus.PERFORMING
    for i in recordable:
        due = planned[i].due_on
        on = min(due + dt.timedelta(days=rng.randrange(0, 5)), today)
        on = max(on, last_visit or on)  # visits are made in the order they are due
        final = i == recordable[-1]
        found = findings_for(aim.performance, deadlines, on, final)
        performance = overall_performance(list(found))
        bad = performance in (PerformanceStatus.PARTIAL, PerformanceStatus.NOT_PERFORMED)
        satisfaction = (Satisfaction.DISSATISFIED if performance is PerformanceStatus.NOT_PERFORMED else
                        rng.choice((Satisfaction.FAIRLY, Satisfaction.DISSATISFIED)) if bad else
                        rng.choice((Satisfaction.SATISFIED, Satisfaction.SATISFIED, Satisfaction.FAIRLY)))
        lawsuit = ("申请人表示如再不履行，将向人民法院起诉" if performance is PerformanceStatus.NOT_PERFORMED
                   and (today - on).days > 60 else "")
        steps.append(Step(on, "visit", i, found, satisfaction, rng.choice((VisitMethod.HOME, VisitMethod.HOME,
                                                                            VisitMethod.PHONE)),
                          rng.choice(VISITORS), rng.choice(RISKS[performance]) if bad else "",
                          rng.choice(MEASURES[performance]) if bad else "", lawsuit))
        last_visit = on
        if performance is PerformanceStatus.PERFORMED:
            break  # the visits still planned are called off by the service: 协议已全部履行
    waiting = [i for i, v in enumerate(planned) if i not in cancelled and i not in recordable]
    if performance is not PerformanceStatus.PERFORMED and not waiting:
        # Nothing planned any more and the agreement not yet performed: the mediator adds a visit.
        if performance is PerformanceStatus.PERFORMING or (last_visit and (today - last_visit).days <= 60):
            day = last_visit if last_visit and (today - last_visit).days <= 20 else today - dt.timedelta(
                days=rng.randrange(0, 15))
            day = max(day, effective_on)
            due = max(day + dt.timedelta(days=30), today + dt.timedelta(days=rng.randrange(3, 21)))
            steps.append(Step(day, "extra", len(planned), due=due))
    if aim.confirmation is not None and eligible:
        applied = min(effective_on + dt.timedelta(days=rng.randrange(2, 28)), today)
        steps.append(Step(applied, "apply", court=rng.choice(COURTS)))
        decided = applied + dt.timedelta(days=rng.randrange(3, 16))
        decide = aim.confirmation is not ConfirmationStatus.APPLIED or (today - applied).days > 25
        if decide and decided <= today:  # the court rules within 15 days (25 when extended)
            refused = aim.confirmation is ConfirmationStatus.REFUSED
            steps.append(Step(decided, "decide", confirmed=not refused,
                              number=f"（{decided.year}）豫1329民特{rng.randrange(1, 400)}号",
                              note=rng.choice(REFUSAL_NOTES) if refused else ""))
    order = {"cancel": 0, "apply": 1, "visit": 2, "decide": 3, "extra": 4}
    return sorted(steps, key=lambda s: (s.day, order[s.kind]))


# -- the showcase: through the services ----------------------------------------------------------------

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
# Keyed like demo.SHOWCASES; the oral ones take effect at their sitting.
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
    from sqlalchemy import func, select, update

    from ..storage.records import CaseHistoryRecord

    with db.engine.begin() as conn:
        last = conn.scalar(select(func.max(CaseHistoryRecord.id))) or 0
        if last > after_id:
            conn.execute(update(CaseHistoryRecord).where(CaseHistoryRecord.id > after_id)
                         .values(at=dt.datetime.combine(day, dt.time(2, 30))))
    return last


def _last_history_id(db: Database) -> int:
    from sqlalchemy import func, select

    from ..storage.records import CaseHistoryRecord

    with db.engine.begin() as conn:
        return conn.scalar(select(func.max(CaseHistoryRecord.id))) or 0


def run_showcase(db: Database, today: dt.date, rng: random.Random, showcase: dict[int, str],
                 finish: dict[int, tuple[int, dt.date]], scan_dir) -> None:
    """Each showcase case, as a mediator would have done it in the app, day by day.
    ``showcase``: case id → its key in LIVES (and demo.SHOWCASES); ``finish``: case id → (the
    concluding sitting, its day), left unfinished by the bulk writer for SessionService to finish."""
    from ..paths import DataPaths
    from .aftercare import AftercareService
    from .agreements import AgreementService
    from .selection import SelectionService
    from .session import SessionService

    clock = _Clock(today)
    paths = DataPaths(db.path.parent)
    selection = SelectionService(db, today=lambda: today)
    sessions = SessionService(db, selection, today=lambda: today)
    agreements = AgreementService(db, paths, selection, today=lambda: today, now=clock.now)
    after = AftercareService(db, paths, today=lambda: today)
    interval = after.interval_days()
    mark = _last_history_id(db)

    def on(day: dt.date, action):
        nonlocal mark
        clock.day = day
        result = action()
        mark = _redate(db, mark, day)
        return result

    for case_id, (sitting_id, sitting_day) in sorted(finish.items()):
        on(sitting_day, lambda: sessions.finish(sitting_id, expected_version=1))
    for case_id, key in sorted(showcase.items()):
        life = LIVES.get(key)
        if life is None or case_id not in finish:
            continue
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


# -- everything else: in bulk, by the same rules ---------------------------------------------------------

@dataclass
class BulkCase:
    """What the bulk writer needs of one case."""

    id: int
    uuid: str
    case_number: str
    status: CaseStatus
    dispute_type: DisputeType
    facts: str
    parties: list[dict]  # the party rows, in order
    sitting_day: dt.date  # the concluding sitting
    outcome_text: str
    aim: Aim
    people: dict  # hosts, elders, witnesses, recorder: names as the agreement prints them
    agreement: str = "signed"  # none, draft, signed
    sign_after: int = 0
    relation: bool = False


class BulkWriter:
    """Rows as the services would write them, collected in memory and inserted table by table."""

    def __init__(self, conn, today: dt.date, rng: random.Random, committee: str, now: dt.datetime):
        from sqlalchemy import func, select

        from ..storage.records import AgreementRecord, PerformanceTermRecord, ReturnVisitRecord

        from ..storage.records import SettingRecord
        from .aftercare import INTERVAL_KEY

        self.conn, self.today, self.rng, self.committee, self.now = conn, today, rng, committee, now
        # The return-visit interval the office set (take_effect reads the same setting).
        value = conn.scalar(select(SettingRecord.value).where(SettingRecord.key == INTERVAL_KEY)) or ""
        self.interval = int(value) if value.isdigit() and int(value) > 0 else DEFAULT_VISIT_INTERVAL_DAYS
        self.agreements, self.terms, self.visits, self.visit_terms, self.history = [], [], [], [], []
        self.cases: list[dict] = []
        self._agreement_id = (conn.scalar(select(func.max(AgreementRecord.id))) or 0) + 1
        self._term_id = (conn.scalar(select(func.max(PerformanceTermRecord.id))) or 0) + 1
        self._visit_id = (conn.scalar(select(func.max(ReturnVisitRecord.id))) or 0) + 1

    # -- history, as the services word it
    def _event(self, case_id: int, day: dt.date, action: str, changes: list, minute: int = 0) -> None:
        self.history.append({"case_id": case_id, "at": dt.datetime.combine(day, dt.time(2, 30 + minute)),
                             "operator": OPERATOR, "action": action, "changes": json.dumps(changes, ensure_ascii=False)})

    def add(self, case: BulkCase) -> None:
        if case.status is CaseStatus.AGREEMENT_ORAL:
            lines = [line.strip() for line in case.outcome_text.splitlines() if line.strip()][:20]
            terms = [{"content": line, "obligor": "", "amount": "", "deadline": None} for line in lines]
            self._effect(case, case.sitting_day, terms, None, None)
            return
        if case.agreement == "none":
            return
        form = agreement_form(case.dispute_type, case.parties, case.facts, case.sitting_day, self.rng,
                              relation=case.relation)
        content_json = json.dumps(input_to_dict(form), ensure_ascii=False)
        agreement_id = self._agreement_id
        self._agreement_id += 1
        row = {"id": agreement_id, "uuid": str(uuid.uuid4()), "case_id": case.id, "number": 1, "state": "draft",
               "content": content_json, "document": None, "digest": None, "code": None, "pdf_path": None,
               "printed_at": None, "signed_on": None, "scan_path": None, "version": 1,
               "created_at": self.now, "updated_at": self.now}
        self.agreements.append(row)
        if case.agreement == "draft":
            return
        content, errors = check_agreement(form, tuple(p["id"] for p in case.parties), self.today)
        assert not errors, errors
        document = self._document(case, row, content)
        digest = content_hash(document)
        code = verification_code(row["uuid"], 1, digest)
        signed_on = min(case.sitting_day + dt.timedelta(days=case.sign_after), self.today)
        printed_on = case.sitting_day + dt.timedelta(days=self.rng.randrange(0, case.sign_after + 1))
        printed_on = min(printed_on, signed_on)
        row.update(state="signed", document=canonical_json(document), digest=digest, code=code,
                   printed_at=dt.datetime.combine(printed_on, dt.time(2, 0)), signed_on=signed_on, version=3)
        self._event(case.id, printed_on, "agreement_print", [["调解协议", "", f"第1版已打印，核验码{code}"]])
        self._event(case.id, signed_on, "agreement_sign", [["调解协议", "", f"第1版于{signed_on.isoformat()}签署生效"]],
                    minute=1)
        names = {p["id"]: p["name"] for p in case.parties}
        terms = [{"content": c.content, "obligor": names.get(c.obligor, ""),
                  "amount": f"¥{float(c.amount):,.2f}" if c.amount else "", "deadline": c.deadline}
                 for c in content.clauses]
        self._effect(case, signed_on, terms, agreement_id, confirmable(content))

    def _document(self, case: BulkCase, row: dict, content) -> dict:
        """What AgreementService._document archives for a printed version."""
        keys = ("id", "kind", "role", "name", "sex", "ethnicity", "age", "occupation", "phone", "address",
                "legal_representative")
        parties = [{k: p.get(k) for k in keys} for p in case.parties]
        return {
            "agreement": row["uuid"], "version": 1, "committee": self.committee,
            "number": case.case_number, "case_number": case.case_number, "dispute_type": case.dispute_type.value,
            "parties": parties, "content": content_payload(content),
            "hosts": list(case.people.get("hosts", ())), "elders": list(case.people.get("elders", ())),
            "witnesses": list(case.people.get("witnesses", ())), "recorder": list(case.people.get("recorder", ())),
        }

    def _effect(self, case: BulkCase, effective_on: dt.date, terms: list[dict], agreement_id: int | None,
                eligible: bool | None) -> None:
        """take_effect, then the plan's steps, as the services would record them."""
        state = {"id": case.id, "effective_on": effective_on, "confirmable": eligible,
                 "performance_status": PerformanceStatus.PERFORMING.value, "confirmation_status": None,
                 "confirmation_applied_on": None, "confirmation_court": "", "confirmation_decided_on": None,
                 "confirmation_number": "", "confirmation_note": ""}
        self.cases.append(state)
        term_rows = []
        for position, term in enumerate(terms):
            term_rows.append({"id": self._term_id, "uuid": str(uuid.uuid4()), "case_id": case.id,
                              "agreement_id": agreement_id, "position": position, "content": term["content"],
                              "obligor": term["obligor"], "amount": term["amount"], "deadline": term["deadline"],
                              "status": PerformanceStatus.PERFORMING.value, "created_at": self.now,
                              "updated_at": self.now})
            self._term_id += 1
        self.terms += term_rows
        deadlines = [t["deadline"] for t in terms]
        plan = plan_visits(effective_on, self.interval, list(enumerate(deadlines)))
        visits = [self._visit(case.id, v.reason, term_rows[v.term_position]["id"] if v.term_position is not None
                              else None, v.due_on) for v in plan]
        self._event(case.id, effective_on, "effect", [
            ["协议生效", "", effective_on.isoformat()],
            ["回访", "", "、".join(f"{v.due_on.isoformat()}（{v.reason.label}）" for v in plan)]], minute=2)
        visited = "、".join(p["name"] for p in case.parties[:2])
        for step in plan_aftercare(self.rng, self.today, effective_on, deadlines, case.aim, eligible is True,
                                   self.interval):
            if step.kind == "visit":
                visit = visits[step.visit]
                visit.update(visited_on=step.day, visitor=step.visitor, visited=visited, method=step.method.value,
                             satisfaction=step.satisfaction.value, lawsuit=step.lawsuit, risks=step.risks,
                             measures=step.measures, recorded_by=OPERATOR, version=2)
                for term, status in zip(term_rows, step.findings):
                    term["status"] = status.value
                    self.visit_terms.append({"visit_id": visit["id"], "term_id": term["id"], "status": status.value,
                                             "note": TERM_NOTES.get(status, "")})
                found = overall_performance(list(step.findings))
                visit["performance"] = found.value
                self._event(case.id, step.day, "visit_record", [[
                    "回访", "", f"{step.day.isoformat()} {step.visitor}回访{visited}：{found.label}，"
                               f"{step.satisfaction.label}" + ("；发现风险隐患" if step.risks else "")]])
                before = PerformanceStatus(state["performance_status"])
                if found is not before:
                    state["performance_status"] = found.value
                    self._event(case.id, step.day, "performance", [["履行情况", before.label, found.label]], minute=1)
                    if found is PerformanceStatus.PERFORMED:
                        for other in visits:
                            if other["visited_on"] is None and not other["cancelled"]:
                                other.update(cancelled=True, cancelled_reason="协议已全部履行", version=2)
            elif step.kind == "cancel":
                visit = visits[step.visit]
                visit.update(cancelled=True, cancelled_reason=step.reason, version=2)
                self._event(case.id, step.day, "visit_cancel", [["回访", visit["due_on"].isoformat(), ""],
                                                                ["原因", "", step.reason]])
            elif step.kind == "extra":
                visits.append(self._visit(case.id, VisitReason.EXTRA, None, step.due))
                self._event(case.id, step.day, "visit_plan",
                            [["回访", "", f"{step.due.isoformat()}（{VisitReason.EXTRA.label}）"]])
            elif step.kind == "apply":
                state.update(confirmation_status=ConfirmationStatus.APPLIED.value, confirmation_applied_on=step.day,
                             confirmation_court=step.court)
                self._event(case.id, step.day, "confirmation_apply", [
                    ["司法确认", "", ConfirmationStatus.APPLIED.label], ["申请日期", "", step.day.isoformat()],
                    ["受理法院", "", step.court]])
            elif step.kind == "decide":
                status = ConfirmationStatus.CONFIRMED if step.confirmed else ConfirmationStatus.REFUSED
                state.update(confirmation_status=status.value, confirmation_decided_on=step.day,
                             confirmation_number=step.number, confirmation_note=step.note)
                changes = [["司法确认", ConfirmationStatus.APPLIED.label, status.label],
                           ["裁定日期", "", step.day.isoformat()], ["法院案号", "", step.number]]
                if step.note:
                    changes.append(["原因", "", step.note])
                self._event(case.id, step.day, "confirmation_decide", changes)

    def _visit(self, case_id: int, reason: VisitReason, term_id: int | None, due: dt.date) -> dict:
        row = {"id": self._visit_id, "uuid": str(uuid.uuid4()), "case_id": case_id, "reason": reason.value,
               "term_id": term_id, "due_on": due, "visited_on": None, "visitor": "", "visited": "", "method": None,
               "performance": None, "satisfaction": None, "lawsuit": "", "risks": "", "measures": "", "notes": "",
               "cancelled": False, "cancelled_reason": "", "recorded_by": "", "version": 1,
               "created_at": self.now, "updated_at": self.now}
        self._visit_id += 1
        self.visits.append(row)
        return row

    def write(self) -> None:
        from sqlalchemy import bindparam, insert, update

        from ..storage.records import (
            AgreementRecord, CaseHistoryRecord, CaseRecord, PerformanceTermRecord, ReturnVisitRecord, VisitTermRecord,
        )

        for table, rows in ((AgreementRecord, self.agreements), (PerformanceTermRecord, self.terms),
                            (ReturnVisitRecord, self.visits), (VisitTermRecord, self.visit_terms),
                            (CaseHistoryRecord, self.history)):
            if rows:
                self.conn.execute(insert(table), rows)
        if self.cases:
            columns = [k for k in self.cases[0] if k != "id"]
            self.conn.execute(update(CaseRecord).where(CaseRecord.id == bindparam("case_id"))
                              .values({k: bindparam("v_" + k) for k in columns}),
                              [{"case_id": c["id"], **{"v_" + k: c[k] for k in columns}} for c in self.cases])


# The bulk-signed agreements of a demo this size or smaller are archived as PDFs, as printing them in the
# app would have (about 40 ms each: the default 300-case demo has ~170); larger demos (the benchmarks'
# 100,000 cases) keep their content, digest and code without a file.
ARCHIVE_LIMIT = 600


def archive_bulk_agreements(db: Database, case_ids: set[int], limit: int | None = None) -> int:
    """Give the signed agreements the bulk writer left without a PDF (of ``case_ids``) what
    AgreementService.print_agreement gives a printed version: the document of the current hash scheme,
    its digest and code, the archived PDF and that file's own SHA-256; the history's print line names the
    new code. Nothing when there are more than ``limit`` of them. Returns how many were archived."""
    from sqlalchemy import select

    from ..paths import DataPaths
    from ..storage.records import AgreementRecord, CaseHistoryRecord
    from .agreements import AgreementService
    from .selection import SelectionService

    limit = ARCHIVE_LIMIT if limit is None else limit
    with db.transaction() as uow:
        rows = uow.session.execute(select(AgreementRecord.id, AgreementRecord.case_id, AgreementRecord.code).where(
            AgreementRecord.state == "signed", AgreementRecord.pdf_path.is_(None))
            .order_by(AgreementRecord.id)).all()
        committee = uow.settings.get("committee_name")
    rows = [r for r in rows if r.case_id in case_ids]
    if not rows or len(rows) > limit:
        return 0
    paths = DataPaths(db.path.parent)
    service = AgreementService(db, paths, SelectionService(db))
    for agreement_id, case_id, old_code in rows:
        version = next(v for v in service.versions(case_id) if v.id == agreement_id)
        state = service.case_state(case_id)
        content, errors, warnings = service.check(case_id, version.form)
        assert not errors, errors
        document, digest, code, pdf = service.freeze(state, version, content, committee, tuple(warnings))
        with db.transaction() as uow:
            record = uow.session.get(AgreementRecord, agreement_id)
            record.document, record.digest, record.code = canonical_json(document), digest, code
            record.pdf_path = str(pdf.relative_to(paths.root))
            for entry in uow.session.scalars(select(CaseHistoryRecord).where(
                    CaseHistoryRecord.case_id == case_id, CaseHistoryRecord.action == "agreement_print")):
                if old_code and old_code in entry.changes:
                    entry.changes = entry.changes.replace(old_code, code)
    return len(rows)
