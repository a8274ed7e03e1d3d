"""Pen recordings from signature pads and tablets, read into the project's trajectory:
float32 ``(N, 4)`` rows of x, y (device units, y growing downwards as on a page),
pressure in [0, 1] (0: a pen-up sample that closes a stroke) and t (seconds from the first
sample), the same as the app's own pen canvas records.

Formats (their columns were checked against the files of each public dataset):

- **SVC2004** ``.TXT``: a first line with the number of points, then a point a line,
  ``x y t_ms button azimuth altitude pressure``. ``button`` is 0 on the first sample of
  each stroke after the pen was lifted (the pen-up travel itself is not recorded);
  pressure 0-1023. y grows upwards.
- **SUSIG** ``.sig``: a header line ``X, Y, TStamp, Pres., EndPts``, a line
  ``DataSize: N``, then N lines ``x y t_ms pressure end`` where ``end`` is 1 on the last
  sample of a stroke. y grows upwards.
- **SigComp2009 (NFI)** ``.hwr``: a first line with an identifier and the number of
  points, then tab-indented lines ``x y pressure azimuth altitude``: no time column (a fixed
  sampling rate, :data:`HWR_RATE_HZ`, assumed) and no pen-up marks: a stroke ends where the
  pen jumps further than :data:`JUMP_STEPS` typical steps. y grows upwards. Some files hold
  glitch samples at (0, 0) with a negative pressure: they are dropped.

Pressure is scaled by the recording's own maximum, so pads with other pressure ranges
give comparable values.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from sigverify.core.errors import SigverifyError
from sigverify.core.i18n import translate

PEN_SUFFIXES = (".txt", ".sig", ".hwr")
HWR_RATE_HZ = 200.0  # the .hwr files carry no clock; the NFI tablet's rate, assumed
JUMP_STEPS = 8.0  # a step this many times the median step is the pen lifted and moved
MAX_POINTS = 200_000  # a longer "signature" is not one (or not a pen file)


class PenFileError(SigverifyError):
    """A file that is not a pen recording sigverify can read."""


def _refused(path: Path, why: str = "") -> PenFileError:
    message = translate(
        "errors",
        "“{name}” is not a pen recording sigverify can read (SVC2004 .TXT, SUSIG .sig or "
        "SigComp2009 .hwr).",
    ).format(name=path.name)
    return PenFileError(message + (f" ({why})" if why else ""))


def is_pen_file(path: str | Path) -> bool:
    """A ``.sig`` or ``.hwr`` file, or a ``.txt`` whose first line is a number of points
    (an SVC2004 recording, not a README)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".sig", ".hwr"):
        return True
    if suffix != ".txt" or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            first = handle.readline(64).strip()
    except OSError:
        return False
    return first.isdigit()


