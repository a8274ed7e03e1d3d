"""The training wizard, end to end on synthetic signatures with a tiny network."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from sigverify.core.data.datasets import write_template_folder
from sigverify.core.data.synthetic import write_synthetic_dataset
from sigverify.core.errors import DatasetError
from sigverify.core.model.card import read_card
from sigverify.core.paths import training_runs_dir
from sigverify.core.training.config import estimate_seconds
from sigverify.gui.widgets import duration
from tests.conftest import draw_signature, write_png
from tests.gui.conftest import wait_idle

TINY = {
    "encoder_config": {"width": 8, "embedding_dim": 16},
    "preprocess": {"height": 48, "width": 72},
    "steps_per_epoch": 4,
    "batch_size": 16,
    "validation_refs": 3,
}


def start(qtbot, window, tmp_path, overrides=TINY, writers=12):
    data = write_synthetic_dataset(tmp_path / "data", writers=writers, genuine=5, forged=2)
    wizard = window.train_page.open_wizard(dict(overrides), show=False)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.data_page
    page.load(str(data))
    qtbot.waitUntil(page.isComplete, timeout=30000)
    return wizard


def fits_its_screen(wizard) -> bool:
    """The wizard, and the least size of the page it shows, fit its screen's free height
    less a title bar, its buttons inside it (it opened 680 points high on a 1366 x 768
    laptop at 125 %, 614 free, Next and Cancel below the screen's edge: a real-window
    pass)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    from sigverify.gui.panes import TITLE_BAR_ROOM

    QApplication.processEvents()
    room = wizard.screen().availableGeometry().height() - TITLE_BAR_ROOM
    cancel = wizard.button(QWizard.WizardButton.CancelButton)
    bottom = cancel.mapTo(wizard, QPoint(0, cancel.height())).y()
    return wizard.height() <= room and wizard.minimumSize().height() <= room >= bottom


def a_long_run_past_its_first_epoch(qtbot, window, tmp_path):
    """The wizard and its training page, a run of 60 epochs started and its first epoch
    ended (a model to keep)."""
    wizard = start(qtbot, window, tmp_path, {**TINY, "patience": 100})
    wizard.next()
    wizard.options_page.epochs.setValue(60)
    wizard.next()
    training = wizard.training_page
    qtbot.waitUntil(lambda: len(training.history) >= 1, timeout=120000)
    return wizard, training


def read_in_the_wizard(qtbot, window, root):
    """The wizard, its data page after reading and checking ``root``, and the problems it
    lists."""
    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    page = wizard.data_page
    page.load(str(root))
    qtbot.waitUntil(lambda: page.checked, timeout=30000)
    return wizard, page, [page.problems.item(i).text() for i in range(page.problems.count())]


