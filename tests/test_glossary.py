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


# ---------------------------------------------------------------------------------------------
# The published table, data/processed/glossary.csv (gwr.data.steps.glossary)


@pytest.fixture(scope="module")
def glossary(tables):
    return tables["glossary"]


def _lines(text):
    """The source's paragraphs, read here from the raw lines, independently of gwr.text."""
    return dict(enumerate(text.split("\n"), start=1))


def test_one_row_per_formulation_and_key_term(glossary):
    formulations = load_table("formulations")
    key_terms_on_file = load_yaml_mapping("glossary.yml")
    assert glossary["term"].is_unique
    assert len(glossary) == len(formulations) + len(key_terms_on_file)
    kinds = dict(zip(glossary["term"], glossary["kind"], strict=True))
    assert {t for t, k in kinds.items() if k == "formulation"} == set(formulations["term"])
    assert {t for t, k in kinds.items() if k == "key term"} == set(key_terms_on_file)


def test_paragraphs_are_where_the_term_really_occurs(glossary, text):
    lines = _lines(text)
    for row in glossary.itertuples():
        listed = [int(n) for n in row.paragraphs.split(";")]
        assert listed == [n for n, line in lines.items() if row.term in line], row.term


@pytest.mark.parametrize(("term", "paragraphs"), [
    ("三大攻坚战", "5;6;72"), ("营商环境", "7;41;108"), ("二青会", "51;54"), ("12345", "108"),
    ("民生", "5;6;36;37;94"), ("煤改电", "20;74"),
])
def test_paragraphs_of_known_terms(glossary, text, term, paragraphs):
    row = glossary.set_index("term").loc[term]
    assert row["paragraphs"] == paragraphs
    assert all(term in _lines(text)[int(n)] for n in paragraphs.split(";"))


def test_pinyin_is_generated_or_curated_as_stated(glossary):
    curated = load_yaml_mapping("glossary.yml")
    for row in glossary.itertuples():
        if row.pinyin_by == "curated":
            assert row.pinyin == curated[row.term]["pinyin"], row.term
        else:
            assert row.pinyin_by == "pypinyin"
            assert row.pinyin == pinyin_of(row.term), row.term
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in row.pinyin), row.term
    rows = glossary.set_index("term")
    assert rows.loc["三大攻坚战", "pinyin"] == "sān dà gōng jiān zhàn"
    assert rows.loc["营商环境", "pinyin"] == "yíngshāng huánjìng"  # by hand: words joined
    assert rows.loc["12345", "pinyin"] == ""


def test_formulation_rows_repeat_the_formulations_table(glossary):
    formulations = load_table("formulations").set_index("term")
    for row in glossary[glossary["kind"] == "formulation"].itertuples():
        source = formulations.loc[row.term]
        assert (row.gloss_en, row.explanation_en, row.origin, row.reference, row.paragraphs) == (
            source["gloss_en"], source["explanation_en"], source["origin"], source["reference"],
            source["paragraphs"]), row.term
    key = glossary[glossary["kind"] == "key term"]
    assert (key["origin"] == "").all() and (key["reference"] == "").all()
    curated = load_yaml_mapping("glossary.yml")
    assert all(r.gloss_en == curated[r.term]["gloss_en"] for r in key.itertuples())


def test_rows_are_in_the_page_order(glossary):
    from gwr.data.glossary import Entry, sort_key
    keys = [sort_key(Entry(t, "", "", "", (1,), "")) for t in glossary["term"]]
    assert keys == sorted(keys)
    assert list(glossary["term"].iloc[:2]) == ["爱心奶", "保障房"]
    # Terms without Chinese characters (numbers) come last.
    assert list(glossary["term"].iloc[-5:]) == ["12345", "13710", "2+26", "3390", "4+2"]


def test_the_committed_table_loads_with_its_schema(glossary):
    committed = load_table("glossary")
    assert list(committed.columns) == list(glossary.columns)
    assert list(committed["term"]) == list(glossary["term"])
    assert committed.set_index("term").loc["服务型政府", "paragraphs"] == "1;2;4;7;107"


def test_a_malformed_key_term_names_file_and_entry(paragraphs):
    data = copy.deepcopy(load_yaml_mapping("glossary.yml"))
    data["民生"]["pinyin"] = 3
    with pytest.raises(CuratedDataError, match=r"glossary\.yml, entry '民生': field 'pinyin'"):
        key_terms(paragraphs, curated=data)
    data = copy.deepcopy(load_yaml_mapping("glossary.yml"))
    del data["民生"]["gloss_en"]
    with pytest.raises(CuratedDataError, match=r"glossary\.yml, entry '民生': missing"):
        key_terms(paragraphs, curated=data)


def test_a_key_term_that_is_also_a_formulation_is_refused(paragraphs, monkeypatch):
    import gwr.data.glossary as module
    extra = {"煤改电": {"gloss_en": "x", "explanation_en": "y"}}
    real = module.load_yaml_mapping
    monkeypatch.setattr(module, "load_yaml_mapping", lambda name: {**real(name), **extra})
    with pytest.raises(CuratedDataError, match=r"glossary\.yml, entry '煤改电': already a formula"):
        all_entries(paragraphs, load_table("formulations"))
