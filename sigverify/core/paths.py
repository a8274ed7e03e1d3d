"""Where sigverify keeps its files, and where its bundled resources are.

User data goes to the platform's user data dir (platformdirs). ``SIGVERIFY_HOME``
overrides it (tests, portable installs): data and logs then live under that folder.
Nothing is ever written next to the executable.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import platformdirs

APP_NAME = "sigverify"
HOME_ENV = "SIGVERIFY_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def user_data_dir() -> Path:
    """Folder for the store and installed models (created on first use)."""
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    """Folder for log files (created on first use)."""
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_cache_dir() -> Path:
    """Folder for files that only save time (preprocessed training images); created on
    first use, safe to delete."""
    home = _home_override()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def training_runs_dir() -> Path:
    """Folder of the training wizard's runs in progress, one folder each: a run's model
    and checkpoint stay there until the model is saved to the models or dropped."""
    return user_data_dir() / "training"


def remove_training_run(folder: str | Path) -> bool:
    """Delete a run's folder once its model is saved (copied to the models) or dropped;
    False, and nothing deleted, for a folder that is not one directly inside
    :func:`training_runs_dir`. A file another program holds open stays (Windows)."""
    folder = Path(folder).resolve()
    if folder.parent != training_runs_dir().resolve() or not folder.is_dir():
        return False
    shutil.rmtree(folder, ignore_errors=True)
    return True


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``models/``: the PyInstaller bundle when frozen,
    else the source checkout (the parent of the ``sigverify`` package)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("icons", "app.png")``."""
    return bundle_root().joinpath("resources", *parts)


def bundled_models_dir() -> Path:
    """Folder of the models shipped with the app (``models/``)."""
    return bundle_root() / "models"


STORE_ENV = "SIGVERIFY_STORE"


def default_store_location() -> str | Path:
    """``SIGVERIFY_STORE`` (a file path or a ``postgresql://`` URL) if set, else
    ``store.sqlite3`` in the user data folder."""
    override = os.environ.get(STORE_ENV, "").strip()
    if override.lower().startswith(("postgresql://", "postgres://")):
        return override
    return default_store_path()


def default_store_path() -> Path:
    """``SIGVERIFY_STORE`` if set, else ``store.sqlite3`` in the user data folder."""
    override = os.environ.get(STORE_ENV, "").strip()
    return Path(override).expanduser() if override else user_data_dir() / "store.sqlite3"
