"""The InsertPlan form: defaults, every argument, and messages that name the field at fault in
the user's language."""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, Mapping, Optional, Tuple

import pytest

from sanhui.dates import Month
from sanhui.forms.arguments import SYSTEM_ARGUMENTS, check_names
from sanhui.forms.errors import FormError
from sanhui.forms.fields import MAX_TEXT, bool_value, int_value, text_value
from sanhui.forms.plan_form import DETAIL_FIELDS, FIELDS, PlanRequest, parse_absences, parse_plan
from sanhui.model.meeting import Absence, Meeting, MeetingDetails
from sanhui.model.plan import NotesMode

TODAY = date(2023, 9, 20)


def plan(args: Mapping[str, object], defaults: Optional[Mapping[str, object]] = None) -> PlanRequest:
    return parse_plan(args, TODAY, defaults)


def error(args: Mapping[str, object]) -> FormError:
    with pytest.raises(FormError) as caught:
        plan(args)
    return caught.value


# --- defaults ------------------------------------------------------------------------------------

def test_no_arguments_means_this_months_plan_with_comments() -> None:
    request = plan({})
    assert request == PlanRequest(meeting=None, month=Month(2023, 9), branch="", notes=NotesMode.COMMENTS,
                                  details=MeetingDetails(), interactive=False)


def test_default_month_follows_today() -> None:
    assert parse_plan({}, date(2024, 1, 31)).month == Month(2024, 1)


def test_saved_settings_fill_what_is_not_given() -> None:
    defaults = {"Branch": "机关第一党支部", "Notes": "body", "Meeting": "group"}
    assert plan({}, defaults) == PlanRequest(meeting=Meeting.GROUP, month=Month(2023, 9),
                                             branch="机关第一党支部", notes=NotesMode.BODY)
    overridden = plan({"Branch": "第二党支部", "Notes": "none"}, defaults)
    assert (overridden.branch, overridden.notes) == ("第二党支部", NotesMode.NONE)


@pytest.mark.parametrize("name", sorted(SYSTEM_ARGUMENTS))
def test_arguments_libreoffice_adds_are_ignored(name: str) -> None:
    assert plan({name: 1}) == plan({})
    assert plan({name: "anything", "Meeting": "lecture"}).meeting is Meeting.LECTURE


def test_synchron_mode_and_key_modifier_together() -> None:
    assert plan({"SynchronMode": True, "KeyModifier": 0}) == plan({})


# --- every argument -------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "meeting"), [
    ("committee", Meeting.COMMITTEE), ("general", Meeting.GENERAL), ("group", Meeting.GROUP),
    ("lecture", Meeting.LECTURE), ("month", None),
    ("支委会", Meeting.COMMITTEE), ("党员大会", Meeting.GENERAL), ("党小组会", Meeting.GROUP),
    ("党课", Meeting.LECTURE), ("整月", None),
    ("Committee", Meeting.COMMITTEE), (" GENERAL ", Meeting.GENERAL),
])
def test_meeting_by_name_or_chinese_label(raw: str, meeting: Optional[Meeting]) -> None:
    assert plan({"Meeting": raw}).meeting is meeting


@pytest.mark.parametrize(("raw", "mode"), [
    ("comments", NotesMode.COMMENTS), ("body", NotesMode.BODY), ("none", NotesMode.NONE),
    ("批注", NotesMode.COMMENTS), ("正文", NotesMode.BODY), ("不插入", NotesMode.NONE), ("BODY", NotesMode.BODY),
])
def test_notes_by_name_or_chinese_label(raw: str, mode: NotesMode) -> None:
    assert plan({"Notes": raw}).notes is mode


@pytest.mark.parametrize(("raw", "month"), [
    ("2023-09", Month(2023, 9)), ("2023-9", Month(2023, 9)), ("2023年9月", Month(2023, 9)),
    ("2024-01", Month(2024, 1)), ("", Month(2023, 9)), (None, Month(2023, 9)), (202309, Month(2023, 9)),
])
def test_month(raw: Any, month: Month) -> None:
    assert plan({"Month": raw}).month == month


def test_branch_is_trimmed() -> None:
    assert plan({"Branch": "  机关第一党支部 "}).branch == "机关第一党支部"


@pytest.mark.parametrize(("raw", "value"), [
    (True, True), (False, False), ("true", True), ("True", True), ("1", True), ("yes", True), ("是", True),
    ("false", False), ("0", False), ("no", False), ("否", False), ("", False),
])
def test_interactive(raw: Any, value: bool) -> None:
    assert plan({"Interactive": raw}).interactive is value


