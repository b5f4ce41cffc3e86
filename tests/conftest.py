"""Shared fixtures: a temporary database with services, and the Qt application set up as the app does."""

from __future__ import annotations

import os

# Before any QApplication exists (tech-notes.md): without it pytest aborts with exit 134 headless.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.postgres import postgres_cluster, postgres_url  # noqa: E402,F401  (fixtures for the hub's tests)
from xinye_desktop.paths import DataPaths  # noqa: E402


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item):
    """Delete the widgets pytest-qt closed (deleteLater) now, between tests. Otherwise they wait for the next
    test's event loop and are deleted while its worker thread may hold the interpreter lock: a widget's
    disconnect then waits for that lock under a Qt lock the worker needs (a hang seen in a CI run)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    paths = DataPaths(tmp_path / "data")
    paths.create()
    return paths


@pytest.fixture
def database(data_paths):
    from xinye_desktop.app import open_database

    db = open_database(data_paths)
    yield db
    db.close()


@pytest.fixture
def app_services(data_paths, database):
    from xinye_desktop.app import build_services

    return build_services(data_paths, database)


@pytest.fixture(scope="session")
def app_fonts(qapp):
    from xinye_desktop.ui.fonts import install_fonts

    return install_fonts(qapp)


@pytest.fixture
def translations(qapp):
    from xinye_desktop.ui.i18n import Translations

    translations = Translations(qapp)
    translations.apply("zh_CN")
    yield translations
    translations.apply("zh_CN")


@pytest.fixture
def make_window(qtbot, app_fonts, translations, data_paths):
    """Build a main window the way app.run_gui does; call again to simulate a restart."""
    from PySide6.QtCore import QSettings

    from xinye_desktop.app import build_services, open_database
    from xinye_desktop.ui.main_window import MainWindow

    opened = []

    def make():
        db = open_database(data_paths)
        opened.append(db)
        settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
        window = MainWindow(build_services(data_paths, db), translations, settings)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # keyboard focus moves only inside the active window
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        return window

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def answer_dialogs(monkeypatch):
    """Answer QMessageBox.question with Yes (or what the test sets) and record what was asked."""
    from PySide6.QtWidgets import QMessageBox

    class Answers(list):
        state = {"answer": QMessageBox.StandardButton.Yes}

    asked = Answers()

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return asked.state["answer"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """``get(cases, seed)``: a data folder filled by the demo command's generator, made once per test
    session for each (cases, seed) and then only copied: a demo with its archived PDFs takes many
    seconds to make, a copy a fraction of one."""
    from xinye_desktop.demo import generate
    from xinye_desktop.storage.database import Database

    made: dict[tuple[int, int], DataPaths] = {}

    def get(cases: int = 150, seed: int = 2026) -> DataPaths:
        if (cases, seed) not in made:
            paths = DataPaths(tmp_path_factory.mktemp(f"demo-{cases}-{seed}"))
            paths.create()
            db = Database(paths.database)
            generate(db, cases=cases, seed=seed)
            db.close()
            made[cases, seed] = paths
        return made[cases, seed]

    return get


@pytest.fixture
def fill_demo(demo_template, data_paths):
    """Fill this test's (still empty) data folder with a copy of the session's demo data."""
    import shutil

    def fill(cases: int = 150, seed: int = 2026) -> None:
        assert not data_paths.database.exists(), "fill the data folder before opening its database"
        shutil.copytree(demo_template(cases, seed).root, data_paths.root, dirs_exist_ok=True)

    return fill
