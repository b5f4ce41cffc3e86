"""Every command, pointed at a place it cannot write or at data it may only read, says so in one
Chinese sentence with the documented exit code (``xinye_desktop/__main__.py``), prints no traceback
and creates nothing that was not asked for.

Unwritable targets are real: ``/proc/1`` (exists, takes no new files, even for root) and folders
that do not exist. The read-only data folder is real too: as in test_hostile_conditions.py, a child
process runs in a private mount namespace with the folder bind-mounted read-only (chmod would not
stop root).
"""

from __future__ import annotations

import errno
import hashlib
import json
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_hostile_conditions import needs_namespaces, run_in_namespace
from xinye_desktop.__main__ import EXIT_CODES, main

ROOT = Path(__file__).resolve().parent.parent
CHINESE = re.compile(r"[\u4e00-\u9fff]")
UNWRITABLE = Path("/proc/1")  # there, but no file can be made in it
needs_proc = pytest.mark.skipif(not (sys.platform.startswith("linux") and UNWRITABLE.is_dir()),
                                reason="needs Linux's /proc")


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, with each file's SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def agreement_in_force(paths) -> tuple[str, str, Path]:
    """(案号, 核验码, archived PDF) of a signed agreement in the demo."""
    conn = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True)
    try:
        number, code, pdf = conn.execute(
            "SELECT c.case_number, a.code, a.pdf_path FROM agreements a JOIN cases c ON c.id = a.case_id "
            "WHERE a.state = 'signed' AND a.pdf_path IS NOT NULL ORDER BY a.id LIMIT 1").fetchone()
    finally:
        conn.close()
    return number, code, paths.root / pdf


def assert_plain_refusal(code: int, err: str, expected: int, *words: str) -> None:
    assert code == expected, err
    assert "Traceback" not in err and "Errno" not in err and "Error" not in err, err
    assert CHINESE.search(err), err
    for word in words:
        assert word in err, err


@pytest.fixture
def demo(fill_demo, data_paths):
    fill_demo(40, 3)
    return data_paths


class CommandLine:
    """A command's arguments with ``{case}`` and ``{code}`` (a signed agreement's 案号 and 核验码 in the
    demo) and the values given filled in, pointed at the demo's folder unless they name a data folder."""

    def __init__(self, demo):
        self.case, self.code, _pdf = agreement_in_force(demo)
        self.root = demo.root

    def __call__(self, command, **values) -> list[str]:
        argv = [a.format(case=self.case, code=self.code, **values) for a in command]
        return argv if "--data-dir" in argv else argv + ["--data-dir", str(self.root)]


@pytest.fixture
def command_line(demo) -> CommandLine:
    return CommandLine(demo)


@pytest.fixture
def backup_file(demo, tmp_path):
    target = tmp_path / "usb" / "备份.zip"
    target.parent.mkdir()
    assert main(["backup", "--to", str(target), "--data-dir", str(demo.root)]) == 0
    return target


# ----------------------------------------------------------------------------- unwritable targets

@needs_proc
@pytest.mark.parametrize("command, expected, words", [
    pytest.param(["statistics", "2026", "--out", "/proc/1/季报.xlsx"], 2, ["不能写入", "/proc/1"], id="statistics --out"),
    pytest.param(["agreement", "{case}", "--out", "/proc/1/协议书.pdf"], 2, ["不能写入", "/proc/1"], id="agreement --out"),
    pytest.param(["backup", "--to", "/proc/1/备份.zip"], 2, ["不能写入", "/proc/1"], id="backup --to"),
    pytest.param(["demo", "--cases", "3", "--data-dir", "/proc/1"], 2, ["不能写入", "/proc/1"], id="demo"),
    pytest.param(["demo", "--cases", "3", "--data-dir", "/proc/1/新文件夹"], 2, ["不能写入", "/proc/1"],
                 id="demo into a new folder"),
    pytest.param(["restore", "{backup}", "--data-dir", "/proc/1"], 2, ["不能写入", "/proc/1"], id="restore"),
    pytest.param(["verify", "{code}", "--data-dir", "/proc/1"], 2, ["找不到数据库"], id="verify"),
    pytest.param(["statistics", "2026", "--data-dir", "/proc/1"], 2, ["找不到数据库"], id="statistics"),
    pytest.param(["agreement", "{case}", "--out", "{tmp}/协议书.pdf", "--data-dir", "/proc/1"], 2, ["找不到数据库"],
                 id="agreement"),
    pytest.param(["backup", "--data-dir", "/proc/1"], 2, ["找不到数据库"], id="backup"),
    pytest.param(["check", "--data-dir", "/proc/1"], 2, ["找不到数据库"], id="check"),
])
def test_an_unwritable_target_is_refused_plainly(command, expected, words, command_line, tmp_path, capsys, request):
    backup_file = request.getfixturevalue("backup_file") if "{backup}" in command else None
    argv = command_line(command, backup=backup_file, tmp=tmp_path)
    capsys.readouterr()
    before = tree(tmp_path)
    assert_plain_refusal(main(argv), capsys.readouterr().err, expected, *words)
    assert tree(tmp_path) == before, "nothing written, nothing created"


