"""The answer at the top of the Verify page's result: which file was checked against whose
references by which model, the decision in large letters, the score in words, where it
falls between the thresholds, and the reason."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sigverify.core.errors import NotFoundError
from sigverify.core.i18n import wide_spacing
from sigverify.core.store import Store
from sigverify.core.store.records import model_name_in, person_named
from sigverify.core.thresholds import ACCEPT, REJECT
from sigverify.core.verification_results import VerificationResult
from sigverify.gui.threshold_widgets import ThresholdGauge
from sigverify.gui.widgets import DecisionBadge, unbroken


class ResultSummary(QWidget):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.subject = QLabel()  # which signature, against whose references
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.RichText)
        self.badge = DecisionBadge()
        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 15px;")
        # wrapped: unwrapped, a long line (a pad's two scores, Chinese) widened the result
        # pane and the splitter took the room from the signature on the left
        self.score_label.setWordWrap(True)
        self.gauge = ThresholdGauge()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # one line each even when empty: a wrapped label that had text and was emptied
        # shrank to nothing, and the answer jumped up 14 px at the next file (real window)
        for label in (self.subject, self.reason):
            label.setMinimumHeight(label.fontMetrics().lineSpacing())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.subject, self.badge, self.score_label, self.gauge, self.reason):
            layout.addWidget(widget)

    def show_result(self, result: VerificationResult | None) -> None:
        self.badge.set_decision(result.decision if result is not None else None)
        if result is None:
            self.subject.clear()
            self.score_label.setText(self.tr("The answer and its score show here after Verify."))
            self.gauge.set_values(None, None, None)
            self.reason.clear()
            return
        self.subject.setText(wide_spacing(self.subject_text(result)))
        likely = {
            ACCEPT: self.tr("likely genuine"),
            REJECT: self.tr("likely not genuine"),
        }.get(result.decision, self.tr("uncertain: compare with the references"))
        if result.same_image_as is not None:  # a score of 100 % that proves nothing
            likely = self.tr("the same image as one of the references")
        if result.pen is None:
            self.score_label.setText(
                self.tr("Score {score:.0f} % — {likely} (distance {distance:.4f})").format(
                    score=100 * result.similarity, likely=likely, distance=result.score
                )
            )
            self.gauge.set_values(result.thresholds.accept, result.thresholds.reject, result.score)
        else:  # drawn on a pad: the decision is on both scores together
            self.score_label.setText(
                self.tr(
                    "Score {score:.0f} % — {likely} (pen and picture together: {fused:.3f} "
                    "times their thresholds)"
                ).format(score=100 * result.similarity, likely=likely, fused=result.pen.fused)
            )
            band = result.fused_thresholds
            self.gauge.set_values(band.accept, band.reject, result.pen.fused)
        text = result.reason
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.reason.setText(text)

    def subject_text(self, result: VerificationResult) -> str:
        """ "<file> checked against 5 reference(s) of <name (id)>": the clerk sees whose
        references the answer used, and which file it answered for."""
        try:
            name = self.store.get_person(result.person_id).name
        except NotFoundError:  # removed since: the id alone
            name = ""
        person = person_named(result.person_id, name)
        count = len(result.per_reference)
        subject = self.tr(
            "<b>{file}</b> checked against %n reference(s) of <b>{person}</b>", "", count
        ).format(
            # on one line too ("slip.jpg-" / "crop.png" at 1024 wide: seen in a real window)
            file=unbroken(html.escape(result.filename or self.tr("The signature"))),
            person=html.escape(person),
        )
        # which model answered: only the status bar said, and it names the active one,
        # which a switch changes under a result on screen (seen in a real window)
        # on one line: "sigverify-" / "default" at 1024 wide (seen in a real window); a word
        # joiner after each hyphen (Qt's labels do not keep <nobr> on one line)
        model = unbroken(html.escape(model_name_in(result.model_id)))
        if result.pen is not None:  # both decided ("by the model sigverify-default": seen)
            pen = unbroken(html.escape(model_name_in(result.pen.pen_model)))
            return self.tr("{subject}, by the image model {model} and the pen model {pen}").format(
                subject=subject, model=model, pen=pen
            )
        return self.tr("{subject}, by the model {model}").format(subject=subject, model=model)
