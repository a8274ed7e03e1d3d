"""Metrics against values worked out by hand, and the protocol on a hand-made bank."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure

from sigverify.core.data.bank import SignatureBank
from sigverify.core.evaluation.metrics import (
    compute_auc,
    compute_eer,
    compute_metrics,
    error_rates,
    far_at_frr,
    frr_at_far,
)
from sigverify.core.evaluation.plots import (
    ThresholdMarks,
    det_figure,
    distance_histogram_figure,
    roc_figure,
)
from sigverify.core.evaluation.protocol import (
    available_refs,
    evaluate_embeddings,
    refs_to_use,
    score_writers,
)
from sigverify.core.scoring import (
    ScoreSet,
    aggregate_distances,
    nearest_count,
    pairwise_distances,
    score_queries,
    spread_factor,
    typical_spread,
)


def test_error_rates_by_hand():
    genuine = np.array([0.1, 0.2, 0.3, 0.6])
    forged = np.array([0.25, 0.5, 0.7, 0.9])
    far, frr = error_rates(genuine, forged, 0.3)
    assert far == 0.25  # 0.25 accepted
    assert frr == 0.25  # 0.6 rejected


def test_eer_by_hand():
    # At t in [0.3, 0.5): FAR = 1/4, FRR = 1/4 -> EER 0.25, threshold midway between 0.3 and 0.5.
    genuine = np.array([0.1, 0.2, 0.3, 0.6])
    forged = np.array([0.25, 0.5, 0.7, 0.9])
    eer, threshold = compute_eer(genuine, forged)
    assert eer == pytest.approx(0.25)
    assert 0.3 <= threshold < 0.5


def test_eer_perfect_and_inverted():
    eer, threshold = compute_eer(np.array([0.1, 0.2]), np.array([0.8, 0.9]))
    assert eer == 0.0 and 0.2 <= threshold < 0.8
    eer, _ = compute_eer(np.array([0.8, 0.9]), np.array([0.1, 0.2]))
    assert eer == 1.0


def test_eer_interpolates_between_steps():
    # genuine 0.1, 0.2; forged 0.15, 0.3, 0.4: at t=0.1 FAR 0 FRR .5; at t=0.15 FAR 1/3 FRR .5;
    # at t=0.2 FAR 1/3 FRR 0 -> the curves cross between 0.15 and 0.2: FAR-FRR goes -1/6 -> 1/3,
    # w = 1/3; EER = ((2/3)(1/3) + (1/3)(1/3) + (2/3)(1/2) + (1/3)(0)) / 2 = (1/3 + 1/3) / 2 = 1/3
    eer, threshold = compute_eer(np.array([0.1, 0.2]), np.array([0.15, 0.3, 0.4]))
    assert eer == pytest.approx(1 / 3)
    assert threshold == pytest.approx(0.175)


def test_auc_by_hand():
    # pairs (g, f): 0.1 < all 3; 0.4 < 0.5, 0.6, tie with 0.4 -> 2.5; total 5.5 / 6
    assert compute_auc(np.array([0.1, 0.4]), np.array([0.4, 0.5, 0.6])) == pytest.approx(5.5 / 6)
    assert compute_auc(np.array([0.9]), np.array([0.1])) == 0.0


def test_far_at_frr():
    genuine = np.linspace(0.01, 1.0, 100)  # FRR <= 1 % needs t >= 0.99
    forged = np.array([0.5, 0.995, 2.0])
    assert far_at_frr(genuine, forged, 0.01) == pytest.approx(1 / 3)
    assert far_at_frr(genuine, forged, 0.05) == pytest.approx(1 / 3)  # t = 0.95 still takes 0.5
    assert far_at_frr(genuine, forged, 0.6) == 0.0  # t = 0.4


def test_frr_at_far():
    forged = np.linspace(0.01, 1.0, 100)  # FAR <= 5 % needs t < 0.06
    genuine = np.array([0.02, 0.065, 0.5, 0.9])
    assert frr_at_far(genuine, forged, 0.05) == pytest.approx(0.75)  # t = 0.05: 0.02 accepted
    assert frr_at_far(genuine, forged, 0.06) == pytest.approx(0.5)  # t = 0.065: 0.065 too
    assert frr_at_far(genuine, forged, 0.0) == 1.0  # t below every forgery: all refused
    assert frr_at_far(genuine, forged, 1.0) == 0.0


def test_aggregate_uses_the_nearest_half():
    assert [nearest_count(n) for n in (1, 2, 3, 5, 10)] == [1, 1, 2, 3, 5]
    d = np.array([[0.1, 0.9, 0.2, 0.5, 0.3]])  # 3 nearest of 5: 0.1, 0.2, 0.3
    assert aggregate_distances(d)[0] == pytest.approx(0.2)
    assert aggregate_distances(np.array([[0.7]]))[0] == pytest.approx(0.7)


def test_spread_factor_worked_examples():
    # 3 references on a line at 0, 1, 3: pair distances 1, 3, 2 -> sum 6 over 3 pairs.
    refs = np.array([[0.0], [1.0], [3.0]])
    among = pairwise_distances(refs, refs, "euclidean")
    # Typical 1: spread (6 + 3 * 1) / (3 + 3) = 1.5 -> factor 1 / 1.5.
    assert spread_factor(among, 1.0) == pytest.approx(1 / 1.5)
    # Typical 4: (6 + 12) / 6 = 3 -> 4 / 3 (these references vary less than usual: stricter).
    assert spread_factor(among, 4.0) == pytest.approx(4 / 3)
    assert spread_factor(among, None) == 1.0
    assert spread_factor(among[:1, :1], 1.0) == 1.0  # one reference: nothing to measure
    # Identical references: the prior keeps the factor finite, (0 + 3 * 0.5) / (1 + 3) = 0.375.
    assert spread_factor(np.zeros((2, 2)), 0.5) == pytest.approx(0.5 / 0.375)


def test_score_queries_scales_the_nearest_half():
    refs = np.array([[0.0], [1.0], [3.0]])
    among = pairwise_distances(refs, refs, "euclidean")
    query = np.array([[0.5], [10.0]])
    d = pairwise_distances(query, refs, "euclidean")  # [0.5, 0.5, 2.5], [10, 9, 7]
    assert score_queries(d) == pytest.approx([0.5, 8.0])  # 2 nearest of 3
    assert score_queries(d, among, None) == pytest.approx([0.5, 8.0])
    assert score_queries(d, among, 4.0) == pytest.approx([0.5 * 4 / 3, 8.0 * 4 / 3])


def test_typical_spread_is_the_median_writer():
    embeddings = np.array([[0.0], [1.0], [10.0], [12.0], [20.0], [20.5], [30.0]])
    writers = np.array([0, 0, 1, 1, 2, 2, 3])  # medians 1, 2, 0.5; writer 3 has one
    assert typical_spread(embeddings, writers, "euclidean") == pytest.approx(1.0)
    assert typical_spread(embeddings[:1], writers[:1], "euclidean") is None


def test_pairwise_distances_numpy():
    q = np.array([[0.0, 0.0], [1.0, 0.0]])
    r = np.array([[3.0, 4.0]])
    assert pairwise_distances(q, r, "euclidean")[:, 0] == pytest.approx([5.0, math.sqrt(20)])
    assert pairwise_distances(np.array([[1.0, 0.0]]), np.array([[0.0, 2.0]]), "cosine")[
        0, 0
    ] == pytest.approx(1.0)


def _hand_bank():
    """3 writers; embeddings on a line: writer w genuine at 10 w + 0..1.5, forgery at 10 w + 5."""
    writer = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    genuine = np.array([1, 1, 1, 1, 0] * 3, dtype=bool)
    offsets = np.array([0.0, 0.5, 1.0, 1.5, 5.0] * 3)
    embeddings = np.stack([writer * 10.0 + offsets, np.zeros(15)], axis=1)
    bank = SignatureBank(np.zeros((15, 4, 4), np.uint8), writer, genuine, ["a", "b", "c"])
    return bank, embeddings


def test_protocol_counts_and_perfect_separation():
    bank, embeddings = _hand_bank()
    scores = score_writers(embeddings, bank, refs=1, random_writers=20)
    # per writer: 1 reference, 3 genuine queries, 1 skilled forgery, 2 other writers' genuine
    assert (len(scores.genuine), len(scores.skilled), len(scores.random)) == (9, 3, 6)
    assert set(scores.genuine_writer) == {0, 1, 2}
    metrics = compute_metrics(scores, threshold=1.6)
    assert metrics.negatives == "skilled"
    assert metrics.eer == 0.0 and metrics.auc == 1.0 and metrics.eer_random == 0.0
    assert metrics.far_skilled == 0.0 and metrics.frr == 0.0 and metrics.far_random == 0.0
    assert metrics.writers == 3


def test_queries_can_come_from_other_captures():
    bank, embeddings = _hand_bank()
    clean = score_writers(embeddings, bank, refs=1)
    moved = embeddings + np.array([0.0, 3.0])  # every query captured 3 units off the line
    shifted = score_writers(embeddings, bank, refs=1, query_embeddings=moved)
    # references stay on the line, so each distance d becomes sqrt(d^2 + 3^2)
    for name in ("genuine", "skilled", "random"):
        assert getattr(shifted, name) == pytest.approx(np.sqrt(getattr(clean, name) ** 2 + 9))
    with pytest.raises(ValueError, match="image for image"):
        score_writers(embeddings, bank, refs=1, query_embeddings=moved[:3])


def test_protocol_is_seeded():
    bank, embeddings = _hand_bank()
    a = score_writers(embeddings, bank, refs=2, seed=1)
    b = score_writers(embeddings, bank, refs=2, seed=1)
    np.testing.assert_array_equal(a.genuine, b.genuine)


def test_results_do_not_depend_on_the_order_of_writers():
    rng = np.random.default_rng(0)
    writer = np.repeat(np.arange(6), 6)
    genuine = np.tile([1, 1, 1, 1, 0, 0], 6).astype(bool)
    embeddings = rng.normal(size=(36, 3))
    ids = [f"w{i}" for i in range(6)]
    bank = SignatureBank(np.zeros((36, 2, 2), np.uint8), writer, genuine, ids)
    order = [3, 5, 0, 2, 1, 4]  # the same writers, listed in another order
    rows = np.concatenate([np.flatnonzero(writer == w) for w in order])
    renumber = {old: new for new, old in enumerate(order)}
    shuffled = SignatureBank(
        bank.images[rows],
        np.array([renumber[w] for w in writer[rows]]),
        genuine[rows],
        [ids[w] for w in order],
    )
    keep = rows
    a = score_writers(embeddings, bank, refs=2, random_writers=3)
    b = score_writers(embeddings[keep], shuffled, refs=2, random_writers=3)
    for name in ("genuine", "skilled", "random"):
        assert sorted(getattr(a, name)) == pytest.approx(sorted(getattr(b, name)))


def test_available_refs_skips_counts_without_queries():
    bank, _ = _hand_bank()  # 4 genuine per writer
    assert available_refs(bank, (1, 3, 5, 10)) == [1, 3]
    # 5 asked for: 3 is the most these writers allow; 1 asked for: 1; 2: the 1 below it
    assert [refs_to_use(bank, n) for n in (5, 1, 2, 0)] == [3, 1, 1, 1]
    bank.genuine[:] = False  # no genuine signatures: nothing to measure
    assert refs_to_use(bank, 5) is None


def test_evaluate_embeddings_with_bootstrap():
    bank, embeddings = _hand_bank()
    report = evaluate_embeddings(embeddings, bank, refs=(1, 3), threshold=2.0, bootstrap=30)
    assert sorted(report.per_refs) == [1, 3]
    assert report.per_refs[1].intervals["eer_95"] == [0.0, 0.0]
    d = report.to_dict()
    assert d["per_refs"]["3"]["genuine_queries"] == 3 and d["threshold"] == 2.0


def test_random_forgeries_only_when_no_skilled():
    scores = ScoreSet(
        1,
        np.array([0.1, 0.2]),
        np.zeros(0),
        np.array([0.15, 0.9]),
        np.array([0, 0]),
        np.zeros(0, int),
        np.array([0, 0]),
    )
    metrics = compute_metrics(scores)
    assert metrics.negatives == "random" and metrics.eer == pytest.approx(0.5)


def test_figures_are_matplotlib_figures(tmp_path):
    bank, embeddings = _hand_bank()
    report = evaluate_embeddings(embeddings, bank, refs=(1, 3))
    figures = [
        distance_histogram_figure(report.scores[1], 1.0),
        roc_figure(list(report.scores.values())),
        det_figure(list(report.scores.values())),
    ]
    for i, figure in enumerate(figures):
        assert isinstance(figure, Figure)
        figure.savefig(tmp_path / f"{i}.png")
        assert (tmp_path / f"{i}.png").stat().st_size > 1000


def test_threshold_marks_sit_on_the_curve_at_the_thresholds():
    scores = ScoreSet(
        refs=5,
        genuine=np.array([0.1, 0.2, 0.3, 0.4]),
        skilled=np.array([0.25, 0.5, 0.6, 0.7, 0.8]),
        random=np.array([]),
        genuine_writer=np.zeros(4, int),
        skilled_writer=np.zeros(5, int),
        random_writer=np.zeros(0, int),
    )
    roc = ThresholdMarks(roc_figure([scores]), scores, ("accept", "reject"), det=False)
    roc.move(0.3, 0.55)
    # accept 0.3: 1 of 5 forgeries (0.25) accepted, 3 of 4 genuine; reject 0.55: 2 of 5, all
    assert [tuple(p.get_data()[i][0] for i in (0, 1)) for p in roc.points] == [
        (0.2, 0.75),
        (0.4, 1.0),
    ]
    det = ThresholdMarks(det_figure([scores]), scores, ("accept", "reject"), det=True)
    det.move(0.3, 0.55)
    x, y = (v[0] for v in det.points[0].get_data())
    assert x == pytest.approx(-0.8416, abs=1e-4) and y == pytest.approx(-0.6745, abs=1e-4)
    # FRR 0 cannot be drawn on a DET: the point sits on the axes' edge, 0.05 %, drawn whole
    # there (it was cut in half: seen in a real window)
    assert det.points[1].get_data()[1][0] == pytest.approx(-3.2905, abs=1e-4)
    assert not any(point.get_clip_on() for point in det.points + roc.points)
    # their legend beside the curve, not over it (it covered the DET's curve: seen)
    for marks in (roc, det):
        figure = marks.axis.figure
        figure.canvas.draw()  # (Agg) where it lies is known once drawn
        legend = marks.axis.get_legend()
        assert [t.get_text() for t in legend.get_texts()][-2:] == ["accept", "reject"]
        assert legend.get_window_extent().x0 > marks.axis.get_window_extent().x1


def test_the_histograms_legend_is_beside_the_bars():
    """Seen in a real window: inside the plot, the legend covered bars of a small model."""
    scores = ScoreSet(
        refs=5,
        genuine=np.linspace(0, 1, 50),
        skilled=np.linspace(0.5, 2, 50),
        random=np.array([]),
        genuine_writer=np.zeros(50, int),
        skilled_writer=np.zeros(50, int),
        random_writer=np.zeros(0, int),
    )
    figure = distance_histogram_figure(scores)
    figure.canvas.draw()  # (Agg) where it lies is known once drawn
    axes = figure.axes[0].get_window_extent()
    legend = figure.axes[0].get_legend().get_window_extent()
    assert legend.x0 > axes.x1  # right of the plot, not over it


def test_training_curves_count_whole_epochs():
    """A one-epoch run's charts were ticked 0.6, 0.8, 1.0, 1.2, 1.4 (seen in a real window)."""
    from sigverify.core.evaluation.plots import training_figure

    one = [{"epoch": 1, "loss": 0.3, "validation_eer": 0.2}]
    three = [{"epoch": e, "loss": 1 / e, "validation_eer": 0.1} for e in (1, 2, 3)]
    for history in (one, three):
        figure = training_figure(history)
        for axis in figure.axes:
            ticks = [t for t in axis.get_xticks() if 0.5 <= t <= len(history) + 0.5]
            assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_the_eer_axis_starts_at_zero():
    """A run at 0 % EER drew its EER axis from -0.04 to 0.04 % (a real-window pass)."""
    from sigverify.core.evaluation.plots import training_figure

    for eer in (0.0, 0.3):
        history = [{"epoch": e, "loss": 1 / e, "validation_eer": eer} for e in (1, 2)]
        low, high = training_figure(history).axes[1].get_ylim()
        assert low == 0 and high >= max(1.0, 100 * eer)
    # room above the highest point: one epoch's sat half cut on the top edge (seen)
    one = [{"epoch": 1, "loss": 0.5, "validation_eer": 0.25}]
    assert training_figure(one).axes[1].get_ylim()[1] >= 1.1 * 25
    assert training_figure(one, whitened=(1, 0.4)).axes[1].get_ylim()[1] >= 1.1 * 40


