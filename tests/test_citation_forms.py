"""The citation forms against references written down by hand from the style guides.

Each expected string below was written from the guide, not copied from the code's output; the
comment above it names the rule. The edition is a fixed fixture (not CITATION.cff), so that a new
version or address does not change the references; tests/test_citation.py covers CITATION.cff.

Sources: APA, Publication Manual, 7th ed. (2020), sections cited as "APA 7 x.y", and the APA Style
reference examples; GB/T 7714-2015 信息与文献 参考文献著录规则, clauses cited as "GB/T 4.2" etc.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pybtex.database import parse_string
from pybtex.richtext import Text

from gwr import paths
from gwr.book.citation import (
    ACCESS_SLOT,
    URLDATE_SLOT,
    Edition,
    Person,
    Work,
    _agent,
    _apa_item,
    _gbt_item,
    _gbt_names,
    _issued,
    _mend_gbt,
    _name,
    _slug,
    _verbatim,
    apa,
    apa_case,
    bibtex,
    bibtex_fields,
    book,
    csl_item,
    data_table,
    figure,
    gbt7714,
    latex_escape,
    page,
    page_url,
    protect_capitals,
    source_article,
)

GROUP = "Taiyuan Work Report Edition contributors"
TITLE = "Taiyuan 2020: an analytical edition of the government work report"
ROOT = "https://taiyuan-edition.github.io/taiyuan-2020-work-report/"
EDITION = Edition(title=TITLE, authors=(GROUP,), version="0.1.1",
                  released=dt.date(2026, 11, 29), url=ROOT, licence="CC-BY-4.0",
                  repository="https://github.com/taiyuan-edition/taiyuan-2020-work-report",
                  publisher=GROUP)
CHAPTER_3 = ("Part 2: the plan for 2020", "notebooks/03-plan-2020")
PAGE = page(EDITION, *CHAPTER_3)
FIGURE = figure(EDITION, "notebooks/03-plan-2020", "fig-tasks-by-section", "3.1",
                "Tasks by section.")
DATA = data_table(EDITION, "indicators", "Indicators", "indicators.csv")
ARTICLE = source_article()


def parse_one(entry: str):
    """Parse one BibTeX entry with pybtex (a real parser); return its (key, entry)."""
    database = parse_string(entry, "bibtex")
    assert len(database.entries) == 1, entry
    return next(iter(database.entries.items()))


def plain(value: str) -> str:
    """A BibTeX field's value as a style prints it (LaTeX decoded, braces gone)."""
    return Text.from_latex(value).render_as("text")


def latex_text(value: str) -> str:
    """What LaTeX typesets for ``value``: its escapes decoded, its grouping braces dropped.

    Written from the LaTeX manual's list of special characters, independently of the code.
    """
    commands = {"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^"}
    value = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum)\{\}",
                   lambda m: "\0" + m.group(1) + "\0", value)
    out, escaped = [], False
    for part in value.split("\0"):
        if part in commands:
            out.append(commands[part])
            continue
        for char in part:
            if escaped:
                assert char in "&%$#_{}", f"unknown escape \\{char}"
                out.append(char)
                escaped = False
            elif char == "\\":
                escaped = True
            elif char not in "{}":
                out.append(char)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# APA 7

APA = {
    # APA 7 10.3 and the reference example "Entry in a reference work with a group author"
    # (American Psychiatric Association. (2013). Anxiety disorders. In Diagnostic and ... (5th
    # ed.).): a part of a work by the same group author; the group's name as written (APA 7
    # 9.11); year only (APA 7 9.14); sentence case, with a capital after a colon (APA 7 6.17);
    # the version in parentheses after the book's title (APA 7 10.2, 10.10); the publisher left
    # out because it is the author (APA 7 9.24); the page's own stable URL, no full stop after
    # it (APA 7 9.35, 9.36).
    "page": (f"{GROUP}. (2026). Part 2: The plan for 2020. In <i>Taiyuan 2020: An analytical "
             f"edition of the government work report</i> (Version 0.1.1). "
             f"{ROOT}notebooks/03-plan-2020.html"),
    # The same form for a figure, titled by its number and caption; the address goes to the
    # figure's anchor. (The APA Style examples have no figure reference of its own; the figure
    # is a part of the book like a page.)
    "figure": (f"{GROUP}. (2026). Figure 3.1: Tasks by section. In <i>Taiyuan 2020: An "
               f"analytical edition of the government work report</i> (Version 0.1.1). "
               f"{ROOT}notebooks/03-plan-2020.html#fig-tasks-by-section"),
    # APA 7 10.9 (data sets): the bracketed description "[Data set]" after the title; as a part
    # of the book, "In" and the book's title, as for a page.
    "data": (f"{GROUP}. (2026). Indicators (indicators.csv) [Data set]. In <i>Taiyuan 2020: An "
             f"analytical edition of the government work report</i> (Version 0.1.1). "
             f"{ROOT}book/data.html#table-indicators"),
    # APA 7 10.1 (newspaper article): Author, A. A. (Year). Title. <i>Newspaper</i>. With a
    # non-Latin title: transliterated, its English translation in square brackets (APA 7 9.38;
    # APA Style blog, 2021, "When and how to transliterate titles in references"); authors'
    # names romanised, surname first with initials (APA 7 9.8); "&" before the last (APA 7 9.8).
    # The publication date is not in the text, so the year alone (APA 7 9.14).
    "article": ("Li, F., Xue, J., &amp; Li, J. (2020). Taiyuan: Jiakuai jianshe renmin manyi de "
                "fuwuxing zhengfu [Taiyuan: Speed up building a service-oriented government "
                "that satisfies the people]. <i>Shanxi Wanbao</i>."),
    # APA 7 10.2 (authored book): the title in italics, the version after it, the URL.
    "book": (f"{GROUP}. (2026). <i>Taiyuan 2020: An analytical edition of the government work "
             f"report</i> (Version 0.1.1). {ROOT}"),
}

