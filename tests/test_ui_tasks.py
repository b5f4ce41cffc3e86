"""ui/tasks.py: work on a worker thread, its outcome back on the GUI thread, progress, one error presenter."""

from __future__ import annotations

import errno
import sys
import time

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QLineEdit, QProgressBar, QWidget

from xinye_desktop.ui.tasks import run_task


def test_the_result_arrives_on_the_gui_thread_and_the_work_ran_off_it(qtbot, qapp):
    gui = qapp.thread()
    seen = {}

    def work(case_id: int, text: str) -> str:
        seen["worker"] = QThread.currentThread()
        return f"{case_id}:{text}"

    def done(result):
        seen["slot"] = QThread.currentThread()
        seen["result"] = result

    task = run_task(work, 7, "王庄村", on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000) as finished:
        pass
    assert finished.args == ["7:王庄村"] and seen["result"] == "7:王庄村"
    assert seen["slot"] is gui or seen["slot"] == gui
    assert seen["worker"] != gui
    assert not task.running and task.wait(0)


def test_an_exception_in_the_worker_reaches_the_error_presenter_in_chinese(qtbot, tmp_path, monkeypatch):
    """No on_error of its own: the app's ErrorReporter shows it, worded by services/failures.py."""
    from xinye_desktop.ui.error_dialog import ErrorReporter

    shown = []
    monkeypatch.setattr(ErrorReporter, "show_box", staticmethod(lambda *args: shown.append(args)))
    reporter = ErrorReporter(tmp_path / "logs" / "x.log", tmp_path, lambda: None)
    monkeypatch.setattr(sys, "excepthook", reporter.handle)
    on_gui = []

    def work():
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "台账.xlsx"))

    task = run_task(work)
    task.failed.connect(lambda error: on_gui.append(QThread.currentThread()))
    with qtbot.waitSignal(task.failed, timeout=5000) as failed:
        pass
    assert isinstance(failed.args[0], OSError)
    (_parent, storage_problem, message, _log, details), = shown
    assert storage_problem and "磁盘空间已满" in message and "No space left" in details
    assert on_gui == [QThread.currentThread()]


def test_a_task_with_its_own_error_handler_gets_the_exception_on_the_gui_thread(qtbot, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", lambda *args: pytest.fail("handled by on_error"))
    caught = []

    def work():
        raise ValueError("坏数据")

    task = run_task(work, on_error=lambda error: caught.append((str(error), QThread.currentThread())))
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert caught == [("坏数据", QThread.currentThread())]


def test_progress_reaches_the_bar_and_the_signal(qtbot):
    bar = QProgressBar()
    qtbot.addWidget(bar)
    reports = []

    def work(count: int, progress):
        for done in range(1, count + 1):
            progress(done, count, f"第{done}份")
        return count

    task = run_task(work, 3, with_progress=True, progress_bar=bar)
    task.progressed.connect(lambda done, total, text: reports.append((done, total, text)))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: len(reports) == 3, timeout=2000)
    assert reports == [(1, 3, "第1份"), (2, 3, "第2份"), (3, 3, "第3份")]
    assert bar.value() == bar.maximum()


def test_a_long_task_shows_its_message_in_a_progress_dialog_that_closes_at_the_end(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()

    def work(progress):
        time.sleep(0.8)  # longer than the dialog's delay
        progress(1, 2, "正在写入第二部分…")
        time.sleep(0.2)
        return "ok"

    task = run_task(work, with_progress=True, owner=window, message="正在导出，请稍候…")
    dialog = task.dialog
    assert dialog.labelText() == "正在导出，请稍候…"
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.dialog is None and not dialog.isVisible()


def test_the_window_stays_responsive_while_a_worker_sleeps(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    task = run_task(time.sleep, 1.0)
    started = time.monotonic()
    QTimer.singleShot(50, lambda: qtbot.keyClicks(edit, "wangzhuang 3"))  # QTest types Latin-1 only
    qtbot.waitUntil(lambda: edit.text() == "wangzhuang 3", timeout=900)
    assert task.running and time.monotonic() - started < 1.0, "typed while the worker still slept"
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass


def test_a_result_for_a_closed_window_is_dropped(qtbot):
    widget = QWidget()
    got = []
    task = run_task(time.sleep, 0.2, owner=widget, on_done=got.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert got == []


# ---------------------------------------------------------------- the call sites moved onto the helper

def test_the_ledger_export_runs_off_the_gui_thread_and_reports_a_failure_in_the_count_line(
        make_window, qtbot, tmp_path, monkeypatch):
    from xinye_desktop.services.ledger import LedgerService

    window = make_window()
    ledger = window.ledger_tab
    threads = []

    def failing_export(self, flt, sort, descending, target, progress=None):
        threads.append(QThread.currentThread())
        time.sleep(0.2)
        raise OSError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(LedgerService, "export_xlsx", failing_export)
    with qtbot.waitSignal(ledger.exported, timeout=5000) as exported:
        ledger.export(tmp_path / "台账.xlsx")
        assert not ledger.export_button.isEnabled() and ledger.count_label.text() == "正在导出…"
    assert exported.args == [str(tmp_path / "台账.xlsx")]
    assert threads and threads[0] != QThread.currentThread()
    assert ledger.count_label.text().startswith("导出失败：") and "Permission denied" in ledger.count_label.text()
    assert ledger.export_button.isEnabled()
