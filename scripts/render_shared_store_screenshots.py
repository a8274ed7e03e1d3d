"""Render the app on a shared store offscreen: a clerk's Thresholds page (what is for
supervisors kept disabled, the role in the status bar) and a second supervisor's Approvals
dialog, to docs/screenshots/ (``--language zh_CN``: docs/screenshots/zh/). It starts a
throwaway PostgreSQL server as the tests do (PostgreSQL's programs must be installed).

    python scripts/render_shared_store_screenshots.py [--language zh_CN]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from postgres_server import PostgresServer, _bindir  # noqa: E402
from render_screenshots import SAMPLE_TEXT, wait_idle  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    language = args[args.index("--language") + 1] if "--language" in args else "en"
    out = ROOT / "docs" / "screenshots" / ("" if language == "en" else language.split("_")[0])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sigverify-shared-shots-"))
    os.environ["SIGVERIFY_HOME"] = str(work / "home")

    import cv2
    from PySide6.QtWidgets import QApplication

    from sigverify.core.data.synthetic import genuine_signature, writer_style
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.model_settings import ACTIVE_MODEL_SETTING
    from sigverify.core.paths import bundled_models_dir
    from sigverify.core.store import Store
    from sigverify.core.store.postgres import init_postgres
    from sigverify.core.verification import VerificationService
    from sigverify.core.verification_results import SignatureInput
    from sigverify.gui.language import install_translator
    from sigverify.gui.main_window import close_main_window, create_main_window
    from sigverify.gui.shared_store import ApprovalsDialog

    server = PostgresServer(_bindir())
    try:
        database = server.new_database()
        init_postgres(server.url(database))
        for name, role in (("ann", "clerk"), ("bo", "supervisor"), ("cy", "supervisor")):
            server.login(name, f"sigverify_{role}")
        model_dir = bundled_models_dir() / "default"
        person_name, person_note, _ = SAMPLE_TEXT[language]
        with Store(server.url(database)) as store:
            store.set_setting(ACTIVE_MODEL_SETTING, str(model_dir), "admin")
        style = writer_style(7)
        signatures = [
            SignatureInput(
                f"maria-{i + 1}.png",
                cv2.imencode(".png", genuine_signature(style, i).image)[1].tobytes(),
            )
            for i in range(5)
        ]
        with Store(server.url(database, "ann")) as store:
            service = VerificationService(store, load_for_inference(model_dir))
            service.enroll("C-1042", signatures, person_name, person_note)
        with Store(server.url(database, "bo")) as store:
            store.set_person_thresholds("C-1042", 0.35, 0.55, "bo")
            store.delete_person("C-1042", "bo")

        app = QApplication.instance() or QApplication(sys.argv[:1])
        if install_translator(app, language) != language:
            raise SystemExit(f"no translation for {language}")
        clerk = create_main_window(server.url(database, "ann"))
        clerk.resize(1240, 800)
        clerk.show()
        wait_idle(app, clerk.engine)
        clerk.nav.setCurrentRow(3)  # Thresholds
        clerk.thresholds_page.refresh()
        wait_idle(app, clerk.engine)
        app.processEvents()
        clerk.grab().save(str(out / "shared_clerk.png"))
        close_main_window(clerk)

        supervisor = create_main_window(server.url(database, "cy"))
        supervisor.resize(1240, 800)
        supervisor.show()
        wait_idle(app, supervisor.engine)
        dialog = ApprovalsDialog(supervisor.engine, supervisor.store, supervisor)
        dialog.resize(900, 320)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / "approvals.png"))
        dialog.close()
        close_main_window(supervisor)
    finally:
        server.stop()
    print(f"wrote shared_clerk.png and approvals.png to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
