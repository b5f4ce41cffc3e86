"""The 司法局's side of a 司法所's relay package (services/hub/relay.py writes it; docs/exchange-package.md
"The relay package"). services/hub/importer.py imports a relay through the same path as a village's package
(rows newer or older, idempotence, flags, documents, one transaction, the summary); what differs is here:

- only a 司法局 takes a relay (a 司法所 refuses it: its villages send to it directly);
- the relaying township must be of the county, and the village it relays of that township;
- the township's signing key is registered on its first relay (trust on first use, keyed by the township:
  a second 司法所 folder made for 王庄镇 with a new key is refused, as a stolen drive re-signed would be;
  the summary gives the fingerprint to compare by phone), in the setting ``hub_relay_townships``;
- the village's key comes vouched by the township: registered as the village's on its first package, or it
  must equal the one the county already holds (from a package the village sent directly, or an earlier relay);
- the figures carry every month not relayed before, each kept where it is newer (by the village's mark) than
  what the county holds for that month;
- the keys of the village the township revoked (manifest ``revocations``) are revoked at the county too, in
  the import's transaction, as ``hub-revoke-key`` revokes them there (services/hub/committees.py: the same
  ``hub_revoked_keys`` row, the committee's key no longer confirmed and its return key forgotten when it is
  the one revoked), each with an audit row naming the township's office: a village package signed by such a
  key is refused at the county from then on. A revocation the county holds already is left as it is. The
  relay may vouch for a key it revokes itself (the township took those rows before it revoked the key, and
  keeps them, as any hub does); a key the county revoked that the relay does not list as revoked is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Iterable

from ...domain.exchange import fingerprint
from ...domain.hub import HubMode, county_of
from ..exchange import crypto
from ..exchange.format import TAMPERED, PackageRefused, dumps
from . import messages as m
from . import relay_messages as r
from .committees import revoke_in

RELAY_TOWNSHIPS_SETTING = "hub_relay_townships"  # JSON: township (王庄镇) -> its registered signing key
_PERIOD = re.compile(r"^\d{4}-\d{2}$")
# The "table" a relayed revocation's sealed part (who revoked the key, and why) is bound to, with the committee
# and the revocation's number at the township (services/hub/relay.py seals it; apply_revocations opens it).
REVOCATION_SEAL = "hub_revoked_keys"
_REVOKED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def townships(uow) -> dict[str, dict]:
    try:
        value = json.loads(uow.settings.get(RELAY_TOWNSHIPS_SETTING) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def village_key(package) -> bytes:
    """The village committee's own signing key the relay vouches for."""
    return crypto.unb64(package.manifest["committee"]["signing_key"])


def check(uow, package, identity, refuse) -> bool:
    """Refuse a relay this hub must not take (``refuse(reason, message, **params)`` makes the refusal);
    True when its township relays here for the first time."""
    manifest = package.manifest
    by = manifest["relayed_by"] if isinstance(manifest.get("relayed_by"), dict) else {}
    area = str(by.get("area") or "")
    if identity.mode is HubMode.TOWNSHIP:
        raise refuse("relay_at_township", r.RELAY_AT_TOWNSHIP, township=area or "?")
    if not area:
        raise refuse("no_township", r.RELAY_NO_TOWNSHIP)
    committee = manifest["committee"]
    name = str(committee.get("name") or "")
    township = str(committee.get("township") or "")
    if township != area:
        raise refuse("other_township", r.RELAY_OTHER_TOWNSHIP, township=area, committee=name, other=township or "?")
    for text, who in ((str(by.get("name") or ""), str(by.get("name") or area)), (name, name)):
        county = county_of(text)
        if county and county != identity.area:
            raise refuse("other_county", m.OTHER_COUNTY, county=county, committee=who, area=identity.area)
    pinned = townships(uow).get(area)
    if pinned is not None and pinned.get("signing_key") != crypto.b64(package.signing_key):
        raise refuse("other_key", r.RELAY_OTHER_KEY, fingerprint=package.fingerprint, township=area,
                     registered=pinned.get("fingerprint", ""))
    return pinned is None


