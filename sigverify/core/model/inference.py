"""The one way enrolment, verification, re-embedding and evaluation get a model: through
ONNX Runtime (no torch), exporting the ONNX file first for a model that has none yet."""

from __future__ import annotations

import logging
from pathlib import Path

from sigverify.core.errors import ModelFileError
from sigverify.core.i18n import translate
from sigverify.core.model.card import read_card
from sigverify.core.model.onnx import OnnxModel, has_onnx, load_onnx_model

log = logging.getLogger("sigverify")


def load_for_inference(folder: str | Path, threads: int | None = None, gpu: bool = True):
    """The model in ``folder`` ready to embed: an :class:`OnnxModel`. A model trained
    before ONNX files existed is exported on first use (needs torch); where its folder
    cannot be written (a read-only install) the torch model is used instead."""
    folder = Path(folder)
    card = read_card(folder)  # a clear message for a folder that is not a model
    if not has_onnx(folder, card):
        try:
            from sigverify.core.model.export import export_onnx
        except ImportError as error:  # a desk build: no torch to export with
            raise ModelFileError(
                translate(
                    "errors",
                    "The model “{name}” has no ONNX file, and this installation cannot make one "
                    "(it has no training tools). Export it where sigverify can train: "
                    "“sigverify models export-onnx MODEL_DIR”.",
                ).format(name=folder.name)
            ) from error
        try:
            export_onnx(folder)
        except OSError as error:
            log.warning("cannot write an ONNX file into %s (%s); using torch", folder, error)
            from sigverify.core.model.io import load_model

            return load_model(folder, "cpu")
    return load_onnx_model(folder, threads=threads, gpu=gpu)


__all__ = ["OnnxModel", "load_for_inference"]