GBT = {
    # GB/T 4.2 (专著中的析出文献): 析出文献主要责任者. 析出文献题名[文献类型标识/文献载体标识]//
    # 专著主要责任者. 专著题名. 版本项. 出版地: 出版者, 出版年[引用日期]. 获取和访问路径.
    # The book's author follows // even when it is the part's own (the standard's example:
    # 马克思…[M]//马克思, 恩格斯. 马克思恩格斯全集…). The part takes its book's type, M (GB/T 4.2
    # examples "[M]//", "[C]//"; appendix B), online /OL (B.2); an organisation's name as
    # written (8.1.2: capitals are for personal surnames); the version as the 版本项 (8.2:
    # versions other than the first are given); no place of publication, which an online
    # resource may omit (8.4.1.3); the reader's access date in square brackets (8.8.2).
    "page": (f"{GROUP}. Part 2: the plan for 2020[M/OL]//{GROUP}. {TITLE}. Version 0.1.1. "
             f"{GROUP}, 2026{ACCESS_SLOT}. {ROOT}notebooks/03-plan-2020.html."),
    "figure": (f"{GROUP}. Figure 3.1: Tasks by section[M/OL]//{GROUP}. {TITLE}. Version 0.1.1. "
               f"{GROUP}, 2026{ACCESS_SLOT}. {ROOT}notebooks/03-plan-2020.html"
               "#fig-tasks-by-section."),
    # Appendix B: 数据集 DS, online DS/OL; otherwise as a part of the book.
    "data": (f"{GROUP}. Indicators (indicators.csv)[DS/OL]//{GROUP}. {TITLE}. Version 0.1.1. "
             f"{GROUP}, 2026{ACCESS_SLOT}. {ROOT}book/data.html#table-indicators."),
    # GB/T 4.4 (连续出版物中的析出文献) for a newspaper: 主要责任者. 题名[N]. 报纸名, 出版日期.
    # Chinese names in full, in characters (8.1.1); three authors all given (8.1.2 lists up to
    # three); the date as known, the year.
    "article": "李飞飞, 薛建英, 李晶. 太原：加快建设人民满意的服务型政府[N]. 山西晚报, 2020.",
    # GB/T 4.1 (专著): 主要责任者. 题名[M/OL]. 版本项. 出版者, 出版年[引用日期]. 获取和访问路径.
    "book": (f"{GROUP}. {TITLE}[M/OL]. Version 0.1.1. {GROUP}, 2026{ACCESS_SLOT}. {ROOT}."),
}

WORKS = {"page": PAGE, "figure": FIGURE, "data": DATA, "article": ARTICLE, "book": book(EDITION)}


@pytest.mark.parametrize("kind", sorted(APA))
def test_apa_matches_the_reference_written_from_the_guide(kind):
    assert apa(WORKS[kind], html=True) == APA[kind]


def test_apa_plain_text_is_the_html_without_markup():
    assert apa(PAGE) == APA["page"].replace("<i>", "").replace("</i>", "")
    assert apa(ARTICLE) == (APA["article"].replace("&amp;", "&").replace("<i>", "")
                            .replace("</i>", ""))


@pytest.mark.parametrize("kind", sorted(GBT))
def test_gbt7714_matches_the_reference_written_from_the_standard(kind):
    assert gbt7714(WORKS[kind]) == GBT[kind]


def test_the_introduction_is_cited_as_the_book_not_as_a_chapter_of_itself():
    # The root page's title is the book's: its citation is the book's (no "X. In X").
    intro = page(EDITION, TITLE, "book/intro")
    assert apa(intro, html=True) == APA["book"]
    assert gbt7714(intro) == GBT["book"]
    assert bibtex(EDITION, TITLE, "book/intro") == bibtex(EDITION)


