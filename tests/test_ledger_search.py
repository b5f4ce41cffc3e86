"""台账 search by a party's whole phone number or 身份证号 (issue 15): those are sealed at rest, so the text
search cannot see them; a whole number typed in the search box is looked up by its keyed hash (the
sealer's blind(), only while someone is logged in), besides the text search. A part of a number finds
nothing by design, and with no one logged in the search runs as before, without a hash."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

import pytest

from tests.helpers import cheap_kdf, demo_folder_with_accounts
from xinye_desktop.domain.accounts import AccountRole
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.ledger import LedgerFilter, LedgerService
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.ledger_queries import LedgerQueries

CHEAP = cheap_kdf()
TODAY = dt.date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    return demo_folder_with_accounts(tmp_path_factory.mktemp("ledger-search"), cases=30, seed=11, today=TODAY)


@pytest.fixture
def demo(demo_folder, tmp_path):
    """A copy of the demo's folder (a login writes its audit row), its Database and accounts."""
    paths, summary = demo_folder
    copy = DataPaths(tmp_path / "data")
    shutil.copytree(paths.root, copy.root)
    db = Database(copy.database)
    yield db, summary, AccountService(db, cost=CHEAP)
    db.close()


def _login_as_mediator(summary, accounts):
    mediator = next(a for a in summary.accounts if a.role is AccountRole.MEDIATOR)
    return accounts.login(mediator.username, mediator.password)


def _party_with_mobile_and_id(db):
    """A demo case and a party of it with a mobile number and an ID number, read as the logged-in user."""
    intake = IntakeService(db)
    conn = sqlite3.connect(db.path)
    try:
        ids = [case_id for (case_id,) in conn.execute("SELECT id FROM cases ORDER BY id")]
    finally:
        conn.close()
    for case_id in ids:
        for party in intake.load(case_id).parties:
            if party.phone and len(party.phone) == 11 and party.id_number:
                return case_id, party
    raise AssertionError("the demo has no party with a mobile and an ID number")


def _found(ledger, text: str) -> list[int]:
    rows = ledger.page(LedgerFilter(text=text), limit=500)
    assert ledger.count(LedgerFilter(text=text)) == len(rows)
    return [row.id for row in rows]


def test_a_demo_party_is_found_by_the_whole_phone_number_and_by_the_id_number(demo):
    db, summary, accounts = demo
    _login_as_mediator(summary, accounts)
    case_id, party = _party_with_mobile_and_id(db)
    ledger = LedgerService(db, today=lambda: TODAY)
    phone = party.phone
    # The text search alone cannot see the sealed numbers: that is what the hash lookup adds.
    text_only = LedgerQueries(db.read_connection(), TODAY)
    assert case_id not in [r.id for r in text_only.page(LedgerFilter(text=phone), limit=500)]
    assert case_id not in [r.id for r in text_only.page(LedgerFilter(text=party.id_number), limit=500)]
    assert case_id in _found(ledger, phone)
    assert case_id in _found(ledger, f"{phone[:3]} {phone[3:7]} {phone[7:]}")  # typed with spaces
    assert case_id in _found(ledger, "+86 " + phone)
    assert case_id in _found(ledger, party.id_number)
    assert case_id in _found(ledger, party.id_number.lower())
    # Only cases with a party of that number (a phone may be shared by a household, not by strangers).
    with db.transaction() as uow:
        holders = {c for c in _found(ledger, party.id_number)
                   if any(p.id_number == party.id_number for p in uow.cases.get(c).parties)}
    assert holders == set(_found(ledger, party.id_number))


def test_a_part_of_a_number_finds_nothing(demo):
    db, summary, accounts = demo
    _login_as_mediator(summary, accounts)
    case_id, party = _party_with_mobile_and_id(db)
    ledger = LedgerService(db, today=lambda: TODAY)
    for fragment in (party.phone[3:9], party.phone[-6:], party.id_number[6:12], party.phone[:10],
                     party.id_number[:17]):
        assert case_id not in _found(ledger, fragment), fragment
    assert _found(ledger, party.phone[3:9]) == []


def test_with_no_one_logged_in_a_whole_number_is_searched_as_text_without_a_hash(demo):
    db, summary, accounts = demo
    session = _login_as_mediator(summary, accounts)
    case_id, party = _party_with_mobile_and_id(db)
    accounts.logout(session)
    assert db.sealer is None
    ledger = LedgerService(db, today=lambda: TODAY)
    assert ledger.searched(LedgerFilter(text=party.phone)).party_hashes == ()
    assert case_id not in _found(ledger, party.phone)
    assert case_id not in _found(ledger, party.id_number)
    assert ledger.count(LedgerFilter()) == 30  # the ledger itself reads as before


def test_the_number_and_the_other_filters_narrow_together(demo):
    db, summary, accounts = demo
    _login_as_mediator(summary, accounts)
    case_id, party = _party_with_mobile_and_id(db)
    ledger = LedgerService(db, today=lambda: TODAY)
    status = IntakeService(db).load(case_id).status
    assert case_id in [r.id for r in ledger.page(LedgerFilter(text=party.phone, status=status.value))]
    other = next(s for s in ("accepted", "terminated", "rejected") if s != status.value)
    assert case_id not in [r.id for r in ledger.page(LedgerFilter(text=party.phone, status=other))]


def test_the_exported_ledger_holds_the_case_found_by_its_number(demo, tmp_path):
    from openpyxl import load_workbook

    db, summary, accounts = demo
    _login_as_mediator(summary, accounts)
    case_id, party = _party_with_mobile_and_id(db)
    ledger = LedgerService(db, today=lambda: TODAY)
    number = IntakeService(db).load(case_id).case_number
    target = tmp_path / "台账.xlsx"
    written = ledger.export_xlsx(LedgerFilter(text=party.id_number), "received_date", True, target)
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row]
    assert written >= 1 and number in cells