def test_the_whitened_best_epoch_is_a_point_of_its_own_on_the_eer_curve():
    """Seen in a real window: the curve showed 50 % and the run's last line said "best epoch
    1, validation EER 33.3 %" (whitened): the plot never showed that figure."""
    from sigverify.core.evaluation.plots import training_figure

    history = [{"epoch": e, "loss": 1 / e, "validation_eer": 0.5} for e in (1, 2)]
    plain = training_figure(history).axes[1]
    assert len(plain.lines) == 1 and plain.get_legend() is None
    eer = training_figure(history, whitened=(1, 0.333)).axes[1]
    point = eer.lines[1]
    assert list(point.get_xdata()) == [1] and list(point.get_ydata()) == pytest.approx([33.3])
    # both named (the red points, unnamed beside the star, read as stray: seen)
    assert [t.get_text() for t in eer.get_legend().get_texts()] == [
        "each epoch, as trained",
        "whitened (kept)",
    ]


def test_several_draws_of_the_references_are_pooled():
    """draws=3: the protocol with seeds 0, 1, 2 (other references per writer), all their
    scores measured together, each keeping its writer; draws=1 is seed 0 alone."""
    bank, embeddings = _hand_bank()
    runs = [score_writers(embeddings, bank, refs=2, seed=s) for s in range(3)]
    assert not np.array_equal(runs[0].genuine, runs[1].genuine)  # the draws differ
    report = evaluate_embeddings(embeddings, bank, [2], draws=3)
    pooled = report.scores[2]
    for name in ("genuine", "skilled", "random", "genuine_writer", "skilled_writer"):
        expected = np.concatenate([getattr(r, name) for r in runs])
        np.testing.assert_array_equal(getattr(pooled, name), expected)
    # per writer and draw: 2 genuine queries, 1 skilled forgery, 2 other writers' genuine
    assert (len(pooled.genuine), len(pooled.skilled), len(pooled.random)) == (18, 9, 18)
    assert report.per_refs[2].genuine_queries == 18
    single = evaluate_embeddings(embeddings, bank, [2])
    np.testing.assert_array_equal(single.scores[2].genuine, runs[0].genuine)


