"""The person field on its own: its entries live in plain lists (filling it one Qt item at a
time took 1.1 s at 100,000 people), so what Qt did for it is checked here."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sigverify.core.store.records import Person
from sigverify.gui.person_box import PersonBox


def people(*entries: tuple[str, str]) -> list[Person]:
    return [Person(pid, name, "", None, None, "", 5) for pid, name in entries]


def listed(box: PersonBox) -> list[str]:
    model = box.completer().popup().model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def typing_in(qtbot, *entries: tuple[str, str]) -> tuple[PersonBox, object]:
    """A person field shown with ``entries`` (id, name), and its text field with the keys."""
    box = PersonBox()
    qtbot.addWidget(box)
    box.show()
    box.fill(people(*entries))
    field = box.lineEdit()
    field.setFocus()
    return box, field


def test_an_id_typed_finds_its_person_whatever_the_other_ids_hold(qtbot):
    """A review found: the ids folded as one text split at line breaks, and an id holding
    one moved every later person a row: typing C-3 chose D-4."""
    box = PersonBox()
    qtbot.addWidget(box)
    box.fill(people(("a\nb", ""), ("C-3", "Ana"), ("D-4", "")))
    for typed, chosen in (("C-3", "C-3"), ("c-3", "C-3"), ("b", None), ("Ana", "C-3")):
        box.setCurrentIndex(-1)
        box.setEditText(typed)
        assert box.person_id() == chosen, typed
    box.fill([])
    box.setEditText("")
    assert box.person_id() is None and box.count() == 0


def test_people_listed_alike_are_told_apart_and_chosen_from_the_list(qtbot):
    """Qt takes an entry chosen in the list while typing back by its text: of two people
    listed "X — 1" (the id "X — 1"; "X" with the id "1") it chose the first (a review)."""
    box = PersonBox()
    qtbot.addWidget(box)
    box.show()
    box.fill(people(("X — 1", ""), ("1", "X"), ("2", "Zoë Müller")))
    assert [box.label_of(pid) for pid in ("X — 1", "1", "2")] == [
        "X — 1",
        "X — 1 (2)",
        "Zoë Müller — 2",
    ]
    field = box.lineEdit()
    field.setFocus()
    qtbot.keyClicks(field, "x")
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert listed(box) == ["X — 1", "X — 1 (2)"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.person_id() == "1" and box.currentText() == "X — 1 (2)"
    field.clear()
    qtbot.keyClicks(field, "muller")  # accents aside
    qtbot.waitUntil(lambda: listed(box) == ["Zoë Müller — 2"])
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.person_id() == "2"


def test_a_refill_keeps_the_person_chosen_at_their_new_place(qtbot):
    box = PersonBox()
    qtbot.addWidget(box)
    box.fill(people(("C-2", "Bo"), ("C-3", "Ana")))
    box.choose("C-3")
    box.fill(people(("C-1", "Al"), ("C-2", "Bo"), ("C-3", "Ana")))  # one enrolled before
    assert box.person_id() == "C-3" and box.currentIndex() == 2
    assert box.findData("C-9") == -1 and box.itemData(5) is None
    box.fill(people(("C-1", "Al")))  # gone: nobody, nothing typed
    assert box.person_id() is None and box.currentText() == ""


def test_a_chinese_name_is_found_and_chosen_by_its_pinyin(qtbot):
    """A clerk on a Latin keyboard typed "wang" for 王小明 and the list showed nobody (a
    real-window pass): pinyin from the start of one of a name's characters finds it, and
    Down chooses; Return does not choose by pinyin (it names no one character: typed for
    王小明, "wang xiaoming" chose 王晓明, the one such name listed, a review)."""
    box, field = typing_in(
        qtbot, ("P-1", "王小明"), ("P-2", "汪洋"), ("P-3", "Wanda"), ("P-4", "李娜")
    )
    qtbot.keyClicks(field, "wang")
    qtbot.waitUntil(lambda: listed(box) == ["王小明 — P-1", "汪洋 — P-2"])
    assert box.matching() == 2
    for typed, shown in [("xiaoming", ["王小明 — P-1"]), ("wa", ["王小明 — P-1", "汪洋 — P-2",
                         "Wanda — P-3"]), ("ln", ["李娜 — P-4"]), ("aoming", [])]:  # fmt: skip
        field.clear()
        qtbot.keyClicks(field, typed)
        qtbot.waitUntil(lambda shown=shown: listed(box) == shown)
    assert box.matches_nobody()  # "aoming": no name begins so
    field.clear()
    qtbot.keyClicks(field, "xiao ming")
    qtbot.waitUntil(lambda: listed(box) == ["王小明 — P-1"])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert box.person_id() is None  # not by pinyin
    popup = box.completer().popup()
    qtbot.keyClicks(field, " ")  # (the list again)
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.person_id() == "P-1" and box.currentText() == "王小明 — P-1"


def type_in(field, text: str) -> None:
    """Type ``text`` into ``field`` as a keyboard does, characters beyond Latin too (Qt's
    keyClicks aborts on them)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(field, event)


