"""Render every tab of the main window to PNG files, offscreen, for a person to look at.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py --data-dir DIR --out shots/ [--scale 1.5] [--lang en]

Use a data folder filled by ``xinye-desktop demo``. The intake tab is shown twice: empty with
every validation message, and with the newest case open for editing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from xinye_desktop.app import build_services, open_database
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.ui.fonts import install_fonts
    from xinye_desktop.ui.i18n import Translations
    from xinye_desktop.ui.main_window import MainWindow

    app = QApplication([])
    install_fonts(app)
    translations = Translations(app)
    translations.apply(args.lang)
    paths = DataPaths(args.data_dir)
    paths.create()
    db = open_database(paths)
    window = MainWindow(build_services(paths, db), translations, QSettings())
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(int(width / float(args.scale)), int((height - 40) / float(args.scale)))
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        app.processEvents()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    shot("ledger")
    window.tabs.setCurrentWidget(window.intake_tab)
    shot("intake-new")
    window.intake_tab.save()
    shot("intake-errors")
    if window.ledger_tab.model.total:
        window.intake_tab._drafts.discard("intake")
        window.intake_tab.new_case(confirm=False)
        window.open_case(window.ledger_tab.model.row_at(0).id)
        shot("intake-edit")
        window.intake_tab.scroll.verticalScrollBar().setValue(10_000)
        shot("intake-edit-bottom")
    # 选择明白人: the case choice page for the open cases (each at another point of choosing),
    # then the pool and the role lists.
    import sqlite3

    with sqlite3.connect(paths.database) as conn:
        open_ids = [r[0] for r in conn.execute("SELECT id FROM cases WHERE status IN ('accepted', 'mediating') "
                                               "ORDER BY id DESC LIMIT 9")]
    for n, case_id in enumerate(reversed(open_ids)):
        window.intake_tab._drafts.discard("intake")
        window.intake_tab.new_case(confirm=False)
        window.open_case(case_id)
        window.tabs.setCurrentWidget(window.elder_tab)
        window.elder_tab.pages.setCurrentIndex(0)
        shot(f"elders-case{n}")
    window.tabs.setCurrentWidget(window.elder_tab)
    for index, name in ((1, "elders-pool"), (2, "elders-people")):
        window.elder_tab.pages.setCurrentIndex(index)
        shot(name)
    # 法理情调解: a case under mediation (its open sitting, every step) and a settled one.
    from xinye_desktop.domain.session import Step

    with sqlite3.connect(paths.database) as conn:
        under_way = conn.execute("SELECT case_id FROM sittings WHERE finished_at IS NULL ORDER BY id LIMIT 1").fetchone()
        settled = conn.execute("SELECT case_id FROM sittings WHERE outcome = 'terminated' ORDER BY id LIMIT 1").fetchone()
    for label, row in (("session-open", under_way), ("session-terminated", settled)):
        if row is None:
            continue
        window.intake_tab.new_case(confirm=False)
        window.open_case(row[0])
        window.tabs.setCurrentWidget(window.session_tab)
        for step in Step:
            window.session_tab.go_to(step)
            shot(f"{label}-{list(Step).index(step)}-{step.value}")
    # 调解协议: one case per agreement state, the 案卷文书 menu, and the 验证 dialog on a document's code.
    with sqlite3.connect(paths.database) as conn:
        by_state = conn.execute("SELECT state, MIN(case_id) FROM agreements GROUP BY state ORDER BY state").fetchall()
        oral = conn.execute("SELECT case_id FROM sittings WHERE outcome = 'oral' LIMIT 1").fetchone()
        document_code = conn.execute("SELECT code FROM issued_documents ORDER BY id LIMIT 1").fetchone()
    window.agreement_tab.open_files = False
    for state, case_id in by_state + ([("oral-case", oral[0])] if oral else []):
        window.intake_tab.new_case(confirm=False)
        window.open_case(case_id)
        window.tabs.setCurrentWidget(window.agreement_tab)
        shot(f"agreement-{state}")
    menu = window.agreement_tab.forms_menu
    menu.popup(window.agreement_tab.forms_button.mapToGlobal(window.agreement_tab.forms_button.rect().bottomLeft()))
    app.processEvents()
    menu.grab().save(str(args.out / "agreement-forms-menu.png"))
    menu.hide()
    if document_code:
        from xinye_desktop.ui.agreement_tab import VerifyDialog

        dialog = VerifyDialog(window.services.agreements, window)
        dialog.show()
        dialog.code.setText(document_code[0])
        dialog.verify()
        app.processEvents()
        dialog.grab().save(str(args.out / "verify-document.png"))
        dialog.close()
    window.intake_tab._drafts.discard("intake")
    return 0


if __name__ == "__main__":
    sys.exit(main())
