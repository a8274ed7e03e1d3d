"""The Verify page's comparison of the checked signature with one reference: side by side
or overlaid (both as the model sees them), the reference chosen by its distance, one zoom
for all views. On the overlay, "Show where they differ" colours the strokes that depart
from the reference (worked out in the model worker: :meth:`VerificationService.explain`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.errors import StoreIntegrityError
from sigverify.core.explain import heat_overlay
from sigverify.core.imaging.overlay import overlay_images
from sigverify.core.store import Store
from sigverify.gui.dialogs import error_text
from sigverify.gui.qimages import array_to_qimage, png_to_array, preprocessed_pixmap
from sigverify.gui.widgets import ZoomView, captioned_row


class ComparisonPanel(QWidget):
    """Shows a :class:`~sigverify.core.verification_results.VerificationResult` against
    the references it was computed with (read from ``store``)."""

    def __init__(self, store: Store, engine=None, parent=None):
        """``engine``: the model worker that works out the differences (None: no toggle)."""
        super().__init__(parent)
        self.store, self.engine = store, engine
        self.result = None
        self.explanation = None  # (result, reference id, Explanation) last worked out
        self._explaining = None  # (result, reference id) being worked out
        self._prepared = {}  # reference id -> pixels as the active model sees them
        self._preparing = set()  # reference ids on their way from the worker
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
        self.overlay_legend = self.tr(
            "<span style='color:#d32f2f'>■ checked signature</span> &nbsp; "
            "<span style='color:#1565c0'>■ reference</span> &nbsp; ■ both"
        )
        differs = self.tr(
            "<span style='color:#e6a100'>■</span><span style='color:#d32f2f'>■</span> "
            "differs (red: most, and the model's distance rests on it)"
        )
        self.heat_legends = {
            True: self.tr(
                "■ checked signature &nbsp; <span style='color:#5d9bd5'>■ reference, "
                "aligned onto it</span> &nbsp; {differs}"
            ).format(differs=differs),
            False: self.tr(
                "■ checked signature &nbsp; <span style='color:#5d9bd5'>■ reference, as "
                "stored (they could not be aligned)</span> &nbsp; {differs}"
            ).format(differs=differs),
        }
        self.legend = QLabel(self.overlay_legend)
        self.legend.setWordWrap(True)
        self.show_differences = QCheckBox(self.tr("Show where they &differ"))
        self.show_differences.setToolTip(
            self.tr(
                "Colour the strokes of either signature that have no counterpart in the other, "
                "after aligning the reference onto the checked signature (Alt+D)"
            )
        )
        self.show_differences.setVisible(engine is not None)
        self.show_differences.toggled.connect(lambda _: self._show_comparison())
        # the switch above the legend, not beside it: a wrapped legend ran on after it and
        # read across it ("■■ 不 [✓] 显示不同之处" / "同之处（红色…", seen in a real window)
        overlay_layout.addWidget(self.show_differences)
        overlay_layout.addWidget(self.legend)
        overlay_layout.addWidget(self.overlay_view, 1)
        self.compare_stack = QStackedWidget()
        self.compare_stack.addWidget(side)
        self.compare_stack.addWidget(overlay)
        for view in (self.side_query, self.side_reference, self.overlay_view):
            view.zoom_changed.connect(lambda z: self.zoom.setValue(int(round(z * 100))))
        # Two rows, so that at 1024 px wide the tabs and the zoom are not cut off.
        self.zoom.setMinimumWidth(100)
        self.compare_tabs.setExpanding(False)
        # both tabs whole: in a narrow window "Overlay" went behind scroll arrows (seen)
        self.compare_tabs.setUsesScrollButtons(False)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(compare_bar)
        layout.addWidget(self.compare_stack, 1)

    def show_result(self, result) -> None:
        """The references of ``result`` to choose from, nearest first (None: empty)."""
        self.result = result
        self._prepared, self._preparing = {}, set()
        # each result starts whole: at the last one's zoom it showed blank paper, and the
        # greyed slider kept that zoom while no result was shown (seen)
        self.zoom.setValue(100)
        for widget in (self.reference_choice, self.zoom):
            widget.setEnabled(result is not None)
        if result is None:
            self.reference_choice.clear()
            for view in (self.side_query, self.side_reference, self.overlay_view):
                view.set_pixmap(None)
            # not the last result's (seen in a real window: "…they could not be aligned"
            # over an empty view once the next signature was opened)
            self.legend.setText(self.overlay_legend)
            return
        self.reference_choice.blockSignals(True)
        self.reference_choice.clear()
        for reference in sorted(result.per_reference, key=lambda r: r.distance):
            # On the score's scale, so that it reads against the thresholds shown above.
            self.reference_choice.addItem(
                f"{reference.filename} ({result.on_score_scale(reference):.4f})",
                reference.reference_id,
            )
        self.choice_tip = self.tr(
            "Each reference's distance to the checked signature, on the same scale as the "
            "score and the thresholds"
        )
        self.reference_choice.setToolTip(self.choice_tip)
        self.reference_choice.blockSignals(False)
        self._show_comparison()

    def _show_comparison(self) -> None:
        self.compare_stack.setCurrentIndex(self.compare_tabs.currentIndex())
        if self.result is None or self.reference_choice.currentIndex() < 0:
            return
        reference_id = self.reference_choice.currentData()
        try:
            _, png = self.store.reference_images(reference_id)
        except StoreIntegrityError as error:  # changed outside sigverify: not shown
            for view in (self.side_reference, self.overlay_view):
                view.set_pixmap(None)
            self.reference_choice.setToolTip(str(error))
            return
        self.reference_choice.setToolTip(self.choice_tip)
        query = self.result.query_pixels
        reference = self._reference_pixels(reference_id, png_to_array(png))
        self.side_query.set_pixmap(preprocessed_pixmap(query))
        if reference is None or reference.shape != query.shape:
            self.side_reference.set_pixmap(
                None if reference is None else preprocessed_pixmap(reference)
            )
            self.overlay_view.set_pixmap(None)
            self.legend.setText(
                self.tr("Preparing the reference as the model sees it…")
                if reference is None
                else self.tr(
                    "This result was made with another model: check the signature again to "
                    "overlay it on its references."
                )
            )
            return
        self.side_reference.set_pixmap(preprocessed_pixmap(reference))
        if not self.show_differences.isChecked():
            self.legend.setText(self.overlay_legend)
        elif self._show_explanation(reference_id):
            return
        self.overlay_view.set_pixmap(
            QPixmap.fromImage(array_to_qimage(overlay_images(query, reference)))
        )

    def _reference_pixels(self, reference_id: int, stored):
        """The reference as the active model sees it: ``stored``, its copy made at
        enrolment, when that is the checked signature's size; else prepared again from its
        original in the worker (None while on its way). After a model switch the stored copy
        was another model's size, and the overlay failed (seen in a real window)."""
        if stored is not None and stored.shape == self.result.query_pixels.shape:
            return stored  # (None: the stored copy does not decode; prepared again)
        if reference_id in self._prepared or self.engine is None:
            return self._prepared.get(reference_id)
        if reference_id in self._preparing:
            return None
        self._preparing.add(reference_id)
        result = self.result

        def work(context, job):
            return context.require_service().reference_pixels(reference_id)

        def done(pixels):
            if self.result is result:
                self._preparing.discard(reference_id)
                self._prepared[reference_id] = pixels
                if self.reference_choice.currentData() == reference_id:
                    self._show_comparison()

        def failed(error):
            if self.result is result:
                self._preparing.discard(reference_id)
                self.legend.setText(error_text(error)[0])

        # urgent: drawn for the result shown, between a training's or a check's steps (an
        # ordinary job held every later verification until their end: review)
        self.engine.submit(work, done, failed, urgent=True)
        return None

    def _show_explanation(self, reference_id: int) -> bool:
        """Show the differences from this reference if they are worked out (True), else
        ask the worker for them (the plain overlay stays until they come)."""
        done = self.explanation
        if done is not None and done[0] is self.result and done[1] == reference_id:
            self.legend.setText(self.heat_legends[done[2].aligned])
            self.overlay_view.set_pixmap(QPixmap.fromImage(array_to_qimage(heat_overlay(done[2]))))
            return True
        self.legend.setText(self.tr("Working out where they differ…"))
        wanted = (self.result, reference_id)
        pending = self._explaining
        if pending is not None and pending[0] is self.result and pending[1] == reference_id:
            return False  # on its way
        self._explaining = wanted
        result = self.result

        def work(context, job):
            return context.require_service().explain(result, reference_id)

        def done_explaining(explanation):
            if self._explaining == wanted:
                self._explaining = None
            self.explanation = (result, reference_id, explanation)
            if self.result is result and self.reference_choice.currentData() == reference_id:
                self._show_comparison()

        def failed(error):
            if self._explaining == wanted:
                self._explaining = None
            self.legend.setText(
                self.tr("The differences could not be worked out: {error}").format(error=error)
            )

        self.engine.submit(work, done_explaining, failed, urgent=True)  # (as the drawing)
        return False

    def _zoom_to(self, zoom: float) -> None:
        for view in (self.side_query, self.side_reference, self.overlay_view):
            if abs(view.zoom - zoom) > 1e-6:
                view.blockSignals(True)
                view.set_zoom(zoom)
                view.blockSignals(False)
