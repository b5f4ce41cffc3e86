"""排查: a round of canvassing a village for disputes (矛盾纠纷排查), one record each. The report to the
司法所 counts them (domain.md §3, Huangshi 2020): 排查次数 = the records of the period, 排查发现纠纷数 and
预防纠纷数 = their sums. Not to be confused with 受理审查 (screening.py), the check before accepting a case.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .text import TextError, clean_text, parse_date

MAX_COUNT = 9999
EARLIEST = dt.date(2000, 1, 1)


@dataclass
class CanvassInput:
    """The form as typed. ``village_id`` is a village chosen from the list; ``village_name`` a name
    typed that is not on it (a new village)."""

    held_on: str = ""
    village_id: int | None = None
    village_name: str = ""
    done_by: str = ""
    found: str = ""
    prevented: str = ""
    note: str = ""


@dataclass(frozen=True)
class CanvassFields:
    held_on: dt.date
    village_id: int | None
    village_name: str
    done_by: str
    found: int
    prevented: int
    note: str


@dataclass(frozen=True)
class Canvass:
    id: int
    held_on: dt.date
    village_id: int
    village: str  # township + name, as lists show it
    done_by: str
    found: int
    prevented: int
    note: str
    recorded_by: str
    version: int


def _count(errors: list[FieldError], path: str, text: str) -> int:
    raw = unicodedata.normalize("NFKC", text or "").strip().removesuffix("件").strip()  # ３ typed full-width
    if not raw:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "请填写件数，没有的填0")))
        return 0
    if not raw.isdigit() or not raw.isascii():
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "请填整数件数，如 2")))
        return 0
    n = int(raw)
    if n > MAX_COUNT:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "件数应在0到{max}之间"), {"max": MAX_COUNT}))
    return n


def check_canvass(data: CanvassInput, today: dt.date) -> tuple[CanvassFields | None, list[FieldError]]:
    """One message per field (``held_on``, ``village``, ``done_by``, ``found``, ``prevented``, ``note``)."""
    errors: list[FieldError] = []
    held_on = None
    try:
        held_on = parse_date(data.held_on)
    except TextError as err:
        errors.append(FieldError("held_on", err.message, err.params))
    else:
        if held_on is None:
            errors.append(FieldError("held_on", QT_TRANSLATE_NOOP("Validation", "请填写日期，如 2026-11-25")))
        elif held_on > today:
            errors.append(FieldError("held_on", QT_TRANSLATE_NOOP("Validation", "日期不能晚于今天")))
        elif held_on < EARLIEST:
            errors.append(FieldError("held_on", QT_TRANSLATE_NOOP("Validation", "日期不能早于{day}"),
                                     {"day": EARLIEST.isoformat()}))
    village_name = ""
    if data.village_id is None:
        try:
            village_name = clean_text(data.village_name, max_len=30)
        except TextError as err:
            errors.append(FieldError("village", err.message, err.params))
        else:
            if not village_name:
                errors.append(FieldError("village", QT_TRANSLATE_NOOP("Validation", "请选择或填写排查的村（社区）")))
    done_by = ""
    try:
        done_by = clean_text(data.done_by, max_len=60)
    except TextError as err:
        errors.append(FieldError("done_by", err.message, err.params))
    else:
        if not done_by:
            errors.append(FieldError("done_by", QT_TRANSLATE_NOOP("Validation", "请填写排查人，如 调委会主任王保国、网格员李桂兰")))
    found = _count(errors, "found", data.found)
    prevented = _count(errors, "prevented", data.prevented)
    note = ""
    try:
        note = clean_text(data.note, max_len=1000, multiline=True)
    except TextError as err:
        errors.append(FieldError("note", err.message, err.params))
    if errors:
        return None, errors
    return CanvassFields(held_on, data.village_id, village_name, done_by, found, prevented, note), []
