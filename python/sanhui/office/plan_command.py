"""``sanhui:InsertPlan``: form → model → ODF fragment → one insertion at the cursor."""

from __future__ import annotations

import time
import uuid
from datetime import date, datetime

from ..content.pack import load_pack
from ..content.plan_builder import build_plan
from ..forms.plan_form import parse_plan
from ..i18n import text
from ..odf.plan_writer import RenderOptions
from ..odf.render import render_plan
from .command import Invocation
from .insertion import insert_fragment


def insert_plan(inv: Invocation) -> str:
    """Insert a month plan or one meeting's part; returns the summary scripts receive."""
    started = time.perf_counter()
    doc = inv.document
    request = parse_plan(inv.args, date.today())
    plan = build_plan(load_pack(), request.meeting, request.month.format(), request.branch, request.notes)
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
    return text("inserted_plan", inv.lang, {"what": what, "count": plan.paragraph_count()})
