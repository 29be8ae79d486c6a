"""The forms behind InsertNotice, InsertSignIn and InsertRecord, and the record's 议程 from a
plan's outline.

They take five kinds of meeting: the four of a plan and the 主题党日 (``partyday``), which has a
notice, a sign-in sheet of all members and a record but no part in the built-in plan. A 党小组会's
``Group`` is taken by all three: any name (groups are not always in the profile), trimmed and
bounded, and dropped for the other meetings, where a group means nothing.

Dispatch arguments and the three dialogs end here alike, so a script and a person get the same
defaults and the same messages. What the dialogs need besides (who a sign-in sheet lists for a
meeting, the 会议要素 a plan already holds) is here too, pure, so it is tested without an office.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from ..dates import Month, format_date
from ..model.meeting import Meeting, MeetingDetails
from ..model.plan import Entry
from ..model.profile import BranchProfile, PartyGroup, Recent
from ..model.record import PARTY_DAY_AGENDA, PREPARE, Member, Notice
from .arguments import check_names
from .errors import FormError, Localized
from .fields import bool_value, choice_value, text_value, time_value
from .plan_form import DETAIL_FIELDS, MEETING_CHOICES, MEETING_LABELS, PlanRequest, parse_details, plan_warnings

NOTICE_FIELDS = ("Meeting", "Date", "Place", "Topic", "To", "Issuer", "Group", "Interactive")
SIGN_IN_FIELDS = ("Meeting", "Date", "Group", "Members", "Interactive")
RECORD_FIELDS = ("Meeting", *DETAIL_FIELDS, "Group", "Interactive")
# The meetings of the three dialogs' lists, in their order: the plan's four, then the 主题党日.
SINGLE = (*((n, m) for n, m in MEETING_CHOICES if m is not None), ("partyday", Meeting.PARTY_DAY))
SINGLE_LABELS = (*MEETING_LABELS[:4], Meeting.PARTY_DAY.label)
MAX_MEMBERS = 2000
MAX_GROUP = 100  # a 党小组's name; it goes into titles, so a pasted paragraph is refused
# 主送 by meeting: who a notice is addressed to when nobody says otherwise.
DEFAULT_TO = {Meeting.COMMITTEE: "各位支委", Meeting.GROUP: "本组党员"}
# A list of names as people paste it: one a line, or separated by 、，; (names never hold these).
_NAME_SEPARATORS = re.compile(r"[\n\r、，,；;]+")
# “应到 30 人，实到 28 人，缺席 2 人” as odf.details_table writes it (either number may be blank).
_ATTENDANCE = re.compile(r"应到\s*(?P<Expected>\d*)\s*人\s*[，,]\s*实到\s*(?P<Present>\d*)\s*人")
# The 会议要素 table's labels (odf.details_table.detail_rows) → the argument each fills.
TABLE_FIELDS = {"党小组": "Group", "会议时间": "Date", "会议地点": "Place", "主持人": "Host", "记录人": "Recorder",
                "缺席人员及原因": "Absent", "列席人员": "Attendees", "会议主题": "Topic"}


def meeting_value(raw: object) -> Meeting:
    """One meeting (not the whole month): committee / general / group / lecture / partyday or
    支委会 … 主题党日."""
    value: Meeting = choice_value("Meeting", raw, SINGLE, SINGLE_LABELS)
    return value


def group_value(meeting: Meeting, raw: object) -> str:
    """The 党小组 of a 党小组会, trimmed; "" for other meetings (a script's Group for a 党员大会
    is checked, then ignored). Names not in the profile are fine: many branches never list
    their groups there, and the title should still say which group met."""
    group = text_value("Group", raw, limit=MAX_GROUP)
    return group if meeting is Meeting.GROUP else ""


def chair(meeting: Meeting, group: str, groups: Sequence[PartyGroup], otherwise: str) -> str:
    """Who chairs ``meeting`` unless someone else is named: a 党小组会 its group's 组长 (the
    profile's), any other meeting — or a group whose 组长 the profile does not name —
    ``otherwise`` (the secretary, or whoever chaired last)."""
    if meeting is Meeting.GROUP:
        leader = next((g.leader for g in groups if g.name == group.strip() and g.leader), "")
        if leader:
            return leader
    return otherwise


def default_to(meeting: Meeting) -> str:
    """The 主送 of a notice for ``meeting``: 各位支委, 本组党员, else 全体党员."""
    return DEFAULT_TO.get(meeting, "全体党员")


def prepare_text(meeting: Meeting) -> str:
    """What the notice asks people to bring or do (the seed: 党员大会 佩戴党员徽章、确缴党费)."""
    return "、".join(PREPARE.get(meeting, ()))


def notice_defaults(profile: BranchProfile, recent: Recent) -> Dict[str, object]:
    """A notice is issued by the branch and meets where the branch last met (or usually meets)."""
    return {"Issuer": profile.branch, "Place": recent.place or profile.place}


def parse_notice(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None
                 ) -> Notice:
    given = check_names(args, NOTICE_FIELDS)
    bool_value("Interactive", given.get("Interactive", False))
    values = dict(defaults or {})
    values.update(given)
    meeting = meeting_value(values.get("Meeting") or "general")
    when = time_value("Date", values.get("Date"), today)
    return Notice(
        group=group_value(meeting, values.get("Group")),
        meeting=meeting,
        to=text_value("To", values.get("To"), limit=200) or default_to(meeting),
        topic=text_value("Topic", values.get("Topic"), limit=500),
        time=when.format() if when else "",
        place=text_value("Place", values.get("Place"), limit=200),
        issuer=text_value("Issuer", values.get("Issuer"), limit=100) or "（支部名称）",
        date=format_date(today),
        prepare=PREPARE.get(meeting, ()),
    )


def sign_in_roll(meeting: Meeting, group: str, roll: Sequence[Member]) -> Tuple[Member, ...]:
    """Who a sign-in sheet lists from the profile's roll: the 支委 for a 支委会, the group's
    members for a 党小组会 with a group chosen, everybody otherwise (a 主题党日 is all members')."""
    if meeting is Meeting.COMMITTEE:
        return tuple(m for m in roll if m.committee)
    if meeting is Meeting.GROUP and group:
        return tuple(m for m in roll if m.group == group)
    return tuple(roll)


def names_of(text: str) -> Tuple[str, ...]:
    """The names typed into a dialog's list: one a line (or separated by 、，;), blanks dropped."""
    return tuple(name.strip() for name in _NAME_SEPARATORS.split(text) if name.strip())


def parse_sign_in(args: Mapping[str, object], today: date, profile_members: Sequence[Member] = ()
                  ) -> Tuple[Meeting, str, str, Tuple[Member, ...]]:
    """(meeting, time text, group, members): the profile's members (of the group for a
    党小组会), or the names given. A given name that is on the roll keeps what the roll says
    of it (a 预备党员 is marked so on the sheet); an empty sequence means blank rows."""
    given = check_names(args, SIGN_IN_FIELDS)
    bool_value("Interactive", given.get("Interactive", False))
    meeting = meeting_value(given.get("Meeting") or "general")
    when = time_value("Date", given.get("Date"), today)
    group = group_value(meeting, given.get("Group"))
    raw = given.get("Members")
    if raw not in (None, ""):
        if not isinstance(raw, (tuple, list)):
            raise FormError("Members", "wrong_type", expected=Localized("type_rows"), value=str(raw)[:40])
        if len(raw) > MAX_MEMBERS:
            raise FormError("Members", "too_many_items", count=len(raw), limit=MAX_MEMBERS)
        on_roll = {m.name: m for m in profile_members}
        names = [text_value("Members", n, limit=50) for n in raw]
        members = tuple(on_roll.get(name) or Member(name) for name in names if name)
    else:
        members = sign_in_roll(meeting, group, profile_members)
    if len(members) > MAX_MEMBERS:
        raise FormError("Members", "too_many_items", count=len(members), limit=MAX_MEMBERS)
    return meeting, when.format() if when else "", group, members


def details_from_table(rows: Mapping[str, str]) -> Dict[str, str]:
    """The arguments a plan's 会议要素 table (label → cell text) already answers: only the filled
    cells, so a blank one leaves the profile's default (the secretary as 主持人 …) in place."""
    out = {TABLE_FIELDS[label]: value.strip() for label, value in rows.items()
           if label in TABLE_FIELDS and value.strip()}
    match = _ATTENDANCE.search(rows.get("应到/实到", ""))
    if match:
        out.update({name: number for name, number in match.groupdict().items() if number})
    return out


def parse_record(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None,
                 meeting: Optional[Meeting] = None) -> Tuple[Meeting, MeetingDetails]:
    """(meeting, details) for InsertRecord; the meeting may come from the plan at the cursor.
    A 党小组会's Group is one of its details (``details.group``), so the record's title and its
    会议要素 table say which group met."""
    given = check_names(args, RECORD_FIELDS)
    bool_value("Interactive", given.get("Interactive", False))
    values = dict(defaults or {})
    values.update(given)
    chosen = meeting_value(given["Meeting"]) if given.get("Meeting") not in (None, "") else (
        meeting or Meeting.GENERAL)
    group = group_value(chosen, values.get("Group"))
    return chosen, replace(parse_details(values, today), group=group)


def record_warnings(meeting: Meeting, details: MeetingDetails) -> List[FormError]:
    """The plan dialog's warnings (no quorum, absentees that do not add up) for a record: the
    same 会议要素, the same rules; the month plays no part in them."""
    return plan_warnings(PlanRequest(meeting=meeting, month=Month(2000, 1), details=details))


def default_agenda(meeting: Meeting) -> List[str]:
    """The 议程 of a record made without a plan part: the built-in plan's items for the four
    meetings (``outline_of(pack.part(meeting))`` in the command), the usual parts of a 主题党日."""
    return list(PARTY_DAY_AGENDA) if meeting is Meeting.PARTY_DAY else []


def agenda(outline: Sequence[Tuple[int, str]]) -> List[str]:
    """The plan's items in order as the record's 议程: each numbered item under its section
    (“第一行动：传达学习上级…”), or the section itself where it has no items."""
    out: List[str] = []
    section = ""
    pending = False
    for level, text in outline:
        if level == 1:
            if pending:
                out.append(section)
            section, pending = text, True
        elif level >= 2 and section:
            if level == 2:
                out.append(f"{section}：{text}")
            pending = False
    if pending:
        out.append(section)
    return out


def outline_of(entry: Entry, level: int = 0) -> List[Tuple[int, str]]:
    """(level, text) of a plan part's entries: what the document's headings would show."""
    out = [(level, entry.text)]
    for child in entry.children:
        out.extend(outline_of(child, level + 1))
    return out
