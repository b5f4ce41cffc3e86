"""Backups of the data folder, restoring one, and checking the database at start. No Qt here: the
command line, the tests and the window all use this service.

A backup is a folder ("snapshot") under ``backups/``::

    20261120-093000-daily/
        xinye.sqlite3    the database, copied with SQLite's online backup API, self-contained
        documents/...    every archived document (printed agreements, signed scans, forms)
        manifest.json    written last: time, kind, schema revision, record counts, size and
                         SHA-256 of every file

Why a folder and not a zip: a document that has not changed since the previous snapshot is a hard
link to that snapshot's copy, so a 5 MB scan takes its space once, not once per kept backup; and
a clerk can take any single file out with the file manager. A snapshot is written under a
``.incomplete-`` name and renamed only after it was read back and verified (``PRAGMA
integrity_check``, every document's hash), so a power cut never leaves a half backup that looks
whole. ``export()`` packs a snapshot into one .zip (``backup --to FILE``, 导出 in the dialog), and
``restore()`` takes a snapshot, such a zip, or a bare SQLite file.

Restoring never deletes: the current database and documents are first backed up ("before_restore"
snapshot, never rotated away); a damaged database is moved to ``damaged/``; a document that
differs is replaced only after the before-restore snapshot holds the current one.

Thread contract: every public method may run on a worker thread; one lock per data folder makes
backups, rotation and restores of that folder run one at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import __version__
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..paths import DataPaths
from ..storage.database import (
    DB_FILENAME, Database, connect_read_only, copy_database, fsync_file, integrity_problems, structure_problems,
)
from .failures import DAMAGED, LOCKED, MISSING, Failure, explain, failure
from .settings import SettingsService

log = logging.getLogger(__name__)

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
# A database file holding none of the app's schema: why (for the log, for the check command).
SCHEMA_MISSING = {"empty": ("the database file is empty (0 bytes)", "文件大小为 0 字节"),
                  "no_tables": ("the database holds no tables", "里面没有任何表"),
                  "no_version": ("the database has no schema version", "里面没有程序的版本记录")}
# What shows that a data folder was used before (BackupService.signs_of_use).
SIGNS_OF_USE = {"documents": ("documents/ holds {n} files", "documents 文件夹里有 {n} 个存档文件"),
                "backups": ("backups/ holds {n} entries", "backups 文件夹里有 {n} 份备份"),
                "drafts": ("drafts/ holds {n} drafts", "drafts 文件夹里有 {n} 份草稿"),
                "ui_settings": ("ui-settings.ini exists", "有界面设置文件 ui-settings.ini")}

_LOCKS: dict[Path, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _folder_lock(root: Path) -> threading.RLock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(root, threading.RLock())


UNEXPECTED = QT_TRANSLATE_NOOP("Backup", "备份没有完成：{error}")


class BackupFailed(Exception):
    """A backup or restore did not happen; ``failure.text()`` tells the user why and what to do.
    Nothing was changed: a half-written copy is removed, the data folder is as it was."""

    def __init__(self, failure_: Failure):
        super().__init__(failure_.detail or failure_.text())
        self.failure = failure_


def _refused(message: str, **params) -> BackupFailed:
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


# ---------------------------------------------------------------------------------------- files

def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _audit_chain(conn):
    """(rows, the first break or None) of the audit trail's hash chain, or None before schema 0008."""
    from ..storage.account_repositories import verify_audit_file  # lazy: imports SQLAlchemy

    return verify_audit_file(conn)


def _issued_files(conn) -> dict[str, str | None]:
    """The archived files of the case file's coded documents (issued_documents), each with the SHA-256
    recorded when it was made (None for one made before that was kept): a document's PDF, and the
    调解卷宗 it was bound into (DocumentService keeps both in the document's "archive" facts). Several
    issues of one document share its file: the newest issue wrote it, so its hash is the one to hold."""
    files: dict[str, str | None] = {}
    facts = ("CASE WHEN json_valid(document) THEN json_extract(document, '$.archive.{}') END")
    for path, sha, bound, bound_sha in conn.execute(
            f"SELECT pdf_path, {facts.format('pdf_sha256')}, {facts.format('case_file.path')}, "
            f"{facts.format('case_file.sha256')} FROM issued_documents ORDER BY issued_at, id"):
        if path:
            files[path] = sha
        if bound:
            files[bound] = bound_sha
    return files


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True


