"""Adding to the Queue, for the Queue page: a folder of per-person folders or a CSV list,
dropped, or asked for (Ctrl+O, Alt+L); what could not be added said in a question when
nothing could, else in the line above the list (what was skipped, left out, or taken as
a person's own folder)."""

from __future__ import annotations

from pathlib import Path

from sigverify.core.batch_items import left_out_files, read_items
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_list, join_sentences
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_folder, ask_open
from sigverify.gui.keyboard import move_focus
from sigverify.gui.language import PagePart
from sigverify.gui.widgets import file_filter


class QueueAdding(PagePart):
    """For :class:`~sigverify.gui.queue_page.QueuePage`: its ``store``, ``queue``,
    ``shown``, ``table``, ``_source_note``, ``reload()``, ``check()`` and
    ``_cannot_write()``."""

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            for path in paths:
                self.add_source(path)

    def add_source(self, path: str | None = None, kind: str = "folder") -> None:
        """Add a folder or a CSV list to the queue (asking which, unless ``path``), then
        check what is new."""
        asked = path is None  # (then the keys go on to the list, wherever they were)
        if path is None and kind == "folder":
            path = ask_folder(self, self.tr("Folder of signatures"), "queue")
        elif path is None:
            path = ask_open(
                self,
                self.tr("List of signatures"),
                "queue",
                file_filter(self.tr("CSV files"), "*.csv"),
            )
        if not path:
            return
        # a person's own folder chosen, named by their enrolled ID: their signatures, not
        # refused as lying in no person's folder (seen in a real window)
        owner = self.store.enrolled_id(Path(path).name) if Path(path).is_dir() else None
        try:
            items = read_items(path, owner or "")
        except SigverifyError as error:
            dialogs.show_error(self, error)
            return
        skipped = [i for i in items if i.problem]
        if items and len(skipped) == len(items):  # said in a question, not in the hint line
            # the same reason for all: said once, not as if it were one file's (seen)
            alike = len(skipped) > 1 and len({i.problem for i in skipped}) == 1
            text = (
                self.tr(
                    "None of the %n signature(s) could be added to the queue, all for this "
                    "reason:\n\n{why}",
                    "",
                    len(items),
                )
                if alike
                else self.tr(
                    "None of the %n signature(s) could be added to the queue. “{file}”: {why}",
                    "",
                    len(items),
                )
            )
            why = skipped[0].problem
            dialogs.show_error(
                self, SigverifyError(text.format(file=Path(skipped[0].file).name, why=why))
            )
            return
        try:
            added, before = self.queue.add(items)
        except OSError as error:
            dialogs.show_error(self, self._cannot_write(error))
            return
        # those added before: "0 new items added." alone left the clerk to wonder why
        # (a folder added again: a real-window pass)
        if before and not added:
            note = self.tr("Nothing new: %n signature(s) already in the queue.", "", before)
        else:
            note = self.tr("%n new item(s) added.", "", added)
            if before:
                note = join_sentences(note, self.tr("%n already in the queue.", "", before))
        if owner and any(len(Path(item.image).parts) == 1 for item in items):
            # (said: a folder named like an ID is taken as that person's unasked, a review)
            note = join_sentences(
                note,
                self.tr("The folder “{folder}” is taken as {person}'s own.").format(
                    folder=Path(path).name, person=owner
                ),
            )
        if skipped:
            note = join_sentences(
                note,
                self.tr("%n row(s) skipped: {why}", "", len(skipped)).format(
                    why=skipped[0].problem
                ),
            )
        left_out = [p.name for p in left_out_files(path)]
        if left_out:
            names = join_list(left_out[:3]) + ("…" if len(left_out) > 3 else "")
            not_pictures = self.tr(
                "Not pictures, so left out: %n file(s) ({names}).", "", len(left_out)
            )
            note = join_sentences(note, not_pictures.format(names=names))
        # said until the next folder or list, above the counts (it went with the check's
        # end, before it could be read: seen in a real window)
        self._source_note = note
        self.reload()
        if asked and self.shown:  # Ctrl+O from the Show filter went back to it (seen)
            move_focus(self.table)
        self.check()
