"""Readable anywhere: axe-core on every page in both modes, contrast, focus, charts on a phone.

Step 5 of `make test` (marker `site`), in chromium through playwright, sharing one browser and
one visit per page and mode with tests/test_site_weight.py (tests/site_session.py).

- axe-core (bundled by the pinned axe-playwright-python package; nothing is fetched) runs the
  rules of WCAG 2.0–2.2 A and AA, the best practices and the experimental rules on every page
  in light mode, and again in dark mode those whose outcome colour decides (contrast; the
  markup, ARIA and layout are the same in both modes). No serious or critical violation may
  remain except those in EXCEPTIONS, each with its reason. The report of every violation,
  whatever its impact, is written to artifacts/site/axe-<mode>.json.
- The site follows the reader's system setting: a dark system gets the dark theme.
- The paragraph a ¶ link opens in the source edition, and the ¶ numbers, are AA in both modes,
  computed here from the colours the browser rendered.
- Every control shows a focus ring when the keyboard reaches it.
- At 390 CSS px (a phone), no chart text renders smaller than about 9 CSS px; every figure
  links to its own SVG; a box that scrolls sideways says so; the page itself never does.
  Screenshots of chapter 3 at 390 px in light and dark mode go to artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.site_session import (
    ARTIFACTS,
    AXE_TAGS,
    COLOUR_RULES,
    THEME,
    artifact,
    contrast,
    open_page,
    parse_rgb,
    reader_pages,
)
from tests.test_site_browser import HTML

pytestmark = pytest.mark.site

SERIOUS = {"serious", "critical"}
# axe rules whose serious or critical findings are accepted, with the reason. Empty: none is.
EXCEPTIONS: dict[str, str] = {}
AA = 4.5
LEGIBLE_PX = 9.0
TOLERANCE_PX = 0.05  # sub-pixel rounding of the rendered width
PHONE_CHAPTERS = ["notebooks/03-plan-2020.html", "notebooks/06-language.html",
                  "notebooks/07-places.html"]


# --- axe-core ------------------------------------------------------------------------------------

def serious_violations(violations: list[dict], exceptions: dict[str, str]) -> list[str]:
    """One line per serious or critical violation whose rule is not an accepted exception."""
    lines = []
    for violation in violations:
        if violation["impact"] in SERIOUS and violation["id"] not in exceptions:
            where = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            lines.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} "
                         f"nodes): {violation['help']}; e.g. {where}")
    return lines


def test_serious_violations_are_told_apart_from_the_rest():
    found = [{"id": "color-contrast", "impact": "serious", "help": "h",
              "nodes": [{"target": ["#a"]}]},
             {"id": "region", "impact": "moderate", "help": "h", "nodes": [{"target": ["#b"]}]}]
    assert serious_violations(found, {}) == ["color-contrast (serious, 1 nodes): h; e.g. #a"]
    assert serious_violations(found, {"color-contrast": "a reason"}) == []


def test_every_exception_has_a_reason():
    assert all(reason.strip() for reason in EXCEPTIONS.values())


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_any_page(reader_visit, mode):
    problems, report = [], {}
    for page in reader_pages():
        visit = reader_visit(page, mode)
        report[page] = [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
                         "help": v["help"]} for v in visit.violations]
        problems += [f"{page}: {line}" for line in serious_violations(visit.violations,
                                                                       EXCEPTIONS)]
    rules = AXE_TAGS if mode == "light" else COLOUR_RULES
    artifact(f"axe-{mode}.json").write_text(json.dumps(
        {"rules": rules, "exceptions": EXCEPTIONS, "pages": report}, indent=1) + "\n")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_site_follows_the_system_colour_setting(reader_visit, mode):
    wrong = {page: reader_visit(page, mode).theme for page in reader_pages()
             if reader_visit(page, mode).theme != mode}
    assert not wrong, f"a {mode} system got another theme: {wrong}"


# --- The ¶ target and the ¶ numbers ------------------------------------------------------------

@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_paragraph_a_link_opens_is_highlighted_and_aa(reader_visit, mode):
    probe = reader_visit("book/source.html", mode).probes["target"]
    assert probe, "book/source.html#para-20 has no .source-para:target"
    assert probe["id"] == "para-20"
    background, alpha = parse_rgb(probe["background"])
    page, _ = parse_rgb(probe["page"])
    assert alpha == 1, f"the highlight is not opaque: {probe['background']}"
    assert contrast(background, page) > 1.05, "the target is not highlighted"
    ratios = [(text["text"], text["color"],
               round(contrast(parse_rgb(text["color"])[0], background), 2))
              for text in probe["texts"]]
    low = [ratio for ratio in ratios if ratio[2] < AA]
    assert probe["texts"] and not low, f"text below {AA}:1 on the {mode} highlight: {low}"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_paragraph_numbers_are_aa_on_the_page(reader_visit, mode):
    numbers = reader_visit("book/source.html", mode).probes["numbers"]
    page, _ = parse_rgb(numbers["page"])
    ratio = contrast(parse_rgb(numbers["color"])[0], page)
    assert ratio >= AA, f"¶ numbers are {ratio:.2f}:1 in {mode} mode ({numbers['color']})"


# --- Keyboard -------------------------------------------------------------------------------

READ_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const style = getComputedStyle(el);
  const label = (el.getAttribute("aria-label") || el.title || el.textContent || "").trim();
  return {what: el.tagName.toLowerCase() + (el.className ? "." + String(el.className)
            .trim().split(/\\s+/).join(".") : "") + " " + JSON.stringify(label.slice(0, 40)),
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
          shadow: style.boxShadow, visible: el.getClientRects().length > 0};
}"""


