"""The desktop app's entry point (``sigverify-gui``).

Until the app's pages land this opens a placeholder window that says so. Qt is
imported inside functions so that ``import sigverify.gui.app`` stays cheap.
"""

from __future__ import annotations

import sys

from sigverify import __version__


def create_main_window():
    """Build (but do not show) the main window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMainWindow

    class MainWindow(QMainWindow):
        def __init__(self) -> None:
            super().__init__()
            self.setWindowTitle(self.tr("sigverify {version}").format(version=__version__))
            label = QLabel(
                self.tr(
                    "<h2>sigverify</h2>"
                    "<p>The enrolment and verification screens are being built.</p>"
                    "<p>Meanwhile the <b>sigverify</b> command line does it all: train and "
                    "evaluate models, enrol people, verify signatures and check the audit log. "
                    "Run <tt>sigverify --help</tt> to start.</p>"
                )
            )
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setMargin(24)
            self.setCentralWidget(label)
            self.resize(640, 420)

    return MainWindow()


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(
        sys.argv if argv is None else ["sigverify-gui", *argv]
    )
    app.setApplicationName("sigverify")
    app.setApplicationVersion(__version__)
    window = create_main_window()
    window.show()
    return app.exec()
