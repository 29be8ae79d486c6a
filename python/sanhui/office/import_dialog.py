"""The 导入“三会一课”方案 dialog: where the month's guidance comes from (a file, or text pasted into
the box), a preview of what the recogniser makes of it, and how it goes in (月份, 备注方式).

The preview is the point of the dialog: a secretary sees the outline with the labels the plan
will get (一、（一）1.（1）), the 备注 found and the lines not understood *before* anything is
inserted, and fixes the source if it is wrong. What was previewed is what is inserted: ``run()``
hands back the text it read, so a file is not read twice (and a .docx not opened twice).

The preview follows the source without a click where that is cheap and safe: a file chosen with
浏览…, the path field or the text box left, the option switched, a paste into the box (a change of
many characters at once). Typing key by key does not re-recognise on every key; 刷新预览 does it at
any time. A preview that fails says why in the red line without moving the focus; 确定 and 刷新预览
move it to the field at fault.

The box is prefilled from the clipboard only when the clipboard holds text that reads as a plan
(one part at least) and is not huge: what a secretary just copied from the 党委's article is
there at once, while an unrelated clipboard (a password, a link) is never shown.
"""

from __future__ import annotations

import contextlib
import os
from typing import Callable, Dict, Optional, Tuple

import uno

from ..content.recognise import Recognised, recognise
from ..forms.errors import FormError
from ..forms.fields import month_value
from ..forms.import_form import CLIPBOARD, MAX_SOURCE_CHARS, NOTES_CHOICES, ImportRequest, counts_sentence, parse_import
from ..forms.import_preview import preview_text
from ..i18n import text
from .command import Invocation
from .files import pick_file, shown_path
from .form_dialog import FormDialog
from .plan_import import clipboard_text, plan_of, read_source

NOTES = tuple(name for name, _ in NOTES_CHOICES)  # the Notes list's entries, in order
PLAN_SUFFIXES = "*.txt;*.docx;*.doc;*.odt;*.rtf;*.html;*.htm"
PASTE_JUMP = 40  # characters changed at once in the box that mean a paste (or a cut), not typing
PREFILL_LIMIT = 200_000  # a clipboard larger than this is not recognised just to decide on a prefill
FILE, TEXT = "File", "Text"  # the two sources, named as their fields

# What a preview was made of: (FILE, path, size, mtime) or (TEXT, the text itself).
SourceKey = Tuple[object, ...]