def test_wizard_trains_compares_saves_and_activates(qtbot, window, dialogs, tmp_path, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    # a 1366 x 768 laptop at 125 %, less a task bar: 1093 x 590 points free
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1093, 590))
    wizard = start(qtbot, window, tmp_path)
    assert fits_its_screen(wizard)
    assert wizard.data_page.writers.rowCount() == 12
    qtbot.waitUntil(lambda: wizard.data_page.checked, timeout=30000)
    problems = wizard.data_page.problems
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "Only 12 usable people: 50 or more are recommended. A model trained on fewer may fit "
        "these people only, and its test figures rest on very few."
    ]  # ("None" was said: seen in a real window)
    assert wizard.data_page.summary.text() == (
        "12 people (12 usable), 60 genuine and 24 forged signatures (sigverify's own layout)."
    )  # ("folders layout", the CLI's name, was shown: a real-window pass)
    wizard.next()
    options = wizard.options_page
    options.validation.setValue(20)
    options.test.setValue(20)
    options.epochs.setValue(2)
    assert options.split_label.text() == (
        "People for training: 8, for validation: 2, for testing: 2"
    )
    assert "min on this computer (CPU)" in options.estimate.text()
    # the button that starts the run says so (a "Next" started 37 minutes of training)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.text() == "Start &training"
    assert fits_its_screen(wizard)
    wizard.next()
    training = wizard.training_page
    assert next_button.text() != "Start &training"  # the other pages' Next is Next
    qtbot.waitUntil(training.isComplete, timeout=120000)
    assert [h["epoch"] for h in training.history] == [1, 2]
    assert training.canvas is not None and "epoch 2: loss" in training.log.toPlainText()
    # named as said to a person ("a cnn model (contrastive loss)" was shown, Chinese too)
    assert "  Training a CNN model (contrastive loss) into " in training.log.toPlainText()
    assert training.status.text().startswith("Done: best epoch")
    # the active model's card says it trained on one of these test people: said, as the
    # comparison favours it (a CEDAR writer the default model trained on: seen)
    card = window.engine.model.card
    saved, tested = card.training, [w.id for w in wizard.plan.run.split.test]
    card.training = {"datasets": [{"name": "data", "layout": "folders", "train": tested[:1]}]}
    try:
        wizard.next()
        evaluation = wizard.evaluation_page
        qtbot.waitUntil(evaluation.isComplete, timeout=60000)
    finally:
        card.training = saved
    assert evaluation.verdict.text().endswith(
        f"\ntiny was trained on 1 of these test people ({tested[0]}): the comparison favours it."
    )
    assert evaluation.table.item(0, 0).text().endswith("%")
    assert evaluation.table.item(0, 1).text().endswith("%")  # the active tiny model, same people
    assert "(Test people: 2; " in evaluation.verdict.text()
    assert "cancelled" not in evaluation.verdict.text()
    assert evaluation.plots.count() == 3
    assert fits_its_screen(wizard)
    table = evaluation.table  # its rows fill it: no empty grey row under the last
    assert table.viewport().height() == table.verticalHeader().length()
    # the threshold the FAR and FRR are at, in the table and on each histogram (seen: an
    # EER of 0.0 % beside a FAR of 37.5 % was unexplained)
    assert table.verticalHeaderItem(5).text() == "Threshold"
    new_threshold = wizard.plan.run.test_report.per_refs[evaluation.refs].threshold
    assert table.item(5, 0).text() == f"{new_threshold:.4f}"
    first = evaluation.plots.widget(0).figure.axes[0]
    assert any(f"threshold {new_threshold:.4f}" == t.get_text() for t in first.get_legend().texts)
    wizard.next()
    assert fits_its_screen(wizard)
    # the active model's name, capitals aside: refused, said under the form, typed again
    wizard.save_page.name.setText(" TINY ")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.save_page.status.text() == (
        "A model named “tiny” is on the Models page already: choose another name, so that "
        "results and the audit log tell the two apart."
    )
    assert wizard.saved is None and wizard.isVisible() and not dialogs.questions
    assert wizard.save_page.name.selectedText() == " TINY "
    wizard.save_page.name.setText("branch-7")
    wizard.save_page.description.setPlainText("our own scans")
    # Tab leaves the description (it typed a tab there, and the check box below could not
    # be reached from the keys: seen in a real window), which has a key of its own
    page = wizard.save_page
    assert page.description.tabChangesFocus() and page.activate.text().startswith("&")
    labels = [page.layout().labelForField(f).text() for f in (page.name, page.description)]
    assert all("&" in label for label in labels)
    keys = [t[t.index("&") + 1].lower() for t in (*labels, page.activate.text())]
    wizard_keys = [
        wizard.buttonText(b)[wizard.buttonText(b).index("&") + 1].lower()
        for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton)
        if "&" in wizard.buttonText(b)
    ]
    assert len(set(keys + wizard_keys)) == len(keys + wizard_keys)  # none taken twice
    wizard.save_page.activate.setChecked(True)
    # had it measured worse than the active one, activating it is asked about first
    measured, evaluation.worse = evaluation.worse, (0.167, 0.0)
    dialogs.answer = False  # No: nothing saved, the wizard stays
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert dialogs.questions[-1].startswith(
        "On the test people the new model was not better than the active one (EER 16.7 % "
        "against 0.0 %). Activate it anyway?"
    )
    assert wizard.saved is None and wizard.isVisible()
    evaluation.worse, dialogs.answer = measured, True
    run_folder = wizard.output_dir
    assert (run_folder / "model.safetensors").is_file()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.engine.model.card.name == "branch-7", timeout=30000)
    wait_idle(qtbot, window.engine)
    # saved, the run's working folder goes: each run had left about 11 MB behind
    assert not run_folder.exists() and list(training_runs_dir().iterdir()) == []
    card = read_card(wizard.saved.path)
    assert card.description == "our own scans" and card.metrics["test"]["writers"] == 2
    names = [m.name for m in window.models_page.models]
    assert "branch-7" in names and "tiny" in names  # the previous model stays for rollback
    # (activated too, and said: "Saved …; it is on the Models page." alone was, seen)
    assert window.train_page.result.text() == (
        "Saved “branch-7”; the Models page says how activating it went."
    )
    actions = [e.action for e in window.store.audit_entries()]
    assert "train_model" in actions and actions[-1] == "activate_model"


