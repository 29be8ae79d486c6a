"""``sanhui meetings DIR --year 2024 --format csv|json|odt [-o FILE]``: the “三会一课”台账 of a
folder without LibreOffice — the same reading and rules as the sanhui:MeetingLedger command.

The branch's profile (who the members are, the 党小组, the schedule rules) lives in the office's
settings; here it comes from ``--profile FILE``, a JSON object with the stored keys
(model/profile.profile_to_settings: Branch, MemberCount, Groups, Members, CommitteeRule …) — what
Tools › Options › 三会一课 holds. Without it the ledger knows only what the documents say.

Exit status as ``sanhui ledger``: 0, 1 when some file could not be read (one line each on
standard error; the others still count), 2 for bad input.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from .i18n import text
from .meeting_rules import build_ledger
from .model.meeting_ledger import MeetingFact, MeetingLedger
from .model.profile import BranchProfile, profile_from_settings
from .odf.meeting_reader import scan

TABLES = ("meetings", "findings", "members", "summary", "facts")
MAX_PROFILE = 1024 * 1024  # a profile is a few KiB; anything larger is not one


def add_parser(commands: Any) -> None:
    """The ``meetings`` subcommand on the main parser's subparsers."""
    meetings = commands.add_parser("meetings", help="the year's 三会一课 ledger of a folder's .odt/.docx files")
    meetings.add_argument("folder", type=Path)
    meetings.add_argument("--year", type=int, help="the year (default: this year)")
    meetings.add_argument("--format", default="csv", choices=("csv", "json", "odt"))
    meetings.add_argument("--table", default="meetings", choices=TABLES,
                          help="which table --format csv writes (json and odt hold them all)")
    meetings.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; "
                                                             "required for odt)")
    meetings.add_argument("--today", help="YYYY-MM-DD: periods after it are not judged yet (default: today)")
    meetings.add_argument("--profile", type=Path, help="JSON file of the branch's profile (stored keys)")
    meetings.add_argument("--lang", default="zh", choices=("zh", "en"), help="language of messages")


def run_meetings(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        return _fail(text("meetings_bad_today", lang, {"value": args.today}))
    year = args.year or today.year
    if not 1900 <= year <= 9999:
        return _fail(text("meetings_bad_year", lang, {"value": year}))
    if not args.folder.is_dir():
        return _fail(text("meetings_not_folder", lang, {"path": args.folder}))
    if args.format == "odt" and args.output is None:
        return _fail(text("meetings_odt_needs_output", lang))
    try:
        profile = load_profile(args.profile) if args.profile else BranchProfile()
    except ValueError as exc:
        return _fail(text("meetings_bad_profile", lang, {"path": args.profile, "why": exc}))
    render: Optional[Callable[[MeetingLedger, str], bytes]] = None
    if args.format == "odt":
        try:  # written by the ledger document's own module; a build without it says so
            from .odf.meeting_ledger_writer import render_meeting_ledger
        except ImportError:
            return _fail(text("meetings_no_odt_writer", lang))
        render = render_meeting_ledger
    ledger = read_ledger(args.folder, year, today, profile)
    for name, why in ledger.unreadable:
        print(f"{name}: {why}", file=sys.stderr)
    if render is not None:
        args.output.write_bytes(render(ledger, str(args.folder)))
    else:
        out = ledger_json(ledger) if args.format == "json" else ledger_csv(ledger, args.table)
        if args.output is None:
            sys.stdout.write(out)
        else:
            args.output.write_text(out, encoding="utf-8")
    return 1 if ledger.unreadable else 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def read_ledger(folder: Path, year: int, today: date, profile: BranchProfile) -> MeetingLedger:
    """Every document below ``folder`` read one at a time (a date without its year is taken in
    ``year``), then the rules."""
    facts: List[MeetingFact] = []
    read: List[str] = []
    bad: List[Tuple[str, str]] = []
    for path, found, error in scan(folder, date(year, 7, 1)):
        name = path.relative_to(folder).as_posix()
        if found is None:
            bad.append((name, error))
        else:
            read.append(name)
            facts.extend(found)
    return build_ledger(facts, profile, year, today, read, bad)


def load_profile(path: Path) -> BranchProfile:
    """The profile from a JSON object of stored keys; ValueError saying what is wrong."""
    try:
        if path.stat().st_size > MAX_PROFILE:
            raise ValueError("larger than 1 MiB")
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(str(exc)) from None
    if not isinstance(values, dict):
        raise ValueError("not a JSON object")
    listed = {key: tuple(value) if isinstance(value, list) else value for key, value in values.items()}
    return profile_from_settings(listed)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def ledger_json(ledger: MeetingLedger) -> str:
    """The whole ledger: field names as in model/meeting_ledger.py, dates ISO, rates 0–1."""
    data = _plain(asdict(ledger))
    for meeting, raw in zip(data["meetings"], ledger.meetings):
        meeting["quorate"] = raw.quorate()
        meeting["attendance"] = raw.attendance()
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _rate(value: Any) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


_VERDICT = {True: "有效", False: "无效", None: ""}


def ledger_csv(ledger: MeetingLedger, table: str = "meetings") -> str:
    """One of the ledger's tables (TABLES) with Chinese headers, for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows: List[List[object]] = []
    if table in ("meetings", "facts"):
        writer.writerow(["月份", "会议类型", "党小组", "日期", "会议时间", "主持人", "会议主题", "会议地点", "应到",
                         "实到", "出席率", "会议效力", "依据", "来源"])
        for m in ledger.meetings if table == "meetings" else ledger.facts:
            rows.append([m.month or "", m.kind, m.group, _day(m.day), m.time, m.host, m.topic, m.place,
                         _opt(m.expected), _opt(m.present), _rate(m.attendance()), _VERDICT[m.quorate()],
                         _EVIDENCE[m.evidence], "、".join(m.sources)])
    elif table == "findings":
        writer.writerow(["时段", "月份", "会议类型", "党小组", "问题", "日期", "说明"])
        for f in ledger.findings:
            rows.append([f.period, f.month, f.kind, f.group, _PROBLEM[f.problem], _day(f.day), f.text])
    elif table == "members":
        writer.writerow(["姓名", "党小组", "应参加", "实参加", "出席率", "缺席（日期 会议 原因）"])
        for a in ledger.members:
            missed = "；".join(f"{_day(x.day)} {x.kind}{('（' + x.reason + '）') if x.reason else ''}"
                              for x in a.absences)
            rows.append([a.name, a.group, a.expected, a.attended, _rate(a.rate()), missed])
    else:
        writer.writerow(["会议类型", "召开次数", "全年应开", "截至今日应开", "平均出席率"])
        for s in ledger.summary:
            rows.append([s.kind, s.held, s.required, s.due, _rate(s.attendance)])
    writer.writerows(rows)
    return buffer.getvalue()


def _opt(value: Any) -> object:
    return "" if value is None else value


_EVIDENCE: Dict[str, str] = {"record": "会议记录", "plan": "方案", "notice": "通知", "signin": "签到表"}
_PROBLEM: Dict[str, str] = {"missing": "未见记录", "late": "延迟", "no_quorum": "人数不足",
                            "planned_only": "有安排无记录"}
