"""A 司法所 relays what it holds to the 司法局 (issue 16 item 3: "a township hub exports its own upward
package to the county the same way"; services/hub/relay.py, relay_import.py).

Two villages of 王庄镇 send their packages to the 王庄镇司法所; it writes one relay per village, encrypted to
the 新野县司法局 and signed with its own key; the county imports them. The villages are copies of the
session's demo folder made committees of their own, as in tests/test_hub_import.py."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import committee_copy
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.hub import HubMode
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.exchange import ExchangeService, PackageRefused, new_hub_keys, read_package
from xinye_desktop.services.hub import IMPORTED, REFUSED, UNCHANGED, HubHoldings, HubImporter, HubSetup
from xinye_desktop.services.hub.relay import UPWARD_SENT_SETTING, TownshipRelay
from xinye_desktop.services.hub.relay_import import RELAY_TOWNSHIPS_SETTING
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_records import HUB_TABLES
from xinye_desktop.storage.sealing import SIGNING_PUBLIC_SETTING

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
CLERK, CLERK_PASSWORD = "zhangsf", "司法所2026审核"
WANG = "新野县王庄镇王庄村人民调解委员会"
LI = "新野县王庄镇李庄村人民调解委员会"


@dataclass
class Village:
    root: Path
    name: str
    committee_id: str
    package: Path  # its package of 2026-03, encrypted to the township's key


@pytest.fixture(scope="module")
def township_keys():
    return new_hub_keys()


@pytest.fixture(scope="module")
def county_keys():
    return new_hub_keys()


@pytest.fixture(scope="module")
def villages(demo_template, tmp_path_factory, township_keys) -> dict[str, Village]:
    base = tmp_path_factory.mktemp("relay-villages")
    made = {}
    for key, name in (("wang", WANG), ("li", LI)):
        root = base / key / "data"
        committee_id = committee_copy(demo_template().root, root, name)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
        written = ExchangeService(db, root).write_package(base / key, hub_public_key=township_keys[0],
                                                          period="2026-03")
        db.close()
        made[key] = Village(root, name, committee_id, written.path)
    return made


@pytest.fixture(scope="module")
def demo_secrets(demo_template):
    conn = sqlite3.connect(demo_template().database)
    try:
        return {r[0] for r in conn.execute(
            "SELECT id_number FROM parties WHERE id_number != '' UNION SELECT phone FROM parties WHERE phone != '' "
            "UNION SELECT phone FROM elders WHERE phone != '' UNION "
            "SELECT name FROM parties WHERE kind = 'individual' AND length(name) >= 2")}
    finally:
        conn.close()


def _hub(root: Path, mode: HubMode, area: str, hub_keys, *, accounts: bool) -> Database:
    DataPaths(root).create()
    db = Database(root / "xinye.sqlite3")
    db.ensure_schema()
    HubSetup(db).set_up(mode, area, keys=hub_keys)
    if accounts:  # the township's signing key is made with its first administrator, as a village's
        AccountService(db, cost=CHEAP).create_first_admin(CLERK, "张司法", CLERK_PASSWORD)
    return db


@dataclass
class World:
    township: Database
    township_root: Path
    county: Database
    county_root: Path
    usb: Path

    def relay(self, **kwargs):
        return TownshipRelay(self.township, self.township_root).write_packages(self.usb, self._county_key, **kwargs)

    def county_import(self, paths):
        return HubImporter(self.county, self.county_root).import_packages(list(paths))


@pytest.fixture
def world(tmp_path, villages, township_keys, county_keys):
    township = _hub(tmp_path / "township", HubMode.TOWNSHIP, "新野县王庄镇", township_keys, accounts=True)
    summaries = HubImporter(township, tmp_path / "township").import_packages(
        [villages["wang"].package, villages["li"].package])
    assert [s.status for s in summaries] == [IMPORTED, IMPORTED]
    county = _hub(tmp_path / "county", HubMode.COUNTY, "新野县", county_keys, accounts=False)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = World(township, tmp_path / "township", county, tmp_path / "county", usb)
    made._county_key = county_keys[0]
    yield made
    township.close()
    county.close()


def _snapshot(db: Database) -> dict[str, list]:
    with db.engine.connect() as conn:
        return {table: sorted((tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
                for table in HUB_TABLES + ("settings", "audit_log")}


def _rows(db: Database) -> set[tuple]:
    """What a hub holds of the villages' rows, as the villages sent them."""
    with db.engine.connect() as conn:
        return set(conn.execute(text("SELECT committee_id, table_name, uuid, origin, row_version, fields, refs, "
                                     "case_uuid, case_number, deleted_version FROM hub_rows")))


