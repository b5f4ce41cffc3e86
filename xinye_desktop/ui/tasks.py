"""Long work off the GUI thread: the one helper every tab uses (architecture.md, rule 5).

``run_task(work, *args, ...)`` runs ``work(*args)`` on a worker thread of a Qt thread pool and returns at
once with a ``Task``; the window keeps answering the mouse and keyboard meanwhile.

Thread contract
- ``work`` gets ids and plain values (numbers, text, paths, filters: frozen dataclasses of values) and the
  service whose method it is. Never a Session, an ORM record or a widget: a service opens its own
  transaction on the worker thread (the engine is thread-safe; ``Database.read_connection()`` is not, so a
  worker never uses it).
- ``work`` touches no widget and no QObject of the GUI thread. To report progress it takes a keyword
  argument ``progress`` (pass ``with_progress=True``) and calls ``progress(done, total, text="")``, which
  is safe from any thread.
- What it returns comes back on the GUI thread: ``on_done(result)`` and the ``Task.finished`` signal.
  An exception comes back there too: ``on_error(error)`` and ``Task.failed``; without ``on_error`` it goes
  to ``present_error``, the one error presenter (the app's ErrorReporter: logged, then shown in plain
  Chinese — what services/failures.py says of a full disk, a read-only folder or a locked file, else
  "程序出错"). Callbacks and signals arrive through queued connections, so they may update widgets.
- ``owner``: a widget the callbacks belong to. If it is destroyed before the work ends, the result is
  dropped (the work itself runs to its end: it is one transaction and is never cut off halfway).
- ``progress_bar`` (a QProgressBar of the caller's) follows the progress; ``message`` shows a modal
  QProgressDialog with that text for work that may take long (it appears only after half a second, so
  quick work does not flash a window).
- ``Task.wait(timeout)`` blocks the calling thread until the work has ended (closing the window while a
  backup is being written); the callbacks then still come through the event loop.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

log = logging.getLogger(__name__)
DIALOG_DELAY_MS = 500  # a QProgressDialog shows only for work that takes longer than this

_pool: QThreadPool | None = None
_live: set["Task"] = set()  # running tasks, kept alive until their callbacks have run


def _thread_pool() -> QThreadPool:
    """The pool the tasks run in, apart from Qt's global one, with room for a backup and an export at
    once even on a one-core PC."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
    return _pool


def present_error(error: BaseException) -> None:
    """The one error presenter for work that failed and has no ``on_error`` of its own: the exception goes
    where an uncaught one goes. In the app that is ErrorReporter.handle (ui/error_dialog.py, installed as
    sys.excepthook): it logs the traceback, saves the drafts and shows the plain-Chinese message."""
    sys.excepthook(type(error), error, error.__traceback__)


class _Runnable(QRunnable):
    def __init__(self, task: "Task"):
        super().__init__()
        self._task = task

    def run(self) -> None:  # on the worker thread
        self._task._run()


