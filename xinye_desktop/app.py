"""Wiring: the only module that knows every layer. Builds the services and starts the window.

Start-up stays quick on a large data folder (benchmarks/startup_and_search.py): the services are made
when first used (build_services), the window builds only the tab it opens on (ui/main_window.py), and
the full check of a large database runs after the first paint (check_database_at_start, FullCheck)."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sqlite3
import sys
import threading
import time
import traceback
from pathlib import Path

from .paths import DataPaths, default_data_dir
from .storage import database as _database
from .storage.database import Database

log = logging.getLogger("xinye_desktop")


_native_crash_log = None  # kept open for faulthandler for the whole session


def setup_logging(paths: DataPaths) -> None:
    global _native_crash_log
    handler = logging.handlers.RotatingFileHandler(paths.logs / "xinye-desktop.log", maxBytes=1_000_000,
                                                   backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # A crash inside Qt or SQLite (no Python exception) still leaves its stack in the data folder.
    _native_crash_log = open(paths.logs / "crash-native.log", "a", encoding="utf-8")
    faulthandler.enable(_native_crash_log)


def prepare_folder(paths: DataPaths):
    """Create the data folder and prove it can be written; a Failure when it cannot."""
    from .services.failures import READ_ONLY, explain, failure, probe_writable

    try:
        paths.create()
    except OSError as err:
        return explain(err, paths.root) or failure(READ_ONLY, paths.root, str(err))
    return probe_writable(paths.root)


def full_check_deferred(paths: DataPaths) -> bool:
    """Whether this start leaves the database's full ``quick_check`` until the window is painted: a
    file over storage.database.FULL_CHECK_AT_START_BYTES whose schema is current. A smaller file, and
    one a migration is about to write to, is checked in full before anything else (as is a file
    whose version cannot even be read: the full check then says what is wrong)."""
    try:
        if paths.database.stat().st_size <= _database.FULL_CHECK_AT_START_BYTES:
            return False
        return not Database(paths.database).needs_migration()
    except (OSError, sqlite3.Error):
        return False


def check_database_at_start(paths: DataPaths, *, smoke_test: bool = False, ask_damaged=None,
                            full: bool = True) -> str | None:
    """The check before the database is opened. None: carry on. Otherwise the message to
    show before exiting ("" to exit quietly). A damaged file is moved aside, never overwritten,
    and the newest good backup is offered (``ask_damaged(folder, backup, fewer_cases) -> bool``);
    a file held by another program is left alone. Damaged includes a file that exists but holds
    no schema (0 bytes) in a folder used before (BackupService.check_database): building an empty
    database in it would show no cases and back that emptiness up. Which backup is "good", and
    why one with fewer cases than an older one is only named with a warning (``fewer_cases``),
    is BackupService.newest_good()'s rule.

    ``full=False`` (run_gui, when full_check_deferred()): only the structural check
    (storage.database.structure_problems: header, length, schema, both edges of every table), in
    milliseconds; the full check then comes after the first paint (FullCheck), and until it has
    passed nothing is written to the file."""
    from .services.backup.health import HealthCheck  # only the check: no snapshot, restore or audit modules
    from .services.failures import DAMAGED, LOCKED
    from .ui.i18n import translate

    backups = HealthCheck(paths)
    health = backups.check_database(full=full)
    if health.state == LOCKED:
        from .ui.backup_dialog import failure_text  # here only: the dialog's module is not needed to start

        return failure_text(health.failure)
    set_aside = None
    if health.state == DAMAGED:
        log.error("database failed its check at start: %s", "; ".join(health.problems))
        if smoke_test:  # not interactive: report, touch nothing
            return translate("App", "无法打开数据库 {path}：\n{error}").format(
                path=str(paths.database), error="; ".join(health.problems))
        set_aside = backups.set_aside_damaged()
    if smoke_test:
        return None
    return offer_good_backup(paths, set_aside, ask_damaged)


def offer_good_backup(paths: DataPaths, set_aside: Path | None, ask_damaged=None) -> str | None:
    """After a damaged database was moved to ``set_aside`` (or one moved aside at an earlier start was
    not replaced yet): offer the newest good backup and restore it if the user says so. Returns as
    check_database_at_start does."""
    from .services.backup import BackupFailed, BackupService
    from .ui.backup_dialog import failure_text

    backups = BackupService(paths)
    left_damaged = paths.damaged.is_dir() and any(paths.damaged.iterdir())
    if paths.database.exists() or not (set_aside or left_damaged):
        return None
    good = backups.newest_good()
    fewer_cases = backups.fewer_cases(than=good)
    if ask_damaged is None:
        from .ui.backup_dialog import ask_damaged_at_start as ask_damaged
    if not ask_damaged(set_aside, good, fewer_cases):
        return None if good is None else ""  # no backup: start empty; declined: ask again next time
    try:
        restored = backups.restore(good.path)
    except BackupFailed as failed:
        return failure_text(failed.failure)
    log.info("restored %s after the database was found damaged", restored.restored.path)
    return None


class FullCheck:
    """The full ``PRAGMA quick_check`` of a large database, on a worker thread once the login is up (its
    audit row is already a write, and every write waits for this check), or right after the window's
    first paint when no login comes first (run_gui, when full_check_deferred()). What the start then
    guarantees:

    - Before the window: check_database_at_start(full=False) finds a file that is not SQLite, has a
      broken header, is shorter than its header says (truncated), or whose schema or any table's
      first or last row cannot be read; such a file is moved to damaged/ and a backup offered, as a
      fully checked one always was (storage.database.structure_problems says exactly what it reads).
    - Damage elsewhere in the file (a page in the middle of a table, an index, the free list) is
      found by this check, and nothing is written to the file before it has passed: the Database
      was opened with hold_writes (open_database), so every statement that would write, from any
      thread, waits for the verdict (storage.database.WriteGate); the start backup waits too. Reads
      go on meanwhile: the window shows what the file holds.
    - When it finds damage, every write is refused from then on (none has been made), the window
      closes without writing (an intake form typed meanwhile is kept as a draft file), the file is
      moved to damaged/ with its -wal, unmerged, and the newest good backup is offered: the flow of
      check_database_at_start (run_gui's recover()).
    - The check is not remembered: a start that ends before it does checks again next time."""

    def __init__(self, paths: DataPaths, db: Database):
        self.paths = paths
        self.db = db
        self.health = None
        self.task = None
        self._callbacks: list = []

    def start(self) -> "FullCheck":
        from .ui.tasks import run_task

        if self.task is not None:
            return self
        log.info("full check of %s after the first paint", self.paths.database)
        self.task = run_task(self._work, on_done=self._on_done, on_error=self._on_error, name="full-check")
        return self

    def then(self, callback) -> None:
        """``callback(health)`` on the GUI thread when the check has ended (at once if it has)."""
        if self.health is not None:
            callback(self.health)
        else:
            self._callbacks.append(callback)

    def wait(self, timeout: float | None = None):
        """Block the GUI thread until the check has decided (started now if the paint it waits for
        has not come yet); its Health, or None if it has not decided."""
        self.start()
        gate = self.db.write_gate
        gate.wait(timeout)
        if self.task is not None:
            self.task.wait(timeout)
        return self.health

    def _work(self):  # worker thread: decides the gate itself, so that a waiting write never needs the GUI
        from .services.backup import BackupService

        started = time.monotonic()
        gate = self.db.write_gate
        try:
            health = BackupService(self.paths).check_database()
        except BaseException as err:
            gate.refuse([f"{type(err).__name__}: {err}"])
            raise
        if health.state == "ok":
            gate.allow()
            log.info("full check passed in %.1f s; writes allowed", time.monotonic() - started)
        else:
            gate.refuse(health.problems or (health.state,))
            log.error("full check after start: %s: %s", health.state, "; ".join(health.problems))
        self.health = health
        return health

    def _on_done(self, health) -> None:
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(health)

    def _on_error(self, error: BaseException) -> None:
        from .services.backup import DAMAGED, Health
        from .services.failures import failure

        self.health = Health(DAMAGED, (f"{type(error).__name__}: {error}",),
                             failure(DAMAGED, self.paths.database, str(error)))
        self._on_done(self.health)


def close_unmerged(db: Database) -> None:
    """Close the app's connections without merging the -wal into the file (what closing the last
    connection does): a read-only connection, which never checkpoints, holds the file meanwhile."""
    try:
        holder = _database.connect_read_only(db.path)
    except sqlite3.Error:
        holder = None
    try:
        db.close()
    finally:
        if holder is not None:
            holder.close()


def open_database(paths: DataPaths, *, hold_writes: bool = False) -> Database:
    """Open (create, upgrade) the database. Before an upgrade the backup service makes a full,
    verified backup (database and documents), listed with the others in 备份与恢复.

    ``hold_writes``: every write waits until the full check after start (FullCheck) has passed
    (Database.hold_writes); reads go on."""
    db = Database(paths.database)

    def backup_first() -> str:
        from .services.backup import BackupService

        return BackupService(paths, db).before_migration()

    copy = db.ensure_schema(before_upgrade=backup_first)
    if copy:
        log.info("database upgraded; copy of the previous version at %s", copy)
    if hold_writes:
        db.hold_writes()
    return db


def build_services(paths: DataPaths, db: Database):
    """The services, each made when the window or a tab first asks for it (ui.main_window.AppServices):
    a tab's service and what it imports (SQLAlchemy for the ORM services, reportlab for the documents)
    load with the tab, not at start. Each service once, its peers handed in (a DAG: selection ←
    sessions ← agreements, documents ← aftercare), so that no service builds another inside its
    methods."""
    from .ui.main_window import AppServices

    def intake(_s):
        from .services.intake import IntakeService

        return IntakeService(db)

    def ledger(_s):
        from .services.ledger import LedgerService

        return LedgerService(db)

    def settings(_s):
        from .services.settings import SettingsService

        return SettingsService(db)

    def drafts(_s):
        from .services.drafts import DraftStore

        return DraftStore(paths.drafts, sealer=lambda: db.sealer)  # sealed while someone is logged in

    def documents(s):
        from .services.documents import DocumentService

        return DocumentService(db, paths, sessions=s.sessions)

    def elders(_s):
        from .services.elders import ElderService

        return ElderService(db)

    def people(_s):
        from .services.elders import PeopleService

        return PeopleService(db)

    def selection(_s):
        from .services.selection import SelectionService

        return SelectionService(db)

    def roster(_s):
        from .services.roster import RosterImporter

        return RosterImporter(db)

    def sessions(s):
        from .services.session import SessionService

        return SessionService(db, s.selection)

    def agreements(s):
        from .services.agreements import AgreementService

        return AgreementService(db, paths, s.selection, sessions=s.sessions)

    def statistics(_s):
        from .services.statistics import StatisticsService

        return StatisticsService(db)

    def backups(_s):
        from .services.backup import BackupService

        return BackupService(paths, db)

    def aftercare(s):
        from .services.aftercare import AftercareService

        return AftercareService(db, paths, documents=s.documents)

    def canvasses(_s):
        from .services.canvass import CanvassService

        return CanvassService(db)

    def audit(_s):
        from .services.audit import AuditService

        return AuditService(db)

    def exchange(_s):
        from .services.exchange import ExchangeService

        return ExchangeService(db, paths.root)

    def case_access(_s):
        from .services.case_access import CaseAccess

        return CaseAccess(db)

    def returns(_s):
        from .services.exchange.returns_import import ReturnImporter

        return ReturnImporter(db, paths.root)

    return AppServices(paths, {
        "returns": returns, "intake": intake, "ledger": ledger, "settings": settings, "drafts": drafts, "documents": documents,
        "elders": elders, "selection": selection, "people": people, "roster": roster, "sessions": sessions,
        "agreements": agreements, "statistics": statistics, "backups": backups, "aftercare": aftercare,
        "canvasses": canvasses, "audit": audit, "case_access": case_access,
        "exchange": exchange})


def create_application(paths: DataPaths, language: str | None = None):
    """The QApplication with the bundled font and the interface language.
    Returns (app, translations, ui_settings, font families registered)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .ui.fonts import install_fonts
    from .ui.i18n import DEFAULT_LANGUAGE, Translations
    from .ui.icons import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("三理室调解台")
    app.setOrganizationName("xinye")
    app.setWindowIcon(app_icon())
    families = install_fonts(app)
    ui_settings = QSettings(str(paths.ui_settings), QSettings.Format.IniFormat)
    translations = Translations(app)
    translations.apply(language or ui_settings.value("language", DEFAULT_LANGUAGE))
    return app, translations, ui_settings, families


