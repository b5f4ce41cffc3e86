"""Demo data (xinye_desktop/demo/, the ``demo`` command) and the 台账 queries (services/ledger.py)."""

from __future__ import annotations

import datetime as dt
import json
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
from xinye_desktop.demo import DemoRefused, generate
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.ledger import CONFIRMATION_FILTERS, LedgerFilter, LedgerService, window_of
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.ledger_queries import SORT_COLUMNS, where_clause

REPO = Path(__file__).resolve().parent.parent
CASE_NUMBER = re.compile(r"^（(\d{4})）新调字第(\d{3,})号$")


# ================================================================ demo data

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """What ``demo`` makes by default: 300 cases, seed 2026, today."""
    folder = tmp_path_factory.mktemp("demo")
    database = Database(folder / "demo.sqlite3")
    summary = generate(database)
    assert summary.cases == DEMO_CASES
    yield database
    database.close()


DEMO_CASES = 300


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


# ---------------------------------------------------------------- demo: no contradiction, checked on the database

def _day(value) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def demo_contradictions(conn: sqlite3.Connection, today: dt.date) -> list[str]:
    """Every way the demo's cases could contradict themselves or the law, as messages (empty: none).
    Plain SQL over the database, so it holds for what the services wrote and for the bulk rows alike."""
    from xinye_desktop.domain.aftercare import CONFIRMATION_DAYS, overall_performance
    from xinye_desktop.domain.agreement import confirmable, content_hash, verification_code
    from xinye_desktop.services.aftercare import terms_from_document
    from xinye_desktop.services.agreements import _content_of

    bad: list[str] = []
    cases = {r[0]: r for r in conn.execute(
        "SELECT id, case_number, status, received_date, effective_on, performance_status, confirmation_status, "
        "confirmable, confirmation_applied_on, confirmation_court, confirmation_decided_on, confirmation_number, "
        "confirmation_note FROM cases")}
    sittings: dict[int, list] = {}
    for case_id, number, held_on, outcome, finished, data in conn.execute(
            "SELECT case_id, number, held_on, outcome, finished_at, data FROM sittings ORDER BY case_id, number"):
        sittings.setdefault(case_id, []).append((number, _day(held_on), outcome, finished, json.loads(data)))
    versions: dict[int, list] = {}
    for row in conn.execute("SELECT case_id, number, state, document, digest, code, uuid, printed_at, signed_on, "
                            "pdf_path, scan_path FROM agreements ORDER BY case_id, number"):
        versions.setdefault(row[0], []).append(row[1:])
    terms: dict[int, list] = {}
    for row in conn.execute("SELECT case_id, id, agreement_id, content, obligor, amount, deadline, status "
                            "FROM performance_terms ORDER BY case_id, agreement_id, position"):
        terms.setdefault(row[0], []).append(row[1:])
    visits: dict[int, list] = {}
    for row in conn.execute("SELECT case_id, id, due_on, visited_on, cancelled, cancelled_reason, performance, "
                            "visitor, satisfaction, risks, measures FROM return_visits ORDER BY case_id, due_on, id"):
        visits.setdefault(row[0], []).append(row[1:])
    findings: dict[int, list] = {}
    for visit_id, term_id, status in conn.execute("SELECT visit_id, term_id, status FROM return_visit_terms"):
        findings.setdefault(visit_id, []).append((term_id, status))

    for case_id, (_id, number, status, received, effective, performance, confirmation, eligible, applied, court,
                  decided, ruling, note) in cases.items():
        say = lambda text: bad.append(f"{number}: {text}")  # noqa: E731
        received, effective, applied, decided = _day(received), _day(effective), _day(applied), _day(decided)
        held = sittings.get(case_id, [])
        for n, day, outcome, finished, data in held:
            if not received <= day <= today:
                say(f"sitting {n} on {day}, outside {received}..{today}")
            if outcome == "terminated" and "多次" in data.get("termination_reason", "") and len(held) < 2:
                say("terminated 经多次调解 after a single sitting")
        done = [s for s in held if s[3] is not None]
        if status in ("agreement_written", "agreement_oral", "terminated"):
            if not done or done[-1][2] not in {"agreement_written": ("written", "opinion"),
                                                "agreement_oral": ("oral",), "terminated": ("terminated",)}[status]:
                say(f"status {status} but the last finished sitting ended {done[-1][2] if done else None}")
        if status == "mediating" and (not held or held[-1][3] is not None):
            say("调解中 without a sitting under way")
        mine = versions.get(case_id, [])
        if mine and status != "agreement_written":
            say(f"an agreement for a case {status}")
        if [v[0] for v in mine] != list(range(1, len(mine) + 1)):
            say("agreement versions are not numbered 1..n")
        for v_number, state, document, digest, code, v_uuid, printed_at, signed_on, pdf, scan in mine:
            if state == "draft":
                if document or digest or code or printed_at or signed_on or v_number != len(mine):
                    say(f"draft version {v_number} carries print data or is not the newest")
                continue
            if not (document and digest and code and printed_at):
                say(f"version {v_number} ({state}) without its archived content, digest, code or print time")
                continue
            if content_hash(json.loads(document)) != digest or verification_code(v_uuid, v_number, digest) != code:
                say(f"version {v_number}: digest or code does not match the archived content")
            if (state == "signed" and signed_on is None) or (state == "printed" and signed_on is not None):
                say(f"version {v_number} ({state}) signed_on={signed_on}")
            if signed_on and _day(signed_on) < _day(printed_at) - dt.timedelta(days=1):
                say(f"version {v_number} signed before it was printed")
            if scan and state != "signed":
                say(f"a scan attached to a {state} version")
        signed = [v for v in mine if v[7] is not None]
        current_signed = [v for v in mine if v[1] == "signed"]
        if status == "agreement_written":
            if (effective is None) != (not signed):
                say(f"effective_on {effective} but {len(signed)} signed version(s): only signing makes it effective")
            if signed and len(current_signed) != 1:
                say(f"{len(current_signed)} versions in force")
            if current_signed and _day(current_signed[0][7]) != effective:
                say(f"effective_on {effective} is not the signing day {current_signed[0][7]} of the version in force")
        elif status == "agreement_oral":
            oral_day = next((s[1] for s in reversed(done) if s[2] == "oral"), None)
            if effective != oral_day:
                say(f"oral agreement effective {effective}, reached at the sitting of {oral_day}")
        elif effective is not None:
            say(f"effective_on {effective} for a case {status}")
        if effective is not None:
            if effective > today or any(effective < s[1] for s in held):
                say(f"effective {effective} before a sitting or after today")
        # What follows the effective date, and only it.
        if effective is None:
            if performance or confirmation or eligible is not None or terms.get(case_id) or visits.get(case_id):
                say("履行情况, 司法确认, terms or visits without an agreement in effect")
            continue
        current = terms.get(case_id, [])
        latest = max((t[1] or 0) for t in current) if current else 0
        current = [t for t in current if (t[1] or 0) == latest]
        if not current:
            say("an agreement in effect without terms to supervise")
            continue
        if status == "agreement_written":
            document = json.loads(current_signed[0][2])
            specs = terms_from_document(document)
            if [(s.content, s.obligor, s.amount, s.deadline) for s in specs] != \
                    [(t[2], t[3], t[4], _day(t[5])) for t in current]:
                say("the terms on file are not the signed agreement's clauses")
            if bool(eligible) != confirmable(_content_of(document)):
                say(f"confirmable={eligible} but the agreement says {confirmable(_content_of(document))}")
        elif eligible is not None:
            say("an oral agreement marked for 司法确认")
        statuses = [PerformanceStatus(t[6]) for t in current]
        if performance != overall_performance(statuses).value:
            say(f"履行情况 {performance} but the terms say {[s.value for s in statuses]}")
        mine_visits = visits.get(case_id, [])
        recorded = sorted((v for v in mine_visits if v[2] is not None), key=lambda v: (_day(v[2]), v[0]))
        last_found = {}
        for visit_id, due, visited_on, cancelled, reason, found, visitor, satisfaction, risks, measures in mine_visits:
            if visited_on and cancelled:
                say(f"visit {visit_id} both made and called off")
            if cancelled and not reason:
                say(f"visit {visit_id} called off without a reason")
            if visited_on and not (effective <= _day(visited_on) <= today and visitor and satisfaction and found):
                say(f"visit {visit_id} on {visited_on} incomplete or outside {effective}..{today}")
            if risks and not measures:
                say(f"visit {visit_id} found risks but took no measures")
            if not visited_on and not cancelled and _day(due) < today - dt.timedelta(days=45):
                say(f"visit due {due} still open: overdue by months")
            first_effect = min(_day(v[7]) for v in signed) if signed else effective
            if _day(due) < first_effect:
                say(f"visit {visit_id} due {due} before the agreement took effect")
        for visit in recorded:
            for term_id, term_status in findings.get(visit[0], []):
                last_found[term_id] = term_status
        for t in current:
            if t[6] != last_found.get(t[0], "performing"):
                say(f"term {t[0]} is {t[6]}, the last visit found {last_found.get(t[0], 'nothing')}")
        if recorded and recorded[-1][5] != performance:
            say(f"履行情况 {performance}, the last visit found {recorded[-1][5]}")
        if performance == "performed" and any(v[2] is None and not v[3] for v in mine_visits):
            say("已履行 with visits still planned")
        # 司法确认: only inside the window, with a date and a court; a decision after the application.
        deadline = effective + dt.timedelta(days=CONFIRMATION_DAYS)
        if confirmation is None:
            if applied or court or decided or ruling or note:
                say("confirmation details without an application")
        else:
            if not eligible:
                say(f"司法确认 {confirmation} for an agreement the court may not confirm")
            if not (applied and court and effective <= applied <= min(deadline, today)):
                say(f"司法确认 {confirmation}: applied {applied} at {court!r}, window {effective}..{deadline}")
            if confirmation == "applied" and (decided or ruling):
                say("申请中 with a decision")
            if confirmation in ("confirmed", "refused") and not (decided and applied <= decided <= today):
                say(f"{confirmation} decided {decided} (applied {applied})")
            if confirmation == "refused" and not note:
                say("不予确认 without the court's reason")
    # Documents that follow the agreement.
    for case_id, in conn.execute("SELECT case_id FROM issued_documents WHERE title = '司法确认申请书'"):
        if cases[case_id][4] is None or cases[case_id][2] != "agreement_written":
            bad.append(f"{cases[case_id][1]}: 司法确认申请书 without a signed agreement")
    return bad


