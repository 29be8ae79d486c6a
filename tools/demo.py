"""`make demo`: a private headless LibreOffice with the built extension installed runs the
commands the way a script would (dispatch URLs with arguments), for a sample branch profile, and
writes to out/:

  2023-09-sanhui-yike-plan.{odt,docx,pdf}   the September 2023 plan (the seed), and a PDF with
                                            the 备注 printed in the body (comments do not print)
  2023-09-general-meeting.{odt,pdf}         a 党员大会's notice, sign-in sheet and record
  2023-09-joint-minutes.{odt,docx,pdf}      joint minutes, countersigned, then verified
  2023-09-benchmark-tasks.{odt,pdf}         a benchmarking task list with one task done
  2024-annual-schedule.{odt,pdf}            the year's schedule, moved off public holidays
  2024-03-imported-notice.{odt,pdf}         another month's guidance (a 党委's notice with a 主题党日
                                            part) imported from tests/data by ImportPlan
  2023-09-formatted-plan.{odt,pdf}          the seed typed as plain paragraphs, then FormatAsPlan
  task-ledger.{odt,pdf}                     the ledger of every item in the files above
  2023-09-group-and-party-day.{odt,pdf}     the first group's 党小组会 record and the 主题党日's record
  2023-records/2023-MM-records.odt          the rest of the year's records, a document a month, as a
                                            branch keeps them — with the gaps an inspection finds:
                                            no record of October's 第二党小组 meeting or of the
                                            fourth quarter's 党课, and March's 支委会 held late
  2023-meeting-ledger.{odt,pdf}             the year's “三会一课”台账 of the records above, with its chart

Usage: python tools/demo.py [--out out]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "python")]

from devtools.office import Office  # noqa: E402
from devtools.prompts import fill_prompts  # noqa: E402
from devtools.typing_text import type_lines  # noqa: E402
from sanhui.model.profile import BranchProfile, Member, PartyGroup  # noqa: E402
from sanhui.office.settings import load_profile, save_profile  # noqa: E402

STEM = "2023-09-sanhui-yike-plan"
SAMPLES = ROOT / "tests" / "data"  # the seed and another month's guidance, as a secretary receives them
FORMATS = (("odt", "writer8"), ("docx", "MS Word 2007 XML"), ("pdf", "writer_pdf_Export"))
ODT_PDF = (FORMATS[0], FORMATS[2])

_NAMES = ("王明", "李强", "张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十", "陈一", "刘二",
          "杨三", "黄四", "何五", "高六", "林七", "罗八", "梁九", "宋十", "唐一", "许二", "韩三", "冯四")
PROFILE = BranchProfile(
    branch="机关第一党支部", secretary="王明", organizer="李强", place="三楼党员活动室",
    groups=(PartyGroup("第一党小组", "张三"), PartyGroup("第二党小组", "李四")),
    rules=(("CommitteeRule", "每月第一个星期五"),),
    members=tuple(Member(name, "第二党小组" if number % 2 else "第一党小组", probationary=number >= 22,
                         committee=number < 5) for number, name in enumerate(_NAMES)),  # 张三 in his own group
)
MEETING = {"Meeting": "general", "Date": "2023-09-25 15:00", "Place": "三楼党员活动室"}
MINUTES = {
    "BranchB": "生产一线党支部", "SecretaryB": "李强", "SecretaryA": "王明", "Theme": "科技创新",
    "Date": "2023-09-26 15:00", "Place": "三楼会议室", "Present": "王明、李强、张三、李四",
    "Leave": "王五（出差）", "Attending": "社区党委组织委员",
    "Items": (("建立联合攻关小组", "张三", "2023-10-31"), ("共享培训资源", "李四", "2023-11-30")),
}
BENCHMARK = {
    "Benchmark": "某供电公司先进党支部", "Date": "2023-09-28 09:00", "Place": "标杆单位党员活动室",
    "HostB": "标杆单位书记赵刚", "Teams": "运维组、营销组", "Checklist": ("班组建设", "安全管理"),
    "Items": (("班组建设", "积分制管理", "无量化考核", "引入积分制", "张三", "2023-10-31"),
              ("安全管理", "双人复核", "复核流于形式", "建立复核台账", "李四", "2023-11-30")),
}


def write_plan(office: Office, out: Path, stem: str, args: Dict[str, Any],
               formats: Any = FORMATS) -> List[Path]:
    """Dispatch sanhui:InsertPlan with ``args`` into a new document and save it in ``formats``."""
    doc = office.new_writer()
    try:
        state, result = office.dispatch(doc, "sanhui:InsertPlan", args)
        if state != 1:
            raise SystemExit(f"sanhui:InsertPlan failed: {result}")
        print(f"  {result}")
        return [office.store(doc, out / f"{stem}.{ext}", name) for ext, name in formats]
    finally:
        office.close(doc)


def _typed(path: Path) -> Any:
    """A step that types ``path``'s lines as plain paragraphs, as a paste from a web page makes."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lambda doc: type_lines(doc, lines)