def build_hub_services(paths: DataPaths, db: Database):
    """The hub window's services (ui/hub/window.HubServices), each made when first asked for."""
    from .ui.hub.window import HubServices

    def overview(_s):
        from .services.hub.overview import HubOverview

        return HubOverview(db)

    def holdings(_s):
        from .services.hub import HubHoldings

        return HubHoldings(db, paths.root)

    def reviews(_s):
        from .services.hub import HubReviews

        return HubReviews(db)

    def importer(_s):
        from .services.hub import HubImporter

        return HubImporter(db, paths.root)

    def returns(_s):
        from .services.hub.returns import HubReturns

        return HubReturns(db)

    def audit(_s):
        from .services.audit import AuditService

        return AuditService(db)

    def relay(_s):
        from .services.hub.relay import TownshipRelay

        return TownshipRelay(db, paths.root)

    def committees(_s):
        from .services.hub import HubCommittees

        return HubCommittees(db)

    def roster(_s):
        from .services.hub.roster import HubRoster

        return HubRoster(db)

    def backups(_s):
        from .services.backup import BackupService

        return BackupService(paths, db)

    factories = {"overview": overview, "holdings": holdings, "reviews": reviews, "importer": importer,
                 "returns": returns, "audit": audit, "committees": committees, "roster": roster,
                 "relay": relay}
    if db.path is not None:  # SQLite: the folder's file and hub-documents/; a server's backups are pg_dump's
        factories["backups"] = backups
    return HubServices(paths, factories)


