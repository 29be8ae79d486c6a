"""The notice, sign-in and record dialogs as a person meets them: chosen from the 三会一课 menu with
real keys, read through the accessibility tree, typed into with real key events (Chinese too, at
the drivers' pace), confirmed with Return or 确定, cancelled with Escape or 取消; what the document
holds afterwards is read over the bridge. (tests/office/test_record_dialogs.py checks the same
dialogs' logic through their controls.)

One office serves the session, and other tests may leave a branch profile or a remembered place
behind: a test types every value it checks, and the sign-in tests save the profile they need and
put an empty one back afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

import pytest

from devtools.xvfb import DialogDriver, MenuDriver, wait_for
from sanhui.model.profile import BranchProfile, Member, PartyGroup
from sanhui.office.settings import save_profile
from tests.gui.window import frame, log_lines, logged, menu_dialog, paragraph_texts, profile_saved, shown_on_failure
from tests.office.docs import put_cursor

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(240)

MENU = "三会一课"
NOTICE, SIGN_IN, RECORD = "插入会议通知", "插入签到表", "插入会议记录"  # menu items and dialog titles alike
CANCELLED = "已取消，文档未作更改。"
RED = 0xC9211E
ROLL = (Member("张三", "第一党小组", committee=True), Member("李四", "第二党小组"),
        Member("王五", "第一党小组", probationary=True), Member("赵六", "第二党小组", committee=True))
PROFILE = BranchProfile(branch="机关第一党支部", secretary="王明", organizer="李强",
                        groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组")), members=ROLL)
NAMES = "参会人员"  # the sign-in dialog's multi-line list of names


# -- the document and the log, over the bridge -------------------------------------------------------


def _tables(office: Office, doc: Any) -> Dict[str, List[Tuple[str, ...]]]:
    """Every table by name, as rows of cell texts."""

    def read() -> Dict[str, List[Tuple[str, ...]]]:
        tables = doc.getTextTables()
        return {name: [tuple(str(c) for c in row) for row in tables.getByName(name).getDataArray()]
                for name in tables.getElementNames()}

    return office.call(read, timeout=30)


@pytest.fixture
def profile(gui_office: Office) -> Iterator[BranchProfile]:
    """PROFILE (with its roll) saved for the test; an empty profile afterwards."""
    with profile_saved(gui_office, PROFILE) as saved:
        yield saved


@pytest.fixture
def no_profile(gui_office: Office) -> Iterator[None]:
    gui_office.call(save_profile, gui_office.ctx, BranchProfile(), timeout=30)
    yield


# -- the dialogs, in their real windows -------------------------------------------------------------


def opened(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path, item: str) -> Any:
    """三会一课 › `item` chosen with real keys: the dialog titled as the item (window.menu_dialog)."""
    return menu_dialog(office, xvfb, doc, tmp_path, item)


def _message(dialog: DialogDriver) -> str:
    return str(wait_for("a message in the status line", lambda: dialog.status() or None, 10))


def _names(dialog: DialogDriver, expected: str) -> None:
    """Wait (bounded) until the list of names reads `expected`: it follows the meeting and group."""
    wait_for(f"the names to read {expected!r}", lambda: dialog.text_area(NAMES) == expected or None, 10)


def _status_with(dialog: DialogDriver, part: str) -> Optional[str]:
    status = dialog.status()
    return status if part in status else None


def _texts_with(office: Office, doc: Any, part: str) -> Optional[List[str]]:
    """The document's paragraphs once one of them ends with `part`."""
    texts = paragraph_texts(office, doc)
    return texts if any(t.endswith(part) for t in texts) else None


def _choose_meeting(dialog: DialogDriver, key: str, times: int, label: str) -> None:
    """From 会议时间, shift+Tab back to the 会议类型 list and move its choice with real arrow keys."""
    dialog.focus_field("会议时间")
    dialog.key("shift+Tab")
    for _ in range(times):
        dialog.key(key)
    wait_for(f"会议类型 to show {label}", lambda: dialog.fields().get("会议类型") == label or None, 10)


# -- the notice ---------------------------------------------------------------------------------------

