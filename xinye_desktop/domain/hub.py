"""The hub (issue 16 item 3): a 司法所 or 司法局 that imports the villages' packages. Names and rules both the
services and a later UI share, no I/O."""

from __future__ import annotations

import re

from .enums import Labelled
from .i18n import QT_TRANSLATE_NOOP


class HubMode(Labelled):
    """Chosen once at the hub's set-up: the office it is, and what its area is."""

    TOWNSHIP = ("township", QT_TRANSLATE_NOOP("Vocabulary", "司法所"))
    COUNTY = ("county", QT_TRANSLATE_NOOP("Vocabulary", "司法局"))

    @classmethod
    def parse(cls, text: str) -> "HubMode | None":
        """A mode from its code or its Chinese name (the command line takes either); None otherwise."""
        text = (text or "").strip()
        for mode in cls:
            if text in (mode.value, mode.label):
                return mode
        return None


class ReviewGrade(Labelled):
    """以案定补: the grade a 司法所 gives a case file for the mediator's per-case subsidy."""

    ORDINARY = ("ordinary", QT_TRANSLATE_NOOP("Vocabulary", "一般"))
    DIFFICULT = ("difficult", QT_TRANSLATE_NOOP("Vocabulary", "疑难"))
    MAJOR = ("major", QT_TRANSLATE_NOOP("Vocabulary", "重大"))


class ReviewDecision(Labelled):
    APPROVED = ("approved", QT_TRANSLATE_NOOP("Vocabulary", "审核通过"))
    RETURNED = ("returned", QT_TRANSLATE_NOOP("Vocabulary", "退回"))


class FlagKind(Labelled):
    """What an import leaves for a person to look at (never decided by the import itself)."""

    CASE_NUMBER_CLASH = ("case_number_clash", QT_TRANSLATE_NOOP("Vocabulary", "案号相同"))
    CHANGED_AFTER_REVIEW = ("changed_after_review", QT_TRANSLATE_NOOP("Vocabulary", "审核后村里又修改"))
    OLDER_ROWS = ("older_rows", QT_TRANSLATE_NOOP("Vocabulary", "收到比已有的旧的记录"))
    GAP = ("gap", QT_TRANSLATE_NOOP("Vocabulary", "可能缺少报送包"))


_TOWNSHIP = re.compile(r"[^省市县区旗镇乡]{1,12}?(?:镇|乡|街道)")
# A county first (县, 旗, a city's 区), else a county-level city (市): 南阳市新野县 is 新野县.
_COUNTIES = (re.compile(r"[^省市县区旗镇乡]{1,12}?(?:县|旗|区)"), re.compile(r"[^省市县区旗镇乡]{1,12}?市"))


def _county(text: str) -> str:
    for pattern in _COUNTIES:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return ""


def hub_area(mode: HubMode, text: str) -> str:
    """The area a hub of ``mode`` covers, from what was typed (新野县王庄镇 -> 王庄镇 for a 司法所, 新野县 for a
    司法局); "" when it names none."""
    text = re.sub(r"\s", "", text or "").removesuffix("司法所").removesuffix("司法局")
    if mode is HubMode.TOWNSHIP:
        found = _TOWNSHIP.search(text)
        return found.group(0) if found else ""
    return _county(text)


def county_of(committee_name: str) -> str:
    """The county (县, 区, 市) a committee's name names first, "" when none: 新野县王庄镇王庄村… -> 新野县."""
    return _county(committee_name or "")
