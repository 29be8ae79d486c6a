"""The year's “三会一课”台账 as a new document: what an inspector leafs through.

Title, then what was read (and what could not be, one line per file; copies counted once);
一、 the meetings month by month — one table per quarter, a row per meeting kind (per 党小组),
a column per month, so that A4 portrait holds it however many 党小组 there are; 二、 what is
missing or late and the meetings without a quorum; 三、 each member's attendance, for 民主评议党员;
四、 the year in numbers, with a bar chart of the average attendance per month that is a real
chart object (odf/chart.py): the user edits its data in Writer, and Word gets a chart too.

Pure: the ledger (model/meeting_ledger.py) in, the bytes of an .odt out.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..dates import format_date
from ..model.meeting_ledger import (
    GROUP,
    KINDS,
    LATE,
    MISSING,
    NO_QUORUM,
    NOTICE,
    PLAN,
    PLANNED_ONLY,
    RECORD,
    SIGN_IN,
    Finding,
    MeetingFact,
    MeetingLedger,
    MemberAbsence,
    MemberAttendance,
    kind_label,
    quarter_label,
)
from .chart import BarChart, chart_frame, chart_parts, frame_style
from .outline import Outline
from .package import package_odt
from .styles import StyleName, build_styles, content_skeleton
from .text import append_text
from .xml import sub

CHART_NAME = "各月平均出席率"  # the object's name in Writer's Navigator
CHART_SERIES = "平均出席率（%）"
MONTH_HEADER = "会议"
MEMBER_HEADER = ("姓名", "党小组", "应参加", "实参加", "出席率", "缺席及原因")
SUMMARY_HEADER = ("会议", "全年应开", "截至统计日应开", "已开", "平均出席率")
EVIDENCE_NAMES = ((RECORD, "会议记录"), (SIGN_IN, "签到表"), (PLAN, "方案会议要素"), (NOTICE, "会议通知"))
# What a finding's problem shows in its cell of the month table (the full sentence is in 二、).
PROBLEM_MARKS = {MISSING: "未见记录", LATE: "未按期召开", NO_QUORUM: "未达法定人数",
                 PLANNED_ONLY: "仅见计划或通知，未见记录"}

_MONTH_WIDTHS = ("30mm", "42mm", "42mm", "42mm")
_MEMBER_WIDTHS = ("22mm", "26mm", "15mm", "15mm", "16mm", "62mm")
_SUMMARY_WIDTHS = ("40mm", "26mm", "32mm", "26mm", "32mm")
_CELL, _FLAGGED = "SanhuiMeetingCell", "SanhuiMeetingFlagged"
_SMALL_TEXT, _SMALL_LABEL = "SanhuiMeetingText", "SanhuiMeetingLabel"
_CHART_PARAGRAPH = "SanhuiMeetingChart"
_SMALL = "12pt"  # 小四: the month table has a date, a host, a topic and the numbers in each cell


def _styles(automatic: Any) -> None:
    for name, widths in (("SanhuiMeetingMonths", _MONTH_WIDTHS), ("SanhuiMeetingMembers", _MEMBER_WIDTHS),
                         ("SanhuiMeetingSummary", _SUMMARY_WIDTHS)):
        table = sub(automatic, "style:style", {"style:name": name, "style:family": "table"})
        sub(table, "style:table-properties", {"style:width": "156mm", "table:align": "margins",
                                              "fo:margin-top": "2mm", "fo:margin-bottom": "2mm"})
        for n, width in enumerate(widths, start=1):
            column = sub(automatic, "style:style", {"style:name": f"{name}C{n}", "style:family": "table-column"})
            sub(column, "style:table-column-properties", {"style:column-width": width})
    for name, background in ((_CELL, "transparent"), (_FLAGGED, "#f8d7d3")):
        cell = sub(automatic, "style:style", {"style:name": name, "style:family": "table-cell"})
        sub(cell, "style:table-cell-properties", {"fo:border": "0.5pt solid #000000", "fo:padding": "0.8mm",
                                                  "fo:background-color": background})
    size = {"fo:font-size": _SMALL, "style:font-size-asian": _SMALL, "style:font-size-complex": _SMALL}
    for name, parent in ((_SMALL_TEXT, StyleName.TABLE_TEXT), (_SMALL_LABEL, StyleName.TABLE_LABEL)):
        style = sub(automatic, "style:style", {"style:name": name, "style:family": "paragraph",
                                               "style:parent-style-name": parent})
        sub(style, "style:text-properties", size)
    # The chart's paragraph: no fixed line height (the body's 28.9 pt would cut a frame's line short)
    chart = sub(automatic, "style:style", {"style:name": _CHART_PARAGRAPH, "style:family": "paragraph",
                                           "style:parent-style-name": StyleName.BODY})
    sub(chart, "style:paragraph-properties", {"fo:line-height": "100%", "fo:text-indent": "0mm",
                                              "fo:text-align": "center"})
    frame_style(automatic)


def _table(parent: Any, name: str, style: str, header: Sequence[str], label: str = StyleName.TABLE_LABEL) -> Any:
    table = sub(parent, "table:table", {"table:name": name, "table:style-name": style})
    for n in range(1, len(header) + 1):
        sub(table, "table:table-column", {"table:style-name": f"{style}C{n}"})
    row = sub(sub(table, "table:table-header-rows"), "table:table-row")
    for title in header:
        _cell(row, [title], label)
    return table


def _cell(row: Any, lines: Sequence[str], paragraph: str = StyleName.TABLE_TEXT, flagged: bool = False) -> Any:
    """A cell with one paragraph per line (an empty one when there is nothing: ODF wants one)."""
    cell = sub(row, "table:table-cell", {"table:style-name": _FLAGGED if flagged else _CELL,
                                         "office:value-type": "string"})
    for line in lines or ("",):
        append_text(sub(cell, "text:p", {"text:style-name": paragraph}), line)
    return cell


def _body(text: Any, line: str, style: str = StyleName.BODY) -> None:
    append_text(sub(text, "text:p", {"text:style-name": style}), line)


def percent(fraction: Optional[float]) -> str:
    """0.875 → “87.5%”, 1.0 → “100%”, None → “—”."""
    if fraction is None:
        return "—"
    return f"{fraction * 100:.1f}".rstrip("0").rstrip(".") + "%"


def short_date(day: Optional[date]) -> str:
    """“3月5日”: the ledger is one year's, the year is in its title."""
    return f"{day.month}月{day.day}日" if day else "日期不详"