def test_every_meeting_detail() -> None:
    request = plan({
        "Meeting": "general", "Date": "2023-09-25 15:00", "Place": "三楼会议室", "Host": "张书记",
        "Recorder": "李四", "Expected": 30, "Present": 28, "Absent": "张三（出差）；李四（病假）",
        "Attendees": "王主任", "Topic": "学习贯彻党的二十大精神",
    })
    assert request.details == MeetingDetails(
        time="2023年9月25日 15:00", place="三楼会议室", host="张书记", recorder="李四", expected=30,
        present=28, absent=(Absence("张三", "出差"), Absence("李四", "病假")), attendees="王主任",
        topic="学习贯彻党的二十大精神",
    )


@pytest.mark.parametrize(("raw", "shown"), [
    ("2023-09-25 15:00", "2023年9月25日 15:00"),
    ("2023年9月25日下午3点", "2023年9月25日 15:00"),
    ("2023-09-25", "2023年9月25日"),
    ("9月25日", "2023年9月25日"),
    ("", ""),
])
def test_meeting_date_is_printed_the_gbt9704_way(raw: str, shown: str) -> None:
    assert plan({"Meeting": "committee", "Date": raw}).details.time == shown


def test_values_from_a_url_query_are_all_strings() -> None:
    """sanhui:InsertPlan?Meeting=general&Month=2023-09&Expected=30…: every value arrives as text."""
    request = plan({"Meeting": "general", "Month": "2023-09", "Notes": "body", "Expected": "30",
                    "Present": "２８", "Interactive": "true", "Date": "2023-09-25 15:00", "Branch": "第一党支部"})
    assert (request.meeting, request.month, request.notes, request.interactive) == (
        Meeting.GENERAL, Month(2023, 9), NotesMode.BODY, True)
    assert (request.details.expected, request.details.present) == (30, 28)


@pytest.mark.parametrize(("raw", "number"), [
    (30, 30), ("30", 30), (" 30 ", 30), ("３０", 30), ("+5", 5), (0, 0), ("", None), (None, None),
])
def test_expected_number(raw: Any, number: Optional[int]) -> None:
    assert plan({"Meeting": "committee", "Expected": raw}).details.expected == number


def test_present_equal_to_expected_is_fine() -> None:
    assert plan({"Meeting": "committee", "Expected": 7, "Present": 7}).details.present == 7


def test_month_plan_with_empty_details_is_fine() -> None:
    assert plan({"Meeting": "month", "Place": "", "Expected": "", "Absent": " "}).details.is_empty()


# --- absences ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "absent"), [
    ("张三（出差）；李四（病假）", (("张三", "出差"), ("李四", "病假"))),
    ("张三（出差）;李四(病假)", (("张三", "出差"), ("李四", "病假"))),
    ("王五（出差、培训）、赵六", (("王五", "出差、培训"), ("赵六", ""))),
    ("王五（出差，培训）；赵六（事假）", (("王五", "出差，培训"), ("赵六", "事假"))),
    ("张三，李四, 王五", (("张三", ""), ("李四", ""), ("王五", ""))),
    ("张三 （出差）", (("张三", "出差"),)),
    ("Tom (sick); Ann", (("Tom", "sick"), ("Ann", ""))),
    ("；；张三；", (("张三", ""),)),
    ("张三（）", (("张三", ""),)),
    ("", ()),
])
def test_absences(raw: str, absent: Tuple[Tuple[str, str], ...]) -> None:
    assert parse_absences(raw) == tuple(Absence(name, reason) for name, reason in absent)
    assert plan({"Meeting": "group", "Absent": raw}).details.absent == parse_absences(raw)


def test_absences_print_back_as_typed() -> None:
    assert "；".join(a.text() for a in parse_absences("张三（出差）；李四")) == "张三（出差）；李四"


# --- refusals, and their messages in both languages ----------------------------------------------

REFUSALS = [
    # (arguments, field, key, words the Chinese message must hold, words the English one must hold)
    ({"Month": "2023-13"}, "Month", "date_month_out_of_range",
     ["月份（Month）", "2023-13", "1 到 12"], ["Month", "2023-13", "1 to 12"]),
    ({"Month": "下个月"}, "Month", "month_unreadable", ["月份（Month）", "下个月", "2023-09"], ["Month", "2023-09"]),
    ({"Month": "  "}, "Month", "month_unreadable", ["月份（Month）"], ["Month"]),
    ({"Month": "0000-09"}, "Month", "date_year_out_of_range", ["月份（Month）", "年份"], ["year"]),
    ({"Meeting": "weekly"}, "Meeting", "bad_choice",
     ["会议类型（Meeting）", "weekly", "committee（支委会）", "month（整月）"],
     ["Meeting", "weekly", "general（党员大会）"]),
    ({"Meeting": ""}, "Meeting", "bad_choice", ["会议类型（Meeting）"], ["Meeting"]),
    ({"Meeting": 2}, "Meeting", "bad_choice", ["会议类型（Meeting）", "“2”"], ["Meeting"]),
    ({"Notes": "footnotes"}, "Notes", "bad_choice", ["备注方式（Notes）", "footnotes", "comments（批注）"], ["Notes"]),
    ({"Meeting": "committee", "Date": "2023-02-30"}, "Date", "date_no_such_day",
     ["会议时间（Date）", "2023-02-30", "不是日历上的日期"], ["Date", "2023-02-30", "not a day"]),
    ({"Meeting": "committee", "Date": "下午3点"}, "Date", "date_missing_day",
     ["会议时间（Date）", "缺少日期"], ["Date"]),
    ({"Meeting": "committee", "Date": "找个时间"}, "Date", "date_unreadable",
     ["会议时间（Date）", "找个时间"], ["Date"]),
    ({"Meeting": "committee", "Date": "2023-09-25 25:00"}, "Date", "date_time_out_of_range",
     ["会议时间（Date）"], ["Date"]),
    ({"Meeting": "committee", "Date": "2023年9月25日（星期二）"}, "Date", "date_weekday_mismatch",
     ["会议时间（Date）", "星期"], ["weekday"]),
    ({"Meeting": "committee", "Expected": "三十"}, "Expected", "wrong_type",
     ["应到人数（Expected）", "整数", "三十"], ["Expected", "whole number"]),
    ({"Meeting": "committee", "Expected": "12.5"}, "Expected", "wrong_type", ["应到人数（Expected）"], ["Expected"]),
    ({"Meeting": "committee", "Expected": 12.0}, "Expected", "wrong_type", ["应到人数（Expected）"], ["Expected"]),
    ({"Meeting": "committee", "Expected": True}, "Expected", "wrong_type", ["应到人数（Expected）"], ["Expected"]),
    ({"Meeting": "committee", "Expected": -1}, "Expected", "number_range",
     ["应到人数（Expected）", "0 到 10000", "-1"], ["Expected", "0 to 10000"]),
    ({"Meeting": "committee", "Present": "10001"}, "Present", "number_range", ["实到人数（Present）"], ["Present"]),
    ({"Meeting": "committee", "Expected": 10, "Present": 12}, "Present", "present_over_expected",
     ["实到人数（Present）为 12", "应到人数 10"], ["Present is 12", "Expected (10)"]),
    ({"Meeting": "month", "Place": "三楼会议室"}, "Place", "details_single_meeting",
     ["地点（Place）", "单个会议"], ["Place", "single meeting"]),
    ({"Place": "三楼会议室"}, "Place", "details_single_meeting", ["地点（Place）"], ["Place"]),
    ({"Expected": 0}, "Expected", "details_single_meeting", ["应到人数（Expected）"], ["Expected"]),
    ({"Meeting": "month", "Host": "张书记", "Topic": "主题"}, "Host", "details_single_meeting",
     ["主持人（Host）"], ["Host"]),
    ({"Interactive": "maybe"}, "Interactive", "wrong_type", ["交互方式（Interactive）", "是/否"], ["true or false"]),
    ({"Branch": ("第一", "支部")}, "Branch", "wrong_type", ["支部名称（Branch）", "文字"], ["Branch", "text"]),
    ({"Branch": 3.5}, "Branch", "wrong_type", ["支部名称（Branch）"], ["Branch"]),
    ({"Branch": "支" * 101}, "Branch", "too_long", ["支部名称（Branch）", "101", "100"], ["Branch", "101", "100"]),
    ({"Branch": "第一\x07支部"}, "Branch", "control_chars", ["支部名称（Branch）", "控制字符"], ["control characters"]),
    ({"Branch": "第一\n支部"}, "Branch", "control_chars", ["支部名称（Branch）"], ["Branch"]),
    ({"Branch": "第一\r支部"}, "Branch", "control_chars", ["支部名称（Branch）"], ["Branch"]),
    ({"Branch": "第一\t支部"}, "Branch", "control_chars", ["支部名称（Branch）"], ["Branch"]),
    ({"Meeting": "committee", "Place": "会议室\x00"}, "Place", "control_chars", ["地点（Place）"], ["Place"]),
    ({"Meeting": "committee", "Topic": "主题\x7f"}, "Topic", "control_chars", ["会议主题（Topic）"], ["Topic"]),
    ({"Meeting": "committee", "Absent": "张三\x1b（出差）"}, "Absent", "control_chars",
     ["缺席人员及原因（Absent）"], ["Absent"]),
    ({"Meeting": "committee", "Attendees": "王主任\ufffe"}, "Attendees", "control_chars",
     ["列席人员（Attendees）"], ["Attendees"]),
    ({"Meeting": "committee", "Host": "张\ud800"}, "Host", "control_chars", ["主持人（Host）"], ["Host"]),
]


