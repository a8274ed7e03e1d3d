"""Pages written to files: a report's PDF (fonts embedded) or PNG, refused in words when
the path cannot be written, and written beside it first so that a file appears only
complete. For :mod:`sigverify.core.report` and :mod:`sigverify.core.report_batch` pages."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def check_writable(path: str | Path) -> Path:
    """Refuse, in words, a report path that cannot be written (before anything is
    recorded, so that a typing error does not leave a check without its report)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise SigverifyError(
            translate(
                "errors",
                "The report cannot be written to “{path}”: choose a file in a folder that "
                "exists and that you may write to.",
            ).format(path=path)
        )
    return path


def save_pdf(figures: list[Figure], path: str | Path) -> Path:
    """Write ``figures`` as the pages of one PDF (fonts embedded as TrueType, so the text
    can be searched and copied)."""
    failed = translate("errors", "The report “{name}” could not be written: {error}")
    return _saved(path, lambda target: _write_pages(figures, target), failed)


def save_png(figure: Figure, path: str | Path) -> Path:
    """Write ``figure`` as a PNG picture (errors in words, as for :func:`save_pdf`)."""
    failed = translate("errors", "The picture “{name}” could not be written: {error}")
    return _saved(path, lambda target: figure.savefig(target, format="png"), failed)


def _saved(path: str | Path, write, failed: str) -> Path:
    """``write`` into a file beside ``path`` (after :func:`check_writable`), which then takes
    its place: the file appears only complete (a long summary was unreadable for 15 s while
    it was written, seen in a real window); an OS error said with ``failed``."""
    path = check_writable(path)
    part = path.with_name(f".{path.name}.part")
    try:
        write(part)
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise SigverifyError(
            failed.format(name=path.name, error=error.strerror or error)
        ) from error
    return path


def _write_pages(figures: list[Figure], path: Path) -> None:
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages

    from sigverify.core.plot_fonts import pdf_font_type

    with (
        matplotlib.rc_context({"pdf.fonttype": pdf_font_type()}),
        warnings.catch_warnings(),
        PdfPages(path) as pdf,
    ):
        # a glyph missing from the first family is looked up in the next: not news
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        for figure in figures:
            pdf.savefig(figure)
