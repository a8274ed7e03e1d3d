"""The People page's form for one person: the title, ID (typed only for a new person),
name and note, and "Save name and note", with what is stored to tell an edit from it.
The page enables the button (with its other buttons, on ``edited``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.store.records import model_name_in
from sigverify.gui.widgets import threshold_text


class PersonDetails(QWidget):
    #: The name or note was typed in (``edited_now`` tells whether it differs from the stored).
    edited = Signal()
    #: "Save name and note" was pressed, or Enter in the name or note with something edited.
    save_requested = Signal()
    #: "Verify a signature" was pressed: check one against this person on the Verify page.
    verify_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        # the Verify page kept the person checked last while the clerk chose another one
        # here (seen in a real window): this takes the person shown there
        self.verify_button = QPushButton(self.tr("&Verify a signature"))
        self.verify_button.setToolTip(
            self.tr("Check a signature against this person's references on the Verify page")
        )
        self.verify_button.clicked.connect(self.verify_requested)
        self.verify_button.setEnabled(False)
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(self.tr("e.g. customer or patient number"))
        # an enrolled person's ID is fixed, and looks it: white, it took clicks and keys
        # that did nothing (seen in a real window)
        self.id_edit.setStyleSheet("QLineEdit:read-only { background: palette(window); }")
        self.name_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("Save name and note"))
        self.save_button.setToolTip(
            self.tr("Keep the changed name and note of this person (audited)")
        )
        self.save_button.clicked.connect(self.save_requested)
        for edit in (self.name_edit, self.note_edit):
            edit.textEdited.connect(lambda _: self.edited.emit())
            edit.returnPressed.connect(self._return_pressed)
        # the line under the signatures waiting depends on whose ID is typed too
        self.id_edit.textEdited.connect(lambda _: self.edited.emit())
        form = QFormLayout()
        form.addRow(self.tr("ID"), self.id_edit)  # (a new person's: Ctrl+N goes there)
        # Alt+N and Alt+O (the name was 7 Tabs from the list: a real-window pass)
        name_label, note_label = QLabel(self.tr("&Name")), QLabel(self.tr("N&ote"))
        name_label.setBuddy(self.name_edit)
        note_label.setBuddy(self.note_edit)
        form.addRow(name_label, self.name_edit)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.save_button)
        form.addRow(note_label, note_row)
        # a person's own thresholds were told only on a result (seen in a real window)
        self.thresholds = QLabel()
        self.thresholds.setWordWrap(True)
        self.thresholds.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.verify_button)
        layout.addLayout(title_row)
        layout.addLayout(form)
        layout.addWidget(self.thresholds)
        self.person_id: str | None = None
        self.saved = ("", "")  # the stored name and note of the person shown

    def show_new(self, title: str) -> None:
        """Empty, the ID to be typed."""
        self.person_id = None
        self.title.setText(title)
        for edit in (self.id_edit, self.name_edit, self.note_edit):
            # (setText: clear() is undone by Ctrl+Z, which brought a deleted person's ID
            # back into a new person's form: seen in a real window)
            edit.setText("")
        self.saved = ("", "")
        self.id_edit.setReadOnly(False)
        self.id_edit.setToolTip("")
        self.thresholds.hide()

    def show_person(self, person, model_id: str | None) -> None:
        """``person`` (a :class:`~sigverify.core.store.Person`) as stored; the ID fixed;
        ``model_id``: the active model's."""
        self.person_id = person.id
        self.id_edit.setText(person.id)
        self.id_edit.setReadOnly(True)
        self.id_edit.setToolTip(self.tr("An enrolled person's ID cannot be changed."))
        self.name_edit.setText(person.name)
        self.note_edit.setText(person.note)
        self.mark_saved(person.name, person.note)
        self.show_thresholds(person, model_id)

    def show_thresholds(self, person, model_id: str | None) -> None:
        """The person's own thresholds, when they have them, and whether they are used with
        the active model (``model_id``): they are set for one model."""
        own = person.accept_threshold is not None or person.reject_threshold is not None
        if own:
            accept = threshold_text(person.accept_threshold)
            reject = threshold_text(person.reject_threshold)
            if person.thresholds_model in (None, model_id):
                text = self.tr(
                    "Own thresholds: accept at or below {accept}, reject above {reject} "
                    "(the Thresholds page sets them)."
                ).format(accept=accept, reject=reject)
            else:
                text = self.tr(
                    "Own thresholds {accept} / {reject}, set for the model {model}: not used "
                    "with the active model (the Thresholds page sets them for it)."
                ).format(accept=accept, reject=reject, model=model_name_in(person.thresholds_model))
            self.thresholds.setText(text)
        self.thresholds.setVisible(own)

    def typed(self) -> tuple[str, str]:
        """The name and note as typed, trimmed."""
        return self.name_edit.text().strip(), self.note_edit.text().strip()

    def edited_now(self) -> bool:
        """The name or note of the person shown was edited and not saved."""
        return self.person_id is not None and self.typed() != self.saved

    def new_typed(self) -> bool:
        """A new person's ID, name or note was typed (nothing is stored until enrolment)."""
        return self.person_id is None and any(
            edit.text().strip() for edit in (self.id_edit, self.name_edit, self.note_edit)
        )

    def revert(self) -> None:
        """The name and note as stored, the edit dropped."""
        self.name_edit.setText(self.saved[0])
        self.note_edit.setText(self.saved[1])
        self.edited.emit()

    def mark_saved(self, name: str, note: str) -> None:
        self.saved = (name, note)
        self.title.setText(name or self.person_id or "")

    def _return_pressed(self) -> None:
        if self.edited_now():
            self.save_requested.emit()
