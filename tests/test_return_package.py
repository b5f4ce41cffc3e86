"""The hub's return package (回执包) and the village's import of it (issue 16 item 4; services/hub/returns.py,
services/exchange/returns_import.py): the round trip hub → village, the acknowledgement shrinking the next
package, idempotence, every refusal (another signing key, another committee, another hub key, tampered,
truncated, zip-slip, older), the settings applied, the decisions visible (service and UI), the roles, the
command line. The hub on SQLite, and on PostgreSQL where tests/postgres.py's cluster starts."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import committee_copy
from xinye_desktop.domain.accounts import AccountRole
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.hub import HubMode, ReviewDecision, ReviewGrade
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.services.exchange import ExchangeService, PackageRefused, new_hub_keys, read_package
from xinye_desktop.services.exchange.format import (
    ACKNOWLEDGED_SETTING, HUB_KEY_SETTING, HUB_SIGNING_SETTING, INSTALLERS_FOLDER,
)
from xinye_desktop.services.exchange.returns_import import IMPORTED, UNCHANGED, ReturnImporter, read_return
from xinye_desktop.services.hub import HubImporter, HubReviews, HubSetup
from xinye_desktop.services.hub.returns import HubReturns
from xinye_desktop.services.settings import SettingsService
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.hub_database import HubDatabase
from xinye_desktop.storage.sealing import SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
WANG = "新野县王庄镇王庄村人民调解委员会"
LI = "新野县王庄镇李庄村人民调解委员会"
REASON = "当事人张德明的签名与身份证不符，请补正"  # a reason naming a person: never clear on the drive
REVIEWER = "审核员刘晓红"


@dataclass
class Village:
    root: Path
    name: str
    committee_id: str
    package: Path  # its first, full package (2026-03)
    up_to: int


@pytest.fixture(scope="module")
def hub_keys():
    return new_hub_keys()


@pytest.fixture(scope="module")
def villages(demo_template, tmp_path_factory, hub_keys) -> dict[str, Village]:
    base = tmp_path_factory.mktemp("return-villages")
    made = {}
    for key, name in (("wang", WANG), ("li", LI)):
        root = base / key / "data"
        committee_id = committee_copy(demo_template().root, root, name)
        db = Database(root / "xinye.sqlite3")
        AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
        written = ExchangeService(db, root).write_package(base / key, hub_public_key=hub_keys[0], period="2026-03")
        db.close()
        made[key] = Village(root, name, committee_id, written.path, written.up_to)
    return made


@pytest.fixture
def village_copy(villages, tmp_path):
    """``copy(key)``: (db, root) of a copy of the village's folder, its administrator logged in."""
    opened = []

    def copy(key: str):
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
    returns: HubReturns
    engine: str


def _open_hub(kind: str, root: Path, request) -> Database:
    DataPaths(root).create()
    db = Database(root / "xinye.sqlite3") if kind == "sqlite" else HubDatabase(request.getfixturevalue("postgres_url"))
    db.ensure_schema()
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub(request, tmp_path, hub_keys, villages) -> Hub:
    """A 司法所 of 王庄镇 with the test hub's key pair, both villages' first packages imported."""
    root = tmp_path / "hub"
    db = _open_hub(request.param, root, request)
    HubSetup(db).set_up(HubMode.TOWNSHIP, "新野县王庄镇", keys=hub_keys)
    summaries = HubImporter(db, root).import_packages([villages["wang"].package, villages["li"].package])
    assert [s.status for s in summaries] == ["imported", "imported"]
    yield Hub(db, root, HubReturns(db), request.param)
    db.close()


def _cases(hub: Hub, committee_id: str) -> list[dict]:
    with hub.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT uuid, case_number FROM hub_rows WHERE committee_id = :c AND "
                                 "table_name = 'cases' ORDER BY case_number"), {"c": committee_id}).all()
    return [{"uuid": u, "case_number": n} for u, n in rows]


def _case_id(db: Database, case_uuid: str) -> int:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT id FROM cases WHERE uuid = ?", (case_uuid,)).fetchone()[0]
    finally:
        conn.close()


def _village_state(db: Database) -> dict:
    """Every row a return import may write: settings, decisions, the audit trail."""
    with db.engine.connect() as conn:
        return {table: sorted((tuple(r) for r in conn.execute(text(f"SELECT * FROM {table}"))), key=repr)
                for table in ("settings", "return_decisions", "audit_log")}