def _run(office: Office, doc: Any, url: str, args: Dict[str, Any]) -> str:
    state, result = office.dispatch(doc, url, args)
    if state != 1:
        raise SystemExit(f"{url} failed: {result}")
    print(f"  {url}: {result}")
    return result


def _to_end(doc: Any) -> None:
    """The view cursor to the end, on a line of its own: the next command goes after what is there."""
    view = doc.getCurrentController().getViewCursor()
    view.gotoEnd(False)
    doc.getText().insertControlCharacter(view, 0, False)  # PARAGRAPH_BREAK


def write_document(office: Office, out: Path, stem: str, steps: List[Any], formats: Any = ODT_PDF) -> List[Path]:
    """A new document; each step is (url, arguments) dispatched where the cursor is, or a callable
    given the document (what a person does between commands); then saved in ``formats``."""
    doc = office.new_writer()
    try:
        for step in steps:
            if callable(step):
                office.call(step, doc)
            else:
                _run(office, doc, *step)
        return [office.store(doc, out / f"{stem}.{ext}", name) for ext, name in formats]
    finally:
        office.close(doc)


def make_demo(office: Office, out: Path) -> List[Path]:
    """The demo's documents, written with an office that has the extension installed."""
    out.mkdir(parents=True, exist_ok=True)
    written = write_plan(office, out, STEM, {"Month": "2023-09"})  # the seed as it is: no branch yet
    written += write_plan(office, out, STEM + "-notes-in-body", {"Month": "2023-09", "Notes": "body"},
                          (("pdf", "writer_pdf_Export"),))
    written += write_document(office, out, "2024-03-imported-notice", [
        ("sanhui:ImportPlan", {"Source": str(SAMPLES / "2024-03-guidance-notice.txt")})])
    written += write_document(office, out, "2023-09-formatted-plan", [
        _typed(SAMPLES / "2023-09-sanhui-yike-plan.txt"), ("sanhui:FormatAsPlan", {})])
    before = office.call(load_profile, office.ctx)
    office.call(save_profile, office.ctx, PROFILE)
    try:
        written += _meetings(office, out)
    finally:  # the office's profile as it was (the tests share one office)
        office.call(save_profile, office.ctx, before)
    return written


def _meetings(office: Office, out: Path) -> List[Path]:
    """What the sample branch writes after the plan: everything that needs its profile and roll."""
    written: List[Path] = []
    written += write_document(office, out, "2023-09-general-meeting", [
        ("sanhui:InsertNotice", dict(MEETING, Topic="学习贯彻党的二十大精神，讨论发展党员")),
        _to_end,
        ("sanhui:InsertSignIn", {"Meeting": "general", "Date": MEETING["Date"]}),
        _to_end,
        ("sanhui:InsertRecord", dict(MEETING, Expected="22", Present="20", Absent="王五（出差）；赵六（病假）")),
    ])
    written += write_document(office, out, "2023-09-joint-minutes", [
        ("sanhui:InsertMinutes", MINUTES),
        fill_prompts,  # the secretary types the discussion over the <prompts>
        _cursor_into_items,
        ("sanhui:Countersign", {"SignerA": "王明", "SignerB": "李强", "DateA": "2023-09-26", "DateB": "2023-09-26"}),
        ("sanhui:VerifyMinutes", {}),
    ], FORMATS)
    written += write_document(office, out, "2023-09-benchmark-tasks", [
        ("sanhui:InsertBenchmark", BENCHMARK),
        _cursor_into_first_task,
        ("sanhui:SetTaskStatus", {"Status": "已完成"}),
        ("sanhui:UpdateTaskSummary", {}),
    ])
    written += write_document(office, out, "2024-annual-schedule", [("sanhui:InsertAnnualPlan", {"Year": "2024"})])
    written += write_document(office, out, "2023-09-group-and-party-day", [
        ("sanhui:InsertRecord", {"Meeting": "group", "Group": "第一党小组", "Date": "2023-09-14 15:00",
                                 "Expected": "12", "Present": "11", "Absent": "孙七（出差）"}),
        _to_end,
        ("sanhui:InsertRecord", {"Meeting": "partyday", "Date": "2023-09-01 09:00", "Expected": "24",
                                 "Present": "22"}),
    ])
    written += write_year_of_records(office, out / "2023-records")
    written += write_ledger(office, out)
    written += write_meeting_ledger(office, out)
    return written


