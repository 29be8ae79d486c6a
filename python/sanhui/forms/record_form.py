"""The forms behind InsertNotice, InsertSignIn and InsertRecord, and the record's 议程 from a
plan's outline."""

from __future__ import annotations

from datetime import date
from typing import List, Mapping, Optional, Sequence, Tuple

from ..dates import format_date
from ..model.meeting import Meeting, MeetingDetails
from ..model.plan import Entry
from ..model.record import PREPARE, Member, Notice
from .arguments import check_names
from .errors import FormError, Localized
from .fields import choice_value, text_value, time_value
from .plan_form import DETAIL_FIELDS, MEETING_CHOICES, MEETING_LABELS, parse_details

NOTICE_FIELDS = ("Meeting", "Date", "Place", "Topic", "To", "Issuer")
SIGN_IN_FIELDS = ("Meeting", "Date", "Group", "Members")
RECORD_FIELDS = ("Meeting", *DETAIL_FIELDS)
SINGLE = tuple((n, m) for n, m in MEETING_CHOICES if m is not None)
SINGLE_LABELS = MEETING_LABELS[:4]


def meeting_value(raw: object) -> Meeting:
    """One meeting (not the whole month): committee / general / group / lecture or 支委会 …"""
    value: Meeting = choice_value("Meeting", raw, SINGLE, SINGLE_LABELS)
    return value


def parse_notice(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None
                 ) -> Notice:
    given = check_names(args, NOTICE_FIELDS)
    values = dict(defaults or {})
    values.update(given)
    meeting = meeting_value(values.get("Meeting", "general"))
    when = time_value("Date", values.get("Date"), today)
    default_to = {Meeting.COMMITTEE: "各位支委", Meeting.GROUP: "本组党员"}.get(meeting, "全体党员")
    return Notice(
        meeting=meeting,
        to=text_value("To", values.get("To"), limit=200) or default_to,
        topic=text_value("Topic", values.get("Topic"), limit=500),
        time=when.format() if when else "",
        place=text_value("Place", values.get("Place"), limit=200),
        issuer=text_value("Issuer", values.get("Issuer"), limit=100) or "（支部名称）",
        date=format_date(today),
        prepare=PREPARE.get(meeting, ()),
    )


def parse_sign_in(args: Mapping[str, object], today: date, profile_members: Sequence[Member] = ()
                  ) -> Tuple[Meeting, str, str, Tuple[Member, ...]]:
    """(meeting, time text, group, members): the profile's members (of the group for a
    党小组会), or the names given."""
    given = check_names(args, SIGN_IN_FIELDS)
    meeting = meeting_value(given.get("Meeting", "general"))
    when = time_value("Date", given.get("Date"), today)
    group = text_value("Group", given.get("Group"), limit=100)
    raw = given.get("Members")
    if raw not in (None, ""):
        if not isinstance(raw, (tuple, list)):
            raise FormError("Members", "wrong_type", expected=Localized("type_rows"), value=str(raw)[:40])
        members = tuple(Member(text_value("Members", n, limit=50)) for n in raw if str(n).strip())
    else:
        members = tuple(m for m in profile_members
                        if meeting is not Meeting.COMMITTEE or m.committee)
        if meeting is Meeting.GROUP and group:
            members = tuple(m for m in members if m.group == group)
    if len(members) > 2000:
        raise FormError("Members", "too_many_items", count=len(members), limit=2000)
    return meeting, when.format() if when else "", group, members


def parse_record(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None,
                 meeting: Optional[Meeting] = None) -> Tuple[Meeting, MeetingDetails]:
    """(meeting, details) for InsertRecord; the meeting may come from the plan at the cursor."""
    given = check_names(args, RECORD_FIELDS)
    values = dict(defaults or {})
    values.update(given)
    chosen = meeting_value(given["Meeting"]) if given.get("Meeting") not in (None, "") else (
        meeting or Meeting.GENERAL)
    return chosen, parse_details(values, today)


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
