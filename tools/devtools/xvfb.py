"""A private X server (Xvfb) for real-window tests and screenshots, and the X tools that drive it.

`Xvfb` lets the server pick a free display itself (`-displayfd`), so parallel runs never race for a
number; every wait is bounded and `stop()` always ends the server. There is no window manager: a
window gets the keyboard only through `focus()` (xdotool windowfocus), see UNO-NOTES.md "Dialogs".

The rest reads a LibreOffice window's menu bar as shown (accessibility tree) and drives it with
real key events (`MenuDriver`), and does the same for a modal dialog in its own X window
(`DialogDriver`: fields by label, the status line, Tab/typing/Return/Escape, clicks; fields that
share a label, list boxes, multi-line fields read by copying them, pasting with ctrl+v), and a
message box (`MessageBoxDriver`: its message, Return), for tests/gui and tools/screenshots.py.
`set_clipboard`/`clipboard_text` fill and read the office's system clipboard (the X CLIPBOARD).
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shutil
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple, TypeVar

T = TypeVar("T")


class XvfbError(RuntimeError):
    """Xvfb or an X tool is missing, did not start, or did not answer in time."""


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise XvfbError(f"{name} not found: install {package} (tools/setup-system.sh)")
    return found


class Xvfb:
    """One Xvfb server; `display` is ":N" once started. Use as a context manager."""

    def __init__(self, size: str = "1280x1024x24", start_timeout: float = 15.0) -> None:
        self.size = size
        self.start_timeout = start_timeout
        self.display: Optional[str] = None
        self._proc: Optional[subprocess.Popen[bytes]] = None

    def __enter__(self) -> Xvfb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Xvfb:
        """Start the server on the first free display; raise XvfbError if it is not up in time."""
        if self._proc is not None:
            raise XvfbError("Xvfb already started")
        binary = _tool("Xvfb", "xvfb")
        read_fd, write_fd = os.pipe()
        try:
            self._proc = subprocess.Popen(
                [binary, "-displayfd", str(write_fd), "-screen", "0", self.size, "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_fd,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            os.close(write_fd)
            write_fd = -1
            number = self._read_display(read_fd)
        except BaseException:
            self.stop()
            raise
        finally:
            os.close(read_fd)
            if write_fd >= 0:
                os.close(write_fd)
        self.display = f":{number}"
        return self

    def _read_display(self, read_fd: int) -> int:
        """Xvfb writes the display number it chose to the fd once it accepts connections."""
        assert self._proc is not None
        deadline = time.monotonic() + self.start_timeout
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise XvfbError(f"Xvfb did not start within {self.start_timeout:g} s")
            ready, _, _ = select.select([read_fd], [], [], min(left, 0.2))
            if ready:
                chunk = os.read(read_fd, 64)
                if not chunk:  # the server closed the pipe: it exited
                    break
                data += chunk
            elif self._proc.poll() is not None:
                break
        if not data.strip().isdigit():
            self._proc.wait(5)
            err = self._proc.stderr.read().decode("utf-8", "replace")[-2000:] if self._proc.stderr else ""
            raise XvfbError(f"Xvfb exited during start (code {self._proc.returncode}):\n{err}")
        return int(data.strip())

    def stop(self, timeout: float = 5.0) -> None:
        """End the server (SIGTERM, then SIGKILL after `timeout`). Safe to repeat."""
        proc, self._proc = self._proc, None
        self.display = None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        if proc.stderr is not None:
            proc.stderr.close()

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- X tools on this display ------------------------------------------------------------------

    def _env(self) -> Dict[str, str]:
        if self.display is None:
            raise XvfbError("Xvfb not started")
        return {**os.environ, "DISPLAY": self.display}

    def run(self, *command: str, timeout: float = 10.0, check: bool = True) -> str:
        """Run an X client (xdotool, import, xwininfo …) on this display, bounded; its stdout."""
        try:
            done = subprocess.run(
                list(command), env=self._env(), capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL
            )
        except FileNotFoundError:
            raise XvfbError(f"{command[0]} not found: install xdotool, x11-utils, imagemagick") from None
        except subprocess.TimeoutExpired:
            raise XvfbError(f"{' '.join(command)} did not finish within {timeout:g} s") from None
        if check and done.returncode != 0:
            raise XvfbError(
                f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace')}"
            )
        return done.stdout.decode("utf-8", "replace")

    def xdotool(self, *args: str, timeout: float = 10.0, check: bool = True) -> str:
        return self.run(_tool("xdotool", "xdotool"), *args, timeout=timeout, check=check)

    def windows(self, name: str = "") -> List[int]:
        """Ids of the visible windows whose title matches the regular expression `name`."""
        out = self.xdotool("search", "--onlyvisible", "--name", name, check=False)
        return [int(line) for line in out.split()]

    def window_name(self, window: int) -> str:
        return self.xdotool("getwindowname", str(window), check=False).strip()

    def geometry(self, window: int) -> Tuple[int, int, int, int]:
        """(x, y, width, height) of a window on the screen."""
        out = self.xdotool("getwindowgeometry", "--shell", str(window))
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def focus(self, window: int) -> None:
        """Give `window` the keyboard (there is no window manager to do it)."""
        self.xdotool("windowfocus", "--sync", str(window))

    def focused(self) -> Optional[int]:
        """The window that has the keyboard, None when xdotool cannot tell: `getwindowfocus` fails
        when the focus is on no window ("XGetInputFocus returned the focused window of 1", then
        BadWindow: PointerRoot, where the window that had it closed and there is no window manager
        to pass it on), as the first real-window runs on LibreOffice 25.2 met."""
        out = self.xdotool("getwindowfocus", check=False).strip()
        return int(out) if out.isdigit() else None

    def key(self, window: int, *keys: str, delay_ms: int = 60) -> None:
        """Focus `window` and press `keys` (xdotool key names: F10, Right, Down, Return …) one by one."""
        self.focus(window)
        self.xdotool("key", "--delay", str(delay_ms), *keys)

    def pointer(self) -> Tuple[int, int]:
        """Where the mouse pointer is on the screen."""
        out = self.xdotool("getmouselocation", "--shell")
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["X"]), int(values["Y"])

    def pointer_to(self, left: int, top: int) -> None:
        """Move the mouse pointer to (left, top) and wait until it is there. (`mousemove --sync` to
        where the pointer already is waits for a motion that never comes: it is not asked for then.)"""
        if self.pointer() != (left, top):
            self.xdotool("mousemove", "--sync", str(left), str(top))

    def screenshot(self, path: Path, crop: Optional[Tuple[int, int, int, int]] = None) -> Path:
        """Save the whole screen (or the (x, y, width, height) `crop` of it) as a PNG."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        command = [_tool("import", "imagemagick"), "-window", "root"]
        if crop is not None:
            x, y, width, height = crop
            command += ["-crop", f"{width}x{height}+{x}+{y}", "+repage"]
        self.run(*command, str(path), timeout=30.0)
        return path


