"""Recognise a month's guidance text (a WeChat article, a .docx from the 党委, a pasted page) as
a plan: parts, numbered headings and items, body paragraphs, 备注, and the paragraphs before and
after — the one recogniser behind ImportPlan, FormatAsPlan and the built-in seed pack.

Real guidance is typed by hand, so the recogniser reads structure, not a fixed template:

* Numbering comes in many forms (一、 （一） 1. 1、 （1） ① 一是 …) and no two 党委 use them
  alike, so a style's level is the order in which it first appears (a stack: a style already on
  the stack goes back to its level, a new one goes one deeper), not a table of form → level.
  A notice numbered only 1. 2. 3. thus has three parts.
* Forms that also occur in plain text (“1 ” with a space, the typo “3。”, 一是) are numbering
  only in sequence: they continue a list, or start one that a “2” continues.
* 备注 come bracketed, in 【】, after an item on its line, unclosed, or running on to a later
  line; a note belongs to the paragraph just before it.
* Not one character of the user's text is lost: what is not numbering or a note's wrapper goes
  into the plan, in order; what the recogniser cannot place is kept as body text and listed in
  ``unread``. The markup it may drop is ``MARKUP`` (see tests/unit/test_properties_recognise.py).

Pure: stdlib, model and content only, so it runs and is tested without an office.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple, Union

from ..model.meeting import meeting_of_heading
from ..model.plan import MAX_DEPTH, NOTE_LABELS, Entry, Paragraph, Part
from .pack import ContentPack

# Every character the recogniser may leave out of the plan: numbering labels (digits, Chinese
# numerals, 是, circled numbers, brackets, stops) and a note's wrapper (brackets, 【】, 备注 and
# its colon). Whitespace may go too. Anything else the user typed is in the plan.
MARKUP = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十是（）()【】、.．。：:备注") | frozenset(
    chr(c) for c in list(range(0x2460, 0x2474)) + list(range(0x2474, 0x2488))
)

# Characters that are invisible and carry no text: a BOM pasted mid-text, zero-width spaces.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


@dataclass(frozen=True)
class Counts:
    """What a preview and ``Result`` report: 4 部分，11 个标题，23 项，12 条备注（2 行按正文处理）.

    ``parts`` are the level-1 entries; ``headings`` the other entries that have children or body
    paragraphs under them; ``items`` the other entries (leaves) plus the body paragraphs under
    entries (preamble and closing paragraphs are not items); ``notes`` every 备注, the title's,
    preamble's and closing's too; ``unread`` the lines kept as body text because they were not
    understood.
    """

    parts: int
    headings: int
    items: int
    notes: int
    unread: int


@dataclass(frozen=True)
class Recognised:
    """A recognised text: the plan as a content pack (the title's month replaced by ``{month}``
    when one was found, so the plan can be inserted for any month), the month the title named,
    and the lines kept as body text because they were not understood.

    ``month_text`` is the part of the title that ``{month}`` replaced (“2023年9月”), so the
    title as typed is ``pack.title.replace("{month}", month_text)``.
    """

    pack: ContentPack
    month: Optional[Tuple[int, int]]  # (year, month) named in the title, if any
    unread: Tuple[str, ...]
    month_text: str = ""

    def counts(self) -> Counts:
        """Parts, headings, items and notes of the plan (see Counts), and the lines not read."""
        headings = items = 0
        notes = len(self.pack.title_notes)
        notes += sum(len(p.notes) for p in self.pack.preamble + self.pack.closing)

        def visit(entry: Entry, level: int) -> None:
            nonlocal headings, items, notes
            notes += len(entry.notes) + sum(len(p.notes) for p in entry.body)
            items += len(entry.body)
            if level > 1:
                if entry.children or entry.body:
                    headings += 1
                else:
                    items += 1
            for child in entry.children:
                visit(child, level + 1)

        for part in self.pack.parts:
            visit(part.entry, 1)
        return Counts(len(self.pack.parts), headings, items, notes, len(self.unread))


# --- decoding a .txt file ------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    """The text of a .txt file as Windows Notepad, WPS or a phone saves it, line ends made "\\n".

    UTF-8 (with or without BOM) first, as almost every tool now writes it; UTF-16 by its BOM, or
    without one by the NUL bytes its ASCII characters (line ends, digits) carry at every other
    place; otherwise GB18030, the superset of the GBK that older Chinese Windows tools write.
    Bytes no encoding can read become U+FFFD rather than an error: a secretary sees what was
    read and can fix the rest.
    """
    text = _decode(data)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """"utf-16-le" or "utf-16-be" for text with NUL bytes, else None. Text in UTF-8 or GBK never
    holds a NUL, while UTF-16 has one in every ASCII character (line ends, digits) and in many
    CJK ones (一 is U+4E00); the byte order is the one that reads as more Chinese and ASCII
    text, little-endian (what Windows writes) when both read as well."""
    if b"\x00" not in data[:65536] or len(data) % 2:
        return None
    sample = data[:4096]
    scores = {codec: _plausible(sample.decode(codec, errors="replace")) for codec in ("utf-16-le", "utf-16-be")}
    return "utf-16-le" if scores["utf-16-le"] >= scores["utf-16-be"] else "utf-16-be"


def _plausible(text: str) -> int:
    """How many characters look like Chinese guidance: CJK, its punctuation, printable ASCII.
    A line end read in the wrong byte order is U+0A00, which no text has: a file of two lines
    or more decodes right whatever its characters."""
    return sum(1 for c in text if c in "\n\r\t\u3000" or " " <= c <= "~" or "\u3000" <= c <= "\u303f"
               or "\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" or "\u2010" <= c <= "\u206f"
               or "\u2460" <= c <= "\u24ff")


# --- numbering labels ----------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "[一二三四五六七八九十]{1,3}"
_D = "[0-9０-９]{1,2}"
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# After “1.” a digit means a decimal or a date (1.5倍, 10.1前, 2023.9.25), unless a year follows.
_NOT_DECIMAL = r"(?![0-9０-９](?![0-9０-９]{3}\s*年))"


def _cn_value(numeral: str) -> Optional[int]:
    """一 … 九十九 as a number; None for what is not one (一一, 十十)."""
    if numeral in _CN_DIGITS:
        return _CN_DIGITS[numeral]
    tens, sep, ones = numeral.partition("十")
    if not sep or "十" in ones:
        return None
    high = 1 if tens == "" else _CN_DIGITS.get(tens)
    low = 0 if ones == "" else _CN_DIGITS.get(ones)
    if high is None or low is None:
        return None
    return high * 10 + low


def _value(style: str, token: str) -> Optional[int]:
    if style in ("cn", "paren-cn", "cn-shi"):
        return _cn_value(token)
    if style == "circled":
        return ord(token) - 0x2460 + 1
    if token and 0x2474 <= ord(token[0]) <= 0x2487:  # ⑴ … ⒇
        return ord(token[0]) - 0x2474 + 1
    return int(token.translate(_FULL_DIGITS))


# (style, pattern, loose). A style is a numbering form as a reader sees it: 一、 一. 一． are one
# style, 1. 1、 1． “1 ” and “1。” another. Loose forms also occur in plain text, so they are
# numbering only in sequence. Order matters where forms share a start.
_LABELS: Tuple[Tuple[str, re.Pattern[str], bool], ...] = (
    ("paren-cn", re.compile(rf"[（(]\s*({_CN})\s*[）)]\s*[、.．]?"), False),
    ("paren-digit", re.compile(rf"[（(]\s*({_D})\s*[）)]\s*[、.．]?"), False),
    ("paren-digit", re.compile(r"([\u2474-\u2487])\s*[、.．]?"), False),
    ("circled", re.compile(r"([\u2460-\u2473])\s*[、.．]?"), False),
    ("cn", re.compile(rf"({_CN})\s*[、.．]"), False),
    ("cn-shi", re.compile(rf"({_CN})是"), True),
    ("digit-paren", re.compile(rf"({_D})\s*[）)]"), False),
    ("digit", re.compile(rf"({_D})\s*[.．、]{_NOT_DECIMAL}"), False),
    ("digit", re.compile(rf"({_D})。{_NOT_DECIMAL}"), True),
    ("digit", re.compile(rf"({_D})[ \t\u3000\xa0]+(?=[^\s0-9０-９])"), True),
)


@dataclass(frozen=True)
class _Label:
    style: str
    value: int
    end: int  # where the text after the label (and its spaces) starts
    loose: bool


def _label(text: str) -> Optional[_Label]:
    """The numbering label a line starts with, if it has one (not yet checked for sequence)."""
    for style, pattern, loose in _LABELS:
        match = pattern.match(text)
        if match:
            value = _value(style, match.group(1))
            if value is None:
                continue
            end = match.end()
            while end < len(text) and text[end].isspace():
                end += 1
            return _Label(style, value, end, loose)
    return None


# Markers of items run together in one line (“1.完成…；2.开展…”): the strict forms only.
_INLINE = {
    "digit": re.compile(rf"({_D})\s*[.．、]{_NOT_DECIMAL}"),
    "paren-digit": re.compile(rf"[（(]\s*({_D})\s*[）)]"),
    "circled": re.compile(r"([\u2460-\u2473])"),
}
_SEPARATORS = "；;。"
_COLON = re.compile("[：:]")


def _after_separator(text: str, index: int) -> bool:
    """True when a ；/;/。 comes right before ``index`` (spaces aside), with text before it."""
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return index > 1 and text[index - 1] in _SEPARATORS


def _run(text: str, start: int, style: str, value: int) -> List[Tuple[int, int]]:
    """Spans of the markers value, value+1, … in ``text`` from ``start``, each right after a
    ；/;/。 — the only place a run-together item can start unambiguously. The run stops at the
    first marker after a separator that is not the next number."""
    pattern = _INLINE[style]
    spans: List[Tuple[int, int]] = []
    for match in pattern.finditer(text, start):
        if not _after_separator(text, match.start()):
            continue
        if _value(style, match.group(1)) != value:
            break
        spans.append((match.start(), match.end()))
        value += 1
    return spans


def _after_colon(text: str) -> Optional[Tuple[str, List[Tuple[int, int]]]]:
    """(style, marker spans) when ``text`` is “head：1.…；2.…” with at least two items. Only the
    first colon followed by a “1” may open a run (one pass over a line, however long)."""
    for colon in _COLON.finditer(text):
        pos = colon.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
        for style, pattern in _INLINE.items():
            match = pattern.match(text, pos)
            if match and _value(style, match.group(1)) == 1:
                rest = _run(text, match.end(), style, 2)
                return (style, [(match.start(), match.end()), *rest]) if rest else None
    return None


def _pieces(text: str, spans: Sequence[Tuple[int, int]], first: int) -> Optional[List[str]]:
    """The items between markers (text[first:] cut at ``spans``); None if one would be empty."""
    bounds = [first, *[s for span in spans for s in span], len(text)]
    out = [text[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    return out if all(out) else None


# --- notes -------------------------------------------------------------------------------------

_LABEL_WORDS = "|".join(sorted(NOTE_LABELS, key=len, reverse=True))  # 注意 before 注
_NOTE_OPEN = re.compile(rf"[（(]\s*({_LABEL_WORDS})\s*[：:]\s*")
_NOTE_PLAIN = re.compile(r"(?:【\s*备注\s*】\s*[：:]?|备注\s*[：:])\s*")
_INLINE_SENTENCE_END = "。；;！!？?"


def _labelled(opened: re.Match[str], body: str) -> str:
    """A plain 备注 loses its label (the writer adds it back); another keeps it as typed
    (要求：…), so note_display shows it under its own name."""
    label = opened.group(1)
    if label == "备注":
        return body
    return label + ("：" if "：" in opened.group(0) else ":") + body


_BRACKET = re.compile(r"[（(）)]")


def _close(text: str, start: int, depth: int = 0) -> Tuple[Optional[int], int]:
    """(index of the bracket that closes the one open at ``start``, or None; depth at the end).
    Full- and half-width brackets count alike: people mix them."""
    for match in _BRACKET.finditer(text, start):
        if match.group() in "（(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return match.start(), 0
    return None, depth


def _pairs(text: str) -> Dict[int, int]:
    """Each opening bracket's index → its closing bracket's (unclosed ones left out), in one pass."""
    pairs: Dict[int, int] = {}
    stack: List[int] = []
    for match in _BRACKET.finditer(text):
        if match.group() in "（(":
            stack.append(match.start())
        elif stack:
            pairs[stack.pop()] = match.start()
    return pairs


@dataclass
class _Note:
    text: str
    raw: str  # the lines as typed, kept whole when the note has no paragraph to belong to


@dataclass
class _Line:
    text: str
    label: Optional[_Label]
    notes: List[_Note] = field(default_factory=list)


_Token = Union[_Line, _Note]
_CONTINUATION_LINES = 10  # how far an unclosed （备注： may run on to close


class _Reader:
    """Splits the text into lines and notes (a note may take several lines)."""

    def __init__(self, text: str) -> None:
        for char in INVISIBLE:
            text = text.replace(char, "")
        self.lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        self.tokens: List[_Token] = []

    def read(self) -> List[_Token]:
        index = 0
        while index < len(self.lines):
            index = self.line(self.lines[index], index)
        return self.tokens

    def line(self, line: str, index: int) -> int:
        """Reads the line at ``index``, returns the next line's index (a note may run on). A
        line may hold notes one after the other, and text after a closed one."""
        while line:
            plain = _NOTE_PLAIN.match(line)
            if plain:
                self.tokens.append(_Note(line[plain.end():].strip(), line))
                return index + 1
            opened = _NOTE_OPEN.match(line)
            if not opened:
                break
            closed, _ = _close(line, 0)
            if closed is None:
                text, raw, next_index = self.running_on(line, index)
                self.tokens.append(_Note(text, raw))
                return next_index
            self.tokens.append(_Note(_labelled(opened, line[opened.end():closed].strip()), line[:closed + 1]))
            line = line[closed + 1:].strip()
        if not line:
            return index + 1
        label = _label(line)
        found = self.inline_note(line, label.end if label else 0, index)
        if found is None:
            self.tokens.append(_Line(line, label))
            return index + 1
        cut, note, next_index = found
        self.tokens.append(_Line(line[:cut].rstrip(), label, [note]))
        return next_index

    def inline_note(self, line: str, start: int, index: int) -> Optional[Tuple[int, _Note, int]]:
        """A note at the end of a line's text (“1.…。（备注：…）”): where the text stops, the
        note, the next line. A 备注 may be unclosed; another label (（要求：…）) only counts
        closed at the line's end after a finished sentence, as text often has brackets."""
        pairs: Optional[Dict[int, int]] = None
        for opened in _NOTE_OPEN.finditer(line, start):
            if opened.start() == start:
                continue  # nothing before it: the line is its text, not a note's owner
            if pairs is None:
                pairs = _pairs(line)
            closed = pairs.get(opened.start())
            label = opened.group(1)
            if closed is not None:
                if closed != len(line) - 1:  # lines are stripped: text goes on after the bracket
                    continue  # a remark inside the sentence, not a note
                if label != "备注" and line[:opened.start()].rstrip()[-1:] not in tuple(_INLINE_SENTENCE_END):
                    continue
                note = _Note(_labelled(opened, line[opened.end():closed].strip()), line[opened.start():closed + 1])
                return opened.start(), note, index + 1
            if label != "备注":
                continue
            text, raw, next_index = self.running_on(line[opened.start():], index)
            return opened.start(), _Note(text, raw), next_index
        return None

    def running_on(self, line: str, index: int) -> Tuple[str, str, int]:
        """An unclosed （备注： at the start of ``line``: the note runs to the line's end, or on
        to a later unnumbered line whose end closes the bracket (lines joined with a line
        break). (note, the lines as typed, the next line's index)"""
        opened = _NOTE_OPEN.match(line)
        assert opened is not None
        _, depth = _close(line, 0)
        later_lines: List[str] = []
        for later in range(index + 1, min(len(self.lines), index + 1 + _CONTINUATION_LINES)):
            text = self.lines[later]
            if not text:
                continue
            if _label(text) or _NOTE_OPEN.match(text) or _NOTE_PLAIN.match(text):
                break
            closed, depth = _close(text, 0, depth)
            if closed is None:
                later_lines.append(text)
                continue
            if closed != len(text) - 1:
                break  # closes mid-line: not clearly the note's end
            parts = [line[opened.end():], *later_lines, text[:closed]]
            body = "\n".join(part.strip() for part in parts if part.strip())
            return _labelled(opened, body), "\n".join([line, *later_lines, text]), later + 1
        return _labelled(opened, line[opened.end():].strip()), line, index + 1


