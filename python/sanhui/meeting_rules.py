"""What a year of meeting documents says against the 条例 and the branch's own schedule: the
meetings held, what is missing or late, who came, and the year's counts — the MeetingLedger.

The 条例 (《中国共产党支部工作条例（试行）》 art. 10, 12): 支委会 monthly (only where the branch has a
committee: 7 or more full members), 党小组会 monthly for each 党小组, 党员大会 and 党课 each quarter,
the 主题党日 monthly. The branch's schedule (profile rules, schedule.py, holidays moved as the
annual plan moves them) adds what it promises: a 党课 “每月…” is then expected monthly, and a
meeting held more than LATE_AFTER_DAYS after its scheduled day is late.

A period is judged only once it is over (its last day before ``today``); before that, a meeting
whose scheduled day is more than LATE_AFTER_DAYS past and still not held is “late” — the warning
a web system gives on the 25th. A meeting counts for the month (quarter) it was held in.

Pure: no UNO, no files; the reader (odf/meeting_reader.py) gives the facts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from statistics import mean
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .model.meeting import Absence
from .model.meeting_ledger import (
    COMMITTEE,
    GENERAL,
    GROUP,
    KINDS,
    LATE,
    LECTURE,
    MISSING,
    NO_QUORUM,
    PARTY_DAY,
    PLANNED_ONLY,
    RECORD,
    SIGN_IN,
    Finding,
    KindSummary,
    MeetingFact,
    MeetingLedger,
    MemberAbsence,
    MemberAttendance,
    kind_label,
    merge_copies,
    quarter_label,
)
from .model.profile import BranchProfile, Member

# A week's grace: a meeting moved a few days for work or a visitor is not late; one held in the
# third week of a month that the schedule puts in its first is.
LATE_AFTER_DAYS = 7
MONTHLY_BY_RULES = (COMMITTEE, GROUP, PARTY_DAY)  # the 条例's monthly meetings; the rest quarterly
RULE_KINDS: Dict[str, str] = {"CommitteeRule": COMMITTEE, "GeneralRule": GENERAL, "GroupRule": GROUP,
                              "LectureRule": LECTURE, "PartyDayRule": PARTY_DAY}

Period = Tuple[str, Tuple[int, ...]]  # (“10月” / “第四季度”, its months)


def build_ledger(facts: Iterable[MeetingFact], profile: BranchProfile, year: int, today: date,
                 read: Sequence[str] = (), unreadable: Sequence[Tuple[str, str]] = (),
                 holidays: bool = True) -> MeetingLedger:
    """The year's ledger from every fact read (other years' are left out, copies merged).

    ``holidays`` moves scheduled days off public holidays as the annual plan does (schedule.py);
    tests may turn it off to be independent of the holiday table."""
    every = list(facts)
    groups = _group_names(profile, every)
    kept = [_normalised(f, groups) for f in merge_copies(every) if f.day is None or f.day.year == year]
    kept.sort(key=lambda f: (f.day is None, f.day or date.max, KINDS.index(f.kind) if f.kind in KINDS else 9))
    meetings = held_meetings(kept)
    scheduled = scheduled_days(profile, year, holidays)
    findings: List[Finding] = []
    summary: List[KindSummary] = []
    for kind in KINDS:
        periods = required_periods(kind, profile, groups, scheduled)
        kind_groups: Sequence[str] = (groups or [""]) if kind == GROUP else [""]
        done = [m for m in meetings if m.kind == kind]
        planned = [f for f in kept if f.kind == kind and not f.held() and f.day is not None]
        due = 0
        for label, months in periods:
            over = _period_end(year, months) < today
            due += len(kind_groups) if over else 0
            findings.extend(_period_findings(kind, label, months, kind_groups, done, planned, scheduled.get(kind, []),
                                             over, year, today))
        summary.append(KindSummary(kind, len(done), len(periods) * len(kind_groups) if periods else 0, due,
                                   _mean(m.attendance() for m in done)))
    for meeting in meetings:
        if meeting.quorate() is False and meeting.day is not None:
            findings.append(Finding(f"{meeting.day.month}月", meeting.day.month, meeting.kind, NO_QUORUM,
                                    _no_quorum_text(meeting), meeting.group, meeting.day))
    findings.sort(key=lambda f: (f.month, KINDS.index(f.kind), f.group, f.day or date.min))
    monthly = tuple(_mean(m.attendance() for m in meetings if m.month == month) for month in range(1, 13))
    return MeetingLedger(
        branch=profile.branch or _most_named_branch(kept), year=year, today=today, facts=tuple(kept),
        meetings=tuple(meetings), findings=tuple(findings), members=tuple(attendance(meetings, profile, groups)),
        summary=tuple(summary), monthly_attendance=monthly, read=tuple(read), unreadable=tuple(unreadable),
        groups=tuple(groups))


# --- groups ---------------------------------------------------------------------------------------

def _group_names(profile: BranchProfile, facts: Sequence[MeetingFact]) -> List[str]:
    """The branch's 党小组: the profile's, else its members' groups, else those the records name.
    None at all: a branch without 党小组, which holds no 党小组会 (unless records show one)."""
    names = [g.name for g in profile.groups if g.name]
    if not names:
        names = list(dict.fromkeys(m.group for m in profile.members if m.group))
    if not names:
        names = list(dict.fromkeys(f.group for f in facts if f.kind == GROUP and f.group))
    return names


def _squeeze(name: str) -> str:
    return re.sub(r"\s+", "", name)


def same_group(written: str, name: str) -> bool:
    """A group as a record writes it against the profile's name: the same, or one the other's
    end (“机关第二党小组” for “第二党小组”, “第二党小组” for “机关第二党小组”)."""
    a, b = _squeeze(written), _squeeze(name)
    return bool(a) and bool(b) and (a == b or a.endswith(b) or b.endswith(a))


def _normalised(fact: MeetingFact, groups: Sequence[str]) -> MeetingFact:
    if fact.kind != GROUP or not fact.group or fact.group in groups:
        return fact
    found = [g for g in groups if same_group(fact.group, g)]
    return replace(fact, group=found[0]) if len(found) == 1 else fact


# --- meetings held --------------------------------------------------------------------------------

def held_meetings(facts: Sequence[MeetingFact]) -> List[MeetingFact]:
    """One fact per meeting held (dated): a record and the signed sign-in sheet of the same
    meeting (kind, day and group; a sheet or record naming no group joins the one that does)
    merged — the record's facts, the sheet's signatures, both files — in date order."""
    by_day: Dict[Tuple[str, date], List[MeetingFact]] = {}
    for fact in facts:
        if fact.held() and fact.day is not None:
            by_day.setdefault((fact.kind, fact.day), []).append(fact)
    out: List[MeetingFact] = []
    for same_day in by_day.values():
        named = list(dict.fromkeys(f.group for f in same_day if f.group))
        clusters: Dict[str, List[MeetingFact]] = {}
        for fact in same_day:
            key = fact.group or (named[0] if len(named) == 1 else "")
            clusters.setdefault(key, []).append(fact)
        for group, cluster in clusters.items():
            out.extend(_merged(cluster, group))
    out.sort(key=lambda f: (f.day or date.max, KINDS.index(f.kind) if f.kind in KINDS else 9, f.group))
    return out


def _merged(cluster: List[MeetingFact], group: str) -> List[MeetingFact]:
    """Each record of the cluster is a meeting (two records of one day are two meetings); the
    sign-in sheets join the first record, or make one meeting themselves when there is none."""
    records = [f for f in cluster if f.evidence == RECORD]
    sheets = [f for f in cluster if f.evidence == SIGN_IN]
    if not records:
        base = sheets[0]
        sources = tuple(dict.fromkeys(s for f in sheets for s in f.sources))
        return [replace(base, group=group, sources=sources)]
    out = [replace(r, group=group) for r in records]
    if sheets:
        first = out[0]
        signed = tuple(dict.fromkeys(n for f in sheets for n in f.signed))
        sources = tuple(dict.fromkeys(first.sources + tuple(s for f in sheets for s in f.sources)))
        sheet = sheets[0]
        out[0] = replace(first, signed=signed, sources=sources,
                         absent=first.absent or sheet.absent,
                         expected=first.expected if first.expected is not None else sheet.expected,
                         present=first.present if first.present is not None else sheet.present)
    return out


# --- what is required -----------------------------------------------------------------------------

def scheduled_days(profile: BranchProfile, year: int, holidays: bool = True) -> Dict[str, List[date]]:
    """kind → the days the branch's schedule rules put its meetings on in ``year`` (moved off
    public holidays when ``holidays``); a rule that cannot be read is left out, as the annual
    plan's form would have refused it."""
    from .schedule import RuleError, dates, parse_rule, schedule

    rules = {}
    for name, text in profile.rule_values().items():
        if name in RULE_KINDS:
            try:
                rules[RULE_KINDS[name]] = parse_rule(text)
            except RuleError:
                continue
    if not rules:
        return {}
    if holidays:
        moved, _ = schedule(rules, year)
        return {kind: [m.day for m in found] for kind, found in moved.items()}
    return {kind: dates(rule, year) for kind, rule in rules.items()}


