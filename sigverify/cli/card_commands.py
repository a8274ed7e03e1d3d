"""Person cards at the command line: ``export`` (``--passphrase`` encrypts the card) and
``import`` (an encrypted card's passphrase typed, or from SIGVERIFY_CARD_PASSPHRASE)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sigverify.cli.common import EXIT_OK, UsageError, _emit, add_command
from sigverify.cli.server_commands import pending_text
from sigverify.cli.store_commands import _open_store, _service, add_store_arguments
from sigverify.core.i18n import english_plurals

CARD_PASSPHRASE_VARIABLE = "SIGVERIFY_CARD_PASSPHRASE"


def _new_card_passphrase() -> str:
    """A card's passphrase: from SIGVERIFY_CARD_PASSPHRASE (a script), else typed twice;
    refused when easy to guess, as a backup passphrase is."""
    from sigverify.cli.backup_commands import typed
    from sigverify.core.passphrase_rules import passphrase_problem

    given = os.environ.get(CARD_PASSPHRASE_VARIABLE)
    refusal = (
        f"The card's passphrase is needed: run this in a terminal to type it, or set "
        f"{CARD_PASSPHRASE_VARIABLE}."
    )
    passphrase = given or typed("Passphrase for the card: ", refusal)
    problem = passphrase_problem(passphrase, given or typed("The passphrase again: ", refusal))
    if problem:
        raise UsageError(problem)
    return passphrase


def cmd_export(args: argparse.Namespace) -> int:
    from sigverify.core.operators import operator_name
    from sigverify.core.person_card import export_person

    passphrase = _new_card_passphrase() if args.passphrase else None
    with _open_store(args) as store:
        out = export_person(
            store, args.person, args.out, operator_name(store, args.operator), passphrase
        )
    text = f"Wrote {args.person}'s card to {out}"
    text += (
        ", protected by the passphrase: importing it asks for it."
        if passphrase
        else ", without a passphrase: anyone holding the file can see the signatures "
        "(--passphrase protects it)."
    )
    _emit(args, {"person": args.person, "file": str(out), "protected": bool(passphrase)}, text)
    return EXIT_OK


def _card_passphrase(card) -> str | None:
    """The passphrase of ``card`` when it is encrypted (SIGVERIFY_CARD_PASSPHRASE, else
    typed); None for a plain card."""
    import zipfile

    from sigverify.cli.backup_commands import typed
    from sigverify.core.card_encryption import is_encrypted_card

    try:
        with zipfile.ZipFile(card) as archive:
            if not is_encrypted_card(archive):
                return None
    except (OSError, zipfile.BadZipFile):
        return None  # (said by the import as it reads it)
    return os.environ.get(CARD_PASSPHRASE_VARIABLE) or typed(
        f"Passphrase of {Path(card).name}: ",
        f"{card} is protected by a passphrase: run this in a terminal to type it, or set "
        f"{CARD_PASSPHRASE_VARIABLE}.",
    )


def cmd_import(args: argparse.Namespace) -> int:
    from sigverify.core.person_card import import_person

    with _open_store(args) as store:
        person_id = import_person(
            _service(args, store),
            args.card,
            args.as_id,
            accept_outliers=args.force,
            passphrase=_card_passphrase(args.card),
        )
        count = store.get_person(person_id).reference_count
        waiting = [c for c in store.pending_changes()
                   if c.person_id == person_id and c.requested_by == store.account]  # fmt: skip
    text = english_plurals(f"Imported {person_id} with {count} reference(s).", count)
    if waiting:  # a supervisor on a shared store: the card's thresholds await approval
        text += "\n" + pending_text(waiting[-1])
    _emit(
        args,
        {"person": person_id, "references": count}
        | ({"pending_change": waiting[-1].id} if waiting else {}),
        text,
    )
    return EXIT_OK


def register(commands) -> None:
    """Add ``export`` and ``import`` to ``commands`` (the parser's sub-parsers)."""
    export = add_command(
        commands, "export", cmd_export, "Write a person's card (a zip of images and details)."
    )
    export.add_argument("--person", required=True)
    export.add_argument("--out", required=True, help="the .zip file to write")
    export.add_argument(
        "--passphrase",
        action="store_true",
        help=f"encrypt the card with a passphrase, typed (or from {CARD_PASSPHRASE_VARIABLE}); "
        "importing it asks for it",
    )
    add_store_arguments(export, model=False)

    import_ = add_command(
        commands, "import", cmd_import, "Enrol a person from a card written by export."
    )
    import_.add_argument("card", help="the .zip card file")
    import_.add_argument("--as", dest="as_id", default=None, help="enrol under this id instead")
    import_.add_argument(
        "--force", action="store_true", help="import even if a reference looks unlike the others"
    )
    add_store_arguments(import_)
