"""Build the plan one insertion writes from a content pack and the user's choices."""

from __future__ import annotations

from typing import Optional

from ..model.meeting import NO_DETAILS, Meeting, MeetingDetails
from ..model.plan import MonthPlan, NotesMode, Part
from .pack import ContentPack


def month_title(pack: ContentPack, month_label: str, branch: str = "") -> str:
    """“2023年9月“三会一课”方案”, prefixed with the branch's name when there is one (and the
    title does not start with it already: a saved template's title may carry the branch).

    Only ``{month}`` is a placeholder: any other brace a pack's author types is text. Whether the
    title starts with the branch is judged on what comes before the placeholder: a branch named
    “2” is not in “{month}…” for all that “2023年…” starts with a 2, nor one named “{” (the property
    tests found both).
    """
    branch = branch.strip()
    title = pack.title.replace("{month}", month_label)
    before = pack.title.split("{month}", 1)[0]
    return title if not branch or before.startswith(branch) else branch + title


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
    parts = tuple(p for p in pack.parts if has_committee or p.meeting is not Meeting.COMMITTEE)
    if meeting is None:
        dropped = len(parts) < len(pack.parts)
        return MonthPlan(
            title=month_title(pack, month_label, branch) if pack.title else None,
            parts=parts,
            notes_mode=notes_mode,
            omitted=(Meeting.COMMITTEE,) if dropped else (),
            remark=NO_COMMITTEE_REMARK if dropped else "",
            title_notes=pack.title_notes if pack.title else (),
            preamble=pack.preamble,
            closing=pack.closing,
        )
    if not has_committee and meeting is Meeting.COMMITTEE:
        raise ValueError("a branch without a committee has no committee plan")  # forms refuse it first
    found = [i for i, p in enumerate(parts) if p.meeting is meeting]
    if not found:
        raise KeyError(meeting)  # a template without this meeting: forms refuse it first
    index = found[0]
    return MonthPlan(
        title=None,
        parts=(Part(meeting, parts[index].entry, details),),
        notes_mode=notes_mode,
        first_number=index + 1,
    )
