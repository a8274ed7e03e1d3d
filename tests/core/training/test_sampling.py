from __future__ import annotations

import numpy as np
import pytest
import torch

from sigverify.core.data.bank import SignatureBank
from sigverify.core.training.augment import SignatureAugmenter, elastic_warp, turned_over
from sigverify.core.training.sampling import WriterSampler, dataset_weights


def _bank():
    # writer 0: 3 genuine + 2 forged; writer 1: 2 genuine; writer 2: 1 genuine (never an anchor)
    writer = np.array([0, 0, 0, 0, 0, 1, 1, 2])
    genuine = np.array([1, 1, 1, 0, 0, 1, 1, 1], dtype=bool)
    return SignatureBank(np.zeros((8, 4, 4), np.uint8), writer, genuine, ["a", "b", "c"])


def test_pairs_are_balanced_and_correct():
    bank = _bank()
    batch = WriterSampler(bank, skilled_fraction=0.5).pairs(200, np.random.default_rng(0))
    assert batch.same.sum() == 100
    for a, b, same in zip(batch.first, batch.second, batch.same, strict=True):
        assert bank.genuine[a]
        if same:
            assert a != b and bank.genuine[b] and bank.writer[a] == bank.writer[b]
        else:
            skilled = not bank.genuine[b] and bank.writer[b] == bank.writer[a]
            random_forgery = bank.genuine[b] and bank.writer[b] != bank.writer[a]
            assert skilled or random_forgery
    negatives = batch.same == 0
    skilled_share = np.mean(~bank.genuine[batch.second[negatives]])
    assert 0.1 < skilled_share < 0.5  # only writer 0 has forgeries: about half of its negatives


def test_triplets():
    bank = _bank()
    t = WriterSampler(bank).triplets(50, np.random.default_rng(1))
    assert (bank.writer[t.anchor] == bank.writer[t.positive]).all()
    assert (t.anchor != t.positive).all() and bank.genuine[t.positive].all()
    assert ((bank.writer[t.negative] != bank.writer[t.anchor]) | ~bank.genuine[t.negative]).all()


def test_writer_batch_labels_forgeries_apart():
    bank = _bank()
    batch = WriterSampler(bank).writer_batch(12, np.random.default_rng(2), per_writer=2)
    for index, label, anchor in zip(batch.indices, batch.labels, batch.anchor, strict=True):
        if anchor:
            assert bank.genuine[index] and label == bank.writer[index]
        else:
            assert not bank.genuine[index] and label == -1 - bank.writer[index]


def test_turned_writers_are_new_writers_with_their_own_forgeries():
    bank = _bank()
    plain = WriterSampler(bank)
    turned = WriterSampler(bank, turned_writers=3)
    assert plain.class_count == 3 and turned.class_count == 12
    # Writer 2 (one genuine) is no anchor, turned or not: classes 0, 1, 3, 4, 6, 7, 9, 10.
    assert sorted(turned.classes) == [0, 1, 3, 4, 6, 7, 9, 10]
    rng = np.random.default_rng(3)
    seen = set()
    for _ in range(100):
        batch = turned.writer_batch(12, rng, per_writer=2)
        for index, label, anchor, turn in zip(
            batch.indices, batch.labels, batch.anchor, batch.turn, strict=True
        ):
            writer_class = label if anchor else -1 - label
            assert divmod(writer_class, 3) == (turn, bank.writer[index])
            assert bank.genuine[index] == anchor
            seen.add(int(turn))
    assert seen == {0, 1, 2, 3}
    # Off, the batches are the ones drawn before turned writers existed (same stream).
    a = plain.writer_batch(12, np.random.default_rng(4), per_writer=2)
    b = WriterSampler(bank, turned_writers=0).writer_batch(12, np.random.default_rng(4), 2)
    assert a.indices.tolist() == b.indices.tolist() and not a.turn.any()
    with pytest.raises(ValueError, match="0, 1 or 3"):
        WriterSampler(bank, turned_writers=2)


def test_turned_over_mirrors_and_flips_each_image_as_asked():
    image = torch.arange(6.0).reshape(1, 1, 2, 3)  # [[0, 1, 2], [3, 4, 5]]
    images = image.repeat(4, 1, 1, 1)
    out = turned_over(images, torch.tensor([0, 1, 2, 3]))
    assert out[0, 0].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert out[1, 0].tolist() == [[2, 1, 0], [5, 4, 3]]  # mirrored left to right
    assert out[2, 0].tolist() == [[3, 4, 5], [0, 1, 2]]  # upside down
    assert out[3, 0].tolist() == [[5, 4, 3], [2, 1, 0]]  # half round


