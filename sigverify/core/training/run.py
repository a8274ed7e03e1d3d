"""One training run from data folders to a measured model folder: split the writers, read
the images (or pen recordings), train, and measure on the test writers. Shared by
``sigverify train`` and the app's training wizard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sigverify.core.data.bank import WriterBank, read_bank
from sigverify.core.data.datasets import Dataset
from sigverify.core.data.splits import DEFAULT_TEST, DEFAULT_VALIDATION, WriterSplit, split_datasets
from sigverify.core.errors import SigverifyError
from sigverify.core.evaluation.measure import evaluate_model, test_figures
from sigverify.core.evaluation.protocol import DEFAULT_REFS, EvaluationReport
from sigverify.core.i18n import translate
from sigverify.core.model.card import ModelCard, write_card
from sigverify.core.model.io import load_model
from sigverify.core.training.config import TrainConfig
from sigverify.core.training.engine import (
    TrainingProgress,
    TrainingResult,
    card_preprocess,
    train_model,
)

PARTS = ("train", "validation", "test")


@dataclass
class TrainingPlan:
    datasets: list[Dataset]
    config: TrainConfig
    out_dir: Path
    name: str
    description: str = ""
    validation: float = DEFAULT_VALIDATION
    test: float = DEFAULT_TEST
    command: str | None = None  # how to repeat it, recorded in the card
    resume: bool = False


@dataclass
class TrainingRun:
    result: TrainingResult
    split: WriterSplit
    test_bank: WriterBank
    test_report: EvaluationReport | None
    skipped: list = field(default_factory=list)  # DatasetProblem of unusable images


def split_plan(plan: TrainingPlan) -> tuple[WriterSplit, list[dict]]:
    split, summary = split_datasets(plan.datasets, plan.validation, plan.test, plan.config.seed)
    if not split.train or not split.validation:
        raise SigverifyError(
            translate(
                "errors",
                "Too few writers to train: at least one each for training and validation is "
                "needed (more than 20 in all for a useful model).",
            )
        )
    return split, summary


def run_training(
    plan: TrainingPlan,
    reading_progress: Callable[[str], Callable[[int, int], bool | None] | None] | None = None,
    on_progress: Callable[[TrainingProgress], bool | None] | None = None,
    on_skipped: Callable[[list], None] | None = None,
) -> TrainingRun:
    """``reading_progress(part)`` gives the progress callback for reading that part's
    images; ``on_skipped(problems)``, once all are read, the files that cannot be used
    (before training, not an hour later); ``on_progress`` follows training (returning
    False stops it, keeping the best model so far)."""
    split, summary = split_plan(plan)
    banks = {
        part: read_bank(
            getattr(split, part),
            plan.config.input,
            card_preprocess(plan.config),
            reading_progress(part) if reading_progress else None,
        )
        for part in PARTS
    }
    skipped = [p for bank in banks.values() for p in bank.problems]
    if on_skipped is not None and skipped:
        on_skipped(skipped)
    card = ModelCard(
        name=plan.name,
        encoder=plan.config.encoder,
        encoder_config={},
        preprocess={},
        description=plan.description,
        training={
            "datasets": summary,
            "split_seed": plan.config.seed,
            "images": {part: len(bank) for part, bank in banks.items()},
            **({"command": plan.command} if plan.command else {}),
        },
    )
    result = train_model(
        banks["train"],
        banks["validation"],
        plan.config,
        plan.out_dir,
        card,
        on_progress=on_progress,
        resume=plan.resume,
    )
    report = None
    if result.model_dir is not None and len(banks["test"]):
        device = plan.config.device if plan.config.device != "auto" else "cpu"
        model = load_model(result.model_dir, device)
        epochs = plan.config.epochs

        def testing(done: int, total: int) -> None:  # (never a cancel: the model is kept)
            if on_progress is not None:
                on_progress(TrainingProgress("test", epochs, epochs, done, total))

        report = evaluate_model(
            model, banks["test"], DEFAULT_REFS, bootstrap=0, on_progress=testing
        )
        model.card.metrics["test"] = test_figures(report, len(split.test))
        write_card(model.card, result.model_dir)
    if result.model_dir is not None:
        from sigverify.core.model.export import export_onnx  # what desks verify with

        export_onnx(result.model_dir)
    return TrainingRun(result, split, banks["test"], report, skipped)
