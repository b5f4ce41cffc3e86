"""Demo data for training and trying the app: 新野县 townships and villages, a 明白人 pool, and cases of
every dispute type and every state, with parties whose ID numbers pass the check.

Everything is generated from a seed, so the same command gives the same data. The newest cases, one
per state worth seeing (cases.SHOWCASES), go through the app's own services after the rest is written
(showcase.py); every other case is bulk-written (one executemany per table, one transaction, through
storage/bulk.py) by the same rules (aftercare.py), which keeps 100,000 cases at about a minute and a
half of CPU.

The modules, in the order ``generate`` (build.py) runs them: people.py (villages, 明白人, the role
lists), cases.py (cases and parties), choices.py (the 明白人 chosen, the hosts), sittings.py,
aftercare.py (agreements and what follows, in bulk), showcase.py, agreements.py (the 协议书 form;
archiving), case_forms.py, prevention.py (防止激化 and 排查). This package writes through the services
and storage/bulk.py only: it imports neither SQLAlchemy nor the storage records.
"""

from .build import DemoRefused, DemoSummary, generate
from .people import DemoGenerator

__all__ = ["DemoGenerator", "DemoRefused", "DemoSummary", "generate"]
