"""Screenshots for the docs, taken from a real LibreOffice window (`make screenshots`).

    python tools/screenshots.py --out docs

starts a private Xvfb and an office (zh-CN UI, fresh profile) with build/sanhui.oxt, opens the 三会一课
menu with real key presses (as tests/gui does) and saves <out>/menu.png; then inserts the month plan
for 2023-09 and saves <out>/plan-window.png, the document with the plan and its comments; then opens
the 插入“三会一课”方案 dialog from the menu over it, types a meeting's details with real keys and saves
<out>/plan-dialog.png, and with an impossible date confirmed, <out>/plan-dialog-error.png (the red
message). The dialog is cancelled: the document is not changed by it. Last, <out>/options.png: Tools ›
Options opened on 三会一课 › 支部信息 with an example branch profile (the dialog is cancelled).

Then, in a second document, it opens 插入联建会议纪要 from the menu, types two branches' meeting and
adds two agreed items (添加事项, real clicks) and saves <out>/minutes-dialog.png; confirms, moves the
view to the end of the minutes and saves <out>/minutes.png (the items table and the countersign
block); then, the <prompts> filled in and the cursor in the items table, chooses 会签联建会议纪要 and
核验会签 from the menu and saves <out>/verify.png (the message box over the signed block). In a third,
it opens 插入对标提高任务清单, types the benchmark unit and the meeting, pastes two task rows (ctrl+v of
lines copied from a spreadsheet), clicks 按行添加 and saves <out>/benchmark-dialog.png (cancelled).
Last, with the demo's branch profile (tools/demo.py: 24 members on the roll) saved, it opens
插入会议通知, 插入签到表 and 插入会议记录 and saves <out>/notice-dialog.png, <out>/sign-in-dialog.png
(the names from the roll) and <out>/record-dialog.png, each with a meeting's details typed in; and
生成任务台账 with a folder typed, <out>/ledger-dialog.png; and the roll on Tools › Options › 三会一课 ›
党员名册, <out>/options-roster.png. These dialogs are cancelled. Last, three example plan templates saved
and one of them the default, Tools › Options › 三会一课 › 方案模板, <out>/options-templates.png (cancelled;
the templates are deleted again). And 导入方案… with a month's guidance notice
(tests/data/2024-03-guidance-notice.txt) pasted into its box and previewed, <out>/import-dialog.png
(cancelled). Last, make demo's documents are written again and the first and last pages of the 2023
三会一课台账's PDF saved as <out>/meeting-ledger.png and <out>/meeting-ledger-chart.png (its chart).

`--only plan import ledger` takes only those groups (plan: plan-dialog.png and plan-dialog-error.png;
import: import-dialog.png), for a change to one dialog without redrawing every picture.
Every wait is bounded; the office and the X server are stopped whatever happens.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, List, Optional, Tuple

from devtools.prompts import fill_prompts
from devtools.xvfb import DialogDriver, MenuDriver, MessageBoxDriver, Xvfb, wait_for

REPO_ROOT = Path(__file__).resolve().parents[1]
MENU = "三会一课"
MONTH_ITEM = "插入整月“三会一课”方案"
GENERAL_ITEM = "插入党员大会方案"
DIALOG_TITLE = "插入“三会一课”方案"
#: What the dialog shows in plan-dialog.png, typed field by field (label → text).
DIALOG_VALUES = [
    ("月份", "2023年9月"),
    ("支部名称", "机关第一党支部"),
    ("会议时间", "2023-09-25 15:00"),  # shown back as 2023年9月25日 15:00 when the field is left
    ("地点", "三楼会议室"),
    ("主持人", "王书记"),
    ("记录人", "李委员"),
    ("应到人数", "30"),
    ("实到人数", "28"),
    ("缺席人员及原因", "张三（出差）；李四（病假）"),
    ("会议主题", "学习贯彻党的二十大精神"),
]
MINUTES_ITEM = "插入联建会议纪要"
COUNTERSIGN_ITEM = "会签联建会议纪要"
VERIFY_ITEM = "核验会签"
BENCHMARK_ITEM = "插入对标提高任务清单"
#: What the minutes dialog shows in minutes-dialog.png: (label, occurrence, text) typed field by field.
MINUTES_VALUES = [
    ("本支部", 1, "机关第一党支部"),
    ("书记", 1, "王明"),
    ("联建支部", 1, "生产一线党支部"),
    ("书记", 2, "李强"),
    ("联建主题", 1, "科技创新"),
    ("会议时间", 1, "2023-09-25 15:00"),
    ("地点", 1, "三楼会议室"),
    ("出席", 1, "王明、李强、张三、李四"),
    ("请假", 1, "王五（出差）"),
]
#: The agreed items added with 添加事项: (事项, 责任人, 时限).
MINUTES_ITEMS = [
    ("建立联合攻关小组，围绕配网故障抢修开展技术攻关", "张三", "2023-10-31"),
    ("共享党员教育培训资源，互派骨干交流学习", "李四", "2023-11-30"),
]
MINUTES_LIST = "会议议定事项（每项须有责任人和完成时限，会签前补齐亦可）"
#: What the benchmark dialog shows in benchmark-dialog.png (label → text), then the pasted rows.
BENCHMARK_VALUES = [
    ("标杆单位", "某供电公司先进党支部"),
    ("对标主题", "对标“老大哥”，争当“排头兵”"),
    ("时间", "2023-09-28 09:00"),
    ("地点", "标杆单位党员活动室"),
    ("本支部书记", "本支部书记王明"),
    ("标杆单位书记", "标杆单位书记赵刚"),
    ("分组", "运维组、营销组"),
]
BENCHMARK_CHECKLIST = "班组建设\n安全管理"
BENCHMARK_TASKS = "对标提高任务（对标事项、标杆做法/经验、我方差距、提升措施、责任人、完成时限）"
BENCHMARK_PASTE = "粘贴或输入任务：每行一项，各栏之间用 Tab（从表格复制即可）或“｜”分隔"
IMPORT_ITEM, IMPORT_TITLE = "导入方案…", "导入“三会一课”方案"
IMPORT_BOX = "方案文字"  # the import dialog's box the text is pasted into
IMPORT_TEXT = REPO_ROOT / "tests" / "data" / "2024-03-guidance-notice.txt"  # a month's guidance, not the seed
BENCHMARK_ROWS = ("班组建设\t积分制管理\t无量化考核\t引入积分制\t张三\t2023-10-31\n"
                  "安全管理\t双人复核\t复核流于形式\t建立复核台账\t李四\t2023-11-30")


def settled_screenshot(
    x: Xvfb, path: Path, crop: Optional[Tuple[int, int, int, int]], timeout: float = 15.0, tolerance: int = 400
) -> Path:
    """Save a screenshot once two grabs in a row differ by at most `tolerance` pixels (a blinking text
    cursor), so a half-painted window is not what the docs show; after `timeout` keep the last grab."""
    with tempfile.TemporaryDirectory() as tmp:
        previous = x.screenshot(Path(tmp) / "0.png", crop)
        deadline = time.monotonic() + timeout
        count = 0
        while time.monotonic() < deadline:
            time.sleep(0.4)
            count += 1
            current = x.screenshot(Path(tmp) / f"{count}.png", crop)
            compare = subprocess.run(
                ["compare", "-metric", "AE", str(previous), str(current), "null:"],
                capture_output=True, timeout=30, check=False,
            )
            try:
                differing = float(compare.stderr.split()[0])
            except (IndexError, ValueError):
                differing = float("inf")
            previous = current
            if differing <= tolerance:
                break
        else:
            print(f"warning: the screen did not settle within {timeout:g} s", file=sys.stderr)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(previous.read_bytes())
    return path


def window_crop(x: Xvfb, window: int) -> Tuple[int, int, int, int]:
    """The window's rectangle, clipped to the screen."""
    left, top, width, height = x.geometry(window)
    screen_w, screen_h = (int(v) for v in x.size.split("x")[:2])
    left, top = max(left, 0), max(top, 0)
    return left, top, min(width, screen_w - left), min(height, screen_h - top)


