"""The built site's machine-readable citations: what Google Scholar, Zotero and a reference
manager read from each page, and the copy buttons of the cite blocks.

Step 5 of `make test`, after the strict build; reads _build/html. Whether the build is a preview
or a release is read from the root page's JSON-LD (creativeWorkStatus), and the checks follow:
a release gives each page's canonical address, a preview gives none and says so.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from html import unescape
from html.parser import HTMLParser
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pybtex.database import parse_string

from gwr import paths
from gwr.book.citation import bibtex_key, is_placeholder, read_edition
from tests.test_site_browser import CHROMIUM_ARGS, QuietHandler, check_browser

pytestmark = pytest.mark.site

# The same variable as tools/build_book.py: where _build/ is (default: the repository).
HTML = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build" / "html"
ROOT_DOC = "book/intro"
EDITION_PAGES = {"book/how-to-cite"}  # they show the whole edition's citation
PLACEHOLDERS = ("example.org", "github.com/example", "mybinder.org/v2/gh/example/")
RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*")


class Head(HTMLParser):
    """The meta tags, JSON-LD scripts, links, buttons and ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self.links: list[dict[str, str]] = []
        self.buttons: list[tuple[dict[str, str], str]] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self._in: str | None = None
        self._text: list[str] = []
        self._attrs: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "meta" and a.get("name", "").startswith("citation_"):
            self.meta.append((a["name"], a.get("content", "")))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in, self._text = "json", []
        elif tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        elif tag == "a" and "href" in a:
            self.links.append(a)
        elif tag == "button":
            self._in, self._text, self._attrs = "button", [], a

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in == "json":
            self.json_ld.append("".join(self._text))
            self._in = None
        elif tag == "button" and self._in == "button":
            self.buttons.append((self._attrs, "".join(self._text).strip()))
            self._in = None


def docnames() -> list[str]:
    """Every page made from a source file (not the index redirect, genindex or search)."""
    if not HTML.is_dir():
        return [ROOT_DOC]
    return sorted(p.relative_to(HTML).with_suffix("").as_posix() for p in HTML.rglob("*.html")
                  if p.relative_to(HTML).parts[0] in {"book", "notebooks"})


def parsed(docname: str) -> Head:
    head = Head()
    head.feed((HTML / f"{docname}.html").read_text(encoding="utf-8"))
    return head


@pytest.fixture(scope="module", autouse=True)
def built_site():
    if not (HTML / "index.html").is_file():
        pytest.fail("No built site in _build/html: run `make book` "
                    "(make test builds it in step 4).")


@pytest.fixture(scope="module")
def release() -> bool:
    """Whether the site is a release build, as its root page says."""
    [data] = [json.loads(s) for s in parsed(ROOT_DOC).json_ld]
    status = data["creativeWorkStatus"]
    assert status in {"Published", "Preview build: the address is not yet published."}, status
    return status == "Published"


@pytest.mark.parametrize("docname", docnames())
def test_every_page_carries_the_highwire_tags(docname, release):
    edition = read_edition()
    tags = parsed(docname).meta
    names = [name for name, _ in tags]
    for required in ("citation_title", "citation_author", "citation_publication_date",
                     "citation_fulltext_html_url", "citation_language", "citation_version"):
        assert names.count(required) == (1 if required != "citation_author" else
                                         len(edition.authors)), (docname, required)
    tag = dict(tags)
    # The release date from CITATION.cff, never the build clock.
    assert tag["citation_publication_date"] == edition.released.strftime("%Y/%m/%d")
    assert tag["citation_version"] == edition.version
    assert [v for n, v in tags if n == "citation_author"] == [
        f"{a.family}, {a.given}" if hasattr(a, "family") else str(a) for a in edition.authors]
    if docname == ROOT_DOC:
        assert tag["citation_title"] == edition.title and "citation_inbook_title" not in tag
    else:
        assert tag["citation_inbook_title"] == tag["citation_book_title"] == edition.title
        assert tag["citation_title"] and tag["citation_title"] != edition.title
    address = tag["citation_fulltext_html_url"]
    if release:  # the address written out here, not by page_url (the code under test)
        assert address == f"{edition.url.rstrip('/')}/{docname}.html"
    else:  # the page itself, wherever the preview is served
        assert address == f"{Path(docname).name}.html"
    if edition.doi:
        assert tag["citation_doi"] == edition.doi
    else:
        assert "citation_doi" not in tag


