"""Upgrading: a data folder left by the first version, opened by the current app as a user would.

The app is started as its own process (`python -m xinye_desktop --smoke-test`), so the whole open
path runs: creating the folders, the safety copy, Alembic, the main window over the upgraded data.
The checks name HEAD only through HEAD_REVISION, so new revisions need no change here. A revision
that deliberately rewrites values in an old column must add that column to REWRITTEN below, with why.
"""

from __future__ import annotations

import re

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.old_database import OLDEST_REVISION, file_digests, make_old_data_folder, snapshot
from xinye_desktop.storage.database import DB_FILENAME, HEAD_REVISION, Database

ROOT = Path(__file__).resolve().parent.parent
# (table, column) pairs a later revision is meant to change in existing rows. None so far.
REWRITTEN: set[tuple[str, str]] = set()
# Tables a later revision adds rows to (0006: one "status at upgrade" line per case in the history).
GROWN = {"case_history"}


def start_app(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "xinye_desktop", *args, "--data-dir", str(folder)],
                          capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)


def kept_columns(columns: dict[str, list[str]]) -> dict[str, list[str]]:
    return {t: [c for c in cols if (t, c) not in REWRITTEN] for t, cols in columns.items()}


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The first version's folder, before and after the current app has been started on it once."""
    folder = tmp_path_factory.mktemp("upgrade") / "data"
    before = make_old_data_folder(folder, cases=40)
    assert Database(folder / DB_FILENAME).current_revision() == OLDEST_REVISION
    assert HEAD_REVISION != OLDEST_REVISION
    started = start_app(folder, "--smoke-test")
    return before, started


def migration_copies(folder: Path) -> list[Path]:
    """The databases of the backups made before an upgrade (services/backup.py: one folder per backup,
    named <stamp>-migration, holding the database, the documents and a manifest)."""
    return sorted((folder / "backups").glob("*-migration/xinye.sqlite3"))


def test_the_old_folder_holds_demo_data_and_archived_files(upgraded):
    before, _started = upgraded
    assert len(before.rows["cases"]) == 40
    assert before.rows["parties"] and before.rows["elders"] and before.rows["case_history"]
    names = {row[before.columns["parties"].index("name")] for row in before.rows["parties"]}
    assert {"张𠈌华", "王㛃"} <= names, "the rare characters must survive too"
    assert any(p.endswith(".pdf") and p.startswith("documents/") for p in before.files)
    assert "drafts/intake.json" in before.files
    # Only rows of later features are left out of the old database (ad-hoc 明白人 came with 0002).
    assert set(before.left_out) <= {"elders"}


def test_the_app_starts_on_the_old_folder_and_upgrades_it_to_head(upgraded):
    before, started = upgraded
    assert started.returncode == 0, started.stderr
    assert re.search(rf"smoke test ok: \d+ tabs shown, {len(before.rows['cases'])} cases", started.stdout), started.stdout
    assert Database(before.folder / DB_FILENAME).current_revision() == HEAD_REVISION
    log = (before.folder / "logs" / "xinye-desktop.log").read_text(encoding="utf-8")
    assert log.startswith("2026-01-05 09:30:00 INFO xinye_desktop: 旧版本的日志\n"), "the old log is kept"
    assert "database upgraded; copy of the previous version at" in log


def test_a_safety_copy_of_the_old_database_was_made_first(upgraded):
    before, _started = upgraded
    copies = migration_copies(before.folder)
    assert len(copies) == 1, copies
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLDEST_REVISION
    finally:
        conn.close()
    rows, _columns = snapshot(copies[0], before.columns)
    assert rows == before.rows, "the copy holds exactly what the old database held"


def test_every_record_survives_the_upgrade(upgraded):
    before, _started = upgraded
    columns = kept_columns(before.columns)
    after, _ = snapshot(before.folder / DB_FILENAME, columns)
    expected, _ = snapshot(migration_copies(before.folder)[0], columns)
    for table in columns:
        if table in GROWN:  # every old row kept as it was; the upgrade only adds
            assert after[table][:len(expected[table])] == expected[table], f"rows of {table} changed"
            action = columns[table].index("action")
            assert {row[action] for row in after[table][len(expected[table]):]} <= {"status_snapshot"}
            continue
        assert len(after[table]) == len(before.rows[table]), table
        assert after[table] == expected[table], f"rows of {table} changed in the upgrade"


def test_every_archived_file_survives_the_upgrade(upgraded):
    before, _started = upgraded
    now = file_digests(before.folder)
    for path, digest in before.files.items():
        assert now.get(path) == digest, f"{path} was changed or lost"


def test_the_current_code_reads_the_upgraded_records(upgraded):
    before, _started = upgraded
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.services.ledger import LedgerService

    db = Database(before.folder / DB_FILENAME)
    try:
        assert db.ensure_schema() is None, "already at HEAD: no second copy, no migration"
        assert LedgerService(db).total() == len(before.rows["cases"])
        intake = IntakeService(db)
        ids = [row[before.columns["cases"].index("id")] for row in before.rows["cases"]]
        loaded = [intake.load(case_id) for case_id in ids]
        assert {p.name for case in loaded for p in case.parties} >= {"张𠈌华", "王㛃"}
    finally:
        db.close()
    assert len(migration_copies(before.folder)) == 1


def test_a_second_start_makes_no_second_copy(upgraded):
    before, _started = upgraded
    again = start_app(before.folder, "--smoke-test")
    assert again.returncode == 0, again.stderr
    assert len(migration_copies(before.folder)) == 1  # start-up backups may come and go; the upgrade's stays
