"""Demo data (services/demo.py, the ``demo`` command) and the 台账 queries (services/ledger.py)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import individual, new_database, valid_case_input
from xinye_desktop.domain.enums import (
    CaseStatus, ConfirmationStatus, DisputeType, PartyRole, PerformanceStatus, Sex,
)
from xinye_desktop.domain.identity import check_id_number
from xinye_desktop.domain.screening import ScreeningAnswers
from xinye_desktop.services.demo import DemoRefused, generate
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.ledger import LedgerFilter, LedgerService
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.ledger_queries import SORT_COLUMNS, where_clause

REPO = Path(__file__).resolve().parent.parent
CASE_NUMBER = re.compile(r"^（(\d{4})）新调字第(\d{3,})号$")


# ================================================================ demo data

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    database = Database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    summary = generate(database, cases=400)
    assert summary.cases == 400
    yield database
    database.close()


def distinct(db, column: str) -> set:
    return {row[0] for row in db.read_connection().execute(f"SELECT DISTINCT {column} FROM cases")}


def test_demo_covers_every_dispute_type(demo_db):
    assert distinct(demo_db, "dispute_type") == {t.value for t in DisputeType}


def test_demo_covers_every_case_status(demo_db):
    assert distinct(demo_db, "status") == {s.value for s in CaseStatus}


def test_demo_covers_every_performance_and_confirmation_status(demo_db):
    assert distinct(demo_db, "performance_status") - {None} == {s.value for s in PerformanceStatus}
    assert distinct(demo_db, "confirmation_status") - {None} == {s.value for s in ConfirmationStatus}


def test_demo_states_are_consistent(demo_db):
    rows = demo_db.read_connection().execute(
        "SELECT status, performance_status, confirmation_status, rejection_reason, dispute_type, "
        "dispute_type_note FROM cases").fetchall()
    agreed = {CaseStatus.AGREEMENT_WRITTEN.value, CaseStatus.AGREEMENT_ORAL.value}
    for status, performance, confirmation, reason, dtype, note in rows:
        if performance is not None:
            assert status in agreed
        if confirmation is not None:
            assert status == CaseStatus.AGREEMENT_WRITTEN.value  # only written agreements go to court
        assert bool(reason) == (status == CaseStatus.REJECTED.value)
        if dtype == DisputeType.OTHER.value:
            assert note


def test_demo_id_numbers_all_pass_the_check_and_agree_with_sex_and_birth_date(demo_db):
    rows = demo_db.read_connection().execute(
        "SELECT id_number, sex, birth_date FROM parties WHERE id_number != ''").fetchall()
    assert len(rows) > 300
    for number, sex, birth in rows:
        info = check_id_number(number)
        assert info.number == number
        assert info.county_code == "411329"
        assert info.sex.value == sex
        assert info.birth_date.isoformat() == birth
    numbers = [r[0] for r in rows]
    assert len(set(numbers)) > 0.95 * len(numbers)  # realistic: nearly all distinct


def test_demo_case_numbers_are_unique_and_contiguous_per_year(demo_db):
    conn = demo_db.read_connection()
    rows = conn.execute("SELECT case_number, year, sequence, received_date FROM cases").fetchall()
    assert len({r[0] for r in rows}) == len(rows) == 400
    by_year: dict[int, list[int]] = {}
    for number, year, sequence, received in rows:
        match = CASE_NUMBER.match(number)
        assert match, number
        assert int(match.group(1)) == year == int(received[:4])
        assert int(match.group(2)) == sequence
        by_year.setdefault(year, []).append(sequence)
    sequences = dict(conn.execute("SELECT year, last_number FROM case_sequences").fetchall())
    for year, numbers in by_year.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert sequences[year] == len(numbers)


def test_demo_every_case_has_at_least_two_parties_and_matching_name_columns(demo_db):
    conn = demo_db.read_connection()
    names = {}
    for case_id, name in conn.execute("SELECT case_id, name FROM parties WHERE withdrawn = 0 ORDER BY case_id, position"):
        names.setdefault(case_id, []).append(name)
    assert len(names) == 400
    for case_id, party_names in conn.execute("SELECT id, party_names FROM cases"):
        assert len(names[case_id]) >= 2
        assert party_names == " ".join(names[case_id])


def test_running_demo_again_is_refused_without_allow_existing(demo_db):
    with pytest.raises(DemoRefused):
        generate(demo_db, cases=10)
    assert LedgerService(demo_db).total() == 400


def test_demo_append_continues_the_numbering_and_registering_continues_after_it(tmp_path):
    database = Database(tmp_path / "x.sqlite3")
    try:
        today = dt.date(2025, 6, 30)
        generate(database, cases=20, today=today)
        generate(database, cases=20, today=today, seed=7, allow_existing=True)
        conn = database.read_connection()
        assert conn.execute("SELECT COUNT(DISTINCT case_number) FROM cases").fetchone()[0] == 40
        assert conn.execute("SELECT COUNT(*) FROM villages").fetchone()[0] == 60  # not duplicated
        last_2025 = conn.execute("SELECT MAX(sequence) FROM cases WHERE year = 2025").fetchone()[0]
        case = IntakeService(database).register(valid_case_input(dt.date(2025, 6, 1)))
        assert case.case_number == f"（2025）新调字第{last_2025 + 1:03d}号"
    finally:
        database.close()


def test_demo_with_the_same_seed_and_day_gives_the_same_cases(tmp_path):
    day = dt.date(2025, 6, 30)
    rows = []
    for name in ("a", "b"):
        database = Database(tmp_path / f"{name}.sqlite3")
        generate(database, cases=30, seed=11, today=day)
        rows.append(database.read_connection().execute(
            "SELECT case_number, received_date, dispute_type, status, party_names FROM cases ORDER BY id").fetchall())
        database.close()
    assert rows[0] == rows[1]


def _run_cli(*args, timeout=120):
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "xinye_desktop", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def test_demo_command_fills_a_new_data_folder_then_refuses_to_mix(tmp_path):
    folder = tmp_path / "data"
    done = _run_cli("demo", "--data-dir", str(folder), "--cases", "50")
    assert done.returncode == 0, done.stderr
    database = folder / "xinye.sqlite3"
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 50
    finally:
        conn.close()
    assert "50" in done.stdout
    for sub in ("drafts", "documents", "logs"):
        assert (folder / sub).is_dir()

    again = _run_cli("demo", "--data-dir", str(folder), "--cases", "5")
    assert again.returncode == 3
    assert "--append" in again.stderr
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 50
    finally:
        conn.close()


def test_demo_command_refuses_a_negative_count(tmp_path):
    done = _run_cli("demo", "--data-dir", str(tmp_path / "data"), "--cases", "-1")
    assert done.returncode == 2
    assert not (tmp_path / "data" / "xinye.sqlite3").exists()


# ================================================================ ledger: filters and paging on demo data

ALL = 10_000


def all_rows(ledger, sort="received_date", descending=True):
    return ledger.page(LedgerFilter(), sort=sort, descending=descending, limit=ALL)


def test_ledger_count_and_page_without_filter(demo_db):
    ledger = LedgerService(demo_db)
    assert ledger.count(LedgerFilter()) == ledger.total() == 400
    rows = all_rows(ledger)
    assert len(rows) == 400
    assert len(ledger.page(LedgerFilter(), limit=50)) == 50


@pytest.mark.parametrize("status", list(CaseStatus))
def test_ledger_status_filter(demo_db, status):
    ledger = LedgerService(demo_db)
    flt = LedgerFilter(status=status.value)
    expected = {r.id for r in all_rows(ledger) if r.status == status.value}
    assert expected
    assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
    assert ledger.count(flt) == len(expected)


@pytest.mark.parametrize("dtype", list(DisputeType))
def test_ledger_dispute_type_filter(demo_db, dtype):
    ledger = LedgerService(demo_db)
    flt = LedgerFilter(dispute_type=dtype.value)
    expected = {r.id for r in all_rows(ledger) if r.dispute_type == dtype.value}
    assert expected
    assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
    assert ledger.count(flt) == len(expected)


def test_ledger_village_filter(demo_db):
    ledger = LedgerService(demo_db)
    villages = ledger.villages()
    assert len(villages) == 60
    rows = all_rows(ledger)
    seen = 0
    for village_id, name, township in villages[:12]:
        flt = LedgerFilter(village_id=village_id)
        got = ledger.page(flt, limit=ALL)
        assert all(r.village == name for r in got)
        assert ledger.count(flt) == len(got)
        seen += len(got)
    assert 0 < seen < len(rows)


def test_ledger_filters_combine(demo_db):
    ledger = LedgerService(demo_db)
    village_id = ledger.villages()[0][0]
    name = ledger.villages()[0][1]
    for status in CaseStatus:
        for dtype in (DisputeType.NEIGHBOUR, DisputeType.MARRIAGE_FAMILY):
            flt = LedgerFilter(status=status.value, dispute_type=dtype.value, village_id=village_id)
            expected = {r.id for r in all_rows(ledger)
                        if r.status == status.value and r.dispute_type == dtype.value and r.village == name}
            assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
            assert ledger.count(flt) == len(expected)


def test_ledger_search_by_a_real_party_name_in_demo_data(demo_db):
    ledger = LedgerService(demo_db)
    name = demo_db.read_connection().execute("SELECT name FROM parties WHERE kind = 'individual' LIMIT 1").fetchone()[0]
    got = ledger.page(LedgerFilter(text=name), limit=ALL)
    assert got
    assert all(name in r.party_names for r in got)
    assert {r.id for r in got} == {r.id for r in all_rows(ledger) if name in r.party_names}


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_ledger_pages_are_disjoint_and_cover_everything(demo_db, sort, descending):
    ledger = LedgerService(demo_db)
    whole = [r.id for r in ledger.page(LedgerFilter(), sort=sort, descending=descending, limit=ALL)]
    paged = []
    for offset in range(0, 400, 45):
        page = ledger.page(LedgerFilter(), sort=sort, descending=descending, offset=offset, limit=45)
        assert not set(paged) & {r.id for r in page}
        paged += [r.id for r in page]
    assert paged == whole
    assert len(set(paged)) == 400


def _sort_key(row, sort, descending=False):
    return {
        # Cases without an agreement in effect come last in both directions.
        "confirmation": lambda r: ((r.effective_on is None) != descending, r.effective_on or ""),
        "case_number": lambda r: tuple(int(g) for g in CASE_NUMBER.match(r.case_number).groups()),
        "received_date": lambda r: r.received_date,
        "dispute_type": lambda r: r.dispute_type,
        "village": lambda r: r.village,
        "party_names": lambda r: r.party_names,
        "status": lambda r: r.status,
    }[sort](row)


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_ledger_sort_orders_by_the_key_in_both_directions(demo_db, sort, descending):
    rows = LedgerService(demo_db).page(LedgerFilter(), sort=sort, descending=descending, limit=ALL)
    keys = [_sort_key(r, sort, descending) for r in rows]
    assert keys == sorted(keys, reverse=descending)
    assert len(set(keys)) > 1


def test_every_sort_key_is_covered_by_these_tests():
    assert set(SORT_COLUMNS) == {"case_number", "received_date", "dispute_type", "village", "party_names", "status",
                                 "confirmation"}


def test_unknown_sort_key_is_refused(demo_db):
    with pytest.raises(KeyError):
        LedgerService(demo_db).page(LedgerFilter(), sort="facts; DROP TABLE cases")


# ================================================================ ledger: text search on known cases

@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """Four cases with chosen names: {label: case}, on a database of their own."""
    database = new_database(tmp_path_factory.mktemp("ledger") / "x.sqlite3")
    intake = IntakeService(database)

    def people(a, sa, b, sb):
        return [individual(a, sa, "", age_text="45"), individual(b, sb, "", role=PartyRole.RESPONDENT, age_text="50")]

    cases = {
        "A": intake.register(valid_case_input(dt.date(2024, 3, 1), parties=people("张建国", Sex.MALE, "李秀英", Sex.FEMALE))),
        "B": intake.register(valid_case_input(dt.date(2024, 3, 2), village="李湾村", dispute_type=DisputeType.NEIGHBOUR,
                                              parties=people("王保国", Sex.MALE, "赵德明", Sex.MALE))),
        "C": intake.register(valid_case_input(dt.date(2023, 5, 6), dispute_type=DisputeType.CONTRACT,
                                              parties=people("欧阳娜娜", Sex.FEMALE, "张建华", Sex.MALE))),
        "D": intake.register(valid_case_input(dt.date(2024, 4, 1), screening=ScreeningAnswers(party_refuses=True),
                                              parties=people("单国强", Sex.MALE, "曾秀兰", Sex.FEMALE)),
                             accept_rejection=True),
    }
    yield database, cases
    database.close()


def search(known, text, **filters) -> set[str]:
    database, cases = known
    ledger = LedgerService(database)
    labels = {case.id: label for label, case in cases.items()}
    flt = LedgerFilter(text=text, **filters)
    found = {labels[r.id] for r in ledger.page(flt, limit=ALL)}
    assert ledger.count(flt) == len(found)
    return found


def test_known_cases_have_the_expected_numbers(known):
    _db, cases = known
    assert {k: c.case_number for k, c in cases.items()} == {
        "A": "（2024）新调字第001号", "B": "（2024）新调字第002号",
        "C": "（2023）新调字第001号", "D": "（2024）新调字第003号",
    }


@pytest.mark.parametrize("text, expected", [
    ("第001号", {"A", "C"}),
    ("第002号", {"B"}),
    ("002", {"B"}),
    ("（2023）", {"C"}),
    ("2024", {"A", "B", "D"}),
    ("新调字", {"A", "B", "C", "D"}),
    ("（2024）新调字第003号", {"D"}),
])
def test_search_by_case_number_fragment(known, text, expected):
    assert search(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("张建国", {"A"}),
    ("李秀英", {"A"}),   # the respondent's name finds the case too
    ("欧阳娜娜", {"C"}),
    ("单国强", {"D"}),
    ("张三丰", set()),
])
def test_search_by_a_party_full_name(known, text, expected):
    assert search(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("张建", {"A", "C"}),
    ("建国", {"A"}),
    ("欧阳", {"C"}),
    ("秀", {"A", "D"}),
    ("保国", {"B"}),
])
def test_search_by_a_name_fragment(known, text, expected):
    assert search(known, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("zjg", {"A"}),
    ("ZJG", {"A"}),
    ("Zjg", {"A"}),
    ("zj", {"A", "C"}),
    ("lxy", {"A"}),
    ("oynn", {"C"}),
    ("sgq", {"D"}),   # 单 read as shan when a surname
    ("zxl", {"D"}),   # 曾 read as zeng when a surname
    ("wbg", {"B"}),
    ("xyz", set()),
])
def test_search_by_pinyin_initials_in_either_case(known, text, expected):
    assert search(known, text) == expected


@pytest.mark.parametrize("text", ["%", "_", "%%", "张%", "%国", "张_国", "张__", "_建国", "z%g", "z_g", "\\", "第00_号",
                                  "'", "\"", "' OR 1=1 --"])
def test_like_wildcards_and_quotes_in_the_search_text_are_literal(known, text):
    assert search(known, text) == set()


def test_blank_search_text_matches_everything(known):
    assert search(known, "   ") == {"A", "B", "C", "D"}


def test_search_combines_with_filters(known):
    database, _cases = known
    wangzhuang = next(vid for vid, name, _t in LedgerService(database).villages() if name == "王庄村")
    assert search(known, "张建", village_id=wangzhuang) == {"A", "C"}
    assert search(known, "", village_id=wangzhuang) == {"A", "C", "D"}
    assert search(known, "张建", status=CaseStatus.REJECTED.value) == set()
    assert search(known, "", status=CaseStatus.REJECTED.value) == {"D"}
    assert search(known, "zj", dispute_type=DisputeType.CONTRACT.value) == {"C"}
    assert search(known, "2024", dispute_type=DisputeType.HOUSING_HOMESTEAD.value) == {"A", "D"}


def test_search_finds_words_in_the_facts_through_the_index_and_short_words_by_like(tmp_path):
    """3+ characters go through the FTS5 trigram index, 1-2 characters (which trigram cannot match) through
    LIKE; several words must all match; the index follows edits of the facts (triggers)."""
    database = new_database(tmp_path / "facts.sqlite3")
    try:
        intake = IntakeService(database)
        a = intake.register(valid_case_input(dt.date(2024, 3, 1), facts="租赁蔬菜大棚三年，棚膜损坏的维修费用分担发生争执。"))
        b = intake.register(valid_case_input(dt.date(2024, 3, 2), tag=1, facts="羊群进入花生地啃食，双方对损失数额争执不下。"))
        ledger = LedgerService(database)

        def found(text):
            flt = LedgerFilter(text=text)
            ids = {r.id for r in ledger.page(flt, limit=ALL)}
            assert ledger.count(flt) == len(ids)
            return ids

        assert found("蔬菜大棚") == {a.id}
        assert found("花生") == {b.id}  # two characters: LIKE
        assert found("争执") == {a.id, b.id}
        assert found("争执 羊群") == {b.id}  # every word must match
        assert found("维修费用 花生") == set()
        assert found('大棚" OR "花生') == set()  # FTS query syntax is literal text
        assert "cases_fts MATCH" in where_clause(LedgerFilter(text="蔬菜大棚"))[0]
        edited = intake.load(a.id)
        intake.update(a.id, valid_case_input(dt.date(2024, 3, 1), facts="宅基地界线争执，翻建院墙越界。"),
                      expected_version=edited.version)
        assert found("蔬菜大棚") == set() and found("翻建院墙") == {a.id}
    finally:
        database.close()


def test_ledger_row_carries_what_the_list_shows(known):
    database, cases = known
    row = next(r for r in LedgerService(database).page(LedgerFilter(text="赵德明")))
    assert row.id == cases["B"].id
    assert row.case_number == "（2024）新调字第002号"
    assert row.received_date == "2024-03-02"
    assert row.dispute_type == DisputeType.NEIGHBOUR.value
    assert row.village == "李湾村" and row.group == "3组"
    assert row.party_names == "王保国 赵德明"
    assert row.status == CaseStatus.ACCEPTED.value
    assert row.performance_status is None and row.confirmation_status is None


def test_paging_with_many_ties_in_the_sort_key_still_covers_every_row(tmp_path):
    """All cases on one day, same type and village: only the tie-break keeps pages apart."""
    database = new_database(tmp_path / "ties.sqlite3")
    try:
        intake = IntakeService(database)
        for i in range(30):
            intake.register(valid_case_input(dt.date(2024, 5, 1), tag=i))
        ledger = LedgerService(database)
        for sort in SORT_COLUMNS:
            for descending in (False, True):
                paged = []
                for offset in range(0, 30, 4):
                    paged += [r.id for r in ledger.page(LedgerFilter(), sort, descending, offset, 4)]
                assert sorted(paged) == sorted(set(paged)) and len(paged) == 30, (sort, descending)
    finally:
        database.close()
