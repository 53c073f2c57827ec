"""The language switch: every page links the same page of the other edition.

The English edition is at the site's root, the Chinese under ``zh/``, with the same file names
(gwr.book.editions). On every page that both editions have:

- the header holds a link to the counterpart (book/_templates/language-switch.html, placed
  before the theme's buttons): "中文" on an English page, "English" on a Chinese one, with
  ``hreflang`` and ``lang``; its ``data-anchors`` lists the page's labels (a section's label is
  the same in both editions), so that book/_static/reader.js can add the #label of the
  section in view when the reader follows it;
- the head holds ``<link rel="alternate" hreflang>`` for ``en``, ``zh-CN`` and ``x-default``
  (the English page): relative addresses in a preview build, absolute ones from CITATION.cff's
  ``url`` in a release (page_metadata decides which).
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx
from sphinx.config import Config

from gwr import paths
from gwr.book.citation import read_edition
from gwr.book.editions import EDITIONS, LANGUAGE_TAGS
from gwr.book.sphinxext.page_metadata import is_release
from gwr.book.sphinxext.ui_text import edition_of, text

TEMPLATE = "language-switch.html"
SOURCE_ROOT = {"en": paths.ROOT, "zh": paths.ZH}
SUFFIXES = (".md", ".ipynb", ".rst")
# Pages that Sphinx writes in every edition, from no source file.
GENERATED = {"search", "genindex"}


def other(edition: str) -> str:
    return "zh" if edition == "en" else "en"


def has_counterpart(pagename: str, edition: str) -> bool:
    """Whether the other edition has a page ``pagename`` (its source file, or a page that
    Sphinx writes in every edition)."""
    if pagename in GENERATED:
        return True
    root = SOURCE_ROOT[other(edition)]
    return any((root / f"{pagename}{suffix}").is_file() for suffix in SUFFIXES)


def edition_urls(pagename: str, edition: str, *, release: bool,
                 site: str | None = None) -> dict[str, str]:
    """The address of ``pagename`` in each edition, seen from that page in ``edition``: relative
    in a preview, absolute (under ``site``, CITATION.cff's url) in a release.

    Examples:
        >>> edition_urls("notebooks/03-plan-2020", "en", release=False)
        {'en': '../notebooks/03-plan-2020.html', 'zh': '../zh/notebooks/03-plan-2020.html'}
        >>> edition_urls("notebooks/03-plan-2020", "zh", release=False)
        {'en': '../../notebooks/03-plan-2020.html', 'zh': '../../zh/notebooks/03-plan-2020.html'}
        >>> edition_urls("search", "zh", release=True, site="https://x.org/b/")
        {'en': 'https://x.org/b/search.html', 'zh': 'https://x.org/b/zh/search.html'}
    """
    if release:
        base = (site or read_edition().url).rstrip("/") + "/"
    else:  # from the page up to the site's root
        depth = pagename.count("/") + (1 if edition == "zh" else 0)
        base = "../" * depth
    return {name: f"{base}{folder}{pagename}.html" for name, folder in EDITIONS.items()}


def alternate_links(urls: dict[str, str]) -> str:
    """The <link rel="alternate"> of every edition, and x-default (the English page)."""
    pairs = [(LANGUAGE_TAGS["en"], urls["en"]), (LANGUAGE_TAGS["zh"], urls["zh"]),
             ("x-default", urls["en"])]
    return "".join(f'\n    <link rel="alternate" hreflang="{tag}" href="{html.escape(url)}" />'
                   for tag, url in pairs)


def switch_html(urls: dict[str, str], edition: str, anchors: list[str]) -> str:
    """The header's link to the page in the other edition."""
    target = other(edition)
    tag = LANGUAGE_TAGS[target]
    return (f'<a class="btn btn-sm gwr-language-switch" href="{html.escape(urls[target])}" '
            f'hreflang="{tag}" lang="{tag}" title="{html.escape(text(edition, "switch.title"))}" '
            f'data-anchors="{html.escape(" ".join(anchors))}">'
            f'{html.escape(text(edition, "switch.label"))}</a>')


def page_anchors(app: Sphinx, pagename: str) -> list[str]:
    """The labels on ``pagename`` (the same in both editions), sorted."""
    labels = app.env.get_domain("std").labels
    return sorted(name for name, (doc, node_id, _title) in labels.items()
                  if doc == pagename and node_id == name)


def _page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    edition = edition_of(app)
    if not has_counterpart(pagename, edition):
        return
    urls = edition_urls(pagename, edition, release=is_release(app.config))
    context["metatags"] = context.get("metatags", "") + alternate_links(urls)
    context["gwr_language_switch"] = switch_html(urls, edition, page_anchors(app, pagename))


def _header(app: Sphinx, config: Config) -> None:
    """Put the switch first among the article header's buttons."""
    options = config.html_theme_options
    end = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if TEMPLATE not in end:
        options["article_header_end"] = [TEMPLATE, *end]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _header)
    app.connect("html-page-context", _page)


