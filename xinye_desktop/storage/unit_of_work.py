"""A transaction with the repositories bound to it. Repositories never commit; the block does."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .account_repositories import AccountRepository, AuditRepository
from .actor import ActorSource, committee_operator
from .aftercare_repositories import TermRepository, VisitRepository
from .agreement_repositories import AgreementRepository
from .canvass_repositories import CanvassRepository
from .document_repositories import IssuedDocumentRepository
from .elder_repositories import ChoiceRepository, ElderRepository, RolePeopleRepository
from .repositories import CaseRepository, HistoryRepository, SettingsRepository, VillageRepository
from .sitting_repositories import SittingRepository


class UnitOfWork:
    def __init__(self, session: Session, actor_source: ActorSource | None = None):
        self.session = session
        self._actor_source = actor_source or committee_operator
        self._actor: str | None = None
        self.settings = SettingsRepository(session)
        self.villages = VillageRepository(session)
        self.cases = CaseRepository(session, self.villages, lambda: self.actor)
        self.history = HistoryRepository(session, lambda: self.actor)
        self.elders = ElderRepository(session, self.villages)
        self.choices = ChoiceRepository(session)
        self.people = RolePeopleRepository(session)
        self.sittings = SittingRepository(session)
        self.agreements = AgreementRepository(session)
        self.terms = TermRepository(session)
        self.visits = VisitRepository(session)
        self.issued = IssuedDocumentRepository(session)
        self.canvasses = CanvassRepository(session, self.villages)
        self.accounts = AccountRepository(session)
        self.audit = AuditRepository(session, lambda: self.actor, lambda: self.account_id)

    @property
    def actor(self) -> str:
        """Who acts in this transaction (see storage/actor.py), asked once, when first needed: a
        transaction that writes no history does not read it."""
        if self._actor is None:
            self._actor = self._actor_source(self) or ""
        return self._actor

    @property
    def account_id(self) -> int | None:
        """The logged-in account acting in this transaction (storage/actor.py AccountActor), or None
        while no one is logged in (before the first account, the command line)."""
        return getattr(self._actor_source, "account_id", None)

    @property
    def role(self) -> str | None:
        """The logged-in account's role code, or None while no one is logged in."""
        return getattr(self._actor_source, "role", None)