def test_the_old_call_forms_still_work():
    """cite_block and page_metadata call apa/bibtex/gbt7714 with (edition, title, docname)."""
    assert apa(EDITION, *CHAPTER_3, html=True) == APA["page"]
    assert gbt7714(EDITION, *CHAPTER_3) == GBT["page"]
    assert bibtex(EDITION, *CHAPTER_3) == bibtex(PAGE)
    assert apa(EDITION, html=True) == APA["book"] and gbt7714(EDITION) == GBT["book"]


def test_the_group_author_is_not_set_in_capitals():
    for work in WORKS.values():
        assert GROUP.upper() not in gbt7714(work)


def test_apa_case_capitalises_after_a_colon_only():
    assert apa_case("Part 2: the plan for 2020") == "Part 2: The plan for 2020"
    assert apa_case("the article at a glance") == "The article at a glance"
    assert apa_case("Where the report acts") == "Where the report acts"


# ---------------------------------------------------------------------------------------------
# BibTeX, parsed by pybtex


def test_page_bibtex_is_an_incollection_with_publisher_version_url_and_urldate():
    key, entry = parse_one(bibtex(PAGE))
    assert (entry.type, key) == ("incollection", "taiyuan2020edition:03-plan-2020")
    fields = entry.fields
    assert plain(fields["title"]) == "Part 2: the plan for 2020"
    assert plain(fields["booktitle"]) == TITLE
    assert fields["publisher"] == GROUP  # BibTeX's @incollection requires a publisher
    assert fields["year"] == "2026" and fields["date"] == "2026-11-29"
    assert fields["version"] == "0.1.1"
    assert "edition" not in fields  # "version 0.1.1 edition" otherwise
    assert "note" not in fields  # the licence is not part of a reference
    assert fields["url"] == f"{ROOT}notebooks/03-plan-2020.html"
    assert fields["urldate"] == URLDATE_SLOT
    assert "doi" not in fields


def test_book_bibtex_is_a_book():
    key, entry = parse_one(bibtex(EDITION))
    assert (entry.type, key) == ("book", "taiyuan2020edition")
    assert plain(entry.fields["title"]) == TITLE
    assert entry.fields["publisher"] == GROUP and entry.fields["url"] == ROOT


def test_figure_bibtex_points_at_the_figure_and_is_keyed_by_its_label():
    key, entry = parse_one(bibtex(FIGURE))
    assert (entry.type, key) == ("incollection", "taiyuan2020edition:fig-tasks-by-section")
    assert plain(entry.fields["title"]) == "Figure 3.1: Tasks by section"
    assert entry.fields["url"].endswith("03-plan-2020.html#fig-tasks-by-section")


def test_data_bibtex_is_a_misc_data_set_of_the_book():
    key, entry = parse_one(bibtex(DATA))
    assert (entry.type, key) == ("misc", "taiyuan2020edition:data-indicators")
    assert plain(entry.fields["title"]) == "Indicators (indicators.csv)"
    assert plain(entry.fields["howpublished"]) == f"Data set. In: {TITLE}"
    assert entry.fields["version"] == "0.1.1"
    assert entry.fields["url"] == f"{ROOT}book/data.html#table-indicators"


def test_article_bibtex_keeps_the_chinese_title_and_names_the_persons():
    key, entry = parse_one(bibtex(ARTICLE))
    assert (entry.type, key) == ("article", "li2020taiyuan")
    assert [(p.last_names, p.first_names) for p in entry.persons["author"]] == [
        (["Li"], ["Feifei"]), (["Xue"], ["Jianying"]), (["Li"], ["Jing"])]
    assert entry.fields["title"].startswith("太原：加快建设人民满意的服务型政府 [{Taiyuan}: speed")
    assert plain(entry.fields["journal"]) == "山西晚报 (Shanxi Evening News)"
    assert entry.fields["year"] == "2020" and entry.fields["language"] == "chinese"
    assert "李飞飞, 薛建英, 李晶" in entry.fields["note"]


def test_the_group_author_parses_as_one_name():
    _, entry = parse_one(bibtex(PAGE))
    (person,) = entry.persons["author"]
    assert person.last_names == ["{" + GROUP + "}"] and person.first_names == []


@pytest.mark.parametrize("work", WORKS.values(), ids=WORKS.keys())
def test_every_bibtex_entry_parses(work):
    key, entry = parse_one(bibtex(work))
    assert key == work.key and entry.fields["title"]


def test_latex_special_characters_are_escaped_and_survive_a_round_trip():
    caption = r"R&D: 50% of GDP_2020 cost $5 (#1) {x} ~ ^ \ in 太原"
    work = figure(EDITION, "notebooks/03-plan-2020", "fig-odd", "3.9", caption)
    _, entry = parse_one(bibtex(work))
    assert latex_text(entry.fields["title"]) == "Figure 3.9: " + caption
    assert r"{R}\&{D}" in entry.fields["title"] and r"50\%" in entry.fields["title"]


