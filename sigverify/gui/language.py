"""The interface language: the system's when sigverify ships it, or the one chosen in the app.

Translations are Qt ``.qm`` files in ``resources/translations`` (built from the ``.ts``
sources by ``scripts/update_translations.py``). Installing one also routes core's
:func:`sigverify.core.i18n.translate` (error messages, decision reasons) through Qt.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from sigverify.core import i18n
from sigverify.core.paths import resource_path, user_data_dir
from sigverify.gui import dialogs

#: Choices offered in the app: setting value -> name shown (each in its own language).
#: "" follows the system language.
LANGUAGES = {"": None, "en": "English", "zh_CN": "简体中文"}
SETTING = "language"


class PagePart:
    """A part of a page written as a class of its own and mixed into the page's class (the
    People page's enrolment, the Queue page's settling)."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the context of the class the calling code is written in (the page's
        or the part's), where the translation tools file it. PySide's own ``tr`` tries the
        page's class first and, with ``%n``, stops there: a part's plural texts came out in
        English."""
        context = sys._getframe(1).f_code.co_qualname.split(".")[0]
        return QCoreApplication.translate(context, text, disambiguation, n)


def language_name(language: str) -> str:
    """A setting value as the status bar and the question show it."""
    return LANGUAGES.get(language) or QCoreApplication.translate("MainWindow", "System language")


def ask_language(parent) -> str | None:
    """Ask which language to show sigverify in: a setting value, or None (Cancel)."""
    choices = list(LANGUAGES)
    picked = dialogs.choose(
        parent,
        QCoreApplication.translate("MainWindow", "Language"),
        # the one in use said (the buttons alone did not tell: a real-window pass)
        QCoreApplication.translate("MainWindow", "Now: {language}. Show sigverify in:").format(
            language=language_name(chosen_language())
        ),
        [language_name(code) for code in choices],
    )
    return None if picked is None else choices[picked]


def gui_settings() -> QSettings:
    """Window geometry and choices, in the user data folder (follows SIGVERIFY_HOME)."""
    return QSettings(str(user_data_dir() / "gui.ini"), QSettings.Format.IniFormat)


def chosen_language() -> str:
    """The setting: "" (system language), "en" or "zh_CN"."""
    value = str(gui_settings().value(SETTING, "") or "")
    return value if value in LANGUAGES else ""


def choose_language(language: str) -> None:
    """Keep ``language`` for the next start (the open window keeps its language)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    gui_settings().setValue(SETTING, language)


def translations_dir() -> str:
    return str(resource_path("translations"))


class EnglishPlurals(QTranslator):
    """English is the source language, so it has no ``.qm``: this translator only makes the
    plurals of counted texts English ("%n reference(s)" -> "1 reference", "3 references";
    :func:`sigverify.core.i18n.english_plurals`)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt API
        if n is None or n < 0 or "(s)" not in source:
            return None  # a null string: not translated here, so Qt keeps the source text
        return i18n.english_plurals(source, n)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def install_english(app) -> str:
    """English: the source texts, with English plurals (once, however often it is asked)."""
    if not any(isinstance(t, EnglishPlurals) for t in app.findChildren(QTranslator)):
        app.installTranslator(EnglishPlurals(app))
    i18n.install(None)
    return "en"


def install_translator(app, language: str | None = None) -> str:
    """Install the translation for ``language`` (default: the setting, else the system
    language) and return the language now in use ("en" when none applies)."""
    language = chosen_language() if language is None else language
    locale = QLocale(language) if language else QLocale()
    if locale.language() == QLocale.Language.English:
        return install_english(app)
    ours = QTranslator(app)
    if not ours.load(locale, "sigverify", "_", translations_dir()):
        return install_english(app)
    # Qt's own words (OK, Cancel, Next in the wizard, the file dialog) in the same language.
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    app.installTranslator(ours)
    i18n.install(QCoreApplication.translate)
    # Qt's dates and numbers in the same language too: the file dialog's "Date Modified"
    # column read "Sunday, 6 December" in a Chinese window on an English system (seen)
    QLocale.setDefault(locale)
    return ours.language() or locale.name()


def qt_words() -> tuple[str, ...]:
    """Qt's own words that Qt's shipped Chinese translation lacks (Qt 6 changed them and its
    translation did not follow): the file dialog's "Look in:" and "Files of type:" labels
    and a folder's type. Our translation carries them, and it is installed after Qt's, so
    it is asked first. Written out here for lupdate; in the language installed."""
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate(
            "QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"
        ),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
    )


def remove_translators(app) -> None:
    """Back to English (tests switch languages within one process)."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)  # not found by install_english before it is deleted
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    install_english(app)
