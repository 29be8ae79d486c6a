"""Make tests/data/meetings/: meeting documents as the extension writes them, saved by a real
LibreOffice (headless, devtools.office) as .odt and as .docx — the files people keep after
editing them, which the meeting ledger must read (tests/unit/test_meeting_reader.py).

Run once when the writers change: ``.venv/bin/python tools/make_meeting_samples.py``; it writes
README.md beside the samples with the LibreOffice version that made them.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "python"), str(ROOT)]

from devtools.office import Office  # noqa: E402
from sanhui.model.meeting import Meeting  # noqa: E402
from sanhui.model.record import sign_in_title  # noqa: E402
from tests.unit import meeting_docs as docs  # noqa: E402

OUT = ROOT / "tests" / "data" / "meetings"


def sources() -> dict:
    group = docs.details(time="2023年10月16日 15:00", expected=8, present=7, absent=(("孙七", "出差"),),
                         **({"group": "第二党小组"} if docs.HAS_GROUP_DETAIL else {}))
    return {
        "general-record": docs.record(Meeting.GENERAL, docs.details(time="2023年9月25日 15:00", expected=30,
                                                                     present=12)),
        "group-record": docs.record(Meeting.GROUP, group),
        "sign-in": docs.sign_in(Meeting.GROUP, sign_in_title(docs.BRANCH, Meeting.GROUP, "第二党小组"),
                                "2023年10月16日 15:00", ["张三", "李四", "孙七"], {"张三": "张三", "李四": "√"},
                                {"孙七": "出差"}),
        "notice": docs.notice(Meeting.LECTURE, "2023年11月20日 9:00"),
        "plan": docs.plan_with_details("2023年12月", {Meeting.COMMITTEE: docs.details(
            time="2023年12月4日 9:00", expected=None, present=None, absent=())}),
    }


def office_version() -> str:
    """“LibreOffice 7.4.7.2”, from the soffice the samples were saved with."""
    from devtools import process

    found = subprocess.run([process.find_soffice(None), "--version"], capture_output=True, text=True, timeout=60)
    return " ".join(found.stdout.split()[:2]) or "LibreOffice"


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sanhui-samples-") as tmp, Office(Path(tmp) / "profile") as office:
        for name, data in sources().items():
            source = Path(tmp) / f"{name}.odt"
            source.write_bytes(data)
            doc = office.load(source, hidden=True)
            office.store(doc, OUT / f"{name}.odt", "writer8")
            office.store(doc, OUT / f"{name}.docx", "MS Word 2007 XML")
            office.close(doc)
    (OUT / "README.md").write_text(
        "Meeting documents as the extension's renderers write them (tests/unit/meeting_docs.py), each\n"
        "loaded by a headless LibreOffice and saved by it as .odt (writer8) and .docx (MS Word 2007 XML):\n"
        "what the meeting ledger meets in a secretary's folder. Made by `tools/make_meeting_samples.py`\n"
        f"with {office_version()}.\n\n"
        "- general-record: a 党员大会 record, 2023-09-25, 应到 30 实到 12 (inquorate)\n"
        "- group-record: the 第二党小组's 党小组会 record, 2023-10-16, 孙七 absent (出差)\n"
        "- sign-in: its sign-in sheet, 张三 and 李四 signed, 孙七 not (备注 出差)\n"
        "- notice: a 党课 notice for 2023-11-20 9:00\n"
        "- plan: the December 2023 month plan with the 支委会's 会议时间 filled in (2023-12-04)\n",
        encoding="utf-8")
    print(f"wrote {len(sources()) * 2} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
