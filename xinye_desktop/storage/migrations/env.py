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
    # The FTS5 index and its shadow tables are made by hand (storage/search_index.py), not by the ORM.
    include_name=lambda name, type_, _parents: not (type_ == "table" and is_search_index(name)),
)
with context.begin_transaction():
    context.run_migrations()
