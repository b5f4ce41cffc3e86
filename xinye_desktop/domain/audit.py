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
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .enums import CaseStatus, Labelled
from .history import PARTY_FIELD_LABELS, action_label, field_label
from .i18n import QT_TRANSLATE_NOOP
from .identity import mask_id_number, mask_phone
from .times import local_time

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

    @property
    def description(self) -> str:
        """The summary in Chinese (describe_summary), as the exports write it."""
        return describe_summary(self.kind, self.summary)


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
    # Keyset paging: only rows older than this one (id below it), so that a later page reads its own rows
    # and none of those before it, and rows written meanwhile do not shift the pages.
    before_id: int | None = None


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


# -- a row's summary in words ---------------------------------------------------------------------------
# A summary is stored as the service wrote it (codes and counts, hashed as they are); this says it in
# Chinese, for the 审计记录 dialog and the exported files alike. ``say(context, text)`` translates (the UI
# passes Qt's translate; the exports keep the Chinese). Every template is marked here for lupdate.
# A key or code a later version writes is shown as it is rather than dropped.

Translate = Callable[[str, str], str]
_CONTEXT = "AuditSummary"
SEPARATOR = QT_TRANSLATE_NOOP("AuditSummary", "；")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Lists", "、")  # the list separator the UI uses (ui/i18n.join_list)
CONDITION_SEPARATOR = QT_TRANSLATE_NOOP("AuditSummary", "，")

