"""The Verify page's person field: a list of the people with references that takes an id
or a name typed in full, and never turns a typed id that matches nobody into someone
else."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QLabel, QStyledItemDelegate

from sigverify.core.pinyin import SEPARATORS, has_han, key_spells, typed_key
from sigverify.core.store.records import (
    Person,
    folded,
    folded_all,
    person_label,
    person_named,
)
from sigverify.gui.widgets import lines_height


class PersonBox(QComboBox):
    """The entries live in plain lists, not in Qt's item model: filling one item at a time
    took 1.1 s at 100,000 people (three calls into Qt each), and every Return looked for
    an id typed through Qt, one call per entry."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(self.tr("Type an id or name…"))
        self.names: dict[str, str] = {}  # id -> name of those listed, for a name typed in full
        self._ids: list[str] = []  # each entry's person
        self._labels: list[str] = []  # each entry as listed ("Li Na — 12")
        self._label_rows: dict[str, int] = {}  # label -> its entry
        self._folded: list[str] = []  # each entry as searches compare it (folded once)
        self._chinese: dict[int, str] = {}  # entry -> its name, for those pinyin may spell
        self._rows: dict[str, int] = {}  # id -> entry
        self._typed_ids: dict[str, int] = {}  # id, case aside -> entry
        self._folded_ids: list[str] | None = []  # each entry's id, folded once asked
        self._folded_names: list[str] = []  # each entry's name, folded once
        self._named: dict[str, int] = {}  # name, folded -> its one entry
        self._listed = QStringListModel(self)
        self.setModel(self._listed)
        self.view().setUniformItemSizes(True)  # (Alt+Down: no row measured one by one)
        # The list while typing holds the entries holding what is typed, accents aside,
        # as Enter and the hints find them (Qt's own filter kept the accents: "muller"
        # showed nobody, Zoë Müller was chosen by Enter unseen); Qt takes the entry chosen
        # in it back by its text, which names the id
        self._shown = QStringListModel(self)
        completer = QCompleter(self._shown, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.popup().setUniformItemSizes(True)
        completer.popup().setItemDelegate(TallRows(completer.popup()))
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
        listed = [p for p in people if p.reference_count]
        self._ids = [p.id for p in listed]
        self._labels = _unique([person_label(p.id, p.name) for p in listed])
        self._label_rows = _first_rows(self._labels)
        self._folded = folded_all(self._labels)
        self._chinese = {row: p.name for row, p in enumerate(listed) if has_han(p.name)}
        self.names = {p.id: p.name for p in listed}
        self._rows = _first_rows(self._ids)
        self._typed_ids = _first_rows([person_id.casefold() for person_id in self._ids])
        self._folded_ids = None  # (folded when first asked: filling took 20 ms longer)
        self._folded_names = names = folded_all([p.name for p in listed])
        self._named = _first_rows(names)  # a name more than one person has names nobody
        for name, count in Counter(names).items():
            if count > 1 or not name:
                del self._named[name]
        self.blockSignals(True)
        self._listed.setStringList(self._labels)
        index = self.findData(current) if current else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("" if current else typed)  # (a person gone: nothing)
        self.blockSignals(False)
        self._hold(self.currentText())

    def findData(self, person_id) -> int:  # noqa: N802 (QComboBox's name)
        """The entry of ``person_id`` (-1: not listed)."""
        return self._rows.get(person_id, -1)

    def itemData(self, index: int) -> str | None:  # noqa: N802 (QComboBox's name)
        """The person of the entry ``index`` (None: no such entry)."""
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def _hold(self, typed: str) -> None:
        """The list shown while typing: the entries holding ``typed``, folded, none of
        them current once Qt has shown it (it makes the first one starting with what is
        typed current, which Enter then chose: "C-10" was C-1042, a review found; only
        Down, or what :meth:`choose_begun` finds, chooses)."""
        wanted = folded(typed.strip())
        self._shown.setStringList(
            [self._labels[row] for row in self._holding_rows(wanted)] if wanted else self._labels
        )
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

    def named(self, person_id: str) -> str:
        """``person_id`` as sentences name people ("Li Na (12)"), by the name listed; the id
        alone for someone not listed or without a name."""
        return person_named(person_id, self.names.get(person_id, ""))

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
        if self.enter_chooses():  # (it said "Down, then Enter" where Enter did: a pass)
            return self.tr("Press Enter to choose {person}.").format(
                person=self.itemText(self._begun_index())
            )
        if (several := self.matching()) > 1:  # (Enter chose nobody, unsaid)
            return self.tr(
                "{n} people match “{text}”: type more of the name or the ID, or choose one in "
                "the list (Down)."
            ).format(n=several, text=typed)
        if several == 1:  # a part of an id is never chosen by Enter (unsaid: seen)
            return self.tr(
                "One person matches “{text}”: choose them in the list (Down, then Enter), or "
                "type their whole ID."
            ).format(text=typed)
        return self.tr("Choose the person the signature claims to be.")

    def _holding(self) -> tuple[str, list[int]]:
        """What is typed (:func:`folded`), and the entries holding it anywhere."""
        typed = folded(self.currentText().strip())
        return typed, self._holding_rows(typed)

    def _holding_rows(self, typed: str) -> list[int]:
        """The entries holding ``typed`` (folded) anywhere, or whose Chinese name it spells
        in pinyin ("wang" for 王小明)."""
        rows = [i for i, label in enumerate(self._folded) if typed in label]
        key = typed_key(typed) if self._chinese else ""
        if not key:
            return rows
        spelled = [row for row, name in self._chinese.items() if key_spells(key, name)]
        return sorted(set(rows).union(spelled))

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
        typed = self.currentText().strip()
        row = self._typed_ids.get(typed.casefold(), -1)
        if row >= 0 or not typed:
            return row
        # an entry as listed (Down in the list puts it in the field: the hint then said
        # "Down, then Enter", a real-window pass), before a name: someone may be named as
        # another's entry reads (a review)
        row = self._label_rows.get(typed, -1)
        if row >= 0:
            return row
        # a name typed in full (seen in a real window: "李四" and Enter chose nobody),
        # accents aside ("Maria Jose Nunez")
        return self._named.get(folded(typed), -1)

    def _begun_index(self) -> int:
        """The one person among those the list shows for what is typed (2 or more letters,
        or a Chinese character: the entries holding it anywhere, as the list finds them)
        whose name, or a word in it, it begins (:func:`_word_begun_by`: not by pinyin);
        never by a part of an id ("C-20" is not C-2001, who may be another person), and not
        when another entry holds it in its id too ("li" beside an id "LI-4") or spells its
        Chinese name ("li" beside 李娜). Others holding it inside a word of their name do
        not count ("li" for Li Na beside Ali)."""
        typed, shown = self._holding()
        if len(typed) < (1 if has_han(typed) else 2):
            return -1
        begins = _word_begun_by(typed)
        begun = []
        for row in shown:  # (folded once in fill: 355 ms a key at 100,000 people, a review)
            if begins(self._folded_names[row]):
                begun.append(row)
                if len(begun) > 1:
                    return -1
        if not begun:
            return -1
        if self._folded_ids is None:
            self._folded_ids = folded_all(self._ids)
        key = typed_key(typed)
        for row in shown:
            if row != begun[0] and (
                typed in self._folded_ids[row]
                or key_spells(key, self.names.get(self._ids[row], ""))
            ):
                return -1
        return begun[0]

    def enter_chooses(self) -> bool:
        """Return would choose the person the list shows for what is typed."""
        return self._typed_index() < 0 and self._begun_index() >= 0

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

    def reached_by(self, label) -> None:
        """``label``'s Alt key (its buddy: this box) selects the text typed, to be typed
        over, also when the focus is here already (it then did nothing, and the next id
        typed was added to the last one: "Bo — c-2c-1", seen in a real window)."""
        label.setBuddy(self)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the field never step to another person unseen: Qt's own stepped
        through the entries, replacing an id typed that matches nobody by the next person
        (seen in a real window: a check ran against that one), and a person chosen by the
        next one (a review). With something typed, Down shows the people it finds, the
        first current (closed by Return or Escape, the list did not come back while the
        hint said "Down": a real-window pass); with a person chosen, the whole list; with
        nobody found, nothing. The Alt key of a label naming the box selects its text
        (:meth:`reached_by`)."""
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QLabel):
            QTimer.singleShot(0, self, self.lineEdit().selectAll)  # (after Qt's own handling)
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
            and not event.modifiers() & Qt.KeyboardModifier.AltModifier  # Alt+Down: the list
            and watched in (self, self.lineEdit())
            and not self.completer().popup().isVisible()
            and not self.view().isVisible()
        ):
            chosen = self.currentIndex() >= 0 and self.currentText() == self.itemText(
                self.currentIndex()
            )
            found = [] if chosen else self._holding()[1]
            if event.key() == Qt.Key.Key_Down and chosen:
                self.showPopup()
            elif event.key() == Qt.Key.Key_Down and found:
                self._shown.setStringList([self._labels[row] for row in found])
                self.completer().complete()
                popup = self.completer().popup()
                popup.setCurrentIndex(popup.model().index(0, 0))
            else:
                QApplication.beep()
            return True
        return super().eventFilter(watched, event)


class TallRows(QStyledItemDelegate):
    """Rows as tall as a line of Chinese as well as Latin: rows of one size (a list of
    100,000 is measured at once) took the first row's height, and a Latin first row cut the
    Chinese ones below it (two people found showed one and a half, with scroll arrows: a
    real-window pass)."""

    def __init__(self, view):
        super().__init__(view)
        self.height = lines_height(view, 1) + 4

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.height))


def _unique(labels: list[str]) -> list[str]:
    """``labels`` with any one that repeats an earlier one made unique (" (2)"): Qt takes
    an entry chosen in the list while typing back by its text, and chose the first of two
    people listed alike ("X — 1": the id "X — 1", or "X" with the id "1": a review found)."""
    if len(set(labels)) == len(labels):
        return labels
    seen: set[str] = set()
    unique = []
    for label in labels:
        number, made = 1, label
        while made in seen:
            number += 1
            made = f"{label} ({number})"
        seen.add(made)
        unique.append(made)
    return unique


def _first_rows(keys: list[str]) -> dict[str, int]:
    """Each of ``keys`` and the first row that has it."""
    return dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))


def _word_begun_by(typed: str):
    """Whether ``typed`` (:func:`folded`) begins a folded name or one of its words (split
    where :data:`~sigverify.core.pinyin.BETWEEN` splits a name typed: spaces, hyphens,
    apostrophes, dots): "müller" and "muller" in "Zoë Müller-Łukasz", "łuk" too, "ller"
    not; "brien" in "Sean O'Brien" (else Brienne Tarth, listed beside him, was chosen: a
    review). A word holds no separator: ``typed`` with one begins the whole name only.
    Never by pinyin: it names no one character (typed for 王小明, "wang xiaoming" chose
    王晓明, the one such name listed: a review), so the list shows who it spells and Down
    chooses."""
    after_separator = re.compile(f"[{SEPARATORS}]{re.escape(typed)}")
    plain = re.search(f"[{SEPARATORS}]", typed) is None

    def begins(name: str) -> bool:
        return name.startswith(typed) or (plain and after_separator.search(name) is not None)

    return begins
