"""`make demo`: a private headless LibreOffice with the built extension installed runs the
commands the way a click would, and writes the September 2023 plan (the seed) to out/ as
.odt, .docx and .pdf — plus a PDF with the 备注 guidance printed in the body, since comments
do not print.

Usage: python tools/demo.py [--out out]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "python")]

from devtools.office import Office  # noqa: E402

STEM = "2023-09-sanhui-yike-plan"
FORMATS = (("odt", "writer8"), ("docx", "MS Word 2007 XML"), ("pdf", "writer_pdf_Export"))


def write_plan(office: Office, out: Path, stem: str, args: Dict[str, Any],
               formats: Any = FORMATS) -> List[Path]:
    """Dispatch sanhui:InsertPlan with ``args`` into a new document and save it in ``formats``."""
    doc = office.new_writer()
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", args)
        if state != 1:
            raise SystemExit(f"sanhui:InsertPlan failed: {result}")
        print(f"  {result}")
        return [office.store(doc, out / f"{stem}.{ext}", name) for ext, name in formats]
    finally:
        office.close(doc)


def make_demo(office: Office, out: Path) -> List[Path]:
    """The demo's documents, written with an office that has the extension installed."""
    out.mkdir(parents=True, exist_ok=True)
    written = write_plan(office, out, STEM, {"Month": "2023-09"})
    written += write_plan(office, out, STEM + "-notes-in-body", {"Month": "2023-09", "Notes": "body"},
                          (("pdf", "writer_pdf_Export"),))
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    profile = Path(tempfile.mkdtemp(prefix="sanhui-demo-"))
    try:
        with Office(profile / "profile") as office:
            print("LibreOffice started; installing build/sanhui.oxt")
            office.install_extension(ROOT / "build" / "sanhui.oxt")
            print("sanhui:InsertPlan Month=2023-09:")
            for path in make_demo(office, args.out):
                print(f"  wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                      f" ({path.stat().st_size // 1024} KiB)")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
