"""Every registered encoder passes the same tests."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sigverify.core.encoders import (
    Encoder,
    count_parameters,
    create_encoder,
    list_encoders,
    register_encoder,
)
from sigverify.core.encoders.embedding import embed_inputs, fused_for_inference
from sigverify.core.imaging.preprocessing import PreprocessConfig
from sigverify.core.model.card import TRAINABLE_ENCODERS, ModelCard
from sigverify.core.model.io import load_model, save_model

SIZE = (48, 72)
TINY = {
    "cnn": {"width": 4, "embedding_dim": 16},
    "tdnn": {"width": 4, "channels": 16, "embedding_dim": 16, "image_height": SIZE[0]},
}


def tiny(name: str, **extra) -> Encoder:
    torch.manual_seed(0)
    return create_encoder(name, **{**TINY[name], **extra})


def test_registry_lists_both_families():
    # and the ensemble, joined from trained members (tests/cli/test_combine.py)
    assert list_encoders() == ["cnn", "ensemble", "tdnn"]


def test_duplicate_and_unknown_names_are_refused():
    with pytest.raises(ValueError, match="already registered"):
        register_encoder("cnn")(type("Other", (Encoder,), {}))
    with pytest.raises(ValueError, match="unknown encoder"):
        create_encoder("resnet")


@pytest.fixture(params=list(TRAINABLE_ENCODERS))
def encoder(request):
    return tiny(request.param)


def test_output_shape_and_unit_norm(encoder):
    out = encoder.eval()(torch.rand(3, 1, *SIZE))
    assert out.shape == (3, 16)
    assert torch.allclose(out.norm(dim=1), torch.ones(3), atol=1e-5)


def test_features_then_head_equals_forward(encoder):
    encoder.eval()
    x = torch.rand(2, 1, *SIZE)
    manual = torch.nn.functional.normalize(
        encoder.forward_head(encoder.forward_features(x)), dim=-1
    )
    assert torch.allclose(manual, encoder(x), atol=1e-6)


def test_deterministic_in_eval_mode(encoder):
    encoder.eval()
    x = torch.rand(2, 1, *SIZE)
    assert torch.equal(encoder(x), encoder(x))


def test_a_sample_does_not_depend_on_its_batch_in_eval_mode(encoder):
    encoder.eval()
    x = torch.rand(4, 1, *SIZE)
    assert torch.allclose(encoder(x)[:1], encoder(x[:1]), atol=1e-5)


def test_gradient_reaches_every_parameter(encoder):
    encoder.train()
    out = encoder(torch.rand(4, 1, *SIZE))
    (out[:2] - out[2:]).pow(2).sum().backward()
    missing = [
        n
        for n, p in encoder.named_parameters()
        if p.grad is None or not torch.isfinite(p.grad).all()
    ]
    assert missing == []
    assert any(p.grad.abs().sum() > 0 for p in encoder.parameters())


def test_save_load_round_trip(encoder, tmp_path):
    card = ModelCard(
        name="t",
        encoder=encoder.name,
        encoder_config={},
        preprocess=PreprocessConfig(height=SIZE[0], width=SIZE[1]).to_dict(),
        threshold=0.7,
    )
    save_model(encoder, card, tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert loaded.card.encoder == encoder.name and loaded.card.threshold == 0.7
    assert loaded.card.parameters == count_parameters(encoder)
    x = torch.rand(2, 1, *SIZE)
    assert torch.allclose(loaded.encoder(x), encoder.eval()(x), atol=1e-6)


def test_cnn_is_a_fraction_of_signet():
    model = create_encoder("cnn")  # default size
    assert count_parameters(model) < 1_000_000  # SigNet: 15.8M
    out = model.eval()(torch.rand(1, 1, 150, 220))
    assert out.shape == (1, 128)


def test_tdnn_reads_pen_trajectories_with_the_same_body():
    # eleven features per pen sample, 128 samples per signature
    features = np.random.default_rng(0).normal(size=(128, 11)).astype(np.float32)
    model = tiny("tdnn", input_kind="trajectory").eval()
    assert model.config["trajectory_channels"] == 11
    assert "trajectory_channels" not in tiny("tdnn").config  # image cards stay as they were
    out = model(torch.from_numpy(np.stack([features, features])))
    assert out.shape == (2, 16)
    assert torch.allclose(out.norm(dim=1), torch.ones(2), atol=1e-5)
    image_model = tiny("tdnn")
    # same time-delay body class and shape, different stems
    assert [type(b) for b in model.body] == [type(b) for b in image_model.body]
    assert model.body[0].conv.weight.shape == image_model.body[0].conv.weight.shape


def test_fused_for_inference_gives_the_same_embeddings(encoder):
    # Train a few steps first so the batch norms hold non-trivial statistics to fold.
    optimizer = torch.optim.SGD(encoder.parameters(), lr=0.1)
    for _ in range(3):
        encoder.train()
        loss = encoder(torch.rand(6, 1, *SIZE)).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    images = (np.random.default_rng(0).random((5, *SIZE)) * 255).astype(np.uint8)
    fused = fused_for_inference(encoder)
    norms = [m for m in fused.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    before = [m for m in encoder.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    assert len(norms) < len(before)  # folded (the TDNN's residual blocks keep theirs)
    assert np.allclose(embed_inputs(fused, images), embed_inputs(encoder, images), atol=1e-5)
    assert encoder.training and all(p.requires_grad for p in encoder.parameters())
    assert not any(p.requires_grad for p in fused.parameters())


def test_whitening_is_applied_after_normalisation_and_saved(encoder, tmp_path):
    x = torch.rand(3, 1, *SIZE)
    encoder.eval()
    plain = encoder(x)
    matrix = torch.diag(torch.linspace(0.5, 2.0, encoder.embedding_dim))
    matrix[0, 1] = 0.3
    encoder.set_whitening(matrix)
    expected = torch.nn.functional.normalize(plain @ matrix, dim=-1)
    assert torch.allclose(encoder(x), expected, atol=1e-6)
    assert encoder.config["whitened"] is True
    # The matrix travels with the weights, and the folded copy keeps it.
    card = ModelCard(
        name="t",
        encoder=encoder.name,
        encoder_config={},
        preprocess=PreprocessConfig(height=SIZE[0], width=SIZE[1]).to_dict(),
    )
    save_model(encoder, card, tmp_path / "m")
    loaded = load_model(tmp_path / "m")
    assert loaded.card.encoder_config["whitened"] is True
    assert torch.equal(loaded.encoder.whitening, matrix)
    assert torch.allclose(loaded.encoder(x), expected, atol=1e-6)
    images = (x[:, 0].numpy() * 255).round().astype(np.uint8)
    assert np.allclose(loaded.embed(images), embed_inputs(encoder, images), atol=1e-5)
    # Switched off again: the plain embeddings, and nothing extra in the weights or card.
    encoder.set_whitening(None)
    assert torch.allclose(encoder(x), plain, atol=1e-6)
    assert "whitening" not in encoder.state_dict() and "whitened" not in encoder.config
    with pytest.raises(ValueError, match="whitening must be"):
        encoder.set_whitening(torch.eye(encoder.embedding_dim + 1))
