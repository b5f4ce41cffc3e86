"""What a hub holds of the villages (issue 16 item 3), read: the committees, their rows (the personal fields
opened on request, with the hub's private key), the figures, the documents and the flags; and the two
things a person does with them here: confirming a committee's key after the phone call, resolving a flag.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.times import local_time
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ...storage.sealing import FileSealer
from ..access import guard
from ..exchange import crypto
from .document_store import sealed_bytes_of, sealed_file
from .messages import CONFIRM_REVOKED, NO_SUCH_COMMITTEE, NOT_A_HUB, WRONG_FINGERPRINT
from .setup import identity_in, private_key_in, record


def _parsed(row: dict) -> dict:
    out = dict(row)
    for key in ("fields", "refs", "detail", "figures", "summary"):
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key])
    return out


def _normalised_fingerprint(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


class HubHoldings:
    def __init__(self, db: Database, data_root: Path | None = None):
        self._db = db
        self._root = Path(data_root) if data_root is not None else None

    def committees(self) -> list[dict]:
        """The committees registered, each with ``key_revoked_at``: when its registered key was revoked
        (services/hub/committees.py; no package with a new key since), else None."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = HubRepository(uow.session)
            revoked = {(r["committee_id"], r["signing_key"]): r["revoked_at"] for r in repo.revocations()}
            return [{**c, "key_revoked_at": revoked.get((c["id"], c["signing_key"]))} for c in repo.committees()]

    def rows(self, committee_id: str | None = None, table: str | None = None) -> list[dict]:
        """The village rows held, as stored (``personal`` still sealed), fields and refs parsed."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return [_parsed(r) for r in HubRepository(uow.session).rows(committee_id, table)]

    def row_counts(self) -> dict[tuple[str, str], int]:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return HubRepository(uow.session).row_counts()

    def personal(self, committee_id: str, table: str, uuid: str) -> dict:
        """A row's personal fields, opened with the hub's private key (a login where it is sealed)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = HubRepository(uow.session)
            row = repo.row(committee_id, table, uuid)
            if row is None or row["personal"] is None:
                return {}
            package = repo.package(row["package_id"])
            opener = crypto.RowOpener(private_key_in(uow), crypto.unb64(package["ephemeral_key"]))
            return opener.open(table, uuid, row["row_version"], row["personal"])

    def figures(self, committee_id: str | None = None) -> list[dict]:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return [_parsed(r) for r in HubRepository(uow.session).all_figures(committee_id)]

    def documents(self, committee_id: str | None = None) -> list[dict]:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return HubRepository(uow.session).documents(committee_id)

    def open_document(self, document: dict, target: Path) -> Path:
        """Write a document the hub holds (a row of ``documents()``), opened, to ``target``; its SHA-256
        checked against what the village's signed manifest gave (Refused with nothing left otherwise)."""
        from ...storage.sealing import SealBroken

        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(NOT_A_HUB)
            private = private_key_in(uow)
            data = sealed_bytes_of(uow, self._root, document["stored"])
        target = Path(target)
        with sealed_file(self._root, document["stored"], data, target.parent) as source:
            FileSealer(identity.public_key, private).open_file(source, target, document["binding"])
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        if digest != document["sha256"]:
            target.unlink(missing_ok=True)
            raise SealBroken(document["path"])
        return target

    def flags(self, *, open_only: bool = True, committee_id: str | None = None) -> list[dict]:
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return [_parsed(r) for r in HubRepository(uow.session).flags(open_only=open_only,
                                                                          committee_id=committee_id)]

    def resolve_flag(self, flag_id: int, resolution: str) -> bool:
        """A person has looked at a flag (``resolution``: what they did); False when it was resolved already."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            return HubRepository(uow.session).resolve_flag(flag_id, uow.actor[:30], resolution, utcnow())

    def confirm_committee(self, committee_id: str, fingerprint_heard: str) -> None:
        """The fingerprint the village read over the phone matches the key registered on its first package."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            repo = HubRepository(uow.session)
            held = repo.committee(committee_id)
            if held is None:
                raise Refused(NO_SUCH_COMMITTEE)
            revoked = repo.revocation(held["signing_key"], committee_id)
            if revoked is not None:
                raise Refused(CONFIRM_REVOKED, committee=held["name"], fingerprint=held["fingerprint"],
                              revoked_at=local_time(revoked["revoked_at"]))
            if _normalised_fingerprint(fingerprint_heard) != _normalised_fingerprint(held["fingerprint"]):
                raise Refused(WRONG_FINGERPRINT, fingerprint=held["fingerprint"])
            repo.update_committee(committee_id, confirmed_at=utcnow(), confirmed_by=uow.actor[:30])
            record(uow, AuditKind.SETTINGS, {"what": "hub_confirm_committee", "committee": committee_id,
                                             "fingerprint": held["fingerprint"]})

    def case_files(self, committee_id: str) -> list[dict]:
        """The committee's cases for review (not deleted), newest first: uuid, case_number, received_date,
        dispute_type, status (the village's codes), the latest review (or None) and ``changed_after_review``
        (an open flag says the village changed it after that review)."""
        from ...domain.hub import FlagKind

        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = HubRepository(uow.session)
            cases = [_parsed(r) for r in repo.rows(committee_id, "cases") if r.get("deleted_version") is None]
            reviews = repo.latest_reviews(committee_id, [c["uuid"] for c in cases])
            changed = repo.open_flag_cases(committee_id, FlagKind.CHANGED_AFTER_REVIEW.value)
        out = []
        for row in cases:
            fields = row["fields"]
            out.append({"uuid": row["uuid"], "case_number": row.get("case_number") or fields.get("case_number", ""),
                        "received_date": fields.get("received_date", ""), "dispute_type": fields.get("dispute_type", ""),
                        "status": fields.get("status", ""), "review": reviews.get(row["uuid"]),
                        "changed_after_review": row["uuid"] in changed})
        out.sort(key=lambda c: (str(c["received_date"]), c["case_number"]), reverse=True)
        return out
