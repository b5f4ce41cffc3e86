"""The seven steps of the guided 法/理/情 sitting, one widget each; ``ui/session_tab.py`` navigates them.

Each step shows the part of a ``SittingData`` (domain/session.py) it is about: ``load`` fills its fields
from the data, ``store`` writes them back into it, ``show_progress`` shows what ``evaluate`` says is
still missing. The rules stay in the domain; the saving, the step list and the language switch stay in
the tab. Their strings keep the translation context "SessionTab" they had when the tab held them all.
"""
