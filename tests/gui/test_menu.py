"""The 三会一课 menu as a person sees it: in Writer's real menu bar only; a click asks for the details, then inserts.

The menu bar is read through the window's accessibility tree (what is drawn, including the merged
add-on menus, which the menu bar's UNO settings do not list) and driven with real X key events
(F10, Right, Down, Return via xdotool), see devtools.xvfb.MenuDriver. Which command an item runs is
seen by a dispatch interceptor on the frame that records the URL the menu dispatches.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Tuple

import pytest

from devtools.xvfb import DialogDriver, MenuDriver, read_menu_bar, wait_for

if TYPE_CHECKING:
    from devtools.office import Office
    from devtools.xvfb import Xvfb

pytestmark = pytest.mark.timeout(180)

MENU_ZH = "三会一课"
MENU_EN = "Party Meetings"
DIALOG_ZH = "插入“三会一课”方案"
#: The menu's entries in order: (label, command URL); (None, None) is the separator.
ITEMS_ZH: List[Tuple[Optional[str], Optional[str]]] = [
    ("插入支委会方案", "sanhui:InsertPlan?Meeting=committee"),
    ("插入党员大会方案", "sanhui:InsertPlan?Meeting=general"),
    ("插入党小组会方案", "sanhui:InsertPlan?Meeting=group"),
    ("插入党课方案", "sanhui:InsertPlan?Meeting=lecture"),
    (None, None),
    ("插入整月“三会一课”方案", "sanhui:InsertPlan?Meeting=month"),
    ("插入年度安排", "sanhui:InsertAnnualPlan"),
    ("导入方案…", "sanhui:ImportPlan"),
    ("整理为方案格式", "sanhui:FormatAsPlan"),
    ("保存为方案模板", "sanhui:SavePlanTemplate"),
    (None, None),
    ("插入会议通知", "sanhui:InsertNotice"),
    ("插入签到表", "sanhui:InsertSignIn"),
    ("插入会议记录", "sanhui:InsertRecord"),
    (None, None),
    ("插入联建会议纪要", "sanhui:InsertMinutes"),
    ("会签联建会议纪要", "sanhui:Countersign"),
    ("核验会签", "sanhui:VerifyMinutes"),
    (None, None),
    ("插入对标提高任务清单", "sanhui:InsertBenchmark"),
    ("更新完成情况统计", "sanhui:UpdateTaskSummary"),
    (None, None),
    ("生成任务台账", "sanhui:TaskLedger"),
    ("生成“三会一课”台账", "sanhui:MeetingLedger"),
    ("插入上月落实情况检查", "sanhui:InsertReview"),
]
LABELS_EN = [
    "Insert Branch Committee Plan",
    "Insert General Meeting Plan",
    "Insert Party Group Meeting Plan",
    "Insert Party Lecture Plan",
    None,
    "Insert Whole Month Plan",
    "Insert the Year's Schedule",
    "Import a Plan…",
    "Format as Plan",
    "Save Plan as Template",
    None,
    "Insert Meeting Notice",
    "Insert Sign-in Sheet",
    "Insert Meeting Record",
    None,
    "Insert Joint Minutes",
    "Countersign Minutes",
    "Verify Countersigned Minutes",
    None,
    "Insert Benchmarking Task List",
    "Update Task Summary",
    None,
    "Make Task Ledger",
    "Make Meetings Ledger",
    "Insert Last Month's Check",
]


def _frame(office: Office, doc: Any) -> Any:
    return office.call(lambda: doc.getCurrentController().getFrame(), timeout=30)


def _module(office: Office, frame: Any) -> str:
    manager = office.create("com.sun.star.frame.ModuleManager")
    return office.call(manager.identify, frame, timeout=30)


def _titles(office: Office, frame: Any, timeout: float = 15.0) -> List[str]:
    """Titles of the frame's menu bar once it has some (bounded)."""
    bar = wait_for("a menu bar", lambda: office.call(read_menu_bar, frame, timeout=30) or None, timeout)
    return [title for title, _ in bar]


def _text(office: Office, doc: Any) -> str:
    return office.call(lambda: doc.getText().getString(), timeout=30)


