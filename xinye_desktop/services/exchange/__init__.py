"""The exchange package between a village and the 司法所 (issue 16; the format: docs/exchange-package.md).

The village writes (``ExchangeService.write_package``); the hub reads and verifies (``read_package``)."""

from .command import run_export_package
from .crypto import new_hub_keys
from .format import ACKNOWLEDGED_SETTING, HUB_KEY_SETTING, Limits, PackageRefused
from .reader import ExchangePackage, read_package
from .writer import ExchangeService, WrittenPackage

__all__ = ["ACKNOWLEDGED_SETTING", "HUB_KEY_SETTING", "ExchangePackage", "ExchangeService", "Limits",
           "PackageRefused", "WrittenPackage", "new_hub_keys", "read_package", "run_export_package"]
