"""The bibliography's names and titles, read as BibTeX styles read them.

book/references.bib and data/curated/formulation_references.bib are parsed with pybtex and
formatted with its ``plain`` style, the style the References page uses (sphinxcontrib-bibtex).
"""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file, parse_string
from pybtex.plugin import find_plugin
from pypinyin import Style, lazy_pinyin

from gwr import paths
from gwr.book.citation import ROMANISED, bibtex, source_article

BIB_FILES = [paths.ROOT / "book" / "references.bib",
             paths.curated_file("formulation_references.bib")]
CJK = re.compile(r"[\u4e00-\u9fff]")


def entries():
    for path in BIB_FILES:
        yield from parse_file(str(path), "bibtex").entries.items()


def formatted() -> dict[str, str]:
    """Every entry as the plain style prints it, as text."""
    style = find_plugin("pybtex.style.formatting", "plain")()
    found = {}
    for path in BIB_FILES:
        database = parse_file(str(path), "bibtex")
        for entry in style.format_entries(database.entries.values()):
            found[entry.key] = entry.text.render_as("text")
    return found


def test_every_entry_parses_and_keys_are_unique():
    keys = [key for key, _ in entries()]
    assert len(keys) == len(set(keys)) and "li2020taiyuan" in keys and "xi2017report" in keys


@pytest.mark.parametrize("key, expected", [
    ("li2020taiyuan", [("Li", "Feifei"), ("Xue", "Jianying"), ("Li", "Jing")]),
    ("xi2017report", [("Xi", "Jinping")]),
])
def test_chinese_names_are_family_and_given(key, expected):
    entry = dict(entries())[key]
    names = [(" ".join(p.last_names), " ".join(p.first_names)) for p in entry.persons["author"]]
    assert names == expected


def test_no_name_is_broken():
    """No person's surname is a fragment such as "Feifei)", and no name mixes scripts in one
    part: a Chinese name is romanised in the name, its characters in the note (or a group's
    name is braced whole)."""
    for key, entry in entries():
        for person in entry.persons.get("author", []):
            text = str(person)
            assert not re.search(r"[()]", text), (key, text)
            if not (text.startswith("{") and text.endswith("}")):
                assert not CJK.search(text), (key, text)
            else:
                assert person.first_names == [], (key, text)


def test_chinese_names_keep_their_characters_in_the_note():
    for key, entry in entries():
        persons = [p for p in entry.persons.get("author", []) if not str(p).startswith("{")]
        if persons and CJK.search(entry.fields["title"]):
            assert CJK.search(entry.fields.get("note", "")), key


def test_the_reference_list_prints_names_in_full_and_files_them_by_surname():
    text = formatted()
    assert text["li2020taiyuan"].startswith("Feifei Li, Jianying Xue, and Jing Li. ")
    assert text["xi2017report"].startswith("Jinping Xi. ")
    label = find_plugin("pybtex.style.labels", "alpha")()
    database = parse_file(str(BIB_FILES[0]), "bibtex")
    labels = dict(zip(database.entries, label.format_labels(database.entries.values()),
                      strict=True))
    assert labels["li2020taiyuan"] == "LXL20"  # Li, Xue, Li: filed under L, not F


@pytest.mark.parametrize("key, phrase", [
    ("li2020taiyuan", "[Taiyuan: speed up"),
    ("frictionless2021tableschema", "Table Schema"),
    ("okabe2008cud", "Color Universal Design (CUD)"),
    ("xi2017report", "with Chinese characteristics"),
    ("xi2017report", "19th National Congress of the Communist Party of China"),
    ("gbt2260-2007", "People's Republic of China"),
    ("gbt7714-2015", "(GB/T 7714—2015)"),
])
def test_proper_nouns_keep_their_capitals(key, phrase):
    assert phrase in formatted()[key]


def test_the_bibliography_entry_of_the_source_matches_citation_cff():
    """li2020taiyuan in references.bib and the article's BibTeX from CITATION.cff agree."""
    ours = next(iter(parse_string(bibtex(source_article()), "bibtex").entries.values()))
    listed = dict(entries())["li2020taiyuan"]
    assert ours.type == listed.type == "article"
    assert [str(p) for p in ours.persons["author"]] == [str(p) for p in listed.persons["author"]]
    for field in ("title", "journal", "year", "language"):
        assert ours.fields[field] == listed.fields[field], field
    assert listed.fields["note"].startswith(ours.fields["note"])


@pytest.mark.parametrize("chinese", sorted(ROMANISED))
def test_romanisations_spell_the_characters(chinese):
    """Each romanisation has pypinyin's syllables (tones dropped), only joined into words."""
    syllables = "".join(lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore"))
    assert re.sub(r"[^a-z]", "", ROMANISED[chinese].lower()) == syllables
