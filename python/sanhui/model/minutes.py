"""Joint-construction (联建) minutes: two branches, their secretaries, the agreed items.

The seed's 党员大会 党员行动 ends in minutes that both secretaries countersign (会签); each
agreed item names a 责任人 and a 完成时限 and is followed up (跟踪办理、逐条落实、定期反馈).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

THEMES = ("科技创新", "区域发展", "风险防范")  # the seed's examples of a joint theme


@dataclass(frozen=True)
class ActionItem:
    """One agreed item (事项) with who carries it out and by when; ``feedback`` is filled in
    later as the item is followed up (办理情况)."""

    text: str
    owner: str = ""
    deadline: str = ""  # GB/T 9704 form, e.g. 2023年10月31日
    feedback: str = ""


@dataclass(frozen=True)
class Minutes:
    """What InsertMinutes writes: the meeting's facts and the agreed items."""

    branch_a: str
    secretary_a: str
    branch_b: str
    secretary_b: str
    theme: str = ""
    time: str = ""
    place: str = ""
    present: Tuple[str, ...] = ()  # 出席
    leave: Tuple[str, ...] = ()  # 请假
    attending: Tuple[str, ...] = ()  # 列席
    items: Tuple[ActionItem, ...] = ()

    def title(self) -> str:
        """“机关第一党支部与生产一线党支部联建会议纪要” (GB/T 9704 §10.3: ××××纪要)."""
        return f"{self.branch_a}与{self.branch_b}联建会议纪要"

    def hosts(self) -> str:
        """Both secretaries chair a joint meeting."""
        return f"{self.branch_a}书记{self.secretary_a}、{self.branch_b}书记{self.secretary_b}"
