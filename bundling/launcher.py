"""The bundle's entry point (PyInstaller runs this file as __main__, so it cannot be the package's own
__main__.py, whose relative imports need the package)."""

import sys

# Alembic imports the revisions from .py files in the install folder: never write __pycache__ there
# (a per-user install could, and the uninstaller would then leave it behind).
sys.dont_write_bytecode = True

from xinye_desktop.__main__ import main  # noqa: E402

sys.exit(main())
