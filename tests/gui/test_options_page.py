"""Tools › Options › 三会一课 › 支部信息 as a person sees it: the real Options dialog in a real window,
opened on our page (`.uno:OptionsTreeDialog` with `OptionsPageURL`), filled from the saved profile,
typed into with real keys (Chinese too), confirmed, applied, reset or cancelled with real clicks
(devtools.options_dialog.OptionsDialog); the profile is then read back from the configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from devtools.xvfb import wait_for
from sanhui.model.profile import BranchProfile, PartyGroup
from sanhui.office.settings import load_profile
from tests.gui.window import options_dialog, profile_saved

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(240)

SAVED = BranchProfile(branch="机关第一党支部", secretary="王书记", member_count=23,
                      groups=(PartyGroup("第一党小组", "张三"),), place="三楼党员活动室")
BAD_COUNT = "正式党员人数（MemberCount）应为 0 到 10000 之间的整数，收到的是“abc”。"


@pytest.fixture
def saved(gui_office: Office) -> Iterator[BranchProfile]:
    """SAVED as the profile during the test, an empty one after it (the plan dialog's tests read it)."""
    with profile_saved(gui_office, SAVED) as profile:
        yield profile


def _profile(office: Office) -> BranchProfile:
    return office.call(load_profile, office.ctx)


def test_the_page_opens_filled_from_the_profile_and_cancel_keeps_it(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path) as options:
        assert options.title() == "选项 - 三会一课 - 支部信息"
        assert "支部信息" in options.selected_page()
        assert options.fields() == {"支部名称": "机关第一党支部", "书记": "王书记", "组织委员": "",
                                    "正式党员人数": "23", "常用会议地点": "三楼党员活动室"}
        assert options.multi_line_text("党小组") == "第一党小组 张三"
        labels = options.labels()
        assert labels[1:5] == ["支部名称", "书记", "组织委员", "正式党员人数"]
        assert "不足7人的支部不设支委会" in labels and "常用会议地点" in labels
        assert options.status() == ""
        options.type_into("书记", "赵书记")
        options.press("取消")
        options.wait_closed()  # (the dispatch reports State 0 after OK and Cancel alike)
    assert _profile(gui_office) == saved


def test_typed_with_real_keys_and_ok_saves_the_profile(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path) as options:
        options.type_into("组织委员", "李委员")
        options.type_into("正式党员人数", "6")
        options.type_into("党小组", "第一党小组 张三\n第二党小组：李四")
        options.type_into("常用会议地点", "二楼会议室")
        options.press("确定")
        options.wait_closed()
    assert _profile(gui_office) == BranchProfile(
        branch="机关第一党支部", secretary="王书记", organizer="李委员", member_count=6,
        groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四")), place="二楼会议室")
    # Opened again, the page shows what was saved, and what it means for the plans.
    with options_dialog(gui_office, xvfb, writer, tmp_path) as again:
        assert again.fields()["组织委员"] == "李委员"
        assert again.multi_line_text("党小组") == "第一党小组 张三\n第二党小组 李四"
        assert again.status() == "正式党员不足7人的支部不设支委会：整月方案将不含支委会方案。"


def test_a_bad_member_count_is_shown_and_the_old_profile_kept(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path) as options:
        options.type_into("书记", "赵书记")
        options.type_into("正式党员人数", "abc")
        # Apply: a message box; once it is closed the dialog is still open, the message on the page.
        before = xvfb.windows()
        options.press("应用")
        box, message = options.message_box(before)
        assert message == f"三会一课: {BAD_COUNT}\n支部信息未保存，仍为原来的设置。"
        options.close_box(box)
        assert options.status() == BAD_COUNT
        assert options.fields()["正式党员人数"] == "abc"  # what was typed is still there to correct
        assert options.fields()["书记"] == "赵书记"
        assert _profile(gui_office) == saved
        # OK: the box again, then the dialog closes, and the old profile is kept whole.
        before = xvfb.windows()
        options.press("确定")
        box, message = options.message_box(before)
        assert message.startswith(f"三会一课: {BAD_COUNT}")
        options.close_box(box)
        options.wait_closed()
    assert _profile(gui_office) == saved


def test_reset_brings_back_the_saved_profile(
    gui_office: Office, xvfb: Xvfb, writer: Any, saved: BranchProfile, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path) as options:
        options.type_into("支部名称", "第二党支部")
        options.type_into("正式党员人数", "x")
        options.press("重置")
        wait_for("Reset to refill the page", lambda: options.fields()["支部名称"] == "机关第一党支部" or None, 10)
        assert options.fields()["正式党员人数"] == "23"
        options.press("取消")
        options.wait_closed()
    assert _profile(gui_office) == saved
