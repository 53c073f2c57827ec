"""Tests for gwr.data.reforms (data/curated/reforms.yml, the checkability rule) and reforms.csv."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

from gwr.curated import load_yaml_mapping
from gwr.data import reforms
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def commitments(tables) -> pd.DataFrame:
    return tables["commitments"]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load_table("reforms")


@pytest.fixture
def curated() -> dict:
    return copy.deepcopy(load_yaml_mapping(reforms.CURATED_FILE))


def _load(paragraphs, commitments, curated):
    return reforms.load_reforms(paragraphs, commitments, curated=curated)


def test_quotes_are_exact_spans_of_the_source(text, table):
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.quote


def test_every_part3_reform_commitment_is_in_part3(table):
    dated = table[table["kind"] == "2020 commitment"]
    assert dated["paragraph"].between(107, 110).all()
    assert table.loc[table["kind"] == "2019 claim", "paragraph"].eq(41).all()


def test_no_reform_states_a_figure_or_a_deadline(table):
    assert not table["figure"].any() and not table["deadline"].any()
    assert set(table["checkability"]) == {"observable", "direction"}


# The rule as the chapter states it, written out by hand for all eight cases (not computed by
# reforms.checkability): a figure or a deadline makes a clause measurable; failing both, an
# observable outcome makes it observable; otherwise it states a direction.
RULE = {
    (True, True, True): "measurable", (True, True, False): "measurable",
    (True, False, True): "measurable", (True, False, False): "measurable",
    (False, True, True): "measurable", (False, True, False): "measurable",
    (False, False, True): "observable", (False, False, False): "direction",
}

# Each reform's level, by hand from data/curated/reforms.yml: no entry has a figure or a deadline
# (each quote read in ¶41 and ¶108-110), so the level is its `observable: true/false` judgment.
EXPECTED_CHECKABILITY = {
    "licensing-seal": "observable", "target-3390": "direction",
    "business-rank-2019": "observable", "fangguanfuxiao": "direction",
    "hotline-12345": "observable", "supervision-13710": "direction",
    "business-rank-2020": "observable", "rule-of-law-model": "observable",
    "three-public-expenses": "direction", "tight-budgets": "direction",
    "punish-corruption": "direction",
}


@pytest.mark.parametrize(("case", "level"), RULE.items())
def test_checkability_rule_truth_table(case, level):
    assert reforms.checkability(*case) == level


def test_checkability_follows_the_rule(table):
    assert dict(zip(table["reform_id"], table["checkability"], strict=True)) == \
        EXPECTED_CHECKABILITY
    # Second method: the rule table above applied to the table's own three columns.
    for row in table.itertuples(index=False):
        assert RULE[(row.figure, row.deadline, row.observable)] == row.checkability, \
            row.reform_id


def test_verbs_and_strengths_come_from_the_commitments(table, commitments):
    by_id = commitments.set_index("commitment_id")
    for row in table[table["commitment_id"] != ""].itertuples(index=False):
        c = by_id.loc[row.commitment_id]
        assert (row.verb_zh, row.strength) == (c["verb_zh"], c["strength"])
        assert c["start"] <= row.start and row.end <= c["end"]
    claims = table[table["kind"] == "2019 claim"]
    assert (claims["strength"] == reforms.REPORTED).all() and (claims["verb_zh"] == "").all()


def test_the_table_keeps_the_curated_order_and_judgments(table, curated):
    entries = curated["reforms"]
    assert table["reform_id"].tolist() == list(entries)
    assert table["observable"].tolist() == [e["observable"] for e in entries.values()]
    why = table.set_index("reform_id")["why"]
    assert why["tight-budgets"] == "an attitude, with no measure"


def test_every_part3_commitment_is_a_reform_or_excluded(table, commitments, curated):
    part3 = set(commitments.loc[commitments["section_id"] == "service-government",
                                "commitment_id"])
    reformed = set(table["commitment_id"]) - {""}
    assert reformed | set(curated["excluded"]) == part3
    assert not reformed & set(curated["excluded"])
    # Hand count of data/curated/reforms.yml: 8 entries carry `commitment_id:
    # service-government.…` (grep -c), 7 stand under `excluded:`; 8 + 7 = the 15 commitments of
    # part 3 (tests/test_service_government.py).
    assert len(reformed) == 8 and len(curated["excluded"]) == 7
    assert len(part3) == 15


# A malformed or stale entry names the file and the entry.

def test_a_wrong_quote_fails_loudly(paragraphs, commitments, curated):
    curated["reforms"]["three-public-expenses"]["quote"] = "严控“四公”经费"
    with pytest.raises(CuratedDataError, match=r"data/curated/reforms.yml, entry "
                                               r"'three-public-expenses': quote not found in ¶109"):
        _load(paragraphs, commitments, curated)


def test_an_unknown_commitment_fails_loudly(paragraphs, commitments, curated):
    curated["reforms"]["three-public-expenses"]["commitment_id"] = "service-government.nothing"
    with pytest.raises(CuratedDataError, match=r"entry 'three-public-expenses': unknown "
                                               r"commitment"):
        _load(paragraphs, commitments, curated)


def test_a_commitment_that_does_not_hold_the_quote_is_refused(paragraphs, commitments, curated):
    curated["reforms"]["three-public-expenses"]["commitment_id"] = \
        "service-government.tight-budgets"
    with pytest.raises(CuratedDataError, match=r"entry 'three-public-expenses': the quote is "
                                               r"not inside commitment"):
        _load(paragraphs, commitments, curated)


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("observable", "yes", r"field 'observable' must be bool"),
    ("kind", "2021 wish", r"kind '2021 wish' is not one of"),
    ("paragraph", 999, r"there is no paragraph 999"),
    ("name_zh", "四公", r"name_zh '四公' does not occur in ¶109"),
    ("colour", "red", r"unknown field 'colour'"),
])
def test_a_malformed_entry_names_file_and_entry(paragraphs, commitments, curated, field, value,
                                                problem):
    curated["reforms"]["three-public-expenses"][field] = value
    with pytest.raises(CuratedDataError, match=rf"data/curated/reforms.yml, entry "
                                               rf"'three-public-expenses': {problem}"):
        _load(paragraphs, commitments, curated)


def test_a_claim_with_a_commitment_is_refused(paragraphs, commitments, curated):
    curated["reforms"]["target-3390"]["commitment_id"] = "service-government.hotline-12345"
    with pytest.raises(CuratedDataError, match=r"entry 'target-3390': a 2020 commitment needs"):
        _load(paragraphs, commitments, curated)


def test_an_undecided_part3_commitment_is_refused(paragraphs, commitments, curated):
    del curated["excluded"]["service-government.lawful-decisions"]
    with pytest.raises(CuratedDataError, match=r"commitments of part 3 neither a reform nor "
                                               r"excluded: service-government.lawful-decisions"):
        _load(paragraphs, commitments, curated)


def test_an_exclusion_that_is_also_a_reform_is_refused(paragraphs, commitments, curated):
    curated["excluded"]["service-government.hotline-12345"] = {"reason": "x"}
    with pytest.raises(CuratedDataError, match=r"excluded entry "
                                               r"'service-government.hotline-12345': the "
                                               r"commitment is also a reform"):
        _load(paragraphs, commitments, curated)


def test_an_exclusion_outside_part3_is_refused(paragraphs, commitments, curated):
    curated["excluded"]["plan-city.taiyuan-zhengzhou-railway"] = {"reason": "x"}
    with pytest.raises(CuratedDataError, match=r"not a commitment of part 3"):
        _load(paragraphs, commitments, curated)


def test_the_file_needs_both_sections(paragraphs, commitments, curated):
    del curated["excluded"]
    with pytest.raises(CuratedDataError, match=r"reforms.yml: expected exactly the "
                                               r"mappings `reforms` and `excluded`"):
        _load(paragraphs, commitments, curated)
