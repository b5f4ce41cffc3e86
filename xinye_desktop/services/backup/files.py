"""Files on the way into and out of a backup: copy with read-back, hashes, fsync of a folder, the
counts a manifest records. Plain functions, no state; the tests replace some of them (a full disk, a
USB drive pulled out, a power cut half-way through a delete) where snapshot.py and restore.py use them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from ...storage.database import connect_read_only
from .model import COUNTED_TABLES

# services/hub/setup.py's setting (a test holds them equal): not imported, so that a village's backup, and the
# check at start, which reads this module, do not load the hub's services.
HUB_MODE_SETTING = "hub_mode"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_file(source: Path, target: Path) -> str:
    """Copy, fsync, read back: the SHA-256 of what is now on the target's disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            digest.update(block)
            dst.write(block)
        dst.flush()
        os.fsync(dst.fileno())
    written = sha256_of(target)
    if written != digest.hexdigest():
        raise OSError(5, "the copy reads back different from the original", str(target))  # EIO
    return written


def fsync_dir(path: Path) -> None:
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


def write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def files_under(folder: Path) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    return sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())


def hub_mode(db_path: Path) -> str | None:
    """The hub's mode (services/hub/setup.py HUB_MODE_SETTING: a 司法所's or a 司法局's) where the database
    file is a hub's, else None (a village's, or a file without settings)."""
    conn = connect_read_only(db_path)
    try:
        return _hub_mode(conn)
    finally:
        conn.close()


def _hub_mode(conn: sqlite3.Connection) -> str | None:
    try:
        found = conn.execute("SELECT value FROM settings WHERE key = ?", (HUB_MODE_SETTING,)).fetchone()
    except sqlite3.Error:  # no settings table (not the app's database, or an empty one)
        return None
    return found[0] if found and found[0] else None


def table_counts(db_path: Path) -> dict[str, int | None]:
    """The schema revision and the rows of the counted tables (None for a table the file lacks). A hub's
    own cases, parties... tables stay empty: its counts are the villages' rows it holds (hub_rows, tombstones
    included: kept, never deleted, so the count only grows, as a village's does)."""
    conn = connect_read_only(db_path)
    try:
        hub = _hub_mode(conn) is not None
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if hub and "hub_rows" in tables:
            marks = ",".join("?" * len(COUNTED_TABLES))
            held = dict(conn.execute(f"SELECT table_name, COUNT(*) FROM hub_rows WHERE table_name IN ({marks}) "
                                     "GROUP BY table_name", COUNTED_TABLES).fetchall())
            counts = {t: held.get(t, 0) for t in COUNTED_TABLES}
        else:
            counts = {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] if t in tables else None
                      for t in COUNTED_TABLES}
        schema = (conn.execute("SELECT version_num FROM alembic_version").fetchone() or [None])[0] \
            if "alembic_version" in tables else None
    finally:
        conn.close()
    return {"schema": schema, **counts}


def remove_tree(path: Path) -> None:
    def retry_writable(func, target, _exc):  # a read-only copied file (Windows) blocks rmtree
        os.chmod(target, 0o700)
        func(target)

    shutil.rmtree(path, onerror=retry_writable)
