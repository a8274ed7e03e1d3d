"""The About box: the version, the active model with its measured accuracy in plain words,
the advice to keep a person in the loop, and where the store, data and logs are. Its texts
keep the main window's translation context, where they were first written."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sigverify import __version__
from sigverify.core.paths import user_data_dir, user_log_dir
from sigverify.gui.widgets import accuracy_text


def about_html(info, store_location: str) -> str:
    """The About text for the active model ``info`` (a :class:`ModelInfo`, None while none
    is loaded) and the store at ``store_location``."""
    lines = [
        QCoreApplication.translate("MainWindow", "<h3>sigverify {version}</h3>").format(
            version=__version__
        ),
        QCoreApplication.translate(
            "MainWindow", "<p>Offline handwritten-signature verification.</p>"
        ),
    ]
    if info is not None:
        card = info.card
        lines.append(
            QCoreApplication.translate(
                "MainWindow", "<p><b>Model:</b> {name} ({device})</p>"
            ).format(name=card.name, device=info.device)
        )
        summary = accuracy_text(card)
        if summary:
            lines.append(f"<p>{summary}</p>")
    lines.append(
        QCoreApplication.translate(
            "MainWindow",
            "<p><b>Treat “accept” as “looks consistent”</b> and keep a person in the "
            "loop: no model of this kind is accurate enough for unattended decisions.</p>",
        )
    )
    lines.append(
        QCoreApplication.translate(
            "MainWindow",
            "<p><b>Store:</b> {store}<br><b>Data folder:</b> {data}<br>"
            "<b>Log folder:</b> {logs}</p>",
        ).format(store=store_location, data=user_data_dir(), logs=user_log_dir())
    )
    return "".join(lines)


def show_about(parent: QWidget, info, store_location: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("MainWindow", "About sigverify"),
        about_html(info, store_location),
    )