def _usb(tmp_path: Path, name: str = "usb") -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def _reviewed(hub: Hub, village: Village) -> tuple[dict, dict]:
    """Two of the village's cases reviewed at the hub: one approved and graded, one returned with a reason."""
    approved, returned = _cases(hub, village.committee_id)[:2]
    reviews = HubReviews(hub.db)
    reviews.review(village.committee_id, approved["uuid"], ReviewGrade.DIFFICULT, ReviewDecision.APPROVED)
    reviews.review(village.committee_id, returned["uuid"], ReviewGrade.ORDINARY, ReviewDecision.RETURNED, REASON)
    return approved, returned


# -- the round trip -----------------------------------------------------------------------------------------------

def test_round_trip_hub_to_village_acknowledges_decides_and_sets(hub, villages, village_copy, tmp_path, hub_keys):
    wang = villages["wang"]
    approved, returned = _reviewed(hub, wang)
    settings = hub.returns.set_village_settings(case_prefix="王", visit_interval_days="45")
    assert settings == {"case_prefix": "王", "visit_interval_days": 45}
    installer = tmp_path / "三理室调解台-安装-2.0.exe"
    installer.write_bytes(b"MZ" + bytes(range(256)) * 400)
    usb = _usb(tmp_path)
    written = hub.returns.write_returns(usb, "王庄村", installer=installer)
    [one] = written
    assert one.path.name == f"王庄村-回执-{dt.date.today():%Y-%m}.xdr" and one.sequence == 1
    assert (one.acknowledged, one.decisions, one.withheld) == (wang.up_to, 2, 0)
    # A lost drive: no reason, no reviewer's name in the file's bytes (sealed to the village's key).
    raw = one.path.read_bytes()
    with zipfile.ZipFile(one.path) as zf:
        unpacked = b"".join(zf.read(n) for n in zf.namelist())
    for secret in (REASON, "张德明"):
        assert secret.encode() not in raw and secret.encode() not in unpacked

    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    assert importer.hub_fingerprint() is None
    done = importer.import_return(one.path)
    assert done.status == IMPORTED and done.first_time and done.sequence == 1
    assert done.fingerprint == hub.returns.signing_fingerprint() == importer.hub_fingerprint()
    assert done.decisions == {"new": 2, "updated": 0, "unchanged": 0}
    assert done.acknowledged == wang.up_to == int(db.read_settings()[ACKNOWLEDGED_SETTING])
    assert done.settings == {"case_prefix": ["新", "王"], "visit_interval_days": ["30", "45"]}
    loaded = SettingsService(db).load()
    assert (loaded.case_prefix, loaded.visit_interval_days) == ("王", 45)
    assert done.installer == root / INSTALLERS_FOLDER / installer.name
    assert done.installer.read_bytes() == installer.read_bytes()
    assert not [p for p in (root / INSTALLERS_FOLDER).iterdir() if p.name.endswith(".partial")]

    # The decisions, per case, the reason opened; sealed with the data key at rest.
    [got] = importer.decisions(_case_id(db, returned["uuid"]))
    assert (got.grade, got.decision, got.reason, got.office) == (ReviewGrade.ORDINARY, ReviewDecision.RETURNED,
                                                                  REASON, "新野县王庄镇司法所")
    assert got.case_number == returned["case_number"] and not got.reason_withheld
    [first] = importer.decisions(_case_id(db, approved["uuid"]))
    assert (first.grade, first.decision, first.reason) == (ReviewGrade.DIFFICULT, ReviewDecision.APPROVED, "")
    assert REASON.encode() not in (root / "xinye.sqlite3").read_bytes()
    # One audit row for the import.
    trail = [json.loads(r[6]) for r in _village_state(db)["audit_log"]]
    assert [e["sequence"] for e in trail if e.get("what") == "return_package"] == [1]
    # The hub's X25519 key: the one the village already encrypted to, kept.
    from xinye_desktop.services.exchange.crypto import b64

    assert db.read_settings()[HUB_KEY_SETTING] == b64(hub_keys[0])