class ImportDialog(FormDialog):
    """Create with the ImportPlan request the arguments make; ``run()`` returns (request, the
    text previewed) when confirmed, None when cancelled."""

    def __init__(self, inv: Invocation, request: ImportRequest) -> None:
        super().__init__(inv.ctx, inv.frame, inv.lang, "ImportDialog")
        self.inv = inv
        self.result: Optional[Tuple[ImportRequest, str]] = None
        self.previewed: Optional[Tuple[SourceKey, str, Recognised]] = None
        self.filling = True  # text set here is not the user's typing: no events act on it
        try:
            self.fill(request)
        finally:
            self.filling = False
        self.refresh(quiet=True)

    def handlers(self) -> Dict[str, Callable[[], None]]:
        return {"onOk": self.ok, "onBrowse": self.browse, "onRefresh": lambda: self.refresh(quiet=False),
                "onSourceChanged": self.source_changed, "onFileTyped": self.file_typed,
                "onFileLeft": self.field_left, "onTextTyped": self.text_typed, "onTextLeft": self.field_left,
                "onMonthLeft": self.month_left}

    # -- what the user sees ---------------------------------------------------------------------

    def fill(self, request: ImportRequest) -> None:
        """The request's values in the controls; the clipboard in the box when it holds a plan."""
        if request.month is not None:
            self.control("Month").setText(request.month.format())
        self.control("Notes").getModel().SelectedItems = (NOTES.index(request.notes.value),)
        self.control("Preview").getModel().Text = text("preview_hint", self.lang)
        if request.source == CLIPBOARD or not request.source:
            pasted = self._clipboard_plan()
            if pasted or request.source == CLIPBOARD:
                self.control(TEXT).getModel().Text = pasted
                self.control("FromText").setState(True)
        else:
            self.control(FILE).setText(shown_path(request.source))
            self.control("FromFile").setState(True)

    def _clipboard_plan(self) -> str:
        """The clipboard's text when it reads as a plan, else "" (see the module's docstring)."""
        try:
            found = clipboard_text(self.ctx)
            if not found.strip() or len(found) > PREFILL_LIMIT:
                return ""
            return found if recognise(found).pack.parts else ""
        except Exception:  # a clipboard owner that does not answer, a recogniser bug: no prefill
            self.inv.log.warning("ImportPlan: the clipboard was not read for the dialog", exc_info=True)
            return ""

    def source(self) -> str:
        """FILE or TEXT: the option chosen."""
        return FILE if self.control("FromFile").getState() else TEXT

    def key(self) -> Optional[SourceKey]:
        """What the preview would be made of now; None when there is nothing to read."""
        if self.source() == FILE:
            path = self.control(FILE).getText().strip()
            if not path:
                return None
            try:
                local = uno.fileUrlToSystemPath(path) if path.startswith("file:") else os.path.expanduser(path)
                stat = os.stat(local)
                return (FILE, path, stat.st_size, stat.st_mtime_ns)
            except Exception:  # missing, unreadable, not a path: reading it says what is wrong
                return (FILE, path, None, None)
        pasted = _lines(self.control(TEXT).getText())
        return (TEXT, pasted) if pasted.strip() else None

    def read_text(self, key: SourceKey) -> str:
        """The text of the source ``key`` names; FormError naming the dialog's field."""
        if key[0] == TEXT:
            return str(key[1])[:MAX_SOURCE_CHARS]
        path = str(key[1])
        try:
            return read_source(self.ctx, path)
        except FormError as exc:
            raise _on_field(exc, FILE) from None

    def recognised(self, key: SourceKey) -> Tuple[str, Recognised]:
        """(text, what the recogniser found) for ``key``: the last preview's when it is the same
        source, else read and recognised now (and kept as the preview's)."""
        if self.previewed is not None and self.previewed[0] == key:
            return self.previewed[1], self.previewed[2]
        source_text = self.read_text(key)
        found = recognise(source_text)
        self.previewed = (key, source_text, found)
        return source_text, found

    def show_preview(self, found: Recognised) -> None:
        self.control("Preview").getModel().Text = preview_text(found.pack, found.unread, self.month_label(found),
                                                               self.lang)
        self.control("Counts").getModel().Label = text(
            "preview_counts", self.lang, {"counts": counts_sentence(found.counts(), self.lang)})

    def clear_preview(self) -> None:
        self.control("Preview").getModel().Text = text("preview_hint", self.lang)
        self.control("Counts").getModel().Label = ""

    def month_label(self, found: Recognised) -> str:
        """The month the title will show: the 月份 typed when it reads as one, else the text's own."""
        typed = self.control("Month").getText().strip()
        if typed:
            with contextlib.suppress(FormError):
                return month_value("Month", typed).format()
        return found.month_text

    # -- what the user does ---------------------------------------------------------------------

    def refresh(self, quiet: bool) -> None:
        """Preview the source chosen now. ``quiet`` (the dialog's own refreshes): a failure is
        said in the red line but the focus stays where the user put it."""
        key = self.key()
        if key is None:
            self.clear_preview()
            if not quiet:
                self.refuse(self.nothing_chosen())
            return
        try:
            _, found = self.recognised(key)
        except FormError as exc:
            self.clear_preview()
            if quiet:
                self.show_message(exc.message(self.lang))
            else:
                self.refuse(exc)
            return
        except Exception as exc:  # never an exception out of an event handler: it would be lost
            self.inv.log.exception("ImportPlan: the preview failed")
            self.clear_preview()
            self.show_message(text("preview_failed", self.lang, {"message": type(exc).__name__}))
            return
        self.show_preview(found)
        self.show_message("")

    def nothing_chosen(self) -> FormError:
        return FormError(FILE, "import_no_file") if self.source() == FILE else FormError(TEXT, "import_no_text")

    def source_changed(self) -> None:
        if not self.filling:
            self.refresh(quiet=True)

    def file_typed(self) -> None:
        """Typing (or pasting) a path means the file is wanted: no extra click on the option."""
        if not self.filling and self.control(FILE).getText().strip():
            self.control("FromFile").setState(True)

    def text_typed(self) -> None:
        """Text in the box means the box is wanted; a paste (many characters at once) is
        previewed at once, typing when the box is left."""
        if self.filling:
            return
        pasted = _lines(self.control(TEXT).getText())
        if pasted.strip():
            self.control("FromText").setState(True)
        before = len(str(self.previewed[0][1])) if self.previewed and self.previewed[0][0] == TEXT else 0
        if abs(len(pasted) - before) >= PASTE_JUMP:
            self.refresh(quiet=True)

    def field_left(self) -> None:
        """The path or the box left: preview it when it is not what the preview shows."""
        key = self.key()
        if key is not None and (self.previewed is None or self.previewed[0] != key):
            self.refresh(quiet=True)

    def month_left(self) -> None:
        """The title in the preview follows the 月份 typed."""
        if self.previewed is not None and self.previewed[0] == self.key():
            self.show_preview(self.previewed[2])

    def browse(self) -> None:
        """LibreOffice's file picker, plan texts first; the file chosen is shown and previewed."""
        plans = f"{text('import_filter_plans', self.lang)} ({PLAN_SUFFIXES.replace(';', ', ')})"
        typed = self.control(FILE).getText().strip()
        folder = ""
        with contextlib.suppress(Exception):  # a half-typed path: start where the picker likes
            if typed:
                path = uno.fileUrlToSystemPath(typed) if typed.startswith("file:") else typed
                folder = uno.systemPathToFileUrl(os.path.dirname(path))
        chosen = pick_file(self.ctx, text("import_picker_title", self.lang), (
            (plans, PLAN_SUFFIXES), (f"{text('import_filter_all', self.lang)} (*.*)", "*.*")), start_folder=folder)
        files = [chosen] if chosen else []
        if files:
            self.control(FILE).setText(shown_path(str(files[0])))
            self.control("FromFile").setState(True)
            self.refresh(quiet=True)

    def values(self) -> Dict[str, object]:
        """The controls as ImportPlan's arguments (Source: the path, or clipboard for the box)."""
        selected = self.control("Notes").getModel().SelectedItems
        source = self.control(FILE).getText().strip() if self.source() == FILE else CLIPBOARD
        return {"Source": source, "Month": self.control("Month").getText().strip(),
                "Notes": NOTES[selected[0] if selected else 0]}

    def ok(self) -> None:
        """Checked as a script's arguments are, then read (or taken from the preview) and checked
        to hold a plan; a failure names the field and keeps the dialog open."""
        field = self.source()
        try:
            key = self.key()
            if key is None:
                raise self.nothing_chosen()
            try:
                request = parse_import(self.values())
            except FormError as exc:
                raise _on_field(exc, field) if exc.field == "Source" else exc from None
            source_text, found = self.recognised(key)
            try:
                plan_of(found, request.month, request.notes)  # nothing to insert is said here
            except FormError as exc:
                raise _on_field(exc, field) from None
        except FormError as exc:
            self.refuse(exc)
            return
        except Exception as exc:
            self.inv.log.exception("ImportPlan: reading the source failed in the dialog")
            self.show_message(text("preview_failed", self.lang, {"message": type(exc).__name__}), field)
            return
        if self.previewed is not None and self.previewed[0] == key:
            self.show_preview(found)  # what goes in is what the preview shows, to the last moment
        self.result = (request, source_text)
        self.close()

    def run(self) -> Optional[Tuple[ImportRequest, str]]:
        """Show the dialog modally; (request, text) when confirmed, None when cancelled."""
        self.execute()
        return self.result


def _on_field(exc: FormError, field: str) -> FormError:
    """The same message about the dialog's own field (文件 or 方案文字) instead of ``Source``."""
    params = dict(exc.params)
    params.pop("field", None)
    return FormError(field, exc.key, **params)


def _lines(typed: str) -> str:
    """The box's text with "\\n" line ends (VCL gives "\\r\\n" on Windows)."""
    return typed.replace("\r\n", "\n").replace("\r", "\n")
