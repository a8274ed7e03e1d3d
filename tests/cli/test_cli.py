from __future__ import annotations

import json
import subprocess
import sys

import cv2
import numpy as np
import pytest

from sigverify import __version__, cli
from sigverify.core.data.synthetic import write_synthetic_dataset
from tests.conftest import draw_signature, write_png


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    return code, json.loads(out), err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sigverify {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["preprocess"],
        ["dataset"],
        ["dataset", "check"],
        ["dataset", "split"],
        ["dataset", "synth"],
        ["train"],
        ["evaluate"],
        ["enroll"],
        ["verify"],
        ["people"],
        ["remove"],
        ["thresholds"],
        ["audit"],
        ["export"],
        ["import"],
        ["models", "activate"],
        ["models", "show"],
        ["settings"],
    ],
)
def test_every_command_has_help(capsys, argv):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*argv, "--help"])
    assert exit_info.value.code == 0
    assert "usage: sigverify" in capsys.readouterr().out


def test_no_command_prints_usage_and_exits_2(capsys):
    code, _, err = run(capsys)
    assert code == 2 and "usage" in err
    code, _, err = run(capsys, "dataset")
    assert code == 2 and "check" in err


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "sigverify", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_preprocess_writes_what_the_model_sees(capsys, tmp_path):
    image = write_png(tmp_path / "scan.png", draw_signature(paper=230))
    out = tmp_path / "out" / "seen.png"
    code, payload, _ = run_json(
        capsys, "preprocess", str(image), "--out", str(out), "--size", "100x160"
    )
    assert code == 0
    written = cv2.imread(str(out), cv2.IMREAD_UNCHANGED)
    assert written.shape == (100, 160) and written.dtype == np.uint8
    assert written[0, 0] == 0 and written.max() > 150
    assert payload["output"] == str(out) and payload["ink_pixels"] == int((written > 0).sum())


def test_preprocess_text_output(capsys, tmp_path):
    image = write_png(tmp_path / "scan.png", draw_signature())
    code, out, _ = run(capsys, "preprocess", str(image), "--out", str(tmp_path / "o.png"))
    assert code == 0 and "Wrote" in out and "220 x 150" in out


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (b"hello", "not an image"),
    ],
)
def test_preprocess_bad_file_exits_2_with_a_message(capsys, tmp_path, content, message):
    bad = tmp_path / "bad.png"
    bad.write_bytes(content)
    code, out, err = run(capsys, "preprocess", str(bad), "--out", str(tmp_path / "o.png"))
    assert code == 2 and message in err and "Traceback" not in err
    code, payload, _ = run_json(capsys, "preprocess", str(bad), "--out", str(tmp_path / "o.png"))
    assert code == 2 and message in payload["error"]


def test_preprocess_blank_page(capsys, tmp_path):
    blank = write_png(tmp_path / "blank.png", np.full((200, 300), 240, np.uint8))
    code, _, err = run(capsys, "preprocess", str(blank), "--out", str(tmp_path / "o.png"))
    assert code == 2 and "No signature" in err


def test_preprocess_bad_arguments(capsys, tmp_path):
    image = write_png(tmp_path / "scan.png", draw_signature())
    code, _, err = run(capsys, "preprocess", str(image), "--out", str(tmp_path / "o.jpg"))
    assert code == 2 and ".png" in err
    code, _, err = run(
        capsys, "preprocess", str(image), "--out", str(tmp_path / "o.png"), "--size", "big"
    )
    assert code == 2 and "150x220" in err


def test_preprocess_multipage_tiff_notes_first_page(capsys, tmp_path):
    from PIL import Image

    page = Image.fromarray(draw_signature())
    path = tmp_path / "two.tif"
    page.save(path, save_all=True, append_images=[page])
    code, payload, err = run_json(capsys, "preprocess", str(path), "--out", str(tmp_path / "o.png"))
    assert code == 0 and "2 pages" in err and "2 pages" in payload["warnings"][0]


def test_dataset_check_json(capsys, tmp_path):
    root = write_synthetic_dataset(tmp_path / "synth", writers=3, genuine=3, forged=2)
    (root / "writer001" / "genuine" / "g02.png").write_bytes(b"broken")
    code, payload, _ = run_json(capsys, "dataset", "check", str(root))
    assert code == 0
    assert payload["layout"] == "folders"
    assert (payload["writers"], payload["genuine"], payload["forged"]) == (3, 9, 6)
    assert len(payload["problems"]) == 1
    problem = payload["problems"][0]
    assert problem["severity"] == "error" and problem["path"].endswith("g02.png")


def test_dataset_check_text_and_no_images(capsys, tmp_path):
    root = write_synthetic_dataset(tmp_path / "synth", writers=2, genuine=2, forged=0)
    (root / "writer000" / "genuine" / "g01.png").write_bytes(b"broken")
    code, out, _ = run(capsys, "dataset", "check", str(root), "--no-images")
    assert code == 0
    assert "folders layout" in out and "writers: 2 (2 usable)" in out and "genuine: 4" in out
    assert "No forgeries" in out and "broken" not in out  # images not opened


def test_dataset_check_bad_folder(capsys, tmp_path):
    code, payload, err = run_json(capsys, "dataset", "check", str(tmp_path / "nope"))
    assert code == 2 and "does not exist" in payload["error"] and "does not exist" in err


def test_dataset_split_json(capsys, tmp_path):
    root = write_synthetic_dataset(tmp_path / "synth", writers=10, genuine=2, forged=0)
    code, payload, _ = run_json(capsys, "dataset", "split", str(root), "--seed", "1")
    assert code == 0 and payload["seed"] == 1
    parts = [set(payload[k]) for k in ("train", "validation", "test")]
    assert sum(len(p) for p in parts) == 10 and len(set.union(*parts)) == 10


def test_dataset_synth(capsys, tmp_path):
    code, payload, _ = run_json(
        capsys,
        "dataset",
        "synth",
        str(tmp_path / "s"),
        "--writers",
        "2",
        "--genuine",
        "3",
        "--forged",
        "1",
    )
    assert code == 0 and (payload["genuine"], payload["forged"]) == (6, 2)
    assert len(list((tmp_path / "s").rglob("*.png"))) == 8
    code, _, err = run(capsys, "dataset", "synth", str(tmp_path / "t"), "--writers", "0")
    assert code == 2 and "at least 1" in err


def test_unexpected_error_exits_1_and_is_logged(capsys, monkeypatch, isolated_home, tmp_path):
    def broken(_args):
        raise RuntimeError("boom")

    from sigverify.cli import data_commands

    monkeypatch.setattr(data_commands, "cmd_dataset_synth", broken)
    code, _, err = run(capsys, "dataset", "synth", str(tmp_path / "x"))
    assert code == 1 and "Internal error" in err and "boom" in err
    log = isolated_home / "logs" / "sigverify-cli.log"
    assert "RuntimeError: boom" in log.read_text()
