"""Reading an exchange package (the hub's side, issue 16 items 3 and 6): everything is verified before
anything in it is trusted, and nothing is written.

Order of the checks (docs/exchange-package.md "Reading"): the file's size (a 2 GB file is refused on its
size, unread); the zip's central directory (truncated, not a zip); every member's name (only the format's
own shapes: no absolute path, no .., no drive letter, no backslash, no duplicate, no folder or link) and
its declared size, and their sum; the manifest and its signature (Ed25519, the committee's key; the key
registered for the committee when the hub gives one); the format version; then every member read whole,
no further than its declared size, against the SHA-256 the signed manifest gives (a flipped bit is a zip
CRC error or a hash mismatch); the rows' shape and counts against the manifest.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ...domain.exchange import FORMAT, FORMAT_VERSION, fingerprint
from ...storage.exchange_rows import SPECS
from . import crypto
from .format import (
    BAD_FORMAT, BAD_SIGNATURE, DAMAGED, DOCUMENTS_DIR, FIGURES, MANIFEST, MEMBER_NAME, MEMBER_TOO_BIG,
    NEWER_FORMAT, NOT_A_PACKAGE, NOT_FOR_THIS_HUB, OTHER_KEY, RELAY_KIND, ROWS_DIR, SIGNATURE, TAMPERED, TOMBSTONES,
    TOO_BIG, UNSAFE_NAME, Limits, PackageRefused,
)

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DRIVE = re.compile(r"^[A-Za-z]:")


def _size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    return f"{size / (1 << 20):.1f} MB"


@dataclass
class ExchangePackage:
    """A verified package. ``rows``: table -> its lines as in the package (``personal`` still sealed to the
    hub: ``open_personal``); ``documents``: the manifest's entries (member, path, size, sha256)."""

    path: Path
    manifest: dict
    signing_key: bytes
    rows: dict[str, list[dict]]
    tombstones: list[dict]
    figures: dict
    documents: list[dict] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    @property
    def committee_id(self) -> str:
        return self.manifest["committee"]["id"]

    @property
    def since(self) -> int:
        return self.manifest["since"]

    @property
    def up_to(self) -> int:
        return self.manifest["up_to"]

    @property
    def zero_report(self) -> bool:
        return bool(self.manifest["zero_report"])

    def _refuse(self, reason: str, message: str, **params) -> PackageRefused:
        return PackageRefused(reason, message, name=self.path.name, **params)

    def opener(self, hub_private_key: bytes) -> crypto.RowOpener:
        """What opens the rows' personal fields; PackageRefused when the package was sealed to another hub."""
        opener = crypto.RowOpener(hub_private_key, crypto.unb64(self.manifest["encryption"]["ephemeral_key"]))
        if opener.hub_public != crypto.unb64(self.manifest["hub_key"]["public_key"]):
            raise self._refuse("other_hub", NOT_FOR_THIS_HUB, fingerprint=self.manifest["hub_key"]["fingerprint"])
        return opener

    def open_personal(self, hub_private_key: bytes) -> dict[str, dict[str, dict]]:
        """table -> uuid -> the personal fields of every row, all opened (or PackageRefused for the first
        that does not open: the package is then not imported at all)."""
        opener = self.opener(hub_private_key)
        opened: dict[str, dict[str, dict]] = {}
        for table, lines in self.rows.items():
            if not SPECS[table].personal:
                continue
            for line in lines:
                try:
                    opened.setdefault(table, {})[line["uuid"]] = opener.open(
                        table, line["uuid"], line["row_version"], line["personal"])
                except ValueError:
                    raise self._refuse("tampered", TAMPERED, detail=f"{table} {line['uuid']}") from None
        return opened

    def extract_document(self, entry: dict, target: Path, hub_private_key: bytes) -> None:
        """Write one archived document, opened, to ``target``: its member read again and checked against
        the manifest, then opened (storage/sealing.FileSealer) and its clear SHA-256 checked. Nothing is
        left at ``target`` when a check fails."""
        from ...storage.sealing import FileSealer, SealBroken

        member = entry["member"]
        expected = self.manifest["members"][member]
        sealed = Path(str(target) + ".sealed-part")
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(member) as src, open(sealed, "wb") as dst:
                digest = hashlib.sha256()
                while block := src.read(1 << 20):
                    digest.update(block)
                    dst.write(block)
            if digest.hexdigest() != expected["sha256"]:
                raise self._refuse("tampered", TAMPERED, detail=member)
            public = crypto.unb64(self.manifest["hub_key"]["public_key"])
            FileSealer(public, hub_private_key).open_file(sealed, target, member)
            if _file_sha256(target) != entry["sha256"]:
                raise self._refuse("tampered", TAMPERED, detail=entry["path"])
        except (zipfile.BadZipFile, zlib.error, EOFError, SealBroken):
            Path(target).unlink(missing_ok=True)
            raise self._refuse("damaged", DAMAGED, detail=member) from None
        except BaseException:
            Path(target).unlink(missing_ok=True)
            raise
        finally:
            sealed.unlink(missing_ok=True)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Wording:
    """The messages a refused file gets (the upward package's say 报送包, a return package's 回执包)."""

    too_big: str = TOO_BIG
    member_too_big: str = MEMBER_TOO_BIG
    not_a_package: str = NOT_A_PACKAGE
    damaged: str = DAMAGED
    unsafe_name: str = UNSAFE_NAME
    tampered: str = TAMPERED
    bad_signature: str = BAD_SIGNATURE
    other_key: str = OTHER_KEY
    newer_format: str = NEWER_FORMAT
    bad_format: str = BAD_FORMAT


