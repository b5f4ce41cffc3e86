"""Checks shared by every free-text field: length, control characters, blanks."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from .i18n import QT_TRANSLATE_NOOP


class TextError(ValueError):
    def __init__(self, message: str, **params: object):
        super().__init__(message)
        self.message = message
        self.params = params


def clean_text(value: str | None, *, max_len: int, multiline: bool = False, required: bool = False) -> str:
    """Return the text with outer blanks removed (and CRLF folded), or raise TextError.

    Refused: control characters (other than line breaks and tabs in multi-line fields), unpaired
    surrogates and Unicode non-characters, which cannot be stored or printed faithfully.
    """
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        if required:
            raise TextError(QT_TRANSLATE_NOOP("Validation", "此项必须填写"))
        return ""
    allowed = "\n\t" if multiline else ""
    for ch in text:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in allowed) or cat == "Cs" or _is_noncharacter(ch):
            raise TextError(QT_TRANSLATE_NOOP("Validation", "含有无法保存的控制字符，请删除后重新输入"))
    if len(text) > max_len:
        raise TextError(QT_TRANSLATE_NOOP("Validation", "内容太长：最多{max}个字，现在{n}个字"),
                        max=max_len, n=len(text))
    return text


def _is_noncharacter(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


_PERSON_NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|[·•．. ])*$")


def check_person_name(value: str | None, *, required: bool = True) -> str:
    name = clean_text(value, max_len=30, required=required)
    if name and not _PERSON_NAME.match(name):
        raise TextError(QT_TRANSLATE_NOOP("Validation", "姓名只能由汉字、字母和间隔号“·”组成"))
    return name


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(value: str | None) -> dt.date | None:
    """Parse what people type: 1980-01-02, 1980/1/2, 1980.1.2, 19800102, 1980年1月2日."""
    text = (value or "").strip().replace(" ", "")
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                break
    raise TextError(QT_TRANSLATE_NOOP("Validation", "日期不对，请按 1980-01-31 的格式填写"))


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
