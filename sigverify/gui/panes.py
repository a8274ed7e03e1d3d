"""A page laid out as two resizable panes, each scrolling up and down when the window is
lower than its contents: on a 1366 x 768 laptop at 125 % (a window 614 points high) the
People page with signatures waiting needed 665, and its Enrol button and status bar lay
below the screen's edge, out of a mouse's reach (seen in a real window)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QTextOption
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabBar,
    QTextBrowser,
    QWidget,
)

#: Points kept for a window's title bar below a screen's free height, where a window or
#: dialog opens at the most.
TITLE_BAR_ROOM = 40
#: A field this near a pane's top or bottom (points) scrolls it all the way there.
NEAR_AN_END = 120


def within_screen(window: QWidget, wanted: QSize) -> QSize:
    """``wanted`` made no larger than the free part of ``window``'s screen (the primary
    one before it is shown), less :data:`TITLE_BAR_ROOM`: a window or dialog opens at
    this size. The training wizard opened 680 points high on a 1366 x 768 laptop at
    125 % (614 free), its Next and Cancel below the screen's edge (a real-window pass)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry().size()
    return wanted.boundedTo(QSize(free.width(), free.height() - TITLE_BAR_ROOM))


#: Widgets a wheel turned over changes: the pane scrolls instead unless they have the keys.
WHEELED = (QComboBox, QAbstractSpinBox, QSlider, QTabBar)


