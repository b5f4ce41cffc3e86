"""services/access.py guard (issue 15): the one check every service makes inside its transaction.
No account source (library use, the tests) allows; NOBODY (accounts exist, no one logged in) refuses;
a logged-in account is asked against the permission table as stored now, a 记录人 on the cases they are on."""

from __future__ import annotations

import pytest

from tests.helpers import new_database, valid_case_input
from xinye_desktop.domain.accounts import PERMISSIONS, AccountRole, NotPermitted, Permission, may
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.roles import PersonInput, Role, check_person
from xinye_desktop.services import keys
from xinye_desktop.services.access import guard, may_now
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.storage.actor import NOBODY, AccountActor

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN_PASSWORD = "村委会2026调解"
NAMES = {AccountRole.ADMIN: "王保国", AccountRole.MEDIATOR: "刘振华", AccountRole.RECORDER: "李桂兰",
         AccountRole.VIEWER: "赵建民"}


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


@pytest.fixture
def accounts(db):
    return AccountService(db, cost=CHEAP)


@pytest.fixture
def admin(accounts):
    return accounts.create_first_admin("wangbg", "王保国", ADMIN_PASSWORD).session


def _log_in_as(accounts, admin, role: AccountRole):
    if role is AccountRole.ADMIN:
        return accounts.login("wangbg", ADMIN_PASSWORD)
    made = accounts.add_account(admin, f"u{role.value}", NAMES[role], role, "临时密码0001")
    return accounts.login(made.username, "临时密码0001")


def _guard(db, permission, case_id=None):
    with db.transaction() as uow:
        guard(uow, permission, case_id=case_id)


def test_no_account_source_allows_everything(db):
    with db.transaction() as uow:
        assert uow.role is None
    for permission in Permission:
        _guard(db, permission)


def test_nobody_has_no_name_no_account_and_the_empty_role():
    assert (NOBODY.name, NOBODY.account_id, NOBODY.role) == ("", None, "")
    assert NOBODY(None) == ""


def test_nobody_is_refused_everything_with_please_log_in(db):
    db.use_actor_source(NOBODY)
    for permission in Permission:
        with pytest.raises(Refused, match="请先登录"):
            _guard(db, permission)


def test_logout_reinstalls_nobody(db, accounts, admin):
    _guard(db, Permission.RESTORE)
    accounts.logout()
    with db.transaction() as uow:
        assert uow.role == "" and uow.account_id is None and uow.actor == ""
    with pytest.raises(Refused, match="请先登录"):
        _guard(db, Permission.VIEW_CASES)


@pytest.mark.parametrize("role", list(AccountRole))
def test_each_role_is_allowed_exactly_what_the_table_says(db, accounts, admin, role):
    _log_in_as(accounts, admin, role)
    for permission in Permission:
        if may(role, permission):
            _guard(db, permission)
        else:
            with pytest.raises(NotPermitted):
                _guard(db, permission)
        with db.transaction() as uow:
            assert may_now(uow, permission) is may(role, permission)


def test_a_disabled_account_is_refused_even_with_its_session_open(db, accounts, admin):
    made = accounts.add_account(admin, "liuzh", "刘振华", AccountRole.MEDIATOR, "临时密码0001")
    accounts.set_disabled(admin, made.id, True)
    db.use_actor_source(AccountActor(made.id, made.display_name, AccountRole.MEDIATOR.value))
    with pytest.raises(Refused, match="这个账号已停用"):
        _guard(db, Permission.EDIT_CASES)


def test_an_account_gone_from_the_table_is_asked_to_log_in(db, accounts, admin):
    db.use_actor_source(AccountActor(999, "某人", AccountRole.ADMIN.value))
    with pytest.raises(Refused, match="请先登录"):
        _guard(db, Permission.EDIT_CASES)


def test_a_role_changed_counts_at_once(db, accounts, admin):
    made = accounts.add_account(admin, "liuzh", "刘振华", AccountRole.MEDIATOR, "临时密码0001")
    accounts.set_role(admin, made.id, AccountRole.VIEWER)
    # The actor still says 调解员 (the session was opened before); the stored role decides.
    db.use_actor_source(AccountActor(made.id, made.display_name, AccountRole.MEDIATOR.value))
    with pytest.raises(NotPermitted):
        _guard(db, Permission.EDIT_CASES)


def test_the_recorder_on_their_own_case_and_not_on_another(db, accounts, admin):
    intake = IntakeService(db)
    theirs = intake.register(valid_case_input())
    other = intake.register(valid_case_input(tag=1))
    person, _ = check_person(PersonInput(role=Role.RECORDER, name="李桂兰", unit="王庄村委会"))
    with db.transaction() as uow:
        uow.people.assign(theirs.id, uow.people.add(person).id)
    _log_in_as(accounts, admin, AccountRole.RECORDER)
    own_reach = [p for p, r in PERMISSIONS[AccountRole.RECORDER].items() if r.name == "OWN_CASES"]
    assert own_reach == [Permission.EDIT_RECORDS, Permission.PRINT]
    for permission in own_reach:
        _guard(db, permission, case_id=theirs.id)
        with pytest.raises(NotPermitted):
            _guard(db, permission, case_id=other.id)
        with pytest.raises(NotPermitted):  # without a case, an own-case permission is no
            _guard(db, permission)
    with pytest.raises(NotPermitted):  # their case does not widen what the role may do
        _guard(db, Permission.EDIT_CASES, case_id=theirs.id)
    _guard(db, Permission.VIEW_CASES, case_id=other.id)
