"""The meeting's facts (会议要素) and the branch profile's part in a plan, through the URL."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from sanhui.model.profile import BranchProfile, PartyGroup
from sanhui.office.settings import load_profile, save_profile
from tests.office.docs import paragraphs

SUCCESS, FAILURE = 1, 0
DETAILS = {"Meeting": "general", "Month": "2023-09", "Date": "2023年9月25日下午3点", "Place": "三楼会议室",
           "Host": "王书记", "Recorder": "李委员", "Expected": 30, "Present": "28",
           "Absent": "张三（出差）；李四（病假）", "Attendees": "社区党委组织委员", "Topic": "对标学习"}


def _cells(doc: Any, name: str) -> list:
    table = doc.getTextTables().getByName(name)
    return [tuple(str(v) for v in row) for row in table.getDataArray()]


def test_details_go_in_a_table_under_the_meetings_heading(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", DETAILS)
    assert state == SUCCESS, result
    assert [p.text for p in paragraphs(writer)][:3] == ["党员大会方案", "<table 党员大会会议要素>", "第一议题"]
    assert _cells(writer, "党员大会会议要素") == [
        ("会议时间", "2023年9月25日 15:00"),
        ("会议地点", "三楼会议室"),
        ("主持人", "王书记"),
        ("记录人", "李委员"),
        ("应到/实到", "应到 30 人，实到 28 人，缺席 2 人"),
        ("缺席人员及原因", "张三（出差）；李四（病假）"),
        ("列席人员", "社区党委组织委员"),
        ("会议主题", "对标学习"),
    ]
    paras = paragraphs(writer)
    # the table breaks no number
    assert (paras[0].label, paras[2].label, paras[4].label) == ("二、", "（一）", "（二）")
    writer.getUndoManager().undo()
    assert writer.getTextTables().getCount() == 0 and [p.text for p in paragraphs(writer)] == [""]


def test_a_general_meeting_without_quorum_is_inserted_with_a_warning(office: Any, writer: Any) -> None:
    args = dict(DETAILS, Present=15, Absent="")
    state, result = office.dispatch(writer, "sanhui:InsertPlan", args)
    assert state == SUCCESS
    assert "请注意" in result and "第十一条" in result and "15" in result


@pytest.mark.parametrize("change, field", [
    ({"Present": 31}, "实到人数（Present）"),
    ({"Present": 30}, "缺席人员及原因（Absent）"),
    ({"Date": "2023年2月30日"}, "会议时间（Date）"),
    ({"Expected": "三十"}, "应到人数（Expected）"),
])
def test_inconsistent_details_are_refused(office: Any, writer: Any, change: dict, field: str) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", dict(DETAILS, **change))
    assert state == FAILURE and field in result
    assert [p.text for p in paragraphs(writer)] == [""]


@pytest.fixture
def small_branch(office: Any) -> Iterator[None]:
    before = load_profile(office.ctx)
    save_profile(office.ctx, BranchProfile(branch="某社区第二党支部", secretary="赵书记", member_count=5,
                                           groups=(PartyGroup("第一党小组", "钱组长"),), place="社区活动室"))
    try:
        yield
    finally:
        save_profile(office.ctx, before)


def test_a_branch_of_fewer_than_seven_members_has_no_committee(office: Any, writer: Any, small_branch: None) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09"})
    assert state == SUCCESS, result
    paras = paragraphs(writer)
    assert paras[0].text == "某社区第二党支部2023年9月“三会一课”方案"  # the branch comes from the profile
    assert "不设支部委员会" in paras[1].text
    heads = [(p.text, p.label) for p in paras if p.style == "三会一课-一级标题"]
    assert heads == [("党员大会方案", "一、"), ("党小组会方案", "二、"), ("党课方案", "三、")]
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "committee"})
    assert state == FAILURE and "不足7人" in result


def test_profile_fills_what_a_script_leaves_out(office: Any, writer: Any, small_branch: None) -> None:
    state, _ = office.dispatch(writer, "sanhui:InsertPlan", {"Meeting": "group", "Date": "2023-09-20 19:00"})
    assert state == SUCCESS
    cells = dict(_cells(writer, "党小组会会议要素"))
    assert (cells["会议地点"], cells["主持人"]) == ("社区活动室", "赵书记")
