"""Reading a 明白人 roster that a village keeps as a spreadsheet: which column is which, and what is
wrong with each row. Plain Python: the table arrives as rows of text (services/roster.py reads files).

Villages type their rosters by hand, so headers vary (联系电话/电话/手机, 出生年月 or 年龄), a title row
often sits above the header, and blank or pre-numbered rows are common. Every row is checked with the
same rules as the 明白人 form (``check_elder``); a row with any problem is reported, never imported.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .elders import Elder, ElderInput, check_elder, default_term_end
from .enums import DisputeType, ElderIdentity, ElderSelection, Sex
from .i18n import QT_TRANSLATE_NOOP
from .text import TextError, parse_date

CTX = "Roster"
# The header is looked for in this many rows from the top (title rows, notes above the table).
HEADER_SEARCH_ROWS = 10

# Fields of a roster row, in template order, with the column label the template uses.
# Labels are translatable (context "Roster") because they prefix the messages.
COLUMN_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Roster", "姓名"),
    "sex": QT_TRANSLATE_NOOP("Roster", "性别"),
    "birth_year": QT_TRANSLATE_NOOP("Roster", "出生年份"),
    "age": QT_TRANSLATE_NOOP("Roster", "年龄"),
    "village": QT_TRANSLATE_NOOP("Roster", "村"),
    "group": QT_TRANSLATE_NOOP("Roster", "组"),
    "phone": QT_TRANSLATE_NOOP("Roster", "联系电话"),
    "identity": QT_TRANSLATE_NOOP("Roster", "身份"),
    "identity_note": QT_TRANSLATE_NOOP("Roster", "身份说明"),
    "selection": QT_TRANSLATE_NOOP("Roster", "产生方式"),
    "selected_on": QT_TRANSLATE_NOOP("Roster", "推选（聘任）日期"),
    "term_end": QT_TRANSLATE_NOOP("Roster", "任期至"),
    "specialties": QT_TRANSLATE_NOOP("Roster", "擅长纠纷类型"),
    "notes": QT_TRANSLATE_NOOP("Roster", "备注"),
}

# Header texts as villages write them, after _header_key() (NFKC, no blanks, no "(...)" notes, no "*").
_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "明白人姓名", "明白人"),
    "sex": ("性别",),
    "birth_year": ("出生年份", "出生年", "出生年月", "出生日期", "出生年月日", "生日"),
    "age": ("年龄", "年纪"),
    "village": ("村", "村庄", "所在村", "所在村庄", "村名", "行政村", "村别"),
    "group": ("组", "村民小组", "小组", "所在组", "组别"),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"),
    "identity": ("身份", "五老身份", "人员身份", "身份类别"),
    "identity_note": ("身份说明", "身份备注"),
    "selection": ("产生方式", "选聘方式", "推选方式"),
    "selected_on": ("推选日期", "聘任日期", "产生日期", "推选聘任日期", "选聘日期"),
    "term_end": ("任期至", "任期截止", "任期截止日期", "任期届满", "任期届满日期", "任期结束"),
    "specialties": ("擅长", "擅长纠纷类型", "擅长调解", "擅长调解的纠纷", "擅长领域", "擅长类型"),
    "notes": ("备注", "说明"),
}
_FIELD_OF_HEADER = {key: fld for fld, keys in _HEADER_SYNONYMS.items() for key in keys}

# Columns a roster cannot do without. 村 is not among them: the caller gives a village for rows without one.
REQUIRED_FIELDS = ("name", "sex", "identity", "selection")

_SEXES = {"男": Sex.MALE, "男性": Sex.MALE, "女": Sex.FEMALE, "女性": Sex.FEMALE}
_IDENTITIES = {m.label: m for m in ElderIdentity if m is not ElderIdentity.OTHER}
_OTHER_IDENTITY = ("其他", "其它")
_SELECTIONS = {
    "推选": ElderSelection.VILLAGE_MEETING, "村民会议推选": ElderSelection.VILLAGE_MEETING,
    "村民推选": ElderSelection.VILLAGE_MEETING, "民主推选": ElderSelection.VILLAGE_MEETING,
    "村民代表会议推选": ElderSelection.VILLAGE_MEETING, "选举": ElderSelection.VILLAGE_MEETING,
    "聘任": ElderSelection.COMMITTEE_APPOINTED, "村委会聘任": ElderSelection.COMMITTEE_APPOINTED,
    "村委聘任": ElderSelection.COMMITTEE_APPOINTED, "聘请": ElderSelection.COMMITTEE_APPOINTED,
    "村两委聘任": ElderSelection.COMMITTEE_APPOINTED,
}

# Words villages use for the report categories, beside the labels themselves (with or without 纠纷).
_SPECIALTY_SYNONYMS: dict[str, DisputeType] = {
    "婚姻": DisputeType.MARRIAGE_FAMILY, "家庭": DisputeType.MARRIAGE_FAMILY, "家事": DisputeType.MARRIAGE_FAMILY,
    "婚姻家事": DisputeType.MARRIAGE_FAMILY, "赡养": DisputeType.MARRIAGE_FAMILY, "抚养": DisputeType.MARRIAGE_FAMILY,
    "继承": DisputeType.MARRIAGE_FAMILY, "分家": DisputeType.MARRIAGE_FAMILY,
    "邻里关系": DisputeType.NEIGHBOUR,
    "宅基地": DisputeType.HOUSING_HOMESTEAD, "房屋": DisputeType.HOUSING_HOMESTEAD,
    "房产": DisputeType.HOUSING_HOMESTEAD, "建房": DisputeType.HOUSING_HOMESTEAD,
    "土地": DisputeType.FOREST_LAND, "山林": DisputeType.FOREST_LAND, "林地": DisputeType.FOREST_LAND,
    "土地承包": DisputeType.FOREST_LAND, "承包地": DisputeType.FOREST_LAND,
    "征地": DisputeType.EXPROPRIATION, "拆迁": DisputeType.EXPROPRIATION,
    "污染": DisputeType.POLLUTION, "环境": DisputeType.POLLUTION,
    "劳动": DisputeType.LABOUR, "劳资": DisputeType.LABOUR, "欠薪": DisputeType.LABOUR,
    "医患": DisputeType.MEDICAL,
    "交通": DisputeType.TRAFFIC, "交通事故": DisputeType.TRAFFIC, "车祸": DisputeType.TRAFFIC,
    "损害": DisputeType.DAMAGES, "赔偿": DisputeType.DAMAGES, "人身损害": DisputeType.DAMAGES,
    "生产": DisputeType.PRODUCTION_BUSINESS, "经营": DisputeType.PRODUCTION_BUSINESS,
    "物业管理": DisputeType.PROPERTY_MANAGEMENT,
    "其它": DisputeType.OTHER,
}
for _member in DisputeType:
    _SPECIALTY_SYNONYMS[_member.label] = _member
    _SPECIALTY_SYNONYMS[_member.label.removesuffix("纠纷")] = _member
_SPECIALTY_SUFFIXES = ("纠纷", "矛盾", "问题", "类")
_LIST_SEPARATORS = re.compile(r"[、，,;；/／\s和及]+")

_COLUMN_FORMAT = QT_TRANSLATE_NOOP("Roster", "{column}：{message}")

Translate = Callable[[str, str], str]


def _no_translation(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class RosterProblem:
    """One reason a row (or the whole file) cannot be imported.

    Like ``FieldError``: ``message`` is a translatable template (in ``context``) filled from ``params``.
    ``column`` is the header the user sees in the file (or a template label when the file has none);
    the text starts with it: "联系电话：电话号码格式不对……".
    """

    message: str
    params: dict[str, object] = field(default_factory=dict)
    column: str = ""
    context: str = CTX

    def text(self, tr: Translate | None = None) -> str:
        """The message in the interface language; ``tr(context, text)`` translates (default: none)."""
        tr = tr or _no_translation
        message = tr(self.context, self.message)
        if self.params:
            message = message.format(**self.params)
        if not self.column:
            return message
        return tr(CTX, _COLUMN_FORMAT).format(column=tr(CTX, self.column), message=message)


@dataclass(frozen=True)
class RosterRow:
    """One non-blank data row. ``line`` is the row number the spreadsheet shows (1-based).

    ``elder`` is the checked entry, set only when the row has no problem at all (then it can be imported).
    ``values`` holds the row's text by field name ("name", "village", ...) for display; "village" is
    the one the row will get, the default village included.
    """

    line: int
    elder: Elder | None
    problems: tuple[RosterProblem, ...]
    values: dict[str, str]
    cells: tuple[str, ...] = ()  # the row as read, for the problem report

    @property
    def ok(self) -> bool:
        return self.elder is not None and not self.problems

    def problem_texts(self, tr: Translate | None = None) -> list[str]:
        return [p.text(tr) for p in self.problems]

    def with_problem(self, problem: RosterProblem) -> "RosterRow":
        return replace(self, elder=None, problems=self.problems + (problem,))


@dataclass(frozen=True)
class RosterPreview:
    """What importing a file would do: every data row with its verdict, and problems of the file itself."""

    rows: tuple[RosterRow, ...]
    file_problems: tuple[RosterProblem, ...] = ()
    header: tuple[str, ...] = ()  # the header row as read (for the problem report)
    header_line: int = 0
    ignored_columns: tuple[str, ...] = ()  # headers that are not roster fields (序号, ...): not imported
    source: str = ""  # file name, for display

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def good_rows(self) -> tuple[RosterRow, ...]:
        """The rows an import would write; none while the file itself has a problem."""
        if self.file_problems:
            return ()
        return tuple(r for r in self.rows if r.ok)

    @property
    def bad_rows(self) -> tuple[RosterRow, ...]:
        return tuple(r for r in self.rows if not r.ok)

    @property
    def good_count(self) -> int:
        return len(self.good_rows)

    @property
    def bad_count(self) -> int:
        return self.total - self.good_count

    def with_rows(self, rows: Sequence[RosterRow]) -> "RosterPreview":
        return replace(self, rows=tuple(rows))


# -- reading cells ---------------------------------------------------------------------------------

def _cell(value: object) -> str:
    """A cell as trimmed text; full-width spaces (U+3000) count as blanks."""
    return ("" if value is None else str(value)).replace("\u3000", " ").strip()


def _compact_name(name: str) -> str:
    """王　明 -> 王明: rosters pad two-character names with a (full-width) space to line them up with
    three-character ones. Names in Latin letters keep their spaces."""
    if re.search(r"[A-Za-z]", name):
        return re.sub(r"\s+", " ", name)
    return re.sub(r"\s+", "", name)


def _header_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = re.sub(r"[(\[【].*?[)\]】]", "", text)  # 联系电话（手机） -> 联系电话
    return re.sub(r"[\s*:：]", "", text)


def _word(text: str) -> str:
    """A vocabulary value as typed: NFKC, no blanks."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _columns_of(row: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Field -> column index for a header row, and the headers that are not fields (the first
    of two columns meaning the same field wins; the second is ignored)."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(row):
        text = _cell(cell)
        if not text:
            continue
        fld = _FIELD_OF_HEADER.get(_header_key(text))
        if fld is None or fld in columns:
            ignored.append(text)
        else:
            columns[fld] = index
    return columns, ignored


