"""The audit trail (issue 15): one row for every write, login, export, backup, restore, print and
unmasked ID number or phone; each row holds the SHA-256 of the row before it and of its own content,
so a row changed, deleted, inserted or moved breaks the chain at that row.

The hash format is frozen: rows written by every version must verify with this code (migration 0008
writes the first row with it). Plain Python, so the check command and the tests use it without the ORM.

What the chain does and does not prove: it is not keyed, so someone who edits the database file and
recomputes every hash after the row changed is not caught by the chain alone; it catches every edit
made without doing that (a row changed with a database tool, a row deleted, rows restored from
elsewhere), and ``last_issued`` (SQLite's AUTOINCREMENT counter) catches rows cut off the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Iterable

from .enums import Labelled
from .i18n import QT_TRANSLATE_NOOP

GENESIS = "0" * 64  # the "previous hash" of the first row
_FORMAT = "xinye-audit-1"


class AuditKind(Labelled):
    LOGIN = ("login", QT_TRANSLATE_NOOP("Vocabulary", "登录"))
    LOGIN_FAILED = ("login_failed", QT_TRANSLATE_NOOP("Vocabulary", "登录失败"))
    LOGOUT = ("logout", QT_TRANSLATE_NOOP("Vocabulary", "退出登录"))
    ACCOUNT_CREATED = ("account_created", QT_TRANSLATE_NOOP("Vocabulary", "新建账号"))
    ACCOUNT_CHANGED = ("account_changed", QT_TRANSLATE_NOOP("Vocabulary", "修改账号"))
    PASSWORD_SET = ("password_set", QT_TRANSLATE_NOOP("Vocabulary", "设置密码"))
    PASSWORD_RESET = ("password_reset", QT_TRANSLATE_NOOP("Vocabulary", "管理员重设密码"))
    RECOVERED = ("recovered", QT_TRANSLATE_NOOP("Vocabulary", "用恢复密钥恢复"))
    SETTINGS = ("settings", QT_TRANSLATE_NOOP("Vocabulary", "修改设置"))
    WRITE = ("write", QT_TRANSLATE_NOOP("Vocabulary", "修改数据"))
    # What the services write, by area, so that the trail can be narrowed to one kind of work.
    CASE = ("case", QT_TRANSLATE_NOOP("Vocabulary", "登记或修改案件"))
    SELECTION = ("selection", QT_TRANSLATE_NOOP("Vocabulary", "选择明白人和调解人员"))
    SITTING = ("sitting", QT_TRANSLATE_NOOP("Vocabulary", "调解"))
    AGREEMENT = ("agreement", QT_TRANSLATE_NOOP("Vocabulary", "调解协议"))
    AFTERCARE = ("aftercare", QT_TRANSLATE_NOOP("Vocabulary", "回访、履行和司法确认"))
    PEOPLE = ("people", QT_TRANSLATE_NOOP("Vocabulary", "明白人库和人员名单"))
    CANVASS = ("canvass", QT_TRANSLATE_NOOP("Vocabulary", "矛盾纠纷排查"))
    EXPORT = ("export", QT_TRANSLATE_NOOP("Vocabulary", "导出"))
    BACKUP = ("backup", QT_TRANSLATE_NOOP("Vocabulary", "备份"))
    RESTORE = ("restore", QT_TRANSLATE_NOOP("Vocabulary", "恢复备份"))
    PRINT = ("print", QT_TRANSLATE_NOOP("Vocabulary", "打印"))
    UNMASKED = ("unmasked", QT_TRANSLATE_NOOP("Vocabulary", "查看完整证件号或电话"))
    UPGRADE = ("upgrade", QT_TRANSLATE_NOOP("Vocabulary", "升级数据"))


def kind_label(code: str) -> str:
    """The label of a stored kind; a kind a later version wrote is shown as its code."""
    try:
        return AuditKind(code).label
    except ValueError:
        return code


def summary_text(summary: dict | None) -> str:
    """How a summary is stored (and hashed): compact JSON, keys sorted, Chinese as it is."""
    return json.dumps(summary or {}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def at_text(at: dt.datetime | str) -> str:
    """A row's time as SQLite holds it (what SQLAlchemy writes: 2026-12-02 09:30:00.000000), so the
    ORM and a plain sqlite3 reader hash the same text."""
    if isinstance(at, str):
        return at
    return at.isoformat(sep=" ", timespec="microseconds")


def row_hash(*, id: int, at: dt.datetime | str, account_id: int | None, actor: str, kind: str,
             case_id: int | None, summary: str, prev_hash: str) -> str:
    """SHA-256 of the previous row's hash and this row's content (its id included, so that a row moved
    to another place no longer matches). ``summary`` is the stored JSON text."""
    content = json.dumps([_FORMAT, id, at_text(at), account_id, actor, kind, case_id, summary, prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime  # UTC
    account_id: int | None
    actor: str
    kind: str
    case_id: int | None
    summary: dict = field(default_factory=dict)
    case_number: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class AuditFilter:
    """What an administrator narrows the trail to. Dates are local calendar days, both included."""

    actor: str = ""  # who (the name signed), exact
    account_id: int | None = None
    case_id: int | None = None
    kinds: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain does not hold: the row (its id) and why, as a translatable message."""

    row_id: int | None
    reason: str  # "changed", "link", "gap", "head", "tail"
    message: str
    params: dict = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params)


