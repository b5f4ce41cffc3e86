"""A hub's backups (issue 16, services/backup/ and ui/hub/backups.py): on SQLite a 司法所's or 司法局's backup holds
its database and hub-documents/, the villages' sealed documents it imported, each with its size and SHA-256 in
the manifest; a damaged one is found and such a backup is not restored; a restore brings them back; the USB
copy and the .zip hold them too; a village's backup is as before. The hub window backs up at start and once a
day as the village's does, and restores from 备份与恢复; on PostgreSQL it says that pg_dump backs the server up,
and the backup and restore commands refuse --database as before."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from xinye_desktop.demo.county import HUB_ACCOUNTS, make_county
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.backup import BackupFailed, BackupService
from xinye_desktop.services.backup.files import HUB_MODE_SETTING as BACKUP_HUB_MODE_SETTING
from xinye_desktop.services.hub import HubImporter
from xinye_desktop.services.hub.importer import DOCUMENTS_FOLDER
from xinye_desktop.services.hub.setup import HUB_MODE_SETTING
from xinye_desktop.storage.database import Database

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
USER, _NAME, PASSWORD = HUB_ACCOUNTS["司法局"]
SHOTS = os.environ.get("XINYE_SHOTS")  # a folder: save pictures of what the tests show


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """Two villages' year imported into the 司法局's SQLite hub: its hub-documents/ holds their documents."""
    made = make_county(tmp_path_factory.mktemp("county") / "c", villages=2, years=1, cases_per_year=12, seed=5,
                       workers=1, hub_cost=CHEAP)
    db = Database(made.folder / "hub" / "xinye.sqlite3")
    try:
        AccountService(db, cost=CHEAP).login(USER, PASSWORD)
        summaries = HubImporter(db, made.folder / "hub").import_packages([made.folder / "packages"])
        assert {s.status for s in summaries} == {"imported"}
    finally:
        db.close()
    return made


@pytest.fixture
def hub(county, tmp_path):
    """A copy of the imported hub's folder, its administrator logged in: (paths, db)."""
    root = tmp_path / "hub"
    shutil.copytree(county.folder / "hub", root)
    paths = DataPaths(root)
    db = Database(paths.database)
    AccountService(db, cost=CHEAP).login(USER, PASSWORD)
    yield paths, db
    db.close()


def _held(paths: DataPaths) -> dict[str, bytes]:
    return {p.relative_to(paths.hub_documents).as_posix(): p.read_bytes()
            for p in sorted(paths.hub_documents.rglob("*")) if p.is_file()}


def _stored(paths: DataPaths) -> list[str]:
    """What the hub's rows name (hub_documents.stored), relative to its folder."""
    conn = sqlite3.connect(paths.database)
    try:
        return sorted(row[0] for row in conn.execute("SELECT stored FROM hub_documents"))
    finally:
        conn.close()


def _village_cases(paths: DataPaths) -> int:
    conn = sqlite3.connect(paths.database)
    try:
        return conn.execute("SELECT count(*) FROM hub_rows WHERE table_name = 'cases'").fetchone()[0]
    finally:
        conn.close()


def test_the_hub_s_folder_and_setting_are_the_ones_the_backup_reads():
    assert DataPaths(Path("/x")).hub_documents.name == DOCUMENTS_FOLDER
    assert BACKUP_HUB_MODE_SETTING == HUB_MODE_SETTING


