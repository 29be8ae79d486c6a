"""tests/unit: pure layers, no office. Wires the hardening report line (tests/support/report.py)
and the hypothesis profiles of the property tests (tests/unit/test_properties*.py):
``sanhui`` (the default, a few seconds per test) and ``sanhui-long`` (for make bench, chosen by
``SANHUI_HYPOTHESIS=sanhui-long``)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.support import report

_COMMON = {"deadline": None, "database": None,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("sanhui", max_examples=40, **_COMMON)
settings.register_profile("sanhui-long", max_examples=1000, **_COMMON)
settings.load_profile(os.environ.get("SANHUI_HYPOTHESIS", "sanhui"))


def pytest_configure(config: pytest.Config) -> None:
    report.register(config)
