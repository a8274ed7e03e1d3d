"""``sigverify-gui --selftest``: prove an installation works, without touching user data.

In a temporary folder: load the active model (or the bundled default), enrol the bundled
synthetic sample, verify a genuine and a forged query, then open the main window offscreen,
let it load the model in its worker, and close it. Prints one line; exit code 0 only if
every step passed.
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path

from sigverify import __version__


def _check_engine(folder: Path) -> str:
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.paths import resource_path
    from sigverify.core.store import Store
    from sigverify.core.thresholds import ACCEPT, REJECT, REVIEW
    from sigverify.core.verification import VerificationService
    from sigverify.core.verification_results import SignatureInput

    with Store(folder / "selftest.sqlite3") as store:
        model = load_for_inference(active_model_dir(store))
        sample = resource_path("selftest")
        references = sorted(sample.glob("reference-*.png"))
        if len(references) < 3:
            raise RuntimeError(f"the bundled sample is missing ({sample})")
        service = VerificationService(store, model, operator="selftest")
        service.enroll("selftest", [SignatureInput.from_path(p) for p in references])
        started = time.perf_counter()
        genuine = service.verify("selftest", SignatureInput.from_path(sample / "query-genuine.png"))
        elapsed_ms = 1000 * (time.perf_counter() - started)
        forged = service.verify("selftest", SignatureInput.from_path(sample / "query-forged.png"))
        for result in (genuine, forged):
            if result.decision not in (ACCEPT, REVIEW, REJECT) or not math.isfinite(result.score):
                raise RuntimeError(f"verification gave no usable answer ({result.to_dict()})")
        ok, _ = store.verify_audit_chain()
        if not ok:
            raise RuntimeError("the audit log chain does not verify")
        pen = _check_pen_model(store)
    return (
        f"model {model.card.name}, verify {elapsed_ms:.0f} ms, genuine {genuine.decision} "
        f"({genuine.score:.3f}), forged {forged.decision} ({forged.score:.3f}), {pen}"
    )


def _check_pen_model(store) -> str:
    """The pen model (pad-drawn signatures) loads and scores a synthetic trajectory."""
    from sigverify.core.active_model import load_pen_scorer
    from sigverify.core.data.synthetic import genuine_signature, writer_style

    scorer = load_pen_scorer(store)
    if scorer is None:
        return "no pen model"
    style = writer_style(3)
    trajectories = [genuine_signature(style, i).trajectory for i in range(3)]
    scores = scorer.scores(trajectories[0], trajectories[1:])
    if not all(math.isfinite(v) for v in scores.values()):
        raise RuntimeError(f"the pen model gives no usable scores ({scores})")
    return f"pen model {scorer.card.name} ({' + '.join(sorted(scores))})"


def _check_window(folder: Path, timeout_s: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    from sigverify.gui.main_window import close_main_window, create_main_window

    app = QApplication.instance() or QApplication(["sigverify-gui", "--selftest"])
    window = create_main_window(store_path=folder / "window.sqlite3", load_model=False)
    errors = []
    window.engine.load_model(None, on_error=errors.append)
    window.show()
    deadline = time.monotonic() + timeout_s
    while window.engine.model is None and not errors and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.close()
    close_main_window(window)
    if errors:
        raise errors[0]
    if window.engine.model is None:
        raise RuntimeError(f"the window did not load the model within {timeout_s:.0f} s")


def _check_store_driver() -> str:
    """The driver of a shared store loads (psycopg with its own libpq, and TLS): a bundle
    that left part of it out would only fail at a branch that uses a server."""
    import ssl  # noqa: F401 - psycopg needs it; a build that drops it breaks shared stores

    import psycopg

    version = psycopg.pq.version()
    return f"shared-store driver {psycopg.pq.__impl__} (libpq {version // 10000}.{version % 100})"


def run_selftest() -> tuple[bool, str]:
    """``(passed, one line)``."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, none shown
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sigverify-selftest-") as temp:
        folder = Path(temp)
        previous = os.environ.get("SIGVERIFY_HOME")
        os.environ["SIGVERIFY_HOME"] = str(folder / "home")  # never the user's data
        step = "verify"
        try:
            summary = _check_engine(folder)
            step = "shared-store driver"
            summary += ", " + _check_store_driver()
            step = "window"
            _check_window(folder)
        except Exception as error:  # noqa: BLE001 - reported on the one line
            reason = str(error) or repr(error)  # some errors carry no message
            return False, f"sigverify {__version__} selftest FAILED at {step}: {reason}"
        finally:
            if previous is None:
                os.environ.pop("SIGVERIFY_HOME", None)
            else:
                os.environ["SIGVERIFY_HOME"] = previous
    seconds = time.perf_counter() - started
    return True, (
        f"sigverify {__version__} selftest passed in {seconds:.1f} s: {summary}, window ok; "
        f"{_build_summary()}"
    )


def _build_summary() -> str:
    """Whether this is a build that trains, and whether verifying loaded torch (it must
    not: verification runs on ONNX Runtime)."""
    from sigverify.core.build_variant import can_train
    from sigverify.core.memory import peak_rss_mb

    training = "training available" if can_train() else "desk build (no training)"
    torch = "loaded" if "torch" in sys.modules else "not loaded"
    return f"peak memory {peak_rss_mb():.0f} MB; {training}, torch {torch}"


def main() -> int:
    passed, line = run_selftest()
    if sys.stdout is not None:  # a windowed executable on Windows has no console
        print(line, flush=True)
    from sigverify.gui.dialogs import setup_logging

    setup_logging()
    import logging

    logging.getLogger("sigverify.selftest").info(line)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