def test_demo_has_no_contradiction(demo_db):
    """The review's findings (effective dates on drafts, 已履行 over terms 履行中, 申请中 without a court, ...)
    and every rule behind them, over every case of the default demo."""
    assert demo_contradictions(demo_db.read_connection(), dt.date.today()) == []


def test_demo_has_no_contradiction_in_a_large_run_appended_on_another_day(tmp_path):
    """More cases than the showcase (the bulk writer's share), a fixed day, and --append on top."""
    database = Database(tmp_path / "big.sqlite3")
    try:
        day = dt.date(2025, 6, 30)
        generate(database, cases=1500, seed=5, today=day)
        generate(database, cases=60, seed=6, today=day, allow_existing=True)
        assert demo_contradictions(database.read_connection(), day) == []
    finally:
        database.close()


def test_demo_covers_every_state_a_case_can_be_in(demo_db, tmp_path):
    """Each state of the review's list occurs at least once in the default demo."""
    from xinye_desktop.domain.aftercare import WindowState
    from xinye_desktop.services.aftercare import AftercareService

    conn = demo_db.read_connection()
    today = dt.date.today()

    def count(sql: str, *params) -> int:
        return conn.execute(sql, params).fetchone()[0]

    for status in CaseStatus:
        assert count("SELECT COUNT(*) FROM cases WHERE status = ?", status.value), status
    for performance in PerformanceStatus:
        for status in ("agreement_written", "agreement_oral"):
            if (status, performance) == ("agreement_oral", PerformanceStatus.PARTIAL):
                continue  # an oral agreement's single term is seldom half done; the demo has none
            assert count("SELECT COUNT(*) FROM cases WHERE status = ? AND performance_status = ?",
                         status, performance.value), (status, performance)
    after = AftercareService(demo_db, today=lambda: today)
    windows = {after.overview(case_id).window.state for case_id, in conn.execute(
        "SELECT id FROM cases WHERE status = 'agreement_written' AND effective_on IS NOT NULL")}
    assert windows >= {WindowState.OPEN, WindowState.CLOSING, WindowState.EXPIRED, WindowState.APPLIED,
                       WindowState.CONFIRMED, WindowState.REFUSED, WindowState.NOT_ELIGIBLE}
    assert count("SELECT COUNT(*) FROM cases WHERE confirmation_status = 'applied' AND confirmation_court != '' "
                 "AND confirmation_applied_on IS NOT NULL")
    # Agreements in every state of their life, through the service (archived PDF) and in bulk.
    for state in ("draft", "printed", "signed", "superseded"):
        assert count("SELECT COUNT(*) FROM agreements WHERE state = ?", state), state
    assert count("SELECT COUNT(*) FROM agreements WHERE state = 'signed' AND scan_path IS NOT NULL")
    assert count("SELECT COUNT(*) FROM agreements WHERE state = 'signed' AND pdf_path IS NOT NULL")
    assert count("SELECT COUNT(*) FROM cases c WHERE status = 'agreement_written' AND NOT EXISTS "
                 "(SELECT 1 FROM agreements a WHERE a.case_id = c.id)")  # reached, 协议书 not yet drafted
    assert count("SELECT COUNT(*) FROM agreements a WHERE a.state = 'draft' AND EXISTS (SELECT 1 FROM agreements b "
                 "WHERE b.case_id = a.case_id AND b.state = 'signed')")  # a signed one being revised
    big = conn.execute("SELECT a.document, a.state FROM agreements a JOIN cases c ON c.id = a.case_id "
                       "WHERE c.party_names LIKE '%㛃%' AND c.party_names LIKE '%𠈌%'").fetchall()
    assert big and len(json.loads(big[0][0])["parties"]) == 12 and big[0][1] == "printed"
    for path, in conn.execute("SELECT pdf_path FROM agreements WHERE pdf_path IS NOT NULL UNION ALL "
                              "SELECT scan_path FROM agreements WHERE scan_path IS NOT NULL"):
        assert (demo_db.path.parent / path).is_file(), path
    # Return visits: made, overdue, coming up, called off by hand and when all was performed.
    assert count("SELECT COUNT(*) FROM return_visits WHERE visited_on IS NOT NULL")
    assert count("SELECT COUNT(*) FROM return_visits WHERE visited_on IS NULL AND NOT cancelled AND due_on < ?",
                 today.isoformat())
    assert count("SELECT COUNT(*) FROM return_visits WHERE visited_on IS NULL AND NOT cancelled AND due_on >= ?",
                 today.isoformat())
    assert count("SELECT COUNT(*) FROM return_visits WHERE cancelled AND cancelled_reason = '协议已全部履行'")
    assert count("SELECT COUNT(*) FROM return_visits WHERE cancelled AND cancelled_reason NOT IN "
                 "('协议已全部履行', '协议已变更，按新协议重新安排回访')")
    assert count("SELECT COUNT(*) FROM return_visits WHERE reason = 'extra'")
    # Terminated after one sitting and after two; a 司法确认申请书 printed.
    ended = [n for n, in conn.execute("SELECT COUNT(*) FROM sittings s JOIN cases c ON c.id = s.case_id "
                                      "WHERE c.status = 'terminated' GROUP BY c.id")]
    assert 1 in ended and max(ended) >= 2
    assert count("SELECT COUNT(*) FROM issued_documents WHERE title = '司法确认申请书'")
    # Today's work has something of every kind to show.
    work = LedgerService(demo_db).work()
    assert work.visits_overdue[0] and work.visits_upcoming[0] and work.term_deadlines[0] \
        and work.confirmations_closing[0]


