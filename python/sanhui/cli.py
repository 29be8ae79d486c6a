"""Command line: write a plan as a whole .odt with no LibreOffice running.

    python -m sanhui render --month 2023-09 [--meeting month] [--branch 机关第一党支部]
                            [--notes comments|body|none] [--lang zh|en] -o plan.odt

The arguments go through the same form as the ``sanhui:InsertPlan`` dispatch, so the command
line accepts and refuses exactly what the menu command does, with the same messages.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Dict, List, Optional

from .content.pack import PackError, load_pack
from .content.plan_builder import build_plan
from .forms.errors import FormError
from .forms.plan_form import parse_plan
from .odf.plan_writer import RenderOptions
from .odf.render import render_plan


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sanhui", description="三会一课 for LibreOffice Writer")
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="write a month plan (or one meeting's plan) as .odt")
    render.add_argument("-o", "--output", required=True, type=Path, help="the .odt to write")
    render.add_argument("--month", help="YYYY-MM or 2023年9月 (default: this month)")
    render.add_argument("--meeting", default="month", help="committee, general, group, lecture or month")
    render.add_argument("--branch", default="", help="the branch's name, put before the title")
    render.add_argument("--notes", default="comments", help="comments, body or none")
    render.add_argument("--lang", default="zh", choices=("zh", "en"), help="language of messages")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line; returns the exit status (2 for bad input, with the message)."""
    args = _parser().parse_args(argv)
    values: Dict[str, object] = {"Meeting": args.meeting, "Branch": args.branch, "Notes": args.notes}
    if args.month:
        values["Month"] = args.month
    try:
        request = parse_plan(values, date.today())
        plan = build_plan(load_pack(), request.meeting, request.month.format(), request.branch, request.notes)
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
