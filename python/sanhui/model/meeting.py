"""The kinds of meeting of 三会一课 (and the monthly 主题党日) and the order a monthly plan sets
the four of 三会一课 in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Optional, Tuple


class Meeting(Enum):
    """One kind of meeting; the value is the name used in dispatch arguments (docs/commands.md).

    PARTY_DAY (主题党日) is held monthly as the 条例 asks, with its own notice, sign-in sheet and
    record, but it is no part of the seed's monthly plan: code that means “the four meetings of a
    plan” iterates PLAN_ORDER, never this enum.
    """

    COMMITTEE = "committee"  # 支委会
    GENERAL = "general"  # 党员大会
    GROUP = "group"  # 党小组会
    LECTURE = "lecture"  # 党课
    PARTY_DAY = "partyday"  # 主题党日

    @property
    def label(self) -> str:
        """The Chinese name a branch secretary uses for the meeting."""
        return _LABELS[self]

    @property
    def position(self) -> int:
        """1-based place in a monthly plan: 一、支委会 二、党员大会 三、党小组会 四、党课.

        A single meeting inserted on its own keeps this number so that parts inserted one
        after the other read 一、二、三、四 as in the month plan. A 主题党日, in no plan of the four,
        sorts after them (5), so ordering by position never fails.
        """
        return PLAN_ORDER.index(self) + 1 if self in PLAN_ORDER else len(PLAN_ORDER) + 1


_LABELS = {
    Meeting.COMMITTEE: "支委会",
    Meeting.GENERAL: "党员大会",
    Meeting.GROUP: "党小组会",
    Meeting.LECTURE: "党课",
    Meeting.PARTY_DAY: "主题党日",
}

PLAN_ORDER: Tuple[Meeting, ...] = (Meeting.COMMITTEE, Meeting.GENERAL, Meeting.GROUP, Meeting.LECTURE)

# What a part's heading calls a meeting, longest first so 党小组会 is not read as 党课 or the like.
_HEADING_NAMES: Tuple[Tuple[str, Meeting], ...] = (
    ("支部委员会", Meeting.COMMITTEE),
    ("支委会", Meeting.COMMITTEE),
    ("党员大会", Meeting.GENERAL),
    ("党小组", Meeting.GROUP),
    ("党课", Meeting.LECTURE),
    ("主题党日", Meeting.PARTY_DAY),
)


def meeting_of_heading(heading: str) -> Optional[Meeting]:
    """The meeting a part's heading names (“支委会方案”, “二、党员大会安排”, “党课：…”, “主题党日活动”),
    or None for parts of other kinds (组织生活会, 专题学习, a notice's sections).

    A 主题党日 part is recognised so that a 党委's notice with one can be saved as a template and
    InsertPlan's Meeting=partyday (and InsertRecord in that part) find it.

    Only the start of the heading counts (up to its first colon): “学习党课精神” is not a 党课 part,
    and “组织党员大会学习” is not a 党员大会 part.
    """
    name = _LEAD.sub("", heading.split("：", 1)[0].split(":", 1)[0].strip(), count=1)
    for word, meeting in _HEADING_NAMES:
        if name.startswith(word):
            return meeting
    return None


_LEAD = re.compile(r"^(?:本月|召开|开展)?(?:\d{4}\s*年)?(?:\d{1,2}\s*月份?)?(?:第[一二三四]季度)?")


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
    # the 党小组 of a 党小组会 record (InsertRecord's Group): which group met is a fact of the
    # meeting the ledger needs; a plan never sets it, so its 会议要素 table is as it was
    group: str = ""

    def is_empty(self) -> bool:
        """True when nothing was filled in: the plan then carries no 会议要素 table."""
        return self == MeetingDetails()


NO_DETAILS = MeetingDetails()  # nothing filled in: no 会议要素 table