# --- title, preamble, closing -------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")
_META = re.compile(r"(?:发布时间|发布日期|发文时间|来源|作者|编辑|责任编辑|时间|日期|阅读|浏览)\s*[：:]")
_NUM = "[0-9０-９]"
_CN_DATE_DIGIT = "[〇○零一二三四五六七八九十]"
_DATE = (rf"(?:{_NUM}{{4}}\s*年\s*{_NUM}{{1,2}}\s*月\s*{_NUM}{{1,2}}\s*日"
         rf"|{_CN_DATE_DIGIT}{{4}}\s*年\s*{_CN_DATE_DIGIT}{{1,2}}\s*月\s*{_CN_DATE_DIGIT}{{1,3}}\s*日"
         rf"|{_NUM}{{4}}\s*[-/.]\s*{_NUM}{{1,2}}\s*[-/.]\s*{_NUM}{{1,2}})")
_DATE_LINE = re.compile(rf"[^。，；！？,;!?：:]{{0,30}}?{_DATE}")
_SIGNER = re.compile(r"[^。，；！？,;!?：:]{2,30}(?:委员会|党委|党组|党工委|党总支|总支|支部|委|办公室|办|部|局|处|厅|"
                     r"中心|公司|集团|学院|大学|学校|医院|院|所|站|队|会|组)")
