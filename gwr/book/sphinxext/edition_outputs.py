"""Render each edition's own representation of a notebook output, and only that one.

A table or figure output carries both editions (gwr.zh_outputs). In Sphinx, myst-nb parses
*every* mime type of an output into the doctree and only later keeps the one of highest
priority; parsing both would give each table's label twice and collect both images. So this
plugin (the ``myst_nb.mime_renderers`` entry point in pyproject.toml) renders, for an output
with two editions, only the representation of the edition being built: in the English
edition ``text/markdown`` and ``image/svg+xml``, in the Chinese edition ``ZH_MARKDOWN`` and
``ZH_SVG`` (as the markdown and SVG they are), which its configuration ranks first.

Text the catalog lacked is a warning naming it, so the strict build fails until it is translated.
"""

from __future__ import annotations

import dataclasses

from gwr.book.sphinxext.ui_text import edition_of
from gwr.zh_outputs import UNTRANSLATED, ZH_MARKDOWN, ZH_SVG

ENGLISH_MARKDOWN, ENGLISH_SVG = "text/markdown", "image/svg+xml"


def _is_chinese(renderer) -> bool:
    """Whether the edition being built is the Chinese one."""
    env = getattr(renderer.renderer, "sphinx_env", None)
    return edition_of(env) == "zh"


class ChineseOutputRenderer:
    """myst-nb mime renderer plugin for the Chinese representations."""

    # The Chinese edition's configuration ranks them, not the plugin (which serves both).
    mime_priority_overrides: tuple = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        bilingual = ZH_MARKDOWN in data.output_metadata or ZH_SVG in data.output_metadata
        if not bilingual:
            return None
        chinese = _is_chinese(renderer)
        if data.mime_type in (ENGLISH_MARKDOWN, ENGLISH_SVG):
            return [] if chinese else None  # the English: myst-nb's own rendering
        if data.mime_type not in (ZH_MARKDOWN, ZH_SVG) or not chinese:
            return None if data.mime_type == "text/plain" else []
        missing = data.output_metadata.get(data.mime_type, {}).get(UNTRANSLATED, [])
        if missing:
            renderer.logger.warning(
                f"untranslated in the Chinese edition (cell {data.cell_index}): "
                + "; ".join(repr(text) for text in missing)
                + ". Add each to zh/strings/<chapter>.yml and re-run `make notebooks`.",
                subtype="untranslated", line=data.line)
        if data.mime_type == ZH_SVG:
            english_meta = {"image/svg+xml": data.output_metadata.get(ZH_SVG, {})}
            return renderer.render_image(dataclasses.replace(
                data, mime_type="image/svg+xml", output_metadata=english_meta))
        return renderer.render_markdown(dataclasses.replace(data, mime_type="text/markdown"))
