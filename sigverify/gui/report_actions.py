"""A verification's report from the app: written as PDF, or drawn on a printer (see
:mod:`sigverify.core.report` for the page itself), and the Verify page's buttons for them
(:class:`ReportActions`)."""

from __future__ import annotations

import io
import sys

from PySide6.QtCore import QCoreApplication, Qt

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import join_sentences
from sigverify.core.store.records import now
from sigverify.gui import dialogs


def render_report(engine, result, query, audit, path: str | None, done, failed) -> None:
    """In the worker (matplotlib and the store): the page of ``result`` for the signature
    ``query`` and its audit row ``audit``, saved to ``path``; without a path, as PNG bytes
    for a printer. ``done(path or png)`` / ``failed(error)`` on the GUI thread."""

    def work(context, job):
        from sigverify.core.report import verification_page, verification_record
        from sigverify.core.report_files import save_pdf

        record = verification_record(context.require_service(), result, query.data, audit, now())
        figure = verification_page(record)
        if path is not None:
            return save_pdf([figure], path)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=200)
        return buffer.getvalue()

    # urgent: the desk's, between a training's or a check's steps (as the verification)
    engine.submit(work, done, failed, urgent=True)


def ask_report_path(parent, result) -> str | None:
    """Where to save ``result``'s report, asked with the folder used last time (else the
    user's documents folder, else home; it opened in the program's folder) and a name that
    says whose and when (:func:`~sigverify.core.report.report_file_name`). None when
    cancelled."""
    from sigverify.core.report import report_file_name
    from sigverify.gui.folders import ask_save
    from sigverify.gui.widgets import file_filter

    path = ask_save(
        parent,
        QCoreApplication.translate("VerifyPage", "Save report"),
        "reports",
        report_file_name(result),
        file_filter(QCoreApplication.translate("VerifyPage", "PDF files"), "*.pdf"),
    )
    return path or None


def print_page(parent, png: bytes, printer=None, file_name: str = "report.pdf") -> str | None:
    """Draw the page image ``png`` on ``printer`` (asked for with the print dialog when
    None), as large as the page allows: the PDF file written when it printed to one, ""
    when to a printer, None when the clerk cancelled or it failed. On a desk without a
    printer the dialog offers the file ``file_name`` where reports are saved (it offered
    ~/print.pdf for every report, each overwriting the last: stop 71); with printers Qt's
    own choice stands (a file name set would make it print to a file)."""
    from PySide6.QtGui import QImage, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

    from sigverify.core.files import unused_path
    from sigverify.gui.folders import remember, start_path

    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        # (Linux: the native dialogs of macOS and Windows refuse a PDF printer, a review
        # found, and offer their own "Save as PDF" without a printer)
        if sys.platform.startswith("linux") and not QPrinterInfo.availablePrinterNames():
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            # (not the report saved a moment ago: printed over it, seen in a real window)
            printer.setOutputFileName(str(unused_path(start_path("reports", file_name))))
        if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
            return None
        if printer.outputFileName():
            remember("reports", printer.outputFileName())
    image = QImage.fromData(png)
    painter = QPainter()
    if not painter.begin(printer):
        message = QCoreApplication.translate("VerifyPage", "The printer could not be used.")
        dialogs.show_error(parent, SigverifyError(message))
        return None
    area = painter.viewport()
    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.setViewport(area.x(), area.y(), size.width(), size.height())
    painter.setWindow(image.rect())
    painter.drawImage(0, 0, image)
    painter.end()
    return printer.outputFileName()


class ReportActions:
    """The Verify page's *Save report…* and *Print…*, mixed into
    :class:`~sigverify.gui.verify_page.VerifyPage`, which provides the result on screen
    (``result``, ``result_query``, ``recorded``, ``audit_row``, ``result_is_current``),
    ``record``, ``record_status`` and the worker (``engine``)."""

    def _when_recorded(self, then) -> None:
        """``then()`` once the result on screen is in the audit log (recording it first
        when it is not yet), so that a report always names its audit row."""
        if self.result is None or (not self.recorded and not self.result_is_current()):
            return
        if self.recorded:  # in the log, or the clerk chose not to record it
            then()
        else:
            self.record(then=then)

    def save_report(self, path: str | None = None) -> None:
        """Save the result's report as PDF (asking where, unless ``path``)."""
        if self.result is None:
            return
        if path is None:
            path = ask_report_path(self, self.result)
        if path:
            self._when_recorded(lambda: self._render_report(path))

    def print_report(self, printer=None) -> None:
        """Print the result's report (asking for the printer, unless ``printer``)."""
        if self.result is not None:
            self._when_recorded(lambda: self._render_report(None, printer))

    def _render_report(self, path: str | None, printer=None) -> None:
        result = self.result

        def done(output):
            entry = self.audit_row[0] if self.audit_row else "?"
            if path is not None:  # (the entry's number went from the screen: seen)
                said = self.tr("Recorded as audit entry #{id}; report saved to {path}.").format(
                    id=entry, path=path
                )
            else:
                from sigverify.core.report import report_file_name

                printed = print_page(self, output, printer, report_file_name(result))
                if printed is None:
                    return
                said = (
                    self.tr("Recorded as audit entry #{id}; report saved to {path}.")
                    if printed
                    else self.tr("Recorded as audit entry #{id}; report sent to the printer.")
                ).format(id=entry, path=printed)
            # the queue's line stays (a clerk's decision went with it: seen in a real window)
            self.record_status.say(join_sentences(said, self.queue_note, self.queue_settled))

        render_report(
            self.engine, self.result, self.result_query, self.audit_row, path, done,
            lambda error: dialogs.show_error(self, error),
        )  # fmt: skip
