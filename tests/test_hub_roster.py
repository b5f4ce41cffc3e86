"""The hub's roster of role people (issue 16 item 4, "roster updates"; services/hub/roster.py, migration 0017):
the service's checks and audit, the name and phone sealed at the hub, the hub-roster command, and the round
trip in the return package (services/hub/returns.py → services/exchange/returns_import.py): the village's
role_people get the committee's and the every-village people, a retired one retired, a re-import changes
nothing, an older version is not taken, a lost drive shows no name or phone, a malformed line refuses the
package whole. The hub on SQLite, and on PostgreSQL where tests/postgres.py's cluster starts."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import committee_copy
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.hub import HubMode
from xinye_desktop.domain.roles import HostKind, PersonInput, Role
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.elders import PeopleService
from xinye_desktop.services.exchange import ExchangeService, PackageRefused, new_hub_keys
from xinye_desktop.services.exchange import crypto
from xinye_desktop.services.exchange.format import ROSTER, ROSTER_VERSIONS_SETTING, dumps
from xinye_desktop.services.exchange.returns_import import IMPORTED, UNCHANGED, ReturnImporter, read_return
from xinye_desktop.services.hub import HubImporter, HubSetup
from xinye_desktop.services.hub.returns import HubReturns
from xinye_desktop.services.hub.roster import HubRoster
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase
from xinye_desktop.storage.sealing import SIGNING_PRIVATE_SETTING

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
WANG = "新野县王庄镇王庄村人民调解委员会"
LI = "新野县王庄镇李庄村人民调解委员会"
POLICE = PersonInput(role=Role.HOST, host_kind=HostKind.LINK_POLICE, name="张建军", unit="王庄镇派出所", post="民警",
                     phone="13803771234")
LAND = PersonInput(role=Role.WITNESS, name="欧阳秀兰", unit="王庄镇自然资源所", post="所长", phone="13903775678")
FARM = PersonInput(role=Role.WITNESS, name="郭德胜", unit="王庄镇农业服务中心", post="副主任", phone="13703779012")
CIVIL = PersonInput(role=Role.WITNESS, name="司马卫东", unit="王庄镇民政所", phone="13603773456")


@dataclass
class Village:
    root: Path
    committee_id: str
    package: Path


@pytest.fixture(scope="module")
def hub_keys():
    return new_hub_keys()


@pytest.fixture(scope="module")
def villages(demo_template, tmp_path_factory, hub_keys) -> dict[str, Village]:
    base = tmp_path_factory.mktemp("roster-villages")
    made = {}
    for key, name in (("wang", WANG), ("li", LI)):
        root = base / key / "data"
        committee_id = committee_copy(demo_template(20, 7).root, root, name)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
        written = ExchangeService(db, root).write_package(base / key, hub_public_key=hub_keys[0], period="2026-03")
        db.close()
        made[key] = Village(root, committee_id, written.path)
    return made


@pytest.fixture
def village_copy(villages, tmp_path):
    opened = []

    def copy(key: str = "wang"):
        root = tmp_path / f"village-{key}-{len(opened)}"
        shutil.copytree(villages[key].root, root)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
        opened.append(db)
        return db, root

    yield copy
    for db in opened:
        db.close()


@dataclass
class Hub:
    db: Database
    root: Path
    roster: HubRoster
    returns: HubReturns
    engine: str


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request, tmp_path, hub_keys, villages) -> Hub:
    """A 司法所 of 王庄镇, both villages' first packages imported."""
    root = tmp_path / "hub"
    DataPaths(root).create()
    db = (Database(root / "xinye.sqlite3") if request.param == "sqlite"
          else HubDatabase(request.getfixturevalue("postgres_url")))
    db.ensure_schema()
    HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇", keys=hub_keys)
    HubImporter(db, root).import_packages([villages["wang"].package, villages["li"].package])
    yield Hub(db, root, HubRoster(db), HubReturns(db), request.param)
    db.close()


def _usb(tmp_path: Path, name: str = "usb") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def _audit(db: Database, what: str) -> list[dict]:
    with db.engine.connect() as conn:
        rows = [json.loads(r[0]) for r in conn.execute(text("SELECT summary FROM audit_log ORDER BY id"))]
    return [r for r in rows if r.get("what") == what]


