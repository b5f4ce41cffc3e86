"""Wiring: the only module that knows every layer. Builds the services and starts the window."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path

from .paths import DataPaths, default_data_dir
from .services.documents import DocumentService
from .services.drafts import DraftStore
from .services.intake import IntakeService
from .services.ledger import LedgerService
from .services.settings import SettingsService
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


def check_database_at_start(paths: DataPaths, *, smoke_test: bool = False, ask_damaged=None) -> str | None:
    """The quick check before the database is opened. None: carry on. Otherwise the message to
    show before exiting ("" to exit quietly). A damaged file is moved aside, never overwritten,
    and the newest good backup is offered (``ask_damaged(folder, backup, fewer_cases) -> bool``);
    a file held by another program is left alone. Damaged includes a file that exists but holds
    no schema (0 bytes) in a folder used before (BackupService.check_database): building an empty
    database in it would show no cases and back that emptiness up. Which backup is "good", and
    why one with fewer cases than an older one is only named with a warning (``fewer_cases``),
    is BackupService.newest_good()'s rule."""
    from .services.backup import DAMAGED, LOCKED, BackupFailed, BackupService
    from .ui.backup_dialog import failure_text
    from .ui.i18n import translate

    backups = BackupService(paths)
    health = backups.check_database()
    if health.state == LOCKED:
        return failure_text(health.failure)
    set_aside = None
    if health.state == DAMAGED:
        log.error("database failed its check at start: %s", "; ".join(health.problems))
        if smoke_test:  # not interactive: report, touch nothing
            return translate("App", "无法打开数据库 {path}：\n{error}").format(
                path=str(paths.database), error="; ".join(health.problems))
        set_aside = backups.set_aside_damaged()
    left_damaged = paths.damaged.is_dir() and any(paths.damaged.iterdir())
    if paths.database.exists() or not (set_aside or left_damaged) or smoke_test:
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


def open_database(paths: DataPaths) -> Database:
    """Open (create, upgrade) the database. Before an upgrade the backup service makes a full,
    verified backup (database and documents), listed with the others in 备份与恢复."""
    db = Database(paths.database)

    def backup_first() -> str:
        from .services.backup import BackupService

        return BackupService(paths, db).before_migration()

    copy = db.ensure_schema(before_upgrade=backup_first)
    if copy:
        log.info("database upgraded; copy of the previous version at %s", copy)
    return db


def build_services(paths: DataPaths, db: Database):
    from .ui.main_window import AppServices

    from .services.elders import ElderService, PeopleService
    from .services.roster import RosterImporter
    from .services.selection import SelectionService
    from .services.aftercare import AftercareService
    from .services.agreements import AgreementService
    from .services.backup import BackupService
    from .services.session import SessionService
    from .services.statistics import StatisticsService
    from .services.canvass import CanvassService

    # Each service once, its peers handed in (a DAG: selection ← sessions ← agreements, documents ←
    # aftercare), so that no service builds another inside its methods.
    selection = SelectionService(db)
    sessions = SessionService(db, selection)
    documents = DocumentService(db, paths, sessions=sessions)
    return AppServices(paths=paths, intake=IntakeService(db), ledger=LedgerService(db),
                       settings=SettingsService(db), drafts=DraftStore(paths.drafts),
                       documents=documents, elders=ElderService(db),
                       selection=selection, people=PeopleService(db), roster=RosterImporter(db),
                       sessions=sessions,
                       agreements=AgreementService(db, paths, selection, sessions=sessions),
                       statistics=StatisticsService(db), backups=BackupService(paths, db),
                       aftercare=AftercareService(db, paths, documents=documents),
                       canvasses=CanvassService(db))


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


def create_window(paths: DataPaths, db: Database, translations, ui_settings):
    from .ui.main_window import MainWindow

    return MainWindow(build_services(paths, db), translations, ui_settings)


