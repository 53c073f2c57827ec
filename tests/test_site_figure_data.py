"""Every figure and table on the built site carries its own data, citation and source (issue 12),
and every paragraph of the source edition its apparatus.

These run after the strict build (step 4 of `make test`) and read _build/html. The numbers are
counted in the published files themselves: rows of the table's HTML, marks in the figure's SVG
(ids ``mark-N``, gwr.charts.tag_marks), rows of the CSV, spans against the source text.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest
from bs4 import BeautifulSoup

from gwr import paths
from gwr.data.tables import load_table
from gwr.text.source import load_source

pytestmark = pytest.mark.site

HTML = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build" / "html"
CHAPTERS = sorted(p.stem for p in (paths.ROOT / "notebooks").glob("*.ipynb"))
SOURCE_PAGE = "book/source.html"
# Figures whose marks are not one per row of their data, with the reason. Empty: every figure
# of the book tags one mark per row.
UNCOUNTED_FIGURES: dict[str, str] = {}


@cache
def soup(page: str) -> BeautifulSoup:
    return BeautifulSoup((HTML / page).read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> tuple[Path, str]:
    """The file and the fragment that a link on ``page`` points to."""
    url, fragment = urldefrag(urljoin(page, href))
    return HTML / unquote(url), fragment


def has_id(path: Path, fragment: str) -> bool:
    if not path.is_file():
        return False
    if not fragment:
        return True
    return soup(str(path.relative_to(HTML))).find(id=fragment) is not None


def numbered_items(page: str) -> list:
    """The page's numbered figures and tables, in page order."""
    return [node for node in soup(page).find_all(["figure", "table"])
            if re.fullmatch(r"(fig|tbl)-[a-z0-9-]+", node.get("id") or "")]


def note_of(node):
    """The data note that follows a figure or table (the next one in the page)."""
    note = node.find_next("div", class_="data-note")
    assert note is not None, f"{node['id']}: no data note follows it"
    following = note.find_previous(["figure", "table"],
                                   id=re.compile(r"^(fig|tbl)-"))
    assert following is node, f"{node['id']}: the next data note belongs to {following['id']}"
    return note


def read_csv(page: str, note) -> tuple[str, list[dict[str, str]]]:
    link = note.find("a", class_="data-note-csv")
    path, _ = resolve(page, link["href"])
    assert path.is_file(), f"{link['href']} is not published beside {page}"
    text = path.read_text(encoding="utf-8")
    return link["href"], list(csv.DictReader(io.StringIO(text)))


# Collected from the pages that exist (a stale or missing build fails the test below, not the
# collection of every test module).
ITEMS = [(f"notebooks/{chapter}.html", node["id"]) for chapter in CHAPTERS
         if (HTML / "notebooks" / f"{chapter}.html").is_file()
         for node in numbered_items(f"notebooks/{chapter}.html")]


