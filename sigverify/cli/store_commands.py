"""The store's commands: enrol, verify, people, remove, thresholds
(:mod:`~sigverify.cli.threshold_commands`), audit, export and import
(:mod:`~sigverify.cli.card_commands`), settings.
"""

from __future__ import annotations

import argparse
import sys

from sigverify.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    UsageError,
    _emit,
    add_command,
)
from sigverify.cli.server_commands import pending_payload, pending_text
from sigverify.core.i18n import english_plurals, percent_text
from sigverify.core.text_wrap import padded


def _open_store(args):
    from sigverify.core.store import Store

    return Store(args.store)


def _service(args, store):
    from sigverify.core.active_model import active_model_dir, load_pen_scorer
    from sigverify.core.errors import SigverifyError
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import VerificationService

    model = load_for_inference(active_model_dir(store, getattr(args, "model", None)))
    try:
        pen = load_pen_scorer(store)
    except SigverifyError as error:  # scans still verify; pad queries say the picture decided
        print(f"Warning: the pen model cannot be used: {error}", file=sys.stderr)
        pen = None
    return VerificationService(store, model, getattr(args, "operator", None), pen=pen)


def cmd_enroll(args: argparse.Namespace) -> int:
    from sigverify.core.odd_references import InconsistentReferencesError
    from sigverify.core.verification_results import SignatureInput

    signatures = [SignatureInput.from_path(p) for p in args.images]
    with _open_store(args) as store:
        service = _service(args, store)
        try:
            result = service.enroll(
                args.person, signatures, args.name, args.note, accept_outliers=args.force
            )
        except InconsistentReferencesError as error:
            raise UsageError(
                f"{error} Nothing was saved. Check the image, or add --force to enrol anyway."
            ) from error
    payload = {
        "person": result.person_id,
        "added": result.reference_ids,
        "references": result.total_references,
        "model": service.model_id,
        "warnings": result.warnings,
    }
    added = len(result.reference_ids)
    text = [
        english_plurals(
            f"Enrolled {added} reference(s) for {result.person_id} "
            f"({result.total_references} in all).",
            added,
        )
    ] + [f"Note: {w}" for w in result.warnings]
    _emit(args, payload, "\n".join(text))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from sigverify.core.verification_results import SignatureInput, decision_label

    signature = SignatureInput.from_path(args.image)
    if args.report or args.explain:
        from sigverify.core.report_files import check_writable

        for path in (args.report, args.explain):
            if path:
                check_writable(path)  # before anything is recorded
    with _open_store(args) as store:
        service = _service(args, store)
        # a photo of the paper said so and sent to review, as a list checks it
        result = service.verify(args.person, signature, record=False, look_for_sheet=True)
        audit = None if args.no_record else service.record_verification(result, args.comment)
        if args.report:
            from sigverify.core.report import verification_page, verification_record
            from sigverify.core.report_files import save_pdf
            from sigverify.core.store.records import now

            record = verification_record(service, result, signature.data, audit, now())
            save_pdf([verification_page(record)], args.report)
        if args.explain:
            from sigverify.core.explain import explanation_figure
            from sigverify.core.report_files import save_png

            save_png(explanation_figure(service.explain(result)), args.explain)
    label = decision_label(result.decision)
    t = result.thresholds
    if result.pen is None:
        head = (
            # as the app says it: the score in per cent, the distance it is calibrated from
            f"{label}  (score {percent_text(result.similarity)}, distance {result.score:.4f}; "
            f"accept <= {t.accept:.4f}, reject > {t.reject:.4f})"
        )
    else:  # drawn on a pad: decided on the fused score and its band
        band = result.fused_thresholds
        head = (
            f"{label}  (score {percent_text(result.similarity)}, pen and picture together "
            f"{result.pen.fused:.3f}; accept <= {band.accept:.3f}, reject > {band.reject:.3f})"
        )
    lines = [head, result.reason]
    # each reference on the thresholds' scale (the raw distance times the person's spread
    # factor), so that the numbers compare with the distance and the thresholds above
    lines += [
        f"  reference {r.reference_id:>4} {r.filename:<30} distance {result.on_score_scale(r):.4f}"
        for r in sorted(result.per_reference, key=lambda r: r.distance)
    ]
    lines += [f"Note: {w}" for w in result.warnings]
    _emit(args, result.to_dict(), "\n".join(lines))
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        people = store.list_people(args.search)
    payload = {
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "note": p.note,
                "references": p.reference_count,
                "accept_threshold": p.accept_threshold,
                "reject_threshold": p.reject_threshold,
                "thresholds_model": p.thresholds_model,
                "created_at": p.created_at,
            }
            for p in people
        ]
    }
    text = "\n".join(
        english_plurals(
            f"{padded(p.id, 16)} {padded(p.name, 28)} {p.reference_count:>3} reference(s)",
            p.reference_count,
        )
        for p in people
    )
    _emit(args, payload, text or "No people enrolled yet.")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from sigverify.core.operators import operator_name

    with _open_store(args) as store:
        operator = operator_name(store, args.operator)
        if args.reference is not None:
            pending = store.remove_reference(args.reference, operator)
            message, payload = (
                f"Removed reference {args.reference}.",
                {"removed_reference": args.reference},
            )
        else:
            person = store.get_person(args.person)
            if not args.yes:
                raise UsageError(
                    english_plurals(
                        f"This deletes {person.id} and their {person.reference_count} "
                        "reference(s) for good. Add --yes to confirm.",
                        person.reference_count,
                    )
                )
            pending = store.delete_person(args.person, operator)
            message, payload = f"Deleted {person.id}.", {"deleted_person": person.id}
    if pending is not None:
        message, payload = pending_text(pending), pending_payload(pending)
    _emit(args, payload, message)
    return EXIT_OK


