"""Hostile conditions give clear messages and lose nothing: a full disk, a read-only data folder,
a database held by another program, a backup folder that disappeared.

The full disk and the read-only folder are real: a child process runs in a private mount
namespace (``unshare -rm``, no root needed) on a 4 MB tmpfs, or with the data folder bind-mounted
read-only. chmod would not do: the tests may run as root, whom permissions do not stop. Where
user namespaces are not allowed, those two tests are skipped with the reason.
(The USB drive pulled out is in test_backup_service.py and test_ui_backup.py.)
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import valid_case_input
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.backup import BackupFailed, BackupService
from xinye_desktop.services.failures import LOCKED
from xinye_desktop.services.intake import IntakeService

ROOT = Path(__file__).resolve().parent.parent


def _namespaces_work() -> str | None:
    if not shutil.which("unshare"):
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    return None if probe.returncode == 0 else f"user namespaces not allowed here: {probe.stderr.strip()}"


NO_NAMESPACES = _namespaces_work() if sys.platform.startswith("linux") else "Linux mount namespaces only"
needs_namespaces = pytest.mark.skipif(NO_NAMESPACES is not None, reason=str(NO_NAMESPACES))


def run_in_namespace(setup: str, script: str, *args: str) -> dict:
    """Run ``script`` (Python) after the shell ``setup`` inside a private mount namespace;
    it prints one JSON object last."""
    command = f"{setup} && exec {shlex.quote(sys.executable)} -c {shlex.quote(textwrap.dedent(script))} " + \
        " ".join(shlex.quote(a) for a in args)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(["unshare", "-rm", "sh", "-c", command], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


DISK_FULL_SCRIPT = r"""
import errno, json, os, sys, sqlite3
from pathlib import Path
from tests.helpers import valid_case_input
from xinye_desktop.app import open_database
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.backup import BackupFailed, BackupService
from xinye_desktop.services.drafts import DraftStore
from xinye_desktop.services.failures import explain, probe_writable
from xinye_desktop.services.intake import IntakeService

disk = Path(sys.argv[1])
paths = DataPaths(disk / "data")
paths.create()
db = open_database(paths)
intake, backups, drafts = IntakeService(db), BackupService(paths, db), DraftStore(paths.drafts)
saved = [intake.register(valid_case_input(tag=i)).case_number for i in range(3)]
backups.create("start")
drafts.save("intake", {"facts": "磁盘满之前的草稿"})
out = {"saved": saved}

filler = disk / "filler.bin"
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
for block in (65536, 1):  # fill the disk to the last byte
    try:
        while True:
            os.write(fd, b"\0" * block)
    except OSError:
        pass
os.close(fd)

try:
    intake.register(valid_case_input(tag=9))
    out["save"] = "saved?!"
except Exception as err:
    found = explain(err, paths.root)
    out["save"] = [found.kind, found.text()] if found else repr(err)
try:
    drafts.save("intake", {"facts": "磁盘满时的新草稿"})
    out["draft"] = "saved?!"
except OSError as err:
    out["draft"] = explain(err).kind
out["draft_kept"] = drafts.load("intake")[0]["facts"]
try:
    backups.create("daily")
    out["backup"] = "made?!"
except BackupFailed as failed:
    out["backup"] = [failed.failure.kind, failed.failure.text()]
out["backups_listed"] = len(backups.list_backups())
out["incomplete_left"] = [p.name for p in paths.backups.iterdir() if p.name.startswith(".")]
out["probe"] = probe_writable(paths.root).kind

filler.unlink()  # space freed: everything works again, nothing was lost
saved.append(intake.register(valid_case_input(tag=10)).case_number)
db.close()
conn = sqlite3.connect(paths.database)
out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
out["present"] = [r[0] for r in conn.execute("SELECT case_number FROM cases ORDER BY id")]
out["saved"] = saved
out["backup_after"] = BackupService(paths).create("daily").backup.counts["cases"]
print(json.dumps(out, ensure_ascii=False))
"""


@needs_namespaces
def test_a_full_disk_refuses_with_a_clear_message_and_loses_nothing(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    out = run_in_namespace(f"mount -t tmpfs -o size=4m tmpfs {shlex.quote(str(disk))}", DISK_FULL_SCRIPT, str(disk))
    kind, message = out["save"]
    assert kind == "disk_full" and message.startswith("磁盘空间已满") and "已保存的资料都还在" in message
    assert out["draft"] == "disk_full" and out["draft_kept"] == "磁盘满之前的草稿", "the old draft survives"
    assert out["backup"][0] == "disk_full" and "腾出空间" in out["backup"][1]
    assert out["backups_listed"] == 1 and out["incomplete_left"] == [], "no half backup"
    assert out["probe"] == "disk_full"
    assert out["integrity"] == "ok"
    assert out["present"] == out["saved"] and len(out["saved"]) == 4, "every save that succeeded is there"
    assert out["backup_after"] == 4


READ_ONLY_SCRIPT = r"""
import json, subprocess, sys
from pathlib import Path
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.failures import probe_writable

root, usb = Path(sys.argv[1]), Path(sys.argv[2])
out = {"probe": probe_writable(root).kind}
run = lambda *a: subprocess.run([sys.executable, "-m", "xinye_desktop", *a, "--data-dir", str(root)],
                                capture_output=True, text=True)
