"""Where things live: the per-user data folder and the bundled resources."""

from __future__ import annotations

import sys
from pathlib import Path

from . import APP_AUTHOR, APP_NAME


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def bundle_dir() -> Path | None:
    """The folder a PyInstaller bundle unpacks its data to (``_internal`` beside the .exe in a onedir
    build), or None when running from source."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return None


def resources_dir() -> Path:
    """resources/ beside the package in a source checkout, or inside a PyInstaller bundle."""
    folder = bundle_dir()
    if folder is not None:
        return folder / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


class DataPaths:
    """Everything the app writes lives under one folder, outside the install folder."""

    def __init__(self, root: Path):
        self.root = Path(root).expanduser().resolve()

    @property
    def database(self) -> Path:
        from .storage.database import DB_FILENAME

        return self.root / DB_FILENAME

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def hub_documents(self) -> Path:
        """A hub's (司法所, 司法局) villages' documents, sealed to the hub's key, on SQLite (on PostgreSQL they
        are rows of the server's database): services/hub/importer.DOCUMENTS_FOLDER. Backed up with the rest."""
        return self.root / "hub-documents"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        """Verified copies of the database and the documents (services/backup/); made on first use."""
        return self.root / "backups"

    @property
    def damaged(self) -> Path:
        """Where a database that failed its check at start is moved, never deleted."""
        return self.root / "damaged"

    @property
    def ui_settings(self) -> Path:
        return self.root / "ui-settings.ini"

    def create(self) -> None:
        for folder in (self.root, self.drafts, self.documents, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
