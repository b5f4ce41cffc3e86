"""The command line on a data folder with accounts (issue 15): a command that reads personal data or
changes anything logs in first (``--user``, the password from XINYE_PASSWORD or a prompt), the others
run without one and show no full ID number or phone; a refusal exits 3 and changes nothing, a wrong
password is counted like one at the window's login."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli_errors import CHINESE, agreement_in_force
from xinye_desktop.__main__ import main
from xinye_desktop.domain.accounts import AccountRole
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService, LoginRefused

ROOT = Path(__file__).resolve().parent.parent
CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, ADMIN_PASSWORD = "zhuren", "主任的密码2026"
VIEWER, VIEWER_PASSWORD = "chayue", "查阅的密码2026"
NEW_USER, FIRST_PASSWORD = "xinren", "管理员给的初始密码"
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def _accounts(paths) -> None:
    """An administrator, a 查阅 with their own password and an account still on its first password."""
    from xinye_desktop.storage.database import Database

    db = Database(paths.database)
    try:
        service = AccountService(db, cost=CHEAP)
        admin = service.create_first_admin(ADMIN, "王保国", ADMIN_PASSWORD).session
        viewer = service.add_account(admin, VIEWER, "李查阅", AccountRole.VIEWER, "第一次的密码2026")
        service.add_account(admin, NEW_USER, "赵新人", AccountRole.MEDIATOR, FIRST_PASSWORD)
        service.change_password(service.login(VIEWER, "第一次的密码2026"), "第一次的密码2026", VIEWER_PASSWORD)
        assert viewer.role is AccountRole.VIEWER
    finally:
        db.close()


@pytest.fixture
def folder(fill_demo, data_paths):
    fill_demo(40, 3)
    _accounts(data_paths)
    return data_paths


@pytest.fixture
def no_password(monkeypatch):
    monkeypatch.delenv("XINYE_PASSWORD", raising=False)


def _read(paths, sql: str, *args):
    conn = sqlite3.connect(f"{paths.database.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def content(paths) -> str:
    """A digest of every row of every table and of every file in the folder but SQLite's -wal/-shm."""
    digest = hashlib.sha256()
    for (table,) in _read(paths, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        for row in sorted(repr(row) for row in _read(paths, f'SELECT * FROM "{table}"')):
            digest.update(f"{table}{row}".encode())
    for path in sorted(paths.root.rglob("*")):
        if path.is_file() and not path.name.endswith(("-wal", "-shm")) and path != paths.database:
            digest.update(str(path.relative_to(paths.root)).encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def audit_kinds(paths) -> list[tuple[str, str]]:
    return _read(paths, "SELECT kind, actor FROM audit_log ORDER BY id")


def failed_logins(paths, username: str) -> int:
    return _read(paths, "SELECT failed_logins FROM accounts WHERE username = ?", username)[0][0]


def guarded(paths, tmp_path) -> dict[str, list[str]]:
    case, code, _pdf = agreement_in_force(paths)
    backup = tmp_path / "备份" / "之前的备份.zip"
    return {
        "agreement": ["agreement", case, "--out", str(tmp_path / "协议书.pdf")],
        "verify": ["verify", code],
        "statistics --out": ["statistics", "2026", "--out", str(tmp_path / "季报.xlsx")],
        "backup": ["backup"],
        "backup --to": ["backup", "--to", str(tmp_path / "U盘备份.zip")],
        "restore": ["restore", str(backup)],
        "demo --append": ["demo", "--cases", "2", "--append"],
        "accounts list": ["accounts", "list"],
    }


GUARDED = ["agreement", "verify", "statistics --out", "backup", "backup --to", "restore", "demo --append",
           "accounts list"]


@pytest.fixture
def commands(folder, tmp_path, monkeypatch):
    """The guarded commands, with a backup of the folder (made as the administrator) to restore."""
    (tmp_path / "备份").mkdir()
    monkeypatch.setenv("XINYE_PASSWORD", ADMIN_PASSWORD)
    assert main(["backup", "--to", str(tmp_path / "备份" / "之前的备份.zip"), "--data-dir", str(folder.root),
                 "--user", ADMIN]) == 0
    monkeypatch.delenv("XINYE_PASSWORD")
    return guarded(folder, tmp_path)


@pytest.mark.parametrize("name", GUARDED)
def test_a_guarded_command_is_refused_without_a_user(name, commands, folder, tmp_path, capsys, no_password):
    before, out_before = content(folder), sorted(p.name for p in tmp_path.iterdir())
    capsys.readouterr()
    assert main([*commands[name], "--data-dir", str(folder.root)]) == 3
    err = capsys.readouterr().err
    assert "--user" in err and "XINYE_PASSWORD" in err and CHINESE.search(err) and "Traceback" not in err, err
    assert content(folder) == before, "nothing changed, not even an audit row"
    assert sorted(p.name for p in tmp_path.iterdir()) == out_before, "no file written"


@pytest.mark.parametrize("name", GUARDED)
def test_a_guarded_command_runs_as_the_account_of_xinye_password(name, commands, folder, monkeypatch, capsys):
    monkeypatch.setenv("XINYE_PASSWORD", ADMIN_PASSWORD)
    rows = len(audit_kinds(folder))
    assert main([*commands[name], "--data-dir", str(folder.root), "--user", ADMIN]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.strip()
    if name == "accounts list":
        assert ADMIN in out and VIEWER in out and "查阅" in out and "待设密码" in out
    trail = audit_kinds(folder)
    if name != "restore":  # a restore puts back the backup's trail, its own row on top
        assert ("login", "王保国") in trail[rows:]
    if name not in ("accounts list", "demo --append"):  # the demo signs its rows with its own people
        assert trail[-1][1] == "王保国", trail[-3:]


def test_a_wrong_password_is_refused_counted_and_audited_and_the_lockout_applies(commands, folder, monkeypatch,
                                                                                 capsys):
    argv = [*commands["agreement"], "--data-dir", str(folder.root), "--user", ADMIN]
    monkeypatch.setenv("XINYE_PASSWORD", "不是这个密码")
    for attempt in (1, 2, 3):
        before = content(folder)
        assert main(argv) == 3
        err = capsys.readouterr().err
        assert "没有登录" in err and "命令没有执行" in err, err
        assert failed_logins(folder, ADMIN) == attempt
        assert audit_kinds(folder)[-1] == ("login_failed", "王保国")
        assert content(folder) != before  # the failure itself is recorded
    assert not Path(commands["agreement"][3]).exists()
    # The third wrong password in a row makes the account wait: now even the right one is not tried.
    monkeypatch.setenv("XINYE_PASSWORD", ADMIN_PASSWORD)
    assert main(argv) == 3
    err = capsys.readouterr().err
    assert "没有登录" in err and "秒" in err, err
    assert not Path(commands["agreement"][3]).exists()
    assert audit_kinds(folder)[-1] == ("login_failed", "王保国")


def test_the_password_is_asked_without_echo_at_a_terminal(commands, folder, monkeypatch, capsys, no_password):
    import getpass

    asked = []

    def typed(prompt="Password: ", stream=None):
        asked.append(prompt)
        return ADMIN_PASSWORD

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", typed)
    assert main([*commands["verify"], "--data-dir", str(folder.root), "--user", ADMIN]) == 0
    assert asked == [f"{ADMIN} 的密码："]
    assert "核验码" in capsys.readouterr().out

    monkeypatch.setattr(getpass, "getpass", lambda *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    before = content(folder)
    assert main([*commands["verify"], "--data-dir", str(folder.root), "--user", ADMIN]) == 3
    assert "没有输入密码" in capsys.readouterr().err
    assert content(folder) == before


def test_a_script_may_pipe_the_password_and_nothing_reaches_the_terminal_unseen(commands, folder):
    env = {k: v for k, v in os.environ.items() if k != "XINYE_PASSWORD"}

    def run(*argv, given: str):
        return subprocess.run([sys.executable, "-m", "xinye_desktop", *argv, "--data-dir", str(folder.root)],
                              input=given, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)

    done = run(*commands["accounts list"], "--user", ADMIN, given=ADMIN_PASSWORD + "\n")
    assert done.returncode == 0 and ADMIN in done.stdout and done.stderr == "", done.stderr
    assert ADMIN_PASSWORD not in done.stdout + done.stderr
    done = run(*commands["accounts list"], "--user", ADMIN, given="")
    assert done.returncode == 3 and "没有输入密码" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("user, password, words", [
    pytest.param("admin' OR '1'='1", ADMIN_PASSWORD, ["用户名只能由"], id="SQL-like user name"),
    pytest.param("a';DROP TABLE x;--", ADMIN_PASSWORD, ["用户名只能由"], id="SQL statement as user name"),
    pytest.param("王" * 10_000, ADMIN_PASSWORD, ["用户名太长", "10000"], id="10,000-character user name"),
    pytest.param(ADMIN, "", ["请填写密码"], id="empty password"),
    pytest.param(ADMIN, "密" * 10_000, ["密码太长", "10000"], id="10,000-character password"),
])
def test_input_that_cannot_be_a_login_is_said_plainly_and_changes_nothing(user, password, words, commands, folder,
                                                                          tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XINYE_PASSWORD", password)
    before = content(folder)
    for name in ("agreement", "backup", "accounts list"):
        assert main([*commands[name], "--data-dir", str(folder.root), "--user", user]) == 3
        err = capsys.readouterr().err
        assert err.startswith("没有登录：") and all(w in err for w in words), err
        assert "Traceback" not in err and len(err) < 200, err
    assert content(folder) == before, "not counted, not audited: nothing was tried"
    assert failed_logins(folder, ADMIN) == 0
    assert not (tmp_path / "协议书.pdf").exists()


def test_an_account_still_on_its_first_password_and_a_role_that_may_not_are_refused(commands, folder, tmp_path,
                                                                                  monkeypatch, capsys):
    monkeypatch.setenv("XINYE_PASSWORD", FIRST_PASSWORD)
    assert main([*commands["agreement"], "--data-dir", str(folder.root), "--user", NEW_USER]) == 3
    assert "初始密码" in capsys.readouterr().err
    monkeypatch.setenv("XINYE_PASSWORD", VIEWER_PASSWORD)
    for name, words in (("agreement", ["“查阅”账号不能打印文书"]), ("accounts list", ["“查阅”账号不能管理账号"]),
                        ("demo --append", ["“查阅”账号不能登记和修改案件"])):
        before = len(_read(folder, "SELECT id FROM cases"))
        assert main([*commands[name], "--data-dir", str(folder.root), "--user", VIEWER]) == 3, name
        err = capsys.readouterr().err
        assert all(w in err for w in words) and "。。" not in err, err
        assert len(_read(folder, "SELECT id FROM cases")) == before
    assert not (tmp_path / "协议书.pdf").exists()
    # 查阅 reads: verify needs a login, and a 查阅 account's will do.
    assert main([*commands["verify"], "--data-dir", str(folder.root), "--user", VIEWER]) == 0


def test_figures_and_checks_run_without_a_login_and_show_no_id_number_or_phone(folder, capsys, no_password):
    for argv in (["check"], ["statistics", "2026"], ["statistics", "2025Q3"], ["audit", "verify"]):
        before = content(folder)
        code = main([*argv, "--data-dir", str(folder.root)])
        out = capsys.readouterr()
        assert code == 0, (argv, out.err)
        assert not ID_NUMBER.search(out.out + out.err) and not PHONE.search(out.out + out.err), out.out
        if argv != ["check"]:
            assert content(folder) == before, argv


def test_before_a_login_nobody_acts_and_every_service_refuses(folder):
    from xinye_desktop.domain.errors import Refused
    from xinye_desktop.services.data_folder import open_for_reading, refuse_until_login
    from xinye_desktop.services.settings import SettingsService

    db = open_for_reading(folder)
    try:
        assert refuse_until_login(db)
        settings = SettingsService(db)
        with pytest.raises(Refused, match="请先登录"):
            settings.save(settings.load())
        AccountService(db).login(ADMIN, ADMIN_PASSWORD)
        settings.save(settings.load())
    finally:
        db.close()


def test_a_folder_without_accounts_works_as_before(fill_demo, data_paths, tmp_path, capsys, no_password):
    from xinye_desktop.services.data_folder import open_for_reading, refuse_until_login

    fill_demo(40, 3)
    db = open_for_reading(data_paths)
    try:
        if not AccountService(db).needs_setup():
            pytest.skip("the demo makes accounts")
        assert not refuse_until_login(db)
    finally:
        db.close()
    case, code, _pdf = agreement_in_force(data_paths)
    assert main(["verify", code, "--data-dir", str(data_paths.root)]) == 0
    assert main(["agreement", case, "--out", str(tmp_path / "a.pdf"), "--data-dir", str(data_paths.root)]) == 0
    assert main(["accounts", "list", "--data-dir", str(data_paths.root)]) == 0
    assert "还没有账号" in capsys.readouterr().out


def test_demo_over_real_cases_is_refused_before_a_login_is_asked(folder, capsys, no_password):
    before = content(folder)
    assert main(["demo", "--cases", "3", "--data-dir", str(folder.root)]) == 3
    err = capsys.readouterr().err
    assert "已经有案件" in err and "--append" in err and "--user" not in err, err
    assert content(folder) == before


def test_demo_into_a_new_folder_needs_no_login_and_prints_the_accounts_it_made(tmp_path, capsys, monkeypatch,
                                                                           no_password):
    from xinye_desktop.demo.crew import ADMIN as DEMO_ADMIN, VIEWER as DEMO_VIEWER

    new = tmp_path / "新的"
    assert main(["demo", "--cases", "3", "--data-dir", str(new)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    for account in (DEMO_ADMIN, DEMO_VIEWER):
        assert f"{account.username} / {account.password}" in out, out
    assert "恢复密钥" in out
    assert main(["accounts", "list", "--data-dir", str(new)]) == 3  # the folder has accounts now
    capsys.readouterr()
    monkeypatch.setenv("XINYE_PASSWORD", DEMO_ADMIN.password)
    assert main(["accounts", "list", "--data-dir", str(new), "--user", DEMO_ADMIN.username]) == 0
    assert DEMO_VIEWER.username in capsys.readouterr().out


def test_a_read_only_copy_logs_in_without_writing_and_counts_nothing(folder):
    """A folder that cannot be written (the reading commands work there): the login checks as usual,
    writes nothing, and a wrong password there is refused but cannot be counted."""
    from xinye_desktop.storage.database import Database

    before = content(folder)
    db = Database(folder.database, read_only=True)
    try:
        service = AccountService(db, cost=CHEAP)
        with pytest.raises(LoginRefused):
            service.login(ADMIN, "不是这个密码")
        session = service.login(ADMIN, ADMIN_PASSWORD)
        assert session.username == ADMIN and session.data_key and db.sealer is not None
    finally:
        db.close()
    assert content(folder) == before
    assert failed_logins(folder, ADMIN) == 0
