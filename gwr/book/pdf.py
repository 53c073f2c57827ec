"""The PDF of each edition: one HTML document made from the built site, printed by chromium.

``tools/build_pdf.py`` runs after ``make book``. For an edition (``en`` or ``zh``) it reads the
built pages (``_build/html`` or ``_build/html/zh``) in book order (the edition's ``_toc.yml``)
and assembles one document (:func:`assemble`):

- front matter: a title page (title, authors, version and release date from CITATION.cff), the
  book's citation in BibTeX, APA 7 and GB/T 7714-2015 (the cite blocks' own forms,
  :func:`gwr.book.sphinxext.page_metadata.citation_forms`; GB/T first in the Chinese edition),
  the licences (the site footer's words) and a table of contents with page numbers;
- every page of the table of contents in its order: the root page, then each part (a title
  page of its own) with its pages: the chapters, the source edition, the codebook, the
  glossary, how to cite, the changelog and the references. Each page is its ``<article>``,
  less what print hides anyway (code cells, toggles, buttons, the figures' cite boxes), with
  a line under a chapter's title naming its notebook and its address;
- ids made unique across the book (:func:`id_map`: an id that two pages share is prefixed with
  its page's slug on every page that has it), and links rewritten (:func:`rewrite_href`): a
  link to a page of the book, or to an anchor on one, becomes a link inside the document
  (``../book/source.html#para-20`` → ``#para-20``); a link to another host stays as it is; a
  link to a file of the site (a CSV, a .bib, an SVG at full size) becomes its published
  address in a release, and plain text in a preview, which has no address;
- the site's stylesheets, book/_static/pdf.css, and a CJK font made for the document: Noto
  Sans CJK SC (the charts' and the site's font) subset to exactly the CJK characters the
  document holds (:func:`cjk_font_css`), so no character can fall back to a system font.

The table of contents needs page numbers, which only the printed PDF knows. chromium writes a
named destination for every anchor that a link points to, so the document is printed twice:
once with ``000`` in every number slot (a fixed-width box, so the contents take the same pages
whatever the numbers), then, with the pages of the destinations of the first print
(:func:`toc_page_numbers`), again. The build checks that the second print has its
destinations on the same pages as the first.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from gwr import paths
from gwr.book import citation, editions
from gwr.book.sphinxext import page_metadata, ui_text
from gwr.errors import GwrError

EDITIONS = tuple(editions.EDITIONS)
TOC_FILES = {"en": paths.ROOT / "book" / "_toc.yml", "zh": paths.ZH / "_toc.yml"}
CONFIG_FILES = {"en": paths.ROOT / "_config.yml", "zh": paths.ZH / "_config.yml"}
PDF_CSS = paths.ROOT / "book" / "_static" / "pdf.css"
# The number slot of the table of contents in the first print: as wide as any real number.
PLACEHOLDER = "000"
# What print leaves out of a page (custom.css hides these on paper; here they go from the DOM,
# so that their ids and text are not in the PDF at all).
DROPPED = ("details.hide", ".cell_input", ".toggle-details", "button", ".copybtn",
           ".copy-citation-status", "details.data-note-cite", ".scroll-hint", "a.headerlink",
           "script", "noscript", "style")


class PdfError(GwrError):
    """The PDF cannot be made: something it needs is missing or wrong."""


def pdf_name(version: str, edition: str) -> str:
    """The file name of an edition's PDF.

    Examples:
        >>> pdf_name("0.3.0", "en"), pdf_name("0.3.0", "zh")
        ('taiyuan-2020-edition-0.3.0.pdf', 'taiyuan-2020-edition-0.3.0-zh.pdf')
    """
    return f"taiyuan-2020-edition-{version}{'' if edition == 'en' else '-' + edition}.pdf"


def site_pdf_path(edition: str, version: str) -> str:
    """Where the PDF is published, relative to the edition's root (the site's link points there).

    Examples:
        >>> site_pdf_path("zh", "1.0.0")
        'pdf/taiyuan-2020-edition-1.0.0-zh.pdf'
    """
    return f"pdf/{pdf_name(version, edition)}"


# --- The order of the book ------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A part of the book: its caption (None for the root page) and its pages' docnames."""

    caption: str | None
    docnames: tuple[str, ...]
    numbered: bool = False