def test_a_chinese_y_label_stands_level_above_the_axis():
    import matplotlib

    matplotlib.use("Agg")
    from sigverify.core.evaluation.plots import y_label

    figure = Figure()
    english, chinese = figure.subplots(1, 2)
    y_label(english, "false reject rate (%)")
    y_label(chinese, "拒识率（%）")
    assert english.yaxis.label.get_rotation() == 90  # along the axis, as matplotlib puts it
    assert chinese.yaxis.label.get_rotation() == 0
    x, y = chinese.yaxis.label.get_position()
    assert chinese.yaxis.label.get_text() == "拒识率（%）" and y > 1 and x == 0


def test_measuring_a_folder_follows_and_can_cancel_its_embedding(tiny_model_dir, tmp_path):
    """Cancel on the Thresholds page waited for a whole folder to be embedded: the progress
    stopped with the reading (0.9 s of 192 signatures, half a minute for a data set)."""
    from sigverify.core.data.synthetic import write_synthetic_dataset
    from sigverify.core.errors import CancelledError
    from sigverify.core.evaluation.measure import EMBED_CHUNK, folder_scores
    from sigverify.core.model.inference import load_for_inference

    model = load_for_inference(tiny_model_dir, threads=1)
    folder = write_synthetic_dataset(tmp_path / "data", writers=9, genuine=8, forged=8)
    seen = []
    scores, _ = folder_scores(model, folder, 5, lambda done, total: seen.append((done, total)))
    images = 9 * 16  # one bar: reading, then embedding (it went back to the start)
    assert seen[:images] == [(n, 2 * images) for n in range(1, images + 1)]
    assert seen[images:] == [
        (images + EMBED_CHUNK, 2 * images),
        (images + 2 * EMBED_CHUNK, 2 * images),
        (2 * images, 2 * images),
    ]
    plain, _ = folder_scores(model, folder, 5)
    assert np.array_equal(scores.genuine, plain.genuine)  # the same figures in chunks
    assert np.array_equal(scores.skilled, plain.skilled)

    def cancel_when_embedding(done, total, calls=[]):  # noqa: B006 (counts its calls)
        calls.append(done)
        return len(calls) <= images  # the reading goes through; the first chunk stops

    with pytest.raises(CancelledError, match="Cancelled while measuring the signatures."):
        folder_scores(model, folder, 5, cancel_when_embedding)