def register(uow, package, now: dt.datetime, relayed: Iterable[dict] = ()) -> None:
    """The township's key registered on its first relay; its last relay noted on every one, and the keys its
    relays listed as revoked (``revoked``: "committee id:key"), so that an older relay of that township vouching
    for such a key, imported after the revocation (a drive's files taken out of order), is still taken."""
    by = package.manifest["relayed_by"]
    held = townships(uow)
    entry = held.get(by["area"]) or {"signing_key": crypto.b64(package.signing_key),
                                     "fingerprint": fingerprint(package.signing_key),
                                     "registered_at": f"{now:%Y-%m-%d %H:%M}", "registered_by": uow.actor[:30]}
    entry.update({"id": str(by.get("id") or "")[:36], "name": str(by.get("name") or "")[:100],
                  "last_relay_at": f"{now:%Y-%m-%d %H:%M}"})
    revoked = set(entry.get("revoked") or []) | {_revoked_mark(e["committee_id"], e["signing_key"]) for e in relayed}
    if revoked:
        entry["revoked"] = sorted(revoked)
    held[by["area"]] = entry
    uow.settings.set(RELAY_TOWNSHIPS_SETTING, dumps(held).decode("utf-8"))


def months(package, refuse) -> list[dict]:
    """The relay's months of figures, their shape checked."""
    found = package.figures.get("months") if isinstance(package.figures, dict) else None
    if not isinstance(found, list):
        raise refuse("bad_format", r.RELAY_BAD_FIGURES)
    for entry in found:
        if (not isinstance(entry, dict) or not isinstance(entry.get("period"), str) or not _PERIOD.match(entry["period"])
                or not isinstance(entry.get("up_to"), int) or not isinstance(entry.get("figures"), dict)):
            raise refuse("bad_format", r.RELAY_BAD_FIGURES)
    return found


def put_figures(repo, committee_id: str, package_id: int, package, refuse) -> None:
    """Each month's figures where the county holds none for it, or older ones (a lower village mark)."""
    for entry in months(package, refuse):
        held = repo.figures(committee_id, entry["period"])
        if held is not None and held["up_to"] >= entry["up_to"]:
            continue
        repo.put_figures(committee_id, entry["period"], package_id=package_id, up_to=entry["up_to"],
                         zero_report=1 if entry.get("zero_report") else 0,
                         figures=dumps(entry["figures"]).decode("utf-8"))


def summary_lines(summary, say=lambda _context, template: template) -> list[str]:
    """What the summary adds for a relay: through which township, and its key on the first relay."""
    lines = []
    if summary.new_township:
        lines.append(say("Hub", r.NEW_TOWNSHIP).format(township=summary.relayed_by, hub=summary.relay_hub,
                                           fingerprint=summary.relay_fingerprint))
    if summary.relayed_revocations:
        applied = summary.revocations_applied
        if applied:
            lines.append(say("Hub", r.REVOCATIONS_APPLIED).format(
                township=summary.relayed_by, count=summary.relayed_revocations, applied=len(applied),
                fingerprints="、".join(applied)))
        else:
            lines.append(say("Hub", r.REVOCATIONS_HELD).format(township=summary.relayed_by,
                                                               count=summary.relayed_revocations))
    return lines


def relayed_note(summary, say=lambda _context, template: template) -> str:
    months_text = (say("Hub", r.RELAYED_MONTHS).format(months="、".join(summary.relayed_months))
                   if summary.relayed_months else say("Hub", r.RELAYED_NO_MONTHS))
    return say("Hub", r.RELAYED).format(township=summary.relayed_by, months=months_text)


# -- the township's revocations (manifest "revocations") ----------------------------------------------------------

