"""User accounts (issue 15): the first administrator and the recovery key, login with slow-down and
lock-out, the idle lock, passwords changed, reset and recovered, accounts added, disabled and given
another role. Every write and every login (right or wrong) is an audit row in the same transaction.

Thread contract: every call may take a few tenths of a second (the password's KDF, services/keys.py):
the UI runs them off the GUI thread. The KDF runs outside the transactions, so the database's write
lock is never held while it works; the transaction after it reads the account again.

Who acts: a login installs the account as the database's actor source (storage/actor.py AccountActor),
so every later transaction of every service is signed with its name and audited with its id; logout
takes it away. A session's rights are read again from the account in each call (a role changed or an
account disabled counts at once).
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from ..domain.accounts import (
    DEFAULT_IDLE_LOCK_MINUTES, DEFAULT_LOCKOUT, AccountRole, LockoutPolicy, NotPermitted, Permission,
    blocked_message, check_idle_lock_minutes, check_new_password, check_password_input, check_username,
    may, new_recovery_key, normalise_recovery_key, require,
)
from ..domain.audit import AuditKind
from ..domain.errors import FieldError, NotFound, Refused, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.text import TextError, check_person_name
from ..storage.actor import NOBODY, AccountActor
from ..storage.clock import utcnow
from ..storage.database import Database
from ..storage.sealing import FieldSealer, OtherKey
from ..storage.sealing_upgrade import check_key, seal_database
from . import keys

if TYPE_CHECKING:  # storage's repositories import SQLAlchemy, which the login screen need not wait for
    from ..storage.account_repositories import StoredAccount

RECOVERY_SETTING = "data_key_recovery"  # the data key wrapped by the recovery key
IDLE_LOCK_SETTING = "idle_lock_minutes"


@dataclass(frozen=True)
class Account:
    """An account as the accounts screen shows it (no secrets)."""

    id: int
    username: str
    display_name: str
    role: AccountRole
    disabled: bool
    must_set_password: bool
    has_password: bool
    failed_logins: int
    locked_until: dt.datetime | None  # UTC; in the past once it is over
    last_login_at: dt.datetime | None
    created_at: dt.datetime


def _public(stored: "StoredAccount") -> Account:
    return Account(id=stored.id, username=stored.username, display_name=stored.display_name, role=stored.role,
                   disabled=stored.disabled, must_set_password=stored.must_set_password,
                   has_password=bool(stored.password_hash), failed_logins=stored.failed_logins,
                   locked_until=stored.locked_until, last_login_at=stored.last_login_at, created_at=stored.created_at)


@dataclass(frozen=True)
class AccountSession:
    """Someone logged in: who, with which role, and the data key their password unwrapped (kept in
    memory only, for the encrypted fields to come)."""

    account_id: int
    username: str
    display_name: str
    role: AccountRole
    started_at: dt.datetime
    must_set_password: bool = False  # the UI asks for a new password before anything else
    data_key: bytes = field(default=b"", repr=False)

    def may(self, permission: Permission, *, on_own_case: bool | None = None) -> bool:
        """For showing or hiding an action; the service checks again with the account as stored."""
        return may(self.role, permission, on_own_case=on_own_case)


@dataclass(frozen=True)
class SetUp:
    """What setting up the first administrator gives: the session, and the recovery key to print once
    for the 司法所 (it is not stored anywhere in clear and cannot be shown again)."""

    session: AccountSession
    recovery_key: str


class LoginRefused(Refused):
    """A login that did not succeed. ``reason``: "wrong" (user name or password), "blocked" (waiting
    or locked, see ``until``), "disabled", "no_password" (set one first), "damaged"."""

    def __init__(self, reason: str, message: str, until: dt.datetime | None = None, **params: object):
        super().__init__(message, **params)
        self.reason = reason
        self.until = until


WRONG = QT_TRANSLATE_NOOP("Validation", "用户名或密码不对，请重新输入。")


def authorised(uow, session: AccountSession | None, permission: Permission, *,
               on_own_case: bool | None = None) -> StoredAccount:
    """The session's account as stored now, if its current role may do this; else NotPermitted (or
    Refused for no session or a disabled account). For every service that checks a permission inside
    its transaction."""
    if session is None:
        raise Refused(QT_TRANSLATE_NOOP("Validation", "请先登录。"))
    try:
        stored = uow.accounts.get(session.account_id)
    except NotFound:
        raise Refused(QT_TRANSLATE_NOOP("Validation", "请先登录。")) from None
    if stored.disabled:
        raise Refused(QT_TRANSLATE_NOOP("Validation", "这个账号已停用。"))
    require(stored.role, permission, on_own_case=on_own_case)
    return stored


class AccountService:
    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utcnow,
                 cost: keys.KdfCost = keys.PASSWORD_COST, policy: LockoutPolicy = DEFAULT_LOCKOUT):
        self._db = db
        self._clock = clock
        self._cost = cost
        self._policy = policy
        self._current: AccountSession | None = None

    @property
    def current(self) -> AccountSession | None:
        """Who is logged in now (None before a login and after a logout)."""
        return self._current

    # -- first start ------------------------------------------------------------------------------
    def needs_setup(self) -> bool:
        """No account at all: the first start on a new data folder creates the administrator."""
        with self._db.transaction() as uow:
            return uow.accounts.count() == 0

    def first_password_pending(self) -> Account | None:
        """The administrator an upgrade made of the operator setting, while it has no password (and
        the data has no key yet): the first start asks them to choose one (``set_first_password``)."""
        with self._db.transaction() as uow:
            if uow.settings.get(RECOVERY_SETTING):
                return None
            for stored in uow.accounts.all():
                if stored.role is AccountRole.ADMIN and not stored.password_hash and not stored.disabled:
                    return _public(stored)
        return None

    def create_first_admin(self, username: str, display_name: str, password: str) -> SetUp:
        """The committee's administrator on a new data folder, logged in; a new data key, wrapped by
        the password and by the recovery key returned (to print once)."""
        name, display, errors = self._check_new_account(username, display_name, password)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            if uow.accounts.count():
                raise Refused(QT_TRANSLATE_NOOP("Validation", "已经有账号了：请用已有的账号登录。"))
        data_key, recovery_key = keys.new_data_key(), new_recovery_key()
        secrets = self._secrets(password, data_key)
        recovery_wrapped = keys.wrap_key(data_key, recovery_key, self._cost)
        now = self._clock()
        with self._db.transaction() as uow:
            if uow.accounts.count():  # another start got here first
                raise Refused(QT_TRANSLATE_NOOP("Validation", "已经有账号了：请用已有的账号登录。"))
            stored = uow.accounts.add(username=name, display_name=display, role=AccountRole.ADMIN, **secrets)
            stored = uow.accounts.update(stored.id, last_login_at=now)
            uow.settings.set(RECOVERY_SETTING, recovery_wrapped)
            self._audit(uow, stored, AuditKind.ACCOUNT_CREATED, now,
                        {"username": stored.username, "display_name": display, "role": AccountRole.ADMIN.value,
                         "first_admin": True, "recovery_key": "printed"})
            self._audit(uow, stored, AuditKind.LOGIN, now, {})
        return SetUp(self._start(stored, data_key, now), recovery_key)

    def set_first_password(self, username: str, password: str) -> SetUp:
        """The upgraded folder's administrator (made of the operator setting) chooses a password at the
        first start; the data key and the recovery key are made then."""
        problem = check_new_password(password, username)
        if problem is not None:
            raise ValidationFailed([problem])
        with self._db.transaction() as uow:
            stored = self._pending(uow, username)
        data_key, recovery_key = keys.new_data_key(), new_recovery_key()
        secrets = self._secrets(password, data_key)
        recovery_wrapped = keys.wrap_key(data_key, recovery_key, self._cost)
        now = self._clock()
        with self._db.transaction() as uow:
            stored = self._pending(uow, username)
            stored = uow.accounts.update(stored.id, last_login_at=now, **secrets)
            uow.settings.set(RECOVERY_SETTING, recovery_wrapped)
            self._audit(uow, stored, AuditKind.PASSWORD_SET, now, {"first_password": True, "recovery_key": "printed"})
            self._audit(uow, stored, AuditKind.LOGIN, now, {})
        return SetUp(self._start(stored, data_key, now), recovery_key)

    def _pending(self, uow, username: str) -> StoredAccount:
        stored = uow.accounts.find(username)
        if stored is None or stored.password_hash or stored.role is not AccountRole.ADMIN:
            raise Refused(QT_TRANSLATE_NOOP("Validation", "这个账号不需要在这里设置密码：请直接登录。"))
        if uow.settings.get(RECOVERY_SETTING):
            raise Refused(QT_TRANSLATE_NOOP("Validation", "请管理员为这个账号设置密码。"))
        return stored

    # -- login, the idle lock, logout -------------------------------------------------------------
    def login(self, username: str, password: str) -> AccountSession:
        """The session of the account, installed as the database's actor; or LoginRefused (an audit
        row says so), or ValidationFailed for input that cannot be a login (nothing written)."""
        stored, now = self._authenticate(username, password, purpose="login")
        try:
            data_key = keys.unwrap_key(stored.wrapped_key, password)
        except keys.WrongSecret:
            raise LoginRefused("damaged", QT_TRANSLATE_NOOP(
                "Validation", "密码正确，但这个账号保存的数据密钥打不开（可能已损坏）。请管理员重设密码，"
                              "或用恢复密钥恢复。")) from None
        self._check_key(data_key)
        if self._db.read_only:  # a folder that cannot be written: nothing to record (see _authenticate)
            return self._start(stored, data_key, now)
        with self._db.transaction() as uow:
            stored = uow.accounts.get(stored.id)
            changes = {"last_login_at": now}
            if keys.needs_rehash(stored.password_hash, self._cost):
                changes["password_hash"] = keys.hash_password(password, self._cost)
            stored = uow.accounts.update(stored.id, **changes)
            self._audit(uow, stored, AuditKind.LOGIN, now, {})
        return self._start(stored, data_key, now)

    def unlock(self, session: AccountSession, password: str) -> AccountSession:
        """After the idle lock: the same account's password again (wrong ones count as at login)."""
        stored, now = self._authenticate(session.username, password, purpose="unlock")
        with self._db.transaction() as uow:
            self._audit(uow, stored, AuditKind.LOGIN, now, {"unlock": True})
        return self._start(stored, session.data_key, session.started_at)

    def logout(self, session: AccountSession | None = None) -> None:
        session = session or self._current
        if session is None:
            return
        now = self._clock()
        with self._db.transaction() as uow:
            uow.audit.append(AuditKind.LOGOUT, actor=session.display_name, account_id=session.account_id, at=now)
        if self._current is not None and self._current.account_id == session.account_id:
            self._current = None
            # Accounts exist: until the next login every service refuses (services/access.py guard).
            self._db.use_actor_source(NOBODY)
            self._db.use_sealer(None)

    def _authenticate(self, username: str, password: str, *, purpose: str) -> tuple[StoredAccount, dt.datetime]:
        """The account whose password this is, its failures cleared; otherwise the failure is counted
        and audited and LoginRefused raised.

        On a database opened read-only (the command line's reading commands on a folder that cannot be
        written: a CD, a write-protected drive) the same checks run but nothing can be counted or
        recorded; whoever holds such a copy holds the password hashes too, so an uncounted guess there
        gains nothing the copy did not already give."""
        recorded = not self._db.read_only
        name, problem = check_username(username)
        errors = [problem] if problem else []
        problem = check_password_input(password)
        if problem:
            errors.append(problem)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            stored = uow.accounts.find(name)
        now = self._clock()
        if stored is None:
            keys.spend_like_a_login(password, self._cost)
            with self._writing(recorded) as uow:
                if uow is not None:
                    uow.audit.append(AuditKind.LOGIN_FAILED, actor=name, account_id=None, at=now,
                                     summary={"reason": "unknown_user", "purpose": purpose})
            raise LoginRefused("wrong", WRONG)
        if stored.disabled:
            with self._writing(recorded) as uow:
                if uow is not None:
                    self._audit(uow, stored, AuditKind.LOGIN_FAILED, now, {"reason": "disabled", "purpose": purpose})
            raise LoginRefused("disabled", QT_TRANSLATE_NOOP("Validation", "这个账号已停用，请找管理员。"))
        if stored.locked_until is not None and stored.locked_until > now:
            with self._writing(recorded) as uow:
                if uow is not None:
                    self._audit(uow, stored, AuditKind.LOGIN_FAILED, now,
                                {"reason": "blocked", "purpose": purpose, "until": stored.locked_until.isoformat()})
            raise self._blocked(stored.failed_logins, stored.locked_until, now)
        if not stored.password_hash:
            raise LoginRefused("no_password", QT_TRANSLATE_NOOP("Validation", "这个账号还没有设置密码，请先设置密码。"))
        if not keys.verify_password(stored.password_hash, password):
            if not recorded:
                raise LoginRefused("wrong", WRONG)
            with self._db.transaction() as uow:
                fresh = uow.accounts.get(stored.id)
                failures = fresh.failed_logins + 1
                until = self._policy.blocked_until(failures, now)
                uow.accounts.update(stored.id, failed_logins=failures, last_failed_at=now, locked_until=until)
                self._audit(uow, fresh, AuditKind.LOGIN_FAILED, now,
                            {"reason": "wrong_password", "purpose": purpose, "failures": failures,
                             "locked": self._policy.is_lock(failures)})
            if until is not None:
                raise self._blocked(failures, until, now)
            raise LoginRefused("wrong", WRONG)
        if recorded:
            with self._db.transaction() as uow:
                stored = uow.accounts.update(stored.id, failed_logins=0, last_failed_at=None, locked_until=None)
        return stored, now

    @contextmanager
    def _writing(self, recorded: bool):
        """A transaction for a failed login's row, or None where nothing can be written (read-only)."""
        if not recorded:
            yield None
            return
        with self._db.transaction() as uow:
            yield uow

    def _blocked(self, failures: int, until: dt.datetime, now: dt.datetime) -> LoginRefused:
        message = blocked_message(self._policy, failures, until, now)
        return LoginRefused("blocked", message.message, until, **message.params)

    # -- passwords --------------------------------------------------------------------------------
    def change_password(self, session: AccountSession, old_password: str, new_password: str) -> AccountSession:
        """The account's own new password (also the one it must choose after an administrator set one)."""
        problem = check_new_password(new_password, session.username, "new_password")
        if problem is not None:
            raise ValidationFailed([problem])
        if old_password == new_password:
            raise ValidationFailed([FieldError("new_password", QT_TRANSLATE_NOOP("Validation", "新密码不能和原密码相同"))])
        stored, now = self._authenticate(session.username, old_password, purpose="change_password")
        secrets = self._secrets(new_password, session.data_key)
        with self._db.transaction() as uow:
            stored = uow.accounts.update(stored.id, **secrets)
            self._audit(uow, stored, AuditKind.PASSWORD_SET, now, {})
        changed = replace(session, must_set_password=False)
        if self._current is not None and self._current.account_id == session.account_id:
            self._current = changed
        return changed

    def admin_reset_password(self, admin: AccountSession, account_id: int, new_password: str) -> Account:
        """An administrator sets a forgotten password; its holder must choose their own at the next
        login. Clears the wrong-password count and a lock."""
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
            target = uow.accounts.get(account_id)
        problem = check_new_password(new_password, target.username)
        if problem is not None:
            raise ValidationFailed([problem])
        secrets = self._secrets(new_password, admin.data_key, must_set=True)
        now = self._clock()
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
            stored = uow.accounts.update(account_id, failed_logins=0, last_failed_at=None, locked_until=None, **secrets)
            uow.audit.append(AuditKind.PASSWORD_RESET, actor=admin.display_name, account_id=admin.account_id, at=now,
                             summary={"account_id": stored.id, "username": stored.username})
        return _public(stored)

    def recover_with_key(self, recovery_key: str, username: str, new_password: str) -> AccountSession:
        """When every password is lost: the recovery key printed at set-up opens the data key, and the
        named administrator account gets ``new_password`` (enabled, unlocked) and is logged in."""
        errors = []
        key = normalise_recovery_key(recovery_key)
        if key is None:
            errors.append(FieldError("recovery_key", QT_TRANSLATE_NOOP(
                "Validation", "恢复密钥的格式不对：是24个字母和数字，每4个一组，如 6DE4-7HPF-1EW6-…")))
        name, problem = check_username(username)
        if problem:
            errors.append(problem)
        problem = check_new_password(new_password, username, "new_password")
        if problem:
            errors.append(problem)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            stored = uow.accounts.find(name)
            wrapped = uow.settings.get(RECOVERY_SETTING)
        if stored is None or stored.role is not AccountRole.ADMIN:
            raise Refused(QT_TRANSLATE_NOOP("Validation", "恢复密钥只能为管理员账号设置新密码：请填写一个管理员的用户名。"))
        if not wrapped:
            raise Refused(QT_TRANSLATE_NOOP("Validation", "这份数据还没有恢复密钥（还没有设置过密码）。"))
        now = self._clock()
        try:
            data_key = keys.unwrap_key(wrapped, key)
        except keys.WrongSecret:
            with self._db.transaction() as uow:
                self._audit(uow, stored, AuditKind.LOGIN_FAILED, now, {"reason": "wrong_recovery_key", "purpose": "recover"})
            raise Refused(QT_TRANSLATE_NOOP("Validation", "恢复密钥不对：请对照打印的恢复密钥重新输入。")) from None
        self._check_key(data_key)
        secrets = self._secrets(new_password, data_key)
        with self._db.transaction() as uow:
            stored = uow.accounts.update(stored.id, disabled=False, failed_logins=0, last_failed_at=None,
                                         locked_until=None, last_login_at=now, **secrets)
            self._audit(uow, stored, AuditKind.RECOVERED, now, {"username": stored.username})
            self._audit(uow, stored, AuditKind.LOGIN, now, {"recovered": True})
        return self._start(stored, data_key, now)

    # -- accounts ---------------------------------------------------------------------------------
    def list_accounts(self, session: AccountSession) -> list[Account]:
        with self._db.transaction() as uow:
            authorised(uow, session, Permission.MANAGE_ACCOUNTS)
            return [_public(a) for a in uow.accounts.all()]

    def add_account(self, admin: AccountSession, username: str, display_name: str, role: AccountRole | None,
                    password: str) -> Account:
        """A new account with a first password the administrator gives its holder, who must choose
        their own at the first login."""
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
        name, display, errors = self._check_new_account(username, display_name, password)
        if role is None:
            errors.append(FieldError("role", QT_TRANSLATE_NOOP("Validation", "请选择角色")))
        if not errors:
            with self._db.transaction() as uow:
                if uow.accounts.find(name) is not None:
                    errors.append(self._taken())
        if errors:
            raise ValidationFailed(errors)
        secrets = self._secrets(password, admin.data_key, must_set=True)
        now = self._clock()
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
            if uow.accounts.find(name) is not None:
                raise ValidationFailed([self._taken()])
            stored = uow.accounts.add(username=name, display_name=display, role=role, **secrets)
            uow.audit.append(AuditKind.ACCOUNT_CREATED, actor=admin.display_name, account_id=admin.account_id, at=now,
                             summary={"account_id": stored.id, "username": stored.username,
                                      "display_name": display, "role": role.value})
        return _public(stored)

    def set_disabled(self, admin: AccountSession, account_id: int, disabled: bool) -> Account:
        """Stop (or restart) an account; never the one in use, nor the last enabled administrator."""
        now = self._clock()
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
            target = uow.accounts.get(account_id)
            if disabled and target.id == admin.account_id:
                raise Refused(QT_TRANSLATE_NOOP("Validation", "不能停用自己正在使用的账号。"))
            if disabled and target.role is AccountRole.ADMIN and not target.disabled and uow.accounts.enabled_admins() <= 1:
                raise Refused(QT_TRANSLATE_NOOP("Validation", "这是最后一个管理员账号，不能停用。"))
            if target.disabled == disabled:
                return _public(target)
            stored = uow.accounts.update(account_id, disabled=disabled)
            uow.audit.append(AuditKind.ACCOUNT_CHANGED, actor=admin.display_name, account_id=admin.account_id, at=now,
                             summary={"account_id": stored.id, "username": stored.username, "disabled": disabled})
        return _public(stored)

    def set_role(self, admin: AccountSession, account_id: int, role: AccountRole) -> Account:
        """Another role for an account (counted from its next action); the last enabled administrator
        stays one."""
        now = self._clock()
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.MANAGE_ACCOUNTS)
            target = uow.accounts.get(account_id)
            if target.role is role:
                return _public(target)
            if target.role is AccountRole.ADMIN and not target.disabled and uow.accounts.enabled_admins() <= 1:
                raise Refused(QT_TRANSLATE_NOOP("Validation", "这是最后一个管理员账号，不能改成其他角色。"))
            stored = uow.accounts.update(account_id, role=role)
            uow.audit.append(AuditKind.ACCOUNT_CHANGED, actor=admin.display_name, account_id=admin.account_id, at=now,
                             summary={"account_id": stored.id, "username": stored.username,
                                      "role": [target.role.value, role.value]})
        return _public(stored)

    # -- the idle lock ----------------------------------------------------------------------------
    def idle_lock_minutes(self) -> int:
        """After how many idle minutes the window locks (the administrator's setting, default 15)."""
        with self._db.transaction() as uow:
            value, _problem = check_idle_lock_minutes(uow.settings.get(IDLE_LOCK_SETTING, ""))
        return value or DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, admin: AccountSession, minutes: str | int) -> int:
        value, problem = check_idle_lock_minutes(minutes)
        with self._db.transaction() as uow:
            authorised(uow, admin, Permission.EDIT_SETTINGS)
            if problem is not None:
                raise ValidationFailed([problem])
            before = uow.settings.get(IDLE_LOCK_SETTING, str(DEFAULT_IDLE_LOCK_MINUTES))
            uow.settings.set(IDLE_LOCK_SETTING, str(value))
            uow.audit.append(AuditKind.SETTINGS, actor=admin.display_name, account_id=admin.account_id,
                             at=self._clock(), summary={IDLE_LOCK_SETTING: [before, str(value)]})
        return value

    # -- helpers ----------------------------------------------------------------------------------
    def _check_new_account(self, username: str, display_name: str, password: str):
        name, problem = check_username(username)
        errors = [problem] if problem else []
        try:
            display = check_person_name(display_name)
        except TextError as err:
            errors.append(FieldError("display_name", err.message, err.params))
            display = ""
        problem = check_new_password(password, username)
        if problem:
            errors.append(problem)
        return name, display, errors

    @staticmethod
    def _taken() -> FieldError:
        return FieldError("username", QT_TRANSLATE_NOOP("Validation", "这个用户名已经有人用了，请换一个"))

    def _secrets(self, password: str, data_key: bytes, *, must_set: bool = False) -> dict:
        if not data_key:
            raise Refused(QT_TRANSLATE_NOOP("Validation", "请重新登录后再试。"))
        return {"password_hash": keys.hash_password(password, self._cost),
                "wrapped_key": keys.wrap_key(data_key, password, self._cost), "must_set_password": must_set}

    @staticmethod
    def _audit(uow, account: StoredAccount, kind: AuditKind, at: dt.datetime, summary: dict) -> None:
        uow.audit.append(kind, actor=account.display_name, account_id=account.id, at=at, summary=summary)

    def _check_key(self, data_key: bytes) -> None:
        """LoginRefused before anything is written when the data on file is sealed with another key than
        the one this account's password (or the recovery key) opened: another committee's accounts."""
        try:
            check_key(self._db, FieldSealer(data_key))
        except OtherKey as err:
            raise LoginRefused("other_key", err.message) from None

    def _open_restored_documents(self, sealer: FieldSealer) -> None:
        """The documents a restore put back sealed while no one was logged in (services/backup/
        sealed_documents.py) open with the first session's key."""
        from ..paths import DataPaths
        from .backup.sealed_documents import open_pending

        if self._db.path is None:  # a hub's PostgreSQL database: restores are the server's (pg_restore)
            return
        try:
            open_pending(DataPaths(self._db.path.parent), sealer)
        except OSError as err:  # they stay sealed and listed; the next login tries again
            logging.getLogger(__name__).warning("restored documents not opened: %s", err)

    def _start(self, stored: StoredAccount, data_key: bytes, started: dt.datetime) -> AccountSession:
        # The session's data key seals and opens the personal fields from now on (storage/sealing.py); the
        # first key seals a folder that was clear (storage/sealing_upgrade.py), once.
        sealer = FieldSealer(data_key)
        seal_database(self._db, sealer)
        self._db.use_sealer(sealer)
        self._open_restored_documents(sealer)
        session = AccountSession(account_id=stored.id, username=stored.username, display_name=stored.display_name,
                                 role=stored.role, started_at=started, must_set_password=stored.must_set_password,
                                 data_key=data_key)
        self._current = session
        self._db.use_actor_source(AccountActor(stored.id, stored.display_name, stored.role.value))
        return session


__all__ = ["Account", "AccountService", "AccountSession", "LoginRefused", "NotPermitted", "SetUp", "authorised",
           "RECOVERY_SETTING", "IDLE_LOCK_SETTING"]
