"""Fixtures for tests of what a person sees: a real LibreOffice window on a private Xvfb display.

One Xvfb and one office (zh-CN UI, build/sanhui.oxt installed) serve the whole session. A missing
Xvfb, LibreOffice or extension fails the tests, never skips them (tests/support).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from tests.support import office_with_extension, require_office, short_tracebacks, writer_document

if TYPE_CHECKING:  # imported lazily so a missing python3-uno fails with a clear message
    from devtools.office import Office
    from devtools.xvfb import Xvfb


def pytest_configure(config: pytest.Config) -> None:
    short_tracebacks(config)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in this folder `gui`, so `-m "not gui"` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def xvfb() -> Iterator[Xvfb]:
    """A private X display for the session (Xvfb picks a free number itself)."""
    from devtools.xvfb import Xvfb, XvfbError

    try:
        server = Xvfb().start()
    except XvfbError as exc:
        pytest.fail(f"no X display for the GUI tests: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def gui_office(xvfb: Xvfb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """One office in real windows on the session's display: fresh profile, zh-CN UI, extension installed."""
    require_office()
    with office_with_extension(
        tmp_path_factory.mktemp("gui-profile"), headless=False, display=xvfb.display, locale="zh-CN"
    ) as started:
        yield started


@pytest.fixture(scope="session")
def gui_office_en(xvfb: Xvfb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """A second office on the same display with an en-US UI, for what English users see."""
    require_office()
    with office_with_extension(
        tmp_path_factory.mktemp("gui-profile-en"), headless=False, display=xvfb.display, locale="en-US"
    ) as started:
        yield started


@pytest.fixture
def writer(gui_office: Office) -> Iterator[Any]:
    """A new Writer document in its own window, closed after the test whatever its outcome."""
    with writer_document(gui_office) as doc:
        yield doc
