"""Colours mixed from the palette, so that they suit a light and a dark theme alike."""

from __future__ import annotations

from PySide6.QtGui import QColor


def blend(one: QColor, other: QColor, share: float) -> QColor:
    """``share`` of ``one`` and the rest of ``other``, channel by channel (opaque)."""
    return QColor.fromRgbF(
        *(
            share * a + (1 - share) * b
            for a, b in zip(one.getRgbF()[:3], other.getRgbF()[:3], strict=True)
        )
    )
