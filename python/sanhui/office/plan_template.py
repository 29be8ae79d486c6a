"""``sanhui:SavePlanTemplate``: the plan the cursor is in, as the secretary edited it, stored as
one of the branch's templates; and the pack InsertPlan uses (``Template``, else the default
chosen on the 方案模板 page, else the built-in seed plan).

The plan is found by its paragraph styles (三会一课-标题 … -落款): from the cursor up to its title
(or the first paragraph that is not the plan's) and down to the next title or the first
paragraph of another style. Tables (会议要素) inside it are passed over. Comments are read as
the notes of the paragraph they sit in.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Dict, List, Optional, Tuple

from ..content.pack import ContentPack, load_pack
from ..content.plan_reader import PlanParagraph, Role, pack_from_paragraphs
from ..i18n import text
from ..odf.styles import DISPLAY_NAMES, StyleName
from ..plan_templates import check_name
from .command import Invocation, Refusal
from .placement import view_cursor
from .settings import load_default_template, template_store
from .ui import message_box

ROLES: Dict[str, Role] = {
    DISPLAY_NAMES[StyleName.TITLE]: Role.TITLE,
    DISPLAY_NAMES[StyleName.BODY]: Role.BODY,
    DISPLAY_NAMES[StyleName.NOTE]: Role.NOTE,
    DISPLAY_NAMES[StyleName.ADDRESSEE]: Role.ADDRESSEE,
    DISPLAY_NAMES[StyleName.SIGNATURE]: Role.SIGNATURE,
    **{DISPLAY_NAMES[name]: Role.HEADING for name in StyleName.HEADING},
}
HEADING_LEVELS = {DISPLAY_NAMES[name]: level for level, name in enumerate(StyleName.HEADING)}
MAX_PARAGRAPHS = 5_000


def save_plan_template(inv: Invocation) -> str:
    """Read the plan at the cursor back into a pack and store it under ``Name``."""
    from ..content.recognise import Recognised  # not on InsertPlan's path, which imports this module
    from ..forms.import_form import counts_sentence, default_template_name, parse_save

    doc = inv.document
    name = parse_save(inv.args)
    view = view_cursor(inv.frame.getController())
    paragraphs = plan_paragraphs(doc, view)
    pack = pack_from_paragraphs(paragraphs)
    if not pack.parts:
        raise Refusal("not_in_plan")
    name = check_name(name or default_template_name(pack.title, date.today()))
    template_store(inv.ctx).save(name, pack)
    counts = Recognised(pack, None, ()).counts()
    message = text("saved_template", inv.lang, {"name": name, "counts": counts_sentence(counts, inv.lang)})
    if inv.clicked:  # nothing changes in the document: a person needs to be told it worked
        message_box(inv.ctx, inv.frame, message, inv.lang, error=False)
    return message


def pack_for(inv: Invocation, name: str) -> ContentPack:
    """The pack InsertPlan writes: the template named (FormError when there is none), else the
    default template, else the built-in seed plan. A default that was deleted by hand from the
    profile falls back to the built-in plan, with a line in the log."""
    store = template_store(inv.ctx)
    if name:
        return store.load(name)
    default = load_default_template(inv.ctx)
    if default:
        path = store.find(default)  # one reading of the folder, not a second one in load()
        if path is not None:
            return load_pack(path)
        inv.log.warning("default template %r is gone; the built-in plan is used", default)
    return load_pack()


def plan_paragraphs(doc: Any, view: Any) -> List[PlanParagraph]:
    """The paragraphs of the plan the cursor is in; Refusal when the cursor is in none."""
    body = doc.getText()
    try:
        cursor = body.createTextCursorByRange(view.getStart())
    except Exception:  # not in the body text (a header, a frame, a table cell)
        raise Refusal("not_in_plan") from None
    here = _paragraph(cursor)
    if here is None or here.ParaStyleName not in ROLES:
        raise Refusal("not_in_plan")
    while here.ParaStyleName != DISPLAY_NAMES[StyleName.TITLE]:  # up to the title or the plan's start
        if not cursor.gotoPreviousParagraph(False):
            break
        above = _paragraph(cursor)
        if above is None or above.ParaStyleName not in ROLES:
            cursor.gotoNextParagraph(False)
            break
        here = above
    found: List[PlanParagraph] = []
    while True:
        para = _paragraph(cursor)
        if para is None or para.ParaStyleName not in ROLES:
            break
        if found and para.ParaStyleName == DISPLAY_NAMES[StyleName.TITLE]:
            break  # the next plan (or notice, record) starts
        found.append(_read(para))
        if len(found) > MAX_PARAGRAPHS or not cursor.gotoNextParagraph(False):
            break
    return found


def _paragraph(cursor: Any) -> Optional[Any]:
    element = cursor.createEnumeration().nextElement()
    return element if element.supportsService("com.sun.star.text.Paragraph") else None


def _read(para: Any) -> PlanParagraph:
    style = para.ParaStyleName
    role = ROLES[style]
    level = HEADING_LEVELS.get(style, 0)
    if role is Role.HEADING:
        if para.NumberingIsNumber and para.NumberingRules is not None:
            level = para.NumberingLevel  # Tab and Shift+Tab change the level, not the style
        elif not para.NumberingIsNumber:
            role = Role.BODY  # numbering switched off: a paragraph of text
    return PlanParagraph(role, para.getString(), level, tuple(paragraph_comments(para)))


def paragraph_comments(para: Any) -> List[str]:
    """The text of the comments anchored in a paragraph, in order (their 备注： as written)."""
    return [content for content, _, _ in paragraph_annotations(para)]


def paragraph_annotations(para: Any) -> List[Tuple[str, str, Optional[datetime]]]:
    """(text, author, date) of the comments anchored in a paragraph, in order; the date None when
    the comment has none."""
    found: List[Tuple[str, str, Optional[datetime]]] = []
    portions = para.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.TextPortionType == "Annotation":
            field = portion.TextField
            content = (field.Content or "").strip()
            if content:
                found.append((content, field.Author or "", _datetime(field.DateTimeValue)))
    return found


def _datetime(value: Any) -> Optional[datetime]:
    """A UNO DateTime as a datetime; None for the empty one (year 0) or one that is no date."""
    try:
        return datetime(value.Year, value.Month, value.Day, value.Hours, value.Minutes, value.Seconds)
    except (AttributeError, TypeError, ValueError):
        return None
