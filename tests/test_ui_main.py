"""The main window as a whole: tabs, honest placeholders, language, the ledger's lazy loading, smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from xinye_desktop.paths import resources_dir
from xinye_desktop.demo import generate

ROOT = Path(__file__).resolve().parent.parent


def test_window_has_todays_work_the_ledger_and_the_case_tabs(make_window):
    window = make_window()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["今日工作", "案件台账", "案件受理", "选择明白人", "法理情调解", "调解协议", "回访与履行", "统计报表"]
    assert window.tabs.currentWidget() is window.ledger_tab  # nothing to do today: the ledger first


def test_no_tab_is_marked_unfinished_any_more(make_window):
    from PySide6.QtWidgets import QAbstractButton, QLabel

    window = make_window()
    texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert texts and not [t for t in texts if "未完成" in t]


def test_bundled_font_renders_chinese(app_fonts):
    from PySide6.QtGui import QFontMetrics, QFont

    assert "Noto Sans SC" in app_fonts
    metrics = QFontMetrics(QFont("Noto Sans SC"))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "三理室调解台张建国㛃")  # 㛃: CJK Ext A
    # 𠈌 (Ext B) is not in Noto: the bundled HanaMinB subset comes next in the application font's families.
    assert "HanaMinB" in app_fonts
    assert QFontMetrics(QFont("HanaMinB")).inFontUcs4(0x2020C)
    from PySide6.QtWidgets import QApplication

    assert QApplication.font().families()[-1] == "HanaMinB"


def test_english_from_the_menu_relabels_everything_and_back(make_window, qtbot):
    window = make_window()
    window.language_actions["en"].trigger()
    ledger = window.tabs.indexOf(window.ledger_tab)
    qtbot.waitUntil(lambda: window.tabs.tabText(ledger) == "Case ledger", timeout=3000)
    assert window.intake_tab.save_button.text() == "Save (Ctrl+S)"
    assert window.ledger_tab.type_combo.itemText(2) == "Neighbours"
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.intake_tab)) == "案件受理", timeout=3000)
    assert window.ledger_tab.type_combo.itemText(2) == "邻里纠纷"


def test_every_interface_string_has_an_english_translation():
    """The committed .ts must hold every string in the source, each one translated."""
    ts = resources_dir() / "translations" / "xinye_desktop_en.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed beside this Python")
    fresh = Path(os.environ.get("PYTEST_TMP", "/tmp")) / f"xinye-lupdate-{os.getpid()}.ts"
    sources = sorted(str(p) for p in (ROOT / "xinye_desktop").rglob("*.py"))
    subprocess.run([str(lupdate), "-no-obsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)

    def messages(path):
        found = {}
        for context in ET.parse(path).getroot():
            for message in context.findall("message"):
                translation = message.find("translation")
                found[(context.findtext("name"), message.findtext("source"))] = translation
        return found

    in_source = set(messages(fresh))
    fresh.unlink()
    committed = messages(ts)
    missing = in_source - set(committed)
    assert not missing, f"run tools/update_translations.sh and translate: {sorted(missing)[:5]}"
    unfinished = [k for k in in_source if committed[k].get("type") == "unfinished" or not committed[k].text]
    assert not unfinished, f"untranslated: {unfinished[:5]}"
    # Qt reads a lone & in a tab, button or menu text as a keyboard shortcut ("Visits & performance" showed
    # as "Visits_performance"): a translation has one only where its source marks a shortcut too.
    stray = [(k, committed[k].text) for k in in_source
             if "&" not in k[1] and "&" in committed[k].text.replace("&&", "")]
    assert not stray, f"an & Qt would read as a shortcut: {stray[:5]}"
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime - 1, "recompile the .qm (tools/update_translations.sh)"


def test_ledger_fetches_rows_page_by_page_and_filters(make_window, database, qtbot, monkeypatch):
    from xinye_desktop.demo import agreements as demo_agreements

    monkeypatch.setattr(demo_agreements, "ARCHIVE_LIMIT", 0)  # paging needs rows, not the agreements' PDFs
    generate(database, cases=700, seed=7)
    window = make_window()
    ledger = window.ledger_tab
    ledger.refresh()
    assert ledger.model.total == 700
    assert ledger.model.rowCount() == 200, "only the first page is read"
    ledger.table.scrollToBottom()
    qtbot.waitUntil(lambda: ledger.model.rowCount() > 200, timeout=3000)
    assert "共 700 件" in ledger.count_label.text()

    ledger.status_combo.setCurrentIndex(ledger.status_combo.findText("调解中"))
    assert 0 < ledger.model.total < 700
    assert all(ledger.model.row_at(i).status == "mediating" for i in range(ledger.model.rowCount()))

    chosen = []
    ledger.case_chosen.connect(chosen.append)
    ledger.table.doubleClicked.emit(ledger.model.index(0, 0))
    assert chosen == [ledger.model.row_at(0).id]
    assert window.tabs.currentWidget() is window.intake_tab
    assert window.intake_tab.current_case_id == chosen[0]
    assert chosen and window.case_banner.text().endswith(ledger.model.row_at(0).case_number)


def test_window_fits_1366x768_at_150_percent_scaling(make_window):
    window = make_window()
    # 1366×768 at 150% leaves about 910×470 logical pixels under the taskbar.
    assert window.minimumSizeHint().width() <= 910 and window.minimumSize().width() <= 910
    assert window.minimumSize().height() <= 470
    window.resize(910, 470)
    assert window.width() <= 910 and window.height() <= 470


def _run_app(*args, data_dir, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "xinye_desktop", *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def test_smoke_test_starts_the_full_gui_on_a_fresh_and_on_a_demo_database(tmp_path, monkeypatch):
    fresh = _run_app("--smoke-test", data_dir=tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.stderr
    assert "smoke test ok: 8 tabs" in fresh.stdout
    demo = _run_app("demo", "--cases", "120", data_dir=tmp_path / "demo")
    assert demo.returncode == 0, demo.stderr
    from xinye_desktop.demo.crew import ADMIN  # the demo makes accounts (issue 15): the smoke test logs in

    monkeypatch.setenv("XINYE_USER", ADMIN.username)
    monkeypatch.setenv("XINYE_PASSWORD", ADMIN.password)
    filled = _run_app("--smoke-test", data_dir=tmp_path / "demo")
    assert filled.returncode == 0, filled.stderr
    assert "120 cases" in filled.stdout


def test_smoke_test_fails_loudly_when_the_database_is_not_a_database(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "xinye.sqlite3").write_bytes(b"this is not an sqlite file" * 100)
    result = _run_app("--smoke-test", data_dir=folder)
    assert result.returncode != 0
    assert "无法打开数据库" in result.stderr
    assert (folder / "xinye.sqlite3").read_bytes().startswith(b"this is not"), "the file is left untouched"


def test_committee_settings_set_the_case_number_prefix(make_window, qtbot):
    from xinye_desktop.ui.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.services.settings, window.committee, window)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("新野县王庄镇王庄村人民调解委员会")
    dialog.prefix_edit.setText("新王调字")
    dialog.accept()
    assert dialog.boxes["case_prefix"].error == "前缀里不用写“调字”，案号会自动加上"
    assert dialog.saved is None
    dialog.prefix_edit.setText("新王")
    assert "（" in dialog.example_label.text() and "新王调字第001号" in dialog.example_label.text()
    dialog.accept()
    assert dialog.saved.case_prefix == "新王"
    assert window.services.settings.load().committee_name == "新野县王庄镇王庄村人民调解委员会"


def test_every_translate_call_names_its_context_and_text_literally():
    """pyside6-lupdate finds only translate("Context", "text") with both written out: a context held in a
    variable (translate(CTX, ...)) leaves the string out of the .ts, shown in Chinese in every language, and
    the test above cannot see it."""
    import ast

    hidden = []
    for path in sorted((ROOT / "xinye_desktop").rglob("*.py")):
        if path.name == "i18n.py":  # the helpers themselves pass their arguments on
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate"
                    and node.args and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str))):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []
