"""A key revocation made at the 司法所 reaches the 司法局 with the township's relay (issue 16 items 3 and 6;
services/hub/relay.py lists the revocations, relay_import.apply_revocations makes them at the county).

The township (王庄镇) holds 王庄村 and 李庄村 from their packages (tests/test_hub_relay.py's world); a clerk there
revokes 王庄村's key (its PC stolen) with ``hub-revoke-key``; the next relay lists it, and the county, importing
that relay, revokes the key as if its own clerk had: a village package signed by it, sent straight to the
county, is then refused with the existing message, the relay imported twice changes nothing, a revocation the
county has already is left alone, one for a committee the county had not seen is kept with that committee, and a
relay whose revocations were changed is refused whole."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.test_hub_relay import (  # noqa: F401  (fixtures: villages, township_keys, county_keys, world)
    ADMIN, CHEAP, LI, PASSWORD, WANG, _hub, _rows, _snapshot, county_keys, township_keys, villages, world,
)
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.hub import HubMode
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.exchange import ExchangeService, read_package
from xinye_desktop.services.hub import (
    IMPORTED, REFUSED, UNCHANGED, HubCommittees, HubHoldings, HubImporter, HubSetup,
)
from xinye_desktop.services.hub import relay as relay_module
from xinye_desktop.services.hub.relay import UPWARD_SENT_SETTING
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase

STOLEN = "村委会办公室的电脑被盗（2026年4月1日报案，经办人赵建民）"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engines(request, world, county_keys):
    """tests/test_hub_relay.py's world, its county on each engine (a county office keeps PostgreSQL)."""
    if request.param == "postgres":
        county = HubDatabase(request.getfixturevalue("postgres_url"))
        county.ensure_schema()
        HubSetup(county).set_up(HubMode.COUNTY, "新野县", keys=county_keys)
        world.county.close()
        world.county = county
    return world


def _village_package(villages, key: str, tmp_path: Path, label: str, to_key: bytes, *, new_key: bool = False):
    """A later package (2026-04, one 排查 more) of village ``key``, encrypted to ``to_key``: from its own PC
    (the key the hubs registered) or, ``new_key``, from the PC set up again (ExchangeService.new_signing_key)."""
    root = tmp_path / f"village-{key}-{label}"
    shutil.copytree(villages[key].root, root)
    db = Database(root / "xinye.sqlite3")
    try:
        AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
        service = ExchangeService(db, root)
        if new_key:
            service.new_signing_key()
        CanvassService(db).add(CanvassInput(held_on="2026-04-02", village_name="王庄村", done_by="王保国",
                                            found="1", prevented="0"))
        folder = tmp_path / f"usb-{key}-{label}"
        folder.mkdir()
        return service.write_package(folder, hub_public_key=to_key, period="2026-04")
    finally:
        db.close()


def _wang(world_) -> Path:
    return next(w.path for w in world_.relay().written if w.committee == WANG)


def _trail(db: Database) -> list[dict]:
    return [json.loads(row[6]) for row in sorted(_snapshot(db)["audit_log"])]


def _revocation_rows(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT committee_id, signing_key, fingerprint, revoked_at, revoked_by, reason "
                                      "FROM hub_revoked_keys ORDER BY id")))


# -- the township revokes, the relay carries it, the county refuses the key -----------------------------------------

