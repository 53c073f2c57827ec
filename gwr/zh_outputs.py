"""Outputs that carry both editions: the English, and beside it the Chinese.

A chapter's code runs once. What it prints must serve both editions, so a table or a figure is
one output with two representations: the usual ``text/markdown`` or ``image/svg+xml`` for the
English edition, and ``ZH_MARKDOWN`` or ``ZH_SVG`` for the Chinese. The Chinese edition's build
ranks these first (gwr.book.sphinxext.edition_outputs); the English build never sees them.

The Chinese is drawn by the same code from the same data: a table's caption, headings and
cells, and a figure's text, pass through the catalog (gwr.zh_strings). What the catalog
lacks stays English and is listed in the output's metadata under ``untranslated``; that
metadata entry is always there, and marks the output as one with two editions.
"""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd

from gwr.zh_strings import translate_all

ZH_MARKDOWN = "text/x-gwr-zh+markdown"
ZH_SVG = "image/x-gwr-zh+svg"
UNTRANSLATED = "untranslated"


class EditionMarkdown:
    """Markdown for the English edition (``data``) and for the Chinese one (``zh``).

    Examples:
        >>> shown = EditionMarkdown("Hello", "你好")
        >>> sorted(shown._repr_mimebundle_()[0])
        ['text/markdown', 'text/plain', 'text/x-gwr-zh+markdown']
    """

    def __init__(self, data: str, zh: str, untranslated: list[str] | None = None):
        self.data, self.zh, self.untranslated = data, zh, list(untranslated or [])

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/markdown": self.data, ZH_MARKDOWN: self.zh,
                  "text/plain": "<EditionMarkdown>"}
        return bundle, {ZH_MARKDOWN: {UNTRANSLATED: self.untranslated}}


def translate_frame(frame: pd.DataFrame, missing: list[str]) -> pd.DataFrame:
    """``frame`` with its column names and text cells in Chinese (numbers are left alone)."""
    out = frame.copy()
    out.columns = [translate_all(str(c), missing) for c in frame.columns]
    for column in out.columns:
        out[column] = [translate_all(v, missing) if isinstance(v, str) else v
                       for v in out[column]]
    return out


@contextmanager
def chinese_text(figure):
    """Inside the block, every text of ``figure`` reads in Chinese; afterwards, as it was.

    Tick labels are drawn from the axis formatter at each draw, so the figure is drawn once and
    each axis gets fixed ticks with the translated labels; titles, legends, annotations and
    labels are text objects and are translated in place. Yields the list of untranslated text.
    """
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FixedLocator

    missing: list[str] = []
    figure.canvas.draw()
    axes_state = []
    for ax in figure.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            labels = [t.get_text() for t in axis.get_ticklabels()]
            if not any(labels):
                continue
            state = (axis, axis.get_major_locator(), axis.get_major_formatter(),
                     axis.get_view_interval())
            locs = list(axis.get_ticklocs())
            axis.set_major_locator(FixedLocator(locs))
            axis.set_major_formatter(FixedFormatter([translate_all(t, missing) for t in labels]))
            axes_state.append(state)
    texts = [(t, t.get_text()) for t in figure.findobj(Text)
             if t.get_text() and not _is_tick_label(t)]
    for text, english in texts:
        text.set_text(translate_all(english, missing))
    try:
        yield missing
    finally:
        for text, english in texts:
            text.set_text(english)
        for axis, locator, formatter, interval in axes_state:
            axis.set_major_locator(locator)
            axis.set_major_formatter(formatter)
            axis.set_view_interval(*interval, ignore=True)


def _is_tick_label(text) -> bool:
    axis = getattr(text, "axes", None)
    if axis is None:
        return False
    return any(text in a.get_ticklabels(which="both") for a in (axis.xaxis, axis.yaxis))


def chinese_svg(figure, **print_kwargs) -> tuple[str, dict]:
    """The figure drawn with its Chinese text, as SVG, and the output metadata."""
    from IPython.core.pylabtools import print_figure

    with chinese_text(figure) as missing:
        svg = print_figure(figure, "svg", **print_kwargs)
    return svg, {UNTRANSLATED: missing}


def register_chinese_figures(shell, print_kwargs: dict) -> None:
    """Make every matplotlib figure that the kernel displays carry its Chinese SVG as well.

    Call after the inline backend has chosen its formats: choosing them removes every other
    formatter of Figure.
    """
    from IPython.core.formatters import BaseFormatter
    from matplotlib.figure import Figure
    from traitlets import ObjectName, Unicode

    class ChineseSVGFormatter(BaseFormatter):
        format_type = Unicode(ZH_SVG)
        print_method = ObjectName("_repr_zh_svg_")

        def __call__(self, obj):
            # BaseFormatter keeps only strings; the metadata travels as the tuple's second part.
            if not self.enabled:
                return None
            try:
                printer = self.lookup(obj)
            except KeyError:
                return None
            return printer(obj)

    formatters = shell.display_formatter.formatters
    formatter = formatters.get(ZH_SVG)
    if formatter is None:
        formatter = ChineseSVGFormatter(parent=shell.display_formatter)
        formatters[ZH_SVG] = formatter
    formatter.for_type(Figure, lambda figure: chinese_svg(figure, **print_kwargs))
