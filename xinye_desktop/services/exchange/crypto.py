"""The package's cryptography (docs/exchange-package.md "Crypto"), with ``cryptography``'s primitives only.

- Personal fields of the rows: one ephemeral X25519 key pair per package; the key agreed with the hub's
  public key goes through HKDF-SHA256 (bound to both public keys) to an AES-256-GCM key; each row's
  personal fields are one JSON object sealed under it with a random 96-bit nonce, the table, the row's
  uuid and its row version as associated data (a sealed part moved to another row does not open).
- Archived documents: storage/sealing.FileSealer to the hub's key (its own ephemeral X25519 key per file,
  1 MiB AES-256-GCM chunks, bound to the member's name).
- The manifest: Ed25519, the committee's key, over a fixed label and the manifest's exact bytes.
"""

from __future__ import annotations

import base64
import binascii
import json
import os

from ...domain.errors import Refused
from ...domain.i18n import QT_TRANSLATE_NOOP

ROWS_SCHEME = "X25519-HKDF-SHA256-AES-256-GCM"
DOCUMENTS_SCHEME = "xinye-sealed-file-2"
SIGNATURE_SCHEME = "Ed25519"
SIGNED_LABEL = b"xinye exchange manifest 1\n"
RETURN_SIGNED_LABEL = b"xinye return manifest 1\n"  # a hub's signature of a return package is never a village's
_ROWS_INFO = b"xinye exchange rows 1"
RETURN_INFO = b"xinye return package 1"  # the hub's return package: its free text sealed to the village
_ROW_AAD = "xinye-exchange-row-1\n{table}\n{uuid}\n{row_version}"
_NONCE = 12

BAD_HUB_KEY = QT_TRANSLATE_NOOP("Exchange", "司法所的公钥不对（应是 32 字节的 X25519 公钥）：报送包没有生成。")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Base64 with or without its padding (the settings keep keys unpadded, storage/sealing.py)."""
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def hub_public_key(value: bytes | str) -> bytes:
    """The hub's X25519 public key from its 32 raw bytes or their base64; Refused otherwise."""
    if isinstance(value, str):
        try:
            value = unb64(value.strip())
        except (binascii.Error, ValueError):
            raise Refused(BAD_HUB_KEY) from None
    if not isinstance(value, bytes) or len(value) != 32:
        raise Refused(BAD_HUB_KEY)
    return value


def _row_key(shared: bytes, ephemeral_public: bytes, hub_public: bytes, info: bytes = _ROWS_INFO):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=info + ephemeral_public + hub_public).derive(shared)
    return AESGCM(key)


def _aad(table: str, uuid: str, row_version: int) -> bytes:
    return _ROW_AAD.format(table=table, uuid=uuid, row_version=row_version).encode("utf-8")


class RowSealer:
    """Seals the personal fields of one package's rows to the hub's public key (or, with ``info`` =
    RETURN_INFO, the free text of a return package to the village's X25519 key: the same construction,
    another HKDF label, so that a key agreed for one never opens the other)."""

    def __init__(self, hub_public: bytes, *, info: bytes = _ROWS_INFO):
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

        ephemeral = X25519PrivateKey.generate()
        self.ephemeral_public = ephemeral.public_key().public_bytes_raw()
        self.hub_public = hub_public
        try:
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(hub_public))
        except ValueError:  # a low-order point: no key to agree on
            raise Refused(BAD_HUB_KEY) from None
        self._aead = _row_key(shared, self.ephemeral_public, hub_public, info)

    def seal(self, table: str, uuid: str, row_version: int, personal: dict) -> str:
        nonce = os.urandom(_NONCE)
        text = json.dumps(personal, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return b64(nonce + self._aead.encrypt(nonce, text, _aad(table, uuid, row_version)))


class RowOpener:
    """Opens them, with the hub's private key (32 raw bytes)."""

    def __init__(self, hub_private: bytes, ephemeral_public: bytes, *, info: bytes = _ROWS_INFO):
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

        private = X25519PrivateKey.from_private_bytes(hub_private)
        self.hub_public = private.public_key().public_bytes_raw()
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        self._aead = _row_key(shared, ephemeral_public, self.hub_public, info)

    def open(self, table: str, uuid: str, row_version: int, sealed: str) -> dict:
        """The personal fields; ValueError when they do not open (another hub's key, or changed)."""
        from cryptography.exceptions import InvalidTag

        try:
            raw = unb64(sealed)
            text = self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], _aad(table, uuid, row_version))
            value = json.loads(text.decode("utf-8"))
        except (InvalidTag, binascii.Error, ValueError, UnicodeDecodeError):
            raise ValueError(f"the personal fields of {table} {uuid} do not open") from None
        if not isinstance(value, dict):
            raise ValueError(f"the personal fields of {table} {uuid} are not an object")
        return value


def sign(private_key, manifest: bytes, label: bytes = SIGNED_LABEL) -> bytes:
    return private_key.sign(label + manifest)


def verify(public_key: bytes, manifest: bytes, signature: bytes, label: bytes = SIGNED_LABEL) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, label + manifest)
    except (InvalidSignature, ValueError):
        return False
    return True


def new_hub_keys() -> tuple[bytes, bytes]:
    """(public, private) raw bytes of a new X25519 key pair: the hub's (issue 16 item 3 keeps its own;
    the tests and the demo use this)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    return private.public_key().public_bytes_raw(), private.private_bytes_raw()
