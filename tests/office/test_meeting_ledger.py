"""sanhui:MeetingLedger through its URL, over a year of documents our own commands wrote: records
(InsertRecord with Date/Meeting/Expected/Present/Absent), a plan part with its 会议要素, a notice and
a signed sign-in sheet, saved as .odt and some as .docx (one month as both) into a folder with a
bad file. The ledger opens as a new document whose tables say what was held and what is missing,
with a real chart object that survives .docx and PDF; the document it was called from is unchanged.
The dialog (the TaskLedger one, with the year) is driven through its controls here; the real
window and its 取消 are tests/gui/test_meeting_ledger_dialog.py's."""

from __future__ import annotations

import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
import uno
from lxml import etree

from sanhui.model.profile import BranchProfile, Member, PartyGroup
from sanhui.office.settings import load_profile, save_profile
from tests.odf_schema import assert_valid_odt
from tests.office.docs import paragraphs

SUCCESS, FAILURE = 1, 0
YEAR = date.today().year - 1  # a year that is over: every month and quarter is due
BRANCH = "某社区第一党支部"
PROFILE = BranchProfile(
    branch=BRANCH, secretary="王书记", organizer="张三", member_count=7,
    groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "赵六")),
    members=(Member("王书记", "第一党小组", committee=True), Member("张三", "第一党小组", committee=True),
             Member("李四", "第一党小组"), Member("周九", "第一党小组"), Member("赵六", "第二党小组", committee=True),
             Member("钱七", "第二党小组"), Member("吴十", "第二党小组"),
             Member("孙八", "第二党小组", probationary=True)))
AS_DOCX = {2, 5}  # these months' documents are saved as .docx; January as .odt and .docx (a copy)


def _end(doc: Any) -> None:
    """The view cursor to the end of the document: the next record goes after the last."""
    cursor = doc.getText().createTextCursor()
    cursor.gotoEnd(False)
    doc.getCurrentController().getViewCursor().gotoRange(cursor, False)


def _record(office: Any, doc: Any, meeting: str, month: int, day: int, **details: Any) -> None:
    _end(doc)
    args: Dict[str, Any] = {"Meeting": meeting, "Date": f"{YEAR}-{month:02d}-{day:02d} 15:00", **details}
    state, result = office.dispatch(doc, "sanhui:InsertRecord", args)
    assert state == SUCCESS, (args, result)


def _month_document(office: Any, month: int) -> Any:
    """Everything of one month in one document, as a secretary's monthly file."""
    doc = office.new_writer()
    if month == 10:  # the 支委会 was planned (the plan part's 会议要素) but no record was kept
        state, result = office.dispatch(doc, "sanhui:InsertPlan", {
            "Meeting": "committee", "Month": f"{YEAR}-10", "Notes": "none", "Date": f"{YEAR}-10-08 15:00",
            "Host": "王书记", "Topic": "研究第四季度工作", "Expected": 3, "Present": 3})
        assert state == SUCCESS, result
    else:
        _record(office, doc, "committee", month, 5, Expected=3, Present=3, Host="王书记",
                Topic=f"{month}月支委会：研究党建工作")
    _record(office, doc, "group", month, 12, Group="第一党小组", Expected=3, Present=3, Host="张三",
            Topic="学习党章")
    if month != 10:  # 10月 党小组会（第二党小组）未见记录
        _record(office, doc, "group", month, 13, Group="第二党小组", Expected=3, Present=2, Host="赵六",
                Absent="钱七（出差）", Topic="学习党章")
    if month % 3 == 0:
        june = (2, "张三（出差）；李四（病假）；赵六（出差）；钱七（出差）")
        present, absent = june if month == 6 else (5, "李四（病假）")
        _record(office, doc, "general", month, 20, Expected=6, Present=present, Absent=absent, Host="王书记",
                Topic="学习贯彻全会精神")
        if month != 12:  # the fourth quarter's 党课: a notice only
            _record(office, doc, "lecture", month, 26, Expected=6, Present=6, Host="王书记", Topic="党课：践行初心使命")
    if month == 11:  # a 主题党日 held: its sign-in sheet, signed
        _end(doc)
        state, result = office.dispatch(doc, "sanhui:InsertSignIn", {
            "Meeting": "partyday", "Date": f"{YEAR}-11-22 09:00", "Members": ("王书记", "张三", "李四", "赵六")})
        assert state == SUCCESS, result
        table = doc.getTextTables().getByIndex(doc.getTextTables().getCount() - 1)
        for row in (2, 3, 4):  # 王书记, 张三, 李四 signed; 赵六 did not
            table.getCellByName(f"C{row}").setString(table.getCellByName(f"B{row}").getString())
    if month == 12:
        _end(doc)
        state, result = office.dispatch(doc, "sanhui:InsertNotice", {
            "Meeting": "lecture", "Date": f"{YEAR}-12-26 15:00", "Place": "党员活动室", "Topic": "党课：践行初心使命"})
        assert state == SUCCESS, result
    return doc


