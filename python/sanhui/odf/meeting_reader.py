"""Read the meetings out of one .odt or .docx without LibreOffice, treating the file as untrusted
(odf/untrusted.py: bounded parts, no DTDs or entities, one BadFile per bad file).

What the extension writes is recognised by its words, not by names only .odt keeps (a .docx that
LibreOffice saves has neither sections nor table names), so both formats read alike:
  a record      the title “<支部><党小组>党小组会会议记录” (“…主题党日活动记录”) and, after it, the
                会议要素 table, known by its first column (会议时间, 主持人, 应到/实到 …);
  a plan part   a heading “支委会方案” (or the table's name “支委会会议要素”) and the same table;
                the plan's title “<支部>2023年9月“三会一课”方案” gives the month when no time is filled;
  a notice      “关于召开党员大会的通知” (“关于开展主题党日活动的通知”), then “定于<时间>在<地点>召开…”
                and “一、会议主题：…”;
  a sign-in     “<支部><党小组><会议>签到表”, “会议时间：…”, and the table 序号/姓名/签到/备注（请假原因）:
                the names with something in 签到 signed in, the others absent with their 备注.
The document is read as a sequence of paragraphs and tables in order (odt: through sections,
lists and frames; docx: through content controls); a table is taken to belong to the last title
before it. Times are read by dates.parse_meeting_time; a time that cannot be read leaves the
fact undated (the ledger lists it but counts it in no period).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from ..model.meeting import Absence
from ..model.meeting_ledger import (
    COMMITTEE,
    GENERAL,
    GROUP,
    LECTURE,
    NOTICE,
    PARTY_DAY,
    PLAN,
    RECORD,
    SIGN_IN,
    MeetingFact,
)
from .cut import body_cuts
from .odt_text import H, P, row_texts, written
from .untrusted import BadFile, iter_documents, parse_part, read_part
from .xml import NS, parse

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAX_TITLE = 80  # a paragraph longer than this is body text, never a title or heading

# How titles and headings name a meeting, longest first (支部委员会 before 支委会 …).
_ALIASES: Tuple[Tuple[str, str], ...] = (
    ("支部委员会", COMMITTEE), ("支委会", COMMITTEE), ("党员大会", GENERAL), ("党小组会", GROUP),
    ("主题党日", PARTY_DAY), ("党课", LECTURE),
)
_DETAIL_LABELS = ("会议时间", "会议地点", "主持人", "记录人", "应到/实到", "缺席人员及原因", "列席人员", "会议主题")
_SIGN_IN_HEAD = ("序号", "姓名", "签到")
_DETAIL_SET = frozenset(_DETAIL_LABELS)
_KNOWN_LABELS = frozenset((*_DETAIL_LABELS, "党小组", *_SIGN_IN_HEAD))


@dataclass(frozen=True)
class Table:
    """A table as read: its name (.odt only; "" in a .docx) and its rows' cell texts."""

    name: str
    rows: Tuple[Tuple[str, ...], ...]


Block = Union[str, Table]  # a paragraph's text (only those that may matter), or a table


# --- documents as blocks ------------------------------------------------------------------------

_O, _T, _X = "{" + NS["office"] + "}", "{" + NS["table"] + "}", "{" + NS["text"] + "}"
_TABLE, _ROW, _NAME = _T + "table", _T + "table-row", _T + "name"
_BODY, _TEXT = _O + "body", _O + "text"
_ROW_GROUPS = (_T + "table-header-rows", _T + "table-rows", _T + "table-row-group")
# Never the document's own text: comments, deleted text kept for track changes, declarations.
_ODT_SKIP = frozenset((_O + "annotation", _X + "tracked-changes", _X + "sequence-decls",
                       _X + "variable-decls", _X + "user-field-decls", _O + "forms", _X + "note"))


def odt_blocks(root: Any) -> List[Block]:
    """The paragraphs (text:p, text:h) and outermost tables of content.xml's office:text in
    document order, through sections, lists and frames; never deeper than the tree (no recursion).

    Only paragraphs that may matter (may_matter) are given. Comments, deleted text kept for track
    changes and footnotes are passed over whole, as are the insides of tables and paragraphs.

    One walk for lxml and ElementTree alike, a child at a time: with lxml it costs ≈ 17 µs a record
    less than etree.iterwalk did (≈ 30 %: iterwalk keeps a stack of its own and makes an event of
    every element it stops at), and a paragraph without children is read by its text alone."""
    out: List[Block] = []
    text = _child(_child(root, _BODY), _TEXT)
    if text is None:
        return out
    stack = [iter(text)]
    while stack:
        for el in stack[-1]:  # a paragraph at a time, in a folder of thousands: kept lean
            tag = el.tag
            if tag in (P, H):
                if len(el):
                    line = written(el).strip()
                else:
                    line = el.text
                    if not line:
                        continue
                    line = line.strip()
                if line and may_matter(line):
                    out.append(line)
            elif tag == _TABLE:
                out.append(Table(el.get(_NAME) or "", _rows(el)))
            elif tag not in _ODT_SKIP:
                stack.append(iter(el))
                break
        else:
            stack.pop()
    return out


def _child(parent: Any, tag: str) -> Any:
    """``parent``'s first child named ``tag`` (find() without its path machinery), or None."""
    if parent is not None:
        for child in parent:
            if child.tag == tag:
                return child
    return None


def _rows(table: Any) -> Tuple[Tuple[str, ...], ...]:
    """The texts of a table's rows in order, those in header rows and row groups too."""
    rows: List[Tuple[str, ...]] = []
    for child in table:
        tag = child.tag
        if tag == _ROW:
            rows.append(tuple(row_texts(child)))
        elif tag in _ROW_GROUPS:
            rows.extend(_rows(child))
    return tuple(rows)


_WP, _WTBL, _WTR, _WTC = (f"{{{W}}}{n}" for n in ("p", "tbl", "tr", "tc"))
_WR, _WT, _WTAB, _WBR = f"{{{W}}}r", f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br"
_WSDT, _WSDT_CONTENT = f"{{{W}}}sdt", f"{{{W}}}sdtContent"


def docx_blocks(root: Any) -> Iterator[Block]:
    """The paragraphs and outermost tables of word/document.xml's body in order, through
    content controls (w:sdt); deleted text (w:delText) and field codes are not text."""
    body = root.find(f"{{{W}}}body")
    if body is None:
        return
    stack = [iter(body)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == _WP:
                line = _docx_text(el).strip()
                if line and may_matter(line):
                    yield line
            elif tag == _WTBL:
                yield Table("", tuple(_docx_row(tr) for tr in el.iter(_WTR)))
            elif tag in (_WSDT, _WSDT_CONTENT):
                stack.append(iter(el))
                break
        else:
            stack.pop()


def _docx_text(p: Any) -> str:
    """A paragraph's text: in each run (w:r, also inside hyperlinks and insertions) w:t as
    written, w:tab a tab, w:br a new line; the w:tab of the paragraph's tab stops is no text."""
    out = []
    for run in p.iter(_WR):
        for el in run:
            tag = el.tag
            if tag == _WT:
                out.append(el.text or "")
            elif tag == _WTAB:
                out.append("\t")
            elif tag == _WBR:
                out.append("\n")
    return "".join(out)


def _docx_row(tr: Any) -> Tuple[str, ...]:
    cells = []
    for tc in tr.findall(_WTC):
        lines = (line.strip() for p in tc.iter(_WP) for line in _docx_text(p).split("\n"))
        cells.append("\n".join(line for line in lines if line))
    return tuple(cells)


# --- what the words say ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Named:
    """A meeting as a title names it: its kind, the branch and the 党小组 in front of it."""

    kind: str
    branch: str = ""
    group: str = ""


_BRANCH_GROUP = re.compile(r"^(.*(?:支部|总支|党委|党组))(.+)$")


@lru_cache(maxsize=512)
def named(stem: str) -> Optional[Named]:
    """What “机关第一党支部第二党小组党小组会” (“…主题党日活动”, “第二党小组会议”, “支委会”) names;
    None when it names no meeting. The branch is what comes before the meeting (and its group).
    Cached: a branch's titles are the same in file after file (the cache is bounded)."""
    s = stem.strip()
    for suffix in ("活动", "会议"):
        rest = s[:-len(suffix)]
        if s.endswith(suffix) and rest and (rest.endswith("小组") or any(rest.endswith(a) for a, _ in _ALIASES)):
            s = rest
            break
    found = next(((alias, kind) for alias, kind in _ALIASES if s.endswith(alias)), None)
    if found is not None:
        kind, prefix = found[1], s[:-len(found[0])]
    elif s.endswith("小组"):
        kind, prefix = GROUP, s
    else:
        return None
    if kind == GROUP:  # “<支部><党小组>”: what follows the branch is the group (“第二党小组”, “离退休组”)
        match = _BRANCH_GROUP.match(prefix)
        branch, group = (match.group(1), match.group(2)) if match else ("", prefix) if prefix.endswith("小组") \
            else (prefix, "")
        return Named(kind, branch, "" if group == "党小组" else group)
    return Named(kind, prefix)


_NOTICE_TITLE = re.compile(r"^关于(?:召开|开展|举行|组织)(.+?)的通知$")
_OPENING = re.compile(r"定于(?P<time>.*?)(?:在(?P<place>.*?))?(?:召开|开展|举行|组织)")
_POINT = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:会议|活动)主题[：:]\s*(?P<topic>.*)$")
_TIME_LINE = re.compile(r"^(?:会议|活动)时间[：:]\s*(?P<time>.*)$")
_PLAN_TITLE = re.compile(r"^(?P<branch>.*?)(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月.*方案$")
_HEADING_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．]"
                           r"|本月|召开|开展)+")
_ENDINGS = ("记录", "签到表", "通知", "方案", "安排")  # how titles and plan part headings end
_HEADING_START = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])?"
                            r"(?:本月|召开|开展)?"
                            r"(?:支部委员会|支委会|党员大会|党小组|主题党日|党课)")
_HEADING_FIRST = frozenset("一二三四五六七八九十（0123456789本召开支党主")  # how _HEADING_START begins
_NUMBER = re.compile(r"(\d+)\s*人")
_EXPECTED, _PRESENT = re.compile(r"应到\s*(\d+)"), re.compile(r"实到\s*(\d+)")


def may_matter(line: str) -> bool:
    """Whether a paragraph may be read by facts_of: a title or heading (by its end or start), a
    notice's “定于…” or “会议主题：”, a sign-in sheet's “会议时间：”. Only these are passed on as
    blocks: most paragraphs of a record are its 议程 and prompts, and a folder has thousands."""
    return (line.endswith(_ENDINGS) or "定于" in line or "时间" in line or "主题" in line
            or (line[0] in _HEADING_FIRST and _HEADING_START.match(line) is not None))


def _plan_heading(text: str) -> Optional[str]:
    """The kind a plan part's heading names (“支委会方案”, “二、党员大会安排”, “党课：…”), judged
    by its start as model/meeting.meeting_of_heading does."""
    head = _HEADING_LEAD.sub("", text.split("：", 1)[0].split(":", 1)[0].strip())
    for alias, kind in (*_ALIASES, ("党小组", GROUP)):
        if head.startswith(alias):
            return kind
    return None


def _title(text: str) -> Optional[Tuple[str, Named]]:
    """(evidence, meeting) when the paragraph is the title of a record, sign-in sheet or notice."""
    if len(text) > MAX_TITLE or "，" in text or "。" in text:
        return None
    if text.endswith("记录"):
        found = named(text[:-2])
        return (RECORD, found) if found else None
    if text.endswith("签到表"):
        found = named(text[:-3])
        return (SIGN_IN, found) if found else None
    match = _NOTICE_TITLE.match(text)
    if match:
        found = named(match.group(1))
        return (NOTICE, found) if found else None
    return None


@lru_cache(maxsize=64)
def _table_kind(name: str, ending: str) -> Optional[str]:
    """The kind a table's name says (“支委会会议要素”, “党课签到表”), .odt only."""
    if not name.endswith(ending):
        return None
    found = named(name[:-len(ending)])
    return found.kind if found else None


def _label(text: str) -> str:
    """A 会议要素 label as written, spaces and colon off; 活动时间 reads as 会议时间."""
    if text in _KNOWN_LABELS:
        return text
    label = re.sub(r"\s+", "", text).rstrip("：:")
    return "会议" + label[2:] if label.startswith("活动") else label


def _details(table: Table) -> Optional[Dict[str, str]]:
    """label → value of a 会议要素 table, None when the table is not one (its first column must
    hold 会议时间 and two more of the labels)."""
    values = {}
    for row in table.rows:
        if row:
            values[_label(row[0])] = row[1] if len(row) > 1 else ""
    if "会议时间" not in values or len(_DETAIL_SET.intersection(values)) < 3:
        return None
    return values


def _is_sign_in(table: Table) -> bool:
    return bool(table.rows) and tuple(_label(c) for c in table.rows[0][:3]) == _SIGN_IN_HEAD


_ABSENCE = re.compile(r"\s*(?P<name>[^；;、，,\n（()）]*)(?:[（(](?P<reason>[^）)]*)[）)])?[^；;、，,\n]*")


def absences(text: str) -> Tuple[Absence, ...]:
    """“王五（出差）；赵六（病假）” (also split by 、，; or new lines, not inside the brackets of a
    reason: “王五（出差、学习）”) → Absences; “无” or nothing → ()."""
    out = []
    for name, reason in _ABSENCE.findall(text):  # (name, reason) in one call; "" for no reason
        name = name.strip()
        if name and name not in ("无", "—", "-"):
            out.append(Absence(name, reason.strip()))
    return tuple(out)


def _numbers(values: Dict[str, str]) -> Tuple[Optional[int], Optional[int]]:
    """应到 and 实到 from “应到 22 人，实到 20 人，缺席 2 人” (or rows of their own)."""
    text = values.get("应到/实到", "")
    expected = _EXPECTED.search(text) or _NUMBER.search(values.get("应到人数", values.get("应到", "")))
    present = _PRESENT.search(text) or _NUMBER.search(values.get("实到人数", values.get("实到", "")))
    return (int(expected.group(1)) if expected else None, int(present.group(1)) if present else None)


_GB_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*\d{1,2}:\d{2})?$")


