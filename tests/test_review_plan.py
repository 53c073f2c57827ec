"""Tests for gwr.chapters.review_to_plan, the curated review-to-plan files and links.csv."""

from __future__ import annotations

import copy

import pytest

from gwr.chapters.review_to_plan import (
    link_matrix,
    load_links,
    load_new_items,
    load_pairs,
    pair_values,
)
from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.text.sections import section_of


@pytest.fixture(scope="module")
def texts(paragraphs):
    return {p.number: p.text for p in paragraphs}


@pytest.fixture(scope="module")
def links_yml():
    return load_yaml_mapping("review_plan_links.yml")


def _broken(entries, key, **changes):
    out = copy.deepcopy(entries)
    out[key].update(changes)
    return out


def test_links_table_matches_the_curated_file(tables, links_yml):
    links = tables["links"]
    assert list(links["link_id"]) == list(links_yml)
    assert set(links["review_section_id"]) <= set(tables["sections"]["section_id"])
    assert set(links["plan_section_id"]) <= set(tables["sections"]["section_id"])


def test_every_review_area_has_a_link_and_epidemic_has_none(tables):
    matrix = link_matrix(tables["links"], tables["sections"])
    assert matrix.shape == (9, 10)
    assert (matrix != "").any(axis=1).all()
    assert (matrix["plan-epidemic"] == "").all()


def test_an_unknown_section_id_fails_naming_file_and_entry(sections, links_yml):
    bad = {k.replace("review-economy", "review-econ"): v for k, v in links_yml.items()}
    with pytest.raises(CuratedDataError) as info:
        load_links(sections, curated=bad)
    message = str(info.value)
    entry = "entry 'review-econ--plan-services-demand'"
    assert f"data/curated/review_plan_links.yml, {entry}" in message
    assert "'review-econ' is not a section_id" in message


def test_a_plan_id_on_the_review_side_fails(sections, links_yml):
    bad = {"plan-city--plan-agriculture": links_yml["review-economy--plan-agriculture"]}
    with pytest.raises(CuratedDataError, match="kind review_area"):
        load_links(sections, curated=bad)


@pytest.mark.parametrize(("change", "message"), [
    ({"review_paragraphs": [59]}, "outside section 'review-economy'"),
    ({"reason": "Brands."}, "does not cite ¶13"),
    ({"basis": "vibes"}, "basis 'vibes'"),
])
def test_bad_link_fields_fail(sections, links_yml, change, message):
    key = "review-economy--plan-agriculture"
    with pytest.raises(CuratedDataError, match=message) as info:
        load_links(sections, curated={key: {**links_yml[key], **change}})
    assert f"entry {key!r}" in str(info.value)


def test_pairs_load_and_values_come_from_indicators(texts, tables):
    pairs = load_pairs(texts, tables["indicators"])
    values = pair_values(pairs, tables["indicators"]).set_index("pair_id")
    # Checked by hand against ¶29, ¶39, ¶91 and ¶103.
    assert values.loc["back-streets", ["review_value", "plan_value"]].tolist() == [478, 147]
    assert values.loc["old-compounds", ["review_value", "plan_value"]].tolist() == [1776, 521]
    assert values.loc["housing-starts", ["review_value", "plan_value"]].tolist() == [13800, 2533]
    assert values.loc["housing-completions", ["review_value", "plan_value"]].tolist() == [
        47200, 29000]
    assert set(pairs["comparison"]) == {"achieved_vs_planned", "different_measures",
                                        "qualitative"}


def test_a_pair_with_a_wrong_quote_or_indicator_fails(texts, tables):
    entries = load_yaml_mapping("programme_pairs.yml")
    bad = copy.deepcopy(entries)
    bad["back-streets"]["review"]["quote"] = "整治背街小巷487条"
    with pytest.raises(CuratedDataError, match="does not stand in ¶29"):
        load_pairs(texts, tables["indicators"], curated=bad)
    bad = copy.deepcopy(entries)
    bad["back-streets"]["plan"]["indicators"] = ["review-city-image.back-streets-improved"]
    with pytest.raises(CuratedDataError, match="is in ¶29, not ¶91"):
        load_pairs(texts, tables["indicators"], curated=bad)


def test_new_items_stand_in_plan_paragraphs(texts, sections):
    items = load_new_items(texts, section_of(sections))
    assert items["section_id"].str.startswith("plan-").all()
    with pytest.raises(CuratedDataError, match="not in a 2020 task"):
        load_new_items(texts, section_of(sections), curated={"x": {
            "paragraph": 29, "quote": "背街小巷", "gloss_en": "", "note": ""}})
