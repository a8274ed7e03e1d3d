"""The bench scripts run and print the JSON they promise (tiny model, synthetic data)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sigverify.core.backup_encryption import is_encrypted
from sigverify.core.data.synthetic import write_synthetic_dataset
from sigverify.core.store import Store
from tests.conftest import write_pen_dataset

BENCH = Path(__file__).resolve().parents[1] / "bench"


def run_script(name: str, *args) -> dict:
    result = subprocess.run(
        [sys.executable, str(BENCH / name), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_speed_reports_the_promised_keys(tiny_model_dir):
    out = run_script("speed.py", "--model", tiny_model_dir, "--runs", "3")
    keys = {
        "verify_p50_ms",
        "verify_p95_ms",
        "signet_ref_verify_p50_ms",
        "ratio_vs_signet",
        "embed_images_per_s",
        "peak_rss_mb",
        "params",
        "model_mb",
        "model_ready_s",
        "model_ready_rss_mb",
        "torch_model_ready_s",
    }
    assert keys <= set(out) and keys - {"peak_rss_mb", "model_mb", "params"} <= set(
        out["torch"]
    ) | {
        "model_ready_s",
        "model_ready_rss_mb",
        "torch_model_ready_s",
    }
    # the ONNX process never loads torch: far less memory than the torch one
    assert out["model_ready_rss_mb"] < out["torch_model_ready_rss_mb"]
    assert out["signet_ref_params"] > 15_000_000 and out["params"] < out["signet_ref_params"]
    assert isinstance(out["bundle_mb"], dict)
    assert out["ratio_vs_signet"] == round(
        out["verify_p50_ms"] / out["signet_ref_verify_p50_ms"], 3
    )
    # the stages timed apart, and the ratio if preparing the image cost nothing
    ours, theirs = out["stages_p50_ms"], out["signet_ref_stages_p50_ms"]
    assert set(ours) == set(theirs) == {"read", "preprocess", "embed", "score"}
    assert all(v > 0 for v in (*ours.values(), *theirs.values()))
    rest = [sum(t[k] for k in ("read", "embed", "score")) for t in (ours, theirs)]
    assert out["ratio_vs_signet_without_preprocessing"] == pytest.approx(
        rest[0] / rest[1], abs=1e-3
    )


def test_accuracy_reports_metrics_and_the_blank_control(tiny_model_dir, tmp_path):
    data = write_synthetic_dataset(tmp_path / "synth", writers=5, genuine=5, forged=2, seed=400)
    out = run_script("accuracy.py", "--model", tiny_model_dir, "--data", data, "--bootstrap", "20")
    assert set(out["per_refs"]) == {"1", "3"}
    metrics = out["per_refs"]["3"]
    assert {
        "eer",
        "auc",
        "far_skilled",
        "far_random",
        "frr",
        "far_at_frr_1",
        "far_at_frr_5",
    } <= set(metrics)
    assert "eer_95" in metrics["intervals"]
    control = out["blank_control"]
    assert (
        control["images"] == 35 and control["refused_as_blank"] >= 0.9 * 35
    )  # clean synthetic paper
    # (nearly) every control image is the same blank canvas: nothing to tell apart
    assert abs(control["per_refs"]["3"]["auc"] - 0.5) <= 0.1
    for name in ("capture_shift", "slip_photos"):
        shift = out[name]
        assert shift["images"] == 35 and shift["refused"] <= 3  # the photos keep their ink
        assert set(shift["per_refs"]) == {"1", "3"}
        assert 0.0 <= shift["per_refs"]["3"]["auc"] <= 1.0
    # One data folder: its table is the pooled one, and one model gives one split.
    synth = out["per_dataset"]["synth"]
    assert synth["writers_used"] == ["all"]
    assert synth["per_refs"]["3"]["eer"]["mean"] == round(metrics["eer"], 4)
    assert synth["per_refs"]["3"]["eer"]["splits"] == [round(metrics["eer"], 4)]
    # the FRR that accepting at most 5 % of skilled forgeries costs (one folder: the same)
    frr = out["pooled"]["3"]["frr_at_far_5"]["splits"]
    assert len(frr) == 1 and 0.0 <= frr[0] <= 1.0
    assert synth["per_refs"]["3"]["frr_at_far_5"]["splits"] == frr
    # other counts of references on request
    out = run_script(
        "accuracy.py", "--model", tiny_model_dir, "--data", data, "--refs", "2,4", "--no-captures"
    )
    assert set(out["per_refs"]) == set(out["pooled"]) == {"2", "4"}
    assert out["per_refs"]["2"]["refs"] == 2
    assert synth["per_refs"]["3"]["eer"]["ci95"] == [
        round(v, 4) for v in metrics["intervals"]["eer_95"]
    ]
    preprocess = json.loads(Path(tiny_model_dir, "card.json").read_text())["preprocess"]
    assert preprocess["height"] == 48


def test_accuracy_means_over_several_models(tiny_model_dir, tmp_path):
    # The same model twice: the mean is its figure and the t interval has zero width.
    data = write_synthetic_dataset(tmp_path / "synth", writers=5, genuine=5, forged=2, seed=400)
    out = run_script(
        "accuracy.py",
        "--model",
        tiny_model_dir,
        "--model",
        tiny_model_dir,
        "--data",
        data,
        "--bootstrap",
        "0",
        "--no-captures",
    )
    eer = out["per_dataset"]["synth"]["per_refs"]["3"]["eer"]
    assert eer["splits"] == [eer["mean"]] * 2 and eer["ci95"] == [eer["mean"]] * 2
    assert "blank_control" not in out


def test_split_summary_t_interval():
    accuracy = _accuracy_module()
    summary = accuracy.split_summary([0.10, 0.12, 0.14], None)
    # mean 0.12, sd 0.02, t(2) = 4.303: 0.12 +- 4.303 * 0.02 / sqrt(3) = 0.12 +- 0.0497
    assert summary["mean"] == 0.12 and summary["ci95"] == [0.0703, 0.1697]
    assert accuracy.split_summary([0.2], [0.1, 0.3])["ci95"] == [0.1, 0.3]


def test_preprocess_bench_on_synthetic():
    out = run_script("preprocess.py", "--limit", "20")
    assert out["images"] == 20 and out["preprocess_ms"]["p50"] > 0
    assert out["faint_ink"] == 4.0
    assert run_script("preprocess.py", "--limit", "2", "--faint-ink", "0")["faint_ink"] == 0
    assert out["form_line_fraction"] == 0.4
    off = run_script("preprocess.py", "--limit", "2", "--form-lines", "0")
    assert off["form_line_fraction"] == 0


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_preprocess_bench_says_whether_small_ink_is_enlarged():
    assert run_script("preprocess.py", "--limit", "2")["enlarge_small_ink"] is True
    off = run_script("preprocess.py", "--limit", "2", "--enlarge-small-ink", "0")
    assert off["enlarge_small_ink"] is False


def test_scan_resolution_scores_each_factor_on_every_query(tiny_model_dir, tmp_path):
    from sigverify.core.model.card import read_card

    data = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=8, forged=2, seed=7)
    out = run_script("scan_resolution.py", "--model", tiny_model_dir, "--data", data,
                     "--factors", "0.5,1,2", "--queries", "2")  # fmt: skip
    assert out["threshold"] == round(read_card(tiny_model_dir).threshold, 4)
    synth = out["sets"]["synth"]
    # not trained on: every writer; 2 genuine after the first 5 and 2 forgeries each
    assert (synth["writers"], synth["genuine"], synth["forged"]) == (3, 6, 6)
    assert set(synth["factors"]) == {"0.5", "1.0", "2.0"}
    for measures in synth["factors"].values():
        assert set(measures) == {"eer", "median_genuine", "frr", "far"}
        assert all(0 <= measures[k] <= 1 for k in ("eer", "frr", "far"))


def test_writer_dependent_classifier_separates_its_classes():
    spec = importlib.util.spec_from_file_location("bench_wd", BENCH / "writer_dependent.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng(0)
    positives = rng.normal(0, 0.1, (5, 3)) + [1, 0, 0]
    negatives = rng.normal(0, 0.1, (50, 3)) - [1, 0, 0]
    w = module.fit_logistic(positives, negatives, l2=0.01)
    decide = np.hstack([np.array([[1.0, 0, 0], [-1.0, 0, 0]]), np.ones((2, 1))]) @ w
    assert decide[0] > 0 > decide[1]
    # the classes weigh equally although there are ten times more negatives: the boundary
    # sits near the middle (x = 0)
    middle = np.array([0.0, 0, 0, 1]) @ w
    assert abs(middle) < 0.5 * abs(decide[0])


def test_quantization_compares_int8_with_the_float_model(tiny_model_dir):
    out = run_script("quantization.py", "--model", tiny_model_dir, "--runs", "2")
    assert out["float"]["max_abs_difference"] == 0.0
    for name in ("int8_all_ops", "uint8_conv_matmul"):
        assert out[name]["ms_per_image"] > 0 and 0 < out[name]["min_cosine_to_float"] <= 1.0


def test_startup_reports_when_the_window_and_the_model_were_ready():
    out = run_script("startup.py", "--runs", "2")
    for launch in (out["cold"], {k[: -len("_median")]: v for k, v in out.items() if "median" in k}):
        assert 0 < launch["window_shown_s"] <= launch["model_ready_s"] < 60
        assert 50 < launch["peak_rss_mb"] < 2000  # the app's own process, measured
    assert out["runs"] == 2


def test_store_scale_reports_both_stores(tiny_model_dir, tmp_path):
    out = run_script(
        "store_scale.py",
        *("--model", tiny_model_dir, "--people", 300, "--runs", 3, "--folder", tmp_path),
    )
    assert out["small"]["people"] == 10 and out["large"]["people"] == 300
    for store in ("small", "large"):
        assert set(out[store]["verify_ms"]) == {"p50", "p95"} and out[store]["bytes_per_person"]
        # the store's part is inside a verification, which also reads and embeds the image
        assert 0 < out[store]["store_ms"]["p50"] < out[store]["verify_ms"]["p50"]
        assert out[store]["search_ms"]["p50"] > 0 and out[store]["card_ms"]["p50"] > 0
    # 300 people with 5 stand-in images of 2,000 + 500 bytes: at least that much a person
    assert out["large"]["bytes_per_person"] >= out["stand_in_image_bytes_per_person"] == 12505
    assert out["verify_p50_ratio_large_to_small"] == round(
        out["large"]["verify_ms"]["p50"] / out["small"]["verify_ms"]["p50"], 3
    )
    assert out["store_p50_ratio_large_to_small"] == round(
        out["large"]["store_ms"]["p50"] / out["small"]["store_ms"]["p50"], 3
    )
    assert 0 < out["store_share_of_large_verify"] < 1
    assert out["names"] == "customer" and out["large"]["found"] == 0  # (no Customer 4242)


def test_store_scale_removes_its_own_temporary_folder(tiny_model_dir, monkeypatch, tmp_path):
    """A run at 100,000 people left 2.7 GB in the temporary folder, each time."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    out = run_script("store_scale.py", "--model", tiny_model_dir, "--people", 30, "--runs", 1)
    left = [path for path in temporary.iterdir() if path.name.startswith("store-scale-")]
    assert out["large"]["people"] == 30 and left == []


