"""Anchors on the built site: labels, old slugs, glossary pinyin, changelog versions, codebook
tables, and every id that the 0.1.0 and 0.1.1 builds had (tests/data/site-ids-*.json).

These run after the strict build (step 4 of `make test`) and read _build/html.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gwr import paths
from gwr.data.tables import load_table
from tests.test_anchors import (
    CHANGELOG_VERSIONS,
    CHAPTER_SECTIONS,
    CHAPTER_TITLES,
    CODEBOOK_TABLES,
    GLOSSARY_0_1_1,
    GLOSSARY_ANCHORS,
    NEW_CHAPTERS,
)

pytestmark = pytest.mark.site

BUILD = Path(os.environ.get("GWR_OUTPUT_ROOT", paths.ROOT)).resolve() / "_build"
HTML = BUILD / "html"
RECORDED = sorted((paths.ROOT / "tests" / "data").glob("site-ids-*.json"))


class Anchors(HTMLParser):
    """Where each id of a page is: its tag and the innermost section it belongs to (a section
    belongs to itself); per section, its heading's text and permalink."""

    HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "dt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.where: dict[str, tuple[str, str | None]] = {}
        self.heading: dict[str, str] = {}
        self.permalink: dict[str, str] = {}
        self._sections: list[str | None] = []
        self._open: tuple[str, str | None] | None = None  # (heading tag, owner) being read
        self._in_permalink = False

    def _owner(self) -> str | None:
        return self._sections[-1] if self._sections else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._sections.append(attrs.get("id"))
        if attrs.get("id"):
            self.where.setdefault(attrs["id"], (tag, self._owner()))
        if tag in self.HEADINGS and self._open is None:
            owner = attrs.get("id") if tag == "dt" else self._owner()
            if owner and owner not in self.heading:
                self._open = (tag, owner)
                self.heading[owner] = ""
        if tag == "a" and self._open and "headerlink" in (attrs.get("class") or ""):
            self._in_permalink = True
            self.permalink.setdefault(self._open[1], attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_permalink = False
        if tag == "section" and self._sections:
            self._sections.pop()
        if self._open and tag == self._open[0]:
            self._open = None

    def handle_data(self, data):
        if self._open and not self._in_permalink:  # the permalink's "#" is not the heading
            self.heading[self._open[1]] += data


def anchors_of(page: str) -> Anchors:
    path = HTML / page
    assert path.is_file(), f"{page} is not built"
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def assert_lands_on(anchors: Anchors, old: str, section: str, page: str) -> None:
    """``#old`` exists on the page and is the section ``section`` or one of its own ids."""
    assert old in anchors.where, f"{page}#{old} no longer exists"
    tag, owner = anchors.where[old]
    target = old if tag == "section" else owner
    assert target == section, f"{page}#{old} lands in #{target}, not #{section}"


@pytest.fixture(scope="module", autouse=True)
def built_site():
    if not (HTML / "index.html").is_file():
        pytest.fail("No built site in _build/html: run `make book` "
                    "(make test builds it in step 4).")


@pytest.mark.parametrize("chapter", list(CHAPTER_SECTIONS))
def test_chapter_sections_answer_to_their_label_and_their_old_slugs(chapter):
    page = f"notebooks/{chapter}.html"
    anchors = anchors_of(page)
    label, slug = CHAPTER_TITLES[chapter]
    assert_lands_on(anchors, slug, anchors.where[label][1] or label, page)
    for label, slugs in CHAPTER_SECTIONS[chapter].items():
        assert anchors.where.get(label, ("", ""))[0] == "section", f"{page}: no section #{label}"
        # The heading's permalink, which readers copy, is the label.
        assert anchors.permalink[label] == f"#{label}", (label, anchors.permalink[label])
        for old in slugs:
            assert_lands_on(anchors, old, label, page)


def test_chapter_3_targets_section_in_full():
    anchors = anchors_of("notebooks/03-plan-2020.html")
    assert anchors.heading["plan-targets"].strip() == "The plan’s targets sit in its last six tasks"
    assert_lands_on(anchors, "the-plan-s-targets-sit-in-its-last-six-tasks", "plan-targets",
                    "03-plan-2020")


def test_glossary_terms_are_anchored_by_their_pinyin_and_keep_their_numbers():
    anchors = anchors_of("book/glossary.html")
    terms = {anchors.heading[a].strip(): a
             for a, (tag, _) in anchors.where.items() if tag == "dt"}
    assert terms == GLOSSARY_ANCHORS
    assert set(terms) == set(load_table("glossary")["term"])
    for anchor in GLOSSARY_ANCHORS.values():
        assert anchors.permalink[anchor] == f"#{anchor}"
    for old, term in GLOSSARY_0_1_1.items():
        assert anchors.where[old][0] == "span", old
        assert f'<dt class="glossary-term" id="{GLOSSARY_ANCHORS[term]}"><span id="{old}">' in (
            HTML / "book" / "glossary.html").read_text(encoding="utf-8")


def test_term_links_in_the_chapters_use_the_pinyin():
    html = (HTML / "notebooks" / "06-language.html").read_text(encoding="utf-8")
    html += (HTML / "genindex.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'glossary\.html#([^"]+)"', html))
    assert targets, "no link to a glossary term"
    assert targets <= set(GLOSSARY_ANCHORS.values()), targets - set(GLOSSARY_ANCHORS.values())


def test_changelog_versions_have_their_anchors():
    anchors = anchors_of("book/changelog.html")
    for anchor, (heading, old) in CHANGELOG_VERSIONS.items():
        assert anchors.where[anchor][0] == "section"
        assert anchors.heading[anchor].strip() == heading
        assert anchors.permalink[anchor] == f"#{anchor}"
        assert_lands_on(anchors, old, anchor, "changelog")
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for version in re.findall(r"^## (\d+)\.(\d+)\.(\d+)", changelog, re.MULTILINE):
        assert f"v{'-'.join(version)}" in anchors.where
    # The sections under a version, e.g. #v0-1-1-the-data, keep their 0.1.1 ids.
    assert_lands_on(anchors, "the-data", "v0-1-1-the-data", "changelog")
    assert_lands_on(anchors, "id3", "v0-1-0-the-data", "changelog")


def test_every_codebook_table_has_its_own_anchor():
    anchors = anchors_of("book/data.html")
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        anchor = f"table-{resource['name']}"
        assert anchors.where.get(anchor, ("", ""))[0] == "section", anchor
        assert f"({resource['path']})" in anchors.heading[anchor]
    for name in CODEBOOK_TABLES:
        assert f"table-{name}" in anchors.where


def test_the_recorded_builds_are_there():
    assert [p.name for p in RECORDED] == ["site-ids-0.1.0.json", "site-ids-0.1.1.json"]


@pytest.mark.parametrize("recorded", RECORDED, ids=lambda p: p.stem)
def test_no_page_lost_an_id_that_a_published_build_had(recorded):
    pages = json.loads(recorded.read_text(encoding="utf-8"))["pages"]
    published = [chapter for chapter in CHAPTER_SECTIONS if chapter not in NEW_CHAPTERS]
    assert {f"notebooks/{chapter}.html" for chapter in published} <= set(pages)
    lost = {}
    for page, ids in pages.items():
        have = anchors_of(page).where
        missing = [i for i in ids if i not in have]
        if missing:
            lost[page] = missing
    assert lost == {}, f"ids of the {recorded.stem[9:]} build that the site lost: {lost}"
