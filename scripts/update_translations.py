"""Refresh the translation files after changing user-visible text.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()`` string of ``sigverify/gui`` and every
   ``translate(context, text)`` of ``sigverify/core`` into ``resources/translations/*.ts``
   (kept translations stay; texts no longer in the code are dropped).
2. Translate the new entries (``pyside6-linguist``, or edit the XML: each ``<message>`` with
   ``type="unfinished"`` needs its ``<translation>``).
3. Run this again: ``pyside6-lrelease`` compiles each ``.ts`` to the ``.qm`` the app loads.
   ``tests/gui/test_translations.py`` fails while a string lacks a translation or a ``.qm``
   is older than its ``.ts``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: The languages the app ships in besides English (the source language).
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    files = sorted((ROOT / "sigverify" / "gui").rglob("*.py"))
    files += sorted((ROOT / "sigverify" / "core").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"sigverify_{language}.ts"
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
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
