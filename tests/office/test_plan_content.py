"""sanhui:InsertPlan through its dispatch URL, checked the way a secretary reads the result:
every line of the seed in order, numbered by the list style, styled, with 备注 where asked."""

from __future__ import annotations

from typing import Any

import pytest

from sanhui.model.meeting import PLAN_ORDER, Meeting
from tests.office.docs import comments, paragraph, paragraphs
from tests.office.expected import TITLE, all_notes, expected

SUCCESS, FAILURE = 1, 0
MONTH_TITLE = "2023年9月“三会一课”方案"


def rows(doc: Any) -> list:
    return [tuple(p) for p in paragraphs(doc)]


def test_month_plan_has_every_line_in_order_numbered_and_styled(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert state == SUCCESS, result
    assert "2023年9月" in result
    assert rows(writer) == expected(None, MONTH_TITLE)


def test_no_number_is_typed_the_labels_come_from_the_list_style(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    for para in paragraphs(writer):
        assert not para.text.startswith(("一、", "（一）", "1.", "1。", "（1）")), para
    heading = paragraph(writer, "支委会方案")
    assert heading.NumberingStyleName == "三会一课-编号"
    rules = heading.NumberingRules
    level = {p.Name: p.Value for p in rules.getByIndex(0)}
    assert level["NumberingType"] == 15  # NUMBER_LOWER_ZH: 一, 二, 三
    assert level["Suffix"] == "、"


def test_deleting_a_part_renumbers_the_rest(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    labels = {p.text: p.label for p in paragraphs(writer)}
    assert (labels["党小组会方案"], labels["党课方案"]) == ("三、", "四、")
    paragraph(writer, "党员大会方案").dispose()
    labels = {p.text: p.label for p in paragraphs(writer)}
    assert (labels["党小组会方案"], labels["党课方案"]) == ("二、", "三、")


@pytest.mark.parametrize("meeting", list(PLAN_ORDER))  # the plan's four; no built-in 主题党日 part
def test_single_meeting_keeps_its_place_number_and_has_no_title(office: Any, writer: Any,
                                                                 meeting: Meeting) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": meeting.value, "Month": "2023-09"})
    assert state == SUCCESS, result
    assert rows(writer) == expected(meeting, None)


def test_menu_url_query_preselects_the_meeting(office: Any, writer: Any) -> None:
    # A click opens the dialog; under --headless a modal dialog returns at once, as cancelled.
    state, result = office.dispatch(writer, "sanhui:InsertPlan?Meeting=lecture")
    assert (state, result) == (SUCCESS, "已取消，文档未作更改。")
    assert [p.text for p in paragraphs(writer)] == [""]
    # the same query with arguments runs without the dialog
    state, result = office.dispatch(writer, "sanhui:InsertPlan?Meeting=lecture", {"Month": "2023-09"})
    assert state == SUCCESS, result
    texts = [p.text for p in paragraphs(writer)]
    assert texts[0] == "党课方案"
    assert "主题：对标“老大哥”，争当“排头兵”。" in texts


def test_month_defaults_to_this_month_and_branch_goes_in_the_title(office: Any, writer: Any) -> None:
    import datetime

    today = datetime.date.today()
    office.dispatch(writer, "sanhui:InsertPlan", {"Branch": "机关第一党支部"})
    first = paragraphs(writer)[0]
    assert first == (f"机关第一党支部{today.year}年{today.month}月“三会一课”方案", TITLE, "")


def test_notes_as_comments_anchored_to_the_text_they_explain(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    found = comments(writer)
    # Writer lists fields in no particular order: compare as a multiset. The range stops before
    # the paragraph's last character (see odf/plan_writer.py).
    assert sorted((content, anchor) for _, content, anchor in found) == sorted(
        (f"备注：{note}", anchor[:-1]) for note, anchor in all_notes())
    assert {author for author, _, _ in found} == {"三会一课助手"}
    assert all(p.style != "三会一课-备注" for p in paragraphs(writer))


def test_notes_in_the_body_use_the_note_style(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "body"})
    assert rows(writer) == expected(None, MONTH_TITLE, notes_in_body=True)
    assert comments(writer) == []


def test_notes_none_leaves_them_out(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "none"})
    assert rows(writer) == expected(None, MONTH_TITLE)
    assert comments(writer) == []


def test_named_styles_follow_gbt9704(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    styles = writer.StyleFamilies.getByName("ParagraphStyles")
    body = styles.getByName("三会一课-正文")
    assert body.CharHeightAsian == 16 and body.CharHeight == 16
    assert body.CharFontNameAsian.startswith("仿宋_GB2312;") and "Noto Serif CJK SC" in body.CharFontNameAsian
    assert body.ParaFirstLineIndent == pytest.approx(1129, abs=2)  # 32 pt = two 3号 characters
    assert body.ParaLineSpacing.Mode == 3 and body.ParaLineSpacing.Height == pytest.approx(1019, abs=2)  # FIX 28.9pt
    title = styles.getByName(TITLE)
    assert title.CharHeightAsian == 22 and title.CharFontNameAsian.startswith("方正小标宋简体;")
    assert title.ParaAdjust == 3  # CENTER
    fonts = [styles.getByName(f"三会一课-{n}级标题").CharFontNameAsian.split(";")[0] for n in "一二三四"]
    assert fonts == ["黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312"]


def test_empty_document_gets_the_gongwen_page(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    title = paragraph(writer, MONTH_TITLE)
    assert title.PageDescName == "三会一课-公文页面"
    page = writer.StyleFamilies.getByName("PageStyles").getByName("三会一课-公文页面")
    # millimetres go through twips inside Writer: allow 1/100 mm of rounding
    measured = (page.Width, page.Height, page.TopMargin, page.LeftMargin, page.RightMargin)
    assert measured == pytest.approx((21000, 29700, 3700, 2800, 2600), abs=2)
    # 35 mm below the type area: 20 mm margin + 7 mm spacing + 8 mm footer for the page number
    assert page.FooterIsOn and page.BottomMargin + page.FooterHeight == pytest.approx(3500, abs=5)
    assert "— 1 —" in page.FooterText.getString() or page.FooterText.getString().startswith("— ")
    assert not page.FooterIsShared  # odd pages right, even pages left


def test_mid_document_insertion_leaves_the_users_pages_alone(office: Any, writer: Any) -> None:
    writer.getText().setString("我的文字")
    view = writer.getCurrentController().getViewCursor()
    view.gotoEnd(False)
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert not paragraph(writer, MONTH_TITLE).PageDescName
    assert writer.getCurrentController().PageCount >= 1
    assert paragraphs(writer)[0].text == "我的文字"


def test_users_own_style_of_the_same_name_wins(office: Any, writer: Any) -> None:
    styles = writer.StyleFamilies.getByName("ParagraphStyles")
    mine = writer.createInstance("com.sun.star.style.ParagraphStyle")
    styles.insertByName("三会一课-正文", mine)
    mine.CharHeight = 12
    mine.CharHeightAsian = 12
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert styles.getByName("三会一课-正文").CharHeightAsian == 12
    assert styles.getByName("三会一课-标题").CharHeightAsian == 22  # ours arrives where there was none
