"""The ``demo`` command's entry point: fill a database with demo data, the bulk in one transaction
(storage/bulk.py), then the showcase through the services, then the archived PDFs, a few case files'
documents, and the prevention and 排查 figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.dispute_types import check_local_types, dumps_local_types
from ..services.settings import LOCAL_DISPUTE_TYPES_KEY
from ..storage import bulk
from ..storage.database import Database
from .aftercare import add_bulk_aftercare
from .agreements import archive_bulk_agreements
from .case_forms import add_case_forms
from .cases import LOCAL_DISPUTE_TYPES, add_cases, parties_by_case
from .choices import add_choices
from .people import DemoGenerator, add_elders, add_role_people, add_villages
from .prevention import add_prevention_and_canvasses
from .showcase import replay_showcase
from .sittings import add_sittings

# What a demo's office is called when the database has no name for it yet.
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
DEMO_OPERATOR = "演示数据"  # who the bulk-written rows are signed by (without accounts)


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    elders: int
    cases: int
    parties: int
    accounts: tuple = ()  # crew.DemoAccount of the accounts made (generate(..., accounts=True))
    recovery_key: str = ""

    def account_lines(self) -> list[str]:
        """The accounts' user names and passwords, in Chinese, for the ``demo`` command to print."""
        from .crew import account_lines

        return account_lines(self.accounts, self.recovery_key) if self.accounts else []


class DemoRefused(Exception):
    """The database already holds cases; demo data is never mixed into real records."""


def generate(db: Database, cases: int = 300, seed: int = 2026, today: dt.date | None = None,
             allow_existing: bool = False, *, accounts: bool = False, kdf_cost=None, places=None, years: int = 3,
             committee: str | None = None, case_prefix: str | None = None,
             archive_limit: int | None = None, elders_per_village: tuple[int, int] = (4, 8)) -> DemoSummary:
    """Fill the database with demo data: the bulk in one transaction, then the showcase cases one
    service call at a time, then a few case files' documents. Everything is drawn from ``seed`` in one
    fixed order, so the same seed and ``today`` give the same data (but new UUIDs and timestamps).

    ``accounts`` (issue 15; the ``demo`` command): a folder without accounts gets the demo's (crew.py:
    管理员, two 调解员, a 记录人, a 查阅; ``kdf_cost`` their password hashing, the production cost by
    default), the data is sealed with their key, and every write is done as one of them, with an audit
    trail that agrees with the case history; nobody is logged in at the end. The summary names them.

    For one committee of the county demo (demo/county.py): ``places`` the (township, village) pairs on file
    (default: four villages in each township), ``years`` how far back the cases go (default 3), ``committee``
    and ``case_prefix`` the committee's name and 案号 prefix where the folder has none yet, ``archive_limit``
    how many bulk-signed agreements are still archived as PDFs (agreements.ARCHIVE_LIMIT by default),
    ``elders_per_village`` the size of each village's 明白人 pool (from, below)."""
    db.ensure_schema()
    gen = DemoGenerator(seed, today)
    crew = _crew(db, gen, allow_existing, kdf_cost, years) if accounts else None
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    mark = bulk.last_history_id(db)

    with bulk.transaction(db) as tables:
        if tables.count("cases") and not allow_existing:
            raise DemoRefused()
        all_villages = add_villages(tables, now, places)
        elders = add_elders(tables, gen, all_villages, now, elders_per_village)
        case_start = tables.next_id("cases")
        if case_prefix and not tables.setting("case_prefix"):
            tables.insert("settings", [{"key": "case_prefix", "value": case_prefix}])
        case_rows, party_rows, plans = add_cases(tables, gen, all_villages, cases, now, years)
        if not tables.setting("committee_name"):
            tables.insert("settings", [{"key": "committee_name", "value": committee or COMMITTEE},
                                       {"key": "operator", "value": "演示数据"}])
        if not tables.setting(LOCAL_DISPUTE_TYPES_KEY):
            tables.insert("settings", [{"key": LOCAL_DISPUTE_TYPES_KEY, "value": dumps_local_types(
                check_local_types(LOCAL_DISPUTE_TYPES))}])
        people, by_village, by_township = add_role_people(tables, gen, all_villages, now)
        roles, history, people_of = add_choices(tables, gen, case_rows, party_rows, elders, all_villages, people,
                                                by_village, by_township, now, plans)
        finish, concluded, sitting_history = add_sittings(
            tables, gen, case_rows, parties_by_case(party_rows), roles, people, now,
            {vid: name for vid, _t, name in all_villages}, plans)
        tables.insert("case_history", history + sitting_history)
        add_bulk_aftercare(tables, gen, case_rows, party_rows, plans, concluded, people_of, now)
    case_ids = {row["id"] for row in case_rows}
    if crew is None:
        replay_showcase(db, gen, plans, finish)
        archive_bulk_agreements(db, case_ids, archive_limit)
        add_case_forms(db, case_ids)
        add_prevention_and_canvasses(db, gen, case_start)
        return DemoSummary(len(all_villages), len(elders), len(case_rows), len(party_rows))
    # As the accounts: the bulk's history signed and audited, the showcase worked by each case's
    # mediator, the figures of prevention (bulk again), then today's work with the case files' documents.
    crew.sign_bulk(mark, DEMO_OPERATOR)
    replay_showcase(db, gen, plans, finish, crew)
    archive_bulk_agreements(db, case_ids, archive_limit)
    mark = bulk.last_history_id(db)
    add_prevention_and_canvasses(db, gen, case_start)
    crew.sign_bulk(mark, DEMO_OPERATOR)
    showcased = sorted(cid for cid, plan in plans.items() if plan.showcase is not None)
    crew.finish(showcased, paperwork=lambda: add_case_forms(db, case_ids))
    return DemoSummary(len(all_villages), len(elders), len(case_rows), len(party_rows), tuple(crew.made),
                       crew.recovery_key)


def _crew(db: Database, gen: DemoGenerator, allow_existing: bool, kdf_cost, years: int = 3):
    """The demo's accounts set up before its first case; None when the folder has accounts already (the
    demo then writes as whoever is logged in). Refused, before anything is written, over real cases."""
    from .crew import DemoCrew
    from ..services.accounts import AccountService

    with bulk.transaction(db) as tables:
        if tables.count("cases") and not allow_existing:
            raise DemoRefused()
    if not AccountService(db).needs_setup():
        return None
    crew = DemoCrew(db, gen.today, kdf_cost, set_up_before=dt.timedelta(days=max(1, years) * 365 + 7))
    crew.set_up()
    return crew