_SIGN_OFF = re.compile(r"特此(?:通知|报告|函告)[。！!]?")
_CLOSING_LINES = 4


def _looks_like_title(line: _Line) -> bool:
    """The first line is a title when it reads like one: short, no closing punctuation, not a
    发布时间/来源 line, not a date, not numbered."""
    text = line.text
    return (line.label is None and 0 < len(text) <= 60 and text[-1] not in "。；;，,：:！!？?、"
            and not _META.match(text) and not _DATE_LINE.fullmatch(text) and bool(_CJK.search(text)))


def _closing_start(tokens: Sequence[_Token], first: int) -> int:
    """Where the signature block at the end starts (len(tokens) when there is none): the last
    few unnumbered lines, each a date, an issuer's name or 特此通知, one of them a date."""
    start = len(tokens)
    lines = 0
    dated = False
    index = len(tokens) - 1
    while index >= first and lines < _CLOSING_LINES:
        token = tokens[index]
        if isinstance(token, _Note):
            index -= 1
            continue
        if token.label is not None:
            break
        if _DATE_LINE.fullmatch(token.text):
            dated = True
        elif not (_SIGNER.fullmatch(token.text) or _SIGN_OFF.fullmatch(token.text)):
            break
        start = index
        lines += 1
        index -= 1
    return start if dated else len(tokens)


