"""InsertNotice, InsertSignIn and InsertRecord: what a meeting needs before, at and after it.

Each command gets its form from the arguments, or — on a menu click or ``Interactive=True`` —
from its dialog, prefilled from the same defaults; then ``place_*`` writes it at the cursor as one
undo step. (The ``place_*`` functions are public so the office tests can confirm a dialog through
its handlers and put its answer into a document, the way the command does.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ..content.pack import load_pack
from ..forms.arguments import check_names
from ..forms.errors import FormError
from ..forms.fields import bool_value
from ..forms.plan_form import plan_defaults
from ..forms.record_form import (
    NOTICE_FIELDS,
    RECORD_FIELDS,
    SIGN_IN_FIELDS,
    agenda,
    chair,
    default_agenda,
    details_from_table,
    meeting_value,
    notice_defaults,
    outline_of,
    parse_notice,
    parse_record,
    parse_sign_in,
    record_warnings,
)
from ..i18n import text
from ..model.meeting import PLAN_ORDER, Meeting, MeetingDetails, meeting_of_heading
from ..model.profile import BranchProfile, Recent
from ..model.record import Member, Notice, Record, sign_in_title
from ..odf.record_writer import render_notice, render_record, render_sign_in
from ..odf.styles import DISPLAY_NAMES, StyleName
from .command import Invocation
from .insertion import check_insertable, insert_fragment
from .settings import load_profile, load_recent, save_recent

LEVELS = {DISPLAY_NAMES[name]: level for level, name in enumerate(StyleName.HEADING)}
PART_TITLES = {f"{m.label}方案": m for m in PLAN_ORDER}
DETAILS_TABLE = "会议要素"  # odf.details_table names the table “党员大会会议要素” (LibreOffice may add a number)
SignIn = Tuple[Meeting, str, str, Tuple[Member, ...]]


def _interactive(inv: Invocation, given: Dict[str, object]) -> bool:
    """A click, or a script asking for the dialog (COMMANDS.md)."""
    return inv.clicked or bool_value("Interactive", given.get("Interactive", False))


def _user_values(given: Dict[str, object]) -> Dict[str, object]:
    return {k: v for k, v in given.items() if k != "Interactive"}


def _with_warnings(inv: Invocation, message: str, warnings: Sequence[FormError]) -> str:
    if warnings:
        message += text("warning_prefix", inv.lang) + " ".join(w.message(inv.lang) for w in warnings)
    return message


# --- the notice --------------------------------------------------------------------------------

def insert_notice(inv: Invocation) -> str:
    """A 会议通知 at the cursor, from the arguments or the dialog."""
    doc = inv.document
    check_insertable(inv, doc)
    defaults = notice_defaults(load_profile(inv.ctx), load_recent(inv.ctx))
    given = check_names(inv.args, NOTICE_FIELDS)
    today = date.today()
    if _interactive(inv, given):
        from .notice_dialog import NoticeDialog  # only a click needs the dialog's code

        parse_notice(_user_values(given), today, defaults)  # a bad argument is named, not shown
        values = dict(defaults)
        values.update(_user_values(given))
        groups = [g.name for g in load_profile(inv.ctx).groups]
        answer = NoticeDialog(inv.ctx, inv.frame, inv.lang, values, today, groups).run()
        if answer is None:
            return text("cancelled", inv.lang)
        notice = answer
        if notice.place:  # only the dialog's values: a script must not change another's defaults
            save_recent(inv.ctx, place=notice.place)
    else:
        notice = parse_notice(inv.args, today, defaults)
    return place_notice(inv, doc, notice)


def place_notice(inv: Invocation, doc: Any, notice: Notice) -> str:
    insert_fragment(inv, doc, lambda _whole: render_notice(notice), text("undo_insert_notice", inv.lang))
    return text("inserted_notice", inv.lang, {"meeting": notice.meeting.label})


# --- the sign-in sheet -------------------------------------------------------------------------

def insert_sign_in(inv: Invocation) -> str:
    """A 签到表 at the cursor: the profile's members for the meeting, or the names given."""
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    given = check_names(inv.args, SIGN_IN_FIELDS)
    today = date.today()
    if _interactive(inv, given):
        from .sign_in_dialog import SignInDialog  # only a click needs the dialog's code

        parse_sign_in(_user_values(given), today, profile.members)  # a bad argument is named, not shown
        answer = SignInDialog(inv.ctx, inv.frame, inv.lang, _user_values(given), today, profile.members,
                              [g.name for g in profile.groups]).run()
        if answer is None:
            return text("cancelled", inv.lang)
        sheet = answer
    else:
        sheet = parse_sign_in(inv.args, today, profile.members)
    return place_sign_in(inv, doc, sheet)


def place_sign_in(inv: Invocation, doc: Any, sheet: SignIn) -> str:
    meeting, when, group, chosen = sheet
    title = sign_in_title(load_profile(inv.ctx).branch, meeting, group)
    insert_fragment(inv, doc, lambda _whole: render_sign_in(meeting, title, when, chosen),
                    text("undo_insert_sign_in", inv.lang))
    return text("inserted_sign_in", inv.lang, {"meeting": meeting.label, "count": len(chosen)})


# --- the record --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanPart:
    """The plan part the cursor is in: its meeting, its headings (level, text) in order, and
    what its 会议要素 table says (argument name → value; empty without a table)."""

    meeting: Optional[Meeting] = None
    outline: Tuple[Tuple[int, str], ...] = ()
    details: Dict[str, str] = field(default_factory=dict)


def plan_part_at(doc: Any, view: Any) -> PlanPart:
    """Walk up from the cursor to the part's heading (一、党员大会方案), then down to the next
    part's, collecting the headings; the 会议要素 table is the one of the meeting's name that
    lies between the two."""
    body = doc.getText()
    try:
        cursor = body.createTextCursorByRange(view.getStart())
    except Exception:  # not in the body text
        return PlanPart()
    while True:
        para = cursor.createEnumeration().nextElement()
        if LEVELS.get(para.ParaStyleName) == 0:
            meeting = _part_meeting(para.getString())
            if meeting is not None:
                break
        if not cursor.gotoPreviousParagraph(False):
            return PlanPart()
    heading = para.getStart()
    end = None
    outline: List[Tuple[int, str]] = []
    while True:
        para = cursor.createEnumeration().nextElement()
        level = LEVELS.get(para.ParaStyleName)
        if level == 0 and outline:
            end = para.getStart()
            break
        if level is not None:
            outline.append((level, para.getString()))
        if not cursor.gotoNextParagraph(False):
            break
    return PlanPart(meeting, tuple(outline), _details_between(doc, meeting, heading, end))


def _part_meeting(heading: str) -> Optional[Meeting]:
    """The meeting of a plan part's heading: the built-in plan's “党员大会方案” …, or a
    template's 主题党日 part (“主题党日”, “主题党日活动安排”), so a record made in it is one."""
    if heading in PART_TITLES:
        return PART_TITLES[heading]
    return Meeting.PARTY_DAY if meeting_of_heading(heading) is Meeting.PARTY_DAY else None


def _details_between(doc: Any, meeting: Meeting, start: Any, end: Any) -> Dict[str, str]:
    """The meeting's 会议要素 table after ``start`` (and before ``end``), read back as arguments."""
    body = doc.getText()
    tables = doc.getTextTables()
    for name in tables.getElementNames():
        if not name.startswith(meeting.label + DETAILS_TABLE):
            continue
        table = tables.getByName(name)
        try:
            anchor = table.getAnchor()
            inside = body.compareRegionStarts(start, anchor) > 0 and (
                end is None or body.compareRegionStarts(anchor, end) > 0)
        except Exception:  # a table in another text (a frame, a cell): not the plan's
            continue
        if inside:
            rows = table.getDataArray()
            return details_from_table({str(r[0]): str(r[1]) for r in rows if len(r) >= 2})
    return {}


