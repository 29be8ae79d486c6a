"""What the folder benches share: the unzip + parse floor, and timing two things side by side.

The floor is the least any reader of .odt files must do — unzip content.xml and parse it with
lxml — so a reader's time is reported as a ratio to it, measured alternately in one run. The
floor unzips with zipfile, as anyone would; the readers' own faster unzip gives a second floor,
against which what they do beyond unzipping and parsing is seen.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any, Callable, Tuple

from lxml import etree


def _zipfile_part(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("content.xml")


def _own_part(path: Path) -> bytes:
    from sanhui.odf.zip_part import member

    data = member(path, "content.xml", 64 << 20)
    assert data is not None, f"{path}: not read by zip_part"
    return data


def floor(folder: Path, read: Callable[[Path], bytes] = _zipfile_part) -> int:
    """Unzip (``read``: zipfile's by default) and parse every .odt's content.xml in ``folder``;
    how many files."""
    count = 0
    for path in sorted(folder.glob("*.odt")):
        etree.fromstring(read(path))
        count += 1
    return count


def floor_own_unzip(folder: Path) -> int:
    """The floor with the readers' own unzip (odf/zip_part.py, which reads a plain zip's part in a
    third of zipfile's time) in place of zipfile's: what the readers do beyond unzipping and
    parsing shows against this one, so their ratio to the floor is not met by the unzip alone."""
    return floor(folder, _own_part)


def side_by_side(a: Callable[[], Any], b: Callable[[], Any], rounds: int = 11) -> Tuple[float, float, float]:
    """Median ms of a and of b, and the median of the per-round ratios a/b, timed alternately so
    a machine busy with something else slows both alike."""
    times_a, times_b, ratios = [], [], []
    for _ in range(rounds):
        start = time.perf_counter()
        a()
        middle = time.perf_counter()
        b()
        end = time.perf_counter()
        times_a.append((middle - start) * 1000)
        times_b.append((end - middle) * 1000)
        ratios.append((middle - start) / (end - middle))
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def peak_memory(fn: Callable[[], Any]) -> float:
    """MiB at the peak of Python's allocations while ``fn`` runs."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024 / 1024
