"""The 会议日程 page under Tools › Options › 三会一课 (``dialogs/OptionsRulesPage.xdl``): the five rules
the year's schedule uses, shown with the default where the branch set none, each checked by
``schedule.parse_rule`` when saved; a rule left at its default (or emptied) is stored as "".
"""

from __future__ import annotations

import dataclasses
from typing import Any, Dict

from ..forms.profile_form import parse_rules, rules_fields
from ..i18n import text
from ..model.profile import RULE_NAMES, BranchProfile
from .settings import load_profile, save_profile

FIELDS = RULE_NAMES
CONTROL = "CommitteeRule"  # the control that tells this page from the others


def show(window: Any, profile: BranchProfile, lang: str) -> str:
    """Fill the rules; a branch too small for a 支委会 sees its rule greyed, and why."""
    fill(window, rules_fields(profile))
    window.getControl(CONTROL).getModel().Enabled = profile.has_committee()
    return "" if profile.has_committee() else text("rules_no_committee", lang)


def commit(ctx: Any, typed: Dict[str, str], lang: str) -> str:
    """Save the rules typed (FormError naming the first that does not read); the status line."""
    rules = parse_rules(typed)
    save_profile(ctx, dataclasses.replace(load_profile(ctx), rules=rules))
    return text("rules_saved", lang, {"custom": len(rules)})


def read(window: Any) -> Dict[str, str]:
    return {name: window.getControl(name).getModel().Text for name in FIELDS}


def fill(window: Any, values: Dict[str, str]) -> None:
    for name, value in values.items():
        window.getControl(name).getModel().Text = value
