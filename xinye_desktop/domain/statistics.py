"""Statistics periods and figures of the monthly/quarterly/yearly report to the 司法所 (domain.md §3).

Definitions (stated on the exported report too):
- 受理数: cases received in the period (by 受理日期), not counting 不予受理;
- 调解成功数: of those, cases that reached an agreement, written or oral; 成功率 = 调解成功数 / 受理数;
- 协议涉及金额: the sum of the amounts in the agreement in force of those cases (the latest signed
  version, else the latest printed one); oral agreements carry no amounts;
- 涉及当事人: the parties of the cases received (人次);
- 防止民间纠纷转化为刑事案件 / 防止群体性上访 X件Y人: of the cases received (不予受理 excluded), those the
  mediator recorded as having prevented it (件) and the people involved (人);
- 排查次数: the 排查 records held in the period (by their date), 排查发现纠纷数 and 预防纠纷数 their sums.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from .enums import CaseSource, DisputeType
from .i18n import QT_TRANSLATE_NOOP


class PeriodKind(str, Enum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    year: int
    number: int = 1  # month 1-12 or quarter 1-4; 1 for a year

    def __post_init__(self):
        top = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.YEAR: 1}[self.kind]
        if not 1 <= self.number <= top or not 1900 <= self.year <= 9999:
            raise ValueError(f"no such period: {self.kind.value} {self.year}/{self.number}")

    @property
    def start(self) -> dt.date:
        month = {PeriodKind.MONTH: self.number, PeriodKind.QUARTER: 3 * self.number - 2, PeriodKind.YEAR: 1}[self.kind]
        return dt.date(self.year, month, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}[self.kind]
        month = self.start.month + months
        year = self.year + (month - 1) // 12
        return dt.date(year, (month - 1) % 12 + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}年{self.number}月"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        return f"{self.year}年"

    @classmethod
    def containing(cls, kind: PeriodKind, day: dt.date) -> "Period":
        number = {PeriodKind.MONTH: day.month, PeriodKind.QUARTER: (day.month - 1) // 3 + 1, PeriodKind.YEAR: 1}[kind]
        return cls(kind, day.year, number)


# The report's grouping of 案件来源 (Huangshi monthly report): 主动调解 / 申请调解 / 接受委托移送调解.
SOURCE_GROUPS = {
    CaseSource.PARTY_APPLICATION: QT_TRANSLATE_NOOP("Vocabulary", "申请调解"),
    CaseSource.COMMITTEE_INITIATIVE: QT_TRANSLATE_NOOP("Vocabulary", "主动调解"),
    CaseSource.POLICE_REFERRAL: QT_TRANSLATE_NOOP("Vocabulary", "接受委托移送调解"),
    CaseSource.COURT_ENTRUSTED: QT_TRANSLATE_NOOP("Vocabulary", "接受委托移送调解"),
    CaseSource.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "其他来源"),
}


@dataclass
class VillageFigures:
    village_id: int
    township: str
    village: str
    accepted: int = 0
    succeeded: int = 0
    prevented_criminal: int = 0  # 件
    prevented_criminal_people: int = 0  # 人
    prevented_petition: int = 0
    prevented_petition_people: int = 0
    canvasses: int = 0  # 排查次数
    canvass_found: int = 0  # 排查发现纠纷数
    canvass_prevented: int = 0  # 预防纠纷数

    @property
    def success_rate(self) -> float | None:
        return rate(self.succeeded, self.accepted)


@dataclass
class Statistics:
    period_label: str
    start: dt.date
    end: dt.date
    village: str = ""  # "" for every village
    registered: int = 0  # every case received, 不予受理 included
    rejected: int = 0
    accepted: int = 0
    written: int = 0
    oral: int = 0
    terminated: int = 0
    open: int = 0  # 已受理 or 调解中 at the time of the report
    parties: int = 0
    amount: Decimal = Decimal("0")
    agreements_with_amount: int = 0
    performed: int = 0
    partial: int = 0
    not_performed: int = 0
    performing: int = 0
    confirmation_applied: int = 0
    confirmed: int = 0
    confirmation_refused: int = 0
    prevented_criminal: int = 0  # 防止民间纠纷转化为刑事案件：件
    prevented_criminal_people: int = 0  # …人
    prevented_petition: int = 0  # 防止群体性上访：件
    prevented_petition_people: int = 0  # …人
    canvasses: int = 0  # 排查次数
    canvass_found: int = 0  # 排查发现纠纷数
    canvass_prevented: int = 0  # 预防纠纷数
    by_type: dict[DisputeType, int] = field(default_factory=dict)
    by_source: dict[CaseSource, int] = field(default_factory=dict)
    villages: list[VillageFigures] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return self.written + self.oral

    @property
    def success_rate(self) -> float | None:
        return rate(self.succeeded, self.accepted)

    @property
    def amount_wan(self) -> Decimal:
        """协议涉及金额 in 万元, as the report writes it (two decimals)."""
        return (self.amount / Decimal(10000)).quantize(Decimal("0.01"))

    def by_source_group(self) -> dict[str, int]:
        groups: dict[str, int] = {}
        for source in CaseSource:
            label = SOURCE_GROUPS[source]
            groups[label] = groups.get(label, 0) + self.by_source.get(source, 0)
        return groups


def rate(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