def hub_identity(db: Database):
    """The data folder's hub identity (services/hub HubSetup), None for a village's folder."""
    from .services.hub import HubSetup

    return HubSetup(db).identity()


def create_window(paths: DataPaths, db: Database, translations, ui_settings, signed_in=None, *, hub=None):
    """The main window; ``signed_in`` (ui/access.SignedIn) the account it works for, None without accounts.
    ``hub``: the folder's HubIdentity, for the 司法所's or 司法局's window (ui/hub) instead of the village's."""
    if hub is not None:
        from .ui.hub.window import HubWindow

        label = getattr(db, "url", None)
        return HubWindow(build_hub_services(paths, db), hub, translations, ui_settings, signed_in,
                         database_label=label.render_as_string(hide_password=True) if label is not None else "")
    from .ui.main_window import MainWindow

    return MainWindow(build_services(paths, db), translations, ui_settings, signed_in)


def set_up_hub(paths: DataPaths, db: Database, *, smoke_test: bool = False):
    """``--hub`` in a folder that is not a hub yet: the set-up dialog (ui/hub/setup_dialog.py), once. The
    identity made, or None (cancelled; the smoke test does not set up a hub and ends)."""
    if smoke_test:
        print(f"--hub: {paths.root} is not set up as a 司法所 or 司法局 yet (hub-setup, or start it with --hub "
              "and set it up in the window)", file=sys.stderr)
        return None
    from PySide6.QtWidgets import QMessageBox

    from .services.hub import HubSetup
    from .ui.hub.setup_dialog import HubSetupDialog
    from .ui.i18n import translate

    dialog = HubSetupDialog(HubSetup(db), paths.root)
    if not dialog.exec():
        return None
    QMessageBox.information(None, translate("App", "设置完成"), translate(
        "App", "本机已设为{name}。请把 {file} 交给各村（拷到 U 盘），村里报送时用它加密。\n本机密钥指纹：{fingerprint}").format(
        name=dialog.identity.name, file=str(dialog.key_file), fingerprint=dialog.identity.fingerprint))
    return dialog.identity


