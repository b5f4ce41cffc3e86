"""Storage layer: the only code that imports SQLAlchemy or Alembic.

Importing ``xinye_desktop.storage`` itself is cheap; SQLAlchemy is imported by the modules
that need it (records, repositories, unit_of_work), which ``database`` loads lazily.
"""
