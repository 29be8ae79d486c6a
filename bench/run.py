"""Benchmark of ``sanhui:InsertPlan`` against LibreOffice's own insertion (run by ``make bench``).

1. First use: a fresh profile, the extension installed, the office restarted, the very first
   dispatch of InsertPlan (this one starts Python in the office and imports the component's
   package before the handler's clock starts) — with the shipped .oxt and, alternately, the same
   .oxt built without bytecode (``--no-bytecode``), so what the bytecode saves is measured side by
   side; also the first dispatch right after a live install, in the installing office. Each on N
   fresh offices; medians. ``--first-only`` measures only these (for another LibreOffice version,
   ``tools/office-backports.sh run``) and appends the table to ``--out``.
   An extension installed into a running office has its Python component loaded in a separate
   `uno.bin` process (LibreOffice's live registration), where every UNO call the handler makes
   crosses a pipe (≈ 0.1–1 ms instead of ≈ 5–50 µs); only after a restart does it run inside
   soffice.bin. So the warm office is restarted after installing, as a user's office would be.
2. Warm: one office, R interleaved rounds (order alternates A,B / B,A), each on a NEW empty
   Writer document (made and closed outside the timing):
   A  InsertPlan Month=2023-09, the handler's own time from its log (``InsertPlan ok in … ms``);
   B  ``cursor.insertDocumentFromURL(file_url, ())`` at the start of the empty document of the
      same plan, rendered by the extension's own renderer (``render_plan(build_plan(load_pack(),
      None, "2023年9月"))``, the bytes the handler inserts minus its two sentinel paragraphs) and
      saved as .odt; timed over the bridge, so it includes one bridge round trip;
   C  A's dispatch (``DispatchHelper.executeDispatch``) timed over the bridge.
3. A Markdown table on stdout and in build/bench.md, plus the machine.

Exit code: 0 when everything was measured, even if a goal was missed (MISSED is printed);
1 when something could not be measured (a dispatch failed, an office call timed out).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "python"))

from devtools.office import Office, props  # noqa: E402
from devtools.process import find_soffice, group_members  # noqa: E402

COMMAND = "sanhui:InsertPlan"
OK_LINE = re.compile(r" INFO InsertPlan ok in ([0-9.]+) ms")
HANDLER_LINE = re.compile(r" INFO InsertPlan: ([0-9.]+) ms in the handler")
CALL_TIMEOUT = 60.0  # every office call is bounded; past it the office is killed


class Unmeasured(RuntimeError):
    """A figure could not be taken (the command failed, the office died)."""


def out_of_process_loaders(office: Office) -> int:
    """How many `uno.bin` helpers the office runs. An extension installed into a running office
    has its Python component loaded in such a helper process (LibreOffice's deployment starts
    one for live registration), so every UNO call the handler makes crosses a pipe until the
    office restarts; after a restart the component runs inside soffice.bin."""
    count = 0
    for pid in group_members(office.pid or -1):
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == "uno.bin":
                count += 1
        except OSError:
            continue
    return count


def other_offices(ours: Optional[Office] = None) -> int:
    """soffice.bin processes running on this machine besides `ours`: another office (a test run)
    competing for the CPUs makes every figure noisy."""
    mine = set(group_members(ours.pid)) if ours is not None and ours.pid is not None else set()
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in mine:
            try:
                if (entry / "comm").read_text().strip() == "soffice.bin":
                    count += 1
            except OSError:
                continue
    return count


NOISE: List[int] = []  # other_offices() seen at each check


# -- the extension's log -----------------------------------------------------------------------


class LogTail:
    """Reads what the extension appended to ``<profile>/user/sanhui/sanhui.log`` since last time."""

    def __init__(self, profile_dir: Path) -> None:
        self.path = profile_dir / "user" / "sanhui" / "sanhui.log"
        self.offset = self.path.stat().st_size if self.path.exists() else 0

    def read(self) -> str:
        if not self.path.exists():
            return ""
        with self.path.open("rb") as f:
            f.seek(self.offset)
            data = f.read()
        self.offset += len(data)
        return data.decode("utf-8", "replace")

    def handler_times(self) -> Tuple[float, Optional[float]]:
        """(ms from the dispatch reaching the handler to the end, ms inside insert_plan) of the one
        dispatch since the last read; Unmeasured with the log's text when there is no ok line."""
        text = self.read()
        ok = OK_LINE.findall(text)
        if len(ok) != 1:
            raise Unmeasured(f"expected one 'InsertPlan ok' line in the log, found {len(ok)}:\n{text.strip()}")
        inner = HANDLER_LINE.findall(text)
        return float(ok[0]), float(inner[0]) if len(inner) == 1 else None