LOGIN_REASONS = {
    "wrong_password": QT_TRANSLATE_NOOP("AuditSummary", "密码错误"),
    "unknown_user": QT_TRANSLATE_NOOP("AuditSummary", "没有这个用户名"),
    "disabled": QT_TRANSLATE_NOOP("AuditSummary", "账号已停用"),
    "blocked": QT_TRANSLATE_NOOP("AuditSummary", "账号暂时锁定中"),
    "wrong_recovery_key": QT_TRANSLATE_NOOP("AuditSummary", "恢复密钥不对"),
}
LOGIN_PURPOSES = {
    "login": QT_TRANSLATE_NOOP("AuditSummary", "登录"),
    "unlock": QT_TRANSLATE_NOOP("AuditSummary", "解锁屏幕"),
    "change_password": QT_TRANSLATE_NOOP("AuditSummary", "修改密码"),
    "recover": QT_TRANSLATE_NOOP("AuditSummary", "用恢复密钥恢复"),
}
EXPORTED = {
    "ledger": QT_TRANSLATE_NOOP("AuditSummary", "纠纷台账"),
    "statistics": QT_TRANSLATE_NOOP("AuditSummary", "统计报表"),
    "audit_log": QT_TRANSLATE_NOOP("AuditSummary", "审计记录"),
    "exchange_package": QT_TRANSLATE_NOOP("AuditSummary", "报送司法所的数据包"),
}
# The settings a row names (services/settings.py, accounts.py, taking_effect.py).
SETTING_LABELS = {
    "committee_name": QT_TRANSLATE_NOOP("AuditSummary", "调委会名称"),
    "case_prefix": QT_TRANSLATE_NOOP("AuditSummary", "案号前缀"),
    "operator": QT_TRANSLATE_NOOP("AuditSummary", "操作员"),
    "visit_interval_days": QT_TRANSLATE_NOOP("AuditSummary", "回访间隔（天）"),
    "backup_second_folder": QT_TRANSLATE_NOOP("AuditSummary", "第二备份位置"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("AuditSummary", "无操作自动锁定（分钟）"),
    "signing_key": QT_TRANSLATE_NOOP("AuditSummary", "报送包签名密钥（指纹）"),
}
# Backup kinds (services/backup/model.py KIND_LABELS, the same words and context: one translation).
BACKUP_KINDS = {
    "start": QT_TRANSLATE_NOOP("Backup", "启动时"), "daily": QT_TRANSLATE_NOOP("Backup", "每日"),
    "manual": QT_TRANSLATE_NOOP("Backup", "手动"), "migration": QT_TRANSLATE_NOOP("Backup", "升级前"),
    "before_restore": QT_TRANSLATE_NOOP("Backup", "恢复前"), "export": QT_TRANSLATE_NOOP("Backup", "导出"),
}
# "action" of the 明白人库, the role lists and the 排查 records; a canvass's are plain verbs.
ACTIONS = {
    "elder_add": QT_TRANSLATE_NOOP("AuditSummary", "新增明白人"),
    "elder_update": QT_TRANSLATE_NOOP("AuditSummary", "修改明白人"),
    "elder_retire": QT_TRANSLATE_NOOP("AuditSummary", "明白人退出"),
    "elder_reinstate": QT_TRANSLATE_NOOP("AuditSummary", "明白人恢复"),
    "elder_delete": QT_TRANSLATE_NOOP("AuditSummary", "删除明白人"),
    "person_add": QT_TRANSLATE_NOOP("AuditSummary", "名单新增人员"),
    "person_update": QT_TRANSLATE_NOOP("AuditSummary", "修改名单中的人员"),
    "person_retire": QT_TRANSLATE_NOOP("AuditSummary", "人员退出名单"),
    "person_reinstate": QT_TRANSLATE_NOOP("AuditSummary", "人员恢复到名单"),
    "person_delete": QT_TRANSLATE_NOOP("AuditSummary", "删除名单中的人员"),
    "roster_import": QT_TRANSLATE_NOOP("AuditSummary", "导入明白人名单"),
}
CANVASS_ACTIONS = {
    "add": QT_TRANSLATE_NOOP("AuditSummary", "新增排查记录"),
    "update": QT_TRANSLATE_NOOP("AuditSummary", "修改排查记录"),
    "delete": QT_TRANSLATE_NOOP("AuditSummary", "删除排查记录"),
}
SAVED = {"draft": QT_TRANSLATE_NOOP("AuditSummary", "保存草稿"),
         "record": QT_TRANSLATE_NOOP("AuditSummary", "保存调解记录")}
# Other flags: the phrase a true value says (a false one says nothing, unless given here too).
FLAGS = {
    "first_admin": (QT_TRANSLATE_NOOP("AuditSummary", "第一个管理员账号"), None),
    "first_password": (QT_TRANSLATE_NOOP("AuditSummary", "第一次设置密码"), None),
    "unlock": (QT_TRANSLATE_NOOP("AuditSummary", "解锁屏幕"), None),
    "recovered": (QT_TRANSLATE_NOOP("AuditSummary", "用恢复密钥恢复后登录"), None),
    "locked": (QT_TRANSLATE_NOOP("AuditSummary", "账号已暂时锁定"), None),
    "disabled": (QT_TRANSLATE_NOOP("AuditSummary", "停用账号"), QT_TRANSLATE_NOOP("AuditSummary", "重新启用账号")),
    "unchanged": (QT_TRANSLATE_NOOP("AuditSummary", "没有改动"), None),
    "signed": (QT_TRANSLATE_NOOP("AuditSummary", "登记签署"), None),
    "scan": (QT_TRANSLATE_NOOP("AuditSummary", "附上签署件扫描件"), None),
    "show_phone": (QT_TRANSLATE_NOOP("AuditSummary", "含联系电话"), QT_TRANSLATE_NOOP("AuditSummary", "不含联系电话")),
    "zero_report": (QT_TRANSLATE_NOOP("AuditSummary", "零报告"), None),
    "second": (QT_TRANSLATE_NOOP("AuditSummary", "另存一份到第二备份位置"), None),
    "set_aside": (QT_TRANSLATE_NOOP("AuditSummary", "损坏的数据文件已移到一旁"), None),
}
# Keys whose value is one count or one text: the template it goes into ({value}).
# What a row is about comes first (in this order), the counts and names after it.
SUBJECT = {
    "document": QT_TRANSLATE_NOOP("AuditSummary", "《{value}》"),
    "sitting": QT_TRANSLATE_NOOP("AuditSummary", "第{value}次调解"),
    "version": QT_TRANSLATE_NOOP("AuditSummary", "第{value}版"),
    "code": QT_TRANSLATE_NOOP("AuditSummary", "核验码{value}"),
}
SIMPLE = {
    "parties": QT_TRANSLATE_NOOP("AuditSummary", "当事人{value}人"),
    "cases": QT_TRANSLATE_NOOP("AuditSummary", "案件{value}件"),
    "documents": QT_TRANSLATE_NOOP("AuditSummary", "文书{value}份"),
    "documents_copied": QT_TRANSLATE_NOOP("AuditSummary", "复制文书{value}份"),
    "elders": QT_TRANSLATE_NOOP("AuditSummary", "明白人{value}人"),
    "village": QT_TRANSLATE_NOOP("AuditSummary", "村：{value}"),
    "period": QT_TRANSLATE_NOOP("AuditSummary", "期间：{value}"),
    "file": QT_TRANSLATE_NOOP("AuditSummary", "文件：{value}"),
    "backup": QT_TRANSLATE_NOOP("AuditSummary", "备份：{value}"),
    "before_restore": QT_TRANSLATE_NOOP("AuditSummary", "恢复前的数据另存为：{value}"),
    "hub_key": QT_TRANSLATE_NOOP("AuditSummary", "司法所公钥指纹：{value}"),
    "elder": QT_TRANSLATE_NOOP("AuditSummary", "明白人编号{value}"),
    "person": QT_TRANSLATE_NOOP("AuditSummary", "人员编号{value}"),
    "canvass": QT_TRANSLATE_NOOP("AuditSummary", "排查记录编号{value}"),
    "visit": QT_TRANSLATE_NOOP("AuditSummary", "回访编号{value}"),
    "revision": QT_TRANSLATE_NOOP("AuditSummary", "数据升级（{value}）"),
    "display_name": QT_TRANSLATE_NOOP("AuditSummary", "姓名：{value}"),
    "note": QT_TRANSLATE_NOOP("AuditSummary", "备注：{value}"),
}
FORMATS = {"docx": QT_TRANSLATE_NOOP("AuditSummary", "Word 文件（.docx）")}
COPIES = {"archived_pdf": QT_TRANSLATE_NOOP("AuditSummary", "存档的 PDF")}
UNMASKED_FIELDS = {"id_number": PARTY_FIELD_LABELS["id_number"], "phone": PARTY_FIELD_LABELS["phone"]}

# The phrases ``_Describer.phrases`` builds of one key (or, for "account_named" and "marks", two).
PHRASES = {
    "history": QT_TRANSLATE_NOOP("AuditSummary", "操作：{value}"),
    "reason": QT_TRANSLATE_NOOP("AuditSummary", "原因：{value}"),
    "purpose": QT_TRANSLATE_NOOP("AuditSummary", "当时在：{value}"),
    "failures": QT_TRANSLATE_NOOP("AuditSummary", "连续第{value}次输错"),
    "until": QT_TRANSLATE_NOOP("AuditSummary", "锁定到{value}"),
    "account": QT_TRANSLATE_NOOP("AuditSummary", "账号：{value}"),
    "account_named": QT_TRANSLATE_NOOP("AuditSummary", "账号：{username}（{name}）"),
    "account_id": QT_TRANSLATE_NOOP("AuditSummary", "账号编号{value}"),
    "role": QT_TRANSLATE_NOOP("AuditSummary", "角色"),
    "from_operator": QT_TRANSLATE_NOOP("AuditSummary", "由原来的“操作员”设置生成"),
    "recovery_key": QT_TRANSLATE_NOOP("AuditSummary", "恢复密钥已打印"),
    "outcome": QT_TRANSLATE_NOOP("AuditSummary", "结果：{value}"),
    "kind": QT_TRANSLATE_NOOP("AuditSummary", "方式：{value}"),
    "from": QT_TRANSLATE_NOOP("AuditSummary", "恢复自：{value}"),
    "created": QT_TRANSLATE_NOOP("AuditSummary", "备份时间：{value}"),
    "marks": QT_TRANSLATE_NOOP("AuditSummary", "变更范围：第{since}号之后至第{up_to}号"),
    "rows": QT_TRANSLATE_NOOP("AuditSummary", "共{value}条"),
    "people": QT_TRANSLATE_NOOP("AuditSummary", "{value}人"),
    "conditions": QT_TRANSLATE_NOOP("AuditSummary", "条件：{value}"),
    "other": QT_TRANSLATE_NOOP("AuditSummary", "{name}：{value}"),
}

CONDITIONS = {
    "filter_actor": QT_TRANSLATE_NOOP("AuditSummary", "人员 {value}"),
    "filter_account_id": QT_TRANSLATE_NOOP("AuditSummary", "账号编号 {value}"),
    "filter_case_id": QT_TRANSLATE_NOOP("AuditSummary", "案件编号 {value}"),
    "filter_kinds": QT_TRANSLATE_NOOP("AuditSummary", "类别 {value}"),
    "days": QT_TRANSLATE_NOOP("AuditSummary", "日期 {since}至{until}"),
    "since": QT_TRANSLATE_NOOP("AuditSummary", "日期 {value}起"),
    "until": QT_TRANSLATE_NOOP("AuditSummary", "日期 至{value}"),
}

# A whole mobile, landline or 身份证号 inside a text (a file name typed, a note): masked when shown. The
# services never write one (they mask or leave them out); this keeps a slip from showing one in full.
_NUMBER = re.compile(r"(?<![0-9A-Za-z])(1[3-9]\d{9}|\d{17}[\dXx]|0\d{2,3}-\d{7,8})(?![0-9A-Za-z])")


def _same(_context: str, text: str) -> str:
    return text


def mask_numbers(text: str) -> str:
    """``text`` with every whole phone or ID number in it masked (domain/identity's masks)."""
    def masked(match: re.Match) -> str:
        number = match.group(1)
        return mask_id_number(number) if len(number) == 18 and "-" not in number else mask_phone(number)

    return _NUMBER.sub(masked, text)


def describe_summary(kind: str, summary: dict | None, say: Translate = _same) -> str:
    """A row's summary in words: what was done, to what, how many, which file; "" when it says nothing
    the kind does not. Never a full ID number or phone (rows hold none; a text that does is masked)."""
    return say("AuditSummary", SEPARATOR).join(_Describer(getattr(kind, "value", kind), say).phrases(summary or {}))


class _Describer:
    def __init__(self, kind: str, say: Translate):
        self.kind, self.say = kind, say

    def t(self, text: str, **params: Any) -> str:
        translated = self.say(_CONTEXT, text)
        return translated.format(**params) if params else translated

    def join(self, items: Iterable[str]) -> str:
        return self.say("Lists", LIST_SEPARATOR).join(items)

    def value(self, value: Any) -> str:
        """A value as text: counts and names as they are, yes or no, lists joined; numbers masked."""
        if isinstance(value, bool):
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "是") if value else QT_TRANSLATE_NOOP("AuditSummary", "否"))
        if value is None or value == "":
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "（空）"))
        if isinstance(value, (list, tuple)):
            return self.join(self.value(v) for v in value)
        if isinstance(value, dict):
            return mask_numbers(json.dumps(value, ensure_ascii=False, sort_keys=True))
        return mask_numbers(str(value))

    def label(self, table: dict, code: Any, context: str = _CONTEXT) -> str:
        text = table.get(code) if isinstance(code, str) else None
        return self.value(code) if text is None else self.say(context, text)

    def change(self, name: str, value: Any, shown: Callable[[Any], str]) -> str:
        """"name：old → new" for a [before, after] pair, else "name：value"."""
        if isinstance(value, (list, tuple)) and len(value) == 2:
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "{name}：{old} → {new}"),
                          name=name, old=shown(value[0]), new=shown(value[1]))
        return self.t(QT_TRANSLATE_NOOP("AuditSummary", "{name}：{value}"), name=name, value=shown(value))

    def vocabulary(self, enum_name: str) -> Callable[[Any], str]:
        def shown(code: Any) -> str:
            if code in (None, ""):
                return self.value(code)
            try:
                return self.say("Vocabulary", _ENUMS[enum_name]()(code).label)
            except ValueError:
                return self.value(code)

        return shown

    def local_time(self, text: Any, utc: bool) -> str:
        try:
            at = dt.datetime.fromisoformat(str(text))
        except ValueError:
            return self.value(text)
        return local_time(at) if utc else at.strftime("%Y-%m-%d %H:%M")

    # -- the phrases, in the order a reader wants them: what, to whom, how, how many, where ----------
    def phrases(self, summary: dict) -> list[str]:
        rest = dict(summary)
        take = rest.pop
        t, value = self.t, self.value

        def put(key: str, shown: Any) -> None:
            out.append(t(PHRASES[key], value=shown))

        out: list[str] = []
        if "text" in rest and len(rest) == 1:  # a row changed by hand that is not JSON (verify reports it)
            return [value(take("text"))]
        if "what" in rest:
            out.append(self.label(EXPORTED, take("what")))
        if "action" in rest:
            out.append(self.label(CANVASS_ACTIONS if self.kind == AuditKind.CANVASS.value else ACTIONS, take("action")))
        if "history" in rest:
            put("history", self._actions(take("history")))
        out += [t(SUBJECT[key], value=value(take(key))) for key in SUBJECT if key in rest]
        if "reason" in rest:
            put("reason", self.label(LOGIN_REASONS, take("reason")))
        if "purpose" in rest:
            put("purpose", self.label(LOGIN_PURPOSES, take("purpose")))
        if "failures" in rest:
            put("failures", value(take("failures")))
        if "until" in rest:
            put("until", self.local_time(take("until"), utc=True))
        if "username" in rest:
            rest.pop("account_id", None)  # the user name says which account
            name = rest.pop("display_name", None)
            out.append(t(PHRASES["account_named"], username=value(take("username")), name=value(name)) if name
                       else t(PHRASES["account"], value=value(take("username"))))
        elif "account_id" in rest:
            put("account_id", value(take("account_id")))
        if "role" in rest:
            out.append(self.change(t(PHRASES["role"]), take("role"), self.vocabulary("AccountRole")))
        if rest.get("from") == "operator_setting":
            take("from")
            out.append(t(PHRASES["from_operator"]))
        if rest.get("recovery_key") == "printed":
            take("recovery_key")
            out.append(t(PHRASES["recovery_key"]))
        if "field" in rest:
            out.append(self._unmasked(take("field"), take("party", None), take("elder", None)))
        if "status" in rest:
            out.append(self.change(self.say("History", CASE_STATUS_LABEL), take("status"), self.vocabulary("CaseStatus")))
        if "outcome" in rest:
            put("outcome", self.vocabulary("Outcome")(take("outcome")))
        if "saved" in rest:
            out.append(self.label(SAVED, take("saved")))
        if "kind" in rest:  # a backup's (made, or restored)
            put("kind", self.label(BACKUP_KINDS, take("kind"), "Backup"))
        if "from" in rest:  # the backup restored
            put("from", value(take("from")))
        if "created" in rest:
            put("created", self.local_time(take("created"), utc=False))
        if "since" in rest or "up_to" in rest:  # an exchange package's marks
            out.append(t(PHRASES["marks"], since=value(take("since", 0)), up_to=value(take("up_to", None))))
        if "format" in rest:
            out.append(self.label(FORMATS, take("format")))
        if "copy" in rest:
            out.append(self.label(COPIES, take("copy")))
        if "rows" in rest:  # the elders a roster brought in, or the lines of a file
            put("people" if self.kind == AuditKind.PEOPLE.value else "rows", value(take("rows")))
        out += [t(SIMPLE[key], value=value(take(key))) for key in SIMPLE if key in rest]
        if "fields" in rest:
            out.append(self._fields(take("fields"), take("more_fields", 0)))
        out += [self.change(t(SETTING_LABELS[key]), take(key), value) for key in SETTING_LABELS if key in rest]
        for key in [k for k in FLAGS if isinstance(rest.get(k), bool)]:
            text = FLAGS[key][0 if take(key) else 1]
            if text:
                out.append(t(text))
        conditions = self._conditions({k: take(k) for k in list(rest) if k.startswith("filter_")})
        if conditions:
            put("conditions", conditions)
        for key in sorted(rest):  # what a later version added: shown as stored, never dropped
            out.append(t(PHRASES["other"], name=mask_numbers(str(key)), value=value(rest[key])))
        return out

    def _actions(self, actions: Any) -> str:
        if not isinstance(actions, list):
            return self.value(actions)
        counted: dict[str, int] = {}
        for action in actions:
            counted[str(action)] = counted.get(str(action), 0) + 1
        return self.join(action_label(a, self.say) if n == 1 else
                         self.t(QT_TRANSLATE_NOOP("AuditSummary", "{action}（{count}次）"),
                                action=action_label(a, self.say), count=n)
                         for a, n in counted.items())

    def _fields(self, fields: Any, more: Any) -> str:
        names = self.join(mask_numbers(field_label(str(f), self.say)) for f in fields) \
            if isinstance(fields, list) else self.value(fields)
        if more:
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "改动项目：{fields}，另有{more}项"), fields=names,
                          more=self.value(more))
        return self.t(QT_TRANSLATE_NOOP("AuditSummary", "改动项目：{fields}"), fields=names)

    def _unmasked(self, field_code: Any, party: Any, elder: Any) -> str:
        """Whose full number was shown: the party's place in the case, or the elder's id, and the field."""
        name = self.label(UNMASKED_FIELDS, field_code, "History")
        if party is not None:
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "当事人{index}的{field}"), index=self.value(party), field=name)
        if elder is not None:
            return self.t(QT_TRANSLATE_NOOP("AuditSummary", "明白人编号{id}的{field}"), id=self.value(elder), field=name)
        return self.t(QT_TRANSLATE_NOOP("AuditSummary", "查看：{field}"), field=name)

    def _conditions(self, filters: dict) -> str:
        """The filter an exported trail was made with (services/audit._filter_summary)."""
        if not filters:
            return ""
        value, parts = self.value, []
        for key in ("filter_actor", "filter_account_id", "filter_case_id"):
            if key in filters:
                parts.append(self.t(CONDITIONS[key], value=value(filters.pop(key))))
        if "filter_kinds" in filters:
            kinds = filters.pop("filter_kinds")
            shown = self.join(self.say("Vocabulary", kind_label(str(k))) for k in kinds) \
                if isinstance(kinds, list) else value(kinds)
            parts.append(self.t(CONDITIONS["filter_kinds"], value=shown))
        since, until = filters.pop("filter_since", None), filters.pop("filter_until", None)
        if since and until:
            parts.append(self.t(CONDITIONS["days"], since=value(since), until=value(until)))
        elif since or until:
            parts.append(self.t(CONDITIONS["since" if since else "until"], value=value(since or until)))
        parts += [f"{mask_numbers(k)} {value(v)}" for k, v in sorted(filters.items())]
        return self.say(_CONTEXT, CONDITION_SEPARATOR).join(parts)


CASE_STATUS_LABEL = QT_TRANSLATE_NOOP("History", "状态")


def _account_role():
    from .accounts import AccountRole

    return AccountRole


def _outcome():
    from .session import Outcome

    return Outcome


# Imported when a row names one (domain/session pulls in the elders' and the choice's modules).
_ENUMS: dict[str, Callable[[], type]] = {"AccountRole": _account_role, "CaseStatus": lambda: CaseStatus,
                                         "Outcome": _outcome}
