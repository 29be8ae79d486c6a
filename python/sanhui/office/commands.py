"""The table of commands: the path of a ``sanhui:`` URL → the function that runs it.

A name of COMMANDS.md that is not built yet is absent here, so it fails with a message saying
it is not available rather than doing something half-way.
"""

from __future__ import annotations

from typing import Callable, Dict

from .command import Invocation
from .plan_command import insert_plan

Command = Callable[[Invocation], str]

COMMANDS: Dict[str, Command] = {
    "InsertPlan": insert_plan,
}

# Named in COMMANDS.md, still to be built: they say so instead of "no such command".
PLANNED = frozenset({
    "InsertMinutes", "AddMinutesItem", "Countersign", "VerifyMinutes", "InsertBenchmark", "InsertNotice",
    "InsertSignIn", "InsertRecord", "InsertAnnualPlan", "TaskLedger", "InsertReview",
})