def test_capitals_are_protected_so_no_style_lowercases_them():
    title = entry_title = parse_one(bibtex(PAGE))[1].fields["title"]
    assert title == "{Part} 2: the plan for 2020"
    book_title = parse_one(bibtex(PAGE))[1].fields["booktitle"]
    assert book_title.startswith("{Taiyuan} 2020") and entry_title
    assert protect_capitals(latex_escape("R&D of GB/T")) == r"{R}\&{D} of {GB}/{T}"


# Mutation testing (make mutate, tests/MUTANTS.md): which addresses are stand-ins, and where a
# DOI is read from in CITATION.cff (the Citation File Format 1.2 fields, written down by hand).

@pytest.mark.parametrize(("address", "expected"), [
    ("", True), ("   ", True), (None, True),
    ("ftp://taiyuan-edition.org/book/", True),  # not a web address
    ("http://taiyuan-edition.org/book/", False), ("HTTPS://Taiyuan-Edition.org/", False),
    ("https://", True),  # no host
    ("https://book.example/", True), ("https://example.com/b", True),
    ("https://github.com/", True), ("https://github.com//", True),
    ("https://github.com/your-name/book", True), ("https://github.com/Example/book", True),
    ("https://github.com/owner/book", True), ("https://github.com/user/book", True),
    ("https://github.com/taiyuan-edition/book", False), ("https://github.com/Xuser/b", False),
    ("https://taiyuan-edition.org/user/", False),  # a stand-in owner only matters on a forge
])
def test_placeholder_addresses(address, expected) -> None:
    from gwr.book.citation import is_placeholder
    assert is_placeholder(address) is expected


@pytest.mark.parametrize(("cff", "expected"), [
    ({}, None),
    ({"doi": "10.5555/a"}, "10.5555/a"),
    ({"identifiers": [{"type": "url", "value": "https://x.org"},
                      {"type": "doi", "value": "10.5555/b"}]}, "10.5555/b"),
    ({"identifiers": [{"type": "url", "value": "https://x.org"}]}, None),
    ({"preferred-citation": {"doi": "10.5555/c"}}, "10.5555/c"),
    ({"preferred-citation": {"identifiers": [{"type": "doi", "value": "10.5555/d"}]}},
     "10.5555/d"),
])
def test_the_doi_of_a_citation_file(cff, expected) -> None:
    from gwr.book.citation import _doi
    assert _doi(cff) == expected


# ---------------------------------------------------------------------------------------------
# Each form's content, field by field (issue 14; tests/MUTANTS.md)
#
# Every expected value below is written out by hand: the CSL-JSON variable names from the CSL
# 1.0.2 specification (appendix IV, "Variables"; "date-parts" for dates), the BibTeX field names
# of biblatex's manual (2.2), and the values from the fixture EDITION or from CITATION.cff's
# `references` entry as the file states it. None is computed by gwr.book.citation. The Works are
# made inside the tests, not at import, so that each test exercises the code it checks.

ISSUED_DAY = {"date-parts": [[2026, 11, 29]]}  # EDITION's release, 29 November 2026
ISSUED_YEAR = {"date-parts": [[2026]]}
GROUP_CSL = [{"literal": GROUP}]  # CSL: an institution's name is one literal, never split
BIB_GROUP = "{" + GROUP + "}"  # BibTeX: a group's name braced whole
BIB_TITLE = "{Taiyuan} 2020: an analytical edition of the government work report"
APA_TITLE = "Taiyuan 2020: An analytical edition of the government work report"
PAGE_URL = f"{ROOT}notebooks/03-plan-2020.html"
FIGURE_URL = f"{ROOT}notebooks/03-plan-2020.html#fig-tasks-by-section"
TABLE_URL = f"{ROOT}notebooks/05-spending.html#tbl-spending"
DATA_URL = f"{ROOT}book/data.html#table-indicators"
REPORTERS = [("Li", "Feifei", "李飞飞"), ("Xue", "Jianying", "薛建英"), ("Li", "Jing", "李晶")]
ARTICLE_TITLE = "太原：加快建设人民满意的服务型政府"


def works() -> dict:
    """The fixture's works, made afresh: the book, a page, a figure, a table, a data table."""
    return {"book": book(EDITION), "page": page(EDITION, *CHAPTER_3),
            "figure": figure(EDITION, "notebooks/03-plan-2020", "fig-tasks-by-section", "3.1",
                             "Tasks by section."),
            "table": figure(EDITION, "notebooks/05-spending", "tbl-spending", "5.2",
                            "  Spending in Annex X. ", kind="Table"),
            "data": data_table(EDITION, "indicators", "Indicators", "indicators.csv")}


