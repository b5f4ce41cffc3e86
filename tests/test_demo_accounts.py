"""The demo with accounts (issue 15, the ``demo`` command): several accounts with demo passwords, every
write done as one of them, and an audit trail that agrees with the case history line for line (same
case, action, person and moment) and reads like a committee's: logins, saves, prints, a full ID number
shown, an export, a backup; the chain intact, no full ID number or phone in it, nobody logged in after."""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
import sqlite3

import pytest

from xinye_desktop.domain.accounts import AccountRole, NotPermitted, Permission
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.audit import AuditService
from xinye_desktop.storage.database import Database

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
TODAY = dt.date(2026, 3, 16)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from xinye_desktop.demo import generate

    paths = DataPaths(tmp_path_factory.mktemp("demo-accounts") / "data")
    paths.create()
    db = Database(paths.database)
    try:
        summary = generate(db, cases=60, seed=7, today=TODAY, accounts=True, kdf_cost=CHEAP)
        with db.transaction() as uow:
            nobody = (uow.role, uow.account_id, db.sealer)
    finally:
        db.close()
    return paths, summary, nobody


def _rows(paths, sql, *args):
    conn = sqlite3.connect(paths.database)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_the_demo_makes_the_five_accounts_and_prints_their_names_and_passwords(demo):
    _paths, summary, _nobody = demo
    roles = collections.Counter(a.role for a in summary.accounts)
    assert roles == {AccountRole.ADMIN: 1, AccountRole.MEDIATOR: 2, AccountRole.RECORDER: 1, AccountRole.VIEWER: 1}
    lines = summary.account_lines()
    assert lines[0] == "演示账号（用户名 / 密码）："
    for account in summary.accounts:
        assert any(account.username in line and account.password in line and account.role.label in line
                   for line in lines)
    assert summary.recovery_key and summary.recovery_key in lines[-1]


def test_each_demo_account_logs_in_with_its_printed_password_and_has_its_role(demo, tmp_path):
    import shutil

    paths, summary, nobody = demo
    assert nobody == ("", None, None), "nobody is logged in when the demo is done"
    copy = DataPaths(tmp_path / "data")
    shutil.copytree(paths.root, copy.root)
    db = Database(copy.database)
    try:
        accounts = AccountService(db, cost=CHEAP)
        for account in summary.accounts:
            session = accounts.login(account.username, account.password)
            assert (session.role, session.display_name, session.must_set_password) == (
                account.role, account.display_name, False)
        from xinye_desktop.services.intake import IntakeService
        from xinye_desktop.services.settings import SettingsService

        recorder = next(a for a in summary.accounts if a.role is AccountRole.RECORDER)
        accounts.login(recorder.username, recorder.password)
        with db.transaction() as uow:
            assert uow.accounts.is_on_case(recorder.display_name, _rows(copy, "SELECT case_id FROM audit_log WHERE "
                                                                              "actor = ? AND kind = 'print'",
                                                                        recorder.display_name)[0][0])
        with pytest.raises(NotPermitted):
            SettingsService(db).save(SettingsService(db).load())
        viewer = next(a for a in summary.accounts if a.role is AccountRole.VIEWER)
        accounts.login(viewer.username, viewer.password)
        case_id = _rows(copy, "SELECT id FROM cases ORDER BY id")[0][0]
        assert IntakeService(db).load(case_id).case_number, "the 查阅 reads"
        with pytest.raises(NotPermitted):
            IntakeService(db).reveal(case_id, IntakeService(db).load(case_id).parties[0].id, "id_number")
        assert Permission.VIEW_CASES
    finally:
        db.close()


def test_every_history_line_has_its_audit_row_with_the_same_case_person_and_moment(demo):
    paths, _summary, _nobody = demo
    history = collections.Counter(_rows(paths, "SELECT case_id, action, operator, at FROM case_history"))
    audited = collections.Counter()
    for case_id, summary, actor, at in _rows(paths, "SELECT case_id, summary, actor, at FROM audit_log "
                                                    "WHERE case_id IS NOT NULL"):
        for action in json.loads(summary).get("history", []):
            audited[(case_id, action, actor, at)] += 1
    assert sum(history.values()) > 400
    assert history == audited
    assert {op for (_c, _a, op, _at) in history} <= {"刘振华", "张秀梅"}, "each line signed by a mediator"


def test_the_trail_is_intact_and_reads_like_a_committees(demo):
    paths, summary, _nobody = demo
    db = Database(paths.database)
    try:
        check = AuditService(db).verify()
    finally:
        db.close()
    assert check.intact and check.rows > 400
    kinds = collections.Counter(k for (k,) in _rows(paths, "SELECT kind FROM audit_log"))
    for kind in ("account_created", "login", "logout", "password_set", "case", "selection", "sitting", "agreement",
                 "aftercare", "print", "unmasked", "export", "backup"):
        assert kinds[kind] >= 1, kind
    logged_in = {actor for (actor,) in _rows(paths, "SELECT actor FROM audit_log WHERE kind = 'login'")}
    assert logged_in == {a.display_name for a in summary.accounts}
    assert _rows(paths, "SELECT kind FROM audit_log ORDER BY id DESC LIMIT 1") == [("logout",)]
    # Dated as the work it records: the set-up before the first case, today's work on the demo's today.
    first, last = _rows(paths, "SELECT min(at), max(at) FROM audit_log")[0]
    received = _rows(paths, "SELECT min(received_date) FROM cases")[0][0]
    assert first[:10] < received and last[:10] == TODAY.isoformat()


def test_the_trail_names_no_full_id_number_or_phone(demo, tmp_path):
    import shutil

    paths, summary, _nobody = demo
    copy = DataPaths(tmp_path / "data")
    shutil.copytree(paths.root, copy.root)
    db = Database(copy.database)
    try:
        admin = next(a for a in summary.accounts if a.role is AccountRole.ADMIN)
        session = AccountService(db, cost=CHEAP).login(admin.username, admin.password)
        from xinye_desktop.services.intake import IntakeService

        intake = IntakeService(db)
        numbers = {value for (case_id,) in _rows(copy, "SELECT id FROM cases")
                   for p in intake.load(case_id).parties for value in (p.id_number, p.phone) if value}
        entries = AuditService(db).entries(session)
    finally:
        db.close()
    trail = "\n".join(s for (s,) in _rows(paths, "SELECT summary FROM audit_log"))
    assert numbers and not [n for n in numbers if n in trail]
    # As the 审计记录 dialog and its exports say them (domain/audit.describe_summary): in Chinese words,
    # no summary's key left in them, and no full number either.
    described = [e.description for e in entries]
    assert not [n for n in numbers if n in "\n".join(described)]
    for entry, text in zip(entries, described):
        assert bool(text) == bool(entry.summary), (entry.summary, text)
        left = [key for key in entry.summary if re.search(rf"(?<![A-Za-z_]){key}(?![A-Za-z_])", text)]
        assert not left, (entry.summary, text)
        assert not re.search(r"[A-Za-z_]+：", text), text
    assert "当事人1的身份证号" in described and "纠纷台账；共60条；文件：纠纷台账.xlsx" in described
