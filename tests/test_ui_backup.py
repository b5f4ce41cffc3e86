"""The window's side of data safety: the 备份与恢复 dialog, the status bar, restoring, the error
dialog with drafts coming back, and the checks at start (damaged database)."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import threading

import pytest

from tests.helpers import valid_case_input
from tests.ui_helpers import fill_valid_case
from xinye_desktop.services.backup import snapshot as snapshot_module
from xinye_desktop.services.backup import BackupService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.ui.backup_dialog import BackupDialog

SHOTS = os.environ.get("XINYE_SHOTS")  # a folder: save pictures of what the tests show


def shoot(widget, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # pending layout after a label changed
        os.makedirs(SHOTS, exist_ok=True)
        widget.grab().save(os.path.join(SHOTS, name))


def back_up(qtbot, window, kind="manual"):
    with qtbot.waitSignal(window.backup_runner.finished, timeout=20000) as done:
        assert window.backup_runner.run(kind)
    return done.args[0]


def test_status_bar_shows_the_last_backup_and_the_dialog_lists_it_with_counts(make_window, qtbot):
    window = make_window()
    assert window.backup_label.text() == "尚未备份"
    window.services.intake.register(valid_case_input())
    result = back_up(qtbot, window, "start")
    assert window.backup_label.text().startswith("上次备份：今天 ")
    assert window.backup_label.toolTip() == str(result.backup.path)
    shoot(window, "main-window-status.png")

    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1:6] == ["启动时", "1", "2", "0", "0"] and row[7] == "本机"
    assert str(window.services.paths.backups) in dialog.folder_label.text()
    assert window.backup_action.text() == "备份与恢复…"
    shoot(dialog, "backup-dialog.png")


def test_restore_from_the_dialog_after_confirming_brings_the_window_back_on_that_data(make_window, qtbot, monkeypatch):
    window = make_window()
    intake = window.services.intake
    first = intake.register(valid_case_input())
    back_up(qtbot, window)
    intake.register(valid_case_input(tag=1))
    fill_valid_case(qtbot, window.intake_tab, facts="恢复前正在填写、还没有保存的内容。")

    asked = []
    monkeypatch.setattr(BackupDialog, "ask_restore", staticmethod(lambda parent, b: asked.append(b) or True))
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.restored, timeout=20000):
        dialog.restore_button.click()
    assert asked and asked[0].counts["cases"] == 1

    fresh = make_window()  # what app.py does on `restored`
    assert fresh.ledger_tab.model.total == 1
    assert fresh.ledger_tab.model.row_at(0).case_number == first.case_number
    # The unsaved form was kept as a dated draft (not lost, not offered over the restored data).
    drafts = [p.name for p in window.services.paths.drafts.glob("intake-*.json")]
    assert len(drafts) == 1
    kinds = [b.kind for b in window.services.backups.list_backups()]
    assert "before_restore" in kinds
    window.close()  # replaced: closes without writing its old forms into the restored data



def test_a_restore_runs_off_the_gui_thread_while_the_window_paints_and_takes_no_input(make_window, qtbot,
                                                                                     monkeypatch):
    """The window's timers tick and the progress dialog comes up while the restore works on a worker
    thread; its tabs, menus and status bar take no typing and it does not close meanwhile, so nothing is
    written to the data being replaced."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from tests.task_waits import ThreadSpy

    window = make_window()
    window.services.intake.register(valid_case_input())
    made = back_up(qtbot, window).backup
    window.services.intake.register(valid_case_input(tag=1))
    spy = ThreadSpy(BackupService.restore, delay=1.2)  # longer than the progress dialog's delay
    monkeypatch.setattr(BackupService, "restore", lambda self, source: spy(self, source))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    ticks = []
    timer = QTimer(window, interval=20, timeout=lambda: ticks.append(1))
    timer.start()
    search = window.ledger_tab.search_edit

    with qtbot.waitSignal(window.restored, timeout=20000):
        task = window.restore_backup(made.path)
        started = len(ticks)
        qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=1100)
        assert len(ticks) - started >= 10 and task.running, "the timer ticked while the worker restored"
        assert task.dialog.labelText() == "正在恢复备份，请稍候…"
        assert not (window.menuBar().isEnabled() or window.centralWidget().isEnabled()
                    or window.statusBar().isEnabled())
        qtbot.keyClicks(search, "abc")
        assert search.text() == "" and task.running
        assert not window.close() and window.isVisible(), "it closes once the restore has ended"
    timer.stop()
    assert spy.off_gui_thread == [True]
    fresh = make_window()  # what app.py does on `restored`
    assert fresh.ledger_tab.model.total == 1
    window.close()


