"""The one entry point from a model to the bytes of an ODT fragment."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from ..model.plan import MonthPlan
from .package import package_odt
from .plan_writer import RenderOptions, render_plan_content
from .styles import build_styles


def render_plan(plan: MonthPlan, options: Optional[RenderOptions] = None) -> bytes:
    """A zipped ODT holding ``plan`` with every style it uses."""
    opts = options or RenderOptions(stamp=datetime.now())
    return package_odt(render_plan_content(plan, opts), build_styles())
