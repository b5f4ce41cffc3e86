"""The demo's after-care: what happens after an agreement took effect (the terms supervised, the return
visits, 履行情况 and 司法确认), planned once per case (``plan_aftercare``) and then either recorded through
AftercareService (the showcase: demo/showcase.py) or written in bulk by the same rules (``BulkWriter``).

The bulk path applies the domain rules the services apply (check_agreement, content_hash,
verification_code, plan_visits, overall_performance, the 30-day window) in memory and writes the rows
with one executemany per table (storage/bulk.py). In a demo of ordinary size
agreements.archive_bulk_agreements then archives their PDFs as printing would have (hash scheme 2); in
one of tens of thousands of cases (benchmarks) they keep the archived content, digest and code of hash
scheme 1 (they verify) but no PDF file: rendering them would take an hour.

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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.agreement import (
    canonical_json, check_agreement, confirmable, content_hash, content_payload, input_to_dict, verification_code,
)
from ..domain.aftercare import (
    DEFAULT_VISIT_INTERVAL_DAYS, Satisfaction, VisitMethod, VisitReason, overall_performance, plan_visits,
)
from ..domain.enums import CaseStatus, ConfirmationStatus, DisputeType, PerformanceStatus
from .agreements import agreement_form
from .cases import CasePlan, parties_by_case
from .people import DemoGenerator

if TYPE_CHECKING:
    from ..storage.bulk import BulkTables

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


# -- everything but the showcase: in bulk, by the same rules ---------------------------------------------

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

    def __init__(self, tables: BulkTables, today: dt.date, rng: random.Random, committee: str, now: dt.datetime):
        from ..services.aftercare import INTERVAL_KEY

        self.tables, self.today, self.rng, self.committee, self.now = tables, today, rng, committee, now
        # The return-visit interval the office set (take_effect reads the same setting).
        value = tables.setting(INTERVAL_KEY) or ""
        self.interval = int(value) if value.isdigit() and int(value) > 0 else DEFAULT_VISIT_INTERVAL_DAYS
        self.agreements, self.terms, self.visits, self.visit_terms, self.history = [], [], [], [], []
        self.cases: list[dict] = []
        self._agreement_id = tables.next_id("agreements")
        self._term_id = tables.next_id("performance_terms")
        self._visit_id = tables.next_id("return_visits")

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
        for table, rows in (("agreements", self.agreements), ("performance_terms", self.terms),
                            ("return_visits", self.visits), ("return_visit_terms", self.visit_terms),
                            ("case_history", self.history)):
            self.tables.insert(table, rows)
        self.tables.update("cases", self.cases)


def add_bulk_aftercare(tables: BulkTables, gen: DemoGenerator, case_rows, party_rows, plans: dict[int, CasePlan],
                       concluded: dict, people_of: dict, now: dt.datetime) -> None:
    """The agreements and after-care of every case that is not a showcase, written in bulk by the
    services' rules (BulkWriter). A written agreement reached in the last week may not
    be signed yet (not drafted, or a draft); every other one was signed a few days after its sitting."""
    rng, today = gen.rng, gen.today
    committee = tables.setting("committee_name") or ""
    writer = BulkWriter(tables, today, rng, committee, now)
    parties_of = parties_by_case(party_rows)
    for case in case_rows:
        plan = plans[case["id"]]
        if plan.showcase is not None or plan.status not in (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL):
            continue
        day, _outcome, outcome_text = concluded[case["id"]]
        agreement = "signed"
        if plan.status is CaseStatus.AGREEMENT_WRITTEN and (today - day).days <= 7 and rng.random() < 0.4:
            agreement = rng.choice(("none", "draft"))
        dtype = DisputeType(case["dispute_type"])
        writer.add(BulkCase(
            id=case["id"], uuid=case["uuid"], case_number=case["case_number"], status=plan.status,
            dispute_type=dtype, facts=case["facts"], parties=parties_of[case["id"]], sitting_day=day,
            outcome_text=outcome_text,
            aim=Aim(plan.performance or PerformanceStatus.PERFORMING, plan.confirmation,
                    overdue=rng.random() < 0.35, merge=rng.random() < 0.1, early=rng.random() < 0.3),
            people=people_of.get(case["id"], {}), agreement=agreement, sign_after=rng.randrange(0, 6),
            relation=dtype is DisputeType.MARRIAGE_FAMILY and rng.random() < 0.3))
    writer.write()