_TOPICS = ("学习贯彻党的二十大精神", "开展主题教育动员部署", "学习《中国共产党章程》", "研究春季安全生产工作",
           "学习习近平总书记重要讲话精神", "开展“七一”主题党日活动", "研究上半年党建工作总结", "学习主题教育读本",
           "研究发展党员工作", "开展调查研究成果交流", "学习党纪党规", "研究年度组织生活会筹备")


# The branch's rule day for its 支委会 in 2023 (每月第一个星期五; October's moved off the National Day
# holiday); 党小组会 a week after it, 主题党日 two weeks after.
_RULE_DAYS = (date(2023, 1, 6), date(2023, 2, 3), date(2023, 3, 3), date(2023, 4, 7), date(2023, 5, 5),
              date(2023, 6, 2), date(2023, 7, 7), date(2023, 8, 4), date(2023, 9, 1), date(2023, 10, 9),
              date(2023, 11, 3), date(2023, 12, 1))
_QUARTER_ENDS = {3: (date(2023, 3, 24), date(2023, 3, 28)), 6: (date(2023, 6, 21), date(2023, 6, 28)),
                 9: (None, date(2023, 9, 27)), 12: (date(2023, 12, 22), None)}  # (党员大会, 党课)


def year_of_records(month: int) -> List[Dict[str, Any]]:
    """InsertRecord's arguments for the records a month of 2023 adds to the folder: 支委会, both
    党小组会 and 主题党日 every month, 党员大会 and 党课 each quarter, each with its absentees named
    from the roll. September's 党员大会, first 党小组会 and 主题党日 are in the documents above;
    October's 第二党小组 meeting and the fourth quarter's 党课 were not held; March's 支委会 met
    on the 20th, late against the rule day."""
    topic = _TOPICS[month - 1]
    rule_day = _RULE_DAYS[month - 1]
    held = date(2023, 3, 20) if month == 3 else rule_day
    committee = [m.name for m in PROFILE.members if m.committee]
    full = [m.name for m in PROFILE.members if not m.probationary]
    everyone = [m.name for m in PROFILE.members]
    records = [_record("committee", held, 15, committee, month % 4 == 0, month, topic)]
    for group in PROFILE.groups:
        if (month, group.name) not in ((9, "第一党小组"), (10, "第二党小组")):
            names = sorted((m.name for m in PROFILE.members if m.group == group.name), key=lambda n: n != group.leader)
            records.append(dict(_record("group", rule_day + timedelta(days=7), 15, names, month % 3, month, topic),
                                Group=group.name))
    if month != 9:
        records.append(_record("partyday", rule_day + timedelta(days=14), 9, everyone, month % 4, month, topic))
    general, lecture = _QUARTER_ENDS.get(month, (None, None))
    if general is not None:
        records.append(_record("general", general, 15, full, 1, month, topic))
    if lecture is not None:
        records.append(_record("lecture", lecture, 15, everyone, 2, month, f"书记讲党课：{topic}"))
    return records


_REASONS = ("出差", "病假", "事假", "培训")


