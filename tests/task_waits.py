"""Waiting for the work a button started on a worker thread (ui/tasks.py), as a user waits for it."""

from __future__ import annotations

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication


def outcome(qtbot, task, timeout: int = 30000):
    """What ``task`` returned, once its callbacks have run on the GUI thread; None when no task was started
    (nothing to do, or refused before any work) or the work raised (its error handler has run by then).

    Call it right after the action that started the task: its outcome is delivered through the event loop,
    which has not run yet, so connecting now catches it."""
    if task is None:
        return None
    assert task.running, "the task settled before it was awaited: its result cannot be caught any more"
    returned = []
    task.finished.connect(returned.append)
    qtbot.waitUntil(lambda: not task.running, timeout=timeout)
    return returned[0] if returned else None


class ThreadSpy:
    """Wraps a function so each call records whether it ran off the GUI thread; the call is passed through."""

    def __init__(self, function, delay: float = 0.0):
        self.function, self.delay = function, delay
        self.off_gui_thread: list[bool] = []

    def __call__(self, *args, **kwargs):
        import time

        self.off_gui_thread.append(QThread.currentThread() != QApplication.instance().thread())
        if self.delay:
            time.sleep(self.delay)
        return self.function(*args, **kwargs)