def test_cancel_mid_training_keeps_the_best_model(qtbot, window, tmp_path):
    wizard, training = a_long_run_past_its_first_epoch(qtbot, window, tmp_path)
    training.toggle_pause()
    assert training.job.paused and training.pause_button.text() == "&Resume"
    # said where the run's state is, not only in the log (seen in a real window)
    assert re.fullmatch(
        r"Paused at epoch \d+ of 60: Resume \(Alt\+R\) goes on\.", training.status.text()
    )
    assert training.time_left.text() == "Paused"
    assert window.busy.isHidden()  # a pause is no work going on (the bar moved: seen)
    # Alt letters (they had none: seen in a real window)
    assert training.pause_button.shortcut().toString() == "Alt+R"
    assert training.cancel_button.shortcut().toString() == "Alt+C"
    training.toggle_pause()
    assert not training.job.paused and training.time_left.text() != "Paused"
    assert not window.busy.isHidden()
    training.cancel()
    # at once: nothing to press again, no time left (they stayed for seconds: seen)
    assert not training.pause_button.isEnabled() and not training.cancel_button.isEnabled()
    assert training.time_left.text() == ""
    assert training.status.text() == "Cancelling: the best model so far is kept and measured…"
    # what the run reports as it ends moves no bar and says no epoch "finished" (after
    # Cancel: "Epoch 2 of 3: finished", the epoch's bar at 100 %, seen in a real window)
    from types import SimpleNamespace

    bar, said = training.epoch_bar.value(), training.status.text()
    ending = dict(step=4, steps=4, fraction=1.0, eta_s=None, epoch=2, epochs=60, loss=None)
    training._report(SimpleNamespace(phase="done", validation_eer=None, **ending))
    assert (training.epoch_bar.value(), training.status.text()) == (bar, said)
    training._report(SimpleNamespace(phase="whiten", validation_eer=None, **ending))
    assert training.epoch_bar.value() == bar
    assert training.status.text() == ("Cancelling: trying the best epoch with whitened embeddings…")
    # a validation running when Cancel came still counts: it may be the epoch kept
    epochs = len(training.history)
    last = {**ending, "epoch": training.history[-1]["epoch"] + 1}
    training._report(SimpleNamespace(phase="validate", validation_eer=0.25, **last))
    assert len(training.history) == epochs + 1 and training.history[-1]["validation_eer"] == 0.25
    assert training.epoch_bar.value() == bar
    qtbot.waitUntil(training.isComplete, timeout=60000)
    result = wizard.plan.run.result
    assert result.stopped == "cancelled" and result.epochs_run < 60
    assert (result.model_dir / "model.safetensors").is_file()
    assert training.status.text().startswith(
        f"Cancelled after {result.epochs_run} of 60 epochs; the best model so far is kept. "
        "Kept: best epoch "
    )
    assert training.epoch_label.text() == "This epoch"
    wizard.next()  # the results say the model measured is a cut-short run's (unsaid: seen)
    evaluation = wizard.evaluation_page
    qtbot.waitUntil(evaluation.isComplete, timeout=60000)
    assert evaluation.verdict.text().endswith(
        f"\nTraining was cancelled after {result.epochs_run} of 60 epochs: this is the model "
        f"of epoch {result.best_epoch}, the best by then."
    )
    wizard.back()
    # reading is not an epoch: its bar is named so (81 % "this epoch" while reading: seen)
    training._report(SimpleNamespace(phase="reading", part="test", step=78, steps=96))
    assert training.epoch_label.text() == "Reading"
    assert training.status.text() == "Reading the test signatures… 78 / 96"


def test_after_a_run_back_trains_again_or_keeps_the_model_and_closing_asks(
    qtbot, window, dialogs, tmp_path
):
    """Seen in a real window: Back was open while training ran (the options page took
    changes the run ignored); after Cancel training, Back, a new number of epochs and Next
    showed the old run; and Escape after training dropped the model unasked."""
    wizard = start(qtbot, window, tmp_path, {**TINY, "patience": 100})
    wizard.next()
    wizard.options_page.epochs.setValue(60)
    wizard.next()
    training = wizard.training_page
    back = wizard.button(QWizard.WizardButton.BackButton)
    assert training.job is not None and not back.isEnabled()  # no Back while it runs
    qtbot.waitUntil(lambda: len(training.history) >= 1, timeout=120000)
    training.cancel()
    qtbot.waitUntil(training.isComplete, timeout=60000)
    assert back.isEnabled()
    first = wizard.plan.run
    wizard.back()
    wizard.options_page.epochs.setValue(2)
    dialogs.choice = None  # Cancel: stays on the options, nothing dropped
    wizard.next()
    assert wizard.currentPage() is wizard.options_page and wizard.plan.run is first
    assert dialogs.questions[-1].startswith("A model was trained already (best epoch ")
    dialogs.choice = 1  # keep it: the old run, as it was
    wizard.next()
    assert wizard.currentPage() is training and wizard.plan.run is first
    assert training.job is None and wizard.plan.config.epochs == 60
    wizard.back()
    dialogs.choice = 0  # train again, with 2 epochs
    first_folder = wizard.output_dir
    wizard.next()
    assert training.job is not None and wizard.plan.run is None
    assert wizard.plan.config.epochs == 2 and training.history == []
    assert "epoch 1: loss" not in training.log.toPlainText()  # the old run's log is gone
    qtbot.waitUntil(training.isComplete, timeout=120000)
    assert wizard.plan.run is not first and [h["epoch"] for h in training.history] == [1, 2]
    assert not first_folder.exists() and wizard.output_dir.is_dir()  # the dropped run's
    asked = len(dialogs.questions)
    dialogs.answer = False  # closing: the model is not saved, so it is asked
    wizard.reject()
    assert wizard.isVisible() and len(dialogs.questions) == asked + 1
    assert dialogs.questions[-1].startswith("The model trained here is not saved")
    dialogs.answer = True
    second_folder = wizard.output_dir
    wizard.reject()
    assert not wizard.isVisible() and wizard.saved is None
    wait_idle(qtbot, window.engine)
    assert not second_folder.exists()  # dropped: its folder goes too


def test_cancelled_before_the_first_epoch_says_nothing_was_kept(qtbot, window, dialogs, tmp_path):
    """Seen in a real window: the log said "the best model so far is kept" beside "no model
    was saved", with both bars at 100 %; cancelled while reading, it said "Training failed"
    in an error box."""
    wizard = start(qtbot, window, tmp_path, {**TINY, "patience": 100})
    wizard.next()
    wizard.next()
    training = wizard.training_page
    training.cancel()  # at once: while the signatures are read
    wait_idle(qtbot, window.engine, timeout=60000)
    assert wizard.plan.run is None and not training.isComplete()
    assert dialogs.errors == []  # not a failure
    assert training.status.text() == (
        "Cancelled while reading the signatures. Nothing was trained. Go back to start again."
    )
    log = training.log.toPlainText()
    assert "Cancelling…" in log and "kept" not in log
    assert log.rstrip().endswith("Nothing was trained. Go back to start again.")
    assert training.epoch_bar.value() == training.total_bar.value() == -1  # empty


