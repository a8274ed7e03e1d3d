"""The app with a tiny model, and dialogs that answer without a person."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sigverify.core.model_settings import ACTIVE_MODEL_SETTING
from sigverify.core.store import Store


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The app's English, as it starts (its plurals: "1 reference", "3 references")."""
    from sigverify.gui.language import install_english

    install_english(qapp)


@dataclass
class Dialogs:
    """What the app asked and showed; ``answer`` is what every question gets."""

    answer: bool = True
    choice: int | None = 0  # what every several-answer question gets (None: Cancel)
    errors: list = field(default_factory=list)
    error_titles: list = field(default_factory=list)  # each error box's title (None: the app's)
    questions: list = field(default_factory=list)
    infos: list = field(default_factory=list)
    options: list = field(default_factory=list)  # the answers each several-answer question offered
    titles: list = field(default_factory=list)  # each question's title
    yes: list = field(default_factory=list)  # each yes-or-no question's yes button


@pytest.fixture
def dialogs(monkeypatch):
    from sigverify.gui import dialogs as module

    seen = Dialogs()

    def show_error(parent, error, title=None):
        seen.errors.append(error)
        seen.error_titles.append(title)

    def ask(parent, title, text, yes=None):
        seen.titles.append(title)
        seen.questions.append(text)
        seen.yes.append(yes)
        return seen.answer

    def choose(parent, title, text, options):
        seen.titles.append(title)
        seen.questions.append(text)
        seen.options.append(options)
        return seen.choice

    monkeypatch.setattr(module, "show_error", show_error)
    monkeypatch.setattr(module, "choose", choose)
    monkeypatch.setattr(module, "ask", ask)
    monkeypatch.setattr(module, "show_info", lambda parent, title, text: seen.infos.append(text))
    return seen


@pytest.fixture
def beeps(monkeypatch):
    """The app's warning sounds (QApplication.beep), one True each."""
    from PySide6.QtWidgets import QApplication

    heard = []
    monkeypatch.setattr(QApplication, "beep", lambda: heard.append(True))
    return heard


def wait_idle(qtbot, engine, timeout=30000):
    qtbot.waitUntil(lambda: engine.pending == 0, timeout=timeout)


@pytest.fixture
def window(qtbot, tiny_model_dir, dialogs):
    """The main window on a fresh store whose active model is the tiny test model, shown
    and with the model loaded."""
    from sigverify.gui.main_window import close_main_window, create_main_window

    with Store() as store:
        store.set_setting(ACTIVE_MODEL_SETTING, str(tiny_model_dir), "test")
    main = create_main_window(threads=1)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.engine.model is not None, timeout=30000)
    wait_idle(qtbot, main.engine)
    yield main
    close_main_window(main)


@pytest.fixture
def two_people(qtbot, window, tmp_path):
    """The main window with c-1 and c-2 enrolled, 5 synthetic references each."""
    from tests.conftest import signature_file
    from tests.gui.test_app import enrol

    enrol(qtbot, window, "c-1", [signature_file(tmp_path, 1, i) for i in range(5)])
    enrol(qtbot, window, "c-2", [signature_file(tmp_path, 2, i) for i in range(5)])
    window.verify_page.refresh()
    return window


def keep_found_signature(monkeypatch, pixels) -> None:
    """Crop from page… opens a cropper in which the clerk keeps the signature found:
    ``pixels``, cut from the page it was opened on ("<page>-crop.png")."""
    import sigverify.gui.crop as crop_module
    from sigverify.core.imaging.imageio import encode_png
    from sigverify.core.verification_results import SignatureInput

    class FakeCrop:
        def __init__(self, path, parent=None, data=None, folder=""):
            self.signature = SignatureInput(
                f"{path.name}-crop.png", encode_png(pixels), cut_from_page=True, folder=folder
            )

        def exec(self):
            return True

    monkeypatch.setattr(crop_module, "CropDialog", FakeCrop)
