"""A bar chart as an embedded ODF chart object: a chart the user edits in Writer (double-click,
change the data, the type, the colours), not a picture of one.

In the text the chart is a ``draw:frame`` holding ``draw:object xlink:href="./Object 1"``; the
package holds ``Object 1/content.xml`` (``office:chart`` → ``chart:chart``: the plot area with
its axes and one series, and the data as the chart's own ``table:table``, named ``local-table``
as LibreOffice names it) and ``Object 1/styles.xml``, listed in the manifest as
``application/vnd.oasis.opendocument.chart``. That is how LibreOffice 7.4 itself saves a chart
inserted in Writer, with what it adds for itself left out (a meta.xml, the GDI metafile under
ObjectReplacements/): LibreOffice draws the chart from its data when it opens the document and
writes the replacement picture on its first save, and Word gets a real chart from .docx export.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

from . import gbt9704 as gb
from .package import SubDocument
from .xml import element, sub

CHART_MIMETYPE = "application/vnd.oasis.opendocument.chart"
LOCAL_TABLE = "local-table"  # LibreOffice's name for a chart's own data; its import expects it
BAR_COLOUR = "#c00000"  # 党建红, printed dark enough on a black-and-white copy
_CHART_FONT = gb.FONTS["heiti"]


@dataclass(frozen=True)
class BarChart:
    """One series of bars over named categories; a value of None is a gap (no data), not zero."""

    title: str
    series: str
    categories: Tuple[str, ...]
    values: Tuple[Optional[float], ...]
    axis_title: str = ""
    maximum: Optional[float] = None  # the value axis' top (100 for percentages); None: automatic
    width: str = "150mm"
    height: str = "85mm"

    def __post_init__(self) -> None:
        if len(self.categories) != len(self.values) or not self.categories:
            raise ValueError("a bar chart needs one value per category, and at least one category")


def _column(index: int) -> str:
    """Spreadsheet column letters of the local table: 0 → A (a chart has two columns here)."""
    return chr(ord("A") + index)


def _range(column: int, first: int, last: int) -> str:
    """``local-table.$B$2:.$B$13``: the cell range notation of ODF 1.3 §19.595 as LibreOffice writes it."""
    letter = _column(column)
    return f"{LOCAL_TABLE}.${letter}${first}:.${letter}${last}"


def _style(automatic: Any, name: str, chart: Optional[Dict[str, str]] = None,
           graphic: Optional[Dict[str, str]] = None, text: Optional[Dict[str, str]] = None) -> None:
    style = sub(automatic, "style:style", {"style:name": name, "style:family": "chart"})
    for tag, props in (("style:chart-properties", chart), ("style:graphic-properties", graphic),
                       ("style:text-properties", text)):
        if props:
            sub(style, tag, props)


def _font(size: str) -> Dict[str, str]:
    """Chinese labels in 黑体 (the list falls back to a free CJK face), at ``size``."""
    return {"fo:font-size": size, "style:font-size-asian": size, "style:font-size-complex": size,
            "style:font-family-asian": _CHART_FONT}


def _number(value: float) -> str:
    """87.5 → "87.5", 100.0 → "100": what the cell shows, as LibreOffice's own save writes it."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def chart_content(chart: BarChart) -> Any:
    """``Object 1/content.xml``: the chart with its data table."""
    root = element("office:document-content", {"office:version": "1.3"})
    automatic = sub(root, "office:automatic-styles")
    _style(automatic, "ch1", graphic={"draw:stroke": "none"})
    _style(automatic, "ch2", text=_font("13pt"))
    _style(automatic, "ch3", chart={"chart:treat-empty-cells": "leave-gap"})
    _style(automatic, "ch4", chart={"chart:display-label": "true"}, text=_font("10pt"))
    y_axis = {"chart:display-label": "true", "chart:minimum": "0"}
    if chart.maximum is not None:
        y_axis["chart:maximum"] = _number(chart.maximum)
    _style(automatic, "ch5", chart=y_axis, graphic={"svg:stroke-color": "#b3b3b3"}, text=_font("10pt"))
    _style(automatic, "ch6", graphic={"svg:stroke-color": "#b3b3b3"})
    _style(automatic, "ch7", chart={"chart:data-label-number": "value"},
           graphic={"draw:fill": "solid", "draw:fill-color": BAR_COLOUR, "draw:stroke": "none"}, text=_font("9pt"))
    _style(automatic, "ch8", text=_font("10pt"))
    _style(automatic, "ch9", graphic={"draw:fill": "none", "svg:stroke-color": "#b3b3b3"})
    body = sub(sub(root, "office:body"), "office:chart")
    node = sub(body, "chart:chart", {"chart:class": "chart:bar", "svg:width": chart.width, "svg:height": chart.height,
                                     "chart:style-name": "ch1"})
    sub(sub(node, "chart:title", {"chart:style-name": "ch2"}), "text:p", text=chart.title)
    last = len(chart.values) + 1  # row 1 holds the labels
    plot = sub(node, "chart:plot-area", {"chart:style-name": "ch3", "chart:data-source-has-labels": "both",
                                         "table:cell-range-address": f"{LOCAL_TABLE}.$A$1:.$B${last}"})
    x_axis = sub(plot, "chart:axis", {"chart:dimension": "x", "chart:name": "primary-x", "chart:style-name": "ch4"})
    sub(x_axis, "chart:categories", {"table:cell-range-address": _range(0, 2, last)})
    y = sub(plot, "chart:axis", {"chart:dimension": "y", "chart:name": "primary-y", "chart:style-name": "ch5"})
    if chart.axis_title:
        sub(sub(y, "chart:title", {"chart:style-name": "ch8"}), "text:p", text=chart.axis_title)
    sub(y, "chart:grid", {"chart:class": "major", "chart:style-name": "ch6"})
    sub(plot, "chart:series", {"chart:class": "chart:bar", "chart:style-name": "ch7",
                               "chart:values-cell-range-address": _range(1, 2, last),
                               "chart:label-cell-address": f"{LOCAL_TABLE}.$B$1"})
    sub(plot, "chart:wall", {"chart:style-name": "ch9"})  # white behind the bars: LibreOffice's is grey
    _data_table(node, chart)
    return root


