"""The bench scripts run and print the JSON they promise (tiny model, synthetic data)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from sigverify.core.preprocessing import PreprocessConfig, preprocess_signature
from sigverify.core.synthetic import write_synthetic_dataset
from tests.conftest import draw_signature

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
    }
    assert keys <= set(out)
    assert out["signet_ref_params"] > 15_000_000 and out["params"] < out["signet_ref_params"]
    assert out["ratio_vs_signet"] == round(
        out["verify_p50_ms"] / out["signet_ref_verify_p50_ms"], 3
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
    shift = out["capture_shift"]
    assert shift["images"] == 35 and shift["refused"] <= 3  # the photos keep their ink
    assert set(shift["per_refs"]) == {"1", "3"} and 0.0 <= shift["per_refs"]["3"]["auc"] <= 1.0
    preprocess = json.loads(Path(tiny_model_dir, "card.json").read_text())["preprocess"]
    assert preprocess["height"] == 48


def test_preprocess_bench_on_synthetic():
    out = run_script("preprocess.py", "--limit", "20")
    assert out["images"] == 20 and out["preprocess_ms"]["p50"] > 0


def _accuracy_module():
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_photographed_scan_keeps_the_signature_and_loses_the_scanner():
    photographed = _accuracy_module().photographed
    scan = draw_signature(paper=245.0, ink=30.0)  # 200 x 400, flat paper
    config = PreprocessConfig()
    clean = preprocess_signature(scan, config).astype(np.float32)
    for seed in range(5):
        photo = photographed(scan, np.random.default_rng(seed))
        assert np.array_equal(photo, photographed(scan, np.random.default_rng(seed)))
        assert 0.7 * 200 - 1 <= photo.shape[0] <= 1.3 * 200 + 1
        assert photo.shape[1] / photo.shape[0] == pytest.approx(2.0, abs=0.02)
        corners = [photo[:10, :10], photo[:10, -10:], photo[-10:, :10], photo[-10:, -10:]]
        paper = [float(np.median(c)) for c in corners]
        assert max(paper) - min(paper) > 5  # uneven light across the page
        # the signature itself survives: after preprocessing it overlaps the clean one
        seen = preprocess_signature(photo, config).astype(np.float32)
        blurred = [cv2.GaussianBlur(a, (0, 0), 3).ravel() for a in (clean, seen)]
        assert np.corrcoef(*blurred)[0, 1] > 0.8
