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
    glossary,
    page_metadata,
    paragraph_links,
    source_edition,
    stable_anchors,
    zh_lang,
)


def setup(app: Sphinx) -> dict:
    for module in (page_metadata, edition_meta, cite_block, paragraph_links, source_edition,
                   codebook, glossary, zh_lang, assets, figure_data,
                   apparatus, bib_dependencies):
        module.setup(app)
    stable_anchors.setup(app)  # labels first, changelog versions, old anchors kept
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
