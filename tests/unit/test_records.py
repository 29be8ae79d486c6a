"""Notice, sign-in and record in the pure layers: the record's 议程 from a plan, the quorum
verdict at its boundaries, who is on a sign-in sheet, valid fragments."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sanhui.content.pack import load_pack
from sanhui.forms.errors import FormError
from sanhui.forms.plan_form import parse_details
from sanhui.forms.record_form import (
    agenda,
    default_to,
    details_from_table,
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
from sanhui.model.meeting import Absence, Meeting, MeetingDetails
from sanhui.model.profile import BranchProfile, Recent
from sanhui.model.record import Member, Record, quorum
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
    assert [default_to(m) for m in Meeting] == ["各位支委", "全体党员", "本组党员", "全体党员"]
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