@pytest.mark.slow  # a relay and imports on each engine: over 5 s
def test_a_key_revoked_at_the_township_is_refused_at_the_county_after_the_relay(engines, villages, county_keys,
                                                                               tmp_path):
    world = engines
    wang = villages["wang"].committee_id
    first = world.relay()
    assert all(w.revocations == 0 for w in first.written)
    assert [s.status for s in world.county_import(w.path for w in first.written)] == [IMPORTED, IMPORTED]
    fingerprint = read_package(villages["wang"].package).fingerprint
    HubHoldings(world.county).confirm_committee(wang, fingerprint)
    # 王庄村 sends a package straight to the county: taken (its key is the one the county holds).
    direct = _village_package(villages, "wang", tmp_path, "direct", county_keys[0])
    assert world.county_import([direct.path])[0].status == IMPORTED

    revoked = HubCommittees(world.township).revoke("王庄村", STOLEN)
    assert revoked.fingerprint == fingerprint

    # The revocation alone makes a relay (nothing else is new for the county); 李庄村 has none.
    second = world.relay()
    assert [w.committee for w in second.written] == [WANG] and second.unchanged == [LI]
    [written] = second.written
    assert written.revocations == 1
    package = read_package(written.path)
    [entry] = package.manifest["revocations"]
    assert (entry["committee_id"], entry["fingerprint"], entry["replaced_by"]) == (wang, fingerprint, None)
    assert entry["office"] == "新野县王庄镇司法所" and entry["revoked_at"].endswith("Z")
    # Who revoked it and why are sealed to the county's key: neither is in the file, packed or unpacked.
    with zipfile.ZipFile(written.path) as zf:
        clear = b"".join(zf.read(name) for name in zf.namelist())
    for blob in (written.path.read_bytes(), clear):
        assert STOLEN.encode() not in blob and "赵建民".encode() not in blob
    marks = json.loads(world.township.read_settings()[UPWARD_SENT_SETTING])
    assert marks[wang]["revocations"] > 0

    before = _snapshot(world.county)
    [summary] = world.county_import([written.path])
    assert summary.status == IMPORTED and summary.relayed_revocations == 1
    assert summary.revocations_applied == [fingerprint]
    said = "\n".join(summary.lines())
    assert "王庄镇司法所吊销的签名密钥 1 把" in said and "照样吊销其中 1 把" in said and fingerprint in said
    after = _snapshot(world.county)
    for table in ("hub_rows", "hub_figures", "hub_documents"):  # nothing imported before is lost
        assert after[table] == before[table], table

    # At the county as if its own clerk had revoked it: the same row, the committee's key no longer confirmed,
    # its return key (the stolen PC's) forgotten, and an audit row naming the township's office.
    [row] = HubCommittees(world.county).revocations(wang)
    assert (row.fingerprint, row.reason) == (fingerprint, STOLEN) and row.revoked_by.startswith("王庄镇司法所")
    assert row.revoked_at == HubCommittees(world.township).revocations(wang)[0].revoked_at.replace(microsecond=0)
    [committee] = [c for c in HubHoldings(world.county).committees() if c["id"] == wang]
    assert committee["key_revoked_at"] is not None and committee["confirmed_at"] is None
    assert committee["return_key"] is None
    entry = [e for e in _trail(world.county) if e.get("what") == "hub_revoke_key"]
    assert len(entry) == 1 and entry[0]["relayed_by"] == "新野县王庄镇司法所" and entry[0]["township"] == "王庄镇"
    assert entry[0]["fingerprint"] == fingerprint and entry[0]["file"] == written.path.name
    with world.county.transaction() as uow:
        assert uow.audit.verify()[1] is None  # the chain holds

    # A village package signed by the revoked key, sent straight to the county: refused, with the existing
    # message, nothing written; the package imported before too.
    revoked_state = _snapshot(world.county)
    stolen = _village_package(villages, "wang", tmp_path, "stolen", county_keys[0])
    for path in (stolen.path, direct.path):
        [refused] = world.county_import([path])
        assert refused.status == REFUSED and refused.reason == "revoked_key"
        assert fingerprint in refused.message and "吊销" in refused.message and WANG in refused.message
        assert _snapshot(world.county) == revoked_state

    # The same relay twice: nothing changes.
    [again] = world.county_import([written.path])
    assert again.status == UNCHANGED
    assert _snapshot(world.county) == revoked_state

    # Everything again (another file, listing the same revocation): the revocation the county has is unchanged.
    everything = world.relay(resend_all=True)
    assert [w.revocations for w in everything.written if w.committee == WANG] == [1]
    summaries = world.county_import(w.path for w in everything.written)
    assert [s.status for s in summaries] == [IMPORTED, IMPORTED]
    [resent] = [s for s in summaries if s.committee == WANG]
    assert resent.relayed_revocations == 1 and resent.revocations_applied == []
    assert "都已吊销，没有变化" in "\n".join(resent.lines())
    assert len(_revocation_rows(world.county)) == 1
    assert [e["what"] for e in _trail(world.county)].count("hub_revoke_key") == 1
    assert world.relay().written == []  # nothing new since


