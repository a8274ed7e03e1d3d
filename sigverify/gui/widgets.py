"""Small widgets shared by the pages: image views, plots, the decision badge, and the words
and numbers they show. The threshold gauge and slider are in
:mod:`sigverify.gui.threshold_widgets`."""

from __future__ import annotations

from PySide6.QtCore import (
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.i18n import percent_text
from sigverify.core.thresholds import ACCEPT, REJECT, REVIEW
from sigverify.gui.colours import blend
from sigverify.gui.keyboard import ReadRowByRow, frame_when_focused

# decision colours: readable with white text in light and dark themes
DECISION_COLOURS = {ACCEPT: "#2e7d32", REVIEW: "#ef6c00", REJECT: "#c62828"}


def unbroken(text: str) -> str:
    """``text`` kept on one line at its hyphens: a word joiner after each (Qt's labels do
    not keep <nobr> on one line; "sigverify-" / "default" was seen at 1024 wide)."""
    return text.replace("-", "-\u2060")


def threshold_text(value: float | None) -> str:
    """A person's own threshold as shown ("0.7562"), "—" for one not set."""
    return "—" if value is None else f"{value:.4f}"


def percent(value: float | None) -> str:
    """A rate as "12.3 %" ("12.3%" in Chinese), or "–" when there is none (None or NaN)."""
    if value is None or value != value:
        return "–"
    return percent_text(value, ".1f")


def file_filter(name: str, patterns: str) -> str:
    """One file-dialog filter, "name (patterns)". The brackets stay out of the translated
    name: Qt finds the patterns only between ASCII brackets, and a translation's full-width
    ones（…）left a Chinese dialog listing no files at all."""
    return f"{name} ({patterns})"


# ------------------------------------------------------------------ images


def decision_word(decision: str) -> str:
    """The decision as a word inside a sentence ("accept", "needs review", "reject")."""
    return {
        ACCEPT: QGuiApplication.translate("widgets", "accept"),
        REVIEW: QGuiApplication.translate("widgets", "needs review"),
        REJECT: QGuiApplication.translate("widgets", "reject"),
    }[decision]


def figure_canvas(figure) -> QWidget:
    """A Qt widget showing a matplotlib ``figure``. matplotlib (about 0.8 s to import) loads
    here, on the first plot, not when the window starts. A wheel turned over it scrolls the
    page it lies on (no plot zooms: matplotlib's canvas kept the wheel, and a low window's
    Thresholds page did not scroll over its plots)."""
    import shiboken6
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from sigverify.core.plot_fonts import font_families

    class Canvas(FigureCanvasQTAgg):
        def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
            event.ignore()

        def _draw_idle(self) -> None:  # matplotlib's, asked for after a change or a resize
            # drawn when shown (its paintEvent asks again): the Thresholds page's first
            # visit drew the curves on its hidden tabs too, 0.25 s each (measured)
            if not shiboken6.isValid(self) or self.isVisible():  # (deleted: matplotlib's)
                super()._draw_idle()

    families = list(font_families())
    if len(families) > 1:  # figures made before the first canvas still name the generic family
        from matplotlib.text import Text

        for text in figure.findobj(Text):
            text.set_fontfamily(families)
    return Canvas(figure)


def clear_tabs(tabs) -> None:
    """Remove every page of a ``QTabWidget`` and delete it (``QTabWidget.clear`` only
    removes them: each old plot would stay in memory with its figure)."""
    while tabs.count():
        page = tabs.widget(0)
        tabs.removeTab(0)
        page.deleteLater()


class ImageView(QLabel):
    """A picture scaled to fit (keeping its proportions), with a placeholder text."""

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 70)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setText(placeholder)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        if pixmap is None:
            self.clear()
        self._rescale()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap is not None and not self._pixmap.isNull():
            size = self.contentsRect().size()
            self.setPixmap(
                self._pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


class ZoomView(QScrollArea):
    """A picture at a zoom factor (Ctrl + wheel, or :meth:`set_zoom`)."""

    zoom_changed = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._label = QLabel()
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self._label)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pixmap: QPixmap | None = None
        self.zoom = 1.0
        # it takes Tab (the arrow keys scroll a zoomed picture): show when it has it
        frame_when_focused(self)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self._apply()

    def set_zoom(self, zoom: float) -> None:
        """Zoom about the middle of what is shown: it went to the top left corner, which
        at 400 % showed blank paper (seen in a real window)."""
        bars = (self.horizontalScrollBar(), self.verticalScrollBar())
        middle = [
            (bar.value() + bar.pageStep() / 2) / max(1, bar.maximum() + bar.pageStep())
            for bar in bars
        ]
        self.zoom = float(min(max(zoom, 0.5), 8.0))
        self._apply()

        def scroll_back() -> None:  # once the scroll bars know the new size
            for bar, fraction in zip(bars, middle, strict=True):
                span = bar.maximum() + bar.pageStep()
                bar.setValue(round(fraction * span - bar.pageStep() / 2))

        QTimer.singleShot(0, self, scroll_back)
        self.zoom_changed.emit(self.zoom)

    def _apply(self) -> None:
        if self._pixmap is None or self._pixmap.isNull():
            self._label.clear()
            return
        fit = min(
            max(1, self.viewport().width() - 4) / self._pixmap.width(),
            max(1, self.viewport().height() - 4) / self._pixmap.height(),
        )
        scaled = self._pixmap.scaled(
            self._pixmap.size() * (fit * self.zoom),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self._label.setPixmap(scaled)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._apply()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.25 if event.angleDelta().y() > 0 else 0.8))
            event.accept()
        else:
            super().wheelEvent(event)