# -- accounts at start (issue 15) ---------------------------------------------------------------
LOGIN, SETUP, FIRST_PASSWORD = "login", "setup", "first_password"
# sign_in()'s answer when the window is to be built with no account: the smoke test on a folder where
# no one can log in yet (nothing is sealed there before the first password), and tests.
NO_ACCOUNT = object()
SMOKE_USER, SMOKE_PASSWORD = "XINYE_USER", "XINYE_PASSWORD"


def account_state(db: Database, accounts):
    """Which screen the start opens on: (LOGIN, None) once a password exists (the recovery key's
    setting says so, read without the ORM, so that the login paints quickly); (FIRST_PASSWORD, the
    administrator) on a folder upgraded from the version without accounts; (SETUP, None) on a new one."""
    from .services.accounts import RECOVERY_SETTING

    if db.read_settings().get(RECOVERY_SETTING):
        return LOGIN, None
    pending = accounts.first_password_pending()
    if pending is not None:
        return FIRST_PASSWORD, pending
    if accounts.needs_setup():
        return SETUP, None
    return LOGIN, None


def sign_in(paths: DataPaths, db: Database, *, smoke_test: bool = False, full_check: "FullCheck | None" = None,
            front=None, accounts=None):
    """Before the main window: the set-up of the first administrator, or the login. Returns the
    ui.access.SignedIn to build the window for; NO_ACCOUNT (the smoke test only, see below); or None:
    the user quit, the full check after start found the file damaged meanwhile, or the smoke test ended
    at the login screen. Whenever accounts exist, NOBODY is the database's actor until the login
    (every service refuses). ``front(widget)``: told which window is in front (to bring it forward).

    ``--smoke-test`` runs unattended: with XINYE_USER and XINYE_PASSWORD set it logs in as that account;
    without them it paints the login screen and ends there (exit 0). On a folder where no one can log
    in yet (new, or upgraded and its administrator without a password) it paints the set-up screen and
    then shows the window as before accounts, creating no account."""
    from .services.accounts import AccountService
    from .storage.actor import NOBODY
    from .ui.access import SignedIn

    accounts = accounts or AccountService(db)
    state, pending = account_state(db, accounts)
    if state != SETUP:
        db.use_actor_source(NOBODY)
    committee = db.read_settings().get("committee_name", "")
    # The GUI thread's read connection goes (it is made again when the window reads): the first key
    # seals a clear folder and rewrites the file (storage/sealing_upgrade.py), from the worker thread
    # the login runs on, which closes the database's connections, and SQLite refuses to close one
    # made on another thread.
    db.close()
    if smoke_test:
        return _smoke_sign_in(db, accounts, state, pending, committee, full_check)
    if state == LOGIN:
        from .ui.login_dialog import LoginDialog

        dialog = LoginDialog(accounts, committee)
    else:
        from .ui.setup_dialog import SetupDialog

        dialog = SetupDialog(accounts, pending, committee)
    if front is not None:
        front(dialog)
    from PySide6.QtCore import QTimer

    if full_check is not None:
        # Started once the dialog is up (the login writes, and every write waits for this check); damage
        # found meanwhile closes the dialog, and the start's recovery follows.
        QTimer.singleShot(0, dialog, full_check.start)
        def verdict(health) -> None:
            import shiboken6

            if health.state != "ok" and shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.done(0)

        full_check.then(verdict)
    # The ORM the login's transactions need, imported while the user types (not before the first paint).
    QTimer.singleShot(300, dialog, lambda: threading.Thread(target=db.warm_up, name="orm-warm-up",
                                                             daemon=True).start())
    dialog.exec()
    if full_check is not None and full_check.health is not None and full_check.health.state != "ok":
        return None
    if dialog.session is None:
        return None
    log.info("logged in as %s (%s)", dialog.session.username, dialog.session.role.value)
    return SignedIn(accounts, dialog.session)


