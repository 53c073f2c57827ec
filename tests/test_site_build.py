"""The strict build's output: pages, SVG figures with alt text, numbering, and nothing remote.

These run after `tools/build_book.py --strict` (step 4 of `make test`) and read _build/html.
"""

from __future__ import annotations

import os
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gwr import paths

pytestmark = pytest.mark.site

# The same variable as tools/build_book.py: where _build/ is (default: the repository).
BUILD = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build"
HTML = BUILD / "html"
BUILD_LOG = BUILD / "build.log"
CHAPTERS = sorted(p.stem for p in (paths.ROOT / "notebooks").glob("*.ipynb"))


class Tags(HTMLParser):
    """Collect every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags_of(page: Path) -> list[tuple[str, dict[str, str]]]:
    parser = Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


@pytest.fixture(scope="module", autouse=True)
def built_site():
    if not (HTML / "index.html").is_file():
        pytest.fail("No built site in _build/html: run `make book` "
                    "(make test builds it in step 4).")


def test_index_and_every_chapter_are_built():
    assert (HTML / "index.html").is_file()
    for chapter in CHAPTERS:
        assert (HTML / "notebooks" / f"{chapter}.html").is_file(), chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_figures_are_svg_files_with_alt_text(chapter):
    page = HTML / "notebooks" / f"{chapter}.html"
    images = [a for tag, a in tags_of(page) if tag == "img"]
    figures = [a for a in images if "_images/" in a.get("src", "")]
    assert len(figures) >= 2
    for image in figures:
        assert image["src"].endswith(".svg"), image["src"]
        svg = (page.parent / image["src"]).resolve()
        assert svg.is_file() and svg.read_bytes().lstrip().startswith(b"<?xml")
        assert len(image.get("alt", "")) > 40, f"alt text should say what {image['src']} shows"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_figures_and_tables_are_numbered_and_captioned(chapter):
    html = (HTML / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="caption-number">Fig\. \d+(\.\d+)* </span>', html)
    assert re.search(r'<span class="caption-number">Table \d+(\.\d+)* </span>', html)
    assert "Source: " in html
    # Tables come with header cells, for screen readers.
    assert "<th " in html or "<th>" in html


def test_build_log_has_no_warning_and_no_missing_glyph():
    log = BUILD_LOG.read_text(encoding="utf-8")
    assert "missing from font" not in log
    assert not re.search(r"\bWARNING:", log), re.findall(r".*WARNING:.*", log)[:5]


def test_no_page_loads_anything_from_another_host():
    remote = []
    for page in HTML.rglob("*.html"):
        for tag, attrs in tags_of(page):
            url = (attrs.get("src") if tag in {"script", "img", "iframe", "source"}
                   else attrs.get("href") if tag == "link" else None)
            if url and re.match(r"^(https?:)?//", url):
                remote.append(f"{page.relative_to(HTML)}: <{tag}> {url}")
    assert remote == []


def test_no_unrendered_glue_or_role():
    for page in HTML.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "{glue" not in html and "{numref}" not in html, page


def _pages():
    return [p for p in HTML.rglob("*.html")
            if p.name not in {"genindex.html", "search.html"} and "_static" not in p.parts
            and p.relative_to(HTML).as_posix() not in {"index.html", "zh/index.html"}]


def test_every_page_ends_with_a_cite_block_and_shows_the_version():
    from gwr.book.citation import read_edition
    edition = read_edition()
    for page in _pages():
        html = unescape(page.read_text(encoding="utf-8"))  # Pygments writes "@" as &#64;
        chinese = page.relative_to(HTML).parts[0] == "zh"
        version = (f"版本 {edition.version}，{edition.released.isoformat()} 发布" if chinese
                   else f"Version {edition.version}, released {edition.released.isoformat()}")
        assert version in html, page
        if page.name == "how-to-cite.html":
            assert "taiyuan2020edition" in html and "@book" in html  # the edition's BibTeX
            continue
        assert 'id="cite-this-page"' in html, page
        # An online book and its parts are [M/OL] (GB/T 7714-2015, 4.2; a part adds //the book).
        block = html.split('id="cite-this-page"', 1)[1]
        gbt = "GB/T 7714" if chinese else "GB/T 7714-2015"
        for form in ("BibTeX", "APA", gbt, "[M/OL]", "@"):
            assert form in block, (page, form)
        if chinese:  # GB/T first, with the edition's version as GB/T writes it
            assert block.index(gbt) < block.index("APA") < block.index("BibTeX"), page
            assert f"{edition.version}版" in block, page


def test_source_edition_has_every_paragraph_anchor():
    html = (HTML / "book" / "source.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="(para-\d+)"', html))
    assert ids == {f"para-{n}" for n in range(1, 111)}


def test_pilcrow_references_link_to_their_anchor():
    html = (HTML / "notebooks" / "01-at-a-glance.html").read_text(encoding="utf-8")
    links = re.findall(r'href="../book/source.html#(para-\d+)"', html)
    assert "para-4" in links and "para-76" in links


def test_titles_of_the_reference_pages():
    assert "Glossary" in (HTML / "book" / "glossary.html").read_text(encoding="utf-8")
    changelog = (HTML / "book" / "changelog.html").read_text(encoding="utf-8")
    assert re.search(r"<title>[^<]*Changelog", changelog)


def test_last_updated_is_the_release_date_not_the_build_clock():
    from gwr.book.citation import read_edition
    released = read_edition().released
    html = (HTML / "notebooks" / "01-at-a-glance.html").read_text(encoding="utf-8")
    assert f"Last updated on {released:%d %B %Y}" in html


# Binder launch links: tests/test_site_citations.py::test_binder_links_only_to_a_real_repository
# (none while the repository in CITATION.cff is a placeholder, the chapter's link once it is real).


def test_footer_carries_the_licences():
    html = (HTML / "book" / "intro.html").read_text(encoding="utf-8")
    assert "Text and data: CC BY 4.0. Code: MIT." in html
