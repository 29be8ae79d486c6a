"""The notice, sign-in and record dialogs, created from the INSTALLED extension's XDL over the
bridge, filled through their controls and confirmed through their event handlers as LibreOffice
calls them; the answer is then written by the command's own ``place_*`` step and the document is
read as a user would read it. (The whole click path, with real keys, is in tests/gui.)

Tests that need a branch profile save one and put an empty one back afterwards: the other
office tests (and their dialogs) read it too.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Iterator, List, Tuple

import pytest

from sanhui.model.meeting import Meeting
from sanhui.model.profile import RECENT_FIELDS, BranchProfile, Member, PartyGroup
from sanhui.office.command import Invocation
from sanhui.office.notice_dialog import NoticeDialog
from sanhui.office.record_commands import (
    place_notice,
    place_record,
    place_sign_in,
    plan_part_at,
    record_defaults,
)
from sanhui.office.record_dialog import RecordDialog
from sanhui.office.settings import load_profile, load_recent, save_profile, save_recent
from sanhui.office.sign_in_dialog import SignInDialog
from tests.odf_schema import assert_valid_odt
from tests.office.docs import paragraphs, put_cursor

TODAY = date(2023, 9, 1)
ROLL = (Member("张三", "第一党小组", committee=True), Member("李四", "第二党小组"),
        Member("王五", "第一党小组", probationary=True), Member("赵六", "第二党小组", committee=True))
PROFILE = BranchProfile(branch="机关第一党支部", secretary="王明", organizer="李强", place="三楼会议室",
                        groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组")), members=ROLL)
HEADER = ("序号", "姓名", "签到", "备注（请假原因）")


@pytest.fixture
def profile(office: Any) -> Iterator[BranchProfile]:
    """PROFILE saved, no recent values; an empty profile again afterwards."""
    def reset(saved: BranchProfile) -> None:
        save_profile(office.ctx, saved)
        save_recent(office.ctx, **{name: "" for name in RECENT_FIELDS})

    office.call(reset, PROFILE, timeout=30)
    try:
        yield PROFILE
    finally:
        if office.alive:
            office.call(reset, BranchProfile(), timeout=30)


def _frame(writer: Any) -> Any:
    return writer.getCurrentController().getFrame()


def _inv(office: Any, writer: Any) -> Invocation:
    """The command's view of this call: what the protocol handler would make for a click."""
    return Invocation(office.ctx, _frame(writer), "zh", logging.getLogger("sanhui-test"), {}, True)


def _texts(writer: Any) -> List[str]:
    return [p.text for p in paragraphs(writer)]


def _rows(writer: Any, index: int = 0) -> List[Tuple[str, ...]]:
    return [tuple(str(c) for c in row) for row in writer.getTextTables().getByIndex(index).getDataArray()]


def _set(dlg: Any, **values: str) -> None:
    for name, value in values.items():
        dlg.control(name).setText(value)


def _choose(dlg: Any, name: str, index: int, event: str) -> None:
    """Pick an entry of a drop-down and send its event, as a click in the list does."""
    dlg.control(name).selectItemPos(index, True)
    dlg.callHandlerMethod(dlg.dialog, None, event)


def _ok(dlg: Any) -> None:
    dlg.callHandlerMethod(dlg.dialog, None, "onOk")


def _status(dlg: Any) -> str:
    return str(dlg.control("Status").getModel().Label)


# --- the notice ----------------------------------------------------------------------------------

