"""The 插入对标提高任务清单 dialog as a person meets it: opened from the 三会一课 menu with real keys,
the benchmark unit typed, the tasks pasted into the paste field (ctrl+v of lines copied from a
spreadsheet, cells separated by tabs) or typed there with ｜ between the cells, 按行添加 and 确定
clicked with the real mouse; then the task table in the document.

The dialog is read through its accessibility tree (devtools.xvfb.DialogDriver: fields by label, the
task list's entries, the red line); the paste field, whose text VCL does not expose, is read by
selecting and copying it. The clipboard is the office's system clipboard (the X CLIPBOARD
selection), filled over the bridge as another program would fill it.
(tests/office/test_benchmark_dialog.py checks the same dialog's logic through its controls.)
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

import pytest

from devtools.xvfb import DialogDriver, wait_for
from tests.gui.window import log_lines, logged, menu_dialog, paragraph_texts

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(180)

MENU = "三会一课"
ITEM = "插入对标提高任务清单"
TITLE = "插入对标提高任务清单"
TASKS = "对标提高任务（对标事项、标杆做法/经验、我方差距、提升措施、责任人、完成时限）"  # the list box
PASTE = "粘贴或输入任务：每行一项，各栏之间用 Tab（从表格复制即可）或“｜”分隔"
LABELS = ["标杆单位", "对标主题", "时间", "地点", "本支部书记", "标杆单位书记", "分组", "对标事项清单", TASKS, PASTE,
          ""]  # the last, empty label is the status line
RED = 0xC9211E
HEADER = ("序号", "对标事项", "标杆做法/经验", "我方差距", "提升措施", "责任人", "完成时限", "完成情况")
STATUSES = ("未启动", "进行中", "已完成", "已销号")
#: Two rows as copied from a spreadsheet: cells separated by tabs.
COPIED = ("班组建设\t积分制管理\t无量化考核\t引入积分制\t张三\t2030-10-31\n"
          "安全管理\t双人复核\t复核流于形式\t建立复核台账\t李四\t2030-11-30")
ROWS = [
    ("1", "班组建设", "积分制管理", "无量化考核", "引入积分制", "张三", "2030年10月31日", "未启动"),
    ("2", "安全管理", "双人复核", "复核流于形式", "建立复核台账", "李四", "2030年11月30日", "未启动"),
]
LISTED = ["1. 班组建设｜张三｜2030年10月31日", "2. 安全管理｜李四｜2030年11月30日"]


def _tables(office: Office, doc: Any) -> int:
    return office.call(lambda: doc.getTextTables().getCount(), timeout=30)


def _task_rows(office: Office, doc: Any) -> List[Tuple[str, ...]]:
    """The task table's rows ([] while there is none)."""

    def read() -> List[Tuple[str, ...]]:
        tables = doc.getTextTables()
        names = [name for name in tables.getElementNames() if name.startswith("对标任务-")]
        return [tuple(str(c) for c in row) for row in tables.getByName(names[0]).getDataArray()] if names else []

    return office.call(read, timeout=30)


def _statuses(office: Office, doc: Any) -> List[Tuple[str, Tuple[str, ...]]]:
    """(chosen entry, entries) of every drop-down field in the document (the 完成情况 cells)."""

    def read() -> List[Tuple[str, Tuple[str, ...]]]:
        found = []
        fields = doc.getTextFields().createEnumeration()
        while fields.hasMoreElements():
            field = fields.nextElement()
            if field.supportsService("com.sun.star.text.textfield.DropDown"):
                found.append((str(field.SelectedItem), tuple(field.Items)))
        return found

    return office.call(read, timeout=30)


def benchmark_dialog(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path) -> Any:
    """三会一课 › 插入对标提高任务清单 chosen with real keys: the dialog (see window.menu_dialog)."""
    return menu_dialog(office, xvfb, doc, tmp_path, ITEM, TITLE)


def _listed(dialog: DialogDriver, count: int) -> List[str]:
    """The task list once it shows `count` entries (bounded)."""

    def shown() -> Optional[List[str]]:
        entries = dialog.list_entries(TASKS)
        return entries if len(entries) == count else None

    return wait_for(f"{count} entries in the task list", shown, 10)


def _confirmed(dialog: DialogDriver, office: Office, doc: Any) -> float:
    """确定 clicked: wait until the dialog is closed and the task table is in; the seconds taken."""
    started = time.monotonic()
    dialog.click_to_close("确定")
    wait_for("the task table in the document", lambda: _task_rows(office, doc) or None, 20)
    return time.monotonic() - started