def options_screenshot(x: Xvfb, office: Any, doc: Any, path: Path) -> Path:
    """Tools › Options on our page, showing an example profile saved the way the page saves it."""
    sys.path.insert(0, str(REPO_ROOT / "python"))
    from devtools.options_dialog import OptionsDialog, page_url
    from sanhui.model.profile import BranchProfile, PartyGroup
    from sanhui.office.settings import save_profile

    example = BranchProfile(
        branch="机关第一党支部", secretary="王书记", organizer="李委员", member_count=23,
        groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四"), PartyGroup("离退休党小组", "赵六")),
        place="三楼党员活动室")
    office.call(save_profile, office.ctx, example)
    x.xdotool("mousemove", "0", "0")  # no tooltip over a field in the picture
    with OptionsDialog(x, office, doc, page_url(office)) as dialog:
        shot = settled_screenshot(x, path, window_crop(x, dialog.window))
        dialog.press("取消")
        dialog.wait_closed()
    return shot


def take(out: Path, oxt: Path, size: str) -> List[Path]:
    from devtools.office import Office

    saved = []
    with Xvfb(size) as x, tempfile.TemporaryDirectory(prefix="sanhui-shots-") as tmp:
        assert x.display is not None
        with Office(Path(tmp) / "profile", headless=False, display=x.display, locale="zh-CN") as office:
            office.install_extension(oxt)
            doc = office.new_writer()
            frame: Any = office.call(lambda: doc.getCurrentController().getFrame())
            driver = MenuDriver(x, office, frame)
            driver.raise_window()
            crop = window_crop(x, driver.window)

            # 1. the menu, open, with the whole-month item highlighted
            driver.open(MENU, MONTH_ITEM)
            saved.append(settled_screenshot(x, out / "menu.png", crop))
            driver.close_menus()

            # 2. the month plan for 2023-09 with its comments, seen from its first page
            state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
            if state != 1:
                raise RuntimeError(f"sanhui:InsertPlan Month=2023-09 failed: {result}")
            print(result)

            def show_top() -> None:
                cursor = doc.getCurrentController().getViewCursor()
                cursor.gotoStart(False)

            office.call(show_top)
            wait_for("the plan's comments", lambda: office.call(lambda: doc.getTextFields().createEnumeration()
                                                                 .hasMoreElements()) or None, 10)
            saved.append(settled_screenshot(x, out / "plan-window.png", crop))

            # 3, 4. the dialog from the menu, over the document, with a meeting's details typed in
            saved += plan_dialog_shots(out, x, office, driver, crop)

            # 5. the branch profile under Tools › Options
            saved.append(options_screenshot(x, office, doc, out / "options.png"))
            office.close(doc)

            # 6. the joint minutes: the dialog, the minutes, the verification; 7. the benchmark dialog
            saved += minutes_shots(out, x, office)
            saved += benchmark_shots(out, x, office)
            saved += records_shots(out, x, office)
            saved += templates_shot(out, x, office)
            saved += import_shots(out, x, office)
    saved += ledger_pages(out, oxt)
    return saved


