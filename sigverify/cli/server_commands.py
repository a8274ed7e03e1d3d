"""The shared store's commands (``sigverify store ...``): set up a PostgreSQL server as a
store, list the changes waiting for a second supervisor, approve or reject one."""

from __future__ import annotations

import argparse

from sigverify.cli.common import EXIT_OK, _emit, add_command, add_group


def pending_text(pending) -> str:
    """What a command says when its change waits for a second supervisor."""
    return (
        f"Change {pending.id} ({pending.action}) waits for another supervisor's approval: "
        f"sigverify store approve {pending.id} --store URL"
    )


def pending_payload(pending) -> dict:
    return {"pending_change": pending.id, "action": pending.action, "details": pending.details}


def cmd_init_postgres(args: argparse.Namespace) -> int:
    from sigverify.core.store.postgres import init_postgres

    setup = init_postgres(args.url)
    before = "new" if setup.version_before == 0 else f"schema {setup.version_before}"
    _emit(
        args,
        {
            "store": setup.location,
            "version_before": setup.version_before,
            "version": setup.version,
            "roles": list(setup.roles),
        },  # fmt: skip
        f"Shared store ready at {setup.location} ({before} -> schema {setup.version}).\n"
        f"Give each desk account one of the roles: {', '.join(setup.roles)}, e.g.\n"
        f"  CREATE ROLE ann LOGIN PASSWORD '...' IN ROLE {setup.roles[0]};",
    )
    return EXIT_OK


def cmd_pending(args: argparse.Namespace) -> int:
    from sigverify.core.store import Store

    with Store(args.store) as store:
        changes = store.pending_changes(include_decided=args.all)
    rows = [
        f"{c.id:>4}  {c.status:<9} {c.action:<15} {c.person_id or '-':<12} "
        f"asked by {c.requested_by} at {c.requested_at[:16]}"
        + (f", {c.status} by {c.decided_by}" if c.decided_by else "")
        + f"\n      {c.details}"
        for c in changes
    ]
    _emit(
        args,
        {"changes": [c.__dict__ for c in changes]},
        "\n".join(rows) or "No change is waiting for approval.",
    )
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    from sigverify.core.store import Store

    approve = args.store_command == "approve"
    with Store(args.store) as store:
        change = store.decide(args.change, approve)
    verb = "Approved and applied" if approve else "Rejected"
    _emit(
        args,
        {"change": change.id, "status": change.status, "decided_by": change.decided_by},
        f"{verb} change {change.id} ({change.action}, asked by {change.requested_by}).",
    )
    return EXIT_OK


def register(commands) -> None:
    group = add_group(commands, "store", "Set up and run a store shared by several desks.")
    init = add_command(
        group,
        "init-postgres",
        cmd_init_postgres,
        "Set up (or upgrade) a PostgreSQL database as a shared store, with the roles "
        "sigverify_clerk and sigverify_supervisor. Run it as the database's administrator.",
    )
    init.add_argument("url", help="postgresql://ADMIN@HOST:PORT/DATABASE")
    pending = add_command(
        group, "pending", cmd_pending, "List the changes waiting for a second supervisor."
    )
    pending.add_argument("--all", action="store_true", help="also those already decided")
    commands_on_a_store = [pending]
    for name, text in (
        ("approve", "Approve and apply a supervisor's change (as another supervisor)."),
        ("reject", "Reject a change (or withdraw your own)."),
    ):
        decide = add_command(group, name, cmd_decide, text)
        decide.add_argument("change", type=int, help="the change's number (store pending)")
        commands_on_a_store.append(decide)
    for sub in commands_on_a_store:
        sub.add_argument("--store", required=True, help="postgresql://ACCOUNT@HOST/DATABASE")