def _smoke_sign_in(db: Database, accounts, state: str, pending, committee: str, full_check=None):
    """The unattended sign-in of --smoke-test (sign_in)."""
    import os

    from PySide6.QtWidgets import QApplication

    from .ui.access import SignedIn

    if state == LOGIN:
        from .ui.login_dialog import LoginDialog

        user, password = os.environ.get(SMOKE_USER, ""), os.environ.get(SMOKE_PASSWORD, "")
        if not (user and password):
            dialog = LoginDialog(accounts, committee)
            dialog.show()
            QApplication.processEvents()
            if dialog.grab().isNull():
                raise RuntimeError("the login screen did not render")
            dialog.close()
            print(f"smoke test ok: login screen shown ({SMOKE_USER}/{SMOKE_PASSWORD} not set, so no window)")
            return None
        if full_check is not None:  # the login writes, and a write waits for the full check
            full_check.start()
        session = accounts.login(user, password)  # a refusal fails the smoke test with its message
        return SignedIn(accounts, session)
    from .ui.setup_dialog import SetupDialog

    dialog = SetupDialog(accounts, pending, committee)
    dialog.show()
    QApplication.processEvents()
    if dialog.grab().isNull():
        raise RuntimeError("the set-up screen did not render")
    dialog.close()
    if pending is not None:  # the upgraded administrator is not logged in: the window reads as before accounts
        db.use_actor_source(None)
    return NO_ACCOUNT


def after_show(window, db: Database, full_check: FullCheck | None = None) -> None:
    """Work for once the window is up: offer back an unsaved draft once the window is painted (the
    question comes over the window, and reading the drafts is not on the way to the first picture),
    then import the ORM so the first save is quick, then the backup at start (on a worker thread).
    The import waits for the first paint: in a thread it competes with painting for the GIL
    (measured: +60-100 ms to the first paint when started with show()). With a ``full_check`` under
    way the start backup waits for it to pass (a backup of a damaged file would only fail its own
    check), and is not made if it does not. The timers have the window as context: dropped if the
    window is gone by then (replaced after a restore)."""
    from PySide6.QtCore import QTimer

    window.after_first_paint(window.offer_draft)
    QTimer.singleShot(500, lambda: threading.Thread(target=db.warm_up, name="orm-warm-up", daemon=True).start())
    if full_check is None:
        QTimer.singleShot(BACKUP_AFTER_MS, window, window.start_backups)
        return
    shown = time.monotonic()

    def checked(health) -> None:
        if health.state == "ok":
            left = BACKUP_AFTER_MS - int((time.monotonic() - shown) * 1000)
            QTimer.singleShot(max(left, 0), window, window.start_backups)

    full_check.then(checked)


BACKUP_AFTER_MS = 2000  # the start backup, after the window has settled
CHECK_NOTICE_MS = 3000  # a full check after start still running by then is named in the status bar


def claim_folder(guard, *, smoke_test: bool) -> int | None:
    """One app per data folder. None: this process has the folder. Otherwise the exit code:
    0 when the running app was asked to bring its window forward, 3 when the folder stays locked."""
    from .ui.single_instance import ask_take_over

    if guard.acquire():
        return None
    if guard.ask_running_to_show():
        print("三理室调解台已经打开了这个数据文件夹，已把它的窗口调到前面。")
        return 0
    holder = guard.holder()
    log.warning("data folder locked by %s, which does not answer", holder)
    if not smoke_test and ask_take_over(holder) and guard.take_over():
        log.warning("lock taken over after the user confirmed")
        return None
    print(f"数据文件夹正被另一个程序使用（{holder}），未打开。", file=sys.stderr)
    return 3


