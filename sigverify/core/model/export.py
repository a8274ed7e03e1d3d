"""Export a model folder's encoder to ``model.onnx`` for :mod:`sigverify.core.model.onnx`
(needs torch, onnx and onnxscript: training machines, not desks).

The exported graph is the inference encoder (batch norms folded, whitening included) with a
free batch size. ``torch.onnx.export(..., dynamo=True)``: the older TorchScript exporter
cannot export the CNN's adaptive pooling to a 2 x 4 grid. The export is checked against
torch on a few images before the card names it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import torch

from sigverify.core.errors import ModelFileError
from sigverify.core.files import readable_by_all
from sigverify.core.i18n import translate
from sigverify.core.model.card import file_sha256, write_card
from sigverify.core.model.io import load_model
from sigverify.core.model.onnx import ONNX_FILE, example_inputs, onnx_input

#: Largest difference allowed between the ONNX and the torch embedding of one image
#: (unit-length vectors; measured on the default model: 2.5e-7).
TOLERANCE = 1e-4


def export_onnx(folder: str | Path) -> Path:
    """Write ``folder/model.onnx`` and record its SHA-256 in the card; returns its path."""
    folder = Path(folder)
    model = load_model(folder, "cpu")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".model.", suffix=".onnx")
    os.close(handle)
    try:
        example = torch.from_numpy(onnx_input(model.card, example_inputs(model.card, 2)))
        export_module(model.inference_encoder, example, temp)
        readable_by_all(temp)
        _check_against_torch(model, Path(temp))
        os.replace(temp, folder / ONNX_FILE)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    model.card.onnx_sha256 = file_sha256(folder / ONNX_FILE)
    write_card(model.card, folder)
    return folder / ONNX_FILE


def export_module(module: torch.nn.Module, example: torch.Tensor, path: str | Path) -> None:
    """Write ``module`` (inputs shaped as ``example``, e.g. images ``(N, 1, H, W)`` in
    [0, 1] -> embeddings) as ONNX with a free batch size, in one file (a sigverify encoder
    is a few MB, far below 2 GB)."""
    module = module.eval().to(memory_format=torch.contiguous_format)
    batch = torch.export.Dim("batch", min=1, max=4096)
    program = torch.onnx.export(
        module,
        (example,),
        dynamo=True,
        dynamic_shapes=({0: batch},),
        input_names=["images"],
        output_names=["embeddings"],
        optimize=True,
        verbose=False,
    )
    program.save(str(path))


def _check_against_torch(model, path: Path) -> None:
    import onnxruntime

    inputs = example_inputs(model.card, 3)
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    ours = session.run(None, {session.get_inputs()[0].name: onnx_input(model.card, inputs)})[0]
    difference = float(np.abs(ours - model.embed(inputs)).max())
    if not difference <= TOLERANCE:
        raise ModelFileError(
            translate(
                "errors",
                "The ONNX export of model “{name}” does not give the same embeddings as torch "
                "(difference {difference:.2g}); it was not kept.",
            ).format(name=model.path.name, difference=difference)
        )