def _village_copy(villages, key: str, tmp_path: Path):
    root = tmp_path / f"village-{key}"
    shutil.copytree(villages[key].root, root)
    db = Database(root / "xinye.sqlite3")
    AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
    return db, ExchangeService(db, root)


# -- the relay brings the county what the township holds ------------------------------------------------------------

def test_the_county_holds_what_the_township_holds_and_opens_it_with_its_own_key(world, villages, county_keys,
                                                                                tmp_path):
    result = world.relay()
    names = sorted(w.path.name for w in result.written)
    assert names == ["李庄村-2026-03-经王庄镇.xdx", "王庄村-2026-03-经王庄镇.xdx"]
    township_fingerprint = result.fingerprint
    assert township_fingerprint == read_package(result.written[0].path).fingerprint

    package = read_package(world.usb / "王庄村-2026-03-经王庄镇.xdx")
    manifest = package.manifest
    assert manifest["kind"] == "township-relay" and manifest["relayed_by"]["area"] == "王庄镇"
    assert manifest["relayed_by"]["name"] == "新野县王庄镇司法所"
    assert manifest["committee"]["id"] == villages["wang"].committee_id
    # The village's key as the township registered it (it vouches for it); the relay is signed by the township's.
    direct = read_package(villages["wang"].package)
    assert manifest["committee"]["signing_key"] == direct.manifest["committee"]["signing_key"]
    assert package.signing_key != direct.signing_key
    assert (manifest["since"], manifest["up_to"]) == (0, direct.up_to)

    summaries = world.county_import(w.path for w in result.written)
    assert [s.status for s in summaries] == [IMPORTED, IMPORTED] and summaries[0].office == "司法局"
    said = "\n".join(summaries[0].lines())
    assert "经王庄镇司法所转报" in said and township_fingerprint in said and "电话" in said
    [at_county] = [s for s in summaries if s.committee == WANG]
    assert at_county.fingerprint == direct.fingerprint  # the village's own, as on a direct package
    assert _rows(world.county) == _rows(world.township)

    township, county = HubHoldings(world.township, world.township_root), HubHoldings(world.county, world.county_root)
    assert [(c["id"], c["name"], c["fingerprint"], c["acknowledged"]) for c in county.committees()] == [
        (c["id"], c["name"], c["fingerprint"], c["acknowledged"]) for c in township.committees()]
    wang = villages["wang"].committee_id
    for table in ("parties", "cases", "elders"):
        for row in county.rows(wang, table)[:5]:
            assert county.personal(wang, table, row["uuid"]) == township.personal(wang, table, row["uuid"]) != {}
    # The county's figures are the village's, month by month (a zero report stays one).
    assert [(f["committee_id"], f["period"], f["zero_report"], f["figures"]) for f in county.figures()] == [
        (f["committee_id"], f["period"], f["zero_report"], f["figures"]) for f in township.figures()]
    # Documents: all of them, sealed to the county's key, opening to the village's very file.
    documents = county.documents(wang)
    assert len(documents) == len(township.documents(wang)) > 0
    opened = county.open_document(documents[0], tmp_path / "opened.pdf")
    assert opened.read_bytes() == (villages["wang"].root / documents[0]["path"]).read_bytes()
    # The township registered on its first relay, by its township.
    pinned = json.loads(world.county.read_settings()[RELAY_TOWNSHIPS_SETTING])
    assert pinned["王庄镇"]["fingerprint"] == township_fingerprint
    # Each relay left an audit row at the township.
    trail = [json.loads(row[6]) for row in _snapshot(world.township)["audit_log"]]
    assert sorted(e["file"] for e in trail if e.get("what") == "township_relay") == names


