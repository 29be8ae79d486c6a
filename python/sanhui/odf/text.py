"""Put plain text into ODF paragraphs so that what the user typed is what Writer shows.

ODF collapses runs of spaces and ignores tabs and newlines in character data: they must be
written as ``text:s``, ``text:tab`` and ``text:line-break`` elements. A consumer also drops
spaces at the start and end of a paragraph (ODF 1.3 §6.1.2), so a space that is not between
two ordinary characters is written as ``text:s`` too.
"""

from __future__ import annotations

import re
from typing import Any, List

from .styles import StyleName
from .xml import sub, xml_safe

_SPECIAL = re.compile(r"( +|\t|\r\n|\n|\r)")


def append_text(parent: Any, text: str) -> None:
    """Append ``text`` after the current last child of ``parent``, keeping spaces and breaks."""
    pieces: List[str] = _SPECIAL.split(xml_safe(text))
    for i, piece in enumerate(pieces):
        if not piece:
            continue
        if i % 2 == 0:
            _append_chars(parent, piece)
        elif piece == "\t":
            sub(parent, "text:tab")
        elif piece in ("\n", "\r", "\r\n"):
            sub(parent, "text:line-break")
        elif pieces[i - 1] and i + 1 < len(pieces) and pieces[i + 1]:  # between characters
            _append_chars(parent, " ")  # one as text, the rest as text:s
            if len(piece) > 1:
                sub(parent, "text:s", {"text:c": str(len(piece) - 1)})
        else:  # at either end, or next to a tab or line break: a consumer would drop a plain space
            sub(parent, "text:s", {"text:c": str(len(piece))})


def _append_chars(parent: Any, chars: str) -> None:
    children = list(parent)
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + chars
    else:
        parent.text = (parent.text or "") + chars


def field_line(parent: Any, label: str, value: str) -> None:
    """“出席：张三、李四” after GB/T 9704 §10.3: the label in 黑体 (a character style), the value
    after it, wrapped lines aligned under the value by the paragraph style."""
    p = sub(parent, "text:p", {"text:style-name": StyleName.FIELD_LINE})
    append_text(sub(p, "text:span", {"text:style-name": StyleName.FIELD_LABEL}), label)
    append_text(p, value)