def book_order(toc: Mapping) -> list[Part]:
    """The parts of a jb-book ``_toc.yml``, the root page first, as a part without a caption.

    Examples:
        >>> toc = {"root": "book/intro", "parts": [{"caption": "A", "numbered": 1,
        ...        "chapters": [{"file": "notebooks/01-a"}, {"file": "notebooks/02-b"}]},
        ...        {"caption": "B", "chapters": [{"file": "book/source"}]}]}
        >>> for p in book_order(toc): print(p.caption, p.docnames, p.numbered)
        None ('book/intro',) False
        A ('notebooks/01-a', 'notebooks/02-b') True
        B ('book/source',) False
    """
    parts = [Part(None, (str(toc["root"]),))]
    for part in toc.get("parts") or []:
        files = tuple(str(c["file"]).removesuffix(".md").removesuffix(".ipynb")
                      for c in part.get("chapters") or [])
        parts.append(Part(part.get("caption"), files, bool(part.get("numbered"))))
    return parts


def read_order(edition: str) -> list[Part]:
    return book_order(yaml.safe_load(TOC_FILES[edition].read_text(encoding="utf-8")))


# --- Ids and links --------------------------------------------------------------------------------


def page_slug(docname: str) -> str:
    """A page's slug: its docname with "/" as "-".

    Examples:
        >>> page_slug("notebooks/03-plan-2020")
        'notebooks-03-plan-2020'
    """
    return docname.replace("/", "-")


def page_anchor(docname: str) -> str:
    """The id of the start of a page in the document (what a link to the page leads to).

    Examples:
        >>> page_anchor("book/source")
        'pdf-page-book-source'
    """
    return f"pdf-page-{page_slug(docname)}"


def id_map(ids_by_page: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], str]:
    """Every (page, id) to its id in the document: as it is, unless another page has it too;
    then ``<page slug>--<id>`` on every page that has it.

    Examples:
        >>> m = id_map({"a/x": ["summary", "fig-1"], "b/y": ["summary", "para-20"]})
        >>> m[("a/x", "summary")], m[("b/y", "summary")], m[("a/x", "fig-1")]
        ('a-x--summary', 'b-y--summary', 'fig-1')
    """
    ids_by_page = {page: set(ids) for page, ids in ids_by_page.items()}
    counts = Counter(i for ids in ids_by_page.values() for i in ids)
    return {(page, i): f"{page_slug(page)}--{i}" if counts[i] > 1 else i
            for page, ids in ids_by_page.items() for i in ids}


def rewrite_href(href: str, docname: str, *, pages: Iterable[str],
                 ids: Mapping[tuple[str, str], str], site: str | None) -> str | None:
    """A link of page ``docname``'s HTML as it is in the document.

    - ``#id`` on the same page, or ``page.html#id`` to a page in the document → ``#id`` with
      the id the document gives it (:func:`id_map`); a page without an anchor → its start;
    - another host (``https:``, ``mailto:`` …) → unchanged;
    - any other file of the site → its address under ``site`` (the edition's published root),
      or None (no link) when there is no address (a preview).

    Examples:
        >>> ids = {("book/source", "para-20"): "para-20", ("notebooks/01-a", "summary"):
        ...        "notebooks-01-a--summary"}
        >>> kw = dict(pages={"book/source", "notebooks/01-a"}, ids=ids, site=None)
        >>> rewrite_href("../book/source.html#para-20", "notebooks/01-a", **kw)
        '#para-20'
        >>> rewrite_href("#summary", "notebooks/01-a", **kw)
        '#notebooks-01-a--summary'
        >>> rewrite_href("source.html", "book/intro", **kw)
        '#pdf-page-book-source'
        >>> rewrite_href("https://example.org/a.html#b", "book/intro", **kw)
        'https://example.org/a.html#b'
        >>> rewrite_href("fig-a.csv", "notebooks/01-a", **kw) is None
        True
        >>> rewrite_href("fig-a.csv", "notebooks/01-a", **{**kw, "site": "https://x.org/b/"})
        'https://x.org/b/notebooks/fig-a.csv'
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    pages = set(pages)
    if not parts.path:  # an anchor on the same page
        target = docname
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path))
        target = resolved.removesuffix(".html")
        if not (resolved.endswith(".html") and target in pages):
            return f"{site.rstrip('/')}/{resolved}" if site else None
    key = (target, parts.fragment)
    return "#" + (ids[key] if parts.fragment and key in ids else page_anchor(target))


# --- The table of contents ------------------------------------------------------------------------


@dataclass(frozen=True)
class TocEntry:
    level: int  # 1: a part, 2: a page, 3: a section of a chapter
    title: str  # HTML
    anchor: str  # the id it links to (None for a part without a page of its own)


def toc_page_numbers(entries: Iterable[TocEntry],
                     destinations: Mapping[str, int]) -> dict[str, str]:
    """The printed page number (1-based) of every entry, from the 0-based pages of the PDF's
    named destinations; an entry whose anchor has no destination is an error.

    Examples:
        >>> e = [TocEntry(2, "Intro", "pdf-page-book-intro"), TocEntry(3, "S", "plan-summary")]
        >>> toc_page_numbers(e, {"pdf-page-book-intro": 4, "plan-summary": 11})
        {'pdf-page-book-intro': '5', 'plan-summary': '12'}
        >>> toc_page_numbers(e, {"plan-summary": 11})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        gwr.book.pdf.PdfError: the PDF has no destination for the contents' entries: pdf-page-...
    """
    entries = list(entries)
    missing = [e.anchor for e in entries if e.anchor not in destinations]
    if missing:
        raise PdfError("the PDF has no destination for the contents' entries: "
                       + ", ".join(missing))
    return {e.anchor: str(destinations[e.anchor] + 1) for e in entries}


def outline_items(entries: Iterable[TocEntry], destinations: Mapping[str, int],
                  front: Iterable[tuple[str, str]] = ()) -> list[tuple[int, str, int]]:
    """(level, plain title, 0-based page) of each bookmark: the front matter's sections at the
    top level, then the contents' entries (part, page, section).

    chromium's own outline repeats each heading's text (“ContentsContents”), so the bookmarks
    are made from the titles the contents list, at the pages of their destinations.

    Examples:
        >>> e = [TocEntry(1, "Analysis", "p1"), TocEntry(2, "<em>Plan</em> &amp; A", "c3")]
        >>> outline_items(e, {"p1": 4, "c3": 5, "pdf-toc": 2}, [("Contents", "pdf-toc")])
        [(1, 'Contents', 2), (1, 'Analysis', 4), (2, 'Plan & A', 5)]
    """
    items = [(1, title, destinations[anchor]) for title, anchor in front]
    for entry in entries:
        title = html.unescape(re.sub(r"<[^>]+>", "", entry.title)).strip()
        items.append((entry.level, re.sub(r"\s+", " ", title), destinations[entry.anchor]))
    return items


def toc_html(entries: Iterable[TocEntry], numbers: Mapping[str, str] | None, heading: str) -> str:
    """The table of contents: each entry a link with its page number, or :data:`PLACEHOLDER`
    in every slot when ``numbers`` is None (the first print).

    Examples:
        >>> first = toc_html([TocEntry(2, "Intro", "i")], None, "Contents")
        >>> first.count('<span class="pdf-toc-number">000</span>')
        1
        >>> second = toc_html([TocEntry(2, "I", "i")], {"i": "7"}, "C")
        >>> '<span class="pdf-toc-number">7</span>' in second
        True
    """
    items = []
    for e in entries:
        number = PLACEHOLDER if numbers is None else numbers[e.anchor]
        items.append(f'<li class="pdf-toc-{e.level}"><a href="#{e.anchor}">'
                     f'<span class="pdf-toc-title">{e.title}</span>'
                     f'<span class="pdf-toc-number">{number}</span></a></li>')
    return (f'<section class="pdf-toc" id="pdf-toc"><h1>{heading}</h1><ol>'
            + "".join(items) + "</ol></section>")


# --- The pages ------------------------------------------------------------------------------------


def _soup(markup: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "lxml")


@dataclass
class Page:
    docname: str
    article: object  # the <article>'s bs4 element, cleaned
    title: str  # HTML of the page's title (section number included)
    sections: list[tuple[str, str]]  # (HTML title, id) of the page's second-level headings


def read_page(site: Path, docname: str) -> Page:
    """A built page's article, less what print leaves out, with its title and sections."""
    path = site / f"{docname}.html"
    if not path.is_file():
        raise PdfError(f"{path} is missing: build the site first (make book)")
    soup = _soup(path.read_text(encoding="utf-8"))
    article = soup.find("article")
    if article is None:
        raise PdfError(f"{path} has no <article>")
    for selector in DROPPED:
        for element in article.select(selector):
            element.decompose()
    for img in article.find_all("img"):
        if img.get("loading"):
            del img["loading"]
    h1 = article.find("h1")
    if h1 is None:
        raise PdfError(f"{path} has no title (h1)")
    sections = [(h2.decode_contents(), h2.parent.get("id")) for h2 in article.find_all("h2")
                if h2.parent.name == "section" and h2.parent.get("id")]
    return Page(docname, article, h1.decode_contents(), sections)


