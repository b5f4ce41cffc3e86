"""The Inno Setup script cannot be compiled here; these checks keep it in step with the app it installs."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from bundling.spec_support import EXE_NAME
from xinye_desktop import APP_AUTHOR, APP_NAME

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "bundling" / "windows" / "xinye-desktop.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"


@pytest.fixture(scope="module")
def script() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, so every Inno Setup 6 reads the Chinese right"
    return raw.decode("utf-8-sig")


def defines(script: str) -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', script, re.MULTILINE))


def section(script: str, name: str) -> str:
    match = re.search(rf"^\[{re.escape(name)}\]\n(.*?)(?=^\[\w+\]\n|\Z)", script, re.MULTILINE | re.DOTALL)
    assert match, f"no [{name}] section"
    return match.group(1)


def test_it_installs_the_program_the_spec_builds(script):
    assert defines(script)["AppExeName"] == f"{EXE_NAME}.exe"
    assert (ROOT / "resources" / "icons" / "xinye-desktop.ico").exists()
    assert r"..\..\resources\icons\xinye-desktop.ico" in script
    assert r'"..\..\dist\xinye-desktop"' in script


def test_the_app_id_is_fixed_and_names_the_uninstall_key_it_checks(script):
    guid = defines(script)["AppGuid"]
    assert str(uuid.UUID(guid)).upper() == guid
    assert "AppId={{{#AppGuid}}" in script
    assert r"Uninstall\{{#AppGuid}}_is1" in script


def test_the_data_folder_it_may_delete_is_the_one_the_app_uses_on_windows(script, monkeypatch):
    from platformdirs import windows

    monkeypatch.setattr(windows, "get_win_folder", lambda _name: "LOCALAPPDATA")
    app_folder = windows.Windows(APP_NAME, APP_AUTHOR).user_data_dir.replace("/", "\\")
    assert app_folder == "LOCALAPPDATA\\" + defines(script)["DataSubfolder"]
    assert "ExpandConstant('{localappdata}\\{#DataSubfolder}')" in script


def test_setup_is_chinese_per_machine_or_per_user_and_upgrades_in_place(script):
    setup = section(script, "Setup")
    assert "PrivilegesRequired=admin" in setup
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in setup
    assert "UsePreviousAppDir=yes" in setup
    assert "ArchitecturesInstallIn64BitMode=x64compatible" in setup
    assert 'MessagesFile: "{#ChineseMessages}"' in section(script, "Languages")
    assert r'"Languages\ChineseSimplified.isl"' in script
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in section(script, "InstallDelete")
    icons = section(script, "Icons")
    assert "{autoprograms}" in icons and "{autodesktop}" in icons and "Tasks: desktopicon" in icons


def test_a_silent_downgrade_is_refused_without_a_question_that_would_block_it(script):
    code = section(script, "Code")
    initialize = code[code.index("function InitializeSetup"):]
    initialize = initialize[:initialize.index("\nend;")]
    assert "HasSwitch('/ALLOWDOWNGRADE')" in initialize
    silent = initialize.index("if WizardSilent then")
    assert "Result := False" in initialize[silent:initialize.index("else", silent)]


def test_uninstall_keeps_the_data_unless_asked(script):
    code = section(script, "Code")
    assert "usPostUninstall" in code and "MB_DEFBUTTON2" in code
    assert "HasSwitch('/DELETEDATA')" in code and "UninstallSilent" in code
    used = set(re.findall(r"CustomMessage\('(\w+)'\)", code))
    defined = set(re.findall(r"^(\w+)=", section(script, "CustomMessages"), re.MULTILINE))
    assert used and used <= defined


def test_the_windows_workflow_builds_tries_and_keeps_the_installer():
    text = WORKFLOW.read_text(encoding="utf-8")
    for step in ("python -m PyInstaller --noconfirm build.spec", "--smoke-test", "choco upgrade innosetup",
                 r"bundling\windows\xinye-desktop.iss", "/CURRENTUSER", "/DELETEDATA", "upload-artifact",
                 # the console twin runs the commands; backup, restore and check; a first-version folder
                 "xinye-desktop-cli.exe", '"backup", "--to"', '"restore"', '"check"', "python -m tests.old_database"):
        assert step in text, step
