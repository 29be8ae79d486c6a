"""The plain model: meetings and their order, absences, meeting details, the plan tree."""

from __future__ import annotations

import pytest

from sanhui.model.meeting import PLAN_ORDER, Absence, Meeting, MeetingDetails
from sanhui.model.plan import Entry, MonthPlan, NotesMode, Paragraph, Part


@pytest.mark.parametrize(("meeting", "value", "label", "position"), [
    (Meeting.COMMITTEE, "committee", "支委会", 1),
    (Meeting.GENERAL, "general", "党员大会", 2),
    (Meeting.GROUP, "group", "党小组会", 3),
    (Meeting.LECTURE, "lecture", "党课", 4),
])
def test_meetings(meeting: Meeting, value: str, label: str, position: int) -> None:
    assert (meeting.value, meeting.label, meeting.position) == (value, label, position)
    assert PLAN_ORDER[position - 1] is meeting


@pytest.mark.parametrize(("absence", "text"), [
    (Absence("张三", "出差"), "张三（出差）"),
    (Absence("李四"), "李四"),
])
def test_absence_text(absence: Absence, text: str) -> None:
    assert absence.text() == text


def test_meeting_details_empty_until_something_is_filled_in() -> None:
    assert MeetingDetails().is_empty()
    assert not MeetingDetails(place="三楼会议室").is_empty()
    assert not MeetingDetails(expected=0).is_empty()
    assert not MeetingDetails(absent=(Absence("张三"),)).is_empty()


TREE = Entry("支委会方案", notes=("备注一",), children=(
    Entry("第一议题", body=(Paragraph("学习……", notes=("备注二", "备注三")),)),
    Entry("第一行动", children=(Entry("传达学习", children=(Entry("小项"),)),)),
))


def test_entry_depth_and_reading_order() -> None:
    assert TREE.depth() == 4
    assert Entry("一项").depth() == 1
    assert TREE.walk() == ["支委会方案", "第一议题", "学习……", "第一行动", "传达学习", "小项"]


@pytest.mark.parametrize(("mode", "title", "count"), [
    (NotesMode.COMMENTS, "标题", 7),
    (NotesMode.NONE, "标题", 7),
    (NotesMode.BODY, "标题", 10),  # three 备注 paragraphs more
    (NotesMode.COMMENTS, None, 6),
])
def test_plan_lines_notes_and_paragraph_count(mode: NotesMode, title: str, count: int) -> None:
    plan = MonthPlan(title=title, parts=(Part(Meeting.COMMITTEE, TREE),), notes_mode=mode)
    assert plan.lines() == ([title] if title else []) + TREE.walk()
    assert plan.notes() == [("备注一",), ("备注二", "备注三")]
    assert plan.paragraph_count() == count