def _list_labels(office: Office, doc: Any) -> List[Tuple[str, str]]:
    """(ListLabelString, text) of every body paragraph."""

    def read() -> List[Tuple[str, str]]:
        found = []
        paragraphs = doc.getText().createEnumeration()
        while paragraphs.hasMoreElements():
            paragraph = paragraphs.nextElement()
            if paragraph.supportsService("com.sun.star.text.Paragraph"):
                found.append((paragraph.ListLabelString, paragraph.getString()))
        return found

    return office.call(read, timeout=30)


@contextlib.contextmanager
def recorded_dispatches(office: Office, frame: Any) -> Iterator[List[str]]:
    """Intercept the frame's sanhui: dispatches: record each URL the UI dispatches, run nothing."""
    import unohelper
    from com.sun.star.frame import XDispatchProviderInterceptor, XNotifyingDispatch

    urls: List[str] = []

    class Recorder(unohelper.Base, XNotifyingDispatch):  # type: ignore[misc]
        def dispatch(self, url: Any, arguments: Any) -> None:
            urls.append(url.Complete)

        def dispatchWithNotification(self, url: Any, arguments: Any, listener: Any) -> None:
            urls.append(url.Complete)

        def addStatusListener(self, listener: Any, url: Any) -> None:
            pass

        def removeStatusListener(self, listener: Any, url: Any) -> None:
            pass

    class Interceptor(unohelper.Base, XDispatchProviderInterceptor):  # type: ignore[misc]
        def __init__(self) -> None:
            self.slave: Any = None
            self.master: Any = None

        def getSlaveDispatchProvider(self) -> Any:
            return self.slave

        def setSlaveDispatchProvider(self, provider: Any) -> None:
            self.slave = provider

        def getMasterDispatchProvider(self) -> Any:
            return self.master

        def setMasterDispatchProvider(self, provider: Any) -> None:
            self.master = provider

        def queryDispatch(self, url: Any, target: str, flags: int) -> Any:
            if url.Complete.startswith("sanhui:"):
                return Recorder()
            return self.slave.queryDispatch(url, target, flags) if self.slave is not None else None

        def queryDispatches(self, requests: Any) -> Tuple[Any, ...]:
            return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags) for r in requests)

    interceptor = Interceptor()
    office.call(frame.registerDispatchProviderInterceptor, interceptor, timeout=30)
    try:
        yield urls
    finally:
        with contextlib.suppress(Exception):  # the office may be gone after a timeout
            office.call(frame.releaseDispatchProviderInterceptor, interceptor, timeout=30)


def _screenshot_hint(xvfb: Xvfb, folder: Path, name: str) -> str:
    """Save the screen for a failure message (best effort)."""
    try:
        return f" (screen: {xvfb.screenshot(folder / name)})"
    except Exception as exc:
        return f" (no screenshot: {exc})"