def read_pen_file(path: str | Path) -> np.ndarray:
    """The trajectory ``(N, 4)`` of a pen recording (see the module for the formats)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="latin-1").splitlines()
    except OSError as error:
        raise _refused(path, str(error)) from error
    suffix = path.suffix.lower()
    try:
        if suffix == ".sig":
            trajectory = _susig(lines)
        elif suffix == ".hwr":
            trajectory = _hwr(lines)
        elif suffix == ".txt":
            trajectory = _svc2004(lines)
        else:
            raise ValueError("unknown file type")
    except (ValueError, IndexError) as error:
        raise _refused(path, str(error)) from error
    if len(trajectory) < 2:
        raise _refused(path, "fewer than two points")
    if len(trajectory) > MAX_POINTS or not np.isfinite(trajectory).all():
        raise _refused(path, "not a signature's points")
    return trajectory


def _rows(lines: list[str], count: int, columns: int) -> np.ndarray:
    rows = [line.split() for line in lines if line.strip()]
    if len(rows) < count:
        raise ValueError(f"{len(rows)} points where the header announces {count}")
    values = np.array([row[:columns] for row in rows[:count]], dtype=np.float64)
    if values.shape[1] != columns:
        raise ValueError("too few columns")
    return values


def _assemble(x, y, pressure, t, stroke_starts) -> np.ndarray:
    """Samples with y flipped to grow downwards, pressure scaled to [0, 1], time from 0,
    and a pen-up sample (pressure 0) before each stroke after the first."""
    top = pressure.max()
    pressure = pressure / top if top > 0 else np.full_like(pressure, 0.5)
    pressure = np.maximum(pressure, 0.05)  # a pen-down sample is never pen up
    rows = []
    starts = sorted(set(int(i) for i in stroke_starts if 0 < i < len(x)))
    bounds = [0, *starts, len(x)]
    for begin, end in zip(bounds[:-1], bounds[1:], strict=True):
        if begin > 0:  # lifted: at the last point of the previous stroke, just after it
            rows.append([x[begin - 1], -y[begin - 1], 0.0, t[begin - 1] + 1e-3])
        rows.extend(np.column_stack([x[begin:end], -y[begin:end], pressure[begin:end],
                                     t[begin:end]]).tolist())  # fmt: skip
    trajectory = np.asarray(rows, dtype=np.float64)
    trajectory[:, 1] -= trajectory[:, 1].min()
    trajectory[:, 0] -= trajectory[:, 0].min()
    trajectory[:, 3] -= trajectory[0, 3]
    return trajectory.astype(np.float32)


def _svc2004(lines: list[str]) -> np.ndarray:
    count = int(lines[0].split()[0])
    values = _rows(lines[1:], count, 7)
    x, y, t_ms, button, pressure = (
        values[:, 0],
        values[:, 1],
        values[:, 2],
        values[:, 3],
        values[:, 6],
    )
    return _assemble(x, y, pressure, t_ms / 1000.0, np.flatnonzero(button == 0))


def _susig(lines: list[str]) -> np.ndarray:
    if not lines[0].lower().startswith("x") or not lines[1].lower().startswith("datasize"):
        raise ValueError("no SUSIG header")
    count = int(lines[1].split(":")[1])
    values = _rows(lines[2:], count, 5)
    x, y, t_ms, pressure, end = (values[:, i] for i in range(5))
    return _assemble(x, y, pressure, t_ms / 1000.0, np.flatnonzero(end == 1) + 1)


def _hwr(lines: list[str]) -> np.ndarray:
    count = int(lines[0].split()[-1])
    values = _rows(lines[1:], count, 5)
    # some recordings hold glitch samples at the origin with negative pressure: not ink
    values = values[(values[:, 2] >= 0) & ((values[:, 0] != 0) | (values[:, 1] != 0))]
    if len(values) < 2:
        raise ValueError("no valid points")
    x, y, pressure = values[:, 0], values[:, 1], values[:, 2]
    steps = np.hypot(np.diff(x), np.diff(y))
    typical = max(float(np.median(steps)), 1.0)
    starts = np.flatnonzero(steps > JUMP_STEPS * typical) + 1
    t = np.arange(len(x)) / HWR_RATE_HZ
    return _assemble(x, y, pressure, t, starts)


def render_trajectory(trajectory: np.ndarray, height: int = 300, margin: int = 12) -> np.ndarray:
    """The trajectory drawn as ink: uint8 ``(H, W)``, paper 255, ink dark, the pen wider
    where it pressed harder, scaled to ``height`` pixels of writing plus a margin. Pen-up
    samples break the line."""
    import cv2

    points = np.asarray(trajectory, dtype=np.float64)
    xy = points[:, :2] - points[:, :2].min(axis=0)
    span = max(float(xy[:, 1].max()), float(xy[:, 0].max()) / 4, 1e-6)
    scale = (height - 2 * margin) / span
    xy = xy * scale + margin
    width = int(np.ceil(xy[:, 0].max())) + margin + 1
    canvas = np.full((height + 1, width), 255, dtype=np.uint8)
    factor = 4  # sub-pixel precision for anti-aliased lines
    for i in range(1, len(points)):
        if points[i, 2] <= 0 or points[i - 1, 2] <= 0:
            continue
        thickness = max(1, int(round(1.5 + 2.5 * points[i, 2])))
        start = tuple(int(v) for v in np.rint(xy[i - 1] * factor))
        end = tuple(int(v) for v in np.rint(xy[i] * factor))
        cv2.line(canvas, start, end, 20, thickness, cv2.LINE_AA, shift=2)
    return canvas
