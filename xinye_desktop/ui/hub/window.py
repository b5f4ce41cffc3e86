"""The hub's main window: a 司法所 or 司法局 clerk's tabs over what the villages sent (ui/hub/__init__.py).

It follows the account as the village window does (ui/access.py, the idle lock of ui/lock_screen.py, the
账号 menu); every read and write is refused by the services too (services/access.guard). Each tab loads
when it is first shown and again when an import or a review has changed what it shows."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from ...domain.accounts import Permission
from ...domain.hub import HubMode
from ..i18n import LANGUAGES, Retranslating, Translations, translate, vtr
from ..signed_in_window import SignedInWindow


class HubServices:
    """The hub's services, each made when first asked for and then kept (as ui/main_window.AppServices).
    ``factories``: name → function of this object (the wiring is app.build_hub_services)."""

    def __init__(self, paths, factories: dict[str, Callable[["HubServices"], object]]):
        self.paths = paths
        self._factories = dict(factories)
        self._lock = threading.RLock()

    def __getattr__(self, name: str):
        factories = self.__dict__.get("_factories")
        if factories is None or name not in factories:
            raise AttributeError(name)
        with self._lock:
            if name not in self.__dict__:
                self.__dict__[name] = factories[name](self)
        return self.__dict__[name]

    def offers(self, name: str) -> bool:
        """Whether there is such a service (``backups``: only on a SQLite hub), without making it."""
        return name in self._factories


TAB_NAMES = ("status", "ledger", "statistics", "review", "elders", "committees", "roster")


class HubWindow(SignedInWindow, Retranslating, QMainWindow):
    """``identity``: services.hub.HubIdentity (its office, name and area); ``signed_in``: ui/access.SignedIn,
    or None for a folder without accounts (tests)."""

    is_hub = True  # what app.py tells the windows apart by
    restored = Signal()  # a backup was restored (ui/hub/backups.py): the app opens a window on that data
    logged_out = Signal()
    changed = Signal()  # an import, a review or a confirmation changed what the tabs show

    def __init__(self, services: HubServices, identity, translations: Translations, ui_settings: QSettings,
                 signed_in=None, database_label: str = ""):
        super().__init__()
        self.services = services
        self.identity = identity
        self.signed_in = signed_in
        self.database_label = database_label  # "SQLite" or the server's address, shown in the status bar
        self._translations = translations
        self._ui_settings = ui_settings
        self.discarded = False  # replaced after a restore: closes without logging out
        self.resize(1180, 760)
        geometry = ui_settings.value("hub_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

        from .committees_tab import CommitteesTab
        from .elders_tab import EldersTab
        from .ledger_tab import HubLedgerTab
        from .review_tab import ReviewTab
        from .roster_tab import RosterTab
        from .statistics_tab import HubStatisticsTab
        from .status_tab import StatusTab

        may = self.may
        self.status_tab = StatusTab(services.overview, self)
        self.ledger_tab = HubLedgerTab(services.overview, services.holdings, self)
        self.statistics_tab = HubStatisticsTab(services.overview, may(Permission.EXPORT), self)
        self.review_tab = ReviewTab(services.holdings, services.reviews, may(Permission.EDIT_CASES), self)
        self.elders_tab = EldersTab(services.overview, services.holdings, self)
        self.committees_tab = CommitteesTab(services.holdings, may(Permission.EDIT_SETTINGS),
                                            may(Permission.EDIT_CASES), self, committees=services.committees,
                                            relays=identity.mode is HubMode.TOWNSHIP)
        self.roster_tab = RosterTab(services.roster, may(Permission.EDIT_ELDERS), self)
        self.tabs = QTabWidget()
        for tab in (self.status_tab, self.ledger_tab, self.statistics_tab, self.review_tab, self.elders_tab,
                    self.committees_tab, self.roster_tab):
            self.tabs.addTab(tab, "")
            self.changed.connect(tab.mark_stale)
        self.review_tab.reviewed.connect(self.changed.emit)
        self.committees_tab.confirmed.connect(self.changed.emit)
        self.ledger_tab.review_requested.connect(self.review_case)
        self.setCentralWidget(self.tabs)

        self._build_menus()
        self.place_label = QLabel()
        self.place_label.setStyleSheet("margin-left: 12px;")
        self.statusBar().addPermanentWidget(self.place_label)
        self.account_label = QLabel()
        self.account_label.setStyleSheet("margin-left: 12px;")
        self.statusBar().addPermanentWidget(self.account_label)
        from .backups import HubBackups

        self.backups = HubBackups(self)  # on SQLite as the village's; on PostgreSQL says pg_dump
        self.file_menu.insertAction(self.quit_action, self.backups.action)
        if signed_in is not None:
            self.watch_idle()
        self.retranslate()

    # -- the account ---------------------------------------------------------------------------------
    def may(self, permission: Permission) -> bool:
        return self.signed_in is None or self.signed_in.may(permission)

    def audit_dialog(self):
        from ..audit_dialog import AuditDialog

        return AuditDialog(self.services.audit, self.signed_in.session, None, self.identity.name, self)

    def closeEvent(self, event) -> None:
        if self.backups.restoring:
            event.ignore()  # the restore ends first: then this window is replaced, or in use again
            return
        self.backups.wait()
        if self.discarded:  # replaced after a restore: the data it was logged into is gone
            self._end_session(log_out=False)
            super().closeEvent(event)
            return
        self._ui_settings.setValue("hub_window/geometry", self.saveGeometry())
        self._ui_settings.sync()
        self._end_session()
        super().closeEvent(event)
        if self._logging_out:
            self.logged_out.emit()

    # What app.py calls on a village window after a restore or a damaged file: the hub has no drafts.
    def discard(self) -> None:
        self.close()

    def offer_draft(self) -> None:
        return None

    def after_first_paint(self, callback) -> None:
        from ..main_window import _PaintWatch

        _PaintWatch(self, callback)

    # Backups (ui/hub/backups.py), named as the village window names them for app.py and the tests.
    @property
    def backup_runner(self):
        """None on a PostgreSQL hub (pg_dump backs the server up)."""
        return self.backups.runner

    def start_backups(self) -> None:
        self.backups.start()

    def backup_dialog(self):
        return self.backups.dialog()

    def restore_backup(self, path):
        return self.backups.restore(path)

    # -- menus -----------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = QAction(self, triggered=self.import_packages)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.return_action = QAction(self, triggered=self.write_returns)
        self.relay_action = QAction(self, triggered=self.write_relays)
        self.village_settings_action = QAction(self, triggered=self.edit_village_settings)
        self.refresh_action = QAction(self, triggered=self.changed.emit)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.quit_action = QAction(self, triggered=self.close)
        self.file_menu.addActions([self.import_action, self.return_action, self.relay_action,
                                   self.village_settings_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.refresh_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.import_action.setVisible(self.may(Permission.EDIT_CASES))
        self.return_action.setVisible(self.may(Permission.EXPORT))
        self.relay_action.setVisible(self.relays_upward())  # only a 司法所 relays up to its 司法局
        self.village_settings_action.setVisible(self.may(Permission.EDIT_SETTINGS))

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

        self.account_menu = None
        self.lock_action = QAction(self, triggered=lambda: self.lock())
        self.password_action = QAction(self, triggered=self.change_password)
        self.accounts_action = QAction(self, triggered=self.show_accounts)
        self.audit_action = QAction(self, triggered=self.show_audit)
        self.logout_action = QAction(self, triggered=self.logout)
        if self.signed_in is not None:
            self.account_menu = QMenu(self)
            bar.addMenu(self.account_menu)
            self.account_menu.addActions([self.lock_action, self.password_action])
            self.account_menu.addSeparator()
            self.account_menu.addActions([self.accounts_action, self.audit_action])
            self.account_menu.addSeparator()
            self.account_menu.addAction(self.logout_action)
            self.accounts_action.setVisible(self.may(Permission.MANAGE_ACCOUNTS))
            self.audit_action.setVisible(self.may(Permission.VIEW_AUDIT))

    def set_language(self, code: str) -> None:
        if not self._translations.apply(code):
            self.statusBar().showMessage(translate("HubWindow", "找不到该语言的翻译文件，仍使用简体中文。"), 8000)
        self._ui_settings.setValue("language", self._translations.language)
        self.language_actions[self._translations.language].setChecked(True)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("HubWindow", "三理室调解台（{office}）— {name}").format(
            office=vtr(self.identity.office), name=self.identity.name))
        titles = (translate("HubWindow", "本月报送"), translate("HubWindow", "汇总台账"),
                  translate("HubWindow", "统计汇总"), translate("HubWindow", "案卷审查"),
                  translate("HubWindow", "明白人库"), translate("HubWindow", "调委会与待处理"),
                  translate("HubWindow", "人员名单"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.file_menu.setTitle(translate("HubWindow", "文件(&F)"))
        self.import_action.setText(translate("HubWindow", "导入报送包…"))
        self.return_action.setText(translate("HubWindow", "生成回执包…"))
        self.relay_action.setText(translate("HubWindow", "转报司法局…"))
        self.village_settings_action.setText(translate("HubWindow", "下发给各村的设置…"))
        self.refresh_action.setText(translate("HubWindow", "刷新"))
        self.quit_action.setText(translate("HubWindow", "退出"))
        self.language_menu.setTitle(translate("HubWindow", "语言 / Language"))
        if self.account_menu is not None:
            self.account_menu.setTitle(translate("HubWindow", "账号(&A)"))
        self.lock_action.setText(translate("HubWindow", "锁定"))
        self.password_action.setText(translate("HubWindow", "修改密码…"))
        self.accounts_action.setText(translate("HubWindow", "账号管理…"))
        self.audit_action.setText(translate("HubWindow", "审计记录…"))
        self.logout_action.setText(translate("HubWindow", "注销"))
        self.place_label.setText(translate("HubWindow", "{office}：{area}　数据库：{database}").format(
            office=vtr(self.identity.office), area=self.identity.area,
            database=self.database_label or "SQLite"))
        self.backups.retranslate()
        self._update_account_label()

    # -- work --------------------------------------------------------------------------------------------
    def import_dialog(self):
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self.services.importer, self)
        dialog.imported.connect(self.changed.emit)
        return dialog

    def import_packages(self) -> None:
        if self.may(Permission.EDIT_CASES):
            self.import_dialog().exec()

    def return_dialog(self):
        from .return_dialog import ReturnDialog

        return ReturnDialog(self.services.returns, self)

    def write_returns(self) -> None:
        if self.may(Permission.EXPORT):
            self.return_dialog().exec()

    def relays_upward(self) -> bool:
        return self.identity.mode is HubMode.TOWNSHIP and self.may(Permission.EXPORT)

    def relay_dialog(self):
        from .relay_dialog import RelayDialog

        return RelayDialog(self.services.relay, self)

    def write_relays(self) -> None:
        if self.relays_upward():
            self.relay_dialog().exec()

    def village_settings_dialog(self):
        from .village_settings_dialog import VillageSettingsDialog

        return VillageSettingsDialog(self.services.returns, self)

    def edit_village_settings(self) -> None:
        if self.may(Permission.EDIT_SETTINGS):
            self.village_settings_dialog().exec()

    def review_case(self, committee_id: str, case_uuid: str) -> None:
        """From the 台账: the case's file in the review tab."""
        self.tabs.setCurrentWidget(self.review_tab)
        self.review_tab.show_case(committee_id, case_uuid)

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()
