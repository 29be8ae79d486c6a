"""Tools › Options › 三会一课 › 方案模板 as a person sees it: the real Options dialog in a real window,
opened on the page, the list read through accessibility, a template chosen with a real click, 设为默认
and 确定 clicked; the default is then read back from the configuration.
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, Any, Iterator, List, Tuple

import pytest

from devtools.options_dialog import OptionsDialog
from devtools.xvfb import wait_for
from sanhui.content.pack import ContentPack
from sanhui.model.plan import Entry, Part
from sanhui.office.settings import load_default_template, save_default_template
from sanhui.plan_templates import TemplateStore
from tests.gui.window import options_dialog

if TYPE_CHECKING:
    from pathlib import Path

    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(300)

TEMPLATES_LEAF = "org.sanhui.writer.PlanTemplates"  # (devtools.options_dialog names the first three)
BUILT_IN = "内置方案（2023年9月种子方案）"


def small_pack(word: str) -> ContentPack:
    return ContentPack(title="{month}主题党日方案",
                       parts=(Part(None, Entry(text="主题党日", children=(Entry(text=word),))),))


@pytest.fixture
def store(gui_office: Office) -> Iterator[TemplateStore]:
    """Two saved templates and the built-in plan the default; none after the test."""
    # (From the profile: settings.templates_folder keeps the first office's path for the process.)
    store = TemplateStore(gui_office.profile_dir / "user" / "sanhui" / "templates")

    def reset() -> None:
        for name in store.names():
            store.delete(name)
        gui_office.call(save_default_template, gui_office.ctx, "")

    reset()
    store.save("九月方案", small_pack("九月"))
    store.save("十月方案", small_pack("十月"))
    yield store
    if gui_office.alive:
        reset()


def _selected(context: Any) -> bool:
    """Whether an accessible item is selected (a state set in LibreOffice 7.4, bit flags later)."""
    import uno

    flag = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.SELECTED")
    states = context.getAccessibleStateSet()
    if isinstance(states, int):  # later versions: the states are bits of one number
        return bool(states & flag)
    return flag in states.getStates()


def list_entries(options: OptionsDialog) -> List[Tuple[str, bool]]:
    """The page's list as drawn: each entry's text and whether it is highlighted."""
    from devtools.options_dialog import _role, _walk

    item = _role("LIST_ITEM")

    def read() -> List[Tuple[str, bool]]:
        return [(str(c.getAccessibleName()), _selected(c)) for c in _walk(options._dialog())
                if c.getAccessibleRole() == item]

    return options.office.call(read, timeout=30)  # type: ignore[no-any-return]


def choose(options: OptionsDialog, name: str) -> None:
    """A real click on the entry until the page shows it chosen (its name in 新名称: the handler
    heard the click), three clicks at most."""
    for _ in range(3):
        options.click(("LIST_ITEM",), name)
        with contextlib.suppress(TimeoutError):
            wait_for(f"{name!r} chosen", lambda: options.fields().get("新名称") == name or None, 4)
            return
    raise TimeoutError(f"{name!r} not chosen after three clicks")


def answer_yes(options: OptionsDialog, box: int) -> None:
    """Click 是 in the message box `box` (a real click on the button found through accessibility)
    until the box is gone; three clicks at most."""
    from devtools.options_dialog import _role, _walk

    alert, button = _role("ALERT"), _role("PUSH_BUTTON")

    def where() -> Tuple[int, int]:
        toolkit = options.office.create("com.sun.star.awt.Toolkit")
        for index in range(toolkit.getTopWindowCount()):
            context = toolkit.getTopWindow(index).getAccessibleContext()
            if context is None or context.getAccessibleRole() != alert:
                continue
            for c in _walk(context):
                if c.getAccessibleRole() == button and str(c.getAccessibleName()).startswith("是"):
                    point, size = c.getLocationOnScreen(), c.getSize()
                    return point.X + size.Width // 2, point.Y + size.Height // 2
        raise LookupError("no 是 button in a message box")

    for _ in range(3):
        left, top = options.office.call(where, timeout=30)
        options.x.focus(box)
        options.x.xdotool("mousemove", str(left), str(top))
        time.sleep(0.1)
        options.x.xdotool("click", "1")
        with contextlib.suppress(TimeoutError):
            wait_for("the box to close", lambda: box not in options.x.windows() or None, 4)
            return
    raise TimeoutError("the message box took no click on 是")


def test_a_template_chosen_on_the_page_becomes_the_default(
    gui_office: Office, xvfb: Xvfb, writer: Any, store: TemplateStore, tmp_path: Path
) -> None:
    with options_dialog(gui_office, xvfb, writer, tmp_path, TEMPLATES_LEAF) as options:
        assert options.title() == "选项 - 三会一课 - 方案模板"
        assert list_entries(options) == [(BUILT_IN, True), ("九月方案", False), ("十月方案", False)]
        assert options.fields()["默认模板"] == BUILT_IN
        assert options.status() == "已保存 2 个方案模板。"
        choose(options, "十月方案")
        for _ in range(3):  # a click on a button can be lost (see devtools.options_dialog)
            options.press("设为默认")
            with contextlib.suppress(TimeoutError):
                wait_for("the default chosen", lambda: options.fields()["默认模板"] == "十月方案" or None, 5)
                break
        assert options.status() == "已选“十月方案”为默认模板，按“确定”或“应用”后保存。"
        assert gui_office.call(load_default_template, gui_office.ctx) == ""  # not before OK
        options.press("确定")
        options.wait_closed()
    assert gui_office.call(load_default_template, gui_office.ctx) == "十月方案"
    assert store.names() == ["九月方案", "十月方案"]
    # Opened again: the saved default is the one selected and shown.
    with options_dialog(gui_office, xvfb, writer, tmp_path, TEMPLATES_LEAF) as options:
        assert options.fields()["默认模板"] == "十月方案"
        assert ("十月方案", True) in list_entries(options)
        options.press("取消")
        options.wait_closed()


def test_delete_asks_and_acts_at_once(
    gui_office: Office, xvfb: Xvfb, writer: Any, store: TemplateStore, tmp_path: Path
) -> None:
    """删除 asks in a 是/否 box (否 the default); 是 deletes at once, and 取消 does not bring it back."""
    gui_office.call(save_default_template, gui_office.ctx, "九月方案")
    with options_dialog(gui_office, xvfb, writer, tmp_path, TEMPLATES_LEAF) as options:
        choose(options, "九月方案")
        before = xvfb.windows()
        options.press("删除")
        box, message = options.message_box(before)
        assert message == ("三会一课: 确定删除方案模板“九月方案”吗？删除后不能恢复，按“取消”关闭选项也不能撤销。")
        answer_yes(options, box)
        wait_for("the template deleted", lambda: store.names() == ["十月方案"] or None, 10)
        wait_for("the status line", lambda: options.status().startswith("已删除方案模板“九月方案”") or None, 10)
        assert options.status() == "已删除方案模板“九月方案”（立即生效）。它原是默认模板，现在默认使用内置方案。"
        assert [name for name, _ in list_entries(options)] == [BUILT_IN, "十月方案"]
        options.press("取消")  # (under Xvfb the page takes no click after a message box)
        options.wait_closed()
    assert store.names() == ["十月方案"]
    assert gui_office.call(load_default_template, gui_office.ctx) == ""
