"""The seed plan (tests/data/2023-09-sanhui-yike-plan.txt) read line by line, independently of
the content pack: each line's numbering label taken off, each 备注 taken out of its wrapper.

Test helper only. The seed is test data kept in the repository, byte for byte as it was given; a
missing seed fails the test (a skipped comparison would look green while checking nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Tuple

import pytest

SEED = Path(__file__).resolve().parents[1] / "data" / "2023-09-sanhui-yike-plan.txt"
NOTE_OPEN = "（备注："

# The seed's numbering labels by level. Level 3 also takes the seed's typo “3。” and the stray
# spaces after some labels (“1. 研究…”, “（2） B支部…”).
LABELS = (
    (1, re.compile(r"(?P<n>[一二三四五六七八九十]+)、\s*")),
    (2, re.compile(r"（(?P<n>[一二三四五六七八九十]+)）\s*")),
    (4, re.compile(r"（(?P<n>\d+)）\s*")),
    (3, re.compile(r"(?P<n>\d+)\s*[.．。]\s*")),
)
LABEL_FORMS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}


@dataclass(frozen=True)
class SeedLine:
    kind: str  # "line" or "note"
    level: int  # 1–4 for 一、（一）1.（1）; 0 for an unnumbered paragraph or a note
    label: str  # the label as it should read (“3。” mended to “3.”), "" when none
    text: str  # without label, without “（备注：” and “）”


def seed_text() -> List[str]:
    if not SEED.is_file():
        pytest.fail(f"seed plan missing: {SEED} (it is test data of the repository, in tests/data/)")
    return SEED.read_text(encoding="utf-8").splitlines()


def mend_note(line: str) -> str:
    """“（备注：…）” → its text. Two seed notes never close the bracket: the note is the rest of
    the line, exactly as typed (nothing added, not even the full stop one of them lacks)."""
    body = line[len(NOTE_OPEN):].strip()
    if line.count("（") == line.count("）"):
        assert body.endswith("）"), line
        return body[:-1]
    return body


def read_seed() -> Tuple[str, List[SeedLine]]:
    """The seed's title, and every other non-empty line in order."""
    lines = seed_text()
    title = lines[0].strip()
    out: List[SeedLine] = []
    for raw in lines[1:]:
        line = raw.strip()
        if not line:
            continue
        if line.startswith(NOTE_OPEN):
            out.append(SeedLine("note", 0, "", mend_note(line)))
            continue
        for level, pattern in LABELS:
            match = pattern.match(line)
            if match:
                label = LABEL_FORMS[level].format(match.group("n"))
                out.append(SeedLine("line", level, label, line[match.end():]))
                break
        else:
            out.append(SeedLine("line", 0, "", line))
    return title, out


def seed_part(meeting_position: int) -> List[SeedLine]:
    """The lines of one part (一、支委会方案 …) of the seed, its heading first."""
    _, lines = read_seed()
    starts = [i for i, line in enumerate(lines) if line.level == 1] + [len(lines)]
    return lines[starts[meeting_position - 1]:starts[meeting_position]]