def take_only(out: Path, oxt: Path, size: str, groups: List[str]) -> List[Path]:
    """The pictures of `groups` only (plan, import), each over a new empty document."""
    from devtools.office import Office

    saved: List[Path] = []
    with Xvfb(size) as x, tempfile.TemporaryDirectory(prefix="sanhui-shots-") as tmp:
        assert x.display is not None
        with Office(Path(tmp) / "profile", headless=False, display=x.display, locale="zh-CN") as office:
            office.install_extension(oxt)
            if "plan" in groups:  # over the month plan, as in the whole run
                doc, driver, crop = _new_window(x, office)
                state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
                if state != 1:
                    raise RuntimeError(f"sanhui:InsertPlan Month=2023-09 failed: {result}")
                office.call(lambda: doc.getCurrentController().getViewCursor().gotoStart(False))
                saved += plan_dialog_shots(out, x, office, driver, crop)
                office.close(doc)
            if "import" in groups:
                saved += import_shots(out, x, office)
    if "ledger" in groups:
        saved += ledger_pages(out, oxt)
    return saved


def ledger_pages(out: Path, oxt: Path) -> List[Path]:
    """The demo's 2023 三会一课台账 as it prints: its first page (the quarter tables) and its last (the
    year's summary and the attendance chart), from the PDF LibreOffice exports (make demo's documents,
    written again here, headless as make demo runs, with the demo's sample branch)."""
    from demo import make_demo
    from devtools.office import Office

    with tempfile.TemporaryDirectory(prefix="sanhui-shots-demo-") as folder:
        tmp = Path(folder)
        with Office(tmp / "profile") as office:
            office.install_extension(oxt)
            written = make_demo(office, tmp / "demo")
        return _pdf_pages(out, next(p for p in written if p.name == "2023-meeting-ledger.pdf"), tmp)


