from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from sigverify.core.errors import ImageReadError, ImageTooLargeError, ImageTooSmallError
from sigverify.core.imaging import imageio
from sigverify.core.imaging.imageio import decode_image, load_image


def _save(path, image: Image.Image, **params):
    image.save(path, **params)
    return path


def test_grey_png_round_trip_is_exact(tmp_path):
    pixels = np.arange(40 * 50, dtype=np.uint16).reshape(40, 50) % 256
    path = _save(tmp_path / "g.png", Image.fromarray(pixels.astype(np.uint8)))
    loaded = load_image(path)
    assert loaded.pixels.dtype == np.uint8
    assert loaded.pixels.shape == (40, 50)
    np.testing.assert_array_equal(loaded.pixels, pixels)
    assert loaded.format == "PNG"
    assert loaded.warnings == ()


def test_non_ascii_path(tmp_path):
    folder = tmp_path / "签名 Zoë"
    folder.mkdir()
    path = _save(folder / "ünïcode签名.png", Image.new("L", (32, 32), 200))
    assert load_image(path).pixels.mean() == 200


@pytest.mark.parametrize("suffix,fmt", [(".jpg", "JPEG"), (".tif", "TIFF"), (".bmp", "BMP")])
def test_other_formats(tmp_path, suffix, fmt):
    pixels = np.full((30, 40), 220, np.uint8)
    pixels[10:20, 10:30] = 20
    path = _save(tmp_path / f"s{suffix}", Image.fromarray(pixels))
    loaded = load_image(path)
    assert loaded.format == fmt
    assert loaded.pixels.shape == (30, 40)
    error = np.abs(loaded.pixels.astype(int) - pixels)
    if fmt == "JPEG":  # lossy: ringing at the block's edges, right on average
        assert error.mean() < 4 and loaded.pixels[12:18, 12:28].mean() < 40
    else:
        assert error.max() == 0


def test_16_bit_grey_is_scaled_to_8_bit(tmp_path):
    values = np.array([[0, 257 * 128, 65535] * 10] * 20, dtype=np.uint16)
    path = _save(tmp_path / "deep.png", Image.fromarray(values))
    assert Image.open(path).mode.startswith("I")
    pixels = load_image(path).pixels
    assert pixels.dtype == np.uint8
    assert pixels[0, :3].tolist() == [0, 128, 255]


def test_rgb_uses_luma(tmp_path):
    rgb = np.zeros((20, 20, 3), np.uint8)
    rgb[..., 0] = 255  # pure red -> 0.299 * 255 = 76
    path = _save(tmp_path / "red.png", Image.fromarray(rgb))
    assert set(np.unique(load_image(path).pixels)) == {76}


def test_transparent_pixels_become_white_paper(tmp_path):
    rgba = np.zeros((20, 30, 4), np.uint8)  # black ink everywhere...
    rgba[:, :10, 3] = 255  # ...opaque on the left
    rgba[:, 10:20, 3] = 128  # half transparent in the middle
    # alpha 0 on the right third: transparent -> paper
    path = _save(tmp_path / "pad.png", Image.fromarray(rgba, "RGBA"))
    pixels = load_image(path).pixels
    assert (pixels[:, :10] == 0).all()
    assert np.abs(pixels[:, 10:20].astype(int) - 127).max() <= 1
    assert (pixels[:, 20:] == 255).all()


def test_palette_with_transparency(tmp_path):
    image = Image.new("P", (20, 20), 0)
    image.putpalette([0, 0, 0, 255, 255, 255] + [0] * 762)
    image.paste(1, (0, 0, 10, 20))
    image.info["transparency"] = 0  # index 0 (black) is transparent
    path = _save(tmp_path / "p.png", image, transparency=0)
    assert (load_image(path).pixels == 255).all()


def test_exif_orientation_is_applied(tmp_path):
    pixels = np.full((30, 60), 255, np.uint8)
    pixels[:10, :20] = 0  # dark block in the stored top-left corner
    image = Image.fromarray(pixels)
    exif = image.getexif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    path = _save(tmp_path / "phone.jpg", image, exif=exif, quality=95)
    upright = load_image(path).pixels
    assert upright.shape == (60, 30)
    assert upright[:20, -10:].mean() < 40  # the block is now top-right
    assert upright[:20, :10].mean() > 215


def test_multipage_tiff_uses_first_page_with_a_warning(tmp_path):
    first = Image.new("L", (40, 30), 10)
    second = Image.new("L", (40, 30), 250)
    path = tmp_path / "scan.tif"
    first.save(path, save_all=True, append_images=[second])
    loaded = load_image(path)
    assert (loaded.pixels == 10).all()
    assert len(loaded.warnings) == 1 and "2 pages" in loaded.warnings[0]


def test_decode_bytes_directly():
    buffer = io.BytesIO()
    Image.new("L", (20, 20), 99).save(buffer, format="PNG")
    loaded = decode_image(buffer.getvalue(), source="clipboard")
    assert loaded.pixels.shape == (20, 20) and loaded.source == "clipboard"


# ------------------------------------------------------------------ bad input


def test_missing_file(tmp_path):
    with pytest.raises(ImageReadError, match="does not exist"):
        load_image(tmp_path / "nope.png")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ImageReadError, match="is a folder"):
        load_image(tmp_path)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    with pytest.raises(ImageReadError, match="empty"):
        load_image(path)


def test_not_an_image(tmp_path):
    path = tmp_path / "letter.png"
    path.write_text("Dear sir, please find my signature attached.")
    with pytest.raises(ImageReadError, match="not an image"):
        load_image(path)


def test_truncated_file(tmp_path):
    buffer = io.BytesIO()
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 255, (200, 200), dtype=np.uint8)).save(buffer, format="PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImageReadError, match="damaged or incomplete"):
        load_image(path)


def test_corrupt_jpeg_body(tmp_path):
    buffer = io.BytesIO()
    Image.new("L", (64, 64), 128).save(buffer, format="JPEG")
    data = bytearray(buffer.getvalue())
    del data[200:]  # keep the header, lose the scan data and end marker
    path = tmp_path / "broken.jpg"
    path.write_bytes(bytes(data))
    with pytest.raises(ImageReadError, match="damaged or incomplete"):
        load_image(path)


def test_huge_image_is_refused_before_decoding(tmp_path):
    # 12000 x 9000 = 108 megapixels; 1-bit so the file itself is small.
    path = _save(tmp_path / "huge.png", Image.new("1", (12000, 9000), 1))
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImageTooLargeError, match="12000 × 9000"):
        load_image(path)


def test_image_just_under_the_pixel_limit_is_read_header_only(tmp_path, monkeypatch):
    monkeypatch.setattr(imageio, "MAX_PIXELS", 100 * 100)
    ok = _save(tmp_path / "ok.png", Image.new("L", (100, 100), 255))
    too_big = _save(tmp_path / "big.png", Image.new("L", (101, 100), 255))
    assert load_image(ok).pixels.shape == (100, 100)
    with pytest.raises(ImageTooLargeError):
        load_image(too_big)


def test_tiny_image(tmp_path):
    path = _save(tmp_path / "tiny.png", Image.new("L", (10, 40), 0))
    with pytest.raises(ImageTooSmallError, match="10 × 40"):
        load_image(path)


# ------------------------------------------------------------------ hostile and odd files

POSTSCRIPT = (
    b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 64\n"
    b"newpath 0 0 moveto 64 64 lineto stroke\nshowpage\n"
)


def test_postscript_renamed_png_never_reaches_ghostscript(tmp_path):
    path = tmp_path / "cheque.png"
    path.write_bytes(POSTSCRIPT)
    with pytest.raises(ImageReadError, match="not an image sigverify can read"):
        load_image(path)


@pytest.mark.parametrize(
    "fmt,suffix", [("PPM", ".ppm"), ("TGA", ".tga"), ("PCX", ".pcx"), ("ICO", ".ico")]
)
def test_formats_the_readme_does_not_list_are_refused(tmp_path, fmt, suffix):
    path = _save(tmp_path / f"sig{suffix}", Image.new("L", (64, 64), 200), format=fmt)
    assert Image.open(path).format == fmt  # Pillow itself would read it
    with pytest.raises(ImageReadError, match="Use a PNG, JPEG, TIFF or BMP"):
        load_image(path)


def test_a_pipe_named_like_an_image_is_refused_without_waiting(tmp_path):
    import os

    path = tmp_path / "x.png"
    os.mkfifo(path)  # reading it would wait for a writer forever
    with pytest.raises(ImageReadError, match="not an ordinary file"):
        load_image(path)