started = run("--smoke-test")
out["start"] = [started.returncode, started.stderr]
checked = run("check")
out["check"] = [checked.returncode, checked.stdout]
exported = run("backup", "--to", str(usb / "备份.zip"))
out["export"] = [exported.returncode, exported.stdout + exported.stderr]
print(json.dumps(out, ensure_ascii=False))
"""


@needs_namespaces
def test_a_read_only_data_folder_is_refused_plainly_and_its_data_can_still_be_copied_out(tmp_path):
    from xinye_desktop.app import open_database

    paths = DataPaths(tmp_path / "data")
    paths.create()
    db = open_database(paths)
    case = IntakeService(db).register(valid_case_input())
    db.close()
    (paths.documents / "协议.pdf").write_bytes(b"%PDF archived")
    before = {p.name: p.read_bytes() for p in paths.root.iterdir() if p.is_file()}
    usb = tmp_path / "usb"
    usb.mkdir()
    folder = shlex.quote(str(paths.root))
    out = run_in_namespace(f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}",
                           READ_ONLY_SCRIPT, str(paths.root), str(usb))
    assert out["probe"] == "read_only"
    code, err = out["start"]
    assert code == 2 and "文件夹不能写入" in err and str(paths.root) in err
    code, text = out["check"]
    assert code == 0 and "数据库完整性检查通过" in text, text
    code, text = out["export"]
    assert code == 0 and "已读回校验" in text, text
    assert {p.name: p.read_bytes() for p in paths.root.iterdir() if p.is_file()} == before, "nothing changed"

    other = DataPaths(tmp_path / "elsewhere")  # the copied-out data, restored on a writable disk
    other.create()
    BackupService(other).restore(usb / "备份.zip")
    conn = sqlite3.connect(other.database)
    assert conn.execute("SELECT case_number FROM cases").fetchall() == [(case.case_number,)]
    conn.close()
    assert (other.documents / "协议.pdf").read_bytes() == b"%PDF archived"


# ---------------------------------------------------------------- a database held by another program

@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Give up on a held database after 0.3 s instead of 10 s (tests only)."""
    from xinye_desktop.storage import database as database_module

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 300)


def hold(path: Path, exclusive_mode: bool = False) -> sqlite3.Connection:
    """Another program with the database open and a write lock on it."""
    other = sqlite3.connect(path, isolation_level=None)
    if exclusive_mode:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_saving_while_another_program_holds_the_database_says_so_and_keeps_the_form(
        short_busy_timeout, make_window, qtbot):
    from tests.ui_helpers import fill_valid_case

    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab, facts="数据库被占用时填写的内容，一个字也不能丢。")
    other = hold(window.services.paths.database)
    try:
        assert tab.save() is None
        assert "数据库文件正被其他程序占用" in tab.summary_notice.text()
        assert tab.facts_edit.toPlainText() == "数据库被占用时填写的内容，一个字也不能丢。"
        assert window.services.drafts.load("intake")[0]["form"]["facts"] == "数据库被占用时填写的内容，一个字也不能丢。"
    finally:
        other.execute("ROLLBACK")
        other.close()
    case = tab.save()  # the other program let go: the same form saves
    assert case is not None and case.facts == "数据库被占用时填写的内容，一个字也不能丢。"
    assert window.services.drafts.load("intake") is None


def test_a_backup_while_another_program_holds_the_database(short_busy_timeout, database, data_paths):
    service = BackupService(data_paths, database)
    IntakeService(database).register(valid_case_input())
    other = hold(data_paths.database)  # an ordinary write lock: WAL lets the backup read on
    try:
        made = service.create("manual")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert made.backup.counts["cases"] == 1
    database.close()
    other = hold(data_paths.database, exclusive_mode=True)  # a program that shuts everyone out
    try:
        with pytest.raises(BackupFailed) as failed:
            service.create("manual")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert failed.value.failure.kind == LOCKED and "其他程序占用" in failed.value.failure.text()
    assert len(service.list_backups()) == 1 and not list(data_paths.backups.glob(".incomplete-*"))


def test_saving_on_a_full_disk_in_the_window_says_what_to_do(make_window, qtbot, monkeypatch):
    from tests.ui_helpers import fill_valid_case

    window = make_window()
    fill_valid_case(qtbot, window.intake_tab)

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.services.intake, "register", full)
    assert window.intake_tab.save() is None
    text = window.intake_tab.summary_notice.text()
    assert text.startswith("没有保存。磁盘空间已满") and "清空回收站" in text
    assert window.intake_tab.is_dirty(), "the form is as typed"


# ---------------------------------------------------------------- a database emptied to 0 bytes

def test_the_app_does_not_take_an_emptied_database_in_a_used_folder_for_a_first_start(tmp_path):
    """Issue 13: the whole start (its own process, the smoke test, which cannot ask) refuses a 0-byte
    database where documents and a backup show earlier use, instead of building an empty schema in
    it and showing 共0件; it touches nothing, so the interactive start can set the file aside."""
    from xinye_desktop.app import open_database

    paths = DataPaths(tmp_path / "data")
    paths.create()
    db = open_database(paths)
    IntakeService(db).register(valid_case_input())
    BackupService(paths, db).create("start")
    db.close()
    (paths.documents / "协议.pdf").write_bytes(b"%PDF archived")
    paths.database.write_bytes(b"")
    for leftover in paths.root.glob("xinye.sqlite3-*"):
        leftover.unlink()
    backups = sorted(p.name for p in paths.backups.iterdir())

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = subprocess.run([sys.executable, "-m", "xinye_desktop", "--smoke-test", "--data-dir", str(paths.root)],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert started.returncode == 2, started.stdout + started.stderr
    assert "无法打开数据库" in started.stderr and "0 bytes" in started.stderr and "smoke test ok" not in started.stdout
    assert paths.database.read_bytes() == b"", "no schema built in it"
    assert not paths.damaged.exists() and sorted(p.name for p in paths.backups.iterdir()) == backups
