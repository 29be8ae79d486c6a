"""Last month's meetings when this month's plan is written: the closed loop of 布置 → 落实 → 检查.

A secretary writing September's plan should see that August's 党小组会 of the second group has
no record, and the 支委会 should take it up under 党务工作. The meetings come from the records in
the plan's own folder (odf/meeting_reader.py), judged by the same rules as the year's ledger
(meeting_rules.py); a folder without any meeting record says nothing (the branch keeps its
records elsewhere), and a month not over yet is not judged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterable, List, Sequence

from .dates import Month
from .meeting_rules import build_ledger
from .model.meeting import Meeting
from .model.meeting_ledger import MISSING, PLANNED_ONLY, Finding, MeetingFact
from .model.plan import Entry, MonthPlan, Part
from .model.profile import BranchProfile

DUTY_HEADING = "党务工作"  # the 支委会's heading a line about party affairs belongs under


def gaps_before(facts: Iterable[MeetingFact], profile: BranchProfile, month: Month, today: date) -> List[Finding]:
    """The meetings the month before ``month`` required and no record shows (held nowhere, or
    only planned); a quarter's 党员大会 and 党课 count in its last month. Empty when no record
    was read at all, or that month is not over on ``today``."""
    every = list(facts)
    if not any(f.held() for f in every):
        return []
    before = month.previous()
    ledger = build_ledger(every, profile, before.year, today)
    return [f for f in ledger.findings if f.month == before.month and f.problem in (MISSING, PLANNED_ONLY)]


def gaps_sentence(gaps: Sequence[Finding]) -> str:
    """“8月 党小组会（第二党小组）未见记录；第三季度 党课未见记录”."""
    return "；".join(f.text for f in gaps)


def with_review_line(plan: MonthPlan, gaps: Sequence[Finding]) -> MonthPlan:
    """The month plan with one item under its 支委会's 党务工作 (else at the end of the 支委会
    part) that takes up last month's missing meetings; a plan without a 支委会 is unchanged."""
    if not gaps:
        return plan
    line = Entry(f"研究补开上月未见记录的会议：{gaps_sentence(gaps)}。")
    parts = []
    placed = False
    for part in plan.parts:
        if part.meeting is Meeting.COMMITTEE and not placed:
            part = Part(part.meeting, _with_line(part.entry, line), part.details)
            placed = True
        parts.append(part)
    return replace(plan, parts=tuple(parts))


def _with_line(entry: Entry, line: Entry) -> Entry:
    children = list(entry.children)
    for index, child in enumerate(children):
        if child.text.startswith(DUTY_HEADING):
            if child.children or not child.body:
                children[index] = replace(child, children=(*child.children, line))
            else:  # 党务工作 written as a paragraph (党小组会 style): the line follows as an item
                children[index] = replace(child, children=(line,))
            return replace(entry, children=tuple(children))
    return replace(entry, children=(*children, line))