def revocations(package, refuse) -> list[dict]:
    """The relay's revocations of its committee's keys, their shape checked (the signature covers them): each
    with ``revoked_at`` as a naive UTC time. A relay written before they travelled lists none."""
    found = package.manifest.get("revocations", [])
    if not isinstance(found, list):
        raise refuse("bad_format", r.RELAY_BAD_REVOCATIONS)
    entries = []
    for entry in found:
        try:
            key = crypto.unb64(entry["signing_key"])
            replaced = entry.get("replaced_by")
            good = (isinstance(entry["number"], int) and not isinstance(entry["number"], bool) and entry["number"] > 0
                    and entry["committee_id"] == package.committee_id and len(key) == 32
                    and entry["fingerprint"] == fingerprint(key) and isinstance(entry["personal"], str)
                    and isinstance(entry["revoked_at"], str) and _REVOKED_AT.match(entry["revoked_at"])
                    and (replaced is None or isinstance(replaced.get("fingerprint"), str)))
            revoked_at = dt.datetime.fromisoformat(entry["revoked_at"][:-1]) if good else None
        except (KeyError, TypeError, ValueError, AttributeError):
            good = False
        if not good:
            raise refuse("bad_format", r.RELAY_BAD_REVOCATIONS)
        entries.append({**entry, "revoked_at": revoked_at,
                        "replaced_by": (replaced or {}).get("fingerprint", "")})
    return entries


def listed(relayed: list[dict], signing_key: str) -> dict | None:
    """The relay's revocation of ``signing_key`` (base64), if it lists one."""
    return next((entry for entry in relayed if entry["signing_key"] == signing_key), None)


def _revoked_mark(committee_id: str, signing_key: str) -> str:
    return f"{committee_id}:{signing_key}"


def vouches_for_its_own_revoked_key(uow, repo, package, signing_key: str, relayed: list[dict]) -> bool:
    """True when the key the relay vouches for is revoked only for the relay's committee and the township
    revoked it itself (this relay lists that revocation, or an earlier relay of the township did): the township
    took the rows it relays before it revoked the key (the village's new key has not come yet, or the relay is
    older than the one that brought the revocation). Not for a key revoked for another committee, nor one the
    county revoked that the township still takes."""
    committee_id = package.committee_id
    area = str(package.manifest["relayed_by"].get("area") or "")
    earlier = (townships(uow).get(area) or {}).get("revoked") or []
    return ((listed(relayed, signing_key) is not None or _revoked_mark(committee_id, signing_key) in earlier)
            and all(row["committee_id"] == committee_id for row in repo.key_revocations(signing_key)))


def apply_revocations(uow, repo, package, relayed: list[dict], held: dict, hub_private: bytes, refuse) -> list[str]:
    """The relay's revocations the county does not hold yet, made here as ``hub-revoke-key`` makes them, each
    with its audit row naming the township's office; the fingerprints of those applied. Every sealed part
    opens first (or the relay is refused whole). ``held``: the committee's row (already added for a new one)."""
    opener = package.opener(hub_private)
    by = package.manifest["relayed_by"]
    township, office = str(by.get("area") or ""), str(by.get("name") or "")
    opened = []
    for entry in relayed:
        try:
            personal = opener.open(REVOCATION_SEAL, entry["committee_id"], entry["number"], entry["personal"])
        except ValueError:
            raise refuse("tampered", TAMPERED, detail=f"revocations {entry['number']}") from None
        opened.append((entry, personal))
    applied = []
    for entry, personal in opened:
        cid, key = entry["committee_id"], entry["signing_key"]
        if repo.revocation(key, cid) is not None:  # revoked here already (by the county, or an earlier relay)
            continue
        who = " ".join(str(personal.get("revoked_by") or "").split())
        reason = " ".join(str(personal.get("reason") or "").split()) or r.RELAYED_NO_REASON
        revoke_in(uow, repo, held, key, entry["fingerprint"], revoked_at=entry["revoked_at"],
                  revoked_by=f"{township}司法所：{who}" if who else f"{township}司法所", reason=reason,
                  audit={"relayed_by": office, "township": township, "file": package.path.name,
                         "revoked_at": entry["revoked_at"].isoformat(), "replaced_by": entry["replaced_by"]})
        if held["signing_key"] == key:  # no longer confirmed, its return key forgotten (revoke_in did so)
            held = {**held, "confirmed_at": None, "confirmed_by": "", "return_key": None}
        applied.append(entry["fingerprint"])
    return applied
