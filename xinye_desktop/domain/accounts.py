"""User accounts of the committee's PC (issue 15): roles and what each may do, the rules for user names
and passwords, how wrong passwords slow down and then lock an account, and the idle lock.

Plain Python, tested without a window or a database (tests/test_accounts.py). The permission table
is the one place that says who may do what; services ask ``may`` (or ``refusal``) and never compare
roles themselves. PIPL Art. 51 asks for least-privilege operating permissions (domain.md §5).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import unicodedata
from dataclasses import dataclass
from enum import Enum

from .enums import Labelled
from .errors import FieldError, Refused
from .i18n import QT_TRANSLATE_NOOP


class AccountRole(Labelled):
    """The role of an account. Named AccountRole, not Role: domain/roles.py's Role is a sitting's
    主持人/见证人/记录人."""

    ADMIN = ("admin", QT_TRANSLATE_NOOP("Vocabulary", "管理员"))
    MEDIATOR = ("mediator", QT_TRANSLATE_NOOP("Vocabulary", "调解员"))
    RECORDER = ("recorder", QT_TRANSLATE_NOOP("Vocabulary", "记录人"))
    VIEWER = ("viewer", QT_TRANSLATE_NOOP("Vocabulary", "查阅"))


class Permission(Labelled):
    """What an action needs. The label reads as "may ..." in the accounts screen's table."""

    VIEW_CASES = ("view_cases", QT_TRANSLATE_NOOP("Vocabulary", "查看案件和台账"))
    EDIT_CASES = ("edit_cases", QT_TRANSLATE_NOOP("Vocabulary", "登记和修改案件"))
    RUN_SITTINGS = ("run_sittings", QT_TRANSLATE_NOOP("Vocabulary", "调解和选择明白人"))
    EDIT_AGREEMENTS = ("edit_agreements", QT_TRANSLATE_NOOP("Vocabulary", "制作和签署调解协议"))
    EDIT_RECORDS = ("edit_records", QT_TRANSLATE_NOOP("Vocabulary", "填写调解记录和案卷文书"))
    EDIT_AFTERCARE = ("edit_aftercare", QT_TRANSLATE_NOOP("Vocabulary", "回访和履行登记"))
    EDIT_ELDERS = ("edit_elders", QT_TRANSLATE_NOOP("Vocabulary", "维护明白人库和人员名单"))
    PRINT = ("print", QT_TRANSLATE_NOOP("Vocabulary", "打印文书"))
    EXPORT = ("export", QT_TRANSLATE_NOOP("Vocabulary", "导出台账和报表"))
    UNMASK = ("unmask", QT_TRANSLATE_NOOP("Vocabulary", "查看完整身份证号和电话"))
    BACKUP = ("backup", QT_TRANSLATE_NOOP("Vocabulary", "备份"))
    RESTORE = ("restore", QT_TRANSLATE_NOOP("Vocabulary", "恢复备份"))
    EDIT_SETTINGS = ("edit_settings", QT_TRANSLATE_NOOP("Vocabulary", "修改设置"))
    MANAGE_ACCOUNTS = ("manage_accounts", QT_TRANSLATE_NOOP("Vocabulary", "管理账号"))
    VIEW_AUDIT = ("view_audit", QT_TRANSLATE_NOOP("Vocabulary", "查看和导出审计记录"))


class Reach(Enum):
    """How far a permission goes: a 记录人 writes the records of the cases they are on, not of others."""

    NONE = 0
    OWN_CASES = 1
    ALL = 2


_P = Permission
_MEDIATOR = {_P.VIEW_CASES, _P.EDIT_CASES, _P.RUN_SITTINGS, _P.EDIT_AGREEMENTS, _P.EDIT_RECORDS,
             _P.EDIT_AFTERCARE, _P.EDIT_ELDERS, _P.PRINT, _P.EXPORT, _P.UNMASK, _P.BACKUP}

# The permission table. The 管理员 may do everything: on a village PC the administrator is the
# committee's chair (调委会主任), who also mediates; a second, mediating login would only be shared.
# The 记录人 keeps the records and documents of the cases they are on (and prints them), sees the
# ledger masked, and changes no settings. 查阅 reads, masked, and changes nothing.
PERMISSIONS: dict[AccountRole, dict[Permission, Reach]] = {
    AccountRole.ADMIN: {p: Reach.ALL for p in Permission},
    AccountRole.MEDIATOR: {p: Reach.ALL for p in _MEDIATOR},
    AccountRole.RECORDER: {_P.VIEW_CASES: Reach.ALL, _P.EDIT_RECORDS: Reach.OWN_CASES, _P.PRINT: Reach.OWN_CASES},
    AccountRole.VIEWER: {_P.VIEW_CASES: Reach.ALL},
}


