"""A plan read back out of a document, paragraph by paragraph, into a content pack: what
SavePlanTemplate stores, so next month starts from what the secretary wrote this month.

The office layer walks the plan's paragraphs and says, for each, which of our styles it has
(its role), its list level, its text and the comments on it; the tree is built here, where it
is tested without an office. The paragraphs are read as edited: an added item is a paragraph of
a heading style, a deleted one is gone, a reworded one has its new text, a note edited in its
comment has the comment's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import List, Optional, Sequence, Tuple

from ..model.meeting import meeting_of_heading
from ..model.plan import MAX_DEPTH, Entry, Paragraph, Part
from .pack import ContentPack
from .plan_builder import NO_COMMITTEE_REMARK


class Role(Enum):
    """What a paragraph of a plan is, from its paragraph style."""

    TITLE = "title"
    HEADING = "heading"  # numbered: a part, heading or item (level 0–3)
    BODY = "body"
    NOTE = "note"  # a 备注 paragraph (Notes=body)
    ADDRESSEE = "addressee"
    SIGNATURE = "signature"


@dataclass(frozen=True)
class PlanParagraph:
    """One paragraph as the document has it."""

    role: Role
    text: str
    level: int = 0  # list level of a HEADING, 0 = a part
    comments: Tuple[str, ...] = ()  # comments' text, “备注：” included as shown


@dataclass
class _Para:
    text: str
    notes: List[str] = field(default_factory=list)

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, tuple(self.notes))


@dataclass
class _Node:
    text: str
    notes: List[str] = field(default_factory=list)
    body: List[_Para] = field(default_factory=list)
    children: List[_Node] = field(default_factory=list)

    def entry(self) -> Entry:
        return Entry(self.text, tuple(self.notes), tuple(p.paragraph() for p in self.body),
                     tuple(c.entry() for c in self.children))


_NOTE_PARAGRAPH = re.compile(r"^[（(](?P<body>.*)[）)]$", re.S)
_MONTH = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月份?")


def note_text(shown: str) -> str:
    """A note as the model keeps it: “备注：…” loses its label (it is added back when shown),
    another label (要求：…) stays; a 备注 paragraph loses its brackets."""
    match = _NOTE_PARAGRAPH.match(shown.strip())
    inner = match.group("body") if match else shown.strip()
    for label in ("备注：", "备注:"):
        if inner.startswith(label):
            return inner[len(label):].strip()
    return inner.strip()


def title_template(title: str) -> str:
    """The title with its month as the ``{month}`` placeholder, so a template inserted next
    month is titled for next month; a title without a month stays as it is."""
    return _MONTH.sub("{month}", title, count=1)


def pack_from_paragraphs(paragraphs: Sequence[PlanParagraph], name: str = "", source: str = "") -> ContentPack:
    """The content pack of a plan's paragraphs, in order. Body paragraphs before the first part
    are its preamble; 落款 paragraphs its closing; the sentence a plan without 支委会 owes its
    reader is not the branch's text and is left out. A heading deeper than the one above it by
    more than one level hangs under that one (Writer lets a user press Tab twice)."""
    title = ""
    title_notes: List[str] = []
    preamble: List[_Para] = []
    closing: List[_Para] = []
    parts: List[_Node] = []
    stack: List[_Node] = []  # the open headings, part first
    last_notes: Optional[List[str]] = None  # where a 备注 paragraph goes: the paragraph before it
    for para in paragraphs:
        text = para.text.strip()
        comments = [note_text(c) for c in para.comments if note_text(c)]
        if para.role is Role.NOTE:
            if text and last_notes is not None:
                last_notes.append(note_text(text))
            elif text:  # a note before anything it could explain: kept as text
                preamble.append(_Para(text))
            continue
        if not text or text == NO_COMMITTEE_REMARK:
            continue
        if para.role is Role.TITLE and not title and not parts and not preamble:
            title = title_template(text)
            title_notes.extend(comments)
            last_notes = title_notes
            continue
        if para.role is Role.HEADING:
            level = max(0, min(para.level, MAX_DEPTH - 1, len(stack)))
            node = _Node(text, comments)
            del stack[level:]
            (stack[-1].children if stack else parts).append(node)
            stack.append(node)
            last_notes = node.notes
            continue
        body = _Para(text, comments)
        if para.role is Role.SIGNATURE:
            closing.append(body)
        elif stack and not closing:
            stack[-1].body.append(body)
        elif not parts:
            preamble.append(body)
        else:
            closing.append(body)
        last_notes = body.notes
    return ContentPack(
        title=title,
        parts=tuple(Part(meeting_of_heading(node.text), node.entry()) for node in parts),
        source=source,
        name=name,
        title_notes=tuple(title_notes),
        preamble=tuple(p.paragraph() for p in preamble),
        closing=tuple(p.paragraph() for p in closing),
    )
