"""Notice, sign-in and record in the pure layers: the record's 议程 from a plan, the quorum
verdict at its boundaries, who is on a sign-in sheet, valid fragments."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sanhui.content.pack import dump_pack, load_pack, loads_pack
from sanhui.content.plan_builder import build_plan
from sanhui.forms.errors import FormError
from sanhui.forms.plan_form import MEETING_CHOICES, parse_details, parse_plan
from sanhui.forms.record_form import (
    agenda,
    chair,
    default_agenda,
    default_to,
    details_from_table,
    meeting_value,
    names_of,
    notice_defaults,
    outline_of,
    parse_notice,
    parse_record,
    parse_sign_in,
    prepare_text,
    record_warnings,
    sign_in_roll,
)
from sanhui.model.meeting import PLAN_ORDER, Absence, Meeting, MeetingDetails, meeting_of_heading
from sanhui.model.profile import BranchProfile, PartyGroup, Recent
from sanhui.model.record import PARTY_DAY_AGENDA, Member, Record, quorum, sign_in_title
from sanhui.odf.details_table import detail_rows
from sanhui.odf.record_writer import render_notice, render_record, render_sign_in
from tests.odf_schema import assert_valid_odt

TODAY = date(2023, 9, 20)


def test_agenda_follows_the_plans_items_in_order() -> None:
    items = agenda(outline_of(load_pack().part(Meeting.COMMITTEE).entry))
    assert items == [
        "第一议题",
        "第一行动：传达学习上级党组织会议、文件、讲话精神及工作安排。",
        "第一行动：总结检查上月学习贯彻落实的情况。",
        "第一行动：研究开展党支部/党小组联建活动方案。",
        "党务工作：研究确定本月党员大会方案。",
        "党务工作：研究本单位宣传工作。",
    ]


@pytest.mark.parametrize("meeting, expected, present, verdict", [
    (Meeting.GENERAL, 30, 16, True), (Meeting.GENERAL, 30, 15, False), (Meeting.GENERAL, 31, 16, True),
    (Meeting.COMMITTEE, 5, 3, True), (Meeting.COMMITTEE, 5, 2, False), (Meeting.COMMITTEE, 6, 3, False),
    (Meeting.GROUP, 10, 1, None), (Meeting.LECTURE, 10, 1, None), (Meeting.GENERAL, None, 5, None),
])
def test_quorum_boundaries(meeting: Meeting, expected: int, present: int, verdict: object) -> None:
    assert quorum(meeting, expected, present) is verdict


def test_quorum_line_names_the_article() -> None:
    record = Record(Meeting.COMMITTEE, "甲支部", MeetingDetails(expected=5, present=2), ())
    assert record.quorum_line() == ("应到 5 人，实到 2 人，缺席 3 人，到会人数未超过半数，会议无效，应另行召开"
                                    "（《中国共产党支部工作条例（试行）》第十二条）。")


def test_sign_in_members_from_the_profile() -> None:
    members = (Member("张三", "第一党小组", committee=True), Member("李四", "第二党小组"),
               Member("王五", "第一党小组", probationary=True))
    assert [m.name for m in parse_sign_in({"Meeting": "committee"}, TODAY, members)[3]] == ["张三"]
    assert [m.name for m in parse_sign_in({"Meeting": "group", "Group": "第一党小组"}, TODAY, members)[3]] == [
        "张三", "王五"]
    assert [m.name for m in parse_sign_in({"Members": ("赵六",)}, TODAY, members)[3]] == ["赵六"]
    with pytest.raises(FormError):
        parse_sign_in({"Members": "赵六"}, TODAY)


def test_notice_and_record_forms() -> None:
    notice = parse_notice({"Meeting": "group"}, TODAY)
    assert (notice.to, notice.prepare, notice.date) == ("本组党员", (), "2023年9月20日")
    assert parse_notice({"Meeting": "党员大会"}, TODAY).prepare == ("佩戴党员徽章", "确缴党费")
    meeting, details = parse_record({"Present": "8"}, TODAY, {"Host": "王明"}, Meeting.GROUP)
    assert (meeting, details.present, details.host) == (Meeting.GROUP, 8, "王明")


def test_fragments_are_valid(tmp_path) -> None:  # type: ignore[no-untyped-def]
    record = Record(Meeting.GENERAL, "甲支部", MeetingDetails(time="2023年9月25日 15:00", expected=30, present=28),
                    ("第一议题",))
    for name, data in (("notice", render_notice(parse_notice({}, TODAY))),
                       ("sign", render_sign_in(Meeting.GENERAL, "签到表", "", (Member("张三"),))),
                       ("record", render_record(record, "r1", page_break=True))):
        (tmp_path / f"{name}.odt").write_bytes(data)
        assert_valid_odt(tmp_path / f"{name}.odt")


# --- what the three dialogs add -------------------------------------------------------------------

ROLL = (Member("张三", "第一党小组", committee=True), Member("李四", "第二党小组"),
        Member("王五", "第一党小组", probationary=True), Member("赵六", "第二党小组", committee=True))


@pytest.mark.parametrize("meeting, group, names", [
    (Meeting.COMMITTEE, "", ["张三", "赵六"]),
    (Meeting.COMMITTEE, "第一党小组", ["张三", "赵六"]),  # a group plays no part outside a 党小组会
    (Meeting.GROUP, "第一党小组", ["张三", "王五"]),
    (Meeting.GROUP, "第二党小组", ["李四", "赵六"]),
    (Meeting.GROUP, "", ["张三", "李四", "王五", "赵六"]),
    (Meeting.GROUP, "没有的小组", []),
    (Meeting.GENERAL, "", ["张三", "李四", "王五", "赵六"]),
    (Meeting.LECTURE, "", ["张三", "李四", "王五", "赵六"]),
])
def test_who_the_sign_in_sheet_lists(meeting: Meeting, group: str, names: list) -> None:
    assert [m.name for m in sign_in_roll(meeting, group, ROLL)] == names
    assert sign_in_roll(meeting, group, ()) == ()


def test_names_as_people_type_or_paste_them() -> None:
    assert names_of("张三\n 李四 \n\n王五、赵六，钱七;孙八\r\n") == ("张三", "李四", "王五", "赵六", "钱七", "孙八")
    assert names_of("  \n ") == ()


def test_given_names_on_the_roll_keep_what_the_roll_says() -> None:
    _, _, _, members = parse_sign_in({"Members": ("王五", "钱七")}, TODAY, ROLL)
    assert members == (Member("王五", "第一党小组", probationary=True), Member("钱七"))
    assert parse_sign_in({"Members": (), "Meeting": "general"}, TODAY, ROLL)[3] == ()  # blank rows
    assert parse_sign_in({"Interactive": False}, TODAY, ROLL)[3] == ROLL
    with pytest.raises(FormError) as caught:
        parse_sign_in({"Members": ("张三",) * 2001}, TODAY)
    assert caught.value.field == "Members"


def test_notice_defaults_follow_the_meeting_and_the_profile() -> None:
    assert [default_to(m) for m in Meeting] == ["各位支委", "全体党员", "本组党员", "全体党员", "全体党员"]
    assert prepare_text(Meeting.GENERAL) == "佩戴党员徽章、确缴党费" and prepare_text(Meeting.GROUP) == ""
    profile = BranchProfile(branch="机关第一党支部", place="三楼会议室")
    assert notice_defaults(profile, Recent()) == {"Issuer": "机关第一党支部", "Place": "三楼会议室"}
    assert notice_defaults(profile, Recent(place="五楼"))["Place"] == "五楼"
    notice = parse_notice({"Interactive": True, "Meeting": ""}, TODAY, notice_defaults(profile, Recent()))
    assert (notice.meeting, notice.issuer, notice.place) == (Meeting.GENERAL, "机关第一党支部", "三楼会议室")
    with pytest.raises(FormError) as caught:
        parse_notice({"Interactive": "也许"}, TODAY)
    assert caught.value.field == "Interactive"


def test_a_plans_details_table_reads_back_as_the_same_details() -> None:
    details = MeetingDetails(time="2023年9月25日 15:00", place="三楼会议室", host="王明", recorder="李强",
                             expected=30, present=28, absent=(Absence("张三", "出差"), Absence("李四")),
                             attendees="上级党委组织部同志", topic="学习贯彻有关精神")
    values = details_from_table(dict(detail_rows(details)))
    assert values == {"Date": "2023年9月25日 15:00", "Place": "三楼会议室", "Host": "王明", "Recorder": "李强",
                      "Expected": "30", "Present": "28", "Absent": "张三（出差）；李四",
                      "Attendees": "上级党委组织部同志", "Topic": "学习贯彻有关精神"}
    assert parse_details(values, TODAY) == details


def test_a_blank_details_table_leaves_the_defaults() -> None:
    assert details_from_table(dict(detail_rows(MeetingDetails()))) == {}
    assert details_from_table({"应到/实到": "应到 30 人，实到  人", "主持人": " "}) == {"Expected": "30"}


def test_record_warnings_are_the_plan_dialogs() -> None:
    _, details = parse_record({"Meeting": "general", "Expected": "30", "Present": "15"}, TODAY)
    assert [w.key for w in record_warnings(Meeting.GENERAL, details)] == ["quorum_general"]
    assert [w.key for w in record_warnings(Meeting.COMMITTEE, details)] == ["quorum_committee"]
    assert record_warnings(Meeting.GROUP, details) == []
    _, details = parse_record({"Expected": "30", "Present": "28", "Absent": "张三"}, TODAY)
    assert [w.key for w in record_warnings(Meeting.GENERAL, details)] == ["absent_count"]


@pytest.mark.parametrize("name", ["NoticeDialog", "SignInDialog", "RecordDialog"])
def test_every_dialog_string_is_in_both_languages(name: str) -> None:
    """An &Key without its string shows as the key itself in the window."""
    folder = Path(__file__).resolve().parents[2] / "dialogs"
    keys = set(re.findall(r"&amp;([\w.]+)", (folder / f"{name}.xdl").read_text(encoding="utf-8")))
    for lang in ("zh_CN", "en_US"):
        lines = (folder / f"{name}_{lang}.properties").read_text(encoding="utf-8").splitlines()
        defined = {line.split("=", 1)[0] for line in lines if "=" in line and not line.startswith("#")}
        assert keys == defined, (lang, keys ^ defined)
    assert (folder / f"{name}_en_US.default").exists()


# --- the 党小组 of a 党小组会, and the 主题党日 (issue 15 reads both back) ----------------------------

def _content(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as odt:
        return odt.read("content.xml").decode("utf-8")


def test_the_party_day_is_a_meeting_but_no_part_of_a_plan() -> None:
    assert (Meeting("partyday"), Meeting.PARTY_DAY.label) == (Meeting.PARTY_DAY, "主题党日")
    assert Meeting.PARTY_DAY not in PLAN_ORDER and len(PLAN_ORDER) == 4
    assert Meeting.PARTY_DAY.position == 5 and [m.position for m in PLAN_ORDER] == [1, 2, 3, 4]
    # the plan dialog's list is still the four and the month
    assert [name for name, _ in MEETING_CHOICES] == ["committee", "general", "group", "lecture", "month"]
    for heading in ("主题党日", "主题党日：重温入党誓词", "开展主题党日活动", "9月份主题党日安排", "本月主题党日方案"):
        assert meeting_of_heading(heading) is Meeting.PARTY_DAY, heading
    assert meeting_of_heading("组织生活会") is None and meeting_of_heading("党课方案") is Meeting.LECTURE


@pytest.mark.parametrize("expected, present", [(30, 1), (30, 29), (None, 3)])
def test_a_party_day_has_no_quorum(expected: int, present: int) -> None:
    assert quorum(Meeting.PARTY_DAY, expected, present) is None
    record = Record(Meeting.PARTY_DAY, "甲支部", MeetingDetails(expected=30, present=12), ())
    assert record.quorum_line() == "应到 30 人，实到 12 人，缺席 18 人。"  # no verdict, no article
    assert record_warnings(Meeting.PARTY_DAY, record.details) == []


def test_the_meeting_argument_takes_the_party_day_by_name_and_label() -> None:
    assert meeting_value("partyday") is meeting_value("主题党日") is meeting_value("PartyDay") is Meeting.PARTY_DAY
    with pytest.raises(FormError) as caught:
        meeting_value("month")
    assert caught.value.field == "Meeting" and "partyday（主题党日）" in caught.value.message("zh")


@pytest.mark.parametrize("args, group", [
    ({"Meeting": "group", "Group": "第二党小组"}, "第二党小组"),
    ({"Meeting": "group", "Group": "  离退休党小组 "}, "离退休党小组"),  # trimmed
    ({"Meeting": "group", "Group": "不在名册里的小组"}, "不在名册里的小组"),  # groups are not always in the profile
    ({"Meeting": "group"}, ""),  # none given: no group
    ({"Meeting": "general", "Group": "第二党小组"}, ""),  # only a 党小组会 has one
    ({"Meeting": "partyday", "Group": "第二党小组"}, ""),
])
def test_group_of_a_record_and_a_notice(args: dict, group: str) -> None:
    assert parse_record(args, TODAY)[1].group == group
    assert parse_notice(args, TODAY).group == group
    assert parse_sign_in(args, TODAY)[2] == group


@pytest.mark.parametrize("bad", ["甲" * 101, "第一\n党小组", 7.5])
def test_a_group_is_bounded_and_one_line(bad: object) -> None:
    for parse in (parse_record, parse_notice, parse_sign_in):
        with pytest.raises(FormError) as caught:
            parse({"Meeting": "group", "Group": bad}, TODAY)  # type: ignore[operator]
        assert caught.value.field == "Group"
    assert parse_record({"Meeting": "group", "Group": "甲" * 100}, TODAY)[1].group == "甲" * 100


@pytest.mark.parametrize("meeting, group, chairs", [
    (Meeting.GROUP, "第一党小组", "张三"),  # its 组长
    (Meeting.GROUP, " 第一党小组 ", "张三"),  # as typed in the box
    (Meeting.GROUP, "第二党小组", "王明"),  # no 组长 named in the profile: the secretary
    (Meeting.GROUP, "离退休党小组", "王明"),  # a group the profile does not list
    (Meeting.COMMITTEE, "第一党小组", "王明"),  # the branch's meetings: the secretary
    (Meeting.PARTY_DAY, "", "王明"),
])
def test_a_group_meeting_is_chaired_by_its_leader(meeting: Meeting, group: str, chairs: str) -> None:
    groups = (PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组"))
    assert chair(meeting, group, groups, "王明") == chairs


def test_a_record_from_a_plan_part_takes_the_group_from_its_table_or_none() -> None:
    meeting, details = parse_record({}, TODAY, {"Host": "王明"}, Meeting.GROUP)  # the plan at the cursor
    assert (meeting, details.group, details.host) == (Meeting.GROUP, "", "王明")
    values = details_from_table({"党小组": "第一党小组", "会议时间": "2023年9月25日 15:00"})
    assert values == {"Group": "第一党小组", "Date": "2023年9月25日 15:00"}
    assert parse_record({}, TODAY, values, Meeting.GROUP)[1].group == "第一党小组"


def test_record_titles_name_the_group_and_the_party_day() -> None:
    group = parse_record({"Meeting": "group", "Group": "第二党小组"}, TODAY)[1]
    assert Record(Meeting.GROUP, "机关第一党支部", group, ()).title() == "机关第一党支部第二党小组党小组会会议记录"
    assert Record(Meeting.GROUP, "机关第一党支部", MeetingDetails(), ()).title() == "机关第一党支部党小组会会议记录"
    assert Record(Meeting.GENERAL, "甲支部", MeetingDetails(), ()).title() == "甲支部党员大会会议记录"
    assert Record(Meeting.PARTY_DAY, "甲支部", MeetingDetails(), ()).title() == "甲支部主题党日活动记录"
    assert sign_in_title("甲支部", Meeting.GROUP, "第二党小组") == "甲支部第二党小组党小组会签到表"
    assert sign_in_title("甲支部", Meeting.GENERAL, "第二党小组") == "甲支部党员大会签到表"
    assert sign_in_title("甲支部", Meeting.PARTY_DAY) == "甲支部主题党日活动签到表"


def test_a_group_record_names_the_group_in_its_table_too() -> None:
    details = MeetingDetails(time="2023年9月25日 15:00", group="第二党小组")
    rows = detail_rows(details)
    assert rows[0] == ("党小组", "第二党小组") and rows[1] == ("会议时间", "2023年9月25日 15:00")
    assert detail_rows(MeetingDetails())[0][0] == "会议时间"  # a plan's table is as it was
    assert details_from_table(dict(rows)) == {"Group": "第二党小组", "Date": "2023年9月25日 15:00"}


@pytest.mark.parametrize("group, title, opening", [
    ("第二党小组", "关于召开第二党小组会议的通知", "召开第二党小组会议，"),  # not 第二党小组党小组会
    ("离退休组", "关于召开离退休组党小组会的通知", "召开离退休组党小组会，"),
    ("", "关于召开党小组会的通知", "召开党小组会，"),
])
def test_a_group_meetings_notice_names_the_group(group: str, title: str, opening: str) -> None:
    notice = parse_notice({"Meeting": "group", "Group": group, "Date": "2023-09-28 14:30"}, TODAY)
    assert notice.title() == title and opening in notice.opening() and notice.to == "本组党员"
    assert notice.points()[-1][1].endswith("请提前向党小组组长请假。")


def test_a_party_day_notice_says_what_to_bring_and_do() -> None:
    notice = parse_notice({"Meeting": "partyday", "Date": "2023-09-28 14:30", "Place": "党员活动室",
                           "Topic": "学党章、守党纪"}, TODAY)
    assert (notice.title(), notice.to, notice.prepare) == ("关于开展主题党日活动的通知", "全体党员",
                                                           ("佩戴党员徽章", "携带学习笔记本"))
    assert notice.opening() == "定于2023年9月28日 14:30在党员活动室开展主题党日活动，现将有关事项通知如下。"
    assert [label for label, _ in notice.points()] == ["活动主题", "活动内容", "有关要求"]
    assert notice.points()[1][1] == "重温入党誓词、集中学习研讨、按时交纳党费、开展主题实践活动。"
    assert notice.points()[2][1] == "请佩戴党员徽章、携带学习笔记本，准时参加；因故不能参加的，请提前向支部书记请假。"
    assert prepare_text(Meeting.PARTY_DAY) == "佩戴党员徽章、携带学习笔记本"
    content = _content(render_notice(notice))
    assert "关于开展主题党日活动的通知" in content and "三、有关要求" in content


def test_a_party_day_sign_in_lists_every_member() -> None:
    assert sign_in_roll(Meeting.PARTY_DAY, "第一党小组", ROLL) == ROLL
    assert parse_sign_in({"Meeting": "主题党日"}, TODAY, ROLL)[3] == ROLL


def test_party_day_and_group_records_are_valid_and_worded_as_branches_write_them(tmp_path: Path) -> None:
    assert default_agenda(Meeting.PARTY_DAY) == list(PARTY_DAY_AGENDA) and default_agenda(Meeting.GENERAL) == []
    party_day = Record(Meeting.PARTY_DAY, "甲支部", MeetingDetails(expected=20, present=18),
                       tuple(default_agenda(Meeting.PARTY_DAY)))
    content = _content(render_record(party_day, "p1"))
    for words in ("甲支部主题党日活动记录", "活动内容", "重温入党誓词", "活动情况：", "参加情况",
                  "应到 20 人，实到 18 人"):
        assert words in content, words
    assert "会议议程及内容" not in content and "决议：" not in content and "会议有效" not in content
    assert 'text:name="会议记录-p1"' in content and 'table:name="主题党日会议要素"' in content  # found as ever
    group = Record(Meeting.GROUP, "甲支部", MeetingDetails(group="第二党小组"), ("学习",))
    group_content = _content(render_record(group, "g1"))
    assert "甲支部第二党小组党小组会会议记录" in group_content and "发言摘要：" in group_content
    for name, record in (("party_day", party_day), ("group", group)):
        (tmp_path / f"{name}.odt").write_bytes(render_record(record, name, page_break=True))
        assert_valid_odt(tmp_path / f"{name}.odt")
    sign_in = render_sign_in(Meeting.PARTY_DAY, sign_in_title("甲支部", Meeting.PARTY_DAY), "", ROLL)
    (tmp_path / "sign.odt").write_bytes(sign_in)
    assert_valid_odt(tmp_path / "sign.odt")


def test_insert_plan_takes_partyday_only_for_a_template_that_has_one() -> None:
    assert parse_plan({"Meeting": "partyday", "Month": "2023-10"}, TODAY).meeting is Meeting.PARTY_DAY
    assert parse_plan({"Meeting": "主题党日"}, TODAY).meeting is Meeting.PARTY_DAY
    assert Meeting.PARTY_DAY not in load_pack().meetings()  # the command refuses it with the built-in plan
    pack = loads_pack(json.dumps({"format": "sanhui-content-pack/2", "title": "{month}主题党日安排", "parts": [
        {"meeting": "partyday", "text": "主题党日", "children": [{"text": "重温入党誓词"}]}]}).encode())
    plan = build_plan(pack, Meeting.PARTY_DAY, "2023年10月")
    assert plan.parts[0].meeting is Meeting.PARTY_DAY and plan.parts[0].entry.text == "主题党日"
    assert loads_pack(dump_pack(pack)) == pack  # saved and read back as partyday