def page_ids(page: Page) -> set[str]:
    return {el["id"] for el in page.article.find_all(id=True)}


_ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls",
                  "data-copy-target")


def rewrite_page(page: Page, *, pages: Iterable[str], ids: Mapping[tuple[str, str], str],
                 site: str | None, resource_prefix: str, shift: int) -> str:
    """The page's article as the document holds it: ids and links rewritten, headings one level
    down in a part (``shift``), resource URLs (images, styles) relative to the document."""
    pages = set(pages)
    article = page.article
    for el in article.find_all(id=True):
        el["id"] = ids.get((page.docname, el["id"]), el["id"])
    for attribute in _ID_REFERENCES:
        for el in article.find_all(attrs={attribute: True}):
            el[attribute] = " ".join(ids.get((page.docname, i), i)
                                     for i in str(el[attribute]).split())
    for a in article.find_all("a", href=True):
        target = rewrite_href(a["href"], page.docname, pages=pages, ids=ids, site=site)
        if target is None:
            a.name = "span"
            for attribute in ("href", "download", "type", "title", "target"):
                if attribute in a.attrs:
                    del a[attribute]
        else:
            a["href"] = target
            if "download" in a.attrs:
                del a["download"]
    for img in article.find_all("img", src=True):
        img["src"] = resource_url(img["src"], page.docname, resource_prefix)
    if shift:
        for level in range(5, 0, -1):
            for h in article.find_all(f"h{level}"):
                h.name = f"h{level + shift}"
    first = article.find(f"h{1 + shift}")
    if first is not None:
        first["class"] = [*first.get("class", []), "pdf-page-title"]
    return (f'<article class="bd-article pdf-page" id="{page_anchor(page.docname)}" '
            f'data-docname="{page.docname}">{article.decode_contents()}</article>')


def resource_url(src: str, docname: str, prefix: str) -> str:
    """A page's relative URL of a file of the site, relative to the document instead.

    Examples:
        >>> resource_url("../_images/a.svg", "notebooks/01-a", "../../html/")
        '../../html/_images/a.svg'
        >>> resource_url("data:image/png;base64,AA", "book/x", "../../html/")
        'data:image/png;base64,AA'
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        return src
    return prefix + posixpath.normpath(posixpath.join(posixpath.dirname(docname), src))


def notebook_line(edition: str, docname: str, address: str | None) -> str:
    """The line under a chapter's title that says where its notebook (and its code) is."""
    notebook = ("" if edition == "en" else "zh/") + docname + ".ipynb"
    where = (f'<a href="{html.escape(address)}">{html.escape(address)}</a>' if address
             else ui_text.text(edition, "pdf.not_published"))
    return ('<p class="pdf-notebook">'
            + ui_text.text(edition, "pdf.notebook", path=f"<code>{notebook}</code>", url=where)
            + "</p>")


# --- Front matter ---------------------------------------------------------------------------------


def read_config(edition: str) -> dict:
    return yaml.safe_load(CONFIG_FILES[edition].read_text(encoding="utf-8")) or {}


def licence_html(edition: str) -> str:
    """The licences as the site's footer gives them (``html.extra_footer`` of the edition's
    ``_config.yml``)."""
    footer = ((read_config(edition).get("html") or {}).get("extra_footer")
              or (read_config("en").get("html") or {}).get("extra_footer"))
    if not footer:
        raise PdfError(f"{CONFIG_FILES[edition]} gives no html.extra_footer (the licences)")
    return f"<p>{html.escape(' '.join(str(footer).split()))}</p>"


def book_edition(edition: str) -> citation.Edition:
    book = citation.read_edition()
    if edition == "zh":
        book = citation.chinese_edition(book, page_metadata.chinese_title())
    return book


