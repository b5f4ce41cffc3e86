"""What a window signed in to an account does for that account, shared by the village's MainWindow and the
hub's HubWindow: the idle lock (ui/lock_screen.py), the status bar's 登录：name（role）, the 账号 menu's
change of password, 账号管理 and 审计记录, and logging out at the end of the day.

A mixin: the window sets ``signed_in`` (ui/access.SignedIn, or None without accounts), ``services`` (with
``audit``) and ``account_label``, calls ``watch_idle()`` once it has them, and answers ``audit_dialog()``;
its closeEvent calls ``_end_session`` and emits ``logged_out`` when ``_logging_out``."""

from __future__ import annotations

from .i18n import translate, vtr


class SignedInWindow:
    locker = None  # ui/lock_screen.Locker, once watch_idle() ran
    idle_watch = None  # ui/lock_screen.IdleWatch
    account_label = None  # the status bar's QLabel naming who is logged in
    _logging_out = False
    _session_ended = False

    def watch_idle(self) -> None:
        """The lock screen and the idle timer for ``signed_in``."""
        from .lock_screen import IdleWatch, Locker

        self.locker = Locker(self, self.signed_in)
        self.locker.logout_requested.connect(self.logout)
        self.idle_watch = IdleWatch(self._idle_minutes() * 60, self)
        self.idle_watch.idle.connect(lambda: self.lock(idle=True))
        self.locker.locked.connect(lambda: setattr(self.idle_watch, "paused", True))
        self.locker.unlocked.connect(self._on_unlocked)

    def _idle_minutes(self) -> int:
        return self.signed_in.accounts.idle_lock_minutes()

    def lock(self, idle: bool = False) -> None:
        """Cover the windows and ask for the password (ui/lock_screen.py); what is typed stays."""
        if self.locker is None or self._session_ended:
            return
        self.locker.lock(self._idle_minutes() if idle else None)

    def _on_unlocked(self) -> None:
        self.idle_watch.paused = False
        self.idle_watch.touch()
        self.idle_watch.set_limit(self._idle_minutes() * 60)  # the administrator may have changed it
        self._update_account_label()

    def _update_account_label(self) -> None:
        if self.account_label is None:
            return
        if self.signed_in is None:
            self.account_label.clear()
            return
        session = self.signed_in.session
        self.account_label.setText(translate("SignedInWindow", "登录：{name}（{role}）").format(
            name=session.display_name, role=vtr(session.role.label)))

    def change_password(self) -> None:
        from .login_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.signed_in.accounts, self.signed_in.session, parent=self)
        if dialog.exec() and dialog.session is not None:
            self.signed_in.session = dialog.session
            self.statusBar().showMessage(translate("SignedInWindow", "密码已修改。"), 8000)

    def accounts_dialog(self):
        from .accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.signed_in.accounts, self.signed_in.session, self)
        dialog.idle_lock_changed.connect(lambda minutes: self.idle_watch.set_limit(minutes * 60))
        return dialog

    def show_accounts(self) -> None:
        self.accounts_dialog().exec()

    def show_audit(self) -> None:
        self.audit_dialog().exec()

    def logout(self) -> None:
        """Close the window as at the end of the day (the window keeps what it keeps on closing), log out,
        and let the app show the login (``logged_out``)."""
        if self.signed_in is None:
            return
        self._logging_out = True
        if not self.close():
            self._logging_out = False

    def _end_session(self, *, log_out: bool = True) -> None:
        """The account's part of closing: no more idle lock; the logout recorded (``log_out``)."""
        if self.signed_in is None or self._session_ended:
            return
        self._session_ended = True
        if self.idle_watch is not None:
            self.idle_watch.stop()
        if self.locker is not None and self.locker.is_locked:
            self.locker._teardown()
        if log_out:
            try:
                self.signed_in.accounts.logout(self.signed_in.session)
            except Exception:  # noqa: BLE001 - closing goes on; the log has it
                import logging

                logging.getLogger("xinye_desktop").exception("logout at close failed")
