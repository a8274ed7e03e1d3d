"""The training engine: Siamese training of an encoder on a
:class:`~sigverify.core.data.bank.SignatureBank` of images, or of the pen encoder on a
:class:`~sigverify.core.data.pen_bank.PenBank` of pad recordings (``config.input``).

One epoch = ``steps_per_epoch`` steps of ``batch_size`` images (pairs for the
contrastive loss, triplets or writer batches for the triplet loss), with augmentation,
AdamW and a warm-up + cosine learning-rate schedule. After each epoch the model is
evaluated on the validation writers (EER with ``validation_refs`` references); the best
epoch is written to ``out_dir`` as a model folder whose card carries the EER threshold
chosen on those validation writers (with ``config.ema``, the running average of the
weights is what is validated and kept). Training stops early after ``patience`` epochs
without improvement. A checkpoint after each epoch allows ``resume``. At the end, the best
model is measured once more with its embeddings whitened by the training writers'
within-writer covariance (:mod:`sigverify.core.training.whitening`), and saved so when that lowers
the validation EER.

Progress goes to ``on_progress(TrainingProgress)``; returning ``False`` cancels (the
best model so far stays in ``out_dir``). Nothing here prints.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from sigverify.core.data.bank import WriterBank
from sigverify.core.data.pen_bank import SEQUENCE_FEATURES, PenBank
from sigverify.core.encoders import Encoder, create_encoder
from sigverify.core.encoders.embedding import images_to_tensor
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import ModelCard, write_scores
from sigverify.core.model.io import load_model, save_model
from sigverify.core.training import validation
from sigverify.core.training.augment import SignatureAugmenter, turned_over
from sigverify.core.training.averaging import WeightAverage
from sigverify.core.training.checkpoint import TrainingState, load_checkpoint, save_checkpoint
from sigverify.core.training.config import TrainConfig, check_config
from sigverify.core.training.devices import resolve_device
from sigverify.core.training.distances import get_distance
from sigverify.core.training.losses import (
    BatchHardTripletLoss,
    ContrastiveLoss,
    CosineSoftmaxLoss,
    ReferenceSetLoss,
    TripletLoss,
)
from sigverify.core.training.sampling import WriterSampler


@dataclass
class TrainingProgress:
    """Where a training run stands. Before the first epoch (phase "reading", from
    :func:`~sigverify.core.training.run.run_training`), ``step`` of ``steps`` are the
    images of ``part`` read so far."""

    phase: str  # "reading", "train", "validate", "whiten" (the last step), "done", "test"
    epoch: int  # 1-based; 0 before the first epoch
    epochs: int
    step: int  # steps done in this epoch
    steps: int
    loss: float | None = None
    validation_eer: float | None = None
    best_eer: float | None = None
    best_epoch: int | None = None
    elapsed_s: float = 0.0
    eta_s: float | None = None
    message: str = ""  # with phase "done": how training ended ("finished", ...)
    part: str = ""  # with phase "reading": "train", "validation" or "test"
    # (phase "test", after "done": the model kept measured on the test writers, ``step`` of
    # ``steps`` images embedded)

    @property
    def fraction(self) -> float:
        done = (max(self.epoch, 1) - 1) * self.steps + self.step
        return min(1.0, done / max(1, self.epochs * self.steps))


@dataclass
class TrainingResult:
    model_dir: Path | None
    best_epoch: int
    best_validation_eer: float
    threshold: float | None
    epochs_run: int
    history: list[dict]
    stopped: str  # "completed", "early_stopping" or "cancelled"
    whitened: bool = False  # the saved model whitens its embeddings (it measured better)


def learning_rate_at(step: int, total: int, base: float, warmup_fraction: float) -> float:
    """Linear warm-up, then cosine decay to 0 (a pure function of the step, so a resumed
    run continues exactly)."""
    warmup = max(1, int(total * warmup_fraction))
    if step < warmup:
        return base * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return base * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


def build_encoder(config: TrainConfig) -> Encoder:
    preprocess = PreprocessConfig.from_dict(config.preprocess)
    encoder_config = dict(config.encoder_config)
    if config.input == "pen":
        encoder_config.update(input_kind="trajectory", trajectory_channels=len(SEQUENCE_FEATURES))
    elif config.encoder == "tdnn":
        encoder_config.setdefault("image_height", preprocess.height)
    if config.init_from:
        loaded = load_model(config.init_from)
        if config.input == "pen":
            same_input = loaded.card.preprocess == card_preprocess(config)
        else:
            same_input = (loaded.preprocess.height, loaded.preprocess.width) == (
                preprocess.height,
                preprocess.width,
            )
        if loaded.card.encoder_family != config.encoder or not same_input:
            raise SigverifyError(
                translate(
                    "errors",
                    "The model to start from uses a different encoder or image size; "
                    "train from scratch or choose matching settings.",
                )
            )
        loaded.encoder.set_whitening(None)  # training starts from the network itself
        return loaded.encoder
    return create_encoder(config.encoder, **encoder_config)


def card_preprocess(config: TrainConfig) -> dict:
    """What the card records about a model's input: the image preprocessing, or for a pen
    model the sequence length and the features of each sample."""
    if config.input == "pen":
        return {"pen_length": config.pen_length, "features": list(SEQUENCE_FEATURES)}
    return dict(config.preprocess)


class _Step:
    """One optimisation step's loss for the configured loss and mining."""

    def __init__(
        self, config: TrainConfig, sampler: WriterSampler, augmenter, device, embedding_dim: int
    ):
        self.config, self.sampler, self.augmenter, self.device = config, sampler, augmenter, device
        distance = get_distance(config.distance)
        margin = config.margin_value()
        if config.loss == "contrastive":
            self.loss = ContrastiveLoss(margin, distance)
        elif config.mining == "batch_hard":
            self.loss = BatchHardTripletLoss(margin, distance)
        else:
            self.loss = TripletLoss(margin, distance)
        self.reference_set = ReferenceSetLoss(margin, distance)
        self.writers = sampler.class_count
        # Each training writer (turned writers too) is a class, and their skilled forgeries
        # another one.
        self.classifier = (
            CosineSoftmaxLoss(embedding_dim, 2 * self.writers).to(device)
            if config.classify > 0
            else None
        )

    def parameters(self) -> list[torch.nn.Parameter]:
        """The loss's own trainable weights (the classifier's), to optimise with the encoder."""
        return [] if self.classifier is None else list(self.classifier.parameters())

    def writer_classes(self, labels: np.ndarray) -> torch.Tensor:
        """Batch labels (writer ``w``, or ``-1 - w`` for w's forgeries) -> class indices."""
        classes = np.where(labels >= 0, labels, self.writers + (-1 - labels))
        return torch.from_numpy(classes.astype(np.int64)).to(self.device)

    def _embed(
        self, encoder: Encoder, indices: np.ndarray, rng, turn: np.ndarray | None = None
    ) -> torch.Tensor:
        bank = self.sampler.bank
        if isinstance(bank, PenBank):  # varied recording by recording, before the features
            batch = torch.from_numpy(bank.batch(indices, rng, self.config.augment))
        else:
            images = images_to_tensor(bank.images[indices]).to(self.device)
            if turn is not None and turn.any():
                images = turned_over(images, torch.from_numpy(turn).to(self.device))
            # augmented where the encoder runs: on a GPU the per-image warps are its work
            batch = self.augmenter(images)
        return encoder(batch.to(self.device))

    def __call__(self, encoder: Encoder, rng: np.random.Generator) -> torch.Tensor:
        size = self.config.batch_size
        if self.config.loss == "contrastive":
            pairs = self.sampler.pairs(max(2, size // 2), rng)
            out = self._embed(encoder, np.concatenate([pairs.first, pairs.second]), rng)
            a, b = out.chunk(2)
            return self.loss(a, b, torch.from_numpy(pairs.same).to(self.device))
        if self.config.mining == "batch_hard":
            batch = self.sampler.writer_batch(size, rng)
            out = self._embed(encoder, batch.indices, rng, batch.turn)
            labels = torch.from_numpy(batch.labels).to(self.device)
            anchor = torch.from_numpy(batch.anchor).to(self.device)
            loss = self.loss(out, labels, anchor)
            if self.config.reference_set > 0:
                loss = loss + self.config.reference_set * self.reference_set(out, labels, anchor)
            if self.classifier is not None:
                classes = self.writer_classes(batch.labels)
                loss = loss + self.config.classify * self.classifier(out, classes)
            return loss
        triplets = self.sampler.triplets(max(2, size // 3), rng)
        out = self._embed(
            encoder, np.concatenate([triplets.anchor, triplets.positive, triplets.negative]), rng
        )
        return self.loss(*out.chunk(3))


# ------------------------------------------------------------------ the loop


def _optimise(encoder: Encoder, optimizer, step_loss: _Step, rng, lr: float) -> float:
    """One optimisation step at learning rate ``lr``; its loss."""
    for group in optimizer.param_groups:
        group["lr"] = lr
    loss = step_loss(encoder, rng)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return float(loss.detach())


def train_model(
    train_bank: WriterBank,
    validation_bank: WriterBank,
    config: TrainConfig,
    out_dir: str | Path,
    card: ModelCard | None = None,
    on_progress: Callable[[TrainingProgress], bool | None] | None = None,
    resume: bool = False,
) -> TrainingResult:
    """Train, validate each epoch, keep the best model in ``out_dir``. ``card``: name,
    description and training-data summary to record (encoder fields, threshold and
    validation metrics are filled in here)."""
    check_config(config)
    out_dir = Path(out_dir)
    checkpoint_dir = out_dir / "checkpoint"
    if config.threads:
        torch.set_num_threads(config.threads)
    device = resolve_device(config.device)
    torch.manual_seed(config.start_seed())
    rng = np.random.default_rng(config.start_seed())

    sampler = WriterSampler(
        train_bank, config.skilled_fraction, config.balance_datasets, config.turned_writers
    )
    validation_refs = validation.validation_refs(validation_bank, config.validation_refs)

    encoder = build_encoder(config).to(device)
    augmenter = SignatureAugmenter(config.augment, config.elastic)
    step_loss = _Step(config, sampler, augmenter, device, encoder.embedding_dim)
    optimizer = torch.optim.AdamW(
        [*encoder.parameters(), *step_loss.parameters()],
        lr=config.learning_rate,
        weight_decay=config.weight_decay,
    )

    average = WeightAverage(encoder, config.ema) if config.ema > 0 else None
    # what is validated and kept: the running average of the weights, or the weights
    judged = encoder if average is None else average.model

    loaded = (
        load_checkpoint(
            checkpoint_dir, config, encoder, optimizer, rng, step_loss.classifier, average
        )
        if resume
        else None
    )
    state = loaded or TrainingState()

    card = card or ModelCard(
        name=out_dir.name, encoder=config.encoder, encoder_config={}, preprocess={}
    )
    card.preprocess = card_preprocess(config)
    card.input = config.input
    card.distance = config.distance
    total_steps = config.epochs * config.steps_per_epoch
    started = time.perf_counter()
    waited = 0.0  # inside on_progress (a pause, the desk's jobs run meanwhile): not training
    steps_done_here = 0
    stopped = "completed"

    def report(**values) -> bool:
        nonlocal waited
        if on_progress is None:
            return True
        elapsed = time.perf_counter() - started - waited
        done = (values["epoch"] - 1) * config.steps_per_epoch + values["step"]
        remaining = total_steps - done
        eta = elapsed / steps_done_here * remaining if steps_done_here else None
        progress = TrainingProgress(
            epochs=config.epochs,
            steps=config.steps_per_epoch,
            best_eer=None if math.isinf(state.best_eer) else state.best_eer,
            best_epoch=state.best_epoch or None,
            elapsed_s=elapsed,
            eta_s=eta,
            **values,
        )
        before = time.perf_counter()
        going_on = on_progress(progress) is not False
        waited += time.perf_counter() - before  # (a time left grown by a pause: seen)
        return going_on

    epoch = state.epoch
    for epoch in range(state.epoch + 1, config.epochs + 1):
        encoder.train()
        losses = []
        epoch_started, waited_before = time.perf_counter(), waited
        for step in range(1, config.steps_per_epoch + 1):
            global_step = (epoch - 1) * config.steps_per_epoch + step - 1
            lr = learning_rate_at(
                global_step, total_steps, config.learning_rate, config.warmup_fraction
            )
            losses.append(_optimise(encoder, optimizer, step_loss, rng, lr))
            if average is not None:
                average.update(encoder)
            steps_done_here += 1
            if not report(phase="train", epoch=epoch, step=step, loss=float(np.mean(losses[-20:]))):
                stopped = "cancelled"
                break
        if stopped == "cancelled":
            break

        report(
            phase="validate",
            epoch=epoch,
            step=config.steps_per_epoch,
            loss=float(np.mean(losses)),
        )
        measured = validation.measure(  # (reported at each batch: a pause, the desk's jobs)
            judged,
            validation_bank,
            validation_refs,
            config.distance,
            device,
            on_batch=lambda at=epoch: report(
                phase="validate", epoch=at, step=config.steps_per_epoch, loss=None
            ),
        )
        metrics = measured.metrics
        record = {
            "epoch": epoch,
            "loss": float(np.mean(losses)),
            "validation_eer": metrics.eer,
            "validation_auc": metrics.auc,
            "lr": lr,
            "seconds": time.perf_counter() - epoch_started - (waited - waited_before),
        }
        state.history.append(record)
        state.epoch = epoch
        if metrics.eer < state.best_eer - 1e-9:
            state.best_eer, state.best_epoch, state.since_best = metrics.eer, epoch, 0
            state.best_threshold = metrics.eer_threshold
            validation.record_on_card(card, measured, len(validation_bank.writer_ids))
            card.training = {
                **card.training,
                "config": config.to_dict(),
                "best_epoch": epoch,
                "history": state.history,
            }
            save_model(judged, card, out_dir)
            write_scores(measured.scores, out_dir)
        else:
            state.since_best += 1
        save_checkpoint(
            checkpoint_dir, encoder, optimizer, config, state, rng, step_loss.classifier, average
        )
        if not report(
            phase="validate",
            epoch=epoch,
            step=config.steps_per_epoch,
            loss=record["loss"],
            validation_eer=metrics.eer,
        ):
            stopped = "cancelled"
            break
        if state.since_best >= config.patience and epoch < config.epochs:
            stopped = "early_stopping"
            break

    whitened = None
    if state.best_epoch > 0:
        report(
            phase="whiten",
            epoch=max(epoch, 1),
            step=config.steps_per_epoch,
        )
        whitened = validation.whiten_if_better(
            out_dir,
            train_bank,
            validation_bank,
            validation_refs,
            config.distance,
            device,
            on_batch=lambda: report(
                phase="whiten", epoch=max(epoch, 1), step=config.steps_per_epoch
            ),
        )
        if whitened is not None:
            state.best_eer = whitened.metrics.eer
            state.best_threshold = whitened.metrics.eer_threshold
    report(
        phase="done",
        epoch=max(epoch, 1),
        step=config.steps_per_epoch,
        message={
            "completed": "finished",
            "early_stopping": "stopped early: no more progress",
            "cancelled": "cancelled",
        }[stopped],
    )
    has_model = state.best_epoch > 0
    return TrainingResult(
        model_dir=out_dir if has_model else None,
        best_epoch=state.best_epoch,
        best_validation_eer=state.best_eer if has_model else float("nan"),
        threshold=state.best_threshold,
        epochs_run=len(state.history),
        history=state.history,
        stopped=stopped,
        whitened=whitened is not None,
    )