def test_dataset_weights_give_each_folder_the_same_share():
    weights = dataset_weights(["big/1", "big/2", "big/3", "small/1"])
    assert weights == pytest.approx([1 / 6, 1 / 6, 1 / 6, 1 / 2])
    assert dataset_weights(["1", "2", "3"]) is None  # one folder (ids carry no prefix)


def _two_folder_bank():
    # folder "big": 9 writers, folder "small": 1 writer; each writer 3 genuine + 1 forged.
    ids = [f"big/{i}" for i in range(9)] + ["small/0"]
    writer = np.repeat(np.arange(10), 4)
    genuine = np.tile([True, True, True, False], 10)
    return SignatureBank(np.zeros((40, 4, 4), np.uint8), writer, genuine, ids)


@pytest.mark.parametrize("balance, expected_small_share", [(True, 0.5), (False, 0.1)])
def test_balanced_sampling_draws_each_folder_equally(balance, expected_small_share):
    bank = _two_folder_bank()
    sampler = WriterSampler(bank, balance_datasets=balance)
    rng = np.random.default_rng(0)
    triplets = sampler.triplets(4000, rng)
    small = np.mean(bank.writer[triplets.anchor] == 9)
    assert small == pytest.approx(expected_small_share, abs=0.03)
    # Writer batches (batch-hard mining) follow the same shares.
    chosen = [
        set(bank.writer[sampler.writer_batch(12, rng, per_writer=2).indices]) for _ in range(400)
    ]
    share = np.mean([9 in writers for writers in chosen])
    # 4 writers a batch, drawn without replacement: the small folder's writer is in most.
    assert share > 0.8 if balance else share < 0.55


def test_needs_two_usable_writers():
    bank = SignatureBank(
        np.zeros((3, 4, 4), np.uint8), np.array([0, 0, 1]), np.ones(3, bool), ["a", "b"]
    )
    from sigverify.core.errors import DatasetError

    with pytest.raises(DatasetError, match="at least 2 people with 2 or more usable genuine"):
        WriterSampler(bank)  # (a ValueError: the app's "did not expect" box, seen)


def test_augmenter_keeps_background_zero_and_changes_ink():
    torch.manual_seed(0)
    batch = torch.zeros(4, 1, 48, 72)
    batch[:, :, 20:28, 10:60] = 1.0
    out = SignatureAugmenter(1.0)(batch)
    assert out.shape == batch.shape and out.min() >= 0 and out.max() <= 1
    assert (out[:, :, :5, :] == 0).all()  # far from the ink stays exactly 0
    assert not torch.equal(out, batch)
    assert torch.equal(SignatureAugmenter(0.0)(batch), batch)


def line_image() -> torch.Tensor:
    batch = torch.zeros(2, 1, 60, 90)
    batch[:, :, 29:31, 10:80] = 1.0  # a horizontal stroke, 2 px thick
    return batch


def test_elastic_warp_of_zero_amplitude_is_the_identity():
    batch = line_image()
    assert torch.allclose(elastic_warp(batch, 0.0), batch, atol=1e-5)


def test_elastic_warp_bends_a_stroke_within_its_amplitude_and_keeps_it_whole():
    batch = line_image()
    generator = torch.Generator().manual_seed(3)
    out = elastic_warp(batch, 0.05, generator)  # up to 5 % of 60 px = 3 px each way
    assert not torch.allclose(out, batch, atol=1e-3)
    rows = torch.nonzero(out[0, 0] > 0.05)[:, 0]
    assert rows.min() >= 29 - 4 and rows.max() <= 30 + 4  # moved at most ~3 px (+ blur)
    assert (out[:, :, :20] == 0).all() and (out[:, :, 40:] == 0).all()  # background stays 0
    inked_columns = (out[0, 0] > 0.05).any(dim=0).nonzero()[:, 0]
    # still one unbroken stroke: every column between its ends has ink
    assert len(inked_columns) == int(inked_columns.max() - inked_columns.min() + 1)
    ratio = float(out.sum() / batch.sum())
    assert 0.8 < ratio < 1.2  # stretched or shrunk locally, not erased or doubled
    # each image gets its own warp
    assert not torch.allclose(out[0], out[1], atol=1e-3)


def test_augmenter_elastic_is_off_by_default_and_on_when_asked():
    batch = line_image()
    torch.manual_seed(0)
    plain = SignatureAugmenter(0.0)(batch)
    assert torch.equal(plain, batch)
    assert SignatureAugmenter(1.0).elastic == 0.0
    generator = torch.Generator().manual_seed(1)
    warped_only = SignatureAugmenter(0.0, elastic=1.0)(batch, generator)
    generator = torch.Generator().manual_seed(1)
    assert torch.equal(warped_only, elastic_warp(batch, 0.03, generator))
    assert not torch.allclose(warped_only, batch, atol=1e-3)
