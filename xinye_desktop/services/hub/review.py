"""The hub's review of a village case file (issue 16 item 3): the 以案定补 grade, approved or returned with a
reason. Written to the hub's own table, one row per review and never changed: the village's case is not
edited (the village owns it). Each review notes the case's newest row version the hub held, so that a
later package bringing a change to the case flags it for a new review (services/hub/importer.py) instead
of the two being merged."""

from __future__ import annotations

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.hub import ReviewDecision, ReviewGrade
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ..access import guard
from .messages import NO_SUCH_CASE, NOT_A_HUB, RETURN_NEEDS_REASON
from .setup import identity_in, record


class HubReviews:
    def __init__(self, db: Database):
        self._db = db

    def review(self, committee_id: str, case_uuid: str, grade: ReviewGrade | None = None,
               decision: ReviewDecision | None = None, reason: str = "") -> int:
        """Record a review of the committee's case; its id. Refused for a case the hub does not hold and
        for a return without a reason."""
        reason = (reason or "").strip()
        if decision is ReviewDecision.RETURNED and not reason:
            raise Refused(RETURN_NEEDS_REASON)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(NOT_A_HUB)
            repo = HubRepository(uow.session)
            if repo.row(committee_id, "cases", case_uuid) is None:
                raise Refused(NO_SUCH_CASE, office=identity.office)
            based_on = repo.case_versions(committee_id, [case_uuid]).get(case_uuid, 0)
            review_id = repo.add_review(committee_id=committee_id, case_uuid=case_uuid,
                                        grade=grade.value if grade else "", decision=decision.value if decision else "",
                                        reason=reason, reviewed_by=uow.actor[:30], reviewed_at=utcnow(),
                                        based_on_version=based_on)
            record(uow, AuditKind.CASE, {"what": "hub_review", "committee": committee_id, "case": case_uuid,
                                         "grade": grade.value if grade else "",
                                         "decision": decision.value if decision else ""})
            return review_id