def groups(ledger: MeetingLedger) -> List[str]:
    """The 党小组 in the order the profile lists them, then the roll's, then any only the records name."""
    found: List[str] = []
    names = list(ledger.groups) + [m.group for m in ledger.members]
    names += [m.group for m in ledger.meetings if m.kind == GROUP]
    names += [f.group for f in ledger.findings if f.kind == GROUP]
    for name in names:
        if name and name not in found:
            found.append(name)
    return found


def rows(ledger: MeetingLedger) -> List[Tuple[str, str]]:
    """(kind, group) per row of the month tables, in the 条例's order. A kind appears when the year
    requires it or something of it was read (a branch without a 支委会 has no 支委会 row); 党小组会
    gets one row per 党小组, and one more for records that do not say which."""
    required = {s.kind for s in ledger.summary if s.required}
    seen = {m.kind for m in ledger.meetings} | {f.kind for f in ledger.findings} | required
    out: List[Tuple[str, str]] = []
    for kind in KINDS:
        if kind not in seen:
            continue
        if kind != GROUP:
            out.append((kind, ""))
            continue
        named = groups(ledger)
        out.extend((kind, g) for g in named)
        unnamed = any(m.kind == GROUP and not m.group for m in ledger.meetings)
        if unnamed or not named:
            out.append((kind, ""))
    return out


def meeting_lines(meeting: MeetingFact) -> List[str]:
    """A meeting in its cell: the date, 主持人, topic, 应到/实到 and the quorum verdict."""
    lines = [short_date(meeting.day)]
    if meeting.host:
        lines.append(f"主持人：{meeting.host}")
    if meeting.topic:
        lines.append(f"主题：{meeting.topic}")
    numbers = []
    if meeting.expected is not None:
        numbers.append(f"应到{meeting.expected}")
    if meeting.present is not None:
        numbers.append(f"实到{meeting.present}")
    verdict = meeting.quorate()
    if verdict is not None:
        numbers.append("有效" if verdict else "未过半数，无效")
    if numbers:
        lines.append("，".join(numbers))
    return lines


