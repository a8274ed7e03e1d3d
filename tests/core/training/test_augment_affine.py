"""Training's random affine (sigverify's own, torch alone): its geometry worked out by hand,
its draws, and equality with torchvision's ``v2.RandomAffine``, which training used before,
so a seed still gives the same augmentations and the same model."""

from __future__ import annotations

import torch

from sigverify.core.training.augment import AffineRanges, SignatureAugmenter, affine


def dot(height: int, width: int, row: int, col: int) -> torch.Tensor:
    image = torch.zeros(1, height, width)
    image[0, row, col] = 1.0
    return image


def where(image: torch.Tensor) -> tuple[int, int]:
    (found,) = torch.nonzero(image[0] > 0.5).tolist()
    return found[0], found[1]


def test_no_change_gives_the_image_back():
    image = torch.rand(1, 30, 44, generator=torch.Generator().manual_seed(0))
    assert torch.equal(affine(image, 0.0, (0, 0), 1.0, 0.0), image)


def test_a_shift_moves_a_dot_by_whole_pixels_and_what_leaves_is_gone():
    assert where(affine(dot(30, 40, 10, 12), 0.0, (5, -3), 1.0, 0.0)) == (7, 17)
    assert affine(dot(30, 40, 10, 38), 0.0, (5, 0), 1.0, 0.0).sum() == 0  # off the right


def test_a_quarter_turn_about_the_centre():
    # 40 x 40, centre (19.5, 19.5): the dot at x = 30, y = 19 (10.5 px right of the
    # centre, 0.5 px above it) lands at x = 20, y = 30 (0.5 px right, 10.5 px below) under
    # +90 degrees: clockwise on screen, as torchvision's affine turns.
    assert where(affine(dot(40, 40, 19, 30), 90.0, (0, 0), 1.0, 0.0)) == (30, 20)


def test_scale_and_shear_about_the_centre():
    # scale 2: the dot 5.5 px right of the centre goes 11 px right of it (between two
    # pixels: nearest sampling gives both)
    out = affine(dot(40, 40, 19, 25), 0.0, (0, 0), 2.0, 0.0)
    rows, cols = torch.nonzero(out[0] > 0.5).T.tolist()
    assert set(rows) <= {18, 19, 20} and min(cols) >= 30 and max(cols) <= 31
    # x-shear by 45 degrees moves a point by its height above the centre: a dot 10.5 px
    # below the centre (y = 30) moves 10.5 px left (torchvision's sign), between two pixels
    # again: one or both (torch 2.14 gives both, earlier ones one)
    sheared = affine(dot(40, 40, 30, 20), 0.0, (0, 0), 1.0, 45.0)
    found = {tuple(p) for p in torch.nonzero(sheared[0] > 0.5).tolist()}
    assert found and found <= {(30, 9), (30, 10)}


def test_draws_stay_in_their_ranges_and_shifts_are_whole_pixels():
    ranges = AffineRanges(degrees=4, translate=0.04, scale=0.1, shear=6)
    torch.manual_seed(0)
    for _ in range(200):
        angle, (tx, ty), scale, shear = ranges.draw(150, 220)
        assert -4 <= angle <= 4 and -6 <= shear <= 6 and 0.9 <= scale <= 1.1
        assert isinstance(tx, int) and isinstance(ty, int)
        assert abs(tx) <= round(0.04 * 220) and abs(ty) <= round(0.04 * 150)


def test_the_same_as_torchvision_random_affine_bit_for_bit():
    from torchvision.transforms import v2

    generator = torch.Generator().manual_seed(5)
    for strength in (1.0, 0.5):
        ours = SignatureAugmenter(strength).affine
        s = strength
        theirs = v2.RandomAffine(
            degrees=4 * s,
            translate=(0.04 * s, 0.04 * s),
            scale=(1 - 0.1 * s, 1 + 0.1 * s),
            shear=6 * s,
        )
        for height, width in ((150, 220), (61, 97)):
            images = torch.rand(24, 1, height, width, generator=generator)
            torch.manual_seed(11)
            expected = torch.stack([theirs(image) for image in images])
            after_theirs = torch.rand(1)
            torch.manual_seed(11)
            got = torch.stack([affine(image, *ours.draw(height, width)) for image in images])
            assert torch.equal(got, expected)
            assert torch.equal(torch.rand(1), after_theirs)  # the same number of draws


def test_a_batch_is_warped_as_each_of_its_images_alone():
    from sigverify.core.training.augment import affine_batch

    generator = torch.Generator().manual_seed(3)
    images = torch.rand(1, 1, 61, 97, generator=generator).repeat(6, 1, 1, 1)
    ranges = SignatureAugmenter(1.0).affine
    torch.manual_seed(4)
    draws = [ranges.draw(61, 97) for _ in images]
    alone = torch.stack([affine(image, *draw) for image, draw in zip(images, draws, strict=True)])
    together = affine_batch(images, draws)
    assert torch.equal(together, alone)
    assert not torch.equal(together[0], together[1])  # the same image, each its own draw
