"""What InsertPlan must never do: touch the user's text, take more than one undo, write into a
read-only document, a protected section or another window's document, or change anything on
bad input. And where it goes when the cursor is somewhere a plan cannot be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.odf_schema import assert_valid_odt
from tests.office.docs import Para, paragraphs, put_cursor, saved_body, set_text

SUCCESS, FAILURE = 1, 0
USER = [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), ("", "Text body"), ("结尾CCC", "Quotations")]


def _user_doc(writer: Any) -> None:
    set_text(writer, USER)
    # direct formatting on the middle paragraph: it must survive the split
    para = writer.getText().createEnumeration()
    para.nextElement()
    second = para.nextElement()
    second.ParaAdjust = 3  # CENTER
    second.CharWeight = 150.0  # bold


# The plan goes after the paragraph the cursor is in, or fills the empty line the cursor is on.
@pytest.mark.parametrize("where, offset, expect_user", [
    ("middle", (1, 6), [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), "PLAN", ("", "Text body"),
                        ("结尾CCC", "Quotations")]),
    ("start", (1, 0), [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), "PLAN", ("", "Text body"),
                       ("结尾CCC", "Quotations")]),
    ("end", (1, 10), [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), "PLAN", ("", "Text body"),
                      ("结尾CCC", "Quotations")]),
    ("empty line", (2, 0), [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), "PLAN",
                            ("结尾CCC", "Quotations")]),
    ("document start", (0, 0), [("标题甲", "Heading 1"), "PLAN", ("前文AAABBB后文", "Text body"),
                                ("", "Text body"), ("结尾CCC", "Quotations")]),
    ("document end", (3, 5), [("标题甲", "Heading 1"), ("前文AAABBB后文", "Text body"), ("", "Text body"),
                              ("结尾CCC", "Quotations"), "PLAN"]),
])
def test_users_paragraphs_keep_text_style_and_formatting(office: Any, writer: Any, tmp_path: Path, where: str,
                                                         offset: tuple, expect_user: list) -> None:
    _user_doc(writer)
    before = saved_body(office, writer, tmp_path / "before.odt")
    put_cursor(writer, *offset)
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "lecture", "Month": "2023-09"})
    assert state == SUCCESS, result
    paras = paragraphs(writer)
    plan_len = 7  # 党课方案: heading, three （一）… and three 1. 2. 3.
    got, i = [], 0
    for item in expect_user:
        if item == "PLAN":
            block = paras[i:i + plan_len]
            assert block[0] == Para("党课方案", "三会一课-一级标题", "四、"), where
            assert block[-1].text.startswith("梳理成果") and block[-1].label == "3.", where
            got.append("PLAN")
            i += plan_len
        else:
            got.append((paras[i].text, paras[i].style))
            i += 1
    assert i == len(paras), f"{where}: stray paragraphs {paras[i:]}"
    assert got == expect_user
    for para in _enumerate(writer):
        if para.getString() == "前文AAABBB后文":
            assert (para.ParaAdjust, para.CharWeight) == (3, 150.0), where
    # one undo step restores the document exactly
    undo = writer.getUndoManager()
    assert undo.getCurrentUndoActionTitle() == "插入“三会一课”方案"
    undo.undo()
    assert saved_body(office, writer, tmp_path / "after-undo.odt") == before
    assert_valid_odt(tmp_path / "after-undo.odt")


def _enumerate(doc: Any) -> list:
    out = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el)
    return out


def test_month_plan_is_one_undo_step_and_redo_brings_it_back(office: Any, writer: Any, tmp_path: Path) -> None:
    before = saved_body(office, writer, tmp_path / "before.odt")
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    inserted = saved_body(office, writer, tmp_path / "inserted.odt")
    undo = writer.getUndoManager()
    undo.undo()
    assert saved_body(office, writer, tmp_path / "undone.odt") == before
    undo.redo()
    assert saved_body(office, writer, tmp_path / "redone.odt") == inserted


def test_a_second_plan_starts_again_at_one_and_an_older_plan_keeps_its_numbers(office: Any,
                                                                               writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    put_cursor(writer, 0, 0)  # above the first plan
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-10"})
    labels = [(p.text, p.label) for p in paragraphs(writer) if p.style == "三会一课-一级标题"]
    one_plan = [("支委会方案", "一、"), ("党员大会方案", "二、"), ("党小组会方案", "三、"), ("党课方案", "四、")]
    assert labels == one_plan * 2


@pytest.mark.parametrize("args, field", [
    ({"Meeting": "weekly"}, "会议类型（Meeting）"),
    ({"Month": "2023-13"}, "月份（Month）"),
    ({"Month": "九月"}, "月份（Month）"),
    ({"Notes": "margin"}, "备注方式（Notes）"),
    ({"Colour": "red"}, "Colour"),
    ({"Meeting": "month", "Place": "三楼会议室"}, "地点（Place）"),
    ({"Meeting": "general", "Expected": "三十"}, "应到人数（Expected）"),
])
def test_bad_arguments_fail_naming_the_argument_and_change_nothing(office: Any, writer: Any, tmp_path: Path,
                                                                   args: dict, field: str) -> None:
    _user_doc(writer)
    before = saved_body(office, writer, tmp_path / "before.odt")
    state, result = office.dispatch(writer, "sanhui:InsertPlan", args)
    assert state == FAILURE
    assert field in result
    assert saved_body(office, writer, tmp_path / "after.odt") == before
    assert not writer.getUndoManager().isUndoPossible() or \
        writer.getUndoManager().getCurrentUndoActionTitle() != "插入“三会一课”方案"


def test_unknown_command_fails_with_a_message(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:MakeCoffee")
    assert (state, result) == (FAILURE, "没有“MakeCoffee”这个命令。")


def test_read_only_document_is_left_alone(office: Any, writer: Any, tmp_path: Path) -> None:
    _user_doc(writer)
    path = office.store(writer, tmp_path / "mine.odt", "writer8")
    doc = office.load(path, readonly=True)
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
        assert state == FAILURE and "只读" in result
        assert [p.text for p in paragraphs(doc)] == [t for t, _ in USER]
    finally:
        office.close(doc)


def test_protected_section_is_left_alone(office: Any, writer: Any, tmp_path: Path) -> None:
    _user_doc(writer)
    section = writer.createInstance("com.sun.star.text.TextSection")
    cursor = writer.getText().createTextCursor()
    cursor.gotoEnd(False)
    writer.getText().insertTextContent(cursor, section, False)
    section.setName("已签会议纪要")
    section.getAnchor().setString("会签后的内容")
    section.IsProtected = True
    before = saved_body(office, writer, tmp_path / "before.odt")
    writer.getCurrentController().getViewCursor().gotoRange(section.getAnchor().getStart(), False)
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert state == FAILURE and "受保护" in result and "已签会议纪要" in result
    assert saved_body(office, writer, tmp_path / "after.odt") == before


def test_only_the_frame_the_command_came_from_is_written(office: Any, writer: Any) -> None:
    other = office.new_writer()  # now the desktop's current component
    try:
        other.getText().setString("另一个文档")
        state, _ = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "group", "Month": "2023-09"})
        assert state == SUCCESS
        assert paragraphs(writer)[0].text == "党小组会方案"
        assert [p.text for p in paragraphs(other)] == ["另一个文档"]
    finally:
        office.close(other)


def _table(writer: Any, name: str, rows: int = 2, cols: int = 2) -> Any:
    table = writer.createInstance("com.sun.star.text.TextTable")
    table.initialize(rows, cols)
    cursor = writer.getText().createTextCursor()
    cursor.gotoEnd(False)
    writer.getText().insertTextContent(cursor, table, False)
    table.setName(name)
    return table


@pytest.mark.parametrize("after", ["paragraph", "empty line", "nothing"])
def test_in_a_table_cell_the_plan_goes_after_the_outermost_table(office: Any, writer: Any, tmp_path: Path,
                                                                 after: str) -> None:
    writer.getText().setString("表前")
    outer = _table(writer, "支部名单")
    cell = outer.getCellByName("B2")
    inner = writer.createInstance("com.sun.star.text.TextTable")
    inner.initialize(1, 1)
    cell.insertTextContent(cell.createTextCursor(), inner, False)
    inner.getCellByName("A1").setString("内格")
    trailing = _enumerate(writer)[-1]  # the empty paragraph Writer keeps after a table
    if after == "paragraph":
        trailing.setString("表后")
    elif after == "nothing":  # the body ends with the table
        trailing.dispose()
    before = saved_body(office, writer, tmp_path / "before.odt")
    writer.getCurrentController().getViewCursor().gotoRange(inner.getCellByName("A1").getEnd(), False)
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "lecture", "Month": "2023-09"})
    assert state == SUCCESS, result
    texts = [p.text for p in paragraphs(writer)]
    at = texts.index("<table 支部名单>")
    assert texts[at + 1] == "党课方案"
    assert texts[at + 8:] == (["表后"] if after == "paragraph" else [])
    assert inner.getCellByName("A1").getString() == "内格"
    writer.getUndoManager().undo()
    assert saved_body(office, writer, tmp_path / "undone.odt") == before


def test_a_table_right_after_the_table_is_refused(office: Any, writer: Any, tmp_path: Path) -> None:
    writer.getText().setString("表前")
    first = _table(writer, "甲表", 1, 1)
    _table(writer, "乙表", 1, 1)
    before = saved_body(office, writer, tmp_path / "before.odt")
    writer.getCurrentController().getViewCursor().gotoRange(first.getCellByName("A1").getEnd(), False)
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "lecture"})
    assert state == FAILURE and "另一个表格" in result
    assert saved_body(office, writer, tmp_path / "after.odt") == before


def test_header_footnote_and_frame_are_refused_with_a_message(office: Any, writer: Any, tmp_path: Path) -> None:
    writer.getText().setString("正文")
    page = writer.StyleFamilies.getByName("PageStyles").getByName("Standard")
    page.HeaderIsOn = True
    page.HeaderText.setString("页眉文字")
    footnote = writer.createInstance("com.sun.star.text.Footnote")
    cursor = writer.getText().createTextCursor()
    cursor.gotoEnd(False)
    writer.getText().insertTextContent(cursor, footnote, False)
    footnote.setString("脚注文字")
    frame = writer.createInstance("com.sun.star.text.TextFrame")
    frame.setSize(_size(4000, 2000))
    writer.getText().insertTextContent(cursor, frame, False)
    frame.setString("框内文字")
    before = saved_body(office, writer, tmp_path / "before.odt")
    view = writer.getCurrentController().getViewCursor()
    for target, place in ((page.HeaderText.getEnd(), "页眉"), (footnote.getEnd(), "脚注"), (frame.getEnd(), "文本框")):
        view.gotoRange(target, False)
        state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
        assert state == FAILURE, place
        assert place in result and "正文" in result
    assert saved_body(office, writer, tmp_path / "after.odt") == before
    assert page.HeaderText.getString() == "页眉文字" and footnote.getString() == "脚注文字"


def _size(width: int, height: int) -> Any:
    import uno

    size = uno.createUnoStruct("com.sun.star.awt.Size")
    size.Width, size.Height = width, height
    return size


def test_errors_are_logged_in_the_profile(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-13"})
    log = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    assert "月份（Month）" in log.read_text(encoding="utf-8")