# One stored row as read for checking: id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash.
StoredRow = tuple


def verify_chain(rows: Iterable[StoredRow], last_issued: int | None = None) -> tuple[int, ChainBreak | None]:
    """(rows checked, the first break or None). ``rows`` in id order; ``last_issued`` the highest id
    ever given out (SQLite's sqlite_sequence), to see rows cut off the end."""
    expected_prev, previous_id, count = GENESIS, None, 0
    for row in rows:
        row_id, at, account_id, actor, kind, case_id, summary, prev_hash, stored_hash = row
        count += 1
        if previous_id is None and row_id != 1:
            return count, ChainBreak(row_id, "head", QT_TRANSLATE_NOOP(
                "Validation", "第{row}条审计记录是现存的第一条，但它前面原来还有记录：第1至{last}条被删除了"),
                {"row": row_id, "last": row_id - 1})
        if previous_id is not None and row_id != previous_id + 1:
            if row_id == previous_id + 2:
                return count, ChainBreak(row_id, "gap", QT_TRANSLATE_NOOP(
                    "Validation", "第{row}条审计记录之前缺少第{first}条：这条记录被删除了"),
                    {"row": row_id, "first": previous_id + 1})
            return count, ChainBreak(row_id, "gap", QT_TRANSLATE_NOOP(
                "Validation", "第{row}条审计记录之前缺少第{first}至{last}条：这些记录被删除了"),
                {"row": row_id, "first": previous_id + 1, "last": row_id - 1})
        if prev_hash != expected_prev:
            return count, ChainBreak(row_id, "link", QT_TRANSLATE_NOOP(
                "Validation", "第{row}条审计记录接不上前一条：它前面的记录被改动、删除、插入或调换过"),
                {"row": row_id})
        computed = row_hash(id=row_id, at=at, account_id=account_id, actor=actor, kind=kind, case_id=case_id,
                            summary=summary, prev_hash=prev_hash)
        if computed != stored_hash:
            return count, ChainBreak(row_id, "changed", QT_TRANSLATE_NOOP(
                "Validation", "第{row}条审计记录的内容与它的哈希值不符：这条记录被改动过"), {"row": row_id})
        expected_prev, previous_id = stored_hash, row_id
    if last_issued is not None and last_issued > (previous_id or 0):
        first = (previous_id or 0) + 1
        return count, ChainBreak(first, "tail", QT_TRANSLATE_NOOP(
            "Validation", "最后的审计记录被删除了：第{first}至{last}条已不在"), {"first": first, "last": last_issued})
    return count, None
