"""Fixtures for tests against a real headless LibreOffice with the built extension installed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from tests.support import office_with_extension, report, short_tracebacks, writer_document

if TYPE_CHECKING:  # imported lazily so a missing python3-uno fails with a clear message
    from devtools.office import Office


def pytest_configure(config: pytest.Config) -> None:
    short_tracebacks(config)
    report.register(config)  # the hardening report line at the end of the run


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark everything in this folder `office`, so `-m "not office"` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.office)


@pytest.fixture(scope="session")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    """One office for the session: fresh profile, zh-CN UI, strict ODF 1.3, build/sanhui.oxt installed."""
    with office_with_extension(tmp_path_factory.mktemp("office-profile")) as started:
        yield started


@pytest.fixture
def writer(office: Office) -> Iterator[Any]:
    """A new Writer document (with frame and controller), closed after the test whatever its outcome."""
    with writer_document(office) as doc:
        yield doc
