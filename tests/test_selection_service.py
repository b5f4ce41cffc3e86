"""明白人库, role lists and the parties' choice per case, on a real temporary SQLite database.

Each action is one transaction: it is written whole with a history line, or refused and nothing
is written. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import (
    count_rows, elder_input, individual, new_database, organisation, person_input, valid_case_input,
)
from xinye_desktop.domain.cases import CaseInput
from xinye_desktop.storage.search_index import is_search_index
from xinye_desktop.domain.elders import ElderStats
from xinye_desktop.domain.enums import CaseStatus, DisputeType, ElderIdentity, ElderSelection, PartyRole, Sex
from xinye_desktop.domain.errors import NotFound, ValidationFailed
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import ChoiceEnd, ChoiceRefused, ChoiceState, ConflictKind, Consent
from xinye_desktop.services.elders import ElderService, InUse, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.settings import CommitteeSettings, SettingsService
from xinye_desktop.storage.database import HEAD_REVISION, Database

TABLES = ("elders", "villages", "case_elders", "case_elder_consents", "role_people", "case_roles", "case_history")

NO_ELDER = "还没有各方当事人都同意的明白人"
NO_HOST = "还没有确定主持人"
NO_RECORDER = "还没有确定记录人"
NO_WITNESS = "还没有邀请见证人（相关职能部门的工作人员）"


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    database = new_database(tmp_path_factory.mktemp("selection") / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def db(shared_db):
    """The module's migrated database, emptied before each test.

    One Database (one engine) for the module: a new engine per test would compile every query again,
    which made this suite three times slower.
    """
    conn = shared_db.read_connection()
    # The FTS index follows the cases through its triggers; its own tables are not emptied by hand.
    # The audit trail is append-only (its triggers refuse DELETE): its rows stay across the tests.
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT IN ('alembic_version', 'audit_log')") if not is_search_index(name)]
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        for table in tables:
            conn.execute(f"DELETE FROM {table}")
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
    assert {table: count_rows(shared_db.path, table) for table in tables} == dict.fromkeys(tables, 0)
    return shared_db


@pytest.fixture
def intake(db) -> IntakeService:
    return IntakeService(db)


@pytest.fixture
def elders(db) -> ElderService:
    return ElderService(db)


@pytest.fixture
def people(db) -> PeopleService:
    return PeopleService(db)


@pytest.fixture
def selection(db) -> SelectionService:
    return SelectionService(db)


@pytest.fixture
def case(intake):
    """张建国 (applicant) v 李秀英 (respondent), a 宅基地 dispute in 王庄村."""
    return intake.register(valid_case_input())


def ids(case) -> tuple[int, int]:
    zhang, li = case.parties
    assert (zhang.name, li.name) == ("张建国", "李秀英")
    return zhang.id, li.id


def row_counts(db) -> dict[str, int]:
    return {table: count_rows(db.path, table) for table in TABLES}


def texts(messages) -> list[str]:
    return [m.text() for m in messages]


def history(intake, case_id) -> list[tuple[str, list]]:
    return [(h.action, h.changes) for h in intake.history(case_id) if h.action != "create"]


def set_status(db, case_id: int, status: CaseStatus) -> None:
    with db.transaction() as uow:
        uow.cases.load(case_id).status = status.value


def the_choice(state, elder_name: str):
    found = [c for c in state.choices if c.elder.name == elder_name]
    assert len(found) == 1, [c.elder.name for c in state.choices]
    return found[0]


# ================================================================ the full scenario

def test_parties_choose_one_by_one_a_refusal_brings_a_new_proposal_and_a_host_makes_it_ready(
        db, intake, elders, people, selection, case):
    SettingsService(db).save(CommitteeSettings("新野县王庄镇王庄村人民调解委员会", "新", "王保国"))
    zhang, li = ids(case)
    wang = elders.add(elder_input("王明理"))
    zhao = elders.add(elder_input("赵德明", specialties=(DisputeType.HOUSING_HOMESTEAD,)))

    # The committee proposes: nobody has answered yet.
    state = selection.propose(case.id, wang.id, None)
    first = the_choice(state, "王明理")
    assert first.proposed_by is None and first.state is ChoiceState.PROPOSED
    assert [(c.party_id, c.decision) for c in first.consents] == [(zhang, Consent.PENDING), (li, Consent.PENDING)]
    assert first.conflicts == () and first.proposed_at is not None
    assert texts(state.readiness.missing) == [
        NO_ELDER, "张建国还没有对明白人王明理表态", "李秀英还没有对明白人王明理表态", NO_HOST]

    # 张建国 agrees.
    state = selection.answer(first.id, zhang, Consent.AGREED)
    first = the_choice(state, "王明理")
    assert first.consent_of(zhang).decision is Consent.AGREED and first.consent_of(zhang).decided_at is not None
    assert first.pending_parties == [li]

    # 李秀英 refuses with a reason and proposes 赵德明 in the same step.
    state = selection.refuse_and_propose(first.id, li, "王明理与申请人走得近", elder_id=zhao.id)
    first, second = the_choice(state, "王明理"), the_choice(state, "赵德明")
    assert first.state is ChoiceState.REFUSED and not first.active
    assert first.consent_of(li).decision is Consent.REFUSED
    assert first.consent_of(li).reason == "王明理与申请人走得近"
    assert second.proposed_by == li
    assert second.consent_of(li).decision is Consent.AGREED  # proposing someone is agreeing to them
    assert second.pending_parties == [zhang]
    assert [c.elder.name for c in state.choices] == ["王明理", "赵德明"]

    # 张建国 agrees to 赵德明 too: chosen; only the host is missing.
    state = selection.answer(second.id, zhang, Consent.AGREED)
    second = the_choice(state, "赵德明")
    assert second.state is ChoiceState.CHOSEN
    assert [c.elder.name for c in state.chosen] == ["赵德明"]
    assert not state.readiness.ready
    assert texts(state.readiness.missing) == [NO_HOST]
    assert texts(state.readiness.warnings) == [NO_RECORDER, NO_WITNESS]

    # The 联村干警 hosts: mediation may start.
    police = people.add(person_input(Role.HOST, "陈卫东", unit="王庄镇派出所", post="民警",
                                     host_kind=HostKind.LINK_POLICE))
    state = selection.assign(case.id, police.id)
    assert state.readiness.ready and state.readiness.missing == ()
    assert texts(state.readiness.warnings) == [NO_RECORDER, NO_WITNESS]
    assert [p.name for p in state.people(Role.HOST)] == ["陈卫东"]

    # Every step is in the case history, in order, with the operator.
    assert history(intake, case.id) == [
        ("elder_propose", [["提名明白人", "", "王明理（调委会提名）"]]),
        ("elder_answer", [["明白人表态", "王明理·张建国：未表态", "王明理·张建国：同意"]]),
        ("elder_answer", [["明白人表态", "", "王明理·李秀英：不同意（王明理与申请人走得近）"]]),
        ("elder_propose", [["提名明白人", "", "赵德明（李秀英提名）"]]),
        ("elder_answer", [["明白人表态", "赵德明·张建国：未表态", "赵德明·张建国：同意"]]),
        ("role_add", [["主持人", "", "陈卫东 王庄镇派出所 民警（联村干警）"]]),
    ]
    assert {h.operator for h in intake.history(case.id) if h.action != "create"} == {"王保国"}


def test_the_state_reads_back_the_same_from_a_fresh_service(db, elders, selection, case):
    zhang, li = ids(case)
    wang = elders.add(elder_input("王明理"))
    state = selection.propose(case.id, wang.id, zhang)
    assert SelectionService(db).state(case.id) == state
    assert state.party_name(li) == "李秀英" and state.party_name(None) == "" and state.editable


def test_a_party_may_change_its_answer(elders, selection, case):
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input()).id, zhang).choices[0].id
    state = selection.answer(choice_id, li, Consent.AGREED)
    assert state.choices[0].state is ChoiceState.CHOSEN
    state = selection.answer(choice_id, li, Consent.REFUSED, "后来得知他与对方是亲戚")
    assert state.choices[0].state is ChoiceState.REFUSED
    state = selection.answer(choice_id, li, Consent.PENDING, "忽略的理由")
    consent = state.choices[0].consent_of(li)
    assert (consent.decision, consent.reason, consent.decided_at) == (Consent.PENDING, "", None)


def test_refusing_without_proposing_another(elders, selection, case):
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input()).id, zhang).choices[0].id
    state = selection.refuse_and_propose(choice_id, li, "不了解此人")
    assert [c.state for c in state.choices] == [ChoiceState.REFUSED]


def test_a_party_added_later_must_answer_too_and_a_withdrawn_partys_answer_no_longer_counts(
        intake, elders, selection, case):
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input()).id, zhang).choices[0].id
    assert selection.answer(choice_id, li, Consent.AGREED).choices[0].state is ChoiceState.CHOSEN

    data = CaseInput.from_case(intake.load(case.id))
    data.parties.append(individual("赵德明", Sex.MALE, "", role=PartyRole.THIRD_PARTY, age_text="61",
                                   phone="13700000000"))
    intake.update(case.id, data, expected_version=intake.load(case.id).version)
    state = selection.state(case.id)
    third = state.parties[2].id
    assert state.choices[0].state is ChoiceState.PROPOSED and state.choices[0].pending_parties == [third]
    assert "赵德明还没有对明白人王明理表态" in texts(state.readiness.missing)
    assert selection.answer(choice_id, third, Consent.AGREED).choices[0].state is ChoiceState.CHOSEN

    # 赵德明 refuses, then withdraws from the case: his refusal drops out with him.
    selection.answer(choice_id, third, Consent.REFUSED, "不同意")
    current = intake.load(case.id)
    data = CaseInput.from_case(current)
    data.parties.pop(2)
    intake.update(case.id, data, expected_version=current.version)
    state = selection.state(case.id)
    assert [c.party_id for c in state.choices[0].consents] == [zhang, li]
    assert state.choices[0].state is ChoiceState.CHOSEN


# ================================================================ conflicts (回避)

def test_same_surname_in_the_same_village_blocks_the_choice_until_the_mediator_confirms(
        intake, elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input("张德厚"))
    assert [(c.kind, c.party_name) for c in selection.conflicts(case.id, elder.id)] == [
        (ConflictKind.SAME_SURNAME_VILLAGE, "张建国")]

    state = selection.propose(case.id, elder.id, li)
    choice_id = state.choices[0].id
    state = selection.answer(choice_id, zhang, Consent.AGREED)
    choice = state.choices[0]
    assert choice.state is ChoiceState.PROPOSED  # everyone agreed, the conflict is not confirmed
    assert choice.needs_conflict_confirmation
    assert texts(state.readiness.missing) == [NO_ELDER, "明白人张德厚有需要回避的情形，须调解员确认", NO_HOST]

    state = selection.confirm_conflicts(choice_id, "已告知双方张德厚与申请人同姓同村，双方仍同意")
    choice = state.choices[0]
    assert choice.state is ChoiceState.CHOSEN
    assert choice.conflicts_confirmed and choice.conflict_note == "已告知双方张德厚与申请人同姓同村，双方仍同意"
    assert texts(state.readiness.missing) == [NO_HOST]
    assert history(intake, case.id)[-1] == (
        "elder_confirm", [["回避情形确认", "", "张德厚：已告知双方张德厚与申请人同姓同村，双方仍同意"]])


def test_declaring_a_relation_adds_a_conflict_and_resets_the_confirmation(intake, elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input("王明理"))
    choice_id = selection.propose(case.id, elder.id, zhang).choices[0].id
    assert selection.answer(choice_id, li, Consent.AGREED).choices[0].state is ChoiceState.CHOSEN

    state = selection.declare_relation(choice_id, li, "邻居")
    choice = state.choices[0]
    assert [(c.kind, c.party_id, c.detail) for c in choice.conflicts] == [(ConflictKind.DECLARED_RELATION, li, "邻居")]
    assert choice.consent_of(li).relation == "邻居"
    assert choice.state is ChoiceState.PROPOSED and not choice.conflicts_confirmed

    state = selection.confirm_conflicts(choice_id, "邻居关系不影响公正，双方同意")
    assert state.choices[0].state is ChoiceState.CHOSEN
    # Declaring the same relation again is no new fact: the confirmation stands.
    assert selection.declare_relation(choice_id, li, "邻居").choices[0].state is ChoiceState.CHOSEN
    # A different relation is: the mediator must look again.
    state = selection.declare_relation(choice_id, li, "姻亲")
    assert state.choices[0].state is ChoiceState.PROPOSED
    assert [c.detail for c in state.choices[0].conflicts] == ["姻亲"]
    # Clearing the relation removes the conflict, and with no conflict left the choice stands.
    state = selection.declare_relation(choice_id, li, "")
    assert state.choices[0].conflicts == () and state.choices[0].state is ChoiceState.CHOSEN
    relation_lines = [changes for action, changes in history(intake, case.id) if action == "elder_relation"]
    assert relation_lines == [[["申报关系", "", "王明理—李秀英：邻居"]], [["申报关系", "", "王明理—李秀英：邻居"]],
                              [["申报关系", "", "王明理—李秀英：姻亲"]], [["申报关系", "", "王明理—李秀英：无"]]]


def test_conflict_note_given_with_the_proposal_confirms_at_once(elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input("张德厚"))
    choice_id = selection.propose(case.id, elder.id, zhang, conflict_note="双方知情并同意").choices[0].id
    choice = selection.answer(choice_id, li, Consent.AGREED).choices[0]
    assert choice.state is ChoiceState.CHOSEN and choice.conflict_note == "双方知情并同意"
    # Without a conflict, a note is not stored as a confirmation of anything.
    other = elders.add(elder_input("王明理"))
    state = selection.propose(case.id, other.id, zhang, conflict_note="无")
    assert the_choice(state, "王明理").confirmed == frozenset()


def test_the_elder_may_be_a_party_and_organisations_are_never_namesakes(intake, elders, selection):
    co_op_case = intake.register(valid_case_input(parties=[
        individual("李秀英", Sex.FEMALE, "", age_text="50", phone="13812345678"),
        organisation("张庄农机专业合作社"),
    ]))
    li, co_op = (p.id for p in co_op_case.parties)
    same_person = elders.add(elder_input("李秀英", "李湾村", sex=Sex.FEMALE, phone="13812345678"))
    assert [(c.kind, c.party_id) for c in selection.conflicts(co_op_case.id, same_person.id)] == [
        (ConflictKind.IS_PARTY, li)]
    # Same name and village as the co-operative: a person would be flagged, an organisation never is.
    named_like_the_co_op = elders.add(elder_input("张庄农机专业合作社", "王庄村"))
    assert selection.conflicts(co_op_case.id, named_like_the_co_op.id) == []
    assert [(c.kind, c.party_id, c.detail) for c in selection.conflicts(
        co_op_case.id, named_like_the_co_op.id, {co_op: "有经济往来"})] == [
        (ConflictKind.DECLARED_RELATION, co_op, "有经济往来")]


def test_party_living_in_another_village_is_compared_with_that_village(intake, elders, selection):
    moved = intake.register(valid_case_input(parties=[
        individual("张建国", Sex.MALE, "", age_text="55", address="新野县沙堰镇李湾村5组", phone="13812345678"),
        individual("李秀英", Sex.FEMALE, "", age_text="50", role=PartyRole.RESPONDENT, phone="13812340000"),
    ]))
    in_li_wan = elders.add(elder_input("张德厚", "李湾村"))
    in_wang_zhuang = elders.add(elder_input("张德仁", "王庄村"))
    assert [c.kind for c in selection.conflicts(moved.id, in_li_wan.id)] == [ConflictKind.SAME_SURNAME_VILLAGE]
    assert selection.conflicts(moved.id, in_wang_zhuang.id) == []


def test_party_of_a_village_whose_name_contains_the_case_village_lives_there(intake, elders, selection):
    east = intake.register(valid_case_input(parties=[
        individual("张建国", Sex.MALE, "", age_text="55", address="新野县王庄镇东王庄村5组", phone="13812345678"),
        individual("李秀英", Sex.FEMALE, "", age_text="50", role=PartyRole.RESPONDENT, phone="13812340000"),
    ]))
    in_east = elders.add(elder_input("张德厚", "东王庄村"))
    assert [c.kind for c in selection.conflicts(east.id, in_east.id)] == [ConflictKind.SAME_SURNAME_VILLAGE]


def test_a_conflict_that_appears_after_the_confirmation_must_be_confirmed_again(intake, elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input("张德厚"))
    choice_id = selection.propose(case.id, elder.id, li).choices[0].id
    selection.answer(choice_id, zhang, Consent.AGREED)
    assert selection.confirm_conflicts(choice_id, "双方知情").choices[0].state is ChoiceState.CHOSEN

    data = CaseInput.from_case(intake.load(case.id))
    data.parties.append(individual("张三", Sex.MALE, "", role=PartyRole.THIRD_PARTY, age_text="40",
                                   phone="13700000000"))
    intake.update(case.id, data, expected_version=intake.load(case.id).version)
    state = selection.state(case.id)
    third = state.parties[2].id
    assert [c.party_name for c in state.choices[0].conflicts] == ["张建国", "张三"]
    state = selection.answer(choice_id, third, Consent.AGREED)
    # 张三, the new party, shares the elder's surname and village: nobody has confirmed that yet.
    assert state.choices[0].needs_conflict_confirmation
    assert state.choices[0].state is ChoiceState.PROPOSED


def test_a_relation_can_only_be_declared_for_a_party_of_the_case(db, intake, elders, selection, case):
    zhang, li = ids(case)
    other_case = intake.register(valid_case_input(tag=5))
    choice_id = selection.propose(case.id, elders.add(elder_input("张德厚")).id, li,
                                  conflict_note="双方知情").choices[0].id
    before = row_counts(db)
    with pytest.raises(ChoiceRefused):
        selection.declare_relation(choice_id, other_case.parties[0].id, "邻居")
    assert row_counts(db) == before
    assert selection.state(case.id).choices[0].conflicts_confirmed


# ================================================================ recusal and withdrawal

def chosen(elders, selection, case, name="王明理", **kw) -> int:
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input(name, **kw)).id, zhang).choices[0].id
    assert selection.answer(choice_id, li, Consent.AGREED).choices[-1].state is ChoiceState.CHOSEN
    return choice_id


def test_recusal_asked_by_the_elder_keeps_the_reason_and_a_new_choice_follows(intake, elders, selection, case):
    zhang, li = ids(case)
    choice_id = chosen(elders, selection, case)
    wang_id = selection.state(case.id).choices[0].elder.id

    state = selection.end(choice_id, ChoiceEnd.RECUSED, "王明理与被申请人是表亲，主动申请回避")
    choice = state.choices[0]
    assert choice.state is ChoiceState.RECUSED and choice.ended is ChoiceEnd.RECUSED
    assert choice.ended_by is None  # the elder asked
    assert choice.ended_reason == "王明理与被申请人是表亲，主动申请回避" and choice.ended_at is not None
    assert texts(state.readiness.missing)[0] == NO_ELDER
    assert history(intake, case.id)[-1] == (
        "elder_end", [["明白人人选", "王明理", "王明理：回避（王明理：王明理与被申请人是表亲，主动申请回避）"]])

    with pytest.raises(ChoiceRefused, match="王明理已在本案回避，不能再次提名"):
        selection.propose(case.id, wang_id, zhang)
    with pytest.raises(ChoiceRefused, match="不能再表态"):
        selection.answer(choice_id, li, Consent.REFUSED, "理由")
    with pytest.raises(ChoiceRefused, match="该提名已回避"):
        selection.end(choice_id, ChoiceEnd.WITHDRAWN, "理由")

    state = selection.propose(case.id, elders.add(elder_input("赵德明")).id, li)
    assert [c.state for c in state.choices] == [ChoiceState.RECUSED, ChoiceState.PROPOSED]


def test_a_recused_elder_cannot_come_back_as_an_ad_hoc_choice(elders, selection, case):
    zhang, li = ids(case)
    choice_id = chosen(elders, selection, case, "王明理", phone="13900000001")
    selection.end(choice_id, ChoiceEnd.RECUSED, "与被申请人是表亲")
    # A pool member is never entered again as 一事一议 ...
    with pytest.raises(ChoiceRefused, match="王明理已在明白人库中"):
        selection.propose_ad_hoc(case.id, elder_input("王明理", ad_hoc=True, phone="13900000001"), zhang)
    # ... and an ad-hoc elder who was recused cannot come back under a new entry either.
    state = selection.propose_ad_hoc(case.id, elder_input("刘守信", ad_hoc=True, phone="13900000009"), zhang)
    ad_hoc_choice = the_choice(state, "刘守信")
    selection.end(ad_hoc_choice.id, ChoiceEnd.RECUSED, "本人申请回避")
    with pytest.raises(ChoiceRefused, match="刘守信已在本案回避"):
        selection.propose_ad_hoc(case.id, elder_input("刘守信", ad_hoc=True, phone="13900000009"), zhang)


def test_recusal_asked_by_a_party(elders, selection, case):
    zhang, li = ids(case)
    choice_id = chosen(elders, selection, case)
    with pytest.raises(ChoiceRefused, match="此人不是本案的当事人"):
        selection.end(choice_id, ChoiceEnd.RECUSED, "理由", by_party=99999)
    state = selection.end(choice_id, ChoiceEnd.RECUSED, "怀疑明白人偏袒对方", by_party=zhang)
    choice = state.choices[0]
    assert (choice.state, choice.ended_by, choice.ended_reason) == (ChoiceState.RECUSED, zhang, "怀疑明白人偏袒对方")


def test_a_refused_elder_needs_no_recusal(elders, selection, case):
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input()).id, zhang).choices[0].id
    selection.answer(choice_id, li, Consent.REFUSED, "不认识")
    with pytest.raises(ChoiceRefused, match="该明白人未获同意，无需回避"):
        selection.end(choice_id, ChoiceEnd.RECUSED, "理由")


def test_a_withdrawn_proposal_stops_counting_and_the_elder_may_be_proposed_again(intake, elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input())
    choice_id = selection.propose(case.id, elder.id, None).choices[0].id
    with pytest.raises(ChoiceRefused, match="已被提名"):
        selection.propose(case.id, elder.id, zhang)
    state = selection.end(choice_id, ChoiceEnd.WITHDRAWN, "提名有误", by_party=zhang)
    assert state.choices[0].state is ChoiceState.WITHDRAWN and state.choices[0].ended_by == zhang
    assert texts(state.readiness.missing) == [NO_ELDER, NO_HOST]  # no pending answers from a withdrawn one
    state = selection.propose(case.id, elder.id, zhang)
    assert [c.state for c in state.choices] == [ChoiceState.WITHDRAWN, ChoiceState.PROPOSED]
    assert history(intake, case.id)[1] == (
        "elder_end", [["明白人人选", "王明理", "王明理：撤回提名（张建国：提名有误）"]])


def test_proposals_by_someone_who_is_not_a_party_are_refused(db, intake, elders, selection, case):
    other = intake.register(valid_case_input(tag=4))
    elder = elders.add(elder_input())
    before = row_counts(db)
    with pytest.raises(ChoiceRefused, match="提名人不是本案的当事人"):
        selection.propose(case.id, elder.id, other.parties[0].id)
    assert row_counts(db) == before


# ================================================================ 一事一议

def test_ad_hoc_elder_is_recorded_with_the_same_fields_but_stays_out_of_the_pool(intake, elders, selection, case):
    zhang, li = ids(case)
    pool_member = elders.add(elder_input("王明理"))
    state = selection.propose_ad_hoc(case.id, elder_input(
        "周文斌", "李湾村", ad_hoc=True, phone="13911112222", identity=ElderIdentity.OTHER, identity_note="退休法官",
        specialties=(DisputeType.HOUSING_HOMESTEAD,)), li)
    choice = state.choices[0]
    elder = choice.elder
    assert elder.ad_hoc and elder.selection is None and elder.id is not None
    assert (elder.village, elder.phone, elder.identity_text) == ("李湾村", "13911112222", "退休法官")
    assert choice.proposed_by == li and choice.consent_of(li).decision is Consent.AGREED
    assert elders.get(elder.id) == elder

    assert [e.name for e, _ in elders.pool()] == ["王明理"]
    assert [e.name for e, _ in elders.pool(include_retired=True, text="zwb")] == []
    assert [c.elder.id for c in selection.candidates(case.id)] == [pool_member.id]
    assert history(intake, case.id) == [
        ("elder_propose", [["提名明白人", "", "周文斌（李秀英提名，一事一议）"]])]

    state = selection.answer(choice.id, zhang, Consent.AGREED)
    assert state.choices[0].state is ChoiceState.CHOSEN
    # Even typed like a pool entry, a case-by-case choice is stored as ad hoc.
    state = selection.propose_ad_hoc(case.id, elder_input("孙广才"), None)
    assert the_choice(state, "孙广才").elder.ad_hoc


def test_ad_hoc_conflicts_are_shown_before_anything_is_written(db, elders, selection, case):
    before = row_counts(db)
    found = selection.ad_hoc_conflicts(case.id, elder_input("张大山", ad_hoc=True))
    assert [(c.kind, c.party_name) for c in found] == [(ConflictKind.SAME_SURNAME_VILLAGE, "张建国")]
    assert row_counts(db) == before
    with pytest.raises(ValidationFailed) as err:
        selection.ad_hoc_conflicts(case.id, elder_input("", ad_hoc=True))
    assert [e.field for e in err.value.errors] == ["name"]


def test_refuse_and_propose_someone_outside_the_pool(elders, selection, case):
    zhang, li = ids(case)
    choice_id = selection.propose(case.id, elders.add(elder_input()).id, zhang).choices[0].id
    state = selection.refuse_and_propose(choice_id, li, "想请本族长辈", ad_hoc=elder_input("李长顺", ad_hoc=True),
                                         conflict_note="申请人知道李长顺是被申请人同族")
    new = the_choice(state, "李长顺")
    assert new.elder.ad_hoc and new.proposed_by == li
    assert [(c.kind, c.party_name) for c in new.conflicts] == [(ConflictKind.SAME_SURNAME_VILLAGE, "李秀英")]
    assert new.conflicts_confirmed
    assert selection.answer(new.id, zhang, Consent.AGREED).chosen[0].elder.name == "李长顺"


def test_ad_hoc_elder_of_a_refused_proposal_is_not_written(db, elders, selection, case):
    set_status(db, case.id, CaseStatus.TERMINATED)
    before = row_counts(db)
    with pytest.raises(ChoiceRefused):
        selection.propose_ad_hoc(case.id, elder_input("周文斌", ad_hoc=True), None)
    assert row_counts(db) == before


# ================================================================ candidates and stats

def test_candidates_same_village_first_then_who_knows_the_type_then_the_least_busy(intake, elders, selection, case):
    homestead = (DisputeType.HOUSING_HOMESTEAD,)
    other_village = elders.add(elder_input("李文华", "李湾村", specialties=homestead))
    generalist = elders.add(elder_input("王明理", specialties=(DisputeType.NEIGHBOUR,)))
    busy = elders.add(elder_input("赵德明", specialties=homestead))
    free = elders.add(elder_input("孙广才", specialties=homestead))
    free_too = elders.add(elder_input("陈立新", specialties=homestead))
    retired = elders.add(elder_input("周老汉", specialties=homestead))
    elders.retire(retired.id, "外出务工")
    elsewhere = intake.register(valid_case_input(tag=3))
    selection.propose(elsewhere.id, busy.id, None)

    rows = selection.candidates(case.id)
    assert [c.elder.name for c in rows] == ["陈立新", "孙广才", "赵德明", "王明理", "李文华"]
    by_name = {c.elder.name: c for c in rows}
    assert (by_name["赵德明"].same_village, by_name["赵德明"].knows_type, by_name["赵德明"].stats) == (
        True, True, ElderStats(open_cases=1, past_cases=0))
    assert (by_name["王明理"].same_village, by_name["王明理"].knows_type) == (True, False)
    assert (by_name["李文华"].same_village, by_name["李文华"].knows_type) == (False, True)
    assert by_name["孙广才"].stats == ElderStats()
    assert {c.elder.id for c in rows} == {other_village.id, generalist.id, busy.id, free.id, free_too.id}

    assert [c.elder.name for c in selection.candidates(case.id, only_village=True)] == [
        "陈立新", "孙广才", "赵德明", "王明理"]


def test_candidates_are_found_by_name_pinyin_initials_or_phone(elders, selection, case):
    elders.add(elder_input("张建国", "李湾村", phone="13911112222"))
    elders.add(elder_input("赵德明"))
    elders.add(elder_input("张国庆", phone="13900000009"))

    def names(text, **kw):
        return [c.elder.name for c in selection.candidates(case.id, text, **kw)]

    assert names("zjg") == ["张建国"]
    assert names("ZJ") == ["张建国"]
    assert names("建国") == ["张建国"]
    assert names("1111") == ["张建国"]
    assert names("z") == ["赵德明", "张国庆", "张建国"]  # same village first, then by initials
    assert names("jg") == []  # initials match from the start only
    assert names("zjg", only_village=True) == []
    assert [e.name for e, _ in elders.pool(text="zgq")] == ["张国庆"]
    assert [e.name for e, _ in elders.pool(village="李湾村")] == ["张建国"]


def test_like_wildcards_in_the_search_text_are_taken_literally(elders, people, selection, case):
    elders.add(elder_input("王明理"))
    people.add(person_input(Role.HOST, "刘振华"))
    assert [c.elder.name for c in selection.candidates(case.id, "王")] == ["王明理"]
    assert selection.candidates(case.id, "%") == []
    assert selection.candidates(case.id, "_") == []
    assert people.people(text="%") == []


def test_stats_count_open_and_past_cases_but_not_refused_or_ended_proposals(db, intake, elders, selection, case):
    zhang, li = ids(case)
    served = elders.add(elder_input("王明理"))
    refused = elders.add(elder_input("赵德明"))
    withdrawn = elders.add(elder_input("孙广才"))
    idle = elders.add(elder_input("陈立新"))

    chosen_here = selection.propose(case.id, served.id, zhang).choices[0].id
    selection.answer(chosen_here, li, Consent.AGREED)
    past = intake.register(valid_case_input(tag=2))
    past_choice = selection.propose(past.id, served.id, None).choices[0].id
    for party in past.parties:  # served: every party agreed before the case closed
        selection.answer(past_choice, party.id, Consent.AGREED)
    set_status(db, past.id, CaseStatus.AGREEMENT_WRITTEN)

    state = selection.propose(case.id, refused.id, zhang)
    selection.answer(the_choice(state, "赵德明").id, li, Consent.REFUSED, "不同意")
    state = selection.propose(case.id, withdrawn.id, None)
    selection.end(the_choice(state, "孙广才").id, ChoiceEnd.WITHDRAWN, "提名有误")

    stats = {e.name: s for e, s in elders.pool()}
    assert stats == {
        "王明理": ElderStats(open_cases=1, past_cases=1),
        "赵德明": ElderStats(),
        "孙广才": ElderStats(),
        "陈立新": ElderStats(),
    }
    assert elders.served(refused.id) and elders.served(withdrawn.id) and not elders.served(idle.id)


# ================================================================ retire and delete

def test_retired_elder_stays_readable_in_old_cases_but_cannot_be_chosen_again(intake, elders, selection, case):
    choice_id = chosen(elders, selection, case)
    elder_id = selection.state(case.id).choices[0].elder.id
    retired = elders.retire(elder_id, "年事已高，本人申请退出")
    assert retired.retired and retired.retired_reason == "年事已高，本人申请退出"

    old = selection.state(case.id).choices[0]
    assert old.id == choice_id and old.elder.name == "王明理" and old.elder.retired
    assert old.state is ChoiceState.CHOSEN

    new_case = intake.register(valid_case_input(tag=2))
    assert selection.candidates(new_case.id) == []
    assert elders.pool() == []
    assert [e.name for e, _ in elders.pool(include_retired=True)] == ["王明理"]
    with pytest.raises(ChoiceRefused, match="王明理已退出明白人库，不能再被选为明白人"):
        selection.propose(new_case.id, elder_id, None)
    with pytest.raises(InUse):
        elders.delete(elder_id)
    assert elders.get(elder_id).name == "王明理"

    back = elders.reinstate(elder_id)
    assert not back.retired and back.retired_reason == ""
    assert [c.elder.name for c in selection.candidates(new_case.id)] == ["王明理"]


def test_an_elder_whose_term_is_over_is_marked_and_needs_the_confirmation_to_be_proposed(db, intake, case):
    """Term to 2024-03-01, seen on 2024-03-01 (still running) and the day after (over): the candidate is
    marked, a proposal without the confirmation is refused, with it the parties' choice is recorded."""
    import datetime as dt

    elders = ElderService(db, today=lambda: dt.date(2024, 3, 2))
    elder = elders.add(elder_input(selected_on_text="2021-03-01", term_end_text="2024-03-01"))
    elders.add(elder_input("陈守信", selected_on_text="2023-03-01", phone="13903770002"))
    on_the_day = SelectionService(db, today=lambda: dt.date(2024, 3, 1))
    assert [c.term_over for c in on_the_day.candidates(case.id)] == [False, False]
    after = SelectionService(db, today=lambda: dt.date(2024, 3, 2))
    marks = {c.elder.name: c.term_over for c in after.candidates(case.id)}
    assert marks == {"王明理": True, "陈守信": False}
    zhang, _li = ids(case)
    with pytest.raises(ChoiceRefused) as refused:
        after.propose(case.id, elder.id, zhang)
    assert refused.value.message.startswith("{name}的任期已于{day}届满")
    assert after.state(case.id).choices == ()
    state = after.propose(case.id, elder.id, zhang, term_over_confirmed=True)
    assert [c.elder.name for c in state.choices] == ["王明理"]
    assert history(intake, case.id)[-1] == ("elder_propose", [
        ["提名明白人", "", "王明理（张建国提名；任期已于2024-03-01届满，当事人知情后仍选择）"]])
    # Refusing him and naming another elder whose term is over needs the same confirmation.
    other = elders.add(elder_input("周正直", selected_on_text="2021-01-01", term_end_text="2024-01-01",
                                   phone="13903770009"))
    _zhang, li = ids(case)
    with pytest.raises(ChoiceRefused):
        after.refuse_and_propose(state.choices[0].id, li, "不熟悉", elder_id=other.id)
    state = after.refuse_and_propose(state.choices[0].id, li, "不熟悉", elder_id=other.id, term_over_confirmed=True)
    assert [c.elder.name for c in state.choices] == ["王明理", "周正直"]


