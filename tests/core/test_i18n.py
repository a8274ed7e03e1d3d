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


def test_nothing_goes_before_a_full_width_bracket():
    """ " （预设：…）" after the thresholds was seen in the Chinese audit log."""
    assert join_sentences("接受 0.5000，拒绝 0.8000", "（预设：熟练伪造签名最多放行 5%）") == (
        "接受 0.5000，拒绝 0.8000（预设：熟练伪造签名最多放行 5%）"
    )
    assert join_sentences("accept 0.5000", "(preset)") == "accept 0.5000 (preset)"


def test_empty_parts_are_left_out_and_a_written_space_is_not_doubled():
    assert join_sentences("", "Press OK.") == "Press OK."
    assert join_sentences("Found.", "", "Press OK.") == "Found. Press OK."
    assert join_sentences("Found. ", "Press OK.") == "Found. Press OK."
    assert join_sentences() == ""


def test_a_blank_after_a_full_width_bracket_before_han_goes_and_others_stay():
    """A translation spaces a placeholder for a Latin id ("{id} 的"); a name in full-width
    brackets filled in kept the blank ("Maria Souza（C-11） 的": seen in a real window). A
    blank between Han characters may be the text's own (a path, a name, a comment: a
    review found them changed)."""
    from sigverify.core.i18n import wide_spacing

    assert wide_spacing("与 李明（C-2） 的 6 个参考签名") == "与 李明（C-2）的 6 个参考签名"
    assert wide_spacing("与 <b>Maria Souza（C-11）</b> 的") == "与 <b>Maria Souza（C-11）</b>的"
    for kept in ("从 C-11 的参考签名", "Ana (C-1) of the", "“a” 的", "6 个", "（C-2）  的",
                 "备份到 D:\\签名 备份\\a.zip", "操作员 王 芳", "“客户 已 电话 确认”",
                 "（C-2） Ana"):  # fmt: skip
        assert wide_spacing(kept) == kept
