"""Joining translated sentences: English puts a space between them, Chinese none."""

from sigverify.core.i18n import join_sentences


def test_english_sentences_get_one_space_between_them():
    assert join_sentences("Enrolled 5 references.", "Unlike the others: 1.") == (
        "Enrolled 5 references. Unlike the others: 1."
    )


def test_nothing_goes_after_a_full_width_mark():
    assert join_sentences("已登记 5 个参考签名。", "其中 1 个与其他不同。") == (
        "已登记 5 个参考签名。其中 1 个与其他不同。"
    )
    assert (
        join_sentences("共 3 位书写者，", "每人 5 个参考签名。")
        == "共 3 位书写者，每人 5 个参考签名。"
    )


def test_empty_parts_are_left_out_and_a_written_space_is_not_doubled():
    assert join_sentences("", "Press OK.") == "Press OK."
    assert join_sentences("Found.", "", "Press OK.") == "Found. Press OK."
    assert join_sentences("Found. ", "Press OK.") == "Found. Press OK."
    assert join_sentences() == ""
