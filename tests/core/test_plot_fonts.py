"""Plots and printed pages find a Chinese font, also one matplotlib's cache does not list."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib
import pytest
from matplotlib import font_manager

from sigverify.core import plot_fonts


@pytest.fixture
def fonts(monkeypatch):
    """matplotlib's font list without any CJK font (as when one was installed after its
    cache was made); font_families() asked afresh and forgotten afterwards."""
    listed = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name]
    listed = [f for f in listed if f.name not in plot_fonts.CJK_FAMILIES]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", listed)
    monkeypatch.setitem(matplotlib.rcParams, "font.family", ["sans-serif"])
    plot_fonts.font_families.cache_clear()
    yield listed
    plot_fonts.font_families.cache_clear()


def test_a_cjk_font_missing_from_the_cache_is_found_by_its_file_name(fonts, monkeypatch):
    system = [
        "/usr/share/fonts/arial.ttf",
        "C:\\Windows\\Fonts\\msyh.ttc",
        "/fonts/broken-simhei.ttf",
        "/fonts/msyh-lookalike/arial.ttf",  # the folder's name does not count
    ]
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda: system)
    added = []

    def addfont(path):
        added.append(path)
        if "broken" in path:
            raise RuntimeError("Can not load face")  # an unreadable file is skipped
        fonts.append(SimpleNamespace(name="Microsoft YaHei"))

    monkeypatch.setattr(font_manager.fontManager, "addfont", addfont)
    families = plot_fonts.font_families()
    assert added == ["C:\\Windows\\Fonts\\msyh.ttc", "/fonts/broken-simhei.ttf"]  # not Arial
    assert families == (matplotlib.rcParams["font.sans-serif"][0], "Microsoft YaHei")
    assert matplotlib.rcParams["font.family"] == list(families)


def test_without_any_cjk_font_the_usual_font_alone(fonts, monkeypatch):
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda: ["/usr/share/fonts/arial.ttf"])
    assert plot_fonts.font_families() == (matplotlib.rcParams["font.sans-serif"][0],)


def test_a_listed_cjk_font_needs_no_search(fonts, monkeypatch):
    fonts.append(SimpleNamespace(name="WenQuanYi Zen Hei"))

    def search():
        raise AssertionError("the system's fonts were searched")

    monkeypatch.setattr(font_manager, "findSystemFonts", search)
    assert plot_fonts.font_families()[1:] == ("WenQuanYi Zen Hei",)


@pytest.mark.skipif(
    not any("cjk" in p.lower() for p in font_manager.findSystemFonts()),
    reason="this computer has no Noto CJK font",
)
@pytest.mark.filterwarnings("error::UserWarning")  # matplotlib's "Glyph ... missing"
def test_a_real_cjk_font_file_is_added_and_draws_chinese(fonts):
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    families = plot_fonts.font_families()
    assert any("CJK" in name for name in families[1:])
    figure = Figure()
    text = figure.text(0.5, 0.5, "距离直方图", family=list(families))
    figure.canvas.draw()  # no "missing glyph" for the Chinese label
    used = font_manager.findfont(FontProperties(family=families[1]), fallback_to_default=False)
    assert "cjk" in used.lower() and text.get_fontfamily() == list(families)