@pytest.mark.slow  # a relay and imports on each engine: over 5 s
def test_the_new_key_the_township_registered_replaces_the_revoked_one_at_the_county(engines, villages, township_keys,
                                                                                    county_keys, tmp_path):
    world = engines
    wang = villages["wang"].committee_id
    world.county_import(w.path for w in world.relay().written)
    old = read_package(villages["wang"].package).fingerprint
    HubCommittees(world.township).revoke(wang, STOLEN)
    # The reinstalled PC's package registers its new key at the township.
    reinstalled = _village_package(villages, "wang", tmp_path, "new", township_keys[0], new_key=True)
    [at_township] = HubImporter(world.township, world.township_root).import_packages([reinstalled.path])
    assert at_township.status == IMPORTED and at_township.new_key
    HubHoldings(world.township).confirm_committee(wang, reinstalled.fingerprint)

    relay = _wang(world)
    package = read_package(relay)
    assert package.manifest["committee"]["fingerprint"] == reinstalled.fingerprint
    assert package.manifest["committee"]["confirmed"] is True
    [entry] = package.manifest["revocations"]
    assert entry["fingerprint"] == old and entry["replaced_by"]["fingerprint"] == reinstalled.fingerprint

    # The county had 王庄村 under the old key: the relay revokes it there and registers the new one (to be
    # confirmed by phone, as a new key is), where the county refused it as another key before this version.
    [summary] = world.county_import([relay])
    assert summary.status == IMPORTED and summary.new_key and summary.revocations_applied == [old]
    said = "\n".join(summary.lines())
    assert reinstalled.fingerprint in said and "新签名密钥" in said and old in said
    [committee] = [c for c in HubHoldings(world.county).committees() if c["id"] == wang]
    assert committee["fingerprint"] == reinstalled.fingerprint and committee["key_revoked_at"] is None
    assert _rows(world.county) == _rows(world.township)
    [audit] = [e for e in _trail(world.county) if e.get("what") == "hub_revoke_key"]
    assert audit["replaced_by"] == reinstalled.fingerprint

    # Straight to the county: the old key refused, the new one taken.
    assert world.county_import([_village_package(villages, "wang", tmp_path, "old", county_keys[0]).path])[0].reason \
        == "revoked_key"
    later = _village_package(villages, "wang", tmp_path, "later", county_keys[0], new_key=True)
    assert read_package(later.path).fingerprint != reinstalled.fingerprint  # a third key: another key
    assert world.county_import([later.path])[0].reason == "other_key"


def test_a_revocation_before_the_county_knew_the_committee_is_kept_with_it(world, villages, township_keys,
                                                                          county_keys, tmp_path):
    wang = villages["wang"].committee_id
    old = read_package(villages["wang"].package).fingerprint
    # The township revokes 王庄村's key and takes the new one before it ever relays to the county.
    HubCommittees(world.township).revoke("王庄村", STOLEN)
    reinstalled = _village_package(villages, "wang", tmp_path, "new", township_keys[0], new_key=True)
    HubImporter(world.township, world.township_root).import_packages([reinstalled.path])

    [summary] = world.county_import([_wang(world)])
    assert summary.status == IMPORTED and summary.new_committee and summary.revocations_applied == [old]
    [committee] = [c for c in HubHoldings(world.county).committees() if c["id"] == wang]
    assert committee["fingerprint"] == reinstalled.fingerprint
    [row] = HubCommittees(world.county).revocations(wang)
    assert row.fingerprint == old and row.reason == STOLEN
    # The committee's first package straight to the county signed by the revoked key: refused.
    before = _snapshot(world.county)
    [refused] = world.county_import([_village_package(villages, "wang", tmp_path, "stolen", county_keys[0]).path])
    assert refused.status == REFUSED and refused.reason == "revoked_key" and old in refused.message
    assert _snapshot(world.county) == before


