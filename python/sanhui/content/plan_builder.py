"""Build the plan one insertion writes from a content pack and the user's choices."""

from __future__ import annotations

from typing import Optional

from ..model.meeting import PLAN_ORDER, Meeting
from ..model.plan import MonthPlan, NotesMode
from .pack import ContentPack


def month_title(pack: ContentPack, month_label: str, branch: str = "") -> str:
    """“2023年9月“三会一课”方案”, prefixed with the branch's name when there is one.

    Only ``{month}`` is a placeholder: any other brace a pack's author types is text.
    """
    return branch.strip() + pack.title.replace("{month}", month_label)


def build_plan(
    pack: ContentPack,
    meeting: Optional[Meeting],
    month_label: str,
    branch: str = "",
    notes_mode: NotesMode = NotesMode.COMMENTS,
) -> MonthPlan:
    """A whole month (``meeting`` None) with its title, or one meeting's part on its own.

    The month only changes the title: the pack's words are the plan's words.
    """
    if meeting is None:
        return MonthPlan(
            title=month_title(pack, month_label, branch),
            parts=tuple(pack.part(m) for m in PLAN_ORDER),
            notes_mode=notes_mode,
        )
    return MonthPlan(
        title=None,
        parts=(pack.part(meeting),),
        notes_mode=notes_mode,
        first_number=meeting.position,
    )
