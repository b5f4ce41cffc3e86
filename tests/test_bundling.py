"""build.spec's helpers: the Windows version resource from __version__, and which Qt parts stay out."""

from __future__ import annotations

import sys
import types

import pytest

from bundling.spec_support import drops_qt_part, drops_unused, trim, version_file_text, version_numbers
from xinye_desktop import __version__


def test_windows_version_numbers_come_from_the_dotted_prefix():
    assert version_numbers("0.5.0") == (0, 5, 0, 0)
    assert version_numbers("1.2.3.4") == (1, 2, 3, 4)
    assert version_numbers("2.0") == (2, 0, 0, 0)
    assert version_numbers("0.6.0rc1") == (0, 6, 0, 0)
    with pytest.raises(ValueError):
        version_numbers("next")
    with pytest.raises(ValueError):
        version_numbers("1.70000")


def test_the_version_file_is_one_pyinstaller_reads_and_writes(tmp_path, monkeypatch):
    compat = pytest.importorskip("PyInstaller.compat")
    if sys.platform != "win32":  # reading the text and serialising it need none of Windows' modules
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.setattr(compat, "win32api", None, raising=False)
        monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    path = tmp_path / "version-info.txt"
    path.write_text(version_file_text(__version__), encoding="utf-8")
    info = versioninfo.load_version_info_from_text_file(str(path))
    numbers = version_numbers(__version__)
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert info.ffi.productVersionLS == (numbers[2] << 16) | numbers[3]
    strings = {s.name: s.val for s in info.kids[0].kids[0].kids}
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["ProductName"] == "三理室调解台"
    assert strings["OriginalFilename"] == "xinye-desktop.exe"
    assert info.toRaw()  # serialises into the resource PyInstaller embeds


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6\\plugins\\platforms\\qoffscreen.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/plugins/imageformats/qico.dll",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/translations/qtbase_en.qm",
    "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt6Pdf.dll",
    "PySide6/Qt/lib/libicudata.so.73", "libQt6Core.so.6", "PySide6/QtPdfWidgets.abi3.so",
    "sqlalchemy/engine/_result_cy.cpython-311-x86_64-linux-gnu.so", "resources/fonts/HanaMinB-ExtBCD.ttf",
])
def test_what_the_app_uses_stays(dest):
    assert not drops_qt_part(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/plugins/imageformats/qwebp.dll", "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/plugins/networkinformation/qnetworklistmanager.dll",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/translations/qt_help_zh_CN.qm", "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/translations/qtdeclarative_zh_CN.qm", "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt6Qml.dll", "libQt6EglFSDeviceIntegration.so.6",
    "PySide6/opengl32sw.dll", "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
])
def test_what_the_app_does_not_use_goes(dest):
    assert drops_qt_part(dest)


def test_trim_removes_the_libraries_only_dropped_parts_needed():
    links = {
        "/src/QtGui.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/src/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libglib-2.0.so.0"],
        "/src/libcairo.so.2": ["libpixman-1.so.0"],
        "/src/libpixman-1.so.0": [], "/src/libglib-2.0.so.0": [],
        "/src/libloaded-by-dlopen.so": [],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
        ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
        ("libloaded-by-dlopen.so", "/src/libloaded-by-dlopen.so", "BINARY"),
    ]
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libcairo-link.so", "libcairo.so.2", "SYMLINK"),
             ("PySide6/Qt/translations/qt_de.qm", "/src/qt_de.qm", "DATA")]
    kept, kept_datas, removed = trim(binaries, datas, imports=lambda src: links[src])
    assert [e[0] for e in kept] == ["PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6",
                                    "libglib-2.0.so.0", "libloaded-by-dlopen.so"]
    assert [e[0] for e in kept_datas] == ["libQt6Gui.so.6"]
    assert set(removed) == {"PySide6/Qt/plugins/platformthemes/libqgtk3.so", "libcairo.so.2", "libpixman-1.so.0",
                            "libcairo-link.so", "PySide6/Qt/translations/qt_de.qm"}


def test_only_the_chinese_number_database_of_python_stdnum_is_kept():
    assert not drops_unused("stdnum/cn/loc.dat") and not drops_unused("stdnum\\cn\\loc.dat")
    assert drops_unused("stdnum/oui.dat") and drops_unused("stdnum/at/postleitzahl.dat")
    assert not drops_unused("stdnum/cn/ric.py")


def test_no_qt_module_the_app_imports_is_left_out_of_the_bundle():
    """A module excluded in build.spec is missing from the bundle: the app would start from source and
    fail only when frozen (the single-instance guard's QtNetwork once did)."""
    import ast
    from pathlib import Path

    from bundling.spec_support import EXCLUDED_QT_MODULES

    package = Path(__file__).resolve().parents[1] / "xinye_desktop"
    imported = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names if a.name.startswith("PySide6."))
    assert {"PySide6.QtWidgets", "PySide6.QtNetwork", "PySide6.QtPdf"} <= imported
    assert not imported & set(EXCLUDED_QT_MODULES)
    for module in imported:
        name = module.split(".")[1]
        for library in (f"PySide6/Qt/lib/lib{name.replace('Qt', 'Qt6', 1)}.so.6",
                        f"PySide6/{name.replace('Qt', 'Qt6', 1)}.dll"):
            assert not drops_qt_part(library), library