def _month_cell(ledger: MeetingLedger, month: int, kind: str, group: str,
                findings: Dict[Tuple[int, str, str], List[Finding]]) -> Tuple[List[str], bool]:
    """(lines, flagged): the meetings held, then what the findings say of this month's cell."""
    held = [m for m in ledger.held_in(month, kind) if kind != GROUP or m.group == group]
    lines: List[str] = []
    for meeting in held:
        lines.extend(meeting_lines(meeting))
    flagged = False
    for finding in findings.get((month, kind, group), ()):
        if finding.problem == NO_QUORUM:
            flagged = True  # the verdict is already in the meeting's lines
            continue
        mark = PROBLEM_MARKS.get(finding.problem, finding.problem)
        if mark not in lines:
            lines.append(mark)
            flagged = True
    return lines, flagged


def _month_tables(out: Outline, ledger: MeetingLedger) -> None:
    findings: Dict[Tuple[int, str, str], List[Finding]] = {}
    for finding in ledger.findings:
        findings.setdefault((finding.month, finding.kind, finding.group), []).append(finding)
    table_rows = rows(ledger)
    for quarter in range(1, 5):
        append_text(sub(out.item(1), "text:p", {"text:style-name": StyleName.HEADING[1]}), quarter_label(quarter))
        months = range(quarter * 3 - 2, quarter * 3 + 1)
        table = _table(out.close(), f"{ledger.year}年{quarter_label(quarter)}", "SanhuiMeetingMonths",
                       (MONTH_HEADER, *(f"{m}月" for m in months)), _SMALL_LABEL)
        for kind, group in table_rows:
            row = sub(table, "table:table-row")
            # the group on a line of its own: “党小组会（第一党小组）” breaks mid-name in a 30 mm column
            _cell(row, [kind, f"（{group}）"] if group else [kind], _SMALL_LABEL)
            for month in months:
                lines, flagged = _month_cell(ledger, month, kind, group, findings)
                _cell(row, lines, _SMALL_TEXT, flagged)


def _what_was_read(text: Any, ledger: MeetingLedger, scope: str) -> None:
    counts = [f"{name} {sum(1 for f in ledger.facts if f.evidence == evidence)} 份"
              for evidence, name in EVIDENCE_NAMES]
    _body(text, f"统计范围：{scope}；统计年度：{ledger.year}年；截至 {format_date(ledger.today)}。")
    _body(text, f"共读取文件 {len(ledger.read)} 个，识别出{'、'.join(counts)}，"
                f"其中已召开的会议 {len(ledger.meetings)} 次；无法读取的文件 {len(ledger.unreadable)} 个。")
    for copies in ledger.copies():
        _body(text, f"{'、'.join(copies)} 为同一文档的副本，按一份计。", StyleName.NOTE)
    for fact in ledger.undated():
        where = "、".join(fact.sources) or "（未知文件）"
        _body(text, f"{where}：{kind_label(fact.kind, fact.group)}的会议时间“{fact.time}”无法识别，未计入各月。",
              StyleName.NOTE)
    for name, why in ledger.unreadable:
        _body(text, f"无法读取：{name}：{why}", StyleName.NOTE)


def _findings(out: Outline, ledger: MeetingLedger) -> None:
    text = out.close()
    gaps = [f for f in ledger.findings if f.problem != NO_QUORUM]
    inquorate = [f for f in ledger.findings if f.problem == NO_QUORUM]
    if not gaps:
        _body(text, "按《中国共产党支部工作条例（试行）》规定的频次和本支部的会议日程，未发现缺漏或逾期。")
    for finding in sorted(gaps, key=lambda f: (f.month, KINDS.index(f.kind) if f.kind in KINDS else 9, f.group)):
        _body(text, _sentence(finding.text))
    if inquorate:
        _body(text, "到会人数未超过应到人数半数的会议：")
        for finding in sorted(inquorate, key=lambda f: (f.day or date.min, f.kind)):
            _body(text, _sentence(finding.text))


def _sentence(line: str) -> str:
    """A finding's text as a sentence of the document: ending in 。 (the model's may not)."""
    line = line.strip()
    return line if line.endswith(("。", "；", "！", "？")) else line + "。"


def absence_text(absence: MemberAbsence) -> str:
    """“3月5日 支委会（出差）”."""
    what = kind_label(absence.kind, absence.group) if absence.kind == GROUP else absence.kind
    return f"{short_date(absence.day)} {what}" + (f"（{absence.reason}）" if absence.reason else "")


