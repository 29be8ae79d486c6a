"""Every writer, from its form to its bytes, under hostile text: XML-special characters, control
characters XML 1.0 cannot carry, lone surrogates, right-to-left text, emoji, 10,000-character
fields, many rows. Each input is either refused with a FormError naming a field that was given,
or rendered into a document valid against the ODF 1.3 schema in which every accepted value reads
back as it was accepted (the forms trim; nothing else may change).

Writers without a form of their own (ledger, review: their items come out of documents) must
give a valid document for any text, keeping what XML can carry.

Examples per test: the hypothesis profile of tests/unit/conftest.py (``sanhui``; the larger
``sanhui-long`` with ``SANHUI_HYPOTHESIS=sanhui-long``).
"""

from __future__ import annotations

import functools
import io
import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from sanhui.content.pack import load_pack
from sanhui.content.plan_builder import build_plan
from sanhui.dates import Month
from sanhui.forms.annual_form import parse_annual
from sanhui.forms.benchmark_form import parse_benchmark
from sanhui.forms.errors import FormError
from sanhui.forms.minutes_form import parse_minutes
from sanhui.forms.plan_form import parse_plan
from sanhui.forms.profile_form import parse_profile
from sanhui.forms.record_form import agenda, outline_of, parse_notice, parse_record, parse_sign_in
from sanhui.model.ledger import KIND_BENCHMARK, KIND_MINUTES, LedgerItem
from sanhui.model.record import Record
from sanhui.odf.annual_writer import render_annual
from sanhui.odf.benchmark_writer import render_benchmark
from sanhui.odf.ledger_reader import _odt_tables, only_tables, read_items
from sanhui.odf.ledger_writer import render_ledger
from sanhui.odf.minutes_writer import render_minutes
from sanhui.odf.record_writer import render_notice, render_record, render_sign_in
from sanhui.odf.render import render_plan
from sanhui.odf.review_writer import render_review
from sanhui.odf.xml import parse, xml_safe
from sanhui.schedule import schedule
from tests.odf_schema import DOCUMENT_SCHEMA, odt_errors, schema_errors
from tests.support import report
from tests.unit.odf_reading import paragraph_text, q

TODAY = date(2023, 9, 1)
STAMP = datetime(2023, 9, 1, 9, 0)

# -- hostile text ---------------------------------------------------------------------------------

SAMPLES = (
    "<&>\"'", "]]>", "&amp;&#0;", "<text:p>", "\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x85", "\ud800", "\udfff",
    "a\udc00b", "\ufffe", "\uffff", "مرحبا بالعالم", "שלום עולם", "\u202eتحذير\u202c", "\u200f\u200e", "👩‍👩‍👧",
    "🇨🇳🎉", "𠀀𪚥", "  两个空格  ", "a  b   c", "\t", "\n", "\r\n", "\u00a0", "\u200b", "\u3000全角空格\u3000",
    "张三（出差）；李四（病假）", "第一党小组 张三", "2023-09-25 15:00",
)
ANY_CHAR = st.characters(exclude_categories=())  # every code point, lone surrogates too
# What a form accepts: no C0/C1 controls, surrogates or non-characters (XML-special, RTL, emoji
# and every other script are in). A test has up to ten fields, so most values are of this kind
# and one in ten is hostile: otherwise nearly every example would be refused by some field.
KEPT_CHAR = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufffe\uffff")
KEPT = st.one_of(st.text(KEPT_CHAR, max_size=30), st.sampled_from(SAMPLES[:4] + SAMPLES[15:22] + SAMPLES[26:]))
HOSTILE = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(SAMPLES),
    st.lists(st.one_of(st.text(ANY_CHAR, max_size=10), st.sampled_from(SAMPLES)), max_size=4).map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from(["字", "a", "<", "😀", "\u05d0", " x"]),
              st.sampled_from([99, 100, 101, 2000, 2001, 10000])),
)
TEXT = st.integers(0, 9).flatmap(lambda k: HOSTILE if k == 0 else KEPT)
ROWS_OF = lambda width, most=4: st.lists(st.tuples(*([TEXT] * width)), max_size=most)  # noqa: E731


def _inputs(**values: Any) -> Dict[str, Any]:
    report.count("inputs")
    return values


# -- reading back ---------------------------------------------------------------------------------

def _content(data: bytes) -> Any:
    import zipfile

    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("content.xml"))


