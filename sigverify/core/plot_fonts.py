"""Fonts for plots and printed pages in Chinese as well as English.

matplotlib's own font has no Chinese characters, and matplotlib falls back glyph by glyph
only between the families named in ``font.family``: so the family becomes [its usual
sans-serif font, the CJK fonts this computer has]. matplotlib lists a computer's fonts
once, in a cache it keeps; a font installed after that (a desk that added Chinese later)
is not in it. When none of the known CJK fonts is listed, their usual files are looked
for among the system's fonts and added.
"""

from __future__ import annotations

import logging
from functools import cache

#: Fonts with Chinese characters on Linux, Windows and macOS desks, in order of preference.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",  # the name matplotlib gives Debian's and Ubuntu's Noto CJK collection
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)

#: Parts of those fonts' file names (lower case), to find them when matplotlib's cache
#: does not list them.
CJK_FILE_NAMES = (
    "notosanscjk",
    "notosanssc",
    "sourcehansans",
    "msyh",
    "simhei",
    "pingfang",
    "hiragino sans gb",
    "wqy-zenhei",
    "droidsansfallback",
)


@cache
def font_families() -> tuple[str, ...]:
    """[matplotlib's usual sans-serif font, the CJK fonts found]; the first alone when this
    computer has none. Sets matplotlib's ``font.family`` to it, for every figure after."""
    import matplotlib
    from matplotlib import font_manager

    # a bold title falls back to the CJK font's regular weight: said once per text drawn,
    # "findfont: Failed to find font weight bold for …", it filled the app's log (seen)
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    found = _cjk_families(font_manager.fontManager.ttflist)
    if not found:  # installed after matplotlib made its cache: look for the files
        for path in font_manager.findSystemFonts():
            name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()  # Windows paths too
            if any(part in name for part in CJK_FILE_NAMES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # unreadable: go on without it
                    continue
        found = _cjk_families(font_manager.fontManager.ttflist)
    families = (matplotlib.rcParams["font.sans-serif"][0], *found)
    matplotlib.rcParams["font.family"] = list(families)
    return families


def _cjk_families(fonts) -> list[str]:
    installed = {font.name for font in fonts}
    return [name for name in CJK_FAMILIES if name in installed]


@cache
def pdf_font_type() -> int:
    """matplotlib's ``pdf.fonttype`` for the fonts of :func:`font_families`: 42 (each font
    embedded whole, its text searchable) when they all have TrueType outlines; 3 (each
    glyph drawn) when one has PostScript (CFF) outlines, as Linux's Noto Sans CJK does:
    embedded as TrueType it is not one, and Ghostscript and MuPDF (printing on Linux)
    showed no Chinese at all (seen in a saved report)."""
    from matplotlib import font_manager

    paths = set()
    for family in font_families():
        try:
            properties = font_manager.FontProperties(family=family)
            paths.add(font_manager.findfont(properties, fallback_to_default=False))
        except ValueError:  # not found after all: matplotlib falls back to its own
            continue
    return 3 if any(has_postscript_outlines(path) for path in paths) else 42


def has_postscript_outlines(path: str) -> bool:
    """Whether the font file at ``path`` (its first face) has CFF outlines, not TrueType's."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, fontNumber=0, lazy=True)
    except Exception:  # noqa: BLE001 - unreadable here: matplotlib will say so when it draws
        return False
    with font:
        return "CFF " in font or "CFF2" in font
