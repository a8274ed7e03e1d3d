from __future__ import annotations

from sigverify import __version__
from sigverify.gui.app import create_main_window


def test_main_window_opens_with_title_and_message(qtbot, tmp_path):
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"sigverify {__version__}"
    text = window.centralWidget().text()
    assert "sigverify --help" in text
    shot = window.grab()
    assert shot.width() >= 600 and shot.height() >= 400
    assert shot.save(str(tmp_path / "main.png"))
