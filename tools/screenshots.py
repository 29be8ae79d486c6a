"""Screenshots for the docs, taken from a real LibreOffice window (`make screenshots`).

    python tools/screenshots.py --out docs

starts a private Xvfb and an office (zh-CN UI, fresh profile) with build/sanhui.oxt, opens the 三会一课
menu with real key presses (as tests/gui does) and saves <out>/menu.png; then inserts the month plan
for 2023-09 and saves <out>/plan-window.png, the document with the plan and its comments.
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

from devtools.xvfb import MenuDriver, Xvfb, wait_for

REPO_ROOT = Path(__file__).resolve().parents[1]
MENU = "三会一课"
MONTH_ITEM = "插入整月“三会一课”方案"


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