@pytest.fixture
def notice(office: Any, writer: Any) -> Iterator[NoticeDialog]:
    dlg = office.call(NoticeDialog, office.ctx, _frame(writer), "zh",
                      {"Issuer": "机关第一党支部", "Place": "三楼会议室"}, TODAY)
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def test_notice_dialog_is_prefilled_and_follows_the_meeting(notice: NoticeDialog) -> None:
    assert notice.dialog.getAccessibleContext().getAccessibleName() == "插入会议通知"
    assert notice.control("lblTo").getPeer().getText() == "主送"
    assert notice.control("Meeting").getSelectedItem() == "党员大会"
    shown = (notice.control("To").getText(), notice.control("Prepare").getText())
    assert shown == ("全体党员", "佩戴党员徽章、确缴党费")
    assert (notice.control("Issuer").getText(), notice.control("Place").getText()) == ("机关第一党支部", "三楼会议室")
    _choose(notice, "Meeting", 0, "onMeetingChanged")
    assert (notice.control("To").getText(), notice.control("Prepare").getText()) == ("各位支委", "")
    _set(notice, To="各党小组组长")  # the user's own 主送 stays when the meeting changes
    _choose(notice, "Meeting", 2, "onMeetingChanged")
    assert notice.control("To").getText() == "各党小组组长"


def test_confirmed_notice_goes_into_the_document(office: Any, writer: Any, notice: NoticeDialog,
                                                 tmp_path: Any) -> None:
    _set(notice, Date="9月25日下午3点", Topic="学习贯彻有关精神")
    notice.callHandlerMethod(notice.dialog, None, "onDateLeft")
    assert notice.control("Date").getText() == "2023年9月25日 15:00"  # shown back in GB/T 9704 form
    _ok(notice)
    assert notice.result is not None
    assert place_notice(_inv(office, writer), writer, notice.result) == "已插入党员大会通知。"
    texts = _texts(writer)
    assert texts[:3] == ["关于召开党员大会的通知", "全体党员：",
                         "定于2023年9月25日 15:00在三楼会议室召开党员大会，现将有关事项通知如下。"]
    assert "一、会议主题：学习贯彻有关精神" in texts
    assert any("佩戴党员徽章、确缴党费" in t for t in texts)
    assert texts[-2] == "机关第一党支部"
    assert_valid_odt(office.store(writer, tmp_path / "notice.odt", "writer8"))
    writer.getUndoManager().undo()  # one undo step
    assert _texts(writer) == [""]


def test_notice_with_a_bad_time_stays_open_naming_the_field(notice: NoticeDialog) -> None:
    _set(notice, Date="2023年2月30日")
    notice.callHandlerMethod(notice.dialog, None, "onDateLeft")
    assert notice.control("Date").getText() == "2023年2月30日"  # not understood: left as typed
    _ok(notice)
    assert notice.result is None
    assert _status(notice) == "会议时间（Date）“2023年2月30日”不是日历上的日期。"


# --- the sign-in sheet ---------------------------------------------------------------------------

def _sign_in(office: Any, writer: Any, profile: BranchProfile, values: Any = None) -> SignInDialog:
    return office.call(SignInDialog, office.ctx, _frame(writer), "zh", values or {}, TODAY, profile.members,
                       [g.name for g in profile.groups])


def _names(dlg: SignInDialog) -> List[str]:
    return str(dlg.control("Members").getText()).replace("\r\n", "\n").split("\n")


def test_sign_in_names_follow_the_meeting_and_the_group(office: Any, writer: Any, profile: BranchProfile) -> None:
    dlg = _sign_in(office, writer, office.call(load_profile, office.ctx))
    try:
        assert dlg.dialog.getAccessibleContext().getAccessibleName() == "插入签到表"
        assert dlg.control("Meeting").getSelectedItem() == "党员大会"
        assert _names(dlg) == ["张三", "李四", "王五", "赵六"]
        assert "共 4 人" in dlg.control("RollHint").getText()
        assert not dlg.control("Group").getModel().Enabled  # only for a 党小组会
        _choose(dlg, "Meeting", 0, "onMeetingChanged")
        assert _names(dlg) == ["张三", "赵六"]  # the 支委
        _choose(dlg, "Meeting", 2, "onMeetingChanged")
        assert dlg.control("Group").getModel().Enabled
        assert dlg.control("Group").getSelectedItem() == "第一党小组"
        assert _names(dlg) == ["张三", "王五"]
        _choose(dlg, "Group", 1, "onGroupChanged")
        assert _names(dlg) == ["李四", "赵六"]
    finally:
        dlg.dialog.dispose()


