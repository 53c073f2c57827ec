"""A "PDF" link on every page, in the footer's version line, to the edition's PDF.

The PDF is made after the site (``tools/build_pdf.py``, ``make pdf``) and published beside it at
``pdf/taiyuan-2020-edition-<version>[-zh].pdf`` under the edition's root
(:func:`gwr.book.pdf.site_pdf_path`). The build itself never needs the file, so a site built
without ``make pdf`` still builds, strict mode included; the site's link test, which runs after
``make pdf``, checks that the link resolves.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from gwr.book.sphinxext.page_metadata import edition_for
from gwr.book.sphinxext.ui_text import edition_of, text

VERSION_LINE_END = "</p>"  # the end of the footer's version line (gwr.book.sphinxext.edition_meta)


def link_html(href: str, language: str) -> str:
    """The link, as it follows "How to cite · Changelog" in the version line.

    Examples:
        >>> link_html("../pdf/x.pdf", "zh_CN")  # doctest: +NORMALIZE_WHITESPACE
        ' · <a class="pdf-download" href="../pdf/x.pdf" type="application/pdf"
        title="本版的 PDF 文件（带页码）">PDF 版</a>'
    """
    return (f' · <a class="pdf-download" href="{href}" type="application/pdf" '
            f'title="{text(language, "pdf.link_title")}">{text(language, "pdf.link")}</a>')


def _add_link(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    footer = context.get("theme_extra_footer") or ""
    if 'class="edition-version"' not in footer or "pdf-download" in footer:
        return
    from gwr.book.pdf import site_pdf_path  # here: gwr.book.pdf imports this package

    edition = edition_for(app.config)
    href = context["pathto"](site_pdf_path(edition_of(app.config), edition.version), 1)
    at = footer.index(VERSION_LINE_END, footer.index('class="edition-version"'))
    context["theme_extra_footer"] = (footer[:at] + link_html(href, app.config.language)
                                     + footer[at:])


def setup(app: Sphinx) -> None:
    # After edition_meta's footer (priority 500), which this link extends.
    app.connect("html-page-context", _add_link, priority=600)
