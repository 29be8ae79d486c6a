"""Tests for sanhui.cn_numerals: the numerals dates and times are written with."""

from __future__ import annotations

import pytest

from sanhui.cn_numerals import cn_to_int, replace_numerals


@pytest.mark.parametrize(("text", "value"), [
    ("一", 1), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("二十五", 25), ("三十一", 31),
    ("一十二", 12), ("二〇二三", 2023), ("二零二三", 2023), ("零五", 5), ("〇", 0),
    ("廿五", 25), ("卅一", 31), ("一百零五", 105), ("两千零二十三", 2023),
])
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "十十", "二三十", "十百", "abc", "五a"])
def test_cn_to_int_refuses_malformed_runs(text: str) -> None:
    with pytest.raises(ValueError):
        cn_to_int(text)


def test_replace_numerals_leaves_other_text_alone() -> None:
    assert replace_numerals("二〇二三年九月二十五日下午三点半") == "2023年9月25日下午3点半"
    assert replace_numerals("2023-09-25 15:00") == "2023-09-25 15:00"
    with pytest.raises(ValueError):
        replace_numerals("九月二二十日")
