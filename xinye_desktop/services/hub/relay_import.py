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
  what the county holds for that month.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from ...domain.exchange import fingerprint
from ...domain.hub import HubMode, county_of
from ..exchange import crypto
from ..exchange.format import PackageRefused, dumps
from . import messages as m
from . import relay_messages as r

RELAY_TOWNSHIPS_SETTING = "hub_relay_townships"  # JSON: township (王庄镇) -> its registered signing key
_PERIOD = re.compile(r"^\d{4}-\d{2}$")


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


def register(uow, package, now: dt.datetime) -> None:
    """The township's key registered on its first relay; its last relay noted on every one."""
    by = package.manifest["relayed_by"]
    held = townships(uow)
    entry = held.get(by["area"]) or {"signing_key": crypto.b64(package.signing_key),
                                     "fingerprint": fingerprint(package.signing_key),
                                     "registered_at": f"{now:%Y-%m-%d %H:%M}", "registered_by": uow.actor[:30]}
    entry.update({"id": str(by.get("id") or "")[:36], "name": str(by.get("name") or "")[:100],
                  "last_relay_at": f"{now:%Y-%m-%d %H:%M}"})
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
    return lines


def relayed_note(summary, say=lambda _context, template: template) -> str:
    months_text = (say("Hub", r.RELAYED_MONTHS).format(months="、".join(summary.relayed_months))
                   if summary.relayed_months else say("Hub", r.RELAYED_NO_MONTHS))
    return say("Hub", r.RELAYED).format(township=summary.relayed_by, months=months_text)
