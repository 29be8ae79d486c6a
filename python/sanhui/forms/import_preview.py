"""What the ImportPlan dialog's 预览 shows: the recognised plan as an indented outline with the
labels the document will give it (一、（一）1.（1）), 备注 marked, and the lines the recogniser did
not understand listed at the end.

Pure (no UNO), so it is tested without an office. The labels are computed here only to show
them: in the document they come from the list style (odf/styles.py), counted per level the same
way — every part continues 一、二、三, each level below restarts under its parent.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Sequence

from ..content.pack import ContentPack
from ..i18n import text
from ..model.plan import Entry, Paragraph

INDENT = "　"  # one ideographic space a level: the outline reads as the plan will, in CJK widths
NOTE_MARK = "〔备注〕"
MAX_LINE = 60  # characters of one line shown; the rest is “…” (the preview is for the shape)
MAX_LINES = 1_500  # lines shown at most; a 20-page guidance has some 1,000


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: how a 一、 label counts."""
    digits = "零一二三四五六七八九"
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else
                                     ("一" + cn_number(rest) if rest < 20 else cn_number(rest)))
        return digits[n // 100] + "百" + tail
    return str(n)


def label(level: int, n: int) -> str:
    """The number label of the ``n``th entry (from 1) at ``level`` (0 = 一、)."""
    if level == 0:
        return f"{cn_number(n)}、"
    if level == 1:
        return f"（{cn_number(n)}）"
    if level == 2:
        return f"{n}."
    return f"（{n}）"


def shortened(line: str, limit: int = MAX_LINE) -> str:
    """One line of the preview: whitespace runs as one space, cut at ``limit`` with “…”."""
    flat = " ".join(line.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def outline_lines(pack: ContentPack, month_label: Optional[str]) -> List[str]:
    """The plan's lines as the preview shows them (see the module's docstring). ``month_label``
    replaces the title's ``{month}``; None leaves the title as recognised."""
    out: List[str] = []

    def notes(items: Iterable[str], depth: int) -> None:
        out.extend(INDENT * depth + shortened(NOTE_MARK + note) for note in items)

    def paragraphs(items: Sequence[Paragraph], depth: int) -> None:
        for para in items:
            out.append(INDENT * depth + shortened(para.text))
            notes(para.notes, depth + 1)

    def entry(item: Entry, level: int, n: int) -> None:
        out.append(INDENT * level + shortened(label(level, n) + item.text))
        notes(item.notes, level + 1)
        paragraphs(item.body, level + 1)
        for index, child in enumerate(item.children, 1):
            entry(child, level + 1, index)

    if pack.title:
        title = pack.title.replace("{month}", month_label) if month_label is not None else pack.title
        out.append(shortened(title))
        notes(pack.title_notes, 1)
    paragraphs(pack.preamble, 0)
    for index, part in enumerate(pack.parts, 1):
        entry(part.entry, 0, index)
    paragraphs(pack.closing, 0)
    return out


def preview_text(pack: ContentPack, unread: Sequence[str], month_label: Optional[str], lang: str) -> str:
    """The whole 预览 field: the outline, then the lines kept as body text because they were not
    understood (so the user can see at a glance what to check after importing)."""
    lines = outline_lines(pack, month_label)
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], text("preview_more", lang, {"count": len(lines) - MAX_LINES})]
    if unread:
        lines += ["", text("preview_unread", lang, {"count": len(unread)})]
        lines += [INDENT + shortened(line) for line in unread[:MAX_LINES]]
    return "\n".join(lines)
