"""The demo at county scale (issue 16 item 7; demo/county.py, ``xinye-desktop demo-county``): the county's
villages under its real townships, a hub and a village data folder per committee with its package, every
package verified and imported, the hub holding exactly what the villages hold; repeatable for a seed; and
never written over a folder that holds anything."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest

from xinye_desktop.demo.county import COUNTY_VILLAGES, TOWNSHIP_WEIGHTS, county_villages, make_county
from xinye_desktop.demo.people import TOWNSHIPS
from xinye_desktop.domain.case_number import check_prefix
from xinye_desktop.domain.enums import CaseStatus
from xinye_desktop.domain.exchange import committee_place
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.exchange import read_package
from xinye_desktop.services.hub import IMPORTED, HubHoldings, HubImporter, HubSetup
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.records import TRAVELLING_TABLES

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
TODAY = dt.date(2026, 12, 7)
CASES = 40  # a year of a small village: the 36 showcase cases (one per state worth seeing) and a few more


def _counts(database: Path) -> dict[str, int]:
    """The village's rows per table, but the role people the hub's return brought (its roster: they go up
    with the village's next package, the hub has them as its own until then)."""
    conn = sqlite3.connect(database)
    try:
        found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TRAVELLING_TABLES}
        taken = conn.execute("SELECT value FROM settings WHERE key = 'exchange_roster_versions'").fetchone()
        found["role_people"] -= len(json.loads(taken[0])) if taken else 0
    finally:
        conn.close()
    return {t: n for t, n in found.items() if n}


def _cases(database: Path) -> list[tuple]:
    conn = sqlite3.connect(database)
    try:
        return conn.execute("SELECT case_number, received_date, dispute_type, status, source, group_name "
                            "FROM cases ORDER BY id").fetchall()
    finally:
        conn.close()


def test_the_county_has_255_villages_under_its_real_townships_each_with_its_own_name_and_case_prefix():
    villages = county_villages()
    assert len(villages) == COUNTY_VILLAGES == 255
    assert {v.township for v in villages} == set(TOWNSHIPS) == set(TOWNSHIP_WEIGHTS)
    assert len({v.name for v in villages}) == 255  # a village's folder is named after it
    assert len({v.case_prefix for v in villages}) == 255  # no two committees number their cases alike
    for village in villages:
        assert check_prefix(village.case_prefix) is None, village
        assert committee_place(village.committee) == (village.township, village.name)
        assert village.name.endswith("社区" if village.township.endswith("街道") else "村")
    by_town = {t: [v.name for v in villages if v.township == t] for t in TOWNSHIPS}
    assert by_town["王庄镇"][0] == "王庄村" and by_town["上庄乡"][0] == "上庄村"  # the seat bears the township's name
    assert min(len(n) for n in by_town.values()) >= 10
    assert county_villages() == villages  # the names do not depend on anything but the count
    assert [v.township for v in county_villages(3)] == ["王庄镇", "沙堰镇", "新甸铺镇"]  # a small county: spread out
    assert {v.township for v in county_villages(12, "上港乡")} == {"上港乡"}


