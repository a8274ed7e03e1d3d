"""What the wizard's pages hand on to the next ones, instead of reading each other's
widgets: the data folder, the settings and writer split, the training started and its
result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sigverify.core.data.splits import DEFAULT_TEST, DEFAULT_VALIDATION

if TYPE_CHECKING:  # training's module brings torch; the wizard imports it when it trains
    from sigverify.core.data.datasets import Dataset
    from sigverify.core.training.config import TrainConfig
    from sigverify.core.training.run import TrainingPlan, TrainingRun


@dataclass
class WizardPlan:
    #: The data folder read on the data page.
    dataset: Dataset | None = None
    #: The options page's settings and writer split (fractions of the writers), set when
    #: the user goes on to training.
    config: TrainConfig | None = None
    validation: float = DEFAULT_VALIDATION
    test: float = DEFAULT_TEST
    #: What the training page started, and what it produced (None until it finished).
    training: TrainingPlan | None = None
    run: TrainingRun | None = None
