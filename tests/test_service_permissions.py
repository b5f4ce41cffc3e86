"""Every service write as each role (issue 15): the services themselves refuse what the role may not do
(services/access.py guard inside their transaction), a refused call changes nothing (no row of any
table, no file) and writes no audit row, and a call that succeeds leaves exactly one audit row of the
right kind and case, signed by the account, naming the case history lines it wrote.

The data: a demo data folder (cases in every state, printed and signed agreements, visits), its
accounts made once (管理员, 调解员, 记录人 on one case, 查阅), copied for each test."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pytest

from tests.helpers import elder_input, new_database, person_input, valid_case_input
from xinye_desktop.domain.accounts import AccountRole, NotPermitted, Permission, may
from xinye_desktop.domain.audit import AuditKind
from xinye_desktop.domain.cases import CaseInput
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.prevention import PreventionInput
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import Consent
from xinye_desktop.domain.statistics import Period, PeriodKind
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.storage.actor import NOBODY
from xinye_desktop.storage.database import Database

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
PASSWORDS = {AccountRole.ADMIN: "村委会2026调解", AccountRole.MEDIATOR: "调解员密码2026",
             AccountRole.RECORDER: "记录人密码2026", AccountRole.VIEWER: "司法所查阅2026"}
USERS = {AccountRole.ADMIN: "wangbg", AccountRole.MEDIATOR: "liuzh", AccountRole.RECORDER: "jilu",
         AccountRole.VIEWER: "zhaojm"}
P, K = Permission, AuditKind


def _rows(path: Path, sql: str, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Services:
    """The app's services over one data folder, as app.build_services makes them."""

    def __init__(self, db: Database, paths: DataPaths):
        from xinye_desktop.services.aftercare import AftercareService
        from xinye_desktop.services.agreements import AgreementService
        from xinye_desktop.services.backup import BackupService
        from xinye_desktop.services.canvass import CanvassService
        from xinye_desktop.services.documents import DocumentService
        from xinye_desktop.services.elders import ElderService, PeopleService
        from xinye_desktop.services.intake import IntakeService
        from xinye_desktop.services.ledger import LedgerService
        from xinye_desktop.services.roster import RosterImporter
        from xinye_desktop.services.selection import SelectionService
        from xinye_desktop.services.session import SessionService
        from xinye_desktop.services.settings import SettingsService
        from xinye_desktop.services.statistics import StatisticsService

        self.db, self.paths = db, paths
        self.intake = IntakeService(db)
        self.selection = SelectionService(db)
        self.session = SessionService(db, self.selection)
        self.documents = DocumentService(db, paths, sessions=self.session)
        self.agreements = AgreementService(db, paths, self.selection)
        self.aftercare = AftercareService(db, paths, documents=self.documents)
        self.elders = ElderService(db)
        self.people = PeopleService(db)
        self.canvass = CanvassService(db)
        self.settings = SettingsService(db)
        self.ledger = LedgerService(db)
        self.statistics = StatisticsService(db)
        self.backups = BackupService(paths, db)
        self.roster = RosterImporter(db)


