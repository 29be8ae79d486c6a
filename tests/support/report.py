"""The hardening report: one line at the end of a test run saying how much was tried.

    sanhui hardening: 1234 hypothesis inputs, 13 cursor places (182 cases), 2140 commands run, 0 failures

Tests count what they try (``count("inputs")``, ``count("places", name)``); every ``sanhui:``
URL an office test dispatches is counted by wrapping ``Office.dispatch`` once. Registered from
tests/unit/conftest.py and tests/office/conftest.py by ``register(config)``; registering twice is
harmless, so a run over both folders prints one line.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any, Dict, Optional, Set

import pytest

NAME = "sanhui-report"
_counts: Counter = Counter()
_names: Dict[str, Set[str]] = {}


def count(kind: str, name: Optional[str] = None, n: int = 1) -> None:
    """Count ``n`` of ``kind``; with ``name``, also remember which distinct ones were seen."""
    _counts[kind] += n
    if name is not None:
        _names.setdefault(kind, set()).add(name)


def _wrap_dispatch() -> None:
    """Count the commands office tests dispatch, whichever test or helper sends them."""
    office_module = sys.modules.get("devtools.office")
    if office_module is None:
        return
    cls = office_module.Office
    if getattr(cls.dispatch, "_sanhui_counted", False):
        return
    original = cls.dispatch

    def dispatch(self: Any, doc_or_frame: Any, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith("sanhui:"):
            count("commands")
        return original(self, doc_or_frame, url, *args, **kwargs)

    dispatch._sanhui_counted = True  # type: ignore[attr-defined]
    cls.dispatch = dispatch


class _Report:
    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        try:
            import devtools.office  # noqa: F401 - needs uno; unit runs go without it
        except ImportError:
            return
        _wrap_dispatch()

    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
        stats = terminalreporter.stats
        failures = len(stats.get("failed", [])) + len(stats.get("error", []))
        places = _names.get("places", set())
        terminalreporter.write_line(
            f"sanhui hardening: {_counts['inputs']} hypothesis inputs, {len(places)} cursor places "
            f"({_counts['places']} cases), {_counts['commands']} commands run, {failures} failures")


def register(config: pytest.Config) -> None:
    """Add the report plugin once per session (call from a conftest's pytest_configure)."""
    if not config.pluginmanager.has_plugin(NAME):
        config.pluginmanager.register(_Report(), NAME)
