"""The built site in a real browser: pages load, nothing leaves the machine, search works.

Step 5 of `make test`, after the strict build. A local HTTP server (a thread, 127.0.0.1, a free
port) serves _build/html; Debian's chromium, driven by the playwright package, opens each page
once per session, and the tests below judge what it recorded. `playwright install` is never
needed (it downloads a browser of its own and fails offline).

Pages: every .html file under _build/html except _static/, whose .html files are the theme's
template macros (webpack-macros.html), not pages. index.html is Jupyter Book's redirect stub to
book/intro.html: it must load and redirect; the content checks judge the page it lands on.
genindex.html and search.html are pages like any other (search.html is also queried below).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

from gwr import paths
from tests.site_session import LOAD_ALL_IMAGES

pytestmark = pytest.mark.site

# The same variable as tools/build_book.py: where _build/ is (default: the repository).
HTML = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build" / "html"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
SCREENSHOT = paths.ROOT / "artifacts" / "screenshots" / "01-at-a-glance.png"
PLAYWRIGHT_HINT = ("the playwright Python package (`pip install -r requirements.lock`; never "
                   "`playwright install`, which downloads a browser)")
TIMEOUT_MS = 15_000


# --- The gate: skip without a browser, except where the browser tests must run ---------------

def missing_browser_parts() -> list[str]:
    """What the browser tests need and this machine lacks, each with how to install it."""
    missing = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"chromium at {CHROMIUM} (install it with `apt-get install chromium`)")
    if importlib.util.find_spec("playwright") is None:
        missing.append(PLAYWRIGHT_HINT)
    return missing


def browser_required() -> bool:
    """True under CI (CI=true) or when asked (REQUIRE_BROWSER=1): a skip would hide a gap."""
    return (os.environ.get("CI", "").lower() in {"true", "1"}
            or os.environ.get("REQUIRE_BROWSER", "").lower() in {"1", "true", "yes"})


def check_browser() -> Path:
    """Return chromium's path; skip if a part is missing, or fail if the browser is required."""
    missing = missing_browser_parts()
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if browser_required():
            pytest.fail(f"{reason}. CI=true or REQUIRE_BROWSER=1 is set, so this is a failure, "
                        "not a skip.", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium() -> Path:
    return check_browser()


# --- A local server and one browser for the session --------------------------------------------

class QuietHandler(SimpleHTTPRequestHandler):
    """Serve _build/html without logging every request to stderr."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(HTML), **kwargs)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site(site_url: str) -> str:
    """Base URL of _build/html on 127.0.0.1: the session's one server (tests/site_session.py)."""
    return site_url


@pytest.fixture(scope="session")
def browser(chromium: Path, tmp_path_factory):
    """One headless chromium with a fresh profile for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(chromium),
            headless=True, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        yield context
        context.close()


# --- One visit per page, recorded ---------------------------------------------------------------

def site_pages() -> list[str]:
    """Every page of the built site, relative to _build/html, in a stable order."""
    if not HTML.is_dir():
        return ["index.html"]  # the `site` fixture fails with the reason
    return sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html")
                  if "_static" not in p.relative_to(HTML).parts)


@dataclass
class Visit:
    """What the browser saw while loading one page."""

    page: str
    status: int | None = None
    final_url: str = ""
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dom: dict = field(default_factory=dict)


# Runs in the page after LOAD_ALL_IMAGES (every lazy image made eager and awaited): reads it.
READ_PAGE = """async () => {
  const images = Array.from(document.images);
  // The article body; search.html has none, its content sits directly in <main>.
  const article = document.querySelector("main article") || document.querySelector("main");
  const inArticle = (sel) => article ? Array.from(article.querySelectorAll(sel)) : [];
  const label = (el) => (el.id ? "#" + el.id + " " : "") + el.textContent.trim().slice(0, 60);
  return {
    lang: document.documentElement.getAttribute("lang"),
    article: !!article,
    images: images.map((img) => ({src: img.getAttribute("src"), width: img.naturalWidth,
                                  alt: img.getAttribute("alt")})),
    headings: inArticle("h1, h2, h3, h4, h5, h6").map((h) => ({level: +h.tagName[1],
                                                                text: label(h)})),
    tables: inArticle("table").map((t) => ({
      text: (t.querySelector("caption") || t).textContent.trim().slice(0, 60),
      layout: t.classList.contains("indextable"), th: t.querySelectorAll("th").length})),
    figures: inArticle("figure").map((f) => ({text: label(f),
                                              caption: !!f.querySelector("figcaption")})),
  };
}"""


def redirect_target(page: str) -> str | None:
    """The page a meta-refresh stub (Jupyter Book's index.html) sends the browser to."""
    match = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"',
                      (HTML / page).read_text(encoding="utf-8"), re.IGNORECASE)
    return match.group(1) if match else None


@pytest.fixture(scope="session")
def visit(browser, site: str):
    """visit(page) -> Visit, loading each page at most once per session."""

    @functools.cache
    def load(page: str) -> Visit:
        record = Visit(page)
        tab = browser.new_page()
        tab.on("request", lambda r: record.requests.append(r.url))
        tab.on("requestfailed", lambda r: record.failed.append(f"{r.url} ({r.failure})"))
        tab.on("response", lambda r: r.status >= 400 and record.failed.append(
            f"{r.url} (HTTP {r.status})"))
        tab.on("console", lambda m: m.type == "error" and record.console_errors.append(
            f"{m.text} at {m.location.get('url', '')}:{m.location.get('lineNumber', '')}"))
        tab.on("pageerror", lambda e: record.page_errors.append(str(e)))
        try:
            response = tab.goto(site + quote(page), wait_until="load")
            record.status = response.status if response else None
            target = redirect_target(page)
            if target:
                tab.wait_for_url(urljoin(site + page, target), wait_until="load")
            tab.wait_for_load_state("networkidle")
            tab.evaluate(LOAD_ALL_IMAGES)
            record.dom = tab.evaluate(READ_PAGE)
            record.final_url = tab.url
        finally:
            tab.close()
        return record

    return load


def offenders(visit, check) -> str:
    """Run ``check(Visit) -> list of problems`` on every page; all of them, one per line."""
    found = []
    for page in site_pages():
        found += [f"{page}: {problem}" for problem in check(visit(page))]
    return "\n".join(found)


# --- Every page ----------------------------------------------------------------------------------

def test_there_are_pages_to_check():
    pages = site_pages()
    assert "book/intro.html" in pages and "search.html" in pages, pages
    assert any(p.startswith("notebooks/") for p in pages), pages


def test_every_page_loads_with_http_200(visit):
    def check(v: Visit) -> list[str]:
        problems = [] if v.status == 200 else [f"HTTP {v.status}"]
        return problems + [f"resource failed: {f}" for f in v.failed]

    problems = offenders(visit, check)
    assert not problems, problems


def test_index_redirects_to_the_introduction(visit, site):
    assert visit("index.html").final_url == site + "book/intro.html"
    assert visit("zh/index.html").final_url == site + "zh/book/intro.html"


def test_no_console_error_and_no_page_error(visit):
    def check(v: Visit) -> list[str]:
        return ([f"console error: {e}" for e in v.console_errors]
                + [f"page error: {e}" for e in v.page_errors])

    problems = offenders(visit, check)
    assert not problems, problems


def test_no_request_goes_to_another_host(visit, site):
    local = urlsplit(site).netloc

    def check(v: Visit) -> list[str]:
        outside = []
        for url in v.requests:
            parts = urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if parts.scheme not in {"http", "https"} or parts.netloc != local:
                outside.append(f"request to {url}")
        return outside

    problems = offenders(visit, check)
    assert not problems, problems


def test_no_broken_image_and_every_image_has_alt_text(visit):
    def check(v: Visit) -> list[str]:
        problems = []
        for image in v.dom["images"]:
            if image["width"] <= 0:
                problems.append(f"broken image {image['src']}")
            if not (image["alt"] or "").strip():
                problems.append(f"image without alt text {image['src']}")
        return problems

    problems = offenders(visit, check)
    assert not problems, problems


# --- Accessibility -----------------------------------------------------------------------------

def test_html_lang_is_the_edition_s_language(visit):
    # The English edition at the root, the Chinese (zh-CN) under zh/.
    problems = offenders(visit, lambda v: [] if v.dom["lang"] == (
        "zh-CN" if v.page.startswith("zh/") else "en") else [f'<html lang="{v.dom["lang"]}">'])
    assert not problems, problems


def heading_skips(levels: list[tuple[int, str]]) -> list[str]:
    """Where a heading is more than one level below the one before it (the first must be h1)."""
    problems, previous = [], 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"h{level} after h{previous or '(none)'}: {text!r}")
        previous = level
    return problems


