"""Passwords and the data key (issue 15): the slow salted hash a password is kept as, and the random
32-byte data key wrapped (AES-256-GCM) by a key derived from each account's password and, once, from
the recovery key printed at set-up. The key itself is never written to the PC in clear.

The KDF, measured with benchmarks/password_hash.py on this 2-CPU machine (median of 5, one thread):

    argon2id  m=64 MiB, t=2   0.106 s       scrypt  N=2^15, r=8 (32 MiB)   0.092 s
    argon2id  m=64 MiB, t=3   0.146 s       scrypt  N=2^16, r=8 (64 MiB)   0.195 s
    argon2id  m=64 MiB, t=4   0.182 s       scrypt  N=2^17, r=8 (128 MiB)  0.404 s
    argon2id  m=128 MiB, t=2  0.220 s

Chosen: argon2id (argon2-cffi), m=64 MiB, t=3, p=1 — RFC 9106's second recommended setting (64 MiB)
with one more pass, 0.15 s here, so a login (the hash, then the key's unwrap: two runs) takes about
0.3 s, and 0.6 s on a PC half as fast. At equal memory it is quicker than scrypt for us yet costs an
attacker as much per guess; its first pass does not depend on the password, which scrypt's does (a
cache side channel on a shared PC); and argon2-cffi ships wheels for Windows and Linux, so the bundle
needs no compiler. scrypt (standard library) is still verified where a stored hash names it, so a
database is never locked out by a missing package version.

A stored hash or wrapped key names its KDF and cost, so the cost can be raised later: a login with a
hash of a lower cost than the service's rehashes it (``needs_rehash``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass

DATA_KEY_BYTES = 32
_AAD = b"xinye-data-key-1"  # the wrapped data key is bound to this purpose


@dataclass(frozen=True)
class KdfCost:
    """argon2id's cost: memory in KiB, passes, lanes."""

    memory_kib: int = 65536
    time_cost: int = 3
    parallelism: int = 1

    def __str__(self) -> str:
        return f"argon2id m={self.memory_kib // 1024} MiB, t={self.time_cost}, p={self.parallelism}"


PASSWORD_COST = KdfCost()
PASSWORD_KDF = str(PASSWORD_COST)


class WrongSecret(ValueError):
    """The password or recovery key does not open this wrapped key."""


# -- the password's hash ------------------------------------------------------------------------------

def hash_password(password: str, cost: KdfCost = PASSWORD_COST) -> str:
    """The PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash) of a fresh random salt."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_kib,
                          parallelism=cost.parallelism).hash(password)


def verify_password(stored: str, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made of (argon2id, or scrypt as a fallback)."""
    if stored.startswith("$argon2"):
        from argon2 import PasswordHasher
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return PasswordHasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    if stored.startswith("$scrypt$"):
        return _verify_scrypt(stored, password)
    return False


def needs_rehash(stored: str, cost: KdfCost = PASSWORD_COST) -> bool:
    from argon2 import PasswordHasher

    if not stored.startswith("$argon2id$"):
        return True
    return PasswordHasher(time_cost=cost.time_cost, memory_cost=cost.memory_kib,
                          parallelism=cost.parallelism).check_needs_rehash(stored)


_DUMMY: dict[KdfCost, str] = {}


def spend_like_a_login(password: str, cost: KdfCost = PASSWORD_COST) -> None:
    """Verify against a hash of nothing, so that a login for an unknown user name takes as long as one
    for a real account (the time does not tell which names exist)."""
    if cost not in _DUMMY:
        _DUMMY[cost] = hash_password("not a password: " + os.urandom(8).hex(), cost)
    verify_password(_DUMMY[cost], password)


def scrypt_hash(password: str, *, log_n: int = 16, r: int = 8, p: int = 1) -> str:
    """$scrypt$ln=16,r=8,p=1$salt$hash: the standard-library alternative (see the module's doc)."""
    salt = os.urandom(16)
    digest = _scrypt(password.encode(), salt, log_n, r, p)
    return f"$scrypt$ln={log_n},r={r},p={p}${_b64(salt)}${_b64(digest)}"


def _scrypt(secret: bytes, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=2 ** log_n, r=r, p=p, dklen=32, maxmem=130 * r * 2 ** log_n + 2 ** 20)


def _verify_scrypt(stored: str, password: str) -> bool:
    try:
        _, _, params, salt, digest = stored.split("$")
        values = dict(part.split("=") for part in params.split(","))
        log_n, r, p = int(values["ln"]), int(values["r"]), int(values["p"])
        if not (10 <= log_n <= 20 and 1 <= r <= 32 and 1 <= p <= 4):
            return False
        computed = _scrypt(password.encode(), _unb64(salt), log_n, r, p)
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(computed, _unb64(digest))


# -- the data key -------------------------------------------------------------------------------------

def new_data_key() -> bytes:
    return os.urandom(DATA_KEY_BYTES)


def wrap_key(data_key: bytes, secret: str, cost: KdfCost = PASSWORD_COST) -> str:
    """The data key encrypted with a key derived from ``secret`` (a password or the recovery key):
    ``1$argon2id$m,t,p$salt$nonce$ciphertext`` (base64), AES-256-GCM, so a wrong secret or a changed
    byte is told apart from the key on unwrapping."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    kek = _derive(secret, salt, cost)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _AAD)
    params = f"{cost.memory_kib},{cost.time_cost},{cost.parallelism}"
    return "$".join(("1", "argon2id", params, _b64(salt), _b64(nonce), _b64(sealed)))


def unwrap_key(wrapped: str, secret: str) -> bytes:
    """The data key, or WrongSecret."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        version, kdf, params, salt, nonce, sealed = wrapped.split("$")
        memory, time_cost, lanes = (int(v) for v in params.split(","))
        if version != "1" or kdf != "argon2id" or not (8 <= memory <= 2 ** 21 and 1 <= time_cost <= 20 and 1 <= lanes <= 8):
            raise WrongSecret("unknown wrapping")
        kek = _derive(secret, _unb64(salt), KdfCost(memory, time_cost, lanes))
        return AESGCM(kek).decrypt(_unb64(nonce), _unb64(sealed), _AAD)
    except (ValueError, InvalidTag) as err:
        raise WrongSecret(str(err) or "wrong secret") from None


def _derive(secret: str, salt: bytes, cost: KdfCost) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=cost.time_cost, memory_cost=cost.memory_kib,
                           parallelism=cost.parallelism, hash_len=32, type=Type.ID)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
