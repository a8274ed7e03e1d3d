"""Where the file dialogs open. Qt opens a dialog given no folder in the last folder any
dialog used, or in the folder the program runs from (for the executable, its own install
folder): a model folder was asked for among the scans, and a summary offered to be saved
beside the program (seen in a real window). Each kind of file here has its own remembered
folder, and at first the user's folder for it.

    path = ask_open(parent, title, "signatures", filters)  # asked there, and remembered
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from sigverify.gui.language import gui_settings

_LOCATION = QStandardPaths.StandardLocation
#: kind -> (the setting remembering its folder, where to start at first: the user's folder
#: of a kind, or where another kind starts)
KINDS = {
    # signatures to check and pages to open
    "signatures": ("last_signature_folder", _LOCATION.PicturesLocation),
    # reference signatures to enrol: apart from the ones checked (the People page's dialog
    # opened among the forgeries just checked, and one could be enrolled as a reference)
    "references": ("references/folder", _LOCATION.PicturesLocation),
    # folders and lists of signatures for the queue: beside the scans at first, then apart
    # (the folder chosen is remembered by its parent: the signatures' dialogs opened there)
    "queue": ("queue/folder", "signatures"),
    # what sigverify saves for people to read: reports, summaries, audit exports
    "reports": ("reports/folder", _LOCATION.DocumentsLocation),
    # person cards saved and imported
    "cards": ("cards/folder", _LOCATION.DocumentsLocation),
    # backups of the store written and restored (a stick, a network folder)
    "backups": ("backups/folder", _LOCATION.DocumentsLocation),
    # model folders to import
    "models": ("models/folder", _LOCATION.HomeLocation),
    # data folders of genuine signatures and forgeries (Thresholds page, training wizard)
    "data": ("data/folder", _LOCATION.HomeLocation),
}


def start_folder(kind: str) -> str:
    """The folder a dialog for ``kind`` opens in: where the last one of that kind was
    chosen, else the user's folder for it (Pictures, Documents), else home; always one that
    exists."""
    setting, first = KINDS[kind]
    remembered = str(gui_settings().value(setting, "") or "")
    if remembered and Path(remembered).is_dir():
        return remembered
    if isinstance(first, str):
        return start_folder(first)
    users = QStandardPaths.writableLocation(first)
    return users if users and Path(users).is_dir() else str(Path.home())


def start_path(kind: str, name: str) -> str:
    """A file ``name`` offered in the start folder of ``kind`` (save dialogs)."""
    return str(Path(start_folder(kind)) / name)


def remember(kind: str, chosen: str | Path) -> None:
    """The next dialog for ``kind`` opens where ``chosen`` (a file, or a folder: beside it,
    so that the next day's folder is one click away) lies."""
    gui_settings().setValue(KINDS[kind][0], str(Path(chosen).parent))


def ask_folder(parent: QWidget, title: str, kind: str) -> str:
    """A folder chosen in a dialog opening where ``kind``'s do, remembered; "" if none."""
    folder = QFileDialog.getExistingDirectory(parent, title, start_folder(kind))
    if folder:
        remember(kind, folder)
    return folder


def ask_open(
    parent: QWidget,
    title: str,
    kind: str,
    filters: str,
    multiple: bool = False,
    offered: str | Path | None = None,
):
    """The file (``multiple``: the list of files) chosen to open, in a dialog opening where
    ``kind``'s do, or at the file ``offered`` (chosen already, when it is there);
    remembered. "" (``multiple``: []) if none."""
    start = str(offered) if offered and Path(offered).is_file() else start_folder(kind)
    if multiple:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
        chosen = paths[0] if paths else ""
    else:
        paths, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        chosen = paths
    if chosen:
        remember(kind, chosen)
    return paths


def ask_save(parent: QWidget, title: str, kind: str, name: str, filters: str) -> str:
    """Where to save, a file ``name`` offered where ``kind``'s go; remembered. "" if
    cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, start_path(kind, name), filters)
    if path:
        remember(kind, path)
    return path