def reach(role: AccountRole, permission: Permission) -> Reach:
    return PERMISSIONS[role].get(permission, Reach.NONE)


def may(role: AccountRole, permission: Permission, *, on_own_case: bool | None = None) -> bool:
    """Whether ``role`` may do what needs ``permission``. A permission that reaches only the cases the
    account is on needs ``on_own_case=True`` (the caller knows the case); without a case it is no."""
    found = reach(role, permission)
    return found is Reach.ALL or (found is Reach.OWN_CASES and bool(on_own_case))


class NotPermitted(Refused):
    """The logged-in account's role may not do this; nothing has been written."""

    def __init__(self, role: AccountRole, permission: Permission):
        super().__init__(QT_TRANSLATE_NOOP("Validation", "“{role}”账号不能{action}。请用有这个权限的账号登录，"
                                                         "或请管理员调整角色。"),
                         role=role.label, action=permission.label)
        self.role = role
        self.permission = permission


def require(role: AccountRole, permission: Permission, *, on_own_case: bool | None = None) -> None:
    """Raise NotPermitted unless ``may(...)``."""
    if not may(role, permission, on_own_case=on_own_case):
        raise NotPermitted(role, permission)


# -- user names ---------------------------------------------------------------------------------------

USERNAME_MIN = 2
USERNAME_MAX = 20
# Letters of any script (Chinese names are the usual user names), digits, and _ . - · (the 间隔号 of
# names such as 买买提·艾力). No blanks, quotes, semicolons or other marks: a name is a label, not text.
_USERNAME = re.compile(r"^[^\W_][\w.\-·]*$")


def username_key(username: str) -> str:
    """The form user names are compared and stored in: NFKC (full-width Ａ is A) and case-folded, so
    that Wang and wang, or 王保国 typed with a full-width space trimmed, are one account."""
    return unicodedata.normalize("NFKC", username or "").strip().casefold()


def check_username(value: str | None, field: str = "username") -> tuple[str, FieldError | None]:
    """(the stored form, None) or ("", the problem). Long input is measured before anything else."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        return "", FieldError(field, QT_TRANSLATE_NOOP("Validation", "请填写用户名"))
    if len(text) > USERNAME_MAX:
        return "", FieldError(field, QT_TRANSLATE_NOOP("Validation", "用户名太长：最多{max}个字，现在{n}个字"),
                              {"max": USERNAME_MAX, "n": len(text)})
    if not _USERNAME.match(text):
        return "", FieldError(field, QT_TRANSLATE_NOOP(
            "Validation", "用户名只能由汉字、字母、数字和 _ . - · 组成，不能有空格、引号或其他符号"))
    if len(text) < USERNAME_MIN:
        return "", FieldError(field, QT_TRANSLATE_NOOP("Validation", "用户名至少要{min}个字"), {"min": USERNAME_MIN})
    return text.casefold(), None


def username_from_name(name: str) -> str:
    """A user name made from a person's name (the operator setting an upgrade turns into the first
    account): the characters a user name may not hold left out, cut to the longest allowed."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    kept = "".join(ch for ch in text if ch.isalnum() or ch in "_.-·")
    return kept[:USERNAME_MAX].casefold()


# -- passwords ----------------------------------------------------------------------------------------

PASSWORD_MIN = 8
# Long enough for any passphrase; longer input is refused before it is hashed (a 10,000-character
# password would only be a way to make the PC work).
PASSWORD_MAX = 128


def check_password_input(value: str | None, field: str = "password") -> FieldError | None:
    """What a login may be given: not empty, not absurdly long (nothing else: the hash decides)."""
    if not value:
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "请填写密码"))
    if len(value) > PASSWORD_MAX:
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "密码太长：最多{max}个字符，现在{n}个字符"),
                          {"max": PASSWORD_MAX, "n": len(value)})
    return None


