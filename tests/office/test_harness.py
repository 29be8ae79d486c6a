"""The harness itself: an office starts, works, stops without leaving processes, and fails fast.

These tests start their own offices (not the session one), so they need no build/sanhui.oxt.
"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path
from typing import List

import pytest

from devtools import process, profile
from tests.support import require_office

DUMMY_ID = "org.example.dummy"

_DESCRIPTION = f"""<?xml version="1.0" encoding="UTF-8"?>
<description xmlns="http://openoffice.org/extensions/description/2006"
             xmlns:l="http://libreoffice.org/extensions/description/2011">
  <identifier value="{DUMMY_ID}"/>
  <version value="0.0.1"/>
  <dependencies><l:LibreOffice-minimal-version value="7.0" l:name="LibreOffice 7.0"/></dependencies>
</description>
"""
_ADDONS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:component-data xmlns:oor="http://openoffice.org/2001/registry"
    xmlns:xs="http://www.w3.org/2001/XMLSchema" oor:name="Addons" oor:package="org.openoffice.Office">
  <node oor:name="AddonUI"><node oor:name="OfficeMenuBar">
    <node oor:name="org.example.dummy.menu" oor:op="replace">
      <prop oor:name="Title" oor:type="xs:string"><value>Dummy</value></prop>
    </node>
  </node></node>
</oor:component-data>
"""
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="http://openoffice.org/2001/manifest">
  <manifest:file-entry manifest:full-path="Addons.xcu"
      manifest:media-type="application/vnd.sun.star.configuration-data"/>
</manifest:manifest>
"""


@pytest.fixture(autouse=True)
def _needs_office() -> None:
    require_office()


def _dummy_oxt(folder: Path) -> Path:
    oxt = folder / "dummy.oxt"
    with zipfile.ZipFile(oxt, "w") as zf:
        zf.writestr("description.xml", _DESCRIPTION)
        zf.writestr("Addons.xcu", _ADDONS)
        zf.writestr("META-INF/manifest.xml", _MANIFEST)
    return oxt


def _processes_on(profile_dir: Path) -> List[int]:
    """Live processes whose command line names this profile (soffice.bin carries -env:UserInstallation)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z" and str(profile_dir) in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.timeout(120)
def test_office_works_and_stops_without_leftovers(tmp_path: Path) -> None:
    from devtools.office import Office

    profile_dir = tmp_path / "profile"
    office = Office(profile_dir).start()
    pid = office.pid
    assert pid is not None
    try:
        assert _processes_on(profile_dir)
        with pytest.raises(RuntimeError, match="already running"):
            Office(profile_dir).start()

        office.install_extension(_dummy_oxt(tmp_path))
        assert DUMMY_ID in office.installed_extensions()
        office.remove_extension(DUMMY_ID)
        assert DUMMY_ID not in office.installed_extensions()
        with pytest.raises(LookupError):
            office.remove_extension(DUMMY_ID)

        doc = office.new_writer()
        doc.Text.insertString(doc.Text.getEnd(), "三会一课", False)
        odt = office.store(doc, tmp_path / "out.odt", "writer8")
        docx = office.store(doc, tmp_path / "out.docx", "MS Word 2007 XML")
        pdf = office.store(doc, tmp_path / "out.pdf", "writer_pdf_Export")
        assert office.dispatch(doc, ".uno:SelectAll") == (1, "")
        assert doc.getCurrentController().getSelection().getByIndex(0).getString() == "三会一课"
        office.close(doc)
    finally:
        office.stop()

    assert process.group_members(pid) == []
    assert _processes_on(profile_dir) == []
    office.stop()  # a second stop is harmless
    assert docx.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(odt) as zf:
        styles = zf.read("styles.xml").decode("utf-8")
    assert 'office:version="1.3"' in styles and "loext:" not in styles  # strict ODF 1.3 was seeded


@pytest.mark.timeout(60)
def test_call_past_its_bound_kills_the_office(tmp_path: Path) -> None:
    from devtools.office import Office

    office = Office(tmp_path / "profile").start()
    pid = office.pid
    assert pid is not None
    started = time.monotonic()
    try:
        with pytest.raises(TimeoutError, match="killed"):
            office.call(time.sleep, 30, timeout=0.3)
        assert time.monotonic() - started < 15
        assert process.group_members(pid) == []
        with pytest.raises(RuntimeError, match="not started"):
            office.desktop  # noqa: B018
    finally:
        office.stop()


def test_missing_soffice_is_a_clear_error(tmp_path: Path) -> None:
    from devtools.office import Office

    with pytest.raises(FileNotFoundError, match="LibreOffice not found"):
        Office(tmp_path / "profile", soffice=str(tmp_path / "no-soffice")).start()


def test_an_office_that_dies_fails_at_once(tmp_path: Path) -> None:
    from devtools.office import Office

    started = time.monotonic()
    with pytest.raises(RuntimeError, match="exited during start, code 1"):
        Office(tmp_path / "profile", soffice="false").start()
    assert time.monotonic() - started < 5


def test_an_office_that_never_answers_times_out_and_is_killed(tmp_path: Path) -> None:
    from devtools.office import Office

    pid_file = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n")
    fake.chmod(0o755)
    with pytest.raises(TimeoutError, match="did not answer within 1 s"):
        Office(tmp_path / "profile", soffice=str(fake), start_timeout=1).start()
    pid = int(pid_file.read_text())
    assert process.group_members(pid) == []


def test_seeding_never_overwrites_a_profile(tmp_path: Path) -> None:
    items = profile.settings("zh-CN", True, "7.4")
    assert ("/org.openoffice.Office.Linguistic/General", "UILocale", "zh-CN") in items
    assert ("/org.openoffice.Office.Common/Save/ODF", "DefaultVersion", "10") in items
    assert profile.seed(tmp_path, items)
    written = profile.registry_file(tmp_path).read_text(encoding="utf-8")
    assert not profile.seed(tmp_path, [])
    assert profile.registry_file(tmp_path).read_text(encoding="utf-8") == written
    assert os.path.getsize(profile.registry_file(tmp_path)) > 0
