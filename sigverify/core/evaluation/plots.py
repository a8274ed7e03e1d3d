"""Evaluation plots: distance histograms, ROC, DET, training curves.

Plots are matplotlib ``Figure`` objects (no pyplot): the GUI embeds them, the CLI saves them.
"""

from __future__ import annotations

from statistics import NormalDist
from typing import TYPE_CHECKING

import numpy as np

from sigverify.core.i18n import translate

if TYPE_CHECKING:
    from matplotlib.figure import Figure
from sigverify.core.evaluation.metrics import compute_auc, error_rates, roc_points
from sigverify.core.scoring import ScoreSet

#: The error rates a DET curve shows (its axes); a threshold's mark is kept inside them.
DET_RATES = (0.0005, 0.9)


def _figure(width: float, height: float) -> Figure:
    """An empty figure. matplotlib is imported here, not at module level: verification
    and model loading use this module without plotting, and the import costs ~0.7 s."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    # a Chinese y label (turned on its side) is wider than measured: 0.1 inch to spare at
    # the sides, not the default 3 points, or its first strokes are cut off
    figure.get_layout_engine().set(w_pad=0.1)
    return figure


def legend_beside(ax) -> None:
    """The legend to the right of the plot: inside it, it covered the bars (seen in a real
    window with a small model, whose distances leave no empty corner)."""
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1), borderaxespad=0)


def distance_histogram_figure(
    scores: ScoreSet, threshold: float | None = None, title: str = ""
) -> Figure:
    figure = _figure(6.4, 3.6)
    ax = figure.subplots()
    groups = [
        (scores.genuine, translate("plots", "genuine"), "#2e7d32"),
        (scores.skilled, translate("plots", "skilled forgeries"), "#c62828"),
        (scores.random, translate("plots", "other people's signatures"), "#f9a825"),
    ]
    values = np.concatenate([g for g, _, _ in groups if len(g)])
    bins = np.linspace(values.min(), values.max(), 40) if len(values) else 10
    for data, label, color in groups:
        if len(data):
            ax.hist(
                data,
                bins=bins,
                histtype="stepfilled",  # one shape, not 39 bars: made in 35 ms, not 155
                alpha=0.55,
                density=True,
                # the language's brackets ("真实签名 (784)" was seen in Chinese)
                label=translate("plots", "{label} ({count})").format(label=label, count=len(data)),
                color=color,
            )
    if threshold is not None:
        ax.axvline(
            threshold,
            color="black",
            linestyle="--",
            label=translate("plots", "threshold {value:.4f}").format(value=threshold),
        )
    ax.set_xlabel(translate("plots", "distance to the references (smaller = more alike)"))
    y_label(ax, translate("plots", "density"))
    ax.set_title(title or translate("plots", "Distances with %n reference(s)", None, scores.refs))
    legend_beside(ax)
    return figure


def y_label(ax, text: str) -> None:
    """The y axis's name: along the axis, or, in a language of upright characters
    (Chinese), level at the axis's top: turned, its characters lay on their sides (seen
    in the Chinese screenshots)."""
    if any("\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" for ch in text):
        ax.set_ylabel(text, rotation=0, ha="left", va="bottom")
        ax.yaxis.set_label_coords(0, 1.01)
    else:
        ax.set_ylabel(text)


def roc_figure(score_sets: list[ScoreSet], names: list[str] | None = None) -> Figure:
    """ROC curves; ``names`` label the curves (default: the reference counts)."""
    figure = _figure(4.8, 4.4)
    ax = figure.subplots()
    for index, scores in enumerate(score_sets):
        negatives, _, kind = scores.negatives()
        _, far, frr = roc_points(scores.genuine, negatives)
        auc = compute_auc(scores.genuine, negatives)
        name = names[index] if names else translate("plots", "%n ref(s)", None, scores.refs)
        ax.plot(far, 1 - frr, label=f"{name}, AUC {auc:.3f}")
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1)
    ax.set_xlabel(translate("plots", "false accept rate (forgeries accepted)"))
    # (short: "true accept rate (genuine accepted)" was cut at the wizard's plot height)
    y_label(ax, translate("plots", "genuine accepted (TAR)"))
    ax.set_title("ROC")
    ax.legend(fontsize=8, loc="lower right")
    return figure


def det_figure(score_sets: list[ScoreSet]) -> Figure:
    """FRR against FAR on normal-deviate axes (a DET curve)."""
    probit = np.vectorize(NormalDist().inv_cdf)
    ticks = np.array([0.001, 0.01, 0.05, 0.2, 0.5, 0.8])
    figure = _figure(4.8, 4.4)
    ax = figure.subplots()
    for scores in score_sets:
        negatives, _, _ = scores.negatives()
        _, far, frr = roc_points(scores.genuine, negatives)
        clip = (1e-4, 1 - 1e-4)
        ax.plot(
            probit(np.clip(far, *clip)),
            probit(np.clip(frr, *clip)),
            label=translate("plots", "%n ref(s)", None, scores.refs),
        )
    ax.set_xticks(probit(ticks), [f"{t:g}" for t in ticks * 100])
    ax.set_yticks(probit(ticks), [f"{t:g}" for t in ticks * 100])
    ax.set_xlim(*(probit(rate) for rate in DET_RATES))
    ax.set_ylim(*(probit(rate) for rate in DET_RATES))
    ax.set_xlabel(translate("plots", "false accept rate (%)"))
    y_label(ax, translate("plots", "false reject rate (%)"))
    ax.set_title("DET")
    ax.grid(True, linewidth=0.3)
    ax.legend(fontsize=8)
    return figure


class ThresholdMarks:
    """The accept and reject thresholds as two points on the first curve of a
    :func:`roc_figure` or :func:`det_figure` (``det``), moved with them (:meth:`move`): where
    on the curve the thresholds in use sit."""

    def __init__(self, figure: Figure, scores: ScoreSet, labels: tuple[str, str], det: bool):
        self.axis, self.det = figure.axes[0], det
        self.genuine, self.negatives = scores.genuine, scores.negatives()[0]
        self.points = [
            # drawn whole at the plot's edge, where an extreme threshold sits (it was cut in
            # half there: seen in a real window)
            self.axis.plot(
                [], [], "o", color=color, markersize=7, zorder=5, label=label, clip_on=False
            )[0]
            for color, label in zip(("#2e7d32", "#c62828"), labels, strict=True)
        ]
        # beside the plot, as the histogram's: inside, it lay over the curve next to the
        # reject point (a real-window pass, on the DET and on the Chinese ROC)
        legend_beside(self.axis)

    def position(self, threshold: float) -> tuple[float, float]:
        """The point of ``threshold``: (FAR, genuine accepted) on a ROC, the normal
        deviates of (FAR, FRR) on a DET, at its edge when off it."""
        far, frr = error_rates(self.genuine, self.negatives, threshold)
        if not self.det:
            return far, 1 - frr
        # kept inside the DET's axes (0.05 to 90 %): at a rate of 0 the point sat off the
        # plot, and the legend named a point nobody could see (seen in a real window)
        low, high = DET_RATES
        probit = NormalDist().inv_cdf
        return probit(min(max(far, low), high)), probit(min(max(frr, low), high))

    def move(self, accept: float, reject: float) -> None:
        for point, threshold in zip(self.points, (accept, reject), strict=True):
            x, y = self.position(threshold)
            point.set_data([x], [y])


def training_figure(history: list[dict], whitened: tuple[int, float] | None = None) -> Figure:
    """Training loss and validation EER per epoch (the ``history`` of a training run);
    ``whitened``: ``(epoch, EER)`` of the best epoch measured again with whitened embeddings,
    a point of its own (the run's last line gave an EER the curve never showed: seen)."""
    figure = _figure(6.4, 3.0)
    loss_axis, eer_axis = figure.subplots(1, 2)
    epochs = [h["epoch"] for h in history]
    loss_axis.plot(epochs, [h["loss"] for h in history], marker="o", color="#1565c0")
    loss_axis.set_title(translate("plots", "training loss"))
    loss_axis.set_xlabel(translate("plots", "epoch"))
    eer_axis.plot(
        epochs,
        [100 * h["validation_eer"] for h in history],
        marker="o",
        color="#c62828",
        label=translate("plots", "each epoch, as trained"),
    )
    if whitened is not None:  # (the star alone was named, the red points read as stray: seen)
        eer_axis.plot(
            [whitened[0]],
            [100 * whitened[1]],
            linestyle="none",
            marker="*",
            markersize=11,
            color="#2e7d32",
            label=translate("plots", "whitened (kept)"),
        )
        eer_axis.legend(fontsize="small", loc="best")
    eer_axis.set_title(translate("plots", "validation EER (%)"))
    eer_axis.set_xlabel(translate("plots", "epoch"))
    # from 0 up (an EER of 0 on every epoch drew an axis from -0.04 to 0.04: seen), with
    # room above the highest point (one epoch's point sat half cut on the top edge: seen)
    shown = [100 * h["validation_eer"] for h in history] + ([100 * whitened[1]] if whitened else [])
    eer_axis.set_ylim(bottom=0, top=max(1.0, 1.15 * max(shown, default=0.0)))
    from matplotlib.ticker import MaxNLocator

    for axis in (loss_axis, eer_axis):
        axis.grid(True, linewidth=0.3)
        axis.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))  # not 0.6
        if epochs:
            axis.set_xlim(0.5, max(epochs) + 0.5)
    return figure