def test_retiring_needs_a_reason(db, elders):
    elder = elders.add(elder_input())
    for reason in ("", "   "):
        with pytest.raises(ValidationFailed) as err:
            elders.retire(elder.id, reason)
        assert [e.field for e in err.value.errors] == ["retired_reason"]
    assert not elders.get(elder.id).retired


def test_an_elder_who_never_served_can_be_deleted(db, elders):
    kept = elders.add(elder_input("王明理"))
    mistake = elders.add(elder_input("王名理"))
    elders.delete(mistake.id)
    with pytest.raises(NotFound):
        elders.get(mistake.id)
    assert count_rows(db.path, "elders") == 1 and elders.get(kept.id).name == "王明理"
    with pytest.raises(NotFound):
        elders.delete(mistake.id)


def test_an_elder_merely_proposed_once_is_kept(elders, selection, case):
    elder = elders.add(elder_input())
    choice_id = selection.propose(case.id, elder.id, None).choices[0].id
    selection.end(choice_id, ChoiceEnd.WITHDRAWN, "提名有误")
    with pytest.raises(InUse):
        elders.delete(elder.id)


# ================================================================ the pool: add, update, duplicates

def test_added_elder_reads_back_as_typed(elders):
    added = elders.add(elder_input("欧阳华", group="5组", phone="0377 66212345", birth_year_text="1950",
                                   identity=ElderIdentity.VETERAN_SOLDIER, selection=ElderSelection.COMMITTEE_APPOINTED,
                                   term_end_text="2026-03-01", specialties=(DisputeType.FOREST_LAND,),
                                   notes="退伍军人"))
    assert added.id is not None and added.uuid
    assert elders.get(added.id) == added
    assert (added.name_initials, added.surname, added.phone) == ("oyh", "欧阳", "0377-66212345")
    assert added.specialties == (DisputeType.FOREST_LAND,) and added.term_end == dt.date(2026, 3, 1)
    assert "王庄村" in elders.villages()


