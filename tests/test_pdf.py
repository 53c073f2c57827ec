"""The pure parts of the PDF build (gwr.book.pdf): book order, ids, links, contents, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from gwr.book import pdf
from gwr.book.sphinxext import pdf_link


def test_the_order_is_the_tables_of_contents_root_first_then_every_part():
    for edition in pdf.EDITIONS:
        parts = pdf.read_order(edition)
        assert parts[0].caption is None and parts[0].docnames == ("book/intro",)
        assert parts[1].numbered and parts[1].docnames[2] == "notebooks/03-plan-2020"
        assert len(parts[1].docnames) == 8
        assert [d for p in parts[2:] for d in p.docnames][:3] == [
            "book/source", "book/data", "book/glossary"]


def test_an_id_two_pages_share_is_prefixed_on_both_and_a_unique_one_is_kept():
    ids = pdf.id_map({"notebooks/01-a": ["summary", "fig-a"], "notebooks/02-b": ["summary"],
                      "book/source": ["para-20"]})
    assert ids[("notebooks/01-a", "summary")] == "notebooks-01-a--summary"
    assert ids[("notebooks/02-b", "summary")] == "notebooks-02-b--summary"
    assert ids[("notebooks/01-a", "fig-a")] == "fig-a"
    assert ids[("book/source", "para-20")] == "para-20"
    assert len(set(ids.values())) == len(ids)


IDS = pdf.id_map({"notebooks/03-plan": ["summary", "fig-plan"], "notebooks/01-a": ["summary"],
                  "book/source": ["para-20"]})
PAGES = {"notebooks/03-plan", "notebooks/01-a", "book/source"}


@pytest.mark.parametrize(("href", "page", "site", "expected"), [
    ("../book/source.html#para-20", "notebooks/03-plan", None, "#para-20"),
    ("03-plan.html#fig-plan", "notebooks/01-a", None, "#fig-plan"),
    ("#summary", "notebooks/03-plan", None, "#notebooks-03-plan--summary"),
    ("01-a.html#summary", "notebooks/03-plan", None, "#notebooks-01-a--summary"),
    ("../notebooks/01-a.html", "book/source", None, "#pdf-page-notebooks-01-a"),
    ("01-a.html#not-in-article", "notebooks/03-plan", None, "#pdf-page-notebooks-01-a"),
    ("https://www.gov.cn/a.html#x", "book/source", None, "https://www.gov.cn/a.html#x"),
    ("fig-plan.csv", "notebooks/03-plan", None, None),
    ("../_downloads/abc/t.csv", "book/source", "https://x.org/b/", "https://x.org/b/_downloads/abc/t.csv"),
    ("../search.html", "book/source", None, None),
])
def test_links_between_pages_of_the_book_stay_inside_the_document(href, page, site, expected):
    assert pdf.rewrite_href(href, page, pages=PAGES, ids=IDS, site=site) == expected


def test_a_page_is_rewritten_with_its_ids_links_images_and_headings():
    soup = pdf._soup('<article><section id="summary"><h1>T<a class="headerlink">#</a></h1>'
                     '<h2 aria-describedby="summary">S</h2>'
                     '<a href="../book/source.html#para-20">¶20</a>'
                     '<a href="fig.csv" download>csv</a><img src="../_images/a.svg">'
                     '<details class="hide"><div class="cell_input">code</div></details>'
                     "</section></article>")
    article = soup.find("article")
    for selector in pdf.DROPPED:
        for element in article.select(selector):
            element.decompose()
    page = pdf.Page("notebooks/01-a", article, "T", [])
    out = pdf.rewrite_page(page, pages=PAGES, ids=IDS, site=None, resource_prefix="../../html/",
                           shift=1)
    assert 'id="notebooks-01-a--summary"' in out
    assert 'aria-describedby="notebooks-01-a--summary"' in out
    assert 'href="#para-20"' in out and "<span>csv</span>" in out
    assert 'src="../../html/_images/a.svg"' in out
    assert '<h2 class="pdf-page-title">T</h2>' in out and "<h3" in out
    assert "code" not in out and "headerlink" not in out


def test_the_contents_numbers_are_the_destinations_pages_counted_from_one():
    entries = [pdf.TocEntry(1, "Analysis", "pdf-part-1"), pdf.TocEntry(2, "Ch", "c"),
               pdf.TocEntry(3, "Sec", "s")]
    numbers = pdf.toc_page_numbers(entries, {"pdf-part-1": 8, "c": 9, "s": 12, "x": 0})
    assert numbers == {"pdf-part-1": "9", "c": "10", "s": "13"}
    with pytest.raises(pdf.PdfError, match="pdf-part-1"):
        pdf.toc_page_numbers(entries, {"c": 9, "s": 12})


def test_the_first_print_has_a_placeholder_as_wide_as_the_numbers_in_every_slot():
    entries = [pdf.TocEntry(2, "Ch", "c"), pdf.TocEntry(3, "Sec", "s")]
    first = pdf.toc_html(entries, None, "Contents")
    assert first.count(f'<span class="pdf-toc-number">{pdf.PLACEHOLDER}</span>') == 2
    second = pdf.toc_html(entries, {"c": "10", "s": "213"}, "Contents")
    assert '<a href="#s">' in second and ">213</span>" in second
    assert len(pdf.PLACEHOLDER) >= 3  # a book of up to 999 pages


def test_the_dates_come_from_the_release_date():
    epoch = pdf.source_date(dt.date(2026, 11, 29))
    assert dt.datetime.fromtimestamp(epoch, dt.UTC) == dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
    assert pdf.pdf_date(epoch) == "D:20261129000000+00'00'"


def test_the_site_link_points_at_the_published_file_in_each_edition():
    assert pdf.site_pdf_path("en", "0.3.0") == "pdf/taiyuan-2020-edition-0.3.0.pdf"
    assert pdf_link.link_html("x.pdf", "en").endswith('>PDF</a>')
    assert ">PDF 版</a>" in pdf_link.link_html("x.pdf", "zh_CN")


def test_the_chinese_front_matter_gives_gbt_first():
    front = pdf.front_matter("zh", pdf.book_edition("zh"), release=False)
    assert front.index("GB/T 7714") < front.index("APA 7") < front.index("BibTeX")
    english = pdf.front_matter("en", pdf.book_edition("en"), release=False)
    assert english.index("BibTeX") < english.index("APA 7") < english.index("GB/T 7714")
    assert "CC BY 4.0" in english and "MIT" in english and "山西晚报" in english
