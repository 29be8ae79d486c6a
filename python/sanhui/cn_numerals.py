"""Chinese numerals to integers, for dates and times typed in words.

People write official dates the way they are printed on red-headed documents
(二〇二三年九月二十五日) and say times the way they speak (下午三点半).  The date
parser first turns every run of Chinese numerals into Arabic digits with
`replace_numerals`, so one grammar of digits covers both ways of writing.
Only what dates and clock times need is handled: digit-by-digit years, and
positional numbers up to the thousands (十, 二十五, 一百零五, 两千零二十三),
plus the calendar abbreviations 廿 (20) and 卅 (30).
"""

from __future__ import annotations

import re
from typing import Dict

DIGITS: Dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
UNITS: Dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# 廿五日 and 卅一日 still appear in dates copied from older documents.
_ABBREVIATIONS: Dict[str, str] = {"廿": "二十", "卅": "三十"}

NUMERAL_RUN = re.compile("[〇零一二两三四五六七八九十百千廿卅]+")


def cn_to_int(text: str) -> int:
    """Read one run of Chinese numerals; ValueError if it is not a well-formed number.

    Without a unit character the run is read digit by digit, because that is
    how years are written (二〇二三 is 2023, not 2+0+2+3).  With units, a
    malformed run such as 二三十 or 十百 is refused rather than guessed at:
    a wrong meeting date in a record is worse than a request to retype it.
    """
    for short, full in _ABBREVIATIONS.items():
        text = text.replace(short, full)
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if not any(ch in UNITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0
    pending = -1  # the digit waiting for its unit; -1 when there is none
    last_unit = 10000
    for ch in text:
        if ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"units out of order: {text!r}")
            total += (1 if pending < 0 else pending) * unit
            pending, last_unit = -1, unit
        elif DIGITS[ch] == 0:
            continue  # 零 only marks a gap, as in 一百零五
        elif pending >= 0:
            raise ValueError(f"two digits without a unit: {text!r}")
        else:
            pending = DIGITS[ch]
    return total + max(pending, 0)


def replace_numerals(text: str) -> str:
    """Replace every run of Chinese numerals in `text` by its Arabic digits.

    Raises ValueError for a malformed run, so that the caller can report the
    whole input as unreadable instead of reading a different number.
    """
    return NUMERAL_RUN.sub(lambda match: str(cn_to_int(match.group())), text)