def test_a_restore_that_fails_says_why_and_gives_the_window_back_on_the_same_data(make_window, qtbot, tmp_path,
                                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.task_waits import outcome

    window = make_window()
    window.services.intake.register(valid_case_input())
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append((title, text))))
    not_a_backup = tmp_path / "备份.zip"
    not_a_backup.write_bytes(b"not a backup")
    assert outcome(qtbot, window.restore_backup(not_a_backup)) is None
    assert warned and warned[0][0] == "没有恢复" and "这不是三理室调解台的备份" in warned[0][1]
    assert window.menuBar().isEnabled() and window.centralWidget().isEnabled() and window.statusBar().isEnabled()
    window.services.intake.register(valid_case_input(tag=1))  # the closed Database reopens on the GUI thread
    assert window.services.ledger.total() == 2
    assert window.close()

def test_second_folder_from_the_dialog_and_a_pulled_usb_drive_in_the_status_bar(make_window, qtbot, tmp_path,
                                                                                monkeypatch):
    window = make_window()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(BackupDialog, "choose_folder", staticmethod(lambda parent: str(usb)))
    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    dialog.choose_button.click()
    assert dialog.second_edit.text() == str(usb) and "以后每次备份都会再复制一份到" in dialog.notice.text()
    with qtbot.waitSignal(window.backup_runner.finished, timeout=20000):
        dialog.backup_button.click()
    assert "第二位置也已写入" in dialog.notice.text()
    shoot(dialog, "backup-dialog-second-folder.png")

    shutil.rmtree(usb)
    back_up(qtbot, window)
    assert window.backup_label.text().endswith("（U盘未写入）")
    assert "可能已经拔出" in window.backup_label.toolTip()
    shoot(window.statusBar(), "status-usb-missing.png")


def test_a_failed_automatic_backup_is_shown_in_red_with_what_to_do(make_window, qtbot, monkeypatch):
    window = make_window()
    (window.services.paths.documents / "协议.pdf").write_bytes(b"%PDF")

    def full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(snapshot_module, "copy_file", full)
    with qtbot.waitSignal(window.backup_runner.failed, timeout=20000):
        window.backup_runner.run("daily")
    assert window.backup_label.text() == "备份失败，点此查看"
    assert "磁盘空间已满" in window.backup_label.toolTip()
    dialog = window.backup_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.backup_runner.failed, timeout=20000):
        dialog.backup_button.click()
    assert dialog.notice.text().startswith("备份没有完成。磁盘空间已满")
    shoot(dialog, "backup-dialog-disk-full.png")


# ---------------------------------------------------------------- errors and drafts

@pytest.fixture
def log_file(data_paths):
    from xinye_desktop.app import setup_logging

    root = logging.getLogger()
    before = list(root.handlers)
    setup_logging(data_paths)
    yield data_paths.logs / "xinye-desktop.log"
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_an_unexpected_error_is_logged_shown_with_the_log_path_and_the_typed_form_comes_back(
        make_window, qtbot, monkeypatch, log_file, data_paths):
    from xinye_desktop.ui.error_dialog import ErrorReporter

    window = make_window()
    fill_valid_case(qtbot, window.intake_tab, facts="出错之前已经填写的纠纷情况，不能丢。")
    shown = []
    monkeypatch.setattr(ErrorReporter, "show_box", staticmethod(lambda *args: shown.append(args)))
    reporter = ErrorReporter(log_file, data_paths.root, lambda: window)
    monkeypatch.setattr(threading, "excepthook", reporter._from_thread)

    worker = threading.Thread(target=lambda: 1 / 0)  # an error on a worker thread reaches the GUI thread
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    parent, storage_problem, message, log_path, details = shown[0]
    assert parent is window and not storage_problem and log_path == str(log_file)
    assert "ZeroDivisionError" in details and "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    # The same error again at once is logged, not shown again.
    try:
        1 / 0
    except ZeroDivisionError as err:
        reporter.handle(type(err), err, err.__traceback__)
    assert len(shown) == 1

    # The app is closed without saving (or dies): the next start offers the form back.
    window.intake_tab._autosave_timer.stop()
    restarted = make_window()
    monkeypatch.setattr(type(restarted), "ask_restore_draft", staticmethod(lambda parent, saved_at: True))
    restarted.offer_draft()
    assert restarted.intake_tab.facts_edit.toPlainText() == "出错之前已经填写的纠纷情况，不能丢。"


def test_a_storage_problem_gets_its_own_message_not_a_crash_report(make_window, monkeypatch, log_file, data_paths):
    from xinye_desktop.ui.error_dialog import ErrorReporter

    window = make_window()
    shown = []
    monkeypatch.setattr(ErrorReporter, "show_box", staticmethod(lambda *args: shown.append(args)))
    reporter = ErrorReporter(log_file, data_paths.root, lambda: window)
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.OperationalError as err:
        reporter.handle(type(err), err, err.__traceback__)
    (_parent, storage_problem, message, _log, _details), = shown
    assert storage_problem and message.startswith("磁盘空间已满") and str(data_paths.root) in message


