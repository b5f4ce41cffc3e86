"""The hub on PostgreSQL from the command line and the window (issue 16 item 5): ``--database URL`` for the hub's
commands and ``--hub``; hub-setup making the first administrator there; the refusals (a server that cannot be
reached or logged into, a database that is not there, a URL that is not PostgreSQL's, a village command or the
village's window given --database), each with nothing made. On the throwaway cluster of tests/postgres.py,
skipped with the reason where it cannot start."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import committee_copy
from tests.test_hub_import import ADMIN, CHEAP, PASSWORD, WANG
from xinye_desktop.__main__ import main
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.hub.setup import HUB_PRIVATE_SETTING
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase
from xinye_desktop.storage.sealing import is_sealed

ROOT = Path(__file__).resolve().parents[1]
CLERK, CLERK_NAME, CLERK_PASSWORD = "zhangsf", "张司法", "司法所2026汇总"
SETUP = ["hub-setup", "--mode", "司法所", "--area", "新野县王庄镇"]


@pytest.fixture(scope="module")
def village(demo_template, tmp_path_factory) -> Path:
    """One village's data folder (a copy of the session's demo as 王庄村's committee, its administrator set up)."""
    root = tmp_path_factory.mktemp("village") / "data"
    committee_copy(demo_template().root, root, WANG)
    db = Database(root / "xinye.sqlite3")
    AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
    db.close()
    return root


def _set_up(url: str, hub_root: Path, monkeypatch, capsys) -> str:
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    assert main(SETUP + ["--database", url, "--data-dir", str(hub_root), "--user", CLERK,
                         "--admin-name", CLERK_NAME]) == 0
    return capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.postgres
