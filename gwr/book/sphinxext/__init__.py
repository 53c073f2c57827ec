"""Sphinx extensions that make the book citable: cite blocks, ¶ links, source edition, glossary.

Loaded from _config.yml (`sphinx.extra_extensions: [gwr.book.sphinxext]`).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from gwr.book.sphinxext import (
    apparatus,
    assets,
    bib_dependencies,
    cite_block,
    codebook,
    edition_meta,
    figure_data,
    figure_zoom,
    glossary,
    language_switch,
    lean_theme,
    page_metadata,
    paragraph_links,
    source_edition,
    stable_anchors,
    theme_locale,
    webfont,
    zh_lang,
)


def setup(app: Sphinx) -> dict:
    for module in (page_metadata, edition_meta, cite_block, paragraph_links, source_edition,
                   codebook, glossary, zh_lang, assets, figure_data,
                   apparatus, bib_dependencies, figure_zoom, lean_theme, language_switch,
                   theme_locale):
        module.setup(app)
    stable_anchors.setup(app)  # labels first, changelog versions, old anchors kept
    webfont.setup(app)  # the site's CJK web font, made from the built pages at the end
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