def _data_table(parent: Any, chart: BarChart) -> None:
    """The chart's own data (the 数据表 LibreOffice's chart editor shows): categories in column A,
    the series in column B, its name on row 1. An empty cell is a month without data."""
    table = sub(parent, "table:table", {"table:name": LOCAL_TABLE})
    sub(sub(table, "table:table-header-columns"), "table:table-column")
    sub(sub(table, "table:table-columns"), "table:table-column")
    header = sub(sub(table, "table:table-header-rows"), "table:table-row")
    sub(sub(header, "table:table-cell"), "text:p")
    sub(sub(header, "table:table-cell", {"office:value-type": "string"}), "text:p", text=chart.series)
    rows = sub(table, "table:table-rows")
    for category, value in zip(chart.categories, chart.values):
        row = sub(rows, "table:table-row")
        sub(sub(row, "table:table-cell", {"office:value-type": "string"}), "text:p", text=category)
        if value is None:
            sub(sub(row, "table:table-cell"), "text:p")
        else:
            shown = _number(value)
            sub(sub(row, "table:table-cell", {"office:value-type": "float", "office:value": shown}),
                "text:p", text=shown)


def chart_styles() -> Any:
    """``Object 1/styles.xml``: nothing of its own (every style is automatic, in content.xml)."""
    root = element("office:document-styles", {"office:version": "1.3"})
    sub(root, "office:styles")
    return root


def chart_document(chart: BarChart, path: str = "Object 1") -> SubDocument:
    """The chart as the sub-document the package carries at ``path``."""
    return SubDocument(path, CHART_MIMETYPE, {"content.xml": chart_content(chart), "styles.xml": chart_styles()})


FRAME_STYLE = "SanhuiChartFrame"


def frame_style(automatic: Any) -> None:
    """The frame's automatic style: centred on its own lines, the text above and below it."""
    style = sub(automatic, "style:style", {"style:name": FRAME_STYLE, "style:family": "graphic"})
    sub(style, "style:graphic-properties", {
        "style:wrap": "none", "style:vertical-pos": "top", "style:vertical-rel": "paragraph",
        "style:horizontal-pos": "center", "style:horizontal-rel": "paragraph",
        "fo:margin-top": "2mm", "fo:margin-bottom": "2mm", "draw:ole-draw-aspect": "1",
    })


def chart_frame(paragraph: Any, chart: BarChart, name: str, path: str = "Object 1") -> Any:
    """Anchor the chart to ``paragraph`` (a ``text:p``): the frame pointing at the sub-document.
    ``name`` is the object's name in Writer's Navigator (and getEmbeddedObjects())."""
    frame = sub(paragraph, "draw:frame", {"draw:style-name": FRAME_STYLE, "draw:name": name,
                                          "text:anchor-type": "paragraph", "svg:width": chart.width,
                                          "svg:height": chart.height, "draw:z-index": "0"})
    sub(frame, "draw:object", {"xlink:href": f"./{path}", "xlink:type": "simple", "xlink:show": "embed",
                               "xlink:actuate": "onLoad"})
    return frame


def chart_parts(charts: Sequence[BarChart]) -> Tuple[SubDocument, ...]:
    """``Object 1``, ``Object 2`` … for several charts, in the order their frames were placed."""
    return tuple(chart_document(chart, f"Object {n}") for n, chart in enumerate(charts, start=1))
