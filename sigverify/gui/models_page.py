"""Models: the installed models with their cards; activate, import, delete."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.active_model import active_pen_model_dir, models_used
from sigverify.core.model.card import ModelCard
from sigverify.core.model.catalog import InstalledModel, delete_model, import_model, list_models
from sigverify.core.pen_verification import card_fusion_thresholds
from sigverify.core.store import Store
from sigverify.core.store_records import PendingChange
from sigverify.core.thresholds import card_thresholds
from sigverify.gui import dialogs
from sigverify.gui.widgets import RoleButton, accuracy_text, percent, two_panes
from sigverify.gui.workers import Engine

translate = QCoreApplication.translate
MODEL_ROLE = Qt.ItemDataRole.UserRole


def card_html(card: ModelCard) -> str:
    """The card as a short, readable page."""
    e = html.escape
    thresholds = card_thresholds(card)
    rows = [
        (
            translate("ModelsPage", "Encoder"),
            translate("ModelsPage", "{encoder} ({count:,} parameters)").format(
                encoder=card.encoder, count=card.parameters or 0
            ),
        ),
        *input_rows(card),
        (
            translate("ModelsPage", "Distance"),
            {
                "euclidean": translate("ModelsPage", "euclidean"),
                "cosine": translate("ModelsPage", "cosine"),
            }.get(card.distance, card.distance),
        ),
        (
            translate("ModelsPage", "Embeddings"),
            translate("ModelsPage", "whitened by the training writers' own variation")
            if card.whitened
            else translate("ModelsPage", "as the network gives them"),
        ),
        (
            translate("ModelsPage", "Thresholds"),
            translate(
                "ModelsPage", "accept ≤ {a:.4f}, reject > {r:.4f} (chosen on validation writers)"
            ).format(a=thresholds.accept, r=thresholds.reject),
        ),
        (
            translate("ModelsPage", "Score scaling"),
            translate(
                "ModelsPage", "by the person's own reference spread (typical {s:.4f})"
            ).format(s=card.reference_spread)
            if card.reference_spread
            else translate("ModelsPage", "none (plain distance)"),
        ),
        *fusion_rows(card),
        (translate("ModelsPage", "Created"), (card.created or "")[:16].replace("T", " ")),
        (translate("ModelsPage", "sigverify version"), card.sigverify_version or "–"),
    ]
    out = [f"<h2>{e(card.name)}</h2>"]
    if card.description:
        out.append(f"<p>{e(card.description)}</p>")
    summary = accuracy_text(card) if card.input == "image" else ""  # pen: see pad_table
    if summary:
        out.append(
            f"<p style='background:#fff3e0; padding:6px'>{e(summary)} "
            + e(
                translate(
                    "ModelsPage", "Keep a person in the loop: treat accept as looks consistent."
                )
            )
            + "</p>"
        )
    out.append("<table cellspacing=4>")
    out += [f"<tr><td><b>{e(k)}</b></td><td>{e(str(v))}</td></tr>" for k, v in rows]
    out.append("</table>")
    test = (card.metrics or {}).get("test") or {}
    per_refs = test.get("per_refs") or {}
    if per_refs:
        out.append(
            "<h3>"
            + e(translate("ModelsPage", "Measured on test writers (never seen in training)"))
            + "</h3>"
        )
        out.append(
            "<table cellspacing=6><tr>"
            + "".join(
                f"<th>{e(h)}</th>"
                for h in (
                    translate("ModelsPage", "references"),
                    translate("ModelsPage", "EER"),
                    translate("ModelsPage", "AUC"),
                    translate("ModelsPage", "FAR skilled"),
                    translate("ModelsPage", "FAR random"),
                    translate("ModelsPage", "FRR"),
                    translate("ModelsPage", "writers"),
                )
            )
            + "</tr>"
        )
        for refs, m in sorted(per_refs.items(), key=lambda kv: int(kv[0])):
            cells = (
                refs,
                percent(m.get("eer")),
                f"{m.get('auc', 0):.3f}",
                percent(m.get("far_skilled")),
                percent(m.get("far_random")),
                percent(m.get("frr")),
                m.get("writers", "–"),
            )
            out.append(
                "<tr>" + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells) + "</tr>"
            )
        out.append("</table>")
        protocol = test.get("protocol")
        if protocol:
            # the card keeps the English text; the one this version writes is translated
            out.append("<p><small>" + e(translate("protocol", str(protocol))) + "</small></p>")
    out += over_splits_table(card)
    out += pad_table(card)
    datasets = (card.training or {}).get("datasets") or []
    if datasets:
        names = ", ".join(
            f"{d.get('name')} ({len(d.get('train', []))} / {len(d.get('validation', []))} / "
            f"{len(d.get('test', []))})"
            for d in datasets
        )
        out.append(
            "<p><b>"
            + e(translate("ModelsPage", "Trained on"))
            + f"</b> {e(names)} <small>"
            + e(translate("ModelsPage", "(train / validation / test writers)"))
            + "</small></p>"
        )
    return "".join(out)


def input_rows(card: ModelCard) -> list[tuple[str, str]]:
    """What the model reads, as rows of the card page."""
    if card.input == "pen":
        return [
            (
                translate("ModelsPage", "Reads"),
                translate(
                    "ModelsPage",
                    "signatures drawn on a pad: {n} samples of position, speed, direction, "
                    "curvature and pressure each",
                ).format(n=card.preprocess.get("pen_length")),
            )
        ]
    stroke = card.preprocess_config().stroke_width
    return [
        (
            translate("ModelsPage", "Input size"),
            f"{card.preprocess.get('height')} × {card.preprocess.get('width')}",
        ),
        (
            translate("ModelsPage", "Strokes"),
            translate("ModelsPage", "redrawn {w:g} px wide, whatever the pen or focus").format(
                w=stroke
            )
            if stroke
            else translate("ModelsPage", "as scanned (the pen's own width and shading)"),
        ),
    ]


def measure_names() -> dict[str, str]:
    """The measures of a pad-drawn signature, and all of them together, in words."""
    return {
        "pen": translate("ModelsPage", "pen model"),
        "dtw": translate("ModelsPage", "time warping"),
        "image": translate("ModelsPage", "picture"),
        "pen+dtw+image": translate("ModelsPage", "all together"),
    }


def fusion_rows(card: ModelCard) -> list[tuple[str, str]]:
    """How a pen model's score joins the image model's."""
    if card.input != "pen":
        return []
    band = card_fusion_thresholds(card)
    weights = (card.fusion or {}).get("weights")
    if not weights:
        how = translate("ModelsPage", "each score over its own threshold, averaged")
    else:
        names = measure_names()
        shares = translate("ModelsPage", ", ").join(
            translate("ModelsPage", "{what} {share:.0f} %").format(
                what=names[m], share=100 * weights[m]
            )
            for m in ("pen", "dtw", "image")  # how it was written first, as on Verify
            if m in weights
        )
        how = translate(
            "ModelsPage", "each score over its own threshold, weighted ({shares})"
        ).format(shares=shares)
    return [
        (
            translate("ModelsPage", "With the image model"),
            translate("ModelsPage", "{how}: accept ≤ {a:.2f}, reject > {r:.2f}").format(
                how=how, a=band.accept, r=band.reject
            ),
        )
    ]


class ModelsPage(QWidget):
    models_changed = Signal()

    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.models: list[InstalledModel] = []
        self._job = None
        self.list = QListWidget()
        self.list.setWordWrap(True)  # "name (active, pen, built in)" wraps, never cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda item, _: self._show(item))
        self.details = QTextBrowser()
        self.activate_button = RoleButton(self.tr("Activate"), store, "models")
        self.activate_button.clicked.connect(lambda: self.activate())
        self.import_button = QPushButton(self.tr("Import model folder…"))
        self.import_button.clicked.connect(self.import_folder)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self._job and self._job.cancel())
        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.import_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details, 1)
        if self.activate_button.refusal:  # a clerk on a shared store: say why
            note = QLabel(self.activate_button.refusal)
            note.setWordWrap(True)
            right_layout.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.activate_button)
        right_layout.addLayout(row)
        two_panes(self, left, right, (300, 760))
        self.engine.model_changed.connect(lambda _: self.refresh())
        self.engine.pen_model_changed.connect(lambda _: self.refresh())
        self.refresh()

    def active_path(self) -> Path | None:
        return self.engine.model.path if self.engine.model is not None else None

    def active_paths(self) -> set[Path]:
        """The active image model and the active pen model (pad signatures)."""
        pen = active_pen_model_dir(self.store)
        return {p.resolve() for p in (self.active_path(), pen) if p is not None}

    def refresh(self) -> None:
        chosen = self.current()
        active_paths = self.active_paths()
        extra = [*active_paths, *(Path(p) for p in models_used(self.store))]
        self.models = list_models(extra=extra)
        self.list.blockSignals(True)
        self.list.clear()
        for model in self.models:
            tags = []
            if model.path in active_paths:
                tags.append(self.tr("active"))
            if model.card.input == "pen":
                tags.append(self.tr("pen"))
            if model.bundled:
                tags.append(self.tr("built in"))
            label = model.name + (f"  ({', '.join(tags)})" if tags else "")
            item = QListWidgetItem(label)
            item.setToolTip(
                label
                + (
                    "\n" + self.tr("Judges signatures drawn on a pad, with the image model.")
                    if model.card.input == "pen"
                    else ""
                )
            )
            item.setData(MODEL_ROLE, str(model.path))
            if model.path in active_paths:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if chosen is not None and model.path == chosen.path:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())
        if not self.models:
            self.details.setHtml(
                self.tr(
                    "<p>No model is installed. Import a model folder, or train one "
                    "(Train page or <tt>sigverify train</tt>).</p>"
                )
            )

    def current(self) -> InstalledModel | None:
        item = self.list.currentItem()
        if item is None:
            return None
        path = Path(item.data(MODEL_ROLE))
        return next((m for m in self.models if m.path == path), None)

    def _show(self, item) -> None:
        model = self.current() if item is not None else None
        busy = self._job is not None
        if model is None:
            self.details.clear()
            for button in (self.activate_button, self.delete_button):
                button.setEnabled(False)
            return
        self.details.setHtml(card_html(model.card))
        is_active = model.path in self.active_paths()
        self.activate_button.setEnabled(not is_active and not busy)
        self.delete_button.setEnabled(not is_active and not model.bundled and not busy)

    # ------------------------------------------------------------ actions

    def select(self, path: Path) -> None:
        for row in range(self.list.count()):
            if Path(self.list.item(row).data(MODEL_ROLE)) == Path(path):
                self.list.setCurrentRow(row)

    def activate(self, path: Path | None = None) -> None:
        """Activate the selected model (or the one at ``path``)."""
        if path:
            self.refresh()
            self.select(path)
        model = self.current()
        if model is None:
            return
        if model.card.input == "pen":
            self.status.setText(self.tr("Activating {name}…").format(name=model.name))
        else:
            self.status.setText(
                self.tr("Activating {name}: re-measuring the stored references…").format(
                    name=model.name
                )
            )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.activate_button.setEnabled(False)

        def progress(done, total):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def done(info):
            self._finish()
            if info is None:
                self.status.setText(self.tr("Cancelled: the previous model stays active."))
            elif isinstance(info, PendingChange):
                self.status.setText(self.tr("The switch waits for another supervisor's approval."))
                dialogs.show_pending(self, info)
            else:
                self.status.setText(self.tr("{name} is now active.").format(name=info.card.name))
            self.models_changed.emit()

        def failed(error):
            self._finish()
            self.status.setText(self.tr("The previous model stays active."))
            dialogs.show_error(self, error)

        self._job = self.engine.load_model(model.path, done, failed, True, progress)

    def _finish(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh()

    def import_folder(self, folder: str | None = None) -> None:
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"))
        if not folder:
            return
        try:
            model = import_model(folder)
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error)
            return
        self.status.setText(self.tr("Imported {name}.").format(name=model.name))
        self.refresh()
        self.select(model.path)
        self.models_changed.emit()

    def delete(self) -> None:
        model = self.current()
        if model is None:
            return
        if not dialogs.ask(
            self,
            self.tr("Delete model"),
            self.tr("Delete the model “{name}” from this computer?").format(name=model.name),
            self.tr("Delete"),
        ):
            return
        try:
            delete_model(model, self.active_path())
        except Exception as error:  # noqa: BLE001 - shown to the user
            dialogs.show_error(self, error)
            return
        self.status.setText(self.tr("Deleted {name}.").format(name=model.name))
        self.refresh()
        self.models_changed.emit()


def over_splits_table(card) -> list[str]:
    """HTML rows for ``metrics["test_over_splits"]``: the recipe's mean over several writer
    splits (each trained and tested on its own writers), with the 95 % interval of the EER."""
    over = (card.metrics or {}).get("test_over_splits") or {}
    per_refs, splits = over.get("per_refs") or {}, len(over.get("seeds") or [])
    if splits < 2 or not per_refs:
        return []
    e = html.escape
    heading = translate(
        "ModelsPage", "Mean over {splits} trainings, each tested on its own unseen writers"
    ).format(splits=splits)
    headers = (
        translate("ModelsPage", "references"),
        translate("ModelsPage", "EER (95 % interval)"),
        translate("ModelsPage", "AUC"),
        translate("ModelsPage", "FAR skilled"),
        translate("ModelsPage", "FRR"),
    )
    out = [f"<h3>{e(heading)}</h3>", "<table cellspacing=6><tr>"]
    out += [f"<th>{e(h)}</th>" for h in headers] + ["</tr>"]
    for refs, m in sorted(per_refs.items(), key=lambda kv: int(kv[0])):
        eer = m.get("eer") or {}
        low, high = (eer.get("ci95") or [None, None])[:2]
        interval = f" ({percent(low)}–{percent(high)})" if low is not None else ""
        cells = (
            refs,
            percent(eer.get("mean")) + interval,
            f"{(m.get('auc') or {}).get('mean', 0):.3f}",
            percent((m.get("far_skilled") or {}).get("mean")),
            percent((m.get("frr") or {}).get("mean")),
        )
        out.append("<tr>" + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return out


PAD_METHODS = ("pen", "dtw", "image", "pen+dtw+image")


def pad_table(card) -> list[str]:
    """HTML for a pen card's ``metrics["pad_test"]``: test EER per data set of each measure
    of a pad-drawn signature and of all together (what the app decides on), with the error
    rates of the fused decision at its validation threshold, as ``bench/pen_accuracy.py``
    measured them over several writer splits."""
    pad = (card.metrics or {}).get("pad_test") or {}
    datasets = pad.get("datasets") or {}
    if not datasets:
        return []
    e = html.escape
    names = measure_names()
    heading = translate(
        "ModelsPage",
        "Signatures drawn on a pad: test writers of {splits} trainings, {refs} references",
    ).format(splits=pad.get("splits", 1), refs=pad.get("refs", "?"))
    headers = [translate("ModelsPage", "data set")]
    headers += [translate("ModelsPage", "EER {what}").format(what=names[m]) for m in PAD_METHODS]
    headers += [translate("ModelsPage", "FAR skilled"), translate("ModelsPage", "FRR")]
    out = [f"<h3>{e(heading)}</h3>", "<table cellspacing=6><tr>"]
    out += [f"<th>{e(h)}</th>" for h in headers] + ["</tr>"]
    for name, methods in datasets.items():
        fused = methods.get("pen+dtw+image") or {}
        cells = [name]
        cells += [percent(((methods.get(m) or {}).get("test_eer") or {}).get("mean"))
                  for m in PAD_METHODS]  # fmt: skip
        cells += [
            percent((fused.get("far_skilled_at_validation_threshold") or {}).get("mean")),
            percent((fused.get("frr_at_validation_threshold") or {}).get("mean")),
        ]
        out.append("<tr>" + "".join(f"<td align=right>{e(str(c))}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return out
