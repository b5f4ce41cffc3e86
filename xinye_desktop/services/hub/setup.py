"""Setting a data folder up as a hub (issue 16 item 3): a 司法所 (its township) or a 司法局 (its county),
chosen once, and the hub's own X25519 key pair, which the villages encrypt their packages' personal fields
and documents to.

How a village gets the hub's public key: for now the hub writes it to a file, ``hub-key.txt`` (one line:
its base64, as the village's ``export-package --hub-key FILE`` and its settings take it), carried to the
village on the same USB drive as the packages, its fingerprint read over the phone; later the hub's signed
return package (item 4) brings it.

The private key is kept in the settings sealed with the data key (storage/sealing.FieldSealer) where the
folder has accounts, so that only a logged-in session opens the villages' personal data; in a folder
without accounts it is kept clear, as that folder keeps everything clear, and it is sealed at the first
import after accounts were set up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.exchange import fingerprint
from ...domain.hub import HubMode, hub_area
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ...storage.sealing import KEY_CHECK_SETTING, KeyRequired, is_sealed
from .. import audit
from ..access import guard
from ..exchange import crypto
from .messages import ALREADY_SET_UP, BAD_AREA_COUNTY, BAD_AREA_TOWNSHIP, HAS_CASES, NOT_A_HUB

HUB_MODE_SETTING = "hub_mode"  # HubMode code
HUB_AREA_SETTING = "hub_area"  # 王庄镇 (a 司法所) or 新野县 (a 司法局)
HUB_NAME_SETTING = "hub_name"  # 新野县王庄镇司法所
HUB_PUBLIC_SETTING = "hub_public_key"  # base64 X25519
HUB_PRIVATE_SETTING = "hub_private_key"  # base64 X25519, sealed with the data key where there is one
KEY_FILE_NAME = "hub-key.txt"


@dataclass(frozen=True)
class HubIdentity:
    mode: HubMode
    area: str
    name: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        """The hub's key as read over the phone (the village compares it with what the 司法所 says)."""
        return fingerprint(self.public_key, "hub")

    @property
    def office(self) -> str:
        return self.mode.label


def identity_in(uow) -> HubIdentity | None:
    """The hub's identity as the settings hold it in the caller's transaction; None for a folder that is
    not a hub."""
    mode = HubMode.parse(uow.settings.get(HUB_MODE_SETTING))
    public = uow.settings.get(HUB_PUBLIC_SETTING)
    if mode is None or not public:
        return None
    return HubIdentity(mode, uow.settings.get(HUB_AREA_SETTING), uow.settings.get(HUB_NAME_SETTING),
                       crypto.unb64(public))


def private_key_in(uow) -> bytes:
    """The hub's private key (32 bytes), opened with the session's data key where it is sealed; a clear one
    is sealed now where the data is (accounts were set up after the hub). KeyRequired without a login."""
    stored = uow.settings.get(HUB_PRIVATE_SETTING)
    if is_sealed(stored):
        if uow.sealer is None:
            raise KeyRequired()
        return crypto.unb64(uow.sealer.open(HUB_PRIVATE_SETTING, stored))
    if not stored:
        raise Refused(NOT_A_HUB)
    if uow.sealer is not None and uow.settings.get(KEY_CHECK_SETTING):
        uow.settings.set(HUB_PRIVATE_SETTING, uow.sealer.seal(HUB_PRIVATE_SETTING, stored))
    return crypto.unb64(stored)


def record(uow, kind: AuditKind, summary: dict) -> None:
    """The hub's audit row, in the caller's transaction, on SQLite and on PostgreSQL alike
    (storage/account_repositories.AuditRepository appends on both)."""
    audit.record(uow, kind, None, summary)


class HubSetup:
    """Set-up and identity of a hub's data folder."""

    def __init__(self, db: Database):
        self._db = db

    def identity(self) -> HubIdentity | None:
        with self._db.transaction() as uow:
            return identity_in(uow)

    def set_up(self, mode: HubMode, area: str, name: str = "", *, keys: tuple[bytes, bytes] | None = None) -> HubIdentity:
        """Make this data folder a hub of ``mode`` for ``area`` (新野县王庄镇 is read as 王庄镇 for a 司法所)
        with a new key pair (``keys``: (public, private) given instead, for the tests and a demo whose
        packages were made before). Once only, in a folder without cases of its own; needs EDIT_SETTINGS."""
        found = hub_area(mode, area)
        if not found:
            raise Refused(BAD_AREA_TOWNSHIP if mode is HubMode.TOWNSHIP else BAD_AREA_COUNTY, area=area)
        public, private = keys if keys is not None else crypto.new_hub_keys()
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            existing = identity_in(uow)
            if existing is not None:
                raise Refused(ALREADY_SET_UP, office=existing.office, area=existing.area)
            cases = HubRepository(uow.session).committee_cases()
            if cases:
                raise Refused(HAS_CASES, cases=cases, office=mode.label)
            name = name.strip() or area.strip().removesuffix(mode.label) + mode.label
            stored = crypto.b64(private)
            if uow.sealer is not None:
                stored = uow.sealer.seal(HUB_PRIVATE_SETTING, stored)
            for key, value in ((HUB_MODE_SETTING, mode.value), (HUB_AREA_SETTING, found), (HUB_NAME_SETTING, name),
                               (HUB_PUBLIC_SETTING, crypto.b64(public)), (HUB_PRIVATE_SETTING, stored)):
                uow.settings.set(key, value)
            identity = HubIdentity(mode, found, name, public)
            record(uow, AuditKind.SETTINGS, {"what": "hub_setup", "mode": mode.value, "area": found,
                                             "hub_key": identity.fingerprint})
        return identity

    def write_key_file(self, target: Path) -> Path:
        """The hub's public key as ``hub-key.txt`` (a folder: the file in it), written whole or not at all."""
        identity = self.identity()
        if identity is None:
            raise Refused(NOT_A_HUB)
        target = Path(target)
        if target.is_dir():
            target = target / KEY_FILE_NAME
        partial = target.with_name(target.name + ".partial")
        with open(partial, "w", encoding="ascii", newline="\n") as handle:
            handle.write(crypto.b64(identity.public_key) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        return target
