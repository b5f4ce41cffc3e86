"""The hub's import of village packages (issue 16 items 2, 3 and 6; services/hub/): set-up, trust on first
use of a committee's key, one transaction per package, idempotence, newer-or-older by row version, the
hub's reviews never merged with a village's change, case numbers kept per committee, refusals, and a hub
killed mid-import. On SQLite, and on PostgreSQL where tests/postgres.py's cluster starts.

The villages are copies of the session's demo folder, each made a committee of its own (a new committee id
and name; its administrator set up, so its data is sealed and it has its own signing key). They keep the
demo's row uuids and case numbers: three PCs cloned from one, numbering their cases with the county's one
prefix, which is what the hub must keep apart."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import select
import shutil
import signal
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import committee_copy
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.hub import FlagKind, HubMode, ReviewDecision, ReviewGrade
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.aftercare import AftercareService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.elders import ElderService
from xinye_desktop.services.exchange import ExchangeService, new_hub_keys, read_package
from xinye_desktop.services.hub import (
    IMPORTED, REFUSED, UNCHANGED, HubHoldings, HubImporter, HubReviews, HubSetup,
)
from xinye_desktop.services.hub.setup import HUB_PRIVATE_SETTING
from xinye_desktop.services.hub.messages import FLAG_CHANGED_AFTER_REVIEW, flag_text
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase
from xinye_desktop.storage.hub_records import HUB_TABLES
from xinye_desktop.storage.records import TRAVELLING_TABLES
from xinye_desktop.storage.sealing import SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
WANG = "新野县王庄镇王庄村人民调解委员会"
LI = "新野县王庄镇李庄村人民调解委员会"
SHANG = "新野县上庄乡上庄村人民调解委员会"


@dataclass
class Village:
    root: Path
    name: str
    committee_id: str
    package: Path  # its first, full package (2026-03), encrypted to the test hub's key
    counts: dict[str, int]  # rows per travelling table

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _counts(root: Path) -> dict[str, int]:
    conn = sqlite3.connect(root / "xinye.sqlite3")
    try:
        found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TRAVELLING_TABLES}
    finally:
        conn.close()
    return {t: n for t, n in found.items() if n}


@pytest.fixture(scope="module")
def hub_keys():
    return new_hub_keys()


@pytest.fixture(scope="module")
def demo_secrets(demo_template):
    """The demo's ID numbers, phones and party names, read clear from the (unsealed) template."""
    conn = sqlite3.connect(demo_template().database)
    try:
        return {"id_numbers": {r[0] for r in conn.execute("SELECT id_number FROM parties WHERE id_number != ''")},
                "phones": {r[0] for r in conn.execute("SELECT phone FROM parties WHERE phone != '' UNION "
                                                      "SELECT phone FROM elders WHERE phone != ''")},
                "names": {r[0] for r in conn.execute("SELECT name FROM parties WHERE kind = 'individual'")}}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def villages(demo_template, tmp_path_factory, hub_keys) -> dict[str, Village]:
    base = tmp_path_factory.mktemp("villages")
    made = {}
    for key, name in (("wang", WANG), ("li", LI), ("shang", SHANG)):
        root = base / key / "data"
        committee_id = committee_copy(demo_template().root, root, name)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
        written = ExchangeService(db, root).write_package(base / key, hub_public_key=hub_keys[0], period="2026-03")
        db.close()
        made[key] = Village(root, name, committee_id, written.path, _counts(root))
    return made


@pytest.fixture
def village_copy(villages, tmp_path):
    """``copy(key)``: a village's folder copied for this test to change, its administrator logged in:
    (db, ExchangeService, root). The same committee (id and key) later in time."""
    opened = []

    def copy(key: str):
        root = tmp_path / f"village-{key}-{len(opened)}"
        shutil.copytree(villages[key].root, root)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
        opened.append(db)
        return db, ExchangeService(db, root), root

    yield copy
    for db in opened:
        db.close()


@dataclass
class Hub:
    db: Database
    root: Path
    importer: HubImporter
    holdings: HubHoldings
    engine: str


