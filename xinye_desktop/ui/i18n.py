"""Translations: the UI is written in 简体中文; English comes from resources/translations.

Switching language at run time installs or removes a QTranslator; Qt then sends every widget
a LanguageChange event and each one re-labels itself in ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator, QLibraryInfo

from ..paths import resources_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate; call it with literal strings so pyside6-lupdate finds them."""
    return QCoreApplication.translate(context, text)


# The contexts a service's message template may have been marked in (QT_TRANSLATE_NOOP): a refusal
# reaches the window without its context, so it is looked up in each until one translates it.
MESSAGE_CONTEXTS = ("Validation", "Hub", "Exchange", "Backup", "Session", "Selection", "Aftercare", "Agreement",
                    "Roster", "Documents", "Verification")


def translate_message(template: str) -> str:
    """A service's message template in the interface language, whichever context marked it."""
    for context in MESSAGE_CONTEXTS:
        said = QCoreApplication.translate(context, template)
        if said != template:
            return said
    return template


def say(context: str, template: str) -> str:
    """``say(context, template)`` for services that take a translator (e.g. PackageSummary.lines): the
    template in its context, else in whichever context marked it."""
    said = QCoreApplication.translate(context, template)
    return said if said != template else translate_message(template)


def join_list(items) -> str:
    """Names or labels joined with the interface language's list separator (、 in Chinese, ", " in English)."""
    return translate("Lists", "、").join(items)


def vtr(text: str) -> str:
    """Translate a vocabulary label from the domain layer (context "Vocabulary")."""
    return QCoreApplication.translate("Vocabulary", text)


class Translations:
    def __init__(self, app):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def apply(self, language: str) -> bool:
        """Install the translators for ``language``; returns False if its files are missing."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        folder = resources_dir() / "translations"
        ok = True
        if self.language != DEFAULT_LANGUAGE:
            ours = QTranslator(self._app)
            ok = ours.load(str(folder / f"xinye_desktop_{self.language}.qm"))
            if ok:
                self._app.installTranslator(ours)
                self._installed.append(ours)
        # Qt's own strings (OK/Cancel in stock dialogs, context menus) in the same language.
        qt_name = "zh_CN" if self.language == "zh_CN" else self.language
        qt_tr = QTranslator(self._app)
        if qt_tr.load(QLocale(qt_name), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt_tr)
            self._installed.append(qt_tr)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                           if self.language == "zh_CN" else QLocale(QLocale.Language.English))
        return ok


class Retranslating:
    """Mixin for a widget that relabels itself: its ``retranslate()`` runs when the application's language
    changes (Qt sends every widget a LanguageChange event when a translator is installed or removed).
    Put it first among the bases, before the Qt class: ``class LedgerTab(Retranslating, QWidget)``."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