def test_return_chooses_the_one_name_begun_others_holding_it_inside_a_word(qtbot):
    """Return chooses the one person whose name, or a word of it, begins with what is typed,
    others holding it inside a word aside ("ana" for Ana Silva beside Tatiana; "brien" is
    a word of Sean O'Brien, so not Brienne Tarth alone: a review), a Chinese surname typed alone
    too (李 chose nobody: a real-window pass), and the hint says so (it said "Down, then
    Enter" where Return alone chose); never by pinyin, nor beside an id holding it or a
    Chinese name it spells ("li" beside 李娜)."""

    class Store:  # (what why_nobody asks of the store: nobody typed by id)
        @staticmethod
        def enrolled_id(_typed):
            return None

    box, field = typing_in(
        qtbot, ("B-1", "吕布"), ("B-2", "Ana Silva"), ("B-3", "汪洋"), ("B-4", "李娜"),
        ("B-5", "Li Na"), ("B-6", "Ali"), ("B-7", "Sean O'Brien"), ("B-8", "Brienne Tarth"),
        ("SIL-9", "Zed"), ("B-10", "Tatiana Ruiz"),
    )  # fmt: skip
    for typed, chosen in [("li", None), ("ana", "B-2"), ("李", "B-4"), ("silva", "B-2"),
                          ("brien", None), ("al", "B-6"),
                          ("sil", None), ("lv", None), ("lyu", None), ("yang", None),
                          ("ilv", None)]:  # fmt: skip
        box.setCurrentIndex(-1)
        field.clear()
        type_in(field, typed)
        hint = box.why_nobody(Store())
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert box.person_id() == chosen, typed
        if chosen is not None:
            assert hint == f"Press Enter to choose {box.label_of(chosen)}.", typed
        else:
            assert not hint.startswith("Press Enter"), typed


def test_the_list_while_typing_has_room_for_chinese_rows_under_a_latin_one(qtbot):
    """Rows of one size took the first row's height: a Latin first row (14 points here)
    cut the Chinese rows under it, and two people found showed one and a half, with scroll
    arrows (a real-window pass, 125 %)."""
    from sigverify.gui.widgets import lines_height

    box, field = typing_in(qtbot, ("B-2", "Ana Silva"), ("B-1", "吕布"), ("B-3", "Abel"))
    qtbot.keyClicks(field, "l")
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert listed(box) == ["Ana Silva — B-2", "吕布 — B-1", "Abel — B-3"]
    chinese = lines_height(popup, 1)
    assert popup.sizeHintForRow(0) >= chinese  # a Latin row as tall as a Chinese one
    assert popup.height() >= 3 * chinese and not popup.verticalScrollBar().isVisible()


def test_down_shows_the_people_found_again_after_return_closed_the_list(qtbot):
    """A real-window pass: pinyin typed, Return closed the list without choosing (by
    design), and Down, which the hint named, did nothing; with an entry Down had put in
    the field the hint still said "Down, then Enter" where Return chose."""
    box, field = typing_in(qtbot, ("B-1", "吕布"), ("B-2", "Ana Silva"), ("B-3", "Zed"))
    popup = box.completer().popup()
    qtbot.keyClicks(field, "lv")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # (no row current: nobody chosen)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert box.person_id() is None and field.text() == "lv"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.waitUntil(popup.isVisible)
    assert listed(box) == ["吕布 — B-1", "Ana Silva — B-2"]
    assert popup.currentIndex().row() == 0  # (Down, then Return: as the hint says)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.person_id() == "B-1"
    # Down on the person chosen shows the whole list, that person current, and does not
    # step to the next one unseen (Qt's own did: a review)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.waitUntil(box.view().isVisible)
    assert box.person_id() == "B-1" and box.view().currentIndex().row() == 0
    qtbot.keyClick(box.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.view().isVisible())
    assert box.person_id() == "B-1"
    # an entry Down puts in the field (Qt shows the highlighted one there in a real
    # window) is that person, as when chosen (the hint said "Down, then Enter")
    box.setCurrentIndex(-1)
    field.setText("Ana Silva — B-2")
    assert box.person_id() == "B-2"
    field.setText("Ana Silva — B-")  # (a part of one: not)
    assert box.person_id() is None
    # with nobody found, Down does nothing (it never puts someone else in the field)
    field.clear()
    qtbot.keyClicks(field, "qqq")
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert not popup.isVisible() and field.text() == "qqq" and box.person_id() is None


def test_an_entry_as_listed_is_its_person_before_a_name_that_reads_the_same(qtbot):
    """A review: someone named "Li Na — 12" beside Li Na with the id 12 took her entry, as
    the field showed it, for himself."""
    box = PersonBox()
    qtbot.addWidget(box)
    box.fill(people(("12", "Li Na"), ("7", "Li Na — 12")))
    box.setEditText("Li Na — 12")
    assert box.person_id() == "12"
    box.setEditText("Li Na — 12 — 7")
    assert box.person_id() == "7"
