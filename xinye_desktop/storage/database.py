"""The SQLite file: opening it, keeping its schema current, and handing out transactions.

Start-up cost matters on old office PCs (tech-notes.md): SQLAlchemy (~270 ms) and Alembic
(~350 ms) are imported only when first needed. The schema check at start reads the Alembic
version with the standard sqlite3 module, and Alembic runs only when a migration is pending.

The check of the file at start (app.check_database_at_start) is ``quick_check`` for a file up to
FULL_CHECK_AT_START_BYTES; a larger one gets structure_problems() before the window and the full
check after the first paint, with every write held by a WriteGate until it has passed.
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
HEAD_REVISION = "0017_hub_roster"
DB_FILENAME = "xinye.sqlite3"
BUSY_TIMEOUT_MS = 10_000
_WRITTEN = "xinye_tables_written"  # connection info key: the tables the open transaction wrote
_RAW_WRITES = frozenset({"INSERT", "UPDATE", "DELETE", "REPLAC"})  # a statement's first 6 letters


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


def _connect_to_check(path: Path, live: bool, timeout: float) -> sqlite3.Connection:
    if not live:
        return connect_read_only(path, timeout)
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as err:  # a read-only folder: check what is there as it is
        conn.close()
        if "unable to open" not in str(err):
            raise
        conn = connect_read_only(path, timeout)
    return conn


def integrity_problems(path: Path, *, quick: bool = False, live: bool = False,
                       timeout: float | None = None) -> list[str]:
    """[] when ``PRAGMA integrity_check`` (or the faster ``quick_check``) says ok, else what it
    found. A file that is not a database at all raises sqlite3.DatabaseError.

    ``live``: the app's own database, opened read-write so that SQLite can first replay what a
    crash left in the -wal file (a read-only connection cannot)."""
    timeout = BUSY_TIMEOUT_MS / 1000 if timeout is None else timeout
    conn = _connect_to_check(path, live, timeout)
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    found = [row[0] for row in rows]
    return [] if found == ["ok"] else found


SQLITE_HEADER = b"SQLite format 3\x00"

# At start, a database file up to this size gets the full ``quick_check`` before the window opens
# (~25 ms for 21 MB, 2,000 cases, on a 2-core office PC with the file in the page cache); a larger one
# gets structure_problems() and the full check right after the first paint, with its writes held
# (Database.hold_writes). quick_check reads every page: ~1.1 s for 1 GB (100,000 cases) from the
# page cache, ~15 s from a cold disk.
FULL_CHECK_AT_START_BYTES = 16 * 1024 * 1024


def structure_problems(path: Path, *, live: bool = False, timeout: float | None = None) -> list[str]:
    """The cheap check of a database file, in milliseconds whatever its size: [] when its structure is
    sound as far as these reads go, else what was found. A file that is not a database at all raises
    sqlite3.DatabaseError (as integrity_problems() does). An empty file is [] (SQLite reads it as a
    new database; whether that is a loss is BackupService.check_database's question).

    What it proves: the 100-byte header is SQLite's, with a valid page size; the file is not shorter
    than the page count its header gives (a truncated copy or a half-written disk), unless a -wal
    beside it holds pages still to be written back; SQLite opens it (``live``: read-write, replaying
    what a crash left in the -wal, as integrity_problems); the schema (sqlite_master) reads and
    parses; the free-list count fits in the file; and the first and the last row of every table can
    be reached (the root page and both outer edges of each table's B-tree).

    What it does not prove: that the pages in between, the indexes and the free list are sound.
    Only ``PRAGMA quick_check`` (integrity_problems(quick=True)) reads every page."""
    timeout = BUSY_TIMEOUT_MS / 1000 if timeout is None else timeout
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        return []
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise sqlite3.DatabaseError("file is not a database (no SQLite header)")
    problems = []
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        problems.append(f"invalid page size {page_size} in the header")
        return problems
    # The page count in the header is valid when "version-valid-for" matches the change counter.
    header_pages = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 32
    if header[92:96] == header[24:28] and header_pages * page_size > size and not wal_pending:
        problems.append(f"the file is {size} bytes, shorter than the {header_pages} pages of {page_size} bytes "
                        f"its header gives: truncated")
        return problems  # SQLite would only fail further on, reading past the end
    conn = _connect_to_check(path, live, timeout)
    try:
        conn.isolation_level = None
        conn.execute("BEGIN")  # one snapshot for every read below
        conn.execute("PRAGMA schema_version").fetchone()
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free > pages:
            problems.append(f"the free list counts {free} pages of {pages}")
        for kind, name, sql in objects:
            sql = (sql or "").upper()
            if kind != "table" or sql.startswith("CREATE VIRTUAL"):
                continue  # a virtual table's rows live in its shadow tables, which are checked as tables
            quoted = '"' + name.replace('"', '""') + '"'
            conn.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchall()  # the leftmost edge
            if "WITHOUT ROWID" not in sql:
                conn.execute(f"SELECT max(rowid) FROM {quoted}").fetchall()  # the rightmost edge
        conn.execute("COMMIT")
    finally:
        conn.close()
    return problems


# What the write gate holds: every statement that changes the main database's rows or schema.
_WRITE_ACTIONS = frozenset(getattr(sqlite3, name) for name in (
    "SQLITE_INSERT", "SQLITE_UPDATE", "SQLITE_DELETE", "SQLITE_CREATE_TABLE", "SQLITE_CREATE_INDEX",
    "SQLITE_CREATE_TRIGGER", "SQLITE_CREATE_VIEW", "SQLITE_CREATE_VTABLE", "SQLITE_DROP_TABLE",
    "SQLITE_DROP_INDEX", "SQLITE_DROP_TRIGGER", "SQLITE_DROP_VIEW", "SQLITE_DROP_VTABLE",
    "SQLITE_ALTER_TABLE", "SQLITE_REINDEX", "SQLITE_ANALYZE"))


class WriteGate:
    """Holds every write to a database until its full check has decided (Database.hold_writes).

    It is an SQLite authorizer, installed on each of the Database's connections: SQLite asks it about
    every statement as it compiles it, so a statement that would write (INSERT, UPDATE, DELETE, DDL,
    also inside triggers) waits in ``authorize`` until ``allow()`` or ``refuse()``, and after
    ``refuse()`` fails (sqlite3.DatabaseError "not authorized") without touching the file. Reads
    never wait. A compiled statement is cached and not asked again, but none is compiled with the
    write allowed before allow(). Thread-safe: allow/refuse may come from any thread."""

    def __init__(self):
        self._decided = threading.Event()
        self.problems: tuple[str, ...] = ()

    @property
    def decided(self) -> bool:
        return self._decided.is_set()

    @property
    def refused(self) -> bool:
        return self._decided.is_set() and bool(self.problems)

    def allow(self) -> None:
        self._decided.set()

    def refuse(self, problems) -> None:
        self.problems = tuple(problems) or ("the database failed its check",)
        self._decided.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._decided.wait(timeout)

    def authorize(self, action, _arg1, _arg2, dbname, _source) -> int:
        if action not in _WRITE_ACTIONS or dbname == "temp":
            return sqlite3.SQLITE_OK
        self._decided.wait()
        return sqlite3.SQLITE_DENY if self.problems else sqlite3.SQLITE_OK


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
        self._sealer = None  # storage/sealing.FieldSealer while someone is logged in
        self._engine = None
        self._session_factory = None
        self._read_conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self.write_gate: WriteGate | None = None
        self._written: dict[str, int] = {}  # table name -> committed transactions that wrote it
        self._other_changes = 0  # the file closed (a restore replaces it), a write through read_connection()
        self._written_lock = threading.Lock()

    # -- the full check after start ---------------------------------------------------------
    def hold_writes(self) -> WriteGate:
        """Hold every write through this Database until the returned gate's allow() (the full check
        passed) or refuse() (it did not: the writes then fail and the file stays as it is). Reads go
        on meanwhile. Connections made before (a migration's) are closed first, so that every
        connection from now on has the gate; call it before other threads use the database."""
        with self._lock:
            self.write_gate = WriteGate()
            self.close()
            return self.write_gate

    def _guard(self, conn: sqlite3.Connection) -> None:
        if self.write_gate is not None:
            conn.set_authorizer(self.write_gate.authorize)

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
            self._guard(dbapi_conn)

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            # Take the write lock at the start: two saves racing for the next case number
            # queue up instead of one failing half-way with "database is locked".
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        self._count_writes(engine)
        return engine

    def _count_writes(self, engine) -> None:
        """Note the tables each transaction writes (every INSERT, UPDATE and DELETE statement, whether the
        ORM's flush, a repository's bulk statement or storage/bulk.py's), counted once it commits
        (``changes``). Per connection: a pooled connection runs one transaction at a time."""
        from sqlalchemy import event

        @event.listens_for(engine, "after_execute")
        def _after_execute(conn, clause, *_args):
            table = getattr(clause, "table", None) if getattr(clause, "is_dml", False) else None
            if table is not None:
                conn.info.setdefault(_WRITTEN, set()).add(table.name)

        @event.listens_for(engine, "commit")
        def _on_commit(conn):
            written = conn.info.pop(_WRITTEN, None)
            if written:
                with self._written_lock:
                    for name in written:
                        self._written[name] = self._written.get(name, 0) + 1

        @event.listens_for(engine, "rollback")
        def _on_rollback(conn):
            conn.info.pop(_WRITTEN, None)

    def changes(self, *tables: str) -> int:
        """A number that grows whenever a transaction that wrote any of ``tables`` (SQL names) has
        committed through this Database, and when the file is closed (a restore replaces it): a read over
        those tables kept from when the number was the same is still what the file holds. Read it before
        the read it guards, so that a write committed meanwhile makes the kept read stale rather than
        right. A write through ``read_connection()`` (the app only reads there; tests empty tables so)
        counts for every table. Writes by another process or another connection are not seen: the app
        writes only through this Database, one app per data folder."""
        with self._written_lock:
            return self._other_changes + sum(self._written.get(name, 0) for name in tables)

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
            yield UnitOfWork(session, self._actor_source, self._sealer)

    # -- who acts -----------------------------------------------------------------------
    def use_actor_source(self, source: ActorSource | None) -> None:
        """Replace where every later transaction learns who acts (storage/actor.py); None: back to the
        committee's operator setting. The one seam for user accounts: services only ever see ``uow.actor``."""
        self._actor_source = source or committee_operator

    # -- personal data sealed at rest (storage/sealing.py) --------------------------------------
    def use_sealer(self, sealer) -> None:
        """Install the FieldSealer of the logged-in session's data key (services/accounts.py), or None at
        logout: every later transaction seals and opens the personal fields with it (``uow.sealer``)."""
        self._sealer = sealer

    @property
    def sealer(self):
        """The installed storage.sealing.FieldSealer, or None while no one is logged in."""
        return self._sealer

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
            self._guard(conn)
            conn.set_trace_callback(self._note_raw_statement)
            self._read_conn = conn
        return self._read_conn

    def _note_raw_statement(self, sql: str) -> None:
        if sql.lstrip()[:6].upper() in _RAW_WRITES:
            with self._written_lock:
                self._other_changes += 1

    def read_settings(self) -> dict[str, str]:
        """All settings, read without the ORM (used at start-up)."""
        return dict(self.read_connection().execute("SELECT key, value FROM settings").fetchall())

    def close(self) -> None:
        with self._written_lock:
            self._other_changes += 1  # what was read before may not be what the file holds when it reopens
        if self._read_conn is not None:
            self._read_conn.close()
            self._read_conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
