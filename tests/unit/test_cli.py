"""`sanhui render` (the console script, or `python -m sanhui`): the plan as a document of its own,
with no office running."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import sanhui.cli
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
    assert done.returncode == 0 and "render" in done.stdout and "ledger" in done.stdout
    assert done.stdout.startswith("usage: sanhui ")


def test_help_exits_0_from_the_entry_point(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "render" in capsys.readouterr().out


def test_pyproject_declares_the_console_script_as_main() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    scripts = re.search(r"^\[project\.scripts\]\n((?:[^\[\n].*\n|\n)*)", text, re.MULTILINE)
    assert scripts is not None, "pyproject.toml has no [project.scripts]"
    assert re.search(r'^sanhui = "sanhui\.cli:main"$', scripts.group(1), re.MULTILINE), scripts.group(1)


def _installed() -> importlib.metadata.Distribution:
    try:
        return importlib.metadata.distribution("sanhui")
    except importlib.metadata.PackageNotFoundError:
        pytest.fail(f"the project is not installed in {sys.prefix}: pip install -e . (make venv does)")


def test_the_installed_entry_point_is_the_cli() -> None:
    (script,) = [ep for ep in _installed().entry_points if ep.group == "console_scripts"]
    assert script.name == "sanhui" and script.value == "sanhui.cli:main"
    assert script.load() is sanhui.cli.main


def test_the_installed_console_script_runs_with_no_pythonpath(tmp_path: Path) -> None:
    _installed()
    suffix = ".exe" if os.name == "nt" else ""
    command = Path(sysconfig.get_path("scripts")) / f"sanhui{suffix}"
    assert command.is_file(), command
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(command), "--help"], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("usage: sanhui "), done.stderr
    done = subprocess.run([str(command), "render", "--month", "2023-09", "-o", "plan.odt"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert_valid_odt(tmp_path / "plan.odt")
