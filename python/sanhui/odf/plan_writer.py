"""Render a MonthPlan as the body of content.xml.

The whole plan is one logical list in the numbering list style, nested by depth, so Writer
draws 一、（一）1.（1） itself and renumbers when a part is deleted; 备注 become ranged
comments, 备注 paragraphs, or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import count
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from ..model.plan import Entry, MonthPlan, NotesMode, Part, note_display, note_key
from .details_table import details_table, table_styles
from .outline import Outline
from .styles import StyleName, content_skeleton
from .text import append_text
from .xml import sub

NOTE_AUTHOR = "三会一课助手"
TITLE_STYLE = "SanhuiTitleFirst"  # automatic: the title paragraph that starts the 公文 page


@dataclass
class RenderOptions:
    """What varies between two renders of the same plan.

    ``note_prefix`` keeps comment names unique when a plan is inserted twice into one
    document (Writer mixes up the ranges of same-named comments); ``stamp`` is the comments'
    date (ODF needs one; Writer saves a bad one if absent). ``start_page_style`` puts the title
    on the 公文 page style: only for a document of its own, since every page after it would
    take that style. ``sentinels`` wraps the body in empty paragraphs for insertion
    (see office/insertion.py). ``note_origins`` gives, by model/plan.note_key, who wrote a note and
    when, one (author, date) per comment of that text in order: the comments FormatAsPlan reads as
    notes keep their author and date instead of becoming the extension's.
    """

    stamp: datetime
    note_prefix: str = "sanhui-note"
    start_page_style: bool = True
    sentinels: bool = False
    note_origins: Mapping[str, Sequence[Tuple[str, datetime]]] = field(default_factory=dict)


class _Writer:
    """Walks the plan: headings through an Outline (odf/outline.py), the rest around it."""

    def __init__(self, plan: MonthPlan, options: RenderOptions) -> None:
        self.plan = plan
        self.options = options
        self.names: Iterator[int] = count(1)
        self.origins: Dict[str, List[Tuple[str, datetime]]] = {k: list(v) for k, v in options.note_origins.items()}
        self.text: Any = None
        self.outline: Any = None

    def content(self) -> Any:
        root, automatic, text = content_skeleton()
        if self.plan.title is not None and self.options.start_page_style:
            style = sub(automatic, "style:style", {
                "style:name": TITLE_STYLE, "style:family": "paragraph",
                "style:parent-style-name": StyleName.TITLE, "style:master-page-name": StyleName.MASTER_PAGE,
            })
            sub(style, "style:paragraph-properties", {"style:page-number": "auto"})
        self.text = text
        self.outline = Outline(self.text, f"{self.options.note_prefix}-list")
        if self.options.sentinels:
            sub(self.text, "text:p")
        if self.plan.title is not None:
            title_style = TITLE_STYLE if self.options.start_page_style else StyleName.TITLE
            self.paragraph(self.text, title_style, self.plan.title, self.plan.title_notes)
        if self.plan.remark:
            append_text(sub(self.text, "text:p", {"text:style-name": StyleName.BODY}), self.plan.remark)
        for para in self.plan.preamble:  # 各党支部： flush left, the rest as body text
            style = StyleName.ADDRESSEE if para.text.endswith(("：", ":")) else StyleName.BODY
            self.unnumbered(style, para.text, para.notes)
        if any(not part.details.is_empty() for part in self.plan.parts):
            table_styles(automatic)
        for index, part in enumerate(self.plan.parts):
            # Writer adds an inserted list to the document's last list of the same style, so
            # the first item restarts the count: a second plan starts at 一、 again, and a plan
            # inserted above an older one leaves the older one's numbers alone.
            self.entry(part.entry, 0, self.plan.first_number if index == 0 else None, part)
        for para in self.plan.closing:
            self.unnumbered(StyleName.SIGNATURE, para.text, para.notes)
        if self.options.sentinels:
            sub(self.text, "text:p")
        return root

    def entry(self, entry: Entry, level: int, start: Optional[int] = None, part: Optional[Part] = None) -> None:
        item = self.outline.item(level, start)
        self.paragraph(item, StyleName.HEADING[level], entry.text, entry.notes)
        if part is not None and part.meeting is not None and not part.details.is_empty():
            details_table(self.outline.close(), part.meeting, part.details)  # 会议要素 under 一、…方案
        for para in entry.body:
            self.unnumbered(StyleName.BODY, para.text, para.notes)
        for child in entry.children:
            self.entry(child, level + 1)

    def unnumbered(self, style: str, text: str, notes: Sequence[str]) -> None:
        self.paragraph(self.outline.close(), style, text, notes)

    def paragraph(self, parent: Any, style: str, text: str, notes: Sequence[str]) -> None:
        p = sub(parent, "text:p", {"text:style-name": style})
        mode = self.plan.notes_mode
        if mode is NotesMode.COMMENTS and notes:
            # The range stops before the last character: an end mark at the very end of a line
            # the text fills exactly wraps onto a line of its own in Writer 7.4 and prints blank.
            names = [self.comment(p, note) for note in notes]
            append_text(p, text[:-1])
            for name in reversed(names):
                sub(p, "office:annotation-end", {"office:name": name})
            append_text(p, text[-1:])
        else:
            append_text(p, text)
        if mode is NotesMode.BODY:
            for note in notes:
                append_text(sub(self.outline.close(), "text:p", {"text:style-name": StyleName.NOTE}),
                            f"（{note_display(note)}）")

    def comment(self, p: Any, note: str) -> str:
        """A comment spanning the paragraph's text, so it points at what it explains."""
        name = f"{self.options.note_prefix}-{next(self.names)}"
        ann = sub(p, "office:annotation", {"office:name": name})
        origins = self.origins.get(note_key(note))
        author, when = origins.pop(0) if origins else (NOTE_AUTHOR, self.options.stamp)
        sub(ann, "dc:creator", text=author)
        sub(ann, "dc:date", text=when.replace(microsecond=0).isoformat())
        append_text(sub(ann, "text:p"), note_display(note))
        return name


def render_plan_content(plan: MonthPlan, options: RenderOptions) -> Any:
    """content.xml's root for ``plan``."""
    return _Writer(plan, options).content()