def _day(text: str, around: date) -> Optional[date]:
    """The day of a time as the extension writes it (2023年9月25日 15:00) at once; anything else
    through dates.parse_meeting_time, which reads what people type."""
    match = _GB_DAY.match(text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    from ..dates import DateInputError, parse_meeting_time

    if not text.strip() or not any(c.isdigit() for c in text):
        return None
    try:
        return parse_meeting_time(text, around).day
    except DateInputError:
        return None


_ASCII_DIGIT = re.compile(r"[0-9]")


def _blank_off(time: str) -> str:
    """A time as written, or "" for the blanks a form leaves to fill in by hand (“    年  月  日”)."""
    return time.strip() if _ASCII_DIGIT.search(time) or any(c.isdigit() for c in time) else ""


_SIGNED_AS_ABSENT = frozenset(("", "请假", "缺席", "未到", "×", "✗"))


def _name(cell: str) -> str:
    return re.sub(r"[（(]预备党员[）)]", "", cell).strip()


@dataclass
class _Context:
    """What the last title or heading said, for the table that follows it."""

    evidence: str = ""
    meeting: Optional[Named] = None
    time: str = ""
    place: str = ""
    topic: str = ""
    used: bool = False
    extra: List[str] = field(default_factory=list)


def facts_of(blocks: Sequence[Block], source: str, around: date) -> List[MeetingFact]:
    """The meetings a document's blocks show, in order. ``around`` resolves a date written without
    its year (the nearest such day, as dates.parse_meeting_time reads it)."""
    out: List[MeetingFact] = []
    ctx = _Context()
    plan_branch, plan_month = "", None
    part_kind: Optional[str] = None

    def close_notice() -> None:
        if ctx.evidence == NOTICE and ctx.meeting and not ctx.used:
            m = ctx.meeting
            out.append(MeetingFact(m.kind, NOTICE, _day(ctx.time, around), ctx.time, m.group, topic=ctx.topic,
                                   place=ctx.place, sources=(source,), branch=m.branch))
            ctx.used = True

    for block in blocks:
        if isinstance(block, str):
            if not block or (ctx.evidence not in (NOTICE, SIGN_IN) and not block.endswith(_ENDINGS)
                             and _HEADING_START.match(block) is None):
                continue  # body text (may_matter let it through for a notice or sign-in sheet)
            title = _title(block)
            if title is not None:
                close_notice()
                ctx = _Context(title[0], title[1])
                continue
            plan = _PLAN_TITLE.match(block) if len(block) <= MAX_TITLE else None
            if plan is not None:
                close_notice()
                plan_branch = plan.group("branch").strip()
                month = int(plan.group("month"))
                plan_month = date(int(plan.group("year")), month, 1) if 1 <= month <= 12 else None
                ctx = _Context(PLAN)
                continue
            if ctx.evidence == NOTICE:
                opening = _OPENING.search(block)
                if opening and not ctx.time:
                    ctx.time = _blank_off(opening.group("time"))
                    ctx.place = (opening.group("place") or "").strip()
                point = _POINT.match(block)
                if point and not ctx.topic:
                    ctx.topic = point.group("topic").strip()
                continue
            if ctx.evidence == SIGN_IN:
                line = _TIME_LINE.match(block)
                if line:
                    ctx.time = _blank_off(line.group("time"))
                continue
            if len(block) <= MAX_TITLE and (block.endswith(("方案", "安排")) or "：" in block or ":" in block):
                kind = _plan_heading(block)
                if kind is not None:
                    part_kind = kind
                    if ctx.evidence != PLAN:
                        ctx = _Context(PLAN)
            continue
        table = block
        values = _details(table)
        if values is not None:
            kind = _table_kind(table.name, "会议要素")
            if ctx.evidence == RECORD and ctx.meeting and not ctx.used:
                ctx.used = True
                out.append(_from_details(values, kind or ctx.meeting.kind, RECORD, ctx.meeting, source, around))
            else:
                kind = kind or part_kind
                if kind is not None:
                    fact = _from_details(values, kind, PLAN, Named(kind, plan_branch), source, around)
                    if fact.day is None and plan_month is not None:
                        fact = _with_day(fact, plan_month)
                    out.append(fact)
            continue
        if _is_sign_in(table):
            kind = _table_kind(table.name, "签到表")
            sheet = ctx.meeting if ctx.evidence == SIGN_IN and ctx.meeting else Named(kind) if kind else None
            if sheet is not None:
                out.append(_from_sign_in(table, kind or sheet.kind, sheet, ctx.time, source, around))
            ctx.used = True
    close_notice()
    return out


def _with_day(fact: MeetingFact, day: date) -> MeetingFact:
    from dataclasses import replace

    return replace(fact, day=day)


def _from_details(values: Dict[str, str], kind: str, evidence: str, meeting: Named, source: str,
                  around: date) -> MeetingFact:
    expected, present = _numbers(values)
    time = _blank_off(values.get("会议时间", ""))
    group = values.get("党小组", "") or meeting.group
    absent: Tuple[Absence, ...] = ()
    for label, value in values.items():
        if label.startswith("缺席"):
            absent = absences(value)
            break
    return MeetingFact(kind, evidence, _day(time, around), time, group if kind == GROUP else "",
                       values.get("主持人", ""), values.get("会议主题", ""), values.get("会议地点", ""),
                       expected, present, absent, (), (source,), meeting.branch)


def _from_sign_in(table: Table, kind: str, meeting: Named, time: str, source: str, around: date) -> MeetingFact:
    """Named rows (not 列席) with something in 签到 are signed; the others absent with their 备注.
    A sheet nobody signed is a blank one printed for the meeting: no absences, no numbers."""
    signed: List[str] = []
    unsigned: List[Absence] = []
    for row in table.rows[1:]:
        cells = [*row, "", "", "", ""]
        number, name, mark, note = cells[0], _name(cells[1]), cells[2].strip(), cells[3].strip()
        if not name or number.startswith("列席"):
            continue
        if mark not in _SIGNED_AS_ABSENT:
            signed.append(name)
        else:
            unsigned.append(Absence(name, note))
    if not signed:
        return MeetingFact(kind, SIGN_IN, _day(time, around), time, meeting.group if kind == GROUP else "",
                           sources=(source,), branch=meeting.branch)
    return MeetingFact(kind, SIGN_IN, _day(time, around), time, meeting.group if kind == GROUP else "",
                       expected=len(signed) + len(unsigned), present=len(signed), absent=tuple(unsigned),
                       signed=tuple(signed), sources=(source,), branch=meeting.branch)


# --- files ------------------------------------------------------------------------------------------

def _odt_blocks(data: bytes) -> List[Block]:
    """The blocks of content.xml. Its body is cut out of the bytes when that reads exactly as the
    whole part (odf/cut.py: the styles before it are up to half of a file LibreOffice saved, and
    never read here), under a root declaring only the namespaces read when that parses; else, or
    when the cut does not parse, the whole part is read."""
    for cut in body_cuts(data) if CUT else ():
        try:
            return odt_blocks(parse(cut))
        except Exception:  # the next, and at last the whole part: its error is the one to report
            pass
    return odt_blocks(parse_part(data, "content.xml"))


CUT = True


def read_meetings(path: Path, around: date, source: Optional[str] = None) -> List[MeetingFact]:
    """Every meeting in one file, its sources ``source`` (default the file's name); BadFile when
    the file cannot be read. ``around`` is the day a date written without its year is nearest to."""
    suffix = path.suffix.lower()
    name = source or path.name
    try:
        if suffix == ".odt":
            blocks = _odt_blocks(read_part(path, "content.xml"))
        elif suffix == ".docx":
            blocks = list(docx_blocks(parse_part(read_part(path, "word/document.xml"), "word/document.xml")))
        else:
            raise BadFile("neither .odt nor .docx")
        return facts_of(blocks, name, around)
    except RecursionError:
        raise BadFile("nested too deeply to be a document") from None


def read_one(path: Path, around: date, source: Optional[str] = None
             ) -> Tuple[Path, Optional[List[MeetingFact]], str]:
    """(file, its meetings, "") or (file, None, why it cannot be read)."""
    try:
        return path, read_meetings(path, around, source), ""
    except BadFile as exc:
        return path, None, str(exc)


def scan(folder: Path, around: date) -> Iterator[Tuple[Path, Optional[List[MeetingFact]], str]]:
    """(file, its meetings or None, the error) for every document below ``folder``, one at a time
    (memory stays flat however many files there are); sources are paths relative to ``folder``."""
    for path in iter_documents(folder):
        yield read_one(path, around, str(path)[len(str(folder)) + 1:].replace(os.sep, "/"))