def wait_for(what: str, probe: Callable[[], Optional[T]], timeout: float = 10.0, interval: float = 0.1) -> T:
    """Poll `probe` until it returns something other than None/False; TimeoutError naming `what`."""
    deadline = time.monotonic() + timeout
    last_error: Optional[BaseException] = None
    while True:
        try:
            value = probe()
        except Exception as exc:  # a probe may fail while the thing it looks at is still coming up
            value, last_error = None, exc
        if value is not None and value is not False:
            return value
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error!r})" if last_error is not None else ""
            raise TimeoutError(f"{what}: not seen within {timeout:g} s{detail}")
        time.sleep(interval)


# -- LibreOffice menus on this display ------------------------------------------------------------
# The add-on menus (Addons.xcu) are merged into the VCL menu bar, not into the menu bar's UNO
# settings (LayoutManager.getElement(...).getSettings() lists only menubar.xml's entries), so what a
# user sees is read through the window's accessibility tree: MENU_BAR → MENU (title) → MENU_ITEM /
# SEPARATOR. The same tree tells which entry is highlighted, which closes the loop when keys drive it.

_MNEMONIC = re.compile(r"\s*\(~?[0-9A-Za-z]\)$")


def plain_label(name: str) -> str:
    """A menu label as configured: without the "(A)" mnemonic VCL appends in CJK UIs, without "~"."""
    return _MNEMONIC.sub("", name).replace("~", "")


def _constant(group: str, name: str) -> int:
    import uno

    return int(uno.getConstantByName(f"com.sun.star.accessibility.{group}.{name}"))


def accessible_states(context: Any) -> FrozenSet[int]:
    """The states set on an accessible `context`, each as `_constant("AccessibleStateType", name)`
    gives it, on every LibreOffice: in 7.4 `getAccessibleStateSet()` is an XAccessibleStateSet whose
    `getStates()` lists the constants (0, 1, 2 …); newer versions (25.2 here) return a bit mask
    (an int) and the constants are its bit flags (1, 2, 4 …)."""
    found = context.getAccessibleStateSet()
    if isinstance(found, int):
        mask = found & 0xFFFF_FFFF_FFFF_FFFF  # a UNO hyper, signed
        return frozenset(1 << bit for bit in range(mask.bit_length()) if mask >> bit & 1)
    return frozenset(found.getStates()) if found is not None else frozenset()


def _children(context: Any) -> List[Any]:
    return [context.getAccessibleChild(i).getAccessibleContext() for i in range(context.getAccessibleChildCount())]


def _menu_bar_context(frame: Any) -> Any:
    """The accessible MENU_BAR of a frame's window (None while it has none)."""
    role = _constant("AccessibleRole", "MENU_BAR")
    for child in _children(frame.getContainerWindow().getAccessibleContext()):
        if child.getAccessibleRole() == role:
            return child
    return None


