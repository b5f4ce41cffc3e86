"""The power-cut test: a child process saves cases (and now and then makes a backup) and is killed
with SIGKILL at a random moment, many times. After every kill the database passes the check at
start and integrity_check, every save the child reported as done is there with its parties, and
every backup that is listed verifies (a backup cut off half-way is never listed).

What this proves and what it does not: SIGKILL stops the process between any two instructions,
so it tests that a save is atomic and that SQLite's WAL recovery and the backups' write-then-
rename hold at every point. The operating system's cache survives a SIGKILL; that the disk holds
what was committed when the power goes is what ``PRAGMA synchronous=FULL`` (fsync on every commit)
and the fsyncs in the backup service are for, which a test inside one machine cannot cut.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import time

import pytest

from tests.helpers import valid_case_input
from xinye_desktop.paths import DataPaths

CYCLES = int(os.environ.get("XINYE_POWER_CUT_CYCLES", "40"))  # more for a longer stress run
BACKUP_EVERY = 7  # saves between two backups in the child


def _child(paths: DataPaths, out_fd: int, seed: int) -> None:
    """Runs in the forked child until it is killed: save, report, repeat."""
    from xinye_desktop.app import open_database
    from xinye_desktop.services.backup import BackupService
    from xinye_desktop.services.intake import IntakeService

    db = open_database(paths)
    intake, backups = IntakeService(db), BackupService(paths, db)
    os.write(out_fd, b"ready\n")
    for i in range(10_000):
        case = intake.register(valid_case_input(tag=seed * 1000 + i))
        os.write(out_fd, f"saved {case.case_number}\n".encode())  # only after the commit returned
        if i % BACKUP_EVERY == BACKUP_EVERY - 1:
            os.write(out_fd, b"backup-start\n")
            made = backups.create("daily")
            os.write(out_fd, f"backup {made.backup.path.name}\n".encode())


def _read_lines(fd: int, until: str | None = None, timeout: float = 60.0) -> list[str]:
    """Lines from the pipe: up to and including ``until``, or all until it closes."""
    buffer, lines, deadline = b"", [], time.monotonic() + timeout
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise TimeoutError(f"no {until!r} from the child")
        chunk = os.read(fd, 65536)
        if not chunk:
            return lines
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        lines += [line.decode() for line in complete]
        if until is not None and until in lines:
            return lines


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (the child inherits the imported modules)")
def test_killing_the_saving_process_at_random_moments_loses_no_reported_save(tmp_path, capsys):
    from xinye_desktop.app import open_database
    from xinye_desktop.services.backup import BackupService
    from xinye_desktop.storage.database import integrity_problems

    paths = DataPaths(tmp_path / "data")
    paths.create()
    from xinye_desktop.services.intake import IntakeService

    db = open_database(paths)  # created, migrated, and the ORM imported and mapped before the first
    reported: set[str] = {IntakeService(db).register(valid_case_input()).case_number}  # fork
    db.close()  # no connection crosses a fork
    rng = random.Random(20261125)
    killed_in_backup = backups_seen = 0
    started = time.monotonic()
    for cycle in range(CYCLES):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            os.close(read_fd)
            try:
                _child(paths, write_fd, cycle)
            except BaseException as err:  # noqa: BLE001 - reported to the parent, which fails
                os.write(write_fd, f"error {type(err).__name__}: {err}\n".encode())
            finally:
                os._exit(0)
        os.close(write_fd)
        try:
            _read_lines(read_fd, until="ready")
            time.sleep(rng.uniform(0.0, 0.25))  # the random moment of the power cut, not a synchronisation
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            lines = _read_lines(read_fd)
        finally:
            os.close(read_fd)
        assert not [line for line in lines if line.startswith("error ")], lines[-3:]
        reported |= {line.split(" ", 1)[1] for line in lines if line.startswith("saved ")}
        killed_in_backup += bool(lines) and lines[-1] == "backup-start"

        # After the cut: the app's own check at start, then SQLite's full check, then the data.
        service = BackupService(paths)
        assert service.check_database().state == "ok", f"cycle {cycle}"
        assert integrity_problems(paths.database, live=True) == [], f"cycle {cycle}"
        conn = sqlite3.connect(paths.database)
        try:
            present = {row[0] for row in conn.execute("SELECT case_number FROM cases")}
            lonely = conn.execute("SELECT COUNT(*) FROM cases WHERE (SELECT COUNT(*) FROM parties "
                                  "WHERE parties.case_id = cases.id) != 2").fetchone()[0]
        finally:
            conn.close()
        missing = reported - present
        assert not missing, f"cycle {cycle}: reported as saved but gone: {sorted(missing)[:5]}"
        assert lonely == 0, "a case is saved with all its parties or not at all"
        for backup in service.list_backups():
            assert service.verify(backup) == [], f"cycle {cycle}: a listed backup does not verify: {backup.path}"
        backups_seen = max(backups_seen, len(service.list_backups()))

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\npower cut: {CYCLES} SIGKILL cycles in {elapsed:.1f} s, {len(reported)} saves reported, "
              f"{len(reported)} found after the kills, 0 lost; database ok after every kill; "
              f"{backups_seen} verified backups kept, {killed_in_backup} kills during a backup")
    assert len(reported) >= CYCLES, "the children had time to save"
