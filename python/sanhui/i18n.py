"""Every string a person reads, in Chinese first and English second.

Kept in one pure module so forms (validation messages), the office layer (message boxes,
undo titles) and the command line share them, and a test can check both languages are
complete. ``lang`` is ``"zh"`` or ``"en"``: LibreOffice's UI language decides which.
"""

from __future__ import annotations

from typing import Dict, Mapping

LANGS = ("zh", "en")

FIELD_LABELS: Dict[str, Dict[str, str]] = {
    "Meeting": {"zh": "会议类型", "en": "Meeting"},
    "Month": {"zh": "月份", "en": "Month"},
    "Branch": {"zh": "支部名称", "en": "Branch"},
    "Notes": {"zh": "备注方式", "en": "Notes"},
    "Date": {"zh": "会议时间", "en": "Date"},
    "Place": {"zh": "地点", "en": "Place"},
    "Host": {"zh": "主持人", "en": "Host"},
    "Recorder": {"zh": "记录人", "en": "Recorder"},
    "Expected": {"zh": "应到人数", "en": "Expected"},
    "Present": {"zh": "实到人数", "en": "Present"},
    "Absent": {"zh": "缺席人员及原因", "en": "Absent"},
    "Attendees": {"zh": "列席人员", "en": "Attendees"},
    "Topic": {"zh": "会议主题", "en": "Topic"},
    "Interactive": {"zh": "交互方式", "en": "Interactive"},
    "BranchA": {"zh": "本支部名称", "en": "Branch A"},
    "SecretaryA": {"zh": "本支部书记", "en": "Secretary A"},
    "BranchB": {"zh": "联建支部名称", "en": "Branch B"},
    "SecretaryB": {"zh": "联建支部书记", "en": "Secretary B"},
    "Theme": {"zh": "联建主题", "en": "Theme"},
    "Leave": {"zh": "请假人员", "en": "On leave"},
    "Attending": {"zh": "列席人员", "en": "Attending"},
    "Items": {"zh": "会议议定事项", "en": "Items"},
    "Item": {"zh": "事项", "en": "Item"},
    "Benchmark": {"zh": "标杆单位", "en": "Benchmark unit"},
    "HostA": {"zh": "本支部书记", "en": "Host A"},
    "HostB": {"zh": "标杆单位书记", "en": "Host B"},
    "Teams": {"zh": "分组", "en": "Teams"},
    "Checklist": {"zh": "对标事项清单", "en": "Checklist"},
    "Practice": {"zh": "标杆做法/经验", "en": "Practice"},
    "Gap": {"zh": "我方差距", "en": "Gap"},
    "Measure": {"zh": "提升措施", "en": "Measure"},
    "Status": {"zh": "完成情况", "en": "Status"},
    "Source": {"zh": "汇总范围", "en": "Source"},
    "To": {"zh": "主送", "en": "To"},
    "Issuer": {"zh": "发文单位", "en": "Issuer"},
    "Group": {"zh": "党小组", "en": "Group"},
    "Members": {"zh": "参会人员名单", "en": "Members"},
    "Year": {"zh": "年度", "en": "Year"},
    "CommitteeRule": {"zh": "支委会安排规则", "en": "Committee rule"},
    "GeneralRule": {"zh": "党员大会安排规则", "en": "General meeting rule"},
    "GroupRule": {"zh": "党小组会安排规则", "en": "Party group rule"},
    "LectureRule": {"zh": "党课安排规则", "en": "Lecture rule"},
    "PartyDayRule": {"zh": "主题党日安排规则", "en": "Theme party day rule"},
    "Owner": {"zh": "责任人", "en": "Owner"},
    "Deadline": {"zh": "完成时限", "en": "Deadline"},
    "SignerA": {"zh": "本支部书记签名", "en": "Signer A"},
    "SignerB": {"zh": "联建支部书记签名", "en": "Signer B"},
    "DateA": {"zh": "本支部书记签署日期", "en": "Date A"},
    "DateB": {"zh": "联建支部书记签署日期", "en": "Date B"},
    # the branch profile (Tools › Options › 三会一课 › 支部信息)
    "Secretary": {"zh": "书记", "en": "Secretary"},
    "Organizer": {"zh": "组织委员", "en": "Organizer"},
    "MemberCount": {"zh": "正式党员人数", "en": "Full members"},
    "Groups": {"zh": "党小组", "en": "Party groups"},
    "UsualPlace": {"zh": "常用会议地点", "en": "Usual meeting place"},
}