def _selected(context: Any) -> Optional[int]:
    """Index of the highlighted child of a menu bar or menu, None if there is none."""
    selected = _constant("AccessibleStateType", "SELECTED")
    for index, child in enumerate(_children(context)):
        if selected in accessible_states(child):
            return index
    return None


MenuEntries = List[Tuple[str, List[Optional[str]]]]


def _items(menu: Any) -> List[Optional[str]]:
    separator = _constant("AccessibleRole", "SEPARATOR")
    return [
        None if item.getAccessibleRole() == separator else plain_label(item.getAccessibleName())
        for item in _children(menu)
    ]


def read_menu_bar(frame: Any) -> MenuEntries:
    """[(title, [item label, or None for a separator, …]), …] as the frame's window shows them.

    Labels are plain_label()s. The built-in menus fill their items only when opened (their labels
    are empty until then); add-on menus are complete from the start. Reads every item (≈0.5 s over
    the bridge): `menu_titles` and `menu_items` are cheaper.
    """
    bar = _menu_bar_context(frame)
    if bar is None:
        return []
    return [(plain_label(menu.getAccessibleName()), _items(menu)) for menu in _children(bar)]


def menu_titles(frame: Any) -> List[str]:
    """The plain titles of the frame's menu bar ([] while it has none)."""
    bar = _menu_bar_context(frame)
    return [] if bar is None else [plain_label(menu.getAccessibleName()) for menu in _children(bar)]


def menu_items(frame: Any, index: int) -> List[Optional[str]]:
    """The plain labels of the `index`th menu's items (None for a separator)."""
    return _items(_children(_menu_bar_context(frame))[index])


class MenuDriver:
    """Drives a frame's real menu bar with X key events (F10, Right, Down, Return), as a person would.

    After each step the highlight that the accessibility tree reports is awaited (bounded), so a slow
    office never makes it type ahead into the wrong place; a run of Right or Down presses is sent at
    once and checked, and retried key by key if it did not land. All UNO calls go through `office.call`.
    """

    POLL = 0.03

    def __init__(self, xvfb: Xvfb, office: Any, frame: Any, timeout: float = 15.0) -> None:
        self.x = xvfb
        self.office = office
        self.frame = frame
        self.timeout = timeout
        # No window manager, several office windows at 0,0: a unique title finds this one's X window.
        self.title = f"sanhui-gui-{uuid.uuid4().hex[:12]}"
        office.call(lambda: setattr(frame, "Title", self.title), timeout=timeout)
        self.window = wait_for(
            f"X window titled {self.title}", lambda: (self.x.windows(f"^{self.title}$") or [None])[0], timeout
        )

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return self.office.call(fn, *args, timeout=self.timeout)  # type: ignore[no-any-return]

    def _wait(self, what: str, probe: Callable[[], Any], timeout: Optional[float] = None) -> Any:
        return wait_for(what, probe, self.timeout if timeout is None else timeout, self.POLL)

    def menu_bar(self) -> MenuEntries:
        """The whole menu bar as shown, waiting (bounded) until the window has one."""
        return self._wait("a menu bar", lambda: self._call(read_menu_bar, self.frame) or None)

    def titles(self) -> List[str]:
        return self._wait("a menu bar", lambda: self._call(menu_titles, self.frame) or None)  # type: ignore[no-any-return]

    def raise_window(self) -> None:
        self.x.xdotool("windowraise", str(self.window))

    def _bar_selection(self) -> Optional[int]:
        return self._call(lambda: _selected(_menu_bar_context(self.frame)))

    def _item_selection(self, menu: int) -> Optional[int]:
        return self._call(lambda: _selected(_children(_menu_bar_context(self.frame))[menu]))

    def _move(self, key: str, where: Callable[[], Optional[int]], target: int, presses: int, limit: int) -> None:
        """Press `key` `presses` times at once and check the highlight is on `target`; if it is not
        (an entry skipped or not), go on key by key, waiting for the highlight to move each time."""
        if presses > 0:
            self.x.key(self.window, *[key] * presses, delay_ms=20)
        with contextlib.suppress(TimeoutError):
            self._wait(f"{key} ×{presses} to reach entry {target}", lambda: where() == target or None, 3.0)
            return
        for _ in range(limit):
            current = where()
            if current == target:
                return
            self.x.key(self.window, key)
            self._wait(f"the highlight to leave entry {current} after {key}",
                       lambda before=current: where() != before or None)
        if where() != target:
            raise TimeoutError(f"{key} did not reach entry {target} (the highlight is on {where()})")

    def close_menus(self) -> None:
        """Escape until no menu bar entry is highlighted (a menu left open would swallow later keys)."""
        for _ in range(4):
            if self._bar_selection() is None:
                return
            self.x.key(self.window, "Escape")
            with contextlib.suppress(TimeoutError):
                self._wait("menus to close", lambda: self._bar_selection() is None or None, 2.0)

    def open(self, title: str, item: Optional[str] = None) -> None:
        """Open the menu `title` with F10/Right/Down and highlight `item` (default its first item)."""
        titles = self.titles()
        if title not in titles:
            raise LookupError(f"no menu {title!r} in {titles}")
        menu = titles.index(title)
        labels = self._call(menu_items, self.frame, menu)
        if item is not None and item not in labels:
            raise LookupError(f"no item {item!r} in menu {title!r}: {labels}")
        target = labels.index(item) if item is not None else 0
        self.close_menus()
        self.x.key(self.window, "F10")
        self._wait("F10 to highlight the menu bar", lambda: self._bar_selection() == 0 or None)
        self._move("Right", self._bar_selection, menu, menu, len(titles) + 1)
        self.x.key(self.window, "Down")
        self._wait(f"menu {title!r} to open", lambda: self._item_selection(menu) is not None or None)
        # Down skips separators: count the items in between that can be highlighted.
        downs = sum(1 for label in labels[1 : target + 1] if label is not None)
        self._move("Down", lambda: self._item_selection(menu), target, downs, len(labels) + 1)

    def choose(self, title: str, item: str) -> None:
        """Open `title`, highlight `item` and press Return; return once the menus are closed."""
        self.open(title, item)
        self.x.key(self.window, "Return")
        self._wait("the menu to close after Return", lambda: self._bar_selection() is None or None)


