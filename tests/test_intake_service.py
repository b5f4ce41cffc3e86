"""受理登记 service on a real temporary database: case numbers, refusals, edits, history, races."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import re
import threading
from dataclasses import replace

import pytest

from tests.helpers import (
    count_rows, individual, make_id_number, new_database, register_many, register_many_in_process,
    valid_case_input,
)
from xinye_desktop.domain.cases import CaseInput
from xinye_desktop.domain.enums import CaseSource, CaseStatus, DisputeType, PartyRole, Sex
from xinye_desktop.domain.errors import NotFound, StaleRecord, ValidationFailed
from xinye_desktop.domain.screening import ScreeningAnswers
from xinye_desktop.services.intake import IntakeService, ScreeningBlocked
from xinye_desktop.services.settings import CommitteeSettings, SettingsService
from xinye_desktop.storage.records import utcnow

TABLES = ("cases", "parties", "villages", "case_history", "case_sequences")
CASE_NUMBER = re.compile(r"^（(\d{4})）(\S+?)调字第(\d{3,})号$")


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def intake(db) -> IntakeService:
    return IntakeService(db)


def row_counts(db) -> dict[str, int]:
    return {table: count_rows(db.path, table) for table in TABLES}


def set_committee(db, prefix: str = "新", operator: str = "王保国") -> None:
    SettingsService(db).save(CommitteeSettings(committee_name="新野县王庄镇王庄村人民调解委员会",
                                               case_prefix=prefix, operator=operator))


# ---------------------------------------------------------------- case numbers

def test_registered_case_gets_a_number_of_its_received_year(intake):
    case = intake.register(valid_case_input(dt.date(2024, 3, 5)))
    assert case.case_number == "（2024）新调字第001号"
    assert CASE_NUMBER.match(case.case_number)
    assert case.id is not None and case.version == 1
    assert case.status is CaseStatus.ACCEPTED


def test_registered_case_reads_back_as_it_was_typed(intake):
    data = valid_case_input(dt.date(2024, 3, 5))
    case = intake.register(data)
    loaded = intake.load(case.id)
    assert loaded == case
    assert loaded.received_date == dt.date(2024, 3, 5)
    assert loaded.source is CaseSource.PARTY_APPLICATION
    assert loaded.dispute_type is DisputeType.HOUSING_HOMESTEAD
    assert loaded.village == "王庄村" and loaded.group == "3组" and loaded.facts == data.facts
    assert [p.name for p in loaded.parties] == ["张建国", "李秀英"]
    assert [p.id_number for p in loaded.parties] == [p.id_number for p in data.parties]
    assert [p.role for p in loaded.parties] == [PartyRole.APPLICANT, PartyRole.RESPONDENT]
    assert all(p.id is not None and p.uuid for p in loaded.parties)


def test_sequence_counts_up_within_a_year_and_restarts_for_another_year(intake):
    numbers = [intake.register(valid_case_input(day, tag=i)).case_number for i, day in enumerate([
        dt.date(2023, 12, 30), dt.date(2023, 12, 31), dt.date(2024, 1, 1), dt.date(2023, 6, 1), dt.date(2024, 2, 2),
    ])]
    assert numbers == ["（2023）新调字第001号", "（2023）新调字第002号", "（2024）新调字第001号",
                       "（2023）新调字第003号", "（2024）新调字第002号"]


def test_sequence_beyond_999_keeps_counting(db, intake):
    with db.transaction() as uow:
        from xinye_desktop.storage.records import CaseSequenceRecord

        uow.session.add(CaseSequenceRecord(year=2024, last_number=999))
    assert intake.register(valid_case_input(dt.date(2024, 5, 1))).case_number == "（2024）新调字第1000号"


def test_prefix_from_the_committee_settings_is_used(db, intake):
    set_committee(db, prefix="新王")
    assert intake.register(valid_case_input(dt.date(2024, 3, 5))).case_number == "（2024）新王调字第001号"
    set_committee(db, prefix="新沙")
    assert intake.register(valid_case_input(dt.date(2024, 3, 6))).case_number == "（2024）新沙调字第002号"


def test_bad_prefix_is_refused_by_the_settings_service(db):
    for prefix in ("", "XY", "新王调", "新王调字", "新王庄镇王庄村调委"):
        with pytest.raises(ValidationFailed) as err:
            SettingsService(db).save(CommitteeSettings("新野县王庄村人民调解委员会", prefix, ""))
        assert [e.field for e in err.value.errors] == ["case_prefix"]
    assert set(db.read_settings()) == {"committee_id"}  # migration 0010's, nothing else


def test_lost_sequence_row_resumes_after_the_highest_number_on_file(db, intake):
    intake.register(valid_case_input(dt.date(2024, 1, 2), tag=1))
    intake.register(valid_case_input(dt.date(2024, 1, 3), tag=2))
    db.read_connection().execute("DELETE FROM case_sequences")
    assert intake.register(valid_case_input(dt.date(2024, 1, 4), tag=3)).case_number == "（2024）新调字第003号"


def test_same_village_name_is_stored_once(intake):
    intake.register(valid_case_input(tag=1))
    intake.register(valid_case_input(tag=2))
    intake.register(valid_case_input(tag=3, village="李湾村"))
    assert sorted(name for _id, name, _t in intake._db.read_connection().execute(
        "SELECT id, name, township FROM villages")) == ["李湾村", "王庄村"]


# ---------------------------------------------------------------- refusals write nothing

@pytest.mark.parametrize("change", [
    {"facts": ""},
    {"received_date": dt.date.today() + dt.timedelta(days=1)},
    {"village": "王庄\x00村"},
    {"parties": [individual()]},
])
def test_invalid_input_raises_validation_failed_and_writes_nothing(db, intake, change):
    intake.register(valid_case_input(tag=1))
    before = row_counts(db)
    with pytest.raises(ValidationFailed) as err:
        intake.register(valid_case_input(tag=2, **change))
    assert err.value.errors, "the errors travel with the exception"
    assert row_counts(db) == before


def test_invalid_party_raises_with_the_field_path_and_writes_nothing(db, intake):
    data = valid_case_input()
    data.parties[1] = replace(data.parties[1], id_number="360426199101010072")
    with pytest.raises(ValidationFailed) as err:
        intake.register(data)
    assert [e.field for e in err.value.errors] == ["parties.1.id_number"]
    assert row_counts(db) == dict.fromkeys(TABLES, 0)


def test_blocked_screening_raises_and_writes_nothing(db, intake):
    data = valid_case_input(screening=ScreeningAnswers(party_refuses=True))
    with pytest.raises(ScreeningBlocked) as err:
        intake.register(data)
    assert err.value.result.blocked
    assert "拒绝调解" in str(err.value)
    assert row_counts(db) == dict.fromkeys(TABLES, 0)
    # No number was used up: the next case is still 001.
    assert intake.register(valid_case_input(dt.date(2024, 3, 1))).case_number == "（2024）新调字第001号"


def test_blocked_case_accepted_as_rejection_is_stored_with_its_reasons(intake):
    data = valid_case_input(dt.date(2024, 3, 5), screening=ScreeningAnswers(in_court=True, criminal=True))
    case = intake.register(data, accept_rejection=True)
    assert case.status is CaseStatus.REJECTED
    loaded = intake.load(case.id)
    assert loaded.status is CaseStatus.REJECTED
    assert "人民法院" in loaded.rejection_reason and "刑事" in loaded.rejection_reason
    assert len(loaded.rejection_reason.splitlines()) == 2
    assert loaded.screening == ScreeningAnswers(in_court=True, criminal=True)
    assert loaded.case_number == "（2024）新调字第001号"  # the refusal is on file with a number


def test_warning_only_screening_registers_normally(intake):
    data = valid_case_input(source=CaseSource.COURT_ENTRUSTED, screening=ScreeningAnswers(in_court=True))
    case = intake.register(data)
    assert case.status is CaseStatus.ACCEPTED and case.rejection_reason == ""
    assert intake.load(case.id).screening.in_court


def test_loading_a_missing_case_raises_not_found(intake):
    with pytest.raises(NotFound):
        intake.load(4242)


# ---------------------------------------------------------------- editing

def test_update_changes_fields_and_appends_history_with_who_and_when(db, intake):
    set_committee(db, operator="王保国")
    case = intake.register(valid_case_input(dt.date(2024, 3, 5)))
    data = CaseInput.from_case(case)
    data = replace(data, facts=data.facts + "另查明双方曾于去年协商一次。", group="5组",
                   dispute_type=DisputeType.NEIGHBOUR)
    started = utcnow()
    updated = intake.update(case.id, data, expected_version=case.version)
    finished = utcnow()

    assert updated.version == case.version + 1
    assert updated.case_number == case.case_number
    loaded = intake.load(case.id)
    assert loaded.group == "5组" and loaded.dispute_type is DisputeType.NEIGHBOUR
    assert loaded.facts.endswith("另查明双方曾于去年协商一次。")

    history = intake.history(case.id)
    assert [h.action for h in history] == ["create", "update"]
    entry = history[-1]
    assert entry.operator == "王保国"
    assert started <= entry.at <= finished
    changed = {label: (old, new) for label, old, new in entry.changes}
    assert changed["村民小组"] == ("3组", "5组")
    assert changed["纠纷类型"] == ("房屋宅基地纠纷", "邻里纠纷")
    assert "纠纷简要情况" in changed
    assert len(changed) == 3


def test_each_save_raises_the_version_by_exactly_one(intake):
    case = intake.register(valid_case_input())
    edits = [
        {"dispute_type": DisputeType.NEIGHBOUR, "group": "5组"},  # fields before and after the village
        {"village": "李湾村"},                                   # a new village row is created
        {"facts": case.facts + "补充情况。"},
    ]
    version = case.version
    for change in edits:
        current = intake.load(case.id)
        updated = intake.update(case.id, replace(CaseInput.from_case(current), **change), expected_version=version)
        assert updated.version == version + 1, change
        version = updated.version
    assert intake.load(case.id).village == "李湾村"


def test_a_party_only_edit_also_raises_the_version_so_concurrent_edits_are_caught(intake):
    case = intake.register(valid_case_input())
    edit = CaseInput.from_case(case)
    edit.parties[1] = replace(edit.parties[1], occupation="教师")
    assert intake.update(case.id, edit, expected_version=case.version).version == case.version + 1
    with pytest.raises(StaleRecord):
        intake.update(case.id, edit, expected_version=case.version)


def test_history_masks_id_numbers_and_phones(db, intake):
    case = intake.register(valid_case_input())
    old_id = case.parties[0].id_number
    new_id = make_id_number(dt.date(1970, 3, 15), 11)
    data = CaseInput.from_case(case)
    data.parties[0] = replace(data.parties[0], id_number=new_id, phone="13987654321")
    intake.update(case.id, data, expected_version=case.version)

    changes = {label: (old, new) for label, old, new in intake.history(case.id)[-1].changes}
    assert changes["当事人1·身份证号"] == (old_id[:6] + "********" + old_id[-4:], new_id[:6] + "********" + new_id[-4:])
    assert changes["当事人1·联系电话"] == ("138****5678", "139****4321")
    raw = json.dumps([row[0] for row in db.read_connection().execute("SELECT changes FROM case_history")],
                     ensure_ascii=False)
    for secret in (old_id, new_id, "13812345678", "13987654321", old_id[6:14]):
        assert secret not in raw


def test_update_without_changes_adds_no_history_entry(intake):
    case = intake.register(valid_case_input())
    intake.update(case.id, CaseInput.from_case(case), expected_version=case.version)
    assert [h.action for h in intake.history(case.id)] == ["create"]


def test_update_with_a_stale_version_raises_and_changes_nothing(db, intake):
    case = intake.register(valid_case_input())
    first = replace(CaseInput.from_case(case), group="5组")
    intake.update(case.id, first, expected_version=case.version)
    second = replace(CaseInput.from_case(case), group="7组")
    before = row_counts(db)
    with pytest.raises(StaleRecord):
        intake.update(case.id, second, expected_version=case.version)
    assert intake.load(case.id).group == "5组"
    assert row_counts(db) == before


def test_update_with_invalid_input_raises_and_changes_nothing(db, intake):
    case = intake.register(valid_case_input())
    before = row_counts(db)
    with pytest.raises(ValidationFailed):
        intake.update(case.id, replace(CaseInput.from_case(case), village=""), expected_version=case.version)
    assert intake.load(case.id) == case
    assert row_counts(db) == before


def test_removing_a_party_marks_it_withdrawn_but_keeps_the_row(db, intake):
    data = valid_case_input()
    third = individual("赵德明", Sex.MALE, make_id_number(dt.date(1960, 1, 2), 77), role=PartyRole.THIRD_PARTY)
    case = intake.register(replace(data, parties=data.parties + [third]))
    assert len(case.parties) == 3
    removed = case.parties[1]

    edit = CaseInput.from_case(case)
    edit.parties.pop(1)
    updated = intake.update(case.id, edit, expected_version=case.version)

    assert [p.name for p in updated.parties] == ["张建国", "赵德明"]
    assert [p.name for p in intake.load(case.id).parties] == ["张建国", "赵德明"]
    assert [p.id for p in updated.parties] == [case.parties[0].id, case.parties[2].id]  # same rows kept
    rows = db.read_connection().execute("SELECT id, name, withdrawn FROM parties ORDER BY id").fetchall()
    assert len(rows) == 3
    assert (removed.id, removed.name, 1) in rows
    assert sum(w for *_x, w in rows) == 1
    party_names = db.read_connection().execute("SELECT party_names FROM cases").fetchone()[0]
    assert "李秀英" not in party_names
    history = intake.history(case.id)[-1].changes
    assert ["撤出当事人", "李秀英", ""] in history


def test_adding_a_party_on_update_creates_a_new_row(db, intake):
    case = intake.register(valid_case_input())
    edit = CaseInput.from_case(case)
    edit.parties.append(individual("赵德明", Sex.MALE, "", role=PartyRole.THIRD_PARTY, age_text="61"))
    updated = intake.update(case.id, edit, expected_version=case.version)
    assert [p.name for p in updated.parties] == ["张建国", "李秀英", "赵德明"]
    assert count_rows(db.path, "parties") == 3
    assert ["当事人3·新增", "", "赵德明"] in intake.history(case.id)[-1].changes


def test_update_that_now_fails_screening_needs_confirmation(intake):
    case = intake.register(valid_case_input())
    edit = replace(CaseInput.from_case(case), screening=ScreeningAnswers(in_arbitration=True))
    with pytest.raises(ScreeningBlocked):
        intake.update(case.id, edit, expected_version=case.version)
    assert intake.load(case.id).status is CaseStatus.ACCEPTED
    updated = intake.update(case.id, edit, expected_version=case.version, accept_rejection=True)
    assert updated.status is CaseStatus.REJECTED
    assert "仲裁" in updated.rejection_reason


def test_update_keeps_a_later_mediation_stage(db, intake):
    case = intake.register(valid_case_input())
    db.read_connection().execute("UPDATE cases SET status = 'mediating' WHERE id = ?", (case.id,))
    updated = intake.update(case.id, replace(CaseInput.from_case(case), group="9组"), expected_version=case.version)
    assert updated.status is CaseStatus.MEDIATING


# ---------------------------------------------------------------- races for the next number

def assert_contiguous(numbers: list[str], year: int, expected: int) -> None:
    assert len(numbers) == expected
    assert len(set(numbers)) == expected, "a case number was issued twice"
    sequences = []
    for number in numbers:
        match = CASE_NUMBER.match(number)
        assert match and int(match.group(1)) == year
        sequences.append(int(match.group(3)))
    assert sorted(sequences) == list(range(1, expected + 1))


def check_file(db_path, year: int, expected: int) -> None:
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT case_number, sequence FROM cases WHERE year = ?", (year,)).fetchall()
        last = conn.execute("SELECT last_number FROM case_sequences WHERE year = ?", (year,)).fetchone()[0]
    finally:
        conn.close()
    assert_contiguous([r[0] for r in rows], year, expected)
    assert sorted(r[1] for r in rows) == list(range(1, expected + 1))
    assert last == expected


def _run_threads(target, args_list):
    errors, results = [], []
    barrier = threading.Barrier(len(args_list))

    def run(*args):
        try:
            barrier.wait()
            results.extend(target(*args))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    return results


def test_threads_sharing_one_database_never_issue_a_number_twice(db):
    service = IntakeService(db)
    per_thread, threads = 10, 4

    def work(offset):
        return [service.register(valid_case_input(dt.date(2024, 5, 1), tag=offset + i)).case_number
                for i in range(per_thread)]

    numbers = _run_threads(work, [(k * 100,) for k in range(threads)])
    assert_contiguous(numbers, 2024, per_thread * threads)
    check_file(db.path, 2024, per_thread * threads)


def test_threads_each_with_its_own_database_object_never_issue_a_number_twice(db):
    per_thread, threads = 10, 3
    barrier = threading.Barrier(threads)
    numbers = _run_threads(register_many, [(str(db.path), per_thread, 2024, k * 100, barrier)
                                           for k in range(threads)])
    assert_contiguous(numbers, 2024, per_thread * threads)
    check_file(db.path, 2024, per_thread * threads)


def test_separate_processes_never_issue_a_number_twice(db):
    per_process, processes = 20, 2
    db.close()  # the children open the file themselves
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    barrier = context.Barrier(processes)
    children = [context.Process(target=register_many_in_process,
                                args=(results, barrier, str(db.path), per_process, 2025, k * 100))
                for k in range(processes)]
    for child in children:
        child.start()
    try:
        outcomes = dict(results.get(timeout=120) for _ in children)
    finally:
        for child in children:
            child.join(timeout=30)
            if child.is_alive():
                child.terminate()
    failures = [v for v in outcomes.values() if isinstance(v, str)]
    assert failures == []
    assert [child.exitcode for child in children] == [0] * processes
    numbers = [n for chunk in outcomes.values() for n in chunk]
    assert all(len(chunk) == per_process for chunk in outcomes.values())
    assert_contiguous(numbers, 2025, per_process * processes)
    check_file(db.path, 2025, per_process * processes)
