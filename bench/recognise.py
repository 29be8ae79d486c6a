"""Benchmark of the recogniser (content/recognise.py) over a 20-page guidance text.

The text is the seed plan (tests/data/2023-09-sanhui-yike-plan.txt) under one title, its four
parts repeated with their numbers running on (一、 … 七十二、) until it is some 1,000 lines, every
other copy in half-width forms — (一) 1、 (备注:…) — so both spellings are read. Goal (issue 13):
recognising it takes < 50 ms, the median of 21 runs. Prints a Markdown table and appends it to
--out (build/bench.md by default), as bench/ledger.py does.

    .venv/bin/python bench/recognise.py [--out build/bench.md] [--lines 1000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "python")]

from sanhui.content.recognise import decode_text, recognise  # noqa: E402

SEED = ROOT / "tests" / "data" / "2023-09-sanhui-yike-plan.txt"
GOAL_MS = 50.0
ROUNDS = 21


def guidance(lines: int) -> str:
    """The seed's title and its parts repeated, renumbered and varied, to about ``lines`` lines."""
    seed = [line for line in decode_text(SEED.read_bytes()).split("\n") if line.strip()]
    title, body = seed[0], seed[1:]
    out: List[str] = [title, ""]
    part = 0
    copy = 0
    while len(out) < lines:
        for line in body:
            match = re.match(r"[一二三四五六七八九十]+、", line)
            if match:
                part += 1
                line = f"{cn_number(part)}、{line[match.end():]}"
            if copy % 2:
                line = half_width(line)
            out.append(line)
        out.append("")
        copy += 1
    return "\n".join(out) + "\n"


def cn_number(n: int) -> str:
    """1 … 99 in Chinese numerals, as a part's label spells it (十一, 七十二)."""
    digits = "一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else digits[tens - 1]) + "十") + (digits[ones - 1] if ones else "")


def half_width(line: str) -> str:
    """The same line as typed with half-width brackets and colons and 1、 for 1."""
    line = re.sub(r"^（([一二三四五六七八九十]+)）", r"(\1)", line)
    line = re.sub(r"^（(\d+)）", r"(\1)", line)
    line = re.sub(r"^(\d+)\.", r"\1、", line)
    return line.replace("（备注：", "(备注:")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.md")
    parser.add_argument("--lines", type=int, default=1000)
    args = parser.parse_args()
    text = guidance(args.lines)
    lines = sum(1 for line in text.split("\n") if line.strip())
    found = recognise(text)
    counts = found.counts()
    assert counts.unread == 0 and counts.parts >= 4, counts
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        recognise(text)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    rows = [
        (f"recognise a {lines}-line guidance text ({len(text):,} characters: {counts.parts} parts, "
         f"{counts.headings} headings, {counts.items} items, {counts.notes} notes)", f"{median:.1f}",
         f"< {GOAL_MS:.0f}", "yes" if median < GOAL_MS else "MISSED"),
        ("recognise, per 100 lines", f"{median * 100 / lines:.2f}", "—", ""),
    ]
    table = ["| what | ms | goal | met? |", "|---|---:|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text_out = ("\n".join(table) + f"\n\nRecogniser: median of {ROUNDS} runs over the seed repeated to "
                f"{lines} lines (every other copy in half-width forms), in this process.\n")
    print(text_out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as out:
        out.write("\n" + text_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
