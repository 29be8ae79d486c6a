"""The paragraphs and tables of one text section, in order — for the commands that work on
minutes and task lists the extension wrote as sections."""

from __future__ import annotations

from typing import Any, List


def section_elements(doc: Any, section: Any) -> List[Any]:
    """What ``section`` holds (nested sections included), paragraphs and tables in order.

    A cursor over the section's anchor is the quick way, but Writer 7.4 cannot make one when the
    section ends in a table (“End of content node doesn't have the proper start node”): a
    sign-in sheet inserted on the minutes' last line does that. Then the body is walked and each
    element kept when it lies in the section.
    """
    try:
        enum = doc.getText().createTextCursorByRange(section.getAnchor()).createEnumeration()
    except Exception:  # RuntimeException from Writer, see above
        return [el for el in _body(doc) if _within(_section_of(el), section)]
    found = []
    while enum.hasMoreElements():
        found.append(enum.nextElement())
    return found


def _body(doc: Any) -> List[Any]:
    enum = doc.getText().createEnumeration()
    out = []
    while enum.hasMoreElements():
        out.append(enum.nextElement())
    return out


def _section_of(el: Any) -> Any:
    """A paragraph says its section; a table is asked through a cursor in its first cell."""
    if el.supportsService("com.sun.star.text.TextTable"):
        names = el.getCellNames()
        return el.getCellByName(names[0]).createTextCursor().TextSection if names else None
    return el.TextSection


def _within(section: Any, wanted: Any) -> bool:
    name = wanted.getName()
    while section is not None:
        if section.getName() == name:
            return True
        section = section.ParentSection
    return False
