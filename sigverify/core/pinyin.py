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
#: one; a third is rare: 朴's fifth, "po", found 朴 for a clerk typing "po"). Return in the
#: person field chooses by the first alone (洋's second, "xiang", chose 汪洋 for a clerk
#: looking for someone named Xiang: a real-window pass).
MOST_READINGS = 2
#: The most spellings of one name: each character of two readings doubles them (a name of
#: four such characters has 16), and the first ones are the usual.
MOST_SPELLINGS = 4


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
    as "yu" (passports since 2012: 吕 is LYU)."""
    if "v" not in reading:
        return (reading,)
    ways = (reading, reading.replace("v", "u"))
    return (*ways, reading[0] + "yu") if reading in ("lv", "nv") else ways


def _parts(text: str, most: int) -> list[tuple[str, ...]]:
    """``text`` (lower case) as its parts: each Chinese character's first ``most`` readings
    (each as it may be typed), each other run of letters and digits as it is ("王a1" ->
    [("wang", "yu"), ("a1",)])."""
    table = _readings()
    parts: list[tuple[str, ...]] = []
    for run in re.split(f"({HAN.pattern})", text):
        if len(run) == 1 and run in table:
            parts.append(tuple(way for r in table[run][:most] for way in _typed_ways(r)))
        else:
            parts += [(word,) for word in re.findall(r"\w+", run)]
    return parts


@lru_cache(maxsize=100_000)
def spellings(text: str, most: int = MOST_READINGS) -> str:
    """The ways ``text`` or its end is typed in pinyin from one of its characters on, with
    each character's first ``most`` readings, one per line ("" without Chinese
    characters): for 王小明 "wangxiaoming", "wxm", then "xiaoming", "xm", "ming", "m", and
    the given name first, "xiaomingwang" (as Western forms write it); then the same for
    明's other reading, "meng". Blanks are not in them: what is typed is looked for
    without its own (:func:`spells`). Kept for the names met (a search of 100,000
    Chinese names spells each: 0.4 s, 30 ms once kept)."""
    if not has_han(text):
        return ""
    lines: list[str] = []
    for i, words in enumerate(product(*_parts(text.lower(), most))):
        if i == MOST_SPELLINGS:
            break
        ends = [words[start:] for start in range(len(words))]
        for line in (
            *("".join(end) for end in ends),
            *("".join(w[0] for w in end) for end in ends),
            "".join(words[1:] + words[:1]) if len(words) > 1 else "",
        ):
            if line and line not in lines:
                lines.append(line)
    return "\n".join(lines)


#: What may stand between the parts of a name typed: blanks, a comma ("Wang, Xiaoming"),
#: a hyphen ("Xiao-ming"), an apostrophe ("Xi'an"), a dot.
_BETWEEN = re.compile(r"[\s,\-'’.·]+")


def typed_key(typed: str) -> str:
    """``typed`` (lower case) as pinyin is looked for: without what stands between its
    parts ("wang xiaoming", "Wang, Xiao-ming" -> "wangxiaoming"); "" when it is not letters
    alone."""
    key = _BETWEEN.sub("", typed)
    return key if key.isascii() and key.isalpha() else ""


def could_be_pinyin(typed: str) -> bool:
    """``typed`` (lower case) may be pinyin: letters, with blanks or such between them."""
    return bool(typed_key(typed))


def spells(typed: str, text: str, most: int = MOST_READINGS) -> bool:
    """``typed`` (lower case) begins one of ``text``'s :func:`spellings`, blanks and such
    aside: "wang", "xiaoming", "wang xiaoming" (as passports write it) and "wxm" spell
    王小明, "ang" and "aoming" do not (every Chinese name holds an "a" somewhere: typed
    anywhere, "a" found nearly everyone). ``most``: the readings of each character that
    count (1: the usual one alone)."""
    return key_spells(typed_key(typed), text, most)


def key_spells(key: str, text: str, most: int = MOST_READINGS) -> bool:
    """:func:`spells` for what is typed as :func:`typed_key` gives it (a search of many
    names makes the key once)."""
    spelled = spellings(text, most) if key else ""
    return bool(spelled) and ("\n" + key) in ("\n" + spelled)


@cache
def _first_readings() -> dict[int, str]:
    return {ord(character): readings[0] + " " for character, readings in _readings().items()}


def first_spelling(text: str) -> str:
    """``text`` with each Chinese character written as its first reading and a blank
    ("王小明" -> "wang xiao ming"): what lists order it by (a character at a time in Python
    took a list of 100,000 Chinese names 150 ms, at once 24)."""
    return text.translate(_first_readings()).rstrip()
