"""The forms behind ImportPlan, FormatAsPlan and SavePlanTemplate: their arguments, defaults,
and the one sentence that says what the recogniser found.

Scripts and the ImportPlan dialog end here, so both get the same checks and messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Mapping, Optional

from ..dates import Month
from ..i18n import text
from ..model.plan import NotesMode
from .arguments import check_names
from .errors import FormError, Localized
from .fields import bool_value, choice_value, month_value, text_value

if TYPE_CHECKING:  # the recogniser is imported by the commands that recognise, not by InsertPlan's first click
    from ..content.recognise import Counts

NOTES_CHOICES = tuple((m.value, m) for m in NotesMode)
NOTES_LABELS = ("批注", "正文", "不插入")
IMPORT_FIELDS = ("Source", "Month", "Notes", "Interactive")
FORMAT_FIELDS = ("Notes",)
SAVE_FIELDS = ("Name",)
CLIPBOARD = "clipboard"
# What ImportPlan reads: plain text here; the others through LibreOffice's own filters.
TEXT_SUFFIXES = (".txt", ".text")
OFFICE_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".html", ".htm", ".wps")
MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a month's guidance is a few hundred KB even with pictures
MAX_SOURCE_CHARS = 2_000_000  # text recognised at most (≈ 1,500 pages)


@dataclass(frozen=True)
class ImportRequest:
    """A checked ImportPlan: where the text comes from, the month (None: the text's own),
    and how 备注 go in."""

    source: str  # a path, a file URL, or CLIPBOARD
    month: Optional[Month]
    notes: NotesMode
    interactive: bool


def parse_import(args: Mapping[str, object], interactive_default: bool = False) -> ImportRequest:
    """Arguments → ImportRequest, or FormError naming the argument at fault. ``Source`` is
    required unless the dialog will ask for it."""
    given = check_names(args, IMPORT_FIELDS)
    interactive = bool_value("Interactive", given.get("Interactive", interactive_default))
    try:
        source = text_value("Source", given.get("Source"), required=not interactive, limit=4000)
    except FormError as exc:
        raise source_error(exc.key, **{k: v for k, v in exc.params.items() if k != "field"}) from None
    if source and source.lower() != CLIPBOARD and not interactive:
        check_source_name(source)
    month_raw = given.get("Month")
    month = month_value("Month", month_raw) if month_raw not in (None, "") else None
    notes = choice_value("Notes", given.get("Notes", "comments"), NOTES_CHOICES, NOTES_LABELS)
    return ImportRequest(source=CLIPBOARD if source.lower() == CLIPBOARD else source, month=month,
                         notes=notes, interactive=interactive)


SOURCE_LABEL = Localized("field_import_source")  # 来源: the ledgers call their Source 汇总范围


def source_error(key: str, **params: object) -> FormError:
    """A FormError about ImportPlan's ``Source``, named as the file or text it is here."""
    return FormError("Source", key, label=SOURCE_LABEL, **params)


def check_source_name(source: str) -> None:
    """A file of a kind ImportPlan reads, or FormError(Source) listing the kinds."""
    name = source.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    if not name.endswith(TEXT_SUFFIXES + OFFICE_SUFFIXES):
        raise source_error("import_kind", name=source.rsplit("/", 1)[-1][:80])


def parse_format(args: Mapping[str, object]) -> NotesMode:
    """FormatAsPlan's one argument."""
    given = check_names(args, FORMAT_FIELDS)
    return choice_value("Notes", given.get("Notes", "comments"), NOTES_CHOICES, NOTES_LABELS)


def parse_save(args: Mapping[str, object]) -> str:
    """SavePlanTemplate's ``Name`` as given ("" = the default from the plan's title)."""
    given = check_names(args, SAVE_FIELDS)
    return text_value("Name", given.get("Name"), limit=200)


_MONTH_IN_TITLE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月份?|\d{1,2}\s*月份|\{month\}")


def default_template_name(title: str, today: date) -> str:
    """A template's name when none is given: the plan's title without its month
    (“2023年9月“三会一课”方案” → ““三会一课”方案”), or a dated name for a plan without a title."""
    name = " ".join(_MONTH_IN_TITLE.sub("", title).split()).strip("，,、 ")
    return name[:60] if name else f"方案模板（{today.year}年{today.month}月{today.day}日保存）"


def counts_sentence(counts: Counts, lang: str) -> str:
    """“4 部分，11 个标题，23 项，12 条备注（2 行按正文处理）” — what a preview and Result say."""
    sentence = text("recognised_counts", lang, {
        "parts": counts.parts, "headings": counts.headings, "items": counts.items, "notes": counts.notes})
    if counts.unread:
        sentence += text("recognised_unread", lang, {"count": counts.unread})
    return sentence


def month_or_text(request_month: Optional[Month], found: Optional[Month], today: date) -> Month:
    """The month a plan is imported for: the one asked for, else the text's own, else now."""
    return request_month or found or Month(today.year, today.month)
