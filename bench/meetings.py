"""Benchmark of the meeting ledger's reading (``sanhui meetings``) over generated records.

For N = 100 and 1,000 .odt files, in one run:
  reader  ``odf.meeting_reader.scan`` over the folder — every meeting read, as the command does
          (the rules after it take a few ms for a year and are timed on their own);
  floor   merely unzipping each ``content.xml`` (zipfile) and parsing it with lxml;
  own     the floor with the reader's own unzip (odf/zip_part.py): the reader's work beyond
          unzipping and parsing, which the first ratio alone would hide;
  saved   the reader and the floor over 1,000 copies of a record as LibreOffice 7.4 saves it
          (tests/data/meetings/general-record.odt: larger styles, spans, the same words);
and the reader's peak memory (tracemalloc) at 100 and at 1,000 files, which should be the same:
files are read one at a time. Goal: reader ≤ 1.3 × floor.

The records are the extension's own (odf/record_writer.render_record), one a week through the
year, every kind. Appends its table to build/bench.md (after bench/ledger.py's, by `make bench`).
Usage: python bench/meetings.py [--out FILE] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "python")]


from floor import floor, floor_own_unzip, peak_memory, side_by_side  # noqa: E402

from sanhui.meeting_rules import build_ledger  # noqa: E402
from sanhui.model.meeting import Absence, Meeting, MeetingDetails  # noqa: E402
from sanhui.model.profile import BranchProfile, PartyGroup  # noqa: E402
from sanhui.model.record import Record  # noqa: E402
from sanhui.odf.meeting_reader import scan  # noqa: E402
from sanhui.odf.record_writer import render_record  # noqa: E402

AROUND = date(2024, 7, 1)
SAVED = ROOT / "tests" / "data" / "meetings" / "general-record.odt"
KINDS = list(Meeting)


def make_files(folder: Path, n: int) -> None:
    """n records, each of its own kind and day (so none are copies of another)."""
    for i in range(n):
        day = date(2024, 1, 1).toordinal() + (i * 7) % 365
        when = date.fromordinal(day)
        details = MeetingDetails(time=f"{when.year}年{when.month}月{when.day}日 15:00", place="三楼会议室", host="张三",
                                 recorder="李四", expected=22, present=20 - i % 3,
                                 absent=(Absence("王五", "出差"), Absence("赵六", "病假")), topic=f"第{i}次学习")
        record = Record(KINDS[i % len(KINDS)], "机关第一党支部", details, ("学习", "研究工作", "其他事项"))
        (folder / f"记录{i:04d}.odt").write_bytes(render_record(record, f"t{i}"))


def reader(folder: Path) -> int:
    return sum(len(found or []) for _, found, _ in scan(folder, AROUND))








def rules_ms(folder: Path) -> float:
    facts = [f for _, found, _ in scan(folder, AROUND) for f in found or []]
    profile = BranchProfile(branch="机关第一党支部", member_count=22, groups=(PartyGroup("第一党小组"),),
                            rules=(("CommitteeRule", "每月第一个星期五"),))
    start = time.perf_counter()
    build_ledger(facts, profile, 2024, date(2025, 1, 10))
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.md")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows: List[Tuple[str, str, str, str]] = []
    memory = {}
    with tempfile.TemporaryDirectory(prefix="sanhui-meetings-") as tmp:
        for n in (100, 1000):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            make_files(folder, n)
            assert reader(folder) == n
            read_ms, floor_ms, ratio = side_by_side(lambda f=folder: reader(f), lambda f=folder: floor(f), args.rounds)
            memory[n] = peak_memory(lambda f=folder: reader(f))
            rows.append((f"reader over {n} records", f"{read_ms:.0f}", "—", ""))
            rows.append((f"floor: unzip + lxml parse, {n} files", f"{floor_ms:.0f}", "—", ""))
            rows.append((f"reader / floor at {n}", f"{ratio:.2f}", "≤ 1.3", "yes" if ratio <= 1.3 else "MISSED"))
            own_ms, own_floor_ms, own_ratio = side_by_side(lambda f=folder: reader(f),
                                                           lambda f=folder: floor_own_unzip(f), args.rounds)
            rows.append((f"reader / floor with the reader's own unzip at {n} ({own_ms:.0f} / {own_floor_ms:.0f} ms)",
                         f"{own_ratio:.2f}", "—", ""))
            if n == 1000:
                rows.append((f"rules over the {n} meetings read (build_ledger)", f"{rules_ms(folder):.1f}", "—", ""))
        saved = Path(tmp) / "saved"
        saved.mkdir()
        data = SAVED.read_bytes()
        for i in range(1000):
            (saved / f"记录{i:04d}.odt").write_bytes(data)
        assert reader(saved) == 1000
        saved_ms, saved_floor_ms, saved_ratio = side_by_side(lambda: reader(saved), lambda: floor(saved), args.rounds)
        rows.append((f"reader / floor, 1000 records as LibreOffice saves them ({saved_ms:.0f} / "
                     f"{saved_floor_ms:.0f} ms)", f"{saved_ratio:.2f}", "≤ 1.3",
                     "yes" if saved_ratio <= 1.3 else "MISSED"))
    same = memory[1000] <= memory[100] * 1.5 + 1
    rows.append(("peak memory at 100 / 1,000 files (MiB)", f"{memory[100]:.1f} / {memory[1000]:.1f}", "the same",
                 "yes" if same else "MISSED"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    table = ["| what | ms (or ratio) | goal | met? |", "|---|---:|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text = ("### Meeting ledger (bench/meetings.py)\n\n" + "\n".join(table)
            + f"\n\nReader and floor: medians of {args.rounds} alternating rounds over generated records, the ratio "
              f"the median of the rounds' ratios; memory with tracemalloc. Load average {load_before:.2f} before, "
              f"{load:.2f} after.\n")
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as out:
        out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
