"""The main window: the case ledger and the four steps of a 三理室 case, as tabs.

Start-up cost (benchmarks/startup_and_search.py): only the tab the window opens on (今日工作 when there is
work due, else 案件台账) is built with the window; every other tab is a placeholder until it is first shown
or used (``window.elder_tab`` builds it), and so is the service behind it (AppServices): a tab's module,
its service and what they import (SQLAlchemy, reportlab) load then, not at start."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ..domain.accounts import Permission
from ..domain.errors import NotFound
from ..paths import DataPaths
from ..services.settings import CommitteeSettings
from .i18n import LANGUAGES, Retranslating, Translations, translate
from .signed_in_window import SignedInWindow

if TYPE_CHECKING:
    from .access import AccessControl, SignedIn
    from .backup_dialog import BackupDialog, BackupRunner, BackupStatusLabel
    from .lock_screen import IdleWatch, Locker
    from .aftercare_tab import AftercareTab
    from .agreement_tab import AgreementTab
    from .elder_tab import ElderTab
    from .intake_tab import IntakeTab
    from .ledger_tab import LedgerTab
    from .session_tab import SessionTab
    from .statistics_tab import StatisticsTab
    from .today_tab import TodayTab

CTX = "MainWindow"

# The tabs, in their order on the tab bar (retranslate() gives their titles in this order).
TAB_NAMES = ("today", "ledger", "intake", "elder", "session", "agreement", "aftercare", "statistics")
# The tabs that follow the case opened in the intake tab (set_case).
CASE_TABS = ("elder", "session", "agreement", "aftercare")
INTAKE_DRAFT = "intake"  # intake_tab.DRAFT_NAME (a test checks they agree): read without importing that tab


class AppServices:
    """The services the window and its tabs use, each made when first asked for (``services.intake``),
    then kept: one instance per name for the window's life, so that a tab built later gets the same
    one as the tabs before it. ``factories`` maps each name (intake, ledger, settings, drafts,
    documents, elders, selection, people, roster, sessions, agreements, statistics, backups,
    aftercare, canvasses, audit, case_access) to a function of this object that makes it; the wiring is
    app.build_services. Thread-safe: a worker thread asking for a service gets the same one."""

    def __init__(self, paths: DataPaths, factories: dict[str, Callable[["AppServices"], object]]):
        self.paths = paths
        self._factories = dict(factories)
        self._lock = threading.RLock()

    def __getattr__(self, name: str):
        factories = self.__dict__.get("_factories")
        if factories is None or name not in factories:
            raise AttributeError(name)
        with self._lock:
            if name not in self.__dict__:  # made once; later reads find it in __dict__, not here
                self.__dict__[name] = factories[name](self)
        return self.__dict__[name]

    def made(self) -> list[str]:
        """The services made so far (for tests and the start-up benchmark)."""
        return [name for name in self._factories if name in self.__dict__]


class _TabPlaceholder(QWidget):
    """Holds a tab's place on the tab bar until the tab is first shown or used."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name


FIRST_PAINT_WAIT_MS = 3000  # after_first_paint() calls back by then even when no paint came (a minimised start)


