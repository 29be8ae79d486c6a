"""The branch profile (支部信息) a secretary types once under Tools › Options, and the values the
dialogs remember from the last meeting; both are plain data here, stored by ``office.settings``.

The profile's shape also fixes one rule of the 《中国共产党支部工作条例（试行）》: a branch with
fewer than 7 full members (正式党员) elects no committee, so it holds no 支委会.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Dict, Mapping, Optional, Sequence, Tuple

COMMITTEE_MINIMUM = 7  # 条例 art. 9: 正式党员 7 人以上的党支部设立支部委员会
GROUP_SEPARATOR = "\t"  # a stored group is "名称\t组长": names never hold a tab (the form refuses it)
PROBATIONARY = "预备"  # stored member flags (in Chinese, so Expert Configuration reads naturally)
FULL = "正式"
COMMITTEE = "支委"
# The InsertAnnualPlan rule arguments a profile may set (the schedule the branch keeps every year).
RULE_NAMES: Tuple[str, ...] = ("CommitteeRule", "GeneralRule", "GroupRule", "LectureRule", "PartyDayRule")


@dataclass(frozen=True)
class PartyGroup:
    """A 党小组 and its 组长 (a group may not have named one yet)."""

    name: str
    leader: str = ""


@dataclass(frozen=True)
class Member:
    """One party member as the profile lists them: the sign-in sheet's rows and, for a 党小组会,
    the group's. ``probationary`` members (预备党员) neither vote nor count towards a committee."""

    name: str
    group: str = ""
    probationary: bool = False  # 预备党员
    committee: bool = False  # 支委


@dataclass(frozen=True)
class BranchProfile:
    """What stays the same from meeting to meeting: who the branch is and where it meets.

    ``member_count`` is the number of 正式党员 (full members; probationary members do not
    count towards a committee); None when the secretary has not given it. ``members`` is the
    roll (may be empty: many secretaries give only the count). ``rules`` holds the schedule rules
    the branch keeps (RULE_NAMES → “每月第一个星期五”); a missing one means the default.
    """

    branch: str = ""
    secretary: str = ""
    organizer: str = ""
    member_count: Optional[int] = None
    groups: Tuple[PartyGroup, ...] = ()
    place: str = ""
    members: Tuple[Member, ...] = ()
    rules: Tuple[Tuple[str, str], ...] = ()  # (RULE_NAMES entry, rule text), only those set

    def full_members(self) -> Optional[int]:
        """正式党员人数: the count given, else the roll's full members, else None (not known)."""
        if self.member_count is not None:
            return self.member_count
        listed = sum(1 for m in self.members if not m.probationary)
        return listed or None

    def has_committee(self) -> bool:
        """False only when the profile says the branch is too small for a 支委会; an unknown
        count keeps the committee, so nothing is left out of a plan on a guess."""
        count = self.full_members()
        return not (count is not None and 0 < count < COMMITTEE_MINIMUM)

    def rule_values(self) -> Dict[str, str]:
        """The rules set, as InsertAnnualPlan's argument defaults."""
        return {name: value for name, value in self.rules if value}


@dataclass(frozen=True)
class Recent:
    """What the dialogs filled in last time, offered again (the same room, the same 列席 guests).

    ``notes`` is the InsertPlan ``Notes`` value (comments, body, none) or "" when never chosen.
    """

    place: str = ""
    attendees: str = ""
    host: str = ""
    recorder: str = ""
    notes: str = ""

    def updated(self, **values: str) -> Recent:
        """A copy with some values replaced; an unknown name is a programming error."""
        unknown = set(values) - set(RECENT_FIELDS)
        if unknown:
            raise TypeError(f"Recent has no field(s) {sorted(unknown)}; known: {RECENT_FIELDS}")
        merged = {name: getattr(self, name) for name in RECENT_FIELDS}
        merged.update({name: str(value) for name, value in values.items()})
        return Recent(**merged)


RECENT_FIELDS: Tuple[str, ...] = tuple(f.name for f in fields(Recent))


# --- stored form (the configuration's Profile group) ------------------------------------------
# Kept here, pure, so the office layer only moves values and a unit test covers the format.

def profile_to_settings(profile: BranchProfile) -> Dict[str, object]:
    """The Profile group's values: MemberCount 0 means unknown, Groups "名称\\t组长" lines."""
    return {
        "Branch": profile.branch,
        "Secretary": profile.secretary,
        "Organizer": profile.organizer,
        "MemberCount": profile.member_count or 0,
        "Groups": tuple(_group_entry(g) for g in profile.groups),
        "Place": profile.place,
        "Members": tuple(_member_entry(m) for m in profile.members),
        **{name: dict(profile.rules).get(name, "") for name in RULE_NAMES},
    }


def profile_from_settings(values: Mapping[str, object]) -> BranchProfile:
    """Back from stored values; tolerant, since Expert Configuration lets anyone edit them."""
    count = values.get("MemberCount")
    member_count = count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else None
    raw_groups = values.get("Groups") or ()
    groups = tuple(_group_of(str(entry)) for entry in _sequence(raw_groups) if str(entry).strip())
    return BranchProfile(
        branch=_str(values.get("Branch")),
        secretary=_str(values.get("Secretary")),
        organizer=_str(values.get("Organizer")),
        member_count=member_count,
        groups=groups,
        place=_str(values.get("Place")),
        members=tuple(_member_of(str(entry)) for entry in _sequence(values.get("Members") or ())
                      if str(entry).strip()),
        rules=tuple((name, _str(values.get(name))) for name in RULE_NAMES if _str(values.get(name))),
    )


def _member_entry(member: Member) -> str:
    """“张三\t第一党小组\t正式\t支委”: tab-separated, as Expert Configuration shows it."""
    return GROUP_SEPARATOR.join((member.name, member.group, PROBATIONARY if member.probationary else FULL,
                                 COMMITTEE if member.committee else ""))


def _member_of(entry: str) -> Member:
    parts = [p.strip() for p in entry.split(GROUP_SEPARATOR)] + ["", "", ""]
    return Member(parts[0], parts[1], parts[2] == PROBATIONARY, parts[3] == COMMITTEE)


def _group_entry(group: PartyGroup) -> str:
    return f"{group.name}{GROUP_SEPARATOR}{group.leader}" if group.leader else group.name


def _group_of(entry: str) -> PartyGroup:
    name, _, leader = entry.partition(GROUP_SEPARATOR)
    return PartyGroup(name.strip(), leader.strip())


def _sequence(value: object) -> Sequence[object]:
    return value if isinstance(value, (tuple, list)) else (value,)


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""
