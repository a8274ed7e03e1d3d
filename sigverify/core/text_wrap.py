"""Text broken into lines of a page's width, for Latin and Chinese alike."""

from __future__ import annotations

import re

# CJK characters and punctuation, Hangul, full-width forms
_WIDE = "\u1100-\u115f\u2e80-\u9fff\u3000-\u303f\uac00-\ud7a3\uff00-\uffef"
_TOKENS = re.compile(f"[{_WIDE}]|[^\\s{_WIDE}]+|\\s+")


#: Chinese punctuation that never starts a line: it stays at the end of the line before,
#: a column over (a printed report had a line starting with "。": seen in a real window).
_NO_LINE_START = set("。，、；：？！）」』》〉】％")


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, a Chinese character counting two:
    Latin words break at spaces, Chinese text between any two characters, never before a
    closing mark."""
    lines, line, used = [], "", 0
    for token in _TOKENS.findall(text):
        size = columns(token)
        if used + size > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
            if token.isspace():
                continue
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def columns(text: str) -> int:
    """How many columns ``text`` takes on a terminal or a page, a Chinese character two."""
    return sum(2 if re.match(f"[{_WIDE}]", c) else 1 for c in text)


def padded(text: str, width: int) -> str:
    """``text`` with spaces after it to fill ``width`` columns (``str.ljust`` counts a
    Chinese character as one: a column of names went out of line, seen)."""
    return text + " " * max(0, width - columns(text))


def shortened(text: str, width: int, end: int | None = None) -> str:
    """``text`` in at most ``width`` columns: whole when it fits, else its start and its
    last ``end`` columns (a file's extension, a person's id; a third of the width at most
    8 when not given) around "…" ("pasted-2026…48.png": a report's reference name ran into
    the next one's, seen in a real window)."""
    if columns(text) <= width:
        return text
    tail_width = min(8, width // 3) if end is None else min(end, width - 4)
    head, tail = "", ""
    for character in reversed(text):
        if columns(tail) + columns(character) > tail_width:
            break
        tail = character + tail
    for character in text:
        if columns(head) + columns(character) + columns(tail) + 1 > width:
            break
        head += character
    return f"{head}…{tail}"
