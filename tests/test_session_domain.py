"""The guided sitting's step logic, headless: required steps, missing items, outcome paths, refusal."""

from __future__ import annotations

import datetime as dt

from xinye_desktop.domain.session import (
    Evidence, Outcome, ReasonPoint, Route, SessionContext, SittingData, Step, Verdict, WitnessAnswer, evaluate,
)

CTX = SessionContext(party_ids=(1, 2), party_names={1: "张建国", 2: "李秀英"})


def texts(messages) -> list[str]:
    return [m.text() for m in messages]


def complete_until_outcome(data: SittingData | None = None) -> SittingData:
    data = data or SittingData()
    data.held_on, data.place, data.public, data.notice_read = dt.date(2026, 11, 20), "王庄村三理室", True, True
    for pid in (1, 2):
        p = data.party(pid)
        p.present, p.notice_confirmed, p.voluntary = True, True, True
        p.statement, p.mood_start, p.mood_end = "陈述", "激动", "平静"
    data.within_scope, data.harms_none, data.legal_basis = True, True, "《民法典》第二百八十八条"
    data.reason = {point: (Verdict.MET, "") for point in ReasonPoint}
    return data


def test_an_empty_sitting_lists_what_each_required_step_needs():
    progress = evaluate(SittingData(), CTX)
    assert [s.step for s in progress.steps if s.required] == [
        Step.OPENING, Step.STATEMENTS, Step.LAW, Step.REASON, Step.FEELING, Step.OUTCOME]
    assert not progress.state(Step.WITNESS).required and progress.state(Step.WITNESS).complete
    assert texts(progress.state(Step.OPENING).missing) == [
        "填写调解日期", "填写调解地点", "询问当事人是否公开调解", "向当事人宣读权利义务告知",
        "记录张建国是否到场", "记录李秀英是否到场"]
    assert progress.open_outcomes == (Outcome.TERMINATED, Outcome.ADJOURNED)
    assert not progress.can_finish


def test_every_outcome_opens_once_law_and_reason_are_done():
    data = complete_until_outcome()
    progress = evaluate(data, CTX)
    assert progress.open_outcomes == tuple(Outcome)
    assert texts(progress.state(Step.OUTCOME).missing) == ["选择处理结果"]
    data.outcome = Outcome.WRITTEN
    assert evaluate(data, CTX).can_finish


def test_oral_agreement_and_opinion_need_their_content():
    data = complete_until_outcome()
    for outcome in (Outcome.ORAL, Outcome.OPINION):
        data.outcome, data.outcome_text = outcome, ""
        assert texts(evaluate(data, CTX).finish_missing) == ["写明协议或化解意见的内容"]
        data.outcome_text = "李秀英于月底前拆除越界部分院墙"
        assert evaluate(data, CTX).can_finish


def test_a_refusing_party_leaves_only_termination():
    data = complete_until_outcome()
    data.party(2).voluntary = False
    progress = evaluate(data, CTX)
    assert progress.refused_by == (2,)
    assert progress.open_outcomes == (Outcome.TERMINATED,)
    data.outcome = Outcome.WRITTEN
    assert "有当事人不愿调解，只能终止调解" in texts(evaluate(data, CTX).finish_missing)
    data.outcome = Outcome.TERMINATED
    assert texts(evaluate(data, CTX).finish_missing) == ["告知当事人可以选择的途径（诉讼、仲裁、行政）"]
    data.routes = (Route.LITIGATION,)
    assert evaluate(data, CTX).can_finish


def test_termination_needs_a_reason_and_the_routes_but_not_every_step():
    data = SittingData(held_on=dt.date(2026, 11, 20), outcome=Outcome.TERMINATED)
    assert texts(evaluate(data, CTX).finish_missing) == [
        "写明终止调解的原因", "告知当事人可以选择的途径（诉讼、仲裁、行政）"]
    data.termination_reason, data.routes = "双方分歧过大", (Route.LITIGATION, Route.ADMINISTRATIVE)
    assert evaluate(data, CTX).can_finish


def test_law_check_failures_need_corrections_and_block_agreement():
    data = complete_until_outcome()
    data.harms_none = False
    progress = evaluate(data, CTX)
    assert texts(progress.state(Step.LAW).missing) == ["写明需要纠正的内容"]
    data.corrections = "删去放弃继承权的条款"
    progress = evaluate(data, CTX)
    assert progress.state(Step.LAW).complete and Outcome.WRITTEN not in progress.open_outcomes


def test_a_point_judged_not_met_needs_its_reason():
    data = complete_until_outcome()
    data.reason[ReasonPoint.FARMING] = (Verdict.NOT_MET, "")
    assert texts(evaluate(data, CTX).state(Step.REASON).missing) == ["“符合生产惯例”不符合时写明理由"]


def test_the_witness_step_is_required_when_the_case_has_a_witness():
    ctx = SessionContext(party_ids=(1, 2), party_names=CTX.party_names, has_witness=True)
    data = complete_until_outcome()
    data.outcome = Outcome.WRITTEN
    progress = evaluate(data, ctx)
    assert progress.state(Step.WITNESS).required
    assert "记录见证人当场作出的承诺或答复" in texts(progress.finish_missing)
    data.witnesses = [WitnessAnswer(person_id=7, name="王所长", commitment="国土所下周一到现场重新测量界线")]
    assert evaluate(data, ctx).can_finish


def test_a_risk_of_escalation_must_be_reported_to_the_police():
    data = complete_until_outcome()
    data.outcome, data.risk = Outcome.WRITTEN, True
    assert texts(evaluate(data, CTX).finish_missing) == [
        "写明激化风险的情况", "可能激化为治安或刑事案件：须报告公安机关（人民调解法第二十五条）"]
    data.risk_note, data.police_informed = "被申请人扬言要砸墙", True
    assert evaluate(data, CTX).can_finish


def test_absent_party_needs_no_statement_and_evidence_needs_a_description():
    data = complete_until_outcome()
    data.party(2).present, data.party(2).statement = False, ""
    data.evidence = [Evidence(what="", provided_by=1)]
    assert texts(evaluate(data, CTX).state(Step.STATEMENTS).missing) == ["证据1：写明是什么证据"]


def test_adjourning_needs_the_next_arrangement():
    data = SittingData(held_on=dt.date(2026, 11, 20), outcome=Outcome.ADJOURNED)
    assert texts(evaluate(data, CTX).finish_missing) == ["写明再次调解的安排"]
    data.outcome_text = "待国土所测量后，下周三再调"
    assert evaluate(data, CTX).can_finish


def test_a_sitting_survives_the_round_trip_through_its_storage_form():
    import json

    from xinye_desktop.domain.session import sitting_from_dict, sitting_to_dict

    data = complete_until_outcome()
    data.public, data.public_reason = False, "涉及家庭隐私"
    data.evidence = [Evidence(what="1998年宅基地使用证", provided_by=1, checked=True, note="原件已核对")]
    data.reason[ReasonPoint.CUSTOMS] = (Verdict.NOT_APPLICABLE, "")
    data.witnesses = [WitnessAnswer(person_id=7, name="王所长", commitment="下周一到现场测量")]
    data.outcome, data.routes, data.risk = Outcome.TERMINATED, (Route.LITIGATION, Route.ARBITRATION), True
    again = sitting_from_dict(json.loads(json.dumps(sitting_to_dict(data), ensure_ascii=False)))
    assert again == data
    assert sitting_from_dict({}) == SittingData()
