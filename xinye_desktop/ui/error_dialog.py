"""Unexpected errors: written to the rotating log in the data folder, then shown in plain Chinese
with the log's location, and the app carries on. What is typed is put in its draft first, so it
comes back at the next start even if the app is closed right after.

A full disk, a read-only folder or a database held by another program is not a bug: the message
then says what happened and what to do (services/failures.py), not "程序出错".
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from ..domain.errors import Refused
from ..services.failures import explain
from .i18n import translate

log = logging.getLogger("xinye_desktop")
REPEAT_QUIET_S = 30  # the same error again within this time is logged, not shown again


class ErrorReporter(QObject):
    # Errors on worker threads come to the GUI thread through this (queued) signal.
    raised = Signal(object, object, object)

    def __init__(self, log_file: Path, data_folder: Path, window: Callable[[], object | None],
                 smoke_failures: list[str] | None = None, on_smoke_failure: Callable[[], None] | None = None):
        super().__init__()
        self.log_file = Path(log_file)
        self._data_folder = Path(data_folder)
        self._window = window
        self._smoke_failures = smoke_failures
        self._on_smoke_failure = on_smoke_failure
        self._showing = False
        self._last: tuple[str, float] = ("", 0.0)
        self.raised.connect(self.handle)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._from_thread

    def _from_thread(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.raised.emit(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(self, kind, value, tb) -> None:
        """sys.excepthook: never raises itself."""
        text = "".join(traceback.format_exception(kind, value, tb))
        found = explain(value, self._data_folder) if isinstance(value, BaseException) else None
        if found is not None:
            log.warning("storage problem (%s)\n%s", found.kind, text)
        elif isinstance(value, Refused):
            log.info("refused: %s", value)
        else:
            log.error("unhandled error\n%s", text)
        if self._smoke_failures is not None:
            self._smoke_failures.append(text)
            print(text, file=sys.stderr)
            if self._on_smoke_failure is not None:
                self._on_smoke_failure()
            return
        window = self._window()
        if isinstance(value, Refused):
            # A service's refusal that no screen caught (a role that may not, 请先登录, a disabled
            # account): the rule's own words, not "程序出错"; nothing was written.
            from .login_dialog import refusal_text

            self.show_refusal(window, refusal_text(value))
            return
        if window is not None:
            try:
                window.save_drafts()
            except Exception:  # noqa: BLE001 - a second error must not hide the first
                log.exception("could not save the drafts after the error")
        if found is not None:
            from .backup_dialog import failure_text  # here: the dialog's module is not needed to start

            message = failure_text(found)
        else:
            message = ""
        key, now = f"{kind.__name__}: {value}", time.monotonic()
        if self._showing or (key == self._last[0] and now - self._last[1] < REPEAT_QUIET_S):
            return  # one dialog at a time; an error repeating in a loop does not bury the user
        self._last = (key, now)
        self._showing = True
        try:
            self.show_box(window, found is not None, message, str(self.log_file), text)
        finally:
            self._showing = False

    @staticmethod
    def show_refusal(parent, message: str) -> None:
        """A refusal of the rules (tests replace this to see it)."""
        QMessageBox.warning(parent, translate("ErrorDialog", "不能这样做"), message)

    @staticmethod
    def show_box(parent, storage_problem: bool, message: str, log_file: str, details: str) -> None:
        """The dialog; tests replace it to see what would be shown."""
        if storage_problem:
            title = translate("ErrorDialog", "操作没有完成")
            text = message
        else:
            title = translate("ErrorDialog", "程序出错")
            text = translate("ErrorDialog", "程序遇到一个意外的错误，这一步可能没有完成。已保存的案件都在数据库里；"
                                            "正在填写的内容已存为草稿，下次打开时会提示恢复。您可以继续使用。")
        box = QMessageBox(QMessageBox.Icon.Warning if storage_problem else QMessageBox.Icon.Critical, title, text,
                          parent=parent)
        box.setInformativeText(translate("ErrorDialog", "详细情况已记录在日志文件中：\n{log}\n"
                                                        "如果反复出现，请把这个文件发给技术支持人员。").format(log=log_file))
        box.setDetailedText(details)
        open_logs = box.addButton(translate("ErrorDialog", "打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
        carry_on = box.addButton(translate("ErrorDialog", "继续使用"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(carry_on)
        box.exec()
        if box.clickedButton() is open_logs:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(log_file).parent)))
