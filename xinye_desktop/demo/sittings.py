"""The sittings each case's state implies, with what was said and decided at each (the 法/理/情 record as
SessionService keeps it), and their history lines."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING

from ..domain import session  # its PartyRecord is a sitting's note on a party, not a storage record
from ..domain.enums import CaseStatus, DisputeType
from ..domain.session import (
    LEGAL_BASIS, Evidence, Outcome, ReasonPoint, Route, SittingData, Verdict, WitnessAnswer, sitting_to_dict,
)
from .cases import CasePlan
from .people import DemoGenerator

if TYPE_CHECKING:
    from ..storage.bulk import BulkTables

# What a concluding sitting records as its outcome, by the way it ended.
AGREEMENTS = {
    "written": "双方自愿达成协议，另行制作人民调解协议书。",
    "oral": "双方当场口头约定：被申请人于十日内履行，申请人不再追究；由调委会督促履行。",
    "opinion": "明白人提出化解意见：按原界线恢复，费用双方各半，见证人所在部门到场核定。",
}


def add_sittings(tables: BulkTables, gen: DemoGenerator, case_rows, parties_of, roles, people, now: dt.datetime,
                 village_names: dict[int, str], plans: dict[int, CasePlan]):
    """The sittings each case's status implies: settled cases ended with their outcome (some after
    an adjourned first sitting); cases in mediation have a sitting under way. A showcase's sittings are
    held the day after registration, a week apart, and its last one is left for SessionService to
    finish. Returns (finish, concluded, history): case id → (that sitting's id, its day) for the showcases,
    case id → (day, outcome, outcome text) of every other case's concluding sitting, and the history
    lines of the sittings (not written yet)."""
    rng = gen.rng
    history: list[dict] = []
    person = {p["id"]: p for p in people}
    witnesses_of: dict[int, list[dict]] = {}
    for r in roles:
        if person[r["person_id"]]["role"] == "witness":
            witnesses_of.setdefault(r["case_id"], []).append(person[r["person_id"]])
    start = tables.next_id("sittings")
    rows = []
    finish: dict[int, tuple[int, dt.date]] = {}
    concluded: dict[int, tuple[dt.date, object, str]] = {}

    def sitting(case, number, held_on, outcome, *, complete=True, refusing=None, finished=True):
        held_on = min(held_on, gen.today)  # a recent case's sittings are not in the future
        parties = parties_of[case["id"]]
        data = SittingData(held_on=held_on, place=f"{village_names[case['village_id']]}矛盾化解“三理”室", public=True,
                           notice_read=True)
        for i, p in enumerate(parties):
            record = session.PartyRecord(present=True, notice_confirmed=True, voluntary=p["id"] != refusing,
                                 statement=(p["claims"] or "陈述了纠纷经过。") + "（当事人陈述，已向其宣读）",
                                 claims=p["claims"])
            if complete:
                record.mood_start = rng.choice(("激动", "对立", "焦虑", "委屈"))
                record.mood_end = "平静" if outcome is not Outcome.TERMINATED else rng.choice(("对立", "缓和"))
                record.easing = "明白人以乡里乡亲的情分劝导，讲清远亲不如近邻。"
            data.parties[p["id"]] = record
        data.evidence = [Evidence(what="现场照片三张", provided_by=parties[0]["id"], checked=True)]
        data.within_scope, data.harms_none = True, True
        data.legal_basis = "；".join(LEGAL_BASIS.get(DisputeType(case["dispute_type"]), ("《中华人民共和国人民调解法》",))[:2])
        data.reason = {point: (Verdict.MET, "") for point in ReasonPoint}
        data.witnesses = [WitnessAnswer(person_id=w["id"], name=w["name"],
                                        commitment=f"{w['unit']}当场答复：三日内到现场核实并出具意见。")
                          for w in witnesses_of.get(case["id"], [])]
        data.outcome = outcome
        if outcome is Outcome.TERMINATED:
            data.termination_reason = ("一方当事人明确表示不愿继续调解" if refusing else
                                       "双方对赔偿数额分歧较大，经多次调解仍无法达成一致" if number > 1 else
                                       "双方对赔偿数额分歧较大，均不愿让步，无法达成一致")
            data.routes = (Route.LITIGATION,) + ((Route.ADMINISTRATIVE,) if rng.random() < 0.3 else ())
            data.risk = rng.random() < 0.2
            if data.risk:
                data.risk_note, data.police_informed = "一方情绪激动，扬言要动手", True
        elif outcome is Outcome.ADJOURNED:
            data.outcome_text = "需等相关部门现场测量后再调，约定一周后再次调解。"
        elif outcome is not None:
            data.outcome_text = AGREEMENTS[outcome.value] if outcome is not Outcome.WRITTEN else ""
        if not finished:  # the outcome is chosen; SessionService.finish ends it
            finish[case["id"]] = (start + len(rows), held_on)
            outcome = None
        elif outcome not in (None, Outcome.ADJOURNED):
            concluded[case["id"]] = (held_on, outcome, data.outcome_text)
        finished = None if outcome is None else dt.datetime.combine(held_on, dt.time(11, 30))
        rows.append({"id": start + len(rows), "uuid": str(uuid.uuid4()), "case_id": case["id"], "number": number,
                     "held_on": held_on, "data": json.dumps(sitting_to_dict(data), ensure_ascii=False),
                     "outcome": outcome.value if outcome else None, "finished_at": finished, "version": 1,
                     "created_at": now, "updated_at": now})
        history.append({"case_id": case["id"], "at": dt.datetime.combine(held_on, dt.time(9, 0)),
                        "operator": "演示数据", "action": "session_start",
                        "changes": json.dumps([["调解", "", f"第{number}次调解开始"]], ensure_ascii=False)})
        if outcome is not None:
            history.append({"case_id": case["id"], "at": finished, "operator": "演示数据", "action": "session_finish",
                            "changes": json.dumps([["调解", "", f"第{number}次调解：{outcome.label}"]],
                                                  ensure_ascii=False)})

    final = {CaseStatus.AGREEMENT_WRITTEN.value: (Outcome.WRITTEN, Outcome.OPINION),
             CaseStatus.AGREEMENT_ORAL.value: (Outcome.ORAL,), CaseStatus.TERMINATED.value: (Outcome.TERMINATED,)}
    for case in case_rows:
        plan = plans[case["id"]]
        status, show = plan.status.value, plan.showcase
        if show is not None:
            first_day = case["received_date"] + dt.timedelta(days=1)
            if show.key in ("mediating_adjourned", "terminated_after_two"):
                sitting(case, 1, first_day, Outcome.ADJOURNED)
            number = 2 if show.key in ("mediating_adjourned", "terminated_after_two") else 1
            day = first_day + dt.timedelta(days=7 * (number - 1))
            if status == CaseStatus.MEDIATING.value:
                sitting(case, number, day, None, complete=False)
            elif status in final:
                outcome = final[status][0]
                refusing = parties_of[case["id"]][-1]["id"] if show.key == "terminated_refusing" else None
                sitting(case, number, day, outcome, refusing=refusing, finished=False)
            continue
        first_day = case["received_date"] + dt.timedelta(days=rng.randrange(1, 6))
        if status == CaseStatus.MEDIATING.value:
            if rng.random() < 0.2:  # adjourned once, the second sitting under way
                sitting(case, 1, first_day, Outcome.ADJOURNED)
                sitting(case, 2, first_day + dt.timedelta(days=7), None, complete=False)
            else:
                sitting(case, 1, first_day, None, complete=False)
        elif status in final:
            outcome = rng.choice(final[status]) if rng.random() < 0.8 else final[status][0]
            number = 1
            if rng.random() < 0.15:
                sitting(case, 1, first_day, Outcome.ADJOURNED)
                number, first_day = 2, first_day + dt.timedelta(days=7)
            refusing = parties_of[case["id"]][-1]["id"] if outcome is Outcome.TERMINATED and rng.random() < 0.3 else None
            sitting(case, number, first_day, outcome, refusing=refusing)
    tables.insert("sittings", rows)
    return finish, concluded, history