# -- timed operations (each one bounded office call; the clock runs around the UNO call only) ---


def frame_and_helper(office: Office, doc: Any) -> Tuple[Any, Any]:
    def prepare() -> Tuple[Any, Any]:
        frame = doc.getCurrentController().getFrame()
        helper = office.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.ctx)
        return frame, helper

    return office.call(prepare, timeout=CALL_TIMEOUT)


def timed_dispatch(office: Office, doc: Any, month: str) -> Tuple[float, float, Optional[float]]:
    """Dispatch InsertPlan into `doc`: (wall ms over the bridge, handler ms, insert_plan ms)."""
    log = LogTail(office.profile_dir)
    frame, helper = frame_and_helper(office, doc)
    arguments = props(Month=month)

    def executeDispatch() -> Tuple[float, int, str]:
        started = time.perf_counter()
        event = helper.executeDispatch(frame, COMMAND, "", 0, arguments)
        wall = (time.perf_counter() - started) * 1000
        if event is None:
            return wall, 2, ""
        return wall, int(event.State), "" if event.Result is None else str(event.Result)

    wall, state, result = office.call(executeDispatch, timeout=CALL_TIMEOUT)
    if state != 1:
        raise Unmeasured(f"{COMMAND} failed (State {state}): {result}\nlog:\n{log.read().strip()}")
    handler, inner = log.handler_times()
    return wall, handler, inner


def timed_insert_document(office: Office, doc: Any, url: str) -> float:
    """LibreOffice's own insertion of the .odt at `url` at the start of `doc`, ms over the bridge."""
    cursor = office.call(lambda: doc.getText().createTextCursor(), timeout=CALL_TIMEOUT)

    def insertDocumentFromURL() -> float:
        started = time.perf_counter()
        cursor.insertDocumentFromURL(url, ())
        return (time.perf_counter() - started) * 1000

    return office.call(insertDocumentFromURL, timeout=CALL_TIMEOUT)


def paragraph_count(office: Office, doc: Any) -> int:
    def count() -> int:
        enum, n = doc.getText().createEnumeration(), 0
        while enum.hasMoreElements():
            enum.nextElement()
            n += 1
        return n

    return office.call(count, timeout=CALL_TIMEOUT)


# -- the phases --------------------------------------------------------------------------------


@dataclass
class Series:
    values: List[float] = field(default_factory=list)
    failures: List[str] = field(default_factory=list)