def find_header(table: Sequence[Sequence[str]]) -> int | None:
    """Index of the header row: the first of the top rows with 姓名 and at least one other known column."""
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        columns, _ = _columns_of(row)
        if "name" in columns and len(columns) >= 2:
            return index
    return None


_BIRTH_PATTERNS = (
    # 1956, 1956年, 1956-03, 1956.3, 1956年3月, 1956-03-12, 1956/3/12, 1956年3月12日, 1956-03-12 00:00
    re.compile(r"(\d{4})(?:年|(?:[-/.年]\d{1,2}(?:月|[-/.月]\d{1,2}日?)?)(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)?"),
    re.compile(r"(\d{4})(?:0[1-9]|1[0-2])(?:\d{2})?"),  # 195603, 19560312
)
_AGE_PATTERN = re.compile(r"(\d{1,3})(?:周岁|岁)?")


def birth_year_of(text: str) -> str:
    """The year of what people write in 出生年份/出生年月/出生日期; other text is returned as it is,
    so that ``check_elder`` reports it."""
    compact = _word(text)
    for pattern in _BIRTH_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            return match.group(1)
    return text


def parse_specialties(text: str) -> tuple[tuple[DisputeType, ...], list[str]]:
    """The dispute types in a 擅长 cell ("邻里、宅基地纠纷，婚姻家庭"), and the words not understood."""
    found: list[DisputeType] = []
    unknown: list[str] = []
    for word in _LIST_SEPARATORS.split(unicodedata.normalize("NFKC", text)):
        if not word:
            continue
        member = _SPECIALTY_SYNONYMS.get(word)
        for suffix in _SPECIALTY_SUFFIXES:
            if member is None and word.endswith(suffix):
                member = _SPECIALTY_SYNONYMS.get(word.removesuffix(suffix))
        if member is None:
            unknown.append(word)
        elif member not in found:
            found.append(member)
    return tuple(found), unknown


