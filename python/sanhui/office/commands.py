"""The table of commands: the path of a ``sanhui:`` URL → the function that runs it.

Every name of COMMANDS.md is here; a few more were added (README's command table says which).
"""

from __future__ import annotations

from typing import Callable, Dict

from .benchmark_commands import add_benchmark_task, insert_benchmark, set_task_status, update_task_summary
from .command import Invocation
from .ledger_command import insert_annual_plan, insert_review, task_ledger
from .minutes_commands import add_minutes_item, countersign, insert_minutes, verify_minutes
from .plan_command import insert_plan
from .record_commands import insert_notice, insert_record, insert_sign_in

Command = Callable[[Invocation], str]

COMMANDS: Dict[str, Command] = {
    "InsertPlan": insert_plan,
    "InsertMinutes": insert_minutes,
    "AddMinutesItem": add_minutes_item,
    "Countersign": countersign,
    "VerifyMinutes": verify_minutes,
    "InsertBenchmark": insert_benchmark,
    "AddBenchmarkTask": add_benchmark_task,
    "SetTaskStatus": set_task_status,
    "UpdateTaskSummary": update_task_summary,
    "TaskLedger": task_ledger,
    "InsertReview": insert_review,
    "InsertAnnualPlan": insert_annual_plan,
    "InsertNotice": insert_notice,
    "InsertSignIn": insert_sign_in,
    "InsertRecord": insert_record,
}
