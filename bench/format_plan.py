"""Benchmark of ``sanhui:FormatAsPlan`` against ``sanhui:InsertPlan`` of the same plan (run by
``make bench``); goal: FormatAsPlan of the seed ≤ 1.5 × InsertPlan, measured side by side.

One office, the extension installed and the office restarted (as a user's office is), R rounds
alternating the order (A,B / B,A), each on a NEW Writer document made outside the timing:
  A  InsertPlan Month=2023-09 into the empty document;
  B  FormatAsPlan of the same plan's text, typed in beforehand as plain paragraphs (the seed as
     pasted from a web page): reading the paragraphs, recognising, rendering and replacing them.
Both are the handler's own time from the extension's log (``<Command> ok in … ms``), so the
bridge is not in the figures. Prints a Markdown table and writes it to ``--out``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CALL_TIMEOUT, ROOT, LogTail, Unmeasured, machine, p90  # noqa: E402

from devtools.office import Office  # noqa: E402
from devtools.typing_text import type_lines  # noqa: E402

SEED = ROOT / "tests" / "data" / "2023-09-sanhui-yike-plan.txt"


def ok_ms(log: LogTail, command: str) -> float:
    """The handler's time of the one ``command`` since the last read of the log."""
    text = log.read()
    found = re.findall(rf" INFO {command} ok in ([0-9.]+) ms", text)
    if len(found) != 1:
        raise Unmeasured(f"expected one '{command} ok' line, found {len(found)}:\n{text.strip()}")
    return float(found[0])


def measure(office: Office, kind: str, lines: List[str]) -> float:
    doc = office.new_writer()
    try:
        log = LogTail(office.profile_dir)
        if kind == "format":
            office.call(type_lines, doc, lines, timeout=CALL_TIMEOUT)
            state, result = office.dispatch(doc, "sanhui:FormatAsPlan", {})
            command = "FormatAsPlan"
        else:
            state, result = office.dispatch(doc, "sanhui:InsertPlan", {"Month": "2023-09"})
            command = "InsertPlan"
        if state != 1:
            raise Unmeasured(f"{command} failed: {result}")
        return ok_ms(log, command)
    finally:
        office.close(doc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.md")
    args = parser.parse_args()
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    oxt = ROOT / "build" / "sanhui.oxt"
    series: Dict[str, List[float]] = {"insert": [], "format": []}
    ratios: List[float] = []
    with tempfile.TemporaryDirectory(prefix="sanhui-bench-format-") as work:
        profile = Path(work) / "profile"
        with Office(profile) as office:
            office.install_extension(oxt)
        with Office(profile) as office:
            for n in range(args.warmup + args.rounds):
                order = ("insert", "format") if n % 2 == 0 else ("format", "insert")
                got = {kind: measure(office, kind, lines) for kind in order}
                if n >= args.warmup:
                    for kind, ms in got.items():
                        series[kind].append(ms)
                    ratios.append(got["format"] / got["insert"])
    a, b = statistics.median(series["insert"]), statistics.median(series["format"])
    ratio = b / a
    met = "yes" if ratio <= 1.5 else "MISSED"
    rows = [
        "| what | median ms | p90 ms | goal | met? |",
        "|---|---:|---:|---|---|",
        f"| A: InsertPlan of the seed's month plan, handler | {a:.1f} | {p90(series['insert']):.1f} | — | |",
        f"| B: FormatAsPlan of the same text typed as plain paragraphs, handler | {b:.1f} | "
        f"{p90(series['format']):.1f} | — | |",
        f"| B/A (median B / median A; p90 of per-round B/A) | {ratio:.2f} | {p90(ratios):.2f} | ≤ 1.5 | {met} |",
    ]
    report = "\n".join(rows) + f"\n\n{args.rounds} rounds after {args.warmup} warm-up, order alternating. " \
        + machine() + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as out:  # after bench/run.py's table, as bench/ledger.py does
        out.write("\n" + report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