def test_a_second_export_carries_only_what_is_new_and_importing_twice_changes_nothing(
        world, villages, township_keys, tmp_path):
    first = world.relay()
    world.county_import(w.path for w in first.written)
    before = _snapshot(world.county)
    assert [s.status for s in world.county_import(w.path for w in first.written)] == [UNCHANGED, UNCHANGED]
    assert _snapshot(world.county) == before

    again = world.relay()  # nothing came to the township since
    assert again.written == [] and sorted(again.unchanged) == sorted([WANG, LI])

    # 王庄村 changes a 排查 and adds one, and reports April; the township imports it and relays again.
    db, service = _village_copy(villages, "wang", tmp_path)
    canvasses = CanvassService(db)
    changed = canvasses.list()[0]
    canvasses.update(changed.id, CanvassInput(held_on=changed.held_on.isoformat(), village_id=changed.village_id,
                                              done_by="王保国", found="9", prevented="4"),
                     expected_version=changed.version)
    canvasses.add(CanvassInput(held_on="2026-04-02", village_name="王庄村", done_by="王保国", found="1", prevented="1"))
    april = service.write_package(tmp_path, hub_public_key=township_keys[0], period="2026-04")
    db.close()
    [at_township] = HubImporter(world.township, world.township_root).import_packages([april.path])
    assert (at_township.new, at_township.updated) == (1, 1)

    second = world.relay()
    assert [w.path.name for w in second.written] == ["王庄村-2026-04-经王庄镇.xdx"] and second.unchanged == [LI]
    [written] = second.written
    assert written.counts["canvasses"] == 2 and written.months == ["2026-04"]
    assert sum(n for k, n in written.counts.items() if k not in ("documents", "tombstones", "figures")) == 2
    assert (written.since, written.up_to) == (first.written[0].up_to if first.written[0].committee == WANG
                                              else first.written[1].up_to, april.up_to)
    [summary] = world.county_import([written.path])
    assert summary.status == IMPORTED and (summary.new, summary.updated, summary.unchanged) == (1, 1, 0)
    assert not summary.new_township and summary.flags == []
    assert _rows(world.county) == _rows(world.township)
    assert {f["period"] for f in HubHoldings(world.county).figures(villages["wang"].committee_id)} == {"2026-03",
                                                                                                       "2026-04"}
    marks = json.loads(world.township.read_settings()[UPWARD_SENT_SETTING])
    assert marks[villages["wang"].committee_id]["file"] == "王庄村-2026-04-经王庄镇.xdx"

    # --all: everything again, which the county finds unchanged.
    everything = world.relay(resend_all=True)
    assert len(everything.written) == 2
    summaries = world.county_import(w.path for w in everything.written)
    assert [s.status for s in summaries] == [IMPORTED, IMPORTED]
    assert all(s.new == s.updated == s.older == 0 and s.unchanged > 0 for s in summaries)
    assert _rows(world.county) == _rows(world.township)


# -- refusals ---------------------------------------------------------------------------------------------------------

def test_a_relay_signed_by_another_key_after_the_first_is_refused(world, villages, township_keys, tmp_path):
    first = world.relay()
    world.county_import(w.path for w in first.written)
    # A second 司法所 folder for 王庄镇 (another PC, or someone posing as it): its own signing key.
    other = _hub(tmp_path / "other-township", HubMode.TOWNSHIP, "王庄镇", township_keys, accounts=True)
    HubImporter(other, tmp_path / "other-township").import_packages([villages["wang"].package])
    usb = tmp_path / "usb2"
    usb.mkdir()
    result = TownshipRelay(other, tmp_path / "other-township").write_packages(usb, world._county_key, resend_all=True)
    other.close()
    before = _snapshot(world.county)
    [refused] = world.county_import(w.path for w in result.written)
    assert refused.status == REFUSED and refused.reason == "other_key"
    assert result.fingerprint in refused.message and first.fingerprint in refused.message and "王庄镇" in refused.message
    assert _snapshot(world.county) == before


