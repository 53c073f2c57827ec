"""Sphinx extensions that make the book citable: cite blocks, ¶ links, source edition, glossary.

Loaded from _config.yml (`sphinx.extra_extensions: [gwr.book.sphinxext]`).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from gwr.book.sphinxext import (
    assets,
    cite_block,
    codebook,
    edition_meta,
    glossary,
    paragraph_links,
    source_edition,
    zh_lang,
)


def setup(app: Sphinx) -> dict:
    for module in (edition_meta, cite_block, paragraph_links, source_edition, codebook, glossary,
                   zh_lang, assets):
        module.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
