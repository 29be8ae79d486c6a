"""Insert a zipped ODT fragment as one undo step, touching nothing else.

Where: after the paragraph the cursor is in, or in place of the empty line the cursor is on
(after the outermost table when the cursor is in a table cell). The user's paragraph is never
split or merged into; measured on LibreOffice 7.4.7:

- ``insertDocumentFromURL`` merges the fragment's first paragraph into the paragraph at the
  cursor and its last into what follows (which takes the style of the paragraph before it),
  so a merge into the user's paragraph drops its paragraph-wide formatting, for good: Undo
  does not bring it back. Only an empty line is safe to insert into.
- So the fragment is wrapped in two empty sentinel paragraphs and goes into an empty line:
  the one the cursor is on, or one opened after the user's paragraph (APPEND_PARAGRAPH);
  the sentinels are removed afterwards.
- A paragraph made in the same undo context as ``insertDocumentFromURL`` is left behind,
  empty, by Undo (a split even leaves the user's paragraph in two): StrayParagraphUndo takes
  the opened line back when the insertion is undone.
"""

from __future__ import annotations

from typing import Any, Callable, Tuple

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.document import XUndoAction

from .command import Invocation, Refusal
from .placement import check_editable, check_place, outermost_table

APPEND_PARAGRAPH = uno.getConstantByName("com.sun.star.text.ControlCharacter.APPEND_PARAGRAPH")
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


def _line_after_table(text: Any, view: Any, table: Any, undo: Any) -> Any:
    """A cursor in an empty body line right after ``table`` (opened if need be).

    Paragraph objects inserted next to a table corrupt the document in 7.4, and a dispatch of
    .uno:InsertPara does not run from inside a command, so the cursor walks out of the last
    cell: an empty line there is used as it is; before a line with text a new one is split
    off; at the end of the body one is appended.
    """
    view.gotoRange(table.getCellByName(table.getCellNames()[-1]).getEnd(), False)
    while True:  # the last cell may end inside a nested table: step out of ours
        if not view.goRight(1, False):  # the body ends with the table
            undo.addUndoAction(StrayParagraphUndo(text, None, None))
            text.finishParagraph(())
            cursor = text.createTextCursor()
            cursor.gotoEnd(False)
            return cursor
        now = outermost_table(view)
        if now is None:
            break
        if now.getName() != table.getName():
            raise Refusal("table_after_table")
    cursor = text.createTextCursorByRange(view.getStart())
    if not cursor.isEndOfParagraph():
        following = _paragraph_at(text, cursor)
        undo.addUndoAction(StrayParagraphUndo(text, None, following))
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.gotoPreviousParagraph(False)
    return cursor


def _insert_at(inv: Invocation, undo: Any, cursor: Any, data: bytes) -> None:
    """Insert after the cursor's paragraph, or into it when it is empty (module docstring)."""
    text = cursor.getText()
    cursor.gotoEndOfParagraph(False)
    if not cursor.isStartOfParagraph():  # a paragraph with text: open an empty line after it
        user = _paragraph_at(text, cursor)
        undo.addUndoAction(StrayParagraphUndo(text, user, _next_paragraph(text, user)))
        text.insertControlCharacter(cursor, APPEND_PARAGRAPH, False)
    cursor.insertDocumentFromURL("private:stream", (
        _prop("InputStream", _stream(inv.ctx, data)), _prop("FilterName", "writer8")))
    # The cursor now spans [the empty line the first sentinel merged into … the last sentinel];
    # paragraph objects fetched before the insertion may point elsewhere now: fetch again.
    paragraphs = cursor.createEnumeration()
    head = paragraphs.nextElement()
    first = paragraphs.nextElement() if paragraphs.hasMoreElements() else None
    _paragraph_at(text, cursor.getEnd()).dispose()
    head.dispose()
    if first is not None and first.supportsService("com.sun.star.text.Paragraph") and first.PageDescName:
        # The layout keeps the removed paragraph's page style for the first page until the
        # new first paragraph's page style is set again (7.4).
        first.PageDescName = first.PageDescName


