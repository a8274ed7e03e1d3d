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


def _font_file(path, cff: bool) -> str:
    """A one-glyph font file with PostScript (CFF) or TrueType outlines."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pens = {}
    for name in (".notdef", "A"):
        pen = T2CharStringPen(500, None) if cff else TTGlyphPen(None)
        pen.moveTo((50, 0)), pen.lineTo((450, 0)), pen.lineTo((250, 700)), pen.closePath()
        pens[name] = pen.getCharString() if cff else pen.glyph()
    if cff:
        builder.setupCFF("Test", {"FullName": "Test"}, pens, {})
    else:
        builder.setupGlyf(pens)
    builder.setupHorizontalMetrics({name: (500, 50) for name in pens})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Test", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return str(path)


def test_a_font_with_postscript_outlines_is_drawn_glyph_by_glyph_in_pdfs(tmp_path, monkeypatch):
    """Seen in a saved report: with Linux's Noto Sans CJK (CFF outlines) embedded as
    TrueType (pdf.fonttype 42), Ghostscript and MuPDF showed no Chinese at all."""
    cff, ttf = _font_file(tmp_path / "cff.otf", True), _font_file(tmp_path / "tt.ttf", False)
    assert plot_fonts.has_postscript_outlines(cff)
    assert not plot_fonts.has_postscript_outlines(ttf)
    assert not plot_fonts.has_postscript_outlines(str(tmp_path / "missing.ttf"))
    files = {"DejaVu Sans": ttf, "Some CJK": cff}
    monkeypatch.setattr(plot_fonts, "font_families", lambda: tuple(files))
    monkeypatch.setattr(font_manager, "findfont", lambda props, **kw: files[props.get_family()[0]])
    plot_fonts.pdf_font_type.cache_clear()
    try:
        assert plot_fonts.pdf_font_type() == 3
        del files["Some CJK"]  # TrueType fonts only (Windows' YaHei, or English alone)
        plot_fonts.pdf_font_type.cache_clear()
        assert plot_fonts.pdf_font_type() == 42
    finally:
        plot_fonts.pdf_font_type.cache_clear()
