"""Revoking a village committee's signing key at the hub (issue 16 items 1 and 6; migration 0015).

The hub trusts a committee's Ed25519 key on its first package and refuses any other key afterwards
(services/hub/importer.py). When the village PC is lost or stolen, or its key leaked, a clerk revokes that
key here (an administrator's act: Permission.EDIT_SETTINGS, as confirming a key by phone is), with a reason,
in one transaction with its audit row:

- the key goes to ``hub_revoked_keys``, never deleted: from then on a package signed by it is refused with
  its own message (REVOKED_KEY), whichever committee it names;
- the committee's row keeps the revoked key and its fingerprint (what the clerk sees and compares), no longer
  confirmed; its next package signed by a NEW key registers that key as a first package does (the summary
  gives the new fingerprint, to confirm by phone before trusting it; HubHoldings.confirm_committee);
- the committee's return key (X25519: the return package's reasons are sealed to it) is forgotten by the
  committee's row and kept in the revocation's, since the lost PC holds its private half: return packages
  withhold the reasons until the new PC's package brings its own key;
- the rows, figures, documents and reviews already imported are kept as they are.

A 司法所's revocations travel up with its next relay to the 司法局 (services/hub/relay.py lists them in the relay's
manifest, relay_import.apply_revocations makes them at the county in the import's transaction, as ``revoke``
does here, with an audit row naming the township's office); a 司法局 may revoke a key on its own as well.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.times import local_time
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ..access import guard
from . import messages as m
from .setup import identity_in, record

REASON_LIMIT = 200  # characters


def pick_committee(every: list[dict], which: str) -> dict:
    """The committee ``which`` names among ``every`` (the hub's committees): its id, its full name or its
    village (王庄村), tried in that order. Refused when none matches or a village's name is ambiguous."""
    text = (which or "").strip()
    for key in ("id", "name", "village"):
        found = [c for c in every if text and c[key] == text]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise Refused(m.AMBIGUOUS_COMMITTEE, text=text, names="、".join(c["name"] for c in found))
    raise Refused(m.NO_SUCH_COMMITTEE)


@dataclass(frozen=True)
class RevokedKey:
    committee_id: str
    committee: str
    fingerprint: str
    revoked_at: dt.datetime
    revoked_by: str
    reason: str

    @property
    def revoked_at_text(self) -> str:
        return local_time(self.revoked_at)


def _revoked(held: dict, row: dict) -> RevokedKey:
    return RevokedKey(held["id"], held["name"], row["fingerprint"], row["revoked_at"], row["revoked_by"], row["reason"])


def revoke_in(uow, repo: HubRepository, held: dict, signing_key: str, key_fingerprint: str, *,
              revoked_at: dt.datetime, revoked_by: str, reason: str, audit: dict | None = None) -> dict:
    """The key revoked for the committee ``held`` in the caller's transaction (here, or a 司法所's relay,
    relay_import.py): its ``hub_revoked_keys`` row; where it is the committee's current key, that key is no
    longer confirmed and its return key (the lost PC's) forgotten; one audit row (``audit`` adds to it).
    The row written."""
    current = held["signing_key"] == signing_key
    row = {"committee_id": held["id"], "signing_key": signing_key, "fingerprint": key_fingerprint,
           "return_key": held.get("return_key") if current else None, "revoked_at": revoked_at,
           "revoked_by": revoked_by[:30], "reason": reason}
    revocation_id = repo.add_revocation(**row)
    if current:
        repo.update_committee(held["id"], confirmed_at=None, confirmed_by="", return_key=None)
    record(uow, AuditKind.SETTINGS, {"what": "hub_revoke_key", "committee": held["id"], "fingerprint": key_fingerprint,
                                     "revocation": revocation_id, **(audit or {})})
    return row


class HubCommittees:
    """The hub's decisions about a committee's key. Thread contract: any thread, one transaction per call."""

    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._clock = clock

    def revoke(self, which: str, reason: str) -> RevokedKey:
        """Revoke the signing key registered for the committee ``which`` names (its id, full name or
        village). Refused, with nothing changed: without a reason, for a committee the hub does not hold, for
        a key already revoked (no new key registered since), for a session that may not change settings."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise Refused(m.REVOKE_NEEDS_REASON)
        if len(reason) > REASON_LIMIT:
            raise Refused(m.REVOKE_REASON_TOO_LONG, length=len(reason), limit=REASON_LIMIT)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            if identity_in(uow) is None:
                raise Refused(m.NOT_A_HUB)
            repo = HubRepository(uow.session)
            held = pick_committee(repo.committees(), which)
            earlier = repo.revocation(held["signing_key"], held["id"])
            if earlier is not None:
                raise Refused(m.ALREADY_REVOKED, committee=held["name"], fingerprint=earlier["fingerprint"],
                              revoked_at=local_time(earlier["revoked_at"]))
            row = revoke_in(uow, repo, held, held["signing_key"], held["fingerprint"], revoked_at=self._clock(),
                            revoked_by=uow.actor, reason=reason)
            return _revoked(held, row)

    def revocations(self, committee_id: str | None = None) -> list[RevokedKey]:
        """Every key revoked (or the committee's), oldest first."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = HubRepository(uow.session)
            names = {c["id"]: c for c in repo.committees()}
            return [_revoked(names.get(row["committee_id"], {"id": row["committee_id"], "name": row["committee_id"]}),
                             row) for row in repo.revocations(committee_id)]


__all__ = ["REASON_LIMIT", "HubCommittees", "RevokedKey", "pick_committee", "revoke_in"]
