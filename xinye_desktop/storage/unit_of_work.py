"""A transaction with the repositories bound to it. Repositories never commit; the block does."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .account_repositories import AccountRepository, AuditRepository
from .actor import ActorSource, committee_operator
from .aftercare_repositories import TermRepository, VisitRepository
from .agreement_repositories import AgreementRepository
from .canvass_repositories import CanvassRepository
from .document_repositories import IssuedDocumentRepository
from .exchange_rows import ExchangeRepository
from .elder_repositories import ChoiceRepository, ElderRepository, RolePeopleRepository
from .repositories import CaseRepository, HistoryRepository, SettingsRepository, VillageRepository
from .sealing import KEY_CHECK_SETTING, FieldSealer, Sealing
from .sitting_repositories import SittingRepository


class UnitOfWork:
    def __init__(self, session: Session, actor_source: ActorSource | None = None, sealer: FieldSealer | None = None):
        self.session = session
        self._actor_source = actor_source or committee_operator
        self._actor: str | None = None
        self.sealer = sealer
        self.settings = SettingsRepository(session)
        # The personal fields are sealed with ``sealer``; without one they are written clear only while the
        # data has never been sealed (no key fingerprint in the settings), and a sealed one is not read.
        self.sealing = Sealing(sealer, self._data_is_sealed)
        self.villages = VillageRepository(session)
        self.cases = CaseRepository(session, self.villages, lambda: self.actor, self.sealing)
        self.history = HistoryRepository(session, lambda: self.actor, self.sealing)
        self.elders = ElderRepository(session, self.villages, self.sealing)
        self.choices = ChoiceRepository(session, self.sealing)
        self.people = RolePeopleRepository(session, self.sealing)
        self.sittings = SittingRepository(session)
        self.agreements = AgreementRepository(session, self.sealing)
        self.terms = TermRepository(session)
        self.visits = VisitRepository(session)
        self.issued = IssuedDocumentRepository(session, self.sealing)
        self.canvasses = CanvassRepository(session, self.villages)
        self.accounts = AccountRepository(session)
        self.audit = AuditRepository(session, lambda: self.actor, lambda: self.account_id)
        self.exchange = ExchangeRepository(session, self.sealing)  # issue 16: the rows a package carries

    def _data_is_sealed(self) -> bool:
        # Asked in the middle of a repository's writes: an autoflush here would UPDATE a record half-way
        # through (and bump its version twice for one save).
        with self.session.no_autoflush:
            return bool(self.settings.get(KEY_CHECK_SETTING))

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
    def clock(self):
        """When this transaction's audit rows say it happened: the actor source's ``clock`` where it has
        one (the demo replays past days as its accounts), else None (now)."""
        return getattr(self._actor_source, "clock", None)

    @property
    def role(self) -> str | None:
        """The logged-in account's role code, or None while no one is logged in."""
        return getattr(self._actor_source, "role", None)