def test_showcase_states_were_written_by_the_services(demo_db):
    """The history of a showcase case reads as the app writes it, on the days it happened."""
    conn = demo_db.read_connection()
    case_id = conn.execute("SELECT case_id FROM agreements WHERE scan_path IS NOT NULL").fetchone()[0]
    actions = [a for a, in conn.execute("SELECT action FROM case_history WHERE case_id = ? ORDER BY at, id",
                                        (case_id,))]
    assert actions.index("session_finish") < actions.index("agreement_print") < actions.index("agreement_sign") \
        < actions.index("effect") < actions.index("confirmation_apply")
    signed_on, effective = conn.execute("SELECT a.signed_on, c.effective_on FROM agreements a JOIN cases c "
                                        "ON c.id = a.case_id WHERE a.case_id = ? AND a.state = 'signed'",
                                        (case_id,)).fetchone()
    at = conn.execute("SELECT at FROM case_history WHERE case_id = ? AND action = 'agreement_sign'",
                      (case_id,)).fetchone()[0]
    assert signed_on == effective == at[:10]


def test_every_signed_agreement_of_an_ordinary_demo_has_its_archived_pdf_and_verifies(demo_db):
    """The bulk-signed agreements are archived as printing them would have: the PDF, its own hash, a
    code that verifies; and the history's print line names that code."""
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.services.agreements import AgreementService
    from xinye_desktop.services.selection import SelectionService

    conn = demo_db.read_connection()
    assert conn.execute("SELECT COUNT(*) FROM agreements WHERE state = 'signed' AND pdf_path IS NULL").fetchone() == (0,)
    service = AgreementService(demo_db, DataPaths(demo_db.path.parent), SelectionService(demo_db))
    rows = conn.execute("SELECT a.code, a.case_id FROM agreements a WHERE a.state = 'signed' ORDER BY a.id").fetchall()
    assert len(rows) > 100
    for code, case_id in rows[::10]:
        found = service.verify(code)
        assert found.found and found.intact and found.standing, code
        printed = [h for h in service._db.read_connection().execute(
            "SELECT changes FROM case_history WHERE case_id = ? AND action = 'agreement_print'", (case_id,))]
        assert any(code in changes for (changes,) in printed)


