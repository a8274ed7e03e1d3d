"""The CLI on a store shared through a PostgreSQL server: setting it up, desks enrolling
and verifying under their own accounts, and a second supervisor's approval."""

from __future__ import annotations

import json

from sigverify import cli
from tests.conftest import signature_file


def run_json(capsys, *argv):
    code = cli.main([str(a) for a in argv] + ["--json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_desks_share_one_store_and_a_second_supervisor_approves(
    capsys, tmp_path, postgres_server, tiny_model_dir
):
    database = postgres_server.new_database()
    admin = postgres_server.url(database)
    code, setup, _ = run_json(capsys, "store", "init-postgres", admin)
    assert code == 0 and setup["version_before"] == 0
    assert setup["roles"] == ["sigverify_clerk", "sigverify_supervisor"]
    for name, role in (("desk_ann", "clerk"), ("desk_bo", "supervisor"), ("desk_cy", "supervisor")):
        postgres_server.login(name, f"sigverify_{role}")
    ann, bo, cy = (postgres_server.url(database, n) for n in ("desk_ann", "desk_bo", "desk_cy"))

    code, _, err = run_json(capsys, "models", "activate", tiny_model_dir, "--store", ann)
    assert code != 0 and "clerk" in err  # a clerk does not switch models
    code, _, _ = run_json(capsys, "models", "activate", tiny_model_dir, "--store", admin)
    assert code == 0

    refs = [signature_file(tmp_path, 1, i) for i in range(3)]
    code, _, err = run_json(capsys, "enroll", "--person", "c-1", *refs, "--store", ann,
                            "--operator", "someone-else")  # fmt: skip
    assert code == 0, err
    code, result, _ = run_json(
        capsys, "verify", "--person", "c-1", signature_file(tmp_path, 1, 7), "--store", ann
    )
    assert code in (0, 1) and result["decision"] in ("accept", "review", "reject")
    code, settings, _ = run_json(capsys, "settings", "--store", ann)
    assert (settings["role"], settings["operator"]) == ("clerk", "desk_ann")
    assert settings["operator_source"] == "database account"
    code, _, err = run_json(capsys, "settings", "--store", ann, "--set-operator", "x")
    assert code != 0 and "database account" in err

    code, _, err = run_json(
        capsys,
        "thresholds",
        "--person",
        "c-1",
        "--accept",
        "0.2",
        "--reject",
        "0.4",
        "--store",
        ann,
    )
    assert code != 0 and "changing thresholds is for a supervisor" in err
    code, asked, _ = run_json(
        capsys, "thresholds", "--person", "c-1", "--accept", "0.2", "--reject", "0.4", "--store", bo
    )
    assert code == 0 and asked["action"] == "set_thresholds"
    code, listed, _ = run_json(capsys, "store", "pending", "--store", cy)
    assert [c["id"] for c in listed["changes"]] == [asked["pending_change"]]
    code, _, err = run_json(capsys, "store", "approve", asked["pending_change"], "--store", bo)
    assert code != 0 and "another supervisor" in err
    code, decided, _ = run_json(capsys, "store", "approve", asked["pending_change"], "--store", cy)
    assert code == 0 and (decided["status"], decided["decided_by"]) == ("approved", "desk_cy")
    code, people, _ = run_json(capsys, "people", "--store", ann)
    assert people["people"][0]["accept_threshold"] == 0.2

    code, audit, _ = run_json(capsys, "audit", "--store", admin)
    rows = [(e["operator"], e["action"]) for e in audit["log"]]
    assert ("desk_ann", "enroll") in rows and ("desk_ann", "verify") in rows
    assert rows[-2:] == [("desk_bo", "request_change"), ("desk_cy", "set_thresholds")]
    code, checked, _ = run_json(capsys, "audit", "verify", "--store", admin)
    assert code == 0

    card = tmp_path / "c-1.zip"  # a card with thresholds, imported by a supervisor
    code, _, _ = run_json(capsys, "export", "--person", "c-1", "--out", card, "--store", ann)
    # (moved: a card of someone still enrolled here is refused, their images being here)
    code, _, _ = run_json(capsys, "remove", "--person", "c-1", "--yes", "--store", admin)
    assert code == 0
    code, _, err = run_json(capsys, "import", card, "--as", "c-7", "--store", ann)
    assert code != 0 and "importing a person card is for a supervisor" in err
    code, imported, _ = run_json(capsys, "import", card, "--as", "c-7", "--store", bo)
    assert code == 0 and imported["references"] == 3 and "pending_change" in imported
    code, people, _ = run_json(capsys, "people", "--store", ann)
    (c7,) = [p for p in people["people"] if p["id"] == "c-7"]
    assert c7["accept_threshold"] is None  # the card's thresholds await a second supervisor
