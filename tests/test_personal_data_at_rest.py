"""Issue 15 item 4: a copy of the database file, of a backup folder or of a backup .zip taken off the PC
shows no 身份证号 and no phone number. A small demo (xinye_desktop.demo) with an account logged in; the
raw bytes of each are searched for every ID number and phone the demo made. Also the upgrade of a folder
that was clear, the recovery key when every password is lost, a key that does not open the data, and a
backup of another committee."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from tests.helpers import make_id_number, valid_case_input
from xinye_desktop.domain.enums import Sex
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService, LoginRefused
from xinye_desktop.storage.sealing import KEY_CHECK_SETTING, KeyRequired, is_sealed

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
PASSWORD = "Xinye-调解-2026"
NEW_CASE_PHONE, NEW_CASE_ID = "19937712345", make_id_number(dt.date(1981, 6, 2), 517)


def personal_numbers(database: Path) -> set[str]:
    """Every ID number and phone on file, read while the data is clear."""
    conn = sqlite3.connect(database)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = [("parties", "id_number"), ("parties", "phone"), ("elders", "phone"), ("role_people", "phone")]
        return {value for table, column in columns if table in tables
                for (value,) in conn.execute(f"SELECT {column} FROM {table}") if value}
    finally:
        conn.close()


def found_in(data: bytes, secrets: set[str]) -> set[str]:
    return {s for s in secrets if s.encode() in data}


def new_case():
    from tests.helpers import individual

    parties = list(valid_case_input(tag=7).parties)
    parties[0] = replace(individual("周新案", Sex.MALE, NEW_CASE_ID, phone=NEW_CASE_PHONE))
    return replace(valid_case_input(tag=7), parties=parties)


@dataclass
class Sealed:
    paths: DataPaths
    db: object
    accounts: AccountService
    recovery_key: str
    secrets: set[str]
    case_id: int


@pytest.fixture
def sealed(fill_demo, data_paths):
    """The demo (clear, as `demo` writes it), its first administrator set up (the first data key: the
    folder is sealed), and one more case registered while logged in."""
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService

    fill_demo(40)
    secrets = personal_numbers(data_paths.database)
    assert len(secrets) > 100  # the demo made them
    db = open_database(data_paths)
    accounts = AccountService(db, cost=CHEAP)
    setup = accounts.create_first_admin("zhangzr", "张主任", PASSWORD)
    case = IntakeService(db).register(new_case())
    yield Sealed(data_paths, db, accounts, setup.recovery_key, secrets | {NEW_CASE_PHONE, NEW_CASE_ID}, case.id)
    db.close()


def test_the_database_file_and_its_wal_show_no_id_number_and_no_phone(sealed):
    database = sealed.paths.database
    wal = database.with_name(database.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the new case is still in the log
    for path in (database, wal):
        assert found_in(path.read_bytes(), sealed.secrets) == set(), path.name


def test_what_a_copied_database_still_shows_is_what_the_ledger_and_the_statistics_need(sealed):
    conn = sqlite3.connect(sealed.paths.database)
    try:
        name, = conn.execute("SELECT party_names FROM cases WHERE id = ?", (sealed.case_id,)).fetchone()
        phone, id_number, address = conn.execute(
            "SELECT phone, id_number, address FROM parties WHERE case_id = ? ORDER BY position",
            (sealed.case_id,)).fetchone()
        assert "周新案" in name  # names, facts, dates and figures stay plain SQL
        assert is_sealed(phone) and is_sealed(id_number) and is_sealed(address)
        assert conn.execute("SELECT COUNT(*) FROM parties WHERE phone_hash IS NULL").fetchone() == (0,)
    finally:
        conn.close()


def test_the_services_still_see_every_number_in_clear(sealed):
    from xinye_desktop.services.intake import IntakeService

    party = IntakeService(sealed.db).load(sealed.case_id).parties[0]
    assert (party.phone, party.id_number) == (NEW_CASE_PHONE, NEW_CASE_ID)


def test_after_logout_a_sealed_number_is_refused_not_shown_empty(sealed):
    from xinye_desktop.services.intake import IntakeService

    sealed.accounts.logout()
    with pytest.raises(KeyRequired):
        IntakeService(sealed.db).load(sealed.case_id)
    sealed.accounts.login("zhangzr", PASSWORD)
    assert IntakeService(sealed.db).load(sealed.case_id).parties[0].phone == NEW_CASE_PHONE


def test_the_recovery_key_opens_the_data_again_when_every_password_is_lost(sealed):
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService

    sealed.accounts.logout()
    sealed.db.close()
    db = open_database(sealed.paths)  # another day: nobody knows the password any more
    try:
        accounts = AccountService(db, cost=CHEAP)
        with pytest.raises(LoginRefused):
            accounts.login("zhangzr", "Forgotten-2025")
        accounts.recover_with_key(sealed.recovery_key, "zhangzr", "Recovered-2026-新")
        assert IntakeService(db).load(sealed.case_id).parties[0].id_number == NEW_CASE_ID
    finally:
        db.close()


def test_a_database_whose_wrapped_key_does_not_open_is_refused_and_left_as_it_was(sealed):
    from xinye_desktop.services.intake import IntakeService

    sealed.accounts.logout()
    conn = sqlite3.connect(sealed.paths.database)
    wrapped, = conn.execute("SELECT wrapped_key FROM accounts WHERE username = 'zhangzr'").fetchone()
    parts = wrapped.split("$")
    parts[-1] = ("A" if parts[-1][0] != "A" else "B") + parts[-1][1:]  # one byte of the wrapped key changed
    conn.execute("UPDATE accounts SET wrapped_key = ? WHERE username = 'zhangzr'", ("$".join(parts),))
    conn.commit()
    before = conn.execute("SELECT phone, address, id_number FROM parties ORDER BY id").fetchall()
    conn.close()
    with pytest.raises(LoginRefused) as refused:
        sealed.accounts.login("zhangzr", PASSWORD)
    assert refused.value.reason == "damaged" and "数据密钥打不开" in refused.value.text()
    assert sealed.db.sealer is None
    with pytest.raises(KeyRequired):
        IntakeService(sealed.db).load(sealed.case_id)
    conn = sqlite3.connect(sealed.paths.database)
    assert conn.execute("SELECT phone, address, id_number FROM parties ORDER BY id").fetchall() == before
    conn.close()


def test_another_committees_accounts_over_this_data_are_refused_before_anything_is_written(sealed, tmp_path):
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.storage.database import Database

    other = Database(tmp_path / "other.sqlite3")  # another committee: its own first administrator and key
    other.ensure_schema()
    AccountService(other, cost=CHEAP).create_first_admin("zhangzr", "张主任", PASSWORD)
    conn = sqlite3.connect(other.path)
    wrapped, = conn.execute("SELECT wrapped_key FROM accounts").fetchone()
    conn.close()
    other.close()
    sealed.accounts.logout()
    conn = sqlite3.connect(sealed.paths.database)
    conn.execute("UPDATE accounts SET wrapped_key = ?", (wrapped,))  # its accounts copied over this data
    conn.commit()
    before = conn.execute("SELECT phone, address, id_number FROM parties ORDER BY id").fetchall()
    audit_rows = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()
    conn.close()
    with pytest.raises(LoginRefused) as refused:
        sealed.accounts.login("zhangzr", PASSWORD)
    assert refused.value.reason == "other_key" and "另一个调委会" in refused.value.text()
    assert sealed.db.sealer is None
    with pytest.raises(KeyRequired):
        IntakeService(sealed.db).load(sealed.case_id)
    conn = sqlite3.connect(sealed.paths.database)
    assert conn.execute("SELECT phone, address, id_number FROM parties ORDER BY id").fetchall() == before
    assert conn.execute("SELECT COUNT(*) FROM audit_log").fetchone() == audit_rows
    conn.close()


# -- backups -----------------------------------------------------------------------------------------------

def test_a_backup_folder_and_its_zip_show_no_id_number_and_no_phone(sealed, tmp_path):
    from xinye_desktop.services.backup import BackupService

    documents = [p for p in sealed.paths.documents.rglob("*.pdf")]
    assert documents and any(found_in(p.read_bytes(), sealed.secrets) for p in documents)  # the PDFs do
    backups = BackupService(sealed.paths, sealed.db)
    folder = backups.create().backup.path
    for path in folder.rglob("*"):
        if path.is_file():
            assert found_in(path.read_bytes(), sealed.secrets) == set(), path
    archive = backups.export(tmp_path / "调解台备份.zip").path
    assert found_in(archive.read_bytes(), sealed.secrets) == set()
    with zipfile.ZipFile(archive) as packed:
        for member in packed.namelist():
            assert found_in(packed.read(member), sealed.secrets) == set(), member


def test_a_sealed_backup_restores_the_documents_and_the_numbers(sealed, tmp_path):
    from xinye_desktop.services.backup import BackupService
    from xinye_desktop.services.intake import IntakeService

    documents = {p.relative_to(sealed.paths.root): p.read_bytes() for p in sealed.paths.documents.rglob("*")
                 if p.is_file()}
    backups = BackupService(sealed.paths, sealed.db)
    archive = backups.export(tmp_path / "备份.zip").path
    for relative in documents:
        (sealed.paths.root / relative).write_bytes(b"damaged")
    backups.restore(archive)
    for relative, content in documents.items():
        assert (sealed.paths.root / relative).read_bytes() == content, relative
    assert IntakeService(sealed.db).load(sealed.case_id).parties[0].phone == NEW_CASE_PHONE


def test_a_backup_of_another_committee_is_refused_and_changes_nothing(sealed, tmp_path):
    from xinye_desktop.app import open_database
    from xinye_desktop.services.backup import BackupFailed, BackupService
    from xinye_desktop.services.intake import IntakeService

    other_paths = DataPaths(tmp_path / "other")
    other_paths.create()
    other = open_database(other_paths)
    AccountService(other, cost=CHEAP).create_first_admin("lisz", "李所长", PASSWORD)
    IntakeService(other).register(valid_case_input())
    archive = BackupService(other_paths, other).export(tmp_path / "别村的备份.zip").path
    other.close()

    before = sealed.paths.database.read_bytes()
    listed = sorted(p.name for p in sealed.paths.backups.iterdir()) if sealed.paths.backups.exists() else []
    with pytest.raises(BackupFailed) as failed:
        BackupService(sealed.paths, sealed.db).restore(archive)
    assert "另一个调委会" in failed.value.failure.text()
    assert sealed.paths.database.read_bytes() == before
    assert (sorted(p.name for p in sealed.paths.backups.iterdir()) if sealed.paths.backups.exists() else []) == listed
    assert IntakeService(sealed.db).load(sealed.case_id).parties[0].phone == NEW_CASE_PHONE


# -- a folder that was clear ------------------------------------------------------------------------------

def test_an_upgraded_folder_stays_clear_until_the_first_password_then_is_sealed_whole(tmp_path):
    from tests.old_database import make_old_data_folder
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService

    old = make_old_data_folder(tmp_path / "old", cases=20)
    paths = DataPaths(old.folder)
    secrets = personal_numbers(paths.database)
    db = open_database(paths)  # upgraded to head, a backup of it made first
    try:
        accounts = AccountService(db, cost=CHEAP)
        assert found_in(paths.database.read_bytes(), secrets)  # no key yet: nothing could seal it
        pending = accounts.first_password_pending()
        assert pending is not None  # the operator setting became the first administrator
        made_before = {p: _tree_bytes(p) for p in paths.backups.iterdir()}
        accounts.set_first_password(pending.username, PASSWORD)

        database = paths.database
        wal = database.with_name(database.name + "-wal")
        assert found_in(database.read_bytes(), secrets) == set()
        assert not wal.exists() or found_in(wal.read_bytes(), secrets) == set()
        conn = sqlite3.connect(database)
        try:
            assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)  # vacuumed: no free page left
            assert conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_CHECK_SETTING,)).fetchone()
            assert conn.execute("SELECT COUNT(*) FROM elders WHERE phone_hash IS NULL").fetchone() == (0,)
            case_id, = conn.execute("SELECT case_id FROM parties WHERE id_number != '' LIMIT 1").fetchone()
        finally:
            conn.close()
        assert any(p.id_number in secrets for p in IntakeService(db).load(case_id).parties)
        # The backups made before stay as they were (never deleted without a confirmed action).
        assert {p: _tree_bytes(p) for p in made_before} == made_before
    finally:
        db.close()


def _tree_bytes(path: Path) -> dict[str, bytes] | bytes:
    if path.is_file():
        return path.read_bytes()
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_a_sealed_backup_restored_with_no_one_logged_in_opens_its_documents_at_the_next_login(sealed, tmp_path):
    from xinye_desktop.services.backup import BackupService
    from xinye_desktop.services.backup.sealed_documents import PENDING
    from xinye_desktop.storage.sealing import is_sealed_file

    documents = {p: p.read_bytes() for p in sealed.paths.documents.rglob("*") if p.is_file()}
    archive = BackupService(sealed.paths, sealed.db).export(tmp_path / "备份.zip").path
    sealed.accounts.logout()
    for path in documents:
        path.write_bytes(b"damaged")
    BackupService(sealed.paths).restore(archive)  # as the start offers it (app.offer_good_backup): no one logged in
    assert all(is_sealed_file(path) for path in documents)  # put back, still sealed: nothing shows
    assert (sealed.paths.root / PENDING).is_file()
    report = BackupService(sealed.paths).check()  # waiting to be opened, not "altered"
    assert report.ok and any("还没有解密" in line for line in report.reminders)
    sealed.accounts.login("zhangzr", PASSWORD)
    assert {p: p.read_bytes() for p in documents} == documents
    assert not (sealed.paths.root / PENDING).exists()


def test_every_printed_document_still_verifies_against_its_code_once_sealed(sealed):
    from xinye_desktop.app import build_services

    conn = sqlite3.connect(sealed.paths.database)
    codes = [code for (code,) in conn.execute(
        "SELECT code FROM agreements WHERE code IS NOT NULL UNION SELECT code FROM issued_documents")]
    stored = "".join(doc for (doc,) in conn.execute("SELECT document FROM issued_documents"))
    conn.close()
    assert "xj1:" in stored and found_in(stored.encode(), sealed.secrets) == set()
    agreements = build_services(sealed.paths, sealed.db).agreements
    results = [agreements.verify(code) for code in codes]
    assert len(codes) > 20 and all(r.found and r.intact for r in results)  # the digest is of the clear content


def test_an_address_changed_is_sealed_in_the_case_history_too(sealed):
    from xinye_desktop.domain.cases import CaseInput
    from xinye_desktop.services.intake import IntakeService

    intake = IntakeService(sealed.db)
    case = intake.load(sealed.case_id)
    data = CaseInput.from_case(case)
    moved = replace(data.parties[0], address="新野县歪子镇新址村9组99号")
    intake.update(case.id, replace(data, parties=(moved, *data.parties[1:])), expected_version=case.version)
    conn = sqlite3.connect(sealed.paths.database)
    stored, = conn.execute("SELECT changes FROM case_history WHERE case_id = ? ORDER BY id DESC LIMIT 1",
                           (case.id,)).fetchone()
    conn.close()
    assert "新址村" not in stored and "住址" in stored
    last = intake.history(case.id)[-1]
    assert any("新址村9组99号" in str(change) for change in last.changes)
