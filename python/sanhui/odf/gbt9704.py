"""The numbers of GB/T 9704-2012 《党政机关公文格式》 that the styles are built from.

Fonts the standard names (仿宋_GB2312, 方正小标宋简体 …) are not free: each font is a
``;``-separated list that LibreOffice tries in order, the standard's name first and a free
font that Debian ships (fonts-noto-cjk, fonts-lxgw-wenkai, fonts-arphic-ukai) last.
"""

from __future__ import annotations

from typing import Dict

FONTS: Dict[str, str] = {
    "fangsong": "仿宋_GB2312;仿宋;FangSong;STFangsong;Noto Serif CJK SC",
    "xiaobiaosong": "方正小标宋简体;方正小标宋_GBK;华文中宋;STZhongsong;Noto Serif CJK SC",
    "heiti": "黑体;SimHei;STHeiti;Heiti SC;Noto Sans CJK SC",
    "kaiti": "楷体_GB2312;楷体;KaiTi;STKaiti;LXGW WenKai;AR PL UKai CN;Noto Serif CJK SC",
    "songti": "宋体;SimSun;STSong;Songti SC;Noto Serif CJK SC",
}

# Sizes in points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
SIZE_TITLE = "22pt"
SIZE_BODY = "16pt"
SIZE_PAGE_NUMBER = "14pt"
SIZE_NOTE = "14pt"
SIZE_TABLE = "14pt"  # 4号 in tables, as record books set them

# 22 lines in a 225 mm type area: 225 mm / 22 = 28.99 pt; 28.9 pt keeps 22 lines on the page.
LINE_HEIGHT = "28.9pt"
NOTE_LINE_HEIGHT = "24pt"
INDENT_TWO_CHARS = "32pt"  # first-line indent: two 3号 characters

# A4, type area 156 × 225 mm: 天头 37 mm, 订口 (inner) 28 mm, outer 26 mm, bottom 35 mm.
PAGE_WIDTH = "210mm"
PAGE_HEIGHT = "297mm"
MARGIN_TOP = "37mm"
MARGIN_INNER = "28mm"
MARGIN_OUTER = "26mm"
MARGIN_BOTTOM = "35mm"
# The page number sits 7 mm below the type area, inside the 35 mm bottom margin: Writer counts
# a footer into the body's space, so the page margin is 20 mm and the footer takes the other
# 15 mm (Writer's footer height includes the 7 mm spacing above it), keeping the type area at
# 225 mm and 22 lines.
FOOTER_SPACING = "7mm"
FOOTER_HEIGHT = "15mm"
PAGE_MARGIN_BOTTOM = "20mm"
PAGE_NUMBER_INDENT = "14pt"  # one 4号 character in from the edge of the type area