def labelled_in_notebooks() -> set[tuple[str, str]]:
    """Every figure (cell metadata) and table (numbered_table name=…) the notebooks label."""
    found = set()
    for chapter in CHAPTERS:
        notebook = json.loads((paths.ROOT / "notebooks" / f"{chapter}.ipynb").read_text("utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            name = cell["metadata"].get("mystnb", {}).get("figure", {}).get("name")
            labels = [name] if name else []
            labels += re.findall(r'name="(tbl-[a-z0-9-]+)"', "".join(cell["source"]))
            found |= {(f"notebooks/{chapter}.html", label) for label in labels}
    return found


def test_every_labelled_figure_and_table_is_on_the_site():
    expected = labelled_in_notebooks()
    assert len(expected) >= 40  # 19 figures and 21 tables in release 0.1.1
    assert set(ITEMS) == expected


@pytest.mark.parametrize(("page", "label"), ITEMS)
def test_each_figure_and_table_has_its_csv_named_after_its_label(page, label):
    node = soup(page).find(id=label)
    href, rows = read_csv(page, note_of(node))
    assert href == f"{label}.csv"
    assert rows, f"{href} is empty"
    if node.name == "table":
        shown = node.find("tbody").find_all("tr", recursive=False)
        assert len(rows) == len(shown), f"{label}: CSV {len(rows)} rows, table {len(shown)}"
    elif label not in UNCOUNTED_FIGURES:
        image = node.find("img")
        svg, _ = resolve(page, image["src"])
        marks = set(re.findall(r'id="(mark-\d+)"', svg.read_text(encoding="utf-8")))
        assert marks == {f"mark-{i}" for i in range(len(rows))}, \
            f"{label}: the SVG has {len(marks)} marks, the CSV {len(rows)} rows"


@pytest.mark.parametrize(("page", "label"), ITEMS)
def test_each_csv_quotes_the_source_at_its_span(page, label):
    _, rows = read_csv(page, note_of(soup(page).find(id=label)))
    if "quote" not in rows[0]:
        return
    text = load_source()
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["quote"], f"{label}: {row}"


@pytest.mark.parametrize(("page", "label"), ITEMS)
def test_each_citation_names_the_number_and_the_label(page, label):
    node = soup(page).find(id=label)
    note = note_of(node)
    shown = node.find(class_="caption-number").get_text(strip=True).rstrip(".:")
    number = re.sub(r"^Fig\.", "Figure", shown)  # the theme's "Fig. 3.1" is cited in full
    assert note.find("summary").get_text(strip=True) == f"Cite {number}"
    bibtex = note.find("pre", class_="citation-bibtex").get_text()
    assert bibtex.startswith("@incollection{taiyuan2020edition:" + label + ",")
    assert f"title = {{{{{number.split()[0]}}} {number.split()[1]}: " in bibtex
    for form in note.select(".citation-apa, .citation-gbt"):
        assert f"{number}: " in form.get_text()
    address = f"{page}#{label}"
    published = [f for f in note.select(".citation-apa, .citation-gbt") if "http" in f.get_text()]
    for form in published:  # a release build: the address is the page's, with the anchor
        assert address in form.get_text(), form.get_text()


@pytest.mark.parametrize(("page", "label"), ITEMS)
def test_each_source_line_links_paragraphs_that_exist(page, label):
    line = note_of(soup(page).find(id=label)).find(class_="data-note-line")
    links = [a["href"] for a in line.find_all("a") if "source.html" in a["href"]]
    assert links, f"{label}: the data note names no paragraph"
    for href in links:
        assert has_id(*resolve(page, href)), href


# ---------------------------------------------------------------------------------------------
# The source edition's apparatus


def apparatus(number: int):
    para = soup(SOURCE_PAGE).find(id=f"para-{number}")
    box = para if "source-para" in para.get("class", []) else \
        para.find_next("div", class_="source-para")
    return box.find("div", class_="para-apparatus")


def test_paragraph_20_lists_its_figure_and_links_it_to_chapter_5():
    box = apparatus(20)
    figures = box.find(class_="apparatus-figures")
    text = figures.get_text()
    assert "3.48万" in text and "= 34,800 households" in text, text
    hrefs = [a["href"] for a in figures.find_all("a")]
    assert any(h.startswith("../notebooks/05-review-to-plan.html#tbl-") for h in hrefs), hrefs


@cache
def cited_by_chapters() -> dict[int, frozenset[str]]:
    """¶N → the chapters whose text links it, read from the chapters' HTML."""
    cited: dict[int, set[str]] = {}
    for chapter in CHAPTERS:
        for a in soup(f"notebooks/{chapter}.html").select("article a[href*='source.html#para-']"):
            cited.setdefault(int(a["href"].rsplit("-", 1)[1]), set()).add(chapter)
    return {number: frozenset(chapters) for number, chapters in cited.items()}


def test_every_paragraph_a_chapter_cites_names_that_chapter():
    cited = cited_by_chapters()
    assert len(cited) > 80
    for number, chapters in sorted(cited.items()):
        box = apparatus(number)
        assert box is not None, f"¶{number} is cited by {set(chapters)} but has no apparatus"
        backs = {a["href"].split("/")[-1].split(".html")[0]
                 for a in box.select(".apparatus-discussed a")}
        assert chapters <= backs, f"¶{number}: cited by {set(chapters)}, apparatus names {backs}"


def test_nothing_in_the_apparatus_points_nowhere():
    boxes = soup(SOURCE_PAGE).find_all("div", class_="para-apparatus")
    assert len(boxes) > 80
    for box in boxes:
        assert box.find(class_="apparatus-entry") is not None, "an empty apparatus"
        for a in box.find_all("a"):
            assert has_id(*resolve(SOURCE_PAGE, a["href"])), a["href"]


def test_a_paragraph_with_nothing_to_list_shows_no_apparatus():
    listed = set(cited_by_chapters())
    for table in ("indicators", "commitments", "places"):
        listed |= set(load_table(table)["paragraph"])
    for cell in load_table("glossary")["paragraphs"]:
        listed |= {int(n) for n in str(cell).split(";")}
    bare = [n for n in load_table("paragraphs")["paragraph"] if n not in listed]
    for number in bare:
        assert apparatus(number) is None, f"¶{number} has nothing to list but shows a box"
    for number in listed:
        assert apparatus(number) is not None, f"¶{number} has entries but no apparatus"
