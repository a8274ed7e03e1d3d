"""sigverify batch verify: the summary, exit codes, resuming, Ctrl-C."""

from __future__ import annotations

import csv
import os
import signal

import pytest

from sigverify.cli.batch_commands import _StopOnInterrupt
from tests.cli.test_store_commands import run, run_json
from tests.conftest import signature_file


@pytest.fixture
def desk(tmp_path, tiny_model_dir, capsys):
    store = tmp_path / "store.sqlite3"
    assert run(capsys, "models", "activate", tiny_model_dir, "--store", store)[0] == 0
    for writer in (1, 2):
        refs = [signature_file(tmp_path / "refs", writer, i) for i in range(3)]
        code, _, _ = run(capsys, "enroll", "--person", f"P{writer}", *refs, "--store", store)
        assert code == 0
    inbox = tmp_path / "inbox"
    signature_file(inbox / "P1", 1, 7)
    signature_file(inbox / "P2", 2, 7)
    signature_file(inbox / "P2", 2, 1, forged=True)
    return {"store": store, "inbox": inbox, "out": tmp_path / "results.csv"}


def test_a_folder_is_checked_and_a_rerun_skips_it(desk, capsys):
    argv = ("batch", "verify", desk["inbox"], "--out", desk["out"], "--store", desk["store"])
    code, summary, _ = run_json(capsys, *argv)
    assert code == 0
    assert summary["items"] == 3 and summary["checked"] == 3 and summary["skipped"] == 0
    assert sum(summary["decisions"].values()) == 3 and summary["errors"] == []
    assert summary["queries_per_s"] > 0 and summary["cancelled"] is False
    with desk["out"].open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["person"], r["image"]) for r in rows] == [
        ("P1", "P1/w1_g7.png"),
        ("P2", "P2/w2_f1.png"),
        ("P2", "P2/w2_g7.png"),
    ]
    decisions = {"accept": 0, "review": 0, "reject": 0}
    for row in rows:
        decisions[row["decision"]] += 1
    assert decisions == summary["decisions"]

    code, again, _ = run_json(capsys, *argv)
    assert code == 0 and again["skipped"] == 3 and again["checked"] == 0

    code, out, _ = run(capsys, "audit", "--store", desk["store"], "--person", "P2")
    assert out.count("verify") >= 2  # each check of P2 is in the audit log


def test_rows_that_fail_are_listed_and_the_exit_code_says_so(desk, capsys, tmp_path):
    items = tmp_path / "items.csv"
    items.write_text("person,image\nP1,inbox/P1/w1_g7.png\nP7,inbox/P1/w1_g7.png\n")
    code, out, _ = run(
        capsys, "batch", "verify", items, "--out", desk["out"], "--store", desk["store"]
    )
    assert code == 2
    assert "Checked 1 of 2 items" in out and "1 item could not be checked" in out
    assert "row 2: P7 inbox/P1/w1_g7.png: " in out and "P7" in out.splitlines()[-1]


def test_a_list_without_the_columns_is_a_clear_error(desk, capsys, tmp_path):
    items = tmp_path / "items.csv"
    items.write_text("customer,scan\nP1,x.png\n")
    code, _, err = run(
        capsys, "batch", "verify", items, "--out", desk["out"], "--store", desk["store"]
    )
    assert code == 2 and "“person” column" in err and not desk["out"].exists()


def test_the_first_ctrl_c_asks_to_stop_and_the_second_stops_at_once(capsys):
    with _StopOnInterrupt() as interrupt:
        os.kill(os.getpid(), signal.SIGINT)
        assert interrupt.requested
        assert "Ctrl-C again" in capsys.readouterr().err
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_the_progress_bar_shows_the_time_left_from_the_pace_so_far(monkeypatch):
    import io

    from sigverify.cli import common

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    clock = iter([100.0, 130.0])  # started at 100 s; 10 of 40 done at 130 s
    monkeypatch.setattr(common.time, "perf_counter", lambda: next(clock))
    stream = Terminal()
    bar = common.ProgressBar("Verifying", stream=stream, time_left=True)
    bar(10, 40)
    assert stream.getvalue() == "\rVerifying [#######-----------------------] 10/40, 1m30s left"


def test_a_summary_report_is_written_beside_the_results(desk, capsys, tmp_path):
    argv = ("batch", "verify", desk["inbox"], "--out", desk["out"], "--store", desk["store"])
    code, _, _ = run(capsys, *argv, "--report", tmp_path / "summary.pdf")
    assert code == 0 and (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF-")


def test_a_report_or_results_file_that_cannot_be_written_is_refused_before_checking(
    desk, capsys, tmp_path
):
    argv = ("batch", "verify", desk["inbox"], "--store", desk["store"])
    code, _, err = run(capsys, *argv, "--out", desk["out"], "--report", tmp_path / "no" / "x.pdf")
    assert code == 2 and "cannot be written" in err and not desk["out"].exists()
    code, _, err = run(capsys, *argv, "--out", tmp_path)  # a folder
    assert code == 2 and "cannot be used" in err
    (tmp_path / "latin1.csv").write_bytes("person,image\nP\xe9,x\n".encode("latin-1"))
    code, _, err = run(capsys, *argv, "--out", tmp_path / "latin1.csv")
    assert code == 2 and "latin1.csv" in err
