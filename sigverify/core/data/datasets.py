"""Reading signature data folders: writers with their genuine and forged images.

Layouts (``layout=`` name: what it looks like):

- ``folders`` (sigverify's own): ``ROOT/<writer>/genuine/*`` and ``ROOT/<writer>/forged/*``
- ``cedar``: ``ROOT/full_org/original_<w>_<n>.png`` and ``ROOT/full_forg/forgeries_<w>_<n>.png``
- ``sigcomp`` (SigComp2011, "sign_data"): ``ROOT/<NNN>/`` genuine, ``ROOT/<NNN>_forg/`` forged
- ``bhsig260``: ``ROOT/[Bengali|Hindi]/<id>/B-S-<id>-G-01.tif`` (``-F-`` for forgeries)

``auto`` detects which. Reading lists files only; :func:`check_images` decodes them.
Problems (a writer without genuine images, stray files, unreadable images) are
collected in :attr:`Dataset.problems` rather than raised, so a user sees all of them at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sigverify.core.data.pen_files import is_pen_file, read_pen_file, render_trajectory
from sigverify.core.errors import DatasetError, SigverifyError
from sigverify.core.i18n import QT_TRANSLATE_NOOP, translate
from sigverify.core.imaging.imageio import IMAGE_SUFFIXES, load_image
from sigverify.core.imaging.preprocessing import PreprocessConfig, preprocess_signature

LAYOUTS = ("folders", "cedar", "sigcomp", "bhsig260")
LAYOUT_HELP = QT_TRANSLATE_NOOP(
    "errors",
    "sigverify's own layout: <writer>/genuine/ and <writer>/forged/ folders; "
    "CEDAR: full_org/ and full_forg/ folders; "
    "SigComp2011 (sign_data): 001/ and 001_forg/ folders; "
    "BHSig260: Bengali/ or Hindi/ folders of B-S-1-G-01.tif files",
)
#: Fewer genuine images than this and no genuine pair can be formed.
MIN_GENUINE = 2

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class DatasetProblem:
    """Something wrong in a data folder. ``severity``: ``"error"`` (that part cannot be
    used) or ``"warning"`` (usable, but the user should know)."""

    severity: str
    message: str
    path: Path | None = None


@dataclass
class Writer:
    """One person: paths of their genuine signatures and of skilled forgeries of them."""

    id: str
    genuine: list[Path] = field(default_factory=list)
    forged: list[Path] = field(default_factory=list)


@dataclass
class Dataset:
    root: Path
    layout: str
    writers: list[Writer]
    problems: list[DatasetProblem] = field(default_factory=list)

    @property
    def genuine_count(self) -> int:
        return sum(len(w.genuine) for w in self.writers)

    @property
    def forged_count(self) -> int:
        return sum(len(w.forged) for w in self.writers)

    def usable_writers(self) -> list[Writer]:
        """Writers with enough genuine images to form genuine pairs, not counting the
        images found unusable (:func:`check_images`: a folder of files that were not
        images counted its people as usable, and training then failed, seen in a real
        window)."""
        unusable = {Path(p.path) for p in self.problems if p.severity == ERROR and p.path}
        return [
            w
            for w in self.writers
            if sum(Path(g) not in unusable for g in w.genuine) >= MIN_GENUINE
        ]


def _is_image(path: Path) -> bool:
    """An image file, or a pen recording (read as its trajectory drawn as ink)."""
    return path.is_file() and (path.suffix.lower() in IMAGE_SUFFIXES or is_pen_file(path))


def load_signature_pixels(path: Path):
    """``(pixels, warnings)`` of an image file or of a pen recording drawn as ink."""
    if is_pen_file(path):
        return render_trajectory(read_pen_file(path)), []
    loaded = load_image(path)
    return loaded.pixels, list(loaded.warnings)


def prepared_signature(path: Path, config: PreprocessConfig) -> np.ndarray:
    """The image a model reads for a data-set file: a scan preprocessed, or a pen recording
    drawn as ink and preprocessed (training read only scans: a pen folder given to an image
    model was skipped file by file, reported only once training had finished)."""
    return preprocess_signature(load_signature_pixels(path)[0], config)


def number_key(text: str) -> tuple:
    """Sort key that orders "2" before "10"."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))


