"""``sanhui:TaskLedger``: every action item of this document, or of every .odt/.docx in a folder,
in a new document — the same reader and writer as ``python -m sanhui ledger``."""

from __future__ import annotations

import os
import tempfile
import uuid
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import uno
from com.sun.star.beans import PropertyValue

from ..dates import Month
from ..forms.annual_form import parse_annual
from ..forms.arguments import check_names
from ..forms.errors import FormError
from ..forms.fields import bool_value, month_value, text_value
from ..i18n import text
from ..model.ledger import LedgerItem, merge_copies, sorted_items
from ..odf.annual_writer import render_annual
from ..odf.ledger_reader import read_items, read_one
from ..odf.ledger_writer import render_ledger
from ..odf.review_writer import due_for_review, render_review
from ..schedule import schedule
from .command import Invocation, Refusal
from .insertion import check_insertable, insert_fragment
from .progress import read_folder
from .settings import load_profile

FIELDS = ("Source", "Interactive")


def _prop(name: str, value: Any) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _this_document(inv: Invocation, today: date) -> List[LedgerItem]:
    """Read the current document as it is now, through a temporary copy (it is not touched)."""
    doc = inv.document
    handle, name = tempfile.mkstemp(suffix=".odt", prefix="sanhui-ledger-")
    os.close(handle)
    try:
        doc.storeToURL(uno.systemPathToFileUrl(name), (_prop("FilterName", "writer8"),))
        items = read_items(Path(name), today)
    finally:
        os.unlink(name)
    title = doc.getTitle() or text("this_document", inv.lang)
    return [LedgerItem(title, i.kind, i.number, i.item, i.owner, i.deadline_text, i.deadline, i.status)
            for i in items]


def _interactive(inv: Invocation) -> bool:
    return inv.clicked or bool_value("Interactive", inv.args.get("Interactive", False))


def _source(given: Mapping[str, object]) -> str:
    """"document", or the folder as given (a path or a file URL), checked to be a folder."""
    source = text_value("Source", given.get("Source"), limit=2000) or "document"
    if source != "document":
        folder_path(source)
    return source


def _ask(inv: Invocation, given: Dict[str, object], review: bool,
         check: Callable[[Mapping[str, object]], object]) -> Optional[Dict[str, object]]:
    """On a click (or Interactive=True): the dialog, prefilled with the arguments given."""
    from .ledger_dialog import LedgerDialog  # only a click needs the dialog's code

    return LedgerDialog(inv.ctx, inv.frame, inv.lang, given, review, check).run()


def task_ledger(inv: Invocation) -> str:
    """Open the ledger as a new, untitled document; report how many items and bad files."""
    given = {k: v for k, v in check_names(inv.args, FIELDS).items() if k != "Interactive"}
    interactive = _interactive(inv)
    if interactive:
        asked = _ask(inv, given, False, _source)
        if asked is None:
            return text("cancelled", inv.lang)
        given = asked
    source = _source(given)
    today = date.today()
    problems: List[str] = []
    if source == "document":
        items = _this_document(inv, today)
        scope = text("this_document", inv.lang)
    else:
        folder = folder_path(source)
        read = _folder(inv, folder, today, interactive)
        if read is None:
            return text("cancelled_reading", inv.lang)
        items, problems = read
        scope = str(folder)
    items = sorted_items(merge_copies(items))
    data = render_ledger(items, today, scope, problems)
    open_new(inv, data)
    late = sum(1 for i in items if i.days_overdue(today))
    message = text("ledger_done", inv.lang, {"count": len(items), "late": late})
    if problems:
        message += text("ledger_bad_files", inv.lang, {"count": len(problems)})
    return message


def _folder(inv: Invocation, folder: Path, today: date, interactive: bool
            ) -> Optional[Tuple[List[LedgerItem], List[str]]]:
    """Read file by file with the frame's progress bar (and, after a click, a window with 取消);
    None when the person cancelled."""
    read = read_folder(inv, folder, lambda path: read_one(path, today)[1:], interactive)
    if read is None:
        return None
    items, bad, _ = read
    return items, [f"{path.name}：{error}" for path, error in bad]


def open_new(inv: Invocation, data: bytes, failed: str = "ledger_open_failed") -> None:
    """Open ``data`` (an .odt) as a new, untitled document (AsTemplate: saving asks for a name);
    the temporary file it is loaded from is gone afterwards."""
    handle, name = tempfile.mkstemp(suffix=".odt", prefix="sanhui-ledger-")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    try:
        desktop = inv.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", inv.ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(name), "_blank", 0,
                                           (_prop("AsTemplate", True),))
        if doc is None:
            raise Refusal(failed)
    finally:
        os.unlink(name)




REVIEW_FIELDS = ("Month", "Source", "Interactive")


def insert_review(inv: Invocation) -> str:
    """Insert, at the cursor (in a 支委会 plan), last month's unfinished and overdue items."""
    doc = inv.document
    check_insertable(inv, doc)
    given = {k: v for k, v in check_names(inv.args, REVIEW_FIELDS).items() if k != "Interactive"}
    today = date.today()
    interactive = _interactive(inv)
    if interactive:
        shown = dict(given)
        shown.setdefault("Month", Month.of(today).format())
        asked = _ask(inv, shown, True, lambda values: (_month(values, today), _source(values)))
        if asked is None:
            return text("cancelled", inv.lang)
        given = asked
    month = _month(given, today)
    source = _source(given)
    if source == "document":
        items = _this_document(inv, today)
    else:
        read = _folder(inv, folder_path(source), today, interactive)
        if read is None:
            return text("cancelled_reading", inv.lang)
        items = read[0]
    due = sorted_items(due_for_review(merge_copies(items), month))
    token = uuid.uuid4().hex[:10]
    insert_fragment(inv, doc, lambda _whole: render_review(due, month, today, token),
                    text("undo_insert_review", inv.lang))
    return text("review_done", inv.lang, {"month": month.previous().format(), "count": len(due)})


def _month(given: Mapping[str, object], today: date) -> Month:
    """The plan's month (default this month); the check lists the month before it."""
    raw = given.get("Month")
    return month_value("Month", raw) if raw not in (None, "") else Month.of(today)


def folder_path(source: str) -> Path:
    """The folder of a Source argument (a path or a file URL); FormError when it is none."""
    try:
        folder = Path(uno.fileUrlToSystemPath(source) if source.startswith("file:") else source)
    except Exception:
        raise FormError("Source", "not_a_folder", value=source) from None
    if not folder.is_dir():
        raise FormError("Source", "not_a_folder", value=source)
    return folder


def insert_annual_plan(inv: Invocation) -> str:
    """Insert the year's schedule of meetings at the cursor."""
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    request = parse_annual(inv.args, date.today(), profile.rule_values(), has_committee=profile.has_committee())
    meetings, known = schedule(request.rules, request.year)
    insert_fragment(inv, doc, lambda _whole: render_annual(request.year, request.rules, meetings, known,
                                                           profile.branch), text("undo_insert_annual", inv.lang))
    count = sum(len(m) for m in meetings.values())
    moved = sum(1 for ms in meetings.values() for m in ms if m.moved_from)
    return text("annual_done", inv.lang, {"year": request.year, "count": count, "moved": moved})
