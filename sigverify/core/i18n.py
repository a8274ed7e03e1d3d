"""Words from core that a user reads (error messages, plot labels), translatable without Qt.

Core writes ``translate("errors", "No signature was found on {name}.").format(name=...)``.
The call has the shape of Qt's ``QCoreApplication.translate``, so ``pyside6-lupdate``
collects these texts into the same ``.ts`` file as the GUI's ``tr()`` strings. Until a
translator is installed (the command line never installs one) the text comes back as
written, its plurals made English (:func:`english_plurals`); the desktop app installs Qt's
own function at start-up (:func:`install`).

A count goes in as ``%n`` with ``n`` (``translate("audit", "%n reference(s)", None, 3)``),
so that each language can say it its own way; English is the source text, where "(s)" is
the plural ending: "1 reference", "3 references".
"""

from __future__ import annotations

import re
from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]


def english_plurals(text: str, n: int = -1) -> str:
    """``text`` with each "(s)" made English for the count ``n``: dropped for 1, "s" for any
    other count ("person(s)": person, people); unchanged without a count (``n`` < 0)."""
    if n < 0:
        return text
    text = text.replace("person(s)", "person" if n == 1 else "people")
    return text.replace("(s)", "" if n == 1 else "s")


# Chinese punctuation carries its own space: no blank goes after it.
_FULL_WIDTH_ENDS = tuple("。，；：！？）」』")
_FULL_WIDTH_STARTS = tuple("（「『【")


def join_sentences(*parts: str) -> str:
    """Sentences or clauses one after another, as each language writes them: a space between
    them, none after a full-width (Chinese) mark or before a full-width bracket (" （预设："
    was seen in the audit log); empty parts are left out."""
    text = ""
    for part in parts:
        if not part:
            continue
        if text and not text.endswith((" ", *_FULL_WIDTH_ENDS)):
            text += "" if part.startswith(_FULL_WIDTH_STARTS) else " "
        text += part
    return text


# Han characters, and the full-width closing brackets a Chinese text puts around an id
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_BLANK_AFTER_BRACKET = re.compile(rf"(?<=[）」』】])((?:</?b>)*) ((?:</?b>)*)(?=[{_HAN}])")


def wide_spacing(text: str) -> str:
    """``text`` without a blank between a full-width closing bracket and a Han character
    (bold tags aside): a translation puts blanks around a placeholder for a Latin id
    ("{id} 的"), and a name in full-width brackets filled in kept it ("Maria Souza（C-11）
    的": seen in a real window). Nothing else changes: a blank between two Han characters
    may be a name's, a path's or a clerk's comment's own ("D:\\签名 备份", a review found)."""
    return _BLANK_AFTER_BRACKET.sub(r"\1\2", text)


def join_list(items) -> str:
    """Items of a list as the language separates them ("a, b"; "a、b" in Chinese, where
    an ASCII comma was seen)."""
    return translate("lists", ", ", "between the items of a list").join(items)


def percent_text(share: float, spec: str = ".0f") -> str:
    """A share (0.69) as a percentage the language's way: "69 %" in English, "69%" in
    Chinese (written out at each place, some had the space and some not: seen). ``spec``
    formats the number (".1f", "g")."""
    return translate("percent", "{number} %").format(number=format(100 * float(share), spec))


def percent_suffix() -> str:
    """What follows a number of percent the language's way (" %" in English, "%" in
    Chinese): a number box's suffix, from :func:`percent_text`'s own words."""
    return translate("percent", "{number} %").format(number="")


def _as_written(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return english_plurals(text, n)


_translator: Translator = _as_written


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (``%n`` replaced by ``n`` when ``n`` >= 0)."""
    result = _translator(context, text, disambiguation, n)
    return result.replace("%n", str(n)) if n >= 0 and _translator is _as_written else result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark a constant ``text`` for translation; it is translated where it is shown, with
    ``translate(context, text)`` (e.g. a text that is also stored in English)."""
    return text


def install(translator: Translator | None) -> None:
    """Use ``translator`` (e.g. ``QCoreApplication.translate``) from now on; None undoes it."""
    global _translator
    _translator = translator or _as_written