MESSAGES: Dict[str, Dict[str, str]] = {
    # validation: {field} is the label with the argument name, e.g. 月份（Month）
    "unknown_argument": {
        "zh": "不认识的参数“{name}”。可用的参数：{known}。",
        "en": "Unknown argument “{name}”. Known arguments: {known}.",
    },
    "wrong_type": {
        "zh": "{field}应为{expected}，收到的是“{value}”。",
        "en": "{field} must be {expected}; got “{value}”.",
    },
    "bad_choice": {
        "zh": "{field}不能是“{value}”，可选：{choices}。",
        "en": "{field} cannot be “{value}”; choose one of: {choices}.",
    },
    "required": {"zh": "请填写{field}。", "en": "Please fill in {field}."},
    "control_chars": {
        "zh": "{field}含有无法保存的控制字符，请删除后重试。",
        "en": "{field} contains control characters that cannot be saved; please remove them.",
    },
    "too_long": {
        "zh": "{field}太长（{length} 字），最多 {limit} 字。",
        "en": "{field} is too long ({length} characters); at most {limit}.",
    },
    "date_empty": {"zh": "请填写{field}。", "en": "Please fill in {field}."},
    "date_unreadable": {
        "zh": "{field}“{value}”无法识别。请写成如“2023年9月25日 15:00”或“2023-09-25 15:00”。",
        "en": "{field} “{value}” cannot be read. Write it like “2023-09-25 15:00”.",
    },
    "month_unreadable": {
        "zh": "{field}“{value}”无法识别。请写成如“2023-09”或“2023年9月”。",
        "en": "{field} “{value}” cannot be read. Write it like “2023-09”.",
    },
    "date_no_such_day": {
        "zh": "{field}“{value}”不是日历上的日期。",
        "en": "{field} “{value}” is not a day of the calendar.",
    },
    "date_month_out_of_range": {
        "zh": "{field}“{value}”中的月份应在 1 到 12 之间。",
        "en": "{field} “{value}”: the month must be 1 to 12.",
    },
    "date_time_out_of_range": {
        "zh": "{field}“{value}”中的时间不存在。",
        "en": "{field} “{value}”: there is no such time of day.",
    },
    "date_weekday_mismatch": {
        "zh": "{field}“{value}”中的星期与日期不符。",
        "en": "{field} “{value}”: the weekday does not match the date.",
    },
    "date_missing_day": {
        "zh": "{field}“{value}”缺少日期，请写明几月几日。",
        "en": "{field} “{value}” has no day; give the month and day.",
    },
    "date_year_out_of_range": {
        "zh": "{field}“{value}”中的年份不正确。",
        "en": "{field} “{value}”: the year is not valid.",
    },
    "number_range": {
        "zh": "{field}应为 {low} 到 {high} 之间的整数，收到的是“{value}”。",
        "en": "{field} must be a whole number from {low} to {high}; got “{value}”.",
    },
    "details_single_meeting": {
        "zh": "{field}只适用于单个会议的方案；整月方案请分别填写各会议的要素。",
        "en": "{field} applies to a single meeting's plan, not to a whole month.",
    },
    "no_committee": {
        "zh": "本支部正式党员不足7人，不设支委会，不能插入支委会方案。（可在“工具 › 选项 › 三会一课”中修改党员人数。）",
        "en": "The branch has fewer than 7 full members and no branch committee, so there is no committee plan. "
              "(The member count is under Tools › Options › Party Meetings.)",
    },
    "absent_but_full": {
        "zh": "{field}填写了 {count} 人，但实到人数等于应到人数，请核对。",
        "en": "{field} lists {count}, but Present equals Expected. Please check.",
    },
    "absent_count": {
        "zh": "缺席人员列了 {listed} 人，但应到减实到为 {missing} 人，请核对。",
        "en": "{listed} absentees are listed, but Expected minus Present is {missing}. Please check.",
    },
    "quorum_general": {
        "zh": "党员大会须有半数以上有表决权的党员到会（《中国共产党支部工作条例（试行）》第十一条），"
              "实到 {present} 人未超过应到 {expected} 人的一半。",
        "en": "A general meeting needs more than half of the voting members present (Branch Work Regulations, "
              "art. 11): {present} of {expected} is not more than half.",
    },
    "quorum_committee": {
        "zh": "支委会须有半数以上委员到会，实到 {present} 人未超过应到 {expected} 人的一半。",
        "en": "A committee meeting needs more than half of its members present: {present} of {expected} is not "
              "more than half.",
    },
    "warning_prefix": {"zh": "请注意：", "en": "Please note: "},
    "same_secretary": {
        "zh": "{field}与本支部书记是同一人（{name}）。会签须由两个支部的书记分别签署。",
        "en": "{field} is the same person as secretary A ({name}); both branches' secretaries must sign.",
    },
    "same_branch": {"zh": "{field}与本支部相同（{name}）。", "en": "{field} is the same as branch A ({name})."},
    "item_deadline": {
        "zh": "{field}第 {row} 项的完成时限“{value}”无法识别，请写成如“2023年10月31日”。",
        "en": "{field}, item {row}: the deadline “{value}” cannot be read; write it like 2023-10-31.",
    },
    "item_without_text": {"zh": "{field}第 {row} 项没有填写事项内容。", "en": "{field}, item {row} has no text."},
    "item_deadline_passed": {
        "zh": "{field}第 {row} 项的完成时限 {deadline} 已过。",
        "en": "{field}, item {row}: the deadline {deadline} has passed.",
    },
    "deadline_passed": {"zh": "完成时限 {deadline} 已过。", "en": "The deadline {deadline} has passed."},
    "too_many_items": {
        "zh": "{field}有 {count} 项，最多 {limit} 项。",
        "en": "{field} has {count} rows; at most {limit}.",
    },
    "confirm_again": {"zh": "如确认无误，请再次点击“确定”。", "en": "If this is right, press OK again."},
    "cancelled": {"zh": "已取消，文档未作更改。", "en": "Cancelled; the document was not changed."},
    "present_over_expected": {
        "zh": "{field}为 {present}，不能多于应到人数 {expected}。",
        "en": "{field} is {present}; it cannot exceed Expected ({expected}).",
    },

    # the branch profile page
    "group_duplicate": {
        "zh": "{field}中“{name}”出现了两次（第 {first} 行和第 {line} 行），请删去一行。",
        "en": "{field}: “{name}” appears twice (lines {first} and {line}); please remove one.",
    },
    "groups_too_many": {
        "zh": "{field}填了 {count} 个小组，最多 {limit} 个。",
        "en": "{field}: {count} groups given; at most {limit}.",
    },
    "group_line_too_long": {
        "zh": "{field}第 {line} 行“{value}”太长：小组名称和组长各不超过 {limit} 字。"
              "每行写一个小组，如“第一党小组 张三”。",
        "en": "{field}, line {line} “{value}” is too long: a group's name and its leader have at most {limit} "
              "characters each. Write one group a line, like “Group 1 Zhang San”.",
    },
    "profile_not_saved": {
        "zh": "{message}\n支部信息未保存，仍为原来的设置。",
        "en": "{message}\nThe branch profile was not saved; the previous settings are kept.",
    },
    "profile_save_failed": {
        "zh": "支部信息未能保存。详细信息已记入日志：{log}",
        "en": "The branch profile could not be saved. Details are in the log: {log}",
    },
    "rules_no_committee": {
        "zh": "正式党员不足7人的支部不设支委会：年度安排不排支委会，支委会一项不使用。",
        "en": "A branch with fewer than 7 full members has no committee: the year's schedule has no committee "
              "meetings, and their rule is not used.",
    },
    "profile_no_committee": {
        "zh": "正式党员不足7人的支部不设支委会：整月方案将不含支委会方案。",
        "en": "A branch with fewer than 7 full members has no committee: month plans leave the committee out.",
    },
    # types named in wrong_type
    "type_text": {"zh": "文字", "en": "text"},
    "type_int": {"zh": "整数", "en": "a whole number"},
    "type_bool": {"zh": "是/否", "en": "true or false"},
    "type_rows": {"zh": "表格行（每行若干文字）", "en": "rows of text"},
    # the office side
    "readonly": {
        "zh": "文档是只读的，未作任何更改。请另存为或以编辑方式打开后再插入。",
        "en": "The document is read-only; nothing was changed. Open it for editing first.",
    },
    "protected": {
        "zh": "光标位于受保护的区域“{name}”中，未作任何更改。请把光标移到可编辑的位置。",
        "en": "The cursor is in the protected section “{name}”; nothing was changed. Move the cursor first.",
    },
    "not_in_body": {
        "zh": "光标在{place}中，只能插入到正文，未作任何更改。请把光标放到正文中要插入的位置。",
        "en": "The cursor is in {place}; this goes into the body text only. Nothing was changed: "
              "put the cursor in the body where it should go.",
    },
    "place_header_footer": {"zh": "页眉或页脚", "en": "a header or footer"},
    "place_footnote": {"zh": "脚注或尾注", "en": "a footnote or endnote"},
    "place_frame": {"zh": "文本框", "en": "a frame"},
    "place_other": {"zh": "非正文区域", "en": "a place outside the body text"},
    "place_comment_or_object": {"zh": "批注（或选中的图片、图文框）",
                                "en": "a comment (or a selected picture or frame)"},
    "table_after_table": {
        "zh": "光标所在的表格后面紧接着另一个表格，无处插入，未作任何更改。"
              "请在两个表格之间按回车留出一个空行后再试。",
        "en": "Another table follows the table the cursor is in, so there is no line to insert at; "
              "nothing was changed. Press Enter between the two tables to make an empty line, then try again.",
    },
    "not_writer": {
        "zh": "“三会一课”命令只能在 Writer 文字文档中使用。",
        "en": "Party Meetings commands work in Writer text documents only.",
    },
    "unknown_command": {"zh": "没有“{name}”这个命令。", "en": "There is no command “{name}”."},
    "internal_error": {
        "zh": "出现了意外错误，文档未作更改。详细信息已记入日志：{log}",
        "en": "An unexpected error occurred; the document was not changed. Details are in the log: {log}",
    },
    "inserted_plan": {"zh": "已插入{what}（{count} 段）。", "en": "Inserted {what} ({count} paragraphs)."},
    "what_month": {"zh": "{month}“三会一课”方案", "en": "the party meeting plan of {month}"},
    "what_part": {"zh": "{meeting}方案", "en": "the {meeting} plan"},
    "undo_insert_plan": {"zh": "插入“三会一课”方案", "en": "Insert party meeting plan"},
    "box_title": {"zh": "三会一课", "en": "Party Meetings"},
    "undo_insert_minutes": {"zh": "插入联建会议纪要", "en": "Insert joint minutes"},
    "undo_insert_benchmark": {"zh": "插入对标提高任务清单", "en": "Insert benchmarking task list"},
    "undo_add_task": {"zh": "添加对标任务", "en": "Add benchmarking task"},
    "undo_set_status": {"zh": "设置完成情况", "en": "Set task status"},
    "undo_update_summary": {"zh": "更新完成情况统计", "en": "Update task summary"},
    "inserted_benchmark": {"zh": "已插入对标提高任务清单（标杆单位：{unit}，{count} 项任务）。",
                           "en": "Inserted the benchmarking task list ({unit}, {count} tasks)."},
    "task_added": {"zh": "已添加第 {n} 项任务：{text}", "en": "Added task {n}: {text}"},
    "status_set": {"zh": "第 {n} 项“{text}”的完成情况已设为{status}。", "en": "Task {n} “{text}” is now {status}."},
    "not_in_tasks": {
        "zh": "光标不在对标提高任务清单中。请把光标放在任务清单里（设置完成情况时放在该任务所在行）。",
        "en": "The cursor is not in a benchmarking task list. Put it in the list "
              "(in the task's row to set a status).",
    },
    "not_in_task_row": {
        "zh": "请把光标放在要设置的任务所在的行中（表头行除外）。",
        "en": "Put the cursor in the row of the task to set (not the header row).",
    },
    "no_summary_line": {
        "zh": "任务清单下方的完成情况统计行已被删除。",
        "en": "The summary line under the list was removed.",
    },
    "undo_add_item": {"zh": "添加纪要议定事项", "en": "Add minutes item"},
    "this_document": {"zh": "当前文档", "en": "this document"},
    "undo_insert_notice": {"zh": "插入会议通知", "en": "Insert meeting notice"},
    "undo_insert_sign_in": {"zh": "插入签到表", "en": "Insert sign-in sheet"},
    "undo_insert_record": {"zh": "插入会议记录", "en": "Insert meeting record"},
    "inserted_notice": {"zh": "已插入{meeting}通知。", "en": "Inserted the notice of the {meeting}."},
    "inserted_sign_in": {"zh": "已插入{meeting}签到表（{count} 人）。",
                         "en": "Inserted the {meeting} sign-in sheet ({count})."},
    "inserted_record": {"zh": "已插入{meeting}（{count} 项议程）。",
                        "en": "Inserted the {meeting} record ({count} agenda items)."},
    # --- notice / sign-in / record dialogs ---
    "sign_in_roll_empty": {
        "zh": "支部党员名单为空：请在“工具 › 选项 › 三会一课”中填写党员名单，或在上框中每行输入一个姓名"
              "（不填则签到表留 30 行空白）。",
        "en": "The branch's member roll is empty: fill it in under Tools › Options › Party Meetings, or type "
              "the names above, one a line (left empty, the sheet has 30 blank rows).",
    },
    "sign_in_roll_none": {
        "zh": "党员名单中没有本次会议的人员（支委会只列支委，党小组会只列本组党员）：请在“工具 › 选项 › 三会一课”"
              "中补充，或在上框中每行输入一个姓名。",
        "en": "The member roll lists nobody for this meeting (a committee meeting lists the committee, a group "
              "meeting the group): complete it under Tools › Options › Party Meetings, or type the names above, "
              "one a line.",
    },
    "sign_in_roll_hint": {
        "zh": "名单取自支部党员名单（共 {count} 人），可直接修改，每行一个姓名。",
        "en": "Taken from the branch's member roll ({count}); edit freely, one name a line.",
    },
    "bad_rule": {
        "zh": "{field}“{value}”无法识别。可写成如“每月第一个星期五”“每月最后一个星期三”"
              "“每季度末月第二个星期三”“每月15日”。",
        "en": "{field} “{value}” cannot be read. Write it like 每月第一个星期五 (first Friday of each month) or "
              "每季度末月第二个星期三 (second Wednesday of each quarter's last month).",
    },
    "undo_insert_annual": {"zh": "插入年度安排", "en": "Insert the year's schedule"},
    "annual_done": {"zh": "已插入{year}年“三会一课”年度安排（{count} 次会议，{moved} 次因节假日顺延）。",
                    "en": "Inserted the {year} schedule ({count} meetings, {moved} moved off holidays)."},
    "undo_insert_review": {"zh": "插入上月落实情况检查", "en": "Insert last month's check"},
    "review_done": {"zh": "已插入{month}落实情况检查：{count} 项未完成。",
                    "en": "Inserted the check of {month}: {count} unfinished items."},
    "not_a_folder": {"zh": "{field}“{value}”不是文件夹。", "en": "{field} “{value}” is not a folder."},
    "ledger_done": {"zh": "已生成任务台账：共 {count} 项，其中逾期 {late} 项。",
                    "en": "Task ledger made: {count} items, {late} overdue."},
    "ledger_bad_files": {"zh": "另有 {count} 个文件无法读取，已列在台账末尾。",
                         "en": " {count} files could not be read; they are listed at the end."},
    "ledger_progress": {"zh": "正在汇总任务台账…", "en": "Collecting the task ledger…"},
    "ledger_open_failed": {"zh": "无法打开新文档来显示任务台账。", "en": "Could not open a new document."},
    "undo_countersign": {"zh": "会签联建会议纪要", "en": "Countersign minutes"},
    "inserted_minutes": {"zh": "已插入《{title}》（{count} 项议定事项）。",
                         "en": "Inserted “{title}” ({count} agreed items)."},
    "item_added": {"zh": "已添加第 {n} 项：{text}", "en": "Added item {n}: {text}"},
    "not_in_minutes": {
        "zh": "光标不在联建会议纪要中。请把光标放在要操作的纪要里（标题、正文或表格均可）。",
        "en": "The cursor is not in joint minutes. Put it anywhere in the minutes first.",
    },
    "already_signed": {
        "zh": "这份纪要已经会签，不能再修改。如需核对，请使用“核验会签”。",
        "en": "These minutes are countersigned and can no longer be changed. Use Verify to check them.",
    },
    "unfilled_prompts": {
        "zh": "纪要中还有 {count} 处提示文字（如“<领学内容>”）未填写，请填写或删除后再会签。",
        "en": "{count} prompts (the <...> placeholders) are still unfilled; fill them in or delete them first.",
    },
    "cannot_sign": {"zh": "暂不能会签：{reasons}。", "en": "Cannot countersign yet: {reasons}."},
    "missing_owner": {"zh": "第 {rows} 项缺少责任人", "en": "item(s) {rows} have no owner"},
    "missing_deadline": {"zh": "第 {rows} 项缺少有效的完成时限", "en": "item(s) {rows} have no valid deadline"},
    "signed": {"zh": "已会签：{a}、{b}。会签校验码 {code}。", "en": "Countersigned by {a} and {b}. Code {code}."},
    "verify_unsigned": {"zh": "光标所在的纪要尚未会签。", "en": "The minutes at the cursor are not countersigned."},
    "verify_none": {"zh": "文档中没有已会签的联建会议纪要。", "en": "The document has no countersigned minutes."},
    "verify_missing": {"zh": "《{title}》已会签，但在文档中找不到了。", "en": "“{title}” was signed but is gone."},
    "verify_intact": {"zh": "《{title}》会签后未被改动（校验码 {code}）。",
                      "en": "“{title}” is unchanged since it was signed (code {code})."},
    "verify_changed": {"zh": "《{title}》会签后被改动：{what}。", "en": "“{title}” changed after signing: {what}."},
    "change_title": {"zh": "标题由“{old}”改为“{new}”", "en": "the title “{old}” became “{new}”"},
    "change_item_removed": {"zh": "第 {n} 项“{text}”被删除", "en": "item {n} “{text}” was removed"},
    "change_item_added": {"zh": "新增第 {n} 项“{text}”", "en": "item {n} “{text}” was added"},
    "change_item_field": {"zh": "第 {n} 项的{field}由“{old}”改为“{new}”",
                          "en": "item {n}: {field} “{old}” became “{new}”"},
    "change_signer": {"zh": "{side}方签署由“{old}”改为“{new}”", "en": "signer {side} “{old}” became “{new}”"},
    "change_text": {"zh": "正文有 {count} 处改动，如“{old}”→“{new}”",
                    "en": "{count} passage(s) of the text changed, e.g. “{old}” → “{new}”"},
    "change_order": {"zh": "正文段落顺序被调整", "en": "paragraphs were reordered"},
    "change_unknown": {"zh": "内容与会签时不一致", "en": "the content differs from what was signed"},
}