def first_use(oxt: Path, bare: Optional[Path], work: Path, runs: int, month: str) -> Dict[str, Series]:
    """The very first dispatch of InsertPlan in an office; fresh profiles, `runs` times each way.
    With ``bare`` (the same .oxt without bytecode), each run also measures it, the order of the two
    alternating, so what the shipped bytecode saves is measured side by side."""
    series = {k: Series() for k in ("restart_wall", "restart_handler", "bare_wall", "bare_handler",
                                    "install_wall", "install_handler")}
    for run in range(runs):
        # (a) the user's case: the extension is installed, LibreOffice starts, the menu is clicked.
        kinds = [("restart", oxt)] + ([("bare", bare)] if bare is not None else [])
        for kind, package in (kinds if run % 2 == 0 else kinds[::-1]):
            try:
                profile_dir = work / f"first-{kind}-{run}"
                with Office(profile_dir) as office:
                    office.install_extension(package)
                with Office(profile_dir) as office:
                    doc = office.new_writer()
                    wall, handler, _ = timed_dispatch(office, doc, month)
                    if out_of_process_loaders(office):
                        raise Unmeasured("the component ran out of process after a restart")
                series[f"{kind}_wall"].values.append(wall)
                series[f"{kind}_handler"].values.append(handler)
                print(f"  first use after start ({package.name}), run {run + 1}: {wall:.1f} ms over the bridge, "
                      f"{handler:.1f} ms in the handler", flush=True)
            except (Unmeasured, TimeoutError, RuntimeError) as exc:
                series[f"{kind}_wall"].failures.append(str(exc))
                print(f"  first use after start ({package.name}), run {run + 1}: FAILED: {exc}", flush=True)
        # (b) right after installing, in the office that installed it.
        try:
            with Office(work / f"first-install-{run}") as office:
                office.install_extension(oxt)
                doc = office.new_writer()
                wall, handler, _ = timed_dispatch(office, doc, month)
                helpers = out_of_process_loaders(office)
            series["install_wall"].values.append(wall)
            series["install_handler"].values.append(handler)
            print(f"  first use after install, run {run + 1}: {wall:.1f} ms over the bridge, "
                  f"{handler:.1f} ms in the handler (uno.bin helpers: {helpers})", flush=True)
        except (Unmeasured, TimeoutError, RuntimeError) as exc:
            series["install_wall"].failures.append(str(exc))
            print(f"  first use after install, run {run + 1}: FAILED: {exc}", flush=True)
    return series


def bare_oxt(work: Path) -> Path:
    """The same extension without bytecode, built beside the bench's profiles."""
    out = work / "sanhui-no-bytecode.oxt"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_oxt.py"), str(ROOT / "build" / "vendor"),
                    str(out), "--no-bytecode"], check=True, capture_output=True)
    return out


def render_reference(path: Path, month_label: str) -> Path:
    """The same plan as an .odt made by the extension's own renderer (no sentinel paragraphs)."""
    from sanhui.content.pack import load_pack
    from sanhui.content.plan_builder import build_plan
    from sanhui.odf.render import render_plan

    path.write_bytes(render_plan(build_plan(load_pack(), None, month_label)))
    return path


def warm(oxt: Path, work: Path, rounds: int, warmup: int, month: str, month_label: str) -> Dict[str, Series]:
    """A/B/C in one office, `warmup` untimed rounds first; a new empty document for every measurement.

    The office is restarted after installing, as a user's is: until then the component runs in a
    separate process (see out_of_process_loaders) and the handler's figures mean nothing."""
    series = {k: Series() for k in ("A", "B", "C", "inner", "ratio")}
    reference = render_reference(work / "reference.odt", month_label)
    url = reference.as_uri()
    with Office(work / "warm") as office:
        office.install_extension(oxt)
    with Office(work / "warm") as office:
        try:
            _rounds(office, series, url, rounds, warmup, month)
            if out_of_process_loaders(office):
                raise Unmeasured("the component ran out of process after a restart")
        except (TimeoutError, RuntimeError) as exc:  # the office died or hung, or the component ran remote
            series["A"].failures.append(f"warm phase stopped: {exc}")
            print(f"  warm phase stopped: {exc}", flush=True)
    return series


def _measure(office: Office, kind: str, url: str, month: str, count: bool = False) -> Tuple[Any, int]:
    """One A or B measurement on a new empty document, closed afterwards; with `count`, also the
    number of paragraphs the document has after it (outside the timing)."""
    doc = office.new_writer()
    try:
        value: Any = timed_dispatch(office, doc, month) if kind == "A" else timed_insert_document(office, doc, url)
        return value, paragraph_count(office, doc) if count else 0
    finally:
        office.close(doc)