def test_confirmed_sign_in_lists_the_names_as_edited(office: Any, writer: Any, profile: BranchProfile) -> None:
    dlg = _sign_in(office, writer, profile)
    try:
        _choose(dlg, "Meeting", 2, "onMeetingChanged")
        _set(dlg, Date="2023-09-28 14:30", Members="张三\n王五\n孙八")  # one crossed out, one added
        _ok(dlg)
        assert dlg.result is not None
        result = place_sign_in(_inv(office, writer), writer, dlg.result)
    finally:
        dlg.dialog.dispose()
    assert result == "已插入党小组会签到表（3 人）。"
    texts = _texts(writer)
    assert texts[:2] == ["机关第一党支部第一党小组党小组会签到表", "会议时间：2023年9月28日 14:30"]
    rows = _rows(writer)
    assert rows[0] == HEADER
    assert [r[:2] for r in rows[1:4]] == [("1", "张三"), ("2", "王五（预备党员）"), ("3", "孙八")]
    assert [r[0] for r in rows[4:]] == ["列席"] * 3  # the writer's 列席 rows, as ever


def test_an_empty_roll_says_where_to_fill_it_and_gives_blank_rows(office: Any, writer: Any) -> None:
    dlg = _sign_in(office, writer, BranchProfile())
    try:
        assert _names(dlg) == [""]
        hint = dlg.control("RollHint").getText()
        assert "工具 › 选项 › 三会一课" in hint and "每行输入一个姓名" in hint
        _ok(dlg)
        assert dlg.result is not None
        place_sign_in(_inv(office, writer), writer, dlg.result)
    finally:
        dlg.dialog.dispose()
    rows = _rows(writer)
    assert len(rows) == 1 + 30 + 3 and rows[1][:2] == ("1", "") and rows[30][:2] == ("30", "")


def test_sign_in_with_a_bad_time_stays_open(office: Any, writer: Any) -> None:
    dlg = _sign_in(office, writer, BranchProfile())
    try:
        _set(dlg, Date="下午3点")
        _ok(dlg)
        assert dlg.result is None
        assert _status(dlg).startswith("会议时间（Date）“下午3点”缺少日期")
    finally:
        dlg.dialog.dispose()


# --- the record ----------------------------------------------------------------------------------

def _record(office: Any, writer: Any) -> RecordDialog:
    """The dialog as the command opens it at the cursor: its values from the plan part there."""
    def values() -> dict:
        part = plan_part_at(writer, writer.getCurrentController().getViewCursor())
        out = record_defaults(load_profile(office.ctx), load_recent(office.ctx), part, {})
        out["Meeting"] = (part.meeting or Meeting.GENERAL).value
        return out

    return office.call(RecordDialog, office.ctx, _frame(writer), "zh", office.call(values), TODAY)