def _pdf_pages(out: Path, pdf: Path, tmp: Path) -> List[Path]:
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    saved = []
    for page, name in ((1, "meeting-ledger.png"), (pages, "meeting-ledger-chart.png")):
        stem = tmp / f"page-{page}"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile",
                        str(pdf), str(stem)], check=True)
        target = out / name
        target.write_bytes(stem.with_suffix(".png").read_bytes())
        saved.append(target)
    return saved


def plan_dialog_shots(out: Path, x: Xvfb, office: Any, driver: MenuDriver, crop: Tuple[int, int, int, int]
                      ) -> List[Path]:
    """plan-dialog.png (a meeting's details typed in) and plan-dialog-error.png (an impossible date
    confirmed: the dialog stays open with the red message); the dialog is cancelled."""
    saved = []
    before = x.windows()
    driver.choose(MENU, GENERAL_ITEM)
    with DialogDriver.opened(x, office, DIALOG_TITLE, before) as dialog:
        for label, value in DIALOG_VALUES:
            dialog.type_into(label, value)
        dialog.focus_field("会议主题")  # the date was left: it shows in GB/T 9704 form
        saved.append(settled_screenshot(x, out / "plan-dialog.png", crop))

        dialog.type_into("会议时间", "2023-02-30")
        dialog.key("Return")
        message = wait_for("the message in the dialog", lambda: dialog.status() or None, 10)
        print(message)
        saved.append(settled_screenshot(x, out / "plan-dialog-error.png", crop))
        dialog.key("Escape")
        dialog.wait_closed()
    return saved


def _new_window(x: Xvfb, office: Any) -> Tuple[Any, MenuDriver, Tuple[int, int, int, int]]:
    """A new Writer document in its own window, raised: (document, its menu driver, the window's crop)."""
    doc = office.new_writer()
    driver = MenuDriver(x, office, office.call(lambda: doc.getCurrentController().getFrame()))
    driver.raise_window()
    return doc, driver, window_crop(x, driver.window)


def _fill_prompts(doc: Any) -> None:
    """Type over every <prompt> of the minutes, as the secretary does before signing (in the office)."""
    fill_prompts(doc, "详见会议记录。")


def _cursor_into_items(doc: Any) -> None:
    """The view cursor into the first agreed item, where Countersign looks for the minutes."""
    tables = doc.getTextTables()
    name = next(n for n in tables.getElementNames() if n.startswith("联建事项"))
    doc.getCurrentController().getViewCursor().gotoRange(tables.getByName(name).getCellByName("B2").getStart(), False)


def _view_to_end(doc: Any) -> None:
    """The view cursor to the end of the document: the view scrolls to the countersign block."""
    doc.getCurrentController().getViewCursor().gotoEnd(False)