def shown(data: bytes) -> str:
    """Every paragraph's characters (body, tables, comments), one per line."""
    return "\n".join(paragraph_text(p) for p in _content(data).iter(q("text:p"), q("text:h")))


@functools.lru_cache(maxsize=32)
def _styles_errors(styles: bytes) -> Tuple[str, ...]:
    """styles.xml is the same for every example of a writer: validate each distinct one once."""
    return tuple(schema_errors(DOCUMENT_SCHEMA, "styles.xml", styles))


def odt_errors_fast(data: bytes) -> List[str]:
    """tests/odf_schema.odt_errors, with styles.xml validated once per distinct content."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        styles = zf.read("styles.xml")
        stripped = io.BytesIO()
        with zipfile.ZipFile(stripped, "w") as out:
            for info in zf.infolist():
                body = zf.read(info.filename)
                out.writestr(info, b'<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
                                   b'office:1.0" office:version="1.3"/>' if info.filename == "styles.xml" else body)
    return [*odt_errors(stripped.getvalue()), *_styles_errors(styles)]


def assert_written(data: bytes, values: Iterable[str]) -> None:
    errors = odt_errors_fast(data)
    assert not errors, "invalid ODT:\n  " + "\n  ".join(errors[:10])
    text = shown(data)
    for value in values:
        value = value.replace("\r\n", "\n").replace("\r", "\n")  # every line end is a line break (odf/text.py)
        assert value in text, f"{value[:60]!r} not in the document"


def assert_names_a_given_field(exc: FormError, given: Mapping[str, Any]) -> None:
    assert exc.field in given, f"{exc.field} was not given: {exc.message('zh')}"
    message = exc.message("zh")
    assert message and not re.search(r"\{[a-z_]+\}", message), message  # every placeholder filled
    assert exc.message("en")


# -- the writers ----------------------------------------------------------------------------------

@given(branch=TEXT, place=TEXT, host=TEXT, recorder=TEXT, absent=TEXT, attendees=TEXT, topic=TEXT,
       notes=st.sampled_from(["comments", "body", "none"]))
@example(branch="{", place="", host="", recorder="", absent="", attendees="", topic="", notes="comments")
def test_plan(branch: str, place: str, host: str, recorder: str, absent: str, attendees: str, topic: str,
              notes: str) -> None:
    args = _inputs(Branch=branch, Meeting="general", Month="2023-09", Notes=notes, Place=place, Host=host,
                   Recorder=recorder, Absent=absent, Attendees=attendees, Topic=topic)
    try:
        request = parse_plan(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, args)
        return
    plan = build_plan(load_pack(), request.meeting, request.month.format(), request.branch, request.notes,
                      request.details)
    d = request.details
    assert_written(render_plan(plan), [d.place, d.host, d.recorder, d.attendees, d.topic,
                                       *(a.name for a in d.absent), *(a.reason for a in d.absent)])
    assert_written(render_plan(build_plan(load_pack(), None, "2023年9月", request.branch)),
                   [f"{request.branch}2023年9月“三会一课”方案"])


@given(branch_a=TEXT, secretary_a=TEXT, branch_b=TEXT, secretary_b=TEXT, theme=TEXT, place=TEXT, present=TEXT,
       leave=TEXT, attending=TEXT, rows=ROWS_OF(2))
@example(branch_a="", secretary_a="", branch_b="", secretary_b="", theme="", place="", present="", leave="",
         attending="0\r0", rows=[])  # a lone CR is a line break in the document, as \n is (found by make bench)
def test_minutes(branch_a: str, secretary_a: str, branch_b: str, secretary_b: str, theme: str, place: str,
                 present: str, leave: str, attending: str, rows: List[Any]) -> None:
    args = _inputs(BranchA=branch_a, SecretaryA=secretary_a, BranchB=branch_b, SecretaryB=secretary_b,
                   Theme=theme, Place=place, Present=present, Leave=leave, Attending=attending,
                   Items=tuple((text, owner, "2030-01-31") for text, owner in rows))
    try:
        minutes = parse_minutes(args, TODAY).minutes
    except FormError as exc:
        assert_names_a_given_field(exc, args)
        return
    data = render_minutes(minutes, "t0", STAMP)
    assert_written(data, [minutes.branch_a, minutes.branch_b, minutes.secretary_a, minutes.secretary_b,
                          minutes.theme, minutes.place, *minutes.present, *minutes.leave, *minutes.attending,
                          *(i.text for i in minutes.items), *(i.owner for i in minutes.items)])
    _ledger_reads_back(data, [(i.text, i.owner) for i in minutes.items])


@given(unit=TEXT, theme=TEXT, place=TEXT, host_a=TEXT, host_b=TEXT, teams=TEXT,
       checklist=st.one_of(TEXT, st.lists(TEXT, max_size=3).map(tuple)), rows=ROWS_OF(5), pasted=st.booleans())
def test_benchmark(unit: str, theme: str, place: str, host_a: str, host_b: str, teams: str, checklist: Any,
                   rows: List[Any], pasted: bool) -> None:
    items: Any = tuple((*row, "2030-01-31") for row in rows)
    if pasted:  # as copied from a spreadsheet
        items = "\n".join("\t".join(row) for row in items)
    args = _inputs(Benchmark=unit, Theme=theme, Place=place, HostA=host_a, HostB=host_b, Teams=teams,
                   Checklist=checklist, Items=items)
    try:
        bench, _ = parse_benchmark(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, args)
        return
    data = render_benchmark(bench, "t0")
    assert_written(data, [bench.unit, bench.theme, bench.place, *bench.hosts, *bench.groups, *bench.checklist,
                          *(v for t in bench.tasks for v in (t.item, t.practice, t.gap, t.measure, t.owner))])
    _ledger_reads_back(data, [(t.item, t.owner) for t in bench.tasks])


def _ledger_reads_back(data: bytes, expected: Sequence[Any], exactly: bool = False) -> None:
    """What the task ledger reads out of the document is what was written (with ``exactly``
    False: up to runs of white space, see test_the_ledger_reads_back_spaces_as_written)."""
    import tempfile

    def same(value: str) -> str:
        return value if exactly else " ".join(value.split())

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.odt"
        path.write_bytes(data)
        items = read_items(path, TODAY)
    assert [(same(i.item), same(i.owner)) for i in items] == [tuple(same(v) for v in row) for row in expected]
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")  # tables cut out read as the whole part
    cut = only_tables(content)
    assert cut is None or list(_odt_tables(parse(cut))) == list(_odt_tables(parse(content)))


@example(rows=[("甲  乙", "张三")])
@given(rows=ROWS_OF(2))
def test_the_ledger_reads_back_spaces_as_written(rows: List[Any]) -> None:
    args = _inputs(BranchA="甲", BranchB="乙", Items=tuple((text, owner, "2030-01-31") for text, owner in rows))
    try:
        minutes = parse_minutes(args, TODAY).minutes
    except FormError:
        return
    _ledger_reads_back(render_minutes(minutes, "t0", STAMP), [(i.text, i.owner) for i in minutes.items], True)


@given(meeting=st.sampled_from(["committee", "general", "group", "lecture", "党课"]), topic=TEXT, to=TEXT,
       place=TEXT, issuer=TEXT)
def test_notice(meeting: str, topic: str, to: str, place: str, issuer: str) -> None:
    args = _inputs(Meeting=meeting, Topic=topic, To=to, Place=place, Issuer=issuer)
    try:
        notice = parse_notice(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, args)
        return
    assert_written(render_notice(notice), [notice.topic, notice.to, notice.place, notice.issuer])


@given(branch=TEXT, group=TEXT, members=st.lists(TEXT, max_size=6).map(tuple))
def test_sign_in(branch: str, group: str, members: Any) -> None:
    args = _inputs(Meeting="group", Group=group, Members=members)
    try:
        profile = parse_profile({"Branch": branch})
        meeting, when, group_name, chosen = parse_sign_in(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, dict(args, Branch=branch))
        return
    title = f"{profile.branch}{group_name}{meeting.label}签到表"  # as InsertSignIn makes it
    assert_written(render_sign_in(meeting, title, when, chosen), [title, *(m.name for m in chosen)])


@given(branch=TEXT, place=TEXT, host=TEXT, recorder=TEXT, absent=TEXT, attendees=TEXT, topic=TEXT,
       meeting=st.sampled_from(["committee", "general", "group", "lecture"]))
def test_record(branch: str, place: str, host: str, recorder: str, absent: str, attendees: str, topic: str,
                meeting: str) -> None:
    args = _inputs(Meeting=meeting, Place=place, Host=host, Recorder=recorder, Absent=absent, Attendees=attendees,
                   Topic=topic, Expected="30", Present="20")
    try:
        profile = parse_profile({"Branch": branch})
        chosen, details = parse_record(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, dict(args, Branch=branch))
        return
    record = Record(chosen, profile.branch, details, tuple(agenda(outline_of(load_pack().part(chosen).entry))))
    assert_written(render_record(record, "t0"), [record.title(), details.place, details.host, details.recorder,
                                                 details.attendees, details.topic, *record.agenda])


RULE = st.one_of(TEXT, st.sampled_from(["每月第一个星期一", "每季度末月第二个星期三", "每月15日", "每月最后一个星期五",
                                        "每 月 第 二 个 星 期 四", "每月32日", "每季度首月廿日"]))


@given(branch=TEXT, year=st.one_of(st.integers(1900, 2200).map(str), TEXT), committee=RULE, general=RULE,
       party_day=RULE)
def test_annual(branch: str, year: str, committee: str, general: str, party_day: str) -> None:
    args = _inputs(Year=year, CommitteeRule=committee, GeneralRule=general, PartyDayRule=party_day)
    try:
        profile = parse_profile({"Branch": branch})
        request = parse_annual(args, TODAY)
    except FormError as exc:
        assert_names_a_given_field(exc, dict(args, Branch=branch))
        return
    meetings, known = schedule(request.rules, request.year)
    data = render_annual(request.year, request.rules, meetings, known, profile.branch)
    assert_written(data, [f"{profile.branch}{request.year}年“三会一课”年度安排",
                          *(rule.text for rule in request.rules.values())])


def _as_shown(value: str) -> str:
    """Text with no form in front: what XML cannot carry is dropped, line ends become line breaks."""
    return xml_safe(value).replace("\r\n", "\n").replace("\r", "\n")


LEDGER_ITEM = st.builds(
    LedgerItem, source=TEXT, kind=st.sampled_from([KIND_MINUTES, KIND_BENCHMARK]), number=TEXT, item=TEXT,
    owner=TEXT, deadline_text=TEXT, deadline=st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2040, 1, 1))),
    status=st.one_of(TEXT, st.sampled_from(["未启动", "进行中", "已完成", "已销号", "已办结"])))


@given(items=st.lists(LEDGER_ITEM, max_size=5), scope=TEXT, problems=st.lists(TEXT, max_size=3))
def test_ledger(items: List[LedgerItem], scope: str, problems: List[str]) -> None:
    _inputs()
    data = render_ledger(items, TODAY, scope, problems)
    assert_written(data, [_as_shown(v) for i in items for v in (i.source, i.item, i.owner, i.deadline_text)]
                   + [_as_shown(scope), *(_as_shown(p) for p in problems)])


@given(items=st.lists(LEDGER_ITEM, max_size=5), month=st.builds(Month, st.integers(2000, 2040), st.integers(1, 12)))
def test_review(items: List[LedgerItem], month: Month) -> None:
    _inputs()
    data = render_review(items, month, TODAY, "t0")
    assert_written(data, [_as_shown(v) for i in items for v in (i.source, i.item, i.owner)])


# -- 2,000 rows, once each (hypothesis would spend its time making the lists) -----------------------

# lxml's RelaxNG takes superlinear time over a table's rows (measured: 500 rows 0.2 s, 1,000 1.4 s,
# 2,000 11 s per document). Every row is made by the same code, so the default run validates the
# document with its tables cut to their first 500 rows, and reads all 2,000 back; the long
# profile validates all of them.
LONG = os.environ.get("SANHUI_HYPOTHESIS") == "sanhui-long"


def _first_rows(data: bytes, keep: int) -> bytes:
    """The package with every table cut to its first ``keep`` rows (the rest of it unchanged)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zipfile.ZipFile(out, "w") as target:
        for info in zf.infolist():
            body = zf.read(info.filename)
            if info.filename == "content.xml":
                root = etree.fromstring(body)
                for table in root.iter(q("table:table")):
                    for row in table.findall(q("table:table-row"))[keep:]:
                        table.remove(row)
                body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            target.writestr(info, body)
    return out.getvalue()