def test_a_relay_vouching_for_another_key_than_the_county_holds_for_the_village_is_refused(world, villages):
    first = world.relay()
    wang = next(w for w in first.written if w.committee == WANG)
    world.county_import([next(w.path for w in first.written if w.committee == LI)])
    # The county holds 王庄村 already, under another key (say, from a package the village sent directly).
    other_public = new_hub_keys()[0]  # 32 bytes, as good as any Ed25519 public key for this comparison
    with world.county.engine.begin() as conn:
        conn.execute(text("INSERT INTO hub_committees (id, name, township, village, signing_key, fingerprint, "
                          "registered_at, registered_by, confirmed_by, acknowledged, highest_up_to) VALUES "
                          "(:id, :name, '王庄镇', '王庄村', :key, 'AAAA-BBBB-CCCC-DDDD', '2026-03-01', '', '', 0, 0)"),
                     {"id": villages["wang"].committee_id, "name": WANG,
                      "key": __import__("base64").b64encode(other_public).decode()})
    [refused] = world.county_import([wang.path])
    assert refused.reason == "other_key" and "AAAA-BBBB-CCCC-DDDD" in refused.message


def test_a_relay_from_a_township_of_another_county_is_refused(world, tmp_path, county_keys):
    result = world.relay()
    other = _hub(tmp_path / "tanghe", HubMode.COUNTY, "唐河县", county_keys, accounts=False)
    summaries = HubImporter(other, tmp_path / "tanghe").import_packages([w.path for w in result.written])
    assert [s.reason for s in summaries] == ["other_county", "other_county"]
    assert "新野县" in summaries[0].message and "唐河县" in summaries[0].message
    with other.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hub_rows")).scalar() == 0
    other.close()


def test_a_township_refuses_a_relay(world, tmp_path, county_keys, township_keys):
    result = world.relay()
    # Even a 司法所 whose key the relay is encrypted to: a relay goes to the county, never to a township.
    township = _hub(tmp_path / "t2", HubMode.TOWNSHIP, "王庄镇", county_keys, accounts=False)
    [refused] = HubImporter(township, tmp_path / "t2").import_packages([result.written[0].path])
    assert refused.status == REFUSED and refused.reason == "relay_at_township"
    assert "司法所不导入转报包" in refused.message
    township.close()


def test_a_tampered_relay_is_refused_whole(world, tmp_path):
    result = world.relay()
    path = result.written[0].path
    # A bit flipped in a document.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("documents/"))
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 100
    data[offset] ^= 0x01
    flipped = tmp_path / "flipped.xdx"
    flipped.write_bytes(bytes(data))
    # The manifest's township key swapped for another's, its signature kept.
    swapped = tmp_path / "swapped.xdx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(swapped, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(body)
                manifest["relayed_by"]["signing_key"] = manifest["committee"]["signing_key"]
                body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            dst.writestr(info, body)
    summaries = world.county_import([flipped, swapped])
    assert [s.reason for s in summaries] == ["damaged", "bad_signature"]
    with pytest.raises(PackageRefused):
        read_package(flipped)
    with world.county.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hub_rows")).scalar() == 0


def test_a_lost_relay_reveals_no_name_id_number_or_phone(world, demo_secrets, township_keys, county_keys):
    result = world.relay()
    assert demo_secrets
    for written in result.written:
        raw = written.path.read_bytes()
        with zipfile.ZipFile(written.path) as zf:
            clear = b"".join(zf.read(name) for name in zf.namelist())
        for blob in (raw, clear):
            assert [s for s in demo_secrets if s.encode("utf-8") in blob] == []
        package = read_package(written.path)
        # Only the county opens it: not the township that wrote it.
        with pytest.raises(PackageRefused):
            package.open_personal(township_keys[1])
        opened = package.open_personal(county_keys[1])
        assert any(s in json.dumps(opened, ensure_ascii=False) for s in demo_secrets)


def test_only_a_township_with_a_signing_key_relays(tmp_path, villages, township_keys, county_keys):
    county = _hub(tmp_path / "county", HubMode.COUNTY, "新野县", county_keys, accounts=False)
    with pytest.raises(Refused, match="只有司法所"):
        TownshipRelay(county, tmp_path / "county").write_packages(tmp_path, township_keys[0])
    county.close()
    bare = _hub(tmp_path / "bare", HubMode.TOWNSHIP, "王庄镇", township_keys, accounts=False)
    assert not bare.read_settings().get(SIGNING_PUBLIC_SETTING)
    with pytest.raises(PackageRefused, match="签名密钥") as refused:
        TownshipRelay(bare, tmp_path / "bare").write_packages(tmp_path, county_keys[0])
    assert refused.value.reason == "signing_key"
    with pytest.raises(PackageRefused, match="自己的公钥"):
        TownshipRelay(bare, tmp_path / "bare").write_packages(tmp_path, township_keys[0])
    bare.close()


