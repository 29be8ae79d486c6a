"""Tools › Options opened on the extension's own page in a real window, read and driven as a person would.

`.uno:OptionsTreeDialog` with the argument `OptionsPageURL` opens the Options dialog on the page whose
`OptionsPage` URL (as OptionsDialog.xcu's leaf has it in the configuration, `vnd.sun.star.expand:…`)
is given. The dialog is modal, so its dispatch runs in a thread of its own; what is on it is read
through the accessibility tree (an edit field is named after its label, VCL's "(A)" mnemonic
included), clicked with real mouse events and typed into with real key events (xdotool).
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional, Tuple

from devtools.xvfb import Xvfb, plain_label, wait_for

if TYPE_CHECKING:
    from devtools.office import Office

LEAF = "/org.openoffice.Office.OptionsDialog/Nodes/org.sanhui.writer.PartyMeetings/Leaves/org.sanhui.writer.BranchProfile"


def _role(name: str) -> int:
    import uno

    return int(uno.getConstantByName(f"com.sun.star.accessibility.AccessibleRole.{name}"))


def page_url(office: Office) -> str:
    """The page's URL as the Options dialog knows it: the leaf's configured OptionsPage."""
    from com.sun.star.beans import PropertyValue

    def read() -> str:
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        arg = PropertyValue(Name="nodepath", Value=LEAF)
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))
        return str(node.getByName("OptionsPage"))

    return office.call(read, timeout=30)


def _walk(context: Any) -> Iterator[Any]:
    """Every accessible context under `context`, depth first (large lists, like the tree's, skipped)."""
    yield context
    count = context.getAccessibleChildCount()
    if count > 200:
        return
    for index in range(count):
        yield from _walk(context.getAccessibleChild(index).getAccessibleContext())


class OptionsDialog:
    """The Options dialog of one office, opened on the page `url`; use as a context manager.

    Leaving the context presses Cancel when the dialog is still open, and waits (bounded) for the
    dispatch to end, so a failed test never leaves a modal dialog that blocks the next one.
    """

    def __init__(self, x: Xvfb, office: Office, doc: Any, url: str, timeout: float = 30.0) -> None:
        self.x = x
        self.office = office
        self.doc = doc
        self.url = url
        self.timeout = timeout
        self.window = 0  # its X window
        self._thread: Optional[threading.Thread] = None
        self._outcome: Dict[str, Any] = {}

    def __enter__(self) -> OptionsDialog:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        if self.is_open():
            with contextlib.suppress(Exception):
                self.press("取消", "Cancel")
        with contextlib.suppress(Exception):
            self.wait_closed()

    def open(self) -> OptionsDialog:
        before = set(self.x.windows())

        def dispatch() -> None:
            try:
                self._outcome["result"] = self.office.dispatch(
                    self.doc, ".uno:OptionsTreeDialog", {"OptionsPageURL": self.url}, timeout=600)
            except BaseException as exc:
                self._outcome["error"] = exc

        self._thread = threading.Thread(target=dispatch, name="options-dialog", daemon=True)
        self._thread.start()
        self.window = wait_for("the Options dialog's window",
                               lambda: next(iter(set(self.x.windows()) - before), None), self.timeout)
        wait_for("the page's fields", lambda: self.fields() or None, self.timeout)
        return self

    def is_open(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait_closed(self) -> Tuple[int, str]:
        """Wait (bounded) until the dialog's dispatch returned; its (State, Result)."""
        assert self._thread is not None
        self._thread.join(self.timeout)
        if self._thread.is_alive():
            raise TimeoutError(f"the Options dialog did not close within {self.timeout:g} s")
        if "error" in self._outcome:
            raise self._outcome["error"]
        return self._outcome["result"]  # type: ignore[no-any-return]

    # -- reading ------------------------------------------------------------------------------

    def _dialog(self) -> Any:
        """The dialog's accessible context: the top window that is a dialog with a tree in it."""
        toolkit = self.office.create("com.sun.star.awt.Toolkit")
        dialog, tree = _role("DIALOG"), _role("TREE")
        for index in range(toolkit.getTopWindowCount()):
            context = toolkit.getTopWindow(index).getAccessibleContext()
            if context.getAccessibleRole() == dialog and any(
                    c.getAccessibleRole() == tree for c in _walk(context)):
                return context
        raise LookupError("no Options dialog among the top windows")

    def _controls(self) -> List[Tuple[int, str, Any]]:
        return self.office.call(
            lambda: [(c.getAccessibleRole(), plain_label(c.getAccessibleName()), c) for c in _walk(self._dialog())],
            timeout=self.timeout)

    def fields(self) -> Dict[str, str]:
        """The page's fields by label (single-line edits and the multi-line one): their text."""
        edit, multi = _role("TEXT"), _role("SCROLL_PANE")

        def text_of(context: Any) -> str:
            if context.getAccessibleRole() == multi:  # the text is in the scroll pane's panel
                for child in _walk(context):
                    if hasattr(child, "getText"):
                        return str(child.getText())
                raise LookupError("no text in the multi-line field")
            return str(context.getText())

        return self.office.call(lambda: {name: text_of(c) for role, name, c in self._controls()
                                         if role in (edit, multi) and name}, timeout=self.timeout)

    def labels(self) -> List[str]:
        """The page's labels in order (the last one is the status line)."""
        label = _role("LABEL")
        return [name for role, name, _ in self._controls() if role == label]

    def _find(self, *names: str) -> Any:
        for _, name, context in self._controls():
            if name in names:
                return context
        raise LookupError(f"nothing named {names} on the Options dialog")

    # -- acting -------------------------------------------------------------------------------

    def click(self, *names: str) -> None:
        """A real mouse click in the middle of the control (label or button) named one of `names`."""
        context = self._find(*names)

        def where() -> Tuple[int, int]:
            point, size = context.getLocationOnScreen(), context.getSize()
            return point.X + size.Width // 2, point.Y + min(size.Height // 2, 12)

        left, top = self.office.call(where, timeout=self.timeout)
        self.x.focus(self.window)
        self.x.xdotool("mousemove", "--sync", str(left), str(top), "click", "1")

    def type_into(self, label: str, text: str) -> None:
        """Click into the field, select what it holds and type `text` over it, key by key."""
        self.click(label)
        self.x.xdotool("key", "ctrl+a")
        if text:
            self.x.xdotool("type", "--delay", "40", text)
        else:
            self.x.xdotool("key", "BackSpace")
        wait_for(f"{label!r} to read {text!r}", lambda: self.fields().get(label) == text or None, 10)

    def press(self, *button: str) -> None:
        """Click a button of the dialog (确定/OK, 应用/Apply, 重置/Reset, 取消/Cancel)."""
        self.click(*button)


def message_box_after(x: Xvfb, known: List[int], timeout: float = 15.0) -> int:
    """The X window of a box that appeared on top of the `known` windows."""
    return wait_for("a message box", lambda: next(iter(set(x.windows()) - set(known)), None), timeout)


def settle(seconds: float = 0.3) -> None:
    """Let a repaint finish before a screenshot or a read that follows a click."""
    time.sleep(seconds)
