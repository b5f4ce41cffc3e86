"""The demo at county scale (issue 16 item 7; ``xinye-desktop demo-county``): a hub data folder (新野县司法局
by default, or one township's 司法所) with a demo administrator, one village data folder per committee
(realistic names under 新野县's real townships, each committee with its own accounts, its own signing key
and its own 案号 prefix, its cases made as the village demo makes them: every state a case can be in,
dated over the years asked), and each village's package for the hub, encrypted to the hub's key::

    FOLDER/hub/                              the hub's data folder (hub-key.txt in it)
    FOLDER/villages/<村名>/                  a village committee's data folder
    FOLDER/packages/<乡镇>/<村名>-YYYY-MM.xdx  its package (its first: every row since it was set up)

and, with ``import_all``, every package imported into the hub. The villages are made by worker processes
(one per core), each one village at a time; the hub is set up and fed in the main process.

Deterministic for a seed (and ``today``): every village's data is drawn from a seed made of the county
seed and the village's name, so a village has the same cases whichever worker makes it and in whatever
order (its row UUIDs, keys and timestamps are new each time, as the village demo's).

Cost, measured on this 2-core machine (benchmarks/README.md, "The county demo"): a village of 1,000 cases
is ~12 s of one core to make and export (the bulk ~3 s, its 36 showcase cases through the services ~5 s,
the accounts, the day's backup and the package the rest); the bulk-signed agreements keep their content,
digest and code without an archived PDF (as the village demo does above agreements.ARCHIVE_LIMIT), only
the showcase's documents are PDFs. The village accounts' passwords are hashed at a demo cost (VILLAGE_COST;
the app hashes them again at its own cost at their first login in the window); the hub's administrator's
at the production cost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Callable

from .cases import LOCAL_DISPUTE_TYPES
from .people import SURNAMES, TOWNSHIPS

# Villages (行政村) and communities (社区) per township, 255 in all: the county's ~255 村(社区) (domain.md:
# 6,775 明白人 in about 255 villages), the 街道 with fewer, larger communities.
TOWNSHIP_WEIGHTS = {township: 10 if township.endswith("街道") else 16 if township.endswith("乡") else 19
                    for township in TOWNSHIPS}
COUNTY_VILLAGES = 255  # the weights share them out (252 by the weights alone)
COMMUNITY_STEMS = ("书院", "朝阳", "光武", "汉桑", "雷锋", "白河", "人民路", "新华", "解放路", "健康路", "建设路",
                   "文化", "七里河", "顺河", "迎宾", "振兴", "友谊", "花园", "丰收", "和平")
VILLAGE_SUFFIXES = ("庄", "营", "湾", "岗", "楼", "集", "店", "寨", "洼", "坡", "堰", "桥", "岭", "坑")
NAMES_SEED = 16  # the county's village names do not change with --seed: 王庄镇 has the same villages in every demo

# A village's 明白人库: 20 to 33, ~26.5 on average (the county's 6,775 in about 255 villages).
ELDERS_PER_VILLAGE = (20, 34)
DEFAULT_CASES_PER_YEAR = 1000  # the scale: ~750,000 cases of 255 villages in 3 years
COUNTY_AREA = "新野县"
DEFAULT_TOWNSHIP = "王庄镇"  # the 司法所 of a --hub 司法所 demo
HUB_ACCOUNTS = {"司法局": ("sfj_admin", "李建华", "司法局演示2026"), "司法所": ("sfs_admin", "赵建民", "司法所演示2026")}


def _village_cost():
    from ..services import keys

    # A demo cost for the villages' 5 accounts each (~20 hashes a village at the production cost would be
    # ~4 s of a 1,000-case village's ~12 s); AccountService.login hashes again at the app's cost.
    return keys.KdfCost(memory_kib=4096, time_cost=1)


@dataclass(frozen=True)
class CountyVillage:
    township: str
    name: str  # 王庄村, 书院社区

    @property
    def committee(self) -> str:
        return f"{COUNTY_AREA}{self.township}{self.name}人民调解委员会"

    @property
    def case_prefix(self) -> str:
        """Its 案号 prefix (1-8 汉字, domain/case_number.check_prefix): 新 + the township + the village, so that
        no two committees of the county number their cases alike."""
        town = self.township.removesuffix("街道").removesuffix("镇").removesuffix("乡")
        stem = self.name.removesuffix("社区").removesuffix("村")
        return ("新" + town + stem)[:8]


def county_villages(count: int = COUNTY_VILLAGES, township: str | None = None) -> list[CountyVillage]:
    """``count`` villages spread over the county's townships by their size (TOWNSHIP_WEIGHTS; fewer than 15
    go to the largest first), or all in ``township`` (a 司法所's demo). Names are unique in the county (a
    village's folder is named after it): each 镇/乡's seat village bears its name (王庄镇 王庄村), the others
    a surname and a place word (李营村, 张湾村), the 街道's communities the names of streets (书院社区)."""
    if count < 1:
        return []
    if township is not None:
        shares = {township: count}
    else:
        total = sum(TOWNSHIP_WEIGHTS.values())
        quotas = {t: count * w / total for t, w in TOWNSHIP_WEIGHTS.items()}
        shares = {t: int(q) for t, q in quotas.items()}
        left = count - sum(shares.values())
        for t in sorted(quotas, key=lambda t: (-(quotas[t] - shares[t]), -TOWNSHIP_WEIGHTS[t], TOWNSHIPS.index(t)))[:left]:
            shares[t] += 1
    rng = random.Random(NAMES_SEED)
    used: set[str] = set()
    streets = iter(COMMUNITY_STEMS)
    villages = []
    for town in (t for t in (*TOWNSHIPS, township) if t in shares):
        if town in {v.township for v in villages}:
            continue
        names = []
        if town.endswith("街道"):
            while len(names) < shares[town]:
                stem = next(streets, None) or rng.choice(SURNAMES) + rng.choice(("庄", "营", "湾"))
                if stem + "社区" not in used:
                    names.append(stem + "社区")
                    used.add(names[-1])
        else:
            seat = town.removesuffix("镇").removesuffix("乡") + "村"
            if shares[town] and seat not in used:
                names.append(seat)
                used.add(seat)
            while len(names) < shares[town]:
                name = rng.choice(("", "", "", "", "大", "小", "东", "西", "后", "前")) + rng.choice(SURNAMES) \
                    + rng.choice(VILLAGE_SUFFIXES) + "村"
                if name not in used:
                    names.append(name)
                    used.add(name)
        villages += [CountyVillage(town, name) for name in names]
    return villages


def village_seed(seed: int, village: CountyVillage) -> int:
    digest = hashlib.sha256(f"{seed}:{village.township}:{village.name}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


class CountyRefused(Exception):
    """FOLDER exists and is not empty: the county demo writes only into a new or empty folder."""


@dataclass(frozen=True)
class _Job:
    village: CountyVillage
    folder: str
    package_dir: str
    cases: int
    years: int
    seed: int
    today: dt.date
    hub_public: bytes


@dataclass(frozen=True)
class VillageMade:
    township: str
    name: str
    folder: Path
    package: Path
    counts: dict  # rows per table of its package, "documents", "tombstones"
    cases: int
    size: int
    seconds: float  # wall time of the worker making it (data, accounts, package)
    export_seconds: float


@dataclass
class CountySummary:
    folder: Path
    hub: str  # 新野县司法局
    hub_admin: tuple[str, str, str]  # (user name, name, password)
    hub_recovery_key: str = ""
    villages: list[VillageMade] = field(default_factory=list)
    village_accounts: list[str] = field(default_factory=list)
    imported: list = field(default_factory=list)  # services/hub.PackageSummary of each, with import_all
    reviewed: int = 0  # with import_all: case files the hub reviewed (of them returned: ``returned``)
    returned: int = 0
    returns: list = field(default_factory=list)  # services/hub.returns.WrittenReturn, imported by each village
    roster: int = 0  # with import_all: people the hub put on its roster (人员名单) for the villages
    make_seconds: float = 0.0
    import_seconds: float = 0.0
    workers: int = 1

    @property
    def cases(self) -> int:
        return sum(v.cases for v in self.villages)


def _make_village(job: _Job) -> VillageMade:
    """In a worker: the village's data folder (the village demo, its accounts) and its first package."""
    from ..paths import DataPaths
    from ..services.accounts import AccountService
    from ..services.exchange import ExchangeService
    from ..storage.database import Database
    from . import generate
    from .crew import ADMIN

    started = time.perf_counter()
    paths = DataPaths(Path(job.folder))
    paths.create()
    db = Database(paths.database)
    cost = _village_cost()
    try:
        summary = generate(db, cases=job.cases, seed=job.seed, today=job.today, accounts=True, kdf_cost=cost,
                           places=[(job.village.township, job.village.name)], years=job.years,
                           committee=job.village.committee, case_prefix=job.village.case_prefix, archive_limit=0,
                           elders_per_village=ELDERS_PER_VILLAGE)
        exported = time.perf_counter()
        accounts = AccountService(db, cost=cost)
        session = accounts.login(ADMIN.username, ADMIN.password)  # the chair sends the package
        try:
            written = ExchangeService(db, paths.root).write_package(
                Path(job.package_dir), hub_public_key=job.hub_public, period=(job.today.year, job.today.month))
        finally:
            accounts.logout(session)
    finally:
        db.close()
    done = time.perf_counter()
    return VillageMade(job.village.township, job.village.name, paths.root, written.path, dict(written.counts),
                       summary.cases, written.size, done - started, done - exported)


# The reasons a 司法所 gives when it returns a case file to the village (以案定补 review), as they are written.
RETURN_REASONS = (
    "卷宗缺少双方当事人签名的调解协议书扫描件，请补齐后重新报送。",
    "回访记录只写了“已履行”，请写明回访时间、方式和履行的具体情况。",
    "受理登记表上的纠纷类型与调解记录不一致，请核对后更正。",
    "调解协议约定的给付期限已过，请补充履行情况的回访记录。",
    "明白人的选定记录里缺少一方当事人的同意，请补正。",
)
SETTLED = ("agreement_written", "agreement_oral", "terminated")
# The hub's roster (人员名单) per township: its 联村干警 and two 见证人 of its departments (unit, post).
ROSTER_WITNESSES = (("自然资源所", "所长"), ("民政所", "工作人员"))


def _hub_roster(db, seed: int) -> int:
    """The hub's roster, as a clerk keeps it in 人员名单: per township of its committees a 联村干警 of the
    township's 派出所 and two 见证人 of its departments, for that township's villages (fictional people; the
    phones of the demo's kind). Their return packages bring them into each village's role lists."""
    from ..domain.roles import HostKind, PersonInput, Role
    from ..services.hub.roster import HubRoster
    from .people import FEMALE_GIVEN, MALE_GIVEN

    roster = HubRoster(db)
    townships = sorted({c.get("township") or "" for c in roster.committees()} - {""})
    added = 0
    for township in townships:
        rng = random.Random(f"{seed}-roster-{township}")
        town = township.removesuffix("街道")

        def name(male: bool = True) -> str:
            return rng.choice(SURNAMES) + rng.choice(MALE_GIVEN if male else FEMALE_GIVEN)

        def phone() -> str:
            return "138" + f"{rng.randrange(0, 10**8):08d}"

        people = [PersonInput(role=Role.HOST, host_kind=HostKind.LINK_POLICE, name=name(), unit=f"新野县公安局{town}派出所",
                              post="社区民警", phone=phone())]
        people += [PersonInput(role=Role.WITNESS, name=name(rng.random() < 0.6), unit=f"{town}{dept}", post=post,
                               phone=phone()) for dept, post in ROSTER_WITNESSES]
        for person in people:
            roster.add(person, township=township)
            added += 1
    return added


def _review_round(db, folder: Path, summary: CountySummary, today: dt.date, seed: int) -> None:
    """The hub's monthly review, as a clerk does it in 案卷审查: last month's settled case files of every
    committee graded for 以案定补 (mostly 一般, some 疑难, a few 重大) and approved, one in each village
    returned with a reason; this month's left unreviewed. Then the hub's roster (``_hub_roster``) and a return
    package per committee into ``folder/returns`` (acknowledgements, the decisions, the roster people), as
    hub-return writes them."""
    import random

    from ..domain.hub import ReviewDecision, ReviewGrade
    from ..services.hub import HubHoldings, HubReviews
    from ..services.hub.returns import HubReturns

    first_of_month = today.replace(day=1)
    last_month = (first_of_month - dt.timedelta(days=1)).replace(day=1).isoformat()
    holdings, reviews = HubHoldings(db, folder / "hub"), HubReviews(db)
    for committee in holdings.committees():
        rng = random.Random(f"{seed}-review-{committee['id']}")
        files = [c for c in holdings.case_files(committee["id"]) if c["status"] in SETTLED
                 and last_month <= c["received_date"] < first_of_month.isoformat()]
        returned = rng.choice(files)["uuid"] if files else None
        for case in files:
            grade = rng.choices((ReviewGrade.ORDINARY, ReviewGrade.DIFFICULT, ReviewGrade.MAJOR), (80, 16, 4))[0]
            if case["uuid"] == returned:
                reviews.review(committee["id"], case["uuid"], grade, ReviewDecision.RETURNED, rng.choice(RETURN_REASONS))
                summary.returned += 1
            else:
                reviews.review(committee["id"], case["uuid"], grade, ReviewDecision.APPROVED)
            summary.reviewed += 1
    summary.roster = _hub_roster(db, seed)
    target = folder / "returns"
    target.mkdir(exist_ok=True)
    returns = HubReturns(db)
    # The county's local dispute types (纠纷类型细目), as Henan counties add them to the 15 categories.
    returns.set_village_settings(dispute_types=LOCAL_DISPUTE_TYPES)
    summary.returns = returns.write_returns(target)


def _import_returns(summary: CountySummary) -> None:
    """Each village imports its return package (import-return) as its administrator."""
    from ..services.accounts import AccountService
    from ..services.exchange.returns_import import ReturnImporter
    from ..storage.database import Database
    from .crew import ADMIN

    committee_of = {Path(s.path): s.committee_id for s in summary.imported}
    by_committee = {committee_of.get(Path(v.package)): v for v in summary.villages}
    for written in summary.returns:
        village = by_committee.get(written.committee_id)
        if village is None:
            continue
        db = Database(Path(village.folder) / "xinye.sqlite3")
        try:
            accounts = AccountService(db, cost=_village_cost())
            session = accounts.login(ADMIN.username, ADMIN.password)
            try:
                ReturnImporter(db, Path(village.folder)).import_return(written.path)
            finally:
                accounts.logout(session)
        finally:
            db.close()


def _refuse_unless_empty(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CountyRefused(str(folder))


def make_county(folder: Path, *, villages: int = COUNTY_VILLAGES, years: int = 1,
                cases_per_year: int = DEFAULT_CASES_PER_YEAR, seed: int = 2026, hub: str = "司法局",
                township: str | None = None, import_all: bool = False, today: dt.date | None = None,
                workers: int | None = None, hub_cost=None, hub_keys: tuple[bytes, bytes] | None = None,
                progress: Callable[[str], None] | None = None) -> CountySummary:
    """Make the county demo in ``folder`` (new, or an empty folder: CountyRefused otherwise, before anything
    is written). ``hub``: 司法局 (新野县, the villages over the county's townships) or 司法所 (``township``,
    default 王庄镇, every village in it). ``workers``: processes making the villages (default: one per core).
    ``hub_cost``: the hub administrator's password hashing (the production cost by default); ``hub_keys``:
    the hub's (public, private) key pair, given instead of a new one (the benchmark imports the packages
    into hubs of its own)."""
    from ..domain.hub import HubMode
    from ..paths import DataPaths
    from ..services.accounts import AccountService
    from ..services.exchange import new_hub_keys
    from ..services.hub import HubImporter, HubSetup
    from ..storage.database import Database
    from .crew import ADMIN, MEDIATORS, VIEWER, account_lines

    folder = Path(folder)
    _refuse_unless_empty(folder)
    mode = HubMode.COUNTY if hub == "司法局" else HubMode.TOWNSHIP
    area = COUNTY_AREA if mode is HubMode.COUNTY else (township or DEFAULT_TOWNSHIP)
    places = county_villages(villages, None if mode is HubMode.COUNTY else area)
    today = today or dt.date.today()
    say = progress or (lambda _text: None)
    folder.mkdir(parents=True, exist_ok=True)
    hub_public, hub_private = hub_keys if hub_keys is not None else new_hub_keys()
    jobs = [_Job(v, str(folder / "villages" / v.name), str(folder / "packages" / v.township), cases_per_year * years,
                 years, village_seed(seed, v), today, hub_public) for v in places]
    for job in jobs:
        Path(job.package_dir).mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    admin = HUB_ACCOUNTS["司法局" if mode is HubMode.COUNTY else "司法所"]
    summary = CountySummary(folder, "", admin, workers=workers)

    # The hub first (its key pair is what the packages are encrypted to): its administrator (its private key
    # is then sealed with the data key), its set-up, hub-key.txt for villages that export again.
    hub_paths = DataPaths(folder / "hub")
    hub_paths.create()
    db = Database(hub_paths.database)
    try:
        db.ensure_schema()
        accounts = AccountService(db, cost=hub_cost) if hub_cost is not None else AccountService(db)
        made = accounts.create_first_admin(*admin)
        summary.hub_recovery_key = made.recovery_key
        try:
            setup = HubSetup(db)
            office = f"{COUNTY_AREA}司法局" if mode is HubMode.COUNTY else f"{COUNTY_AREA}{area}司法所"
            summary.hub = setup.set_up(mode, area, office, keys=(hub_public, hub_private)).name
            setup.write_key_file(hub_paths.root)
        finally:
            accounts.logout(made.session)
    finally:
        db.close()

    started = time.perf_counter()
    if workers == 1:
        villages_made = map(_make_village, jobs)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        villages_made = pool.map(_make_village, jobs)
    try:
        for number, village in enumerate(villages_made, start=1):
            summary.villages.append(village)
            say(f"[{number}/{len(jobs)}] {village.township}{village.name}：{village.cases} 件案件，"
                f"报送包 {village.package.name}（{village.size / (1 << 20):.1f} MB），{village.seconds:.1f} 秒")
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    summary.make_seconds = time.perf_counter() - started

    if import_all:  # as the hub's administrator, as import-package does
        db = Database(hub_paths.database)
        try:
            accounts = AccountService(db, cost=hub_cost) if hub_cost is not None else AccountService(db)
            session = accounts.login(admin[0], admin[2])
            try:
                started = time.perf_counter()
                summary.imported = HubImporter(db, hub_paths.root).import_packages(
                    [v.package for v in summary.villages],
                    progress=lambda done, total: say(f"导入 {done}/{total}") if done % 10 == 0 or done == total else None)
                summary.import_seconds = time.perf_counter() - started
                say("审查上月案卷、生成回执包……")
                _review_round(db, folder, summary, today, seed)
            finally:
                accounts.logout(session)
        finally:
            db.close()
        say(f"各村导入回执包（{len(summary.returns)} 个）……")
        _import_returns(summary)
    summary.village_accounts = account_lines((ADMIN, *MEDIATORS, VIEWER), "")
    return summary
