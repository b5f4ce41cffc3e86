"""The version's one source, the build facts and licence notices a bundle carries, and the About dialog."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from xinye_desktop import __version__, about

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- the version

def test_the_version_has_one_source_that_packaging_and_the_changelog_follow():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "xinye_desktop.__version__"}
    newest = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert newest and newest.group(1) == __version__, "add a CHANGELOG.md entry for the new version"


def test_the_command_line_says_the_version(capsys):
    from xinye_desktop.__main__ import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"xinye-desktop {__version__}"


# ---------------------------------------------------------------- components and licences

def test_running_from_source_lists_the_runtime_qt_fonts_and_every_dependency_with_its_licence_text():
    parts = {c.name.lower(): c for c in about.collect_components()}
    for name in ("python", "pyside6_essentials", "pyside6_addons", "shiboken6", "noto sans sc", "hanaminb (subset)",
                 "sqlalchemy", "alembic", "reportlab", "pillow", "python-stdnum", "pypinyin", "openpyxl",
                 "python-docx", "lxml", "cn2an", "platformdirs", "mako", "typing_extensions", "pypdf"):
        assert name in parts, f"{name} missing from {sorted(parts)}"
        assert parts[name].licence_text().strip(), f"no licence text for {name}"
    assert "LGPL-3.0" in parts["pyside6_essentials"].licence
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in parts["pyside6_essentials"].licence_text()
    assert parts["pyside6_essentials"].licence_text().index("LESSER") < \
        parts["pyside6_essentials"].licence_text().index("===== GPL-3.0.txt")
    assert parts["noto sans sc"].licence == "OFL-1.1" and "SIL OPEN FONT LICENSE" in \
        parts["noto sans sc"].licence_text().upper()
    # Only what the app runs on: the test tools are not bundled, so not listed (pypdf binds the 卷宗: it is).
    assert not {"pytest", "hypothesis", "pytest-qt", "pyinstaller"} & set(parts)


def test_font_version_is_read_from_the_font_file():
    assert about.font_version(ROOT / "resources" / "fonts" / "NotoSansSC-Regular.ttf").startswith("2.")
    assert about.font_version(ROOT / "README.md") == ""


def test_a_bundle_reads_back_the_notices_and_build_facts_written_at_build_time(tmp_path, monkeypatch):
    written = about.write_notices(tmp_path / about.LICENCES_DIR)
    about.write_build_info(tmp_path / about.BUILD_INFO_FILE, commit="1818461abc")
    summary = (tmp_path / about.LICENCES_DIR / about.NOTICES_TEXT).read_text(encoding="utf-8")
    assert all(c.name in summary for c in written)

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    info = about.build_info()
    assert info.frozen and info.version == __version__ and info.commit == "1818461abc"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", info.built_on())
    read = about.components()
    assert [c.name for c in read] == [c.name for c in written]
    for component in read:
        assert all(path.is_relative_to(tmp_path) for path in component.texts)
        assert component.licence_text() == next(w for w in written if w.name == component.name).licence_text()


def test_from_source_there_is_no_build_date():
    info = about.build_info()
    assert not info.frozen and info.built_on() is None and info.version == __version__


# ---------------------------------------------------------------- the dialog

@pytest.fixture
def dialog(qtbot, app_fonts, translations, tmp_path):
    from xinye_desktop.ui.about_dialog import AboutDialog

    info = about.BuildInfo(version=__version__, frozen=True, built_at="2026-11-25T14:03:00+08:00",
                           commit="1818461abc", python="3.11.9", system="Windows-10")
    made = AboutDialog(tmp_path / "data", info=info)
    qtbot.addWidget(made)
    return made


def test_about_says_version_build_date_and_data_folder(dialog, tmp_path):
    assert dialog.version_label.text() == __version__
    assert dialog.build_label.text() == "2026-11-25 14:03（源代码版本 1818461abc）"
    assert dialog.folder_label.text() == str(tmp_path / "data")
    assert "Qt 6." in dialog.runtime_label.text()


def test_about_lists_the_licences_and_shows_the_chosen_text(dialog, qtbot):
    dialog.pages.setCurrentIndex(1)
    names = [dialog.component_list.topLevelItem(i).text(0) for i in range(dialog.component_list.topLevelItemCount())]
    assert "PySide6_Essentials" in names and "Noto Sans SC" in names
    dialog.component_list.setCurrentItem(dialog.component_list.topLevelItem(names.index("Noto Sans SC")))
    assert "SIL OPEN FONT LICENSE" in dialog.licence_text.toPlainText().upper()


def test_about_copies_its_details_and_opens_the_data_folder(dialog, monkeypatch, tmp_path):
    from PySide6.QtGui import QDesktopServices, QGuiApplication

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"三理室调解台 {__version__}" in copied and str(tmp_path / "data") in copied
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    dialog.open_folder_button.click()
    assert opened == [str(tmp_path / "data")]


def test_help_about_opens_the_dialog(make_window, monkeypatch, data_paths):
    from xinye_desktop.ui import about_dialog

    shown = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self.data_folder) or 0)
    window = make_window()
    window.about_action.trigger()
    assert shown == [data_paths.root]


def test_about_fits_a_1366x768_screen_at_150_percent(dialog):
    assert dialog.width() <= 910 and dialog.height() <= 470
    assert dialog.minimumSizeHint().height() <= 470