# -- the parse ------------------------------------------------------------------------------------

class _RowReader:
    """Turns one data row into an ElderInput, collecting the problems the form could not show."""

    def __init__(self, columns: dict[str, int], header: Sequence[str], default_village: str, today: dt.date):
        self._columns = columns
        self._header = header
        self._default_village = (default_village or "").strip()
        self._today = today

    def column(self, fld: str) -> str:
        """The header the user sees for ``fld``, or the template's label when the file has no such column."""
        index = self._columns.get(fld)
        if index is not None and index < len(self._header) and _cell(self._header[index]):
            return _cell(self._header[index])
        return COLUMN_LABELS.get(fld, "")

    def values(self, row: Sequence[str]) -> dict[str, str]:
        values = {fld: (_cell(row[i]) if i < len(row) else "") for fld, i in self._columns.items()}
        for fld in COLUMN_LABELS:
            values.setdefault(fld, "")
        values["name"] = _compact_name(values["name"])
        return values

    def read(self, line: int, row: Sequence[str]) -> RosterRow:
        values = self.values(row)
        problems: list[tuple[str, RosterProblem]] = []
        reported: set[str] = set()  # fields whose check_elder message would repeat ours

        def problem(fld: str, message: str, **params: object) -> None:
            problems.append((fld, RosterProblem(message, params, self.column(fld))))
            reported.add(fld)

        sex = None
        if not values["sex"]:
            problem("sex", QT_TRANSLATE_NOOP("Roster", "请填“男”或“女”"))
        else:
            sex = _SEXES.get(_word(values["sex"]))
            if sex is None:
                problem("sex", QT_TRANSLATE_NOOP("Roster", "“{value}”不是性别，请填“男”或“女”"), value=values["sex"])

        birth_field = "birth_year"
        birth_text = birth_year_of(values["birth_year"]) if values["birth_year"] else ""
        if not birth_text and values["age"]:
            birth_field = "age"
            match = _AGE_PATTERN.fullmatch(_word(values["age"]))
            if match:
                birth_text = str(self._today.year - int(match.group(1)))
            else:
                problem("age", QT_TRANSLATE_NOOP("Roster", "年龄请填数字，如68"))

        village = values["village"] or self._default_village
        values["village"] = village

        identity, identity_note, notes_extra = self._identity(values, problem)

        selection = None
        if not values["selection"]:
            problem("selection", QT_TRANSLATE_NOOP("Roster", "请填“推选”或“聘任”"))
        else:
            selection = _SELECTIONS.get(_word(values["selection"]))
            if selection is None:
                problem("selection", QT_TRANSLATE_NOOP("Roster", "“{value}”不是产生方式，请填“推选”或“聘任”"),
                        value=values["selection"])

        specialties, unknown = parse_specialties(values["specialties"])
        for word in unknown:
            problem("specialties", QT_TRANSLATE_NOOP(
                "Roster", "不认识“{word}”，请填纠纷类型，如邻里、宅基地、婚姻家庭，多个用顿号隔开"), word=word)

        term_end_text = values["term_end"]
        if values["selected_on"] and not term_end_text:
            # As the 明白人 form does: a three-year term (People's Mediation Law Art. 9) when only the start is given.
            try:
                start = parse_date(values["selected_on"])
            except TextError:
                start = None  # check_elder reports the date
            if start is not None:
                term_end_text = default_term_end(start).isoformat()

        notes = "；".join(part for part in (values["notes"], *notes_extra) if part)
        data = ElderInput(
            name=values["name"], sex=sex, birth_year_text=birth_text, village=village, group=values["group"],
            phone=values["phone"], identity=identity, identity_note=identity_note, selection=selection,
            selected_on_text=values["selected_on"], term_end_text=term_end_text, specialties=specialties,
            notes=notes,
        )
        elder, errors = check_elder(data, self._today)
        for error in errors:
            fld = birth_field if error.field == "birth_year" else error.field
            if fld in reported:
                continue
            problems.append((fld, RosterProblem(error.message, dict(error.params), self.column(fld), "Validation")))
        # In the order of the columns, left to right, as the user reads the row.
        problems.sort(key=lambda item: self._columns.get(item[0], len(row)))
        return RosterRow(line=line, elder=None if problems else elder, problems=tuple(p for _, p in problems),
                         values=values, cells=tuple(_cell(c) for c in row))

    def _identity(self, values: dict[str, str], problem) -> tuple[ElderIdentity | None, str, list[str]]:
        """身份 -> (identity, note for 其他, extra text kept in 备注 so that nothing typed is lost)."""
        text, note = values["identity"], values["identity_note"]
        if not text:
            problem("identity", QT_TRANSLATE_NOOP("Roster", "请填身份，如老党员、老干部、老教师，或写明其他身份"))
            return None, "", []
        word = _word(text)
        if word in _IDENTITIES:
            return _IDENTITIES[word], "", ([f"身份说明：{note}"] if note else [])
        if word in _OTHER_IDENTITY:
            return ElderIdentity.OTHER, note, []
        parts = [p for p in _LIST_SEPARATORS.split(word) if p]
        if len(parts) > 1 and all(p in _IDENTITIES for p in parts):
            # 老党员、老教师: the pool keeps one identity; the first, with the full text in 备注.
            extra = [f"身份：{text}"] + ([f"身份说明：{note}"] if note else [])
            return _IDENTITIES[parts[0]], "", extra
        # 村医, 致富带头人, ...: an "other" identity described by what was written.
        return ElderIdentity.OTHER, f"{text}（{note}）" if note else text, []