def _next_paragraph(text: Any, para: Any) -> Any:
    """The body paragraph after ``para``, or None (at the end, or a table follows)."""
    cursor = text.createTextCursorByRange(para.getEnd())
    if not cursor.gotoNextParagraph(False) or cursor.TextTable is not None:
        return None
    return _paragraph_at(text, cursor)


def _previous_paragraph(text: Any, para: Any) -> Any:
    """The body paragraph before ``para``, or None (at the start, or a table precedes)."""
    cursor = text.createTextCursorByRange(para.getStart())
    if not cursor.gotoPreviousParagraph(False) or cursor.TextTable is not None:
        return None
    return _paragraph_at(text, cursor)


def _same(a: Any, b: Any) -> bool:
    return b is not None and bool(a.getText().compareRegionStarts(a.getStart(), b.getStart()) == 0)


class StrayParagraphUndo(unohelper.Base, XUndoAction):
    """Take back the empty line opened for an insertion when the insertion is undone.

    Writer 7.4 undoes an ``insertDocumentFromURL`` and a paragraph made before it in the same
    undo context, but leaves that paragraph behind, empty. This action is the first of the
    context, so its ``undo`` runs last. It removes an empty paragraph found where the line was
    opened — after the user's paragraph (``before``), before the paragraph that followed a
    table (``following``), or at the end of the body after a table — and nothing else.
    """

    def __init__(self, text: Any, before: Any, following: Any) -> None:
        self.Title = "sanhui"
        self.text = text
        self.before = before
        self.following = following

    def undo(self) -> None:
        if self.before is not None:
            stray = _next_paragraph(self.text, self.before)
            if stray is not None and _same(stray, self.following):
                return
        elif self.following is not None:
            stray = _previous_paragraph(self.text, self.following)
        else:  # only an empty last line right after the closing table is the one we opened
            elements = self.text.createEnumeration()  # the whole body, but only on undo
            previous = stray = None
            while elements.hasMoreElements():
                previous, stray = stray, elements.nextElement()
            if previous is None or not previous.supportsService("com.sun.star.text.TextTable"):
                return
        if stray is not None and stray.getString() == "":
            stray.dispose()

    def redo(self) -> None:
        pass


def _paragraph_at(text: Any, point: Any) -> Any:
    return text.createTextCursorByRange(point).createEnumeration().nextElement()


def check_insertable(inv: Invocation, doc: Any) -> Tuple[Any, bool, Any]:
    """(view cursor, in a table, the outermost table), or Refusal: read-only, protected, not
    in the body. Commands call it before their dialog too, so nobody fills in a dialog for a
    document that cannot take the result."""
    if doc.isReadonly():
        raise Refusal("readonly")
    view = inv.frame.getController().getViewCursor()
    in_table, table = check_place(doc, view)
    check_editable(table.getAnchor() if in_table else view)
    return view, in_table, table


def insert_fragment(inv: Invocation, doc: Any, render: Callable[[bool], bytes], undo_title: str) -> None:
    """Insert the fragment ``render(whole_document)`` makes at the frame's cursor, as one undo
    step, or raise Refusal and change nothing."""
    view, in_table, table = check_insertable(inv, doc)
    data = render(document_is_empty(doc))
    undo = doc.getUndoManager()
    doc.lockControllers()
    undo.enterUndoContext(undo_title)
    failed = True
    try:
        if in_table:
            cursor = _line_after_table(doc.getText(), view, table, undo)
        else:
            cursor = view.getText().createTextCursorByRange(view.getEnd())
        _insert_at(inv, undo, cursor, data)
        # Released while the document is still locked: after unlockControllers() the release
        # of this cursor costs 15–28 ms (make bench), before it 0.02 ms.
        cursor = None
        failed = False
    finally:
        undo.leaveUndoContext()
        if failed and undo.isUndoPossible() and undo.getCurrentUndoActionTitle() == undo_title:
            undo.undo()  # a half-done insertion is taken back: the user's text stays as it was
        doc.unlockControllers()
