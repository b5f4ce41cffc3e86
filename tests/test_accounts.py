"""User accounts (issue 15): the role table headless, the rules for user names and passwords, login with
slow-down and lock-out (an injected clock, no sleeping), each account call as each role, passwords reset
and recovered with the recovery key, and an old folder's operator becoming the first administrator."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from tests.helpers import new_database, valid_case_input
from xinye_desktop.domain.accounts import (
    DEFAULT_IDLE_LOCK_MINUTES, DEFAULT_LOCKOUT, PERMISSIONS, AccountRole, NotPermitted, Permission, Reach,
    check_idle_lock_minutes, check_new_password, check_password_input, check_username, may,
    new_recovery_key, normalise_recovery_key, username_from_name,
)
from xinye_desktop.domain.audit import AuditKind
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.roles import PersonInput, Role, check_person
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import RECOVERY_SETTING, AccountService, LoginRefused, authorised
from xinye_desktop.services.audit import AuditService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.storage import migrate
from xinye_desktop.storage.database import HEAD_REVISION, Database

# Tests run the real argon2id, at a cost that takes milliseconds; one test checks the production cost.
CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN_PASSWORD = "村委会2026调解"
# Each within the 20 characters a user name may have, so that it is refused for what it holds.
SQL_LIKE = ("admin' OR '1'='1", "x';DROP TABLE t;--", 'a" OR 1=1 --', "王保国;DELETE FROM x")


class Clock:
    def __init__(self):
        self.now = dt.datetime(2026, 12, 1, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(db, clock):
    return AccountService(db, clock=clock, cost=CHEAP)


@pytest.fixture
def admin(accounts):
    return accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)


def _rows(db, sql: str, *args):
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def _audit_count(db) -> int:
    return _rows(db, "SELECT count(*) FROM audit_log")[0][0]


def _accounts_table(db):
    return _rows(db, "SELECT * FROM accounts ORDER BY id")


def _kinds(db) -> list[str]:
    return [k for (k,) in _rows(db, "SELECT kind FROM audit_log ORDER BY id")]


def _with_role(accounts, admin_session, role: AccountRole, tag: str):
    """A logged-in session of a new account of ``role`` (its first password changed, as the UI makes it)."""
    made = accounts.add_account(admin_session, f"user{tag}", "李桂兰" if role is AccountRole.RECORDER else "刘振华",
                                role, "临时密码0001")
    session = accounts.login(made.username, "临时密码0001")
    return accounts.change_password(session, "临时密码0001", "自己设的密码00" + tag)


# ---------------------------------------------------------------- the role table, headless

def test_the_four_roles_have_chinese_labels():
    assert [r.label for r in AccountRole] == ["管理员", "调解员", "记录人", "查阅"]
    assert all(p.label for p in Permission)


def test_the_administrator_may_do_everything_and_alone_manages_accounts_settings_restore_and_the_trail():
    assert all(may(AccountRole.ADMIN, p) for p in Permission)
    for role in (AccountRole.MEDIATOR, AccountRole.RECORDER, AccountRole.VIEWER):
        for permission in (Permission.MANAGE_ACCOUNTS, Permission.EDIT_SETTINGS, Permission.RESTORE,
                           Permission.VIEW_AUDIT):
            assert not may(role, permission), (role, permission)


def test_the_mediator_works_cases_sittings_and_agreements():
    for permission in (Permission.EDIT_CASES, Permission.RUN_SITTINGS, Permission.EDIT_AGREEMENTS,
                       Permission.EDIT_RECORDS, Permission.EDIT_AFTERCARE, Permission.PRINT, Permission.UNMASK):
        assert may(AccountRole.MEDIATOR, permission), permission


def test_the_recorder_writes_records_only_of_the_cases_they_are_on_and_changes_no_settings():
    assert may(AccountRole.RECORDER, Permission.VIEW_CASES)
    assert not may(AccountRole.RECORDER, Permission.EDIT_RECORDS)  # no case named: no
    assert not may(AccountRole.RECORDER, Permission.EDIT_RECORDS, on_own_case=False)
    assert may(AccountRole.RECORDER, Permission.EDIT_RECORDS, on_own_case=True)
    assert may(AccountRole.RECORDER, Permission.PRINT, on_own_case=True)
    for permission in (Permission.EDIT_CASES, Permission.EDIT_AGREEMENTS, Permission.EDIT_SETTINGS,
                       Permission.UNMASK, Permission.EXPORT):
        assert not may(AccountRole.RECORDER, permission, on_own_case=True), permission


def test_the_viewer_only_reads():
    allowed = {p for p in Permission if may(AccountRole.VIEWER, p, on_own_case=True)}
    assert allowed == {Permission.VIEW_CASES}


def test_the_table_names_every_role_and_reaches_own_cases_only_for_the_recorder():
    assert set(PERMISSIONS) == set(AccountRole)
    own = {(role, p) for role, table in PERMISSIONS.items() for p, r in table.items() if r is Reach.OWN_CASES}
    assert own == {(AccountRole.RECORDER, Permission.EDIT_RECORDS), (AccountRole.RECORDER, Permission.PRINT)}


def test_a_refusal_names_the_role_and_the_action_in_chinese():
    with pytest.raises(NotPermitted) as refused:
        authorised_like(AccountRole.VIEWER, Permission.EDIT_CASES)
    assert refused.value.text().startswith("“查阅”账号不能登记和修改案件。")


def authorised_like(role, permission):
    from xinye_desktop.domain.accounts import require

    require(role, permission)


# ---------------------------------------------------------------- user names and passwords

@pytest.mark.parametrize("name", SQL_LIKE)
def test_sql_like_user_names_are_refused_with_a_clear_message(name):
    stored, problem = check_username(name)
    assert stored == "" and problem.text() == "用户名只能由汉字、字母、数字和 _ . - · 组成，不能有空格、引号或其他符号"


def test_a_ten_thousand_character_user_name_is_refused_by_its_length():
    stored, problem = check_username("王" * 10_000)
    assert stored == "" and problem.text() == "用户名太长：最多20个字，现在10000个字"


def test_user_names_compare_case_and_width_blind():
    assert check_username(" ＷａｎｇBG ")[0] == check_username("wangbg")[0] == "wangbg"
    assert check_username("买买提·艾力")[0] == "买买提·艾力"
    assert check_username("")[1].text() == "请填写用户名"
    assert check_username("王")[1].text() == "用户名至少要2个字"
    assert username_from_name("买买提 · 艾力") == "买买提·艾力"


@pytest.mark.parametrize("password, message", [
    ("", "请填写密码"),
    ("x" * 10_000, "密码太长：最多128个字符，现在10000个字符"),
    ("abc123", "密码太短：至少要8个字符，现在6个字符"),
    ("wangbg01", None),
    ("11111111", "密码不能是同一个字符重复"),
    ("密码\x00里有控制字符啊", "密码里有无法输入的控制字符，请重新输入"),
])
def test_password_rules(password, message):
    problem = check_new_password(password, "wangbg")
    assert (problem.text() if problem else None) == message


def test_a_password_may_not_be_the_user_name():
    assert check_new_password("WangBaoGuo", "wangbaoguo").text() == "密码不能和用户名相同"


def test_a_login_password_is_only_checked_for_empty_and_absurdly_long():
    assert check_password_input("short") is None
    assert check_password_input("").text() == "请填写密码"
    assert check_password_input("y" * 10_000).text().startswith("密码太长")


def test_the_idle_lock_defaults_to_15_minutes_and_takes_1_to_240():
    assert DEFAULT_IDLE_LOCK_MINUTES == 15
    assert check_idle_lock_minutes("30") == (30, None)
    for bad in ("0", "241", "abc", "", "-5", "1" * 10_000):
        assert check_idle_lock_minutes(bad)[1].text() == "自动锁定时间请填1到240之间的分钟数"


def test_the_recovery_key_is_24_unambiguous_characters_in_groups_and_reads_back_from_paper():
    key = new_recovery_key()
    assert len(key) == 29 and key.count("-") == 5
    assert not set(key.replace("-", "")) & set("ILOU")
    assert normalise_recovery_key(key.lower().replace("-", " ")) == key
    assert normalise_recovery_key("0123-4567-89AB-CDEF-GHJK-MNPQ".replace("0", "O").replace("1", "l")) == \
        "0123-4567-89AB-CDEF-GHJK-MNPQ"
    assert normalise_recovery_key("too short") is None
    assert normalise_recovery_key("A" * 10_000) is None


def test_the_lockout_policy_waits_after_the_third_wrong_password_and_locks_after_the_fifth():
    at = dt.datetime(2026, 12, 1, 9, 0)
    policy = DEFAULT_LOCKOUT
    assert policy.blocked_until(1, at) is None and policy.blocked_until(2, at) is None
    assert policy.blocked_until(3, at) == at + dt.timedelta(seconds=30)
    assert policy.blocked_until(4, at) == at + dt.timedelta(seconds=60)
    assert policy.blocked_until(5, at) == at + dt.timedelta(minutes=15)
    assert policy.blocked_until(9, at) == at + dt.timedelta(minutes=15)


# ---------------------------------------------------------------- first start

def test_the_first_start_creates_the_administrator_and_a_recovery_key_once(db, accounts):
    assert accounts.needs_setup()
    setup = accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)
    assert normalise_recovery_key(setup.recovery_key) == setup.recovery_key
    assert setup.session.role is AccountRole.ADMIN and len(setup.session.data_key) == 32
    assert not accounts.needs_setup()
    row = _rows(db, "SELECT username, password_hash, wrapped_key FROM accounts")[0]
    assert row[0] == "wangbg" and row[1].startswith("$argon2id$")
    # Neither the password, the data key nor the recovery key is stored in clear.
    dump = "\n".join(map(str, _rows(db, "SELECT * FROM accounts") + _rows(db, "SELECT * FROM settings")))
    assert ADMIN_PASSWORD not in dump and setup.recovery_key not in dump
    assert setup.session.data_key.hex() not in dump
    assert _kinds(db) == ["account_created", "login"]
    with pytest.raises(Refused, match="已经有账号了"):
        accounts.create_first_admin("other", "刘振华", "另一个密码123")


def test_the_first_administrator_is_checked_like_any_account(accounts, db):
    with pytest.raises(ValidationFailed) as failed:
        accounts.create_first_admin("x'; DROP TABLE accounts; --", "", "短")
    assert {e.field for e in failed.value.errors} == {"username", "display_name", "password"}
    assert accounts.needs_setup() and _audit_count(db) == 0


def test_the_production_cost_is_the_measured_argon2id_setting():
    stored = keys.hash_password("村委会2026调解")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    assert keys.verify_password(stored, "村委会2026调解") and not keys.verify_password(stored, "村委会2026调节")
    assert keys.PASSWORD_KDF == "argon2id m=64 MiB, t=3, p=1"


def test_a_cheaper_stored_hash_is_raised_to_the_services_cost_at_login(db, clock):
    AccountService(db, clock=clock, cost=CHEAP).create_first_admin("wangbg", "王保国", ADMIN_PASSWORD)
    stronger = keys.KdfCost(memory_kib=2048, time_cost=2)
    AccountService(db, clock=clock, cost=stronger).login("wangbg", ADMIN_PASSWORD)
    assert _rows(db, "SELECT password_hash FROM accounts")[0][0].startswith("$argon2id$v=19$m=2048,t=2,p=1$")


def test_scrypt_hashes_verify_too():
    stored = keys.scrypt_hash("村委会2026调解", log_n=12)
    assert keys.verify_password(stored, "村委会2026调解") and not keys.verify_password(stored, "x")
    assert not keys.verify_password("$scrypt$ln=99,r=8,p=1$AA$AA", "x")


# ---------------------------------------------------------------- login, slow-down, lock-out

def test_login_makes_the_account_the_actor_of_every_service_and_logout_takes_it_away(db, accounts, admin):
    accounts.logout(admin.session)
    db.use_actor_source(None)
    session = accounts.login("WangBG", ADMIN_PASSWORD)
    assert session.data_key == admin.session.data_key
    intake = IntakeService(db)
    case = intake.register(valid_case_input())
    assert [e.operator for e in intake.history(case.id)] == ["王保国"]
    row = AuditService(db).record(AuditKind.PRINT, case.id, {"document": "受理登记表"})
    assert (row.actor, row.account_id) == ("王保国", session.account_id)
    accounts.logout()
    assert accounts.current is None and db.current_actor() == ""  # no operator setting
    assert _kinds(db)[-2:] == ["print", "logout"]


def test_wrong_passwords_slow_down_then_lock_and_the_right_one_is_not_even_tried_meanwhile(db, accounts, admin, clock):
    for attempt in (1, 2):
        with pytest.raises(LoginRefused) as refused:
            accounts.login("wangbg", "错的密码错的")
        assert refused.value.reason == "wrong" and refused.value.text() == "用户名或密码不对，请重新输入。"
    with pytest.raises(LoginRefused) as refused:  # the third: a wait of 30 s starts
        accounts.login("wangbg", "错的密码错的")
    assert refused.value.reason == "blocked" and refused.value.text() == "密码已连续输错3次，请等30秒再试。"
    clock.advance(seconds=10)
    with pytest.raises(LoginRefused) as refused:  # even the right password waits
        accounts.login("wangbg", ADMIN_PASSWORD)
    assert refused.value.text() == "密码已连续输错3次，请等20秒再试。"
    clock.advance(seconds=20)
    with pytest.raises(LoginRefused):
        accounts.login("wangbg", "错的密码错的")  # the fourth: 60 s
    clock.advance(seconds=60)
    with pytest.raises(LoginRefused) as refused:
        accounts.login("wangbg", "错的密码错的")  # the fifth: locked
    assert refused.value.text() == "密码连续输错5次，账号已锁定。请15分钟后再试，或请管理员重设密码。"
    assert refused.value.until == clock.now + dt.timedelta(minutes=15)
    clock.advance(minutes=14)
    with pytest.raises(LoginRefused, match="账号已锁定。请1分钟后再试"):
        accounts.login("wangbg", ADMIN_PASSWORD)
    clock.advance(minutes=1)
    session = accounts.login("wangbg", ADMIN_PASSWORD)
    assert session.role is AccountRole.ADMIN
    assert _rows(db, "SELECT failed_logins, locked_until FROM accounts")[0] == (0, None)
    kinds = _kinds(db)[2:]
    assert kinds == ["login_failed"] * 7 + ["login"]
    reasons = [r for (r,) in _rows(db, "SELECT json_extract(summary, '$.reason') FROM audit_log "
                                       "WHERE kind = 'login_failed' ORDER BY id")]
    assert reasons == ["wrong_password"] * 3 + ["blocked"] + ["wrong_password"] * 2 + ["blocked"]
    assert AuditService(db).verify().intact


def test_an_unknown_user_name_is_told_like_a_wrong_password_and_audited(db, accounts, admin):
    with pytest.raises(LoginRefused) as refused:
        accounts.login("nobody", ADMIN_PASSWORD)
    assert refused.value.text() == "用户名或密码不对，请重新输入。"
    actor, account_id, reason = _rows(db, "SELECT actor, account_id, json_extract(summary, '$.reason') "
                                          "FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert (actor, account_id, reason) == ("nobody", None, "unknown_user")


@pytest.mark.parametrize("username, password, message", [
    (SQL_LIKE[0], ADMIN_PASSWORD, "用户名只能由汉字、字母、数字和 _ . - · 组成，不能有空格、引号或其他符号"),
    (SQL_LIKE[1], ADMIN_PASSWORD, "用户名只能由汉字、字母、数字和 _ . - · 组成，不能有空格、引号或其他符号"),
    ("w" * 10_000, ADMIN_PASSWORD, "用户名太长：最多20个字，现在10000个字"),
    ("wangbg", "", "请填写密码"),
    ("wangbg", "p" * 10_000, "密码太长：最多128个字符，现在10000个字符"),
])
def test_hostile_login_input_gets_a_chinese_message_and_changes_nothing(db, accounts, admin, username, password,
                                                                        message):
    before = (_accounts_table(db), _audit_count(db))
    with pytest.raises(ValidationFailed) as failed:
        accounts.login(username, password)
    assert [e.text() for e in failed.value.errors] == [message]
    assert (_accounts_table(db), _audit_count(db)) == before
    assert accounts.login("wangbg", ADMIN_PASSWORD).username == "wangbg"  # and the table is still there


@pytest.mark.parametrize("username", SQL_LIKE + ("名" * 10_000,))
def test_hostile_user_names_cannot_become_accounts(db, accounts, admin, username):
    before = (_accounts_table(db), _audit_count(db))
    with pytest.raises(ValidationFailed) as failed:
        accounts.add_account(admin.session, username, "刘振华", AccountRole.MEDIATOR, "临时密码0001")
    assert failed.value.errors[0].field == "username"
    assert (_accounts_table(db), _audit_count(db)) == before


def test_an_account_may_be_locked_and_unlocked_with_its_password_after_the_idle_lock(db, accounts, admin):
    assert accounts.idle_lock_minutes() == 15
    again = accounts.unlock(admin.session, ADMIN_PASSWORD)
    assert again.data_key == admin.session.data_key
    with pytest.raises(LoginRefused):
        accounts.unlock(admin.session, "错的密码错的")
    assert _rows(db, "SELECT json_extract(summary, '$.unlock') FROM audit_log WHERE kind = 'login' "
                     "ORDER BY id DESC LIMIT 1")[0][0] == 1


def test_the_administrator_sets_the_idle_lock(db, accounts, admin):
    assert accounts.set_idle_lock_minutes(admin.session, "30") == 30
    assert accounts.idle_lock_minutes() == 30
    with pytest.raises(ValidationFailed):
        accounts.set_idle_lock_minutes(admin.session, "0")
    assert accounts.idle_lock_minutes() == 30
    assert _kinds(db)[-1] == "settings"


# ---------------------------------------------------------------- each role, each call

ROLES = (AccountRole.MEDIATOR, AccountRole.RECORDER, AccountRole.VIEWER)


def _calls(accounts, audit, target_id, tmp_path):
    return {
        "list_accounts": lambda s: accounts.list_accounts(s),
        "add_account": lambda s: accounts.add_account(s, "newone", "赵明", AccountRole.VIEWER, "临时密码0002"),
        "set_disabled": lambda s: accounts.set_disabled(s, target_id, True),
        "set_role": lambda s: accounts.set_role(s, target_id, AccountRole.MEDIATOR),
        "admin_reset_password": lambda s: accounts.admin_reset_password(s, target_id, "新的临时密码01"),
        "set_idle_lock_minutes": lambda s: accounts.set_idle_lock_minutes(s, 20),
        "audit_entries": lambda s: audit.entries(s),
        "audit_actors": lambda s: audit.actors(s),
        "audit_export": lambda s: audit.export(s, tmp_path / "审计.csv"),
    }


@pytest.mark.parametrize("role", ROLES)
def test_every_account_and_audit_call_is_refused_to_other_roles_and_changes_nothing(db, accounts, admin, role,
                                                                                     tmp_path):
    session = _with_role(accounts, admin.session, role, "1")
    target = accounts.add_account(admin.session, "target", "孙丽", AccountRole.VIEWER, "临时密码0003")
    before = (_accounts_table(db), _audit_count(db), _rows(db, "SELECT * FROM settings ORDER BY key"))
    for name, call in _calls(accounts, AuditService(db), target.id, tmp_path).items():
        with pytest.raises(NotPermitted) as refused:
            call(session)
        assert refused.value.text().startswith(f"“{role.label}”账号不能"), name
    assert (_accounts_table(db), _audit_count(db), _rows(db, "SELECT * FROM settings ORDER BY key")) == before
    assert not (tmp_path / "审计.csv").exists()


def test_every_account_and_audit_call_is_allowed_to_the_administrator(db, accounts, admin, tmp_path):
    target = accounts.add_account(admin.session, "target", "孙丽", AccountRole.VIEWER, "临时密码0003")
    for name, call in _calls(accounts, AuditService(db), target.id, tmp_path).items():
        call(admin.session)
    assert (tmp_path / "审计.csv").is_file()
    assert {"account_created", "account_changed", "password_reset", "settings", "export"} <= set(_kinds(db))


def test_a_role_taken_away_counts_at_once_for_a_session_already_open(db, accounts, admin):
    second = _with_role(accounts, admin.session, AccountRole.MEDIATOR, "2")
    accounts.set_role(admin.session, second.account_id, AccountRole.ADMIN)
    assert accounts.list_accounts(second)  # the stored role counts, not the one logged in with
    accounts.set_role(admin.session, second.account_id, AccountRole.VIEWER)
    with pytest.raises(NotPermitted):
        accounts.list_accounts(second)
    accounts.set_role(admin.session, second.account_id, AccountRole.ADMIN)
    accounts.set_disabled(admin.session, second.account_id, True)
    with pytest.raises(Refused, match="这个账号已停用"):
        accounts.list_accounts(second)


def test_the_recorder_may_write_the_records_of_the_cases_they_are_on_only(db, accounts, admin):
    # The cases are registered by the administrator before the 记录人 logs in (services refuse a
    # 记录人 registering cases: services/access.py guard).
    intake = IntakeService(db)
    theirs, other = intake.register(valid_case_input()), intake.register(valid_case_input(tag=1))
    person, _ = check_person(PersonInput(role=Role.RECORDER, name="李桂兰", unit="王庄村委会"))
    with db.transaction() as uow:
        uow.people.assign(theirs.id, uow.people.add(person).id)
    recorder = _with_role(accounts, admin.session, AccountRole.RECORDER, "3")  # 李桂兰
    with db.transaction() as uow:
        on = uow.accounts.is_on_case(recorder.display_name, theirs.id)
        authorised(uow, recorder, Permission.EDIT_RECORDS, on_own_case=on)
        with pytest.raises(NotPermitted):
            authorised(uow, recorder, Permission.EDIT_RECORDS,
                       on_own_case=uow.accounts.is_on_case(recorder.display_name, other.id))
        with pytest.raises(NotPermitted):
            authorised(uow, recorder, Permission.EDIT_CASES, on_own_case=on)


# ---------------------------------------------------------------- accounts, passwords, recovery

def test_an_administrator_resets_a_forgotten_password_and_its_holder_chooses_a_new_one(db, accounts, admin, clock):
    user = _with_role(accounts, admin.session, AccountRole.MEDIATOR, "4")
    for _ in range(5):  # forgotten, and locked by trying
        with pytest.raises(LoginRefused):
            accounts.login(user.username, "想不起来的密码")
        clock.advance(minutes=2)
    accounts.admin_reset_password(admin.session, user.account_id, "管理员给的密码1")
    temporary = accounts.login(user.username, "管理员给的密码1")  # the lock is cleared too
    assert temporary.must_set_password and temporary.data_key == admin.session.data_key
    own = accounts.change_password(temporary, "管理员给的密码1", "我自己定的新密码")
    assert not own.must_set_password
    assert not accounts.login(user.username, "我自己定的新密码").must_set_password
    with pytest.raises(LoginRefused):
        accounts.login(user.username, "管理员给的密码1")
    assert "password_reset" in _kinds(db) and _kinds(db).count("password_set") == 2


def test_changing_a_password_needs_the_old_one_and_keeps_the_data_key(db, accounts, admin):
    with pytest.raises(LoginRefused):
        accounts.change_password(admin.session, "不是原来的密码", "新的密码新的密码")
    with pytest.raises(ValidationFailed, match="新密码不能和原密码相同"):
        accounts.change_password(admin.session, ADMIN_PASSWORD, ADMIN_PASSWORD)
    accounts.change_password(admin.session, ADMIN_PASSWORD, "新的密码新的密码")
    assert accounts.login("wangbg", "新的密码新的密码").data_key == admin.session.data_key


def test_the_recovery_key_restores_access_when_every_password_is_lost(db, accounts, admin, clock):
    user = _with_role(accounts, admin.session, AccountRole.MEDIATOR, "5")
    for _ in range(5):
        with pytest.raises(LoginRefused):
            accounts.login("wangbg", "全忘了的密码啊")
        clock.advance(minutes=2)
    accounts.logout(user)
    with pytest.raises(ValidationFailed, match="恢复密钥的格式不对"):
        accounts.recover_with_key("1234", "wangbg", "恢复以后的新密码")
    with pytest.raises(Refused, match="恢复密钥不对"):
        accounts.recover_with_key(new_recovery_key(), "wangbg", "恢复以后的新密码")
    with pytest.raises(Refused, match="只能为管理员账号"):
        accounts.recover_with_key(admin.recovery_key, user.username, "恢复以后的新密码")
    typed = admin.recovery_key.lower().replace("-", " ").replace("0", "o")  # read back off paper
    session = accounts.recover_with_key(typed, "wangbg", "恢复以后的新密码")
    assert session.role is AccountRole.ADMIN and session.data_key == admin.session.data_key
    assert accounts.login("wangbg", "恢复以后的新密码").account_id == admin.session.account_id
    assert _kinds(db)[-3:] == ["recovered", "login", "login"]
    assert AuditService(db).verify().intact


def test_a_damaged_wrapped_key_is_told_apart_from_a_wrong_password(db, accounts, admin):
    with db.transaction() as uow:
        stored = uow.accounts.find("wangbg")
        uow.accounts.update(stored.id, wrapped_key=stored.wrapped_key[:-4] + "AAAA")
    with pytest.raises(LoginRefused) as refused:
        accounts.login("wangbg", ADMIN_PASSWORD)
    assert refused.value.reason == "damaged" and "恢复密钥" in refused.value.text()


def test_a_disabled_account_cannot_log_in_and_the_last_administrator_stays(db, accounts, admin):
    user = _with_role(accounts, admin.session, AccountRole.VIEWER, "6")
    accounts.set_disabled(admin.session, user.account_id, True)
    with pytest.raises(LoginRefused, match="这个账号已停用"):
        accounts.login(user.username, "自己设的密码006")
    with pytest.raises(Refused, match="不能停用自己"):
        accounts.set_disabled(admin.session, admin.session.account_id, True)
    with pytest.raises(Refused, match="最后一个管理员"):
        accounts.set_role(admin.session, admin.session.account_id, AccountRole.MEDIATOR)
    accounts.set_disabled(admin.session, user.account_id, False)
    assert accounts.login(user.username, "自己设的密码006").role is AccountRole.VIEWER
    listed = accounts.list_accounts(admin.session)
    assert [a.username for a in listed] == ["wangbg", "user6"]
    assert not hasattr(listed[0], "password_hash")


def test_a_user_name_is_taken_once_whatever_its_case(db, accounts, admin):
    with pytest.raises(ValidationFailed, match="这个用户名已经有人用了"):
        accounts.add_account(admin.session, "WANGBG", "王保国", AccountRole.MEDIATOR, "临时密码0001")


# ---------------------------------------------------------------- upgrade of a folder in use

def _old_database(path, operator: str | None) -> Database:
    database = Database(path)
    migrate.upgrade_to_head(database, "0007_prevention_canvasses")
    if operator is not None:
        with database.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('operator', ?)", (operator,))
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('committee_name', '王庄村人民调解委员会')")
    database.close()
    return Database(path)


def test_an_old_folders_operator_becomes_the_first_administrator_who_sets_a_password(tmp_path, clock):
    database = _old_database(tmp_path / "old.sqlite3", "王保国")
    assert database.ensure_schema() is not None  # a safety copy first
    assert database.current_revision() == HEAD_REVISION
    try:
        accounts = AccountService(database, clock=clock, cost=CHEAP)
        assert not accounts.needs_setup()
        pending = accounts.first_password_pending()
        assert (pending.username, pending.display_name, pending.role) == ("王保国", "王保国", AccountRole.ADMIN)
        assert pending.must_set_password and not pending.has_password
        with pytest.raises(LoginRefused) as refused:
            accounts.login("王保国", "随便什么密码")
        assert refused.value.reason == "no_password"
        setup = accounts.set_first_password("王保国", ADMIN_PASSWORD)
        assert normalise_recovery_key(setup.recovery_key) and not setup.session.must_set_password
        assert accounts.first_password_pending() is None
        with pytest.raises(Refused):
            accounts.set_first_password("王保国", "另一个密码另一个")
        assert accounts.login("王保国", ADMIN_PASSWORD).data_key == setup.session.data_key
        settings = dict(_rows(database, "SELECT key, value FROM settings"))
        assert settings["operator"] == "王保国" and settings["committee_name"] == "王庄村人民调解委员会"
        assert RECOVERY_SETTING in settings
        assert _kinds(database) == ["account_created", "password_set", "login", "login"]
        assert _rows(database, "SELECT actor FROM audit_log WHERE id = 1")[0][0] == "系统升级"
        assert AuditService(database).verify().intact
    finally:
        database.close()


def test_an_old_folder_without_an_operator_gets_the_set_up_at_first_start(tmp_path, clock):
    database = _old_database(tmp_path / "old.sqlite3", None)
    database.ensure_schema()
    try:
        accounts = AccountService(database, clock=clock, cost=CHEAP)
        assert accounts.needs_setup() and accounts.first_password_pending() is None
        assert _audit_count(database) == 0
    finally:
        database.close()


def test_an_upgraded_operator_with_an_unusual_name_still_gets_a_user_name(tmp_path):
    database = _old_database(tmp_path / "old.sqlite3", "买买提 · 艾力")
    database.ensure_schema()
    try:
        assert _rows(database, "SELECT username, display_name, must_set_password FROM accounts") == [
            ("买买提·艾力", "买买提 · 艾力", 1)]
    finally:
        database.close()


def test_session_repr_hides_the_data_key(admin):
    assert "data_key" not in repr(admin.session)
    assert dataclasses.replace(admin.session).data_key == admin.session.data_key