def bring_forward(window) -> None:
    from PySide6.QtCore import Qt

    if window is None:
        return
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def run_gui(data_dir: Path | None, *, smoke_test: bool = False, language: str | None = None, hub: bool = False,
            database: str | None = None) -> int:
    """The app's window on ``data_dir``: the village's, or the hub's where the folder is a 司法所's or 司法局's
    (``hub``: make it one first, with the set-up dialog, where it is not yet). ``database``: the hub's
    PostgreSQL URL (--hub --database), opened instead of the folder's SQLite file; the folder keeps the hub's
    documents, logs and window settings."""
    if database is not None and not hub:
        raise ValueError("--database is for the hub's window only (--hub)")
    paths = DataPaths(data_dir or default_data_dir())
    server = None
    if database is not None:  # opened first: a server that refuses leaves nothing made, not even the folder
        server = open_server(database, smoke_test=smoke_test)
        if server is None:
            return 2
    problem = prepare_folder(paths)
    if problem is not None:
        print(f"无法使用数据文件夹 {paths.root}：{problem.text()}", file=sys.stderr)
        if not smoke_test:
            from PySide6.QtWidgets import QMessageBox

            from .ui.backup_dialog import failure_text
            from .ui.i18n import translate

            create_application(paths, language)
            QMessageBox.critical(None, translate("App", "无法使用数据文件夹"), failure_text(problem))
        if server is not None:
            server.close()
        return 2
    setup_logging(paths)
    app, translations, ui_settings, families = create_application(paths, language)

    from .ui.single_instance import InstanceGuard

    guard = InstanceGuard(paths.root)
    refused = claim_folder(guard, smoke_test=smoke_test)
    if refused is not None:
        if server is not None:
            server.close()
        return refused
    try:
        return _run_window(app, paths, translations, ui_settings, families, guard, smoke_test=smoke_test, hub=hub,
                           server=server)
    finally:
        guard.release()
        if server is not None:
            server.close()


def open_server(url: str, *, smoke_test: bool = False) -> Database | None:
    """The hub's PostgreSQL database (--hub --database URL) at the head revision (services/data_folder.py);
    None, having said why on stderr (and in a message box but for the smoke test): not a PostgreSQL URL, an
    unreachable server, a refused login, a database not set up with hub-setup, or a newer one."""
    from .services.data_folder import HubDatabaseRefused, open_hub_database

    try:
        return open_hub_database(url)
    except HubDatabaseRefused as refused:
        print(refused.text, file=sys.stderr)
        if not smoke_test:
            from PySide6.QtWidgets import QApplication, QMessageBox

            from .ui.fonts import install_fonts
            from .ui.i18n import translate

            app = QApplication.instance() or QApplication(sys.argv[:1])
            install_fonts(app)  # the bundled Chinese font: the data folder (and its window settings) is not made
            QMessageBox.critical(None, translate("App", "无法打开数据库"), refused.text)
        return None