@pytest.mark.parametrize("command", [
    ["statistics", "2026", "--out", "{missing}/季报.xlsx"],
    ["agreement", "{case}", "--out", "{missing}/协议书.pdf"],
    ["backup", "--to", "{missing}/备份.zip"],
], ids=lambda v: v[0])
def test_an_output_folder_that_does_not_exist_is_not_made(command, command_line, tmp_path, capsys):
    missing = tmp_path / "没有的" / "文件夹"
    argv = command_line(command, missing=missing)
    before = tree(tmp_path)
    assert_plain_refusal(main(argv), capsys.readouterr().err, 2, "找不到文件夹", str(missing), "没有新建文件夹")
    assert not missing.parent.exists()
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", [
    ["agreement", "{case}", "--out", "{folder}"],
    ["statistics", "2026", "--out", "{folder}"],
    ["backup", "--to", "{folder}"],
], ids=lambda v: v[0])
def test_an_output_that_is_a_folder_asks_for_a_file_name(command, command_line, tmp_path, capsys):
    folder = tmp_path / "U盘"
    folder.mkdir()
    argv = command_line(command, folder=folder)
    before = tree(tmp_path)
    assert_plain_refusal(main(argv), capsys.readouterr().err, 2, "是一个文件夹", "文件名")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", [
    ["verify", "6DE4-7HPF-1EW6"], ["statistics", "2026"], ["agreement", "（2026）新调字第001号", "--out", "{tmp}/a.pdf"],
    ["backup"], ["backup", "--to", "{tmp}/备份.zip"], ["check"], ["restore", "{tmp}/没有这个备份.zip"],
], ids=["verify", "statistics", "agreement", "backup", "backup --to", "check", "restore"])
def test_a_data_folder_that_does_not_exist_is_not_made(command, tmp_path, capsys):
    missing = tmp_path / "没有的数据文件夹"
    argv = [a.format(tmp=tmp_path) for a in command] + ["--data-dir", str(missing)]
    assert_plain_refusal(main(argv), capsys.readouterr().err, 2, "找不到")
    assert list(tmp_path.iterdir()) == []


def test_a_data_folder_that_is_a_file_is_refused(tmp_path, capsys):
    not_a_folder = tmp_path / "数据.txt"
    not_a_folder.write_text("x")
    for command in (["demo", "--cases", "3"], ["restore", str(not_a_folder)]):
        assert_plain_refusal(main([*command, "--data-dir", str(not_a_folder)]), capsys.readouterr().err, 2,
                             "不是文件夹")
    assert [p.name for p in tmp_path.iterdir()] == ["数据.txt"]


@needs_proc
def test_no_traceback_reaches_the_terminal(command_line, tmp_path):
    """The same refusals through ``python -m xinye_desktop``, as the user runs them."""
    case = command_line.case

    def run(*args):
        return subprocess.run([sys.executable, "-m", "xinye_desktop", *command_line(args)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)

    before = tree(tmp_path)
    for done in (run("statistics", "2026", "--out", "/proc/1/x.xlsx"),
                 run("agreement", case, "--out", str(tmp_path / "nonexistent" / "dir" / "x.pdf")),
                 run("demo", "--data-dir", "/proc/1")):
        assert_plain_refusal(done.returncode, done.stderr, 2)
    assert tree(tmp_path) == before
    assert not (tmp_path / "nonexistent").exists()


# ----------------------------------------------------------------------------- failing on the way

def test_a_disk_that_fails_mid_way_is_said_plainly_with_exit_1(demo, tmp_path, monkeypatch, capsys):
    from xinye_desktop.services.statistics import StatisticsService

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "季报.xlsx"))

    monkeypatch.setattr(StatisticsService, "export_xlsx", full)
    argv = ["statistics", "2026", "--out", str(tmp_path / "季报.xlsx"), "--data-dir", str(demo.root)]
    assert_plain_refusal(main(argv), capsys.readouterr().err, 1, "磁盘空间已满")

    def odd(*args, **kwargs):  # an OS error no message is written for still reads as a sentence
        raise OSError(errno.EINVAL, "Invalid argument", str(tmp_path / "季报.xlsx"))

    monkeypatch.setattr(StatisticsService, "export_xlsx", odd)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("读写文件时出错") and "这一步没有完成" in err and "Traceback" not in err


def test_a_bug_keeps_its_traceback(demo, monkeypatch):
    """Only disk and database problems become messages: a programming error must stay visible."""
    from xinye_desktop.services.statistics import StatisticsService

    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(StatisticsService, "compute", bug)
    with pytest.raises(ValueError):
        main(["statistics", "2026", "--data-dir", str(demo.root)])


