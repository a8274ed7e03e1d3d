"""Verify: choose a person, bring the signature in, see the answer and compare it with
the references."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.imaging.overlay import overlay_images
from sigverify.core.store import Store
from sigverify.core.verification import ACCEPT, REJECT
from sigverify.gui import dialogs
from sigverify.gui.qimages import (
    array_to_qimage,
    bytes_to_pixmap,
    png_to_array,
    preprocessed_pixmap,
)
from sigverify.gui.signature_input import SignatureDropArea, standard_shortcuts
from sigverify.gui.widgets import (
    DecisionBadge,
    ImageView,
    ThresholdGauge,
    ZoomView,
    captioned_row,
    decision_word,
    two_panes,
)
from sigverify.gui.workers import Engine


class VerifyPage(QWidget):
    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.query = None  # SignatureInput
        self.result = None  # VerificationResult
        self.result_query = None  # the SignatureInput that result was computed for
        self.recorded = False

        # -- input
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.person.lineEdit().setPlaceholderText(self.tr("Type an id or name…"))
        self.first_field = self.person
        self.person.currentIndexChanged.connect(lambda _: self._changed())
        self.person.editTextChanged.connect(lambda _: self._changed())
        self.person.lineEdit().editingFinished.connect(self._select_typed_person)
        self.drop_area = SignatureDropArea(multiple=False, compact=False)
        self.drop_area.signatures_added.connect(self.set_query)
        standard_shortcuts(self.drop_area, self.person.lineEdit())
        self.query_view = ImageView(self.tr("No signature yet"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setDefault(True)
        self.verify_button.setShortcut("Ctrl+Return")
        self.verify_button.setToolTip(self.tr("Check the signature (Ctrl+Enter)"))
        self.verify_button.setMinimumHeight(36)
        self.verify_button.clicked.connect(self.verify)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        input_box = QGroupBox(self.tr("Signature to check"))
        form = QFormLayout()
        form.addRow(self.tr("Person"), self.person)
        input_layout = QVBoxLayout(input_box)
        input_layout.addLayout(form)
        input_layout.addWidget(self.drop_area)
        input_layout.addWidget(self.query_view, 1)
        input_layout.addWidget(self.hint)
        input_layout.addWidget(self.verify_button)

        # -- result
        self.badge = DecisionBadge()
        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 15px;")
        self.gauge = ThresholdGauge()
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.compare_tabs = QTabBar()
        self.compare_tabs.addTab(self.tr("Side by side"))
        self.compare_tabs.addTab(self.tr("Overlay"))
        self.compare_tabs.currentChanged.connect(self._show_comparison)
        self.reference_choice = QComboBox()
        self.reference_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reference_choice.setMinimumContentsLength(10)
        self.reference_choice.currentIndexChanged.connect(lambda _: self._show_comparison())
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setRange(50, 400)
        self.zoom.setValue(100)
        self.zoom.setMaximumWidth(140)
        self.zoom.setToolTip(self.tr("Zoom (or Ctrl + mouse wheel on the picture)"))
        self.zoom.valueChanged.connect(lambda v: self._zoom_to(v / 100))
        self.side_query = ZoomView()
        self.side_reference = ZoomView()
        side = QWidget()
        side_layout = captioned_row(
            [
                (self.tr("Checked signature"), self.side_query),
                (self.tr("Reference"), self.side_reference),
            ]
        )
        side_layout.setContentsMargins(0, 0, 0, 0)
        side.setLayout(side_layout)
        self.overlay_view = ZoomView()
        overlay = QWidget()
        overlay_layout = QVBoxLayout(overlay)
        overlay_layout.setContentsMargins(0, 0, 0, 0)
        legend = QLabel(
            self.tr(
                "<span style='color:#d32f2f'>■ checked signature</span> &nbsp; "
                "<span style='color:#1565c0'>■ reference</span> &nbsp; ■ both"
            )
        )
        overlay_layout.addWidget(legend)
        overlay_layout.addWidget(self.overlay_view, 1)
        self.compare_stack = QStackedWidget()
        self.compare_stack.addWidget(side)
        self.compare_stack.addWidget(overlay)
        for view in (self.side_query, self.side_reference, self.overlay_view):
            view.zoom_changed.connect(lambda z: self.zoom.setValue(int(round(z * 100))))
        # Two rows, so that at 1024 px wide the tabs and the zoom are not cut off.
        self.zoom.setMinimumWidth(100)
        self.compare_tabs.setExpanding(False)
        view_row = QHBoxLayout()
        view_row.addWidget(self.compare_tabs)
        view_row.addStretch(1)
        view_row.addWidget(QLabel(self.tr("Zoom")))
        view_row.addWidget(self.zoom)
        reference_row = QHBoxLayout()
        reference_row.addWidget(QLabel(self.tr("Compare with")))
        reference_row.addWidget(self.reference_choice, 1)
        compare_bar = QVBoxLayout()
        compare_bar.addLayout(view_row)
        compare_bar.addLayout(reference_row)

        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment for the record (optional)"))
        self.record_button = QPushButton(self.tr("Record result"))
        self.record_button.setShortcut("Ctrl+S")
        self.record_button.setToolTip(
            self.tr("Write the result and comment to the audit log (Ctrl+S)")
        )
        self.record_button.clicked.connect(lambda: self.record())
        self.record_status = QLabel()
        record_row = QHBoxLayout()
        record_row.addWidget(self.comment, 1)
        record_row.addWidget(self.record_button)

        result_box = QGroupBox(self.tr("Result"))
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(self.badge)
        result_layout.addWidget(self.score_label)
        result_layout.addWidget(self.gauge)
        result_layout.addWidget(self.reason)
        result_layout.addLayout(compare_bar)
        result_layout.addWidget(self.compare_stack, 1)
        result_layout.addLayout(record_row)
        result_layout.addWidget(self.record_status)

        two_panes(self, input_box, result_box, (380, 700))
        self.engine.model_changed.connect(lambda _: self._changed())
        self.refresh()
        self.show_result(None)

    # ------------------------------------------------------------ inputs

    def refresh(self) -> None:
        """Reload the people (after enrolments elsewhere)."""
        current = self.person_id()
        self.person.blockSignals(True)
        self.person.clear()
        for person in self.store.list_people():
            if person.reference_count:
                label = f"{person.name} — {person.id}" if person.name else person.id
                self.person.addItem(label, person.id)
        index = self.person.findData(current) if current else -1
        self.person.setCurrentIndex(index)
        if index < 0:
            self.person.setEditText("")
        self.person.blockSignals(False)
        self._changed()

    def person_id(self) -> str | None:
        """The chosen person: the list's current entry, or the entry whose id was typed
        exactly (case aside): a clerk who types "C-2001" means that person."""
        index = self.person.currentIndex()
        if index >= 0 and self.person.currentText() == self.person.itemText(index):
            return self.person.itemData(index)
        typed = self._typed_index()
        return self.person.itemData(typed) if typed >= 0 else None

    def _typed_index(self) -> int:
        typed = self.person.currentText().strip().casefold()
        for index in range(self.person.count()):
            if str(self.person.itemData(index)).casefold() == typed:
                return index
        return -1

    def _select_typed_person(self) -> None:
        """Return after typing an id shows that person's entry (name and id)."""
        typed = self._typed_index()
        if typed >= 0 and typed != self.person.currentIndex():
            self.person.setCurrentIndex(typed)
        elif typed >= 0:
            self.person.setEditText(self.person.itemText(typed))

    def choose_person(self, person_id: str) -> None:
        self.person.setCurrentIndex(self.person.findData(person_id))

    def set_query(self, signatures) -> None:
        if not self.settle_unrecorded(self.tr("opening the next signature")):
            return
        self.query = signatures[0]
        self.query_view.set_pixmap(bytes_to_pixmap(self.query.data))
        self.show_result(None)
        self._changed()

    # ------------------------------------------------------------ results that must not be lost

    def result_is_current(self) -> bool:
        """The result on screen belongs to the person chosen and the signature shown."""
        return (
            self.result is not None
            and self.result.person_id == self.person_id()
            and self.result_query is self.query
        )

    def has_unrecorded_result(self) -> bool:
        return self.result is not None and not self.recorded

    def settle_unrecorded(self, before: str, then=None) -> bool:
        """Before ``before`` (e.g. "closing sigverify") drops an unrecorded result: ask to
        record it, drop it, or cancel. True when the caller may go on now; with "record",
        the result is recorded first and ``then()`` (if given) runs once it is written."""
        if not self.has_unrecorded_result():
            return True
        result = self.result
        choice = dialogs.choose(
            self,
            self.tr("Result not recorded"),
            self.tr(
                "The result for {person} ({decision}) has not been recorded in the audit "
                "log. Record it before {before}?"
            ).format(
                person=result.person_id, decision=decision_word(result.decision), before=before
            ),
            [self.tr("Record it"), self.tr("Do not record")],
        )
        if choice is None:
            return False
        if choice == 0:
            self.record(then=then, confirmed=True)
            return then is None
        self.recorded = True  # the clerk chose to drop it
        return True

    def _changed(self) -> None:
        self._mark_staleness()
        ready = self.engine.model is not None
        has_person = self.person_id() is not None
        self.verify_button.setEnabled(ready and has_person and self.query is not None)
        if not ready:
            self.hint.setText(self.tr("The model is loading…"))
        elif self.person.count() == 0:
            self.hint.setText(self.tr("Nobody is enrolled yet: enrol people on the People page."))
        elif not has_person:
            self.hint.setText(self.tr("Choose the person the signature claims to be."))
        elif self.query is None:
            self.hint.setText(self.tr("Drop, open, paste or draw the signature to check."))
        else:
            self.hint.setText(self.tr("Ready: press Verify (Ctrl+Enter)."))

    # ------------------------------------------------------------ verifying

    def verify(self) -> None:
        person_id, query = self.person_id(), self.query
        if person_id is None or query is None or self.engine.model is None:
            self._changed()
            return
        self.verify_button.setEnabled(False)
        self.hint.setText(self.tr("Checking…"))

        def work(context, job):
            return context.require_service().verify(person_id, query, record=False)

        def failed(error):
            self._changed()
            dialogs.show_error(self, error)

        self.engine.submit(work, lambda result: self.show_result(result, query), failed)

    def show_result(self, result, query=None) -> None:
        """``query``: the signature the result was computed for (the one shown, if None)."""
        self.result = result
        self.result_query = query if query is not None else self.query
        self.recorded = False
        has = result is not None
        for widget in (self.comment, self.record_button, self.reference_choice, self.zoom):
            widget.setEnabled(has)
        self.record_status.clear()
        self.comment.clear()
        self.badge.set_decision(result.decision if has else None)
        if not has:
            self.score_label.setText(self.tr("Choose a person and a signature, then Verify."))
            self.gauge.set_values(None, None, None)
            self.reason.clear()
            self.reference_choice.clear()
            for view in (self.side_query, self.side_reference, self.overlay_view):
                view.set_pixmap(None)
            return
        likely = {
            ACCEPT: self.tr("likely genuine"),
            REJECT: self.tr("likely not genuine"),
        }.get(result.decision, self.tr("uncertain: compare with the references"))
        self.score_label.setText(
            self.tr("Score {score:.0f} % — {likely} (distance {distance:.3f})").format(
                score=100 * result.similarity, likely=likely, distance=result.score
            )
        )
        self.gauge.set_values(result.thresholds.accept, result.thresholds.reject, result.score)
        text = result.reason
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.reason.setText(text)
        self.reference_choice.blockSignals(True)
        self.reference_choice.clear()
        for reference in sorted(result.per_reference, key=lambda r: r.distance):
            # On the score's scale, so that it reads against the thresholds shown above.
            self.reference_choice.addItem(
                f"{reference.filename} ({result.on_score_scale(reference):.3f})",
                reference.reference_id,
            )
        self.reference_choice.setToolTip(
            self.tr(
                "Each reference's distance to the checked signature, on the same scale as the "
                "score and the thresholds"
            )
        )
        self.reference_choice.blockSignals(False)
        self._show_comparison()
        self._changed()

    def _show_comparison(self) -> None:
        self.compare_stack.setCurrentIndex(self.compare_tabs.currentIndex())
        if self.result is None or self.reference_choice.currentIndex() < 0:
            return
        reference_id = self.reference_choice.currentData()
        _, png = self.store.reference_images(reference_id)
        reference = png_to_array(png)
        query = self.result.query_pixels
        self.side_query.set_pixmap(preprocessed_pixmap(query))
        self.side_reference.set_pixmap(preprocessed_pixmap(reference))
        from PySide6.QtGui import QPixmap

        self.overlay_view.set_pixmap(
            QPixmap.fromImage(array_to_qimage(overlay_images(query, reference)))
        )

    def _zoom_to(self, zoom: float) -> None:
        for view in (self.side_query, self.side_reference, self.overlay_view):
            if abs(view.zoom - zoom) > 1e-6:
                view.blockSignals(True)
                view.set_zoom(zoom)
                view.blockSignals(False)

    def _mark_staleness(self) -> None:
        """A result that no longer matches the person or the signature on screen stays
        visible, marked, and cannot be recorded (it would be filed under the wrong person)."""
        if self.result is None or self.recorded:
            return
        current = self.result_is_current()
        self.record_button.setEnabled(current)
        self.comment.setEnabled(current)
        self.badge.set_stale(not current)
        if current:
            self.record_status.setStyleSheet("")
            self.record_status.clear()
        else:
            self.record_status.setStyleSheet("color: #c62828;")
            self.record_status.setText(
                self.tr(
                    "This result is for {person} and the signature checked then. The person or "
                    "the signature has changed since: press Verify again."
                ).format(person=self.result.person_id)
            )

    # ------------------------------------------------------------ recording

    def record(self, then=None, confirmed: bool = False) -> None:
        """Write the result on screen to the audit log; ``then()`` after it is written.
        A result that no longer matches the screen is recorded only when ``confirmed`` (the
        clerk was asked by name)."""
        if self.result is None or self.recorded:
            return
        if not confirmed and not self.result_is_current():
            self._mark_staleness()
            return
        result, comment = self.result, self.comment.text().strip()

        def done(_):
            if self.result is result:
                self.recorded = True
                self.record_button.setEnabled(False)
                self.record_status.setStyleSheet("")
                self.record_status.setText(self.tr("Recorded in the audit log."))
            if then is not None:  # after the worker has counted this job as done
                QTimer.singleShot(0, self, then)

        self.engine.submit(
            lambda context, job: context.require_service().record_verification(result, comment),
            done,
            lambda error: dialogs.show_error(self, error),
        )