def test_each_work_is_what_its_constructor_says():
    common = {"authors": (GROUP,), "year": 2026, "version": "0.1.1", "publisher": GROUP,
              "released": dt.date(2026, 11, 29)}
    part = {**common, "book": TITLE}
    expected = {
        "book": Work(kind="book", key="taiyuan2020edition", title=TITLE, url=ROOT, **common),
        "page": Work(kind="page", key="taiyuan2020edition:03-plan-2020",
                     title="Part 2: the plan for 2020", url=PAGE_URL, **part),
        "figure": Work(kind="figure", key="taiyuan2020edition:fig-tasks-by-section",
                       title="Figure 3.1: Tasks by section", url=FIGURE_URL, **part),
        # The caption's final full stop goes, and only it: "Annex X" keeps its X.
        "table": Work(kind="table", key="taiyuan2020edition:tbl-spending",
                      title="Table 5.2: Spending in Annex X", url=TABLE_URL, **part),
        "data": Work(kind="data", key="taiyuan2020edition:data-indicators",
                     title="Indicators (indicators.csv)", url=DATA_URL, **part),
    }
    assert works() == expected


def test_figure_kinds_other_than_figure_and_table_are_refused():
    with pytest.raises(ValueError, match="kind must be 'Figure' or 'Table', not 'Chart'"):
        figure(EDITION, "notebooks/03-plan-2020", "fig-x", "3.1", "X", kind="Chart")
    with pytest.raises(ValueError, match="not 'table'"):  # the kind is written capitalised
        figure(EDITION, "notebooks/03-plan-2020", "fig-x", "3.1", "X", kind="table")


def test_a_data_table_takes_from_the_data_package_only_what_it_is_not_given():
    # data/processed/datapackage.json: the resource "indicators" is titled "Indicators" and
    # stored as "indicators.csv".
    assert data_table(EDITION, "indicators").title == "Indicators (indicators.csv)"
    assert data_table(EDITION, "indicators", "Stated indicators").title == (
        "Stated indicators (indicators.csv)")
    assert data_table(EDITION, "indicators", path="x.csv").title == "Indicators (x.csv)"
    # Given both, the package is not read: a table it does not list can be cited.
    other = data_table(EDITION, "Other table", "Other", "other.csv", docname="book/other",
                       anchor="other")
    assert (other.key, other.title, other.url) == (
        "taiyuan2020edition:data-other-table", "Other (other.csv)", f"{ROOT}book/other.html#other")
    with pytest.raises(KeyError, match=re.escape("no table 'no-such-table' in datapackage.json")):
        data_table(EDITION, "no-such-table")


def test_the_data_package_is_read_as_utf8_whatever_the_locale(monkeypatch):
    # datapackage.json is UTF-8 (it holds Chinese titles). Under a locale whose encoding is
    # ASCII, a file opened without an encoding would be decoded as ASCII and fail; io.text_encoding
    # is what pathlib asks for that default.
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "ascii")
    assert data_table(EDITION, "indicators").title == "Indicators (indicators.csv)"


def test_page_url_keeps_the_address_as_written():
    edition = dataclasses.replace(EDITION, url="https://taiyuan-edition.org/Report-X/")
    assert page_url(edition, "book/intro") == "https://taiyuan-edition.org/Report-X/book/intro.html"
    assert page_url(edition, "book/data", "table-x") == (
        "https://taiyuan-edition.org/Report-X/book/data.html#table-x")
    assert page_url(dataclasses.replace(EDITION, url="https://x.org/b"), "a") == "https://x.org/b/a.html"


@pytest.mark.parametrize(("text", "slug"), [
    ("fig-tasks", "fig-tasks"),
    (" Fig. 3: Tasks, by section! ", "fig-3-tasks-by-section"),  # runs of others: one hyphen
    ("--tbl--spending--", "tbl--spending"),  # hyphens kept inside, stripped at the ends
    ("Xi's report", "xi-s-report"),
    ("太原 data", "data"),
])
def test_slug(text, slug):
    assert _slug(text) == slug


# CSL-JSON (csl_item): what reference managers import.

CSL_PART = {"author": GROUP_CSL, "issued": ISSUED_DAY, "language": "en",
            "container-title": TITLE, "version": "0.1.1", "publisher": GROUP}
CSL = {
    "book": {"id": "taiyuan2020edition", "type": "book", "title": TITLE, "author": GROUP_CSL,
             "issued": ISSUED_DAY, "language": "en", "version": "0.1.1", "publisher": GROUP,
             "URL": ROOT},
    "page": {"id": "taiyuan2020edition:03-plan-2020", "type": "chapter",
             "title": "Part 2: the plan for 2020", "URL": PAGE_URL, **CSL_PART},
    "figure": {"id": "taiyuan2020edition:fig-tasks-by-section", "type": "figure",
               "title": "Figure 3.1: Tasks by section", "URL": FIGURE_URL, **CSL_PART},
    # CSL has no type "table": a table is a figure whose genre says so.
    "table": {"id": "taiyuan2020edition:tbl-spending", "type": "figure", "genre": "Table",
              "title": "Table 5.2: Spending in Annex X", "URL": TABLE_URL, **CSL_PART},
    "data": {"id": "taiyuan2020edition:data-indicators", "type": "dataset",
             "title": "Indicators (indicators.csv)", "URL": DATA_URL, **CSL_PART},
}


