"""Tests for gwr.data.review_links and the tables it feeds: links.csv, programme_pairs.csv and
plan_new_items.csv (the curated review-to-plan decisions)."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.datapackage import load_schema
from gwr.data.review_links import (
    NEW_ITEM_COLUMNS,
    PAIR_COLUMNS,
    load_links,
    load_new_items,
    load_pairs,
)
from gwr.data.tables import load_table
from gwr.errors import CuratedDataError


@pytest.fixture(scope="module")
def links_yml():
    return load_yaml_mapping("review_plan_links.yml")


@pytest.fixture(scope="module")
def pairs_yml():
    return load_yaml_mapping("programme_pairs.yml")


@pytest.fixture(scope="module")
def new_yml():
    return load_yaml_mapping("plan_without_review.yml")


# Links: links.csv.

def test_links_table_matches_the_curated_file(tables, links_yml):
    links = tables["links"]
    assert list(links["link_id"]) == list(links_yml)
    assert set(links["review_section_id"]) <= set(tables["sections"]["section_id"])
    assert set(links["plan_section_id"]) <= set(tables["sections"]["section_id"])


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


# Programme pairs: programme_pairs.csv.

def test_pairs_table_holds_every_pair_with_both_sides_in_the_text(tables, text, pairs_yml,
                                                                  section_ids):
    pairs = load_table("programme_pairs")
    assert list(pairs.columns) == PAIR_COLUMNS
    assert [f["name"] for f in load_schema("programme_pairs")["fields"]] == PAIR_COLUMNS
    assert list(pairs["pair_id"]) == list(pairs_yml)
    assert pairs.astype(object).values.tolist() == (
        tables["programme_pairs"].astype(object).values.tolist())
    indicators = tables["indicators"].set_index("indicator_id")
    for side in ("review", "plan"):
        for row in pairs.itertuples():
            start, end = getattr(row, f"{side}_start"), getattr(row, f"{side}_end")
            paragraph = getattr(row, f"{side}_paragraph")
            assert text[start:end] == getattr(row, f"{side}_quote")
            assert getattr(row, f"{side}_quote") in text.split("\n")[paragraph - 1]
            assert section_ids[paragraph] == getattr(row, f"{side}_section_id")
            ids = getattr(row, f"{side}_indicators")
            for ind in filter(None, ids.split(";")):
                assert indicators.loc[ind, "paragraph"] == paragraph
    assert pairs["review_section_id"].str.startswith("review-").all()
    by_id = pairs.set_index("pair_id")
    # Checked by hand against ¶16, ¶20, ¶21, ¶29, ¶63, ¶74 and ¶91.
    assert by_id.loc["back-streets", ["review_quote", "plan_quote"]].tolist() == [
        "整治背街小巷478条", "年内完成剩余147条背街小巷"]
    assert by_id.loc["high-tech", "review_indicators"] == (
        "review-innovation.tech-smes-growth;review-innovation.high-tech-enterprises-growth")
    assert by_id.loc["fen-river", ["review_indicators", "plan_indicators"]].tolist() == ["", ""]
    assert by_id.loc["coal-to-electricity", ["review_paragraph", "plan_paragraph"]].tolist() == [
        20, 74]


def test_a_pair_with_a_wrong_quote_or_indicator_fails(paragraphs, sections, tables, pairs_yml):
    bad = copy.deepcopy(pairs_yml)
    bad["back-streets"]["review"]["quote"] = "整治背街小巷487条"
    with pytest.raises(CuratedDataError, match="does not stand in ¶29") as info:
        load_pairs(paragraphs, sections, tables["indicators"], curated=bad)
    assert "data/curated/programme_pairs.yml, entry 'back-streets'" in str(info.value)
    bad = copy.deepcopy(pairs_yml)
    bad["back-streets"]["plan"]["indicators"] = ["review-city-image.back-streets-improved"]
    with pytest.raises(CuratedDataError, match="is in ¶29, not ¶91"):
        load_pairs(paragraphs, sections, tables["indicators"], curated=bad)


@pytest.mark.parametrize(("side", "change", "message"), [
    ("review", {"paragraph": 91, "quote": "背街小巷", "indicators": []},
     "¶91 on the review side is in section 'plan-city'"),
    ("plan", {"quote": "住有"}, "stands 2 times in ¶91"),
    ("plan", {"indicators": ["plan-city.no-such-figure"]}, "'plan-city.no-such-figure' is not in"),
    ("plan", {"indicators": []}, "needs indicators on the plan side"),
])
def test_bad_pair_sides_fail_naming_file_and_entry(paragraphs, sections, tables, pairs_yml,
                                                   side, change, message):
    entry = copy.deepcopy(pairs_yml["back-streets"])
    entry[side].update(change)
    with pytest.raises(CuratedDataError, match=message) as info:
        load_pairs(paragraphs, sections, tables["indicators"], curated={"back-streets": entry})
    assert "data/curated/programme_pairs.yml, entry 'back-streets'" in str(info.value)


def test_each_pair_has_the_short_label_its_figure_shows(pairs_yml):
    """The chart of chapter 5 titles each panel with programme_zh and short_en (the notebook
    once kept its own labels, worded differently from the table)."""
    pairs = load_table("programme_pairs").set_index("pair_id")
    assert pairs["short_en"].tolist() == [e["short_en"] for e in pairs_yml.values()]
    assert pairs.loc["housing-starts", ["programme_zh", "short_en"]].tolist() == [
        "新开工保障房", "Housing starts"]
    assert pairs.loc["housing-completions", ["programme_zh", "short_en"]].tolist() == [
        "基本建成保障房", "Housing completed"]
    assert (pairs["short_en"].str.split().str.len() <= 3).all()


@pytest.mark.parametrize(("change", "message"), [
    ({"short_en": "Back streets and alleys of the old town"}, r"short_en .* one to three words"),
    ({"short_en": " "}, r"short_en .* one to three words"),
    ({"short_en": None}, r"missing required field 'short_en'"),
])
def test_a_bad_short_label_names_file_and_entry(paragraphs, sections, tables, pairs_yml, change,
                                                message):
    entry = {**copy.deepcopy(pairs_yml["back-streets"]), **change}
    with pytest.raises(CuratedDataError, match=message) as info:
        load_pairs(paragraphs, sections, tables["indicators"], curated={"back-streets": entry})
    assert "data/curated/programme_pairs.yml, entry 'back-streets'" in str(info.value)


def test_a_pair_with_an_unknown_comparison_fails(paragraphs, sections, tables, pairs_yml):
    entry = {**pairs_yml["fen-river"], "comparison": "trend"}
    with pytest.raises(CuratedDataError, match="comparison 'trend'"):
        load_pairs(paragraphs, sections, tables["indicators"], curated={"fen-river": entry})


# Plan items without a review counterpart: plan_new_items.csv.

def test_new_items_stand_in_plan_paragraphs(paragraphs, sections):
    items = load_new_items(paragraphs, sections)
    assert items["section_id"].str.startswith("plan-").all()
    with pytest.raises(CuratedDataError, match="not in a 2020 task"):
        load_new_items(paragraphs, sections, curated={"x": {
            "paragraph": 29, "quote": "背街小巷", "gloss_en": "", "note": ""}})


def test_new_items_table_quotes_the_text(tables, text, new_yml, section_ids):
    items = load_table("plan_new_items")
    assert list(items.columns) == NEW_ITEM_COLUMNS
    assert [f["name"] for f in load_schema("plan_new_items")["fields"]] == NEW_ITEM_COLUMNS
    assert sorted(items["item_id"]) == sorted(new_yml)
    assert items["start"].is_monotonic_increasing
    assert items.astype(object).values.tolist() == (
        tables["plan_new_items"].astype(object).values.tolist())
    for row in items.itertuples():
        assert text[row.start:row.end] == row.quote
        assert section_ids[row.paragraph] == row.section_id
    by_id = items.set_index("item_id")
    # Checked by hand against ¶44, ¶75 and ¶85.
    assert by_id.loc["epidemic", ["paragraph", "section_id"]].tolist() == [44, "plan-epidemic"]
    assert by_id.loc["financial-risk", "quote"] == "坚决防范化解重大风险"
    assert by_id.loc["five-g", ["paragraph", "section_id"]].tolist() == [85, "plan-city"]


@pytest.mark.parametrize(("change", "message"), [
    ({"quote": "停车泊位2万个"}, "the quote '停车泊位2万个' does not stand in ¶92"),
    ({"paragraph": 200}, "does not stand in ¶200"),
    ({"gloss_en": 3}, "field 'gloss_en' must be str"),
])
def test_a_stale_or_malformed_new_item_names_file_and_entry(paragraphs, sections, new_yml,
                                                           change, message):
    entry = {**new_yml["parking"], **change}
    with pytest.raises(CuratedDataError, match=message) as info:
        load_new_items(paragraphs, sections, curated={"parking": entry})
    assert "data/curated/plan_without_review.yml, entry 'parking'" in str(info.value)
