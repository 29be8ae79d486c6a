"""The branch profile form behind Tools › Options › 三会一课 › 支部信息: the page's fields as text,
parsed and checked into a BranchProfile, and a profile shown back as the page's text.

The options page is only one way of filling it; a test or a script fills the same fields by name.
Everything is optional: a secretary may give the branch's name today and its groups next week.
"""

from __future__ import annotations

import re
from typing import Dict, List, Mapping, Optional, Tuple

from ..model.profile import RULE_NAMES, BranchProfile, PartyGroup
from ..schedule import RuleError, parse_rule
from .annual_form import DEFAULT_RULES
from .errors import FormError
from .fields import int_value, text_value

RULE_LIMIT = 50
PROFILE_FIELDS = ("Branch", "Secretary", "Organizer", "MemberCount", "Groups", "UsualPlace")
MAX_MEMBERS = 10000
MAX_GROUPS = 100
MAX_NAME = 50  # a person's or a group's name
MAX_GROUPS_TEXT = MAX_GROUPS * (2 * MAX_NAME + 2)

# "第一党小组 张三", "第一党小组：张三", "第一党小组,张三", "第一党小组，组长：张三"
_SEPARATOR = r"[\s:：,，、;；]"
_GROUP_LINE = re.compile(rf"^(?P<name>(?:(?!{_SEPARATOR}).)+){_SEPARATOR}*(?P<leader>.*)$")
_LEADER_WORD = re.compile(rf"^组长{_SEPARATOR}*")


def parse_profile(values: Mapping[str, object]) -> BranchProfile:
    """The page's fields by name (missing ones empty) → BranchProfile, or FormError naming the field."""
    return BranchProfile(
        branch=text_value("Branch", values.get("Branch"), limit=100),
        secretary=text_value("Secretary", values.get("Secretary"), limit=MAX_NAME),
        organizer=text_value("Organizer", values.get("Organizer"), limit=MAX_NAME),
        member_count=parse_member_count(values.get("MemberCount")),
        groups=parse_groups(values.get("Groups")),
        place=text_value("UsualPlace", values.get("UsualPlace"), limit=200),
    )


def parse_member_count(raw: object) -> Optional[int]:
    """正式党员人数: empty or 0 means not known; anything but a whole number 0–10000 is refused with
    one message that says what is wanted (a person typing “七” or “-3” needs the same answer)."""
    try:
        count = int_value("MemberCount", raw, 0, MAX_MEMBERS)
    except FormError:
        shown = raw.strip() if isinstance(raw, str) else raw
        raise FormError("MemberCount", "number_range", low=0, high=MAX_MEMBERS, value=shown) from None
    return count or None


def parse_groups(raw: object) -> Tuple[PartyGroup, ...]:
    """One 党小组 a line, its 组长 after a space, colon or comma; empty lines are skipped."""
    if isinstance(raw, str):
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    value = text_value("Groups", raw, multiline=True, limit=MAX_GROUPS_TEXT)
    groups: List[PartyGroup] = []
    seen: Dict[str, int] = {}
    for number, line in enumerate(value.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        group = _group_of_line(line, number)
        if group.name in seen:
            raise FormError("Groups", "group_duplicate", name=group.name, first=seen[group.name], line=number)
        seen[group.name] = number
        groups.append(group)
    if len(groups) > MAX_GROUPS:
        raise FormError("Groups", "groups_too_many", count=len(groups), limit=MAX_GROUPS)
    return tuple(groups)


def _group_of_line(line: str, number: int) -> PartyGroup:
    match = _GROUP_LINE.match(line)
    assert match is not None  # a stripped, non-empty line always starts with a non-separator
    name = match.group("name")
    leader = " ".join(_LEADER_WORD.sub("", match.group("leader")).split())
    if len(name) > MAX_NAME or len(leader) > MAX_NAME:
        raise FormError("Groups", "group_line_too_long", line=number, value=_short(line), limit=MAX_NAME)
    return PartyGroup(name, leader)


def profile_fields(profile: BranchProfile) -> Dict[str, str]:
    """What the page shows for a profile: the same text parse_profile reads back unchanged."""
    return {
        "Branch": profile.branch,
        "Secretary": profile.secretary,
        "Organizer": profile.organizer,
        "MemberCount": str(profile.member_count) if profile.member_count else "",
        "Groups": format_groups(profile.groups),
        "UsualPlace": profile.place,
    }


def format_groups(groups: Tuple[PartyGroup, ...]) -> str:
    """“第一党小组 张三” lines, the way the page asks for them."""
    return "\n".join(f"{g.name} {g.leader}" if g.leader else g.name for g in groups)


def _short(line: str) -> str:
    return line if len(line) <= 40 else line[:40] + "…"


# --- the schedule rules (Tools › Options › 三会一课 › 会议日程) ----------------------------------

def parse_rules(values: Mapping[str, object]) -> Tuple[Tuple[str, str], ...]:
    """The five rule fields → the profile's ``rules``: each one read by schedule.parse_rule
    (FormError naming the field); an empty field or the default rule is not stored, so a rule left
    alone follows the default if it changes."""
    rules: List[Tuple[str, str]] = []
    for name in RULE_NAMES:
        raw = text_value(name, values.get(name), limit=RULE_LIMIT)
        if not raw:
            continue
        try:
            rule = parse_rule(raw)
        except RuleError:
            raise FormError(name, "bad_rule", value=raw) from None
        if rule.text != parse_rule(DEFAULT_RULES[name]).text:
            rules.append((name, rule.text))
    return tuple(rules)


def rules_fields(profile: BranchProfile) -> Dict[str, str]:
    """What the page shows: the branch's rule, else the default in use."""
    kept = dict(profile.rules)
    return {name: kept.get(name) or DEFAULT_RULES[name] for name in RULE_NAMES}
