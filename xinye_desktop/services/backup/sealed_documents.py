"""The archived documents inside a backup, sealed file by file (issue 15 item 4): a printed 协议书 or
登记表 holds the parties' phones and addresses, and a backup folder or .zip on a USB drive must show none.

Once the data has a key, the settings hold the committee's backup key pair (storage/sealing.py): the
public key in clear, so that every backup seals its documents, also the one made at start before anyone
logs in; the private key sealed with the data key, so that only a logged-in session opens them. The
manifest names the key (``"sealed"``: its id) and gives each sealed document's clear size and SHA-256
beside those of the sealed file (what verify() reads back).

Restoring opens them with the session's key. With no session (the restore offered at start when the
database is damaged, or on a new PC before the backup's accounts exist there) a sealed document is put
in place sealed and listed in ``.documents-to-open.json`` at the data folder's root; the next login
opens it (AccountService). A backup of another committee (its data sealed with another key than the data
here) is refused before anything is written.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path, PurePosixPath

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...paths import DataPaths
from ...storage.database import connect_read_only
from ...storage.sealing import (
    BACKUP_PRIVATE_SETTING, BACKUP_PUBLIC_SETTING, KEY_CHECK_SETTING, FieldSealer, FileSealer, SealBroken,
    file_sealer, is_sealed_file,
)
from .files import sha256_of
from .model import refused

log = logging.getLogger(__name__)

PENDING = ".documents-to-open.json"
OTHER_COMMITTEE = QT_TRANSLATE_NOOP(
    "Backup", "这份备份是另一个调委会的（它的数据用另一把数据密钥加密），不能恢复到这里。现在的数据没有任何改动。")
_KEYS = (KEY_CHECK_SETTING, BACKUP_PUBLIC_SETTING, BACKUP_PRIVATE_SETTING)


def key_settings(database: Path) -> dict[str, str]:
    """The key fingerprint and the backup key pair in a database file's settings ({} for clear data, a
    file with no settings, or one that cannot be read)."""
    try:
        conn = connect_read_only(database)
    except sqlite3.Error:
        return {}
    try:
        marks = ",".join("?" * len(_KEYS))
        return dict(conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", _KEYS).fetchall())
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


# -- making a backup ----------------------------------------------------------------------------------------

def sealer_for(database_copy: Path) -> FileSealer | None:
    """What seals the documents of a backup whose database is ``database_copy`` (None: the data is clear,
    and so are its documents, as before issue 15)."""
    return file_sealer(key_settings(database_copy))


def seal_into(sealer: FileSealer, source: Path, destination: Path, rel: str) -> dict:
    """Seal one document into a backup; its manifest entry. A document that is itself still sealed (put
    back by a restore and not opened yet, see PENDING) is copied as it is: it shows nothing either."""
    from .files import copy_file

    destination.parent.mkdir(parents=True, exist_ok=True)
    stat = source.stat()
    if is_sealed_file(source):
        digest = copy_file(source, destination)
        return {"size": stat.st_size, "sha256": digest, "mtime_ns": stat.st_mtime_ns, "sealed": True,
                "plain_size": None, "plain_sha256": None}
    plain = sha256_of(source)
    sealer.seal_file(source, destination, rel)
    return {"size": destination.stat().st_size, "sha256": sha256_of(destination), "mtime_ns": stat.st_mtime_ns,
            "sealed": True, "plain_size": stat.st_size, "plain_sha256": plain}


def unchanged(old: dict | None, source_stat, sealing: bool) -> bool:
    """Whether a live document is the one a previous snapshot's entry holds (same size and modification
    time), sealed as this backup seals (a clear copy is never linked into a sealed backup)."""
    if old is None or bool(old.get("sealed")) != sealing:
        return False
    size = old.get("plain_size", old["size"]) if sealing else old["size"]
    return size == source_stat.st_size and old.get("mtime_ns") == source_stat.st_mtime_ns


# -- restoring ------------------------------------------------------------------------------------------------

def check_same_committee(backup_database: Path, current_database: Path) -> None:
    """Refused (BackupFailed, nothing written) when the backup's data is sealed with another key than the
    data here. A clear backup, or a folder with no key yet (a new PC), passes."""
    backup_key = key_settings(backup_database).get(KEY_CHECK_SETTING)
    current_key = key_settings(current_database).get(KEY_CHECK_SETTING) if current_database.exists() else None
    if backup_key and current_key and backup_key != current_key:
        raise refused(OTHER_COMMITTEE)


def opener_for(backup_database: Path, sealer: FieldSealer | None) -> FileSealer | None:
    """What opens the backup's documents now: the session's data key opens the backup's private key
    (same committee); None when no one is logged in (the documents then wait, see PENDING)."""
    settings = key_settings(backup_database)
    if sealer is None or settings.get(KEY_CHECK_SETTING) != sealer.fingerprint:
        return None
    try:
        return file_sealer(settings, sealer)
    except SealBroken:
        return None


def restore_one(entry: dict, source: Path, current: Path, rel: str, opener: FileSealer | None,
                pending: dict[str, str | None]) -> None:
    """Put one sealed document of a backup in place: opened when ``opener`` can, else sealed and noted in
    ``pending``. Written to a side file first, then renamed over the current one."""
    from .files import copy_file

    part = current.with_name(current.name + ".restoring")
    current.parent.mkdir(parents=True, exist_ok=True)
    if opener is not None:
        opener.open_file(source, part, rel)
        if entry.get("plain_sha256") and sha256_of(part) != entry["plain_sha256"]:
            part.unlink(missing_ok=True)
            raise OSError(5, "a document opened from the backup differs from what was sealed", str(source))
        os.replace(part, current)
        pending.pop(rel, None)
        return
    copy_file(source, part)
    os.replace(part, current)
    pending[rel] = entry.get("plain_sha256")


def is_current(entry: dict, current: Path) -> bool:
    """Whether the live document is already what a (sealed) manifest entry holds."""
    if entry.get("sealed") and entry.get("plain_sha256"):
        return current.is_file() and current.stat().st_size == entry["plain_size"] \
            and sha256_of(current) == entry["plain_sha256"]
    return current.is_file() and current.stat().st_size == entry["size"] and sha256_of(current) == entry["sha256"]


def read_pending(paths: DataPaths) -> dict[str, str | None]:
    """documents/ path (relative to documents/) -> its clear SHA-256 (None: not known), of the documents a
    restore put back sealed."""
    try:
        return json.loads((paths.root / PENDING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_pending(paths: DataPaths, pending: dict[str, str | None]) -> None:
    target = paths.root / PENDING
    if not pending:
        target.unlink(missing_ok=True)
        return
    part = target.with_name(target.name + ".part")
    with open(part, "w", encoding="utf-8") as handle:
        json.dump(pending, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, target)


def open_pending(paths: DataPaths, sealer: FieldSealer) -> int:
    """Open the documents a restore put back sealed, with the logged-in session's key (at login). How many
    were opened; one that does not open with this key stays sealed and listed (logged)."""
    pending = read_pending(paths)
    if not pending:
        return 0
    settings = key_settings(paths.database)
    try:
        opener = file_sealer(settings, sealer) if settings.get(KEY_CHECK_SETTING) == sealer.fingerprint else None
    except SealBroken:
        opener = None
    if opener is None or not settings.get(BACKUP_PRIVATE_SETTING):
        return 0
    opened = 0
    for rel, plain_sha in list(pending.items()):
        current = paths.documents / PurePosixPath(rel)
        part = current.with_name(current.name + ".opening")
        try:
            if not current.is_file() or not is_sealed_file(current):
                pending.pop(rel)
                continue
            opener.open_file(current, part, rel)
            if plain_sha and sha256_of(part) != plain_sha:
                part.unlink(missing_ok=True)
                log.warning("document %s opened to other content than was sealed: left sealed", rel)
                continue
            os.replace(part, current)
            pending.pop(rel)
            opened += 1
        except (OSError, SealBroken) as err:
            log.warning("document %s restored sealed does not open: %s", rel, err)
    write_pending(paths, pending)
    return opened