def _block_on_screen(frame: Any) -> Tuple[Optional[int], Optional[int], int]:
    """(top of the countersign table, bottom of the 会签校验码 line, bottom of the document view) on
    the screen, read through the window's accessibility tree (None for what is not shown)."""
    table_top = code_bottom = None
    view_bottom = 0
    stack = [frame.getContainerWindow().getAccessibleContext()]
    while stack:
        context = stack.pop()
        role = context.getAccessibleRole()
        if role == 85:  # DOCUMENT_TEXT: the view
            view_bottom = int(context.getLocationOnScreen().Y + context.getSize().Height)
        elif role == 58 and context.getAccessibleName().startswith("联建会签"):  # TABLE
            table_top = int(context.getLocationOnScreen().Y)
        elif role == 41 and context.getText().startswith("会签校验码"):  # PARAGRAPH
            code_bottom = int(context.getLocationOnScreen().Y + context.getSize().Height)
        if context.getAccessibleChildCount() <= 500:
            stack.extend(context.getAccessibleChild(i).getAccessibleContext()
                         for i in range(context.getAccessibleChildCount()))
    return table_top, code_bottom, view_bottom


def _scroll_block_into_view(x: Xvfb, office: Any, doc: Any, frame: Any, window: int) -> None:
    """Show the countersign block whole, in the lower half of the window where a message box (in
    the middle) does not hide it: at 80 % zoom, the mouse wheel turned over the document (the view
    scrolls; the cursor cannot go into the protected minutes, so gotoEnd does not)."""
    def zoom() -> None:
        settings = doc.getCurrentController().getViewSettings()
        settings.ZoomType = 3  # com.sun.star.view.DocumentZoomType.BY_VALUE
        settings.ZoomValue = 80

    office.call(zoom)
    left, top, width, height = x.geometry(window)
    x.pointer_to(left + width // 2, top + height * 3 // 4)
    for _ in range(60):
        table_top, code_bottom, view_bottom = office.call(_block_on_screen, frame)
        if table_top is not None and code_bottom is not None and code_bottom <= view_bottom - 8:
            if table_top < top + height // 2 + 50:
                print("warning: the countersign block does not fit under the message box", file=sys.stderr)
            break
        x.xdotool("click", "5")  # the wheel, down
        time.sleep(0.15)
    else:
        print("warning: the countersign block was not scrolled into view", file=sys.stderr)
    x.xdotool("mousemove", "0", "0")  # no tooltip in the picture


def _words_counted(frame: Any) -> bool:
    """Whether the status bar counts the document's words (it catches up a moment after a change;
    a picture taken before shows "0 个单词" under a full page)."""
    stack = [frame.getContainerWindow().getAccessibleContext()]
    while stack:
        context = stack.pop()
        if context.getAccessibleRole() == 57:  # STATUS_BAR
            texts = [context.getAccessibleChild(i).getAccessibleContext().getText()
                     for i in range(context.getAccessibleChildCount())]
            return any("个单词" in text and not text.startswith("0 ") for text in texts)
        stack.extend(context.getAccessibleChild(i).getAccessibleContext()
                     for i in range(min(context.getAccessibleChildCount(), 50)))
    return False


def _logged(office: Any, what: str) -> bool:
    log = office.profile_dir / "user" / "sanhui" / "sanhui.log"
    return log.is_file() and what in log.read_text(encoding="utf-8").splitlines()[-1]


def minutes_shots(out: Path, x: Xvfb, office: Any) -> List[Path]:
    """minutes-dialog.png, minutes.png and verify.png (see the module's docstring)."""
    saved = []
    doc, driver, crop = _new_window(x, office)
    before = x.windows()
    driver.choose(MENU, MINUTES_ITEM)
    with DialogDriver.opened(x, office, MINUTES_ITEM, before) as dialog:
        for label, occurrence, value in MINUTES_VALUES:
            dialog.type_into(label, value, occurrence=occurrence)
        for count, (text, owner, deadline) in enumerate(MINUTES_ITEMS, 1):
            dialog.type_into("事项", text)
            dialog.type_into("责任人", owner)
            dialog.type_into("时限", deadline)
            dialog.click("添加事项")
            wait_for(f"{count} agreed items in the list",
                     lambda n=count: len(dialog.list_entries(MINUTES_LIST)) == n or None, 10)
        dialog.focus_field("事项")
        x.xdotool("mousemove", "0", "0")  # no tooltip in the picture
        saved.append(settled_screenshot(x, out / "minutes-dialog.png", crop))
        dialog.click("确定")
        dialog.wait_closed()
    wait_for("the minutes in the document", lambda: office.call(lambda: doc.getTextTables().getCount()) or None, 20)
    office.call(_view_to_end, doc)
    with contextlib.suppress(TimeoutError):
        wait_for("the status bar to count the words", lambda: office.call(_words_counted, driver.frame), 10)
    saved.append(settled_screenshot(x, out / "minutes.png", crop))

    office.call(_fill_prompts, doc)
    office.call(_cursor_into_items, doc)
    before = x.windows()
    driver.choose(MENU, COUNTERSIGN_ITEM)
    with MessageBoxDriver.appeared(x, office, before) as box:  # 已会签：… (the block is off-screen)
        box.key("Return")
        box.wait_closed()
    wait_for("the minutes to be countersigned", lambda: _logged(office, "Countersign ok"), 15)
    _scroll_block_into_view(x, office, doc, driver.frame, driver.window)
    before = x.windows()
    driver.choose(MENU, VERIFY_ITEM)
    with MessageBoxDriver.appeared(x, office, before) as box:
        print(box.message())
        saved.append(settled_screenshot(x, out / "verify.png", crop))
        box.key("Return")
        box.wait_closed()
    office.close(doc)
    return saved


def benchmark_shots(out: Path, x: Xvfb, office: Any) -> List[Path]:
    """benchmark-dialog.png (see the module's docstring); the dialog is cancelled."""
    doc, driver, crop = _new_window(x, office)
    before = x.windows()
    driver.choose(MENU, BENCHMARK_ITEM)
    with DialogDriver.opened(x, office, BENCHMARK_ITEM, before) as dialog:
        for label, value in BENCHMARK_VALUES:
            dialog.type_into(label, value)
        dialog.type_lines("对标事项清单", BENCHMARK_CHECKLIST)
        dialog.paste_into(BENCHMARK_PASTE, BENCHMARK_ROWS)
        dialog.click("按行添加")
        wait_for("the two tasks in the list", lambda: len(dialog.list_entries(BENCHMARK_TASKS)) == 2 or None, 10)
        dialog.focus_field("确定")
        x.xdotool("mousemove", "0", "0")  # no tooltip in the picture
        shot = settled_screenshot(x, out / "benchmark-dialog.png", crop)
        dialog.key("Escape")
        dialog.wait_closed()
    office.close(doc)
    return [shot]


#: (menu item = dialog title, picture, what is typed: label → text) for records_shots.
RECORD_DIALOGS = [
    ("插入会议通知", "notice-dialog.png", [("会议时间", "2023-09-25 15:00"),
                                         ("会议主题", "学习贯彻党的二十大精神，讨论发展党员")]),
    ("插入签到表", "sign-in-dialog.png", [("会议时间", "2023-09-25 15:00")]),
    ("插入会议记录", "record-dialog.png", [("会议时间", "2023-09-25 15:00"), ("应到人数", "22"), ("实到人数", "20"),
                                    ("缺席人员及原因", "王五（出差）；赵六（病假）")]),
    ("生成任务台账", "ledger-dialog.png", [("文件夹", "/home/dangzhibu/2023年党建材料")]),
]


def records_shots(out: Path, x: Xvfb, office: Any) -> List[Path]:
    """notice-, sign-in-, record- and ledger-dialog.png (see the module's docstring), all cancelled."""
    from demo import PROFILE
    from sanhui.model.profile import BranchProfile
    from sanhui.office.settings import save_profile

    saved = []
    from devtools.options_dialog import ROLL_LEAF, OptionsDialog, page_url

    office.call(save_profile, office.ctx, PROFILE)
    doc, driver, crop = _new_window(x, office)
    try:
        x.xdotool("mousemove", "0", "0")  # no tooltip over a field in the picture
        with OptionsDialog(x, office, doc, page_url(office, ROLL_LEAF)) as options:
            saved.append(settled_screenshot(x, out / "options-roster.png", window_crop(x, options.window)))
            options.press("取消")
            options.wait_closed()
        for item, picture, values in RECORD_DIALOGS:
            before = x.windows()
            driver.choose(MENU, item)
            with DialogDriver.opened(x, office, item, before) as dialog:
                for label, value in values:
                    dialog.type_into(label, value)
                dialog.focus_field("确定")  # the time was left: it shows in GB/T 9704 form
                x.xdotool("mousemove", "0", "0")  # no tooltip in the picture
                saved.append(settled_screenshot(x, out / picture, crop))
                dialog.key("Escape")
                dialog.wait_closed()
    finally:
        office.close(doc)
        office.call(save_profile, office.ctx, BranchProfile())
    return saved


#: The templates options-templates.png lists (saved from the built-in plan), the default last.
TEMPLATES = ("2023年10月主题党日方案", "2023年11月“三会一课”方案（党委下发）", "机关第一党支部常用方案")


def templates_shot(out: Path, x: Xvfb, office: Any) -> List[Path]:
    """options-templates.png: the 方案模板 page with TEMPLATES saved and the last one the default."""
    from devtools.options_dialog import OptionsDialog, page_url
    from sanhui.content.pack import load_pack
    from sanhui.office.settings import save_default_template, template_store

    store = template_store(office.ctx)
    for name in TEMPLATES:
        store.save(name, load_pack())
    office.call(save_default_template, office.ctx, TEMPLATES[-1])
    doc, _, _ = _new_window(x, office)
    try:
        x.xdotool("mousemove", "0", "0")  # no tooltip in the picture
        with OptionsDialog(x, office, doc, page_url(office, "org.sanhui.writer.PlanTemplates")) as options:
            shot = settled_screenshot(x, out / "options-templates.png", window_crop(x, options.window))
            options.press("取消")
            options.wait_closed()
    finally:
        office.close(doc)
        office.call(save_default_template, office.ctx, "")
        for name in TEMPLATES:
            store.delete(name)
    return [shot]


def import_shots(out: Path, x: Xvfb, office: Any) -> List[Path]:
    """import-dialog.png: a month's guidance notice pasted into the box (ctrl+v) and previewed —
    the outline with the labels it will get, the counts, the 备注; the dialog is cancelled."""
    from devtools.xvfb import set_clipboard

    doc, driver, crop = _new_window(x, office)
    try:
        set_clipboard(office, "")  # the box starts empty: the picture shows a paste, not a prefill
        before = x.windows()
        driver.choose(MENU, IMPORT_ITEM)
        with DialogDriver.opened(x, office, IMPORT_TITLE, before) as dialog:
            dialog.paste_into(IMPORT_BOX, IMPORT_TEXT.read_text(encoding="utf-8"))
            counts = wait_for("the preview's counts",
                              lambda: next((t for t in dialog.labels() if t.startswith("识别结果")), None), 15)
            print(counts)
            dialog.key("ctrl+Home")  # the box shown from its first line
            x.xdotool("mousemove", "0", "0")  # no tooltip in the picture
            shot = settled_screenshot(x, out / "import-dialog.png", crop)
            dialog.key("Escape")
            dialog.wait_closed()
    finally:
        office.close(doc)
    return [shot]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs", help="folder for the PNGs (default docs)")
    parser.add_argument("--oxt", type=Path, default=REPO_ROOT / "build" / "sanhui.oxt", help="the extension")
    parser.add_argument("--size", default="1280x800x24", help="screen size WxHxDEPTH (default 1280x800x24)")
    parser.add_argument("--only", nargs="+", choices=("plan", "import", "ledger"),
                        help="only these pictures: plan (the InsertPlan dialog), import (the ImportPlan dialog), "
                             "ledger (pages of the demo's 三会一课台账)")
    args = parser.parse_args(argv)
    if not args.oxt.is_file():
        parser.error(f"{args.oxt} missing: run make oxt")
    started = time.monotonic()
    shots = take_only(args.out, args.oxt, args.size, args.only) if args.only else take(args.out, args.oxt, args.size)
    for path in shots:
        print(f"wrote {path}")
    print(f"done in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
