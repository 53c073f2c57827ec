"""What machines read on every page, and whether the build is a preview or a release.

Every page of the book carries, from CITATION.cff only:

- Highwire Press ``citation_*`` meta tags, which Google Scholar and Zotero read;
- schema.org JSON-LD: a ``Book`` on the root page, a ``Chapter`` (part of the Book) on a numbered
  chapter, a ``WebPage`` (part of the Book) on every other page;
- its own citation as BibTeX (``.bib``), RIS (``.ris``) and CSL-JSON (``.csl.json``), written
  beside the page at build time (``notebooks/03-plan-2020.bib`` …), byte for byte the same in
  every build.

A build is a *preview* unless it is a *release*: ``make book RELEASE=1``,
``tools/build_book.py --release`` or ``GWR_RELEASE=1`` in the environment set the Sphinx value
``gwr_release``. A preview prints no address from CITATION.cff: its cite blocks, files and
metadata say that the address is not yet published. A release stops, with a message that says
what to change, while ``url`` or ``repository-code`` in CITATION.cff is a placeholder.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from gwr import paths
from gwr.book.citation import (
    CITATION_FILE,
    Edition,
    Person,
    Work,
    apa,
    bibtex,
    book,
    chinese_edition,
    csl_item,
    gbt7714,
    page,
    page_url,
    placeholders,
    read_cff,
    read_edition,
)
from gwr.book.editions import LANGUAGE_TAGS
from gwr.book.sphinxext.ui_text import edition_of, text
from gwr.errors import GwrError

# ---------------------------------------------------------------------------------------------
# Preview or release

RELEASE_ENV = "GWR_RELEASE"
# What a preview prints where a release prints the address.
NOT_PUBLISHED = "[Address not yet published: preview build]"
PREVIEW_NOTE = "Preview build: the address is not yet published"
# A preview formats its citations with this root (RFC 2606: .invalid never resolves), then
# replaces every address under it with NOT_PUBLISHED.
_PREVIEW_ROOT = "https://address-not-yet-published.invalid/"

class PlaceholderAddressError(GwrError):
    """A release build was asked for while CITATION.cff still holds a placeholder address."""


def release_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the environment asks for a release build (``GWR_RELEASE=1``).

    Examples:
        >>> release_requested({}), release_requested({"GWR_RELEASE": "1"})
        (False, True)
        >>> release_requested({"GWR_RELEASE": "0"}), release_requested({"GWR_RELEASE": "true"})
        (False, True)
    """
    value = (os.environ if environ is None else environ).get(RELEASE_ENV, "")
    return value.strip().lower() in {"1", "true", "yes"}


def release_problem(edition: Edition) -> str | None:
    """The message that stops a release build, or None when the addresses are real."""
    found = placeholders(edition)
    if not found:
        return None
    values = {"url": edition.url, "repository-code": edition.repository}
    listed = " and ".join(f"`{name}` is a placeholder ({values[name]})" if values[name]
                          else f"`{name}` is missing" for name in found)
    return (
        f"A release build needs the published addresses, but in CITATION.cff {listed}. "
        "Set `url` to the address where the book is published (for GitHub Pages, "
        "https://<owner>.github.io/<repository>/) and `repository-code` to the public "
        "repository (https://github.com/<owner>/<repository>), at the top level and in "
        "`preferred-citation`, then build again. Without RELEASE=1 (GWR_RELEASE=1) the build "
        "is a preview, which prints no address.")


def check_release(path: Path = CITATION_FILE) -> None:
    """Raise PlaceholderAddressError if CITATION.cff is not ready for a release build."""
    problem = release_problem(read_edition(Path(path)))
    if problem:
        raise PlaceholderAddressError(problem)


# ---------------------------------------------------------------------------------------------
# The citation of a page, in every form

# Pages that show the whole edition's citation (the {cite-edition} directive) instead of their own.
EDITION_PAGES = {"book/how-to-cite"}


@dataclass(frozen=True)
class PageCitation:
    """What one page cites: the whole book (``title`` None) or itself, a part of the book."""

    docname: str
    title: str | None
    kind: str  # "book" (the root page), "chapter" (a numbered chapter) or "page"
    number: int | None = None  # the chapter's number


def shown_edition(edition: Edition, release: bool) -> Edition:
    """The edition as a build shows it: a preview puts a non-resolving root in place of ``url``,
    which ``unpublished`` then replaces by NOT_PUBLISHED in every form."""
    return edition if release else dataclasses.replace(edition, url=_PREVIEW_ROOT)