def record_defaults(profile: BranchProfile, recent: Recent, part: PlanPart, given: Mapping[str, object]
                    ) -> Dict[str, object]:
    """What the record's form starts from: the profile and the last values used — a 党小组会
    chaired by its group's 组长 —, overridden by what the plan's 会议要素 table at the cursor says
    (the meeting as planned)."""
    defaults: Dict[str, object] = dict(plan_defaults(profile, recent))
    meeting = _meeting_given(given) or part.meeting or Meeting.GENERAL
    group = str(given.get("Group") or part.details.get("Group") or "")
    defaults["Host"] = chair(meeting, group, profile.groups, str(defaults.get("Host") or ""))
    defaults.update(part.details)
    return defaults


def _meeting_given(given: Mapping[str, object]) -> Optional[Meeting]:
    """The Meeting argument when it names one (a bad one is named by parse_record later)."""
    try:
        return meeting_value(given["Meeting"]) if given.get("Meeting") not in (None, "") else None
    except FormError:
        return None


def insert_record(inv: Invocation) -> str:
    """A meeting record from the plan part at the cursor (or the content pack's part): its
    meeting and 会议要素 prefill the form, the rest comes from the profile and the last values.

    With the cursor in a plan, the record goes at the end of the document on a new page, not
    into the middle of the plan; elsewhere it goes where the cursor is, as everything else.
    """
    doc = inv.document
    view, _, _ = check_insertable(inv, doc)
    part = plan_part_at(doc, view)
    given = check_names(inv.args, RECORD_FIELDS)
    profile, recent = load_profile(inv.ctx), load_recent(inv.ctx)
    defaults = record_defaults(profile, recent, part, given)
    today = date.today()
    if _interactive(inv, given):
        from .record_dialog import RecordDialog  # only a click needs the dialog's code

        parse_record(_user_values(given), today, defaults, part.meeting)  # a bad argument is named
        values = dict(defaults)
        values["Meeting"] = (part.meeting or Meeting.GENERAL).value  # the plan's meeting is preselected
        values.update(_user_values(given))
        otherwise = str(plan_defaults(profile, recent)["Host"] or "")  # who chairs when no 组长 does
        answer = RecordDialog(inv.ctx, inv.frame, inv.lang, values, today, profile.groups, otherwise).run()
        if answer is None:
            return text("cancelled", inv.lang)
        meeting, details = answer
        warnings: List[FormError] = []  # seen and confirmed in the dialog
        if not replace(details, group="").is_empty():  # the same room and guests next time, as the plan dialog does
            save_recent(inv.ctx, place=details.place, attendees=details.attendees)
    else:
        meeting, details = parse_record(inv.args, today, defaults, part.meeting)
        warnings = record_warnings(meeting, details)
    return _with_warnings(inv, place_record(inv, doc, meeting, details), warnings)


def _agenda(part: PlanPart, meeting: Meeting) -> List[str]:
    """The plan part's items when the cursor is in that meeting's part, else the built-in plan's
    (which has no 主题党日: a 主题党日's record lists that activity's usual parts)."""
    if part.meeting is meeting and part.outline:
        return agenda(part.outline)
    pack = load_pack()
    if meeting in pack.meetings():
        return agenda(outline_of(pack.part(meeting).entry))
    return default_agenda(meeting)


def place_record(inv: Invocation, doc: Any, meeting: Meeting, details: MeetingDetails) -> str:
    view, _, _ = check_insertable(inv, doc)
    part = plan_part_at(doc, view)
    record = Record(meeting, load_profile(inv.ctx).branch, details, tuple(_agenda(part, meeting)))
    token = uuid.uuid4().hex[:10]
    inside_plan = part.meeting is not None
    if inside_plan:  # not in the middle of the plan: after everything, on a page of its own
        view.gotoEnd(False)
    insert_fragment(inv, doc, lambda _whole: render_record(record, token, page_break=inside_plan),
                    text("undo_insert_record", inv.lang))
    kind = "主题党日活动记录" if meeting is Meeting.PARTY_DAY else f"{meeting.label}会议记录"
    return text("inserted_record", inv.lang, {"meeting": kind if inv.lang == "zh" else meeting.label,
                                              "count": len(record.agenda)})
