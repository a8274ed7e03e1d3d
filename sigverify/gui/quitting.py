"""Before the main window closes: everything that would be lost is asked about first,
in turn (signatures not enrolled yet and details typed, an unrecorded result, thresholds
moved and not applied, work still running, a training or a model not saved in the
training wizard), and a result that came in meanwhile."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sigverify.gui import dialogs


def may_quit(window) -> bool:
    """Whether the main window ``window`` may close now (False: the user chose to stay,
    or a question will close it again once its answer is acted on). The texts are the
    main window's (its translation context)."""
    # signatures waiting first: enrolling them saves the name and note typed too
    people = window.people_page
    if not people.settle_pending(then=window.close) or not people.settle_details(then=window.close):
        return False
    # an unrecorded result: "Do not record" takes effect only when the window closes,
    # so a Cancel to a later question keeps it (seen in a real window: it stayed
    # "not recorded, as you chose" with Record, Save report and Print greyed out)
    verify, dropped = window.verify_page, None
    if verify.has_unrecorded_result():
        if not verify.settle_unrecorded(
            QCoreApplication.translate("MainWindow", "quitting"), then=window.close, keep=True
        ):
            return False
        dropped = verify.result
    # thresholds moved and not applied went unasked (seen in a real window)
    thresholds = window.thresholds_page
    if thresholds.has_unapplied() and not _quit_anyway(
        window,
        QCoreApplication.translate(
            "MainWindow",
            "The thresholds moved on the Thresholds page are not in use yet: quitting "
            "leaves them unapplied. Quit anyway?",
        ),
    ):
        window.go_to_page(window.pages.indexOf(thresholds))
        return False
    # the training wizard, a window of its own: its training is asked about there, last
    wizard = window.train_page.shown_wizard()
    training = wizard.training_page.job if wizard is not None else None
    if window.engine.pending_besides(training) and not _quit_anyway(window, _running_text(window)):
        return False
    if wizard is not None and not wizard.may_close(quitting=True):
        window.train_page.open_wizard()  # (brought to the front)
        return False
    # a check that finished while that question was open showed its result behind it
    # (seen in a real window: Quit then closed without asking to record it)
    return verify.result is dropped or verify.settle_unrecorded(
        QCoreApplication.translate("MainWindow", "quitting"), then=window.close, keep=True
    )


def _running_text(window) -> str:
    """What quitting now stops: a Queue check said as one, with how far it got (it read
    "the running step is cancelled", and the clerk did not know what was lost: seen in a
    real window); else any work."""
    queue = window.queue_page
    done, total = queue.progress.value(), queue.progress.maximum()
    if queue.checking() and total > 0:  # (before its first items: "0 of 0", a review saw)
        return QCoreApplication.translate(
            "MainWindow",
            "The queue is being checked: {done} of {total} items so far. Quit anyway? What "
            "was checked is kept, and Check goes on with the rest after a restart.",
        ).format(done=max(done, 0), total=total)
    if queue.checking():
        return QCoreApplication.translate(
            "MainWindow",
            "The queue is being checked. Quit anyway? What was checked is kept, and Check "
            "goes on with the rest after a restart.",
        )
    return QCoreApplication.translate(
        "MainWindow",
        "Work is still running. Quit anyway? Finished steps are kept; "
        "the running step is cancelled.",
    )


def _quit_anyway(window, question: str) -> bool:
    return dialogs.ask(
        window,
        QCoreApplication.translate("MainWindow", "Quit sigverify"),
        question,
        QCoreApplication.translate("MainWindow", "&Quit"),
    )