def front_matter(edition: str, book: citation.Edition, *, release: bool) -> str:
    """The title page and the page of the book's citation and licences."""
    t = lambda key, **v: ui_text.text(edition, key, **v)  # noqa: E731
    root = read_order(edition)[0].docnames[0]
    forms = page_metadata.citation_forms(
        book, page_metadata.PageCitation(root, None, "book"), release=release)
    blocks = {
        "bibtex": f'<h2>BibTeX</h2><pre class="pdf-bibtex">{html.escape(forms["bibtex"])}</pre>',
        "apa": f'<h2>APA 7</h2><p class="pdf-apa">{forms["apa_html"]}</p>',
        "gbt": f'<h2>GB/T 7714-2015</h2><p class="pdf-gbt">{html.escape(forms["gbt"])}</p>',
    }
    order = ("gbt", "apa", "bibtex") if edition == "zh" else ("bibtex", "apa", "gbt")
    address = book.url if release else t("pdf.not_published")
    version = t("pdf.version", version=book.version, released=book.released.isoformat())
    title_page = (
        '<section class="pdf-title-page" id="pdf-title">'
        f'<h1 class="pdf-title">{html.escape(book.title)}</h1>'
        f'<p class="pdf-authors">{html.escape(book.author)}</p>'
        f'<p class="pdf-version">{version}</p>'
        f'<p class="pdf-address">{html.escape(address)}</p>'
        "</section>")
    citing = (
        '<section class="pdf-citation" id="pdf-citation">'
        f'<h1>{t("pdf.cite_heading")}</h1><p>{t("pdf.cite_intro")}</p>'
        + "".join(blocks[k] for k in order)
        + f'<h2>{t("pdf.licence_heading")}</h2>{licence_html(edition)}'
        "</section>")
    return title_page + citing


# --- The document ---------------------------------------------------------------------------------


@dataclass
class Document:
    """The assembled document, less its contents' numbers, which the print fills in."""

    head: str
    front: str
    entries: list[TocEntry]
    body: str
    language: str

    def html(self, numbers: Mapping[str, str] | None, toc_heading: str) -> str:
        return (f'<!DOCTYPE html>\n<html lang="{self.language}" data-theme="light" '
                f'data-mode="light">\n<head>\n{self.head}\n</head>\n<body class="pdf-book">\n'
                f"{self.front}\n{toc_html(self.entries, numbers, toc_heading)}\n{self.body}\n"
                "</body>\n</html>\n")


def stylesheets(site: Path, root_doc: str, prefix: str) -> list[str]:
    """The site's stylesheets (as the root page links them, less the CJK web font's, which the
    document's own font replaces), as URLs relative to the document."""
    soup = _soup((site / f"{root_doc}.html").read_text(encoding="utf-8"))
    links = []
    for link in soup.find_all("link", rel="stylesheet"):
        href = link.get("href", "").split("?")[0]
        if href and not href.endswith("cjk-font.css"):
            links.append(resource_url(href, root_doc, prefix))
    return links


def theme_stacks_css(site: Path) -> str:
    """The theme's font stacks with the CJK family, as the site's cjk-font.css sets them."""
    css = (site / "_static" / "cjk-font.css")
    if not css.is_file():
        raise PdfError(f"{css} is missing: build the site first (make book)")
    found = re.search(r"html:root\s*\{[^}]*\}", css.read_text(encoding="utf-8"))
    return found.group(0) if found else ""


def cjk_font_css(text: str) -> tuple[str, set[int]]:
    """An @font-face of Noto Sans CJK SC (the charts' font, from the noto-cjk-sans-otc package)
    subset to the CJK characters of ``text``, as a data URL; and those code points."""
    from gwr.book.sphinxext import webfont
    from gwr.style import font_path

    points = webfont.cjk_code_points(text)
    path = font_path()
    number = webfont.sc_face_number(path)
    lacking = points - webfont.font_code_points(path, number)
    if lacking:
        raise PdfError("Noto Sans CJK SC has no glyph for " + "".join(map(chr, sorted(lacking))))
    (font,) = webfont.make_slices(path, number, [sorted(points)])
    data = base64.b64encode(truetype_outlines(font)).decode("ascii")
    return (f'@font-face {{ font-family: "{webfont.FAMILY}"; font-style: normal; '
            f'font-weight: 400; src: url("data:font/ttf;base64,{data}") format("truetype"); '
            f"unicode-range: {webfont.unicode_range(points)}; }}"), points


