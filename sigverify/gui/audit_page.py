"""Audit log: every recorded action in a table, filtered by person, operator, action and
dates; the hash chain checked with the result in words; the entries shown exported to CSV;
a double-click shows one entry (a verification's recorded result) in full."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sigverify.core.audit_csv import write_audit_csv
from sigverify.core.audit_view import (
    AuditFilter,
    action_name,
    actions_in_order,
    entry_day,
    filter_entries,
    names_in_log,
    person_text,
    summary,
)
from sigverify.core.store import Store
from sigverify.core.store.records import AuditEntry, local_time
from sigverify.gui import dialogs
from sigverify.gui.audit_entry_text import entry_text
from sigverify.gui.folders import ask_save
from sigverify.gui.keyboard import (
    ReadRowByRow,
    clear_on_escape,
    down_into,
    frame_when_focused,
)
from sigverify.gui.panes import placeholder_whole
from sigverify.gui.widgets import SIZED_BY_ROWS, file_filter, rows_of_lines
from sigverify.gui.workers import Engine

#: The details' column.
DETAILS = 5


class AuditTable(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.names: dict[str, str] = {}  # person id -> name (names_in_log)
        self.headers = (
            self.tr("#"),
            self.tr("Time"),
            self.tr("Operator"),
            self.tr("Action"),
            self.tr("Person"),
            self.tr("Details"),
        )

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == DETAILS:
            # the whole of it: a long entry is cut short in its row (Chinese, which has no
            # spaces to wrap at, lost the end of an enrolment's flagged reference: seen)
            return summary(e)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            str(e.id),
            local_time(e.at),
            e.operator,
            action_name(e.action),
            person_text(e.person_id, self.names),
            # a number and its " %" kept on one line ("score 0 / %" wrapped: seen)
            summary(e).replace(" %", "\u00a0%"),
        )[index.column()]


class DateBox(QDateEdit):
    """A date field that Tab leaves, as any other field (a date edit's Tab walked its year,
    month and day: ten Tabs from the filters to the table). The arrow keys, or Left and
    Right, still go from part to part."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)


