"""Backups, restore and the check at start (services/backup/), without a window."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import valid_case_input
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import backup as backup_module
from xinye_desktop.services.backup import snapshot as snapshot_module
from xinye_desktop.services.backup import (
    BEFORE_RESTORE, DAILY, MANUAL, MIGRATION, START, BackupFailed, BackupService, rotation_keeps,
)
from xinye_desktop.services.failures import DAMAGED, DISK_FULL, LOCKED, MISSING
from xinye_desktop.services.intake import IntakeService


# ---------------------------------------------------------------- what a data folder holds

def dump_tables(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (the FTS index's own tables included), in a stable order, read with a
    connection of its own. Some FTS5 shadow tables have no rowid, so the rows are sorted here."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def document_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    """A data folder with demo cases, printed and signed agreements (real PDFs) and a signed scan."""
    from xinye_desktop.app import open_database
    from xinye_desktop.domain.agreement import AgreementState
    from xinye_desktop.services.agreements import AgreementService
    from xinye_desktop.demo import generate
    from xinye_desktop.services.selection import SelectionService

    paths = DataPaths(tmp_path_factory.mktemp("demo") / "data")
    paths.create()
    db = open_database(paths)
    try:
        generate(db, cases=40, seed=11)
        agreements = AgreementService(db, paths, SelectionService(db))
        conn = sqlite3.connect(paths.database)
        signed = conn.execute("SELECT id FROM agreements WHERE state = ? ORDER BY id",
                              (AgreementState.SIGNED.value,)).fetchone()[0]
        conn.close()
        scan = paths.root / "签署件.jpg"
        scan.write_bytes(os.urandom(200_000))  # a photo does not compress
        agreements.attach_scan(signed, scan)
        scan.unlink()
    finally:
        db.close()
    return paths.root


@pytest.fixture
def demo(demo_folder, tmp_path):
    """A private copy of the demo data folder, its open Database and a BackupService."""
    from xinye_desktop.app import open_database

    root = tmp_path / "data"
    shutil.copytree(demo_folder, root)
    paths = DataPaths(root)
    db = open_database(paths)
    yield paths, db, BackupService(paths, db)
    db.close()


class Clock:
    """A settable now() for rotation and "due" tests."""

    def __init__(self, start: dt.datetime):
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


# ---------------------------------------------------------------- making backups

def test_a_backup_holds_every_record_and_document_and_is_verified(demo):
    paths, db, service = demo
    result = service.create(START)
    snapshot = result.backup.path
    assert snapshot.parent == paths.backups and snapshot.name.endswith("-start")
    assert dump_tables(snapshot / "xinye.sqlite3") == dump_tables(paths.database)
    assert document_hashes(snapshot / "documents") == document_hashes(paths.documents)
    assert len(document_hashes(paths.documents)) >= 5, "the demo has printed agreements and a scan"
    manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["cases"] == 40 and manifest["schema"] == db.current_revision()
    assert result.backup.counts["agreements"] > 0 and result.backup.documents == len(manifest["documents"])
    assert service.verify(result.backup) == []
    # The copy is one self-contained file (no -wal needed to read it), and integrity_check says ok.
    assert not (snapshot / "xinye.sqlite3-wal").exists()
    conn = sqlite3.connect(snapshot / "xinye.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_backup_includes_commits_still_in_the_wal_file(demo):
    paths, db, service = demo
    case = IntakeService(db).register(valid_case_input())  # the pooled connection stays open: WAL not merged
    assert Path(str(paths.database) + "-wal").stat().st_size > 0
    snapshot = service.create(START).backup.path
    conn = sqlite3.connect(snapshot / "xinye.sqlite3")
    assert conn.execute("SELECT 1 FROM cases WHERE case_number = ?", (case.case_number,)).fetchone() == (1,)
    conn.close()


def test_unchanged_documents_are_hard_links_and_a_changed_one_is_a_new_copy(demo):
    paths, _db, service = demo
    first = service.create(START).backup.path
    changed = sorted(paths.documents.rglob("*.pdf"))[0]
    changed.write_bytes(changed.read_bytes() + b"%changed")
    second = service.create(DAILY).backup.path
    same = sorted(paths.documents.rglob("*.pdf"))[1]
    ino = lambda folder, f: (folder / "documents" / f.relative_to(paths.documents)).stat().st_ino  # noqa: E731
    assert ino(first, same) == ino(second, same), "an unchanged file takes its space once"
    assert ino(first, changed) != ino(second, changed)
    assert document_hashes(second / "documents") == document_hashes(paths.documents)
    assert service.verify(service.read_file(first)) == [] and service.verify(service.read_file(second)) == []


def test_daily_backup_is_due_once_a_day(demo):
    paths, db, _service = demo
    clock = Clock(dt.datetime(2026, 11, 20, 9, 0))
    service = BackupService(paths, db, now=clock)
    assert service.is_due()
    service.create(START)
    clock.now = dt.datetime(2026, 11, 20, 23, 59)
    assert not service.is_due()
    clock.now = dt.datetime(2026, 11, 21, 0, 1)
    assert service.is_due()


def test_half_written_backup_after_a_power_cut_is_never_listed_and_is_cleared(demo):
    paths, _db, service = demo
    good = service.create(START).backup
    leftover = paths.backups / ".incomplete-20261120-090000-daily"
    (leftover / "documents").mkdir(parents=True)
    (leftover / "xinye.sqlite3").write_bytes(b"half")
    assert [b.path for b in service.list_backups()] == [good.path]
    service.create(DAILY)
    assert not leftover.exists()


# ---------------------------------------------------------------- rotation

def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_never_upgrade_or_restore_copies():
    start = dt.datetime(2025, 1, 1, 9, 0)
    backups = [(f"d{i:03d}", start + dt.timedelta(days=i), DAILY) for i in range(500)]
    backups += [(f"s{i:03d}", start + dt.timedelta(days=i, hours=1), START) for i in range(495, 500)]
    backups += [("m", start + dt.timedelta(days=3), MIGRATION), ("r", start + dt.timedelta(days=4), BEFORE_RESTORE)]
    keep = rotation_keeps(backups)
    assert {"m", "r"} <= keep
    kept = sorted((created, name) for name, created, kind in backups if name in keep and kind in (DAILY, START))
    newest = max(created for _n, created, _k in backups)
    days = {c.date() for c, _n in kept if (newest - c).days < 7}
    assert len(days) == 7, "one a day for the last 7 days"
    assert {"s499", "s498", "s497"} <= keep, "the 3 newest whatever their day"
    assert len({c.isocalendar()[:2] for c, _n in kept}) >= 4
    months = {(c.year, c.month) for c, _n in kept}
    assert newest.date() == dt.date(2026, 5, 15)
    assert len(months) == 12 and min(months) == (2025, 6), "the 12 latest months, nothing older"
    assert len(keep) <= 3 + 7 + 4 + 12 + 2


def test_old_backups_are_removed_as_days_pass_and_a_month_off_loses_nothing(demo):
    paths, db, _service = demo
    clock = Clock(dt.datetime(2026, 1, 1, 9, 0))
    service = BackupService(paths, db, now=clock)
    for day in range(40):
        clock.now = dt.datetime(2026, 1, 1, 9, 0) + dt.timedelta(days=day)
        service.create(DAILY)
    days = sorted(b.created.date() for b in service.list_backups())
    # Feb 3-9: the last 7 days; Feb 1, Jan 25: the newest of their weeks; Jan 31: of its month.
    assert days == [dt.date(2026, 1, 25), dt.date(2026, 1, 31), dt.date(2026, 2, 1)] + [
        dt.date(2026, 2, d) for d in range(3, 10)]
    # Switched off for three months: the next backup does not throw away the older months.
    clock.now = dt.datetime(2026, 5, 20, 9, 0)
    service.create(START)
    after = sorted(b.path.name for b in service.list_backups())
    assert any(n.startswith("202601") for n in after) and any(n.startswith("202602") for n in after)


# ---------------------------------------------------------------- the round trip

def test_backup_then_restore_brings_back_every_record_and_every_archived_document(demo):
    paths, db, service = demo
    rows_before, docs_before = dump_tables(paths.database), document_hashes(paths.documents)
    backup = service.create(START).backup

    # Afterwards: a new case, a document lost, one overwritten, one new file.
    new_case = IntakeService(db).register(valid_case_input())
    docs = sorted(paths.documents.rglob("*.pdf"))
    docs[0].unlink()
    docs[1].write_bytes(b"overwritten")
    extra = paths.documents / "rosters" / "名单.pdf"
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_bytes(b"%PDF made after the backup")

    result = service.restore(backup)
    assert dump_tables(paths.database) == rows_before, "every record as it was in the backup"
    restored_docs = document_hashes(paths.documents)
    assert {k: v for k, v in restored_docs.items() if k in docs_before} == docs_before
    assert restored_docs["rosters/名单.pdf"] == hashlib.sha256(extra.read_bytes()).hexdigest(), "never deleted"
    assert result.documents_copied == 2
    # What was there before the restore is itself a verified backup, kept out of rotation.
    before = result.before
    assert before.kind == BEFORE_RESTORE and service.verify(before) == []
    conn = sqlite3.connect(before.path / "xinye.sqlite3")
    assert conn.execute("SELECT 1 FROM cases WHERE case_number = ?", (new_case.case_number,)).fetchone() == (1,)
    conn.close()
    assert (before.path / "documents" / docs[1].relative_to(paths.documents)).read_bytes() == b"overwritten"
    # The app's Database carries on with the restored file.
    assert IntakeService(db).load(new_case.id - 1).case_number
    assert db.read_connection().execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 40


@pytest.mark.parametrize("picked", ["manifest.json", "xinye.sqlite3"])
def test_a_backup_folder_picked_by_one_of_its_files_restores_the_documents_too(demo, tmp_path, picked):
    """On a USB drive a backup is a folder; whoever picks its database or manifest in the file dialog
    gets the whole backup back, not the database alone."""
    paths, _db, service = demo
    docs_before = document_hashes(paths.documents)
    usb = tmp_path / "U盘"
    shutil.copytree(service.create(START).backup.path, usb / "20261201-080000-start")
    sorted(paths.documents.rglob("*.pdf"))[0].unlink()

    info = service.read_file(usb / "20261201-080000-start" / picked)
    assert info.path == usb / "20261201-080000-start" and not info.database_only
    result = service.restore(usb / "20261201-080000-start" / picked)
    assert result.documents_copied == 1
    assert document_hashes(paths.documents) == docs_before


def test_export_to_one_file_and_restore_it_on_another_pc(demo, tmp_path):
    paths, _db, service = demo
    rows, docs = dump_tables(paths.database), document_hashes(paths.documents)
    exported = service.export(tmp_path / "U盘" / "调解台备份.zip")
    assert exported.path.is_file() and exported.counts["cases"] == 40 and exported.documents == len(docs)
    assert not list(exported.path.parent.glob(".xinye-export-*")) and not list(exported.path.parent.glob("*.part"))
    assert service.verify(exported.path) == []

    other = DataPaths(tmp_path / "new-pc")
    other.create()
    result = BackupService(other).restore(exported.path)
    assert dump_tables(other.database) == rows
    assert document_hashes(other.documents) == docs
    assert result.documents_copied == len(docs)
    assert not list(other.root.glob(".restore-*")), "the unpacked copy is cleaned up"


def test_restore_refuses_what_is_not_a_good_backup_and_changes_nothing(demo, tmp_path):
    paths, _db, service = demo
    rows = dump_tables(paths.database)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    foreign = tmp_path / "other.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    snapshot = service.create(START).backup.path
    newer = tmp_path / "newer"
    shutil.copytree(snapshot, newer)
    manifest = json.loads((newer / "manifest.json").read_text(encoding="utf-8"))
    manifest["schema"] = "0099_from_the_future"
    (newer / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    damaged = tmp_path / "damaged"
    shutil.copytree(snapshot, damaged)
    pdf = sorted((damaged / "documents").rglob("*.pdf"))[0]
    pdf.write_bytes(b"x" * pdf.stat().st_size)  # same size, other content: only the hash tells

    for bad, words in ((not_a_backup, "不是三理室调解台的备份"), (foreign, "没有三理室调解台的数据库"),
                       (newer, "较新版本"), (damaged, "已损坏")):
        with pytest.raises(BackupFailed) as refused:
            service.restore(bad)
        assert words in refused.value.failure.text(), bad
    assert dump_tables(paths.database) == rows
    assert [b.kind for b in service.list_backups()] == [START], "no before-restore copy for a refused restore"


# ---------------------------------------------------------------- the check at start

def test_check_at_start_tells_missing_ok_locked_and_damaged_apart(tmp_path):
    paths = DataPaths(tmp_path / "data")
    paths.create()
    service = BackupService(paths)
    assert service.check_database().state == "missing"
    from xinye_desktop.app import open_database

    open_database(paths).close()
    assert service.check_database().state == "ok"

    other = sqlite3.connect(paths.database, isolation_level=None)  # another program holding the file
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    health = service.check_database(timeout=0.2)
    assert health.state == LOCKED and "其他程序占用" in health.failure.text()
    other.execute("ROLLBACK")
    other.close()

    size = paths.database.stat().st_size
    with open(paths.database, "r+b") as handle:  # scribble over the schema page
        handle.seek(100)
        handle.write(os.urandom(3000))
    assert paths.database.stat().st_size == size
    assert service.check_database().state == DAMAGED
    paths.database.write_bytes(b"not a database at all" * 200)
    assert service.check_database().state == DAMAGED


def test_a_damaged_database_is_moved_aside_with_its_wal_never_deleted(demo, tmp_path):
    paths, db, _service = demo
    case = IntakeService(db).register(valid_case_input())
    # What a crash leaves: the file and a -wal holding the last commit (copied while still open).
    crashed = DataPaths(tmp_path / "crashed")
    crashed.create()
    for p in paths.root.glob("xinye.sqlite3*"):
        shutil.copyfile(p, crashed.root / p.name)
    originals = {p.name: p.read_bytes() for p in crashed.root.glob("xinye.sqlite3*")}
    assert "xinye.sqlite3-wal" in originals
    folder = BackupService(crashed).set_aside_damaged()
    assert folder.parent == crashed.damaged
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == originals
    assert not crashed.database.exists()
    conn = sqlite3.connect(folder / "xinye.sqlite3")  # the commit in the -wal is still there
    assert conn.execute("SELECT 1 FROM cases WHERE case_number = ?", (case.case_number,)).fetchone() == (1,)
    conn.close()


def test_the_newest_good_backup_skips_a_damaged_one(demo):
    paths, db, _service = demo
    clock = Clock(dt.datetime(2026, 11, 20, 9, 0))
    service = BackupService(paths, db, now=clock)
    older = service.create(START).backup
    clock.now += dt.timedelta(hours=1)
    newer = service.create(DAILY).backup
    with open(newer.path / "xinye.sqlite3", "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(os.urandom(4096))
    assert service.verify(newer)
    assert service.newest_good().path == older.path


def _empty_the_database_and_start_the_old_way(paths: DataPaths) -> None:
    """What issue 13 found: the database truncated to 0 bytes, and a start that did not notice:
    the migrations built an empty schema in the file."""
    from xinye_desktop.app import open_database

    paths.database.write_bytes(b"")
    for leftover in paths.root.glob("xinye.sqlite3-*"):
        leftover.unlink()
    open_database(paths).close()


def test_a_database_file_with_no_schema_is_damaged_in_a_folder_used_before_and_built_on_in_a_new_one(
        demo, tmp_path):
    paths, db, service = demo
    db.close()
    paths.database.write_bytes(b"")
    for leftover in paths.root.glob("xinye.sqlite3-*"):
        leftover.unlink()
    health = service.check_database()
    assert health.state == DAMAGED, "0 bytes, but documents/ holds the archived agreements"
    assert "0 bytes" in health.problems[0] and "documents/ holds" in health.problems[0]
    assert paths.database.read_bytes() == b"", "the check writes nothing into the file"
    conn = sqlite3.connect(paths.database)  # a valid SQLite file, but none of the app's tables
    conn.execute("PRAGMA user_version=1")
    conn.close()
    assert paths.database.stat().st_size > 0
    assert service.check_database().state == DAMAGED

    # Each sign of earlier use on its own is enough: backups, a draft, the window's settings file.
    for sign in ("backups/20261120-093000-start/manifest.json", "drafts/intake.json", "ui-settings.ini"):
        other = DataPaths(tmp_path / sign.split("/")[0])
        other.create()
        (other.root / sign).parent.mkdir(parents=True, exist_ok=True)
        (other.root / sign).write_text("{}", encoding="utf-8")
        other.database.write_bytes(b"")
        assert BackupService(other).check_database().state == DAMAGED, sign
    # A file shorter than SQLite's header is damaged anywhere (SQLite cannot read it).
    fresh = DataPaths(tmp_path / "fresh")
    fresh.create()
    fresh.database.write_bytes(b"\0" * 50)
    assert BackupService(fresh).check_database().state == DAMAGED
    # An empty file in a folder never used: what an interrupted first start leaves; built on.
    fresh.database.write_bytes(b"")
    (fresh.logs / "xinye-desktop.log").write_text("every start writes a log first", encoding="utf-8")
    assert BackupService(fresh).check_database().state == "ok"


def test_the_newest_good_backup_never_has_fewer_cases_than_an_older_one(demo):
    """The rule (BackupService.newest_good): cases are never deleted, so a backup holding fewer
    cases than an older one (since the last restore) is passed over and only named, never chosen;
    and thinning out old backups never removes the one it would choose."""
    from xinye_desktop.app import open_database

    paths, db, _service = demo
    clock = Clock(dt.datetime(2026, 11, 20, 9, 0))
    service = BackupService(paths, db, now=clock)
    full = service.create(START).backup
    db.close()
    _empty_the_database_and_start_the_old_way(paths)
    emptied = []
    for _ in range(4):  # the old starts' backups of the emptied database, more than the 3 kept newest
        clock.now += dt.timedelta(hours=1)
        emptied.append(service.create(START).backup)
    assert full.counts["cases"] == 40 and {b.counts["cases"] for b in emptied} == {0}
    assert service.verify(emptied[-1]) == [], "whole, but not good"
    assert full.path.is_dir(), "not thinned out: it is the backup to offer"
    assert service.newest_good().path == full.path
    kept = [b.path for b in reversed(emptied) if b.path.is_dir()]
    assert len(kept) == 3 and [b.path for b in service.fewer_cases(than=full)] == kept

    # Restoring is a deliberate step back: from then on the counting starts again.
    clock.now += dt.timedelta(hours=1)
    service.restore(full)
    db = open_database(paths)
    service = BackupService(paths, db, now=clock)
    IntakeService(db).register(valid_case_input(tag=1))
    clock.now += dt.timedelta(hours=1)
    more = service.create(DAILY).backup
    IntakeService(db).register(valid_case_input(tag=2))
    clock.now += dt.timedelta(hours=1)
    most = service.create(MANUAL).backup
    clock.now += dt.timedelta(hours=1)
    service.restore(more)  # the user goes back to 41 cases on purpose
    clock.now += dt.timedelta(hours=1)
    after = service.create(START).backup
    db.close()
    assert (more.counts["cases"], most.counts["cases"], after.counts["cases"]) == (41, 42, 41)
    assert service.newest_good().path == after.path
    assert service.fewer_cases(than=after) == []


def test_upgrade_makes_a_full_verified_backup_first(demo, monkeypatch):
    from xinye_desktop.app import open_database
    from xinye_desktop.storage import database as database_module
    from xinye_desktop.storage import migrate

    paths, db, _service = demo
    db.close()
    seen = {}
    monkeypatch.setattr(database_module, "HEAD_REVISION", "0009_future")
    monkeypatch.setattr(migrate, "upgrade_to_head",
                        lambda database, revision="head": seen.setdefault("backups", BackupService(paths).list_backups()))
    upgraded = open_database(paths)
    upgraded.close()
    (made,) = seen["backups"]
    assert made.kind == MIGRATION and made.documents > 0 and made.counts["cases"] == 40
    assert BackupService(paths).verify(made) == []


# ---------------------------------------------------------------- second folder, full disk

def test_second_folder_gets_a_verified_copy_and_a_pulled_usb_drive_is_reported_not_recreated(demo, tmp_path):
    paths, _db, service = demo
    usb = tmp_path / "usb"
    usb.mkdir()
    service.set_second_folder(usb)
    first = service.create(START)
    assert first.second_failure is None and first.second.location == "second"
    copy = usb / backup_module.SECOND_SUBFOLDER / first.backup.path.name
    assert document_hashes(copy / "documents") == document_hashes(paths.documents)
    assert service.verify(first.second) == []
    assert {b.location for b in service.list_backups()} == {"local", "second"}

    shutil.rmtree(usb)  # the drive is pulled out
    second = service.create(DAILY)
    assert second.backup.path.is_dir() and service.verify(second.backup) == [], "the local backup stands"
    assert second.second is None and second.second_failure.kind == MISSING
    assert "U盘" in second.second_failure.text() and str(usb) in second.second_failure.text()
    assert not usb.exists(), "an unplugged drive's path is not created on the local disk"
    assert {b.location for b in service.list_backups()} == {"local"}


def test_usb_drive_pulled_out_during_the_copy_leaves_no_half_copy(demo, tmp_path, monkeypatch):
    paths, _db, service = demo
    usb = tmp_path / "usb"
    usb.mkdir()
    service.set_second_folder(usb)
    real_copy = snapshot_module.copy_file

    def copy(source, target):
        if usb in target.parents and target.suffix == ".pdf":
            raise OSError(errno.ENODEV, "No such device", str(target))
        return real_copy(source, target)

    monkeypatch.setattr(snapshot_module, "copy_file", copy)
    result = service.create(START)
    assert result.second_failure.kind == MISSING and service.verify(result.backup) == []
    assert list((usb / backup_module.SECOND_SUBFOLDER).iterdir()) == []


def test_a_full_disk_during_a_backup_says_so_and_leaves_nothing_half_written(demo, monkeypatch):
    paths, _db, service = demo
    good = service.create(START).backup

    def full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(snapshot_module, "copy_file", full)
    (paths.documents / "new.pdf").write_bytes(b"%PDF new")  # not in the previous backup: must be copied
    with pytest.raises(BackupFailed) as failed:
        service.create(DAILY)
    assert failed.value.failure.kind == DISK_FULL and "磁盘空间已满" in failed.value.failure.text()
    assert [b.path for b in service.list_backups()] == [good.path]
    assert not list(paths.backups.glob(".incomplete-*"))


def test_check_command_finds_a_missing_archived_document(demo):
    paths, _db, service = demo
    service.create(START)
    report = service.check()
    assert report.ok, report.problems
    assert any("案件 40 件" in line for line in report.facts)
    import sqlite3

    with sqlite3.connect(paths.database) as conn:  # an archived agreement, the kind of file the check vouches for
        archived = conn.execute("SELECT pdf_path FROM agreements WHERE pdf_path IS NOT NULL ORDER BY id").fetchone()[0]
    (paths.root / archived).unlink()
    report = service.check()
    assert not report.ok and "存档文件找不到" in report.problems[0]


def test_check_command_finds_an_archived_agreement_that_changed(demo):
    """Each printed agreement keeps its PDF's SHA-256 (and the signed scan's): a file changed on disk is
    reported, not only a missing one."""
    import sqlite3

    paths, _db, service = demo
    report = service.check()
    assert report.ok and any("与存档时记录的文件摘要相符" in line for line in report.facts), report.facts
    with sqlite3.connect(paths.database) as conn:
        pdf, scan = conn.execute("SELECT pdf_path, scan_path FROM agreements WHERE scan_path IS NOT NULL").fetchone()
    for path in (pdf, scan):
        original = (paths.root / path).read_bytes()
        (paths.root / path).write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        report = service.check()
        assert not report.ok and "1 个存档的协议书文件与存档时记录的文件摘要不符" in report.problems[0], report.problems
        assert path in report.problems[0]
        (paths.root / path).write_bytes(original)
    assert service.check().ok


def test_an_old_backup_cut_off_while_being_deleted_is_never_listed(demo, monkeypatch):
    """Found by the power-cut test: rmtree removed the database first, then the process died,
    leaving a folder with its manifest but no database, listed as a backup."""
    paths, db, _service = demo
    clock = Clock(dt.datetime(2026, 1, 1, 9, 0))
    service = BackupService(paths, db, now=clock)
    for minute in range(3):
        clock.now = dt.datetime(2026, 1, 1, 9, minute)
        service.create(DAILY)

    def killed_half_way(path):
        (path / "xinye.sqlite3").unlink()
        raise KeyboardInterrupt("the power goes")

    monkeypatch.setattr(snapshot_module, "remove_tree", killed_half_way)
    clock.now = dt.datetime(2026, 1, 1, 9, 3)
    with pytest.raises(KeyboardInterrupt):
        service.create(DAILY)  # the oldest of today's four is being thinned out
    assert all(service.verify(b) == [] for b in service.list_backups())
    assert len(service.list_backups()) == 3 and len(list(paths.backups.glob(".removing-*"))) == 1
    monkeypatch.undo()
    clock.now = dt.datetime(2026, 1, 1, 9, 4)
    service.create(DAILY)
    assert not list(paths.backups.glob(".removing-*")), "cleared at the next backup"


# ---------------------------------------------------------------- Windows' flushing rule

@pytest.fixture
def windows_flush_rule(monkeypatch):
    """Windows' os.fsync (_commit) refuses a handle opened read-only (EBADF): imitate that rule here
    and tell the code it runs on Windows, so a flush through a read-only handle fails as it would there."""
    import sys

    read_only = set()
    real_open, real_close, real_fsync = os.open, os.close, os.fsync

    def fake_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if flags & (os.O_WRONLY | os.O_RDWR) == 0:
            read_only.add(fd)
        return fd

    def fake_close(fd):
        read_only.discard(fd)
        return real_close(fd)

    def fake_fsync(fd):
        fd = fd if isinstance(fd, int) else fd.fileno()
        if fd in read_only:
            raise OSError(errno.EBADF, "Bad file descriptor")
        return real_fsync(fd)

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "close", fake_close)
    monkeypatch.setattr(os, "fsync", fake_fsync)
    return read_only


def test_backups_exports_and_restores_flush_as_windows_allows(demo, tmp_path, windows_flush_rule):
    """On Windows every backup, export and restore once failed with 'Errno 9': the database copy was
    flushed through a read-only handle."""
    paths, _db, service = demo
    rows = dump_tables(paths.database)
    assert service.create(START).backup.path.is_dir()
    exported = service.export(tmp_path / "export.zip")
    other = DataPaths(tmp_path / "other")
    other.create()
    BackupService(other).restore(exported.path)
    assert dump_tables(other.database) == rows


def test_when_the_database_is_damaged_the_backups_on_the_usb_drive_are_offered_too(demo, tmp_path):
    """The second folder's setting lives in the database; at start, when that database is damaged (and
    here the local backups are lost with the disk), the copy noted in backups/ still leads to the drive."""
    from xinye_desktop.app import check_database_at_start

    paths, db, service = demo
    usb = tmp_path / "usb"
    usb.mkdir()
    service.set_second_folder(usb)
    rows = dump_tables(paths.database)
    made = service.create(START)
    db.close()
    for snapshot in paths.backups.iterdir():
        if snapshot.is_dir():
            shutil.rmtree(snapshot)
    with open(paths.database, "r+b") as handle:  # the first pages overwritten: not a database any more
        handle.write(os.urandom(8192))

    offered = []
    assert check_database_at_start(paths, ask_damaged=lambda folder, good, *_: offered.append(good) or True) is None
    assert offered[0] is not None and offered[0].location == "second"
    assert offered[0].path.name == made.backup.path.name
    assert dump_tables(paths.database) == rows