def test_notice_typed_in_chinese_goes_into_the_document(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, no_profile: None
) -> None:
    since = len(log_lines(gui_office))
    with opened(gui_office, xvfb, writer, tmp_path, NOTICE) as dialog:
        assert dialog.labels() == ["会议类型", "会议时间", "党小组", "地点", "会议主题", "主送", "发文单位", "有关要求",
                                   ""]
        fields = dialog.fields()
        shown = (fields["会议类型"], fields["主送"], fields["有关要求"])
        assert shown == ("党员大会", "全体党员", "佩戴党员徽章、确缴党费")
        dialog.type_into("会议时间", "2023年9月25日下午3点")
        dialog.key("Tab")  # leaving the field shows the time back in GB/T 9704 form
        wait_for("会议时间 in GB form", lambda: dialog.fields()["会议时间"] == "2023年9月25日 15:00" or None, 10)
        dialog.type_into("地点", "三楼会议室")
        dialog.type_into("会议主题", "学习贯彻有关精神")
        dialog.type_into("发文单位", "中共机关第一支部委员会")
        dialog.key("Return")
        dialog.wait_closed()
    texts = wait_for("the notice in the document", lambda: _texts_with(gui_office, writer, "全体党员："), 20)
    assert texts[:3] == ["关于召开党员大会的通知", "全体党员：",
                         "定于2023年9月25日 15:00在三楼会议室召开党员大会，现将有关事项通知如下。"]
    assert "一、会议主题：学习贯彻有关精神" in texts and any("佩戴党员徽章、确缴党费" in t for t in texts)
    assert texts[-2] == "中共机关第一支部委员会"
    assert "已插入党员大会通知。" in logged(gui_office, since, "InsertNotice ok")