def test_the_acknowledgement_shrinks_the_next_package(hub, villages, village_copy, tmp_path, hub_keys):
    wang = villages["wang"]
    db, root = village_copy("wang")
    canvasses = CanvassService(db)
    changed = canvasses.list()[0]
    canvasses.update(changed.id, CanvassInput(held_on=changed.held_on.isoformat(), village_id=changed.village_id,
                                              done_by="王保国", found="9", prevented="4"),
                     expected_version=changed.version)
    before = ExchangeService(db, root).write_package(_usb(tmp_path, "before"), hub_public_key=hub_keys[0],
                                                     period="2026-04")
    assert before.since == 0 and sum(before.counts.values()) > 1000  # nothing acknowledged yet: everything
    [one] = hub.returns.write_returns(_usb(tmp_path), wang.committee_id)
    ReturnImporter(db, root).import_return(one.path)
    after = ExchangeService(db, root).write_package(_usb(tmp_path, "after"), period="2026-04")  # hub key kept
    assert after.since == wang.up_to
    assert after.counts == {"canvasses": 1, "documents": 0}
    # And the hub takes it without a gap.
    [summary] = HubImporter(hub.db, hub.root).import_packages([after.path])
    assert summary.status == "imported" and summary.updated == 1 and not summary.flags


def test_importing_the_same_return_twice_changes_nothing(hub, villages, village_copy, tmp_path):
    _reviewed(hub, villages["wang"])
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    assert importer.import_return(one.path).status == IMPORTED
    state = _village_state(db)
    again = importer.import_return(one.path)
    assert again.status == UNCHANGED and again.at
    assert _village_state(db) == state


def test_a_newer_return_replaces_a_decision_and_an_older_one_is_refused(hub, villages, village_copy, tmp_path):
    wang = villages["wang"]
    approved, _returned = _reviewed(hub, wang)
    [first] = hub.returns.write_returns(_usb(tmp_path, "first"), "王庄村")
    HubReviews(hub.db).review(wang.committee_id, approved["uuid"], ReviewGrade.MAJOR, ReviewDecision.RETURNED,
                              "补充回访记录")
    [second] = hub.returns.write_returns(_usb(tmp_path, "second"), "王庄村")
    assert second.sequence == 2
    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    done = importer.import_return(second.path)
    assert done.decisions == {"new": 2, "updated": 0, "unchanged": 0}
    state = _village_state(db)
    with pytest.raises(PackageRefused, match="第 1 号回执.*已经导入了第 2 号") as refused:
        importer.import_return(first.path)
    assert refused.value.reason == "older" and _village_state(db) == state
    [got] = importer.decisions(_case_id(db, approved["uuid"]))
    assert (got.grade, got.decision, got.reason) == (ReviewGrade.MAJOR, ReviewDecision.RETURNED, "补充回访记录")


# -- refusals ----------------------------------------------------------------------------------------------------

def _rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the zip with ``change(name, data) -> (name, data) | None`` applied to each member."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            changed = change(info.filename, zin.read(info.filename))
            if changed is not None:
                zout.writestr(changed[0], changed[1])
    return target


def _refused(importer: ReturnImporter, db: Database, path: Path, reason: str, match: str) -> None:
    state = _village_state(db)
    with pytest.raises(PackageRefused, match=match) as refused:
        importer.import_return(path)
    assert refused.value.reason == reason
    assert _village_state(db) == state


def test_a_return_signed_by_another_key_for_another_committee_or_another_hub_is_refused(
        hub, villages, village_copy, tmp_path, request, hub_keys):
    [wang_return] = [w.path for w in hub.returns.write_returns(_usb(tmp_path, "a"), "王庄村")]
    [li_return] = [w.path for w in hub.returns.write_returns(_usb(tmp_path, "b"), "李庄村")]
    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    _refused(importer, db, li_return, "other_committee", "是发给新野县王庄镇李庄村人民调解委员会的")
    assert importer.import_return(wang_return).status == IMPORTED  # pins this hub's signing key

    # Another hub with the same X25519 key pair (a copied folder) but its own signing key: refused.
    other_root = tmp_path / "other-hub"
    other_db = _open_hub("sqlite", other_root, request)
    HubSetup(other_db).set_up(HubMode.TOWNSHIP, "王庄镇", keys=hub_keys)
    HubImporter(other_db, other_root).import_packages([villages["wang"].package])
    for _ in range(3):  # its sequence above the first hub's: only the key tells them apart
        [forged] = [w.path for w in HubReturns(other_db).write_returns(_usb(tmp_path, "c"), "王庄村")]
    other_db.close()
    _refused(importer, db, forged, "other_key", "另一把签名密钥签的.*电话")

    # A village that encrypts to another hub's X25519 key refuses a return naming this one.
    db2, root2 = village_copy("wang")
    with db2.transaction() as uow:
        uow.settings.set(HUB_KEY_SETTING, "A" * 43 + "=")
    _refused(ReturnImporter(db2, root2), db2, wang_return, "other_hub", "司法所公钥.*不一致")