@pytest.mark.parametrize(("args", "field", "key", "zh", "en"), REFUSALS)
def test_refusals_name_the_field(args: Dict[str, object], field: str, key: str, zh: list, en: list) -> None:
    err = error(args)
    assert (err.field, err.key) == (field, key)
    zh_text, en_text = err.message("zh"), err.message("en")
    for word in zh:
        assert word in zh_text, zh_text
    for word in en:
        assert word in en_text, en_text
    assert "{" not in zh_text + en_text


def test_unknown_argument_is_named_with_the_known_ones() -> None:
    err = error({"Meeting": "month", "Mounth": "2023-09"})
    assert (err.field, err.key) == ("Mounth", "unknown_argument")
    assert err.message("zh").startswith("不认识的参数“Mounth”。")
    assert "Meeting、Month、Branch、Notes" in err.message("zh")
    assert err.message("en").startswith("Unknown argument “Mounth”.")
    for name in FIELDS:
        assert name in err.message("en")


def test_argument_names_are_case_sensitive() -> None:
    assert error({"meeting": "month"}).field == "meeting"


def test_a_long_wrong_value_is_shortened_in_the_message() -> None:
    err = error({"Expected": "x" * 100, "Meeting": "committee"})
    assert "x" * 40 + "…" in err.message("zh")
    assert "x" * 41 not in err.message("zh")


def test_details_only_fields_are_the_ones_refused_for_a_month() -> None:
    for name in DETAIL_FIELDS:
        value: object = "2023-09-25" if name == "Date" else (1 if name in ("Expected", "Present") else "甲")
        assert error({name: value}).key == "details_single_meeting"


# --- the field parsers on their own ----------------------------------------------------------------

def test_text_value_multiline_keeps_breaks_and_tabs_but_not_other_controls() -> None:
    assert text_value("Items", "第一行\n\t第二行", multiline=True) == "第一行\n\t第二行"
    assert text_value("Items", "第一行\r\n第二行", multiline=True) == "第一行\r\n第二行"
    with pytest.raises(FormError, match="control_chars"):
        text_value("Items", "第一行\x0c第二行", multiline=True)


def test_text_value_required_and_limit() -> None:
    with pytest.raises(FormError, match="required"):
        text_value("Branch", "  ", required=True)
    assert text_value("Branch", "支" * MAX_TEXT) == "支" * MAX_TEXT
    with pytest.raises(FormError, match="too_long"):
        text_value("Branch", "支" * (MAX_TEXT + 1))
    assert text_value("Branch", None) == ""
    assert text_value("Expected", 12) == "12"


@pytest.mark.parametrize("raw", [1, None, 1.0, ["true"]])
def test_bool_value_refuses_what_is_not_a_yes_or_no(raw: Any) -> None:
    with pytest.raises(FormError, match="wrong_type"):
        bool_value("Interactive", raw)


def test_int_value_range() -> None:
    assert int_value("Expected", "5", 1, 5) == 5
    with pytest.raises(FormError, match="number_range"):
        int_value("Expected", "6", 1, 5)


def test_check_names_keeps_the_users_arguments_only() -> None:
    assert check_names({"Meeting": "month", "SynchronMode": True, "KeyModifier": 0}, FIELDS) == {"Meeting": "month"}
    with pytest.raises(FormError) as caught:
        check_names({"Bogus": 1}, FIELDS)
    assert caught.value.params["name"] == "Bogus"
