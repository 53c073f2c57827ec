"""The site's own CJK font in the built site: made from the pages, linked by every page, the same
bytes on every run, and in chromium the font that renders Chinese, within the weight budget.

Step 5 of `make test` (marker `site`), after the strict build. The browser part runs in a child
process (as in test_site_citations.py): test_site_browser.py keeps one playwright (sync API)
open for the whole session, and a second one cannot start in the same process. Each page is
opened in a fresh browser context, so its fonts are counted as on a first visit.

Budgets, for the CJK font bytes that a page's first load downloads (the bodies of the
_static/fonts/*.woff2 responses; the local server does not compress, so they are the bytes
transferred less the headers): a chapter at most 400 KB, the source edition and any Chinese page
at most 600 KB. Issue 13's budget for a whole chapter's first load is 1 MB.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from functools import cache
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from gwr import paths
from gwr.book.sphinxext import webfont
from tests.test_site_browser import CHROMIUM_ARGS, QuietHandler, check_browser

pytestmark = pytest.mark.site

HTML = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build" / "html"
CSS = HTML / "_static" / webfont.CSS_FILE
FONTS = HTML / "_static" / webfont.FONT_DIR
CHAPTER = "notebooks/03-plan-2020.html"
SOURCE = "book/source.html"
KB = 1000
BUDGET = {"chapter": 400 * KB, "source edition or Chinese page": 600 * KB}
FONT_NAME = "Noto Sans CJK SC"  # the name inside the shipped font (its @font-face is FAMILY)


def budget_of(page: str) -> tuple[str, int]:
    if page.startswith("zh/") or page.endswith("/source.html"):
        return "source edition or Chinese page", BUDGET["source edition or Chinese page"]
    return "chapter", BUDGET["chapter"]


@cache
def font_faces() -> list[tuple[str, set[int]]]:
    """(font file, code points of its unicode-range) for each @font-face of the stylesheet."""
    faces = []
    for block in re.findall(r"@font-face\s*{(.*?)}", CSS.read_text(encoding="utf-8"), re.DOTALL):
        url = re.search(r'url\("([^"]+)"\)', block).group(1)
        ranges = re.search(r"unicode-range:\s*([^;]+);", block).group(1)
        cps = set()
        for part in ranges.split(","):
            lo, _, hi = part.strip().removeprefix("U+").partition("-")
            cps |= set(range(int(lo, 16), int(hi or lo, 16) + 1))
        faces.append((url, cps))
    return faces


def is_redirect_stub(path: Path) -> bool:
    return bool(re.search(r'http-equiv="Refresh"', path.read_text(encoding="utf-8"), re.I))


# --- The files ---------------------------------------------------------------------------------

def test_the_stylesheet_the_fonts_and_the_licence_are_built():
    if not (HTML / "index.html").is_file():
        pytest.fail(f"No built site in {HTML}: run `make book`.")
    assert CSS.is_file(), f"{CSS} is missing: is gwr.book.sphinxext.webfont registered?"
    faces = font_faces()
    assert faces, "the stylesheet has no @font-face"
    text = CSS.read_text(encoding="utf-8")
    assert text.count("font-display: swap;") == len(faces)
    assert text.count(f'font-family: "{webfont.FAMILY}";') == len(faces)
    for url, _ in faces:
        font = CSS.parent / url
        assert font.is_file(), url
        assert font.read_bytes()[:4] == b"wOF2", f"{url} is not WOFF2"
    licence = (FONTS / webfont.LICENCE_FILE).read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Version 1.1" in licence
    shipped = {p.name for p in FONTS.glob("*.woff2")}
    assert shipped == {Path(url).name for url, _ in faces}, "stale or unlisted font files"


def test_the_slices_cover_every_cjk_character_of_the_site_once():
    usage = webfont.collect_usage(webfont.read_pages(HTML))
    font = webfont.font_path()
    available = webfont.font_code_points(font, webfont.sc_face_number(font))
    wanted = {cp for cp in usage if cp in available}
    claimed = [cp for _, cps in font_faces() for cp in cps]
    assert len(claimed) == len(set(claimed)), "a code point is in two slices"
    assert set(claimed) == wanted, (
        f"missing {sorted(map(chr, wanted - set(claimed)))[:20]}, "
        f"extra {sorted(map(chr, set(claimed) - wanted))[:20]}")
    assert all(len(cps) <= webfont.SLICE_SIZE for _, cps in font_faces())


def test_the_theme_font_stacks_put_the_subset_after_the_latin_fonts():
    text = CSS.read_text(encoding="utf-8")
    stacks = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", text.split("html:root", 1)[1]))
    assert "--pst-font-family-base-system" in stacks, stacks
    for name, value in stacks.items():
        families = webfont.split_families(value)
        at = families.index(f'"{webfont.FAMILY}"')
        assert at > 0, f"{name}: the subset must come after the theme's Latin fonts"
        assert families[at + 1] in webfont.GENERIC_FAMILIES, (
            f"{name}: the subset must come before the generic family, or a system CJK font "
            "would win")


def test_every_page_links_the_stylesheet():
    problems = []
    pages = webfont.site_pages(HTML)
    assert any(p.name == "source.html" for p in pages)
    for page in pages:
        if is_redirect_stub(page):
            continue
        text = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'<link[^>]*rel="stylesheet"[^>]*href="([^"?]*cjk-font\.css)[^"]*"',
                           text)
        url = page.relative_to(HTML).as_posix()
        if not hrefs:
            problems.append(f"{url}: no link to {webfont.CSS_FILE}")
        elif not (HTML / urlsplit(urljoin(url, hrefs[0])).path).resolve().is_file():
            problems.append(f"{url}: {hrefs[0]} does not resolve to a file")
    assert not problems, "\n".join(problems)


def test_two_runs_give_identical_bytes(tmp_path):
    """A fresh run on a copy of the built pages writes the very bytes of the build; a second run
    finds its plan unchanged and writes nothing; a forced rewrite gives the same bytes again."""
    copy = tmp_path / "html"
    for page in webfont.site_pages(HTML):
        target = copy / page.relative_to(HTML)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    for sheet in (HTML / "_static").rglob("*.css"):
        if sheet.name != webfont.CSS_FILE:
            target = copy / sheet.relative_to(HTML)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sheet, target)

    def outputs(root: Path) -> dict[str, bytes]:
        static = root / "_static"
        files = [static / webfont.CSS_FILE, *sorted((static / webfont.FONT_DIR).iterdir())]
        return {f.relative_to(root).as_posix(): f.read_bytes() for f in files}

    assert webfont.write_webfont(copy) is True
    first = outputs(copy)
    assert first == outputs(HTML), "a fresh run differs from the build's own output"
    assert webfont.write_webfont(copy) is False, "an unchanged plan was regenerated"
    (copy / "_static" / webfont.CSS_FILE).unlink()
    assert webfont.write_webfont(copy) is True
    assert outputs(copy) == first


# --- In chromium ---------------------------------------------------------------------------------

# For each page, in a fresh context: every woff2 response and its size, and the platform fonts
# (CSS.getPlatformFontsForNode) that render a Chinese node and an English paragraph.
_PROBE_SCRIPT = r"""
import json, sys
from playwright.sync_api import sync_playwright

