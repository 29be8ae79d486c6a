"""``sanhui:ImportPlan``: any month's guidance text, from a file or the clipboard, recognised
(content/recognise.py) and inserted at the cursor as a styled plan, as InsertPlan inserts one.

Plain text is decoded here (UTF-8, UTF-16, GBK/GB18030); .docx, .doc, .odt, .rtf and a page a
browser saved (.html) are opened hidden in LibreOffice with macros never run, and read paragraph
by paragraph with the labels of their automatic numbering, so a .docx whose 一、（一）come from
Word's lists reads as one whose labels were typed.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import datetime
from typing import Any, List, Optional, Tuple

import uno

from ..content.plan_builder import build_plan
from ..content.recognise import Recognised, decode_text, recognise
from ..dates import Month
from ..forms.import_form import (
    CLIPBOARD,
    MAX_SOURCE_BYTES,
    MAX_SOURCE_CHARS,
    TEXT_SUFFIXES,
    check_source_name,
    counts_sentence,
    parse_import,
    source_error,
)
from ..i18n import text
from ..model.plan import MonthPlan, NotesMode
from ..odf.plan_writer import RenderOptions
from ..odf.render import render_plan
from .command import Invocation
from .files import open_hidden
from .insertion import check_insertable, insert_fragment


def import_plan(inv: Invocation) -> str:
    """Read, recognise and insert; a click (or ``Interactive=True``) shows the dialog with its
    preview first, and nothing is read twice: the dialog hands back the text it previewed."""
    started = time.perf_counter()
    doc = inv.document
    check_insertable(inv, doc)
    request = parse_import(inv.args, interactive_default=inv.clicked)
    if request.interactive:
        from .import_dialog import ImportDialog  # only a click needs the dialog's code

        answer = ImportDialog(inv, request).run()
        if answer is None:
            return text("cancelled", inv.lang)
        request, source_text = answer
    else:
        source_text = read_source(inv.ctx, request.source)
    found = recognise(source_text)
    plan = plan_of(found, request.month, request.notes)
    insert_recognised(inv, doc, plan, text("undo_import_plan", inv.lang))
    inv.log.info("ImportPlan: %.1f ms in the handler, %d characters", (time.perf_counter() - started) * 1000,
                 len(source_text))
    return text("imported_plan", inv.lang, {"counts": counts_sentence(found.counts(), inv.lang)})


def plan_of(found: Recognised, month: Optional[Month], notes: NotesMode) -> MonthPlan:
    """The plan to write: the text's own title unless another month was asked for."""
    if not found.pack.parts and not found.pack.preamble and not found.pack.title:
        raise source_error("import_empty")
    label = month.format() if month is not None else found.month_text
    return build_plan(found.pack, None, label, "", notes)


def insert_recognised(inv: Invocation, doc: Any, plan: MonthPlan, undo_title: str) -> None:
    """One insertion of ``plan`` at the cursor, by the same rules as InsertPlan."""
    prefix = "sanhui-" + uuid.uuid4().hex[:8]

    def render(whole_document: bool) -> bytes:
        return render_plan(plan, RenderOptions(stamp=datetime.now(), note_prefix=prefix,
                                               start_page_style=whole_document, sentinels=True))

    insert_fragment(inv, doc, render, undo_title)


def read_source(ctx: Any, source: str) -> str:
    """The text of ``source``: the clipboard, or a file named by path or URL (bounded)."""
    if source == CLIPBOARD:
        found = clipboard_text(ctx)
        if not found.strip():
            raise source_error("import_clipboard_empty")
        return found[:MAX_SOURCE_CHARS]
    check_source_name(source)
    url, path, name = _locate(source)
    try:
        size = os.path.getsize(path)
    except OSError:
        raise source_error("import_missing", name=source) from None
    if size > MAX_SOURCE_BYTES:
        raise source_error("import_too_big", file=name, size=f"{size / 1048576:.1f} MiB",
                        limit=f"{MAX_SOURCE_BYTES / 1048576:.0f} MiB")
    if name.lower().endswith(TEXT_SUFFIXES):
        try:
            with open(path, "rb") as stream:
                data = stream.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise source_error("import_read_failed", file=name, detail=exc.strerror or str(exc)) from None
        return decode_text(data)[:MAX_SOURCE_CHARS]
    return "\n".join(office_lines(ctx, url, name))[:MAX_SOURCE_CHARS]


def _locate(source: str) -> Tuple[str, str, str]:
    """(file URL, system path, file name) of a path or file URL (Windows drive letters and
    non-ASCII folders included: LibreOffice's own conversion does the encoding)."""
    try:
        if source.startswith("file:"):
            url, path = source, uno.fileUrlToSystemPath(source)
        else:
            path = os.path.abspath(os.path.expanduser(source))
            url = uno.systemPathToFileUrl(path)
    except Exception:
        raise source_error("import_missing", name=source) from None
    return url, path, os.path.basename(path)


def office_lines(ctx: Any, url: str, name: str) -> List[str]:
    """Every paragraph of the document at ``url``, numbering labels included, in reading order
    (a table's cells row by row). Opened hidden and read-only; macros never run."""
    web = name.lower().endswith((".html", ".htm"))
    try:
        doc = open_hidden(ctx, url, "HTML (StarWriter)" if web else "")
    except Exception as exc:
        raise source_error("import_read_failed", file=name, detail=type(exc).__name__) from None
    if doc is None or not doc.supportsService("com.sun.star.text.TextDocument"):
        if doc is not None:
            doc.close(True)
        raise source_error("import_not_text", file=name)
    try:
        lines: List[str] = []
        _collect(doc.getText(), lines)
        return lines
    finally:
        doc.close(True)


def _collect(text_obj: Any, lines: List[str]) -> None:
    elements = text_obj.createEnumeration()
    while elements.hasMoreElements():
        element = elements.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for cell_name in element.getCellNames():
                _collect(element.getCellByName(cell_name), lines)
            continue
        lines.append(paragraph_text(element))


def paragraph_text(para: Any) -> str:
    """A paragraph as a reader sees it: its list label (automatic numbering) and its text."""
    label = ""
    try:
        if para.NumberingIsNumber:
            label = para.ListLabelString or ""
    except Exception:  # not a numbered paragraph
        label = ""
    return label + para.getString()


def clipboard_text(ctx: Any) -> str:
    """The clipboard's plain text (what a paste from a web page or WeChat gives), or ""."""
    clipboard = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.datatransfer.clipboard.SystemClipboard", ctx)
    contents = clipboard.getContents()
    if contents is None:
        return ""
    for flavor in contents.getTransferDataFlavors():
        if flavor.MimeType.startswith("text/plain"):
            data = contents.getTransferData(flavor)
            if isinstance(data, str):
                return data
            value = getattr(data, "value", data)
            if isinstance(value, bytes):
                return decode_text(value)
    return ""
