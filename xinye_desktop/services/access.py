"""Who may do this, asked inside a service's transaction (issue 15): the one check every write (and
every unmasking, export, print, backup and restore) makes before it changes anything.

The transaction's actor source (storage/actor.py) says who acts: none installed (``uow.role`` None: the
library used without accounts, before the first account exists, the tests) allows everything as
before; NOBODY (accounts exist, no one logged in) refuses everything; a logged-in account is read
again as stored now (a role changed or an account disabled counts at once) and asked against the
permission table (domain/accounts.py), a 记录人's own cases being those they are on (case_roles).
"""

from __future__ import annotations

from ..domain.accounts import Permission, Reach, reach, require
from ..domain.errors import Refused
from ..domain.i18n import QT_TRANSLATE_NOOP

PLEASE_LOG_IN = QT_TRANSLATE_NOOP("Validation", "请先登录。")
DISABLED = QT_TRANSLATE_NOOP("Validation", "这个账号已停用。")


def guard(uow, permission: Permission, *, case_id: int | None = None) -> None:
    """Refused (NotPermitted for a role that may not) unless the transaction's actor may do what needs
    ``permission``, on case ``case_id`` where it is about one. Writes nothing."""
    role = uow.role
    if role is None:
        return
    if not role or uow.account_id is None:
        raise Refused(PLEASE_LOG_IN)
    standing = uow.accounts.standing(uow.account_id)
    if standing is None:
        raise Refused(PLEASE_LOG_IN)
    stored_role, disabled, display_name = standing
    if disabled:
        raise Refused(DISABLED)
    on_own_case = None
    if case_id is not None and reach(stored_role, permission) is Reach.OWN_CASES:
        on_own_case = uow.accounts.is_on_case(display_name, case_id)
    require(stored_role, permission, on_own_case=on_own_case)


def may_now(uow, permission: Permission, *, case_id: int | None = None) -> bool:
    """Whether ``guard`` would allow it (for reads that show less rather than refuse)."""
    try:
        guard(uow, permission, case_id=case_id)
    except Refused:
        return False
    return True


__all__ = ["guard", "may_now", "PLEASE_LOG_IN", "DISABLED"]