def _subdirs(root: Path) -> list[Path]:
    return sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: number_key(p.name),
    )


def _images_in(folder: Path, problems: list[DatasetProblem]) -> list[Path]:
    files = sorted(
        (p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
        key=lambda p: number_key(p.name),
    )
    images = [p for p in files if _is_image(p)]
    others = [p for p in files if not _is_image(p)]
    if others:
        listed = ", ".join(p.name for p in others[:3]) + (", ..." if len(others) > 3 else "")
        problems.append(
            DatasetProblem(
                WARNING,
                translate(
                    "errors",
                    "%n file(s) that are not images were ignored ({listed}).",
                    None,
                    len(others),
                ).format(listed=listed),  # fmt: skip
                folder,
            )
        )
    return images


def detect_layout(root: str | Path) -> str:
    """Which layout ``root`` uses; :class:`DatasetError` if none."""
    root = _existing_folder(root)
    if (root / "full_org").is_dir() or (root / "full_forg").is_dir():
        return "cedar"
    subdirs = _subdirs(root)
    if any((d / "genuine").is_dir() or (d / "forged").is_dir() for d in subdirs):
        return "folders"
    if any(d.name in ("Bengali", "Hindi") for d in subdirs) or any(
        _BHSIG_NAME.match(f.name) for d in subdirs[:5] for f in d.iterdir()
    ):
        return "bhsig260"
    if any(_SIGCOMP_DIR.match(d.name) for d in subdirs):
        return "sigcomp"
    raise DatasetError(
        translate(
            "errors",
            "The folder “{name}” does not look like a signature data folder. Expected one of: "
            "{LAYOUT_HELP}.",
        ).format(name=root.name, LAYOUT_HELP=translate("errors", LAYOUT_HELP))
    )


def _existing_folder(root: str | Path) -> Path:
    root = Path(root)
    if not root.exists():
        raise DatasetError(
            translate("errors", "The folder “{root}” does not exist.").format(root=root)
        )
    if not root.is_dir():
        raise DatasetError(
            translate(
                "errors", "“{name}” is a file; choose the folder that holds the signatures."
            ).format(name=root.name)
        )
    return root


def read_dataset(root: str | Path, layout: str = "auto") -> Dataset:
    """List the writers and images under ``root``. Raises :class:`DatasetError` when the
    folder is missing, matches no layout, or holds no usable writer."""
    root = _existing_folder(root)
    if layout == "auto":
        layout = detect_layout(root)
    readers = {
        "folders": _read_folders,
        "cedar": _read_cedar,
        "sigcomp": _read_sigcomp,
        "bhsig260": _read_bhsig260,
    }
    if layout not in readers:
        raise DatasetError(
            translate(
                "errors", "Unknown layout “{layout}”. Choose auto or one of: {layouts}."
            ).format(layout=layout, layouts=", ".join(LAYOUTS))
        )
    problems: list[DatasetProblem] = []
    writers = readers[layout](root, problems)
    writers = [w for w in writers if w.genuine or w.forged]
    if not writers:
        raise DatasetError(
            translate(
                "errors",
                "No signatures were found in “{name}” with the {layout} layout. Expected: "
                "{LAYOUT_HELP}.",
            ).format(name=root.name, layout=layout, LAYOUT_HELP=translate("errors", LAYOUT_HELP))
        )
    for writer in writers:
        if not writer.genuine:
            problems.append(
                DatasetProblem(
                    ERROR,
                    translate(
                        "errors",
                        "Writer {id} has forgeries but no genuine signatures; this writer "
                        "cannot be used.",
                    ).format(id=writer.id),
                )
            )
        elif len(writer.genuine) < MIN_GENUINE:
            problems.append(
                DatasetProblem(
                    WARNING,
                    translate(
                        "errors",
                        "Writer {id} has only one genuine signature; at least {needed} are "
                        "needed, so this writer cannot be used.",
                    ).format(id=writer.id, needed=MIN_GENUINE),
                )
            )
    if not any(w.forged for w in writers):
        problems.append(
            DatasetProblem(
                WARNING,
                translate(
                    "errors",
                    "No forgeries were found: training will use other writers' genuine "
                    "signatures as (random) forgeries only, and cannot learn skilled forgeries.",
                ),
            )
        )
    return Dataset(root=root, layout=layout, writers=writers, problems=problems)


def _read_folders(root: Path, problems: list[DatasetProblem]) -> list[Writer]:
    writers = []
    for folder in _subdirs(root):
        genuine_dir, forged_dir = folder / "genuine", folder / "forged"
        if not genuine_dir.is_dir() and not forged_dir.is_dir():
            problems.append(
                DatasetProblem(
                    WARNING,
                    translate(
                        "errors",
                        "Folder “{name}” has no genuine/ or forged/ folder inside; ignored.",
                    ).format(name=folder.name),
                    folder,
                )
            )
            continue
        _note_strays(folder, problems)
        writers.append(
            Writer(
                id=folder.name,
                genuine=_images_in(genuine_dir, problems) if genuine_dir.is_dir() else [],
                forged=_images_in(forged_dir, problems) if forged_dir.is_dir() else [],
            )
        )
    return writers


def _note_strays(folder: Path, problems: list[DatasetProblem]) -> None:
    """What a writer's folder holds beside genuine/ and forged/ is not read: said, as the
    files of those folders that are not images are (a signature put beside them, or in a
    "forgeries" folder, was left out without a word: a review)."""
    strays = [
        p
        for p in sorted(folder.iterdir(), key=lambda p: number_key(p.name))
        # ("Genuine/" is read as genuine/ where names ignore capitals; Windows' own files
        # are not the user's)
        if p.name.casefold() not in ("genuine", "forged", "desktop.ini", "thumbs.db")
        and not p.name.startswith(".")
    ]
    if strays:
        listed = ", ".join(p.name + ("/" if p.is_dir() else "") for p in strays[:3]) + (
            ", ..." if len(strays) > 3 else ""
        )
        problems.append(
            DatasetProblem(
                WARNING,
                translate(
                    "errors",
                    "%n file(s) or folder(s) beside genuine/ and forged/ were not read "
                    "({listed}): only those two folders are.",
                    None,
                    len(strays),
                ).format(listed=listed),  # fmt: skip
                folder,
            )
        )


_CEDAR_NAME = re.compile(r"^(original|forgeries)_(\d+)_(\d+)\.\w+$", re.IGNORECASE)


def _read_cedar(root: Path, problems: list[DatasetProblem]) -> list[Writer]:
    writers: dict[str, Writer] = {}
    for sub in ("full_org", "full_forg"):
        folder = root / sub
        if not folder.is_dir():
            missing = translate("errors", "The CEDAR folder {sub}/ is missing.").format(sub=sub)
            problems.append(DatasetProblem(WARNING, missing, root))
            continue
        for path in _images_in(folder, problems):
            match = _CEDAR_NAME.match(path.name)
            if not match:
                problems.append(
                    DatasetProblem(
                        WARNING,
                        translate(
                            "errors", "“{name}” is not named like a CEDAR file; ignored."
                        ).format(name=path.name),
                        path,
                    )
                )
                continue
            kind, writer_id = match.group(1).lower(), match.group(2)
            writer = writers.setdefault(writer_id, Writer(writer_id))
            (writer.genuine if kind == "original" else writer.forged).append(path)
    return [writers[k] for k in sorted(writers, key=number_key)]


_SIGCOMP_DIR = re.compile(r"^(\d+)(_forg)?$", re.IGNORECASE)


def _read_sigcomp(root: Path, problems: list[DatasetProblem]) -> list[Writer]:
    writers: dict[str, Writer] = {}
    for folder in _subdirs(root):
        match = _SIGCOMP_DIR.match(folder.name)
        if not match:
            problems.append(
                DatasetProblem(
                    WARNING,
                    translate(
                        "errors", "Folder “{name}” is not named like 001 or 001_forg; ignored."
                    ).format(name=folder.name),
                    folder,
                )
            )
            continue
        writer = writers.setdefault(match.group(1), Writer(match.group(1)))
        (writer.forged if match.group(2) else writer.genuine).extend(_images_in(folder, problems))
    return [writers[k] for k in sorted(writers, key=number_key)]


_BHSIG_NAME = re.compile(r"^([BH])-S-(\d+)-([GF])-(\d+)\.\w+$", re.IGNORECASE)


def _read_bhsig260(root: Path, problems: list[DatasetProblem]) -> list[Writer]:
    scripts = [d for d in _subdirs(root) if d.name in ("Bengali", "Hindi")] or [root]
    writers: dict[str, Writer] = {}
    for script in scripts:
        for folder in _subdirs(script):
            for path in _images_in(folder, problems):
                match = _BHSIG_NAME.match(path.name)
                if not match:
                    problems.append(
                        DatasetProblem(
                            WARNING,
                            translate(
                                "errors", "“{name}” is not named like a BHSig260 file; ignored."
                            ).format(name=path.name),
                            path,
                        )
                    )
                    continue
                writer_id = f"{match.group(1).upper()}{match.group(2)}"
                writer = writers.setdefault(writer_id, Writer(writer_id))
                (writer.genuine if match.group(3).upper() == "G" else writer.forged).append(path)
    return [writers[k] for k in sorted(writers, key=number_key)]


def check_images(
    dataset: Dataset,
    config: PreprocessConfig | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> list[DatasetProblem]:
    """Decode and preprocess every image, returning one error problem per image that
    cannot be used (unreadable, damaged, blank...). Also appended to ``dataset.problems``.

    ``on_progress(done, total)`` is called after each image; returning ``False`` stops
    the check early (the problems found so far are returned).
    """
    config = config or PreprocessConfig()
    paths = [p for w in dataset.writers for p in (*w.genuine, *w.forged)]
    found: list[DatasetProblem] = []
    for done, path in enumerate(paths, start=1):
        try:
            pixels, warnings = load_signature_pixels(path)
            preprocess_signature(pixels, config)
            found.extend(DatasetProblem(WARNING, note, path) for note in warnings)
        except SigverifyError as error:
            found.append(DatasetProblem(ERROR, str(error), path))
        if on_progress is not None and on_progress(done, len(paths)) is False:
            break
    dataset.problems.extend(found)
    return found


TEMPLATE_README = """Put each person's signatures in their own folder:

    <person>/genuine/   signatures they wrote themselves (at least 2; 5 or more is better)
    <person>/forged/    skilled forgeries of their signature, if you have any

PNG, JPEG, TIFF or BMP; one signature per image. Rename writer-01 and writer-02, and add a
folder per person. More people matter more than more signatures per person: aim for 50+.
"""


def write_template_folder(root: str | Path, writers: int = 2) -> Path:
    """Create an empty data folder in sigverify's own layout, with a README explaining it.
    Refuses a folder that already has files in it."""
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise DatasetError(
            translate("errors", "“{name}” is not empty; choose a new or empty folder.").format(
                name=root.name
            )
        )
    for index in range(1, writers + 1):
        for kind in ("genuine", "forged"):
            (root / f"writer-{index:02d}" / kind).mkdir(parents=True, exist_ok=True)
    (root / "README.txt").write_text(TEMPLATE_README, encoding="utf-8")
    return root
