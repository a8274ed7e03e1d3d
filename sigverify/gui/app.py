"""The desktop app's entry point (``sigverify-gui``).

The window shows at once; the model (ONNX Runtime, no torch) loads afterwards in the worker
thread.
Qt is imported inside functions so that ``import sigverify.gui.app`` stays cheap.
"""

from __future__ import annotations

import sys

from sigverify import __version__

USAGE = """usage: sigverify-gui [--store LOCATION] [--selftest] [--version] [--startup-times]
                     [--help] [Qt options]

Opens the sigverify desktop app: enrol people with reference signatures, verify a
signature against them, tune thresholds, manage and train models.

  --store LOCATION
               open this store: a file, or a shared store's postgresql://ACCOUNT@SERVER/DB
               address (default: the store chosen in the app, else SIGVERIFY_STORE, else
               the store file in the user data folder)
  --selftest   load the model, enrol and verify a bundled sample and open the window
               offscreen, in a temporary folder; prints one line, exit code 0 if all passed
  --version    print the version and exit
  --startup-times
               open the window, print when it was shown and when the model was ready
               (JSON, seconds after SIGVERIFY_LAUNCHED_AT, a time.time() value) and the
               peak memory, and quit;
               bench/startup.py uses it
  --help, -h   print this help and exit

Environment: SIGVERIFY_HOME keeps the store, models and logs under one folder.
The command line tool is `sigverify` (see `sigverify --help`)."""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if "--help" in args or "-h" in args:
        print(USAGE)
        return 0
    if "--selftest" in args:
        from sigverify.gui.selftest import main as selftest

        return selftest()
    if "--version" in args:
        print(f"sigverify {__version__}")
        return 0
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sigverify.gui import dialogs
    from sigverify.gui.language import install_translator
    from sigverify.gui.main_window import close_main_window
    from sigverify.gui.restore_at_start import restore_waiting

    app = QApplication.instance() or QApplication(
        sys.argv if argv is None else ["sigverify-gui", *argv]
    )
    app.setApplicationName("sigverify")
    app.setApplicationVersion(__version__)
    dialogs.setup_logging()
    dialogs.install_excepthook()
    install_translator(app)
    location = store_argument(args)
    restored = restore_waiting(location)  # (a backup chosen to replace the store)
    window = open_window(location)
    if window is None:
        return 1
    if "--startup-times" in args:
        report_startup_times(app, window)
    window.show()
    if restored is not None:
        QTimer.singleShot(0, lambda: restored(window))
    code = app.exec()
    close_main_window(window)
    if argv is None:  # the program itself, not a caller that goes on
        end_process(code)
    return code


def end_process(code: int) -> None:
    """End the program now that the store is closed: logs and output flushed, then out
    without Python's own finalisation, which after a Qt session once in a while crashed in
    a C extension ("Fatal Python error: none_dealloc", seen in a real window once in five
    quits, after everything was saved): a crash report a clerk would see for nothing."""
    import logging
    import os

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


def store_argument(args: list[str]) -> str | None:
    """``--store LOCATION`` from the command line, else the store chosen in the app."""
    from sigverify.gui.shared_store import saved_location

    if "--store" in args and args.index("--store") + 1 < len(args):
        return args[args.index("--store") + 1]
    return saved_location()


def open_window(location: str | None):
    """The main window on the store at ``location``; a shared store's password is asked
    for when its address has none. None (after saying why) when it cannot be opened."""
    from sigverify.core.errors import SigverifyError
    from sigverify.gui import dialogs
    from sigverify.gui.main_window import create_main_window
    from sigverify.gui.shared_store import ask_password, needs_password

    given = location
    while True:
        try:
            return create_main_window(location)
        except SigverifyError as error:  # e.g. the store is locked or from a newer version
            if needs_password(given, error):
                if location != given:  # the password typed was refused: say so, ask again
                    dialogs.show_error(None, error)
                location = ask_password(None, given)
                if location is not None:
                    continue
                return None
            dialogs.show_error(None, error)
            return None


def report_startup_times(app, window) -> None:
    """Print ``{"window_shown_s", "model_ready_s", "peak_rss_mb"}`` (seconds since the
    launch the caller wrote into SIGVERIFY_LAUNCHED_AT) once the model is ready, then quit."""
    import json
    import os
    import time

    from PySide6.QtCore import QTimer

    from sigverify.core.memory import peak_rss_mb

    launched = float(os.environ.get("SIGVERIFY_LAUNCHED_AT", time.time()))
    times = {}

    def mark(name: str) -> None:
        times.setdefault(name, round(time.time() - launched, 3))
        if len(times) == 2:
            times["peak_rss_mb"] = peak_rss_mb()
            print(json.dumps(times), flush=True)
            QTimer.singleShot(0, app.quit)  # after the loading job has finished

    QTimer.singleShot(0, lambda: mark("window_shown_s"))  # the first turn of the event loop
    if window.engine.model is not None:
        QTimer.singleShot(0, lambda: mark("model_ready_s"))
    window.engine.model_changed.connect(lambda _: mark("model_ready_s"))
