"""A data folder's database opened for a command of the command line (``__main__.py``), which goes
through the services and never touches storage itself.

A reading command (verify, statistics, agreement, audit verify) must work on data in a folder that
cannot be written (a CD, a write-protected USB drive, a share without write permission): the database
is then opened read-only, so that no -wal, -shm or upgrade is made, and one that needs an upgrade
first is left as it is (``Outdated``).

Where the folder has accounts (issue 15), ``refuse_until_login`` makes every service refuse until
a login (services/accounts.py ``AccountService.login``) says who acts.
"""

from __future__ import annotations

import os
import sqlite3

from ..paths import DataPaths
from ..storage.actor import NOBODY
from ..storage.database import Database, SchemaOutdated
from .accounts import AccountService
from .failures import probe_writable

ACCOUNTS_REVISION = "0008"  # the schema revision that added the accounts (revisions sort by their number)

# A database a version behind in a folder that cannot be written: it would have to be upgraded first.
Outdated = SchemaOutdated


def open_database(paths: DataPaths) -> Database:
    """The folder's database as the app opens it (nothing is touched until it is used)."""
    return Database(paths.database)


def _cannot_write(paths: DataPaths) -> bool:
    return probe_writable(paths.root) is not None or not os.access(paths.database, os.W_OK)


def open_as_found(paths: DataPaths) -> Database:
    """The folder's existing database, never upgraded, read-only where the folder or the file cannot
    be written (a backup --to from a write-protected drive)."""
    return Database(paths.database, read_only=_cannot_write(paths))


def open_for_reading(paths: DataPaths) -> Database:
    """The folder's database with its schema current, opened read-only where the folder or the file
    cannot be written; ``Outdated`` (the database closed again) when it would need an upgrade then."""
    db = Database(paths.database, read_only=_cannot_write(paths))
    try:
        db.ensure_schema()
    except SchemaOutdated:
        db.close()
        raise
    return db


def refuse_until_login(db: Database) -> bool:
    """True when the database holds accounts: NOBODY then acts (storage/actor.py), so that every
    service refuses (services/access.py guard) until a login installs an account. False, and nothing
    installed, for a database without accounts (none made yet, or from before them) and for a file
    that cannot be read as a database (damaged: ``restore`` must still be able to replace it, and the
    other commands report it as before)."""
    if not db.path.is_file():
        return False
    try:
        revision = db.current_revision()
        if revision is None or revision[:len(ACCOUNTS_REVISION)] < ACCOUNTS_REVISION:
            return False
        if AccountService(db).needs_setup():
            return False
    except sqlite3.DatabaseError:
        return False
    db.use_actor_source(NOBODY)
    return True


__all__ = ["ACCOUNTS_REVISION", "Outdated", "open_as_found", "open_database", "open_for_reading",
           "refuse_until_login"]
