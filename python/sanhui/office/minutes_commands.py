"""The joint-minutes commands: InsertMinutes, AddMinutesItem, Countersign, VerifyMinutes."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, List, Tuple

from ..forms.arguments import check_names
from ..forms.errors import FormError
from ..forms.fields import bool_value
from ..forms.minutes_form import MINUTES_FIELDS, deadline_value, parse_item, parse_minutes, parse_signing
from ..i18n import text
from ..model.countersign import changes, fingerprint, normalize, short_code
from ..odf.minutes_writer import CODE_PREFIX, render_minutes
from .command import Invocation, Refusal
from .countersign_record import RecordUndo, record, records
from .insertion import check_insertable, insert_fragment
from .minutes_doc import MinutesPlace, place_at_cursor, place_by_title, read_minutes
from .placement import has_text_position
from .settings import load_profile
from .ui import message_box


def insert_minutes(inv: Invocation) -> str:
    """Insert a 联建会议纪要 with its items table and the two-secretary countersign block."""
    doc = inv.document
    check_insertable(inv, doc)
    profile = load_profile(inv.ctx)
    defaults = {"BranchA": profile.branch, "SecretaryA": profile.secretary}
    given = check_names(inv.args, MINUTES_FIELDS)
    if inv.clicked or bool_value("Interactive", given.get("Interactive", False)):
        from .minutes_dialog import MinutesDialog  # only a click needs the dialog's code

        values = dict(defaults)
        values.update({k: v for k, v in given.items() if k != "Interactive"})
        dialog_request = MinutesDialog(inv.ctx, inv.frame, inv.lang, values, date.today()).run()
        if dialog_request is None:
            return text("cancelled", inv.lang)
        request = dialog_request
    else:
        request = parse_minutes(inv.args, date.today(), defaults)
    token = uuid.uuid4().hex[:10]
    insert_fragment(inv, doc, lambda _whole: render_minutes(request.minutes, token, datetime.now(), True),
                    text("undo_insert_minutes", inv.lang))
    message = text("inserted_minutes", inv.lang, {"title": request.minutes.title(),
                                                   "count": len(request.minutes.items)})
    return _with_warnings(inv, message, request.warnings)


def _with_warnings(inv: Invocation, message: str, warnings: Any) -> str:
    if warnings:
        message += text("warning_prefix", inv.lang) + " ".join(w.message(inv.lang) for w in warnings)
    return message


def _editable_place(inv: Invocation, doc: Any) -> MinutesPlace:
    if doc.isReadonly():
        raise Refusal("readonly")
    place = place_at_cursor(doc, inv.frame.getController().getViewCursor())
    if record(doc, place.token) is not None or place.section.IsProtected:
        raise Refusal("already_signed")
    return place


def add_minutes_item(inv: Invocation) -> str:
    """Append a numbered row (事项, 责任人, 完成时限) to the minutes the cursor is in."""
    doc = inv.document
    place = _editable_place(inv, doc)
    item, warnings = parse_item(inv.args, date.today())
    table = place.items_table()
    undo = doc.getUndoManager()
    undo.enterUndoContext(text("undo_add_item", inv.lang))
    try:
        rows = table.getRows()
        count = rows.getCount()
        rows.insertByIndex(count, 1)
        values = (str(count), item.text, item.owner, item.deadline, "")
        for column, value in zip("ABCDE", values):
            cell = table.getCellByName(f"{column}{count + 1}")
            cell.setString(value)
    finally:
        undo.leaveUndoContext()
    return _with_warnings(inv, text("item_added", inv.lang, {"n": count, "text": item.text}), warnings)


def _unfilled_prompts(place: MinutesPlace) -> int:
    count = 0
    for el in place.elements:
        if el.supportsService("com.sun.star.text.TextTable"):
            continue
        portions = el.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            if portion.TextPortionType == "TextField" and portion.TextField.supportsService(
                    "com.sun.star.text.textfield.JumpEdit"):
                count += 1
    return count


def _unsignable_rows(place: MinutesPlace) -> Tuple[List[str], List[str]]:
    """Rows that may not be signed yet: (no 责任人, no valid 完成时限), by their 序号."""
    no_owner, no_deadline = [], []
    for row in place.items_table().getDataArray()[1:]:
        number, _, owner, deadline = (str(c) for c in row[:4])
        if not owner.strip():
            no_owner.append(number)
        try:
            if not deadline_value("Deadline", deadline, date.today())[0]:
                no_deadline.append(number)
        except FormError:
            no_deadline.append(number)
    return no_owner, no_deadline


def _secretaries(place: MinutesPlace) -> List[str]:
    """The two secretaries the minutes name, from the 主持 line (default signers)."""
    sign = place.sign_table()
    first = [str(c) for c in sign.getDataArray()[0]] if sign is not None else ["", ""]
    branches = [c[: -len("书记（签字）：")] for c in first]
    for el in place.elements:
        if el.supportsService("com.sun.star.text.Paragraph") and el.getString().startswith("主持："):
            hosts = el.getString()[3:]
            left, _, right = hosts.partition(f"、{branches[1]}书记")
            return [left[len(f"{branches[0]}书记"):].strip(), right.strip()]
    return ["", ""]


def countersign(inv: Invocation) -> str:
    """Check every item, fill the countersign block, protect the minutes, record the fingerprint."""
    doc = inv.document
    place = _editable_place(inv, doc)
    prompts = _unfilled_prompts(place)
    if prompts:
        raise Refusal("unfilled_prompts", count=prompts)
    no_owner, no_deadline = _unsignable_rows(place)
    if no_owner or no_deadline:
        reasons = [text(key, inv.lang, {"rows": "、".join(rows)})
                   for key, rows in (("missing_owner", no_owner), ("missing_deadline", no_deadline)) if rows]
        raise Refusal("cannot_sign", reasons="；".join(reasons))
    signing = parse_signing(inv.args, date.today(), _secretaries(place))
    sign = place.sign_table()
    undo = doc.getUndoManager()
    doc.lockControllers()
    undo.enterUndoContext(text("undo_countersign", inv.lang))
    try:
        for column, name, day in (("A", signing.signer_a, signing.date_a), ("B", signing.signer_b, signing.date_b)):
            sign.getCellByName(f"{column}3").setString(f"姓名：{name}")
            sign.getCellByName(f"{column}4").setString(f"日期：{day}")
        reading = read_minutes(place)
        digest = fingerprint(reading)
        place.code_paragraph().setString(CODE_PREFIX + short_code(digest))
        store = RecordUndo(doc, place.token, digest, reading)
        undo.addUndoAction(store)
        store.add()
        place.section.IsProtected = True
    finally:
        undo.leaveUndoContext()
        doc.unlockControllers()
    message = text("signed", inv.lang, {"a": signing.signer_a, "b": signing.signer_b, "code": short_code(digest)})
    if inv.clicked:  # the block is often off-screen and the cursor cannot enter it: say it was done
        message_box(inv.ctx, inv.frame, message, inv.lang, error=False)
    return message


def verify_minutes(inv: Invocation) -> str:
    """intact / changed (what changed) / unsigned, for the minutes at the cursor or every
    signed minutes in the document. Scripts get the word first (COMMANDS.md); a person who
    clicked gets the sentence in a box, without the word meant for scripts."""
    verdict, message = _verification(inv)
    if inv.clicked:
        message_box(inv.ctx, inv.frame, message, inv.lang, error=verdict != "intact")
    return f"{verdict}：{message}"


def _verification(inv: Invocation) -> Tuple[str, str]:
    doc = inv.document
    signed = records(doc)
    controller = inv.frame.getController()
    try:  # typing in a comment (no place in the text): every signed minutes is checked
        here = place_at_cursor(doc, controller.getViewCursor()) if has_text_position(controller) else None
    except Refusal:
        here = None
    if here is not None and here.token not in signed:
        return "unsigned", text("verify_unsigned", inv.lang)
    tokens = [here.token] if here is not None else sorted(signed)
    if not tokens:
        return "unsigned", text("verify_none", inv.lang)
    reports, intact = [], True
    for token in tokens:
        digest, reading = signed[token]
        place = place_by_title(doc, token, reading.title)
        if place is None:
            intact = False
            reports.append(text("verify_missing", inv.lang, {"title": normalize(reading.title)}))
            continue
        now = read_minutes(place)
        if fingerprint(now) == digest:
            reports.append(text("verify_intact", inv.lang, {"title": normalize(reading.title),
                                                           "code": short_code(digest)}))
            continue
        intact = False
        found = [text(key, inv.lang, params) for key, params in changes(reading, now)] or [
            text("change_unknown", inv.lang)]
        reports.append(text("verify_changed", inv.lang, {"title": normalize(reading.title),
                                                        "what": "；".join(found)}))
    return ("intact" if intact else "changed"), " ".join(reports)
