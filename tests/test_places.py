"""Tests for gwr.data.places and places.csv."""

from __future__ import annotations

import copy

import pytest

from gwr.curated import load_yaml_mapping
from gwr.data.places import ADMINISTRATIVE_KINDS, KINDS, SITE_KINDS, find_places
from gwr.errors import CuratedDataError

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


def test_names_inside_names_that_are_not_places_count(places, text):
    for brand, unit in [("清徐葡萄", "清徐"), ("阳曲小米", "阳曲"), ("娄烦山药蛋", "娄烦"),
                        ("古交榛子", "古交")]:
        start = text.index(brand)
        assert list(places.loc[places["start"] == start, "quote"]) == [unit], brand


@pytest.mark.parametrize("site", ["太原南站", "晋源花卉小镇", "阳曲大型热源厂", "大原至延安高铁",
                                  "小店桥"])
def test_a_place_name_is_recorded_whole_and_is_a_site(places, text, site):
    start = text.index(site)
    rows = places[(places["start"] >= start) & (places["end"] <= start + len(site))]
    assert list(rows["quote"]) == [site]
    assert rows["kind"].iloc[0] in SITE_KINDS


def test_both_railways_of_77_are_sites(places):
    rows = places[places["paragraph"] == 77]
    sites = rows[rows["kind"].isin(SITE_KINDS)]
    assert {"太郑高铁", "大原至延安高铁", "太原铁路枢纽"} <= set(sites["quote"])
    assert set(rows["kind"]) <= set(SITE_KINDS)  # ¶77 names no division outside a site's name


def test_kinds_are_sites_or_divisions_and_never_both():
    assert set(SITE_KINDS) | set(ADMINISTRATIVE_KINDS) == set(KINDS)
    assert not set(SITE_KINDS) & set(ADMINISTRATIVE_KINDS)
    assert {"project_site", "transport", "landmark", "river"} <= set(SITE_KINDS)


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
