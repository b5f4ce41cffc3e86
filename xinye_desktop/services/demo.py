"""The demo data moved to its own package, xinye_desktop/demo/; this name stays for the callers that
import ``generate`` and ``DemoRefused`` from here."""

from ..demo import DemoGenerator, DemoRefused, DemoSummary, generate

__all__ = ["DemoGenerator", "DemoRefused", "DemoSummary", "generate"]