def _role_people(db: Database) -> dict[str, dict]:
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT uuid, role, name, name_initials, unit, post, host_kind, phone, retired, "
                                 "row_version FROM role_people")).mappings().all()
    return {r["uuid"]: dict(r) for r in rows}


def _village_state(db: Database) -> dict:
    with db.engine.connect() as conn:
        return {table: sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
                for table in ("settings", "role_people", "return_decisions", "audit_log")}


# -- the service ---------------------------------------------------------------------------------------------------

def test_the_roster_checks_each_field_audits_each_write_and_counts_versions(hub, villages):
    roster = hub.roster
    police = roster.add(POLICE)
    assert (police.role, police.host_kind, police.committee_id, police.version, police.retired) == (
        Role.HOST, HostKind.LINK_POLICE, None, 1, False)
    assert police.masked_phone == "138****1234" and police.description == "王庄镇派出所 民警（联村干警）"
    land = roster.add(LAND, "王庄村")
    assert land.committee_id == villages["wang"].committee_id and land.committee == WANG

    with pytest.raises(ValidationFailed) as failed:
        roster.add(PersonInput(role=Role.WITNESS, name="", unit="", phone="12345"))
    assert {e.field for e in failed.value.errors} == {"name", "unit", "phone"}
    assert "职能部门" in {e.field: e.text() for e in failed.value.errors}["unit"]
    with pytest.raises(ValidationFailed) as failed:
        roster.add(PersonInput(role=Role.RECORDER, name="王五", unit="王庄村"))
    assert [e.field for e in failed.value.errors] == ["role"] and "记录人" in failed.value.errors[0].text()
    with pytest.raises(ValidationFailed) as failed:
        roster.add(PersonInput(role=Role.HOST, name="王五", unit="王庄镇政府"))
    assert [e.field for e in failed.value.errors] == ["host_kind"]
    with pytest.raises(ValidationFailed) as failed:
        roster.add(FARM, "赵庄村")
    assert [e.field for e in failed.value.errors] == ["committee"]
    with pytest.raises(ValidationFailed) as failed:  # already there for every village
        roster.add(POLICE, "李庄村")
    assert [e.field for e in failed.value.errors] == ["name"] and "张建军" in failed.value.errors[0].text()

    edited = roster.edit(police.id, PersonInput(**{**POLICE.__dict__, "post": "副所长"}))
    assert (edited.post, edited.version, edited.uuid) == ("副所长", 2, police.uuid)
    assert roster.edit(police.id, PersonInput(**{**POLICE.__dict__, "post": "副所长"})).version == 2  # no change
    retired = roster.retire(land.id)
    assert retired.retired and retired.version == 2
    with pytest.raises(Refused, match="已经停用"):
        roster.retire(land.id)
    with pytest.raises(Refused, match="已经停用"):
        roster.edit(land.id, LAND)
    with pytest.raises(Refused, match="编号为 999"):
        roster.retire(999)
    assert roster.add(LAND, "王庄村").version == 1  # retired: the same person may be added again

    listed = roster.people()
    assert [p.name for p in listed] == ["张建军", "欧阳秀兰", "欧阳秀兰"] and listed[-1].retired
    assert [p.name for p in roster.people(include_retired=False, committee="李庄村")] == ["张建军"]
    assert [len(_audit(hub.db, what)) for what in ("hub_roster_add", "hub_roster_edit", "hub_roster_retire")] == [3, 1, 1]
    assert all("张建军" not in json.dumps(e, ensure_ascii=False) for e in _audit(hub.db, "hub_roster_add"))