# --- member roll / schedule rules ---
# (Tools › Options › 三会一课 › 党员名册 and 会议日程; forms/roster_form.py, forms/roster_import.py.)
# Chinese words a person must type (预备, 支委, 姓名) reach the English messages as parameters.
FIELD_LABELS.update({
    "Roll": {"zh": "党员名册", "en": "Member roll"},
    "RosterFile": {"zh": "导入的表格", "en": "Imported sheet"},
})
MESSAGES.update({
    "roll_line_unclear": {
        "zh": "{field}第 {line} 行“{value}”中的“{word}”无法识别。每行写一人：姓名 党小组 {probationary} {committee}"
              "（党小组可省略；正式党员不写{probationary}，不是支委不写{committee}）。",
        "en": "{field}, line {line} “{value}”: “{word}” cannot be read. Write one member a line: the name, the "
              "party group (optional), {probationary} for a probationary member, {committee} for a committee "
              "member.",
    },
    "roll_name_first": {
        "zh": "{field}第 {line} 行“{value}”应以姓名开头。",
        "en": "{field}, line {line} “{value}” must start with the member's name.",
    },
    "roll_line_too_long": {
        "zh": "{field}第 {line} 行“{value}”太长：姓名和党小组各不超过 {limit} 字。",
        "en": "{field}, line {line} “{value}” is too long: a name and a group have at most {limit} characters each.",
    },
    "roll_duplicate": {
        "zh": "{field}中“{name}”出现了两次（第 {first} 行和第 {line} 行）。"
              "如确有同名党员，请加以区分，如“{name}（大）”。",
        "en": "{field}: “{name}” appears twice (lines {first} and {line}). If two members share the name, tell "
              "them apart, e.g. “{name} (2)”.",
    },
    "roll_too_many": {"zh": "{field}有 {count} 人，最多 {limit} 人。",
                      "en": "{field} has {count} members; at most {limit}."},
    "roll_counts": {
        "zh": "共 {total} 人，正式 {full}，预备 {probationary}，支委 {committee}。",
        "en": "{total} members: {full} full, {probationary} probationary, {committee} on the committee.",
    },
    "roll_empty": {
        "zh": "名册为空：签到表将留出空白行，手写姓名。",
        "en": "The roll is empty: sign-in sheets get blank rows for names written by hand.",
    },
    "roll_unknown_groups": {
        "zh": "注意：党小组{groups}不在“支部信息”的党小组中。",
        "en": "Note: the party group(s) {groups} are not among the branch profile's groups.",
    },
    "roll_count_differs": {
        "zh": "注意：“支部信息”中的正式党员人数为 {count}，名册中正式党员 {full} 人。",
        "en": "Note: the branch profile gives {count} full members; the roll lists {full}.",
    },
    "roll_not_saved": {
        "zh": "{message}\n党员名册未保存，仍为原来的名册。",
        "en": "{message}\nThe member roll was not saved; the previous roll is kept.",
    },
    "rules_not_saved": {
        "zh": "{message}\n会议日程规则未保存，仍为原来的设置。",
        "en": "{message}\nThe schedule rules were not saved; the previous settings are kept.",
    },
    "rules_saved": {
        "zh": "会议日程规则已保存（{custom} 项自定义，其余为默认）。插入年度安排时使用这些规则。",
        "en": "Schedule rules saved ({custom} custom, the rest default). The year's schedule uses them.",
    },
    "import_too_big": {
        "zh": "{field}“{file}”太大（{size}），最多 {limit}。",
        "en": "{field} “{file}” is too big ({size}); at most {limit}.",
    },
    "import_not_table": {
        "zh": "{field}“{file}”不是 CSV、XLSX、ODS 或 XLS 表格。",
        "en": "{field} “{file}” is not a CSV, XLSX, ODS or XLS sheet.",
    },
    "import_unsafe": {
        "zh": "{field}“{file}”含有不允许的 XML 内容（DTD 或实体声明），为安全起见未读取。"
              "请在表格软件中另存为 .xlsx 或 .csv 后再导入。",
        "en": "{field} “{file}” holds XML that is not allowed (a DTD or an entity declaration) and was not read. "
              "Save it again as .xlsx or .csv and import that.",
    },
    "import_broken": {
        "zh": "{field}“{file}”已损坏，无法读取（{detail}）。",
        "en": "{field} “{file}” is damaged and cannot be read ({detail}).",
    },
    "import_encoding": {
        "zh": "{field}“{file}”的文字编码无法识别，请另存为“CSV UTF-8”后再导入。",
        "en": "{field} “{file}”: the text encoding cannot be recognised; save it as CSV UTF-8 and import that.",
    },
    "import_no_name_column": {
        "zh": "{field}“{file}”的前 {rows} 行中找不到“{name}”列（第一行是：{found}）。请确认表头有一列叫“{name}”。",
        "en": "{field} “{file}”: no column headed {name} (name) in the first {rows} rows (the first row reads: "
              "{found}). The header needs a column named {name}.",
    },
    "import_no_members": {
        "zh": "{field}“{file}”中“{name}”列下没有姓名。",
        "en": "{field} “{file}”: there are no names under the {name} column.",
    },
    "import_duplicate": {
        "zh": "{field}“{file}”中“{name}”出现了两次（表格第 {first} 行和第 {row} 行）。"
              "请在表格中区分或删去一行后再导入。",
        "en": "{field} “{file}”: “{name}” appears twice (rows {first} and {row}). Tell them apart or remove one "
              "in the sheet, then import again.",
    },
    "import_too_many": {
        "zh": "{field}“{file}”超过 {limit} 行，不像是一个支部的党员名册。",
        "en": "{field} “{file}” has more than {limit} rows; that is not one branch's roll.",
    },
    "import_bad_cell": {
        "zh": "{field}“{file}”第 {row} 行的“{value}”太长或含有逗号、顿号、分号，无法放入名册。",
        "en": "{field} “{file}”, row {row}: “{value}” is too long or holds a comma or semicolon; it cannot go "
              "into the roll.",
    },
    "import_read_failed": {
        "zh": "无法读取“{file}”：{detail}",
        "en": "Cannot read “{file}”: {detail}",
    },
    "import_done": {
        "zh": "已从“{file}”读入 {total} 人（正式 {full}，预备 {probationary}，支委 {committee}）。"
              "核对无误后按“确定”或“应用”保存。",
        "en": "Read {total} members from “{file}” ({full} full, {probationary} probationary, {committee} on the "
              "committee). Check them, then press OK or Apply to save.",
    },
    "import_skipped_no_name": {
        "zh": "已跳过 {count} 行没有姓名的行。",
        "en": "{count} rows without a name were skipped.",
    },
    "import_skipped_category": {
        "zh": "已跳过第 {rows} 行（不是正式或预备党员：{values}）。",
        "en": "Skipped rows {rows} (not full or probationary members: {values}).",
    },
    "import_filter_sheets": {"zh": "表格", "en": "Spreadsheets"},
    "import_filter_all": {"zh": "所有文件", "en": "All files"},
    "import_title": {"zh": "从表格导入党员名册", "en": "Import the member roll from a sheet"},
})