def test_the_exit_codes_are_in_the_help(capsys):
    import xinye_desktop.__main__ as cli

    for argv in (["--help"], ["verify", "--help"], ["backup", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert EXIT_CODES in out
    for code in "0123":
        assert f"\n{code}  " in cli.__doc__


# ----------------------------------------------------------------------------- a read-only data folder

READ_ONLY_SCRIPT = r"""
import contextlib, io, json, subprocess, sys, traceback
from xinye_desktop.__main__ import main

data, old, out_dir, case, code = sys.argv[1:6]
results = {}

def call(name, *argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            rc = main(list(argv))
        except BaseException:
            rc = "raised"
            stderr.write(traceback.format_exc())
    results[name] = [rc, stdout.getvalue(), stderr.getvalue()]

def run(name, *argv):  # as the user runs it, so that nothing reaches the terminal unseen
    done = subprocess.run([sys.executable, "-m", "xinye_desktop", *argv], capture_output=True, text=True)
    results[name] = [done.returncode, done.stdout, done.stderr]

run("verify", "verify", code, "--data-dir", data)
run("statistics", "statistics", "2026", "--data-dir", data)
call("verify unknown", "verify", "0000-0000-0000", "--data-dir", data)
call("statistics --out elsewhere", "statistics", "2026", "--out", out_dir + "/季报.xlsx", "--data-dir", data)
call("statistics --out inside", "statistics", "2026", "--out", data + "/季报.xlsx", "--data-dir", data)
call("agreement", "agreement", case, "--out", out_dir + "/协议书.pdf", "--data-dir", data)
call("agreement --out inside", "agreement", case, "--out", data + "/协议书.pdf", "--data-dir", data)
call("check", "check", "--data-dir", data)
call("backup", "backup", "--data-dir", data)
call("backup --to", "backup", "--to", out_dir + "/备份.zip", "--data-dir", data)
call("restore", "restore", out_dir + "/备份.zip", "--data-dir", data)
call("demo", "demo", "--cases", "3", "--data-dir", data)
call("demo --append", "demo", "--cases", "3", "--append", "--data-dir", data)
for name, argv in (("old verify", ["verify", code]), ("old statistics", ["statistics", "2026"]),
                   ("old agreement", ["agreement", case, "--out", out_dir + "/旧.pdf"])):
    call(name, *argv, "--data-dir", old)
print(json.dumps(results, ensure_ascii=False))
"""


@needs_namespaces
def test_a_read_only_data_folder_is_read_and_never_written(demo, tmp_path):
    case, code, pdf = agreement_in_force(demo)
    # The same data a version behind: it would need an upgrade before it can be read.
    old = tmp_path / "ro" / "旧数据"
    shutil.copytree(demo.root, old)
    conn = sqlite3.connect(old / demo.database.name)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0006_aftercare'")
    conn.close()
    data = tmp_path / "ro" / "数据"
    shutil.copytree(demo.root, data)
    shutil.rmtree(demo.root)
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    before = tree(tmp_path / "ro")
    ro = shlex.quote(str(tmp_path / "ro"))
    results = run_in_namespace(f"mount --bind {ro} {ro} && mount -o remount,bind,ro {ro}", READ_ONLY_SCRIPT,
                               str(data), str(old), str(out_dir), case, code)
    assert tree(tmp_path / "ro") == before, "not a byte changed, no -wal, -shm, backups/ or lock file"
    for name, (rc, out, err) in results.items():
        assert "Traceback" not in err and "Error" not in err, (name, err)

    def ok(name, *words):
        rc, out, err = results[name]
        assert rc == 0 and err == "" and all(w in out for w in words), (name, rc, out, err)

    def refused(name, expected, *words):
        rc, out, err = results[name]
        assert_plain_refusal(rc, err, expected, *words)

    ok("verify", case)
    ok("statistics", "受理")
    assert results["verify unknown"][0] == 1 and "不相符" in results["verify unknown"][1]
    ok("statistics --out elsewhere", "报表已写入")
    assert (out_dir / "季报.xlsx").is_file()
    ok("agreement", code)
    assert (out_dir / "协议书.pdf").read_bytes() == (data / pdf.relative_to(demo.root)).read_bytes()
    ok("check", "检查通过")
    ok("backup --to", "已读回校验")
    for name in ("statistics --out inside", "agreement --out inside", "backup", "restore", "demo", "demo --append"):
        refused(name, 2, "不能写入", str(data))
    assert "backup --to" in results["backup"][2], "says where a backup can still go"
    for name in ("old verify", "old statistics", "old agreement"):
        refused(name, 2, "旧版本", "没有升级", "能写入的")
    assert not (out_dir / "旧.pdf").exists()
