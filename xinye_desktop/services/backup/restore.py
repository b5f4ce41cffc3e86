"""Restoring a backup: a snapshot folder, a .zip made by export(), or a bare SQLite file.

Restoring never deletes: the current database and documents are first backed up ("before_restore"
snapshot, never rotated away); a damaged database is moved to ``damaged/``; a document that
differs is replaced only after the before-restore snapshot holds the current one.

Thread contract: may run on a worker thread (the window runs it through ui/tasks.py); the folder
lock makes it wait for a backup of the same folder that is under way, and a backup wait for it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...paths import DataPaths
from ...storage.database import DB_FILENAME, Database, copy_database, integrity_problems
from ..failures import DAMAGED, LOCKED, Failure, failure
from . import sealed_documents
from .files import copy_file, files_under, hub_mode, sha256_of
from .health import HealthCheck
from .model import BEFORE_RESTORE, DOCUMENT_FOLDERS, HUB_DOCUMENTS, BackupFailed, BackupInfo, RestoreResult, backup_failed, folder_lock, refused
from .snapshot import Snapshots, backup_source

log = logging.getLogger(__name__)


class Restorer:
    """Makes a data folder what a backup holds; closes the caller's Database first (it reopens on
    its next use)."""

    def __init__(self, paths: DataPaths, db: Database | None, snapshots: Snapshots, health: HealthCheck):
        self._paths = paths
        self._db = db
        self._snapshots = snapshots
        self._health = health
        self._lock = folder_lock(paths.root)

    def restore(self, source: BackupInfo | Path) -> RestoreResult:
        """Make the data folder what the backup holds. First the backup is verified and what is
        there now is backed up (kept, never rotated away); documents the backup holds are copied
        in (others stay); then the database is replaced in one SQLite transaction. The caller's
        Database is closed and reopens on its next use."""
        path = backup_source(Path(source.path if isinstance(source, BackupInfo) else source).expanduser().resolve())
        with self._lock:
            staging = None
            try:
                if path.is_file() and zipfile.is_zipfile(path):
                    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=self._paths.root))
                    snapshot = self._snapshots.unpack(path, staging)
                else:
                    snapshot = path
                info = self._snapshots.read_file(snapshot)
                if info.schema is None:
                    raise refused(QT_TRANSLATE_NOOP("Backup", "这份备份里没有三理室调解台的数据库：{path}"),
                                  path=str(path))
                problems = self._snapshots.verify(snapshot)
                if problems:
                    raise BackupFailed(Failure(DAMAGED, QT_TRANSLATE_NOOP(
                        "Backup", "这份备份已损坏，不能用来恢复。请换一份备份。"), {}, "; ".join(problems[:5])))
                self._check_schema_known(info.schema)
                return self._restore_verified(snapshot, info, path)
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise backup_failed(err, self._paths.root) from err
            except (ValueError, zipfile.BadZipFile) as err:
                raise refused(QT_TRANSLATE_NOOP("Backup", "这不是三理室调解台的备份，或者备份已损坏：{path}"),
                              path=str(path)) from err
            finally:
                if staging is not None:
                    shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def _check_schema_known(schema: str | None) -> None:
        from ...storage.migrate import MIGRATIONS_DIR

        if schema is not None and not (MIGRATIONS_DIR / "versions" / f"{schema}.py").exists():
            raise refused(QT_TRANSLATE_NOOP(
                "Backup", "这份备份是较新版本的三理室调解台做的，请先升级本程序再恢复。"))

    def _restore_verified(self, snapshot: Path, info: BackupInfo, source: Path) -> RestoreResult:
        backup_db = snapshot / DB_FILENAME if snapshot.is_dir() else snapshot
        # Another committee's backup (its data sealed with another key) is refused before anything is
        # written; the documents of one of ours open with the session's key, or wait for the next login.
        _check_same_kind(backup_db, self._paths.database)
        sealed_documents.check_same_committee(backup_db, self._paths.database)
        sealer = self._db.sealer if self._db is not None else None
        opener = sealed_documents.opener_for(backup_db, sealer)
        if self._db is not None:
            self._db.close()
        set_aside = None
        if self._paths.database.exists():
            health = self._health.check_database()
            if health.state == LOCKED:
                raise BackupFailed(health.failure)
            if health.state == DAMAGED:
                set_aside = self._health.set_aside_damaged()
        backups = self._paths.backups
        backups.mkdir(parents=True, exist_ok=True)
        self._snapshots.clear_incomplete(backups)
        before = None
        if self._paths.database.exists() or files_under(self._paths.documents) \
                or files_under(self._paths.hub_documents):
            before = self._snapshots.read_info(self._snapshots.write_snapshot(backups, BEFORE_RESTORE), "local")
        log.info("restoring %s; what was there is in %s", snapshot, before.path if before else "(nothing)")

        copied = 0
        if snapshot.is_dir():
            pending = sealed_documents.read_pending(self._paths)
            manifest = self._snapshots.manifest(snapshot)
            for rel, entry in manifest["documents"].items():
                current = self._paths.documents / PurePosixPath(rel)
                if sealed_documents.is_current(entry, current):
                    continue
                if entry.get("sealed"):
                    sealed_documents.restore_one(entry, snapshot / "documents" / PurePosixPath(rel), current, rel,
                                                 opener, pending)
                    copied += 1
                    continue
                part = current.with_name(current.name + ".restoring")
                copy_file(snapshot / "documents" / PurePosixPath(rel), part)
                os.replace(part, current)
                copied += 1
            sealed_documents.write_pending(self._paths, pending)
            copied += self._restore_hub_documents(snapshot, manifest.get(HUB_DOCUMENTS, {}))
            db_file = snapshot / DB_FILENAME
        else:
            db_file = snapshot
        copy_database(db_file, self._paths.database)  # one transaction into the live file
        problems = integrity_problems(self._paths.database, live=True)
        if problems:  # cannot happen with a verified source; say so rather than carry on
            raise BackupFailed(failure(DAMAGED, self._paths.database, "; ".join(problems[:5])))
        database = self._db or Database(self._paths.database)
        try:
            database.ensure_schema(before_upgrade=lambda: str(source))  # the backup is the copy
        finally:
            if database is not self._db:
                database.close()
        if sealer is not None and not sealed_documents.key_settings(self._paths.database):
            # A backup from before the data had a key: its own accounts decide from now on; nothing is
            # sealed with a key they could not open (their first password seals it, storage/sealing_upgrade).
            self._db.use_sealer(None)
        info = BackupInfo(source, info.created, info.kind, info.counts, info.documents, info.size, info.location,
                          info.schema, info.database_only)
        return RestoreResult(info, before, copied, set_aside)

    def _restore_hub_documents(self, snapshot: Path, entries: dict) -> int:
        """A hub's villages' documents (hub-documents/) as the backup holds them, each already sealed to the
        hub's key: copied back as they are where missing or different (others stay, as with the documents).
        How many were copied."""
        copied = 0
        folder = snapshot / DOCUMENT_FOLDERS[HUB_DOCUMENTS]
        for rel, entry in entries.items():
            current = self._paths.hub_documents / PurePosixPath(rel)
            if sealed_documents.is_current(entry, current):
                continue
            part = current.with_name(current.name + ".restoring")
            copy_file(folder / PurePosixPath(rel), part)
            os.replace(part, current)
            copied += 1
        return copied


HUB_INTO_VILLAGE = QT_TRANSLATE_NOOP(
    "Backup", "这份备份是{office}汇总库的备份，这里是村调委会的数据：不能恢复到这里。请恢复到一个空文件夹"
              "（restore --data-dir 新文件夹），再用 --hub 打开。")
VILLAGE_INTO_HUB = QT_TRANSLATE_NOOP(
    "Backup", "这份备份是村调委会的备份，这里是{office}的汇总库：不能恢复到这里。请恢复到一个空文件夹"
              "（restore --data-dir 新文件夹）。")
OTHER_HUB_MODE = QT_TRANSLATE_NOOP("Backup", "这份备份是{backup}汇总库的备份，这里是{office}的汇总库：不能恢复到这里。")


def _office(mode: str) -> str:
    from ...domain.hub import HubMode

    try:
        return HubMode(mode).label
    except ValueError:
        return mode


def _check_same_kind(backup_database: Path, current_database: Path) -> None:
    """Refused (nothing written) when the backup is a hub's and the folder a village's, or the reverse, or
    another office's hub: restoring it would turn the folder into something else. A folder without a
    database yet (a new PC) takes any backup."""
    if not current_database.exists():
        return
    backup, here = hub_mode(backup_database), hub_mode(current_database)
    if backup == here:
        return
    if here is None:
        raise refused(HUB_INTO_VILLAGE, office=_office(backup))
    if backup is None:
        raise refused(VILLAGE_INTO_HUB, office=_office(here))
    raise refused(OTHER_HUB_MODE, backup=_office(backup), office=_office(here))
