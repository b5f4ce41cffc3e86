"""Starting, saving and finishing sittings against a real database."""

from __future__ import annotations

import pytest

from tests.helpers import elder_input, person_input, valid_case_input
from xinye_desktop.domain.enums import CaseStatus, PerformanceStatus
from xinye_desktop.domain.errors import Refused, StaleRecord
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import Consent
from xinye_desktop.domain.session import Outcome, ReasonPoint, Route, Verdict
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService


@pytest.fixture
def services(database):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection)}


def ready_case(s, *, witness: bool = False):
    case = s["intake"].register(valid_case_input())
    zhang, li = (p.id for p in case.parties)
    elder = s["elders"].add(elder_input("王明理"))
    choice = s["selection"].propose(case.id, elder.id, zhang).choices[0].id
    s["selection"].answer(choice, li, Consent.AGREED)
    host = s["people"].add(person_input(Role.HOST, "刘卫东", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    s["selection"].assign(case.id, host.id)
    if witness:
        w = s["people"].add(person_input(Role.WITNESS, "赵国土", unit="王庄镇国土资源所"))
        s["selection"].assign(case.id, w.id)
    return case


def fill_all(data, party_ids):
    data.place, data.public, data.notice_read = "王庄村三理室", True, True
    for pid in party_ids:
        p = data.party(pid)
        p.present, p.notice_confirmed, p.voluntary = True, True, True
        p.statement, p.mood_start, p.mood_end = "陈述内容", "激动", "平静"
    data.within_scope, data.harms_none, data.legal_basis = True, True, "《民法典》第二百八十八条"
    data.reason = {point: (Verdict.MET, "") for point in ReasonPoint}
    return data


def test_a_sitting_cannot_start_before_the_people_are_chosen(services):
    case = services["intake"].register(valid_case_input())
    with pytest.raises(Refused, match="人选还没有齐"):
        services["session"].start(case.id)
    assert services["intake"].load(case.id).status is CaseStatus.ACCEPTED


def test_start_moves_the_case_to_mediating_and_prefills_the_sitting(services):
    case = ready_case(services, witness=True)
    sitting = services["session"].start(case.id)
    assert sitting.number == 1 and not sitting.finished
    assert services["intake"].load(case.id).status is CaseStatus.MEDIATING
    assert sitting.data.place == "王庄村矛盾化解“三理”室"
    assert [w.name for w in sitting.data.witnesses] == ["赵国土"]
    assert set(sitting.data.parties) == {p.id for p in case.parties}
    with pytest.raises(Refused, match="上一次调解还没有结束"):
        services["session"].start(case.id)


def test_saves_keep_what_was_typed_and_stale_saves_are_refused(services):
    case = ready_case(services)
    sitting = services["session"].start(case.id)
    data = sitting.data
    data.party(case.parties[0].id).statement = "院墙越界半米"
    saved = services["session"].save(sitting.id, data, expected_version=sitting.version)
    assert saved.version == sitting.version + 1
    again = services["session"].overview(case.id).sittings[0]
    assert again.data.party(case.parties[0].id).statement == "院墙越界半米"
    with pytest.raises(StaleRecord):
        services["session"].save(sitting.id, data, expected_version=sitting.version)


def test_finishing_with_a_written_agreement_sets_the_status(services):
    case = ready_case(services)
    sitting = services["session"].start(case.id)
    with pytest.raises(Refused, match="没有完成"):
        services["session"].finish(sitting.id, expected_version=sitting.version)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome = Outcome.WRITTEN
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    done = services["session"].finish(sitting.id, expected_version=sitting.version)
    assert done.finished and done.outcome is Outcome.WRITTEN
    assert services["intake"].load(case.id).status is CaseStatus.AGREEMENT_WRITTEN
    with pytest.raises(Refused, match="已经结束"):
        services["session"].save(done.id, data, expected_version=done.version)
    actions = [h.action for h in services["intake"].history(case.id)]
    assert actions[-2:] == ["session_start", "session_finish"]


def test_an_oral_agreement_starts_performance_and_a_termination_closes_the_case(services):
    case = ready_case(services)
    sitting = services["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome, data.outcome_text = Outcome.ORAL, "李秀英三日内拆除越界院墙"
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    loaded = services["intake"].load(case.id)
    assert loaded.status is CaseStatus.AGREEMENT_ORAL and loaded.performance_status is PerformanceStatus.PERFORMING

    other = services["intake"].register(valid_case_input(tag=3))
    zhang, li = (p.id for p in other.parties)
    elder = services["elders"].add(elder_input("赵德明"))
    choice = services["selection"].propose(other.id, elder.id, zhang).choices[0].id
    services["selection"].answer(choice, li, Consent.AGREED)
    host = services["people"].people(Role.HOST)[0]
    services["selection"].assign(other.id, host.id)
    sitting = services["session"].start(other.id)
    data = sitting.data
    data.party(li).present, data.party(li).voluntary = True, False  # declines to go on (Art. 17)
    data.outcome, data.routes = Outcome.TERMINATED, (Route.LITIGATION,)
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    assert services["intake"].load(other.id).status is CaseStatus.TERMINATED


def test_an_adjourned_sitting_leaves_the_case_in_mediation_and_a_second_one_follows(services):
    case = ready_case(services)
    sitting = services["session"].start(case.id)
    data = sitting.data
    data.outcome, data.outcome_text = Outcome.ADJOURNED, "待国土所测量后再调"
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    assert services["intake"].load(case.id).status is CaseStatus.MEDIATING
    second = services["session"].start(case.id)
    assert second.number == 2
