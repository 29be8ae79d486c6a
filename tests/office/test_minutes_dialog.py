"""The InsertMinutes dialog from the INSTALLED extension's XDL, filled through its controls:
items added and removed as rows, bad input said in the dialog, the request built on OK."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

import pytest

from sanhui.office.minutes_dialog import MinutesDialog
from tests.office.docs import paragraphs

TODAY = date(2023, 9, 26)


@pytest.fixture
def dialog(office: Any, writer: Any) -> Iterator[MinutesDialog]:
    frame = writer.getCurrentController().getFrame()
    dlg = office.call(MinutesDialog, office.ctx, frame, "zh",
                      {"BranchA": "机关第一党支部", "SecretaryA": "王明"}, TODAY)
    try:
        yield dlg
    finally:
        dlg.dialog.dispose()


def _type(dlg: MinutesDialog, **values: str) -> None:
    for name, value in values.items():
        dlg.control(name).setText(value)


def test_title_labels_and_prefill(dialog: MinutesDialog) -> None:
    assert dialog.dialog.getAccessibleContext().getAccessibleName() == "插入联建会议纪要"
    assert dialog.control("lblBranchB").getPeer().getText() == "联建支部"
    assert dialog.control("BranchA").getText() == "机关第一党支部"
    assert dialog.control("Theme").getItems() == ("科技创新", "区域发展", "风险防范")


def test_items_are_added_checked_and_removed_as_rows(dialog: MinutesDialog) -> None:
    _type(dialog, ItemText="建立联合攻关小组", ItemOwner="张三", ItemDeadline="10月31日")
    dialog.callHandlerMethod(dialog.dialog, None, "onAddItem")
    _type(dialog, ItemText="共享培训资源", ItemOwner="李四", ItemDeadline="下月底")
    dialog.callHandlerMethod(dialog.dialog, None, "onAddItem")
    assert "完成时限（Deadline）“下月底”无法识别" in dialog.control("Status").getModel().Label
    _type(dialog, ItemDeadline="2023-11-30")
    dialog.callHandlerMethod(dialog.dialog, None, "onAddItem")
    items = dialog.control("ItemList")
    assert items.getItems() == ("1. 建立联合攻关小组　张三　2023年10月31日", "2. 共享培训资源　李四　2023年11月30日")
    items.selectItemPos(0, True)
    dialog.callHandlerMethod(dialog.dialog, None, "onRemoveItem")
    assert items.getItems() == ("1. 共享培训资源　李四　2023年11月30日",)


def test_ok_builds_the_minutes_or_names_the_field(dialog: MinutesDialog) -> None:
    _type(dialog, BranchB="生产一线党支部", SecretaryB="王明", Theme="科技创新", Present="王明、李强")
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")
    assert dialog.result is None and "联建支部书记（SecretaryB）" in dialog.control("Status").getModel().Label
    _type(dialog, SecretaryB="李强", ItemText="互派骨干", ItemOwner="王五", ItemDeadline="2023-12-31")
    dialog.callHandlerMethod(dialog.dialog, None, "onOk")  # a typed, not yet added item is added for the user
    assert dialog.result is not None
    minutes = dialog.result.minutes
    assert minutes.title() == "机关第一党支部与生产一线党支部联建会议纪要"
    assert [(i.text, i.deadline) for i in minutes.items] == [("互派骨干", "2023年12月31日")]
    assert minutes.present == ("王明", "李强")


def test_the_time_is_shown_as_understood_when_the_field_is_left(dialog: MinutesDialog) -> None:
    _type(dialog, Date="9月26日下午3点")
    dialog.callHandlerMethod(dialog.dialog, None, "onDateLeft")
    assert dialog.control("Date").getText() == "2023年9月26日 15:00"
    _type(dialog, Date="9月31日")  # cannot be read: left as typed, 确定 names it
    dialog.callHandlerMethod(dialog.dialog, None, "onDateLeft")
    assert dialog.control("Date").getText() == "9月31日"


def test_a_click_under_headless_is_a_cancel(office: Any, writer: Any) -> None:
    state, result = office.dispatch(writer, "sanhui:InsertMinutes")
    assert (state, result) == (1, "已取消，文档未作更改。")
    assert [p.text for p in paragraphs(writer)] == [""]