def _targets(s: Services) -> dict:
    """The demo's records each call works on (found, not assumed: the demo is drawn from a seed)."""
    root = s.paths.database
    sitting_id, case_id, version = _rows(root, "SELECT id, case_id, version FROM sittings WHERE finished_at IS NULL "
                                               "ORDER BY id")[0]
    recorder = s.selection.state(case_id).people(Role.RECORDER)[0].name
    on_cases = {c for (c,) in _rows(root, "SELECT cr.case_id FROM case_roles cr JOIN role_people rp ON rp.id = "
                                          "cr.person_id WHERE rp.name = ?", recorder)}
    other = next(c for (c,) in _rows(root, "SELECT id FROM cases WHERE status = 'accepted' ORDER BY id")
                 if c not in on_cases)
    draft_case = _rows(root, "SELECT case_id FROM agreements a WHERE state = 'draft' AND number = "
                             "(SELECT max(number) FROM agreements b WHERE b.case_id = a.case_id) ORDER BY case_id")[0][0]
    printed = _rows(root, "SELECT id, case_id FROM agreements WHERE state = 'printed' ORDER BY id")[0]
    in_effect = _rows(root, "SELECT id FROM cases WHERE effective_on IS NOT NULL AND performance_status = "
                            "'performing' ORDER BY id")[0][0]
    party = s.intake.load(other).parties[0].id
    canvass = s.canvass.list()[0]
    with s.db.transaction() as uow:
        person = next(p.id for p in s.people.people(Role.WITNESS) if uow.people.assigned(other, p.id) is None)
    return {"sitting": sitting_id, "sitting_case": case_id, "sitting_version": version, "recorder": recorder,
            "own": case_id, "other": other, "draft_case": draft_case, "printed": printed[0],
            "printed_case": printed[1], "in_effect": in_effect, "party": party, "canvass": canvass.id,
            "canvass_version": canvass.version, "elder": s.elders.pool()[0][0].id,
            "person": person}