@pytest.mark.parametrize("kind", sorted(CSL))
def test_csl_item_field_by_field(kind):
    assert csl_item(works()[kind]) == CSL[kind]


def test_csl_item_of_the_article():
    # CITATION.cff's reference: the reporters as persons, the year alone (no date is known).
    assert csl_item(source_article()) == {
        "id": "li2020taiyuan", "type": "article-newspaper", "title": ARTICLE_TITLE,
        "author": [{"family": f, "given": g} for f, g, _ in REPORTERS],
        "issued": {"date-parts": [[2020]]}, "language": "zh", "container-title": "山西晚报"}


def test_csl_item_old_call_forms_and_doi():
    assert csl_item(EDITION) == CSL["book"]
    assert csl_item(EDITION, *CHAPTER_3) == CSL["page"]
    with_doi = dataclasses.replace(EDITION, doi="10.5555/x")
    assert csl_item(with_doi, *CHAPTER_3) == {**CSL["page"], "DOI": "10.5555/x"}


def test_issued_is_the_day_only_when_asked_and_known():
    book_ = book(EDITION)
    assert _issued(book_, full=True) == ISSUED_DAY
    assert _issued(book_, full=False) == ISSUED_YEAR
    assert _issued(dataclasses.replace(book_, released=None), full=True) == ISSUED_YEAR


# The items given to citeproc-py for APA 7 and GB/T 7714-2015.

APA_PART = {"issued": ISSUED_YEAR, "author": GROUP_CSL, "version": "0.1.1",
            "container-title": APA_TITLE}  # no publisher: it is the author (APA 7 9.24)
APA_ITEM = {
    # APA 7 9.14: books and their parts give the year alone.
    "book": {"id": "taiyuan2020edition", "issued": ISSUED_YEAR, "author": GROUP_CSL,
             "type": "book", "title": APA_TITLE, "version": "0.1.1", "URL": ROOT},
    "page": {"id": "taiyuan2020edition:03-plan-2020", "type": "chapter",
             "title": "Part 2: The plan for 2020", "URL": PAGE_URL, **APA_PART},
    "figure": {"id": "taiyuan2020edition:fig-tasks-by-section", "type": "chapter",
               "title": "Figure 3.1: Tasks by section", "URL": FIGURE_URL, **APA_PART},
    "table": {"id": "taiyuan2020edition:tbl-spending", "type": "chapter",
              "title": "Table 5.2: Spending in Annex X", "URL": TABLE_URL, **APA_PART},
    # APA 7 10.9: the description "Data set", capitalised as the bracket prints it.
    "data": {"id": "taiyuan2020edition:data-indicators", "type": "dataset", "genre": "Data set",
             "title": "Indicators (indicators.csv)", "URL": DATA_URL, **APA_PART},
}


@pytest.mark.parametrize("kind", sorted(APA_ITEM))
def test_apa_item_field_by_field(kind):
    assert _apa_item(works()[kind]) == APA_ITEM[kind]


def test_apa_item_of_the_article():
    # APA 7 9.38: the title transliterated (ROMANISED), the translation in square brackets,
    # the newspaper's name transliterated.
    assert _apa_item(source_article()) == {
        "id": "li2020taiyuan", "issued": {"date-parts": [[2020]]},
        "author": [{"family": f, "given": g} for f, g, _ in REPORTERS],
        "type": "article-newspaper",
        "title": ("Taiyuan: Jiakuai jianshe renmin manyi de fuwuxing zhengfu [Taiyuan: Speed up "
                  "building a service-oriented government that satisfies the people]"),
        "container-title": "Shanxi Wanbao"}


def test_apa_item_names_a_publisher_other_than_the_author_and_a_doi():
    edition = dataclasses.replace(EDITION, publisher="Shanxi People's Publishing House",
                                  doi="10.5555/x")
    assert _apa_item(book(edition)) == {**APA_ITEM["book"], "DOI": "10.5555/x",
                                        "publisher": "Shanxi People's Publishing House"}


GBT_PART = {"issued": ISSUED_YEAR, "author": GROUP_CSL, "type": "chapter",
            "container-title": TITLE, "edition": "Version 0.1.1", "publisher": GROUP,
            "accessed": {"date-parts": [[1900, 1, 1]]}}  # the sentinel the slot replaces
GBT_ITEM = {
    # GB/T 4.1, 4.2: the year of publication alone; a part is a chapter of its book.
    "book": {"id": "taiyuan2020edition", "title": TITLE, "issued": ISSUED_YEAR,
             "author": GROUP_CSL, "type": "book", "edition": "Version 0.1.1",
             "publisher": GROUP, "URL": ROOT, "accessed": {"date-parts": [[1900, 1, 1]]}},
    "page": {"id": "taiyuan2020edition:03-plan-2020", "title": "Part 2: the plan for 2020",
             "URL": PAGE_URL, **GBT_PART},
    "figure": {"id": "taiyuan2020edition:fig-tasks-by-section",
               "title": "Figure 3.1: Tasks by section", "URL": FIGURE_URL, **GBT_PART},
    "table": {"id": "taiyuan2020edition:tbl-spending", "title": "Table 5.2: Spending in Annex X",
              "URL": TABLE_URL, **GBT_PART},
    "data": {"id": "taiyuan2020edition:data-indicators", "title": "Indicators (indicators.csv)",
             "URL": DATA_URL, **GBT_PART},
}