def _run_window(app, paths, translations, ui_settings, families, guard, *, smoke_test: bool, hub: bool = False,
                server: Database | None = None) -> int:
    """The window's life on the folder's database, or on ``server`` (the hub's PostgreSQL database, opened by
    run_gui: no file to check at start, its integrity and backups are the server's)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from .ui.error_dialog import ErrorReporter
    from .ui.i18n import translate

    failures: list[str] = []
    # "front": the window in front (the login before the main window), brought forward when a second
    # start of the app asks for it.
    current: dict = {"window": None, "db": None, "check": None, "front": None}
    reporter = ErrorReporter(paths.logs / "xinye-desktop.log", paths.root, lambda: current["window"],
                             failures if smoke_test else None, lambda: app.exit(1))
    reporter.install()

    def say(message: str) -> None:
        if message:
            print(message, file=sys.stderr)
            if not smoke_test:
                QMessageBox.critical(None, translate("App", "无法打开数据库"), message)

    def open_checked(deferred: bool) -> Database | None:
        """The check, then the database opened; None (after saying why) when the app must exit."""
        message = check_database_at_start(paths, smoke_test=smoke_test, full=not deferred)
        if message is not None:
            say(message)
            return None
        return open_or_say(hold_writes=deferred)

    def open_or_say(hold_writes: bool = False) -> Database | None:
        try:
            return open_database(paths, hold_writes=hold_writes)
        except Exception as err:  # the database cannot be opened: say so, do not touch the file
            log.exception("cannot open database")
            say(translate("App", "无法打开数据库 {path}：\n{error}").format(path=str(paths.database), error=err))
            return None

    def front(widget) -> None:
        current["front"] = widget

    def signed_in():
        """The account for the next window (sign_in); None when the app is to end. A sign-in ended by
        the full check's finding the file damaged goes through the recovery and asks again."""
        while True:
            try:
                found = sign_in(paths, current["db"], smoke_test=smoke_test, full_check=current["check"],
                                front=front)
            except Exception:
                if not smoke_test:
                    raise
                text = traceback.format_exc()  # e.g. XINYE_USER's password refused: the smoke test fails
                failures.append(text)
                print(text, file=sys.stderr)
                return None
            check = current["check"]
            if smoke_test or check is None or check.health is None or check.health.state == "ok" \
                    or check.db is not current["db"]:
                return found
            if not recover_damaged(check.health):  # damaged while the login was up: as after the window
                return None

    def show_window(account):
        window = create_window(paths, current["db"], translations, ui_settings,
                               None if account is NO_ACCOUNT else account, hub=hub_identity(current["db"]))
        window.restored.connect(lambda: replace(window))
        window.logged_out.connect(lambda: logged_out(window))
        current["window"] = window
        current["front"] = window
        window.show()
        return window

    def logged_out(old) -> None:
        """账号 → 注销: the window has closed (its work kept as at close); the login again, on the same data."""
        app.setQuitOnLastWindowClosed(False)  # the window goes before the login comes
        current["window"] = None
        QTimer.singleShot(0, lambda: relogin(old))

    def relogin(old) -> None:
        old.deleteLater()
        try:
            account = signed_in()
            if account is None:
                app.exit(0)
                return
            window = show_window(account)
            if window.backup_runner is not None:
                after_show(window, current["db"])
        finally:
            app.setQuitOnLastWindowClosed(True)

    def replace(old) -> None:
        """After a restore: the login again (the restored data has its own accounts), then a new window on
        it; the old one closes unsaved."""
        stale = None
        if current["db"].write_gate is not None:
            # A full check after start may still be reading the file the restore replaced; the restored
            # one is a verified backup: a Database without the hold, and that check's verdict is moot.
            stale, current["db"] = current["db"], Database(paths.database)
            current["check"] = None
        current["db"].use_sealer(None)  # the restored data's own key comes with its login
        current["db"].use_actor_source(None)
        app.setQuitOnLastWindowClosed(False)
        try:
            current["window"] = None
            old.close()
            old.deleteLater()
            if stale is not None:
                stale.close()
            account = signed_in()
            if account is None:
                app.exit(0)
                return
            window = show_window(account)
            QTimer.singleShot(0, window.offer_draft)
            window.backup_runner.start_daily()
        finally:
            app.setQuitOnLastWindowClosed(True)

    def start_full_check() -> FullCheck | None:
        """The full check of a large file, made now; it starts when the login is up (sign_in: the login
        writes, and every write waits for it), else after the window's first paint."""
        if current["db"].write_gate is None:  # a small file: checked in full before the window
            return None
        return FullCheck(paths, current["db"])

    def watch_full_check(window, check: FullCheck | None) -> None:
        if check is None:
            return
        window.after_first_paint(check.start)  # (already started if a login came first)
        check.then(lambda health: checked(check, health))
        if not smoke_test:  # a slow check (a cold disk: ~15 s for 1 GB) says why a save waits
            def still_checking() -> None:
                if check.health is None:
                    window.statusBar().showMessage(translate("App", "正在检查数据库，检查完成之前保存会稍等。"))
                    check.then(lambda _health: window.statusBar().clearMessage())

            QTimer.singleShot(CHECK_NOTICE_MS, window, still_checking)

    def checked(check: FullCheck, health) -> None:
        if health.state == "ok" or smoke_test or check.db is not current["db"] or current["window"] is None:
            return  # the smoke test reports it itself; after a restore the file is another one
        app.setQuitOnLastWindowClosed(False)  # the window closes before the question below
        try:
            window = current["window"]
            window.discard()
            window.deleteLater()
            current["window"] = None
            if not recover_damaged(health):
                app.exit(2)
                return
            account = signed_in()
            if account is None:
                app.exit(0)
                return
            window = show_window(account)
            if window.backup_runner is not None:
                after_show(window, current["db"])
        finally:
            app.setQuitOnLastWindowClosed(True)

    def recover_damaged(health) -> bool:
        """The full check found the file damaged: it is closed unmerged, moved aside, the newest good
        backup offered, and the database opened again on what the user chose (as at start). False
        when the app must exit (after saying why)."""
        from .services.backup import LOCKED, BackupService
        from .ui.backup_dialog import failure_text

        close_unmerged(current["db"])
        current["check"] = None
        if health.state == LOCKED:
            say(failure_text(health.failure))
            return False
        message = offer_good_backup(paths, BackupService(paths).set_aside_damaged())
        if message is not None:
            say(message)
            return False
        reopened = open_or_say()  # a verified backup restored, or a new empty file: nothing to check
        if reopened is None:
            return False
        current["db"] = reopened
        return True

    db = server if server is not None else open_checked(full_check_deferred(paths))
    if db is None:
        return 2
    current["db"] = db
    current["check"] = start_full_check()
    guard.listen(lambda: bring_forward(current["front"]))
    account = signed_in()
    if account is None:
        code = 1 if failures else 0
        if smoke_test and current["check"] is not None and not failures:  # the login was the whole run
            health = current["check"].wait()
            if health is None or health.state != "ok":
                print(f"the full check of {db.path} after start failed", file=sys.stderr)
                code = 1
        current["db"].close()
        return code
    db = current["db"]
    if hub and hub_identity(db) is None and set_up_hub(paths, db, smoke_test=smoke_test) is None:
        db.close()
        return 1 if smoke_test else 0
    window = show_window(account)
    check = current["check"]
    watch_full_check(window, check)
    if smoke_test:
        cycle = _hub_smoke_cycle if getattr(window, "is_hub", False) else _smoke_cycle
        QTimer.singleShot(0, lambda: cycle(app, window, db, families, failures, check))
    elif window.backup_runner is None:  # a hub on PostgreSQL: the server is backed up with pg_dump
        QTimer.singleShot(500, lambda: threading.Thread(target=db.warm_up, name="orm-warm-up", daemon=True).start())
    else:
        after_show(window, db, check)
    code = app.exec()
    if current["window"] is not None and current["window"].backup_runner is not None:
        current["window"].backup_runner.wait()
    current["db"].close()
    return 1 if failures else code


