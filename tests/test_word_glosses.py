"""Tests for gwr.data.word_glosses (data/curated/word_glosses.yml) and word_glosses.csv."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.tables import load_table
from gwr.data.word_glosses import CURATED_FILE, load_word_glosses
from gwr.errors import CuratedDataError


@pytest.fixture
def curated() -> dict:
    return copy.deepcopy(load_yaml_mapping(CURATED_FILE))


def test_the_table_is_the_curated_file_in_order(curated):
    table = load_table("word_glosses")
    assert table["word"].tolist() == list(curated)
    assert table.set_index("word").loc["年内", "gloss_en"] == "within the year"
    assert table.set_index("word").loc["高质量", "gloss_en"] == "high-quality"


def test_every_word_occurs_in_the_text(text):
    for g in load_word_glosses(text):
        assert g.word in text, g.word


def test_counted_is_the_number_of_counted_tokens():
    tokens = load_table("tokens")
    counted = tokens.loc[tokens["counted"], "token"].value_counts()
    for row in load_table("word_glosses").itertuples(index=False):
        assert row.counted == counted.get(row.word, 0), row.word
    table = load_table("word_glosses").set_index("word")
    assert table.loc["建设", "counted"] == 34 and table.loc["民生", "counted"] == 0


def test_a_stale_word_names_the_entry(text, curated):
    curated["不存在的词"] = {"gloss_en": "nothing"}
    with pytest.raises(CuratedDataError, match=r"data/curated/word_glosses.yml, entry "
                                               r"'不存在的词': the word does not occur"):
        load_word_glosses(text, curated=curated)


@pytest.mark.parametrize(("entry", "problem"), [
    ({"gloss": "x"}, r"missing required field 'gloss_en'"),
    ({"gloss_en": 3}, r"field 'gloss_en' must be str"),
    ({"gloss_en": " "}, r"gloss_en is empty"),
    ({"gloss_en": "x", "colour": "red"}, r"unknown field 'colour'"),
])
def test_a_malformed_entry_names_file_and_entry(text, curated, entry, problem):
    curated["年内"] = entry
    with pytest.raises(CuratedDataError, match=rf"data/curated/word_glosses.yml, entry "
                                               rf"'年内': {problem}"):
        load_word_glosses(text, curated=curated)


def test_a_key_that_is_not_text_is_refused(text, curated):
    curated[12345] = {"gloss_en": "the hotline"}
    with pytest.raises(CuratedDataError, match=r"entry 12345: the key must be the word as text"):
        load_word_glosses(text, curated=curated)


# The key terms of chapter 6's keywords in context (a choice once kept in its notebook).

def test_the_key_terms_are_chosen_in_the_data_with_a_reason(curated):
    table = load_table("word_glosses")
    key = table[table["kwic"]]
    assert key["word"].tolist() == ["高质量", "营商环境", "民生"]
    assert (key["kwic_reason"].str.len() > 40).all()
    assert (table.loc[~table["kwic"], "kwic_reason"] == "").all()
    assert key["word"].tolist() == [w for w, e in curated.items() if e.get("kwic")]


@pytest.mark.parametrize(("entry", "problem"), [
    ({"gloss_en": "within the year", "kwic": True},
     r"a key term \(kwic: true\) needs a kwic_reason"),
    ({"gloss_en": "within the year", "kwic_reason": "why"}, r"a key term \(kwic: true\) needs"),
    ({"gloss_en": "within the year", "kwic": "yes", "kwic_reason": "why"},
     r"field 'kwic' must be bool"),
])
def test_a_key_term_without_its_reason_names_file_and_entry(text, curated, entry, problem):
    curated["年内"] = entry
    with pytest.raises(CuratedDataError, match=rf"data/curated/word_glosses.yml, entry "
                                               rf"'年内': {problem}"):
        load_word_glosses(text, curated=curated)