def _copy_file(source: Path, target: Path) -> str:
    """Copy, fsync, read back: the SHA-256 of what is now on the target's disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
            dst.write(block)
        dst.flush()
        os.fsync(dst.fileno())
    written = _sha256(target)
    if written != digest.hexdigest():
        raise OSError(5, "the copy reads back different from the original", str(target))  # EIO
    return written


def backup_source(path: Path) -> Path:
    """What a hand-picked path means: a file inside a backup folder (its manifest.json, or its
    database, e.g. on a USB drive) stands for the whole folder, so the archived documents come back
    with the database instead of the database alone."""
    if path.is_file() and (path.name == MANIFEST or path.name == DB_FILENAME) \
            and (path.parent / MANIFEST).is_file() and (path.parent / DB_FILENAME).is_file():
        return path.parent
    return path


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; NTFS journals the rename itself
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())


def _tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _files_under(folder: Path) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    return sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())


def _counts(db_path: Path) -> dict[str, int | None]:
    conn = connect_read_only(db_path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] if t in tables else None
                  for t in COUNTED_TABLES}
        schema = (conn.execute("SELECT version_num FROM alembic_version").fetchone() or [None])[0] \
            if "alembic_version" in tables else None
    finally:
        conn.close()
    return {"schema": schema, **counts}


def _remove_tree(path: Path) -> None:
    def retry_writable(func, target, _exc):  # a read-only copied file (Windows) blocks rmtree
        os.chmod(target, 0o700)
        func(target)

    shutil.rmtree(path, onerror=retry_writable)


# ---------------------------------------------------------------------------------------- rotation

def rotation_keeps(backups: list[tuple[str, dt.datetime, str]]) -> set[str]:
    """Which backups (name, created, kind) to keep: every backup of a kind that is not rotated;
    of the others the 3 newest, and the newest of each of the 7 latest days, 4 latest weeks and
    12 latest months that have a backup (days with none are not counted, so a PC left off for a
    month does not lose its older copies)."""
    keep = {name for name, _created, kind in backups if kind not in ROTATED_KINDS}
    rotated = sorted((b for b in backups if b[2] in ROTATED_KINDS), key=lambda b: b[1], reverse=True)
    keep.update(name for name, _c, _k in rotated[:KEEP_NEWEST])
    buckets = ((lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
               (lambda d: (d.year, d.month), KEEP_MONTHLY))
    for bucket_of, limit in buckets:
        seen = set()
        for name, created, _kind in rotated:
            bucket = bucket_of(created)
            if bucket not in seen and len(seen) < limit:
                seen.add(bucket)
                keep.add(name)
    return keep


# ---------------------------------------------------------------------------------------- service

class BackupService:
    def __init__(self, paths: DataPaths, db: Database | None = None, now=dt.datetime.now):
        self._paths = paths
        self._db = db
        self._settings = SettingsService(db) if db is not None else None
        self._now = now
        self._lock = _folder_lock(paths.root)

    @property
    def backups_folder(self) -> Path:
        return self._paths.backups

    # -- settings --------------------------------------------------------------------------------
    def second_folder(self) -> Path | None:
        """The second backup folder the user chose (a USB drive), or None. The setting lives in the
        database; a copy in backups/ (SECOND_FOLDER_NOTE) answers when the database cannot be read,
        e.g. at start after it was found damaged, so the backups on the USB drive are offered too."""
        if self._settings is None or not self._paths.database.exists():
            return self._noted_second_folder()
        try:
            folder = self._settings.backup_folder()
        except Exception as err:  # noqa: BLE001 - SQLAlchemy's wrapper of a sqlite3 error (e.g. locked)
            log.warning("cannot read the second backup folder's setting: %s", err)
            return self._noted_second_folder()
        return Path(folder) if folder else None

    def set_second_folder(self, folder: Path | None) -> None:
        if folder is not None and not Path(folder).is_dir():
            raise BackupFailed(failure(MISSING, folder))
        self._settings.set_backup_folder(str(folder) if folder else "")
        self._note_second_folder(folder)

    def _note_second_folder(self, folder: Path | None) -> None:
        note = self._paths.backups / SECOND_FOLDER_NOTE
        try:
            if folder is None:
                note.unlink(missing_ok=True)
                return
            self._paths.backups.mkdir(parents=True, exist_ok=True)
            part = note.with_name(note.name + ".part")
            part.write_text(str(folder), encoding="utf-8")
            os.replace(part, note)
        except OSError as err:  # only a convenience for the check at start: never stops the user
            log.warning("cannot note the second backup folder in %s: %s", note, err)

    def _noted_second_folder(self) -> Path | None:
        try:
            text = (self._paths.backups / SECOND_FOLDER_NOTE).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return Path(text) if text else None

    # -- making backups --------------------------------------------------------------------------
    def create(self, kind: str = MANUAL) -> BackupResult:
        """Back up the database and the documents into backups/, verify, thin out old backups,
        then copy the new one to the second folder if one is set. Raises BackupFailed when the
        local backup could not be made; a second folder that is gone or full is reported in the
        result (the local backup stands)."""
        with self._lock:
            root = self._paths.backups
            try:
                root.mkdir(parents=True, exist_ok=True)
                self._clear_incomplete(root)
                snapshot = self._write_snapshot(root, kind)
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise self._failed(err, root) from err
            info = self._read_info(snapshot, "local")
            log.info("backup made: %s", snapshot)
            removed = self._rotate(root)
            second, second_failure = None, None
            target = self.second_folder()
            if target is not None:
                if self._noted_second_folder() != target:  # set before the note existed
                    self._note_second_folder(target)
                try:
                    second = self._copy_to_second(snapshot, target)
                except BackupFailed as failed:
                    second_failure = failed.failure
                    log.warning("second backup folder %s: %s", target, failed)
            return BackupResult(info, second, second_failure, tuple(removed))

    def before_migration(self) -> str:
        """The copy ``Database.ensure_schema`` makes before an upgrade (a full, verified backup)."""
        return str(self.create(MIGRATION).backup.path)

    def _failed(self, err: BaseException, folder: Path) -> BackupFailed:
        found = explain(err, folder)
        if found is None:
            found = Failure("error", UNEXPECTED, {"error": str(err)}, f"{type(err).__name__}: {err}")
        return BackupFailed(found)

    def _clear_incomplete(self, root: Path) -> None:
        """What a power cut or a crash left half-written or half-deleted: never a backup, removed."""
        for leftover in [*root.glob(INCOMPLETE + "*"), *root.glob(REMOVING + "*")]:
            log.warning("removing an unfinished backup %s", leftover)
            _remove_tree(leftover)

    def _new_name(self, root: Path, kind: str) -> str:
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        name, n = f"{stamp}-{kind}", 2
        while (root / name).exists() or (root / (INCOMPLETE + name)).exists():
            name, n = f"{stamp}-{kind}-{n}", n + 1
        return name

    def _write_snapshot(self, root: Path, kind: str) -> Path:
        name = self._new_name(root, kind)
        work = root / (INCOMPLETE + name)
        work.mkdir()
        try:
            manifest = {"format": FORMAT, "app_version": __version__, "kind": kind,
                        "created": self._now().isoformat(timespec="seconds"), "schema": None, "counts": {},
                        "database": None, "documents": {}}
            if self._paths.database.exists():
                copy = work / DB_FILENAME
                copy_database(self._paths.database, copy)
                counts = _counts(copy)
                manifest["schema"] = counts.pop("schema")
                manifest["counts"] = counts
                manifest["database"] = {"file": DB_FILENAME, "size": copy.stat().st_size, "sha256": _sha256(copy)}
            previous = self._newest_snapshot(root)
            manifest["documents"] = self._copy_documents(
                _files_under(self._paths.documents), work / "documents", previous, known=None)
            _write_json(work / MANIFEST, manifest)
            # Read back: integrity_check of the copy (a damaged database fails here, before it
            # could become a "good" backup); the documents were read back as they were copied.
            self._verify_snapshot(work, hashes=False)
            _fsync_dir(work)
            os.replace(work, root / name)
            _fsync_dir(root)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        return root / name

    def _copy_documents(self, files: list[tuple[str, Path]], target: Path, previous: Path | None,
                        known: dict | None) -> dict:
        """Copy ``files`` (relative name, path) under ``target``. A file the previous snapshot holds
        unchanged (same size and modification time, or the same hash when ``known`` gives it)
        becomes a hard link to that copy; where links are impossible (a FAT USB drive) it is copied."""
        before = self._manifest(previous)["documents"] if previous is not None else {}
        entries = {}
        for rel, source in files:
            stat = source.stat()
            old = before.get(rel)
            same = old is not None and old["size"] == stat.st_size and (
                old["sha256"] == known[rel]["sha256"] if known else old.get("mtime_ns") == stat.st_mtime_ns)
            destination = target / PurePosixPath(rel)
            if same:
                try:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    os.link(previous / "documents" / PurePosixPath(rel), destination)
                    entries[rel] = dict(old, mtime_ns=stat.st_mtime_ns)
                    continue
                except OSError:
                    destination.unlink(missing_ok=True)
            digest = _copy_file(source, destination)
            if known and digest != known[rel]["sha256"]:
                raise OSError(5, "a document in the backup does not match its manifest", str(source))
            entries[rel] = {"size": stat.st_size, "sha256": digest, "mtime_ns": stat.st_mtime_ns}
        return entries

    def _copy_to_second(self, snapshot: Path, target: Path) -> BackupInfo:
        if not target.is_dir():  # never made here: on Windows or Linux an unplugged drive's path
            raise BackupFailed(failure(MISSING, target))  # would otherwise land on the local disk
        root = target / SECOND_SUBFOLDER
        work = root / (INCOMPLETE + snapshot.name)
        try:
            root.mkdir(exist_ok=True)
            self._clear_incomplete(root)
            manifest = self._manifest(snapshot)
            work.mkdir()
            if manifest["database"]:
                digest = _copy_file(snapshot / DB_FILENAME, work / DB_FILENAME)
                if digest != manifest["database"]["sha256"]:
                    raise OSError(5, "the database copy does not match", str(work))
            self._copy_documents(_files_under(snapshot / "documents"), work / "documents",
                                 self._newest_snapshot(root), known=manifest["documents"])
            _write_json(work / MANIFEST, manifest)
            self._verify_snapshot(work, hashes=False)
            _fsync_dir(work)
            os.replace(work, root / snapshot.name)
            _fsync_dir(root)
        except BackupFailed:
            shutil.rmtree(work, ignore_errors=True)
            raise
        except (OSError, sqlite3.Error) as err:
            shutil.rmtree(work, ignore_errors=True)
            raise self._failed(err, target) from err
        try:
            self._rotate(root)
        except OSError as err:
            log.warning("could not thin out %s: %s", root, err)
        return self._read_info(root / snapshot.name, "second")

    def _rotate(self, root: Path) -> list[Path]:
        snapshots = [info for _p, info in self._snapshots(root, "local", sized=False)]
        found = [(info.path.name, info.created, info.kind) for info in snapshots]
        keep = rotation_keeps(found)
        # Never the backup newest_good() would offer: after cases were lost the newer backups hold
        # fewer cases (see there), and the newest-3 rule alone would thin out the last full one.
        passed = {b.path for b in self._fewer_cases(snapshots)}
        full = [b for b in snapshots if b.counts and b.path not in passed]
        if full:
            keep.add(max(full, key=lambda b: (b.created, b.path.name)).path.name)
        removed = []
        for name, _created, _kind in found:
            if name not in keep:
                try:
                    # Renamed in one step, then deleted: a cut half-way leaves a hidden leftover
                    # (cleared next time), never a listed backup with files missing.
                    doomed = root / (REMOVING + name)
                    os.replace(root / name, doomed)
                    _remove_tree(doomed)
                    removed.append(root / name)
                except OSError as err:
                    log.warning("could not remove old backup %s: %s", root / name, err)
        return removed

    # -- reading backups -------------------------------------------------------------------------
    @staticmethod
    def _manifest(snapshot: Path) -> dict:
        return json.loads((snapshot / MANIFEST).read_text(encoding="utf-8"))

    def _read_info(self, path: Path, location: str, *, sized: bool = True) -> BackupInfo:
        """``sized=False``: size 0, without walking the backup's files (one stat per document: many
        thousands in each of the ~20 backups kept, which the start-up's status label must not pay)."""
        if path.is_file():  # a database-only copy (older versions made these before an upgrade)
            counts = _counts(path)
            schema = counts.pop("schema")
            return BackupInfo(path, dt.datetime.fromtimestamp(path.stat().st_mtime), MIGRATION, counts, 0,
                              path.stat().st_size, location, schema, database_only=True)
        manifest = self._manifest(path)
        return BackupInfo(path, dt.datetime.fromisoformat(manifest["created"]), manifest["kind"],
                          manifest.get("counts", {}), len(manifest.get("documents", {})),
                          _tree_size(path) if sized else 0, location, manifest.get("schema"))

    def _snapshots(self, root: Path, location: str, *, sized: bool = True) -> list[tuple[Path, BackupInfo]]:
        found = []
        if not root.is_dir():
            return found
        for path in root.iterdir():
            if path.name.startswith(".") or not (path / MANIFEST).is_file():
                continue
            try:
                found.append((path, self._read_info(path, location, sized=sized)))
            except (OSError, ValueError, KeyError, TypeError) as err:
                log.warning("unreadable backup %s: %s", path, err)
        return found

    def _newest_snapshot(self, root: Path) -> Path | None:
        found = self._snapshots(root, "local", sized=False)
        return max(found, key=lambda f: f[1].created)[0] if found else None

    def list_backups(self) -> list[BackupInfo]:
        """Every backup there is, newest first: in backups/, the database-only copies older
        versions made before an upgrade, and those in the second folder if it is plugged in."""
        found = [info for _p, info in self._snapshots(self._paths.backups, "local")]
        if self._paths.backups.is_dir():
            for path in self._paths.backups.glob("before-migration-*.sqlite3"):
                try:
                    found.append(self._read_info(path, "local"))
                except (OSError, sqlite3.Error) as err:
                    log.warning("unreadable backup %s: %s", path, err)
        second = self.second_folder()
        if second is not None:
            found += [info for _p, info in self._snapshots(second / SECOND_SUBFOLDER, "second")]
        return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)

    def last_backup(self) -> BackupInfo | None:
        """The newest backup in backups/ that holds a database (only its files are sized)."""
        found = [info for _p, info in self._snapshots(self._paths.backups, "local", sized=False) if info.counts]
        newest = max(found, key=lambda b: (b.created, b.path.name), default=None)
        return None if newest is None else self._read_info(newest.path, "local")

    def is_due(self) -> bool:
        """True when no backup was made today (the daily backup while the app runs)."""
        last = self.last_backup()
        return last is None or last.created.date() != self._now().date()

    def verify(self, backup: BackupInfo | Path, scratch: Path | None = None) -> list[str]:
        """[] when the backup is whole: its database passes integrity_check and every document
        is there with the hash it was written with; else what is wrong. A .zip is unpacked for
        that into ``scratch`` (default: the data folder)."""
        path = backup.path if isinstance(backup, BackupInfo) else Path(backup)
        try:
            if path.is_file() and zipfile.is_zipfile(path):
                scratch = scratch or (self._paths.root if self._paths.root.is_dir() else path.parent)
                with tempfile.TemporaryDirectory(prefix=".verify-", dir=scratch) as tmp:
                    self._verify_snapshot(self._unpack(path, Path(tmp)), hashes=True)
            elif path.is_file():
                problems = integrity_problems(path)
                if problems:
                    return problems
            else:
                self._verify_snapshot(path, hashes=True)
        except BackupFailed as failed:
            return [failed.failure.detail or failed.failure.text()]
        except (OSError, sqlite3.Error, ValueError, KeyError, TypeError, zipfile.BadZipFile) as err:
            return [f"{type(err).__name__}: {err}"]
        return []

    def _verify_snapshot(self, snapshot: Path, *, hashes: bool) -> None:
        manifest = self._manifest(snapshot)
        if manifest.get("format") != FORMAT:
            raise _refused(QT_TRANSLATE_NOOP("Backup", "这份备份来自不同版本的程序，无法识别。"))
        problems = []
        if manifest.get("database"):
            db_file = snapshot / manifest["database"]["file"]
            if not db_file.is_file():
                problems.append(f"{db_file.name} missing")
            else:
                if hashes and _sha256(db_file) != manifest["database"]["sha256"]:
                    problems.append(f"{db_file.name}: hash differs")
                problems += integrity_problems(db_file)
        for rel, entry in manifest.get("documents", {}).items():
            path = snapshot / "documents" / PurePosixPath(rel)
            if not path.is_file() or path.stat().st_size != entry["size"]:
                problems.append(f"documents/{rel} missing or of the wrong size")
            elif hashes and _sha256(path) != entry["sha256"]:
                problems.append(f"documents/{rel}: hash differs")
        if problems:
            raise BackupFailed(failure(DAMAGED, snapshot, "; ".join(problems[:5])))

    def newest_good(self) -> BackupInfo | None:
        """The backup offered when the database is damaged. The rule: the newest backup that

        1. holds a database,
        2. holds at least as many cases as every older backup made since the last restore
           (by the counts in their manifests, whether or not those older ones are still whole), and
        3. passes verify().

        Why 2: cases are never deleted, only added, so the number of cases only grows. A backup
        holding fewer cases than an older one was made after cases were lost, e.g. the start
        backup of an emptied database that the migrations had rebuilt; choosing it would offer the
        loss as the cure. A restore is the one deliberate step back: after a "before_restore"
        backup the counting starts again. A backup passed over for 2 is never chosen silently:
        ``fewer_cases()`` names it, the damage prompt shows it with a warning, and it can still be
        restored by hand in 备份与恢复. None when no backup meets all three."""
        backups = self.list_backups()
        passed = {b.path for b in self._fewer_cases(backups)}
        for backup in backups:
            if backup.counts and backup.path not in passed and not self.verify(backup):
                return backup
        return None

    def fewer_cases(self, than: BackupInfo | None = None) -> list[BackupInfo]:
        """The backups newer than ``than`` (all, when None) that newest_good() passes over because
        they hold fewer cases than an older one, newest first."""
        return [b for b in self._fewer_cases(self.list_backups())
                if than is None or (b.created, b.path.name) > (than.created, than.path.name)]

    @staticmethod
    def _fewer_cases(backups: list[BackupInfo]) -> list[BackupInfo]:
        most, found = 0, []
        for backup in sorted(backups, key=lambda b: (b.created, b.path.name)):  # oldest first
            if backup.counts:
                cases = backup.counts.get("cases") or 0
                if cases < most:
                    found.append(backup)
                most = max(most, cases)
            if backup.kind == BEFORE_RESTORE:  # what comes after is what the user chose to go back to
                most = 0
        return found[::-1]

    # -- one file: export and its counterpart --------------------------------------------------
    def export(self, target: Path) -> BackupInfo:
        """Write one .zip holding the database, the documents and the manifest (written, then
        read back and verified before it takes its name)."""
        target = Path(target).expanduser().resolve()
        with self._lock:
            part = target.with_name(target.name + ".part")
            tmp = None
            try:
                if not self._paths.database.exists():
                    raise _refused(QT_TRANSLATE_NOOP("Backup", "数据文件夹里还没有数据库：{folder}"),
                                   folder=str(self._paths.root))
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = Path(tempfile.mkdtemp(prefix=".xinye-export-", dir=target.parent))
                snapshot = self._write_snapshot(tmp, EXPORT)
                with zipfile.ZipFile(part, "w", allowZip64=True) as archive:
                    for rel, path in _files_under(snapshot):
                        # The database and the manifest compress well; PDFs and photos do not.
                        packed = rel in (DB_FILENAME, MANIFEST)
                        archive.write(path, rel, zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED)
                fsync_file(part)
                problems = self.verify(part, scratch=tmp)  # the data folder may be read-only
                if problems:
                    raise BackupFailed(failure(DAMAGED, target, "; ".join(problems[:5])))
                os.replace(part, target)
                _fsync_dir(target.parent)
                info = self._read_info(snapshot, "file")
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise self._failed(err, target.parent) from err
            finally:
                if tmp is not None:
                    shutil.rmtree(tmp, ignore_errors=True)
                try:
                    part.unlink(missing_ok=True)
                except OSError:
                    pass
            return BackupInfo(target, info.created, info.kind, info.counts, info.documents,
                              target.stat().st_size, "file", info.schema)

    @staticmethod
    def _unpack(archive_path: Path, into: Path) -> Path:
        with zipfile.ZipFile(archive_path) as archive:
            for member in archive.infolist():
                name = PurePosixPath(member.filename)
                if name.is_absolute() or ".." in name.parts or ":" in member.filename:
                    raise ValueError(f"unsafe name in the archive: {member.filename}")
            archive.extractall(into)  # every member read in full: zip checks each one's CRC
        return into

    def read_file(self, path: Path) -> BackupInfo:
        """What a backup file or folder chosen by hand holds (the dialog shows it before restoring)."""
        path = backup_source(Path(path))
        try:
            if path.is_file() and zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as archive:
                    manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
                return BackupInfo(path, dt.datetime.fromisoformat(manifest["created"]), manifest["kind"],
                                  manifest.get("counts", {}), len(manifest.get("documents", {})),
                                  path.stat().st_size, "file", manifest.get("schema"))
            return self._read_info(path, "file")
        except (OSError, sqlite3.Error, ValueError, KeyError, zipfile.BadZipFile) as err:
            raise _refused(QT_TRANSLATE_NOOP("Backup", "这不是三理室调解台的备份，或者备份已损坏：{path}"),
                           path=str(path)) from err

    # -- restoring -------------------------------------------------------------------------------
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
                    snapshot = self._unpack(path, staging)
                else:
                    snapshot = path
                info = self.read_file(snapshot)
                if info.schema is None:
                    raise _refused(QT_TRANSLATE_NOOP("Backup", "这份备份里没有三理室调解台的数据库：{path}"),
                                   path=str(path))
                problems = self.verify(snapshot)
                if problems:
                    raise BackupFailed(Failure(DAMAGED, QT_TRANSLATE_NOOP(
                        "Backup", "这份备份已损坏，不能用来恢复。请换一份备份。"), {}, "; ".join(problems[:5])))
                self._check_schema_known(info.schema)
                return self._restore_verified(snapshot, info, path)
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise self._failed(err, self._paths.root) from err
            except (ValueError, zipfile.BadZipFile) as err:
                raise _refused(QT_TRANSLATE_NOOP("Backup", "这不是三理室调解台的备份，或者备份已损坏：{path}"),
                               path=str(path)) from err
            finally:
                if staging is not None:
                    shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def _check_schema_known(schema: str | None) -> None:
        from ..storage.migrate import MIGRATIONS_DIR

        if schema is not None and not (MIGRATIONS_DIR / "versions" / f"{schema}.py").exists():
            raise _refused(QT_TRANSLATE_NOOP(
                "Backup", "这份备份是较新版本的三理室调解台做的，请先升级本程序再恢复。"))

    def _restore_verified(self, snapshot: Path, info: BackupInfo, source: Path) -> RestoreResult:
        if self._db is not None:
            self._db.close()
        set_aside = None
        if self._paths.database.exists():
            health = self.check_database()
            if health.state == LOCKED:
                raise BackupFailed(health.failure)
            if health.state == DAMAGED:
                set_aside = self.set_aside_damaged()
        backups = self._paths.backups
        backups.mkdir(parents=True, exist_ok=True)
        self._clear_incomplete(backups)
        before = None
        if self._paths.database.exists() or _files_under(self._paths.documents):
            before = self._read_info(self._write_snapshot(backups, BEFORE_RESTORE), "local")
        log.info("restoring %s; what was there is in %s", snapshot, before.path if before else "(nothing)")

        copied = 0
        if snapshot.is_dir():
            for rel, entry in self._manifest(snapshot)["documents"].items():
                current = self._paths.documents / PurePosixPath(rel)
                if current.is_file() and current.stat().st_size == entry["size"] and _sha256(current) == entry["sha256"]:
                    continue
                part = current.with_name(current.name + ".restoring")
                _copy_file(snapshot / "documents" / PurePosixPath(rel), part)
                os.replace(part, current)
                copied += 1
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
        info = BackupInfo(source, info.created, info.kind, info.counts, info.documents, info.size, info.location,
                          info.schema, info.database_only)
        return RestoreResult(info, before, copied, set_aside)

    # -- at start --------------------------------------------------------------------------------
    def check_database(self, timeout: float = 2.0, *, full: bool = True) -> Health:
        """The check at start. A file another program holds is "locked" (left alone, the
        user is asked to close that program), one SQLite cannot read is "damaged" (that includes a
        file shorter than SQLite's 100-byte header). So is a file that SQLite reads but that holds
        none of the app's schema (0 bytes, or no alembic_version) in a folder that was used before
        (``signs_of_use()``): the migrations would build an empty database in it and the ledger
        would show no cases while the documents and backups say there were some. In a folder
        never used, such a file is what an interrupted first start leaves: "ok", built on.

        ``full``: ``PRAGMA quick_check``, which reads every page (about a second per GB). Without it,
        storage.database.structure_problems() only (milliseconds): the app's start takes that for a
        large file and runs the full check after the window is up, with the writes held until it
        passes (app.py, check_database_at_start)."""
        path = self._paths.database
        if not path.exists():
            return Health("missing")
        try:
            problems = (integrity_problems(path, quick=True, live=True, timeout=timeout) if full
                        else structure_problems(path, live=True, timeout=timeout))
            empty = None if problems else self._schema_missing(path, timeout)
        except (sqlite3.Error, OSError) as err:
            found = explain(err, path)
            if found is not None and found.kind == LOCKED:
                return Health(LOCKED, (str(err),), found)
            return Health(DAMAGED, (f"{type(err).__name__}: {err}",), failure(DAMAGED, path, str(err)))
        if problems:
            return Health(DAMAGED, tuple(problems[:20]), failure(DAMAGED, path, "; ".join(problems[:5])))
        used = self.signs_of_use() if empty else []
        if used:
            problem = f"{SCHEMA_MISSING[empty][0]}, but the data folder was used before ({'; '.join(used)})"
            return Health(DAMAGED, (problem,), failure(DAMAGED, path, problem))
        return Health("ok")

    def _schema_missing(self, path: Path, timeout: float | None = None) -> str | None:
        """Why the database file holds none of the app's schema (a key of SCHEMA_MISSING), or None
        when it holds it."""
        if path.stat().st_size == 0:
            return "empty"
        conn = connect_read_only(path, timeout)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" in tables and conn.execute("SELECT 1 FROM alembic_version").fetchone():
                return None
        finally:
            conn.close()
        return "no_tables" if not tables else "no_version"

    def signs_of_use(self) -> list[str]:
        """What shows that this data folder held data before (in English, for the log): archived
        documents, backups, drafts, the window's settings file. Logs do not count: every start
        writes one before the database is looked at."""
        return [SIGNS_OF_USE[sign][0].format(n=n) for sign, n in self._signs_of_use().items()]

    def _signs_of_use(self) -> dict[str, int]:
        signs = {"documents": len(_files_under(self._paths.documents)),
                 "backups": len(list(self._paths.backups.iterdir())) if self._paths.backups.is_dir() else 0,
                 "drafts": len(_files_under(self._paths.drafts)),
                 "ui_settings": int(self._paths.ui_settings.is_file())}
        return {sign: n for sign, n in signs.items() if n}

    # -- lost data (the check command) ----------------------------------------------------------
    def _schema_lost(self) -> str | None:
        """The check's problem when the database holds none of the app's schema in a folder used
        before (what check_database() calls damaged at start), else None."""
        try:
            empty = self._schema_missing(self._paths.database)
        except (sqlite3.Error, OSError):
            return None  # not a database at all: the integrity check says so
        signs = self._signs_of_use() if empty else {}
        if not signs:
            return None
        why = SCHEMA_MISSING[empty][1]
        shown = "，".join(SIGNS_OF_USE[sign][1].format(n=n) for sign, n in signs.items())
        return (f"数据库里没有三理室调解台的数据（{why}），但这个数据文件夹以前用过（{shown}）。"
                "数据库文件可能已损坏或被换成了空文件。请先不要登记新案件：重新打开程序，它会把这个文件移到 "
                "damaged 文件夹并提供最近一份完好的备份；也可以用 restore 命令从备份恢复。")

    def _cases_lost(self, cases: int | None) -> list[str]:
        """The check's problems when the database holds fewer cases than it did: fewer than a backup
        made since the last restore (cases are never deleted, see newest_good()), or none at all
        while documents/ still holds case folders."""
        cases = cases or 0
        most, most_cases = None, 0  # the newest backup with the most cases since the last restore
        for backup in sorted(self.list_backups(), key=lambda b: (b.created, b.path.name)):
            held = (backup.counts or {}).get("cases") or 0
            if backup.kind == BEFORE_RESTORE:  # a restore goes back on purpose: compare from then on
                most, most_cases = None, 0
            elif held and held >= most_cases:
                most, most_cases = backup, held
        if most is not None and most_cases > cases:
            return [f"数据库里现在只有 {cases} 件案件，比 {most.created:%Y-%m-%d %H:%M} 的备份（{most_cases} 件）少。"
                    "案件登记后不会被删除，这说明案件丢失了（数据库可能被清空或换成了空文件）。请从备份中恢复："
                    f"restore \"{most.path}\"，或在程序中“文件 → 备份与恢复”里选择这份备份。"]
        # documents/<case uuid>/... (documents/rosters/ belongs to no case)
        folders = sorted({rel.split("/")[0] for rel, _p in _files_under(self._paths.documents)
                          if "/" in rel and _is_uuid(rel.split("/")[0])})
        if not cases and folders:
            return [f"数据库里没有任何案件，但 documents 文件夹里还有 {len(folders)} 个案件的存档文件"
                    f"（例如 documents/{folders[0]}）。数据库可能被清空或换成了空文件，请从备份中恢复。"]
        return []

    def set_aside_damaged(self) -> Path:
        """Move the database (with its -wal and -shm, which may hold the last commits) into
        damaged/<time>/. Nothing is deleted or overwritten; returns that folder. The caller has
        closed its connections (closing one here would first merge the -wal into the damaged file)."""
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        folder, n = self._paths.damaged / stamp, 2
        while folder.exists():
            folder, n = self._paths.damaged / f"{stamp}-{n}", n + 1
        folder.mkdir(parents=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = self._paths.database.with_name(self._paths.database.name + suffix)
            if source.exists():
                os.replace(source, folder / source.name)
        _fsync_dir(folder)
        _fsync_dir(self._paths.root)
        log.error("damaged database moved to %s", folder)
        return folder

    # -- the check command ---------------------------------------------------------------------
    def check(self) -> CheckReport:
        """A full check (the command line ``check``): integrity, foreign keys, every archived
        document the records point to, and how recent the last backup is. Reads only."""
        report = CheckReport()
        path = self._paths.database
        if not path.exists():
            report.problems.append(f"找不到数据库：{path}")
            return report
        lost = self._schema_lost()
        if lost:
            report.problems.append(lost)
            return report
        try:
            problems = integrity_problems(path, live=True)
            conn = connect_read_only(path)
            try:
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                # Each archived file, with the SHA-256 taken when it was written where one was kept (an
                # agreement's PDF and signed scan, in its document's "archive" facts; see AgreementService).
                rows = conn.execute(
                    "SELECT pdf_path, json_extract(document, '$.archive.pdf_sha256') FROM agreements "
                    "WHERE pdf_path IS NOT NULL "
                    "UNION ALL SELECT scan_path, json_extract(document, '$.archive.scan_sha256') FROM agreements "
                    "WHERE scan_path IS NOT NULL").fetchall()
                files = [row[0] for row in rows]
                recorded = {path: sha for path, sha in rows if sha}
                forms = _issued_files(conn)
                files += [f for f in forms if f not in files]
                audit = _audit_chain(conn)
            finally:
                conn.close()
            counts = _counts(path)
        except (sqlite3.Error, OSError) as err:
            report.problems.append(f"数据库无法读取：{err}")
            return report
        if problems:
            report.problems.append("数据库完整性检查未通过：" + "；".join(problems[:5]))
        else:
            report.facts.append(f"数据库完整性检查通过（{path}）：案件 {counts['cases']} 件，当事人 "
                                f"{counts['parties']} 人，调解协议 {counts['agreements']} 份。")
        if broken:
            report.problems.append(f"有 {len(broken)} 条记录指向不存在的记录（外键检查）。")
        if audit is not None:
            rows, chain_break = audit
            if chain_break is None:
                report.facts.append(f"审计记录 {rows} 条，哈希链完整。")
            else:
                report.problems.append("审计记录的哈希链断了：" + chain_break.text() + "。可以从备份中恢复，"
                                       "或运行 audit verify 命令查看。")
        missing = [f for f in files if not (self._paths.root / f).is_file()]
        if missing:
            report.problems.append(f"有 {len(missing)} 个存档文件找不到，例如：{missing[0]}")
        else:
            report.facts.append(f"存档文件 {len(files)} 个，全部都在。")
        changed = [f for f, sha in recorded.items() if f not in missing and _sha256(self._paths.root / f) != sha]
        if changed:
            report.problems.append(f"有 {len(changed)} 个存档的协议书文件与存档时记录的文件摘要不符（可能被改动或损坏），"
                                   f"例如：{changed[0]}。请从备份中恢复。")
        elif recorded:
            report.facts.append(f"其中 {len(recorded)} 个协议书文件与存档时记录的文件摘要相符。")
        # The case file's other coded documents and the bound 调解卷宗 (see DocumentService).
        altered = [f for f, sha in forms.items() if sha and f not in missing and _sha256(self._paths.root / f) != sha]
        if altered:
            shown = "、".join(altered[:5]) + ("等" if len(altered) > 5 else "")
            report.problems.append(f"有 {len(altered)} 个存档的案卷文书或调解卷宗文件与制作时记录的文件摘要不符"
                                   f"（可能被改动或损坏）：{shown}。请从备份中恢复，或重新制作。")
        elif any(forms.values()):
            report.facts.append(f"其中 {sum(1 for sha in forms.values() if sha)} 个案卷文书和调解卷宗文件"
                                "与制作时记录的文件摘要相符。")
        unrecorded = [f for f, sha in forms.items() if not sha and f not in missing]
        if unrecorded:
            report.facts.append(f"另有 {len(unrecorded)} 个案卷文书文件制作时尚未记录文件摘要（本版本以前制作的），"
                                "只能确认文件还在，文件本身无法核对。")
        report.problems += self._cases_lost(counts["cases"])
        last = self.last_backup()
        if last is None:
            report.reminders.append("还没有备份。请运行 backup 命令，或在程序中“文件 → 备份与恢复”里立即备份。")
        else:
            age = self._now() - last.created
            report.facts.append(f"最近一次备份：{last.created:%Y-%m-%d %H:%M}（{last.path}）")
            if age > dt.timedelta(days=7):
                report.reminders.append(f"最近一次备份已是 {age.days} 天前，请尽快备份。")
        return report
