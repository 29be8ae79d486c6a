"""Benchmark of the task ledger over generated minutes files (run by ``make bench``).

For N = 100 and 1,000 .odt files (each a minutes with 8 agreed items, rendered by the
extension's own writer), in one run:
  ledger  ``odf.ledger_reader.scan`` over the folder (what ``python -m sanhui ledger`` does);
  floor   merely unzipping each ``content.xml`` and parsing it with lxml;
  office  loading each file in LibreOffice (hidden) and closing it — timed on a sample of 20
          files and scaled to N, since loading 1,000 files would take minutes;
  saved   the ledger and the floor over 1,000 copies of one of those minutes as LibreOffice
          saves it (larger styles, the same tables): the case of files people have edited;
and the ledger's peak memory (tracemalloc) at 100 and at 1,000 files, which should be the same:
files are read one at a time. Goals: ledger ≤ 1.3 × floor; ≥ 50 × faster than the office.
Appends a Markdown table to build/bench.md (after bench/run.py's).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "python"), str(ROOT / "tools")]


from floor import floor, floor_own_unzip, peak_memory, side_by_side  # noqa: E402

from sanhui.forms.minutes_form import parse_minutes  # noqa: E402
from sanhui.odf.ledger_reader import scan  # noqa: E402
from sanhui.odf.minutes_writer import render_minutes  # noqa: E402

TODAY = date(2023, 11, 15)


def make_files(folder: Path, n: int) -> None:
    rows = tuple((f"第{i}项联建工作", "张三", f"2023-{10 + i % 3}-{10 + i}") for i in range(8))
    minutes = parse_minutes({"BranchA": "甲支部", "BranchB": "乙支部", "Items": rows}, date(2023, 9, 1)).minutes
    data = render_minutes(minutes, "bench", datetime(2023, 9, 26))
    for i in range(n):
        (folder / f"纪要{i:04d}.odt").write_bytes(data)


def ledger(folder: Path) -> int:
    return sum(len(found or []) for _, found, _ in scan(folder, TODAY))




def timed(fn: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000






def office_ms_per_file(folder: Path, sample: int, saved_copy: Path) -> float:
    """ms to load one file in LibreOffice (hidden) and close it; also stores the first file as
    LibreOffice saves it, to ``saved_copy``, for the ledger's run over files people have saved."""
    from devtools.office import Office

    paths = sorted(folder.glob("*.odt"))[:sample]
    with tempfile.TemporaryDirectory(prefix="sanhui-bench-ledger-") as tmp, Office(Path(tmp) / "profile") as office:
        def load_all() -> None:
            for path in paths:
                office.close(office.load(path, hidden=True))
        per_file = timed(load_all, 1) / len(paths)
        doc = office.load(paths[0], hidden=True)
        office.store(doc, saved_copy, "writer8")
        office.close(doc)
        return per_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.md")
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    rows: List[Tuple[str, str, str, str]] = []
    office_per_file = None
    memory = {}
    with tempfile.TemporaryDirectory(prefix="sanhui-ledger-") as tmp:
        for n in (100, 1000):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            make_files(folder, n)
            assert ledger(folder) == 8 * n
            ledger_ms, floor_ms, ratio = side_by_side(lambda f=folder: ledger(f), lambda f=folder: floor(f))
            memory[n] = peak_memory(lambda f=folder: ledger(f))
            rows.append((f"ledger over {n} files", f"{ledger_ms:.0f}", "—", ""))
            rows.append((f"floor: unzip + lxml parse, {n} files", f"{floor_ms:.0f}", "—", ""))
            rows.append((f"ledger / floor at {n}", f"{ratio:.2f}", "≤ 1.3", "yes" if ratio <= 1.3 else "MISSED"))
            own_ms, own_floor_ms, own_ratio = side_by_side(lambda f=folder: ledger(f),
                                                           lambda f=folder: floor_own_unzip(f))
            rows.append((f"ledger / floor with the ledger's own unzip at {n} ({own_ms:.0f} / {own_floor_ms:.0f} ms)",
                         f"{own_ratio:.2f}", "—", ""))
            if n == 1000:
                saved = Path(tmp) / "saved"
                saved.mkdir()
                office_per_file = office_ms_per_file(folder, args.sample, saved / "saved.odt")
                office_ms = office_per_file * n
                speedup = office_ms / ledger_ms
                rows.append((f"LibreOffice loading {n} files (from {args.sample}, scaled)", f"{office_ms:.0f}", "—",
                             ""))
                rows.append(("office / ledger", f"{speedup:.0f}", "≥ 50", "yes" if speedup >= 50 else "MISSED"))
                data = (saved / "saved.odt").read_bytes()
                for i in range(1, n):
                    (saved / f"纪要{i:04d}.odt").write_bytes(data)
                assert ledger(saved) == 8 * n
                saved_ms, saved_floor_ms, saved_ratio = side_by_side(lambda s=saved: ledger(s),
                                                                     lambda s=saved: floor(s))
                rows.append((f"ledger / floor, {n} minutes as LibreOffice saves them ({saved_ms:.0f} / "
                             f"{saved_floor_ms:.0f} ms)", f"{saved_ratio:.2f}", "(≤ 1.3)", ""))
    same = memory[1000] <= memory[100] * 1.5 + 1
    rows.append(("peak memory at 100 / 1,000 files (MiB)", f"{memory[100]:.1f} / {memory[1000]:.1f}", "the same",
                 "yes" if same else "MISSED"))
    table = ["| what | ms (or ratio) | goal | met? |", "|---|---:|---|---|"]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    text = ("\n".join(table) + "\n\nLedger and floor: medians of 11 alternating rounds over generated minutes "
            "(8 items each), the ratio the median of the rounds' ratios; memory with tracemalloc.\n")
    print(text)
    with args.out.open("a", encoding="utf-8") as out:
        out.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
