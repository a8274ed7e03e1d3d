"""The Verify page's person field: a list of the people with references that takes an id
or a name typed in full, and never turns a typed id that matches nobody into someone
else."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter

from sigverify.core.store.records import Person, folded, person_label

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1  # an entry as searches compare it


class PersonBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(self.tr("Type an id or name…"))
        self.names: dict[str, str] = {}  # id -> name of those listed, for a name typed in full
        self._folded: list[str] = []  # each entry as searches compare it (folded once)
        # The list while typing holds the entries holding what is typed, accents aside,
        # as Enter and the hints find them (Qt's own filter kept the accents: "muller"
        # showed nobody, Zoë Müller was chosen by Enter unseen)
        self._shown = QSortFilterProxyModel(self)  # (Qt filters: 100,000 people at a key)
        self._shown.setSourceModel(self.model())
        self._shown.setFilterRole(FOLDED_ROLE)
        completer = QCompleter(self._shown, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._hold)  # (before Qt shows the list)
        self.lineEdit().editingFinished.connect(self.show_typed)
        # Return after the start of the one person's name the list shows chooses them
        # ("müller" and Enter chose nobody: seen in a real window); leaving the field
        # does not
        self.lineEdit().returnPressed.connect(self.choose_begun)
        self.installEventFilter(self)
        self.lineEdit().installEventFilter(self)

    def fill(self, people: list[Person]) -> None:
        """List the ``people`` who have references (no signals), the one chosen kept; with
        nobody chosen, what is typed stays (an id of someone enrolled at another desk
        meanwhile is then found)."""
        current, typed = self.person_id(), self.currentText()
        self.blockSignals(True)
        self.clear()
        self.names = {}
        self._folded = []
        for person in people:
            if person.reference_count:
                label = person_label(person.id, person.name)
                self.addItem(label, person.id)
                self._folded.append(folded(label))
                self.setItemData(self.count() - 1, self._folded[-1], FOLDED_ROLE)
                self.names[person.id] = person.name
        index = self.findData(current) if current else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("" if current else typed)  # (a person gone: nothing)
        self.blockSignals(False)
        self._hold(self.currentText())

    def _hold(self, typed: str) -> None:
        """The list shown while typing: the entries holding ``typed``, folded, none of
        them current once Qt has shown it (it makes the first one starting with what is
        typed current, which Enter then chose: "C-10" was C-1042, a review found; only
        Down, or what :meth:`choose_begun` finds, chooses)."""
        self._shown.setFilterFixedString(folded(typed.strip()))
        QTimer.singleShot(0, self, self._none_current)

    def _none_current(self) -> None:
        popup = self.completer().popup()
        popup.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def person_id(self) -> str | None:
        """The chosen person: the list's current entry, or the entry whose id was typed
        exactly (case aside): a clerk who types "C-2001" means that person; or whose name
        was, when only one person has it."""
        index = self.currentIndex()
        if index >= 0 and self.currentText() == self.itemText(index):
            return self.itemData(index)
        typed = self._typed_index()
        return self.itemData(typed) if typed >= 0 else None

    def choose(self, person_id: str) -> None:
        self.setCurrentIndex(self.findData(person_id))

    def label_of(self, person_id: str) -> str:
        """The entry of ``person_id`` as listed ("Li Na — 12"), for a question."""
        return self.itemText(self.findData(person_id))

    def why_nobody(self, store) -> str | None:
        """Why nobody is chosen, for the page's hint; None when what is typed is the id of
        someone enrolled with references whom the list lacks (enrolled at the command line
        or another desk since it was read: "not enrolled yet" until a restart, seen in a
        real window): read the list again."""
        typed = self.currentText().strip()
        enrolled = store.enrolled_id(typed) if typed else None
        listed = enrolled is None or enrolled in self.names
        # (the list's count, not get_person: its seal check could raise at every key)
        found = [] if listed else store.list_people(enrolled)
        if any(p.id == enrolled and p.reference_count for p in found):
            return None
        if enrolled is not None:  # listed only with references
            return self.tr(
                "{id} has no reference signatures yet: enrol some on the People page."
            ).format(id=enrolled)
        if self.matches_nobody():  # (it said only "Choose the person…": seen)
            return self.tr(
                "Nobody enrolled has the ID or name “{text}”: check it, or enrol them on the "
                "People page."
            ).format(text=typed)
        if (several := self.matching()) > 1:  # (Enter chose nobody, unsaid)
            return self.tr(
                "{n} people match “{text}”: type more of the name or the ID, or choose one in "
                "the list (Down)."
            ).format(n=several, text=typed)
        return self.tr("Choose the person the signature claims to be.")

    def _holding(self) -> tuple[str, list[int]]:
        """What is typed (:func:`folded`), and the entries holding it anywhere."""
        typed = folded(self.currentText().strip())
        return typed, [i for i, label in enumerate(self._folded) if typed in label]

    def matches_nobody(self) -> bool:
        """Something is typed that no entry holds (not even a part of an id or name)."""
        typed, holding = self._holding()
        return bool(typed) and not holding

    def matching(self) -> int:
        """How many entries hold what is typed (2 or more letters) as the list finds them
        (0 with nothing typed)."""
        typed, holding = self._holding()
        return len(holding) if len(typed) >= 2 else 0

    def _typed_index(self) -> int:
        typed = self.currentText().strip().casefold()
        for index in range(self.count()):
            if str(self.itemData(index)).casefold() == typed:
                return index
        # a name typed in full (seen in a real window: "李四" and Enter chose nobody),
        # accents aside ("Maria Jose Nunez")
        named = [
            index
            for index in range(self.count())
            if typed and folded(self.names.get(self.itemData(index), "")) == folded(typed)
        ]
        return named[0] if len(named) == 1 else -1

    def _begun_index(self) -> int:
        """The person the list shows alone for what is typed (2 or more letters: the
        entries holding it anywhere, as the list finds them), when it begins their name or
        a word in it; never a part of an id ("C-20" is not C-2001, who may be another
        person), and not when others hold it too ("li" beside an id "LI-4")."""
        typed, shown = self._holding()
        if len(typed) < 2 or len(shown) != 1:
            return -1
        name = self.names.get(self.itemData(shown[0]), "")
        return shown[0] if _begins_a_word(name, typed) else -1

    def show_typed(self) -> None:
        """Return (or leaving the field) after typing an id or name shows that person's
        entry (name and id)."""
        typed = self._typed_index()
        if typed >= 0 and typed != self.currentIndex():
            self.setCurrentIndex(typed)
        elif typed >= 0:
            self.setEditText(self.itemText(typed))

    def choose_begun(self) -> None:
        """Return: the person the list shows alone for the start of their name."""
        if self._typed_index() >= 0 or (begun := self._begun_index()) < 0:
            return
        if begun != self.currentIndex():
            self.setCurrentIndex(begun)
        else:
            self.setEditText(self.itemText(begun))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the field step through the list, and would replace an id typed
        that matches nobody by the next person in it (seen in a real window: a check ran
        against that one): with such an id typed they do nothing."""
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not event.modifiers() & Qt.KeyboardModifier.AltModifier  # Alt+Down: the list
            and watched in (self, self.lineEdit())
            and not self.completer().popup().isVisible()
            and self.currentText() != self.itemText(self.currentIndex())
        ):
            QApplication.beep()
            return True
        return super().eventFilter(watched, event)


def _begins_a_word(name: str, typed: str) -> bool:
    """``typed`` (:func:`folded`) begins ``name`` or one of its words (split at spaces and
    hyphens): "müller" and "muller" in "Zoë Müller-Łukasz", "łuk" too, "ller" not."""
    words = folded(name).replace("-", " ").split()
    return folded(name).startswith(typed) or any(w.startswith(typed) for w in words)