def test_heading_skips_are_detected():
    assert heading_skips([(1, "a"), (2, "b"), (3, "c"), (2, "d"), (3, "e")]) == []
    assert heading_skips([(1, "a"), (3, "b")]) == ["h3 after h1: 'b'"]
    assert heading_skips([(2, "a")]) == ["h2 after h(none): 'a'"]


def test_heading_levels_never_skip_in_the_article(visit):
    def check(v: Visit) -> list[str]:
        if not v.dom["article"]:
            return ["no <article> or <main> element"]
        return heading_skips([(h["level"], h["text"]) for h in v.dom["headings"]])

    problems = offenders(visit, check)
    assert not problems, problems


def test_every_table_in_the_article_has_header_cells(visit):
    # Sphinx's generated index (genindex.html) lays out its columns with `table.indextable`:
    # layout, not data, so it is the one kind of table without header cells.
    problems = offenders(visit, lambda v: [f"table without <th>: {t['text']!r}"
                                           for t in v.dom["tables"]
                                           if t["th"] == 0 and not t["layout"]])
    assert not problems, problems


def test_every_figure_in_the_article_has_a_caption(visit):
    problems = offenders(visit, lambda v: [f"figure without <figcaption>: {f['text']!r}"
                                       for f in v.dom["figures"] if not f["caption"]])
    assert not problems, problems


