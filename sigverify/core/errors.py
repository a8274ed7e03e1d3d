"""The project's own exceptions: each carries a message a clerk can read.

The CLI prints ``str(error)`` and exits 2; the GUI shows it in a dialog. Anything
else that escapes is a bug (exit 1, traceback in the log).
"""

from __future__ import annotations


class SigverifyError(Exception):
    """A problem the user can fix (bad file, wrong folder...). ``str()`` is the message."""


class ImageReadError(SigverifyError):
    """The file cannot be read as an image (missing, empty, not an image, corrupt)."""


class ImageTooLargeError(SigverifyError):
    """The image would need too much memory to decode."""


class ImageTooSmallError(SigverifyError):
    """The image is too small to hold a readable signature."""


class NoInkError(SigverifyError):
    """No signature (ink) could be found on the image."""


class NotASignatureError(NoInkError):
    """The dark part of the image is a filled area or a pattern, not pen strokes."""


class DatasetError(SigverifyError):
    """A data folder cannot be used (missing, or matches no known layout)."""


class ModelFileError(SigverifyError):
    """A model folder is missing, damaged, from a newer version, or does not match its card."""


class DeviceError(SigverifyError):
    """The requested compute device (e.g. a GPU) is not available."""


class StoreError(SigverifyError):
    """The store cannot be opened or written (not ours, newer version, locked, disk full)."""


class NotFoundError(SigverifyError):
    """No such person or reference."""


class CancelledError(SigverifyError):
    """The user cancelled the work: nothing went wrong."""


class StoreIntegrityError(StoreError):
    """Something in the store was changed outside sigverify (it no longer matches its
    seal), or the seal itself is missing: what it concerns is refused, never used."""


class NotAllowedError(StoreError):
    """The database account connected to a shared store may not do this (its role)."""
