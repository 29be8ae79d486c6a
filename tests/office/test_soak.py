"""A long session: 500 random steps (seeded) in one document of one office — every writing command
with good and bad arguments, the cursor moved about the body and its tables, undo and redo mixed
in. The office never dies, no step fails with an internal error, the saved document is valid
ODF 1.3 every 100 steps and at the end, and soffice.bin's memory does not keep climbing.

The document is emptied (Select All, Delete: one more undo step) when it passes 40 pages, so its
size — and the time a step takes — stays bounded while the office keeps every undo step it is
allowed (100 by default).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

from tests.odf_schema import assert_valid_odt
from tests.office.test_every_place import BENCHMARK_ARGS, MINUTES_ARGS, _components
from tests.support import office_with_extension, report

STEPS = 500
SEED = 20261125
MAX_PAGES = 40
# Allowed growth of soffice.bin's resident memory from step 250 to step 500. Measured on the
# development machine (LibreOffice 7.4.7, 2 cores, 2026-11-25), two runs: 197/377/370 MB and
# 196/346/396 MB at steps 0/250/500 — the first half warms caches and fills the undo list to its
# 100 steps; what the second half adds follows the document's size (emptied at 40 pages, so it
# ends anywhere between 0 and 40 pages): -7 and +50 MB. 120 MB is well above that and still
# catches a leak of half a megabyte per step (125 MB over 250 steps).
GROWTH_LIMIT_MB = 120.0

GOOD: List[Tuple[str, Callable[[random.Random], Dict[str, Any]]]] = [
    ("InsertPlan", lambda r: {"Meeting": r.choice(["committee", "general", "group", "lecture", "month"]),
                              "Month": f"2023-{r.randint(1, 12):02d}",
                              "Notes": r.choice(["comments", "body", "none"])}),
    ("InsertPlan", lambda r: {"Meeting": "general", "Month": "2023-09", "Place": "三楼会议室", "Expected": "30",
                              "Present": str(r.randint(10, 30)), "Topic": "<学习>&“党章”"}),
    ("InsertMinutes", lambda r: dict(MINUTES_ARGS, Theme=r.choice(["科技创新", "联学联建", "👍 RTL עברית"]))),
    ("InsertBenchmark", lambda r: BENCHMARK_ARGS),
    ("InsertNotice", lambda r: {"Meeting": r.choice(["committee", "general", "group", "lecture"]), "Topic": "学习"}),
    ("InsertSignIn", lambda r: {"Meeting": "general", "Members": tuple(f"党员{k}" for k in range(r.randint(1, 45)))}),
    ("InsertRecord", lambda r: {"Meeting": r.choice(["committee", "general", "group", "lecture"]),
                                "Expected": "9", "Present": str(r.randint(0, 9))}),
    ("InsertAnnualPlan", lambda r: {"Year": str(r.randint(2020, 2027))}),
    ("InsertReview", lambda r: {"Month": f"2030-{r.randint(1, 12):02d}"}),
    ("AddMinutesItem", lambda r: {"Item": f"事项{r.randint(1, 999)}", "Owner": "王五", "Deadline": "2030-12-31"}),
    ("Countersign", lambda r: {"DateA": "2023-09-26", "DateB": "2023-09-27"}),
    ("VerifyMinutes", lambda r: {"SynchronMode": True}),
    ("AddBenchmarkTask", lambda r: {"Item": f"任务{r.randint(1, 999)}", "Owner": "赵六", "Deadline": "2031-01-31"}),
    ("SetTaskStatus", lambda r: {"Status": r.choice(["not-started", "in-progress", "done", "closed", "已销号"])}),
    ("UpdateTaskSummary", lambda r: {"SynchronMode": True}),
]
BAD: List[Tuple[str, Dict[str, Any]]] = [
    ("InsertPlan", {"Month": "2023-13"}),
    ("InsertPlan", {"Meeting": "weekly"}),
    ("InsertMinutes", dict(MINUTES_ARGS, SecretaryB="王明")),
    ("InsertNotice", {"Topic": "\x00"}),
    ("InsertAnnualPlan", {"Year": "二〇二四年年年"}),
    ("AddMinutesItem", {"Owner": "没有事项"}),
    ("SetTaskStatus", {"Status": "差不多"}),
    ("MakeCoffee", {"Cups": "2"}),
]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """An office of this module's own (one more start, a few seconds): 500 steps leave caches, a long
    undo list and the like behind, which other tests must not inherit; and the
    memory measured is this session's alone."""
    with office_with_extension(tmp_path_factory.mktemp("office-profile")) as started:
        yield started


