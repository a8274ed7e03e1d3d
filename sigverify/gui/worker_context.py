"""What the worker thread holds (:class:`WorkerContext`: its own store connection, the
loaded model's verification service, the pen model) and what the GUI thread is told of
the model loaded (:class:`ModelInfo`); see :mod:`sigverify.gui.workers`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sigverify.core.model.card import ModelCard

if TYPE_CHECKING:  # onnxruntime is imported in the worker thread, when the model loads
    from sigverify.core.model.onnx import OnnxModel


@dataclass(frozen=True)
class ModelInfo:
    """What the GUI thread knows about the loaded model."""

    path: Path
    card: ModelCard
    model_id: str
    device: str  # for people: "CPU" or the GPU's name


class WorkerContext:
    """What jobs get: the worker thread's store and the loaded model's service."""

    def __init__(self, store_path: Path | None, threads: int):
        self.store_path = store_path
        self.threads = threads
        self._store = None
        self.service = None  # VerificationService once a model is loaded

    @property
    def store(self):
        if self._store is None:
            from sigverify.core.store import Store

            self._store = Store(self.store_path)
        return self._store

    def require_service(self):
        from sigverify.core.errors import SigverifyError

        if self.service is None:
            raise SigverifyError("The model is still loading or could not be loaded; see Models.")
        return self.service

    def load_model(self, path: Path | None) -> tuple[OnnxModel, ModelInfo]:
        """The model for verification, through ONNX Runtime: torch is not imported here
        (training imports it, in its own job)."""
        from sigverify.core.active_model import active_model_dir
        from sigverify.core.model.inference import load_for_inference
        from sigverify.core.verification import model_id_of

        model = load_for_inference(active_model_dir(self.store, path), threads=self.threads)
        name = "GPU (CUDA)" if str(model.device).startswith("cuda") else "CPU"
        info = ModelInfo(model.path.resolve(), model.card, model_id_of(model), name)
        return model, info

    def use_model(self, model: OnnxModel) -> None:
        """Verify with ``model`` from now on, and with the active pen model for queries
        drawn on a pad (a pen model that cannot be loaded is logged and left out: pad
        queries are then judged on their picture alone, and their reason says so)."""
        from sigverify.core.verification import VerificationService

        self.service = VerificationService(self.store, model, pen=self.pen_scorer())

    def use_pen_model(self) -> None:
        """Judge pad queries with the store's active pen model from now on."""
        if self.service is not None:
            self.service.pen = self.pen_scorer()

    def pen_scorer(self):
        from sigverify.core.active_model import load_pen_scorer
        from sigverify.core.errors import SigverifyError

        try:
            return load_pen_scorer(self.store, self.threads)
        except SigverifyError:
            logging.getLogger(__name__).exception("the pen model could not be loaded")
            return None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