def test_record_from_a_plan_with_details_is_prefilled_from_its_table(office: Any, writer: Any,
                                                                     profile: BranchProfile, tmp_path: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertPlan", {
        "Meeting": "general", "Month": "2023-09", "Notes": "none", "Date": "2023-09-25 15:00",
        "Place": "五楼报告厅", "Expected": 30, "Present": 27, "Absent": "张三（出差）；李四（病假）；王五",
        "Topic": "学习贯彻有关精神"})
    assert state == 1, result
    texts = _texts(writer)
    put_cursor(writer, texts.index("党员行动"), 0)
    dlg = _record(office, writer)
    try:
        assert dlg.dialog.getAccessibleContext().getAccessibleName() == "插入会议记录"
        assert dlg.control("Meeting").getSelectedItem() == "党员大会"
        shown = {name: dlg.control(name).getText() for name in ("Date", "Place", "Host", "Recorder", "Expected",
                                                                 "Present", "Absent", "Topic")}
        assert shown == {"Date": "2023年9月25日 15:00", "Place": "五楼报告厅", "Host": "王明", "Recorder": "李强",
                         "Expected": "30", "Present": "27", "Absent": "张三（出差）；李四（病假）；王五",
                         "Topic": "学习贯彻有关精神"}
        _set(dlg, Present="26", Absent="张三（出差）；李四（病假）；王五；赵六（病假）", Attendees="上级党委组织员")
        _ok(dlg)
        assert dlg.result is not None
        meeting, details = dlg.result
        plan_tables = set(writer.getTextTables().getElementNames())
        result = place_record(_inv(office, writer), writer, meeting, details)
    finally:
        dlg.dialog.dispose()
    assert result.startswith("已插入党员大会会议记录")
    after = _texts(writer)
    start = after.index("机关第一党支部党员大会会议记录")
    assert after.index("党员行动") < start  # after the plan, not inside it
    assert "党员行动：第一议题" in after[start:]
    assert any("应到 30 人，实到 26 人" in t and "会议有效" in t for t in after[start:])
    (record_table,) = set(writer.getTextTables().getElementNames()) - plan_tables
    cells = dict(tuple(str(c) for c in r) for r in writer.getTextTables().getByName(record_table).getDataArray())
    assert (cells["会议地点"], cells["主持人"], cells["列席人员"]) == ("五楼报告厅", "王明", "上级党委组织员")
    assert cells["缺席人员及原因"] == "张三（出差）；李四（病假）；王五；赵六（病假）"
    assert_valid_odt(office.store(writer, tmp_path / "record.odt", "writer8"))


def test_record_preselects_the_meeting_of_the_plan_part(office: Any, writer: Any) -> None:
    office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Notes": "none"})
    texts = _texts(writer)
    put_cursor(writer, texts.index("党课方案") + 1, 0)
    dlg = _record(office, writer)
    try:
        assert dlg.control("Meeting").getSelectedItem() == "党课"
    finally:
        dlg.dialog.dispose()


def test_record_quorum_warning_is_shown_once_then_ok_goes_on(office: Any, writer: Any) -> None:
    dlg = _record(office, writer)
    try:
        _set(dlg, Expected="30", Present="12")
        _ok(dlg)
        assert dlg.result is None and "第十一条" in _status(dlg) and "请再次点击“确定”" in _status(dlg)
        _ok(dlg)
        assert dlg.result is not None
        place_record(_inv(office, writer), writer, *dlg.result)
    finally:
        dlg.dialog.dispose()
    assert any("实到 12 人" in t and "会议无效" in t for t in _texts(writer))


def test_record_with_a_bad_number_stays_open_naming_the_field(office: Any, writer: Any) -> None:
    dlg = _record(office, writer)
    try:
        _set(dlg, Expected="30", Present="31")
        _ok(dlg)
        assert dlg.result is None and _status(dlg) == "实到人数（Present）为 31，不能多于应到人数 30。"
        _set(dlg, Present="28", Date="2023-13-01")
        _ok(dlg)
        assert dlg.result is None and _status(dlg).startswith("会议时间（Date）“2023-13-01”")
    finally:
        dlg.dialog.dispose()


# --- the commands' dialogs under --headless: cancelled at once, nothing changed ------------------

@pytest.mark.parametrize("url", ["sanhui:InsertNotice", "sanhui:InsertSignIn", "sanhui:InsertRecord"])
def test_a_click_or_interactive_under_headless_is_a_cancel(office: Any, writer: Any, url: str) -> None:
    assert office.dispatch(writer, url) == (1, "已取消，文档未作更改。")
    assert office.dispatch(writer, url, {"Interactive": True, "Meeting": "group"}) == (1, "已取消，文档未作更改。")
    assert _texts(writer) == [""]
    state, result = office.dispatch(writer, url, {"Interactive": "也许"})
    assert state == 0 and "交互方式（Interactive）" in result
    # a value that cannot be shown in the dialog is named, as without it
    state, result = office.dispatch(writer, url, {"Interactive": True, "Meeting": "年会"})
    assert state == 0 and "会议类型（Meeting）" in result and "年会" in result
    assert _texts(writer) == [""]


# --- the 党小组 of the notice and the record, the 主题党日 in all three ------------------------------

