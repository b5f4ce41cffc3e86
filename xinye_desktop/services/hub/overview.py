"""What a 司法所 or 司法局 sees of the villages' imported data (issue 16 item 3, the read side), on SQLite and
on PostgreSQL alike (storage/hub_queries.py):

- ``ledger``: the consolidated 台账, a page and the count, filtered (township, committee, village, year or
  dates, status, dispute type, a word of the 案号), sorted stably; the party names of the rows of the page
  are opened with the hub's private key, those rows only;
- ``statistics``: a month's or a year's figures rolled up village → township → county, from the villages'
  own figures (each package's figures.json: the report, zero reports counted as reports), each village line
  beside what the hub's rows count for it (the 台账 as a check of the report);
- ``status``: who reported for a month and who did not, the overdue 回访 and the closing 司法确认 windows
  across villages (the village app's rules: domain/aftercare.py);
- ``elders``: the county-wide 明白人库, counted by village and identity, a page with the names opened.

Read-only: a transaction each, guarded by VIEW_CASES, nothing written (the hub does not edit the villages'
rows). Times: ``today`` defaults to the computer's date.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Callable

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.aftercare import WindowState, confirmation_window
from ...domain.enums import CaseSource, CaseStatus, ConfirmationStatus, DisputeType
from ...domain.hub_overview import (
    AREA_FIELDS, TOTAL_FIELDS, AreaFigures, ClosingWindow, CommitteeReport, ElderCount, HubElder, HubElderFilter,
    HubElderPage, HubLedgerFilter, HubLedgerPage, HubLedgerRow, HubStatistics, HubStatus, OverdueVisit, amount,
    closing_effective_range,
)
from ...domain.statistics import Period, PeriodKind, Statistics, VillageFigures
from ...storage.database import Database
from ...storage.hub_queries import HubQueries, parsed_json as _json
from ..access import guard
from ..exchange import crypto
from .messages import NOT_A_HUB
from .setup import identity_in, private_key_in, record

SUCCEEDED = (CaseStatus.AGREEMENT_WRITTEN.value, CaseStatus.AGREEMENT_ORAL.value)
PAGE = 50


def months_of(period: Period) -> list[str]:
    """The months of a period as "2026-03" (a year: its twelve)."""
    first = period.start.month
    last = period.end.month
    return [f"{period.year:04d}-{m:02d}" for m in range(first, last + 1)]


class _Opener:
    """Opens the personal fields of a page's rows: one RowOpener per package that brought them."""

    def __init__(self, uow, queries: HubQueries, rows: list[dict]):
        private = private_key_in(uow)
        keys = queries.ephemeral_keys(r["package_id"] for r in rows if r.get("personal"))
        self._openers = {pid: crypto.RowOpener(private, crypto.unb64(key)) for pid, key in keys.items()}

    def open(self, table: str, row: dict) -> dict:
        opener = self._openers.get(row["package_id"])
        if opener is None or not row.get("personal"):
            return {}
        try:
            return opener.open(table, row["uuid"], row["row_version"], row["personal"])
        except ValueError:  # sealed to another key (cannot happen for an imported row): shown unopened
            return {}