def test_store_scale_with_chinese_names_searches_them_by_pinyin(tiny_model_dir, tmp_path):
    out = run_script(
        "store_scale.py",
        *("--model", tiny_model_dir, "--people", 300, "--runs", 2, "--folder", tmp_path),
        *("--names", "chinese"),
    )
    assert out["names"] == "chinese" and out["searched"] == "wang"
    # about one in 40 has the surname 王 (one of 40 surnames; no given name reads "wang")
    assert 2 <= out["large"]["found"] <= 25 and out["small"]["found"] <= 10
    assert out["large"]["first_search_ms"] > 0 and out["large"]["search_ms"]["p50"] > 0


def test_batch_reports_throughput_with_and_without_the_audit_log(tiny_model_dir, tmp_path):
    out = run_script("batch.py", "--model", tiny_model_dir, "--people", 3)
    assert out["people"] == 3 and out["queries"] == 15  # 5 queries of each (3 genuine, 2 forged)
    for label in ("recorded", "not_recorded"):
        run = out[label]
        assert run["checked"] == 15 and run["errors"] == 0
        assert sum(run["decisions"].values()) == 15 and run["queries_per_s"] > 0
        assert run["ms_per_query"] == pytest.approx(1000 / run["queries_per_s"], rel=0.05)
    assert out["recorded"]["decisions"] == out["not_recorded"]["decisions"]

    dataset = write_synthetic_dataset(tmp_path / "data", writers=2, genuine=7, forged=2)
    out = run_script("batch.py", "--model", tiny_model_dir, "--data", dataset, "--people", 2)
    assert out["queries"] == 2 * (2 + 2) and out["recorded"]["checked"] == 8


