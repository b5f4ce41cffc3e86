"""The coded documents issued for a case's file (申请书, 受理登记表, 告知书, 回访记录 ...): records in, domain
StoredDocument values out. Never commits; an issue is never deleted (a later one supersedes it)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.agreement import ARCHIVE_KEY, canonical_json
from ..domain.archive import StoredDocument
from ..domain.errors import NotFound
from .records import IssuedDocumentRecord, utcnow
from .repositories import CLEAR
from .sealing import Sealing


def document_to_domain(r: IssuedDocumentRecord, sealing: Sealing = CLEAR) -> StoredDocument:
    return StoredDocument(id=r.id, case_id=r.case_id, kind=r.kind, title=r.title,
                          document=sealing.open_json(r.document),
                          digest=r.digest, code=r.code, pdf_path=r.pdf_path, issued_at=r.issued_at)


class IssuedDocumentRepository:
    """``document`` is stored with its personal parts sealed (storage/sealing.py seal_document); its
    "archive" facts stay clear (the check command reads them with json_extract, no key needed)."""

    def __init__(self, session: Session, sealing: Sealing = CLEAR):
        self._s = session
        self._sealing = sealing

    # -- reads ----------------------------------------------------------------------------------
    def by_code(self, code: str) -> StoredDocument | None:
        record = self._by_code(code)
        return document_to_domain(record, self._sealing) if record else None

    def for_case(self, case_id: int) -> list[StoredDocument]:
        """The case's issues, newest first."""
        return [document_to_domain(r, self._sealing) for r in self._s.scalars(
            select(IssuedDocumentRecord).where(IssuedDocumentRecord.case_id == case_id)
            .order_by(IssuedDocumentRecord.issued_at.desc(), IssuedDocumentRecord.id.desc()))]

    def newest_id(self, case_id: int, kind: str) -> int | None:
        """The id of the latest issue of one kind of document of the case (the one not superseded)."""
        return self._s.scalars(select(IssuedDocumentRecord.id).where(
            IssuedDocumentRecord.case_id == case_id, IssuedDocumentRecord.kind == kind)
            .order_by(IssuedDocumentRecord.issued_at.desc(), IssuedDocumentRecord.id.desc())).first()

    def archive_facts(self, case_id: int) -> list[dict]:
        """The "archive" facts (outside the digest) of each of the case's issues, without the rest."""
        return [json.loads(document).get(ARCHIVE_KEY, {}) for document in self._s.scalars(
            select(IssuedDocumentRecord.document).where(IssuedDocumentRecord.case_id == case_id))]

    # -- writes ---------------------------------------------------------------------------------
    def add(self, case_id: int, kind: str, title: str, document: dict, digest: str, code: str,
            pdf_path: str) -> None:
        self._s.add(IssuedDocumentRecord(case_id=case_id, kind=kind, title=title,
                                         document=self._sealing.seal_json(document, canonical_json),
                                         digest=digest, code=code, pdf_path=pdf_path))

    def reissue(self, code: str, document: dict, pdf_path: str) -> None:
        """The same content printed again: its file's place, ``document`` (with refreshed archive facts)
        and the time of issue change; the digest and code stay."""
        record = self._by_code(code)
        if record is None:
            raise NotFound(code)
        record.document = self._sealing.seal_json(document, canonical_json, record.document)
        record.pdf_path, record.issued_at = pdf_path, utcnow()

    def set_document(self, document_id: int, document: dict) -> None:
        """Rewrite an issue's archive facts (``document`` as read, its printed content unchanged)."""
        record = self._s.get(IssuedDocumentRecord, document_id)
        if record is None:
            raise NotFound(document_id)
        record.document = self._sealing.seal_json(document, canonical_json, record.document)

    def _by_code(self, code: str) -> IssuedDocumentRecord | None:
        return self._s.scalars(select(IssuedDocumentRecord).where(IssuedDocumentRecord.code == code)).first()
