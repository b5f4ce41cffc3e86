"""What the logged-in account may do on one case, for the window to show or hold back a tab's controls
(issue 15): a 记录人 writes the records and prints the documents only of the cases they are on. The
services check again inside their own transactions (services/access.py ``guard``); this only spares
the user a button that would be refused."""

from __future__ import annotations

from ..domain.accounts import Permission
from ..storage.database import Database
from .access import may_now


class CaseAccess:
    def __init__(self, db: Database):
        self._db = db

    def may(self, permission: Permission, case_id: int | None = None) -> bool:
        """Whether the account now logged in (the database's actor source) may do what needs
        ``permission`` on case ``case_id``; True with no account source (no accounts at all)."""
        with self._db.transaction() as uow:
            return may_now(uow, permission, case_id=case_id)


__all__ = ["CaseAccess"]
