"""Glossary entries: every formulation and key term, with pinyin and the paragraphs it is in."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.glossary import all_entries, key_terms, pinyin_of
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def entries(paragraphs):
    return all_entries(paragraphs, load_table("formulations"))


def test_every_formulation_is_in_the_glossary(entries):
    terms = {e.term for e in entries}
    assert set(load_table("formulations")["term"]) <= terms


def test_key_terms_occur_where_listed(entries, paragraphs):
    by_number = {p.number: p.text for p in paragraphs}
    for entry in entries:
        assert entry.paragraphs, entry.term
        assert all(entry.term in by_number[n] for n in entry.paragraphs), entry.term


def test_searchable_terms_are_glossed(entries):
    terms = {e.term: e for e in entries}
    for term in ("煤改电", "放管服效", "服务型政府", "营商环境"):
        assert terms[term].gloss_en


def test_pinyin_has_tone_marks():
    assert pinyin_of("营商环境") == "yíng shāng huán jìng"


def test_stale_key_term_names_file_and_entry(paragraphs):
    data = copy.deepcopy(load_yaml_mapping("glossary.yml"))
    data["不存在的词"] = {"gloss_en": "x", "explanation_en": "y"}
    with pytest.raises(CuratedDataError, match=r"glossary\.yml, entry '不存在的词'"):
        key_terms(paragraphs, curated=data)


def test_entries_are_sorted_by_pinyin(entries):
    from gwr.data.glossary import sort_key
    assert entries == sorted(entries, key=sort_key)
