"""What the logged-in account's role may do, shown in the window (issue 15): actions it may not take are
hidden, and the tabs it may only read keep their content visible but take no input.

The window applies this centrally (MainWindow.set_access, and each tab as it is built): the tables
below name, per tab, the permission its editing needs, the controls that only read or move around (left
alone), and the buttons that print or export. A tab's own code goes on enabling and disabling its
buttons as before; ``Hold`` keeps them held back whatever it does, and lets them go (to the state the
tab last wanted) when the account may after all (a 记录人 opening a case they are on). The services
refuse as well (services/access.py); the window shows such a refusal as a message (ui/error_dialog.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTabBar,
    QTextEdit, QWidget,
)

from ..domain.accounts import AccountRole, Permission
from .i18n import translate, vtr

P = Permission


@dataclass
class SignedIn:
    """The account the window works for: the service it logs in and out with, and its session (replaced
    after an unlock or a password change)."""

    accounts: object  # services.accounts.AccountService (not imported here: this module loads at start)
    session: object  # services.accounts.AccountSession

    @property
    def role(self) -> AccountRole:
        return self.session.role

    def may(self, permission: Permission, *, on_own_case: bool | None = None) -> bool:
        return self.session.may(permission, on_own_case=on_own_case)


@dataclass(frozen=True)
class TabAccess:
    """How a tab follows the role: ``edit``, the permission its inputs need (None: a tab that only
    reads, such as the ledger); ``roots``, the attribute paths of the parts made read-only without it
    ("" is the tab itself); ``reads``, controls left alone there (moving between sittings, versions,
    filters); ``gated``, buttons that need a permission of their own (print, export, a new case)."""

    edit: Permission | None = None
    roots: tuple[str, ...] = ("",)
    reads: tuple[str, ...] = ()
    gated: tuple[tuple[str, Permission], ...] = ()


TABS: dict[str, TabAccess] = {
    "today": TabAccess(),
    "ledger": TabAccess(gated=(("new_button", P.EDIT_CASES), ("export_button", P.EXPORT))),
    "intake": TabAccess(P.EDIT_CASES, reads=("history_button",), gated=(("print_form_button", P.PRINT),)),
    "elder": TabAccess(P.RUN_SITTINGS, roots=("choice_page",), reads=("choice_page.only_village",),
                       gated=tuple((f"{page}.{name}", P.EDIT_ELDERS) for page, names in (
                           ("pool_page", ("add_button", "edit_button", "retire_button", "delete_button",
                                          "import_button")),
                           ("people_page", ("add_button", "edit_button", "retire_button"))) for name in names)
                       + (("pool_page.print_button", P.PRINT),)),
    "session": TabAccess(P.EDIT_RECORDS, reads=("sitting_combo", "prev_button", "next_button"),
                         gated=(("start_button", P.RUN_SITTINGS), ("finish_button", P.RUN_SITTINGS))),
    "agreement": TabAccess(P.EDIT_AGREEMENTS, reads=("version_combo", "preview_button"),
                           gated=(("print_button", P.PRINT), ("save_pdf_button", P.PRINT),
                                  ("word_button", P.EXPORT))),
    "aftercare": TabAccess(P.EDIT_AFTERCARE, gated=(("print_button", P.PRINT),)),
    "statistics": TabAccess(gated=(("export_button", P.EXPORT),)),
}


def find(widget: QObject, path: str):
    """The attribute at a dotted ``path`` under ``widget`` ("" is the widget), or None."""
    found = widget
    for name in filter(None, path.split(".")):
        found = getattr(found, name, None)
        if found is None:
            return None
    return found


def not_permitted(role: AccountRole, permission: Permission) -> str:
    """The tooltip of a control held back: what the role may not do."""
    return translate("Access", "“{role}”账号不能{action}").format(role=vtr(role.label), action=vtr(permission.label))


_TEXT = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_CHOICE = (QComboBox, QAbstractButton)


class Hold(QObject):
    """Keeps widgets from taking input: text fields read-only, buttons and drop-downs disabled (a
    tooltip says why), whatever the tab's own code sets later. Under a
    ``root`` the widgets added later are held too. ``release()`` gives each widget back the state its
    tab last asked for."""

    def __init__(self, reason: str, parent: QObject | None = None):
        super().__init__(parent)
        self.reason = reason
        self.active = False
        self._roots: list[QWidget] = []
        self._keep: set[int] = set()
        self._wanted: dict[int, tuple[QWidget, bool, str]] = {}  # id -> (widget, writable wanted, tooltip)
        self._watched: set[int] = set()
        self._forcing = False
        self._rescan = QTimer(self, singleShot=True, interval=0, timeout=self._scan)

    # -- what is held -------------------------------------------------------------------------------
    def add_root(self, root: QWidget, keep=()) -> None:
        """Hold every input under ``root``, except ``keep`` (and their children) and a tab bar's arrows."""
        self._roots.append(root)
        self._keep.update(id(w) for w in keep if w is not None)
        if self.active:
            self._scan()

    def add(self, widget: QWidget) -> None:
        """Hold this one widget (a print or export button)."""
        if widget is None:
            return
        self._hold(widget)

    def hold(self) -> None:
        self.active = True
        self._scan()
        for widget, _wanted, _tip in list(self._wanted.values()):
            self._force(widget)

    def release(self) -> None:
        self.active = False
        for key, (widget, wanted, tip) in list(self._wanted.items()):
            if not shiboken6.isValid(widget):
                self._wanted.pop(key, None)
                continue
            self._forcing = True
            try:
                self._set_writable(widget, wanted)
                widget.setToolTip(tip)
            finally:
                self._forcing = False

    def held(self, widget: QWidget) -> bool:
        return self.active and id(widget) in self._wanted

    # -- mechanics ----------------------------------------------------------------------------------
    def _scan(self) -> None:
        for root in list(self._roots):
            if not shiboken6.isValid(root):
                self._roots.remove(root)
                continue
            self._watch(root)
            for widget in root.findChildren(QWidget):
                if self._kept(widget, root):
                    continue
                self._watch(widget)
                if isinstance(widget, _TEXT + _CHOICE):
                    self._hold(widget)

    def _kept(self, widget: QWidget, root: QWidget) -> bool:
        if isinstance(widget.parentWidget(), QTabBar):
            return True
        node = widget
        while node is not None and node is not root:
            if id(node) in self._keep:
                return True
            node = node.parentWidget()
        return False

    def _watch(self, widget: QWidget) -> None:
        if id(widget) not in self._watched:
            self._watched.add(id(widget))
            widget.installEventFilter(self)
            widget.destroyed.connect(lambda _obj=None, key=id(widget): self._forget(key))

    def _forget(self, key: int) -> None:
        self._watched.discard(key)
        self._wanted.pop(key, None)
        self._keep.discard(key)

    def _hold(self, widget: QWidget) -> None:
        key = id(widget)
        if key not in self._wanted:
            self._wanted[key] = (widget, self._writable(widget), widget.toolTip())
            self._watch(widget)
        if self.active:
            self._force(widget)

    @staticmethod
    def _writable(widget: QWidget) -> bool:
        if isinstance(widget, _TEXT):
            return not widget.isReadOnly()
        return widget.isEnabled()

    @staticmethod
    def _set_writable(widget: QWidget, writable: bool) -> None:
        if isinstance(widget, _TEXT):
            widget.setReadOnly(not writable)
        else:
            widget.setEnabled(writable)

    def _force(self, widget: QWidget) -> None:
        self._forcing = True
        try:
            self._set_writable(widget, False)
            if not isinstance(widget, _TEXT):
                widget.setToolTip(self.reason)
        finally:
            self._forcing = False

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded:
            if self.active and event.child().isWidgetType():
                self._rescan.start()  # once the new child has its own children
        elif kind in (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange) and not self._forcing:
            entry = self._wanted.get(id(watched))
            if entry is not None:
                widget, _old, tip = entry
                writable = self._writable(widget)
                self._wanted[id(watched)] = (widget, writable, tip)  # what the tab wants, for release()
                if self.active and writable:
                    self._force(widget)
        return False