def test_notice_with_a_bad_time_stays_open_naming_it(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with opened(gui_office, xvfb, writer, tmp_path, NOTICE) as dialog:
        dialog.type_into("会议时间", "2023-02-30")
        dialog.key("Return")
        message = _message(dialog)
        assert "会议时间" in message and "2023-02-30" in message, message
        assert f"{dialog.status_color():06X}" == f"{RED:06X}"
        assert dialog.is_open() and dialog.focused() == "会议时间"
        assert paragraph_texts(gui_office, writer) == [""]
        dialog.key("Escape")
        dialog.wait_closed()
    assert paragraph_texts(gui_office, writer) == [""]


@pytest.mark.parametrize("how", ["Escape", "取消"])
def test_notice_cancelled_changes_nothing(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, how: str
) -> None:
    since = len(log_lines(gui_office))
    with opened(gui_office, xvfb, writer, tmp_path, NOTICE) as dialog:
        dialog.type_into("会议主题", "学习")
        if how == "Escape":
            dialog.key("Escape")
        else:
            dialog.click_to_close("取消")
        dialog.wait_closed()
    assert CANCELLED in logged(gui_office, since, "InsertNotice ok")
    assert paragraph_texts(gui_office, writer) == [""]


# -- the sign-in sheet ----------------------------------------------------------------------------------

def test_sign_in_shows_the_roll_and_follows_the_meeting(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, profile: BranchProfile
) -> None:
    with opened(gui_office, xvfb, writer, tmp_path, SIGN_IN) as dialog:
        assert dialog.fields()["会议类型"] == "党员大会"
        _names(dialog, "张三\n李四\n王五\n赵六")
        assert any("共 4 人" in label for label in dialog.labels()), dialog.labels()
        _choose_meeting(dialog, "Up", 1, "支委会")
        _names(dialog, "张三\n赵六")  # the committee only
        _choose_meeting(dialog, "Down", 2, "党小组会")
        assert dialog.fields()["党小组"] == "第一党小组"
        _names(dialog, "张三\n王五")  # the group's members
        dialog.type_into("会议时间", "2023-09-28 14:30")
        dialog.click_to_close("确定")
    tables = wait_for("the sign-in sheet", lambda: _tables(gui_office, writer) or None, 20)
    (rows,) = tables.values()
    assert rows[0] == ("序号", "姓名", "签到", "备注（请假原因）")
    assert [r[:2] for r in rows[1:3]] == [("1", "张三"), ("2", "王五（预备党员）")]
    assert [r[0] for r in rows[3:]] == ["列席"] * 3
    assert paragraph_texts(gui_office, writer)[:2] == ["机关第一党支部第一党小组党小组会签到表",
                                                       "会议时间：2023年9月28日 14:30"]


def test_sign_in_without_a_roll_says_how_and_takes_typed_names(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, no_profile: None
) -> None:
    with opened(gui_office, xvfb, writer, tmp_path, SIGN_IN) as dialog:
        assert any("工具 › 选项 › 三会一课" in label and "每行输入一个姓名" in label for label in dialog.labels())
        assert dialog.text_area(NAMES) == ""
        dialog.type_lines(NAMES, "张三\n李四")
        dialog.type_into("会议时间", "下午3点")  # no day: refused, naming the field
        dialog.click("确定")
        message = _message(dialog)
        assert "会议时间" in message and "下午3点" in message, message
        assert dialog.is_open() and paragraph_texts(gui_office, writer) == [""]
        dialog.type_into("会议时间", "2023年9月25日 15:00")
        dialog.click_to_close("确定")
    tables = wait_for("the sign-in sheet", lambda: _tables(gui_office, writer) or None, 20)
    (rows,) = tables.values()
    assert [r[:2] for r in rows[1:3]] == [("1", "张三"), ("2", "李四")] and len(rows) == 1 + 2 + 3


# -- the record ---------------------------------------------------------------------------------------

def _plan_with_details(office: Office, doc: Any) -> None:
    """A 党员大会 plan with its 会议要素 (by dispatch, as a script would), the cursor in it."""
    state, result = office.dispatch(doc, "sanhui:InsertPlan", {
        "Meeting": "general", "Month": "2023-09", "Notes": "none", "Date": "2023-09-25 15:00",
        "Place": "五楼报告厅", "Host": "王明", "Recorder": "李强", "Expected": 30, "Present": 28,
        "Absent": "张三（出差）；李四（病假）", "Topic": "学习贯彻有关精神"})
    assert state == 1, result
    texts = paragraph_texts(office, doc)
    office.call(put_cursor, doc, texts.index("党员行动"), 0, timeout=30)


def test_record_in_a_plan_is_prefilled_from_its_details_and_goes_after_it(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, no_profile: None
) -> None:
    _plan_with_details(gui_office, writer)
    with opened(gui_office, xvfb, writer, tmp_path, RECORD) as dialog:
        fields = dialog.fields()
        shown = {label: fields[label] for label in ("会议类型", "会议时间", "地点", "主持人", "记录人", "应到人数",
                                                    "实到人数", "缺席人员及原因", "会议主题")}
        assert shown == {"会议类型": "党员大会", "会议时间": "2023年9月25日 15:00", "地点": "五楼报告厅",
                         "主持人": "王明", "记录人": "李强", "应到人数": "30", "实到人数": "28",
                         "缺席人员及原因": "张三（出差）；李四（病假）", "会议主题": "学习贯彻有关精神"}
        dialog.type_into("列席人员", "上级党委组织员")
        dialog.key("Return")
        dialog.wait_closed()
    texts = wait_for("the record in the document", lambda: _texts_with(gui_office, writer, "党员大会会议记录"), 20)
    start = texts.index("党员大会会议记录")
    assert texts.index("党员行动") < start and "党员行动：第一议题" in texts[start:]
    assert any("应到 30 人，实到 28 人" in t and "会议有效" in t for t in texts[start:])
    records = [dict(rows) for name, rows in _tables(gui_office, writer).items() if dict(rows).get("列席人员")]
    assert len(records) == 1 and records[0]["会议地点"] == "五楼报告厅"  # the plan's 会议要素, carried over
    assert records[0]["列席人员"] == "上级党委组织员"


def test_record_quorum_is_warned_once_and_a_bad_time_named(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, no_profile: None
) -> None:
    with opened(gui_office, xvfb, writer, tmp_path, RECORD) as dialog:
        dialog.type_into("会议时间", "2023年13月1日")
        dialog.key("Return")
        message = _message(dialog)
        assert "会议时间" in message and "2023年13月1日" in message, message
        assert dialog.focused() == "会议时间"
        dialog.type_into("会议时间", "2023-09-25 15:00")
        dialog.type_into("应到人数", "30")
        dialog.type_into("实到人数", "12")
        dialog.key("Return")
        warning = wait_for("the quorum warning", lambda: _status_with(dialog, "第十一条"), 10)
        assert "请再次点击“确定”" in warning, warning
        assert dialog.is_open() and paragraph_texts(gui_office, writer) == [""]
        dialog.key("Return")  # the second Return goes on
        dialog.wait_closed()
    texts = wait_for("the record", lambda: _texts_with(gui_office, writer, "党员大会会议记录"), 20)
    assert any("实到 12 人" in t and "会议无效" in t for t in texts)


def test_record_cancelled_changes_nothing(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    since = len(log_lines(gui_office))
    with opened(gui_office, xvfb, writer, tmp_path, RECORD) as dialog:
        dialog.type_into("应到人数", "30")
        dialog.click_to_close("取消")
    assert CANCELLED in logged(gui_office, since, "InsertRecord ok")
    assert paragraph_texts(gui_office, writer) == [""] and _tables(gui_office, writer) == {}


def test_record_of_a_group_meeting_names_the_group_typed(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, profile: BranchProfile
) -> None:
    """党小组会 chosen with arrow keys, the 党小组 box (the profile's first group shown, its 组长 as
    主持人) typed over with a group the profile does not list (the secretary as 主持人 again): the
    record's title and 会议要素 name it."""
    with opened(gui_office, xvfb, writer, tmp_path, RECORD) as dialog:
        assert dialog.labels()[:3] == ["会议类型", "会议时间", "党小组"], dialog.labels()
        assert dialog.fields().get("主持人") == "王明"
        _choose_meeting(dialog, "Down", 1, "党小组会")
        wait_for("党小组 to show the first group", lambda: dialog.fields().get("党小组") == "第一党小组" or None, 10)
        wait_for("主持人 to show its 组长", lambda: dialog.fields().get("主持人") == "张三" or None, 10)
        dialog.type_into("党小组", "第三党小组")
        wait_for("主持人 to show the secretary", lambda: dialog.fields().get("主持人") == "王明" or None, 10)
        dialog.type_into("会议时间", "2023-10-12 15:00")
        dialog.key("Return")
        dialog.wait_closed()
    texts = wait_for("the record", lambda: _texts_with(gui_office, writer, "党小组会会议记录"), 20)
    assert "机关第一党支部第三党小组党小组会会议记录" in texts, texts[:3]
    (rows,) = _tables(gui_office, writer).values()
    assert rows[0] == ("党小组", "第三党小组") and rows[1] == ("会议时间", "2023年10月12日 15:00")


def test_party_day_notice_from_the_menu(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, no_profile: None
) -> None:
    with opened(gui_office, xvfb, writer, tmp_path, NOTICE) as dialog:
        _choose_meeting(dialog, "Down", 3, "主题党日")
        asks = "佩戴党员徽章、携带学习笔记本"
        wait_for("有关要求 to follow", lambda: dialog.fields().get("有关要求") == asks or None, 10)
        dialog.type_into("会议时间", "2023-10-28 09:00")
        dialog.type_into("会议主题", "学党章、守党纪")
        dialog.click_to_close("确定")
    texts = wait_for("the notice", lambda: _texts_with(gui_office, writer, "全体党员："), 20)
    assert texts[:2] == ["关于开展主题党日活动的通知", "全体党员："]
    assert "一、活动主题：学党章、守党纪" in texts


def test_english_ui_shows_the_english_sign_in_dialog(
    gui_office_en: Office, xvfb: Xvfb, tmp_path: Path
) -> None:
    gui_office_en.call(save_profile, gui_office_en.ctx, BranchProfile(), timeout=30)
    doc = gui_office_en.new_writer()
    try:
        driver = MenuDriver(xvfb, gui_office_en, frame(gui_office_en, doc))
        try:
            before = xvfb.windows()
            driver.choose("Party Meetings", "Insert Sign-in Sheet")
            with DialogDriver.opened(xvfb, gui_office_en, "Insert Sign-in Sheet", before) as dialog, \
                    shown_on_failure(xvfb, tmp_path, "english.png"):
                labels = dialog.labels()
                assert labels[:4] == ["Meeting", "Date and time", "Party group", "Members"], labels
                assert "Tools › Options › Party Meetings" in labels[4], labels
                assert dialog.fields()["Meeting"] == "General meeting (党员大会)"
                dialog.key("Escape")
                dialog.wait_closed()
        finally:
            driver.close_menus()
        assert paragraph_texts(gui_office_en, doc) == [""]
    finally:
        gui_office_en.close(doc)
