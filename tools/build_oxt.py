"""Build ``build/sanhui.oxt`` from the tree: identity, configuration, the component file, the
package under ``pythonpath/``, the content packs, and the vendored pure-Python dependencies.

Each module under ``pythonpath/`` also gets its bytecode (``__pycache__/*.cpython-3X.pyc``) for
every CPython from 3.8 to 3.13 found on the build machine — the Python running this build always,
the others where pyenv (``$PYENV_ROOT``, else ``~/.pyenv``), ``/usr/bin``, ``/usr/local/bin`` or
``PATH`` has them — each compiled by that interpreter with hash-checked invalidation. LibreOffice
bundles its own Python on Windows and macOS (3.8 and up, by release) and uses the system's on
Linux (3.11 for LibreOffice 7.4 on Debian 12); whichever it is, when its bytecode is in the
package it loads it instead of compiling every module at the first click — and it cannot always
write its own (a read-only shared install, PYTHONDONTWRITEBYTECODE). A version not shipped
compiles as before; an edited source is recompiled, as the hash no longer matches. The build
says which versions it found.

Each interpreter compiles in a subprocess of its own with PYTHONHASHSEED=0 (the order of a
frozenset constant in marshalled code follows string hashes), and entries are sorted with fixed
times, so two builds on one machine are byte-identical.

Usage: python tools/build_oxt.py VENDOR_DIR OUT.oxt [--no-bytecode]
(VENDOR_DIR holds python-dateutil 2.9, six and chinese-calendar, installed there by the Makefile;
--no-bytecode leaves the bytecode out, to measure what it saves.)
       python tools/build_oxt.py --find 3.X
(prints the path of the CPython 3.X it would use, exit status 1 when there is none: the Makefile
runs the unit tests under 3.8 and 3.13 with it.)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Dict, Iterator, List, NamedTuple, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
SKIP_PARTS = {"__pycache__", ".mypy_cache"}
MINORS = range(8, 14)  # CPython 3.8 … 3.13

_PROBE = ("import sys, importlib.util; print(sys.implementation.name, '%d.%d' % sys.version_info[:2], "
          "sys.implementation.cache_tag)")
_COMPILE = """
import json, py_compile, sys
for source, cfile, dfile in json.load(sys.stdin):
    py_compile.compile(source, cfile=cfile, dfile=dfile, doraise=True,
                       invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
"""


def _files(base: Path):  # type: ignore[no-untyped-def]
    for path in sorted(base.rglob("*")):
        if path.is_file() and not SKIP_PARTS.intersection(path.parts) and path.suffix != ".pyc":
            yield path


def _escape_properties(path: Path) -> bytes:
    text = path.read_text(encoding="utf-8")
    return "".join(c if ord(c) < 128 else f"\\u{ord(c):04x}" for c in text).encode("ascii")


class Interpreter(NamedTuple):
    version: str  # "3.8"
    cache_tag: str  # "cpython-38"
    path: str


def _probe(path: str) -> Tuple[str, str, str]:
    """(implementation, "3.X", cache tag) of an interpreter; ("", "", "") when it does not run."""
    try:
        done = subprocess.run([path, "-S", "-c", _PROBE], capture_output=True, text=True, timeout=60,
                              env=_child_env(), check=False)
    except (OSError, subprocess.SubprocessError):
        return "", "", ""
    parts = done.stdout.split()
    return (parts[0], parts[1], parts[2]) if done.returncode == 0 and len(parts) == 3 else ("", "", "")


def _candidates(minor: int) -> Iterator[str]:
    """Where CPython 3.<minor> may be: pyenv's versions (newest patch release first; no
    free-threaded or debug builds), the usual system folders, then PATH."""
    name = f"python3.{minor}"
    pyenv = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv") / "versions"
    releases = []
    for folder in pyenv.glob(f"3.{minor}.*"):
        match = re.fullmatch(rf"3\.{minor}\.(\d+)", folder.name)
        if match:
            releases.append((int(match.group(1)), folder / "bin" / name))
    for _, path in sorted(releases, reverse=True):
        yield str(path)
    for system in ("/usr/bin", "/usr/local/bin"):
        yield f"{system}/{name}"
    found = shutil.which(name)
    if found:
        yield found


def find_interpreter(minor: int) -> Optional[Interpreter]:
    """CPython 3.<minor>: the Python running this if it is that version, else the first candidate
    that runs and says it is."""
    version = f"3.{minor}"
    if sys.implementation.name == "cpython" and sys.version_info[:2] == (3, minor):
        return Interpreter(version, str(sys.implementation.cache_tag), sys.executable)
    for path in _candidates(minor):
        if Path(path).is_file() and os.access(path, os.X_OK):
            implementation, actual, tag = _probe(path)
            if implementation == "cpython" and actual == version:
                return Interpreter(version, tag, path)
    return None


def find_interpreters() -> List[Interpreter]:
    """The Python running the build, and each other CPython 3.8–3.13 this machine has, by version."""
    own = f"{sys.version_info[0]}.{sys.version_info[1]}"
    found: Dict[str, Interpreter] = {own: Interpreter(own, str(sys.implementation.cache_tag), sys.executable)}
    for minor in MINORS:
        if f"3.{minor}" not in found:
            interpreter = find_interpreter(minor)
            if interpreter:
                found[interpreter.version] = interpreter
    return sorted(found.values(), key=lambda i: tuple(int(n) for n in i.version.split(".")))


def _child_env() -> Dict[str, str]:
    """No PYTHON* variables of ours (PYTHONPATH, PYTHONHOME of another version), a fixed hash seed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    return env


