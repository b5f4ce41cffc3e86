"""Making backups: a verified snapshot of the database and the documents, the copy in the second
folder (a USB drive), thinning out old ones (rotation), reading and verifying what a backup holds, and
export to one .zip. Restoring is restore.py, the check at start health.py; the layout of a backup is in
the package's docstring.

Thread contract: every public method may run on a worker thread; the folder lock (model.folder_lock)
makes backups and rotation of one data folder run one at a time.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from ... import __version__
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...paths import DataPaths
from ...storage.database import DB_FILENAME, Database, copy_database, fsync_file, integrity_problems
from ..failures import DAMAGED, MISSING, failure
from ..settings import SettingsService
from .files import (
    copy_file, files_under, fsync_dir, hub_mode, remove_tree, sha256_of, table_counts, tree_size, write_json,
)
from . import sealed_documents
from .model import (
    BEFORE_RESTORE, DOCUMENT_FOLDERS, EXPORT, FORMAT, HUB_DOCUMENTS, INCOMPLETE, KEEP_DAILY, KEEP_MONTHLY, KEEP_NEWEST, KEEP_WEEKLY, MANIFEST,
    MANUAL, MIGRATION, REMOVING, ROTATED_KINDS, SECOND_FOLDER_NOTE, SECOND_SUBFOLDER, BackupFailed, BackupInfo,
    BackupResult, backup_failed, folder_lock, refused,
)

log = logging.getLogger(__name__)


def backup_source(path: Path) -> Path:
    """What a hand-picked path means: a file inside a backup folder (its manifest.json, or its
    database, e.g. on a USB drive) stands for the whole folder, so the archived documents come back
    with the database instead of the database alone."""
    if path.is_file() and (path.name == MANIFEST or path.name == DB_FILENAME) \
            and (path.parent / MANIFEST).is_file() and (path.parent / DB_FILENAME).is_file():
        return path.parent
    return path


def document_count(manifest: dict) -> int:
    """The archived files a backup holds: the documents, and a hub's villages' documents."""
    return sum(len(manifest.get(section, {})) for section in DOCUMENT_FOLDERS)


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


def fewer_cases_of(backups: list[BackupInfo]) -> list[BackupInfo]:
    """The backups holding fewer cases than an older one made since the last restore, newest first:
    made after cases were lost (cases are never deleted). The rule behind newest_good() (health.py),
    and why rotation never thins out the newest backup not among them."""
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


# ---------------------------------------------------------------------------------------- snapshots

class Snapshots:
    """The backups of one data folder: making, listing, verifying, thinning out, exporting."""

    def __init__(self, paths: DataPaths, db: Database | None = None, now=dt.datetime.now):
        self._paths = paths
        self._settings = SettingsService(db) if db is not None else None
        self._now = now
        self._lock = folder_lock(paths.root)

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
                self.clear_incomplete(root)
                snapshot = self.write_snapshot(root, kind)
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise backup_failed(err, root) from err
            info = self.read_info(snapshot, "local")
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

    def clear_incomplete(self, root: Path) -> None:
        """What a power cut or a crash left half-written or half-deleted: never a backup, removed."""
        for leftover in [*root.glob(INCOMPLETE + "*"), *root.glob(REMOVING + "*")]:
            log.warning("removing an unfinished backup %s", leftover)
            remove_tree(leftover)

    def _new_name(self, root: Path, kind: str) -> str:
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        name, n = f"{stamp}-{kind}", 2
        while (root / name).exists() or (root / (INCOMPLETE + name)).exists():
            name, n = f"{stamp}-{kind}-{n}", n + 1
        return name

    def write_snapshot(self, root: Path, kind: str) -> Path:
        name = self._new_name(root, kind)
        work = root / (INCOMPLETE + name)
        work.mkdir()
        try:
            manifest = {"format": FORMAT, "app_version": __version__, "kind": kind,
                        "created": self._now().isoformat(timespec="seconds"), "schema": None, "counts": {},
                        "database": None, "documents": {}}
            sealer, hub = None, None
            if self._paths.database.exists():
                copy = work / DB_FILENAME
                copy_database(self._paths.database, copy)
                counts = table_counts(copy)
                manifest["schema"] = counts.pop("schema")
                manifest["counts"] = counts
                manifest["database"] = {"file": DB_FILENAME, "size": copy.stat().st_size, "sha256": sha256_of(copy)}
                # Once the data has a key, the documents are sealed to the committee's backup key (issue 15).
                sealer = sealed_documents.sealer_for(copy)
                manifest["sealed"] = sealer.key_id if sealer else None
                hub = hub_mode(copy)
            previous = self._newest_snapshot(root)
            manifest["documents"] = self._copy_documents(
                files_under(self._paths.documents), work / "documents", previous, known=None, sealer=sealer)
            if hub is not None:  # a 司法所's or 司法局's folder on SQLite: the villages' documents it keeps too
                manifest["hub"] = hub
                manifest[HUB_DOCUMENTS] = self._copy_documents(
                    files_under(self._paths.hub_documents), work / DOCUMENT_FOLDERS[HUB_DOCUMENTS], previous,
                    known=None, section=HUB_DOCUMENTS)
            write_json(work / MANIFEST, manifest)
            # Read back: integrity_check of the copy (a damaged database fails here, before it
            # could become a "good" backup); the documents were read back as they were copied.
            self.verify_snapshot(work, hashes=False)
            fsync_dir(work)
            os.replace(work, root / name)
            fsync_dir(root)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        return root / name

    def _copy_documents(self, files: list[tuple[str, Path]], target: Path, previous: Path | None,
                        known: dict | None, sealer=None, section: str = "documents") -> dict:
        """Copy ``files`` (relative name, path) under ``target``, sealed with ``sealer`` when given
        (sealed_documents.py). A file the previous snapshot holds unchanged (same size and modification
        time, sealed to the same key, or the same hash when ``known`` gives it) becomes a hard link to
        that copy; where links are impossible (a FAT USB drive) it is copied. ``section``: the manifest's
        part these files are (DOCUMENT_FOLDERS), a hub's documents never sealed again."""
        previous_manifest = self.manifest(previous) if previous is not None else {}
        before = previous_manifest.get(section, {})
        if known is None and section == "documents" \
                and previous_manifest.get("sealed") != (sealer.key_id if sealer else None):
            before = {}  # sealed to another key, or clear: nothing to link to
        entries = {}
        for rel, source in files:
            stat = source.stat()
            old = before.get(rel)
            same = (old is not None and old["size"] == stat.st_size and old["sha256"] == known[rel]["sha256"]) if known \
                else sealed_documents.unchanged(old, stat, sealer is not None)
            destination = target / PurePosixPath(rel)
            if same:
                try:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    os.link(previous / DOCUMENT_FOLDERS[section] / PurePosixPath(rel), destination)
                    entries[rel] = dict(old, mtime_ns=stat.st_mtime_ns)
                    continue
                except OSError:
                    destination.unlink(missing_ok=True)
            if sealer is not None:
                entries[rel] = sealed_documents.seal_into(sealer, source, destination, rel)
                continue
            digest = copy_file(source, destination)
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
            self.clear_incomplete(root)
            manifest = self.manifest(snapshot)
            work.mkdir()
            if manifest["database"]:
                digest = copy_file(snapshot / DB_FILENAME, work / DB_FILENAME)
                if digest != manifest["database"]["sha256"]:
                    raise OSError(5, "the database copy does not match", str(work))
            newest = self._newest_snapshot(root)
            for section, folder in DOCUMENT_FOLDERS.items():
                if section in manifest:
                    self._copy_documents(files_under(snapshot / folder), work / folder, newest,
                                         known=manifest[section], section=section)
            write_json(work / MANIFEST, manifest)
            self.verify_snapshot(work, hashes=False)
            fsync_dir(work)
            os.replace(work, root / snapshot.name)
            fsync_dir(root)
        except BackupFailed:
            shutil.rmtree(work, ignore_errors=True)
            raise
        except (OSError, sqlite3.Error) as err:
            shutil.rmtree(work, ignore_errors=True)
            raise backup_failed(err, target) from err
        try:
            self._rotate(root)
        except OSError as err:
            log.warning("could not thin out %s: %s", root, err)
        return self.read_info(root / snapshot.name, "second")

    def _rotate(self, root: Path) -> list[Path]:
        snapshots = [info for _p, info in self._snapshots(root, "local", sized=False)]
        found = [(info.path.name, info.created, info.kind) for info in snapshots]
        keep = rotation_keeps(found)
        # Never the backup newest_good() would offer: after cases were lost the newer backups hold
        # fewer cases (see there), and the newest-3 rule alone would thin out the last full one.
        passed = {b.path for b in fewer_cases_of(snapshots)}
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
                    remove_tree(doomed)
                    removed.append(root / name)
                except OSError as err:
                    log.warning("could not remove old backup %s: %s", root / name, err)
        return removed

    # -- reading backups -------------------------------------------------------------------------
    @staticmethod
    def manifest(snapshot: Path) -> dict:
        return json.loads((snapshot / MANIFEST).read_text(encoding="utf-8"))

    def read_info(self, path: Path, location: str, *, sized: bool = True) -> BackupInfo:
        """``sized=False``: size 0, without walking the backup's files (one stat per document: many
        thousands in each of the ~20 backups kept, which the start-up's status label must not pay)."""
        if path.is_file():  # a database-only copy (older versions made these before an upgrade)
            counts = table_counts(path)
            schema = counts.pop("schema")
            return BackupInfo(path, dt.datetime.fromtimestamp(path.stat().st_mtime), MIGRATION, counts, 0,
                              path.stat().st_size, location, schema, database_only=True)
        manifest = self.manifest(path)
        return BackupInfo(path, dt.datetime.fromisoformat(manifest["created"]), manifest["kind"],
                          manifest.get("counts", {}), document_count(manifest),
                          tree_size(path) if sized else 0, location, manifest.get("schema"))

    def _snapshots(self, root: Path, location: str, *, sized: bool = True) -> list[tuple[Path, BackupInfo]]:
        found = []
        if not root.is_dir():
            return found
        for path in root.iterdir():
            if path.name.startswith(".") or not (path / MANIFEST).is_file():
                continue
            try:
                found.append((path, self.read_info(path, location, sized=sized)))
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
                    found.append(self.read_info(path, "local"))
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
        return None if newest is None else self.read_info(newest.path, "local")

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
                    self.verify_snapshot(self.unpack(path, Path(tmp)), hashes=True)
            elif path.is_file():
                problems = integrity_problems(path)
                if problems:
                    return problems
            else:
                self.verify_snapshot(path, hashes=True)
        except BackupFailed as failed:
            return [failed.failure.detail or failed.failure.text()]
        except (OSError, sqlite3.Error, ValueError, KeyError, TypeError, zipfile.BadZipFile) as err:
            return [f"{type(err).__name__}: {err}"]
        return []

    def verify_snapshot(self, snapshot: Path, *, hashes: bool) -> None:
        manifest = self.manifest(snapshot)
        if manifest.get("format") != FORMAT:
            raise refused(QT_TRANSLATE_NOOP("Backup", "这份备份来自不同版本的程序，无法识别。"))
        problems = []
        if manifest.get("database"):
            db_file = snapshot / manifest["database"]["file"]
            if not db_file.is_file():
                problems.append(f"{db_file.name} missing")
            else:
                if hashes and sha256_of(db_file) != manifest["database"]["sha256"]:
                    problems.append(f"{db_file.name}: hash differs")
                problems += integrity_problems(db_file)
        for section, folder in DOCUMENT_FOLDERS.items():
            for rel, entry in manifest.get(section, {}).items():
                path = snapshot / folder / PurePosixPath(rel)
                if not path.is_file() or path.stat().st_size != entry["size"]:
                    problems.append(f"{folder}/{rel} missing or of the wrong size")
                elif hashes and sha256_of(path) != entry["sha256"]:
                    problems.append(f"{folder}/{rel}: hash differs")
        if problems:
            raise BackupFailed(failure(DAMAGED, snapshot, "; ".join(problems[:5])))

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
                    raise refused(QT_TRANSLATE_NOOP("Backup", "数据文件夹里还没有数据库：{folder}"),
                                  folder=str(self._paths.root))
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = Path(tempfile.mkdtemp(prefix=".xinye-export-", dir=target.parent))
                snapshot = self.write_snapshot(tmp, EXPORT)
                with zipfile.ZipFile(part, "w", allowZip64=True) as archive:
                    for rel, path in files_under(snapshot):
                        # The database and the manifest compress well; PDFs and photos do not.
                        packed = rel in (DB_FILENAME, MANIFEST)
                        archive.write(path, rel, zipfile.ZIP_DEFLATED if packed else zipfile.ZIP_STORED)
                fsync_file(part)
                problems = self.verify(part, scratch=tmp)  # the data folder may be read-only
                if problems:
                    raise BackupFailed(failure(DAMAGED, target, "; ".join(problems[:5])))
                os.replace(part, target)
                fsync_dir(target.parent)
                info = self.read_info(snapshot, "file")
            except BackupFailed:
                raise
            except (OSError, sqlite3.Error) as err:
                raise backup_failed(err, target.parent) from err
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
    def unpack(archive_path: Path, into: Path) -> Path:
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
                                  manifest.get("counts", {}), document_count(manifest),
                                  path.stat().st_size, "file", manifest.get("schema"))
            return self.read_info(path, "file")
        except (OSError, sqlite3.Error, ValueError, KeyError, zipfile.BadZipFile) as err:
            raise refused(QT_TRANSLATE_NOOP("Backup", "这不是三理室调解台的备份，或者备份已损坏：{path}"),
                          path=str(path)) from err

