"""Chinese names spelled in pinyin, as a clerk on a Latin keyboard types them."""

from sigverify.core.pinyin import (
    first_spelling,
    has_han,
    read_from,
    spellings,
    spells,
    typed_key,
)


def test_a_name_is_spelled_from_each_character_on_and_turned():
    lines = spellings("王小明").split("\n")
    # joined from each character on, the initials from each on, the given name first
    assert lines[:8] == [
        *("wangxiaoming", "xiaoming", "ming", "wxm", "xm", "m", "xiaomingwang", "mingwangxiao")
    ]
    # then one character's second reading at a time: 王 also "yu", 明 also "meng"
    assert {"yuxiaoming", "yxm", "wangxiaomeng", "xiaomengwang"} < set(lines)
    assert "yuxiaomeng" not in lines  # (two at once: not)
    assert len(lines) == len(set(lines)) == 17  # (no line twice)
    # ü as pinyin keyboards type it (v), as u, and after l and n as passports write it (yu)
    assert spellings("吕布").split("\n") == [
        *("lvbu", "bu", "lb", "b", "bulv", "lubu", "bulu", "lyubu", "bulyu")
    ]
    # other letters and digits stay as words of their own; case aside
    assert spellings("李A2").split("\n")[:3] == ["lia2", "a2", "la"]


def test_pinyin_spells_a_name_from_the_start_of_a_characters_reading():
    for typed in ("wang", "w", "wangxiao", "wang xiao", "xiaoming", "ming", "wxm", "xm", "yu"):
        assert spells(typed, "王小明"), typed
    # as passports, bank cards and Western forms write it (a real-window pass found
    # nobody, and Enter offered to enrol him again)
    for typed in ("wang xiaoming", "wang, xiaoming", "xiao-ming wang", "wang、xiaoming"):
        assert spells(typed, "王小明"), typed
    assert spells("xiaoming ouyang", "欧阳小明")  # a compound surname turned too
    assert spells("lyu", "吕布") and spells("lu bu", "吕布") and spells("lv", "吕布")
    assert spells("lyue", "略")  # ü after l, as passports write it, in a longer syllable
    # the passport ü and a surname's other reading with other characters of two readings
    # (a cap on the mixes left them out: a review)
    assert spells("lyu ming", "吕明") and spells("ceng", "曾乐乐")
    # not from within a reading (every name holds an "a" somewhere), nor a third reading,
    # nor full and initials mixed
    for typed in ("ang", "aoming", "gxiao", "wang xm", "", "wang2", "王"):
        assert not spells(typed, "王小明"), typed
    assert not spells("po", "朴") and spells("piao", "朴") and spells("pu", "朴")
    assert spells("xiang", "汪洋")  # 洋's second reading: the list shows him
    assert not spells("li", "Li Na") and not spells("nunez", "Núñez")  # (Latin: as written)
    assert typed_key("wang, xiao-ming") == "wangxiaoming" and typed_key("c-1") == ""
    assert not any(map(typed_key, ["c-1", "wang2", "王", "", " "]))


def test_a_name_without_chinese_characters_has_no_spelling():
    assert spellings("Li Na") == "" and spellings("") == "" and spellings("Núñez") == ""
    assert not has_han("Li Na") and has_han("Li 娜") and has_han("𠀋")  # (an extension B one)


def test_a_long_name_of_many_readings_is_spelled_in_a_bounded_number_of_ways():
    # the first readings, then one character's second at a time: 1 + 4 ways for 4
    # characters of two readings (all mixes: 16), each joined and as initials from each of
    # 4 starts, and turned 3 ways
    lines = spellings("朴重长朴").split("\n")
    assert lines[0] == "piaochongchangpiao"  # each surname's reading first
    assert "puchongchangpiao" in lines and "puzhongchangpiao" not in lines
    assert len(lines) <= 5 * (4 + 4 + 3)


def test_a_list_orders_a_name_by_each_characters_first_reading():
    assert first_spelling("王小明") == "wang xiao ming"
    assert first_spelling("单田芳") == "shan tian fang"  # 单 as a surname (else "dan")
    assert first_spelling("zoë 王") == "zoë wang" and first_spelling("abc") == "abc"
    assert first_spelling("\u3402") == "\u3402"  # a character the table lacks: as it is


def test_the_characters_read_from_a_beginning_are_those_a_name_must_hold():
    """What a shared store asks its server for (names holding these characters)."""
    wa = read_from("wa")
    assert {"王", "汪", "万", "娃"} <= set(wa) and not {"李", "吴", "明"} & set(wa)
    assert "吴" in read_from("w") and "王" in read_from("w")
    assert {"吕", "女"} <= set(read_from("lv")) | set(read_from("nv"))  # ü typed as v,
    assert "吕" in read_from("lu") and "吕" in read_from("ly")  # u and, on passports, yu
    assert "曾" in read_from("ce") and "曾" in read_from("ze")  # either of two readings
    assert "阿" in read_from("a") and read_from("i") == ""  # no reading begins with an i
