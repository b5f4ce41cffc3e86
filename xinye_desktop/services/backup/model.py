"""The backup package's vocabulary: kinds of backup, what a backup or a restore gives back, the error
that says why one did not happen. Values only; snapshot.py, restore.py and health.py share them."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.i18n import QT_TRANSLATE_NOOP
from ..failures import Failure, explain

MANIFEST = "manifest.json"
FORMAT = 1
INCOMPLETE = ".incomplete-"
REMOVING = ".removing-"  # an old backup being deleted: renamed first, so it never looks whole
SECOND_SUBFOLDER = "三理室调解台备份"  # made inside the chosen second folder (a USB drive)
SECOND_FOLDER_NOTE = "second-folder.txt"  # in backups/: the second folder, readable without the database

START, DAILY, MANUAL, MIGRATION, BEFORE_RESTORE, EXPORT = (
    "start", "daily", "manual", "migration", "before_restore", "export")
KIND_LABELS = {
    START: QT_TRANSLATE_NOOP("Backup", "启动时"),
    DAILY: QT_TRANSLATE_NOOP("Backup", "每日"),
    MANUAL: QT_TRANSLATE_NOOP("Backup", "手动"),
    MIGRATION: QT_TRANSLATE_NOOP("Backup", "升级前"),
    BEFORE_RESTORE: QT_TRANSLATE_NOOP("Backup", "恢复前"),
    EXPORT: QT_TRANSLATE_NOOP("Backup", "导出"),
}
# Only these are thinned out; copies made before an upgrade or a restore are kept until deleted by hand.
ROTATED_KINDS = frozenset({START, DAILY, MANUAL})
KEEP_NEWEST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 3, 7, 4, 12
COUNTED_TABLES = ("cases", "parties", "agreements", "sittings", "elders")
# A hub's (司法所, 司法局) backup on SQLite also holds the villages' documents it keeps: the manifest's section
# (beside "documents") -> their folder, in the data folder (paths.hub_documents) and in the backup alike.
# Copied as they are: each is already sealed to the hub's key (services/hub/importer.py).
HUB_DOCUMENTS = "hub_documents"
DOCUMENT_FOLDERS = {"documents": "documents", HUB_DOCUMENTS: "hub-documents"}

UNEXPECTED = QT_TRANSLATE_NOOP("Backup", "备份没有完成：{error}")

_LOCKS: dict[Path, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def folder_lock(root: Path) -> threading.RLock:
    """One lock per data folder: backups, rotation and restores of that folder run one at a time,
    whichever BackupService (the window's, a worker's, the command line's) asks."""
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(root, threading.RLock())


class BackupFailed(Exception):
    """A backup or restore did not happen; ``failure.text()`` tells the user why and what to do.
    Nothing was changed: a half-written copy is removed, the data folder is as it was."""

    def __init__(self, failure_: Failure):
        super().__init__(failure_.detail or failure_.text())
        self.failure = failure_


def refused(message: str, **params) -> BackupFailed:
    return BackupFailed(Failure("refused", message, params))


@dataclass(frozen=True)
class BackupInfo:
    path: Path  # a snapshot folder, a .zip, or a database-only .sqlite3 file
    created: dt.datetime  # local time
    kind: str
    counts: dict[str, int | None]
    documents: int
    size: int  # bytes on disk (hard-linked documents counted in full)
    location: str  # "local", "second" or "file"
    schema: str | None = None
    database_only: bool = False  # a bare database file: restoring it leaves the documents as they are

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class BackupResult:
    backup: BackupInfo
    second: BackupInfo | None = None  # the copy in the second folder, when one is set and reachable
    second_failure: Failure | None = None
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    before: BackupInfo | None  # the backup of what was there before
    documents_copied: int
    set_aside: Path | None = None  # a damaged current database, moved here


@dataclass(frozen=True)
class Health:
    """The database at start: "ok", "missing" (first start), "damaged" or "locked"."""

    state: str
    problems: tuple[str, ...] = ()
    failure: Failure | None = None


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)  # worth acting on, but the data is fine

    @property
    def ok(self) -> bool:
        return not self.problems


def backup_failed(err: BaseException, folder: Path) -> BackupFailed:
    """An OSError or sqlite3 error as the BackupFailed a user reads (a full disk, a pulled USB drive...);
    one no condition explains says so with its text."""
    found = explain(err, folder)
    if found is None:
        found = Failure("error", UNEXPECTED, {"error": str(err)}, f"{type(err).__name__}: {err}")
    return BackupFailed(found)
