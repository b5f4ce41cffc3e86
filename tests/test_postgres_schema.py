"""The hub's database on PostgreSQL (issue 16 item 5; storage/hub_database.py): the Alembic revisions run
there too and give exactly the ORM's schema, the audit trail stays append-only, the repositories write and
read a case, and the ledger's search has its trigram index.

Each test gets a new database of the session's throwaway cluster (tests/postgres.py); where PostgreSQL
cannot start, they are skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.helpers import individual, make_id_number, valid_case_input
from xinye_desktop.domain.cases import check_case
from xinye_desktop.domain.enums import PartyRole, Sex
from xinye_desktop.storage import migrate
from xinye_desktop.storage.database import HEAD_REVISION
from xinye_desktop.storage.hub_database import HubDatabase, HubDatabaseUnavailable, engine_url, is_database_url
from xinye_desktop.storage.records import Base
from xinye_desktop.storage.search_index import TRIGRAM_INDEX, is_search_index
from xinye_desktop.storage.sealing import FieldSealer, is_sealed

pytestmark = pytest.mark.postgres


@pytest.fixture
def hub(postgres_url):
    database = HubDatabase(postgres_url)
    database.ensure_schema()
    yield database
    database.close()


def _register(db, data) -> int:
    """A case added through the repositories as intake adds one (its number from the year's sequence)."""
    case, errors, _screening = check_case(data)
    assert not errors, errors
    with db.transaction() as uow:
        year = case.received_date.year
        sequence = uow.cases.next_sequence(year)
        return uow.cases.add(case, case_number=f"新野王庄调字〔{year}〕{sequence}号", year=year, sequence=sequence)


def test_upgrade_head_on_postgresql_reaches_the_head_revision_and_a_second_start_changes_nothing(postgres_url):
    database = HubDatabase(postgres_url)
    try:
        assert database.current_revision() is None and database.needs_migration()
        assert database.ensure_schema() is None  # a new database: nothing to back up
        assert database.current_revision() == HEAD_REVISION == migrate.script_head()
        assert database.ensure_schema(before_upgrade=lambda: pytest.fail("nothing to upgrade")) is None
    finally:
        database.close()


def test_an_older_hub_database_is_upgraded_with_its_operator_as_the_first_account(postgres_url):
    """Migration 0008's upgrade of a database in use (its 操作人 setting becomes an administrator) on PostgreSQL,
    which refuses the 1 and 0 SQLite takes for a boolean."""
    database = HubDatabase(postgres_url)
    try:
        migrate.upgrade_to_head(database, "0007_prevention_canvasses")
        with database.engine.begin() as conn:
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('operator', '王书记')"))
        database.ensure_schema()
        with database.engine.connect() as conn:
            account = conn.execute(text("SELECT role, must_set_password, disabled FROM accounts")).one()
            trail = conn.execute(text("SELECT id, kind FROM audit_log")).all()
    finally:
        database.close()
    assert account == ("admin", True, False)
    assert trail == [(1, "account_created")]


def test_migrations_on_postgresql_give_exactly_the_orm_schema_by_alembic_compare(hub):
    with hub.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": True,
            "include_name": lambda name, type_, _p: not (type_ in ("table", "index") and is_search_index(name))})
        diff = compare_metadata(context, Base.metadata)
        tables = set(conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename != 'alembic_version'")).scalars())
    assert diff == []
    assert tables == set(Base.metadata.tables)  # and no SQLite leftovers (no cases_fts)


def test_the_partial_prevention_index_is_partial_on_postgresql_too(hub):
    with hub.engine.connect() as conn:
        definition = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_cases_prevented'")).scalar()
    assert "WHERE" in definition and "prevented_criminal_people IS NOT NULL" in definition


def _audit_row(conn, row_id: int = 1) -> None:
    conn.execute(text("INSERT INTO audit_log (id, at, account_id, actor, kind, case_id, summary, prev_hash, row_hash) "
                      "VALUES (:id, :at, NULL, '王书记', 'login', NULL, '{}', :prev, :hash)"),
                 {"id": row_id, "at": dt.datetime(2026, 12, 1, 8, 0), "prev": "0" * 64, "hash": "a" * 64})


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET actor = '别人' WHERE id = 1",
    "DELETE FROM audit_log WHERE id = 1",
    "TRUNCATE audit_log",
])
def test_the_audit_trail_refuses_changes_on_postgresql_as_on_sqlite(hub, statement):
    with hub.engine.begin() as conn:
        _audit_row(conn)
    with pytest.raises(IntegrityError, match="append-only"), hub.engine.begin() as conn:
        conn.execute(text(statement))
    with hub.engine.connect() as conn:
        assert conn.execute(text("SELECT id, actor FROM audit_log")).all() == [(1, "王书记")]
    with hub.engine.begin() as conn:  # adding to it still works
        _audit_row(conn, 2)


