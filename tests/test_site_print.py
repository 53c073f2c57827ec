"""Print: chapter 3 printed to PDF in chromium, and its print layout measured.

Step 5 of `make test` (marker `site`). The chapter is printed with page.pdf (A4, the site's
@page rule) to artifacts/site/03-plan-2020.pdf for a person to look at. The same page, with print
media emulated at the width of an A4 page's text (210 mm less the 14 mm margins), is then
measured: no code cell, toggle or button shows; every table keeps all its columns inside the
page; every figure fits; the page starts with its title, the edition's version and its address.
"""

from __future__ import annotations

import pytest

from tests.site_session import artifact, open_page

pytestmark = pytest.mark.site

PAGE = "notebooks/03-plan-2020.html"
MM = 96 / 25.4  # CSS px per millimetre
A4_TEXT_WIDTH = round((210 - 2 * 14) * MM)  # custom.css: @page { size: A4; margin: 16mm 14mm }

READ_PRINT = """() => {
  const shown = (el) => el.getClientRects().length > 0
                        && getComputedStyle(el).visibility !== "hidden";
  const article = document.querySelector("article.bd-article");
  const page = document.documentElement.clientWidth;
  const header = document.querySelector("#jb-print-docs-body");
  return {
    page,
    code: Array.from(document.querySelectorAll(
      ".cell_input, details.hide, .toggle-details, summary, button, .copybtn, .highlight"))
      .filter(shown).map((el) => el.tagName.toLowerCase() + "." + String(el.className)
                         .trim().split(/\\s+/).join(".")).slice(0, 10),
    toggleText: document.body.innerText.includes("Show code cell"),
    tables: Array.from(article.querySelectorAll("table")).map((t) => {
      const box = t.getBoundingClientRect();
      const caption = t.querySelector("caption");
      return {caption: caption ? caption.textContent.trim().slice(0, 30) : "", left: box.left,
              right: box.right, scroll: t.parentElement.scrollWidth - t.parentElement.clientWidth,
              cells: Array.from(t.querySelectorAll("th, td")).filter(
                (c) => c.scrollWidth > c.clientWidth + 1).length};
    }),
    figures: Array.from(article.querySelectorAll("figure img")).map((img) => {
      const box = img.getBoundingClientRect();
      return {src: img.getAttribute("src").split("/").pop().slice(0, 12), right: box.right};
    }),
    header: header && shown(header) ? header.innerText : "",
  };
}"""


def pdf_pages(data: bytes) -> int:
    """Pages of a PDF, counted from its page objects.

    Examples:
        >>> pdf_pages(b"%PDF-1.4 /Type /Pages /Type /Page /Type /Page")
        2
    """
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


@pytest.fixture(scope="module")
def printed(reader_browser, site_url) -> tuple[dict, bytes]:
    """(the print layout measured, the PDF's bytes) of chapter 3."""
    def print_page(worker) -> tuple[dict, bytes]:
        tab = open_page(worker.context("light"), site_url + PAGE)
        try:
            tab.emulate_media(media="print")
            pdf = tab.pdf(format="A4", prefer_css_page_size=True, print_background=False)
            tab.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1100})
            return tab.evaluate(READ_PRINT), pdf
        finally:
            tab.close()

    layout, pdf = reader_browser.run(print_page)
    artifact("03-plan-2020.pdf").write_bytes(pdf)
    return layout, pdf


def test_chapter_prints_to_a_pdf(printed):
    _, pdf = printed
    assert pdf.startswith(b"%PDF-")
    pages = pdf_pages(pdf)
    artifact("03-plan-2020.pdf.pages").write_text(f"{pages}\n")
    assert pages >= 2


def test_print_hides_code_cells_toggles_and_buttons(printed):
    layout, _ = printed
    assert not layout["code"], f"shown in print: {layout['code']}"
    assert not layout["toggleText"], "a 'Show code cell' toggle prints"


def test_print_keeps_every_table_column_on_the_page(printed):
    layout, _ = printed
    assert layout["tables"], "chapter 3 has no table to check"
    outside = [t for t in layout["tables"]
               if t["left"] < -1 or t["right"] > layout["page"] + 1 or t["scroll"] > 1
               or t["cells"]]
    assert not outside, f"page {layout['page']} px wide; tables past it: {outside}"


def test_print_fits_every_figure_on_the_page(printed):
    layout, _ = printed
    assert layout["figures"], "chapter 3 has no figure to check"
    wide = [f for f in layout["figures"] if f["right"] > layout["page"] + 1]
    assert not wide, f"page {layout['page']} px wide; figures past it: {wide}"


def test_a_printed_chapter_starts_with_title_version_and_address(printed):
    layout, _ = printed
    header = layout["header"]
    assert "Part 2: the plan for 2020" in header, header[:200]
    assert "Version " in header, header[:200]
    assert "address" in header or "http" in header, header[:200]