def test_the_hub_export_package_command(tmp_path, villages, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    township, county = tmp_path / "township", tmp_path / "county"
    township.mkdir()
    county.mkdir()
    assert main(["hub-setup", "--mode", "司法局", "--area", "新野县", "--data-dir", str(county)]) == 0
    capsys.readouterr()
    db = _hub(township, HubMode.TOWNSHIP, "新野县王庄镇", None, accounts=True)
    HubSetup(db).write_key_file(township)
    db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    args = ["hub-export-package", "--to", str(usb), "--county-key", str(county / "hub-key.txt"),
            "--data-dir", str(township), "--user", CLERK]
    assert main(args[:-2]) == 3  # accounts: a login first
    capsys.readouterr()
    assert main(args) == 0
    assert "没有需要转报的内容" in capsys.readouterr().out
    # The township's own key is its public key file too: no package is encrypted to itself.
    assert main(args[:3] + ["--county-key", str(township / "hub-key.txt")] + args[5:]) == 2
    assert "自己的公钥" in capsys.readouterr().err
    assert main(args + ["--month", "2026-13"]) == 2
    capsys.readouterr()


def test_the_command_writes_a_relay_per_village_and_prints_the_fingerprint(world, tmp_path, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    key_file = tmp_path / "county-key.txt"
    HubSetup(world.county).write_key_file(key_file)
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    args = ["hub-export-package", "--to", str(world.usb), "--county-key", str(key_file), "--month", "2026-03",
            "--data-dir", str(world.township_root), "--user", CLERK]
    world.township.close()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "王庄村-2026-03-经王庄镇.xdx" in out and "李庄村-2026-03-经王庄镇.xdx" in out and "指纹" in out
    assert main(args) == 0
    assert "没有新的内容" in capsys.readouterr().out
    world.township = Database(world.township_root / "xinye.sqlite3")
    assert main(["import-package", str(world.usb), "--data-dir", str(world.county_root)]) == 0
    assert "经王庄镇司法所转报" in capsys.readouterr().out


def test_the_county_writes_returns_only_for_the_villages_that_report_to_it_themselves(
        world, villages, county_keys, demo_template, tmp_path):
    """A relayed village trusts its 司法所's key: its returns come from there, and one written at the county
    would be refused at the village. The county leaves it out, refuses it by name and says so."""
    from xinye_desktop.services.hub.command import run_hub_return
    from xinye_desktop.services.hub.returns import HubReturns

    relays = world.relay(month="2026-03")
    assert [s.status for s in world.county_import(w.path for w in relays.written)] == [IMPORTED, IMPORTED]
    returns = HubReturns(world.county)
    with pytest.raises(Refused, match="2 个调委会都是经司法所转报的"):
        returns.committees()
    with pytest.raises(Refused, match="经王庄镇司法所转报"):
        returns.committees("王庄村")
    assert sorted(returns.relayed()) == sorted([(WANG, "王庄镇"), (LI, "王庄镇")])

    # A village by the county seat reports to the 司法局 itself: only its return is written.
    town = "新野县城郊乡刘营村人民调解委员会"
    root = tmp_path / "town" / "data"
    committee_copy(demo_template().root, root, town)
    db = Database(root / "xinye.sqlite3")
    AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "刘会计", PASSWORD)
    package = ExchangeService(db, root).write_package(tmp_path / "town", hub_public_key=county_keys[0],
                                                      period="2026-03").path
    db.close()
    assert [s.status for s in world.county_import([package])] == [IMPORTED]
    assert [c["name"] for c in returns.committees()] == [town]
    folder = tmp_path / "returns"
    folder.mkdir()
    said: list[str] = []
    assert run_hub_return(world.county, folder, out=said.append) == 0
    [written] = folder.iterdir()
    assert written.name.startswith("刘营村-回执-")
    assert "经司法所转报的 2 个调委会没有生成回执包" in said[-1] and "经王庄镇司法所" in said[-1]
    assert returns.committees("刘营村")[0]["name"] == town