class _PaintWatch(QObject):
    """Calls back once, just after the first paint of the widget it watches."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]):
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self.call)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.call)  # once this paint has been delivered
        return False

    def call(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def _has_module(name: str) -> bool:
    """Whether ui/<name>.py is there (dialogs another part of the work adds: 账号管理, 审计记录)."""
    import importlib.util

    return importlib.util.find_spec(f"{__package__}.{name}") is not None


def _lazy_tab(name: str) -> property:
    return property(lambda self: self._tab(name), doc=f"The {name} tab, built when first used.")


class MainWindow(SignedInWindow, Retranslating, QMainWindow):
    # A backup was restored: this window's forms and lists belong to the data before it, so the
    # app replaces the window with a fresh one (app.py); this one closes without saving anything.
    restored = Signal()
    # The account logged out (账号 → 注销, or from the lock screen): the window has closed, its work kept
    # as at close; the app shows the login again (app.py).
    logged_out = Signal()

    today_tab: "TodayTab" = _lazy_tab("today")
    ledger_tab: "LedgerTab" = _lazy_tab("ledger")
    intake_tab: "IntakeTab" = _lazy_tab("intake")
    elder_tab: "ElderTab" = _lazy_tab("elder")
    session_tab: "SessionTab" = _lazy_tab("session")
    agreement_tab: "AgreementTab" = _lazy_tab("agreement")
    aftercare_tab: "AftercareTab" = _lazy_tab("aftercare")
    statistics_tab: "StatisticsTab" = _lazy_tab("statistics")

    def __init__(self, services: AppServices, translations: Translations, ui_settings: QSettings,
                 signed_in: "SignedIn | None" = None):
        """``signed_in``: the account logged in (ui/access.SignedIn), whose role the window follows, with
        the idle lock and the 账号 menu. None: no accounts (the library's own use and the tests that
        build the window directly): everything shown, no lock."""
        super().__init__()
        self.services = services
        self.signed_in = signed_in
        self.access: AccessControl | None = None
        self.locker: Locker | None = None
        self.idle_watch: IdleWatch | None = None
        self.account_label: QLabel | None = None
        self._logging_out = False
        self._session_ended = False
        self._translations = translations
        self._ui_settings = ui_settings
        self.committee: CommitteeSettings = services.settings.load()
        self._built: dict[str, QWidget] = {}
        self._work_at_start = None
        self._case_id: int | None = None  # the case the per-case tabs show (given to a tab built later)

        self.case_banner = QLabel()
        self.case_banner.setStyleSheet("padding: 4px 8px; background: #eef3f8; border-radius: 4px;")
        self.tabs = QTabWidget()
        for name in TAB_NAMES:
            self.tabs.addTab(_TabPlaceholder(name), "")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.case_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.committee_label = QLabel()
        self.statusBar().addPermanentWidget(self.committee_label)
        # The backup runner and the status bar's backup label come just after the first paint (or when
        # first used): the label reads the backups folder, and their module brings the backup dialog.
        self._backup_runner: BackupRunner | None = None
        self._backup_label: BackupStatusLabel | None = None
        self.after_first_paint(self._build_backup_parts)
        self._discarded = False

        self._build_menus()
        if signed_in is not None:
            self._build_account_parts(signed_in)
        # A click on a tab builds it before the tab bar switches; currentChanged covers the keyboard
        # and setCurrentIndex().
        self.tabs.tabBarClicked.connect(self._on_tabs_tab_bar_clicked)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        self.retranslate()
        # Today's work first when there is any; else the ledger, to find a case. Only that tab is built.
        work = services.ledger.work()
        self._work_at_start = work  # shown by the today tab when it is built (no second read)
        start = self.today_tab if work.total else self.ledger_tab
        self._work_at_start = None
        self.tabs.setCurrentWidget(start)
        self.resize(1280, 720)
        self.setMinimumSize(760, 440)  # 1366×768 at 150% scaling leaves ~910×470
        geometry = ui_settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """``callback()`` once on the GUI thread, just after the window's first paint (or after
        FIRST_PAINT_WAIT_MS if it is not painted): work that must not delay the first picture."""
        _PaintWatch(self, callback)

    @property
    def backup_runner(self) -> "BackupRunner":
        if self._backup_runner is None:
            self._build_backup_parts()
        return self._backup_runner

    @property
    def backup_label(self) -> "BackupStatusLabel":
        if self._backup_label is None:
            self._build_backup_parts()
        return self._backup_label

    def _build_backup_parts(self) -> None:
        if self._backup_runner is not None:
            return
        from .backup_dialog import BackupRunner, BackupStatusLabel

        self._backup_runner = BackupRunner(self.services.backups, self)
        self._backup_label = BackupStatusLabel(self.services.backups, self._backup_runner)
        self._backup_label.clicked.connect(self.show_backups)
        self.statusBar().insertPermanentWidget(0, self._backup_label)  # before the data folder, as always

    # -- tabs, built on first use ------------------------------------------------------------
    def built_tab(self, name: str) -> QWidget | None:
        """The tab if it has been built, else None (it is then built when first shown or used)."""
        return self._built.get(name)

    def unbuilt_tabs(self) -> list[str]:
        return [name for name in TAB_NAMES if name not in self._built]

    def _tab(self, name: str) -> QWidget:
        tab = self._built.get(name)
        return tab if tab is not None else self._build_tab(name)

    def _build_tab(self, name: str) -> QWidget:
        """Build the tab, put it in its placeholder's place on the tab bar (the current tab stays
        current), connect it and give it the open case."""
        tab = getattr(self, f"_make_{name}")()
        self._built[name] = tab
        index = TAB_NAMES.index(name)
        placeholder = self.tabs.widget(index)
        # The title retranslate() gave the placeholder: after a language switch, until the LanguageChange
        # event arrives, the tab bar stays in one language.
        title = self.tabs.tabText(index)
        was_current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)  # the swap is no change of tab for the window's slots
        try:
            # In first, then the placeholder out: removing the current tab first would show its
            # neighbour for a moment (its showEvent reads the database).
            self.tabs.insertTab(index, tab, title)
            if was_current:
                self.tabs.setCurrentIndex(index)
            self.tabs.removeTab(index + 1)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        if name in CASE_TABS and self._case_id is not None:
            tab.set_case(self._case_id)
        if self.access is not None:
            self.access.apply(name, tab)
        return tab

    def _make_today(self):
        from .today_tab import TodayTab

        tab = TodayTab(self.services.ledger)
        tab.case_chosen.connect(self.open_case_aftercare)
        if self._work_at_start is not None:
            tab.set_work(self._work_at_start)
        else:
            tab.refresh()
        return tab

    def _make_ledger(self):
        from .ledger_tab import LedgerTab

        tab = LedgerTab(self.services.ledger)
        tab.case_chosen.connect(self.open_case)
        tab.new_case_requested.connect(self.new_case)
        return tab

    def _make_intake(self):
        from .intake_tab import IntakeTab

        services = self.services
        tab = IntakeTab(services.intake, services.drafts, self._village_names(), services.documents,
                        returns=services.returns)
        tab.set_local_types(services.settings.local_dispute_types())
        tab.case_saved.connect(self._on_intake_tab_case_saved)
        tab.case_saved.connect(self._mark_statistics_stale)
        return tab

    def _make_elder(self):
        from .elder_tab import ElderTab

        services = self.services
        tab = ElderTab(services.selection, services.elders, services.people, services.drafts,
                       services.documents, services.roster)
        tab.choice_page.changed.connect(self._on_elder_choice_changed)
        return tab

    def _make_session(self):
        from .session_tab import SessionTab

        tab = SessionTab(self.services.sessions, self.services.documents)
        tab.changed.connect(self._on_case_status_changed)
        tab.changed.connect(self._mark_statistics_stale)
        tab.prevention_changed.connect(self._mark_statistics_stale)
        return tab

    def _make_agreement(self):
        from .agreement_tab import AgreementTab

        tab = AgreementTab(self.services.agreements, self.services.documents)
        tab.changed.connect(self._on_aftercare_changed)
        tab.changed.connect(self._mark_statistics_stale)
        return tab

    def _make_aftercare(self):
        from .aftercare_tab import AftercareTab

        tab = AftercareTab(self.services.aftercare, self.services.documents)
        tab.changed.connect(self._on_aftercare_changed)
        tab.changed.connect(self._mark_statistics_stale)
        return tab

    def _make_statistics(self):
        from .statistics_tab import StatisticsTab

        return StatisticsTab(self.services.statistics, self.services.ledger,
                             committee=lambda: self.committee.committee_name, canvasses=self.services.canvasses)

    def _on_tabs_tab_bar_clicked(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, _TabPlaceholder):
            self._build_tab(widget.name)

    def _village_names(self) -> list[str]:
        ledger = self._built.get("ledger")
        if ledger is not None:
            return ledger.village_names()
        return [name for _id, name, _township in self.services.ledger.villages()]

    def _set_case(self, case_id: int | None, *, skip: tuple[str, ...] = ()) -> None:
        """The per-case tabs built so far show this case; one built later gets it when built."""
        self._case_id = case_id
        for name in CASE_TABS:
            tab = self._built.get(name)
            if tab is not None and name not in skip:
                tab.set_case(case_id)
        if self.access is not None:  # a 记录人 writes and prints on the cases they are on only
            self.access.case_opened(case_id)

    def _refresh_lists(self) -> None:
        """The ledger and today's work read again (a tab not built yet reads when it is built)."""
        for name in ("ledger", "today"):
            tab = self._built.get(name)
            if tab is not None:
                tab.refresh()

    def _mark_statistics_stale(self, _case_id=None) -> None:
        tab = self._built.get("statistics")
        if tab is not None:  # else it counts when first shown
            tab.mark_stale()

    def _on_elder_choice_changed(self, _case_id) -> None:
        session = self._built.get("session")
        if session is not None:
            session.refresh()

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence("Ctrl+N"), triggered=self.new_case)
        self.ledger_action = QAction(self, shortcut=QKeySequence("Ctrl+L"),
                                     triggered=lambda: self.tabs.setCurrentWidget(self.ledger_tab))
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.file_menu.addActions([self.new_action, self.ledger_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.settings_menu = bar.addMenu("")
        self.committee_action = QAction(self, triggered=self.edit_settings)
        self.settings_menu.addAction(self.committee_action)
        self.verify_action = QAction(self, triggered=self.verify_agreement)
        self.file_menu.insertAction(self.quit_action, self.verify_action)
        self.backup_action = QAction(self, triggered=self.show_backups)
        self.file_menu.insertAction(self.quit_action, self.backup_action)
        self.send_package_action = QAction(self, triggered=self.send_package)
        self.file_menu.insertAction(self.quit_action, self.send_package_action)
        self.import_return_action = QAction(self, triggered=self.import_return)
        self.file_menu.insertAction(self.quit_action, self.import_return_action)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self._translations.language)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, triggered=self.show_about)
        self.help_menu.addAction(self.about_action)

        # 账号: only with an account (before 帮助, where the user looks for it).
        self.account_menu = None
        self.lock_action = QAction(self, triggered=lambda: self.lock())
        self.password_action = QAction(self, triggered=self.change_password)
        self.logout_action = QAction(self, triggered=self.logout)
        self.accounts_action = QAction(self, triggered=self.show_accounts)
        self.audit_action = QAction(self, triggered=self.show_audit)
        if self.signed_in is not None:
            self.account_menu = QMenu(self)
            bar.insertMenu(self.help_menu.menuAction(), self.account_menu)
            self.account_menu.addActions([self.lock_action, self.password_action])
            if _has_module("accounts_dialog") or _has_module("audit_dialog"):
                self.account_menu.addSeparator()
                if _has_module("accounts_dialog"):
                    self.account_menu.addAction(self.accounts_action)
                if _has_module("audit_dialog"):
                    self.account_menu.addAction(self.audit_action)
            self.account_menu.addSeparator()
            self.account_menu.addAction(self.logout_action)

    # -- language ------------------------------------------------------------------------

    @staticmethod
    def _tab_titles() -> tuple[str, ...]:
        """The tabs' titles, in the order of TAB_NAMES."""
        return (translate("MainWindow", "今日工作"), translate("MainWindow", "案件台账"),
                translate("MainWindow", "案件受理"), translate("MainWindow", "选择明白人"),
                translate("MainWindow", "法理情调解"), translate("MainWindow", "调解协议"),
                translate("MainWindow", "回访与履行"), translate("MainWindow", "统计报表"))

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "三理室调解台") + (f" — {self.committee.committee_name}"
                                                      if self.committee.committee_name else ""))
        for index, title in enumerate(self._tab_titles()):
            self.tabs.setTabText(index, title)
        self.file_menu.setTitle(translate("MainWindow", "文件(&F)"))
        self.new_action.setText(translate("MainWindow", "新建受理登记"))
        self.ledger_action.setText(translate("MainWindow", "查找案件（台账）"))
        self.quit_action.setText(translate("MainWindow", "退出"))
        self.settings_menu.setTitle(translate("MainWindow", "设置(&S)"))
        self.committee_action.setText(translate("MainWindow", "调委会设置…"))
        self.verify_action.setText(translate("MainWindow", "验证核验码（协议书及案卷文书）…"))
        self.backup_action.setText(translate("MainWindow", "备份与恢复…"))
        self.send_package_action.setText(translate("MainWindow", "报送司法所…"))
        self.import_return_action.setText(translate("MainWindow", "导入司法所回执包…"))
        self.language_menu.setTitle(translate("MainWindow", "语言 / Language"))
        self.help_menu.setTitle(translate("MainWindow", "帮助(&H)"))
        self.about_action.setText(translate("MainWindow", "关于三理室调解台"))
        if self.account_menu is not None:
            self.account_menu.setTitle(translate("MainWindow", "账号(&A)"))
        self.lock_action.setText(translate("MainWindow", "锁定"))
        self.password_action.setText(translate("MainWindow", "修改密码…"))
        self.logout_action.setText(translate("MainWindow", "注销"))
        self.accounts_action.setText(translate("MainWindow", "账号管理…"))
        self.audit_action.setText(translate("MainWindow", "审计记录…"))
        self._update_account_label()
        self._update_banner()
        self._update_status()
        if self._backup_label is not None:  # else it is filled when built
            self._backup_label.refresh()

    def set_language(self, code: str) -> None:
        if not self._translations.apply(code):
            self.statusBar().showMessage(translate("MainWindow", "找不到该语言的翻译文件，仍使用简体中文。"), 8000)
        self._ui_settings.setValue("language", self._translations.language)
        self.language_actions[self._translations.language].setChecked(True)

    # -- cases ---------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        if self.intake_tab.current_case_id != case_id and not self.intake_tab.release_form():
            return
        try:
            case = self.services.intake.load(case_id)
        except NotFound:
            QMessageBox.warning(self, translate("MainWindow", "找不到案件"), translate("MainWindow", "这个案件已不在数据库中。"))
            self._refresh_lists()
            return
        self.intake_tab.load_case(case)
        self._set_case(case.id)
        self.tabs.setCurrentWidget(self.intake_tab)
        self._update_banner()

    def open_case_aftercare(self, case_id: int) -> None:
        """From today's work: the case, at its 回访与履行 page."""
        self.open_case(case_id)
        if self.aftercare_tab.case_id == case_id:
            self.tabs.setCurrentWidget(self.aftercare_tab)

    def _on_aftercare_changed(self, case_id: int) -> None:
        """An agreement was signed, a visit recorded, a stage changed: the lists and the form follow."""
        self._refresh_lists()
        aftercare = self._built.get("aftercare")
        if aftercare is not None and aftercare.case_id == case_id and self.sender() is not aftercare:
            aftercare.refresh()
        self._reload_unchanged_form(case_id)

    def _reload_unchanged_form(self, case_id: int) -> None:
        intake = self._built.get("intake")
        if intake is not None and intake.current_case_id == case_id and not intake.is_dirty():
            intake.load_case(self.services.intake.load(case_id))

    def _on_tabs_current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, _TabPlaceholder):  # shown for the first time: built now, in its place
            self._build_tab(widget.name)
            return  # a tab just built has read what it shows
        if widget is not None and widget is self._built.get("today"):
            widget.refresh()

    def new_case(self) -> None:
        self.tabs.setCurrentWidget(self.intake_tab)
        self.intake_tab.new_case(confirm=True)
        self._set_case(self.intake_tab.current_case_id)
        self._update_banner()

    def _on_intake_tab_case_saved(self, case_id: int) -> None:
        ledger = self._built.get("ledger")
        if ledger is not None:
            ledger.refresh()
        self._set_case(case_id)
        self.intake_tab.set_villages(self._village_names())
        self._update_banner()
        self._update_status()

    def _on_case_status_changed(self, case_id: int) -> None:
        """A sitting started or ended: the ledger, the people tab and an unchanged intake form follow."""
        self._refresh_lists()
        self._set_case(case_id, skip=("session",))
        self._reload_unchanged_form(case_id)

    def _update_banner(self) -> None:
        intake = self._built.get("intake")
        if intake is None or intake.current_case_id is None:
            text = translate("MainWindow", "当前案件：无（在“案件台账”中双击一个案件，或新建受理登记）")
        else:
            text = translate("MainWindow", "当前案件：{number}").format(number=intake.current_case_number)
        if self.signed_in is not None and not self.signed_in.may(Permission.EDIT_CASES):
            from .i18n import vtr

            text += translate("MainWindow", "　　（“{role}”账号：案件只能查看，不能修改）").format(
                role=vtr(self.signed_in.role.label))
        self.case_banner.setText(text)

    def _update_status(self) -> None:
        name = self.committee.committee_name or translate("MainWindow", "尚未设置调委会名称（设置 → 调委会设置）")
        self.committee_label.setText(translate("MainWindow", "{committee}　数据位置：{folder}").format(
            committee=name, folder=str(self.services.paths.root)))

    # -- the account: role, idle lock, 账号 menu ---------------------------------------------
    def _build_account_parts(self, signed_in: "SignedIn") -> None:
        from .access import AccessControl

        self.access = AccessControl(signed_in, self._may_on_case, self)
        self.account_label = QLabel()
        self.account_label.setStyleSheet("margin-left: 12px;")
        self.statusBar().addPermanentWidget(self.account_label)
        self.watch_idle()
        self.set_access()

    def _may_on_case(self, permission: Permission, case_id: int) -> bool:
        return self.services.case_access.may(permission, case_id)

    def set_access(self) -> None:
        """What the account's role may not do is hidden (menus) or held back (a tab's inputs and
        buttons, ui/access.py): the window's own actions here, each tab as it is built."""
        if self.signed_in is None:
            return
        may = self.signed_in.may
        self.new_action.setVisible(may(Permission.EDIT_CASES))
        self.committee_action.setVisible(may(Permission.EDIT_SETTINGS))
        self.settings_menu.menuAction().setVisible(may(Permission.EDIT_SETTINGS))
        self.backup_action.setVisible(may(Permission.BACKUP))
        self.send_package_action.setVisible(may(Permission.EXPORT))
        self.import_return_action.setVisible(may(Permission.EDIT_SETTINGS))  # it changes settings, trusts a key
        self.accounts_action.setVisible(may(Permission.MANAGE_ACCOUNTS))
        self.audit_action.setVisible(may(Permission.VIEW_AUDIT))
        if self._backup_label is not None:  # the status bar's backup label opens the same dialog
            self._backup_label.setEnabled(may(Permission.BACKUP))
        for name, tab in self._built.items():
            self.access.apply(name, tab)
        self.access.case_opened(self._case_id)
        self._update_account_label()

    def audit_dialog(self):
        from .audit_dialog import AuditDialog

        return AuditDialog(self.services.audit, self.signed_in.session, self.services.intake.case_id,
                           self.committee.committee_name, self)

    # -- dialogs -------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self.committee, self)
        if dialog.exec() and dialog.saved is not None:
            self.committee = dialog.saved
            self.retranslate()

    def send_package_dialog(self):
        from .send_package_dialog import SendPackageDialog

        return SendPackageDialog(self.services.exchange, self)

    def send_package(self) -> None:
        """文件 → 报送司法所…: the month's exchange package for the 司法所 (EXPORT)."""
        if self.signed_in is not None and not self.signed_in.may(Permission.EXPORT):
            return
        self.send_package_dialog().exec()

    def return_import_dialog(self):
        from .return_import_dialog import ReturnImportDialog

        return ReturnImportDialog(self.services.returns, self)

    def import_return(self) -> None:
        """文件 → 导入司法所回执包…: acknowledgement, review decisions and settings from the 司法所 (an
        administrator's: EDIT_SETTINGS). Settings it changed are read again; the open case shows its review."""
        if self.signed_in is not None and not self.signed_in.may(Permission.EDIT_SETTINGS):
            return
        dialog = self.return_import_dialog()
        dialog.exec()
        if dialog.imported is not None and dialog.imported.status != "unchanged":
            self.after_return_import()

    def after_return_import(self) -> None:
        self.committee = self.services.settings.load()
        intake = self.built_tab("intake")
        if intake is not None:
            intake.set_local_types(self.services.settings.local_dispute_types())
        self.retranslate()
        self._mark_statistics_stale()

    def verify_agreement(self) -> None:
        from .agreement_tab import VerifyDialog

        VerifyDialog(self.services.agreements, self).exec()

    # -- backups -------------------------------------------------------------------------
    def start_backups(self) -> None:
        """After the window is up: a backup now (off the GUI thread), then one a day."""
        from ..services.backup import START

        self.backup_runner.run(START)
        self.backup_runner.start_daily()

    def backup_dialog(self) -> "BackupDialog":
        from .backup_dialog import BackupDialog

        dialog = BackupDialog(self.services.backups, self.backup_runner, self)
        dialog.restore_chosen.connect(self.restore_backup)
        if self.signed_in is not None and not self.signed_in.may(Permission.RESTORE):
            for button in (dialog.restore_button, dialog.restore_file_button):
                button.setVisible(False)  # a 调解员 backs up; only the administrator restores
        return dialog

    def show_backups(self) -> None:
        self.backup_dialog().exec()

    # The restore under way (restore_backup): the window takes no input and does not close meanwhile.
    _restore_task = None

    def restore_backup(self, path):
        """Restore after the open work is saved: the sitting and agreement go to the database
        (and so into the before-restore backup), an unsaved intake form is kept as a dated draft.

        The restore runs on a worker thread (BackupRunner.restore, ui/tasks.py) behind a progress dialog;
        the window keeps painting and its timers run, but its menus, tabs and status bar take no input
        until the outcome is back, so nothing is written to the data being replaced. Returns the Task."""
        self._flush_tabs()
        intake = self._built.get("intake")
        if intake is not None and intake.is_dirty():
            intake.archive_unsaved()
        self._take_input(False)
        self.services.backups.close_database()  # here: its read connection belongs to this thread
        self._restore_task = self.backup_runner.restore(
            self.services.paths, path, on_done=self._on_restore_done, on_error=self._on_restore_failed, owner=self,
            message=translate("MainWindow", "正在恢复备份，请稍候…"))
        return self._restore_task

    def _take_input(self, enabled: bool) -> None:
        for part in (self.menuBar(), self.centralWidget(), self.statusBar()):
            part.setEnabled(enabled)

    def _on_restore_done(self, result) -> None:
        from .backup_dialog import when

        self.services.backups.close_database()  # a connection made meanwhile saw the file before
        before = translate("MainWindow", "恢复前的数据保存在：{path}").format(path=str(result.before.path)) \
            if result.before else ""
        QMessageBox.information(self, translate("MainWindow", "已恢复"), translate(
            "MainWindow", "已恢复 {when} 的备份：案件 {cases} 件。").format(
            when=when(result.restored.created), cases=result.restored.counts.get("cases") or 0) + "\n" + before)
        self._discarded = True  # stays without input: app.py replaces it with a window on the restored data
        self.restored.emit()

    def _on_restore_failed(self, error: BaseException) -> None:
        from ..services.backup import BackupFailed
        from .backup_dialog import failure_text
        from .tasks import present_error

        self.services.backups.close_database()
        self._take_input(True)
        if isinstance(error, BackupFailed):
            QMessageBox.warning(self, translate("MainWindow", "没有恢复"), failure_text(error.failure))
        else:  # a bug: where an uncaught exception goes
            present_error(error)

    def _flush_tabs(self) -> None:
        """What was typed in the sitting and the agreement goes to the database (tabs never built
        hold nothing)."""
        for name in ("session", "agreement"):
            tab = self._built.get(name)
            if tab is not None:
                tab.flush()

    def save_drafts(self) -> None:
        """After an unexpected error: put what is typed on disk now (offered back at the next start)."""
        intake = self._built.get("intake")
        if intake is not None:
            intake.save_draft()

    def discard(self) -> None:
        """Close without writing to the database (app.py: the full check after start found it damaged).
        What is typed in the intake form is kept as a draft file, outside the database."""
        self.save_drafts()
        self._discarded = True
        self.close()

    def show_about(self) -> None:
        from .about_dialog import AboutDialog

        AboutDialog(self.services.paths.root, self).exec()

    def offer_draft(self) -> None:
        """On start: if the last session left an unsaved intake form, offer it back. Without one, the
        intake tab is not built for it."""
        found = self.services.drafts.load(INTAKE_DRAFT)
        if not found:
            return
        payload, saved_at = found
        if self.ask_restore_draft(self, saved_at):
            try:
                self.intake_tab.restore_draft(payload)
            except (ValueError, KeyError, TypeError):  # e.g. a draft written by a newer version
                self.intake_tab.set_aside_draft()
                self.statusBar().showMessage(translate(
                    "MainWindow", "草稿无法读取，已另存在草稿文件夹中：{folder}").format(
                    folder=str(self.services.paths.drafts)), 15000)
                return
            self.tabs.setCurrentWidget(self.intake_tab)
            self._update_banner()
        else:
            self.intake_tab.set_aside_draft()

    @staticmethod
    def ask_restore_draft(parent, saved_at) -> bool:
        """Ask whether to restore a draft. Tests replace this to answer without a dialog."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "恢复未保存的登记"), translate(
            "MainWindow", "上次有一份受理登记没有保存（{time}）。是否恢复？\n选择“不恢复”时，这份草稿会另存起来，不会删除。")
            .format(time=saved_at.strftime("%Y-%m-%d %H:%M")), parent=parent)
        restore = box.addButton(translate("MainWindow", "恢复"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("MainWindow", "不恢复"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def closeEvent(self, event) -> None:
        if self._restore_task is not None and self._restore_task.running:
            event.ignore()  # the restore ends first: then this window is replaced, or in use again
            return
        if self._backup_runner is not None:
            self._backup_runner.wait()  # a backup under way is finished, not left half-written
        if self._discarded:  # replaced after a restore: its forms belong to the data before it
            self._end_session(log_out=False)  # the data it was logged into is gone: nothing written
            super().closeEvent(event)
            return
        self._flush_tabs()  # what was typed in the sitting goes to the database now
        self.save_drafts()  # flush what the autosave timer had not written yet
        self._ui_settings.setValue("window/geometry", self.saveGeometry())
        self._ui_settings.sync()
        self._end_session(log_out=True)  # after the work above, which is still signed by the account
        super().closeEvent(event)
        if self._logging_out:
            self.logged_out.emit()