def test_duplicate_is_caught_on_add_and_update_and_retired_ones_too(db, elders):
    first = elders.add(elder_input("王明理", phone="13900000001"))
    before = row_counts(db)
    with pytest.raises(ValidationFailed) as err:
        elders.add(elder_input(" 王明理 ", phone="139 0000 0001"))  # same person, typed differently
    assert [(e.field, e.text()) for e in err.value.errors] == [("name", "明白人库中已有同名、同村、同电话的王明理")]
    assert row_counts(db) == before

    # A namesake in the same village with another phone, or in another village, is someone else.
    other_phone = elders.add(elder_input("王明理", phone="13900000002"))
    elders.add(elder_input("王明理", "李湾村", phone="13900000001"))

    with pytest.raises(ValidationFailed) as err:
        elders.update(other_phone.id, elder_input("王明理", phone="13900000001"))
    assert [e.field for e in err.value.errors] == ["name"]
    assert elders.get(other_phone.id).phone == "13900000002"
    # Saving an entry unchanged is not a duplicate of itself.
    assert elders.update(first.id, elder_input("王明理", phone="13900000001", notes="补充")).notes == "补充"

    elders.retire(first.id, "迁出本村")
    with pytest.raises(ValidationFailed) as err:
        elders.add(elder_input("王明理", phone="13900000001"))
    assert err.value.errors[0].text() == "明白人库中已有同名、同村、同电话的王明理（已退出）"

    # check() gives the same answer without writing.
    elder, errors = elders.check(elder_input("王明理", phone="13900000001"))
    assert elder is None and [e.field for e in errors] == ["name"]
    elder, errors = elders.check(elder_input("王明理", phone="13900000001"), elder_id=first.id)
    assert errors == [] and elder.name == "王明理"