class Task(QObject):
    """One piece of work on a worker thread. Signals are emitted on the GUI thread."""

    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised
    progressed = Signal(int, int, str)  # done, total, text

    # Emitted on the worker thread; the Task lives on the GUI thread, so Qt queues them there.
    _returned = Signal(object)
    _raised = Signal(object)
    _progress = Signal(int, int, str)

    def __init__(self, work: Callable[..., Any], args: tuple, *, with_progress: bool = False,
                 on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
                 owner: QObject | None = None, progress_bar: QProgressBar | None = None, message: str | None = None,
                 name: str = ""):
        super().__init__()
        self._work, self._args, self._with_progress = work, args, with_progress
        self._on_done, self._on_error = on_done, on_error
        self._progress_bar = progress_bar
        self._message = message
        self._dialog: QProgressDialog | None = None
        self._owner_gone = False
        self._settled = False  # the callbacks have run (GUI thread)
        self._ended = threading.Event()  # the work has returned or raised (any thread)
        self.name = name or getattr(work, "__name__", "task")
        self._returned.connect(self._on_returned, Qt.ConnectionType.QueuedConnection)
        self._raised.connect(self._on_raised, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        # Weakly: the Task must not keep its window alive, nor be the last holder whose clean-up destroys
        # it (the window's ``destroyed`` would then call into a Task half torn down).
        self._owner = weakref.ref(owner) if owner is not None else None
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)

    # -- GUI thread
    def start(self) -> "Task":
        _live.add(self)
        if self._progress_bar is not None:
            self._progress_bar.setRange(0, 0)  # busy until the first report
            self._progress_bar.show()
        if self._message is not None:
            owner = self._owner() if self._owner is not None else None
            parent = owner.window() if isinstance(owner, QWidget) else (
                self._progress_bar.window() if self._progress_bar is not None else None)
            self._dialog = QProgressDialog(self._message, "", 0, 0, parent)
            self._dialog.setCancelButton(None)  # the work is one transaction: nothing to cut off halfway
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(DIALOG_DELAY_MS)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.setValue(0)  # starts the minimum-duration timer
        _thread_pool().start(_Runnable(self))
        return self

    @property
    def running(self) -> bool:
        """Started and its outcome not yet delivered on the GUI thread."""
        return not self._settled

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (seconds; None: as long as it takes). True if it has."""
        return self._ended.wait(timeout)

    @Slot(object)
    def _on_returned(self, result) -> None:
        self._settle()
        if not self._owner_gone:
            if self._on_done is not None:
                self._on_done(result)
            self.finished.emit(result)
        _live.discard(self)

    @Slot(object)
    def _on_raised(self, error) -> None:
        self._settle()
        if not self._owner_gone:
            if self._on_error is not None:
                self._on_error(error)
            else:
                present_error(error)
            self.failed.emit(error)
        else:
            log.warning("background task %s failed after its window closed", self.name, exc_info=error)
        _live.discard(self)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self._settled or self._owner_gone:
            return
        if self._progress_bar is not None and shiboken6.isValid(self._progress_bar):
            self._progress_bar.setRange(0, max(total, 0))
            self._progress_bar.setValue(done)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(done)
            if text:
                self._dialog.setLabelText(text)
        self.progressed.emit(done, total, text)

    def _settle(self) -> None:
        self._settled = True
        self._close_dialog()
        owner = self._owner() if self._owner is not None else None
        if owner is not None and shiboken6.isValid(owner):
            owner.destroyed.disconnect(self._on_owner_destroyed)
        if self._progress_bar is not None and shiboken6.isValid(self._progress_bar):
            self._progress_bar.setRange(0, 1)
            self._progress_bar.setValue(1)

    def _close_dialog(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # it may have gone with its window
            dialog.close()
            dialog.deleteLater()

    def _on_owner_destroyed(self, *_args) -> None:
        self._owner_gone = True
        self._owner = self._progress_bar = None
        self._close_dialog()

    # -- worker thread
    def _report(self, done: int, total: int, text: str = "") -> None:
        self._progress.emit(int(done), int(total), str(text))

    def _run(self) -> None:
        try:
            if self._with_progress:
                result = self._work(*self._args, progress=self._report)
            else:
                result = self._work(*self._args)
        except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._raised.emit(error)
        else:
            self._returned.emit(result)
        finally:
            # After the emit: the outcome is already queued for the GUI thread when wait() returns.
            self._ended.set()


def run_task(work: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None, owner: QWidget | None = None,
             with_progress: bool = False, progress_bar: QProgressBar | None = None, message: str | None = None,
             name: str = "") -> Task:
    """Start ``work(*args)`` on a worker thread (see the module's thread contract); returns its Task."""
    return Task(work, args, with_progress=with_progress, on_done=on_done, on_error=on_error, owner=owner,
                progress_bar=progress_bar, message=message, name=name).start()
