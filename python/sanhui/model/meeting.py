"""The four kinds of meeting of 三会一课 and the order a monthly plan sets them in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Optional, Tuple


class Meeting(Enum):
    """One kind of meeting; the value is the name used in dispatch arguments (COMMANDS.md)."""

    COMMITTEE = "committee"  # 支委会
    GENERAL = "general"  # 党员大会
    GROUP = "group"  # 党小组会
    LECTURE = "lecture"  # 党课

    @property
    def label(self) -> str:
        """The Chinese name a branch secretary uses for the meeting."""
        return _LABELS[self]

    @property
    def position(self) -> int:
        """1-based place in a monthly plan: 一、支委会 二、党员大会 三、党小组会 四、党课.

        A single meeting inserted on its own keeps this number so that parts inserted one
        after the other read 一、二、三、四 as in the month plan.
        """
        return PLAN_ORDER.index(self) + 1


_LABELS = {
    Meeting.COMMITTEE: "支委会",
    Meeting.GENERAL: "党员大会",
    Meeting.GROUP: "党小组会",
    Meeting.LECTURE: "党课",
}

PLAN_ORDER: Tuple[Meeting, ...] = (Meeting.COMMITTEE, Meeting.GENERAL, Meeting.GROUP, Meeting.LECTURE)


@dataclass(frozen=True)
class Absence:
    """A member who did not attend and why (请假原因), as the record book lists them."""

    name: str
    reason: str = ""

    def text(self) -> str:
        """“张三（出差）”, or the name alone when no reason was given."""
        return f"{self.name}（{self.reason}）" if self.reason else self.name


@dataclass(frozen=True)
class MeetingDetails:
    """The facts of one meeting (会议要素), as text ready to print (dates already in GB form)."""

    time: str = ""
    place: str = ""
    host: str = ""
    recorder: str = ""
    expected: Optional[int] = None
    present: Optional[int] = None
    absent: Tuple[Absence, ...] = ()
    attendees: str = ""
    topic: str = ""

    def is_empty(self) -> bool:
        """True when nothing was filled in: the plan then carries no 会议要素 table."""
        return self == MeetingDetails()


NO_DETAILS = MeetingDetails()  # nothing filled in: no 会议要素 table
