"""The 明白人's case counts (在办, 已办), read once per change instead of at every look at a list.

Counting them is a GROUP BY over every proposal of every case (~1.2 s on 100,000 cases), and the 选择明白人
tab's first show asked for it twice (the 明白人库 and the candidates of the open case), then again at each
refresh. The counts change only when a transaction writes a table they are counted from (storage:
elder_repositories.STATS_TABLES, a proposal made, answered or ended, a case saved): the storage counts those
writes (Database.changes), whichever service or command made them, and the counts kept are read again after
one. One cache per Database, shared by ElderService and SelectionService.
"""

from __future__ import annotations

import threading
import weakref

from ..domain.elders import ElderStats
from ..storage.database import Database
from ..storage.elder_repositories import STATS_TABLES


class ElderStatsCache:
    """Thread contract: any thread; ``read`` runs inside the caller's transaction."""

    _shared: "weakref.WeakKeyDictionary[Database, ElderStatsCache]" = weakref.WeakKeyDictionary()
    _shared_lock = threading.Lock()

    @classmethod
    def of(cls, db: Database) -> "ElderStatsCache":
        """The cache of ``db``'s counts, the same for every service of that Database."""
        with cls._shared_lock:
            cache = cls._shared.get(db)
            if cache is None:
                cache = cls._shared[db] = cls(db)
            return cache

    def __init__(self, db: Database):
        self._db = db
        self._lock = threading.Lock()
        self._kept: tuple[int, dict[int, ElderStats]] | None = None  # (Database.changes when read, counts)

    def read(self, uow, elder_ids: list[int] | None = None, *, except_case: int | None = None) -> dict[int, ElderStats]:
        """Every elder's counts (look an elder up with ``.get(id, ElderStats())``), or at least those of
        ``elder_ids``; ``except_case``: leaving out that case (the candidates of the case itself)."""
        # Inside the transaction: every transaction takes the write lock at its start (BEGIN IMMEDIATE),
        # so no write commits between this number and the read below.
        changes = self._db.changes(*STATS_TABLES)
        with self._lock:
            everyone = self._kept[1] if self._kept is not None and self._kept[0] == changes else None
        if everyone is None:
            if elder_ids is not None:  # a short list (a search): its own counts are quicker than everyone's
                return uow.elders.stats(elder_ids, except_case=except_case)
            everyone = uow.elders.stats()
            with self._lock:
                self._kept = (changes, everyone)
        if except_case is None:
            return everyone
        # Everyone's counts less what this one case adds to them: the case's own few rows, not every case.
        counts = dict(everyone)
        for elder_id, own in uow.elders.stats(only_case=except_case).items():
            total = counts.get(elder_id, ElderStats())
            counts[elder_id] = ElderStats(total.open_cases - own.open_cases, total.past_cases - own.past_cases)
        return counts