def test_a_tampered_truncated_or_zip_slip_return_is_refused(hub, villages, village_copy, tmp_path):
    _reviewed(hub, villages["wang"])
    [good] = [w.path for w in hub.returns.write_returns(_usb(tmp_path), "王庄村", installer=_installer(tmp_path))]
    db, root = village_copy("wang")
    importer = ReturnImporter(db, root)
    work = _usb(tmp_path, "bad")

    def edit_settings(name, data):
        return (name, b'{"case_prefix":"\xe5\x81\x87"}') if name == "settings.json" else (name, data)

    _refused(importer, db, _rewrite(good, work / "settings.xdr", edit_settings), "tampered", "与它签名的清单不符")

    def edit_manifest(name, data):
        if name != "manifest.json":
            return name, data
        manifest = json.loads(data)
        manifest["acknowledged"] += 1000
        return name, json.dumps(manifest).encode()

    _refused(importer, db, _rewrite(good, work / "manifest.xdr", edit_manifest), "bad_signature", "签名不对")

    def swap_installer(name, data):
        return (name, b"MZ evil") if name.startswith("installer/") else (name, data)

    _refused(importer, db, _rewrite(good, work / "installer.xdr", swap_installer), "tampered", "installer")
    assert not (root / INSTALLERS_FOLDER).exists()

    def slip(name, data):
        return ("../../evil.exe", data) if name.startswith("installer/") else (name, data)

    _refused(importer, db, _rewrite(good, work / "slip.xdr", slip), "unsafe_name", "不安全")
    assert not (root.parent / "evil.exe").exists() and not (root / "evil.exe").exists()

    data = good.read_bytes()
    (work / "cut.xdr").write_bytes(data[: len(data) // 2])
    _refused(importer, db, work / "cut.xdr", "not_a_package", "不是回执包，或者文件不完整")
    flipped = bytearray(data)
    flipped[len(flipped) // 3] ^= 0x40
    (work / "flip.xdr").write_bytes(bytes(flipped))
    with pytest.raises(PackageRefused) as refused:
        importer.import_return(work / "flip.xdr")
    assert refused.value.reason in ("damaged", "tampered", "not_a_package")
    # An upward package is no return package.
    _refused(importer, db, villages["wang"].package, "unsafe_name", "不安全或不认识")
    assert importer.import_return(good).status == IMPORTED  # and the good one still imports


def _installer(tmp_path: Path) -> Path:
    installer = tmp_path / "setup-2.0.exe"
    installer.write_bytes(b"MZ" + b"\x90" * 5000)
    return installer


def test_a_committee_whose_packages_name_no_key_gets_the_decisions_without_their_reasons(
        hub, villages, village_copy, tmp_path):
    wang = villages["wang"]
    _reviewed(hub, wang)
    with hub.db.transaction() as uow:
        uow.session.execute(text("UPDATE hub_committees SET return_key = NULL WHERE id = :c"), {"c": wang.committee_id})
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    assert one.withheld == 2
    package = read_return(one.path)
    assert all(line.get("withheld") and "personal" not in line for line in package.decisions)
    assert REASON.encode() not in one.path.read_bytes()
    db, root = village_copy("wang")
    done = ReturnImporter(db, root).import_return(one.path)
    assert done.withheld == 2
    returned = _cases(hub, wang.committee_id)[1]
    [got] = ReturnImporter(db, root).decisions(_case_id(db, returned["uuid"]))
    assert got.decision is ReviewDecision.RETURNED and got.reason == "" and got.reason_withheld


def test_bad_hub_settings_are_refused_and_change_nothing(hub):
    with pytest.raises(Refused):
        hub.returns.set_village_settings(case_prefix="AB")
    with pytest.raises(Refused, match="1到"):
        hub.returns.set_village_settings(visit_interval_days="0")
    with pytest.raises(Refused):
        hub.returns.set_village_settings()
    assert hub.returns.village_settings() == {}
    hub.returns.set_village_settings(visit_interval_days="60")
    assert hub.returns.set_village_settings(visit_interval_days="") == {}


# -- roles ---------------------------------------------------------------------------------------------------------

def test_only_an_administrator_imports_a_return(hub, villages, village_copy, tmp_path):
    _reviewed(hub, villages["wang"])
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    db, root = village_copy("wang")
    accounts = AccountService(db, cost=CHEAP)
    admin = accounts.login(ADMIN, PASSWORD)
    for username, name, role in (("chayue", "赵建民", AccountRole.VIEWER), ("tiaojie", "刘振华", AccountRole.MEDIATOR)):
        accounts.add_account(admin, username, name, role, "临时密码0001")
        session = accounts.login(username, "临时密码0001")
        accounts.change_password(session, "临时密码0001", "自己的密码2026ab")
        accounts.logout(accounts.current)
    for username in ("chayue", "tiaojie"):
        accounts.login(username, "自己的密码2026ab")
        state = _village_state(db)
        with pytest.raises(Refused) as refused:
            ReturnImporter(db, root).import_return(one.path)
        assert not isinstance(refused.value, PackageRefused)
        assert _village_state(db) == state
        accounts.logout(accounts.current)
    accounts.login(ADMIN, PASSWORD)
    assert ReturnImporter(db, root).import_return(one.path).status == IMPORTED
    accounts.logout(accounts.current)
    accounts.login("chayue", "自己的密码2026ab")  # a 查阅 account sees the decisions
    returned = _cases(hub, villages["wang"].committee_id)[1]
    [got] = ReturnImporter(db, root).decisions(_case_id(db, returned["uuid"]))
    assert got.reason == REASON


# -- the hub's signing key ------------------------------------------------------------------------------------------

def test_the_hub_s_signing_key_is_made_once_and_kept_sealed_when_accounts_come_later(
        tmp_path, villages, hub_keys, request):
    root = tmp_path / "hub"
    db = _open_hub("sqlite", root, request)
    HubSetup(db).set_up(HubMode.TOWNSHIP, "王庄镇", keys=hub_keys)
    HubImporter(db, root).import_packages([villages["wang"].package])
    returns = HubReturns(db)
    assert returns.signing_fingerprint() is None
    [first] = returns.write_returns(_usb(tmp_path), "王庄村")
    public = db.read_settings()[SIGNING_PUBLIC_SETTING]
    assert first.fingerprint == returns.signing_fingerprint()
    AccountService(db, cost=CHEAP).create_first_admin("zhangsf", "张司法", "司法所2026审核")
    settings = db.read_settings()
    assert settings[SIGNING_PUBLIC_SETTING] == public and settings[SIGNING_PRIVATE_SETTING].startswith("xs1:")
    [second] = returns.write_returns(_usb(tmp_path, "later"), "王庄村")
    assert second.fingerprint == first.fingerprint and second.sequence == 2
    db.close()


# -- the command line ------------------------------------------------------------------------------------------------

def test_the_hub_return_hub_settings_and_import_return_commands(tmp_path, villages, village_copy, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    hub_root = tmp_path / "hub"
    hub_root.mkdir()
    assert main(["hub-setup", "--mode", "司法所", "--area", "新野县王庄镇", "--data-dir", str(hub_root)]) == 0
    key = (hub_root / "hub-key.txt")
    db, root = village_copy("wang")
    db.close()
    usb = _usb(tmp_path)
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["export-package", "--to", str(usb), "--month", "2026-03", "--hub-key", str(key),
                 "--data-dir", str(root), "--user", ADMIN]) == 0
    assert main(["import-package", str(usb), "--data-dir", str(hub_root)]) == 0
    capsys.readouterr()
    assert main(["hub-settings", "--case-prefix", "王", "--data-dir", str(hub_root)]) == 0
    assert "案号前缀 王" in capsys.readouterr().out
    assert main(["hub-settings", "--visit-days", "abc", "--data-dir", str(hub_root)]) == 2
    back = _usb(tmp_path, "back")
    assert main(["hub-return", "--to", str(back), "--committee", "赵庄村", "--data-dir", str(hub_root)]) == 2
    assert main(["hub-return", "--to", str(back), "--data-dir", str(hub_root)]) == 0
    out = capsys.readouterr().out
    [written] = list(back.glob("*.xdr"))
    assert written.name.startswith("王庄村-回执-") and "第 1 号" in out and "指纹" in out
    assert main(["import-return", str(written), "--data-dir", str(root)]) == 3  # accounts there: --user
    assert "--user" in capsys.readouterr().err
    assert main(["import-return", str(written), "--data-dir", str(root), "--user", ADMIN]) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "电话" in out and "案号前缀 新 → 王" in out
    assert main(["import-return", str(written), "--data-dir", str(root), "--user", ADMIN]) == 0
    assert "已经导入过" in capsys.readouterr().out
    (back / "bad.xdr").write_bytes(b"PK\x03\x04 not a zip")
    assert main(["import-return", str(back / "bad.xdr"), "--data-dir", str(root), "--user", ADMIN]) == 1
    assert "不是回执包" in capsys.readouterr().err
