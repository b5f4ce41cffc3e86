"""Where the hub keeps a village's sealed documents: files under its data folder on SQLite (one PC), rows of
``hub_document_data`` on PostgreSQL (several clerks' PCs over one server; storage/hub_repositories.py
``keeps_documents``). Either way ``hub_documents.stored`` names it; readers get a sealed file to open."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Iterator

from ...storage.hub_repositories import HubRepository


class DocumentMissing(LookupError):
    """The document's sealed copy is not where the hub keeps it (a file removed, another PC's folder)."""


def keeps_documents(db) -> bool:
    """True where ``db`` keeps the sealed documents as rows (PostgreSQL), False where they are files."""
    with db.transaction() as uow:
        return HubRepository(uow.session).keeps_documents()


def sealed_bytes_of(uow, root: Path, stored: str) -> bytes | None:
    """In a transaction: on PostgreSQL the sealed bytes held in the database (None on SQLite: a file)."""
    repo = HubRepository(uow.session)
    if not repo.keeps_documents():
        return None
    data = repo.document_data(stored)
    if data is None:
        raise DocumentMissing(stored)
    return data


@contextmanager
def sealed_file(root: Path, stored: str, data: bytes | None, work: Path | None = None) -> Iterator[Path]:
    """The sealed file to open: the one under ``root`` (``data`` None), or ``data`` written to a temporary
    file in ``work`` (removed afterwards). DocumentMissing for a file that is not there or lies outside root."""
    if data is None:
        source = (Path(root) / PurePosixPath(stored)).resolve()
        if not source.is_relative_to(Path(root).resolve()) or not source.is_file():
            raise DocumentMissing(stored)
        yield source
        return
    handle, name = tempfile.mkstemp(suffix=".sealed", dir=work)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)