def test_a_township_s_people_go_to_that_township_s_villages_only(hub, villages, tmp_path):
    roster = hub.roster
    farm = roster.add(FARM, township="王庄镇")
    assert (farm.committee_id, farm.township) == (None, "王庄镇")
    for call, field in ((lambda: roster.add(CIVIL, township="沙堰镇"), "township"),
                        (lambda: roster.add(CIVIL, "王庄村", township="王庄镇"), "committee"),
                        (lambda: roster.add(FARM, "李庄村"), "name"),  # 李庄村 is in 王庄镇: it would get him twice
                        (lambda: roster.add(FARM), "name")):
        with pytest.raises(ValidationFailed) as failed:
            call()
        assert [e.field for e in failed.value.errors] == [field]
    with pytest.raises(ValidationFailed, match="还没有收到过沙堰镇的调委会"):
        roster.add(CIVIL, township="沙堰镇")
    assert [p.uuid for p in roster.people(committee="李庄村")] == [farm.uuid]
    with hub.db.transaction() as uow:  # 李庄村 of another township now: 王庄镇's people are not its own
        uow.session.execute(text("UPDATE hub_committees SET township = '沙堰镇' WHERE id = :c"),
                            {"c": villages["li"].committee_id})
    assert roster.people(committee="李庄村") == []
    written = {w.committee_id: w for w in hub.returns.write_returns(_usb(tmp_path))}
    assert written[villages["wang"].committee_id].roster == 1 and written[villages["li"].committee_id].roster == 0
    assert roster.add(FARM, "李庄村").committee_id == villages["li"].committee_id  # no village gets him twice now


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_names_and_phones_are_sealed_at_the_hub_once_it_has_accounts(tmp_path, hub_keys, engine, request):
    root = tmp_path / "hub"
    DataPaths(root).create()
    db = (Database(root / "xinye.sqlite3") if engine == "sqlite"
          else HubDatabase(request.getfixturevalue("postgres_url")))
    db.ensure_schema()
    HubSetup(db).set_up(HubMode.TOWNSHIP, "王庄镇", keys=hub_keys)
    roster = HubRoster(db)
    roster.add(POLICE)  # a folder without accounts keeps everything clear
    accounts = AccountService(db, cost=CHEAP)
    accounts.create_first_admin("zhangsf", "张司法", "司法所2026审核")  # the first data key seals what is on file
    roster.add(LAND)
    with db.engine.connect() as conn:
        stored = conn.execute(text("SELECT name, phone FROM hub_roster ORDER BY id")).all()
    assert all(v.startswith("xs1:") for row in stored for v in row)
    if engine == "sqlite":
        data = (root / "xinye.sqlite3").read_bytes()
        for secret in ("张建军", "13803771234", "欧阳秀兰", "13903775678"):
            assert secret.encode() not in data
    assert [p.name for p in roster.people()] == ["张建军", "欧阳秀兰"]
    accounts.logout(accounts.current)
    with pytest.raises(Refused):  # nobody logged in: nothing read
        roster.people()
    db.close()


# -- the round trip --------------------------------------------------------------------------------------------------

def _people_of(db: Database) -> dict[str, object]:
    return {p.uuid: p for p in PeopleService(db).people(include_retired=True)}


def test_the_return_brings_the_committee_s_roster_into_the_village_s_role_lists(hub, villages, village_copy,
                                                                                tmp_path):
    roster = hub.roster
    police = roster.add(POLICE)
    land = roster.add(LAND, "王庄村")
    farm = roster.add(FARM, "王庄村")
    civil = roster.add(CIVIL, "李庄村")
    roster.edit(police.id, PersonInput(**{**POLICE.__dict__, "phone": "13803770000"}))
    roster.retire(farm.id)
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    assert (one.roster, one.roster_withheld) == (3, 0)
    # A lost drive: no name nor phone in clear, in the file or unpacked; the readable fields are there.
    raw = one.path.read_bytes()
    with zipfile.ZipFile(one.path) as zf:
        unpacked = b"".join(zf.read(n) for n in zf.namelist())
        lines = [json.loads(line) for line in zf.read(ROSTER).splitlines()]
    for secret in ("张建军", "13803770000", "13803771234", "欧阳秀兰", "13903775678", "郭德胜", "司马卫东"):
        assert secret.encode() not in raw and secret.encode() not in unpacked
    assert {(line["unit"], line["version"], line["retired"]) for line in lines} == {
        ("王庄镇派出所", 2, False), ("王庄镇自然资源所", 1, False), ("王庄镇农业服务中心", 2, True)}
    assert read_return(one.path).manifest["counts"]["roster"] == 3

    db, root = village_copy("wang")
    before = _people_of(db)
    importer = ReturnImporter(db, root)
    done = importer.import_return(one.path)
    assert done.status == IMPORTED
    assert done.roster == {"new": 2, "updated": 0, "retired": 0, "unchanged": 1}  # the retired one never came
    assert any("人员名单" in line and "新增 2 人" in line for line in done.lines())
    people = _people_of(db)
    assert set(people) - set(before) == {police.uuid, land.uuid}
    got = people[police.uuid]
    assert (got.role, got.host_kind, got.name, got.unit, got.post, got.phone, got.retired) == (
        Role.HOST, HostKind.LINK_POLICE, "张建军", "王庄镇派出所", "民警", "13803770000", False)
    assert got.name_initials == "zjj"
    assert civil.uuid not in people and farm.uuid not in people
    assert "13803770000".encode() not in (root / "xinye.sqlite3").read_bytes()  # the phone sealed with the data key
    assert json.loads(db.read_settings()[ROSTER_VERSIONS_SETTING]) == {police.uuid: 2, land.uuid: 1, farm.uuid: 2}
    # The village's own search finds them as its own (name initials).
    assert [p.uuid for p in PeopleService(db).people(Role.WITNESS, text="oyxl")] == [land.uuid]

    # The same return again: nothing changes.
    state = _village_state(db)
    assert importer.import_return(one.path).status == UNCHANGED
    assert _village_state(db) == state

    # The hub edits one and retires one: the next return updates and retires them; the third is unchanged.
    roster.edit(land.id, PersonInput(**{**LAND.__dict__, "post": "副所长"}))
    roster.retire(police.id)
    [two] = hub.returns.write_returns(_usb(tmp_path, "two"), "王庄村")
    done = importer.import_return(two.path)
    assert done.roster == {"new": 0, "updated": 1, "retired": 1, "unchanged": 1}
    people = _people_of(db)
    assert people[land.uuid].post == "副所长" and not people[land.uuid].retired
    assert people[police.uuid].retired and people[police.uuid].name == "张建军"  # retired, kept
    assert "停用 1 人" in " ".join(done.lines())


