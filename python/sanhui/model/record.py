"""From plan to meeting: the notice before it, the sign-in sheet at it, the record after it.

The quorum rules are the 条例's: a 党员大会 needs more than half of its voting members
(art. 11), a 支委会 more than half of the committee (art. 12); a 党小组会, a 党课 and a 主题党日
have none.

The titles are what the meeting ledger (issue 15) reads back to know which meeting a document is
of: a 党小组会's names its group (“机关第一党支部第二党小组党小组会会议记录”, as the sign-in sheet's
title always did), a 主题党日's says 活动, as branches write it (“主题党日活动记录”).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .meeting import Meeting, MeetingDetails
from .profile import Member

__all__ = ["PARTY_DAY_AGENDA", "PREPARE", "Member", "Notice", "Record", "meeting_name", "quorum", "sign_in_title"]

PREPARE = {
    Meeting.GENERAL: ("佩戴党员徽章", "确缴党费"),  # the seed: 要求全体党员佩戴党员徽章、确缴党费
    Meeting.PARTY_DAY: ("佩戴党员徽章", "携带学习笔记本"),  # an activity: the badge, and notes of the study
}
# A 主题党日 has no part in the built-in plan: its record's 议程 and its notice's 活动内容 are the
# usual “固定动作” of one (重温入党誓词, 集中学习, 交纳党费, 主题实践), until the secretary edits them.
PARTY_DAY_AGENDA = ("重温入党誓词", "集中学习研讨", "按时交纳党费", "开展主题实践活动")


def meeting_name(meeting: Meeting, group: str = "") -> str:
    """The meeting as a title names it: “第二党小组会议” when the group's name already says 党小组
    (a secretary would not write 第二党小组党小组会), “离退休组党小组会” otherwise, “主题党日活动”."""
    if meeting is Meeting.GROUP and group:
        return f"{group}会议" if group.endswith("小组") else f"{group}{meeting.label}"
    if meeting is Meeting.PARTY_DAY:
        return "主题党日活动"
    return meeting.label


def sign_in_title(branch: str, meeting: Meeting, group: str = "") -> str:
    """“机关第一党支部第二党小组党小组会签到表”, “机关第一党支部主题党日活动签到表”: the branch, the
    group of a 党小组会, the meeting (the form the sheet has always had, which readers know)."""
    what = "主题党日活动" if meeting is Meeting.PARTY_DAY else meeting.label
    return f"{branch}{group if meeting is Meeting.GROUP else ''}{what}签到表"


@dataclass(frozen=True)
class Notice:
    """A 会议通知 (or, for a 主题党日, a 活动通知): what the title and body say follow the meeting."""

    meeting: Meeting
    to: str  # 主送: 全体党员, 各党小组 …
    topic: str
    time: str
    place: str
    issuer: str
    date: str  # 成文日期, GB/T 9704 form
    prepare: Tuple[str, ...] = ()
    group: str = ""  # the 党小组 of a 党小组会 ("" for other meetings or none named)

    def title(self) -> str:
        """“关于召开党员大会的通知”, “关于召开第二党小组会议的通知”; a 主题党日 is not convened
        (召开) but carried out (开展): “关于开展主题党日活动的通知”."""
        verb = "开展" if self.meeting is Meeting.PARTY_DAY else "召开"
        return f"关于{verb}{meeting_name(self.meeting, self.group)}的通知"

    def opening(self) -> str:
        """“定于2023年9月25日 15:00在三楼会议室召开党员大会，现将有关事项通知如下。”"""
        when = f"定于{self.time}" if self.time else "定于    年  月  日"
        where = f"在{self.place}" if self.place else ""
        verb = "开展" if self.meeting is Meeting.PARTY_DAY else "召开"
        return f"{when}{where}{verb}{meeting_name(self.meeting, self.group)}，现将有关事项通知如下。"

    def points(self) -> Tuple[Tuple[str, str], ...]:
        """The numbered points (label, text): 会议主题 and 有关要求; a 主题党日's 活动主题, 活动内容
        (its usual parts) and 有关要求."""
        party_day = self.meeting is Meeting.PARTY_DAY
        points = [("活动主题" if party_day else "会议主题", self.topic or "（待定）")]
        if party_day:
            points.append(("活动内容", "、".join(PARTY_DAY_AGENDA) + "。"))
        ask = "请" + "、".join(self.prepare) + "，准时参加" if self.prepare else "请准时参加"
        leader = "党小组组长" if self.meeting is Meeting.GROUP else "支部书记"  # who grants leave
        points.append(("有关要求", f"{ask}；因故不能参加的，请提前向{leader}请假。"))
        return tuple(points)


def quorum(meeting: Meeting, expected: Optional[int], present: Optional[int]) -> Optional[bool]:
    """True (有效) / False (无效) by the 条例's rule, None where the meeting has no rule (党小组会,
    党课, 主题党日) or the numbers are not known."""
    if meeting not in (Meeting.GENERAL, Meeting.COMMITTEE) or not expected or present is None:
        return None
    return present * 2 > expected


@dataclass(frozen=True)
class Record:
    """A meeting record (会议记录) made from the plan's items; the group of a 党小组会 is one of
    its details (``details.group``)."""

    meeting: Meeting
    branch: str
    details: MeetingDetails
    agenda: Tuple[str, ...]

    def title(self) -> str:
        """“机关第一党支部党员大会会议记录”, “…第二党小组党小组会会议记录” (the group, as the sign-in
        sheet names it), “…主题党日活动记录”."""
        if self.meeting is Meeting.PARTY_DAY:
            return f"{self.branch}主题党日活动记录"
        group = self.details.group if self.meeting is Meeting.GROUP else ""
        return f"{self.branch}{group}{self.meeting.label}会议记录"

    def headings(self) -> Tuple[str, str]:
        """The record's two parts: its 议程 and how it ended (an activity has no vote)."""
        if self.meeting is Meeting.PARTY_DAY:
            return "活动内容", "参加情况"
        return "会议议程及内容", "表决情况及会议效力"

    def item_prompts(self) -> Tuple[str, ...]:
        """What is written under each item: a meeting's 发言摘要 and 决议, an activity's account."""
        if self.meeting is Meeting.PARTY_DAY:
            return ("活动情况：", "党员发言：")
        return ("发言摘要：", "决议：")

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
