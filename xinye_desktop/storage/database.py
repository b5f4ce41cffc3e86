"""The SQLite file: opening it, keeping its schema current, and handing out transactions.

Start-up cost matters on old office PCs (tech-notes.md): SQLAlchemy (~270 ms) and Alembic
(~350 ms) are imported only when first needed. The schema check at start reads the Alembic
version with the standard sqlite3 module, and Alembic runs only when a migration is pending.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .unit_of_work import UnitOfWork

# The newest Alembic revision in migrations/versions. A test checks it against Alembic's own head.
HEAD_REVISION = "0006_aftercare"
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


class Database:
    """One SQLite file. Thread contract: the ORM engine is thread-safe (a pool of connections);
    ``read_connection()`` is for the GUI thread only."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._engine = None
        self._session_factory = None
        self._read_conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    # -- schema -------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        if not self.path.exists():
            return None
        conn = sqlite3.connect(self.path)
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

    def ensure_schema(self) -> str | None:
        """Create or upgrade the schema. Returns the path of the safety copy made before an
        upgrade of an existing database, or None when nothing had to change."""
        if not self.needs_migration():
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        copy = self._copy_before_migration() if self.current_revision() is not None else None
        from .migrate import upgrade_to_head  # lazy: Alembic is slow to import

        upgrade_to_head(self)
        return copy

    def _copy_before_migration(self) -> str:
        """A consistent copy through SQLite's online backup API, kept beside the database."""
        folder = self.path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"before-migration-{self.current_revision()}-{stamp}.sqlite3"
        src = sqlite3.connect(self.path)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
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
            yield UnitOfWork(session)

    def warm_up(self) -> None:
        """Import the ORM in the background after the window is shown, so the first save is quick."""
        from . import repositories, unit_of_work  # noqa: F401

        _ = self.engine

    # -- raw reads (ledger) -------------------------------------------------------------
    def read_connection(self) -> sqlite3.Connection:
        if self._read_conn is None:
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
