"""The wizard's first page: choose (or create) a data folder, read it, check its images and
say what is wrong; the folder goes into the plan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from sigverify.core.data.datasets import LAYOUT_HELP
from sigverify.core.data.splits import MIN_WRITERS
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_folder, ask_save
from sigverify.gui.keyboard import frame_when_focused
from sigverify.gui.qimages import bytes_to_pixmap
from sigverify.gui.train_wizard.options_page import remembered
from sigverify.gui.widgets import ImageView, quiet_text

if TYPE_CHECKING:
    from sigverify.gui.train_wizard import TrainWizard


#: People a training folder should have (the Train page says so too).
RECOMMENDED_PEOPLE = 50


class DataPage(QWizardPage):
    def __init__(self, wizard: TrainWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Your signatures"))
        self.setSubTitle(
            self.tr(
                "Choose the folder holding genuine signatures and forgeries, one folder per person."
            )
        )
        self.checked = False
        self._job = None
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Data folder"))
        # Enter reads the folder again, the same one too (files added on disk since were
        # never read, and Enter went on with the old listing: seen); Tab, only a new one
        self.folder.returnPressed.connect(lambda: self.load(self.folder.text(), again=True))
        self.folder.editingFinished.connect(lambda: self.load(self.folder.text()))
        # a path typed is read on Enter or Tab: Next stayed greyed with no word why (seen)
        self.folder.textEdited.connect(self._typed)
        # the folder the last run started with, offered to be read again (Enter reads it)
        last = remembered().get("data")
        if isinstance(last, str) and Path(last).is_dir():
            self.folder.setText(last)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Create a template folder…"))
        template.clicked.connect(self.create_template)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        row.addWidget(template)
        layout_help = QLabel(
            self.tr("Layouts understood: {help}.").format(help=translate("errors", LAYOUT_HELP))
        )
        layout_help.setWordWrap(True)
        quiet_text(layout_help)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.writers = QTableWidget(0, 3)
        self.writers.setHorizontalHeaderLabels(
            [self.tr("Person"), self.tr("Genuine"), self.tr("Forged")]
        )
        self.writers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.writers.verticalHeader().hide()
        self.writers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.writers.setTabKeyNavigation(False)  # Tab went round its cells, never out
        frame_when_focused(self.writers)  # only its current cell was tinted (seen)
        self.samples = [ImageView() for _ in range(4)]
        samples = QHBoxLayout()
        for view in self.samples:
            view.setMinimumSize(100, 60)
            samples.addWidget(view)
        self.progress = QProgressBar()
        self.progress.hide()
        self.problems = QListWidget()
        # long messages wrap (they were cut mid-word), and Tab on it shows
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frame_when_focused(self.problems)
        if self.folder.text():
            self.summary.setText(self.tr("Press Enter to read this folder."))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(layout_help)
        layout.addWidget(self.summary)
        body = QHBoxLayout()
        body.addWidget(self.writers, 1)
        right = QVBoxLayout()
        right.addLayout(samples)
        right.addWidget(QLabel(self.tr("Problems found")))
        right.addWidget(self.problems, 1)
        body.addLayout(right, 2)
        layout.addLayout(body, 1)
        layout.addWidget(self.progress)

    def browse(self) -> None:
        folder = ask_folder(self, self.tr("Data folder"), "data")
        if folder:
            self.load(folder)

    def create_template(self) -> None:
        from sigverify.core.data.datasets import write_template_folder

        folder = ask_save(self, self.tr("New data folder"), "data", "signatures", "")
        if not folder:
            return
        try:
            write_template_folder(folder)
        except SigverifyError as error:
            dialogs.show_error(self, error)
            return
        self.folder.setText(folder)
        self.completeChanged.emit()  # Next waits for this folder, as for one typed (review)
        dialogs.show_info(
            self,
            self.tr("Template folder"),
            self.tr(
                "Created {folder}. Put each person's signatures in their own folder "
                "(see README.txt there), then choose the folder again."
            ).format(folder=folder),
        )

    def _is_loaded(self, text: str) -> bool:
        """``text`` names the folder read ("/data/" and "/data" alike)."""
        loaded = self.wiz.plan.dataset
        return loaded is not None and bool(text.strip()) and Path(text.strip()) == loaded.root

    def _typed(self, text: str) -> None:
        if text.strip() and not self._is_loaded(text):
            self.summary.setText(self.tr("Press Enter to read this folder."))
        elif self._is_loaded(text):  # typed back to the folder read: what it holds again
            self._show_summary()
        # Next waits for this folder to be read: Return read it and went on at once, past
        # what it found (Next was on from the folder before: seen in a real window)
        self.completeChanged.emit()

    def load(self, folder: str, again: bool = False) -> None:
        """Read ``folder`` and show what it holds (``again``: even when it is the one read)."""
        from sigverify.core.data.datasets import read_dataset

        folder = folder.strip()
        if not folder or (self._is_loaded(folder) and not again):
            return
        self.folder.setText(folder)
        self.wiz.plan.dataset, self.checked = None, False
        self.completeChanged.emit()  # (before the wizard's Return reaches Next)
        self.writers.setRowCount(0)
        self.problems.clear()
        for view in self.samples:
            view.set_pixmap(None)
        try:
            dataset = read_dataset(folder)
        except SigverifyError as error:
            self.summary.setText(str(error))
            self.completeChanged.emit()
            return
        self.wiz.plan.dataset = dataset
        self._show_summary()
        self.writers.setRowCount(len(dataset.writers))
        for row, writer in enumerate(dataset.writers):
            for col, value in enumerate((writer.id, len(writer.genuine), len(writer.forged))):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.writers.setItem(row, col, item)
        examples = []
        for writer in dataset.usable_writers()[:2]:
            examples += writer.genuine[:1] + writer.forged[:1]
        for view, path in zip(self.samples, examples, strict=False):
            try:
                view.set_pixmap(bytes_to_pixmap(Path(path).read_bytes()))
                view.setToolTip(str(path))
            except (OSError, SigverifyError):
                pass
        self._show_problems()
        self.check_images()

    def _show_summary(self) -> None:
        """The folder's counts; the usable people counted again once every image is read
        (files that were not images had counted)."""
        dataset = self.wiz.plan.dataset
        self.summary.setText(
            self.tr(
                "{writers} people ({usable} usable), {genuine} genuine and {forged} forged "
                "signatures ({layout} layout)."
            ).format(
                layout={  # (the CLI's "folders" was shown, in Chinese too: a real window)
                    "folders": self.tr("sigverify's own"),
                    "cedar": "CEDAR",
                    "sigcomp": "SigComp2011",
                    "bhsig260": "BHSig260",
                }.get(dataset.layout, dataset.layout),
                writers=len(dataset.writers),
                usable=len(dataset.usable_writers()),
                genuine=dataset.genuine_count,
                forged=dataset.forged_count,
            )
        )

    def check_images(self) -> None:
        """Read every image in the worker (damaged, blank...), with progress."""
        from sigverify.core.data.datasets import check_images

        dataset = self.wiz.plan.dataset
        self.progress.show()
        self.progress.setFormat(self.tr("Checking images… %v / %m"))

        def progress(done, total):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        def done(_):
            self._job = None
            self.progress.hide()
            if dataset is self.wiz.plan.dataset:
                self.checked = True
                self._show_summary()
                self._show_problems()
                self.completeChanged.emit()

        self._job = self.wiz.engine.submit(
            lambda context, job: check_images(dataset, on_progress=job.progress),
            done,
            lambda error: (dialogs.show_error(self, error), done(None)),
            progress,
        )

    def _show_problems(self) -> None:
        self.problems.clear()
        if self.wiz.plan.dataset is None:
            return
        # the style's icons: the "⛔" before an error was a box in fonts without that sign
        icons = {
            "error": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        root = self.wiz.plan.dataset.root
        for problem in self.wiz.plan.dataset.problems:
            # where in the folder: whose file it is ("“g1.png” is not an image" three times
            # over, for three people, was seen in a real window), unless the message has it
            where = ""
            if problem.path:
                path = Path(problem.path)
                shown = path.relative_to(root) if path.is_relative_to(root) else path.name
                if str(shown) != "." and str(shown) not in problem.message:
                    where = f" ({shown.as_posix() if isinstance(shown, Path) else shown})"
            icon = icons["error" if problem.severity == "error" else "warning"]
            self.problems.addItem(QListWidgetItem(icon, f"{problem.message}{where}"))
        usable = len(self.wiz.plan.dataset.usable_writers())
        # ("None" was said for 14: seen in a real window)
        if MIN_WRITERS <= usable < RECOMMENDED_PEOPLE:
            self.problems.addItem(
                QListWidgetItem(
                    icons["warning"],
                    self.tr(
                        "Only {n} usable people: {recommended} or more are recommended. A "
                        "model trained on fewer may fit these people only, and its test "
                        "figures rest on very few."
                    ).format(n=usable, recommended=RECOMMENDED_PEOPLE),
                )
            )
        elif not self.wiz.plan.dataset.problems and usable >= MIN_WRITERS:
            self.problems.addItem(self.tr("None"))  # (not above the error below: seen)
        if usable < MIN_WRITERS:  # (with 3, training had one person and failed: seen)
            self.problems.addItem(
                QListWidgetItem(
                    icons["error"],
                    self.tr(
                        "At least 4 usable people are needed: 2 to train on, and 1 each for "
                        "validation and test, kept apart; {n} found."
                    ).format(n=usable),
                )
            )

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return (
            self.wiz.plan.dataset is not None
            and self._is_loaded(self.folder.text())
            and self.checked
            and len(self.wiz.plan.dataset.usable_writers()) >= MIN_WRITERS
        )

    def cleanupPage(self) -> None:  # noqa: N802 - Qt API
        if self._job is not None:
            self._job.cancel()