@dataclass(frozen=True)
class Shape:
    """What a signed zip of this format looks like: the only member names it may have, where its manifest
    names the signing key, the label the signature is over, the members hashed as a stream (large, not
    held in memory: they are read again when used) and its messages."""

    member_name: re.Pattern = MEMBER_NAME
    signing_key_of: Callable[[dict], str] = lambda manifest: _report_signer(manifest)
    label: bytes = crypto.SIGNED_LABEL
    streamed: tuple[str, ...] = (DOCUMENTS_DIR,)
    words: Wording = Wording()


def _report_signer(manifest: dict) -> str:
    """A village's report is signed by its committee; a relay by the township that relays it, which vouches
    for the village's key in it (checked to be a key too)."""
    crypto.unb64(manifest["committee"]["signing_key"])
    signer = manifest["relayed_by"] if manifest.get("kind") == RELAY_KIND else manifest["committee"]
    return signer["signing_key"]


VILLAGE_REPORT = Shape()


def _unsafe(name: str, member_name: re.Pattern = MEMBER_NAME) -> bool:
    """Names a zip-slip would use, or anything outside the format's own shapes."""
    return (not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or _DRIVE.match(name)
            or any(part in ("", ".", "..") for part in name.split("/")) or not member_name.match(name))


def read_package(path: Path, *, trusted_key: bytes | str | None = None, limits: Limits = Limits()) -> ExchangePackage:
    """The verified package at ``path``; PackageRefused (a Chinese message, ``reason`` a short code) for
    anything that does not hold. ``trusted_key``: the committee's Ed25519 public key the hub registered
    (raw or base64); a package signed by another key is refused. Without one (the committee's first
    package) the manifest's own key is checked, and the hub shows its fingerprint to compare by phone."""
    path = Path(path)

    def refuse(reason: str, message: str, **params) -> PackageRefused:
        return PackageRefused(reason, message, name=path.name, **params)

    manifest, signing_key, contents = verify_signed_zip(path, VILLAGE_REPORT, trusted_key=trusted_key, limits=limits)
    return _package(path, manifest, signing_key, contents, refuse)