class ScrollingPane(QScrollArea):
    """``inner`` at the pane's width and at least its own least height, scrolled up and
    down when the pane is lower. As wide at least as ``inner`` needs (it is never cut at
    the side); as low as a few lines. Only below the least height does it scroll: Qt's
    own fit (``widgetResizable``) gave ``inner`` its preferred height, and the People page
    scrolled in a window that had held it whole before."""

    def __init__(self, inner: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(inner)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (Tab goes to the pane's fields)
        # the page's colour behind its fields, not a list's white
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        inner.installEventFilter(self)  # its least height changes: fitted again
        # a wheel turned over a list box, a number box, a slider or tabs scrolls the pane
        # unless that box has the keys (it changed "Compare with" unasked: a real-window
        # pass; on the Thresholds page a slider moved a threshold: a review)
        for box in (box for kind in WHEELED for box in inner.findChildren(kind)):
            if _pane_of(box) is not self:  # a pane inside this one scrolls for its boxes
                continue  # (this one took the wheel first, and nothing moved: a review)
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.installEventFilter(self)
        self._left = None  # the field that had the keys when they left the window
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.viewport().installEventFilter(self)  # (narrower by a scroll bar shown)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, WHEELED) and not watched.hasFocus():
            QApplication.sendEvent(self.verticalScrollBar(), event)
            return True
        # (and when shown: a line that grew while its page was hidden asked for no layout
        # once shown, and the Verify page's score lay over the badge: a real-window pass)
        fitted = (QEvent.Type.LayoutRequest, QEvent.Type.Show)
        if (watched is self.widget() and event.type() in fitted) or (
            watched is self.viewport() and event.type() == QEvent.Type.Resize
        ):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        inner, room = self.widget(), self.viewport().size()
        least = inner.minimumSizeHint().height()
        layout = inner.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped lines at this width
            # (the least height alone cut a result's reason to two of its three lines)
            least = max(least, layout.totalMinimumHeightForWidth(room.width()))
        inner.resize(room.width(), max(room.height(), least))

    def _focus_changed(self, old, now) -> None:
        """A field given the keyboard by the program (not by Tab, which Qt scrolls to) is
        scrolled into sight: "Type the person's ID first" put the keys in an ID field
        scrolled away above (a review). The keys given back to the field that had them
        when a dialog closes leave the pane as it is: after Open file… they went back to
        the Name field at the top and scrolled the Enrol button just shown away again
        (seen in a real window; X11 says so as a change from no widget)."""
        inside = self.widget().isAncestorOf
        if now is None or not inside(now):
            # left for a dialog or another window (not for another field of this one: it
            # would not be scrolled to when given the keys much later, a review)
            if old is not None and inside(old):
                self._left = old if now is None or now.window() is not old.window() else None
            return
        elsewhere = old is None or old.window() is not now.window()
        came_back, self._left = elsewhere and now is self._left, None
        if came_back:
            return
        seen = self.viewport().rect()
        place = now.rect().translated(now.mapTo(self.viewport(), now.rect().topLeft()))
        if place.height() > seen.height() or seen.contains(place):
            return  # (a list taller than the pane, clicked: not moved)
        # near the top or the bottom: all the way, the heading above the first field or
        # the line below the last one whole (Tab left them cut: a real-window pass)
        top, bar = now.mapTo(self.widget(), QPoint(0, 0)).y(), self.verticalScrollBar()
        if top < NEAR_AN_END:
            bar.setValue(bar.minimum())
        elif self.widget().height() - top - now.height() < NEAR_AN_END:
            bar.setValue(bar.maximum())
        else:
            self.ensureWidgetVisible(now)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(self.widget().minimumSizeHint().width() + bar, 120)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        wanted = self.widget().sizeHint()
        return QSize(wanted.width() + self.verticalScrollBar().sizeHint().width(), wanted.height())


class PageStack(QStackedWidget):
    """Pages one at a time, as least as large as the page shown needs, not as the largest
    of them (Qt's own): the People and Verify pages could not be made narrower than the
    Thresholds page needs (1,013 points at 125 %: a real-window pass). A page shown in a
    narrower window widens it as far as it needs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.currentChanged.connect(self._least_size_of_the_page_shown)

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt API
        index = super().addWidget(page)
        self._least_size_of_the_page_shown(self.currentIndex())
        return index

    def _least_size_of_the_page_shown(self, index: int) -> None:
        for row in range(self.count()):
            policy = QSizePolicy.Policy.Preferred if row == index else QSizePolicy.Policy.Ignored
            self.widget(row).setSizePolicy(policy, policy)


class WideEnough(QObject):
    """Keeps ``widget`` (a status bar) at least as wide as what it holds needs: a status
    bar's own least width counts for nothing in its window's, and in a window narrower than
    its buttons they lay over each other ("Operator: root" over "Store on this computer",
    seen once the window could be as narrow as the Verify page allows)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            watched.setMinimumWidth(watched.minimumSizeHint().width())
        return False


class WrappedBrowser(QTextBrowser):
    """Rich text wrapped at the browser's width between words only, at least
    :data:`READ_WIDTH` characters wide; what is wider still (a table of figures in a narrow
    window) scrolls sideways. A model's card at the Models page's least width was the
    narrower of the page's two sides, a column of a few words (seen offscreen), and Qt's
    own wrapping broke its figures anywhere ("15.|3%", "AU|C": a real-window pass)."""

    READ_WIDTH = 40

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setMinimumWidth(self.READ_WIDTH * self.fontMetrics().averageCharWidth())


def placeholder_whole(edit: QLineEdit) -> None:
    """Keep ``edit`` wide enough for its placeholder text to show whole: the Audit page's
    filters read "ID …", "Op…" and "File…" at its least width (seen offscreen)."""
    room = edit.fontMetrics().horizontalAdvance(edit.placeholderText() + "  ")
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    edit.setMinimumWidth(room + 2 * frame + 8)  # (8: Qt's margins beside the text, and some)


class ElidedLabel(QLabel):
    """A line of text shortened with "…" where it is narrower than the text, whole in its
    tooltip; as narrow as a dozen characters. The status bar's model line, unshortened,
    held the window as wide as itself ("No model loaded: choose one on the Models page.",
    889 points: a review)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(12 * self.fontMetrics().averageCharWidth(), super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        room = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, room.width())
        QPainter(self).drawText(room, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), text)


def _pane_of(widget: QWidget) -> ScrollingPane | None:
    """The nearest :class:`ScrollingPane` holding ``widget``."""
    pane = widget.parentWidget()
    while pane is not None and not isinstance(pane, ScrollingPane):
        pane = pane.parentWidget()
    return pane


def reveal(widget: QWidget) -> None:
    """Scroll the pane that holds ``widget`` until it shows, its layout settled first (the
    Enrol button of signatures just added may lie below a low window's edge)."""
    pane = _pane_of(widget)
    if pane is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        pane.ensureWidgetVisible(widget)


def two_panes(page: QWidget, left: QWidget, right: QWidget, sizes: tuple[int, int]) -> None:
    """Lay ``page`` out as two resizable panes (:class:`ScrollingPane`); the right one
    takes any extra width."""
    splitter = QSplitter()
    splitter.addWidget(ScrollingPane(left))
    splitter.addWidget(ScrollingPane(right))
    splitter.setStretchFactor(1, 1)
    splitter.setSizes(list(sizes))
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
