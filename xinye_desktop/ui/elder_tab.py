"""选择明白人: the parties choose their 明白人 for the open case; the pool and the role lists behind it.

Three pages, one module each in ``ui/elders/``: 本案人选 (choosing, consents, recusal, and the case's
主持人/见证人/记录人), 明白人库 (the village pools: add, edit, retire, import, print the wall list) and
主持人·见证人·记录人名单. This tab only assembles them and tells one page when another changed the data.
Every action is saved at once, in its own transaction; nothing waits for a 保存 button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .elders.choice_page import CaseChoicePage
from .elders.people_page import PeoplePage
from .elders.pool_page import PoolPage
from .i18n import Retranslating, translate

__all__ = ["CaseChoicePage", "ElderTab", "PeoplePage", "PoolPage"]


class ElderTab(Retranslating, QWidget):
    """The 选择明白人 tab: 本案人选, 明白人库, 人员名单."""

    def __init__(self, selection, elders, people, drafts, documents=None, roster_importer=None, parent=None):
        super().__init__(parent)
        self.choice_page = CaseChoicePage(selection, elders, people, drafts)
        self.pool_page = PoolPage(elders, drafts, documents, roster_importer)
        self.people_page = PeoplePage(people)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        for page in (self.choice_page, self.pool_page, self.people_page):
            self.pages.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.pages)
        self._loaded = False
        self.pool_page.changed.connect(self.choice_page.refresh)  # a retired elder shows so in the case
        self.people_page.changed.connect(self.choice_page.refresh)
        # A proposal or an answer changes the elders' case counts the pool shows.
        self.choice_page.changed.connect(lambda _case_id: self.pool_page.mark_stale())
        self.pages.currentChanged.connect(self._page_shown)
        self.retranslate()

    def retranslate(self) -> None:
        self.pages.setTabText(0, translate("ElderTab", "本案人选"))
        self.pages.setTabText(1, translate("ElderTab", "明白人库"))
        self.pages.setTabText(2, translate("ElderTab", "主持人·见证人·记录人名单"))

    def showEvent(self, event) -> None:
        # The lists load when first shown, not at start-up: start-up stays quick.
        if not self._loaded:
            self._loaded = True
            self.pool_page.load_villages()
            self.people_page.refresh()
        super().showEvent(event)

    def _page_shown(self, index: int) -> None:
        if index == 0:
            self.choice_page.refresh()

    def set_case(self, case_id: int | None) -> None:
        self.choice_page.set_case(case_id)
