"""Autosaved drafts of forms, so that nothing typed is lost to a crash or a power cut.

A draft is a small JSON file written atomically: a temporary file is written and fsynced,
then renamed over the old one, so after a power cut either the old or the new draft is there,
never half of one.

Sealed (issue 15): a draft holds what was typed into a form, ID numbers and phones too, so where the data
is sealed (someone is logged in: ``sealer()`` gives the session's storage/sealing.FieldSealer) its payload
is written encrypted with the data key, as the database's personal fields are; a copy of drafts/ shows when
a draft was saved and nothing of it. A folder without accounts keeps its drafts clear, as it keeps
everything. A draft that no key here opens (another committee's, a changed file) is set aside like a
damaged one, never offered half-read; one sealed while no one is logged in now waits for the next login.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

from ..domain.cases import CaseInput, PartyInput
from ..domain.enums import CaseSource, DisputeType, PartyKind, PartyRole, Sex
from ..domain.screening import ScreeningAnswers
from ..storage.sealing import SealBroken, is_sealed

_FIELD = "draft:"  # the name each draft's payload is sealed for ("draft:intake"): a draft opens only as itself


class DraftStore:
    def __init__(self, folder: Path, sealer=lambda: None):
        """``sealer``: a callable giving the logged-in session's FieldSealer, or None (no accounts, or no one
        logged in), asked at each save and load (the login comes and goes while the store lives)."""
        self.folder = Path(folder)
        self._sealer = sealer

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def save(self, name: str, payload: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"saved_at": dt.datetime.now().isoformat(timespec="seconds")}
        sealer = self._sealer()
        if sealer is not None:
            data["sealed"] = sealer.seal(_FIELD + name, json.dumps(payload, ensure_ascii=False))
        else:
            data["payload"] = payload
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._path(name))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def load(self, name: str) -> tuple[dict, dt.datetime] | None:
        path = self._path(name)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
            if "sealed" not in data:
                return data["payload"], saved_at
            if not is_sealed(data["sealed"]):
                raise ValueError("a sealed draft without its seal")
            sealer = self._sealer()
            if sealer is None:
                return None  # kept as it is: it opens at the next login
            return json.loads(sealer.open(_FIELD + name, data["sealed"])), saved_at
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, SealBroken):
            # A damaged draft is set aside, not deleted, and not offered; an earlier damaged
            # draft of the same name is not overwritten either.
            target, n = path.with_suffix(".damaged"), 1
            while target.exists():
                target, n = path.with_suffix(f".{n}.damaged"), n + 1
            path.replace(target)
            return None

    def set_aside(self, name: str) -> Path | None:
        """Rename the draft to a dated name: kept on disk, no longer offered at start."""
        path = self._path(name)
        if not path.exists():
            return None
        target = self._path(f"{name}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}")
        os.replace(path, target)
        return target

    def discard(self, name: str) -> None:
        """Called after the record was saved, or when the user confirmed throwing the draft away."""
        self._path(name).unlink(missing_ok=True)


def case_input_to_dict(data: CaseInput) -> dict:
    out = asdict(data)
    out["received_date"] = data.received_date.isoformat() if data.received_date else None
    return json.loads(json.dumps(out, ensure_ascii=False, default=str))


def case_input_from_dict(raw: dict) -> CaseInput:
    party_names = {f.name for f in fields(PartyInput)}
    parties = []
    for p in raw.get("parties", []):
        p = {k: v for k, v in p.items() if k in party_names}
        p["kind"] = PartyKind(p.get("kind") or "individual")
        p["role"] = PartyRole(p.get("role") or "applicant")
        p["sex"] = Sex.from_code(p.get("sex"))
        parties.append(PartyInput(**p))
    screening_names = {f.name for f in fields(ScreeningAnswers)}
    screening = ScreeningAnswers(**{k: bool(v) for k, v in (raw.get("screening") or {}).items()
                                    if k in screening_names})
    received = raw.get("received_date")
    return CaseInput(
        received_date=dt.date.fromisoformat(received) if received else None,
        source=CaseSource.from_code(raw.get("source")),
        source_note=raw.get("source_note", ""),
        dispute_type=DisputeType.from_code(raw.get("dispute_type")),
        dispute_type_note=raw.get("dispute_type_note", ""),
        village=raw.get("village", ""), group=raw.get("group", ""), facts=raw.get("facts", ""),
        parties=parties, screening=screening,
    )
