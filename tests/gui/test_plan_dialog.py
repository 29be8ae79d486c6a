"""The 插入“三会一课”方案 dialog as a person meets it: in a real window, opened from the real menu.

Each test chooses a 三会一课 menu item with real keys (devtools.xvfb.MenuDriver), waits for the dialog's
own X window, reads its fields and its red status line through the accessibility tree, types into it
with real key events (Tab to the field, ctrl+a, the text) and confirms with Return, or cancels with
Escape or a click on 取消 (devtools.xvfb.DialogDriver). What the document holds afterwards is read
over the bridge. (tests/office/test_plan_dialog.py checks the same dialog's logic through its controls.)

One office serves the session: the last place typed is offered next time (it is remembered), and the
options-page tests may have set a branch profile, so a test types every value it checks and asserts
nothing about the other prefilled fields.
"""

from __future__ import annotations

import contextlib
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, List, Tuple

import pytest

from devtools.xvfb import DialogDriver, MenuDriver, wait_for
from sanhui.office.settings import template_store
from tests.gui.window import choose_entry

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(180)

MENU = "三会一课"
GENERAL = "插入党员大会方案"
TITLE = "插入“三会一课”方案"
LABELS = ["方案模板", "会议类型", "月份", "支部名称", "会议时间", "地点", "主持人", "记录人", "应到人数", "实到人数",
          "缺席人员及原因", "列席人员", "会议主题", "备注方式"]
TABLE = "党员大会会议要素"
RED = 0xC9211E  # the status line's colour (PlanDialog.xdl)


def _frame(office: Office, doc: Any) -> Any:
    return office.call(lambda: doc.getCurrentController().getFrame(), timeout=30)


def _text(office: Office, doc: Any) -> str:
    return office.call(lambda: doc.getText().getString(), timeout=30)


def _paragraphs(office: Office, doc: Any) -> List[Tuple[str, str]]:
    """(number label, text) of every body paragraph; a table shows as ("", "<table NAME>")."""

    def read() -> List[Tuple[str, str]]:
        found = []
        paragraphs = doc.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            element = paragraphs.nextElement()
            if element.supportsService("com.sun.star.text.Paragraph"):
                found.append((element.ListLabelString or "", element.getString()))
            else:
                found.append(("", f"<table {element.getName()}>"))
        return found

    return office.call(read, timeout=30)


def _rows(office: Office, doc: Any, name: str) -> dict:
    """The table `name` as {label: value} (the 会议要素 table has two columns)."""

    def read() -> dict:
        tables = doc.getTextTables()
        return dict(tables.getByName(name).getDataArray()) if tables.hasByName(name) else {}

    return office.call(read, timeout=30)


def _tables(office: Office, doc: Any) -> int:
    return office.call(lambda: doc.getTextTables().getCount(), timeout=30)


def _last_log_line(office: Office) -> str:
    log = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    return log.read_text(encoding="utf-8").splitlines()[-1]


class ShownFailure(AssertionError):
    """A failure that carries where the screenshot of the display at that moment was saved."""


def _shown(exc: BaseException, xvfb: Xvfb, folder: Path) -> ShownFailure:
    try:
        hint = f" (screen: {xvfb.screenshot(folder / 'dialog.png')})"
    except Exception as error:
        hint = f" (no screenshot: {error})"
    return ShownFailure(f"{exc}{hint}")


@contextlib.contextmanager
def plan_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path, item: str = GENERAL,
                menu: str = MENU, title: str = TITLE) -> Iterator[DialogDriver]:
    """Choose `menu` › `item` with real keys and yield the dialog that opens; it is cancelled on the
    way out if still open. A failure carries a screenshot taken while the dialog was still there."""
    driver = MenuDriver(xvfb, office, _frame(office, doc))
    try:
        before = xvfb.windows()
        driver.choose(menu, item)
        with DialogDriver.opened(xvfb, office, title, before) as dialog:
            try:
                yield dialog
            except Exception as exc:
                raise _shown(exc, xvfb, tmp_path) from exc
    except ShownFailure:
        raise
    except Exception as exc:
        raise _shown(exc, xvfb, tmp_path) from exc
    finally:
        driver.close_menus()


def _confirmed(dialog: DialogDriver, office: Office, doc: Any) -> float:
    """Return pressed in the dialog: wait until it is closed and the table is in; the seconds taken."""
    started = time.monotonic()
    dialog.key("Return")
    dialog.wait_closed()
    wait_for("the 会议要素 table in the document", lambda: _tables(office, doc) > 0 or None, 20)
    return time.monotonic() - started