class HubOverview:
    def __init__(self, db: Database, *, today: Callable[[], dt.date] = dt.date.today):
        self._db = db
        self._today = today

    # -- the 台账 -------------------------------------------------------------------------------------------------
    def ledger(self, flt: HubLedgerFilter = HubLedgerFilter(), *, sort: str = "received_date",
               descending: bool = True, offset: int = 0, limit: int = PAGE, names: bool = True) -> HubLedgerPage:
        """A page of the villages' cases and how many pass the filter. ``names``: open the page's party names
        (the hub's private key: a login where it is sealed)."""
        if sort not in ("received_date", "case_number", "committee"):
            raise KeyError(sort)
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            queries = HubQueries(uow.session)
            total = queries.ledger_count(flt)
            rows = queries.ledger_page(flt, sort, descending, max(0, offset), max(1, limit))
            villages = queries.villages({r["committee_id"] for r in rows}) if rows else {}
            opener = _Opener(uow, queries, rows) if names and rows else None
            shown = []
            for row in rows:
                fields = _json(row["fields"])
                township, village = villages.get((row["committee_id"], row["village_uuid"]), ("", ""))
                personal = opener.open("cases", row) if opener else {}
                shown.append(HubLedgerRow(
                    committee_id=row["committee_id"], committee=row["committee"], uuid=row["uuid"],
                    case_number=row["case_number"] or "", received_date=row["day"] or "", township=township,
                    village=village, group=str(fields.get("group_name") or ""), dispute_type=row["kind"] or "",
                    status=row["state"] or "", performance_status=fields.get("performance_status"),
                    confirmation_status=fields.get("confirmation_status"), effective_on=row["effective_on"],
                    deleted=row["deleted_version"] is not None, party_names=str(personal.get("party_names") or "")))
        return HubLedgerPage(tuple(shown), total, offset, limit, opener is not None)

    # -- statistics --------------------------------------------------------------------------------------------
    def statistics(self, period: Period) -> HubStatistics:
        """``period`` (a month, quarter or year) rolled up from the villages' figures and checked against the
        rows. A month not over yet counts as expected; months after today's are not."""
        months = months_of(period)
        today = self._today()
        due = [m for m in months if m <= f"{today.year:04d}-{today.month:02d}"]
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            queries = HubQueries(uow.session)
            committees = queries.committees()
            figures = queries.figures(months)
            counts = queries.case_counts(period.start.isoformat(), period.end.isoformat())
            villages = queries.villages() if counts else {}
        names = {c["id"]: c for c in committees}
        out = HubStatistics(period.label, period.start, period.end, tuple(months), committees=len(committees),
                            expected_reports=len(committees) * len(due))
        total = Statistics(period_label=period.label, start=period.start, end=period.end)
        total.by_type = {t: 0 for t in DisputeType}
        total.by_source = {s: 0 for s in CaseSource}
        lines: dict[tuple[str, str, str], AreaFigures] = {}

        def line(committee_id: str, township: str, village: str) -> AreaFigures:
            key = (committee_id, township, village)
            if key not in lines:
                held = names.get(committee_id) or {}
                lines[key] = AreaFigures("village", township or held.get("township", ""), village,
                                         held.get("name", committee_id))
            return lines[key]

        seen = set()
        for held in figures:
            seen.add((held["committee_id"], held["period"]))
            out.reports += 1
            out.zero_reports += bool(held["zero_report"])
            f = held["figures"]
            for name in TOTAL_FIELDS:
                setattr(total, name, getattr(total, name) + _int(f.get(name)))
            total.amount += amount(f.get("amount"))
            for code, n in (f.get("by_type") or {}).items():
                kind = DisputeType.from_code(code)
                if kind is not None:
                    total.by_type[kind] += _int(n)
            for code, n in (f.get("by_source") or {}).items():
                source = CaseSource.from_code(code)
                if source is not None:
                    total.by_source[source] += _int(n)
            for v in f.get("villages") or []:
                if isinstance(v, dict):
                    target = line(held["committee_id"], str(v.get("township") or ""), str(v.get("village") or ""))
                    for name in AREA_FIELDS:
                        setattr(target, name, getattr(target, name) + _int(v.get(name)))
        for committee_id, village_uuid, state, _kind, n in counts:
            township, village = villages.get((committee_id, village_uuid), ("", ""))
            target = line(committee_id, township, village)
            if state != CaseStatus.REJECTED.value:
                target.held_accepted += n
                target.held_succeeded += n if state in SUCCEEDED else 0
        for committee in committees:
            for month in due:
                if (committee["id"], month) not in seen:
                    out.missing.append((committee["name"], month))
        out.villages = sorted(lines.values(), key=lambda a: (a.township, a.village, a.committee))
        townships: dict[str, AreaFigures] = {}
        for village_line in out.villages:
            township = townships.setdefault(village_line.township, AreaFigures("township", village_line.township))
            township.add(village_line)
            out.county.add(village_line)
        out.townships = [townships[t] for t in sorted(townships)]
        # Two committees' villages of one name (a PC cloned, or two villages so called) are told apart by
        # their committee in the report's 分村统计.
        named = defaultdict(int)
        for a in out.villages:
            named[a.township, a.village] += 1
        total.villages = [VillageFigures(i, a.township, a.village + (f"（{a.committee}）" if named[a.township, a.village] > 1
                                                                       else ""), **{n: getattr(a, n) for n in AREA_FIELDS})
                          for i, a in enumerate(out.villages, start=1)]
        out.total = total
        return out

    def export_statistics(self, stats: HubStatistics, target: Path) -> Path:
        """The statistics as .xlsx at ``target`` (documents/hub_statistics_xlsx.py), put in place with its
        audit row (EXPORT), or not at all."""
        from ...documents.hub_statistics_xlsx import write_hub_report

        target = Path(target)
        with self._db.transaction() as uow:  # refused before anything is written
            guard(uow, Permission.EXPORT)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(NOT_A_HUB)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".统计-", suffix=".xlsx", dir=target.parent)
        os.close(handle)
        temporary = Path(name)
        try:
            write_hub_report(stats, temporary, identity.name)
            umask = os.umask(0)
            os.umask(umask)
            temporary.chmod(0o666 & ~umask)  # mkstemp makes it private; the clerk's file opens like any other
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                record(uow, AuditKind.EXPORT, {"what": "hub_statistics", "period": stats.period_label,
                                               "file": target.name, "reports": stats.reports})
                os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        return target

    # -- a month's status ----------------------------------------------------------------------------------------
    def status(self, month: Period, *, today: dt.date | None = None, limit: int = PAGE) -> HubStatus:
        """Who reported for ``month`` (a zero report is a report) and who did not; the overdue visits and
        the closing 司法确认 windows across villages on ``today``."""
        if month.kind is not PeriodKind.MONTH:
            raise ValueError("a month")
        today = today or self._today()
        code = months_of(month)[0]
        first, last = closing_effective_range(today)
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            queries = HubQueries(uow.session)
            committees = queries.committees()
            reports = queries.reports(code)
            overdue_count, overdue = queries.overdue_visits(today.isoformat(), limit)
            candidates = queries.effective_between(first.isoformat(), last.isoformat())
        names = {c["id"]: c["name"] for c in committees}
        out = HubStatus(code, month.label, today)
        for c in committees:
            report = CommitteeReport(c["id"], c["name"], c["township"], c["village"], c["id"] in reports,
                                     reports.get(c["id"], False), c["last_package_at"])
            (out.reported if report.reported else out.not_reported).append(report)
        out.overdue_visits = overdue_count
        for row in overdue:
            due_on = dt.date.fromisoformat(row["day"])
            out.overdue.append(OverdueVisit(row["committee_id"], names.get(row["committee_id"], ""), row["case_uuid"],
                                            row["case_number"] or "", due_on,
                                            str(_json(row["fields"]).get("reason") or ""), (today - due_on).days))
        closing = []
        for row in candidates:
            window = _window(row["fields"], today)
            if window is not None and window.state is WindowState.CLOSING:
                closing.append(ClosingWindow(row["committee_id"], names.get(row["committee_id"], ""), row["uuid"],
                                             row["case_number"] or "", dt.date.fromisoformat(row["effective_on"]),
                                             window.deadline, window.days_left))
        closing.sort(key=lambda w: (w.deadline, w.committee, w.case_number))
        out.closing_windows = len(closing)
        out.closing = closing[:limit]
        return out

    # -- the 明白人库 -------------------------------------------------------------------------------------------
    def elders(self, flt: HubElderFilter = HubElderFilter(), *, offset: int = 0, limit: int = PAGE,
               names: bool = True) -> HubElderPage:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            queries = HubQueries(uow.session)
            counts = queries.elder_counts(flt)
            total = queries.elder_count(flt)
            rows = queries.elder_page(flt, max(0, offset), max(1, limit))
            committees = {c["id"]: c["name"] for c in queries.committees()}
            villages = queries.villages({c for c, *_rest in counts} | {r["committee_id"] for r in rows})
            opener = _Opener(uow, queries, rows) if names and rows else None
            shown = []
            for row in rows:
                fields = _json(row["fields"])
                township, village = villages.get((row["committee_id"], row["village_uuid"]), ("", ""))
                personal = opener.open("elders", row) if opener else {}
                birth_year = fields.get("birth_year")
                shown.append(HubElder(row["committee_id"], row["committee"], row["uuid"], township, village,
                                      str(fields.get("sex") or ""), birth_year if isinstance(birth_year, int) else None,
                                      row["kind"] or "", fields.get("selection"), fields.get("term_end"),
                                      bool(fields.get("retired")), str(personal.get("name") or "")))
        by_village: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
        by_identity: dict[str, int] = defaultdict(int)
        for committee_id, village_uuid, identity, n in counts:
            township, village = villages.get((committee_id, village_uuid), ("", ""))
            key = (township, village, committees.get(committee_id, committee_id))
            identity = identity or ""
            by_village[key][identity] = by_village[key].get(identity, 0) + n
            by_identity[identity] += n
        tallies = tuple(ElderCount(committee, township, village, dict(sorted(found.items())))
                        for (township, village, committee), found in sorted(by_village.items()))
        return HubElderPage(tuple(shown), total, offset, limit, tallies, dict(sorted(by_identity.items())),
                            opener is not None)


def _int(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _window(fields: dict, today: dt.date):
    """The case's 司法确认 window by domain/aftercare.confirmation_window; None for fields it cannot read."""
    status = CaseStatus.from_code(fields.get("status"))
    if status is None:
        return None
    try:
        effective = dt.date.fromisoformat(str(fields.get("effective_on"))[:10]) if fields.get("effective_on") else None
    except ValueError:
        return None
    confirmation = ConfirmationStatus.from_code(fields.get("confirmation_status")) if fields.get(
        "confirmation_status") else None
    confirmable = fields.get("confirmable")
    return confirmation_window(status, None if confirmable is None else bool(confirmable), effective, confirmation,
                               today)


__all__ = ["HubOverview", "months_of"]
