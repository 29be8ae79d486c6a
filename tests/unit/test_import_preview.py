"""The ImportPlan dialog's 预览 text (forms/import_preview.py): labels as the list style draws them,
notes marked, long lines cut, the lines not understood listed — without an office."""

from __future__ import annotations

import pytest

from sanhui.content.pack import ContentPack
from sanhui.content.recognise import recognise
from sanhui.forms.import_preview import MAX_LINE, cn_number, label, outline_lines, preview_text
from sanhui.model.plan import Entry, Paragraph, Part


@pytest.mark.parametrize(("n", "shown"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"),
                                          (100, "一百"), (105, "一百零五"), (110, "一百一十"), (999, "九百九十九")])
def test_chinese_numbers(n: int, shown: str) -> None:
    assert cn_number(n) == shown


def test_labels_by_level() -> None:
    assert [label(level, 2) for level in range(4)] == ["二、", "（二）", "2.", "（2）"]


def test_the_outline_of_a_pack_is_indented_with_labels_and_marked_notes() -> None:
    oath = Entry("重温入党誓词", children=(Entry("领誓"),))
    content = Entry("活动内容", body=(Paragraph("正文段落"),), children=(oath,))
    day = Entry("主题党日", notes=("要求：佩戴党徽",), children=(content,))
    pack = ContentPack(title="{month}方案", title_notes=("标题的备注",), preamble=(Paragraph("各党支部："),),
                       parts=(Part(None, day), Part(None, Entry("党课"))), closing=(Paragraph("机关党委"),))
    assert outline_lines(pack, "2024年3月") == [
        "2024年3月方案", "　〔备注〕标题的备注", "各党支部：",
        "一、主题党日", "　〔备注〕要求：佩戴党徽",
        "　（一）活动内容", "　　正文段落", "　　1.重温入党誓词", "　　　（1）领誓",
        "二、党课", "机关党委"]


def test_long_lines_are_cut_and_the_unread_lines_listed() -> None:
    pack = ContentPack(title="", parts=(Part(None, Entry("很长" * MAX_LINE)),))
    shown = preview_text(pack, ("看不懂的一行",), None, "zh").split("\n")
    assert len(shown[0]) == MAX_LINE and shown[0].endswith("…")
    assert shown[1:] == ["", "以下 1 行未能识别为编号或备注，将按正文插入：", "　看不懂的一行"]


def test_the_seed_previews_with_its_four_parts() -> None:
    from pathlib import Path

    seed = Path(__file__).resolve().parents[1] / "data" / "2023-09-sanhui-yike-plan.txt"
    found = recognise(seed.read_text(encoding="utf-8"))
    lines = preview_text(found.pack, found.unread, found.month_text, "zh").split("\n")
    assert lines[0] == "2023年9月“三会一课”方案"
    assert [line for line in lines if not line.startswith("　")] == [
        "2023年9月“三会一课”方案", "一、支委会方案", "二、党员大会方案", "三、党小组会方案", "四、党课方案"]
    assert sum(line.lstrip("　").startswith("〔备注〕") for line in lines) == 12
