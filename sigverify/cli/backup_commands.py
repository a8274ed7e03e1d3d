"""``sigverify backup`` and ``sigverify restore``: a store on this computer written to one
zip file (the store, its seal and the models it uses), and put back from one;
``sigverify backup-passphrase``: backups encrypted from now on
(:mod:`sigverify.core.backup_encryption`)."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sigverify.cli.common import EXIT_OK, ProgressBar, UsageError, _emit, add_command
from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import english_plurals


def _held(info) -> str:
    people = english_plurals(f"{info.people} person(s)", info.people)
    references = english_plurals(f"{info.references} reference(s)", info.references)
    return f"{people}, {references}, audit entries up to #{info.last_audit_id}"


def cmd_backup(args: argparse.Namespace) -> int:
    from sigverify.core.operators import operator_name
    from sigverify.core.store import Store
    from sigverify.core.store_backup import back_up, backup_file_name, store_file

    location = store_file(args.store)  # (a shared store's address is refused at once)
    out = Path(args.out or backup_file_name())
    if out.is_dir():
        out = out / backup_file_name()
    with Store(location) as store:
        info = back_up(store, out, operator_name(store, args.operator), ProgressBar("Backing up"))
    encrypted = f" It is encrypted with the backup key ID {info.key}." if info.key else ""
    _emit(
        args,
        {
            "backup": str(out),
            "created": info.created,
            "people": info.people,
            "references": info.references,
            "last_audit_id": info.last_audit_id,
            "models": list(info.models),
            "bytes": out.stat().st_size,
            "key": info.key,
        },  # fmt: skip
        f"Backed up to {out} ({_held(info)}"
        + (f"; models: {', '.join(info.models)}" if info.models else "")
        + f").{encrypted} Keep it away from this computer: restore it with sigverify restore.",
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from sigverify.core.backup_encryption import is_encrypted, opened
    from sigverify.core.files import disk_reason
    from sigverify.core.store.records import local_time
    from sigverify.core.store_backup import read_backup, store_file
    from sigverify.core.store_restore import restore_backup

    store = store_file(args.store)
    encrypted = is_encrypted(args.backup)
    if encrypted and not args.yes:  # (not decrypted, nor its passphrase asked, to say this)
        raise UsageError(
            f"{args.backup} is an encrypted backup: restoring it asks for its passphrase and "
            f"replaces the store {store}; that store is kept in replaced-stores/ beside it. "
            "Close sigverify first, then add --yes to restore."
        )
    passphrase = _passphrase_to_open(args.backup) if encrypted else None
    with (
        _refusal_noted(store, args.operator, args.backup),
        opened(args.backup, passphrase, store) as plain,  # (decrypted once, if it is)
    ):
        info = read_backup(plain)
        if not args.yes:
            raise UsageError(
                f"{args.backup} holds the store as it was on "
                f"{local_time(info.created, seconds=False)} ({_held(info)}). "
                f"Restoring it replaces the store {store}; that store is kept in "
                "replaced-stores/ beside it. Close sigverify first, then add --yes to restore."
            )
        try:
            result = restore_backup(plain, store, args.operator)
        except OSError as error:  # (a full disk, a file another program holds)
            raise SigverifyError(
                f"Not restored: the disk refused it ({disk_reason(error)}). The store is as it was."
            ) from error
    kept = f" The store it replaced is kept in {result.kept_in}." if result.kept_in else ""
    models = f" Models added: {', '.join(result.models_added)}." if result.models_added else ""
    if result.key_kept:
        models += (
            f" Backups stay encrypted with the passphrase in force before the restore "
            f"(backup key ID {result.backup_key}), not the backup's own."
        )
    elif result.backup_key:
        models += (
            " Backups are encrypted with the passphrase set when the backup was made "
            f"(backup key ID {result.backup_key})."
        )
    _emit(
        args,
        {
            "restored": str(store),
            "from": str(args.backup),
            "created": info.created,
            "kept_in": str(result.kept_in) if result.kept_in else None,
            "models_added": list(result.models_added),
            "models_already_here": list(result.models_already_here),
            "backup_key": result.backup_key,
        },  # fmt: skip
        f"Restored {store} from {args.backup} ({_held(info)}).{kept}{models}",
    )
    return EXIT_OK


@contextmanager
def _refusal_noted(location: Path, operator: str | None, backup) -> Iterator[None]:
    """A wrong passphrase for ``backup`` written to the audit log of the store at
    ``location``, where there is one yet (a new computer's has none)."""
    from sigverify.core.backup_encryption import WrongPassphraseError, record_refusal
    from sigverify.core.operators import operator_name
    from sigverify.core.store import Store

    try:
        yield
    except WrongPassphraseError as error:
        try:  # (a damaged store, the very one restored: its error hid the refusal, a review)
            if location.exists():
                with Store(location) as store:
                    record_refusal(store, operator_name(store, operator), error, "backup", backup)
        except Exception:  # noqa: BLE001 - the refusal is what the person must read
            logging.getLogger(__name__).warning("a wrong passphrase not logged", exc_info=True)
        raise


PASSPHRASE_VARIABLE = "SIGVERIFY_BACKUP_PASSPHRASE"


def typed(prompt: str, refusal: str | None = None) -> str:
    """A passphrase typed at the terminal, not shown; refused (``refusal``, or why) with no
    terminal to type at."""
    if not sys.stdin.isatty():
        raise UsageError(
            refusal
            or f"{prompt.rstrip(': ')} is needed, and there is no terminal to type it at: run "
            "this in a terminal."
        )
    return getpass.getpass(prompt)


def _passphrase_to_open(backup) -> str:
    """The passphrase of an encrypted backup: from SIGVERIFY_BACKUP_PASSPHRASE (a script),
    else typed."""
    return os.environ.get(PASSPHRASE_VARIABLE) or typed(
        f"Passphrase of {Path(backup).name}: ",
        f"{backup} is protected by a passphrase: run this in a terminal to type it, or set "
        f"{PASSPHRASE_VARIABLE}.",
    )


def cmd_backup_passphrase(args: argparse.Namespace) -> int:
    from sigverify.core.backup_encryption import backup_key, set_backup_passphrase
    from sigverify.core.operators import operator_name
    from sigverify.core.passphrase_rules import passphrase_problem
    from sigverify.core.store import Store
    from sigverify.core.store_backup import store_file

    location = store_file(args.store)
    with Store(location) as store:
        old = backup_key(store)
        if old is None and args.remove:
            raise UsageError("Backups of this store are not protected by a passphrase.")
        current = typed("Current backup passphrase: ") if old is not None else None
        new = None
        if not args.remove:
            new = typed("New backup passphrase: ")
            problem = passphrase_problem(new, typed("The new passphrase again: "))
            if problem:
                raise UsageError(problem)
        key = set_backup_passphrase(store, new, operator_name(store, args.operator), current)
    if key is None:
        text = (
            "Backups of this store are no longer protected by a passphrase: anyone holding one "
            "can read every signature in it. Backups made before still need their passphrase."
        )
    else:
        text = (
            f"Backups of this store are encrypted from now on (backup key ID {key.fingerprint}): "
            "restoring one needs this passphrase. Write it down and keep it apart from the "
            "backups: without it no one can restore them."
        )
        if old is not None:
            text += " Backups made before still open with the passphrase they were made under."
    _emit(args, {"key": None if key is None else key.fingerprint}, text)
    return EXIT_OK


def register(commands) -> None:
    backup = add_command(
        commands,
        "backup",
        cmd_backup,
        "Write the store on this computer, its seal and the models it uses to one zip file.",
    )
    backup.add_argument(
        "--out",
        default=None,
        help="the .zip file, or a folder for one (default: sigverify-backup-DATE-TIME.zip here)",
    )
    restore = add_command(
        commands, "restore", cmd_restore, "Replace the store on this computer with a backup."
    )
    restore.add_argument(
        "backup",
        help="the .zip file written by sigverify backup (an encrypted one asks for its "
        f"passphrase, or reads {PASSPHRASE_VARIABLE})",
    )
    restore.add_argument("--yes", action="store_true", help="confirm replacing the store")
    passphrase = add_command(
        commands,
        "backup-passphrase",
        cmd_backup_passphrase,
        "Encrypt the store's backups from now on with a passphrase, typed at the terminal "
        "(restoring one needs it), change it, or stop (--remove).",
    )
    passphrase.add_argument(
        "--remove", action="store_true", help="stop protecting backups with a passphrase"
    )
    for sub in (backup, restore, passphrase):
        sub.add_argument(
            "--store",
            default=None,
            help="store file (default: SIGVERIFY_STORE, else the file in the user data folder)",
        )
        sub.add_argument(
            "--operator", default=None, help="operator name for the audit log (default: OS user)"
        )
