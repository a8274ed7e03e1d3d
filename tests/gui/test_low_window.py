"""A low window (a 1366 x 768 laptop at 125 %: 614 points high, less the title bar and the
task bar): every page fits it, scrolling where it must, and what the clerk is to press
next is scrolled into sight (seen in a real window: the People page with signatures
waiting needed 665 points, and its Enrol button lay below the screen's edge)."""

from __future__ import annotations

import cv2
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import signature_file, write_png
from tests.gui.conftest import wait_idle
from tests.gui.test_clerk_flow import verify_now

LOW = 540  # the window's height left on such a laptop, with room to spare


def shows(widget) -> bool:
    """``widget`` lies wholly inside its window's visible part (not scrolled away)."""
    visible = widget.visibleRegion().boundingRect()
    return widget.isVisible() and visible.size() == widget.size()


def pane_of(widget):
    from sigverify.gui.panes import ScrollingPane

    while not isinstance(widget, ScrollingPane):
        widget = widget.parentWidget()
    return widget


def test_the_people_page_with_signatures_waiting_fits_a_low_window(
    qtbot, two_people, tmp_path, dialogs
):
    window = two_people
    people = window.people_page
    window.go_to_page(window.pages.indexOf(people))
    people.show_person("c-1")
    window.resize(1090, LOW)
    qtbot.waitUntil(lambda: window.height() == LOW)
    people.drop_area.add_paths([signature_file(tmp_path, 1, 10 + i) for i in range(5)])
    assert window.minimumSizeHint().height() <= LOW
    assert window.height() == LOW  # not grown below the screen's edge
    qtbot.waitUntil(lambda: shows(people.enroll_button))  # scrolled to, to be clicked
    # the button is in the window, not beyond its bottom edge
    bottom = people.enroll_button.mapTo(window, QPoint(0, people.enroll_button.height()))
    assert bottom.y() <= window.height()
    assert not shows(people.details.title)  # scrolled away below the person's name
    people.enroll()
    wait_idle(qtbot, window.engine)
    window.resize(1090, 420)  # lower still: the page scrolls even without them
    qtbot.waitUntil(lambda: window.height() == 420)
    people.show_person("c-2")  # the next person from the top: their name, ID, references
    assert shows(people.details.title) and people.details.title.text() == "c-2"
    people.adding.drop_area.add_paths([signature_file(tmp_path, 2, 10)])
    assert shows(people.enroll_button) and not shows(people.details.title)
    # the same person shown again (after a save, a reference removed) keeps the place
    bar = pane_of(people.enroll_button).verticalScrollBar()
    place = bar.value()
    assert place > 0
    people.show_person("c-2")
    assert bar.value() == place
    people.adding.clear()
    people.new_person()
    assert shows(people.details.title) and shows(people.details.id_edit)
    # the keys given to a field scrolled away bring it into sight: Enrol with no ID typed
    people.drop_area.add_paths([signature_file(tmp_path, 3, 10)])
    assert shows(people.enroll_button) and not shows(people.details.id_edit)
    people.enroll_button.setFocus()  # pressed
    people.enroll()  # "Type the person's ID first", the keys in the ID field
    assert people.details.id_edit.hasFocus()
    qtbot.waitUntil(lambda: shows(people.details.id_edit))
    # Open file… from the Name field: Enrol is shown, and the keys given back to the Name
    # field as the file dialog closes leave it so (they scrolled it away again: seen in a
    # real window). X11 tells it as focus going to no widget and back from none.
    from PySide6.QtWidgets import QApplication

    name = people.details.name_edit
    name.setFocus()
    qtbot.waitUntil(lambda: shows(name))
    focus_changed = QApplication.instance().focusChanged
    focus_changed.emit(name, None)  # the file dialog opens
    people.drop_area.add_paths([signature_file(tmp_path, 3, 11)])
    qtbot.waitUntil(lambda: shows(people.enroll_button))
    focus_changed.emit(None, name)  # and closes
    QApplication.processEvents()
    assert shows(people.enroll_button) and not shows(name)
    # a field given the keys by the program as a dialog closes is shown still
    focus_changed.emit(people.enroll_button, None)
    focus_changed.emit(None, name)
    assert shows(name)
    # and so is the field left for another of this window's (the page list), given the
    # keys as a dialog closes much later (a review)
    people.drop_area.add_paths([signature_file(tmp_path, 3, 12)])
    qtbot.waitUntil(lambda: shows(people.enroll_button) and not shows(name))
    focus_changed.emit(name, window.nav)
    focus_changed.emit(None, name)
    assert shows(name)
    people.adding.clear()


