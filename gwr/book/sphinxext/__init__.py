"""Sphinx extensions that make the book citable: cite blocks, ¶ links, source edition, glossary.

Loaded from _config.yml (`sphinx.extra_extensions: [gwr.book.sphinxext]`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

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
    pdf_link,
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
                   theme_locale, pdf_link):
        module.setup(app)
    stable_anchors.setup(app)  # labels first, changelog versions, old anchors kept
    webfont.setup(app)  # the site's CJK web font, made from the built pages at the end
    # A change to the extensions' code changes what every page shows; Sphinx discards a saved
    # environment whose extensions' env_version differs, so such a build re-reads every page.
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1",
            "env_version": code_version()}


def code_version() -> int:
    """A number that changes whenever the code or words behind the pages change: this package,
    the citation and edition modules, and the interface catalogs.

    Examples:
        >>> isinstance(code_version(), int) and code_version() == code_version()
        True
    """
    book = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*book.glob("*.py"), *book.glob("sphinxext/*.py"),
                        *book.glob("locale/**/*.po")]):
        digest.update(path.relative_to(book).as_posix().encode() + b"\0" + path.read_bytes())
    return int(digest.hexdigest()[:12], 16)
