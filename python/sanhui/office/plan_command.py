"""``sanhui:InsertPlan``: form (arguments or dialog) → model → ODF fragment → one insertion."""

from __future__ import annotations

import time
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, List

import uno

from ..content.pack import load_pack
from ..content.plan_builder import build_plan
from ..dates import Month
from ..forms.arguments import check_names
from ..forms.errors import FormError
from ..forms.fields import bool_value
from ..forms.plan_form import FIELDS, PlanRequest, parse_plan, plan_defaults, plan_warnings
from ..i18n import text
from ..model.meeting import Meeting
from ..model.profile import BranchProfile
from ..odf.plan_writer import RenderOptions
from ..odf.render import render_plan
from ..plan_templates import BUILT_IN, reserved_names
from .command import Invocation
from .insertion import check_insertable, insert_fragment
from .plan_template import pack_for
from .settings import load_profile, load_recent, save_recent

LAST_MONTH_FILES = 300  # newest documents beside a plan read for last month's meetings

if TYPE_CHECKING:  # the ledger's modules are imported only when a saved plan's folder is read
    from ..model.meeting_ledger import Finding


def insert_plan(inv: Invocation) -> str:
    """Insert a month plan or one meeting's part; returns the summary scripts receive.

    A click (or ``Interactive=True``) opens the dialog prefilled from the arguments, the branch
    profile and the last values used; arguments alone run without it, with the same defaults.
    """
    started = time.perf_counter()
    doc = inv.document
    check_insertable(inv, doc)  # a read-only document is said before the dialog, not after
    profile = load_profile(inv.ctx)
    defaults = plan_defaults(profile, load_recent(inv.ctx))
    today = date.today()
    user_args = {k: v for k, v in check_names(inv.args, FIELDS).items() if k != "Interactive"}
    if inv.clicked or bool_value("Interactive", inv.args.get("Interactive", False)):
        asked = parse_plan(user_args, today, defaults, profile.has_committee())  # a bad argument is named
        if asked.meeting is Meeting.PARTY_DAY:  # the dialog's list has no 主题党日 to show it as
            raise FormError("Meeting", "partyday_plan_dialog")
        values = dict(defaults)
        values["Month"] = Month(today.year, today.month).format()  # shown as people write it: 2023年9月
        values.update(user_args)
        from .plan_dialog import PlanDialog  # only a click needs the dialog's code

        request = PlanDialog(inv.ctx, inv.frame, inv.lang, values, today, profile.has_committee()).run()
        if request is None:
            return text("cancelled", inv.lang)
        warnings = []  # seen and confirmed in the dialog
        _remember(inv, request)
    else:
        request = parse_plan(inv.args, today, defaults, profile.has_committee())
        warnings = plan_warnings(request)
    # 内置方案 (as the dialog's list names it, or a script) is the seed even when a default is set
    pack = load_pack() if request.template in reserved_names() else pack_for(inv, request.template)
    if request.meeting is not None and request.meeting not in pack.meetings():
        raise FormError("Meeting", "template_lacks_meeting", meeting=request.meeting.label,
                        name=pack.name or BUILT_IN)
    plan = build_plan(pack, request.meeting, request.month.format(), request.branch, request.notes,
                      request.details, profile.has_committee())
    gaps = last_month_gaps(inv, doc, profile, request.month, today)
    if gaps:
        from ..last_month import gaps_sentence, with_review_line

        if request.meeting is None:
            plan = with_review_line(plan, gaps)
    prefix = "sanhui-" + uuid.uuid4().hex[:8]

    def render(whole_document: bool) -> bytes:
        return render_plan(plan, RenderOptions(stamp=datetime.now(), note_prefix=prefix,
                                               start_page_style=whole_document, sentinels=True))

    insert_fragment(inv, doc, render, text("undo_insert_plan", inv.lang))
    inv.log.info("InsertPlan: %.1f ms in the handler", (time.perf_counter() - started) * 1000)
    if request.meeting is None:
        what = text("what_month", inv.lang, {"month": request.month.format()})
    else:
        what = text("what_part", inv.lang, {"meeting": request.meeting.label})
    message = text("inserted_plan", inv.lang, {"what": what, "count": plan.paragraph_count()})
    if warnings:
        message += text("warning_prefix", inv.lang) + " ".join(w.message(inv.lang) for w in warnings)
    if gaps:
        message += text("last_month_gaps", inv.lang, {"gaps": gaps_sentence(gaps)})
    return message


def last_month_gaps(inv: Invocation, doc: Any, profile: BranchProfile, month: Month, today: date) -> List[Finding]:
    """Last month's meetings without a record, from the records beside the document (last_month.py);
    none for a document not saved yet, whose folder is unknown. Only the folder itself is read, not
    its subfolders, and at most its LAST_MONTH_FILES newest .odt/.docx files: a plan saved in a large
    Documents folder must not make every InsertPlan read it all (MeetingLedger reads a whole tree)."""
    if not doc.hasLocation() or not doc.getURL().startswith("file:"):
        return []
    from ..last_month import gaps_before  # the reader and the rules only when there is a folder
    from ..odf.meeting_reader import read_one
    from ..odf.untrusted import folder_documents

    started = time.perf_counter()
    folder = Path(uno.fileUrlToSystemPath(doc.getURL())).parent
    files = folder_documents(folder)
    try:
        files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:  # a file gone while listed: nothing to say about last month
        return []
    facts = [fact for path in files[:LAST_MONTH_FILES] for fact in (read_one(path, today)[1] or ())]
    gaps = gaps_before(facts, profile, month, today)
    inv.log.info("InsertPlan: last month checked in %.1f ms (%d meetings in %d files of %s)",
                 (time.perf_counter() - started) * 1000, len(facts), min(len(files), LAST_MONTH_FILES), folder)
    return gaps


def _remember(inv: Invocation, request: PlanRequest) -> None:
    """What the user typed in the dialog is offered next time: the same room and 列席 guests.
    Only the dialog's values: a script's arguments must not change another script's defaults."""
    if not request.details.is_empty():
        save_recent(inv.ctx, place=request.details.place, attendees=request.details.attendees)