def lang_of_locale(locale: str) -> str:
    """``zh-CN``/``zh-TW``/``zh`` → zh; anything else → en (the fallback UI language)."""
    return "zh" if locale.lower().startswith("zh") else "en"


def text(key: str, lang: str, params: Mapping[str, object] = {}) -> str:
    """The message ``key`` in ``lang`` (Chinese when the language is unknown), filled in."""
    entry = MESSAGES[key]
    template = entry.get(lang) or entry["zh"]
    return template.format(**params) if params else template


def field_label(name: str, lang: str) -> str:
    """How a message names a field: its label and, for scripts, the argument's name."""
    labels = FIELD_LABELS.get(name)
    if labels is None:
        return name
    label = labels.get(lang) or labels["zh"]
    return f"{label}（{name}）" if lang == "zh" else (label if label == name else f"{label} ({name})")

# --- ledger / review dialogs ---
# (sanhui:TaskLedger and sanhui:InsertReview on a click: office/ledger_dialog.py, office/progress.py.)
FIELD_LABELS.update({
    "Folder": {"zh": "文件夹", "en": "Folder"},
})
MESSAGES.update({
    "field_tasks": {"zh": "对标提高任务（Items）", "en": "Tasks (Items)"},  # the task list's Items
    "folder_missing": {"zh": "请填写{field}，或选择“当前文档”。",
                       "en": "Fill in the {field}, or choose “This document”."},
    "review_dialog_title": {"zh": "插入上月学习贯彻落实情况检查", "en": "Insert Last Month's Check"},
    "folder_picker_title": {"zh": "选择存放会议纪要和任务清单的文件夹",
                            "en": "Choose the folder of minutes and task lists"},
    "progress_reading": {"zh": "正在读取第 {done}/{total} 个文件：{name}",
                         "en": "Reading file {done} of {total}: {name}"},
    "cancelled_reading": {"zh": "已取消汇总，没有生成或插入任何内容。",
                          "en": "Cancelled while reading the folder; nothing was made or inserted."},
})

