"""The forms behind the minutes commands: InsertMinutes, AddMinutesItem and Countersign.

Deadlines are dates as people type them, written back in GB/T 9704 form; a deadline that has
passed is let through with a warning (minutes are often written up after the fact), one that
cannot be read is refused naming the item's row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import List, Mapping, Optional, Sequence, Tuple

from ..dates import DateInputError, format_date, parse_meeting_time
from ..model.minutes import ActionItem, Minutes
from .arguments import check_names
from .errors import FormError, Localized
from .fields import text_value, time_value

MINUTES_FIELDS = ("BranchA", "SecretaryA", "BranchB", "SecretaryB", "Theme", "Date", "Place", "Present", "Leave",
                  "Attending", "Items", "Interactive")
ITEM_FIELDS = ("Item", "Owner", "Deadline")
SIGN_FIELDS = ("SignerA", "SignerB", "DateA", "DateB")
MAX_ITEMS = 5000
_NAMES = re.compile(r"[、，,；;\n]+")


@dataclass(frozen=True)
class MinutesRequest:
    minutes: Minutes
    warnings: Tuple[FormError, ...] = ()


def names(field: str, raw: object) -> Tuple[str, ...]:
    """“张三、李四，王五” → the names, as people separate them."""
    return tuple(n.strip() for n in _NAMES.split(text_value(field, raw, limit=5000, multiline=True)) if n.strip())


def deadline_value(field: str, raw: object, today: date, row: Optional[int] = None) -> Tuple[str, bool]:
    """(the deadline in GB form or "", whether it has passed); FormError when unreadable."""
    value = text_value(field, raw, limit=100)
    if not value:
        return "", False
    try:
        day = parse_meeting_time(value, today).day
    except DateInputError as exc:
        if row is None:
            raise FormError(field, f"date_{exc.reason}", value=value) from None
        raise FormError(field, "item_deadline", row=row, value=value) from None
    return format_date(day), day < today


def item_rows(raw: object, today: date) -> Tuple[Tuple[ActionItem, ...], Tuple[FormError, ...]]:
    """The ``Items`` argument: rows of (事项, 责任人, 完成时限); blank rows are skipped."""
    if raw is None or raw == "":
        return (), ()
    if not isinstance(raw, (tuple, list)) or not all(isinstance(r, (tuple, list)) for r in raw):
        raise FormError("Items", "wrong_type", expected=Localized("type_rows"), value=str(raw)[:40])
    if len(raw) > MAX_ITEMS:
        raise FormError("Items", "too_many_items", count=len(raw), limit=MAX_ITEMS)
    items: List[ActionItem] = []
    warnings: List[FormError] = []
    for number, row in enumerate(raw, start=1):
        cells = [text_value("Items", c, limit=2000) for c in list(row)[:3]] + ["", "", ""]
        text, owner, deadline_raw = cells[:3]
        if not (text or owner or deadline_raw):
            continue
        if not text:
            raise FormError("Items", "item_without_text", row=number)
        deadline, passed = deadline_value("Items", deadline_raw, today, number)
        if passed:
            warnings.append(FormError("Items", "item_deadline_passed", row=number, deadline=deadline))
        items.append(ActionItem(text, owner, deadline))
    return tuple(items), tuple(warnings)


def parse_minutes(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None
                  ) -> MinutesRequest:
    """InsertMinutes' arguments with defaults (the own branch from the profile) → Minutes."""
    given = check_names(args, MINUTES_FIELDS)
    values = dict(defaults or {})
    values.update(given)
    secretary_a = text_value("SecretaryA", values.get("SecretaryA"), limit=50)
    secretary_b = text_value("SecretaryB", values.get("SecretaryB"), limit=50)
    if secretary_a and secretary_a == secretary_b:
        raise FormError("SecretaryB", "same_secretary", name=secretary_a)
    branch_a = text_value("BranchA", values.get("BranchA"), limit=100) or "（本支部）"
    branch_b = text_value("BranchB", values.get("BranchB"), limit=100) or "（联建支部）"
    if branch_a == branch_b:
        raise FormError("BranchB", "same_branch", name=branch_a)
    when = time_value("Date", values.get("Date"), today)
    items, warnings = item_rows(values.get("Items"), today)
    return MinutesRequest(Minutes(
        branch_a=branch_a, secretary_a=secretary_a, branch_b=branch_b, secretary_b=secretary_b,
        theme=text_value("Theme", values.get("Theme"), limit=100),
        time=when.format() if when else "",
        place=text_value("Place", values.get("Place"), limit=200),
        present=names("Present", values.get("Present")),
        leave=names("Leave", values.get("Leave")),
        attending=names("Attending", values.get("Attending")),
        items=items,
    ), warnings)


def parse_item(args: Mapping[str, object], today: date) -> Tuple[ActionItem, Tuple[FormError, ...]]:
    """AddMinutesItem: one agreed item; the text is required, owner and deadline may follow."""
    given = check_names(args, ITEM_FIELDS)
    text = text_value("Item", given.get("Item"), required=True, limit=2000)
    deadline, passed = deadline_value("Deadline", given.get("Deadline"), today)
    warnings = (FormError("Deadline", "deadline_passed", deadline=deadline),) if passed else ()
    return ActionItem(text, text_value("Owner", given.get("Owner"), limit=100), deadline), warnings


@dataclass(frozen=True)
class Signing:
    signer_a: str
    signer_b: str
    date_a: str
    date_b: str


def parse_signing(args: Mapping[str, object], today: date, secretaries: Sequence[str] = ("", "")) -> Signing:
    """Countersign: the two names (default: the secretaries the minutes name) and dates (today)."""
    given = check_names(args, SIGN_FIELDS)
    signer_a = text_value("SignerA", given.get("SignerA"), limit=50) or secretaries[0]
    signer_b = text_value("SignerB", given.get("SignerB"), limit=50) or secretaries[1]
    for field, name in (("SignerA", signer_a), ("SignerB", signer_b)):
        if not name:
            raise FormError(field, "required")
    if signer_a == signer_b:
        raise FormError("SignerB", "same_secretary", name=signer_a)
    dates = []
    for field in ("DateA", "DateB"):
        when = time_value(field, given.get(field), today)
        dates.append(format_date(when.day) if when else format_date(today))
    return Signing(signer_a, signer_b, dates[0], dates[1])