class ChoiceTable(ReadRowByRow, QTableWidget):
    """A table of rows to choose from (see :func:`choice_table`)."""


#: How many rows beyond those in view a list's columns are sized by (Qt's default: 1,000,
#: which made long lists slow to show).
SIZED_BY_ROWS = 100


def choice_table(headers: list[str]) -> ChoiceTable:
    """A read-only table of rows to choose from, one at a time, read row by row. Tab leaves
    it: by default Tab went cell by cell and wrapped round to the first, so the buttons
    after it could not be reached from the keyboard (seen in a real window)."""
    table = ChoiceTable(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    frame_when_focused(table)  # only its current cell was tinted (seen)
    return table


def lines_height(widget: QWidget, lines: int) -> int:
    """The height of ``lines`` lines of text in ``widget``'s font, Chinese as well as Latin
    (Chinese lines are taller, and the font's own metrics leave the fallback font out)."""
    text = "\n".join(["Ag 王"] * lines)
    flags = Qt.TextFlag.TextWordWrap
    return widget.fontMetrics().boundingRect(QRect(0, 0, 1000, 1000), flags, text).height()


def rows_of_lines(table: QAbstractItemView, lines: int, spare: int = 2) -> None:
    """Rows tall enough for ``lines`` lines of Chinese as well as Latin (and ``spare``
    pixels), or Qt's own height where that is more. Two where a long cell wraps onto a
    second line: Chinese, whose lines are taller, was cut to one line and "…" (the audit
    log's details at 1024 pixels wide, seen in a real window; English wrapped); one where
    cells do not wrap (the font's own metrics leave the fallback font out)."""
    header = table.verticalHeader()
    header.setDefaultSectionSize(
        max(header.defaultSectionSize(), lines_height(table, lines) + spare)
    )


def quiet_text(label: QLabel) -> None:
    """Secondary text (help, hints): lighter than the rest and still easy to read. The
    palette's "mid" grey read 1.8:1 against the window (seen in a real window); this mix,
    60 % of the text's colour, reads about 5:1 on a light window and on a dark one."""
    palette = label.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    mixed = blend(text, window, 0.6)
    palette.setColor(QPalette.ColorRole.WindowText, mixed)
    label.setPalette(palette)


def captioned_row(views: list[tuple[str, QWidget]], stacked: bool = False) -> QBoxLayout:
    """Views side by side (or one above the other when ``stacked``), each under its
    caption; the views take the extra room."""
    row = QVBoxLayout() if stacked else QHBoxLayout()
    for caption, view in views:
        column = QVBoxLayout()
        column.addWidget(QLabel(caption))
        column.addWidget(view, 1)
        row.addLayout(column)
    return row


# ------------------------------------------------------------------ decision display


class DecisionBadge(QLabel):
    """The big accept / needs review / reject answer."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)  # a clerk's word has the machine's under it
        self.setMinimumHeight(64)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.setFont(font)
        self.decision: str | None = None
        self.clerks: str | None = None  # a clerk's decision that overrules the machine's
        self.stale = False
        self.set_decision(None)

    def set_decision(self, decision: str | None) -> None:
        self.decision = decision
        self.clerks = None  # the machine's answer stands until a clerk's word is shown
        if decision is None:
            self.setText(self.tr("No result yet"))
            self.setStyleSheet(
                "border: 2px dashed palette(mid); border-radius: 10px; color: palette(mid);"
            )
        else:
            self.setText(self._word(decision))
            self._colour(DECISION_COLOURS[decision])
        self.stale = False

    def set_clerks_decision(self, decision: str) -> None:
        """A clerk's accept or reject that overrules the machine's answer: it is the answer
        that stands, so it takes the badge, in its colour, with the machine's under it (the
        badge said REJECT of a cheque the clerk had accepted: seen in a real window)."""
        if self.decision is None or decision == self.decision:
            return  # nothing shown, or the machine's answer confirmed
        self.clerks = decision
        big = (
            self.tr("ACCEPTED BY A CLERK") if decision == ACCEPT else self.tr("REJECTED BY A CLERK")
        )
        machine = self.tr("The machine's answer: {decision}").format(
            decision=self._word(self.decision)
        )
        small = QFont(self.font()).pointSize() - 8
        self.setText(f"{big}<br><span style='font-size: {small}pt'>{machine}</span>")
        self._colour(DECISION_COLOURS[decision])

    def set_stale(self, stale: bool) -> None:
        """A result that no longer belongs to what is on screen: greyed, still readable."""
        if self.decision is None or stale == self.stale:
            return
        self.stale = stale
        self._colour("#9e9e9e" if stale else DECISION_COLOURS[self.clerks or self.decision])

    def _word(self, decision: str) -> str:
        return {
            ACCEPT: self.tr("ACCEPT"),
            REVIEW: self.tr("NEEDS REVIEW"),
            REJECT: self.tr("REJECT"),
        }[decision]

    def _colour(self, colour: str) -> None:
        self.setStyleSheet(f"background: {colour}; color: white; border-radius: 10px;")


def accuracy_text(card) -> str:
    """The card's test figures in a clerk's words (empty when it has none)."""
    from sigverify.core.model.card import accuracy_summary

    summary = accuracy_summary(card)
    if summary is None:
        return ""
    if summary.splits > 1:
        return QGuiApplication.translate(
            "widgets",
            "Its training recipe was tested {splits} times, each time on {writers} people the "
            "model never saw, with {refs} reference signatures each: on average, at its "
            "threshold, it refuses {refused} of genuine signatures (they go to review or are "
            "rejected) and lets {accepted} of skilled forgeries through.",
        ).format(
            splits=summary.splits,
            writers=summary.writers,
            refs=summary.refs,
            refused=share_words(summary.genuine_refused),
            accepted=share_words(summary.forgeries_accepted),
        )
    return QGuiApplication.translate(  # (%n: "Measured on 1 people" was seen)
        "widgets",
        "Measured on %n person(s) it never saw, with {refs} reference signatures each: "
        "at its threshold it refuses {refused} of genuine signatures (they go to review or "
        "are rejected) and lets {accepted} of skilled forgeries through.",
        None,
        summary.writers,
    ).format(
        refs=summary.refs,
        refused=share_words(summary.genuine_refused),
        accepted=share_words(summary.forgeries_accepted),
    )


def share_words(rate: float) -> str:
    """0.196 -> "about 1 in 5 (20 %)"; small rates as "about 1 in 250 (0.4 %)"; above a
    third in tenths, 0.69 -> "about 7 in 10 (69 %)" ("1 in 1 (69 %)" before, seen on a poor
    model's card); none and all without "about" ("refuses about none (0 %)": seen)."""
    if rate <= 0:
        return QGuiApplication.translate("widgets", "none ({percent})").format(
            percent=percent_text(0)
        )
    if rate >= 0.995:
        return QGuiApplication.translate("widgets", "all ({percent})").format(
            percent=percent_text(1)
        )
    percent = percent_text(rate, ".1f" if rate < 0.01 else ".0f")
    if rate > 0.34:
        return QGuiApplication.translate("widgets", "about {n} in 10 ({percent})").format(
            n=round(10 * rate), percent=percent
        )
    return QGuiApplication.translate("widgets", "about 1 in {n} ({percent})").format(
        n=max(1, round(1 / rate)), percent=percent
    )


def duration(seconds: float) -> str:
    """A time estimate: "37 min", "2.5 h" (in the interface's language)."""
    minutes = max(1, round(seconds / 60))
    if minutes < 90:
        return QGuiApplication.translate("widgets", "{minutes} min").format(minutes=minutes)
    return QGuiApplication.translate("widgets", "{hours:.1f} h").format(hours=minutes / 60)


class RoleButton(QPushButton):
    """A button for something only some accounts of a shared store may do (``action``, see
    :meth:`Store.refusal`): for the others it stays disabled and its tooltip says why."""

    def __init__(self, text: str, store, action: str, parent=None):
        super().__init__(text, parent)
        self.refusal = store.refusal(action)
        if self.refusal:
            super().setToolTip(self.refusal)
            super().setEnabled(False)

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt API
        super().setEnabled(enabled and not self.refusal)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setToolTip(f"{self.refusal}\n{text}" if self.refusal else text)