class AccessControl(QObject):
    """The role's reach over the window's tabs: one Hold per tab for its inputs, one per gated button's
    permission. ``apply(name, tab)`` when a tab is built, ``case_opened(case_id)`` when the per-case
    permissions change with the case (a 记录人's own cases); ``may_on_case(permission, case_id)`` asks
    the services (services/case_access.py)."""

    def __init__(self, signed_in: SignedIn, may_on_case, parent: QObject | None = None):
        super().__init__(parent)
        self.signed_in = signed_in
        self._may_on_case = may_on_case
        self._holds: dict[tuple[str, Permission | None], tuple[Hold, Permission, bool]] = {}
        self._case_id: int | None = None

    def may(self, permission: Permission, case_id: int | None = None) -> bool:
        if self.signed_in.may(permission):
            return True
        if case_id is not None and self.signed_in.may(permission, on_own_case=True):
            return bool(self._may_on_case(permission, case_id))  # a permission that reaches own cases only
        return False

    def _reaches_own_cases_only(self, permission: Permission) -> bool:
        return not self.signed_in.may(permission) and self.signed_in.may(permission, on_own_case=True)

    def hold_for(self, name: str, permission: Permission) -> Hold:
        key = (name, permission)
        if key not in self._holds:
            hold = Hold(not_permitted(self.signed_in.role, permission), self)
            self._holds[key] = (hold, permission, self._reaches_own_cases_only(permission))
        return self._holds[key][0]

    def apply(self, name: str, tab: QWidget) -> None:
        rule = TABS.get(name)
        if rule is None:
            return
        if rule.edit is not None:
            hold = self.hold_for(name, rule.edit)
            # The gated buttons are held by their own permission, never by two holds at once.
            keep = [find(tab, path) for path in rule.reads + tuple(path for path, _p in rule.gated)]
            for path in rule.roots:
                root = find(tab, path)
                if root is not None:
                    hold.add_root(root, keep)
        for path, permission in rule.gated:
            self.hold_for(f"{name}:{permission.value}", permission).add(find(tab, path))
        self._settle()

    def case_opened(self, case_id: int | None) -> None:
        self._case_id = case_id
        self._settle(only_per_case=True)

    def _settle(self, only_per_case: bool = False) -> None:
        asked: dict[Permission, bool] = {}
        for hold, permission, own_cases_only in self._holds.values():
            if only_per_case and not own_cases_only:
                continue
            if permission not in asked:
                asked[permission] = self.may(permission, self._case_id)
            if asked[permission]:
                hold.release()
            else:
                hold.hold()


__all__ = ["AccessControl", "Hold", "SignedIn", "TABS", "TabAccess", "find", "not_permitted"]