def _ready_case(s: Services) -> int:
    """A case with its 明白人 agreed by both parties and a 主持人: a sitting may start."""
    case = s.intake.register(valid_case_input(tag=40))
    zhang, li = (p.id for p in case.parties)
    elder = s.elders.add(elder_input("王明理"))
    choice = s.selection.propose(case.id, elder.id, zhang).choices[0].id
    s.selection.answer(choice, li, Consent.AGREED)
    host = s.people.add(person_input(Role.HOST, "刘卫东", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    s.selection.assign(case.id, host.id)
    return case.id


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A demo data folder with the four accounts (the data sealed with their key), and its targets."""
    from xinye_desktop.demo import generate

    paths = DataPaths(tmp_path_factory.mktemp("permissions") / "data")
    paths.create()
    db = new_database(paths.database)
    try:
        generate(db, cases=40, seed=11)
        accounts = AccountService(db, cost=CHEAP)
        admin = accounts.create_first_admin(USERS[AccountRole.ADMIN], "王保国", PASSWORDS[AccountRole.ADMIN]).session
        s = Services(db, paths)
        targets = _targets(s)
        names = {AccountRole.MEDIATOR: "刘振华", AccountRole.RECORDER: targets["recorder"],
                 AccountRole.VIEWER: "赵建民"}
        for role, name in names.items():
            made = accounts.add_account(admin, USERS[role], name, role, "临时密码0001")
            session = accounts.login(made.username, "临时密码0001")
            accounts.change_password(session, "临时密码0001", PASSWORDS[role])
        accounts.login(USERS[AccountRole.ADMIN], PASSWORDS[AccountRole.ADMIN])
        targets["ready"] = _ready_case(s)
        targets["village"] = _roster_village(s)
        accounts.logout()
    finally:
        db.close()
    return paths, targets


def _roster_village(s: Services) -> str:
    from xinye_desktop.services.documents import NoActiveElders

    for village in s.elders.villages():
        try:
            s.documents.elder_roster(village)
            return village
        except NoActiveElders:
            continue
    raise AssertionError("the demo has a village with 明白人")


@dataclass
class World:
    paths: DataPaths
    db: Database
    s: Services
    t: dict
    accounts: AccountService
    tmp: Path

    def log_in(self, role: AccountRole):
        return self.accounts.login(USERS[role], PASSWORDS[role])

    def on_case(self, case_id: int | None) -> bool | None:
        if case_id is None:
            return None
        with self.db.transaction() as uow:
            return uow.accounts.is_on_case(self.t["recorder"], case_id)


@pytest.fixture
def world(template, tmp_path):
    source, targets = template
    paths = DataPaths(tmp_path / "data")
    shutil.copytree(source.root, paths.root)
    db = Database(paths.database)
    yield World(paths, db, Services(db, paths), dict(targets), AccountService(db, cost=CHEAP), tmp_path)
    db.close()


# ---------------------------------------------------------------- the calls

@dataclass(frozen=True)
class Call:
    permissions: tuple[Permission, ...]
    kind: AuditKind
    case: Callable[[World], int | None]  # the case the call is about (its audit row names it)
    run: Callable[[World], object]
    exact: bool = True  # False for a restore: the database is replaced by the backup's


def _case(key):
    return lambda w: w.t[key]


def _none(_w):
    return None


def _update_case(w: World):
    case = w.s.intake.load(w.t["other"])
    return w.s.intake.update(case.id, replace(CaseInput.from_case(case), facts=case.facts + "另查明双方曾协商一次。"),
                             expected_version=case.version)


def _save_sitting(w: World):
    sitting = next(s for s in w.s.session.overview(w.t["sitting_case"]).sittings if s.id == w.t["sitting"])
    sitting.data.place = "王庄村三理室（东屋）"
    return w.s.session.save(sitting.id, sitting.data, expected_version=sitting.version)


def _save_draft(w: World):
    form = w.s.agreements.current(w.t["draft_case"]).form
    form.performance_note = "双方同意按期履行。"
    return w.s.agreements.save_draft(w.t["draft_case"], form)


def _roster_file(w: World) -> Path:
    path = w.tmp / "名单.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "性别", "出生年份", "村", "组", "联系电话", "身份", "产生方式", "推选日期", "擅长"])
        writer.writerow(["王德明", "男", "1956", w.t["village"], "3组", "13903771234", "老党员", "推选", "2023-03-01",
                         "邻里、宅基地"])
    return path


def _import_roster(w: World):
    preview = w.s.roster.preview(_roster_file(w), w.t["village"])
    assert preview.good_rows
    return w.s.roster.import_rows(preview)


def _restore(w: World):
    return w.s.backups.restore(w.backup)


def _statistics(w: World):
    stats = w.s.statistics.compute(Period.containing(PeriodKind.YEAR, dt.date.today()))
    return w.s.statistics.export_xlsx(stats, w.tmp / "统计.xlsx", "王庄村人民调解委员会")


CALLS: dict[str, Call] = {
    "intake.register": Call((P.EDIT_CASES,), K.CASE, _none, lambda w: w.s.intake.register(valid_case_input(tag=7))),
    "intake.update": Call((P.EDIT_CASES,), K.CASE, _case("other"), _update_case),
    "intake.reveal": Call((P.UNMASK,), K.UNMASKED, _case("other"),
                          lambda w: w.s.intake.reveal(w.t["other"], w.t["party"], "id_number")),
    "session.set_prevention": Call((P.EDIT_CASES,), K.CASE, _case("other"), lambda w: w.s.session.set_prevention(
        w.t["other"], PreventionInput(criminal=True, criminal_people="2"))),
    "session.start": Call((P.RUN_SITTINGS,), K.SITTING, _case("ready"), lambda w: w.s.session.start(w.t["ready"])),
    "session.save (own case)": Call((P.EDIT_RECORDS,), K.SITTING, _case("sitting_case"), _save_sitting),
    "selection.assign": Call((P.RUN_SITTINGS,), K.SELECTION, _case("other"),
                             lambda w: w.s.selection.assign(w.t["other"], w.t["person"])),
    "agreements.save_draft": Call((P.EDIT_AGREEMENTS,), K.AGREEMENT, _case("draft_case"), _save_draft),
    "agreements.mark_signed": Call((P.EDIT_AGREEMENTS,), K.AGREEMENT, _case("printed_case"),
                                   lambda w: w.s.agreements.mark_signed(w.t["printed"], dt.date.today())),
    "aftercare.add_visit": Call((P.EDIT_AFTERCARE,), K.AFTERCARE, _case("in_effect"), lambda w: w.s.aftercare.add_visit(
        w.t["in_effect"], (dt.date.today() + dt.timedelta(days=10)).isoformat())),
    "aftercare.set_interval_days": Call((P.EDIT_SETTINGS,), K.SETTINGS, _none,
                                        lambda w: w.s.aftercare.set_interval_days("20")),
    "elders.add": Call((P.EDIT_ELDERS,), K.PEOPLE, _none, lambda w: w.s.elders.add(elder_input("孙德厚"))),
    "elders.retire": Call((P.EDIT_ELDERS,), K.PEOPLE, _none, lambda w: w.s.elders.retire(w.t["elder"], "迁居外地")),
    "elders.reveal_phone": Call((P.UNMASK,), K.UNMASKED, _none, lambda w: w.s.elders.reveal_phone(w.t["elder"])),
    "people.add": Call((P.EDIT_ELDERS,), K.PEOPLE, _none,
                       lambda w: w.s.people.add(person_input(Role.WITNESS, "钱守义", unit="王庄镇司法所"))),
    "roster.import_rows": Call((P.EDIT_ELDERS,), K.PEOPLE, _none, _import_roster),
    "canvass.add": Call((P.EDIT_CASES,), K.CANVASS, _none, lambda w: w.s.canvass.add(CanvassInput(
        held_on=dt.date.today().isoformat(), village_name=w.t["village"], done_by="调委会主任王保国", found="1",
        prevented="1", note="入户走访"))),
    "settings.save": Call((P.EDIT_SETTINGS,), K.SETTINGS, _none, lambda w: w.s.settings.save(
        replace(w.s.settings.load(), committee_name="新野县王庄镇王庄村人民调解委员会（新）"))),
    "documents.registration_form (own case)": Call((P.PRINT,), K.PRINT, _case("sitting_case"),
                                                   lambda w: w.s.documents.registration_form(w.t["sitting_case"])),
    "documents.registration_form (other case)": Call((P.PRINT,), K.PRINT, _case("other"),
                                                     lambda w: w.s.documents.registration_form(w.t["other"])),
    "documents.elder_roster": Call((P.PRINT,), K.PRINT, _none, lambda w: w.s.documents.elder_roster(w.t["village"])),
    "ledger.export_xlsx": Call((P.EXPORT,), K.EXPORT, _none, lambda w: w.s.ledger.export_xlsx(
        __import__("xinye_desktop.storage.ledger_queries", fromlist=["LedgerFilter"]).LedgerFilter(),
        "received_date", True, w.tmp / "台账.xlsx")),
    "statistics.export_xlsx": Call((P.EXPORT,), K.EXPORT, _none, _statistics),
    "backups.create": Call((P.BACKUP,), K.BACKUP, _none, lambda w: w.s.backups.create()),
    "backups.export": Call((P.BACKUP,), K.BACKUP, _none, lambda w: w.s.backups.export(w.tmp / "备份.zip")),
    "backups.restore": Call((P.RESTORE,), K.RESTORE, _none, _restore, exact=False),
}


def _expected(world: World, role: AccountRole, call: Call) -> bool:
    case_id = call.case(world)
    return all(may(role, p, on_own_case=world.on_case(case_id) if role is AccountRole.RECORDER else None)
               for p in call.permissions)


def _last_audit(path: Path):
    return _rows(path, "SELECT id, kind, case_id, actor, account_id, summary FROM audit_log ORDER BY id DESC LIMIT 1")[0]


@pytest.mark.parametrize("role", list(AccountRole), ids=lambda r: r.value)
@pytest.mark.parametrize("name", list(CALLS))
def test_each_write_as_each_role_is_refused_or_audited_once(world, name, role):
    import json

    call = CALLS[name]
    if name == "backups.restore":
        world.log_in(AccountRole.ADMIN)
        world.backup = world.s.backups.create().backup
    session = world.log_in(role)
    case_id = call.case(world)
    allowed = _expected(world, role, call)
    before, documents = dump(world.paths.database), files(world.paths.documents)
    last_history = max((i for (i,) in _rows(world.paths.database, "SELECT id FROM case_history")), default=0)
    if not allowed:
        with pytest.raises(NotPermitted):
            call.run(world)
        assert dump(world.paths.database) == before, "a refused call writes nothing, no audit row either"
        assert files(world.paths.documents) == documents, "and makes no file"
        return
    call.run(world)
    rows_before = len(before["audit_log"])
    row_id, kind, row_case, actor, account_id, summary = _last_audit(world.paths.database)
    assert (kind, actor, account_id) == (call.kind.value, session.display_name, session.account_id)
    if not call.exact:
        return
    assert len(dump(world.paths.database)["audit_log"]) == rows_before + 1, "exactly one audit row"
    new_history = _rows(world.paths.database, "SELECT case_id, action FROM case_history WHERE id > ? ORDER BY id",
                        last_history)
    written_case = case_id if case_id is not None else (new_history[0][0] if new_history else None)
    assert row_case == written_case
    assert json.loads(summary).get("history", []) == [action for _case, action in new_history], \
        "the row names every history line the call wrote"


def test_the_calls_cover_every_permission_a_write_needs():
    needed = {p for call in CALLS.values() for p in call.permissions}
    assert needed == set(Permission) - {P.VIEW_CASES, P.MANAGE_ACCOUNTS, P.VIEW_AUDIT}


def test_nobody_logged_in_is_refused_every_write_and_nothing_changes(world):
    world.db.use_actor_source(NOBODY)
    before = dump(world.paths.database)
    for name, call in CALLS.items():
        if name == "backups.restore":
            continue
        with pytest.raises(Refused, match="登录"):  # 请先登录, or 需要登录 for a read of sealed data on the way
            call.run(world)
    assert dump(world.paths.database) == before


def test_a_disabled_account_is_refused_at_once_though_its_session_is_open(world):
    admin = world.log_in(AccountRole.ADMIN)
    mediator = world.log_in(AccountRole.MEDIATOR)
    world.accounts.set_disabled(admin, mediator.account_id, True)  # the mediator's actor stays installed
    from xinye_desktop.storage.actor import AccountActor

    world.db.use_actor_source(AccountActor(mediator.account_id, mediator.display_name, "mediator"))
    before = dump(world.paths.database)
    with pytest.raises(Refused, match="这个账号已停用"):
        world.s.intake.register(valid_case_input(tag=8))
    assert dump(world.paths.database) == before


def test_reveal_gives_the_full_number_and_the_row_holds_neither_it_nor_the_phone(world):
    session = world.log_in(AccountRole.MEDIATOR)
    party = next(p for p in world.s.intake.load(world.t["other"]).parties if p.id == world.t["party"])
    assert world.s.intake.reveal(world.t["other"], party.id, "id_number") == party.id_number
    assert world.s.intake.reveal(world.t["other"], party.id, "phone") == party.phone
    rows = _rows(world.paths.database, "SELECT kind, case_id, account_id, summary FROM audit_log ORDER BY id DESC "
                                       "LIMIT 2")
    assert [(k, c, a) for k, c, a, _s in rows] == [("unmasked", world.t["other"], session.account_id)] * 2
    assert all(party.id_number not in s and (not party.phone or party.phone not in s) for *_x, s in rows)
    with pytest.raises(ValueError):
        world.s.intake.reveal(world.t["other"], party.id, "address")


def test_a_recorder_saves_the_record_of_their_own_sitting_but_prints_nothing_of_another_case(world):
    world.log_in(AccountRole.RECORDER)
    assert world.on_case(world.t["sitting_case"]) and not world.on_case(world.t["other"])
    _save_sitting(world)
    world.s.documents.registration_form(world.t["sitting_case"])
    with pytest.raises(NotPermitted):
        world.s.documents.registration_form(world.t["other"])
    with pytest.raises(NotPermitted):
        world.s.session.start(world.t["ready"])
