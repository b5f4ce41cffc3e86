"""What a 司法所 or 司法局 hub shows of the villages' imported data (issue 16 item 3, the read side): the
consolidated 台账, the statistics rolled up village → township → county, who has not reported, the
overdue 回访 and closing 司法确认 windows, and the county-wide 明白人库. Value types and the few rules of
their own; the rules of a case's aftercare are domain/aftercare.py's, reused as they are.

The hub holds each village row as the village sent it (storage/hub_records.py): clear fields as JSON, the
personal ones sealed to the hub's key. ``derived_columns`` is the one place that says which clear field of
a row feeds which indexed column of hub_rows (migration 0013), so that the import and the backfill agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .aftercare import CLOSING_DAYS, CONFIRMATION_DAYS, visit_pending
from .statistics import Statistics, rate

# The indexed columns of hub_rows beside the JSON (migration 0013) and their widths.
DERIVED_COLUMNS = {"village_uuid": 36, "day": 10, "state": 32, "kind": 32, "effective_on": 10}

# A return visit's state at the hub: pending (neither made nor cancelled: domain/aftercare Visit.pending),
# visited, cancelled. An elder's: serving, retired.
VISIT_PENDING, VISIT_DONE, VISIT_CANCELLED = "pending", "visited", "cancelled"
ELDER_SERVING, ELDER_RETIRED = "serving", "retired"


def _day(value) -> str | None:
    text = str(value or "")[:10]
    return text or None


def _code(value, width: int = 32) -> str | None:
    return str(value)[:width] if value not in (None, "") else None


def derived_columns(table: str, fields: dict, refs: dict) -> dict:
    """The indexed columns of a village row at the hub, from its clear fields and references:

    - cases: the village, the 受理日期 (day), the status (state), the dispute type (kind), the agreement's
      date of effect (the 30-day 司法确认 window counts from it);
    - return_visits: the due day, pending / visited / cancelled;
    - elders: the village, serving / retired, the identity (五老);
    - canvasses: the village, the day held.
    Every key of DERIVED_COLUMNS is in the result (None where the table has no such thing)."""
    fields = fields if isinstance(fields, dict) else {}
    refs = refs if isinstance(refs, dict) else {}
    village = refs.get("village_id")
    out = dict.fromkeys(DERIVED_COLUMNS)
    out["village_uuid"] = village[:36] if isinstance(village, str) else None
    if table == "cases":
        out.update(day=_day(fields.get("received_date")), state=_code(fields.get("status")),
                   kind=_code(fields.get("dispute_type")), effective_on=_day(fields.get("effective_on")))
    elif table == "return_visits":
        visited, cancelled = fields.get("visited_on"), bool(fields.get("cancelled"))
        state = VISIT_PENDING if visit_pending(visited, cancelled) else VISIT_CANCELLED if cancelled else VISIT_DONE
        out.update(day=_day(fields.get("due_on")), state=state)
    elif table == "elders":
        out.update(state=ELDER_RETIRED if fields.get("retired") else ELDER_SERVING, kind=_code(fields.get("identity")))
    elif table == "canvasses":
        out.update(day=_day(fields.get("held_on")), state="deleted" if fields.get("deleted_at") else "held")
    return out


def closing_effective_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates of effect whose 司法确认 window is about to close on ``today`` (0 to CLOSING_DAYS days
    left, domain/aftercare.confirmation_window), both ends included: the candidates a query reads before
    the rule itself decides each case."""
    return (today - dt.timedelta(days=CONFIRMATION_DAYS),
            today - dt.timedelta(days=CONFIRMATION_DAYS - CLOSING_DAYS))


# -- the consolidated 台账 --------------------------------------------------------------------------------

LEDGER_SORTS = ("received_date", "case_number", "committee")


@dataclass(frozen=True)
class HubLedgerFilter:
    """Which village cases the hub's 台账 shows. ``text`` is looked for in the 案号 only: names and facts
    are sealed to the hub's key and only opened for the rows shown. A year and a date range narrow
    together (both apply)."""

    township: str = ""  # the village's township (the village row's, as the village keeps it)
    committee_id: str | None = None
    village: str = ""  # a village's name (any committee's village of that name)
    year: int | None = None
    date_from: dt.date | None = None  # 受理日期, both ends included
    date_to: dt.date | None = None
    status: str | None = None  # a CaseStatus code
    dispute_type: str | None = None  # a DisputeType code
    text: str = ""
    include_deleted: bool = False  # rows the village deleted (kept at the hub, marked)

    def day_range(self) -> tuple[str | None, str | None]:
        """The 受理日期 bounds as ISO text (None: open), the year and the range together."""
        low = self.date_from.isoformat() if self.date_from else None
        high = self.date_to.isoformat() if self.date_to else None
        if self.year is not None:
            low = max(filter(None, (low, f"{self.year:04d}-01-01")))
            high = min(filter(None, (high, f"{self.year:04d}-12-31")))
        return low, high


@dataclass(frozen=True)
class HubLedgerRow:
    committee_id: str
    committee: str
    uuid: str
    case_number: str
    received_date: str
    township: str
    village: str
    group: str
    dispute_type: str
    status: str
    performance_status: str | None
    confirmation_status: str | None
    effective_on: str | None
    deleted: bool = False
    party_names: str = ""  # opened with the hub's key for the page shown; "" when not opened


