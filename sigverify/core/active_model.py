"""Which models a store verifies with, and switching to another: the stored original
images are re-embedded with a new image model first (cancellable; nothing is lost), so
verification only ever compares embeddings of the same model. A pen model (pad-drawn
queries) needs no re-embedding: its embeddings are made at each verification."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sigverify.core.errors import NotAllowedError, SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.model.catalog import InstalledModel, list_models
from sigverify.core.model_settings import (
    ACTIVE_MODEL_SETTING,
    ACTIVE_PEN_MODEL_SETTING,
    MODELS_USED_SETTING,
)
from sigverify.core.paths import bundled_models_dir, user_data_dir
from sigverify.core.pen_verification import PenScorer, fitted_with
from sigverify.core.store import Store
from sigverify.core.store.records import PendingChange
from sigverify.core.verification import VerificationService, model_id_of

if TYPE_CHECKING:  # the model brings torch; importing this module must not (app start-up)
    from sigverify.core.model.card import ModelCard
    from sigverify.core.model.io import LoadedModel


PEN_DEFAULT = "pen-default"


def models_used(store: Store) -> list[str]:
    """Folders of every model activated in this store, latest first (to go back to one)."""
    return json.loads(store.get_setting(MODELS_USED_SETTING) or "[]")


def offered_models(store: Store, active: Path | None) -> list[InstalledModel]:
    """The models offered to choose from: shipped, installed, and wherever the active
    image model (``active``), the active pen model and those activated before lie."""
    pen = active_pen_model_dir(store)
    paths = {p.resolve() for p in (active, pen) if p is not None}
    return list_models(extra=[*paths, *(Path(p) for p in models_used(store))])


def active_model_dir(store: Store, explicit: str | Path | None = None) -> Path:
    """The model to use: ``explicit`` if given, else the store's active model, else the
    bundled default model."""
    if explicit:
        return Path(explicit)
    chosen = store.get_setting(ACTIVE_MODEL_SETTING)
    if chosen:
        return _on_this_desk(Path(chosen))
    default = bundled_models_dir() / "default"
    if (default / "card.json").is_file():
        return default
    raise SigverifyError(
        translate(
            "errors",
            "No model is installed yet. Train one with “sigverify train”, then activate it with "
            "“sigverify models activate MODEL_DIR”, or pass --model MODEL_DIR.",
        )
    )


def active_pen_model_dir(store: Store) -> Path | None:
    """The pen model to judge pad-drawn queries with: the store's choice, else the bundled
    ``pen-default``; None when there is neither (pad queries are then judged on their
    picture alone)."""
    chosen = store.get_setting(ACTIVE_PEN_MODEL_SETTING)
    if chosen:
        return _on_this_desk(Path(chosen))
    default = bundled_models_dir() / PEN_DEFAULT
    return default if (default / "card.json").is_file() else None


def pen_fusion_note(store: Store, candidate: ModelCard | None = None) -> str:
    """What the store's active models mean for signatures drawn on a pad when the active
    pen model's fusion was not fitted with the active image model: every acceptance goes
    to review ("" when it was, or there is no pen model). Said at a switch, and asked
    before it with ``candidate``, the card of the model to activate instead of the active
    one of its kind: the default image model was changed twice without fitting the pen
    model again (stop 58), unsaid."""
    from sigverify.core.model.card import read_card

    # the candidate stands in for the active model of its kind
    pen = candidate if candidate is not None and candidate.input == "pen" else None
    image = candidate if candidate is not None and pen is None else None
    try:  # (a shared store out of reach: said where it is used, not at a click here)
        if pen is None:
            pen_dir = active_pen_model_dir(store)
            if pen_dir is None:
                return ""
            pen = read_card(pen_dir)
        image = image or read_card(active_model_dir(store))
    except (SigverifyError, OSError, ValueError):  # (a missing card is said where it is used)
        return ""
    if fitted_with(pen, image.model_id):
        return ""
    return translate(
        "models",
        "The pen model {pen} was not fitted with the image model {image}: a signature drawn "
        "on a pad that it would accept goes to review until it is (the pen model's card on "
        "the Models page says how).",
    ).format(pen=pen.name, image=image.name)


def load_pen_scorer(store: Store, threads: int | None = None) -> PenScorer | None:
    """The active pen model ready to score (see :func:`active_pen_model_dir`), or None."""
    folder = active_pen_model_dir(store)
    if folder is None:
        return None
    from sigverify.core.model.inference import load_for_inference

    return PenScorer(load_for_inference(folder, threads=threads))


def models_kept_here(store: Store) -> list[Path]:
    """The folders on this computer of the models ``store`` has used (image and pen) that
    did not come with the app: what a backup of the store must carry for its embeddings
    and per-person thresholds to mean something on another computer."""
    chosen = [store.get_setting(ACTIVE_MODEL_SETTING), store.get_setting(ACTIVE_PEN_MODEL_SETTING)]
    folders = []
    for path in [p for p in chosen if p] + models_used(store):
        folder = _on_this_desk(Path(path))
        bundled = folder.resolve().parent == bundled_models_dir().resolve()
        if (folder / "card.json").is_file() and not bundled and folder not in folders:
            folders.append(folder)
    return folders


def _on_this_desk(path: Path) -> Path:
    """The model folder ``path``, or, when it is not on this computer (a shared store's
    model activated at another desk, from that desk's folders), the model of the same
    folder name shipped with the app or installed here. A different model of that name
    has other weights, hence another model id: its embeddings are never mixed up."""
    if (path / "card.json").is_file():
        return path
    for folder in (bundled_models_dir(), user_data_dir() / "models"):
        if (folder / path.name / "card.json").is_file():
            return folder / path.name
    return path


def activate_model(
    store: Store,
    model: LoadedModel,
    operator: str | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
) -> bool | PendingChange:
    """Make ``model`` the store's active model, after embedding every stored reference with
    it (from the original images). If ``on_progress`` cancels, the previous model stays
    active and nothing is lost (the embeddings made so far are kept for next time).
    Returns True when the switch happened, False when cancelled, and the
    :class:`PendingChange` when it waits for a second supervisor (a shared store)."""
    reason = store.refusal("models")
    if reason:
        raise NotAllowedError(reason)
    service = VerificationService(store, model, operator)
    if model.card.input == "pen":  # pen embeddings are made at each verification: none to redo
        return store.set_settings_audited(
            {ACTIVE_PEN_MODEL_SETTING: str(model.path.resolve())},
            service.operator,
            "activate_model",
            {"model": model_id_of(model), "input": "pen", "path": str(model.path),
             "previous": store.get_setting(ACTIVE_PEN_MODEL_SETTING)},
        ) or True  # fmt: skip
    cancelled = False

    def progress(done: int, total: int) -> bool:
        nonlocal cancelled
        if on_progress is not None and on_progress(done, total) is False:
            cancelled = True
        return not cancelled

    done = service.embed_missing(progress)
    if cancelled:
        return False
    previous = store.get_setting(ACTIVE_MODEL_SETTING)
    path = str(model.path.resolve())
    used = [previous] if previous else []
    used += [p for p in models_used(store) if p not in used]
    used = [p for p in used if p != path]
    pending = store.set_settings_audited(
        {ACTIVE_MODEL_SETTING: path, MODELS_USED_SETTING: json.dumps([path, *used])},
        service.operator,
        "activate_model",
        {
            "model": service.model_id,
            "path": str(model.path),
            "previous": previous,
            "embedded": done,
        },
    )
    return pending or True
