"""``sigverify thresholds``: a person's own accept / reject thresholds, and thresholds set
from a target share of skilled forgeries let through (presets, measured on the model's
validation writers), for one person or for everyone."""

from __future__ import annotations

import argparse

from sigverify.cli.common import EXIT_OK, UsageError, _emit, add_command
from sigverify.cli.server_commands import pending_payload, pending_text
from sigverify.cli.store_commands import _open_store, _service, add_store_arguments


def _parse_target(text: str) -> float:
    """``"1"``, ``"1%"`` or ``"0.1 %"`` -> the share 0.01 / 0.001."""
    try:
        value = float(text.strip().rstrip("%").strip())
    except ValueError as error:
        raise UsageError(
            f"--preset must be a percentage such as 1 or 0.1, not “{text}”."
        ) from error
    if not 0 < value < 100:
        raise UsageError("--preset must be a percentage above 0 and below 100.")
    return value / 100


def _operating_points(args, store, targets):
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.evaluation.operating_points import operating_point
    from sigverify.core.model.card import read_scores

    folder = active_model_dir(store, getattr(args, "model", None))
    scores = read_scores(folder)
    if scores is None or not len(scores.genuine) or not len(scores.skilled):
        raise UsageError(
            "This model has no saved validation distances with skilled forgeries, so presets "
            "cannot be measured; set --accept and --reject instead."
        )
    return scores, [operating_point(scores, t) for t in targets]


def _describe_point(point) -> list[str]:
    def pct(value: float) -> str:
        return f"{100 * value:.1f} %" if value < 0.1 else f"{100 * value:.0f} %"

    lines = [
        f"forgeries let through at most {100 * point.target:g} %: accept <= {point.accept:.4f}, "
        f"reject > {point.reject:.4f}",
        f"    genuine: {pct(point.genuine_accepted)} accepted, {pct(point.genuine_reviewed)} "
        f"to review, {pct(point.genuine_rejected)} rejected; skilled forgeries: "
        f"{pct(point.forgeries_accepted)} accepted, {pct(point.forgeries_reviewed)} to review",
    ]
    for kind, count, enough in (
        ("forgeries", point.forgeries, point.enough_forgeries),
        ("genuine signatures", point.genuine, point.enough_genuine),
    ):
        if not enough:
            lines.append(
                f"    Warning: only {count} {kind} were measured; a rate of "
                f"{100 * point.target:g} % needs {point.needed} or more to be estimated, so "
                "the real rate may be higher."
            )
    return lines


def _in_use(args: argparse.Namespace, store) -> tuple[dict, str]:
    """The thresholds in use with the active model (or ``--model``): everyone's, and the
    person's with ``--person`` (their own, or everyone's)."""
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.model.card import read_card
    from sigverify.core.thresholds import person_thresholds, shared_thresholds

    card = read_card(active_model_dir(store, getattr(args, "model", None)))
    everyone = shared_thresholds(store, card.model_id, card)
    whose = "the model's own" if everyone.source == "model" else "set for everyone"
    payload = {"model": card.model_id, "accept_threshold": everyone.accept,
               "reject_threshold": everyone.reject, "source": everyone.source}  # fmt: skip
    text = (
        f"Thresholds for everyone without their own, model {card.name}: accept at or below "
        f"{everyone.accept:.4f}, reject above {everyone.reject:.4f} ({whose})."
    )
    if args.person is not None:
        person = store.get_person(args.person)
        theirs = person_thresholds(person, everyone, card.model_id)
        payload["person"] = {"id": person.id, "accept_threshold": theirs.accept,
                             "reject_threshold": theirs.reject,
                             "source": theirs.source}  # fmt: skip
        text += (
            f"\n{person.id}: accept at or below {theirs.accept:.4f}, reject above "
            f"{theirs.reject:.4f} "
            + ("(their own)." if theirs.source == "person" else "(everyone's).")
        )
    text += (
        "\nSet them with --accept/--reject (with --person: one person's), --preset PERCENT, "
        "or --clear; --presets shows the operating points."
    )
    return payload, text


