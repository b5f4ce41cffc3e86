"""Start-up that stays quick on a large data folder (issue 14): tabs built when first shown, services
made when first used, and the full check of a large database after the first paint, with every write
held until it has passed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers import valid_case_input
from xinye_desktop.paths import DataPaths
from xinye_desktop.storage import database as storage
from xinye_desktop.storage.database import integrity_problems, structure_problems

REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- tabs and services built when used

def test_only_the_tab_the_window_opens_on_is_built_and_only_its_services_made(make_window):
    window = make_window()
    assert window.tabs.currentWidget() is window.built_tab("ledger"), "nothing due today: the ledger"
    assert window.unbuilt_tabs() == ["today", "intake", "elder", "session", "agreement", "aftercare",
                                     "statistics"]
    assert set(window.services.made()) <= {"settings", "ledger", "backups", "drafts"}, window.services.made()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["今日工作", "案件台账", "案件受理", "选择明白人", "法理情调解", "调解协议", "回访与履行", "统计报表"]


def test_a_tab_is_built_in_its_place_when_first_shown_or_used(make_window, qtbot):
    from PySide6.QtCore import Qt

    from xinye_desktop.ui.elder_tab import ElderTab
    from xinye_desktop.ui.statistics_tab import StatisticsTab

    window = make_window()
    window.tabs.setCurrentIndex(7)  # the keyboard or code: currentChanged builds it
    assert isinstance(window.tabs.currentWidget(), StatisticsTab)
    assert window.tabs.indexOf(window.statistics_tab) == 7 and window.tabs.tabText(7) == "统计报表"
    assert window.tabs.currentIndex() == 7

    bar = window.tabs.tabBar()  # a click: built before the tab bar switches
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())
    assert isinstance(window.tabs.currentWidget(), ElderTab) and window.tabs.currentIndex() == 3
    assert window.tabs.currentWidget().grab().isNull() is False

    session = window.session_tab  # used by code: built in place, the current tab stays
    assert window.tabs.indexOf(session) == 4 and window.tabs.currentIndex() == 3
    assert window.unbuilt_tabs() == ["today", "intake", "agreement", "aftercare"]
    assert window.session_tab is session, "built once"


def test_building_the_current_tab_never_shows_its_neighbour_meanwhile(make_window):
    from PySide6.QtCore import QEvent, QObject

    window = make_window()
    neighbour = window.aftercare_tab  # built, hidden
    shown = []

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Show:
                shown.append(obj)
            return False

    watch = Watch(neighbour)
    neighbour.installEventFilter(watch)
    window.tabs.setCurrentIndex(7)  # the last tab, a placeholder until now
    assert window.tabs.currentWidget() is window.statistics_tab
    assert shown == [], "the tab beside it was not shown on the way"


def test_the_ledger_s_service_leaves_the_workbook_until_an_export_asks_for_it():
    """The ledger and today's work are on the way to the first window; the .xlsx writer (which measures its
    columns when imported) is not, yet the export's title and headings are still the service's names."""
    code = ("import sys\n"
            "import xinye_desktop.services.ledger as ledger\n"
            "print('xinye_desktop.documents.ledger_xlsx' in sys.modules)\n"
            "from xinye_desktop.documents import ledger_xlsx\n"
            "print(ledger.EXPORT_HEADERS is ledger_xlsx.EXPORT_HEADERS and ledger.EXPORT_TITLE == ledger_xlsx.EXPORT_TITLE)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60, check=True)
    assert out.stdout.split() == ["False", "True"]


def test_a_case_opened_before_a_tab_is_built_is_the_case_it_shows_when_built(make_window):
    window = make_window()
    case = window.services.intake.register(valid_case_input())
    window.ledger_tab.refresh()
    window.open_case(case.id)
    assert window.built_tab("aftercare") is None and window.built_tab("session") is None
    assert window.aftercare_tab.case_id == case.id
    assert window.case_banner.text() == f"当前案件：{case.case_number}"


def test_the_draft_the_window_offers_is_the_intake_tab_s():
    from xinye_desktop.ui.intake_tab import DRAFT_NAME
    from xinye_desktop.ui.main_window import INTAKE_DRAFT

    assert INTAKE_DRAFT == DRAFT_NAME


# ---------------------------------------------------------------- the structural check

def _database_with_ballast(paths: DataPaths, megabytes: int = 0):
    """The app's database with one case; ``megabytes`` of rows in a table of their own (small rows,
    so that the table has thousands of leaf pages), the file then closed and checkpointed."""
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService

    db = open_database(paths)
    case = IntakeService(db).register(valid_case_input())
    db.close()
    if megabytes:
        conn = sqlite3.connect(paths.database)
        conn.execute("CREATE TABLE ballast (id INTEGER PRIMARY KEY, payload BLOB)")
        conn.executemany("INSERT INTO ballast (payload) VALUES (randomblob(400))",
                         [()] * (megabytes * 1024 * 1024 // 400))
        conn.commit()
        conn.close()
    return case


def _page_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def _scribble_on_a_middle_page(path: Path) -> None:
    size, page = path.stat().st_size, _page_size(path)
    with open(path, "r+b") as handle:
        handle.seek((size // page // 2) * page)
        handle.write(os.urandom(page))


def test_the_structural_check_finds_a_truncated_file_and_one_that_is_not_sqlite(data_paths):
    _database_with_ballast(data_paths, megabytes=2)
    path = data_paths.database
    assert structure_problems(path) == [] and integrity_problems(path, quick=True) == []
    whole = path.read_bytes()
    path.write_bytes(whole[:len(whole) // 2])  # a copy cut short, a half-written disk
    (problem,) = structure_problems(path)
    assert "truncated" in problem
    path.write_bytes(b"\0" * 100 + whole[100:])
    with pytest.raises(sqlite3.DatabaseError):
        structure_problems(path)
    path.write_bytes(whole[:100] + os.urandom(8000) + whole[8100:])  # the schema page scribbled over
    with pytest.raises(sqlite3.DatabaseError):
        structure_problems(path)


def test_the_structural_check_is_not_the_full_one(data_paths):
    """What only quick_check finds: a page in the middle of a table. This is why the full check must
    still run, and why writes wait for it."""
    _database_with_ballast(data_paths, megabytes=2)
    _scribble_on_a_middle_page(data_paths.database)
    assert structure_problems(data_paths.database) == []
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        integrity_problems(data_paths.database, quick=True)


def test_a_large_current_database_gets_the_structural_check_at_start_and_a_small_one_the_full(
        data_paths, monkeypatch):
    from xinye_desktop.app import check_database_at_start, full_check_deferred

    _database_with_ballast(data_paths)
    assert not full_check_deferred(data_paths), "a small file: the full check before the window"
    monkeypatch.setattr(storage, "FULL_CHECK_AT_START_BYTES", 0)
    assert full_check_deferred(data_paths)
    conn = sqlite3.connect(data_paths.database)
    conn.execute("UPDATE alembic_version SET version_num = '0006_aftercare'")
    conn.commit()
    conn.close()
    assert not full_check_deferred(data_paths), "a migration will write to it: checked in full first"
    conn = sqlite3.connect(data_paths.database)
    conn.execute("UPDATE alembic_version SET version_num = ?", (storage.HEAD_REVISION,))
    conn.commit()
    conn.close()

    calls = []
    real = storage.integrity_problems
    monkeypatch.setattr("xinye_desktop.services.backup.health.integrity_problems",
                        lambda *a, **k: calls.append(k) or real(*a, **k))
    assert check_database_at_start(data_paths, full=False) is None
    assert calls == [], "no quick_check before the window"
    assert check_database_at_start(data_paths) is None and calls


# ---------------------------------------------------------------- writes held until the full check

def test_writes_wait_for_the_full_check_and_reads_do_not(data_paths):
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.services.ledger import LedgerService
    from xinye_desktop.storage.ledger_queries import LedgerFilter

    _database_with_ballast(data_paths)
    db = open_database(data_paths, hold_writes=True)
    try:
        saved = []
        writer = threading.Thread(target=lambda: saved.append(IntakeService(db).register(valid_case_input(tag=1))))
        writer.start()
        time.sleep(0.5)
        assert LedgerService(db).count(LedgerFilter()) == 1, "reads go on while the check runs"
        assert writer.is_alive() and not saved, "the write waits for the verdict"
        db.write_gate.allow()
        writer.join(10)
        assert saved and LedgerService(db).count(LedgerFilter()) == 2
    finally:
        db.close()


def test_after_the_full_check_refused_the_file_no_write_reaches_it(data_paths):
    from xinye_desktop.app import open_database
    from xinye_desktop.services.intake import IntakeService

    _database_with_ballast(data_paths)
    db = open_database(data_paths, hold_writes=True)
    try:
        db.write_gate.refuse(["page 7: btreeInitPage() returns error code 11"])
        with pytest.raises(Exception, match="not authorized"):  # sqlite3 error, wrapped by SQLAlchemy
            IntakeService(db).register(valid_case_input(tag=1))
    finally:
        db.close()
    conn = sqlite3.connect(data_paths.database)
    assert conn.execute("SELECT COUNT(*) FROM cases").fetchone() == (1,)
    conn.close()


def test_the_full_check_runs_after_the_first_paint_and_then_allows_writes_and_the_start_backup(
        data_paths, app_fonts, translations, qtbot, monkeypatch):
    from PySide6.QtCore import QSettings

    from xinye_desktop.app import FullCheck, after_show, create_window, open_database

    _database_with_ballast(data_paths)
    db = open_database(data_paths, hold_writes=True)
    window = create_window(data_paths, db, translations,
                           QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr("xinye_desktop.app.BACKUP_AFTER_MS", 0)
    started = []
    monkeypatch.setattr(type(window), "start_backups", lambda self: started.append(self))
    check = FullCheck(data_paths, db)
    window.after_first_paint(check.start)
    offered = []
    monkeypatch.setattr(type(window), "offer_draft", lambda self: offered.append(self))
    after_show(window, db, check)
    assert check.task is None, "not before the window is painted"
    window.show()
    qtbot.waitUntil(lambda: check.health is not None, timeout=20000)
    assert check.health.state == "ok" and db.write_gate.decided and not db.write_gate.refused
    qtbot.waitUntil(lambda: started == [window], timeout=5000)
    assert offered == [window], "the draft offered once the window was painted"
    window.services.intake.register(valid_case_input(tag=2))
    window.close()
    db.close()


def test_a_damaged_large_database_fails_the_smoke_test_and_is_left_as_it_was(tmp_path):
    """End to end, through the app's own start (``--smoke-test``, which touches no damaged file): a
    file over the size limit whose damage only the full check sees starts, every tab is shown, and
    the run fails once the full check after the first paint has found it."""
    paths = DataPaths(tmp_path / "data")
    paths.create()
    _database_with_ballast(paths, megabytes=storage.FULL_CHECK_AT_START_BYTES // 2**20 + 1)
    _scribble_on_a_middle_page(paths.database)
    assert structure_problems(paths.database) == [], "only the full check can find this damage"
    assert paths.database.stat().st_size > storage.FULL_CHECK_AT_START_BYTES
    before = hashlib.sha256(paths.database.read_bytes()).hexdigest()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "xinye_desktop", "--smoke-test", "--data-dir", str(paths.root)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "the full check" in proc.stderr and "after the first paint failed" in proc.stderr
    assert "smoke test ok" not in proc.stdout
    assert hashlib.sha256(paths.database.read_bytes()).hexdigest() == before
    assert not paths.damaged.exists()


@pytest.mark.parametrize("backed_up", [True, False], ids=["with a backup", "without"])
def test_when_the_full_check_after_start_finds_damage_the_window_closes_unwritten_and_a_backup_is_offered(
        data_paths, qapp, app_fonts, translations, monkeypatch, backed_up):
    """The whole flow in the app's own _run_window: the window opens on a damaged large file, the full
    check after the first paint finds it, the window closes without writing, the file is moved to
    damaged/ as it was (its -wal unmerged), the newest good backup is offered (once) and restored, and
    a new window opens on it; without a backup, on a new empty database."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer

    from xinye_desktop import app as xapp
    from xinye_desktop.services.backup import BackupService

    case = _database_with_ballast(data_paths, megabytes=2)
    good = None
    if backed_up:
        db = xapp.open_database(data_paths)
        good = BackupService(data_paths, db).create("start").backup
        db.close()
    _scribble_on_a_middle_page(data_paths.database)
    damaged = hashlib.sha256(data_paths.database.read_bytes()).hexdigest()
    monkeypatch.setattr(storage, "FULL_CHECK_AT_START_BYTES", 0)
    offered = []
    monkeypatch.setattr("xinye_desktop.ui.backup_dialog.ask_damaged_at_start",
                        lambda folder, backup, *_: offered.append((folder, backup)) or backup is not None)
    shown = []
    real_after_show = xapp.after_show

    def after_show(window, db, full_check=None):
        shown.append((window, db, full_check))
        real_after_show(window, db, full_check)
        if len(shown) == 2:  # the window on the restored data: done
            QTimer.singleShot(0, lambda: qapp.exit(0))

    monkeypatch.setattr(xapp, "after_show", after_show)
    # No login: a folder without accounts, the window built at once (the login: tests/test_ui_login.py).
    monkeypatch.setattr(xapp, "sign_in", lambda *args, **kwargs: xapp.NO_ACCOUNT)
    monkeypatch.setattr(xapp, "BACKUP_AFTER_MS", 60_000)  # no start backup during the test
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # _run_window installs the app's
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    class Guard:
        def listen(self, _callback):
            pass

    deadline = QTimer()  # never hang the suite (stopped after, so that it cannot end another test's loop)
    deadline.setSingleShot(True)
    deadline.timeout.connect(lambda: qapp.exit(3))
    deadline.start(60_000)
    settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
    try:
        code = xapp._run_window(qapp, data_paths, translations, settings, ["Noto Sans SC"], Guard(),
                                smoke_test=False)
    finally:
        deadline.stop()
    assert code == 0 and len(shown) == 2
    first_window, first_db, check = shown[0]
    assert check is not None and check.health.state == "damaged" and first_db.write_gate.refused
    (folder, backup), = offered
    assert folder.parent == data_paths.damaged and (backup.path == good.path if backed_up else backup is None)
    assert hashlib.sha256((folder / "xinye.sqlite3").read_bytes()).hexdigest() == damaged, "moved as it was"
    second_window, second_db, second_check = shown[1]
    assert second_check is None and second_db is not first_db
    assert integrity_problems(data_paths.database) == []
    conn = sqlite3.connect(data_paths.database)
    found = conn.execute("SELECT case_number FROM cases WHERE id = ?", (case.id,)).fetchone()
    conn.close()
    assert found == ((case.case_number,) if backed_up else None)
    second_window.close()
    second_window.deleteLater()  # its timers (the start backup) go with it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_status_label_s_last_backup_sizes_only_the_newest_backup(data_paths, monkeypatch):
    """At start the status bar asks for the last backup: it must not walk every backup's documents (one
    stat per file in each of the ~20 backups kept)."""
    import datetime as dt

    from xinye_desktop.app import open_database
    from xinye_desktop.services.backup import BackupService
    from xinye_desktop.services.backup import snapshot as snapshot_module

    _database_with_ballast(data_paths)
    db = open_database(data_paths)
    clock = {"now": dt.datetime(2026, 11, 20, 9, 0)}
    service = BackupService(data_paths, db, now=lambda: clock["now"])
    made = []
    for hours in range(3):
        clock["now"] += dt.timedelta(hours=hours + 1)
        made.append(service.create("daily").backup)
    db.close()
    walked = []
    real = snapshot_module.tree_size
    monkeypatch.setattr(snapshot_module, "tree_size", lambda path: walked.append(path) or real(path))
    last = BackupService(data_paths).last_backup()
    assert last.path == made[-1].path and last.size == made[-1].size > 0
    assert walked == [made[-1].path]