def test_a_device_is_refused():
    with pytest.raises(ImageReadError, match="not an ordinary file"):
        load_image("/dev/zero")


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.png"
    with path.open("wb") as handle:  # sparse: 1 GB on paper, nothing on disk
        handle.truncate(1_000_000_000)
    with pytest.raises(ImageTooLargeError, match="1000 MB"):
        load_image(path)


def test_a_name_too_long_for_the_file_system_is_a_clear_error(tmp_path):
    with pytest.raises(ImageReadError, match="cannot be opened"):
        load_image(tmp_path / ("a" * 300 + ".png"))


def test_a_png_text_chunk_bomb_is_a_clear_error(tmp_path):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("comment", "0" * 5_000_000, zip=True)  # 5 MB inflated, a few KB on disk
    path = _save(tmp_path / "bomb.png", Image.new("L", (64, 64), 200), pnginfo=info)
    assert path.stat().st_size < 100_000
    with pytest.raises(ImageReadError, match="damaged or incomplete"):
        load_image(path)


def test_a_16_bit_image_beyond_the_pixel_limit_is_refused(tmp_path):
    # 7000 x 7000 = 49 megapixels of 16-bit grey: over 40, refused from the header
    path = _save(tmp_path / "deep.png", Image.new("I;16", (7000, 7000), 40000))
    with pytest.raises(ImageTooLargeError, match="7000 × 7000"):
        load_image(path)


def test_a_large_phone_jpeg_is_decoded_at_a_reduced_scale(tmp_path):
    pixels = np.full((4000, 6400), 230, np.uint8)
    pixels[1800:2200, 1000:5000] = 20
    path = _save(tmp_path / "phone.jpg", Image.fromarray(pixels).convert("RGB"), quality=90)
    loaded = load_image(path)
    assert loaded.pixels.shape == (2000, 3200)  # decoded at 1/2 scale, from the JPEG itself
    assert loaded.pixels[1000, 1500] < 60 and loaded.pixels[200, 200] > 200


def test_a_lab_tiff_is_read_as_its_lightness(tmp_path):
    lab = Image.merge(
        "LAB",
        [
            Image.new("L", (64, 48), 180),
            Image.new("L", (64, 48), 128),
            Image.new("L", (64, 48), 128),
        ],
    )
    path = _save(tmp_path / "lab.tif", lab)
    loaded = load_image(path)
    assert loaded.pixels.shape == (48, 64) and int(loaded.pixels.mean()) == 180


def test_signature_input_reads_the_file_once_with_the_same_checks(tmp_path):
    from sigverify.core.verification_results import SignatureInput

    path = tmp_path / "cheque.png"
    path.write_bytes(POSTSCRIPT)
    with pytest.raises(ImageReadError, match="not an image sigverify can read"):
        SignatureInput.from_path(path)
    good = _save(tmp_path / "good.png", Image.new("L", (64, 64), 200))
    assert SignatureInput.from_path(good).data == good.read_bytes()


def test_libtiff_warnings_do_not_reach_the_terminal(capfd):
    """A group-4 TIFF whose private tag has a type libtiff does not know: libtiff prints
    "TIFFFetchNormalTag: ..." on the process's standard error while decoding (below Python,
    so only an fd-level capture sees it). The image itself decodes."""
    import struct

    from PIL import TiffImagePlugin

    from tests.conftest import draw_signature

    ink = Image.fromarray(draw_signature()).convert("1")
    tags = TiffImagePlugin.ImageFileDirectory_v2()
    tags[65000] = "scanner note"
    tags.tagtype[65000] = 2
    buffer = io.BytesIO()
    ink.save(buffer, format="TIFF", compression="group4", tiffinfo=tags)
    data = bytearray(buffer.getvalue())
    ifd = struct.unpack("<I", data[4:8])[0]
    for i in range(struct.unpack("<H", data[ifd : ifd + 2])[0]):
        entry = ifd + 2 + 12 * i
        if struct.unpack("<H", data[entry : entry + 2])[0] == 65000:
            data[entry + 2 : entry + 4] = struct.pack("<H", 99)  # no such TIFF type
    capfd.readouterr()
    loaded = decode_image(bytes(data), "scan.tif")
    assert loaded.pixels.shape == draw_signature().shape and loaded.pixels.min() == 0
    captured = capfd.readouterr()
    assert "TIFF" not in captured.err and captured.err == ""
