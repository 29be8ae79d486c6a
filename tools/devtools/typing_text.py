"""What a person puts into a document before a command: paragraphs typed or pasted as plain text."""

from __future__ import annotations

from typing import Any, Sequence, Tuple

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK


def type_paragraphs(doc: Any, paras: Sequence[Tuple[str, str]]) -> None:
    """Fill a new document with (text, paragraph style) paragraphs, as typing or a paste of plain
    text makes them (the demo, the benches and the office tests share it)."""
    text = doc.getText()
    cursor = text.createTextCursor()
    for i, (content, style) in enumerate(paras):
        if i:
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.ParaStyleName = style
        text.insertString(cursor, content, False)


def type_lines(doc: Any, lines: Sequence[str]) -> None:
    """Each line a paragraph in the default style: the text of a web page pasted as plain text."""
    type_paragraphs(doc, [(line, "Standard") for line in lines])