_NOT_DAY = rf"(?!\s*{_NUM}{{1,2}}\s*[日号])"
_TITLE_MONTH = re.compile(rf"({_NUM}{{4}})\s*年\s*({_NUM}{{1,2}})\s*月{_NOT_DAY}")
_BARE_MONTH = re.compile(rf"(?<![0-9０-９年])({_NUM}{{1,2}})\s*月{_NOT_DAY}")
_ANY_DATE = re.compile(rf"({_NUM}{{4}})\s*(?:年\s*|[-/.]\s*)({_NUM}{{1,2}})")


def _title_month(title: str, rest: Sequence[str]) -> Tuple[str, Optional[Tuple[int, int]], str]:
    """(title with ``{month}``, (year, month), the text replaced). “2023年9月” in the title is the
    month; a bare “9月份” takes its year from the first date elsewhere in the text (the
    发布时间 or the closing date; a January plan issued in December is next year's)."""
    match = _TITLE_MONTH.search(title)
    if match:
        year, month = int(match.group(1).translate(_FULL_DIGITS)), int(match.group(2).translate(_FULL_DIGITS))
        if 1 <= month <= 12:
            return title[:match.start()] + "{month}" + title[match.end():], (year, month), match.group(0)
    bare = _BARE_MONTH.search(title)
    if bare:
        month = int(bare.group(1).translate(_FULL_DIGITS))
        for line in rest:
            dated = _ANY_DATE.search(line)
            if dated and 1 <= month <= 12:
                year = int(dated.group(1).translate(_FULL_DIGITS))
                issued = int(dated.group(2).translate(_FULL_DIGITS))
                if month < issued - 6:
                    year += 1
                return title[:bare.start()] + "{month}" + title[bare.end():], (year, month), bare.group(0)
    return title, None, ""