def test_a_relay_of_a_committee_whose_key_is_revoked_and_not_yet_replaced(world, villages, county_keys, tmp_path):
    """The township revoked the key, the village has not sent its new one: the relay still vouches for the
    revoked key (the rows the township took before) and carries the revocation; the county, not knowing the
    committee, registers it with that key revoked, as the township holds it, and takes the new key later."""
    wang = villages["wang"].committee_id
    old = read_package(villages["wang"].package).fingerprint
    HubCommittees(world.township).revoke("王庄村", STOLEN)
    relay = _wang(world)
    assert read_package(relay).manifest["committee"]["fingerprint"] == old
    [summary] = world.county_import([relay])
    assert summary.status == IMPORTED and summary.new_committee and summary.revocations_applied == [old]
    assert summary.new > 0
    [committee] = [c for c in HubHoldings(world.county).committees() if c["id"] == wang]
    assert committee["fingerprint"] == old and committee["key_revoked_at"] is not None
    # Twice: unchanged (the relay may vouch for the key it revokes itself).
    before = _snapshot(world.county)
    assert world.county_import([relay])[0].status == UNCHANGED
    assert _snapshot(world.county) == before
    assert world.county_import([_village_package(villages, "wang", tmp_path, "stolen", county_keys[0]).path]
                               )[0].reason == "revoked_key"
    # The village's new PC, straight to the county: its key registered as a revoked key's successor.
    renewed = _village_package(villages, "wang", tmp_path, "new", county_keys[0], new_key=True)
    [taken] = world.county_import([renewed.path])
    assert taken.status == IMPORTED and taken.new_key


def test_a_revocation_the_county_made_itself_is_left_as_it_is(world, villages):
    wang = villages["wang"].committee_id
    world.county_import(w.path for w in world.relay().written)
    HubCommittees(world.county).revoke("王庄村", "县里先吊销了")
    held = _revocation_rows(world.county)
    HubCommittees(world.township).revoke("王庄村", STOLEN)
    [summary] = world.county_import([_wang(world)])
    assert summary.status == IMPORTED and summary.relayed_revocations == 1 and summary.revocations_applied == []
    assert _revocation_rows(world.county) == held
    assert [r.reason for r in HubCommittees(world.county).revocations(wang)] == ["县里先吊销了"]


# -- a relay whose revocations were changed ------------------------------------------------------------------------------

