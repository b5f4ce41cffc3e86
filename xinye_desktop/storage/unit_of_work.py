"""A transaction with the repositories bound to it. Repositories never commit; the block does."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .elder_repositories import ChoiceRepository, ElderRepository, RolePeopleRepository
from .repositories import CaseRepository, HistoryRepository, SettingsRepository, VillageRepository


class UnitOfWork:
    def __init__(self, session: Session):
        self.session = session
        self.settings = SettingsRepository(session)
        self.villages = VillageRepository(session)
        self.cases = CaseRepository(session, self.villages)
        self.history = HistoryRepository(session)
        self.elders = ElderRepository(session, self.villages)
        self.choices = ChoiceRepository(session)
        self.people = RolePeopleRepository(session)
