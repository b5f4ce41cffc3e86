"""The hub's window (ui/hub, issue 16 item 3) as a 司法局 clerk uses it: packages imported through the dialog
(a drive's sub-folders, a damaged one refused while the others go in), the committees' keys confirmed by
phone, the consolidated 台账, the statistics and their .xlsx, the 明白人库, a case file returned with its
reason and the village seeing it through the return package; what a role may not do is not offered; the
app starts the hub window for a hub's folder (--smoke-test) and ``--hub`` refuses a folder it cannot set up."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402
from ui_helpers import StandInTranslator  # noqa: E402

from xinye_desktop.app import create_window, hub_identity  # noqa: E402
from xinye_desktop.demo.county import HUB_ACCOUNTS, make_county  # noqa: E402
from xinye_desktop.domain.accounts import AccountRole  # noqa: E402
from xinye_desktop.domain.hub import ReviewDecision, ReviewGrade  # noqa: E402
from xinye_desktop.paths import DataPaths  # noqa: E402
from xinye_desktop.services import keys  # noqa: E402
from xinye_desktop.services.accounts import AccountService, AccountSession  # noqa: E402
from xinye_desktop.services.exchange.returns_import import ReturnImporter  # noqa: E402
from xinye_desktop.services.hub import HubHoldings  # noqa: E402
from xinye_desktop.storage.database import Database  # noqa: E402
from xinye_desktop.ui.access import SignedIn  # noqa: E402
from xinye_desktop.ui.i18n import Translations  # noqa: E402
from xinye_desktop.ui.return_import_dialog import ReturnImportDialog  # noqa: E402

from task_waits import outcome  # noqa: E402

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
USER, _NAME, PASSWORD = HUB_ACCOUNTS["司法局"]
REASON = "缺少回访记录，请补正后再报"


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """Two villages' year, their packages not yet imported into the 司法局's hub."""
    return make_county(tmp_path_factory.mktemp("county") / "c", villages=2, years=1, cases_per_year=30, seed=11,
                       workers=1, hub_cost=CHEAP)


@pytest.fixture(scope="module")
def imported_county(county, tmp_path_factory):
    """A copy of the county with its packages imported (for the tests that read)."""
    from xinye_desktop.services.hub import HubImporter

    copy = tmp_path_factory.mktemp("imported") / "c"
    shutil.copytree(county.folder, copy)
    db = Database(copy / "hub" / "xinye.sqlite3")
    try:
        AccountService(db, cost=CHEAP).login(USER, PASSWORD)
        summaries = HubImporter(db, copy / "hub").import_packages([copy / "packages"])
        assert {s.status for s in summaries} == {"imported"}
    finally:
        db.close()
    return copy


def _window(qtbot, root: Path, tmp_path: Path, session_role: AccountRole | None = None):
    paths = DataPaths(root / "hub")
    db = Database(paths.database)
    accounts = AccountService(db, cost=CHEAP)
    session = accounts.login(USER, PASSWORD)
    if session_role is not None:  # what the window offers a role (the services check the stored account)
        session = AccountSession(session.account_id, session.username, session.display_name, session_role,
                                 session.started_at, data_key=session.data_key)
    from PySide6.QtWidgets import QApplication

    translations = Translations(QApplication.instance())
    window = create_window(paths, db, translations, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                           SignedIn(accounts, session), hub=hub_identity(db))
    qtbot.addWidget(window)
    window._test_db = db
    return window


@pytest.fixture
def fresh_window(qtbot, county, tmp_path):
    root = tmp_path / "c"
    shutil.copytree(county.folder, root)
    window = _window(qtbot, root, tmp_path)
    yield window, root
    window.close()
    window._test_db.close()


@pytest.fixture
def window(qtbot, imported_county, tmp_path):
    root = tmp_path / "c"
    shutil.copytree(imported_county, root)
    window = _window(qtbot, root, tmp_path)
    yield window, root
    window.close()
    window._test_db.close()


def _show(qtbot, window, tab):
    window.show()
    with qtbot.waitSignal(tab.loaded, timeout=30000):
        window.tabs.setCurrentWidget(tab)
        if window.tabs.currentWidget() is tab and not (tab.task and tab.task.running):
            tab.refresh()


def test_packages_are_imported_from_a_drive_s_sub_folders_and_a_damaged_one_is_refused_alone(qtbot, fresh_window):
    window, root = fresh_window
    drive = root / "usb"
    shutil.copytree(root / "packages", drive)
    first = sorted(drive.rglob("*.xdx"))[0]
    damaged = first.with_name("坏的-2026-12.xdx")
    data = bytearray(first.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    dialog = window.import_dialog()
    dialog.choose_folder = lambda: str(drive)
    dialog.folder_button.click()
    assert dialog.import_button.isEnabled()
    dialog.start()
    summaries = outcome(qtbot, dialog.task, timeout=60000)
    by_name = {s.name: s.status for s in summaries}
    assert by_name == {"坏的-2026-12.xdx": "refused", **{p.name: "imported" for p in drive.rglob("*.xdx")
                                                        if p.name != damaged.name}}
    assert "导入 2 个" in dialog.summary_label.text() and "拒收 1 个" in dialog.summary_label.text()
    refused_row = [r for r in range(dialog.model.rowCount()) if dialog.model.cell(r, 0).text == damaged.name][0]
    assert dialog.model.cell(refused_row, 2).text == "拒收" and "没有导入" in dialog.model.cell(refused_row, 3).text
    # Again: nothing changes, each said to be imported already.
    dialog.add_paths([drive])
    dialog.start()
    again = outcome(qtbot, dialog.task, timeout=60000)
    assert sorted(s.status for s in again) == ["refused", "unchanged", "unchanged"]
    # In another language each sentence and the refusal inside it are looked up, not shown as written.
    with StandInTranslator(lambda context, source: "EN:" + source if context in ("Hub", "Exchange") else None):
        dialog.add_paths([damaged])
        dialog.start()
        outcome(qtbot, dialog.task, timeout=60000)
        said = dialog.model.cell(0, 3).text
    assert said.startswith("EN:") and said.count("EN:") == 2, said
    dialog.close()
    # The committees are registered, their keys not yet confirmed.
    _show(qtbot, window, window.committees_tab)
    assert len(window.committees_tab.committees) == 2
    assert all(c["confirmed_at"] is None for c in window.committees_tab.committees)


def test_a_committee_s_key_is_confirmed_only_with_the_fingerprint_heard(qtbot, window):
    window, _root = window
    tab = window.committees_tab
    _show(qtbot, window, tab)
    held = tab.committees[0]
    tab.view.selectRow(0)
    assert tab.confirm_button.isEnabled()
    tab.ask_fingerprint = lambda committee: "AAAA-BBBB-CCCC-DDDD"
    tab.confirm_selected()
    qtbot.waitUntil(lambda: not tab.task_write.running, timeout=10000)
    assert "指纹" in tab.message_label.text() and held["fingerprint"] in tab.message_label.text()
    _show(qtbot, window, tab)
    assert tab.committees[0]["confirmed_at"] is None
    tab.view.selectRow(0)
    tab.ask_fingerprint = lambda committee: committee["fingerprint"].lower().replace("-", " ")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.confirm_selected()
    assert tab.committees[0]["confirmed_at"] is not None
    assert "已核对" in tab.model.cell(0, 3).text


def test_the_ledger_pages_and_searches_the_villages_cases_with_their_names_opened(qtbot, window, county):
    window, _root = window
    tab = window.ledger_tab
    _show(qtbot, window, tab)
    total = sum(v.cases for v in county.villages)
    assert tab.page.total == total and tab.model.rowCount() == min(total, 200)
    assert tab.page.names_opened and all(r.party_names for r in tab.page.rows)
    number = tab.page.rows[3].case_number
    tab.search_edit.setText(number)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.search_button.click()
    assert [r.case_number for r in tab.page.rows] == [number]
    assert tab.model.cell(0, 1).text == number
    # Review from the ledger: the review tab opens on that case.
    tab.view.selectRow(0)
    with qtbot.waitSignal(window.review_tab.loaded, timeout=10000):
        tab.review_button.click()
    assert window.tabs.currentWidget() is window.review_tab
    assert window.review_tab.selected_case()["case_number"] == number


def test_a_returned_case_needs_a_reason_and_the_village_sees_the_decision(qtbot, window, tmp_path):
    window, root = window
    tab = window.review_tab
    _show(qtbot, window, tab)
    tab.view.selectRow(0)
    case = tab.selected_case()
    returned = [b for b in tab.decision_buttons.buttons() if b.property("code") == ReviewDecision.RETURNED.value][0]
    major = [b for b in tab.grade_buttons.buttons() if b.property("code") == ReviewGrade.DIFFICULT.value][0]
    major.setChecked(True)
    returned.setChecked(True)
    tab.save()
    assert tab.save_task is None and "理由" in tab.reason_box.error  # nothing saved without a reason
    committee_id = tab.committee_combo.currentData()
    holdings = HubHoldings(window._test_db)
    assert next(c for c in holdings.case_files(committee_id) if c["uuid"] == case["uuid"])["review"] is None
    tab.reason_edit.setPlainText(REASON)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.save()
    review = next(c for c in holdings.case_files(committee_id) if c["uuid"] == case["uuid"])["review"]
    assert (review["grade"], review["decision"], review["reason"]) == ("difficult", "returned", REASON)
    assert "已保存" in tab.saved_label.text()

    # The return package through its dialog, then imported at that village: the decision with its reason.
    drive = tmp_path / "usb-back"
    drive.mkdir()
    dialog = window.return_dialog()
    dialog.folder_edit.setText(str(drive))
    dialog.committee_combo.setCurrentIndex(dialog.committee_combo.findData(committee_id))
    dialog.start()
    [written] = outcome(qtbot, dialog.task, timeout=60000)
    assert written.decisions == 1 and written.path.parent == drive
    assert written.fingerprint in dialog.result_label.text()
    village = next(p for p in (root / "villages").iterdir() if p.name in written.committee)
    vdb = Database(village / "xinye.sqlite3")
    try:
        AccountService(vdb, cost=CHEAP).login("wangbg", "王庄调解2026")
        importer = ReturnImporter(vdb, village)
        # The village's 文件 → 导入司法所回执包…: nothing chosen, a file pulled out, then the file.
        village_dialog = ReturnImportDialog(importer)
        qtbot.addWidget(village_dialog)
        village_dialog.start()
        assert "请先选择" in village_dialog.file_box.error and village_dialog.task is None
        village_dialog.file_edit.setText(str(drive / "不在了.xdr"))
        village_dialog.start()
        assert "找不到文件" in village_dialog.file_box.error and village_dialog.task is None
        village_dialog.choose_file = lambda: str(written.path)
        village_dialog.file_button.click()
        village_dialog.start()
        done = outcome(qtbot, village_dialog.task, timeout=60000)
        assert done.decisions["new"] == 1 and village_dialog.imported is done
        said = village_dialog.result.text()
        assert "审查意见新增 1 件" in said and written.fingerprint in said  # the first return: its key to check
        village_dialog.start()  # again: nothing changes, and it says so
        assert outcome(qtbot, village_dialog.task, timeout=60000).status == "unchanged"
        assert "已经导入过" in village_dialog.result.text()
        village_dialog.file_edit.setText(str(written.path.with_name("坏的-回执.xdr")))
        written.path.with_name("坏的-回执.xdr").write_bytes(written.path.read_bytes()[:-40])
        village_dialog.start()
        assert outcome(qtbot, village_dialog.task, timeout=60000) is None
        assert "没有导入" in village_dialog.result.text()
        case_id = vdb.read_connection().execute("SELECT id FROM cases WHERE uuid = ?", (case["uuid"],)).fetchone()[0]
        [decision] = importer.decisions(case_id)
        assert (decision.decision, decision.reason) == (ReviewDecision.RETURNED, REASON)
    finally:
        vdb.close()


def test_a_return_folder_that_is_gone_is_said_at_the_field(qtbot, window, tmp_path):
    window, _root = window
    dialog = window.return_dialog()
    dialog.start()
    assert "文件夹" in dialog.folder_box.error and dialog.task is None
    dialog.folder_edit.setText(str(tmp_path / "pulled-out"))
    dialog.start()
    assert "不存在" in dialog.folder_box.error and dialog.task is None


def test_statistics_roll_up_to_township_and_county_and_export_as_xlsx(qtbot, window, tmp_path, county):
    window, _root = window
    tab = window.statistics_tab
    _show(qtbot, window, tab)
    stats = tab.stats
    assert stats.reports == 2 and not stats.missing
    assert stats.county.accepted == sum(t.accepted for t in stats.townships) == sum(v.accepted for v in stats.villages)
    last = tab.model.rowCount() - 1
    assert tab.model.cell(last, 0).text == "合计" and tab.model.cell(last, 2).text == str(stats.county.accepted)
    target = tmp_path / "统计.xlsx"
    tab.ask_save_path = lambda *_a: str(target)
    tab.export()
    assert outcome(qtbot, tab.export_task) == target
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)
    assert stats.period_label in text


def test_the_status_and_the_elders_tabs_show_the_county(qtbot, window):
    window, _root = window
    _show(qtbot, window, window.status_tab)
    status = window.status_tab.status
    assert len(status.reported) == 2 and not status.not_reported
    assert "已报送 2 个调委会" in window.status_tab.summary_label.text()
    _show(qtbot, window, window.elders_tab)
    page = window.elders_tab.page
    assert page.total > 0 and page.names_opened and all(e.name for e in page.rows)
    assert window.elders_tab.counts_model.rowCount() == 2


def test_a_viewer_is_not_offered_import_review_returns_or_confirmation(qtbot, imported_county, tmp_path):
    root = tmp_path / "c"
    shutil.copytree(imported_county, root)
    window = _window(qtbot, root, tmp_path, AccountRole.VIEWER)
    try:
        assert not window.import_action.isVisible() and not window.return_action.isVisible()
        assert window.review_tab.form_box.isHidden()
        assert window.committees_tab.confirm_button.isHidden() and window.committees_tab.resolve_button.isHidden()
        assert window.statistics_tab.export_button.isHidden()
        assert not window.accounts_action.isVisible()
    finally:
        window.close()
        window._test_db.close()


def _run(args, env_extra=None, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "xinye_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_the_app_opens_a_hub_s_folder_on_the_hub_window(imported_county, tmp_path):
    root = tmp_path / "c"
    shutil.copytree(imported_county / "hub", root)
    done = _run(["--smoke-test", "--data-dir", str(root)], {"XINYE_USER": USER, "XINYE_PASSWORD": PASSWORD})
    assert done.returncode == 0, done.stderr
    assert "smoke test ok: hub window (新野县司法局), 7 tabs shown, 2 committees" in done.stdout


def test_hub_on_a_folder_not_set_up_as_a_hub_says_so_in_the_smoke_test(county, tmp_path):
    village = next((county.folder / "villages").iterdir())
    root = tmp_path / "v"
    shutil.copytree(village, root)
    done = _run(["--hub", "--smoke-test", "--data-dir", str(root)], {"XINYE_USER": "wangbg", "XINYE_PASSWORD": "王庄调解2026"})
    assert done.returncode == 1
    assert "not set up as a 司法所 or 司法局" in done.stderr


def test_today_default_is_the_month_being_sent(qtbot, window):
    window, _root = window
    today = dt.date.today()
    assert window.status_tab.picker.period().label == f"{today.year}年{today.month}月"


def test_a_lost_village_pc_s_key_is_revoked_with_a_reason(qtbot, window):
    window, _root = window
    tab = window.committees_tab
    _show(qtbot, window, tab)
    assert tab.revoke_button.isVisible() or not tab.isVisible()
    tab.view.selectRow(0)
    held = tab.committees[0]
    assert tab.revoke_button.isEnabled()
    tab.ask_revoke_reason = lambda committee: ""
    tab.revoke_selected()
    qtbot.waitUntil(lambda: not tab.task_write.running, timeout=10000)
    assert "原因" in tab.message_label.text() or "理由" in tab.message_label.text()
    _show(qtbot, window, tab)
    assert tab.committees[0]["key_revoked_at"] is None
    tab.view.selectRow(0)
    tab.ask_revoke_reason = lambda committee: "村委会的电脑被盗"
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.revoke_selected()
    revoked = next(c for c in tab.committees if c["id"] == held["id"])
    assert revoked["key_revoked_at"] is not None
    row = tab.committees.index(revoked)
    assert "已吊销" in tab.model.cell(row, 3).text
    assert "已吊销" in tab.message_label.text() and "转报" not in tab.message_label.text()  # a 司法局 relays nothing
    tab._relays = True  # a 司法所's tab says the revocation goes up with its next relay
    assert "司法局也会拒收这把密钥" in tab._revoked_text(revoked, "ABCD")
    tab.view.selectRow(row)
    assert not tab.revoke_button.isEnabled() and not tab.confirm_button.isEnabled()


def test_the_settings_sent_down_are_checked_at_their_fields_and_go_into_the_next_returns(qtbot, window):
    window, _root = window
    dialog = window.village_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.prefix_edit.setText("新野县王庄镇王庄村调委会前缀太长了")
    dialog.interval_edit.setText("零")
    dialog.save()
    assert dialog.prefix_box.error and dialog.interval_box.error and dialog.saved is None
    assert window.services.returns.village_settings() == {}  # nothing saved while one is refused
    dialog.prefix_edit.setText("新")
    dialog.interval_edit.setText("15")
    dialog.save()
    assert dialog.saved == {"case_prefix": "新", "visit_interval_days": 15}
    again = window.village_settings_dialog()
    qtbot.addWidget(again)
    assert (again.prefix_edit.text(), again.interval_edit.text()) == ("新", "15")
    assert again.types_table.rowCount() == 0 and again.type_entries() is None  # never sent: not sent now


def test_the_local_dispute_types_are_edited_in_a_table_and_refused_under_it(qtbot, window):
    from xinye_desktop.domain.enums import DisputeType

    window, _root = window
    dialog = window.village_settings_dialog()
    qtbot.addWidget(dialog)
    dialog.add_type_row("继承纠纷", DisputeType.MARRIAGE_FAMILY)
    dialog.add_type_row("邻里纠纷", DisputeType.NEIGHBOUR)
    dialog.add_type_row()  # left empty: skipped
    dialog.save()
    assert "本身就是统计类别之一" in dialog.types_box.error and dialog.saved is None
    assert "dispute_types" not in window.services.returns.village_settings()
    dialog.types_table.selectRow(1)
    dialog.remove_selected_types()
    dialog.save()
    assert dialog.saved["dispute_types"] == [{"name": "继承纠纷", "category": "marriage_family"}]
    again = window.village_settings_dialog()
    qtbot.addWidget(again)
    assert again.type_entries() == [("继承纠纷", DisputeType.MARRIAGE_FAMILY)]
    again.types_table.selectRow(0)
    again.remove_selected_types()
    assert again.type_entries() == []  # sent once: an emptied table sends an empty list
    again.save()
    assert window.services.returns.village_settings()["dispute_types"] == []
