"""Reading a Writer document the way a user looks at it: paragraphs with their style and
number label, comments with what they point at, and the saved body for exact comparisons."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, List, NamedTuple, Tuple

from devtools.typing_text import type_paragraphs
from tests.support.odf_body import normalized_body

PARAGRAPH = "com.sun.star.text.Paragraph"


class Para(NamedTuple):
    text: str
    style: str
    label: str


def paragraphs(doc: Any) -> List[Para]:
    """Body paragraphs in order (tables show as one entry ``<table NAME>``)."""
    out: List[Para] = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService(PARAGRAPH):
            out.append(Para(el.getString(), el.ParaStyleName, el.ListLabelString or ""))
        else:
            out.append(Para(f"<table {el.getName()}>", "", ""))
    return out


def paragraph(doc: Any, text: str) -> Any:
    """The body paragraph whose text is ``text`` (AssertionError naming it when there is none)."""
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        para = enum.nextElement()
        if para.supportsService(PARAGRAPH) and para.getString() == text:
            return para
    raise AssertionError(f"no paragraph {text!r}")


def comment_fields(doc: Any) -> List[Any]:
    """Every comment's field, in the document's order of text fields."""
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        field = enum.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            out.append(field)
    return out


def comments(doc: Any) -> List[Tuple[str, str, str]]:
    """(author, content, the text the comment is anchored to) for every comment."""
    return [(field.Author, field.Content, field.getAnchor().getString()) for field in comment_fields(doc)]


def set_text(doc: Any, paras: List[Tuple[str, str]]) -> None:
    """Fill a new document with (text, paragraph style) paragraphs."""
    type_paragraphs(doc, paras)


def put_cursor(doc: Any, paragraph_index: int, offset: int) -> None:
    """Place the view cursor ``offset`` characters into body paragraph ``paragraph_index``."""
    view = doc.getCurrentController().getViewCursor()
    cursor = doc.getText().createTextCursor()
    cursor.gotoStart(False)
    for _ in range(paragraph_index):
        cursor.gotoNextParagraph(False)
    cursor.goRight(offset, False)
    view.gotoRange(cursor, False)


def saved_body(office: Any, doc: Any, path: Path) -> str:
    """Save as .odt and return the normalized office:text (see tests/support/odf_body.py)."""
    office.store(doc, path, "writer8")
    return normalized_body(path)


def type_in_a_new_comment(office: Any, doc: Any) -> bool:
    """A comment made at the view cursor with the keyboard focus in its text, as a click into a
    comment leaves it. The view cursor cannot be moved into a comment over the API (RuntimeException
    in unotxvw.cxx); .uno:InsertAnnotation does it. Once in a while under load the focus arrives
    late, or not at all: three tries. False when it never came."""
    controller = doc.getCurrentController()
    for _ in range(3):
        office.dispatch(doc, ".uno:InsertAnnotation")
        for _ in range(40):
            if controller.getSelection() is None:  # the focus is in the comment's text
                return True
            time.sleep(0.05)
    return False
