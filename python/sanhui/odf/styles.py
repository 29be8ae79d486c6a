"""The named styles every inserted section uses, written into the fragment's styles.xml.

They are ordinary Writer styles (Styles sidebar, Chinese names), so a secretary restyles a
plan by editing a style, and a document that already has a style of the same name keeps its
own definition when a fragment is inserted.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from . import gbt9704 as gb
from .xml import element, sub


class StyleName:
    """Programmatic ODF names; Writer shows (and matches on) the Chinese display names."""

    TITLE = "SanhuiTitle"
    HEADING = ("SanhuiHeading1", "SanhuiHeading2", "SanhuiHeading3", "SanhuiHeading4")
    BODY = "SanhuiBody"
    NOTE = "SanhuiNote"
    PAGE_NUMBER = "SanhuiPageNumber"
    TABLE_LABEL = "SanhuiTableLabel"
    TABLE_TEXT = "SanhuiTableText"
    FIELD_LINE = "SanhuiFieldLine"  # 出席：张三、李四 (GB/T 9704 §10.3), wrapped after the colon
    FIELD_LABEL = "SanhuiFieldLabel"  # character style of “出席：”, 黑体
    SIGN_TEXT = "SanhuiSignText"
    ADDRESSEE = "SanhuiAddressee"  # 各党支部： flush left (GB/T 9704 §7.3.2 主送机关)
    SIGNATURE = "SanhuiSignature"  # the issuer and date under a plan (§7.3.5), right-aligned
    NUMBERING = "SanhuiNumbering"
    MASTER_PAGE = "SanhuiPage"


DISPLAY_NAMES: Dict[str, str] = {
    StyleName.TITLE: "三会一课-标题",
    StyleName.HEADING[0]: "三会一课-一级标题",
    StyleName.HEADING[1]: "三会一课-二级标题",
    StyleName.HEADING[2]: "三会一课-三级标题",
    StyleName.HEADING[3]: "三会一课-四级标题",
    StyleName.BODY: "三会一课-正文",
    StyleName.NOTE: "三会一课-备注",
    StyleName.PAGE_NUMBER: "三会一课-页码",
    StyleName.TABLE_LABEL: "三会一课-表格标签",
    StyleName.TABLE_TEXT: "三会一课-表格文字",
    StyleName.FIELD_LINE: "三会一课-纪要要素",
    StyleName.FIELD_LABEL: "三会一课-要素名",
    StyleName.SIGN_TEXT: "三会一课-会签",
    StyleName.ADDRESSEE: "三会一课-主送",
    StyleName.SIGNATURE: "三会一课-落款",
    StyleName.NUMBERING: "三会一课-编号",
    StyleName.MASTER_PAGE: "三会一课-公文页面",
}

# (font key, size, extra paragraph properties) per paragraph style; all inherit the body's
# line height and first-line indent so the page keeps GB/T 9704's 22 × 28 grid.
_HEADING_FONTS = ("heiti", "kaiti", "fangsong", "fangsong")  # 一、黑体 （一）楷体 1.（1）仿宋

# Chinese numbering: 一、 （一） 1. （1） — labels come from the list style, never typed text.
_LEVELS: Tuple[Tuple[str, str, str], ...] = (
    ("一, 二, 三, ...", "", "、"),
    ("一, 二, 三, ...", "（", "）"),
    ("1", "", "."),
    ("1", "（", "）"),
)


def content_skeleton() -> Tuple[Any, Any, Any]:
    """(office:document-content, its office:automatic-styles, its office:text): the frame every
    writer fills — fonts declared, automatic styles before the body, as ODF orders them."""
    root = element("office:document-content", {"office:version": "1.3"})
    font_face_decls(root)
    automatic = sub(root, "office:automatic-styles")
    return root, automatic, sub(sub(root, "office:body"), "office:text")


def font_face_decls(parent: Any) -> None:
    """Declare the font lists; both content.xml and styles.xml need the same declarations."""
    decls = sub(parent, "office:font-face-decls")
    for key, family in gb.FONTS.items():
        generic = "swiss" if key == "heiti" else "roman"
        sub(decls, "style:font-face", {
            "style:name": _font(key),
            "svg:font-family": family,
            "style:font-family-generic": generic,
        })


def _font(key: str) -> str:
    return "Sanhui-" + key


def _text_props(font: str, size: str, **extra: str) -> Dict[str, str]:
    """Western, Asian and complex-script font alike: GB/T 9704 sets digits in the same face."""
    props = {
        "style:font-name": _font(font),
        "style:font-name-asian": _font(font),
        "style:font-name-complex": _font(font),
        "fo:font-size": size,
        "style:font-size-asian": size,
        "style:font-size-complex": size,
        "fo:language": "zh",
        "fo:country": "CN",
        "style:language-asian": "zh",
        "style:country-asian": "CN",
    }
    props.update({k.replace("__", ":").replace("_", "-"): v for k, v in extra.items()})
    return props


def _paragraph_style(parent: Any, name: str, para: Dict[str, str], text: Dict[str, str],
                     parent_style: str = "") -> None:
    attrs = {"style:name": name, "style:display-name": DISPLAY_NAMES[name], "style:family": "paragraph"}
    if parent_style:
        attrs["style:parent-style-name"] = parent_style
    style = sub(parent, "style:style", attrs)
    if para:
        sub(style, "style:paragraph-properties", para)
    if text:
        sub(style, "style:text-properties", text)


def _paragraph_styles(styles: Any) -> None:
    _paragraph_style(styles, StyleName.BODY, {
        "fo:line-height": gb.LINE_HEIGHT,
        "fo:text-indent": gb.INDENT_TWO_CHARS,
        "fo:margin-left": "0mm",
        "fo:margin-right": "0mm",
        "fo:margin-top": "0mm",
        "fo:margin-bottom": "0mm",
        "fo:text-align": "justify",
        "style:punctuation-wrap": "hanging",
        "style:snap-to-layout-grid": "false",
    }, _text_props("fangsong", gb.SIZE_BODY))
    _paragraph_style(styles, StyleName.TITLE, {
        "fo:text-align": "center",
        "fo:text-indent": "0mm",
        "fo:margin-bottom": gb.LINE_HEIGHT,  # one blank line under the title
        "fo:keep-with-next": "always",
    }, _text_props("xiaobiaosong", gb.SIZE_TITLE), StyleName.BODY)
    for level, font in enumerate(_HEADING_FONTS):
        para = {"fo:keep-with-next": "always"} if level < 2 else {}
        _paragraph_style(styles, StyleName.HEADING[level], para,
                         _text_props(font, gb.SIZE_BODY), StyleName.BODY)
    _paragraph_style(styles, StyleName.NOTE, {
        "fo:line-height": gb.NOTE_LINE_HEIGHT,
        "fo:text-indent": "28pt",
        "fo:margin-top": "2pt",
        "fo:margin-bottom": "2pt",
        "fo:background-color": "#f2f2f2",
    }, _text_props("kaiti", gb.SIZE_NOTE, fo__color="#595959"), StyleName.BODY)
    for name, font in ((StyleName.TABLE_LABEL, "heiti"), (StyleName.TABLE_TEXT, "fangsong")):
        _paragraph_style(styles, name, {"fo:text-indent": "0mm", "fo:line-height": "120%",
                                        "fo:text-align": "start"},
                         _text_props(font, gb.SIZE_TABLE), StyleName.BODY)
    # GB/T 9704 §10.3: “出席：” two characters in, names after it, wrapped lines under the names
    _paragraph_style(styles, StyleName.FIELD_LINE, {"fo:margin-left": "80pt", "fo:text-indent": "-48pt"},
                     {}, StyleName.BODY)
    _paragraph_style(styles, StyleName.SIGN_TEXT, {"fo:text-indent": "0mm", "fo:text-align": "start"},
                     {}, StyleName.BODY)
    _paragraph_style(styles, StyleName.ADDRESSEE, {"fo:text-indent": "0mm"}, {}, StyleName.BODY)
    # §7.3.5.2: the signature and date end four characters from the right margin
    _paragraph_style(styles, StyleName.SIGNATURE, {"fo:text-indent": "0mm", "fo:text-align": "end",
                                                   "fo:margin-right": "64pt"}, {}, StyleName.BODY)
    label = sub(styles, "style:style", {"style:name": StyleName.FIELD_LABEL, "style:family": "text",
                                        "style:display-name": DISPLAY_NAMES[StyleName.FIELD_LABEL]})
    sub(label, "style:text-properties", _text_props("heiti", gb.SIZE_BODY))
    _paragraph_style(styles, StyleName.PAGE_NUMBER, {
        "fo:text-indent": "0mm",
        "fo:line-height": "100%",
    }, _text_props("songti", gb.SIZE_PAGE_NUMBER), StyleName.BODY)


def _list_style(styles: Any) -> None:
    """The numbering 一、（一）1.（1）: no hanging indent, the label starts the first line."""
    lst = sub(styles, "text:list-style", {
        "style:name": StyleName.NUMBERING,
        "style:display-name": DISPLAY_NAMES[StyleName.NUMBERING],
    })
    for level, (fmt, prefix, suffix) in enumerate(_LEVELS, start=1):
        attrs = {"text:level": str(level), "style:num-format": fmt, "style:num-suffix": suffix}
        if prefix:
            attrs["style:num-prefix"] = prefix
        lvl = sub(lst, "text:list-level-style-number", attrs)
        props = sub(lvl, "style:list-level-properties", {
            "text:list-level-position-and-space-mode": "label-alignment",
        })
        sub(props, "style:list-level-label-alignment", {
            "text:label-followed-by": "nothing",
            "fo:text-indent": gb.INDENT_TWO_CHARS,
            "fo:margin-left": "0mm",
        })
    for level in range(len(_LEVELS) + 1, 11):  # levels the user may reach with Tab
        lvl = sub(lst, "text:list-level-style-number", {"text:level": str(level), "style:num-format": "1",
                                                         "style:num-suffix": "."})
        sub(lvl, "style:list-level-properties")


def _page_styles(automatic: Any, master: Any) -> None:
    layout = sub(automatic, "style:page-layout", {"style:name": "SanhuiPageLayout",
                                                  "style:page-usage": "mirrored"})
    sub(layout, "style:page-layout-properties", {
        "fo:page-width": gb.PAGE_WIDTH,
        "fo:page-height": gb.PAGE_HEIGHT,
        "style:print-orientation": "portrait",
        "fo:margin-top": gb.MARGIN_TOP,
        "fo:margin-bottom": gb.PAGE_MARGIN_BOTTOM,
        "fo:margin-left": gb.MARGIN_INNER,
        "fo:margin-right": gb.MARGIN_OUTER,
        "style:writing-mode": "lr-tb",
    })
    sub(layout, "style:header-style")
    footer = sub(layout, "style:footer-style")
    sub(footer, "style:header-footer-properties", {
        "fo:min-height": gb.FOOTER_HEIGHT,
        "fo:margin-top": gb.FOOTER_SPACING,
        "style:dynamic-spacing": "false",
    })
    # Odd (right) pages: number on the right, one character in; even (left) pages: on the left.
    for name, align, side in (("SanhuiPageNumberRight", "end", "fo:margin-right"),
                              ("SanhuiPageNumberLeft", "start", "fo:margin-left")):
        style = sub(automatic, "style:style", {"style:name": name, "style:family": "paragraph",
                                               "style:parent-style-name": StyleName.PAGE_NUMBER})
        sub(style, "style:paragraph-properties", {"fo:text-align": align, side: gb.PAGE_NUMBER_INDENT})
    page = sub(master, "style:master-page", {
        "style:name": StyleName.MASTER_PAGE,
        "style:display-name": DISPLAY_NAMES[StyleName.MASTER_PAGE],
        "style:page-layout-name": "SanhuiPageLayout",
    })
    for tag, style_name in (("style:footer", "SanhuiPageNumberRight"), ("style:footer-left", "SanhuiPageNumberLeft")):
        para = sub(sub(page, tag), "text:p", {"text:style-name": style_name})
        para.text = "— "
        number = sub(para, "text:page-number", {"text:select-page": "current"}, "1")
        number.tail = " —"


def build_styles() -> Any:
    """The whole styles.xml root: fonts, named paragraph and list styles, the 公文 page."""
    root = element("office:document-styles", {"office:version": "1.3"})
    font_face_decls(root)
    styles = sub(root, "office:styles")
    _paragraph_styles(styles)
    _list_style(styles)
    automatic = sub(root, "office:automatic-styles")
    master = sub(root, "office:master-styles")
    _page_styles(automatic, master)
    return root


def style_names() -> List[str]:
    """The display names a user finds in the Styles sidebar after an insertion."""
    return list(DISPLAY_NAMES.values())