def _rounds(office: Office, series: Dict[str, Series], url: str, rounds: int, warmup: int, month: str) -> None:
    # Warm-up (untimed), then a check that A and B bring the same number of paragraphs.
    counts: Dict[str, object] = {}
    for w in range(warmup + 1):
        for kind in ("A", "B"):
            try:
                counts[kind] = _measure(office, kind, url, month, count=w == warmup)[1]
            except Unmeasured as exc:
                series[kind].failures.append(str(exc))
                counts[kind] = "failed"
    print(f"  paragraphs in the document after A: {counts['A']}, after B: {counts['B']}", flush=True)

    for r in range(rounds):
        NOISE.append(other_offices(office))
        got: Dict[str, Any] = {}
        for kind in ("A", "B") if r % 2 == 0 else ("B", "A"):
            try:
                got[kind] = _measure(office, kind, url, month)[0]
            except Unmeasured as exc:
                series[kind].failures.append(str(exc))
        nan = float("nan")
        wall, handler, inner = got.get("A", (nan, nan, None))
        insert = got.get("B", nan)
        if "A" in got:
            series["A"].values.append(handler)
            series["C"].values.append(wall)
            if inner is not None:
                series["inner"].values.append(inner)
        if "B" in got:
            series["B"].values.append(insert)
        if "A" in got and "B" in got:
            series["ratio"].values.append(handler / insert)
        print(f"  round {r + 1:2d}: A {handler:6.1f} ms  B {insert:6.1f} ms  C {wall:6.1f} ms", flush=True)


# -- report ------------------------------------------------------------------------------------


