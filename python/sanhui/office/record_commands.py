"""InsertNotice, InsertSignIn and InsertRecord: what a meeting needs before, at and after it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, List, Optional, Tuple

from ..content.pack import load_pack
from ..forms.plan_form import plan_defaults
from ..forms.record_form import agenda, outline_of, parse_notice, parse_record, parse_sign_in
from ..i18n import text
from ..model.meeting import PLAN_ORDER, Meeting
from ..model.record import Record
from ..odf.record_writer import render_notice, render_record, render_sign_in
from ..odf.styles import DISPLAY_NAMES, StyleName
from .command import Invocation
from .insertion import check_insertable, insert_fragment
from .settings import load_profile, load_recent

LEVELS = {DISPLAY_NAMES[name]: level for level, name in enumerate(StyleName.HEADING)}
PART_TITLES = {f"{m.label}方案": m for m in PLAN_ORDER}


def insert_notice(inv: Invocation) -> str:
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    notice = parse_notice(inv.args, date.today(), {"Issuer": profile.branch, "Place": profile.place})
    insert_fragment(inv, doc, lambda _whole: render_notice(notice), text("undo_insert_notice", inv.lang))
    return text("inserted_notice", inv.lang, {"meeting": notice.meeting.label})


def insert_sign_in(inv: Invocation) -> str:
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    meeting, when, group, chosen = parse_sign_in(inv.args, date.today(), profile.members)
    title = f"{profile.branch}{group}{meeting.label}签到表"
    insert_fragment(inv, doc, lambda _whole: render_sign_in(meeting, title, when, chosen),
                    text("undo_insert_sign_in", inv.lang))
    return text("inserted_sign_in", inv.lang, {"meeting": meeting.label, "count": len(chosen)})


def _plan_part_at(doc: Any, view: Any) -> Tuple[Optional[Meeting], List[Tuple[int, str]]]:
    """The plan part the cursor is in: its meeting and its headings (level, text) in order."""
    body = doc.getText()
    try:
        cursor = body.createTextCursorByRange(view.getStart())
    except Exception:  # not in the body text
        return None, []
    while True:
        para = cursor.createEnumeration().nextElement()
        if LEVELS.get(para.ParaStyleName) == 0 and para.getString() in PART_TITLES:
            break
        if not cursor.gotoPreviousParagraph(False):
            return None, []
    meeting = PART_TITLES[para.getString()]
    outline: List[Tuple[int, str]] = []
    while True:
        para = cursor.createEnumeration().nextElement()
        level = LEVELS.get(para.ParaStyleName)
        if level == 0 and outline:
            break
        if level is not None:
            outline.append((level, para.getString()))
        if not cursor.gotoNextParagraph(False):
            break
    return meeting, outline


def insert_record(inv: Invocation) -> str:
    """A meeting record from the plan part at the cursor (or the content pack's part).

    With the cursor in a plan, the record goes at the end of the document on a new page, not
    into the middle of the plan; elsewhere it goes where the cursor is, as everything else.
    """
    doc = inv.document
    view, _, _ = check_insertable(inv, doc)
    found, outline = _plan_part_at(doc, view)
    profile = load_profile(inv.ctx)
    meeting, details = parse_record(inv.args, date.today(), plan_defaults(profile, load_recent(inv.ctx)), found)
    if found is not meeting or not outline:
        outline = outline_of(load_pack().part(meeting).entry)
    record = Record(meeting, profile.branch, details, tuple(agenda(outline)))
    token = uuid.uuid4().hex[:10]
    inside_plan = found is not None
    if inside_plan:  # not in the middle of the plan: after everything, on a page of its own
        view.gotoEnd(False)
    insert_fragment(inv, doc, lambda _whole: render_record(record, token, page_break=inside_plan),
                    text("undo_insert_record", inv.lang))
    return text("inserted_record", inv.lang, {"meeting": meeting.label, "count": len(record.agenda)})