def _member_name(member: MemberAttendance) -> List[str]:
    """The name, and under it “（支委）” or “（预备党员）”: on one line they break mid-word in a
    narrow column."""
    notes = [note for note, on in (("支委", member.committee), ("预备党员", member.probationary)) if on]
    return [member.name, f"（{'、'.join(notes)}）"] if notes else [member.name]


def _members(out: Outline, ledger: MeetingLedger) -> None:
    text = out.close()
    if not ledger.members:
        _body(text, "未读到党员名册，也未从会议记录中读到出席人员，无法逐人统计。")
        return
    _body(text, "应参加：本人应出席的已召开会议（支委会限支委，党小组会限本小组）；"
                "缺席原因取自会议记录的缺席名单和签到表的备注。")
    table = _table(text, f"{ledger.year}年党员参加组织生活情况", "SanhuiMeetingMembers", MEMBER_HEADER, _SMALL_LABEL)
    for member in ledger.members:
        row = sub(table, "table:table-row")
        absences = "；".join(absence_text(a) for a in member.absences)
        _cell(row, _member_name(member), _SMALL_TEXT)
        for value in (member.group, str(member.expected), str(member.attended), percent(member.rate()), absences):
            _cell(row, [value], _SMALL_TEXT)


def _average(ledger: MeetingLedger) -> Optional[float]:
    """The mean 实到/应到 over the year's meetings whose numbers are known."""
    rates = [r for r in (m.attendance() for m in ledger.meetings) if r is not None]
    return sum(rates) / len(rates) if rates else None


def attendance_chart(ledger: MeetingLedger) -> BarChart:
    """The bar chart's data: each month's average attendance in %, a gap for a month without numbers."""
    values = tuple(None if v is None else round(v * 100, 1) for v in ledger.monthly_attendance)
    return BarChart(f"{ledger.year}年各月会议平均出席率", CHART_SERIES, tuple(f"{m}月" for m in range(1, 13)),
                    values, axis_title="出席率（%）", maximum=100.0)


def _summary(out: Outline, ledger: MeetingLedger) -> BarChart:
    text = out.close()
    table = _table(text, f"{ledger.year}年会议统计", "SanhuiMeetingSummary", SUMMARY_HEADER)
    for kind in ledger.summary:
        row = sub(table, "table:table-row")
        behind = kind.held < kind.due
        for value in (kind.kind, str(kind.required), str(kind.due), str(kind.held), percent(kind.attendance)):
            _cell(row, [value], flagged=behind)
    total_held = sum(k.held for k in ledger.summary)
    total_due = sum(k.due for k in ledger.summary)
    _body(text, f"全年已召开各类会议 {total_held} 次，截至统计日应召开 {total_due} 次；"
                f"会议平均出席率 {percent(_average(ledger))}。")
    chart = attendance_chart(ledger)
    chart_frame(sub(text, "text:p", {"text:style-name": _CHART_PARAGRAPH}), chart, CHART_NAME)
    _body(text, "注：上图为可编辑的图表，双击后可修改数据和样式；没有应到、实到人数的月份留空。", StyleName.NOTE)
    return chart


def ledger_title(ledger: MeetingLedger) -> str:
    """〔支部〕〔年〕“三会一课”台账."""
    return f"{ledger.branch}{ledger.year}年“三会一课”台账"


def render_meeting_ledger(ledger: MeetingLedger, scope: str = "") -> bytes:
    """The whole .odt. ``scope`` says where the files were read (a folder), shown under the title."""
    root, automatic, text = content_skeleton()
    _styles(automatic)
    append_text(sub(text, "text:p", {"text:style-name": StyleName.TITLE}), ledger_title(ledger))
    _what_was_read(text, ledger, scope or "（未注明）")
    out = Outline(text, "sanhui-meeting-ledger-list")
    sections = (("各月会议召开情况", _month_tables), ("缺漏、逾期及未达法定人数的会议", _findings),
                ("党员参加组织生活情况", _members))
    for number, (heading, fill) in enumerate(sections, start=1):
        append_text(sub(out.item(0, 1 if number == 1 else None), "text:p",
                        {"text:style-name": StyleName.HEADING[0]}), heading)
        fill(out, ledger)
    append_text(sub(out.item(0), "text:p", {"text:style-name": StyleName.HEADING[0]}), "全年统计")
    chart = _summary(out, ledger)
    return package_odt(root, build_styles(), subdocuments=chart_parts([chart]))