# --- building the plan --------------------------------------------------------------------------

class _Para:
    def __init__(self, text: str) -> None:
        self.text = text
        self.notes: List[str] = []

    def freeze(self) -> Paragraph:
        return Paragraph(self.text, tuple(self.notes))


class _Node(_Para):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.body: List[_Para] = []
        self.children: List[_Node] = []

    def entry(self) -> Entry:
        return Entry(self.text, tuple(self.notes), tuple(p.freeze() for p in self.body),
                     tuple(c.entry() for c in self.children))


_SEQUENCE_LOOKAHEAD = 60  # lines searched for the “2” that makes a loose “1” a list


class _Builder:
    """Walks the lines, keeping the stack of numbering styles and the open entry of each level."""

    def __init__(self, tokens: List[_Token]) -> None:
        self.tokens = tokens
        self.title: Optional[_Para] = None
        self.preamble: List[_Para] = []
        self.parts: List[_Node] = []
        self.closing: List[_Para] = []
        self.styles: List[str] = []
        self.values: List[int] = []
        self.path: List[_Node] = []
        self.owner: Optional[_Para] = None  # what the next note belongs to
        self.unread: List[str] = []

    def build(self) -> None:
        tokens = self.tokens
        first = 0
        if tokens and isinstance(tokens[0], _Line) and _looks_like_title(tokens[0]):
            self.title = self.owner = _Para(tokens[0].text)
            self.attach(tokens[0].notes)
            first = 1
        closing = _closing_start(tokens, first)
        index = first
        while index < len(tokens):
            token = tokens[index]
            if isinstance(token, _Note):
                self.note(token)
            elif index >= closing:
                self.paragraph(self.closing, token)
            else:
                index = self.line(token, index, closing)
            index += 1

    def note(self, note: _Note) -> None:
        if self.owner is None:  # a note before any paragraph: kept whole, as typed
            para = _Para(note.raw)
            self.preamble.append(para)
            self.owner = para
            self.unread.append(note.raw)
        elif note.text:
            self.owner.notes.append(note.text)

    def attach(self, notes: List[_Note]) -> None:
        for note in notes:
            self.note(note)

    def paragraph(self, into: List[_Para], line: _Line, text: Optional[str] = None) -> None:
        para = _Para(line.text if text is None else text)
        into.append(para)
        self.owner = para
        self.attach(line.notes)

    def line(self, line: _Line, index: int, closing: int) -> int:
        """Reads one line; returns the index of the last token used (a label alone on its line
        takes the next line as its text)."""
        label = self.accepted(line.label, index)
        if label is None:
            self.unnumbered(line)
            return index
        level = self.level(label.style)
        text = line.text[label.end:]
        used = index
        following = self.tokens[index + 1] if index + 1 < closing else None
        if not text and isinstance(following, _Line) and following.label is None:
            text, used = following.text, index + 1
            line = _Line(f"{line.text}{following.text}", None, following.notes)
        if level > MAX_DEPTH or not text:  # kept as typed, label and all
            self.unread.append(line.text)
            self.body(line)
            return used
        pieces = None
        if label.style in _INLINE and _after_colon(text) is None:  # “1.党务：1.…；2.…” is not 1. and 2.
            spans = _run(text, 0, label.style, label.value + 1)
            pieces = _pieces(text, spans, 0) if spans else None
        for offset, piece in enumerate(pieces or [text]):
            self.open(piece, label.style, label.value + offset, level)
        self.run_after_colon(self.path[-1])
        self.attach(line.notes)
        return used

    def accepted(self, label: Optional[_Label], index: int) -> Optional[_Label]:
        """The label when it is numbering here: strict forms always; loose ones (“1 ”, “3。”,
        一是) only continuing a list on the stack, or as a “1” that a “2” follows; 一是 never
        opens the plan's first level (it enumerates inside a section)."""
        if label is None:
            return None
        if label.style == "cn-shi" and not self.path:
            return None
        if not label.loose:
            return label
        if label.style in self.styles:
            return label if self.values[self.styles.index(label.style)] + 1 == label.value else None
        if label.value == 1 and self.followed_by_two(index, label.style):
            return label
        return None

    def followed_by_two(self, index: int, style: str) -> bool:
        for token in self.tokens[index + 1:index + 1 + _SEQUENCE_LOOKAHEAD]:
            if isinstance(token, _Line) and token.label and token.label.style == style and token.label.value == 2:
                return True
        return False

    def level(self, style: str) -> int:
        return self.styles.index(style) + 1 if style in self.styles else len(self.styles) + 1

    def open(self, text: str, style: str, value: int, level: int) -> None:
        """A new entry at ``level``: the stack goes back to level - 1, then takes it."""
        del self.styles[level - 1:], self.values[level - 1:], self.path[level - 1:]
        node = _Node(text)
        (self.path[-1].children if self.path else self.parts).append(node)
        self.styles.append(style)
        self.values.append(value)
        self.path.append(node)
        self.owner = node

    def unnumbered(self, line: _Line) -> None:
        if not self.path:
            self.paragraph(self.preamble, line)
            return
        owner = self.path[-1]
        if self.run_after_colon(owner, line):
            return
        self.body(line)

    def body(self, line: _Line, text: Optional[str] = None) -> None:
        if self.path:
            self.paragraph(self.path[-1].body, line, text)
        else:
            self.paragraph(self.preamble, line, text)

    def run_after_colon(self, node: _Node, line: Optional[_Line] = None) -> bool:
        """Items run together after a colon (“党务工作：1.完成…；2.开展…。”) become the children
        of ``node`` — of the entry itself, or, for an unnumbered line, of the entry it is body
        text of (the head becoming a body paragraph). Only where that is unambiguous: the
        items' style is not already on the stack and fits within MAX_DEPTH. The line's notes
        go to the last item."""
        text = node.text if line is None else line.text
        found = _after_colon(text)
        if found is None:
            return False
        style, spans = found
        if style in self.styles or len(self.styles) + 1 > MAX_DEPTH:
            return False
        pieces = _pieces(text, spans, 0)
        if pieces is None:
            return False
        if line is None:
            node.text = pieces[0]
        else:
            node.body.append(_Para(pieces[0]))
        level = len(self.styles) + 1
        for offset, piece in enumerate(pieces[1:]):
            self.open(piece, style, 1 + offset, level)
        if line is not None:
            self.attach(line.notes)
        return True


def recognise(text: str) -> Recognised:
    """The plan in ``text``: title, preamble, parts, closing, 备注, and the lines not understood.

    Never fails: a text with no numbering at all is a plan of preamble paragraphs.
    """
    builder = _Builder(_Reader(text).read())
    builder.build()
    title = builder.title.text if builder.title else ""
    rest = [p.text for p in builder.preamble + builder.closing]
    title, month, month_text = _title_month(title, rest) if title else ("", None, "")
    pack = ContentPack(
        title=title,
        parts=tuple(Part(meeting_of_heading(node.text), node.entry()) for node in builder.parts),
        title_notes=tuple(builder.title.notes) if builder.title else (),
        preamble=tuple(p.freeze() for p in builder.preamble),
        closing=tuple(p.freeze() for p in builder.closing),
    )
    return Recognised(pack, month, tuple(builder.unread), month_text)
