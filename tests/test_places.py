"""Tests for gwr.places and places.csv."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.errors import CuratedDataError
from gwr.places import find_places

# GB/T 2260 codes of Taiyuan's county-level units, as the issue gives them.
TAIYUAN_COUNTY_LEVEL = {"小店区": "140105", "迎泽区": "140106", "杏花岭区": "140107",
                        "尖草坪区": "140108", "万柏林区": "140109", "晋源区": "140110",
                        "清徐县": "140121", "阳曲县": "140122", "娄烦县": "140123",
                        "古交市": "140181"}


@pytest.fixture(scope="module")
def places(tables):
    return tables["places"]


def test_county_level_units_carry_their_codes(places):
    codes = set(TAIYUAN_COUNTY_LEVEL.values())
    county_level = places[places["kind"].isin(["district", "county", "county_city"])]
    assert len(county_level) > 0
    assert set(county_level["adcode"]) <= codes
    for full_name, code in TAIYUAN_COUNTY_LEVEL.items():
        short = full_name[:-1]
        rows = county_level[county_level["quote"].isin([full_name, short])]
        assert (rows["adcode"] == code).all(), full_name


def test_names_inside_other_names_count(places, text):
    for brand in ["清徐葡萄", "阳曲小米", "娄烦山药蛋", "古交榛子", "晋源花卉小镇"]:
        start = text.index(brand)
        assert (places["start"] == start).any(), brand


def test_longest_name_wins(places, text):
    start = text.index("太原南站")
    rows = places[places["start"] == start]
    assert list(rows["quote"]) == ["太原南站"]


def test_no_place_inside_ordinary_words(places, text):
    for word in ["万达", "万向"]:
        start = text.index(word)
        assert list(places[places["start"] == start]["quote"]) != ["万"]


def test_stale_paragraph_list_names_file_and_entry(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    curated["晋中"]["paragraphs"] = [78]
    with pytest.raises(CuratedDataError, match=r"places.yml, entry '晋中': paragraphs \[78\]"):
        find_places(text, paragraphs, curated=curated)


def test_bad_adcode_is_refused(text, paragraphs):
    curated = copy.deepcopy(load_yaml_mapping("places.yml"))
    curated["晋中"]["adcode"] = "1407"
    with pytest.raises(CuratedDataError, match=r"entry '晋中': adcode '1407'"):
        find_places(text, paragraphs, curated=curated)
