"""What a plan should look like in the document, worked out from the content pack's tree
(labels counted here, independently of Writer's list numbering)."""

from __future__ import annotations

from typing import List, Optional

from sanhui.content.pack import load_pack
from sanhui.model.meeting import PLAN_ORDER, Meeting
from sanhui.model.plan import Entry

CN = "一二三四五六七八九十"
HEADING_STYLES = ["三会一课-一级标题", "三会一课-二级标题", "三会一课-三级标题", "三会一课-四级标题"]
BODY = "三会一课-正文"
NOTE = "三会一课-备注"
TITLE = "三会一课-标题"


def label(level: int, n: int) -> str:
    return [f"{CN[n - 1]}、", f"（{CN[n - 1]}）", f"{n}.", f"（{n}）"][level]


def expected(meeting: Optional[Meeting], month_title: Optional[str], notes_in_body: bool = False
             ) -> List[tuple]:
    """(text, style, label) rows of the whole insertion, in order."""
    pack = load_pack()
    rows: List[tuple] = []
    if month_title:
        rows.append((month_title, TITLE, ""))
    meetings = PLAN_ORDER if meeting is None else (meeting,)

    def visit(entry: Entry, level: int, n: int) -> None:
        rows.append((entry.text, HEADING_STYLES[level], label(level, n)))
        if notes_in_body:
            rows.extend((f"（备注：{note}）", NOTE, "") for note in entry.notes)
        for para in entry.body:
            rows.append((para.text, BODY, ""))
            if notes_in_body:
                rows.extend((f"（备注：{note}）", NOTE, "") for note in para.notes)
        for i, child in enumerate(entry.children, start=1):
            visit(child, level + 1, i)

    for m in meetings:
        visit(pack.part(m).entry, 0, m.position)
    return rows


def all_notes(meeting: Optional[Meeting] = None) -> List[tuple]:
    """(note, the paragraph text it explains) in order."""
    pack = load_pack()
    out: List[tuple] = []

    def visit(entry: Entry) -> None:
        out.extend((note, entry.text) for note in entry.notes)
        for para in entry.body:
            out.extend((note, para.text) for note in para.notes)
        for child in entry.children:
            visit(child)

    for m in (PLAN_ORDER if meeting is None else (meeting,)):
        visit(pack.part(m).entry)
    return out
