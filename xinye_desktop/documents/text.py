"""The wording every document shares, as pure functions of strings and domain values (no reportlab):
the one place for dates and numbers as Chinese documents write them, for typed text cut into lines or
closed as a sentence, for a party's MOJ fields and for how a document names its people.

Dates: every date a document prints goes through ``chinese_date`` (2026年8月23日, no leading zeros,
never 2026-08-23); file names and the canonical payloads behind the verification codes keep ISO dates.

Two documents name the same people differently, on purpose, and each keeps its own function: the
协议书 and the forms group the mediators under 主持人：/明白人：/见证人： (``host_text``, ``elder_text``,
``witness_text``); the 人民调解记录 lists hosts and 明白人 together in one 调解员 field, so each says
its role (``host_with_role_text``, ``elder_with_role_text``), and names a 参加人 department first
(``witness_unit_first_text``).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from ..domain.cases import Party
from ..domain.elders import Elder
from ..domain.enums import PartyKind
from ..domain.roles import RolePerson

BLANK = "\u00a0"  # a no-break space: a paragraph neither collapses nor strips it
DEFAULT_COMMITTEE = "人民调解委员会"
SANLI_ROOM = "矛盾化解“三理”室"

_DIGITS = "零一二三四五六七八九"


# ---------------------------------------------------------------- numbers and dates

def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五, 100 → 一百 (clause numbers and copies)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if ones == 0 else _DIGITS[ones])
    import cn2an

    return cn2an.an2cn(n)


def chinese_date(day: dt.date) -> str:
    """2026年8月23日."""
    return f"{day.year}年{day.month}月{day.day}日"


def date_text(day: dt.date | None) -> str:
    """The date, or a blank 年 月 日 to fill in by hand (no-break spaces keep the gaps)."""
    return chinese_date(day) if day else f"{BLANK * 10}年{BLANK * 6}月{BLANK * 6}日"


def chinese_date_or_empty(day: dt.date | None) -> str:
    """The date inside a sentence, or nothing: the sentence is then worded without it."""
    return chinese_date(day) if day else ""


# ---------------------------------------------------------------- typed text

def text_lines(text: str | None) -> list[str]:
    """The non-empty lines of typed text, stripped. Each is printed as a paragraph of its own: a <br/>
    after a line that exactly fills the width makes reportlab's CJK wrapper print an empty line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def inline_text(text: str | None) -> str:
    """Typed text inside a sentence or a cell: its lines joined by a space."""
    return " ".join(text_lines(text))


def as_sentence(text: str) -> str:
    """Typed text closed as a sentence: 赔偿损失 → 赔偿损失。; a trailing ，；、： becomes 。."""
    text = text.rstrip().rstrip("，,；;、：:")
    if not text or text.endswith(("。", "！", "？", "!", "?", "”", "」", "…")):
        return text
    return text + "。"


def closed(line: str) -> str:
    """A typed line that ends without punctuation gets 。; one that ends with ； or 。 stays as typed
    (unlike ``as_sentence``: a list item of several keeps its ；)."""
    line = line.rstrip()
    return line if not line or unicodedata.category(line[-1]).startswith("P") else line + "。"


# ---------------------------------------------------------------- the committee, the room, the parties

def committee_text(doc) -> str:
    """The committee a document is issued by (``doc.committee_name``), or the generic name."""
    return (doc.committee_name or "").strip() or DEFAULT_COMMITTEE


def sanli_room(village: str | None) -> str:
    """王庄村矛盾化解“三理”室: where the sitting was held."""
    village = (village or "").strip()
    return f"{village}{SANLI_ROOM}" if village else SANLI_ROOM


def names_in_brief(parties: Sequence[Party]) -> str:
    """王㛃、张𠈌华、李秀英等: the first three names, 等 when there are more."""
    return "、".join(p.name for p in parties[:3]) + ("等" if len(parties) > 3 else "")


def party_fields(party: Party) -> list[tuple[str, str]]:
    """The MOJ fields of one party, in the form's order (blank where nothing was recorded)."""
    if party.kind is PartyKind.ORGANISATION:
        return [("名称", party.name), ("法定代表人", party.legal_representative), ("住所", party.address),
                ("联系方式", party.phone)]
    return [("姓名", party.name), ("性别", party.sex.label if party.sex else ""), ("民族", party.ethnicity),
            ("年龄", "" if party.age is None else f"{party.age}岁"), ("职业或职务", party.occupation),
            ("联系方式", party.phone), ("单位或住址", party.address)]


# ---------------------------------------------------------------- the people of a sitting

def host_text(person: RolePerson) -> str:
    """刘振华（王庄村委会主任，村干部）: a 主持人 under the heading 主持人： (协议书, forms)."""
    notes = ["".join(x for x in (person.unit, person.post) if x)]
    if person.host_kind is not None:
        notes.append(person.host_kind.label)
    notes = [n for n in notes if n]
    return f"{person.name}（{'，'.join(notes)}）" if notes else person.name


def host_with_role_text(person: RolePerson) -> str:
    """刘振华（主持人，王庄村委会 主任，村干部）: a 主持人 among the 调解员 of the 人民调解记录."""
    notes = ["主持人"]
    unit = " ".join(x for x in (person.unit, person.post) if x)
    if unit:
        notes.append(unit)
    if person.host_kind is not None:
        notes.append(person.host_kind.label)
    return f"{person.name}（{'，'.join(notes)}）"


def elder_text(elder: Elder) -> str:
    """王明理（老党员）: a 明白人 under the heading 明白人：; one chosen for this case only is marked 一事一议."""
    notes = [n for n in (elder.identity_text, "一事一议" if elder.ad_hoc else "") if n]
    return f"{elder.name}（{'，'.join(notes)}）" if notes else elder.name


def elder_with_role_text(elder: Elder) -> str:
    """王明理（明白人，老党员）: a 明白人 among the 调解员 of the 人民调解记录."""
    notes = ["明白人", elder.identity_text]
    if elder.ad_hoc:
        notes.append("一事一议")
    return f"{elder.name}（{'，'.join(n for n in notes if n)}）"


def witness_text(person: RolePerson) -> str:
    """孙立新（乡镇国土资源所）: a 见证人 is there for their department."""
    unit = "".join(x for x in (person.unit, person.post) if x)
    return f"{person.name}（{unit}）" if unit else person.name


def witness_unit_first_text(person: RolePerson) -> str:
    """乡镇国土资源所 孙立新: the department first, as the 人民调解记录 names a 参加人."""
    return " ".join(x for x in (person.unit, person.name) if x)


def people_text(hosts: Sequence[RolePerson], elders: Sequence[Elder], witnesses: Sequence[RolePerson]) -> str:
    """主持人：…；明白人：…；见证人：… (empty when nobody is recorded)."""
    groups = []
    if hosts:
        groups.append("主持人：" + "、".join(host_text(h) for h in hosts))
    if elders:
        groups.append("明白人：" + "、".join(elder_text(e) for e in elders))
    if witnesses:
        groups.append("见证人：" + "、".join(witness_text(w) for w in witnesses))
    return "；".join(groups)


def commitment_text(who: str, commitment: str, prefix: str = "见证人") -> str:
    """见证人孙立新（乡镇国土资源所）当场承诺：…。 (empty when nothing was committed)."""
    text = inline_text(commitment)
    return f"{prefix}{who}当场承诺：{as_sentence(text)}" if text else ""