def test_update_changes_the_entry_and_keeps_its_retirement_and_ad_hoc_flag(elders, selection, case):
    elder = elders.add(elder_input())
    elders.retire(elder.id, "暂停")
    updated = elders.update(elder.id, elder_input("王明理", "李湾村", phone="13900000003"))
    assert (updated.village, updated.phone, updated.retired, updated.retired_reason) == (
        "李湾村", "13900000003", True, "暂停")
    ad_hoc = selection.propose_ad_hoc(case.id, elder_input("周文斌", ad_hoc=True), None).choices[0].elder
    assert elders.update(ad_hoc.id, elder_input("周文斌", notes="已核实")).ad_hoc


def test_invalid_entries_are_refused_with_field_names_and_nothing_is_written(db, elders):
    elder = elders.add(elder_input())
    before = row_counts(db)
    with pytest.raises(ValidationFailed) as err:
        elders.add(elder_input("", "王庄村", sex=None, phone="12345"))
    assert [e.field for e in err.value.errors] == ["name", "sex", "phone"]
    with pytest.raises(ValidationFailed) as err:
        elders.update(elder.id, elder_input(village="", identity=ElderIdentity.OTHER))
    assert [e.field for e in err.value.errors] == ["village", "identity_note"]
    assert row_counts(db) == before
    assert elders.get(elder.id) == elder


