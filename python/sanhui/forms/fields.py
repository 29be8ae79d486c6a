"""Turning one raw value (a dispatch argument, a URL query value, a dialog control's text)
into a checked Python value, or a FormError naming the field.

Values reach us as whatever UNO made of them: str, int, bool, or nested tuples.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional, Sequence, Tuple, TypeVar

from ..dates import DateInputError, MeetingTime, Month, parse_meeting_time, parse_month
from .errors import FormError, Localized

MAX_TEXT = 2000
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
E = TypeVar("E")


def text_value(field: str, raw: object, *, required: bool = False, limit: int = MAX_TEXT,
               multiline: bool = False) -> str:
    """Trimmed text; control characters are refused rather than silently dropped."""
    if raw is None:
        raw = ""
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise FormError(field, "wrong_type", expected=Localized("type_text"), value=_show(raw))
    value = str(raw).strip()
    allowed = value.replace("\n", "").replace("\t", "") if multiline else value
    if _CONTROL.search(allowed) or (not multiline and any(c in value for c in "\r\n\t")):
        raise FormError(field, "control_chars")
    if required and not value:
        raise FormError(field, "required")
    if len(value) > limit:
        raise FormError(field, "too_long", length=len(value), limit=limit)
    return value


def choice_value(field: str, raw: object, choices: Sequence[Tuple[str, E]], labels: Sequence[str]) -> E:
    """One of a fixed set, by its argument name (``committee``) or its Chinese label (支委会)."""
    value = text_value(field, raw).lower()
    for (name, result), label in zip(choices, labels):
        if value in (name.lower(), label.lower()):
            return result
    shown = "、".join(f"{name}（{label}）" for (name, _), label in zip(choices, labels))
    raise FormError(field, "bad_choice", value=_show(raw), choices=shown)


def int_value(field: str, raw: object, low: int = 0, high: int = 100000) -> Optional[int]:
    """A whole number in range; empty means not given."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise FormError(field, "wrong_type", expected=Localized("type_int"), value=_show(raw))
    if isinstance(raw, int):
        number = raw
    elif isinstance(raw, str) and re.fullmatch(r"[+-]?\d+", raw.strip().translate(_FULLWIDTH)):
        number = int(raw.strip().translate(_FULLWIDTH))
    else:
        raise FormError(field, "wrong_type", expected=Localized("type_int"), value=_show(raw))
    if not low <= number <= high:
        raise FormError(field, "number_range", low=low, high=high, value=number)
    return number


def bool_value(field: str, raw: object) -> bool:
    """True/False from a UNO boolean or the words scripts and URLs use."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "1", "yes", "是"):
        return True
    if isinstance(raw, str) and raw.strip().lower() in ("false", "0", "no", "否", ""):
        return False
    raise FormError(field, "wrong_type", expected=Localized("type_bool"), value=_show(raw))


def month_value(field: str, raw: object) -> Month:
    """``2023-09`` or ``2023年9月``."""
    value = text_value(field, raw)
    try:
        return parse_month(value)
    except DateInputError as exc:
        key = "month_unreadable" if exc.reason in ("unreadable", "empty") else f"date_{exc.reason}"
        raise FormError(field, key, value=value) from None


def time_value(field: str, raw: object, today: date) -> Optional[MeetingTime]:
    """A meeting's date and time as people type it; empty means not given."""
    value = text_value(field, raw)
    if not value:
        return None
    try:
        return parse_meeting_time(value, today)
    except DateInputError as exc:
        raise FormError(field, f"date_{exc.reason}", value=value) from None


def _show(raw: object) -> str:
    shown = repr(raw) if not isinstance(raw, str) else raw
    return shown if len(shown) <= 40 else shown[:40] + "…"


_FULLWIDTH = str.maketrans("０１２３４５６７８９＋－", "0123456789+-")
