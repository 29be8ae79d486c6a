"""The joint minutes as a person meets them in a real window: the 插入联建会议纪要 dialog opened from
the 三会一课 menu with real keys, filled with real key presses and mouse clicks (the agreed items added
with 添加事项 and taken out again with 删除所选), then countersigning and verifying from the menu, the
answer read off the message box that comes up.

The dialog is read through its accessibility tree (devtools.xvfb.DialogDriver: fields by label, the
second 书记 as occurrence 2, the list of items, the red line); the message box likewise
(MessageBoxDriver). What the document holds afterwards is read over the bridge.
(tests/office/test_minutes_dialog.py checks the same dialog's logic through its controls.)

One office serves the session, and the options-page tests may have set a branch profile (本支部 and
its 书记 prefilled): a test types every value it checks.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import pytest

from devtools.prompts import fill_prompts
from devtools.xvfb import DialogDriver, MenuDriver, MessageBoxDriver, wait_for
from tests.gui.window import frame, log_lines, logged, menu_dialog, paragraph_texts, shown_on_failure

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(180)

MENU = "三会一课"
INSERT = "插入联建会议纪要"
COUNTERSIGN = "会签联建会议纪要"
VERIFY = "核验会签"
TITLE = "插入联建会议纪要"
ITEMS = "会议议定事项（每项须有责任人和完成时限，会签前补齐亦可）"  # the list box, named after its line
LABELS = ["本支部", "书记", "联建支部", "书记", "联建主题", "会议时间", "地点", "出席", "请假", "列席", ITEMS,
          "事项", "责任人", "时限", ""]  # the last, empty label is the status line
RED = 0xC9211E
MINUTES_TITLE = "机关第一党支部与生产一线党支部联建会议纪要"
HEADER = ("序号", "事项", "责任人", "完成时限", "跟踪反馈（办理情况）")
SIGN_HEADER = ("机关第一党支部书记（签字）：", "生产一线党支部书记（签字）：")
#: The meeting as sanhui:InsertMinutes takes it by dispatch (as tests/office/test_minutes.py).
ARGS: Dict[str, Any] = {
    "BranchA": "机关第一党支部", "SecretaryA": "王明", "BranchB": "生产一线党支部", "SecretaryB": "李强",
    "Theme": "科技创新", "Date": "2023-09-25 15:00", "Place": "三楼会议室",
    "Present": "王明、李强、张三、李四", "Leave": "王五（出差）", "Attending": "社区党委组织委员",
    "Items": (("建立联合攻关小组", "张三", "2030-10-31"), ("共享培训资源", "李四", "2030年11月30日")),
}
CODE = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}")


# -- the document, over the bridge ----------------------------------------------------------------


def _tables(office: Office, doc: Any) -> int:
    return office.call(lambda: doc.getTextTables().getCount(), timeout=30)


def _table_rows(office: Office, doc: Any, prefix: str) -> List[Tuple[str, ...]]:
    """The rows of the one table whose name starts with `prefix` ([] while there is none)."""

    def read() -> List[Tuple[str, ...]]:
        tables = doc.getTextTables()
        names = [name for name in tables.getElementNames() if name.startswith(prefix)]
        assert len(names) <= 1, names
        return [tuple(str(c) for c in row) for row in tables.getByName(names[0]).getDataArray()] if names else []

    return office.call(read, timeout=30)


# -- the dialog, in its real window ---------------------------------------------------------------


def minutes_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path) -> Any:
    """三会一课 › 插入联建会议纪要 chosen with real keys: the dialog (see window.menu_dialog)."""
    return menu_dialog(office, xvfb, doc, tmp_path, INSERT, TITLE)


def _type_meeting(dialog: DialogDriver, secretary_b: str = "李强") -> None:
    """Both branches and their secretaries, theme, time, place and who came, key by key."""
    dialog.type_into("本支部", "机关第一党支部")
    dialog.type_into("书记", "王明")
    dialog.type_into("联建支部", "生产一线党支部")
    dialog.type_into("书记", secretary_b, occurrence=2)
    dialog.type_into("联建主题", "科技创新")
    dialog.type_into("会议时间", "2023-09-25 15:00")
    dialog.type_into("地点", "三楼会议室")
    dialog.type_into("出席", "王明、李强、张三、李四")


def _add_item(dialog: DialogDriver, text: str, owner: str, deadline: str) -> None:
    """Type an item into 事项/责任人/时限 and click 添加事项 (real mouse)."""
    dialog.type_into("事项", text)
    dialog.type_into("责任人", owner)
    dialog.type_into("时限", deadline)
    dialog.click("添加事项")


def _wait_items(dialog: DialogDriver, count: int) -> List[str]:
    """The item list once it shows `count` entries (bounded)."""

    def shown() -> Optional[List[str]]:
        entries = dialog.list_entries(ITEMS)
        return entries if len(entries) == count else None

    return wait_for(f"{count} entries in the item list", shown, 10)


def _is_second_secretary_focused(dialog: DialogDriver) -> bool:
    order, current = dialog.tab_order()
    return current is not None and current == [i for i, name in enumerate(order) if name == "书记"][1]


# -- the tests ------------------------------------------------------------------------------------

def test_the_menu_opens_the_minutes_dialog(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    started = time.monotonic()
    with minutes_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        opened = time.monotonic() - started
        assert gui_office.call(lambda: dialog._context().getAccessibleName(), timeout=30) == TITLE
        assert dialog.labels() == LABELS
        assert [name for name, _ in dialog.entries()] == [
            "本支部", "书记", "联建支部", "书记", "联建主题", "会议时间", "地点", "出席", "请假", "列席",
            "事项", "责任人", "时限"]
        assert dialog.list_entries(ITEMS) == []
        assert dialog.status() == ""
        assert paragraph_texts(gui_office, writer) == [""]  # nothing is inserted while the dialog is open
        dialog.key("Escape")
        dialog.wait_closed()
    assert opened < 10


def test_typed_meeting_and_items_go_into_the_minutes(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    timings: Dict[str, float] = {}
    since = len(log_lines(gui_office))
    with minutes_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        started = time.monotonic()
        _type_meeting(dialog)
        timings["meeting typed"] = time.monotonic() - started

        # a deadline nobody can read: the red line names it, and no row is added
        _add_item(dialog, "建立联合攻关小组", "张三", "下月底")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert "完成时限" in message and "下月底" in message, message
        assert f"{dialog.status_color():06X}" == f"{RED:06X}"
        assert dialog.list_entries(ITEMS) == []
        assert dialog.field("事项") == "建立联合攻关小组"  # what was typed is still there to correct
        assert dialog.focused() == "时限"  # the message takes the user to the field

        dialog.type_into("时限", "2030-10-31")
        dialog.click("添加事项")
        assert _wait_items(dialog, 1) == ["1. 建立联合攻关小组　张三　2030年10月31日"]
        wait_for("the status line cleared", lambda: dialog.status() == "" or None, 10)
        assert [dialog.field(label) for label in ("事项", "责任人", "时限")] == ["", "", ""]

        _add_item(dialog, "互派骨干交流学习", "王五", "2030-12-31")
        _wait_items(dialog, 2)
        _add_item(dialog, "共享培训资源", "李四", "2030年11月30日")
        assert _wait_items(dialog, 3)[2] == "3. 共享培训资源　李四　2030年11月30日"

        # the second one goes again: chosen in the list with a click, 删除所选; the rest renumbered
        dialog.select_entry(ITEMS, 1)
        dialog.click("删除所选")
        assert _wait_items(dialog, 2) == ["1. 建立联合攻关小组　张三　2030年10月31日",
                                          "2. 共享培训资源　李四　2030年11月30日"]
        timings["items added"] = time.monotonic() - started

        confirmed = time.monotonic()
        dialog.click_to_close("确定")
        wait_for("the minutes in the document", lambda: _table_rows(gui_office, writer, "联建会签") or None, 20)
        timings["confirmed to inserted"] = time.monotonic() - confirmed

    texts = paragraph_texts(gui_office, writer)
    assert texts[0] == MINUTES_TITLE
    assert texts[1:4] == ["时间：2023年9月25日 15:00", "地点：三楼会议室",
                          "主持：机关第一党支部书记王明、生产一线党支部书记李强"]
    assert "出席：王明、李强、张三、李四" in texts
    assert _table_rows(gui_office, writer, "联建事项") == [
        HEADER,
        ("1", "建立联合攻关小组", "张三", "2030年10月31日", ""),
        ("2", "共享培训资源", "李四", "2030年11月30日", ""),
    ]
    assert _table_rows(gui_office, writer, "联建会签")[0] == SIGN_HEADER
    assert "（2 项议定事项）" in logged(gui_office, since, "InsertMinutes ok")
    assert timings["confirmed to inserted"] < 10, timings


@pytest.mark.parametrize("how", ["Escape", "取消"])
def test_cancel_leaves_the_document_unchanged(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, how: str
) -> None:
    since = len(log_lines(gui_office))
    with minutes_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("联建支部", "生产一线党支部")  # something typed and added, then thrown away
        _add_item(dialog, "共享培训资源", "李四", "2030-11-30")
        _wait_items(dialog, 1)
        if how == "Escape":
            dialog.key("Escape")
        else:
            dialog.click_to_close("取消")
        dialog.wait_closed()
    assert "已取消，文档未作更改。" in logged(gui_office, since, "InsertMinutes ok in")  # the command is over …
    assert paragraph_texts(gui_office, writer) == [""]  # … and did nothing
    assert _tables(gui_office, writer) == 0


def test_the_same_secretary_on_both_sides_keeps_the_dialog_open_with_the_message(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with minutes_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        _type_meeting(dialog, secretary_b="王明")
        dialog.key("Return")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert "同一人" in message and "王明" in message and "联建支部书记" in message, message
        assert f"{dialog.status_color():06X}" == f"{RED:06X}"
        assert dialog.is_open()
        assert _is_second_secretary_focused(dialog)  # the message takes the user to the field at fault
        assert paragraph_texts(gui_office, writer) == [""]

        dialog.type_into("书记", "李强", occurrence=2)
        dialog.key("Return")
        dialog.wait_closed()
    wait_for("the minutes in the document", lambda: _tables(gui_office, writer) > 0 or None, 20)
    assert paragraph_texts(gui_office, writer)[3] == "主持：机关第一党支部书记王明、生产一线党支部书记李强"


# -- countersigning and verifying from the menu ---------------------------------------------------

def _insert_minutes(office: Office, doc: Any) -> None:
    """The minutes of ARGS by dispatch with arguments (no dialog)."""
    state, result = office.dispatch(doc, "sanhui:InsertMinutes", ARGS)
    assert state == 1, result


def _fill_prompts(office: Office, doc: Any) -> None:
    """Type over every <prompt> (JumpEdit field), bounded like every office call here."""
    office.call(fill_prompts, doc, timeout=30)


def _cursor_into_items(office: Office, doc: Any) -> None:
    """The view cursor into the items table's first item (B2), where a person would click."""

    def put() -> None:
        tables = doc.getTextTables()
        name = next(n for n in tables.getElementNames() if n.startswith("联建事项"))
        doc.getCurrentController().getViewCursor().gotoRange(tables.getByName(name).getCellByName("B2").getStart(),
                                                             False)

    office.call(put, timeout=30)


