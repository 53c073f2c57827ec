"""One browser and one visit per page and colour mode, shared by the reader-facing site tests.

tests/test_site_a11y.py (axe-core, contrast, focus, phones), tests/test_site_weight.py (bytes
per page) and tests/test_site_print.py (print to PDF) use these fixtures; tests/conftest.py
imports them so that the three modules share one chromium and load each page once per mode.

The browser lives in a thread of its own (BrowserWorker): playwright's sync API allows one
instance per thread, and tests/test_site_browser.py keeps its own open in the main thread for
the whole session. Tests hand the worker a function that reads what they need from a page and
returns plain data, which they then judge.

A *visit* loads a page in a fresh tab of a light or a dark context (the system colour scheme,
which the site follows: default_mode auto), with the browser cache off, so the bytes it counts
are a first load: the HTML, every stylesheet, script, font and image the page fetches, lazy
images included. It then runs axe-core (from the axe-playwright-python package, which bundles
it; nothing is fetched) and keeps the result: every rule of AXE_TAGS in light mode, and in
dark mode the rules that colour decides (COLOUR_RULES), since nothing else differs between the
modes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from gwr import paths

ARTIFACTS = paths.ROOT / "artifacts"
# Every rule of WCAG 2.0/2.1/2.2 A and AA, axe's best practices, and its experimental rules
# (label-content-name-mismatch, WCAG 2.5.3, is one of them).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice",
            "experimental"]
# The rules whose findings depend on colour: the only ones that can differ between the light and
# the dark mode of a page, whose markup, ARIA and layout are the same in both.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
IN_FLIGHT = 2  # pages whose axe run goes on at once, each in its own renderer: one per core
# Pages opened at an anchor: the source edition at a paragraph, so that the highlight of a ¶
# link's target is checked too.
ANCHORS = {"book/source.html": "#para-20"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WORKER_TIMEOUT_S = 600

# After load: lazy images are made eager and awaited, so a visit counts every figure.
LOAD_ALL_IMAGES = """async () => {
  const images = Array.from(document.images);
  images.forEach((img) => { img.loading = "eager"; });
  const settled = (img) => img.complete ? Promise.resolve() : new Promise((done) => {
    img.addEventListener("load", done); img.addEventListener("error", done); });
  await Promise.race([Promise.all(images.map(settled)),
                      new Promise((done) => setTimeout(done, 5000))]);
  await document.fonts.ready;
}"""
START_AXE = """(options) => { window.__gwrAxe = axe.run(document, options); }"""
AXE_RESULT = """() => window.__gwrAxe.then((result) => result.violations)"""
THEME = "() => document.documentElement.dataset.theme"


@dataclass
class Visit:
    """What one page showed in one colour mode."""

    page: str
    mode: str
    theme: str = ""
    responses: list[tuple[str, int]] = field(default_factory=list)  # (url, body bytes)
    violations: list[dict] = field(default_factory=list)
    probes: dict = field(default_factory=dict)

    @property
    def bytes(self) -> int:
        return sum(size for _, size in self.responses)


class BrowserWorker:
    """A headless chromium in a thread of its own; ``run(fn)`` calls ``fn(worker)`` there."""

    def __init__(self, chromium: Path, args: list[str], timeout_ms: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._chromium, self._args, self._timeout_ms = chromium, args, timeout_ms
        self._playwright = self._browser = None
        self._contexts: dict[tuple[str, bool], Any] = {}

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._pool.submit(self._call, fn, *args).result(timeout=WORKER_TIMEOUT_S)

    def _call(self, fn: Callable[..., Any], *args: Any) -> Any:
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(self._chromium), headless=True, args=self._args)
        return fn(self, *args)

    def context(self, mode: str = "light", phone: bool = False):
        """The shared context of a colour scheme and a screen (only inside ``run``)."""
        if (mode, phone) not in self._contexts:
            made = self._browser.new_context(viewport=PHONE if phone else DESKTOP,
                                             color_scheme=mode, device_scale_factor=1)
            made.set_default_timeout(self._timeout_ms)
            self._contexts[mode, phone] = made
        return self._contexts[mode, phone]

    def close(self) -> None:
        def stop(_worker: BrowserWorker) -> None:
            if self._browser is not None:
                self._browser.close()
                self._playwright.stop()

        try:
            self._pool.submit(stop, self).result(timeout=60)
        finally:
            self._pool.shutdown(wait=True)


def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


@pytest.fixture(scope="session")
def site_url() -> str:
    """Base URL of _build/html on 127.0.0.1 at a free port."""
    from tests.test_site_browser import HTML, QuietHandler

    if not (HTML / "index.html").is_file():
        pytest.fail(f"No built site in {HTML}: run `make book` (make test builds it in step 4).")
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def reader_browser() -> BrowserWorker:
    """The session's chromium (skips, or fails under CI, where it is missing)."""
    from tests.test_site_browser import CHROMIUM_ARGS, TIMEOUT_MS, check_browser

    worker = BrowserWorker(check_browser(), CHROMIUM_ARGS, TIMEOUT_MS)
    yield worker
    worker.close()


def open_page(context, url: str, *, count: list | None = None):
    """A new tab at ``url``, loaded with the cache off, every image and font; with ``count``,
    the bytes of every response go there, and the tab waits for the network to fall idle."""
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if count is not None:
        def finished(request):
            try:
                size = request.sizes()["responseBodySize"]
            except Exception:  # a request that ended without a body
                size = 0
            count.append((request.url, size))
        tab.on("requestfinished", finished)
    tab.goto(url, wait_until="load")
    tab.evaluate(LOAD_ALL_IMAGES)
    if count is not None:
        tab.wait_for_load_state("networkidle")  # every byte counted, the favicon's too
    return tab


