"""Personal data sealed at rest (issue 15 item 4, PIPL Art. 51 加密): the parties' phones, addresses and ID
numbers, the 明白人's and the role lists' phones, and the people in the printed documents' JSON are kept
in the database encrypted field by field (AES-256-GCM, ``cryptography``), each sealed value bound to its
field's name. Beside the fields the app looks up (a phone, an ID number) a keyed hash (HMAC-SHA256) does
the duplicate checks and exact searches that an equality on the clear text did.

The key is the data key of issue 15 (services/keys.py: random, wrapped by each account's password and by
the recovery key, never on the PC in clear). From it HKDF-SHA256 derives three keys: one seals, one
hashes, one makes the key's fingerprint (kept in the settings, so that data sealed with another key is
told apart from a tampered value, and a backup of another committee refused, without the key itself).

Why field-level and not the whole file (SQLCipher, SQLite3 Multiple Ciphers): README.md "个人信息加密".

What is sealed where: the repositories seal on the way in and open on the way out (services and the
domain see clear values), storage/bulk.py seals the rows it writes, ``seal_clear_rows`` seals a folder
that was clear (the first data key). The columns are listed in ``SEALED_COLUMNS`` and ``SEALED_JSON``.

A value without the prefix is clear text (written before the first data key, or "" which stays "") and
is returned as it is. A sealed value read with no sealer installed raises KeyRequired, never "": an
edit form saved back would wipe the value.

Plain Python plus ``cryptography``: no SQLAlchemy here (backups and the accounts import it).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from pathlib import Path
from typing import Any, Callable, Iterable

from ..domain.errors import Refused
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identity import normalise_id_number, normalise_phone

PREFIX = "xs1:"  # a sealed string: PREFIX + base64(nonce | ciphertext | tag)
JSON_PREFIX = "xj1:"  # a sealed JSON value (a document's parties): the same, of its JSON text
KEY_BYTES = 32
_NONCE = 12
_AAD = b"xinye-field-1:"

# The settings row holding the fingerprint of the key the data is sealed with (absent: the data is clear).
KEY_CHECK_SETTING = "personal_data_key"

# table -> {sealed column: its keyed-hash column, or None when nothing looks it up}. The hash kind is the
# column's name: a phone hashes alike in every table (a 明白人 who is also a party is found by either).
SEALED_COLUMNS: dict[str, dict[str, str | None]] = {
    "parties": {"phone": "phone_hash", "address": None, "id_number": "id_number_hash"},
    "elders": {"phone": "phone_hash"},
    "role_people": {"phone": None},
    "hub_roster": {"name": None, "phone": None},  # the hub's roster (services/hub/roster.py): its own data key
}
# table -> its JSON columns whose personal parts are sealed (seal_document).
SEALED_JSON: dict[str, tuple[str, ...]] = {
    "agreements": ("content", "document"),
    "issued_documents": ("document",),
}
HASH_KINDS = ("phone", "id_number")

# Inside a document's JSON: keys whose whole value (the people, with their phones and addresses, also
# the 受理登记表's positional rows and the 申请书's 联系方式 pairs) is sealed as one JSON value; keys whose
# string is sealed; keys never sealed (the "archive" facts check reads with json_extract, the amounts
# the statistics sum); and any other string that holds a phone or an ID number (the 司法确认申请书 writes
# "申请人：…，联系电话：1xxxxxxxxxx。" as prose) is sealed whole.
SUBTREE_KEYS = frozenset({"parties", "applicants"})
PERSONAL_KEYS = frozenset({"phone", "address", "id_number"})
CLEAR_KEYS = frozenset({"archive", "amount", "amount_text", "case_number", "agreement_number", "kind", "code"})
_NUMBERS = re.compile(r"(?<![0-9A-Za-z])(?:1[3-9]\d{9}|\d{17}[\dXx]|\d{15}|0\d{2,3}-?\d{7,8})(?![0-9A-Za-z])")

_FILE_MAGIC = b"xinye-sealed-file-2\n"
_FILE_CHUNK = 1 << 20


class KeyRequired(Refused):
    """A sealed value was read, or a personal value was to be written into data that is sealed, while no
    one is logged in (no sealer installed)."""

    def __init__(self):
        super().__init__(QT_TRANSLATE_NOOP("Validation", "需要登录后才能读取当事人的个人信息。"))


class SealBroken(Refused):
    """A sealed value (or file) that this key does not open: sealed with another key, or changed."""

    def __init__(self, field: str = ""):
        super().__init__(QT_TRANSLATE_NOOP(
            "Validation", "当事人的个人信息打不开：数据是用另一把密钥加密的，或者已被改动。请从备份恢复。"))
        self.field = field


class OtherKey(SealBroken):
    """Data (or a backup) sealed with another data key than this one: another committee's."""

    def __init__(self):
        Refused.__init__(self, QT_TRANSLATE_NOOP(
            "Validation", "这份数据是用另一个调委会（另一把数据密钥）加密的，用这里的账号打不开。什么都没有改动。"))
        self.field = ""