def test_an_older_version_than_the_one_taken_is_not_taken(hub, villages, village_copy, tmp_path):
    land = hub.roster.add(LAND, "王庄村")
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    db, root = village_copy("wang")
    with db.transaction() as uow:  # as if a later return had brought its version 5 already
        uow.settings.set(ROSTER_VERSIONS_SETTING, dumps({land.uuid: 5}).decode())
    done = ReturnImporter(db, root).import_return(one.path)
    assert done.roster == {"new": 0, "updated": 0, "retired": 0, "unchanged": 1}
    assert land.uuid not in _people_of(db)
    assert json.loads(db.read_settings()[ROSTER_VERSIONS_SETTING]) == {land.uuid: 5}


def test_a_village_edit_is_kept_until_the_hub_changes_the_person(hub, villages, village_copy, tmp_path):
    police = hub.roster.add(POLICE)
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    importer.import_return(one.path)
    people = PeopleService(db)
    local = _people_of(db)[police.uuid]
    people.update(local.id, PersonInput(**{**POLICE.__dict__, "post": "所长"}))
    [two] = hub.returns.write_returns(_usb(tmp_path, "two"), "王庄村")  # the police officer unchanged at the hub
    assert importer.import_return(two.path).roster["unchanged"] == 1
    assert _people_of(db)[police.uuid].post == "所长"


def test_a_person_the_village_typed_itself_is_said_to_be_a_likely_twin_and_never_merged(hub, villages, village_copy,
                                                                                         tmp_path):
    """The village had typed its 联村干警 itself before the 司法所 kept a roster: after the return both rows are
    there, the village's own is said to be a likely twin (same role, same name), and nothing of it changes
    until a person retires it."""
    db, root = village_copy("wang")
    people = PeopleService(db)
    own = people.add(PersonInput(**{**POLICE.__dict__, "unit": "王庄派出所", "phone": ""}))
    namesake = people.add(PersonInput(role=Role.WITNESS, name="张建军", unit="王庄镇水利站"))  # another role
    assert people.from_hub() == (frozenset(), {})
    police = hub.roster.add(POLICE)
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    done = ReturnImporter(db, root).import_return(one.path)
    assert done.roster == {"new": 1, "updated": 0, "retired": 0, "unchanged": 0, "twins": 1}
    assert any("1 人与司法所名单中的人同名" in line for line in done.lines())
    uuids, twins = people.from_hub()
    assert uuids == {police.uuid} and set(twins) == {own.id} and twins[own.id].uuid == police.uuid
    held = _people_of(db)
    assert (held[own.uuid].unit, held[own.uuid].retired) == ("王庄派出所", False)  # the village's row as it was
    assert not held[namesake.uuid].retired and held[police.uuid].unit == "王庄镇派出所"
    people.set_retired(own.id, True)  # the clerk checked: the same person
    assert people.from_hub() == ({police.uuid}, {})