def test_a_hub_is_set_up_on_postgresql_with_its_first_administrator_imports_a_package_and_reads_it_back(
        postgres_url, village, tmp_path, monkeypatch, capsys):
    hub_root = tmp_path / "hub"
    # A new database without an administrator: refused, and nothing made (not even the schema).
    monkeypatch.delenv("XINYE_PASSWORD", raising=False)
    assert main(SETUP + ["--database", postgres_url, "--data-dir", str(hub_root)]) == 2
    assert "--admin-name" in capsys.readouterr().err
    probe = HubDatabase(postgres_url)
    assert probe.probe() is None
    probe.close()
    assert not hub_root.exists()

    out = _set_up(postgres_url, hub_root, monkeypatch, capsys)
    assert f"第一个管理员已设置：{CLERK}（{CLERK_NAME}）" in out and "恢复密钥" in out
    assert "这个数据库已设为新野县王庄镇司法所" in out
    assert (hub_root / "hub-key.txt").is_file()
    assert not (hub_root / "xinye.sqlite3").exists()  # the data is on the server, the folder keeps the files
    db = HubDatabase(postgres_url)
    try:
        settings = db.read_settings()
        assert is_sealed(settings[HUB_PRIVATE_SETTING])  # sealed with the administrator's data key from the start
        with db.engine.connect() as conn:
            from sqlalchemy import text

            kinds = [row[0] for row in conn.execute(text("SELECT kind FROM audit_log ORDER BY id"))]
    finally:
        db.close()
    assert kinds[:2] == ["account_created", "login"] and "settings" in kinds

    # A second set-up: the accounts are there, so the administrator logs in, and the hub is set up already.
    assert main(SETUP + ["--database", postgres_url, "--data-dir", str(hub_root), "--user", CLERK,
                         "--admin-name", CLERK_NAME]) == 3
    assert "已经有账号" in capsys.readouterr().err
    assert main(SETUP + ["--database", postgres_url, "--data-dir", str(hub_root), "--user", CLERK]) == 3
    assert "已经设为司法所" in capsys.readouterr().err

    # The village encrypts to the key in hub-key.txt; the hub imports its package into the server's database.
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["export-package", "--to", str(usb), "--month", "2026-03", "--hub-key", str(hub_root / "hub-key.txt"),
                 "--data-dir", str(village), "--user", ADMIN]) == 0
    [package] = usb.iterdir()
    capsys.readouterr()
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    hub_args = ["--database", postgres_url, "--data-dir", str(hub_root)]
    assert main(["import-package", str(package), *hub_args]) == 3  # accounts: a login first
    assert "这个数据库设有账号" in capsys.readouterr().err
    assert main(["import-package", str(package), *hub_args, "--user", CLERK]) == 0
    assert "王庄村" in capsys.readouterr().out
    # The documents are in the server's database (every clerk's PC reads them), none on this PC's disk.
    assert not (hub_root / "hub-documents").exists()
    assert not (hub_root / "xinye.sqlite3").exists()

    assert main(["hub-status", "--month", "2026-03", *hub_args, "--user", CLERK]) == 0
    status = capsys.readouterr().out
    assert "已报送 1 个调委会" in status and "新野县王庄镇司法所" in status
    assert main(["hub-statistics", "--month", "2026-03", *hub_args, "--user", CLERK]) == 0
    assert "受理" in capsys.readouterr().out

    # The window on it: logged in as the administrator, every tab loaded from the server.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XINYE_USER": CLERK, "XINYE_PASSWORD": CLERK_PASSWORD}
    done = subprocess.run([sys.executable, "-m", "xinye_desktop", "--hub", "--database", postgres_url,
                           "--data-dir", str(hub_root), "--smoke-test"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "smoke test ok: hub window (新野县王庄镇司法所)" in done.stdout and "1 committees" in done.stdout
    assert f"logged in as {CLERK}" in done.stdout
    assert not (hub_root / "xinye.sqlite3").exists()


@pytest.mark.slow
@pytest.mark.postgres
def test_the_first_administrator_s_password_is_asked_twice_and_checked_before_anything_is_made(
        postgres_url, tmp_path):
    hub_root = tmp_path / "hub"
    env = {k: v for k, v in os.environ.items() if k != "XINYE_PASSWORD"}

    def setup(given: str):
        return subprocess.run([sys.executable, "-m", "xinye_desktop", *SETUP, "--database", postgres_url,
                               "--data-dir", str(hub_root), "--user", CLERK, "--admin-name", CLERK_NAME],
                              input=given, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)

    for given, said in ((f"{CLERK_PASSWORD}\n不一样的密码2026\n", "两次输入的密码不一样"),
                        ("123\n123\n", "没有设置管理员"), ("", "没有输入密码")):
        done = setup(given)
        assert done.returncode == 2 and said in done.stderr, done.stderr
        probe = HubDatabase(postgres_url)
        assert probe.probe() is None  # nothing made on the server
        probe.close()
        assert not hub_root.exists()
    done = setup(f"{CLERK_PASSWORD}\n{CLERK_PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert "恢复密钥" in done.stdout and CLERK_PASSWORD not in done.stdout + done.stderr


@pytest.mark.postgres
def test_a_server_that_refuses_is_named_without_the_password_and_nothing_is_made(
        postgres_url, tmp_path, capsys, monkeypatch):
    hub_root = tmp_path / "hub"
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    secret = "Geheim-2026-pw"
    base, _, query = postgres_url.partition("?")
    refusals = (
        # a password given to a role the server does not have
        (base.replace("xinye@", f"nobody:{secret}@") + "?" + query, "没有用户 nobody"),
        # a server that is not there (nothing listens on port 1)
        (f"postgresql://xinye:{secret}@127.0.0.1:1/xinye_hub", "连不上 PostgreSQL 服务器 127.0.0.1"),
        # a database that is not on the server
        (base.rsplit("/", 1)[0] + "/no_such_db?" + query, "没有数据库 no_such_db"),
    )
    for url, said in refusals:
        for argv in (SETUP + ["--user", CLERK, "--admin-name", CLERK_NAME], ["hub-status", "--month", "2026-03"]):
            assert main(argv + ["--database", url, "--data-dir", str(hub_root)]) == 2
            err = capsys.readouterr().err
            assert said in err and "什么都没有做" in err, err
            assert secret not in err
    assert not hub_root.exists()

    for url in ("mysql://xinye@localhost/xinye_hub", str(tmp_path / "xinye.sqlite3")):
        assert main(["hub-status", "--month", "2026-03", "--database", url, "--data-dir", str(hub_root)]) == 2
        assert "不是 PostgreSQL 数据库的网址" in capsys.readouterr().err
    # A database the app has not set up yet is named, with the command that does it.
    assert main(["import-package", str(tmp_path), "--database", postgres_url, "--data-dir", str(hub_root),
                 "--user", CLERK]) == 2
    assert "hub-setup --database" in capsys.readouterr().err
    assert not hub_root.exists()


@pytest.mark.postgres
def test_database_is_refused_outside_the_hub_s_commands_and_window(postgres_url, tmp_path, capsys):
    folder = tmp_path / "village"
    given = ["--database", postgres_url, "--data-dir", str(folder)]
    for argv in (["statistics", "2026-03"], ["demo", "--cases", "1"], ["export-package", "--to", str(tmp_path)],
                 ["check"], ["audit", "verify"], ["accounts", "list"], ["import-return", str(tmp_path / "x.xdr")]):
        assert main(argv + given) == 2, argv
        err = capsys.readouterr().err
        assert "--database 只用于汇总端" in err and argv[0] in err, err
    for argv in (["backup"], ["restore", str(tmp_path / "backup.zip")]):
        assert main(argv + given) == 2
        assert "pg_dump" in capsys.readouterr().err
    assert main(given) == 2  # the village's window
    assert "--database 要和 --hub 一起用" in capsys.readouterr().err
    assert not folder.exists()
    probe = HubDatabase(postgres_url)
    assert probe.probe() is None
    probe.close()


def test_the_hub_window_on_a_server_that_refuses_says_why_and_exits_2(tmp_path):
    folder = tmp_path / "hub"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "xinye_desktop", "--hub", "--database",
                           "postgresql://xinye:Geheim-2026-pw@127.0.0.1:1/xinye_hub", "--data-dir", str(folder),
                           "--smoke-test"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "连不上 PostgreSQL 服务器 127.0.0.1" in done.stderr and "Geheim-2026-pw" not in done.stderr
    assert not folder.exists()


def test_hub_setup_makes_the_first_administrator_of_a_new_sqlite_hub_too(tmp_path, monkeypatch, capsys):
    hub_root = tmp_path / "hub"
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    assert main(SETUP + ["--data-dir", str(hub_root), "--admin-name", CLERK_NAME]) == 2  # whose user name?
    assert "--user" in capsys.readouterr().err and not hub_root.exists()
    assert main(SETUP + ["--data-dir", str(hub_root), "--user", CLERK, "--admin-name", ""]) == 2
    assert "没有设置管理员" in capsys.readouterr().err and not hub_root.exists()
    assert main(["hub-setup", "--mode", "司法所", "--area", "新野县", "--data-dir", str(hub_root), "--user", CLERK,
                 "--admin-name", CLERK_NAME]) == 2  # not a township: said before any account is made
    assert "不是乡镇" in capsys.readouterr().err and not hub_root.exists()
    assert main(SETUP + ["--data-dir", str(hub_root), "--user", CLERK, "--admin-name", CLERK_NAME]) == 0
    assert "恢复密钥" in capsys.readouterr().out
    db = Database(hub_root / "xinye.sqlite3")
    try:
        assert is_sealed(db.read_settings()[HUB_PRIVATE_SETTING])
        assert [a.username for a in AccountService(db).list_accounts(AccountService(db).login(CLERK, CLERK_PASSWORD))] \
            == [CLERK]
    finally:
        db.close()
    monkeypatch.delenv("XINYE_PASSWORD")
    assert main(["hub-status", "--month", "2026-03", "--data-dir", str(hub_root)]) == 3
    assert "这个数据文件夹设有账号" in capsys.readouterr().err


@pytest.mark.postgres
def test_a_wrong_password_in_the_url_is_named_without_it(postgres_cluster, postgres_url, tmp_path, capsys):
    """A role that logs in with a password (scram-sha-256; the cluster's other roles are trusted): the wrong
    one is refused in plain Chinese, neither password shown, nothing made."""
    import psycopg

    role, right, wrong = "xinye_pw", "Richtig-2026-pw", "Falsch-2026-pw"
    hba = postgres_cluster.data / "pg_hba.conf"
    rules = hba.read_text()
    if role not in rules:
        hba.write_text(f"local all {role} scram-sha-256\n" + rules)
    with psycopg.connect(host=str(postgres_cluster.root), user="xinye_admin", dbname="postgres",
                         autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is None:
            conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{right}'")
        conn.execute("SELECT pg_reload_conf()")
    deadline = time.monotonic() + 10  # the server reloads its rules a moment after it was told to
    while time.monotonic() < deadline:
        try:
            psycopg.connect(host=str(postgres_cluster.root), user=role, password=wrong, dbname="postgres").close()
        except psycopg.OperationalError:
            break
        time.sleep(0.05)
    base, _, query = postgres_url.partition("?")
    hub_root = tmp_path / "hub"
    for password, said in ((wrong, f"PostgreSQL 服务器拒绝了用户 {role} 的登录：密码不对"),
                           (right, "里还没有三理室调解台的数据")):  # the right one gets in: an empty database
        url = base.replace("xinye@", f"{role}:{password}@") + "?" + query
        assert main(["hub-status", "--month", "2026-03", "--database", url, "--data-dir", str(hub_root)]) == 2
        err = capsys.readouterr().err
        assert said in err and wrong not in err and right not in err, err
    assert not hub_root.exists()
