"""sanhui:TaskLedger through its URL: the items of this document or of a folder, in a new
document, overdue rows counted; a folder with a bad file still gives the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import uno

from sanhui.odf.ledger_reader import _odt_tables, only_tables
from sanhui.odf.xml import parse
from tests.office.test_benchmark import ARGS as TASKS
from tests.office.test_minutes import ARGS as MINUTES

SUCCESS, FAILURE = 1, 0


def _ledger_doc(office: Any, before: set) -> Any:
    components = office.desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        doc = components.nextElement()
        if doc.supportsService("com.sun.star.text.TextDocument") and doc.getTextTables().hasByName("任务台账") \
                and id(doc) not in before:
            return doc
    raise AssertionError("no ledger document was opened")


def _rows(doc: Any) -> list:
    return [tuple(str(c) for c in r) for r in doc.getTextTables().getByName("任务台账").getDataArray()]


def test_ledger_of_this_document(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertMinutes", MINUTES)
    cursor = writer.getText().createTextCursor()
    cursor.gotoEnd(False)
    writer.getCurrentController().getViewCursor().gotoRange(cursor, False)
    office.dispatch(writer, "sanhui:InsertBenchmark", TASKS)
    state, result = office.dispatch(writer, "sanhui:TaskLedger", {"Source": "document"})
    assert state == SUCCESS and "共 4 项" in result and "逾期 1 项" in result  # the 2020 task
    ledger = _ledger_doc(office, set())
    try:
        rows = _rows(ledger)
        assert rows[0] == ("序号", "来源", "类别", "事项", "责任人", "完成时限", "完成情况", "逾期天数")
        assert rows[1][3] == "班组建设" and int(rows[1][7]) > 1000  # due 2020-10-31: first, overdue
        assert [r[3] for r in rows[1:]] == ["班组建设", "建立联合攻关小组", "共享培训资源", "安全管理"]
        assert writer.getTextTables().getCount() == 3  # the source document is untouched
    finally:
        office.close(ledger)


def test_ledger_of_a_folder_reports_bad_files(office: Any, writer: Any, tmp_path: Path) -> None:
    office.dispatch(writer, "sanhui:InsertMinutes", MINUTES)
    office.store(writer, tmp_path / "纪要.docx", "MS Word 2007 XML")
    office.store(writer, tmp_path / "纪要.odt", "writer8")  # the same minutes twice: counted once
    content = zipfile.ZipFile(tmp_path / "纪要.odt").read("content.xml")
    cut = only_tables(content)  # LibreOffice's own content.xml: the ledger parses only its tables
    assert cut is not None and len(cut) < len(content) / 2
    assert list(_odt_tables(parse(cut))) == list(_odt_tables(parse(content)))
    (tmp_path / "坏文件.odt").write_bytes(b"not a document")
    url = uno.systemPathToFileUrl(str(tmp_path))
    state, result = office.dispatch(writer, "sanhui:TaskLedger", {"Source": url})
    assert state == SUCCESS and "共 2 项" in result and "1 个文件无法读取" in result
    ledger = _ledger_doc(office, set())
    try:
        assert {(r[3], r[1]) for r in _rows(ledger)[1:]} == {("建立联合攻关小组", "纪要.docx、纪要.odt"),
                                                            ("共享培训资源", "纪要.docx、纪要.odt")}
    finally:
        office.close(ledger)


def test_a_source_that_is_not_a_folder_is_named(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:TaskLedger", {"Source": "file:///no/such/folder"})
    assert state == FAILURE and "汇总范围（Source）" in result


def test_review_lists_last_months_unfinished_items_in_the_plan(office: Any, writer: Any) -> None:
    items = (("建立联合攻关小组", "张三", "2023-08-31"), ("共享培训资源", "李四", "2023-09-20"),
             ("下月的事", "王五", "2023-10-20"))
    office.dispatch(writer, "sanhui:InsertMinutes", dict(MINUTES, Items=items))
    office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "committee", "Month": "2023-10"})
    state, result = office.dispatch(writer, "sanhui:InsertReview", {"Month": "2023-10"})
    assert state == SUCCESS and "2023年9月" in result and "2 项未完成" in result, result
    review = next(writer.getTextTables().getByName(n) for n in writer.getTextTables().getElementNames()
                  if n.startswith("上月检查"))
    rows = [tuple(str(c) for c in r) for r in review.getDataArray()]
    assert [r[1] for r in rows[1:]] == ["建立联合攻关小组", "共享培训资源"]  # not the item due in October
    writer.getUndoManager().undo()
    assert not [n for n in writer.getTextTables().getElementNames() if n.startswith("上月检查")]


def test_annual_plan_table_of_the_year(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertAnnualPlan", {"Year": 2025})
    assert state == SUCCESS and "2025年" in result and "顺延" in result
    table = writer.getTextTables().getByName("2025年三会一课安排")
    rows = [tuple(str(c) for c in r) for r in table.getDataArray()]
    assert rows[0] == ("月份", "支委会", "党员大会", "党小组会", "党课", "主题党日")
    assert rows[2][1] == "2月5日（星期三）*"  # 2 February is in the Spring Festival holiday
    assert rows[3][2] == "3月12日（星期三）" and rows[1][2] == ""  # quarterly: the quarter's last month
    state, result = office.dispatch(writer, "sanhui:InsertAnnualPlan", {"GroupRule": "每周四"})
    assert state == FAILURE and "党小组会安排规则（GroupRule）" in result
