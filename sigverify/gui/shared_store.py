"""The app's side of a store shared through a server: which store to open (a setting kept
on this computer), the password asked for when the address has none, the status-bar
button that says which store is open, and the Approvals dialog where a supervisor
approves or rejects another supervisor's risky change."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from sigverify.core.audit_view import action_name, summary
from sigverify.core.i18n import translate
from sigverify.core.store.backend import is_server_url, without_password
from sigverify.core.store.records import AuditEntry, local_time
from sigverify.gui import dialogs
from sigverify.gui.language import gui_settings
from sigverify.gui.panes import within_screen
from sigverify.gui.widgets import choice_table, rows_of_lines

LOCATION_SETTING = "store/location"


def saved_location() -> str | None:
    """The store chosen in the app (a ``postgresql://`` address), or None: the default."""
    value = str(gui_settings().value(LOCATION_SETTING, "") or "").strip()
    return value or None


def save_location(location: str) -> None:
    """Keep the store's address for the next start, never with a password in it (the app
    asks for it, or libpq finds it in PGPASSWORD or the .pgpass file)."""
    settings = gui_settings()
    settings.setValue(LOCATION_SETTING, without_password(location.strip(), mask=""))
    settings.sync()


def needs_password(location, error: BaseException) -> bool:
    """True when opening the server store at ``location`` failed for want of a password
    that the address does not hold (libpq may also find one in PGPASSWORD or .pgpass)."""
    if not is_server_url(str(location)) or urlsplit(str(location)).password:
        return False
    text = str(error.__cause__ or error).lower()
    return "password" in text


def with_password(location: str, password: str) -> str:
    parts = urlsplit(location)
    user = parts.netloc.rsplit("@", 1)
    host = user[-1]
    name = user[0] if len(user) == 2 else ""
    netloc = f"{name}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def ask_password(parent, location: str) -> str | None:
    """The address with the password the person typed, or None if they cancelled."""
    parts = urlsplit(location)
    password, ok = QInputDialog.getText(
        parent,
        translate("shared_store", "Shared store"),
        translate(
            "shared_store", "Password of the account “{account}” on the server {server}:"
        ).format(account=parts.username or "", server=parts.hostname or ""),
        QLineEdit.EchoMode.Password,
    )
    return with_password(location, password) if ok and password else None


def store_caption(store) -> str:
    """What the status bar says about the open store."""
    if not store.shared:
        return translate("shared_store", "Store on this computer")
    parts = urlsplit(store.location)
    roles = {
        "clerk": translate("shared_store", "clerk"),
        "supervisor": translate("shared_store", "supervisor"),
        "administrator": translate("shared_store", "administrator"),
    }
    return translate(
        "shared_store", "Shared store {database} on {server} ({account}, {role})"
    ).format(
        database=parts.path.strip("/"),
        server=parts.hostname,
        account=store.account,
        role=roles.get(store.role.value, store.role.value),
    )


def choose_location(parent, current: str | None) -> str | None:
    """Ask for the address of a shared store (empty: the store on this computer); the new
    value, or None if cancelled or refused."""
    text, ok = QInputDialog.getText(
        parent,
        translate("shared_store", "Store"),
        translate(
            "shared_store",
            "Address of a shared store, for example\n"
            "postgresql://ann@branch-server/sigverify\n"
            "Leave it empty for the store on this computer. sigverify opens it at its next start.",
        ),
        QLineEdit.EchoMode.Normal,
        current or "",
    )
    text = text.strip()
    if not ok:
        return None
    if text and not is_server_url(text):
        dialogs.show_info(
            parent,
            translate("shared_store", "Store"),
            translate("shared_store", "A shared store's address starts with postgresql://"),
        )
        return None
    return text


class ApprovalsDialog(QDialog):
    """The changes waiting for a second supervisor, with Approve and Reject (in the
    worker, like every store write). Approving one's own request is refused by the store
    and explained."""

    def __init__(self, engine, store, parent=None):
        super().__init__(parent)
        self.engine, self.store = engine, store
        self.setWindowTitle(self.tr("Approvals"))
        self.resize(within_screen(self, QSize(820, 360)))
        intro = QLabel(
            self.tr(
                "Risky changes asked for by a supervisor wait here until another supervisor "
                "approves them. Both names go to the audit log."
            )
        )
        intro.setWordWrap(True)
        self.table = choice_table(  # the change's own number is the first column
            [
                self.tr("No."),
                self.tr("Asked by"),
                self.tr("When"),
                self.tr("Change"),
                self.tr("Person"),
                self.tr("Details"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        rows_of_lines(self.table, 2)  # (the details wrap)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.message = QLabel()
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addWidget(self.reject_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        reason = store.refusal("approve")
        if reason:
            self.message.setText(reason)
        self.refresh()

    def refresh(self) -> None:
        self.changes = self.store.pending_changes()
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            entry = AuditEntry(
                change.id, change.requested_at, change.requested_by, change.action,
                change.person_id, change.details, "", "",
            )  # fmt: skip
            details = summary(entry)
            when = local_time(change.requested_at, seconds=False)
            cells = (
                str(change.id),
                change.requested_by,
                when,
                action_name(change.action),
                change.person_id or "",
                details,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.changes:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self):
        row = self.table.currentRow()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def _update_buttons(self) -> None:
        allowed = self.selected() is not None and not self.store.refusal("approve")
        self.approve_button.setEnabled(allowed)
        self.reject_button.setEnabled(allowed)

    def decide(self, approve: bool) -> None:
        change = self.selected()
        if change is None:
            return
        question = (
            self.tr("Approve change {change} ({what}) asked for by {who}? It applies at once.")
            if approve
            else self.tr("Reject change {change} ({what}) asked for by {who}?")
        )
        if not dialogs.ask(
            self,
            self.tr("Approvals"),
            question.format(
                change=change.id, what=action_name(change.action), who=change.requested_by
            ),
            self.tr("&Approve") if approve else self.tr("&Reject"),
        ):
            return

        def done(decided) -> None:
            text = (
                self.tr("Change {change} approved and applied.")
                if decided.status == "approved"
                else self.tr("Change {change} rejected.")
            )
            self.message.setText(text.format(change=decided.id))
            self.refresh()

        def failed(error) -> None:
            dialogs.show_error(self, error)
            self.refresh()

        self.engine.submit(
            lambda context, job: context.store.decide(change.id, approve), done, failed
        )
