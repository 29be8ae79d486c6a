"""The 生成任务台账 / 插入上月检查 dialog from the INSTALLED extension's XDL, and the progress
window's 取消, driven through their controls and handlers over the bridge (headless).
tests/gui/test_ledger_dialog.py clicks the same in a real window."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterator, Mapping

import pytest

from sanhui.dates import Month
from sanhui.office.ledger_command import _month, _source
from sanhui.office.ledger_dialog import LedgerDialog
from sanhui.office.progress import FolderProgress
from tests.office.docs import paragraphs

TODAY = date(2023, 10, 8)


def _open(office: Any, writer: Any, values: Mapping[str, object], review: bool) -> LedgerDialog:
    frame = writer.getCurrentController().getFrame()
    check = (lambda v: (_month(v, TODAY), _source(v))) if review else _source
    return office.call(LedgerDialog, office.ctx, frame, "zh", values, review, check)


@pytest.fixture
def ledger_dialog(office: Any, writer: Any) -> Iterator[LedgerDialog]:
    dlg = _open(office, writer, {}, review=False)
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def test_the_ledger_dialog_reads_this_document_by_default(ledger_dialog: LedgerDialog) -> None:
    assert ledger_dialog.dialog.getAccessibleContext().getAccessibleName() == "生成任务台账"
    assert ledger_dialog.control("Month") is None  # the month is only the check's
    assert ledger_dialog.control("SourceLine").getModel().PositionY == 8  # what was under it moved up
    assert ledger_dialog.control("FromDocument").getState()
    ledger_dialog.callHandlerMethod(ledger_dialog.dialog, None, "onOk")
    assert ledger_dialog.result == {"Source": "document"}


def test_a_folder_option_without_a_folder_names_the_field(ledger_dialog: LedgerDialog) -> None:
    ledger_dialog.control("FromFolder").setState(True)
    ledger_dialog.callHandlerMethod(ledger_dialog.dialog, None, "onOk")
    assert ledger_dialog.result is None
    assert ledger_dialog.control("Status").getModel().Label == "请填写文件夹（Folder），或选择“当前文档”。"


def test_a_folder_that_is_not_there_is_named_and_typing_one_chooses_the_folder_option(
    ledger_dialog: LedgerDialog, tmp_path: Path
) -> None:
    ledger_dialog.control("Folder").setText("/no/such/folder")
    ledger_dialog.callHandlerMethod(ledger_dialog.dialog, None, "onFolderTyped")
    assert ledger_dialog.control("FromFolder").getState()
    ledger_dialog.callHandlerMethod(ledger_dialog.dialog, None, "onOk")
    assert ledger_dialog.result is None
    assert ledger_dialog.control("Status").getModel().Label == "文件夹（Folder）“/no/such/folder”不是文件夹。"
    ledger_dialog.control("Folder").setText(str(tmp_path))
    ledger_dialog.callHandlerMethod(ledger_dialog.dialog, None, "onOk")
    assert ledger_dialog.result == {"Source": str(tmp_path)}


def test_the_review_dialog_asks_for_the_plans_month(office: Any, writer: Any, tmp_path: Path) -> None:
    dlg = _open(office, writer, {"Month": "2023年10月", "Source": "file://" + str(tmp_path)}, review=True)
    try:
        assert dlg.dialog.getAccessibleContext().getAccessibleName() == "插入上月学习贯彻落实情况检查"
        assert dlg.control("Month").getText() == "2023年10月"
        assert dlg.control("FromFolder").getState() and dlg.control("Folder").getText() == str(tmp_path)
        dlg.control("Month").setText("2023年13月")
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result is None and "月份" in dlg.control("Status").getModel().Label
        dlg.control("Month").setText("2023-10")
        dlg.callHandlerMethod(dlg.dialog, None, "onOk")
        assert dlg.result == {"Source": str(tmp_path), "Month": "2023-10"}
        assert _month(dlg.result, TODAY) == Month(2023, 10)
    finally:
        dlg.dialog.dispose()


def test_a_click_under_headless_is_a_cancel_and_opens_nothing(office: Any, writer: Any) -> None:
    before = _count(office)
    assert office.dispatch(writer, "sanhui:TaskLedger") == (1, "已取消，文档未作更改。")
    assert office.dispatch(writer, "sanhui:InsertReview") == (1, "已取消，文档未作更改。")
    assert _count(office) == before and [p.text for p in paragraphs(writer)] == [""]


def test_the_progress_window_stops_at_its_cancel_button(office: Any, writer: Any) -> None:
    frame = writer.getCurrentController().getFrame()
    progress = office.call(FolderProgress, office.ctx, frame, "zh", 3, True)
    with progress:
        assert progress.dialog.getAccessibleContext().getAccessibleName() == "正在汇总事项"
        assert progress.step(1, "纪要1.odt")
        assert progress.dialog.getControl("What").getModel().Label == "正在读取第 1/3 个文件：纪要1.odt"
        progress.callHandlerMethod(progress.dialog, None, "onStop")
        assert not progress.step(2, "纪要2.odt")
    assert progress.dialog is None  # closed and disposed on the way out


def _count(office: Any) -> int:
    components = office.desktop.getComponents().createEnumeration()
    count = 0
    while components.hasMoreElements():
        components.nextElement()
        count += 1
    return count