def test_the_menu_opens_the_benchmark_dialog(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    started = time.monotonic()
    with benchmark_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        opened = time.monotonic() - started
        assert gui_office.call(lambda: dialog._context().getAccessibleName(), timeout=30) == TITLE
        assert dialog.labels() == LABELS
        assert dialog.fields()["对标主题"] == "对标“老大哥”，争当“排头兵”"  # the seed's theme, shown as used
        assert dialog.list_entries(TASKS) == []
        assert dialog.status() == ""
        assert paragraph_texts(gui_office, writer) == [""]
        dialog.key("Escape")
        dialog.wait_closed()
    assert opened < 10


def test_rows_pasted_from_a_spreadsheet_become_tasks_not_started(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    timings: Dict[str, float] = {}
    since = len(log_lines(gui_office))
    with benchmark_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        started = time.monotonic()
        dialog.type_into("标杆单位", "某供电公司先进党支部")
        dialog.paste_into(PASTE, COPIED)  # ctrl+v in the paste field
        timings["typed and pasted"] = time.monotonic() - started
        dialog.click("按行添加")
        assert _listed(dialog, 2) == LISTED
        assert dialog.text_area(PASTE) == ""  # the pasted lines moved into the list
        assert dialog.status() == ""
        timings["confirmed to inserted"] = _confirmed(dialog, gui_office, writer)

    assert "标杆单位：某供电公司先进党支部" in paragraph_texts(gui_office, writer)
    assert _task_rows(gui_office, writer) == [HEADER, *ROWS]
    assert _statuses(gui_office, writer) == [("未启动", STATUSES), ("未启动", STATUSES)]  # chosen from a list
    assert "（标杆单位：某供电公司先进党支部，2 项任务）" in logged(gui_office, since, "InsertBenchmark ok")
    assert timings["confirmed to inserted"] < 10, timings


def test_rows_typed_with_bars_become_tasks(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    with benchmark_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("标杆单位", "某供电公司先进党支部")
        dialog.type_lines(PASTE, "班组建设｜积分制管理｜无量化考核｜引入积分制｜张三｜2030-10-31\n"
                                 "安全管理｜双人复核｜复核流于形式｜建立复核台账｜李四｜2030-11-30")
        dialog.click("按行添加")
        assert _listed(dialog, 2) == LISTED
        _confirmed(dialog, gui_office, writer)
    assert _task_rows(gui_office, writer) == [HEADER, *ROWS]
    assert [status for status, _ in _statuses(gui_office, writer)] == ["未启动", "未启动"]


def test_a_bad_line_is_named_nothing_is_kept_and_a_row_can_be_removed(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    bad = COPIED.replace("2030-11-30", "下个月")
    with benchmark_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("标杆单位", "某供电公司先进党支部")
        dialog.paste_into(PASTE, bad)
        dialog.click("按行添加")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert "第 2 项" in message and "下个月" in message, message
        assert f"{dialog.status_color():06X}" == f"{RED:06X}"
        assert dialog.list_entries(TASKS) == []  # nothing of a bad paste is kept
        assert dialog.text_area(PASTE) == bad  # still there, to be corrected

        dialog.paste_into(PASTE, COPIED)
        dialog.click("按行添加")
        assert _listed(dialog, 2) == LISTED
        wait_for("the status line cleared", lambda: dialog.status() == "" or None, 10)
        dialog.select_entry(TASKS, 0)
        dialog.click("删除所选")
        assert _listed(dialog, 1) == ["1. 安全管理｜李四｜2030年11月30日"]
        _confirmed(dialog, gui_office, writer)
    assert _task_rows(gui_office, writer) == [HEADER, ("1", *ROWS[1][1:])]


@pytest.mark.parametrize("how", ["Escape", "取消"])
def test_cancel_leaves_the_document_unchanged(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path, how: str
) -> None:
    since = len(log_lines(gui_office))
    with benchmark_dialog(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.paste_into(PASTE, COPIED)
        dialog.click("按行添加")
        _listed(dialog, 2)
        if how == "Escape":
            dialog.key("Escape")
        else:
            dialog.click_to_close("取消")
        dialog.wait_closed()
    assert "已取消，文档未作更改。" in logged(gui_office, since, "InsertBenchmark ok in")  # the command is over …
    assert paragraph_texts(gui_office, writer) == [""]  # … and did nothing
    assert _tables(gui_office, writer) == 0
