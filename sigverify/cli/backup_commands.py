"""``sigverify backup`` and ``sigverify restore``: a store on this computer written to one
zip file (the store, its seal and the models it uses), and put back from one."""

from __future__ import annotations

import argparse
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
        },  # fmt: skip
        f"Backed up to {out} ({_held(info)}"
        + (f"; models: {', '.join(info.models)}" if info.models else "")
        + "). Keep it away from this computer: restore it with sigverify restore.",
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from sigverify.core.files import disk_reason
    from sigverify.core.store.records import local_time
    from sigverify.core.store_backup import read_backup, store_file
    from sigverify.core.store_restore import restore_backup

    store = store_file(args.store)
    info = read_backup(args.backup)
    if not args.yes:
        raise UsageError(
            f"{args.backup} holds the store as it was on {local_time(info.created, seconds=False)} "
            f"({_held(info)}). "
            f"Restoring it replaces the store {store}; that store is kept in "
            "replaced-stores/ beside it. Close sigverify first, then add --yes to restore."
        )
    try:
        result = restore_backup(args.backup, store, args.operator)
    except OSError as error:  # (a full disk, a file another program holds)
        raise SigverifyError(
            f"Not restored: the disk refused it ({disk_reason(error)}). The store is as it was."
        ) from error
    kept = f" The store it replaced is kept in {result.kept_in}." if result.kept_in else ""
    models = f" Models added: {', '.join(result.models_added)}." if result.models_added else ""
    _emit(
        args,
        {
            "restored": str(store),
            "from": str(args.backup),
            "created": info.created,
            "kept_in": str(result.kept_in) if result.kept_in else None,
            "models_added": list(result.models_added),
            "models_already_here": list(result.models_already_here),
        },  # fmt: skip
        f"Restored {store} from {args.backup} ({_held(info)}).{kept}{models}",
    )
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
    restore.add_argument("backup", help="the .zip file written by sigverify backup")
    restore.add_argument("--yes", action="store_true", help="confirm replacing the store")
    for sub in (backup, restore):
        sub.add_argument(
            "--store",
            default=None,
            help="store file (default: SIGVERIFY_STORE, else the file in the user data folder)",
        )
        sub.add_argument(
            "--operator", default=None, help="operator name for the audit log (default: OS user)"
        )