def _not_a_crash(office: Any, step: int, name: str, result: str) -> None:
    """A result a person can act on, never the internal-error message (whose traceback is shown).
    (The soak found one: minutes and task lists whose section ends in a table; fixed.)"""
    if "意外错误" in result:
        log = (office.profile_dir / "user" / "sanhui" / "sanhui.log").read_text(encoding="utf-8", errors="replace")
        raise AssertionError(f"step {step}, {name}: {result}\n{log[log.rfind('failed:'):]}")


def soffice_bin_pid(group: int) -> Optional[int]:
    """soffice.bin in the office's process group (Office.pid is the oosplash wrapper's)."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)
            comm = fields[0].split("(", 1)[1]
            pgrp = int(fields[1].split()[2])
        except (OSError, IndexError, ValueError):
            continue
        if comm == "soffice.bin" and pgrp == group:
            return int(entry)
    return None


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for {pid}")


def _move_cursor(doc: Any, rng: random.Random) -> None:
    """Into a random table cell (half the time, when there are tables) or a random body paragraph."""
    view = doc.getCurrentController().getViewCursor()
    tables = doc.getTextTables()
    if tables.getCount() and rng.random() < 0.5:
        table = tables.getByIndex(rng.randrange(tables.getCount()))
        names = table.getCellNames()
        view.gotoRange(table.getCellByName(names[rng.randrange(len(names))]).getStart(), False)
        return
    view.gotoStart(False)
    if rng.random() < 0.2:
        view.gotoEnd(False)
        return
    pages = doc.getCurrentController().PageCount
    view.jumpToPage(rng.randint(1, max(pages, 1)))


def test_the_office_survives_a_long_session(office: Any, writer: Any, tmp_path: Path) -> None:
    """About 70 s on the development machine; prints the step counts and memory figures."""
    rng = random.Random(SEED)
    pid = soffice_bin_pid(office.pid)
    assert pid is not None, "soffice.bin not found in the office's process group"
    undo = writer.getUndoManager()
    samples: List[Tuple[int, float]] = [(0, rss_mb(pid))]
    counts: Dict[str, int] = {}
    started = time.monotonic()
    for step in range(1, STEPS + 1):
        assert office.alive, f"the office died before step {step}"
        roll = rng.random()
        if roll < 0.12 and undo.isUndoPossible():
            for _ in range(rng.randint(1, 3)):
                if undo.isUndoPossible():
                    undo.undo()
            action = "undo"
        elif roll < 0.18 and undo.isRedoPossible():
            undo.redo()
            action = "redo"
        elif roll < 0.26:
            name, args = rng.choice(BAD)
            state, result = office.dispatch(writer, f"sanhui:{name}", args)
            assert state == 0 and result, (step, name, result)
            _not_a_crash(office, step, name, result)
            action = "bad " + name
        elif roll < 0.28:
            known = _components(office)
            state, result = office.dispatch(writer, "sanhui:TaskLedger", {"Source": "document"})
            assert state == 1, (step, result)
            for uid, comp in _components(office).items():
                if uid not in known:
                    office.close(comp)
            action = "TaskLedger"
        else:
            if rng.random() < 0.6:
                _move_cursor(writer, rng)
            name, make = rng.choice(GOOD)
            state, result = office.dispatch(writer, f"sanhui:{name}", make(rng))
            # refusals (not in the minutes, protected once signed …) are fine; a crash is not
            assert state in (0, 1) and result, (step, name, result)
            _not_a_crash(office, step, name, result)
            action = name if state == 1 else "refused " + name
        counts[action] = counts.get(action, 0) + 1
        if writer.getCurrentController().PageCount > MAX_PAGES:
            writer.getText().setString("")
            counts["emptied"] = counts.get("emptied", 0) + 1
        if step % 25 == 0:
            samples.append((step, rss_mb(pid)))
        if step % 100 == 0:
            assert_valid_odt(office.store(writer, tmp_path / f"step-{step}.odt", "writer8"))
    assert office.alive
    assert_valid_odt(office.store(writer, tmp_path / "end.odt", "writer8"))
    elapsed = time.monotonic() - started
    report.count("soak steps", n=STEPS)
    half = [mb for step, mb in samples if step >= STEPS // 2]
    growth = half[-1] - half[0]
    peak_growth = max(half) - half[0]
    print(f"\nsoak: {STEPS} steps in {elapsed:.0f} s; RSS MB at 0/250/500: {samples[0][1]:.0f}/"
          f"{half[0]:.0f}/{half[-1]:.0f} (second half: +{growth:.0f}, peak +{peak_growth:.0f}); "
          f"{sorted(counts.items(), key=lambda kv: -kv[1])}")
    assert growth < GROWTH_LIMIT_MB, f"soffice.bin grew {growth:.0f} MB over the second half: {samples}"
    done = sum(v for k, v in counts.items() if not k.startswith(("bad", "refused", "undo", "redo", "emptied")))
    assert done > 150, counts