@pytest.mark.parametrize("kind", sorted(GBT_ITEM))
def test_gbt_item_field_by_field(kind):
    assert _gbt_item(works()[kind]) == GBT_ITEM[kind]


def test_gbt_item_of_the_article():
    # GB/T 8.1.1: Chinese names in characters; the newspaper's own name.
    assert _gbt_item(source_article()) == {
        "id": "li2020taiyuan", "title": ARTICLE_TITLE, "issued": {"date-parts": [[2020]]},
        "author": [{"literal": n} for _, _, n in REPORTERS], "type": "article-newspaper",
        "container-title": "山西晚报"}


def test_gbt_names_a_group_as_written_a_person_family_name_first():
    agents = ("A group", Person("Li", "Feifei", "李飞飞"), Person("Smith", "John"))
    assert _gbt_names(agents) == "A group, 李飞飞, Smith John"


def test_every_group_author_keeps_its_name_as_written_in_gbt7714():
    # GB/T 8.1.2: capitals are for personal surnames; an organisation is named as written.
    # A real defect found by a mutant (MUTANTS.md): only a sole group author was mended.
    two = dataclasses.replace(EDITION, authors=("Group A", "Group B"), publisher="Group A")
    assert gbt7714(page(two, *CHAPTER_3)) == (
        f"Group A, Group B. Part 2: the plan for 2020[M/OL]//Group A, Group B. {TITLE}. "
        f"Version 0.1.1. Group A, 2026{ACCESS_SLOT}. {PAGE_URL}.")
    mixed = dataclasses.replace(EDITION, authors=(Person("Li", "Feifei"), "Group B"))
    assert gbt7714(mixed).startswith(f"LI F, Group B. {TITLE}[M/OL]. ")
    for name in ("openstreetmap contributors", "Straße AG"):  # lower case; ß upper-cased as SS
        edition = dataclasses.replace(EDITION, authors=(name,), publisher=name)
        assert gbt7714(edition) == (f"{name}. {TITLE}[M/OL]. Version 0.1.1. {name}, "
                                    f"2026{ACCESS_SLOT}. {ROOT}.")
    # Only the name among the authors: a title that writes it in capitals keeps them.
    unesco = dataclasses.replace(EDITION, authors=("Unesco",), publisher="Unesco")
    assert gbt7714(page(unesco, "Reports to the UN, UNESCO, and UNICEF", CHAPTER_3[1])) == (
        f"Unesco. Reports to the UN, UNESCO, and UNICEF[M/OL]//Unesco. {TITLE}. Version 0.1.1. "
        f"Unesco, 2026{ACCESS_SLOT}. {PAGE_URL}.")


def test_the_book_after_the_double_slash_only_once():
    # A book titled as the start of its own address ("//taiyuan" is in "https://taiyuan…"):
    # the book's author goes before its title after "//", and the address stays as it is.
    edition = dataclasses.replace(EDITION, title="taiyuan", url="https://taiyuan.github.io/r/")
    assert gbt7714(page(edition, *CHAPTER_3)) == (
        f"{GROUP}. Part 2: the plan for 2020[M/OL]//{GROUP}. taiyuan. Version 0.1.1. {GROUP}, "
        f"2026{ACCESS_SLOT}. https://taiyuan.github.io/r/notebooks/03-plan-2020.html.")


def test_mend_gbt_refuses_a_shape_it_does_not_know():
    page_ = page(EDITION, *CHAPTER_3)
    with pytest.raises(ValueError, match="GB/T 7714 style output changed shape: 'no title'"):
        _mend_gbt("no title", page_)
    # An address but no access date (the message shows the text mended so far: its type).
    with pytest.raises(ValueError, match=re.escape("shape: 'Part 2: the plan for 2020[M/OL]. x'")):
        _mend_gbt("Part 2: the plan for 2020. x", page_)


# BibTeX (bibtex_fields): the entry type and every field, in order.

BIB_COMMON = [("publisher", GROUP), ("year", "2026"), ("date", "2026-11-29"),
              ("version", "0.1.1")]
