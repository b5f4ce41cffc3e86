"""What went wrong with the disk or the database file, said so that a mediator knows what to do.

``explain(error, folder)`` recognises the few conditions an office PC really meets (a full disk,
a read-only or missing folder, a file held by another program, a damaged file, a failing disk)
whether they arrive as an ``OSError``, a ``sqlite3`` error or SQLAlchemy's wrapper of one, and
returns a plain-Chinese message (translatable, context "Failures"). Anything else returns None:
that is a bug, and the crash dialog handles it.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.i18n import QT_TRANSLATE_NOOP

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
LOCKED = "locked"
MISSING = "missing"
DAMAGED = "damaged"
DISK_ERROR = "disk_error"

MESSAGES = {
    DISK_FULL: QT_TRANSLATE_NOOP(
        "Failures", "磁盘空间已满，这一步没有完成；已保存的资料都还在。请删除不需要的大文件（如下载的视频）或清空回收站，"
                    "腾出空间后再试一次。位置：{folder}"),
    READ_ONLY: QT_TRANSLATE_NOOP(
        "Failures", "文件夹不能写入（只读或没有权限），这一步没有完成；已保存的资料都还在。"
                    "请让电脑管理员给这个文件夹写入权限后再试：{folder}"),
    LOCKED: QT_TRANSLATE_NOOP(
        "Failures", "数据库文件正被其他程序占用（例如杀毒软件、网盘同步或另一个打开的调解台），这一步没有完成；"
                    "已保存的资料都还在。请稍等片刻再试；如果一直这样，请关闭这些程序或重启电脑。"),
    MISSING: QT_TRANSLATE_NOOP(
        "Failures", "找不到文件夹 {folder}（如果是U盘，可能已经拔出）。请插好U盘或另选位置后再试。"),
    DAMAGED: QT_TRANSLATE_NOOP(
        "Failures", "数据库文件已损坏，这一步没有完成。请关闭程序后重新打开：程序会把损坏的文件移到一边保存，"
                    "并提供最近一份完好的备份来恢复。"),
    DISK_ERROR: QT_TRANSLATE_NOOP(
        "Failures", "读写磁盘时出错（磁盘可能已满或有故障），这一步没有完成；已保存的资料都还在。"
                    "请检查磁盘空间后再试；如果反复出现，请尽快把数据备份到U盘并请人检查硬盘。位置：{folder}"),
}


@dataclass(frozen=True)
class Failure:
    kind: str
    message: str  # translatable template (context "Failures")
    params: dict[str, object] = field(default_factory=dict)
    detail: str = ""  # the technical error, for the log

    def text(self) -> str:
        return self.message.format(**self.params)


def failure(kind: str, folder: Path | str | None = None, detail: str = "") -> Failure:
    return Failure(kind, MESSAGES[kind], {"folder": str(folder or "")}, detail)


_OS_KINDS = {
    errno.ENOSPC: DISK_FULL, errno.EFBIG: DISK_FULL, getattr(errno, "EDQUOT", -1): DISK_FULL,
    errno.EROFS: READ_ONLY, errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY,
    errno.ENOENT: MISSING, errno.ENODEV: MISSING, errno.ENXIO: MISSING, errno.ENOTDIR: MISSING,
    errno.EIO: DISK_ERROR,
}
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (another program has the file open).
_WINDOWS_LOCKED = {32, 33}
_SQLITE_KINDS = (  # (error name prefix, words in the message, kind): SQLite's own result codes first
    ("SQLITE_FULL", "database or disk is full", DISK_FULL),
    ("SQLITE_READONLY", "readonly database", READ_ONLY),
    ("SQLITE_BUSY", "database is locked", LOCKED),
    ("SQLITE_LOCKED", "database table is locked", LOCKED),
    ("SQLITE_CORRUPT", "malformed", DAMAGED),
    ("SQLITE_NOTADB", "file is not a database", DAMAGED),
    ("SQLITE_CANTOPEN", "unable to open database file", READ_ONLY),
    ("SQLITE_IOERR", "disk i/o error", DISK_ERROR),
)


def _chain(error: BaseException):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        orig = getattr(error, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        if isinstance(orig, BaseException):
            yield orig
        error = error.__cause__ or error.__context__


def classify(error: BaseException) -> str | None:
    for err in _chain(error):
        if isinstance(err, sqlite3.Error):
            name = getattr(err, "sqlite_errorname", "") or ""
            text = str(err).lower()
            for prefix, words, kind in _SQLITE_KINDS:
                if name.startswith(prefix) or words in text:
                    return kind
        elif isinstance(err, OSError):
            if getattr(err, "winerror", None) in _WINDOWS_LOCKED:
                return LOCKED
            if err.errno in _OS_KINDS:
                return _OS_KINDS[err.errno]
    return None


def explain(error: BaseException, folder: Path | str | None = None) -> Failure | None:
    """The plain message for a disk or database problem, or None when ``error`` is something else."""
    kind = classify(error)
    if kind is None:
        return None
    if folder is None:
        folder = next((getattr(e, "filename", None) for e in _chain(error) if getattr(e, "filename", None)), "")
    return failure(kind, folder, f"{type(error).__name__}: {error}")


def probe_writable(folder: Path) -> Failure | None:
    """None when a file can be written (and fsynced) in ``folder``; else why not. The probe file
    is removed again."""
    import os
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        try:
            os.write(fd, b"x")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as err:
        found = explain(err, folder) or failure(READ_ONLY, folder, str(err))
        if found.kind == MISSING and Path(folder).is_dir():
            # The folder is there but takes no new files (/proc, some network shares answer ENOENT):
            # "cannot find the folder" would send the user looking for something that is not lost.
            found = failure(READ_ONLY, folder, str(err))
        return found
    return None
