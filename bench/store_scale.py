"""Does the store scale? As JSON: a store of ``--people`` people with ``--refs`` references
each (random unit embeddings, small stand-in images), against one of 10 people:

- people search (``list_people`` with a typed fragment) latency p50/p95,
- the first page of the People list (``first_page_ms``: the first 501 in the list's order,
  names of the form "Customer 4242": a number in each name is the slow case of the order),
  or with ``--names chinese`` names of two or three Chinese characters, searched by the
  pinyin "wang" (``first_search_ms``: the first such search, which spells every name),
- the check that 5 images are not enrolled already, for anyone (``card_ms``: an imported
  card's, and every enrolment's; by the index on the image's digest),
- one verification (a real signature against its 5 references, the real model)
  latency p50/p95 in each store, and their ratio,
- the file size per person, and how much of it is the stand-in images (real scans are larger:
  add their size times the references).

    python bench/store_scale.py [--people 100000] [--refs 5] [--model models/default]
                                [--image-bytes 2000] [--folder DIR] [--names chinese]

The stores are made in ``--folder`` (kept) or in a temporary folder removed at the end.

Filling uses the store's own row functions in transactions of 1,000 people (one enrolment
at a time would mostly measure fsync). Both stores are filled and flushed to disk before
anything is timed, and the two stores' verifications are then timed in turn, in a random
order each round, so that the disk writing back the large store's file or the machine
slowing down over the run weighs on both alike (timed one store after the other, right
after the fill, the same code read 1.19x-1.27x). ``store_ms`` is the part of a
verification spent in the store (the person, their embeddings, references and thresholds):
the only part that depends on the store's size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigverify.core.data.synthetic import genuine_signature, writer_style  # noqa: E402
from sigverify.core.imaging.imageio import encode_png  # noqa: E402
from sigverify.core.model.inference import load_for_inference  # noqa: E402
from sigverify.core.store import Store  # noqa: E402
from sigverify.core.store.records import (  # noqa: E402
    NewReference,
    now,
    sha256_hex,  # noqa: E402
)
from sigverify.core.store.references import insert_references  # noqa: E402
from sigverify.core.store.seal import person_parts  # noqa: E402
from sigverify.core.verification import VerificationService  # noqa: E402
from sigverify.core.verification_results import SignatureInput  # noqa: E402

MEASURED = "measured-person"
LISTED_MOST = 500  # as sigverify.gui.people_page (the bench imports no Qt)
#: ``--names chinese``: common surnames and characters of given names
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬鹏辉建国文斌宇浩凯晨瑞博"
#: what each kind of names is searched by
SEARCHED = {"customer": "Customer 4242", "chinese": "wang"}


def name_of(number: int, names: str) -> str:
    if names == "customer":
        return f"Customer {number}"
    rng = np.random.default_rng(number)
    given = rng.choice(list(GIVEN), size=1 + number % 2)
    return str(rng.choice(list(SURNAMES))) + "".join(given)


def percentiles(seconds: list[float]) -> dict:
    ms = np.asarray(seconds) * 1000
    return {
        "p50": round(float(np.percentile(ms, 50)), 2),
        "p95": round(float(np.percentile(ms, 95)), 2),
    }


def fill(
    store: Store,
    people: int,
    refs: int,
    dim: int,
    image_bytes: int,
    model_id: str,
    distinct: bool = False,
    names: str = "customer",
) -> None:
    """``distinct``: every reference its own random image (a scan does not compress: a
    backup's size), else one image for all, one byte apart (faster)."""
    rng = np.random.default_rng(0)
    stand_in = rng.integers(0, 256, image_bytes, dtype=np.uint8).tobytes()
    for start in range(0, people, 1000):
        with store.transaction() as db:
            for number in range(start, min(people, start + 1000)):
                person_id = f"C{number:07d}"
                db.execute(
                    "INSERT INTO people (id, name, note, created_at) VALUES (?, ?, '', ?)",
                    (person_id, name_of(number, names), now()),
                )
                mac = store.seal.mac(*person_parts(person_id, None, None))
                db.execute("UPDATE people SET mac = ? WHERE id = ?", (mac, person_id))
                vectors = rng.normal(size=(refs, dim)).astype(np.float32)
                vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
                images = [
                    rng.integers(0, 256, image_bytes, dtype=np.uint8).tobytes()
                    if distinct
                    else stand_in + bytes([i])
                    for i in range(refs)
                ]
                new = [
                    NewReference(f"ref{i}.png", images[i], stand_in[:500], vectors[i])
                    for i in range(refs)
                ]
                insert_references(db, store.seal, person_id, model_id, new, "bench")


def store_part(service: VerificationService) -> None:
    """The store reads of one verification, without the image work."""
    person = service.store.get_person(MEASURED)
    service.embed_missing(person_id=MEASURED)
    service.store.embeddings(MEASURED, service.model_id)
    service.store.references(MEASURED)
    service.thresholds_for(person)


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def measure(services: dict, query, runs: int, seed: int = 0, searched: str = "Customer 4242"):
    """Verification, store part, people search and a card import's image check latencies of
    each store in ``services`` (label -> VerificationService), the stores taking turns in a
    random order each round."""
    for service in services.values():
        service.verify(MEASURED, query, record=False)  # warm
    kinds = ("verify", "store", "search", "first_page", "card")
    times = {label: {kind: [] for kind in kinds} for label in services}
    card = [sha256_hex(f"not enrolled {i}".encode()) for i in range(5)]  # a new person's card
    order = list(services)
    rng = np.random.default_rng(seed)
    for _ in range(runs):
        rng.shuffle(order)
        for label in order:
            service = services[label]
            times[label]["verify"].append(
                timed(lambda s=service: s.verify(MEASURED, query, record=False))
            )
            times[label]["store"].append(timed(lambda s=service: store_part(s)))
            times[label]["search"].append(timed(lambda s=service: s.store.list_people(searched)))
            times[label]["first_page"].append(  # the People page's list, opened
                timed(lambda s=service: s.store.list_people("", LISTED_MOST + 1))
            )
            times[label]["card"].append(  # an import's check that its images are not here
                timed(lambda s=service: s.store.references_with_images(card))
            )
    return {
        label: {f"{kind}_ms": percentiles(values) for kind, values in measured.items()}
        for label, measured in times.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--refs", type=int, default=5)
    parser.add_argument("--model", default="models/default")
    parser.add_argument("--image-bytes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--folder", help="where the stores go (default: a temporary folder)")
    parser.add_argument("--names", choices=sorted(SEARCHED), default="customer")
    args = parser.parse_args()
    model = load_for_inference(args.model, threads=2)
    images = [genuine_signature(writer_style(5), i).image for i in range(6)]
    signatures = [SignatureInput(f"g{i}.png", encode_png(im)) for i, im in enumerate(images)]
    query, references = signatures[5], signatures[:5]
    folder = Path(args.folder or tempfile.mkdtemp(prefix="store-scale-"))
    result = {"people": args.people, "refs": args.refs, "image_bytes": args.image_bytes}
    result.update(names=args.names, searched=SEARCHED[args.names])
    stores, services = [], {}
    for label, people in (("small", 10), ("large", args.people)):
        path = folder / f"{label}.sqlite3"
        store = Store(path)
        stores.append(store)
        service = VerificationService(store, model, operator="bench")
        started = time.perf_counter()
        fill(store, people, args.refs, model.card.embedding_dim, args.image_bytes,
             service.model_id, names=args.names)  # fmt: skip
        service.enroll(MEASURED, references, accept_outliers=True)
        result[label] = {"people": people, "fill_s": round(time.perf_counter() - started, 1)}
        size = path.stat().st_size + sum(
            p.stat().st_size for p in folder.glob(f"{label}.sqlite3-*")
        )
        result[label]["bytes_per_person"] = round(size / people)
        services[label] = service
    os.sync()  # the fill's writes reach the disk before anything is timed
    try:
        searched = SEARCHED[args.names]
        for label, service in services.items():  # (before anything else spells the names)
            first = timed(lambda s=service: s.store.list_people(searched))
            result[label]["first_search_ms"] = round(first * 1000, 1)
            result[label]["found"] = len(service.store.list_people(searched))
        for label, measured in measure(services, query, args.runs, 0, searched).items():
            result[label].update(measured)
    finally:
        for store in stores:
            store.close()
        if not args.folder:  # (its own folder: 2.7 GB left behind a run at 100,000 people)
            shutil.rmtree(folder, ignore_errors=True)
    result["stand_in_image_bytes_per_person"] = args.refs * (args.image_bytes + 501)
    for kind in ("verify", "store"):
        result[f"{kind}_p50_ratio_large_to_small"] = round(
            result["large"][f"{kind}_ms"]["p50"] / result["small"][f"{kind}_ms"]["p50"], 3
        )
    result["store_share_of_large_verify"] = round(
        result["large"]["store_ms"]["p50"] / result["large"]["verify_ms"]["p50"], 3
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