def verify_signed_zip(path: Path, shape: Shape, *, trusted_key: bytes | str | None = None,
                      limits: Limits = Limits()) -> tuple[dict, bytes, dict[str, bytes]]:
    """(manifest, signing key, member -> bytes of every member not streamed) of the signed zip at ``path``,
    every check of docs/exchange-package.md "Reading" passed; PackageRefused otherwise. Writes nothing."""
    path = Path(path)
    name = path.name
    words = shape.words

    def refuse(reason: str, message: str, **params) -> PackageRefused:
        return PackageRefused(reason, message, name=name, **params)

    try:
        size = os.stat(path).st_size
    except OSError:
        raise refuse("not_a_package", words.not_a_package) from None
    if size > limits.file_bytes:
        raise refuse("too_big", words.too_big, size=_size_text(size), limit=_size_text(limits.file_bytes))
    try:
        zf = zipfile.ZipFile(path)
    except Exception:  # noqa: BLE001 - a cut or garbled central directory fails in many ways; all mean this
        raise refuse("not_a_package", words.not_a_package) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.members:
            raise refuse("too_big", words.member_too_big, limit=f"{limits.members} 个文件")
        seen = set()
        for info in infos:
            mode = info.external_attr >> 16
            if (_unsafe(info.filename, shape.member_name) or info.filename in seen or info.is_dir()
                    or stat.S_ISLNK(mode) or info.flag_bits & 0x1):
                raise refuse("unsafe_name", words.unsafe_name, detail=info.filename[:80])
            seen.add(info.filename)
            if info.file_size > limits.member_bytes:
                raise refuse("too_big", words.member_too_big, limit=_size_text(limits.member_bytes))
        if sum(info.file_size for info in infos) > limits.total_bytes:
            raise refuse("too_big", words.member_too_big, limit=_size_text(limits.total_bytes))
        if MANIFEST not in seen or SIGNATURE not in seen:
            raise refuse("not_a_package", words.not_a_package)

        def read(member: str, most: int) -> bytes:
            info = zf.getinfo(member)
            if info.file_size > most:
                raise refuse("too_big", words.member_too_big, limit=_size_text(most))
            try:
                with zf.open(info) as handle:
                    data = handle.read(most + 1)
            except Exception:  # noqa: BLE001 - CRC, inflate, header: a damaged member whichever it is
                raise refuse("damaged", words.damaged, detail=member) from None
            if len(data) > most:
                raise refuse("too_big", words.member_too_big, limit=_size_text(most))
            return data

        body = read(MANIFEST, limits.manifest_bytes)
        signature = read(SIGNATURE, 1024)
        try:
            manifest = json.loads(body.decode("utf-8"))
            signing_key = crypto.unb64(shape.signing_key_of(manifest))
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
            raise refuse("damaged", words.damaged, detail=MANIFEST) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise refuse("not_a_package", words.not_a_package)
        if trusted_key is not None:
            registered = crypto.unb64(trusted_key) if isinstance(trusted_key, str) else bytes(trusted_key)
            if registered != signing_key:
                raise refuse("other_key", words.other_key, fingerprint=fingerprint(signing_key),
                             registered=fingerprint(registered))
        if not crypto.verify(signing_key, body, signature, shape.label):
            raise refuse("bad_signature", words.bad_signature)
        # Signed, so written by the committee's app: a newer one may have a format this one cannot read.
        version = manifest.get("format_version")
        if not isinstance(version, int) or version < 1:
            raise refuse("bad_format", words.bad_format, detail="format_version")
        if version > FORMAT_VERSION:
            raise refuse("newer_format", words.newer_format, version=version)
        members = manifest.get("members")
        if not isinstance(members, dict) or set(members) != seen - {MANIFEST, SIGNATURE}:
            extra = sorted(set(members or {}) ^ (seen - {MANIFEST, SIGNATURE})) if isinstance(members, dict) else []
            raise refuse("tampered", words.tampered, detail=(extra[0] if extra else "members")[:80])

        contents: dict[str, bytes] = {}
        for member, expected in members.items():
            if not isinstance(expected, dict) or zf.getinfo(member).file_size != expected.get("size"):
                raise refuse("tampered", words.tampered, detail=member)
            if member.startswith(shape.streamed):
                digest = _stream_hash(zf, member, expected["size"], refuse, words)
            else:
                data = read(member, limits.member_bytes)
                contents[member] = data
                digest = hashlib.sha256(data).hexdigest()
            if digest != expected.get("sha256"):
                raise refuse("tampered", words.tampered, detail=member)
    return manifest, signing_key, contents


