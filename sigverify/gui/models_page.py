"""Models: the installed models with their cards; activate, import, delete."""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.active_model import active_pen_model_dir, offered_models, pen_fusion_note
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.model.card import read_card
from sigverify.core.model.catalog import InstalledModel, delete_model, import_model
from sigverify.core.operators import operator_name
from sigverify.core.store import Store
from sigverify.core.store.records import PendingChange
from sigverify.core.thresholds import card_thresholds, shared_thresholds
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_folder
from sigverify.gui.keyboard import frame_when_focused, move_focus
from sigverify.gui.model_card_view import card_html
from sigverify.gui.panes import WrappedBrowser, two_panes
from sigverify.gui.widgets import RoleButton, share_words, unbroken
from sigverify.gui.workers import Engine

translate = QCoreApplication.translate
MODEL_ROLE = Qt.ItemDataRole.UserRole


# A model measured this much worse (a share of genuine signatures refused, or of skilled
# forgeries let through) than the active one is said so before it is activated.
WORSE_BY = 0.02


def measured_worse(card, active) -> str:
    """Said before ``card`` is activated in place of the ``active`` model's card: how much
    worse its test figures are, when it refuses or lets through :data:`WORSE_BY` more and
    is not that much better at the other; empty when it is not worse (a trade of one for
    the other is a choice of thresholds, not a worse model: a review) or either card has no
    figures. A model that let 7 in 10 skilled forgeries through was activated with no word
    of it (a real-window pass)."""
    from sigverify.core.model.card import accuracy_summary

    new, old = accuracy_summary(card), accuracy_summary(active)
    if new is None or old is None:
        return ""
    changes = (
        new.forgeries_accepted - old.forgeries_accepted,
        new.genuine_refused - old.genuine_refused,
    )
    if max(changes) <= WORSE_BY or min(changes) < -WORSE_BY:
        return ""
    return QCoreApplication.translate(
        "ModelsPage",
        "It measured worse than {active}, each on people it never saw: it lets {accepted} of "
        "skilled forgeries through ({active}: {active_accepted}) and refuses {refused} of "
        "genuine signatures ({active}: {active_refused}).",
    ).format(
        active=unbroken(active.name),
        accepted=share_words(new.forgeries_accepted),
        active_accepted=share_words(old.forgeries_accepted),
        refused=share_words(new.genuine_refused),
        active_refused=share_words(old.genuine_refused),
    )


