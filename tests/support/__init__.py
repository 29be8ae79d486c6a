"""What tests/office and tests/gui share: where the built extension is, and how a test office starts.

A test that needs LibreOffice and cannot have it fails (pytest.fail), never skips: a skipped office
suite looks green in CI while testing nothing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

if TYPE_CHECKING:
    from devtools.office import Office

REPO_ROOT = Path(__file__).resolve().parents[2]
IDENTIFIER = "org.sanhui.writer"


def short_tracebacks(config: pytest.Config) -> None:
    """Make --tb=short the default (an explicit --tb wins); call it from pytest_configure.

    pytest's long tracebacks repr() the failing test's arguments, and repr() of a pyuno proxy whose
    office has died (killed after a timeout, or crashed) aborts the Python process: pyuno 7.4 lets a
    C++ DisposedException escape. One wedged test would end the whole run without a report.
    """
    if config.getoption("tbstyle", "auto") == "auto":
        config.option.tbstyle = "short"


def sanhui_oxt() -> Path:
    """build/sanhui.oxt (or $SANHUI_OXT, to try another build); fail the test when it is missing."""
    override = os.environ.get("SANHUI_OXT")
    oxt = Path(override) if override else REPO_ROOT / "build" / "sanhui.oxt"
    if not oxt.is_file():
        pytest.fail(f"{'SANHUI_OXT ' + override if override else 'build/sanhui.oxt'} missing: run make oxt")
    return oxt


def require_office() -> None:
    """Fail (not skip) when LibreOffice or its Python bridge is not there."""
    try:
        import uno  # noqa: F401
    except ImportError:
        pytest.fail("python3-uno not importable: install it and make the venv with --system-site-packages")
    from devtools.process import find_soffice

    try:
        find_soffice()
    except FileNotFoundError as exc:
        pytest.fail(str(exc))


@contextlib.contextmanager
def office_with_extension(profile_dir: Path, **options: Any) -> Iterator[Office]:
    """A started Office on `profile_dir` with the built extension installed; stopped afterwards.

    `options` go to Office (headless, display, locale, strict_odf ...).
    """
    # A copy taken now: a rebuild of build/sanhui.oxt during a long run must not be half-read.
    oxt = Path(shutil.copy2(sanhui_oxt(), profile_dir.parent / f"{profile_dir.name}-sanhui.oxt"))
    require_office()
    from devtools.office import Office

    office = Office(profile_dir, **options)
    try:
        office.start()
        office.install_extension(oxt)
        # Restart, as a user's office would be: right after a live install LibreOffice runs the Python
        # component in a separate uno.bin process (make bench found it), where every UNO call of the
        # extension crosses a pipe; one long suite saw a document close hang in that set-up.
        office.stop()
        office.start()
        yield office
    finally:
        office.stop()


@contextlib.contextmanager
def writer_document(office: Office) -> Iterator[Any]:
    """A new Writer document, closed afterwards even when the test failed.

    An office killed by an earlier test's timeout (or crashed) is started again on its profile, where
    the extension is still installed, so one wedged test does not fail every test after it.
    """
    if not office.alive:
        office.stop()
        office.start()
    doc = office.new_writer()
    try:
        yield doc
    finally:
        office.close(doc)
