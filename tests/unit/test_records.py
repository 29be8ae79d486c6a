"""Notice, sign-in and record in the pure layers: the record's 议程 from a plan, the quorum
verdict at its boundaries, who is on a sign-in sheet, valid fragments."""

from __future__ import annotations

from datetime import date

import pytest

from sanhui.content.pack import load_pack
from sanhui.forms.errors import FormError
from sanhui.forms.record_form import agenda, outline_of, parse_notice, parse_record, parse_sign_in
from sanhui.model.meeting import Meeting, MeetingDetails
from sanhui.model.record import Member, Record, quorum
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
