"""Running the Alembic revisions in migrations/ against a Database, without an alembic.ini."""

from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(database):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # A hub's PostgreSQL database (storage/hub_database.py) names its own URL; a village's is its file.
    url = database.alembic_url() if hasattr(database, "alembic_url") else f"sqlite:///{database.path}"
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # the config interpolates %
    return config


def upgrade_to_head(database, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config(database)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
