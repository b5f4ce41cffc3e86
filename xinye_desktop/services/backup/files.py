"""Files on the way into and out of a backup: copy with read-back, hashes, fsync of a folder, the
counts a manifest records. Plain functions, no state; the tests replace some of them (a full disk, a
USB drive pulled out, a power cut half-way through a delete) where snapshot.py and restore.py use them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ...storage.database import connect_read_only
from .model import COUNTED_TABLES


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


def table_counts(db_path: Path) -> dict[str, int | None]:
    """The schema revision and the rows of the counted tables (None for a table the file lacks)."""
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


def remove_tree(path: Path) -> None:
    def retry_writable(func, target, _exc):  # a read-only copied file (Windows) blocks rmtree
        os.chmod(target, 0o700)
        func(target)

    shutil.rmtree(path, onerror=retry_writable)