def test_explain_bench_times_each_part_and_compares_genuine_with_forged(tiny_model_dir, tmp_path):
    data = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=7, forged=2)
    figure = tmp_path / "rows.png"
    out = run_script(
        "explain.py", "--data", data, "--model", tiny_model_dir, "--writers", "2",
        "--figure", figure,
    )  # fmt: skip
    assert out["writers"] == 2 and out["checks"] == 8
    assert set(out["latency_ms"]) == {"align", "difference", "occlusion", "total"}
    assert all(0 < v["p50"] <= v["p95"] for v in out["latency_ms"].values())
    for kind in ("genuine", "skilled"):
        assert 0 <= out["by_kind"][kind]["hot_share"] <= 1
    import cv2

    assert cv2.imread(str(figure)).shape[0] == 8 * 48  # one row per check


def test_locate_bench_measures_pages_and_fits_weights(tmp_path):
    data = write_synthetic_dataset(tmp_path / "synth", writers=4, genuine=3, forged=1)
    out = run_script("locate.py", "--data", data, "--pages", "4")
    assert out["pages"] == 4 and 0 <= out["top_iou_at_least_0.8"] <= 1
    assert out["method"] == "network"  # resources/locator is shipped
    classical = run_script("locate.py", "--data", data, "--pages", "4", "--classical")
    assert classical["method"] == "classical" and classical["pages"] == 4
    assert 0 < out["ms_per_page"]["p50"] <= out["ms_per_page"]["p95"]
    assert set(out["by_kind"]) >= {"cheque", "form", "cheque-photo", "form-photo"}
    fitted = run_script("locate.py", "--fit", "--data", data, "--pages", "4")
    assert len(fitted["weights"]) == len(fitted["features"]) and fitted["handwritten_words"] > 0