HOSTILE_ROW_TEXT = "<&>“引号”\u202eعربي\u202c👩‍👩‍👧𠀀  两个空格"


@pytest.mark.parametrize("writer", ["minutes", "benchmark", "sign-in", "ledger", "review"])
def test_two_thousand_rows(writer: str) -> None:
    report.count("inputs")
    n = 2000
    names = [f"{HOSTILE_ROW_TEXT}{k}" for k in range(n)]
    if writer == "minutes":
        minutes = parse_minutes({"BranchA": "甲", "BranchB": "乙", "Items": tuple((t, "张三", "2030-01-31")
                                                                              for t in names)}, TODAY).minutes
        data = render_minutes(minutes, "t0", STAMP)
    elif writer == "benchmark":
        bench, _ = parse_benchmark({"Items": tuple((t, "做法", "差距", "措施", "张三", "2030-01-31") for t in names)},
                                   TODAY)
        data = render_benchmark(bench, "t0")
    elif writer == "sign-in":
        meeting, when, _, chosen = parse_sign_in({"Members": tuple(names)}, TODAY)
        data = render_sign_in(meeting, "签到表", when, chosen)
    else:
        items = [LedgerItem("来源", KIND_MINUTES, str(k), t, "张三", "2023年1月1日", date(2023, 1, 1), "")
                 for k, t in enumerate(names)]
        data = render_ledger(items, TODAY, "范围") if writer == "ledger" else render_review(items, Month(2023, 9),
                                                                                         TODAY, "t0")
    assert_written(_first_rows(data, n if LONG else 500), [])
    text = set(shown(data).split("\n"))
    assert all(name in text for name in names)


