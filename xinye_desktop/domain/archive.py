"""What the case file keeps of what was printed, as storage hands it back: each version of a 人民调解协议书
and each issue of the other coded documents (申请书, 受理登记表, 告知书, 回访记录 ...). Plain values: the
JSON columns already parsed, file places relative to the data folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .agreement import AgreementState


@dataclass(frozen=True)
class StoredAgreement:
    """One version of a case's agreement. ``content``: the form as typed; ``document``: what was printed
    (canonical, hashed into ``digest``), None for a draft; ``version``: the row's optimistic-lock counter."""

    id: int
    case_id: int
    number: int
    state: AgreementState
    content: dict
    document: dict | None
    digest: str | None
    code: str | None
    pdf_path: str | None
    printed_at: dt.datetime | None  # UTC
    signed_on: dt.date | None
    scan_path: str | None
    version: int
    uuid: str


@dataclass(frozen=True)
class StoredDocument:
    """One issue of a coded document of a case's file: the content printed (``document``, with its
    "archive" facts outside the digest), its digest and code, and where its latest PDF is."""

    id: int
    case_id: int
    kind: str
    title: str
    document: dict
    digest: str
    code: str
    pdf_path: str | None
    issued_at: dt.datetime  # UTC
