"""Build the plan one insertion writes from a content pack and the user's choices."""

from __future__ import annotations

from typing import Optional

from ..model.meeting import NO_DETAILS, PLAN_ORDER, Meeting, MeetingDetails
from ..model.plan import MonthPlan, NotesMode, Part
from .pack import ContentPack


def month_title(pack: ContentPack, month_label: str, branch: str = "") -> str:
    """“2023年9月“三会一课”方案”, prefixed with the branch's name when there is one.

    Only ``{month}`` is a placeholder: any other brace a pack's author types is text.
    """
    return branch.strip() + pack.title.replace("{month}", month_label)


NO_COMMITTEE_REMARK = "本支部正式党员不足7人，不设支部委员会，由支部书记履行职责，本月方案不含支委会方案。"


def build_plan(
    pack: ContentPack,
    meeting: Optional[Meeting],
    month_label: str,
    branch: str = "",
    notes_mode: NotesMode = NotesMode.COMMENTS,
    details: MeetingDetails = NO_DETAILS,
    has_committee: bool = True,
) -> MonthPlan:
    """A whole month (``meeting`` None) with its title, or one meeting's part on its own.

    The month only changes the title: the pack's words are the plan's words. A branch with
    fewer than 7 full members has no 支委会 (条例 art. 9): its month plan leaves that part out
    and says so under the title, and the other parts move up (党员大会 becomes 一、).
    ``details`` (会议要素) belong to a single meeting.
    """
    meetings = PLAN_ORDER if has_committee else tuple(m for m in PLAN_ORDER if m is not Meeting.COMMITTEE)
    if meeting is None:
        return MonthPlan(
            title=month_title(pack, month_label, branch),
            parts=tuple(pack.part(m) for m in meetings),
            notes_mode=notes_mode,
            omitted=() if has_committee else (Meeting.COMMITTEE,),
            remark="" if has_committee else NO_COMMITTEE_REMARK,
        )
    if meeting not in meetings:
        raise ValueError("a branch without a committee has no committee plan")  # forms refuse it first
    part = pack.part(meeting)
    return MonthPlan(
        title=None,
        parts=(Part(part.meeting, part.entry, details),),
        notes_mode=notes_mode,
        first_number=meetings.index(meeting) + 1,
    )