# --- the ledger's cut of content.xml, on parts spliced with what could fool it -------------------
# only_tables() cuts tables out by their bytes when that is sure to read as parsing the whole part.
# Splice markup that could make a byte-level cut go wrong into a real minutes' content.xml, before
# a tag (or as an attribute into one): the cut must never fail, and whenever the whole part is
# well-formed — most splices keep it so — the two must read the same rows.

_FAKE = ("<table:table><table:table-row><table:table-cell><text:p>序号</text:p></table:table-cell>"
         "<table:table-cell><text:p>事项</text:p></table:table-cell></table:table-row></table:table>")
_MARKUP = ["<!-- " + _FAKE + " -->", "<!-- x -->", "<![CDATA[" + _FAKE + "]]>", "<?pi " + _FAKE + "?>", _FAKE,
           "<table:table/>", "&#24207;", "&#x5E8F;号", "序", "&gt;", "'", '"', "xmlns:table", "\n", "\t",
           '<text:p xmlns:text="urn:x">x</text:p>', "<table:table\n></table:table >",
           '<t:table xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"/>', '<text:p a="/>"/>', "<text:p/>"]
_ATTRIBUTES = [' text:style-name="x/>"', ' xmlns:x="urn:x"', ' xmlns:text="urn:x"', ' xmlns:table="urn:x"',
               " a='&gt;'", ' b="x>y"', ' xmlns="urn:x"',
               ' xmlns:t="urn:oasis:names:tc:opendocument:xmlns:&#116;able:1.0"',
               ' xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"']


