"""Alembic environment: always given a live connection by xinye_desktop.storage.migrate."""

from alembic import context

from xinye_desktop.storage.records import Base
from xinye_desktop.storage.search_index import is_search_index

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # e.g. `alembic revision --autogenerate` from a developer shell
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
    # The FTS5 index and its shadow tables, and PostgreSQL's trigram index, are made by hand
    # (storage/search_index.py), not by the ORM.
    include_name=lambda name, type_, _parents: not (type_ in ("table", "index") and is_search_index(name)),
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # Several clerks may start the hub at once after an update: the first upgrades, the others wait for
        # it here and then find the schema at head (SQLite's file takes its write lock for the same).
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7316040416)")
    context.run_migrations()