def _choose_for_box(driver: MenuDriver, xvfb: Xvfb, office: Office, item: str) -> MessageBoxDriver:
    """Choose 三会一课 › `item` with real keys and return the message box that comes up."""
    before = xvfb.windows()
    driver.choose(MENU, item)
    return MessageBoxDriver.appeared(xvfb, office, before)


def test_countersign_and_verify_from_the_menu(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    _insert_minutes(gui_office, writer)
    _fill_prompts(gui_office, writer)
    _cursor_into_items(gui_office, writer)
    driver = MenuDriver(xvfb, gui_office, frame(gui_office, writer))
    timings: Dict[str, float] = {}
    try:
        with shown_on_failure(xvfb, tmp_path, "countersign.png"):
            started = time.monotonic()
            since = len(log_lines(gui_office))
            with _choose_for_box(driver, xvfb, gui_office, COUNTERSIGN) as box:
                # the block is often off-screen and protected: a box says it was signed
                timings["countersign"] = time.monotonic() - started
                shown = box.message()
                assert shown.startswith("已会签：王明、李强。会签校验码 "), shown
                assert box.buttons() == ["确定"]
                box.key("Return")
                box.wait_closed()
            signed = logged(gui_office, since, "Countersign ok", 15)
            assert shown in signed
            sign = _table_rows(gui_office, writer, "联建会签")
            assert sign[0] == SIGN_HEADER
            assert sign[2] == ("姓名：王明", "姓名：李强")
            assert sign[3][0].startswith("日期：") and sign[3][1].startswith("日期：")
            code_line = paragraph_texts(gui_office, writer)[-1]
            assert CODE.fullmatch(code_line.replace("会签校验码：", "")), code_line
            code = code_line.replace("会签校验码：", "")
            assert gui_office.call(lambda: writer.getTextSections().getByIndex(0).IsProtected, timeout=30)
            assert f"已会签：王明、李强。会签校验码 {code}。" in signed

            started = time.monotonic()
            since = len(log_lines(gui_office))
            with _choose_for_box(driver, xvfb, gui_office, VERIFY) as box:
                timings["verify box"] = time.monotonic() - started
                assert box.title == "三会一课"
                message = box.message()  # the sentence, without the word meant for scripts
                assert message.startswith(f"《{MINUTES_TITLE}》会签后未被改动"), message
                assert code in message, message
                assert box.buttons() == ["确定"]
                box.key("Return")
                box.wait_closed()
            assert f"intact：{message}" in logged(gui_office, since, "VerifyMinutes ok")  # scripts get the word

            # someone lifts the protection by hand and changes an owner: 核验会签 names it
            def tamper() -> None:
                writer.getTextSections().getByIndex(0).IsProtected = False
                tables = writer.getTextTables()
                name = next(n for n in tables.getElementNames() if n.startswith("联建事项"))
                tables.getByName(name).getCellByName("C3").setString("赵六")

            gui_office.call(tamper, timeout=30)
            with _choose_for_box(driver, xvfb, gui_office, VERIFY) as box:
                message = box.message()
                assert message.startswith(f"《{MINUTES_TITLE}》会签后被改动"), message
                assert "第 2 项的责任人由“李四”改为“赵六”" in message, message
                box.key("Return")
                box.wait_closed()
    finally:
        driver.close_menus()
    assert timings["countersign"] < 10 and timings["verify box"] < 10, timings


def test_countersign_with_prompts_left_says_why_in_a_message_box(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    _insert_minutes(gui_office, writer)  # the <prompts> are not filled in
    _cursor_into_items(gui_office, writer)
    since = len(log_lines(gui_office))
    driver = MenuDriver(xvfb, gui_office, frame(gui_office, writer))
    try:
        with shown_on_failure(xvfb, tmp_path, "refused.png"), \
                _choose_for_box(driver, xvfb, gui_office, COUNTERSIGN) as box:
            message = box.message()
            assert "提示文字" in message and "请填写或删除后再会签" in message, message
            box.click_to_close("确定")
    finally:
        driver.close_menus()
    assert "提示文字" in logged(gui_office, since, "Countersign refused")
    assert _table_rows(gui_office, writer, "联建会签")[2] == ("姓名：", "姓名：")
    assert not gui_office.call(lambda: writer.getTextSections().getByIndex(0).IsProtected, timeout=30)