def p90(values: List[float]) -> float:
    """90th percentile, linear interpolation between closest ranks (`statistics.quantiles`, inclusive)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        version = subprocess.run([find_soffice(), "--version"], capture_output=True, text=True,
                                 timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        version = "unknown"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"nproc {cpus}, CPU {model}, {version}, Python {platform.python_version()}"


Row = Tuple[str, str, str, str, str]


def row(what: str, s: Series, goal: str = "—", check: Optional[Callable[[float], bool]] = None,
        runs: int = 0) -> Tuple[Row, bool]:
    """A table row; the second value is False when the goal was missed or nothing was measured."""
    expected = runs or len(s.values) + len(s.failures)
    if s.failures or not s.values:
        return (what, f"FAILED ({len(s.failures)} of {expected})", "—", goal, "FAILED"), False
    med = statistics.median(s.values)
    met = "—" if check is None else ("yes" if check(med) else "MISSED")
    return (what, f"{med:.1f}", f"{p90(s.values):.1f}", goal, met), met != "MISSED"


def first_ratio_row(first: Dict[str, Series]) -> Tuple[Row, bool]:
    """What the bytecode saves: median over the bridge without it / with it, side by side."""
    with_it, without = first["restart_wall"].values, first["bare_wall"].values
    if not with_it or not without:
        return ("First use: without / with bytecode", "—", "—", "—", "FAILED"), False
    ratio = statistics.median(without) / statistics.median(with_it)
    return ("First use: without / with bytecode (median over the bridge)", f"{ratio:.2f}", "—", "—", ""), True


def ratio_row(series: Dict[str, Series]) -> Tuple[Row, bool]:
    what = "A/B (median A / median B; p90 of per-round A/B)"
    a, b, r = series["A"], series["B"], series["ratio"]
    if a.failures or b.failures or not a.values or not b.values:
        return (what, "FAILED", "—", "≤ 1.2", "FAILED"), False
    value = statistics.median(a.values) / statistics.median(b.values)
    met = value <= 1.2
    return (what, f"{value:.2f}", f"{p90(r.values):.2f}", "≤ 1.2", "yes" if met else "MISSED"), met


def table(rows: List[Row]) -> str:
    lines = ["| what | median ms | p90 ms | goal | met? |", "|---|---:|---:|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--first", type=int, default=3, help="fresh offices for the first-use figure (3)")
    parser.add_argument("--rounds", type=int, default=20, help="warm A/B rounds (20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed warm-up rounds (2)")
    parser.add_argument("--oxt", type=Path, default=Path(os.environ.get("SANHUI_OXT", ROOT / "build" / "sanhui.oxt")))
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench.md")
    parser.add_argument("--first-only", action="store_true",
                        help="only the first-use rows (another LibreOffice version), appended to --out")
    args = parser.parse_args()
    month, month_label = "2023-09", "2023年9月"
    if not args.oxt.is_file():
        print(f"{args.oxt} missing: run make oxt", file=sys.stderr)
        return 1

    started = time.monotonic()
    load_before = os.getloadavg()[0]
    NOISE.append(other_offices())
    with tempfile.TemporaryDirectory(prefix="sanhui-bench-") as tmp:
        work = Path(tmp)
        print(f"first use: {args.first} fresh offices each way, with and without bytecode", flush=True)
        first = first_use(args.oxt, bare_oxt(work), work, args.first, month)
        hot = {k: Series() for k in ("A", "B", "C", "inner", "ratio")}
        if not args.first_only:
            print(f"warm: {args.rounds} rounds after {args.warmup} warm-up rounds, one office", flush=True)
            hot = warm(args.oxt, work, args.rounds, args.warmup, month, month_label)

    n = args.first
    load_after = os.getloadavg()[0]
    noisy = sum(1 for x in NOISE if x)
    quiet = ("no other LibreOffice was running" if not noisy else
             f"NOISY: another LibreOffice was running at {noisy} of {len(NOISE)} checks")
    under = lambda limit: (lambda v: v < limit)  # noqa: E731
    results = [
        row("First use after start: dispatch over the bridge (Python start + import + handler)",
            first["restart_wall"], "< 300", under(300), n),
        row("First use after start: handler, from its log", first["restart_handler"], runs=n),
        row("… the same .oxt without bytecode: dispatch over the bridge", first["bare_wall"], runs=n),
        row("… the same .oxt without bytecode: handler, from its log", first["bare_handler"], runs=n),
        first_ratio_row(first),
        row("First use right after a live install (component in a uno.bin helper): dispatch over the bridge",
            first["install_wall"], "< 300", under(300), n),
        row("First use right after a live install: handler, from its log", first["install_handler"], runs=n),
    ]
    if not args.first_only:
        results += [
            row("A warm: InsertPlan, handler time from its log", hot["A"], "< 100", under(100), args.rounds),
            row("A warm: of which insert_plan (`ms in the handler` line)", hot["inner"], runs=args.rounds),
            row("B warm: insertDocumentFromURL of the same .odt (incl. 1 bridge round trip)", hot["B"],
                runs=args.rounds),
            row("C warm: InsertPlan dispatch over the bridge", hot["C"], runs=args.rounds),
            ratio_row(hot),
        ]
    rows = [r for r, _ in results]
    missed = [r[0] for r in rows if r[4] == "MISSED"]
    failed = [r[0] for r in rows if r[4] == "FAILED"]
    if args.first_only:
        about = (f"Machine: {machine()}.  \nFirst use only: median of {n} fresh profiles each, the .oxt with and "
                 f"without bytecode alternating. Load average {load_before:.2f} before, {load_after:.2f} after; "
                 f"{quiet}.")
    else:
        about = (f"Machine: {machine()}.  \n"
                 f"First use: median of {n} fresh profiles each, the .oxt with and without bytecode alternating. "
                 f"Warm: office restarted after installing, {args.rounds} rounds (A,B then B,A alternately) after "
                 f"{args.warmup} warm-up rounds, a new empty Writer document for every measurement; B inserts the "
                 "extension's own rendering of the same plan. "
                 "p90: linear interpolation (`statistics.quantiles`, inclusive). "
                 f"Load average {load_before:.2f} before, {load_after:.2f} after; {quiet}.")
    report = f"{table(rows)}\n\n{about}\n"
    print()
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.first_only:  # after the main run's table
        with args.out.open("a", encoding="utf-8") as out:
            out.write("\n" + report)
    else:
        args.out.write_text(report, encoding="utf-8")
    print(f"wrote {args.out} in {time.monotonic() - started:.0f} s")
    for what in missed:
        print(f"MISSED: {what}")
    for what in failed:
        print(f"FAILED (not measured): {what}")
    failures = [f for s in (*first.values(), *hot.values()) for f in s.failures]
    if failures:
        print("\nfirst failure:\n" + failures[0])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