class ModelsPage(QWidget):
    models_changed = Signal()

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.models: list[InstalledModel] = []
        self._job = None
        self._status_for: Path | None = None  # the model the status line speaks of
        # asked before a switch: may the switch go on now? (the Verify page's result made
        # with the model that is active is recorded or dropped first; then() switches)
        self.before_switch = lambda then: True
        self.list = QListWidget()
        self.list.setWordWrap(True)  # "name (active for pad …, built in)" wraps, not cut off
        # a wrapped entry read as two models (seen in a real window): rows shaded in turn
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda item, _: self._show(item))
        frame_when_focused(self.list)  # its current row's faint box was all (seen)
        self.details = WrappedBrowser()
        frame_when_focused(self.details)  # Tab reaches it (Page Down scrolls the card)
        self.activate_button = RoleButton(self.tr("&Activate"), store, "models")
        self.activate_button.clicked.connect(lambda: self.activate())
        # Enter or a double click on a model activates it, as the button does when it may
        self.list.itemActivated.connect(
            lambda _: self.activate_button.isEnabled() and self.activate()
        )
        self.import_button = QPushButton(self.tr("&Import model folder…"))
        self.import_button.clicked.connect(self.import_folder)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self._job and self._job.cancel())
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.import_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details, 1)
        if self.activate_button.refusal:  # a clerk on a shared store: say why
            note = QLabel(self.activate_button.refusal)
            note.setWordWrap(True)
            right_layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.activate_button)
        right_layout.addLayout(row)
        two_panes(self, left, right, (300, 760))
        # from the list to what acts on the chosen model, then the rest (the card last): Tab
        # went list, Import, the card (no focus frame), and only then Activate
        chain = (self.list, self.cancel_button, self.activate_button, self.delete_button)
        for first, second in pairwise((*chain, self.import_button, self.details)):
            QWidget.setTabOrder(first, second)
        # Ctrl+5 starts the chain at the list (it could land on Import, after which Tab went
        # to the card and out of the page: seen in a real window)
        self.first_field = self.list
        self.engine.model_changed.connect(lambda _: self.refresh())
        self.engine.pen_model_changed.connect(lambda _: self.refresh())
        self.refresh()

    def active_path(self) -> Path | None:
        return self.engine.model_path

    def active_paths(self) -> set[Path]:
        """The active image model and the active pen model (pad signatures)."""
        pen = active_pen_model_dir(self.store)
        return {p.resolve() for p in (self.active_path(), pen) if p is not None}

    def refresh(self) -> None:
        chosen = self.current()
        active_paths = self.active_paths()
        self.models = offered_models(self.store, self.active_path())
        self.list.blockSignals(True)
        self.list.clear()
        names = Counter(model.name for model in self.models)
        for model in self.models:
            # two models of one name (a site's model trained from the default's card name)
            # are told apart by their folders
            name = (
                self.tr("{name} — {folder}").format(name=model.name, folder=model.path.name)
                if names[model.name] > 1
                else model.name
            )
            tags = []
            active = model.path in active_paths
            if model.card.input == "pen":  # two "active" models read as a mistake (seen)
                tags.append(self.tr("active for pad signatures") if active else self.tr("pen"))
            elif active:
                tags.append(self.tr("active"))
            if model.bundled:
                tags.append(self.tr("built in"))
            if tags:  # "name (active, built in)", with the language's own comma and brackets
                # the tags never break apart: a narrow list wraps before the bracket
                tags = self.tr(", ").join(tags).replace(" ", "\u00a0")
                label = self.tr("{name} ({tags})").format(name=name, tags=tags)
            else:
                label = name
            item = QListWidgetItem(label)
            item.setToolTip(
                label
                + (
                    "\n" + self.tr("Judges signatures drawn on a pad, with the image model.")
                    if model.card.input == "pen"
                    else ""
                )
            )
            item.setData(MODEL_ROLE, str(model.path))
            if model.path in active_paths:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if chosen is not None and model.path == chosen.path:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())
        if not self.models:
            self.details.setHtml(
                self.tr(
                    "<p>No model is installed. Import a model folder, or train one "
                    "(Train page or <tt>sigverify train</tt>).</p>"
                )
            )

    def current(self) -> InstalledModel | None:
        item = self.list.currentItem()
        if item is None:
            return None
        path = Path(item.data(MODEL_ROLE))
        return next((m for m in self.models if m.path == path), None)

    def _show(self, item) -> None:
        model = self.current() if item is not None else None
        busy = self._job is not None
        if model is None:
            self.details.clear()
            for button in (self.activate_button, self.delete_button):
                button.setEnabled(False)
            return
        set_here = None
        if model.card.input != "pen":  # (a pen model's are the fused scores' own)
            with suppress(SigverifyError):  # (a shared store's server away: the card alone)
                shared = shared_thresholds(self.store, model.card.model_id, model.card)
                card = card_thresholds(model.card)
                values = [
                    round(v, 4) for v in (shared.accept, shared.reject, card.accept, card.reject)
                ]
                if shared.source == "global" and values[:2] != values[2:]:
                    set_here = shared  # (equal to the card's: nothing to tell)
        active = self.engine.model.model_id if self.engine.model is not None else None
        self.details.setHtml(card_html(model.card, set_here, active))
        if not busy and self._status_for not in (None, model.path):
            # ("X is now active." stayed under another model's card: seen in a real window)
            self.status.clear()
            self._status_for = None
        is_active = model.path in self.active_paths()
        self.activate_button.setEnabled(not is_active and not busy)
        self.delete_button.setEnabled(not is_active and not model.bundled and not busy)

    # ------------------------------------------------------------ actions

    def select(self, path: Path) -> None:
        for row in range(self.list.count()):
            if Path(self.list.item(row).data(MODEL_ROLE)) == Path(path):
                self.list.setCurrentRow(row)

    def activate(self, path: Path | None = None, confirmed: bool = False) -> None:
        """Activate the selected model (or the one at ``path``), asked first unless
        ``confirmed`` (it switched at once, for every desk's next check: seen in a real
        window)."""
        if path:
            self.refresh()
            self.select(path)
        model = self.current()
        # (asked before the questions below: right after one closes, no widget has the focus)
        pressed_here = self.activate_button.hasFocus()
        if model is None:
            return
        question = (
            self.tr("Activate {name}? Signatures drawn on a pad are judged with it from now on.")
            if model.card.input == "pen"
            else self.tr(
                "Activate {name}? Every check from now on uses it, and the stored references "
                "are measured again with it. People's own thresholds set for another model "
                "are not used with it."
            )
        )
        # what it means for pad signatures, asked first (only said after: a real-window pass)
        pad = unbroken(pen_fusion_note(self.store, model.card))  # (names on one line: seen)
        active = self.engine.model.card if self.engine.model is not None else None
        worse = measured_worse(model.card, active) if active and model.card.input != "pen" else ""
        question = join_sentences(question.format(name=unbroken(model.name)), worse, pad)
        if not confirmed and not dialogs.ask(
            self, self.tr("Activate model"), question, self.tr("&Activate")
        ):
            return
        if not self.before_switch(lambda: self.activate(model.path, confirmed=True)):
            return
        if model.card.input == "pen":
            self.status.setText(self.tr("Activating {name}…").format(name=model.name))
        else:
            self.status.setText(
                self.tr("Activating {name}: re-measuring the stored references…").format(
                    name=model.name
                )
            )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        if pressed_here or self.activate_button.hasFocus():  # disabled, it handed the focus
            move_focus(self.cancel_button)  # to the status bar's Operator button (real window)
        self.activate_button.setEnabled(False)

        def progress(done, total):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def done(info):
            self._finish()
            if info is None:
                self.status.setText(self.tr("Cancelled: the previous model stays active."))
            elif isinstance(info, PendingChange):
                self.status.setText(self.tr("The switch waits for another supervisor's approval."))
                dialogs.show_pending(self, info)
            else:
                said = self.tr("{name} is now active.").format(name=info.card.name)
                self.status.setText(join_sentences(said, pen_fusion_note(self.store)))
                self._status_for = model.path
            self.models_changed.emit()

        def failed(error):
            self._finish()
            self.status.setText(self.tr("The previous model stays active."))
            dialogs.show_error(self, error, self.tr("Activate model"))

        self._job = self.engine.load_model(model.path, done, failed, True, progress)

    def _finish(self) -> None:
        self._job = None
        if self.cancel_button.hasFocus():  # hidden: back to the list, not the status bar
            move_focus(self.list)
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    def import_folder(self, folder: str | None = None) -> None:
        if not folder:
            folder = ask_folder(self, self.tr("Choose a model folder"), "models")
        if not folder:
            return
        try:
            model = import_model(folder, self.models)
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error, self.tr("Import model"))
            return
        self.refresh()
        self.select(model.path)
        asked = read_card(folder).name or Path(folder).name
        if model.name != asked:  # (results and the audit log name a model by it)
            self.status.setText(
                self.tr(
                    "Imported as “{name}”: a model named “{asked}” is on this page already."
                ).format(name=model.name, asked=asked)
            )
        else:
            self.status.setText(self.tr("Imported {name}.").format(name=model.name))
        self._status_for = model.path
        self._record("import_model", model, {"from": str(folder)})
        self.models_changed.emit()

    def _record(self, action: str, model: InstalledModel, more: dict | None = None) -> None:
        """A model imported or deleted, in the audit log: the model behind a recorded
        decision went from the computer without a trace (seen in a real window)."""
        details = {
            "model": model.name,
            "path": str(model.path),
            "weights_sha256": model.card.weights_sha256,
        } | (more or {})
        operator = operator_name(self.store)

        def work(context, job):
            context.store.record(operator, action, None, details)

        def failed(error) -> None:  # (a plain error after "Deleted …" before: a review)
            said = (
                self.tr(
                    "The model “{name}” was imported, but the audit log could not be "
                    "written: {error}"
                )
                if action == "import_model"
                else self.tr(
                    "The model “{name}” was deleted, but the audit log could not be "
                    "written: {error}"
                )
            )
            error = SigverifyError(said.format(name=model.name, error=error))
            dialogs.show_error(self, error, self.tr("Audit log"))

        self.engine.submit(work, None, failed)

    def delete(self) -> None:
        model = self.current()
        if model is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Delete model"),
            self.tr("Delete the model “{name}” from this computer?").format(name=model.name),
            self.tr("&Delete"),
        ):
            return
        try:
            delete_model(model, self.active_path())
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error, self.tr("Delete model"))
            return
        self.status.setText(self.tr("Deleted {name}.").format(name=model.name))
        self._record("delete_model", model)
        self.refresh()
        self.models_changed.emit()
