"""Chinese names spelled in pinyin, as a clerk on a Latin keyboard types them."""

from sigverify.core.pinyin import (
    MOST_SPELLINGS,
    could_be_pinyin,
    first_spelling,
    has_han,
    spellings,
    spells,
)


def test_a_name_is_spelled_whole_and_from_each_character_on():
    lines = spellings("王小明").split("\n")
    assert lines[:8] == ["wang xiao ming", "wangxiaoming", "wxm", "xiao ming", "xiaoming",
                         "xm", "ming", "m"]  # fmt: skip
    # the first two readings of each character: 明 is also "meng", 王 also "yu"
    assert {"wang xiao meng", "yuxiaoming", "yxm", "xiaomeng"} < set(lines)
    assert len(lines) == len(set(lines)) == 18  # (no line twice)
    assert spellings("吕布").split("\n") == ["lv bu", "lvbu", "lb", "bu", "b", "lu bu", "lubu"]
    # other letters and digits stay as words of their own; case aside
    assert spellings("李A2").split("\n")[:3] == ["li a2", "lia2", "la"]


def test_pinyin_spells_a_name_from_the_start_of_a_characters_reading():
    for typed in ("wang", "w", "wangxiao", "wang xiao", "xiaoming", "ming", "wxm", "xm", "yu"):
        assert spells(typed, "王小明"), typed
    # not from within a reading (every name holds an "a" somewhere), nor a third reading
    for typed in ("ang", "aoming", "gxiao", "wangx iao", "po", ""):
        assert not spells(typed, "王小明" if typed != "po" else "朴"), typed
    assert not spells("li", "Li Na")  # (a Latin name: searched as it is written)
    assert could_be_pinyin("wang xiao") and could_be_pinyin("wxm")
    assert not any(map(could_be_pinyin, ["wang  xiao", " wang", "c-1", "wang2", "王", ""]))


def test_a_name_without_chinese_characters_has_no_spelling():
    assert spellings("Li Na") == "" and spellings("") == "" and spellings("Núñez") == ""
    assert not has_han("Li Na") and has_han("Li 娜") and has_han("𠀋")  # (an extension B one)


def test_a_long_name_of_many_readings_is_spelled_a_bounded_number_of_ways():
    # 朴, 重 and 长 have two readings or more: 16 ways with the first two, the first 4 kept,
    # each of 4 starts in 3 forms
    lines = spellings("朴重长朴").split("\n")
    assert MOST_SPELLINGS == 4 and 24 <= len(lines) <= 4 * 4 * 3
    assert lines[0] == "piao chong chang piao"  # each surname's reading first
    assert "pu zhong zhang pu" not in lines  # (the 16th way)


def test_a_list_orders_a_name_by_each_characters_first_reading():
    assert first_spelling("王小明") == "wang xiao ming"
    assert first_spelling("单田芳") == "shan tian fang"  # 单 as a surname (else "dan")
    assert first_spelling("zoë 王") == "zoë wang" and first_spelling("abc") == "abc"
    assert first_spelling("\u3402") == "\u3402"  # a character the table lacks: as it is
