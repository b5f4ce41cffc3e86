"""The words of a case's history (修改记录): the labels of the fields a line names, and of its actions.

One table for everyone who shows them: intake writes the field labels into the history lines (and so
into the audit rows' "fields", services/audit.record), the 修改记录 dialog shows the actions, and the
audit trail's summaries (domain/audit.describe_summary) name both. A party's field is stored after the
party's place in the case, "当事人1·住址" (``party_field``), so that the line reads without the case.
"""

from __future__ import annotations

import re

from .i18n import QT_TRANSLATE_NOOP

# Field labels, context "History": stored in the lines as the Chinese text and translated when shown.
CASE_FIELD_LABELS = {
    "received_date": QT_TRANSLATE_NOOP("History", "受理日期"),
    "source": QT_TRANSLATE_NOOP("History", "案件来源"),
    "source_note": QT_TRANSLATE_NOOP("History", "来源说明"),
    "dispute_type": QT_TRANSLATE_NOOP("History", "纠纷类型"),
    "dispute_type_note": QT_TRANSLATE_NOOP("History", "类型说明"),
    "village": QT_TRANSLATE_NOOP("History", "村"),
    "group": QT_TRANSLATE_NOOP("History", "村民小组"),
    "facts": QT_TRANSLATE_NOOP("History", "纠纷简要情况"),
    "status": QT_TRANSLATE_NOOP("History", "状态"),
    "screening": QT_TRANSLATE_NOOP("History", "受理审查"),
}
PARTY_FIELD_LABELS = {
    "kind": QT_TRANSLATE_NOOP("History", "类别"), "role": QT_TRANSLATE_NOOP("History", "地位"),
    "name": QT_TRANSLATE_NOOP("History", "姓名"), "sex": QT_TRANSLATE_NOOP("History", "性别"),
    "ethnicity": QT_TRANSLATE_NOOP("History", "民族"), "birth_date": QT_TRANSLATE_NOOP("History", "出生日期"),
    "age": QT_TRANSLATE_NOOP("History", "年龄"), "occupation": QT_TRANSLATE_NOOP("History", "职业或职务"),
    "phone": QT_TRANSLATE_NOOP("History", "联系电话"), "address": QT_TRANSLATE_NOOP("History", "住址"),
    "id_number": QT_TRANSLATE_NOOP("History", "身份证号"),
    "legal_representative": QT_TRANSLATE_NOOP("History", "法定代表人"),
    "credit_code": QT_TRANSLATE_NOOP("History", "统一社会信用代码"), "claims": QT_TRANSLATE_NOOP("History", "请求事项"),
}

# What a history line did (its "action" code), context "HistoryDialog" where these were first shown.
ACTION_LABELS = {
    "create": QT_TRANSLATE_NOOP("HistoryDialog", "登记"), "update": QT_TRANSLATE_NOOP("HistoryDialog", "修改"),
    "elder_propose": QT_TRANSLATE_NOOP("HistoryDialog", "提名明白人"),
    "elder_answer": QT_TRANSLATE_NOOP("HistoryDialog", "当事人表态"),
    "elder_relation": QT_TRANSLATE_NOOP("HistoryDialog", "申报关系"),
    "elder_confirm": QT_TRANSLATE_NOOP("HistoryDialog", "确认回避情形"),
    "elder_end": QT_TRANSLATE_NOOP("HistoryDialog", "回避或撤回"),
    "role_add": QT_TRANSLATE_NOOP("HistoryDialog", "添加人员"),
    "role_remove": QT_TRANSLATE_NOOP("HistoryDialog", "移除人员"),
    "session_start": QT_TRANSLATE_NOOP("HistoryDialog", "开始调解"),
    "session_finish": QT_TRANSLATE_NOOP("HistoryDialog", "结束调解"),
    "agreement_new": QT_TRANSLATE_NOOP("HistoryDialog", "协议新版本"),
    "agreement_print": QT_TRANSLATE_NOOP("HistoryDialog", "打印协议"),
    "agreement_sign": QT_TRANSLATE_NOOP("HistoryDialog", "协议签署"),
    "effect": QT_TRANSLATE_NOOP("HistoryDialog", "协议生效"),
    "status": QT_TRANSLATE_NOOP("HistoryDialog", "更改状态"),
    "performance": QT_TRANSLATE_NOOP("HistoryDialog", "履行情况"),
    "confirmation_apply": QT_TRANSLATE_NOOP("HistoryDialog", "申请司法确认"),
    "confirmation_decide": QT_TRANSLATE_NOOP("HistoryDialog", "司法确认裁定"),
    "visit_plan": QT_TRANSLATE_NOOP("HistoryDialog", "安排回访"),
    "visit_record": QT_TRANSLATE_NOOP("HistoryDialog", "回访"),
    "visit_correct": QT_TRANSLATE_NOOP("HistoryDialog", "更正回访"),
    "visit_cancel": QT_TRANSLATE_NOOP("HistoryDialog", "取消回访"),
    "status_snapshot": QT_TRANSLATE_NOOP("HistoryDialog", "升级时的状态"),
    "prevention": QT_TRANSLATE_NOOP("HistoryDialog", "防止纠纷激化"),
}

# The stored form of a party's field label. The prefix is data (lines written by every version carry
# it in Chinese), not interface text: ``split_party_field`` takes it apart to translate the rest.
_PARTY_PREFIX = "当事人{index}·"
_PARTY_FIELD = re.compile(r"^当事人(\d+)·(.+)$", re.DOTALL)


def party_field(index: int, label: str) -> str:
    """How a history line names a party's field: "当事人1·住址" (``label`` the Chinese label)."""
    return _PARTY_PREFIX.format(index=index) + label


def split_party_field(label: str) -> tuple[int | None, str]:
    """(the party's place, the field's own label) of a stored label; (None, label) for a case's field."""
    match = _PARTY_FIELD.match(label or "")
    if match is None:
        return None, label
    return int(match.group(1)), match.group(2)


def _same(_context: str, text: str) -> str:
    return text


def field_label(label: str, say=_same) -> str:
    """A stored field label in the interface language (``say(context, text)``, e.g. Qt's translate;
    by default the Chinese as stored): a party's field as "当事人1·住址" with its own label translated."""
    index, own = split_party_field(str(label))
    if index is None:
        return say("History", own)
    template = QT_TRANSLATE_NOOP("History", "当事人{index}·{field}")
    return say("History", template).format(index=index, field=say("History", own))


def action_label(action: str, say=_same) -> str:
    """A history line's action in the interface language; a code a later version wrote shows as it is."""
    label = ACTION_LABELS.get(action)
    return action if label is None else say("HistoryDialog", label)
