"""The table of commands: the path of a ``sanhui:`` URL → the function that runs it.

Every name of COMMANDS.md is here; a few more were added (README's command table says which).
A command's module is imported when the command first runs: an office's first click (a month
plan) does not pay for the ledger, the holiday calendar or the dialogs of the others.
"""

from __future__ import annotations

import importlib
from typing import Callable, Dict, Optional, Tuple

from .command import Invocation

Command = Callable[[Invocation], str]

COMMANDS: Dict[str, Tuple[str, str]] = {  # name → (module in this package, function)
    "InsertPlan": ("plan_command", "insert_plan"),
    "InsertMinutes": ("minutes_commands", "insert_minutes"),
    "AddMinutesItem": ("minutes_commands", "add_minutes_item"),
    "Countersign": ("minutes_commands", "countersign"),
    "VerifyMinutes": ("minutes_commands", "verify_minutes"),
    "InsertBenchmark": ("benchmark_commands", "insert_benchmark"),
    "AddBenchmarkTask": ("benchmark_commands", "add_benchmark_task"),
    "SetTaskStatus": ("benchmark_commands", "set_task_status"),
    "UpdateTaskSummary": ("benchmark_commands", "update_task_summary"),
    "TaskLedger": ("ledger_command", "task_ledger"),
    "MeetingLedger": ("meeting_ledger_command", "meeting_ledger"),
    "InsertReview": ("ledger_command", "insert_review"),
    "InsertAnnualPlan": ("ledger_command", "insert_annual_plan"),
    "InsertNotice": ("record_commands", "insert_notice"),
    "InsertSignIn": ("record_commands", "insert_sign_in"),
    "InsertRecord": ("record_commands", "insert_record"),
    "ImportPlan": ("plan_import", "import_plan"),
    "FormatAsPlan": ("plan_format", "format_as_plan"),
    "SavePlanTemplate": ("plan_template", "save_plan_template"),
}


def command(name: str) -> Optional[Command]:
    """The function behind a command name, or None for a name that is not a command."""
    where = COMMANDS.get(name)
    if where is None:
        return None
    module = importlib.import_module(f"{__package__}.{where[0]}")
    found: Command = getattr(module, where[1])
    return found
