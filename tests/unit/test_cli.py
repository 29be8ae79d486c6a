"""`python -m sanhui render`: the plan as a document of its own, with no office running."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from sanhui.cli import main
from tests.odf_schema import assert_valid_odt

ROOT = Path(__file__).resolve().parents[2]


def test_render_writes_a_valid_month_plan_on_the_gongwen_page(tmp_path: Path) -> None:
    out = tmp_path / "plan.odt"
    assert main(["render", "--month", "2023-09", "--branch", "机关第一党支部", "-o", str(out)]) == 0
    assert_valid_odt(out)
    content = zipfile.ZipFile(out).read("content.xml").decode("utf-8")
    assert "机关第一党支部2023年9月“三会一课”方案" in content
    assert 'style:master-page-name="SanhuiPage"' in content
    assert "<text:p/>" not in content  # no insertion sentinels in a document of its own


def test_single_meeting_has_no_title_page(tmp_path: Path) -> None:
    out = tmp_path / "lecture.odt"
    assert main(["render", "--meeting", "党课", "--notes", "none", "-o", str(out)]) == 0
    content = zipfile.ZipFile(out).read("content.xml").decode("utf-8")
    assert "master-page-name" not in content and "office:annotation" not in content
    assert 'text:start-value="4"' in content


def test_bad_input_exits_2_with_the_forms_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["render", "--month", "2023-13", "-o", str(tmp_path / "x.odt")]) == 2
    assert "月份（Month）" in capsys.readouterr().err
    assert main(["render", "--notes", "margin", "--lang", "en", "-o", str(tmp_path / "x.odt")]) == 2
    assert "Notes" in capsys.readouterr().err
    assert not (tmp_path / "x.odt").exists()


def test_runs_as_a_module() -> None:
    done = subprocess.run([sys.executable, "-m", "sanhui", "--help"], cwd=ROOT / "python", capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "render" in done.stdout