@pytest.fixture(scope="module")
def year_folder(office: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The year's documents (built once for the module) and the branch profile they go with."""
    before = load_profile(office.ctx)
    save_profile(office.ctx, PROFILE)
    folder = tmp_path_factory.mktemp("meetings") / f"{YEAR}年三会一课"
    (folder / "下半年").mkdir(parents=True)
    try:
        for month in range(1, 13):
            doc = _month_document(office, month)
            try:
                where = folder / "下半年" if month > 6 else folder
                name = f"{month:02d}月记录"
                if month in AS_DOCX or month == 1:
                    office.store(doc, where / f"{name}.docx", "MS Word 2007 XML")
                if month not in AS_DOCX:
                    office.store(doc, where / f"{name}.odt", "writer8")
            finally:
                office.close(doc)
        (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really a document")
        yield folder
    finally:
        save_profile(office.ctx, before)


def _new_documents(office: Any, before: List[Any]) -> List[Any]:
    return [d for d in office.documents() if not any(d == b for b in before)]


def _ledger(office: Any, before: List[Any]) -> Any:
    found = [d for d in _new_documents(office, before) if d.supportsService("com.sun.star.text.TextDocument")
             and d.getTextTables().hasByName(f"{YEAR}年会议统计")]
    assert len(found) == 1, f"{len(found)} ledgers opened"
    return found[0]


def _rows(doc: Any, name: str) -> List[List[str]]:
    return [[str(c) for c in row] for row in doc.getTextTables().getByName(name).getDataArray()]


def _row(rows: List[List[str]], label: str) -> List[str]:
    return next(r for r in rows if r[0] == label)


@pytest.fixture(scope="module")
def made(office: Any, year_folder: Path) -> Iterator[Dict[str, Any]]:
    """MeetingLedger over the folder, called from a new document; the ledger it opened."""
    source = office.new_writer()
    before = office.documents()
    state, result = office.dispatch(source, "sanhui:MeetingLedger", {
        "Source": uno.systemPathToFileUrl(str(year_folder)), "Year": YEAR})
    ledger: Optional[Any] = None
    try:
        assert state == SUCCESS, result
        ledger = _ledger(office, before)
        yield {"result": result, "ledger": ledger, "source": source}
    finally:
        if ledger is not None:
            office.close(ledger)
        office.close(source)


def test_the_result_counts_what_was_held_missing_and_unreadable(made: Dict[str, Any]) -> None:
    result = made["result"]
    assert result.startswith(f"已生成{YEAR}年“三会一课”台账：已召开会议 ")
    assert "未达法定人数的会议 1 次" in result and "另有 1 个文件无法读取" in result
    assert [p.text for p in paragraphs(made["source"])] == [""]  # the calling document is untouched


def test_title_what_was_read_copies_and_the_bad_file(made: Dict[str, Any]) -> None:
    texts = [p.text for p in paragraphs(made["ledger"])]
    assert texts[0] == f"{BRANCH}{YEAR}年“三会一课”台账"
    assert any(t.startswith("共读取文件 14 个") for t in texts), texts[:6]  # 13 documents and the bad file
    assert "01月记录.docx、01月记录.odt 为同一文档的副本，按一份计。" in texts or \
        "01月记录.odt、01月记录.docx 为同一文档的副本，按一份计。" in texts
    assert any(t.startswith("无法读取：坏文件.docx：") for t in texts)


def test_the_quarter_tables_say_what_was_held(made: Dict[str, Any]) -> None:
    ledger = made["ledger"]
    second = _rows(ledger, f"{YEAR}年第二季度")
    assert second[0] == ["会议", "4月", "5月", "6月"]
    assert _row(second, "支委会")[2] == "5月5日\n主持人：王书记\n主题：5月支委会：研究党建工作\n应到3，实到3，有效"
    june_general = _row(second, "党员大会")[3]
    assert "6月20日" in june_general and "应到6，实到2" in june_general and "无效" in june_general
    group_two = _row(second, "党小组会\n（第二党小组）")
    assert "5月13日" in group_two[2] and "实到2" in group_two[2]  # read from a .docx


def test_the_quarter_tables_say_what_is_missing(made: Dict[str, Any]) -> None:
    fourth = _rows(made["ledger"], f"{YEAR}年第四季度")
    committee = _row(fourth, "支委会")
    assert "10月5日" not in committee[1] and ("未见记录" in committee[1] or "仅见计划" in committee[1])
    assert "11月5日" in committee[2] and "有效" in committee[2]
    assert "未见记录" in _row(fourth, "党小组会\n（第二党小组）")[1]
    assert "11月22日" in _row(fourth, "主题党日")[2]  # held: its sign-in sheet was signed
    lecture = _row(fourth, "党课")[3]
    assert "12月26日" not in lecture.split("\n")[0]  # a notice is not a meeting held


def test_findings_members_and_summary(made: Dict[str, Any]) -> None:
    ledger = made["ledger"]
    texts = [p.text for p in paragraphs(ledger)]
    assert any("党小组会（第二党小组）" in t and "10月" in t and "未见记录" in t for t in texts)
    assert any("6月" in t and "党员大会" in t and "无效" in t for t in texts)
    members = _rows(ledger, f"{YEAR}年党员参加组织生活情况")
    qian = next(r for r in members if r[0].startswith("钱七"))
    assert "出差" in qian[5] and int(qian[2]) > int(qian[3])
    summary = _rows(ledger, f"{YEAR}年会议统计")
    committee = _row(summary, "支委会")
    assert committee[1] == "12" and committee[3] == "11"


def test_the_chart_is_an_embedded_chart_with_the_months_data(office: Any, made: Dict[str, Any]) -> None:
    def read(ledger: Any) -> Tuple[int, str, Tuple[str, ...], List[float]]:
        objects = ledger.getEmbeddedObjects()
        chart = objects.getByIndex(0)
        data = chart.getEmbeddedObject().getData()
        return objects.getCount(), chart.CLSID.lower(), data.getRowDescriptions(), [row[0] for row in data.getData()]

    count, clsid, months, values = office.call(read, made["ledger"], timeout=60)  # bounded: see the next test
    assert count == 1
    assert clsid == "12dcae26-281f-416f-a234-c3086127382e"  # LibreOffice's chart
    assert months == tuple(f"{m}月" for m in range(1, 13))
    assert 0 < values[0] <= 100 and 0 < values[5] < values[0]  # June's inquorate 党员大会 pulls it down


def test_the_ledger_saves_as_strict_odf_and_keeps_its_chart_in_docx_and_pdf(
    office: Any, made: Dict[str, Any], tmp_path: Path
) -> None:
    """The chart stays a chart in .docx (Word's chart part with the months and the values) and the
    .docx opens again with one embedded object. The chart's data is read from the .docx itself: asking
    the reloaded document's chart for it over the bridge while Writer still lays the page out
    deadlocked LibreOffice 25.2 once (a chart model made on the bridge's thread against the layout's
    CalcAndSetScale on the main thread); every call on the reloaded document is bounded."""
    ledger = made["ledger"]
    assert_valid_odt(office.store(ledger, tmp_path / "台账.odt", "writer8"))
    docx = office.store(ledger, tmp_path / "台账.docx", "MS Word 2007 XML")
    with zipfile.ZipFile(docx) as zf:
        charts = [n for n in zf.namelist() if n.startswith("word/charts/chart")]
        assert charts  # a chart for Word, not a picture
        chart = etree.fromstring(zf.read(charts[0]))
    c = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    assert [v.text for v in chart.iterfind(".//c:cat//c:pt/c:v", c)] == [f"{m}月" for m in range(1, 13)]
    assert len(chart.findall(".//c:val//c:pt/c:v", c)) >= 1  # the months with numbers
    reloaded = office.load(docx)
    try:
        def shape(doc: Any) -> Tuple[int, bool]:
            tables = doc.getTextTables()
            return doc.getEmbeddedObjects().getCount(), tables.hasByName(f"{YEAR}年会议统计") or tables.getCount() >= 6

        assert office.call(shape, reloaded, timeout=60) == (1, True)
    finally:
        office.close(reloaded)
    pdf = office.store(ledger, tmp_path / "台账.pdf", "writer_pdf_Export")
    shown = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                                   timeout=60).stdout.split())  # pdftotext spaces digits from 汉字
    assert f"{YEAR}年“三会一课”台账" in shown and "各月会议平均出席率" in shown


