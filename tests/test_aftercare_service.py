"""After the agreement: it takes effect (terms, visits, 30-day window), visits record performance term by
term, 司法确认 is applied for and decided, stages change by hand; every change is in the history; the
upgrade from 0005 fills in the index and the histories; today's work lists what is due."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.helpers import valid_case_input
from tests.test_agreement_service import agreed_case, form_for
from tests.test_session_service import fill_all, ready_case
from xinye_desktop.domain.aftercare import (
    ApplicationInput, DecisionInput, Satisfaction, TermFinding, VisitInput, VisitMethod, VisitReason, WindowState,
    confirmation_window, overall_performance, plan_visits,
)
from xinye_desktop.domain.agreement import NOT_CONFIRMABLE_WARNING, ClauseInput
from xinye_desktop.domain.enums import CaseStatus, ConfirmationStatus, PerformanceStatus
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.session import Outcome
from xinye_desktop.services.aftercare import AftercareService
from xinye_desktop.services.agreements import AgreementService
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.ledger import LedgerFilter, LedgerService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService

TODAY = dt.date(2026, 11, 25)
SIGNED = dt.date(2026, 11, 20)


@pytest.fixture
def s(database, data_paths, monkeypatch):
    today = {"day": TODAY}
    selection = SelectionService(database)
    clock = lambda: today["day"]  # noqa: E731
    out = {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
           "selection": selection, "session": SessionService(database, selection, today=clock),
           "agreements": AgreementService(database, data_paths, selection, today=clock,
                                          now=lambda: dt.datetime(2026, 11, 19, 2, 0)),
           "aftercare": AftercareService(database, data_paths, today=clock), "ledger": LedgerService(database, clock),
           "paths": data_paths, "db": database, "today": today}
    monkeypatch.setattr(AgreementService, "_render", _fake_render(data_paths))
    return out


def _fake_render(paths):
    def render(self, state, current, content, committee, code, warnings):
        target = paths.documents / state.case.uuid / f"v{current.number}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4 test")
        return target
    return render


def signed_case(s, form=None):
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form or form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    s["agreements"].mark_signed(printed.id, SIGNED)
    return case


def history_actions(s, case_id):
    return [e.action for e in s["intake"].history(case_id)]


# ---------------------------------------------------------------- domain rules

def test_the_window_counts_thirty_days_after_the_day_of_effect():
    w = confirmation_window(CaseStatus.AGREEMENT_WRITTEN, True, dt.date(2026, 11, 1), None, dt.date(2026, 11, 25))
    assert (w.state, w.deadline, w.days_left) == (WindowState.CLOSING, dt.date(2026, 12, 1), 6)
    assert confirmation_window(CaseStatus.AGREEMENT_WRITTEN, True, dt.date(2026, 11, 1), None,
                               dt.date(2026, 12, 2)).state is WindowState.EXPIRED
    assert confirmation_window(CaseStatus.AGREEMENT_WRITTEN, True, dt.date(2026, 11, 20), None, TODAY).state \
        is WindowState.OPEN
    assert confirmation_window(CaseStatus.AGREEMENT_WRITTEN, False, dt.date(2026, 11, 20), None, TODAY).state \
        is WindowState.NOT_ELIGIBLE
    assert confirmation_window(CaseStatus.AGREEMENT_ORAL, None, dt.date(2026, 11, 20), None, TODAY).state \
        is WindowState.NOT_APPLICABLE


def test_visits_are_planned_after_the_interval_and_on_each_deadline_once():
    plan = plan_visits(dt.date(2026, 11, 1), 30, [(0, dt.date(2026, 12, 31)), (1, None), (2, dt.date(2026, 12, 31)),
                                                  (3, dt.date(2026, 10, 1))])
    assert [(p.due_on, p.reason, p.term_position) for p in plan] == [
        (dt.date(2026, 12, 1), VisitReason.INTERVAL, None), (dt.date(2026, 12, 31), VisitReason.TERM_DEADLINE, 0)]


def test_overall_performance_from_the_terms():
    P = PerformanceStatus
    assert overall_performance([P.PERFORMED, P.PERFORMED]) is P.PERFORMED
    assert overall_performance([P.PERFORMED, P.NOT_PERFORMED]) is P.PARTIAL
    assert overall_performance([P.NOT_PERFORMED, P.PERFORMING]) is P.NOT_PERFORMED
    assert overall_performance([P.PERFORMED, P.PERFORMING]) is P.PERFORMING


# ---------------------------------------------------------------- taking effect

def test_signing_opens_the_window_keeps_the_terms_and_plans_the_visits(s):
    case = signed_case(s)
    care = s["aftercare"].overview(case.id)
    assert care.effective_on == SIGNED and care.confirmable is True
    assert care.window.state is WindowState.OPEN and care.window.deadline == dt.date(2026, 12, 20)
    assert [(t.content, t.obligor, t.amount, t.deadline) for t in care.terms] == [
        ("赔偿院墙损失", "李秀英", "¥12,000.00", dt.date(2026, 12, 31)),
        ("双方今后按原界线各自管理，互不干涉", "", "", None)]
    assert [(v.due_on, v.reason) for v in care.visits] == [
        (dt.date(2026, 12, 20), VisitReason.INTERVAL), (dt.date(2026, 12, 31), VisitReason.TERM_DEADLINE)]
    assert care.case.performance_status is PerformanceStatus.PERFORMING
    assert "effect" in history_actions(s, case.id)


def test_an_agreement_on_a_marriage_relation_is_not_eligible(s):
    case = agreed_case(s)
    form = form_for(case)
    form.clauses.append(ClauseInput(content="双方自愿解除婚姻关系"))
    s["agreements"].save_draft(case.id, form)
    s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, SIGNED)
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.NOT_ELIGIBLE
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-22", "新野县人民法院"))
    assert "婚姻" in failed.value.errors[0].message


def test_custody_support_and_property_terms_open_the_window(s):
    """法释〔2011〕5号 excludes what confirms a relation, not every term that names a child or a spouse."""
    case = agreed_case(s)
    form = form_for(case)
    form.clauses += [ClauseInput(content="确认子女由女方抚养，男方每月支付抚养费"),
                     ClauseInput(content="赡养父母：确认由长子负担"), ClauseInput(content="确认父亲的遗产由长子继承")]
    s["agreements"].save_draft(case.id, form)
    assert s["agreements"].check(case.id, form)[2] == []  # nothing printed about 司法确认 either
    s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, SIGNED)
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.OPEN
    assert care.eligibility.confirmable is True and not care.eligibility.by_mediator
    assert care.eligibility.relation_terms == ()


def test_the_mediator_overrides_the_reading_with_a_reason_kept_in_the_history(s):
    case = agreed_case(s)
    form = form_for(case)
    form.clauses.append(ClauseInput(content="双方自愿解除婚姻关系"))
    s["agreements"].save_draft(case.id, form)
    s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, SIGNED)
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.NOT_ELIGIBLE
    assert care.eligibility.relation_terms == ("解除婚姻关系",) and not care.eligibility.by_mediator

    # A choice and a reason are both required; nothing is saved without them.
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].set_confirmable(case.id, None, "  ")
    assert {e.field for e in failed.value.errors} == {"eligible", "reason"}
    assert s["aftercare"].overview(case.id).window.state is WindowState.NOT_ELIGIBLE
    assert "confirm_eligible" not in history_actions(s, case.id)

    reason = "双方婚姻关系已于2025年经法院判决解除，本协议只分割财产"
    s["aftercare"].set_confirmable(case.id, True, reason)
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.OPEN and care.window.deadline == dt.date(2026, 12, 20)
    assert care.eligibility.by_mediator and care.eligibility.reason == reason and care.eligibility.confirmable
    entry = [e for e in s["intake"].history(case.id) if e.action == "confirm_eligible"][-1]
    assert entry.changes == [["能否申请司法确认", "不能申请司法确认", "可以申请司法确认"], ["原因", "", reason]]
    # the countdown follows: the ledger and today's work see an open window
    s["today"]["day"] = dt.date(2026, 12, 15)
    assert s["ledger"].work().confirmations_closing[0] == 1
    s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-12-15", "新野县人民法院"))
    # once applied, the decision is no longer open to change
    with pytest.raises(Refused, match="已经登记了司法确认申请"):
        s["aftercare"].set_confirmable(case.id, False, "改主意")


def test_a_decision_against_the_text_closes_the_window_and_is_printed(s, monkeypatch):
    case = signed_case(s)
    assert s["aftercare"].overview(case.id).window.state is WindowState.OPEN
    s["aftercare"].set_confirmable(case.id, False, "协议实为确认收养关系")
    assert s["aftercare"].overview(case.id).window.state is WindowState.NOT_ELIGIBLE
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-22", "新野县人民法院"))
    assert "认定能否申请" in failed.value.errors[0].message
    s["today"]["day"] = dt.date(2026, 12, 15)
    assert s["ledger"].work().confirmations_closing[0] == 0

    # The next version carries the warning the decision calls for, and keeps the decision when it is signed.
    rendered = []
    original = AgreementService._render

    def render(self, state, current, content, committee, code, warnings):
        rendered.append(warnings)
        return original(self, state, current, content, committee, code, warnings)

    monkeypatch.setattr(AgreementService, "_render", render)
    s["agreements"].new_version(case.id)
    second = s["agreements"].print_agreement(case.id)
    assert rendered == [(NOT_CONFIRMABLE_WARNING,)] and second.document["warnings"] == [NOT_CONFIRMABLE_WARNING]
    s["agreements"].mark_signed(second.id, dt.date(2026, 12, 15))
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.NOT_ELIGIBLE and care.eligibility.by_mediator
    assert care.eligibility.printed_otherwise == 0  # version 2's box says what was decided
    s["aftercare"].set_confirmable(case.id, True, "复核：只涉及财产")
    assert s["aftercare"].overview(case.id).eligibility.printed_otherwise == 2  # the paper says otherwise
    assert [e.changes[-1] for e in s["intake"].history(case.id) if e.action == "effect"][-1] == [
        "能否申请司法确认", "", "不能申请司法确认"]


def test_a_decision_before_printing_decides_the_printed_warning(s):
    case = agreed_case(s)
    form = form_for(case)
    form.clauses.append(ClauseInput(content="双方同意离婚"))
    s["agreements"].save_draft(case.id, form)
    assert len(s["agreements"].check(case.id, form)[2]) == 1
    assert s["aftercare"].overview(case.id).eligibility.relation_terms == ("同意离婚",)  # read from the draft
    s["aftercare"].set_confirmable(case.id, True, "离婚已另行登记，协议条款只涉及财产")
    assert s["agreements"].check(case.id, form)[2] == []
    assert s["aftercare"].overview(case.id).window.state is WindowState.NOT_APPLICABLE  # not in effect yet
    s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, SIGNED)
    assert s["aftercare"].overview(case.id).window.state is WindowState.OPEN


def test_only_a_written_agreement_has_a_decision_to_make(s):
    case = ready_case(s)
    with pytest.raises(Refused, match="书面调解协议"):
        s["aftercare"].set_confirmable(case.id, True, "理由")
    assert s["aftercare"].overview(case.id).eligibility.refusal


def test_the_visit_interval_is_a_setting(s):
    with pytest.raises(ValidationFailed):
        s["aftercare"].set_interval_days("0")
    assert s["aftercare"].set_interval_days("15") == 15
    case = signed_case(s)
    assert s["aftercare"].overview(case.id).visits[0].due_on == SIGNED + dt.timedelta(days=15)


def test_an_oral_agreement_takes_effect_the_day_it_is_reached(s):
    case = ready_case(s)
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome = Outcome.ORAL
    data.outcome_text = "李秀英十日内拆除越界院墙\n张建国不再追究"
    sitting = s["session"].save(sitting.id, data, expected_version=sitting.version)
    s["session"].finish(sitting.id, expected_version=sitting.version)
    care = s["aftercare"].overview(case.id)
    assert care.effective_on == TODAY and care.window.state is WindowState.NOT_APPLICABLE
    assert [t.content for t in care.terms] == ["李秀英十日内拆除越界院墙", "张建国不再追究"]
    assert [v.due_on for v in care.visits] == [TODAY + dt.timedelta(days=30)]


# ---------------------------------------------------------------- visits

def test_a_visit_records_each_term_and_moves_performance(s):
    case = signed_case(s)
    care = s["aftercare"].overview(case.id)
    visit = care.visits[0]
    s["today"]["day"] = dt.date(2026, 12, 21)
    bad = VisitInput(visited_on_text="2026-12-22", visitor="王1", risks="扬言报复")
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].record_visit(visit.id, bad, expected_version=visit.version)
    fields = {e.field for e in failed.value.errors}
    assert {"visited_on", "visitor", "visited", "method", "terms.0", "terms.1", "satisfaction", "measures"} <= fields
    assert s["aftercare"].visit(visit.id).visited_on is None  # nothing half-saved
    first, second = care.terms
    done = s["aftercare"].record_visit(visit.id, VisitInput(
        visited_on_text="2026-12-21", visitor="刘振华", visited="张建国、李秀英", method=VisitMethod.HOME,
        terms=[TermFinding(first.id, PerformanceStatus.PARTIAL, "已付6000元"),
               TermFinding(second.id, PerformanceStatus.PERFORMED)],
        satisfaction=Satisfaction.FAIRLY, risks="李秀英称资金紧张", measures="约定月底前付清，届时再次回访"),
        expected_version=visit.version)
    assert done.done and done.performance is PerformanceStatus.PARTIAL
    care = s["aftercare"].overview(case.id)
    assert care.case.performance_status is PerformanceStatus.PARTIAL
    assert [t.status for t in care.terms] == [PerformanceStatus.PARTIAL, PerformanceStatus.PERFORMED]
    assert {"visit_record", "performance"} <= set(history_actions(s, case.id))


def test_full_performance_calls_off_the_remaining_visits_but_keeps_them(s):
    case = signed_case(s)
    care = s["aftercare"].overview(case.id)
    s["today"]["day"] = dt.date(2026, 12, 21)
    s["aftercare"].record_visit(care.visits[0].id, VisitInput(
        visited_on_text="2026-12-21", visitor="刘振华", visited="张建国", method=VisitMethod.PHONE,
        terms=[TermFinding(t.id, PerformanceStatus.PERFORMED) for t in care.terms],
        satisfaction=Satisfaction.SATISFIED), expected_version=care.visits[0].version)
    visits = s["aftercare"].overview(case.id).visits
    assert len(visits) == 2 and visits[1].cancelled and visits[1].cancelled_reason == "协议已全部履行"


def test_an_extra_visit_and_cancelling_one_needs_a_reason(s):
    case = signed_case(s)
    with pytest.raises(ValidationFailed):
        s["aftercare"].add_visit(case.id, "2026-11-01")  # before the agreement took effect
    extra = s["aftercare"].add_visit(case.id, "2027-01-10")
    assert extra.reason is VisitReason.EXTRA
    with pytest.raises(ValidationFailed):
        s["aftercare"].cancel_visit(extra.id, "  ")
    assert s["aftercare"].cancel_visit(extra.id, "当事人已搬走").cancelled
    with pytest.raises(Refused):
        s["aftercare"].cancel_visit(extra.id, "again")


# ---------------------------------------------------------------- 司法确认 and stages

def test_confirmation_applied_then_decided_with_history(s):
    case = signed_case(s)
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-19", ""))
    assert {e.field for e in failed.value.errors} == {"applied_on", "court"}
    with pytest.raises(Refused):
        s["aftercare"].record_decision(case.id, DecisionInput(True, "2026-11-25"))
    s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-22", "新野县人民法院"))
    care = s["aftercare"].overview(case.id)
    assert care.window.state is WindowState.APPLIED and care.court == "新野县人民法院"
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].record_decision(case.id, DecisionInput(False, "2026-11-24"))
    assert {e.field for e in failed.value.errors} == {"note"}  # a refusal says why
    s["aftercare"].record_decision(case.id, DecisionInput(True, "2026-11-25", "（2026）豫1329民特12号"))
    care = s["aftercare"].overview(case.id)
    assert care.case.confirmation_status is ConfirmationStatus.CONFIRMED and care.decided_on == TODAY
    assert {"confirmation_apply", "confirmation_decide"} <= set(history_actions(s, case.id))


def test_applying_after_the_thirty_days_is_refused(s):
    case = signed_case(s)
    s["today"]["day"] = dt.date(2026, 12, 22)
    with pytest.raises(ValidationFailed) as failed:
        s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-12-21", "新野县人民法院"))
    assert failed.value.errors[0].field == "applied_on"


def test_stage_changes_by_hand_follow_the_lifecycle_and_are_kept(s):
    case = s["intake"].register(valid_case_input())
    with pytest.raises(ValidationFailed):
        s["aftercare"].set_case_status(case.id, CaseStatus.TERMINATED, "")
    s["aftercare"].set_case_status(case.id, CaseStatus.TERMINATED, "申请人撤回调解申请")
    with pytest.raises(Refused):
        s["aftercare"].set_case_status(case.id, CaseStatus.AGREEMENT_ORAL, "x")
    with pytest.raises(Refused):
        s["aftercare"].set_performance(case.id, PerformanceStatus.PERFORMED)  # no agreement in effect
    entry = [e for e in s["intake"].history(case.id) if e.action == "status"][0]
    assert entry.changes[0] == ["状态", "已受理", "调解终止"] and entry.changes[1][2] == "申请人撤回调解申请"


# ---------------------------------------------------------------- today's work and the ledger

def test_todays_work_lists_due_visits_terms_and_closing_windows(s):
    case = signed_case(s)
    s["today"]["day"] = dt.date(2026, 12, 15)
    work = s["ledger"].work()
    assert work.visits_upcoming[0] == 1 and work.visits_upcoming[1][0].case_id == case.id
    assert work.confirmations_closing[0] == 1  # deadline 12-20, five days left
    assert work.visits_overdue[0] == 0 and work.term_deadlines[0] == 0
    s["today"]["day"] = dt.date(2027, 1, 2)
    work = s["ledger"].work()
    assert work.visits_overdue[0] == 2 and work.term_deadlines[0] == 1
    assert work.term_deadlines[1][0].detail == "赔偿院墙损失" and work.confirmations_closing[0] == 0


def test_ledger_shows_the_window_and_next_visit(s):
    case = signed_case(s)
    row = s["ledger"].page(LedgerFilter())[0]
    assert row.id == case.id and row.effective_on == "2026-11-20" and row.next_visit == "2026-12-20"


# ---------------------------------------------------------------- the upgrade from 0005

def test_upgrading_a_populated_0005_database_backfills_index_dates_terms_visits_and_histories(tmp_path):
    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.migrate import upgrade_to_head

    db = Database(tmp_path / "old.sqlite3")
    upgrade_to_head(db, "0005_issued_documents")
    db.close()
    # A case settled by an oral agreement, written as the 0005 app would have (the ORM is at head now).
    conn = sqlite3.connect(db.path)
    stamp = "2026-11-10 03:00:00"
    conn.execute("INSERT INTO villages (id, uuid, township, name, created_at, updated_at) "
                 "VALUES (1, 'v1', '王庄镇', '王庄村', ?, ?)", (stamp, stamp))
    conn.execute(
        "INSERT INTO cases (id, uuid, case_number, year, sequence, received_date, source, source_note, dispute_type, "
        "dispute_type_note, village_id, group_name, facts, status, rejection_reason, performance_status, "
        "screen_in_court, screen_in_police, screen_in_arbitration, screen_criminal, screen_public_security, "
        "screen_party_refuses, party_names, party_initials, created_by, updated_by, version, created_at, updated_at) "
        "VALUES (7, 'c7', '（2026）新调字第007号', 2026, 7, '2026-11-08', 'party_application', '', 'housing_homestead', "
        "'', 1, '3组', '双方因宅基地界线发生争执', 'agreement_oral', '', 'performing', 0, 0, 0, 0, 0, 0, "
        "'张建国 李秀英', 'zjg lxy', '', '', 1, ?, ?)", (stamp, stamp))
    conn.execute("INSERT INTO sittings (uuid, case_id, number, held_on, data, outcome, finished_at, version, "
                 "created_at, updated_at) VALUES ('s1', 7, 1, '2026-11-10', '{}', 'oral', ?, 1, ?, ?)",
                 (stamp, stamp, stamp))
    conn.commit()
    conn.close()
    case_id = 7
    db = Database(tmp_path / "old.sqlite3")
    assert db.ensure_schema() is not None  # upgraded, after a safety copy
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH '\"宅基地\"'").fetchall() == [(case_id,)]
    assert conn.execute("SELECT effective_on, confirmable FROM cases").fetchone() == ("2026-11-10", None)
    assert conn.execute("SELECT due_on, reason FROM return_visits").fetchall() == [("2026-12-10", "interval")]
    assert conn.execute("SELECT action FROM case_history WHERE action='status_snapshot'").fetchall() == [
        ("status_snapshot",)]
    conn.close()
    db.close()