def test_closing_the_wizard_while_training_asks(qtbot, window, dialogs, tmp_path):
    wizard = start(qtbot, window, tmp_path, {**TINY, "patience": 100})
    wizard.next()
    wizard.options_page.epochs.setValue(60)
    wizard.next()
    dialogs.answer = False
    wizard.reject()
    assert wizard.isVisible() and dialogs.questions
    dialogs.answer = True
    qtbot.waitUntil(lambda: len(wizard.training_page.history) >= 1, timeout=120000)
    running_in = wizard.output_dir
    assert (running_in / "model.safetensors").is_file()  # written at the first epoch
    wizard.reject()
    wait_idle(qtbot, window.engine, timeout=60000)
    assert not wizard.isVisible() and wizard.saved is None
    assert not running_in.exists()  # removed once the run had stopped writing there


def test_people_whose_files_are_not_images_are_not_counted_usable(qtbot, window, tmp_path):
    """Seen in a real window: "3 people (3 usable)" beside 9 "not an image" errors, Next
    on, and training failed with the "did not expect" box."""
    root = tmp_path / "text"
    for person in ("p1", "p2", "p3", "p4"):
        for i in range(3):
            (root / person / "genuine").mkdir(parents=True, exist_ok=True)
            (root / person / "genuine" / f"{i}.png").write_text("not a picture")
    _, page, problems = read_in_the_wizard(qtbot, window, root)
    assert "4 people (0 usable)" in page.summary.text()
    assert problems[-1] == (
        "At least 4 usable people are needed: 2 to train on, and 1 each for validation and "
        "test, kept apart; 0 found."
    )
    assert not page.isComplete()


def test_a_folder_with_problems_lists_them_and_cannot_go_on(qtbot, window, tmp_path):
    root = tmp_path / "mixed"
    for i in range(3):
        write_png(root / "anna" / "genuine" / f"{i}.png", draw_signature())
    (root / "anna" / "genuine" / "broken.png").write_bytes(b"\x89PNG not really")
    write_png(root / "ben" / "genuine" / "0.png", draw_signature())
    write_png(root / "cara" / "genuine" / "0.png", np.full((120, 240), 240, np.uint8))
    write_png(root / "cara" / "genuine" / "1.png", draw_signature())
    wizard, page, problems = read_in_the_wizard(qtbot, window, root)
    text = "\n".join(problems)
    assert "ben has only one genuine signature" in text
    assert "No forgeries were found" in text
    assert "broken.png" in text  # unreadable file, found by reading every image
    assert "(cara/genuine/0.png)" in text  # cara's blank page, named with whose it is
    assert "At least 4 usable people are needed" in text
    assert not page.isComplete()
    # long messages wrap in the list instead of running off its right edge (they were cut
    # mid-word with a scroll bar to read the rest, seen in a real window)
    wizard.resize(900, 600)
    wizard.show()
    qtbot.waitUntil(lambda: page.problems.isVisible())
    assert page.problems.horizontalScrollBar().maximum() == 0


def test_tab_leaves_the_wizards_tables(qtbot, window, tmp_path):
    """Seen in a real window: Tab went round the cells of the data page's table of people
    and never out of it, so Next could only be reached by Alt+N."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView

    wizard = start(qtbot, window, tmp_path)
    window.activateWindow()
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    table = wizard.data_page.writers
    assert table.rowCount() == 12
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentCell(0, 0)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # on to the next control
    # and no other table of the wizard or the window keeps Tab to itself
    views = [*wizard.findChildren(QAbstractItemView), *window.findChildren(QAbstractItemView)]
    traps = [v for v in views if v.tabKeyNavigation() and v.isEnabled()]
    assert [type(v).__name__ for v in traps] == []


def test_the_augmentation_slider_shows_its_value(qtbot, window):
    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    options = wizard.options_page
    assert options.augment_value.text() == f"{options.augment.value()} %"
    options.augment.setValue(80)
    assert options.augment_value.text() == "80 %"


def test_a_folder_that_is_not_data_says_what_is_expected(qtbot, window, tmp_path):
    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    (tmp_path / "holiday").mkdir()
    wizard.data_page.load(str(tmp_path / "holiday"))
    assert "<writer>/genuine/" in wizard.data_page.summary.text()
    assert not wizard.data_page.isComplete()


def test_a_folder_typed_says_how_it_is_read(qtbot, window, tmp_path):
    """Seen in a real window: a path typed did nothing until Enter, and Next stayed greyed
    with no word why."""
    from PySide6.QtCore import Qt

    data = write_synthetic_dataset(tmp_path / "data", writers=4, genuine=3, forged=1)
    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    page = wizard.data_page
    qtbot.keyClicks(page.folder, str(data))
    assert page.summary.text() == "Press Enter to read this folder."
    qtbot.keyClick(page.folder, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.summary.text().startswith("4 people"), timeout=30000)


def test_template_folder_explains_the_layout(tmp_path):
    root = write_template_folder(tmp_path / "new")
    assert (root / "writer-01" / "genuine").is_dir() and (root / "writer-02" / "forged").is_dir()
    assert "<person>/genuine/" in (root / "README.txt").read_text()
    with pytest.raises(DatasetError, match="not empty"):
        write_template_folder(root)


def test_training_stages_are_told_in_the_users_words(qtbot, window):
    """Core's progress messages are English; the wizard words each stage itself (tr)."""
    from sigverify.core.training.engine import TrainingProgress

    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    page = wizard.training_page

    def text(phase, eer=None):
        progress = TrainingProgress(phase=phase, epoch=2, epochs=5, step=4, steps=4)
        progress.validation_eer = eer
        progress.message = "core's own words"
        return page._stage_text(progress)

    assert text("train") == "training"
    assert text("validate") == "measuring on the validation people"
    assert text("validate", 0.125) == "validation EER 12.5 %"
    assert text("whiten") == "trying the best epoch with whitened embeddings"
    assert text("done") == "finished"
    assert all("core's" not in text(p) for p in ("train", "validate", "whiten", "done"))