def test_source_defaults_to_the_current_documents_folder(office: Any, year_folder: Path, writer: Any,
                                                          tmp_path: Path) -> None:
    office.store(writer, year_folder / "下半年" / "本文档.odt", "writer8")  # storeToURL: the doc keeps no URL
    saved = office.load(year_folder / "下半年" / "本文档.odt")
    before = office.documents()
    try:
        state, result = office.dispatch(saved, "sanhui:MeetingLedger", {"Year": str(YEAR)})
        assert state == SUCCESS, result
        ledger = _ledger(office, before)
        try:
            texts = [p.text for p in paragraphs(ledger)]
            assert any("下半年" in t for t in texts[:3])  # the folder it read is the document's own
            assert not any(t.startswith("无法读取：") for t in texts)  # 坏文件.docx is in the folder above
        finally:
            office.close(ledger)
    finally:
        office.close(saved)
        (year_folder / "下半年" / "本文档.odt").unlink()


def test_an_untitled_document_has_no_folder_and_a_bad_year_is_named(office: Any, writer: Any) -> None:
    before = len(office.documents())
    state, result = office.dispatch(writer, "sanhui:MeetingLedger", {"Year": YEAR})
    assert state == FAILURE and "尚未保存" in result
    state, result = office.dispatch(writer, "sanhui:MeetingLedger", {"Year": "去年", "Source": "/tmp"})
    assert state == FAILURE and "年度（Year）" in result
    state, result = office.dispatch(writer, "sanhui:MeetingLedger", {"Source": "/no/such/folder"})
    assert state == FAILURE and "Source" in result
    assert len(office.documents()) == before