def test_whole_page_bench_counts_pages_among_scans_and_synthetic_pages(tmp_path):
    data = write_synthetic_dataset(tmp_path / "synth", writers=4, genuine=3, forged=1)
    out = run_script("whole_page.py", "--data", data, "--scans", "5", "--pages", "4")
    (scans,) = out["scans_alone"].values()  # the generator's signatures alone: no page
    assert scans["pictures"] == 5 and scans["taken_for_pages"] == 0
    assert set(out["pages"]) == {"cheque", "form", "cheque-photo", "form-photo"}
    assert sum(p["pictures"] for p in out["pages"].values()) == 4
    for kind in out["pages"].values():  # every page is one, long enough for the network
        assert kind["taken_for_pages"] == kind["pictures"]
        assert kind["long_enough_for_the_network"] == kind["pictures"] and kind["ms_p50"] > 0
    assert out["print_share"] == 0.6


def test_locate_bench_measures_slip_photos_and_verifies_their_crops(tiny_model_dir, tmp_path):
    data = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=7, forged=1)
    out = run_script("locate.py", "--slips", "--data", data, "--pages", "3")
    assert out["page_kind"] == "slip photos" and out["pages"] == 3
    assert set(out["by_kind"]) == {"slip-photo", "synth"}
    assert 0 <= out["top_iou_at_least_0.8"] <= 1 and 0 <= out["top_holds_signature"] <= 1
    checked = run_script("locate.py", "--slips", "--verify", tiny_model_dir, "--data", data,
                         "--pages", "3")  # fmt: skip
    assert checked["pages"] == 3
    assert "photo_accepted" in checked["rectangle"]
    assert "scanned_accepted" not in checked["rectangle"]  # slips are all photographed