def test_in_the_desk_build_the_train_page_says_where_training_is(qtbot, window, monkeypatch):
    from sigverify.gui import train_page

    assert window.train_page.start_button.isEnabled()  # torch is installed here
    monkeypatch.setattr(train_page, "can_train", lambda: False)
    page = train_page.TrainPage(window.engine, window.train_page.store, window.models_page)
    qtbot.addWidget(page)
    assert not page.start_button.isEnabled()
    assert "need the full build of sigverify" in page.result.text()


def test_fine_tuning_an_ensemble_trains_its_kind_of_network(qtbot, window, tmp_path, monkeypatch):
    """The shipped default is an ensemble of two CNNs: choosing "Fine-tune the active model"
    left the encoder box blank (no "ensemble" item) and training refused the model."""
    wizard = start(qtbot, window, tmp_path)
    wizard.next()
    options = wizard.options_page
    card = window.engine.model.card
    monkeypatch.setattr(card, "encoder", "ensemble")
    monkeypatch.setattr(card, "encoder_config", {"members": [{"encoder": "cnn", "config": {}}] * 2})
    command = "sigverify train --loss triplet --mining batch-hard"  # the default's recipe
    monkeypatch.setattr(card, "training", {"ensemble_of": [{"command": command}] * 2})
    assert options.loss.currentData() == "contrastive"  # the box's default
    options.encoder.setCurrentIndex(options.encoder.findData("tdnn"))
    options.device.setCurrentIndex(options.device.findData("cpu"))
    options.epochs.setValue(40)
    wizard.overrides["steps_per_epoch"] = 500  # long enough for the times to differ
    options.finetune.setChecked(True)
    assert options.encoder.currentData() == "cnn" and not options.encoder.isEnabled()
    # both networks train at every step: twice one CNN's time
    one, two = (estimate_seconds("cnn", (48, 72), 40, 500, False, n) for n in (1, 2))
    assert two == pytest.approx(2 * one) and duration(one) != duration(two)
    assert f"At most about {duration(two)} on this computer (CPU)" in options.estimate.text()
    config = options.config()
    assert config.encoder == "cnn" and config.init_from == str(window.engine.model.path)
    assert options.loss.currentData() == config.loss == "triplet"  # the model's own loss
    # the size is the model's own (48 x 72 here), an item added once however often chosen
    assert options.size.currentData() == (48, 72) and not options.size.isEnabled()
    options.scratch.setChecked(True)  # back: the choices made before fine-tuning return
    assert options.encoder.currentData() == "tdnn" and options.encoder.isEnabled()
    assert options.loss.currentData() == "contrastive"
    assert options.size.currentData() == (150, 220) and options.size.isEnabled()
    options.finetune.setChecked(True)
    options.scratch.setChecked(True)
    options.finetune.setChecked(True)
    assert options.size.count() == 3 and options.size.currentData() == (48, 72)
    # a model of the default size takes the default's item (it had a second one)
    monkeypatch.setitem(card.preprocess, "height", 150)
    monkeypatch.setitem(card.preprocess, "width", 220)
    options.scratch.setChecked(True)
    options.finetune.setChecked(True)
    assert options.size.count() == 3 and options.size.currentIndex() == 0


def test_next_shows_a_frame_only_when_it_has_the_focus(qtbot, window, tmp_path):
    """Seen in a real window: Next, Qt's default button, was drawn with the focus frame
    whether the focus was in a field or on Next, so Tab on to it showed nothing. Now it is
    framed only while it has the focus, bold always, and still the default button."""
    from sigverify.gui.keyboard import move_focus

    wizard = start(qtbot, window, tmp_path)
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isDefault() or next_button.autoDefault()
    assert next_button.font().bold()
    assert not wizard.button(QWizard.WizardButton.CancelButton).font().bold()

    highlight = next_button.palette().highlight().color().rgb()

    def framed() -> bool:  # the frame's pixels, not the whole button: the wizard may
        # still be settling its size under load (a whole-image comparison failed in CI)
        qtbot.wait(50)
        image = next_button.grab().toImage()
        middle = range(image.width() // 3, 2 * image.width() // 3)
        return all(image.pixel(x, y) == highlight for x in middle for y in (0, 1))

    def top_edge(button) -> int:
        image = button.grab().toImage()
        return image.pixel(image.width() // 2, 0)

    field = wizard.data_page.writers
    move_focus(field, keyboard=True)  # as Tab does
    qtbot.waitUntil(field.hasFocus)
    assert not framed()
    # drawn as any other button (Cancel), not with Fusion's default-button outline
    assert top_edge(next_button) == top_edge(wizard.button(QWizard.WizardButton.CancelButton))
    move_focus(next_button, keyboard=True)
    qtbot.waitUntil(next_button.hasFocus)
    assert framed()
    move_focus(field, keyboard=True)
    qtbot.waitUntil(field.hasFocus)
    assert not framed()
    assert next_button.isDefault()  # what Enter in a field presses: only its look changed


@pytest.mark.parametrize("keyboard", [True, False])
def test_back_from_the_wizard_the_focus_frame_stays(qtbot, window, keyboard):
    """Seen in a real window: after closing the wizard by keyboard nothing in the main
    window showed the focus (Qt forgot that the keyboard was in use while the wizard was in
    front), nor in the wizard as it opened; a mouse user's windows are left as they were."""
    from PySide6.QtCore import Qt

    from sigverify.gui.keyboard import keyboard_in_use

    page = window.train_page
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.isVisible)
    page.start_button.setFocus(Qt.FocusReason.TabFocusReason)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, keyboard)
    if keyboard:
        qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    else:  # (a key pressed is keyboard use)
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.isVisible)
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    qtbot.wait(50)
    assert keyboard_in_use(wizard) is keyboard  # its first field framed at once (seen)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.wait(50)
    assert window.focusWidget() is page.start_button
    assert keyboard_in_use(window) is keyboard


