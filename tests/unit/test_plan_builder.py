"""build_plan: what one insertion writes — a titled month plan, or one meeting's part that keeps
its number in the month."""

from __future__ import annotations

import dataclasses

import pytest

from sanhui.content.pack import ContentPack, load_pack
from sanhui.content.plan_builder import build_plan, month_title
from sanhui.dates import Month
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import NotesMode


@pytest.fixture(scope="module")
def pack() -> ContentPack:
    return load_pack()


@pytest.mark.parametrize(("month", "branch", "title"), [
    (Month(2023, 9), "", "2023年9月“三会一课”方案"),
    (Month(2024, 1), "", "2024年1月“三会一课”方案"),
    (Month(2023, 12), "机关第一党支部", "机关第一党支部2023年12月“三会一课”方案"),
    (Month(2023, 9), "  第二党支部  ", "第二党支部2023年9月“三会一课”方案"),
    (Month(2023, 9), "2", "22023年9月“三会一课”方案"),  # a branch the month happens to start with
    (Month(2023, 9), "2023年", "2023年2023年9月“三会一课”方案"),
    (Month(2023, 9), "{", "{2023年9月“三会一课”方案"),  # nor one the placeholder starts with
])
def test_month_plan_title(pack: ContentPack, month: Month, branch: str, title: str) -> None:
    plan = build_plan(pack, None, month.format(), branch)
    assert plan.title == title
    assert month_title(pack, month.format(), branch) == title


def test_a_templates_title_that_carries_the_branch_is_not_given_it_twice() -> None:
    # as SavePlanTemplate stores it
    saved = dataclasses.replace(load_pack(), title="机关第一党支部{month}“三会一课”方案")
    assert month_title(saved, "2023年10月", "机关第一党支部") == "机关第一党支部2023年10月“三会一课”方案"
    assert month_title(saved, "2023年10月", "") == "机关第一党支部2023年10月“三会一课”方案"


def test_month_plan_has_the_four_parts_in_order_numbered_from_one(pack: ContentPack) -> None:
    plan = build_plan(pack, None, "2023年9月")
    assert [part.meeting for part in plan.parts] == list(PLAN_ORDER)
    assert plan.first_number == 1
    assert plan.notes_mode is NotesMode.COMMENTS
    assert plan.lines()[0] == "2023年9月“三会一课”方案"


@pytest.mark.parametrize(("meeting", "number", "heading"), [
    (Meeting.COMMITTEE, 1, "支委会方案"),
    (Meeting.GENERAL, 2, "党员大会方案"),
    (Meeting.GROUP, 3, "党小组会方案"),
    (Meeting.LECTURE, 4, "党课方案"),
])
def test_single_meeting_has_no_title_and_keeps_its_number(
        pack: ContentPack, meeting: Meeting, number: int, heading: str) -> None:
    plan = build_plan(pack, meeting, "2023年9月", branch="第一党支部")
    assert plan.title is None
    assert plan.first_number == number
    assert [part.meeting for part in plan.parts] == [meeting]
    assert plan.lines()[0] == heading
    assert "第一党支部" not in "".join(plan.lines())


def test_the_month_changes_only_the_title(pack: ContentPack) -> None:
    september = build_plan(pack, None, "2023年9月")
    october = build_plan(pack, None, "2023年10月")
    assert september.lines()[1:] == october.lines()[1:]
    assert september.parts == october.parts


@pytest.mark.parametrize("mode", list(NotesMode))
def test_notes_mode_is_carried(pack: ContentPack, mode: NotesMode) -> None:
    assert build_plan(pack, None, "2023年9月", notes_mode=mode).notes_mode is mode
    assert build_plan(pack, Meeting.GROUP, "2023年9月", notes_mode=mode).notes_mode is mode


def test_the_pack_words_are_the_plan_words(pack: ContentPack) -> None:
    plan = build_plan(pack, None, "2023年9月")
    assert plan.parts == pack.parts
    assert len(plan.notes()) == 12


def test_a_title_with_other_braces_keeps_them_as_text(pack: ContentPack) -> None:
    odd = dataclasses.replace(pack, title="{month}“三会一课”方案{草稿}")
    assert build_plan(odd, None, "2023年9月").title == "2023年9月“三会一课”方案{草稿}"
