"""The 对标提高任务清单 through its URLs: inserted with drop-down statuses, tasks added, statuses
set at the cursor's row, the summary line updated; valid ODF, one undo step each, .docx and PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.odf_schema import assert_valid_odt
from tests.office.docs import paragraphs

SUCCESS, FAILURE = 1, 0
STATUSES = ("未启动", "进行中", "已完成", "已销号")
ARGS = {
    "Benchmark": "某供电公司先进党支部", "Date": "2023-09-28 09:00", "Place": "标杆单位党员活动室",
    "HostA": "本支部书记王明", "HostB": "标杆单位书记赵刚", "Teams": "运维组、营销组",
    "Checklist": ("班组建设", "安全管理"),
    "Items": (("班组建设", "积分制管理", "无量化考核", "引入积分制", "张三", "2020-10-31"),
              ("安全管理", "双人复核", "复核流于形式", "建立复核台账", "李四", "2030-11-30")),
}


def _insert(office: Any, doc: Any, **change: Any) -> str:
    state, result = office.dispatch(doc, "sanhui:InsertBenchmark", dict(ARGS, **change))
    assert state == SUCCESS, result
    return result


def _table(doc: Any) -> Any:
    tables = doc.getTextTables()
    assert tables.getCount() == 1
    return tables.getByIndex(0)


def _rows(table: Any) -> list:
    return [tuple(str(c) for c in row) for row in table.getDataArray()]


def _statuses(doc: Any) -> list:
    found = []
    fields = doc.getTextFields().createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.DropDown"):
            assert tuple(field.Items) == STATUSES
            found.append(field.SelectedItem)
    return found


def _cursor(doc: Any, cell: str) -> None:
    doc.getCurrentController().getViewCursor().gotoRange(_table(doc).getCellByName(cell).getStart(), False)


def test_the_list_has_who_where_checklist_and_tasks_with_drop_down_status(office: Any, writer: Any,
                                                                          tmp_path: Path) -> None:
    result = _insert(office, writer)
    assert "2 项任务" in result and "已过" in result  # the 2020 deadline is let through with a warning
    paras = paragraphs(writer)
    texts = [p.text for p in paras]
    assert texts[:7] == ["对标提高任务清单", "标杆单位：某供电公司先进党支部", "对标主题：对标“老大哥”，争当“排头兵”",
                         "时间：2023年9月28日 09:00", "地点：标杆单位党员活动室",
                         "主持：本支部书记王明、标杆单位书记赵刚", "分组：运维组；营销组"]
    assert [(p.text, p.label) for p in paras if p.label] == [
        ("对标事项清单", "一、"), ("班组建设", "（一）"), ("安全管理", "（二）"), ("对标提高任务清单", "二、")]
    header = ("序号", "对标事项", "标杆做法/经验", "我方差距", "提升措施", "责任人", "完成时限", "完成情况")
    assert _rows(_table(writer))[0] == header
    assert _rows(_table(writer))[1][:7] == ("1", "班组建设", "积分制管理", "无量化考核", "引入积分制", "张三",
                                            "2020年10月31日")
    assert _statuses(writer) == ["未启动", "未启动"]
    assert texts[-1].startswith("完成情况统计：")
    assert_valid_odt(office.store(writer, tmp_path / "tasks.odt", "writer8"))
    writer.getUndoManager().undo()
    assert writer.getTextTables().getCount() == 0


def test_pasted_lines_become_rows(office: Any, writer: Any) -> None:
    _insert(office, writer, Items="班组建设\t积分制管理\t无量化考核\t引入积分制\t张三\t2030-10-31\n\n"
                                  "安全管理｜双人复核｜流于形式｜建台账｜李四｜2030年11月30日")
    assert [r[1] for r in _rows(_table(writer))[1:]] == ["班组建设", "安全管理"]


def test_add_task_and_set_status_at_the_cursor_each_one_undo_step(office: Any, writer: Any) -> None:
    _insert(office, writer)
    _cursor(writer, "B2")
    state, result = office.dispatch(writer, "sanhui:AddBenchmarkTask",
                                    {"Item": "党建品牌", "Practice": "一支部一品牌", "Owner": "王五",
                                     "Deadline": "2030-12-31"})
    assert state == SUCCESS, result
    assert _rows(_table(writer))[3][:7] == ("3", "党建品牌", "一支部一品牌", "", "", "王五", "2030年12月31日")
    assert _statuses(writer).count("未启动") == 3
    _cursor(writer, "E3")
    state, result = office.dispatch(writer, "sanhui:SetTaskStatus", {"Status": "进行中"})
    assert state == SUCCESS and "第 2 项" in result
    assert _rows(_table(writer))[2][7] == "进行中"
    writer.getUndoManager().undo()
    assert _rows(_table(writer))[2][7] == "未启动"
    writer.getUndoManager().undo()
    assert len(_rows(_table(writer))) == 3


@pytest.mark.parametrize("cell, args, message", [
    ("B2", {"Status": "差不多"}, "完成情况（Status）"),
    ("B1", {"Status": "已完成"}, "表头行除外"),
    (None, {"Status": "已完成"}, "不在对标提高任务清单中"),
])
def test_bad_status_requests_are_refused(office: Any, writer: Any, cell: Any, args: dict, message: str) -> None:
    if cell:  # else: a document without a task list
        _insert(office, writer)
        _cursor(writer, cell)
    state, result = office.dispatch(writer, "sanhui:SetTaskStatus", args)
    assert state == FAILURE and message in result


def test_summary_counts_statuses_and_overdue_tasks(office: Any, writer: Any) -> None:
    _insert(office, writer)
    _cursor(writer, "B2")
    state, result = office.dispatch(writer, "sanhui:UpdateTaskSummary")
    assert state == SUCCESS
    assert "未启动 2 项" in result and "逾期 1 项（第 1 项）" in result
    assert paragraphs(writer)[-1].text == result
    office.dispatch(writer, "sanhui:SetTaskStatus", {"Status": "已完成"})
    _, result = office.dispatch(writer, "sanhui:UpdateTaskSummary")
    assert "已完成 1 项" in result and "无逾期" in result


def test_docx_and_pdf_keep_the_statuses(office: Any, writer: Any, tmp_path: Path) -> None:
    _insert(office, writer)
    _cursor(writer, "B3")
    office.dispatch(writer, "sanhui:SetTaskStatus", {"Status": "已销号"})
    doc = office.load(office.store(writer, tmp_path / "tasks.docx", "MS Word 2007 XML"))
    try:
        assert [r[7] for r in _rows(_table(doc))[1:]] == ["未启动", "已销号"]
        _cursor(doc, "B2")  # the commands still find the list by its header row
        state, result = office.dispatch(doc, "sanhui:UpdateTaskSummary")
        assert state == SUCCESS and "已销号 1 项" in result
    finally:
        office.close(doc)
    pdf = office.store(writer, tmp_path / "tasks.pdf", "writer_pdf_Export")
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                             timeout=60).stdout
    assert "已销号" in printed and "未启动" in printed
