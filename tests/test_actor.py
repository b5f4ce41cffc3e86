"""The current-actor seam (storage/actor.py): who acts comes from one source the database holds, so
user accounts can replace the committee's operator setting without touching a service."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest

from tests.helpers import new_database, valid_case_input
from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.settings import CommitteeSettings, SettingsService


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


def _created_by(db, case_id: int) -> tuple[str, str]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT created_by, updated_by FROM cases WHERE id = ?", (case_id,)).fetchone()
    finally:
        conn.close()


def test_by_default_the_committee_operator_signs_history_and_new_cases(db):
    SettingsService(db).save(CommitteeSettings(committee_name="王庄村人民调解委员会", case_prefix="新王", operator="王保国"))
    intake = IntakeService(db)
    case = intake.register(valid_case_input())
    assert [e.operator for e in intake.history(case.id)] == ["王保国"]
    assert _created_by(db, case.id) == ("王保国", "王保国")
    assert db.current_actor() == "王保国"


def test_a_swapped_actor_source_signs_every_service_without_touching_them(db):
    SettingsService(db).save(CommitteeSettings(committee_name="王庄村人民调解委员会", case_prefix="新王", operator="王保国"))
    asked = []

    def account(uow) -> str:  # what a user-accounts source would be: it gets the transaction
        asked.append(uow)
        return "李桂兰（账号）"

    db.use_actor_source(account)
    intake = IntakeService(db)
    case = intake.register(valid_case_input())
    edited = intake.update(case.id, dataclasses.replace(valid_case_input(), facts=valid_case_input().facts + "补充。"),
                           expected_version=case.version)
    assert [e.operator for e in intake.history(case.id)] == ["李桂兰（账号）", "李桂兰（账号）"]
    assert _created_by(db, edited.id) == ("李桂兰（账号）", "李桂兰（账号）")
    canvass = CanvassService(db).add(CanvassInput(held_on=dt.date.today().isoformat(), village_name="王庄村", done_by="刘振华",
                                                  found="2", prevented="1"))
    assert canvass.recorded_by == "李桂兰（账号）"
    assert len(asked) == 3  # once per transaction that signs something, not once per line

    db.use_actor_source(None)  # back to the committee's setting
    case2 = intake.register(valid_case_input(tag=1))
    assert [e.operator for e in intake.history(case2.id)] == ["王保国"]
