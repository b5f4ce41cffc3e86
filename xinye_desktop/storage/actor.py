"""Who is doing this: the one place a transaction learns the name it writes into history lines and the
``created_by``/``updated_by``/``recorded_by``/``deleted_by`` columns.

Today it is the committee's ``operator`` setting, read in the same transaction. A later source (user
accounts) replaces it with ``Database.use_actor_source`` without touching any service. Plain Python:
this module is imported at start-up, before SQLAlchemy.
"""

from __future__ import annotations

from typing import Any, Callable

# Given the transaction it acts in (a storage.unit_of_work.UnitOfWork, so that it can read settings or an
# account table consistently), the name. Typed loosely: the unit of work imports this module.
ActorSource = Callable[[Any], str]

OPERATOR_KEY = "operator"


def committee_operator(uow) -> str:
    """The default source: the operator named in the committee's settings (设置 → 操作人)."""
    return uow.settings.get(OPERATOR_KEY)


class AccountActor:
    """The source while an account is logged in (services/accounts.py installs it at login with
    ``Database.use_actor_source``, and takes it away at logout): its name signs every line, and the
    audit trail also gets the account's id and the role its permissions are checked against
    (``UnitOfWork.account_id``, ``UnitOfWork.role``)."""

    def __init__(self, account_id: int, name: str, role: str):
        self.account_id = account_id
        self.name = name
        self.role = role  # an AccountRole code (domain/accounts.py)

    def __call__(self, uow: "UnitOfWork") -> str:
        return self.name

    def __repr__(self) -> str:
        return f"AccountActor({self.account_id}, {self.name!r}, {self.role!r})"


class _Nobody:
    """The source while accounts exist and no one is logged in (before the login, after a logout): no
    name, no account, and the empty role, which services/access.py ``guard`` refuses. Told apart from
    "no account source at all" (role None: library use before the first account, the tests), which
    guard allows."""

    account_id = None
    name = ""
    role = ""

    def __call__(self, uow: "UnitOfWork") -> str:
        return ""

    def __repr__(self) -> str:
        return "NOBODY"


NOBODY = _Nobody()
