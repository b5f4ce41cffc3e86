"""Render every tab of the main window and its main dialogs to PNG files, offscreen, for a person to look at.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py --data-dir DIR --out shots/ [--scale 1.5] [--lang en]
                                                          [--only today,ledger,dialog-verify]

Use a data folder filled by ``xinye-desktop demo``; nothing in it is changed (dialogs are shown,
photographed and cancelled; question boxes are answered "No"). Each shot waits until the layouts have
settled. The cases shown are picked from the data by what they show (an open sitting, a printed
agreement, an overdue visit ...), so any demo folder works. Files, in the order taken:

    today, ledger, ledger-filtered, intake-new, intake-errors, intake-edit, intake-edit-bottom,
    elders-caseN, elders-relation, elders-pool, elders-people, session-open-N-step, session-terminated-N-step,
    agreement-STATE, agreement-oral-case, agreement-forms-menu, aftercare-WHAT, statistics-PERIOD,
    dialog-NAME (settings, backup, about, verify-*, history, elder-*, person-new, roster-*, propose*,
    sign, aftercare-*, visit*, pdf-preview)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path


class Shooter:
    """Takes the shots: lets the layouts settle, then grabs the window (or a dialog) into ``out``."""

    def __init__(self, app, window, out: Path, only: set[str] | None):
        self.app, self.window, self.out, self.only = app, window, out, only
        self.taken: list[str] = []
        self.failed: list[str] = []
        self._pending: list[tuple[str, object]] = []  # (name, hook) for the next dialogs shown

    def wanted(self, name: str) -> bool:
        return not self.only or any(name.startswith(prefix) for prefix in self.only)

    def settle(self, rounds: int = 4) -> None:
        """Layouts are posted events that post more (a label wraps, its parent grows, a scroll bar
        appears ...): run the event loop a few times, with short waits for zero-delay timers."""
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtTest import QTest

        for _ in range(rounds):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.app.processEvents()
            QTest.qWait(25)

    def save(self, widget, name: str) -> None:
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.taken.append(name)
        print(path, flush=True)

    def shot(self, name: str) -> None:
        if self.wanted(name):
            self.settle()
            self.save(self.window, name)

    # -- dialogs --------------------------------------------------------------------------------
    def dialog(self, name: str, open_it, hook=None) -> None:
        """Call ``open_it``; the next dialog it shows is photographed (after ``hook(dialog)``) and cancelled."""
        if not self.wanted(f"dialog-{name}"):
            return
        self._pending.append((f"dialog-{name}", hook))
        try:
            open_it()
        except Exception as error:  # noqa: BLE001 - one failed shot must not stop the others
            self.failed.append(f"dialog-{name}: {error!r}")
            print(f"!! dialog-{name}: {error!r}", flush=True)
        if self._pending and self._pending[-1][0] == f"dialog-{name}":
            self._pending.pop()
            self.failed.append(f"dialog-{name}: no dialog was shown")
            print(f"!! dialog-{name}: no dialog was shown", flush=True)

    def exec_dialog(self, dialog) -> int:
        """Stands in for QDialog.exec: show, settle, photograph, cancel."""
        dialog.show()
        self.settle()
        if self._pending:
            name, hook = self._pending.pop()
            if hook is not None:
                hook(dialog)
                self.settle()
            self.save(dialog, name)
        dialog.hide()
        return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--only", default="", help="comma-separated name prefixes, e.g. today,dialog-verify")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

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
    args.out.mkdir(parents=True, exist_ok=True)
    # Window geometry and the like go to a settings file of their own, not the user's.
    settings = QSettings(str(args.out / "screenshots.ini"), QSettings.Format.IniFormat)
    window = MainWindow(build_services(paths, db), translations, settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(int(width / float(args.scale)), int((height - 40) / float(args.scale)))
    window.show()
    shooter = Shooter(app, window, args.out, {p for p in args.only.split(",") if p} or None)

    # Nothing may wait for a click: dialogs are photographed and cancelled, questions answered "No",
    # file choosers cancelled; a modal box that still turns up is closed after a few seconds.
    QDialog.exec = lambda self: shooter.exec_dialog(self)
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("", False))

    def close_stray_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            print(f"!! closed a modal window nobody expected: {modal.windowTitle()}", flush=True)
            modal.close()

    watchdog = QTimer(interval=3000, timeout=close_stray_modal)
    watchdog.start()

    conn = sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True)

    def one(sql: str, *params):
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def open_case(case_id: int) -> None:
        window.intake_tab._drafts.discard("intake")
        window.intake_tab.new_case(confirm=False)
        window.open_case(case_id)

    def show(tab) -> None:
        window.tabs.setCurrentWidget(tab)

    started = time.monotonic()
    window.agreement_tab.open_files = False
    window.aftercare_tab.open_files = False
    window.elder_tab.pool_page.open_files = False

    # 今日工作 and 案件台账 ---------------------------------------------------------------------
    show(window.today_tab)
    shooter.shot("today")
    show(window.ledger_tab)
    shooter.shot("ledger")
    word = one("SELECT dispute_type FROM cases GROUP BY dispute_type ORDER BY COUNT(*) DESC LIMIT 1")
    if word and shooter.wanted("ledger-filtered"):
        window.ledger_tab.type_combo.setCurrentIndex(window.ledger_tab.type_combo.findData(word))
        shooter.shot("ledger-filtered")
        window.ledger_tab.type_combo.setCurrentIndex(0)

    # 案件受理: empty with every message, then the newest case open for editing ---------------------
    show(window.intake_tab)
    shooter.shot("intake-new")
    if shooter.wanted("intake-errors"):
        window.intake_tab.save()
        shooter.shot("intake-errors")
    newest = one("SELECT id FROM cases ORDER BY id DESC LIMIT 1")
    if newest:
        open_case(newest)
        shooter.shot("intake-edit")
        window.intake_tab.scroll.verticalScrollBar().setValue(10_000)
        shooter.shot("intake-edit-bottom")
        shooter.dialog("history", window.intake_tab.show_history)

    # 选择明白人: the choice page for open cases (each at another point of choosing), the pool, the lists.
    open_ids = [r[0] for r in conn.execute(
        "SELECT id FROM cases WHERE status IN ('accepted', 'mediating') ORDER BY id DESC LIMIT 4")]
    for n, case_id in enumerate(reversed(open_ids)):
        if not shooter.wanted(f"elders-case{n}"):
            continue
        open_case(case_id)
        show(window.elder_tab)
        window.elder_tab.pages.setCurrentIndex(0)
        shooter.shot(f"elders-case{n}")
    related = one("SELECT ce.case_id FROM case_elder_consents cec JOIN case_elders ce ON ce.id = cec.case_elder_id "
                  "WHERE cec.relation != '' ORDER BY ce.case_id DESC LIMIT 1")
    if related and shooter.wanted("elders-relation"):  # a party declared a relation with the elder
        open_case(related)
        show(window.elder_tab)
        window.elder_tab.pages.setCurrentIndex(0)
        shooter.shot("elders-relation")
    if open_ids:
        open_case(open_ids[0])
        show(window.elder_tab)
        window.elder_tab.pages.setCurrentIndex(0)
        choice = window.elder_tab.choice_page
        shooter.settle()

        def pick_candidate() -> None:
            if choice.candidate_table.model().rowCount():
                choice.candidate_table.selectRow(0)
            choice.propose_selected()

        shooter.dialog("propose", pick_candidate)
        shooter.dialog("propose-ad-hoc", choice.propose_ad_hoc)
    show(window.elder_tab)
    pool = window.elder_tab.pool_page
    window.elder_tab.pages.setCurrentIndex(1)
    shooter.shot("elders-pool")
    shooter.dialog("elder-new", pool.add)
    shooter.settle()
    if pool.table.model().rowCount():
        pool.table.selectRow(0)
        shooter.dialog("elder-edit", pool.edit_selected)
    shooter.dialog("roster-import", pool.import_roster)
    shooter.dialog("roster-print", pool.print_roster)
    window.elder_tab.pages.setCurrentIndex(2)
    shooter.shot("elders-people")
    shooter.dialog("person-new", window.elder_tab.people_page.add)

    # 法理情调解: a case under mediation (its open sitting, every step) and a terminated one ----------
    from xinye_desktop.domain.session import Step

    for label, case_id in (("session-open", one("SELECT case_id FROM sittings WHERE finished_at IS NULL ORDER BY id LIMIT 1")),
                           ("session-terminated", one("SELECT case_id FROM sittings WHERE outcome = 'terminated' "
                                                      "ORDER BY id LIMIT 1"))):
        if case_id is None or not shooter.wanted(label):
            continue
        open_case(case_id)
        show(window.session_tab)
        for index, step in enumerate(Step):
            window.session_tab.go_to(step)
            shooter.shot(f"{label}-{index}-{step.value}")

    # 调解协议: one case per agreement state, an oral agreement, the 案卷文书 menu, 登记签署, the preview.
    tab = window.agreement_tab
    for state, case_id in conn.execute("SELECT state, MAX(case_id) FROM agreements GROUP BY state ORDER BY state").fetchall():
        open_case(case_id)
        show(tab)
        shooter.shot(f"agreement-{state}")
        if state == "printed":
            shooter.dialog("sign", tab.mark_signed)
        if state == "signed" and tab.current is not None and tab.current.pdf_path is not None:
            from xinye_desktop.ui.pdf_preview import PdfPreviewDialog

            shooter.dialog("pdf-preview", lambda: PdfPreviewDialog(tab.current.pdf_path, "", window).exec(),
                           hook=lambda d: d.resize(900, 700))
    oral = one("SELECT id FROM cases WHERE status = 'agreement_oral' ORDER BY id DESC LIMIT 1")
    if oral:
        open_case(oral)
        show(tab)
        shooter.shot("agreement-oral-case")
    if shooter.wanted("agreement-forms-menu"):
        menu = tab.forms_menu
        menu.popup(tab.forms_button.mapToGlobal(tab.forms_button.rect().bottomLeft()))
        shooter.settle()
        shooter.save(menu, "agreement-forms-menu")
        menu.hide()

    # 回访与履行: a signed agreement, one with 司法确认 applied, an oral agreement, an overdue visit.
    after = window.aftercare_tab
    cases = {
        "signed": one("SELECT case_id FROM agreements WHERE state = 'signed' ORDER BY case_id DESC LIMIT 1"),
        "confirmation-applied": one("SELECT id FROM cases WHERE confirmation_status = 'applied' ORDER BY id DESC LIMIT 1"),
        "confirmed": one("SELECT id FROM cases WHERE confirmation_status = 'confirmed' ORDER BY id DESC LIMIT 1"),
        "oral": oral,
        "overdue-visit": one("SELECT case_id FROM return_visits WHERE visited_on IS NULL AND cancelled = 0 "
                             "ORDER BY due_on LIMIT 1"),
        "not-yet": one("SELECT id FROM cases WHERE status = 'accepted' ORDER BY id DESC LIMIT 1"),
    }
    for label, case_id in cases.items():
        if case_id is None or not shooter.wanted(f"aftercare-{label}"):
            continue
        open_case(case_id)
        show(after)
        shooter.shot(f"aftercare-{label}")
    if cases["signed"]:
        open_case(cases["signed"])
        show(after)
        shooter.settle()
        for name in ("status", "performance", "apply", "add"):
            handler = getattr(after, f"_on_{name}_button_clicked", None)
            if handler is not None:
                shooter.dialog(f"aftercare-{name}", handler)
        visits = after.visits_view.model()
        if visits is not None and visits.rowCount():
            after.visits_view.selectRow(0)
            shooter.dialog("visit", after._on_record_button_clicked)
            shooter.dialog("aftercare-cancel-visit", after._on_cancel_button_clicked)
    if cases["confirmation-applied"]:
        open_case(cases["confirmation-applied"])
        show(after)
        shooter.dialog("aftercare-decision", after._on_decision_button_clicked)
    done = one("SELECT case_id FROM return_visits WHERE visited_on IS NOT NULL ORDER BY id DESC LIMIT 1")
    if done and shooter.wanted("dialog-visit-done"):
        open_case(done)
        show(after)
        for row, visit in enumerate(after.care.visits if after.care else []):
            if visit.done:
                after.visits_view.selectRow(row)
                shooter.dialog("visit-done", after._on_record_button_clicked)
                break

    # 统计报表: this month, the quarter, the year, the year for one village (and its bottom) ------------
    from xinye_desktop.domain.statistics import Period, PeriodKind

    stats = window.statistics_tab
    show(stats)
    shooter.shot("statistics-month")
    month = stats.period()
    stats.choose(Period(PeriodKind.QUARTER, month.year, (month.number - 1) // 3 + 1))
    shooter.shot("statistics-quarter")
    stats.choose(Period(PeriodKind.YEAR, month.year, 1))
    shooter.shot("statistics-year")
    busiest = one("SELECT village_id FROM cases WHERE received_date LIKE ? GROUP BY village_id ORDER BY COUNT(*) DESC "
                  "LIMIT 1", f"{month.year}-%")
    if busiest is not None:
        stats.choose(Period(PeriodKind.YEAR, month.year, 1), busiest)
        shooter.shot("statistics-year-village")
        from PySide6.QtWidgets import QScrollArea

        for area in stats.findChildren(QScrollArea):
            area.verticalScrollBar().setValue(10_000)
        shooter.shot("statistics-year-village-bottom")

    # The menus' dialogs -----------------------------------------------------------------------------
    shooter.dialog("settings", window.edit_settings)
    shooter.dialog("backup", window.show_backups)
    shooter.dialog("about", window.show_about)

    def verify(code: str):
        def hook(dialog) -> None:
            dialog.code.setText(code)
            dialog.verify()
        return hook

    for name, code in (
            ("verify-agreement", one("SELECT code FROM agreements WHERE state = 'signed' ORDER BY id LIMIT 1")),
            ("verify-superseded", one("SELECT code FROM agreements WHERE state = 'superseded' ORDER BY id LIMIT 1")),
            ("verify-document", one("SELECT code FROM issued_documents ORDER BY id LIMIT 1")),
            ("verify-unknown", "ABCD-EFGH-JKMN"), ("verify-malformed", "123")):
        if code:
            shooter.dialog(name, window.verify_agreement, verify(code))

    watchdog.stop()
    conn.close()
    window.intake_tab._drafts.discard("intake")
    print(f"{len(shooter.taken)} shots in {time.monotonic() - started:.0f} s into {args.out}", flush=True)
    for failure in shooter.failed:
        print(f"!! {failure}", flush=True)
    return 1 if shooter.failed else 0


if __name__ == "__main__":
    sys.exit(main())
