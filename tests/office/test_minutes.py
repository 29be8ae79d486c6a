"""Joint minutes through their dispatch URLs: inserted, items added, countersigned, verified —
also after a save and reload as .odt and .docx, and printed with both signatures on one page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from devtools.prompts import fill_prompts
from tests.odf_schema import assert_valid_odt
from tests.office.docs import paragraphs, type_in_a_new_comment

SUCCESS, FAILURE = 1, 0
ARGS = {
    "BranchA": "机关第一党支部", "SecretaryA": "王明", "BranchB": "生产一线党支部", "SecretaryB": "李强",
    "Theme": "科技创新", "Date": "2023-09-25 15:00", "Place": "三楼会议室",
    "Present": "王明、李强、张三、李四", "Leave": "王五（出差）", "Attending": "社区党委组织委员",
    "Items": (("建立联合攻关小组", "张三", "2030-10-31"), ("共享培训资源", "李四", "2030年11月30日")),
}
TITLE = "机关第一党支部与生产一线党支部联建会议纪要"


def _insert(office: Any, doc: Any, **change: Any) -> str:
    state, result = office.dispatch(doc, "sanhui:InsertMinutes", dict(ARGS, **change))
    assert state == SUCCESS, result
    return result


def _table(doc: Any, prefix: str) -> Any:
    tables = doc.getTextTables()
    names = [n for n in tables.getElementNames() if n.startswith(prefix)]
    assert len(names) == 1, names
    return tables.getByName(names[0])


def _rows(table: Any) -> list:
    return [tuple(str(c) for c in row) for row in table.getDataArray()]


def _cursor_into(doc: Any, table: Any, cell: str = "B2") -> None:
    doc.getCurrentController().getViewCursor().gotoRange(table.getCellByName(cell).getStart(), False)


def test_minutes_have_the_seeds_flow_the_items_and_the_countersign_block(office: Any, writer: Any,
                                                                         tmp_path: Path) -> None:
    assert "2 项" in _insert(office, writer)
    paras = paragraphs(writer)
    texts = [p.text for p in paras]
    assert texts[0] == TITLE and paras[0].style == "三会一课-标题"
    assert texts[1:4] == ["时间：2023年9月25日 15:00", "地点：三楼会议室",
                          "主持：机关第一党支部书记王明、生产一线党支部书记李强"]
    heads = [(p.text, p.label) for p in paras if p.style == "三会一课-一级标题"]
    assert heads == [("第一议题", "一、"), ("工作研讨", "二、"), ("工作落实", "三、")]
    for line in ("出席：王明、李强、张三、李四", "请假：王五（出差）", "列席：社区党委组织委员"):
        assert line in texts
    assert _rows(_table(writer, "联建事项")) == [
        ("序号", "事项", "责任人", "完成时限", "跟踪反馈（办理情况）"),
        ("1", "建立联合攻关小组", "张三", "2030年10月31日", ""),
        ("2", "共享培训资源", "李四", "2030年11月30日", ""),
    ]
    sign = _rows(_table(writer, "联建会签"))
    assert sign[0] == ("机关第一党支部书记（签字）：", "生产一线党支部书记（签字）：")
    assert texts[-1] == "会签校验码：（会签后生成）"
    assert writer.getTextSections().getCount() == 1
    assert_valid_odt(office.store(writer, tmp_path / "minutes.odt", "writer8"))
    writer.getUndoManager().undo()
    assert [p.text for p in paragraphs(writer)] == [""] and writer.getTextTables().getCount() == 0


@pytest.mark.parametrize("change, field", [
    ({"SecretaryB": "王明"}, "联建支部书记（SecretaryB）"),
    ({"Items": (("甲", "张三", "2030-10-31"), ("乙", "李四", "下月底"))}, "第 2 项的完成时限“下月底”"),
    ({"Items": "建立小组"}, "会议议定事项（Items）"),
    ({"Colour": "red"}, "Colour"),
])
def test_bad_minutes_arguments_change_nothing(office: Any, writer: Any, change: dict, field: str) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertMinutes", dict(ARGS, **change))
    assert state == FAILURE and field in result
    assert [p.text for p in paragraphs(writer)] == [""]


def test_a_past_deadline_is_let_through_with_a_warning(office: Any, writer: Any) -> None:
    result = _insert(office, writer, Items=(("补报材料", "张三", "2020-01-31"),))
    assert "请注意" in result and "2020年1月31日 已过" in result


def test_add_item_appends_a_numbered_row_as_one_undo_step(office: Any, writer: Any) -> None:
    _insert(office, writer)
    items = _table(writer, "联建事项")
    _cursor_into(writer, items)
    state, result = office.dispatch(writer, "sanhui:AddMinutesItem",
                                    {"Item": "互派骨干交流学习", "Owner": "王五", "Deadline": "2030-12-31"})
    assert state == SUCCESS, result
    assert _rows(items)[-1] == ("3", "互派骨干交流学习", "王五", "2030年12月31日", "")
    writer.getUndoManager().undo()
    assert len(_rows(items)) == 3


def test_add_item_outside_minutes_is_refused(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:AddMinutesItem", {"Item": "x"})
    assert state == FAILURE and "不在联建会议纪要中" in result


def test_countersign_refuses_until_every_item_has_owner_and_deadline(office: Any, writer: Any) -> None:
    _insert(office, writer, Items=(("甲", "", "2030-10-31"), ("乙", "李四", ""), ("丙", "", "")))
    items = _table(writer, "联建事项")
    _cursor_into(writer, items)
    state, result = office.dispatch(writer, "sanhui:Countersign")
    assert state == FAILURE and "提示文字" in result  # the <prompts> come first
    fill_prompts(writer)
    state, result = office.dispatch(writer, "sanhui:Countersign")
    assert state == FAILURE
    assert "第 1、3 项缺少责任人" in result and "第 2、3 项缺少有效的完成时限" in result
    assert not writer.getTextSections().getByIndex(0).IsProtected


def _signed(office: Any, writer: Any) -> Any:
    _insert(office, writer)
    fill_prompts(writer)
    _cursor_into(writer, _table(writer, "联建事项"))
    state, result = office.dispatch(writer, "sanhui:Countersign", {"DateA": "2023-09-26", "DateB": "2023-09-27"})
    assert state == SUCCESS, result
    return result


def test_countersign_fills_the_block_protects_and_prints_the_code(office: Any, writer: Any) -> None:
    result = _signed(office, writer)
    sign = _rows(_table(writer, "联建会签"))
    assert sign[2] == ("姓名：王明", "姓名：李强") and sign[3] == ("日期：2023年9月26日", "日期：2023年9月27日")
    code = re.search(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", result).group(0)
    assert paragraphs(writer)[-1].text == f"会签校验码：{code}"
    assert writer.getTextSections().getByIndex(0).IsProtected
    _cursor_into(writer, _table(writer, "联建事项"))
    state, result = office.dispatch(writer, "sanhui:AddMinutesItem", {"Item": "补充"})
    assert state == FAILURE and "已经会签" in result
    state, result = office.dispatch(writer, "sanhui:VerifyMinutes")
    assert state == SUCCESS and result.startswith("intact：")


def test_verifying_while_typing_in_a_comment_checks_every_signed_minutes(office: Any, writer: Any) -> None:
    """The focus in a comment is no place in the text: 核验会签 then checks all signed minutes
    instead of failing (minutes_commands._verification)."""
    writer.getText().setString("文前")  # a paragraph of the user's, outside the protected minutes
    writer.getCurrentController().getViewCursor().gotoEnd(False)
    _signed(office, writer)
    start = writer.getText().createTextCursor()  # (the view cursor's gotoStart stays in its table cell)
    start.gotoStart(False)
    writer.getCurrentController().getViewCursor().gotoRange(start, False)
    assert type_in_a_new_comment(office, writer), "the keyboard focus did not go into the comment"
    state, result = office.dispatch(writer, "sanhui:VerifyMinutes")
    assert state == SUCCESS and result.startswith("intact：") and TITLE in result, result


def test_a_change_after_unprotecting_by_hand_is_found_and_named(office: Any, writer: Any) -> None:
    _signed(office, writer)
    writer.getTextSections().getByIndex(0).IsProtected = False
    _table(writer, "联建事项").getCellByName("C3").setString("赵六")
    _, result = office.dispatch(writer, "sanhui:VerifyMinutes")
    assert result.startswith("changed：") and "第 2 项的责任人由“李四”改为“赵六”" in result


def test_unsigned_minutes_say_so(office: Any, writer: Any) -> None:
    _insert(office, writer)
    _cursor_into(writer, _table(writer, "联建事项"))
    assert office.dispatch(writer, "sanhui:VerifyMinutes")[1].startswith("unsigned：")


def test_undo_of_countersign_takes_the_record_back(office: Any, writer: Any) -> None:
    _signed(office, writer)
    writer.getUndoManager().undo()
    assert not writer.getTextSections().getByIndex(0).IsProtected
    assert _rows(_table(writer, "联建会签"))[2] == ("姓名：", "姓名：")
    assert office.dispatch(writer, "sanhui:VerifyMinutes")[1].startswith("unsigned：")


@pytest.mark.parametrize("ext, filter_name", [("odt", "writer8"), ("docx", "MS Word 2007 XML")])
def test_verification_survives_save_and_reload(office: Any, writer: Any, tmp_path: Path, ext: str,
                                               filter_name: str) -> None:
    _signed(office, writer)
    path = office.store(writer, tmp_path / f"signed.{ext}", filter_name)
    doc = office.load(path)
    try:
        _, result = office.dispatch(doc, "sanhui:VerifyMinutes")
        assert result.startswith("intact："), result
        if ext == "docx":  # the tables and the block survive; the section's protection does not
            assert _rows(_table_with(doc, "事项"))[2][:4] == ("2", "共享培训资源", "李四", "2030年11月30日")
        table = _table_with(doc, "事项")
        for section in range(doc.getTextSections().getCount()):
            doc.getTextSections().getByIndex(section).IsProtected = False
        table.getCellByName("B2").setString("建立联合攻关小组并每月通报")
        _, result = office.dispatch(doc, "sanhui:VerifyMinutes")
        assert result.startswith("changed：") and "第 1 项的事项" in result
    finally:
        office.close(doc)


def _table_with(doc: Any, header_cell: str) -> Any:
    tables = doc.getTextTables()
    for i in range(tables.getCount()):
        table = tables.getByIndex(i)
        if str(table.getDataArray()[0][1]) == header_cell:
            return table
    raise AssertionError("no items table")


def test_pdf_prints_both_signature_lines_on_one_page(office: Any, writer: Any, tmp_path: Path) -> None:
    many = tuple((f"第{i}项工作", "张三", "2030-10-31") for i in range(1, 16))
    _insert(office, writer, Items=many)
    pdf = office.store(writer, tmp_path / "minutes.pdf", "writer_pdf_Export")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                           timeout=60).stdout.split("\f")
    with_block = [p for p in pages if "书记（签字）" in p]
    assert len(with_block) == 1
    page = with_block[0]
    assert page.count("书记（签字）") == 2 and page.count("姓名") == 2 and page.count("日期") == 2


def test_two_thousand_items_and_hostile_text_give_a_valid_document(office: Any, writer: Any,
                                                                   tmp_path: Path) -> None:
    rows = tuple((f"事项{i} <&>\"' \x01", "张三", "2030-10-31") for i in range(2000))
    state, result = office.dispatch(writer, "sanhui:InsertMinutes", dict(ARGS, Items=rows))
    assert state == FAILURE and "控制字符" in result  # control characters are refused, naming the field
    rows = tuple((f"事项{i} <&>\"' " + "长" * 60, "张三", "2030-10-31") for i in range(2000))
    state, result = office.dispatch(writer, "sanhui:InsertMinutes", dict(ARGS, Items=rows))
    assert state == SUCCESS, result
    assert len(_table(writer, "联建事项").getRows()) == 2001
    assert_valid_odt(office.store(writer, tmp_path / "big.odt", "writer8"))
