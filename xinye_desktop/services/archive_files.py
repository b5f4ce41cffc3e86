"""The archived files of a case (its PDFs, the signed scan, the bound 调解卷宗) against the SHA-256 kept
when each was written: shared by the agreements and the other coded documents, which both check them."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def archive_state(path: Path | None, recorded: str | None) -> str:
    """The archived file against the SHA-256 recorded when it was written (see Verification.archive)."""
    if path is None:
        return ""
    if not path.is_file():
        return "missing"
    if not recorded:
        return "unrecorded"
    return "ok" if file_sha256(path) == recorded else "changed"


def bound_state(root: Path, archive: dict) -> tuple[str, Path | None]:
    """(state, path) of the 调解卷宗 named in an issued document's archive facts (see
    services.documents: "case_file"), as ``archive_state`` tells it; ("", None) when it was not bound."""
    facts = archive.get("case_file") or {}
    if not facts.get("path"):
        return "", None
    path = root / facts["path"]
    return archive_state(path, facts.get("sha256")), path
