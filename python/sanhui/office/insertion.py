"""Insert a zipped ODT fragment at the cursor as one undo step, touching nothing else.

``insertDocumentFromURL`` merges the fragment's first paragraph into the text before the
cursor and its last into the text after it, and gives the last paragraph the style of the one
before it. So the fragment is wrapped in two empty sentinel paragraphs, the cursor is put at
the end of a paragraph (splitting the user's paragraph where it stands in the middle), and the
sentinels are removed afterwards: the user's paragraphs keep their text, style and direct
formatting, and every fragment paragraph keeps its own. (Measured on 7.4.7; see the notes of
the foundation issue.)
"""

from __future__ import annotations

from typing import Any, Callable

import uno
from com.sun.star.beans import PropertyValue

from .command import Invocation, Refusal
from .placement import check_editable, check_place

PARAGRAPH_BREAK = uno.getConstantByName("com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK")


def _prop(name: str, value: Any) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _stream(ctx: Any, data: bytes) -> Any:
    return ctx.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.io.SequenceInputStream", (uno.ByteSequence(data),), ctx)


def document_is_empty(doc: Any) -> bool:
    """Nothing typed yet: one empty paragraph and no tables, frames or images.

    Compares the body's ends rather than reading its text, which would cost a copy of a long
    document on every insertion.
    """
    text = doc.getText()
    return (text.compareRegionStarts(text.getStart(), text.getEnd()) == 0
            and doc.getTextTables().getCount() == 0 and doc.getDrawPage().getCount() == 0)


def _cursor_after_table(inv: Invocation, doc: Any, view: Any, table: Any) -> Any:
    """Move the view cursor into a fresh empty body paragraph right after ``table``.

    Inserting a Paragraph object next to a table corrupts the document in 7.4, so the cursor
    walks out of the last cell; where the table ends the body or another table follows at
    once, a paragraph is made the way Writer's own Enter does.
    """
    view.gotoRange(table.getCellByName(table.getCellNames()[-1]).getEnd(), False)
    if not view.goRight(1, False):
        doc.getText().finishParagraph(())
        view.gotoRange(doc.getText().getEnd(), False)
    elif view.TextTable is not None:
        helper = inv.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", inv.ctx)
        helper.executeDispatch(inv.frame, ".uno:InsertPara", "", 0, ())
    return view.getText().createTextCursorByRange(view.getStart())


def _insert_at(inv: Invocation, cursor: Any, data: bytes) -> None:
    """Insert at a cursor (see the module docstring), then remove the two sentinels."""
    text = cursor.getText()
    empty = cursor.isStartOfParagraph() and cursor.isEndOfParagraph()
    if not empty and not cursor.isEndOfParagraph():
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.goLeft(1, False)
    head_is_empty = cursor.isStartOfParagraph()
    cursor.insertDocumentFromURL("private:stream", (
        _prop("InputStream", _stream(inv.ctx, data)), _prop("FilterName", "writer8")))
    # The cursor now spans [the paragraph the first sentinel merged into … the last sentinel].
    start, end = cursor.getStart(), cursor.getEnd()
    _paragraph_at(text, end).dispose()
    if head_is_empty:
        paragraphs = cursor.createEnumeration()
        head = paragraphs.nextElement()
        first = paragraphs.nextElement() if paragraphs.hasMoreElements() else None
        head.dispose()
        if first is not None and first.supportsService("com.sun.star.text.Paragraph") and first.PageDescName:
            # The layout keeps the removed paragraph's page style for the first page until the
            # new first paragraph's page style is set again (7.4).
            first.PageDescName = first.PageDescName


def _paragraph_at(text: Any, point: Any) -> Any:
    return text.createTextCursorByRange(point).createEnumeration().nextElement()


def insert_fragment(inv: Invocation, doc: Any, render: Callable[[bool], bytes], undo_title: str) -> None:
    """Insert the fragment ``render(whole_document)`` makes at the frame's cursor, as one undo
    step, or raise Refusal and change nothing."""
    if doc.isReadonly():
        raise Refusal("readonly")
    view = inv.frame.getController().getViewCursor()
    in_table, table = check_place(doc, view)
    check_editable(view.getText().createTextCursorByRange(view.getEnd()) if not in_table else
                   doc.getText().createTextCursorByRange(table.getAnchor()))
    data = render(document_is_empty(doc))
    undo = doc.getUndoManager()
    doc.lockControllers()
    undo.enterUndoContext(undo_title)
    failed = True
    try:
        if in_table:
            cursor = _cursor_after_table(inv, doc, view, table)
        else:
            cursor = view.getText().createTextCursorByRange(view.getEnd())
        _insert_at(inv, cursor, data)
        failed = False
    finally:
        undo.leaveUndoContext()
        if failed and undo.isUndoPossible() and undo.getCurrentUndoActionTitle() == undo_title:
            undo.undo()  # a half-done insertion is taken back: the user's text stays as it was
        doc.unlockControllers()