def read_page(worker: BrowserWorker, url: str, reads: dict[str, str], *, mode: str = "light",
              phone: bool = False) -> dict[str, Any]:
    """Open ``url`` and return {name: result of evaluating the JavaScript ``reads[name]``}."""
    def read(worker: BrowserWorker) -> dict[str, Any]:
        tab = open_page(worker.context(mode, phone), url)
        try:
            return {name: tab.evaluate(script) for name, script in reads.items()}
        finally:
            tab.close()

    return worker.run(read)


def axe_options(mode: str) -> dict:
    """Every rule of AXE_TAGS in light mode; in dark mode, the rules that colour decides."""
    if mode == "light":
        return {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return {"runOnly": {"type": "rule", "values": COLOUR_RULES}, "resultTypes": ["violations"]}


# Read in the source edition: the colours of the ¶ target and of its text, and of the ¶ numbers
# of the other paragraphs on the page's background.
READ_SOURCE = """() => {
  const backdrop = (el) => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && !/rgba\\(.*,\\s*0\\)$/.test(bg) && bg !== "transparent") { return bg; }
    }
    return "rgb(255, 255, 255)";
  };
  const target = document.querySelector(".source-para:target");
  const number = document.querySelector(".source-para:not(:target) .para-number a");
  const texts = [];
  if (target) {
    const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim()) { continue; }
      const style = getComputedStyle(node.parentElement);
      if (style.visibility === "hidden" || node.parentElement.getClientRects().length === 0) {
        continue;
      }
      texts.push({text: node.textContent.trim().slice(0, 30), color: style.color});
    }
  }
  return {
    target: target && {id: target.id, background: getComputedStyle(target).backgroundColor,
                       page: backdrop(target.parentElement), texts},
    numbers: number && {color: getComputedStyle(number).color, page: backdrop(number)},
  };
}"""


def visit_all(worker: BrowserWorker, site_url: str, pages: list[str]) -> dict:
    """{(page, mode): Visit} of every page in light and dark mode (runs in the worker).

    Pages load one after another, but up to IN_FLIGHT axe runs go on at once, each in its own
    tab (and so its own renderer process).
    """
    visits: dict[tuple[str, str], Visit] = {}
    running: list = []

    def collect() -> None:
        tab, record = running.pop(0)
        try:
            record.violations = tab.evaluate(AXE_RESULT)
        finally:
            tab.close()

    for mode in ("light", "dark"):
        for page in pages:
            record = visits[page, mode] = Visit(page, mode)
            url = site_url + quote(page) + ANCHORS.get(page, "")
            counted = record.responses if mode == "light" else None  # weight: light only
            tab = open_page(worker.context(mode), url, count=counted)
            record.theme = tab.evaluate(THEME)
            if page == "book/source.html":
                record.probes.update(tab.evaluate(READ_SOURCE))
            tab.evaluate(axe_script())
            tab.evaluate(START_AXE, axe_options(mode))
            running.append((tab, record))
            if len(running) >= IN_FLIGHT:
                collect()
    while running:
        collect()
    return visits


@pytest.fixture(scope="session")
def reader_visits(reader_browser, site_url) -> dict[tuple[str, str], Visit]:
    """{(page, mode): Visit} for every page a reader can land on, in light and dark mode."""
    return reader_browser.run(visit_all, site_url, reader_pages())


@pytest.fixture(scope="session")
def reader_visit(reader_visits):
    """reader_visit(page, mode) -> Visit (see reader_visits)."""
    return lambda page, mode: reader_visits[page, mode]


def reader_pages() -> list[str]:
    """Every page a reader can land on: the site's pages less each edition's index.html, a
    redirect stub."""
    from tests.test_site_browser import site_pages

    return [page for page in site_pages() if page not in REDIRECT_STUBS]


# Jupyter Book's redirect stub at the root of each edition.
REDIRECT_STUBS = {"index.html", "zh/index.html"}


def artifact(name: str) -> Path:
    """A path under artifacts/site/ for a file a reviewer may want to look at."""
    path = ARTIFACTS / "site" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as 0–255 channels.

    Examples:
        >>> relative_luminance((255, 255, 255)), relative_luminance((0, 0, 0))
        (1.0, 0.0)
    """
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two colours.

    Examples:
        >>> round(contrast((255, 255, 255), (0, 0, 0)), 1)
        21.0
        >>> round(contrast((0x59, 0x59, 0x59), (0x12, 0x12, 0x12)), 2)  # issue 13's ¶ numbers
        2.67
    """
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def parse_rgb(css: str) -> tuple[tuple[float, float, float], float]:
    """An rgb()/rgba() colour as computed by the browser: ((r, g, b), alpha).

    Examples:
        >>> parse_rgb("rgb(18, 18, 18)"), parse_rgb("rgba(0, 0, 0, 0)")
        (((18.0, 18.0, 18.0), 1.0), ((0.0, 0.0, 0.0), 0.0))
    """
    inner = css[css.index("(") + 1:css.rindex(")")].replace("/", ",")
    values = [float(v) for v in inner.replace(",", " ").split()]
    return (values[0], values[1], values[2]), (values[3] if len(values) > 3 else 1.0)
