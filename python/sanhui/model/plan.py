"""The monthly 三会一课 plan as a tree of numbered entries, body paragraphs and 备注 notes.

The numbering (一、（一）1.（1）) is not stored: it is the depth of an entry in the tree, and
the renderer turns depth into a list level, so Writer numbers the entries itself and
renumbers them when the user deletes one.

A plan is not always the seed's four meetings: a month's guidance may have a 主题党日 or a
组织生活会 part, fewer parts, an opening paragraph (设计思路、各党支部：) before them and a
signature and date after them. Parts are any kind and count; a part's ``meeting`` is None
when its heading names none of the four.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import List, Optional, Tuple

from .meeting import NO_DETAILS, Meeting, MeetingDetails

MAX_DEPTH = 4  # 一、 （一） 1. （1）


class NotesMode(Enum):
    """How 备注 guidance goes into the document (the ``Notes`` argument)."""

    COMMENTS = "comments"  # Writer comments anchored to the text they explain
    BODY = "body"  # paragraphs in the 备注 style
    NONE = "none"  # left out


@dataclass(frozen=True)
class Paragraph:
    """An unnumbered paragraph of plan text, with the 备注 that explain it."""

    text: str
    notes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """A numbered heading or item; ``body`` comes right after its own line, then ``children``."""

    text: str
    notes: Tuple[str, ...] = ()
    body: Tuple[Paragraph, ...] = ()
    children: Tuple[Entry, ...] = ()

    def depth(self) -> int:
        """Levels of numbering this entry uses, itself included."""
        return 1 + max((child.depth() for child in self.children), default=0)

    def walk(self) -> List[str]:
        """Every line of text in reading order (headings, body, children); notes left out."""
        lines = [self.text]
        lines.extend(p.text for p in self.body)
        for child in self.children:
            lines.extend(child.walk())
        return lines


@dataclass(frozen=True)
class Part:
    """One meeting's plan: 一、支委会方案 and everything under it, with the meeting's facts
    (会议要素) when the user gave them: they go in as a table under the heading."""

    meeting: Optional[Meeting]  # None: a part of another kind (主题党日, 组织生活会, a notice's section)
    entry: Entry
    details: MeetingDetails = NO_DETAILS


@dataclass(frozen=True)
class MonthPlan:
    """What one insertion writes: a titled month plan, or a single meeting's part.

    ``title`` is None for a single part inserted on its own; the part then keeps the
    number it has in a month plan (``first_number``). ``remark`` is a sentence under the
    title that the plan owes its reader, e.g. why it has no 支委会. ``preamble`` are the
    unnumbered paragraphs between the title and the first part (发布时间、各党支部：、设计思路),
    ``closing`` those after the last part (the issuer's signature and date): kept as what
    they are, never dropped.
    """

    title: Optional[str]
    parts: Tuple[Part, ...]
    notes_mode: NotesMode = NotesMode.COMMENTS
    first_number: int = 1
    omitted: Tuple[Meeting, ...] = field(default=())
    remark: str = ""
    title_notes: Tuple[str, ...] = ()
    preamble: Tuple[Paragraph, ...] = ()
    closing: Tuple[Paragraph, ...] = ()

    def lines(self) -> List[str]:
        """The plan's text lines in order, as a reader sees them without numbers or notes."""
        out: List[str] = [self.title] if self.title else []
        if self.remark:
            out.append(self.remark)
        out.extend(p.text for p in self.preamble)
        for part in self.parts:
            out.extend(part.entry.walk())
        out.extend(p.text for p in self.closing)
        return out

    def paragraph_count(self) -> int:
        """Paragraphs the plan puts in the document (备注 paragraphs too when in the body)."""
        count = len(self.lines())
        if self.notes_mode is NotesMode.BODY:
            count += sum(len(notes) for notes in self.notes())
        return count

    def notes(self) -> List[Tuple[str, ...]]:
        """The 备注 of every paragraph that has any, in reading order."""
        out: List[Tuple[str, ...]] = [self.title_notes] if self.title is not None and self.title_notes else []

        def visit(entry: Entry) -> None:
            if entry.notes:
                out.append(entry.notes)
            out.extend(p.notes for p in entry.body if p.notes)
            for child in entry.children:
                visit(child)

        out.extend(p.notes for p in self.preamble if p.notes)
        for part in self.parts:
            visit(part.entry)
        out.extend(p.notes for p in self.closing if p.notes)
        return out


# A note the guidance gave another name (（要求：…）, （说明：…）) keeps that name in its text, so
# nothing the user wrote is lost; only a plain 备注 is shown with the word 备注 added back.
NOTE_LABELS = ("备注", "要求", "说明", "提示", "注意", "注")


def note_display(note: str) -> str:
    """“备注：…” for a plain note, the note itself when it starts with its own label (要求：…)."""
    for label in NOTE_LABELS:
        if note.startswith((label + "：", label + ":")):
            return note
    return f"备注：{note}"


def note_key(note: str) -> str:
    """A note as compared across its forms: without the 备注： in front (either colon, however often)
    and outer spaces. A comment “X” comes back from the recogniser as the note “X” and is written as
    “备注：X”; all three have one key, so the comment's author and date can follow it."""
    key = note.strip()
    while key.startswith(("备注：", "备注:")):
        key = key[3:].strip()
    return key