def check_new_password(value: str | None, username: str = "", field: str = "password") -> FieldError | None:
    """The rules for a password being set: at least 8 characters, at most 128, no control characters,
    not the user name, not one character repeated."""
    problem = check_password_input(value, field)
    if problem is not None:
        return problem
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "密码里有无法输入的控制字符，请重新输入"))
    if len(value) < PASSWORD_MIN:
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "密码太短：至少要{min}个字符，现在{n}个字符"),
                          {"min": PASSWORD_MIN, "n": len(value)})
    if username and username_key(value) == username_key(username):
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "密码不能和用户名相同"))
    if len(set(value)) == 1:
        return FieldError(field, QT_TRANSLATE_NOOP("Validation", "密码不能是同一个字符重复"))
    return None


# -- wrong passwords ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LockoutPolicy:
    """Wrong passwords in a row: the first ``free`` cost nothing, then each one makes the account wait
    (``waits``, seconds, the last repeated), and the ``lock_after``-th locks it for ``lock_minutes``.
    A right password or an administrator's reset clears the count. While an account waits or is
    locked, a password is not even tried, so guessing gains nothing from typing faster."""

    free: int = 2
    waits: tuple[int, ...] = (30, 60)
    lock_after: int = 5
    lock_minutes: int = 15

    def blocked_until(self, failures: int, last_failure: dt.datetime) -> dt.datetime | None:
        """Until when an account that has ``failures`` wrong passwords in a row, the last at
        ``last_failure``, takes no password; None when it takes one now."""
        if failures >= self.lock_after:
            return last_failure + dt.timedelta(minutes=self.lock_minutes)
        if failures <= self.free:
            return None
        wait = self.waits[min(failures - self.free, len(self.waits)) - 1]
        return last_failure + dt.timedelta(seconds=wait)

    def is_lock(self, failures: int) -> bool:
        return failures >= self.lock_after


DEFAULT_LOCKOUT = LockoutPolicy()


def blocked_message(policy: LockoutPolicy, failures: int, until: dt.datetime, now: dt.datetime) -> Refused:
    """The refusal a login meets while the account waits or is locked."""
    seconds = max(1, int((until - now).total_seconds() + 0.999))
    if policy.is_lock(failures):
        return Refused(QT_TRANSLATE_NOOP("Validation", "密码连续输错{n}次，账号已锁定。请{minutes}分钟后再试，"
                                                       "或请管理员重设密码。"),
                       n=failures, minutes=max(1, (seconds + 59) // 60))
    return Refused(QT_TRANSLATE_NOOP("Validation", "密码已连续输错{n}次，请等{seconds}秒再试。"),
                   n=failures, seconds=seconds)


# -- the idle lock ------------------------------------------------------------------------------------

DEFAULT_IDLE_LOCK_MINUTES = 15
IDLE_LOCK_RANGE = (1, 240)


def check_idle_lock_minutes(value: str | int | None, field: str = "idle_lock_minutes"
                            ) -> tuple[int | None, FieldError | None]:
    low, high = IDLE_LOCK_RANGE
    text = str(value if value is not None else "").strip()
    # Measured before int(): ten thousand digits would not even convert (Python's 4,300-digit limit).
    if not (text.isdigit() and len(text) <= 3) or not low <= int(text) <= high:
        return None, FieldError(field, QT_TRANSLATE_NOOP("Validation", "自动锁定时间请填{low}到{high}之间的分钟数"),
                                {"low": low, "high": high})
    return int(text), None


# -- the recovery key ---------------------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so nothing read off paper is mistaken for something else.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_LENGTH = 24  # 120 bits
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def new_recovery_key() -> str:
    """A fresh recovery key, grouped for printing: 6DE4-7HPF-1EW6-... (24 characters, 120 bits)."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return format_recovery_key(raw)


def format_recovery_key(raw: str) -> str:
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def normalise_recovery_key(text: str | None) -> str | None:
    """The key as typed back from paper (any case, blanks and dashes, O for 0, I or L for 1), in its
    printed form; None when it cannot be one."""
    if not text or len(text) > 4 * RECOVERY_LENGTH:
        return None
    raw = "".join(_READ_AS.get(ch, ch) for ch in unicodedata.normalize("NFKC", text).upper()
                  if ch not in " -\t\n")
    if len(raw) != RECOVERY_LENGTH or any(ch not in RECOVERY_ALPHABET for ch in raw):
        return None
    return format_recovery_key(raw)