def unpublished(form: str, language: str = "en") -> str:
    """Replace every preview address in ``form`` by NOT_PUBLISHED (in the edition's language).

    Examples:
        >>> unpublished("Title[EB/OL]. https://address-not-yet-published.invalid/a/b.html.")
        'Title[EB/OL]. [Address not yet published: preview build].'
        >>> unpublished("题名[M/OL]. https://address-not-yet-published.invalid/zh/a.html.", "zh")
        '题名[M/OL]. [网址尚未发布：预览版].'
    """
    instead = text(language, "preview.not_published")

    def plain(match: re.Match) -> str:
        address = match.group(0)
        kept = address.rstrip(".,;:)")
        return instead + address[len(kept):]

    return re.sub(re.escape(_PREVIEW_ROOT) + r"[^\s<>\"'{}\]]*", plain, form)


_BIBTEX_FIELD = re.compile(r"^\s*(\w+)\s*=")


def _bibtex_preview(entry: str, language: str = "en") -> str:
    """A preview's BibTeX: no ``url``/``urldate`` (there is no address), a note that says so."""
    lines = [line for line in entry.rstrip().splitlines()
             if not re.match(r"\s*(url|urldate)\s*=", line, flags=re.I)]
    note_at = next((i for i, line in enumerate(lines) if re.match(r"\s*note\s*=", line, re.I)),
                   None)
    if note_at is not None:
        lines[note_at] = re.sub(r"(note\s*=\s*\{)", rf"\g<1>{_preview_note(language)}. ",
                                lines[note_at], count=1, flags=re.I)
    else:
        lines.insert(len(lines) - 1, f"  note = {{{_preview_note(language)}}}")
    # Every field line but the last ends with a comma.
    fields = [i for i, line in enumerate(lines) if _BIBTEX_FIELD.match(line)]
    for i in fields:
        lines[i] = lines[i].rstrip().rstrip(",") + ("," if i != fields[-1] else "")
    return unpublished("\n".join(lines), language)


def _args(edition: Edition, page_: PageCitation) -> tuple:
    return (edition,) if page_.title is None else (edition, page_.title, page_.docname)


def _preview_note(language: str) -> str:
    return PREVIEW_NOTE if language == "en" else text(language, "preview.note")


def citation_forms(edition: Edition, page_: PageCitation, *, release: bool) -> dict[str, str]:
    """The forms that the cite block shows: ``bibtex``, ``apa_html``, ``apa``, ``gbt``."""
    args = _args(shown_edition(edition, release), page_)
    forms = {"bibtex": bibtex(*args), "apa_html": apa(*args, html=True), "apa": apa(*args),
             "gbt": gbt7714(*args)}
    return forms if release else preview_forms(forms, edition.language)


def work_forms(work: Work, *, release: bool) -> dict[str, str]:
    """The same forms for any part of the book (a figure, a table): build ``work`` from
    ``shown_edition(edition, release)``, so that a preview carries no address."""
    forms = {"bibtex": bibtex(work), "apa_html": apa(work, html=True), "apa": apa(work),
             "gbt": gbt7714(work)}
    return forms if release else preview_forms(forms, work.language)


def preview_forms(forms: dict[str, str], language: str = "en") -> dict[str, str]:
    """A preview build's forms: no address in any of them (see :func:`unpublished`)."""
    return {name: _bibtex_preview(form, language) if name == "bibtex"
            else unpublished(form, language) for name, form in forms.items()}


def _cited(edition: Edition, page_: PageCitation, release: bool):
    """The Work that the page's files cite (citation.book or citation.page); no URL in a preview."""
    work = book(edition) if page_.title is None else page(edition, page_.title, page_.docname)
    return work if release else dataclasses.replace(work, url=None)


def _name(agent: Person | str) -> str:
    """A name as Highwire's citation_author and RIS's AU want it: "Family, Given" or a group's.

    Examples:
        >>> _name(Person("Li", "Feifei", "李飞飞")), _name("A group")
        ('Li, Feifei', 'A group')
    """
    if isinstance(agent, Person):
        return f"{agent.family}, {agent.given}" if agent.given else agent.family
    return str(agent)


def _schema_agent(agent: Person | str) -> dict:
    if not isinstance(agent, Person):
        return {"@type": "Organization", "name": str(agent)}
    person = {"@type": "Person", "name": str(agent).strip(), "familyName": agent.family}
    if agent.given:
        person["givenName"] = agent.given
    if agent.native:
        person["alternateName"] = agent.native
    return person


_LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "MIT": "https://opensource.org/licenses/MIT",
}


def licence_url(spdx: str) -> str:
    """The address of a licence named by its SPDX identifier.

    Examples:
        >>> licence_url("CC-BY-4.0"), licence_url("Apache-2.0")
        ('https://creativecommons.org/licenses/by/4.0/', 'https://spdx.org/licenses/Apache-2.0.html')
    """
    return _LICENCE_URLS.get(spdx, f"https://spdx.org/licenses/{spdx}.html")