@pytest.mark.parametrize("model", ["tiny_model_dir", "stroke_model_dir"])
def test_locate_bench_verifies_what_the_crop_dialog_would_cut(model, tmp_path, request):
    data = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=7, forged=1)
    model_dir = request.getfixturevalue(model)
    out = run_script("locate.py", "--verify", model_dir, "--data", data, "--pages", "4")
    assert out["model"] and out["pages"] == 4
    crops = ("scan", "whole_page", "rectangle", "signature_only", "as_cut")
    assert set(out) == {"model", "pages", *crops}
    for crop in crops:
        figures = out[crop]
        assert figures["median_score"] > 0
        for kind in ("", "photo_", "scanned_"):
            accepted, rejected = figures[kind + "accepted"], figures[kind + "rejected"]
            assert 0 <= accepted <= 1 and 0 <= rejected <= 1 and accepted + rejected <= 1


def test_shared_store_reports_both_stores_and_every_row_of_concurrent_writers(
    tiny_model_dir, postgres_server
):
    url = postgres_server.url(postgres_server.new_database())
    out = run_script(
        "shared_store.py", "--model", tiny_model_dir, "--runs", "2", "--writers", "2",
        "--rows", "3", "--server", url,
    )  # fmt: skip
    for label in ("file", "server"):
        assert set(out[label]["verify_recorded_ms"]) == {"p50", "p95"}
        concurrent = out[label]["concurrent"]
        assert (concurrent["rows_arrived"], concurrent["chain_intact"]) == (6, True)
    assert out["verify_p50_ratio_server_to_file"] > 0


def test_server_search_finds_the_same_people_on_a_server_and_in_a_file(postgres_server):
    url = postgres_server.url(postgres_server.new_database())
    out = run_script("server_search.py", "--people", "300", "--runs", "2", "--server", url)
    assert out["people"] == 300 and out["names"] == "chinese"
    for typed, file in out["file"].items():
        server = out["server"][typed]
        assert server["found"] == file["found"], typed
        assert 0 < server["p50_ms"] <= server["p95_ms"]
    assert out["file"]["C0000042"]["found"] == 1 and out["file"]["li"]["found"] > 0


def test_pen_accuracy_reports_the_dtw_baseline_on_writer_disjoint_halves(tmp_path):
    write_pen_dataset(tmp_path, range(4), genuine=6, forged=2)
    (out,) = run_script("pen_accuracy.py", "--data", tmp_path, "--refs", "3", "--splits", "2")
    assert (out["writers"], out["genuine_queries"], out["forgeries"]) == (4, 12, 8)
    assert 0 <= out["test_eer"]["mean"] <= 0.5 and 0.5 <= out["test_auc"]["mean"] <= 1


