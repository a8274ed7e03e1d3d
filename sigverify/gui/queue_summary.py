"""The Queue page's summary: the day's PDF of every item's outcome, with the clerks'
words (:mod:`sigverify.core.report_batch`), written in the worker."""

from __future__ import annotations

from sigverify.core.operators import operator_name
from sigverify.core.report_batch import ClerkWord, batch_pages, summary_file_name
from sigverify.gui import dialogs
from sigverify.gui.folders import ask_save
from sigverify.gui.language import PagePart
from sigverify.gui.widgets import file_filter


class SummarySaving(PagePart):
    """For :class:`~sigverify.gui.queue_page.QueuePage`: its ``queue``, ``rows``,
    ``engine``, ``hint`` and ``_names`` (person id -> name)."""

    def save_summary(self, path: str | None = None) -> None:
        """The batch summary of the queue's results (as ``sigverify batch verify --report``)."""
        if not self.queue.results_path.exists():
            return
        if path is None:
            path = ask_save(
                self,
                self.tr("Save summary"),
                "reports",
                summary_file_name(),
                file_filter(self.tr("PDF files"), "*.pdf"),
            )
        if not path:
            return
        results, names = self.queue.results_path, dict(self._names)
        not_checked = sum(row.unchecked for row in self.rows)
        settled = {
            row.key: ClerkWord(row.settled, row.comment, row.settled_audit_id, row.settled_by)
            for row in self.rows
            if row.settled
        }

        def work(context, job):
            from sigverify.core.report_files import save_pdf

            pages = batch_pages(
                results, settled=settled, operator=operator_name(context.store),
                not_checked=not_checked, people=names,
            )  # fmt: skip
            return save_pdf(pages, path)

        self.engine.submit(
            work,
            lambda _: self.hint.setText(self.tr("Summary saved to {path}.").format(path=path)),
            lambda error: dialogs.show_error(self, error),
        )