@pytest.mark.parametrize("docname", docnames())
def test_every_page_has_json_ld_of_the_right_type(docname, release):
    edition = read_edition()
    scripts = parsed(docname).json_ld
    assert len(scripts) == 1, docname
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    expected = ("Book" if docname == ROOT_DOC else
                "Chapter" if docname.startswith("notebooks/") else "WebPage")
    assert data["@type"] == expected, docname
    book = data if expected == "Book" else data["isPartOf"]
    assert book["@type"] == "Book" and book["name"] == edition.title
    assert book["version"] == edition.version
    assert book["datePublished"] == edition.released.isoformat()
    if expected == "Chapter":
        assert data["position"] == int(Path(docname).name[:2])
    if release:
        assert book["url"] == edition.url
        if expected != "Book":
            assert data["url"] == f"{edition.url.rstrip('/')}/{docname}.html"
    else:
        assert "url" not in data and "url" not in book


def _downloads(docname: str) -> dict[str, Path]:
    links = [a for a in parsed(docname).links if "citation-download" in a.get("class", "")]
    found = {}
    for suffix in (".csl.json", ".bib", ".ris"):
        [link] = [a for a in links if a["href"].endswith(suffix)]
        found[suffix] = (HTML / docname).parent / link["href"]
        assert "download" in link
    return found


@pytest.mark.parametrize("docname", docnames())
def test_every_page_links_its_citation_files_and_they_parse(docname, release):
    files = _downloads(docname)
    cites_book = docname == ROOT_DOC or docname in EDITION_PAGES
    key = bibtex_key(None if cites_book else docname)
    for path in files.values():
        assert path.is_file(), path
        assert path.parent == (HTML / docname).parent  # beside the page
    entries = parse_string(files[".bib"].read_text(encoding="utf-8"), "bibtex").entries
    assert list(entries) == [key]
    entry = entries[key]
    assert entry.type == ("book" if cites_book else "incollection")
    assert ("url" in entry.fields) == release
    [item] = json.loads(files[".csl.json"].read_text(encoding="utf-8"))
    assert item["id"] == key and item["type"] == ("book" if cites_book else "chapter")
    assert ("URL" in item) == release
    ris = files[".ris"].read_bytes().decode("utf-8")
    lines = ris.split("\r\n")
    assert lines[0] == ("TY  - BOOK" if cites_book else "TY  - CHAP")
    assert lines[-2:] == ["ER  - ", ""]
    assert all(RIS_LINE.fullmatch(line) for line in lines[:-1]), ris
    tags = [line[:2] for line in lines[:-1]]
    assert {"TI", "AU", "PY"} <= set(tags) and ("UR" in tags) == release


@pytest.mark.parametrize("docname", docnames())
def test_the_bib_file_is_the_bibtex_the_page_shows(docname):
    html = (HTML / f"{docname}.html").read_text(encoding="utf-8")
    shown = re.search(r'<pre class="[^"]*" id="citation-bibtex">(.*?)</pre>', html, re.S)
    assert shown, docname
    assert unescape(shown.group(1)) + "\n" == _downloads(docname)[".bib"].read_text("utf-8")


PREVIEW_SLOT = "[Address not yet published: preview build]"
CITE_FORMS = ("citation-bibtex", "citation-apa", "citation-gbt")


def _cite_forms(docname: str) -> dict[str, str]:
    """The text of each form of the page's cite block (tags dropped, entities decoded)."""
    html = (HTML / f"{docname}.html").read_text(encoding="utf-8")
    found = {}
    for form in CITE_FORMS:
        blocks = re.findall(rf'<(pre|p) class="[^"]*" id="{form}">(.*?)</\1>', html, re.S)
        assert len(blocks) == 1, (docname, form, len(blocks))
        found[form] = unescape(re.sub(r"<[^>]+>", "", blocks[0][1]))
    return found


def _words(text: str) -> str:
    """For comparing titles across forms: BibTeX's case-protecting braces dropped, whitespace
    collapsed, case folded (APA writes titles in sentence case after a colon)."""
    return " ".join(text.replace("{", "").replace("}", "").split()).casefold()


