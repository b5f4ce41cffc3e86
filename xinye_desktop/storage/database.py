"""The SQLite file: opening it, keeping its schema current, and handing out transactions.

Start-up cost matters on old office PCs (tech-notes.md): SQLAlchemy (~270 ms) and Alembic
(~350 ms) are imported only when first needed. The schema check at start reads the Alembic
version with the standard sqlite3 module, and Alembic runs only when a migration is pending.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from .actor import ActorSource, committee_operator

if TYPE_CHECKING:
    from .unit_of_work import UnitOfWork

# The newest Alembic revision in migrations/versions. A test checks it against Alembic's own head.
HEAD_REVISION = "0008_accounts_audit"
DB_FILENAME = "xinye.sqlite3"
BUSY_TIMEOUT_MS = 10_000


def configure_connection(conn: sqlite3.Connection) -> None:
    """Pragmas every connection gets, from the ORM or raw: constraints on, WAL, durable commits."""
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise sqlite3.OperationalError(f"cannot switch the database to WAL mode (got {mode})")
    # FULL: a commit that returned is on disk even if the power is cut right after.
    conn.execute("PRAGMA synchronous=FULL")


class SchemaOutdated(RuntimeError):
    """A database opened read-only whose schema is older than this version: it would have to be
    upgraded (written) before it can be read, and a read-only database is never written."""

    def __init__(self, path: Path, revision: str | None):
        super().__init__(f"{path} is at revision {revision}, not {HEAD_REVISION}, and is opened read-only")
        self.path = path
        self.revision = revision


def connect_read_only(path: Path, timeout: float | None = None) -> sqlite3.Connection:
    """Open a database file without ever writing to it (a backup, a file set aside, the data on a
    read-only disk). A WAL file that has no -shm beside it cannot be opened read-only: it is
    opened normally, and where the folder cannot be written either, as immutable (nobody can
    be writing to it then), so that its data can still be copied out."""
    timeout = BUSY_TIMEOUT_MS / 1000 if timeout is None else timeout
    base = Path(path).resolve().as_uri()
    attempts = ((base + "?mode=ro", True), (str(path), False), (base + "?mode=ro&immutable=1", True))
    for number, (target, uri) in enumerate(attempts, start=1):
        conn = sqlite3.connect(target, uri=uri, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as err:
            conn.close()
            if "unable to open" not in str(err) or number == len(attempts):
                raise
    raise AssertionError("unreachable")


def copy_database(source: Path, target: Path) -> None:
    """The one copy routine: SQLite's online backup API, so the copy is consistent even while
    the app writes, and includes commits still only in the -wal file.

    A new ``target`` becomes a self-contained file (rollback journal, no -wal beside it),
    fsynced before this returns. An existing ``target`` is overwritten in one transaction
    (all or nothing, also after a power cut): that is how a restore replaces the live database.
    """
    target = Path(target)
    fresh = not target.exists()
    src = connect_read_only(source)
    dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        if not fresh:
            configure_connection(dst)
        src.backup(dst)
        if fresh:
            dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()
    fsync_file(target)


def fsync_file(path: Path) -> None:
    """Flush a file's content to the disk (what a power cut cannot take back).

    Windows flushes only through a handle opened for writing (os.fsync is _commit there, which fails
    with EBADF on a read-only handle), so the file is opened read-write there; nothing is written."""
    flags = os.O_RDWR | getattr(os, "O_BINARY", 0) if sys.platform == "win32" else os.O_RDONLY
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problems(path: Path, *, quick: bool = False, live: bool = False,
                       timeout: float | None = None) -> list[str]:
    """[] when ``PRAGMA integrity_check`` (or the faster ``quick_check``) says ok, else what it
    found. A file that is not a database at all raises sqlite3.DatabaseError.

    ``live``: the app's own database, opened read-write so that SQLite can first replay what a
    crash left in the -wal file (a read-only connection cannot)."""
    timeout = BUSY_TIMEOUT_MS / 1000 if timeout is None else timeout
    if live:
        conn = sqlite3.connect(path, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as err:  # a read-only folder: check what is there as it is
            conn.close()
            if "unable to open" not in str(err):
                raise
            conn = connect_read_only(path, timeout)
    else:
        conn = connect_read_only(path, timeout)
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    found = [row[0] for row in rows]
    return [] if found == ["ok"] else found


class Database:
    """One SQLite file. Thread contract: the ORM engine is thread-safe (a pool of connections);
    ``read_connection()`` is for the GUI thread only.

    ``read_only``: every connection is opened read-only (``connect_read_only``), so that the reading
    commands work on data in a folder that cannot be written (a CD, a write-protected USB drive, a
    share without write permission): no WAL switch, no -shm or -wal created, never migrated
    (``ensure_schema`` raises SchemaOutdated instead), and any attempt to write fails.

    ``actor``: who acts in each transaction (storage/actor.py); by default the committee's operator."""

    def __init__(self, path: Path, *, read_only: bool = False, actor: ActorSource | None = None):
        self.path = Path(path)
        self.read_only = read_only
        self._actor_source: ActorSource = actor or committee_operator
        self._engine = None
        self._session_factory = None
        self._read_conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    # -- schema -------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        if not self.path.exists():
            return None
        conn = connect_read_only(self.path) if self.read_only else sqlite3.connect(self.path)
        try:
            row = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
            if row is None:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()

    def needs_migration(self) -> bool:
        return self.current_revision() != HEAD_REVISION

    def ensure_schema(self, before_upgrade: Callable[[], str] | None = None) -> str | None:
        """Create or upgrade the schema. Returns the path of the safety copy made before an
        upgrade of an existing database, or None when nothing had to change.

        ``before_upgrade`` makes that copy (the app passes its backup service, which keeps the
        documents too); without it a database-only copy goes to backups/ beside the file."""
        if not self.needs_migration():
            return None
        if self.read_only:
            raise SchemaOutdated(self.path, self.current_revision())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        copy = None
        if self.current_revision() is not None:
            copy = (before_upgrade or self._copy_before_migration)()
        from .migrate import upgrade_to_head  # lazy: Alembic is slow to import

        upgrade_to_head(self)
        return copy

    def _copy_before_migration(self) -> str:
        """A verified copy through SQLite's online backup API, kept beside the database."""
        folder = self.path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"before-migration-{self.current_revision()}-{stamp}.sqlite3"
        copy_database(self.path, target)
        problems = integrity_problems(target)
        if problems:
            raise sqlite3.DatabaseError(f"the copy {target} failed its integrity check: {problems[:3]}")
        return str(target)

    # -- ORM ----------------------------------------------------------------------------
    @property
    def engine(self):
        with self._lock:
            if self._engine is None:
                self._engine = self._create_engine()
            return self._engine

    def _create_engine(self):
        from sqlalchemy import create_engine, event

        if self.read_only:
            return self._create_read_only_engine()
        engine = create_engine(f"sqlite:///{self.path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            # Let SQLAlchemy, not the driver, decide when transactions start (SQLAlchemy's
            # documented recipe for SQLite), so that we can start them IMMEDIATE below.
            dbapi_conn.isolation_level = None
            configure_connection(dbapi_conn)

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            # Take the write lock at the start: two saves racing for the next case number
            # queue up instead of one failing half-way with "database is locked".
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    def _create_read_only_engine(self):
        from sqlalchemy import create_engine, event

        engine = create_engine(f"sqlite:///{self.path}", creator=self._connect_read_only)

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            # A plain (deferred) BEGIN: IMMEDIATE asks for the write lock, which a read-only
            # connection cannot take.
            conn.exec_driver_sql("BEGIN")

        return engine

    def _connect_read_only(self) -> sqlite3.Connection:
        conn = connect_read_only(self.path)
        conn.isolation_level = None  # as in the read-write engine: SQLAlchemy starts the transactions
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    @contextmanager
    def transaction(self) -> Iterator["UnitOfWork"]:
        """One user action = one transaction: committed if the block ends normally, else rolled back."""
        from .unit_of_work import UnitOfWork

        with self._lock:
            if self._session_factory is None:
                from sqlalchemy.orm import sessionmaker

                self._session_factory = sessionmaker(bind=self.engine, expire_on_commit=False)
            factory = self._session_factory
        with factory.begin() as session:
            yield UnitOfWork(session, self._actor_source)

    # -- who acts -----------------------------------------------------------------------
    def use_actor_source(self, source: ActorSource | None) -> None:
        """Replace where every later transaction learns who acts (storage/actor.py); None: back to the
        committee's operator setting. The one seam for user accounts: services only ever see ``uow.actor``."""
        self._actor_source = source or committee_operator

    def current_actor(self) -> str:
        """Who acts now, as the next transaction will sign (e.g. the visitor a new 回访记录 starts with)."""
        with self.transaction() as uow:
            return uow.actor

    def warm_up(self) -> None:
        """Import the ORM in the background after the window is shown, so the first save is quick."""
        from . import repositories, unit_of_work  # noqa: F401

        _ = self.engine

    # -- raw reads (ledger) -------------------------------------------------------------
    def read_connection(self) -> sqlite3.Connection:
        if self._read_conn is None:
            if self.read_only:
                self._read_conn = self._connect_read_only()
                return self._read_conn
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            configure_connection(conn)
            self._read_conn = conn
        return self._read_conn

    def read_settings(self) -> dict[str, str]:
        """All settings, read without the ORM (used at start-up)."""
        return dict(self.read_connection().execute("SELECT key, value FROM settings").fetchall())

    def close(self) -> None:
        if self._read_conn is not None:
            self._read_conn.close()
            self._read_conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
