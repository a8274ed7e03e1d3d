from __future__ import annotations

import numpy as np
import pytest
import torch

from sigverify.core.data.bank import SignatureBank
from sigverify.core.training.augment import SignatureAugmenter
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
    with pytest.raises(ValueError, match="at least 2 writers"):
        WriterSampler(bank)


def test_augmenter_keeps_background_zero_and_changes_ink():
    torch.manual_seed(0)
    batch = torch.zeros(4, 1, 48, 72)
    batch[:, :, 20:28, 10:60] = 1.0
    out = SignatureAugmenter(1.0)(batch)
    assert out.shape == batch.shape and out.min() >= 0 and out.max() <= 1
    assert (out[:, :, :5, :] == 0).all()  # far from the ink stays exactly 0
    assert not torch.equal(out, batch)
    assert torch.equal(SignatureAugmenter(0.0)(batch), batch)