def parse_roster(table: Sequence[Sequence[str]], default_village: str, today: dt.date,
                 source: str = "") -> RosterPreview:
    """Check every data row of ``table`` (rows of cell text, as read from the file, top row first).

    Rows blank in every recognised column are skipped (pre-numbered empty rows of a form included),
    and so is the header repeated further down (a printed roster often repeats it on each page).
    Two rows of the same person (name, village, phone) are reported on the second.
    """
    header_index = find_header(table)
    if header_index is None:
        problem = RosterProblem(QT_TRANSLATE_NOOP(
            "Roster", "找不到表头：表格前10行中没有一行同时有“姓名”和性别、村、联系电话等列。"
                      "请检查表头，或下载模板照着填写。"))
        return RosterPreview(rows=(), file_problems=(problem,), source=source)

    header = tuple(_cell(c) for c in table[header_index])
    columns, ignored = _columns_of(header)
    reader = _RowReader(columns, header, default_village, today)
    file_problems = [RosterProblem(QT_TRANSLATE_NOOP("Roster", "表格中没有这一列"), column=COLUMN_LABELS[fld])
                     for fld in REQUIRED_FIELDS if fld not in columns]

    rows: list[RosterRow] = []
    first_line_of: dict[tuple[str, str, str], int] = {}
    for index in range(header_index + 1, len(table)):
        cells = table[index]
        if all(not _cell(cells[i]) for i in columns.values() if i < len(cells)):
            continue
        if _header_key(_cell(cells[columns["name"]]) if columns["name"] < len(cells) else "") == "姓名":
            continue
        row = reader.read(index + 1, cells)
        if row.elder is not None:
            key = row.elder.duplicate_key()
            if key in first_line_of:
                row = row.with_problem(RosterProblem(
                    QT_TRANSLATE_NOOP("Roster", "与第{line}行重复（姓名、村、联系电话都相同）"),
                    {"line": first_line_of[key]}))
            else:
                first_line_of[key] = row.line
        rows.append(row)

    if not rows and not file_problems:
        file_problems.append(RosterProblem(QT_TRANSLATE_NOOP("Roster", "表头下面没有明白人：表格是空的。")))
    return RosterPreview(rows=tuple(rows), file_problems=tuple(file_problems), header=header,
                         header_line=header_index + 1, ignored_columns=tuple(ignored), source=source)


