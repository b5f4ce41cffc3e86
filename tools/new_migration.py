"""Autogenerate an Alembic revision from the change to storage/records.py.

    .venv/bin/python tools/new_migration.py 0002_elder_terms "add term fields to elders"

It upgrades a scratch database to the current head, compares it with the ORM and writes
xinye_desktop/storage/migrations/versions/<rev_id>.py. Read and tidy the file, then set
HEAD_REVISION in storage/database.py to the new id (a test checks that they agree).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(rev_id: str, message: str) -> None:
    from alembic import command

    from xinye_desktop.storage.database import Database
    from xinye_desktop.storage.migrate import alembic_config, upgrade_to_head

    with tempfile.TemporaryDirectory() as folder:
        db = Database(Path(folder) / "scratch.sqlite3")
        upgrade_to_head(db)
        config = alembic_config(db)
        with db.engine.connect() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        db.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
