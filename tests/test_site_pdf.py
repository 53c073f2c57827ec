"""The PDF of each edition (tools/build_pdf.py, gwr.book.pdf), read back with pypdf and poppler.

Step 5 of `make test` (marker `site`), after the strict build. The session fixture runs
tools/build_pdf.py once if a PDF is missing (`make pdf` normally made them already). Checks: every
chapter's title and every figure's number is in the text; ¶20 extracts in Chinese (煤改电) and the
English PDF has the English chapter text; `pdffonts` lists only embedded fonts, a CJK one among
them; the outline has one entry per chapter, titled as the chapter; every link annotation to a
destination in the file
lands on an existing named destination, and the ¶ links are such links; the page count and the
size stay within the bounds below; the document information names title, author, language and
the release date; the site's "PDF" link leads to the published file. Two pages are rendered to
PNG in artifacts/pdf/ (a chapter opening, a page with a Chinese table) for a person to look at.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from gwr import paths
from gwr.book import citation, editions, pdf

pytestmark = pytest.mark.site

OUTPUT_ROOT = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve()
SITE = OUTPUT_ROOT / "_build" / "html"
OUT = OUTPUT_ROOT / "_build" / "pdf"
ARTIFACTS = paths.ROOT / "artifacts" / "pdf"
# Bounds of the documented figures (0.3.0: en 193 pages, 8.5 MB; zh see README).
PAGES = {"en": (120, 320), "zh": (100, 300)}
MAX_BYTES = 10_000_000
CHAPTERS = [f"notebooks/{n}" for n in ("01-at-a-glance", "02-review-2019", "03-plan-2020",
                                        "04-service-government", "05-review-to-plan",
                                        "06-language", "07-places", "08-outcomes")]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: install poppler-utils (apt-get install poppler-utils)")
    return found


@pytest.fixture(scope="session")
def pdfs() -> dict[str, Path]:
    version = citation.read_edition().version
    files = {e: OUT / pdf.pdf_name(version, e) for e in pdf.EDITIONS}
    if not all(f.is_file() for f in files.values()):
        run = subprocess.run([sys.executable, str(paths.ROOT / "tools" / "build_pdf.py")],
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
    return files


@cache
def _reader(path: Path):
    from pypdf import PdfReader

    return PdfReader(path)


@cache
def _text(path: Path) -> str:
    run = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, text=True, check=True)
    return run.stdout


def _squash(text: str) -> str:
    """Text without the spaces and line breaks that extraction puts between glyphs."""
    return re.sub(r"\s+", "", text)


def _page_titles(edition: str, docname: str) -> str:
    from bs4 import BeautifulSoup

    root = SITE if edition == "en" else SITE / "zh"
    soup = BeautifulSoup((root / f"{docname}.html").read_text(encoding="utf-8"), "lxml")
    return soup.find("article").find("h1").get_text(" ", strip=True).rstrip("#").strip()


def _figure_numbers(edition: str) -> list[str]:
    root = SITE if edition == "en" else SITE / "zh"
    found = []
    for docname in CHAPTERS:
        markup = (root / f"{docname}.html").read_text(encoding="utf-8")
        found += [n.strip() for n in re.findall(r'caption-number">([^<]+)<', markup)]
    return found


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_every_chapter_title_and_figure_number_is_in_the_text(pdfs, edition):
    text = _squash(_text(pdfs[edition]))
    titles = [_page_titles(edition, d) for d in CHAPTERS]
    numbers = _figure_numbers(edition)
    assert len(numbers) >= 30, numbers
    missing = [t for t in titles + numbers if _squash(t) not in text]
    assert not missing, f"not in the {edition} PDF's text: {missing}"


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_paragraph_20_extracts_in_chinese(pdfs, edition):
    assert "煤改电" in _squash(_text(pdfs[edition]))


def test_the_english_pdf_has_the_english_chapter_text(pdfs):
    text = _text(pdfs["en"])
    assert "The second part of the report sets out the work for 2020" in " ".join(text.split())
    assert "households switched from coal to" in " ".join(text.split())


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_every_font_is_embedded_and_chinese_has_its_own(pdfs, edition):
    run = subprocess.run([_tool("pdffonts"), str(pdfs[edition])], capture_output=True,
                         text=True, check=True)
    rows = [line.split() for line in run.stdout.splitlines()[2:] if line.strip()]
    assert rows
    # columns from the right: emb sub uni object ID
    not_embedded = [r for r in rows if r[-5] != "yes"]
    assert not not_embedded, not_embedded
    # The document's CJK font (gwr.book.pdf.cjk_font_css, TrueType outlines), by name.
    assert any(re.fullmatch(r"[A-Z]{6}\+NotoSansCJKsc-Regular", r[0]) and r[-3] == "yes"
               for r in rows), run.stdout


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_the_chinese_glyphs_come_from_the_documents_font(pdfs, edition):
    """No CJK character of the assembled document lacks a glyph: the document's font is made
    from its own characters (gwr.book.pdf.cjk_font_css), checked against Noto Sans CJK SC."""
    document = (OUT / edition / "book.html").read_text(encoding="utf-8")
    face = re.search(r"unicode-range: ([^;]+);", document).group(1)
    from gwr.book.sphinxext import webfont

    body = document[document.index("<body"):]
    shown = webfont.cjk_code_points(html.unescape(re.sub(r"<[^>]+>", " ", body)))
    assert shown and webfont.unicode_range(shown) == face


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_the_outline_has_an_entry_per_chapter(pdfs, edition):
    reader = _reader(pdfs[edition])

    def titles(items):
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    # The bookmarks are the contents' titles (chromium's own repeated each heading's text).
    outline = [_squash(t) for t in titles(reader.outline)]
    for docname in CHAPTERS:
        title = _squash(_page_titles(edition, docname))
        assert title in outline, (title, outline[:12])
        assert outline.count(title) == 1, title


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_links_to_paragraphs_resolve_inside_the_file(pdfs, edition):
    reader = _reader(pdfs[edition])
    names = {str(n).lstrip("/") for n in reader.named_destinations}
    assert {"para-1", "para-20", "para-110"} <= names
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                targets.append(str(annotation["/Dest"]).lstrip("/"))
    unresolved = sorted({t for t in targets if t not in names})
    assert not unresolved, unresolved
    assert sum(t.startswith("para-") for t in targets) >= 200
    # ¶20 is on the page of the source edition that the destination names.
    page = reader.get_destination_page_number(reader.named_destinations["/para-20"])
    assert "煤改电" in _squash(reader.pages[page].extract_text())


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_pages_and_size_are_within_bounds(pdfs, edition):
    pages = len(_reader(pdfs[edition]).pages)
    low, high = PAGES[edition]
    assert low <= pages <= high
    assert pdfs[edition].stat().st_size < MAX_BYTES


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_document_information(pdfs, edition):
    reader = _reader(pdfs[edition])
    book = pdf.book_edition(edition)
    info = reader.metadata
    assert info["/Title"] == book.title and info["/Author"] == book.author
    date = pdf.pdf_date(pdf.source_date(book.released))
    assert info["/CreationDate"] == info["/ModDate"] == date
    assert str(reader.trailer["/Root"]["/Lang"]) == editions.LANGUAGE_TAGS[edition]
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_the_site_links_every_page_to_the_published_pdf(pdfs, edition):
    root = SITE if edition == "en" else SITE / "zh"
    published = root / pdf.site_pdf_path(edition, citation.read_edition().version)
    assert published.read_bytes() == pdfs[edition].read_bytes()
    for page in [root / "book" / "intro.html", root / "notebooks" / "03-plan-2020.html"]:
        hrefs = re.findall(r'class="pdf-download" href="([^"]+)"', page.read_text("utf-8"))
        assert len(hrefs) == 1, page
        assert (page.parent / hrefs[0]).resolve() == published.resolve()


def _find_page(reader, needle: str, start: int = 0) -> int:
    for number in range(start, len(reader.pages)):
        if needle in _squash(reader.pages[number].extract_text()):
            return number
    raise AssertionError(f"{needle} on no page")


@pytest.mark.parametrize("edition", pdf.EDITIONS)
def test_two_pages_rendered_for_a_person(pdfs, edition):
    """A chapter opening (chapter 3) and the page of its Table 3.1, whose cells are Chinese."""
    reader = _reader(pdfs[edition])
    opening = reader.get_destination_page_number(
        reader.named_destinations["/" + pdf.page_anchor("notebooks/03-plan-2020")])
    table = _find_page(reader, "表3.1" if edition == "zh" else "Table3.1", opening + 1)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, number in (("chapter-opening", opening), ("chinese-table", table)):
        prefix = ARTIFACTS / f"{edition}-{name}"
        subprocess.run([_tool("pdftoppm"), "-png", "-r", "80", "-singlefile", "-f",
                        str(number + 1), "-l", str(number + 1), str(pdfs[edition]),
                        str(prefix)], check=True)
        assert prefix.with_suffix(".png").stat().st_size > 20_000