def test_a_sqlite_hub_s_backup_holds_the_villages_documents_and_a_restore_brings_them_back(hub):
    paths, db = hub
    held = _held(paths)
    assert len(held) >= 10 and all(rel.endswith(".sealed") for rel in held)
    assert [f"{DOCUMENTS_FOLDER}/{rel}" for rel in sorted(held)] == _stored(paths)
    service = BackupService(paths, db)
    made = service.create().backup

    manifest = json.loads((made.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["hub"] == "county"
    assert sorted(manifest["hub_documents"]) == sorted(held)
    for rel, data in held.items():
        assert (made.path / "hub-documents" / rel).read_bytes() == data  # as they are: sealed to the hub's key
        assert manifest["hub_documents"][rel]["size"] == len(data)
    # The hub's own cases table is empty: its counts are the villages' rows it holds.
    assert made.counts["cases"] == _village_cases(paths) == 24
    assert made.documents == len(held) + len(manifest["documents"])
    assert service.verify(made) == []

    # The next backup links the unchanged documents to this one's copies.
    again = service.create().backup
    some = sorted(held)[0]
    assert os.stat(again.path / "hub-documents" / some).st_ino == os.stat(made.path / "hub-documents" / some).st_ino

    # Lost and damaged at the hub: one file gone, one changed, the folder of one village removed.
    lost, changed = sorted(held)[0], sorted(held)[-1]
    (paths.hub_documents / lost).unlink()
    (paths.hub_documents / changed).write_bytes(b"not what the village sent")
    first_village = lost.split("/")[0]
    if first_village != changed.split("/")[0]:
        shutil.rmtree(paths.hub_documents / first_village)
    result = service.restore(made.path)
    assert _held(paths) == held
    assert result.documents_copied >= 2
    before = json.loads((result.before.path / "manifest.json").read_text(encoding="utf-8"))
    assert before["kind"] == "before_restore" and lost not in before["hub_documents"]
    assert (result.before.path / "hub-documents" / changed).read_bytes() == b"not what the village sent"
    # The hub opens the restored documents with its key again, each the village's file.
    from xinye_desktop.services.hub import HubHoldings

    holdings = HubHoldings(db, paths.root)
    for document in holdings.documents():
        if document["stored"] in (f"{DOCUMENTS_FOLDER}/{lost}", f"{DOCUMENTS_FOLDER}/{changed}"):
            opened = holdings.open_document(document, paths.root / "opened.pdf")
            assert opened.stat().st_size == document["size"]


def test_a_damaged_hub_document_in_a_backup_is_found_and_that_backup_is_not_restored(hub, tmp_path):
    paths, db = hub
    service = BackupService(paths, db)
    made = service.create().backup
    victim = sorted((made.path / "hub-documents").rglob("*.sealed"))[3]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, same size
    os.unlink(victim)  # a hard link shared with the live file: replaced, not written through
    victim.write_bytes(bytes(data))
    problems = service.verify(made)
    assert problems and "hub-documents/" in problems[0] and "hash differs" in problems[0]
    held = _held(paths)
    (paths.hub_documents / victim.relative_to(made.path / "hub-documents")).unlink()
    with pytest.raises(BackupFailed) as refused:
        service.restore(made.path)
    assert "已损坏" in refused.value.failure.text()
    assert len(_held(paths)) == len(held) - 1, "nothing copied from a damaged backup"

    # A missing one too, in a copy of the backup.
    other = tmp_path / "copy"
    shutil.copytree(made.path, other)
    next(other.joinpath("hub-documents").rglob("*.sealed")).unlink()
    assert "missing" in service.verify(other)[0]


def test_the_check_command_finds_a_hub_document_missing_or_changed(hub):
    paths, db = hub
    db.close()
    report = BackupService(paths).check()
    assert report.ok, report.problems
    assert any(f"各村报送的存档文件 {len(_held(paths))} 个，全部都在" in fact for fact in report.facts)
    first, last = sorted(paths.hub_documents.rglob("*.sealed"))[0], sorted(paths.hub_documents.rglob("*.sealed"))[-1]
    first.unlink()
    last.write_bytes(last.read_bytes() + b"x")
    problems = BackupService(paths).check().problems
    assert any("1 个找不到" in p and first.name in p for p in problems), problems
    assert any("1 个与导入时的文件摘要不符" in p and last.name in p for p in problems), problems


def test_the_usb_copy_and_the_exported_file_hold_the_hub_s_documents_and_restore_on_a_new_pc(hub, tmp_path):
    paths, db = hub
    held = _held(paths)
    usb = tmp_path / "usb"
    usb.mkdir()
    service = BackupService(paths, db)
    service.set_second_folder(usb)
    result = service.create()
    assert result.second is not None and result.second_failure is None
    assert {p.relative_to(result.second.path / "hub-documents").as_posix()
            for p in (result.second.path / "hub-documents").rglob("*.sealed")} == set(held)
    assert service.verify(result.second) == []

    exported = service.export(tmp_path / "hub-backup.zip")
    assert exported.documents == result.backup.documents
    new_pc = DataPaths(tmp_path / "new-pc")
    new_pc.create()
    BackupService(new_pc).restore(exported.path)
    assert _held(new_pc) == held
    assert _village_cases(new_pc) == _village_cases(paths)


def test_a_village_s_backup_is_as_before(county, tmp_path):
    root = tmp_path / "village"
    shutil.copytree(county.villages[0].folder, root)
    paths = DataPaths(root)
    made = BackupService(paths).create().backup
    manifest = json.loads((made.path / "manifest.json").read_text(encoding="utf-8"))
    assert "hub" not in manifest and "hub_documents" not in manifest
    assert not (made.path / "hub-documents").exists()
    assert made.counts["cases"] == 12 and made.documents == len(manifest["documents"]) > 0


def test_a_hub_s_backup_is_not_restored_over_a_village_nor_a_village_s_over_a_hub(county, hub, tmp_path):
    """Restoring either into the other kind of folder would turn it into something else: refused with
    nothing written, and pointed to an empty folder, where it restores."""
    paths, db = hub
    hub_backup = BackupService(paths, db).create().backup
    root = tmp_path / "village"
    shutil.copytree(county.villages[0].folder, root)
    village = DataPaths(root)
    village_backup = BackupService(village).create().backup
    before = village.database.read_bytes()
    with pytest.raises(BackupFailed, match="汇总库的备份，这里是村调委会的数据") as failed:
        BackupService(village).restore(hub_backup.path)
    assert "空文件夹" in failed.value.failure.text() and village.database.read_bytes() == before
    held = paths.database.read_bytes()
    with pytest.raises(BackupFailed, match="这份备份是村调委会的备份，这里是司法局的汇总库"):
        BackupService(paths, db).restore(village_backup.path)
    assert paths.database.read_bytes() == held
    fresh = DataPaths(tmp_path / "new-pc")
    fresh.create()
    BackupService(fresh).restore(hub_backup.path)
    assert _village_cases(fresh) == _village_cases(paths)


def test_the_backup_and_restore_commands_refuse_a_postgresql_hub_and_point_to_pg_dump(tmp_path, capsys):
    from xinye_desktop.__main__ import main

    given = ["--database", "postgresql://xinye@127.0.0.1:1/xinye_hub", "--data-dir", str(tmp_path / "hub")]
    for argv in (["backup"], ["restore", str(tmp_path / "backup.zip")]):
        assert main(argv + given) == 2
        assert "pg_dump" in capsys.readouterr().err
    assert not (tmp_path / "hub").exists()


def test_the_backup_command_on_a_sqlite_hub_takes_its_documents(hub, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    paths, db = hub
    db.close()
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["backup", "--data-dir", str(paths.root), "--user", USER]) == 0
    said = capsys.readouterr().out
    [made] = [p for p in paths.backups.iterdir() if p.is_dir()]
    assert sorted(p.relative_to(made / "hub-documents") for p in (made / "hub-documents").rglob("*.sealed")) == \
        sorted(p.relative_to(paths.hub_documents) for p in paths.hub_documents.rglob("*.sealed"))
    assert "备份已完成并校验" in said and "案件 24 件" in said, said


# -- the window ------------------------------------------------------------------------------------------------------

def _shoot(widget, name: str) -> None:
    """Grabbed always (it must render); saved into XINYE_SHOTS when set."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    picture = widget.grab()
    assert not picture.isNull()
    if not SHOTS:
        return
    target = Path(SHOTS) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    picture.save(str(target))


def _hub_window(qtbot, paths: DataPaths, db, tmp_path: Path, signed_in=None):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from xinye_desktop.app import create_window, hub_identity
    from xinye_desktop.ui.i18n import Translations

    window = create_window(paths, db, Translations(QApplication.instance()),
                           QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), signed_in,
                           hub=hub_identity(db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def hub_window(qtbot, app_fonts, hub, tmp_path):
    pytest.importorskip("pytestqt")
    from xinye_desktop.ui.access import SignedIn

    paths, db = hub
    accounts = AccountService(db, cost=CHEAP)
    session = accounts.login(USER, PASSWORD)
    window = _hub_window(qtbot, paths, db, tmp_path, SignedIn(accounts, session))
    yield window, paths, db
    window.close()


def test_the_hub_window_backs_up_at_start_and_daily_with_the_villages_documents(qtbot, hub_window):
    from xinye_desktop.app import after_show

    window, paths, db = hub_window
    runner = window.backup_runner
    assert runner is not None
    qtbot.waitUntil(lambda: window.backups.label is not None, timeout=5000)
    assert window.backups.label.text() == "尚未备份"
    assert window.backups.action.isVisible() and window.backups.action.text() == "备份与恢复…"
    assert window.backups.action in window.file_menu.actions()
    after_show(window, db)  # what app.py does once the window is up: a backup soon, then the timer
    qtbot.waitUntil(lambda: not runner.busy and runner.last_result is not None, timeout=30000)
    assert runner._timer.isActive() and runner._timer.interval() == 30 * 60 * 1000
    made = runner.last_result.backup
    assert made.kind == "start"
    assert len(list((made.path / "hub-documents").rglob("*.sealed"))) == len(_held(paths))
    assert window.backups.label.text().startswith("上次备份：今天 ")
    assert not runner.run_if_due(), "one a day"
    _shoot(window, "hub-window-backup.png")
    window.file_menu.popup(window.mapToGlobal(window.rect().topLeft()))
    _shoot(window.file_menu, "hub-file-menu.png")
    window.file_menu.hide()

    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1] == "启动时" and row[2] == "24" and int(row[5]) == made.documents
    assert dialog.restore_button.isVisible()
    _shoot(dialog, "hub-backup-dialog.png")
    dialog.close()


def test_a_restore_from_the_hub_window_brings_the_documents_back_and_the_window_is_replaced(
        qtbot, hub_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xinye_desktop.ui.backup_dialog import BackupDialog

    window, paths, _db = hub_window
    held = _held(paths)
    with qtbot.waitSignal(window.backup_runner.finished, timeout=30000):
        assert window.backup_runner.run("manual")
    shutil.rmtree(paths.hub_documents)
    monkeypatch.setattr(BackupDialog, "ask_restore", staticmethod(lambda parent, b: True))
    said = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: said.append(a[2])))
    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.restored, timeout=30000):
        dialog.restore_button.click()
    assert _held(paths) == held
    assert said and "各村案件 24 件" in said[0]
    assert window.discarded and not window.menuBar().isEnabled()


def test_a_clerk_who_may_not_back_up_is_not_offered_it(qtbot, hub, tmp_path):
    pytest.importorskip("pytestqt")
    from xinye_desktop.domain.accounts import AccountRole, Permission
    from xinye_desktop.services.accounts import AccountSession
    from xinye_desktop.ui.access import SignedIn

    paths, db = hub
    accounts = AccountService(db, cost=CHEAP)
    session = accounts.login(USER, PASSWORD)
    viewer = AccountSession(session.account_id, session.username, session.display_name, AccountRole.VIEWER,
                            session.started_at, data_key=session.data_key)
    signed_in = SignedIn(accounts, viewer)
    assert not signed_in.may(Permission.BACKUP)
    window = _hub_window(qtbot, paths, db, tmp_path, signed_in)
    assert not window.backups.action.isVisible()
    window.close()


@pytest.mark.postgres
def test_the_hub_window_on_postgresql_says_pg_dump_backs_it_up_and_offers_no_backup(qtbot, app_fonts, postgres_url,
                                                                                     tmp_path):
    pytest.importorskip("pytestqt")
    from xinye_desktop.domain.hub import HubMode
    from xinye_desktop.services.hub import HubSetup
    from xinye_desktop.storage.hub_database import HubDatabase

    paths = DataPaths(tmp_path / "hub")
    paths.create()
    db = HubDatabase(postgres_url)
    try:
        db.ensure_schema()
        HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇")
        window = _hub_window(qtbot, paths, db, tmp_path)
        assert window.backup_runner is None and not window.services.offers("backups")
        assert not window.backups.action.isVisible()
        label = window.backups.server_label
        assert label is not None and "pg_dump" in label.text() and "pg_dump" in label.toolTip()
        window.start_backups()  # nothing to do: no file here
        assert not paths.backups.exists()
        _shoot(window, "hub-window-postgres.png")
        window.close()
    finally:
        db.close()