def _open_hub(kind: str, root: Path, request) -> Database:
    DataPaths(root).create()
    db = Database(root / "xinye.sqlite3") if kind == "sqlite" else HubDatabase(request.getfixturevalue("postgres_url"))
    db.ensure_schema()
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request, tmp_path, hub_keys) -> Hub:
    """A 司法所 of 王庄镇 with the test hub's key pair, on each engine."""
    root = tmp_path / "hub"
    db = _open_hub(request.param, root, request)
    HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇", keys=hub_keys)
    yield Hub(db, root, HubImporter(db, root), HubHoldings(db, root), request.param)
    db.close()


def _snapshot(db: Database) -> dict[str, list]:
    """Every row of the hub's tables, the settings and the audit trail: what "nothing changed" compares."""
    with db.engine.connect() as conn:
        return {table: sorted((tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
                for table in HUB_TABLES + ("settings", "audit_log")}


def _uuid(db: Database, table: str, row_id: int) -> str:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()[0]
    finally:
        conn.close()


def _one(hub: Hub, path: Path):
    [summary] = hub.importer.import_packages([path])
    return summary


# -- set-up ------------------------------------------------------------------------------------------------------

def test_a_hub_is_set_up_once_with_its_key_pair_and_writes_the_key_file_villages_encrypt_to(
        tmp_path, village_copy, request):
    db = _open_hub("sqlite", tmp_path / "hub", request)
    setup = HubSetup(db)
    with pytest.raises(Refused, match="不是乡镇"):
        setup.set_up(HubMode.TOWNSHIP, "新野县")
    identity = setup.set_up(HubMode.TOWNSHIP, "新野县王庄镇")
    assert (identity.mode, identity.area, identity.name) == (HubMode.TOWNSHIP, "王庄镇", "新野县王庄镇司法所")
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", identity.fingerprint)
    with pytest.raises(Refused, match="已经设为司法所（王庄镇）"):
        setup.set_up(HubMode.COUNTY, "新野县")
    assert db.read_settings()[HUB_PRIVATE_SETTING]  # clear in a folder without accounts, as everything there
    key_file = setup.write_key_file(tmp_path)
    assert key_file.name == "hub-key.txt" and len(key_file.read_text().splitlines()) == 1

    # The village encrypts to the key in that file (export-package --hub-key), and the hub imports it.
    from xinye_desktop.services.exchange import run_export_package

    village_db, _service, root = village_copy("wang")
    out = tmp_path / "usb"
    out.mkdir()
    assert run_export_package(village_db, out, data_root=root, hub_key_file=key_file, period="2026-03",
                              out=lambda _t: None) == 0
    summary = _one(Hub(db, tmp_path / "hub", HubImporter(db, tmp_path / "hub"), None, "sqlite"), out / "王庄村-2026-03.xdx")
    assert summary.status == IMPORTED and summary.new > 1000
    with pytest.raises(Refused, match="调委会自己的"):  # a village's own folder is not made a hub
        HubSetup(village_db).set_up(HubMode.TOWNSHIP, "王庄镇")
    db.close()


# -- the first package ---------------------------------------------------------------------------------------------

def test_the_first_package_registers_the_committee_s_key_and_brings_every_row_sealed_to_the_hub(
        hub, villages, hub_keys, demo_secrets, tmp_path):
    wang = villages["wang"]
    summary = _one(hub, wang.package)
    package = read_package(wang.package)
    assert summary.status == IMPORTED and summary.new_committee
    assert summary.fingerprint == package.fingerprint and package.fingerprint in "\n".join(summary.lines())
    assert "电话" in summary.lines()[1]  # the phone check of the fingerprint
    assert (summary.new, summary.updated, summary.unchanged, summary.older) == (wang.rows, 0, 0, 0)
    [committee] = hub.holdings.committees()
    assert (committee["id"], committee["name"], committee["fingerprint"]) == (wang.committee_id, WANG, package.fingerprint)
    assert committee["acknowledged"] == package.up_to and committee["confirmed_at"] is None
    with pytest.raises(Refused, match="指纹不一致"):  # the phone call: a fingerprint that is not the one registered
        hub.holdings.confirm_committee(wang.committee_id, "AAAA-BBBB-CCCC-DDDD")
    hub.holdings.confirm_committee(wang.committee_id, package.fingerprint.lower().replace("-", " "))
    assert hub.holdings.committees()[0]["confirmed_at"] is not None
    counts = hub.holdings.row_counts()
    assert {table: n for (cid, table), n in counts.items()} == wang.counts

    # The personal fields stay sealed to the hub's key at rest, and open with it.
    party = hub.holdings.rows(wang.committee_id, "parties")[0]
    opened = package.open_personal(hub_keys[1])["parties"][party["uuid"]]
    assert hub.holdings.personal(wang.committee_id, "parties", party["uuid"]) == opened
    assert not set(party["fields"]) & {"name", "phone", "id_number", "address"}
    dump = repr(_snapshot(hub.db))
    leaked = [s for s in demo_secrets["id_numbers"] | demo_secrets["phones"] | demo_secrets["names"] if s in dump]
    assert leaked == []
    if hub.engine == "sqlite":
        raw = (hub.root / "xinye.sqlite3").read_bytes().decode("utf-8", "ignore")
        assert [s for s in demo_secrets["id_numbers"] | demo_secrets["phones"] if s in raw] == []

    # Documents: kept sealed, opened identical to the village's file; figures of the month kept.
    documents = hub.holdings.documents(wang.committee_id)
    assert len(documents) == summary.documents == len(package.documents) > 0
    target = hub.holdings.open_document(documents[0], tmp_path / "opened.pdf")
    assert target.read_bytes() == (wang.root / documents[0]["path"]).read_bytes()
    if hub.engine == "sqlite":  # one PC: the sealed files in its data folder
        assert not (hub.root / documents[0]["stored"]).read_bytes().startswith(b"%PDF")
    else:  # a server: the sealed bytes in the database for every clerk's PC, nothing on this one's disk
        assert not (hub.root / "hub-documents").exists()
        [kept] = [r for r in _snapshot(hub.db)["hub_document_data"] if documents[0]["stored"] in r]
        assert not bytes(kept[2]).startswith(b"%PDF")
    [figures] = hub.holdings.figures(wang.committee_id)
    assert figures["period"] == "2026-03" and figures["figures"] == package.figures
    # The audit rows of the set-up and the import, on both engines (services/hub/setup.record), chained.
    trail = [json.loads(row[6]) for row in sorted(_snapshot(hub.db)["audit_log"])]
    imports = [entry for entry in trail if entry.get("what") == "hub_import"]
    assert [(e["file"], e["new"], e["documents"]) for e in imports] == [(wang.package.name, wang.rows,
                                                                          summary.documents)]
    assert [entry.get("what") for entry in trail] == ["hub_setup", "hub_import", "hub_confirm_committee"]
    with hub.db.transaction() as uow:
        assert uow.audit.verify() == (3, None)


def test_the_same_package_again_changes_nothing(hub, villages):
    first = _one(hub, villages["wang"].package)
    before = _snapshot(hub.db)
    again = hub.importer.import_packages([villages["wang"].package, villages["wang"].package.parent])
    assert [s.status for s in again] == [UNCHANGED, UNCHANGED]
    assert "已经导入过" in again[0].lines()[0] and first.imported_at in again[0].lines()[0]
    assert _snapshot(hub.db) == before


# -- newer and older ------------------------------------------------------------------------------------------------

def test_a_newer_package_updates_and_an_older_one_does_not_overwrite_it(hub, villages, village_copy):
    wang = villages["wang"]
    db, service, _root = village_copy("wang")
    canvasses = CanvassService(db)
    changed = canvasses.list()[0]
    canvasses.update(changed.id, CanvassInput(held_on=changed.held_on.isoformat(), village_id=changed.village_id,
                                              done_by="王保国", found="9", prevented="4"),
                     expected_version=changed.version)
    CanvassService(db).add(CanvassInput(held_on="2026-04-02", village_name="王庄村", done_by="王保国",
                                        found="1", prevented="1"))
    newer = service.write_package(db.path.parent.parent, hub_public_key=read_package(wang.package).manifest[
        "hub_key"]["public_key"], period="2026-04")

    assert _one(hub, wang.package).status == IMPORTED
    summary = _one(hub, newer.path)
    assert (summary.new, summary.updated, summary.older) == (1, 1, 0)
    assert summary.unchanged == wang.rows - 1 and summary.tables["canvasses"] == {"new": 1, "updated": 1,
                                                                                   "unchanged": wang.counts["canvasses"] - 1}
    held = {r["uuid"]: r for r in hub.holdings.rows(wang.committee_id, "canvasses")}
    assert held[_uuid(db, "canvasses", changed.id)]["fields"]["found"] == 9

    # The old package once more (a replay): its one older row does not overwrite; nothing else changes.
    before = _snapshot(hub.db)
    assert _one(hub, wang.package).status == UNCHANGED
    assert _snapshot(hub.db) == before


def test_an_older_package_never_imported_keeps_the_newer_rows_and_is_flagged(hub, villages, village_copy, hub_keys):
    wang = villages["wang"]
    db, service, _root = village_copy("wang")
    changed = CanvassService(db).list()[0]
    CanvassService(db).update(changed.id, CanvassInput(held_on=changed.held_on.isoformat(),
                                                       village_id=changed.village_id, done_by="王保国", found="9",
                                                       prevented="4"), expected_version=changed.version)
    newer = service.write_package(db.path.parent.parent, hub_public_key=hub_keys[0], period="2026-04")
    assert _one(hub, newer.path).status == IMPORTED
    older = _one(hub, wang.package)  # March's package reaches the hub after April's
    assert older.status == IMPORTED and (older.new, older.updated, older.older) == (0, 0, 1)
    held = {r["uuid"]: r for r in hub.holdings.rows(wang.committee_id, "canvasses")}
    kept = held[_uuid(db, "canvasses", changed.id)]
    assert kept["fields"]["found"] == 9 and kept["row_version"] > 1
    [flag] = hub.holdings.flags()
    assert flag["kind"] == FlagKind.OLDER_ROWS.value and "旧" in older.lines()[-1]
    assert {f["period"] for f in hub.holdings.figures(wang.committee_id)} == {"2026-03", "2026-04"}


def test_a_row_deleted_at_the_village_is_kept_at_the_hub_and_marked_deleted(hub, villages, village_copy, hub_keys):
    wang = villages["wang"]
    db, service, _root = village_copy("wang")
    conn = sqlite3.connect(db.path)
    elder_id, elder_uuid = conn.execute("SELECT id, uuid FROM elders WHERE id NOT IN "
                                        "(SELECT elder_id FROM case_elders) LIMIT 1").fetchone()
    conn.close()
    ElderService(db).delete(elder_id)
    package = service.write_package(db.path.parent.parent, hub_public_key=hub_keys[0], period="2026-04")
    _one(hub, wang.package)
    summary = _one(hub, package.path)
    assert summary.deleted == 1 and "删除了 1 条" in summary.lines()[0]
    [row] = [r for r in hub.holdings.rows(wang.committee_id, "elders") if r["uuid"] == elder_uuid]
    assert row["deleted_version"] > row["row_version"] and row["fields"]


# -- refused ---------------------------------------------------------------------------------------------------------

def test_a_package_signed_by_another_key_is_refused_after_the_first(hub, villages, village_copy, hub_keys):
    wang = villages["wang"]
    _one(hub, wang.package)
    before = _snapshot(hub.db)
    db, service, _root = village_copy("wang")  # the same committee id, a new key pair (a PC set up anew, or not theirs)
    public, sealed = db.sealer.new_signing_keys()
    with db.transaction() as uow:
        uow.settings.set(SIGNING_PUBLIC_SETTING, public)
        uow.settings.set(SIGNING_PRIVATE_SETTING, sealed)
    CanvassService(db).add(CanvassInput(held_on="2026-04-02", village_name="王庄村", done_by="王保国", found="1", prevented="0"))
    impostor = service.write_package(db.path.parent.parent, hub_public_key=hub_keys[0], period="2026-04")
    summary = _one(hub, impostor.path)
    assert summary.status == REFUSED and summary.reason == "other_key"
    registered = read_package(wang.package).fingerprint
    assert registered in summary.message and impostor.fingerprint in summary.message and "没有导入" in summary.lines()[0]
    assert _snapshot(hub.db) == before


def test_a_package_for_another_township_or_another_hub_is_refused(hub, villages, village_copy, tmp_path):
    shang = _one(hub, villages["shang"].package)
    assert shang.status == REFUSED and shang.reason == "other_township"
    assert "上庄乡" in shang.message and "王庄镇" in shang.message
    assert _snapshot(hub.db)["hub_rows"] == [] and hub.holdings.committees() == []

    db, service, _root = village_copy("wang")
    other_public, _other_private = new_hub_keys()
    elsewhere = service.write_package(tmp_path, hub_public_key=other_public, period="2026-03")
    refused = _one(hub, elsewhere.path)
    assert refused.reason == "other_hub" and "不是加密给这个司法所" in refused.message
    assert hub.holdings.committees() == []


def test_a_damaged_package_is_refused_whole(hub, villages, tmp_path):
    cut = tmp_path / "cut.xdx"
    cut.write_bytes(villages["wang"].package.read_bytes()[:-5000])
    summary, missing = hub.importer.import_packages([cut, tmp_path / "none.xdx"])
    assert summary.status == REFUSED and summary.reason == "not_a_package" and "不完整" in summary.message
    assert missing.reason == "not_found"
    assert _snapshot(hub.db)["hub_rows"] == []


def test_a_county_hub_takes_every_township_of_its_county_and_no_other(tmp_path, villages, hub_keys, request):
    county = _open_hub("sqlite", tmp_path / "county", request)
    HubSetup(county).set_up(HubMode.COUNTY, "新野县", keys=hub_keys)
    summaries = HubImporter(county, tmp_path / "county").import_packages([villages["wang"].package,
                                                                          villages["shang"].package])
    assert [s.status for s in summaries] == [IMPORTED, IMPORTED] and summaries[0].office == "司法局"
    county.close()
    other = _open_hub("sqlite", tmp_path / "other", request)
    HubSetup(other).set_up(HubMode.COUNTY, "唐河县", keys=hub_keys)
    [refused] = HubImporter(other, tmp_path / "other").import_packages([villages["wang"].package])
    assert refused.reason == "other_county" and "新野县" in refused.message
    other.close()


# -- case numbers and reviews -----------------------------------------------------------------------------------------

def test_two_committees_claiming_one_case_number_are_kept_apart_and_flagged(hub, villages):
    wang, li = villages["wang"], villages["li"]
    assert _one(hub, wang.package).flags == []
    summary = _one(hub, li.package)
    assert summary.status == IMPORTED and summary.new == li.rows  # nothing of 王庄村's was touched
    cases = wang.counts["cases"]
    [flag_text] = summary.flags
    assert "王庄村" in flag_text and "李庄村" in flag_text and f"{cases} 件" in flag_text
    [flag] = hub.holdings.flags()
    assert flag["kind"] == FlagKind.CASE_NUMBER_CLASH.value and flag["detail"]["count"] == cases
    held = hub.holdings.rows(table="cases")
    by_committee = {}
    for row in held:
        by_committee.setdefault(row["committee_id"], set()).add((row["uuid"], row["case_number"]))
    # The same uuids and numbers (one PC cloned for the other), two committees, two rows each.
    assert by_committee[wang.committee_id] == by_committee[li.committee_id] and len(held) == 2 * cases
    assert _one(hub, li.package).status == UNCHANGED and len(hub.holdings.flags()) == 1


def _visit_case(db: Database) -> tuple[int, str]:
    """A case of the village an extra 回访 can be added to today: (id, uuid), and the visit added."""
    conn = sqlite3.connect(db.path)
    found = conn.execute("SELECT id, uuid, effective_on FROM cases WHERE effective_on IS NOT NULL "
                         "ORDER BY id").fetchall()
    conn.close()
    service = AftercareService(db)
    for case_id, case_uuid, effective_on in found:
        try:
            service.add_visit(case_id, (dt.date.fromisoformat(effective_on) + dt.timedelta(days=40)).isoformat())
        except Refused:
            continue
        return case_id, case_uuid
    pytest.fail("no demo case takes a visit")


def test_a_case_changed_at_the_village_after_the_hub_reviewed_it_is_flagged_and_not_merged(
        hub, villages, village_copy, hub_keys):
    wang = villages["wang"]
    _one(hub, wang.package)
    db, service, _root = village_copy("wang")
    conn = sqlite3.connect(db.path)
    untouched = conn.execute("SELECT uuid FROM cases ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.close()
    reviews = HubReviews(hub.db)
    with pytest.raises(Refused, match="理由"):
        reviews.review(wang.committee_id, untouched, ReviewGrade.ORDINARY, ReviewDecision.RETURNED)
    case_id, case_uuid = _visit_case(db)
    reviews.review(wang.committee_id, untouched, ReviewGrade.ORDINARY, ReviewDecision.APPROVED)
    reviews.review(wang.committee_id, case_uuid, ReviewGrade.DIFFICULT, ReviewDecision.APPROVED)
    reviewed = _snapshot(hub.db)["hub_reviews"]

    later = service.write_package(db.path.parent.parent, hub_public_key=hub_keys[0], period="2026-04")
    summary = _one(hub, later.path)
    assert summary.status == IMPORTED and summary.new >= 1
    number = next(r["case_number"] for r in hub.holdings.rows(wang.committee_id, "cases") if r["uuid"] == case_uuid)
    [chinese] = summary.flags
    assert number in chinese and "重新审核" in chinese and "审核通过" in chinese
    [flag] = hub.holdings.flags()
    assert (flag["kind"], flag["uuid"]) == (FlagKind.CHANGED_AFTER_REVIEW.value, case_uuid)
    # Said in the window's language: the template and its values are kept with the Chinese text.
    english = {FLAG_CHANGED_AFTER_REVIEW: "{committee}: case {case_number} changed after this {office} reviewed "
                                          "it ({decision})", "审核通过": "approved", "司法所": "justice office"}
    say = lambda _context, template: english.get(template, template)  # noqa: E731
    assert flag_text(flag["detail"]) == flag_text(flag["detail"], lambda _c, t: t) == chinese
    assert flag_text(flag["detail"], say) == (f"{wang.name}: case {number} changed after this justice office "
                                              "reviewed it (approved)")
    assert summary.lines(say)[-1] == flag_text(flag["detail"], say)
    assert flag_text({"text": "旧的标记"}, say) == "旧的标记"  # stored before the template was kept
    assert _snapshot(hub.db)["hub_reviews"] == reviewed  # the reviews stand as made
    visits = [r for r in hub.holdings.rows(wang.committee_id, "return_visits") if r["case_uuid"] == case_uuid]
    assert len(visits) == len([r for r in read_package(later.path).rows["return_visits"]
                               if r["refs"]["case_id"] == case_uuid])  # the village's change is held as it sent it

    # A person looks at it; a package that does not change the case again raises nothing.
    assert hub.holdings.resolve_flag(flag["id"], "已电话联系村里，重新审核")
    CanvassService(db).add(CanvassInput(held_on="2026-04-03", village_name="王庄村", done_by="王保国", found="1", prevented="0"))
    again = service.write_package(db.path.parent.parent / "again.xdx", hub_public_key=hub_keys[0], period="2026-04")
    assert _one(hub, again.path).flags == [] and hub.holdings.flags() == []


# -- the hub's accounts and its command line ---------------------------------------------------------------------------

def test_importing_needs_a_login_where_the_hub_has_accounts_and_its_private_key_is_then_sealed(
        tmp_path, villages, hub_keys, request):
    root = tmp_path / "hub"
    db = _open_hub("sqlite", root, request)
    HubSetup(db).set_up(HubMode.TOWNSHIP, "王庄镇", keys=hub_keys)
    accounts = AccountService(db, cost=CHEAP)
    setup = accounts.create_first_admin("zhangsf", "张司法", "司法所2026审核")  # after the hub: its key was clear
    importer = HubImporter(db, root)
    assert _one(Hub(db, root, importer, None, "sqlite"), villages["wang"].package).status == IMPORTED
    assert db.read_settings()[HUB_PRIVATE_SETTING].startswith("xs1:")  # sealed at the first import after set-up
    accounts.logout(setup.session)
    from xinye_desktop.services.data_folder import refuse_until_login

    assert refuse_until_login(db)
    with pytest.raises(Refused, match="请先登录"):
        importer.import_packages([villages["li"].package])
    accounts.login("zhangsf", "司法所2026审核")
    assert _one(Hub(db, root, importer, None, "sqlite"), villages["li"].package).status == IMPORTED
    db.close()


def test_the_hub_setup_and_import_package_commands(tmp_path, villages, village_copy, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    hub_root = tmp_path / "hub"
    hub_root.mkdir()
    assert main(["hub-setup", "--mode", "司法所", "--area", "新野县王庄镇", "--data-dir", str(hub_root)]) == 0
    said = capsys.readouterr().out
    key_file = hub_root / "hub-key.txt"
    assert key_file.is_file() and str(key_file) in said and re.search(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", said)
    assert main(["hub-setup", "--mode", "司法所", "--area", "王庄镇", "--data-dir", str(hub_root)]) == 3

    _db, _service, root = village_copy("wang")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["export-package", "--to", str(usb), "--month", "2026-03", "--hub-key", str(key_file),
                 "--data-dir", str(root), "--user", ADMIN]) == 0
    capsys.readouterr()
    assert main(["import-package", str(usb), "--data-dir", str(hub_root)]) == 0
    out = capsys.readouterr().out
    assert "王庄村-2026-03.xdx" in out and "已导入" in out and "指纹" in out
    assert main(["import-package", str(usb / "王庄村-2026-03.xdx"), "--data-dir", str(hub_root)]) == 0
    assert "已经导入过" in capsys.readouterr().out
    (usb / "bad.xdx").write_bytes(b"not a package")
    assert main(["import-package", str(usb), str(tmp_path / "none"), "--data-dir", str(hub_root)]) == 1
    captured = capsys.readouterr()
    assert "bad.xdx：没有导入" in captured.out and "找不到" in captured.out
    assert main(["import-package", str(usb), "--data-dir", str(root)]) == 3  # accounts there: a login first
    assert "--user" in capsys.readouterr().err
    assert main(["import-package", str(usb), "--data-dir", str(root), "--user", ADMIN]) == 2  # and it is no hub
    assert "hub-setup" in capsys.readouterr().err


# -- killed mid-import -------------------------------------------------------------------------------------------------

def _read_lines(fd: int, timeout: float = 120.0) -> list[str]:
    buffer, deadline = b"", time.monotonic() + timeout
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError("the child said nothing")
        chunk = os.read(fd, 65536)
        if not chunk:
            return [line.decode() for line in buffer.split(b"\n") if line]
        buffer += chunk


def _wait_for(fd: int, word: str, timeout: float = 120.0) -> None:
    seen, deadline = b"", time.monotonic() + timeout
    while word.encode() not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError(f"no {word!r} from the child")
        chunk = os.read(fd, 1)
        if not chunk:
            raise AssertionError(f"the child ended before {word!r}: {seen!r}")
        seen += chunk


def _complete(db: Database, village: Village) -> bool:
    counts = HubHoldings(db).row_counts()
    return {t: n for (cid, t), n in counts.items() if cid == village.committee_id} == village.counts


def _reset(kind: str, db: Database, saved: Path, village: Village) -> None:
    """The hub as before the package: the SQLite file put back; on PostgreSQL the package's rows deleted."""
    if kind == "sqlite":
        db.close()
        for suffix in ("-wal", "-shm"):
            Path(str(db.path) + suffix).unlink(missing_ok=True)
        shutil.copyfile(saved, db.path)
        return
    with db.engine.begin() as conn:
        for table in ("hub_flags", "hub_document_data", "hub_documents", "hub_figures", "hub_rows", "hub_packages",
                      "hub_reviews"):
            conn.execute(text(f"DELETE FROM {table} WHERE committee_id = :c"), {"c": village.committee_id})
        conn.execute(text("DELETE FROM hub_committees WHERE id = :c"), {"c": village.committee_id})


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (the child inherits the imported modules)")
def test_a_hub_killed_mid_import_holds_what_it_held_before_that_package(hub, villages, tmp_path):
    """As tests/test_power_cut.py: a child process imports a package and is killed (SIGKILL) at a random
    moment of it; after each kill the hub's tables, settings and audit trail are exactly as before that
    package (SQLite's file also passes integrity_check), and one import that ran to its end holds it whole.
    Each step opens its own Database: no connection crosses a fork."""
    wang, li = villages["wang"], villages["li"]
    assert _one(hub, li.package).status == IMPORTED  # the hub holds something already
    before = _snapshot(hub.db)
    hub.db.close()
    if hub.engine == "sqlite":
        path = hub.db.path

        def open_db():
            return Database(path)
    else:
        url = hub.db.alembic_url()

        def open_db():
            return HubDatabase(url)
    saved = tmp_path / "saved.sqlite3"
    if hub.engine == "sqlite":
        shutil.copyfile(path, saved)
    # The kills spread over the import (its read, its rows, its documents, its commit), in a random order.
    moments = [0.05, 0.2, 0.35, 0.5, 0.65, 0.8]
    random.Random(20261208).shuffle(moments)
    took, mid_import, cycles = None, 0, 0
    while moments:
        cycles += 1
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            os.close(read_fd)
            try:
                importer = HubImporter(open_db(), hub.root)
                os.write(write_fd, b"begin\n")
                summary = importer.import_package(wang.package)
                os.write(write_fd, f"done {summary.status}\n".encode())
            except BaseException as err:  # noqa: BLE001 - reported to the parent, which fails
                os.write(write_fd, f"error {type(err).__name__}: {err}\n".encode())
            finally:
                os._exit(0)
        os.close(write_fd)
        try:
            _wait_for(read_fd, "begin\n")
            started = time.monotonic()
            if took is None:  # the first run is not killed: it says how long an import takes here
                lines = _read_lines(read_fd)
                took = time.monotonic() - started
            else:
                time.sleep(moments.pop() * took)  # the moment of the kill, not a synchronisation
                os.kill(pid, signal.SIGKILL)
                lines = _read_lines(read_fd)
            os.waitpid(pid, 0)
        finally:
            os.close(read_fd)
        assert not [line for line in lines if line.startswith("error ")], lines
        finished = any(line.startswith("done") for line in lines)
        db = open_db()
        try:
            # Whole (it ran to its end, or was killed between its commit and saying so) or not there at all.
            if _complete(db, wang):
                assert not finished or lines == ["done imported"], lines
                _reset(hub.engine, db, saved, wang)
                if hub.engine != "sqlite":
                    # The trail is append-only (migration 0008's triggers): the finished import's audit row
                    # stays on PostgreSQL, as it should; every later kill must leave the hub exactly so.
                    before = _snapshot(db)
            else:
                assert not finished, f"cycle {cycles}: the import said done and holds part of the package"
                mid_import += 1
            if hub.engine == "sqlite":
                from xinye_desktop.storage.database import integrity_problems

                db.close()
                assert integrity_problems(path, live=True) == [], f"cycle {cycles}"
            assert _snapshot(db) == before, f"cycle {cycles}: the hub is not as it was before the package"
        finally:
            db.close()
    assert mid_import >= 3, f"only {mid_import} of {cycles} kills landed inside an import of {took:.2f} s"
    db = open_db()  # and after the kills, the package imports whole
    try:
        [summary] = HubImporter(db, hub.root).import_packages([wang.package])
        assert summary.status == IMPORTED and summary.new == wang.rows and _complete(db, wang)
    finally:
        db.close()
