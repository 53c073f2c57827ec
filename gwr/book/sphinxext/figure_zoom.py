"""Every figure opens at full size, and its text stays legible on a phone.

Each image of a figure is wrapped in a link to its own file, so a tap or a click opens the chart
at full size; the image keeps its alt text, which names the link. The link sits in a box that
scrolls sideways (book/_static/custom.css): the image never renders narrower than its *legible
width*, the width at which its smallest text is LEGIBLE_PX CSS pixels tall. On a wide screen that
changes nothing; on a phone the chart keeps readable labels and the box scrolls, with a hint
(book/_static/reader.js).

The legible width is read from the image file when the page is written: matplotlib's SVG gives
its size in points and draws each text run as glyph paths scaled by ``font size / 100``
(``scale(0.08 -0.08)`` is 8 pt), or, with ``svg.fonttype: none``, as text with a font size.
"""

from __future__ import annotations

import functools
import math
import posixpath
import re
from pathlib import Path
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.html5 import HTML5Translator

from gwr.book.sphinxext.ui_text import text

LEGIBLE_PX = 9.0  # the smallest chart text a reader should meet, in CSS pixels
PX_PER_UNIT = {"pt": 4 / 3, "px": 1.0, "": 1.0, "in": 96.0, "mm": 96 / 25.4, "cm": 96 / 2.54}
_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px|in|mm|cm)?"', re.S)
_VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+[\d.]+"', re.S)
# A glyph run drawn as paths: scale(s -s), where s * 100 is the font size in user units.
_GLYPH_SCALE = re.compile(r"scale\(([\d.]+)\s*[ ,]\s*-\1\)")
_FONT_SIZE = re.compile(r"font(?:-size)?:\s*(?:[a-z-]+\s+)*([\d.]+)(px|pt)")


class figure_zoom(nodes.General, nodes.Element):  # docutils names its node classes so
    """A link to the full-size image that it holds, in a box that scrolls sideways."""


def svg_text_sizes(svg: str) -> tuple[float, float] | None:
    """(width, smallest text height) of an SVG at its natural size, in CSS pixels.

    None when the file gives no width or holds no text.

    Examples:
        >>> svg = ('<svg width="600pt" height="300pt" viewBox="0 0 600 300">'
        ...        '<g transform="translate(1 2) scale(0.08 -0.08)"/>'
        ...        '<g transform="scale(0.12 -0.12)"/></svg>')
        >>> [round(x, 2) for x in svg_text_sizes(svg)]
        [800.0, 10.67]
        >>> svg_text_sizes('<svg width="10pt"></svg>') is None
        True
    """
    size, box = _SIZE.search(svg), _VIEWBOX.search(svg)
    if not size:
        return None
    width_px = float(size.group(1)) * PX_PER_UNIT[size.group(2) or ""]
    units = float(box.group(1)) if box else float(size.group(1))
    px_per_user_unit = width_px / units
    heights = [float(s) * 100 * px_per_user_unit for s in _GLYPH_SCALE.findall(svg)]
    heights += [float(v) * (4 / 3 if unit == "pt" else 1.0) * px_per_user_unit
                for v, unit in _FONT_SIZE.findall(svg)]
    heights = [h for h in heights if h > 0]
    return (width_px, min(heights)) if heights else None


def legible_width(width_px: float, smallest_px: float, legible_px: float = LEGIBLE_PX) -> int:
    """The narrowest width, in whole CSS pixels, at which the smallest text is ``legible_px``.

    Examples:
        >>> legible_width(800.0, 10.0)
        720
        >>> legible_width(800.0, 8.0)  # text below 9 px even at full size: shown larger
        900
    """
    return math.ceil(width_px * legible_px / smallest_px - 1e-9)


@functools.cache
def _legible_width_of(path: str) -> int | None:
    file = Path(path)
    if file.suffix.lower() != ".svg" or not file.is_file():
        return None
    sizes = svg_text_sizes(file.read_text(encoding="utf-8", errors="replace"))
    return legible_width(*sizes) if sizes else None


class WrapFigureImages(SphinxPostTransform):
    """Put every image of a figure inside a figure_zoom node (HTML builders only)."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        for image in list(self.document.findall(nodes.image)):
            parent = image.parent
            if not isinstance(parent, nodes.figure) or isinstance(parent, nodes.reference):
                continue
            if "://" in image.get("uri", "") or image.get("uri", "").startswith("data:"):
                continue
            wrapper = figure_zoom()
            image.replace_self(wrapper)
            wrapper.append(image)


def visit_figure_zoom(self: HTML5Translator, node: figure_zoom) -> None:
    image = node.next_node(nodes.image)
    uri = image["uri"]
    images = self.builder.images
    href = posixpath.join(self.builder.imgpath, quote(images[uri])) if uri in images else uri
    source = Path(self.builder.srcdir, uri)
    width = _legible_width_of(str(source))
    style = f' style="--legible-width: {width}px"' if width else ""
    title = text(self.builder.config, "zoom.title")
    self.body.append(
        f'<div class="figure-scroll"><a class="reference internal image-reference figure-zoom" '
        f'href="{href}" title="{title}"{style}>')


def depart_figure_zoom(self: HTML5Translator, node: figure_zoom) -> None:
    self.body.append("</a></div>")


def setup(app: Sphinx) -> None:
    app.add_node(figure_zoom, html=(visit_figure_zoom, depart_figure_zoom))
    app.add_post_transform(WrapFigureImages)