def cmd_thresholds(args: argparse.Namespace) -> int:
    from sigverify.core.evaluation.operating_points import PRESET_TARGETS
    from sigverify.core.operators import operator_name

    with _open_store(args) as store:
        operator = operator_name(store, args.operator)
        if args.presets:
            scores, points = _operating_points(args, store, PRESET_TARGETS)
            payload = {"refs": scores.refs, "presets": [p.to_dict() for p in points]}
            text = [
                f"Operating points measured on {len(scores.genuine)} genuine signatures and "
                f"{len(scores.skilled)} skilled forgeries of the model's validation writers "
                f"({scores.refs} references each). Apply one with --preset PERCENT."
            ]
            for point in points:
                text += _describe_point(point)
            _emit(args, payload, "\n".join(text))
            return EXIT_OK
        preset = None
        if args.preset is not None:
            if args.accept is not None or args.reject is not None or args.clear:
                raise UsageError("Give either --preset, or --accept/--reject, or --clear.")
            _, (point,) = _operating_points(args, store, [_parse_target(args.preset)])
            args.accept, args.reject, preset = point.accept, point.reject, point.target
        elif args.clear:
            args.accept = args.reject = None
        elif args.accept is None and args.reject is None:  # nothing to set: those in use
            payload, text = _in_use(args, store)  # (it was an error: seen in a real window)
            _emit(args, payload, text)
            return EXIT_OK
        if args.person is None:
            if args.preset is None and not args.clear:
                raise UsageError(
                    "Give --person: --accept and --reject set one person's thresholds "
                    "(--preset without --person sets everyone's)."
                )
            pending = _service(args, store).set_global_thresholds(args.accept, args.reject, preset)
            payload = {"person": None, "accept_threshold": args.accept,
                       "reject_threshold": args.reject, "preset": preset}  # fmt: skip
            text = (
                f"Thresholds for everyone without their own: accept {args.accept}, "
                f"reject {args.reject} (None = the model's)."
            )
        else:
            from sigverify.core.active_model import active_model_dir
            from sigverify.core.model.card import read_card

            # for the active model only: a distance means nothing to another
            model = read_card(active_model_dir(store, getattr(args, "model", None))).model_id
            pending = store.set_person_thresholds(
                args.person, args.accept, args.reject, operator, preset, model=model
            )
            person = store.get_person(args.person)
            payload = {
                "person": person.id,
                "accept_threshold": person.accept_threshold,
                "reject_threshold": person.reject_threshold,
                "model": person.thresholds_model,
                "preset": preset,
            }
            text = (
                f"Thresholds for {person.id}: accept {person.accept_threshold}, "
                f"reject {person.reject_threshold} (None = the model's)"
                + (f", used with {model} only." if person.thresholds_model else ".")
            )
    if pending is not None:
        text, payload = pending_text(pending), pending_payload(pending)
    elif preset is not None:
        text += "\n" + "\n".join(_describe_point(point)[1:])
    _emit(args, payload, text)
    return EXIT_OK


def register(commands) -> None:
    thresholds = add_command(
        commands,
        "thresholds",
        cmd_thresholds,
        "Set or clear a person's own accept/reject thresholds, or set thresholds from a "
        "target share of skilled forgeries let through (--preset).",
    )
    thresholds.add_argument("--person", default=None)
    thresholds.add_argument(
        "--accept", type=float, default=None, help="accept at this distance or less"
    )
    thresholds.add_argument("--reject", type=float, default=None, help="reject above this distance")
    thresholds.add_argument(
        "--clear",
        action="store_true",
        help="use the model's thresholds again (without --person: everyone's)",
    )
    thresholds.add_argument(
        "--presets",
        action="store_true",
        help="show the operating points for 0.1 / 1 / 5 %% of skilled forgeries let through",
    )
    thresholds.add_argument(
        "--preset",
        metavar="PERCENT",
        default=None,
        help="set thresholds that let through at most PERCENT %% of skilled forgeries "
        "(measured on the model's validation writers); without --person: for everyone",
    )
    add_store_arguments(thresholds)
