"""The demo's documents as a user gets them: the .odt is strict ODF 1.3, the .docx opens again
with the text, numbering and comments, and the PDF prints every line with page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict

import pytest

from demo import STEM, make_demo
from tests.odf_schema import assert_valid_odt
from tests.office.docs import comments, paragraphs
from tests.office.expected import all_notes, expected

MONTH_TITLE = "2023年9月“三会一课”方案"


@pytest.fixture(scope="module")
def demo(office: Any, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    return {p.name.replace(STEM, "plan"): p for p in make_demo(office, out)}


def test_odt_is_valid_strict_odf(demo: Dict[str, Path]) -> None:
    assert_valid_odt(demo["plan.odt"])


def test_every_document_the_demo_writes_is_valid_strict_odf(demo: Dict[str, Path]) -> None:
    """make demo runs every command as a script would; what it writes must be valid."""
    odts = sorted(name for name in demo if name.endswith(".odt"))
    records = [f"2023-{month:02d}-records.odt" for month in range(1, 13)]
    assert odts == sorted(["2023-09-benchmark-tasks.odt", "2023-09-formatted-plan.odt", "2023-09-general-meeting.odt",
                           "2023-09-group-and-party-day.odt", "2023-09-joint-minutes.odt", "2023-meeting-ledger.odt",
                           "2024-03-imported-notice.odt", "2024-annual-schedule.odt", "plan.odt", "task-ledger.odt",
                           *records])
    for name in odts:
        assert_valid_odt(demo[name])


def test_the_demos_meeting_ledger_finds_what_its_year_of_records_lacks(demo: Dict[str, Path]) -> None:
    """make demo's 台账 over its folder (a year of records made by InsertRecord, a document a month,
    beside September's documents): every meeting held is counted, and the three gaps left on
    purpose are the findings — a 党小组会 and a 党课 with no record, a 支委会 held late."""
    text = _pdf_text(demo["2023-meeting-ledger.pdf"])
    squashed = _squash(text)
    assert "识别出会议记录54份" in squashed
    findings = squashed[squashed.index("二、缺漏、逾期及未达法定人数的会议"):squashed.index("三、党员参加组织生活情况")]
    assert findings == ("二、缺漏、逾期及未达法定人数的会议3月支委会于3月20日召开，晚于日程（3月3日）17天。"
                        "10月党小组会（第二党小组）未见记录。第四季度党课未见记录。")
    assert "全年已召开各类会议54次，截至统计日应召开56次" in squashed


def test_docx_opens_again_with_text_numbers_and_comments(office: Any, demo: Dict[str, Path]) -> None:
    doc = office.load(demo["plan.docx"])
    try:
        got = [tuple(p) for p in paragraphs(doc) if p.text]
        want = expected(None, MONTH_TITLE)
        assert [(text, label) for text, _, label in got] == [(text, label) for text, _, label in want]
        assert [style for _, style, _ in got] == [style for _, style, _ in want]  # named styles survive
        assert sorted(anchor for _, _, anchor in comments(doc)) == sorted(anchor[:-1] for _, anchor in all_notes())
    finally:
        office.close(doc)


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is not installed: run make deps")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def _squash(text: str) -> str:
    """The printed text without layout: no white space, no page numbers between pages."""
    return re.sub(r"\s+", "", re.sub(r"—\s*\d+\s*—", "", text))


def test_pdf_prints_every_line_with_its_number_and_page_numbers(demo: Dict[str, Path]) -> None:
    text = _pdf_text(demo["plan.pdf"])
    squashed = _squash(text)
    for line, _, label in expected(None, MONTH_TITLE):
        assert _squash(label + line) in squashed, line
    pages = text.count("\f")
    numbers = re.findall(r"—\s*(\d+)\s*—", text)
    assert [int(n) for n in numbers] == list(range(1, pages + 1))


def test_pdf_with_notes_in_the_body_prints_the_guidance(demo: Dict[str, Path]) -> None:
    squashed = _squash(_pdf_text(demo["plan-notes-in-body.pdf"]))
    for note, _ in all_notes():
        assert _squash(f"（备注：{note}）") in squashed


def test_pdf_has_no_blank_lines_inside_the_plan(demo: Dict[str, Path]) -> None:
    """A comment's end mark at the end of a full line used to print as an empty line."""
    for number, page in enumerate(_pdf_text(demo["plan.pdf"]).split("\f"), start=1):
        lines = [line.strip() for line in page.splitlines()]
        if number == 1:  # one blank line under the title is the layout's
            lines = lines[lines.index("一、支委会方案"):]
        body = [line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line)]
        while body and not body[-1]:
            body.pop()
        assert "" not in body, f"page {number}: {body}"