def _stream_hash(zf: zipfile.ZipFile, member: str, size: int, refuse, words: Wording = Wording()) -> str:
    digest, read = hashlib.sha256(), 0
    try:
        with zf.open(member) as handle:
            while block := handle.read(1 << 20):
                read += len(block)
                if read > size:
                    raise refuse("tampered", words.tampered, detail=member)
                digest.update(block)
    except PackageRefused:
        raise
    except Exception:  # noqa: BLE001 - as in read_package's read()
        raise refuse("damaged", words.damaged, detail=member) from None
    return digest.hexdigest()


def _package(path: Path, manifest: dict, signing_key: bytes, contents: dict[str, bytes], refuse) -> ExchangePackage:
    """The rows, figures and tombstones parsed, and checked against the manifest's counts."""
    def lines(member: str) -> list[dict]:
        try:
            found = [json.loads(line) for line in contents[member].decode("utf-8").splitlines() if line]
        except (ValueError, UnicodeDecodeError):
            raise refuse("bad_format", BAD_FORMAT, detail=member) from None
        if not all(isinstance(line, dict) for line in found):
            raise refuse("bad_format", BAD_FORMAT, detail=member)
        return found

    try:
        counts = manifest["counts"]
        rows: dict[str, list[dict]] = {}
        for member in contents:
            if member.startswith(ROWS_DIR):
                table = member[len(ROWS_DIR):-len(".jsonl")]
                if table not in SPECS:
                    raise refuse("bad_format", BAD_FORMAT, detail=member)
                rows[table] = lines(member)
                for line in rows[table]:
                    if (not isinstance(line.get("uuid"), str) or not _UUID.match(line["uuid"])
                            or not isinstance(line.get("row_version"), int) or not isinstance(line.get("fields"), dict)
                            or (SPECS[table].personal and not isinstance(line.get("personal"), str))):
                        raise refuse("bad_format", BAD_FORMAT, detail=member)
                if counts.get(table) != len(rows[table]):
                    raise refuse("tampered", TAMPERED, detail=member)
        tombstones = lines(TOMBSTONES) if TOMBSTONES in contents else []
        if counts.get("tombstones", 0) != len(tombstones):
            raise refuse("tampered", TAMPERED, detail=TOMBSTONES)
        figures = json.loads(contents[FIGURES].decode("utf-8"))
        documents = manifest["documents"]
        if counts.get("documents", 0) != len(documents) or any(
                d.get("member") not in manifest["members"] for d in documents):
            raise refuse("tampered", TAMPERED, detail="documents")
        for key in ("since", "up_to"):
            if not isinstance(manifest[key], int):
                raise refuse("bad_format", BAD_FORMAT, detail=key)
        crypto.unb64(manifest["encryption"]["ephemeral_key"])
        crypto.unb64(manifest["hub_key"]["public_key"])
    except PackageRefused:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, UnicodeDecodeError, binascii.Error):
        raise refuse("bad_format", BAD_FORMAT, detail=MANIFEST) from None
    return ExchangePackage(path, manifest, signing_key, rows, tombstones, figures, documents)


__all__ = ["ExchangePackage", "Limits", "PackageRefused", "Shape", "Wording", "read_package", "verify_signed_zip"]
