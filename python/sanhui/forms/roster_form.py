"""The member roll (党员名册) as the secretary types it on Tools › Options › 三会一课 › 党员名册: one
member a line, “姓名 党小组 预备 支委”, parsed into the profile's Members and shown back the same way.

Only the name is required and comes first; after it, words are told apart by what they say, not by
their place: 预备/预备党员 (正式/正式党员 is the default and may be written), 支委 or a committee post
(书记, 组织委员 …), and anything else is the 党小组. Words are separated by spaces, or — when the line
has any — by tabs, commas, 、 or semicolons, so a row pasted from a spreadsheet (tab-separated) reads
as typed, and a name with a space in it can be written “John Smith，第一党小组”.
"""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..i18n import text
from ..model.profile import COMMITTEE, PROBATIONARY, BranchProfile, Member, PartyGroup
from .errors import FormError
from .fields import text_value

ROLL_FIELD = "Roll"
MAX_ROLL = 1000  # a branch with more members than this has long been split into several
MAX_NAME = 50  # a person's or a group's name (as profile_form)
MAX_ROLL_TEXT = MAX_ROLL * (2 * MAX_NAME + 10)
HEADER_WORD = "姓名"  # a first line starting with it is a pasted header row, not a member

PROBATIONARY_WORDS = frozenset({PROBATIONARY, "预备党员"})
FULL_WORDS = frozenset({"正式", "正式党员"})
# 支委, 支部委员, 书记, 副书记, 组织委员, 宣传委员, 纪检委员, 青年委员 …
_COMMITTEE_WORD = re.compile(r"^(?:支委|支委委员|支部委员|委员|副?书记|支部副?书记|[\u4e00-\u9fff]{2}委员)$")
SEPARATORS = re.compile(r"[\t,，;；、]")
_BLANKS = re.compile(r"\s+")


def is_committee_word(word: str) -> bool:
    return bool(_COMMITTEE_WORD.match(word))


def parse_roll(raw: object, field: str = ROLL_FIELD) -> Tuple[Member, ...]:
    """The page's text → members in the order typed, or FormError naming the field and the line."""
    if isinstance(raw, str):
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    value = text_value(field, raw, multiline=True, limit=MAX_ROLL_TEXT)
    members: List[Member] = []
    seen: Dict[str, int] = {}
    first = True
    for number, line in enumerate(value.split("\n"), 1):
        words = split_line(line)
        if not words:
            continue
        if first and words[0] == HEADER_WORD:
            first = False
            continue
        first = False
        member = _member_of(words, line.strip(), number, field)
        if member.name in seen:
            raise FormError(field, "roll_duplicate", name=member.name, first=seen[member.name], line=number)
        seen[member.name] = number
        members.append(member)
    if len(members) > MAX_ROLL:
        raise FormError(field, "roll_too_many", count=len(members), limit=MAX_ROLL)
    return tuple(members)


def split_line(line: str) -> List[str]:
    """The words of one line: split at tabs, commas, 、 and semicolons when it has any, else at blanks."""
    parts = SEPARATORS.split(line) if SEPARATORS.search(line) else _BLANKS.split(line)
    return [" ".join(part.split()) for part in parts if part.strip()]


def _member_of(words: Sequence[str], line: str, number: int, field: str) -> Member:
    name, rest = words[0], words[1:]
    if name in PROBATIONARY_WORDS or name in FULL_WORDS or is_committee_word(name):
        raise FormError(field, "roll_name_first", line=number, value=_short(line))
    group: Optional[str] = None
    probationary = committee = False
    for word in rest:
        if word in PROBATIONARY_WORDS:
            probationary = True
        elif word in FULL_WORDS:
            probationary = False
        elif is_committee_word(word):
            committee = True
        elif group is None:
            group = word
        else:  # a second word that is no 党小组: say which, rather than guess
            raise FormError(field, "roll_line_unclear", line=number, value=_short(line), word=word,
                            probationary=PROBATIONARY, committee=COMMITTEE)
    if len(name) > MAX_NAME or len(group or "") > MAX_NAME:
        raise FormError(field, "roll_line_too_long", line=number, value=_short(line), limit=MAX_NAME)
    return Member(name, group or "", probationary, committee)


def format_roll(members: Iterable[Member]) -> str:
    """The page's text for a roll: what parse_roll reads back as the same members."""
    return "\n".join(format_member(m) for m in members)


def format_member(member: Member) -> str:
    words = [member.name] + ([member.group] if member.group else [])
    words += [PROBATIONARY] if member.probationary else []
    words += [COMMITTEE] if member.committee else []
    if not any(" " in w for w in words):
        return " ".join(words)
    # a blank inside a name or a group would split it: then commas separate the words (a name alone
    # gets one after it, so that the line has a comma and its blank is kept)
    return "，".join(words) + ("，" if len(words) == 1 else "")


def roll_counts(members: Sequence[Member]) -> Dict[str, int]:
    """共 N 人，正式 X，预备 Y，支委 Z — as the parameters of the roll_counts message."""
    probationary = sum(1 for m in members if m.probationary)
    return {"total": len(members), "full": len(members) - probationary, "probationary": probationary,
            "committee": sum(1 for m in members if m.committee)}


def roll_summary(members: Sequence[Member], profile: BranchProfile, lang: str) -> str:
    """The page's status line after Apply: the counts, and what does not agree with 支部信息."""
    if not members:
        return text("roll_empty", lang)
    counts = roll_counts(members)
    lines = [text("roll_counts", lang, counts)]
    unknown = unknown_groups(members, profile.groups)
    if unknown:
        lines.append(text("roll_unknown_groups", lang, {"groups": "、".join(f"“{g}”" for g in unknown)}))
    if profile.member_count is not None and profile.member_count != counts["full"]:
        lines.append(text("roll_count_differs", lang, {"count": profile.member_count, "full": counts["full"]}))
    return "\n".join(lines)


def unknown_groups(members: Sequence[Member], groups: Sequence[PartyGroup]) -> List[str]:
    """The roll's groups that 支部信息 does not list (none when it lists no groups at all)."""
    if not groups:
        return []
    known = {g.name for g in groups}
    found: List[str] = []
    for member in members:
        if member.group and member.group not in known and member.group not in found:
            found.append(member.group)
    return found


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:40] + "…"
