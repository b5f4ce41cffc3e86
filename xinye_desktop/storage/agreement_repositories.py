"""The versions of a case's 人民调解协议书: records in, domain StoredAgreement values out. Never commits."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.agreement import AgreementState, canonical_json
from ..domain.archive import StoredAgreement
from ..domain.errors import NotFound
from .records import AgreementRecord
from .repositories import CLEAR
from .sealing import Sealing


def agreement_to_domain(r: AgreementRecord, sealing: Sealing = CLEAR) -> StoredAgreement:
    return StoredAgreement(
        id=r.id, case_id=r.case_id, number=r.number, state=AgreementState(r.state),
        content=sealing.open_json(r.content or "{}"), document=sealing.open_json(r.document) if r.document else None,
        digest=r.digest, code=r.code, pdf_path=r.pdf_path, printed_at=r.printed_at, signed_on=r.signed_on,
        scan_path=r.scan_path, version=r.version, uuid=r.uuid)


class AgreementRepository:
    """The printed document and the form as typed are stored with their personal parts sealed
    (storage/sealing.py seal_document): the parties' phones and addresses, any prose naming a number."""

    def __init__(self, session: Session, sealing: Sealing = CLEAR):
        self._s = session
        self._sealing = sealing

    # -- reads ----------------------------------------------------------------------------------
    def for_case(self, case_id: int, states: tuple[AgreementState, ...] | None = None) -> list[StoredAgreement]:
        """The case's versions, first to last (only those in ``states`` if given)."""
        query = select(AgreementRecord).where(AgreementRecord.case_id == case_id)
        if states is not None:
            query = query.where(AgreementRecord.state.in_([s.value for s in states]))
        return [agreement_to_domain(r, self._sealing) for r in self._s.scalars(query.order_by(AgreementRecord.number))]

    def latest(self, case_id: int) -> StoredAgreement | None:
        """The newest version, whatever its state."""
        record = self._s.scalars(select(AgreementRecord).where(AgreementRecord.case_id == case_id)
                                 .order_by(AgreementRecord.number.desc())).first()
        return agreement_to_domain(record, self._sealing) if record else None

    def get(self, agreement_id: int) -> StoredAgreement:
        return agreement_to_domain(self._load(agreement_id), self._sealing)

    def by_code(self, code: str) -> StoredAgreement | None:
        record = self._s.scalars(select(AgreementRecord).where(AgreementRecord.code == code)).first()
        return agreement_to_domain(record, self._sealing) if record else None

    def latest_number(self, case_id: int, state: AgreementState | None = None, *,
                      excluding: AgreementState | None = None) -> int | None:
        """The highest version number of the case (in ``state``, or not in ``excluding``), or None."""
        query = select(func.max(AgreementRecord.number)).where(AgreementRecord.case_id == case_id)
        if state is not None:
            query = query.where(AgreementRecord.state == state.value)
        if excluding is not None:
            query = query.where(AgreementRecord.state != excluding.value)
        return self._s.scalar(query)

    def latest_signed(self, case_id: int) -> tuple[int, dt.date | None] | None:
        """(number, signed_on) of the version in force (the latest signed), or None."""
        row = self._s.execute(select(AgreementRecord.number, AgreementRecord.signed_on).where(
            AgreementRecord.case_id == case_id, AgreementRecord.state == AgreementState.SIGNED.value)
            .order_by(AgreementRecord.number.desc())).first()
        return (row.number, row.signed_on) if row else None

    def texts(self, case_id: int) -> list[tuple[int, AgreementState, dict | None, dict]]:
        """(number, state, printed document, form as typed) of each version, newest first: the terms
        whoever reads them (司法确认 eligibility) needs, without the rest of the row."""
        rows = self._s.execute(select(AgreementRecord.number, AgreementRecord.state, AgreementRecord.document,
                                      AgreementRecord.content)
                               .where(AgreementRecord.case_id == case_id)
                               .order_by(AgreementRecord.number.desc())).all()
        return [(r.number, AgreementState(r.state), self._sealing.open_json(r.document) if r.document else None,
                 self._sealing.open_json(r.content or "{}")) for r in rows]

    # -- writes ---------------------------------------------------------------------------------
    def add_draft(self, case_id: int, number: int, content: dict) -> StoredAgreement:
        record = AgreementRecord(case_id=case_id, number=number, state=AgreementState.DRAFT.value,
                                 content=self._sealing.seal_json(content, _content_json))
        self._s.add(record)
        self._s.flush()
        return agreement_to_domain(record, self._sealing)

    def save_content(self, agreement_id: int, content: dict) -> StoredAgreement:
        record = self._load(agreement_id)
        record.content = self._sealing.seal_json(content, _content_json, record.content)
        self._s.flush()
        return agreement_to_domain(record, self._sealing)

    def supersede_older(self, case_id: int, number: int,
                        states: tuple[AgreementState, ...]) -> list[tuple[int, AgreementState]]:
        """Mark superseded the case's versions older than ``number`` that are in ``states``; their
        (number, state before), oldest first."""
        superseded = []
        for older in self._s.scalars(select(AgreementRecord).where(
                AgreementRecord.case_id == case_id, AgreementRecord.number < number,
                AgreementRecord.state.in_([s.value for s in states])).order_by(AgreementRecord.number)):
            superseded.append((older.number, AgreementState(older.state)))
            older.state = AgreementState.SUPERSEDED.value
        self._s.flush()
        return superseded

    def mark_printed(self, agreement_id: int, document: dict, digest: str, code: str, pdf_path: str,
                     printed_at: dt.datetime) -> StoredAgreement:
        record = self._load(agreement_id)
        record.state = AgreementState.PRINTED.value
        record.document = self._sealing.seal_json(document, canonical_json)
        record.digest, record.code = digest, code
        record.pdf_path = pdf_path
        record.printed_at = printed_at
        self._s.flush()
        return agreement_to_domain(record, self._sealing)

    def mark_signed(self, agreement_id: int, signed_on: dt.date) -> StoredAgreement:
        record = self._load(agreement_id)
        record.state = AgreementState.SIGNED.value
        record.signed_on = signed_on
        self._s.flush()
        return agreement_to_domain(record, self._sealing)

    def attach_scan(self, agreement_id: int, scan_path: str, document: dict) -> StoredAgreement:
        """Keep the signed paper's scan; ``document`` is the printed one with the scan's facts added to its
        "archive" (outside the digest)."""
        record = self._load(agreement_id)
        record.scan_path = scan_path
        record.document = self._sealing.seal_json(document, canonical_json, record.document)
        self._s.flush()
        return agreement_to_domain(record, self._sealing)

    def _load(self, agreement_id: int) -> AgreementRecord:
        record = self._s.get(AgreementRecord, agreement_id)
        if record is None:
            raise NotFound(agreement_id)
        return record


def _content_json(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False)
