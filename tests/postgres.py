"""A throwaway PostgreSQL cluster for the tests of the hub's database (issue 16 item 5).

``postgres_cluster`` (session): initdb into a fresh folder under the system's temp directory, started
with no TCP listener at all, only a unix socket in that folder (no port to clash with a server the
machine runs, nor with another test run), trust authentication (only this user, or root, can reach the
socket: the folder is 0700), fsync off (the data is thrown away). A login role ``xinye`` that is not a
superuser owns the databases, as a county server's application role would: what the migrations do
(CREATE EXTENSION pg_trgm, a trigger function) has to work without superuser rights.

``postgres_url`` (function): a new, empty database of that cluster for one test, as a
``postgresql://`` URL.

PostgreSQL refuses to run as root: as root the server runs as the ``postgres`` user (Debian's
``postgresql`` package makes it) through ``runuser``, and the folder is given to that user.

When the cluster cannot start (no binaries, no psycopg, root without a postgres user, initdb or the
server failing) each test that asks for it is SKIPPED with the reason, so the suite still passes on such
a machine. XINYE_REQUIRE_POSTGRES=1 (set by .ci/run) turns that skip into a failure: CI installs
PostgreSQL (scripts/setup-env.sh test), and a hub whose engine silently stopped being tested is a bug.
XINYE_PG_BIN names the folder of initdb and pg_ctl when they are elsewhere.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest

ADMIN_ROLE = "xinye_admin"  # the cluster's superuser (initdb -U): creates the databases
APP_ROLE = "xinye"  # what the app connects as: owns its database, no superuser rights
RUN_AS_WHEN_ROOT = "postgres"
START_TIMEOUT_S = 30


class ClusterUnavailable(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def find_bindir() -> Path:
    """The folder of initdb and pg_ctl: XINYE_PG_BIN, then PATH, then Debian's /usr/lib/postgresql/N/bin
    (newest N), which is not on PATH."""
    configured = os.environ.get("XINYE_PG_BIN")
    if configured:  # only there: a test of the skip points it at an empty folder
        candidates = [Path(configured)]
    else:
        on_path = shutil.which("initdb")
        candidates = [Path(on_path).parent] if on_path else []
        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                             key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.name)] or [0], reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise ClusterUnavailable("PostgreSQL's initdb and pg_ctl were not found (Debian: apt-get install postgresql; "
                             "or set XINYE_PG_BIN)")


class PostgresCluster:
    """One cluster in its own folder; ``start()`` then ``stop()`` (which removes the folder)."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self._run_as: str | None = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(RUN_AS_WHEN_ROOT)
            except KeyError:
                raise ClusterUnavailable(f"running as root, and PostgreSQL refuses to; there is no "
                                         f"'{RUN_AS_WHEN_ROOT}' user to run it as") from None
            if shutil.which("runuser") is None:
                raise ClusterUnavailable("running as root, and runuser (to start PostgreSQL as "
                                         f"'{RUN_AS_WHEN_ROOT}') is missing")
            self._run_as = RUN_AS_WHEN_ROOT
        # Not pytest's tmp_path: a unix socket path is limited to ~107 bytes, and as root pytest's folders
        # are 0700 root, closed to the postgres user.
        self.root = Path(tempfile.mkdtemp(prefix="xinye-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.started_in_s: float | None = None
        self._running = False
        self._databases = 0
        if self._run_as:
            entry = pwd.getpwnam(self._run_as)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    def _command(self, tool: str, *args: str) -> list[str]:
        command = [str(self.bindir / tool), *args]
        return ["runuser", "-u", self._run_as, "--", *command] if self._run_as else command

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run(self._command(tool, *args), capture_output=True, text=True, cwd=self.root,
                              timeout=START_TIMEOUT_S * 2)
        if done.returncode != 0:
            raise ClusterUnavailable(f"{tool} failed ({done.returncode}): "
                                     f"{(done.stderr or done.stdout).strip()[-600:]}{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return "\nserver log: " + self.log.read_text(errors="replace").strip()[-600:]
        except OSError:
            return ""

    def start(self) -> None:
        started = time.perf_counter()
        # C.UTF-8: byte-order collation (no locale to install), and its character classes know the Chinese
        # characters as letters, which pg_trgm needs to make trigrams of them (locale C would make none).
        self._run("initdb", "-D", str(self.data), "-U", ADMIN_ROLE, "--auth=trust", "--encoding=UTF8",
                  "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        # Written into the cluster's own configuration rather than passed on pg_ctl's -o (a shell string).
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# tests/postgres.py: a throwaway cluster reachable only through its own folder\n"
                       "listen_addresses = ''\n"
                       f"unix_socket_directories = '{self.root}'\n"
                       "unix_socket_permissions = 0700\n"
                       "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                       "shared_buffers = 32MB\nmax_connections = 40\n")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", str(START_TIMEOUT_S), "start")
        self._running = True
        self._admin(f'CREATE ROLE "{APP_ROLE}" LOGIN')
        self.started_in_s = time.perf_counter() - started

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.root), user=ADMIN_ROLE, dbname="postgres", autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def url(self, dbname: str, user: str = APP_ROLE) -> str:
        """The ``postgresql://`` URL of a database, over the cluster's socket (the folder as ``host``)."""
        return f"postgresql://{user}@/{dbname}?host={quote(str(self.root), safe='/')}"

    def create_database(self, prefix: str = "xinye_test") -> str:
        """A new empty database owned by the app's role; its URL."""
        self._databases += 1
        name = f"{prefix}_{self._databases}"
        self._admin(f'CREATE DATABASE "{name}" OWNER "{APP_ROLE}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            if self._running:
                # immediate: nothing in it is worth a checkpoint
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
                self._running = False
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _unavailable(reason: str):
    if os.environ.get("XINYE_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (XINYE_REQUIRE_POSTGRES=1) but cannot start: {reason}",
                    pytrace=False)
    pytest.skip(f"PostgreSQL cannot start here: {reason}")


@pytest.fixture(scope="session")
def postgres_cluster():
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[hub]')")
    cluster = None
    try:
        cluster = PostgresCluster(find_bindir())
        cluster.start()
    except Exception as err:  # whatever stops it (a failed initdb, a refused connection) is the reason
        if cluster is not None:
            cluster.stop()
        _unavailable(f"{type(err).__name__}: {err}" if not isinstance(err, ClusterUnavailable) else str(err))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster) -> str:
    """A new, empty database for this test (its ``postgresql://`` URL)."""
    return postgres_cluster.create_database()
