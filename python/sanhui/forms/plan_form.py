"""The form behind ``sanhui:InsertPlan``: its fields, defaults and checks.

Dispatch arguments, a menu URL's query and (later) the dialog all end here, so a script and
a person get the same defaults and the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Mapping, Optional, Tuple

from ..dates import Month
from ..model.meeting import NO_DETAILS, Absence, Meeting, MeetingDetails
from ..model.plan import NotesMode
from ..model.profile import BranchProfile, Recent
from .arguments import check_names
from .errors import FormError
from .fields import bool_value, choice_value, int_value, month_value, text_value, time_value

MEETING_CHOICES: Tuple[Tuple[str, Optional[Meeting]], ...] = (
    ("committee", Meeting.COMMITTEE),
    ("general", Meeting.GENERAL),
    ("group", Meeting.GROUP),
    ("lecture", Meeting.LECTURE),
    ("month", None),
)
MEETING_LABELS = ("支委会", "党员大会", "党小组会", "党课", "整月")
# What InsertPlan's Meeting takes: the plan dialog's list above, and a 主题党日, which only a
# template with such a part has (not the built-in plan: the command says so, naming Meeting).
# The dialog lists the four and the month only, as the built-in plan has them.
PLAN_MEETING_CHOICES = (*MEETING_CHOICES, ("partyday", Meeting.PARTY_DAY))
PLAN_MEETING_LABELS = (*MEETING_LABELS, "主题党日")
NOTES_CHOICES: Tuple[Tuple[str, NotesMode], ...] = tuple((m.value, m) for m in NotesMode)
NOTES_LABELS = ("批注", "正文", "不插入")

DETAIL_FIELDS = ("Date", "Place", "Host", "Recorder", "Expected", "Present", "Absent", "Attendees", "Topic")
FIELDS = ("Meeting", "Month", "Branch", "Notes", *DETAIL_FIELDS, "Template", "Interactive")


@dataclass(frozen=True)
class PlanRequest:
    """A checked request: which plan, for which month, and how to write it."""

    meeting: Optional[Meeting]  # None: the whole month
    month: Month
    branch: str = ""
    notes: NotesMode = NotesMode.COMMENTS
    details: MeetingDetails = NO_DETAILS
    interactive: bool = False
    template: str = ""  # a saved template's name; "" = the default one (options page), else the seed


def parse_plan(args: Mapping[str, object], today: date,
               defaults: Optional[Mapping[str, object]] = None, has_committee: bool = True) -> PlanRequest:
    """Arguments (with defaults for what is missing) → PlanRequest, or FormError on bad input.

    ``defaults`` are the branch profile's and the last values used. They fill the 会议要素
    only when at least one of them was given (a script that gives none gets no table);
    ``has_committee`` is False for a branch of fewer than 7 full members, which has no 支委会.
    """
    given = check_names(args, FIELDS)
    values: Dict[str, object] = dict(defaults or {})
    values.update(given)
    meeting = choice_value("Meeting", values.get("Meeting", "month"), PLAN_MEETING_CHOICES, PLAN_MEETING_LABELS)
    if meeting is Meeting.COMMITTEE and not has_committee:
        raise FormError("Meeting", "no_committee")
    month_raw = values.get("Month")
    month = month_value("Month", month_raw) if month_raw not in (None, "") else Month(today.year, today.month)
    notes = choice_value("Notes", values.get("Notes", "comments"), NOTES_CHOICES, NOTES_LABELS)
    asked = [n for n in DETAIL_FIELDS if given.get(n) is not None and str(given.get(n)).strip()]
    if meeting is None and asked:
        raise FormError(asked[0], "details_single_meeting")
    details = parse_details(values, today) if asked else NO_DETAILS
    return PlanRequest(
        meeting=meeting,
        month=month,
        branch=text_value("Branch", values.get("Branch"), limit=100),
        notes=notes,
        details=details,
        interactive=bool_value("Interactive", values.get("Interactive", False)),
        template=text_value("Template", values.get("Template"), limit=60),
    )


def plan_defaults(profile: BranchProfile, recent: Recent) -> Dict[str, object]:
    """What the form starts from: the branch profile, and the last place, 列席 and notes mode
    used (a branch meets in the same room with the same guests); the secretary chairs and the
    organisation committee member records, as usual."""
    return {
        "Branch": profile.branch,
        "Place": recent.place or profile.place,
        "Host": recent.host or profile.secretary,
        "Recorder": recent.recorder or profile.organizer,
        "Attendees": recent.attendees,
        "Notes": recent.notes or NotesMode.COMMENTS.value,
    }


def plan_warnings(request: PlanRequest) -> List[FormError]:
    """What a secretary should look at again but may go on with (the dialog asks; a script
    gets them appended to its result): attendance below the 条例's quorum, absentees that do
    not add up."""
    details, out = request.details, []
    expected, present = details.expected, details.present
    if expected and present is not None and present * 2 <= expected:
        if request.meeting is Meeting.GENERAL:
            out.append(FormError("Present", "quorum_general", present=present, expected=expected))
        elif request.meeting is Meeting.COMMITTEE:
            out.append(FormError("Present", "quorum_committee", present=present, expected=expected))
    if expected is not None and present is not None and details.absent and expected - present != len(details.absent):
        out.append(FormError("Absent", "absent_count", listed=len(details.absent), missing=expected - present))
    return out


def parse_details(values: Mapping[str, object], today: date) -> MeetingDetails:
    """The 会议要素 of one meeting; every field optional, the numbers checked together."""
    when = time_value("Date", values.get("Date"), today)
    expected = int_value("Expected", values.get("Expected"), 0, 10000)
    present = int_value("Present", values.get("Present"), 0, 10000)
    if expected is not None and present is not None and present > expected:
        raise FormError("Present", "present_over_expected", present=present, expected=expected)
    absent = parse_absences(text_value("Absent", values.get("Absent"), limit=MAX_LIST))
    if absent and expected is not None and present == expected:
        raise FormError("Absent", "absent_but_full", count=len(absent))
    return MeetingDetails(
        time=when.format() if when else "",
        place=text_value("Place", values.get("Place"), limit=200),
        host=text_value("Host", values.get("Host"), limit=100),
        recorder=text_value("Recorder", values.get("Recorder"), limit=100),
        expected=expected,
        present=present,
        absent=absent,
        attendees=text_value("Attendees", values.get("Attendees"), limit=MAX_LIST),
        topic=text_value("Topic", values.get("Topic"), limit=500),
    )


MAX_LIST = 2000
_SEPARATORS = "；;、，,\n"
_WITH_REASON = re.compile(r"^(?P<name>[^（(]+?)\s*[（(](?P<reason>[^）)]*)[）)]$")


def parse_absences(value: str) -> Tuple[Absence, ...]:
    """“张三（出差）；李四（病假）” → names with reasons; separators as people type them."""
    out: List[Absence] = []
    for piece in _split_outside_brackets(value):
        piece = piece.strip()
        if not piece:
            continue
        match = _WITH_REASON.match(piece)
        if match:
            out.append(Absence(match.group("name").strip(), match.group("reason").strip()))
        else:
            out.append(Absence(piece))
    return tuple(out)


def _split_outside_brackets(value: str) -> List[str]:
    """Split on list separators, but not inside a reason: “王五（出差、培训）” stays whole."""
    pieces: List[str] = []
    current: List[str] = []
    depth = 0
    for char in value:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if char in _SEPARATORS and depth == 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces
