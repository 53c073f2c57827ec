"""Tests for gwr.formulations and formulations.csv."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.formulations import load_formulations


@pytest.fixture(scope="module")
def formulations(tables):
    return tables["formulations"].set_index("term")


@pytest.mark.parametrize(("term", "count", "paragraphs"), [
    ("三大攻坚战", 3, "5;6;72"), ("两下两进两拆", 2, "29;93"), ("2+26", 1, "19"),
    ("4+2", 1, "93"), ("12345", 1, "108"), ("3390", 1, "41"), ("放管服效", 2, "7;108"),
])
def test_counts_and_paragraphs(formulations, term, count, paragraphs):
    assert (formulations.loc[term, "count"], formulations.loc[term, "paragraphs"]) == (
        count, paragraphs)


def test_origin_other_than_unknown_has_a_reference(formulations):
    known = formulations[formulations["origin"] != "unknown"]
    assert (known["reference"] != "").all()


def test_every_formulation_mention_belongs_to_a_term(tables, text):
    mentions = tables["mentions"]
    terms = list(tables["formulations"]["term"])
    for m in mentions[mentions["class"] == "formulation"].itertuples():
        assert any(term in text[max(0, m.start - 8):m.end + 8] for term in terms), m.quote


def _load(text, paragraphs, curated):
    return load_formulations(text, paragraphs, curated=curated)


def test_origin_without_reference_is_refused(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("formulations.yml"))
    curated["两个维护"]["origin"] = "national"
    with pytest.raises(CuratedDataError, match=r"formulations.yml, entry '两个维护': origin "
                                               r"'national' needs a `reference`"):
        _load(text, paragraphs, curated)


def test_unknown_reference_is_refused(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("formulations.yml"))
    curated["三大攻坚战"]["reference"] = "nobody2099"
    with pytest.raises(CuratedDataError, match=r"reference 'nobody2099' is not an entry"):
        _load(text, paragraphs, curated)


def test_term_missing_from_the_text_is_stale(text, paragraphs):
    curated = load_yaml_mapping("formulations.yml")
    curated["五个意识"] = curated.pop("四个意识")
    with pytest.raises(CuratedDataError, match=r"entry '五个意识': the term does not occur"):
        _load(text, paragraphs, curated)


def test_numbered_flag_is_checked(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("formulations.yml"))
    curated["放管服效"]["numbered"] = True
    with pytest.raises(CuratedDataError, match=r"entry '放管服效': numbered is True"):
        _load(text, paragraphs, curated)