chromium, args, base, pages = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], json.loads(
    sys.argv[4])
MARK = '''(selectors) => {
  const longest = (sel) => Array.from(document.querySelectorAll(sel))
      .filter((el) => el.offsetParent !== null)
      .sort((a, b) => b.textContent.length - a.textContent.length)[0];
  const zh = longest(selectors.zh);
  const en = Array.from(document.querySelectorAll(selectors.en))
      .find((p) => p.offsetParent !== null && p.textContent.length > 200
                   && !/[\u3000-\u9fff\uff00-\uffef]/.test(p.textContent)
                   && p.children.length === 0);
  if (zh) zh.setAttribute("data-font-probe", "zh");
  if (en) en.setAttribute("data-font-probe", "en");
  return {zh: zh ? zh.textContent : null, en: en ? en.textContent : null};
}'''
out = {}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium, headless=True, args=args)
    for page_url, selectors in pages:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(20000)
        page = context.new_page()
        responses = []
        page.on("response", lambda r: responses.append(r))
        page.goto(base + page_url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        texts = page.evaluate(MARK, selectors)
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        fonts = [{"url": r.url, "status": r.status, "bytes": len(r.body())}
                 for r in responses if r.url.split("?")[0].endswith(".woff2")]
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
        platform = {}
        for key in ("zh", "en"):
            node = cdp.send("DOM.querySelector",
                            {"nodeId": root, "selector": f'[data-font-probe="{key}"]'})["nodeId"]
            platform[key] = (cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
                             if node else None)
        out[page_url] = {"fonts": fonts, "texts": texts, "platform": platform}
        context.close()
    browser.close()
print(json.dumps(out))
"""

# Where each page's Chinese is: the source edition's Chinese paragraphs, a chapter's quotations.
PROBES = {
    SOURCE: {"zh": '.source-para p.zh > span[lang="zh"]', "en": ".source-para p.en"},
    CHAPTER: {"zh": 'article span[lang="zh"]', "en": "article p"},
}


def probe_pages() -> dict[str, dict]:
    """The English chapter and the source edition, and their Chinese counterparts if built
    (where every paragraph is Chinese: the longest one is probed)."""
    pages = {}
    for page, selectors in PROBES.items():
        pages[page] = selectors
        if (HTML / "zh" / page).is_file():
            pages["zh/" + page] = {"zh": "article p", "en": "article p"}
    return pages


@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> dict:
    chromium = check_browser()
    if not (HTML / "index.html").is_file():
        pytest.fail(f"No built site in {HTML}: run `make book`.")
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        pages = [[page, selectors] for page, selectors in probe_pages().items()]
        result = subprocess.run(
            [sys.executable, "-c", _PROBE_SCRIPT, str(chromium), json.dumps(CHROMIUM_ARGS),
             base, json.dumps(pages)],
            capture_output=True, text=True, timeout=300, check=False)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def system_cjk_fonts() -> str:
    """What fontconfig offers for Chinese on this machine (nothing on CI)."""
    if not shutil.which("fc-list"):
        return "(fc-list not found)"
    return subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                          check=False).stdout.strip() or "(none)"


def cjk_count(text: str) -> int:
    return sum(1 for ch in text if webfont.cjk_code_points(ch))


@pytest.mark.parametrize("page", list(probe_pages()))
def test_chinese_renders_in_the_shipped_font_and_latin_in_the_theme_font(probed, page):
    seen = probed[page]
    text, fonts = seen["texts"]["zh"], seen["platform"]["zh"]
    assert text and fonts, f"{page}: no Chinese node found to probe"
    shipped = [f for f in fonts if f["isCustomFont"] and f["familyName"] == FONT_NAME]
    others = sum(f["glyphCount"] for f in fonts if f not in shipped)
    context = (f"{page}: {text[:40]!r} rendered with {fonts}; system CJK fonts: "
               f"{system_cjk_fonts()}")
    assert shipped, context
    assert shipped[0]["glyphCount"] >= cjk_count(text), context
    # Whatever another font drew is no more than the text's non-CJK characters (digits, “ ”).
    assert others <= len(text) - cjk_count(text), context
    assert all("/_static/fonts/" in f["url"] for f in seen["fonts"]
               if "noto-sans-sc" in f["url"]), seen["fonts"]
    english = seen["platform"]["en"]
    if page.startswith("zh/") and not english:
        return  # a Chinese page may have no paragraph without Chinese in it
    assert english, f"{page}: no English paragraph found to probe"
    assert not any(f["isCustomFont"] and f["familyName"] == FONT_NAME for f in english), (
        f"{page}: English text rendered with the CJK subset: {english}")


def test_font_bytes_per_page_are_within_budget(probed):
    lines, over = [], []
    for page, seen in sorted(probed.items()):
        cjk = [f for f in seen["fonts"] if f"/_static/{webfont.FONT_DIR}/" in f["url"]]
        failed = [f["url"] for f in seen["fonts"] if f["status"] != 200]
        assert not failed, failed
        cjk_bytes = sum(f["bytes"] for f in cjk)
        all_bytes = sum(f["bytes"] for f in seen["fonts"])
        kind, budget = budget_of(page)
        lines.append(f"{page}: CJK font {cjk_bytes / KB:.0f} KB in {len(cjk)} of "
                     f"{len(font_faces())} slices; all woff2 {all_bytes / KB:.0f} KB "
                     f"(budget for a {kind}: {budget / KB:.0f} KB)")
        if cjk_bytes > budget:
            over.append(lines[-1])
        assert cjk, f"{page} loaded no slice of the CJK font"
    total = sum((CSS.parent / url).stat().st_size for url, _ in font_faces())
    report = "\n".join([f"font bytes per first load (all slices: {total / KB:.0f} KB):", *lines])
    print("\n" + report)
    assert not over, report
