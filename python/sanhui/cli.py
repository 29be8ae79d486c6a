"""Command line: write a plan as a whole .odt with no LibreOffice running.

    sanhui render --month 2023-09 [--meeting month] [--branch 机关第一党支部]
                  [--notes comments|body|none] [--lang zh|en] -o plan.odt
    sanhui ledger DIR [--format csv|json|odt] [-o FILE] [--today YYYY-MM-DD]
    sanhui meetings DIR [--year 2024] [--format csv|json|odt] [--table meetings|findings|members|summary]
                    [--profile profile.json] [-o FILE] [--today YYYY-MM-DD]

``sanhui`` is the console script ``pip install .`` installs (pyproject.toml); ``python -m sanhui``
runs the same ``main``.

The arguments go through the same form as the ``sanhui:InsertPlan`` dispatch, so the command
line accepts and refuses exactly what the menu command does, with the same messages.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Dict, List, Optional

from .cli_meetings import add_parser as add_meetings_parser
from .cli_meetings import run_meetings
from .content.pack import PackError, load_pack
from .content.plan_builder import build_plan
from .forms.errors import FormError
from .forms.plan_form import parse_plan
from .model.ledger import LedgerItem, merge_copies, sorted_items
from .odf.ledger_reader import scan
from .odf.ledger_writer import render_ledger
from .odf.plan_writer import RenderOptions
from .odf.render import render_plan
from .plan_templates import BUILT_IN


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sanhui", description="三会一课 for LibreOffice Writer")
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="write a month plan (or one meeting's plan) as .odt")
    render.add_argument("-o", "--output", required=True, type=Path, help="the .odt to write")
    render.add_argument("--month", help="YYYY-MM or 2023年9月 (default: this month)")
    render.add_argument("--meeting", default="month", help="committee, general, group, lecture or month")
    render.add_argument("--branch", default="", help="the branch's name, put before the title")
    render.add_argument("--notes", default="comments", help="comments, body or none")
    render.add_argument("--lang", default="zh", choices=("zh", "en"), help="language of messages")
    ledger = commands.add_parser("ledger", help="collect every action item of a folder's .odt/.docx files")
    ledger.add_argument("folder", type=Path)
    ledger.add_argument("--format", default="csv", choices=("csv", "json", "odt"))
    ledger.add_argument("-o", "--output", type=Path, help="file to write (default: standard output; "
                                                           "required for odt)")
    ledger.add_argument("--today", help="YYYY-MM-DD to count overdue days from (default: today)")
    add_meetings_parser(commands)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status (2 for bad input, with the message)."""
    args = _parser().parse_args(argv)
    if args.command == "ledger":
        return run_ledger(args)
    if args.command == "meetings":
        return run_meetings(args)
    values: Dict[str, object] = {"Meeting": args.meeting, "Branch": args.branch, "Notes": args.notes}
    if args.month:
        values["Month"] = args.month
    try:
        request = parse_plan(values, date.today())
        pack = load_pack()
        if request.meeting is not None and request.meeting not in pack.meetings():  # --meeting partyday
            raise FormError("Meeting", "template_lacks_meeting", meeting=request.meeting.label, name=BUILT_IN)
        plan = build_plan(pack, request.meeting, request.month.format(), request.branch, request.notes)
    except FormError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    except PackError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    data = render_plan(plan, RenderOptions(stamp=datetime.now(), start_page_style=plan.title is not None))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print(f"{args.output} ({plan.paragraph_count()} paragraphs)")
    return 0


def run_ledger(args: argparse.Namespace) -> int:
    """``ledger DIR``: items of every readable file, sorted by deadline; a line on standard error
    for each file that could not be read (the others still count). Exit 1 when any was bad."""
    today = date.fromisoformat(args.today) if args.today else date.today()
    if not args.folder.is_dir():
        print(f"{args.folder}: 不是文件夹 / not a folder", file=sys.stderr)
        return 2
    items: List[LedgerItem] = []
    problems: List[str] = []
    for path, found, error in scan(args.folder, today):
        if found is None:
            problems.append(f"{path}: {error}")
            print(problems[-1], file=sys.stderr)
        else:
            items.extend(found)
    items = sorted_items(merge_copies(items))
    if args.format == "odt":
        if args.output is None:
            print("--format odt needs -o FILE", file=sys.stderr)
            return 2
        args.output.write_bytes(render_ledger(items, today, str(args.folder), problems))
    else:
        text = ledger_json(items, today) if args.format == "json" else ledger_csv(items, today)
        if args.output is None:
            sys.stdout.write(text)
        else:
            args.output.write_text(text, encoding="utf-8")
    return 1 if problems else 0


def _row(item: LedgerItem, today: date) -> Dict[str, object]:
    return {"source": item.source, "kind": item.kind, "number": item.number, "item": item.item,
            "owner": item.owner, "deadline": item.deadline.isoformat() if item.deadline else item.deadline_text,
            "status": item.status, "days_overdue": item.days_overdue(today)}


def ledger_json(items: List[LedgerItem], today: date) -> str:
    return json.dumps([_row(i, today) for i in items], ensure_ascii=False, indent=1) + "\n"


def ledger_csv(items: List[LedgerItem], today: date) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["来源", "类别", "序号", "事项", "责任人", "完成时限", "完成情况", "逾期天数"])
    for item in items:
        row = _row(item, today)
        writer.writerow([row[k] for k in ("source", "kind", "number", "item", "owner", "deadline", "status",
                                          "days_overdue")])
    return buffer.getvalue()