def truetype_outlines(font: bytes) -> bytes:
    """The font with its CFF outlines converted to TrueType (quadratic) ones, as fontTools'
    otf2ttf recipe does. chromium's PDF backend (Skia) embeds a TrueType font as a named, subset
    CID font; CFF outlines it can only draw as unnamed Type 3 glyph procedures."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    ttf = TTFont(io.BytesIO(font), recalcTimestamp=False)
    ttf.flavor = None
    order = ttf.getGlyphOrder()
    glyphs = ttf.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    ttf["loca"], ttf["glyf"] = newTable("loca"), glyf
    for table in ("CFF ", "VORG"):
        if table in ttf:
            del ttf[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxPoints", "maxContours",
                  "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    ttf["maxp"] = maxp
    ttf["head"].indexToLocFormat = 0
    ttf["head"].glyphDataFormat = 0
    post = ttf["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = order
    ttf.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    ttf.save(out)
    return out.getvalue()


def assemble(edition: str, site_root: Path, *, release: bool, prefix: str) -> Document:
    """The document of ``edition`` from the built site whose root is ``site_root``
    (``_build/html``); ``prefix`` is the site edition's folder relative to the document."""
    site = site_root if edition == "en" else site_root / "zh"
    book = book_edition(edition)
    parts = read_order(edition)
    docnames = [d for part in parts for d in part.docnames]
    pages = {d: read_page(site, d) for d in docnames}
    ids = id_map({d: page_ids(p) for d, p in pages.items()})
    address = book.url if release else None
    body: list[str] = []
    # The contents open with the book's citation page (front matter), so it is a bookmark too.
    entries = [TocEntry(2, html.escape(ui_text.text(edition, "pdf.cite_heading")),
                        "pdf-citation")]
    for n, part in enumerate(parts):
        shift = 0 if part.caption is None else 1
        if part.caption is not None:
            anchor = f"pdf-part-{n}"
            body.append(f'<section class="pdf-part" id="{anchor}"><h1>'
                        f"{html.escape(part.caption)}</h1></section>")
            entries.append(TocEntry(1, html.escape(part.caption), anchor))
        for docname in part.docnames:
            page = pages[docname]
            markup = rewrite_page(page, pages=docnames, ids=ids, site=address,
                                  resource_prefix=prefix, shift=shift)
            if part.numbered:
                url = f"{address.rstrip('/')}/{docname}.html" if address else None
                line = notebook_line(edition, docname, url)
                markup = re.sub(r"(</h2>)", r"\1" + line.replace("\\", "\\\\"), markup, count=1)
            body.append(markup)
            entries.append(TocEntry(2, page.title, page_anchor(docname)))
            if part.numbered:
                entries += [TocEntry(3, title, ids[(docname, anchor)])
                            for title, anchor in page.sections]
    front = front_matter(edition, book, release=release)
    body_html = "\n".join(body)
    toc_heading = ui_text.text(edition, "pdf.contents")
    footer = ui_text.text(edition, "pdf.running_footer", title=short_title(book.title),
                          version=book.version).replace('"', '\\"')
    text = "".join([front, toc_heading, body_html, footer, *(e.title for e in entries)])
    font_css, _ = cjk_font_css(html.unescape(re.sub(r"<[^>]+>", " ", text)))
    own_css = PDF_CSS.read_text(encoding="utf-8")
    head = "\n".join([
        '<meta charset="utf-8"/>',
        f"<title>{html.escape(book.title)}</title>",
        f'<meta name="author" content="{html.escape(book.author)}"/>',
        *(f'<link rel="stylesheet" href="{href}"/>'
          for href in stylesheets(site, parts[0].docnames[0], prefix)),
        f"<style>\n{font_css}\n{theme_stacks_css(site)}\n{own_css}\n"
        f'@page {{ @bottom-left {{ content: "{footer}"; }} }}\n</style>',
    ])
    return Document(head, front, entries, body_html, editions.LANGUAGE_TAGS[edition])


def short_title(title: str) -> str:
    """The book's title up to its colon, for the running footer.

    Examples:
        >>> short_title("Taiyuan 2020: an analytical edition"), short_title("太原2020：分析版")
        ('Taiyuan 2020', '太原2020')
    """
    return re.split(r"[:：]", title, maxsplit=1)[0].strip()


def source_date(released: dt.date) -> int:
    """SOURCE_DATE_EPOCH for a release date: its midnight, UTC.

    Examples:
        >>> source_date(dt.date(2026, 11, 29))
        1795910400
    """
    return int(dt.datetime.combine(released, dt.time(), tzinfo=dt.UTC).timestamp())


def pdf_date(epoch: int) -> str:
    """A PDF date string (ISO 32000 7.9.4) for a Unix time, in UTC.

    Examples:
        >>> pdf_date(1795910400)
        "D:20261129000000+00'00'"
    """
    return dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