def after_show(window, db: Database) -> None:
    """Work for once the window is up: offer back an unsaved draft, then import the ORM so the
    first save is quick, then the backup at start (on a worker thread). The import waits for the
    first paint: in a thread it competes with painting for the GIL (measured: +60-100 ms to the
    first paint when started with show())."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.offer_draft)
    QTimer.singleShot(500, lambda: threading.Thread(target=db.warm_up, name="orm-warm-up", daemon=True).start())
    QTimer.singleShot(2000, window.start_backups)


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


def run_gui(data_dir: Path | None, *, smoke_test: bool = False, language: str | None = None) -> int:
    paths = DataPaths(data_dir or default_data_dir())
    problem = prepare_folder(paths)
    if problem is not None:
        print(f"无法使用数据文件夹 {paths.root}：{problem.text()}", file=sys.stderr)
        if not smoke_test:
            from PySide6.QtWidgets import QMessageBox

            from .ui.backup_dialog import failure_text
            from .ui.i18n import translate

            create_application(paths, language)
            QMessageBox.critical(None, translate("App", "无法使用数据文件夹"), failure_text(problem))
        return 2
    setup_logging(paths)
    app, translations, ui_settings, families = create_application(paths, language)

    from .ui.single_instance import InstanceGuard

    guard = InstanceGuard(paths.root)
    refused = claim_folder(guard, smoke_test=smoke_test)
    if refused is not None:
        return refused
    try:
        return _run_window(app, paths, translations, ui_settings, families, guard, smoke_test=smoke_test)
    finally:
        guard.release()


def _run_window(app, paths, translations, ui_settings, families, guard, *, smoke_test: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from .ui.error_dialog import ErrorReporter
    from .ui.i18n import translate

    failures: list[str] = []
    current: dict = {"window": None}
    reporter = ErrorReporter(paths.logs / "xinye-desktop.log", paths.root, lambda: current["window"],
                             failures if smoke_test else None, lambda: app.exit(1))
    reporter.install()

    message = check_database_at_start(paths, smoke_test=smoke_test)
    if message is not None:
        if message:
            print(message, file=sys.stderr)
            if not smoke_test:
                QMessageBox.critical(None, translate("App", "无法打开数据库"), message)
        return 2
    try:
        db = open_database(paths)
    except Exception as err:  # the database cannot be opened: say so, do not touch the file
        log.exception("cannot open database")
        message = translate("App", "无法打开数据库 {path}：\n{error}").format(path=str(paths.database), error=err)
        print(message, file=sys.stderr)
        if not smoke_test:
            QMessageBox.critical(None, translate("App", "无法打开数据库"), message)
        return 2

    def show_window():
        window = create_window(paths, db, translations, ui_settings)
        window.restored.connect(lambda: replace(window))
        current["window"] = window
        window.show()
        return window

    def replace(old) -> None:
        """After a restore: a new window on the restored data; the old one closes unsaved."""
        window = show_window()
        QTimer.singleShot(0, window.offer_draft)
        window.backup_runner.start_daily()
        old.close()
        old.deleteLater()

    guard.listen(lambda: bring_forward(current["window"]))
    window = show_window()
    if smoke_test:
        QTimer.singleShot(0, lambda: _smoke_cycle(app, window, db, families, failures))
    else:
        after_show(window, db)
    code = app.exec()
    if current["window"] is not None:
        current["window"].backup_runner.wait()
    db.close()
    return 1 if failures else code


def _smoke_cycle(app, window, db, families, failures) -> None:
    """Show every tab, open a case if there is one, switch language and back; then quit."""
    try:
        if not families:
            raise RuntimeError("the bundled Chinese font could not be registered")
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            if window.tabs.currentWidget().grab().isNull():
                raise RuntimeError(f"tab {index} did not render")
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
        print(f"smoke test ok: {window.tabs.count()} tabs shown, {cases} cases in {db.path}")
        window.close()
        app.exit(0)
    except Exception:
        text = traceback.format_exc()
        failures.append(text)
        print(text, file=sys.stderr)
        app.exit(1)
