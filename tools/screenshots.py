"""Screenshots for the docs, taken from a real LibreOffice window (`make screenshots`).

    python tools/screenshots.py --out docs

starts a private Xvfb and an office (zh-CN UI, fresh profile) with build/sanhui.oxt, opens the 三会一课
menu with real key presses (as tests/gui does) and saves <out>/menu.png; then inserts the month plan
for 2023-09 and saves <out>/plan-window.png, the document with the plan and its comments; then opens
the 插入“三会一课”方案 dialog from the menu over it, types a meeting's details with real keys and saves
<out>/plan-dialog.png, and with an impossible date confirmed, <out>/plan-dialog-error.png (the red
message). The dialog is cancelled: the document is not changed by it.
Every wait is bounded; the office and the X server are stopped whatever happens.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, List, Optional, Tuple

from devtools.xvfb import DialogDriver, MenuDriver, Xvfb, wait_for

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

            # 3. the dialog from the menu, over the document, with a meeting's details typed in
            before = x.windows()
            driver.choose(MENU, GENERAL_ITEM)
            with DialogDriver.opened(x, office, DIALOG_TITLE, before) as dialog:
                for label, value in DIALOG_VALUES:
                    dialog.type_into(label, value)
                dialog.focus_field("会议主题")  # the date was left: it shows in GB/T 9704 form
                saved.append(settled_screenshot(x, out / "plan-dialog.png", crop))

                # 4. an impossible date, confirmed: the dialog stays open with the red message
                dialog.type_into("会议时间", "2023-02-30")
                dialog.key("Return")
                message = wait_for("the message in the dialog", lambda: dialog.status() or None, 10)
                print(message)
                saved.append(settled_screenshot(x, out / "plan-dialog-error.png", crop))
                dialog.key("Escape")
                dialog.wait_closed()
            office.close(doc)
    return saved


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs", help="folder for the PNGs (default docs)")
    parser.add_argument("--oxt", type=Path, default=REPO_ROOT / "build" / "sanhui.oxt", help="the extension")
    parser.add_argument("--size", default="1280x800x24", help="screen size WxHxDEPTH (default 1280x800x24)")
    args = parser.parse_args(argv)
    if not args.oxt.is_file():
        parser.error(f"{args.oxt} missing: run make oxt")
    started = time.monotonic()
    for path in take(args.out, args.oxt, args.size):
        print(f"wrote {path}")
    print(f"done in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