# --- content packs and plan templates ---
# (content/pack.py's PackError; SavePlanTemplate, the 方案模板 options page, InsertPlan's Template.)
FIELD_LABELS.update({
    "Template": {"zh": "方案模板", "en": "Template"},
    "Name": {"zh": "模板名称", "en": "Name"},
})
MESSAGES.update({
    "pack_at": {"zh": "{what}（位置：{where}）", "en": "{what} (at {where})"},
    "pack_too_large": {"zh": "方案模板文件“{name}”有 {size} KB，超过了 {limit} KB 的上限。",
                       "en": "The template file “{name}” is {size} KB, more than the limit of {limit} KB."},
    "pack_unreadable": {"zh": "无法读取方案模板文件“{name}”：{detail}",
                        "en": "The template file “{name}” cannot be read: {detail}"},
    "pack_not_utf8": {"zh": "方案模板文件“{name}”不是 UTF-8 编码的文本。",
                      "en": "The template file “{name}” is not UTF-8 text."},
    "pack_not_json": {"zh": "方案模板文件“{name}”不是有效的模板（JSON 格式错误：{detail}）。",
                      "en": "The template file “{name}” is not a valid template (JSON error: {detail})."},
    "pack_too_deep": {"zh": "方案模板文件“{name}”嵌套层次过深，不是有效的模板。",
                      "en": "The template file “{name}” is nested too deeply to be a template."},
    "pack_format": {"zh": "这不是“三会一课”方案模板（format 为“{found}”，应为“{expected}”）。",
                    "en": "This is not a plan template of Party Meetings (format is “{found}”, "
                          "expected “{expected}”)."},
    "pack_title_month": {"zh": "标题中缺少月份占位符（month）。",
                         "en": "The title lacks the month placeholder (month)."},
    "pack_v1_meetings": {"zh": "第 1 版模板须含支委会、党员大会、党小组会、党课各一部分。",
                         "en": "A format-1 template must hold each of the four meetings once."},
    "pack_empty": {"zh": "模板中没有任何内容。", "en": "The template has no content."},
    "pack_meeting": {"zh": "不认识的会议类型“{found}”"
                           "（可用：committee、general、group、lecture、partyday）。",
                     "en": "Unknown meeting “{found}” (use committee, general, group, lecture or partyday)."},
    "pack_depth": {"zh": "编号最多 {limit} 级（一、（一）1.（1））。",
                   "en": "Numbering goes at most {limit} levels deep."},
    "pack_too_many": {"zh": "模板的段落和备注超过 {limit} 个。",
                      "en": "The template has more than {limit} paragraphs and notes."},
    "pack_expected_object": {"zh": "此处应为一个对象。", "en": "An object is expected here."},
    "pack_expected_list": {"zh": "此处应为一个列表（[…]）。", "en": "A list ([…]) is expected here."},
    "pack_expected_text": {"zh": "此处应为非空文字。", "en": "Non-empty text is expected here."},
    "pack_text_too_long": {"zh": "一段文字超过 {limit} 个字符。",
                           "en": "A text is longer than {limit} characters."},
})
MESSAGES.update({
    "template_name_bad": {"zh": "模板名称“{name}”不能使用，请换一个名称。",
                          "en": "The template name “{name}” cannot be used; choose another."},
    "template_missing": {"zh": "没有名为“{name}”的方案模板（工具 › 选项 › 三会一课 › 方案模板 中可查看已保存的模板）。",
                         "en": "There is no plan template called “{name}” (see Tools › Options › Party Meetings › "
                               "Plan templates)."},
    "template_exists": {"zh": "已有名为“{name}”的方案模板。", "en": "A plan template called “{name}” exists already."},
    "template_too_large": {"zh": "方案超过 {limit} KB，无法保存为模板。",
                           "en": "The plan is larger than {limit} KB and cannot be saved as a template."},
})

