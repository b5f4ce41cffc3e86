"""Search keys for people's names: pinyin initials (张建国 -> zjg) for quick lookup."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def name_initials(name: str) -> str:
    """Lower-case pinyin initials of a name; Latin letters kept, other characters dropped.

    Surnames with a special reading (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao, 查 zha, 盖 ge)
    use that reading, which is what people type when they search.
    """
    from pypinyin import Style, lazy_pinyin

    if not name:
        return ""
    letters = []
    rest = name
    surname = _SURNAME_READINGS.get(name[0])
    if surname:
        letters.append(surname)
        rest = name[1:]
    for syllable in lazy_pinyin(rest, style=Style.FIRST_LETTER, errors="ignore"):
        if syllable and syllable[0].isascii() and syllable[0].isalpha():
            letters.append(syllable[0].lower())
    return "".join(letters)


_SURNAME_READINGS = {
    "单": "s", "曾": "z", "解": "x", "仇": "q", "区": "o", "朴": "p", "查": "z", "盖": "g",
    "尉": "y", "乐": "y", "缪": "m", "覃": "q", "翟": "z", "秘": "b", "繁": "p", "种": "c",
}
