"""The main window: navigation on the left, one page at a time, the model in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStyle,
    QWidget,
)

from sigverify import __version__
from sigverify.core.operators import OPERATOR_SETTING, operator_name
from sigverify.core.store import Store
from sigverify.core.store.backend import without_password
from sigverify.gui import dialogs
from sigverify.gui.about import show_about
from sigverify.gui.audit_page import AuditPage
from sigverify.gui.keyboard import (
    EnterPressesButtons,
    FocusFrameAfterOtherWindows,
    KeysShowFocus,
    NoTextFromAlt,
    frame_when_focused,
    keyboard_in_use,
    move_focus,
    show_focus_clearly,
)
from sigverify.gui.language import (
    ask_language,
    choose_language,
    chosen_language,
    gui_settings,
    language_name,
)
from sigverify.gui.models_page import ModelsPage
from sigverify.gui.panes import ElidedLabel, PageStack, WideEnough, within_screen
from sigverify.gui.people_page import PeoplePage
from sigverify.gui.queue_page import QueuePage
from sigverify.gui.queued_result import settle_checked_again, show_queued
from sigverify.gui.quitting import may_quit
from sigverify.gui.shared_store import (
    ApprovalsDialog,
    choose_location,
    save_location,
    saved_location,
)
from sigverify.gui.store_backups import StoreBackups
from sigverify.gui.thresholds_page import ThresholdsPage
from sigverify.gui.train_page import TrainPage
from sigverify.gui.verify_page import VerifyPage
from sigverify.gui.worker_context import ModelInfo
from sigverify.gui.workers import Engine


class MainWindow(QMainWindow):
    def __init__(self, engine: Engine, store: Store, load_model: bool = True):
        super().__init__()
        self.engine, self.store = engine, store
        show_focus_clearly(QApplication.instance())
        self.enter_presses = EnterPressesButtons(self)  # gone with the window
        QCoreApplication.instance().installEventFilter(self.enter_presses)
        self.no_text_from_alt = NoTextFromAlt(self)
        QCoreApplication.instance().installEventFilter(self.no_text_from_alt)
        self.keys_show_focus = KeysShowFocus(self)
        QCoreApplication.instance().installEventFilter(self.keys_show_focus)
        # it opens as if the keyboard were in use, so the field with the cursor is framed (a
        # 1 px line until a key was pressed: seen in a real window)
        self.focus_frame_kept = FocusFrameAfterOtherWindows(self, keyboard=True)
        self.setWindowTitle(self.tr("sigverify {version}").format(version=__version__))
        self.people_page = PeoplePage(engine, store)
        self.verify_page = VerifyPage(engine, store)
        self.queue_page = QueuePage(engine, store)
        self.queue_page.open_requested.connect(self.open_queued)
        self.verify_page.queue_item_recorded.connect(
            lambda again: settle_checked_again(self.queue_page, self.verify_page, again)
        )
        self.thresholds_page = ThresholdsPage(engine, store)
        self.models_page = ModelsPage(engine, store)
        self.models_page.before_switch = lambda then: self.verify_page.settle_unrecorded(
            self.tr("switching the model"), then=then
        )
        self.train_page = TrainPage(engine, store, self.models_page)
        self.audit_page = AuditPage(engine, store)
        self.pages = PageStack()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(22, 22))
        frame_when_focused(  # its selected page looked the same with the focus (seen)
            self.nav, "#navigation { font-size: 14px; } #navigation::item { padding: 10px; }"
        )
        icons = (
            QStyle.StandardPixmap.SP_DirHomeIcon,
            QStyle.StandardPixmap.SP_DialogApplyButton,
            QStyle.StandardPixmap.SP_FileDialogListView,
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            QStyle.StandardPixmap.SP_ComputerIcon,
            QStyle.StandardPixmap.SP_BrowserReload,
            QStyle.StandardPixmap.SP_FileDialogContentsView,
        )
        entries = (
            (self.tr("People"), self.people_page),
            (self.tr("Verify"), self.verify_page),
            (self.tr("Queue"), self.queue_page),
            (self.tr("Thresholds"), self.thresholds_page),
            (self.tr("Models"), self.models_page),
            (self.tr("Train"), self.train_page),
            (self.tr("Audit log"), self.audit_page),
        )
        for number, ((title, page), icon) in enumerate(zip(entries, icons, strict=True), 1):
            item = QListWidgetItem(self.style().standardIcon(icon), title)
            item.setToolTip(self.tr("{page} (Ctrl+{n})").format(page=title, n=number))
            self.nav.addItem(item)
            self.pages.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            # a key pressed: the keyboard is in use, whatever the last focus change said (a
            # dialog closed forgets it: no focus frame after Ctrl+4, seen)
            shortcut.activated.connect(lambda row=number - 1: self.go_to_page(row, True))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        # a page clicked: typing goes on in it (seen in a real window: Ctrl+F did nothing
        # and the letters typed went to the list's type-ahead, which opened another page)
        self.nav.itemClicked.connect(lambda _: self.go_to_page(self.nav.currentRow()))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(
            self.find_in_page
        )
        # from any page (it worked on People alone, though Verify sends people there: seen)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_person)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.model_label = ElidedLabel(self.tr("Loading the model…"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.operator_button = QPushButton()
        self.operator_button.setFlat(True)
        self.operator_button.setToolTip(
            self.tr("The name written to the audit log for everything done here; click to change")
        )
        self.operator_button.clicked.connect(lambda: self.change_operator())
        if store.shared:  # the audit log names the database account: nothing to type
            self.operator_button.setEnabled(False)
            self.operator_button.setToolTip(
                self.tr("On a shared store the audit log names the database account you use")
            )
        self.store_button = QPushButton()
        self.store_button.setFlat(True)
        self.backups = StoreBackups(self, self.store_button)  # (its caption and menu)
        self.approvals_button = QPushButton()
        self.approvals_button.setFlat(True)
        self.approvals_button.setToolTip(
            self.tr("Changes waiting for a second supervisor's approval")
        )
        self.approvals_button.clicked.connect(lambda: self.show_approvals())
        self.approvals_button.setVisible(store.shared)
        self.about_button = QPushButton(self.tr("About"))
        self.about_button.setFlat(True)
        self.about_button.setToolTip(
            self.tr("Version, model, its accuracy and where data is kept (F1)")
        )
        self.about_button.clicked.connect(lambda: self.show_about())
        self.language_button = QPushButton(language_name(chosen_language()))
        self.language_button.setFlat(True)
        self.language_button.setToolTip(self.tr("Language of the interface"))
        self.language_button.clicked.connect(lambda: self.change_language())
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self).activated.connect(
            self.show_about
        )
        # Ctrl+Q closes the window as its close button does (asking about unrecorded work)
        QShortcut(QKeySequence("Ctrl+Q"), self).activated.connect(self.close)
        # flat buttons draw no focus frame of their own: Tab reached them unseen
        self.statusBar().setStyleSheet(
            "QStatusBar QPushButton { border: 1px solid transparent; border-radius: 3px;"
            " padding: 2px 8px; }"
            "QStatusBar QPushButton:hover { background: palette(midlight); }"
            # 2 px as the other buttons' focus frame (keyboard.py), the padding 1 px less
            "QStatusBar QPushButton:focus { border: 2px solid palette(highlight);"
            " padding: 1px 7px; }"
        )
        self.statusBar().addWidget(self.model_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.operator_button)
        self.statusBar().addPermanentWidget(self.store_button)
        self.statusBar().addPermanentWidget(self.approvals_button)
        self.statusBar().addPermanentWidget(self.language_button)
        self.statusBar().addPermanentWidget(self.about_button)
        WideEnough(self.statusBar())
        self._show_operator()
        if store.shared:
            self.show_approvals_count()
            self._approvals_timer = QTimer(self)
            self._approvals_timer.timeout.connect(self.show_approvals_count)
            self._approvals_timer.start(60_000)
        engine.working_changed.connect(self.busy.setVisible)
        self._waiting_said = ""  # the status bar's line about a job waiting, when said
        engine.waiting_for.connect(self._say_waiting)
        engine.model_changed.connect(self._model_changed)
        self.people_page.people_changed.connect(self._people_changed)
        self.people_page.verify_requested.connect(self.verify_person)

        settings = gui_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:  # the first start: as large as is comfortable, never beyond the screen
            self.resize(within_screen(self, QSize(1180, 780)))
        # A desk starts where clerks work: People or Verify, whatever page was open last.
        page = int(settings.value("window/page", 0))
        # with the cursor in its first field: typing an id searches at once (it went to
        # the page list's type-ahead, 4 Tabs away from the field: seen in a real window);
        # framed once the window is active (focus_frame_kept, above)
        self.go_to_page(page if page in (0, 1) else 0, keyboard=False)
        if load_model:
            QTimer.singleShot(0, self.load_model)

    def open_queued(self, person_id: str, image: str, audit_id, waiting: bool) -> None:
        """A queue item on the Verify page, beside the references (already recorded)."""
        self.go_to_page(self.pages.indexOf(self.verify_page))
        show_queued(self.verify_page, person_id, image, audit_id, waiting)

    def verify_person(self, person_id: str) -> None:
        """The Verify page, the person chosen on the People page chosen there, ready for
        the signature to check (Ctrl+O, Ctrl+V or a drop)."""
        # Alt+V, or Space on the button: the keyboard, whatever the last focus change said
        # (after an enrolment, no frame showed, seen); a click: the pointer is on the button
        keyboard = keyboard_in_use(self) or not self.people_page.details.verify_button.underMouse()
        self.verify_page.choose_person(person_id)
        self.go_to_page(self.pages.indexOf(self.verify_page), keyboard)
        # its Open button: in the Tab order, with a focus frame, beside Paste and Draw
        move_focus(self.verify_page.drop_area.open_button, keyboard)

    def new_person(self) -> None:
        """Ctrl+N: the People page, ready to enrol someone new."""
        self.go_to_page(self.pages.indexOf(self.people_page), True)
        self.people_page.new_person()

    def go_to_page(self, row: int, keyboard: bool | None = None) -> None:
        """Show page ``row`` with the keyboard focus in its first field, so that typing
        goes on there (not in the page list). ``keyboard``: whether a key asked for it
        (None: as the window last knew)."""
        if keyboard is None:
            keyboard = keyboard_in_use(self)  # showing another page forgets it (seen)
        self.nav.setCurrentRow(row)
        page = self.pages.widget(row)
        field = getattr(page, "first_field", None)
        if field is not None:
            move_focus(field, keyboard)
            # typing replaces what the field holds (selected only with the keyboard in use
            # before: seen in a real window, an id typed after another, "C-003C-020")
            edit = field.lineEdit() if isinstance(field, QComboBox) else field
            if isinstance(edit, QLineEdit):
                edit.selectAll()
        else:
            page.setFocus()
            page.focusNextChild()
            if QApplication.focusWidget() is not None:
                move_focus(QApplication.focusWidget(), keyboard)

    def find_in_page(self) -> None:
        """Ctrl+F: the cursor to the page's search field (``search_field``), its text
        selected so that typing searches anew; nothing on a page without one."""
        field = getattr(self.pages.currentWidget(), "search_field", None)
        if field is not None:
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            field.selectAll()

    # ------------------------------------------------------------ model

    def load_model(self) -> None:
        """Load the active model in the worker; the window is usable meanwhile."""
        self.model_label.setText(self.tr("Loading the model…"))

        def failed(error):
            self.model_label.setText(self.tr("No model loaded: choose one on the Models page."))
            dialogs.show_error(self, error)

        self.engine.load_model(None, on_error=failed)

    def _say_waiting(self, what: str) -> None:
        """A change asked for during a training or a Queue check runs after it: said (an
        enrolment waited for a whole training unsaid). Verifications and their records run
        between its steps, but not past that change (they must see it); all run while the
        training is paused."""
        bar = self.statusBar()
        if what:
            self._waiting_said = self.tr(  # (short: a longer one was cut off at 1366 px)
                "Your change waits for {what} to end; so do checks after it."
            ).format(what=what)
            bar.showMessage(self._waiting_said)
        elif self._waiting_said and bar.currentMessage() == self._waiting_said:
            bar.clearMessage()  # (a message said since stays)

    def _model_changed(self, info: ModelInfo) -> None:
        self.model_label.setText(
            self.tr("Model: {name} · {device}").format(name=info.card.name, device=info.device)
        )

    def _people_changed(self) -> None:
        self.verify_page.refresh()
        self.thresholds_page.refresh()
        self.backups.show_state()  # (the first person enrolled: "not backed up yet")

    # ------------------------------------------------------------ operator and about

    def _show_operator(self) -> None:
        self.operator_button.setText(
            self.tr("Operator: {name}").format(name=operator_name(self.store))
        )

    def change_operator(self, name: str | None = None) -> None:
        """Ask for the operator's name (or use ``name``) and keep it as the store's operator
        setting (audited under the previous name)."""
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("Operator"),
                self.tr("Your name as it should appear in the audit log:"),
                text=operator_name(self.store),
            )
            if not ok:
                return
        name = name.strip()
        if not name:
            return

        def work(context, job):
            previous = operator_name(context.store)
            context.store.set_setting(OPERATOR_SETTING, name, previous)

        self.engine.submit(
            work, lambda _: self._show_operator(), lambda error: dialogs.show_error(self, error)
        )

    # ------------------------------------------------------------ shared store

    def show_approvals_count(self) -> None:
        """Approvals (N) in the status bar: on start, every minute, after a request here."""
        try:
            count = len(self.store.pending_changes())
        except Exception:  # the server is away for a moment: say so on the next look
            count = None
        self.approvals_button.setText(
            self.tr("Approvals ({count})").format(count="?" if count is None else count)
        )

    def show_approvals(self) -> None:
        ApprovalsDialog(self.engine, self.store, self).exec()
        self.show_approvals_count()
        self.refresh_pages()

    def refresh_pages(self) -> None:
        """After changes made elsewhere (approved on a shared store)."""
        self.people_page.refresh()
        self.thresholds_page.refresh()

    def change_store(self, location: str | None = None) -> None:
        """Choose the store opened at the next start (a shared store's address, or empty
        for the one on this computer)."""
        if location is None:
            shown = without_password(self.store.location, mask="") if self.store.shared else ""
            current = saved_location() or shown
            location = choose_location(self, current)
            if location is None:
                return
        save_location(location)
        dialogs.show_info(
            self,
            self.tr("Store"),
            self.tr("sigverify will open {store} the next time it starts.").format(
                store=location or self.tr("the store on this computer")
            ),
        )

    def change_language(self, language: str | None = None) -> None:
        """Choose the interface language (or use ``language``); it applies at the next start."""
        language = ask_language(self) if language is None else language
        if language is None or language == chosen_language():
            return
        choose_language(language)
        self.language_button.setText(language_name(language))
        dialogs.show_info(
            self,
            self.tr("Language"),
            self.tr("sigverify will use {language} the next time it starts.").format(
                language=language_name(language)
            ),
        )

    def show_about(self) -> None:
        show_about(self, self.engine.model, self.store.location)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        wizard = self.train_page.shown_wizard()  # (a window of its own: closed with this)
        if self.engine.closed:  # the worker is gone: nothing can be recorded or saved now
            if wizard is not None:
                wizard.close_asked()
            event.accept()
            return
        if not may_quit(self):  # each thing that would be lost, asked about first
            event.ignore()
            return
        if wizard is not None:  # asked about by may_quit
            wizard.close_asked()
        self.queue_page.save_drafts()  # comments typed in the Queue, for the next session
        settings = gui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.nav.currentRow())
        settings.sync()
        event.accept()


def create_main_window(store_path=None, load_model: bool = True, threads: int = 2):
    """Build (but do not show) the main window with its worker and store. The caller owns
    them through ``window.engine`` / ``window.store`` (see :func:`close_main_window`)."""
    store = Store(store_path)
    engine = Engine(store.source, threads=threads)
    return MainWindow(engine, store, load_model=load_model)


def close_main_window(window) -> None:
    """Stop the worker and close the store (after the window closed)."""
    window.engine.shutdown()
    if window.train_page.wizard is not None:  # its dropped run, the worker stopped first
        window.train_page.wizard.remove_left_run()
    # Results the worker sent before it stopped are handed over now, while the store their
    # callbacks read (a page refreshing itself) is still open.
    QCoreApplication.sendPostedEvents()
    window.store.close()
