"""The idle lock (issue 15): after the administrator's idle time (AccountService.idle_lock_minutes,
default 15) with no key pressed and no mouse moved, the window is covered and asks for the password.

Nothing is closed or reset: the forms stay filled underneath, their autosave and the backups keep
running, an open dialog stays open. What the lock guarantees while it is up:
- every window of the app is covered by an opaque sheet (the main window, an open dialog, and any
  window that opens meanwhile, such as a progress dialog or an error message), so no data shows;
- keys reach only the lock's own fields: shortcuts (Ctrl+N, Ctrl+S, Ctrl+Q...) and typing into a
  covered form are swallowed, and focus that wanders under a sheet comes back to the password;
- the password goes in on the topmost modal window (the only one that takes input), so the lock can
  always be opened; unlocking checks it with the service (wrong passwords count as at login), and
  then every sheet goes and the focus returns where it was.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.errors import Refused, ValidationFailed
from .i18n import translate, vtr
from .widgets import FieldBox, error_text

IDLE_CHECK_MS = 15_000  # how often the idle time is compared with the limit (at most)

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
          QEvent.Type.TouchBegin, QEvent.Type.InputMethod}
_KEYS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
         QEvent.Type.InputMethod}


class IdleWatch(QObject):
    """Emits ``idle`` once the app has had no key or mouse input for ``limit_s`` seconds (again after
    the next such stretch). Watches every window of the app (an event filter on the application)."""

    idle = Signal()

    def __init__(self, limit_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self._last = time.monotonic()
        self.paused = False
        self._timer = QTimer(self, timeout=self._check)
        self.set_limit(limit_s)
        QApplication.instance().installEventFilter(self)

    @property
    def limit_s(self) -> float:
        return self._limit

    def set_limit(self, limit_s: float) -> None:
        self._limit = max(float(limit_s), 0.05)
        self._timer.start(int(min(IDLE_CHECK_MS, max(self._limit * 1000 / 4, 20))))

    def touch(self) -> None:
        self._last = time.monotonic()

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self.paused:
            self._last = time.monotonic()
        elif time.monotonic() - self._last >= self._limit:
            self._last = time.monotonic()
            self.idle.emit()


class LockCover(QWidget):
    """An opaque sheet over one window, following its size."""

    def __init__(self, host: QWidget):
        super().__init__(host)
        self.host = host
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: #dfe6ee; }")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = QLabel(translate("LockScreen", "已锁定"))
        self.note.setStyleSheet("color: #5b6b7b; font-size: 14pt;")
        layout.addWidget(self.note, 0, Qt.AlignmentFlag.AlignCenter)
        host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.host.rect())
            self.raise_()
        return False


class LockPanel(QFrame):
    """The password box on the lock: who is logged in, 解锁 and 注销（换账号）."""

    unlock_requested = Signal(str)
    logout_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockPanel")
        self.setStyleSheet("#lockPanel { background: white; border: 1px solid #b8c4d0; border-radius: 8px; }")
        self.setMinimumWidth(420)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_box = FieldBox(self.password_edit)
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.logout_button = QPushButton()
        self.unlock_button.clicked.connect(self._unlock)
        self.password_edit.returnPressed.connect(self._unlock)
        self.logout_button.clicked.connect(self.logout_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        self.password_label = QLabel()
        layout.addWidget(self.password_label)
        layout.addWidget(self.password_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("LockScreen", "已锁定"))
        self.password_label.setText(translate("LockScreen", "请输入密码解锁："))
        self.unlock_button.setText(translate("LockScreen", "解锁"))
        self.logout_button.setText(translate("LockScreen", "注销（换账号登录）"))
        self.logout_button.setToolTip(translate("LockScreen", "正在填写的内容会先存为草稿，下次登录时可以恢复。"))

    def set_who(self, display_name: str, role_label: str, minutes: int | None) -> None:
        if minutes:
            text = translate("LockScreen", "{name}（{role}）已经 {minutes} 分钟没有操作，为保护当事人信息，"
                                           "屏幕已锁定。正在填写的内容都还在。").format(
                name=display_name, role=role_label, minutes=minutes)
        else:
            text = translate("LockScreen", "{name}（{role}）锁定了屏幕。正在填写的内容都还在。").format(
                name=display_name, role=role_label)
        self.who.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.password_edit.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.logout_button.setEnabled(not busy)
        self.unlock_button.setText(translate("LockScreen", "正在核对…") if busy else translate("LockScreen", "解锁"))

    def _unlock(self) -> None:
        if self.unlock_button.isEnabled():
            self.unlock_requested.emit(self.password_edit.text())


class Locker(QObject):
    """Locks and unlocks the app's windows for ``signed_in`` (ui/access.SignedIn). ``window``: the
    main window, where the password is asked when no dialog is open."""

    locked = Signal()
    unlocked = Signal()
    logout_requested = Signal()

    def __init__(self, window: QWidget, signed_in, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.signed_in = signed_in
        self.idle_minutes: int | None = None  # for the message: locked after so many minutes idle
        self._covers: dict[int, LockCover] = {}
        self._resized: dict[int, tuple[QWidget, object]] = {}
        self._focus: QWidget | None = None
        self.panel: LockPanel | None = None
        self.unlock_task = None
        self._placing = QTimer(self, singleShot=True, interval=0, timeout=self._cover_and_place)

    @property
    def is_locked(self) -> bool:
        return self.panel is not None

    # -- locking ------------------------------------------------------------------------------------
    def lock(self, idle_minutes: int | None = None) -> None:
        if self.is_locked:
            return
        app = QApplication.instance()
        for _ in range(10):  # an open menu or drop-down list would stay over the sheet
            popup = app.activePopupWidget()
            if popup is None:
                break
            popup.close()
        self._focus = app.focusWidget()
        self.panel = self._new_panel()
        session = self.signed_in.session
        self.panel.set_who(session.display_name, vtr(session.role.label), idle_minutes)
        app.installEventFilter(self)
        self._cover_and_place()
        self.locked.emit()

    def _new_panel(self) -> LockPanel:
        panel = LockPanel()
        panel.unlock_requested.connect(self._unlock)
        panel.logout_requested.connect(self._logout)
        return panel

    def _windows(self) -> list[QWidget]:
        """The app's windows that show something: the main window and its open dialogs."""
        found = []
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or not shiboken6.isValid(widget):
                continue
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen):
                continue
            found.append(widget)
        return found

    def _entry_host(self) -> QWidget:
        """Where the password is typed: the topmost modal window if there is one (it alone takes input)."""
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible() and id(modal) in self._covers:
            return modal
        return self.window

    def _cover_and_place(self) -> None:
        if not self.is_locked:
            return
        for widget in self._windows():
            key = id(widget)
            cover = self._covers.get(key)
            if cover is None or not shiboken6.isValid(cover):
                self._covers[key] = LockCover(widget)
                widget.destroyed.connect(lambda _obj=None, k=key: self._covers.pop(k, None))
            else:
                cover.raise_()
        if self.panel is None or not shiboken6.isValid(self.panel):
            self.panel = self._new_panel()
        host = self._entry_host()
        cover = self._covers.get(id(host))
        if cover is None:
            return
        if self.panel.parentWidget() is not cover:
            self.panel.setParent(cover)
            cover.layout().addWidget(self.panel, 0, Qt.AlignmentFlag.AlignCenter)
            cover.note.setVisible(False)
        self.panel.show()
        needed = self.panel.sizeHint()
        if host.width() < needed.width() + 40 or host.height() < needed.height() + 40:
            self._resized.setdefault(id(host), (host, host.size()))
            host.resize(max(host.width(), needed.width() + 40), max(host.height(), needed.height() + 40))
        for key, other in self._covers.items():
            if other is not cover and shiboken6.isValid(other):
                other.note.setVisible(True)
        self.panel.password_edit.setFocus()

    def _rescue_panel(self, host: QWidget) -> None:
        """A window holding the password box is closing: the box moves before it goes with it."""
        if self.panel is not None and shiboken6.isValid(self.panel) and host.isAncestorOf(self.panel):
            self.panel.setParent(None)
            self.panel.hide()
        self._placing.start()

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in _KEYS:
            if isinstance(watched, QWidget) and self.panel is not None and shiboken6.isValid(self.panel) \
                    and (watched is self.panel or self.panel.isAncestorOf(watched)):
                return False
            if kind == QEvent.Type.KeyPress and self.panel is not None:
                self.panel.password_edit.setFocus()
            return True  # a shortcut or a key for a covered form: swallowed
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget) and self.panel is not None \
                and shiboken6.isValid(self.panel) and not self.panel.isAncestorOf(watched) \
                and watched is not self.panel:
            QTimer.singleShot(0, self._focus_password)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self._placing.start()  # a window opened while locked is covered too
        elif kind == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            self._rescue_panel(watched)
        return False

    def _focus_password(self) -> None:
        if self.panel is not None and shiboken6.isValid(self.panel) and self.panel.isVisible():
            self.panel.password_edit.setFocus()

    # -- unlocking ----------------------------------------------------------------------------------
    def _unlock(self, password: str) -> None:
        from .tasks import run_task

        self.panel.password_box.set_error("")
        self.panel.set_busy(True)
        self.unlock_task = run_task(self.signed_in.accounts.unlock, self.signed_in.session, password,
                                    owner=self.panel, name="unlock", on_done=self._unlocked,
                                    on_error=self._refused)

    def _unlocked(self, session) -> None:
        self.signed_in.session = session
        self._teardown()
        self.unlocked.emit()

    def _refused(self, error: BaseException) -> None:
        if self.panel is None:
            return
        self.panel.set_busy(False)
        if isinstance(error, ValidationFailed):
            message = "\n".join(error_text(e) for e in error.errors)
        elif isinstance(error, Refused):
            from .login_dialog import refusal_text

            message = refusal_text(error)
        else:
            raise error
        self.panel.password_box.set_error(message)
        self.panel.password_edit.clear()
        self.panel.password_edit.setFocus()

    def _logout(self) -> None:
        self._teardown()
        self.logout_requested.emit()

    def _teardown(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._placing.stop()
        if self.panel is not None and shiboken6.isValid(self.panel):
            self.panel.hide()
            self.panel.deleteLater()
        self.panel = None
        for cover in self._covers.values():
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers.clear()
        for host, size in self._resized.values():
            if shiboken6.isValid(host):
                host.resize(size)
        self._resized.clear()
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus()


__all__ = ["IDLE_CHECK_MS", "IdleWatch", "LockCover", "LockPanel", "Locker"]