# -- the template -----------------------------------------------------------------------------------

TEMPLATE_FIELDS = ("name", "sex", "birth_year", "village", "group", "phone", "identity", "identity_note",
                   "selection", "selected_on", "term_end", "specialties", "notes")


def template_header() -> list[str]:
    return [COLUMN_LABELS[f] for f in TEMPLATE_FIELDS]


def template_example(today: dt.date, village: str = "") -> list[object]:
    """One filled-in row for the template: passes every check (dates relative to ``today``)."""
    selected_on = dt.date(today.year - 1, 3, 1)
    return ["王德明", "男", 1956, village or "王庄村", "3组", "13903771234", "老党员", "", "推选",
            selected_on, default_term_end(selected_on), "邻里、宅基地、婚姻家庭", "曾任村党支部书记"]


def template_instructions() -> list[tuple[str, str]]:
    """Per column, what may be written: the second sheet of the template."""
    specialties = "、".join(m.label.removesuffix("纠纷") for m in DisputeType)
    return [
        ("姓名", "必填。"),
        ("性别", "必填：男 或 女。"),
        ("出生年份", "四位数字，如 1956；也可以写出生年月（1956年3月）或改用“年龄”列。"),
        ("村", "不填时，导入时选择的村。"),
        ("组", "如 3组。"),
        ("联系电话", "手机号11位；座机带区号，如 0377-66212345。"),
        ("身份", "必填：" + "、".join(_IDENTITIES) + "；其他身份直接写，如 村医。"),
        ("身份说明", "身份写“其他”时填写。"),
        ("产生方式", "必填：推选（村民会议推选）或 聘任（村委会聘任）。"),
        ("推选（聘任）日期", "如 2023-03-01。"),
        ("任期至", "如 2026-02-28。"),
        ("擅长纠纷类型", "可填：" + specialties + "；多个用顿号隔开。"),
        ("备注", ""),
        ("", "第一行是示例，请改成本村的明白人或删除。同一人（姓名、村、电话都相同）只填一行。"),
    ]