def has_focus_ring(focus: dict) -> bool:
    """An outline at least 2 px wide, or a box-shadow ring."""
    outlined = focus["outline"] not in ("none", "") and focus["width"] >= 2
    return outlined or focus["shadow"] not in ("none", "")


def test_focus_ring_rule_tells_a_ring_from_none():
    assert has_focus_ring({"outline": "solid", "width": 3, "shadow": "none"})
    assert not has_focus_ring({"outline": "none", "width": 0, "shadow": "none"})
    assert not has_focus_ring({"outline": "solid", "width": 1, "shadow": "none"})


def tab_through(tab, presses: int) -> list[dict]:
    """Press Tab ``presses`` times from the top of the page; what each focused element shows."""
    tab.evaluate("() => { window.scrollTo(0, 0); document.activeElement.blur(); }")
    seen = []
    for _ in range(presses):
        tab.keyboard.press("Tab")
        focus = tab.evaluate(READ_FOCUS)
        if focus is not None and focus["visible"]:
            seen.append(focus)
    return seen


def test_every_control_shows_a_focus_ring(phone_reads):
    seen = phone_reads["notebooks/03-plan-2020.html"]["focus"]
    names = [focus["what"] for focus in seen]
    header = [name for name in names if "sidebar-toggle" in name or "dropdown-toggle" in name]
    assert len(header) >= 2, f"the header's buttons were not reached: {names[:10]}"
    missing = sorted({focus["what"] for focus in seen if not has_focus_ring(focus)})
    assert not missing, f"no visible focus ring: {missing}"


# --- Charts and tables on a phone ---------------------------------------------------------------

_SVG_WIDTH = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"', re.S)
_SVG_VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', re.S)
_GLYPHS = re.compile(r"scale\(([\d.]+) -\1\)")


def smallest_text_units(svg: str) -> tuple[float, float]:
    """(viewBox width, smallest font size) of a matplotlib SVG, in its user units (points).

    matplotlib draws each text run as glyph paths scaled by font size / 100.
    """
    width = float((_SVG_VIEWBOX.search(svg) or _SVG_WIDTH.search(svg)).group(1))
    return width, 100 * min(float(s) for s in _GLYPHS.findall(svg))


def test_smallest_text_is_read_from_the_svg():
    svg = ('<svg width="600pt" height="1pt" viewBox="0 0 600 1"><g transform="scale(0.07 -0.07)">'
           '<g transform="translate(2 3) scale(0.1 -0.1)"></svg>')
    assert smallest_text_units(svg) == pytest.approx((600.0, 7.0))


READ_FIGURES = """() => Array.from(document.querySelectorAll("article figure img")).map((img) => {
  const style = getComputedStyle(img);
  const box = img.getBoundingClientRect();
  const link = img.closest("a");
  const scroller = img.closest(".figure-scroll");
  const hint = scroller && scroller.previousElementSibling;
  return {src: img.getAttribute("src"), alt: img.getAttribute("alt"),
          width: box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
                 - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth),
          href: link ? link.getAttribute("href") : null,
          overflows: scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : false,
          hint: !!(hint && hint.classList.contains("scroll-hint") && hint.offsetHeight > 0)};
})"""

