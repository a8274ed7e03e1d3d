"""Render the app's windows offscreen to docs/screenshots/*.png (shown in README.md),
plus a picture of what preprocessing does to synthetic signatures.

    python scripts/render_screenshots.py                 # English, docs/screenshots/
    python scripts/render_screenshots.py --language zh_CN  # Chinese, docs/screenshots/zh/
    python scripts/render_screenshots.py --size 1024x700 --out /tmp/shots  # layout check
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sigverify.core.data.synthetic import forged_signature, genuine_signature, writer_style  # noqa: E402
from sigverify.core.imaging.preprocessing import preprocess_signature  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def preprocessing_figure(path: Path) -> None:
    """Synthetic writers: genuine and forged scans, and what the model sees of each."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    writers = (2, 5, 11)
    figure = Figure(figsize=(10, 2.0 * len(writers) + 0.4), dpi=100, layout="constrained")
    axes = figure.subplots(len(writers), 4)
    titles = (
        "genuine: scan",
        "genuine: model sees",
        "skilled forgery: scan",
        "forgery: model sees",
    )
    for row, writer in enumerate(writers):
        style = writer_style(writer)
        images = []
        for sample in (genuine_signature(style, 0), forged_signature(style, 0)):
            images += [sample.image, preprocess_signature(sample.image)]
        for col, image in enumerate(images):
            ax = axes[row, col]
            ax.imshow(image, cmap="gray", vmin=0, vmax=255)
            ax.set_xticks([])
            ax.set_yticks([])
            if row == 0:
                ax.set_title(titles[col], fontsize=10)
        axes[row, 0].set_ylabel(f"writer {writer}", fontsize=10)
    figure.savefig(path)


