"""Refresh the translation files after changing user-visible text.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``sigverify/gui`` and every
   ``translate(context, text)`` of ``sigverify/core`` into ``resources/translations/*.ts``
   (kept translations stay; texts no longer in the code are dropped; a text moved to
   another class keeps the translation it had, when it had only one).
2. Translate the new entries (``pyside6-linguist``, or edit the XML: each ``<message>`` with
   ``type="unfinished"`` needs its ``<translation>``).
3. Run this again: ``pyside6-lrelease`` compiles each ``.ts`` to the ``.qm`` the app loads.
   ``tests/gui/test_translations.py`` fails while a string lacks a translation or a ``.qm``
   is older than its ``.ts``.

It needs the tools of PySide6 6.12 or later: 6.11's lupdate reads ``translate(context,
text, None, n)`` in ``sigverify/core`` as a plain text and dropped 8 plural translations;
the app itself stays below 6.12 on Python < 3.12 (see ``pyproject.toml``). So, there::

    python3 -m venv /tmp/qt-tools && /tmp/qt-tools/bin/pip install "PySide6-Essentials>=6.12"
    /tmp/qt-tools/bin/python scripts/update_translations.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
MESSAGE = re.compile(r"(<message(?: [^>]*)?>.*?</message>)", re.DOTALL)
#: The languages the app ships in besides English (the source language).
LANGUAGES = ("zh_CN",)


#: The oldest PySide6 whose lupdate keeps ``translate(context, text, None, n)`` plural.
TOOLS_FROM = (6, 12)


def check_tools() -> None:
    import PySide6

    version = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    if version < TOOLS_FROM:
        sys.exit(
            f"PySide6 {PySide6.__version__}'s lupdate drops the plural texts of sigverify/core: "
            "run this with PySide6 6.12 or later (see the top of this script)."
        )


def sources() -> list[str]:
    files = sorted((ROOT / "sigverify" / "gui").rglob("*.py"))
    files += sorted((ROOT / "sigverify" / "core").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def translated(translation) -> tuple[str, ...]:
    """A ``<translation>``'s text, or its plural forms' (a ``%n`` text), in order."""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return tuple(forms) if forms else (translation.text or "",)


def known_translations(ts: Path) -> dict[str, tuple[str, ...]]:
    """Each source text of ``ts`` with its one finished translation (texts translated two
    ways in two classes are left out: which one a new class wants is a translator's call)."""
    if not ts.exists():
        return {}
    seen: dict[str, set[tuple[str, ...]]] = {}
    for message in ElementTree.parse(ts).iter("message"):
        translation = message.find("translation")
        if (
            translation is not None
            and translation.get("type") is None
            and any(translated(translation))
        ):
            seen.setdefault(message.findtext("source"), set()).add(translated(translation))
    return {source: texts.pop() for source, texts in seen.items() if len(texts) == 1}


def keep_moved(ts: Path, known: dict[str, tuple[str, ...]]) -> int:
    """Finish the entries lupdate's same-text heuristic filled (it marks them unfinished)
    with exactly the translation ``known`` had for that text: a text moved from one class
    to another. The number finished. Edits the XML as text, so lupdate's layout stays."""
    text = ts.read_text(encoding="utf-8")
    parts, filled = MESSAGE.split(text), 0
    for i, part in enumerate(parts):
        message = MESSAGE.fullmatch(part)
        if message is None:
            continue
        element = ElementTree.fromstring(part)
        translation = element.find("translation")
        if (
            translation.get("type") == "unfinished"
            and any(translated(translation))
            and known.get(element.findtext("source")) == translated(translation)
        ):
            parts[i] = part.replace('<translation type="unfinished">', "<translation>", 1)
            filled += 1
    ts.write_text("".join(parts), encoding="utf-8")
    return filled


#: A translator's note lupdate takes from a ``#:`` comment before a ``tr()``: in this code
#: such a comment documents the constant under it, and all 49 it had taken told the
#: translator of the next text about something else.
EXTRACOMMENT = re.compile(r"\n\s*<extracomment>.*?</extracomment>", re.DOTALL)


def without_code_comments(ts: Path) -> int:
    """Take the notes lupdate made of the code's ``#:`` comments out of ``ts`` (edited as
    text, so lupdate's layout stays); the number taken out."""
    text = ts.read_text(encoding="utf-8")
    kept, taken = EXTRACOMMENT.subn("", text)
    ts.write_text(kept, encoding="utf-8")
    return taken


def main() -> int:
    check_tools()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"sigverify_{language}.ts"
        known = known_translations(ts)
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "relative",
                "-target-language",
                language,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        if moved := keep_moved(ts, known):
            print(f"{ts.name}: {moved} moved text(s) kept their translation")
        without_code_comments(ts)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