def test_a_bulk_signed_agreement_of_a_large_demo_verifies_without_a_file(tmp_path, monkeypatch):
    """Above the archiving limit (the benchmarks' 100,000 cases) a bulk-signed agreement keeps the
    content, digest and code of hash scheme 1, as AgreementService described agreements printed then:
    its code verifies and its Word copy can be exported."""
    from xinye_desktop.app import open_database
    from xinye_desktop.domain.agreement import content_hash
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.demo import agreements as demo_agreements
    from xinye_desktop.services.agreements import AgreementService
    from xinye_desktop.demo import generate
    from xinye_desktop.services.selection import SelectionService

    monkeypatch.setattr(demo_agreements, "ARCHIVE_LIMIT", 0)
    paths = DataPaths(tmp_path / "data")
    paths.create()
    db = open_database(paths)
    try:
        generate(db, cases=80, seed=5)
        conn = db.read_connection()
        ids = [r[0] for r in conn.execute("SELECT id FROM agreements WHERE state = 'signed' AND pdf_path IS NULL "
                                          "ORDER BY id LIMIT 25")]
        assert ids
        service = AgreementService(db, paths, SelectionService(db))
        for agreement_id in ids:
            case_id = conn.execute("SELECT case_id FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]
            version = next(v for v in service.versions(case_id) if v.id == agreement_id)
            state = service.case_state(case_id)
            content, errors, warnings = service.check(case_id, version.form)
            assert not errors
            assert content_hash(service._document(state, version, content, version.document["committee"],
                                                  tuple(warnings), scheme=1)) == version.digest
            found = service.verify(version.code)
            assert found.found and found.intact and found.number == 1
        assert service.export_docx(ids[0], tmp_path / "copy.docx").stat().st_size > 0
    finally:
        db.close()


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
    assert len({r[0] for r in rows}) == len(rows) == DEMO_CASES
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
    assert len(names) == DEMO_CASES
    for case_id, party_names in conn.execute("SELECT id, party_names FROM cases"):
        assert len(names[case_id]) >= 2
        assert party_names == " ".join(names[case_id])


def test_running_demo_again_is_refused_without_allow_existing(demo_db):
    with pytest.raises(DemoRefused):
        generate(demo_db, cases=10)
    assert LedgerService(demo_db).total() == DEMO_CASES


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
    assert ledger.count(LedgerFilter()) == ledger.total() == DEMO_CASES
    rows = all_rows(ledger)
    assert len(rows) == DEMO_CASES
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


@pytest.mark.parametrize("performance", list(PerformanceStatus))
def test_ledger_performance_filter(demo_db, performance):
    ledger = LedgerService(demo_db)
    flt = LedgerFilter(performance=performance.value)
    expected = {r.id for r in all_rows(ledger) if r.performance_status == performance.value}
    assert expected
    assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
    assert ledger.count(flt) == len(expected)


@pytest.mark.parametrize("state", CONFIRMATION_FILTERS, ids=lambda s: s.value)
def test_ledger_confirmation_filter_agrees_with_the_window_the_ledger_shows(demo_db, state):
    """Each 司法确认 choice finds exactly the rows whose 司法确认 column (window_of) is in that state."""
    today = dt.date.today()
    ledger = LedgerService(demo_db, today=lambda: today)
    flt = LedgerFilter(confirmation=state.value)
    expected = {r.id for r in all_rows(ledger) if window_of(r, today).state is state}
    assert expected
    assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
    assert ledger.count(flt) == len(expected)


def test_ledger_new_filters_combine_with_the_others(demo_db):
    ledger = LedgerService(demo_db)
    today = ledger.today()
    rows = all_rows(ledger)
    for status in (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL):
        for performance in PerformanceStatus:
            for state in (None, *CONFIRMATION_FILTERS):
                flt = LedgerFilter(status=status.value, performance=performance.value,
                                   confirmation=state.value if state else None)
                expected = {r.id for r in rows if r.status == status.value and r.performance_status == performance.value
                            and (state is None or window_of(r, today).state is state)}
                assert {r.id for r in ledger.page(flt, limit=ALL)} == expected
                assert ledger.count(flt) == len(expected)
    name = rows[0].party_names.split(" ")[0]
    flt = LedgerFilter(text=name, performance=rows[0].performance_status)
    assert {r.id for r in ledger.page(flt, limit=ALL)} == {
        r.id for r in rows if name in r.party_names and r.performance_status == rows[0].performance_status}


def test_confirmation_filter_counts_the_window_to_the_day(tmp_path):
    """Agreements in effect for 0..40 days, on a fixed day: each filter holds exactly the cases
    domain.aftercare.confirmation_window puts in its state (the 7-day and 30-day edges included)."""
    from xinye_desktop.domain.aftercare import WindowState, confirmation_window

    database = new_database(tmp_path / "window.sqlite3")
    try:
        intake = IntakeService(database)
        today = dt.date(2026, 3, 1)
        ids = [intake.register(valid_case_input(dt.date(2025, 12, 1), tag=i)).id for i in range(46)]
        conn = sqlite3.connect(database.path)
        with conn:
            for age, case_id in enumerate(ids[:41]):
                conn.execute("UPDATE cases SET status = 'agreement_written', performance_status = 'performing', "
                             "effective_on = ?, confirmable = ? WHERE id = ?",
                             ((today - dt.timedelta(days=age)).isoformat(), 0 if age % 10 == 5 else 1, case_id))
            for case_id, state in zip(ids[41:44], ("applied", "confirmed", "refused")):
                conn.execute("UPDATE cases SET status = 'agreement_written', effective_on = ?, confirmable = 1, "
                             "confirmation_status = ? WHERE id = ?", ("2026-02-10", state, case_id))
            conn.execute("UPDATE cases SET status = 'agreement_oral', effective_on = ? WHERE id = ?",
                         ("2026-02-25", ids[44]))
        conn.close()
        ledger = LedgerService(database, today=lambda: today)
        rows = ledger.page(LedgerFilter(), limit=ALL)
        states = {}
        for row in rows:
            states.setdefault(window_of(row, today).state, set()).add(row.id)
        assert set(states) == set(WindowState)  # every state occurs, not applicable included
        for state in CONFIRMATION_FILTERS:
            got = {r.id for r in ledger.page(LedgerFilter(confirmation=state.value), limit=ALL)}
            assert got == states[state], state
        # The edges, spelt out: 22 days in effect is still open, 23 about to close, 30 the last day, 31 too late.
        by_age = {age: case_id for age, case_id in enumerate(ids[:41])}
        closing = {r.id for r in ledger.page(LedgerFilter(confirmation="closing"), limit=ALL)}
        assert by_age[22] not in closing and {by_age[23], by_age[30]} <= closing and by_age[31] not in closing
        assert confirmation_window(CaseStatus.AGREEMENT_WRITTEN, True, today - dt.timedelta(days=30), None,
                                   today).days_left == 0
        with pytest.raises(KeyError):
            ledger.count(LedgerFilter(confirmation="not_applicable"))
    finally:
        database.close()


def test_export_follows_the_new_filters(demo_db, tmp_path):
    """The 矛盾化解台账 .xlsx holds exactly the rows of the 履行情况 and 司法确认 filters, with those columns."""
    from openpyxl import load_workbook

    from xinye_desktop.services.ledger import EXPORT_TITLE

    ledger = LedgerService(demo_db)
    today = ledger.today()
    for flt in (LedgerFilter(performance="partial"), LedgerFilter(confirmation="closing"),
                LedgerFilter(performance="performing", confirmation="open")):
        expected = ledger.page(flt, limit=ALL)
        target = tmp_path / f"{flt.performance}-{flt.confirmation}.xlsx"
        assert ledger.export_xlsx(flt, "received_date", True, target) == len(expected) > 0
        body = list(load_workbook(target, read_only=True)[EXPORT_TITLE].iter_rows(values_only=True))[2:]
        assert [r[1] for r in body] == [r.case_number for r in expected]
        if flt.performance:
            assert {r[11] for r in body} == {PerformanceStatus(flt.performance).label}
        if flt.confirmation:
            assert all(window_of(r, today).state.value == flt.confirmation for r in expected)
            assert all(r[12] for r in body)


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
    for offset in range(0, DEMO_CASES, 45):
        page = ledger.page(LedgerFilter(), sort=sort, descending=descending, offset=offset, limit=45)
        assert not set(paged) & {r.id for r in page}
        paged += [r.id for r in page]
    assert paged == whole
    assert len(set(paged)) == DEMO_CASES


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
