"""``sanhui:MeetingLedger``: the year's “三会一课”台账 from a folder of meeting records, plans,
notices and sign-in sheets (.odt/.docx, subfolders too), opened as a new document — the same
reader, rules and writer as ``sanhui meetings DIR --format odt``. The current document is only
read from (its folder is the default Source), never changed.

Arguments: ``Source`` (a folder path or file URL; "document" or none: the current document's
folder), ``Year`` (default this year), ``Interactive`` (the TaskLedger dialog with the year, and
a progress window with 取消 while the folder is read).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Optional, Tuple

import uno

from ..forms.arguments import check_names
from ..forms.errors import FormError
from ..forms.fields import bool_value, int_value, text_value
from ..i18n import text
from ..meeting_rules import build_ledger
from ..model.meeting_ledger import NO_QUORUM, MeetingFact, MeetingLedger
from ..odf.meeting_ledger_writer import render_meeting_ledger
from ..odf.meeting_reader import read_one
from .command import Invocation
from .ledger_command import folder_path, open_new
from .progress import read_folder
from .settings import load_profile

FIELDS = ("Source", "Year", "Interactive")
DOCUMENT = "document"  # the current document's folder, as the dialog's first option says
FIRST_YEAR, LAST_YEAR = 2000, 2100


def year_value(given: Mapping[str, object], today: date) -> int:
    """The ledger's year: ``Year`` as given (2024, "2024", "2024年"), else this year."""
    raw = given.get("Year")
    if isinstance(raw, str):
        raw = raw.strip().rstrip("年").strip()
    return int_value("Year", raw, FIRST_YEAR, LAST_YEAR) or today.year


def _document_folder(inv: Invocation) -> Path:
    """The folder the current document was saved in; an untitled document has none."""
    url = inv.document.getURL() if inv.document is not None else ""
    if not url.startswith("file:"):
        raise FormError("Source", "meeting_ledger_no_document_folder")
    return Path(uno.fileUrlToSystemPath(url)).parent


def source_folder(inv: Invocation, given: Mapping[str, object]) -> Path:
    """The folder to read: Source as given (checked to be a folder), or the current document's."""
    source = text_value("Source", given.get("Source"), limit=2000) or DOCUMENT
    return _document_folder(inv) if source == DOCUMENT else folder_path(source)


def _check(inv: Invocation, today: date) -> Callable[[Mapping[str, object]], object]:
    """What the dialog's 确定 checks: the command's own parsing of its arguments."""
    return lambda values: (year_value(values, today), source_folder(inv, values))


def _ask(inv: Invocation, given: Dict[str, object], today: date) -> Optional[Dict[str, object]]:
    from .ledger_dialog import LedgerDialog  # only a click needs the dialog's code

    shown = dict(given)
    shown.setdefault("Year", str(today.year))
    check = _check(inv, today)
    return LedgerDialog(inv.ctx, inv.frame, inv.lang, shown, False, check, meetings=True).run()


def read_meetings(inv: Invocation, folder: Path, year: int, interactive: bool
                  ) -> Optional[Tuple[List[MeetingFact], List[str], List[Tuple[str, str]]]]:
    """(facts, files read, (file, why) per file that could not be read), names relative to the
    folder; None when the person cancelled. A date written without its year is taken nearest to
    the middle of the ledger's year."""
    around = date(year, 7, 1)

    def read(path: Path) -> Tuple[Optional[List[MeetingFact]], str]:
        return read_one(path, around, path.relative_to(folder).as_posix())[1:]

    title = text("meeting_ledger_progress_title", inv.lang)
    done = read_folder(inv, folder, read, interactive, "meeting_ledger_progress", title)
    if done is None:
        return None
    facts, bad, files = done
    return (facts, [f.relative_to(folder).as_posix() for f in files],
            [(path.relative_to(folder).as_posix(), why) for path, why in bad])


def meeting_ledger(inv: Invocation) -> str:
    """Open the year's ledger as a new, untitled document; say what it found."""
    given = {k: v for k, v in check_names(inv.args, FIELDS).items() if k != "Interactive"}
    interactive = inv.clicked or bool_value("Interactive", inv.args.get("Interactive", False))
    today = date.today()
    if interactive:
        asked = _ask(inv, given, today)
        if asked is None:
            return text("cancelled", inv.lang)
        given = asked
    year = year_value(given, today)
    folder = source_folder(inv, given)
    read = read_meetings(inv, folder, year, interactive)
    if read is None:
        return text("cancelled_reading", inv.lang)
    facts, files, unreadable = read
    ledger = build_ledger(facts, load_profile(inv.ctx), year, today, files, unreadable)
    open_new(inv, render_meeting_ledger(ledger, str(folder)), "meeting_ledger_open_failed")
    return done_message(ledger, inv.lang)


def done_message(ledger: MeetingLedger, lang: str) -> str:
    """“已生成2024年“三会一课”台账：已召开会议 54 次，发现缺漏或逾期 3 处，未达法定人数 1 次。”"""
    inquorate = sum(1 for f in ledger.findings if f.problem == NO_QUORUM)
    message = text("meeting_ledger_done", lang, {"year": ledger.year, "held": len(ledger.meetings),
                                           "gaps": len(ledger.findings) - inquorate, "inquorate": inquorate})
    if ledger.unreadable:
        message += text("meeting_ledger_bad_files", lang, {"count": len(ledger.unreadable)})
    return message
