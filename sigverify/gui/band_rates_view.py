"""What a pair of thresholds does, read three ways: a headline (FAR, FRR, genuine sent to
review), the same in a clerk's words per 100 signatures, and a table of where each kind
of signature lands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from sigverify.core.evaluation.calibration import BandRates, per_hundred
from sigverify.gui.widgets import percent

KINDS = ("genuine", "skilled", "random")


class BandRatesView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 15px; font-weight: 600;")
        # wrapped: on one line it held the page (and the window) 1,013 points wide at the
        # least, and a narrower one cut it at "genuine sent to review" (a real-window pass)
        self.headline.setWordWrap(True)
        self.plain = QLabel()
        self.plain.setWordWrap(True)
        self.rates = {}  # (kind, column) -> the label with its share
        grid = QGridLayout()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        columns = (self.tr("accepted"), self.tr("sent to review"), self.tr("rejected"))
        for c, name in enumerate(columns):
            # over their numbers: right-aligned like them
            grid.addWidget(QLabel(f"<b>{name}</b>"), 0, c + 1, right)
        names = (
            self.tr("Genuine signatures"),
            self.tr("Skilled forgeries"),
            self.tr("Other people's signatures"),
        )
        for r, (key, name) in enumerate(zip(KINDS, names, strict=True)):
            grid.addWidget(QLabel(name), r + 1, 0)
            for c in range(3):
                label = QLabel("–")
                label.setAlignment(right)
                grid.addWidget(label, r + 1, c + 1)
                self.rates[key, c] = label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.plain)
        layout.addLayout(grid)

    def show_rates(self, rates: BandRates) -> None:
        for key in KINDS:
            for c, value in enumerate(getattr(rates, key)):
                self.rates[key, c].setText(percent(value))
        headline = self.tr("FAR {far} · FRR {frr} · genuine sent to review {review}").format(
            far=percent(rates.far), frr=percent(rates.frr), review=percent(rates.genuine[1])
        )
        # wrapped between its parts only: at 1024 pixels a lone "%" began the second line
        # (a real-window pass); Chinese, without blanks, broke between any two characters
        # (a review): blanks that do not break, a word joiner between characters
        parts = ("\u2060".join(part.replace(" ", "\u00a0")) for part in headline.split(" · "))
        self.headline.setText(" · ".join(parts))
        genuine, skilled = per_hundred(rates.genuine), per_hundred(rates.skilled)
        self.plain.setText(
            self.tr(
                # (no verb to agree with a count: "about 1 get through" was seen)
                "With these thresholds, of 100 genuine signatures: about {g_ok:.0f} accepted, "
                "{g_review:.0f} sent to review and {g_no:.0f} rejected; of 100 skilled "
                "forgeries: about {s_ok:.0f} let through and {s_review:.0f} sent to review."
            ).format(
                g_ok=genuine[0],
                g_review=genuine[1],
                g_no=genuine[2],
                s_ok=skilled[0],
                s_review=skilled[1],
            )
        )