# --- the 方案模板 options page (office/options_templates.py, forms/template_list.py) ---
FIELD_LABELS.update({
    "Default": {"zh": "默认模板", "en": "Default template"},
})
MESSAGES.update({
    "template_built_in": {"zh": "内置方案（2023年9月种子方案）", "en": "Built-in plan (September 2023 seed)"},
    "templates_none": {"zh": "还没有保存的方案模板。可按“导入…”导入上级发来的模板文件，"
                             "或把文档中改好的方案保存为模板。",
                       "en": "No templates saved yet. Import a file sent by the party committee with “Import…”, "
                             "or save a plan you edited in a document as a template."},
    "templates_count": {"zh": "已保存 {count} 个方案模板。", "en": "{count} template(s) saved."},
    "template_default_gone": {"zh": "原默认模板“{name}”已不存在，插入方案时将使用内置方案。",
                              "en": "The default template “{name}” no longer exists; plans will use the "
                                    "built-in plan."},
    "template_choose_first": {"zh": "请先在列表中选择一个方案模板。", "en": "Choose a template in the list first."},
    "template_built_in_fixed": {"zh": "内置方案不能改名或删除。",
                                "en": "The built-in plan cannot be renamed or deleted."},
    "template_chosen": {"zh": "已选“{name}”为默认模板，按“确定”或“应用”后保存。",
                        "en": "“{name}” is chosen as the default template; press OK or Apply to save it."},
    "template_default_saved": {"zh": "默认模板已保存：{name}。插入方案时默认使用它。",
                               "en": "Default template saved: {name}. Inserting a plan uses it."},
    "template_default_not_saved": {"zh": "{message}\n默认模板未保存，仍为原来的设置。",
                                   "en": "{message}\nThe default template was not saved; the previous one stays."},
    "template_renamed": {"zh": "已将方案模板“{old}”改名为“{new}”（立即生效）。",
                         "en": "The template “{old}” is now called “{new}” (done at once)."},
    "template_deleted": {"zh": "已删除方案模板“{name}”（立即生效，“取消”不能撤销）。",
                         "en": "The template “{name}” is deleted (done at once; Cancel does not undo it)."},
    "template_deleted_default": {"zh": "已删除方案模板“{name}”（立即生效）。它原是默认模板，现在默认使用内置方案。",
                                 "en": "The template “{name}” is deleted (done at once). It was the default: "
                                       "plans now use the built-in plan."},
    "template_delete_confirm": {"zh": "确定删除方案模板“{name}”吗？删除后不能恢复，按“取消”关闭选项也不能撤销。",
                                "en": "Delete the template “{name}”? It cannot be brought back, not even by "
                                      "closing Options with Cancel."},
    "template_delete_kept": {"zh": "没有删除方案模板“{name}”。", "en": "The template “{name}” was not deleted."},
    "template_exported": {"zh": "已将“{name}”导出到“{file}”。可把这个文件发给各党支部，在此页按“导入…”导入。",
                          "en": "“{name}” is exported to “{file}”. Send this file to the branches; they add it "
                                "on this page with “Import…”."},
    "template_export_failed": {"zh": "无法写入文件“{file}”：{detail}",
                               "en": "The file “{file}” cannot be written: {detail}"},
    "template_imported": {"zh": "已从“{file}”导入方案模板“{name}”（立即生效）。",
                          "en": "The template “{name}” is imported from “{file}” (done at once)."},
    "template_imported_as": {"zh": "已从“{file}”导入方案模板。已有同名模板，新模板保存为“{name}”（立即生效）。",
                             "en": "The template from “{file}” is imported. A template of that name exists, "
                                   "so it is saved as “{name}” (done at once)."},
    "template_import_failed": {"zh": "没有导入“{file}”，已保存的模板没有改变：\n{message}",
                               "en": "“{file}” was not imported; the saved templates are unchanged:\n{message}"},
    "template_import_title": {"zh": "导入方案模板", "en": "Import a plan template"},
    "template_export_title": {"zh": "导出方案模板", "en": "Export a plan template"},
    "template_filter": {"zh": "方案模板", "en": "Plan templates"},
})