# ---------------------------------------------------------------- at start

def test_a_damaged_database_at_start_is_moved_aside_and_the_newest_good_backup_offered(data_paths):
    from xinye_desktop.app import check_database_at_start, open_database

    db = open_database(data_paths)
    case = IntakeService(db).register(valid_case_input())
    BackupService(data_paths, db).create("start")
    db.close()
    data_paths.database.write_bytes(b"\0" * 8192)  # what a failing disk can leave

    offered = []
    assert check_database_at_start(data_paths, ask_damaged=lambda f, g, *_: offered.append((f, g)) or False) == ""
    folder, good = offered[0]
    assert folder.parent == data_paths.damaged and (folder / "xinye.sqlite3").read_bytes() == b"\0" * 8192
    assert good.counts["cases"] == 1 and not data_paths.database.exists()
    # Declined: asked again at the next start, with the files still set aside.
    assert check_database_at_start(data_paths, ask_damaged=lambda f, g, *_: offered.append((f, g)) or True) is None
    assert offered[1][0] is None and offered[1][1].path == good.path
    db = open_database(data_paths)
    assert IntakeService(db).load(case.id).case_number == case.case_number
    db.close()
    assert check_database_at_start(data_paths, ask_damaged=lambda f, g, *_: pytest.fail("nothing to ask")) is None


def test_at_start_an_emptied_database_is_set_aside_and_the_backup_with_the_cases_offered_not_the_empty_one(
        fill_demo, data_paths, make_window, monkeypatch):
    """Issue 13: a database truncated to 0 bytes in a folder with documents and backups. An earlier
    start did not notice it (the migrations built an empty schema, a start backup of no cases was
    made); now it is emptied again. This start must treat it as damaged, set it aside and offer the
    backup with the cases, naming the empty one with a warning; the window then shows the cases."""
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox

    from xinye_desktop.app import check_database_at_start, open_database

    fill_demo(40, 3)
    db = open_database(data_paths)
    full = BackupService(data_paths, db).create("start").backup
    db.close()
    assert full.counts["cases"] > 0 and any(data_paths.documents.rglob("*.pdf"))

    def empty_the_file():
        data_paths.database.write_bytes(b"")
        for leftover in data_paths.root.glob("xinye.sqlite3-*"):
            leftover.unlink()

    empty_the_file()
    open_database(data_paths).close()  # the unsuspecting start of before
    later = full.created + dt.timedelta(hours=1)
    empty = BackupService(data_paths, now=lambda: later).create("start").backup
    assert empty.counts["cases"] == 0
    empty_the_file()

    shown = []

    def answer(box):  # the real prompt (ask_damaged_at_start), answered with its default button
        shown.append((box.text(), box.informativeText()))
        box.defaultButton().click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert check_database_at_start(data_paths) is None
    (text, info), = shown
    (folder,) = data_paths.damaged.iterdir()
    assert str(folder) in text and (folder / "xinye.sqlite3").read_bytes() == b""
    assert f"案件 {full.counts['cases']} 件" in info
    assert "有 1 份较新的备份比更早的备份案件少" in info and "案件 0 件" in info
    window = make_window()
    assert window.ledger_tab.model.total == full.counts["cases"]
    assert BackupService(data_paths).check_database().state == "ok"


def test_a_damaged_database_without_any_backup_starts_empty_after_saying_so(data_paths):
    from xinye_desktop.app import check_database_at_start

    data_paths.database.write_bytes(b"garbage" * 1000)
    offered = []
    assert check_database_at_start(data_paths, ask_damaged=lambda f, g, *_: offered.append(g) or False) is None
    assert offered == [None] and len(list(data_paths.damaged.iterdir())) == 1


def test_a_database_held_by_another_program_is_left_alone_at_start(data_paths):
    from xinye_desktop.app import check_database_at_start, open_database

    open_database(data_paths).close()
    other = sqlite3.connect(data_paths.database, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        message = check_database_at_start(data_paths, ask_damaged=lambda f, g, *_: pytest.fail("not damaged"))
    finally:
        other.close()
    assert "其他程序占用" in message
    assert data_paths.database.exists() and not data_paths.damaged.exists()


def test_the_daily_check_backs_up_only_when_no_backup_was_made_today(make_window, qtbot):
    window = make_window()
    runner = window.backup_runner
    with qtbot.waitSignal(runner.finished, timeout=20000) as done:
        assert runner.run_if_due(), "nothing yet today: due"
    assert done.args[0].backup.kind == "daily"
    assert not runner.run_if_due(), "one a day"
    window.start_backups()  # what app.py does once the window is up: a backup now, then the timer
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)
    assert runner._timer.isActive() and runner._timer.interval() == 30 * 60 * 1000
    assert [b.kind for b in window.services.backups.list_backups()] == ["start", "daily"]
