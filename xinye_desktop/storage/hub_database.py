"""The hub's database on a PostgreSQL server (issue 16 item 5): a 司法所 or 司法局 with several clerks at
once keeps the villages' cases there instead of in one SQLite file.

``HubDatabase`` is a ``Database`` whose engine is PostgreSQL through psycopg 3: the same transactions
(``transaction()`` gives the same UnitOfWork and repositories), the same actor and sealer seams, the same
Alembic revisions (each guards its SQLite-only steps by dialect and gives PostgreSQL its own: the
append-only trigger of audit_log, the pg_trgm index of the ledger search). What belongs to a file stays
out: no read-only mode, no safety copy of the file before an upgrade (a server's backups are pg_dump's,
made by whoever runs the server), no write gate (an SQLite authorizer), and no ``read_connection()``:
the village ledger's and statistics' raw reads are sqlite3 SQL; the hub's own reads of the villages' rows
(storage/hub_queries.py) are SQLAlchemy Core and run on both engines.

psycopg is an optional dependency (``pip install -e '.[hub]'``) imported only when a hub database is
opened, so a village PC, and the village bundle (build.spec excludes it), never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .actor import ActorSource
from .database import HEAD_REVISION, Database

POSTGRES_SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"  # SQLAlchemy's default driver for postgresql:// is psycopg2, not installed


CONNECT_TIMEOUT_S = 10  # a server that does not answer (a dropped SYN) is named after this, not after minutes


class HubDatabaseUnavailable(RuntimeError):
    """The URL is not a PostgreSQL one, or its driver is not installed."""


class HubDatabaseUnreachable(HubDatabaseUnavailable):
    """The server could not be reached, or refused the connection. ``reason``: ``password`` (wrong or none
    given), ``role`` or ``database`` (no such one on the server), ``host`` (a name that does not resolve),
    ``server`` (nothing answers there), ``other``; ``detail``: the driver's own words (no password in them)."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_REASONS = (("password", ("password authentication failed", "no password supplied", "password is required")),
            ("role", ("role \"",)),
            ("database", ("database \"",)),
            ("host", ("failed to resolve host", "could not translate host name", "name or service not known")),
            ("server", ("connection refused", "no such file or directory", "timeout expired", "timed out",
                        "could not connect", "is the server running", "network is unreachable",
                        "no route to host")))


def unreachable_reason(detail: str) -> str:
    """What a connection failure's words (libpq's, in English) say went wrong: one of HubDatabaseUnreachable's
    reasons."""
    words = detail.lower()
    for reason, signs in _REASONS:
        if any(sign in words for sign in signs):
            if reason in ("role", "database") and "does not exist" not in words:
                continue
            return reason
    return "other"


def is_database_url(text: str) -> bool:
    """True for a ``postgresql://`` (or ``postgresql+psycopg://``, ``postgres://``) URL, as opposed to a path."""
    scheme = str(text).split("://", 1)[0].lower() if "://" in str(text) else ""
    return scheme.split("+", 1)[0] in POSTGRES_SCHEMES


def engine_url(url: str):
    """``url`` as SQLAlchemy's URL with psycopg 3 as the driver, whatever driver (or none) it named."""
    from sqlalchemy.engine import make_url

    if not is_database_url(url):
        raise HubDatabaseUnavailable(f"not a PostgreSQL URL: {url!r}")
    text = str(url)
    if text.lower().startswith("postgres://"):  # the short scheme some tools print; SQLAlchemy knows only the long one
        text = "postgresql://" + text[len("postgres://"):]
    return make_url(text).set(drivername=DRIVER)


class HubDatabase(Database):
    """A PostgreSQL database, opened from its URL. Thread contract as Database's: the engine is a pool of
    connections, each transaction takes one."""

    def __init__(self, url: str, *, actor: ActorSource | None = None, pool_size: int = 5):
        super().__init__(Path("."), actor=actor)
        self.path = None  # no file: code that needs one (backups, the VACUUM after sealing) does not apply
        self.url = engine_url(url)
        self._pool_size = pool_size

    def __repr__(self) -> str:
        return f"HubDatabase({self.display_url!r})"

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages and logs."""
        return self.url.render_as_string(hide_password=True)

    def alembic_url(self) -> str:
        return self.url.render_as_string(hide_password=False)

    def probe(self) -> str | None:
        """Connect once and return the schema's revision (None: an empty database); HubDatabaseUnreachable
        when the server cannot be reached or refuses this login, HubDatabaseUnavailable without psycopg."""
        from sqlalchemy.exc import InterfaceError, OperationalError

        try:
            return self.current_revision()
        except (OperationalError, InterfaceError) as err:
            detail = " ".join(str(getattr(err, "orig", None) or err).split())
            password = self.url.password
            if password:
                detail = detail.replace(str(password), "***")
            raise HubDatabaseUnreachable(unreachable_reason(detail), detail) from None

    # -- schema -------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        from sqlalchemy import inspect, text

        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def ensure_schema(self, before_upgrade: Callable[[], str] | None = None) -> str | None:
        """Create or upgrade the schema, in one transaction (PostgreSQL's DDL is transactional: a failed
        upgrade leaves the database as it was). ``before_upgrade``, when given, runs first on an existing
        schema (the caller's backup, e.g. a pg_dump) and its result is returned; None otherwise."""
        if not self.needs_migration():
            return None
        copy = before_upgrade() if before_upgrade is not None and self.current_revision() is not None else None
        from .migrate import upgrade_to_head  # lazy: Alembic is slow to import

        upgrade_to_head(self)
        return copy

    def needs_migration(self) -> bool:
        return self.current_revision() != HEAD_REVISION

    # -- ORM ----------------------------------------------------------------------------
    def _create_engine(self):
        from sqlalchemy import create_engine

        try:
            import psycopg  # noqa: F401  (a clear message instead of SQLAlchemy's NoSuchModuleError)
        except ImportError as err:
            raise HubDatabaseUnavailable("PostgreSQL needs psycopg 3: pip install -e '.[hub]'") from err
        # pre_ping: a clerk's hub stays open all day; a server restart in between must not fail the next save.
        connect_args = {} if "connect_timeout" in self.url.query else {"connect_timeout": CONNECT_TIMEOUT_S}
        engine = create_engine(self.url, pool_size=self._pool_size, pool_pre_ping=True, connect_args=connect_args)
        count_writes = getattr(self, "_count_writes", None)
        if count_writes is not None:
            count_writes(engine)
        return engine

    # -- what only an SQLite file has -----------------------------------------------------
    def read_connection(self):
        raise NotImplementedError("the hub's PostgreSQL database has no raw sqlite3 read connection")

    def read_settings(self) -> dict[str, str]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return dict(conn.execute(text("SELECT key, value FROM settings")).all())

    def hold_writes(self):
        raise NotImplementedError("the write gate is SQLite's (an authorizer); a PostgreSQL server checks itself")
