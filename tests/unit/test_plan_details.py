"""会议要素 and the branch profile in the pure layers: form rules, defaults, the plan's shape and
the table's rows, as a secretary would check them."""

from __future__ import annotations

from datetime import date

import pytest

from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import NO_COMMITTEE_REMARK, build_plan
from sanhui.forms.errors import FormError
from sanhui.forms.plan_form import parse_plan, plan_defaults, plan_warnings
from sanhui.model.meeting import Meeting
from sanhui.model.profile import BranchProfile, Recent
from sanhui.odf.details_table import detail_rows
from sanhui.odf.plan_writer import RenderOptions
from sanhui.odf.render import render_plan
from tests.odf_schema import assert_valid_odt
from tests.unit.odf_reading import office_text, paragraph_text, q, read_odt

TODAY = date(2023, 9, 1)
GENERAL = {"Meeting": "general", "Month": "2023-09", "Date": "2023-09-25 15:00", "Expected": "30"}


def test_details_come_in_gb_form() -> None:
    request = parse_plan(dict(GENERAL, Present="28", Absent="张三（出差）；李四（病假）"), TODAY)
    rows = dict(detail_rows(request.details))
    assert rows["会议时间"] == "2023年9月25日 15:00"
    assert rows["应到/实到"] == "应到 30 人，实到 28 人，缺席 2 人"
    assert rows["缺席人员及原因"] == "张三（出差）；李四（病假）"


def test_every_row_is_there_even_when_empty() -> None:
    request = parse_plan({"Meeting": "group", "Place": "党员活动室"}, TODAY)
    assert [label for label, _ in detail_rows(request.details)] == [
        "会议时间", "会议地点", "主持人", "记录人", "应到/实到", "缺席人员及原因", "列席人员", "会议主题"]
    assert dict(detail_rows(request.details))["会议时间"] == ""


@pytest.mark.parametrize("args, field, key", [
    (dict(GENERAL, Present="31"), "Present", "present_over_expected"),
    (dict(GENERAL, Present="30", Absent="张三（出差）"), "Absent", "absent_but_full"),
    ({"Meeting": "month", "Topic": "学习"}, "Topic", "details_single_meeting"),
])
def test_rules_that_refuse(args: dict, field: str, key: str) -> None:
    with pytest.raises(FormError) as caught:
        parse_plan(args, TODAY)
    assert (caught.value.field, caught.value.key) == (field, key)


def test_a_committee_plan_for_a_branch_without_one_is_refused_naming_the_field() -> None:
    with pytest.raises(FormError) as caught:
        parse_plan({"Meeting": "committee"}, TODAY, has_committee=False)
    assert caught.value.message("zh").startswith("本支部正式党员不足7人")
    assert "Meeting" in caught.value.message("en") or "committee" in caught.value.message("en")


@pytest.mark.parametrize("meeting, present, keys", [
    ("general", "15", ["quorum_general"]),  # half is not more than half (条例 art. 11)
    ("general", "16", []),
    ("committee", "3", []),  # 3 of 5 is more than half
    ("group", "1", []),  # no quorum rule for a party group meeting
])
def test_quorum_warnings(meeting: str, present: str, keys: list) -> None:
    expected = "5" if meeting == "committee" else "30"
    request = parse_plan(dict(GENERAL, Meeting=meeting, Expected=expected, Present=present), TODAY)
    assert [w.key for w in plan_warnings(request)] == keys


def test_committee_quorum_warning_at_half() -> None:
    request = parse_plan(dict(GENERAL, Meeting="committee", Expected="6", Present="3"), TODAY)
    assert [w.key for w in plan_warnings(request)] == ["quorum_committee"]


def test_absentees_that_do_not_add_up_warn() -> None:
    request = parse_plan(dict(GENERAL, Present="27", Absent="张三（出差）"), TODAY)
    warning = plan_warnings(request)[0]
    assert warning.key == "absent_count" and "3" in warning.message("zh")


def test_defaults_come_from_the_profile_and_the_last_values() -> None:
    profile = BranchProfile(branch="机关第一党支部", secretary="王书记", organizer="李委员", place="三楼会议室")
    assert plan_defaults(profile, Recent()) == {"Branch": "机关第一党支部", "Place": "三楼会议室", "Host": "王书记",
                                                "Recorder": "李委员", "Attendees": "", "Notes": "comments"}
    recent = Recent(place="党员活动室", attendees="社区党委委员", notes="body")
    defaults = plan_defaults(profile, recent)
    assert (defaults["Place"], defaults["Attendees"], defaults["Notes"]) == ("党员活动室", "社区党委委员", "body")


def test_defaults_fill_details_only_when_some_detail_was_given() -> None:
    defaults = {"Branch": "机关第一党支部", "Place": "三楼会议室", "Host": "王书记"}
    assert parse_plan({"Meeting": "general"}, TODAY, defaults).details.is_empty()
    details = parse_plan({"Meeting": "general", "Topic": "对标"}, TODAY, defaults).details
    assert (details.place, details.host, details.topic) == ("三楼会议室", "王书记", "对标")


def test_month_plan_without_committee_moves_the_parts_up_and_says_why() -> None:
    plan = build_plan(load_pack(), None, "2023年9月", has_committee=False)
    assert [p.meeting for p in plan.parts] == [Meeting.GENERAL, Meeting.GROUP, Meeting.LECTURE]
    assert plan.lines()[:2] == ["2023年9月“三会一课”方案", NO_COMMITTEE_REMARK]
    single = build_plan(load_pack(), Meeting.LECTURE, "2023年9月", has_committee=False)
    assert single.first_number == 3


def test_the_table_sits_right_under_the_heading_and_is_valid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    request = parse_plan(dict(GENERAL, Present="28"), TODAY)
    plan = build_plan(load_pack(), Meeting.GENERAL, "2023年9月", details=request.details)
    from datetime import datetime

    data = render_plan(plan, RenderOptions(stamp=datetime(2023, 9, 1), start_page_style=False))
    (tmp_path / "p.odt").write_bytes(data)
    assert_valid_odt(tmp_path / "p.odt")
    body = office_text(read_odt(data).content)
    children = [el.tag for el in body]
    table_at = children.index(q("table:table"))
    assert children[table_at - 1] == q("text:list")  # the heading's list
    heading = body[table_at - 1].find(f".//{q('text:p')}")
    assert paragraph_text(heading) == "党员大会方案"
    assert body[table_at + 1].get(q("text:continue-list"))  # numbering goes on after the table
