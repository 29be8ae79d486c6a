"""The “三会一课”台账 of one year: every meeting read out of a folder of documents, what the
条例 and the branch's own schedule say is missing or late, and each member's attendance.

Plain frozen data, shared by the reader (odf/meeting_reader.py), the rules (meeting_rules.py),
the command line and the ledger document's writer, so that each can be built and tested alone.
Meeting kinds are their Chinese names (KINDS) rather than model.meeting.Meeting: the 主题党日 is
a meeting the 条例 requires but the plan's four parts do not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Dict, Iterable, List, Optional, Tuple

from .meeting import Absence, Meeting
from .record import quorum

COMMITTEE, GENERAL, GROUP, LECTURE, PARTY_DAY = "支委会", "党员大会", "党小组会", "党课", "主题党日"
KINDS: Tuple[str, ...] = (COMMITTEE, GENERAL, GROUP, LECTURE, PARTY_DAY)  # the ledger's order

# What a document is evidence of: a record, or a sign-in sheet someone signed, that a meeting
# was held; a plan (方案's 会议要素) or a notice (通知) only that it was planned.
RECORD, PLAN, NOTICE, SIGN_IN = "record", "plan", "notice", "signin"
EVIDENCE: Tuple[str, ...] = (RECORD, PLAN, NOTICE, SIGN_IN)

# What a finding says about a period's meeting.
MISSING, LATE, NO_QUORUM, PLANNED_ONLY = "missing", "late", "no_quorum", "planned_only"
PROBLEMS: Tuple[str, ...] = (MISSING, LATE, NO_QUORUM, PLANNED_ONLY)

_MEETING_OF_KIND = {m.label: m for m in Meeting}


@dataclass(frozen=True)
class MeetingFact:
    """One meeting as one document shows it (copies of that document counted once).

    ``time`` is the text as written (“2023年9月25日 15:00”), ``day`` what it reads as, None when it
    cannot be read. ``group`` is the 党小组 of a 党小组会 (empty when not said or another kind).
    ``expected``/``present`` are the record's 应到/实到 (a sign-in sheet's named and signed rows).
    ``absent`` are the record's 缺席 list, or a sign-in sheet's unsigned names with their 备注;
    ``signed`` the names signed in on a sign-in sheet (“（预备党员）” taken off).
    ``sources`` are the file names it was read from: x.odt and its copy x.docx give one fact.
    """

    kind: str
    evidence: str
    day: Optional[date]
    time: str = ""
    group: str = ""
    host: str = ""
    topic: str = ""
    place: str = ""
    expected: Optional[int] = None
    present: Optional[int] = None
    absent: Tuple[Absence, ...] = ()
    signed: Tuple[str, ...] = ()
    sources: Tuple[str, ...] = ()
    branch: str = ""  # the branch named in the title, when it is

    def held(self) -> bool:
        """Evidence that the meeting took place: a record, or a sign-in sheet with names signed.
        A plan, a notice or a sign-in sheet printed but not signed shows only that it was planned."""
        return self.evidence == RECORD or (self.evidence == SIGN_IN and bool(self.signed))

    def quorate(self) -> Optional[bool]:
        """The 条例's quorum verdict (model/record.quorum): None where the kind has no rule (党小组会,
        党课, 主题党日) or the numbers are not known."""
        meeting = _MEETING_OF_KIND.get(self.kind)
        return None if meeting is None else quorum(meeting, self.expected, self.present)

    def attendance(self) -> Optional[float]:
        """实到 / 应到 as a fraction (0.95), None when either is not known."""
        if not self.expected or self.present is None:
            return None
        return min(self.present, self.expected) / self.expected

    @property
    def month(self) -> Optional[int]:
        return self.day.month if self.day else None

    @property
    def quarter(self) -> Optional[int]:
        return (self.day.month - 1) // 3 + 1 if self.day else None


@dataclass(frozen=True)
class Finding:
    """Something an inspector would ask about, with the sentence the ledger prints.

    ``period`` is the label of the month or quarter it concerns (“10月”, “第四季度”); ``month`` the
    month it is listed under (a quarter's last month); ``problem`` one of PROBLEMS; ``group`` the
    党小组 of a 党小组会; ``day`` the meeting's date for a late or inquorate meeting (for a meeting
    behind schedule and not held yet, the scheduled date); ``text`` e.g.
    “10月 党小组会（第二党小组）未见记录”."""

    period: str
    month: int
    kind: str
    problem: str
    text: str
    group: str = ""
    day: Optional[date] = None

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1


@dataclass(frozen=True)
class MemberAbsence:
    """One meeting a member was expected at and missed, with the reason given (请假原因)."""

    day: Optional[date]
    kind: str
    reason: str = ""
    group: str = ""


@dataclass(frozen=True)
class MemberAttendance:
    """A member's year (the attendance 民主评议党员 looks at): meetings they were expected at
    (支委会 only for 支委, 党小组会 only for their own group's), attended, and those missed."""

    name: str
    group: str
    expected: int
    attended: int
    absences: Tuple[MemberAbsence, ...] = ()
    committee: bool = False
    probationary: bool = False

    def rate(self) -> Optional[float]:
        """attended / expected, None when the member was expected at nothing."""
        return self.attended / self.expected if self.expected else None


@dataclass(frozen=True)
class KindSummary:
    """One kind's year: meetings held against what the 条例 and the schedule require.

    ``required`` counts the whole year (12 支委会; 12 per 党小组; 4 党员大会 …), ``due`` only the
    periods already over on the ledger's day; ``attendance`` the mean 实到/应到 of the meetings held
    whose numbers are known (None when none are)."""

    kind: str
    held: int
    required: int
    due: int
    attendance: Optional[float] = None


@dataclass(frozen=True)
class MeetingLedger:
    """The year's ledger, as the document, the JSON and the CSV show it.

    ``facts`` are everything read for the year (and undated facts, ``day`` None), copies merged;
    ``meetings`` the meetings held, one each: a record and the sign-in sheet of the same meeting
    merged (sources of both), in date order. ``monthly_attendance`` has 12 entries, January first,
    the mean attendance of the month's meetings or None. ``read`` are the files read (whether or
    not they held a meeting), ``unreadable`` (file, why) one per bad file."""

    branch: str
    year: int
    today: date
    facts: Tuple[MeetingFact, ...]
    meetings: Tuple[MeetingFact, ...]
    findings: Tuple[Finding, ...]
    members: Tuple[MemberAttendance, ...]
    summary: Tuple[KindSummary, ...]
    monthly_attendance: Tuple[Optional[float], ...] = field(default=(None,) * 12)
    read: Tuple[str, ...] = ()
    unreadable: Tuple[Tuple[str, str], ...] = ()
    groups: Tuple[str, ...] = ()  # the branch's 党小组 in the profile's order (its rows come in this order)

    def held_in(self, month: int, kind: str) -> Tuple[MeetingFact, ...]:
        """The meetings of ``kind`` held in ``month`` (1–12) of the year: a cell of the month table."""
        return tuple(m for m in self.meetings if m.kind == kind and m.month == month)

    def copies(self) -> Tuple[Tuple[str, ...], ...]:
        """Files read as copies of one another (x.odt and x.docx), each group once."""
        seen: List[Tuple[str, ...]] = []
        for fact in self.facts:
            if len(fact.sources) > 1 and fact.sources not in seen:
                seen.append(fact.sources)
        return tuple(seen)

    def undated(self) -> Tuple[MeetingFact, ...]:
        """Facts whose 会议时间 could not be read: shown, but not counted in any period."""
        return tuple(f for f in self.facts if f.day is None)


def quarter_label(quarter: int) -> str:
    """“第四季度”."""
    return f"第{'一二三四'[quarter - 1]}季度"


def kind_label(kind: str, group: str = "") -> str:
    """“党小组会（第二党小组）”, or the kind alone."""
    return f"{kind}（{group}）" if group else kind


def merge_copies(facts: Iterable[MeetingFact]) -> List[MeetingFact]:
    """One fact for each fact read identically from copies of one document — 记录.odt and the
    记录.docx saved from it — with both files as its sources (as model/ledger.merge_copies does
    for the task ledger); facts that differ (someone edited one copy) all stay. Order is kept."""
    kept: Dict[Tuple[str, MeetingFact], int] = {}
    out: List[MeetingFact] = []
    for fact in facts:
        key = (_stem(fact.sources[0]) if fact.sources else "", replace(fact, sources=()))
        if key in kept:
            first = out[kept[key]]
            added = tuple(s for s in fact.sources if s not in first.sources)
            if added:
                out[kept[key]] = replace(first, sources=first.sources + added)
            continue
        kept[key] = len(out)
        out.append(fact)
    return out


def _stem(source: str) -> str:
    return source.rsplit(".", 1)[0] if source.lower().endswith((".odt", ".docx")) else source
