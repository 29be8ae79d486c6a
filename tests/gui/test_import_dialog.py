"""The 导入“三会一课”方案 dialog as a person meets it: 三会一课 › 导入方案… chosen with real keys, the
plan's text pasted into the box with ctrl+v (or a file's path typed), the preview read through the
accessibility tree (its counts line) and the clipboard (its outline), 确定 or 取消 clicked; what
the document holds afterwards is read over the bridge. (tests/office/test_import_dialog.py checks
the same dialog's logic through its controls, quicker.)

One office serves the session: each test empties the clipboard before the dialog opens, so the box
is not prefilled with what another test copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, List, Tuple

import pytest

from devtools.xvfb import DialogDriver, set_clipboard, wait_for
from tests.gui.window import log_lines, logged, menu_dialog, paragraph_texts
from tests.office.docs import paragraphs

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(240)

ITEM, TITLE = "导入方案…", "导入“三会一课”方案"
BOX = "方案文字"  # the multi-line box the text is pasted into
PREVIEW = "识别出的方案（编号即插入后的样子）"
CANCELLED = "已取消，文档未作更改。"
PLAN = ("2023年10月“三会一课”方案\n"
        "一、支委会方案\n"
        "（一）第一议题\n"
        "1.学习上级文件精神。（备注：联系实际学。）\n"
        "2.研究本月党员大会方案。\n"
        "二、党课方案\n"
        "（一）主题：学习二十大精神\n")


def _rows(office: Office, doc: Any) -> List[Tuple[str, str]]:
    """(number label, text) of every body paragraph that has text."""
    return [(p.label, p.text) for p in office.call(lambda: paragraphs(doc), timeout=30) if p.text]


def _counts(dialog: DialogDriver) -> str:
    """The preview's counts line once it shows one (识别结果：…)."""
    return str(wait_for("the counts under the preview",
                        lambda: next((t for t in dialog.labels() if t.startswith("识别结果")), None), 10))


def _opened(office: Office, xvfb: Xvfb, doc: Any, tmp_path: Path) -> Any:
    set_clipboard(office, "")  # nothing for the box to be prefilled with
    return menu_dialog(office, xvfb, doc, tmp_path, ITEM, TITLE)


def _inserted(office: Office, doc: Any) -> List[Tuple[str, str]]:
    return wait_for("the plan in the document", lambda: _rows(office, doc) or None, 20)


def test_pasted_text_is_previewed_then_inserted_with_its_numbering(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with _opened(gui_office, xvfb, writer, tmp_path) as dialog:
        assert dialog.fields().get("文件") == ""
        dialog.paste_into(BOX, PLAN)  # a paste is previewed at once
        assert _counts(dialog) == "识别结果：2 部分，1 个标题，3 项，1 条备注。"
        outline = dialog.text_area(PREVIEW).split("\n")
        assert outline[:5] == ["2023年10月“三会一课”方案", "一、支委会方案", "　（一）第一议题",
                               "　　1.学习上级文件精神。", "　　　〔备注〕联系实际学。"], outline
        assert dialog.status() == ""
        assert paragraph_texts(gui_office, writer) == [""]  # nothing goes in before 确定
        since = len(log_lines(gui_office))
        dialog.click_to_close("确定")
    rows = _inserted(gui_office, writer)
    assert rows[:4] == [("", "2023年10月“三会一课”方案"), ("一、", "支委会方案"), ("（一）", "第一议题"),
                        ("1.", "学习上级文件精神。")], rows
    assert ("二、", "党课方案") in rows
    assert "已导入方案：2 部分，1 个标题，3 项，1 条备注" in logged(gui_office, since, "ImportPlan ok")


def test_a_txt_file_typed_by_its_path_is_previewed_and_inserted(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    path = tmp_path / "plan-2023-10.txt"
    path.write_bytes(PLAN.encode("gb18030"))  # as an older Chinese Windows tool saves it
    with _opened(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.type_into("文件", str(path))
        dialog.key("Tab")  # leaving the field previews the file
        assert _counts(dialog).startswith("识别结果：2 部分")
        dialog.type_into("月份", "2023-11")  # another month than the text's own
        dialog.click_to_close("确定")
    rows = _inserted(gui_office, writer)
    assert rows[0] == ("", "2023年11月“三会一课”方案"), rows


def test_cancel_leaves_the_document_unchanged(gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path) -> None:
    with _opened(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.paste_into(BOX, PLAN)
        _counts(dialog)
        since = len(log_lines(gui_office))
        dialog.click_to_close("取消")
    assert CANCELLED in logged(gui_office, since, "ImportPlan ok")
    assert paragraph_texts(gui_office, writer) == [""]


def test_no_file_keeps_the_dialog_open_with_the_red_line(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    with _opened(gui_office, xvfb, writer, tmp_path) as dialog:
        dialog.click("确定")
        message = wait_for("a message in the status line", lambda: dialog.status() or None, 10)
        assert message.startswith("请填写文件（File）"), message
        assert dialog.is_open()
        dialog.type_into("文件", str(tmp_path / "没有这个文件.txt"))
        dialog.click("确定")
        wait_for("the missing file named", lambda: "不存在" in dialog.status() or None, 10)
        assert dialog.is_open()
        assert dialog.focused() == "文件"  # the message takes the user to the field
        dialog.click_to_close("取消")
    assert paragraph_texts(gui_office, writer) == [""]