# --- importing and formatting a plan, saving it as a template ---
# (sanhui:ImportPlan, sanhui:FormatAsPlan, sanhui:SavePlanTemplate: office/plan_import.py,
# plan_format.py, plan_template.py.)
MESSAGES.update({
    "recognised_counts": {"zh": "{parts} 部分，{headings} 个标题，{items} 项，{notes} 条备注",
                          "en": "{parts} parts, {headings} headings, {items} items, {notes} notes"},
    "recognised_unread": {"zh": "（{count} 行按正文处理）", "en": " ({count} lines kept as body text)"},
    "imported_plan": {"zh": "已导入方案：{counts}。", "en": "Plan imported: {counts}."},
    "field_import_source": {"zh": "来源（Source）", "en": "Source"},  # ImportPlan's, not the ledgers' 汇总范围
    "formatted_plan": {"zh": "已整理为方案格式：{counts}。", "en": "Formatted as a plan: {counts}."},
    "saved_template": {"zh": "已将方案保存为模板“{name}”：{counts}。",
                       "en": "The plan was saved as the template “{name}”: {counts}."},
    "undo_import_plan": {"zh": "导入“三会一课”方案", "en": "Import Plan"},
    "undo_format_plan": {"zh": "整理为方案格式", "en": "Format as plan"},
    "import_kind": {"zh": "{field}“{name}”不是可导入的文件：请选择 .txt、.docx、.doc、.odt、.rtf 或 .html 文件，"
                          "或用 clipboard 表示剪贴板。",
                    "en": "{field} “{name}” is not a file that can be imported: choose a .txt, .docx, .doc, .odt, "
                          ".rtf or .html file, or clipboard for the clipboard."},
    "import_missing": {"zh": "{field}“{name}”不存在或无法打开。",
                       "en": "{field} “{name}” does not exist or cannot be opened."},
    "import_not_text": {"zh": "“{file}”不是文字文档，无法作为方案导入。",
                        "en": "“{file}” is not a text document and cannot be imported as a plan."},
    "import_clipboard_empty": {"zh": "剪贴板中没有文字。请先在网页、微信或文档中复制方案的文字。",
                               "en": "The clipboard holds no text. Copy the plan's text from a page or "
                                     "document first."},
    "import_empty": {"zh": "{field}中没有可以导入的文字。", "en": "{field} holds no text to import."},
    "format_nothing": {"zh": "没有可以整理的文字。请先粘贴或输入方案的文字，或选中要整理的段落。",
                       "en": "There is no text to format. Paste or type the plan's text first, or select it."},
    "format_in_table": {"zh": "光标在表格中。整理为方案格式只用于正文段落：请把光标放到表格外的方案文字中，"
                              "或选中这些文字。",
                        "en": "The cursor is in a table. Formatting works on body paragraphs: put the cursor in the "
                              "plan's text outside the table, or select that text."},
    "format_has_table": {"zh": "要整理的范围中有表格，未作任何更改。请只选中方案的文字段落（不含表格）再整理。",
                         "en": "The text to format contains a table; nothing was changed. Select only the plan's "
                               "paragraphs (without tables) and try again."},
    "format_multi": {"zh": "选中了多处文字。请只选中一段连续的方案文字再整理。",
                     "en": "Several ranges are selected. Select one continuous stretch of the plan's text."},
    "format_too_long": {"zh": "要整理的文字超过 {limit} 个字符，不像一份月度方案。请只选中方案的文字。",
                        "en": "The text is longer than {limit} characters, more than a month's plan. Select the "
                              "plan's text only."},
    "not_in_plan": {"zh": "光标不在方案中。请先点击要保存的方案（插入或整理出来的“三会一课”方案）中的任意位置。",
                    "en": "The cursor is not in a plan. Click anywhere in the plan you want to save first."},
    "template_lacks_meeting": {"zh": "方案模板“{name}”中没有{meeting}部分，{field}不能选“{meeting}”。"
                                     "请选择“整月”或另一个模板。",
                               "en": "The plan template “{name}” has no {meeting} part, so {field} cannot be it. "
                                     "Choose the whole month or another template."},
})

