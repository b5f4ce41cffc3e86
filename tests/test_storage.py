"""The SQLite file: Alembic migrations against the ORM schema, pragmas, sync columns, safety copies."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from tests.helpers import count_rows, new_database, valid_case_input
from xinye_desktop.storage import database as database_module
from xinye_desktop.storage import migrate
from xinye_desktop.storage.database import HEAD_REVISION, Database
from xinye_desktop.storage.records import Base
from xinye_desktop.storage.search_index import is_search_index

SYNCED_TABLES = ("cases", "parties", "villages", "elders")


@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


# ---------------------------------------------------------------- schema description

def _constraint_lines(create_sql: str) -> set[str]:
    """The table-level CONSTRAINT clauses of a CREATE TABLE, order ignored."""
    lines = [line.strip().rstrip(",").strip() for line in create_sql.splitlines()]
    return {re.sub(r"\s+", " ", line) for line in lines if line.startswith("CONSTRAINT")}


def describe_schema(path: Path) -> dict:
    """Everything SQLite knows about the schema, in a form that ignores clause and column order and the
    ordinal names SQLite gives to automatic indexes (sqlite_autoindex_<table>_N)."""
    conn = sqlite3.connect(path)
    try:
        tables = {}
        for name, sql in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"):
            if is_search_index(name):  # the FTS5 index is made by hand, not by the ORM (search_index.py)
                continue
            # By name, not position: a migration appends new columns where create_all interleaves them.
            columns = sorted(tuple(row[1:]) for row in conn.execute(f"PRAGMA table_xinfo('{name}')"))
            indexes = set()
            for _seq, index, unique, origin, partial in conn.execute(f"PRAGMA index_list('{name}')"):
                cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info('{index}')"))
                label = index if origin == "c" else f"<{origin}>"  # automatic ones by what they cover
                indexes.add((label, unique, origin, partial, cols))
            fks = {tuple(row[2:]) for row in conn.execute(f"PRAGMA foreign_key_list('{name}')")}
            tables[name] = {"columns": columns, "indexes": indexes, "foreign_keys": fks,
                            "constraints": _constraint_lines(sql)}
        index_sql = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
            "AND tbl_name != 'alembic_version'"))
        return {"tables": tables, "index_sql": index_sql}
    finally:
        conn.close()


def test_migrations_on_an_empty_file_give_exactly_the_orm_schema_by_alembic_compare(tmp_path):
    database = Database(tmp_path / "migrated.sqlite3")
    assert database.ensure_schema() is None  # a new file: nothing to back up
    try:
        with database.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True, "compare_server_default": True,
                "include_name": lambda name, type_, _p: not (type_ == "table" and is_search_index(name))})
            diff = compare_metadata(context, Base.metadata)
        assert diff == []
    finally:
        database.close()


def test_migrated_schema_matches_create_all_table_by_table(tmp_path):
    migrated = tmp_path / "migrated.sqlite3"
    database = Database(migrated)
    database.ensure_schema()
    database.close()

    created = tmp_path / "created.sqlite3"
    engine = create_engine(f"sqlite:///{created}")
    Base.metadata.create_all(engine)
    engine.dispose()

    got, want = describe_schema(migrated), describe_schema(created)
    assert set(got["tables"]) == set(Base.metadata.tables) == set(want["tables"])
    for table in want["tables"]:
        assert got["tables"][table] == want["tables"][table], table
    assert got["index_sql"] == want["index_sql"]


def test_every_orm_index_and_column_exists_in_the_migrated_file(db):
    conn = db.read_connection()
    for table in Base.metadata.sorted_tables:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info('{table.name}')")}
        assert columns == {c.name for c in table.columns}, table.name
        indexes = {row[1] for row in conn.execute(f"PRAGMA index_list('{table.name}')")}
        assert {i.name for i in table.indexes} <= indexes, table.name


def test_ensure_schema_is_idempotent(db):
    assert db.current_revision() == HEAD_REVISION
    assert not db.needs_migration()
    assert db.ensure_schema() is None
    assert db.current_revision() == HEAD_REVISION
    assert not (db.path.parent / "backups").exists()


def test_ensure_schema_creates_the_folder_of_a_new_database(tmp_path):
    database = Database(tmp_path / "deep" / "er" / "x.sqlite3")
    try:
        database.ensure_schema()
        assert database.path.exists()
        assert database.current_revision() == HEAD_REVISION
    finally:
        database.close()


def test_current_revision_of_a_missing_or_empty_file_is_none(tmp_path):
    assert Database(tmp_path / "absent.sqlite3").current_revision() is None
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    assert Database(empty).current_revision() is None
    assert Database(empty).needs_migration()


def test_downgrade_below_the_initial_schema_is_refused_and_keeps_the_data(db):
    from alembic import command

    from xinye_desktop.services.intake import IntakeService

    IntakeService(db).register(valid_case_input())
    config = migrate.alembic_config(db)
    with db.engine.connect() as connection:
        config.attributes["connection"] = connection
        with pytest.raises(RuntimeError, match="refused"):
            command.downgrade(config, "base")
    db.close()
    assert count_rows(db.path, "cases") == 1
    assert Database(db.path).current_revision() == HEAD_REVISION


# ---------------------------------------------------------------- (b) head revision

def test_head_revision_constant_is_alembics_own_head():
    assert HEAD_REVISION == migrate.script_head()


def test_there_is_a_single_head():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(migrate.MIGRATIONS_DIR)).get_heads() == [HEAD_REVISION]


# ---------------------------------------------------------------- (c) pragmas

def _pragmas(execute) -> tuple:
    return tuple(execute(f"PRAGMA {name}") for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout"))


EXPECTED_PRAGMAS = (1, "wal", 2, database_module.BUSY_TIMEOUT_MS)  # synchronous 2 = FULL


def test_orm_engine_connections_have_foreign_keys_on_and_wal(db):
    with db.engine.connect() as conn:
        assert _pragmas(lambda sql: conn.exec_driver_sql(sql).scalar()) == EXPECTED_PRAGMAS


def test_orm_transaction_sessions_have_foreign_keys_on_and_wal(db):
    with db.transaction() as uow:
        assert _pragmas(lambda sql: uow.session.execute(text(sql)).scalar()) == EXPECTED_PRAGMAS


def test_raw_read_connection_has_foreign_keys_on_and_wal(db):
    conn = db.read_connection()
    assert _pragmas(lambda sql: conn.execute(sql).fetchone()[0]) == EXPECTED_PRAGMAS
    assert db.read_connection() is conn  # one connection, reused


def test_the_file_itself_is_left_in_wal_mode(db):
    db.close()
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0  # why every connection sets it
    finally:
        conn.close()


def test_foreign_keys_are_enforced_on_orm_writes(db):
    from xinye_desktop.storage.records import PartyRecord

    with pytest.raises(IntegrityError):
        with db.transaction() as uow:
            uow.session.add(PartyRecord(case_id=12345, position=0, kind="individual", role="applicant", name="张三"))
            uow.session.flush()
    assert count_rows(db.path, "parties") == 0


def test_foreign_keys_are_enforced_on_the_raw_connection(db):
    conn = db.read_connection()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO elders (village_id, name, name_initials, sex, group_name, phone, identity, "
                     "identity_note, selection, specialties, notes, retired, uuid, created_at, updated_at) "
                     "VALUES (999, '王', 'w', 'male', '', '', 'other', '', 'village_meeting', '', '', 0, 'u', "
                     "'2025-01-01', '2025-01-01')")


def test_version_check_constraint_is_enforced(db):
    from xinye_desktop.services.intake import IntakeService

    case = IntakeService(db).register(valid_case_input())
    with pytest.raises(sqlite3.IntegrityError):
        db.read_connection().execute("UPDATE cases SET version = 0 WHERE id = ?", (case.id,))


# ---------------------------------------------------------------- (d) sync columns

@pytest.mark.parametrize("table", SYNCED_TABLES)
def test_synced_tables_have_a_stable_id_and_timestamps(db, table):
    info = {row[1]: row for row in db.read_connection().execute(f"PRAGMA table_info('{table}')")}
    for column in ("uuid", "created_at", "updated_at"):
        assert column in info, (table, column)
        assert info[column][3] == 1, f"{table}.{column} must be NOT NULL"
    uniques = [row for row in db.read_connection().execute(f"PRAGMA index_list('{table}')") if row[2]]
    covered = {tuple(r[2] for r in db.read_connection().execute(f"PRAGMA index_info('{row[1]}')"))
               for row in uniques}
    assert ("uuid",) in covered, f"{table}.uuid must be unique"


def test_registered_case_fills_the_sync_columns_of_every_synced_row(db):
    from xinye_desktop.services.intake import IntakeService

    case = IntakeService(db).register(valid_case_input())
    conn = db.read_connection()
    uuids = []
    for table in ("cases", "parties", "villages"):
        for uuid, created, updated in conn.execute(f"SELECT uuid, created_at, updated_at FROM {table}"):
            assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", uuid)
            assert created and updated
            uuids.append(uuid)
    assert len(uuids) == len(set(uuids)) == 4  # 1 case, 2 parties, 1 village
    assert case.uuid in uuids
    assert case.created_at is not None and case.updated_at is not None


# ---------------------------------------------------------------- (e) safety copy before an upgrade

def test_safety_copy_is_a_complete_consistent_copy_in_backups(db):
    from xinye_desktop.services.intake import IntakeService

    registered = IntakeService(db).register(valid_case_input())
    # The ORM pool keeps its connection open, so the row may still be only in the -wal file;
    # the online backup API must include it.
    copy = Path(db._copy_before_migration())
    assert copy.parent == db.path.parent / "backups"
    assert copy.name.startswith(f"before-migration-{HEAD_REVISION}-")
    assert copy.suffix == ".sqlite3"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT case_number FROM cases").fetchall() == [(registered.case_number,)]
        assert conn.execute("SELECT COUNT(*) FROM parties").fetchone()[0] == 2
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    finally:
        conn.close()


def test_upgrade_of_an_existing_database_copies_it_first(db, monkeypatch):
    """Simulated: the code's head is moved past the file's revision, and the upgrade itself is
    replaced by a probe (Alembic cannot be given a fake older revision id)."""
    from xinye_desktop.services.intake import IntakeService

    IntakeService(db).register(valid_case_input())
    backups = db.path.parent / "backups"
    seen = {}

    def fake_upgrade(database, revision="head"):
        seen["copies_at_upgrade"] = sorted(backups.glob("*.sqlite3")) if backups.exists() else []

    monkeypatch.setattr(database_module, "HEAD_REVISION", "0002_future")
    monkeypatch.setattr(migrate, "upgrade_to_head", fake_upgrade)
    assert db.needs_migration()

    copy = db.ensure_schema()
    assert copy is not None
    assert seen["copies_at_upgrade"] == [Path(copy)], "the copy must exist before the upgrade runs"
    assert count_rows(Path(copy), "cases") == 1


def test_new_database_is_not_copied_before_its_first_migration(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda database, revision="head": calls.append(database))
    database = Database(tmp_path / "new.sqlite3")
    try:
        assert database.ensure_schema() is None
        assert calls == [database]
        assert not (tmp_path / "backups").exists()
    finally:
        database.close()


def test_up_to_date_database_is_neither_copied_nor_migrated(db, monkeypatch):
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda *a, **k: pytest.fail("no migration expected"))
    assert db.ensure_schema() is None
    assert not (db.path.parent / "backups").exists()


# ---------------------------------------------------------------- settings and closing

def test_read_settings_returns_what_the_orm_wrote(db):
    with db.transaction() as uow:
        uow.settings.set("case_prefix", "新王")
        uow.settings.set("operator", "王保国")
    with db.transaction() as uow:
        uow.settings.set("operator", "李桂兰")
    settings = db.read_settings()
    assert settings.pop("committee_id")  # made by migration 0010, once per data folder
    assert settings == {"case_prefix": "新王", "operator": "李桂兰"}


def test_failed_transaction_is_rolled_back(db):
    with pytest.raises(ZeroDivisionError):
        with db.transaction() as uow:
            uow.settings.set("case_prefix", "新王")
            uow.session.flush()
            1 / 0
    assert set(db.read_settings()) == {"committee_id"}  # migration 0010's, nothing else


def test_close_releases_connections_and_the_database_can_be_reopened(db):
    db.read_connection()
    _ = db.engine
    db.close()
    assert db._read_conn is None and db._engine is None
    assert set(db.read_settings()) == {"committee_id"}  # reopens lazily