def csl_json(edition: Edition, page_: PageCitation, *, release: bool) -> dict:
    """The page's citation as one CSL-JSON item (citation.csl_item); a preview's has no URL and
    a note that says why."""
    item = csl_item(*_args(shown_edition(edition, release), page_))
    if not release:
        item.pop("URL", None)
        item["note"] = _preview_note(edition.language)
    return item


def ris(edition: Edition, page_: PageCitation, *, release: bool) -> str:
    """The page's citation as an RIS record (TY … ER), lines ending in CR LF as RIS asks."""
    work = _cited(edition, page_, release)
    released = work.released or edition.released
    lines = [("TY", "BOOK" if work.kind == "book" else "CHAP")]
    lines += [("AU", _name(a)) for a in work.authors]
    lines.append(("TI", work.title))
    if work.book:
        lines.append(("T2", work.book))
    lines += [("PY", str(work.year)),
              ("DA", f"{released.year:04d}/{released.month:02d}/{released.day:02d}/")]
    if work.version:
        lines.append(("ET", f"Version {work.version}"))
    if work.publisher:
        lines.append(("PB", work.publisher))
    lines.append(("LA", work.language))
    if work.url:
        lines.append(("UR", work.url))
    if work.doi:
        lines.append(("DO", work.doi))
    lines.append(("N1", f"Licence: {edition.licence}"))
    if not release:
        lines.append(("N1", _preview_note(edition.language)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def _schema_book(edition: Edition, release: bool, language: str) -> dict:
    data: dict = {"@type": "Book", "name": edition.title,
                  "author": [_schema_agent(a) for a in edition.authors],
                  "datePublished": edition.released.isoformat(), "version": edition.version,
                  "bookEdition": f"Version {edition.version}", "inLanguage": language,
                  "license": licence_url(edition.licence)}
    if edition.publisher:
        data["publisher"] = _schema_agent(edition.publisher)
    if release:
        data["@id"] = data["url"] = edition.url
    if edition.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI",
                              "value": edition.doi}
        data["sameAs"] = f"https://doi.org/{edition.doi}"
    return data


def json_ld(edition: Edition, page_: PageCitation, *, release: bool, language: str = "en",
            cff: Mapping | None = None) -> dict:
    """schema.org metadata of a page: Book (root), Chapter or WebPage (part of the Book)."""
    book_data = _schema_book(edition, release, language)
    status = "Published" if release else f"{_preview_note(edition.language)}."
    if page_.kind == "book":
        data = {"@context": "https://schema.org", **book_data}
        cff = read_cff() if cff is None else cff
        if cff.get("abstract"):
            data["description"] = " ".join(str(cff["abstract"]).split())
        if cff.get("keywords"):
            data["keywords"] = [str(k) for k in cff["keywords"]]
        data["creativeWorkStatus"] = status
        return data
    data = {"@context": "https://schema.org",
            "@type": "Chapter" if page_.kind == "chapter" else "WebPage",
            "name": page_.title}
    if page_.kind == "chapter" and page_.number is not None:
        data["position"] = page_.number
    if release:
        data["@id"] = data["url"] = page_url(edition, page_.docname)
    data.update(author=book_data["author"], datePublished=book_data["datePublished"],
                version=edition.version, inLanguage=language, license=book_data["license"])
    if edition.doi:
        data["identifier"] = book_data["identifier"]
    data.update(isPartOf=book_data, creativeWorkStatus=status)
    return data


def highwire_tags(edition: Edition, page_: PageCitation, *, release: bool,
                  language: str = "en", cff: Mapping | None = None) -> list[tuple[str, str]]:
    """(name, content) of the page's ``citation_*`` meta tags.

    ``citation_fulltext_html_url`` is the page's canonical address in a release; a preview,
    whose address is not yet published, gives the page's own file name (a relative address).
    """
    released = edition.released
    tags = [("citation_title", edition.title if page_.title is None else page_.title)]
    tags += [("citation_author", _name(a)) for a in edition.authors]
    tags.append(("citation_publication_date",
                 f"{released.year:04d}/{released.month:02d}/{released.day:02d}"))
    if page_.title is not None:
        tags += [("citation_book_title", edition.title),
                 ("citation_inbook_title", edition.title)]
    if edition.publisher:
        tags.append(("citation_publisher", edition.publisher))
    # The page's own address, on the root page too (whose citation is the whole book).
    own = page_url(edition, page_.docname) if release else f"{Path(page_.docname).name}.html"
    tags.append(("citation_fulltext_html_url", own))
    if edition.doi:
        tags.append(("citation_doi", edition.doi))
    tags += [("citation_language", language), ("citation_version", edition.version)]
    cff = read_cff() if cff is None else cff
    if cff.get("keywords"):
        tags.append(("citation_keywords", "; ".join(str(k) for k in cff["keywords"])))
    return tags


def head_html(edition: Edition, page_: PageCitation, *, release: bool, language: str = "en",
              cff: Mapping | None = None) -> str:
    """The meta tags and the JSON-LD script that go into the page's <head>."""
    tags = highwire_tags(edition, page_, release=release, language=language, cff=cff)
    meta = "".join(f'\n    <meta name="{name}" content="{html.escape(value, quote=True)}" />'
                   for name, value in tags)
    data = json.dumps(json_ld(edition, page_, release=release, language=language, cff=cff),
                      ensure_ascii=False, indent=1)
    data = data.replace("</", "<\\/")  # nothing in the data may close the script element
    return meta + f'\n    <script type="application/ld+json">\n{data}\n    </script>\n'


DOWNLOADS = ((".bib", "BibTeX", "application/x-bibtex"),
             (".ris", "RIS", "application/x-research-info-systems"),
             (".csl.json", "CSL-JSON", "application/vnd.citationstyles.csl+json"))


def download_files(edition: Edition, page_: PageCitation, *, release: bool) -> dict[str, bytes]:
    """The files written beside the page: suffix → bytes (UTF-8, nothing build-dependent)."""
    entry = citation_forms(edition, page_, release=release)["bibtex"]
    item = csl_json(edition, page_, release=release)
    return {
        ".bib": (entry.rstrip() + "\n").encode("utf-8"),
        ".ris": ris(edition, page_, release=release).encode("utf-8"),
        ".csl.json": (json.dumps([item], ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }


def download_links_html(docname: str, language: str = "en") -> str:
    """The cite block's line of links to the page's .bib, .ris and CSL-JSON files."""
    stem = Path(docname).name
    links = " · ".join(
        f'<a class="citation-download" href="{stem}{suffix}" download type="{mime}">'
        f"{label} (<code>{stem}{suffix}</code>)</a>" for suffix, label, mime in DOWNLOADS)
    return f'<p class="citation-downloads">{text(language, "cite.downloads", links=links)}</p>'


# ---------------------------------------------------------------------------------------------
# Sphinx


def is_release(config: Config) -> bool:
    return bool(config.gwr_release)


def chinese_title() -> str:
    """The Chinese edition's title, as zh/_config.yml gives it."""
    import yaml

    config = yaml.safe_load((paths.ZH / "_config.yml").read_text(encoding="utf-8")) or {}
    if not config.get("title"):
        raise ConfigError("zh/_config.yml gives no `title` for the Chinese edition")
    return str(config["title"])


def edition_for(where) -> Edition:
    """The edition that an app, environment or config builds: the book as CITATION.cff records
    it, or its Chinese edition (Chinese title and names, pages under zh/) when the language is
    Chinese."""
    edition = read_edition()
    if edition_of(where) == "zh":
        return chinese_edition(edition, chinese_title())
    return edition


def page_citation(app: Sphinx, docname: str, title: str | None = None) -> PageCitation:
    """What ``docname`` cites: the book on the root page (and on pages that show the edition's
    citation, such as How to cite), itself otherwise."""
    if docname == app.config.root_doc:
        return PageCitation(docname, None, "book")
    numbers = (app.env.toc_secnumbers.get(docname) or {}).get("")
    if title is None and docname not in EDITION_PAGES:
        title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    kind = "chapter" if numbers else "page"
    return PageCitation(docname, None if docname in EDITION_PAGES else title, kind,
                        numbers[0] if numbers else None)


def _check(app: Sphinx, config: Config) -> None:
    """Stop a release build while an address is a placeholder."""
    if is_release(config):
        problem = release_problem(read_edition())
        if problem:
            raise ConfigError(problem)


def _head(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Add the page's tags and JSON-LD to its <head>; write its .bib, .ris and .csl.json."""
    if doctree is None or pagename not in app.env.all_docs:
        return
    edition = edition_for(app)
    release, language = is_release(app.config), LANGUAGE_TAGS[edition_of(app)]
    cited = page_citation(app, pagename)
    # The tags and JSON-LD describe the page itself. How to cite is a page of the book that
    # shows the edition's citation: its files hold the edition's, its tags describe the page.
    described = cited if cited.title is not None or cited.kind == "book" else \
        dataclasses.replace(cited, title=app.env.titles[pagename].astext())
    context["metatags"] = context.get("metatags", "") + head_html(
        edition, described, release=release, language=language)
    for suffix, data in download_files(edition, cited, release=release).items():
        target = Path(app.outdir) / f"{pagename}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)


def setup(app: Sphinx) -> None:
    app.add_config_value("gwr_release", release_requested(), "env", types=[bool])
    app.connect("config-inited", _check, priority=100)
    app.connect("html-page-context", _head)
    app.add_css_file("cite.css")
    app.add_js_file("copy-citation.js", loading_method="defer")