@functools.lru_cache(maxsize=1)
def _minutes_content() -> bytes:
    rows = (("建立联合攻关小组", "张三", "2023-10-31"), ("共享培训资源", "李四", "2023-12-31"))
    minutes = parse_minutes(_inputs(BranchA="甲", BranchB="乙", Items=rows), TODAY).minutes
    data: bytes = zipfile.ZipFile(io.BytesIO(render_minutes(minutes, "t0", STAMP))).read("content.xml")
    return data


_SPLICE = st.tuples(st.floats(0, 1), st.booleans(), st.sampled_from(_MARKUP), st.sampled_from(_ATTRIBUTES))


@given(splices=st.lists(_SPLICE, min_size=1, max_size=4))
def test_the_ledgers_cut_reads_as_the_whole_part_or_steps_aside(splices: List[Tuple[float, bool, str, str]]) -> None:
    data = _minutes_content()
    for where, as_attribute, markup, attribute in splices:
        tags = [m.start() for m in re.finditer(rb"<(?![/?!])", data)]  # start tags; the first is the root's
        at = tags[int(where * (len(tags) - 1))]
        if as_attribute:
            at = re.compile(rb"[\s/>]").search(data, at).end() - 1  # type: ignore[union-attr]
            data = data[:at] + attribute.encode() + data[at:]
        elif at > tags[0]:
            data = data[:at] + markup.encode() + data[at:]
    cut = only_tables(data)  # never raises
    try:
        whole = list(_odt_tables(parse(data)))
    except Exception:  # not well-formed: the cut may still read its tables (see only_tables)
        return
    if cut is not None:
        assert list(_odt_tables(parse(cut))) == whole