def _record(meeting: str, day: date, hour: int, names: List[str], missing: int, month: int, topic: str
            ) -> Dict[str, Any]:
    """One record's arguments: ``missing`` of ``names`` absent (never the first, who chairs or
    leads), chosen by the month so that absences spread over the roll, each with a reason."""
    absent = [names[1 + (month * 7 + i * 5) % (len(names) - 1)] for i in range(missing)]
    absent = list(dict.fromkeys(absent))
    return {"Meeting": meeting, "Date": f"{day} {hour:02d}:00", "Expected": str(len(names)),
            "Present": str(len(names) - len(absent)), "Topic": topic,
            "Absent": "；".join(f"{name}（{_REASONS[(month + i) % len(_REASONS)]}）" for i, name in enumerate(absent))}


def write_year_of_records(office: Office, folder: Path) -> List[Path]:
    """A document a month in ``folder``, each the month's records one after another (InsertRecord,
    then the cursor to the end), saved as .odt: what MeetingLedger reads with the files above."""
    written: List[Path] = []
    for month in range(1, 13):
        steps: List[Any] = []
        for args in year_of_records(month):
            steps += [("sanhui:InsertRecord", args), _to_end]
        written += write_document(office, folder, f"2023-{month:02d}-records", steps[:-1], (FORMATS[0],))
    return written


def _cursor_into_items(doc: Any) -> None:
    """Commands on minutes look for them at the cursor: into the first agreed item."""
    tables = doc.getTextTables()
    name = next(n for n in tables.getElementNames() if n.startswith("联建事项"))
    doc.getCurrentController().getViewCursor().gotoRange(tables.getByName(name).getCellByName("B2").getStart(), False)


def _cursor_into_first_task(doc: Any) -> None:
    table = doc.getTextTables().getByIndex(doc.getTextTables().getCount() - 1)
    doc.getCurrentController().getViewCursor().gotoRange(table.getCellByName("B2").getStart(), False)


def write_ledger(office: Office, out: Path) -> List[Path]:
    """sanhui:TaskLedger over out/ opens the ledger as a new document; saved as task-ledger."""
    return write_opened(office, out, "task-ledger", ("sanhui:TaskLedger", {"Source": out.resolve().as_uri()}),
                        _is_ledger)


def write_meeting_ledger(office: Office, out: Path) -> List[Path]:
    """sanhui:MeetingLedger over out/ for 2023 opens the 台账 as a new document; saved as 2023-meeting-ledger."""
    return write_opened(office, out, "2023-meeting-ledger",
                        ("sanhui:MeetingLedger", {"Source": out.resolve().as_uri(), "Year": "2023"}),
                        _is_meeting_ledger)


def write_opened(office: Office, out: Path, stem: str, step: Any, is_it: Callable[[Any], bool]) -> List[Path]:
    """Dispatch ``step`` (url, arguments) from a new document; the document it opens (the one
    ``is_it`` knows) is saved as ``stem`` in .odt and .pdf and closed, and so is the new one."""
    doc = office.new_writer()
    try:
        _run(office, doc, *step)
        opened = next(d for d in office.documents() if office.call(is_it, d))
        try:
            return [office.store(opened, out / f"{stem}.{ext}", name) for ext, name in ODT_PDF]
        finally:
            office.close(opened)
    finally:
        office.close(doc)


def _is_meeting_ledger(doc: Any) -> bool:
    """The 台账 opened by MeetingLedger: its title, the first paragraph, names it."""
    if not doc.supportsService("com.sun.star.text.TextDocument"):
        return False
    first = doc.getText().createEnumeration().nextElement()
    return first.supportsService("com.sun.star.text.Paragraph") and first.getString().endswith("“三会一课”台账")


def _is_ledger(doc: Any) -> bool:
    return bool(doc.supportsService("com.sun.star.text.TextDocument") and doc.getTextTables().hasByName("任务台账"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    args = parser.parse_args()
    profile = Path(tempfile.mkdtemp(prefix="sanhui-demo-"))
    try:
        with Office(profile / "profile") as office:
            print("LibreOffice started; installing build/sanhui.oxt")
            office.install_extension(ROOT / "build" / "sanhui.oxt")
            print("the commands, dispatched as a script would:")
            for path in make_demo(office, args.out):
                print(f"  wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                      f" ({path.stat().st_size // 1024} KiB)")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