def test_it_refuses_a_folder_that_holds_anything_and_creates_no_folder_whose_parent_is_missing(tmp_path, capsys):
    from xinye_desktop.__main__ import main

    folder = tmp_path / "county"
    folder.mkdir()
    keep = folder / "王庄村的备份.zip"
    keep.write_bytes(b"precious")
    assert main(["demo-county", "--to", str(folder), "--villages", "1", "--cases-per-year", "0"]) == 3
    assert "不是空文件夹" in capsys.readouterr().err
    assert sorted(folder.iterdir()) == [keep] and keep.read_bytes() == b"precious"
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert main(["demo-county", "--to", str(a_file), "--villages", "1"]) == 3 and a_file.read_text() == "x"
    capsys.readouterr()
    assert main(["demo-county", "--to", str(tmp_path / "none" / "county"), "--villages", "1"]) == 2
    assert "没有新建文件夹" in capsys.readouterr().err and not (tmp_path / "none").exists()
    assert main(["demo-county", "--to", str(tmp_path / "x"), "--villages", "0"]) == 2
    assert main(["demo-county", "--to", str(tmp_path / "x"), "--hub", "司法厅"]) == 2
    assert main(["demo-county", "--to", str(tmp_path / "x"), "--hub", "司法所", "--township", "唐河镇"]) == 2
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_three_villages_a_year_make_their_folders_and_packages_and_the_hub_holds_what_they_hold(tmp_path, capsys):
    from xinye_desktop.__main__ import main

    folder = tmp_path / "county"
    folder.mkdir()  # an empty folder is taken
    assert main(["demo-county", "--to", str(folder), "--villages", "3", "--years", "1",
                 "--cases-per-year", str(CASES), "--import", "--workers", "2"]) == 0
    out = capsys.readouterr().out
    user, password = re.search(r"管理员　\S+：(\S+) / (\S+)", out).groups()
    assert "新野县司法局" in out and "已导入新野县司法局：3 个报送包" in out

    villages = county_villages(3)
    assert sorted(p.name for p in (folder / "villages").iterdir()) == sorted(v.name for v in villages)
    month = dt.date.today().strftime("%Y-%m")
    packages = {v.name: folder / "packages" / v.township / f"{v.name}-{month}.xdx" for v in villages}
    assert sorted((folder / "packages").rglob("*.xdx")) == sorted(packages.values())
    assert (folder / "hub" / "hub-key.txt").is_file()

    hub = Database(folder / "hub" / "xinye.sqlite3")
    try:
        AccountService(hub).login(user, password)  # the printed login is the hub's
        identity = HubSetup(hub).identity()
        assert (identity.name, identity.area) == ("新野县司法局", "新野县")
        held = HubHoldings(hub).row_counts()
        committees = {c["name"]: c for c in HubHoldings(hub).committees()}
        fingerprints = set()
        for village in villages:
            package = read_package(packages[village.name])  # size, names, signature, every member's hash
            assert package.manifest["committee"]["name"] == village.committee
            assert package.manifest["committee"]["township"] == village.township
            assert package.manifest["hub_key"]["fingerprint"] == identity.fingerprint
            fingerprints.add(package.fingerprint)
            database = folder / "villages" / village.name / "xinye.sqlite3"
            counts = _counts(database)
            assert counts["cases"] == CASES and counts["villages"] == 1
            committee_id = committees[village.committee]["id"]
            assert {t: n for (c, t), n in held.items() if c == committee_id} == counts
            cases = _cases(database)
            assert {CaseStatus(row[3]) for row in cases} == set(CaseStatus)  # every state a case can be in
            assert all(row[0].startswith(f"（") and village.case_prefix + "调字" in row[0] for row in cases)
            first = min(dt.date.fromisoformat(row[1]) for row in cases)
            assert (dt.date.today() - first).days <= 366  # dated over the year asked
            village_db = Database(database)  # the village's own accounts, not the hub's
            try:
                AccountService(village_db, cost=CHEAP).login("wangbg", "王庄调解2026")
            finally:
                village_db.close()
        assert len(fingerprints) == 3  # each committee its own signing key
        assert HubHoldings(hub).flags() == []  # no two committees claim one case number
        again = HubImporter(hub, folder / "hub").import_packages([folder / "packages" / v.township for v in villages])
        assert [s.status for s in again] == ["unchanged"] * 3
    finally:
        hub.close()
    assert main(["demo-county", "--to", str(folder), "--villages", "1"]) == 3  # and never again over it


@pytest.mark.slow
def test_the_same_seed_makes_the_same_villages_and_a_township_hub_takes_them(tmp_path):
    made = [make_county(tmp_path / name, villages=2, years=2, cases_per_year=20, seed=7, hub="司法所",
                        township="上港乡", today=TODAY, workers=1, hub_cost=CHEAP, import_all=True)
            for name in ("a", "b")]
    other = make_county(tmp_path / "c", villages=1, years=2, cases_per_year=20, seed=8, hub="司法所", township="上港乡",
                        today=TODAY, workers=1, hub_cost=CHEAP)
    assert made[0].hub == "新野县上港乡司法所" and {v.township for v in made[0].villages} == {"上港乡"}
    assert all(s.status == IMPORTED for run in made for s in run.imported)
    first, second = ([_cases(v.folder / "xinye.sqlite3") for v in run.villages] for run in made)
    assert first == second and len(first[0]) == 40
    assert min(dt.date.fromisoformat(row[1]) for row in first[0]) < TODAY - dt.timedelta(days=366)  # two years
    assert _cases(other.villages[0].folder / "xinye.sqlite3") != first[0]
    # The hub's review round: last month's settled files reviewed, a return package per village, imported there.
    run = made[0]
    assert len(run.returns) == len(run.villages) and run.reviewed > run.returned > 0
    assert run.returned == sum(1 for w in run.returns if w.decisions) and run.reviewed == sum(w.decisions for w in run.returns)
    for village, written in zip(sorted(run.villages, key=lambda v: v.name), sorted(run.returns, key=lambda w: w.committee)):
        conn = sqlite3.connect(village.folder / "xinye.sqlite3")
        try:
            decisions = conn.execute("SELECT count(*), sum(decision = 'returned') FROM return_decisions").fetchone()
            taken = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'exchange_roster_versions'")
                               .fetchone()[0])
            roster = conn.execute(f"SELECT role, host_kind, unit FROM role_people WHERE uuid IN "
                                  f"({','.join('?' * len(taken))}) ORDER BY role, unit", list(taken)).fetchall()
            [local_types] = conn.execute("SELECT value FROM settings WHERE key = 'dispute_types'").fetchone()
        finally:
            conn.close()
        assert decisions[0] == written.decisions and (decisions[1] or 0) == (1 if written.decisions else 0)
        assert [t["name"] for t in json.loads(local_types)][:2] == ["继承纠纷", "赡养纠纷"]  # the county's local types
        # The 司法所's roster: the township's 联村干警 and two department 见证人, in the village's role lists.
        assert written.roster == run.roster == 3 and roster == [
            ("host", "link_police", "新野县公安局上港乡派出所"), ("witness", None, "上港乡民政所"),
            ("witness", None, "上港乡自然资源所")]
