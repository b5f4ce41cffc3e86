"""The hub: a 司法所 or 司法局 that imports the villages' exchange packages (issue 16 item 3).

``HubSetup`` makes a data folder a hub (its mode, its area, its X25519 key pair, ``hub-key.txt`` for the
villages); ``HubImporter.import_packages`` imports packages, one transaction each, with a summary per
package; ``HubHoldings`` reads what is held; ``HubReviews`` records the hub's reviews of village cases;
``HubCommittees`` revokes a committee's signing key (its PC lost or stolen)."""

from .committees import HubCommittees, RevokedKey
from .holdings import HubHoldings
from .importer import IMPORTED, REFUSED, UNCHANGED, HubImporter, PackageSummary, package_files
from .review import HubReviews
from .setup import KEY_FILE_NAME, HubIdentity, HubSetup

__all__ = ["IMPORTED", "KEY_FILE_NAME", "REFUSED", "UNCHANGED", "HubCommittees", "HubHoldings", "HubIdentity",
           "HubImporter", "HubReviews", "HubSetup", "PackageSummary", "RevokedKey", "package_files"]
