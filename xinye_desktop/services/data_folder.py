"""A data folder's database opened for a command of the command line (``__main__.py``), which goes
through the services and never touches storage itself.

A reading command (verify, statistics, agreement, audit verify) must work on data in a folder that
cannot be written (a CD, a write-protected USB drive, a share without write permission): the database
is then opened read-only, so that no -wal, -shm or upgrade is made, and one that needs an upgrade
first is left as it is (``Outdated``).
"""

from __future__ import annotations

import os

from ..paths import DataPaths
from ..storage.database import Database, SchemaOutdated
from .failures import probe_writable

# A database a version behind in a folder that cannot be written: it would have to be upgraded first.
Outdated = SchemaOutdated


def open_database(paths: DataPaths) -> Database:
    """The folder's database as the app opens it (nothing is touched until it is used)."""
    return Database(paths.database)


def open_for_reading(paths: DataPaths) -> Database:
    """The folder's database with its schema current, opened read-only where the folder or the file
    cannot be written; ``Outdated`` (the database closed again) when it would need an upgrade then."""
    read_only = probe_writable(paths.root) is not None or not os.access(paths.database, os.W_OK)
    db = Database(paths.database, read_only=read_only)
    try:
        db.ensure_schema()
    except SchemaOutdated:
        db.close()
        raise
    return db


__all__ = ["Outdated", "open_database", "open_for_reading"]
