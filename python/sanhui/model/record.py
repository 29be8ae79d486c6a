"""From plan to meeting: the notice before it, the sign-in sheet at it, the record after it.

The quorum rules are the 条例's: a 党员大会 needs more than half of its voting members
(art. 11), a 支委会 more than half of the committee (art. 12); a 党小组会 and a 党课 have none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .meeting import Meeting, MeetingDetails
from .profile import Member

__all__ = ["PREPARE", "Member", "Notice", "Record", "quorum"]

PREPARE = {
    Meeting.GENERAL: ("佩戴党员徽章", "确缴党费"),  # the seed: 要求全体党员佩戴党员徽章、确缴党费
}


@dataclass(frozen=True)
class Notice:
    meeting: Meeting
    to: str  # 主送: 全体党员, 各党小组 …
    topic: str
    time: str
    place: str
    issuer: str
    date: str  # 成文日期, GB/T 9704 form
    prepare: Tuple[str, ...] = ()


def quorum(meeting: Meeting, expected: Optional[int], present: Optional[int]) -> Optional[bool]:
    """True (有效) / False (无效) by the 条例's rule, None where the meeting has no rule or the
    numbers are not known."""
    if meeting not in (Meeting.GENERAL, Meeting.COMMITTEE) or not expected or present is None:
        return None
    return present * 2 > expected


@dataclass(frozen=True)
class Record:
    """A meeting record (会议记录) made from the plan's items."""

    meeting: Meeting
    branch: str
    details: MeetingDetails
    agenda: Tuple[str, ...]

    def title(self) -> str:
        return f"{self.branch}{self.meeting.label}会议记录"

    def quorum_line(self) -> str:
        """“应到 30 人，实到 28 人，超过半数，会议有效（《支部工作条例》第十一条）。”"""
        d = self.details
        verdict = quorum(self.meeting, d.expected, d.present)
        if d.expected is None or d.present is None:
            return "应到    人，实到    人，缺席    人。"
        head = f"应到 {d.expected} 人，实到 {d.present} 人，缺席 {d.expected - d.present} 人"
        if verdict is None:
            return head + "。"
        article = "第十一条" if self.meeting is Meeting.GENERAL else "第十二条"
        if verdict:
            return f"{head}，到会人数超过半数，会议有效（《中国共产党支部工作条例（试行）》{article}）。"
        return f"{head}，到会人数未超过半数，会议无效，应另行召开（《中国共产党支部工作条例（试行）》{article}）。"