READ_PAGE_WIDTH = """() => ({page: document.documentElement.scrollWidth,
                             viewport: window.innerWidth})"""

READ_TABLES = """() => Array.from(document.querySelectorAll(
    "article .pst-scrollable-table-container")).map((box) => {
  const caption = box.querySelector("caption");
  const hint = box.previousElementSibling;
  const edge = box.getBoundingClientRect();
  const text = caption ? caption.getBoundingClientRect() : null;
  return {caption: caption ? caption.textContent.trim().slice(0, 40) : "",
          align: caption ? getComputedStyle(caption).textAlign : "",
          inside: text ? text.left >= edge.left - 1 && text.right <= edge.right + 1 : true,
          overflows: box.scrollWidth > box.clientWidth + 1,
          hint: !!(hint && hint.classList.contains("scroll-hint") && hint.offsetHeight > 0)};
})"""


@pytest.fixture(scope="module")
def phone_reads(reader_browser, site_url) -> dict[str, dict]:
    """What the sample chapters show at 390 CSS px (light mode), each loaded once; chapter 3
    is also tabbed through."""
    def read(worker) -> dict[str, dict]:
        found = {}
        for page in PHONE_CHAPTERS:
            tab = open_page(worker.context("light", phone=True), site_url + page)
            try:
                found[page] = {"figures": tab.evaluate(READ_FIGURES),
                               "width": tab.evaluate(READ_PAGE_WIDTH),
                               "tables": tab.evaluate(READ_TABLES)}
                if page == "notebooks/03-plan-2020.html":
                    found[page]["focus"] = tab_through(tab, 60)
            finally:
                tab.close()
        return found

    return reader_browser.run(read)


def image_file(page_url: str, src: str) -> Path:
    return HTML / unquote(urlsplit(urljoin(page_url, src)).path).lstrip("/")


@pytest.mark.parametrize("page", PHONE_CHAPTERS)
def test_chart_text_stays_legible_on_a_phone(phone_reads, site_url, page):
    url = site_url + page
    figures, width = phone_reads[page]["figures"], phone_reads[page]["width"]
    assert figures, f"{page} shows no figure"
    problems = []
    for figure in figures:
        svg = image_file(url, figure["src"])
        units, smallest = smallest_text_units(svg.read_text(encoding="utf-8"))
        rendered = smallest * figure["width"] / units  # CSS px of the smallest glyph's em
        if rendered < LEGIBLE_PX - TOLERANCE_PX:
            problems.append(f"{svg.name}: smallest text {rendered:.1f} px at "
                            f"{figure['width']:.0f} px wide")
        if not figure["href"] or image_file(url, figure["href"]) != svg:
            problems.append(f"{svg.name}: not linked to its own file (href {figure['href']})")
        if not (figure["alt"] or "").strip():
            problems.append(f"{svg.name}: no alt text")
        if figure["overflows"] and not figure["hint"]:
            problems.append(f"{svg.name}: scrolls sideways without a visible hint")
    assert width["page"] <= width["viewport"], f"{page} scrolls sideways as a whole: {width}"
    assert not problems, "\n".join(problems)


def test_wide_tables_say_they_scroll_and_keep_their_captions_in_view(phone_reads):
    tables = phone_reads["notebooks/03-plan-2020.html"]["tables"]
    assert any(t["overflows"] for t in tables), "no table of chapter 3 is wider than a phone"
    problems = [f"{t['caption']!r}: {what}" for t in tables for what, bad in (
        ("caption not left-aligned", t["align"] not in ("left", "start")),
        ("caption wider than the visible box", not t["inside"]),
        ("scrolls sideways without a visible hint", t["overflows"] and not t["hint"])) if bad]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_screenshot_of_chapter_3_on_a_phone(reader_browser, site_url, mode):
    path = ARTIFACTS / "screenshots" / f"03-plan-2020-390px-{mode}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)

    def shoot(worker) -> str:
        tab = open_page(worker.context(mode, phone=True),
                        site_url + "notebooks/03-plan-2020.html")
        try:
            tab.screenshot(path=str(path), full_page=True)
            return tab.evaluate(THEME)
        finally:
            tab.close()

    assert reader_browser.run(shoot) == mode
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == 390
