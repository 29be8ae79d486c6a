"""Numbered headings as Writer wants them: one logical list, reopened after plain paragraphs.

An unnumbered paragraph (body text, a 备注, a table) closes every open list and goes in at
the top level, where it keeps the body style's first-line indent (Writer drops the first-line
indent of an unnumbered paragraph inside a list); the next entry reopens the list with
``text:continue-list``, so the numbering runs on as one list, as Writer itself writes it.
"""

from __future__ import annotations

from typing import Any, List, Optional

from .styles import StyleName
from .xml import sub


class Outline:
    """Keeps track of the lists open at each level below one office:text element."""

    def __init__(self, text: Any, list_id: str, list_style: str = StyleName.NUMBERING) -> None:
        self.text = text
        self.list_id = list_id
        self.list_style = list_style
        self.lists: List[Any] = []  # the open text:list per level
        self.items: List[Any] = []  # the last text:list-item per level
        self.started = False

    def item(self, level: int, start: Optional[int] = None) -> Any:
        """A new list item at ``level`` (0 = 一、), opening (or reopening) the lists above it.

        ``start`` restarts the count: Writer adds an inserted list to the document's last list
        of the same style, so the first item of an insertion carries it.
        """
        if not self.lists:
            attrs = {"text:style-name": self.list_style}
            if self.started:
                attrs["text:continue-list"] = self.list_id
            else:
                attrs["xml:id"] = self.list_id
                self.started = True
            self.lists.append(sub(self.text, "text:list", attrs))
        del self.lists[level + 1:]
        del self.items[level:]
        while len(self.lists) <= level:
            depth = len(self.lists)
            if len(self.items) <= depth - 1:  # no item to nest in: an empty wrapper, not counted
                self.items.append(sub(self.lists[depth - 1], "text:list-item"))
            self.lists.append(sub(self.items[depth - 1], "text:list"))
        attrs = {"text:start-value": str(start)} if start is not None else {}
        item = sub(self.lists[level], "text:list-item", attrs)
        self.items.append(item)
        return item

    def close(self) -> Any:
        """Close every open list; returns office:text for the unnumbered element that follows."""
        self.lists.clear()
        self.items.clear()
        return self.text
