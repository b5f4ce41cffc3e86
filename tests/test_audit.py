"""The audit trail (issue 15): rows hash-chained in the transaction of the change, the chain broken on
purpose (content changed, a row deleted, rows reordered, a row inserted, rows cut off either end) and
each break reported at the right row, by the service, by `audit verify` and by `check`; reading with
filters and exporting as an administrator."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3

import pytest

from tests.helpers import new_database, valid_case_input
from xinye_desktop.__main__ import main
from xinye_desktop.domain.audit import GENESIS, AuditFilter, AuditKind, row_hash, verify_chain
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.audit import AuditService, record
from xinye_desktop.services.backup import BackupService
from xinye_desktop.services.intake import IntakeService

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ROWS = 10


@pytest.fixture
def paths(tmp_path):
    data = DataPaths(tmp_path / "data")
    data.create()
    return data


@pytest.fixture
def db(paths):
    database = new_database(paths.database)
    yield database
    database.close()


@pytest.fixture
def trail(db):
    """A database whose trail holds ROWS rows: a set-up and login, then prints at one-hour steps."""
    clock = Clock()
    admin = AccountService(db, clock=clock, cost=CHEAP).create_first_admin("wangbg", "王保国", "村委会2026调解")
    audit = AuditService(db, clock=clock)
    for n in range(ROWS - 2):
        clock.advance(hours=1)
        audit.record(AuditKind.PRINT, None, {"document": "协议书", "n": n})
    assert audit.verify().intact and audit.verify().rows == ROWS
    return admin.session, audit, clock


class Clock:
    def __init__(self):
        self.now = dt.datetime(2026, 12, 1, 1, 0, 0)

    def __call__(self):
        return self.now

    def advance(self, **delta):
        self.now += dt.timedelta(**delta)


def tamper(db, *statements):
    """What someone with a database tool would do: the append-only triggers dropped first."""
    conn = sqlite3.connect(db.path)
    try:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for statement, *args in statements:
            conn.execute(statement, args)
        conn.commit()
    finally:
        conn.close()


def row(db, row_id: int) -> tuple:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash "
                            "FROM audit_log WHERE id = ?", (row_id,)).fetchone()
    finally:
        conn.close()


def broken(db):
    return AuditService(db).verify().broken


# ---------------------------------------------------------------- the chain

def test_each_row_holds_the_previous_rows_hash_and_its_own(db, trail):
    first, second = row(db, 1), row(db, 2)
    assert first[7] == GENESIS and second[7] == first[8]
    assert second[8] == row_hash(id=2, at=second[1], account_id=second[2], actor=second[3], kind=second[4],
                                 case_id=second[5], summary=second[6], prev_hash=second[7])


def test_the_app_cannot_change_or_delete_a_row(db, trail):
    conn = sqlite3.connect(db.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor = '别人' WHERE id = 3")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log WHERE id = 3")
    finally:
        conn.close()


def test_changed_content_is_reported_at_that_row(db, trail):
    tamper(db, ("UPDATE audit_log SET summary = ? WHERE id = 5", json.dumps({"document": "别的"})))
    found = broken(db)
    assert (found.row_id, found.reason) == (5, "changed")
    assert found.text() == "第5条审计记录的内容与它的哈希值不符：这条记录被改动过"


def test_a_changed_row_whose_hash_was_recomputed_breaks_the_link_to_the_next(db, trail):
    old = row(db, 5)
    new_hash = row_hash(id=5, at=old[1], account_id=old[2], actor="别人", kind=old[4], case_id=old[5],
                        summary=old[6], prev_hash=old[7])
    tamper(db, ("UPDATE audit_log SET actor = '别人', row_hash = ? WHERE id = 5", new_hash))
    found = broken(db)
    assert (found.row_id, found.reason) == (6, "link")


def test_a_deleted_row_is_reported_at_the_row_after_it(db, trail):
    tamper(db, ("DELETE FROM audit_log WHERE id = 4",))
    found = broken(db)
    assert (found.row_id, found.reason) == (5, "gap")
    assert found.text() == "第5条审计记录之前缺少第4条：这条记录被删除了"


def test_several_deleted_rows_are_named_from_first_to_last(db, trail):
    tamper(db, ("DELETE FROM audit_log WHERE id IN (4, 5, 6)",))
    assert broken(db).text() == "第7条审计记录之前缺少第4至6条：这些记录被删除了"


def test_reordered_rows_are_reported_at_the_first_one_moved(db, trail):
    three, four = row(db, 3), row(db, 4)
    swap = "UPDATE audit_log SET at = ?, actor = ?, kind = ?, summary = ?, prev_hash = ?, row_hash = ? WHERE id = ?"
    tamper(db, (swap, *four[1:2], *four[3:5], *four[6:], 3), (swap, *three[1:2], *three[3:5], *three[6:], 4))
    found = broken(db)
    assert (found.row_id, found.reason) == (3, "link")
    assert found.text() == "第3条审计记录接不上前一条：它前面的记录被改动、删除、插入或调换过"


def test_a_row_inserted_by_hand_is_reported_at_it(db, trail):
    # A made-up row pushed in after row 6 (the later ones renumbered to make room).
    tamper(db, ("UPDATE audit_log SET id = id + 100 WHERE id > 6",),
           ("UPDATE audit_log SET id = id - 99 WHERE id > 100",),
           ("INSERT INTO audit_log (id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash) "
            "VALUES (7, '2026-12-01 07:30:00.000000', NULL, '王保国', 'write', NULL, '{}', ?, ?)", "0" * 64, "f" * 64))
    found = broken(db)
    assert (found.row_id, found.reason) == (7, "link")


def test_a_row_inserted_with_correct_hashes_is_reported_at_the_row_after_it(db, trail):
    # Someone who knows the format links the new row to row 6 properly: the row after it no longer fits.
    six = row(db, 6)
    fields = dict(id=7, at="2026-12-01 07:30:00.000000", account_id=None, actor="王保国", kind="write", case_id=None,
                  summary="{}", prev_hash=six[8])
    tamper(db, ("UPDATE audit_log SET id = id + 100 WHERE id > 6",),
           ("UPDATE audit_log SET id = id - 99 WHERE id > 100",),
           ("INSERT INTO audit_log (id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", *fields.values(), row_hash(**fields)))
    found = broken(db)
    assert (found.row_id, found.reason) == (8, "link")


def test_rows_cut_off_the_end_are_reported(db, trail):
    tamper(db, ("DELETE FROM audit_log WHERE id > 8",))
    found = broken(db)
    assert (found.row_id, found.reason) == (9, "tail")
    assert found.text() == "最后的审计记录被删除了：第9至10条已不在"


def test_after_a_cut_new_rows_do_not_take_the_missing_ids_and_the_cut_stays_reported(db, trail):
    _session, audit, _clock = trail
    tamper(db, ("DELETE FROM audit_log WHERE id > 8",))
    made = audit.record(AuditKind.PRINT, None, {})
    assert made.id == 11
    assert (broken(db).row_id, broken(db).reason) == (11, "gap")


def test_rows_cut_off_the_start_are_reported(db, trail):
    tamper(db, ("DELETE FROM audit_log WHERE id < 3",))
    found = broken(db)
    assert (found.row_id, found.reason) == (3, "head")


def test_an_empty_trail_is_intact():
    assert verify_chain([], None) == (0, None)


# ---------------------------------------------------------------- in the same transaction

def test_a_row_recorded_in_a_failed_transaction_is_rolled_back_with_the_change(db, trail):
    before = AuditService(db).verify().rows
    with pytest.raises(RuntimeError):
        with db.transaction() as uow:
            uow.settings.set("committee_name", "改了一半")
            record(uow, AuditKind.SETTINGS, None, {"committee_name": ["", "改了一半"]})
            raise RuntimeError("the change failed")
    assert AuditService(db).verify().rows == before
    assert AuditService(db).verify().intact


def test_rows_are_signed_by_the_logged_in_account_and_name_the_case(db, trail):
    session, audit, _clock = trail
    case = IntakeService(db).register(valid_case_input())
    made = audit.record(AuditKind.UNMASKED, case.id, {"field": "parties.0.id_number"})
    assert (made.actor, made.account_id, made.case_id) == ("王保国", session.account_id, case.id)
    assert audit.entries(session, AuditFilter(case_id=case.id))[0].case_number == case.case_number


# ---------------------------------------------------------------- reading, filtering, exporting

def test_an_administrator_reads_the_trail_filtered_by_person_case_kind_and_days(db, trail):
    session, audit, clock = trail
    everything = audit.entries(session)
    assert [e.id for e in everything] == list(range(ROWS, 0, -1))  # newest first
    assert {e.kind for e in audit.entries(session, AuditFilter(kinds=(AuditKind.PRINT.value,)))} == {"print"}
    assert len(audit.entries(session, AuditFilter(kinds=("print", "login")))) == ROWS - 1
    assert len(audit.entries(session, AuditFilter(actor="王保国"))) == ROWS
    assert audit.entries(session, AuditFilter(actor="别人")) == []
    assert audit.entries(session, AuditFilter(case_id=12345)) == []
    assert len(audit.entries(session, AuditFilter(limit=3))) == 3
    local_day = everything[0].at.replace(tzinfo=dt.timezone.utc).astimezone().date()
    on_day = audit.entries(session, AuditFilter(since=local_day, until=local_day))
    assert everything[0] in on_day
    later = audit.entries(session, AuditFilter(since=local_day + dt.timedelta(days=1)))
    assert later == []
    assert audit.actors(session) == ["王保国"]
    assert everything[-1].kind_label == "新建账号"


def test_the_trail_exports_as_csv_with_formula_like_text_kept_as_text(db, trail, tmp_path):
    session, audit, _clock = trail
    audit.record(AuditKind.WRITE, None, {"note": "=HYPERLINK(\"http://x\",\"y\")"})
    target = tmp_path / "审计记录.csv"
    count = audit.export(session, target)
    assert count == ROWS + 1
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["序号", "时间", "操作人", "类别", "案号", "内容"]
    assert rows[1][0] == str(ROWS + 1) and rows[1][3] == "修改数据"
    assert rows[1][5].startswith("备注：=HYPERLINK")  # not at the cell's start, so no formula
    assert len(rows) == count + 1
    last = audit.entries(session, AuditFilter(limit=1))[0]
    assert (last.kind, last.summary["rows"], last.summary["file"]) == ("export", count, "审计记录.csv")
    assert audit.verify().intact


def test_the_trail_exports_as_xlsx_text_cells(db, trail, tmp_path):
    from openpyxl import load_workbook

    session, audit, _clock = trail
    audit.record(AuditKind.WRITE, None, {})
    db.use_actor_source(lambda uow: "=1+1")  # a name that would be a formula
    audit.record(AuditKind.WRITE, None, {})
    db.use_actor_source(None)
    target = tmp_path / "审计记录.xlsx"
    count = audit.export(session, target, AuditFilter(kinds=("write",)))
    assert count == 2
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]] == ["序号", "时间", "操作人", "类别", "案号", "内容"]
    assert sheet.cell(2, 3).value == "=1+1" and sheet.cell(2, 3).data_type == "s"
    assert sheet.max_row == 3


def test_the_exports_describe_each_summary_in_chinese_words_with_no_full_number(db, trail, tmp_path):
    """What the dialog shows is what the .csv and .xlsx hold: kinds, reasons, the fields a save changed
    (intake's labels, 当事人1·住址), counts and file names in Chinese; no key, no code, no full number."""
    from dataclasses import replace

    from openpyxl import load_workbook

    from xinye_desktop.domain.audit import describe_summary
    from xinye_desktop.domain.cases import CaseInput
    from xinye_desktop.services.accounts import LoginRefused

    session, audit, clock = trail
    accounts = AccountService(db, clock=clock, cost=CHEAP)
    intake = IntakeService(db)
    case = intake.register(valid_case_input())
    form = CaseInput.from_case(case)
    parties = [replace(form.parties[0], address="新野县王庄镇王庄村5组8号"), form.parties[1]]
    intake.update(case.id, replace(form, parties=parties), expected_version=case.version)
    phone = case.parties[0].phone
    intake.reveal(case.id, case.parties[0].id, "id_number")
    with pytest.raises(LoginRefused):
        accounts.login("wangbg", "不是这个密码")
    audit.export(session, tmp_path / f"给{phone}的.csv")  # a file name typed with a phone number in it

    csv_target, xlsx_target = tmp_path / "审计记录.csv", tmp_path / "审计记录.xlsx"
    audit.export(session, csv_target)
    audit.export(session, xlsx_target, AuditFilter(kinds=("case", "unmasked", "login_failed", "export")))
    with open(csv_target, encoding="utf-8-sig", newline="") as handle:
        described = {row[3]: row[5] for row in reversed(list(csv.reader(handle))[1:])}  # the newest of each kind
    assert described["登录失败"] == "原因：密码错误；当时在：登录；连续第1次输错"
    assert described["查看完整证件号或电话"] == "当事人1的身份证号"
    assert described["登记或修改案件"] == "操作：修改；改动项目：当事人1·住址"
    assert described["导出"] == f"审计记录；共{ROWS + 4}条；文件：给{phone[:3]}****{phone[-4:]}的.csv"
    assert described["打印"].startswith("《协议书》")
    sheet = load_workbook(xlsx_target).active
    in_workbook = [sheet.cell(r, 6).value for r in range(2, sheet.max_row + 1)]
    entries = audit.entries(session, AuditFilter(kinds=("case", "unmasked", "login_failed", "export")))
    assert entries[0].description.endswith("；条件：类别 登记或修改案件、查看完整证件号或电话、登录失败、导出")
    entries = entries[1:]  # the rows in the workbook: those before its own export row
    assert in_workbook == [describe_summary(e.kind, e.summary) for e in entries] == [e.description for e in entries]
    everything = "\n".join(in_workbook + list(described.values()))
    for raw in ("reason", "wrong_password", "purpose", "id_number", "fields", "history", "file:", "rows"):
        assert raw not in everything
    for number in [p.id_number for p in case.parties] + [p.phone for p in case.parties]:
        assert number and number not in everything


def test_a_summary_is_said_through_the_translator_in_every_part():
    """The UI passes Qt's translate: the templates, the codes' labels (reasons, actions, statuses) and
    intake's field labels each go through it, so an English interface shows no Chinese left over."""
    from xinye_desktop.domain.audit import describe_summary

    english = {
        ("AuditSummary", "；"): "; ", ("Lists", "、"): ", ",
        ("AuditSummary", "原因：{value}"): "reason: {value}", ("AuditSummary", "密码错误"): "wrong password",
        ("AuditSummary", "当时在：{value}"): "while: {value}", ("AuditSummary", "解锁屏幕"): "unlocking",
        ("AuditSummary", "连续第{value}次输错"): "{value} failures in a row",
        ("AuditSummary", "操作：{value}"): "action: {value}", ("HistoryDialog", "修改"): "edit",
        ("AuditSummary", "改动项目：{fields}，另有{more}项"): "changed: {fields} and {more} more",
        ("History", "当事人{index}·{field}"): "party {index}: {field}", ("History", "住址"): "address",
        ("History", "纠纷简要情况"): "facts", ("History", "状态"): "status",
        ("AuditSummary", "{name}：{old} → {new}"): "{name}: {old} -> {new}",
        ("Vocabulary", "调解中"): "mediating", ("Vocabulary", "调解终止"): "terminated",
    }

    def tr(context, text):
        return english.get((context, text), text)

    assert describe_summary("login_failed", {"reason": "wrong_password", "purpose": "unlock", "failures": 2}, tr) \
        == "reason: wrong password; while: unlocking; 2 failures in a row"
    assert describe_summary("case", {"history": ["update"], "fields": ["当事人1·住址", "纠纷简要情况"],
                                     "more_fields": 2}, tr) == "action: edit; changed: party 1: address, facts and 2 more"
    assert describe_summary("case", {"status": ["mediating", "terminated"]}, tr) == "status: mediating -> terminated"
    # Without a translator: the Chinese, as the exports write it.
    assert describe_summary("case", {"status": ["mediating", "terminated"]}) == "状态：调解中 → 调解终止"
    # A key or code a later version writes is shown as stored, a whole number in it masked.
    assert describe_summary("write", {"colour": "blue", "note": "请回电13812345678"}) == \
        "备注：请回电138****5678；colour：blue"


def test_a_page_after_the_first_reads_only_its_rows_through_the_primary_key(db, trail):
    """Keyset paging: the next page is "older than the last row shown", LIMIT a page, and SQLite answers
    it from the primary key (a SEARCH on rowid<?), not by reading the rows of the pages before."""
    from sqlalchemy import event

    session, audit, _clock = trail
    statements = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        if "FROM audit_log" in statement:
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        first = audit.entries(session, AuditFilter(limit=4))
        second = audit.entries(session, AuditFilter(limit=4, before_id=first[-1].id))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert [e.id for e in first] == [10, 9, 8, 7] and [e.id for e in second] == [6, 5, 4, 3]
    statement, parameters = statements[-1]
    assert "audit_log.id < ?" in statement and tuple(parameters) == (7, 4, 0)  # before, LIMIT, OFFSET 0
    conn = sqlite3.connect(db.path)
    try:
        plan = " ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + statement, tuple(parameters)))
    finally:
        conn.close()
    assert "SEARCH audit_log USING INTEGER PRIMARY KEY (rowid<?)" in plan, plan


def test_the_count_of_a_filter_matches_its_rows(db, trail):
    session, audit, clock = trail
    IntakeService(db).register(valid_case_input())
    local_day = audit.entries(session)[0].at.replace(tzinfo=dt.timezone.utc).astimezone().date()
    for filters in (AuditFilter(), AuditFilter(kinds=("print",)), AuditFilter(kinds=("print", "case")),
                    AuditFilter(actor="王保国"), AuditFilter(actor="别人"), AuditFilter(before_id=6),
                    AuditFilter(kinds=("print",), before_id=5), AuditFilter(since=local_day, until=local_day),
                    AuditFilter(limit=2)):
        assert audit.count(session, filters) == len(audit.entries(session, replace_limit(filters))), filters
    assert audit.count(session) == ROWS + 1
    assert audit.count(session, AuditFilter(kinds=("print",))) == ROWS - 2


def replace_limit(filters: AuditFilter) -> AuditFilter:
    """The same filter without its limit: a count is of every row the filter selects."""
    from dataclasses import replace

    return replace(filters, limit=None)


def test_an_export_to_another_kind_of_file_is_refused_and_changes_nothing(db, trail, tmp_path):
    session, audit, _clock = trail
    from xinye_desktop.domain.errors import Refused

    with pytest.raises(Refused, match="只能导出为 .csv 或 .xlsx"):
        audit.export(session, tmp_path / "审计.txt")
    assert audit.verify().rows == ROWS and not (tmp_path / "审计.txt").exists()


# ---------------------------------------------------------------- the command line and check

def test_audit_verify_exits_0_on_an_intact_trail(db, trail, paths, capsys):
    db.close()
    assert main(["audit", "verify", "--data-dir", str(paths.root)]) == 0
    assert capsys.readouterr().out.strip() == f"审计记录完整：共 {ROWS} 条，哈希链没有断开。"


def test_audit_verify_exits_1_naming_the_first_broken_row(db, trail, paths, capsys):
    tamper(db, ("UPDATE audit_log SET actor = '别人' WHERE id = 6",),
           ("DELETE FROM audit_log WHERE id = 8",))
    db.close()
    assert main(["audit", "verify", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    assert "第6条审计记录的内容与它的哈希值不符" in out and "检查了 6 条" in out


def test_audit_verify_without_a_database_exits_2(tmp_path, capsys):
    assert main(["audit", "verify", "--data-dir", str(tmp_path / "nothing")]) == 2
    assert "找不到数据库" in capsys.readouterr().err


def test_check_includes_the_audit_chain(db, trail, paths):
    report = BackupService(paths).check()
    assert f"审计记录 {ROWS} 条，哈希链完整。" in report.facts
    tamper(db, ("DELETE FROM audit_log WHERE id = 2",))
    report = BackupService(paths).check()
    assert not report.ok
    assert any(p.startswith("审计记录的哈希链断了：第3条审计记录之前缺少第2条") for p in report.problems)


def test_trail_times_are_stored_in_utc_and_shown_in_the_pcs_local_time(monkeypatch):
    """One format and one conversion everywhere a stored time is shown (domain/times.local_time)."""
    import datetime as dt
    import time

    from xinye_desktop.documents.audit_export import local_time as export_time
    from xinye_desktop.domain.times import local_time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        stored = dt.datetime(2026, 12, 1, 1, 30, 5)  # as the database keeps it: UTC, no zone
        assert local_time(stored) == "2026-12-01 09:30"
        assert local_time(stored, seconds=True) == export_time(stored) == "2026-12-01 09:30:05"
        assert local_time(stored.replace(tzinfo=dt.timezone.utc)) == "2026-12-01 09:30"
        assert local_time(None) == ""
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
