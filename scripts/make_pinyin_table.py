"""Write ``resources/pinyin/readings.txt``, the pinyin of each Chinese character, which
lets a clerk find 王小明 by typing "wang", "xiaoming" or "wxm" (:mod:`sigverify.core.pinyin`).

    python3 -m venv /tmp/pinyin && /tmp/pinyin/bin/pip install "pypinyin==0.55.0"
    /tmp/pinyin/bin/python scripts/make_pinyin_table.py

The readings come from pypinyin's table of single characters (MIT licence; its data from
Unicode's Unihan database and other sources named in its README). pypinyin is not a
dependency of the app: importing it took 144 ms and it brings a 2.5 MB phrase table that
names do not need; this table is 190 KB, read the first time a Chinese name is searched
or sorted.

Each line: a character's readings without tones, most usual first, separated by blanks,
then a tab and the characters that read so. "ü" is written "v", as pinyin keyboards type
it (``sigverify.core.pinyin`` also finds it typed "u", and "lyu" as passports write 吕).
For the surnames whose usual reading
is not the name's (单 is "shan" as a surname, not "dan"), the surname's reading comes first:
lists order a name by the first reading of each character.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

from pypinyin.pinyin_dict import pinyin_dict

OUT = Path(__file__).resolve().parent.parent / "resources" / "pinyin" / "readings.txt"

#: Surnames read otherwise than the character's usual reading (Xinhua Zidian's notes).
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "区": "ou",
    "仇": "qiu",
    "解": "xie",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "缪": "miao",
    "种": "chong",
    "秘": "bi",
    "召": "shao",
    "员": "yun",
    "繁": "po",
    "隗": "wei",
    "长": "chang",
    "重": "chong",
    "柏": "bai",
    "薄": "bo",
    "尉": "wei",
}


def toneless(reading: str) -> list[str]:
    """``reading`` without its tone mark: "lǚ" -> ["lv"], "wáng" -> ["wang"]."""
    spelled = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")  # (ü, ǚ, ǜ...)
    plain = "".join(c for c in spelled if not unicodedata.combining(c))
    return [plain] if plain.isascii() and plain.isalpha() else []


def readings_of(character: str, listed: str) -> list[str]:
    readings: list[str] = []
    first = SURNAME_READINGS.get(character)
    for reading in ([first] if first else []) + listed.split(","):
        readings += [r for r in toneless(reading) if r not in readings]
    return readings


def main() -> int:
    groups: dict[str, list[str]] = defaultdict(list)
    for code, listed in sorted(pinyin_dict.items()):
        character = chr(code)
        if readings := readings_of(character, listed):
            groups[" ".join(readings)].append(character)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{readings}\t{''.join(chars)}\n" for readings, chars in sorted(groups.items())]
    OUT.write_text("".join(lines), encoding="utf-8", newline="\n")
    print(f"{sum(len(c) for c in groups.values())} characters, {len(groups)} lines: {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
