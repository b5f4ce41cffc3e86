"""BackupService: the one object the command line, the window and the tests use. It hands each call
to the part that does that job (snapshot.py, restore.py, health.py) and shares one data folder,
database and clock between them."""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...paths import DataPaths
from ...storage.actor import ActorSource
from ...storage.database import Database
from .. import audit
from ..access import guard
from .health import HealthCheck
from .model import DAILY, EXPORT, MANUAL, MIGRATION, START, BackupInfo, BackupResult, CheckReport, Health, RestoreResult
from .restore import Restorer
from .snapshot import Snapshots


log = logging.getLogger(__name__)

# Backups the app makes by itself: never refused (the data's safety does not wait for a login), and
# their audit row is only noted when it can be written (a backup at start runs before writes are let
# through, and a failed row must not make a good backup look failed).
AUTOMATIC = frozenset({START, DAILY})


class BackupService:
    """Thread contract: every public method may run on a worker thread; one lock per data folder
    makes backups, rotation and restores of that folder run one at a time.

    Who acts (issue 15): a backup by hand and an export need BACKUP, a restore RESTORE
    (services/access.py guard), asked of ``db``'s actor; a worker's service of its own, with no
    ``db``, is given ``actor`` (storage/actor.py: the logged-in AccountActor) and asks through a
    Database of its own. Each backup, export and restore is an audit row once the folder has accounts:
    a restore's goes into the restored database (the trail of what was there stays in the backup made
    before it)."""

    def __init__(self, paths: DataPaths, db: Database | None = None, now=dt.datetime.now, *,
                 actor: ActorSource | None = None):
        self._paths = paths
        self._db = db
        self._actor = actor
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
        if kind not in AUTOMATIC and kind != MIGRATION:
            self._guard(Permission.BACKUP)
        result = self._snapshots.create(kind)
        if kind != MIGRATION:  # before an upgrade the trail's table may not exist yet
            self._record(AuditKind.BACKUP, {
                "kind": kind, "backup": result.backup.path.name, "cases": result.backup.counts.get("cases"),
                "documents": result.backup.documents, "second": result.second is not None},
                quiet=kind in AUTOMATIC)
        return result

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
        self._guard(Permission.BACKUP)
        made = self._snapshots.export(target)
        self._record(AuditKind.BACKUP, {"kind": EXPORT, "file": made.path.name, "cases": made.counts.get("cases"),
                                        "documents": made.documents})
        return made

    def read_file(self, path: Path) -> BackupInfo:
        return self._snapshots.read_file(path)

    # -- restoring (restore.py) ----------------------------------------------------------------
    def restore(self, source: BackupInfo | Path) -> RestoreResult:
        self._guard(Permission.RESTORE)
        result = self._restorer.restore(source)
        restored = result.restored
        self._record(AuditKind.RESTORE, {
            "from": restored.path.name, "created": restored.created.isoformat(timespec="seconds"),
            "kind": restored.kind, "cases": restored.counts.get("cases"),
            "before_restore": result.before.path.name if result.before else None,
            "documents_copied": result.documents_copied, "set_aside": bool(result.set_aside)})
        return result

    # -- who acts (issue 15) ---------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[object | None]:
        """A transaction of ``db``, else of a Database of its own for ``actor``; None when there is
        neither, or no database yet."""
        if self._db is not None:
            with self._db.transaction() as uow:
                yield uow
            return
        if self._actor is None or not self._paths.database.exists():
            yield None
            return
        own = Database(self._paths.database, actor=self._actor)
        try:
            with own.transaction() as uow:
                yield uow
        finally:
            own.close()

    def _guard(self, permission: Permission) -> None:
        with self._transaction() as uow:
            if uow is not None:
                guard(uow, permission)

    def _record(self, kind: AuditKind, summary: dict, *, quiet: bool = False) -> None:
        try:
            with self._transaction() as uow:
                # Without accounts (no actor source: library use, a folder before its first account) a
                # backup is not recorded: the trail starts with the accounts, and a row would make the
                # data differ from the copy just made of it.
                if uow is not None and uow.role is not None:
                    audit.record(uow, kind, None, summary)
        except Exception as err:  # noqa: BLE001 - the backup stands whatever happens to its row
            if not quiet:
                raise
            log.warning("audit row of an automatic backup not written: %s", err)

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