def test_the_dialog_asks_for_the_year_and_the_folder(office: Any, writer: Any, tmp_path: Path) -> None:
    from sanhui.office.ledger_command import folder_path
    from sanhui.office.ledger_dialog import LedgerDialog
    from sanhui.office.meeting_ledger_command import year_value

    frame = writer.getCurrentController().getFrame()

    def check(values: Any) -> Any:  # as the command's: the year, and a folder when one is chosen
        year_value(values, date.today())
        return values["Source"] == "document" or folder_path(str(values["Source"]))

    dlg = office.call(lambda: LedgerDialog(office.ctx, frame, "zh", {"Year": "2024"}, False, check, meetings=True))
    try:
        assert dlg.dialog.getAccessibleContext().getAccessibleName() == "生成“三会一课”台账"
        assert dlg.control("lblMonth").getModel().Label == "统计年度"
        assert dlg.control("Month").getText() == "2024"
        assert dlg.control("FromDocument").getModel().Label == "当前文档所在的文件夹（含子文件夹）"
        assert dlg.control("FromDocument").getState()
        dlg.control("Month").setText("二〇二四")
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is None and "年度（Year）" in dlg.control("Status").getModel().Label
        dlg.control("Month").setText("2024")
        dlg.control("FromFolder").setState(True)
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is None and "当前文档所在的文件夹" in dlg.control("Status").getModel().Label
        dlg.control("Folder").setText(str(tmp_path))
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result == {"Source": str(tmp_path), "Year": "2024"}
    finally:
        dlg.dialog.dispose()


def test_a_click_under_headless_is_a_cancel_and_opens_nothing(office: Any, writer: Any) -> None:
    before = len(office.documents())
    assert office.dispatch(writer, "sanhui:MeetingLedger") == (SUCCESS, "已取消，文档未作更改。")
    assert len(office.documents()) == before and [p.text for p in paragraphs(writer)] == [""]