def test_a_committee_whose_packages_name_no_key_gets_no_roster(hub, villages, village_copy, tmp_path):
    hub.roster.add(POLICE)
    hub.roster.add(LAND, "王庄村")
    with hub.db.transaction() as uow:
        uow.session.execute(text("UPDATE hub_committees SET return_key = NULL WHERE id = :c"),
                            {"c": villages["wang"].committee_id})
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    assert (one.roster, one.roster_withheld) == (0, 2)
    with zipfile.ZipFile(one.path) as zf:
        assert ROSTER not in zf.namelist()
    assert read_return(one.path).manifest["counts"]["roster_withheld"] == 2
    db, root = village_copy("wang")
    before = _people_of(db)
    assert ReturnImporter(db, root).import_return(one.path).roster == {"new": 0, "updated": 0, "retired": 0,
                                                                        "unchanged": 0}
    assert _people_of(db).keys() == before.keys()


def test_a_village_on_an_older_app_gets_its_roster_once_it_sends_from_this_one(hub, villages, village_copy,
                                                                               tmp_path, monkeypatch):
    """A village app before 0.9.0 refuses a member it does not know, and the return with it (the installer that
    would upgrade it too): the people wait until a package from the new version shows the village reads them."""
    from xinye_desktop.services.exchange import writer
    from xinye_desktop.services.hub.returns import reads_roster

    assert reads_roster("0.9.0") and reads_roster("1.0") and not reads_roster("0.8.0")
    assert not reads_roster(None) and not reads_roster("") and not reads_roster("dev")
    hub.roster.add(POLICE)
    db, root = village_copy("wang")
    monkeypatch.setattr(writer, "__version__", "0.8.0")
    old = ExchangeService(db, root).write_package(_usb(tmp_path, "old"), period="2026-04")
    assert HubImporter(hub.db, hub.root).import_packages([old.path])[0].status == IMPORTED
    [waiting] = hub.returns.write_returns(_usb(tmp_path, "back-old"), "王庄村")
    assert (waiting.roster, waiting.roster_waiting) == (0, 1)
    with zipfile.ZipFile(waiting.path) as zf:
        assert ROSTER not in zf.namelist()  # so the old app reads the return (and its installer)
    monkeypatch.undo()
    new = ExchangeService(db, root).write_package(_usb(tmp_path, "new"), period="2026-05")
    assert HubImporter(hub.db, hub.root).import_packages([new.path])[0].status == IMPORTED
    [sent] = hub.returns.write_returns(_usb(tmp_path, "back-new"), "王庄村")
    assert (sent.roster, sent.roster_waiting) == (1, 0)
    assert ReturnImporter(db, root).import_return(sent.path).roster["new"] == 1