def test_a_case_with_its_parties_goes_through_the_repositories_and_back_on_postgresql(hub):
    id_number = make_id_number(dt.date(1970, 3, 15), 17)
    data = valid_case_input(parties=[
        individual("张建国", Sex.MALE, id_number, role=PartyRole.APPLICANT, phone="13812345678",
                   claims="要求对方拆除越界院墙。"),
        individual("李秀英", Sex.FEMALE, role=PartyRole.RESPONDENT, phone="0377-66212345"),
    ])
    case_id = _register(hub, data)
    second = _register(hub, valid_case_input(tag=1))
    with hub.transaction() as uow:
        case = uow.cases.get(case_id)
        numbers = uow.cases.numbering(case_id), uow.cases.numbering(second)
    assert [(p.name, p.role, p.id_number, p.phone, p.claims) for p in case.parties] == \
        [("张建国", PartyRole.APPLICANT, id_number, "13812345678", "要求对方拆除越界院墙。"),
         ("李秀英", PartyRole.RESPONDENT, "", "0377-66212345", "")]
    assert case.village == "王庄村" and case.facts == data.facts and case.received_date == data.received_date
    assert numbers == ((data.received_date.year, 1), (data.received_date.year, 2))


def test_sealed_personal_fields_fit_their_columns_on_postgresql(hub):
    """A sealed ID number is far longer than the 18 characters of VARCHAR(18), which PostgreSQL, unlike
    SQLite, enforces: migration 0009 makes those columns TEXT there."""
    hub.use_sealer(FieldSealer(bytes(range(32))))
    case_id = _register(hub, valid_case_input())
    with hub.engine.connect() as conn:
        stored = conn.execute(text("SELECT id_number, phone, address FROM parties ORDER BY id")).all()
    assert all(is_sealed(value) for row in stored for value in row if value)
    assert max(len(row[0]) for row in stored) > 18
    with hub.transaction() as uow:
        assert [p.id_number for p in uow.cases.get(case_id).parties] == [p.id_number for p in valid_case_input().parties]


def test_a_party_name_is_found_through_the_trigram_index(hub):
    wanted = _register(hub, valid_case_input(parties=[
        individual("欧阳秀英", Sex.FEMALE, role=PartyRole.APPLICANT, phone="13812345678"),
        individual("王保国", Sex.MALE, role=PartyRole.RESPONDENT, phone="13912345678")]))
    for tag in range(1, 4):
        _register(hub, valid_case_input(tag=tag))  # 张建国 and 李秀英
    query = text("SELECT id FROM cases WHERE party_names LIKE :word ORDER BY id")
    with hub.engine.connect() as conn:
        assert conn.execute(text("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")).scalar() == "pg_trgm"
        # Trigrams of Chinese characters exist (a C.UTF-8 database); under LC_CTYPE=C there would be none.
        assert conn.execute(text("SELECT cardinality(show_trgm('欧阳秀英'))")).scalar() > 0
        conn.execute(text("SET enable_seqscan = off"))  # four rows: without this the planner reads the table
        plan = "\n".join(conn.execute(text("EXPLAIN " + query.text), {"word": "%阳秀英%"}).scalars())
        assert TRIGRAM_INDEX in plan
        assert conn.execute(query, {"word": "%阳秀英%"}).scalars().all() == [wanted]
        assert conn.execute(query, {"word": "%王保国%"}).scalars().all() == [wanted]
        # Two characters make no trigram: the index is read whole and the rows checked, still right.
        assert len(conn.execute(query, {"word": "%秀英%"}).scalars().all()) == 4


def test_a_hub_database_is_opened_only_from_a_postgresql_url():
    assert is_database_url("postgresql://xinye@/hub?host=/run/postgresql")
    assert is_database_url("postgres://u:p@db.example/hub") and is_database_url("postgresql+psycopg2://u@h/d")
    assert not is_database_url("/home/user/xinye.sqlite3") and not is_database_url("sqlite:///x.sqlite3")
    assert engine_url("postgres://u:secret@db/hub").drivername == "postgresql+psycopg"
    with pytest.raises(HubDatabaseUnavailable):
        HubDatabase("sqlite:///x.sqlite3")
    assert "secret" not in repr(HubDatabase("postgresql://u:secret@db/hub"))


@pytest.mark.parametrize("required", [False, True])
def test_where_postgresql_cannot_start_its_tests_are_skipped_with_the_reason(tmp_path, required):
    """The suite passes on a machine without PostgreSQL; CI (XINYE_REQUIRE_POSTGRES=1) fails instead."""
    env = dict(os.environ, XINYE_PG_BIN=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env.pop("XINYE_REQUIRE_POSTGRES", None)
    if required:
        env["XINYE_REQUIRE_POSTGRES"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
         "tests/test_postgres_schema.py::test_a_party_name_is_found_through_the_trigram_index"],
        cwd=Path(__file__).parents[1], env=env, capture_output=True, text=True, timeout=120)
    if required:
        assert done.returncode == 1 and "1 error" in done.stdout and "XINYE_REQUIRE_POSTGRES=1" in done.stdout
    else:
        assert done.returncode == 0 and "1 skipped" in done.stdout, done.stdout
        assert "PostgreSQL cannot start here" in done.stdout and "initdb and pg_ctl were not found" in done.stdout
