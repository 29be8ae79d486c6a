"""``sanhui:FormatAsPlan`` (整理为方案格式): the plan text already in the document — pasted from
a web page, typed, or a colleague's Word file — turned into the same structured plan InsertPlan
writes, in place: typed numbers become list numbering, the 公文 styles apply, 备注 become
comments or 备注 paragraphs. By structure (content/recognise.py), not by fonts.

What is replaced: the paragraphs the selection touches, or with nothing selected the whole body.
It is one undo step that gives the text back exactly. Refused where InsertPlan refuses (a header,
footer, footnote, frame, comment, protected section, read-only document), and also in a table
or over one: a table's cells are not plan paragraphs, and replacing one would lose its layout.
Comments already on the text are read as its 备注, so none is lost; as comments they keep
their author and date.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime
from typing import Any, Dict, List, Tuple

from ..content.recognise import Recognised, recognise
from ..forms.import_form import MAX_SOURCE_CHARS, counts_sentence, parse_format
from ..i18n import text
from ..model.plan import NotesMode, note_key
from ..odf.plan_writer import RenderOptions
from ..odf.render import render_plan
from .command import Invocation, Refusal
from .insertion import document_is_empty, replace_with_fragment
from .placement import check_editable, check_place, view_cursor
from .plan_import import paragraph_text, plan_of
from .plan_template import paragraph_annotations

MAX_PARAGRAPHS = 20_000  # a 300-page document; more is not a month's plan


def format_as_plan(inv: Invocation) -> str:
    """Recognise the selected (or whole) text and replace it by the plan, in one undo step."""
    started = time.perf_counter()
    doc = inv.document
    notes = parse_format(inv.args)
    if doc.isReadonly():
        raise Refusal("readonly")
    if document_is_empty(doc):
        raise Refusal("format_nothing")
    controller = inv.frame.getController()
    view = view_cursor(controller)
    in_table, _ = check_place(doc, view)
    if in_table:
        raise Refusal("format_in_table")
    # Locked until every cursor and range of ours is released: released after unlockControllers()
    # each costs milliseconds of layout (the insertion's docstring); the lock nests with its own.
    doc.lockControllers()
    try:
        found, count = _format(inv, doc, controller, view, notes)
    finally:
        doc.unlockControllers()
    inv.log.info("FormatAsPlan: %.1f ms in the handler, %d paragraphs", (time.perf_counter() - started) * 1000,
                 count)
    return text("formatted_plan", inv.lang, {"counts": counts_sentence(found.counts(), inv.lang)})


def _format(inv: Invocation, doc: Any, controller: Any, view: Any, notes: NotesMode) -> Tuple[Recognised, int]:
    """Read, recognise, render and replace; (what was recognised, paragraphs read)."""
    start, end, whole = _range(doc, controller, view)
    stamp = datetime.now()
    lines, origins = _lines(doc, start, end, stamp)
    source_text = "\n".join(lines)
    if not source_text.strip():
        raise Refusal("format_nothing")
    if len(source_text) > MAX_SOURCE_CHARS:
        raise Refusal("format_too_long", limit=MAX_SOURCE_CHARS)
    found = recognise(source_text)
    plan = plan_of(found, None, notes)
    data = render_plan(plan, RenderOptions(stamp=stamp, note_prefix="sanhui-" + uuid.uuid4().hex[:8],
                                           start_page_style=whole, sentinels=True, note_origins=origins))
    replace_with_fragment(inv, doc, start, end, data, text("undo_format_plan", inv.lang))
    return found, len(lines)


def _range(doc: Any, controller: Any, view: Any) -> Tuple[Any, Any, bool]:
    """(start of the first paragraph, end of the last, whether that is the whole body): the
    paragraphs the selection touches, or the whole body when nothing is selected."""
    body = doc.getText()
    selection = controller.getSelection()
    if selection is not None and selection.supportsService("com.sun.star.text.TextRanges") \
            and selection.getCount() > 1:
        raise Refusal("format_multi")
    if view.isCollapsed():
        return body.getStart(), body.getEnd(), True
    first = body.createTextCursorByRange(view.getStart())
    last = body.createTextCursorByRange(view.getEnd())
    if body.compareRegionStarts(first, last) < 0:  # selected from the end backwards
        first, last = last, first
    first.gotoStartOfParagraph(False)
    last.gotoEndOfParagraph(False)
    whole = body.compareRegionStarts(first, body.getStart()) == 0 and body.compareRegionEnds(last, body.getEnd()) == 0
    return first.getStart(), last.getEnd(), whole


def _lines(doc: Any, start: Any, end: Any, stamp: datetime
           ) -> Tuple[List[str], Dict[str, List[Tuple[str, datetime]]]]:
    """The paragraphs from ``start`` to ``end`` as text, each comment on a paragraph appended as
    “（备注：…）” so it comes back as that paragraph's note, and who wrote each comment and when
    (by note_key; ``stamp`` for a comment without a date), so the note keeps them; Refusal for a
    table or a protected section in the range."""
    cursor = doc.getText().createTextCursorByRange(start)
    cursor.gotoRange(end, True)
    lines: List[str] = []
    origins: Dict[str, List[Tuple[str, datetime]]] = {}
    paragraphs = cursor.createEnumeration()
    while paragraphs.hasMoreElements():
        para = paragraphs.nextElement()
        if not para.supportsService("com.sun.star.text.Paragraph"):
            raise Refusal("format_has_table")
        check_editable(para)
        if len(lines) >= MAX_PARAGRAPHS:
            raise Refusal("format_too_long", limit=MAX_SOURCE_CHARS)
        comments = paragraph_annotations(para)
        for content, author, when in comments:
            origins.setdefault(note_key(content), []).append((author, when or stamp))
        notes = (n if n.startswith(("备注：", "备注:")) else f"备注：{n}" for n, _, _ in comments)
        lines.append(paragraph_text(para) + "".join(f"（{n}）" for n in notes))
    return lines, origins