def test_record_dialog_names_the_group_of_a_group_meeting(office: Any, writer: Any, profile: BranchProfile,
                                                          tmp_path: Any) -> None:
    dlg = office.call(RecordDialog, office.ctx, _frame(writer), "zh", {"Meeting": "general"}, TODAY, profile.groups)
    try:
        assert dlg.control("lblGroup").getPeer().getText() == "党小组"
        assert dlg.control("Meeting").getItemCount() == 5  # the 主题党日 last (chosen in the next test)
        assert not dlg.control("Group").getModel().Enabled  # only for a 党小组会
        assert dlg.control("Group").getItems() == ("第一党小组", "第二党小组")
        _choose(dlg, "Meeting", 2, "onMeetingChanged")
        assert dlg.control("Group").getModel().Enabled and dlg.control("lblGroup").getModel().Enabled
        assert dlg.control("Group").getText() == "第一党小组"  # the profile's first, as the sign-in dialog
        _set(dlg, Group="第二党小组", Date="2023-10-12 15:00")
        _ok(dlg)
        assert dlg.result is not None
        meeting, details = dlg.result
        assert (meeting, details.group) == (Meeting.GROUP, "第二党小组")
        place_record(_inv(office, writer), writer, meeting, details)
    finally:
        dlg.dialog.dispose()
    assert "机关第一党支部第二党小组党小组会会议记录" in _texts(writer)
    assert _rows(writer)[0] == ("党小组", "第二党小组")
    assert_valid_odt(office.store(writer, tmp_path / "group-record.odt", "writer8"))


def test_the_host_offered_follows_the_group_until_one_is_typed(office: Any, writer: Any,
                                                               profile: BranchProfile) -> None:
    """A 党小组会 is chaired by its 组长: the dialog offers the chosen group's, the secretary for
    the branch's meetings, and keeps a name typed over the one offered."""
    dlg = office.call(RecordDialog, office.ctx, _frame(writer), "zh", {"Meeting": "general", "Host": "王明"}, TODAY,
                      profile.groups, "王明")
    try:
        host = dlg.control("Host")
        _choose(dlg, "Meeting", 2, "onMeetingChanged")  # 党小组会, the first group: its 组长
        assert host.getText() == "张三"
        _group(dlg, "第二党小组")  # no 组长 in the profile: the secretary again
        assert host.getText() == "王明"
        _group(dlg, "第一党小组")
        assert host.getText() == "张三"
        _set(dlg, Host="赵六")  # typed over: it stays whatever is chosen next
        _group(dlg, "第二党小组")
        _choose(dlg, "Meeting", 0, "onMeetingChanged")
        assert host.getText() == "赵六"
    finally:
        dlg.dialog.dispose()


def _group(dlg: Any, name: str) -> None:
    """A group picked in the record dialog's box (a combo box: typed or chosen), and its event."""
    _set(dlg, Group=name)
    dlg.callHandlerMethod(dlg.dialog, None, "onGroupChanged")


def test_a_group_meeting_opened_without_its_group_offers_the_shown_groups_leader(office: Any, writer: Any,
                                                                               profile: BranchProfile) -> None:
    """In a plan's 党小组会 part whose table names no group, the box shows the profile's first group:
    the 主持人 offered is its 组长, not the secretary given for no group."""
    dlg = office.call(RecordDialog, office.ctx, _frame(writer), "zh", {"Meeting": "group", "Host": "王明"}, TODAY,
                      profile.groups, "王明")
    try:
        assert dlg.control("Group").getText() == "第一党小组"
        assert dlg.control("Host").getText() == "张三"
        _group(dlg, "第二党小组")
        assert dlg.control("Host").getText() == "王明"
    finally:
        dlg.dialog.dispose()


