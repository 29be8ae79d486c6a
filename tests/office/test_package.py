"""The package as LibreOffice installs it: every module comes with bytecode that LibreOffice's
Python takes as it is, so the first click after a start does not compile the extension (make
bench: first use after start ≈ 236 → 170 ms with it, measured side by side).

The bytecode is there for each CPython 3.8–3.13 the build machine has (tools/build_oxt.py finds
them: pyenv here); LibreOffice runs the system's Python on Linux and bundles its own, 3.8 and up,
on Windows and macOS. The tests' Python is the one LibreOffice runs here (the venv is made from
the system Python that `uno` belongs to), so its bytecode must be among them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, Dict, List

import uno

from build_oxt import find_interpreters
from tests.support import sanhui_oxt

EXTENSION_ID = "org.sanhui.writer"
CHECKED_HASH = 0b11  # PEP 552 flags: hash-based, checked against the source
# The magic number of each CPython release line's bytecode (Lib/importlib/_bootstrap_external.py).
MAGIC: Dict[str, int] = {"cpython-38": 3413, "cpython-39": 3425, "cpython-310": 3439, "cpython-311": 3495,
                         "cpython-312": 3531, "cpython-313": 3571}
PYC = re.compile(r"(?P<folder>.*)/__pycache__/(?P<module>[^/.]+)\.(?P<tag>cpython-3\d+)\.pyc")


def _bytecode_name(source: str, tag: str = sys.implementation.cache_tag) -> str:
    folder, _, module = source.rpartition("/")
    return f"{folder}/__pycache__/{module[:-3]}.{tag}.pyc"


def _magic(tag: str) -> bytes:
    return MAGIC[tag].to_bytes(2, "little") + b"\r\n"


def _shipped_tags(names: List[str]) -> List[str]:
    return sorted({match.group("tag") for match in map(PYC.fullmatch, names) if match}, key=MAGIC.get)


def test_the_magic_table_knows_this_python() -> None:
    assert _magic(sys.implementation.cache_tag) == importlib.util.MAGIC_NUMBER


# Run by each Python found: the hash of every source as that Python computes it (SipHash keyed
# with its magic number; 3.11 changed the SipHash variant), against the one its bytecode carries.
_CHECK_HASHES = """
import importlib.util, sys, zipfile
tag, wrong = sys.implementation.cache_tag, []
with zipfile.ZipFile(sys.argv[1]) as oxt:
    for source in sys.argv[2:]:
        folder, _, module = source.rpartition("/")
        pyc = oxt.read(folder + "/__pycache__/" + module[:-3] + "." + tag + ".pyc")
        if pyc[:4] != importlib.util.MAGIC_NUMBER or pyc[8:16] != importlib.util.source_hash(oxt.read(source)):
            wrong.append(source)
print(tag, len(sys.argv) - 2, "checked;", len(wrong), "wrong:", *wrong)
"""


def test_every_module_ships_bytecode_checked_against_its_source_for_each_python_found() -> None:
    oxt_path = sanhui_oxt()
    with zipfile.ZipFile(oxt_path) as oxt:
        names = oxt.namelist()
        sources = [n for n in names if n.startswith("pythonpath/") and n.endswith(".py")]
        assert "pythonpath/sanhui/office/plan_command.py" in sources and len(sources) > 50
        tags = _shipped_tags(names)
        # The office's own Python (this one), and every CPython 3.8–3.13 the build could find.
        assert sys.implementation.cache_tag in tags
        interpreters = find_interpreters()
        assert tags == [i.cache_tag for i in interpreters], "make oxt again: the Pythons found differ"
        assert set(tags) <= set(MAGIC), tags
        for tag in tags:
            for source in sources:
                pyc = oxt.read(_bytecode_name(source, tag))
                assert pyc[:4] == _magic(tag), (tag, source)
                assert int.from_bytes(pyc[4:8], "little") == CHECKED_HASH, (tag, source)
        # No bytecode without its source.
        assert {PYC.sub(r"\g<folder>/\g<module>.py", n) for n in names if PYC.fullmatch(n)} <= set(sources)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for interpreter in interpreters:
        done = subprocess.run([interpreter.path, "-S", "-c", _CHECK_HASHES, str(oxt_path), *sources], env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, f"CPython {interpreter.version}: {done.stderr}"
        assert done.stdout.strip() == f"{interpreter.cache_tag} {len(sources)} checked; 0 wrong:", done.stdout


# Imports every module of the unpacked package that runs without LibreOffice, as LibreOffice's own
# Python would (no site-packages, so no lxml), and prints the modules it had to compile.
_IMPORT_ALL = """
import importlib, importlib.machinery, sys
compiled = []
to_code = importlib.machinery.SourceFileLoader.source_to_code
def counting(self, data, path, *args, **kwargs):
    compiled.append(path)
    return to_code(self, data, path, *args, **kwargs)
importlib.machinery.SourceFileLoader.source_to_code = counting
sys.path.insert(0, sys.argv[1])
for name in sys.argv[2:]:
    importlib.import_module(name)
print(len(sys.argv) - 2, "imported;", len(compiled), "compiled:", *compiled)
"""


def _pure_modules(root: Path) -> List[str]:
    """sanhui's modules but the UNO layer and ``__main__``, and what it uses of the vendored packages."""
    names = []
    for path in sorted((root / "sanhui").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if "office" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return [*names, "dateutil.relativedelta", "dateutil.rrule", "dateutil.parser", "dateutil.tz", "six",
            "chinese_calendar"]


def test_each_python_found_imports_the_package_from_its_bytecode_alone(tmp_path: Path) -> None:
    with zipfile.ZipFile(sanhui_oxt()) as oxt:
        oxt.extractall(tmp_path, [n for n in oxt.namelist() if n.startswith("pythonpath/")])
    root = tmp_path / "pythonpath"
    modules = _pure_modules(root)
    assert "sanhui.odf.render" in modules and "sanhui.forms.plan_form" in modules
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for interpreter in find_interpreters():
        done = subprocess.run([interpreter.path, "-S", "-B", "-c", _IMPORT_ALL, str(root), *modules], env=env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, f"CPython {interpreter.version}: {done.stderr}"
        assert done.stdout.strip() == f"{len(modules)} imported; 0 compiled:", f"CPython {interpreter.version}"


def test_the_installed_extension_keeps_the_bytecode_beside_its_modules(office: Any) -> None:
    def location() -> str:
        info = office.ctx.getValueByName("/singletons/com.sun.star.deployment.PackageInformationProvider")
        return str(info.getPackageLocation(EXTENSION_ID))

    installed = Path(uno.fileUrlToSystemPath(office.call(location)))
    with zipfile.ZipFile(sanhui_oxt()) as oxt:
        tags = _shipped_tags(oxt.namelist())
    for module in ("sanhui/office/dispatch.py", "sanhui/office/plan_command.py", "dateutil/rrule.py"):
        source = installed / "pythonpath" / module
        cached = installed / _bytecode_name(f"pythonpath/{module}")
        assert cached.is_file(), cached
        assert cached.read_bytes()[8:16] == importlib.util.source_hash(source.read_bytes())
        for tag in tags:
            assert (installed / _bytecode_name(f"pythonpath/{module}", tag)).is_file(), (tag, module)