def test_writer_menu_bar_has_the_menu_with_its_items(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    frame = _frame(gui_office, writer)
    driver = MenuDriver(xvfb, gui_office, frame)
    bar = driver.menu_bar()
    titles = [title for title, _ in bar]
    assert titles.count(MENU_ZH) == 1, titles
    # LibreOffice puts add-on menus just before 窗口 (Window); the built-in ones stay in Chinese.
    assert titles.index(MENU_ZH) == titles.index("窗口") - 1, titles
    assert dict(bar)[MENU_ZH] == [label for label, _ in ITEMS_ZH]

    # Each item, chosen with real keys, dispatches its URL (recorded, not run: the document stays empty).
    expected = [(label, url) for label, url in ITEMS_ZH if label is not None]
    try:
        with recorded_dispatches(gui_office, frame) as urls:
            for count, (label, url) in enumerate(expected, 1):
                assert label is not None
                driver.choose(MENU_ZH, label)
                wait_for(f"{label} to dispatch {url}", lambda n=count: len(urls) >= n or None, 10)
    except Exception as exc:
        raise AssertionError(f"{exc}{_screenshot_hint(xvfb, tmp_path, 'menu.png')}") from exc
    finally:
        driver.close_menus()
    assert urls == [url for _, url in expected]
    assert _text(gui_office, writer) == ""


def test_a_real_click_asks_for_the_details_then_inserts_the_lecture_plan(
    gui_office: Office, xvfb: Xvfb, writer: Any, tmp_path: Path
) -> None:
    """The item opens the 插入“三会一课”方案 dialog on 党课; a real click on 确定 inserts the plan."""
    frame = _frame(gui_office, writer)
    driver = MenuDriver(xvfb, gui_office, frame)
    started = time.monotonic()
    try:
        before = xvfb.windows()
        driver.choose(MENU_ZH, "插入党课方案")
        with DialogDriver.opened(xvfb, gui_office, DIALOG_ZH, before) as dialog:
            assert dialog.fields()["会议类型"] == "党课"
            assert _text(gui_office, writer) == ""  # nothing yet: the dialog comes first
            dialog.click_to_close("确定")
        wait_for("the lecture plan in the document", lambda: "党课方案" in _text(gui_office, writer) or None, 20)
    except Exception as exc:
        raise AssertionError(f"{exc}{_screenshot_hint(xvfb, tmp_path, 'click.png')}") from exc
    finally:
        driver.close_menus()
    elapsed = time.monotonic() - started
    text = _text(gui_office, writer)
    assert "对标“老大哥”，争当“排头兵”。" in text
    assert ("四、", "党课方案") in _list_labels(gui_office, writer)
    log = gui_office.profile_dir / "user" / "sanhui" / "sanhui.log"
    assert "InsertPlan ok" in log.read_text(encoding="utf-8").splitlines()[-1]
    assert elapsed < 20


@pytest.mark.parametrize(
    ("factory", "module"),
    [
        ("private:factory/scalc", "com.sun.star.sheet.SpreadsheetDocument"),
        ("private:factory/simpress", "com.sun.star.presentation.PresentationDocument"),
    ],
    ids=["calc", "impress"],
)
def test_other_applications_have_no_such_menu(gui_office: Office, factory: str, module: str) -> None:
    from devtools.office import props

    try:
        doc = gui_office.call(
            lambda: gui_office.desktop.loadComponentFromURL(factory, "_blank", 0, props(Hidden=False)), timeout=60
        )
    except Exception as exc:
        doc, error = None, f": {exc}"
    else:
        error = ""
    if doc is None:
        package = {"scalc": "libreoffice-calc", "simpress": "libreoffice-impress"}[factory.rsplit("/", 1)[1]]
        pytest.fail(f"{factory} did not load{error}; is {package} installed (tools/setup-system.sh)?")
    try:
        frame = _frame(gui_office, doc)
        assert _module(gui_office, frame) == module
        titles = _titles(gui_office, frame)
        assert "文件" in titles and "帮助" in titles, titles  # a real, complete menu bar was read
        assert MENU_ZH not in titles and MENU_EN not in titles, titles
    finally:
        gui_office.close(doc)


def test_the_start_center_has_no_such_menu(gui_office: Office) -> None:
    """Closing the only document (File ▸ Close, .uno:CloseDoc) turns its window into the Start Center."""
    frames = gui_office.call(lambda: gui_office.desktop.getFrames().getCount(), timeout=30)
    assert frames == 0, "the Start Center appears only when the last document closes: a test left a window open"
    doc = gui_office.new_writer()
    frame = _frame(gui_office, doc)
    try:
        writer_titles = _titles(gui_office, frame)
        assert MENU_ZH in writer_titles
        state, _ = gui_office.dispatch(frame, ".uno:CloseDoc")
        assert state == 1
        assert _module(gui_office, frame) == "com.sun.star.frame.StartModule"
        def start_center_titles() -> Optional[List[str]]:
            titles = [title for title, _ in gui_office.call(read_menu_bar, frame, timeout=30)]
            return titles if titles and titles != writer_titles else None

        titles = wait_for("the Start Center's menu bar", start_center_titles, 15)
        assert "文件" in titles and "帮助" in titles, titles
        assert MENU_ZH not in titles and MENU_EN not in titles, titles
    finally:
        with contextlib.suppress(Exception):
            gui_office.call(lambda: frame.close(True), timeout=30)


def test_english_ui_shows_english_labels(gui_office_en: Office) -> None:
    """A second office with an en-US UI: the menu and its items in English, in the same order."""
    doc = gui_office_en.new_writer()
    try:
        frame = _frame(gui_office_en, doc)
        bar = wait_for("a menu bar", lambda: gui_office_en.call(read_menu_bar, frame, timeout=30) or None, 15)
        titles = [title for title, _ in bar]
        assert "File" in titles, titles  # the whole UI is English, not only our menu
        assert MENU_EN in titles and MENU_ZH not in titles, titles
        assert dict(bar)[MENU_EN] == LABELS_EN
    finally:
        gui_office_en.close(doc)
