"""Chinese names spelled in pinyin, as a clerk on a Latin keyboard types them."""

from sigverify.core.pinyin import (
    MOST_SPELLINGS,
    could_be_pinyin,
    first_spelling,
    has_han,
    spellings,
    spells,
    typed_key,
)


def test_a_name_is_spelled_whole_and_from_each_character_on():
    lines = spellings("王小明").split("\n")
    # joined from each character on, the initials from each on, the given name first
    assert lines[:7] == ["wangxiaoming", "xiaoming", "ming", "wxm", "xm", "m", "xiaomingwang"]
    # the first two readings of each character: 明 is also "meng", 王 also "yu"
    assert {"wangxiaomeng", "yuxiaoming", "yxm", "xiaomengwang"} < set(lines)
    assert len(lines) == len(set(lines)) == 16  # (no line twice)
    assert spellings("王小明", most=1).split("\n") == lines[:7]  # the usual readings alone
    # ü as pinyin keyboards type it (v), as u, and after l and n as passports write it (yu)
    assert spellings("吕布").split("\n") == [
        *("lvbu", "bu", "lb", "b", "bulv", "lubu", "bulu", "lyubu", "bulyu")
    ]
    # other letters and digits stay as words of their own; case aside
    assert spellings("李A2").split("\n")[:3] == ["lia2", "a2", "la"]


def test_pinyin_spells_a_name_from_the_start_of_a_characters_reading():
    passports = ("wang xiaoming", "wang, xiaoming", "xiao-ming wang", "wang xiao ming")
    for typed in ("wang", "w", "wangxiao", "wang xiao", "xiaoming", "ming", "wxm", "xm", "yu"):
        assert spells(typed, "王小明"), typed
    for typed in passports:
        assert spells(typed, "王小明"), typed
    assert spells("lyu", "吕布") and spells("lu bu", "吕布") and spells("lv", "吕布")
    # not from within a reading (every name holds an "a" somewhere), nor a third reading,
    # nor full and initials mixed
    for typed in ("ang", "aoming", "gxiao", "wang xm", "", "wang2", "王"):
        assert not spells(typed, "王小明"), typed
    assert not spells("po", "朴") and spells("piao", "朴") and spells("pu", "朴")
    assert spells("xiang", "汪洋") and not spells("xiang", "汪洋", most=1)  # 洋's second
    assert not spells("li", "Li Na")  # (a Latin name: searched as it is written)
    assert typed_key("wang, xiao-ming") == "wangxiaoming" and typed_key("c-1") == ""
    assert could_be_pinyin("wang xiao") and could_be_pinyin("wxm")
    assert not any(map(could_be_pinyin, ["c-1", "wang2", "王", "", " "]))


def test_a_name_without_chinese_characters_has_no_spelling():
    assert spellings("Li Na") == "" and spellings("") == "" and spellings("Núñez") == ""
    assert not has_han("Li Na") and has_han("Li 娜") and has_han("𠀋")  # (an extension B one)


def test_a_long_name_of_many_readings_is_spelled_a_bounded_number_of_ways():
    # 朴, 重 and 长 have two readings or more: 16 ways with the first two, the first 4 kept,
    # each joined and as initials from each of 4 starts, and the given name first
    lines = spellings("朴重长朴").split("\n")
    assert MOST_SPELLINGS == 4 and 20 <= len(lines) <= 4 * 9
    assert lines[0] == "piaochongchangpiao"  # each surname's reading first
    assert "puzhongzhangpu" not in lines  # (the 16th way)


def test_a_list_orders_a_name_by_each_characters_first_reading():
    assert first_spelling("王小明") == "wang xiao ming"
    assert first_spelling("单田芳") == "shan tian fang"  # 单 as a surname (else "dan")
    assert first_spelling("zoë 王") == "zoë wang" and first_spelling("abc") == "abc"
    assert first_spelling("\u3402") == "\u3402"  # a character the table lacks: as it is
