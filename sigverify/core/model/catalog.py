"""The models a user can choose from: those shipped with the app and those installed
into the user data folder (``models/``)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sigverify.core.errors import ModelFileError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.model.card import (
    WEIGHTS_FILE,
    ModelCard,
    file_sha256,
    missing_weights,
    read_card,
    write_card,
)
from sigverify.core.paths import bundled_models_dir, user_data_dir


@dataclass(frozen=True)
class InstalledModel:
    path: Path
    card: ModelCard
    bundled: bool

    @property
    def name(self) -> str:
        return self.card.name or self.path.name


def installed_models_dir() -> Path:
    path = user_data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _models_in(folder: Path, bundled: bool) -> list[InstalledModel]:
    found = []
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            try:
                found.append(InstalledModel(child.resolve(), read_card(child), bundled))
            except ModelFileError:
                continue  # not a model folder (or a damaged one): not offered
    return found


def list_models(extra: list[Path] | None = None) -> list[InstalledModel]:
    """Shipped models first, then installed ones, then ``extra`` folders (e.g. the active
    model when it lives elsewhere) not already listed."""
    models = _models_in(bundled_models_dir(), True) + _models_in(installed_models_dir(), False)
    seen = {m.path for m in models}
    for path in extra or []:
        path = Path(path).resolve()
        if path not in seen and (path / "card.json").is_file():
            try:
                models.append(InstalledModel(path, read_card(path), False))
                seen.add(path)
            except ModelFileError:
                pass
    return models


def import_model(folder: str | Path, listed: list[InstalledModel] | None = None) -> InstalledModel:
    """Copy a model folder into the user's models folder, check that it loads and give it
    its ONNX file (exported there if it came without one). A folder name already taken gets
    a numbered suffix, and a model name already listed one in its copied card
    (:func:`unused_name`); a model already listed (the same weights) is refused: imported
    twice, it was listed twice under one name (seen in a real window). ``listed``: the
    models offered (:func:`sigverify.core.active_model.offered_models`), else those
    installed."""
    folder = Path(folder)
    listed = list_models() if listed is None else listed
    card = read_card(folder)  # refuses a folder that is not a model with a clear message
    weights = _weights_digest(folder)
    if weights is None:  # (said of the copy before: a "-2" name the user never saw)
        raise missing_weights(folder)
    same = [m for m in listed if _weights_digest(m.path) == weights]
    if same:
        raise SigverifyError(
            translate(
                "errors", "This model is already in the list as “{name}” (the same weights)."
            ).format(name=same[0].name)
        )
    asked = card.name or folder.name
    name = unused_name(asked, listed)
    base = re.sub(r"[^\w.-]+", "-", asked).strip("-") or "model"
    target = installed_models_dir() / base
    number = 2
    while target.exists():
        target = installed_models_dir() / f"{base}-{number}"
        number += 1
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("checkpoint"))
    from sigverify.core.model.inference import load_for_inference

    try:
        if name != asked:  # (two models of one name: results could not tell which)
            card.name = name
            write_card(card, target)
        load_for_inference(target)  # damaged weights or ONNX file: refused, nothing kept
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return InstalledModel(target.resolve(), read_card(target), False)


def model_named(name: str, listed: list[InstalledModel] | None = None) -> InstalledModel | None:
    """The model of ``listed`` (else those installed) already named ``name`` (capitals and
    blanks aside), or None."""
    key = " ".join(name.split()).casefold()
    listed = list_models() if listed is None else listed
    return next((m for m in listed if " ".join(m.name.split()).casefold() == key), None)


def unused_name(name: str, listed: list[InstalledModel] | None = None) -> str:
    """``name``, or "name (2)", "name (3)"… when a model of ``listed`` (else those
    installed) has it: results, the audit log and the status bar name a model by it (two
    saved under one name could not be told apart: seen in a real window)."""
    listed = list_models() if listed is None else listed
    candidate, number = name, 2
    while model_named(candidate, listed) is not None:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _weights_digest(folder: Path) -> str | None:
    """The SHA-256 of a model folder's weights file, None without one."""
    path = Path(folder) / WEIGHTS_FILE
    return file_sha256(path) if path.is_file() else None


def delete_model(model: InstalledModel, active: Path | None) -> None:
    """Delete an installed model folder; shipped models and the active one are refused."""
    if model.bundled:
        raise SigverifyError(
            translate("errors", "“{name}” ships with sigverify and cannot be deleted.").format(
                name=model.name
            )
        )
    if active is not None and Path(active).resolve() == model.path:
        raise SigverifyError(
            translate(
                "errors", "“{name}” is the active model: activate another one before deleting it."
            ).format(name=model.name)
        )
    if model.path.parent != installed_models_dir().resolve():
        raise SigverifyError(
            translate(
                "errors",
                "“{name}” was not installed by sigverify (it lives in {parent}); delete its "
                "folder yourself if you no longer need it.",
            ).format(name=model.name, parent=model.path.parent)
        )
    shutil.rmtree(model.path)