def is_sealed(value: Any) -> bool:
    return isinstance(value, str) and (value.startswith(PREFIX) or value.startswith(JSON_PREFIX))


def blind_normalise(kind: str, value: str) -> str:
    """The form a value is hashed in, so that "139 0377 1234" finds 13903771234 (a value that is not a
    phone, e.g. part of one typed in a search box, as typed without spaces)."""
    value = (value or "").strip()
    if not value:
        return ""
    if kind == "phone":
        try:
            return normalise_phone(value)
        except ValueError:
            return re.sub(r"\s", "", value)
    if kind == "id_number":
        return normalise_id_number(value)
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


class FieldSealer:
    """Seals and opens one field's value with the data key. Thread-safe (no state changes after __init__)."""

    def __init__(self, data_key: bytes):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        if not isinstance(data_key, bytes) or len(data_key) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")

        def derive(info: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(data_key)

        self._aead = AESGCM(derive(b"xinye field sealing 1"))
        self._blind_key = derive(b"xinye blind index 1")
        self.fingerprint = derive(b"xinye key check 1")[:12].hex()

    def __repr__(self) -> str:
        return f"FieldSealer({self.fingerprint[:6]}…)"

    # -- one value --------------------------------------------------------------------------------
    def seal(self, field: str, text: str, *, prefix: str = PREFIX) -> str:
        """``text`` encrypted for ``field``; "" stays "" (nothing to hide, and "no phone" stays visible
        to the counts)."""
        if not text:
            return ""
        nonce = os.urandom(_NONCE)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), _AAD + field.encode("utf-8"))
        return prefix + _b64(nonce + sealed)

    def open(self, field: str, stored: str) -> str:
        """The clear text of a value ``seal`` made for ``field``; a value without the prefix is clear text
        from before the data was sealed and comes back as it is. SealBroken for a changed value, one
        sealed with another key or for another field."""
        if not is_sealed(stored):
            return stored
        from cryptography.exceptions import InvalidTag

        try:
            raw = _unb64(stored[len(PREFIX):])
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], _AAD + field.encode("utf-8")).decode("utf-8")
        except (ValueError, InvalidTag, UnicodeDecodeError):
            raise SealBroken(field) from None

    def blind(self, kind: str, normalised_value: str) -> str:
        """The keyed hash of a value (normalised by the caller, see blind_normalise): equal values give
        equal hashes under one key, and nobody without the key can test a guessed phone against it.
        "" for "" (so that "no phone" still equals "no phone")."""
        if not normalised_value:
            return ""
        mac = hmac.new(self._blind_key, kind.encode("utf-8") + b"\0" + normalised_value.encode("utf-8"), hashlib.sha256)
        return mac.hexdigest()[:32]

    # -- JSON documents ---------------------------------------------------------------------------
    def seal_document(self, document: Any) -> Any:
        """A copy of ``document`` (a printed agreement, an issued document, a form as typed) with its
        personal parts sealed (see SUBTREE_KEYS, PERSONAL_KEYS, _NUMBERS); the rest as it was."""
        return self._seal_tree(document, None)

    def open_document(self, document: Any) -> Any:
        """The inverse of seal_document: equal to the document that was sealed."""
        return _open_tree(self, document, None)

    def _seal_tree(self, value: Any, key: str | None) -> Any:
        if key in CLEAR_KEYS or is_sealed(value):
            return value
        if key in SUBTREE_KEYS and value:
            return self.seal("json." + key, json.dumps(value, ensure_ascii=False, default=str), prefix=JSON_PREFIX)
        if isinstance(value, dict):
            return {k: self._seal_tree(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._seal_tree(v, key) for v in value]
        if isinstance(value, str) and value and (key in PERSONAL_KEYS or _NUMBERS.search(value)):
            return self.seal(f"json.{key or ''}", value)
        return value

    # -- the backup key pair ----------------------------------------------------------------------
    def new_backup_keys(self) -> tuple[str, str]:
        """A new X25519 key pair for the documents inside backups: (the public key, base64, kept clear in
        the settings so that a backup made before anyone logs in seals its documents too; the private
        key sealed with the data key, so that only a logged-in session opens them)."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        private = X25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        return _b64(public), self.seal(BACKUP_PRIVATE_SETTING, _b64(private.private_bytes_raw()))

    def backup_file_sealer(self, public: str, sealed_private: str) -> "FileSealer":
        """The FileSealer that also opens: the private key opened with the data key (SealBroken if not)."""
        return FileSealer(_unb64(public), _unb64(self.open(BACKUP_PRIVATE_SETTING, sealed_private)))

    # -- the committee's signing key pair (issue 16: the exchange packages it signs) -----------------------
    def new_signing_keys(self) -> tuple[str, str]:
        """A new Ed25519 key pair that signs the committee's exchange packages: (the public key, base64,
        clear in the settings: the hub registers it, and it is shown as a fingerprint to read over the
        phone; the private key sealed with the data key, so that only a logged-in session signs)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        private = Ed25519PrivateKey.generate()
        public = private.public_key().public_bytes_raw()
        return _b64(public), self.seal(SIGNING_PRIVATE_SETTING, _b64(private.private_bytes_raw()))

    def signing_key(self, sealed_private: str):
        """The committee's Ed25519 private key (cryptography's Ed25519PrivateKey), opened with the data key
        (SealBroken if it does not open it)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(_unb64(self.open(SIGNING_PRIVATE_SETTING, sealed_private)))


BACKUP_PUBLIC_SETTING = "backup_public_key"
BACKUP_PRIVATE_SETTING = "backup_private_key"
SIGNING_PUBLIC_SETTING = "committee_signing_public_key"
SIGNING_PRIVATE_SETTING = "committee_signing_private_key"


class FileSealer:
    """Seals a file (a document inside a backup) to the committee's backup public key, and opens it with
    the private key. Sealing needs no login (the start backup runs before one); opening does (the private
    key is sealed with the data key, FieldSealer.backup_file_sealer).

    Format: a magic line, the key's id, an ephemeral X25519 public key and an 8-byte nonce prefix, then
    chunks of 1 MiB, each AES-256-GCM under a key derived (HKDF-SHA256) from the X25519 exchange, its
    number and whether it is the last in the nonce, the file's name in the AAD: a chunk changed, moved,
    dropped or cut off the end, or the file renamed, does not open."""

    def __init__(self, public_key: bytes, private_key: bytes | None = None):
        self._public = public_key
        self._private = private_key
        self.key_id = hashlib.sha256(b"xinye backup key 1" + public_key).hexdigest()[:24]

    def _file_aead(self, shared: bytes, ephemeral: bytes):
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"xinye backup file 1" + ephemeral + self._public).derive(shared)
        return AESGCM(key)

    def seal_file(self, source: Path, target: Path, name: str) -> None:
        """Write ``source`` sealed to ``target`` (fsynced), bound to ``name`` (its place in the backup)."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes_raw()
        aead = self._file_aead(ephemeral.exchange(X25519PublicKey.from_public_bytes(self._public)), ephemeral_public)
        prefix = os.urandom(8)
        aad = _FILE_MAGIC + name.encode("utf-8")
        with open(source, "rb") as src, open(target, "wb") as dst:
            dst.write(_FILE_MAGIC + bytes.fromhex(self.key_id) + ephemeral_public + prefix)
            block, number = src.read(_FILE_CHUNK), 0
            while True:
                following = src.read(_FILE_CHUNK) if block else b""
                last = not following
                nonce = prefix + number.to_bytes(3, "big") + (b"\1" if last else b"\0")
                dst.write(aead.encrypt(nonce, block, aad))
                if last:
                    break
                block, number = following, number + 1
            dst.flush()
            os.fsync(dst.fileno())

    def open_file(self, source: Path, target: Path, name: str) -> None:
        """Write the clear content of a file seal_file made to ``target`` (fsynced). OtherKey when it was
        sealed to another committee's key, SealBroken when it was changed; ``target`` is then removed."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

        if self._private is None:
            raise KeyRequired()
        aad = _FILE_MAGIC + name.encode("utf-8")
        head = len(_FILE_MAGIC) + 12 + 32 + 8
        try:
            with open(source, "rb") as src, open(target, "wb") as dst:
                header = src.read(head)
                if len(header) != head or not header.startswith(_FILE_MAGIC):
                    raise SealBroken(name)
                if header[len(_FILE_MAGIC):len(_FILE_MAGIC) + 12].hex() != self.key_id:
                    raise OtherKey()
                ephemeral_public, prefix = header[-40:-8], header[-8:]
                try:
                    shared = X25519PrivateKey.from_private_bytes(self._private).exchange(
                        X25519PublicKey.from_public_bytes(ephemeral_public))
                except ValueError:
                    raise SealBroken(name) from None
                aead = self._file_aead(shared, ephemeral_public)
                size = os.fstat(src.fileno()).st_size
                number = 0
                while True:
                    chunk = src.read(_FILE_CHUNK + 16)
                    last = src.tell() >= size
                    nonce = prefix + number.to_bytes(3, "big") + (b"\1" if last else b"\0")
                    try:
                        dst.write(aead.decrypt(nonce, chunk, aad))
                    except (InvalidTag, ValueError):
                        raise SealBroken(name) from None
                    if last:
                        break
                    number += 1
                dst.flush()
                os.fsync(dst.fileno())
        except BaseException:
            Path(target).unlink(missing_ok=True)
            raise


def file_sealer(settings: dict[str, str], sealer: FieldSealer | None = None) -> FileSealer | None:
    """The committee's FileSealer from its settings (None while the data has no key): one that only seals,
    or with ``sealer`` one that opens too."""
    public = settings.get(BACKUP_PUBLIC_SETTING)
    if not public:
        return None
    if sealer is not None and settings.get(BACKUP_PRIVATE_SETTING):
        return sealer.backup_file_sealer(public, settings[BACKUP_PRIVATE_SETTING])
    return FileSealer(_unb64(public))


def is_sealed_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(_FILE_MAGIC)) == _FILE_MAGIC


def sealed_file_key_id(path: Path) -> str | None:
    """The id of the backup key a sealed file was sealed to, or None for a file that is not sealed."""
    with open(path, "rb") as handle:
        header = handle.read(len(_FILE_MAGIC) + 12)
    if not header.startswith(_FILE_MAGIC) or len(header) < len(_FILE_MAGIC) + 12:
        return None
    return header[len(_FILE_MAGIC):].hex()


def _open_tree(sealer: FieldSealer | None, value: Any, key: str | None) -> Any:
    if isinstance(value, str):
        if value.startswith(JSON_PREFIX):
            if sealer is None:
                raise KeyRequired()
            return json.loads(sealer.open("json." + (key or ""), PREFIX + value[len(JSON_PREFIX):]))
        if value.startswith(PREFIX):
            if sealer is None:
                raise KeyRequired()
            return sealer.open(f"json.{key or ''}", value)
        return value
    if isinstance(value, dict):
        return {k: (v if k in CLEAR_KEYS else _open_tree(sealer, v, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_open_tree(sealer, v, key) for v in value]
    return value


class Sealing:
    """What one transaction's repositories seal and open with: the installed sealer, or None while no
    one is logged in. ``keyed``: whether the data is sealed (asked only when a personal value is to be
    written with no sealer: then it is refused with KeyRequired rather than written in clear)."""

    def __init__(self, sealer: FieldSealer | None = None, keyed: Callable[[], bool] = lambda: False):
        self.sealer = sealer
        self._keyed = keyed
        self._keyed_answer: bool | None = None

    def _must_seal(self) -> bool:
        if self._keyed_answer is None:
            self._keyed_answer = bool(self._keyed())
        return self._keyed_answer

    def seal(self, field: str, text: str, stored: str | None = None) -> str:
        """The value to store for ``text``: sealed when a sealer is installed, else clear (refused with
        KeyRequired when the data is sealed). ``stored``: the value on file, kept when it holds the same
        text (a save that changes nothing writes nothing)."""
        if not text:
            return ""
        if self.sealer is None:
            if self._must_seal():
                raise KeyRequired()
            return text
        if stored and is_sealed(stored):
            try:
                if self.sealer.open(field, stored) == text:
                    return stored
            except SealBroken:
                pass  # overwritten by the new value
        return self.sealer.seal(field, text)

    def open(self, field: str, stored: str | None) -> str:
        if not stored or not is_sealed(stored):
            return stored or ""
        if self.sealer is None:
            raise KeyRequired()
        return self.sealer.open(field, stored)

    def blind(self, kind: str, value: str) -> str | None:
        """The keyed hash to store beside a value (None while no sealer: the value is clear then)."""
        if self.sealer is None:
            return None
        return self.sealer.blind(kind, blind_normalise(kind, value))

    def seal_json(self, document: Any, dumps: Callable[[Any], str], stored: str | None = None) -> str:
        """``document`` as the JSON text to store (``dumps`` is the column's serialiser), its personal
        parts sealed; ``stored`` kept when it holds the same document."""
        if self.sealer is None:
            if self._must_seal() and _has_personal_parts(document):
                raise KeyRequired()
            return dumps(document)
        if stored:
            try:
                if self.open_json(stored) == document:
                    return stored
            except (SealBroken, ValueError):
                pass
        return dumps(self.sealer.seal_document(document))

    def open_json(self, stored: str | None) -> Any:
        """The document stored as JSON text, opened (json.loads of it when nothing is sealed)."""
        if stored is None:
            return None
        document = json.loads(stored)
        if PREFIX not in stored and JSON_PREFIX not in stored:
            return document  # clear: nothing to walk
        return _open_tree(self.sealer, document, None)


def _has_personal_parts(document: Any) -> bool:
    """Whether sealing would change anything in ``document`` (some personal part in it)."""
    probe = _Probe()
    probe._seal_tree(document, None)
    return probe.found


class _Probe(FieldSealer):
    """seal_document's walk without a key: notes whether anything would be sealed."""

    def __init__(self):  # noqa: D107 - no key: seal() only notes
        self.found = False

    def seal(self, field: str, text: str, *, prefix: str = PREFIX) -> str:
        self.found = self.found or bool(text)
        return text


# -- rows (storage/bulk.py and the first sealing of a clear folder) -------------------------------------

def seal_row(sealing: Sealing, table: str, row: dict) -> dict:
    """A copy of a row (a dict keyed by column name) of ``table`` with its personal columns sealed and
    their hash columns filled; rows of other tables come back as they are."""
    columns = SEALED_COLUMNS.get(table)
    documents = SEALED_JSON.get(table)
    if not columns and not documents:
        return row
    out = dict(row)
    for column, hash_column in (columns or {}).items():
        if column in out and out[column] is not None:
            clear = sealing.open(column, out[column])
            out[column] = sealing.seal(column, clear)
            if hash_column is not None:
                out[hash_column] = sealing.blind(column, clear)
    for column in documents or ():
        value = out.get(column)
        if isinstance(value, str) and value:
            out[column] = sealing.seal_json(sealing.open_json(value), json_dumps(table, column))
    return out


def json_dumps(table: str, column: str) -> Callable[[Any], str]:
    """The serialiser a JSON column is written with: the printed documents canonical (sorted, no spaces:
    their digest is of that form), the agreement's form as typed with json.dumps's defaults."""
    if (table, column) == ("agreements", "content"):
        return lambda value: json.dumps(value, ensure_ascii=False)
    from ..domain.agreement import canonical_json

    return canonical_json


# The case history keeps ID numbers and phones masked (services/intake.py); an address is kept as typed,
# so its old and new values are sealed too. The label is the one intake writes (context "History"), after
# the party's number: "当事人1·住址".
HISTORY_SEALED_LABELS = frozenset({"住址"})


def is_sealed_history_label(label: Any) -> bool:
    return isinstance(label, str) and any(label == name or label.endswith("·" + name) for name in HISTORY_SEALED_LABELS)


def seal_history_changes(sealing: Sealing, changes: Iterable) -> list:
    """[label, old, new] entries of a history line with an address's old and new values sealed."""
    return [_history_entry(entry, lambda value: sealing.seal("history.address", value or "")) for entry in changes]


def open_history_changes(sealing: Sealing, changes: Iterable) -> list:
    return [_history_entry(entry, lambda value: sealing.open("history.address", value)) for entry in changes]


def _history_entry(entry, convert: Callable[[Any], Any]) -> list:
    entry = list(entry)
    if len(entry) >= 3 and is_sealed_history_label(entry[0]):
        entry[1], entry[2] = convert(entry[1]), convert(entry[2])
    return entry