def _rewritten(path: Path, target: Path, change) -> Path:
    """The relay with its manifest changed by ``change`` and its signature kept."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "manifest.json":
                manifest = json.loads(body)
                change(manifest)
                body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            dst.writestr(info, body)
    return target


@pytest.mark.slow  # four relays written and imported: over 5 s
def test_a_relay_whose_revocations_were_changed_is_refused_whole(world, villages, tmp_path, monkeypatch):
    world.county_import(w.path for w in world.relay().written)
    HubCommittees(world.township).revoke("王庄村", STOLEN)
    relay = _wang(world)
    before = _snapshot(world.county)

    def dropped(manifest):  # the revocation taken out, so that the stolen key would still be taken
        manifest["revocations"] = []

    def other_key(manifest):  # another key named revoked in its place
        manifest["revocations"][0]["signing_key"] = manifest["relayed_by"]["signing_key"]
        manifest["revocations"][0]["fingerprint"] = manifest["relayed_by"]["fingerprint"]

    summaries = world.county_import([_rewritten(relay, tmp_path / "dropped.xdx", dropped),
                                     _rewritten(relay, tmp_path / "other.xdx", other_key)])
    assert [s.reason for s in summaries] == ["bad_signature", "bad_signature"]
    assert _snapshot(world.county) == before

    # Signed by the township, but wrong inside (a township's bug, or a forged township folder it trusted):
    # a revocation for another committee, a fingerprint that is not its key's, a sealed part moved to
    # another revocation. Refused whole all the same.
    real = relay_module._revocations

    def broken(how):
        def revocations(held, rows, township, sealer):
            entries = real(held, rows, township, sealer)
            if entries:  # 李庄村's relay lists none
                how(entries[0])
            return entries
        return revocations

    cases = {
        "committee": (lambda e: e.update(committee_id=villages["li"].committee_id), "bad_format"),
        "fingerprint": (lambda e: e.update(fingerprint="AAAA-BBBB-CCCC-DDDD"), "bad_format"),
        "number": (lambda e: e.update(number=e["number"] + 1), "tampered"),
        "time": (lambda e: e.update(revoked_at="昨天"), "bad_format"),
    }
    for label, (how, reason) in cases.items():
        monkeypatch.setattr(relay_module, "_revocations", broken(how))
        usb = tmp_path / f"usb-{label}"
        usb.mkdir()
        [written] = [w for w in relay_module.TownshipRelay(world.township, world.township_root).write_packages(
            usb, world._county_key, resend_all=True).written if w.committee == WANG]
        [refused] = world.county_import([written.path])
        assert refused.status == REFUSED and refused.reason == reason, label
        assert "什么都没有导入" in refused.message
        assert _snapshot(world.county) == before, label
    monkeypatch.setattr(relay_module, "_revocations", real)
    assert world.county_import([relay])[0].revocations_applied != []


def test_the_relay_command_says_how_many_revocations_it_carries(world, tmp_path, monkeypatch, capsys):
    from tests.test_hub_relay import CLERK, CLERK_PASSWORD
    from xinye_desktop.__main__ import main

    HubCommittees(world.township).revoke("王庄村", STOLEN)
    key_file = tmp_path / "county-key.txt"
    HubSetup(world.county).write_key_file(key_file)
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    world.township.close()
    assert main(["hub-export-package", "--to", str(world.usb), "--county-key", str(key_file), "--month", "2026-03",
                 "--data-dir", str(world.township_root), "--user", CLERK]) == 0
    out = capsys.readouterr().out
    [wang_line] = [line for line in out.splitlines() if line.startswith(WANG)]
    assert "本司法所吊销的签名密钥 1 把" in wang_line
    assert "吊销" not in next(line for line in out.splitlines() if line.startswith(LI))
    world.township = Database(world.township_root / "xinye.sqlite3")
    assert main(["import-package", str(world.usb), "--data-dir", str(world.county_root)]) == 0
    assert "照样吊销其中 1 把" in capsys.readouterr().out


def test_a_revocation_relayed_before_the_last_relay_reached_the_county_does_not_overwrite_it(world, villages,
                                                                                             county_keys, tmp_path):
    """The clerk relays, revokes a key, and relays again onto the same drive before going to the county: the
    second relay (the revocation alone: the rows went with the first) gets a name of its own, after the first's."""
    first = world.relay()
    HubCommittees(world.township).revoke("王庄村", "U盘丢过一次")
    [second] = world.relay().written
    assert second.path.name == "王庄村-2026-03-经王庄镇（2）.xdx" and second.counts.get("cases", 0) == 0
    assert all(w.path.exists() for w in first.written)
    summaries = world.county_import([world.usb])  # the drive's folder, in the order of the names
    assert [(s.name, s.status) for s in summaries] == [
        ("李庄村-2026-03-经王庄镇.xdx", IMPORTED), ("王庄村-2026-03-经王庄镇.xdx", IMPORTED),
        (second.path.name, IMPORTED)]
    assert summaries[-1].revocations_applied != [] and summaries[-1].flags == [] and summaries[-1].new == 0
    assert _rows(world.county) == _rows(world.township)

    # Taken the other way round (files picked one by one): the older relay vouches for the key the county now
    # holds revoked, by this township: still taken (the township took those rows before it revoked the key).
    other = _hub(tmp_path / "county-2", HubMode.COUNTY, "新野县", county_keys, accounts=False)
    try:
        wang_first = next(w.path for w in first.written if w.committee == WANG)
        importer = HubImporter(other, tmp_path / "county-2")
        revocation, rows = importer.import_packages([second.path, wang_first])
        assert (revocation.status, rows.status) == (IMPORTED, IMPORTED) and rows.new > 0
        assert revocation.revocations_applied != []
        assert len(HubCommittees(other).revocations()) == 1
    finally:
        other.close()
