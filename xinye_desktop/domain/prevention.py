"""What a mediation prevented, as the report to the 司法所 counts it (domain.md §3): 防止民间纠纷转化为
刑事案件 X件Y人 and 防止群体性上访 X件Y人. A case counts once (1件) for each, with the number of people
involved (Y人, at least one).

The mediator records it for the case when the 处理 of a sitting defused a risk (人民调解法第二十五条:
a dispute that may escalate calls for preventive measures); a sitting that recorded an escalation risk
and ended in agreement suggests it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .session import Outcome, SittingData

MAX_PEOPLE = 9999

# Words of a risk note that point to a group petition, and to violence (a crime in the making).
PETITION_WORDS = ("上访", "群访", "集体访", "越级访", "聚集", "堵路", "围堵")
VIOLENCE_WORDS = ("动手", "打", "伤", "报复", "械斗", "刀", "推搡", "拼命", "砸", "烧", "放火", "杀")

CRIMINAL_LABEL = QT_TRANSLATE_NOOP("Vocabulary", "防止民间纠纷转化为刑事案件")
PETITION_LABEL = QT_TRANSLATE_NOOP("Vocabulary", "防止群体性上访")


@dataclass(frozen=True)
class Prevention:
    """People involved in each prevented outcome; None where the case prevented none."""

    criminal_people: int | None = None
    petition_people: int | None = None

    @property
    def any(self) -> bool:
        return self.criminal_people is not None or self.petition_people is not None


@dataclass
class PreventionInput:
    """The form as typed: a tick and a people count for each."""

    criminal: bool = False
    criminal_people: str = ""
    petition: bool = False
    petition_people: str = ""

    @classmethod
    def of(cls, prevention: Prevention) -> "PreventionInput":
        def text(n: int | None) -> str:
            return "" if n is None else str(n)

        return cls(prevention.criminal_people is not None, text(prevention.criminal_people),
                   prevention.petition_people is not None, text(prevention.petition_people))


def _people(errors: list[FieldError], path: str, ticked: bool, text: str) -> int | None:
    if not ticked:
        return None
    raw = unicodedata.normalize("NFKC", text or "").strip().removesuffix("人").strip()  # ３ typed full-width
    if not raw:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "请填写涉及的人数（至少1人）")))
        return None
    if not raw.isdigit() or not raw.isascii():
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "人数请填整数，如 3")))
        return None
    n = int(raw)
    if not 1 <= n <= MAX_PEOPLE:
        errors.append(FieldError(path, QT_TRANSLATE_NOOP("Validation", "人数应在1到{max}之间"), {"max": MAX_PEOPLE}))
        return None
    return n


def check_prevention(data: PreventionInput) -> tuple[Prevention | None, list[FieldError]]:
    """The figures, or one message per field (``criminal_people``, ``petition_people``)."""
    errors: list[FieldError] = []
    criminal = _people(errors, "criminal_people", data.criminal, data.criminal_people)
    petition = _people(errors, "petition_people", data.petition, data.petition_people)
    if errors:
        return None, errors
    return Prevention(criminal, petition), []


def describe(people: int | None) -> str:
    """How the history and the forms write one figure: 1件3人, or 否."""
    return "否" if people is None else f"1件{people}人"


SETTLED = (Outcome.WRITTEN, Outcome.ORAL, Outcome.OPINION)


def suggest_prevention(data: SittingData) -> Prevention | None:
    """What a finished sitting suggests: it recorded an escalation risk and still ended in agreement,
    so the escalation was prevented. A risk note that speaks of 上访 or 聚集 suggests a prevented group
    petition, one that speaks of violence (or of neither) a prevented 民转刑. The people are those
    present (at least one); the mediator corrects them. None when it suggests nothing."""
    if not data.risk or data.outcome not in SETTLED:
        return None
    people = max(sum(1 for p in data.parties.values() if p.present is not False), 1)
    note = data.risk_note or ""
    petition = any(word in note for word in PETITION_WORDS)
    criminal = any(word in note for word in VIOLENCE_WORDS) or not petition
    return Prevention(people if criminal else None, people if petition else None)