def required_periods(kind: str, profile: BranchProfile, groups: Sequence[str],
                     scheduled: Dict[str, List[date]]) -> List[Period]:
    """The periods in which one ``kind`` meeting (per 党小组 for a 党小组会) is required: months
    where the 条例 or a monthly schedule asks for one, else quarters. None: a branch without a
    支委会, or without 党小组 (and no 党小组会 schedule)."""
    if kind == COMMITTEE and not profile.has_committee():
        return []
    if kind == GROUP and not groups and GROUP not in scheduled:
        return []
    days = scheduled.get(kind, [])
    monthly = kind in MONTHLY_BY_RULES or len({d.month for d in days}) > 4
    if monthly:
        return [(f"{m}月", (m,)) for m in range(1, 13)]
    return [(quarter_label(q), (3 * q - 2, 3 * q - 1, 3 * q)) for q in range(1, 5)]


def _period_end(year: int, months: Tuple[int, ...]) -> date:
    last = months[-1]
    return (date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)) - timedelta(days=1)


def _of_group(fact: MeetingFact, kind: str, group: str) -> bool:
    return kind != GROUP or not group or fact.group == group


def _period_findings(kind: str, label: str, months: Tuple[int, ...], groups: Sequence[str],
                     done: Sequence[MeetingFact], planned: Sequence[MeetingFact], days: Sequence[date],
                     over: bool, year: int, today: date) -> List[Finding]:
    """The findings of one period of one kind, for each of its groups."""
    out: List[Finding] = []
    month = months[-1]
    in_period = [m for m in done if m.month in months]
    unnamed = [m for m in in_period if kind == GROUP and not m.group]
    lacking = [g for g in groups if g and not any(m.group == g for m in in_period)] if kind == GROUP else []
    spare = len(unnamed)  # 党小组会 records naming no group stand for as many groups lacking one
    note = f"（另有 {spare} 份党小组会记录未注明党小组）" if spare else ""
    due_day = next((d for d in days if d.month in months), None)
    for group in groups:
        what = kind_label(kind, group)
        if kind == GROUP and group:
            held = [m for m in in_period if m.group == group]
            if not held and group in lacking and len(unnamed) >= len(lacking):
                continue  # as many unnamed records as groups lacking one: taken as theirs
        else:
            held = list(in_period)
        if held:
            first = min(m.day for m in held if m.day is not None)
            if due_day is not None and (first - due_day).days > LATE_AFTER_DAYS:
                out.append(Finding(label, month, kind, LATE,
                                   f"{label} {what}于{_md(first)}召开，晚于日程（{_md(due_day)}）"
                                   f"{(first - due_day).days} 天", group, first))
            continue
        scheduled_note = f"（按日程应于{_md(due_day)}召开）" if due_day is not None else ""
        if over:
            was_planned = any(f.month in months and _of_group(f, kind, group) for f in planned)
            if was_planned:
                out.append(Finding(label, month, kind, PLANNED_ONLY,
                                   f"{label} {what}有安排或通知，未见记录{scheduled_note}{note}", group, due_day))
            else:
                out.append(Finding(label, month, kind, MISSING, f"{label} {what}未见记录{scheduled_note}{note}",
                                   group, due_day))
        elif due_day is not None and due_day.year == year and (today - due_day).days > LATE_AFTER_DAYS:
            out.append(Finding(label, month, kind, LATE,
                               f"{label} {what}按日程应于{_md(due_day)}召开，尚未见记录", group, due_day))
    return out


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _no_quorum_text(meeting: MeetingFact) -> str:
    """“9月 党员大会（9月25日）应到 30 人，实到 12 人，未超过半数，会议无效”."""
    day = meeting.day or date.min
    return (f"{day.month}月 {kind_label(meeting.kind, meeting.group)}（{_md(day)}）应到 {meeting.expected} 人，"
            f"实到 {meeting.present} 人，未超过半数，会议无效")


