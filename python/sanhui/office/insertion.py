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
- A fragment that brings a page style with a footer (the 公文 page's page number) makes
  Writer add the footer's paragraphs to the document's node array during the insertion; the
  Undo then deletes by node positions counted before, so in a long document it removed one of
  the user's paragraphs a page or two before the cursor (tests/office/test_every_place.py, 20+
  pages). So when a document with text lacks that page style, the fragment's styles are loaded first
  (``loadStylesFromURL``, the document's own styles of the same name kept), outside the undo
  context, and the insertion adds no nodes but its own. Loading styles clears Writer's undo
  list, as switching a footer on does (Writer's own guard against the same shift): the steps
  before the first insertion into a document cannot be undone after it; the insertion is still
  one step. Styles stay after Undo either way (UNO-NOTES.md).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Any, Callable, Tuple

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.document import XUndoAction

from .command import Invocation, Refusal
from .placement import check_editable, check_place, outermost_table, view_cursor

APPEND_PARAGRAPH = uno.getConstantByName("com.sun.star.text.ControlCharacter.APPEND_PARAGRAPH")
PARAGRAPH_BREAK = uno.getConstantByName("com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK")


def _prop(name: str, value: Any) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _stream(ctx: Any, data: bytes) -> Any:
    return ctx.ServiceManager.createInstanceWithArgumentsAndContext(
        "com.sun.star.io.SequenceInputStream", (uno.ByteSequence(data),), ctx)


PAGE_STYLE = "三会一课-公文页面"


def load_styles_first(doc: Any, data: bytes) -> None:
    """Give the document the fragment's styles before the insertion when it lacks the page
    style (module docstring: the footer's nodes must not be made inside the insertion)."""
    pages = doc.getStyleFamilies().getByName("PageStyles")
    if pages.hasByName(PAGE_STYLE):
        return
    handle, name = tempfile.mkstemp(suffix=".odt", prefix="sanhui-styles-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        doc.getStyleFamilies().loadStylesFromURL(uno.systemPathToFileUrl(name), (
            _prop("LoadTextStyles", True), _prop("LoadPageStyles", True), _prop("LoadNumberingStyles", True),
            _prop("LoadFrameStyles", False), _prop("OverwriteStyles", False)))
    finally:
        os.unlink(name)


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
    last = _paragraph_at(text, cursor.getEnd())
    if not _ends_section_after_block(text, last):
        last.dispose()
    head.dispose()
    if first is not None and first.supportsService("com.sun.star.text.Paragraph") and first.PageDescName:
        # The layout keeps the removed paragraph's page style for the first page until the
        # new first paragraph's page style is set again (7.4).
        first.PageDescName = first.PageDescName


def _in_section(para: Any, section: Any) -> bool:
    return para is not None and para.TextSection is not None and para.TextSection.getName() == section.getName()


def _ends_section_after_block(text: Any, last: Any) -> bool:
    """Whether the closing sentinel is the last paragraph of a section and follows a table or
    another section: removing it would leave a section that ends in a block, whose range the
    API cannot take back (createTextCursorByRange raises "End of content node doesn't have the
    proper start node", 7.4), and the commands that read minutes or task lists would fail."""
    section = last.TextSection
    if section is None:
        return False
    after = text.createTextCursorByRange(last.getEnd())
    if after.gotoNextParagraph(False) and after.TextSection is not None \
            and after.TextSection.getName() == section.getName():
        return False
    return not _in_section(_previous_paragraph(text, last), section)


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
        # Ranges, not paragraph objects: Writer's undo may rebuild a paragraph it joins or
        # splits, and its SwXParagraph is then disposed; a range moves along with the text.
        self.before = before.getEnd() if before is not None else None
        self.following = following.getStart() if following is not None else None

    def undo(self) -> None:
        with contextlib.suppress(Exception):  # must not fail the user's Undo; at worst a line stays
            self._undo()

    def _undo(self) -> None:
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
    view = view_cursor(inv.frame.getController())
    in_table, table = check_place(doc, view)
    check_editable(table.getAnchor() if in_table else view)
    return view, in_table, table


def insert_fragment(inv: Invocation, doc: Any, render: Callable[[bool], bytes], undo_title: str) -> None:
    """Insert the fragment ``render(whole_document)`` makes at the frame's cursor, as one undo
    step, or raise Refusal and change nothing."""
    view, in_table, table = check_insertable(inv, doc)
    empty = document_is_empty(doc)
    data = render(empty)
    if not empty:  # nothing of the user's to lose; and make bench's insertions stay as fast
        load_styles_first(doc, data)

    def edit(undo: Any) -> None:
        if in_table:
            cursor = _line_after_table(doc.getText(), view, table, undo)
        else:
            cursor = view.getText().createTextCursorByRange(view.getEnd())
        _insert_at(inv, undo, cursor, data)

    _one_step(doc, undo_title, edit)


def replace_with_fragment(inv: Invocation, doc: Any, start: Any, end: Any, data: bytes, undo_title: str) -> None:
    """Replace the body text from ``start`` to ``end`` (whole paragraphs) by the fragment, as
    one undo step that gives the text back exactly (FormatAsPlan). The paragraphs are emptied
    into the first of them, which is then an empty line: what the fragment may go into."""
    load_styles_first(doc, data)

    def edit(undo: Any) -> None:
        cursor = doc.getText().createTextCursorByRange(start)
        cursor.gotoRange(end, True)
        cursor.setString("")
        _insert_at(inv, undo, cursor, data)

    _one_step(doc, undo_title, edit)


def _one_step(doc: Any, undo_title: str, edit: Callable[[Any], None]) -> None:
    """Run ``edit(undo manager)`` as one undo step with the view locked; a failure half-way is
    undone at once, so the user's text stays as it was."""
    undo = doc.getUndoManager()
    doc.lockControllers()
    undo.enterUndoContext(undo_title)
    failed = True
    try:
        # The edit's cursors are released inside it, while the document is still locked: after
        # unlockControllers() the release of a cursor costs 15–28 ms (make bench), before it 0.02 ms.
        edit(undo)
        failed = False
    finally:
        undo.leaveUndoContext()
        if failed and undo.isUndoPossible() and undo.getCurrentUndoActionTitle() == undo_title:
            undo.undo()  # a half-done insertion is taken back: the user's text stays as it was
        doc.unlockControllers()
