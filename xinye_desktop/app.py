"""Wiring: the only module that knows every layer. Builds the services and starts the window."""

from __future__ import annotations

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


def setup_logging(paths: DataPaths) -> None:
    handler = logging.handlers.RotatingFileHandler(paths.logs / "xinye-desktop.log", maxBytes=1_000_000,
                                                   backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_database(paths: DataPaths) -> Database:
    db = Database(paths.database)
    copy = db.ensure_schema()
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
    from .services.session import SessionService

    selection = SelectionService(db)
    return AppServices(paths=paths, intake=IntakeService(db), ledger=LedgerService(db),
                       settings=SettingsService(db), drafts=DraftStore(paths.drafts),
                       documents=DocumentService(db, paths), elders=ElderService(db),
                       selection=selection, people=PeopleService(db), roster=RosterImporter(db),
                       sessions=SessionService(db, selection),
                       agreements=AgreementService(db, paths, selection),
                       aftercare=AftercareService(db, paths))


def create_application(paths: DataPaths, language: str | None = None):
    """The QApplication with the bundled font and the interface language.
    Returns (app, translations, ui_settings, font families registered)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .ui.fonts import install_fonts
    from .ui.i18n import DEFAULT_LANGUAGE, Translations

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("三理室调解台")
    app.setOrganizationName("xinye")
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
    first save is quick. The import waits for the first paint: in a thread it competes with
    painting for the GIL (measured: +60-100 ms to the first paint when started with show())."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, window.offer_draft)
    QTimer.singleShot(500, lambda: threading.Thread(target=db.warm_up, name="orm-warm-up", daemon=True).start())


def run_gui(data_dir: Path | None, *, smoke_test: bool = False, language: str | None = None) -> int:
    paths = DataPaths(data_dir or default_data_dir())
    try:
        paths.create()
    except OSError as err:
        print(f"无法创建数据文件夹 {paths.root}：{err}", file=sys.stderr)
        return 2
    setup_logging(paths)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from .ui.i18n import translate

    app, translations, ui_settings, families = create_application(paths, language)
    failures: list[str] = []

    def on_error(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unhandled error\n%s", text)
        if smoke_test:
            failures.append(text)
            print(text, file=sys.stderr)
            app.exit(1)
            return
        QMessageBox.critical(None, translate("App", "程序出错"), translate(
            "App", "程序遇到一个错误，已记录在日志中：\n{log}\n\n已填写的内容会自动保存为草稿。\n\n{error}").format(
            log=str(paths.logs / "xinye-desktop.log"), error=str(value)))

    sys.excepthook = on_error
    try:
        db = open_database(paths)
    except Exception as err:  # the database cannot be opened: say so, do not touch the file
        log.exception("cannot open database")
        message = translate("App", "无法打开数据库 {path}：\n{error}").format(path=str(paths.database), error=err)
        print(message, file=sys.stderr)
        if not smoke_test:
            QMessageBox.critical(None, translate("App", "无法打开数据库"), message)
        return 2

    window = create_window(paths, db, translations, ui_settings)
    window.show()
    if smoke_test:
        QTimer.singleShot(0, lambda: _smoke_cycle(app, window, db, families, failures))
    else:
        after_show(window, db)
    code = app.exec()
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
