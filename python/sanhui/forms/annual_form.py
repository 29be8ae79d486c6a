"""The form behind ``sanhui:InsertAnnualPlan``: the year and one rule per kind of meeting.

Defaults follow the 条例's frequencies (支委会 and 党小组会 monthly, 党员大会 and 党课 quarterly,
主题党日 on a fixed day each month); every default is a rule a secretary can rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Dict, Mapping, Optional

from ..schedule import Rule, RuleError, parse_rule
from .arguments import check_names
from .errors import FormError
from .fields import int_value, text_value

RULE_FIELDS: Dict[str, str] = {  # argument → the meeting it schedules
    "CommitteeRule": "支委会",
    "GeneralRule": "党员大会",
    "GroupRule": "党小组会",
    "LectureRule": "党课",
    "PartyDayRule": "主题党日",
}
DEFAULT_RULES = {
    "CommitteeRule": "每月第一个星期一",
    "GeneralRule": "每季度末月第二个星期三",
    "GroupRule": "每月第二个星期四",
    "LectureRule": "每季度末月第三个星期五",
    "PartyDayRule": "每月第一个星期五",
}
ANNUAL_FIELDS = ("Year", *RULE_FIELDS)


@dataclass(frozen=True)
class AnnualRequest:
    year: int
    rules: Dict[str, Rule]  # meeting name → rule, in the table's order


def parse_annual(args: Mapping[str, object], today: date, defaults: Optional[Mapping[str, object]] = None,
                 has_committee: bool = True) -> AnnualRequest:
    """Year (default this year) and rules (default: the profile's, then DEFAULT_RULES)."""
    given = check_names(args, ANNUAL_FIELDS)
    values: Dict[str, object] = dict(DEFAULT_RULES)
    values.update({k: v for k, v in (defaults or {}).items() if v})
    values.update(given)
    year = int_value("Year", values.get("Year"), 1949, 2100) or today.year
    rules: Dict[str, Rule] = {}
    for field, meeting in RULE_FIELDS.items():
        if field == "CommitteeRule" and not has_committee:
            continue
        raw = text_value(field, values.get(field), required=True, limit=50)
        try:
            rules[meeting] = parse_rule(raw)
        except RuleError:
            raise FormError(field, "bad_rule", value=raw) from None
    return AnnualRequest(year, rules)
