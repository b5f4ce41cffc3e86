"""Revoking a village committee's signing key at the hub (issue 16 items 1 and 6; services/hub/committees.py,
migration 0015): the village PC lost or stolen, a clerk revokes its key; a package signed by that key is then
refused with its own message and nothing written (for whichever committee it names), the committee's next
package signed by a new key registers that key to be confirmed by phone, the rows already imported stay, and
revoking is refused twice, for an unknown committee, without a reason and for a role that may not. On SQLite,
and on PostgreSQL where tests/postgres.py's cluster starts (the ``hub`` fixture of tests/test_hub_import.py).

The villages are tests/test_hub_import.py's: copies of the session's demo folder, each a committee of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_hub_import import (  # noqa: F401  (hub_keys, villages, village_copy, hub: fixtures)
    ADMIN, CHEAP, PASSWORD, Hub, _one, _open_hub, _snapshot, hub, hub_keys, village_copy, villages,
)
from xinye_desktop.domain.accounts import AccountRole, NotPermitted
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.hub import HubMode
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.exchange import read_package
from xinye_desktop.services.hub import IMPORTED, REFUSED, HubCommittees, HubHoldings, HubImporter, HubSetup
from xinye_desktop.services.hub.committees import REASON_LIMIT
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.sealing import SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING

WANG_NAME = "新野县王庄镇王庄村人民调解委员会"
STOLEN = "村委会办公室的电脑被盗（2026年4月1日报案）"
FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}")


def _package(village_copy, key: str, folder: Path, hub_keys, *, new_key: bool = False,
             committee: tuple[str, str] | None = None):
    """A later package (2026-04, one canvass more) of village ``key``: from its own PC (its registered key),
    from a PC set up again (``new_key``: a new signing key, the same committee), or from its PC made to claim
    another committee (``committee``: (id, name))."""
    db, service, _root = village_copy(key)
    if new_key:  # what the village's administrator does: ExchangeService.new_signing_key (new-signing-key)
        old, new = service.new_signing_key()
        assert old == service.signing_fingerprint() or old != new
        assert service.signing_fingerprint() == new and FINGERPRINT.fullmatch(new)
    if committee:
        with db.transaction() as uow:
            uow.settings.set("committee_id", committee[0])
            uow.settings.set("committee_name", committee[1])
    CanvassService(db).add(CanvassInput(held_on="2026-04-02", village_name="王庄村", done_by="王保国", found="1",
                                        prevented="0"))
    folder.mkdir()
    return service.write_package(folder, hub_public_key=hub_keys[0], period="2026-04")


def _trail(hub: Hub) -> list[dict]:
    return [json.loads(row[6]) for row in sorted(_snapshot(hub.db)["audit_log"])]


def test_a_revoked_key_s_packages_are_refused_and_the_committee_s_new_key_is_then_registered(
        hub, villages, village_copy, hub_keys, tmp_path):
    wang = villages["wang"]
    first = _one(hub, wang.package)
    registered = read_package(wang.package).fingerprint
    hub.holdings.confirm_committee(wang.committee_id, registered)
    stolen = _package(village_copy, "wang", tmp_path / "stolen", hub_keys)  # the lost PC, its key
    reinstalled = _package(village_copy, "wang", tmp_path / "new", hub_keys, new_key=True)
    assert reinstalled.fingerprint != registered

    # Before the revocation the new key is only another key, refused.
    before = _snapshot(hub.db)
    assert _one(hub, reinstalled.path).reason == "other_key"
    assert _snapshot(hub.db) == before

    revoked = HubCommittees(hub.db).revoke("王庄村", f"  {STOLEN}  ")
    assert (revoked.committee_id, revoked.fingerprint, revoked.reason) == (wang.committee_id, registered, STOLEN)
    assert FINGERPRINT.fullmatch(revoked.fingerprint)
    entry = _trail(hub)[-1]
    assert entry == {"what": "hub_revoke_key", "committee": wang.committee_id, "fingerprint": registered,
                     "revocation": entry["revocation"]}
    rows = len(_trail(hub))
    with hub.db.transaction() as uow:
        assert uow.audit.verify() == (rows, None)  # the chain holds, on both engines
    [committee] = hub.holdings.committees()
    assert committee["fingerprint"] == registered and committee["key_revoked_at"] is not None
    assert committee["confirmed_at"] is None and committee["return_key"] is None  # the lost PC holds its private half
    [row] = HubCommittees(hub.db).revocations(wang.committee_id)
    assert (row.fingerprint, row.reason) == (registered, STOLEN)
    after = _snapshot(hub.db)
    for table in ("hub_rows", "hub_packages", "hub_figures", "hub_documents"):  # nothing imported is lost
        assert after[table] == before[table], table
    assert sum(hub.holdings.row_counts().values()) == first.new

    # The revoked key's packages: refused whole, with their own message, even the one imported before.
    with pytest.raises(Refused, match="吊销"):  # and it cannot be confirmed again
        hub.holdings.confirm_committee(wang.committee_id, registered)
    for path in (stolen.path, wang.package):
        summary = _one(hub, path)
        assert summary.status == REFUSED and summary.reason == "revoked_key"
        assert registered in summary.message and "已于" in summary.message and "被本司法所吊销" in summary.message
        assert WANG_NAME in summary.message and "没有导入" in summary.lines()[0]
        assert _snapshot(hub.db) == after

    # The reinstalled PC's package registers its key, to be confirmed by phone; the rows come in as ever.
    summary = _one(hub, reinstalled.path)
    assert summary.status == IMPORTED and summary.new_key and not summary.new_committee
    text = "\n".join(summary.lines())
    assert reinstalled.fingerprint in text and "吊销" in text and "电话" in text
    assert summary.new >= 1 and summary.unchanged > 0
    [committee] = hub.holdings.committees()
    assert committee["fingerprint"] == reinstalled.fingerprint and committee["key_revoked_at"] is None
    assert committee["confirmed_at"] is None
    assert committee["return_key"] == read_package(reinstalled.path).manifest["committee"]["return_key"]
    assert _trail(hub)[-1]["what"] == "hub_import" and _trail(hub)[-1]["new_key"] == reinstalled.fingerprint
    hub.holdings.confirm_committee(wang.committee_id, reinstalled.fingerprint)

    # From then on: the revoked key stays refused, the new one is the committee's, a third is another key.
    assert _one(hub, stolen.path).reason == "revoked_key"
    third = _package(village_copy, "wang", tmp_path / "third", hub_keys, new_key=True)
    assert _one(hub, third.path).reason == "other_key"


def test_a_key_revoked_for_one_committee_signs_for_no_other(hub, villages, village_copy, hub_keys, tmp_path):
    wang = villages["wang"]
    _one(hub, wang.package)
    _one(hub, villages["li"].package)
    HubCommittees(hub.db).revoke(wang.committee_id, STOLEN)
    before = _snapshot(hub.db)
    # The stolen PC made to claim a committee the hub has never heard of: its key is still the revoked one.
    claimed = _package(village_copy, "wang", tmp_path / "claimed", hub_keys,
                       committee=("0b5a4c1e-7d3f-4b8e-9a21-5c6d7e8f9a0b", "新野县王庄镇赵庄村人民调解委员会"))
    summary = _one(hub, claimed.path)
    assert summary.status == REFUSED and summary.reason == "revoked_key"
    assert WANG_NAME in summary.message  # the committee it was revoked for
    assert _snapshot(hub.db) == before
    assert len(hub.holdings.committees()) == 2  # no committee registered for it


def test_revoking_is_refused_twice_for_an_unknown_committee_and_without_a_reason(hub, villages):
    wang = villages["wang"]
    _one(hub, wang.package)
    committees = HubCommittees(hub.db)
    before = _snapshot(hub.db)
    for which, reason, said in (("王庄村", "", "写明理由"), ("王庄村", " \n ", "写明理由"),
                                ("王庄村", "丢" * (REASON_LIMIT + 1), "太长"),
                                ("赵庄村", STOLEN, "还没有收到过"), ("", STOLEN, "还没有收到过")):
        with pytest.raises(Refused, match=said):
            committees.revoke(which, reason)
        assert _snapshot(hub.db) == before, which
    committees.revoke(WANG_NAME, STOLEN)  # by the full name too
    revoked = _snapshot(hub.db)
    with pytest.raises(Refused, match="已于") as again:
        committees.revoke(wang.committee_id, "再吊销一次")
    assert read_package(wang.package).fingerprint in again.value.text()
    assert _snapshot(hub.db) == revoked
    assert [e["what"] for e in _trail(hub)].count("hub_revoke_key") == 1


def test_two_committees_of_one_village_name_are_revoked_only_by_their_full_name(hub, villages):
    wang = villages["wang"]
    _one(hub, wang.package)
    _one(hub, villages["li"].package)
    with hub.db.transaction() as uow:  # as if both named the same village (two PCs of one village)
        from xinye_desktop.storage.hub_repositories import HubRepository

        HubRepository(uow.session).update_committee(villages["li"].committee_id, village="王庄村")
    before = _snapshot(hub.db)
    with pytest.raises(Refused, match="对应多个调委会"):
        HubCommittees(hub.db).revoke("王庄村", STOLEN)
    assert _snapshot(hub.db) == before


def test_only_a_role_that_may_change_settings_revokes_a_key(tmp_path, villages, hub_keys, request):
    root = tmp_path / "hub"
    db = _open_hub("sqlite", root, request)
    HubSetup(db).set_up(HubMode.TOWNSHIP, "王庄镇", keys=hub_keys)
    accounts = AccountService(db, cost=CHEAP)
    admin = accounts.create_first_admin("zhangsf", "张司法", "司法所2026审核").session
    assert HubImporter(db, root).import_packages([villages["wang"].package])[0].status == IMPORTED
    for username, name, role in (("chayue", "赵建民", AccountRole.VIEWER), ("tiaojie", "刘振华", AccountRole.MEDIATOR)):
        accounts.add_account(admin, username, name, role, "临时密码0001")
    accounts.logout(accounts.current)
    try:
        with pytest.raises(Refused, match="请先登录"):
            HubCommittees(db).revoke("王庄村", STOLEN)
        for username in ("chayue", "tiaojie"):
            session = accounts.login(username, "临时密码0001")
            accounts.change_password(session, "临时密码0001", "自己的密码2026ab")
            before = _snapshot(db)
            with pytest.raises(NotPermitted):
                HubCommittees(db).revoke("王庄村", STOLEN)
            assert _snapshot(db) == before
            accounts.logout(accounts.current)
        accounts.login("zhangsf", "司法所2026审核")
        assert HubCommittees(db).revoke("王庄村", STOLEN).fingerprint == read_package(villages["wang"].package).fingerprint
        assert HubHoldings(db).committees()[0]["key_revoked_at"] is not None
    finally:
        db.close()


def test_the_hub_revoke_key_command(tmp_path, village_copy, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    hub_root = tmp_path / "hub"
    hub_root.mkdir()
    assert main(["hub-setup", "--mode", "司法所", "--area", "新野县王庄镇", "--data-dir", str(hub_root)]) == 0
    _db, _service, root = village_copy("wang")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(["export-package", "--to", str(usb), "--month", "2026-03", "--hub-key", str(hub_root / "hub-key.txt"),
                 "--data-dir", str(root), "--user", ADMIN]) == 0
    [written] = usb.iterdir()
    fingerprint = read_package(written).fingerprint
    assert main(["import-package", str(written), "--data-dir", str(hub_root)]) == 0
    capsys.readouterr()

    hub_db = Database(hub_root / "xinye.sqlite3")
    AccountService(hub_db, cost=CHEAP).create_first_admin("zhangsf", "张司法", PASSWORD)
    hub_db.close()
    args = ["hub-revoke-key", "王庄村", "--reason", STOLEN, "--data-dir", str(hub_root)]
    monkeypatch.delenv("XINYE_PASSWORD")
    assert main(args) == 3  # the hub has accounts now: a login first
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(args + ["--user", "zhangsf"]) == 0
    out = capsys.readouterr().out
    assert fingerprint in out and "已吊销" in out and STOLEN in out
    assert main(args + ["--user", "zhangsf"]) == 2  # twice: refused, nothing changed
    assert "已于" in capsys.readouterr().err
    assert main(["hub-revoke-key", "赵庄村", "--reason", STOLEN, "--data-dir", str(hub_root), "--user", "zhangsf"]) == 2
    assert "还没有收到过" in capsys.readouterr().err
    with pytest.raises(SystemExit) as no_reason:
        main(["hub-revoke-key", "王庄村", "--data-dir", str(hub_root), "--user", "zhangsf"])
    assert no_reason.value.code == 2
    capsys.readouterr()
    assert main(["import-package", str(written), "--data-dir", str(hub_root), "--user", "zhangsf"]) == 1
    assert "吊销" in capsys.readouterr().out

    # The village makes itself a new key (an administrator, --confirm), reads it to the 司法所, and its next
    # package registers that key at the hub.
    village = ["--data-dir", str(root), "--user", ADMIN]
    assert main(["new-signing-key", *village]) == 2
    assert "--confirm" in capsys.readouterr().err
    assert main(["new-signing-key", "--confirm", *village]) == 0
    said = capsys.readouterr().out
    new_fingerprint = FINGERPRINT.search(said).group(0)
    assert new_fingerprint != fingerprint and fingerprint in said
    village_db = Database(root / "xinye.sqlite3")
    try:
        [row] = [json.loads(r[0]) for r in village_db.engine.connect().exec_driver_sql(
            "SELECT summary FROM audit_log WHERE kind = 'settings' ORDER BY id DESC LIMIT 1")]
    finally:
        village_db.close()
    assert row["signing_key"] == [fingerprint, new_fingerprint]
    later = tmp_path / "usb-later"
    later.mkdir()
    assert main(["export-package", "--to", str(later), "--month", "2026-04", *village]) == 0
    [again] = later.iterdir()
    assert read_package(again).fingerprint == new_fingerprint
    capsys.readouterr()
    assert main(["import-package", str(again), "--data-dir", str(hub_root), "--user", "zhangsf"]) == 0
    assert "新签名密钥" in capsys.readouterr().out