def _logged_entries(store, typed: str | None) -> list:
    """The audit entries ``--person`` asks for (all without it): of the person enrolled
    under that id, capitals aside ("c-7" is "C-7", as verify and the app read it), or of
    a deleted person whose id the log has, capitals aside too. An id neither enrolled nor
    in the log is an error: it printed "intact (0 entries)", which reads as a person with
    no history."""
    if not typed:
        return store.audit_entries()
    from sigverify.core.errors import NotFoundError

    enrolled = store.enrolled_id(typed)
    if enrolled is not None:
        return store.audit_entries(enrolled)
    entries = store.audit_entries()
    logged = {e.person_id for e in entries if e.person_id and e.person_id.lower() == typed.lower()}
    wanted = typed if typed in logged else min(logged, default=None)
    if wanted is None:
        raise NotFoundError(
            f"There is no person with id “{typed}” in the store, and the audit log has "
            "nothing about anyone by that id."
        )
    return [e for e in entries if e.person_id == wanted]


def cmd_audit(args: argparse.Namespace) -> int:
    from sigverify.core.audit_csv import write_audit_csv
    from sigverify.core.audit_view import names_in_log, summary

    with _open_store(args) as store:
        intact, bad = store.verify_audit_chain()
        entries = _logged_entries(store, args.person)
        names = names_in_log(entries, {p.id: p.name for p in store.list_people() if p.name})
    if args.csv:
        write_audit_csv(entries, args.csv, names)
    payload = {"intact": intact, "first_bad_entry": bad, "entries": len(entries)}
    if args.action == "show":
        payload["log"] = [
            {
                "id": e.id,
                "at": e.at,
                "operator": e.operator,
                "action": e.action,
                "person": e.person_id,
                "details": e.details,
            }
            for e in entries
        ]
    status = (
        "The audit log is intact."
        if intact
        else f"The audit log was altered at entry {bad} (changed, added, or it and the entries "
        "after it removed)."
    )
    lines = (
        []
        if args.action == "verify"
        else [
            # the details in words, as the Audit log page says them (raw JSON hid what a
            # change was before: seen); --json keeps them as recorded
            f"{e.id:>5} {e.at[:19]} {padded(e.operator, 12)} {e.action:<16} "
            f"{padded(e.person_id or '', 12)} "
            f"{summary(e)}"
            for e in entries
        ]
    )
    count = f"({len(entries)} {'entry' if len(entries) == 1 else 'entries'})"  # ("1 entries")
    _emit(args, payload, "\n".join([*lines, f"{status} {count}"]))
    return EXIT_OK if intact else EXIT_USER_ERROR


