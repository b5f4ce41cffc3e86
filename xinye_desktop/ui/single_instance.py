"""One running app per data folder: starting it again brings the open window forward instead of
opening the same database twice.

A QLockFile in the data folder says who has it. It is held for the whole session, so its stale
time is 0 (never stale by age); a holder that crashed is recognised by Qt from the process id,
host and boot recorded in the file, and the lock is taken over without asking. The running app
listens on a QLocalServer whose name is made from the user and the folder; a second start that
finds the lock taken asks it to show its window and exits.

Only QtCore is used, so the command line (``restore``) can take the same lock without a window.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = ".instance.lock"
SHOW = b"show\n"


class InstanceGuard:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = QLockFile(str(self.root / LOCK_NAME))
        self._lock.setStaleLockTime(0)
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name (some service accounts)
            user = "user"
        digest = hashlib.sha256(f"{user}\n{self.root.resolve()}".encode("utf-8")).hexdigest()[:20]
        self.server_name = f"xinye-desktop-{digest}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the folder; False when another live process has it."""
        return self._lock.tryLock(0)

    def holder(self) -> tuple[int, str, str] | None:
        """(process id, host name, program) of whoever holds the lock, if it can be read."""
        info = self._lock.getLockInfo()
        return tuple(info) if info else None

    def take_over(self) -> bool:
        """Remove a lock the user confirmed is left over (another PC's name, a hung process)."""
        return self._lock.removeStaleLockFile() and self._lock.tryLock(0)

    def ask_running_to_show(self, timeout_ms: int = 3000) -> bool:
        """Ask the app that holds the folder to bring its window forward; True once it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SHOW)
        socket.waitForBytesWritten(timeout_ms)  # False when flushed already: not a failure
        if not socket.bytesAvailable():
            socket.waitForReadyRead(timeout_ms)
        reply = bytes(socket.readAll().data())
        socket.disconnectFromServer()
        return reply.startswith(b"ok")

    def listen(self, on_show: Callable[[], None]) -> bool:
        """Answer later starts: ``on_show`` runs on the GUI thread for each one."""
        QLocalServer.removeServer(self.server_name)  # a socket a crash left behind; we hold the lock
        self._server = QLocalServer()
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(self.server_name):
            return False

        def on_connection() -> None:
            while self._server is not None and self._server.hasPendingConnections():
                connection = self._server.nextPendingConnection()

                def on_ready(connection=connection) -> None:
                    if bytes(connection.readAll().data()).startswith(SHOW.strip()):
                        on_show()
                        connection.write(b"ok\n")
                        connection.flush()
                    connection.disconnectFromServer()

                connection.readyRead.connect(on_ready)
                connection.disconnected.connect(connection.deleteLater)
                if connection.bytesAvailable():  # arrived before the signal was connected
                    on_ready()

        self._server.newConnection.connect(on_connection)
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def ask_take_over(holder: tuple[int, str, str] | None) -> bool:
    """The folder is locked by a process that does not answer: ask before taking it over."""
    from PySide6.QtWidgets import QMessageBox

    from .i18n import translate

    pid, host, _program = holder or (0, "", "")
    box = QMessageBox(QMessageBox.Icon.Warning, translate("SingleInstance", "数据文件夹正被使用"), translate(
        "SingleInstance", "这个数据文件夹正被另一个三理室调解台使用（电脑：{host}，进程号：{pid}），但它没有响应。").format(
        host=host or "?", pid=pid))
    box.setInformativeText(translate(
        "SingleInstance", "如果那个程序已经关掉或卡住了，可以解除锁定后打开。"
                          "如果它正在另一台电脑上使用这个文件夹，请先在那台电脑上关闭它，再点“退出”后重新打开。"))
    take = box.addButton(translate("SingleInstance", "解除锁定并打开"), QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(translate("SingleInstance", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(leave)
    box.exec()
    return box.clickedButton() is take
