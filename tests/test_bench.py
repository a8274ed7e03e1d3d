"""The bench scripts run and print the JSON they promise (tiny model, synthetic data)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sigverify.core.synthetic import write_synthetic_dataset

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
    preprocess = json.loads(Path(tiny_model_dir, "card.json").read_text())["preprocess"]
    assert preprocess["height"] == 48


def test_preprocess_bench_on_synthetic():
    out = run_script("preprocess.py", "--limit", "20")
    assert out["images"] == 20 and out["preprocess_ms"]["p50"] > 0