def _mean(values: Iterable[Optional[float]]) -> Optional[float]:
    known = [v for v in values if v is not None]
    return mean(known) if known else None


def _most_named_branch(facts: Sequence[MeetingFact]) -> str:
    counts: Dict[str, int] = {}
    for fact in facts:
        if fact.branch:
            counts[fact.branch] = counts.get(fact.branch, 0) + 1
    return max(counts, key=lambda b: counts[b]) if counts else ""


# --- members --------------------------------------------------------------------------------------

def _key(name: str) -> str:
    """A name as compared: no spaces (“王 五” is 王五), no “（预备党员）”."""
    return re.sub(r"\s+|[（(]预备党员[）)]", "", name)


def roll_of(meetings: Sequence[MeetingFact], profile: BranchProfile) -> Tuple[Member, ...]:
    """The profile's roll, else everyone the documents name (sign-in sheets, 缺席 lists) in the
    order first named, as members of no known group."""
    if profile.members:
        return profile.members
    names: Dict[str, None] = {}
    for meeting in meetings:
        for name in meeting.signed + tuple(a.name for a in meeting.absent):
            names.setdefault(_key(name))
    return tuple(Member(name) for name in names)


def attendance(meetings: Sequence[MeetingFact], profile: BranchProfile,
               groups: Sequence[str] = ()) -> List[MemberAttendance]:
    """Each member's year. A member is expected at a meeting whose signed sign-in sheet lists
    them; without one, by the roll: a 支委会 if a 支委, a 党小组会 if of its group (a record naming
    no group: when the branch has one group at most), every other meeting; with no roll given,
    at those other meetings. Attended: signed in, or — with no sheet — not on the 缺席 list."""
    roll = roll_of(meetings, profile)
    has_roll = bool(profile.members)
    committee_known = any(m.committee for m in roll)
    out: List[MemberAttendance] = []
    for member in roll:
        key = _key(member.name)
        expected = attended = 0
        missed: List[MemberAbsence] = []
        for meeting in meetings:
            absent = {_key(a.name): a for a in meeting.absent}
            listed: Set[str] = {_key(n) for n in meeting.signed} | set(absent) if meeting.signed else set()
            if listed:
                if key not in listed:
                    continue
            elif not _expected_by_roll(member, meeting, has_roll, committee_known, groups, key in absent):
                continue
            expected += 1
            was_there = key in {_key(n) for n in meeting.signed} if meeting.signed else key not in absent
            if was_there:
                attended += 1
            else:
                missed.append(MemberAbsence(meeting.day, meeting.kind, absent.get(key, Absence(key)).reason,
                                            meeting.group))
        out.append(MemberAttendance(member.name, member.group, expected, attended, tuple(missed), member.committee,
                                    member.probationary))
    return out


def _expected_by_roll(member: Member, meeting: MeetingFact, has_roll: bool, committee_known: bool,
                      groups: Sequence[str], named_absent: bool) -> bool:
    if named_absent:
        return True
    if meeting.kind == COMMITTEE:
        return committee_known and member.committee
    if meeting.kind == GROUP:
        if not has_roll:
            return False
        if meeting.group:
            return bool(member.group) and same_group(member.group, meeting.group)
        return len(groups) <= 1
    return True