BIB_PART = [("booktitle", BIB_TITLE), *BIB_COMMON]
BIBTEX = {
    "book": ("book", [("author", BIB_GROUP), ("title", BIB_TITLE), *BIB_COMMON,
                      ("url", ROOT), ("urldate", "YYYY-MM-DD")]),
    "page": ("incollection", [("author", BIB_GROUP), ("title", "{Part} 2: the plan for 2020"),
                              *BIB_PART, ("url", PAGE_URL), ("urldate", "YYYY-MM-DD")]),
    "figure": ("incollection", [("author", BIB_GROUP),
                                ("title", "{Figure} 3.1: {Tasks} by section"), *BIB_PART,
                                ("url", FIGURE_URL), ("urldate", "YYYY-MM-DD")]),
    "table": ("incollection", [("author", BIB_GROUP),
                               ("title", "{Table} 5.2: {Spending} in {Annex} {X}"), *BIB_PART,
                               ("url", TABLE_URL), ("urldate", "YYYY-MM-DD")]),
    "data": ("misc", [("author", BIB_GROUP), ("title", "{Indicators} (indicators.csv)"),
                      ("howpublished", f"Data set. In: {BIB_TITLE}"), *BIB_COMMON,
                      ("url", DATA_URL), ("urldate", "YYYY-MM-DD")]),
}


@pytest.mark.parametrize("kind", sorted(BIBTEX))
def test_bibtex_fields_one_by_one(kind):
    assert bibtex_fields(works()[kind]) == BIBTEX[kind]


def test_bibtex_fields_of_the_article():
    assert bibtex_fields(source_article()) == ("article", [
        ("author", "Li, Feifei and Xue, Jianying and Li, Jing"),
        ("title", f"{ARTICLE_TITLE} [{{Taiyuan}}: speed up building a service-oriented "
                  "government that satisfies the people]"),
        ("journal", "山西晚报 (Shanxi Evening News)"),
        ("year", "2020"), ("language", "chinese"),
        ("note", "Authors' names in Chinese: 李飞飞, 薛建英, 李晶")])


def test_bibtex_fields_of_an_article_with_less_known():
    # No translation of the title or the newspaper's name; a publisher (an article names
    # none); a language other than Chinese (kept as given); no names in characters.
    work = Work(kind="article", key="k", title="A report", year=2019, journal="The Paper",
                authors=(Person("Smith", "John"), "A group"), publisher="A press", language="en")
    assert bibtex_fields(work) == ("article", [
        ("author", "Smith, John and {A group}"), ("title", "{A} report"),
        ("journal", "The Paper"), ("year", "2019"), ("language", "en")])


def test_bibtex_fields_without_a_publisher_and_with_a_doi():
    edition = dataclasses.replace(EDITION, publisher=None, doi="10.5555/x")
    assert bibtex_fields(book(edition)) == ("book", [
        ("author", BIB_GROUP), ("title", BIB_TITLE), ("year", "2026"), ("date", "2026-11-29"),
        ("version", "0.1.1"), ("doi", "10.5555/x"), ("url", ROOT), ("urldate", "YYYY-MM-DD")])


@pytest.mark.parametrize("value", ["https://x.org/a b", "https://x.org/{a}", "https://x.org/%",
                                   "10.5555/a\\b", "https://x.org/\tb"])
def test_verbatim_refuses_what_a_verbatim_field_cannot_hold(value):
    with pytest.raises(ValueError, match=re.escape(f"cannot put {value!r} in a BibTeX url/doi")):
        _verbatim(value)


def test_verbatim_keeps_an_address_as_it_is():
    assert _verbatim("https://x.org/a_b#c~d&e") == "https://x.org/a_b#c~d&e"


# CITATION.cff's fields, read one by one.

@pytest.mark.parametrize(("entry", "agent"), [
    ({"name": "Taiyuan Work Report Edition contributors"},
     "Taiyuan Work Report Edition contributors"),
    ({"family-names": "Li", "given-names": "Feifei", "alias": "李飞飞"},
     Person("Li", "Feifei", "李飞飞")),
    ({"name-particle": "van", "family-names": "Gogh", "given-names": "Vincent"},
     Person("van Gogh", "Vincent")),
    ({"family-names": "Xue"}, Person("Xue", "")),  # CFF requires only family-names
])
def test_agent_of_a_cff_entry(entry, agent):
    assert _agent(entry) == agent


@pytest.mark.parametrize(("value", "name"), [
    ({"name": "Shanxi People's Publishing House"}, "Shanxi People's Publishing House"),
    ("Shanxi People's Publishing House", "Shanxi People's Publishing House"),
    ({"alias": "x"}, None), ({"name": ""}, None), (None, None), ("", None),
])
def test_name_of_a_cff_publisher(value, name):
    assert _name(value) == name


@pytest.mark.parametrize(("languages", "expected"), [
    ("languages: [zho]", "zho"),  # CFF allows ISO 639-3 codes too; kept as given
    ("", "zh"),  # none stated: the source is in Chinese
])
def test_source_article_language(tmp_path, languages, expected):
    text = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert text.count("    languages: [zh]\n") == 1
    path = tmp_path / "CITATION.cff"
    path.write_text(text.replace("    languages: [zh]\n",
                                 f"    {languages}\n" if languages else ""), encoding="utf-8")
    assert source_article(path).language == expected