@dataclass(frozen=True)
class HubLedgerPage:
    rows: tuple[HubLedgerRow, ...]
    total: int  # every case that passes the filter
    offset: int
    limit: int
    names_opened: bool


# -- statistics ------------------------------------------------------------------------------------------

# The per-village figures a package's figures.json carries for each village (domain/statistics.VillageFigures).
AREA_FIELDS = ("accepted", "succeeded", "prevented_criminal", "prevented_criminal_people", "prevented_petition",
               "prevented_petition_people", "canvasses", "canvass_found", "canvass_prevented")
# The committee totals summed into the county's (domain/statistics.Statistics' counts).
TOTAL_FIELDS = ("registered", "rejected", "accepted", "written", "oral", "terminated", "open", "parties",
                "agreements_with_amount", "performed", "partial", "not_performed", "performing",
                "confirmation_applied", "confirmed", "confirmation_refused", "prevented_criminal",
                "prevented_criminal_people", "prevented_petition", "prevented_petition_people", "canvasses",
                "canvass_found", "canvass_prevented")


@dataclass
class AreaFigures:
    """One line of the rollup: a village (of a committee), a township, or the county. ``reported_*`` are the
    villages' own figures (their packages' figures.json, the report); ``held_*`` what the hub's rows of the
    period count (cases by 受理日期), a check of the report against the 台账 the hub holds."""

    level: str  # village, township, county
    township: str = ""
    village: str = ""
    committee: str = ""
    accepted: int = 0
    succeeded: int = 0
    prevented_criminal: int = 0
    prevented_criminal_people: int = 0
    prevented_petition: int = 0
    prevented_petition_people: int = 0
    canvasses: int = 0
    canvass_found: int = 0
    canvass_prevented: int = 0
    held_accepted: int = 0
    held_succeeded: int = 0

    @property
    def success_rate(self) -> float | None:
        return rate(self.succeeded, self.accepted)

    def add(self, other: "AreaFigures") -> None:
        for name in AREA_FIELDS + ("held_accepted", "held_succeeded"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class CommitteeReport:
    """Whether a registered committee reported for a month: a package's figures for it, a zero report too."""

    committee_id: str
    name: str
    township: str
    village: str
    reported: bool
    zero_report: bool = False
    last_package_at: dt.datetime | None = None


@dataclass
class HubStatistics:
    period_label: str
    start: dt.date
    end: dt.date
    months: tuple[str, ...]  # "2026-01" … the months of the period
    committees: int = 0  # registered at the hub
    reports: int = 0  # (committee, month) figures held, zero reports included
    zero_reports: int = 0
    expected_reports: int = 0  # committees × months
    total: Statistics | None = None  # the committees' figures summed (the full breakdown)
    villages: list[AreaFigures] = field(default_factory=list)
    townships: list[AreaFigures] = field(default_factory=list)
    county: AreaFigures = field(default_factory=lambda: AreaFigures("county"))
    missing: list[tuple[str, str]] = field(default_factory=list)  # (committee name, month) not reported

    @property
    def complete(self) -> bool:
        return self.reports >= self.expected_reports


# -- work across villages --------------------------------------------------------------------------------

@dataclass(frozen=True)
class OverdueVisit:
    committee_id: str
    committee: str
    case_uuid: str
    case_number: str
    due_on: dt.date
    reason: str  # a VisitReason code
    days_overdue: int


@dataclass(frozen=True)
class ClosingWindow:
    committee_id: str
    committee: str
    case_uuid: str
    case_number: str
    effective_on: dt.date
    deadline: dt.date
    days_left: int


@dataclass
class HubStatus:
    """A month at the hub: who reported (zero reports too), who did not, and today's work across villages."""

    month: str
    label: str
    today: dt.date
    reported: list[CommitteeReport] = field(default_factory=list)
    not_reported: list[CommitteeReport] = field(default_factory=list)
    overdue_visits: int = 0
    overdue: list[OverdueVisit] = field(default_factory=list)  # the most overdue first, at most a page
    closing_windows: int = 0
    closing: list[ClosingWindow] = field(default_factory=list)  # the soonest to close first


# -- the 明白人库 -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HubElderFilter:
    township: str = ""
    committee_id: str | None = None
    village: str = ""
    identity: str | None = None  # an ElderIdentity code
    include_retired: bool = False


@dataclass(frozen=True)
class HubElder:
    committee_id: str
    committee: str
    uuid: str
    township: str
    village: str
    sex: str
    birth_year: int | None
    identity: str
    selection: str | None
    term_end: str | None
    retired: bool
    name: str = ""  # opened for the page shown


@dataclass(frozen=True)
class ElderCount:
    """The serving 明白人 of one village, by identity."""

    committee: str
    township: str
    village: str
    by_identity: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_identity.values())


@dataclass(frozen=True)
class HubElderPage:
    rows: tuple[HubElder, ...]
    total: int
    offset: int
    limit: int
    counts: tuple[ElderCount, ...]  # every village (of the filter), serving elders only
    by_identity: dict[str, int]  # the county's (the filter's) totals
    names_opened: bool


def amount(value) -> Decimal:
    """A figures.json amount (a decimal as text); 0 for anything else."""
    try:
        return Decimal(str(value))
    except Exception:  # noqa: BLE001 - decimal's InvalidOperation and friends: a figure that is not one
        return Decimal("0")