class RowTable(ReadRowByRow, QTableView):
    """The audit log's table."""


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditPage(QWidget):
    def __init__(self, engine: Engine, store: Store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.entries: list[AuditEntry] = []
        self.shown: list[AuditEntry] = []
        self.names: dict[str, str] = {}  # person id -> name (names_in_log)
        self._altered = False  # the log was found altered: that stays said
        self._auto_until = None  # the "to" date this page set itself (not the supervisor)

        self.person = QLineEdit()
        # short: "Person (id or n…" at 1024 wide (seen in a real window)
        self.person.setPlaceholderText(self.tr("ID or name"))
        self.search_field = self.person  # Ctrl+F
        clear_on_escape(self.person)
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("Operator"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("File, comment…"))
        self.text.setToolTip(self.tr("Entries whose details hold this text, capitals aside"))
        for edit in (self.person, self.operator, self.text):
            placeholder_whole(edit)
        clear_on_escape(self.text)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        self.since, self.until = DateBox(), DateBox()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _: self.apply_filter())
        self.person.textChanged.connect(lambda _: self.apply_filter())
        self.operator.textChanged.connect(lambda _: self.apply_filter())
        self.text.textChanged.connect(lambda _: self.apply_filter())
        self.action.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.person, 2)
        filters.addWidget(self.operator, 2)
        filters.addWidget(self.text, 2)
        filters.addWidget(self.action, 2)
        filters.addWidget(QLabel(self.tr("from")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(self.clear_button)

        self.table_model = AuditTable(self)
        self.table = RowTable()
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (it went cell by cell)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        frame_when_focused(self.table)  # only its current cell was tinted
        rows_of_lines(self.table, 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        # sized by the rows in view and 100 more, not by a thousand: with 1,182 entries the
        # headers sat apart from their columns for 1-4 s at each reading (seen in a real
        # window; 3,000 entries read in 2.0 s, now 0.26 s)
        header.setResizeContentsPrecision(SIZED_BY_ROWS)
        self.table.activated.connect(self._open_highlighted)  # a double-click, Enter
        down_into(self.person, self.table)  # the entries were six Tabs away (seen)
        down_into(self.operator, self.table)
        down_into(self.text, self.table)

        self.count = QLabel()
        self.chain = QLabel()
        self.chain.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check the log"))
        self.check_button.setToolTip(
            self.tr("Check that no entry was changed, removed or added outside sigverify")
        )
        self.check_button.clicked.connect(self.check_chain)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setShortcut("Ctrl+Shift+S")  # the save key of Verify and Queue
        self.export_button.setToolTip(
            self.tr("Write the entries shown to a CSV file (Ctrl+Shift+S)")
        )
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.check_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain)
        layout.addLayout(bottom)

    # ------------------------------------------------------------ data

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The log is read each time the page is opened: it grows all day."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        def read(context, job):
            entries = context.store.audit_entries()
            enrolled = {p.id: p.name for p in context.store.list_people() if p.name}
            return entries, names_in_log(entries, enrolled)

        # urgent: read between a Queue check's chunks (the page stood empty, dated
        # 2000-01-01, for the whole check: seen in a real window)
        self.engine.submit(
            read, self._loaded, lambda error: dialogs.show_error(self, error), urgent=True
        )

    def _loaded(self, read: tuple[list[AuditEntry], dict[str, str]]) -> None:
        entries, self.names = read
        first_load = not self.entries
        if len(entries) != len(self.entries) and not self._altered:
            # "12 entries written", "none of its 12 entries" beside 15 (seen in a real
            # window): said of the log before; a log found altered stays said
            self.chain.clear()
        self.entries = entries
        self.table_model.names = self.names
        chosen = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All actions"), "")
        for action in actions_in_order({e.action for e in entries}):
            self.action.addItem(action_name(action), action)
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
        self.action.blockSignals(False)
        if first_load or self.until.date() == self._auto_until:
            self._reset_dates()  # still the dates set here: they follow the log and today
        self.apply_filter()

    def _reset_dates(self) -> None:
        first = entry_day(self.entries[0]) if self.entries else date.today()
        for edit, day in ((self.since, first), (self.until, date.today())):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self._auto_until = self.until.date()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            self.person.text().strip(),
            self.operator.text().strip(),
            self.action.currentData() or "",
            self.since.date().toPython(),
            self.until.date().toPython(),
            self.text.text().strip(),
            self.names,
        )

    def apply_filter(self) -> None:
        current = self.table.currentIndex()
        chosen = self.shown[current.row()].id if current.isValid() else None
        # scrolled to the newest entry (or all shown): the list follows the log (a backup's
        # entry stayed out of sight below the last row shown: a real-window pass); first
        # read, or nothing shown before, it opens at the newest (the check just recorded
        # was out of sight below #12: seen in a real window)
        bar = self.table.verticalScrollBar()
        following = not self.shown or bar.value() == bar.maximum()
        self.shown = filter_entries(self.entries, self.current_filter())
        self.table_model.set_entries(self.shown)
        # the highlighted row stays on the same entry when the log is read again (a row
        # number would now be another entry)
        rows = [row for row, entry in enumerate(self.shown) if entry.id == chosen]
        if rows:
            self.table.selectRow(rows[0])
        if following:
            self.table.scrollToBottom()
        self.count.setText(  # (a keyboard user did not know how to read a row cut short)
            self.tr("{shown} of {total} entries · Enter shows the chosen entry whole").format(
                shown=len(self.shown), total=len(self.entries)
            )
        )
        self.export_button.setEnabled(bool(self.shown))

    def clear_filters(self) -> None:
        fields = (self.person, self.operator, self.text, self.action)
        for widget in fields:
            widget.blockSignals(True)
        self.person.clear()
        self.operator.clear()
        self.text.clear()
        self.action.setCurrentIndex(0)
        for widget in fields:
            widget.blockSignals(False)
        self._reset_dates()
        self.apply_filter()

    # ------------------------------------------------------------ actions

    def check_chain(self) -> None:
        def done(result) -> None:
            intact, bad = result
            self._altered = not intact
            if intact:
                self.chain.setStyleSheet("color: #2e7d32;")
                self.chain.setText(
                    self.tr(
                        "✔ The log is intact: none of its {count} entries was changed, removed "
                        "or added outside sigverify."
                    ).format(count=len(self.entries))
                )
            else:
                self.chain.setStyleSheet("color: #c62828; font-weight: 600;")
                self.chain.setText(
                    self.tr(
                        "✖ The log was altered at entry #{entry}: it or an entry after it was "
                        "changed, removed or added outside sigverify. Keep this store as it "
                        "is and tell your supervisor."
                    ).format(entry=bad)
                )

        self.engine.submit(  # (as the read: urgent, so it checks the entries read)
            lambda context, job: context.store.verify_audit_chain(),
            done,
            lambda error: dialogs.show_error(self, error),
            urgent=True,
        )

    def export_csv(self, path: str | None = None) -> None:
        if path is None:
            path = ask_save(
                self,
                self.tr("Export the audit log"),
                "reports",
                f"audit-{time.strftime('%Y-%m-%d')}.csv",  # (tomorrow's does not replace it)
                file_filter(self.tr("CSV files"), "*.csv"),
            )
        if not path:
            return
        try:
            write_audit_csv(self.shown, path, self.names)
        except OSError as error:
            dialogs.show_error(self, error)
            return
        self.chain.setStyleSheet("")
        self.chain.setText(
            self.tr("{count} entries written to {path}.").format(count=len(self.shown), path=path)
        )

    def _open_highlighted(self, index) -> None:
        """The entry highlighted (the keyboard's current cell can be on another row)."""
        rows = self.table.selectionModel().selectedRows()
        self.open_entry(rows[0].row() if rows else index.row())

    def open_entry(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            entry = self.shown[row]
            dialogs.show_info(self, action_name(entry.action), entry_text(entry, self.names))
