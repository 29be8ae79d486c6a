"""Clock times as people type them in Chinese: 下午3点半, 15点30分, 上午9:30, 15时.

Split from `sanhui.dates` so that the rules for 上午/下午/晚上 sit in one table
that can be read and argued about on its own.  Chinese numerals are assumed
to be Arabic digits already (`sanhui.cn_numerals.replace_numerals`), and
full-width characters folded to ASCII.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Dict, Tuple

PERIOD_KIND: Dict[str, str] = {
    "上午": "morning", "早上": "morning", "早晨": "morning", "凌晨": "morning", "早": "morning",
    "中午": "noon", "下午": "afternoon",
    "傍晚": "evening", "晚上": "evening", "夜里": "evening", "夜间": "evening", "晚": "evening",
}
# kind -> (hours that take 12 more, hours kept as they are).  下午15点 is redundant but
# clear, so it stands; 上午15点 contradicts itself and 晚上12点 is midnight (the next
# day), so both are refused rather than guessed.
_PERIOD_HOURS: Dict[str, Tuple[range, range]] = {
    "": (range(0), range(24)),
    "morning": (range(0), range(13)),
    "noon": (range(1, 3), range(11, 15)),  # 中午1点 is 13:00, 中午11点半 is 11:30
    "afternoon": (range(1, 12), range(12, 24)),
    "evening": (range(1, 12), range(13, 24)),
}
_PERIODS = "|".join(sorted(PERIOD_KIND, key=len, reverse=True))  # 晚上 before 晚

CLOCK = re.compile(
    rf"(?P<p>{_PERIODS})?\s*(?P<h>\d{{1,2}})\s*(?::\s*(?P<m>\d{{2}})(?::\d{{2}})?"
    r"|[点时](?:钟|整)?\s*(?:(?P<half>半)|(?P<q>\d)\s*刻|(?P<m2>\d{1,2})\s*分?)?)"
)
"""One clock time, with an optional period word in front; seconds after HH:MM are dropped."""


def read_clock(match: re.Match[str]) -> dt.time:
    """The 24-hour time of a `CLOCK` match; ValueError if there is no such time.

    A bare hour is taken as a 24-hour clock (3点 is 03:00): guessing the
    afternoon would be right more often, but wrong silently when it is wrong.
    """
    hour, minute = int(match.group("h")), 0
    if match.group("half"):
        minute = 30
    elif match.group("q"):
        minute = 15 * int(match.group("q"))  # 一刻 = 15 minutes; 四刻 comes out as 60 and is refused
    elif match.group("m") or match.group("m2"):
        minute = int(match.group("m") or match.group("m2"))
    add_twelve, keep = _PERIOD_HOURS[PERIOD_KIND.get(match.group("p") or "", "")]
    if minute > 59 or (hour not in add_twelve and hour not in keep):
        raise ValueError(f"no such time: {match.group()!r}")
    return dt.time(hour + 12 if hour in add_twelve else hour, minute)
