"""The 明白人's case counts (services/elder_stats.py): the GROUP BY over every case runs once per change,
shared by the 明白人库 and the candidates of a case, and a write to what they are counted from (a proposal
made, answered or ended, a case saved, by any service) makes the next look read them again."""

from __future__ import annotations

import pytest

from tests.helpers import elder_input, valid_case_input
from xinye_desktop.domain.elders import ElderStats
from xinye_desktop.domain.enums import CaseStatus
from xinye_desktop.domain.selection import ChoiceEnd, Consent
from xinye_desktop.services.aftercare import AftercareService
from xinye_desktop.services.elders import ElderService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.storage.elder_repositories import STATS_TABLES, ElderRepository


@pytest.fixture
def scans(monkeypatch):
    """Every ElderRepository.stats call, as (narrowed to some elders, except a case, only a case)."""
    calls = []
    stats = ElderRepository.stats

    def spy(self, elder_ids=None, *, except_case=None, only_case=None):
        calls.append((elder_ids is not None, except_case, only_case))
        return stats(self, elder_ids, except_case=except_case, only_case=only_case)

    monkeypatch.setattr(ElderRepository, "stats", spy)
    return calls


def everyone(calls) -> int:
    """How many times the counts of every elder over every case were read."""
    return calls.count((False, None, None))


@pytest.fixture
def world(database):
    """Two cases in 王庄村; 王明理 chosen by both parties of the first, 赵德明 proposed for both."""
    intake, elders, selection = IntakeService(database), ElderService(database), SelectionService(database)
    first = intake.register(valid_case_input(tag=1))
    second = intake.register(valid_case_input(tag=2))
    wang, zhao = elders.add(elder_input("王明理")), elders.add(elder_input("赵德明"))
    zhang, li = (p.id for p in first.parties)
    choice = selection.propose(first.id, wang.id, zhang).choices[0]
    selection.answer(choice.id, li, Consent.AGREED)
    selection.propose(first.id, zhao.id, None)
    selection.propose(second.id, zhao.id, None)
    return {"db": database, "intake": intake, "elders": elders, "selection": selection, "first": first,
            "second": second, "wang": wang, "zhao": zhao}


def pool_counts(elders: ElderService) -> dict[str, ElderStats]:
    return {elder.name: stats for elder, stats in elders.pool()}


def candidate_counts(selection: SelectionService, case_id: int) -> dict[str, ElderStats]:
    return {c.elder.name: c.stats for c in selection.candidates(case_id)}


def test_the_counts_are_read_once_for_the_pool_and_every_case_s_candidates(world, scans):
    elders, selection = world["elders"], world["selection"]
    assert pool_counts(elders) == {"王明理": ElderStats(1, 0), "赵德明": ElderStats(2, 0)}
    assert everyone(scans) == 1
    assert pool_counts(elders) == {"王明理": ElderStats(1, 0), "赵德明": ElderStats(2, 0)}
    # The candidates leave their own case out: from the counts kept, less that case's own rows.
    assert candidate_counts(selection, world["first"].id) == {"王明理": ElderStats(0, 0), "赵德明": ElderStats(1, 0)}
    assert candidate_counts(selection, world["second"].id) == {"王明理": ElderStats(1, 0), "赵德明": ElderStats(1, 0)}
    # A fresh service of the same Database (a rebuilt tab) shares them too.
    assert pool_counts(ElderService(world["db"])) == {"王明理": ElderStats(1, 0), "赵德明": ElderStats(2, 0)}
    assert everyone(scans) == 1
    assert scans.count((False, world["first"].id, None)) == 0  # never every case but one, read afresh


def test_the_counts_left_over_equal_those_counted_without_the_case(world):
    db = world["db"]
    for case in (world["first"], world["second"]):
        with db.transaction() as uow:
            counted = uow.elders.stats(except_case=case.id)
        shown = {c.elder.id: c.stats for c in world["selection"].candidates(case.id)}
        assert shown == {elder_id: counted.get(elder_id, ElderStats()) for elder_id in shown}


def test_a_proposal_an_answer_and_an_end_are_counted_at_the_next_look(world, scans):
    elders, selection = world["elders"], world["selection"]
    first, second, wang, zhao = world["first"], world["second"], world["wang"], world["zhao"]
    pool_counts(elders)
    state = selection.propose(second.id, wang.id, None)  # a choice made
    assert pool_counts(elders)["王明理"] == ElderStats(2, 0) and everyone(scans) == 2
    choice = next(c for c in state.choices if c.elder.id == wang.id)
    selection.answer(choice.id, second.parties[0].id, Consent.REFUSED, "不认识")  # a refusal does not count
    assert pool_counts(elders)["王明理"] == ElderStats(1, 0) and everyone(scans) == 3
    zhao_first = next(c for c in selection.state(first.id).choices if c.elder.id == zhao.id)
    selection.end(zhao_first.id, ChoiceEnd.WITHDRAWN, "当事人另选")  # a choice ended
    assert pool_counts(elders)["赵德明"] == ElderStats(1, 0) and everyone(scans) == 4
    assert pool_counts(elders)["赵德明"] == ElderStats(1, 0) and everyone(scans) == 4


def test_a_case_saved_by_another_service_is_counted_at_the_next_look(world, scans, data_paths):
    elders, first = world["elders"], world["first"]
    pool_counts(elders)
    # The first case is terminated: 王明理 served in a finished case (all agreed), 赵德明 was only proposed.
    AftercareService(world["db"], data_paths).set_case_status(first.id, CaseStatus.TERMINATED, "申请人撤回申请")
    assert pool_counts(elders) == {"王明理": ElderStats(0, 1), "赵德明": ElderStats(1, 0)}
    assert everyone(scans) == 2
    intake = world["intake"]
    case = intake.load(world["second"].id)
    intake.update(case.id, valid_case_input(tag=2, facts=case.facts + "补充。"), expected_version=case.version)
    pool_counts(elders)
    assert everyone(scans) == 3


def test_an_elder_edited_or_added_shows_at_once_and_keeps_the_counts(world, scans):
    elders = world["elders"]
    pool_counts(elders)
    elders.update(world["wang"].id, elder_input("王明礼"))
    elders.add(elder_input("孙立新"))
    # The elders themselves are read at each look; their counts come from proposals and cases only.
    assert pool_counts(elders) == {"王明礼": ElderStats(1, 0), "赵德明": ElderStats(2, 0), "孙立新": ElderStats()}
    assert everyone(scans) == 1


def test_a_write_the_engine_did_not_make_and_a_closed_file_read_them_again(world, scans):
    db, elders = world["db"], world["elders"]
    pool_counts(elders)
    before = db.changes(*STATS_TABLES)
    db.read_connection().execute("DELETE FROM case_elder_consents WHERE decision = 'refused'")
    assert db.changes(*STATS_TABLES) > before
    pool_counts(elders)
    assert everyone(scans) == 2
    db.close()  # a restore replaces the file underneath
    pool_counts(elders)
    assert everyone(scans) == 3


def test_changes_counts_committed_writes_of_the_tables_named_only(database):
    with database.transaction() as uow:
        uow.settings.set("committee_name", "王庄村人民调解委员会")
    assert database.changes(*STATS_TABLES) == 0 and database.changes("settings") == 1
    with pytest.raises(RuntimeError):
        with database.transaction() as uow:
            uow.settings.set("committee_name", "别的")
            uow.session.flush()
            raise RuntimeError("rolled back")
    assert database.changes("settings") == 1  # rolled back: nothing changed
    IntakeService(database).register(valid_case_input())
    assert database.changes("cases") == 1 and database.changes(*STATS_TABLES) == 1
