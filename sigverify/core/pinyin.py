"""Chinese names as a clerk types them on a Latin keyboard: pinyin without tones. 王小明 is
found by "wang", "xiao", "wangxiaoming", "wang xiao ming" and its initials "wxm" (a clerk
typing "wang" found nobody: a real-window pass), and lists order him among the W (Chinese
names came after every Latin one, by their code points).

A name is found from the start of one of its characters' readings on. The readings are
``resources/pinyin/readings.txt`` (``scripts/make_pinyin_table.py``), read the first time a
name with Chinese characters needs them. A character with several readings (曾: zeng or
ceng) is found by either of its first two; a list orders it by its first, which for a
surname is the surname's (单: shan, not dan).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import product

from sigverify.core.paths import resource_path

#: Chinese characters: the unified ideographs, their extensions and the compatibility ones.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN = re.compile(f"[{HAN_RANGES}]")

#: The readings of a character that find it: its first two (most characters of names have
#: one; a third is rare: 朴's fifth, "po", found 朴 for a clerk typing "po").
MOST_READINGS = 2


@cache
def _readings() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    with resource_path("pinyin", "readings.txt").open(encoding="utf-8") as lines:
        for line in lines:
            readings, characters = line.rstrip("\n").split("\t")
            spelled = tuple(readings.split())
            table.update(dict.fromkeys(characters, spelled))
    return table


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def _typed_ways(reading: str) -> tuple[str, ...]:
    """The ways a reading is typed: "ü" as "v" (pinyin keyboards), "u", and after l and n
    as "yu" (passports since 2012: 吕 is LYU, 略 LYUE)."""
    if "v" not in reading:
        return (reading,)
    ways = (reading, reading.replace("v", "u"))
    return (*ways, reading[0] + "yu" + reading[2:]) if reading[:2] in ("lv", "nv") else ways


def _parts(text: str) -> list[tuple[str, ...]]:
    """``text`` (lower case) as its parts: each Chinese character's first
    :data:`MOST_READINGS` readings, each other run of letters and digits as it is ("王a1" ->
    [("wang", "yu"), ("a1",)])."""
    table = _readings()
    parts: list[tuple[str, ...]] = []
    for run in re.split(f"({HAN.pattern})", text):
        if len(run) == 1 and run in table:
            parts.append(table[run][:MOST_READINGS])
        else:
            parts += [(word,) for word in re.findall(r"\w+", run)]
    return parts


def _readings_of(parts: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The readings a name is spelled by: each part's first, then the same with one part's
    second instead, for each part that has one (every mix of them grew as 2 to the power of
    the characters; the first few of them left the first character's second reading out:
    "ceng" missed 曾乐乐, a review)."""
    firsts = tuple(part[0] for part in parts)
    return [firsts] + [
        firsts[:i] + (part[1],) + firsts[i + 1 :] for i, part in enumerate(parts) if len(part) > 1
    ]


@lru_cache(maxsize=100_000)
def spellings(text: str) -> str:
    """The ways ``text`` (with Chinese characters: else "") or its end is typed in pinyin
    from one of its characters on, one per line: for 王小明 "wangxiaoming", "xiaoming",
    "ming", the initials "wxm", "xm", "m", and turned, the given name first as Western
    forms write it, "xiaomingwang" (and "mingwangxiao": a compound surname, 欧阳小明, is
    "xiaomingouyang"); then the same for 明's other reading, "meng", one character's
    other reading at a time (:func:`_readings_of`), and for each way a reading is typed
    (吕: lv, lu, lyu). Blanks are not in them: what is typed is looked
    for without its own (:func:`spells`). Kept for the names met (a search of 100,000
    Chinese names spells each: 0.4 s, 30 ms once kept)."""
    if not has_han(text):
        return ""
    lines: list[str] = []
    for read in _readings_of(_parts(text.lower())):
        for words in product(*map(_typed_ways, read)):
            ends = [words[start:] for start in range(len(words))]
            turned = [words[k:] + words[:k] for k in range(1, len(words))]
            for line in (
                *("".join(end) for end in ends),
                *("".join(w[0] for w in end) for end in ends),
                *("".join(turn) for turn in turned),
            ):
                if line not in lines:
                    lines.append(line)
    return "\n".join(lines)


#: What may stand between the parts of a name typed: blanks, a comma ("Wang, Xiaoming";
#: a Chinese one, "、", too), a hyphen ("Xiao-ming"), an apostrophe ("Xi'an"), a dot.
SEPARATORS = r"\s,、\-'’.·"
BETWEEN = re.compile(f"[{SEPARATORS}]+")


def typed_key(typed: str) -> str:
    """``typed`` (lower case) as pinyin is looked for: without what stands between its
    parts ("wang xiaoming", "Wang, Xiao-ming" -> "wangxiaoming"); "" when it is not letters
    alone."""
    key = BETWEEN.sub("", typed)
    return key if key.isascii() and key.isalpha() else ""


def spells(typed: str, text: str) -> bool:
    """``typed`` (lower case) begins one of ``text``'s :func:`spellings`, blanks and such
    aside: "wang", "xiaoming", "wang xiaoming" (as passports write it) and "wxm" spell
    王小明, "ang" and "aoming" do not (every Chinese name holds an "a" somewhere: typed
    anywhere, "a" found nearly everyone)."""
    return key_spells(typed_key(typed), text)


def key_spells(key: str, text: str) -> bool:
    """:func:`spells` for what is typed as :func:`typed_key` gives it (a search of many
    names makes the key once). A name without Chinese characters is not kept (SQLite asks
    of every name beyond ASCII: accented ones had filled the names kept, a review)."""
    if not (key and has_han(text)):
        return False
    return ("\n" + key) in ("\n" + spellings(text))


@lru_cache(maxsize=256)
def read_from(prefix: str) -> str:
    """The Chinese characters one of whose readings (the first :data:`MOST_READINGS`, in
    each way typed) begins with ``prefix`` (letters): a name that pinyin typed spells holds
    one whose reading begins with its first two letters, or one whose reading begins with
    its first letter and one that begins with its second (a reading of one letter, or
    initials), or a Latin word. A shared store asks its server for those names only."""
    return "".join(
        character
        for character, readings in _readings().items()
        if any(way.startswith(prefix) for r in readings[:MOST_READINGS] for way in _typed_ways(r))
    )


@cache
def _first_readings() -> dict[int, str]:
    return {ord(character): readings[0] + " " for character, readings in _readings().items()}


def first_spelling(text: str) -> str:
    """``text`` with each Chinese character written as its first reading and a blank
    ("王小明" -> "wang xiao ming"): what lists order it by (a character at a time in Python
    took a list of 100,000 Chinese names 150 ms, at once 24)."""
    return text.translate(_first_readings()).rstrip()