# ================================================================ 主持人 / 见证人 / 记录人 lists

def test_people_lists_add_update_duplicates_retire_and_delete(db, people, selection, case):
    cadre = people.add(person_input(Role.HOST, "刘振华"))
    police = people.add(person_input(Role.HOST, "陈卫东", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    witness = people.add(person_input(Role.WITNESS, "孙丽"))
    recorder = people.add(person_input(Role.RECORDER, "周敏"))
    assert cadre.id and cadre.uuid and police.host_kind is HostKind.LINK_POLICE
    assert [p.name for p in people.people(Role.HOST)] == ["陈卫东", "刘振华"]
    assert {p.name for p in people.people()} == {"刘振华", "陈卫东", "孙丽", "周敏"}
    assert [p.name for p in people.people(text="lzh")] == ["刘振华"]
    assert [p.name for p in people.people(text="派出所")] == ["陈卫东"]

    before = row_counts(db)
    with pytest.raises(ValidationFailed) as err:
        people.add(person_input(Role.HOST, "刘振华", host_kind=HostKind.TOWNSHIP_CADRE))
    assert [(e.field, e.text()) for e in err.value.errors] == [("name", "名单中已有同一单位的刘振华")]
    assert row_counts(db) == before
    people.add(person_input(Role.HOST, "刘振华", unit="王庄镇政府", host_kind=HostKind.TOWNSHIP_CADRE))
    people.add(person_input(Role.RECORDER, "刘振华", unit="王庄村委会"))  # same person, another role

    with pytest.raises(ValidationFailed):
        people.update(police.id, person_input(Role.HOST, "刘振华"))
    renamed = people.update(witness.id, person_input(Role.WITNESS, "孙丽", unit="乡镇司法所", post="司法助理员"))
    assert (renamed.id, renamed.unit, renamed.description) == (witness.id, "乡镇司法所", "乡镇司法所 司法助理员")
    assert [p.unit for p in people.people(Role.WITNESS)] == ["乡镇司法所"]

    people.set_retired(recorder.id, True)
    assert "周敏" not in {p.name for p in people.people(Role.RECORDER)}
    assert [p.retired for p in people.people(Role.RECORDER, include_retired=True) if p.name == "周敏"] == [True]
    people.set_retired(recorder.id, False)

    selection.assign(case.id, cadre.id)
    with pytest.raises(InUse):
        people.delete(cadre.id)
    people.delete(recorder.id)
    assert "周敏" not in {p.name for p in people.people(include_retired=True)}
    with pytest.raises(NotFound):
        people.update(recorder.id, person_input(Role.RECORDER, "周敏"))


def test_invalid_person_is_refused_with_field_names(db, people):
    before = row_counts(db)
    with pytest.raises(ValidationFailed) as err:
        people.add(person_input(Role.WITNESS, "孙丽", unit=""))
    assert [(e.field, e.text()) for e in err.value.errors] == [("unit", "请填写见证人所在的职能部门")]
    with pytest.raises(ValidationFailed) as err:
        people.add(person_input(Role.HOST, "刘振华", host_kind=None))
    assert [e.field for e in err.value.errors] == ["host_kind"]
    assert row_counts(db) == before


def test_assigning_roles_to_a_case(intake, people, selection, case):
    cadre = people.add(person_input(Role.HOST, "刘振华"))
    police = people.add(person_input(Role.HOST, "陈卫东", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    witness = people.add(person_input(Role.WITNESS, "孙丽"))
    recorder = people.add(person_input(Role.RECORDER, "周敏"))
    stopped = people.add(person_input(Role.RECORDER, "吴刚"))
    people.set_retired(stopped.id, True)

    state = selection.assign(case.id, cadre.id)
    assert texts(state.readiness.warnings) == ["主持人中没有联村干警（通常由一名干部和一名联村干警共同主持）",
                                               NO_RECORDER, NO_WITNESS]
    for person in (police, witness, recorder):
        state = selection.assign(case.id, person.id)
    assert [r.person.name for r in state.roles] == ["刘振华", "陈卫东", "孙丽", "周敏"]  # in the order chosen
    assert all(r.added_at is not None for r in state.roles)
    assert state.readiness.warnings == ()
    assert [p.name for p in state.people(Role.HOST)] == ["刘振华", "陈卫东"]

    with pytest.raises(ChoiceRefused, match="陈卫东已是本案的主持人"):
        selection.assign(case.id, police.id)
    with pytest.raises(ChoiceRefused, match="吴刚已从名单中停用"):
        selection.assign(case.id, stopped.id)

    state = selection.unassign(case.id, witness.id)
    assert [r.person.name for r in state.roles] == ["刘振华", "陈卫东", "周敏"]
    lines = len(intake.history(case.id))
    assert selection.unassign(case.id, witness.id).roles == state.roles  # not assigned: nothing to do
    assert len(intake.history(case.id)) == lines
    assert history(intake, case.id)[-1] == ("role_remove", [["见证人", "孙丽", ""]])
    # The same person serves another case too.
    other = intake.register(valid_case_input(tag=2))
    assert [p.name for p in selection.assign(other.id, police.id).people(Role.HOST)] == ["陈卫东"]


# ================================================================ a closed case

@pytest.fixture
def closed(db, intake, elders, people, selection, case):
    """A terminated case with one chosen elder and one host, and spare people to try with."""
    zhang, li = ids(case)
    elder = elders.add(elder_input("张德厚"))
    choice_id = selection.propose(case.id, elder.id, zhang, conflict_note="双方知情").choices[0].id
    host = people.add(person_input(Role.HOST, "刘振华"))
    selection.assign(case.id, host.id)
    spare = {"elder": elders.add(elder_input("赵德明")).id,
             "person": people.add(person_input(Role.RECORDER, "周敏")).id}
    set_status(db, case.id, CaseStatus.TERMINATED)
    return {"case": case.id, "choice": choice_id, "zhang": zhang, "li": li, "host": host.id, **spare}


CHANGES = {
    "propose": lambda s, c: s.propose(c["case"], c["elder"], None),
    "propose_ad_hoc": lambda s, c: s.propose_ad_hoc(c["case"], elder_input("周文斌", ad_hoc=True), c["li"]),
    "answer": lambda s, c: s.answer(c["choice"], c["li"], Consent.AGREED),
    "refuse_and_propose": lambda s, c: s.refuse_and_propose(c["choice"], c["li"], "不同意", elder_id=c["elder"]),
    "declare_relation": lambda s, c: s.declare_relation(c["choice"], c["li"], "邻居"),
    "confirm_conflicts": lambda s, c: s.confirm_conflicts(c["choice"], "双方知情"),
    "recuse": lambda s, c: s.end(c["choice"], ChoiceEnd.RECUSED, "申请回避"),
    "withdraw": lambda s, c: s.end(c["choice"], ChoiceEnd.WITHDRAWN, "撤回"),
    "assign": lambda s, c: s.assign(c["case"], c["person"]),
    "unassign": lambda s, c: s.unassign(c["case"], c["host"]),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_closed_case_refuses_every_change_and_keeps_its_record(db, selection, closed, change):
    before = row_counts(db)
    state = selection.state(closed["case"])
    assert not state.editable
    with pytest.raises(ChoiceRefused) as err:
        CHANGES[change](selection, closed)
    assert err.value.text() == "本案状态为“调解终止”，不能再更改人选"
    assert row_counts(db) == before
    assert selection.state(closed["case"]) == state


@pytest.mark.parametrize("status, editable", [
    (CaseStatus.ACCEPTED, True), (CaseStatus.MEDIATING, True), (CaseStatus.AGREEMENT_WRITTEN, False),
    (CaseStatus.AGREEMENT_ORAL, False), (CaseStatus.TERMINATED, False), (CaseStatus.REJECTED, False),
])
def test_only_cases_before_or_during_mediation_are_editable(db, elders, selection, case, status, editable):
    set_status(db, case.id, status)
    assert selection.state(case.id).editable is editable
    elder = elders.add(elder_input())
    if editable:
        assert len(selection.propose(case.id, elder.id, None).choices) == 1
    else:
        with pytest.raises(ChoiceRefused):
            selection.propose(case.id, elder.id, None)


# ================================================================ refusals write nothing

@pytest.fixture
def open_choice(elders, selection, case):
    zhang, li = ids(case)
    elder = elders.add(elder_input("王明理"))
    choice_id = selection.propose(case.id, elder.id, zhang).choices[0].id
    return {"case": case.id, "choice": choice_id, "zhang": zhang, "li": li}


@pytest.mark.parametrize("call, fields", [
    (lambda s, c: s.propose_ad_hoc(c["case"], elder_input("", ad_hoc=True, sex=None), None), ["name", "sex"]),
    (lambda s, c: s.refuse_and_propose(c["choice"], c["li"], "不同意", ad_hoc=elder_input("周3", ad_hoc=True)),
     ["name"]),
    (lambda s, c: s.refuse_and_propose(c["choice"], c["li"], "理" * 301), ["reason"]),
    (lambda s, c: s.answer(c["choice"], c["li"], Consent.REFUSED, "不\x00同意"), ["reason"]),
    (lambda s, c: s.declare_relation(c["choice"], c["li"], "亲" * 51), ["relation"]),
    (lambda s, c: s.confirm_conflicts(c["choice"], "  "), ["conflict_note"]),
    (lambda s, c: s.end(c["choice"], ChoiceEnd.RECUSED, ""), ["ended_reason"]),
    (lambda s, c: s.propose(c["case"], 1, None, conflict_note="注" * 301), ["conflict_note"]),
])
def test_validation_failures_name_the_fields_and_write_nothing(db, intake, selection, open_choice, call, fields):
    before = row_counts(db)
    state = selection.state(open_choice["case"])
    with pytest.raises(ValidationFailed) as err:
        call(selection, open_choice)
    assert [e.field for e in err.value.errors] == fields
    assert row_counts(db) == before
    assert selection.state(open_choice["case"]) == state


@pytest.mark.parametrize("call, message", [
    (lambda s, c: s.answer(c["choice"], c["li"], Consent.REFUSED, "  "), "请写明不同意的理由"),
    (lambda s, c: s.answer(c["choice"], 99999, Consent.AGREED), "此人不是本案的当事人"),
    (lambda s, c: s.refuse_and_propose(c["choice"], c["li"], ""), "请写明不同意的理由"),
    (lambda s, c: s.refuse_and_propose(c["choice"], c["li"], "不同意", elder_id=c["retired"]), "已退出明白人库"),
    (lambda s, c: s.refuse_and_propose(c["choice"], c["li"], "不同意", elder_id=c["recused"]), "已在本案回避"),
])
def test_refused_answers_write_nothing_not_even_the_refusal(db, elders, selection, open_choice, call, message):
    retired = elders.add(elder_input("周老汉"))
    elders.retire(retired.id, "外出")
    recused = elders.add(elder_input("孙广才"))
    recused_choice = selection.propose(open_choice["case"], recused.id, None).choices[-1].id
    selection.end(recused_choice, ChoiceEnd.RECUSED, "本人申请回避")
    context = {**open_choice, "retired": retired.id, "recused": recused.id}
    before = row_counts(db)
    state = selection.state(open_choice["case"])
    with pytest.raises(ChoiceRefused, match=message):
        call(selection, context)
    assert row_counts(db) == before
    assert selection.state(open_choice["case"]) == state
    assert the_choice(state, "王明理").consent_of(open_choice["li"]).decision is Consent.PENDING


def test_unknown_choice_or_elder_is_not_found(selection, open_choice):
    with pytest.raises(NotFound):
        selection.answer(424242, open_choice["li"], Consent.AGREED)
    with pytest.raises(NotFound):
        selection.propose(open_choice["case"], 424242, None)


# ================================================================ migration 0002 on a populated 0001 file

def test_migration_0002_keeps_the_elders_of_a_0001_database_and_copies_it_first(tmp_path):
    from alembic import command

    from xinye_desktop.storage import migrate

    folder = tmp_path / "data"
    db = Database(folder / "xinye.sqlite3")
    folder.mkdir()
    config = migrate.alembic_config(db)
    with db.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001_initial")
        connection.commit()
    db.close()
    assert Database(db.path).current_revision() == "0001_initial"

    stamp = "2024-01-02 03:04:05.000000"
    conn = sqlite3.connect(db.path)
    conn.execute("INSERT INTO villages (id, township, name, uuid, created_at, updated_at) "
                 "VALUES (1, '王庄镇', '王庄村', 'v-0001', ?, ?)", (stamp, stamp))
    conn.execute(
        "INSERT INTO elders (id, village_id, name, name_initials, sex, birth_year, group_name, phone, identity, "
        "identity_note, selection, selected_on, term_end, specialties, notes, retired, uuid, created_at, updated_at) "
        "VALUES (1, 1, '王明理', 'wml', 'male', 1952, '3组', '13900000001', 'veteran_party_member', '', "
        "'village_meeting', '2023-03-01', '2026-03-01', 'neighbour,housing_homestead', '老支书', 0, 'e-0001', ?, ?)",
        (stamp, stamp))
    conn.commit()
    conn.close()

    db = Database(db.path)
    try:
        copy = db.ensure_schema()
        assert copy is not None
        backups = sorted((folder / "backups").glob("*.sqlite3"))
        assert backups == [Path(copy)]
        assert backups[0].name.startswith("before-migration-0001_initial-")
        backup = sqlite3.connect(copy)
        try:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)
            assert backup.execute("SELECT name FROM elders").fetchall() == [("王明理",)]
        finally:
            backup.close()

        assert db.current_revision() == HEAD_REVISION
        assert db.read_connection().execute(
            "SELECT ad_hoc, retired, retired_reason, selection FROM elders").fetchall() == [
            (0, 0, "", "village_meeting")]
        service = ElderService(db)
        elder = service.get(1)
        assert (elder.name, elder.village, elder.group, elder.phone, elder.ad_hoc, elder.retired_reason) == (
            "王明理", "王庄村", "3组", "13900000001", False, "")
        assert elder.specialties == (DisputeType.NEIGHBOUR, DisputeType.HOUSING_HOMESTEAD)
        assert elder.selection is ElderSelection.VILLAGE_MEETING and elder.uuid == "e-0001"
        assert [(e.name, s) for e, s in service.pool()] == [("王明理", ElderStats())]
        for table in ("case_elders", "case_elder_consents", "role_people", "case_roles"):
            assert count_rows(db.path, table) == 0

        # The new columns work: an ad-hoc elder without a selection, a retirement with a reason.
        ad_hoc = service.add(elder_input("周文斌", ad_hoc=True))
        assert service.get(ad_hoc.id).selection is None
        assert service.retire(1, "迁出本村").retired_reason == "迁出本村"
        assert db.ensure_schema() is None  # nothing left to do, no second copy
        assert len(list((folder / "backups").glob("*.sqlite3"))) == 1
    finally:
        db.close()