def test_the_verify_page_with_a_result_fits_a_low_window(qtbot, two_people, tmp_path):
    window = two_people
    window.resize(980, LOW)  # the narrowest it goes: more lines
    qtbot.waitUntil(lambda: window.height() == LOW)
    # a form scanned upright: its picture asked for the most height (seen)
    signature = cv2.imread(str(signature_file(tmp_path, 1, 7)), cv2.IMREAD_GRAYSCALE)
    form = cv2.copyMakeBorder(signature, 500, 60, 40, 40, cv2.BORDER_CONSTANT, value=255)
    page = verify_now(qtbot, window, "c-1", write_png(tmp_path / "form.png", form))
    window.go_to_page(window.pages.indexOf(page))
    assert page.result is not None
    page.comparison.compare_tabs.setCurrentIndex(1)  # the overlay, its legend on two lines
    assert window.minimumSizeHint().height() <= LOW and window.height() == LOW
    # every line of the answer shows: the reason was cut to two of its three lines
    from PySide6.QtWidgets import QLabel

    for label in page.summary.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for page_index in range(window.pages.count()):  # and every other page too
        window.go_to_page(page_index)
        assert window.minimumSizeHint().height() <= LOW, window.pages.widget(page_index)
    window.go_to_page(window.pages.indexOf(page))
    window.resize(980, 420)  # lower still: the answer scrolls, Record stays in sight
    qtbot.waitUntil(lambda: window.height() == 420)
    page.record_button.setFocus()
    qtbot.keyClick(page.record_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.comment, Qt.Key.Key_Tab)
    assert shows(page.record_button) and shows(page.comment) and shows(page.summary.badge)
    assert pane_of(page.summary.badge).verticalScrollBar().maximum() > 0
    # a wheel turned over "Compare with" scrolls the pane, not the box (it changed the
    # reference compared with, unasked: a real-window pass)
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    choice = page.comparison.reference_choice
    assert choice.count() > 1 and not choice.hasFocus()
    choice.setCurrentIndex(1)  # (a wheel turned up would go to the first)
    bar, before = pane_of(choice).verticalScrollBar(), choice.currentIndex()
    bar.setValue(bar.maximum())  # (the wheel turned up: from the bottom)
    place = bar.value()
    for _ in range(3):
        wheel = QWheelEvent(
            QPointF(5, 5), QPointF(choice.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
            QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(choice, wheel)
    assert choice.currentIndex() == before and bar.value() != place
    page.verify()  # checked again: the answer comes into sight
    wait_idle(qtbot, window.engine)
    assert shows(page.summary.badge)
    bar.setValue(bar.maximum())  # scrolled down, then the next signature opened: the
    page.drop_area.add_paths([signature_file(tmp_path, 2, 8)])  # empty answer's place shows
    wait_idle(qtbot, window.engine)
    assert page.result is None and shows(page.summary.badge)


def test_the_record_buttons_stay_in_sight_in_a_low_window(qtbot, two_people, tmp_path):
    """A reason of three lines put Record, Save report and Print below a 1366 x 768
    laptop's window at 125 %, their top edges showing (a real-window pass): the answer and
    the comparison scroll, the comment and the buttons stay."""
    window = two_people
    page = verify_now(qtbot, window, "c-1", signature_file(tmp_path, 2, 5))
    window.go_to_page(window.pages.indexOf(page))
    assert page.result is not None
    window.resize(1000, 420)
    qtbot.waitUntil(lambda: window.height() == 420)
    for widget in (page.record_button, page.report_button, page.print_button, page.comment):
        assert shows(widget), widget
    assert pane_of(page.summary.badge).verticalScrollBar().maximum() > 0  # scrolls, not cut


def test_a_field_near_a_panes_end_scrolls_it_all_the_way(qtbot):
    """Tab to the first field left the heading above it cut, and to the last the line
    below it (a real-window pass): near an end, the pane goes all the way there."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    from sigverify.gui.panes import ScrollingPane

    inner = QWidget()
    layout = QVBoxLayout(inner)
    heading, first, last, footer = QLabel("Heading"), QLineEdit(), QLineEdit(), QLabel("Foot")
    heading.setFixedHeight(90)  # taller than the margin Qt keeps above a field
    footer.setFixedHeight(90)
    middle = QWidget()
    middle.setMinimumHeight(900)
    for widget in (heading, first, middle, last, footer):
        layout.addWidget(widget)
    pane = ScrollingPane(inner)
    qtbot.addWidget(pane)
    pane.resize(300, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitActive(pane)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    assert bar.value() == bar.minimum() and shows(heading)
    last.setFocus()
    qtbot.waitUntil(last.hasFocus)
    assert bar.value() == bar.maximum() and shows(footer)


def test_the_thresholds_page_scrolls_in_a_low_window_and_keeps_its_plots_readable(qtbot, window):
    """At 600 pixels the histogram was a strip 60 pixels high, its title and legend cut
    ("other people's signatures (1060"), and a preset's warning squeezed it so on a whole
    screen; the page did not scroll (a real-window pass)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    from sigverify.gui.thresholds_page import PLOT_LEAST

    page = window.thresholds_page
    window.go_to_page(window.pages.indexOf(page))
    qtbot.waitUntil(lambda: page.tabs.count() == 3)  # drawn once the page shows
    window.resize(980, LOW)
    qtbot.waitUntil(lambda: window.height() == LOW)
    page.preset.warning.setText("A warning of two lines or three. " * 8)  # as a preset's
    page.preset.warning.show()
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= LOW and window.height() == LOW
    assert page.tabs.height() >= PLOT_LEAST
    assert page.histogram_canvas.height() >= PLOT_LEAST - 60  # less the tab bar
    bar = pane_of(page.tabs).verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    # a wheel turned over a plot is left to the page, which scrolls (the plot kept it; Qt
    # passes a wheel on to the parents only when it comes from the mouse, not from here)
    canvas = page.histogram_canvas
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(canvas.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(canvas, wheel)
    assert not wheel.isAccepted()
    # a wheel over a threshold's slider or the plots' tabs scrolls the page too, unless it
    # has the keys: it moved the threshold on the way down to "Apply to everyone" (a review)
    slider, before, place = page.accept.slider, page.accept.value(), bar.value()
    for widget in (slider, page.tabs.tabBar()):
        assert not widget.hasFocus()
        for _ in range(2):
            QApplication.sendEvent(widget, QWheelEvent(
                QPointF(5, 5), QPointF(widget.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase, False,
            ))  # fmt: skip
    assert page.accept.value() == before and page.tabs.currentIndex() == 0
    assert bar.value() > place
    # the controls below the plots are reached by scrolling to them: Apply to everyone
    page.apply_all.setFocus()
    qtbot.keyClick(page.apply_all, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert shows(page.apply_all)


def test_the_window_is_as_narrow_as_the_page_shown_allows(qtbot, two_people):
    """The People and Verify pages could not be made narrower than the Thresholds page
    needs (1,013 points at 125 %: a real-window pass)."""
    window = two_people
    wait_idle(qtbot, window.engine)  # the status bar's captions said (the backup's state)
    thresholds = window.pages.indexOf(window.thresholds_page)
    window.go_to_page(thresholds)
    QApplication.processEvents()
    widest = window.minimumSizeHint().width()
    for page in (window.people_page, window.verify_page):
        window.go_to_page(window.pages.indexOf(page))
        QApplication.processEvents()
        assert window.minimumSizeHint().width() < widest - 80, page
    narrow = window.minimumSizeHint().width() + 10  # the Verify page's least, and a bit
    window.resize(narrow, LOW)
    qtbot.waitUntil(lambda: window.width() < widest)  # (a caption said late may widen it)
    # the Thresholds page widens the window as far as it needs: nothing cut at the side
    window.go_to_page(thresholds)
    qtbot.waitUntil(lambda: window.width() >= widest)
    assert window.thresholds_page.width() >= window.thresholds_page.minimumSizeHint().width()
    # the model's line shortens ("No model loaded: choose one on the Models page." held the
    # window 889 points wide: a review), its whole text in its tooltip
    said = "No model loaded: choose one on the Models page. " * 3
    window.model_label.setText(said)
    QApplication.processEvents()
    assert window.statusBar().minimumSizeHint().width() < widest
    assert window.model_label.toolTip() == said
    # nor narrower than the status bar's buttons need: they lay over each other there
    window.go_to_page(window.pages.indexOf(window.verify_page))
    bar = window.statusBar()
    window.store_button.setText("Store on this computer · not backed up yet" + " ·" * 60)
    QApplication.processEvents()
    assert bar.minimumSizeHint().width() > widest
    window.resize(narrow, LOW)
    QApplication.processEvents()
    assert window.width() >= bar.minimumSizeHint().width()
    buttons = [window.operator_button, window.store_button, window.about_button]
    for left, right in zip(buttons, buttons[1:], strict=False):
        assert left.geometry().right() < right.geometry().left()


def test_a_line_grown_while_the_verify_page_was_hidden_pushes_the_rest_down(
    qtbot, two_people, dialogs, tmp_path, tiny_model_dir
):
    """Seen in a real window: a result recorded, another model activated on the Models
    page ("… Made with tiny, which is no longer the active model."), and back on Verify the
    score lay over the badge: the pane had not been fitted to the longer line."""
    from tests.gui.test_app import copy_model

    window = two_people
    window.resize(1093, 560)
    qtbot.waitUntil(lambda: window.height() == 560)
    page = verify_now(qtbot, window, "c-1", signature_file(tmp_path, 1, 7))
    window.go_to_page(window.pages.indexOf(page))
    summary = page.summary
    QApplication.processEvents()
    page.window().grab()  # looked at, laid out
    models = window.models_page
    models.import_folder(str(copy_model(tiny_model_dir, tmp_path / "other", "other")))
    window.go_to_page(window.pages.indexOf(models))
    dialogs.choice = 0  # record it first
    models.activate()
    wait_idle(qtbot, window.engine)
    qtbot.waitUntil(lambda: window.engine.model.card.name == "other", timeout=30000)
    window.go_to_page(window.pages.indexOf(page))
    QApplication.processEvents()
    assert page.record_status.text().endswith("which is no longer the active model.")
    badge = summary.badge.geometry()
    assert summary.score_label.geometry().top() >= badge.top() + badge.height()
    pane = pane_of(summary)
    least = pane.widget().layout().totalMinimumHeightForWidth(pane.viewport().width())
    assert pane.widget().height() >= least


def test_both_comparison_tabs_show_in_the_narrowest_window(qtbot, two_people):
    """In a window as narrow as the Verify page allowed, "Overlay" went behind the tab
    bar's scroll arrows (seen in a real window)."""
    window = two_people
    page = window.verify_page
    window.go_to_page(window.pages.indexOf(page))
    QApplication.processEvents()
    window.resize(window.minimumSizeHint().width(), LOW)
    QApplication.processEvents()
    tabs = page.comparison.compare_tabs
    assert all(tabs.tabRect(i).right() < tabs.width() for i in range(tabs.count()))


def test_the_audit_filters_show_their_words_in_the_narrowest_window(qtbot, window):
    """At the Audit page's least width its filters read "ID …", "Op…" and "File…"
    (seen offscreen)."""
    page = window.audit_page
    window.go_to_page(window.pages.indexOf(page))
    QApplication.processEvents()
    window.resize(window.minimumSizeHint().width(), LOW)
    QApplication.processEvents()
    for edit in (page.person, page.operator, page.text):
        words = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() > words + 8, edit.placeholderText()


def test_a_models_card_is_not_squeezed_in_the_narrowest_window(qtbot, window):
    """At the Models page's least width the card was the narrower side, a column of a few
    words (seen offscreen): it keeps the width of a line worth reading, the list gives way;
    and its figures are never broken apart ("15.|3%", "AU|C" in a narrow window: a
    real-window pass): a table wider than the card scrolls sideways."""
    page = window.models_page
    window.go_to_page(window.pages.indexOf(page))
    page.list.setCurrentRow(0)
    QApplication.processEvents()
    window.resize(window.minimumSizeHint().width(), LOW)
    QApplication.processEvents()
    card = page.details
    assert card.viewport().width() >= 40 * card.fontMetrics().averageCharWidth() - 20
    assert card.width() > page.list.width()
    figure = "0.987654321" * 6  # one figure wider than the card
    card.setHtml(f"<table><tr><td>AUC</td><td>{figure}</td></tr></table>")
    QApplication.processEvents()
    assert card.document().idealWidth() >= card.fontMetrics().horizontalAdvance(figure)
    assert card.horizontalScrollBar().maximum() > 0