# --- the ImportPlan dialog and InsertPlan's 方案模板 list ---
# (office/import_dialog.py, forms/import_preview.py, office/plan_dialog.py.)
FIELD_LABELS.update({
    "File": {"zh": "文件", "en": "File"},
    "Text": {"zh": "方案文字", "en": "Plan text"},
})
MESSAGES.update({
    "import_no_file": {"zh": "请填写{field}，或按“浏览…”选择文件；也可以选“粘贴文字”。",
                       "en": "Fill in the {field}, or choose one with “Browse…”; or choose “Paste text”."},
    "import_no_text": {"zh": "{field}是空的：请在网页、微信或文档中复制方案的文字，点击下框后按 Ctrl+V 粘贴。",
                       "en": "The {field} is empty: copy the plan's text from a page or document, click in the "
                             "box below and press Ctrl+V."},
    "import_picker_title": {"zh": "选择要导入的方案文件", "en": "Choose the plan file to import"},
    "import_filter_plans": {"zh": "方案文字", "en": "Plan texts"},
    "preview_hint": {"zh": "选择文件或粘贴文字后，这里显示识别出的方案结构。",
                     "en": "Choose a file or paste text: the plan's outline as recognised shows here."},
    "preview_counts": {"zh": "识别结果：{counts}。", "en": "Recognised: {counts}."},
    "preview_more": {"zh": "……（另有 {count} 行未显示）", "en": "… ({count} more lines not shown)"},
    "preview_unread": {"zh": "以下 {count} 行未能识别为编号或备注，将按正文插入：",
                       "en": "These {count} lines were not recognised as numbering or notes; they go in as "
                             "body text:"},
    "preview_failed": {"zh": "无法预览：{message}", "en": "No preview: {message}"},
    "template_gone_in_list": {"zh": "{name}（已不存在）", "en": "{name} (no longer exists)"},
    "template_unusable": {"zh": "{field}“{name}”无法使用：{message}",
                          "en": "{field} “{name}” cannot be used: {message}"},
})

# --- 主题党日 and the 党小组 of notices and records ---
# (forms/record_form.py, office/plan_command.py, office/record_dialog.py, office/notice_dialog.py.)
MESSAGES.update({
    "partyday_plan_dialog": {"zh": "方案对话框中只有支委会、党员大会、党小组会、党课和整月可选。"
                                   "{field}为主题党日（partyday）时，请不带 Interactive 调用"
                                   "（所用方案模板须有主题党日部分），或插入整月方案。",
                             "en": "The plan dialog offers the committee, general and group meetings, the lecture and "
                                   "the whole month only. For {field} partyday, call without Interactive (the plan "
                                   "template must have a themed Party Day part), or insert the whole month."},
})

# --- the meeting ledger (“三会一课”台账) on the command line ---
# (cli_meetings.py: sanhui meetings DIR.)
MESSAGES.update({
    "meetings_not_folder": {"zh": "{path}：不是文件夹。", "en": "{path}: not a folder."},
    "meetings_bad_today": {"zh": "--today 应写作 YYYY-MM-DD，而不是“{value}”。",
                           "en": "--today takes YYYY-MM-DD, not “{value}”."},
    "meetings_bad_year": {"zh": "--year {value} 不是有效的年份。", "en": "--year {value} is not a year."},
    "meetings_odt_needs_output": {"zh": "--format odt 需要用 -o 指定要写入的文件。",
                                  "en": "--format odt needs -o FILE to write to."},
    "meetings_bad_profile": {"zh": "支部信息文件 {path} 无法读取：{why}",
                             "en": "The profile file {path} cannot be read: {why}"},
    "meetings_no_odt_writer": {"zh": "此版本尚不能写出台账文档（.odt）；请先用 --format csv 或 json。",
                               "en": "This version cannot write the ledger document (.odt) yet; use --format "
                                     "csv or json."},
})

# --- sanhui:MeetingLedger (生成“三会一课”台账) in the office ---
# (office/meeting_ledger_command.py; its dialog is the TaskLedger one, office/ledger_dialog.py.)
MESSAGES.update({
    "meeting_ledger_dialog_title": {"zh": "生成“三会一课”台账", "en": "Make Meetings Ledger"},
    "meeting_ledger_year_label": {"zh": "统计年度", "en": "Year"},
    "meeting_ledger_year_help": {"zh": "如 2024：统计该年1月至12月召开的会议",
                                 "en": "e.g. 2024: the meetings of January to December of that year"},
    "meeting_ledger_source_line": {"zh": "从哪里读取会议记录", "en": "Where the meeting records are"},
    "meeting_ledger_from_document": {"zh": "当前文档所在的文件夹（含子文件夹）",
                                     "en": "This document's folder (and its subfolders)"},
    "meeting_ledger_hint": {"zh": "读取会议记录、方案的会议要素、会议通知和签到表；文件只读取，不会被修改。",
                            "en": "Reads meeting records, the plans' meeting details, notices and sign-in sheets; "
                                  "the files are only read, never changed."},
    "meeting_ledger_folder_help": {"zh": "存放全年会议记录、方案、通知和签到表的文件夹",
                                   "en": "The folder of the year's records, plans, notices and sign-in sheets"},
    "meeting_ledger_picker_title": {"zh": "选择存放会议记录、方案、通知和签到表的文件夹",
                                    "en": "Choose the folder of meeting records, plans, notices and sign-in sheets"},
    "meeting_ledger_folder_missing": {"zh": "请填写{field}，或选择“当前文档所在的文件夹”。",
                                      "en": "Fill in the {field}, or choose “This document's folder”."},
    "meeting_ledger_no_document_folder": {"zh": "当前文档尚未保存，没有所在的文件夹。请先保存文档，或给出{field}。",
                                          "en": "This document has not been saved, so it has no folder. Save it "
                                                "first, or give the {field}."},
    "meeting_ledger_progress": {"zh": "正在汇总“三会一课”台账…", "en": "Collecting the meetings ledger…"},
    "meeting_ledger_progress_title": {"zh": "正在汇总会议记录", "en": "Reading the meeting records"},
    "meeting_ledger_open_failed": {"zh": "无法打开新文档来显示“三会一课”台账。",
                                   "en": "Could not open a new document for the meetings ledger."},
    "meeting_ledger_done": {"zh": "已生成{year}年“三会一课”台账：已召开会议 {held} 次，缺漏或逾期 {gaps} 处，"
                                  "未达法定人数的会议 {inquorate} 次。",
                            "en": "Made the meetings ledger of {year}: {held} meetings held, {gaps} missing or late, "
                                  "{inquorate} without a quorum."},
    "meeting_ledger_bad_files": {"zh": "另有 {count} 个文件无法读取，已列在台账开头。",
                                 "en": " {count} files could not be read; they are listed at the ledger's start."},
})

# --- last month's meetings when a plan is written (InsertPlan; last_month.py) ---
MESSAGES.update({
    "last_month_gaps": {"zh": " 上月会议未见记录：{gaps}。", "en": " Last month's meetings without a record: {gaps}."},
})
