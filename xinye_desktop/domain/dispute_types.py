"""The county's list of local dispute types (纠纷类型细目, issue 16 item 4).

The monthly report counts the 15 categories of DisputeType (domain.md §3), and those stay fixed. A 司法所
or the 司法局 adds the local types it wants its villages to name alike (继承纠纷, 村务管理纠纷, 计划生育纠纷 …),
each filed under one of the 15: the hub sends the list in its return packages (services/hub/returns.py), the village
stores it (services/exchange/returns_import.py) and its intake offers the local types under their category.
A case of a local type is stored as its category with the type's name as the 类型说明, so every report by the
15 categories counts it where it belongs, and the name still says what it was.

The list travels as JSON: ``[{"name": "继承纠纷", "category": "marriage_family"}, …]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .enums import DisputeType
from .i18n import QT_TRANSLATE_NOOP
from .text import TextError, clean_text

MAX_LOCAL_TYPES = 60
MAX_NAME_LEN = 20  # a 类型说明 holds 50; a type's name is a few characters

EMPTY_NAME = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项：没有填写细目名称。")
BAD_NAME = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项的名称含有无法保存的控制字符，请删除后重新输入。")
NAME_TOO_LONG = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项“{name}”：名称太长，最多 {max} 个字。")
NO_CATEGORY = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项“{name}”：请选择它归入的统计类别（15 类之一）。")
STANDARD_NAME = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项“{name}”本身就是统计类别之一，不用再加。")
DUPLICATE = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项“{name}”与前面的一项重名。")
TOO_MANY = QT_TRANSLATE_NOOP("DisputeTypes", "细目最多 {max} 项，现在 {n} 项。")
BAD_LINE = QT_TRANSLATE_NOOP("DisputeTypes", "第{line}项写法不对：应写成“细目名称=统计类别”，如 继承纠纷=婚姻家庭纠纷。")


@dataclass(frozen=True)
class LocalType:
    name: str
    category: DisputeType

    def as_json(self) -> dict:
        return {"name": self.name, "category": self.category.value}


class LocalTypesError(ValueError):
    """The list cannot be used; ``message`` a translatable template (context "DisputeTypes")."""

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params


def category_named(text: str) -> DisputeType | None:
    """The category a person names: its code (marriage_family), its label (婚姻家庭纠纷) or the label
    without 纠纷 (婚姻家庭)."""
    text = (text or "").strip()
    for kind in DisputeType:
        if text in (kind.value, kind.label, kind.label.removesuffix("纠纷")):
            return kind
    return None


def check_local_types(entries: list[tuple[str, DisputeType | str | None]]) -> tuple[LocalType, ...]:
    """The list as it would be stored, in its order, or LocalTypesError for the first entry that cannot be
    used (numbered from 1). ``entries``: (name, category as a DisputeType, a code or a label)."""
    if len(entries) > MAX_LOCAL_TYPES:
        raise LocalTypesError(TOO_MANY, max=MAX_LOCAL_TYPES, n=len(entries))
    standard = {kind.label for kind in DisputeType}
    seen: set[str] = set()
    checked = []
    for line, (raw_name, raw_category) in enumerate(entries, start=1):
        try:
            name = clean_text(str(raw_name or ""), max_len=10_000)
        except TextError:
            raise LocalTypesError(BAD_NAME, line=line) from None
        if not name:
            raise LocalTypesError(EMPTY_NAME, line=line)
        if len(name) > MAX_NAME_LEN:
            raise LocalTypesError(NAME_TOO_LONG, line=line, name=name[:MAX_NAME_LEN] + "…", max=MAX_NAME_LEN)
        category = raw_category if isinstance(raw_category, DisputeType) else category_named(str(raw_category or ""))
        if category is None:
            raise LocalTypesError(NO_CATEGORY, line=line, name=name)
        if name in standard:
            raise LocalTypesError(STANDARD_NAME, line=line, name=name)
        if name in seen:
            raise LocalTypesError(DUPLICATE, line=line, name=name)
        seen.add(name)
        checked.append(LocalType(name, category))
    return tuple(checked)


def parse_lines(text: str) -> list[tuple[str, str]]:
    """``继承纠纷=婚姻家庭纠纷`` one per line (blank lines skipped; = or ＝ or a tab) into entries for
    check_local_types; LocalTypesError for a line without a category."""
    entries = []
    for line, raw in enumerate((text or "").splitlines(), start=1):
        if not raw.strip():
            continue
        for separator in ("=", "＝", "\t"):
            if separator in raw:
                name, category = raw.split(separator, 1)
                break
        else:
            raise LocalTypesError(BAD_LINE, line=line)
        entries.append((name, category))
    return entries


def dumps_local_types(types: tuple[LocalType, ...] | list[LocalType]) -> str:
    return json.dumps([t.as_json() for t in types], ensure_ascii=False, separators=(",", ":"))


def loads_local_types(value) -> tuple[LocalType, ...]:
    """The stored or sent list (JSON text or already decoded); LocalTypesError if it does not hold."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else []
        except ValueError:
            raise LocalTypesError(BAD_LINE, line=1) from None
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LocalTypesError(BAD_LINE, line=1)
    entries = []
    for item in value:
        name, category = item.get("name"), item.get("category")
        if not isinstance(name, str) or not isinstance(category, str):
            raise LocalTypesError(BAD_LINE, line=len(entries) + 1)
        try:
            entries.append((name, DisputeType(category)))
        except ValueError:
            raise LocalTypesError(NO_CATEGORY, line=len(entries) + 1, name=name) from None
    return check_local_types(entries)


__all__ = ["LocalType", "LocalTypesError", "MAX_LOCAL_TYPES", "category_named", "check_local_types",
           "dumps_local_types", "loads_local_types", "parse_lines"]