def test_the_wizard_imports_torch_while_its_first_page_is_read(qtbot, window, monkeypatch):
    """Seen in a real window: Next from the first page stalled about 5 s with no sign of
    work while the options page imported torch. The wizard starts that import at once."""
    import sigverify.gui.train_wizard as train_wizard

    started = []
    monkeypatch.setattr(train_wizard, "import_in_background", started.append)
    wizard = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(wizard)
    assert started == ["torch"]


def test_import_in_background_imports_the_module(tmp_path, monkeypatch):
    import sys

    from sigverify.gui.train_wizard import import_in_background

    (tmp_path / "slow_to_import.py").write_text("import time\ntime.sleep(0.2)\nVALUE = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_to_import", raising=False)
    thread = import_in_background("slow_to_import")
    assert thread.is_alive()  # the caller goes on meanwhile
    thread.join(timeout=10)
    assert sys.modules["slow_to_import"].VALUE == 7


def test_return_in_the_folder_field_reads_the_folder_and_stays_to_show_what_it_found(
    qtbot, window, tmp_path
):
    """Seen in a real window: with Next on from the folder before, a new folder typed and
    Return read it and went on to the options at once, past the problems it found."""
    wizard = start(qtbot, window, tmp_path, writers=5)
    page = wizard.data_page
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    other = tmp_path / "other"
    for person in ("p1", "p2", "p3"):
        write_png(other / person / "genuine" / "0.png", draw_signature())
    page.folder.setFocus()
    page.folder.selectAll()
    qtbot.keyClicks(page.folder, str(other))
    assert not page.isComplete()  # what is typed is not what was read
    assert page.summary.text() == "Press Enter to read this folder."
    qtbot.keyClick(page.folder, Qt.Key.Key_Return)
    assert wizard.currentPage() is page  # it stays, to show what the folder holds
    qtbot.waitUntil(lambda: page.checked, timeout=30000)
    assert not page.isComplete() and "3 people (0 usable)" in page.summary.text()
    # Return on the same folder reads it again: files added on disk since are seen (the
    # old listing went on: seen in a real window); typed back to it, its counts are shown
    write_png(other / "p4" / "genuine" / "0.png", draw_signature())
    qtbot.keyClicks(page.folder, "x")
    qtbot.keyClick(page.folder, Qt.Key.Key_Backspace)
    assert "3 people (0 usable)" in page.summary.text()
    qtbot.keyClick(page.folder, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.checked, timeout=30000)
    assert wizard.currentPage() is page and "4 people (0 usable)" in page.summary.text()
    page.folder.setText(str(tmp_path / "data") + "/")  # the first folder again, a / added
    page.load(page.folder.text())
    qtbot.waitUntil(page.isComplete, timeout=30000)


def test_too_few_people_is_the_only_problem_said_not_beside_none(qtbot, window, tmp_path):
    """Seen in a real window: "None" on the line above "At least 4 usable people…"."""
    root = tmp_path / "three"
    for person in ("p1", "p2", "p3"):
        for i in range(2):
            write_png(root / person / "genuine" / f"{i}.png", draw_signature())
        write_png(root / person / "forged" / "0.png", draw_signature())
    _, _, problems = read_in_the_wizard(qtbot, window, root)
    assert problems == [
        "At least 4 usable people are needed: 2 to train on, and 1 each for validation and "
        "test, kept apart; 3 found."
    ]


