"""Notice, sign-in sheet and meeting record through their URLs: what a secretary prints before,
at and after the meeting."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.odf_schema import assert_valid_odt
from tests.office.docs import paragraphs, put_cursor

SUCCESS, FAILURE = 1, 0


def _pdf_pages(office: Any, doc: Any, path: Path) -> list:
    pdf = office.store(doc, path, "writer_pdf_Export")
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout.split("\f")[:-1]


def test_notice_of_a_general_meeting_asks_for_badge_and_dues(office: Any, writer: Any, tmp_path: Path) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertNotice", {
        "Meeting": "general", "Date": "2023-09-25 15:00", "Place": "三楼会议室", "Topic": "学习贯彻有关精神",
        "Issuer": "中共某某机关第一支部委员会"})
    assert state == SUCCESS, result
    texts = [p.text for p in paragraphs(writer)]
    assert texts[0] == "关于召开党员大会的通知" and texts[1] == "全体党员："
    assert texts[2] == "定于2023年9月25日 15:00在三楼会议室召开党员大会，现将有关事项通知如下。"
    assert "佩戴党员徽章、确缴党费" in texts[4]
    assert texts[-2] == "中共某某机关第一支部委员会"
    assert texts[-1].endswith("日") and "年" in texts[-1] and "年0" not in texts[-1]  # GB/T 9704 date
    assert_valid_odt(office.store(writer, tmp_path / "notice.odt", "writer8"))
    writer.getUndoManager().undo()
    assert [p.text for p in paragraphs(writer)] == [""]


def test_sign_in_sheet_for_forty_fits_one_page_and_more_repeat_the_header(office: Any, writer: Any,
                                                                          tmp_path: Path) -> None:
    names = tuple(f"党员{i:02d}" for i in range(1, 41))
    state, result = office.dispatch(writer, "sanhui:InsertSignIn", {"Meeting": "general", "Members": names,
                                                                    "Date": "2023-09-25 15:00"})
    assert state == SUCCESS and "40 人" in result
    table = writer.getTextTables().getByIndex(0)
    rows = [tuple(str(c) for c in r) for r in table.getDataArray()]
    assert rows[0] == ("序号", "姓名", "签到", "备注（请假原因）") and rows[40][:2] == ("40", "党员40")
    assert rows[-1][0] == "列席"
    pages = _pdf_pages(office, writer, tmp_path / "forty.pdf")
    assert len(pages) == 1, f"{len(pages)} pages"
    writer.getUndoManager().undo()
    names = tuple(f"党员{i:02d}" for i in range(1, 71))
    office.dispatch(writer, "sanhui:InsertSignIn", {"Meeting": "general", "Members": names})
    pages = _pdf_pages(office, writer, tmp_path / "seventy.pdf")
    assert len(pages) == 2 and all("签到" in page for page in pages)  # the header row repeats


def test_record_from_the_plan_at_the_cursor(office: Any, writer: Any, tmp_path: Path) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "none"})
    texts = [p.text for p in paragraphs(writer)]
    put_cursor(writer, texts.index("党员行动"), 0)  # somewhere in 二、党员大会方案
    state, result = office.dispatch(writer, "sanhui:InsertRecord", {
        "Date": "2023-09-25 15:00", "Expected": 30, "Present": 15, "Host": "王明", "Recorder": "李强"})
    assert state == SUCCESS and "党员大会" in result, result
    after = [p.text for p in paragraphs(writer)]
    start = after.index("党员大会会议记录")
    record = after[start:]
    assert "会议议程及内容" in record
    assert after.index("党员行动") < start  # the plan is left whole; the record comes after it
    assert "第一议题" in record and "党员行动：第一议题" in record
    assert "党务工作：完成上级党组织布置的党务工作。" in record
    assert record.count("发言摘要：") == record.count("决议：") >= 5
    assert any("应到 30 人，实到 15 人" in t and "会议无效" in t and "第十一条" in t for t in record)
    assert "主持人（签字）" in record[-1] and "记录人（签字）" in record[-1]
    cells = dict(tuple(str(c) for c in r) for r in writer.getTextTables().getByIndex(0).getDataArray())
    assert (cells["会议时间"], cells["主持人"]) == ("2023年9月25日 15:00", "王明")
    assert_valid_odt(office.store(writer, tmp_path / "record.odt", "writer8"))


@pytest.mark.parametrize("expected, present, verdict", [(30, 16, "会议有效"), (30, 15, "会议无效")])
def test_quorum_line_at_the_boundary(office: Any, writer: Any, expected: int, present: int, verdict: str) -> None:
    office.dispatch(writer, "sanhui:InsertRecord", {"Meeting": "general", "Expected": expected, "Present": present})
    assert any(verdict in p.text for p in paragraphs(writer))


def test_bad_arguments_are_named(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertNotice", {"Meeting": "month"})
    assert state == FAILURE and "会议类型（Meeting）" in result
    state, result = office.dispatch(writer, "sanhui:InsertSignIn", {"Members": "张三"})
    assert state == FAILURE and "参会人员名单（Members）" in result


# --- the 党小组 of a 党小组会 and the 主题党日 (what issue 15's ledger reads back) -----------------------

def test_record_of_a_group_meeting_names_the_group(office: Any, writer: Any, tmp_path: Path) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertRecord", {
        "Meeting": "group", "Group": "第二党小组", "Date": "2023-10-12 15:00", "Expected": 8, "Present": 7})
    assert state == SUCCESS and "党小组会" in result, result
    texts = [p.text for p in paragraphs(writer)]
    assert any(t.endswith("第二党小组党小组会会议记录") for t in texts), texts[:3]
    rows = [tuple(str(c) for c in r) for r in writer.getTextTables().getByIndex(0).getDataArray()]
    assert rows[0] == ("党小组", "第二党小组") and rows[1] == ("会议时间", "2023年10月12日 15:00")
    assert_valid_odt(office.store(writer, tmp_path / "group.odt", "writer8"))
    writer.getUndoManager().undo()
    assert [p.text for p in paragraphs(writer)] == [""]


def test_record_of_a_group_meeting_in_the_plan_keeps_the_plans_items(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "none"})
    texts = [p.text for p in paragraphs(writer)]
    put_cursor(writer, texts.index("党小组会方案") + 1, 0)
    state, result = office.dispatch(writer, "sanhui:InsertRecord", {"Group": "第一党小组"})
    assert state == SUCCESS and "党小组会" in result, result
    after = [p.text for p in paragraphs(writer)]
    start = next(i for i, t in enumerate(after) if t.endswith("第一党小组党小组会会议记录"))
    assert start > texts.index("党课方案")  # after the plan, on a page of its own, as before
    assert "会议议程及内容" in after[start:] and "发言摘要：" in after[start:]


def test_notice_of_a_group_meeting_names_the_group(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertNotice", {
        "Meeting": "group", "Group": "第二党小组", "Date": "2023-10-12 15:00", "Place": "二楼会议室"})
    assert state == SUCCESS, result
    texts = [p.text for p in paragraphs(writer)]
    assert texts[:3] == ["关于召开第二党小组会议的通知", "本组党员：",
                         "定于2023年10月12日 15:00在二楼会议室召开第二党小组会议，现将有关事项通知如下。"]


def test_party_day_notice_sign_in_and_record(office: Any, writer: Any, tmp_path: Path) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertNotice", {
        "Meeting": "partyday", "Date": "2023-10-28 09:00", "Place": "党员活动室", "Topic": "学党章、守党纪"})
    assert state == SUCCESS and "主题党日" in result, result
    texts = [p.text for p in paragraphs(writer)]
    assert texts[:2] == ["关于开展主题党日活动的通知", "全体党员："]
    assert "定于2023年10月28日 09:00在党员活动室开展主题党日活动，现将有关事项通知如下。" in texts
    assert "一、活动主题：学党章、守党纪" in texts and any("携带学习笔记本" in t for t in texts)
    writer.getUndoManager().undo()
    state, result = office.dispatch(writer, "sanhui:InsertSignIn", {
        "Meeting": "partyday", "Members": ("张三", "李四"), "Date": "2023-10-28 09:00"})
    assert state == SUCCESS and "主题党日" in result and "2 人" in result, result
    assert paragraphs(writer)[0].text.endswith("主题党日活动签到表")
    assert writer.getTextTables().getElementNames() == ("主题党日签到表",)
    writer.getUndoManager().undo()
    state, result = office.dispatch(writer, "sanhui:InsertRecord", {
        "Meeting": "partyday", "Date": "2023-10-28 09:00", "Expected": 20, "Present": 9})
    assert state == SUCCESS and "主题党日" in result, result
    assert "请注意" not in result and "无效" not in result  # an activity has no quorum
    texts = [p.text for p in paragraphs(writer)]
    assert any(t.endswith("主题党日活动记录") for t in texts) and "活动内容" in texts and "参加情况" in texts
    assert "重温入党誓词" in texts and "应到 20 人，实到 9 人，缺席 11 人。" in texts
    assert_valid_odt(office.store(writer, tmp_path / "partyday.odt", "writer8"))


def test_insert_plan_refuses_a_party_day_the_template_has_not(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "partyday", "Month": "2023-10"})
    assert state == FAILURE and "会议类型（Meeting）" in result, result
    assert "方案模板“内置方案”中没有主题党日部分" in result, result
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "partyday", "Interactive": True})
    assert state == FAILURE and "会议类型（Meeting）" in result and "Interactive" in result, result
    assert [p.text for p in paragraphs(writer)] == [""]