# -- LibreOffice dialogs on this display ----------------------------------------------------------
# A dialog (an XDL dialog of ours as much as a built-in one) is a new X window of its own; without
# a window manager it gets the keyboard only through `Xvfb.focus`. What is on it is read through
# its accessibility tree, found among the toolkit's top windows (role DIALOG, its title as name):
# a field is named after its label (VCL's "(A)" mnemonic included), a drop-down list is a COMBO_BOX
# whose TEXT child shows the chosen entry, and a label shows its text (our status line is the last
# label). Keys are real X key events; the fields are checked after typing.


def _walk(context: Any, parent_role: int = -1) -> List[Tuple[int, int, str, Any]]:
    """(role, role of the parent, plain name, context) of `context` and everything under it."""
    found = [(context.getAccessibleRole(), parent_role, plain_label(context.getAccessibleName()), context)]
    role = found[0][0]
    count = context.getAccessibleChildCount()
    if count <= 200:  # a long list (a document's paragraphs) is not a dialog's
        for index in range(count):
            found.extend(_walk(context.getAccessibleChild(index).getAccessibleContext(), role))
    return found


def find_dialog(toolkit: Any, title: str) -> Any:
    """The accessible context of the top window that is a dialog titled `title` (None if none is)."""
    role = _constant("AccessibleRole", "DIALOG")
    for index in range(toolkit.getTopWindowCount()):
        context = toolkit.getTopWindow(index).getAccessibleContext()
        if context is not None and context.getAccessibleRole() == role and context.getAccessibleName() == title:
            return context
    return None


def _ascii(text: str) -> bool:
    return all(" " <= char <= "~" for char in text)


def _nth_index(labels: List[str], label: str, occurrence: int) -> int:
    """Index of the `occurrence`th (from 1) `label` in `labels`; LookupError when there are fewer."""
    found = [index for index, name in enumerate(labels) if name == label]
    if not 1 <= occurrence <= len(found):
        raise LookupError(f"{label!r} ×{occurrence}: there are {len(found)} in {labels}")
    return found[occurrence - 1]