# --- Search ------------------------------------------------------------------------------------

def chapters_quoting(term: str, *paragraphs: int) -> set[str]:
    """Chapter pages (without .html) that quote ``term`` and cite one of the ``paragraphs``."""
    cited = re.compile("|".join(rf"¶{n}(?!\d)" for n in paragraphs))
    pages = set()
    for page in sorted((HTML / "notebooks").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if term in html and cited.search(html):
            pages.add(page.relative_to(HTML).with_suffix("").as_posix())
    return pages


def expected_pages(term: str) -> set[str]:
    """Pages the search must return for ``term`` (at least one of them)."""
    if term == "煤改电":  # quoted from ¶20 (2019: done) and ¶74 (2020: to continue)
        return {"notebooks/01-at-a-glance"} | chapters_quoting(term, 20, 74)
    if term == "5G":  # ¶85: 5G base stations in 2020
        return chapters_quoting(term, 85)
    if term == "poverty":  # the 2019 review's poverty figures (¶18)
        return {"notebooks/02-review-2019"}
    raise KeyError(term)


def search(browser, site: str, term: str, edition: str = "") -> set[str]:
    """The pages (without .html, relative to the edition) that the edition's search lists."""
    tab = browser.new_page()
    try:
        tab.goto(f"{site}{edition}search.html?q={quote(term)}", wait_until="load")
        # searchtools.js writes its summary only when the whole search is done.
        tab.wait_for_function("""() => {
            const s = document.querySelector("#search-results p.search-summary");
            return s && s.textContent.trim().length > 0; }""")
        hrefs = tab.eval_on_selector_all("#search-results ul.search li a",
                                         "links => links.map(a => a.getAttribute('href'))")
    finally:
        tab.close()
    return {href.split("#")[0].split("?")[0].removesuffix(".html") for href in hrefs}


@pytest.mark.parametrize("term", ["煤改电", "5G", "poverty"])
def test_search_finds_the_pages_that_discuss_a_term(browser, site, term):
    expected = expected_pages(term)
    assert expected, f"no chapter quotes {term} with the paragraph it comes from yet"
    found = search(browser, site, term)
    assert found, f"search for {term!r} found nothing"
    assert found & expected, (f"search for {term!r} found {sorted(found)}, "
                              f"none of {sorted(expected)}")


@pytest.mark.parametrize("term", ["煤改电", "营商环境", "背街小巷"])
def test_the_chinese_search_finds_chinese_words(browser, site, term):
    # jieba with the project's dictionary indexes these as words; the Chinese edition's own
    # index lists only Chinese pages, among them every chapter whose text holds the word.
    holding = {p.relative_to(HTML / "zh").with_suffix("").as_posix()
               for p in sorted((HTML / "zh" / "notebooks").glob("*.html"))
               if term in re.sub(r"<[^>]+>", "", p.read_text(encoding="utf-8"))}
    assert holding, f"no Chinese chapter holds {term}"
    found = search(browser, site, term, "zh/")
    assert found, f"the Chinese search for {term!r} found nothing"
    assert found & holding, f"the Chinese search for {term!r} found {sorted(found)}"
    assert not any(page.startswith(("http", "../")) for page in found), found


# --- The language switch -------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["notebooks/03-plan-2020.html", "zh/notebooks/03-plan-2020.html"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_language_switch_sits_in_the_row_of_the_header_buttons(browser, site, page, width):
    tab = browser.new_page()
    try:
        tab.set_viewport_size({"width": width, "height": 844})
        tab.goto(site + page, wait_until="load")
        boxes = tab.evaluate("""() => {
            const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                                   return {top: r.top, bottom: r.bottom, right: r.right}; };
            return {header: box(".bd-header-article"), switch: box(".gwr-language-switch"),
                    buttons: box(".article-header-buttons")}; }""")
    finally:
        tab.close()
    switch, buttons, header = boxes["switch"], boxes["buttons"], boxes["header"]
    assert header["top"] <= switch["top"] and switch["bottom"] <= header["bottom"], boxes
    middle = (switch["top"] + switch["bottom"]) / 2
    assert buttons["top"] <= middle <= buttons["bottom"], boxes  # one row, not stacked
    assert switch["right"] <= buttons["right"], boxes


@pytest.mark.parametrize("page, other", [
    ("zh/notebooks/03-plan-2020.html", "notebooks/03-plan-2020.html"),
    ("notebooks/03-plan-2020.html", "zh/notebooks/03-plan-2020.html")])
def test_the_language_switch_keeps_the_section_in_view(browser, site, page, other):
    tab = browser.new_page()
    try:
        tab.goto(f"{site}{page}#plan-strength", wait_until="networkidle")
        # A reader's click; playwright's own click would scroll the sticky header first.
        with tab.expect_navigation(wait_until="load"):
            tab.evaluate("document.querySelector('a.gwr-language-switch').click()")
        assert tab.url == f"{site}{other}#plan-strength"
    finally:
        tab.close()


# --- A picture of a chapter, for people reviewing a change ----------------------------------

def test_full_page_screenshot_of_a_chapter(browser, site):
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    tab = browser.new_page()
    try:
        tab.goto(site + "notebooks/01-at-a-glance.html", wait_until="networkidle")
        tab.screenshot(path=str(SCREENSHOT), full_page=True)
    finally:
        tab.close()
    data = SCREENSHOT.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    height = int.from_bytes(data[20:24], "big")  # IHDR: width at 16, height at 20
    assert height > 900, "a full-page screenshot is taller than the viewport"