def wait_for(app, ready, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:  # (a store without what is waited for: it hung)
            raise SystemExit(f"waited {seconds:.0f} s for the app: {ready}")
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def wait_idle(app, engine) -> None:
    wait_for(app, lambda: not engine.pending and engine.model is not None)


def save(widget, name: str) -> None:
    widget.grab().save(str(OUT / name))


def store_menu(app, window) -> None:
    """The store button's menu open over the window (a menu is a window of its own: its
    picture is laid over the window's where it opens), a daily backup folder chosen."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    from sigverify.gui.daily_backup import SETTING
    from sigverify.gui.language import gui_settings

    gui_settings().setValue(SETTING, "/mnt/branch-share/sigverify-backups")
    backups = window.backups
    backups.daily.name_action()
    button, menu = window.store_button, backups.menu
    menu.adjustSize()
    corner = button.mapTo(window, QPoint(0, 0))
    at = QPoint(corner.x() + button.width() - menu.width(), corner.y() - menu.height())
    menu.popup(window.mapToGlobal(at))
    app.processEvents()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(at, menu.grab())
    painter.end()
    menu.hide()
    picture.save(str(OUT / "store_menu.png"))
    gui_settings().setValue(SETTING, "")
    backups.daily.name_action()


def passphrase_dialog(app, window) -> None:
    """The backup passphrase's dialog, its second field mistyped; a person card's, its
    passphrase refused."""
    from sigverify.core.passphrase_rules import passphrase_problem
    from sigverify.gui.backup_passphrase import BackupPassphraseDialog

    dialog = BackupPassphraseDialog(window, False, lambda key: None)
    dialog.new.setText("seven blue kites")
    dialog.again.setText("seven blue kite")
    dialog._say(passphrase_problem(dialog.new.text(), dialog.again.text()), refused=True)
    dialog.show()
    app.processEvents()
    save(dialog, "backup_passphrase.png")
    dialog.close()
    # a person card's: a run of keys refused
    from sigverify.gui.card_passphrase import CardPassphraseDialog

    named = f"{window.store.get_person('C-1042').name} (C-1042)"
    card = CardPassphraseDialog(window, named, "C-1042-card.zip")
    card.passphrase.setText("asdfghjkl1")
    card.again.setText("asdfghjkl1")
    card.protect()
    card.show()
    app.processEvents()
    save(card, "card_passphrase.png")
    card.close()


#: What the sample desk shows, per language: person name, note, verification comment.
SAMPLE_TEXT = {
    "en": ("Maria Souza", "Joint account 55-0192", "Cheque 0815, counter 2"),
    "zh_CN": ("王丽华", "联名账户 55-0192", "支票 0815，2 号柜台"),
}
#: The queue's comment on the rejected cheque it shows chosen, per language.
QUEUE_COMMENT = {
    "en": "Called the customer: cheque 0818 is hers",
    "zh_CN": "已致电客户：支票 0818 确为本人签名",
}


def main(argv: list[str] | None = None) -> int:
    """A throwaway store (SIGVERIFY_HOME in a temporary folder) with one synthetic person,
    the default model, and each page in a typical state."""
    global OUT
    args = sys.argv[1:] if argv is None else argv
    language = args[args.index("--language") + 1] if "--language" in args else "en"
    if language != "en":
        OUT = OUT / language.split("_")[0]
    if "--out" in args:  # e.g. layout checks at other sizes, away from docs/
        OUT = Path(args[args.index("--out") + 1])
    width, height = 1240, 800
    if "--size" in args:
        width, height = (int(v) for v in args[args.index("--size") + 1].split("x"))
    import cv2
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="sigverify-shots-"))
    os.environ["SIGVERIFY_HOME"] = str(work / "home")
    from sigverify.gui.main_window import close_main_window, create_main_window
    from sigverify.gui.pen import DrawDialog

    style = writer_style(7)
    files = []
    for index in range(6):
        path = work / f"maria-{index + 1}.png"
        cv2.imwrite(str(path), genuine_signature(style, index).image)
        files.append(path)
    forged = work / "cheque-0815.png"
    cv2.imwrite(str(forged), forged_signature(style, 1).image)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from sigverify.gui.language import install_translator

    if install_translator(app, language) != language:
        raise SystemExit(f"no translation for {language}")
    person_name, person_note, comment = SAMPLE_TEXT[language]
    window = create_main_window()
    window.resize(width, height)
    window.show()
    wait_idle(app, window.engine)

    people = window.people_page
    people.details.id_edit.setText("C-1042")
    people.details.name_edit.setText(person_name)
    people.details.note_edit.setText(person_note)
    people.drop_area.add_paths(files[:5])
    people.enroll()
    wait_idle(app, window.engine)
    # a desk that backs up (the store button said "not backed up yet" on every page)
    from sigverify.core.operators import operator_name
    from sigverify.core.store_backup import back_up

    back_up(window.store, work / "sigverify-backup.zip", operator_name(window.store))
    window.backups.show_state()
    wait_idle(app, window.engine)
    people.reference_panel.references.setCurrentRow(1)
    people.drop_area.add_paths(files[5:])
    window.nav.setCurrentRow(0)
    app.processEvents()
    save(window, "people.png")

    verify = window.verify_page
    window.nav.setCurrentRow(1)
    verify.choose_person("C-1042")
    verify.drop_area.add_paths([forged])
    verify.verify()
    wait_idle(app, window.engine)
    verify.comment.setText(comment)
    app.processEvents()
    save(window, "verify.png")
    verify.comparison.compare_tabs.setCurrentIndex(1)
    app.processEvents()
    save(window, "verify_overlay.png")
    verify.comparison.show_differences.setChecked(True)
    wait_idle(app, window.engine)
    app.processEvents()
    save(window, "verify_differences.png")
    verify.comparison.show_differences.setChecked(False)
    verify.comparison.compare_tabs.setCurrentIndex(0)

    # a photographed cheque: the crop dialog opens with the signature it found selected
    from sigverify.core.data.synthetic_pages import compose_page
    from sigverify.gui.crop import CropDialog

    cheque = compose_page([genuine_signature(style, 3).image], seed=11, photo=True)
    cheque_path = work / "cheque-photo.jpg"
    cv2.imwrite(str(cheque_path), cv2.cvtColor(cheque.image, cv2.COLOR_RGB2BGR))
    crop = CropDialog(cheque_path, window)
    crop.show()
    app.processEvents()
    save(crop, "crop.png")
    crop.close()

    # its report (recorded first, as Save report and Print do), as a picture of the page
    from sigverify.gui.report_actions import render_report

    verify.record()
    wait_idle(app, window.engine)
    pages_png = []
    render_report(window.engine, verify.result, verify.result_query, verify.audit_row, None,
                  pages_png.append, print)  # fmt: skip
    wait_idle(app, window.engine)
    page = cv2.imdecode(np.frombuffer(pages_png[0], np.uint8), cv2.IMREAD_COLOR)
    page = cv2.resize(page, (827, 1169), interpolation=cv2.INTER_AREA)
    cv2.imwrite(str(OUT / "report.png"), page)

    # a queue of the day's cheques: three of C-1042, one of a person not enrolled
    inbox = work / "inbox"
    (inbox / "C-1042").mkdir(parents=True)
    (inbox / "C-2077").mkdir()
    cv2.imwrite(str(inbox / "C-1042" / "cheque-0816.png"), genuine_signature(style, 8).image)
    cv2.imwrite(str(inbox / "C-1042" / "cheque-0817.png"), genuine_signature(style, 9).image)
    # someone else's signature on C-1042's cheque
    cv2.imwrite(
        str(inbox / "C-1042" / "cheque-0818.png"), genuine_signature(writer_style(9), 2).image
    )
    cv2.imwrite(str(inbox / "C-2077" / "cheque-0822.png"),
                genuine_signature(writer_style(8), 1).image)  # fmt: skip
    queue = window.queue_page
    window.nav.setCurrentRow(window.pages.indexOf(queue))
    queue.add_source(str(inbox))
    wait_idle(app, window.engine)
    waiting = [i for i, row in enumerate(queue.shown) if row.needs_clerk]
    queue.table.selectRow(waiting[0] if waiting else 0)
    queue.comment.setText(QUEUE_COMMENT[language])
    app.processEvents()
    save(window, "queue.png")

    # the clerk accepts an item the machine sent to review or rejected, then opens it on
    # Verify: the clerk's decision in the badge, the machine's under it
    if waiting:
        from sigverify.gui import dialogs

        asking, dialogs.ask = dialogs.ask, lambda *args, **kwargs: True
        try:
            queue.accept_button.click()
            wait_idle(app, window.engine)
        finally:
            dialogs.ask = asking
        queue.filter.setCurrentIndex(queue.filter.findData("all"))
        settled = [i for i, row in enumerate(queue.shown) if row.settled == "accept"]
        if settled:
            queue.open_item(settled[0])
            wait_idle(app, window.engine)
            app.processEvents()
            save(window, "verify_clerk.png")

    window.thresholds_page.person.choose("C-1042")  # (nobody is chosen at first)
    pages = (
        (window.thresholds_page, "thresholds"),
        (window.models_page, "models"),
        (window.train_page, "train"),
    )
    for page, name in pages:
        window.nav.setCurrentRow(window.pages.indexOf(page))
        app.processEvents()
        if page is window.thresholds_page:  # its plots, drawn once it shows
            wait_for(app, lambda: window.thresholds_page.tabs.count() == 3)
        save(window, f"{name}.png")
    window.nav.setCurrentRow(window.pages.indexOf(window.audit_page))
    wait_idle(app, window.engine)
    window.audit_page.check_chain()
    wait_idle(app, window.engine)
    app.processEvents()
    save(window, "audit.png")
    store_menu(app, window)
    passphrase_dialog(app, window)
    window.nav.setCurrentRow(window.pages.indexOf(window.thresholds_page))
    window.thresholds_page.tabs.setCurrentIndex(2)  # the DET curve
    app.processEvents()
    save(window, "thresholds_det.png")
    window.thresholds_page.tabs.setCurrentIndex(0)
    from sigverify.core.data.synthetic import write_synthetic_dataset

    data = write_synthetic_dataset(work / "our-scans", writers=16, genuine=6, forged=3)
    # a short run (few steps) so the pictures come quickly; real runs use the defaults
    wizard = window.train_page.open_wizard({"steps_per_epoch": 6}, show=False)
    wizard.show()
    wizard.data_page.load(str(data))
    wait_for(app, wizard.data_page.isComplete)
    save(wizard, "wizard_data.png")
    wizard.next()
    wizard.options_page.epochs.setValue(3)
    wizard.options_page.size.setCurrentIndex(1)
    app.processEvents()
    save(wizard, "wizard_options.png")
    wizard.next()
    wait_for(app, wizard.training_page.isComplete)
    save(wizard, "wizard_training.png")
    wizard.next()
    wait_for(app, wizard.evaluation_page.isComplete)
    app.processEvents()
    save(wizard, "wizard_evaluation.png")
    wizard.done(0)  # closed without saving, unasked (a person is asked to drop the model)

    dialog = DrawDialog(window)
    dialog.resize(640, 300)
    dialog.show()
    canvas = dialog.canvas
    sample = genuine_signature(style, 0).trajectory
    x, y = sample[:, 0], sample[:, 1]
    scale = min(480 / max(np.ptp(x), 1), 150 / max(np.ptp(y), 1))
    for i, (px, py, pressure, _) in enumerate(sample):
        point = QPointF(40 + (px - x.min()) * scale, 40 + (py - y.min()) * scale)
        if pressure <= 0:
            canvas.pen_up(point)
        elif i == 0 or sample[i - 1, 2] <= 0:
            canvas.pen_down(point, float(pressure))
        else:
            canvas.pen_move(point, float(pressure))
    app.processEvents()
    save(dialog, "draw.png")
    dialog.close()

    # a person enrolled on a signature pad, and a pad-drawn query: both kinds of evidence
    from sigverify.core.data.pen_files import render_trajectory
    from sigverify.core.imaging.imageio import encode_png
    from sigverify.core.verification_results import SignatureInput

    def pad(writer_style_, index, make=genuine_signature):
        trajectory = make(writer_style_, index).trajectory
        name = f"pad-{index + 1}.sig"
        return SignatureInput(name, encode_png(render_trajectory(trajectory)), trajectory)

    pad_style = writer_style(19)
    verify.recorded = True  # the sample verification is not for an audit log: no question
    window.nav.setCurrentRow(0)
    people.adding.clear()
    people.new_person()
    people.details.id_edit.setText("P-2207")
    people.adding.add([pad(pad_style, i) for i in range(5)])
    people.enroll()
    wait_idle(app, window.engine)
    window.nav.setCurrentRow(1)
    verify.choose_person("P-2207")
    verify.set_query([pad(pad_style, 7)])
    verify.verify()
    wait_idle(app, window.engine)
    app.processEvents()
    save(window, "verify_pad.png")
    window.nav.setCurrentRow(window.pages.indexOf(window.models_page))
    for model in window.models_page.models:
        if model.card.input == "pen":
            window.models_page.select(model.path)
    app.processEvents()
    save(window, "models_pen.png")

    verify.recorded = True  # the sample verification is not for an audit log: no question
    window.close()
    close_main_window(window)
    if language == "en":
        preprocessing_figure(OUT / "preprocessing.png")
    (OUT / "main_window.png").unlink(missing_ok=True)
    shutil.rmtree(work, ignore_errors=True)  # the throwaway store (each run left one)
    print(f"wrote {sorted(p.name for p in OUT.glob('*.png'))} to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
