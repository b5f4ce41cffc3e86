"""BackupService: the one object the command line, the window and the tests use. It hands each call
to the part that does that job (snapshot.py, restore.py, health.py) and shares one data folder,
database and clock between them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...paths import DataPaths
from ...storage.database import Database
from .health import HealthCheck
from .model import MANUAL, BackupInfo, BackupResult, CheckReport, Health, RestoreResult
from .restore import Restorer
from .snapshot import Snapshots


class BackupService:
    """Thread contract: every public method may run on a worker thread; one lock per data folder
    makes backups, rotation and restores of that folder run one at a time."""

    def __init__(self, paths: DataPaths, db: Database | None = None, now=dt.datetime.now):
        self._paths = paths
        self._db = db
        self._snapshots = Snapshots(paths, db, now)
        self._health = HealthCheck(paths, self._snapshots, now)
        self._restorer = Restorer(paths, db, self._snapshots, self._health)

    @property
    def backups_folder(self) -> Path:
        return self._paths.backups

    # -- settings --------------------------------------------------------------------------------
    def second_folder(self) -> Path | None:
        return self._snapshots.second_folder()

    def set_second_folder(self, folder: Path | None) -> None:
        self._snapshots.set_second_folder(folder)

    # -- making and reading backups (snapshot.py) --------------------------------------------------
    def create(self, kind: str = MANUAL) -> BackupResult:
        return self._snapshots.create(kind)

    def before_migration(self) -> str:
        return self._snapshots.before_migration()

    def list_backups(self) -> list[BackupInfo]:
        return self._snapshots.list_backups()

    def last_backup(self) -> BackupInfo | None:
        return self._snapshots.last_backup()

    def is_due(self) -> bool:
        return self._snapshots.is_due()

    def verify(self, backup: BackupInfo | Path, scratch: Path | None = None) -> list[str]:
        return self._snapshots.verify(backup, scratch)

    def export(self, target: Path) -> BackupInfo:
        return self._snapshots.export(target)

    def read_file(self, path: Path) -> BackupInfo:
        return self._snapshots.read_file(path)

    # -- restoring (restore.py) ----------------------------------------------------------------
    def restore(self, source: BackupInfo | Path) -> RestoreResult:
        return self._restorer.restore(source)

    def close_database(self) -> None:
        """Close the Database this service was given (it reopens on its next use), on the thread that uses
        its read connection: the window's, around a restore that a worker runs with a BackupService of
        its own (the restore replaces the file under the open connections, and on Windows cannot move
        a damaged file aside while one is open)."""
        if self._db is not None:
            self._db.close()

    # -- health (health.py) ----------------------------------------------------------------------
    def check_database(self, timeout: float = 2.0, *, full: bool = True) -> Health:
        return self._health.check_database(timeout, full=full)

    def signs_of_use(self) -> list[str]:
        return self._health.signs_of_use()

    def set_aside_damaged(self) -> Path:
        return self._health.set_aside_damaged()

    def check(self) -> CheckReport:
        return self._health.check()

    def newest_good(self) -> BackupInfo | None:
        return self._health.newest_good()

    def fewer_cases(self, than: BackupInfo | None = None) -> list[BackupInfo]:
        return self._health.fewer_cases(than)