def test_a_group_meeting_record_by_dispatch_is_chaired_by_the_groups_leader(office: Any, writer: Any,
                                                                            profile: BranchProfile) -> None:
    def hosts() -> List[str]:
        tables = writer.getTextTables()
        return sorted(row[1] for i in range(tables.getCount()) for row in _rows(writer, i) if row[0] == "主持人")

    for args, host in (({"Meeting": "group", "Group": "第一党小组"}, "张三"),  # its 组长
                       ({"Meeting": "group", "Group": "第一党小组", "Host": "赵六"}, "赵六"),  # a name given is used
                       ({"Meeting": "committee"}, "王明")):  # the secretary chairs the branch's meetings
        before = hosts()
        state, result = office.dispatch(writer, "sanhui:InsertRecord", dict(args, Date="2023-10-12 15:00"))
        assert state == 1, result
        assert hosts() == sorted([*before, host])


def test_record_dialog_takes_a_group_not_in_the_profile_and_none_for_other_meetings(office: Any,
                                                                                    writer: Any) -> None:
    dlg = office.call(RecordDialog, office.ctx, _frame(writer), "zh", {"Meeting": "group", "Group": "离退休党小组"},
                      TODAY, [])
    try:
        assert dlg.control("Group").getModel().Enabled and dlg.control("Group").getText() == "离退休党小组"
        _ok(dlg)
        assert dlg.result is not None and dlg.result[1].group == "离退休党小组"
        dlg.result = None
        _choose(dlg, "Meeting", 4, "onMeetingChanged")  # 主题党日: the group greys out and counts for nothing
        assert dlg.control("Meeting").getSelectedItem() == "主题党日"
        assert not dlg.control("Group").getModel().Enabled
        _ok(dlg)
        assert dlg.result is not None and dlg.result[0] is Meeting.PARTY_DAY and dlg.result[1].group == ""
        place_record(_inv(office, writer), writer, *dlg.result)
    finally:
        dlg.dialog.dispose()
    texts = _texts(writer)
    assert "主题党日活动记录" in texts and "重温入党誓词" in texts and "活动内容" in texts


def test_notice_dialog_party_day_and_group(office: Any, writer: Any, profile: BranchProfile) -> None:
    dlg = office.call(NoticeDialog, office.ctx, _frame(writer), "zh", {"Issuer": "机关第一党支部"}, TODAY,
                      [g.name for g in profile.groups])
    try:
        assert not dlg.control("Group").getModel().Enabled
        _choose(dlg, "Meeting", 4, "onMeetingChanged")
        assert dlg.control("Meeting").getSelectedItem() == "主题党日"
        shown = (dlg.control("To").getText(), dlg.control("Prepare").getText())
        assert shown == ("全体党员", "佩戴党员徽章、携带学习笔记本")
        _choose(dlg, "Meeting", 2, "onMeetingChanged")
        assert dlg.control("Group").getModel().Enabled and dlg.control("Group").getText() == "第一党小组"
        _set(dlg, Group="第二党小组", Date="2023-10-12 15:00")
        _ok(dlg)
        assert dlg.result is not None and dlg.result.group == "第二党小组"
        place_notice(_inv(office, writer), writer, dlg.result)
    finally:
        dlg.dialog.dispose()
    assert _texts(writer)[:2] == ["关于召开第二党小组会议的通知", "本组党员："]


def test_sign_in_dialog_lists_everybody_for_a_party_day(office: Any, writer: Any, profile: BranchProfile) -> None:
    dlg = _sign_in(office, writer, profile, {"Meeting": "group"})
    try:
        assert _names(dlg) == ["张三", "王五"]
        _choose(dlg, "Meeting", 4, "onMeetingChanged")
        assert dlg.control("Meeting").getSelectedItem() == "主题党日"
        assert _names(dlg) == ["张三", "李四", "王五", "赵六"] and not dlg.control("Group").getModel().Enabled
        _ok(dlg)
        assert dlg.result is not None and dlg.result[0] is Meeting.PARTY_DAY and dlg.result[2] == ""
        assert place_sign_in(_inv(office, writer), writer, dlg.result) == "已插入主题党日签到表（4 人）。"
    finally:
        dlg.dialog.dispose()
    assert _texts(writer)[0] == "机关第一党支部主题党日活动签到表"
