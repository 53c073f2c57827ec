"""The data notes under figures and tables (gwr.display → gwr.book.sphinxext.figure_data), in a
tiny Sphinx project: the CSV published byte for byte, the citation, and clear errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from gwr.book import citation
from gwr.book.sphinxext.figure_data import cite_html
from gwr.book.sphinxext.page_metadata import work_forms
from gwr.display import data_note, numbered_table

CONF = """\
extensions = ["myst_parser", "gwr.book.sphinxext.page_metadata",
              "gwr.book.sphinxext.figure_data", "gwr.book.sphinxext.paragraph_links",
              "gwr.book.sphinxext.source_edition", "gwr.book.sphinxext.apparatus"]
numfig = True
myst_enable_extensions = ["colon_fence"]
"""
TIDY = pd.DataFrame({"paragraph": [20, 39], "start": [1, 2], "end": [3, 4],
                     "quote": ["完成", "开工"], "households": [34800, 5000],
                     "dated": [True, False]})


def build(tmp_path: Path, chapter: str) -> subprocess.CompletedProcess:
    (tmp_path / "conf.py").write_text(CONF)
    (tmp_path / "index.md").write_text(
        "# Book\n\n```{toctree}\nnotebooks/chapter\nbook/source\n```\n")
    (tmp_path / "book").mkdir()
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "chapter.md").write_text(chapter, encoding="utf-8")
    (tmp_path / "book" / "source.md").write_text("# Source\n\n```{source-edition}\n```\n")
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-W", "-n", "-q",
                           str(tmp_path), str(tmp_path / "_build")], text=True,
                          capture_output=True, check=False)


def chapter(note: str) -> str:
    shown = pd.DataFrame({"Paragraph": ["¶20", "¶39"], "Households": ["34,800", "5,000"]})
    table = numbered_table(shown, name="tbl-homes", caption="Homes. More words.", data=TIDY)
    return f"# Chapter\n\n## Homes\n\nSee ¶20.\n\n{table.data}\n\n{note}\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    result = build(root, chapter(""))
    assert result.returncode == 0, result.stderr
    return root / "_build"


def test_the_csv_is_published_beside_the_page_byte_for_byte(site):
    published = (site / "notebooks" / "tbl-homes.csv").read_bytes()
    assert published == ("paragraph,start,end,quote,households,dated\n"
                         "20,1,3,完成,34800,true\n39,2,4,开工,5000,false\n").encode()


def test_the_note_links_the_csv_the_source_and_a_folded_citation(site):
    page = (site / "notebooks" / "chapter.html").read_text(encoding="utf-8")
    assert 'href="tbl-homes.csv">tbl-homes.csv</a> (CSV, 2 rows)' in page
    assert 'href="../book/source.html#para-20"' in page
    assert 'href="../book/source.html#para-39"' in page
    assert "<summary>Cite Table 1</summary>" in page
    assert "@incollection{taiyuan2020edition:tbl-homes," in page
    assert "title = {{Table} 1: {Homes}}" in page  # the caption's first sentence


def test_the_source_edition_lists_what_the_chapter_shows_and_where(site):
    page = (site / "book" / "source.html").read_text(encoding="utf-8")
    apparatus = page[page.index('id="para-20"'):page.index('id="para-21"')]
    assert "para-apparatus" in apparatus
    assert "34,800 households" in apparatus  # from indicators.csv
    assert 'href="../notebooks/chapter.html#homes"' in apparatus  # the section that cites ¶20
    # ¶9 states no figure, commitment, term or place, and nothing here cites it: no box at all.
    bare = page[page.index('id="para-9"'):page.index('id="para-10"')]
    assert "para-apparatus" not in bare


def test_a_release_citation_gives_the_address_with_the_anchor():
    edition = citation.Edition("T", ("A",), "1.0", dt.date(2026, 1, 2), "https://x.org/b/",
                               "CC-BY-4.0")
    work = citation.figure(edition, "notebooks/03-plan-2020", "fig-plan-deadlines", "3.1",
                           "Deadline calendar")
    markup = cite_html(work_forms(work, release=True), "fig-plan-deadlines", "Figure", "3.1")
    address = "https://x.org/b/notebooks/03-plan-2020.html#fig-plan-deadlines"
    assert markup.count(address) == 3  # BibTeX, APA and GB/T
    assert "<summary>Cite Figure 3.1</summary>" in markup


def test_a_note_without_its_figure_stops_the_build(tmp_path):
    note = data_note(TIDY, label="fig-missing")
    result = build(tmp_path, chapter(note))
    assert result.returncode != 0
    assert "data-note fig-missing follows no figure or table named fig-missing" in result.stderr


def test_a_ragged_csv_stops_the_build_naming_the_label(tmp_path):
    note = "```{data-note} tbl-homes2\n:source: ¶20\n\na,b\n1\n```"
    result = build(tmp_path, chapter(note))
    assert result.returncode != 0
    assert "data-note tbl-homes2: the body must be a CSV" in result.stderr


@pytest.mark.parametrize(("frame", "message"), [
    (pd.DataFrame({"Value": [1]}), "snake_case"),
    (pd.DataFrame({"quote": ["三个"], "paragraph": [4]}), "need their span"),
    (pd.DataFrame({"value": []}), "cannot be empty"),
    (pd.DataFrame({"value": [1]}), "say which paragraphs"),
])
def test_data_that_cannot_be_traced_are_refused(frame, message):
    with pytest.raises(ValueError, match=message):
        data_note(frame, label="fig-x")


def test_a_table_and_its_data_must_have_the_same_rows():
    with pytest.raises(ValueError, match="1 rows but the table shows 2"):
        numbered_table(pd.DataFrame({"A": [1, 2]}), name="tbl-x", caption="X.",
                       data=TIDY.head(1))