def cmd_settings(args: argparse.Namespace) -> int:
    from sigverify.core.model_settings import ACTIVE_MODEL_SETTING
    from sigverify.core.operators import OPERATOR_SETTING, current_operator, operator_name

    with _open_store(args) as store:
        if args.set_operator is not None and store.shared:
            raise UsageError(
                "On a shared store the operator is the database account you connect as."
            )
        if args.set_operator is not None:
            name = args.set_operator.strip()
            if not name:
                raise UsageError("The operator name cannot be empty.")
            store.set_setting(OPERATOR_SETTING, name, operator_name(store, args.operator))
        operator = store.get_setting(OPERATOR_SETTING)
        source = "database account" if store.shared else "setting" if operator else "os user"
        payload = {
            "store": store.location,
            "role": store.role.value,
            "operator": operator_name(store) if store.shared else operator or current_operator(),
            "operator_source": source,
            "active_model": store.get_setting(ACTIVE_MODEL_SETTING),
        }
    text = (
        f"store: {payload['store']} (your role: {payload['role']})\n"
        f"operator: {payload['operator']} (from the {payload['operator_source']})\n"
        f"active model: {payload['active_model'] or _default_text()}"
    )
    _emit(args, payload, text)
    return EXIT_OK


def _default_text() -> str:
    """The model in use when none was activated: the bundled default ("none" read as if
    nothing verified, beside the app's sigverify-default: seen in a real window)."""
    return "the bundled default model (none activated; see sigverify models activate)"


def add_store_arguments(sub, model: bool = True) -> None:
    """The options every command that opens the store takes."""
    sub.add_argument(
        "--store",
        default=None,
        help="store file, or postgresql://ACCOUNT@HOST/DATABASE for a shared store "
        "(default: SIGVERIFY_STORE, else a file in the user data folder)",
    )
    sub.add_argument(
        "--operator", default=None, help="operator name for the audit log (default: OS user)"
    )
    if model:
        sub.add_argument("--model", default=None, help="model folder (default: the active model)")


def register(commands) -> None:
    """Add this group's commands and their arguments to ``commands`` (the parser's
    sub-parsers)."""
    enroll = add_command(commands, "enroll", cmd_enroll, "Add reference signatures for a person.")
    enroll.add_argument("--person", required=True, help="the person's id (e.g. customer number)")
    enroll.add_argument("--name", default=None)
    enroll.add_argument("--note", default=None)
    enroll.add_argument(
        "images", nargs="+", help="reference signature images (3 to 10 recommended)"
    )
    enroll.add_argument(
        "--force", action="store_true", help="enrol even if a reference looks unlike the others"
    )
    add_store_arguments(enroll)

    verify = add_command(
        commands, "verify", cmd_verify, "Check a signature against a person's references."
    )
    verify.add_argument("--person", required=True)
    verify.add_argument("image")
    verify.add_argument("--comment", default="", help="operator comment for the audit log")
    verify.add_argument(
        "--no-record", action="store_true", help="do not write this check to the audit log"
    )
    verify.add_argument(
        "--report", default=None, metavar="PDF", help="also write the check on one A4 page"
    )
    verify.add_argument(
        "--explain",
        default=None,
        metavar="PNG",
        help="also save a picture of where the signature differs from its nearest reference",
    )
    add_store_arguments(verify)

    people = add_command(commands, "people", cmd_people, "List enrolled people.")
    people.add_argument("--search", default="", help="part of an id or name")
    add_store_arguments(people, model=False)

    remove = add_command(commands, "remove", cmd_remove, "Delete a person, or one reference.")
    target = remove.add_mutually_exclusive_group(required=True)
    target.add_argument("--person", help="delete this person and all their references")
    target.add_argument("--reference", type=int, help="remove this reference (number from verify)")
    remove.add_argument("--yes", action="store_true", help="confirm deleting a person")
    add_store_arguments(remove, model=False)

    from sigverify.cli import threshold_commands  # it builds on this module's helpers

    threshold_commands.register(commands)

    audit = add_command(commands, "audit", cmd_audit, "Show, check or export the audit log.")
    audit.add_argument("--person", default=None, help="only this person's entries")
    audit.add_argument(
        "action",
        nargs="?",
        default="show",
        choices=["show", "verify"],
        help="show the entries (default), or verify: only check the hash chain (exit 2 if altered)",
    )
    audit.add_argument(
        "--verify",
        dest="action",
        action="store_const",
        const="verify",
        help="same as: audit verify",
    )
    audit.add_argument("--csv", default=None, help="also write the entries to this CSV file")
    add_store_arguments(audit, model=False)

    from sigverify.cli import card_commands  # it builds on this module's helpers

    card_commands.register(commands)

    settings = add_command(
        commands,
        "settings",
        cmd_settings,
        "Show the store's settings, or set the operator name used in the audit log.",
    )
    settings.add_argument(
        "--set-operator",
        default=None,
        metavar="NAME",
        help="record NAME as the operator for this store (default: the OS user)",
    )
    add_store_arguments(settings, model=False)