def test_a_clerk_verifies_and_records_while_a_training_runs_or_is_paused(qtbot, window, tmp_path):
    """Seen in a real window: a verification during a training said "Checking…" until the
    training ended, and one during a pause would have waited for the resume. The training
    yields: the check and its record run between its steps, and while it is paused."""
    from tests.conftest import signature_file
    from tests.gui.test_app import enrol

    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(4)], name="Ana")
    wizard, training = a_long_run_past_its_first_epoch(qtbot, window, tmp_path)
    verify = window.verify_page
    panel = verify.comparison
    panel.compare_tabs.setCurrentIndex(1)  # the overlay, where they differ worked out too
    panel.show_differences.setChecked(True)
    for paused in (False, True):
        if paused:
            training.toggle_pause()
        verify.choose_person("c-1")
        verify.drop_area.add_paths([signature_file(tmp_path, 1, 5 + paused)])
        verify.verify()
        qtbot.waitUntil(lambda: verify.result is not None, timeout=30000)
        # the desk's own work for the result (references drawn, where they differ, the
        # hourly look at the last backup) runs between the steps too: as ordinary jobs,
        # each held the record behind it until the training's end (review)
        window.backups.show_state()
        verify.record_button.click()
        qtbot.waitUntil(lambda: verify.recorded, timeout=30000)
        qtbot.waitUntil(lambda: panel.explanation is not None, timeout=30000)
        assert panel.explanation[0] is verify.result
        assert training.job is not None and training.job.paused == paused  # still training
    assert len(window.store.audit_entries("c-1", action="verify")) == 2
    # anything else waits for the training's end, and so does a verification asked for
    # after it (it must see the change): the status bar says so (unsaid, an enrolment
    # seemed to hang)
    ran = []
    window.engine.submit(lambda context, job: ran.append(True))  # (paused: runs at once)
    qtbot.waitUntil(lambda: ran == [True], timeout=30000)
    assert training.job.paused and window.statusBar().currentMessage() == ""
    training.toggle_pause()  # going on: a change waits for its end, checks after it too
    window.engine.submit(lambda context, job: ran.append("change"))
    assert window.statusBar().currentMessage() == (
        "Your change waits for the training (Train page) to end; so do checks after it."
    )
    verify.choose_person("c-1")
    verify.drop_area.add_paths([signature_file(tmp_path, 1, 7)])
    verify.verify()
    assert verify.hint.text() == (
        "Checking… after a change asked for before it, which waits for the training (Train "
        "page) to end. Pausing or stopping it lets both run now."
    )
    training.toggle_pause()  # paused: both run now (an enrolment held every check: seen)
    qtbot.waitUntil(lambda: verify.result is not None, timeout=30000)
    assert ran == [True, "change"] and training.job is not None
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=10000)
    training.cancel()
    qtbot.waitUntil(lambda: training.job is None, timeout=60000)
    wait_idle(qtbot, window.engine)


def test_the_train_page_shows_the_wizard_open_rather_than_a_second(qtbot, window):
    """The status bar sends people to the Train page to pause a training, whose window
    holds it; the page's button opened a second wizard, which would train behind the
    first."""
    page = window.train_page
    first = page.open_wizard(dict(TINY))
    qtbot.addWidget(first)
    assert page.start_button.text() == "Show the training wizard (open in its own window)"
    assert page.open_wizard(dict(TINY)) is first and first.isVisible()
    first.reject()  # closed (nothing running): the button opens a new one again
    qtbot.waitUntil(lambda: page.start_button.text() == "Start the training wizard…")
    second = page.open_wizard(dict(TINY))
    qtbot.addWidget(second)
    assert second is not first
    second.reject()


def test_the_wizard_is_a_window_of_its_own(qtbot, window):
    """As a dialog of the main window it stayed above it (covering it at 1366 x 768), and
    minimising it hid sigverify whole (seen in a real window)."""
    wizard = window.train_page.open_wizard(dict(TINY))
    qtbot.addWidget(wizard)
    assert wizard.parent() is None and wizard.isWindow() and wizard.isVisible()
    assert wizard.windowHandle().transientParent() is None
    wizard.reject()


def test_quitting_asks_about_a_model_trained_and_not_saved_in_the_wizard(
    qtbot, window, dialogs, tmp_path
):
    """The wizard closed with the main window without a word: a model trained for hours
    and not saved was dropped (and its run's folder left behind)."""
    wizard = start(qtbot, window, tmp_path)
    wizard.next()
    wizard.options_page.epochs.setValue(1)
    wizard.next()
    qtbot.waitUntil(wizard.training_page.isComplete, timeout=120000)
    wait_idle(qtbot, window.engine)
    run = wizard.output_dir
    assert run.is_dir() and wizard.saved is None
    asked = len(dialogs.questions)
    dialogs.answer = False  # stay: both windows as they were
    window.close()
    assert dialogs.questions[asked:] == [
        "The model trained in the training wizard is not saved to your models. Quit "
        "sigverify and drop it?"
    ]
    assert dialogs.yes[-1] == "&Drop it and quit"
    assert window.isVisible() and wizard.isVisible() and run.is_dir()
    dialogs.answer = True
    window.close()
    assert not window.isVisible() and not wizard.isVisible()
    wait_idle(qtbot, window.engine)
    assert not run.exists()  # dropped, as said: its folder goes too


def test_quitting_during_a_training_asks_once_and_stops_it(qtbot, window, dialogs, tmp_path):
    """The training is asked about as the wizard's, not also as "Work is still running"."""
    wizard, training = a_long_run_past_its_first_epoch(qtbot, window, tmp_path)
    job = training.job
    asked = len(dialogs.questions)
    dialogs.answer = False
    window.close()
    assert dialogs.questions[asked:] == [
        "Training is running. Stop it and quit sigverify? Nothing is saved to your models."
    ]
    assert dialogs.yes[-1] == "&Stop and quit"
    assert window.isVisible() and wizard.isVisible() and not job.cancelled
    # other work too: that is asked first, then the training
    window.engine.submit(lambda context, job: None)
    dialogs.answer = True
    window.close()
    assert dialogs.questions[asked + 1].startswith("Work is still running")
    assert dialogs.questions[asked + 2].startswith("Training is running. Stop it and quit")
    assert job.cancelled and not window.isVisible() and not wizard.isVisible()
    wait_idle(qtbot, window.engine, timeout=60000)


