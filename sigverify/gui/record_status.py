"""The line above Verify's record buttons: whether the result on screen is in the audit log
and whose a result is that no longer matches the screen and how to have it back (in red
while it is still to be recorded or checked)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from sigverify.core.i18n import join_sentences, wide_spacing

#: The line's colours: a caution, and something still to do.
CAUTION, ALARM = "#b35c00", "#c62828"


class RecordStatus(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)

    def say(self, text: str = "") -> None:
        """A plain line (empty: none)."""
        self.setStyleSheet("")
        self.setText(wide_spacing(text))

    def say_thresholds_changed(self, person: str) -> None:
        """The result on screen, not recorded yet, was decided on thresholds that have
        changed since: its answer might be another now."""
        self.setStyleSheet(f"color: {CAUTION};")
        self.setText(
            wide_spacing(
                self.tr(
                    "The thresholds for {person} have changed since this check: Verify again "
                    "(Ctrl+Enter) for the answer on the new ones, or record this one as it "
                    "was made."
                ).format(person=person)
            )
        )

    def say_recorded(
        self,
        entry: int | None,
        made_with: str | None = None,
        thresholds_changed_for: str | None = None,
        instead: str = "",
        after: str = "",
    ) -> None:
        """The result on screen is settled: in the audit log as ``entry``, or (None)
        dropped when asked;
        ``made_with``: the model that made it, when another one is active now (the status
        bar names the active one, and read as the result's after a switch);
        ``thresholds_changed_for``: the person whose thresholds changed since the check;
        ``instead``: what the queue says of it, in place of the entry's number (its line
        went when the clerk came back from another page: the clerk's decision with it);
        ``after``: what the queue made of it, said last."""
        if instead:
            text = instead
        elif entry is not None:
            text = self.tr("Recorded in the audit log as entry #{id}.").format(id=entry)
        else:
            text = self.tr("Not recorded, as you chose.")
        if made_with:
            text = join_sentences(
                text,
                self.tr("Made with {model}, which is no longer the active model.").format(
                    model=made_with
                ),
            )
        if thresholds_changed_for:
            text = join_sentences(
                text,
                self.tr("The thresholds for {person} have changed since.").format(
                    person=thresholds_changed_for
                ),
            )
        self.say(join_sentences(text, after))

    def say_out_of_date(
        self, person: str, same_signature: bool, entry: int | None, dropped: bool
    ) -> None:
        """The red line under a result that no longer matches the screen: whose it is,
        whether it is recorded (as audit entry ``entry``), and how to have it back (the two
        notes a real-window check found differently worded said neither)."""
        if not same_signature:
            text = self.tr(
                "This result is for {person} and the signature checked then, not the one on "
                "screen: press Verify to check this one."
            )
        elif entry is not None:
            text = self.tr("This result is {person}'s, recorded in the audit log as entry #{id}.")
        elif dropped:
            text = self.tr("This result is {person}'s, not recorded, as you chose.")
        else:
            text = self.tr(
                "This result is {person}'s and is not recorded yet: choose {person} again to "
                "record it."
            )
        # red where something is still to do (record it, or check the signature on
        # screen); a result settled already is only a caution (red read as an error: a
        # real-window pass)
        settled = same_signature and (entry is not None or dropped)
        self.setStyleSheet(f"color: {CAUTION if settled else ALARM};")
        self.setText(wide_spacing(text.format(person=person, id=entry)))
