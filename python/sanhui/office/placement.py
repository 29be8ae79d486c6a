"""Where an insertion goes when the user's cursor is somewhere a plan cannot be.

A plan is body text (a title, numbered headings). In a table cell it goes right after the
outermost table — what a user who clicked into a form-like table expects. In a header,
footer, footnote, frame or comment nothing is inserted and the user is told where to click:
guessing a place in the body there would write where nobody looked.
"""

from __future__ import annotations

from typing import Any, Tuple

from .command import Refusal

_PLACES = {
    "SwXHeadFootText": "@place_header_footer",
    "SwXFootnote": "@place_footnote",
    "SwXTextFrame": "@place_frame",
}


def has_text_position(controller: Any) -> bool:
    """False while the keyboard focus is in a comment (or an object is selected): Writer's view
    cursor then has no place in the text, and reading it raises RuntimeException (7.4)."""
    try:
        controller.getViewCursor().getText()
    except AttributeError:  # not a text document's controller: the command says so itself
        return True
    except Exception:
        return False
    return True


def view_cursor(controller: Any) -> Any:
    """The view cursor, or Refusal (not in the body) when it has no place in the text."""
    if not has_text_position(controller):
        raise Refusal("not_in_body", place="@place_comment_or_object")
    return controller.getViewCursor()


def in_body(doc: Any, rng: Any) -> bool:
    """True for the body text and tables in it; comparing with a range elsewhere raises."""
    body = doc.getText()
    try:
        body.compareRegionStarts(rng, body.getStart())
    except Exception:  # IllegalArgumentException: the range is in another text
        return False
    return True


def _refuse_place(text: Any) -> Refusal:
    return Refusal("not_in_body", place=_PLACES.get(str(text.getImplementationName()), "@place_other"))


def outermost_table(view_cursor: Any) -> Any:
    """The table the cursor is in, or the one that holds it (tables nest in cells)."""
    table = view_cursor.TextTable
    while table is not None and table.getAnchor().TextTable is not None:
        table = table.getAnchor().TextTable
    return table


def check_place(doc: Any, view_cursor: Any) -> Tuple[bool, Any]:
    """(the cursor is in a body table, that table); Refusal when it is outside the body."""
    table = outermost_table(view_cursor)
    if table is not None:
        if not in_body(doc, table.getAnchor()):
            in_frame = table.getAnchor().TextFrame is not None
            raise Refusal("not_in_body", place="@place_frame" if in_frame else "@place_other")
        return True, table
    if view_cursor.getText().getImplementationName() != "SwXBodyText":
        raise _refuse_place(view_cursor.getText())
    return False, None


def check_editable(cursor: Any) -> None:
    """Refuse inside a protected section (or one nested in it): the API would write there."""
    section = cursor.TextSection
    while section is not None:
        if section.IsProtected:
            raise Refusal("protected", name=section.getName())
        section = section.ParentSection
