"""``sigverify models activate | show | fuse | fit-strokes | export-onnx``: the model a
store verifies with, and what its card says."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from sigverify.cli.common import (
    EXIT_OK,
    ProgressBar,
    UsageError,
    _emit,
    add_command,
    add_group,
)
from sigverify.cli.server_commands import pending_payload, pending_text
from sigverify.cli.store_commands import _open_store, add_store_arguments
from sigverify.core.build_variant import require_training


def cmd_models_activate(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import activate_model, pen_fusion_note
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import model_id_of

    with _open_store(args) as store:
        folder = _model_folder(store, args.model_dir)
    model = load_for_inference(folder)
    with _open_store(args) as store:
        # the bar never cancels (Ctrl+C raises KeyboardInterrupt), so the switch happens
        done = activate_model(store, model, args.operator, ProgressBar("Re-embedding references"))
        note = pen_fusion_note(store)
    if not isinstance(done, bool):  # waits for a second supervisor
        _emit(args, pending_payload(done), pending_text(done))
        return EXIT_OK
    _emit(
        args,
        {"active_model": str(model.path), "model": model_id_of(model), "pen_note": note},
        f"Active model: {model.card.name} ({model.path}).{' ' + note if note else ''}",
    )
    return EXIT_OK


def _model_folder(store, given: str) -> Path:
    """The folder ``given``, or the folder of the model the app lists under that name
    (capitals and blanks aside): "The model folder “cedar10-2ep” does not exist" was said
    for a model the Models page listed (seen)."""
    from sigverify.core.active_model import active_model_dir, offered_models
    from sigverify.core.model.catalog import model_named

    if (Path(given) / "card.json").is_file():  # a model's folder (not any folder so named)
        return Path(given)
    named = model_named(given, offered_models(store, active_model_dir(store)))
    return named.path if named is not None else Path(given)


def cmd_models_list(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import active_model_dir, active_pen_model_dir, offered_models

    with _open_store(args) as store:
        active = active_model_dir(store).resolve()
        pen = active_pen_model_dir(store)
        models = offered_models(store, active)
    pen = pen.resolve() if pen is not None else None
    rows = [
        {
            "name": m.name,
            "path": str(m.path),
            "input": m.card.input,
            "active": m.path in (active, pen),
            "bundled": m.bundled,
        }
        for m in models
    ]
    lines = [
        f"{'*' if row['active'] else ' '} {row['name']}  ({row['input']}"
        f"{', shipped' if row['bundled'] else ''})  {row['path']}"
        for row in rows
    ]
    lines.append("(* the active image and pen models; `models activate NAME` switches)")
    _emit(args, {"models": rows}, "\n".join(lines))
    return EXIT_OK


def cmd_models_fuse(args: argparse.Namespace) -> int:
    from sigverify.cli.common import _read_datasets
    from sigverify.core.evaluation.fusion import fit_card_fusion
    from sigverify.core.model.card import FUSION_SCORES_FILE, read_card, write_card, write_scores
    from sigverify.core.model.inference import load_for_inference
    from sigverify.core.verification import model_id_of

    pen = load_for_inference(args.pen_model)
    if pen.card.input != "pen":
        raise UsageError(f"{args.pen_model} is not a pen model (its card reads {pen.card.input}).")
    image = load_for_inference(args.image_model)
    if image.card.input != "image":
        raise UsageError(f"{args.image_model} is not an image model.")
    fusion, fused = fit_card_fusion(
        pen, image, model_id_of(image), _read_datasets(args.data, "auto"), args.refs,
        ProgressBar("Reading validation recordings"),
    )  # fmt: skip
    card = read_card(args.pen_model)  # as on disk: the ONNX checksum stays
    card.fusion = fusion
    write_card(card, args.pen_model)
    write_scores(fused, args.pen_model, FUSION_SCORES_FILE)
    eer = fusion["validation_eer"]
    _emit(
        args,
        {"pen_model": str(args.pen_model), "fusion": fusion},
        f"Fusion with {fusion['image_model']} written to the card of {args.pen_model}: "
        f"accept <= {fusion['accept']:.3f}, reject > {fusion['reject']:.3f}; weights "
        + ", ".join(f"{m} {w:.1f}" for m, w in fusion["weights"].items())
        + ". Validation EER: "
        + ", ".join(f"{m} {e:.1%}" for m, e in eer.items() if m != "fused")
        + f", together {eer['fused']:.1%}.",
    )
    return EXIT_OK


def cmd_models_fit_strokes(args: argparse.Namespace) -> int:
    from sigverify.cli.common import _read_datasets
    from sigverify.core.evaluation.stroke_fit import fit_card_strokes
    from sigverify.core.model.card import write_card, write_scores
    from sigverify.core.model.inference import load_for_inference

    model = load_for_inference(args.model_dir)
    if model.card.input != "image":
        raise UsageError(f"{args.model_dir} is not an image model.")
    before = (model.card.metrics.get("test") or {}).get("per_refs", {})
    fit = fit_card_strokes(
        model, _read_datasets(args.data, "auto"), ProgressBar("Reading validation and test")
    )
    write_card(model.card, args.model_dir)
    write_scores(fit.scores, args.model_dir)
    test = model.card.metrics["test"]["per_refs"]
    figures = ", ".join(
        f"{n} ref(s) " + (f"{before[n]['eer']:.1%} -> " if n in before else "") + f"{m['eer']:.1%}"
        for n, m in test.items()
    )
    _emit(
        args,
        {"model": str(args.model_dir), "weight": fit.weight, "strokes": model.card.strokes,
         "validation_eer": {"distance": fit.distance_eer, "fused": fit.fused_eer},
         "validation_folder_eer": {"distance": fit.distance_folder_eer,
                                   "fused": fit.fused_folder_eer},
         "id": model.card.model_id, "test": test, "test_before": before},
        (f"Stroke check written to the card of {args.model_dir}: weight {fit.weight}"
         if fit.check else f"The strokes did not help; {args.model_dir} scores by distance")
        + f". Validation EER: distance {fit.distance_eer:.1%}, with the strokes "
        f"{fit.fused_eer:.1%} (mean over the data folders {fit.distance_folder_eer:.1%} -> "
        f"{fit.fused_folder_eer:.1%}). Test EER before -> now: {figures}; a validation gain "
        f"can be optimistic, keep the check only if the test writers agree. The model's id is "
        f"{model.card.model_id}: thresholds set for its old scores no longer apply.",
    )  # fmt: skip
    return EXIT_OK


def cmd_models_combine(args: argparse.Namespace) -> int:
    require_training()
    from sigverify.cli.common import _read_datasets
    from sigverify.core.training.combine import combine_models

    done = combine_models(
        args.model_dirs,
        _read_datasets(args.data, "auto"),
        args.out,
        args.name or Path(args.out).name,
        "sigverify " + shlex.join(args.argv),
        ProgressBar("Reading validation and test writers"),
    )
    test = done.card.metrics.get("test", {}).get("per_refs", {})
    members = ", ".join(
        f"{m['name']} {m['validation_eer']:.1%}" for m in done.card.training["ensemble_of"]
    )
    _emit(
        args,
        {"model": str(done.folder), "validation_eer": done.validation_eer,
         "members": [str(m.path) for m in done.members], "test": test},
        f"Wrote the ensemble {done.folder}. Validation EER: {done.validation_eer:.1%} "
        f"(members: {members}). Test EER: "
        + (", ".join(f"{n} ref(s) {m['eer']:.1%}" for n, m in test.items()) or "no test writers")
        + ".",
    )  # fmt: skip
    return EXIT_OK


def cmd_models_export_onnx(args: argparse.Namespace) -> int:
    require_training()
    from sigverify.core.model.export import export_onnx

    path = export_onnx(args.model_dir)
    _emit(args, {"onnx": str(path)}, f"Wrote {path}; the card records its checksum.")
    return EXIT_OK


def cmd_models_show(args: argparse.Namespace) -> int:
    from sigverify.core.active_model import active_model_dir
    from sigverify.core.model.card import read_card
    from sigverify.core.thresholds import shared_thresholds

    with _open_store(args) as store:
        folder = active_model_dir(store, args.model and _model_folder(store, args.model))
        card = read_card(folder)
        band = shared_thresholds(store, card.model_id, card)
    test = card.metrics.get("test", {}).get("per_refs", {})
    if card.input == "pen":
        reads = [
            f"  reads pen recordings: {card.preprocess.get('pen_length')} samples of "
            f"{len(card.preprocess.get('features', []))} features, {card.parameters:,} "
            f"parameters, distance {card.distance}"
        ]
    else:
        stroke = card.preprocess_config().stroke_width
        reads = [
            f"  encoder {card.encoder}, input {card.preprocess.get('height')}x"
            f"{card.preprocess.get('width')}, {card.parameters:,} parameters, distance "
            f"{card.distance}",
            f"  strokes redrawn {stroke:g} px wide" if stroke else "  strokes as scanned",
        ]
    lines = [
        f"{card.name} ({folder})",
        *reads,
        "  embeddings whitened by the training writers' own variation"
        if card.whitened
        else "  embeddings as the network gives them",
        f"  threshold {card.threshold:.4f} ({card.threshold_info.get('method', '?')} on "
        f"{card.threshold_info.get('writers', '?')} writers)",
        f"  decides: accept at or below {band.accept:.4f}, reject above {band.reject:.4f}, "
        "needs review between ("
        + ("set for everyone in this store" if band.source == "global" else "the card's")
        + "; a person's own may differ)",
        f"  scores scaled by each person's reference spread (typical {card.reference_spread:.4f})"
        if card.reference_spread
        else "  scores: plain distance (not scaled)",
    ]
    from sigverify.core.stroke_match import stroke_check  # OpenCV: only when asked

    check = stroke_check(card)
    if check is not None:
        lines.append(
            f"  stroke check: {check.per_px:.4f} a pixel by which the strokes lie "
            f"further from the references' than theirs from each other (typical "
            f"{check.typical_px:.1f} px)"
        )
    lines += [
        f"  test, {n} ref(s): EER {m['eer']:.1%}, AUC {m['auc']:.3f}" for n, m in test.items()
    ]
    _emit(args, {"path": str(folder), **card.to_dict()}, "\n".join(lines))
    return EXIT_OK


def register(commands) -> None:
    """Add this group's commands and their arguments to ``commands`` (the parser's
    sub-parsers)."""
    models_commands = add_group(
        commands, "models", "Show or switch the model used for verification."
    )
    activate = add_command(
        models_commands,
        "activate",
        cmd_models_activate,
        "Use another model: re-embeds every stored reference with it first.",
    )
    activate.add_argument("model_dir", help="a model folder, or a model's name as listed")
    add_store_arguments(activate, model=False)
    listed = add_command(
        models_commands, "list", cmd_models_list, "List the models there are to choose from."
    )
    add_store_arguments(listed, model=False)
    show = add_command(models_commands, "show", cmd_models_show, "Show the active model's card.")
    export = add_command(
        models_commands,
        "export-onnx",
        cmd_models_export_onnx,
        "Write MODEL_DIR/model.onnx, the encoder for ONNX Runtime (done by train and on "
        "first use; needs torch).",
    )
    export.add_argument("model_dir")
    add_store_arguments(show)
    combine = add_command(
        models_commands,
        "combine",
        cmd_models_combine,
        "Join models trained on the same writer split (--seed, each with its own --init-seed) "
        "into one ensemble, measured on their validation and test writers (needs torch).",
    )
    combine.add_argument("model_dirs", nargs="+", help="two or more model folders")
    combine.add_argument(
        "--data", action="append", required=True,
        help="a data folder the models were trained on; repeat for each",
    )  # fmt: skip
    combine.add_argument("--out", required=True, help="the ensemble's model folder")
    combine.add_argument("--name", default=None, help="its name (default: the folder's)")
    fuse = add_command(
        models_commands,
        "fuse",
        cmd_models_fuse,
        "Choose, on a pen model's validation writers, how its score joins an image model's "
        "for signatures drawn on a pad; written to the pen model's card.",
    )
    fuse.add_argument("pen_model")
    fuse.add_argument("--image-model", required=True, help="the image model to join")
    fuse.add_argument(
        "--data", action="append", required=True,
        help="a pen data folder the pen model was trained on; repeat for each",
    )  # fmt: skip
    fuse.add_argument("--refs", type=int, default=5, help="references per writer (default 5)")
    strokes = add_command(
        models_commands,
        "fit-strokes",
        cmd_models_fit_strokes,
        "Choose, on an image model's validation writers, how much the stroke check adds to "
        "its scores; written to its card with the threshold, band and test figures that go "
        "with it.",
    )
    strokes.add_argument("model_dir")
    strokes.add_argument(
        "--data", action="append", required=True,
        help="a data folder the model was trained on; repeat for each",
    )  # fmt: skip