def _smoke_cycle(app, window, db, families, failures, full_check: FullCheck | None = None) -> None:
    """Show every tab (each built as it is first shown), open a case if there is one, switch language
    and back, wait for the full check if one runs after the first paint; then quit."""
    try:
        if not families:
            raise RuntimeError("the bundled Chinese font could not be registered")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            if window.tabs.currentWidget().grab().isNull():
                raise RuntimeError(f"tab {index} did not render")
        if window.unbuilt_tabs():
            raise RuntimeError(f"tabs not built when shown: {', '.join(window.unbuilt_tabs())}")
        db.warm_up()
        cases = window.ledger_tab.model.total
        if cases:
            window.open_case(window.ledger_tab.model.row_at(0).id)
            app.processEvents()
        backups = window.backup_dialog()
        if backups.grab().isNull():
            raise RuntimeError("the backup dialog did not render")
        backups.deleteLater()
        for code in ("en", "zh_CN"):
            window.set_language(code)
            app.processEvents()
        if full_check is not None:
            health = full_check.wait()
            if health is None or health.state != "ok":
                problems = "; ".join(health.problems) if health is not None else "it did not end"
                raise RuntimeError(f"the full check of {db.path} after the first paint failed: {problems}")
        who = window.signed_in.session if window.signed_in is not None else None
        print(f"smoke test ok: {window.tabs.count()} tabs shown, {cases} cases in {db.path}"
              + (f", logged in as {who.username} ({who.role.value})" if who is not None else ""))
        window.close()
        app.exit(0)
    except Exception:
        text = traceback.format_exc()
        failures.append(text)
        print(text, file=sys.stderr)
        app.exit(1)


def _hub_smoke_cycle(app, window, db, families, failures, full_check: FullCheck | None = None) -> None:
    """The hub window's smoke test: every tab shown and loaded (its query run), the dialogs built, the
    language switched and back, the full check waited for; then quit."""
    from .ui.tasks import _live

    try:
        if not families:
            raise RuntimeError("the bundled Chinese font could not be registered")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            tab = window.tabs.currentWidget()
            app.processEvents()
            deadline = time.monotonic() + 60
            while tab.task is not None and tab.task.running and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            app.processEvents()
            if tab.error:
                raise RuntimeError(f"hub tab {index} failed to load: {tab.error}")
            if tab.grab().isNull():
                raise RuntimeError(f"hub tab {index} did not render")
        for make in (window.import_dialog, window.return_dialog) + \
                ((window.backup_dialog,) if window.backup_runner is not None else ()):
            dialog = make()
            if dialog.grab().isNull():
                raise RuntimeError(f"{type(dialog).__name__} did not render")
            dialog.deleteLater()
        for code in ("en", "zh_CN"):
            window.set_language(code)
            app.processEvents()
        if full_check is not None:
            health = full_check.wait()
            if health is None or health.state != "ok":
                raise RuntimeError(f"the full check of {db.path} after the first paint failed")
        deadline = time.monotonic() + 60
        while _live and time.monotonic() < deadline:  # the loads the language switch started
            app.processEvents()
            time.sleep(0.01)
        who = window.signed_in.session if window.signed_in is not None else None
        committees = len(window.committees_tab.committees)
        print(f"smoke test ok: hub window ({window.identity.name}), {window.tabs.count()} tabs shown, "
              f"{committees} committees" + (f", logged in as {who.username} ({who.role.value})" if who is not None else ""))
        window.close()
        app.exit(0)
    except Exception:
        text = traceback.format_exc()
        failures.append(text)
        print(text, file=sys.stderr)
        app.exit(1)