def _page_title(docname: str) -> str:
    """The title the page shows in the browser's <title>, before the book's name, without the
    chapter number: an oracle independent of the citation code."""
    html = (HTML / f"{docname}.html").read_text(encoding="utf-8")
    title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).split(" \u2014 ")[0]
    return re.sub(r"^\d+\. ", "", title.strip())


@pytest.mark.parametrize("docname", docnames())
def test_every_cite_block_form_carries_the_title_version_and_address(docname, release):
    """Each of BibTeX, APA and GB/T is present and not empty, the BibTeX parses, and each names
    the page (or, on the pages that cite the whole edition, the book), the version and the
    address; a preview shows its stand-in slot (BibTeX: its note) instead of the address. The
    oracle is CITATION.cff read as plain YAML and the page's own <title>."""
    import yaml

    raw = yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    cites_book = docname == ROOT_DOC or docname in EDITION_PAGES
    title = raw["title"] if cites_book else _page_title(docname)
    address = raw["url"] if cites_book else f"{raw['url'].rstrip('/')}/{docname}.html"
    forms = _cite_forms(docname)
    assert all(text.strip() for text in forms.values()), (docname, forms)
    entries = parse_string(forms["citation-bibtex"], "bibtex").entries
    assert len(entries) == 1, docname
    [entry] = entries.values()
    assert _words(entry.fields["title"]) == _words(title), docname
    assert entry.fields["version"] == raw["version"]
    assert entry.fields["year"] == str(raw["date-released"].year)
    if not cites_book:
        assert _words(entry.fields["booktitle"]) == _words(raw["title"])
    apa, gbt = forms["citation-apa"], forms["citation-gbt"]
    for name, form in (("APA", apa), ("GB/T", gbt)):
        assert _words(title) in _words(form), (docname, name, form)
        assert f"Version {raw['version']}" in form, (docname, name, form)
        assert raw["authors"][0]["name"] in form, (docname, name)
    if release:
        assert entry.fields["url"] == address, docname
        assert address in gbt and (address in apa or "https://doi.org/" in apa), docname
        assert PREVIEW_SLOT not in apa + gbt
    else:
        assert "url" not in entry.fields and entry.fields["note"].startswith("Preview build")
        assert apa.endswith(PREVIEW_SLOT) and gbt.endswith(PREVIEW_SLOT + "."), docname
        assert raw["url"] not in apa + gbt + forms["citation-bibtex"]


@pytest.mark.parametrize("docname", docnames())
def test_each_form_has_a_copy_button_with_a_visible_label(docname):
    page = parsed(docname)
    every = {a.get("data-copy-target"): label for a, label in page.buttons
             if "copy-citation" in a.get("class", "")}
    # The page's own cite block; the buttons of each figure's and table's folded citation
    # (cite-<label>-<form>) are checked in tests/test_site_figure_data.py.
    buttons = {k: v for k, v in every.items() if not k.startswith("cite-")}
    assert buttons == {"citation-bibtex": "Copy BibTeX", "citation-apa": "Copy APA",
                       "citation-gbt": "Copy GB/T"}, docname
    for target, label in every.items():
        if target.startswith("cite-"):
            form = target.rsplit("-", 1)[1]
            assert label == {"bibtex": "Copy BibTeX", "apa": "Copy APA", "gbt": "Copy GB/T"}[form]
            assert target in page.ids
    assert set(buttons) <= page.ids  # each copies an element of the page
    for attrs, _label in page.buttons:
        if "copy-citation" in attrs.get("class", ""):
            assert attrs.get("type") == "button" and "tabindex" not in attrs
    script = [s for s in page.scripts if "copy-citation.js" in s]
    assert len(script) == 1 and not script[0].startswith(("http:", "https:", "//"))
    assert (HTML / "_static" / "copy-citation.js").is_file()


TEXT_SUFFIXES = {".html", ".bib", ".ris", ".json", ".txt", ".ipynb", ".md"}


def _text_files() -> list[Path]:
    """Pages, citation files and page sources (_sources/), not the theme's assets."""
    return sorted(p for p in HTML.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES
                  and "_static" not in p.relative_to(HTML).parts)