def test_the_menu_opens_the_dialog_on_the_chosen_meeting(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    started = time.monotonic()
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        opened = time.monotonic() - started
        # the X window was found by its title; the same title is what the accessibility tree reports
        assert gui_office.call(lambda: dialog._context().getAccessibleName(), timeout=30) == TITLE
        assert dialog.labels() == [*LABELS, ""]  # the last, empty one is the status line
        fields = dialog.fields()
        assert fields["会议类型"] == "党员大会"
        assert fields["方案模板"] == "内置方案（2023年9月种子方案）"  # no template saved, none chosen
        assert fields["备注方式"] == "以批注插入"
        assert dialog.status() == ""
        assert _text(gui_office, writer) == ""  # nothing is inserted while the dialog is open
        dialog.key("Escape")
        dialog.wait_closed()
    assert opened < 10


def test_the_month_is_prefilled_with_this_month(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    today = date.today()
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        month = dialog.fields()["月份"]
    assert month in (f"{today.year}年{today.month}月", f"{today:%Y-%m}"), f"月份 shows {month!r}"


def test_typed_details_go_into_the_meeting_table(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("会议时间", "2023-09-25 15:00")
        dialog.key("Tab")  # leaving the field shows the date back in GB/T 9704 form
        wait_for("会议时间 in GB form", lambda: dialog.fields()["会议时间"] == "2023年9月25日 15:00" or None, 10)
        dialog.type_into("地点", "三楼会议室")
        dialog.type_into("应到人数", "30")
        dialog.type_into("实到人数", "28")
        elapsed = _confirmed(dialog, gui_office, writer)
    paragraphs = _paragraphs(gui_office, writer)
    assert paragraphs[:2] == [("二、", "党员大会方案"), ("", f"<table {TABLE}>")], paragraphs[:3]
    rows = _rows(gui_office, writer, TABLE)
    assert rows["会议时间"] == "2023年9月25日 15:00"
    assert rows["会议地点"] == "三楼会议室"
    assert rows["应到/实到"] == "应到 30 人，实到 28 人，缺席 2 人"
    assert "InsertPlan ok" in _last_log_line(gui_office)
    assert elapsed < 10


@pytest.mark.parametrize("how", ["Escape", "取消"])
def test_cancel_leaves_the_document_unchanged(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, how: str
) -> None:
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("应到人数", "30")  # something typed, then thrown away
        if how == "Escape":
            dialog.key("Escape")
        else:
            dialog.click_to_close("取消")
        dialog.wait_closed()
    assert _text(gui_office, writer) == ""
    assert _tables(gui_office, writer) == 0
    assert "已取消，文档未作更改。" in _last_log_line(gui_office)


def test_an_impossible_date_keeps_the_dialog_open_with_the_message(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("会议时间", "2023-02-30")
        dialog.key("Return")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert "会议时间" in message and "2023-02-30" in message, message
        assert dialog.is_open()
        assert dialog.focused() == "会议时间"  # the message takes the user to the field
        assert _text(gui_office, writer) == ""

        dialog.type_into("会议时间", "2023年9月26日 15:00")  # typed in Chinese, as people write it
        _confirmed(dialog, gui_office, writer)
    assert _rows(gui_office, writer, TABLE)["会议时间"] == "2023年9月26日 15:00"


def test_the_message_is_red(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("实到人数", "很多")
        dialog.key("Return")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert "实到人数" in message, message
        assert f"{dialog.status_color():06X}" == f"{RED:06X}"


def test_a_general_meeting_without_quorum_is_warned_once(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with plan_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("应到人数", "30")
        dialog.type_into("实到人数", "12")
        dialog.key("Return")
        warning = wait_for("the quorum warning", lambda: dialog.status() or None, 10)
        assert "第十一条" in warning and "实到 12 人" in warning and "应到 30 人" in warning, warning
        assert "请再次点击“确定”" in warning, warning
        assert dialog.is_open()
        assert _text(gui_office, writer) == ""

        _confirmed(dialog, gui_office, writer)  # the second Return goes on
    assert _rows(gui_office, writer, TABLE)["应到/实到"] == "应到 30 人，实到 12 人，缺席 18 人"


def test_english_ui_shows_the_english_dialog(gui_office_en: Office, xvfb: Xvfb, tmp_path: Path) -> None:
    doc = gui_office_en.new_writer()
    try:
        with plan_dialog(gui_office_en, xvfb, doc, tmp_path, "Insert General Meeting Plan",
                         menu="Party Meetings", title="Insert Party Meeting Plan") as dialog:
            assert dialog.labels()[:4] == ["Template", "Meeting", "Month", "Branch"]
            assert dialog.fields()["Template"] == "Built-in plan (September 2023 seed)"
            assert dialog.fields()["Meeting"] == "General meeting (党员大会)"
            dialog.key("Escape")
            dialog.wait_closed()
        assert _text(gui_office_en, doc) == ""
    finally:
        gui_office_en.close(doc)


def test_a_saved_template_chosen_in_the_list_is_what_goes_in(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    """A plan inserted and edited, saved with sanhui:SavePlanTemplate (by URL, as a script would),
    then chosen in 方案模板 with real keys for a whole month: the document gets the edited words."""
    name = "界面测试模板"
    source = gui_office.new_writer()
    try:
        state, result = gui_office.dispatch(source, "sanhui:InsertPlan", {"Month": "2023-09", "Meeting": "month"})
        assert state == 1, result

        def edit() -> None:
            paragraphs = source.getText().createEnumeration()
            while paragraphs.hasMoreElements():
                para = paragraphs.nextElement()
                if para.supportsService("com.sun.star.text.Paragraph") and para.getString() == "研究本单位宣传工作。":
                    para.setString("研究本支部“学习强国”积分工作。")
                    source.getCurrentController().getViewCursor().gotoRange(para.getStart(), False)
                    return
            raise AssertionError("the item to edit is not in the plan")

        gui_office.call(edit, timeout=30)
        state, result = gui_office.dispatch(source, "sanhui:SavePlanTemplate", {"Name": name})
        assert state == 1 and name in result, result
    finally:
        gui_office.close(source)
    try:
        with plan_dialog(gui_office, xvfb, writer, tmp_path, "插入整月“三会一课”方案") as dialog:
            choose_entry(dialog, "月份", 2, "方案模板", name)
            dialog.type_into("月份", "2023-10")
            dialog.click_to_close("确定")
        edited = "研究本支部“学习强国”积分工作。"
        wait_for("the plan in the document", lambda: edited in _text(gui_office, writer) or None, 20)
        texts = _text(gui_office, writer)
        assert "研究本单位宣传工作。" not in texts
        assert texts.startswith("2023年10月“三会一课”方案")
    finally:
        gui_office.call(lambda: template_store(gui_office.ctx).delete(name), timeout=30)