def _bytecode(interpreter: Interpreter, modules: List[Tuple[Path, str]]) -> List[bytes]:
    """The .pyc of each (source, name in the package) for one interpreter, checked against the
    source's hash (not its time: the times of files unpacked from an .oxt say nothing), naming the
    source as it lies in the package."""
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [(str(source), str(Path(tmp) / f"{i}.pyc"), name) for i, (source, name) in enumerate(modules)]
        done = subprocess.run([interpreter.path, "-S", "-c", _COMPILE], input=json.dumps(jobs),
                              capture_output=True, text=True, env=_child_env(), timeout=600, check=False)
        if done.returncode != 0:
            sys.exit(f"CPython {interpreter.version} ({interpreter.path}) could not compile the package:\n"
                     f"{done.stderr}")
        return [Path(cfile).read_bytes() for _, cfile, _ in jobs]


def build(vendor: Path, out: Path, bytecode: bool = True) -> None:
    """Write the .oxt; entries are sorted so two builds of one tree are identical."""
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = [
        ("description.xml", ROOT / "description.xml"),
        ("sanhui_component.py", ROOT / "python" / "sanhui_component.py"),
    ]
    for path in _files(ROOT / "extension"):
        rel = path.relative_to(ROOT / "extension").as_posix()
        if not rel.startswith("fontconfig/"):
            entries.append((rel, path))
    for path in _files(ROOT / "python" / "sanhui"):
        entries.append(("pythonpath/" + path.relative_to(ROOT / "python").as_posix(), path))
    for name in ("dateutil", "six.py", "chinese_calendar"):
        src = vendor / name
        if not src.exists():
            sys.exit(f"missing vendored dependency {src}: run make vendor")
        for path in [src] if src.is_file() else list(_files(src)):
            entries.append(("pythonpath/" + path.relative_to(vendor).as_posix(), path))
    for path in _files(ROOT / "dialogs"):
        entries.append(("dialogs/" + path.relative_to(ROOT / "dialogs").as_posix(), path))
    # .properties are kept in UTF-8 in the tree; LibreOffice reads them as ISO-8859-1 with
    # \uXXXX escapes (like Java), so the package gets the escaped form.
    contents = {name: (_escape_properties(path) if name.endswith(".properties") else path.read_bytes())
                for name, path in entries}
    modules = [(path, name) for name, path in entries if name.startswith("pythonpath/") and name.endswith(".py")]
    interpreters = find_interpreters() if bytecode else []
    for interpreter in interpreters:
        for (path, name), pyc in zip(modules, _bytecode(interpreter, modules)):
            folder, _, module = name.rpartition("/")
            cached = f"{folder}/__pycache__/{module[:-3]}.{interpreter.cache_tag}.pyc"
            entries.append((cached, path))
            contents[cached] = pyc
    if bytecode:
        missing = [f"3.{minor}" for minor in MINORS if f"3.{minor}" not in {i.version for i in interpreters}]
        print("bytecode for CPython " + ", ".join(f"{i.version} ({i.path})" for i in interpreters)
              + (f"; not found here: {', '.join(missing)}" if missing else ""))
    else:
        print("no bytecode (--no-bytecode)")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, _ in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(2023, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, contents[name])
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {len(entries)} files)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--find"] and len(sys.argv) == 3:  # for the Makefile: the path of CPython 3.X, if any
        found = find_interpreter(int(sys.argv[2].partition(".")[2]))
        print(found.path if found else "")
        sys.exit(0 if found else 1)
    args = [a for a in sys.argv[1:] if a != "--no-bytecode"]
    if len(args) != 2:
        sys.exit("usage: python tools/build_oxt.py VENDOR_DIR OUT.oxt [--no-bytecode]")
    build(Path(args[0]), Path(args[1]), bytecode="--no-bytecode" not in sys.argv[1:])
