"""Recognise a month's guidance text (a WeChat article, a .docx from the 党委, a pasted page) as
a plan: parts, numbered headings and items, body paragraphs, 备注, and the paragraphs before and
after — the one recogniser behind ImportPlan, FormatAsPlan and the built-in seed pack.

(API fixed; implementation in progress.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .pack import ContentPack


@dataclass(frozen=True)
class Counts:
    """What a preview and ``Result`` report: 4 部分，11 个标题，23 项，12 条备注（2 行按正文处理）."""

    parts: int
    headings: int
    items: int
    notes: int
    unread: int


@dataclass(frozen=True)
class Recognised:
    """A recognised text: the plan as a content pack (the title's month replaced by ``{month}``
    when one was found, so the plan can be inserted for any month), the month the title named,
    and the lines kept as body text because they were not understood."""

    pack: ContentPack
    month: Optional[Tuple[int, int]]  # (year, month) named in the title, if any
    unread: Tuple[str, ...]

    def counts(self) -> Counts:
        raise NotImplementedError


def recognise(text: str) -> Recognised:
    raise NotImplementedError
