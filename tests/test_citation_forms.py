"""The citation forms against references written down by hand from the style guides.

Each expected string below was written from the guide, not copied from the code's output; the
comment above it names the rule. The edition is a fixed fixture (not CITATION.cff), so that a new
version or address does not change the references; tests/test_citation.py covers CITATION.cff.

Sources: APA, Publication Manual, 7th ed. (2020), sections cited as "APA 7 x.y", and the APA Style
reference examples; GB/T 7714-2015 信息与文献 参考文献著录规则, clauses cited as "GB/T 4.2" etc.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pybtex.database import parse_string
from pybtex.richtext import Text

from gwr.book.citation import (
    ACCESS_SLOT,
    URLDATE_SLOT,
    Edition,
    apa,
    apa_case,
    bibtex,
    book,
    data_table,
    figure,
    gbt7714,
    latex_escape,
    page,
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
