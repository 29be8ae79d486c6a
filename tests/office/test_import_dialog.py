"""The 导入“三会一课”方案 dialog from the INSTALLED extension's XDL, driven through its controls and
handlers over the bridge (headless): the preview, the red line for each kind of bad input, and
what 确定 hands back (the request and the very text previewed). tests/gui/test_import_dialog.py
does the same with real keys in a real window, through to the document.

Also the InsertPlan dialog's 方案模板 list and its check that the template has the meeting.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from devtools.xvfb import set_clipboard
from sanhui.dates import Month
from sanhui.forms.import_form import CLIPBOARD, parse_import
from sanhui.model.plan import NotesMode
from sanhui.office.command import Invocation
from sanhui.office.import_dialog import ImportDialog
from sanhui.office.plan_dialog import PlanDialog
from sanhui.office.settings import template_store

SEED = Path(__file__).resolve().parents[1] / "data" / "2023-09-sanhui-yike-plan.txt"
SHORT = ("2023年10月“三会一课”方案\n一、支委会方案\n（一）第一议题\n1.学习上级文件精神。（备注：联系实际学。）\n"
         "2.研究本月党员大会方案。\n二、党课方案\n（一）主题：学习二十大精神\n")


def _open(office: Any, writer: Any, args: Mapping[str, object] = {}) -> ImportDialog:
    frame = writer.getCurrentController().getFrame()
    inv = Invocation(office.ctx, frame, "zh", logging.getLogger("test"), dict(args), not args)
    request = parse_import(args, interactive_default=True)
    return office.call(ImportDialog, inv, request)  # type: ignore[no-any-return]


@pytest.fixture
def dialog(office: Any, writer: Any) -> Iterator[ImportDialog]:
    set_clipboard(office, "")  # nothing to prefill the box with
    dlg = _open(office, writer)
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def _call(dlg: ImportDialog, handler: str) -> None:
    dlg.callHandlerMethod(dlg.dialog, None, handler)


def _preview(dlg: ImportDialog) -> str:
    return str(dlg.control("Preview").getText())


def _status(dlg: ImportDialog) -> str:
    return str(dlg.control("Status").getModel().Label)


def test_the_dialog_opens_on_a_file_with_a_hint_in_the_preview(dialog: ImportDialog) -> None:
    assert dialog.dialog.getAccessibleContext().getAccessibleName() == "导入“三会一课”方案"
    assert dialog.control("FromFile").getState()
    assert dialog.control("Notes").getSelectedItem() == "以批注插入"
    assert "选择文件或粘贴文字后" in _preview(dialog)
    assert _status(dialog) == ""


def test_pasted_text_is_previewed_with_its_labels_and_counts_and_confirmed(dialog: ImportDialog) -> None:
    dialog.control("Text").setText(SHORT)
    _call(dialog, "onTextTyped")
    assert dialog.control("FromText").getState()  # text in the box chooses the box
    _call(dialog, "onTextLeft")
    lines = _preview(dialog).split("\n")
    assert lines[:4] == ["2023年10月“三会一课”方案", "一、支委会方案", "　（一）第一议题", "　　1.学习上级文件精神。"]
    assert lines[4] == "　　　〔备注〕联系实际学。"
    assert "二、党课方案" in lines
    assert dialog.control("Counts").getModel().Label == "识别结果：2 部分，1 个标题，3 项，1 条备注。"
    dialog.control("Notes").selectItemPos(1, True)
    _call(dialog, "onOk")
    assert dialog.result is not None
    request, text = dialog.result
    assert (request.source, request.month, request.notes) == (CLIPBOARD, None, NotesMode.BODY)
    assert text == SHORT


def test_a_typed_month_shows_in_the_preview_title_and_goes_into_the_request(dialog: ImportDialog) -> None:
    dialog.control("Text").setText(SHORT)
    _call(dialog, "onTextLeft")
    dialog.control("Month").setText("2023-11")
    _call(dialog, "onMonthLeft")
    assert _preview(dialog).startswith("2023年11月“三会一课”方案\n")
    _call(dialog, "onOk")
    assert dialog.result is not None and dialog.result[0].month == Month(2023, 11)


def test_a_txt_file_typed_is_previewed_and_handed_back_read_once(dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "十月方案.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))  # as an older Windows tool saves it
    dialog.control("File").setText(str(path))
    _call(dialog, "onFileTyped")
    _call(dialog, "onFileLeft")
    assert "识别结果：4 部分" in dialog.control("Counts").getModel().Label
    assert "12 条备注" in dialog.control("Counts").getModel().Label
    assert _preview(dialog).startswith("2023年9月“三会一课”方案\n一、支委会方案\n")
    path.write_text(SHORT, encoding="utf-8")  # changed after the preview: 确定 reads what is there now
    os.utime(path, (1, 1))
    _call(dialog, "onOk")
    assert dialog.result is not None and dialog.result[1] == SHORT


def test_the_text_previewed_is_the_text_handed_back(dialog: ImportDialog, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SHORT, encoding="utf-8")
    dialog.control("File").setText(str(path))
    _call(dialog, "onRefresh")
    assert dialog.previewed is not None
    _call(dialog, "onOk")
    assert dialog.result is not None
    assert dialog.result[1] == SHORT and dialog.result[0].source == str(path)


@pytest.mark.parametrize(("setup", "field", "message"), [
    ("nothing", "File", "请填写文件（File），或按“浏览…”选择文件；也可以选“粘贴文字”。"),
    ("missing", "File", "文件（File）“/no/such/plan.txt”不存在或无法打开。"),
    ("kind", "File", "文件（File）“plan.pdf”不是可导入的文件"),
    ("empty text", "Text", "方案文字（Text）是空的"),
    ("month", "Month", "月份（Month）"),
])
def test_bad_input_names_the_field_and_keeps_the_dialog_open(
        dialog: ImportDialog, tmp_path: Path, setup: str, field: str, message: str) -> None:
    if setup == "missing":
        dialog.control("File").setText("/no/such/plan.txt")
    elif setup == "kind":
        (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4")
        dialog.control("File").setText(str(tmp_path / "plan.pdf"))
    elif setup == "empty text":
        dialog.control("FromText").setState(True)
        dialog.control("Text").setText("   \n")
    elif setup == "month":
        dialog.control("Text").setText(SHORT)
        dialog.control("FromText").setState(True)
        dialog.control("Month").setText("2023-13")
    _call(dialog, "onOk")
    assert dialog.result is None
    assert _status(dialog).startswith(message), _status(dialog)


def test_text_without_a_plan_is_refused_naming_the_box(dialog: ImportDialog) -> None:
    dialog.control("FromText").setState(True)
    dialog.control("Text").setText("\n\n\u200b\n")
    _call(dialog, "onOk")
    assert dialog.result is None
    assert _status(dialog) != ""


def test_the_clipboard_prefills_the_box_only_when_it_holds_a_plan(office: Any, writer: Any) -> None:
    set_clipboard(office, SHORT)
    dlg = _open(office, writer)
    try:
        assert dlg.control("FromText").getState()
        assert dlg.control("Text").getText().replace("\r\n", "\n") == SHORT
        assert dlg.control("Counts").getModel().Label.startswith("识别结果：2 部分")
    finally:
        dlg.dialog.dispose()
    set_clipboard(office, "https://example.org/a-link")
    dlg = _open(office, writer)
    try:
        assert dlg.control("FromFile").getState() and dlg.control("Text").getText() == ""
    finally:
        dlg.dialog.dispose()
        set_clipboard(office, "")


def test_a_source_argument_opens_the_dialog_on_that_file(office: Any, writer: Any, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SHORT, encoding="utf-8")
    dlg = _open(office, writer, {"Source": str(path), "Interactive": True, "Notes": "none"})
    try:
        assert dlg.control("File").getText() == str(path)
        assert dlg.control("Notes").getSelectedItem() == "不插入备注"
        assert _preview(dlg).startswith("2023年10月“三会一课”方案")
    finally:
        dlg.dialog.dispose()


# -- InsertPlan's 方案模板 list ----------------------------------------------------------------------

@pytest.fixture
def saved_template(office: Any) -> Iterator[str]:
    from sanhui.content.recognise import recognise

    pack = recognise("2023年9月方案\n一、支委会方案\n1.学习文件。\n").pack
    store = template_store(office.ctx)
    store.save("只有支委会", pack)
    try:
        yield "只有支委会"
    finally:
        store.delete("只有支委会")


def _plan_dialog(office: Any, writer: Any, values: Mapping[str, object]) -> PlanDialog:
    from datetime import date

    frame = writer.getCurrentController().getFrame()
    return office.call(PlanDialog, office.ctx, frame, "zh", values, date(2023, 9, 1))  # type: ignore[no-any-return]


def test_the_template_list_has_the_built_in_plan_and_the_saved_ones(
        office: Any, writer: Any, saved_template: str) -> None:
    dlg = _plan_dialog(office, writer, {"Meeting": "month", "Month": "2023-09"})
    try:
        items = dlg.control("Template").getItems()
        assert items[0] == "内置方案（2023年9月种子方案）" and saved_template in items
        assert dlg.control("Template").getSelectedItemPos() == 0
        dlg.control("Template").selectItem(saved_template, True)
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is not None and dlg.result.template == saved_template
    finally:
        dlg.dialog.dispose()


def test_a_template_without_the_meeting_is_said_in_the_dialog(office: Any, writer: Any, saved_template: str) -> None:
    dlg = _plan_dialog(office, writer, {"Meeting": "lecture", "Month": "2023-09", "Template": saved_template})
    try:
        assert dlg.control("Template").getSelectedItem() == saved_template  # the argument is preselected
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is None
        assert dlg.control("Status").getModel().Label.startswith("方案模板“只有支委会”中没有党课部分")
        dlg.control("Template").selectItemPos(0, True)  # the built-in plan has every meeting
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is not None and dlg.result.template == "内置方案"
    finally:
        dlg.dialog.dispose()


def test_a_template_named_that_is_not_saved_is_listed_as_gone_and_refused(office: Any, writer: Any) -> None:
    dlg = _plan_dialog(office, writer, {"Meeting": "month", "Month": "2023-09", "Template": "没有这个"})
    try:
        assert dlg.control("Template").getSelectedItem() == "没有这个（已不存在）"
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is None and "没有这个" in dlg.control("Status").getModel().Label
    finally:
        dlg.dialog.dispose()


def test_insert_plan_with_the_built_in_name_inserts_the_seed(office: Any, writer: Any, saved_template: str) -> None:
    from sanhui.office.settings import save_default_template

    office.call(save_default_template, office.ctx, saved_template)
    try:
        state, result = office.dispatch(writer, "sanhui:InsertPlan", {"Month": "2023-09", "Template": "内置方案"})
        assert state == 1, result
        assert "党课方案" in office.call(lambda: writer.getText().getString())
    finally:
        office.call(save_default_template, office.ctx, "")
