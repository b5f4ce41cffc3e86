"""Checks of personal identifiers: 公民身份号码 (GB 11643), phones, 统一社会信用代码, and masking.

python-stdnum does the arithmetic. Two rules are our own, for reasons measured in tech-notes.md
and domain.md §5: a birth date in the future is refused (stdnum accepts it), and the county
code is accepted when it has *ever* existed. stdnum ties the code to the birth year, which would
refuse every Xinye resident born before 1994 whose number starts with 411329 (新野县 got that
code in 1994 and re-issued numbers carry it). Of the county code only the province part is
required to exist, see below.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .enums import Sex
from .i18n import QT_TRANSLATE_NOOP
from .text import age_on

MAX_AGE = 120
"""The oldest a person is recorded as: the limit of the 年龄 field and of an age that an ID number or a
typed birth date gives (domain/cases.py). One rule, so that no way of entering a party's age accepts
what another refuses. The messages that state it say 120."""


class IdentifierError(ValueError):
    """A rejected identifier; ``str(err)`` is the Chinese message shown beside the field."""


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: dt.date
    sex: Sex
    county_code: str


def normalise_id_number(raw: str) -> str:
    """Strip spaces and separators people type, upper-case a trailing x.

    Full-width digits (typed with a Chinese input method in 全角 mode) become ASCII digits."""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", raw or "")).upper()


def check_id_number(raw: str, today: dt.date | None = None, on_day: dt.date | None = None) -> IdNumberInfo:
    """Validate an 18-character resident identity number and derive birth date and sex.

    The age it gives, counted on ``on_day`` (a case's received date; default ``today``), may not pass
    MAX_AGE: a digit typed wrong in the year (1901 for 1991) is caught here, not printed on an agreement."""
    from stdnum import numdb
    from stdnum.cn import ric
    from stdnum.exceptions import InvalidComponent

    number = normalise_id_number(raw)
    if len(number) == 15 and number.isdigit():
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "这是旧的15位身份证号，请填写18位身份证号"))
    if len(number) != 18:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号应为18位"))
    if not (number.isascii() and number[:17].isdigit() and (number[17].isdigit() or number[17] == "X")):
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号只能由数字和末位的X组成"))
    if ric.calc_check_digit(number) != number[17]:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号校验位不对，请核对是否有数字填错"))
    try:
        birth = ric.get_birth_date(number)
    except InvalidComponent:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号中的出生日期不存在")) from None
    today = today or dt.date.today()
    if birth > today:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号中的出生日期晚于今天"))
    if age_on(birth, on_day or today) > MAX_AGE:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号中的出生日期不合理：按此推算年龄超过120岁，请核对"))
    # Only the province is required to be known: stdnum's county list (from Wikipedia) misses
    # some real historic codes, and refusing a real person's number is worse than a lenient check.
    if "province" not in numdb.get("cn/loc").info(number[:6])[0][1]:
        raise IdentifierError(QT_TRANSLATE_NOOP("Validation", "身份证号前6位不是有效的行政区划代码"))
    sex = Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE
    return IdNumberInfo(number=number, birth_date=birth, sex=sex, county_code=number[:6])


_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
# Area code: 0 + 2 digits for Beijing and the 02x cities (010, 020-029), 0 + 3 digits elsewhere
# (0377). Fixing the length by the second digit keeps 01012345678 from reading as 0101-2345678.
# Local number 7-8 digits, optional extension.
_LANDLINE = re.compile(r"^(0[12]\d|0[3-9]\d{2})-?(\d{7,8})(?:-(\d{1,6}))?$", re.ASCII)


def normalise_phone(raw: str) -> str:
    """Canonical form: mobiles as 11 digits, landlines as 区号-号码[-分机]."""
    text = unicodedata.normalize("NFKC", raw or "").strip()  # full-width digits and ＋（）－ to ASCII
    text = re.sub(r"[\s()（）]", "", text).replace("—", "-").replace("－", "-")
    if text.startswith("+86"):
        text = text[3:].lstrip("-")
    elif text.startswith("0086"):
        text = text[4:].lstrip("-")
    digits_only = text.replace("-", "")
    if _MOBILE.match(digits_only):
        return digits_only
    match = _LANDLINE.match(text)
    if match:
        area, local, ext = match.groups()
        return f"{area}-{local}" + (f"-{ext}" if ext else "")
    # A landline typed with no separator: split off a known-length area code.
    if digits_only.startswith("0") and digits_only.isascii() and digits_only.isdigit() and 10 <= len(digits_only) <= 12:
        area_len = 3 if digits_only[1] in "12" else 4
        local = digits_only[area_len:]
        if 7 <= len(local) <= 8:
            return f"{digits_only[:area_len]}-{local}"
    raise IdentifierError(
        QT_TRANSLATE_NOOP("Validation", "电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345")
    )


def whole_identifier(text: str, today: dt.date | None = None) -> tuple[str, str] | None:
    """("phone", the number as normalise_phone writes it) when ``text`` is a whole phone number (a mobile
    of 11 digits, or a landline with its area code), ("id_number", the number) when it is a valid
    18-character 身份证号, else None: what a search can look up by a sealed field's keyed hash, which
    matches only a whole value (a part of a number finds nothing there)."""
    text = (text or "").strip()
    if not text or len(text) > 40:
        return None
    number = normalise_id_number(text)
    if len(number) == 18:
        try:
            return "id_number", check_id_number(number, today=today).number
        except IdentifierError:
            pass
    try:
        return "phone", normalise_phone(text)
    except IdentifierError:
        return None


def check_credit_code(raw: str) -> str:
    """统一社会信用代码 (GB 32100), 18 characters with a check character."""
    from stdnum.cn import uscc
    from stdnum.exceptions import ValidationError

    try:
        return uscc.validate(re.sub(r"\s", "", raw or "").upper())
    except ValidationError:
        raise IdentifierError(
            QT_TRANSLATE_NOOP("Validation", "统一社会信用代码不正确，应为18位且校验位正确")
        ) from None


def mask_id_number(number: str | None) -> str:
    """Keep the first 6 and last 4 characters: 411329********123X (domain.md §5)."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """138****5678 for mobiles; the local number's middle hidden for landlines."""
    if not phone:
        return ""
    if _MOBILE.match(phone):
        return phone[:3] + "****" + phone[-4:]
    if "-" in phone:
        area, _, rest = phone.partition("-")
        local, dash, ext = rest.partition("-")  # an extension is not identifying; keep it readable
        masked = local[:2] + "*" * (len(local) - 4) + local[-2:] if len(local) > 4 else "****"
        return area + "-" + masked + dash + ext
    return "*" * max(len(phone) - 4, 0) + phone[-4:]


def mask_address(address: str | None, keep: int = 6) -> str:
    """Keep the start (village level) and hide the house number part."""
    if not address:
        return ""
    if len(address) <= keep:
        return address
    return address[:keep] + "****"