def test_quitting_stops_the_training_only_once_sigverify_closes(qtbot, window, dialogs, tmp_path):
    """A later question (a result come in meanwhile) may keep sigverify open: the training
    went on only if nothing had stopped it yet (a review found it stopped at the first
    question). Then closing removes the run's folder even with the worker stopped before
    its turn (each run quit during its training left about 11 MB)."""
    from sigverify.gui.main_window import close_main_window

    wizard, training = a_long_run_past_its_first_epoch(qtbot, window, tmp_path)
    job, run = training.job, wizard.output_dir
    dialogs.answer = True
    assert wizard.may_close(quitting=True) and not job.cancelled  # asked, nothing stopped
    window.close()
    assert job.cancelled and not wizard.isVisible() and wizard.left_run == run
    close_main_window(window)  # at once, as the app does: the worker stops first
    assert not run.exists() and wizard.left_run is None


def test_ctrl_q_in_the_wizards_window_quits_as_from_the_main_window(qtbot, window, dialogs):
    """The wizard, a window of its own, has the focus as it opens: Ctrl+Q did nothing there
    (seen in a real window)."""
    wizard = window.train_page.open_wizard(dict(TINY))
    qtbot.addWidget(wizard)
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not wizard.isVisible() and dialogs.questions == []  # nothing to ask about


def test_the_next_run_starts_with_the_settings_of_the_last_one(qtbot, window, tmp_path):
    """Each run started at the recommended settings: a technical user comparing runs set
    the encoder, loss, size and epochs again each time. The last run's are offered, and a
    button sets the recommended ones back."""
    from sigverify.gui.language import gui_settings
    from sigverify.gui.train_wizard.options_page import RECOMMENDED, REMEMBERED

    wizard = start(qtbot, window, tmp_path)
    wizard.next()
    options = wizard.options_page
    assert options.choices() == RECOMMENDED  # at first
    assert RECOMMENDED["encoder"] == "cnn" and RECOMMENDED["size"] == [150, 220]
    options.validation.setValue(20)
    options.test.setValue(25)
    options.encoder.setCurrentIndex(options.encoder.findData("tdnn"))
    options.loss.setCurrentIndex(options.loss.findData("triplet"))
    options.size.setCurrentIndex(1)  # 100 x 150
    options.epochs.setValue(7)
    options.augment.setValue(30)
    options.device.setCurrentIndex(options.device.findData("cpu"))
    chosen = options.choices()
    assert chosen == {"validation": 20, "test": 25, "encoder": "tdnn", "loss": "triplet",
                      "size": [100, 150], "epochs": 7, "augment": 30, "device": "cpu"}  # fmt: skip
    # fine-tuning shows the model's own encoder, loss and size; what is kept is the choice
    # for a run from scratch
    options.finetune.setChecked(True)
    assert options.choices() == chosen
    options.scratch.setChecked(True)
    assert options.validatePage()  # "Start training": the settings are kept
    data = wizard.plan.dataset.root
    wizard.close()
    again = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(again)
    assert again.options_page.choices() == chosen
    # the data folder too, offered to be read again (typed or browsed to each time: a
    # real-window pass): Enter reads it
    page = again.data_page
    assert page.folder.text() == str(data) and again.plan.dataset is None
    assert page.summary.text() == "Press Enter to read this folder."
    assert not page.isComplete()
    qtbot.keyClick(page.folder, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=30000)
    assert again.plan.dataset.root == data
    # the button sets the recommended ones back, also from fine-tuning
    again.options_page.finetune.setChecked(True)
    again.options_page.recommended.click()
    assert again.options_page.choices() == RECOMMENDED
    assert again.options_page.scratch.isChecked()
    # a setting not understood (edited by hand, another version) leaves the recommended
    gui_settings().setValue(REMEMBERED, '{"epochs": "many", "encoder": "rnn", "size": [1, 2]}')
    third = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(third)
    assert third.options_page.choices() == RECOMMENDED
    gui_settings().setValue(REMEMBERED, "not json")
    fourth = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(fourth)
    assert fourth.options_page.choices() == RECOMMENDED
    # a folder gone since is not offered
    gui_settings().setValue(REMEMBERED, '{"data": "/nowhere/at/all"}')
    fifth = window.train_page.open_wizard(dict(TINY), show=False)
    qtbot.addWidget(fifth)
    assert fifth.data_page.folder.text() == "" and fifth.data_page.summary.text() == ""


def test_a_gpu_chosen_last_time_is_chosen_again(qtbot, window, tmp_path, monkeypatch):
    """The GPU is offered only once the page shows (the remembered choice came back as
    Automatic: a review)."""
    import json

    import torch

    from sigverify.gui.language import gui_settings
    from sigverify.gui.train_wizard.options_page import REMEMBERED

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda _index=0: "Test GPU")
    gui_settings().setValue(REMEMBERED, json.dumps({"device": "cuda", "epochs": 9}))
    wizard = start(qtbot, window, tmp_path)
    wizard.next()
    options = wizard.options_page
    assert options.device.currentData() == "cuda" and options.device.currentText() == (
        "GPU: Test GPU"
    )
    assert options.epochs.value() == 9