def test_no_page_or_citation_file_shows_a_placeholder_address():
    shown = []
    for path in _text_files():
        text = path.read_text(encoding="utf-8")
        shown += [f"{path.relative_to(HTML)}: {p}" for p in PLACEHOLDERS if p in text]
        if ".invalid/" in text:
            shown.append(f"{path.relative_to(HTML)}: the preview's stand-in address")
    assert not shown, shown


def test_a_preview_says_that_the_address_is_not_yet_published(release):
    if release:
        pytest.skip("a release build: the addresses are published")
    html = (HTML / "notebooks" / "03-plan-2020.html").read_text(encoding="utf-8")
    assert "Preview build:" in html and "[Address not yet published: preview build]" in html


def test_binder_links_only_to_a_real_repository():
    edition = read_edition()
    for chapter in sorted((HTML / "notebooks").glob("*.html")):
        html = chapter.read_text(encoding="utf-8")
        if is_placeholder(edition.repository):
            assert "mybinder.org" not in html, chapter.name
        else:
            repository = edition.repository.removeprefix("https://github.com/").strip("/")
            assert (f"https://mybinder.org/v2/gh/{repository}/main?urlpath=lab/tree/notebooks/"
                    f"{chapter.stem}.ipynb") in html


# --- In a browser: the copy button works from the keyboard -------------------------------------

# Run in a child process: test_site_browser.py keeps one playwright (sync API) open for the whole
# session, and a second one cannot start in the same process.
_COPY_SCRIPT = """
import json, sys
from playwright.sync_api import sync_playwright
chromium, args, base, profile = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
with sync_playwright() as p:
    context = p.chromium.launch_persistent_context(profile, executable_path=chromium,
                                                   headless=True, args=args)
    context.set_default_timeout(15000)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.goto(base + "notebooks/03-plan-2020.html")
    button = page.locator('button.copy-citation[data-copy-target="citation-bibtex"]')
    out = {"visible": button.is_visible(), "label": button.inner_text(),
           "tabindex": button.evaluate("b => b.tabIndex")}
    button.focus()
    page.keyboard.press("Enter")
    selector = 'button.copy-citation[data-copy-target="citation-bibtex"]'
    page.wait_for_function(f"document.querySelector('{selector}').textContent === 'Copied'")
    out["clipboard"] = page.evaluate("navigator.clipboard.readText()")
    out["status"] = button.locator("xpath=following-sibling::span[@role='status']").inner_text()
    page.wait_for_function(f"document.querySelector('{selector}').textContent === 'Copy BibTeX'")
    # A table's own citation (Table 3.1, the first numbered item): folded; open it, copy.
    page.locator("details.data-note-cite summary").first.click()
    figure = page.locator('button.copy-citation[data-copy-target$="-bibtex"]').nth(0)
    target = figure.get_attribute("data-copy-target")
    figure.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("b => b.textContent === 'Copied'", arg=figure.element_handle())
    out["figure_clipboard"] = page.evaluate("navigator.clipboard.readText()")
    out["figure_bibtex"] = page.locator(f"#{target}").inner_text()
    context.close()
print(json.dumps(out))
"""


def test_the_copy_button_copies_the_bibtex_from_the_keyboard(tmp_path):
    """Tab reaches the button (a real <button>), Enter presses it, the clipboard then holds the
    page's BibTeX, byte for byte the .bib file, and the label and the status say so."""
    chromium = check_browser()
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result = subprocess.run(
            [sys.executable, "-c", _COPY_SCRIPT, str(chromium), json.dumps(CHROMIUM_ARGS),
             base, str(tmp_path / "profile")],
            capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["visible"] and seen["label"] == "Copy BibTeX" and seen["tabindex"] == 0
    bib = (HTML / "notebooks" / "03-plan-2020.bib").read_text(encoding="utf-8")
    assert seen["clipboard"] + "\n" == bib
    assert seen["status"] == "BibTeX citation copied to the clipboard."
    assert seen["figure_clipboard"] == seen["figure_bibtex"]
    assert seen["figure_clipboard"].startswith("@incollection{taiyuan2020edition:tbl-plan-tasks,")