class DialogDriver:
    """A modal dialog in a real window, read through its accessibility tree and driven with real keys
    and clicks, as a person would; use as a context manager (see `opened`).

    Fields are named by their labels as shown, without the "(A)" mnemonic (`plain_label`): 会议时间,
    地点 … ; buttons by their text: 确定, 取消. Every wait is bounded; all UNO calls go through
    `office.call`. Leaving the context presses Escape while the dialog is still open and waits for
    it to close, so a failed test never leaves a modal dialog behind that blocks the next one.
    """

    POLL = 0.05
    #: Characters outside the keyboard map (Chinese) are typed by remapping a spare key code for each
    #: one; typed quickly, VCL sometimes reads a key before it sees the new map and drops it.
    CJK_DELAY_MS = 100
    ASCII_DELAY_MS = 20

    def __init__(self, xvfb: Xvfb, office: Any, title: str, window: int, timeout: float = 15.0) -> None:
        self.x = xvfb
        self.office = office
        self.title = title
        self.window = window
        self.timeout = timeout
        self._toolkit = office.call(lambda: office.create("com.sun.star.awt.Toolkit"), timeout=timeout)

    @classmethod
    def opened(cls, xvfb: Xvfb, office: Any, title: str, before: List[int], timeout: float = 15.0) -> DialogDriver:
        """Wait (bounded) for a new X window titled `title` (one not among `before`, the window ids
        from `Xvfb.windows()` taken before the dialog was asked for) and for its controls."""
        pattern = "^" + re.escape(title) + "$"
        window = wait_for(
            f"the dialog {title!r} to appear",
            lambda: next((w for w in xvfb.windows(pattern) if w not in before), None),
            timeout,
        )
        driver = cls(xvfb, office, title, window, timeout)
        driver._wait(f"the controls of {title!r}", lambda: driver.fields() or None)
        return driver

    def __enter__(self) -> DialogDriver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return self.office.call(fn, *args, timeout=self.timeout)  # type: ignore[no-any-return]

    def _wait(self, what: str, probe: Callable[[], Any], timeout: Optional[float] = None) -> Any:
        return wait_for(what, probe, self.timeout if timeout is None else timeout, self.POLL)

    # -- reading --------------------------------------------------------------------------------

    def _context(self) -> Any:
        context = find_dialog(self._toolkit, self.title)
        if context is None:
            raise LookupError(f"no dialog {self.title!r} among the top windows")
        return context

    def _controls(self) -> List[Tuple[int, int, str, Any]]:
        return self._call(lambda: _walk(self._context()))

    def fields(self) -> Dict[str, str]:
        """Label → what the field shows: the text of each edit field, the chosen entry of each drop-down."""
        text, combo = _constant("AccessibleRole", "TEXT"), _constant("AccessibleRole", "COMBO_BOX")

        def read() -> Dict[str, str]:
            return {name: str(context.getText()) for role, parent, name, context in _walk(self._context())
                    if role == text and name and parent in (combo, _constant("AccessibleRole", "DIALOG"))}

        return self._call(read)

    def labels(self) -> List[str]:
        """The labels' texts in the dialog's order, as shown (mnemonics removed)."""
        label = _constant("AccessibleRole", "LABEL")
        return [name for role, _, name, _ in self._controls() if role == label]

    def status(self) -> str:
        """The status line: the dialog's last label (empty while there is no message)."""
        label = _constant("AccessibleRole", "LABEL")
        return self._call(lambda: [str(c.getText()) for role, _, _, c in _walk(self._context()) if role == label][-1])

    def status_color(self) -> int:
        """The status line's text colour as drawn (0xRRGGBB, from its accessible component)."""
        label = _constant("AccessibleRole", "LABEL")
        return self._call(lambda: [int(c.getForeground()) & 0xFFFFFF for role, _, _, c in _walk(self._context())
                                   if role == label][-1])

    def focused(self) -> Optional[str]:
        """The label of the control that has the keyboard focus (None if none has)."""
        focused = _constant("AccessibleStateType", "FOCUSED")

        def read() -> Optional[str]:
            for _, _, name, context in _walk(self._context()):
                if focused in accessible_states(context):
                    return name
            return None

        return self._call(read)

    def is_open(self) -> bool:
        """Whether the dialog's X window is still shown."""
        return self.window in self.x.windows()

    # -- acting ---------------------------------------------------------------------------------

    def key(self, *keys: str) -> None:
        """Real key presses (xdotool names: Tab, Return, Escape, ctrl+a …) into the dialog."""
        self.x.key(self.window, *keys, delay_ms=40)

    def tab_order(self) -> Tuple[List[str], Optional[int]]:
        """The labels of the controls Tab visits (enabled fields, drop-downs and buttons, in the
        dialog's order) and the index of the one with the focus (None when none says it has it: a
        drop-down list does not report its focus)."""
        wanted = {_constant("AccessibleRole", name) for name in ("TEXT", "COMBO_BOX", "PUSH_BUTTON")}
        enabled, focused = _constant("AccessibleStateType", "ENABLED"), _constant("AccessibleStateType", "FOCUSED")

        def read() -> Tuple[List[str], Optional[int]]:
            dialog = self._context()
            order: List[str] = []
            current = None
            for index in range(dialog.getAccessibleChildCount()):
                child = dialog.getAccessibleChild(index).getAccessibleContext()
                states = accessible_states(child)
                if child.getAccessibleRole() in wanted and enabled in states:
                    if focused in states:
                        current = len(order)
                    order.append(plain_label(child.getAccessibleName()))
            return order, current

        return self._call(read)

    def focus_field(self, label: str, *, occurrence: int = 1) -> None:
        """Tab (real key presses) until the control labelled `label` has the focus, bounded: the
        presses needed are sent at once and checked; from a drop-down (focus unknown), one at a time.
        `occurrence` picks among controls that share a label (the second 书记 is occurrence=2)."""
        for _ in range(30):
            order, current = self.tab_order()
            if order.count(label) < occurrence:
                raise LookupError(f"no enabled field {label!r} (×{occurrence}) on {self.title!r}: {order}")
            target = _nth_index(order, label, occurrence)
            if current == target:
                return
            presses = 1 if current is None else (target - current) % len(order)
            self.key(*["Tab"] * presses)
            with contextlib.suppress(TimeoutError):
                self._wait(f"Tab ×{presses} to move the focus from {current!r}",
                           lambda before=current: self.tab_order()[1] != before or None, 3.0)
        raise TimeoutError(f"Tab did not reach {label!r} (the focus is on {self.focused()!r})")

    def type_into(self, label: str, text: str, attempts: int = 3, *, occurrence: int = 1) -> None:
        """Focus the field with Tab, select what it holds (ctrl+a) and type `text` over it key by key;
        check what the field shows and type again if a key was lost (see CJK_DELAY_MS).
        `occurrence` picks among fields that share a label, as in `focus_field`."""
        self.focus_field(label, occurrence=occurrence)
        delay = self.ASCII_DELAY_MS if _ascii(text) else self.CJK_DELAY_MS
        shown = None
        for _ in range(attempts):
            self.key("ctrl+a", "BackSpace")
            if text:
                self.x.xdotool("type", "--delay", str(delay), text)
            with contextlib.suppress(TimeoutError):
                self._wait(f"{label!r} to show {text!r}",
                           lambda: self.field(label, occurrence=occurrence) == text or None, 3.0)
                return
            shown = self.field(label, occurrence=occurrence)
        raise AssertionError(f"typed {text!r} into {label!r} {attempts} times; it shows {shown!r}")

    def click(self, name: str) -> None:
        """A real mouse click in the middle of the control named `name` (a button: 确定, 取消)."""
        def where() -> Tuple[int, int]:
            for _, _, found, context in _walk(self._context()):
                if found == name:
                    point, size = context.getLocationOnScreen(), context.getSize()
                    return point.X + size.Width // 2, point.Y + size.Height // 2
            raise LookupError(f"nothing named {name!r} on {self.title!r}")

        self._click_at(*self._call(where))

    def click_to_close(self, name: str, tries: int = 3) -> None:
        """Click the button `name` that closes the dialog (确定, 取消) until it is closed: a click
        VCL did not take (seen once in a CI run under load: the dialog stayed, its button never
        pressed) is clicked again while the dialog is still there, never after it is gone."""
        for _ in range(tries):
            self.click(name)
            with contextlib.suppress(TimeoutError):
                self.wait_closed(5.0)
                return
        self.wait_closed()

    def wait_closed(self, timeout: Optional[float] = None) -> None:
        """Wait (bounded) until the dialog's window is gone."""
        self._wait(f"the dialog {self.title!r} to close", lambda: not self.is_open() or None, timeout)

    def close(self) -> None:
        """Escape (as Cancel) while the dialog is open, then wait for it to go; quiet when it is gone."""
        with contextlib.suppress(Exception):
            for _ in range(3):
                if not self.is_open():
                    return
                self.key("Escape")
                with contextlib.suppress(TimeoutError):
                    self.wait_closed(3.0)

    # -- repeated labels, list boxes, multi-line fields ---------------------------------------------
    # The minutes and benchmark dialogs have two fields labelled 书记 (`occurrence` tells them apart),
    # a list box of the rows added so far (a LIST in a PANEL, both named after the line above it:
    # its entries are LIST_ITEMs), and multi-line fields (a SCROLL_PANE whose text area has no
    # accessible text in VCL 7.4: it is read the way a person would take it, select all and copy).

    def entries(self) -> List[Tuple[str, str]]:
        """(label, what it shows) of every one-line field and drop-down in the dialog's order; unlike
        `fields`, a label two fields share (书记 … 书记) is there twice."""
        text, combo = _constant("AccessibleRole", "TEXT"), _constant("AccessibleRole", "COMBO_BOX")
        dialog = _constant("AccessibleRole", "DIALOG")
        return self._call(lambda: [(name, str(context.getText())) for role, parent, name, context
                                   in _walk(self._context()) if role == text and name and parent in (combo, dialog)])

    def field(self, label: str, *, occurrence: int = 1) -> str:
        """What the `occurrence`th one-line field (or drop-down) labelled `label` shows."""
        shown = self.entries()
        return shown[_nth_index([name for name, _ in shown], label, occurrence)][1]

    def _list_box(self, label: str) -> Any:
        """The LIST of the list box named `label` (not a drop-down's list); call inside `_call`."""
        role, panel = _constant("AccessibleRole", "LIST"), _constant("AccessibleRole", "PANEL")
        for found, parent, name, context in _walk(self._context()):
            if found == role and parent == panel and name == label:
                return context
        raise LookupError(f"no list box {label!r} on {self.title!r}")

    def list_entries(self, label: str) -> List[str]:
        """The entries the list box named `label` shows, in order (their text as drawn)."""
        return self._call(lambda: [str(item.getAccessibleName()) for item in _children(self._list_box(label))])

    def selected_entries(self, label: str) -> List[int]:
        """Indexes of the list box's highlighted entries."""
        selected = _constant("AccessibleStateType", "SELECTED")
        return self._call(lambda: [index for index, item in enumerate(_children(self._list_box(label)))
                                   if selected in accessible_states(item)])

    def _click_at(self, left: int, top: int) -> None:
        """A real click at a point of the screen, the dialog having the keyboard; the pointer stays
        there (a release VCL sees after the pointer moved on is no click)."""
        self.x.focus(self.window)
        self.x.pointer_to(left, top)
        self.x.xdotool("click", "1")

    def select_entry(self, label: str, index: int) -> None:
        """Click (real mouse) on the `index`th entry of the list box `label` until it is highlighted."""
        def where() -> Tuple[int, int]:
            items = _children(self._list_box(label))
            if not 0 <= index < len(items):
                raise LookupError(f"the list {label!r} has {len(items)} entries, not an entry {index}")
            point, size = items[index].getLocationOnScreen(), items[index].getSize()
            return point.X + min(size.Width // 2, 120), point.Y + size.Height // 2

        for _ in range(3):
            self._click_at(*self._call(where))
            with contextlib.suppress(TimeoutError):
                self._wait(f"entry {index} of {label!r} to be highlighted",
                           lambda: self.selected_entries(label) == [index] or None, 3.0)
                return
        raise TimeoutError(f"entry {index} of {label!r} not highlighted after three clicks")

    def _has_focus(self, label: str, occurrence: int) -> bool:
        """Whether the `occurrence`th field named `label` (not its label), or the text area inside
        it, has the keyboard focus."""
        label_role, focused = _constant("AccessibleRole", "LABEL"), _constant("AccessibleStateType", "FOCUSED")

        def read() -> bool:
            found = [context for role, _, name, context in _walk(self._context())
                     if name == label and role != label_role]
            if len(found) < occurrence:
                raise LookupError(f"no field {label!r} (×{occurrence}) on {self.title!r}")
            return any(focused in accessible_states(context)
                       for _, _, _, context in _walk(found[occurrence - 1]))

        return self._call(read)

    def click_field(self, label: str, *, occurrence: int = 1) -> None:
        """Click (real mouse) into the field labelled `label` (a multi-line one too, which
        `focus_field` cannot reach) until it has the keyboard focus; bounded, three clicks at most."""
        label_role = _constant("AccessibleRole", "LABEL")

        def where() -> Tuple[int, int]:
            found = [context for role, _, name, context in _walk(self._context())
                     if name == label and role != label_role]
            if len(found) < occurrence:
                raise LookupError(f"no field {label!r} (×{occurrence}) on {self.title!r}")
            point, size = found[occurrence - 1].getLocationOnScreen(), found[occurrence - 1].getSize()
            return point.X + min(size.Width // 2, 60), point.Y + min(size.Height // 2, 10)

        for _ in range(3):
            self._click_at(*self._call(where))
            with contextlib.suppress(TimeoutError):
                self._wait(f"{label!r} to have the focus", lambda: self._has_focus(label, occurrence) or None, 3.0)
                return
        raise TimeoutError(f"{label!r} did not take the focus after three clicks (it is on {self.focused()!r})")

    def text_area(self, label: str) -> str:
        """What the multi-line field `label` holds ("\\n" between lines): click in, ctrl+a, ctrl+c,
        and read the clipboard (a marker put there first tells a copy that has not landed yet from
        an empty field)."""
        marker = f"sanhui-marker-{uuid.uuid4().hex}"
        set_clipboard(self.office, marker, self.timeout)
        self.click_field(label)
        self.key("ctrl+a", "ctrl+c")

        def copied() -> Optional[str]:
            now = clipboard_text(self.office, self.timeout)
            return None if now == marker else now

        with contextlib.suppress(TimeoutError):
            return str(self._wait(f"the text of {label!r} on the clipboard", copied, 3.0)).replace("\r\n", "\n")
        return ""  # nothing selected, nothing copied: the field is empty

    def type_lines(self, label: str, text: str, attempts: int = 3) -> None:
        """Click into the multi-line field `label`, select what it holds and type `text` over it key
        by key, Return between the lines; read it back (`text_area`) and type again if a key was lost."""
        delay = self.ASCII_DELAY_MS if _ascii(text.replace("\n", "")) else self.CJK_DELAY_MS
        shown = None
        for _ in range(attempts):
            self.click_field(label)
            self.key("ctrl+a", "BackSpace")
            for index, line in enumerate(text.split("\n")):
                if index:  # `xdotool type` would not make a new line of "\n"
                    self.key("Return")
                if line:
                    self.x.xdotool("type", "--delay", str(delay), line)
            shown = self.text_area(label)
            if shown == text:
                return
        raise AssertionError(f"typed {text!r} into {label!r} {attempts} times; it holds {shown!r}")

    def paste_into(self, label: str, text: str) -> None:
        """Put `text` on the clipboard (as if copied from a spreadsheet: cells separated by tabs),
        click into the field `label`, select what it holds and paste over it with ctrl+v; check it."""
        set_clipboard(self.office, text, self.timeout)
        self.click_field(label)
        self.key("ctrl+a", "ctrl+v")
        self._wait(f"{label!r} to hold the pasted text", lambda: self.text_area(label) == text or None, 10.0)
        set_clipboard(self.office, text, self.timeout)  # `text_area` copied over it: as it was


class MessageBoxDriver(DialogDriver):
    """A message box (an ALERT top window: its title, the message, 确定) in its own X window, read
    through accessibility and answered with real keys (`key("Return")`) or clicks (`click("确定")`).
    Find it with `appeared`; leaving the context presses Escape while it is still open."""

    @classmethod
    def appeared(cls, xvfb: Xvfb, office: Any, before: List[int], timeout: float = 15.0) -> MessageBoxDriver:
        """Wait (bounded) for a message box among the office's top windows and for its X window (a
        window not among `before`, with the same place and size)."""
        toolkit = office.call(lambda: office.create("com.sun.star.awt.Toolkit"), timeout=timeout)
        alert = _constant("AccessibleRole", "ALERT")

        def find() -> Optional[Tuple[str, Tuple[int, int, int, int]]]:
            for index in range(toolkit.getTopWindowCount()):
                context = toolkit.getTopWindow(index).getAccessibleContext()
                if context is not None and context.getAccessibleRole() == alert:
                    point, size = context.getLocationOnScreen(), context.getSize()
                    return str(context.getAccessibleName()), (point.X, point.Y, size.Width, size.Height)
            return None

        title, place = wait_for("a message box", lambda: office.call(find, timeout=timeout), timeout)

        def window() -> Optional[int]:
            new = [w for w in xvfb.windows() if w not in before]
            same = [w for w in new if xvfb.geometry(w) == place]
            return same[0] if same else (new[0] if len(new) == 1 else None)

        return cls(xvfb, office, title, wait_for(f"the X window of the message box {title!r}", window, timeout),
                   timeout)

    def _context(self) -> Any:
        alert = _constant("AccessibleRole", "ALERT")
        for index in range(self._toolkit.getTopWindowCount()):
            context = self._toolkit.getTopWindow(index).getAccessibleContext()
            if context is not None and context.getAccessibleRole() == alert \
                    and context.getAccessibleName() == self.title:
                return context
        raise LookupError(f"no message box {self.title!r} among the top windows")

    def message(self) -> str:
        """The message as shown (its text, lines as they are)."""
        roles = {_constant("AccessibleRole", name) for name in ("STATIC", "LABEL")}
        return self._call(lambda: "\n".join(str(context.getText()) for role, _, _, context in _walk(self._context())
                                            if role in roles and context.getText()))

    def buttons(self) -> List[str]:
        button = _constant("AccessibleRole", "PUSH_BUTTON")
        return [name for role, _, name, _ in self._controls() if role == button]


# -- the clipboard, as the office sees it ------------------------------------------------------------

def set_clipboard(office: Any, text: str, timeout: float = 15.0) -> None:
    """Put plain `text` on the office's system clipboard (the X CLIPBOARD selection), as a copy from
    another program would: ctrl+v in the office then pastes it."""
    import unohelper
    from com.sun.star.datatransfer import XTransferable

    flavor = _text_flavor()

    class Text(unohelper.Base, XTransferable):  # type: ignore[misc]
        def getTransferData(self, asked: Any) -> str:
            if not asked.MimeType.startswith("text/plain"):
                from com.sun.star.datatransfer import UnsupportedFlavorException

                raise UnsupportedFlavorException(asked.MimeType, self)
            return text

        def getTransferDataFlavors(self) -> Tuple[Any, ...]:
            return (flavor,)

        def isDataFlavorSupported(self, asked: Any) -> bool:
            return bool(asked.MimeType.startswith("text/plain"))

    def put() -> None:
        office.create("com.sun.star.datatransfer.clipboard.SystemClipboard").setContents(Text(), None)

    office.call(put, timeout=timeout)


def clipboard_text(office: Any, timeout: float = 15.0) -> str:
    """The plain text on the office's system clipboard ("" when it holds none)."""
    def read() -> str:
        contents = office.create("com.sun.star.datatransfer.clipboard.SystemClipboard").getContents()
        if contents is None:
            return ""
        for flavor in contents.getTransferDataFlavors():
            if flavor.MimeType.startswith("text/plain;charset=utf-16"):
                return str(contents.getTransferData(flavor))
        return ""

    return office.call(read, timeout=timeout)  # type: ignore[no-any-return]


def _text_flavor() -> Any:
    import uno
    from com.sun.star.datatransfer import DataFlavor

    return DataFlavor("text/plain;charset=utf-16", "Unicode-Text", uno.getTypeByName("string"))