def test_a_fitted_table_measures_its_content_once_per_change_and_from_a_sample_of_rows(qtbot):
    """The today tab on a large folder shows 4 lists of 200 rows at start: resizing the window must not
    measure every cell again, and measuring reads the rows in view and around them, not all 200."""
    from PySide6.QtWidgets import QTableView

    from xinye_desktop.ui.widgets import ColumnFitter, RowsModel

    class Counting(RowsModel):
        reads = 0

        def data(self, index, role=0):
            Counting.reads += 1
            return super().data(index, role)

    class View(QTableView):
        measured = 0

        def sizeHintForColumn(self, column):
            View.measured += 1
            return super().sizeHintForColumn(column)

    model = Counting()
    model.set_headers(["日期", "案号", "当事人"])
    view = View()
    view.setModel(model)
    qtbot.addWidget(view)
    fitter = ColumnFitter(view, elastic=(2,), stretch=2)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    Counting.reads = View.measured = 0
    model.set_rows([["2026-11-20", f"（2026）新调字第{n:03d}号", "李秀英 " * (1 + n % 3)] for n in range(200)])
    sampled, measured = Counting.reads, View.measured
    assert measured == 3, "each column measured once for the new rows"
    widths = [view.columnWidth(c) for c in range(3)]
    for width in (700, 650, 800, 600):
        view.resize(width, 300)
        qtbot.wait(10)
    assert View.measured == 3, "a resize shares out the room again, it does not measure again"
    assert [view.columnWidth(c) for c in range(2)] == widths[:2]
    view.horizontalHeader().setResizeContentsPrecision(1000)  # Qt's default: every row
    Counting.reads = 0
    fitter.fit()
    assert 0 < sampled * 3 < Counting.reads, "a sample of the rows (20 of 200), not every cell"
    model.set_rows([["2026-11-21", "（2026）新调字第1234567号", "王"]])
    assert view.columnWidth(1) > widths[1], "new rows are measured again"
