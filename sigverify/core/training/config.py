"""Training settings, kept free of torch so the command line can show them quickly."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.core.imaging.preprocessing import PreprocessConfig

LOSSES = ("contrastive", "triplet")
#: What a model reads: scanned or photographed images, or pen recordings from a pad.
INPUTS = ("image", "pen")
MINING = ("batch_hard", "random")


@dataclass
class TrainConfig:
    #: "image" or "pen" (pen recordings: the tdnn encoder reading their trajectories).
    input: str = "image"
    encoder: str = "cnn"
    encoder_config: dict = field(default_factory=dict)
    loss: str = "contrastive"
    #: Triplet loss only: "batch_hard" (hardest positive/negative in a writer batch) or "random".
    mining: str = "batch_hard"
    #: None: 1.0 for contrastive, 0.2 for triplet (embeddings are unit vectors).
    margin: float | None = None
    distance: str = "euclidean"
    epochs: int = 20
    steps_per_epoch: int = 100
    batch_size: int = 48
    learning_rate: float = 2e-3
    weight_decay: float = 1e-4
    warmup_fraction: float = 0.05
    #: 0 = no augmentation, 1 = the full amounts. Strong shear and scaling erase the slant
    #: and proportion cues that tell a skilled forgery apart, hence a moderate default.
    augment: float = 0.5
    #: Weight of an auxiliary writer-classification loss (cosine softmax over the training
    #: writers, each writer's skilled forgeries a class of their own) added to the batch-hard
    #: triplet loss; 0 = off. Its class weights are dropped after training.
    classify: float = 0.0
    #: Weight of a reference-set loss (:class:`~sigverify.core.training.losses.ReferenceSetLoss`:
    #: a query's mean distance to a writer's other genuine signatures in the batch, as a person
    #: is verified against several references) added to the batch-hard triplet loss; 0 = off.
    reference_set: float = 0.0
    #: 0 = off, 1 = strokes displaced by up to 3 % of the image height by a smooth warp.
    elastic: float = 0.0
    #: 0 = off; else the decay per step of an exponential moving average of the weights,
    #: which is then what is validated and kept (e.g. 0.998: about the last 500 steps).
    ema: float = 0.0
    #: 0 = off; 1 = each training writer's images also mirrored left to right, as one more
    #: writer; 3 = also upside down and turned half round (four times the writers). Images,
    #: triplet loss with batch-hard mining only.
    turned_writers: int = 0
    skilled_fraction: float = 0.5
    #: With several data folders, draw each folder's writers equally often.
    balance_datasets: bool = True
    patience: int = 5
    validation_refs: int = 5
    #: Chooses the writer split and, unless ``init_seed`` is given, the starting weights and
    #: the batches.
    seed: int = 0
    #: Another start (weights, batches) on the same writer split: members of an ensemble.
    init_seed: int | None = None
    device: str = "auto"
    threads: int | None = None
    #: A model folder to start from (fine-tuning) instead of random weights.
    init_from: str | None = None
    preprocess: dict = field(default_factory=lambda: PreprocessConfig().to_dict())
    #: Pen input: samples each recording is resampled to.
    pen_length: int = 256

    def start_seed(self) -> int:
        return self.seed if self.init_seed is None else self.init_seed

    def margin_value(self) -> float:
        if self.margin is not None:
            return self.margin
        return 1.0 if self.loss == "contrastive" else 0.2

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> TrainConfig:
        return cls(**{k: v for k, v in values.items() if k in cls.__dataclass_fields__})


def check_config(config: TrainConfig) -> None:
    """Refuses settings training cannot use, in words a user reads."""
    if config.input not in INPUTS:
        raise SigverifyError(f"Unknown input “{config.input}”: choose {' or '.join(INPUTS)}.")
    if config.input == "pen" and config.encoder != "tdnn":
        raise SigverifyError(
            translate("errors", "Pen recordings are read by the tdnn encoder; choose it.")
        )
    if config.loss not in LOSSES:
        raise SigverifyError(f"Unknown loss “{config.loss}”: choose {' or '.join(LOSSES)}.")
    if config.mining not in MINING:
        raise SigverifyError(f"Unknown mining “{config.mining}”: choose {' or '.join(MINING)}.")
    # losses added to the batch-hard triplet loss, with a weight of 0 (off) or more
    added = [
        (
            config.classify,
            translate(
                "errors",
                "Writer classification is added to the triplet loss with batch-hard mining "
                "only, with a weight of 0 or more.",
            ),
        ),
        (
            config.reference_set,
            translate(
                "errors",
                "The reference-set loss is added to the triplet loss with batch-hard mining "
                "only, with a weight of 0 or more.",
            ),
        ),
    ]
    for weight, message in added:
        if weight < 0 or (weight > 0 and (config.loss, config.mining) != ("triplet", "batch_hard")):
            raise SigverifyError(message)
    if config.turned_writers not in (0, 1, 3) or (
        config.turned_writers
        and (config.input, config.loss, config.mining) != ("image", "triplet", "batch_hard")
    ):
        raise SigverifyError(
            translate(
                "errors",
                "Turned writers are 0, 1 or 3, and for images with the triplet loss and "
                "batch-hard mining only.",
            )
        )
    if not 0 <= config.ema < 1:
        raise SigverifyError(
            translate("errors", "The weight average's decay must be at least 0 and below 1.")
        )
    if config.epochs < 1 or config.steps_per_epoch < 1 or config.batch_size < 4:
        raise SigverifyError(
            translate(
                "errors", "Epochs and steps must be at least 1, and the batch at least 4 images."
            )
        )


# Seconds per training step of 48 images at 150 x 220 on a 2-core laptop CPU (measured:
# cnn 0.97 s, tdnn 0.58 s); other sizes scale with the pixel count, a GPU ~20x faster.
STEP_SECONDS = {"cnn": 0.97, "tdnn": 0.58}


def estimate_seconds(
    encoder: str, size: tuple[int, int], epochs: int, steps: int, gpu: bool, networks: int = 1
):
    """``networks``: fine-tuning an ensemble trains all its networks at every step."""
    per_step = STEP_SECONDS[encoder] * (size[0] * size[1]) / (150 * 220) * networks
    return epochs * steps * per_step * (1.15 if not gpu else 0.06)  # + validation