def _resigned(hub: Hub, source: Path, target: Path, change) -> Path:
    """The return at ``source`` with ``change(lines) -> lines`` applied to its roster, the manifest's hashes
    made to match and signed again with the hub's own key: a package as a buggy or hostile hub could write."""
    signing = crypto.unb64(hub.db.read_settings()[SIGNING_PRIVATE_SETTING])
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(signing)
    with zipfile.ZipFile(source) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    lines = [json.loads(line) for line in members[ROSTER].splitlines()]
    members[ROSTER] = b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in change(lines))
    manifest = json.loads(members["manifest.json"])
    manifest["members"][ROSTER] = {"size": len(members[ROSTER]),
                                   "sha256": hashlib.sha256(members[ROSTER]).hexdigest()}
    body = dumps(manifest)
    members["manifest.json"] = body
    members["manifest.sig"] = crypto.sign(key, body, crypto.RETURN_SIGNED_LABEL)
    with zipfile.ZipFile(target, "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    return target


@pytest.mark.parametrize("hub", ["sqlite"], indirect=True)  # the hub's engine does not matter here
@pytest.mark.parametrize("change, reason", [
    (lambda lines: [{**lines[0], "version": "2"}], "bad_format"),
    (lambda lines: [{**lines[0], "role": "chairman"}], "bad_format"),
    (lambda lines: [{**lines[0], "host_kind": "sheriff"}], "bad_format"),
    (lambda lines: [{**lines[0], "retired": "no"}], "bad_format"),
    (lambda lines: [{k: v for k, v in lines[0].items() if k != "personal"}], "bad_format"),
    (lambda lines: ["not a person"], "bad_format"),
    (lambda lines: [{**lines[0], "unit": ""}], "bad_format"),  # a witness without a department: the village's check
    (lambda lines: [{**lines[0], "personal": lines[0]["personal"][:-4] + "AAAA"}], "tampered"),
    (lambda lines: lines + lines, "tampered"),  # more lines than the manifest counts
], ids=["version", "role", "host_kind", "retired", "personal", "not_an_object", "unit", "sealed", "count"])
def test_a_malformed_roster_line_refuses_the_whole_return(hub, villages, village_copy, tmp_path, change, reason):
    hub.roster.add(LAND, "王庄村")
    [good] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    bad = _resigned(hub, good.path, tmp_path / "bad.xdr", change)
    db, root = village_copy("wang")
    state = _village_state(db)
    with pytest.raises(PackageRefused) as refused:
        ReturnImporter(db, root).import_return(bad)
    assert refused.value.reason == reason and "什么都没有导入" in refused.value.text()
    assert _village_state(db) == state
    assert ReturnImporter(db, root).import_return(good.path).status == IMPORTED


def test_a_tampered_roster_member_is_refused(hub, villages, village_copy, tmp_path):
    hub.roster.add(LAND, "王庄村")
    [good] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    target = tmp_path / "edited.xdr"
    with zipfile.ZipFile(good.path) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, data.replace(b'"retired":false', b'"retired":true')
                          if info.filename == ROSTER else data)
    db, root = village_copy("wang")
    state = _village_state(db)
    with pytest.raises(PackageRefused) as refused:
        ReturnImporter(db, root).import_return(target)
    assert refused.value.reason == "tampered" and _village_state(db) == state


# -- the command line ---------------------------------------------------------------------------------------------------

def test_the_hub_roster_command(tmp_path, capsys):
    from xinye_desktop.__main__ import main

    root = tmp_path / "hub"
    root.mkdir()
    folder = ["--data-dir", str(root)]
    assert main(["hub-setup", "--mode", "司法所", "--area", "王庄镇", *folder]) == 0
    capsys.readouterr()
    assert main(["hub-roster", *folder]) == 0
    assert "还是空的" in capsys.readouterr().out
    assert main(["hub-roster", "--add", "--role", "联村干警", "--name", "张建军", "--unit", "王庄镇派出所",
                 "--post", "民警", "--phone", "13803771234", *folder]) == 0
    assert "已加入人员名单" in capsys.readouterr().out
    assert main(["hub-roster", "--add", "--role", "见证人", "--name", "", "--phone", "12", *folder]) == 2
    said = capsys.readouterr().err
    assert "姓名（--name）" in said and "电话（--phone）" in said and "什么都没有改动" in said
    assert main(["hub-roster", "--add", "--role", "警察", "--name", "王五", *folder]) == 2
    assert "不是人员名单的角色" in capsys.readouterr().err
    assert main(["hub-roster", "--add", "--role", "见证人", "--name", "李四", "--unit", "民政所", "--village", "赵庄村",
                 *folder]) == 2
    assert "村（--village）" in capsys.readouterr().err
    assert main(["hub-roster", "--add", "--role", "见证人", "--name", "李四", "--unit", "民政所", "--township", "沙堰镇",
                 *folder]) == 2
    assert "乡镇（--township）" in capsys.readouterr().err
    assert main(["hub-roster", *folder]) == 0
    out = capsys.readouterr().out
    assert "张建军" in out and "138****1234" in out and "13803771234" not in out and "第 1 版" in out
    assert main(["hub-roster", "--retire", "1", *folder]) == 0
    assert "已停用" in capsys.readouterr().out
    assert main(["hub-roster", "--retire", "1", *folder]) == 2
    assert "已经停用" in capsys.readouterr().err
    assert main(["hub-roster", *folder]) == 0
    assert "第 2 版　已停用" in capsys.readouterr().out
    village = tmp_path / "village"
    village.mkdir()
    Database(village / "xinye.sqlite3").ensure_schema()
    assert main(["hub-roster", "--data-dir", str(village)]) == 2
    assert "还没有设为司法所" in capsys.readouterr().err
