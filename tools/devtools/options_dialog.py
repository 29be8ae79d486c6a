"""Tools › Options opened on the extension's own page in a real window, read and driven as a person would.

`.uno:OptionsTreeDialog` with the argument `OptionsPageURL` opens the Options dialog on the page whose
`OptionsPage` URL is given, in the form the configuration holds it (OptionsDialog.xcu's `%origin%`
expanded to `vnd.sun.star.expand:$UNO_USER_PACKAGES_CACHE/…`). The dialog is modal, so its dispatch
runs in a thread of its own. What is on it is read through the accessibility tree (an edit field is
named after its label, VCL's "(A)" mnemonic included; the page's controls sit in panels below the
dialog), clicked with real mouse events and typed into with real key events (xdotool).

Seen with LibreOffice 7.4 under Xvfb (gen): a button click is lost when the pointer moves on before
VCL has handled the release, and keys sent in the first moments after a click into a field, or
typed quickly as CJK characters (xdotool remaps a spare key code for each), can be lost; so the
pointer stays where it clicked, and what is typed is read back and typed again when it did not land.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from devtools.xvfb import Xvfb, accessible_states, plain_label, wait_for

if TYPE_CHECKING:
    from devtools.office import Office

LEAVES = "/org.openoffice.Office.OptionsDialog/Nodes/org.sanhui.writer.PartyMeetings/Leaves/"
PROFILE_LEAF, ROLL_LEAF, RULES_LEAF = (f"org.sanhui.writer.{name}" for name in
                                       ("BranchProfile", "MemberRoll", "ScheduleRules"))
LEAF = LEAVES + PROFILE_LEAF
FIELD_ROLES = ("TEXT", "SCROLL_PANE")  # a single-line edit, a multi-line one
CLOSING = ("确定", "取消", "OK", "Cancel")
CJK_DELAY_MS = 100
ASCII_DELAY_MS = 40


def _role(name: str) -> int:
    import uno

    return int(uno.getConstantByName(f"com.sun.star.accessibility.AccessibleRole.{name}"))


def _state(name: str) -> int:
    import uno

    return int(uno.getConstantByName(f"com.sun.star.accessibility.AccessibleStateType.{name}"))


def page_url(office: Office, leaf: str = PROFILE_LEAF) -> str:
    """A page's URL as the Options dialog knows it: the leaf's configured OptionsPage."""
    from com.sun.star.beans import PropertyValue

    def read() -> str:
        provider = office.create("com.sun.star.configuration.ConfigurationProvider")
        arg = PropertyValue(Name="nodepath", Value=LEAVES + leaf)
        node = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", (arg,))
        return str(node.getByName("OptionsPage"))

    return office.call(read, timeout=30)


def _walk(context: Any) -> Iterator[Any]:
    """Every accessible context under `context`, depth first (long lists, like the tree's, skipped)."""
    yield context
    count = context.getAccessibleChildCount()
    if count > 200:
        return
    for index in range(count):
        yield from _walk(context.getAccessibleChild(index).getAccessibleContext())


def new_window(x: Xvfb, before: Iterable[int], what: str, timeout: float = 15.0) -> int:
    """The largest X window that was not among `before` (tooltips come and go as the pointer rests:
    a window less than 40 pixels high is not what we wait for)."""
    known = set(before)

    def probe() -> Optional[int]:
        sizes = {w: x.geometry(w) for w in set(x.windows()) - known}
        big = [(width * height, w) for w, (_, _, width, height) in sizes.items() if height >= 40]
        return max(big)[1] if big else None

    return wait_for(what, probe, timeout)


class OptionsDialog:
    """The Options dialog of one office, opened on the page `url`; use as a context manager.

    Leaving the context closes a message box still up and presses Cancel while the dialog is open,
    then waits (bounded) for the dispatch to end, so a failed test leaves no modal dialog behind.
    """

    def __init__(self, x: Xvfb, office: Office, doc: Any, url: str, timeout: float = 30.0) -> None:
        self.x = x
        self.office = office
        self.doc = doc
        self.url = url
        self.timeout = timeout
        self.window = 0  # the dialog's X window
        self._thread: Optional[threading.Thread] = None
        self._outcome: Dict[str, Any] = {}

    def __enter__(self) -> OptionsDialog:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        for _ in range(3):
            if not self.is_open():
                break
            with contextlib.suppress(Exception):
                for box in set(self.x.windows()) - self._windows:  # a message box: Return closes it
                    self.x.key(box, "Return")
                self._cancel()
        with contextlib.suppress(Exception):
            self.wait_closed()

    def open(self, attempts: int = 5) -> OptionsDialog:
        """Dispatch `.uno:OptionsTreeDialog` in a thread; return once the page shows its fields and
        takes a click.

        Now and then (about one dialog in fifteen under Xvfb) the Options dialog comes up deaf to the
        pointer: no click and no Tab ever gives a control the focus, while Escape still cancels. A
        person would close it and open it again; so does this."""
        for _ in range(attempts):
            before = set(self.x.windows())
            self._outcome = {}
            self._thread = threading.Thread(target=self._dispatch, name="options-dialog", daemon=True)
            self._thread.start()
            self.window = new_window(self.x, before, "the Options dialog's window", self.timeout)
            self._windows = before | {self.window}
            fields = wait_for("the page's fields", lambda: self.field_names() or None, self.timeout)
            with contextlib.suppress(TimeoutError):
                self._clicked(FIELD_ROLES, fields[0], self._has_focus, "the page to take a click", 2)
                return self
            self._cancel()
            self._settle()
        raise TimeoutError(f"the Options dialog took no click in {attempts} openings")

    def _settle(self) -> None:
        """Between openings: the document's window gets the keyboard back and the pointer leaves
        the screen's middle, then a second's pause. (A suite run once saw two tests in a row whose
        dialog took no click in three openings, right after the headless tests had loaded the
        machine; the same tests passed alone.)"""
        with contextlib.suppress(Exception):
            self.office.call(lambda: self.doc.getCurrentController().getFrame().getContainerWindow().setFocus(),
                             timeout=self.timeout)
        with contextlib.suppress(Exception):
            self.x.xdotool("mousemove", "0", "0")
        time.sleep(1.0)

    def _dispatch(self) -> None:
        try:
            self._outcome["result"] = self.office.dispatch(
                self.doc, ".uno:OptionsTreeDialog", {"OptionsPageURL": self.url}, timeout=600)
        except BaseException as exc:
            self._outcome["error"] = exc

    def _cancel(self) -> None:
        """Escape: Cancel, and it works when clicks do not."""
        self.x.key(self.window, "Escape")
        assert self._thread is not None
        self._thread.join(5)

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
            if context is not None and context.getAccessibleRole() == dialog and any(
                    c.getAccessibleRole() == tree for c in _walk(context)):
                return context
        raise LookupError("no Options dialog among the top windows")

    def _controls(self) -> List[Tuple[int, str, Any]]:
        return self.office.call(
            lambda: [(c.getAccessibleRole(), plain_label(c.getAccessibleName()), c) for c in _walk(self._dialog())],
            timeout=self.timeout)

    def title(self) -> str:
        return str(self.office.call(lambda: self._dialog().getAccessibleName(), timeout=self.timeout))

    def selected_page(self) -> List[str]:
        """The tree's selected entries (the page shown), as the tree names them."""
        tree, selected = _role("TREE"), _state("SELECTED")
        return [name for role, name, c in self._controls()
                if role != tree and selected in accessible_states(c) and name]

    def fields(self) -> Dict[str, str]:
        """The page's single-line fields by label: their text (read through accessibility). A
        multi-line field is not among them: in 7.4 it is a SCROLL_PANE whose text area has neither
        name nor text, in 25.2 a TEXT named after its label with the state MULTI_LINE."""
        edit, multi_line = _role("TEXT"), _state("MULTI_LINE")
        return self.office.call(lambda: {name: str(c.getText()) for role, name, c in self._controls()
                                         if role == edit and name and multi_line not in accessible_states(c)},
                                timeout=self.timeout)

    def field_names(self) -> List[str]:
        """The labels of the page's fields, single- and multi-line, in order."""
        roles = {_role(role) for role in FIELD_ROLES}
        return [name for role, name, _ in self._controls() if role in roles and name]

    def multi_line_text(self, label: str) -> str:
        """A multi-line field's text. VCL 7.4 gives its text area no accessible text, so read it the
        way a person would take it: click in, select all, copy, and look at the clipboard."""
        def clipboard() -> str:
            contents = self.office.create("com.sun.star.datatransfer.clipboard.SystemClipboard").getContents()
            for flavor in contents.getTransferDataFlavors() if contents is not None else ():
                if flavor.MimeType.startswith("text/plain"):
                    return str(contents.getTransferData(flavor))
            return ""

        def clear() -> None:  # so that a lost ctrl+c does not read what an earlier copy left
            self.office.create("com.sun.star.datatransfer.clipboard.SystemClipboard").setContents(None, None)

        text = ""
        for pause in (0.3, 1.0):  # keys right after the click can be lost: an empty copy is tried again
            self.office.call(clear, timeout=self.timeout)
            self.focus_field(label)
            time.sleep(pause)
            self.x.xdotool("key", "ctrl+a", "ctrl+c")
            time.sleep(0.2)
            text = self.office.call(clipboard, timeout=self.timeout).replace("\r\n", "\n")
            if text:
                break
        return text

    def labels(self) -> List[str]:
        """The page's labels in order (the last one is the status line)."""
        label = _role("LABEL")
        return [name for role, name, _ in self._controls() if role == label]

    def status(self) -> str:
        """The page's status line (its last label)."""
        return self.labels()[-1]

    def _find(self, roles: Tuple[str, ...], names: Tuple[str, ...]) -> Any:
        wanted = {_role(role) for role in roles}
        for role, name, context in self._controls():
            if role in wanted and name in names:
                return context
        raise LookupError(f"no {'/'.join(roles)} named {'/'.join(names)} on the Options dialog")

    # -- acting -------------------------------------------------------------------------------

    def click(self, roles: Tuple[str, ...], *names: str) -> Any:
        """A real mouse click in the control (of one of `roles`) named one of `names`; its context."""
        context = self._find(roles, names)

        def where() -> Tuple[int, int]:
            point, size = context.getLocationOnScreen(), context.getSize()
            return point.X + size.Width // 2, point.Y + min(size.Height // 2, 12)

        left, top = self.office.call(where, timeout=self.timeout)
        if self.x.focused() != self.window:
            self.x.focus(self.window)
            time.sleep(0.3)
        # The pointer stays on the control: a release VCL handles after the pointer moved on is
        # taken as outside the button, and no click at all.
        self.x.xdotool("mousemove", str(left), str(top))
        time.sleep(0.1)
        self.x.xdotool("click", "1")
        return context

    def _clicked(self, roles: Tuple[str, ...], name: str, done: Callable[[Any], bool], what: str,
                 clicks: int = 3) -> None:
        """Click until `done(context)` says the click was taken (a click can be lost, see above)."""
        for _ in range(clicks):
            context = self.click(roles, name)
            with contextlib.suppress(TimeoutError):
                wait_for(what, lambda c=context: done(c) or None, 3)
                return
        raise TimeoutError(f"{what}: not after {clicks} clicks")

    def _has_focus(self, context: Any) -> bool:
        focused = _state("FOCUSED")  # in a multi-line field the text area inside has it
        return bool(self.office.call(
            lambda: any(focused in accessible_states(c) for c in _walk(context)),
            timeout=self.timeout))

    def focus_field(self, label: str) -> None:
        """Click into a field until it has the keyboard."""
        self._clicked(FIELD_ROLES, label, self._has_focus, f"{label!r} to have the keyboard")

    def type_into(self, label: str, text: str, attempts: int = 3) -> None:
        """Click into the field, select what it holds and type `text` over it key by key (lines
        with Return between them); read it back and type it again when a key was lost."""
        def reads() -> str:
            return self.multi_line_text(label) if "\n" in text else self.fields().get(label, "")

        delay = ASCII_DELAY_MS if text.isascii() else CJK_DELAY_MS
        for attempt in range(attempts):
            self.focus_field(label)
            time.sleep(0.2 * (attempt + 1))
            self.x.xdotool("key", "ctrl+a", "BackSpace")
            for index, line in enumerate(text.split("\n")):
                if index:  # `xdotool type` drops a "\n": the Return key makes the new line
                    self.x.xdotool("key", "Return")
                if line:
                    self.x.xdotool("type", "--delay", str(delay), line)
            with contextlib.suppress(TimeoutError):
                wait_for(f"{label!r} to read {text!r}", lambda: reads() == text or None, 3)
                return
        raise TimeoutError(f"typed {text!r} into {label!r} {attempts} times, but it reads {reads()!r}")

    def press(self, button: str) -> None:
        """Click a button of the dialog (确定/OK, 应用/Apply, 重置/Reset, 取消/Cancel) until it was
        taken: a message box came up, the dialog closed (OK, Cancel) or the button has the focus
        (Apply, Reset: what they do is for the caller to check)."""
        before = set(self.x.windows())
        closes = button in CLOSING

        def taken(context: Any) -> bool:
            if not self.is_open() or set(self.x.windows()) - before - {self.window}:
                return True
            if closes:
                return False
            try:
                return self._has_focus(context)
            except Exception:  # the dialog is going away
                return not self.is_open()

        self._clicked(("PUSH_BUTTON",), button, taken, f"the button {button!r} to be pressed")

    def message_box(self, before: Iterable[int]) -> Tuple[int, str]:
        """A message box that came up over the dialog (not among `before`): its X window and its
        title and message ("三会一课: …"), read from the top window that is an ALERT."""
        box = new_window(self.x, before, "a message box over the Options dialog", self.timeout)
        alert, button = _role("ALERT"), _role("PUSH_BUTTON")

        def text() -> Optional[str]:
            toolkit = self.office.create("com.sun.star.awt.Toolkit")
            for index in range(toolkit.getTopWindowCount()):
                context = toolkit.getTopWindow(index).getAccessibleContext()
                if context is None or context.getAccessibleRole() != alert:
                    continue
                texts = [str(c.getAccessibleName()) for c in _walk(context)
                         if c.getAccessibleRole() not in (alert, button) and c.getAccessibleName()]
                return f"{context.getAccessibleName()}: " + "\n".join(texts)
            return None

        return box, wait_for("the message box's text", lambda: self.office.call(text, timeout=self.timeout),
                             self.timeout)

    def open_window(self, button: str, what: str, clicks: int = 3) -> int:
        """Click a button that opens a window of its own (a file picker); that window. A click can
        be lost, and the button's tooltip is a new window too, so wait for a window of some size
        (new_window) and click again when none came."""
        before = set(self.x.windows())
        for _ in range(clicks):
            self.click(("PUSH_BUTTON",), button)
            with contextlib.suppress(TimeoutError):
                return new_window(self.x, before, what, 8)
        raise TimeoutError(f"{what}: not opened after {clicks} clicks on {button!r}")

    def choose_file(self, button: str, path: str, attempts: int = 3) -> None:
        """Open LibreOffice's own file picker with `button`, type the file's full path into its
        file name field and press Return, as a person would; wait until the picker is gone. The
        field has the keyboard when the picker opens."""
        picker = self.open_window(button, "the file picker")
        time.sleep(1.0)  # the picker lists its folder first
        for _ in range(attempts):
            self.x.focus(picker)
            time.sleep(0.3)
            self.x.xdotool("key", "ctrl+a", "BackSpace")
            self.x.xdotool("type", "--delay", str(ASCII_DELAY_MS), path)
            time.sleep(0.3)
            self.x.xdotool("key", "Return")
            with contextlib.suppress(TimeoutError):
                wait_for("the file picker to close", lambda: picker not in self.x.windows() or None, 5)
                return
        raise TimeoutError(f"the file picker did not take {path!r} in {attempts} attempts")

    def close_box(self, box: int) -> None:
        """Return on the box (its only button is OK); wait until it is gone."""
        self.x.key(box, "Return")
        wait_for("the message box to close", lambda: box not in self.x.windows() or None, self.timeout)
