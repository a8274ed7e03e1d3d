"""The wizard's fourth page: the new model and the active one measured on the same test
writers, side by side, with the verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from sigverify.core.data.splits import recorded_writers
from sigverify.core.i18n import join_list, percent_text
from sigverify.gui import dialogs
from sigverify.gui.widgets import clear_tabs, figure_canvas, percent

if TYPE_CHECKING:
    from sigverify.gui.train_wizard import TrainWizard


#: The plots' least height (points): a histogram's axes, title and legend.
PLOTS_LEAST = 180


class EvaluationPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("How good is it?"))
        self.setSubTitle(
            self.tr("Both models measured on the same test people, whom the new model never saw.")
        )
        self.active_report = None
        self.done = False
        self.worse = None  # (new EER, active EER) when the new model was not better
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.table = QTableWidget(6, 2)
        self.table.setTabKeyNavigation(False)  # Tab leaves it (not round its cells)
        self.table.setVerticalHeaderLabels(
            [
                self.tr("EER"),
                self.tr("AUC"),
                self.tr("FAR skilled"),
                self.tr("FAR random"),
                self.tr("FRR"),
                # the FAR and FRR above are at it: the page did not say which (a model
                # with EER 0.0 % and FAR skilled 37.5 % was unexplained: seen)
                self.tr("Threshold"),
            ]
        )
        self.table.setHorizontalHeaderLabels([self.tr("New model"), self.tr("Active model")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # as tall as its five rows (a fixed 190 px left an empty grey row under FRR), each
        # a line of text high: the histogram under them was 55 pixels high in a wizard on a
        # 1366 x 768 laptop at 125 % (a real-window pass)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + self.table.verticalHeader().length()
            + 2 * self.table.frameWidth()
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.plots = QTabWidget()
        self.plots.setMinimumHeight(PLOTS_LEAST)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        layout.addWidget(self.plots, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        run = self.wiz.plan.run
        self.done = False
        clear_tabs(self.plots)
        if run.test_report is None or not run.test_report.per_refs:
            self.verdict.setText(self.tr("There were no test people, so nothing was measured."))
            self.done = True
            self.completeChanged.emit()
            return
        refs = 5 if 5 in run.test_report.per_refs else max(run.test_report.per_refs)
        self.refs = refs
        self.verdict.setText(self.tr("Measuring the active model on the same people…"))
        active = self.wiz.engine.model
        writers = run.split.test
        from sigverify.core.imaging.preprocessing import PreprocessConfig

        new_input = PreprocessConfig.from_dict(self.wiz.plan.training.config.preprocess)

        def work(context, job):
            from sigverify.core.data.bank import SignatureBank
            from sigverify.core.evaluation.measure import evaluate_model

            service = context.service
            if service is None:
                return None
            model = service.model
            bank = (
                run.test_bank
                if model.preprocess == new_input
                else SignatureBank.from_writers(writers, model.preprocess, job.progress)
            )
            return evaluate_model(model, bank, [refs])

        def done(report):
            self.active_report = report
            self._show(run.test_report, report, active.card.name if active else "")

        def failed(error):
            self._show(run.test_report, None, "")
            dialogs.show_error(self, error)

        self.wiz.engine.submit(work, done, failed)

    def _show(self, new, active, active_name: str) -> None:
        from sigverify.core.evaluation.plots import distance_histogram_figure, roc_figure

        self.worse = None

        refs = self.refs
        columns = [new.per_refs[refs], active.per_refs.get(refs) if active else None]
        for col, m in enumerate(columns):
            values = (
                ["–"] * 6
                if m is None
                else [
                    percent(m.eer),
                    f"{m.auc:.3f}",
                    percent(m.far_skilled),
                    percent(m.far_random),
                    percent(m.frr),
                    "–" if m.threshold is None else f"{m.threshold:.4f}",
                ]
            )
            for row, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if active_name:
            self.table.setHorizontalHeaderLabels(
                [self.tr("New model"), self.tr("Active: {name}").format(name=active_name)]
            )
        new_m = columns[0]
        if columns[1] is None:
            verdict = self.tr("New model: EER {eer} with {refs} references.").format(
                eer=percent_text(new_m.eer, ".1f"), refs=refs
            )
        elif new_m.eer < columns[1].eer:
            verdict = self.tr(
                "The new model is better on these people: EER {new} against {old}."
            ).format(new=percent_text(new_m.eer, ".1f"), old=percent_text(columns[1].eer, ".1f"))
        else:
            verdict = self.tr(
                "The new model is not better on these people: EER {new} against {old}."
            ).format(new=percent_text(new_m.eer, ".1f"), old=percent_text(columns[1].eer, ".1f"))
            self.worse = (new_m.eer, columns[1].eer)
        self.verdict.setText(
            verdict
            + " "
            # ("1 test people" was seen)
            + self.tr("(Test people: {n}; with few people this is a rough estimate.)").format(
                n=new_m.writers
            )
            + self._cut_short()
            + self._seen_by_active(active_name)
        )
        new_scores = new.scores[refs]
        self.plots.addTab(
            figure_canvas(
                distance_histogram_figure(new_scores, new_m.threshold, title=self.tr("New model"))
            ),
            self.tr("New model: distances"),
        )
        sets, names = [new_scores], [self.tr("new")]
        if active is not None and refs in active.scores:
            self.plots.addTab(
                figure_canvas(
                    distance_histogram_figure(
                        active.scores[refs], columns[1].threshold, title=self.tr("Active model")
                    )
                ),
                self.tr("Active model: distances"),
            )
            sets.append(active.scores[refs])
            names.append(self.tr("active"))
        self.plots.addTab(figure_canvas(roc_figure(sets, names)), self.tr("ROC"))
        self.done = True
        self.completeChanged.emit()

    def _seen_by_active(self, active_name: str) -> str:
        """The test people the active model was trained or validated on, by its card (the
        same data folder, matched as bench/accuracy.py does): the comparison favours it
        (a CEDAR writer the default model trained on was tested here: seen in a real
        window); "" when none are known."""
        model = self.wiz.engine.model
        if model is None or not active_name:
            return ""
        seen = set()
        for part in ("train", "validation"):
            found = recorded_writers(self.wiz.plan.dataset, model.card.training, part)
            seen.update(w.id for w in found or [])
        ids = [w.id for w in self.wiz.plan.run.split.test if w.id in seen]
        if not ids:
            return ""
        return "\n" + self.tr(
            "{name} was trained on %n of these test people ({ids}): the comparison favours it.",
            "",
            len(ids),
        ).format(name=active_name, ids=join_list(ids))

    def _cut_short(self) -> str:
        """For a training cancelled: how far it went and which epoch is measured (the page
        said nothing of it: seen in a real window); else ""."""
        result = self.wiz.plan.run.result
        if result.stopped != "cancelled":
            return ""
        return "\n" + self.tr(
            "Training was cancelled after {run} of {epochs} epochs: this is the model of "
            "epoch {best}, the best by then."
        ).format(
            run=result.epochs_run,
            epochs=self.wiz.plan.training.config.epochs,
            best=result.best_epoch,
        )

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.done