def test_score_variants_worked_out_by_hand():
    spec = importlib.util.spec_from_file_location("bench_sv", BENCH / "score_variants.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # the query at the origin, references at x = 1 and 3, the cohort at y = 2 and 4
    scores = module.variant_scores(
        np.array([[0.0, 0.0]]),
        np.array([[1.0, 0.0], [3.0, 0.0]]),
        np.array([[0.0, 2.0], [0.0, 4.0]]),
        "euclidean",
        None,  # no spread scaling: factor 1
    )
    close = {name: float(values[0]) for name, values in scores.items()}
    assert close["shipped"] == close["nearest"] == 1.0  # the nearer half of 2: one
    assert close["mean_all"] == close["median"] == close["centroid"] == 2.0
    # the cohort's scores against the references: sqrt(5) and sqrt(17)
    m, s = (5**0.5 + 17**0.5) / 2, (17**0.5 - 5**0.5) / 2
    assert np.isclose(close["z_norm"], (1 - m) / s) and np.isclose(close["z_ratio"], 1 / m)
    # the query's distances to the cohort: 2 and 4
    assert np.isclose(close["t_norm"], -2.0) and np.isclose(close["t_ratio"], 1 / 3)
    assert np.isclose(close["t_norm_nearest"], -2.0)  # fewer than 50: all of them


def test_score_variants_augmented_embeddings_average_the_copies():
    spec = importlib.util.spec_from_file_location("bench_sv", BENCH / "score_variants.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    class InkModel:  # embedding: the amount of ink, and how far right it lies
        def embed(self, images):
            ink = images.astype(np.float64) / 255
            columns = np.arange(images.shape[2])[None, :]
            return np.stack([ink.sum((1, 2)), (ink.sum(1) * columns).sum(1)], axis=1)

    images = np.zeros((2, 20, 30), np.uint8)
    images[0, 5:15, 10:12] = 255
    images[1, 8:10, 3:25] = 255
    base = InkModel().embed(images)
    # strength 0 distorts nothing: the mean of three identical embeddings is the embedding
    assert np.allclose(module.averaged_embeddings(InkModel(), images, 2, 0.0), base)
    averaged = module.averaged_embeddings(InkModel(), images, 3, 1.0)
    again = module.averaged_embeddings(InkModel(), images, 3, 1.0)
    assert averaged.shape == (2, 2) and np.array_equal(averaged, again)  # seeded
    assert not np.allclose(averaged, base)  # the copies moved and thinned or thickened


def test_long_lists_reports_the_queue_and_the_audit_log_per_size():
    out = run_script("long_lists.py", "--rows", "12", "30", "--repeat", "2")
    assert [r["rows"] for r in out["long_lists"]] == [12, 30]
    assert [r["audit_entries"] for r in out["long_lists"]] == [36, 90]
    for sizes in out["long_lists"]:
        for name in ("queue_reload", "audit_read"):
            assert 0 < sizes[f"{name}_ms_p50"] <= sizes[f"{name}_ms_p95"]
    assert out["peak_rss_mb"] > 0


def test_first_plots_times_the_thresholds_pages_first_and_second_visit():
    out = run_script("first_plots.py", "--runs", "1")
    assert out["runs"] == 1
    # the switch returns before the plots are made, and they are painted after that
    assert 0 < out["switch_ms_p50"] <= out["plots_made_ms_p50"] <= out["plots_painted_ms_p50"]
    assert out["second_visit_ms_p50"] > 0 and out["plots_painted_ms_max"] > 0


def test_queue_check_compares_rows_shown_during_a_check_with_rows_shown_at_the_end(
    tiny_model_dir,
):
    out = run_script(
        "queue_check.py", "--items", "40", "--repeat", "1", "--model", tiny_model_dir,
        "--desk-every", "0.01",
    )  # fmt: skip
    assert out["items"] == 40 and out["model"] == "tiny"
    for name in ("rows_shown_during_check", "rows_shown_at_end"):
        figures = out[name]
        assert figures["seconds_p50"] > 0 and figures["items_per_s"] > 0
        assert figures["runs_s"] == [figures["seconds_p50"]]
    assert out["rows_shown_at_end"]["list_shown_during_check"] == 0  # never, as before
    desk = out["desk_during_check"]  # verifications at the desk, answered during the check
    assert desk["check_seconds_p50"] > 0
    assert desk["verifications"] >= 1 and 0 < desk["wait_ms_p50"] <= desk["wait_ms_p95"]
    assert out["peak_rss_mb"] > 0


def test_unlike_enrolled_counts_new_references_beyond_each_factor():
    spec = importlib.util.spec_from_file_location("bench_ue", BENCH / "unlike_enrolled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    own, other = np.array([0.5, 0.9, 1.25, 1.35]), np.array([1.2, 1.4, 1.6, 2.0])
    out = module.shares(own, other, reject=1.0, factors=[1.0, 1.3])
    # beyond 1.0: 1.25 and 1.35 of their own, all four others; beyond 1.3: 1.35, and 3
    assert out == {
        "1": {"own_flagged": 0.5, "other_writer_flagged": 1.0},
        "1.3": {"own_flagged": 0.25, "other_writer_flagged": 0.75},
    }


def test_unlike_enrolled_draws_each_writers_own_and_another_writers_signatures():
    from types import SimpleNamespace

    spec = importlib.util.spec_from_file_location("bench_ue2", BENCH / "unlike_enrolled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # three writers of 10 genuine each, on a line: writer w's signatures at 10 * w
    genuine = {w: np.arange(10 * w, 10 * w + 10) for w in range(3)}
    embeddings = np.repeat(np.arange(3) * 10.0, 10)[:, None]  # one point per writer
    bank = SimpleNamespace(writer_ids=["a", "b", "c"], genuine_of=genuine.__getitem__)
    own, other = module.new_reference_medians(bank, embeddings, "euclidean", seed=0)
    assert len(own) == len(other) == 15  # 5 new of their own, 5 of another, per writer
    assert np.all(own == 0) and set(np.unique(other)) <= {10.0, 20.0} and np.all(other > 0)
    lone = SimpleNamespace(writer_ids=["a"], genuine_of=genuine.__getitem__)
    assert [len(x) for x in module.new_reference_medians(lone, embeddings, "euclidean", 0)] == [
        0,
        0,
    ]  # nobody else to draw from: nothing, not a crash


@pytest.mark.parametrize("passphrase", [None, "seven blue kites"])
def test_backup_bench_times_each_step_on_a_filled_store(tmp_path, passphrase):
    more = ["--passphrase", passphrase] if passphrase else []
    out = run_script(
        "backup.py", "--people", 40, "--image-bytes", 3000, "--runs", 2, "--folder", tmp_path, *more
    )
    assert (out["people"], out["references"], out["runs"]) == (40, 200, 2)
    assert out["encrypted"] is bool(passphrase)
    assert is_encrypted(tmp_path / "stick" / "backup.zip") is bool(passphrase)
    # 200 stand-in images of 3,000 bytes (random: they do not compress) at least
    assert out["backup_mb"] >= 0.6 and out["store_mb"] >= 0.6
    for step in ("back_up_s", "check_s", "prepare_s", "restore_s"):
        assert out[step] > 0
    assert set(out["peak_rss_mb_after"]) == {"back_up", "check", "prepare", "restore"}
    with Store(tmp_path / "desk" / "store.sqlite3") as store:  # restored: whole, and said so
        assert len(store.list_people()) == 40
        assert store.audit_entries()[-1].action == "restore"
        store.check_every_row()


def test_person_box_times_the_field_and_the_people_list():
    out = run_script("person_box.py", "--people", 300, "--repeat", 2)
    (figures,) = out["person_box"]
    assert figures["people"] == 300 and out["peak_rss_mb"] > 0
    for name in ("fill", "key", "id_return", "people_search_none", "people_search_m",
                 "people_search_c00", "people_search_customer_4999"):  # fmt: skip
        assert 0 < figures[f"{name}_ms_p50"] <= figures[f"{name}_ms_p95"], name


def test_cancel_times_how_long_each_job_takes_to_stop(tiny_model_dir):
    out = run_script("cancel.py", "--model", tiny_model_dir, "--cancels", 2, "--people", 20,
                     "--items", 12, "--writers", 6,
                     "--jobs", "backup", "queue_check", "thresholds_folder")  # fmt: skip
    jobs = {figures["job"]: figures for figures in out["cancel"]}
    assert list(jobs) == ["backup", "queue_check", "thresholds_folder"]
    for figures in jobs.values():
        assert figures["progress_points"] >= 1
        assert 0 <= figures["longest_wait_s"] <= figures["whole_s"] + 0.01  # (rounded)
        if "cancels" in figures:  # (a job may end before the cancel comes)
            assert figures["cancel_ms_p50"] <= figures["cancel_ms_max"]
